//! `almanac import-parquet`: the documents dataset into the ledger.
//!
//! The dataset (`almanac_model::documents`: each document with its whole extraction, as
//! the Spark job writes it with `--documents`) is read a record batch at a time, so memory
//! is bounded by a batch whatever the archive; each row becomes the `NewDocument` and the
//! `Extraction` that `almanac ingest` would have made of the same article, and goes
//! through the store's own write path (`Ledger::put_batch`, on SQLite or PostgreSQL). A
//! batch holds at most 2,048 rows and about 32 MiB of row data, as the file's row groups
//! measure their rows, so a dataset of huge documents stays bounded too. The
//! content hash makes a second import change nothing and a document already ingested
//! `unchanged`. A file or row that cannot be read is named and the others go on.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::args::DbArgs;

/// `almanac import-parquet`.
#[derive(Args, Debug)]
pub struct ImportParquetArgs {
    /// Parquet files of the documents dataset (`extract_facts.py --documents DIR`), or
    /// directories of them (their `*.parquet` files, recursively)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArgs,
    /// Replace documents stored with the same text: after the archive was extracted again
    /// with newer rules
    #[arg(long)]
    pub force: bool,
    /// No progress bar and no summary
    #[arg(long, short)]
    pub quiet: bool,
}

#[cfg(not(feature = "parquet"))]
pub fn run(_: ImportParquetArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!(
        "this almanac was built without Parquet support (--no-default-features): rebuild \
         with the default features to import Parquet"
    )
}

#[cfg(feature = "parquet")]
pub fn run(args: ImportParquetArgs) -> anyhow::Result<ExitCode> {
    use super::ingest::{print_summary, progress_bar, rate_message};
    use almanac_ingest::Tally;

    let started = std::time::Instant::now();
    let mut store = args.db.open()?;
    // As ingest's writer does: a write-ahead log folded back every 128 MiB rather than at
    // SQLite's default 4 MiB, which rewrote the same index pages at every checkpoint.
    store.set_auto_checkpoint(almanac_ingest::WRITER_AUTO_CHECKPOINT)?;
    let bar = progress_bar(args.quiet, None);
    let mut import = parquet_import::Import {
        store: &mut *store,
        force: args.force,
        tally: Default::default(),
        failed_files: 0,
        versions_told: Vec::new(),
        tell: &|message: &str| bar.suspend(|| eprintln!("almanac: {message}")),
        progress: &|tally: &Tally| {
            bar.set_position(tally.docs());
            bar.set_message(rate_message(tally, started.elapsed()));
        },
    };
    for path in &args.paths {
        for file in parquet_files(path) {
            match file {
                Ok(file) => import.file(&file)?,
                Err(message) => {
                    import.failed_files += 1;
                    (import.tell)(&message);
                }
            }
        }
    }
    let (tally, failed_files) = (import.tally, import.failed_files);
    bar.finish_and_clear();
    store.checkpoint()?;
    if !args.quiet {
        print_summary("imported", &tally, started.elapsed());
        if failed_files > 0 {
            println!("  {failed_files} files could not be read (named above)");
        }
    }
    Ok(if tally.failed > 0 || failed_files > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The files of a PATH argument: itself, or a directory's `*.parquet` files in path
/// order, leaving out hidden ones and Spark's bookkeeping (`_SUCCESS`, `.crc`).
#[cfg_attr(not(feature = "parquet"), allow(dead_code))]
fn parquet_files(path: &Path) -> Vec<Result<PathBuf, String>> {
    if !path.is_dir() {
        return vec![Ok(path.to_path_buf())];
    }
    let mut files = Vec::new();
    let walk = walkdir::WalkDir::new(path)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0
                || !entry
                    .file_name()
                    .to_str()
                    .is_some_and(|name| name.starts_with(['.', '_']))
        });
    for entry in walk {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                if entry.path().extension().is_some_and(|ext| ext == "parquet") {
                    files.push(Ok(entry.into_path()));
                }
            }
            Ok(_) => {}
            Err(err) => files.push(Err(format!(
                "{}: {}",
                err.path().unwrap_or(path).display(),
                err.io_error()
                    .map(|io| io.to_string())
                    .unwrap_or_else(|| err.to_string())
            ))),
        }
    }
    if files.is_empty() {
        files.push(Err(format!("{}: no .parquet files in it", path.display())));
    }
    files
}

