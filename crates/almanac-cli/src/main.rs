//! `almanac`: thin glue between the user's files, the extractor and the ledger.
//!
//! Each subcommand lives in its own module with its `Args`; this file only parses the
//! command line and maps the outcome to an exit code.

mod cmd_extract;
mod read;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "almanac", version, about = "A ledger of the figures in economic-development news")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts from files, directories, JSONL or stdin and print them (no database)
    Extract(cmd_extract::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => cmd_extract::run(args),
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

/// A closed pipe (`almanac extract ... | head`) is the reader's choice, not a failure.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
