//! Browsing (`crate::browse`): whether another connection committed, pages of facts by
//! keyset, totals and facet counts (from `fact_counts` where a filter allows), one entity
//! by any of its names, the overview.

use super::facts::{fact_sources, with_source_condition, CORRECTED_IDS};
use super::{push_limit, push_where};
use crate::model::{FactSort, SortKey};

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
/// `facts::fact_order`'s, so that pages follow each other without a gap or a repeat.
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

/// The first and last document dates.
pub const DOCUMENT_DATES: &str = "SELECT MIN(date), MAX(date) FROM documents";

/// How many places (entities of a place kind) the ledger knows.
pub const COUNT_PLACES: &str = "SELECT COUNT(*) FROM entities \
     WHERE kind IN ('country', 'region', 'city', 'district', 'town', 'zone')";
