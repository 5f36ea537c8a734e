//! `almanac ingest` and `reindex` as the user runs them: real files in a temporary
//! directory, the binary, a ledger file. Facts come from the real extractor here, so the
//! checks are about documents and whether facts are whole, not about which facts.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use almanac_extract::{extract, DocContext, Extraction};
use almanac_store::{DocFilter, NewDocument, Store};

fn almanac(args: &[&str], db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap()
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn articles(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    fs::create_dir_all(corpus.join("2023")).unwrap();
    fs::write(
        corpus.join("almaty-2023-07.txt"),
        " date 2023-07-31\nAlmaty attracted 15 billion tenge ($33.7 million) of investment in 2023. \
         The Almaty Industrial Zone will create 369 jobs.\n",
    )
    .unwrap();
    fs::write(
        corpus.join("2023/shymkent.txt"),
        " date 2023-06-05\nIndustrial output in Shymkent grew 32.8% in January-May 2023.\n",
    )
    .unwrap();
    fs::write(
        corpus.join("feed.jsonl"),
        concat!(
            r#"{"id": "astana-q1", "date": "2024-04-15", "title": "Astana economy", "text": "Astana's economy grew 5.5 percent in the first quarter of 2024."}"#,
            "\n",
            r#"{"id": "schools", "date": "2024-02-01", "text": "53 schools are slated for construction in 2024-25 in Almaty region."}"#,
            "\n"
        ),
    )
    .unwrap();
    corpus
}

/// Every stored document has exactly the facts the extractor gives for it: nothing
/// half-written, nothing duplicated. Checks `sample` documents spread over the ledger.
fn assert_whole(db: &Path, sample: usize) {
    let store = Store::open(db).unwrap();
    let docs = store.documents(&DocFilter::default()).unwrap();
    let step = (docs.len() / sample.max(1)).max(1);
    for summary in docs.iter().step_by(step) {
        let doc = store.document(&summary.doc).unwrap().unwrap();
        let ctx = DocContext {
            doc: &doc.summary.doc,
            date: doc.meta_date,
            lang: None,
        };
        let want = extract(&doc.text, &ctx).facts.len() as u64;
        assert_eq!(
            summary.facts, want,
            "document {} has {} facts, extraction gives {want}",
            summary.doc, summary.facts
        );
    }
}

#[test]
fn ingest_is_idempotent_and_force_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = articles(dir.path());
    let db = dir.path().join("ledger.db");

    let out = almanac(&["ingest", corpus.to_str().unwrap()], &db);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("4 new, 0 updated, 0 unchanged, 0 failed"),
        "{stdout}"
    );
    let store = Store::open(&db).unwrap();
    let docs = store.documents(&DocFilter::default()).unwrap();
    let mut ids: Vec<&str> = docs.iter().map(|d| d.doc.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["almaty-2023-07", "astana-q1", "schools", "shymkent"]);
    let astana = docs.iter().find(|d| d.doc == "astana-q1").unwrap();
    assert_eq!(astana.title.as_deref(), Some("Astana economy"));
    assert!(astana.origin.ends_with("feed.jsonl:1"), "{}", astana.origin);
    let n_facts = store.stats().unwrap().facts;
    assert_whole(&db, 10);

    // Again: nothing changes.
    let out = almanac(&["ingest", corpus.to_str().unwrap()], &db);
    assert!(out.status.success());
    assert!(
        text(&out)
            .0
            .contains("0 new, 0 updated, 4 unchanged, 0 failed; 0 facts added"),
        "{}",
        text(&out).0
    );
    assert_eq!(store.stats().unwrap().facts, n_facts);

    // An edited file replaces its document.
    fs::write(
        corpus.join("2023/shymkent.txt"),
        " date 2023-06-05\nShymkent created 120 jobs in 2023.\n",
    )
    .unwrap();
    let out = almanac(&["ingest", corpus.to_str().unwrap()], &db);
    assert!(
        text(&out).0.contains("0 new, 1 updated, 3 unchanged"),
        "{}",
        text(&out).0
    );
    assert_eq!(store.stats().unwrap().documents, 4);
    assert!(store
        .document("shymkent")
        .unwrap()
        .unwrap()
        .text
        .contains("120 jobs"));
    assert_whole(&db, 10);

    // --force re-extracts everything, without duplicating a fact.
    let out = almanac(&["ingest", "--force", corpus.to_str().unwrap()], &db);
    assert!(
        text(&out).0.contains("0 new, 4 updated, 0 unchanged"),
        "{}",
        text(&out).0
    );
    let after = store.stats().unwrap();
    assert_eq!(after.documents, 4);
    assert_whole(&db, 10);

    // The ledger in the directory it ingests is not read as a document.
    let db_inside = corpus.join("inside.db");
    almanac(&["ingest", corpus.to_str().unwrap()], &db_inside);
    let out = almanac(&["ingest", corpus.to_str().unwrap()], &db_inside);
    assert!(out.status.success(), "{}", text(&out).1);
}

