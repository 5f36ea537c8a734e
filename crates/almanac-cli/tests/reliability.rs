//! What almanac promises whatever arrives (README, "Reliability"), held by the binary as
//! users run it: every document id kept, a read-only ledger still answers, errors say
//! what to do, limits are reported, hostile inputs are read in bounded time.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use almanac_store::Store;

fn almanac(args: &[&str], db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(args)
        .arg("--db")
        .arg(db)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const PLANTS: &str = "Karaganda region opened 5 plants in 2023.";
const FARMS: &str = "Karaganda region opened 7 farms in 2024.";

// Data safety: the same text under two ids.

#[test]
fn two_records_with_the_same_text_are_both_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let feed = dir.path().join("feed.jsonl");
    fs::write(
        &feed,
        format!(
            "{{\"id\": \"a\", \"text\": \"{PLANTS}\"}}\n{{\"id\": \"b\", \"title\": \"Wire copy\", \"text\": \"{PLANTS}\"}}\n"
        ),
    )
    .unwrap();
    let out = almanac(&["ingest", feed.to_str().unwrap()], &db);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("1 new, 0 updated, 0 unchanged, 0 failed"),
        "{stdout}"
    );
    assert!(stdout.contains("1 duplicates"), "{stdout}");

    let out = almanac(&["show", "b"], &db);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("same text as a"), "{stdout}");
    assert!(stdout.contains("[5 plants]"), "{stdout}");
    let out = almanac(&["docs", "--format", "csv"], &db);
    let (stdout, _) = text(&out);
    let rows: Vec<&str> = stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{stdout}");
    assert!(
        rows[1].starts_with("b,") && rows[1].ends_with(",a"),
        "{stdout}"
    );

    // a is re-ingested with a new text: b keeps the old one, with its facts.
    fs::write(&feed, format!("{{\"id\": \"a\", \"text\": \"{FARMS}\"}}\n")).unwrap();
    let out = almanac(&["ingest", feed.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", text(&out).1);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.document("b").unwrap().unwrap().text, PLANTS);
    assert_eq!(store.document("a").unwrap().unwrap().text, FARMS);
    let out = almanac(&["facts", "--doc", "b", "--format", "csv"], &db);
    assert!(text(&out).0.contains("5 plants"), "{}", text(&out).0);
    store.check_integrity().unwrap();
}
