//! Derives `EXTRACTOR_VERSION` from the rules: a hash of every source and data file of the
//! extractor (`build/rules_hash.rs`), so that `almanac reindex` re-extracts the documents
//! after any change of a rule or a word list, with no version to remember to bump.

#[path = "build/rules_hash.rs"]
mod rules_hash;

use std::path::Path;

fn main() {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir);
    for dir in rules_hash::RULE_DIRS {
        // A directory is watched whole: any file in it added, changed or removed.
        println!("cargo::rerun-if-changed={dir}");
    }
    println!("cargo::rerun-if-changed=build/rules_hash.rs");
    let files = rules_hash::rule_files(root).expect("the extractor's src/ and data/ are readable");
    let hash = rules_hash::rules_hash(files.iter().map(|(p, c)| (p.as_str(), c.as_slice())));
    println!("cargo::rustc-env=ALMANAC_RULES_HASH={hash:016x}");
}
