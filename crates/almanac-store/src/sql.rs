//! Every statement the store runs, in one place, so that a PostgreSQL backend can follow
//! by translating this module (parameters are numbered `?N`, which maps onto `$N`).
//!
//! Fixed statements are constants. The filtered queries are assembled here too, from
//! conditions that each name their parameters by number (`fact_in(FactList::Metric,
//! &[3, 4])` is `f.metric IN (?3, ?4)`): the caller numbers and binds the values, so that
//! no value is ever spliced into the text. The FTS5 query syntax (`fts_query`) and the
//! LIKE pattern of a substring search (`contains_pattern`) are here as well.
//!
//! SQLite-only parts are kept here and named: `PRAGMA`s on open, the FTS5 table
//! (PostgreSQL would use a `tsvector` column with a GIN index instead), the `rarray` table
//! function that feeds it a batch of sentences in one statement (`unnest` there), and
//! `COLLATE NOCASE` on names (`citext` there).

use crate::model::{FactSort, SortKey};

/// The key a fact (`f`, as corrected) is counted under in `fact_counts`, in the order of
/// its columns (see [`MIGRATION_6`]).
macro_rules! count_key {
    () => {
        "COALESCE(f.metric, '') AS metric, COALESCE(f.status, '') AS status, \
         COALESCE(CAST(substr(f.period_start, 1, 4) AS INTEGER), 0) AS year_first, \
         COALESCE(CAST(substr(f.period_end, 1, 4) AS INTEGER), 0) AS year_last, \
         COALESCE(f.measure, '') AS measure, COALESCE(f.subject, '') COLLATE NOCASE AS subject"
    };
}

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
pub const MIGRATIONS: &[(u32, &str, &str)] = &[
    (1, "initial schema", MIGRATION_1),
    (2, "lean write path", MIGRATION_2),
    (3, "duplicate documents", MIGRATION_3),
    (4, "corrections", MIGRATION_4),
    (5, "document language", MIGRATION_5),
    (6, "fact counts", MIGRATION_6),
    (7, "range upper bound", MIGRATION_7),
    (8, "period values", MIGRATION_8),
];

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

/// What ingest writes per document, made smaller: sentences are byte ranges into the
/// document text instead of rows of their own, the full-text index is contentless and
/// keyed by fact, mentions are one row per document and entity, and no index or foreign
/// key is kept that no query needs. An existing ledger is converted in place.
const MIGRATION_2: &str = "
CREATE TABLE facts_v2 (
    id                 INTEGER PRIMARY KEY,
    doc_id             INTEGER NOT NULL,
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
    equivalents        TEXT,
    per                TEXT,
    grp                INTEGER,
    object             TEXT,
    span_start         INTEGER NOT NULL,
    span_end           INTEGER NOT NULL,
    sentence_start     INTEGER,
    sentence_end       INTEGER,
    sentence_text      TEXT,
    sentence_facts     INTEGER,
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
-- The fact's sentence is `sentence_start..sentence_end` (bytes) of the document text, or
-- `sentence_text` where it is not a slice of it (or the document is large); both are NULL
-- for a fact without a sentence. Consecutive facts of one sentence share its entry in
-- `sentences_fts`, under the id of the first, which says how many they are in
-- `sentence_facts` (NULL on the others).
-- `equivalents` is JSON, NULL for none.
-- A sentence is found in its document's text as the writer looks for it (in documents up
-- to 32 KiB); each fact has its own entry in the index here.
WITH located AS (
    SELECT f.id, s.text AS sentence,
           IIF(s.text IS NULL OR d.bytes > 32768, 0,
               instr(CAST(d.text AS BLOB), CAST(s.text AS BLOB))) AS at
    FROM facts f JOIN documents d ON d.id = f.doc_id LEFT JOIN sentences s ON s.id = f.sentence_id
)
INSERT INTO facts_v2
SELECT f.id, f.doc_id, f.text, f.value, f.unit, f.qualifier, f.metric, f.measure, f.subject,
       f.period, f.period_start, f.period_end, f.status, NULLIF(f.equivalents, '[]'), f.per,
       f.grp, f.object, f.span_start, f.span_end,
       IIF(l.at > 0, l.at - 1, NULL), IIF(l.at > 0, l.at - 1 + length(CAST(l.sentence AS BLOB)), NULL),
       IIF(l.at > 0, NULL, l.sentence), IIF(l.sentence IS NULL, NULL, 1),
       f.value_kzt, f.value_usd, f.kzt_rate, f.kzt_rate_source, f.kzt_rate_period, f.usd_rate,
       f.usd_rate_source, f.usd_rate_period, f.implied_rate, f.implied_rate_unit
FROM facts f JOIN located l ON l.id = f.id
ORDER BY f.id;
DROP TABLE facts;
ALTER TABLE facts_v2 RENAME TO facts;
-- Single-column indexes on purpose: their entries are in id order within a value, so a
-- filter with the default ledger order (`ORDER BY f.id LIMIT n`) needs no sort. No index
-- on the period: an overlap is a two-sided range that one serves poorly (a filter walks
-- facts in ledger order, or a more selective index, instead). A document's facts are
-- found by their id range (`documents.first_fact`, `n_facts`), a sentence's by the
-- full-text index's rowid.
CREATE INDEX facts_subject ON facts (subject);
CREATE INDEX facts_metric ON facts (metric);

-- A document's facts have consecutive ids: `first_fact` up to `first_fact + n_facts`.
ALTER TABLE documents ADD COLUMN first_fact INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN n_facts INTEGER NOT NULL DEFAULT 0;
UPDATE documents SET first_fact = agg.first, n_facts = agg.n
FROM (SELECT doc_id, MIN(id) AS first, COUNT(*) AS n FROM facts GROUP BY doc_id) AS agg
WHERE agg.doc_id = documents.id;
DROP INDEX documents_version;

DROP TABLE sentences_fts;
DROP TABLE sentences;
-- Contentless: the sentences are in the documents already, and a sentence leaves the
-- index by its text ('delete'). No column sizes: nothing ranks by bm25. Positions are kept
-- (detail=full), as `--text` searches phrases.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2'
);
-- Segments are merged 8 at a time rather than 4: about 6% less ingest work, and searches
-- measured no slower at 1M facts.
INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('automerge', 8);
INSERT INTO sentences_fts (rowid, text)
SELECT f.id, COALESCE(f.sentence_text, CAST(substr(CAST(d.text AS BLOB),
                      f.sentence_start + 1, f.sentence_end - f.sentence_start) AS TEXT))
FROM facts f JOIN documents d ON d.id = f.doc_id
WHERE f.sentence_facts IS NOT NULL;

CREATE TABLE mentions_v2 (
    doc_id    INTEGER NOT NULL,
    entity_id INTEGER NOT NULL,
    n         INTEGER NOT NULL,
    spans     TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
) WITHOUT ROWID;
-- `n` mentions of the entity in the document; `spans` their byte ranges, `START-END` each
-- separated by spaces, with a trailing `r` on a reference back (`the city`).
INSERT INTO mentions_v2
SELECT doc_id, entity_id, COUNT(*),
       group_concat(span_start || '-' || span_end || IIF(reference, 'r', ''), ' '
                    ORDER BY span_start, id)
FROM mentions GROUP BY doc_id, entity_id;
DROP TABLE mentions;
ALTER TABLE mentions_v2 RENAME TO mentions;
-- By entity then document, so that ingest appends to each entity's entries; with `n`, it
-- answers the counts of `almanac entities` alone.
CREATE INDEX mentions_entity ON mentions (entity_id, doc_id, n);
";

