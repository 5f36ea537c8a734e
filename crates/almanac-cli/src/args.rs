//! The arguments several commands share: where the ledger is ([`DbArgs`]), the fact
//! filters of `facts` and `export` ([`FilterArgs`]), how lists print ([`ListFormat`]), and
//! the closed vocabularies of FACTS.md as typed values ([`MetricParser`], [`MeasureArg`],
//! [`StatusArg`]), so that a misspelt value is an error that lists the valid ones, never
//! a silently empty answer.

use std::path::PathBuf;

use almanac_extract::{Measure, Metric, Period, Status};
use almanac_store::{
    open_ledger, FactFilter, FactSort, Ledger, LedgerAddress, PgStore, Store, StoreError,
};
use anyhow::bail;
use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, ValueEnum};

/// Where the ledger is.
#[derive(Args, Debug, Clone)]
pub struct DbArgs {
    /// The ledger: an SQLite file (`ingest` creates it when missing), or a PostgreSQL
    /// database as postgres://USER[:PASSWORD]@HOST[:PORT]/DB, which a team shares
    #[arg(
        long,
        env = "ALMANAC_DB",
        default_value = "almanac.db",
        value_name = "PATH|URL"
    )]
    pub db: PathBuf,
}

impl DbArgs {
    /// Which backend and where.
    pub fn address(&self) -> LedgerAddress {
        LedgerAddress::parse(&self.db.to_string_lossy())
    }

    /// Opens the ledger for writing, creating it when missing (`ingest`).
    pub fn open(&self) -> anyhow::Result<Box<dyn Ledger>> {
        Ok(open_ledger(&self.address())?)
    }

    /// Opens a ledger that must exist already, for reading only (every query): a ledger
    /// the user may read but not write answers all the same. An older schema is
    /// converted first where the file may be written.
    pub fn open_existing(&self) -> anyhow::Result<Box<dyn Ledger>> {
        let path = match self.address() {
            LedgerAddress::Postgres(url) => return Ok(Box::new(PgStore::open_existing(&url)?)),
            LedgerAddress::Sqlite(path) => path,
        };
        self.must_exist(&path)?;
        Ok(Box::new(match Store::open_read_only(&path) {
            Err(too_old @ StoreError::SchemaTooOld { .. }) => match Store::open(&path) {
                Ok(_) => Store::open_read_only(&path)?,
                Err(StoreError::ReadOnly { .. }) => return Err(too_old.into()),
                Err(err) => return Err(err.into()),
            },
            opened => opened?,
        }))
    }

    /// Opens a ledger that must exist already, for writing (`reindex`).
    pub fn open_existing_writable(&self) -> anyhow::Result<Box<dyn Ledger>> {
        match self.address() {
            LedgerAddress::Postgres(url) => Ok(Box::new(PgStore::open_existing(&url)?)),
            LedgerAddress::Sqlite(path) => {
                self.must_exist(&path)?;
                self.open()
            }
        }
    }

    /// Queries never create an empty ledger.
    fn must_exist(&self, path: &std::path::Path) -> anyhow::Result<()> {
        if !path.exists() {
            bail!(
                "no ledger at {} (run `almanac ingest` first, or give --db / ALMANAC_DB)",
                path.display()
            );
        }
        Ok(())
    }
}

/// The filters that choose facts by what, where, when and from which document: those of
/// `facts` and `export`, and those by which `check` chooses its alerts.
#[derive(Args, Debug, Clone, Default)]
pub struct ScopeArgs {
    /// The place or organisation the facts are about: canonical name or alias, any case
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,
    /// With --subject: also the places that are part of it (districts of a city...)
    #[arg(long, requires = "subject")]
    pub within: bool,
    /// What is measured (comma-separated for several)
    #[arg(long, value_parser = MetricParser, value_delimiter = ',', value_name = "METRIC")]
    pub metric: Vec<Metric>,
    /// Facts whose period overlaps this one: 2023, 2023-05, 2023-Q1, 2021/2023...
    #[arg(long, value_name = "PERIOD", value_parser = crate::checks::period)]
    pub period: Option<Period>,
    /// Facts of one document
    #[arg(long, value_name = "DOC")]
    pub doc: Option<String>,
}

