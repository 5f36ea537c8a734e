//! Facts: their rows, written a transaction at a time, the conditions of a filter and the
//! reads assembled from them, the translation of a `--text` search into a `tsquery`, and
//! the checks of a filter's text and subject.

use super::{push_limit, push_where};
use crate::model::{FactSort, SortKey};

/// The fact columns written from arrays of integers, of reals and of texts (in this
/// order in [`INSERT_FACTS`]'s parameters); the last text is the sentence to index (on
/// the first fact of a sentence, NULL on the others), which becomes `sentence_tsv`.
pub const FACT_INT_COLUMNS: [&str; 8] = [
    "id",
    "doc_id",
    "grp",
    "span_start",
    "span_end",
    "sentence_start",
    "sentence_end",
    "sentence_facts",
];
pub const FACT_REAL_COLUMNS: [&str; 7] = [
    "value",
    "value_high",
    "value_kzt",
    "value_usd",
    "kzt_rate",
    "usd_rate",
    "implied_rate",
];
pub const FACT_TEXT_COLUMNS: [&str; 20] = [
    "text",
    "unit",
    "qualifier",
    "metric",
    "measure",
    "subject",
    "period",
    "period_start",
    "period_end",
    "status",
    "equivalents",
    "per",
    "object",
    "sentence_text",
    "kzt_rate_source",
    "kzt_rate_period",
    "usd_rate_source",
    "usd_rate_period",
    "implied_rate_unit",
    "indexed",
];

/// The facts of a transaction in one statement, a column an array: one round trip
/// instead of one a fact, which measured as most of the writer's time.
pub static INSERT_FACTS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let mut columns = Vec::new();
    let mut arrays = Vec::new();
    for (names, kind) in [
        (&FACT_INT_COLUMNS[..], "BIGINT"),
        (&FACT_REAL_COLUMNS[..], "FLOAT8"),
        (&FACT_TEXT_COLUMNS[..], "TEXT"),
    ] {
        for name in names {
            columns.push(*name);
            arrays.push(format!("${}::{kind}[]", arrays.len() + 1));
        }
    }
    let stored: Vec<&str> = columns
        .iter()
        .copied()
        .filter(|c| *c != "indexed")
        .collect();
    format!(
        "INSERT INTO facts ({}, sentence_tsv) SELECT {}, to_tsvector('simple', indexed) \
         FROM unnest({}) AS t({})",
        stored.join(", "),
        stored.join(", "),
        arrays.join(", "),
        columns.join(", ")
    )
});

/// A fact's sentence (`f` joined with its document `d`): byte offsets, as the writer
/// took them from the UTF-8 text.
pub const SENTENCE: &str = "COALESCE(f.sentence_text, convert_from(substring(\
     convert_to(d.text, 'UTF8') FROM (f.sentence_start + 1)::INT \
     FOR (f.sentence_end - f.sentence_start)::INT), 'UTF8'))";

/// The highest fact id; the next batch numbers its facts after it (under the writer lock).
pub const MAX_FACT: &str = "SELECT COALESCE(MAX(id), 0)::BIGINT FROM facts";

pub fn fact_columns() -> String {
    format!(
        "f.id, d.doc, d.date, f.text, f.value, f.unit, f.qualifier, f.metric, \
         f.measure, f.subject, f.period, f.status, f.equivalents, f.per, f.grp, f.object, \
         f.span_start, f.span_end, {SENTENCE}, f.value_kzt, f.value_usd, f.kzt_rate, \
         f.kzt_rate_source, f.kzt_rate_period, f.usd_rate, f.usd_rate_source, \
         f.usd_rate_period, f.implied_rate, f.implied_rate_unit, f.unit, f.value_high"
    )
}

/// Where facts are read from: the table, or with people's corrections laid over it while
/// the ledger holds any (as in SQLite).
fn fact_from(corrected: bool) -> &'static str {
    if corrected {
        "FROM corrected_facts f JOIN documents d ON d.id = f.doc_id"
    } else {
        "FROM facts f JOIN documents d ON d.id = f.doc_id"
    }
}

