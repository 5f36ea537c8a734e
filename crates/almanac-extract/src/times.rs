//! Time expressions, resolved against the document date into `Period`s.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use crate::period::Period;

/// How a time expression relates a figure to its period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// `in 2021`, `in February`, `last year`, `the first quarter`.
    Point,
    /// `by the end of 2021`, `until 2030`, `by 2030`: a plan's deadline.
    Deadline,
    /// `since the beginning of the year`, `so far this year`: year to date.
    ToDate,
    /// `from 2016 to 2022`, `2016-2022`, `January-May 2024`.
    Span,
    /// `as of the beginning of this year`: a day.
    AsOf,
}

/// One time expression found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeExpr {
    pub span: [usize; 2],
    pub text: String,
    /// `None` when it needs a document date that is not known (`this year` with no date).
    pub period: Option<Period>,
    pub kind: TimeKind,
}

/// Finds the time expressions in `text[range]`, resolved against `doc_date`.
pub fn find(text: &str, range: Range<usize>, doc_date: Option<NaiveDate>) -> Vec<TimeExpr> {
    // FIXME: stub until the time layer lands.
    let _ = (text, range, doc_date);
    Vec::new()
}

/// A publication date written near the start of an article (`by October 29, 2019`).
pub fn date_in_text(text: &str, range: Range<usize>) -> Option<(NaiveDate, [usize; 2])> {
    let _ = (text, range);
    None
}
