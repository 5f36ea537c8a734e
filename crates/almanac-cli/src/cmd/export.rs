//! `almanac export`: the facts a filter selects, to a CSV, JSONL or Parquet file, written
//! whole or not at all.

use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use almanac_store::{FactFilter, Ledger};
use anyhow::{bail, Context};
use clap::{Args, ValueEnum};

use crate::args::{DbArgs, FilterArgs, ListFormat};
use crate::export::{write_facts, FactSink};

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

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
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
    let to_stdout = args.output.as_os_str() == "-";
    if !to_stdout {
        crate::checks::output_file(&args.output)?;
    }
    let store = args.db.open_existing()?;
    let filter = args.filter.to_filter_in(&store, None)?;
    crate::checks::filter(&store, &filter)?;
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
fn export_parquet(_: &dyn Ledger, _: &FactFilter, _: &Path) -> anyhow::Result<usize> {
    bail!(
        "this almanac was built without Parquet support (--no-default-features): rebuild \
         with the default features, or export --format csv or jsonl"
    )
}

#[cfg(feature = "parquet")]
fn export_parquet(store: &dyn Ledger, filter: &FactFilter, path: &Path) -> anyhow::Result<usize> {
    write_atomically(path, |file| {
        crate::export::parquet::write(store, filter, file)
    })
}
