//! `almanac correct` and `almanac corrections`: a person's corrections of facts, kept in the
//! ledger by the document's content hash and the figure's span (so that they survive
//! `reindex` and re-ingest), listed, exported as JSONL and imported into another ledger.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use almanac_extract::{Measure, Metric, Period, Status};
use almanac_store::{Correction, CorrectionEdit, StoredFact};
use anyhow::{bail, Context};
use clap::{Args, Subcommand, ValueEnum};

use crate::args::{DbArgs, MeasureArg, MetricParser, StatusArg};
use crate::resolve;
use crate::table::{human_number, Table};

/// `almanac correct`.
#[derive(Args, Debug)]
pub struct CorrectArgs {
    /// The fact's id (the `id` of `almanac facts --format json`, `#ID` in `check` and
    /// `promises`)
    pub fact: i64,
    #[command(flatten)]
    pub db: DbArgs,
    /// The place or organisation the figure is about (a gazetteer name or alias becomes
    /// its canonical name)
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,
    /// The time it holds for: 2023, 2023-05, 2023-Q1, 2023-01/2023-08, 2021/2025...
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<Period>,
    /// What it measures (a FACTS.md metric, or GRP, GDP, FDI...)
    #[arg(long, value_parser = MetricParser, value_name = "METRIC")]
    pub metric: Option<Metric>,
    /// level, change, index or share
    #[arg(long, value_enum, ignore_case = true, value_name = "MEASURE")]
    pub measure: Option<MeasureArg>,
    /// actual or planned
    #[arg(long, value_enum, ignore_case = true, value_name = "STATUS")]
    pub status: Option<StatusArg>,
    /// The value, fully written out (1500000000000 or 1.5e12)
    #[arg(long, value_name = "NUMBER", allow_hyphen_values = true)]
    pub value: Option<f64>,
    /// The unit: KZT, USD, %, job, project...
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Why (kept with the correction)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The figure is no fact at all: hide it from every query and analysis
    #[arg(long, conflicts_with_all = ["subject", "period", "metric", "measure", "status", "value", "unit", "undo"])]
    pub reject: bool,
    /// Remove the fact's correction: the extracted fact again
    #[arg(long, conflicts_with_all = ["subject", "period", "metric", "measure", "status", "value", "unit", "note"])]
    pub undo: bool,
}

/// `almanac corrections`.
#[derive(Args, Debug)]
pub struct CorrectionsArgs {
    #[command(subcommand)]
    pub command: Option<CorrectionsCommand>,
    #[command(flatten)]
    pub db: DbArgs,
    /// How the list prints
    #[arg(long, short, value_enum, default_value_t)]
    pub format: CorrectionsFormat,
}

