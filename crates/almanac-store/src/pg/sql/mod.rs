//! Every statement the PostgreSQL ledger runs: the dialect's twin of `crate::sql`, with
//! the same statements under the same names where they differ only in spelling
//! (parameters are `$N`), and the same columns in the same order, so that the rows are
//! read by the same functions (`query::row_to_fact`, `query::row_to_summary`).
//!
//! Where the dialects part:
//! - full-text search is a `tsvector` column on the first fact of each sentence (the
//!   `simple` configuration: no stemming, as FTS5's `unicode61`) with a GIN index, and
//!   `--text` queries are translated from FTS5's syntax into a `tsquery` ([`tsquery`]);
//! - case-insensitive names (SQLite's `COLLATE NOCASE`) are `lower(..)` expressions with
//!   indexes on them, so no extension (`citext`) is needed;
//! - ids of documents, entities and duplicates come from identity columns; a duplicate's
//!   age is its `seq` (SQLite's `rowid`);
//! - writers take a transaction-scoped advisory lock ([`WRITER_LOCK`]), so that several
//!   `almanac ingest` processes decide "new, duplicate or replaced" and number facts one
//!   transaction at a time, while readers, never locked, see committed documents only.
//!
//! Its modules are `crate::sql`'s, each the twin of the one of its name and re-exported
//! whole as there: `schema`, `database` (with the writer lock), `documents`, `facts`,
//! `browse`, `counts`, `entities` and `corrections`.

// The keys of the tables that sum facts up, shared by the schema that makes them and the
// statements that keep them: defined before the modules, which see them by textual order.

/// The key a fact (`f`, as corrected) is counted under in `fact_counts`, in the order of
/// its columns (see `schema::SCHEMA_6`); the subject's key is its lower case, as subject
/// filters compare them.
macro_rules! count_key {
    () => {
        "COALESCE(f.metric, '') AS metric, COALESCE(f.status, '') AS status, \
         COALESCE(CAST(substr(f.period_start, 1, 4) AS INTEGER), 0) AS year_first, \
         COALESCE(CAST(substr(f.period_end, 1, 4) AS INTEGER), 0) AS year_last, \
         COALESCE(f.measure, '') AS measure, lower(COALESCE(f.subject, '')) AS subject_key"
    };
}

/// Adds ?`sign` times the facts (as corrected) that `condition` selects to `fact_counts`
/// (as `crate::sql::count_facts_delta`); a subject is stored as the first spelling counted.
macro_rules! count_facts_delta {
    ($condition:literal, $sign:literal) => {
        concat!(
            "INSERT INTO fact_counts (metric, status, year_first, year_last, measure, \
             subject_key, subject, n) SELECT ",
            count_key!(),
            ", COALESCE(MIN(f.subject), ''), ",
            $sign,
            "::BIGINT * COUNT(*) FROM corrected_facts f WHERE ",
            $condition,
            " GROUP BY 1, 2, 3, 4, 5, 6 \
             ON CONFLICT (metric, status, year_first, year_last, measure, subject_key) \
             DO UPDATE SET n = fact_counts.n + excluded.n"
        )
    };
}

/// The key of a fact (`f`, as extracted) in `period_values` (see `schema::SCHEMA_8`); the
/// subject's key is its lower case, as subject filters compare them.
macro_rules! period_value_key {
    () => {
        "lower(f.subject) AS subject_key, f.metric AS metric, \
         COALESCE(f.measure, 'level') AS measure, COALESCE(f.status, 'actual') AS status, \
         f.period AS period, COALESCE(f.unit, '') AS unit, f.value AS value"
    };
}

/// The facts `period_values` sums up: those a chart can place.
macro_rules! period_valued {
    () => {
        "f.subject IS NOT NULL AND f.metric IS NOT NULL AND f.period IS NOT NULL"
    };
}

mod browse;
mod corrections;
mod counts;
mod database;
mod documents;
mod entities;
mod facts;
mod schema;

pub use browse::*;
pub use corrections::*;
pub use counts::*;
pub use database::*;
pub use documents::*;
pub use entities::*;
pub use facts::*;
pub use schema::*;

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
