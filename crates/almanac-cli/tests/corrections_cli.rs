//! `almanac correct` and `almanac corrections` as the user runs them: a correction made,
//! then the document re-extracted (`reindex`), ingested again (`--force`), the corrections
//! exported and imported into a fresh ledger; the corrected fields hold throughout, in
//! `facts` and in the analyses (`timeline`, and `check`, whose magnitude alert the
//! correction answers).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const ARTICLE: &str = " date 2024-02-10
KARAGANDA. In 2023 the industrial output of Karaganda region reached 1.5 billion tenge, the regional akimat said.
The region also attracted 320 billion tenge of investment in 2023.
In 2022 the industrial output of Karaganda region was 1.3 trillion tenge.
";

/// The magnitude alerts `check` raises, as JSON.
fn magnitude_alerts(db: &Path) -> Vec<Value> {
    let out = almanac(&["check", "--kind", "magnitude", "--format", "json"], db);
    serde_json::from_slice(&out.stdout).unwrap()
}

fn almanac(args: &[&str], db: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_almanac"));
    cmd.args(args).arg("--db").arg(db);
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "almanac {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn facts(db: &Path) -> Vec<Value> {
    let out = almanac(&["facts", "--format", "json", "--limit", "0"], db);
    serde_json::from_slice(&out.stdout).unwrap()
}

fn by_text<'a>(facts: &'a [Value], text: &str) -> Option<&'a Value> {
    facts.iter().find(|f| f["text"] == text)
}

/// The corrections hold: the output figure is 1.5 trillion about Karaganda region in
/// 2023, the investment figure is gone.
fn assert_corrected(db: &Path) {
    let all = facts(db);
    let output = by_text(&all, "1.5 billion tenge").expect("the output fact");
    assert_eq!(output["value"], 1.5e12, "{output}");
    assert_eq!(output["metric"], "output");
    assert_eq!(output["subject"], "Karaganda region");
    assert_eq!(output["period"], "2023");
    assert_eq!(output["value_kzt"], 1.5e12);
    assert!(by_text(&all, "320 billion tenge").is_none(), "rejected");
    let table = almanac(&["facts", "--subject", "Karaganda region"], db);
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.contains("1,500,000,000,000*"), "{table}");
    assert!(table.contains("corrected by a person"), "{table}");
    // The analyses read the corrected facts.
    let series = almanac(
        &["timeline", "Karaganda region", "output", "--format", "json"],
        db,
    );
    let series: Value = serde_json::from_slice(&series.stdout).unwrap();
    let of_2023 = series["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["period"] == "2023")
        .expect("a 2023 point");
    assert_eq!(of_2023["readings"][0]["value"], 1.5e12, "{series}");
    // Billion beside the 2022 figure's trillion was a slip: corrected, no longer one.
    assert_eq!(magnitude_alerts(db), Vec::<Value>::new());
}

