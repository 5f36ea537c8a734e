//! almanac-store: the ledger of documents, facts and entities, in SQLite.
//!
//! The store keeps what `almanac-extract` found in each document, and answers the queries
//! of `almanac facts`, `docs`, `show`, `entities` and `export`. It knows all the SQL of the
//! project (in the private `sql` module); callers deal in `Fact`s, filters and summaries.
//!
//! What it guarantees:
//!
//! - A document is written whole: its row, facts (with their sentences, and those in the
//!   full-text index), entities and mentions in one transaction (a savepoint inside a
//!   batch when one fails), so a killed process leaves only whole documents.
//! - Writing is idempotent by content hash (the text plus the date given with it): a
//!   document already stored is skipped unless forced; a new text under a stored document
//!   id replaces that document.
//! - Money is normalised to KZT and USD at the official rate of the fact's period (see
//!   [`rates`]), and each normalised value says which rate it used.
//!
//! What it deliberately does not do: extraction, file reading, formatting for people.
//!
//! ```
//! use almanac_extract::{Extraction, EXTRACTOR_VERSION};
//! use almanac_store::{FactFilter, NewDocument, Store};
//! # fn main() -> Result<(), almanac_store::StoreError> {
//! let mut store = Store::open_in_memory()?;
//! let doc = NewDocument::new("almaty-2023", "almaty-2023.txt", "Almaty grew.");
//! let outcome = store.put(&doc, &Extraction::default(), EXTRACTOR_VERSION, false)?;
//! assert!(outcome.is_written());
//! assert_eq!(store.facts(&FactFilter::default())?.len(), 0);
//! # Ok(())
//! # }
//! ```
//!
//! The schema lives under numbered migrations in a `schema_migrations` table (portable,
//! unlike SQLite's `user_version`), so that a PostgreSQL backend can follow by translating
//! one module.

pub mod corpus;
pub mod rates;
mod sql;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use almanac_extract::{
    DateSource, Entity, Equivalent, Extraction, Fact, Measure, Metric, Period, Qualifier, Status,
};
use chrono::{Datelike, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde::Serialize;

pub use rates::{Money, Rate, RateSource};

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the ledger {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("the ledger has schema version {found}, newer than this almanac knows ({known}); upgrade almanac")]
    SchemaTooNew { found: u32, known: u32 },
    #[error("invalid text search {query:?}: {message}")]
    TextQuery { query: String, message: String },
    #[error("the ledger holds an invalid {column}: {value:?}")]
    Corrupt { column: &'static str, value: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// The store's result type.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

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
            Put::Unchanged { .. } => 0,
        }
    }
}

/// Whether a document is already stored, before extracting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocStatus {
    New,
    /// The same content is stored, under this document id.
    Unchanged {
        stored_as: String,
    },
    /// The id is stored with another content.
    Changed,
}

/// A fact as stored: the extractor's `Fact` plus the document date and money normalised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredFact {
    /// The fact's row id in this ledger.
    pub id: i64,
    #[serde(flatten)]
    pub fact: Fact,
    /// The date of the document the fact comes from.
    pub doc_date: Option<NaiveDate>,
    pub value_kzt: Option<f64>,
    pub value_usd: Option<f64>,
    /// The rate used for `value_kzt` (KZT per unit of the fact's currency).
    pub kzt_rate: Option<Rate>,
    /// The rate used for `value_usd` (KZT per USD).
    pub usd_rate: Option<Rate>,
    /// The rate the text's own equivalent implies.
    pub implied_rate: Option<Rate>,
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
}

/// A stored document with its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDocument {
    #[serde(flatten)]
    pub summary: DocumentSummary,
    pub meta_date: Option<NaiveDate>,
    pub text: String,
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
    pub documents: u64,
    pub facts: u64,
    pub entities: u64,
}

/// The ledger: one SQLite database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Entities and aliases known to be committed, so that ingest need not upsert them
    /// again for every document that mentions them.
    known: EntityCache,
}

/// Entity rows and alias rows this connection has written or found, by what was written.
/// Only ever holds what a committed transaction wrote: it is cleared whenever a
/// transaction or savepoint is rolled back (entities are never deleted).
#[derive(Default)]
struct EntityCache {
    /// By canonical name: the entity as last upserted, and its row id. Upserting the same
    /// entity again changes nothing (`ON CONFLICT` only fills columns that are NULL).
    entities: HashMap<String, (Entity, i64)>,
    /// By entity id: the aliases written for it.
    aliases: HashMap<i64, HashSet<String>>,
}

