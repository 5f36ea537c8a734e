//! The figures of the sentence before, as the next sentence reads them: its breakdown
//! (`200 projects in industry and 230 in agriculture` of `711 projects`), a comparison with
//! it, or a reference back to its period, status and metric.

use crate::fact::{Measure, Metric, Status};
use crate::period::Period;
use crate::quantities::{self, Quantity};

/// The last figure of the sentence before, for a sentence that breaks it down or speaks of
/// it again.
pub(super) struct PreviousFigure {
    pub(super) status: Status,
    pub(super) period: Option<Period>,
    pub(super) unit: Option<String>,
    pub(super) value: f64,
    /// A count of things (`711 projects`), not money, a share or a measure.
    pub(super) counted: bool,
    pub(super) metric: Metric,
    pub(super) measure: Measure,
    /// The paragraph it stands in.
    pub(super) paragraph: usize,
    /// It is a state another figure is set against (`up from $1.9 billion a year earlier`,
    /// `против 4,1 млн`): its period is the comparison's, not the news'.
    pub(super) earlier_state: bool,
}

/// The count of the sentence before, in the same paragraph, that the counts of this
/// sentence break down: at least two counts of one unit whose sum is no more than it. Two
/// counts of the same things side by side in the next sentence that fit inside one are its
/// parts (`200 projects in industry and 230 in agriculture` of `711 projects`).
pub(super) fn whole_of_parts<'a>(
    in_sentence: &[&Quantity],
    previous: &'a [PreviousFigure],
    paragraph: usize,
) -> Option<&'a PreviousFigure> {
    let counts: Vec<&Quantity> = in_sentence
        .iter()
        .filter(|q| q.kind == quantities::QuantityKind::Count && q.unit.is_some())
        .copied()
        .collect();
    let unit = counts.first()?.unit.as_ref()?;
    let parts: Vec<f64> = counts
        .iter()
        .filter(|q| q.unit.as_ref() == Some(unit))
        .map(|q| q.value)
        .collect();
    if parts.len() < 2 || parts.len() < counts.len() {
        return None;
    }
    let sum: f64 = parts.iter().sum();
    previous.iter().rev().find(|f| {
        f.paragraph == paragraph
            && f.counted
            && f.unit.as_ref() == Some(unit)
            && sum <= f.value
            && parts.iter().all(|&v| v < f.value)
    })
}
