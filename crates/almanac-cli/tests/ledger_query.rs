//! `almanac facts`, `docs`, `show`, `entities` and `export` on a ledger whose facts are
//! written through the store API (so that they do not depend on the extractor's progress),
//! run as the user runs them: the binary, a ledger file in a temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use almanac_extract::{
    DateSource, Entity, EntityKind, Equivalent, Extraction, Fact, Measure, Mention, Status,
};
use std::process::Stdio;

use almanac_store::{NewDocument, Store};
use chrono::NaiveDate;

const ALMATY: &str = "Almaty attracted 15 billion tenge ($33.7 million) of investment in 2023. \
    The Almaty Industrial Zone will create 369 jobs by 2025.";
const ALATAU: &str =
    "Alatau district opened 3 schools in 2024. The district plans 10-12 parks until 2030.";
const ASTANA: &str = "Astana's economy grew 5.5 percent in the first quarter of 2024.";

#[allow(clippy::too_many_arguments)]
fn fact(
    doc_text: &str,
    text: &str,
    value: f64,
    unit: &str,
    metric: &str,
    subject: &str,
    period: &str,
    status: Status,
) -> Fact {
    let start = doc_text.find(text).unwrap();
    let sentence_start = doc_text[..start].rfind(". ").map_or(0, |i| i + 2);
    let sentence_end = doc_text[start..]
        .find(". ")
        .map_or(doc_text.len(), |i| start + i + 1);
    Fact {
        doc: String::new(),
        text: text.to_string(),
        value,
        value_high: None,
        unit: Some(unit.to_string()),
        qualifier: None,
        metric: Some(metric.parse().unwrap()),
        measure: Some(if unit == "%" {
            Measure::Change
        } else {
            Measure::Level
        }),
        subject: Some(subject.to_string()),
        period: Some(period.parse().unwrap()),
        status: Some(status),
        equivalents: Vec::new(),
        per: None,
        group: None,
        object: None,
        span: [start, start + text.len()],
        sentence: doc_text[sentence_start..sentence_end].to_string(),
    }
}

fn entity(name: &str, kind: EntityKind, part_of: Option<&str>, aliases: &[&str]) -> Entity {
    Entity {
        name: name.into(),
        kind,
        part_of: part_of.map(Into::into),
        role: None,
        role_of: None,
        mentions: aliases
            .iter()
            .map(|a| Mention {
                span: [0, 1],
                text: a.to_string(),
                reference: false,
            })
            .collect(),
    }
}

/// A ledger file with three documents and six known facts.
fn ledger(dir: &Path) -> PathBuf {
    let path = dir.join("ledger.db");
    let mut store = Store::open(&path).unwrap();
    let date = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let mut investment = fact(
        ALMATY,
        "15 billion tenge",
        15e9,
        "KZT",
        "investment",
        "Almaty",
        "2023",
        Status::Actual,
    );
    investment.equivalents = vec![Equivalent {
        value: 33.7e6,
        unit: "USD".into(),
    }];
    let docs = [
        (
            "almaty",
            ALMATY,
            Extraction {
                facts: vec![
                    investment,
                    fact(
                        ALMATY,
                        "369 jobs",
                        369.0,
                        "job",
                        "jobs",
                        "Almaty Industrial Zone",
                        "2025",
                        Status::Planned,
                    ),
                ],
                entities: vec![
                    entity("Almaty", EntityKind::City, None, &["Almaty", "Alma-Ata"]),
                    entity(
                        "Almaty Industrial Zone",
                        EntityKind::Zone,
                        Some("Alatau district"),
                        &["AIZ"],
                    ),
                ],
                date: date("2024-02-01"),
                date_source: Some(DateSource::Header),
                lang: almanac_extract::Lang::English,
                diagnostics: Vec::new(),
            },
        ),
        (
            "alatau",
            ALATAU,
            Extraction {
                facts: vec![
                    fact(
                        ALATAU,
                        "3 schools",
                        3.0,
                        "school",
                        "infrastructure",
                        "Alatau district",
                        "2024",
                        Status::Actual,
                    ),
                    Fact {
                        value_high: Some(12.0),
                        ..fact(
                            ALATAU,
                            "10-12 parks",
                            10.0,
                            "park",
                            "infrastructure",
                            "Alatau district",
                            "2024/2030",
                            Status::Planned,
                        )
                    },
                ],
                entities: vec![entity(
                    "Alatau district",
                    EntityKind::District,
                    Some("Almaty"),
                    &["Alatau district"],
                )],
                date: date("2024-06-10"),
                date_source: Some(DateSource::Metadata),
                lang: almanac_extract::Lang::English,
                diagnostics: Vec::new(),
            },
        ),
        (
            "astana",
            ASTANA,
            Extraction {
                facts: vec![fact(
                    ASTANA,
                    "5.5 percent",
                    5.5,
                    "%",
                    "economy",
                    "Astana",
                    "2024-Q1",
                    Status::Actual,
                )],
                entities: vec![entity(
                    "Astana",
                    EntityKind::City,
                    None,
                    &["Astana", "Nur-Sultan"],
                )],
                date: date("2024-04-15"),
                date_source: None,
                lang: almanac_extract::Lang::English,
                diagnostics: Vec::new(),
            },
        ),
    ];
    for (id, text, extraction) in &docs {
        let mut doc = NewDocument::new(id, id, text);
        doc.title = Some("A title");
        store
            .put(&doc, extraction, almanac_extract::EXTRACTOR_VERSION, false)
            .unwrap();
    }
    path
}

