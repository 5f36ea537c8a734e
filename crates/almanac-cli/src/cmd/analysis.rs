//! `almanac timeline`, `almanac check` and `almanac promises`: the analyses of
//! `almanac-analysis` over the ledger, printed for people (tables, a terminal chart) or
//! as JSON, and charts written as SVG or PNG.

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use almanac_analysis::{
    chart, check, gazetteer, official_rates, promises, timeline, Alert, AlertKind, Currency,
    Evidence, LedgerFact, Promise, PromiseOptions, Severity, TimelineOptions,
};
use almanac_extract::{Measure, Metric, Status};
use almanac_store::{DocFilter, FactFilter, Ledger};
use anyhow::Context;
use clap::{Args, ValueEnum};

use crate::args::{DbArgs, MeasureArg, MetricParser, ScopeArgs, StatusArg};
use crate::resolve;

/// How the analyses print.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// For people
    #[default]
    Table,
    /// One JSON document
    Json,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CurrencyArg {
    #[default]
    #[value(name = "KZT", alias = "kzt")]
    Kzt,
    #[value(name = "USD", alias = "usd")]
    Usd,
}

/// `almanac timeline`.
#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// The place or organisation: canonical name or alias
    pub subject: String,
    /// What is measured
    #[arg(value_parser = MetricParser)]
    pub metric: Metric,
    #[command(flatten)]
    pub db: DbArgs,
    /// level, change, index or share
    #[arg(long, value_enum, default_value_t)]
    pub measure: MeasureArg,
    /// actual or planned
    #[arg(long, value_enum, default_value_t)]
    pub status: StatusArg,
    /// The currency money is shown in
    #[arg(long, value_enum, default_value_t)]
    pub currency: CurrencyArg,
    /// Only facts in this unit (job, %, ...); by default the commonest
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Also the places that are part of the subject (districts, zones)
    #[arg(long)]
    pub within: bool,
    /// Write the chart as SVG
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Write the chart as PNG
    #[arg(long, value_name = "FILE")]
    pub png: Option<PathBuf>,
    /// table: a terminal chart and the sources; json: the series
    #[arg(long, short, value_enum, default_value_t)]
    pub format: Format,
}

/// `almanac check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Only alerts that involve a fact these filters choose
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Only these kinds (comma-separated): conversion, part_exceeds_whole, implausible,
    /// arithmetic, conflict, magnitude, revised, restated
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_delimiter = ',',
        value_name = "KIND"
    )]
    pub kind: Vec<KindArg>,
    /// Leave out alerts below this severity
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        default_value = "info",
        value_name = "SEVERITY"
    )]
    pub min_severity: SeverityArg,
    /// Exit with status 1 when an alert of at least this severity is found
    #[arg(long, value_enum, ignore_case = true, value_name = "SEVERITY")]
    pub fail_on: Option<SeverityArg>,
    #[arg(long, short, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[value(rename_all = "snake_case")]
pub enum KindArg {
    Conversion,
    // The name of the kind in the alerts' JSON; the kebab-case spelling, all that was
    // accepted before, still is.
    #[value(alias = "part-exceeds-whole")]
    PartExceedsWhole,
    Implausible,
    Arithmetic,
    Conflict,
    Magnitude,
    Revised,
    Restated,
}

impl From<KindArg> for AlertKind {
    fn from(k: KindArg) -> AlertKind {
        match k {
            KindArg::Conversion => AlertKind::Conversion,
            KindArg::PartExceedsWhole => AlertKind::PartExceedsWhole,
            KindArg::Implausible => AlertKind::Implausible,
            KindArg::Arithmetic => AlertKind::Arithmetic,
            KindArg::Conflict => AlertKind::Conflict,
            KindArg::Magnitude => AlertKind::Magnitude,
            KindArg::Revised => AlertKind::Revised,
            KindArg::Restated => AlertKind::Restated,
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeverityArg {
    Info,
    Warning,
    Error,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
        }
    }
}

/// `almanac promises`.
#[derive(Args, Debug)]
pub struct PromisesArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Only promises about this place or the places in it
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,
    /// Judge deadlines as of this date (default: the latest document in the ledger)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<chrono::NaiveDate>,
    #[arg(long, short, value_enum, default_value_t)]
    pub format: Format,
}

