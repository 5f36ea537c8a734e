//! What almanac promises whatever arrives (README, "Reliability"), held by the binary as
//! users run it: every document id kept, a read-only ledger still answers, errors say
//! what to do, limits are reported, hostile inputs are read in bounded time.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

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

// Hostile inputs, read in bounded time, every refusal naming its file.

fn extract(args: &[&str]) -> (Output, Duration) {
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .arg("extract")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (out, started.elapsed())
}

/// The (value, unit) of each fact `extract` prints.
fn figures(out: &Output) -> Vec<(f64, String)> {
    text(out)
        .0
        .lines()
        .map(|line| {
            let fact: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                fact["value"].as_f64().unwrap(),
                fact["unit"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

const ARTICLE: &str = "Shymkent built 1,200 flats in 2023.\n\nThe city plans 40 schools by 2025.\n";

#[test]
fn oversized_documents_and_paragraphs_are_refused_quickly_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let one_line = dir.path().join("one-line.txt");
    // 20 MB without a line break: over the document limit.
    let sentence =
        "Almaty invested 1,500 tenge in roads in 2023 and unemployment fell to 4.5 percent ";
    let big = sentence.repeat(20 * 1024 * 1024 / sentence.len());
    fs::write(&one_line, &big).unwrap();
    // 70 KB without a line break: over the paragraph limit. (Words without figures, so
    // that reading it with the limit raised stays quick: the extractor's time on long
    // sentences full of figures is its own matter, measured by `benches/pathological.rs`.)
    let long_paragraph = dir.path().join("long-paragraph.txt");
    let words = "the regional akimat reported on the work of its departments ";
    fs::write(
        &long_paragraph,
        format!("{ARTICLE}\n{}", words.repeat(70 * 1024 / words.len())),
    )
    .unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, ARTICLE).unwrap();
    let paths = [&one_line, &long_paragraph, &good].map(|p| p.to_str().unwrap().to_string());
    let (out, took) = extract(&[&paths[0], &paths[1], &paths[2]]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(took < Duration::from_secs(30), "took {took:?}");
    assert!(
        stderr.contains(&format!(
            "{}: document is 20.0 MB, over the 16 MB limit",
            paths[0]
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}: a paragraph of 69 KB at line 5, over the 64 KB limit",
            paths[1]
        )),
        "{stderr}"
    );
    assert_eq!(figures(&out).len(), 2, "the good file is extracted");
    // The limits are flags: raised, the long paragraph is read.
    let (out, _) = extract(&["--max-paragraph-kb", "128", &paths[1]]);
    assert!(out.status.success(), "{}", text(&out).1);
    // And ingest refuses alike, storing the rest.
    let db = dir.path().join("ledger.db");
    let out = almanac(&["ingest", &paths[0], &paths[1], &paths[2]], &db);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).1.contains("over the 64 KB limit"),
        "{}",
        text(&out).1
    );
    assert_eq!(
        Store::open_read_only(&db)
            .unwrap()
            .stats()
            .unwrap()
            .documents,
        1
    );
}

#[test]
fn deeply_nested_html_is_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("nested.html");
    let n = 100_000;
    fs::write(
        &page,
        format!(
            "<html><body>{}<p>Aktobe opened 3 plants in 2022.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        ),
    )
    .unwrap();
    let (out, took) = extract(&[page.to_str().unwrap()]);
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    // 106 s before the depth limit; a second or so in a debug build.
    assert!(took < Duration::from_secs(20), "took {took:?}");
    assert!(
        stderr.contains("HTML nested deeper than 256 elements"),
        "{stderr}"
    );
    assert_eq!(figures(&out), [(3.0, "plant".to_string())]);
}

#[test]
fn figures_over_the_limit_are_left_out_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    let paragraphs: Vec<String> = (1..=6)
        .map(|n| format!("Aktobe opened {n} plants in 2022."))
        .collect();
    fs::write(&report, paragraphs.join("\n\n")).unwrap();
    let path = report.to_str().unwrap();
    let (out, _) = extract(&[path]);
    assert_eq!(figures(&out).len(), 6, "{}", text(&out).1);
    assert_eq!(text(&out).1, "", "no warning within the limit");
    let (out, _) = extract(&["--max-figures", "4", path]);
    let (_, stderr) = text(&out);
    // The document is read, so this is no failure; only the warning tells.
    assert!(out.status.success(), "{stderr}");
    let values: Vec<f64> = figures(&out).iter().map(|(v, _)| *v).collect();
    assert_eq!(values, [1.0, 2.0, 3.0, 4.0]);
    let warning = format!(
        "{path}: more than 4 figures: those from line 9 on were not read, and their facts \
         are missing (raise --max-figures)"
    );
    assert!(stderr.contains(&warning), "{stderr}");
    let db = dir.path().join("ledger.db");
    let out = almanac(&["ingest", "--max-figures", "4", path], &db);
    assert!(out.status.success(), "{}", text(&out).1);
    assert!(text(&out).1.contains(&warning), "{}", text(&out).1);
    let stats = Store::open_read_only(&db).unwrap().stats().unwrap();
    assert_eq!((stats.documents, stats.facts), (1, 4));
}

