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
//!
//! One module a resource, each re-exported whole, so that a caller names a statement
//! `sql::NAME` wherever it lives: `schema` (the migrations), `database` (PRAGMAs, the
//! ledger's sizes, the write-ahead log's upkeep and checks), `documents` (and their
//! duplicates), `facts` (writes, the full-text index, filters, the assembled reads),
//! `browse` (keyset pages, facets, the overview), `counts` (`fact_counts` and
//! `period_values`, which the writers keep), `entities` and `corrections`. Nothing but SQL
//! and the code that assembles it lives here.

// The keys of the tables that sum facts up, shared by the migrations that make them and
// the statements that keep them: defined before the modules, which see them by textual
// order.

/// The key a fact (`f`, as corrected) is counted under in `fact_counts`, in the order of
/// its columns (see `schema::MIGRATION_6`).
macro_rules! count_key {
    () => {
        "COALESCE(f.metric, '') AS metric, COALESCE(f.status, '') AS status, \
         COALESCE(CAST(substr(f.period_start, 1, 4) AS INTEGER), 0) AS year_first, \
         COALESCE(CAST(substr(f.period_end, 1, 4) AS INTEGER), 0) AS year_last, \
         COALESCE(f.measure, '') AS measure, COALESCE(f.subject, '') COLLATE NOCASE AS subject"
    };
}

/// The key of a fact (`f`, as extracted) in `period_values`, in the order of its primary
/// key (see `schema::MIGRATION_8`): a macro, so that statements can be `concat!`ed from
/// it.
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