impl EntityCache {
    fn clear(&mut self) {
        self.entities.clear();
        self.aliases.clear();
    }
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (or creates) the ledger at `path`, in WAL mode, and brings its schema up to
    /// date.
    ///
    /// # Errors
    ///
    /// When the file cannot be opened or is not a database, or its schema is newer than
    /// this version knows.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let open_err = |source| StoreError::Open {
            path: path.clone(),
            source,
        };
        let conn = Connection::open(&path).map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(open_err)?;
        conn.execute_batch(sql::PRAGMAS_FILE).map_err(open_err)?;
        let mut store = Store {
            conn,
            path: Some(path.clone()),
            known: EntityCache::default(),
        };
        store.migrate().map_err(|err| match err {
            StoreError::Sqlite(source) => open_err(source),
            other => other,
        })?;
        rusqlite::vtab::array::load_module(&store.conn).map_err(open_err)?;
        Ok(store)
    }

    /// A ledger in memory, for tests and one-off runs.
    ///
    /// # Errors
    ///
    /// Only if SQLite itself fails.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(sql::PRAGMAS_MEMORY)?;
        let mut store = Store {
            conn,
            path: None,
            known: EntityCache::default(),
        };
        store.migrate()?;
        rusqlite::vtab::array::load_module(&store.conn)?;
        Ok(store)
    }

    /// The file the ledger lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version the ledger is at.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .query_row(sql::CURRENT_VERSION, [], |row| row.get(0))?)
    }

    fn migrate(&mut self) -> Result<()> {
        let known = sql::MIGRATIONS.last().map_or(0, |m| m.0);
        // A ledger already at this schema needs no write lock: opening it (for a query,
        // or a second connection) must not wait for a running ingest to pause.
        if let Ok(found) = self
            .conn
            .query_row(sql::CURRENT_VERSION, [], |row| row.get::<_, u32>(0))
        {
            if found == known {
                return Ok(());
            }
        }
        self.conn.execute_batch(sql::CREATE_MIGRATIONS)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let found: u32 = tx.query_row(sql::CURRENT_VERSION, [], |row| row.get(0))?;
        if found > known {
            return Err(StoreError::SchemaTooNew { found, known });
        }
        for (version, name, migration) in sql::MIGRATIONS.iter().filter(|m| m.0 > found) {
            tx.execute_batch(migration)?;
            tx.execute(sql::RECORD_MIGRATION, params![version, name, now()])?;
        }
        tx.commit()?;
        if found > 0 {
            // An upgrade rebuilt tables, and with them lost the planner's statistics.
            self.conn.execute_batch(sql::OPTIMIZE)?;
        }
        Ok(())
    }

    /// Whether `doc` is stored already, by its content hash and id; lets a caller skip the
    /// extraction of unchanged documents.
    pub fn status(&self, doc: &NewDocument<'_>) -> Result<DocStatus> {
        let hash = doc.hash();
        let mut by_hash = self.conn.prepare_cached(sql::DOC_BY_HASH)?;
        if let Some(stored_as) = by_hash.query_row([&hash], |r| r.get(0)).optional()? {
            return Ok(DocStatus::Unchanged { stored_as });
        }
        let mut by_id = self.conn.prepare_cached(sql::DOC_BY_ID)?;
        let exists = by_id.query_row([doc.doc], |_| Ok(())).optional()?.is_some();
        Ok(if exists {
            DocStatus::Changed
        } else {
            DocStatus::New
        })
    }

    /// Writes one document and what was extracted from it, in one transaction.
    /// `extractor_version` is stored with it for `reindex`. Without `force` a document whose
    /// content is stored already is left alone; with it, its facts are replaced.
    ///
    /// # Errors
    ///
    /// On a database error; nothing of the document is written then.
    pub fn put(
        &mut self,
        doc: &NewDocument<'_>,
        extraction: &Extraction,
        extractor_version: &str,
        force: bool,
    ) -> Result<Put> {
        let known = &mut self.known;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let written = (|| {
            let mut batch = Batch::begin(&tx)?;
            let put = put_document(
                &tx,
                known,
                &mut batch,
                doc,
                extraction,
                extractor_version,
                force,
            )?;
            index_pending(&tx, &mut batch)?;
            tx.commit()?;
            Ok(put)
        })();
        if written.is_err() {
            known.clear();
        }
        written
    }

    /// Writes many documents in one transaction, each whole or not at all: a document that
    /// fails is left out alone and reported in its slot, the others are written.
    ///
    /// # Errors
    ///
    /// When the transaction itself cannot begin or commit; then nothing of the batch is
    /// written.
    pub fn put_batch(
        &mut self,
        items: &[(NewDocument<'_>, &Extraction)],
        extractor_version: &str,
        force: bool,
    ) -> Result<Vec<Result<Put>>> {
        // The fast path: the whole batch in one transaction without savepoints. A
        // savepoint per document would make FTS5 flush a segment per document, which
        // measured as the largest single cost of ingest. Documents rarely fail here, so
        // when one does, the batch is rolled back and written again document by document.
        let known = &mut self.known;
        {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let fast = (|| {
                let mut batch = Batch::begin(&tx)?;
                let mut results = Vec::with_capacity(items.len());
                for (doc, extraction) in items {
                    let put = put_document(
                        &tx,
                        known,
                        &mut batch,
                        doc,
                        extraction,
                        extractor_version,
                        force,
                    )?;
                    results.push(Ok(put));
                }
                index_pending(&tx, &mut batch)?;
                Ok::<_, StoreError>(results)
            })();
            if let Ok(results) = fast {
                match tx.commit() {
                    Ok(()) => return Ok(results),
                    Err(err) => {
                        known.clear();
                        return Err(err.into());
                    }
                }
            }
            known.clear();
            tx.rollback()?;
        }
        let mut tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let slow = (|| {
            let mut batch = Batch::begin(&tx)?;
            let mut results = Vec::with_capacity(items.len());
            for (doc, extraction) in items {
                let mut sp = tx.savepoint()?;
                let mark = batch.mark();
                match put_document(
                    &sp,
                    known,
                    &mut batch,
                    doc,
                    extraction,
                    extractor_version,
                    force,
                ) {
                    Ok(put) => {
                        sp.commit()?;
                        results.push(Ok(put));
                    }
                    Err(err) => {
                        sp.rollback()?;
                        batch.roll_back_to(mark);
                        known.clear();
                        results.push(Err(err));
                    }
                }
            }
            index_pending(&tx, &mut batch)?;
            Ok::<_, StoreError>(results)
        })();
        let committed = slow.and_then(|results| {
            tx.commit()?;
            Ok(results)
        });
        if committed.is_err() {
            known.clear();
        }
        committed
    }

    /// The row ids of documents extracted with another version than `current` (for
    /// `reindex`), in ledger order.
    pub fn stale_documents(&self, current: &str) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(sql::STALE_DOCS)?;
        let ids = stmt
            .query_map([current], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// One document by its id.
    pub fn document(&self, doc: &str) -> Result<Option<StoredDocument>> {
        self.document_where("d.doc = ?1", Value::Text(doc.to_string()))
    }

    /// One document by its row id (from [`Store::stale_documents`]).
    pub fn document_by_row(&self, row_id: i64) -> Result<Option<StoredDocument>> {
        self.document_where("d.id = ?1", Value::Integer(row_id))
    }

    fn document_where(&self, condition: &str, param: Value) -> Result<Option<StoredDocument>> {
        let query = format!(
            "SELECT {}, d.text FROM documents d WHERE {condition}",
            sql::DOC_COLUMNS
        );
        let mut stmt = self.conn.prepare_cached(&query)?;
        let mut rows = stmt.query([param])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let (summary, meta_date) = row_to_summary(row)?;
        Ok(Some(StoredDocument {
            summary,
            meta_date,
            text: row.get(13)?,
        }))
    }

    /// Documents, with their fact counts.
    pub fn documents(&self, filter: &DocFilter) -> Result<Vec<DocumentSummary>> {
        let mut conditions = Vec::new();
        let mut values = Vec::new();
        if let Some(period) = filter.period {
            let (start, end) = period.bounds();
            values.push(Value::Text(start.to_string()));
            values.push(Value::Text(end.to_string()));
            conditions.push(format!(
                "d.date BETWEEN ?{} AND ?{}",
                values.len() - 1,
                values.len()
            ));
        }
        if let Some(search) = &filter.search {
            values.push(Value::Text(format!("%{}%", escape_like(search))));
            let n = values.len();
            conditions.push(format!(
                "(d.doc LIKE ?{n} ESCAPE '\\' OR d.title LIKE ?{n} ESCAPE '\\' \
                 OR d.origin LIKE ?{n} ESCAPE '\\')"
            ));
        }
        let mut query = format!("SELECT {} FROM documents d", sql::DOC_COLUMNS);
        push_where(&mut query, &conditions);
        query.push_str(if filter.newest_first {
            " ORDER BY d.date IS NULL, d.date DESC, d.id DESC"
        } else {
            " ORDER BY d.id"
        });
        push_limit(&mut query, filter.limit);
        let mut stmt = self.conn.prepare(&query)?;
        let mut rows = stmt.query(params_from_iter(values))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(row_to_summary(row)?.0);
        }
        Ok(out)
    }

    /// Calls `visit` with each fact that `filter` selects, in its order, streaming (for
    /// exports of any size). `visit` returns `false` to stop. Returns the number visited.
    ///
    /// # Errors
    ///
    /// On a database error or an invalid `text` search.
    pub fn for_each_fact(
        &self,
        filter: &FactFilter,
        mut visit: impl FnMut(StoredFact) -> bool,
    ) -> Result<usize> {
        let (query, values) = fact_query(filter, false);
        let mut stmt = self.conn.prepare(&query)?;
        let mut rows = stmt
            .query(params_from_iter(values))
            .map_err(|err| text_error(filter, err))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|err| text_error(filter, err))? {
            n += 1;
            if !visit(row_to_fact(row)?) {
                break;
            }
        }
        Ok(n)
    }

    /// The facts `filter` selects, in its order.
    pub fn facts(&self, filter: &FactFilter) -> Result<Vec<StoredFact>> {
        let mut out = Vec::new();
        self.for_each_fact(filter, |fact| {
            out.push(fact);
            true
        })?;
        Ok(out)
    }

    /// How many facts `filter` selects, ignoring its limit.
    pub fn count_facts(&self, filter: &FactFilter) -> Result<u64> {
        let (query, values) = fact_query(filter, true);
        let mut stmt = self.conn.prepare(&query)?;
        stmt.query_row(params_from_iter(values), |r| get_u64(r, 0))
            .map_err(|err| text_error(filter, err))
    }

    /// Entities with their aliases and counts, the most cited first; subjects that facts
    /// name without an entity record come after them with no kind.
    pub fn entities(&self, filter: &EntityFilter) -> Result<Vec<EntitySummary>> {
        let mut conditions = Vec::new();
        let mut values = Vec::new();
        if let Some(kind) = &filter.kind {
            values.push(Value::Text(kind.to_lowercase()));
            conditions.push(format!("e.kind = ?{}", values.len()));
        }
        if let Some(search) = &filter.search {
            values.push(Value::Text(format!("%{}%", escape_like(search))));
            let n = values.len();
            conditions.push(format!(
                "(e.name LIKE ?{n} ESCAPE '\\' OR EXISTS (SELECT 1 FROM aliases a \
                 WHERE a.entity_id = e.id AND a.alias LIKE ?{n} ESCAPE '\\'))"
            ));
        }
        if let Some(within) = &filter.within {
            values.push(Value::Text(within.clone()));
            let n = values.len();
            conditions.push(format!("e.name IN ({})", sql::subject_names(n, true)));
        }
        let mut query = sql::ENTITY_LIST.to_string();
        push_where(&mut query, &conditions);
        let mut out = Vec::new();
        {
            let mut stmt = self.conn.prepare(&query)?;
            let mut rows = stmt.query(params_from_iter(values))?;
            while let Some(row) = rows.next()? {
                out.push((
                    row.get::<_, i64>(0)?,
                    EntitySummary {
                        name: row.get(1)?,
                        kind: row.get(2)?,
                        part_of: row.get(3)?,
                        role: row.get(4)?,
                        role_of: row.get(5)?,
                        aliases: Vec::new(),
                        mentions: get_u64(row, 6)?,
                        documents: get_u64(row, 7)?,
                        facts: get_u64(row, 8)?,
                    },
                ));
            }
        }
        let mut aliases = self.conn.prepare_cached(sql::ENTITY_ALIASES)?;
        for (id, entity) in &mut out {
            entity.aliases = aliases
                .query_map([*id], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .filter(|a| a != &entity.name)
                .collect();
        }
        let mut out: Vec<EntitySummary> = out.into_iter().map(|(_, e)| e).collect();
        if filter.kind.is_none() && filter.within.is_none() {
            let needle = filter.search.as_ref().map(|s| s.to_lowercase());
            let mut stmt = self.conn.prepare(sql::ORPHAN_SUBJECTS)?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let name: String = row.get(0)?;
                if needle
                    .as_ref()
                    .is_some_and(|n| !name.to_lowercase().contains(n))
                {
                    continue;
                }
                out.push(EntitySummary {
                    name,
                    kind: None,
                    part_of: None,
                    role: None,
                    role_of: None,
                    aliases: Vec::new(),
                    mentions: 0,
                    documents: 0,
                    facts: get_u64(row, 1)?,
                });
            }
        }
        out.sort_by(|a, b| {
            (b.facts, b.mentions, b.kind.is_some())
                .cmp(&(a.facts, a.mentions, a.kind.is_some()))
                .then_with(|| a.name.cmp(&b.name))
        });
        if let Some(limit) = filter.limit {
            out.truncate(limit);
        }
        Ok(out)
    }

    /// Counts over the whole ledger.
    pub fn stats(&self) -> Result<Stats> {
        let count = |q: &str| -> Result<u64> { Ok(self.conn.query_row(q, [], |r| get_u64(r, 0))?) };
        Ok(Stats {
            documents: count(sql::COUNT_DOCS)?,
            facts: count(sql::COUNT_ALL_FACTS)?,
            entities: count(sql::COUNT_ENTITIES)?,
        })
    }

    /// How many pages the write-ahead log may grow by before a commit of this connection
    /// folds it back into the database file (SQLite's `wal_autocheckpoint`; 0 never). A
    /// bulk writer raises it when another connection calls [`Store::checkpoint_passive`].
    pub fn set_auto_checkpoint(&self, pages: u32) -> Result<()> {
        self.conn
            .query_row(&format!("PRAGMA wal_autocheckpoint = {pages}"), [], |_| {
                Ok(())
            })?;
        Ok(())
    }

    /// Folds what it can of the write-ahead log back into the database file without
    /// waiting for readers or the writer (a `PASSIVE` checkpoint): lets another thread do
    /// this work for a busy writer.
    pub fn checkpoint_passive(&self) -> Result<()> {
        if self.path.is_some() {
            self.conn
                .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        }
        Ok(())
    }

    /// Checks the database file and the full-text index for corruption (SQLite's
    /// `integrity_check` and FTS5's `integrity-check`); `Ok(())` when both pass.
    ///
    /// # Errors
    ///
    /// [`StoreError::Corrupt`] naming what failed, or a database error.
    pub fn check_integrity(&self) -> Result<()> {
        let report: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if report != "ok" {
            return Err(StoreError::Corrupt {
                column: "database",
                value: report,
            });
        }
        self.conn
            .execute(sql::FTS_INTEGRITY_CHECK, [])
            .map_err(|err| StoreError::Corrupt {
                column: "full-text index",
                value: err.to_string(),
            })?;
        Ok(())
    }

    /// Folds the write-ahead log back into the database file and refreshes the query
    /// planner's statistics (after a large ingest).
    pub fn checkpoint(&self) -> Result<()> {
        if self.path.is_some() {
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        // Refreshes the planner's statistics where they are stale, so that filters keep
        // choosing the right index as the ledger grows.
        self.conn.execute_batch(sql::OPTIMIZE)?;
        Ok(())
    }
}

/// What the documents of one transaction share.
struct Batch {
    /// The sentences of facts up to this id are in the full-text index; newer ones wait
    /// in `pending` until [`index_pending`].
    indexed: i64,
    /// The id of the next fact. Ids are given here rather than by SQLite: a document's
    /// facts have consecutive ids, known before they are written.
    next_fact: i64,
    /// The sentence of each fact written in this batch (fact `indexed + 1` first), NULL
    /// for none: indexed in one statement at the end, as FTS5 flushes its pending terms
    /// at every statement that writes to it.
    pending: Vec<Value>,
    /// Staged sentences forgotten since the batch began (slot, sentence), to restore
    /// when the document that forgot them is rolled back.
    unstaged: Vec<(usize, Value)>,
    /// When the batch was written.
    now: String,
}

/// Where a batch was before a document, to go back there if it fails.
#[derive(Clone, Copy)]
struct Mark {
    next_fact: i64,
    unstaged: usize,
}

impl Batch {
    fn begin(tx: &Connection) -> Result<Batch> {
        let indexed: i64 = tx.query_row(sql::MAX_FACT, [], |r| r.get(0))?;
        Ok(Batch {
            indexed,
            next_fact: indexed + 1,
            pending: Vec::new(),
            unstaged: Vec::new(),
            now: now(),
        })
    }

    /// Fact `id`'s sentence, for the full-text index.
    fn stage(&mut self, id: i64, sentence: Option<&str>) {
        debug_assert_eq!(self.slot(id), self.pending.len());
        self.pending
            .push(sentence.map_or(Value::Null, |s| Value::Text(s.to_string())));
    }

    /// Forgets the staged sentences of facts `first..first + n` (a document replaced in
    /// the batch that wrote it).
    fn unstage(&mut self, first: i64, n: i64) {
        if first > self.indexed {
            let (from, to) = (self.slot(first), self.slot(first + n));
            let to = to.min(self.pending.len());
            for slot in from..to {
                let value = std::mem::replace(&mut self.pending[slot], Value::Null);
                self.unstaged.push((slot, value));
            }
        }
    }

    fn mark(&self) -> Mark {
        Mark {
            next_fact: self.next_fact,
            unstaged: self.unstaged.len(),
        }
    }

    /// Back to where the batch was at `mark` (a document rolled back).
    fn roll_back_to(&mut self, mark: Mark) {
        while self.unstaged.len() > mark.unstaged {
            if let Some((slot, value)) = self.unstaged.pop() {
                self.pending[slot] = value;
            }
        }
        self.pending.truncate(self.slot(mark.next_fact));
        self.next_fact = mark.next_fact;
    }

    fn slot(&self, id: i64) -> usize {
        (id - self.indexed - 1) as usize
    }
}

/// Adds the sentences staged in the batch to the full-text index, in one statement.
fn index_pending(tx: &Connection, batch: &mut Batch) -> Result<()> {
    if batch.pending.iter().any(|v| *v != Value::Null) {
        let pending = std::rc::Rc::new(std::mem::take(&mut batch.pending));
        tx.prepare_cached(sql::INDEX_PENDING)?
            .execute(params![pending, batch.indexed])?;
    }
    Ok(())
}

/// Writes one document inside an open transaction or savepoint; its sentences are staged
/// for the caller to index.
fn put_document(
    tx: &Connection,
    known: &mut EntityCache,
    batch: &mut Batch,
    doc: &NewDocument<'_>,
    extraction: &Extraction,
    extractor_version: &str,
    force: bool,
) -> Result<Put> {
    let hash = doc.hash();
    let stored_by_hash: Option<String> = tx
        .prepare_cached(sql::DOC_BY_HASH)?
        .query_row([&hash], |r| r.get(0))
        .optional()?;
    if let (Some(stored_as), false) = (&stored_by_hash, force) {
        return Ok(Put::Unchanged {
            stored_as: stored_as.clone(),
        });
    }
    // The row to replace: this id, or (forced) the same text stored under another id.
    let stored = |doc: &str| -> Result<Option<StoredRow>> {
        Ok(tx
            .prepare_cached(sql::DOC_BY_ID)?
            .query_row([doc], |r| {
                Ok(StoredRow {
                    id: r.get(0)?,
                    origin: r.get(1)?,
                    first_fact: r.get(2)?,
                    n_facts: r.get(3)?,
                })
            })
            .optional()?)
    };
    let mut existing = stored(doc.doc)?;
    if existing.is_none() {
        if let Some(stored_as) = &stored_by_hash {
            existing = stored(stored_as)?;
        }
    }
    if let Some(old) = &existing {
        batch.unstage(old.first_fact, old.n_facts);
    }
    let date = extraction.date;
    let first_fact = batch.next_fact;
    let n_facts = extraction.facts.len() as i64;
    let row = params![
        doc.doc,
        hash,
        doc.origin,
        doc.title,
        doc.url,
        doc.meta_date.map(|d| d.to_string()),
        date.map(|d| d.to_string()),
        extraction.date_source.map(date_source_str),
        doc.text,
        doc.text.len() as i64,
        extractor_version,
        batch.now,
        first_fact,
        n_facts,
    ];
    let doc_id = match &existing {
        Some(old) => {
            // The old sentences leave the index while the old text and facts still say
            // what they were.
            let indexed_end = (old.first_fact + old.n_facts).min(batch.indexed + 1);
            if old.first_fact < indexed_end {
                tx.prepare_cached(&sql::unindex_sentences())?
                    .execute(params![old.first_fact, indexed_end])?;
            }
            tx.prepare_cached(sql::DELETE_DOC_FACTS)?
                .execute(params![old.first_fact, old.n_facts])?;
            tx.prepare_cached(sql::DELETE_DOC_MENTIONS)?
                .execute([old.id])?;
            let mut update = tx.prepare_cached(sql::UPDATE_DOC)?;
            let mut values: Vec<&dyn rusqlite::ToSql> = row.to_vec();
            values.push(&old.id);
            update.execute(values.as_slice())?;
            old.id
        }
        None => {
            tx.prepare_cached(sql::INSERT_DOC)?.execute(row)?;
            tx.last_insert_rowid()
        }
    };
    let n_facts = put_facts(tx, batch, doc_id, doc.text, extraction)?;
    debug_assert_eq!(batch.next_fact, first_fact + n_facts as i64);
    put_entities(tx, known, doc_id, extraction)?;
    Ok(match existing {
        Some(old) => Put::Replaced {
            facts: n_facts,
            previous_origin: old.origin,
        },
        None => Put::Inserted { facts: n_facts },
    })
}

/// A stored document about to be replaced.
struct StoredRow {
    id: i64,
    origin: String,
    first_fact: i64,
    n_facts: i64,
}

/// Documents up to this size keep their facts' sentences as byte ranges of their text;
/// a larger one stores each sentence's text, so that reading a fact never loads a huge
/// text.
const SENTENCE_BY_RANGE_MAX_DOC: usize = 32 * 1024;

/// Where `sentence` occurs in `text`, looked for first where it holds the fact at `span`
/// (any occurrence will do: the same bytes are the same sentence).
fn locate_sentence(text: &str, sentence: &str, span: [usize; 2]) -> Option<(usize, usize)> {
    let (t, s) = (text.as_bytes(), sentence.as_bytes());
    let len = s.len();
    if len == 0 || len > t.len() {
        return None;
    }
    // It starts at or before the fact and ends at or after it; a start whose first byte
    // matches is a char boundary, as `sentence` is UTF-8. Few candidates are compared
    // whole, so that no text makes this quadratic.
    let latest = span[0].min(t.len() - len);
    let earliest = span[1].saturating_sub(len);
    let mut compared = 0;
    for start in (earliest..=latest).rev() {
        if t[start] == s[0] {
            if &t[start..start + len] == s {
                return Some((start, start + len));
            }
            compared += 1;
            if compared == 64 {
                break;
            }
        }
    }
    let at = text.find(sentence)?;
    Some((at, at + len))
}

fn put_facts(
    tx: &Connection,
    batch: &mut Batch,
    doc_id: i64,
    text: &str,
    extraction: &Extraction,
) -> Result<usize> {
    let mut insert_fact = tx.prepare_cached(sql::INSERT_FACT)?;
    // Consecutive facts of one sentence share its entry in the full-text index: how many
    // they are, on the first of them.
    let facts = &extraction.facts;
    let mut sentence_facts = vec![0_i64; facts.len()];
    let mut first: Option<usize> = None;
    for (i, fact) in facts.iter().enumerate() {
        match first {
            _ if fact.sentence.is_empty() => first = None,
            Some(f) if facts[f].sentence == fact.sentence => sentence_facts[f] += 1,
            _ => {
                first = Some(i);
                sentence_facts[i] = 1;
            }
        }
    }
    // The last sentence located: facts come in text order, several to a sentence.
    let mut last: Option<(&str, Option<(usize, usize)>)> = None;
    let by_range = text.len() <= SENTENCE_BY_RANGE_MAX_DOC;
    let doc_period = extraction.date.map(Period::Day);
    for (fact, &sentence_facts) in facts.iter().zip(&sentence_facts) {
        let id = batch.next_fact;
        batch.next_fact += 1;
        let first_of_sentence = sentence_facts > 0;
        batch.stage(id, first_of_sentence.then_some(fact.sentence.as_str()));
        let (range, sentence_text) = if fact.sentence.is_empty() {
            (None, None)
        } else {
            let range = match last {
                Some((sentence, range)) if sentence == fact.sentence => range,
                _ if by_range => locate_sentence(text, &fact.sentence, fact.span),
                _ => None,
            };
            last = Some((&fact.sentence, range));
            match range {
                Some(_) => (range, None),
                None => (None, Some(fact.sentence.as_str())),
            }
        };
        let bounds = fact.period.map(Period::bounds);
        let money = fact.unit.as_deref().and_then(|unit| {
            rates::normalise(
                fact.value,
                unit,
                &fact.equivalents,
                fact.period.or(doc_period),
            )
        });
        let kzt_rate = money.as_ref().and_then(|m| m.kzt_rate.as_ref());
        let usd_rate = money.as_ref().and_then(|m| m.usd_rate.as_ref());
        let implied = money.as_ref().and_then(|m| m.implied.as_ref());
        let equivalents = if fact.equivalents.is_empty() {
            None
        } else {
            serde_json::to_string(&fact.equivalents).ok()
        };
        insert_fact.execute(params![
            id,
            doc_id,
            fact.text,
            fact.value,
            fact.unit,
            fact.qualifier.map(Qualifier::as_str),
            fact.metric.map(Metric::as_str),
            fact.measure.map(Measure::as_str),
            fact.subject,
            fact.period.map(|p| p.to_string()),
            bounds.map(|b| IsoDate::new(b.0)),
            bounds.map(|b| IsoDate::new(b.1)),
            fact.status.map(Status::as_str),
            equivalents,
            fact.per,
            fact.group,
            fact.object,
            fact.span[0] as i64,
            fact.span[1] as i64,
            range.map(|r| r.0 as i64),
            range.map(|r| r.1 as i64),
            sentence_text,
            first_of_sentence.then_some(sentence_facts),
            money.as_ref().and_then(|m| m.value_kzt),
            money.as_ref().and_then(|m| m.value_usd),
            kzt_rate.map(|r| r.kzt_per_unit),
            kzt_rate.map(|r| r.source.as_str()),
            kzt_rate.map(|r| r.period.as_str()),
            usd_rate.map(|r| r.kzt_per_unit),
            usd_rate.map(|r| r.source.as_str()),
            usd_rate.map(|r| r.period.as_str()),
            implied.map(|r| r.kzt_per_unit),
            implied.map(|r| r.currency.as_str()),
        ])?;
    }
    Ok(extraction.facts.len())
}

/// Entities and aliases as they come; mentions as one row per entity of the document,
/// with their count and spans.
fn put_entities(
    tx: &Connection,
    known: &mut EntityCache,
    doc_id: i64,
    extraction: &Extraction,
) -> Result<()> {
    // By entity id: the number of mentions and their spans (names differing only in case
    // are one entity).
    let mut mentions: Vec<(i64, usize, String)> = Vec::with_capacity(extraction.entities.len());
    for entity in &extraction.entities {
        let id = match known.entities.get(&entity.name) {
            Some((stored, id))
                if stored.kind == entity.kind
                    && stored.part_of == entity.part_of
                    && stored.role == entity.role
                    && stored.role_of == entity.role_of =>
            {
                *id
            }
            _ => {
                let id = upsert_entity(tx, entity)?;
                let mut stored = entity.clone();
                stored.mentions = Vec::new();
                known.entities.insert(entity.name.clone(), (stored, id));
                id
            }
        };
        put_alias(tx, known, &entity.name, id)?;
        if entity.mentions.is_empty() {
            continue;
        }
        let slot = match mentions.iter().position(|m| m.0 == id) {
            Some(i) => i,
            None => {
                mentions.push((id, 0, String::new()));
                mentions.len() - 1
            }
        };
        for m in &entity.mentions {
            if !m.reference && !m.text.trim().is_empty() {
                put_alias(tx, known, m.text.trim(), id)?;
            }
            let (_, n, spans) = &mut mentions[slot];
            *n += 1;
            if !spans.is_empty() {
                spans.push(' ');
            }
            let _ = write!(spans, "{}-{}", m.span[0], m.span[1]);
            if m.reference {
                spans.push('r');
            }
        }
    }
    let mut insert = tx.prepare_cached(sql::INSERT_MENTIONS)?;
    for (entity_id, n, spans) in mentions {
        insert.execute(params![doc_id, entity_id, n as i64, spans])?;
    }
    Ok(())
}

fn upsert_entity(tx: &Connection, entity: &Entity) -> Result<i64> {
    let kind = serde_json::to_value(entity.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    Ok(tx.prepare_cached(sql::UPSERT_ENTITY)?.query_row(
        params![
            entity.name,
            kind,
            entity.part_of,
            entity.role,
            entity.role_of
        ],
        |r| r.get(0),
    )?)
}

fn put_alias(tx: &Connection, known: &mut EntityCache, alias: &str, id: i64) -> Result<()> {
    // Keyed by the exact text: a spelling that differs only in case is one more no-op
    // insert, never a missing alias.
    let written = known.aliases.entry(id).or_default();
    if written.contains(alias) {
        return Ok(());
    }
    tx.prepare_cached(sql::INSERT_ALIAS)?
        .execute(params![alias, id])?;
    written.insert(alias.to_string());
    Ok(())
}

/// The SELECT for a fact filter, and its parameters.
fn fact_query(filter: &FactFilter, count: bool) -> (String, Vec<Value>) {
    let mut conditions = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(subject) = &filter.subject {
        values.push(Value::Text(subject.trim().to_string()));
        let names = sql::subject_names(values.len(), filter.within);
        conditions.push(format!("f.subject IN ({names})"));
    }
    for (column, wanted) in [
        ("f.metric", &filter.metric),
        ("f.measure", &filter.measure),
        ("f.status", &filter.status),
        ("f.unit", &filter.unit),
    ] {
        if wanted.is_empty() {
            continue;
        }
        let mut slots = Vec::new();
        for w in wanted {
            values.push(Value::Text(w.clone()));
            slots.push(format!("?{}", values.len()));
        }
        conditions.push(format!("{column} IN ({})", slots.join(", ")));
    }
    if let Some(period) = filter.period {
        let (start, end) = period.bounds();
        values.push(Value::Text(end.to_string()));
        values.push(Value::Text(start.to_string()));
        let n = values.len();
        // No index serves an overlap (a two-sided range): a filter walks facts in ledger
        // order up to the limit, or uses a more selective index.
        conditions.push(format!(
            "f.period_start <= ?{} AND f.period_end >= ?{n}",
            n - 1
        ));
    }
    if let Some(doc) = &filter.doc {
        values.push(Value::Text(doc.clone()));
        conditions.push(sql::facts_of_doc(values.len()));
    }
    // A text search alone in ledger order, or counted, is driven by the full-text index
    // (whose rowids are fact ids); otherwise it is a filter. With other filters the
    // planner may start from another index, and facts of one sentence could then come
    // out of order.
    let text_driven = filter.text.is_some()
        && (count
            || (conditions.is_empty()
                && filter.sort.key == SortKey::Document
                && !filter.sort.descending));
    if let Some(text) = &filter.text {
        values.push(Value::Text(fts_query(text)));
        conditions.push(if text_driven {
            sql::text_match(values.len())
        } else {
            sql::text_filter(values.len())
        });
    }
    let from = if text_driven {
        sql::text_from()
    } else {
        sql::FACT_FROM.to_string()
    };
    let mut query = if count {
        format!("SELECT COUNT(*) {from}")
    } else {
        format!("SELECT {} {from}", sql::fact_columns())
    };
    push_where(&mut query, &conditions);
    if !count {
        let dir = if filter.sort.descending {
            "DESC"
        } else {
            "ASC"
        };
        let order = match filter.sort.key {
            SortKey::Document if text_driven => "t.rowid".to_string(),
            SortKey::Document => format!("f.id {dir}"),
            SortKey::Date => format!("d.date IS NULL, d.date {dir}, f.id"),
            SortKey::Period => {
                format!("f.period_start IS NULL, f.period_start {dir}, f.period_end {dir}, f.id")
            }
            SortKey::Value => format!("f.value {dir}, f.id"),
            SortKey::ValueKzt => format!("f.value_kzt IS NULL, f.value_kzt {dir}, f.id"),
            SortKey::ValueUsd => format!("f.value_usd IS NULL, f.value_usd {dir}, f.id"),
            SortKey::Subject => format!("f.subject IS NULL, f.subject {dir}, f.id"),
            SortKey::Metric => format!("f.metric IS NULL, f.metric {dir}, f.id"),
        };
        query.push_str(" ORDER BY ");
        query.push_str(&order);
        push_limit(&mut query, filter.limit);
    }
    (query, values)
}

/// Plain words become an all-words search with each word quoted (so `year-on-year` or
/// `15%` cannot be FTS5 syntax errors); anything with FTS5 operators passes through.
fn fts_query(text: &str) -> String {
    let has_syntax = text.contains('"')
        || text.contains('*')
        || text.contains('(')
        || text
            .split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT") || w.starts_with("NEAR"));
    if has_syntax {
        return text.to_string();
    }
    text.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn text_error(filter: &FactFilter, err: rusqlite::Error) -> StoreError {
    let message = err.to_string();
    match &filter.text {
        Some(query) if message.contains("fts5") || message.contains("syntax error") => {
            StoreError::TextQuery {
                query: query.clone(),
                message,
            }
        }
        _ => StoreError::Sqlite(err),
    }
}

fn row_to_fact(row: &Row<'_>) -> Result<StoredFact> {
    let parse_opt = |idx: usize, column: &'static str| -> Result<Option<String>> {
        let _ = column;
        Ok(row.get::<_, Option<String>>(idx)?)
    };
    let corrupt = |column: &'static str, value: &str| StoreError::Corrupt {
        column,
        value: value.to_string(),
    };
    let qualifier = match parse_opt(6, "qualifier")?.as_deref() {
        None => None,
        Some("more_than") => Some(Qualifier::MoreThan),
        Some("less_than") => Some(Qualifier::LessThan),
        Some("about") => Some(Qualifier::About),
        Some(other) => return Err(corrupt("qualifier", other)),
    };
    let measure = match parse_opt(8, "measure")?.as_deref() {
        None => None,
        Some("level") => Some(Measure::Level),
        Some("change") => Some(Measure::Change),
        Some("index") => Some(Measure::Index),
        Some("share") => Some(Measure::Share),
        Some(other) => return Err(corrupt("measure", other)),
    };
    let metric = match parse_opt(7, "metric")? {
        None => None,
        Some(m) => Some(m.parse::<Metric>().map_err(|_| corrupt("metric", &m))?),
    };
    let status = match parse_opt(11, "status")?.as_deref() {
        None => None,
        Some("actual") => Some(Status::Actual),
        Some("planned") => Some(Status::Planned),
        Some(other) => return Err(corrupt("status", other)),
    };
    let period = match parse_opt(10, "period")? {
        None => None,
        Some(p) => Some(p.parse::<Period>().map_err(|_| corrupt("period", &p))?),
    };
    let equivalents: Vec<Equivalent> = match row.get::<_, Option<String>>(12)? {
        None => Vec::new(),
        Some(json) => serde_json::from_str(&json).map_err(|_| corrupt("equivalents", &json))?,
    };
    let rate = |value: usize,
                source: usize,
                period: usize,
                currency: Option<String>|
     -> Result<Option<Rate>> {
        let Some(kzt_per_unit) = row.get::<_, Option<f64>>(value)? else {
            return Ok(None);
        };
        let source_str: String = row.get::<_, Option<String>>(source)?.unwrap_or_default();
        let source =
            RateSource::parse(&source_str).ok_or_else(|| corrupt("rate source", &source_str))?;
        Ok(Some(Rate {
            currency: currency.unwrap_or_default(),
            kzt_per_unit,
            period: row.get::<_, Option<String>>(period)?.unwrap_or_default(),
            source,
        }))
    };
    let unit: Option<String> = row.get(5)?;
    let kzt_rate = rate(21, 22, 23, unit.as_ref().map(|u| u.to_ascii_uppercase()))?;
    let usd_rate = rate(24, 25, 26, Some("USD".into()))?;
    let implied_rate = match row.get::<_, Option<f64>>(27)? {
        None => None,
        Some(kzt_per_unit) => Some(Rate {
            currency: row.get::<_, Option<String>>(28)?.unwrap_or_default(),
            kzt_per_unit,
            period: period.map(|p| p.to_string()).unwrap_or_default(),
            source: RateSource::Text,
        }),
    };
    let fact = Fact {
        doc: row.get(1)?,
        text: row.get(3)?,
        value: row.get(4)?,
        unit,
        qualifier,
        metric,
        measure,
        subject: row.get(9)?,
        period,
        status,
        equivalents,
        per: row.get(13)?,
        group: row.get(14)?,
        object: row.get(15)?,
        span: [
            row.get::<_, i64>(16)? as usize,
            row.get::<_, i64>(17)? as usize,
        ],
        sentence: row.get::<_, Option<String>>(18)?.unwrap_or_default(),
    };
    Ok(StoredFact {
        id: row.get(0)?,
        fact,
        doc_date: parse_date(row.get(2)?)?,
        value_kzt: row.get(19)?,
        value_usd: row.get(20)?,
        kzt_rate,
        usd_rate,
        implied_rate,
    })
}

fn row_to_summary(row: &Row<'_>) -> Result<(DocumentSummary, Option<NaiveDate>)> {
    let summary = DocumentSummary {
        doc: row.get(1)?,
        hash: row.get(2)?,
        origin: row.get(3)?,
        title: row.get(4)?,
        url: row.get(5)?,
        date: parse_date(row.get(7)?)?,
        date_source: row.get(8)?,
        bytes: row.get::<_, i64>(9)? as u64,
        extractor_version: row.get(10)?,
        ingested_at: row.get(11)?,
        facts: row.get::<_, i64>(12)? as u64,
    };
    Ok((summary, parse_date(row.get(6)?)?))
}

fn parse_date(value: Option<String>) -> Result<Option<NaiveDate>> {
    match value {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| StoreError::Corrupt {
                column: "date",
                value: s,
            }),
    }
}

