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
//!
//! The modules follow the data: `model` (the record types), `write` (a document in one
//! transaction), `query` (the filtered reads), `migrations` (the schema's versions) and
//! `sql` (the text of every statement they run).

#![forbid(unsafe_code)]

mod corrections;
mod migrations;
mod model;
mod query;
mod sql;
mod write;

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use almanac_model::{rates, Money, Rate, RateSource};
pub use corrections::{Correction, CorrectionEdit, CorrectionImport};
pub use model::{
    content_hash, DocFilter, DocStatus, DocumentSummary, EntityFilter, EntitySummary, FactFilter,
    FactSort, NewDocument, Put, SortKey, Stats, StoredDocument, StoredFact,
};

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

/// The ledger: one SQLite database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Entities and aliases known to be committed, so that ingest need not upsert them
    /// again for every document that mentions them.
    known: write::EntityCache,
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
            known: write::EntityCache::default(),
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
            known: write::EntityCache::default(),
        };
        store.migrate()?;
        rusqlite::vtab::array::load_module(&store.conn)?;
        Ok(store)
    }

    /// The file the ledger lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// How many pages the write-ahead log may grow by before a commit of this connection
    /// folds it back into the database file (SQLite's `wal_autocheckpoint`; 0 never). A
    /// bulk writer raises it when another connection calls [`Store::checkpoint_passive`].
    pub fn set_auto_checkpoint(&self, pages: u32) -> Result<()> {
        self.conn
            .query_row(&sql::set_wal_autocheckpoint(pages), [], |_| Ok(()))?;
        Ok(())
    }

    /// Folds what it can of the write-ahead log back into the database file without
    /// waiting for readers or the writer (a `PASSIVE` checkpoint): lets another thread do
    /// this work for a busy writer.
    pub fn checkpoint_passive(&self) -> Result<()> {
        if self.path.is_some() {
            self.conn
                .query_row(sql::CHECKPOINT_PASSIVE, [], |_| Ok(()))?;
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
            .query_row(sql::INTEGRITY_CHECK, [], |r| r.get(0))?;
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
                .query_row(sql::CHECKPOINT_TRUNCATE, [], |_| Ok(()))?;
        }
        // Refreshes the planner's statistics where they are stale, so that filters keep
        // choosing the right index as the ledger grows.
        self.conn.execute_batch(sql::OPTIMIZE)?;
        Ok(())
    }
}

/// The current time as ISO 8601 UTC, to the second.
pub(crate) fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod testing {
    use crate::{FactFilter, Store};

    /// The texts of the facts a `--text` search finds, in order.
    pub fn text_search(store: &Store, query: &str) -> Vec<String> {
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
}
