//! Browsing (`pg/browse.rs`): whether a transaction committed, keyset pages, facet counts,
//! one entity by any of its names, the overview.

use super::{push_limit, push_where};
use crate::model::{FactSort, SortKey};

/// A number that changes when a transaction of the server commits (or starts writing):
/// PostgreSQL has no counter of a database's commits that a reader may read cheaply, so
/// the reader hashes the current snapshot, which changes whenever a transaction that
/// wrote ends. Transactions of other databases change it too: caches are then dropped
/// for nothing, never kept for a ledger that changed.
pub const DATA_VERSION: &str = "SELECT hashtextextended(pg_current_snapshot()::TEXT, 0)";

/// The ORDER BY expressions of a sort ahead of the fact id (as `facts::fact_order`'s), and
/// whether the first may be NULL; `$N` of a cursor value is cast from text to `cast`.
fn sort_columns(key: SortKey) -> (&'static [&'static str], bool, &'static str) {
    match key {
        SortKey::Document => (&[], false, "TEXT"),
        SortKey::Date => (&["d.date"], true, "TEXT"),
        SortKey::Period => (&["f.period_start", "f.period_end"], true, "TEXT"),
        SortKey::Value => (&["f.value"], false, "FLOAT8"),
        SortKey::ValueKzt => (&["f.value_kzt"], true, "FLOAT8"),
        SortKey::ValueUsd => (&["f.value_usd"], true, "FLOAT8"),
        SortKey::Subject => (&["lower(f.subject) COLLATE \"C\""], true, "TEXT"),
        SortKey::Metric => (&["f.metric COLLATE \"C\""], true, "TEXT"),
    }
}

/// How many values a keyset cursor of `key` holds before the fact id.
pub fn sort_key_width(key: SortKey) -> usize {
    sort_columns(key).0.len()
}

/// Facts after a given one in the order of `sort`, as `crate::sql::fact_after`; every
/// value is bound as text and cast here.
pub fn fact_after(sort: FactSort, keys: Option<&[usize]>, id: usize) -> String {
    let (columns, nullable, cast) = sort_columns(sort.key);
    let id_value = format!("(${id}::TEXT)::BIGINT");
    let cmp = if sort.descending { "<" } else { ">" };
    if columns.is_empty() {
        return format!("f.id {cmp} {id_value}");
    }
    let Some(keys) = keys else {
        return format!("({} IS NULL AND f.id > {id_value})", columns[0]);
    };
    let mut condition = format!("f.id > {id_value}");
    for (column, key) in columns.iter().zip(keys).rev() {
        let value = if sort.key == SortKey::Subject {
            format!("lower(${key}::TEXT) COLLATE \"C\"")
        } else if cast == "TEXT" {
            format!("${key}::TEXT COLLATE \"C\"")
        } else {
            format!("(${key}::TEXT)::{cast}")
        };
        condition = format!("({column} {cmp} {value} OR ({column} = {value} AND {condition}))");
    }
    if nullable {
        condition = format!("({} IS NULL OR {condition})", columns[0]);
    }
    condition
}

/// The facts `conditions` select counted by `facet` (value, count; the period's years as
/// two columns), the most frequent first, at most `limit` groups, as
/// `crate::sql::facet_counts`. A subject is one whatever its case: counted by its lower
/// case, shown in one of its spellings.
pub fn facet_counts(
    facet: crate::sql::FacetColumn,
    conditions: &[String],
    limit: usize,
    corrected: bool,
) -> String {
    use crate::sql::FacetColumn;
    let (columns, group, ties) = match facet {
        FacetColumn::Subject => (
            "MIN(f.subject)",
            "lower(f.subject)",
            "lower(MIN(f.subject)) COLLATE \"C\"",
        ),
        FacetColumn::Metric => ("f.metric", "f.metric", "f.metric COLLATE \"C\""),
        FacetColumn::Measure => ("f.measure", "f.measure", "f.measure COLLATE \"C\""),
        FacetColumn::Status => ("f.status", "f.status", "f.status COLLATE \"C\""),
        FacetColumn::PeriodYears => (
            "substr(f.period_start, 1, 4)::INTEGER, substr(f.period_end, 1, 4)::INTEGER",
            "1, 2",
            "1, 2",
        ),
    };
    let source = if corrected {
        "corrected_facts"
    } else {
        "facts"
    };
    let mut query = format!("SELECT {columns}, COUNT(*) FROM {source} f");
    push_where(&mut query, conditions);
    query.push_str(&format!(" GROUP BY {group} ORDER BY COUNT(*) DESC, {ties}"));
    push_limit(&mut query, Some(limit));
    query
}

/// The first and last document dates.
pub const DOCUMENT_DATES: &str = "SELECT MIN(date), MAX(date) FROM documents";

/// How many places (entities of a place kind) the ledger knows.
pub const COUNT_PLACES: &str = "SELECT COUNT(*) FROM entities \
     WHERE kind IN ('country', 'region', 'city', 'district', 'town', 'zone')";

/// The canonical name of the entity named or aliased $1 (any case).
pub const ENTITY_NAMED: &str = "SELECT e.name FROM entities e WHERE lower(e.name) = lower($1) \
     UNION ALL SELECT e.name FROM entities e JOIN aliases a ON a.entity_id = e.id \
     WHERE lower(a.alias) = lower($1) LIMIT 1";

/// Facts that a correction applies to.
pub fn fact_corrected() -> String {
    "f.id IN (SELECT x.id FROM corrections c \
     JOIN documents cd ON cd.hash = c.doc_hash \
     JOIN facts x ON x.id >= cd.first_fact AND x.id < cd.first_fact + cd.n_facts \
     AND x.span_start = c.span_start AND x.span_end = c.span_end)"
        .to_string()
}