#[derive(Subcommand, Debug)]
pub enum CorrectionsCommand {
    /// Write every correction as JSONL (to stdout, or a file)
    Export {
        #[command(flatten)]
        db: DbArgs,
        /// The file to write (default: stdout)
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Apply corrections exported from another ledger (JSONL; `-` for stdin)
    Import {
        /// The JSONL file
        file: String,
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CorrectionsFormat {
    /// Aligned columns for people
    #[default]
    Table,
    /// One JSON array
    Json,
    /// One JSON object a line (what `export` writes)
    Jsonl,
}

/// `almanac correct`.
pub fn correct(args: CorrectArgs) -> anyhow::Result<ExitCode> {
    let mut store = args.db.open_existing_writable()?;
    if args.undo {
        if !store.undo_correction(args.fact)? {
            bail!("fact #{} has no correction to undo", args.fact);
        }
        eprintln!("correction of fact #{} removed", args.fact);
        print_fact(store.fact(args.fact)?.as_ref())?;
        return Ok(ExitCode::SUCCESS);
    }
    let subject = match &args.subject {
        Some(name) => Some(resolve::canonical_subject(&store, name)?),
        None => None,
    };
    let edit = CorrectionEdit {
        reject: args.reject,
        value: args.value,
        unit: args.unit.as_deref().map(crate::args::normalise_unit),
        metric: args.metric,
        measure: args.measure.map(Measure::from),
        subject,
        period: args.period,
        status: args.status.map(Status::from),
        note: args.note.clone(),
    };
    if edit.is_empty() {
        bail!(
            "nothing to correct: give --subject, --period, --metric, --measure, --status, \
             --value or --unit, or --reject (--undo removes a correction)"
        );
    }
    let Some(made) = store.correct(args.fact, &edit)? else {
        bail!(
            "no fact #{} in {} (ids are in `almanac facts --format json`)",
            args.fact,
            args.db.db.display()
        );
    };
    eprintln!(
        "fact #{} ({:?} in {}) corrected: {}",
        args.fact,
        made.figure,
        made.doc,
        made.fields().join(", ")
    );
    print_fact(store.fact(args.fact)?.as_ref())?;
    Ok(ExitCode::SUCCESS)
}

fn print_fact(fact: Option<&StoredFact>) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    match fact {
        Some(f) => {
            serde_json::to_writer(&mut out, f)?;
            writeln!(out)?;
        }
        None => writeln!(
            out,
            "(rejected: the fact is hidden from queries and analyses)"
        )?,
    }
    Ok(())
}

/// `almanac corrections`.
pub fn corrections(args: CorrectionsArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        None => list(&args.db, args.format),
        Some(CorrectionsCommand::Export { db, output }) => export(&db, output),
        Some(CorrectionsCommand::Import { file, db }) => import(&db, &file),
    }
}

fn list(db: &DbArgs, format: CorrectionsFormat) -> anyhow::Result<ExitCode> {
    let store = db.open_existing()?;
    let corrections = store.corrections()?;
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        CorrectionsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &corrections)?;
            writeln!(out)?;
        }
        CorrectionsFormat::Jsonl => write_jsonl(&mut out, &corrections)?,
        CorrectionsFormat::Table => {
            let mut table = Table::new(&[
                ("FACT", 8, true),
                ("DOC", 32, false),
                ("FIGURE", 28, false),
                ("CORRECTED", 60, false),
                ("NOTE", 40, false),
                ("WHEN", 20, false),
            ]);
            for c in &corrections {
                table.push(vec![
                    c.fact_id.map_or("-".into(), |id| format!("#{id}")),
                    c.doc.clone(),
                    c.figure.clone(),
                    describe(c),
                    c.note.clone().unwrap_or_default(),
                    c.corrected_at.clone(),
                ]);
            }
            table.write(&mut out)?;
            out.flush()?;
            let unmatched = corrections.iter().filter(|c| c.fact_id.is_none()).count();
            if corrections.is_empty() {
                eprintln!("no corrections (`almanac correct FACT_ID ...` makes one)");
            } else if unmatched > 0 {
                eprintln!(
                    "{unmatched} correction{} apply to no fact here (FACT -): its document is not in \
                     this ledger, or its text changed",
                    if unmatched == 1 { "" } else { "s" }
                );
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `subject Karaganda region, value 1.5 trillion` or `rejected`.
fn describe(c: &Correction) -> String {
    if c.reject {
        return "rejected".into();
    }
    let mut parts = Vec::new();
    if let Some(v) = c.value {
        parts.push(format!("value {}", human_number(v)));
    }
    if let Some(u) = &c.unit {
        parts.push(format!("unit {u}"));
    }
    if let Some(m) = c.metric {
        parts.push(format!("metric {}", m.as_str()));
    }
    if let Some(m) = c.measure {
        parts.push(format!("measure {}", m.as_str()));
    }
    if let Some(s) = &c.subject {
        parts.push(format!("subject {s}"));
    }
    if let Some(p) = c.period {
        parts.push(format!("period {p}"));
    }
    if let Some(s) = c.status {
        parts.push(format!("status {}", s.as_str()));
    }
    parts.join(", ")
}

fn write_jsonl(out: &mut impl Write, corrections: &[Correction]) -> anyhow::Result<()> {
    for c in corrections {
        serde_json::to_writer(&mut *out, c)?;
        writeln!(out)?;
    }
    Ok(())
}

fn export(db: &DbArgs, output: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let store = db.open_existing()?;
    let corrections = store.corrections()?;
    match output {
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            write_jsonl(&mut out, &corrections)?;
            out.flush()?;
        }
        Some(path) => {
            let file =
                File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
            let mut out = BufWriter::new(file);
            write_jsonl(&mut out, &corrections)?;
            out.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "{} correction{} written to {}",
                corrections.len(),
                if corrections.len() == 1 { "" } else { "s" },
                path.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn import(db: &DbArgs, file: &str) -> anyhow::Result<ExitCode> {
    let reader: Box<dyn BufRead> = if file == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        Box::new(BufReader::new(
            File::open(file).with_context(|| format!("cannot read {file}"))?,
        ))
    };
    let mut corrections = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {file}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let correction: Correction = serde_json::from_str(&line)
            .with_context(|| format!("{file}:{}: not a correction", i + 1))?;
        corrections.push(correction);
    }
    // Importing creates the ledger when missing: corrections may arrive before the texts.
    let mut store = db.open()?;
    let outcome = store.import_corrections(&corrections)?;
    eprintln!(
        "{} correction{} imported, {} apply to facts of this ledger",
        outcome.recorded,
        if outcome.recorded == 1 { "" } else { "s" },
        outcome.applied
    );
    Ok(ExitCode::SUCCESS)
}
