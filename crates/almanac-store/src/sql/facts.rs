//! Facts: their rows, the full-text index of their sentences, the conditions of a filter
//! and the reads assembled from them (with the ledger's corrections laid over the facts
//! while it holds any), and the checks of a filter's text and subject.

use super::{push_limit, push_where};
use crate::model::{FactSort, SortKey};

pub const INSERT_FACT: &str = "
INSERT INTO facts (id, doc_id, text, value, unit, qualifier, metric, measure, subject, period,
                   period_start, period_end, status, equivalents, per, grp, object, span_start,
                   span_end, sentence_start, sentence_end, sentence_text, sentence_facts,
                   value_kzt, value_usd, kzt_rate, kzt_rate_source, kzt_rate_period, usd_rate,
                   usd_rate_source, usd_rate_period, implied_rate, implied_rate_unit, value_high)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34)";

/// A fact's sentence (`f` joined with its document `d`).
pub const SENTENCE: &str = "COALESCE(f.sentence_text, CAST(substr(CAST(d.text AS BLOB), \
     f.sentence_start + 1, f.sentence_end - f.sentence_start) AS TEXT))";

/// Removes the sentences of facts ?1 up to ?2 (a document's, those indexed already, as
/// FTS5 must not be asked to delete what it never held) from the full-text index, before
/// the facts are deleted. A contentless index deletes by the text it was given.
pub fn unindex_sentences() -> String {
    format!(
        "INSERT INTO sentences_fts (sentences_fts, rowid, text) \
         SELECT 'delete', f.id, {SENTENCE} FROM facts f JOIN documents d ON d.id = f.doc_id \
         WHERE f.id >= ?1 AND f.id < ?2 AND f.sentence_facts IS NOT NULL"
    )
}

/// Indexes the sentences of the facts written in a batch: ?1 is an array (`rarray`) of
/// them, NULL for a fact without one, the first for fact ?2 + 1.
pub const INDEX_PENDING: &str = "INSERT INTO sentences_fts (rowid, text) \
     SELECT ?2 + rowid, value FROM rarray(?1) WHERE value IS NOT NULL";

pub const FTS_INTEGRITY_CHECK: &str =
    "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 0)";

/// The highest fact id: the sentences of facts up to it are in the full-text index.
pub const MAX_FACT: &str = "SELECT COALESCE(MAX(id), 0) FROM facts";

/// The columns `row_to_fact` reads, in order.
pub fn fact_columns() -> String {
    format!(
        "f.id, d.doc, d.date, f.text, f.value, f.unit, f.qualifier, f.metric, \
         f.measure, f.subject, f.period, f.status, f.equivalents, f.per, f.grp, f.object, \
         f.span_start, f.span_end, {SENTENCE}, f.value_kzt, f.value_usd, f.kzt_rate, \
         f.kzt_rate_source, f.kzt_rate_period, f.usd_rate, f.usd_rate_source, \
         f.usd_rate_period, f.implied_rate, f.implied_rate_unit, f.unit, f.value_high"
    )
}

/// The ids of the facts a correction is keyed to: the figure at its span in the document
/// with its content hash (a handful of rows, read once per statement).
pub(super) const CORRECTED_IDS: &str = "SELECT x.id FROM corrections c \
     JOIN documents cd ON cd.hash = c.doc_hash \
     JOIN facts x ON x.id >= cd.first_fact AND x.id < cd.first_fact + cd.n_facts \
     AND x.span_start = c.span_start AND x.span_end = c.span_end";

/// Where facts are read from, each source with the conditions it adds: the table itself,
/// or, when the ledger holds corrections, the facts no correction touches (from the
/// table, through its indexes) and the few corrected ones (from `corrected_facts`, see
/// `schema::MIGRATION_4`, which no index serves but which only reads those). Filtering
/// the view alone would read every fact of the ledger for any filter.
pub(super) fn fact_sources(corrected: bool) -> Vec<(&'static str, Option<String>)> {
    if corrected {
        vec![
            ("facts", Some(format!("f.id NOT IN ({CORRECTED_IDS})"))),
            (
                "corrected_facts",
                Some(format!("f.id IN ({CORRECTED_IDS})")),
            ),
        ]
    } else {
        vec![("facts", None)]
    }
}

/// `conditions` and the one a fact source adds.
pub(super) fn with_source_condition(conditions: &[String], source: &Option<String>) -> Vec<String> {
    conditions.iter().cloned().chain(source.clone()).collect()
}

/// The facts of the sentences in `sentences_fts` as `t`, as `f` (`s` is the first).
const FACTS_OF_SENTENCE: &str = "facts s ON s.id = t.rowid \
     JOIN facts f ON f.id >= s.id AND f.id < s.id + s.sentence_facts";

/// Facts whose sentence matches an FTS5 query (`?N` is the query).
pub fn text_filter(param: usize) -> String {
    format!(
        "f.id IN (SELECT f.id FROM sentences_fts t JOIN {FACTS_OF_SENTENCE} \
         WHERE t.sentences_fts MATCH ?{param})"
    )
}

