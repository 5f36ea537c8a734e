//! The read path: the filtered queries of `almanac facts`, `docs`, `show`, `entities` and
//! `export`, and rows read back into the record types of `model.rs`.
//!
//! A filter becomes one statement: this module numbers the parameters and asks `sql/`
//! for the text of each condition, so that the SQL stays in one place and the values are
//! always bound, never spliced into it.

use almanac_extract::{Equivalent, Fact, Measure, Metric, Period, Qualifier, Status};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};

use crate::model::{
    DocFilter, DocumentSummary, EntityFilter, EntitySummary, FactFilter, SortKey, Stats,
    StoredDocument, StoredFact,
};
use crate::rates::{Rate, RateSource};
use crate::sql::{self, FactList, FactSelect};
use crate::{Result, Store, StoreError};

impl Store {
    /// The row ids of documents extracted with another version than `current`, or whose
    /// language is not known (stored before schema 5), for `reindex`, in ledger order.
    pub fn stale_documents(&self, current: &str) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(sql::STALE_DOCS)?;
        let ids = stmt
            .query_map([current], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// One document by its id; a duplicate id gives the text and facts it shares, its
    /// summary's `duplicate_of` saying with which document.
    pub fn document(&self, doc: &str) -> Result<Option<StoredDocument>> {
        let id = Value::Text(doc.to_string());
        match self.document_where(sql::DOCUMENT_BY_DOC, id.clone())? {
            Some(found) => Ok(Some(found)),
            None => self.document_where(sql::DUPLICATE_BY_DOC, id),
        }
    }

    /// One document by its row id (from [`Store::stale_documents`]).
    pub fn document_by_row(&self, row_id: i64) -> Result<Option<StoredDocument>> {
        self.document_where(sql::DOCUMENT_BY_ROW, Value::Integer(row_id))
    }

    fn document_where(&self, query: &str, param: Value) -> Result<Option<StoredDocument>> {
        let mut stmt = self.conn.prepare_cached(query)?;
        let mut rows = stmt.query([param])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let (summary, meta_date) = row_to_summary(row)?;
        let row_id: i64 = row.get(0)?;
        let text = row.get(15)?;
        drop(rows);
        let mut same_text: Vec<String> = Vec::new();
        if let Some(holder) = &summary.duplicate_of {
            same_text.push(holder.clone());
        }
        let mut duplicates = self.conn.prepare_cached(sql::DUPLICATES_OF)?;
        for doc in duplicates.query_map([row_id], |r| r.get::<_, String>(0))? {
            let doc = doc?;
            if doc != summary.doc {
                same_text.push(doc);
            }
        }
        Ok(Some(StoredDocument {
            summary,
            meta_date,
            text,
            same_text,
        }))
    }

    /// Documents, with their fact counts.
    pub fn documents(&self, filter: &DocFilter) -> Result<Vec<DocumentSummary>> {
        let mut conditions = Vec::new();
        let mut params = Params::default();
        if let Some(period) = filter.period {
            let (start, end) = period.bounds();
            let start = params.text(start.to_string());
            let end = params.text(end.to_string());
            conditions.push(sql::document_dated_within(start, end));
        }
        if let Some(search) = &filter.search {
            let pattern = params.text(sql::contains_pattern(search));
            conditions.push(sql::document_contains(pattern));
        }
        let query = sql::select_documents(&conditions, filter.newest_first, filter.limit);
        let mut stmt = self.conn.prepare(&query)?;
        let mut rows = stmt.query(params_from_iter(params.0))?;
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
        let corrections = crate::corrections::Overlay::load(&self.conn)?;
        let (query, values) = fact_query(filter, false, corrections.active());
        let mut stmt = self.conn.prepare(&query)?;
        let mut rows = stmt
            .query(params_from_iter(values))
            .map_err(|err| text_error(filter, err))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|err| text_error(filter, err))? {
            n += 1;
            if !visit(corrections.apply(row_to_fact(row)?)) {
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
        let corrected = crate::corrections::Overlay::load(&self.conn)?.active();
        let (query, values) = fact_query(filter, true, corrected);
        let mut stmt = self.conn.prepare(&query)?;
        stmt.query_row(params_from_iter(values), |r| get_u64(r, 0))
            .map_err(|err| text_error(filter, err))
    }

    /// Entities with their aliases and counts, the most cited first; subjects that facts
    /// name without an entity record come after them with no kind.
    pub fn entities(&self, filter: &EntityFilter) -> Result<Vec<EntitySummary>> {
        let mut conditions = Vec::new();
        let mut params = Params::default();
        if let Some(kind) = &filter.kind {
            conditions.push(sql::entity_of_kind(params.text(kind.to_lowercase())));
        }
        if let Some(search) = &filter.search {
            let pattern = params.text(sql::contains_pattern(search));
            conditions.push(sql::entity_contains(pattern));
        }
        if let Some(within) = &filter.within {
            conditions.push(sql::entity_within(params.text(within.clone())));
        }
        let query = sql::select_entities(&conditions);
        let mut out = Vec::new();
        {
            let mut stmt = self.conn.prepare(&query)?;
            let mut rows = stmt.query(params_from_iter(params.0))?;
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
        let mut orphans = Vec::new();
        if filter.kind.is_none() && filter.within.is_none() {
            let mut stmt = self.conn.prepare(sql::ORPHAN_SUBJECTS)?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                orphans.push((row.get::<_, String>(0)?, get_u64(row, 1)?));
            }
        }
        Ok(finish_entities(
            out.into_iter().map(|(_, e)| e).collect(),
            orphans,
            filter,
        ))
    }

    /// Checks a `text` search before it runs (so that a caller can say what is wrong
    /// before it prints anything).
    ///
    /// # Errors
    ///
    /// [`StoreError::TextQuery`] when FTS5 cannot parse it, with what it said.
    pub fn check_text_query(&self, text: &str) -> Result<()> {
        let query = sql::fts_query(text);
        let mut stmt = self.conn.prepare_cached(sql::CHECK_TEXT_QUERY)?;
        let mut rows = stmt
            .query([&query])
            .map_err(|err| text_query_error(text, err))?;
        rows.next().map_err(|err| text_query_error(text, err))?;
        Ok(())
    }

    /// Whether `name` is a subject the ledger knows: a place's or organisation's name or
    /// alias, or the subject of a fact (any case).
    pub fn knows_subject(&self, name: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(sql::KNOWS_SUBJECT)?
            .query_row([name], |r| r.get(0))?)
    }

    /// Counts over the whole ledger.
    pub fn stats(&self) -> Result<Stats> {
        let count = |q: &str| -> Result<u64> { Ok(self.conn.query_row(q, [], |r| get_u64(r, 0))?) };
        Ok(Stats {
            documents: count(sql::COUNT_DOCS)?,
            duplicates: count(sql::COUNT_DUPLICATES)?,
            facts: count(sql::COUNT_ALL_FACTS)?,
            entities: count(sql::COUNT_ENTITIES)?,
        })
    }
}

/// The entities of a list with the subjects that facts name without an entity record
/// (`orphans`, with their fact counts) that the search allows, the most cited first, cut
/// to the filter's limit.
pub(crate) fn finish_entities(
    mut out: Vec<EntitySummary>,
    orphans: Vec<(String, u64)>,
    filter: &EntityFilter,
) -> Vec<EntitySummary> {
    let needle = filter.search.as_ref().map(|s| s.to_lowercase());
    for (name, facts) in orphans {
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
            facts,
        });
    }
    out.sort_by(|a, b| {
        (b.facts, b.mentions, b.kind.is_some())
            .cmp(&(a.facts, a.mentions, a.kind.is_some()))
            .then_with(|| a.name.cmp(&b.name))
    });
    if let Some(limit) = filter.limit {
        out.truncate(limit);
    }
    out
}

