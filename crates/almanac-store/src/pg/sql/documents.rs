//! Documents and the ids that share a document's text (`duplicates`).

use super::{push_limit, push_where};

/// Whether a document is stored, in one round trip: the row and id holding the text of
/// hash ?1, the row of id ?2, and the row id ?2 is a duplicate of.
pub const DOC_STATUS: &str = "SELECT h.id, h.doc, \
     (SELECT id FROM documents WHERE doc = $2), \
     (SELECT of_id FROM duplicates WHERE doc = $2) \
     FROM (SELECT 1) one LEFT JOIN documents h ON h.hash = $1";

/// How many of the texts (hashes ?1) and ids (?2) of a batch the ledger holds already:
/// none, and the whole batch is new (`INSERT_DOCS`).
pub const COUNT_STORED: &str = "SELECT \
     (SELECT COUNT(*) FROM documents WHERE hash = ANY($1) OR doc = ANY($2)) + \
     (SELECT COUNT(*) FROM duplicates WHERE doc = ANY($2))";

/// A batch of new documents in one statement, a column an array (the extractor version
/// ?11 and the time ?12 shared); their row ids come back with their ids.
pub const INSERT_DOCS: &str = "
INSERT INTO documents (doc, hash, origin, title, url, meta_date, date, date_source, text, bytes,
                       extractor_version, ingested_at, first_fact, n_facts, lang)
SELECT doc, hash, origin, title, url, meta_date, date, date_source, text, bytes, $11, $12,
       first_fact, n_facts, lang
FROM unnest($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::TEXT[], $5::TEXT[], $6::TEXT[], $7::TEXT[],
            $8::TEXT[], $9::TEXT[], $10::BIGINT[], $13::BIGINT[], $14::BIGINT[], $15::TEXT[])
     AS t(doc, hash, origin, title, url, meta_date, date, date_source, text, bytes, first_fact,
          n_facts, lang)
ON CONFLICT DO NOTHING
RETURNING id, doc";

pub const DOC_BY_HASH: &str = "SELECT id, doc FROM documents WHERE hash = $1";
pub const DOC_BY_ID: &str = "SELECT id, origin, first_fact, n_facts FROM documents WHERE doc = $1";

/// A text is inserted once: a writer that finds the hash taken (which the writer lock
/// makes impossible, and the constraint makes harmless) gets no row back.
pub const INSERT_DOC: &str = "
INSERT INTO documents (doc, hash, origin, title, url, meta_date, date, date_source, text, bytes,
                       extractor_version, ingested_at, first_fact, n_facts, lang)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
ON CONFLICT DO NOTHING
RETURNING id";

pub const UPDATE_DOC: &str = "
UPDATE documents SET doc = $1, hash = $2, origin = $3, title = $4, url = $5, meta_date = $6,
       date = $7, date_source = $8, text = $9, bytes = $10, extractor_version = $11,
       ingested_at = $12, first_fact = $13, n_facts = $14, lang = $15
WHERE id = $16";

pub const DELETE_DOC_FACTS: &str = "DELETE FROM facts WHERE id >= $1 AND id < $1 + $2";
pub const DELETE_DOC_MENTIONS: &str = "DELETE FROM mentions WHERE doc_id = $1";
pub const DELETE_DOC: &str = "DELETE FROM documents WHERE id = $1";

pub const DUPLICATE_BY_ID: &str = "SELECT of_id, origin FROM duplicates WHERE doc = $1";
pub const INSERT_DUPLICATE: &str = "
INSERT INTO duplicates (doc, of_id, origin, title, url, ingested_at)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (doc) DO UPDATE SET of_id = EXCLUDED.of_id, origin = EXCLUDED.origin,
    title = EXCLUDED.title, url = EXCLUDED.url, ingested_at = EXCLUDED.ingested_at";
pub const DELETE_DUPLICATE: &str = "DELETE FROM duplicates WHERE doc = $1";
pub const FIRST_DUPLICATE: &str = "
SELECT doc, origin, title, url FROM duplicates WHERE of_id = $1 ORDER BY seq LIMIT 1";
pub const PROMOTE_DUPLICATE: &str =
    "UPDATE documents SET doc = $2, origin = $3, title = $4, url = $5 WHERE id = $1";
pub const DUPLICATES_OF: &str = "SELECT doc FROM duplicates WHERE of_id = $1 ORDER BY seq";

macro_rules! doc_columns {
    () => {
        "d.id, d.doc, d.hash, d.origin, d.title, d.url, d.meta_date, d.date, \
         d.date_source, d.bytes, d.extractor_version, d.ingested_at, d.n_facts, \
         NULL::TEXT AS duplicate_of, d.lang"
    };
}

macro_rules! duplicate_columns {
    () => {
        "d.id, x.doc, d.hash, x.origin, x.title, x.url, d.meta_date, d.date, \
         d.date_source, d.bytes, d.extractor_version, x.ingested_at, d.n_facts, \
         d.doc AS duplicate_of, d.lang"
    };
}

pub const DOCUMENT_BY_DOC: &str = concat!(
    "SELECT ",
    doc_columns!(),
    ", d.text FROM documents d WHERE d.doc = $1"
);

pub const DUPLICATE_BY_DOC: &str = concat!(
    "SELECT ",
    duplicate_columns!(),
    ", d.text FROM duplicates x JOIN documents d ON d.id = x.of_id WHERE x.doc = $1"
);

pub const DOCUMENT_BY_ROW: &str = concat!(
    "SELECT ",
    doc_columns!(),
    ", d.text FROM documents d WHERE d.id = $1"
);

pub fn document_dated_within(start: usize, end: usize) -> String {
    format!("d.date BETWEEN ${start} AND ${end}")
}

/// Documents whose id, title or origin contains ?`param` (a [`crate::sql::contains_pattern`]),
/// in any case.
pub fn document_contains(param: usize) -> String {
    format!(
        "(d.doc ILIKE ${param} ESCAPE '\\' OR d.title ILIKE ${param} ESCAPE '\\' \
         OR d.origin ILIKE ${param} ESCAPE '\\')"
    )
}

pub fn select_documents(conditions: &[String], newest_first: bool, limit: Option<usize>) -> String {
    let mut query = concat!(
        "SELECT * FROM (SELECT ",
        doc_columns!(),
        ", 0::BIGINT AS seq FROM documents d UNION ALL SELECT ",
        duplicate_columns!(),
        ", x.seq FROM duplicates x JOIN documents d ON d.id = x.of_id) d"
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

pub fn facts_of_doc(param: usize) -> String {
    let row = format!(
        "COALESCE((SELECT id FROM documents WHERE doc = ${param}), \
         (SELECT of_id FROM duplicates WHERE doc = ${param}))"
    );
    format!(
        "f.id >= (SELECT first_fact FROM documents WHERE id = {row}) \
         AND f.id < (SELECT first_fact + n_facts FROM documents WHERE id = {row})"
    )
}

/// As SQLite's: another extractor version ($1), or no language known.
pub const STALE_DOCS: &str =
    "SELECT id FROM documents WHERE extractor_version <> $1 OR lang IS NULL ORDER BY id";
