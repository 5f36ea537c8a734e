//! The ledger on a PostgreSQL server, for a team that shares one: [`PgStore`], the
//! [`crate::Ledger`] that `--db postgres://user@host/db` opens.
//!
//! It keeps the SQLite store's schema (translated in `sql/`), its write logic and its
//! answers; what differs is what a server shared by several processes asks for:
//!
//! - Several `almanac ingest` runs may write at once. Each writing transaction takes one
//!   advisory lock first (`sql::WRITER_LOCK`), so deciding whether a text is new, a
//!   duplicate or a replacement, and numbering its facts, happen one transaction at a
//!   time; the unique constraints on the content hash and the document id are the
//!   backstop that no code path can get round. Extraction, the costly part, runs in
//!   parallel in every process; only the writes take turns, as in SQLite.
//! - Readers take no lock and see what committed transactions wrote: whole documents.
//! - Full-text search is PostgreSQL's own (`tsvector`, GIN), the FTS5 query syntax of
//!   `--text` translated (`sql::tsquery`).
//!
//! The connection lives behind a mutex, since the postgres client needs `&mut` for every
//! statement and the store's reads take `&self`.

mod browse;
mod corrections;
mod query;
pub(crate) mod sql;
mod write;

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use postgres::{Client, NoTls, Statement};

use crate::query::Columns;
use crate::{now, Result, StoreError};

/// The ledger in a PostgreSQL database.
pub struct PgStore {
    inner: Mutex<Inner>,
    /// The address without its password, for messages.
    url: String,
}

