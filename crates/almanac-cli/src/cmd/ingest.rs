//! `almanac ingest` and `almanac reindex`: documents into the ledger.
//!
//! Ingest is a three-stage pipeline with bounded memory: this thread reads documents and
//! skips those already stored, rayon extracts a batch in parallel, and a writer thread
//! stores the previous batches in one transaction (each document whole). At most a few
//! batches are in flight, whatever the size of the corpus. A helper thread frees what the
//! writer has written and folds the write-ahead log back into the database file, work the
//! writer would otherwise do between its transactions.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use almanac_extract::{extract, DocContext, Extraction, EXTRACTOR_VERSION};
use almanac_store::{DocStatus, NewDocument, Put, Store};
use anyhow::{bail, Context};
use chrono::NaiveDate;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::args::DbArgs;
use crate::read::{self, SourceDoc};

/// Documents per batch: the unit of parallel extraction, and of a transaction when the
/// writer keeps up.
const BATCH_DOCS: usize = 256;
/// Batches that may wait for the writer. It takes those waiting into one transaction, up
/// to `TXN_DOCS` documents or `TXN_BYTES` of text: the more documents a transaction
/// holds, the fewer times the same index pages are written (measured at 100,000 articles:
/// 768 -> 2,048 documents a transaction, about 20% less writer time), so a writer that
/// falls behind catches up.
const QUEUED_BATCHES: usize = 7;
const TXN_DOCS: usize = 2048;
const TXN_BYTES: usize = 32 * 1024 * 1024;
/// The writer's own checkpoints. The helper thread's passive checkpoints run while the
/// writer is already in its next transaction, so they never let the write-ahead log
/// restart: it grows to about this many pages (128 MiB) before the writer folds it back.
const WRITER_AUTO_CHECKPOINT: u32 = 32 * 1024;
/// A batch is also cut at this many bytes of text, so that big documents stay bounded.
const BATCH_BYTES: usize = 4 * 1024 * 1024;

/// `almanac ingest`.
#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files, directories, JSONL files or `-` for stdin
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    #[command(flatten)]
    pub db: DbArgs,
    /// Re-extract documents already stored and replace their facts
    #[arg(long)]
    pub force: bool,
    /// The publication date of documents that carry none (header or JSONL `date`)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    #[command(flatten)]
    pub limits: crate::limits::LimitArgs,
    /// No progress bar and no summary
    #[arg(long, short)]
    pub quiet: bool,
}

/// `almanac reindex`.
#[derive(Args, Debug)]
pub struct ReindexArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Re-extract every document, not only those of an older extractor version
    #[arg(long)]
    pub all: bool,
    /// No progress bar and no summary
    #[arg(long, short)]
    pub quiet: bool,
}

/// One document on its way to the ledger.
struct Work {
    source: SourceDoc,
    extraction: Result<Extraction, String>,
}

#[derive(Default)]
struct Tally {
    new: u64,
    updated: u64,
    unchanged: u64,
    /// Texts stored already under another id, recorded under this one too.
    duplicates: u64,
    failed: u64,
    facts: u64,
    bytes: u64,
}

impl Tally {
    fn docs(&self) -> u64 {
        self.new + self.updated + self.unchanged + self.duplicates + self.failed
    }
}

pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let reader_store = args.db.open()?;
    let writer_store = args.db.open()?;
    let progress = progress_bar(args.quiet, None);
    quiet_worker_panics();

    // The writer thread owns its connection; a few batches may wait for it. What it has
    // written goes to a helper thread, which frees it and folds the write-ahead log into
    // the database file, work the writer would otherwise do between its transactions.
    let (tx, rx) = mpsc::sync_channel::<Vec<Work>>(QUEUED_BATCHES);
    let (done_tx, done_rx) = mpsc::sync_channel::<Vec<Work>>(1);
    let helper = {
        let store = args.db.open()?;
        writer_store.set_auto_checkpoint(WRITER_AUTO_CHECKPOINT)?;
        std::thread::spawn(move || {
            for written in done_rx {
                drop(written);
                // A failed checkpoint is only postponed: the writer's own catches up.
                let _ = store.checkpoint_passive();
            }
        })
    };
    let writer = {
        let progress = progress.clone();
        let (force, date) = (args.force, args.date);
        std::thread::spawn(move || {
            write_batches(writer_store, rx, done_tx, force, date, &progress, started)
        })
    };

    let mut skipped = Tally::default();
    let mut batch: Vec<SourceDoc> = Vec::new();
    let mut batch_bytes = 0;
    let send = |batch: Vec<SourceDoc>| {
        let work = extract_batch(batch, args.date);
        // A closed channel means the writer stopped on an error; it reports it below.
        let _ = tx.send(work);
    };
    let mut reader_failed = false;
    let ledger_files = LedgerFiles::new(&args.db.db);
    for item in read::documents(&args.paths, args.limits.max_html_depth) {
        let origin = match &item {
            Ok(doc) => &doc.origin,
            Err(err) => &err.origin,
        };
        if ledger_files.contains(origin) {
            continue;
        }
        match item {
            Err(err) => {
                skipped.failed += 1;
                progress.suspend(|| eprintln!("almanac: {err}"));
            }
            Ok(source) => {
                if let Err(err) = args.limits.check(&source) {
                    skipped.failed += 1;
                    progress.suspend(|| eprintln!("almanac: {err}"));
                    continue;
                }
                for warning in &source.warnings {
                    progress.suspend(|| eprintln!("almanac: {}: {warning}", source.origin));
                }
                skipped.bytes += source.text.len() as u64;
                let new = new_document(&source, args.date);
                if !args.force {
                    match reader_store.status(&new) {
                        Ok(DocStatus::Unchanged { .. }) => {
                            skipped.unchanged += 1;
                            continue;
                        }
                        Ok(_) => {}
                        Err(err) => {
                            reader_failed = true;
                            progress.suspend(|| eprintln!("almanac: {}: {err}", source.origin));
                            break;
                        }
                    }
                }
                skipped.bytes -= source.text.len() as u64;
                batch_bytes += source.text.len();
                batch.push(source);
                if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                    send(std::mem::take(&mut batch));
                    batch_bytes = 0;
                }
            }
        }
    }
    if !batch.is_empty() {
        send(batch);
    }
    drop(tx);
    let written = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the writer thread panicked"))??;
    let _ = helper.join();
    progress.finish_and_clear();
    if reader_failed {
        bail!("stopped: the ledger could not be read");
    }

    let tally = Tally {
        new: written.new,
        updated: written.updated,
        unchanged: written.unchanged + skipped.unchanged,
        duplicates: written.duplicates,
        failed: written.failed + skipped.failed,
        facts: written.facts,
        bytes: written.bytes + skipped.bytes,
    };
    if !args.quiet {
        print_summary("ingested", &tally, started.elapsed());
    }
    if let Err(err) = reader_store.checkpoint() {
        eprintln!("almanac: warning: {err}");
    }
    Ok(if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The ledger's own files (the database, its WAL and shared-memory files), which an
/// `almanac ingest .` run next to them must not read as documents.
struct LedgerFiles {
    names: Vec<std::ffi::OsString>,
    paths: Vec<PathBuf>,
}

impl LedgerFiles {
    fn new(db: &Path) -> LedgerFiles {
        let db = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
        let paths: Vec<PathBuf> = ["", "-wal", "-shm", "-journal"]
            .iter()
            .map(|suffix| {
                let mut p = db.clone().into_os_string();
                p.push(suffix);
                PathBuf::from(p)
            })
            .collect();
        let names = paths
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_os_string()))
            .collect();
        LedgerFiles { names, paths }
    }

    fn contains(&self, origin: &str) -> bool {
        let path = Path::new(origin);
        // A cheap test on the name first: most inputs are not the ledger.
        path.file_name()
            .is_some_and(|n| self.names.iter().any(|m| m == n))
            && std::fs::canonicalize(path).is_ok_and(|p| self.paths.contains(&p))
    }
}

fn new_document(source: &SourceDoc, default_date: Option<NaiveDate>) -> NewDocument<'_> {
    NewDocument {
        doc: &source.id,
        origin: &source.origin,
        title: source.title.as_deref(),
        url: source.url.as_deref(),
        text: &source.text,
        meta_date: source.date.or(default_date),
    }
}

/// Extracts a batch on all cores. A panic in the extractor fails that document only.
fn extract_batch(batch: Vec<SourceDoc>, default_date: Option<NaiveDate>) -> Vec<Work> {
    batch
        .into_par_iter()
        .map(|source| {
            let extraction = std::panic::catch_unwind(|| {
                let ctx = DocContext {
                    doc: &source.id,
                    date: source.date.or(default_date),
                    lang: None,
                };
                extract(&source.text, &ctx)
            })
            .map_err(|panic| {
                let message = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("unknown panic");
                format!(
                    "the extractor failed on this document (a bug, please report it): {message}"
                )
            });
            Work { source, extraction }
        })
        .collect()
}

