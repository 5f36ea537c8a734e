//! The ledger commands: `ingest`, `reindex`, `facts`, `docs`, `show`, `entities`, `export`.
//!
//! Ingest is a three-stage pipeline with bounded memory: this thread reads documents and
//! skips those already stored, rayon extracts a batch in parallel, and a writer thread
//! stores the previous batches in one transaction (each document whole). At most a few
//! batches are in flight, whatever the size of the corpus.

use std::fmt::Write as _;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use almanac_extract::{extract, DocContext, Extraction, Period, EXTRACTOR_VERSION};
use almanac_store::{
    DocFilter, DocStatus, DocumentSummary, EntityFilter, EntitySummary, FactFilter, FactSort,
    NewDocument, Put, Store, StoredFact,
};
use anyhow::{bail, Context};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

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

/// Where the ledger is.
#[derive(Args, Debug, Clone)]
pub struct DbArgs {
    /// The ledger file (SQLite); created when missing
    #[arg(
        long,
        env = "ALMANAC_DB",
        default_value = "almanac.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,
}

impl DbArgs {
    fn open(&self) -> anyhow::Result<Store> {
        Ok(Store::open(&self.db)?)
    }

    /// Opens a ledger that must exist already (queries never create an empty one).
    fn open_existing(&self) -> anyhow::Result<Store> {
        if !self.db.exists() {
            bail!(
                "no ledger at {} (run `almanac ingest` first, or give --db / ALMANAC_DB)",
                self.db.display()
            );
        }
        self.open()
    }
}

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
    /// Refuse documents larger than this many megabytes (an article is a few kilobytes; a
    /// huge file is most often a dump that should be split)
    #[arg(long, value_name = "MB", default_value_t = 16)]
    pub max_doc_mb: u64,
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

/// The filters shared by `facts` and `export`.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// The place or organisation the facts are about: canonical name or alias, any case
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,
    /// With --subject: also the places that are part of it (districts of a city...)
    #[arg(long, requires = "subject")]
    pub within: bool,
    /// What is measured: investment, output, economy, jobs... (comma-separated for several)
    #[arg(long, value_delimiter = ',', value_name = "METRIC")]
    pub metric: Vec<String>,
    /// level, change, index or share (comma-separated for several)
    #[arg(long, value_delimiter = ',', value_name = "MEASURE")]
    pub measure: Vec<String>,
    /// actual or planned
    #[arg(long, value_delimiter = ',', value_name = "STATUS")]
    pub status: Vec<String>,
    /// The unit: KZT, USD, %, job, project... (comma-separated for several)
    #[arg(long, value_delimiter = ',', value_name = "UNIT")]
    pub unit: Vec<String>,
    /// Facts whose period overlaps this one: 2023, 2023-05, 2023-Q1, 2021/2023...
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<Period>,
    /// Facts of one document
    #[arg(long, value_name = "DOC")]
    pub doc: Option<String>,
    /// Full-text search in the facts' sentences: words, "a phrase", a OR b, prefix*
    #[arg(long, value_name = "QUERY")]
    pub text: Option<String>,
    /// Order: doc, date, period, value, value_kzt, value_usd, subject, metric; a leading -
    /// sorts descending (-value)
    #[arg(long, value_name = "KEY", allow_hyphen_values = true)]
    pub sort: Option<FactSort>,
    /// At most this many facts (0 for all)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

impl FilterArgs {
    fn to_filter(&self, default_limit: Option<usize>) -> anyhow::Result<FactFilter> {
        for status in &self.status {
            if !matches!(status.as_str(), "actual" | "planned") {
                bail!("unknown status {status:?}: expected actual or planned");
            }
        }
        for measure in &self.measure {
            if !matches!(measure.as_str(), "level" | "change" | "index" | "share") {
                bail!("unknown measure {measure:?}: expected level, change, index or share");
            }
        }
        let limit = match self.limit {
            Some(0) => None,
            Some(n) => Some(n),
            None => default_limit,
        };
        Ok(FactFilter {
            subject: self.subject.clone(),
            within: self.within,
            metric: self.metric.iter().map(|m| m.to_lowercase()).collect(),
            measure: self.measure.clone(),
            status: self.status.clone(),
            unit: self.unit.iter().map(|u| normalise_unit(u)).collect(),
            period: self.period,
            doc: self.doc.clone(),
            text: self.text.clone(),
            sort: self.sort.unwrap_or_default(),
            limit,
        })
    }
}

