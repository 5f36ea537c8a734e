//! almanac-store: the ledger of documents, facts and entities, in SQLite or PostgreSQL.
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
//!   document already stored under its id is skipped unless forced; a new text under a
//!   stored document id replaces that document.
//! - Every id is kept: the same text under another id is recorded as a duplicate of the
//!   stored one (sharing its text and facts, found by `document` and `documents`), and a
//!   text that duplicates share never leaves with one of them.
//! - Money is normalised to KZT and USD at the official rate of the fact's period (see
//!   [`rates`]), and each normalised value says which rate it used.
//!
//! What it deliberately does not do: extraction, file reading, formatting for people.
//!
//! Two backends answer the one interface [`Ledger`]: [`Store`], an SQLite file for one
//! person, and [`PgStore`], a PostgreSQL database a team shares (several writers at once);
//! [`open_ledger`] picks one from the address the user gave ([`LedgerAddress`]).
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

mod browse;
mod corrections;
mod ledger;
mod migrations;
mod model;
pub mod pg;
mod query;
mod sql;
mod write;

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use almanac_model::{rates, Money, Rate, RateSource};
pub use browse::{
    sort_name, CursorValue, Facet, FacetCount, FacetCounts, FactCursor, FactPage, Overview,
    PeriodFigures,
};
pub use corrections::{Correction, CorrectionEdit, CorrectionImport};
pub use ledger::{open_ledger, Ledger, LedgerAddress};
pub use model::{
    content_hash, DocFilter, DocStatus, DocumentSummary, EntityFilter, EntitySummary, FactFilter,
    FactSort, NewDocument, Put, SortKey, Stats, StoredDocument, StoredFact,
};
pub use pg::PgStore;

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
    #[error(
        "the ledger {path} is read-only (no write permission on it or its directory, or a \
         read-only file system), and this command writes to it; the queries (facts, docs, \
         show, entities, export, timeline, check, promises) still read it"
    )]
    ReadOnly { path: PathBuf },
    #[error(
        "the ledger {path} has schema version {found} and needs converting to {known}, \
         which needs write access: run `almanac ingest` (or any query) once where it can \
         be written"
    )]
    SchemaTooOld {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("invalid page cursor: {0}")]
    Cursor(String),
    #[error(
        "invalid text search {query:?} ({message}): give words (all must occur), \"a phrase\" \
         in double quotes, a OR b, or a prefix* after at least one letter"
    )]
    TextQuery { query: String, message: String },
    #[error("the ledger holds an invalid {column}: {value:?}")]
    Corrupt { column: &'static str, value: String },
    #[error("cannot create the ledger {path}: {message}")]
    Create { path: PathBuf, message: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot connect to the PostgreSQL ledger {url}: {source}")]
    Connect {
        /// The address without its password.
        url: String,
        #[source]
        source: postgres::Error,
    },
    #[error("no ledger in the database {address} (run `almanac ingest` first)")]
    NoLedger { address: String },
    #[error("PostgreSQL error: {}", pg::describe(.0))]
    Postgres(#[from] postgres::Error),
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
    /// Opens (or creates) the ledger at `path` for writing, in WAL mode, and brings its
    /// schema up to date. A new ledger appears whole or not at all: it is made beside
    /// `path` and linked into place only once its schema is written, so a full disk
    /// leaves no empty ledger file behind.
    ///
    /// # Errors
    ///
    /// When the file cannot be created, opened or written ([`StoreError::ReadOnly`]), or
    /// is not a database, or its schema is newer than this version knows.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if !path.exists() {
            create(&path)?;
        }
        let open_err = |source| StoreError::Open {
            path: path.clone(),
            source,
        };
        let conn = Connection::open(&path).map_err(open_err)?;
        // SQLite falls back to reading a file it may not write: say so now rather than
        // at the first write, with what still works.
        if conn.is_readonly(rusqlite::MAIN_DB).map_err(open_err)? {
            return Err(StoreError::ReadOnly { path });
        }
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(open_err)?;
        conn.execute_batch(sql::PRAGMAS_FILE)
            .map_err(|err| read_only_or(&path, err))?;
        let mut store = Store {
            conn,
            path: Some(path.clone()),
            known: write::EntityCache::default(),
        };
        store.migrate().map_err(|err| match err {
            StoreError::Sqlite(source) => read_only_or(&path, source),
            other => other,
        })?;
        rusqlite::vtab::array::load_module(&store.conn).map_err(open_err)?;
        Ok(store)
    }

    /// Opens an existing ledger for reading only (SQLite's `mode=ro`), as every query
    /// does: a ledger the user may read but not write (a shared drive, `chmod 444`, a
    /// read-only directory or file system) answers all the same, whoever runs it, root
    /// included. Where SQLite cannot even make the write-ahead log's shared-memory file
    /// beside it (a read-only directory), the file is opened as immutable.
    ///
    /// # Errors
    ///
    /// When the file cannot be opened or is not a database, when its schema is newer
    /// than this version knows, or older ([`StoreError::SchemaTooOld`]: converting it
    /// needs a writable open).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let open_err = |source| StoreError::Open {
            path: path.clone(),
            source,
        };
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
            | rusqlite::OpenFlags::SQLITE_OPEN_URI
            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let open = |params: &str| -> rusqlite::Result<Connection> {
            let conn = Connection::open_with_flags(sqlite_uri(&path, params), flags)?;
            conn.busy_timeout(std::time::Duration::from_secs(30))?;
            conn.execute_batch(sql::PRAGMAS_READ_ONLY)?;
            // Reading the schema is what fails when the WAL cannot be opened.
            conn.query_row(sql::CURRENT_VERSION, [], |_| Ok(()))
                .or_else(|err| match err {
                    // A ledger without the table at all: not one of ours, said below.
                    rusqlite::Error::SqliteFailure(_, Some(ref m))
                        if m.contains("no such table") =>
                    {
                        Ok(())
                    }
                    other => Err(other),
                })?;
            Ok(conn)
        };
        let conn = match open("mode=ro") {
            Ok(conn) => conn,
            Err(first) => open("mode=ro&immutable=1").map_err(|_| open_err(first))?,
        };
        let store = Store {
            conn,
            path: Some(path.clone()),
            known: write::EntityCache::default(),
        };
        let found = store.schema_version().map_err(|err| match err {
            StoreError::Sqlite(source) => open_err(source),
            other => other,
        })?;
        let known = sql::MIGRATIONS.last().map_or(0, |m| m.0);
        if found > known {
            return Err(StoreError::SchemaTooNew { found, known });
        }
        if found < known {
            return Err(StoreError::SchemaTooOld { path, found, known });
        }
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
        let wrong: i64 = self
            .conn
            .query_row(sql::FACT_COUNTS_CHECK, [], |r| r.get(0))?;
        if wrong != 0 {
            return Err(StoreError::Corrupt {
                column: "fact_counts",
                value: format!("{wrong} keys counted otherwise than the facts"),
            });
        }
        let wrong: i64 = self
            .conn
            .query_row(sql::PERIOD_VALUES_CHECK, [], |r| r.get(0))?;
        if wrong != 0 {
            return Err(StoreError::Corrupt {
                column: "period_values",
                value: format!("{wrong} rows that differ from the facts"),
            });
        }
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