/// Facts whose sentence matches the `tsquery` ?`param` (the [`tsquery`] of a search):
/// the sentence's first fact holds the entry, the others follow it.
pub fn text_filter(param: usize) -> String {
    format!(
        "f.id IN (SELECT f.id FROM facts s JOIN facts f \
         ON f.id >= s.id AND f.id < s.id + s.sentence_facts \
         WHERE s.sentence_tsv @@ to_tsquery('simple', ${param}))"
    )
}

pub fn subject_names(param: usize, within: bool) -> String {
    let direct = format!(
        "SELECT e.name FROM entities e WHERE lower(e.name) = lower(${param}) \
         UNION SELECT e.name FROM entities e JOIN aliases a ON a.entity_id = e.id \
         WHERE lower(a.alias) = lower(${param}) \
         UNION SELECT ${param}::TEXT"
    );
    if within {
        format!(
            "WITH RECURSIVE tree (name) AS ({direct} \
             UNION SELECT e.name FROM entities e JOIN tree t ON lower(e.part_of) = lower(t.name)) \
             SELECT name FROM tree"
        )
    } else {
        direct
    }
}

pub fn fact_subject_in(param: usize, within: bool) -> String {
    format!(
        "lower(f.subject) IN (SELECT lower(name) FROM ({}) names)",
        subject_names(param, within)
    )
}

pub fn fact_in(column: crate::sql::FactList, params: &[usize]) -> String {
    use crate::sql::FactList;
    let column = match column {
        FactList::Metric => "f.metric",
        FactList::Measure => "f.measure",
        FactList::Status => "f.status",
        FactList::Unit => "f.unit",
    };
    let slots: Vec<String> = params.iter().map(|n| format!("${n}")).collect();
    format!("{column} IN ({})", slots.join(", "))
}

pub fn fact_period_overlaps(start: usize, end: usize) -> String {
    format!("f.period_start <= ${end} AND f.period_end >= ${start}")
}

pub fn select_facts(
    select: crate::sql::FactSelect,
    corrected: bool,
    conditions: &[String],
) -> String {
    use crate::sql::FactSelect;
    let from = fact_from(corrected);
    let mut query = match select {
        FactSelect::Count => format!("SELECT COUNT(*) {from}"),
        FactSelect::Rows { .. } => format!("SELECT {} {from}", fact_columns()),
    };
    push_where(&mut query, conditions);
    if let FactSelect::Rows { sort, limit } = select {
        query.push_str(" ORDER BY ");
        query.push_str(&fact_order(sort));
        push_limit(&mut query, limit);
    }
    query
}

fn fact_order(sort: FactSort) -> String {
    let dir = if sort.descending { "DESC" } else { "ASC" };
    match sort.key {
        SortKey::Document => format!("f.id {dir}"),
        SortKey::Date => format!("d.date IS NULL, d.date {dir}, f.id"),
        SortKey::Period => {
            format!("f.period_start IS NULL, f.period_start {dir}, f.period_end {dir}, f.id")
        }
        SortKey::Value => format!("f.value {dir}, f.id"),
        SortKey::ValueKzt => format!("f.value_kzt IS NULL, f.value_kzt {dir}, f.id"),
        SortKey::ValueUsd => format!("f.value_usd IS NULL, f.value_usd {dir}, f.id"),
        SortKey::Subject => {
            format!("f.subject IS NULL, lower(f.subject) COLLATE \"C\" {dir}, f.id")
        }
        SortKey::Metric => format!("f.metric IS NULL, f.metric COLLATE \"C\" {dir}, f.id"),
    }
}

