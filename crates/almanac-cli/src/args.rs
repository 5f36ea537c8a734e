//! The arguments several commands share: where the ledger is ([`DbArgs`]), the fact
//! filters of `facts` and `export` ([`FilterArgs`]) and how lists print ([`ListFormat`]).

use std::path::PathBuf;

use almanac_extract::Period;
use almanac_store::{FactFilter, FactSort, Store};
use anyhow::bail;
use clap::{Args, ValueEnum};

/// Where the ledger is.
#[derive(Args, Debug, Clone)]
pub struct DbArgs {
    /// The ledger file (SQLite); created when missing
    #[arg(
        long,
        env = "ALMANAC_DB",
        default_value = "almanac.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,
}

impl DbArgs {
    pub fn open(&self) -> anyhow::Result<Store> {
        Ok(Store::open(&self.db)?)
    }

    /// Opens a ledger that must exist already (queries never create an empty one).
    pub fn open_existing(&self) -> anyhow::Result<Store> {
        if !self.db.exists() {
            bail!(
                "no ledger at {} (run `almanac ingest` first, or give --db / ALMANAC_DB)",
                self.db.display()
            );
        }
        self.open()
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
    /// What is measured: investment, output, economy, jobs... (comma-separated for several)
    #[arg(long, value_delimiter = ',', value_name = "METRIC")]
    pub metric: Vec<String>,
    /// level, change, index or share (comma-separated for several)
    #[arg(long, value_delimiter = ',', value_name = "MEASURE")]
    pub measure: Vec<String>,
    /// actual or planned
    #[arg(long, value_delimiter = ',', value_name = "STATUS")]
    pub status: Vec<String>,
    /// The unit: KZT, USD, %, job, project... (comma-separated for several)
    #[arg(long, value_delimiter = ',', value_name = "UNIT")]
    pub unit: Vec<String>,
    /// Facts whose period overlaps this one: 2023, 2023-05, 2023-Q1, 2021/2023...
    #[arg(long, value_name = "PERIOD")]
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
    pub fn to_filter(&self, default_limit: Option<usize>) -> anyhow::Result<FactFilter> {
        for status in &self.status {
            if !matches!(status.as_str(), "actual" | "planned") {
                bail!("unknown status {status:?}: expected actual or planned");
            }
        }
        for measure in &self.measure {
            if !matches!(measure.as_str(), "level" | "change" | "index" | "share") {
                bail!("unknown measure {measure:?}: expected level, change, index or share");
            }
        }
        let limit = match self.limit {
            Some(0) => None,
            Some(n) => Some(n),
            None => default_limit,
        };
        Ok(FactFilter {
            subject: self.subject.clone(),
            within: self.within,
            metric: self.metric.iter().map(|m| m.to_lowercase()).collect(),
            measure: self.measure.clone(),
            status: self.status.clone(),
            unit: self.unit.iter().map(|u| normalise_unit(u)).collect(),
            period: self.period,
            doc: self.doc.clone(),
            text: self.text.clone(),
            sort: self.sort.unwrap_or_default(),
            limit,
        })
    }
}

/// Currency codes are upper case, every other unit lower case (`usd` -> `USD`, `Jobs`
/// -> `jobs`).
fn normalise_unit(unit: &str) -> String {
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