#[test]
fn encodings_line_ends_and_binary_files() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_string()
    };
    let want = figures(&extract(&[&write("lf.txt", ARTICLE.as_bytes())]).0);
    assert_eq!(want.len(), 2);
    let crlf = ARTICLE.replace('\n', "\r\n");
    let cr = ARTICLE.replace('\n', "\r");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16_be = vec![0xFE, 0xFF];
    utf16_be.extend(crlf.encode_utf16().flat_map(u16::to_be_bytes));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(ARTICLE.as_bytes());
    for (name, bytes) in [
        ("crlf.txt", crlf.as_bytes()),
        ("cr.txt", cr.as_bytes()),
        ("utf16.txt", &utf16[..]),
        ("utf16-be.txt", &utf16_be[..]),
        ("bom.txt", &bom[..]),
    ] {
        let (out, _) = extract(&[&write(name, bytes)]);
        assert!(out.status.success(), "{name}: {}", text(&out).1);
        assert_eq!(figures(&out), want, "{name}");
    }
    for (name, bytes, says) in [
        (
            "nul.txt",
            &b"Almaty built 5 schools.\0\0\0"[..],
            "binary file (contains NUL bytes)",
        ),
        (
            "latin1.txt",
            &b"Almaty built 5 caf\xe9s."[..],
            "invalid UTF-8 at byte 18",
        ),
        ("odd-utf16.txt", &b"\xFF\xFEA\x00B"[..], "invalid UTF-16"),
        ("empty.txt", &b""[..], "empty file"),
    ] {
        let path = write(name, bytes);
        let (out, _) = extract(&[&path]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            text(&out).1.contains(&format!("{path}: {says}")),
            "{name}: {}",
            text(&out).1
        );
    }
}

#[test]
fn a_jsonl_of_good_and_broken_lines_stores_the_good_and_names_the_broken() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let mut lines = vec![
        r#"{"id": "ok-1", "text": "Kostanay built 300 flats in 2023."}"#.to_string(),
        r#"{"id": "bad-json", "text": "unterminated"#.to_string(),
        r#"{"id": "ok-2", "text": "Pavlodar opened 4 plants in 2022.\r\n"}"#.to_string(),
        r#"["not", "an", "object"]"#.to_string(),
        r#"{"id": "no-text"}"#.to_string(),
        r#"{"id": "bad-date", "text": "x", "date": "31/12/2023"}"#.to_string(),
        String::new(),
        r#"{"id": "rtl", "text": "\u05d0\u05dc\u05de\u05d8\u05d9 Taraz built 12 schools in 2021."}"#.to_string(),
    ];
    lines.push("{\"id\": \"nul\", \"text\": \"a\\u0000b 5 jobs\"}".to_string());
    let mut bytes = lines.join("\n").into_bytes();
    bytes.extend(b"\n{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");
    fs::write(&feed, bytes).unwrap();
    let db = dir.path().join("ledger.db");
    let out = almanac(&["ingest", feed.to_str().unwrap()], &db);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let origin = feed.display().to_string();
    for (line, says) in [
        (2, "invalid JSON"),
        (4, "expected a JSON object"),
        (5, "missing \"text\""),
        (6, "invalid date"),
        (10, "invalid UTF-8"),
    ] {
        assert!(
            stderr.contains(&format!("{origin}:{line}: {says}")),
            "{line}: {stderr}"
        );
    }
    assert!(
        stdout.contains("4 new, 0 updated, 0 unchanged, 5 failed"),
        "{stdout}"
    );
    let store = Store::open_read_only(&db).unwrap();
    for id in ["ok-1", "ok-2", "rtl", "nul"] {
        assert!(store.document(id).unwrap().is_some(), "{id}");
    }
}

// Inert: what documents and arguments hold is data, never SQL or terminal commands.

#[test]
fn sql_metacharacters_and_escape_sequences_are_only_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let feed = dir.path().join("feed.jsonl");
    // An id, title and text carrying SQL and a terminal escape sequence.
    fs::write(
        &feed,
        concat!(
            r#"{"id": "x'); DROP TABLE facts; --", "title": "\u001b]0;pwned\u0007 Title", "#,
            r#""text": "Almaty built 5 schools in 2023.\u001b[2J\u001b[31m Red 7% text."}"#,
            "\n"
        ),
    )
    .unwrap();
    assert!(almanac(&["ingest", "-q", feed.to_str().unwrap()], &db)
        .status
        .success());
    let hostile = [
        "x'); DROP TABLE facts; --",
        "%",
        "_",
        "\\",
        "' OR 1=1 --",
        "\"",
        "*",
    ];
    for value in hostile {
        for args in [
            &["facts", "--subject", value][..],
            &["facts", "--doc", value],
            &["facts", "--unit", value],
            &["docs", "--search", value],
            &["entities", "--search", value],
            &["show", value],
        ] {
            let out = almanac(args, &db);
            let (_, stderr) = text(&out);
            assert!(!stderr.contains("SQL"), "{args:?}: {stderr}");
        }
    }
    let out = almanac(
        &["show", "x'); DROP TABLE facts; --", "--color", "always"],
        &db,
    );
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    // Only almanac's own colour codes reach the terminal: the document's are defused.
    assert!(
        !stdout.contains("\u{1b}[2J") && !stdout.contains("\u{1b}]0;"),
        "{stdout:?}"
    );
    assert!(stdout.contains("\u{FFFD}[2J"), "{stdout:?}");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.stats().unwrap().facts, 2);
    store.check_integrity().unwrap();
}
