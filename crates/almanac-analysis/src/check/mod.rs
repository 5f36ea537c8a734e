//! `check`: figures that do not add up, each as an [`Alert`] a journalist can read.
//!
//! The rules, one function each:
//!
//! - [`conversions`]: an inline currency equivalent (`15 billion tenge ($50 million)`)
//!   that disagrees with the official rate of its period, or of its document's month,
//!   by more than 15% (whichever rate is closer is the one judged).
//! - [`bounds`]: a value beyond what its metric and unit allow (a share above 100%, a rate
//!   above 100%, a rank of zero, more jobs than Kazakhstan has people, more money than
//!   its whole economy).
//! - [`parts_and_wholes`]: a place's figure larger than the same figure of the place it
//!   lies in (never one of two figures side by side in a sentence), the parts of a total adding up to more than the total, an amount larger
//!   than the subject's whole economy (GRP) of the same period.
//! - [`magnitudes`]: a level a thousand times off the same subject's figures of other
//!   periods (billion written for trillion), the container's figure deciding which of
//!   two is the slip.
//! - [`reports`]: the same subject, metric, measure, unit, period, status and `per`
//!   reported by different documents with values more than 5% apart (a conflict), the
//!   same figure reported again (restated, for information), or a planned figure
//!   announced again with another value (revised, saying from what to what).
//!
//! Like is compared with like only: the same metric and measure, one unit family (money
//! in any currency, else the same unit), the same period (or, for magnitudes, the same
//! subject's periods), comparable objects (`30 projects` is not `the city`). Where a
//! figure moved up or down is what the extractor read next to it, never a word searched
//! for in the sentence.
//! - [`arithmetic`]: a change that does not match the two levels it is said to go
//!   between (`went down by 0.1 percent from 6.4 to 6.3`), an index that does not match
//!   the change reported with it (107.8% and 7.8%).
//!
//! Every comparison allows for rounding: a figure written `5.3` may be anything from
//! 5.25 to 5.35. Qualified figures (`more than`, `up to`, `about`) are compared as the
//! ranges they state.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

use almanac_extract::{Measure, Period, Qualifier, Status};
use chrono::Datelike;
use serde::Serialize;

use crate::ledger::{is_within, kzt_rate, Evidence, FactExt, LedgerFact, Places, Rates};
use crate::numbers::{amount, half_step, human, percent, relative_gap};

mod arithmetic;
mod bounds;
mod conversions;
mod magnitudes;
mod parts_and_wholes;
mod reports;

pub use arithmetic::arithmetic;
pub use bounds::bounds;
pub use conversions::conversions;
pub use magnitudes::magnitudes;
pub use parts_and_wholes::parts_and_wholes;
pub use reports::reports;

/// How far an inline equivalent may stray from the official rate before it is flagged.
pub const CONVERSION_TOLERANCE: f64 = 0.15;
/// How far apart two reports of the same figure may be before they conflict.
pub const CONFLICT_TOLERANCE: f64 = 0.05;
/// Reports written in different currencies are compared in tenge, through rates that
/// differ between sources; they conflict only beyond this.
pub const CROSS_CURRENCY_TOLERANCE: f64 = 0.15;

/// What kind of problem an alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// An inline currency equivalent off the official rate.
    Conversion,
    /// A part larger than its whole.
    PartExceedsWhole,
    /// A value beyond plausible bounds for its metric and unit.
    Implausible,
    /// Arithmetic that does not hold inside one text.
    Arithmetic,
    /// Different documents report different values for the same figure.
    Conflict,
    /// A figure a thousand times off the same subject's other periods: billion written
    /// for trillion, million for billion.
    Magnitude,
    /// A planned figure announced again with another value: the target was revised.
    Revised,
    /// Different documents report the same figure (information, not a problem).
    Restated,
}

impl AlertKind {
    /// The name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::Conversion => "conversion",
            AlertKind::PartExceedsWhole => "part_exceeds_whole",
            AlertKind::Implausible => "implausible",
            AlertKind::Arithmetic => "arithmetic",
            AlertKind::Conflict => "conflict",
            AlertKind::Magnitude => "magnitude",
            AlertKind::Revised => "revised",
            AlertKind::Restated => "restated",
        }
    }
}

impl fmt::Display for AlertKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much an alert matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing, not wrong: restated figures, percent written for points.
    Info,
    /// Probably wrong, or at least needs a look.
    Warning,
    /// Cannot be true as written.
    Error,
}

impl Severity {
    /// The name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding, with the facts behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    pub kind: AlertKind,
    pub severity: Severity,
    /// One line a journalist can read.
    pub explanation: String,
    pub subject: Option<String>,
    pub metric: Option<String>,
    pub period: Option<Period>,
    /// The facts the alert is about, with their sentences.
    pub facts: Vec<Evidence>,
}