/// Creates the ledger at `path`: written beside it under a temporary name, its schema
/// complete, then hard-linked into place (which fails rather than overwrite a ledger that
/// another process created meanwhile: then that one is used). Nothing is left at `path`
/// when any step fails.
fn create(path: &Path) -> Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = dir.join(format!(".{name}.{}.creating", std::process::id()));
    let remove_temp = || {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut file = temp.clone().into_os_string();
            file.push(suffix);
            let _ = std::fs::remove_file(file);
        }
    };
    let made = (|| -> Result<()> {
        let conn = Connection::open(&temp)?;
        // The rollback journal while creating: no WAL file to fold back before linking.
        conn.execute_batch(sql::PRAGMAS_CREATE)?;
        let mut store = Store {
            conn,
            path: Some(temp.clone()),
            known: write::EntityCache::default(),
        };
        store.migrate()?;
        store.conn.execute_batch(sql::PRAGMAS_FILE)?;
        store
            .conn
            .query_row(sql::CHECKPOINT_TRUNCATE, [], |_| Ok(()))?;
        store.conn.close().map_err(|(_, err)| err)?;
        Ok(())
    })();
    let linked = made.and_then(|()| match std::fs::hard_link(&temp, path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        // A file system without hard links: a rename, which could replace a ledger made
        // at the same instant by another process (never one that existed before).
        Err(_) => std::fs::rename(&temp, path).map_err(|err| io_error(path, err)),
    });
    remove_temp();
    linked.map_err(|err| {
        let message = match err {
            StoreError::Sqlite(source) => match source.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ReadOnly) => {
                    return StoreError::ReadOnly {
                        path: path.to_path_buf(),
                    }
                }
                Some(rusqlite::ErrorCode::CannotOpen) => {
                    format!("cannot write a file in {}", dir.display())
                }
                Some(rusqlite::ErrorCode::DiskFull) => "the disk is full".to_string(),
                _ => format!("{source} (is the disk full?)"),
            },
            other => return other,
        };
        StoreError::Create {
            path: path.to_path_buf(),
            message,
        }
    })
}

fn io_error(path: &Path, err: std::io::Error) -> StoreError {
    StoreError::Create {
        path: path.to_path_buf(),
        message: err.to_string(),
    }
}

/// A failed write on open: read-only where SQLite says so, else the error as it is.
fn read_only_or(path: &Path, source: rusqlite::Error) -> StoreError {
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: path.to_path_buf(),
        },
        Some(rusqlite::ErrorCode::DiskFull) => StoreError::Create {
            path: path.to_path_buf(),
            message: "the disk is full".to_string(),
        },
        _ => StoreError::Open {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// `path` as an SQLite URI with query parameters (`file:/a%20b.db?mode=ro`).
fn sqlite_uri(path: &Path, params: &str) -> String {
    let mut uri = String::from("file:");
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                uri.push(*byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri.push('?');
    uri.push_str(params);
    uri
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
