//! The schema, as numbered migrations, and the table that records them.

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

/// How many facts (as extracted) of each subject, metric, measure, status, period, unit
/// and value there are, with the latest fact's id and the largest money among them: what
/// a place's charts read ([`crate::Store::period_figures`]) instead of the place's tens
/// of thousands of facts, scattered over the file (seconds for a place of 60,000 facts,
/// against milliseconds for its few thousand rows here). The write path keeps it exact in
/// the same transaction as the facts: new facts are added
/// ([`ADD_PERIOD_VALUES`](super::ADD_PERIOD_VALUES)); replaced ones are taken away
/// ([`REMOVE_PERIOD_VALUES`](super::REMOVE_PERIOD_VALUES)) and leave their rows `stale`,
/// whose latest id and money are read again from the facts that remain
/// ([`REPAIR_PERIOD_VALUES`](super::REPAIR_PERIOD_VALUES), through `facts_metric_value`)
/// before the transaction commits. Corrections are not in it: a reader takes the few corrected facts out of
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
