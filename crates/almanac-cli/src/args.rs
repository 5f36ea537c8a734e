//! The arguments several commands share: where the ledger is ([`DbArgs`]), the fact
//! filters of `facts` and `export` ([`FilterArgs`]), how lists print ([`ListFormat`]), and
//! the closed vocabularies of FACTS.md as typed values ([`MetricArg`], [`MeasureArg`],
//! [`StatusArg`]), so that a misspelt value is an error that lists the valid ones, never
//! a silently empty answer.

use std::path::PathBuf;

use almanac_extract::{Measure, Period, Status};
use almanac_store::{
    open_ledger, FactFilter, FactSort, Ledger, LedgerAddress, PgStore, Store, StoreError,
};
use anyhow::bail;
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

/// The filters shared by `facts` and `export`.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// The place or organisation the facts are about: canonical name or alias, any case
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,
    /// With --subject: also the places that are part of it (districts of a city...)
    #[arg(long, requires = "subject")]
    pub within: bool,
    /// What is measured (comma-separated for several)
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_delimiter = ',',
        value_name = "METRIC"
    )]
    pub metric: Vec<MetricArg>,
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
    /// Facts whose period overlaps this one: 2023, 2023-05, 2023-Q1, 2021/2023...
    #[arg(long, value_name = "PERIOD", value_parser = crate::checks::period)]
    pub period: Option<Period>,
    /// Facts of one document
    #[arg(long, value_name = "DOC")]
    pub doc: Option<String>,
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
        let mut filter = self.to_filter(default_limit);
        if let Some(name) = &self.subject {
            filter.subject = Some(crate::resolve::subject(store, name)?);
        }
        Ok(filter)
    }

    /// The store's filter; `default_limit` where no `--limit` is given.
    pub fn to_filter(&self, default_limit: Option<usize>) -> FactFilter {
        let limit = match self.limit {
            Some(0) => None,
            Some(n) => Some(n),
            None => default_limit,
        };
        FactFilter {
            subject: self.subject.clone(),
            within: self.within,
            metric: self.metric.iter().map(|m| m.as_str().to_string()).collect(),
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
            period: self.period,
            doc: self.doc.clone(),
            text: self.text.clone(),
            sort: self.sort.unwrap_or_default(),
            limit,
        }
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

/// What a fact measures: the metrics of FACTS.md, by the names facts carry.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[value(rename_all = "snake_case")]
/// Besides FACTS.md's names, the common names people use for some (`GRP` and `GDP` for
/// `economy`, `exports` for `trade`...), in any case.
pub enum MetricArg {
    #[value(aliases = ["investments", "fixed-capital-investment", "fixed capital investment"])]
    Investment,
    #[value(aliases = ["foreign-direct-investment", "foreign direct investment", "foreign investment"])]
    Fdi,
    #[value(aliases = ["project-value", "project value"])]
    ProjectValue,
    #[value(aliases = ["industrial-output", "industrial output", "industry", "production"])]
    Output,
    #[value(aliases = ["grp", "gdp", "gross regional product", "gross domestic product", "economic growth"])]
    Economy,
    #[value(aliases = ["job", "workplaces"])]
    Jobs,
    Employment,
    #[value(alias = "unemployed")]
    Unemployment,
    #[value(alias = "vacancy")]
    Vacancies,
    #[value(alias = "project")]
    Projects,
    #[value(aliases = ["enterprises", "businesses", "smes"])]
    Companies,
    Capacity,
    Area,
    Infrastructure,
    #[value(aliases = ["exports", "imports", "trade-turnover", "trade turnover"])]
    Trade,
    Budget,
    Housing,
    #[value(aliases = ["wages", "salaries"])]
    Income,
    Environment,
    Transport,
    #[value(aliases = ["price", "inflation"])]
    Prices,
    #[value(alias = "ranking")]
    Rank,
    Other,
}

impl From<MetricArg> for almanac_extract::Metric {
    fn from(m: MetricArg) -> almanac_extract::Metric {
        m.as_str()
            .parse()
            .expect("MetricArg names are FACTS.md's metrics")
    }
}

impl MetricArg {
    /// The metric's name in facts and in FACTS.md (`project_value`).
    pub fn as_str(self) -> &'static str {
        match self {
            MetricArg::Investment => "investment",
            MetricArg::Fdi => "fdi",
            MetricArg::ProjectValue => "project_value",
            MetricArg::Output => "output",
            MetricArg::Economy => "economy",
            MetricArg::Jobs => "jobs",
            MetricArg::Employment => "employment",
            MetricArg::Unemployment => "unemployment",
            MetricArg::Vacancies => "vacancies",
            MetricArg::Projects => "projects",
            MetricArg::Companies => "companies",
            MetricArg::Capacity => "capacity",
            MetricArg::Area => "area",
            MetricArg::Infrastructure => "infrastructure",
            MetricArg::Trade => "trade",
            MetricArg::Budget => "budget",
            MetricArg::Housing => "housing",
            MetricArg::Income => "income",
            MetricArg::Environment => "environment",
            MetricArg::Transport => "transport",
            MetricArg::Prices => "prices",
            MetricArg::Rank => "rank",
            MetricArg::Other => "other",
        }
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
        let ours: Vec<&str> = MetricArg::value_variants()
            .iter()
            .map(|m| m.as_str())
            .collect();
        for metric in MetricArg::value_variants() {
            let name = metric.to_possible_value().unwrap();
            assert_eq!(name.get_name(), metric.as_str());
        }
        // FACTS.md lives beside the workspace (`../shared`), where the house works.
        let facts_md = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/FACTS.md");
        match std::fs::read_to_string(facts_md) {
            Ok(text) => assert_eq!(ours, metrics_of(&text), "FACTS.md's metrics table"),
            Err(err) => eprintln!("{facts_md}: {err}; checking the extractor's metrics only"),
        }
        // Every metric the extractor's word lists can give is one a user can ask for.
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../almanac-extract/data/");
        for file in ["metric_cues.tsv", "unit_metrics.tsv"] {
            let text = std::fs::read_to_string(format!("{data}{file}"))
                .unwrap_or_else(|err| panic!("{data}{file}: {err} (moved? update this test)"));
            for line in text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            {
                let metric = line.split('\t').nth(1).unwrap().trim();
                assert!(ours.contains(&metric), "{file}: {metric} is not a --metric");
            }
        }
    }

    #[test]
    fn metrics_by_their_common_names() {
        for (name, metric) in [
            ("GRP", "economy"),
            ("gdp", "economy"),
            ("FDI", "fdi"),
            ("project-value", "project_value"),
            ("Project value", "project_value"),
            ("industrial output", "output"),
            ("Exports", "trade"),
        ] {
            let parsed = MetricArg::from_str(name, true).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(parsed.as_str(), metric, "{name}");
        }
        assert!(MetricArg::from_str("weather", true).is_err());
        // No common name is FACTS.md's name of another metric.
        for metric in MetricArg::value_variants() {
            let value = metric.to_possible_value().unwrap();
            for alias in value.get_name_and_aliases().skip(1) {
                let alias = alias.replace([' ', '-'], "_");
                if let Ok(other) = alias.parse::<almanac_extract::Metric>() {
                    assert_eq!(other.as_str(), metric.as_str(), "{alias}");
                }
            }
        }
    }

    #[test]
    fn metrics_table_is_read_from_its_section_only() {
        let md = "## Metrics\n\n| metric | for |\n| --- | --- |\n| `jobs` | jobs |\n\
                  | `fdi` | foreign |\n\n## Other\n\n| `field` | x |\n";
        assert_eq!(metrics_of(md), ["jobs", "fdi"]);
    }
}
