//! The PostgreSQL read path: the filters of `crate::query` assembled from `pg::sql`, the
//! rows read by the same functions as SQLite's; and the [`Ledger`] implementation.

use almanac_extract::Extraction;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;

use super::{sql, PgStore};
use crate::model::{
    DocFilter, DocStatus, DocumentSummary, EntityFilter, EntitySummary, FactFilter, NewDocument,
    Put, Stats, StoredDocument, StoredFact,
};
use crate::query::{finish_entities, row_to_fact, row_to_summary};
use crate::sql::{contains_pattern, fts_query, FactList, FactSelect};
use crate::{
    Correction, CorrectionEdit, CorrectionImport, Facet, FacetCounts, FactCursor, FactPage, Ledger,
    Overview, PeriodFigures, Result, StoreError,
};

/// The values bound to a statement, in order: each is `$N`, N its position from 1.
#[derive(Default)]
pub(super) struct Params(pub(super) Vec<String>);

impl Params {
    pub(super) fn text(&mut self, value: String) -> usize {
        self.0.push(value);
        self.0.len()
    }

    pub(super) fn refs(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.0.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
    }
}

impl PgStore {
    fn fact_query(
        &self,
        filter: &FactFilter,
        count: bool,
        corrected: bool,
    ) -> Result<(String, Params)> {
        let (conditions, params) = fact_conditions(filter)?;
        let select = if count {
            FactSelect::Count
        } else {
            FactSelect::Rows {
                sort: filter.sort,
                limit: filter.limit,
            }
        };
        Ok((sql::select_facts(select, corrected, &conditions), params))
    }