fn almanac(db: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(args)
        .env("ALMANAC_DB", db)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "almanac {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(db: &Path, args: &[&str]) -> String {
    String::from_utf8(almanac(db, args).stdout).unwrap()
}

/// The `text` of each fact printed as JSON.
fn figures(db: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["facts", "--format", "json"];
    all.extend_from_slice(args);
    let json: serde_json::Value = serde_json::from_str(&stdout(db, &all)).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn facts_each_filter() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(dir.path());
    let cases: &[(&[&str], &[&str])] = &[
        (
            &[],
            &[
                "15 billion tenge",
                "369 jobs",
                "3 schools",
                "10-12 parks",
                "5.5 percent",
            ],
        ),
        (&["--subject", "alma-ata"], &["15 billion tenge"]),
        (&["--subject", "AIZ"], &["369 jobs"]),
        (
            &["--subject", "Almaty", "--within"],
            &["15 billion tenge", "369 jobs", "3 schools", "10-12 parks"],
        ),
        (
            &["--metric", "infrastructure"],
            &["3 schools", "10-12 parks"],
        ),
        (&["--metric", "jobs,economy"], &["369 jobs", "5.5 percent"]),
        (&["--metric", "Jobs"], &["369 jobs"]),
        (&["--metric", "project_value,fdi"], &[]),
        (&["--measure", "change"], &["5.5 percent"]),
        (&["--status", "planned"], &["369 jobs", "10-12 parks"]),
        (&["--unit", "kzt"], &["15 billion tenge"]),
        (&["--period", "2024-05"], &["3 schools", "10-12 parks"]),
        (&["--period", "2028/2031"], &["10-12 parks"]),
        (&["--doc", "astana"], &["5.5 percent"]),
        (&["--text", "industrial zone"], &["369 jobs"]),
        (
            &["--text", "parks OR economy"],
            &["10-12 parks", "5.5 percent"],
        ),
        (
            &["--sort", "-value", "--limit", "2"],
            &["15 billion tenge", "369 jobs"],
        ),
        (&["--sort", "period", "--limit", "1"], &["15 billion tenge"]),
        (
            &[
                "--subject",
                "Almaty",
                "--within",
                "--status",
                "actual",
                "--period",
                "2024",
            ],
            &["3 schools"],
        ),
    ];
    for (args, want) in cases {
        assert_eq!(figures(&db, args), *want, "{args:?}");
    }
}