/// Facts whose sentence matches an FTS5 query, driven by the full-text index: its rowids
/// come in order, and so do the facts of each sentence, so that facts come in ledger
/// order with no sort and a limit stops the search early. `source` is the table or view
/// of the facts (see [`fact_sources`]).
pub fn text_from(source: &str) -> String {
    let facts_of_sentence = FACTS_OF_SENTENCE.replace("JOIN facts f", &format!("JOIN {source} f"));
    format!("FROM sentences_fts t JOIN {facts_of_sentence} JOIN documents d ON d.id = f.doc_id")
}

/// The condition of [`text_from`] (`?N` is the query).
pub fn text_match(param: usize) -> String {
    format!("t.sentences_fts MATCH ?{param}")
}

/// The canonical names a subject filter stands for: the entity named or aliased so, and
/// with `within`, every place whose `part_of` chain leads to it.
pub fn subject_names(param: usize, within: bool) -> String {
    let direct = format!(
        "SELECT e.name FROM entities e WHERE e.name = ?{param} \
         UNION SELECT e.name FROM entities e JOIN aliases a ON a.entity_id = e.id \
         WHERE a.alias = ?{param} \
         UNION SELECT ?{param}"
    );
    if within {
        format!(
            "WITH RECURSIVE tree (name) AS ({direct} \
             UNION SELECT e.name FROM entities e JOIN tree t ON e.part_of = t.name) \
             SELECT name FROM tree"
        )
    } else {
        direct
    }
}

/// Facts about the subject ?`param` (see [`subject_names`]).
pub fn fact_subject_in(param: usize, within: bool) -> String {
    format!("f.subject IN ({})", subject_names(param, within))
}

/// The fact columns that a filter matches against a list of values.
#[derive(Debug, Clone, Copy)]
pub enum FactList {
    Metric,
    Measure,
    Status,
    Unit,
}

/// Facts whose `column` is one of the parameters `params`.
pub fn fact_in(column: FactList, params: &[usize]) -> String {
    let column = match column {
        FactList::Metric => "f.metric",
        FactList::Measure => "f.measure",
        FactList::Status => "f.status",
        FactList::Unit => "f.unit",
    };
    let slots: Vec<String> = params.iter().map(|n| format!("?{n}")).collect();
    format!("{column} IN ({})", slots.join(", "))
}

/// Facts whose period overlaps the one from ?`start` to ?`end` (ISO dates).
pub fn fact_period_overlaps(start: usize, end: usize) -> String {
    // No index serves an overlap (a two-sided range): a filter walks facts in ledger
    // order up to the limit, or uses a more selective index.
    format!("f.period_start <= ?{end} AND f.period_end >= ?{start}")
}

/// What a facts statement returns.
#[derive(Debug, Clone, Copy)]
pub enum FactSelect {
    /// Their number.
    Count,
    /// The columns of [`fact_columns`], in this order, at most `limit` of them.
    Rows {
        sort: FactSort,
        limit: Option<usize>,
    },
}

/// The facts that `conditions` select. `text_driven`: one of the conditions is a
/// [`text_match`], and the full-text index drives the query ([`text_from`]). `corrected`:
/// read the facts with the ledger's corrections applied, from two sources (see
/// [`fact_sources`]) merged in the sort's order: each keeps its index order, so a page
/// still stops after its rows.
pub fn select_facts(
    select: FactSelect,
    text_driven: bool,
    corrected: bool,
    conditions: &[String],
) -> String {
    let from = |source: &str| {
        if text_driven {
            text_from(source)
        } else {
            format!("FROM {source} f JOIN documents d ON d.id = f.doc_id")
        }
    };
    let sources = fact_sources(corrected);
    match select {
        FactSelect::Count => {
            let counts: Vec<String> = sources
                .iter()
                .map(|(source, condition)| {
                    let mut query = format!("(SELECT COUNT(*) {}", from(source));
                    push_where(&mut query, &with_source_condition(conditions, condition));
                    query.push(')');
                    query
                })
                .collect();
            format!("SELECT {}", counts.join(" + "))
        }
        FactSelect::Rows { sort, limit } => {
            let order = fact_order(sort, text_driven, sources.len() > 1);
            let mut query = if let [(source, condition)] = sources.as_slice() {
                let mut query = format!("SELECT {} {}", fact_columns(), from(source));
                push_where(&mut query, &with_source_condition(conditions, condition));
                query.push_str(" ORDER BY ");
                let terms: Vec<String> =
                    order.iter().map(|(e, dir)| format!("{e} {dir}")).collect();
                query.push_str(&terms.join(", "));
                query
            } else {
                merged_rows(&sources, &order, &from, conditions, false)
            };
            push_limit(&mut query, limit);
            query
        }
    }
}