#[test]
fn corrections_survive_reindex_re_ingest_and_travel_to_another_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("karaganda-2024.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let article = article.to_str().unwrap();
    let db = dir.path().join("ledger.db");
    almanac(&["ingest", article, "--quiet"], &db);

    let all = facts(&db);
    let output = by_text(&all, "1.5 billion tenge").expect("the extractor finds it");
    let investment = by_text(&all, "320 billion tenge").expect("the extractor finds it");
    // As extracted, 1.5 billion beside 1.3 trillion a year before is a slip `check` sees.
    let slips = magnitude_alerts(&db);
    assert_eq!(slips.len(), 1, "{slips:?}");
    assert!(
        slips[0]["explanation"]
            .as_str()
            .unwrap()
            .contains("\"1.5 billion tenge\""),
        "{slips:?}"
    );
    let (output_id, investment_id) = (
        output["id"].as_i64().unwrap().to_string(),
        investment["id"].as_i64().unwrap().to_string(),
    );
    let out = almanac(
        &[
            "correct",
            &output_id,
            "--value",
            "1.5e12",
            "--subject",
            "Qaragandy region",
            "--metric",
            "industrial output",
            "--period",
            "2023",
            "--note",
            "trillion, as in the other years",
        ],
        &db,
    );
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["value"], 1.5e12);
    almanac(&["correct", &investment_id, "--reject"], &db);
    assert_corrected(&db);

    almanac(&["reindex", "--all", "--quiet"], &db);
    assert_corrected(&db);
    almanac(&["ingest", article, "--force", "--quiet"], &db);
    assert_corrected(&db);

    let exported = dir.path().join("corrections.jsonl");
    almanac(
        &["corrections", "export", "-o", exported.to_str().unwrap()],
        &db,
    );
    let lines = std::fs::read_to_string(&exported).unwrap();
    assert_eq!(lines.lines().count(), 2, "{lines}");
    assert!(
        lines.contains("\"note\":\"trillion, as in the other years\""),
        "{lines}"
    );

    // A fresh ledger: the corrections first, then the text.
    let fresh = dir.path().join("fresh.db");
    let out = almanac(
        &["corrections", "import", exported.to_str().unwrap()],
        &fresh,
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("2 corrections imported, 0 apply"), "{said}");
    almanac(&["ingest", article, "--quiet"], &fresh);
    assert_corrected(&fresh);
    let listed = almanac(&["corrections"], &fresh);
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.contains("rejected"), "{listed}");
    assert!(listed.contains("subject Karaganda region"), "{listed}");

    // Undone: the extracted figure again.
    let id = by_text(&facts(&fresh), "1.5 billion tenge").unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();
    almanac(&["correct", &id, "--undo"], &fresh);
    let back = facts(&fresh);
    assert_eq!(by_text(&back, "1.5 billion tenge").unwrap()["value"], 1.5e9);
}

#[test]
fn a_correction_needs_a_fact_and_a_field() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("k.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let db = dir.path().join("ledger.db");
    almanac(&["ingest", article.to_str().unwrap(), "--quiet"], &db);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_almanac"))
            .args(args)
            .arg("--db")
            .arg(&db)
            .output()
            .unwrap()
    };
    let out = run(&["correct", "99999", "--value", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no fact #99999"));
    let out = run(&["correct", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to correct"));
    let out = run(&["correct", "1", "--metric", "weather"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["correct", "1", "--subject", "Karagandaa"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean \"Karaganda\""));
}

#[test]
fn promises_are_judged_on_the_corrected_facts() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("plan.txt"),
        " date 2024-02-10\nKARAGANDA. The regional akimat plans to attract 400 billion tenge \
         of investment in Karaganda region in 2025.\n",
    )
    .unwrap();
    std::fs::write(
        docs.join("report.txt"),
        " date 2026-02-12\nKARAGANDA. In 2025 Karaganda region attracted 410 billion tenge of \
         investment, the regional akimat said.\n",
    )
    .unwrap();
    let db = dir.path().join("ledger.db");
    almanac(&["ingest", docs.to_str().unwrap(), "--quiet"], &db);
    let verdict = |db: &Path| -> (String, Option<f64>) {
        let out = almanac(&["promises", "--format", "json"], db);
        let found: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(found.as_array().unwrap().len(), 1, "{found:#}");
        (
            found[0]["verdict"].as_str().unwrap().to_string(),
            found[0]["ratio"]
                .as_f64()
                .map(|r| (r * 100.0).round() / 100.0),
        )
    };
    assert_eq!(verdict(&db), ("kept".to_string(), Some(1.02)));

    let all = facts(&db);
    let id = |text: &str| {
        by_text(&all, text).unwrap()["id"]
            .as_i64()
            .unwrap()
            .to_string()
    };
    // The target was 800 billion: 410 of it is partly kept.
    almanac(
        &["correct", &id("400 billion tenge"), "--value", "8e11"],
        &db,
    );
    assert_eq!(verdict(&db), ("partly_kept".to_string(), Some(0.51)));
    // The report was spurious: the promise is unreported, not broken.
    almanac(&["correct", &id("410 billion tenge"), "--reject"], &db);
    assert_eq!(verdict(&db), ("unreported".to_string(), None));
}
