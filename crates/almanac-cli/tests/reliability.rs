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

// A read-only ledger.

/// Makes `dir` (holding a ledger) unwritable for whoever runs the tests: remounted
/// read-only where it is a tmpfs this test could mount (root, where permission bits stop
/// nothing), else by permission bits. Returns what to do to undo it.
fn make_read_only(dir: &Path, mounted: bool) {
    if mounted {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(dir)
            .status()
            .unwrap();
        assert!(status.success());
    } else {
        use std::os::unix::fs::PermissionsExt;
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        }
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
    }
}

#[test]
fn a_read_only_ledger_answers_every_query_and_refuses_writes_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("shared-drive");
    fs::create_dir(&dir).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=32m", "tmpfs"])
        .arg(&dir)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let db = dir.join("ledger.db");
    let series = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/series");
    assert!(almanac(&["ingest", "-q", series], &db).status.success());
    let export = tmp.path().join("facts.csv");
    make_read_only(&dir, mounted);

    let doc = Store::open_read_only(&db)
        .unwrap()
        .documents(&Default::default())
        .unwrap()[0]
        .doc
        .clone();
    let queries: [&[&str]; 8] = [
        &["facts", "--limit", "3"],
        &["docs"],
        &["show", &doc],
        &["entities"],
        &["timeline", "Karaganda region", "investment"],
        &["check"],
        &["promises"],
        &["export", "--format", "csv", "-o", export.to_str().unwrap()],
    ];
    for args in queries {
        let out = almanac(args, &db);
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(!stdout.is_empty() || args[0] == "export", "{args:?}");
    }
    assert!(fs::metadata(&export).unwrap().len() > 100);

    let out = almanac(&["ingest", series], &db);
    assert_eq!(out.status.code(), Some(2));
    let (_, stderr) = text(&out);
    assert!(stderr.contains("is read-only"), "{stderr}");
    assert!(stderr.contains("queries"), "{stderr}");
    let out = almanac(&["reindex"], &db);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).1.contains("is read-only"), "{}", text(&out).1);

    if mounted {
        let _ = Command::new("umount").arg(&dir).status();
    } else {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

// Errors a person can act on, before anything is printed.

#[test]
fn wrong_arguments_are_errors_that_say_what_is_wrong_before_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let series = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/series");
    assert!(almanac(&["ingest", "-q", series], &db).status.success());
    let out_dir = dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let out_dir_slash = format!("{}/", out_dir.display());
    let missing_dir = dir.path().join("none/facts.csv");
    let cases: &[(&[&str], &str)] = &[
        (
            &["facts", "--text", "\"", "--format", "csv"],
            "invalid text search",
        ),
        (
            &["facts", "--text", "*", "--format", "csv"],
            "invalid text search",
        ),
        (
            &["facts", "--text", "jobs OR", "--format", "json"],
            "invalid text search",
        ),
        (
            &["facts", "--text", "(plants", "--format", "csv"],
            "a prefix*",
        ),
        (
            &["export", "--format", "csv", "-o", "-", "--text", "\""],
            "invalid text search",
        ),
        (
            &["export", "--format", "csv", "-o", &out_dir_slash],
            "is a directory",
        ),
        (
            &["export", "--format", "csv", "-o", out_dir.to_str().unwrap()],
            "is a directory",
        ),
        (
            &[
                "export",
                "--format",
                "csv",
                "-o",
                missing_dir.to_str().unwrap(),
            ],
            "does not exist",
        ),
        (
            &["facts", "--period", "2025/2021"],
            "did you mean 2021/2025?",
        ),
        (
            &["docs", "--period", "2025/2021"],
            "ends (2021-12-31) before it starts",
        ),
        (
            &["facts", "--subject", "Karaganda regoin", "--format", "csv"],
            "did you mean",
        ),
        (
            &["facts", "--subject", "Atlantis"],
            "no place or organisation \"Atlantis\"",
        ),
        (
            &["timeline", "Atlantis", "investment"],
            "no place or organisation",
        ),
        (
            &["promises", "--subject", "Atlantis"],
            "no place or organisation",
        ),
        (
            &["facts", "--metric", "happiness"],
            "invalid value 'happiness'",
        ),
    ];
    for (args, says) in cases {
        let out = almanac(args, &db);
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stdout.is_empty(),
            "{args:?} printed {stdout:?} before its error"
        );
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!stderr.contains("SQL logic error"), "{args:?}: {stderr}");
    }
    assert_eq!(fs::read_dir(&out_dir).unwrap().count(), 0);
    // And the right spellings work.
    for args in [
        &["facts", "--subject", "karaganda region", "--format", "csv"][..],
        &[
            "facts",
            "--text",
            "\"industrial zone\" OR invest*",
            "--format",
            "csv",
        ],
    ] {
        let out = almanac(args, &db);
        assert!(out.status.success(), "{args:?}: {}", text(&out).1);
        assert!(text(&out).0.lines().count() > 1, "{args:?}");
    }
}