    fn document_where(
        &self,
        query: &str,
        param: &(dyn ToSql + Sync),
    ) -> Result<Option<StoredDocument>> {
        let mut inner = self.lock();
        let Some(row) = inner.client.query_opt(query, &[param])? else {
            return Ok(None);
        };
        let (summary, meta_date) = row_to_summary(&row)?;
        let row_id: i64 = row.try_get(0)?;
        let text: String = row.try_get(15)?;
        let mut same_text: Vec<String> = Vec::new();
        if let Some(holder) = &summary.duplicate_of {
            same_text.push(holder.clone());
        }
        for r in inner.client.query(sql::DUPLICATES_OF, &[&row_id])? {
            let doc: String = r.try_get(0)?;
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
}

/// Every condition of `filter`, its text search as a filter, and their values.
pub(super) fn fact_conditions(filter: &FactFilter) -> Result<(Vec<String>, Params)> {
    let mut conditions = Vec::new();
    let mut params = Params::default();
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
    if let Some(text) = &filter.text {
        let query = tsquery_of(text)?;
        conditions.push(sql::text_filter(params.text(query)));
    }
    Ok((conditions, params))
}

/// The `tsquery` of a `--text` search, or the error that says why there is none.
fn tsquery_of(text: &str) -> Result<String> {
    sql::tsquery(&fts_query(text)).map_err(|message| StoreError::TextQuery {
        query: text.to_string(),
        message,
    })
}

/// An error of the server on a text search: PostgreSQL says "syntax error in tsquery".
pub(super) fn text_error(filter: &FactFilter, err: postgres::Error) -> StoreError {
    match (&filter.text, err.as_db_error()) {
        (Some(query), Some(db)) if db.message().contains("tsquery") => StoreError::TextQuery {
            query: query.clone(),
            message: db.message().to_string(),
        },
        _ => StoreError::Postgres(err),
    }
}

impl Ledger for PgStore {
    fn schema_version(&self) -> Result<u32> {
        PgStore::schema_version(self)
    }

    fn status(&self, doc: &NewDocument<'_>) -> Result<DocStatus> {
        PgStore::status(self, doc)
    }

    fn put(
        &mut self,
        doc: &NewDocument<'_>,
        extraction: &Extraction,
        extractor_version: &str,
        force: bool,
    ) -> Result<Put> {
        PgStore::put(self, doc, extraction, extractor_version, force)
    }

    fn put_batch(
        &mut self,
        items: &[(NewDocument<'_>, &Extraction)],
        extractor_version: &str,
        force: bool,
    ) -> Result<Vec<Result<Put>>> {
        PgStore::put_batch(self, items, extractor_version, force)
    }

    fn stale_documents(&self, current: &str) -> Result<Vec<i64>> {
        let rows = self.lock().client.query(sql::STALE_DOCS, &[&current])?;
        rows.iter().map(|r| Ok(r.try_get::<_, i64>(0)?)).collect()
    }

    fn document(&self, doc: &str) -> Result<Option<StoredDocument>> {
        match self.document_where(sql::DOCUMENT_BY_DOC, &doc)? {
            Some(found) => Ok(Some(found)),
            None => self.document_where(sql::DUPLICATE_BY_DOC, &doc),
        }
    }

    fn document_by_row(&self, row_id: i64) -> Result<Option<StoredDocument>> {
        self.document_where(sql::DOCUMENT_BY_ROW, &row_id)
    }

    fn documents(&self, filter: &DocFilter) -> Result<Vec<DocumentSummary>> {
        let mut conditions = Vec::new();
        let mut params = Params::default();
        if let Some(period) = filter.period {
            let (start, end) = period.bounds();
            let start = params.text(start.to_string());
            let end = params.text(end.to_string());
            conditions.push(sql::document_dated_within(start, end));
        }
        if let Some(search) = &filter.search {
            let pattern = params.text(contains_pattern(search));
            conditions.push(sql::document_contains(pattern));
        }
        let query = sql::select_documents(&conditions, filter.newest_first, filter.limit);
        let rows = self.lock().client.query(&query, &params.refs())?;
        rows.iter().map(|row| Ok(row_to_summary(row)?.0)).collect()
    }

    fn for_each_fact(
        &self,
        filter: &FactFilter,
        visit: &mut dyn FnMut(StoredFact) -> bool,
    ) -> Result<usize> {
        let overlay = self.overlay()?;
        let (query, params) = self.fact_query(filter, false, overlay.active())?;
        let mut inner = self.lock();
        // Streamed: rows are read as the server sends them, never all held at once.
        let mut rows = inner
            .client
            .query_raw(&query, params.refs())
            .map_err(|err| text_error(filter, err))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|err| text_error(filter, err))? {
            n += 1;
            if !visit(overlay.apply(row_to_fact(&row)?)) {
                break;
            }
        }
        Ok(n)
    }

    fn count_facts(&self, filter: &FactFilter) -> Result<u64> {
        let corrected = self.overlay()?.active();
        let (query, params) = self.fact_query(filter, true, corrected)?;
        let row = self
            .lock()
            .client
            .query_one(&query, &params.refs())
            .map_err(|err| text_error(filter, err))?;
        Ok(row.try_get::<_, i64>(0)?.max(0) as u64)
    }

    fn entities(&self, filter: &EntityFilter) -> Result<Vec<EntitySummary>> {
        let mut conditions = Vec::new();
        let mut params = Params::default();
        if let Some(kind) = &filter.kind {
            conditions.push(sql::entity_of_kind(params.text(kind.to_lowercase())));
        }
        if let Some(search) = &filter.search {
            let pattern = params.text(contains_pattern(search));
            conditions.push(sql::entity_contains(pattern));
        }
        if let Some(within) = &filter.within {
            conditions.push(sql::entity_within(params.text(within.clone())));
        }
        let query = sql::select_entities(&conditions);
        let mut inner = self.lock();
        let mut out = Vec::new();
        for row in inner.client.query(&query, &params.refs())? {
            let count =
                |idx: usize| -> Result<u64> { Ok(row.try_get::<_, i64>(idx)?.max(0) as u64) };
            out.push((
                row.try_get::<_, i64>(0)?,
                EntitySummary {
                    name: row.try_get(1)?,
                    kind: row.try_get(2)?,
                    part_of: row.try_get(3)?,
                    role: row.try_get(4)?,
                    role_of: row.try_get(5)?,
                    aliases: Vec::new(),
                    mentions: count(6)?,
                    documents: count(7)?,
                    facts: count(8)?,
                },
            ));
        }
        let aliases = inner.client.prepare(sql::ENTITY_ALIASES)?;
        for (id, entity) in &mut out {
            entity.aliases = inner
                .client
                .query(&aliases, &[&*id])?
                .iter()
                .map(|r| r.try_get::<_, String>(0))
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .filter(|a| a != &entity.name)
                .collect();
        }
        let orphans = if filter.kind.is_none() && filter.within.is_none() {
            inner
                .client
                .query(sql::ORPHAN_SUBJECTS, &[])?
                .iter()
                .map(|r| {
                    Ok((
                        r.try_get::<_, String>(0)?,
                        r.try_get::<_, i64>(1)?.max(0) as u64,
                    ))
                })
                .collect::<Result<Vec<_>>>()?
        } else {
            Vec::new()
        };
        Ok(finish_entities(
            out.into_iter().map(|(_, e)| e).collect(),
            orphans,
            filter,
        ))
    }

    fn check_text_query(&self, text: &str) -> Result<()> {
        let query = tsquery_of(text)?;
        self.lock()
            .client
            .query_one(sql::CHECK_TEXT_QUERY, &[&query])
            .map_err(|err| match err.as_db_error() {
                Some(db) => StoreError::TextQuery {
                    query: text.to_string(),
                    message: db.message().to_string(),
                },
                None => StoreError::Postgres(err),
            })?;
        Ok(())
    }

    fn knows_subject(&self, name: &str) -> Result<bool> {
        Ok(self
            .lock()
            .client
            .query_one(sql::KNOWS_SUBJECT, &[&name])?
            .try_get(0)?)
    }

    fn stats(&self) -> Result<Stats> {
        let mut inner = self.lock();
        let mut count = |q: &str| -> Result<u64> {
            Ok(inner.client.query_one(q, &[])?.try_get::<_, i64>(0)?.max(0) as u64)
        };
        Ok(Stats {
            documents: count(sql::COUNT_DOCS)?,
            duplicates: count(sql::COUNT_DUPLICATES)?,
            facts: count(sql::COUNT_ALL_FACTS)?,
            entities: count(sql::COUNT_ENTITIES)?,
        })
    }

    fn check_integrity(&self) -> Result<()> {
        PgStore::check_integrity(self)
    }

    fn checkpoint(&self) -> Result<()> {
        PgStore::checkpoint(self)
    }
    fn correct(&mut self, fact_id: i64, edit: &CorrectionEdit) -> Result<Option<Correction>> {
        PgStore::correct(self, fact_id, edit)
    }
    fn undo_correction(&mut self, fact_id: i64) -> Result<bool> {
        PgStore::undo_correction(self, fact_id)
    }
    fn corrections(&self) -> Result<Vec<Correction>> {
        PgStore::corrections(self)
    }
    fn import_corrections(&mut self, corrections: &[Correction]) -> Result<CorrectionImport> {
        PgStore::import_corrections(self, corrections)
    }
    fn fact(&self, id: i64) -> Result<Option<StoredFact>> {
        PgStore::fact(self, id)
    }
    fn data_version(&self) -> Result<i64> {
        PgStore::data_version(self)
    }
    fn fact_page(
        &self,
        filter: &FactFilter,
        cursor: Option<&FactCursor>,
        size: usize,
    ) -> Result<FactPage> {
        PgStore::fact_page(self, filter, cursor, size)
    }
    fn total_facts(&self, filter: &FactFilter) -> Result<u64> {
        PgStore::total_facts(self, filter)
    }
    fn facet_counts(&self, filter: &FactFilter, facet: Facet, limit: usize) -> Result<FacetCounts> {
        PgStore::facet_counts(self, filter, facet, limit)
    }
    fn entity(&self, name: &str) -> Result<Option<EntitySummary>> {
        PgStore::entity(self, name)
    }
    fn overview(&self) -> Result<Overview> {
        PgStore::overview(self)
    }
    fn period_figures(&self, subject: &str) -> Result<Vec<PeriodFigures>> {
        PgStore::period_figures(self, subject)
    }
}
