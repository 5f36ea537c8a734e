//! Extracts every `.txt` file of a directory to JSONL on stdout, with nothing but the
//! extractor: the shortest loop for working on the rules (`cargo run --release -p
//! almanac-extract --example extract_dir -- DIR`).
//!
//! `extract_dir DIR N` extracts the directory N times over and prints the first pass only: a fixed
//! amount of work for `perf stat -e instructions:u`, which is steadier than wall time on a
//! busy machine.

use std::io::Write;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: extract_dir DIR [REPEAT]");
    let repeat: usize = std::env::args()
        .nth(2)
        .map_or(1, |n| n.parse().expect("REPEAT is a number"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<(String, String)> = paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("UTF-8 text");
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                text,
            )
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (doc, text) in &docs {
        let ctx = almanac_extract::DocContext {
            doc,
            date: None,
            lang: None,
        };
        for fact in almanac_extract::extract(text, &ctx).facts {
            writeln!(out, "{}", serde_json::to_string(&fact).unwrap()).unwrap();
        }
    }
    // Whole passes over the directory, as the benchmark and a real corpus run do: extracting
    // one document many times over would keep its branches and tables unrealistically warm.
    for _ in 1..repeat {
        for (doc, text) in &docs {
            let ctx = almanac_extract::DocContext {
                doc,
                date: None,
                lang: None,
            };
            std::hint::black_box(almanac_extract::extract(text, &ctx));
        }
    }
}
