//! The tables that sum the facts up, `fact_counts` and `period_values`, kept exact by the
//! writers in their transactions.

use super::{fact_corrected, fact_subject_in, subject_names};

// Fact counts.

/// The facts with ids from $1 up to $2 (excluded), counted $3 (+1 or -1) times.
pub const COUNT_FACT_RANGE: &str = count_facts_delta!("f.id >= $1 AND f.id < $2", "$3");

/// The facts a correction is keyed to (the figure at span $2..$3 of the document with
/// content hash $1), counted $4 times.
pub const COUNT_CORRECTED_FACTS: &str = count_facts_delta!(
    "f.id IN (SELECT x.id FROM documents d JOIN facts x \
     ON x.id >= d.first_fact AND x.id < d.first_fact + d.n_facts \
     WHERE d.hash = $1 AND x.span_start = $2 AND x.span_end = $3)",
    "$4"
);

pub const PURGE_FACT_COUNTS: &str = "DELETE FROM fact_counts WHERE n = 0";

// Period values (`period_values`, see `schema::SCHEMA_8` and `crate::sql::MIGRATION_8`).

/// Adds the facts with ids from $1 up to $2 (excluded) to `period_values`.
pub const ADD_PERIOD_VALUES: &str = concat!(
    "INSERT INTO period_values (subject_key, metric, measure, status, period, unit, value, \
     subject, period_start, period_end, value_kzt, value_usd, n, last) SELECT ",
    period_value_key!(),
    ", MIN(f.subject), MIN(f.period_start), MIN(f.period_end), MAX(f.value_kzt), \
     MAX(f.value_usd), COUNT(*), MAX(f.id) FROM facts f WHERE f.id >= $1 AND f.id < $2 AND ",
    period_valued!(),
    " GROUP BY 1, 2, 3, 4, 5, 6, 7 \
     ON CONFLICT (subject_key, metric, measure, status, period, unit, value) DO UPDATE SET \
     n = period_values.n + excluded.n, \
     last = GREATEST(period_values.last, excluded.last), \
     value_kzt = GREATEST(period_values.value_kzt, excluded.value_kzt), \
     value_usd = GREATEST(period_values.value_usd, excluded.value_usd)"
);

/// Takes the facts with ids from $1 up to $2 (excluded) out of `period_values` before they
/// are deleted, marking their rows stale.
pub const REMOVE_PERIOD_VALUES: &str = concat!(
    "UPDATE period_values v SET n = v.n - r.n, stale = TRUE FROM (SELECT ",
    period_value_key!(),
    ", COUNT(*) AS n FROM facts f WHERE f.id >= $1 AND f.id < $2 AND ",
    period_valued!(),
    " GROUP BY 1, 2, 3, 4, 5, 6, 7) AS r \
     WHERE v.subject_key = r.subject_key AND v.metric = r.metric AND v.measure = r.measure \
     AND v.status = r.status AND v.period = r.period AND v.unit = r.unit AND v.value = r.value"
);

pub const PURGE_PERIOD_VALUES: &str = "DELETE FROM period_values WHERE stale AND n <= 0";

/// The latest id and the money of the stale rows, read again from their facts (through
/// `facts_metric_value`).
pub const REPAIR_PERIOD_VALUES: &str = "UPDATE period_values v \
     SET (value_kzt, value_usd, last) = (SELECT MAX(x.value_kzt), MAX(x.value_usd), \
     COALESCE(MAX(x.id), v.last) FROM facts x WHERE x.metric = v.metric AND x.value = v.value \
     AND x.period_start = v.period_start AND x.period_end = v.period_end \
     AND lower(x.subject) = v.subject_key AND x.period = v.period \
     AND COALESCE(x.measure, 'level') = v.measure \
     AND COALESCE(x.status, 'actual') = v.status AND COALESCE(x.unit, '') = v.unit), \
     stale = FALSE WHERE v.stale";

/// The rows of the subject $1 (any of its names), as `crate::sql::period_values_of`.
pub fn period_values_of(param: usize) -> String {
    format!(
        "SELECT v.subject, v.metric, v.measure, v.status, v.period, v.unit, v.value, \
         v.value_kzt, v.value_usd, v.n, v.last FROM period_values v \
         WHERE v.subject_key IN (SELECT lower(name) FROM ({}) names)",
        subject_names(param, false)
    )
}

/// The facts of the subject $1 a correction applies to, as extracted, in the columns of
/// [`period_values_of`].
pub fn corrected_period_values_of(param: usize) -> String {
    format!(
        "SELECT f.subject, f.metric, COALESCE(f.measure, 'level'), COALESCE(f.status, 'actual'), \
         f.period, COALESCE(f.unit, ''), f.value, f.value_kzt, f.value_usd, 1::BIGINT, f.id \
         FROM facts f WHERE {} AND {} AND {}",
        period_valued!(),
        fact_subject_in(param, false),
        fact_corrected()
    )
}

/// The money and latest id of a `period_values` row ($1 to $7 its key, $8 and $9 its
/// period bounds) without the facts a correction applies to.
pub fn uncorrected_period_value() -> String {
    format!(
        "SELECT MAX(f.value_kzt), MAX(f.value_usd), MAX(f.id) FROM facts f \
         WHERE f.metric = $2 AND f.value = $7 AND f.period_start = $8 AND f.period_end = $9 \
         AND lower(f.subject) = lower($1) AND f.period = $5 \
         AND COALESCE(f.measure, 'level') = $3 AND COALESCE(f.status, 'actual') = $4 \
         AND COALESCE(f.unit, '') = $6 AND NOT ({})",
        fact_corrected()
    )
}
