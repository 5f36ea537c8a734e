//! The database as a whole: the PRAGMAs a connection opens with, the ledger's sizes, the
//! write-ahead log's upkeep and SQLite's own check.

/// Pragmas for a file database: WAL so that readers never block the writer and a killed
/// process leaves the last committed transaction intact; `synchronous = NORMAL` is
/// crash-safe in WAL mode (only a power loss may drop the last transactions, never corrupt).
/// The WAL is checkpointed every 8,192 pages (32 MiB) rather than SQLite's 1,000, so that
/// ingest rewrites its hot pages into the database file less often.
pub const PRAGMAS_FILE: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
PRAGMA temp_store = MEMORY;
PRAGMA cache_size = -65536;
PRAGMA wal_autocheckpoint = 8192;
";

/// Pragmas for reading only: no write can slip through (the journal mode is the file's
/// own), and the same cache and temporary storage as a file connection.
pub const PRAGMAS_READ_ONLY: &str = "
PRAGMA query_only = ON;
PRAGMA temp_store = MEMORY;
PRAGMA cache_size = -65536;
";

/// Pragmas while a new ledger is made under a temporary name: a rollback journal, so that
/// closing it leaves one file to link into place.
pub const PRAGMAS_CREATE: &str = "
PRAGMA journal_mode = DELETE;
PRAGMA foreign_keys = ON;
";

pub const PRAGMAS_MEMORY: &str = "
PRAGMA foreign_keys = ON;
PRAGMA temp_store = MEMORY;
";

/// Runs ANALYZE where the statistics are missing or stale (0x10002: on all tables).
pub const OPTIMIZE: &str = "PRAGMA optimize = 0x10002;";

// Statistics.

pub const COUNT_DOCS: &str = "SELECT COUNT(*) FROM documents";
pub const COUNT_DUPLICATES: &str = "SELECT COUNT(*) FROM duplicates";
pub const COUNT_ALL_FACTS: &str = "SELECT COUNT(*) FROM facts";
pub const COUNT_ENTITIES: &str = "SELECT COUNT(*) FROM entities";

// Maintenance.

/// How many pages the write-ahead log may grow by before a commit checkpoints it.
pub fn set_wal_autocheckpoint(pages: u32) -> String {
    format!("PRAGMA wal_autocheckpoint = {pages}")
}

/// A checkpoint that waits for no one: copies what it can of the WAL into the database.
pub const CHECKPOINT_PASSIVE: &str = "PRAGMA wal_checkpoint(PASSIVE)";

/// A checkpoint that copies the whole WAL and truncates it (after a large ingest).
pub const CHECKPOINT_TRUNCATE: &str = "PRAGMA wal_checkpoint(TRUNCATE)";

/// SQLite's own check of the database file: one row, `ok` when sound.
pub const INTEGRITY_CHECK: &str = "PRAGMA integrity_check";