/// The values bound to a statement, in order: each is `?N`, N its position from 1.
#[derive(Default)]
pub(crate) struct Params(pub(crate) Vec<Value>);

impl Params {
    /// Adds a text value and returns its parameter number.
    pub(crate) fn text(&mut self, value: String) -> usize {
        self.0.push(Value::Text(value));
        self.0.len()
    }
}

/// The statement for a fact filter (its rows, or with `count` their number), and its
/// parameters; `corrected`: through the ledger's corrections.
fn fact_query(filter: &FactFilter, count: bool, corrected: bool) -> (String, Vec<Value>) {
    let mut params = Params::default();
    let mut conditions = fact_conditions(filter, &mut params);
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
        let text = params.text(sql::fts_query(text));
        conditions.push(if text_driven {
            sql::text_match(text)
        } else {
            sql::text_filter(text)
        });
    }
    let select = if count {
        FactSelect::Count
    } else {
        FactSelect::Rows {
            sort: filter.sort,
            limit: filter.limit,
        }
    };
    let query = sql::select_facts(select, text_driven, corrected, &conditions);
    (query, params.0)
}

/// The conditions of `filter` but its text search, their values numbered into `params`.
pub(crate) fn fact_conditions(filter: &FactFilter, params: &mut Params) -> Vec<String> {
    let mut conditions = Vec::new();
    if let Some(subject) = &filter.subject {
        let subject = params.text(subject.trim().to_string());
        conditions.push(sql::fact_subject_in(subject, filter.within));
    }
    for (column, wanted) in [
        (FactList::Metric, &filter.metric),
        (FactList::Measure, &filter.measure),
        (FactList::Status, &filter.status),
        (FactList::Unit, &filter.unit),
    ] {
        if wanted.is_empty() {
            continue;
        }
        let slots: Vec<usize> = wanted.iter().map(|w| params.text(w.clone())).collect();
        conditions.push(sql::fact_in(column, &slots));
    }
    if let Some(period) = filter.period {
        let (start, end) = period.bounds();
        let end = params.text(end.to_string());
        let start = params.text(start.to_string());
        conditions.push(sql::fact_period_overlaps(start, end));
    }
    if let Some(doc) = &filter.doc {
        conditions.push(sql::facts_of_doc(params.text(doc.clone())));
    }
    conditions
}

