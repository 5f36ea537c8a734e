//! The corpora the benches share: the example articles, and repeating them to a size.

use std::path::PathBuf;

/// The articles of `examples/DIR` as (doc id, text), sorted by file name.
pub fn articles_in(dir: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("reading {}: {err}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no articles in {}", dir.display());
    paths
        .into_iter()
        .map(|path| {
            let doc = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("UTF-8 article");
            (doc, text)
        })
        .collect()
}

/// The articles repeated until they add up to at least `target_bytes`.
pub fn repeated_corpus(
    articles: &[(String, String)],
    target_bytes: usize,
) -> Vec<(String, String)> {
    let mut corpus = Vec::new();
    let mut n_bytes = 0;
    while n_bytes < target_bytes {
        for (doc, text) in articles {
            n_bytes += text.len();
            corpus.push((doc.clone(), text.clone()));
        }
    }
    corpus
}