/// The same text under several document ids (a wire story in several feeds, a page
/// saved twice): the text, its facts and its entities are stored once, in the row of the
/// first id that brought it, and every other id is a row here pointing at that document.
/// An id is in `documents` or here, never both. When the first id is given a new text,
/// the oldest duplicate takes over the row, so the shared text and its facts stay. A
/// ledger of schema 2 had no duplicates to keep (they were counted as unchanged and
/// forgotten): the table starts empty, and ingesting the same corpus again records them.
const MIGRATION_3: &str = "
CREATE TABLE duplicates (
    doc         TEXT NOT NULL PRIMARY KEY,
    of_id       INTEGER NOT NULL,
    origin      TEXT NOT NULL,
    title       TEXT,
    url         TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX duplicates_of ON duplicates (of_id);
";

/// A person's corrections of facts, kept apart from what the extractor wrote so that they
/// outlive re-extraction: keyed by the document's content hash and the figure's span, not
/// by fact or document ids, which `reindex` and a re-ingest give anew. A NULL field leaves
/// the extracted one; `reject` hides the fact. `corrected_facts` reads like `facts` with
/// the corrections laid over it (queries use it only while corrections exist, so a ledger
/// without any reads as fast as before). The money columns are those written by the
/// extractor: the store computes them again for a corrected value, unit or period as it
/// reads the fact. A corrected value or unit drops the figure's inline equivalents, which
/// were written for the figure as it stood.
const MIGRATION_4: &str = "
CREATE TABLE corrections (
    doc_hash     TEXT NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    doc          TEXT NOT NULL,
    figure       TEXT NOT NULL,
    reject       INTEGER NOT NULL DEFAULT 0,
    value        REAL,
    unit         TEXT,
    metric       TEXT,
    measure      TEXT,
    subject      TEXT,
    period       TEXT,
    period_start TEXT,
    period_end   TEXT,
    status       TEXT,
    note         TEXT,
    corrected_at TEXT NOT NULL,
    PRIMARY KEY (doc_hash, span_start, span_end)
) WITHOUT ROWID;
-- `doc` and `figure` say what was corrected when it was (the document id and the figure as
-- written), for people reading the list; they are not part of the key.

CREATE VIEW corrected_facts AS
SELECT f.id, f.doc_id, f.text,
       COALESCE(c.value, f.value) AS value,
       COALESCE(c.unit, f.unit) AS unit,
       f.qualifier,
       COALESCE(c.metric, f.metric) AS metric,
       COALESCE(c.measure, f.measure) AS measure,
       COALESCE(c.subject, f.subject) COLLATE NOCASE AS subject,
       COALESCE(c.period, f.period) AS period,
       IIF(c.period IS NULL, f.period_start, c.period_start) AS period_start,
       IIF(c.period IS NULL, f.period_end, c.period_end) AS period_end,
       COALESCE(c.status, f.status) AS status,
       IIF(c.value IS NULL AND c.unit IS NULL, f.equivalents, NULL) AS equivalents,
       f.per, f.grp, f.object, f.span_start, f.span_end, f.sentence_start, f.sentence_end,
       f.sentence_text, f.sentence_facts, f.value_kzt, f.value_usd, f.kzt_rate,
       f.kzt_rate_source, f.kzt_rate_period, f.usd_rate, f.usd_rate_source, f.usd_rate_period,
       f.implied_rate, f.implied_rate_unit
FROM facts f
JOIN documents cd ON cd.id = f.doc_id
LEFT JOIN corrections c
       ON c.doc_hash = cd.hash AND c.span_start = f.span_start AND c.span_end = f.span_end
WHERE c.reject IS NOT 1;
";

/// The language each document was read in (`en`, `ru`, `kk`), as the extractor decided it:
/// the document's own, the user's `--lang`, or detected. A document stored before has none
/// (NULL, shown as unknown) until `reindex` reads it again.
const MIGRATION_5: &str = "ALTER TABLE documents ADD COLUMN lang TEXT;";

/// How many facts (as corrected) there are of each subject, metric, measure, status and
/// first and last year of the period (and the indexes a page of a metric reads): what the totals and facet counts of a filter on
/// those fields read instead of counting a million facts. The write path keeps it exact
/// in the same transaction as the facts (`count_facts_delta`), and so do corrections. A
/// field without a value is `''` (a year `0`), as a key with NULLs would never conflict
/// with itself; readers turn them back into none.
const MIGRATION_6: &str = concat!(
    "
CREATE TABLE fact_counts (
    metric     TEXT NOT NULL,
    status     TEXT NOT NULL,
    year_first INTEGER NOT NULL,
    year_last  INTEGER NOT NULL,
    measure    TEXT NOT NULL,
    subject    TEXT NOT NULL COLLATE NOCASE,
    n          INTEGER NOT NULL,
    PRIMARY KEY (metric, status, year_first, year_last, measure, subject)
) WITHOUT ROWID;
INSERT INTO fact_counts (metric, status, year_first, year_last, measure, subject, n)
SELECT ",
    count_key!(),
    ", COUNT(*) FROM corrected_facts f WHERE true GROUP BY 1, 2, 3, 4, 5, 6;
-- A page of a metric, or a metric and a status, in ledger order or by value, without
-- reading the metric's other facts: each index is in id order within its values, so
-- `ORDER BY f.id LIMIT n` stops after n, and by value only ties are sorted; the value
-- indexes hold the period too, so that a period filter skips facts without reading
-- their rows. Measured at a million facts: an empty first page of a metric and a status
-- it never has, and a first page by value, from 70-110 ms of CPU to under 3 ms; a page
-- by value of a metric, status and year from 8,200 pages read to 255.
CREATE INDEX facts_metric_status ON facts (metric, status);
CREATE INDEX facts_metric_status_value ON facts (metric, status, value, period_start, period_end);
CREATE INDEX facts_metric_value ON facts (metric, value, period_start, period_end);
-- Without statistics of the new indexes the planner takes facts_metric_value for a page
-- in ledger order too, and sorts a whole metric (seconds at a million facts).
ANALYZE facts;"
);

/// The upper end of a range that reports one state (`20-30 million tenge`: `value` 20e6,
/// `value_high` 30e6), NULL for any other figure and for facts stored before, which
/// `reindex` reads again: every extractor without the column is another version.
/// `corrected_facts` is made again to carry it; a corrected value is one value, and drops
/// the range it replaces as it drops the equivalents.
const MIGRATION_7: &str = "
ALTER TABLE facts ADD COLUMN value_high REAL;
DROP VIEW corrected_facts;
CREATE VIEW corrected_facts AS
SELECT f.id, f.doc_id, f.text,
       COALESCE(c.value, f.value) AS value,
       IIF(c.value IS NULL, f.value_high, NULL) AS value_high,
       COALESCE(c.unit, f.unit) AS unit,
       f.qualifier,
       COALESCE(c.metric, f.metric) AS metric,
       COALESCE(c.measure, f.measure) AS measure,
       COALESCE(c.subject, f.subject) COLLATE NOCASE AS subject,
       COALESCE(c.period, f.period) AS period,
       IIF(c.period IS NULL, f.period_start, c.period_start) AS period_start,
       IIF(c.period IS NULL, f.period_end, c.period_end) AS period_end,
       COALESCE(c.status, f.status) AS status,
       IIF(c.value IS NULL AND c.unit IS NULL, f.equivalents, NULL) AS equivalents,
       f.per, f.grp, f.object, f.span_start, f.span_end, f.sentence_start, f.sentence_end,
       f.sentence_text, f.sentence_facts, f.value_kzt, f.value_usd, f.kzt_rate,
       f.kzt_rate_source, f.kzt_rate_period, f.usd_rate, f.usd_rate_source, f.usd_rate_period,
       f.implied_rate, f.implied_rate_unit
FROM facts f
JOIN documents cd ON cd.id = f.doc_id
LEFT JOIN corrections c
       ON c.doc_hash = cd.hash AND c.span_start = f.span_start AND c.span_end = f.span_end
WHERE c.reject IS NOT 1;
";

/// The key of a fact (`f`, as extracted) in `period_values`, in the order of its primary
/// key (see [`MIGRATION_8`]): a macro, so that statements can be `concat!`ed from it.
macro_rules! period_value_key {
    () => {
        "f.subject AS subject, f.metric AS metric, COALESCE(f.measure, 'level') AS measure, \
         COALESCE(f.status, 'actual') AS status, f.period AS period, \
         COALESCE(f.unit, '') AS unit, f.value AS value"
    };
}

/// The facts `period_values` sums up: those a chart can place.
macro_rules! period_valued {
    () => {
        "f.subject IS NOT NULL AND f.metric IS NOT NULL AND f.period IS NOT NULL"
    };
}

/// How many facts (as extracted) of each subject, metric, measure, status, period, unit
/// and value there are, with the latest fact's id and the largest money among them: what
/// a place's charts read ([`crate::Store::period_figures`]) instead of the place's tens
/// of thousands of facts, scattered over the file (seconds for a place of 60,000 facts,
/// against milliseconds for its few thousand rows here). The write path keeps it exact in
/// the same transaction as the facts: new facts are added ([`ADD_PERIOD_VALUES`]);
/// replaced ones are taken away ([`REMOVE_PERIOD_VALUES`]) and leave their rows `stale`,
/// whose latest id and money are read again from the facts that remain
/// ([`REPAIR_PERIOD_VALUES`], through `facts_metric_value`) before the transaction
/// commits. Corrections are not in it: a reader takes the few corrected facts out of
/// their rows and adds them as corrected. No measure reads `level`, no status `actual`
/// (as the charts read them), no unit `''`.
const MIGRATION_8: &str = concat!(
    "
CREATE TABLE period_values (
    subject      TEXT NOT NULL COLLATE NOCASE,
    metric       TEXT NOT NULL,
    measure      TEXT NOT NULL,
    status       TEXT NOT NULL,
    period       TEXT NOT NULL,
    unit         TEXT NOT NULL,
    value        REAL NOT NULL,
    period_start TEXT,
    period_end   TEXT,
    value_kzt    REAL,
    value_usd    REAL,
    n            INTEGER NOT NULL,
    last         INTEGER NOT NULL,
    stale        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (subject, metric, measure, status, period, unit, value)
) WITHOUT ROWID;
CREATE INDEX period_values_stale ON period_values (stale) WHERE stale = 1;
INSERT INTO period_values (subject, metric, measure, status, period, unit, value,
                           period_start, period_end, value_kzt, value_usd, n, last)
SELECT ",
    period_value_key!(),
    ", MIN(f.period_start), MIN(f.period_end), MAX(f.value_kzt), MAX(f.value_usd), COUNT(*), \
     MAX(f.id) FROM facts f WHERE ",
    period_valued!(),
    " GROUP BY 1, 2, 3, 4, 5, 6, 7;"
);

// Documents.

/// The row and id of the document holding a text (by its content hash).
pub const DOC_BY_HASH: &str = "SELECT id, doc FROM documents WHERE hash = ?1";
pub const DOC_BY_ID: &str = "SELECT id, origin, first_fact, n_facts FROM documents WHERE doc = ?1";

pub const INSERT_DOC: &str = "
INSERT INTO documents (doc, hash, origin, title, url, meta_date, date, date_source, text, bytes,
                       extractor_version, ingested_at, first_fact, n_facts, lang)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

pub const UPDATE_DOC: &str = "
UPDATE documents SET doc = ?1, hash = ?2, origin = ?3, title = ?4, url = ?5, meta_date = ?6,
       date = ?7, date_source = ?8, text = ?9, bytes = ?10, extractor_version = ?11,
       ingested_at = ?12, first_fact = ?13, n_facts = ?14, lang = ?15
WHERE id = ?16";

/// A document's facts are those with ids from ?1 up to ?1 + ?2 (its `first_fact`,
/// `n_facts`).
pub const DELETE_DOC_FACTS: &str = "DELETE FROM facts WHERE id >= ?1 AND id < ?1 + ?2";
pub const DELETE_DOC_MENTIONS: &str = "DELETE FROM mentions WHERE doc_id = ?1";
pub const DELETE_DOC: &str = "DELETE FROM documents WHERE id = ?1";

/// The document row (`of_id`) a duplicate id points at, and where the duplicate came from.
pub const DUPLICATE_BY_ID: &str = "SELECT of_id, origin FROM duplicates WHERE doc = ?1";
pub const INSERT_DUPLICATE: &str = "
INSERT INTO duplicates (doc, of_id, origin, title, url, ingested_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
pub const DELETE_DUPLICATE: &str = "DELETE FROM duplicates WHERE doc = ?1";
/// The oldest duplicate of document row ?1, which takes the row over when its id leaves.
pub const FIRST_DUPLICATE: &str = "
SELECT doc, origin, title, url FROM duplicates WHERE of_id = ?1 ORDER BY rowid LIMIT 1";
/// Document row ?1 now answers to the duplicate id ?2 (with its origin, title and URL).
pub const PROMOTE_DUPLICATE: &str =
    "UPDATE documents SET doc = ?2, origin = ?3, title = ?4, url = ?5 WHERE id = ?1";
/// The ids that share document row ?1's text, oldest first.
pub const DUPLICATES_OF: &str = "SELECT doc FROM duplicates WHERE of_id = ?1 ORDER BY rowid";

/// A fact's sentence (`f` joined with its document `d`).
pub const SENTENCE: &str = "COALESCE(f.sentence_text, CAST(substr(CAST(d.text AS BLOB), \
     f.sentence_start + 1, f.sentence_end - f.sentence_start) AS TEXT))";

/// Removes the sentences of facts ?1 up to ?2 (a document's, those indexed already, as
/// FTS5 must not be asked to delete what it never held) from the full-text index, before
/// the facts are deleted. A contentless index deletes by the text it was given.
pub fn unindex_sentences() -> String {
    format!(
        "INSERT INTO sentences_fts (sentences_fts, rowid, text) \
         SELECT 'delete', f.id, {SENTENCE} FROM facts f JOIN documents d ON d.id = f.doc_id \
         WHERE f.id >= ?1 AND f.id < ?2 AND f.sentence_facts IS NOT NULL"
    )
}

/// Indexes the sentences of the facts written in a batch: ?1 is an array (`rarray`) of
/// them, NULL for a fact without one, the first for fact ?2 + 1.
pub const INDEX_PENDING: &str = "INSERT INTO sentences_fts (rowid, text) \
     SELECT ?2 + rowid, value FROM rarray(?1) WHERE value IS NOT NULL";

pub const FTS_INTEGRITY_CHECK: &str =
    "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 0)";

/// The highest fact id: the sentences of facts up to it are in the full-text index.
pub const MAX_FACT: &str = "SELECT COALESCE(MAX(id), 0) FROM facts";

/// The columns `row_to_summary` reads, in order (a macro, so that statements can be
/// `concat!`ed from it).
macro_rules! doc_columns {
    () => {
        "d.id, d.doc, d.hash, d.origin, d.title, d.url, d.meta_date, d.date, \
         d.date_source, d.bytes, d.extractor_version, d.ingested_at, d.n_facts, \
         NULL AS duplicate_of, d.lang"
    };
}

/// The same columns for a duplicate (`x`) of document `d`: its own id, origin, title, URL
/// and time of ingest, the rest its document's, and the id it duplicates.
macro_rules! duplicate_columns {
    () => {
        "d.id, x.doc, d.hash, x.origin, x.title, x.url, d.meta_date, d.date, \
         d.date_source, d.bytes, d.extractor_version, x.ingested_at, d.n_facts, \
         d.doc AS duplicate_of, d.lang"
    };
}

/// One document with its text (column 15), by its id (?1).
pub const DOCUMENT_BY_DOC: &str = concat!(
    "SELECT ",
    doc_columns!(),
    ", d.text FROM documents d WHERE d.doc = ?1"
);

/// One duplicate with its document's text (column 15), by the duplicate's id (?1).
pub const DUPLICATE_BY_DOC: &str = concat!(
    "SELECT ",
    duplicate_columns!(),
    ", d.text FROM duplicates x JOIN documents d ON d.id = x.of_id WHERE x.doc = ?1"
);

/// One document with its text (column 15), by its row id (?1).
pub const DOCUMENT_BY_ROW: &str = concat!(
    "SELECT ",
    doc_columns!(),
    ", d.text FROM documents d WHERE d.id = ?1"
);

/// Documents dated from ?`start` to ?`end` (ISO dates).
pub fn document_dated_within(start: usize, end: usize) -> String {
    format!("d.date BETWEEN ?{start} AND ?{end}")
}

/// Documents whose id, title or origin is LIKE ?`param` (a [`contains_pattern`]).
pub fn document_contains(param: usize) -> String {
    format!(
        "(d.doc LIKE ?{param} ESCAPE '\\' OR d.title LIKE ?{param} ESCAPE '\\' \
         OR d.origin LIKE ?{param} ESCAPE '\\')"
    )
}

/// The documents that `conditions` select, each duplicate right after the document whose
/// text it shares: in ledger order, or newest first (undated last).
pub fn select_documents(conditions: &[String], newest_first: bool, limit: Option<usize>) -> String {
    let mut query = concat!(
        "SELECT * FROM (SELECT ",
        doc_columns!(),
        ", 0 AS seq FROM documents d UNION ALL SELECT ",
        duplicate_columns!(),
        ", x.rowid AS seq FROM duplicates x JOIN documents d ON d.id = x.of_id) d"
    )
    .to_string();
    push_where(&mut query, conditions);
    query.push_str(if newest_first {
        " ORDER BY d.date IS NULL, d.date DESC, d.id DESC, d.seq"
    } else {
        " ORDER BY d.id, d.seq"
    });
    push_limit(&mut query, limit);
    query
}

/// The facts of the document with id ?N (or of the document a duplicate id ?N shares its
/// text with), as a range of fact ids that the planner cannot mistake for a scan.
pub fn facts_of_doc(param: usize) -> String {
    let row = format!(
        "COALESCE((SELECT id FROM documents WHERE doc = ?{param}), \
         (SELECT of_id FROM duplicates WHERE doc = ?{param}))"
    );
    format!(
        "f.id >= (SELECT first_fact FROM documents WHERE id = {row}) \
         AND f.id < (SELECT first_fact + n_facts FROM documents WHERE id = {row})"
    )
}

/// Documents to read again: those of another extractor version (?1), and those whose
/// language the ledger does not know (stored before schema 5).
pub const STALE_DOCS: &str =
    "SELECT id FROM documents WHERE extractor_version <> ?1 OR lang IS NULL ORDER BY id";

// Facts.

pub const INSERT_FACT: &str = "
INSERT INTO facts (id, doc_id, text, value, unit, qualifier, metric, measure, subject, period,
                   period_start, period_end, status, equivalents, per, grp, object, span_start,
                   span_end, sentence_start, sentence_end, sentence_text, sentence_facts,
                   value_kzt, value_usd, kzt_rate, kzt_rate_source, kzt_rate_period, usd_rate,
                   usd_rate_source, usd_rate_period, implied_rate, implied_rate_unit, value_high)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34)";

/// The columns `row_to_fact` reads, in order.
pub fn fact_columns() -> String {
    format!(
        "f.id, d.doc, d.date, f.text, f.value, f.unit, f.qualifier, f.metric, \
         f.measure, f.subject, f.period, f.status, f.equivalents, f.per, f.grp, f.object, \
         f.span_start, f.span_end, {SENTENCE}, f.value_kzt, f.value_usd, f.kzt_rate, \
         f.kzt_rate_source, f.kzt_rate_period, f.usd_rate, f.usd_rate_source, \
         f.usd_rate_period, f.implied_rate, f.implied_rate_unit, f.unit, f.value_high"
    )
}

/// The ids of the facts a correction is keyed to: the figure at its span in the document
/// with its content hash (a handful of rows, read once per statement).
const CORRECTED_IDS: &str = "SELECT x.id FROM corrections c \
     JOIN documents cd ON cd.hash = c.doc_hash \
     JOIN facts x ON x.id >= cd.first_fact AND x.id < cd.first_fact + cd.n_facts \
     AND x.span_start = c.span_start AND x.span_end = c.span_end";

/// Where facts are read from, each source with the conditions it adds: the table itself,
/// or, when the ledger holds corrections, the facts no correction touches (from the
/// table, through its indexes) and the few corrected ones (from `corrected_facts`, see
/// [`MIGRATION_4`], which no index serves but which only reads those). Filtering the view
/// alone would read every fact of the ledger for any filter.
fn fact_sources(corrected: bool) -> Vec<(&'static str, Option<String>)> {
    if corrected {
        vec![
            ("facts", Some(format!("f.id NOT IN ({CORRECTED_IDS})"))),
            (
                "corrected_facts",
                Some(format!("f.id IN ({CORRECTED_IDS})")),
            ),
        ]
    } else {
        vec![("facts", None)]
    }
}

/// `conditions` and the one a fact source adds.
fn with_source_condition(conditions: &[String], source: &Option<String>) -> Vec<String> {
    conditions.iter().cloned().chain(source.clone()).collect()
}

/// The facts of the sentences in `sentences_fts` as `t`, as `f` (`s` is the first).
const FACTS_OF_SENTENCE: &str = "facts s ON s.id = t.rowid \
     JOIN facts f ON f.id >= s.id AND f.id < s.id + s.sentence_facts";

/// Facts whose sentence matches an FTS5 query (`?N` is the query).
pub fn text_filter(param: usize) -> String {
    format!(
        "f.id IN (SELECT f.id FROM sentences_fts t JOIN {FACTS_OF_SENTENCE} \
         WHERE t.sentences_fts MATCH ?{param})"
    )
}

/// Facts whose sentence matches an FTS5 query, driven by the full-text index: its rowids
/// come in order, and so do the facts of each sentence, so that facts come in ledger
/// order with no sort and a limit stops the search early. `source` is the table or view
/// of the facts (see [`fact_sources`]).
pub fn text_from(source: &str) -> String {
    let facts_of_sentence = FACTS_OF_SENTENCE.replace("JOIN facts f", &format!("JOIN {source} f"));
    format!("FROM sentences_fts t JOIN {facts_of_sentence} JOIN documents d ON d.id = f.doc_id")
}

/// The condition of [`text_from`] (`?N` is the query).
pub fn text_match(param: usize) -> String {
    format!("t.sentences_fts MATCH ?{param}")
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

/// Facts about the subject ?`param` (see [`subject_names`]).
pub fn fact_subject_in(param: usize, within: bool) -> String {
    format!("f.subject IN ({})", subject_names(param, within))
}

/// The fact columns that a filter matches against a list of values.
#[derive(Debug, Clone, Copy)]
pub enum FactList {
    Metric,
    Measure,
    Status,
    Unit,
}

/// Facts whose `column` is one of the parameters `params`.
pub fn fact_in(column: FactList, params: &[usize]) -> String {
    let column = match column {
        FactList::Metric => "f.metric",
        FactList::Measure => "f.measure",
        FactList::Status => "f.status",
        FactList::Unit => "f.unit",
    };
    let slots: Vec<String> = params.iter().map(|n| format!("?{n}")).collect();
    format!("{column} IN ({})", slots.join(", "))
}

/// Facts whose period overlaps the one from ?`start` to ?`end` (ISO dates).
pub fn fact_period_overlaps(start: usize, end: usize) -> String {
    // No index serves an overlap (a two-sided range): a filter walks facts in ledger
    // order up to the limit, or uses a more selective index.
    format!("f.period_start <= ?{end} AND f.period_end >= ?{start}")
}

/// What a facts statement returns.
#[derive(Debug, Clone, Copy)]
pub enum FactSelect {
    /// Their number.
    Count,
    /// The columns of [`fact_columns`], in this order, at most `limit` of them.
    Rows {
        sort: FactSort,
        limit: Option<usize>,
    },
}

/// The facts that `conditions` select. `text_driven`: one of the conditions is a
/// [`text_match`], and the full-text index drives the query ([`text_from`]). `corrected`:
/// read the facts with the ledger's corrections applied, from two sources (see
/// [`fact_sources`]) merged in the sort's order: each keeps its index order, so a page
/// still stops after its rows.
pub fn select_facts(
    select: FactSelect,
    text_driven: bool,
    corrected: bool,
    conditions: &[String],
) -> String {
    let from = |source: &str| {
        if text_driven {
            text_from(source)
        } else {
            format!("FROM {source} f JOIN documents d ON d.id = f.doc_id")
        }
    };
    let sources = fact_sources(corrected);
    match select {
        FactSelect::Count => {
            let counts: Vec<String> = sources
                .iter()
                .map(|(source, condition)| {
                    let mut query = format!("(SELECT COUNT(*) {}", from(source));
                    push_where(&mut query, &with_source_condition(conditions, condition));
                    query.push(')');
                    query
                })
                .collect();
            format!("SELECT {}", counts.join(" + "))
        }
        FactSelect::Rows { sort, limit } => {
            let order = fact_order(sort, text_driven, sources.len() > 1);
            let mut query = if let [(source, condition)] = sources.as_slice() {
                let mut query = format!("SELECT {} {}", fact_columns(), from(source));
                push_where(&mut query, &with_source_condition(conditions, condition));
                query.push_str(" ORDER BY ");
                let terms: Vec<String> =
                    order.iter().map(|(e, dir)| format!("{e} {dir}")).collect();
                query.push_str(&terms.join(", "));
                query
            } else {
                merged_rows(&sources, &order, &from, conditions, false)
            };
            push_limit(&mut query, limit);
            query
        }
    }
}

/// The rows of several fact sources merged in `order`. A compound statement orders by its
/// result columns only: the sort's terms are added as columns `sort_N` (after those
/// `row_to_fact` reads), and with `marked`, last, `from_view`: 1 for a row of
/// `corrected_facts`.
fn merged_rows(
    sources: &[(&str, Option<String>)],
    order: &[(&str, &str)],
    from: &dyn Fn(&str) -> String,
    conditions: &[String],
    marked: bool,
) -> String {
    let keys: Vec<String> = order
        .iter()
        .enumerate()
        .map(|(n, (e, _))| format!(", {e} AS sort_{n}"))
        .collect();
    let arms: Vec<String> = sources
        .iter()
        .map(|(source, condition)| {
            let mark = if !marked {
                ""
            } else if *source == "corrected_facts" {
                ", 1 AS from_view"
            } else {
                ", 0 AS from_view"
            };
            let mut arm = format!(
                "SELECT {}{}{mark} {}",
                fact_columns(),
                keys.concat(),
                from(source)
            );
            push_where(&mut arm, &with_source_condition(conditions, condition));
            arm
        })
        .collect();
    let terms: Vec<String> = order
        .iter()
        .enumerate()
        .map(|(n, (_, dir))| format!("sort_{n} {dir}"))
        .collect();
    format!("{} ORDER BY {}", arms.join(" UNION ALL "), terms.join(", "))
}

/// A page of facts of a ledger with corrections, in `sort`, at most `limit` rows: those of
/// the table, the corrected ones as extracted among them, merged with the corrected ones
/// as corrected, each marked by its last column (`from_view`, see [`merged_rows`]). The
/// reader drops the table's rows of corrected facts ([`CORRECTED_IDS`], read once), so
/// `limit` must count them too. Unlike [`select_facts`], the table's rows are not tested
/// against the corrected ids: SQLite tests a rowid condition on every index entry it
/// walks, before the row's own conditions (a period) leave the few that pass, which made
/// a page of a metric and a year half as costly again (0.50 ms against 0.34 ms at a
/// million facts).
pub fn select_fact_page(sort: FactSort, limit: usize, conditions: &[String]) -> String {
    let from = |source: &str| format!("FROM {source} f JOIN documents d ON d.id = f.doc_id");
    let sources = [
        ("facts", None),
        (
            "corrected_facts",
            Some(format!("f.id IN ({CORRECTED_IDS})")),
        ),
    ];
    let order = fact_order(sort, false, true);
    let mut query = merged_rows(&sources, &order, &from, conditions, true);
    push_limit(&mut query, Some(limit));
    query
}

/// The ids of the facts a correction applies to.
pub fn corrected_ids() -> &'static str {
    CORRECTED_IDS
}

/// The ORDER BY terms of a sort and their directions; ties fall back to ledger order.
/// `merged`: the facts come from several sources, whose facts of one sentence are
/// ordered by id (the full-text index alone gives them in order).
fn fact_order(
    sort: FactSort,
    text_driven: bool,
    merged: bool,
) -> Vec<(&'static str, &'static str)> {
    let dir = if sort.descending { "DESC" } else { "ASC" };
    let nulls_last = |column: &'static str, null: &'static str| {
        vec![(null, "ASC"), (column, dir), ("f.id", "ASC")]
    };
    match sort.key {
        SortKey::Document if text_driven && merged => vec![("t.rowid", "ASC"), ("f.id", "ASC")],
        SortKey::Document if text_driven => vec![("t.rowid", "ASC")],
        SortKey::Document => vec![("f.id", dir)],
        SortKey::Date => nulls_last("d.date", "d.date IS NULL"),
        SortKey::Period => vec![
            ("f.period_start IS NULL", "ASC"),
            ("f.period_start", dir),
            ("f.period_end", dir),
            ("f.id", "ASC"),
        ],
        SortKey::Value => vec![("f.value", dir), ("f.id", "ASC")],
        SortKey::ValueKzt => nulls_last("f.value_kzt", "f.value_kzt IS NULL"),
        SortKey::ValueUsd => nulls_last("f.value_usd", "f.value_usd IS NULL"),
        SortKey::Subject => nulls_last("f.subject", "f.subject IS NULL"),
        SortKey::Metric => nulls_last("f.metric", "f.metric IS NULL"),
    }
}

/// The FTS5 query for a `--text` search. Plain words become an all-words search with
/// each word quoted (so `year-on-year` or `15%` cannot be FTS5 syntax errors); anything
/// with FTS5 operators passes through.
pub fn fts_query(text: &str) -> String {
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

// Browsing: pages of facts by keyset, facet counts, the overview (`browse.rs`).

/// A number that changes whenever another connection commits to the database.
pub const DATA_VERSION: &str = "PRAGMA data_version";

/// The columns a sort orders facts by ahead of `f.id`, and whether the first may be NULL
/// (NULLs sort last either way: see `fact_order`). A period's start and end are NULL
/// together.
fn sort_columns(key: SortKey) -> (&'static [&'static str], bool) {
    match key {
        SortKey::Document => (&[], false),
        SortKey::Date => (&["d.date"], true),
        SortKey::Period => (&["f.period_start", "f.period_end"], true),
        SortKey::Value => (&["f.value"], false),
        SortKey::ValueKzt => (&["f.value_kzt"], true),
        SortKey::ValueUsd => (&["f.value_usd"], true),
        SortKey::Subject => (&["f.subject"], true),
        SortKey::Metric => (&["f.metric"], true),
    }
}

/// How many values a keyset cursor of `key` holds before the fact id.
pub fn sort_key_width(key: SortKey) -> usize {
    sort_columns(key).0.len()
}

/// Facts after a given one in the order of `sort` (the keyset, or "seek", condition):
/// `keys` are the parameters holding that fact's sort values (none for ledger order;
/// `None` when they are NULL), `id` the one holding its id. The order is
/// [`fact_order`]'s, so that pages follow each other without a gap or a repeat.
pub fn fact_after(sort: FactSort, keys: Option<&[usize]>, id: usize) -> String {
    let (columns, _) = sort_columns(sort.key);
    if columns.is_empty() {
        let cmp = if sort.descending { "<" } else { ">" };
        return format!("f.id {cmp} ?{id}");
    }
    let Some(keys) = keys else {
        // The fact was among those without a value, which come last: only those after it.
        return format!("({} IS NULL AND f.id > ?{id})", columns[0]);
    };
    let cmp = if sort.descending { "<" } else { ">" };
    // Built from the last column outwards: (k1 > v1 OR (k1 = v1 AND (k2 > v2 OR ...))).
    let mut condition = format!("f.id > ?{id}");
    for (column, key) in columns.iter().zip(keys).rev() {
        condition = format!("({column} {cmp} ?{key} OR ({column} = ?{key} AND {condition}))");
    }
    if sort_columns(sort.key).1 {
        condition = format!("({} IS NULL OR {condition})", columns[0]);
    }
    condition
}

/// What a facet counts facts by.
#[derive(Debug, Clone, Copy)]
pub enum FacetColumn {
    Subject,
    Metric,
    Measure,
    Status,
    /// The first and last year of the period, counted as pairs.
    PeriodYears,
}

/// The facts that `conditions` select, counted by `facet` (value, count; the period's
/// years as two columns), the most frequent first, at most `limit` groups. No join: no
/// fact condition reads the document row.
pub fn facet_counts(
    facet: FacetColumn,
    conditions: &[String],
    limit: usize,
    corrected: bool,
) -> String {
    let groups: &[&str] = match facet {
        FacetColumn::Subject => &["f.subject"],
        FacetColumn::Metric => &["f.metric"],
        FacetColumn::Measure => &["f.measure"],
        FacetColumn::Status => &["f.status"],
        FacetColumn::PeriodYears => &[
            "CAST(substr(f.period_start, 1, 4) AS INTEGER)",
            "CAST(substr(f.period_end, 1, 4) AS INTEGER)",
        ],
    };
    let columns: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(n, g)| format!("{g} AS g{n}"))
        .collect();
    let names: Vec<String> = (0..groups.len()).map(|n| format!("g{n}")).collect();
    let (columns, names) = (columns.join(", "), names.join(", "));
    // Each source counted apart (through its indexes), the counts added up.
    let arms: Vec<String> = fact_sources(corrected)
        .iter()
        .map(|(source, condition)| {
            let mut arm = format!("SELECT {columns}, COUNT(*) AS n FROM {source} f");
            push_where(&mut arm, &with_source_condition(conditions, condition));
            arm.push_str(&format!(" GROUP BY {names}"));
            arm
        })
        .collect();
    let mut query = format!(
        "SELECT {names}, SUM(n) FROM ({}) GROUP BY {names} ORDER BY SUM(n) DESC, {names}",
        arms.join(" UNION ALL ")
    );
    push_limit(&mut query, Some(limit));
    query
}

