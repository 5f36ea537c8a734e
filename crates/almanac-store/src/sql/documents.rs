//! Documents and the ids that share a document's text (`duplicates`).

use super::{push_limit, push_where};

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

/// Documents whose id, title or origin is LIKE ?`param` (a
/// [`contains_pattern`](super::contains_pattern)).
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
