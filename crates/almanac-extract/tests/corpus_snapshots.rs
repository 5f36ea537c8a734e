//! Snapshots of the whole output of `extract` for every article of the project's own corpus
//! (`examples/news/*.txt`, `examples/series/*.txt` and `examples/ru/*.txt`), one snapshot per
//! article in `tests/snapshots/`.
//!
//! Regenerate all snapshots after a rule change (from the workspace root), then review the diff
//! with `git diff crates/almanac-extract/tests/snapshots/`:
//!
//!     rm -f crates/almanac-extract/tests/snapshots/corpus_snapshots__*.snap && INSTA_UPDATE=always cargo test -p almanac-extract --test corpus_snapshots
//!
//! (or `cargo insta test -p almanac-extract --test corpus_snapshots --review` where cargo-insta is
//! installed). The `rm` drops snapshots of articles that no longer exist.
//!
//! The snapshot is a compact text form meant to be read in a diff, one line per fact:
//! `text | value unit | qualifier | metric | measure | subject | period | status | per | equivalents`,
//! with `-` for an empty field, then the entities and the diagnostics. Every article is extracted
//! without an outside date, as `almanac extract FILE` does, so the date comes from the text.

use std::fmt::Write as _;
use std::path::Path;

use almanac_extract::{extract, DocContext, Equivalent, Extraction, Fact};

/// Every article of the corpus, compared with its snapshot; insta reports all failing articles.
#[test]
fn corpus_snapshots() {
    insta::glob!("../../../examples", "{news,series,ru}/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("corpus article is UTF-8 text");
        let doc = doc_id(path);
        let extraction = extract(
            &text,
            &DocContext {
                doc: &doc,
                date: None,
                lang: None,
            },
        );
        insta::assert_snapshot!(render(&doc, &extraction));
    });
}

/// The document id as FACTS.md defines it: the file name without extension.
fn doc_id(path: &Path) -> String {
    path.file_stem()
        .expect("article path has a file name")
        .to_string_lossy()
        .into_owned()
}

/// The reviewable text form of one document's extraction.
fn render(doc: &str, extraction: &Extraction) -> String {
    let mut out = String::new();
    let date = extraction
        .date
        .map_or_else(|| "-".to_owned(), |date| date.to_string());
    let date_source = extraction
        .date_source
        .map_or_else(|| "-".to_owned(), |source| serde_name(&source));
    writeln!(out, "doc: {doc}").unwrap();
    writeln!(out, "date: {date} ({date_source})").unwrap();
    writeln!(out).unwrap();
    writeln!(out, "facts: {}", extraction.facts.len()).unwrap();
    writeln!(
        out,
        "# text | value unit | qualifier | metric | measure | subject | period | status | per | equivalents"
    )
    .unwrap();
    for fact in &extraction.facts {
        writeln!(out, "{}", render_fact(fact)).unwrap();
    }
    writeln!(out).unwrap();
    writeln!(out, "entities: {}", extraction.entities.len()).unwrap();
    writeln!(out, "# name | kind | part_of | role | role_of | mentions").unwrap();
    for entity in &extraction.entities {
        writeln!(
            out,
            "{} | {} | {} | {} | {} | {}",
            entity.name,
            serde_name(&entity.kind),
            or_dash(entity.part_of.as_deref()),
            or_dash(entity.role.as_deref()),
            or_dash(entity.role_of.as_deref()),
            entity.mentions.len(),
        )
        .unwrap();
    }
    writeln!(out).unwrap();
    writeln!(out, "diagnostics: {}", extraction.diagnostics.len()).unwrap();
    for diagnostic in &extraction.diagnostics {
        writeln!(out, "{diagnostic}").unwrap();
    }
    out
}

fn render_fact(fact: &Fact) -> String {
    let value_unit = match &fact.unit {
        Some(unit) => format!("{} {unit}", fact.value),
        None => fact.value.to_string(),
    };
    [
        fact.text.clone(),
        value_unit,
        or_dash(fact.qualifier.map(|q| q.as_str())).to_owned(),
        or_dash(fact.metric.map(|m| m.as_str())).to_owned(),
        or_dash(fact.measure.map(|m| m.as_str())).to_owned(),
        or_dash(fact.subject.as_deref()).to_owned(),
        fact.period
            .map_or_else(|| "-".to_owned(), |period| period.to_string()),
        or_dash(fact.status.map(|s| s.as_str())).to_owned(),
        or_dash(fact.per.as_deref()).to_owned(),
        render_equivalents(&fact.equivalents),
    ]
    .join(" | ")
}

fn render_equivalents(equivalents: &[Equivalent]) -> String {
    if equivalents.is_empty() {
        return "-".to_owned();
    }
    equivalents
        .iter()
        .map(|equivalent| format!("{} {}", equivalent.value, equivalent.unit))
        .collect::<Vec<_>>()
        .join(", ")
}

fn or_dash(field: Option<&str>) -> &str {
    field.unwrap_or("-")
}

/// The name serde gives a unit enum variant (`header`, `region`), as in the JSON output.
fn serde_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value).expect("enum serializes") {
        serde_json::Value::String(name) => name,
        other => other.to_string(),
    }
}