/// [`facet_counts`] read from `fact_counts` (whose conditions are
/// [`counted_years_overlap`] and those of subject, metric, measure and status, which read
/// the same there as on facts): the same rows, none for a field without a value.
pub fn facet_counts_stored(facet: FacetColumn, conditions: &[String], limit: usize) -> String {
    let (groups, values) = match facet {
        FacetColumn::Subject => ("f.subject", "NULLIF(f.subject, '')"),
        FacetColumn::Metric => ("f.metric", "NULLIF(f.metric, '')"),
        FacetColumn::Measure => ("f.measure", "NULLIF(f.measure, '')"),
        FacetColumn::Status => ("f.status", "NULLIF(f.status, '')"),
        FacetColumn::PeriodYears => (
            "f.year_first, f.year_last",
            "NULLIF(f.year_first, 0), NULLIF(f.year_last, 0)",
        ),
    };
    let mut query = format!("SELECT {values}, SUM(f.n) FROM fact_counts f");
    push_where(&mut query, conditions);
    query.push_str(&format!(
        " GROUP BY {groups} HAVING SUM(f.n) > 0 ORDER BY SUM(f.n) DESC, {groups}"
    ));
    push_limit(&mut query, Some(limit));
    query
}

/// [`count_facts`] read from `fact_counts`.
pub fn count_facts_stored(conditions: &[String]) -> String {
    let mut query = "SELECT COALESCE(SUM(f.n), 0) FROM fact_counts f".to_string();
    push_where(&mut query, conditions);
    query
}

