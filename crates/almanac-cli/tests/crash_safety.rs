//! The ledger under stress, as the binary meets it: two ingests at once, queries during an
//! ingest, a disk that fills up (mid-ingest, and while the ledger is being created). The
//! killed-ingest test is in `ledger_ingest.rs`.
//!
//! A full disk is a small tmpfs where the tests may mount one (root, as in CI), else a
//! file-size limit (`ulimit -f`), which makes the same writes fail for any user.

use std::fs;
use std::path::{Path, PathBuf};
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

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn corpus(dir: &Path, seed: u64, n_docs: u64) -> PathBuf {
    let path = dir.join(format!("corpus-{seed}-{n_docs}.jsonl"));
    let jsonl: String = almanac_gen::articles(seed, n_docs)
        .map(|article| article.to_jsonl() + "\n")
        .collect();
    fs::write(&path, jsonl).unwrap();
    path
}

/// (documents, duplicates, facts) of a ledger, which must pass its integrity check.
fn counts(db: &Path) -> (u64, u64, u64) {
    // FTS5's integrity check is written as an INSERT: it needs a writable connection.
    let store = Store::open(db).unwrap();
    store.check_integrity().unwrap();
    let stats = store.stats().unwrap();
    (stats.documents, stats.duplicates, stats.facts)
}

#[test]
fn two_ingests_at_once_on_overlapping_corpora_store_each_document_once() {
    let dir = tempfile::tempdir().unwrap();
    let both = corpus(dir.path(), 5, 1500);
    let first = corpus(dir.path(), 5, 1000);
    let db = dir.path().join("ledger.db");
    let spawn = |path: &Path| {
        Command::new(env!("CARGO_BIN_EXE_almanac"))
            .args(["ingest", "-q", path.to_str().unwrap(), "--db"])
            .arg(&db)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(&both), spawn(&first));
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let clean = dir.path().join("clean.db");
    assert!(almanac(&["ingest", "-q", both.to_str().unwrap()], &clean)
        .status
        .success());
    assert_eq!(counts(&db), counts(&clean));
}

#[test]
fn queries_during_an_ingest_answer_and_see_whole_documents() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), 9, 4000);
    let db = dir.path().join("ledger.db");
    // A ledger to query from the start.
    let seed = corpus_head(dir.path(), &corpus, 50);
    assert!(almanac(&["ingest", "-q", seed.to_str().unwrap()], &db)
        .status
        .success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(["ingest", "-q", corpus.to_str().unwrap(), "--db"])
        .arg(&db)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut answered = 0;
    while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
        for args in [
            &[
                "facts", "--metric", "jobs", "--format", "csv", "--limit", "50",
            ][..],
            &["docs", "--format", "json", "--limit", "20"],
            &["entities", "--limit", "5"],
        ] {
            let out = almanac(args, &db);
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
            answered += 1;
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        answered >= 3,
        "only {answered} queries ran during the ingest"
    );
    assert_eq!(counts(&db).0, 4000);
}

fn corpus_head(dir: &Path, corpus: &Path, n_lines: usize) -> PathBuf {
    let text = fs::read_to_string(corpus).unwrap();
    let head: String = text
        .lines()
        .take(n_lines)
        .map(|l| format!("{l}\n"))
        .collect();
    let path = dir.join("head.jsonl");
    fs::write(&path, head).unwrap();
    path
}

/// Where writes run out of space: a tmpfs of `bytes` mounted on a new directory when the
/// tests may mount one, else a directory where the binary runs under `ulimit -f`.
struct SmallDisk {
    dir: PathBuf,
    mounted: bool,
    limit_blocks: u64,
}

impl SmallDisk {
    fn new(parent: &Path, bytes: u64) -> SmallDisk {
        let dir = parent.join("small-disk");
        fs::create_dir_all(&dir).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(&dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        SmallDisk {
            dir,
            mounted,
            limit_blocks: bytes / 1024,
        }
    }

    /// Runs the binary with this disk's limit.
    fn almanac(&self, args: &[&str], db: &Path) -> Output {
        if self.mounted {
            return almanac(args, db);
        }
        // SIGXFSZ ignored, so that a write past the limit fails (EFBIG) rather than kills.
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(format!(
                "trap '' XFSZ; ulimit -f {}; exec \"$0\" \"$@\"",
                self.limit_blocks
            ))
            .arg(env!("CARGO_BIN_EXE_almanac"))
            .args(args)
            .arg("--db")
            .arg(db);
        command.stdin(Stdio::null()).output().unwrap()
    }

    /// Gives the disk room again.
    fn grow(&mut self) {
        if self.mounted {
            let status = Command::new("mount")
                .args(["-o", "remount,size=512m"])
                .arg(&self.dir)
                .status()
                .unwrap();
            assert!(status.success());
        } else {
            self.limit_blocks = 512 * 1024;
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        if self.mounted {
            let _ = Command::new("umount").arg(&self.dir).status();
        }
    }
}

#[test]
fn a_ledger_that_cannot_be_created_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let disk = SmallDisk::new(dir.path(), 16 * 1024);
    let news = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/news");
    let db = disk.dir.join("ledger.db");
    let out = disk.almanac(&["ingest", "-q", news], &db);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot create the ledger"),
        "{}",
        stderr(&out)
    );
    let left: Vec<_> = fs::read_dir(&disk.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_disk_that_fills_mid_ingest_leaves_an_intact_ledger_that_finishes_later() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), 21, 3000);
    let mut disk = SmallDisk::new(dir.path(), 3 * 1024 * 1024);
    let db = disk.dir.join("ledger.db");
    let out = disk.almanac(&["ingest", "-q", corpus.to_str().unwrap()], &db);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(message.contains("cannot write to the ledger"), "{message}");
    // Whole documents only, and the database and its full-text index pass their checks.
    let (stored, _, _) = counts(&db);
    assert!(stored < 3000, "{stored} documents stored on a full disk");

    disk.grow();
    let out = disk.almanac(&["ingest", "-q", corpus.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", stderr(&out));
    let clean = dir.path().join("clean.db");
    assert!(almanac(&["ingest", "-q", corpus.to_str().unwrap()], &clean)
        .status
        .success());
    assert_eq!(counts(&db), counts(&clean));
}
