//! The store's record types: what a caller writes ([`NewDocument`]), asks for
//! ([`FactFilter`], [`DocFilter`], [`EntityFilter`]) and gets back ([`StoredFact`], which
//! lives in `almanac-model`; [`DocumentSummary`], [`EntitySummary`], [`Stats`], [`Put`]).
//! Plain data: the SQL that fills and reads them is in `sql/`, the code that runs it in
//! `write.rs` and `query.rs`.

use std::str::FromStr;

use almanac_extract::{Lang, Period};
use chrono::NaiveDate;
use serde::Serialize;

pub use almanac_model::StoredFact;

/// The content hash of a document: BLAKE3 over its text and the date given with it from
/// outside (the same text under another date extracts differently), as 64 hex digits.
pub fn content_hash(text: &str, meta_date: Option<NaiveDate>) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(text.as_bytes());
    hasher.update(&[0]);
    if let Some(date) = meta_date {
        hasher.update(date.to_string().as_bytes());
    }
    hasher.finalize().to_hex().to_string()
}

/// A document to write, as read from the user's inputs.
#[derive(Debug, Clone, Copy)]
pub struct NewDocument<'a> {
    /// The document id (FACTS.md `doc`).
    pub doc: &'a str,
    /// Where it came from: a path, `path:LINE` for JSONL, `-` for stdin.
    pub origin: &'a str,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub text: &'a str,
    /// The date given from outside the text (JSONL `date`, `--date`); kept for `reindex`.
    pub meta_date: Option<NaiveDate>,
}

impl<'a> NewDocument<'a> {
    /// A document with only an id, an origin and a text.
    pub fn new(doc: &'a str, origin: &'a str, text: &'a str) -> NewDocument<'a> {
        NewDocument {
            doc,
            origin,
            title: None,
            url: None,
            text,
            meta_date: None,
        }
    }

    /// Its [`content_hash`].
    pub fn hash(&self) -> String {
        content_hash(self.text, self.meta_date)
    }
}

/// What writing one document did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Put {
    /// A document the ledger did not hold.
    Inserted { facts: usize },
    /// A stored document replaced: a new text under its id, or re-extracted (`force`).
    Replaced {
        facts: usize,
        previous_origin: String,
    },
    /// The same text is already stored (under `stored_as`); nothing written.
    Unchanged { stored_as: String },
    /// The same text is stored under another id, `of`: this id was recorded as a
    /// duplicate of it (sharing its text and facts), and so is kept.
    Duplicate { of: String },
}

impl Put {
    /// Whether the document was written.
    pub fn is_written(&self) -> bool {
        !matches!(self, Put::Unchanged { .. })
    }

    /// The number of facts written.
    pub fn facts(&self) -> usize {
        match self {
            Put::Inserted { facts } | Put::Replaced { facts, .. } => *facts,
            Put::Unchanged { .. } | Put::Duplicate { .. } => 0,
        }
    }
}

/// Whether a document is already stored, before extracting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocStatus {
    New,
    /// The same content is stored under this id (`stored_as` is the id itself, or the id
    /// whose text this one is recorded as duplicating).
    Unchanged {
        stored_as: String,
    },
    /// The same content is stored under another id, `of`, and this id is not recorded yet:
    /// writing it records a duplicate.
    Duplicate {
        of: String,
    },
    /// The id is stored with another content.
    Changed,
}

/// Which facts to return. Empty lists and `None` do not filter.
#[derive(Debug, Clone, Default)]
pub struct FactFilter {
    /// A canonical name or an alias of the subject (any case).
    pub subject: Option<String>,
    /// With `subject`: also places that are part of it, at any depth.
    pub within: bool,
    /// Any of these metrics.
    pub metric: Vec<String>,
    pub measure: Vec<String>,
    pub status: Vec<String>,
    pub unit: Vec<String>,
    /// Facts whose period overlaps this one (facts without a period are left out).
    pub period: Option<Period>,
    /// Facts of this document id.
    pub doc: Option<String>,
    /// A full-text search over the facts' sentences: words (all must occur), or FTS5
    /// syntax (`"industrial zone"`, `jobs OR workplaces`, `invest*`).
    pub text: Option<String>,
    pub sort: FactSort,
    pub limit: Option<usize>,
}

