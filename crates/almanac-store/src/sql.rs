//! Every statement the store runs, in one place, so that a PostgreSQL backend can follow
//! by translating this module (parameters are numbered `?N`, which maps onto `$N`).
//!
//! SQLite-only parts are kept here and named: `PRAGMA`s on open, the FTS5 table and its
//! triggers (PostgreSQL would use a `tsvector` column with a GIN index instead), and
//! `COLLATE NOCASE` on names (`citext` there).

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

pub const PRAGMAS_MEMORY: &str = "
PRAGMA foreign_keys = ON;
PRAGMA temp_store = MEMORY;
";

/// Runs ANALYZE where the statistics are missing or stale (0x10002: on all tables).
pub const OPTIMIZE: &str = "PRAGMA optimize = 0x10002;";

pub const CREATE_MIGRATIONS: &str = "
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

pub const CURRENT_VERSION: &str = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";

pub const RECORD_MIGRATION: &str =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)";

/// The schema, as numbered migrations. Never edit a migration that has shipped: add one.
pub const MIGRATIONS: &[(u32, &str, &str)] = &[(1, "initial schema", MIGRATION_1)];

const MIGRATION_1: &str = "
CREATE TABLE documents (
    id                INTEGER PRIMARY KEY,
    doc               TEXT NOT NULL UNIQUE,
    hash              TEXT NOT NULL UNIQUE,
    origin            TEXT NOT NULL,
    title             TEXT,
    url               TEXT,
    meta_date         TEXT,
    date              TEXT,
    date_source       TEXT,
    text              TEXT NOT NULL,
    bytes             INTEGER NOT NULL,
    extractor_version TEXT NOT NULL,
    ingested_at       TEXT NOT NULL
);
CREATE INDEX documents_date ON documents (date);
CREATE INDEX documents_version ON documents (extractor_version);

CREATE TABLE sentences (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents (id),
    text   TEXT NOT NULL
);
CREATE INDEX sentences_doc ON sentences (doc_id);

CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text, content = 'sentences', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
-- No triggers: FTS5 flushes its pending terms at every statement that writes to it, so
-- sentences are indexed in one statement per batch (INDEX_NEW_SENTENCES), which is
-- several times faster than one insert per sentence.

CREATE TABLE facts (
    id                 INTEGER PRIMARY KEY,
    doc_id             INTEGER NOT NULL REFERENCES documents (id),
    seq                INTEGER NOT NULL,
    text               TEXT NOT NULL,
    value              REAL NOT NULL,
    unit               TEXT,
    qualifier          TEXT,
    metric             TEXT,
    measure            TEXT,
    subject            TEXT COLLATE NOCASE,
    period             TEXT,
    period_start       TEXT,
    period_end         TEXT,
    status             TEXT,
    equivalents        TEXT NOT NULL,
    per                TEXT,
    grp                INTEGER,
    object             TEXT,
    span_start         INTEGER NOT NULL,
    span_end           INTEGER NOT NULL,
    sentence_id        INTEGER REFERENCES sentences (id),
    value_kzt          REAL,
    value_usd          REAL,
    kzt_rate           REAL,
    kzt_rate_source    TEXT,
    kzt_rate_period    TEXT,
    usd_rate           REAL,
    usd_rate_source    TEXT,
    usd_rate_period    TEXT,
    implied_rate       REAL,
    implied_rate_unit  TEXT
);
-- Single-column indexes on purpose: their entries are in rowid order within a value, so
-- a filter with the default ledger order (`ORDER BY f.id LIMIT n`) needs no sort.
CREATE INDEX facts_doc ON facts (doc_id, seq);
CREATE INDEX facts_subject ON facts (subject);
CREATE INDEX facts_metric ON facts (metric);
CREATE INDEX facts_period ON facts (period_start, period_end);
CREATE INDEX facts_sentence ON facts (sentence_id);

CREATE TABLE entities (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind    TEXT NOT NULL,
    part_of TEXT COLLATE NOCASE,
    role    TEXT,
    role_of TEXT
);
CREATE INDEX entities_part_of ON entities (part_of);

CREATE TABLE aliases (
    alias     TEXT NOT NULL COLLATE NOCASE,
    entity_id INTEGER NOT NULL REFERENCES entities (id),
    PRIMARY KEY (alias, entity_id)
);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    doc_id     INTEGER NOT NULL REFERENCES documents (id),
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    reference  INTEGER NOT NULL
);
CREATE INDEX mentions_doc ON mentions (doc_id);
CREATE INDEX mentions_entity ON mentions (entity_id);
";

// Documents.

pub const DOC_BY_HASH: &str = "SELECT doc FROM documents WHERE hash = ?1";
pub const DOC_BY_ID: &str = "SELECT id, hash, origin FROM documents WHERE doc = ?1";