#[test]
fn ingest_reads_stdin_and_the_env_variable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(["ingest", "-"])
        .env("ALMANAC_DB", &db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b" date 2024-01-10\nThe city built 7 schools in 2023.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let store = Store::open(&db).unwrap();
    assert_eq!(store.stats().unwrap().documents, 1);
}

#[test]
fn reindex_re_extracts_documents_of_an_older_extractor() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    {
        let mut store = Store::open(&db).unwrap();
        let text = " date 2023-07-31\nAlmaty attracted 15 billion tenge of investment in 2023.";
        store
            .put(
                &NewDocument::new("old", "old.txt", text),
                &Extraction::default(),
                "0.0.1+rules.0",
                false,
            )
            .unwrap();
    }
    let out = almanac(&["reindex"], &db);
    assert!(out.status.success(), "{}", text(&out).1);
    assert!(
        text(&out).0.contains("re-extracted 1 documents"),
        "{}",
        text(&out).0
    );
    let store = Store::open(&db).unwrap();
    let doc = store.documents(&DocFilter::default()).unwrap().remove(0);
    assert_eq!(doc.extractor_version, almanac_extract::EXTRACTOR_VERSION);
    assert_whole(&db, 1);
    let out = almanac(&["reindex"], &db);
    assert!(text(&out).0.contains("already"), "{}", text(&out).0);
}

/// The `lang` of each document as `almanac docs --format json` shows it, by id.
fn doc_langs(db: &Path) -> Vec<(String, serde_json::Value)> {
    let out = almanac(&["docs", "--format", "json"], db);
    assert!(out.status.success(), "{}", text(&out).1);
    let docs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    docs.iter()
        .map(|d| (d["doc"].as_str().unwrap().to_string(), d["lang"].clone()))
        .collect()
}

fn facts_of(db: &Path, doc: &str) -> usize {
    let store = Store::open(db).unwrap();
    let docs = store.documents(&DocFilter::default()).unwrap();
    docs.iter().find(|d| d.doc == doc).unwrap().facts as usize
}