impl fmt::Display for Alert {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.severity, self.kind, self.explanation)
    }
}

/// Every alert on `facts`, the most severe first. `rates` gives official exchange rates
/// and `places` which place lies in which.
pub fn check(facts: &[LedgerFact], rates: &dyn Rates, places: &dyn Places) -> Vec<Alert> {
    let mut alerts = Vec::new();
    alerts.extend(conversions(facts, rates));
    alerts.extend(bounds(facts, rates, places));
    alerts.extend(parts_and_wholes(facts, places));
    alerts.extend(magnitudes(facts, places));
    alerts.extend(arithmetic(facts));
    alerts.extend(reports(facts));
    alerts.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.kind.cmp(&b.kind))
            .then_with(|| first_key(a).cmp(&first_key(b)))
    });
    alerts
}

fn first_key(alert: &Alert) -> (Option<chrono::NaiveDate>, i64) {
    alert
        .facts
        .first()
        .map_or((None, 0), |e| (e.date, e.fact_id))
}

fn alert(kind: AlertKind, severity: Severity, explanation: String, facts: &[&LedgerFact]) -> Alert {
    let first = facts.first().map(|f| &f.fact);
    Alert {
        kind,
        severity,
        explanation,
        subject: first.and_then(|f| f.subject.clone()),
        metric: first.and_then(|f| f.metric.map(|m| m.to_string())),
        period: first.and_then(|f| f.period),
        facts: facts.iter().map(|f| f.evidence()).collect(),
    }
}

/// `Almaty jobs 2021`: what a figure is, for an explanation.
fn what(f: &LedgerFact) -> String {
    let fact = &f.fact;
    let mut parts = Vec::new();
    if let Some(s) = &fact.subject {
        parts.push(s.clone());
    }
    if let Some(m) = &fact.metric {
        parts.push(m.to_string());
    }
    match fact.measure {
        Some(Measure::Change) => parts.push("change".into()),
        Some(Measure::Index) => parts.push("index".into()),
        Some(Measure::Share) => parts.push("share".into()),
        _ => {}
    }
    if let Some(p) = fact.period {
        parts.push(p.to_string());
    }
    if fact.status == Some(Status::Planned) {
        parts.push("(planned)".into());
    }
    parts.join(" ")
}

/// `"12,000 jobs" (doc-a, 2022-01-20)`: a figure and where it was said.
fn cite(f: &LedgerFact) -> String {
    match f.doc_date {
        Some(d) => format!("\"{}\" ({}, {})", f.fact.text, f.fact.doc, d),
        None => format!("\"{}\" ({})", f.fact.text, f.fact.doc),
    }
}

// ---------------------------------------------------------------------------------------
// Like with like, for every check

/// Whether two objects name the same thing: both unknown, or sharing a content word.
pub(crate) fn same_object(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let wa = content_words(a);
            content_words(b).iter().any(|w| wa.contains(w))
        }
        _ => false,
    }
}

fn content_words(s: &str) -> BTreeSet<String> {
    const STOP: [&str; 12] = [
        "the", "a", "an", "of", "for", "and", "in", "on", "to", "with", "by", "new",
    ];
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2 && !STOP.contains(w) && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

/// The value a report is compared on: the written value, or tenge for money.
fn scale_value(f: &LedgerFact) -> Option<f64> {
    if f.is_money() {
        f.value_kzt
    } else {
        Some(f.fact.value)
    }
}

/// Whether two facts could be about the same thing. Not when they name objects that
/// share no word (`five projects`, `plant for steel pipes`), nor when one counts a set
/// (`30 investment projects`) and the other does not, or counts another number: the worth
/// of 30 projects is not the city's fixed capital investment, nor that of 12 projects.
pub(crate) fn comparable_objects(a: &LedgerFact, b: &LedgerFact) -> bool {
    let (oa, ob) = (a.fact.object.as_deref(), b.fact.object.as_deref());
    if leading_count(oa) != leading_count(ob) {
        return false;
    }
    match (oa, ob) {
        (Some(x), Some(y)) => same_object(Some(x), Some(y)),
        _ => true,
    }
}

/// The number an object starts with: `30 investment projects` -> 30, `five projects` -> 5.
pub(crate) fn leading_count(object: Option<&str>) -> Option<u64> {
    const WORDS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let first = object?.split_whitespace().next()?.to_lowercase();
    let digits: String = first.chars().filter(|c| *c != ',').collect();
    if let Ok(n) = digits.parse::<u64>() {
        return Some(n);
    }
    WORDS.iter().position(|w| *w == first).map(|i| i as u64 + 1)
}

#[cfg(test)]
mod tests;