pub const INSERT_DOC: &str = "
INSERT INTO documents (doc, hash, origin, title, url, meta_date, date, date_source, text, bytes,
                       extractor_version, ingested_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

pub const UPDATE_DOC: &str = "
UPDATE documents SET doc = ?1, hash = ?2, origin = ?3, title = ?4, url = ?5, meta_date = ?6,
       date = ?7, date_source = ?8, text = ?9, bytes = ?10, extractor_version = ?11,
       ingested_at = ?12
WHERE id = ?13";

pub const DELETE_DOC_FACTS: &str = "DELETE FROM facts WHERE doc_id = ?1";
pub const DELETE_DOC_MENTIONS: &str = "DELETE FROM mentions WHERE doc_id = ?1";
pub const DELETE_DOC_SENTENCES: &str = "DELETE FROM sentences WHERE doc_id = ?1";

/// Removes a document's sentences from the full-text index; only those indexed already
/// (ids up to ?2), as FTS5 must not be asked to delete what it never held.
pub const UNINDEX_DOC_SENTENCES: &str = "
INSERT INTO sentences_fts (sentences_fts, rowid, text)
SELECT 'delete', id, text FROM sentences WHERE doc_id = ?1 AND id <= ?2";

/// The highest sentence id: everything up to it is in the full-text index.
pub const MAX_SENTENCE: &str = "SELECT COALESCE(MAX(id), 0) FROM sentences";

/// Indexes the sentences written since ?1, in one statement.
pub const INDEX_NEW_SENTENCES: &str =
    "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ?1";

pub const DOC_COLUMNS: &str =
    "d.id, d.doc, d.hash, d.origin, d.title, d.url, d.meta_date, d.date, \
     d.date_source, d.bytes, d.extractor_version, d.ingested_at";

pub const STALE_DOCS: &str = "SELECT id FROM documents WHERE extractor_version <> ?1 ORDER BY id";

// Facts.

pub const INSERT_SENTENCE: &str = "INSERT INTO sentences (doc_id, text) VALUES (?1, ?2)";

pub const INSERT_FACT: &str = "
INSERT INTO facts (doc_id, seq, text, value, unit, qualifier, metric, measure, subject, period,
                   period_start, period_end, status, equivalents, per, grp, object, span_start,
                   span_end, sentence_id, value_kzt, value_usd, kzt_rate, kzt_rate_source,
                   kzt_rate_period, usd_rate, usd_rate_source, usd_rate_period, implied_rate,
                   implied_rate_unit)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)";

/// The columns `row_to_fact` reads, in order.
pub const FACT_COLUMNS: &str =
    "f.id, d.doc, d.date, f.text, f.value, f.unit, f.qualifier, f.metric, \
     f.measure, f.subject, f.period, f.status, f.equivalents, f.per, f.grp, f.object, \
     f.span_start, f.span_end, s.text, f.value_kzt, f.value_usd, f.kzt_rate, f.kzt_rate_source, \
     f.kzt_rate_period, f.usd_rate, f.usd_rate_source, f.usd_rate_period, f.implied_rate, \
     f.implied_rate_unit, f.unit";

pub const FACT_FROM: &str = "FROM facts f JOIN documents d ON d.id = f.doc_id \
     LEFT JOIN sentences s ON s.id = f.sentence_id";

/// Facts whose sentence matches an FTS5 query (`?N` is the query).
pub fn text_filter(param: usize) -> String {
    format!("f.sentence_id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?{param})")
}

/// The canonical names a subject filter stands for: the entity named or aliased so, and
/// with `within`, every place whose `part_of` chain leads to it.
pub fn subject_names(param: usize, within: bool) -> String {
    let direct = format!(
        "SELECT e.name FROM entities e WHERE e.name = ?{param} \
         UNION SELECT e.name FROM entities e JOIN aliases a ON a.entity_id = e.id \
         WHERE a.alias = ?{param} \
         UNION SELECT ?{param}"
    );
    if within {
        format!(
            "WITH RECURSIVE tree (name) AS ({direct} \
             UNION SELECT e.name FROM entities e JOIN tree t ON e.part_of = t.name) \
             SELECT name FROM tree"
        )
    } else {
        direct
    }
}

// Entities.

pub const UPSERT_ENTITY: &str = "
INSERT INTO entities (name, kind, part_of, role, role_of) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (name) DO UPDATE SET
    part_of = COALESCE(entities.part_of, excluded.part_of),
    role = COALESCE(entities.role, excluded.role),
    role_of = COALESCE(entities.role_of, excluded.role_of)
RETURNING id";

pub const INSERT_ALIAS: &str =
    "INSERT INTO aliases (alias, entity_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";

pub const INSERT_MENTION: &str = "
INSERT INTO mentions (doc_id, entity_id, span_start, span_end, text, reference)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

pub const ENTITY_LIST: &str = "
SELECT e.id, e.name, e.kind, e.part_of, e.role, e.role_of,
       (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id),
       (SELECT COUNT(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id),
       (SELECT COUNT(*) FROM facts f WHERE f.subject = e.name)
FROM entities e";

pub const ENTITY_ALIASES: &str = "SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY alias";

/// Subjects that facts name but no entity row holds (the extractor named a subject
/// without a mention the entity layer kept), with their fact counts.
pub const ORPHAN_SUBJECTS: &str = "
SELECT f.subject, COUNT(*) FROM facts f
WHERE f.subject IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.name = f.subject)
GROUP BY f.subject";

// Statistics.

pub const COUNT_DOCS: &str = "SELECT COUNT(*) FROM documents";
pub const COUNT_ALL_FACTS: &str = "SELECT COUNT(*) FROM facts";
pub const COUNT_ENTITIES: &str = "SELECT COUNT(*) FROM entities";
