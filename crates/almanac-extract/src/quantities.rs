//! Quantities: a number with its scale, unit, qualifier, direction, rate and equivalents.

use std::ops::Range;

use serde::Serialize;

use crate::fact::{Direction, Equivalent, Qualifier};

/// What sort of thing a quantity counts or measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    Money,
    Percent,
    Count,
    Measure,
    Rank,
    Multiplier,
    Duration,
    Age,
    Temperature,
    Speed,
    Data,
    Bare,
}

/// One quantity in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub span: [usize; 2],
    pub text: String,
    pub value: f64,
    /// The upper end of a range (`25-40 minutes`); `value` is its lower end.
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub kind: QuantityKind,
    pub qualifier: Option<Qualifier>,
    pub direction: Option<Direction>,
    pub per: Option<String>,
    pub equivalents: Vec<Equivalent>,
    /// Whether FACTS.md counts it as a figure (money, percent, counts, measures, ranks).
    pub fact_worthy: bool,
}

/// Finds the quantities in `text[range]`.
pub fn find(text: &str, range: Range<usize>) -> Vec<Quantity> {
    let _ = (text, range);
    Vec::new()
}
