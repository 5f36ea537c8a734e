//! The database as a whole: the writers' lock, the ledger's sizes, statistics for the
//! planner and the checks of the ledger's invariants.

/// The key of the advisory lock every writing transaction holds ("almanac" in ASCII).
pub const WRITER_LOCK: &str = "SELECT pg_advisory_xact_lock(27981745964892526)";

// Statistics.

pub const COUNT_DOCS: &str = "SELECT COUNT(*) FROM documents";
pub const COUNT_DUPLICATES: &str = "SELECT COUNT(*) FROM duplicates";
pub const COUNT_ALL_FACTS: &str = "SELECT COUNT(*) FROM facts";
pub const COUNT_ENTITIES: &str = "SELECT COUNT(*) FROM entities";

// Maintenance.

pub const ANALYZE: &str = "ANALYZE";

/// What the ledger's invariants say, checked: each row a count of what breaks one (facts
/// outside their document's id range, documents whose range holds other facts, duplicates
/// of no document, an id in both tables, sentences without their index entry).
pub const INTEGRITY_CHECKS: &[(&str, &str)] = &[
    (
        "facts outside their document's range",
        "SELECT COUNT(*) FROM facts f JOIN documents d ON d.id = f.doc_id \
         WHERE f.id < d.first_fact OR f.id >= d.first_fact + d.n_facts",
    ),
    (
        "facts of no document",
        "SELECT COUNT(*) FROM facts f WHERE NOT EXISTS \
         (SELECT 1 FROM documents d WHERE d.id = f.doc_id)",
    ),
    (
        "documents whose facts are missing",
        "SELECT COUNT(*) FROM documents d WHERE d.n_facts <> \
         (SELECT COUNT(*) FROM facts f WHERE f.id >= d.first_fact \
          AND f.id < d.first_fact + d.n_facts AND f.doc_id = d.id)",
    ),
    (
        "duplicates of no document",
        "SELECT COUNT(*) FROM duplicates x WHERE NOT EXISTS \
         (SELECT 1 FROM documents d WHERE d.id = x.of_id)",
    ),
    (
        "ids both a document and a duplicate",
        "SELECT COUNT(*) FROM duplicates x JOIN documents d ON d.doc = x.doc",
    ),
    (
        "keys of fact_counts counted otherwise than the facts",
        concat!(
            "WITH stored AS (SELECT metric, status, year_first, year_last, measure, \
             subject_key, n FROM fact_counts WHERE n <> 0), \
             counted AS (SELECT ",
            count_key!(),
            ", COUNT(*) AS n FROM corrected_facts f GROUP BY 1, 2, 3, 4, 5, 6) \
             SELECT (SELECT COUNT(*) FROM (SELECT * FROM stored EXCEPT SELECT * FROM counted) a) \
                  + (SELECT COUNT(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM stored) b)"
        ),
    ),
    (
        "rows of period_values that differ from the facts, or stale",
        concat!(
            "WITH stored AS (SELECT subject_key, metric, measure, status, period, unit, value, \
             period_start, period_end, value_kzt, value_usd, n, last FROM period_values), \
             counted AS (SELECT ",
            period_value_key!(),
            ", MIN(f.period_start), MIN(f.period_end), MAX(f.value_kzt), MAX(f.value_usd), \
             COUNT(*), MAX(f.id) FROM facts f WHERE ",
            period_valued!(),
            " GROUP BY 1, 2, 3, 4, 5, 6, 7) \
             SELECT (SELECT COUNT(*) FROM (SELECT * FROM stored EXCEPT SELECT * FROM counted) a) \
                  + (SELECT COUNT(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM stored) b) \
                  + (SELECT COUNT(*) FROM period_values WHERE stale)"
        ),
    ),
    (
        "sentences missing from the full-text index",
        "SELECT COUNT(*) FROM facts WHERE (sentence_facts IS NULL) <> (sentence_tsv IS NULL)",
    ),
];
