//! The output types: `Fact` as FACTS.md defines it, and the smaller records behind it.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::period::Period;

/// How sure the text is of a value: `more than 5`, `about 5`, `up to 5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    MoreThan,
    LessThan,
    About,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::About => "about",
        }
    }
}

/// Which way a value moved, when the text says (`rose 0.3%`, `fell 2%`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// What kind of number a fact is: an amount, a change, an index or a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Level,
    Change,
    Index,
    Share,
}

impl Measure {
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Level => "level",
            Measure::Change => "change",
            Measure::Index => "index",
            Measure::Share => "share",
        }
    }
}

/// What a figure measures: the metrics table of FACTS.md, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Investment,
    Fdi,
    ProjectValue,
    Output,
    Economy,
    Jobs,
    Employment,
    Unemployment,
    Vacancies,
    Projects,
    Companies,
    Capacity,
    Area,
    Infrastructure,
    Trade,
    Budget,
    Housing,
    Income,
    Environment,
    Transport,
    Prices,
    Rank,
    Other,
}

impl Metric {
    /// Every metric, in the order of FACTS.md.
    pub const ALL: [Metric; 23] = [
        Metric::Investment,
        Metric::Fdi,
        Metric::ProjectValue,
        Metric::Output,
        Metric::Economy,
        Metric::Jobs,
        Metric::Employment,
        Metric::Unemployment,
        Metric::Vacancies,
        Metric::Projects,
        Metric::Companies,
        Metric::Capacity,
        Metric::Area,
        Metric::Infrastructure,
        Metric::Trade,
        Metric::Budget,
        Metric::Housing,
        Metric::Income,
        Metric::Environment,
        Metric::Transport,
        Metric::Prices,
        Metric::Rank,
        Metric::Other,
    ];

    /// The name FACTS.md gives it, as in JSON (`project_value`).
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Investment => "investment",
            Metric::Fdi => "fdi",
            Metric::ProjectValue => "project_value",
            Metric::Output => "output",
            Metric::Economy => "economy",
            Metric::Jobs => "jobs",
            Metric::Employment => "employment",
            Metric::Unemployment => "unemployment",
            Metric::Vacancies => "vacancies",
            Metric::Projects => "projects",
            Metric::Companies => "companies",
            Metric::Capacity => "capacity",
            Metric::Area => "area",
            Metric::Infrastructure => "infrastructure",
            Metric::Trade => "trade",
            Metric::Budget => "budget",
            Metric::Housing => "housing",
            Metric::Income => "income",
            Metric::Environment => "environment",
            Metric::Transport => "transport",
            Metric::Prices => "prices",
            Metric::Rank => "rank",
            Metric::Other => "other",
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A metric name that FACTS.md does not list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseMetricError(pub String);

impl fmt::Display for ParseMetricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown metric {:?}", self.0)
    }
}

impl std::error::Error for ParseMetricError {}

impl FromStr for Metric {
    type Err = ParseMetricError;

    /// The metric of a FACTS.md name, exactly as written (`project_value`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Metric::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| ParseMetricError(s.to_string()))
    }
}

impl Metric {
    /// The metric a user means by `name`: FACTS.md's name or a common one of
    /// `data/metric_names.tsv` (`GDP`, `exports`), in any case, with `-`, `_` and spaces
    /// alike (`Project value`).
    pub fn from_name(name: &str) -> Option<Metric> {
        let key = name_key(name);
        Metric::ALL
            .into_iter()
            .find(|m| m.as_str() == key)
            .or_else(|| {
                metric_names()
                    .iter()
                    .find(|(alias, _)| name_key(alias) == key)
                    .map(|&(_, m)| m)
            })
    }

    /// The common names of this metric, as `data/metric_names.tsv` writes them.
    pub fn common_names(self) -> impl Iterator<Item = &'static str> {
        metric_names()
            .iter()
            .filter(move |(_, m)| *m == self)
            .map(|&(alias, _)| alias)
    }
}

/// A name as `Metric::from_name` compares it: lower case, `_` for `-` and space.
fn name_key(name: &str) -> String {
    name.trim().to_lowercase().replace(['-', ' '], "_")
}

fn metric_names() -> &'static [(&'static str, Metric)] {
    static NAMES: std::sync::OnceLock<Vec<(&'static str, Metric)>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        crate::data::METRIC_NAMES
            .rows()
            .map(|row| {
                let row = row.unwrap_or_else(|e| panic!("{e}"));
                (
                    row.get(0),
                    row.parse(1, "metric").unwrap_or_else(|e| panic!("{e}")),
                )
            })
            .collect()
    })
}

/// Achieved or only announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Actual,
    Planned,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Planned => "planned",
        }
    }
}

/// The same amount written in another unit next to it: `($33.7 million)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Equivalent {
    pub value: f64,
    pub unit: String,
}

/// One quantified claim, with where it came from. The fields and their meaning are FACTS.md's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub doc: String,
    pub text: String,
    pub value: f64,
    /// The upper end of a range that reports one state (`20-30 million tenge`); `value` is
    /// then its lower end. Always written, `null` when the figure is not a range.
    #[serde(default)]
    pub value_high: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub metric: Option<Metric>,
    pub measure: Option<Measure>,
    pub subject: Option<String>,
    pub period: Option<Period>,
    pub status: Option<Status>,
    pub equivalents: Vec<Equivalent>,
    pub per: Option<String>,
    pub group: Option<u32>,
    pub object: Option<String>,
    pub span: [usize; 2],
    pub sentence: String,
}

