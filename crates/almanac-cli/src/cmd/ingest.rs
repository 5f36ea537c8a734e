//! `almanac ingest` and `almanac reindex`: documents into the ledger.
//!
//! `ingest` reads the paths into a stream of documents and hands it to the pipeline of
//! `almanac-ingest` (extraction on all cores, batched writes, bounded memory), drawing a
//! progress bar from what the pipeline tells. `reindex` re-extracts stored documents.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use almanac_extract::{Extraction, Lang, EXTRACTOR_VERSION};
use almanac_ingest::{read, IngestOptions, Limits, Progress, Tally};
use chrono::NaiveDate;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::args::DbArgs;

/// Documents re-extracted at a time by `reindex`.
const BATCH_DOCS: usize = 256;

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
    /// The language of documents that carry none (JSONL `lang`); else each is detected.
    /// A stored document read in another language is read again only with --force
    #[arg(long, value_name = "en|ru|kk", value_parser = crate::args::parse_lang)]
    pub lang: Option<Lang>,
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
    /// The language of documents the ledger has none for (stored before it kept them);
    /// else each is detected. A stored language is kept
    #[arg(long, value_name = "en|ru|kk", value_parser = crate::args::parse_lang)]
    pub lang: Option<Lang>,
    /// No progress bar and no summary
    #[arg(long, short)]
    pub quiet: bool,
}

/// The pipeline's news on stderr: failures above a progress bar.
struct BarProgress {
    bar: ProgressBar,
    started: Instant,
}

impl Progress for BarProgress {
    fn failed(&self, origin: &str, message: &str) {
        self.bar
            .suspend(|| eprintln!("almanac: {origin}: {message}"));
    }

    fn doc_warning(&self, origin: &str, message: &str) {
        self.bar
            .suspend(|| eprintln!("almanac: {origin}: {message}"));
    }

    fn written(&self, tally: &Tally) {
        self.bar.set_position(tally.docs());
        self.bar
            .set_message(rate_message(tally, self.started.elapsed()));
    }

    fn warning(&self, message: &str) {
        self.bar
            .suspend(|| eprintln!("almanac: warning: {message}"));
    }
}

pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let progress = BarProgress {
        bar: progress_bar(args.quiet, None),
        started,
    };
    quiet_worker_panics();
    let ledger_files = LedgerFiles::new(&args.db.db);
    let docs = read::documents(&args.paths, args.limits.max_html_depth)
        .filter(|item| {
            let origin = match item {
                Ok(doc) => &doc.origin,
                Err(err) => &err.origin,
            };
            !ledger_files.contains(origin)
        })
        .map(|item| {
            item.map(|mut doc| {
                // The pipeline reads a document's own `lang`; `--lang` is the default of those
                // without.
                if doc.lang.is_none() {
                    doc.lang = args.lang.map(|lang| lang.code().to_string());
                }
                doc
            })
        });
    let opts = IngestOptions {
        force: args.force,
        date: args.date,
        limits: args.limits.limits(),
    };
    let tally = almanac_ingest::ingest(&args.db.address(), docs, &opts, &progress);
    progress.bar.finish_and_clear();
    let tally = tally?;
    if !args.quiet {
        print_summary("ingested", &tally, started.elapsed());
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

pub(crate) fn rate_message(tally: &Tally, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-3);
    format!(
        "{} facts · {:.0} docs/s · {:.1} MB/s",
        tally.facts,
        tally.docs() as f64 / secs,
        tally.bytes as f64 / 1e6 / secs
    )
}

pub(crate) fn print_summary(verb: &str, tally: &Tally, elapsed: Duration) {
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
pub(crate) fn progress_bar(quiet: bool, len: Option<u64>) -> ProgressBar {
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
        let extractions: Vec<Result<(Extraction, Option<String>), String>> = docs
            .par_iter()
            .map(|doc| {
                // The language it was read in before (given or detected) holds.
                let lang = doc.summary.lang.or(args.lang);
                let (id, date) = (&doc.summary.doc, doc.meta_date);
                almanac_ingest::extract_document(id, &doc.text, date, lang, &Limits::default())
            })
            .collect();
        let mut items = Vec::new();
        for (doc, extraction) in docs.iter().zip(&extractions) {
            tally.bytes += doc.text.len() as u64;
            match extraction {
                Ok((extraction, warning)) => {
                    let notes = almanac_ingest::unread_language(extraction.lang)
                        .into_iter()
                        .chain(warning.clone());
                    for note in notes {
                        progress.suspend(|| eprintln!("almanac: {}: {note}", doc.summary.doc));
                    }
                    items.push((doc.as_new(), extraction))
                }
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
