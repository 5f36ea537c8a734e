//! `almanac`: thin glue between the user's files, the extractor and the ledger.
//!
//! Each family of subcommands lives in its own module of `cmd` with its `Args`; this file
//! only parses the command line and maps the outcome to an exit code.

#![forbid(unsafe_code)]

mod args;
mod checks;
mod cmd;
mod export;
mod limits;
mod resolve;
mod table;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cmd::{analysis, correct, extract, import, ingest, query, serve};

/// What the exit status says, for every command (`--help` prints it under each).
const EXIT_STATUS: &str = "\
Exit status:
  0  done (also when the reader of the output closed it early: `| head`)
  1  done, but not everything went through: a document could not be read or extracted
     (extract, ingest, reindex, import-parquet; each is named on stderr, the others are
     done), or
     `check --fail-on` found an alert of that severity
  2  nothing or only part was done: a wrong argument, no ledger, a ledger that cannot
     be opened, read or written, an output file that cannot be written";

#[derive(Parser)]
#[command(
    name = "almanac",
    version,
    about = "A ledger of the figures in economic-development news",
    after_help = EXIT_STATUS
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts from files, directories, JSONL or stdin and print them (no database)
    #[command(after_help = EXIT_STATUS)]
    Extract(extract::Args),
    /// Extract documents into the ledger (files, directories, JSONL, -), skipping those stored
    #[command(after_help = EXIT_STATUS)]
    Ingest(ingest::IngestArgs),
    /// Re-extract the documents stored with an older extractor version
    #[command(after_help = EXIT_STATUS)]
    Reindex(ingest::ReindexArgs),
    /// Write the documents dataset of the Spark job (Parquet, `--documents`) to the ledger,
    /// as `ingest` would have written the same articles
    #[command(after_help = EXIT_STATUS)]
    ImportParquet(import::ImportParquetArgs),
    /// Query the facts in the ledger
    #[command(after_help = EXIT_STATUS)]
    Facts(query::FactsArgs),
    /// List the documents in the ledger
    #[command(after_help = EXIT_STATUS)]
    Docs(query::DocsArgs),
    /// Print a document with its figures highlighted, and its facts
    #[command(after_help = EXIT_STATUS)]
    Show(query::ShowArgs),
    /// List the places, organisations and people in the ledger, with counts
    #[command(after_help = EXIT_STATUS)]
    Entities(query::EntitiesArgs),
    /// Write facts to a CSV, JSONL or Parquet file, with the same filters as `facts`
    #[command(after_help = EXIT_STATUS)]
    Export(cmd::export::ExportArgs),
    /// Chart a subject's metric over time, one point per period, with its sources
    #[command(after_help = EXIT_STATUS)]
    Timeline(analysis::TimelineArgs),
    /// Find figures that do not add up: conversions, conflicts, parts above wholes, arithmetic
    #[command(after_help = EXIT_STATUS)]
    Check(analysis::CheckArgs),
    /// Match planned figures to what was later reported: kept, partly kept, not kept...
    #[command(after_help = EXIT_STATUS)]
    Promises(analysis::PromisesArgs),
    /// Correct a fact (subject, period, metric, measure, status, value, unit) or reject it;
    /// kept by the document's content hash and the figure's span, so it survives reindex
    #[command(after_help = EXIT_STATUS)]
    Correct(correct::CorrectArgs),
    /// List the corrections in the ledger, export them as JSONL, import them into another
    #[command(after_help = EXIT_STATUS)]
    Corrections(correct::CorrectionsArgs),
    /// Serve the ledger: a JSON API (OpenAPI at /api/openapi.json) and a dashboard
    #[command(after_help = EXIT_STATUS)]
    Serve(serve::ServeArgs),
}

// Extraction allocates many small, short-lived vectors and strings per document; mimalloc
// serves them faster than the system allocator, measurably on `extract` and `ingest`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Ingest(args) => ingest::ingest(args),
        Command::Reindex(args) => ingest::reindex(args),
        Command::ImportParquet(args) => import::run(args),
        Command::Facts(args) => query::facts(args),
        Command::Docs(args) => query::docs(args),
        Command::Show(args) => query::show(args),
        Command::Entities(args) => query::entities(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Timeline(args) => analysis::run_timeline(args),
        Command::Check(args) => analysis::run_check(args),
        Command::Promises(args) => analysis::run_promises(args),
        Command::Correct(args) => correct::correct(args),
        Command::Corrections(args) => correct::corrections(args),
        Command::Serve(args) => serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("almanac: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed pipe (`almanac extract ... | head`) is the reader's choice, not a failure,
/// whichever writer met it (plain, JSON or CSV).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().map(|io| io.kind());
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(|err| err.io_error_kind());
        let csv = cause
            .downcast_ref::<csv::Error>()
            .and_then(|err| match err.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            });
        [io, json, csv].contains(&Some(BrokenPipe))
    })
}