impl ScopeArgs {
    /// Whether any of the filters is given.
    pub fn is_set(&self) -> bool {
        self.subject.is_some()
            || !self.metric.is_empty()
            || self.period.is_some()
            || self.doc.is_some()
    }

    /// The store's filter for `store`, its subject resolved as `resolve::subject` does (an
    /// alias or spelling to its canonical name, namesakes named on stderr, an unknown name
    /// an error).
    pub fn to_filter_in(&self, store: &dyn Ledger) -> anyhow::Result<FactFilter> {
        let subject = match &self.subject {
            Some(name) => Some(crate::resolve::subject(store, name)?),
            None => None,
        };
        Ok(FactFilter {
            subject,
            within: self.within,
            metric: self.metric.iter().map(|m| m.as_str().to_string()).collect(),
            period: self.period,
            doc: self.doc.clone(),
            ..FactFilter::default()
        })
    }
}

/// The filters of `facts` and `export`.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Amount, growth, index or share (comma-separated for several)
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_delimiter = ',',
        value_name = "MEASURE"
    )]
    pub measure: Vec<MeasureArg>,
    /// Achieved or planned (comma-separated for both)
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_delimiter = ',',
        value_name = "STATUS"
    )]
    pub status: Vec<StatusArg>,
    /// The unit: KZT, USD, %, job, project... (comma-separated for several)
    #[arg(long, value_delimiter = ',', value_name = "UNIT")]
    pub unit: Vec<String>,
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
    /// The store's filter for `store`, its subject resolved as `resolve::subject` does (an
    /// alias or spelling to its canonical name, namesakes named on stderr, an unknown name
    /// an error); `default_limit` where no `--limit` is given.
    pub fn to_filter_in(
        &self,
        store: &dyn Ledger,
        default_limit: Option<usize>,
    ) -> anyhow::Result<FactFilter> {
        let scope = self.scope.to_filter_in(store)?;
        let limit = match self.limit {
            Some(0) => None,
            Some(n) => Some(n),
            None => default_limit,
        };
        Ok(FactFilter {
            measure: self
                .measure
                .iter()
                .map(|&m| Measure::from(m).as_str().into())
                .collect(),
            status: self
                .status
                .iter()
                .map(|&s| Status::from(s).as_str().into())
                .collect(),
            unit: self.unit.iter().map(|u| normalise_unit(u)).collect(),
            text: self.text.clone(),
            sort: self.sort.unwrap_or_default(),
            limit,
            ..scope
        })
    }
}

