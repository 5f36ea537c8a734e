//! A person's corrections of facts: `crate::sql`'s statements in PostgreSQL's words.

pub const ANY_CORRECTION: &str = "SELECT EXISTS (SELECT 1 FROM corrections)";

pub const CORRECTION_TARGET: &str = "
SELECT d.hash, d.doc, f.span_start, f.span_end, f.text
FROM facts f JOIN documents d ON d.id = f.doc_id WHERE f.id = $1";

pub const UPSERT_CORRECTION: &str = "
INSERT INTO corrections (doc_hash, span_start, span_end, doc, figure, reject, value, unit,
                         metric, measure, subject, period, period_start, period_end, status,
                         note, corrected_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
ON CONFLICT (doc_hash, span_start, span_end) DO UPDATE SET
    doc = excluded.doc,
    figure = excluded.figure,
    reject = GREATEST(corrections.reject, excluded.reject),
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
    "DELETE FROM corrections WHERE doc_hash = $1 AND span_start = $2 AND span_end = $3";

pub const LIST_CORRECTIONS: &str = "
SELECT c.doc_hash, c.span_start, c.span_end, c.doc, c.figure, c.reject, c.value, c.unit,
       c.metric, c.measure, c.subject, c.period, c.status, c.note, c.corrected_at,
       (SELECT f.id FROM documents d JOIN facts f
               ON f.id >= d.first_fact AND f.id < d.first_fact + d.n_facts
        WHERE d.hash = c.doc_hash AND f.span_start = c.span_start AND f.span_end = c.span_end)
FROM corrections c
ORDER BY c.corrected_at, c.doc, c.span_start";

pub const MONEY_CORRECTED: &str = "
SELECT f.id FROM corrections c
JOIN documents d ON d.hash = c.doc_hash
JOIN facts f ON f.id >= d.first_fact AND f.id < d.first_fact + d.n_facts
            AND f.span_start = c.span_start AND f.span_end = c.span_end
WHERE c.reject = 0 AND (c.value IS NOT NULL OR c.unit IS NOT NULL OR c.period IS NOT NULL)";

/// The fact with id $`param`.
pub fn fact_by_id(param: usize) -> String {
    format!("f.id = ${param}")
}