#[test]
fn facts_as_a_table_and_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(dir.path());
    let table = stdout(&db, &["facts", "--metric", "investment"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[0].starts_with("DOC") && lines[0].contains("SUBJECT"),
        "{table}"
    );
    assert!(
        lines[1].contains("15,000,000,000") && lines[1].contains("33,700,000"),
        "{table}"
    );

    let csv = stdout(&db, &["facts", "--format", "csv", "--doc", "almaty"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let get = |row: &csv::StringRecord, name: &str| {
        row[header.iter().position(|h| h == name).unwrap()].to_string()
    };
    assert_eq!(get(&rows[0], "value"), "15000000000");
    assert_eq!(get(&rows[0], "value_usd"), "33700000");
    assert_eq!(get(&rows[0], "usd_rate_source"), "text");
    assert_eq!(get(&rows[0], "doc_date"), "2024-02-01");
    assert_eq!(get(&rows[1], "period_start"), "2025-01-01");
    assert_eq!(get(&rows[1], "status"), "planned");
}

#[test]
fn facts_reports_bad_filters_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(dir.path());
    for (args, needle) in [
        (&["facts", "--period", "2023-13"][..], "not a period"),
        (
            &["facts", "--status", "done"][..],
            "[possible values: actual, planned]",
        ),
        (
            &["facts", "--measure", "size"][..],
            "level, change, index, share",
        ),
        (
            &["export", "-o", "-", "--status", "done"][..],
            "possible values",
        ),
        (&["check", "--metric", "jbos"][..], "possible values"),
        (&["timeline", "Almaty", "gpd"][..], "possible values"),
        (
            &["facts", "--subject", "Almatty"][..],
            "did you mean \"Almaty\"",
        ),
        (
            &["check", "--subject", "Nowhere-on-earth"][..],
            "no place or organisation",
        ),
        (
            &["promises", "--subject", "Astanaa"][..],
            "did you mean \"Astana\"",
        ),
        (&["entities", "--kind", "village"][..], "possible values"),
        (&["facts", "--sort", "size"][..], "unknown sort"),
        (&["facts", "--text", "AND ("][..], "invalid text search"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_almanac"))
            .args(args)
            .env("ALMANAC_DB", &db)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    // An unknown metric is an error that lists every metric of FACTS.md, not an empty
    // answer.
    let out = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(["facts", "--metric", "investmnets"])
        .env("ALMANAC_DB", &db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for metric in [
        "investment",
        "fdi",
        "project_value",
        "trade",
        "budget",
        "housing",
    ] {
        assert!(err.contains(metric), "{err}");
    }
    // Querying a ledger that does not exist does not create one.
    let missing = dir.path().join("missing.db");
    let out = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(["facts", "--db"])
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no ledger"));
    assert!(!missing.exists());
}

#[test]
fn docs_show_and_entities() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(dir.path());
    let docs = stdout(&db, &["docs", "--newest"]);
    let order: Vec<&str> = docs
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(order, ["alatau", "astana", "almaty"]);
    let csv = stdout(&db, &["docs", "--format", "csv"]);
    assert!(csv.starts_with("doc,date,date_source,lang,facts"), "{csv}");

    let shown = stdout(&db, &["show", "almaty", "--color", "never"]);
    assert!(
        shown.contains("Almaty attracted [15 billion tenge] ($33.7 million)"),
        "{shown}"
    );
    assert!(shown.contains("will create [369 jobs] by 2025"), "{shown}");
    let coloured = stdout(&db, &["show", "almaty", "--color", "always"]);
    assert!(
        coloured.contains("\x1b[1;32m15 billion tenge\x1b[0m"),
        "{coloured}"
    );
    assert!(coloured.contains("\x1b[1;33m369 jobs\x1b[0m"), "{coloured}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&db, &["show", "almaty", "--json"])).unwrap();
    assert_eq!(json["facts"].as_array().unwrap().len(), 2);
    assert_eq!(json["text"], ALMATY);

    let entities = stdout(&db, &["entities"]);
    let first = entities.lines().nth(1).unwrap();
    assert!(
        first.starts_with("Alatau district") && first.contains("Almaty"),
        "{entities}"
    );
    let within: serde_json::Value = serde_json::from_str(&stdout(
        &db,
        &["entities", "--within", "Almaty", "--format", "json"],
    ))
    .unwrap();
    let names: Vec<&str> = within
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Alatau district", "Almaty", "Almaty Industrial Zone"]
    );

    let out = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(["show", "nowhere"])
        .env("ALMANAC_DB", &db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no document \"nowhere\""));
}

#[test]
fn export_csv_and_jsonl_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(dir.path());
    let csv_path = dir.path().join("facts.csv");
    almanac(
        &db,
        &[
            "export",
            "-o",
            csv_path.to_str().unwrap(),
            "--status",
            "planned",
        ],
    );
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let texts: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[3].to_string())
        .collect();
    assert_eq!(texts, ["369 jobs", "10-12 parks"]);

    // Equivalents as the JSON array of the JSONL record, as in Parquet.
    let csv_all = dir.path().join("all.csv");
    almanac(&db, &["export", "-o", csv_all.to_str().unwrap()]);
    let mut reader = csv::Reader::from_path(&csv_all).unwrap();
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "equivalents")
        .unwrap();
    let high = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "value_high")
        .unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][column], r#"[{"value":33700000,"unit":"USD"}]"#);
    let highs: Vec<&str> = rows.iter().map(|r| &r[high]).collect();
    assert_eq!(highs, ["", "", "", "12", ""]);

    let jsonl_path = dir.path().join("all.jsonl");
    almanac(
        &db,
        &[
            "export",
            "--format",
            "jsonl",
            "-o",
            jsonl_path.to_str().unwrap(),
        ],
    );
    let facts: Vec<serde_json::Value> = std::fs::read_to_string(&jsonl_path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(facts.len(), 5);
    // Each line is a FACTS.md fact, plus the ledger's own fields.
    let first = &facts[0];
    assert_eq!(first["doc"], "almaty");
    assert_eq!(first["value"], 15e9);
    assert_eq!(first["period"], "2023");
    assert_eq!(first["equivalents"][0]["unit"], "USD");
    assert_eq!(first["span"], serde_json::json!([17, 33]));
    assert_eq!(first["value_usd"], 33.7e6);
    // `value_high` follows `value`, null when the figure is not a range.
    let jsonl = std::fs::read_to_string(&jsonl_path).unwrap();
    assert!(
        jsonl.contains(r#""value":15000000000.0,"value_high":null,"unit":"KZT""#),
        "{jsonl}"
    );
    assert_eq!(first["value_high"], serde_json::Value::Null);
    let parks = facts.iter().find(|f| f["text"] == "10-12 parks").unwrap();
    assert_eq!(
        (&parks["value"], &parks["value_high"]),
        (&10.0.into(), &12.0.into())
    );
    let fact: Fact = serde_json::from_value(first.clone()).unwrap();
    assert_eq!(fact.text, "15 billion tenge");
    let fact: Fact = serde_json::from_value(parks.clone()).unwrap();
    assert_eq!(fact.value_high, Some(12.0));
}

#[cfg(feature = "parquet")]
#[test]
fn export_parquet_reads_back() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    let dir = tempfile::tempdir().unwrap();
    let db = ledger(dir.path());
    let path = dir.path().join("facts.parquet");
    almanac(
        &db,
        &["export", "-o", path.to_str().unwrap(), "--sort", "-value"],
    );
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 5);
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let field = |row: &parquet::record::Row, name: &str| {
        row.get_column_iter()
            .find(|(n, _)| n.as_str() == name)
            .map(|(_, f)| f.clone())
            .unwrap()
    };
    assert_eq!(
        field(&rows[0], "text"),
        Field::Str("15 billion tenge".into())
    );
    assert_eq!(field(&rows[0], "value"), Field::Double(15e9));
    assert_eq!(field(&rows[0], "value_usd"), Field::Double(33.7e6));
    assert!(matches!(field(&rows[0], "doc_date"), Field::Date(d) if d == 19754));
    assert_eq!(
        field(&rows[0], "equivalents"),
        Field::Str(r#"[{"value":33700000,"unit":"USD"}]"#.into())
    );
    assert_eq!(field(&rows[4], "equivalents"), Field::Null);
    assert_eq!(field(&rows[4], "value"), Field::Double(3.0));
    assert_eq!(field(&rows[4], "value_usd"), Field::Null);
    assert_eq!(field(&rows[0], "value_high"), Field::Null);
    assert_eq!(field(&rows[2], "text"), Field::Str("10-12 parks".into()));
    assert_eq!(field(&rows[2], "value_high"), Field::Double(12.0));
}