/// An FTS5 query, as `--text` takes it (`crate::sql::fts_query`), as a `tsquery` for
/// `to_tsquery('simple', ..)`: words and "phrases" are quoted operands (which PostgreSQL's
/// parser splits into words, a phrase's joined by `<->`), `word*` a prefix (`:*`), `AND`,
/// `OR`, `NOT` and parentheses the operators `&`, `|`, `& !` and themselves; operands side
/// by side must all occur.
///
/// # Errors
///
/// What FTS5 syntax has no `tsquery` here (`NEAR`, a column filter), or an unterminated
/// phrase, as a message.
pub fn tsquery(fts: &str) -> Result<String, String> {
    let mut out = String::new();
    // Whether the last thing written was an operand (so the next operand needs an `&`).
    let mut after_operand = false;
    let mut chars = fts.chars().peekable();
    let operand = |out: &mut String, after: &mut bool, text: &str, prefix: bool| {
        if *after {
            out.push_str(" & ");
        }
        out.push('\'');
        for c in text.chars() {
            match c {
                '\'' => out.push_str("''"),
                '\\' => out.push_str("\\\\"),
                c => out.push(c),
            }
        }
        out.push('\'');
        if prefix {
            out.push_str(":*");
        }
        *after = true;
    };
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '"' => {
                chars.next();
                let mut phrase = String::new();
                let mut closed = false;
                while let Some(c) = chars.next() {
                    if c == '"' {
                        // FTS5 writes a quote inside a phrase as two.
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            phrase.push('"');
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    phrase.push(c);
                }
                if !closed {
                    return Err("unterminated string".into());
                }
                let prefix = chars.peek() == Some(&'*');
                if prefix {
                    chars.next();
                }
                operand(&mut out, &mut after_operand, &phrase, prefix);
            }
            '(' => {
                chars.next();
                if after_operand {
                    out.push_str(" & ");
                }
                out.push('(');
                after_operand = false;
            }
            ')' => {
                chars.next();
                out.push(')');
                after_operand = true;
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '"' | '(' | ')') {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                match word.as_str() {
                    "AND" => {
                        out.push_str(" & ");
                        after_operand = false;
                    }
                    "OR" => {
                        out.push_str(" | ");
                        after_operand = false;
                    }
                    "NOT" => {
                        out.push_str(if after_operand { " & !" } else { "!" });
                        after_operand = false;
                    }
                    w if w.starts_with("NEAR") => {
                        return Err("NEAR is not supported on PostgreSQL".into());
                    }
                    w if w.ends_with(':') => {
                        return Err(format!("unknown column filter {w:?}"));
                    }
                    w => match w.strip_suffix('*') {
                        Some(stem) if !stem.is_empty() => {
                            operand(&mut out, &mut after_operand, stem, true)
                        }
                        _ => operand(&mut out, &mut after_operand, w, false),
                    },
                }
            }
        }
    }
    Ok(out)
}

/// Whether ?1 (a `tsquery`) parses: PostgreSQL parses it without searching.
pub const CHECK_TEXT_QUERY: &str = "SELECT to_tsquery('simple', $1)::TEXT";

pub const KNOWS_SUBJECT: &str =
    "SELECT EXISTS (SELECT 1 FROM aliases WHERE lower(alias) = lower($1)) \
     OR EXISTS (SELECT 1 FROM entities WHERE lower(name) = lower($1)) \
     OR EXISTS (SELECT 1 FROM facts WHERE lower(subject) = lower($1))";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts5_queries_become_tsqueries() {
        for (fts, expected) in [
            ("\"jobs\"", "'jobs'"),
            ("\"369\" \"jobs\"", "'369' & 'jobs'"),
            ("\"industrial zone\"", "'industrial zone'"),
            ("jobs OR workplaces", "'jobs' | 'workplaces'"),
            ("invest*", "'invest':*"),
            ("\"welded steel\"*", "'welded steel':*"),
            ("a AND b", "'a' & 'b'"),
            ("plants NOT farms", "'plants' & !'farms'"),
            ("(a OR b) c", "('a' | 'b') & 'c'"),
            ("c (a OR b)", "'c' & ('a' | 'b')"),
            ("\"it's\"", "'it''s'"),
            ("\"a \"\"b\"\"\"", "'a \"b\"'"),
            ("back\\slash", "'back\\\\slash'"),
            ("*", "'*'"),
            ("", ""),
        ] {
            assert_eq!(tsquery(fts).as_deref(), Ok(expected), "{fts}");
        }
        for bad in ["\"open", "NEAR(a b)", "text: jobs"] {
            assert!(tsquery(bad).is_err(), "{bad}");
        }
    }
}