fn date_source_str(source: DateSource) -> &'static str {
    match source {
        DateSource::Header => "header",
        DateSource::Metadata => "metadata",
        DateSource::Text => "text",
    }
}

fn get_u64(row: &Row<'_>, idx: usize) -> rusqlite::Result<u64> {
    Ok(row.get::<_, i64>(idx)?.max(0) as u64)
}

fn push_where(query: &mut String, conditions: &[String]) {
    if !conditions.is_empty() {
        query.push_str(" WHERE ");
        query.push_str(&conditions.join(" AND "));
    }
}

fn push_limit(query: &mut String, limit: Option<usize>) {
    if let Some(limit) = limit {
        query.push_str(&format!(" LIMIT {limit}"));
    }
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// A date as `YYYY-MM-DD` (as `NaiveDate`'s `Display` writes it for years 0 to 9999),
/// bound without formatting or allocating: ingest writes two a fact.
enum IsoDate {
    Digits([u8; 10]),
    Other(String),
}

impl IsoDate {
    fn new(date: NaiveDate) -> IsoDate {
        let (year, month, day) = (date.year(), date.month(), date.day());
        if !(0..=9999).contains(&year) {
            return IsoDate::Other(date.to_string());
        }
        let (year, month, day) = (year as u32, month, day);
        let digit = |n: u32| b'0' + n as u8;
        IsoDate::Digits([
            digit(year / 1000),
            digit(year / 100 % 10),
            digit(year / 10 % 10),
            digit(year % 10),
            b'-',
            digit(month / 10),
            digit(month % 10),
            b'-',
            digit(day / 10),
            digit(day % 10),
        ])
    }

    fn as_str(&self) -> &str {
        match self {
            IsoDate::Digits(digits) => std::str::from_utf8(digits).unwrap_or_default(),
            IsoDate::Other(s) => s,
        }
    }
}

impl rusqlite::ToSql for IsoDate {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        self.as_str().to_sql()
    }
}

