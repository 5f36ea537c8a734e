//! Extracts every `.txt` file of a directory to JSONL on stdout, with nothing but the
//! extractor: the shortest loop for working on the rules (`cargo run --release -p
//! almanac-extract --example extract_dir -- DIR`).

use std::io::Write;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: extract_dir DIR");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("UTF-8 text");
        let doc = path.file_stem().unwrap().to_string_lossy().into_owned();
        let ctx = almanac_extract::DocContext {
            doc: &doc,
            date: None,
        };
        for fact in almanac_extract::extract(&text, &ctx).facts {
            writeln!(out, "{}", serde_json::to_string(&fact).unwrap()).unwrap();
        }
    }
}
