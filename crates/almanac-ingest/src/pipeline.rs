//! The ingest pipeline: documents into the ledger, with bounded memory.
//!
//! Three stages: the caller's thread reads documents and skips those already stored,
//! rayon extracts a batch in parallel, and a writer thread stores the previous batches in
//! one transaction (each document whole). At most a few batches, and about
//! `IN_FLIGHT_BYTES` of texts and their extractions, are in flight, whatever the corpus. A helper
//! thread frees what the writer has written and folds the write-ahead log back into the
//! database file, work the writer would otherwise do between its transactions.

use std::sync::{mpsc, Condvar, Mutex, PoisonError};

use almanac_extract::{extract_with_limit, DocContext, Extraction, Lang, EXTRACTOR_VERSION};
use almanac_store::{open_ledger, DocStatus, Ledger, LedgerAddress, NewDocument, Put, StoreError};
use chrono::NaiveDate;
use rayon::prelude::*;

use crate::read::{ReadError, SourceDoc};
use crate::Limits;

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
pub const WRITER_AUTO_CHECKPOINT: u32 = 32 * 1024;
/// A batch is also cut at this many bytes of text, so that big documents stay bounded:
/// the facts of a text full of figures weigh up to a hundred times the text, each holding
/// its sentence. A batch of news (256 articles) is under it.
const BATCH_BYTES: usize = 1024 * 1024;
/// No batch is extracted while the texts and extractions waiting for the writer or being
/// written weigh this much. Counting batches alone is not enough, as a batch of texts
/// full of figures weighs far more than one of news, which weighs a few MB: this holds
/// back only the former.
const IN_FLIGHT_BYTES: usize = 64 * 1024 * 1024;

/// How documents are ingested.
#[derive(Debug, Clone, Copy)]
pub struct IngestOptions {
    /// Re-extract documents already stored and replace their facts.
    pub force: bool,
    /// The publication date of documents that carry none (header or JSONL `date`).
    pub date: Option<NaiveDate>,
    /// Documents over these are refused, each named as failed.
    pub limits: Limits,
}

/// What the pipeline tells its caller as it goes (a progress bar, a response).
pub trait Progress: Sync {
    /// A document could not be read, extracted or written; the others go on.
    fn failed(&self, origin: &str, message: &str);
    /// What became of a document that was read: written, or found unchanged.
    fn document(&self, _doc: &str, _origin: &str, _outcome: &Put) {}
    /// A document was read with something left out (its HTML nested too deep), or is in a
    /// language almanac does not read yet ([`unread_language`]: stored without facts).
    fn doc_warning(&self, _origin: &str, _message: &str) {}
    /// A transaction was committed; `tally` counts the documents written so far.
    fn written(&self, _tally: &Tally) {}
    /// Something went wrong that lost nothing (a checkpoint that could not run).
    fn warning(&self, _message: &str) {}
}

/// How many documents went which way, and the facts and bytes written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Texts stored already under another id, recorded under this one too.
    pub duplicates: u64,
    pub failed: u64,
    pub facts: u64,
    pub bytes: u64,
}

impl Tally {
    /// The documents seen.
    pub fn docs(&self) -> u64 {
        self.new + self.updated + self.unchanged + self.duplicates + self.failed
    }
}

/// Why an ingest stopped before the end.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Open(StoreError),
    #[error("cannot write to the ledger")]
    Write(#[source] StoreError),
    #[error("stopped: the ledger could not be read")]
    Read,
    #[error("the writer thread panicked")]
    WriterPanicked,
}

/// One document on its way to the ledger: its extraction, and a warning when its figures
/// were over the limit.
struct Work {
    source: SourceDoc,
    extraction: Result<(Extraction, Option<String>), String>,
}

impl Work {
    /// About the bytes it holds: its text, and its facts with their sentences, which
    /// dwarf the text when a document is nothing but figures.
    fn weight(&self) -> usize {
        let facts = self.extraction.as_ref().map_or(0, |(extraction, _)| {
            extraction
                .facts
                .iter()
                .map(|f| std::mem::size_of_val(f) + f.doc.len() + f.text.len() + f.sentence.len())
                .sum::<usize>()
                + extraction.entities.len() * std::mem::size_of::<almanac_extract::Entity>()
        });
        self.source.text.len() + facts
    }
}

/// The bytes in flight, from a batch extracted until it is freed after being written.
struct InFlight {
    bytes: Mutex<usize>,
    freed: Condvar,
}