#[test]
fn each_document_is_stored_with_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(
        corpus.join("a-en.txt"),
        " date 2024-03-01\nTurkestan region opened 4 new plants in 2023, creating 610 jobs.\n",
    )
    .unwrap();
    fs::write(
        corpus.join("b-ru.txt"),
        " date 2024-03-01\nВ Туркестанской области в 2023 году открыто 4 новых завода, \
         создано 610 рабочих мест.\n",
    )
    .unwrap();
    fs::write(
        corpus.join("c-kk.txt"),
        " date 2024-03-01\nТүркістан облысында 2023 жылы 4 жаңа зауыт ашылды, 610 жұмыс орны \
         құрылды. Өңірге салынған инвестиция көлемі өсті.\n",
    )
    .unwrap();
    // Latin letters only, which detection reads as English: the JSONL `lang` decides.
    fs::write(
        corpus.join("d-feed.jsonl"),
        concat!(
            r#"{"id": "given-ru", "lang": "ru", "date": "2024-03-01", "text": "Shymkent: 2023 - 1,5 mlrd."}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = almanac(&["ingest", corpus.to_str().unwrap()], &db);
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    // The Kazakh text is named once, and stored without facts.
    assert_eq!(stderr.matches("Kazakh").count(), 1, "{stderr}");
    assert!(stderr.contains("c-kk.txt"), "{stderr}");

    // `--lang` for the documents that carry none; a document's own `lang` still wins.
    let feed = dir.path().join("more.jsonl");
    fs::write(
        &feed,
        concat!(
            r#"{"id": "flag-ru", "date": "2024-03-01", "text": "Aktobe: 2023 - 2,5 mlrd."}"#,
            "\n",
            r#"{"id": "own-en", "lang": "en", "date": "2024-03-01", "text": "Aktau: 2023 - 3,5 mlrd."}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = almanac(&["ingest", "--lang", "ru", feed.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", text(&out).1);

    let langs = doc_langs(&db);
    let expected: Vec<(String, serde_json::Value)> = [
        ("a-en", "en"),
        ("b-ru", "ru"),
        ("c-kk", "kk"),
        ("given-ru", "ru"),
        ("flag-ru", "ru"),
        ("own-en", "en"),
    ]
    .iter()
    .map(|(d, l)| (d.to_string(), serde_json::json!(l)))
    .collect();
    assert_eq!(langs, expected);
    assert!(facts_of(&db, "a-en") > 0);
    assert!(facts_of(&db, "b-ru") > 0);
    assert_eq!(facts_of(&db, "c-kk"), 0);

    // The CSV and the table carry it too, and `show` names it.
    let out = almanac(&["docs", "--format", "csv"], &db);
    let mut csv = csv::Reader::from_reader(&out.stdout[..]);
    let column = csv
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "lang")
        .unwrap();
    let csv_langs: Vec<String> = csv
        .records()
        .map(|r| r.unwrap()[column].to_string())
        .collect();
    assert_eq!(csv_langs, ["en", "ru", "kk", "ru", "ru", "en"]);
    let table = text(&almanac(&["docs"], &db)).0;
    assert!(table.lines().next().unwrap().contains("LANG"), "{table}");
    let line = table.lines().find(|l| l.starts_with("c-kk")).unwrap();
    assert!(line.split_whitespace().any(|cell| cell == "kk"), "{line}");
    let shown = text(&almanac(&["show", "b-ru"], &db)).0;
    assert!(shown.contains("lang:   ru (Russian)"), "{shown}");
    let shown = text(&almanac(&["show", "c-kk"], &db)).0;
    assert!(
        shown.contains("lang:   kk (Kazakh, not read yet"),
        "{shown}"
    );
}

#[test]
fn a_ledger_of_schema_4_shows_no_language_until_reindexed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let corpus = articles(dir.path());
    let out = almanac(&["ingest", corpus.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", text(&out).1);
    // Migration 5 only adds the column, 6 a table and indexes, 7 a column and the view
    // again (whose stand-in here it replaces), 8 a table: without them the ledger is one of
    // schema 4.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "ALTER TABLE documents DROP COLUMN lang; \
             DROP TABLE fact_counts; \
             DROP TABLE period_values; \
             DROP INDEX facts_metric_status; \
             DROP INDEX facts_metric_status_value; \
             DROP INDEX facts_metric_value; \
             DROP VIEW corrected_facts; \
             ALTER TABLE facts DROP COLUMN value_high; \
             CREATE VIEW corrected_facts AS SELECT * FROM facts; \
             DELETE FROM schema_migrations WHERE version >= 5;",
        )
        .unwrap();
    }
    let langs = doc_langs(&db);
    assert_eq!(langs.len(), 4);
    assert!(langs.iter().all(|(_, l)| l.is_null()), "{langs:?}");
    let shown = text(&almanac(&["show", "astana-q1"], &db)).0;
    assert!(shown.contains("lang:   -"), "{shown}");

    // The documents are of this extractor already; their unknown language makes them stale.
    let out = almanac(&["reindex"], &db);
    assert!(out.status.success(), "{}", text(&out).1);
    assert!(
        text(&out).0.contains("re-extracted 4 documents"),
        "{}",
        text(&out).0
    );
    let langs = doc_langs(&db);
    assert!(langs.iter().all(|(_, l)| l == "en"), "{langs:?}");
    assert_whole(&db, 4);

    // `--lang` is the language of the documents whose language is not known; a known one
    // stays.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE documents SET lang = NULL WHERE doc = 'astana-q1'",
        [],
    )
    .unwrap();
    drop(conn);
    let out = almanac(&["reindex", "--lang", "ru"], &db);
    assert!(out.status.success(), "{}", text(&out).1);
    assert!(
        text(&out).0.contains("re-extracted 1 documents"),
        "{}",
        text(&out).0
    );
    let langs = doc_langs(&db);
    let ru: Vec<&str> = langs
        .iter()
        .filter(|(_, l)| l == "ru")
        .map(|(d, _)| d.as_str())
        .collect();
    assert_eq!(ru, ["astana-q1"], "{langs:?}");
}