/// Counted facts whose period overlaps the years ?`first` to ?`last` (integers).
pub fn counted_years_overlap(first: usize, last: usize) -> String {
    format!("f.year_first <= ?{last} AND f.year_last >= ?{first}")
}

/// The number of facts that `conditions` select, without the join to documents that
/// `select_facts` makes for its rows.
pub fn count_facts(conditions: &[String], corrected: bool) -> String {
    let counts: Vec<String> = fact_sources(corrected)
        .iter()
        .map(|(source, condition)| {
            let mut query = format!("(SELECT COUNT(*) FROM {source} f");
            push_where(&mut query, &with_source_condition(conditions, condition));
            query.push(')');
            query
        })
        .collect();
    format!("SELECT {}", counts.join(" + "))
}

/// Facts that a correction applies to (see [`CORRECTED_IDS`]).
pub fn fact_corrected() -> String {
    format!("f.id IN ({CORRECTED_IDS})")
}

/// An entity by its name or an alias (?1), any case.
pub fn entity_named(param: usize) -> String {
    format!(
        "(e.name = ?{param} OR e.id IN (SELECT a.entity_id FROM aliases a WHERE a.alias = ?{param}))"
    )
}

// Fact counts (`fact_counts`, see [`MIGRATION_6`]).

/// Adds `?SIGN` times the facts (as corrected) that `condition` selects to
/// `fact_counts`: +1 after they are written or a correction changed them, -1 before they
/// are deleted or corrected. Keys that fall to 0 stay until [`PURGE_FACT_COUNTS`].
fn count_facts_delta(condition: &str, sign: usize) -> String {
    format!(
        "INSERT INTO fact_counts (metric, status, year_first, year_last, measure, subject, n) \
         SELECT {}, ?{sign} * COUNT(*) FROM corrected_facts f WHERE {condition} \
         GROUP BY 1, 2, 3, 4, 5, 6 \
         ON CONFLICT (metric, status, year_first, year_last, measure, subject) \
         DO UPDATE SET n = fact_counts.n + excluded.n",
        count_key!()
    )
}