/// The current time as ISO 8601 UTC, to the second.
fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ledger as schema version 1 wrote it: two documents, one sentence with two facts,
    /// a fact without a sentence, entities with aliases and mentions.
    const V1_LEDGER: &str = "
INSERT INTO documents VALUES
  (1, 'almaty', 'h1', 'a.txt', NULL, NULL, NULL, '2023-07-31', 'metadata',
   'Almaty attracted 15 billion tenge ($33.7 million) in 2023. The zone will create 369 jobs and 12 plants.',
   103, 'v1', '2024-01-01T00:00:00Z'),
  (2, 'astana', 'h2', 'b.txt', 'Astana', NULL, NULL, '2024-04-15', 'metadata',
   'Astana''s economy grew 5.5 percent in 2024. Almaty too.', 55, 'v1', '2024-01-01T00:00:00Z');
INSERT INTO sentences VALUES
  (1, 1, 'Almaty attracted 15 billion tenge ($33.7 million) in 2023.'),
  (2, 1, 'The zone will create 369 jobs and 12 plants.'),
  (3, 2, 'Astana''s economy grew 5.5 percent in 2024.');
INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences;
INSERT INTO facts (id, doc_id, seq, text, value, unit, metric, subject, period, period_start,
                   period_end, status, equivalents, span_start, span_end, sentence_id)