fn all_facts(store: &dyn Ledger) -> anyhow::Result<Vec<LedgerFact>> {
    Ok(store.facts(&FactFilter::default())?)
}

/// `almanac timeline`.
pub fn run_timeline(args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let subject = resolve::subject(&store, &args.subject)?;
    let facts = store.facts(&FactFilter {
        subject: Some(subject.clone()),
        within: args.within,
        metric: vec![args.metric.as_str().to_string()],
        ..FactFilter::default()
    })?;
    let opts = TimelineOptions {
        measure: args.measure.into(),
        status: args.status.into(),
        currency: match args.currency {
            CurrencyArg::Kzt => Currency::Kzt,
            CurrencyArg::Usd => Currency::Usd,
        },
        within: args.within,
        unit: args.unit.clone(),
    };
    let series = timeline(&facts, &subject, args.metric.as_str(), &opts, &gazetteer);

    if let Some(path) = &args.svg {
        let svg = chart::svg(&series)?;
        std::fs::write(path, svg).with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(path) = &args.png {
        let png = chart::png(&series)?;
        std::fs::write(path, png).with_context(|| format!("cannot write {}", path.display()))?;
    }

    let mut out = String::new();
    match args.format {
        Format::Json => {
            out = serde_json::to_string_pretty(&series)?;
            out.push('\n');
        }
        Format::Table => {
            let width = terminal_width();
            out.push_str(&chart::terminal(&series, width));
            if series.points.is_empty() && series.undated.is_empty() {
                out.push_str(&format!(
                    "  no {} {} figures of {} for {}{}\n",
                    args.status_name(),
                    args.measure_name(),
                    args.metric.as_str(),
                    subject,
                    if args.within {
                        " or the places in it"
                    } else {
                        ""
                    }
                ));
            } else {
                out.push_str("\nsources:\n");
                let marked = series
                    .points
                    .iter()
                    .map(|p| (p, ""))
                    .chain(series.targets.iter().map(|p| (p, "planned ")));
                for (point, planned) in marked {
                    for reading in &point.readings {
                        let docs: Vec<String> = reading
                            .sources
                            .iter()
                            .map(|s| match s.date {
                                Some(d) => format!("{} ({d}) \"{}\"", s.doc, s.text),
                                None => format!("{} \"{}\"", s.doc, s.text),
                            })
                            .collect();
                        let _ = writeln!(
                            out,
                            "  {:<16} {planned}{}",
                            point.period.to_string(),
                            docs.join("; ")
                        );
                    }
                }
            }
            if !series.left_out.is_empty() {
                let _ = writeln!(
                    out,
                    "  ({} facts left out: no {} value)",
                    series.left_out.len(),
                    opts.currency.code()
                );
            }
        }
    }
    write_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

impl TimelineArgs {
    fn status_name(&self) -> &'static str {
        Status::from(self.status).as_str()
    }

    fn measure_name(&self) -> &'static str {
        Measure::from(self.measure).as_str()
    }
}