/// The rows of several fact sources merged in `order`. A compound statement orders by its
/// result columns only: the sort's terms are added as columns `sort_N` (after those
/// `row_to_fact` reads), and with `marked`, last, `from_view`: 1 for a row of
/// `corrected_facts`.
fn merged_rows(
    sources: &[(&str, Option<String>)],
    order: &[(&str, &str)],
    from: &dyn Fn(&str) -> String,
    conditions: &[String],
    marked: bool,
) -> String {
    let keys: Vec<String> = order
        .iter()
        .enumerate()
        .map(|(n, (e, _))| format!(", {e} AS sort_{n}"))
        .collect();
    let arms: Vec<String> = sources
        .iter()
        .map(|(source, condition)| {
            let mark = if !marked {
                ""
            } else if *source == "corrected_facts" {
                ", 1 AS from_view"
            } else {
                ", 0 AS from_view"
            };
            let mut arm = format!(
                "SELECT {}{}{mark} {}",
                fact_columns(),
                keys.concat(),
                from(source)
            );
            push_where(&mut arm, &with_source_condition(conditions, condition));
            arm
        })
        .collect();
    let terms: Vec<String> = order
        .iter()
        .enumerate()
        .map(|(n, (_, dir))| format!("sort_{n} {dir}"))
        .collect();
    format!("{} ORDER BY {}", arms.join(" UNION ALL "), terms.join(", "))
}

/// A page of facts of a ledger with corrections, in `sort`, at most `limit` rows: those of
/// the table, the corrected ones as extracted among them, merged with the corrected ones
/// as corrected, each marked by its last column (`from_view`, see [`merged_rows`]). The
/// reader drops the table's rows of corrected facts ([`CORRECTED_IDS`], read once), so
/// `limit` must count them too. Unlike [`select_facts`], the table's rows are not tested
/// against the corrected ids: SQLite tests a rowid condition on every index entry it
/// walks, before the row's own conditions (a period) leave the few that pass, which made
/// a page of a metric and a year half as costly again (0.50 ms against 0.34 ms at a
/// million facts).
pub fn select_fact_page(sort: FactSort, limit: usize, conditions: &[String]) -> String {
    let from = |source: &str| format!("FROM {source} f JOIN documents d ON d.id = f.doc_id");
    let sources = [
        ("facts", None),
        (
            "corrected_facts",
            Some(format!("f.id IN ({CORRECTED_IDS})")),
        ),
    ];
    let order = fact_order(sort, false, true);
    let mut query = merged_rows(&sources, &order, &from, conditions, true);
    push_limit(&mut query, Some(limit));
    query
}

/// The ids of the facts a correction applies to.
pub fn corrected_ids() -> &'static str {
    CORRECTED_IDS
}

/// The ORDER BY terms of a sort and their directions; ties fall back to ledger order.
/// `merged`: the facts come from several sources, whose facts of one sentence are
/// ordered by id (the full-text index alone gives them in order).
fn fact_order(
    sort: FactSort,
    text_driven: bool,
    merged: bool,
) -> Vec<(&'static str, &'static str)> {
    let dir = if sort.descending { "DESC" } else { "ASC" };
    let nulls_last = |column: &'static str, null: &'static str| {
        vec![(null, "ASC"), (column, dir), ("f.id", "ASC")]
    };
    match sort.key {
        SortKey::Document if text_driven && merged => vec![("t.rowid", "ASC"), ("f.id", "ASC")],
        SortKey::Document if text_driven => vec![("t.rowid", "ASC")],
        SortKey::Document => vec![("f.id", dir)],
        SortKey::Date => nulls_last("d.date", "d.date IS NULL"),
        SortKey::Period => vec![
            ("f.period_start IS NULL", "ASC"),
            ("f.period_start", dir),
            ("f.period_end", dir),
            ("f.id", "ASC"),
        ],
        SortKey::Value => vec![("f.value", dir), ("f.id", "ASC")],
        SortKey::ValueKzt => nulls_last("f.value_kzt", "f.value_kzt IS NULL"),
        SortKey::ValueUsd => nulls_last("f.value_usd", "f.value_usd IS NULL"),
        SortKey::Subject => nulls_last("f.subject", "f.subject IS NULL"),
        SortKey::Metric => nulls_last("f.metric", "f.metric IS NULL"),
    }
}

/// The FTS5 query for a `--text` search. Plain words become an all-words search with
/// each word quoted (so `year-on-year` or `15%` cannot be FTS5 syntax errors); anything
/// with FTS5 operators passes through.
pub fn fts_query(text: &str) -> String {
    let has_syntax = text.contains('"')
        || text.contains('*')
        || text.contains('(')
        || text
            .split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT") || w.starts_with("NEAR"));
    if has_syntax {
        return text.to_string();
    }
    text.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether ?1 (an FTS5 query) parses: runs it for one match.
pub const CHECK_TEXT_QUERY: &str =
    "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1 LIMIT 1";

/// Whether ?1 names a subject the ledger knows: an entity's name or alias, or a fact's
/// subject (any case).
pub const KNOWS_SUBJECT: &str = "SELECT EXISTS (SELECT 1 FROM aliases WHERE alias = ?1) \
     OR EXISTS (SELECT 1 FROM entities WHERE name = ?1) \
     OR EXISTS (SELECT 1 FROM facts WHERE subject = ?1)";
