//! Titles and addresses as `docs` and `show` print them: JSONL's `title` and `url`, an
//! HTML page's `<title>` and canonical link, a text article's headline.

use std::path::Path;
use std::process::Command;

fn almanac(args: &[&str], db: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "almanac {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn docs_and_show_print_titles_and_urls() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let text = write(
        "steppe.txt",
        " date 2024-03-02\nSteppe region opens two new plants\n\nThe Steppe region opened 2 plants with 140 jobs in February.\n",
    );
    let html = write(
        "port.html",
        r#"<html><head><title>Port traffic grows</title>
        <link rel="canonical" href="https://news.example/port-traffic"></head>
        <body><p>The port of Aktau handled 4 million tonnes of cargo in 2023.</p></body></html>"#,
    );
    let jsonl = write(
        "feed.jsonl",
        r#"{"id": "zone-1", "date": "2024-01-10", "title": "Zone attracts investors", "url": "https://news.example/zone", "text": "The zone attracted 12 billion tenge of investment in 2023."}
"#,
    );
    let db = dir.path().join("ledger.db");
    almanac(&["ingest", &text, &html, &jsonl, "--quiet"], &db);

    let docs = almanac(&["docs", "--format", "json"], &db);
    let docs: serde_json::Value = serde_json::from_str(&docs).unwrap();
    let mut got: Vec<(String, String, String)> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or("-").to_string();
            (s("doc"), s("title"), s("url"))
        })
        .collect();
    got.sort();
    let row = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        got,
        [
            row(
                "port",
                "Port traffic grows",
                "https://news.example/port-traffic"
            ),
            row("steppe", "Steppe region opens two new plants", "-"),
            row(
                "zone-1",
                "Zone attracts investors",
                "https://news.example/zone"
            ),
        ]
    );

    let table = almanac(&["docs"], &db);
    assert!(
        table.contains("Steppe region opens two new plants"),
        "{table}"
    );
    assert!(
        table.contains("https://news.example/port-traffic"),
        "{table}"
    );
    let shown = almanac(&["show", "port", "--color", "never"], &db);
    assert!(shown.starts_with("Port traffic grows\n"), "{shown}");
    assert!(
        shown.contains("  url:    https://news.example/port-traffic"),
        "{shown}"
    );
}