VALUES
  (1, 1, 0, '15 billion tenge', 15e9, 'KZT', 'investment', 'Almaty', '2023', '2023-01-01',
   '2023-12-31', 'actual', '[{\"value\":33700000.0,\"unit\":\"USD\"}]', 17, 33, 1),
  (2, 1, 1, '369 jobs', 369, 'job', 'jobs', 'Almaty', NULL, NULL, NULL, 'planned', '[]',
   80, 88, 2),
  (3, 1, 2, '12 plants', 12, 'plant', 'projects', 'Almaty', NULL, NULL, NULL, 'planned', '[]',
   93, 102, 2),
  (4, 2, 0, '5.5 percent', 5.5, '%', 'economy', 'Astana', '2024', '2024-01-01', '2024-12-31',
   'actual', '[]', 22, 33, 3),
  (5, 2, 1, 'too', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '[]', 51, 54, NULL);
INSERT INTO entities VALUES (1, 'Almaty', 'city', 'Kazakhstan', NULL, NULL),
  (2, 'Astana', 'city', 'Kazakhstan', NULL, NULL);
INSERT INTO aliases VALUES ('Almaty', 1), ('Astana', 1), ('Astana', 2);
DELETE FROM aliases WHERE alias = 'Astana' AND entity_id = 1;
INSERT INTO mentions (doc_id, entity_id, span_start, span_end, text, reference) VALUES
  (1, 1, 0, 6, 'Almaty', 0), (1, 1, 60, 68, 'The zone', 1), (2, 2, 0, 6, 'Astana', 0),
  (2, 1, 44, 50, 'Almaty', 0);