#[cfg(not(feature = "parquet"))]
#[test]
fn export_parquet_without_the_feature_says_how_to_get_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(dir.path());
    let path = dir.path().join("facts.parquet");
    let out = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(["export", "-o"])
        .arg(&path)
        .env("ALMANAC_DB", &db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--features parquet"));
    assert!(!path.exists());
}

#[test]
fn every_command_documents_its_exit_status() {
    for args in [
        &["--help"][..],
        &["ingest", "--help"],
        &["facts", "--help"],
        &["check", "-h"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_almanac"))
            .args(args)
            .output()
            .unwrap();
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("Exit status:"), "{args:?}: {help}");
        for code in ["  0  ", "  1  ", "  2  "] {
            assert!(help.contains(code), "{args:?}: {help}");
        }
    }
}

#[test]
fn alert_kinds_are_named_as_in_the_alerts() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(dir.path());
    let json = stdout(
        &db,
        &[
            "check",
            "--kind",
            "part_exceeds_whole,part-exceeds-whole,conflict",
            "--format",
            "json",
        ],
    );
    assert!(serde_json::from_str::<serde_json::Value>(&json)
        .unwrap()
        .is_array());
}

#[test]
fn a_closed_pipe_is_not_an_error_whatever_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("big.db");
    {
        let mut store = Store::open(&db).unwrap();
        let articles: Vec<_> = almanac_gen::articles(5, 400)
            .map(|a| {
                let extraction = a.extraction();
                (a, extraction)
            })
            .collect();
        let items: Vec<_> = articles
            .iter()
            .map(|(a, extraction)| (NewDocument::new(&a.id, "gen.jsonl", &a.text), extraction))
            .collect();
        for put in store.put_batch(&items, "test", false).unwrap() {
            put.unwrap();
        }
    }
    // Each prints far more than a pipe holds, so that it writes into the closed pipe.
    for args in [
        &["facts", "--format", "json", "--limit", "0"][..],
        &["facts", "--format", "jsonl", "--limit", "0"],
        &["facts", "--format", "csv", "--limit", "0"],
        &["facts", "--limit", "0"],
        &["docs", "--format", "json", "--limit", "0"],
        &["docs", "--format", "jsonl", "--limit", "0"],
        &["docs", "--format", "csv", "--limit", "0"],
        &["export", "--format", "csv", "-o", "-"],
        &["export", "--format", "jsonl", "-o", "-"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_almanac"))
            .args(args)
            .env("ALMANAC_DB", &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}
