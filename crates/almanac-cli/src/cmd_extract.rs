//! `almanac extract`: facts to stdout, no database.

use std::process::ExitCode;

/// Arguments of `almanac extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (read recursively), JSONL files, or `-` for stdin
    #[arg(required = true)]
    pub paths: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let _ = args;
    Ok(ExitCode::SUCCESS)
}