/// `almanac check`.
pub fn run_check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    // Resolved first, so that an unknown place is an error before the ledger is checked.
    let scope = args.scope.to_filter_in(&store)?;
    // Alerts relate facts across documents, so the whole ledger is checked and the
    // filters then choose the alerts that involve a selected fact.
    let facts = all_facts(&store)?;
    let mut alerts = check(&facts, &official_rates, &gazetteer);

    if args.scope.is_set() {
        let selected: std::collections::HashSet<i64> =
            store.facts(&scope)?.into_iter().map(|f| f.id).collect();
        alerts.retain(|a| a.facts.iter().any(|e| selected.contains(&e.fact_id)));
    }
    let min: Severity = args.min_severity.into();
    alerts.retain(|a| a.severity >= min);
    if !args.kind.is_empty() {
        let kinds: Vec<AlertKind> = args.kind.iter().map(|k| (*k).into()).collect();
        alerts.retain(|a| kinds.contains(&a.kind));
    }

    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&alerts)? + "\n",
        Format::Table => alerts_table(&alerts, facts.len()),
    };
    write_out(&out)?;
    let fail = args
        .fail_on
        .is_some_and(|level| alerts.iter().any(|a| a.severity >= level.into()));
    Ok(if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn alerts_table(alerts: &[Alert], n_facts: usize) -> String {
    let mut out = String::new();
    for alert in alerts {
        let _ = writeln!(
            out,
            "{:<8} {:<18} {}",
            alert.severity.as_str(),
            alert.kind.as_str(),
            alert.explanation
        );
        for evidence in &alert.facts {
            out.push_str(&evidence_line(evidence));
        }
        out.push('\n');
    }
    let count = |s: Severity| alerts.iter().filter(|a| a.severity == s).count();
    let _ = writeln!(
        out,
        "{} alert{} ({} error, {} warning, {} info) on {} facts",
        alerts.len(),
        if alerts.len() == 1 { "" } else { "s" },
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        n_facts
    );
    out
}

/// `    doc (date) #id "figure": sentence`.
fn evidence_line(e: &Evidence) -> String {
    let when = e.date.map(|d| format!(" ({d})")).unwrap_or_default();
    format!(
        "    {}{when} #{} \"{}\": {}\n",
        e.doc,
        e.fact_id,
        e.text,
        e.sentence.trim()
    )
}

/// `almanac promises`.
pub fn run_promises(args: PromisesArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let subject = match &args.subject {
        Some(name) => Some(resolve::subject(&store, name)?),
        None => None,
    };
    let facts = all_facts(&store)?;
    // "Now" is the ledger's newest document, whatever subject is asked about.
    let latest = store
        .documents(&DocFilter {
            newest_first: true,
            limit: Some(1),
            ..DocFilter::default()
        })?
        .first()
        .and_then(|d| d.date);
    let opts = PromiseOptions {
        subject,
        as_of: args.as_of.or(latest),
    };
    let found = promises(&facts, &opts, &gazetteer);
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&found)? + "\n",
        Format::Table => promises_table(&found, opts.as_of),
    };
    write_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn promises_table(found: &[Promise], as_of: Option<chrono::NaiveDate>) -> String {
    let mut out = String::new();
    for p in found {
        let ratio = p
            .ratio
            .filter(|_| {
                !matches!(
                    p.verdict,
                    almanac_analysis::Verdict::Unreported
                        | almanac_analysis::Verdict::PartialEvidence
                )
            })
            .map(|r| format!("{:.0}%", r * 100.0))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:<16} {:>5}  {}",
            p.verdict.label(),
            ratio,
            p.explanation
        );
        for item in &p.items {
            out.push_str(&format!("  planned:{}", &evidence_line(&item.planned)[3..]));
            for e in &item.evidence {
                out.push_str(&format!("  reported:{}", &evidence_line(e)[3..]));
            }
            for e in &item.partial_evidence {
                out.push_str(&format!("  partial:{}", &evidence_line(e)[3..]));
            }
        }
        for e in &p.restated {
            out.push_str(&format!("  announced again:{}", &evidence_line(e)[3..]));
        }
        out.push('\n');
    }
    let count = |v: almanac_analysis::Verdict| found.iter().filter(|p| p.verdict == v).count();
    use almanac_analysis::Verdict::*;
    let _ = writeln!(
        out,
        "{} promise{}: {} kept, {} partly kept, {} not kept, {} partial evidence, {} not yet reported, {} unreported{}",
        found.len(),
        if found.len() == 1 { "" } else { "s" },
        count(Kept),
        count(PartlyKept),
        count(NotKept),
        count(PartialEvidence),
        count(NotYetReported),
        count(Unreported),
        as_of.map(|d| format!(" (as of {d})")).unwrap_or_default()
    );
    out
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|_| io::stdout().is_terminal())
        .unwrap_or(100)
}

fn write_out(text: &str) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
