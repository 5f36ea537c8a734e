//! The binary on a PostgreSQL ledger (`--db postgres://...`), where `ALMANAC_TEST_PG`
//! names a server (as under `.ci/run`; each test in a schema of its own): the same
//! answers as SQLite, two ingests at once counted exactly, a killed ingest losing nothing
//! it committed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use almanac_extract::{extract, DocContext};
use almanac_store::{pg, DocFilter, Ledger, PgStore, Store};

/// A ledger address of its own on the test server, or `None` without one (never in CI).
fn scratch() -> Option<String> {
    match std::env::var("ALMANAC_TEST_PG") {
        Ok(url) if !url.is_empty() => Some(pg::scratch_schema(&url).unwrap()),
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI runs the PostgreSQL tests: set ALMANAC_TEST_PG"
            );
            None
        }
    }
}

fn almanac(args: &[&str], db: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(args)
        .args(["--db", db])
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn corpus(dir: &Path, seed: u64, n_docs: u64) -> PathBuf {
    let path = dir.join(format!("corpus-{seed}-{n_docs}.jsonl"));
    let jsonl: String = almanac_gen::articles(seed, n_docs)
        .map(|article| article.to_jsonl() + "\n")
        .collect();
    fs::write(&path, jsonl).unwrap();
    path
}

/// (documents, duplicates, facts) of a ledger that passes its integrity check.
fn counts(store: &dyn Ledger) -> (u64, u64, u64) {
    store.check_integrity().unwrap();
    let stats = store.stats().unwrap();
    (stats.documents, stats.duplicates, stats.facts)
}

#[test]
fn a_postgresql_ledger_answers_as_an_sqlite_one() {
    let Some(url) = scratch() else { return };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = dir.path().join("ledger.db");
    let sqlite = sqlite.to_str().unwrap();
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/news");
    for db in [sqlite, url.as_str()] {
        stdout(&almanac(&["ingest", "-q", examples], db));
    }
    // Everything but the time of ingest.
    for query in [
        &["facts", "--format", "json"][..],
        &[
            "facts",
            "--subject",
            "almaty",
            "--within",
            "--format",
            "csv",
        ],
        &["facts", "--metric", "investment", "--sort", "-value_usd"],
        &["facts", "--text", "industrial zone", "--format", "csv"],
        &["facts", "--text", "invest* OR \"special economic zone\""],
        &["facts", "--period", "2023", "--status", "planned"],
        &["entities", "--format", "json"],
        &["check", "--format", "json"],
        &["promises"],
        &["docs", "--format", "json"],
    ] {
        let without_times = |out: String| -> String {
            out.lines()
                .filter(|l| !l.contains("ingested_at"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let want = without_times(stdout(&almanac(query, sqlite)));
        let got = without_times(stdout(&almanac(query, &url)));
        if query[0] != "check" {
            // The example corpus holds no inconsistency: `check` answers `[]` on both.
            assert!(want.lines().count() > 1, "{query:?}: {want}");
        }
        assert_eq!(got, want, "{query:?}");
    }

    // Corrections: the same edits read back the same on both, through every query.
    for db in [sqlite, url.as_str()] {
        stdout(&almanac(
            &[
                "correct",
                "3",
                "--subject",
                "Astana",
                "--period",
                "2019",
                "--value",
                "12",
            ],
            db,
        ));
        stdout(&almanac(&["correct", "5", "--reject"], db));
        stdout(&almanac(&["correct", "7", "--metric", "fdi"], db));
        stdout(&almanac(&["correct", "7", "--undo"], db));
    }
    for query in [
        &["facts", "--format", "json"][..],
        &["facts", "--subject", "Astana", "--format", "csv"],
        &["corrections", "export"],
        &["timeline", "Astana", "investment", "--format", "json"],
    ] {
        let without_times = |out: String| -> String {
            out.lines()
                .map(|l| {
                    let cut = l.find("\"corrected_at\"").unwrap_or(l.len());
                    l[..cut].to_string()
                })
                .filter(|l| !l.contains("ingested_at"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let want = without_times(stdout(&almanac(query, sqlite)));
        let got = without_times(stdout(&almanac(query, &url)));
        assert_eq!(got, want, "{query:?}");
    }
    let exported = stdout(&almanac(&["corrections", "export"], &url));
    assert_eq!(exported.lines().count(), 2, "{exported}");
    assert!(exported.contains("\"reject\":true"), "{exported}");
    let exported: Vec<String> = [sqlite, url.as_str()]
        .iter()
        .enumerate()
        .map(|(i, db)| {
            let file = dir.path().join(format!("export-{i}.csv"));
            let file = file.to_str().unwrap();
            stdout(&almanac(&["export", "--format", "csv", "-o", file], db));
            fs::read_to_string(file).unwrap()
        })
        .collect();
    assert!(exported[0].lines().count() > 200);
    assert_eq!(exported[1], exported[0]);

    // The dashboard serves the PostgreSQL ledger (the API itself is tested on both in
    // crates/almanac-server).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut server = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(["serve", "--addr", &addr, "--db", &url])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let answer = loop {
        use std::io::{Read, Write};
        if let Ok(mut stream) = std::net::TcpStream::connect(&addr) {
            let head = "GET /api/facts?metric=jobs&size=1 HTTP/1.1\r\nHost: localhost\r\n\
                        Connection: close\r\n\r\n";
            stream.write_all(head.as_bytes()).unwrap();
            let mut answer = String::new();
            stream.read_to_string(&mut answer).unwrap();
            break answer;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "serve did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"metric\":\"jobs\""), "{answer}");

    // A query (or the dashboard) on a database that holds no ledger says so, and makes
    // none.
    let empty = scratch().unwrap();
    let out = almanac(&["serve"], &empty);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no ledger"));
    let out = almanac(&["facts"], &empty);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no ledger"));
}

#[test]
fn two_ingests_at_once_on_overlapping_corpora_store_each_document_once() {
    let Some(url) = scratch() else { return };
    let dir = tempfile::tempdir().unwrap();
    let both = corpus(dir.path(), 5, 1500);
    let first = corpus(dir.path(), 5, 1000);
    let spawn = |path: &Path| {
        Command::new(env!("CARGO_BIN_EXE_almanac"))
            .args(["ingest", "-q", path.to_str().unwrap(), "--db", &url])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(&both), spawn(&first));
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let clean = dir.path().join("clean.db");
    stdout(&almanac(
        &["ingest", "-q", both.to_str().unwrap()],
        clean.to_str().unwrap(),
    ));
    let want = counts(&Store::open(&clean).unwrap());
    assert!(want.0 > 1000, "{want:?}");
    assert_eq!(counts(&PgStore::open(&url).unwrap()), want);
}

#[test]
// The child is waited for right after it is killed, inside the polling loop.
#[allow(clippy::zombie_processes)]
fn a_killed_ingest_loses_nothing_it_committed_and_a_second_run_finishes() {
    let Some(url) = scratch() else { return };
    let dir = tempfile::tempdir().unwrap();
    // Several transactions' worth of documents, so that the kill lands mid-run.
    let n_docs = 6000;
    let corpus = corpus(dir.path(), 42, n_docs);
    let store = PgStore::open(&url).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(["ingest", corpus.to_str().unwrap(), "--db", &url])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(180);
    let stored_at_kill = loop {
        std::thread::sleep(Duration::from_millis(50));
        let stored = store.stats().map_or(0, |s| s.documents);
        if stored > 0 || Instant::now() > deadline {
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
            break stored;
        }
    };
    assert!(
        stored_at_kill > 0 && stored_at_kill < n_docs,
        "killed with {stored_at_kill} documents stored"
    );
    // What was seen committed is still there, and whole.
    let stats = store.stats().unwrap();
    let after_kill = stats.documents + stats.duplicates;
    assert!(after_kill >= stored_at_kill);
    store.check_integrity().unwrap();
    let docs = store.documents(&DocFilter::default()).unwrap();
    for summary in docs.iter().step_by((docs.len() / 40).max(1)) {
        let doc = store.document(&summary.doc).unwrap().unwrap();
        let ctx = DocContext {
            doc: &doc.summary.doc,
            date: doc.meta_date,
            lang: None,
        };
        assert_eq!(
            summary.facts,
            extract(&doc.text, &ctx).facts.len() as u64,
            "{}",
            summary.doc
        );
    }

    // A second run adds the rest, and nothing twice.
    let out = stdout(&almanac(&["ingest", corpus.to_str().unwrap()], &url));
    let clean = dir.path().join("clean.db");
    stdout(&almanac(
        &["ingest", "-q", corpus.to_str().unwrap()],
        clean.to_str().unwrap(),
    ));
    let want = counts(&Store::open(&clean).unwrap());
    assert_eq!(counts(&store), want, "{out}");
    assert!(
        out.contains(&format!("{after_kill} unchanged")),
        "{after_kill} stored before: {out}"
    );
}