/// The order of facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FactSort {
    pub key: SortKey,
    pub descending: bool,
}

/// What facts are sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Ledger order: documents as ingested, facts in text order.
    #[default]
    Document,
    /// The document date.
    Date,
    /// The start (then end) of the fact's period.
    Period,
    Value,
    ValueKzt,
    ValueUsd,
    Subject,
    Metric,
}

impl FromStr for FactSort {
    type Err = String;

    /// `period`, `-value` (a leading `-` sorts descending), `value_kzt`, ...
    fn from_str(s: &str) -> Result<Self, String> {
        let (descending, name) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let key = match name.replace('-', "_").as_str() {
            "doc" | "document" | "ledger" => SortKey::Document,
            "date" => SortKey::Date,
            "period" => SortKey::Period,
            "value" => SortKey::Value,
            "value_kzt" | "kzt" => SortKey::ValueKzt,
            "value_usd" | "usd" => SortKey::ValueUsd,
            "subject" => SortKey::Subject,
            "metric" => SortKey::Metric,
            _ => {
                return Err(format!(
                    "unknown sort {s:?}: expected doc, date, period, value, value_kzt, value_usd, \
                     subject or metric, with a leading - for descending"
                ))
            }
        };
        Ok(FactSort { key, descending })
    }
}

/// A stored document without its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentSummary {
    pub doc: String,
    pub origin: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<NaiveDate>,
    pub date_source: Option<String>,
    pub bytes: u64,
    pub hash: String,
    pub extractor_version: String,
    pub ingested_at: String,
    pub facts: u64,
    /// The language it was read in; `None` for a document stored before the ledger kept
    /// it (schema 5), until `reindex` reads it again.
    pub lang: Option<Lang>,
    /// The id of the document whose text (and facts) this one shares, for a duplicate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// A stored document with its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDocument {
    #[serde(flatten)]
    pub summary: DocumentSummary,
    pub meta_date: Option<NaiveDate>,
    pub text: String,
    /// The other ids the same text was given under (each a recorded duplicate), or, for a
    /// duplicate, the id that holds the text and its own fellow duplicates.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub same_text: Vec<String>,
}

impl StoredDocument {
    /// The document as it was given, to extract it again.
    pub fn as_new(&self) -> NewDocument<'_> {
        NewDocument {
            doc: &self.summary.doc,
            origin: &self.summary.origin,
            title: self.summary.title.as_deref(),
            url: self.summary.url.as_deref(),
            text: &self.text,
            meta_date: self.meta_date,
        }
    }
}

/// Which documents to list.
#[derive(Debug, Clone, Default)]
pub struct DocFilter {
    /// Documents whose date falls in this period.
    pub period: Option<Period>,
    /// Documents whose id, title or origin contains this (any case).
    pub search: Option<String>,
    /// Newest first rather than in ledger order.
    pub newest_first: bool,
    pub limit: Option<usize>,
}

/// An entity with its counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntitySummary {
    pub name: String,
    /// `None` for a subject that facts name but the entity layer did not record.
    pub kind: Option<String>,
    pub part_of: Option<String>,
    pub role: Option<String>,
    pub role_of: Option<String>,
    pub aliases: Vec<String>,
    pub mentions: u64,
    pub documents: u64,
    /// Facts whose subject it is.
    pub facts: u64,
}

/// Which entities to list.
#[derive(Debug, Clone, Default)]
pub struct EntityFilter {
    pub kind: Option<String>,
    /// Entities whose name or an alias contains this (any case).
    pub search: Option<String>,
    /// Places that are part of this one, at any depth (the place itself included).
    pub within: Option<String>,
    pub limit: Option<usize>,
}

/// Counts over the whole ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Documents with a text of their own.
    pub documents: u64,
    /// Ids recorded as duplicates of one of them (`Put::Duplicate`).
    pub duplicates: u64,
    pub facts: u64,
    pub entities: u64,
}