/// An error of FTS5 on the query `text`: every one a [`StoreError::TextQuery`] (FTS5 says
/// "unterminated string" or "unknown special query" as well as "syntax error").
fn text_query_error(text: &str, err: rusqlite::Error) -> StoreError {
    match err {
        rusqlite::Error::SqliteFailure(_, Some(message)) => StoreError::TextQuery {
            query: text.to_string(),
            message: message.trim_start_matches("fts5: ").to_string(),
        },
        other => StoreError::Sqlite(other),
    }
}

pub(crate) fn text_error(filter: &FactFilter, err: rusqlite::Error) -> StoreError {
    let message = err.to_string();
    match &filter.text {
        Some(query)
            if message.contains("fts5")
                || message.contains("syntax error")
                || message.contains("unterminated string") =>
        {
            StoreError::TextQuery {
                query: query.clone(),
                message,
            }
        }
        _ => StoreError::Sqlite(err),
    }
}

/// Reading a result row by column number, whichever database it came from: the rows of
/// both backends have the same columns in the same order (each dialect's `sql` module
/// says which), so that one function reads each record.
pub(crate) trait Columns {
    fn text(&self, idx: usize) -> Result<Option<String>>;
    fn int(&self, idx: usize) -> Result<Option<i64>>;
    fn real(&self, idx: usize) -> Result<Option<f64>>;

    fn text_req(&self, idx: usize) -> Result<String> {
        self.text(idx)?.ok_or(StoreError::Corrupt {
            column: "text",
            value: format!("NULL in column {idx}"),
        })
    }
    fn int_req(&self, idx: usize) -> Result<i64> {
        self.int(idx)?.ok_or(StoreError::Corrupt {
            column: "integer",
            value: format!("NULL in column {idx}"),
        })
    }
}

impl Columns for Row<'_> {
    fn text(&self, idx: usize) -> Result<Option<String>> {
        Ok(self.get(idx)?)
    }
    fn int(&self, idx: usize) -> Result<Option<i64>> {
        Ok(self.get(idx)?)
    }
    fn real(&self, idx: usize) -> Result<Option<f64>> {
        Ok(self.get(idx)?)
    }
}

/// A row of `sql::fact_columns` as a [`StoredFact`].
/// A measure as stored.
pub(crate) fn parse_measure(stored: &str) -> Option<Measure> {
    match stored {
        "level" => Some(Measure::Level),
        "change" => Some(Measure::Change),
        "index" => Some(Measure::Index),
        "share" => Some(Measure::Share),
        _ => None,
    }
}

/// A status as stored.
pub(crate) fn parse_status(stored: &str) -> Option<Status> {
    match stored {
        "actual" => Some(Status::Actual),
        "planned" => Some(Status::Planned),
        _ => None,
    }
}