/// [`count_facts_delta`] for the facts with ids from ?1 up to ?2 (excluded), ?3 the sign.
pub fn count_fact_range() -> String {
    count_facts_delta("f.id >= ?1 AND f.id < ?2", 3)
}

/// [`count_facts_delta`] for the facts a correction is keyed to: the figure at span
/// ?2..?3 of the document with content hash ?1; ?4 the sign.
pub fn count_corrected_facts() -> String {
    count_facts_delta(
        "f.id IN (SELECT x.id FROM documents d JOIN facts x \
         ON x.id >= d.first_fact AND x.id < d.first_fact + d.n_facts \
         WHERE d.hash = ?1 AND x.span_start = ?2 AND x.span_end = ?3)",
        4,
    )
}

/// Forgets the keys no fact has any more.
pub const PURGE_FACT_COUNTS: &str = "DELETE FROM fact_counts WHERE n = 0";

/// Keys of `fact_counts` whose count differs from the facts', either way: 0 when sound.
pub const FACT_COUNTS_CHECK: &str = concat!(
    "WITH stored AS (SELECT metric, status, year_first, year_last, measure, lower(subject), n \
     FROM fact_counts WHERE n <> 0), \
     counted AS (SELECT metric, status, year_first, year_last, measure, lower(subject), COUNT(*) \
     FROM (SELECT ",
    count_key!(),
    " FROM corrected_facts f) GROUP BY 1, 2, 3, 4, 5, 6) \
     SELECT (SELECT COUNT(*) FROM (SELECT * FROM stored EXCEPT SELECT * FROM counted)) \
          + (SELECT COUNT(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM stored))"
);

