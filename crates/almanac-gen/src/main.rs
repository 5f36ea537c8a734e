//! `almanac-gen`: writes a seeded synthetic corpus of development news, for tests and
//! benchmarks of `almanac ingest`.
//!
//! ```text
//! almanac-gen --docs 100000 --seed 1 -o corpus.jsonl     one JSONL file (id, date, title, text)
//! almanac-gen --docs 500 --dir -o corpus/                one .txt file per article, date header
//! ```

#![forbid(unsafe_code)]

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
#[command(
    name = "almanac-gen",
    about = "Write a seeded synthetic corpus of development news"
)]
struct Args {
    /// How many articles
    #[arg(long, default_value_t = 1000)]
    docs: u64,
    /// The seed: the same seed writes the same corpus
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Write one .txt file per article into the directory --output instead of JSONL
    #[arg(long)]
    dir: bool,
    /// The JSONL file (or with --dir the directory) to write; `-` for stdout
    #[arg(long, short, default_value = "-")]
    output: PathBuf,
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("almanac-gen: {err}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> io::Result<()> {
    if args.dir {
        fs::create_dir_all(&args.output)?;
        for article in almanac_gen::articles(args.seed, args.docs) {
            fs::write(
                args.output.join(format!("{}.txt", article.id)),
                article.to_text_file(),
            )?;
        }
        return Ok(());
    }
    let mut out: Box<dyn Write> = if args.output.as_os_str() == "-" {
        Box::new(BufWriter::new(io::stdout().lock()))
    } else {
        Box::new(BufWriter::new(File::create(&args.output)?))
    };
    for article in almanac_gen::articles(args.seed, args.docs) {
        writeln!(out, "{}", article.to_jsonl())?;
    }
    out.flush()
}