pub(crate) fn row_to_fact(row: &impl Columns) -> Result<StoredFact> {
    let text = |idx: usize| row.text(idx);
    let corrupt = |column: &'static str, value: &str| StoreError::Corrupt {
        column,
        value: value.to_string(),
    };
    let qualifier = match text(6)?.as_deref() {
        None => None,
        Some("more_than") => Some(Qualifier::MoreThan),
        Some("less_than") => Some(Qualifier::LessThan),
        Some("about") => Some(Qualifier::About),
        Some(other) => return Err(corrupt("qualifier", other)),
    };
    let measure = match text(8)? {
        None => None,
        Some(m) => Some(parse_measure(&m).ok_or_else(|| corrupt("measure", &m))?),
    };
    let status = match text(11)? {
        None => None,
        Some(s) => Some(parse_status(&s).ok_or_else(|| corrupt("status", &s))?),
    };
    let period = match text(10)? {
        None => None,
        Some(p) => Some(p.parse::<Period>().map_err(|_| corrupt("period", &p))?),
    };
    let metric = match text(7)? {
        None => None,
        Some(m) => Some(m.parse::<Metric>().map_err(|_| corrupt("metric", &m))?),
    };
    let equivalents: Vec<Equivalent> = match text(12)? {
        None => Vec::new(),
        Some(json) => serde_json::from_str(&json).map_err(|_| corrupt("equivalents", &json))?,
    };
    let rate = |value: usize,
                source: usize,
                period: usize,
                currency: Option<String>|
     -> Result<Option<Rate>> {
        let Some(kzt_per_unit) = row.real(value)? else {
            return Ok(None);
        };
        let source_str: String = text(source)?.unwrap_or_default();
        let source =
            RateSource::parse(&source_str).ok_or_else(|| corrupt("rate source", &source_str))?;
        Ok(Some(Rate {
            currency: currency.unwrap_or_default(),
            kzt_per_unit,
            period: text(period)?.unwrap_or_default(),
            source,
        }))
    };
    let unit: Option<String> = text(5)?;
    let kzt_rate = rate(21, 22, 23, unit.as_ref().map(|u| u.to_ascii_uppercase()))?;
    let usd_rate = rate(24, 25, 26, Some("USD".into()))?;
    let implied_rate = match row.real(27)? {
        None => None,
        Some(kzt_per_unit) => Some(Rate {
            currency: text(28)?.unwrap_or_default(),
            kzt_per_unit,
            period: period.map(|p| p.to_string()).unwrap_or_default(),
            source: RateSource::Text,
        }),
    };
    let group = match row.int(14)? {
        None => None,
        Some(g) => Some(u32::try_from(g).map_err(|_| corrupt("group", &g.to_string()))?),
    };
    let fact = Fact {
        doc: row.text_req(1)?,
        text: row.text_req(3)?,
        value: row.real(4)?.unwrap_or_default(),
        value_high: row.real(30)?,
        unit,
        qualifier,
        metric,
        measure,
        subject: text(9)?,
        period,
        status,
        equivalents,
        per: text(13)?,
        group,
        object: text(15)?,
        span: [row.int_req(16)? as usize, row.int_req(17)? as usize],
        sentence: text(18)?.unwrap_or_default(),
    };
    Ok(StoredFact {
        id: row.int_req(0)?,
        fact,
        doc_date: parse_date(text(2)?)?,
        value_kzt: row.real(19)?,
        value_usd: row.real(20)?,
        kzt_rate,
        usd_rate,
        implied_rate,
    })
}

/// A row of `sql::DOC_COLUMNS` as a summary, and the document's `meta_date`.
pub(crate) fn row_to_summary(row: &impl Columns) -> Result<(DocumentSummary, Option<NaiveDate>)> {
    let summary = DocumentSummary {
        doc: row.text_req(1)?,
        hash: row.text_req(2)?,
        origin: row.text_req(3)?,
        title: row.text(4)?,
        url: row.text(5)?,
        date: parse_date(row.text(7)?)?,
        date_source: row.text(8)?,
        bytes: row.int_req(9)?.max(0) as u64,
        extractor_version: row.text_req(10)?,
        ingested_at: row.text_req(11)?,
        facts: row.int_req(12)?.max(0) as u64,
        duplicate_of: row.text(13)?,
        lang: row
            .text(14)?
            .map(|code| {
                code.parse().map_err(|_| StoreError::Corrupt {
                    column: "lang",
                    value: code,
                })
            })
            .transpose()?,
    };
    Ok((summary, parse_date(row.text(6)?)?))
}

pub(crate) fn parse_date(value: Option<String>) -> Result<Option<NaiveDate>> {
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

pub(crate) fn get_u64(row: &Row<'_>, idx: usize) -> rusqlite::Result<u64> {
    Ok(row.get::<_, i64>(idx)?.max(0) as u64)
}