// Period values (`period_values`, see [`MIGRATION_8`]).

/// Adds the facts with ids from ?1 up to ?2 (excluded) to `period_values`. SQLite's
/// two-argument `max` is NULL when either is, hence the COALESCEs.
pub const ADD_PERIOD_VALUES: &str = concat!(
    "INSERT INTO period_values (subject, metric, measure, status, period, unit, value, \
     period_start, period_end, value_kzt, value_usd, n, last) SELECT ",
    period_value_key!(),
    ", MIN(f.period_start), MIN(f.period_end), MAX(f.value_kzt), MAX(f.value_usd), COUNT(*), \
     MAX(f.id) FROM facts f WHERE f.id >= ?1 AND f.id < ?2 AND ",
    period_valued!(),
    " GROUP BY 1, 2, 3, 4, 5, 6, 7 \
     ON CONFLICT (subject, metric, measure, status, period, unit, value) DO UPDATE SET \
     n = period_values.n + excluded.n, \
     last = max(period_values.last, excluded.last), \
     value_kzt = COALESCE(max(period_values.value_kzt, excluded.value_kzt), \
                          period_values.value_kzt, excluded.value_kzt), \
     value_usd = COALESCE(max(period_values.value_usd, excluded.value_usd), \
                          period_values.value_usd, excluded.value_usd)"
);