impl Fact {
    pub fn span(&self) -> Range<usize> {
        self.span[0]..self.span[1]
    }
}

/// Something the extractor noticed but could not use; never an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub span: [usize; 2],
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}: {}", self.span[0], self.span[1], self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The metrics table of FACTS.md, as written there.
    const FACTS_MD_METRICS: [&str; 23] = [
        "investment",
        "fdi",
        "project_value",
        "output",
        "economy",
        "jobs",
        "employment",
        "unemployment",
        "vacancies",
        "projects",
        "companies",
        "capacity",
        "area",
        "infrastructure",
        "trade",
        "budget",
        "housing",
        "income",
        "environment",
        "transport",
        "prices",
        "rank",
        "other",
    ];

    #[test]
    fn metrics_are_those_of_facts_md() {
        let names: Vec<&str> = Metric::ALL.iter().map(|m| m.as_str()).collect();
        assert_eq!(names, FACTS_MD_METRICS);
        for m in Metric::ALL {
            assert_eq!(m.as_str().parse::<Metric>(), Ok(m));
            assert_eq!(m.to_string(), m.as_str());
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(json, format!("\"{}\"", m.as_str()));
            assert_eq!(serde_json::from_str::<Metric>(&json).unwrap(), m);
        }
        assert_eq!(
            "Jobs".parse::<Metric>(),
            Err(ParseMetricError("Jobs".to_string()))
        );
        assert!("money".parse::<Metric>().is_err());
    }

    #[test]
    fn metrics_by_the_names_people_use() {
        for (name, metric) in [
            ("jobs", Metric::Jobs),
            ("Jobs", Metric::Jobs),
            ("GRP", Metric::Economy),
            ("gdp", Metric::Economy),
            ("FDI", Metric::Fdi),
            ("project-value", Metric::ProjectValue),
            ("Project value", Metric::ProjectValue),
            ("industrial_output", Metric::Output),
            ("Exports", Metric::Trade),
            (" wages ", Metric::Income),
        ] {
            assert_eq!(Metric::from_name(name), Some(metric), "{name}");
        }
        for name in ["weather", "", "economy growth"] {
            assert_eq!(Metric::from_name(name), None, "{name}");
        }
        // A common name is never FACTS.md's name of another metric, nor listed twice.
        let mut seen = std::collections::HashSet::new();
        for metric in Metric::ALL {
            for alias in metric.common_names() {
                assert!(seen.insert(name_key(alias)), "{alias} listed twice");
                assert_eq!(Metric::from_name(alias), Some(metric), "{alias}");
                assert_eq!(
                    alias,
                    alias.to_lowercase(),
                    "{alias}: write names in lower case"
                );
            }
        }
        assert!(Metric::Economy.common_names().any(|n| n == "gdp"));
    }

    /// A range that reports one state is one fact from its lower to its upper end; two
    /// states (`from 5.3 to 5.2 percent`) are two facts, neither a range.
    #[test]
    fn value_high_is_the_upper_end_of_a_range() {
        type Figure = (&'static str, f64, Option<f64>);
        let cases: &[(&str, &[Figure])] = &[
            (
                "The fund will invest 20-30 million tenge in the park.",
                &[("20-30 million tenge", 20e6, Some(30e6))],
            ),
            (
                "Inflation will stay between 5 and 7 percent this year.",
                &[("5 and 7 percent", 5.0, Some(7.0))],
            ),
            (
                "The plant will create 250 to 300 jobs.",
                &[("250 to 300 jobs", 250.0, Some(300.0))],
            ),
            (
                "Unemployment fell from 5.3 to 5.2 percent in 2023.",
                &[("5.3", 5.3, None), ("5.2 percent", 5.2, None)],
            ),
            ("The zone created 369 jobs.", &[("369 jobs", 369.0, None)]),
        ];
        let ctx = crate::DocContext {
            doc: "case",
            date: Some("2024-03-01".parse().unwrap()),
            lang: None,
        };
        for (article, want) in cases {
            let facts = crate::extract(article, &ctx).facts;
            let got: Vec<(&str, f64, Option<f64>)> = facts
                .iter()
                .map(|f| (f.text.as_str(), f.value, f.value_high))
                .collect();
            assert_eq!(got, *want, "{article}");
        }
        // In JSON it follows `value`, and is written when there is none.
        let ctx = crate::DocContext { doc: "j", ..ctx };
        let fact = &crate::extract("It opened 4 plants.", &ctx).facts[0];
        let json = serde_json::to_string(fact).unwrap();
        assert!(
            json.contains(r#""value":4.0,"value_high":null,"unit":"plant""#),
            "{json}"
        );
        let old: Fact = serde_json::from_str(&json.replace(r#""value_high":null,"#, "")).unwrap();
        assert_eq!(&old, fact);
    }

    /// The table of FACTS.md itself, where the contract is at hand (the workspace's
    /// `../shared`): a metric added there must be added here.
    #[test]
    fn metrics_match_the_facts_md_table_when_it_is_at_hand() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/FACTS.md");
        let Ok(facts_md) = std::fs::read_to_string(path) else {
            return;
        };
        let table = facts_md
            .split("## Metrics")
            .nth(1)
            .expect("FACTS.md has a Metrics section");
        let listed: Vec<&str> = table
            .lines()
            .take_while(|l| !l.starts_with("## "))
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split('`').next())
            .collect();
        assert_eq!(listed, FACTS_MD_METRICS);
    }
}