/// Currency codes are upper case, every other unit lower case (`usd` -> `USD`, `Jobs`
/// -> `jobs`).
fn normalise_unit(unit: &str) -> String {
    if almanac_store::rates::is_currency(unit) {
        unit.to_ascii_uppercase()
    } else if unit.eq_ignore_ascii_case("kwh") {
        "kWh".to_string()
    } else {
        unit.to_lowercase()
    }
}

/// How `facts`, `docs` and `entities` print.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListFormat {
    /// Aligned columns for people
    #[default]
    Table,
    /// One JSON array
    Json,
    /// One JSON object a line
    Jsonl,
    /// Comma-separated with a header
    Csv,
}

/// `almanac facts`.
#[derive(Args, Debug)]
pub struct FactsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format (a table shows the first 100 facts unless --limit says otherwise)
    #[arg(long, short, value_enum, default_value_t)]
    pub format: ListFormat,
}

/// `almanac docs`.
#[derive(Args, Debug)]
pub struct DocsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Documents dated within this period
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<Period>,
    /// Documents whose id, title or origin contains this
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Newest first (by document date) rather than in ledger order
    #[arg(long)]
    pub newest: bool,
    /// At most this many documents (0 for all; a table shows 100 by default)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long, short, value_enum, default_value_t)]
    pub format: ListFormat,
}

/// When to colour.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is not set
    #[default]
    Auto,
    Always,
    Never,
}

/// `almanac show`.
#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The document id
    pub doc: String,
    #[command(flatten)]
    pub db: DbArgs,
    /// Colour the figures (else they are [bracketed])
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// Print the document and its facts as JSON instead
    #[arg(long)]
    pub json: bool,
}

/// `almanac entities`.
#[derive(Args, Debug)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Only this kind: country, region, city, district, town, zone, organisation, person
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Entities whose name or an alias contains this
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only places that are part of this one (and itself)
    #[arg(long, value_name = "NAME")]
    pub within: Option<String>,
    /// At most this many (0 for all; a table shows 100 by default)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long, short, value_enum, default_value_t)]
    pub format: ListFormat,
}

/// Export formats.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Jsonl,
    /// Apache Parquet (needs a build with the `parquet` feature)
    Parquet,
}

/// `almanac export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// The format; by default taken from the extension of --output
    #[arg(long, short, value_enum)]
    pub format: Option<ExportFormat>,
    /// The file to write (`-` for stdout, csv and jsonl only)
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
}

// Ingest.

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
    failed: u64,
    facts: u64,
    bytes: u64,
}

