//! The output types: `Fact` as FACTS.md defines it, and the smaller records behind it.

use std::fmt;
use std::ops::Range;

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
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub metric: Option<String>,
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