/// Takes the facts with ids from ?1 up to ?2 (excluded) out of `period_values`, before
/// they are deleted: their rows lose them and are marked stale, as their latest id or
/// money may have been one of them.
pub const REMOVE_PERIOD_VALUES: &str = concat!(
    "UPDATE period_values SET n = period_values.n - r.n, stale = 1 FROM (SELECT ",
    period_value_key!(),
    ", COUNT(*) AS n FROM facts f WHERE f.id >= ?1 AND f.id < ?2 AND ",
    period_valued!(),
    " GROUP BY 1, 2, 3, 4, 5, 6, 7) AS r \
     WHERE period_values.subject = r.subject AND period_values.metric = r.metric \
     AND period_values.measure = r.measure AND period_values.status = r.status \
     AND period_values.period = r.period AND period_values.unit = r.unit \
     AND period_values.value = r.value"
);

/// Forgets the rows no fact gives any more.
pub const PURGE_PERIOD_VALUES: &str = "DELETE FROM period_values WHERE stale = 1 AND n <= 0";

/// The facts `x` of the `period_values` row `v` (as extracted), through
/// `facts_metric_value` (metric, value, period bounds), then the rest of the key.
macro_rules! of_period_value {
    () => {
        "x.metric = v.metric AND x.value = v.value \
         AND x.period_start = v.period_start AND x.period_end = v.period_end \
         AND x.subject = v.subject AND x.period = v.period \
         AND COALESCE(x.measure, 'level') = v.measure \
         AND COALESCE(x.status, 'actual') = v.status AND COALESCE(x.unit, '') = v.unit"
    };
}

/// The latest id and the money of the stale rows, read again from their facts.
pub const REPAIR_PERIOD_VALUES: &str = concat!(
    "UPDATE period_values AS v SET (value_kzt, value_usd, last) = \
     (SELECT MAX(x.value_kzt), MAX(x.value_usd), COALESCE(MAX(x.id), v.last) FROM facts x WHERE ",
    of_period_value!(),
    "), stale = 0 WHERE v.stale = 1"
);

/// The rows of the subject ?1 (any of its names, see [`subject_names`]).
pub fn period_values_of(param: usize) -> String {
    format!(
        "SELECT v.subject, v.metric, v.measure, v.status, v.period, v.unit, v.value, \
         v.value_kzt, v.value_usd, v.n, v.last FROM period_values v \
         WHERE v.subject IN ({})",
        subject_names(param, false)
    )
}

/// The facts of the subject ?1 that a correction applies to, as extracted, in the columns
/// of [`period_values_of`] (each one fact).
pub fn corrected_period_values_of(param: usize) -> String {
    format!(
        concat!(
            "SELECT ",
            period_value_key!(),
            ", f.value_kzt, f.value_usd, 1, f.id FROM facts f WHERE ",
            period_valued!(),
            " AND f.subject IN ({}) AND f.id IN ({})"
        ),
        subject_names(param, false),
        CORRECTED_IDS
    )
}

/// The money and latest id of a `period_values` row (?1 to ?7 its key, ?8 and ?9 its
/// period bounds) without the facts a correction applies to.
pub fn uncorrected_period_value() -> String {
    format!(
        concat!(
            "WITH v (subject, metric, measure, status, period, unit, value, period_start, \
             period_end) AS (VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)) \
             SELECT MAX(x.value_kzt), MAX(x.value_usd), MAX(x.id) FROM v, facts x WHERE ",
            of_period_value!(),
            " AND x.id NOT IN ({})"
        ),
        CORRECTED_IDS
    )
}