#[cfg(feature = "parquet")]
mod parquet_import {
    use std::fs::File;
    use std::path::Path;

    use almanac_extract::EXTRACTOR_VERSION;
    use almanac_ingest::Tally;
    use almanac_model::documents::{self, Document, Documents, RowError};
    use almanac_store::{Ledger, NewDocument, Put};
    use anyhow::Context;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use parquet::file::metadata::ParquetMetaData;
    use rayon::prelude::*;

    /// Rows read, parsed and written at a time at most: a transaction of the ledger.
    const BATCH_ROWS: usize = 2048;

    /// Bytes of rows (text and extraction JSON, uncompressed) read at a time, about what one
    /// of `ingest`'s transactions holds: news articles fill [`BATCH_ROWS`] well before it.
    const BATCH_BYTES: usize = 32 * 1024 * 1024;

    /// Rows a batch may hold so that it stays near [`BATCH_BYTES`]: by the widest rows on
    /// average of any row group (uncompressed), at least one and at most [`BATCH_ROWS`].
    fn batch_rows(metadata: &ParquetMetaData) -> usize {
        let widest_row = metadata
            .row_groups()
            .iter()
            .filter(|group| group.num_rows() > 0)
            .map(|group| {
                usize::try_from(group.total_byte_size() / group.num_rows()).unwrap_or(usize::MAX)
            })
            .max()
            .unwrap_or(0);
        (BATCH_BYTES / widest_row.max(1)).clamp(1, BATCH_ROWS)
    }

