//! The one interface of the ledger, whatever holds it: [`Ledger`], implemented by the
//! SQLite [`Store`] (one file, one person) and the PostgreSQL [`PgStore`] (a server a
//! team shares), and [`open_ledger`], which picks one from the address the user gave.
//!
//! Both keep the same guarantees (documents written whole and once, every id findable,
//! the same answers to the same filters): the store's test suite runs against both.

use std::path::{Path, PathBuf};

use almanac_extract::Extraction;

use crate::model::{
    DocFilter, DocStatus, DocumentSummary, EntityFilter, EntitySummary, FactFilter, NewDocument,
    Put, Stats, StoredDocument, StoredFact,
};
use crate::{
    Correction, CorrectionEdit, CorrectionImport, Facet, FacetCounts, FactCursor, FactPage,
    Overview, PeriodFigures, PgStore, Result, Store,
};

/// What every backend of the ledger does. The methods are those of [`Store`], which
/// documents each; `for_each_fact` takes its visitor as `&mut dyn FnMut` so that callers
/// may hold a `Box<dyn Ledger>`.
pub trait Ledger: Send {
    /// The schema version the ledger is at.
    fn schema_version(&self) -> Result<u32>;
    /// Whether `doc` is stored already (see [`Store::status`]).
    fn status(&self, doc: &NewDocument<'_>) -> Result<DocStatus>;
    /// Writes one document in one transaction (see [`Store::put`]).
    fn put(
        &mut self,
        doc: &NewDocument<'_>,
        extraction: &Extraction,
        extractor_version: &str,
        force: bool,
    ) -> Result<Put>;
    /// Writes many documents in one transaction, each whole or not at all (see
    /// [`Store::put_batch`]).
    fn put_batch(
        &mut self,
        items: &[(NewDocument<'_>, &Extraction)],
        extractor_version: &str,
        force: bool,
    ) -> Result<Vec<Result<Put>>>;
    /// Row ids of documents extracted with another version than `current`, or whose
    /// language is not known (stored before schema 5).
    fn stale_documents(&self, current: &str) -> Result<Vec<i64>>;
    /// One document by its id (a duplicate id gives the text it shares).
    fn document(&self, doc: &str) -> Result<Option<StoredDocument>>;
    /// One document by its row id.
    fn document_by_row(&self, row_id: i64) -> Result<Option<StoredDocument>>;
    /// Documents, with their fact counts.
    fn documents(&self, filter: &DocFilter) -> Result<Vec<DocumentSummary>>;
    /// Calls `visit` with each fact `filter` selects, streaming; `false` stops.
    fn for_each_fact(
        &self,
        filter: &FactFilter,
        visit: &mut dyn FnMut(StoredFact) -> bool,
    ) -> Result<usize>;
    /// The facts `filter` selects, in its order.
    fn facts(&self, filter: &FactFilter) -> Result<Vec<StoredFact>> {
        let mut out = Vec::new();
        self.for_each_fact(filter, &mut |fact| {
            out.push(fact);
            true
        })?;
        Ok(out)
    }
    /// How many facts `filter` selects, ignoring its limit.
    fn count_facts(&self, filter: &FactFilter) -> Result<u64>;
    /// Entities with their aliases and counts.
    fn entities(&self, filter: &EntityFilter) -> Result<Vec<EntitySummary>>;
    /// Checks a `text` search before it runs.
    fn check_text_query(&self, text: &str) -> Result<()>;
    /// Whether `name` is a subject the ledger knows.
    fn knows_subject(&self, name: &str) -> Result<bool>;
    /// Counts over the whole ledger.
    fn stats(&self) -> Result<Stats>;
    /// Checks the ledger and its full-text index for corruption.
    fn check_integrity(&self) -> Result<()>;
    /// After a large ingest: SQLite folds its write-ahead log back and refreshes the
    /// planner's statistics; PostgreSQL refreshes them (`ANALYZE`).
    fn checkpoint(&self) -> Result<()>;
    /// Work a helper thread may do for a busy writer between its transactions (SQLite's
    /// passive checkpoint; nothing on PostgreSQL, whose server does its own).
    fn checkpoint_passive(&self) -> Result<()> {
        Ok(())
    }
    /// How far a bulk writer lets SQLite's write-ahead log grow (nothing on PostgreSQL).
    fn set_auto_checkpoint(&self, _pages: u32) -> Result<()> {
        Ok(())
    }
    /// The SQLite file the ledger lives in; `None` in memory and on PostgreSQL.
    fn path(&self) -> Option<&Path> {
        None
    }
    /// Corrects fact `fact_id` (see [`Store::correct`]); `None` when there is no such fact.
    fn correct(&mut self, fact_id: i64, edit: &CorrectionEdit) -> Result<Option<Correction>>;
    /// Removes the correction of fact `fact_id` (see [`Store::undo_correction`]).
    fn undo_correction(&mut self, fact_id: i64) -> Result<bool>;
    /// Every correction, with the fact each applies to now.
    fn corrections(&self) -> Result<Vec<Correction>>;
    /// Records corrections exported from a ledger, in one transaction.
    fn import_corrections(&mut self, corrections: &[Correction]) -> Result<CorrectionImport>;
    /// Fact `id` as the ledger reads it (corrections applied); `None` when rejected.
    fn fact(&self, id: i64) -> Result<Option<StoredFact>>;
    /// A number that changes when another connection commits to the ledger (see
    /// [`Store::data_version`]; on PostgreSQL it may change for other reasons too).
    fn data_version(&self) -> Result<i64>;
    /// A keyset page of facts (see [`Store::fact_page`]).
    fn fact_page(
        &self,
        filter: &FactFilter,
        cursor: Option<&FactCursor>,
        size: usize,
    ) -> Result<FactPage>;
    /// How many facts `filter` selects (see [`Store::total_facts`]).
    fn total_facts(&self, filter: &FactFilter) -> Result<u64>;
    /// The facts `filter` selects counted by `facet` (see [`Store::facet_counts`]).
    fn facet_counts(&self, filter: &FactFilter, facet: Facet, limit: usize) -> Result<FacetCounts>;
    /// The entity called `name` (see [`Store::entity`]).
    fn entity(&self, name: &str) -> Result<Option<EntitySummary>>;
    /// Counts and the span of document dates.
    fn overview(&self) -> Result<Overview>;
    /// A subject's facts summed up by period (see [`Store::period_figures`]).
    fn period_figures(&self, subject: &str) -> Result<Vec<PeriodFigures>>;
}

impl Ledger for Store {
    fn schema_version(&self) -> Result<u32> {
        Store::schema_version(self)
    }
    fn status(&self, doc: &NewDocument<'_>) -> Result<DocStatus> {
        Store::status(self, doc)
    }
    fn put(
        &mut self,
        doc: &NewDocument<'_>,
        extraction: &Extraction,
        extractor_version: &str,
        force: bool,
    ) -> Result<Put> {
        Store::put(self, doc, extraction, extractor_version, force)
    }
    fn put_batch(
        &mut self,
        items: &[(NewDocument<'_>, &Extraction)],
        extractor_version: &str,
        force: bool,
    ) -> Result<Vec<Result<Put>>> {
        Store::put_batch(self, items, extractor_version, force)
    }
    fn stale_documents(&self, current: &str) -> Result<Vec<i64>> {
        Store::stale_documents(self, current)
    }
    fn document(&self, doc: &str) -> Result<Option<StoredDocument>> {
        Store::document(self, doc)
    }
    fn document_by_row(&self, row_id: i64) -> Result<Option<StoredDocument>> {
        Store::document_by_row(self, row_id)
    }
    fn documents(&self, filter: &DocFilter) -> Result<Vec<DocumentSummary>> {
        Store::documents(self, filter)
    }
    fn for_each_fact(
        &self,
        filter: &FactFilter,
        visit: &mut dyn FnMut(StoredFact) -> bool,
    ) -> Result<usize> {
        Store::for_each_fact(self, filter, visit)
    }
    fn count_facts(&self, filter: &FactFilter) -> Result<u64> {
        Store::count_facts(self, filter)
    }
    fn entities(&self, filter: &EntityFilter) -> Result<Vec<EntitySummary>> {
        Store::entities(self, filter)
    }
    fn check_text_query(&self, text: &str) -> Result<()> {
        Store::check_text_query(self, text)
    }
    fn knows_subject(&self, name: &str) -> Result<bool> {
        Store::knows_subject(self, name)
    }
    fn stats(&self) -> Result<Stats> {
        Store::stats(self)
    }
    fn check_integrity(&self) -> Result<()> {
        Store::check_integrity(self)
    }
    fn checkpoint(&self) -> Result<()> {
        Store::checkpoint(self)
    }
    fn checkpoint_passive(&self) -> Result<()> {
        Store::checkpoint_passive(self)
    }
    fn set_auto_checkpoint(&self, pages: u32) -> Result<()> {
        Store::set_auto_checkpoint(self, pages)
    }
    fn path(&self) -> Option<&Path> {
        Store::path(self)
    }
    fn correct(&mut self, fact_id: i64, edit: &CorrectionEdit) -> Result<Option<Correction>> {
        Store::correct(self, fact_id, edit)
    }
    fn undo_correction(&mut self, fact_id: i64) -> Result<bool> {
        Store::undo_correction(self, fact_id)
    }
    fn corrections(&self) -> Result<Vec<Correction>> {
        Store::corrections(self)
    }
    fn import_corrections(&mut self, corrections: &[Correction]) -> Result<CorrectionImport> {
        Store::import_corrections(self, corrections)
    }
    fn fact(&self, id: i64) -> Result<Option<StoredFact>> {
        Store::fact(self, id)
    }
    fn data_version(&self) -> Result<i64> {
        Store::data_version(self)
    }
    fn fact_page(
        &self,
        filter: &FactFilter,
        cursor: Option<&FactCursor>,
        size: usize,
    ) -> Result<FactPage> {
        Store::fact_page(self, filter, cursor, size)
    }
    fn total_facts(&self, filter: &FactFilter) -> Result<u64> {
        Store::total_facts(self, filter)
    }
    fn facet_counts(&self, filter: &FactFilter, facet: Facet, limit: usize) -> Result<FacetCounts> {
        Store::facet_counts(self, filter, facet, limit)
    }
    fn entity(&self, name: &str) -> Result<Option<EntitySummary>> {
        Store::entity(self, name)
    }
    fn overview(&self) -> Result<Overview> {
        Store::overview(self)
    }
    fn period_figures(&self, subject: &str) -> Result<Vec<PeriodFigures>> {
        Store::period_figures(self, subject)
    }
}

/// A boxed ledger is a ledger, so that `&Box<dyn Ledger>` passes where `&dyn Ledger` is
/// asked for.
impl<L: Ledger + ?Sized> Ledger for Box<L> {
    fn schema_version(&self) -> Result<u32> {
        (**self).schema_version()
    }
    fn status(&self, doc: &NewDocument<'_>) -> Result<DocStatus> {
        (**self).status(doc)
    }
    fn put(
        &mut self,
        doc: &NewDocument<'_>,
        extraction: &Extraction,
        extractor_version: &str,
        force: bool,
    ) -> Result<Put> {
        (**self).put(doc, extraction, extractor_version, force)
    }
    fn put_batch(
        &mut self,
        items: &[(NewDocument<'_>, &Extraction)],
        extractor_version: &str,
        force: bool,
    ) -> Result<Vec<Result<Put>>> {
        (**self).put_batch(items, extractor_version, force)
    }
    fn stale_documents(&self, current: &str) -> Result<Vec<i64>> {
        (**self).stale_documents(current)
    }
    fn document(&self, doc: &str) -> Result<Option<StoredDocument>> {
        (**self).document(doc)
    }
    fn document_by_row(&self, row_id: i64) -> Result<Option<StoredDocument>> {
        (**self).document_by_row(row_id)
    }
    fn documents(&self, filter: &DocFilter) -> Result<Vec<DocumentSummary>> {
        (**self).documents(filter)
    }
    fn for_each_fact(
        &self,
        filter: &FactFilter,
        visit: &mut dyn FnMut(StoredFact) -> bool,
    ) -> Result<usize> {
        (**self).for_each_fact(filter, visit)
    }
    fn count_facts(&self, filter: &FactFilter) -> Result<u64> {
        (**self).count_facts(filter)
    }
    fn entities(&self, filter: &EntityFilter) -> Result<Vec<EntitySummary>> {
        (**self).entities(filter)
    }
    fn check_text_query(&self, text: &str) -> Result<()> {
        (**self).check_text_query(text)
    }
    fn knows_subject(&self, name: &str) -> Result<bool> {
        (**self).knows_subject(name)
    }
    fn stats(&self) -> Result<Stats> {
        (**self).stats()
    }
    fn check_integrity(&self) -> Result<()> {
        (**self).check_integrity()
    }
    fn checkpoint(&self) -> Result<()> {
        (**self).checkpoint()
    }
    fn checkpoint_passive(&self) -> Result<()> {
        (**self).checkpoint_passive()
    }
    fn set_auto_checkpoint(&self, pages: u32) -> Result<()> {
        (**self).set_auto_checkpoint(pages)
    }
    fn path(&self) -> Option<&Path> {
        (**self).path()
    }
    fn correct(&mut self, fact_id: i64, edit: &CorrectionEdit) -> Result<Option<Correction>> {
        (**self).correct(fact_id, edit)
    }
    fn undo_correction(&mut self, fact_id: i64) -> Result<bool> {
        (**self).undo_correction(fact_id)
    }
    fn corrections(&self) -> Result<Vec<Correction>> {
        (**self).corrections()
    }
    fn import_corrections(&mut self, corrections: &[Correction]) -> Result<CorrectionImport> {
        (**self).import_corrections(corrections)
    }
    fn fact(&self, id: i64) -> Result<Option<StoredFact>> {
        (**self).fact(id)
    }
    fn data_version(&self) -> Result<i64> {
        (**self).data_version()
    }
    fn fact_page(
        &self,
        filter: &FactFilter,
        cursor: Option<&FactCursor>,
        size: usize,
    ) -> Result<FactPage> {
        (**self).fact_page(filter, cursor, size)
    }
    fn total_facts(&self, filter: &FactFilter) -> Result<u64> {
        (**self).total_facts(filter)
    }
    fn facet_counts(&self, filter: &FactFilter, facet: Facet, limit: usize) -> Result<FacetCounts> {
        (**self).facet_counts(filter, facet, limit)
    }
    fn entity(&self, name: &str) -> Result<Option<EntitySummary>> {
        (**self).entity(name)
    }
    fn overview(&self) -> Result<Overview> {
        (**self).overview()
    }
    fn period_figures(&self, subject: &str) -> Result<Vec<PeriodFigures>> {
        (**self).period_figures(subject)
    }
}

/// Where a ledger is: a `postgres://` or `postgresql://` URL (a PostgreSQL database),
/// anything else a file path (SQLite).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerAddress {
    Sqlite(PathBuf),
    Postgres(String),
}

impl From<PathBuf> for LedgerAddress {
    fn from(path: PathBuf) -> LedgerAddress {
        LedgerAddress::Sqlite(path)
    }
}

impl From<&Path> for LedgerAddress {
    fn from(path: &Path) -> LedgerAddress {
        LedgerAddress::Sqlite(path.to_path_buf())
    }
}

/// The path, or the URL without its password.
impl std::fmt::Display for LedgerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LedgerAddress::Sqlite(path) => write!(f, "{}", path.display()),
            LedgerAddress::Postgres(url) => f.write_str(&crate::pg::redact(url)),
        }
    }
}

impl LedgerAddress {
    /// Reads what the user gave as `--db` or `ALMANAC_DB`.
    pub fn parse(address: &str) -> LedgerAddress {
        let lower = address.get(..13).unwrap_or(address).to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            LedgerAddress::Postgres(address.to_string())
        } else {
            LedgerAddress::Sqlite(PathBuf::from(address))
        }
    }
}

/// Opens (or creates) the ledger at `address` for writing, bringing its schema up to
/// date: [`Store::open`] or [`PgStore::open`].
///
/// # Errors
///
/// As those do.
pub fn open_ledger(address: &LedgerAddress) -> Result<Box<dyn Ledger>> {
    Ok(match address {
        LedgerAddress::Sqlite(path) => Box::new(Store::open(path)?),
        LedgerAddress::Postgres(url) => Box::new(PgStore::open(url)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_a_postgres_url_or_a_path() {
        for (given, postgres) in [
            ("postgres://u@h/db", true),
            ("postgresql://h:5432/db?sslmode=disable", true),
            ("POSTGRES://h/db", true),
            ("almanac.db", false),
            ("./postgres://x", false),
            ("postgres:/h/db", false),
            ("", false),
            ("ü", false),
        ] {
            let parsed = LedgerAddress::parse(given);
            assert_eq!(
                matches!(parsed, LedgerAddress::Postgres(_)),
                postgres,
                "{given}"
            );
        }
    }
}