impl InFlight {
    /// Waits until less than `IN_FLIGHT_BYTES` are in flight: what a batch weighs is
    /// known only once it is extracted, so the room is made before.
    fn wait_for_room(&self) {
        let mut held = self.bytes.lock().unwrap_or_else(PoisonError::into_inner);
        while *held >= IN_FLIGHT_BYTES {
            held = self
                .freed
                .wait(held)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn take(&self, bytes: usize) {
        *self.bytes.lock().unwrap_or_else(PoisonError::into_inner) += bytes;
    }

    fn give_back(&self, bytes: usize) {
        *self.bytes.lock().unwrap_or_else(PoisonError::into_inner) -= bytes;
        self.freed.notify_all();
    }
}

/// Extracted documents counted in flight, given back when dropped wherever that happens
/// (freed after writing, or left in a channel when the writer stopped on an error), so
/// that the reader never waits for bytes nobody will free.
struct Batch<'a> {
    work: Vec<Work>,
    bytes: usize,
    in_flight: &'a InFlight,
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        // The documents go first, so that the bytes are free when the reader is told.
        drop(std::mem::take(&mut self.work));
        self.in_flight.give_back(self.bytes);
    }
}

/// Ingests `docs` into the ledger at `address` (an SQLite file, created when missing, or a
/// PostgreSQL database), telling `progress` what
/// becomes of each. A document that cannot be read, extracted or written is counted as
/// failed and the others go on.
///
/// # Errors
///
/// When the ledger cannot be opened, read or written: the documents written until then
/// stay written, each whole.
pub fn ingest(
    address: &LedgerAddress,
    docs: impl Iterator<Item = Result<SourceDoc, ReadError>>,
    opts: &IngestOptions,
    progress: &dyn Progress,
) -> Result<Tally, IngestError> {
    let reader_store = open_ledger(address).map_err(IngestError::Open)?;
    let writer_store = open_ledger(address).map_err(IngestError::Open)?;
    let helper_store = open_ledger(address).map_err(IngestError::Open)?;
    writer_store
        .set_auto_checkpoint(WRITER_AUTO_CHECKPOINT)
        .map_err(IngestError::Open)?;

    let in_flight = InFlight {
        bytes: Mutex::new(0),
        freed: Condvar::new(),
    };
    let (written, skipped, reader_failed) = std::thread::scope(|scope| {
        // The writer thread owns its connection; a few batches may wait for it. What it
        // has written goes to the helper thread, which frees it and folds the write-ahead
        // log into the database file.
        let (tx, rx) = mpsc::sync_channel::<Batch<'_>>(QUEUED_BATCHES);
        let (done_tx, done_rx) = mpsc::sync_channel::<Vec<Batch<'_>>>(1);
        scope.spawn(move || {
            for written in done_rx {
                drop(written);
                // A failed checkpoint is only postponed: the writer's own catches up.
                let _ = helper_store.checkpoint_passive();
            }
        });
        let writer = scope.spawn(move || write_batches(writer_store, rx, done_tx, opts, progress));

        let mut skipped = Tally::default();
        let mut batch: Vec<SourceDoc> = Vec::new();
        let mut batch_bytes = 0;
        let send = |batch: Vec<SourceDoc>| {
            in_flight.wait_for_room();
            let work = extract_batch(batch, opts);
            let bytes = work.iter().map(Work::weight).sum();
            in_flight.take(bytes);
            let batch = Batch {
                work,
                bytes,
                in_flight: &in_flight,
            };
            // A closed channel means the writer stopped on an error; it reports it below.
            let _ = tx.send(batch);
        };
        let mut reader_failed = false;
        for item in docs {
            match item {
                Err(err) => {
                    skipped.failed += 1;
                    progress.failed(&err.origin, &err.message);
                }
                Ok(source) => {
                    if let Err(err) = opts.limits.check(&source) {
                        skipped.failed += 1;
                        progress.failed(&err.origin, &err.message);
                        continue;
                    }
                    for warning in &source.warnings {
                        progress.doc_warning(&source.origin, warning);
                    }
                    if !opts.force {
                        match reader_store.status(&new_document(&source, opts.date)) {
                            Ok(DocStatus::Unchanged { stored_as }) => {
                                skipped.unchanged += 1;
                                skipped.bytes += source.text.len() as u64;
                                let outcome = Put::Unchanged { stored_as };
                                progress.document(&source.id, &source.origin, &outcome);
                                continue;
                            }
                            Ok(_) => {}
                            Err(err) => {
                                reader_failed = true;
                                progress.failed(&source.origin, &err.to_string());
                                break;
                            }
                        }
                    }
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
        let written = writer.join().map_err(|_| IngestError::WriterPanicked);
        (written, skipped, reader_failed)
    });
    let written = written??;
    if reader_failed {
        return Err(IngestError::Read);
    }
    if let Err(err) = reader_store.checkpoint() {
        progress.warning(&err.to_string());
    }
    Ok(Tally {
        new: written.new,
        updated: written.updated,
        unchanged: written.unchanged + skipped.unchanged,
        duplicates: written.duplicates,
        failed: written.failed + skipped.failed,
        facts: written.facts,
        bytes: written.bytes + skipped.bytes,
    })
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

/// What to tell of a document in `lang` when almanac has no rules for it: it is stored,
/// with its language, and no facts. `None` for a language almanac reads.
pub fn unread_language(lang: Lang) -> Option<String> {
    let name = match lang {
        Lang::English | Lang::Russian => return None,
        Lang::Kazakh => "Kazakh",
    };
    Some(format!(
        "the text is in {name} ({lang}), which almanac does not read yet: stored without facts"
    ))
}

/// Extracts one document, as ingest does: a panic in the extractor fails that document
/// only, with its message. Without `lang` the extractor detects the document's language.
/// No more than `limits.max_figures` figures are read; when the document has more, the
/// facts of those are returned with the warning to tell (`Limits::figures_left_out`).
pub fn extract_document(
    id: &str,
    text: &str,
    date: Option<NaiveDate>,
    lang: Option<Lang>,
    limits: &Limits,
) -> Result<(Extraction, Option<String>), String> {
    let ctx = DocContext {
        doc: id,
        date,
        lang,
    };
    std::panic::catch_unwind(|| {
        let (extraction, unread_from) = extract_with_limit(text, &ctx, limits.max_figures);
        let warning = unread_from.map(|at| limits.figures_left_out(text, at));
        (extraction, warning)
    })
    .map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("unknown panic");
        format!("the extractor failed on this document (a bug, please report it): {message}")
    })
}

/// Extracts a batch on all cores.
fn extract_batch(batch: Vec<SourceDoc>, opts: &IngestOptions) -> Vec<Work> {
    batch
        .into_par_iter()
        .map(|source| {
            // The reader accepts only the codes `Lang` parses.
            let lang = source.lang.as_deref().and_then(|code| code.parse().ok());
            let date = source.date.or(opts.date);
            let extraction = extract_document(&source.id, &source.text, date, lang, &opts.limits);
            Work { source, extraction }
        })
        .collect()
}

fn write_batches<'a>(
    mut store: Box<dyn Ledger>,
    rx: mpsc::Receiver<Batch<'a>>,
    done: mpsc::SyncSender<Vec<Batch<'a>>>,
    opts: &IngestOptions,
    progress: &dyn Progress,
) -> Result<Tally, IngestError> {
    let mut tally = Tally::default();
    while let Ok(first) = rx.recv() {
        let text_bytes = |batch: &Batch| batch.work.iter().map(|w| w.source.text.len()).sum();
        let mut docs = first.work.len();
        let mut bytes: usize = text_bytes(&first);
        let mut batches = vec![first];
        while docs < TXN_DOCS && bytes < TXN_BYTES {
            match rx.try_recv() {
                Ok(more) => {
                    docs += more.work.len();
                    bytes += text_bytes(&more);
                    batches.push(more);
                }
                Err(_) => break,
            }
        }
        let mut items = Vec::with_capacity(docs);
        let mut warnings = Vec::with_capacity(docs);
        for work in batches.iter().flat_map(|b| &b.work) {
            match &work.extraction {
                Ok((extraction, warning)) => {
                    items.push((new_document(&work.source, opts.date), extraction));
                    warnings.push(warning);
                }
                Err(message) => {
                    tally.failed += 1;
                    progress.failed(&work.source.origin, message);
                }
            }
        }
        let results = store
            .put_batch(&items, EXTRACTOR_VERSION, opts.force)
            .map_err(IngestError::Write)?;
        for (((doc, extraction), warning), result) in items.iter().zip(warnings).zip(results) {
            tally.bytes += doc.text.len() as u64;
            match result {
                Ok(put) => {
                    if let Some(note) = unread_language(extraction.lang) {
                        progress.doc_warning(doc.origin, &note);
                    }
                    if let Some(warning) = warning {
                        progress.doc_warning(doc.origin, warning);
                    }
                    match put {
                        Put::Inserted { facts } => {
                            tally.new += 1;
                            tally.facts += facts as u64;
                        }
                        Put::Replaced { facts, .. } => {
                            tally.updated += 1;
                            tally.facts += facts as u64;
                        }
                        Put::Unchanged { .. } => tally.unchanged += 1,
                        Put::Duplicate { .. } => tally.duplicates += 1,
                    }
                    progress.document(doc.doc, doc.origin, &put);
                }
                Err(err) => {
                    tally.failed += 1;
                    progress.failed(doc.origin, &err.to_string());
                }
            }
        }
        progress.written(&tally);
        drop(items);
        let _ = done.send(batches);
    }
    Ok(tally)
}