    /// One run of `import-parquet`: where it writes, and what it has done.
    pub struct Import<'a> {
        pub store: &'a mut dyn Ledger,
        pub force: bool,
        pub tally: Tally,
        pub failed_files: u64,
        /// Other extractor versions already told about.
        pub versions_told: Vec<String>,
        pub tell: &'a dyn Fn(&str),
        pub progress: &'a dyn Fn(&Tally),
    }

    impl Import<'_> {
        /// Imports one file. A file that cannot be read, or is not the documents dataset,
        /// is named and counted; so is each row that cannot be read.
        ///
        /// # Errors
        ///
        /// Only when the ledger cannot be written: the run stops there.
        pub fn file(&mut self, path: &Path) -> anyhow::Result<()> {
            let name = path.display().to_string();
            let reader = File::open(path)
                .map_err(|err| err.to_string())
                .and_then(|file| {
                    ParquetRecordBatchReaderBuilder::try_new(file)
                        .map_err(|err| format!("not a Parquet file, or a damaged one: {err}"))
                })
                .and_then(|builder| {
                    documents::check_schema(builder.schema()).map_err(|err| err.to_string())?;
                    let rows = batch_rows(builder.metadata());
                    builder
                        .with_batch_size(rows)
                        .build()
                        .map_err(|err| err.to_string())
                });
            let reader = match reader {
                Ok(reader) => reader,
                Err(message) => {
                    self.failed_files += 1;
                    (self.tell)(&format!("{name}: {message}"));
                    return Ok(());
                }
            };
            let mut first_row = 0;
            for batch in reader {
                let batch = match batch {
                    Ok(batch) => batch,
                    Err(err) => {
                        // The rows before are imported; the rest of the file cannot be reached.
                        self.failed_files += 1;
                        (self.tell)(&format!(
                            "{name}: cannot read from row {first_row} on: {err}"
                        ));
                        return Ok(());
                    }
                };
                let rows = match Documents::new(&batch) {
                    Ok(rows) => rows,
                    Err(err) => {
                        self.failed_files += 1;
                        (self.tell)(&format!("{name}: row {first_row}: {err}"));
                        return Ok(());
                    }
                };
                self.rows(&name, first_row, &rows)?;
                first_row += batch.num_rows();
                (self.progress)(&self.tally);
            }
            Ok(())
        }

        /// Writes the rows of one batch, the rows of each extractor version together.
        fn rows(
            &mut self,
            name: &str,
            first_row: usize,
            rows: &Documents<'_>,
        ) -> anyhow::Result<()> {
            let parsed: Vec<Result<Document<'_>, RowError>> = (0..rows.len())
                .into_par_iter()
                .map(|row| rows.row(row))
                .collect();
            let origins: Vec<String> = (0..rows.len())
                .map(|row| format!("{name} row {}", first_row + row))
                .collect();
            let mut good: Vec<(usize, Document<'_>)> = Vec::with_capacity(parsed.len());
            for (row, doc) in parsed.into_iter().enumerate() {
                match doc {
                    Ok(doc) => good.push((row, doc)),
                    Err(err) => {
                        self.tally.failed += 1;
                        (self.tell)(&format!("{}: {err}", origins[row]));
                    }
                }
            }
            for run in good.chunk_by(|a, b| a.1.extractor_version == b.1.extractor_version) {
                let version = run[0].1.extractor_version;
                self.tell_version(name, version);
                let items: Vec<(NewDocument<'_>, &almanac_extract::Extraction)> = run
                    .iter()
                    .map(|(row, doc)| {
                        let new = NewDocument {
                            doc: doc.id,
                            origin: &origins[*row],
                            title: doc.title,
                            url: doc.url,
                            text: doc.text,
                            meta_date: doc.date,
                        };
                        (new, &doc.extraction)
                    })
                    .collect();
                let results = self
                    .store
                    .put_batch(&items, version, self.force)
                    .context("cannot write to the ledger")?;
                for ((doc, extraction), result) in items.iter().zip(results) {
                    self.tally.bytes += doc.text.len() as u64;
                    match result {
                        Ok(put) => self.count(doc, extraction.lang, &put),
                        Err(err) => {
                            self.tally.failed += 1;
                            (self.tell)(&format!("{}: {err}", doc.origin));
                        }
                    }
                }
            }
            Ok(())
        }

        fn count(&mut self, doc: &NewDocument<'_>, lang: almanac_extract::Lang, put: &Put) {
            if put.is_written() {
                if let Some(note) = almanac_ingest::unread_language(lang) {
                    (self.tell)(&format!("{}: {note}", doc.origin));
                }
            }
            match put {
                Put::Inserted { facts } => {
                    self.tally.new += 1;
                    self.tally.facts += *facts as u64;
                }
                Put::Replaced { facts, .. } => {
                    self.tally.updated += 1;
                    self.tally.facts += *facts as u64;
                }
                Put::Unchanged { .. } => self.tally.unchanged += 1,
                Put::Duplicate { .. } => self.tally.duplicates += 1,
            }
        }

        /// Documents extracted by other rules than this almanac's are stored as they are,
        /// and `reindex` knows them by their version: said once per version.
        fn tell_version(&mut self, name: &str, version: &str) {
            if version == EXTRACTOR_VERSION || self.versions_told.iter().any(|v| v == version) {
                return;
            }
            self.versions_told.push(version.to_string());
            (self.tell)(&format!(
                "{name}: extracted by the rules {version}, this almanac's are \
                 {EXTRACTOR_VERSION}: stored as extracted; `almanac reindex` re-extracts \
                 them with these"
            ));
        }
    }

    #[cfg(test)]
    mod tests {
        use std::sync::Arc;

        use arrow_array::{ArrayRef, RecordBatch, StringArray};
        use parquet::arrow::ArrowWriter;
        use parquet::file::properties::WriterProperties;

        use super::*;

        /// The metadata of a file of one text column, `rows` rows of `row_bytes` each.
        fn metadata(rows: usize, row_bytes: usize) -> ParquetMetaData {
            let texts: ArrayRef = Arc::new(StringArray::from(vec!["x".repeat(row_bytes); rows]));
            let batch = RecordBatch::try_from_iter([("text", texts)]).unwrap();
            let mut file = tempfile::tempfile().unwrap();
            let properties = WriterProperties::builder()
                .set_max_row_group_row_count(Some(64))
                .set_dictionary_enabled(false)
                .build();
            let mut writer =
                ArrowWriter::try_new(&mut file, batch.schema(), Some(properties)).unwrap();
            writer.write(&batch).unwrap();
            writer.close().unwrap();
            let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
            builder.metadata().as_ref().clone()
        }

        #[test]
        fn batches_hold_about_ingests_bytes() {
            let mb = 1024 * 1024;
            // (rows, bytes a row, rows a batch)
            let cases = [
                (10, 100, BATCH_ROWS),
                // A row's bytes are its text and its length: 31 fit under 32 MiB.
                (40, mb, 31),
                (3, 12 * mb, 2),
                (2, 40 * mb, 1),
                (200, 20 * 1024, 1637),
            ];
            for (rows, row_bytes, expected) in cases {
                assert_eq!(
                    batch_rows(&metadata(rows, row_bytes)),
                    expected,
                    "{rows} x {row_bytes}"
                );
            }
        }
    }
}
