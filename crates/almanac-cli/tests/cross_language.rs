//! One ledger across languages: an English and a Russian article (our own, invented
//! figures) report the same figure, Shymkent's fixed capital investment in 2023. Ingested
//! together, their facts must land under one subject, metric and period, whichever
//! language the subject is asked for in; `timeline` must draw them as one point of one
//! series; and `check` must call the pair what it is, the same figure told twice
//! (`restated`, information), never a conflict.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const ENGLISH: &str = " date 2024-02-12
Shymkent drew 1.2 trillion tenge of investment in 2023

Fixed capital investment in Shymkent amounted to 1.2 trillion tenge in 2023, the city \
akimat reported. Most of it went into manufacturing and housing.
";

const RUSSIAN: &str = " date 2024-02-14
Шымкент привлёк 1,2 трлн тенге инвестиций

По итогам 2023 года объём инвестиций в основной капитал Шымкента составил 1,2 трлн тенге, \
сообщили в акимате города. Большая часть средств направлена в обрабатывающую \
промышленность и жилищное строительство.
";

fn almanac(args: &[&str], db: &Path) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("ALMANAC_DB")
        .output()
        .expect("run almanac");
    assert!(
        out.status.success(),
        "almanac {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(args: &[&str], db: &Path) -> Value {
    serde_json::from_slice(&almanac(args, db).stdout).expect("JSON output")
}

fn field<'a>(v: &'a Value, name: &str) -> &'a str {
    v[name].as_str().unwrap_or("-")
}

/// A ledger of the two articles, each detected in its own language.
fn ledger(dir: &Path) -> std::path::PathBuf {
    let en = dir.join("shymkent-en.txt");
    let ru = dir.join("shymkent-ru.txt");
    std::fs::write(&en, ENGLISH).unwrap();
    std::fs::write(&ru, RUSSIAN).unwrap();
    let db = dir.join("ledger.db");
    almanac(
        &[
            "ingest",
            "--quiet",
            en.to_str().unwrap(),
            ru.to_str().unwrap(),
        ],
        &db,
    );
    db
}

#[test]
fn an_english_and_a_russian_report_of_one_figure_are_one_series() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(dir.path());

    let docs = json(&["docs", "--format", "json"], &db);
    let langs: Vec<(&str, &str)> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (field(d, "doc"), field(d, "lang")))
        .collect();
    assert_eq!(langs, [("shymkent-en", "en"), ("shymkent-ru", "ru")]);

    // The subject asked for in English or in Russian, in any case form the gazetteer
    // knows, finds the facts of both articles.
    for subject in ["Shymkent", "Шымкент"] {
        let facts = json(
            &[
                "facts",
                "--subject",
                subject,
                "--metric",
                "investment",
                "--format",
                "json",
            ],
            &db,
        );
        let facts = facts.as_array().unwrap();
        let mut docs: Vec<&str> = facts.iter().map(|f| field(f, "doc")).collect();
        docs.dedup();
        assert_eq!(
            docs,
            ["shymkent-en", "shymkent-ru"],
            "{subject}: {facts:#?}"
        );
        for f in facts {
            assert_eq!(
                (
                    field(f, "subject"),
                    field(f, "metric"),
                    field(f, "measure"),
                    field(f, "period"),
                    field(f, "status"),
                    field(f, "unit"),
                    f["value"].as_f64(),
                ),
                (
                    "Shymkent",
                    "investment",
                    "level",
                    "2023",
                    "actual",
                    "KZT",
                    Some(1.2e12)
                ),
                "{f:#}"
            );
        }
    }

    // One series with one point, 2023, whose one reading both languages are sources of.
    let series = json(
        &["timeline", "Shymkent", "investment", "--format", "json"],
        &db,
    );
    let points = series["points"].as_array().unwrap();
    assert_eq!(points.len(), 1, "{series:#}");
    assert_eq!(field(&points[0], "period"), "2023");
    let readings = points[0]["readings"].as_array().unwrap();
    assert_eq!(readings.len(), 1, "{series:#}");
    let mut sources: Vec<&str> = readings[0]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| field(s, "doc"))
        .collect();
    sources.dedup();
    assert_eq!(sources, ["shymkent-en", "shymkent-ru"]);

    // The same figure in two languages is told again, not contradicted.
    let alerts = json(&["check", "--format", "json"], &db);
    let kinds: Vec<(&str, &str, &str)> = alerts
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (field(a, "kind"), field(a, "severity"), field(a, "period")))
        .collect();
    assert_eq!(kinds, [("restated", "info", "2023")], "{alerts:#}");
    let explanation = field(&alerts[0], "explanation");
    assert!(
        explanation.contains(
            "\"1,2 трлн тенге\" and \"1.2 trillion tenge\" (the same figure in other words)"
        ),
        "{explanation}"
    );
}