/// Rows of `period_values` that differ from the facts, either way, or are stale: 0 when
/// sound.
pub const PERIOD_VALUES_CHECK: &str = concat!(
    "WITH stored AS (SELECT lower(subject), metric, measure, status, period, unit, value, \
     period_start, period_end, value_kzt, value_usd, n, last FROM period_values), \
     counted AS (SELECT lower(subject), metric, measure, status, period, unit, value, \
     MIN(period_start), MIN(period_end), MAX(value_kzt), MAX(value_usd), COUNT(*), MAX(id) \
     FROM (SELECT ",
    period_value_key!(),
    ", f.period_start, f.period_end, f.value_kzt, f.value_usd, f.id FROM facts f WHERE ",
    period_valued!(),
    ") GROUP BY lower(subject), metric, measure, status, period, unit, value) \
     SELECT (SELECT COUNT(*) FROM (SELECT * FROM stored EXCEPT SELECT * FROM counted)) \
          + (SELECT COUNT(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM stored)) \
          + (SELECT COUNT(*) FROM period_values WHERE stale <> 0)"
);

/// The first and last document dates.
pub const DOCUMENT_DATES: &str = "SELECT MIN(date), MAX(date) FROM documents";

/// How many places (entities of a place kind) the ledger knows.
pub const COUNT_PLACES: &str = "SELECT COUNT(*) FROM entities \
     WHERE kind IN ('country', 'region', 'city', 'district', 'town', 'zone')";

/// Whether ?1 (an FTS5 query) parses: runs it for one match.
pub const CHECK_TEXT_QUERY: &str =
    "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1 LIMIT 1";

/// Whether ?1 names a subject the ledger knows: an entity's name or alias, or a fact's
/// subject (any case).
pub const KNOWS_SUBJECT: &str = "SELECT EXISTS (SELECT 1 FROM aliases WHERE alias = ?1) \
     OR EXISTS (SELECT 1 FROM entities WHERE name = ?1) \
     OR EXISTS (SELECT 1 FROM facts WHERE subject = ?1)";

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

pub const INSERT_MENTIONS: &str =
    "INSERT INTO mentions (doc_id, entity_id, n, spans) VALUES (?1, ?2, ?3, ?4)";

pub const ENTITY_LIST: &str = "
SELECT e.id, e.name, e.kind, e.part_of, e.role, e.role_of,
       (SELECT COALESCE(SUM(m.n), 0) FROM mentions m WHERE m.entity_id = e.id),
       (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id),
       (SELECT COUNT(*) FROM facts f WHERE f.subject = e.name)
FROM entities e";

/// Entities of the kind ?`param`.
pub fn entity_of_kind(param: usize) -> String {
    format!("e.kind = ?{param}")
}

/// Entities whose name or an alias is LIKE ?`param` (a [`contains_pattern`]).
pub fn entity_contains(param: usize) -> String {
    format!(
        "(e.name LIKE ?{param} ESCAPE '\\' OR EXISTS (SELECT 1 FROM aliases a \
         WHERE a.entity_id = e.id AND a.alias LIKE ?{param} ESCAPE '\\'))"
    )
}

/// The place ?`param` and the places within it.
pub fn entity_within(param: usize) -> String {
    format!("e.name IN ({})", subject_names(param, true))
}

/// The entities `conditions` select, with their counts ([`ENTITY_LIST`]'s columns).
pub fn select_entities(conditions: &[String]) -> String {
    let mut query = ENTITY_LIST.to_string();
    push_where(&mut query, conditions);
    query
}

pub const ENTITY_ALIASES: &str = "SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY alias";

/// Subjects that facts name but no entity row holds (the extractor named a subject
/// without a mention the entity layer kept), with their fact counts.
pub const ORPHAN_SUBJECTS: &str = "
SELECT f.subject, COUNT(*) FROM facts f
WHERE f.subject IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.name = f.subject)
GROUP BY f.subject";

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

// Corrections.

pub const ANY_CORRECTION: &str = "SELECT EXISTS (SELECT 1 FROM corrections)";

/// What a correction of fact ?1 is keyed by: its document's content hash and id, and the
/// figure's span and text.
pub const CORRECTION_TARGET: &str = "
SELECT d.hash, d.doc, f.span_start, f.span_end, f.text
FROM facts f JOIN documents d ON d.id = f.doc_id WHERE f.id = ?1";

/// Records a correction, or merges it into the one the figure has: a field given (not
/// NULL) replaces the earlier correction of it, one left NULL keeps it; `reject` is kept
/// once set.
pub const UPSERT_CORRECTION: &str = "
INSERT INTO corrections (doc_hash, span_start, span_end, doc, figure, reject, value, unit,
                         metric, measure, subject, period, period_start, period_end, status,
                         note, corrected_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
ON CONFLICT (doc_hash, span_start, span_end) DO UPDATE SET
    doc = excluded.doc,
    figure = excluded.figure,
    reject = MAX(corrections.reject, excluded.reject),
    value = COALESCE(excluded.value, corrections.value),
    unit = COALESCE(excluded.unit, corrections.unit),
    metric = COALESCE(excluded.metric, corrections.metric),
    measure = COALESCE(excluded.measure, corrections.measure),
    subject = COALESCE(excluded.subject, corrections.subject),
    period = COALESCE(excluded.period, corrections.period),
    period_start = COALESCE(excluded.period_start, corrections.period_start),
    period_end = COALESCE(excluded.period_end, corrections.period_end),
    status = COALESCE(excluded.status, corrections.status),
    note = COALESCE(excluded.note, corrections.note),
    corrected_at = excluded.corrected_at";

pub const DELETE_CORRECTION: &str =
    "DELETE FROM corrections WHERE doc_hash = ?1 AND span_start = ?2 AND span_end = ?3";

/// Every correction, in the order they were last made, with the id of the fact it applies
/// to in this ledger now (NULL when no stored document holds that figure).
pub const LIST_CORRECTIONS: &str = "
SELECT c.doc_hash, c.span_start, c.span_end, c.doc, c.figure, c.reject, c.value, c.unit,
       c.metric, c.measure, c.subject, c.period, c.status, c.note, c.corrected_at,
       (SELECT f.id FROM documents d JOIN facts f
               ON f.id >= d.first_fact AND f.id < d.first_fact + d.n_facts
        WHERE d.hash = c.doc_hash AND f.span_start = c.span_start AND f.span_end = c.span_end)
FROM corrections c
ORDER BY c.corrected_at, c.doc, c.span_start";

/// The facts whose value, unit or period a correction changes: their money is computed
/// again as they are read.
pub const MONEY_CORRECTED: &str = "
SELECT f.id FROM corrections c
JOIN documents d ON d.hash = c.doc_hash
JOIN facts f ON f.id >= d.first_fact AND f.id < d.first_fact + d.n_facts
            AND f.span_start = c.span_start AND f.span_end = c.span_end
WHERE c.reject = 0 AND (c.value IS NOT NULL OR c.unit IS NOT NULL OR c.period IS NOT NULL)";

/// The fact with id ?`param`.
pub fn fact_by_id(param: usize) -> String {
    format!("f.id = ?{param}")
}

// Building statements.

/// Adds ` WHERE` and `conditions` joined by `AND`; nothing without conditions.
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

/// A LIKE pattern (escaped with `\`) for text that contains `s`.
pub fn contains_pattern(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
