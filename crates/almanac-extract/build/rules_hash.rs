//! The hash of the extraction rules: every source and data file of the extractor, so that
//! `EXTRACTOR_VERSION` changes whenever the output may. Compiled into `build.rs`, which
//! hashes the files at build time, and into the crate's tests, which check that the
//! version is the hash of the files on disk.

use std::path::Path;

/// The directories of the crate whose files make the rules: the code and its word lists.
pub const RULE_DIRS: &[&str] = &["src", "data"];

/// A 64-bit FNV-1a hash of `files` (path relative to the crate, contents), in the order
/// of their paths, each path and length hashed with its contents, so that moving text
/// from one file to another changes the hash too. Line ends are hashed as `\n` whatever
/// the checkout wrote, so that the same rules give the same version on every machine.
pub fn rules_hash<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut files: Vec<(&str, &[u8])> = files.into_iter().collect();
    files.sort_unstable_by_key(|&(path, _)| path);
    let mut hash = OFFSET;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(PRIME);
        }
    };
    for (path, contents) in files {
        eat(path.as_bytes());
        eat(&[0]);
        let mut lines = contents.split(|&b| b == b'\n').peekable();
        while let Some(line) = lines.next() {
            eat(line.strip_suffix(b"\r").unwrap_or(line));
            if lines.peek().is_some() {
                eat(b"\n");
            }
        }
        eat(&[0]);
    }
    hash
}

/// Every file under the `RULE_DIRS` of the crate at `root`, as (path with `/`, contents).
pub fn rule_files(root: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    let mut pending: Vec<String> = RULE_DIRS.iter().map(|d| d.to_string()).collect();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(root.join(&dir))? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = format!("{dir}/{name}");
            if entry.file_type()?.is_dir() {
                pending.push(path);
            } else {
                files.push((path, std::fs::read(entry.path())?));
            }
        }
    }
    Ok(files)
}