struct Inner {
    client: Client,
    /// Prepared statements by their text: a prepared statement saves a round trip per
    /// execution.
    statements: HashMap<&'static str, Statement>,
    known: write::EntityCache,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").field("url", &self.url).finish()
    }
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/db`, or
    /// any connection string the `postgres` crate reads) and creates or upgrades the
    /// ledger's schema there (several processes may do so at once).
    ///
    /// # Errors
    ///
    /// [`StoreError::Connect`] when the server cannot be reached or refuses the login;
    /// [`StoreError::SchemaTooNew`] for a ledger of a newer almanac.
    pub fn open(url: &str) -> Result<PgStore> {
        let store = PgStore::connect(url)?;
        store.migrate()?;
        Ok(store)
    }

    /// Connects to a ledger that must exist already (every query: they never create an
    /// empty ledger), converting an older schema.
    ///
    /// # Errors
    ///
    /// [`StoreError::NoLedger`] when the database holds no ledger; else as [`PgStore::open`].
    pub fn open_existing(url: &str) -> Result<PgStore> {
        let store = PgStore::connect(url)?;
        let exists: bool = store
            .lock()
            .client
            .query_one(sql::HAS_MIGRATIONS, &[])?
            .get(0);
        if !exists {
            return Err(StoreError::NoLedger {
                address: store.url.clone(),
            });
        }
        store.migrate()?;
        Ok(store)
    }

    fn connect(url: &str) -> Result<PgStore> {
        let client = Client::connect(url, NoTls).map_err(|source| StoreError::Connect {
            url: redact(url),
            source,
        })?;
        let store = PgStore {
            inner: Mutex::new(Inner {
                client,
                statements: HashMap::new(),
                known: write::EntityCache::default(),
            }),
            url: redact(url),
        };
        Ok(store)
    }

    /// The address of the database, without its password.
    pub fn url(&self) -> &str {
        &self.url
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while the lock was held left no transaction open: the postgres client
        // rolls back a transaction that is dropped.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn migrate(&self) -> Result<()> {
        let known = sql::MIGRATIONS.last().map_or(0, |m| m.0);
        let mut inner = self.lock();
        let client = &mut inner.client;
        let has_table: bool = client.query_one(sql::HAS_MIGRATIONS, &[])?.get(0);
        if has_table {
            let found = client
                .query_one(sql::CURRENT_VERSION, &[])?
                .get::<_, i64>(0) as u32;
            if found == known {
                return Ok(());
            }
        }
        let mut tx = client.transaction()?;
        tx.execute(sql::MIGRATION_LOCK, &[])?;
        tx.batch_execute(sql::CREATE_MIGRATIONS)?;
        let found = tx.query_one(sql::CURRENT_VERSION, &[])?.get::<_, i64>(0) as u32;
        if found > known {
            return Err(StoreError::SchemaTooNew { found, known });
        }
        for (version, name, migration) in sql::MIGRATIONS.iter().filter(|m| m.0 > found) {
            tx.batch_execute(migration)?;
            tx.execute(sql::RECORD_MIGRATION, &[&(*version as i32), name, &now()])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The schema version the ledger is at.
    pub fn schema_version(&self) -> Result<u32> {
        let mut inner = self.lock();
        Ok(inner
            .client
            .query_one(sql::CURRENT_VERSION, &[])?
            .get::<_, i64>(0) as u32)
    }

    /// Checks the ledger's invariants ([`sql::INTEGRITY_CHECKS`]): the server keeps its
    /// own files sound, so what is checked is what almanac promises of its rows.
    ///
    /// # Errors
    ///
    /// [`StoreError::Corrupt`] naming the first that fails, or a database error.
    pub fn check_integrity(&self) -> Result<()> {
        let mut inner = self.lock();
        for (what, query) in sql::INTEGRITY_CHECKS {
            let broken: i64 = inner.client.query_one(*query, &[])?.get(0);
            if broken != 0 {
                return Err(StoreError::Corrupt {
                    column: "ledger",
                    value: format!("{broken} {what}"),
                });
            }
        }
        Ok(())
    }

    /// Refreshes the planner's statistics (after a large ingest).
    pub fn checkpoint(&self) -> Result<()> {
        self.lock().client.batch_execute(sql::ANALYZE)?;
        Ok(())
    }
}

impl Columns for postgres::Row {
    fn text(&self, idx: usize) -> Result<Option<String>> {
        Ok(self.try_get(idx)?)
    }
    fn int(&self, idx: usize) -> Result<Option<i64>> {
        Ok(self.try_get(idx)?)
    }
    fn real(&self, idx: usize) -> Result<Option<f64>> {
        Ok(self.try_get(idx)?)
    }
}

/// A prepared statement for `query`, prepared once per connection.
fn prepared(
    client: &mut impl postgres::GenericClient,
    statements: &mut HashMap<&'static str, Statement>,
    query: &'static str,
) -> Result<Statement> {
    if let Some(statement) = statements.get(query) {
        return Ok(statement.clone());
    }
    let statement = client.prepare(query)?;
    statements.insert(query, statement.clone());
    Ok(statement)
}

/// `url` without the password of its user, if it has one.
pub(crate) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        // A key=value connection string: drop a password=... pair.
        return url
            .split_whitespace()
            .filter(|pair| !pair.starts_with("password="))
            .collect::<Vec<_>>()
            .join(" ");
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => {
            let userinfo = &rest[..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}@{}", &rest[at + 1..])
        }
        None => url.to_string(),
    }
}

/// What the server said, with its detail when there is one.
pub(crate) fn describe(err: &postgres::Error) -> String {
    match err.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_string(),
        },
        None => err.to_string(),
    }
}

/// Creates a schema of its own in the database at `url` (a unique name) and returns an
/// address that opens a ledger inside it: a ledger for one test, or one trial, beside
/// others in one database. The schema stays until dropped.
///
/// # Errors
///
/// When the server cannot be reached or refuses to create the schema.
pub fn scratch_schema(url: &str) -> Result<String> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = format!(
        "almanac_{}_{}_{nanos}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut client = Client::connect(url, NoTls).map_err(|source| StoreError::Connect {
        url: redact(url),
        source,
    })?;
    client.batch_execute(&format!("CREATE SCHEMA {name}"))?;
    let separator = if url.contains('?') { '&' } else { '?' };
    Ok(format!("{url}{separator}options=-c%20search_path%3D{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_left_out_of_messages() {
        for (url, shown) in [
            (
                "postgres://ann:secret@db.example/ledger",
                "postgres://ann@db.example/ledger",
            ),
            ("postgres://ann@h:5432/l", "postgres://ann@h:5432/l"),
            ("postgresql://h/l?user=x", "postgresql://h/l?user=x"),
            (
                "host=h user=ann password=secret dbname=l",
                "host=h user=ann dbname=l",
            ),
        ] {
            assert_eq!(redact(url), shown);
        }
    }
}