#[test]
fn bad_inputs_each_get_their_error_and_the_rest_lands() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = articles(dir.path());
    fs::write(
        corpus.join("latin1.txt"),
        b"Caf\xe9 investment grew 5% in 2023.\n",
    )
    .unwrap();
    fs::write(
        corpus.join("blob.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0],
    )
    .unwrap();
    fs::write(corpus.join("empty.txt"), b"").unwrap();
    let line = "Residents took part in the public hearing on the new industrial park.\n";
    fs::write(
        corpus.join("huge.txt"),
        line.repeat(50 * 1024 * 1024 / line.len() + 1),
    )
    .unwrap();
    fs::write(
        corpus.join("broken.jsonl"),
        concat!(
            r#"{"id": "good-1", "text": "Aktobe built 3 plants in 2023."}"#,
            "\n",
            r#"{"id": "bad", "text": "unterminated"#,
            "\n",
            r#"{"id": "good-2", "text": "Atyrau attracted $5 million in 2022."}"#,
            "\n"
        ),
    )
    .unwrap();
    let db = dir.path().join("ledger.db");
    let out = almanac(&["ingest", corpus.to_str().unwrap()], &db);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    for needle in [
        "latin1.txt",
        "blob.txt",
        "empty.txt",
        "huge.txt",
        "broken.jsonl:2",
    ] {
        assert!(
            stderr.contains(needle),
            "no error names {needle}:\n{stderr}"
        );
    }
    assert_eq!(stderr.lines().count(), 5, "{stderr}");
    assert!(
        stdout.contains("6 new, 0 updated, 0 unchanged, 5 failed"),
        "{stdout}"
    );
    let store = Store::open(&db).unwrap();
    assert!(store.document("good-2").unwrap().is_some());
    assert!(store.document("huge").unwrap().is_none());
}

#[test]
// The child is waited for right after it is killed, inside the polling loop.
#[allow(clippy::zombie_processes)]
fn a_killed_ingest_leaves_whole_documents_and_a_second_run_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    // Several times the documents of one transaction (`TXN_DOCS`), so that the kill lands mid-run.
    let n_docs = 6000;
    let jsonl: String = almanac_gen::articles(42, n_docs)
        .map(|article| article.to_jsonl() + "\n")
        .collect();
    fs::write(&corpus, jsonl).unwrap();
    let db = dir.path().join("ledger.db");

    let mut child = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args([
            "ingest",
            corpus.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it as soon as a first batch is committed, mid-run.
    let deadline = Instant::now() + Duration::from_secs(120);
    let stored_at_kill = loop {
        std::thread::sleep(Duration::from_millis(50));
        let stored = Store::open(&db)
            .ok()
            .and_then(|s| s.stats().ok())
            .map_or(0, |s| s.documents);
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

    // The ledger opens and holds whole documents only.
    assert_whole(&db, 40);

    let out = almanac(&["ingest", corpus.to_str().unwrap()], &db);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let stored_after = Store::open(&db).unwrap().stats().unwrap().documents;
    assert_eq!(stored_after, n_docs, "{stdout}");
    // The second run adds what the first did not write, and nothing twice.
    let counts: Vec<u64> = stdout
        .lines()
        .nth(1)
        .unwrap()
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    let (new, updated, unchanged, failed) = (counts[0], counts[1], counts[2], counts[3]);
    assert_eq!(
        (new + unchanged, updated, failed),
        (n_docs, 0, 0),
        "{stdout}"
    );
    assert!(unchanged >= stored_at_kill, "{stdout}");
    assert_whole(&db, 60);
}