fn write_batches(
    mut store: Store,
    rx: mpsc::Receiver<Vec<Work>>,
    done: mpsc::SyncSender<Vec<Work>>,
    force: bool,
    default_date: Option<NaiveDate>,
    progress: &ProgressBar,
    started: Instant,
) -> anyhow::Result<Tally> {
    let mut tally = Tally::default();
    while let Ok(first) = rx.recv() {
        let mut batch = first;
        let text_bytes = |batch: &[Work]| batch.iter().map(|w| w.source.text.len()).sum::<usize>();
        let mut bytes = text_bytes(&batch);
        while batch.len() < TXN_DOCS && bytes < TXN_BYTES {
            match rx.try_recv() {
                Ok(more) => {
                    bytes += text_bytes(&more);
                    batch.extend(more);
                }
                Err(_) => break,
            }
        }
        let mut items = Vec::with_capacity(batch.len());
        for work in &batch {
            match &work.extraction {
                Ok(extraction) => {
                    items.push((new_document(&work.source, default_date), extraction))
                }
                Err(message) => {
                    tally.failed += 1;
                    progress.suspend(|| eprintln!("almanac: {}: {message}", work.source.origin));
                }
            }
        }
        let results = store
            .put_batch(&items, EXTRACTOR_VERSION, force)
            .context("cannot write to the ledger")?;
        for ((doc, _), result) in items.iter().zip(results) {
            tally.bytes += doc.text.len() as u64;
            match result {
                Ok(Put::Inserted { facts }) => {
                    tally.new += 1;
                    tally.facts += facts as u64;
                }
                Ok(Put::Replaced { facts, .. }) => {
                    tally.updated += 1;
                    tally.facts += facts as u64;
                }
                Ok(Put::Unchanged { .. }) => tally.unchanged += 1,
                Ok(Put::Duplicate { .. }) => tally.duplicates += 1,
                Err(err) => {
                    tally.failed += 1;
                    progress.suspend(|| eprintln!("almanac: {}: {err}", doc.origin));
                }
            }
        }
        progress.set_position(tally.docs());
        progress.set_message(rate_message(&tally, started.elapsed()));
        drop(items);
        let _ = done.send(batch);
    }
    Ok(tally)
}

fn rate_message(tally: &Tally, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-3);
    format!(
        "{} facts · {:.0} docs/s · {:.1} MB/s",
        tally.facts,
        tally.docs() as f64 / secs,
        tally.bytes as f64 / 1e6 / secs
    )
}

fn print_summary(verb: &str, tally: &Tally, elapsed: Duration) {
    let secs = elapsed.as_secs_f64().max(1e-3);
    println!(
        "{verb} {} documents ({:.1} MB) in {:.1} s, {:.0} docs/s, {:.1} MB/s",
        tally.docs(),
        tally.bytes as f64 / 1e6,
        secs,
        tally.docs() as f64 / secs,
        tally.bytes as f64 / 1e6 / secs
    );
    println!(
        "  {} new, {} updated, {} unchanged, {} failed; {} facts added; {} duplicates \
         (a text stored under another id, kept under theirs too)",
        tally.new, tally.updated, tally.unchanged, tally.failed, tally.facts, tally.duplicates
    );
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
fn progress_bar(quiet: bool, len: Option<u64>) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match len {
        Some(len) => ProgressBar::new(len).with_style(
            ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} docs · {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {elapsed_precise} {pos} docs · {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// The extractor runs under `catch_unwind` on rayon's threads, where a panic becomes a
/// failed document with its message; the default hook would also splash it over the
/// progress bar. Panics elsewhere still print as usual.
fn quiet_worker_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if rayon::current_thread_index().is_none() {
            default(info);
        }
    }));
}

pub fn reindex(args: ReindexArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut store = args.db.open_existing_writable()?;
    let ids = if args.all {
        store.stale_documents("")?
    } else {
        store.stale_documents(EXTRACTOR_VERSION)?
    };
    let progress = progress_bar(args.quiet, Some(ids.len() as u64));
    quiet_worker_panics();
    let mut tally = Tally::default();
    for chunk in ids.chunks(BATCH_DOCS) {
        let mut docs = Vec::with_capacity(chunk.len());
        for id in chunk {
            if let Some(doc) = store.document_by_row(*id)? {
                docs.push(doc);
            }
        }
        let extractions: Vec<Result<Extraction, String>> = docs
            .par_iter()
            .map(|doc| {
                std::panic::catch_unwind(|| {
                    let ctx = DocContext {
                        doc: &doc.summary.doc,
                        date: doc.meta_date,
                        lang: None,
                    };
                    extract(&doc.text, &ctx)
                })
                .map_err(|_| {
                    "the extractor failed on this document (a bug, please report it)".to_string()
                })
            })
            .collect();
        let mut items = Vec::new();
        for (doc, extraction) in docs.iter().zip(&extractions) {
            tally.bytes += doc.text.len() as u64;
            match extraction {
                Ok(extraction) => items.push((doc.as_new(), extraction)),
                Err(message) => {
                    tally.failed += 1;
                    progress.suspend(|| eprintln!("almanac: {}: {message}", doc.summary.doc));
                }
            }
        }
        for ((doc, _), result) in
            items
                .iter()
                .zip(store.put_batch(&items, EXTRACTOR_VERSION, true)?)
        {
            match result {
                Ok(put) => {
                    tally.updated += 1;
                    tally.facts += put.facts() as u64;
                }
                Err(err) => {
                    tally.failed += 1;
                    progress.suspend(|| eprintln!("almanac: {}: {err}", doc.doc));
                }
            }
        }
        progress.set_position(tally.docs());
        progress.set_message(rate_message(&tally, started.elapsed()));
    }
    progress.finish_and_clear();
    store.checkpoint()?;
    if !args.quiet {
        if ids.is_empty() {
            println!("every document is extracted with {EXTRACTOR_VERSION} already");
        } else {
            print_summary("re-extracted", &tally, started.elapsed());
        }
    }
    Ok(if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