/// Currency codes are upper case, every other unit lower case (`usd` -> `USD`, `Jobs`
/// -> `jobs`).
pub fn normalise_unit(unit: &str) -> String {
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

/// `--metric`: a metric of FACTS.md by its name (`project_value`) or a common one of the
/// extractor's `data/metric_names.tsv` (`GDP`, `exports`), in any case; a name that is
/// neither is an error listing the metrics.
#[derive(Clone, Copy, Debug)]
pub struct MetricParser;

impl TypedValueParser for MetricParser {
    type Value = Metric;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Metric, clap::Error> {
        let name = value.to_string_lossy();
        Metric::from_name(&name).ok_or_else(|| {
            let mut err = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(arg) = arg {
                err.insert(
                    ContextKind::InvalidArg,
                    ContextValue::String(arg.to_string()),
                );
            }
            err.insert(ContextKind::InvalidValue, ContextValue::String(name.into()));
            err.insert(
                ContextKind::ValidValue,
                ContextValue::Strings(Metric::ALL.iter().map(|m| m.to_string()).collect()),
            );
            err
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(Metric::ALL.into_iter().map(|m| {
            PossibleValue::new(m.as_str()).aliases(m.common_names())
        })))
    }
}

/// What kind of figure a fact is (FACTS.md `measure`).
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MeasureArg {
    /// An amount or a count
    #[default]
    Level,
    /// A growth or a fall
    Change,
    /// A value relative to a base period (107.8 percent)
    Index,
    /// A part of a whole
    Share,
}

impl From<MeasureArg> for Measure {
    fn from(m: MeasureArg) -> Measure {
        match m {
            MeasureArg::Level => Measure::Level,
            MeasureArg::Change => Measure::Change,
            MeasureArg::Index => Measure::Index,
            MeasureArg::Share => Measure::Share,
        }
    }
}

/// Whether a fact is achieved or planned (FACTS.md `status`).
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusArg {
    /// Reported as achieved or current
    #[default]
    Actual,
    /// Expected, planned, promised
    Planned,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Status {
        match s {
            StatusArg::Actual => Status::Actual,
            StatusArg::Planned => Status::Planned,
        }
    }
}

/// `--lang`: a language code of `almanac_extract::Lang`.
pub fn parse_lang(code: &str) -> Result<almanac_extract::Lang, String> {
    code.parse()
        .map_err(|e: almanac_extract::lang::ParseLangError| e.to_string())
}

/// The language a document is to be read in: its own (JSONL `lang`), else the command's
/// `--lang`, else `None` for the extractor to detect.
pub fn doc_lang(
    doc: &almanac_ingest::read::SourceDoc,
    default: Option<almanac_extract::Lang>,
) -> Option<almanac_extract::Lang> {
    // The reader accepts only the codes of `LANG_CODES`, which `Lang` parses.
    doc.lang
        .as_deref()
        .and_then(|code| code.parse().ok())
        .or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The metrics a table of FACTS.md lists: the first column of the table under
    /// `## Metrics`.
    fn metrics_of(facts_md: &str) -> Vec<String> {
        facts_md
            .lines()
            .skip_while(|l| l.trim() != "## Metrics")
            .skip(1)
            .take_while(|l| !l.starts_with("## "))
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split_once('`'))
            .map(|(name, _)| name.to_string())
            .collect()
    }

    #[test]
    fn the_metrics_are_facts_md_s() {
        let ours: Vec<String> = MetricParser
            .possible_values()
            .unwrap()
            .map(|v| v.get_name().to_string())
            .collect();
        // FACTS.md lives beside the workspace (`../shared`), where the house works.
        let facts_md = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/FACTS.md");
        match std::fs::read_to_string(facts_md) {
            Ok(text) => assert_eq!(ours, metrics_of(&text), "FACTS.md's metrics table"),
            Err(err) => eprintln!("{facts_md}: {err}; checking the extractor's metrics only"),
        }
        // Every metric the extractor's word lists can give is one a user can ask for.
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../almanac-extract/data/");
        for file in ["metric_cues.tsv", "unit_metrics.tsv", "metric_names.tsv"] {
            let text = std::fs::read_to_string(format!("{data}{file}"))
                .unwrap_or_else(|err| panic!("{data}{file}: {err} (moved? update this test)"));
            for line in text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            {
                let metric = line.split('\t').nth(1).unwrap().trim();
                assert!(
                    ours.iter().any(|m| m == metric),
                    "{file}: {metric} is not a --metric"
                );
            }
        }
    }

    #[derive(clap::Parser, Debug)]
    struct MetricCli {
        #[arg(long, value_parser = MetricParser, value_delimiter = ',')]
        metric: Vec<Metric>,
    }

    #[test]
    fn metrics_by_their_common_names() {
        use clap::Parser;
        for (arg, metrics) in [
            ("GRP", vec![Metric::Economy]),
            ("gdp", vec![Metric::Economy]),
            ("Project value", vec![Metric::ProjectValue]),
            (
                "jobs,Exports,project-value",
                vec![Metric::Jobs, Metric::Trade, Metric::ProjectValue],
            ),
        ] {
            let cli = MetricCli::try_parse_from(["t", "--metric", arg])
                .unwrap_or_else(|e| panic!("{arg}: {e}"));
            assert_eq!(cli.metric, metrics, "{arg}");
        }
        let err = MetricCli::try_parse_from(["t", "--metric", "jobs,weather"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidValue);
        let message = err.to_string();
        assert!(message.contains("'weather'"), "{message}");
        assert!(
            message.contains("project_value"),
            "the valid metrics are listed: {message}"
        );
    }

    #[test]
    fn metrics_table_is_read_from_its_section_only() {
        let md = "## Metrics\n\n| metric | for |\n| --- | --- |\n| `jobs` | jobs |\n\
                  | `fdi` | foreign |\n\n## Other\n\n| `field` | x |\n";
        assert_eq!(metrics_of(md), ["jobs", "fdi"]);
    }
}
