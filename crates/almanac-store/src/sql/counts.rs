//! The tables that sum the facts up, `fact_counts` and `period_values`, kept exact by the
//! writers in their transactions and recounted by `check_integrity`.

use super::facts::{subject_names, CORRECTED_IDS};

// Fact counts (`fact_counts`, see `schema::MIGRATION_6`).

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

// Period values (`period_values`, see `schema::MIGRATION_8`).

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