impl Tally {
    fn docs(&self) -> u64 {
        self.new + self.updated + self.unchanged + self.failed
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
    for item in read::documents(&args.paths) {
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
            Ok(source) if source.text.len() as u64 > args.max_doc_mb * 1024 * 1024 => {
                skipped.failed += 1;
                let mb = source.text.len() as f64 / 1024.0 / 1024.0;
                progress.suspend(|| {
                    eprintln!(
                        "almanac: {}: document is {mb:.1} MB, over the {} MB limit \
                         (split it, or raise --max-doc-mb)",
                        source.origin, args.max_doc_mb
                    )
                });
            }
            Ok(source) => {
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
        "  {} new, {} updated, {} unchanged, {} failed; {} facts added",
        tally.new, tally.updated, tally.unchanged, tally.failed, tally.facts
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
    let mut store = args.db.open_existing()?;
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

// Queries.

const TABLE_LIMIT: usize = 100;

pub fn facts(args: FactsArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let table_default = (args.format == ListFormat::Table).then_some(TABLE_LIMIT);
    let mut filter = args.filter.to_filter(table_default)?;
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    match args.format {
        ListFormat::Table => {
            // One more than shown tells whether there are more.
            let shown = filter.limit;
            filter.limit = shown.map(|n| n + 1);
            let mut facts = store.facts(&filter)?;
            let more = shown.is_some_and(|n| facts.len() > n);
            if let Some(n) = shown {
                facts.truncate(n);
            }
            write_fact_table(&mut out, &facts)?;
            out.flush()?;
            if more {
                let total = store.count_facts(&filter)?;
                eprintln!(
                    "({} of {total} facts shown; --limit N or --limit 0 for more)",
                    facts.len()
                );
            } else if facts.is_empty() {
                eprintln!("no facts match");
            }
        }
        format => {
            let mut sink = FactSink::new(&mut out, format)?;
            write_facts(&store, &filter, &mut sink)?;
            sink.finish()?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The flat columns of a fact in CSV and Parquet: every FACTS.md field, the span, the
/// document date and money normalised with the rates used.
pub const FACT_COLUMNS: [&str; 31] = [
    "id",
    "doc",
    "doc_date",
    "text",
    "value",
    "unit",
    "qualifier",
    "metric",
    "measure",
    "subject",
    "period",
    "period_start",
    "period_end",
    "status",
    "per",
    "group",
    "object",
    "equivalents",
    "span_start",
    "span_end",
    "sentence",
    "value_kzt",
    "value_usd",
    "kzt_rate",
    "kzt_rate_source",
    "kzt_rate_period",
    "usd_rate",
    "usd_rate_source",
    "usd_rate_period",
    "implied_rate",
    "implied_rate_currency",
];

/// One fact as flat optional strings, in [`FACT_COLUMNS`] order.
fn fact_row(f: &StoredFact) -> Vec<Option<String>> {
    let num = |v: f64| Some(plain_number(v));
    let bounds = f.fact.period.map(Period::bounds);
    let equivalents = f
        .fact
        .equivalents
        .iter()
        .map(|e| format!("{} {}", plain_number(e.value), e.unit))
        .collect::<Vec<_>>()
        .join("; ");
    vec![
        Some(f.id.to_string()),
        Some(f.fact.doc.clone()),
        f.doc_date.map(|d| d.to_string()),
        Some(f.fact.text.clone()),
        num(f.fact.value),
        f.fact.unit.clone(),
        f.fact.qualifier.map(|q| q.as_str().to_string()),
        f.fact.metric.map(|m| m.to_string()),
        f.fact.measure.map(|m| m.as_str().to_string()),
        f.fact.subject.clone(),
        f.fact.period.map(|p| p.to_string()),
        bounds.map(|b| b.0.to_string()),
        bounds.map(|b| b.1.to_string()),
        f.fact.status.map(|s| s.as_str().to_string()),
        f.fact.per.clone(),
        f.fact.group.map(|g| g.to_string()),
        f.fact.object.clone(),
        (!equivalents.is_empty()).then_some(equivalents),
        Some(f.fact.span[0].to_string()),
        Some(f.fact.span[1].to_string()),
        Some(f.fact.sentence.clone()),
        f.value_kzt.and_then(num),
        f.value_usd.and_then(num),
        f.kzt_rate.as_ref().and_then(|r| num(r.kzt_per_unit)),
        f.kzt_rate.as_ref().map(|r| r.source.to_string()),
        f.kzt_rate
            .as_ref()
            .map(|r| r.period.clone())
            .filter(|p| !p.is_empty()),
        f.usd_rate.as_ref().and_then(|r| num(r.kzt_per_unit)),
        f.usd_rate.as_ref().map(|r| r.source.to_string()),
        f.usd_rate
            .as_ref()
            .map(|r| r.period.clone())
            .filter(|p| !p.is_empty()),
        f.implied_rate.as_ref().and_then(|r| num(r.kzt_per_unit)),
        f.implied_rate.as_ref().map(|r| r.currency.clone()),
    ]
}

/// A number as a spreadsheet reads it: no exponent, no thousands separator, at most 6
/// decimals, no trailing zeros.
fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        return format!("{}", v as i64);
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// Writes facts one by one as JSON (one array), JSONL or CSV, streaming.
enum FactSink<W: Write> {
    Json { out: W, n: usize },
    Jsonl { out: W },
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> FactSink<W> {
    fn new(out: W, format: ListFormat) -> anyhow::Result<FactSink<W>> {
        Ok(match format {
            ListFormat::Json | ListFormat::Table => FactSink::Json { out, n: 0 },
            ListFormat::Jsonl => FactSink::Jsonl { out },
            ListFormat::Csv => {
                let mut csv = csv::Writer::from_writer(out);
                csv.write_record(FACT_COLUMNS)?;
                FactSink::Csv(Box::new(csv))
            }
        })
    }

    fn write(&mut self, fact: &StoredFact) -> anyhow::Result<()> {
        match self {
            FactSink::Json { out, n } => {
                out.write_all(if *n == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, fact)?;
                *n += 1;
            }
            FactSink::Jsonl { out } => {
                serde_json::to_writer(&mut *out, fact)?;
                out.write_all(b"\n")?;
            }
            FactSink::Csv(csv) => {
                csv.write_record(fact_row(fact).iter().map(|c| c.as_deref().unwrap_or("")))?
            }
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            FactSink::Json { mut out, n } => {
                out.write_all(if n == 0 { b"[]\n" } else { b"\n]\n" })?;
                out.flush()?;
            }
            FactSink::Jsonl { mut out } => out.flush()?,
            FactSink::Csv(mut csv) => csv.flush()?,
        }
        Ok(())
    }
}

/// Streams the facts of `filter` into `sink`.
fn write_facts<W: Write>(
    store: &Store,
    filter: &FactFilter,
    sink: &mut FactSink<W>,
) -> anyhow::Result<usize> {
    let mut failure = None;
    let n = store.for_each_fact(filter, |fact| match sink.write(&fact) {
        Ok(()) => true,
        Err(err) => {
            failure = Some(err);
            false
        }
    })?;
    match failure {
        Some(err) => Err(err),
        None => Ok(n),
    }
}

/// A table: a header row, columns as wide as their widest cell (up to a cap), cells cut
/// with an ellipsis past it, numbers right-aligned.
struct Table {
    header: Vec<&'static str>,
    caps: Vec<usize>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(columns: &[(&'static str, usize, bool)]) -> Table {
        Table {
            header: columns.iter().map(|c| c.0).collect(),
            caps: columns.iter().map(|c| c.1).collect(),
            right: columns.iter().map(|c| c.2).collect(),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let cut = |s: &str, cap: usize| -> String {
            let s = s.replace(['\n', '\t'], " ");
            if s.chars().count() <= cap {
                s
            } else {
                let mut t: String = s.chars().take(cap.saturating_sub(1)).collect();
                t.push('…');
                t
            }
        };
        let cells: Vec<Vec<String>> =
            std::iter::once(self.header.iter().map(|h| h.to_string()).collect())
                .chain(self.rows.iter().cloned())
                .map(|row| {
                    row.iter()
                        .zip(&self.caps)
                        .map(|(c, cap)| cut(c, *cap))
                        .collect()
                })
                .collect();
        let widths: Vec<usize> = (0..self.header.len())
            .map(|i| {
                cells
                    .iter()
                    .map(|r| r[i].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in &cells {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = widths[i] - cell.chars().count();
                if self.right[i] {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if i + 1 < row.len() {
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

/// A number for people: thousands separated, at most 2 decimals.
fn human_number(v: f64) -> String {
    let plain = plain_number((v * 100.0).round() / 100.0);
    let (int, frac) = match plain.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (plain, None),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d.to_string()),
        None => ("", int),
    };
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn write_fact_table(out: &mut impl Write, facts: &[StoredFact]) -> io::Result<()> {
    let mut table = Table::new(&[
        ("DOC", 24, false),
        ("FIGURE", 30, false),
        ("VALUE", 22, true),
        ("UNIT", 10, false),
        ("METRIC", 14, false),
        ("MEASURE", 7, false),
        ("SUBJECT", 28, false),
        ("PERIOD", 21, false),
        ("STATUS", 7, false),
        ("USD", 18, true),
    ]);
    for f in facts {
        let opt = |s: Option<&str>| s.unwrap_or("-").to_string();
        let mut value = human_number(f.fact.value);
        if let Some(q) = f.fact.qualifier {
            value = format!(
                "{} {value}",
                match q {
                    almanac_extract::Qualifier::MoreThan => ">",
                    almanac_extract::Qualifier::LessThan => "<",
                    almanac_extract::Qualifier::About => "~",
                }
            );
        }
        table.push(vec![
            f.fact.doc.clone(),
            f.fact.text.clone(),
            value,
            opt(f.fact.unit.as_deref()),
            opt(f.fact.metric.map(|m| m.as_str())),
            opt(f.fact.measure.map(|m| m.as_str())),
            opt(f.fact.subject.as_deref()),
            f.fact.period.map_or("-".into(), |p| p.to_string()),
            opt(f.fact.status.map(|s| s.as_str())),
            f.value_usd.map_or("-".into(), |v| human_number(v.round())),
        ]);
    }
    table.write(out)
}

pub fn docs(args: DocsArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let limit = match args.limit {
        Some(0) => None,
        Some(n) => Some(n),
        None => (args.format == ListFormat::Table).then_some(TABLE_LIMIT),
    };
    let filter = DocFilter {
        period: args.period,
        search: args.search.clone(),
        newest_first: args.newest,
        limit,
    };
    let docs = store.documents(&filter)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        ListFormat::Table => {
            let mut table = Table::new(&[
                ("DOC", 32, false),
                ("DATE", 10, false),
                ("FACTS", 6, true),
                ("KB", 8, true),
                ("TITLE / ORIGIN", 60, false),
            ]);
            for d in &docs {
                table.push(vec![
                    d.doc.clone(),
                    d.date.map_or("-".into(), |d| d.to_string()),
                    d.facts.to_string(),
                    format!("{:.1}", d.bytes as f64 / 1024.0),
                    d.title.clone().unwrap_or_else(|| d.origin.clone()),
                ]);
            }
            table.write(&mut out)?;
            let total = store.stats()?.documents;
            if limit.is_some_and(|n| (docs.len() as u64) < total && docs.len() == n) {
                out.flush()?;
                eprintln!(
                    "({} of {total} documents shown; --limit 0 for all)",
                    docs.len()
                );
            }
        }
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &docs)?;
            writeln!(out)?;
        }
        ListFormat::Jsonl => {
            for d in &docs {
                serde_json::to_writer(&mut out, d)?;
                writeln!(out)?;
            }
        }
        ListFormat::Csv => write_docs_csv(&mut out, &docs)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_docs_csv(out: &mut impl Write, docs: &[DocumentSummary]) -> anyhow::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record([
        "doc",
        "date",
        "date_source",
        "facts",
        "bytes",
        "title",
        "url",
        "origin",
        "hash",
        "extractor_version",
        "ingested_at",
    ])?;
    for d in docs {
        csv.write_record([
            d.doc.clone(),
            d.date.map(|d| d.to_string()).unwrap_or_default(),
            d.date_source.clone().unwrap_or_default(),
            d.facts.to_string(),
            d.bytes.to_string(),
            d.title.clone().unwrap_or_default(),
            d.url.clone().unwrap_or_default(),
            d.origin.clone(),
            d.hash.clone(),
            d.extractor_version.clone(),
            d.ingested_at.clone(),
        ])?;
    }
    csv.flush()?;
    Ok(())
}

pub fn show(args: ShowArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let Some(doc) = store.document(&args.doc)? else {
        bail!(
            "no document {:?} in {} (see `almanac docs`)",
            args.doc,
            args.db.db.display()
        );
    };
    let facts = store.facts(&FactFilter {
        doc: Some(args.doc.clone()),
        ..Default::default()
    })?;
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        #[derive(serde::Serialize)]
        struct Shown<'a> {
            #[serde(flatten)]
            document: &'a almanac_store::StoredDocument,
            facts: &'a [StoredFact],
        }
        serde_json::to_writer_pretty(
            &mut out,
            &Shown {
                document: &doc,
                facts: &facts,
            },
        )?;
        writeln!(out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let s = &doc.summary;
    writeln!(out, "{}", s.title.as_deref().unwrap_or(&s.doc))?;
    writeln!(out, "  doc:    {}", s.doc)?;
    writeln!(
        out,
        "  date:   {}{}",
        s.date.map_or("-".into(), |d| d.to_string()),
        s.date_source
            .as_deref()
            .map_or(String::new(), |src| format!(" ({src})"))
    )?;
    writeln!(out, "  origin: {}", s.origin)?;
    if let Some(url) = &s.url {
        writeln!(out, "  url:    {url}")?;
    }
    writeln!(
        out,
        "  facts:  {} (extractor {})",
        facts.len(),
        s.extractor_version
    )?;
    writeln!(out)?;
    writeln!(out, "{}", highlight(&doc.text, &facts, color).trim_end())?;
    writeln!(out)?;
    write_fact_table(&mut out, &facts)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The text with each fact's span marked: bold colour on a terminal (green for actual,
/// yellow for planned), `[brackets]` otherwise. Spans that overlap an earlier one or do not
/// fall on character boundaries are left unmarked.
fn highlight(text: &str, facts: &[StoredFact], color: bool) -> String {
    let mut spans: Vec<(usize, usize, bool)> = facts
        .iter()
        .map(|f| {
            (
                f.fact.span[0],
                f.fact.span[1],
                f.fact.status == Some(almanac_extract::Status::Planned),
            )
        })
        .filter(|(a, b, _)| {
            a < b && *b <= text.len() && text.is_char_boundary(*a) && text.is_char_boundary(*b)
        })
        .collect();
    spans.sort();
    let mut out = String::with_capacity(text.len() + spans.len() * 12);
    let mut at = 0;
    for (start, end, planned) in spans {
        if start < at {
            continue;
        }
        out.push_str(&text[at..start]);
        if color {
            let _ = write!(
                out,
                "\x1b[1;{}m{}\x1b[0m",
                if planned { 33 } else { 32 },
                &text[start..end]
            );
        } else {
            let _ = write!(out, "[{}]", &text[start..end]);
        }
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

pub fn entities(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let limit = match args.limit {
        Some(0) => None,
        Some(n) => Some(n),
        None => (args.format == ListFormat::Table).then_some(TABLE_LIMIT),
    };
    let filter = EntityFilter {
        kind: args.kind.clone(),
        search: args.search.clone(),
        within: args.within.clone(),
        limit,
    };
    let entities = store.entities(&filter)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        ListFormat::Table => {
            let mut table = Table::new(&[
                ("NAME", 36, false),
                ("KIND", 12, false),
                ("PART OF", 24, false),
                ("FACTS", 7, true),
                ("MENTIONS", 8, true),
                ("DOCS", 7, true),
                ("ALIASES", 50, false),
            ]);
            for e in &entities {
                table.push(vec![
                    e.name.clone(),
                    e.kind.clone().unwrap_or_else(|| "-".into()),
                    e.part_of.clone().unwrap_or_else(|| "-".into()),
                    e.facts.to_string(),
                    e.mentions.to_string(),
                    e.documents.to_string(),
                    e.aliases.join(", "),
                ]);
            }
            table.write(&mut out)?;
            if entities.is_empty() {
                out.flush()?;
                eprintln!("no entities match");
            }
        }
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &entities)?;
            writeln!(out)?;
        }
        ListFormat::Jsonl => {
            for e in &entities {
                serde_json::to_writer(&mut out, e)?;
                writeln!(out)?;
            }
        }
        ListFormat::Csv => write_entities_csv(&mut out, &entities)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_entities_csv(out: &mut impl Write, entities: &[EntitySummary]) -> anyhow::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record([
        "name",
        "kind",
        "part_of",
        "role",
        "role_of",
        "facts",
        "mentions",
        "documents",
        "aliases",
    ])?;
    for e in entities {
        csv.write_record([
            e.name.clone(),
            e.kind.clone().unwrap_or_default(),
            e.part_of.clone().unwrap_or_default(),
            e.role.clone().unwrap_or_default(),
            e.role_of.clone().unwrap_or_default(),
            e.facts.to_string(),
            e.mentions.to_string(),
            e.documents.to_string(),
            e.aliases.join("; "),
        ])?;
    }
    csv.flush()?;
    Ok(())
}

// Export.

pub fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format = match args.format {
        Some(format) => format,
        None => match args
            .output
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .as_deref()
        {
            Some("csv") => ExportFormat::Csv,
            Some("jsonl" | "ndjson") => ExportFormat::Jsonl,
            Some("parquet" | "pq") => ExportFormat::Parquet,
            _ => bail!(
                "cannot tell the format from {:?}: give --format csv|jsonl|parquet",
                args.output
            ),
        },
    };
    let store = args.db.open_existing()?;
    let filter = args.filter.to_filter(None)?;
    let to_stdout = args.output.as_os_str() == "-";
    let n = match format {
        ExportFormat::Csv | ExportFormat::Jsonl => {
            let list = if format == ExportFormat::Csv {
                ListFormat::Csv
            } else {
                ListFormat::Jsonl
            };
            if to_stdout {
                let mut sink = FactSink::new(BufWriter::new(io::stdout().lock()), list)?;
                let n = write_facts(&store, &filter, &mut sink)?;
                sink.finish()?;
                n
            } else {
                write_atomically(&args.output, |file| {
                    let mut sink = FactSink::new(BufWriter::new(file), list)?;
                    let n = write_facts(&store, &filter, &mut sink)?;
                    sink.finish()?;
                    Ok(n)
                })?
            }
        }
        ExportFormat::Parquet => {
            if to_stdout {
                bail!("parquet cannot be written to stdout: give -o FILE.parquet");
            }
            export_parquet(&store, &filter, &args.output)?
        }
    };
    if !to_stdout {
        eprintln!("exported {n} facts to {}", args.output.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `path` through a temporary file beside it, renamed into place only when whole:
/// an interrupted export never leaves a truncated file that looks complete.
fn write_atomically<T>(
    path: &Path,
    write: impl FnOnce(std::fs::File) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let file =
        std::fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
    match write(file) {
        Ok(value) => {
            std::fs::rename(&tmp, path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            Ok(value)
        }
        Err(err) => {
            let _ = std::fs::remove_file(&tmp);
            Err(err.context(format!("cannot write {}", path.display())))
        }
    }
}

#[cfg(not(feature = "parquet"))]
fn export_parquet(_: &Store, _: &FactFilter, _: &Path) -> anyhow::Result<usize> {
    bail!(
        "this almanac was built without Parquet support: rebuild with \
         `cargo build --release --features parquet`, or export --format csv or jsonl"
    )
}

#[cfg(feature = "parquet")]
fn export_parquet(store: &Store, filter: &FactFilter, path: &Path) -> anyhow::Result<usize> {
    write_atomically(path, |file| {
        crate::parquet_export::write(store, filter, file)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_spreadsheets_and_for_people() {
        for (v, plain, human) in [
            (15e9, "15000000000", "15,000,000,000"),
            (32.8, "32.8", "32.8"),
            (33.7e6, "33700000", "33,700,000"),
            (-1234.5, "-1234.5", "-1,234.5"),
            (0.125, "0.125", "0.13"),
            (999.0, "999", "999"),
        ] {
            assert_eq!(plain_number(v), plain);
            assert_eq!(human_number(v), human);
        }
    }
}