";

    fn text_search(store: &Store, query: &str) -> Vec<String> {
        let filter = FactFilter {
            text: Some(query.into()),
            ..Default::default()
        };
        store
            .facts(&filter)
            .unwrap()
            .into_iter()
            .map(|f| f.fact.text)
            .collect()
    }

    #[test]
    fn a_version_1_ledger_is_upgraded_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(sql::CREATE_MIGRATIONS).unwrap();
            let (version, name, migration) = sql::MIGRATIONS[0];
            conn.execute_batch(migration).unwrap();
            conn.execute(sql::RECORD_MIGRATION, params![version, name, "then"])
                .unwrap();
            conn.execute_batch(V1_LEDGER).unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), 2);
        store.check_integrity().unwrap();

        let all = store.facts(&FactFilter::default()).unwrap();
        let ids: Vec<i64> = all.iter().map(|f| f.id).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        assert_eq!(
            all[0].fact.sentence,
            "Almaty attracted 15 billion tenge ($33.7 million) in 2023."
        );
        assert_eq!(all[0].fact.equivalents.len(), 1);
        assert_eq!(
            all[2].fact.sentence,
            "The zone will create 369 jobs and 12 plants."
        );
        assert_eq!(all[4].fact.sentence, "");
        assert_eq!(
            text_search(&store, "\"369 jobs\""),
            ["369 jobs", "12 plants"]
        );
        assert_eq!(text_search(&store, "economy"), ["5.5 percent"]);
        let doc = |d: &str| FactFilter {
            doc: Some(d.into()),
            ..Default::default()
        };
        assert_eq!(store.facts(&doc("astana")).unwrap().len(), 2);
        let docs = store.documents(&DocFilter::default()).unwrap();
        assert_eq!(docs.iter().map(|d| d.facts).collect::<Vec<_>>(), [3, 2]);
        let entities = store.entities(&EntityFilter::default()).unwrap();
        let almaty = entities.iter().find(|e| e.name == "Almaty").unwrap();
        assert_eq!((almaty.mentions, almaty.documents, almaty.facts), (3, 2, 3));
        let spans: String = store
            .conn
            .query_row(
                "SELECT spans FROM mentions WHERE doc_id = 1 AND entity_id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(spans, "0-6 60-68r");

        // A migrated document is replaced like any other: its old sentences leave the index.
        let text = "Almaty attracted 20 billion tenge in 2024.";
        let mut fact = all[0].fact.clone();
        fact.text = "20 billion tenge".into();
        fact.span = [17, 33];
        fact.sentence = text.into();
        let extraction = Extraction {
            facts: vec![fact],
            ..Default::default()
        };
        let put = store
            .put(
                &NewDocument::new("almaty", "a2.txt", text),
                &extraction,
                "v2",
                false,
            )
            .unwrap();
        assert!(matches!(put, Put::Replaced { facts: 1, .. }));
        store.check_integrity().unwrap();
        assert!(text_search(&store, "jobs").is_empty());
        assert_eq!(text_search(&store, "attracted"), ["20 billion tenge"]);
        assert_eq!(store.facts(&doc("almaty")).unwrap().len(), 1);
        assert_eq!(store.stats().unwrap().facts, 3);
    }

    #[test]
    fn sentences_are_found_in_the_text_or_kept_whole() {
        let text = "One. The same sentence. Two. The same sentence.";
        assert_eq!(
            locate_sentence(text, "The same sentence.", [33, 37]),
            Some((29, 47))
        );
        assert_eq!(locate_sentence(text, "Two.", [24, 27]), Some((24, 28)));
        // A span that does not hold it: found elsewhere all the same.
        assert_eq!(locate_sentence(text, "One.", [40, 41]), Some((0, 4)));
        assert_eq!(locate_sentence(text, "Three.", [0, 1]), None);
        assert_eq!(locate_sentence(text, "", [0, 0]), None);
        assert_eq!(locate_sentence("é", "é", [0, 2]), Some((0, 2)));
        assert_eq!(locate_sentence("é", "e", [0, 2]), None);
        for date in ["2023-01-09", "0999-12-31", "2024-02-29"] {
            let parsed: NaiveDate = date.parse().unwrap();
            assert_eq!(IsoDate::new(parsed).as_str(), date);
        }

        // Written and read back, wherever the sentence comes from.
        let mut store = Store::open_in_memory().unwrap();
        let fact = |text: &str, span: [usize; 2], sentence: &str| Fact {
            doc: "d".into(),
            text: text.into(),
            value: 1.0,
            unit: None,
            qualifier: None,
            metric: None,
            measure: None,
            subject: None,
            period: None,
            status: None,
            equivalents: Vec::new(),
            per: None,
            group: None,
            object: None,
            span,
            sentence: sentence.into(),
        };
        let extraction = Extraction {
            facts: vec![
                fact("One", [0, 3], "One."),
                fact("same", [33, 37], "The same sentence."),
                fact("sentence", [38, 46], "The same sentence."),
                fact("not", [0, 0], "A sentence not in the text."),
                fact("bare", [0, 0], ""),
            ],
            ..Default::default()
        };
        store
            .put(&NewDocument::new("d", "d", text), &extraction, "v", false)
            .unwrap();
        let sentences: Vec<String> = store
            .facts(&FactFilter::default())
            .unwrap()
            .into_iter()
            .map(|f| f.fact.sentence)
            .collect();
        assert_eq!(
            sentences,
            [
                "One.",
                "The same sentence.",
                "The same sentence.",
                "A sentence not in the text.",
                ""
            ]
        );
        assert_eq!(text_search(&store, "\"not in the\""), ["not"]);
        // Two facts of one sentence, found through its one entry in the index: alone in
        // ledger order, in another order, with another filter, counted.
        assert_eq!(text_search(&store, "same"), ["same", "sentence"]);
        let mut filter = FactFilter {
            text: Some("same".into()),
            sort: "-doc".parse().unwrap(),
            ..Default::default()
        };
        let found = |filter: &FactFilter| -> Vec<String> {
            let facts = store.facts(filter).unwrap();
            facts.into_iter().map(|f| f.fact.text).collect()
        };
        assert_eq!(found(&filter), ["sentence", "same"]);
        filter.sort = FactSort::default();
        filter.doc = Some("d".into());
        assert_eq!(found(&filter), ["same", "sentence"]);
        assert_eq!(store.count_facts(&filter).unwrap(), 2);
        filter.limit = Some(1);
        filter.doc = None;
        assert_eq!(found(&filter), ["same"]);
        store.check_integrity().unwrap();

        // Replaced: its sentences leave the index.
        store
            .put(
                &NewDocument::new("d", "d", "Other."),
                &Extraction::default(),
                "v",
                false,
            )
            .unwrap();
        assert!(text_search(&store, "same").is_empty());
        assert!(text_search(&store, "text").is_empty());
        store.check_integrity().unwrap();
    }
}
