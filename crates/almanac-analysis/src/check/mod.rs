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

pub use arithmetic::arithmetic;

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
// Inline currency equivalents

/// Inline equivalents that disagree with the official rate by more than
/// [`CONVERSION_TOLERANCE`].
pub fn conversions(facts: &[LedgerFact], rates: &dyn Rates) -> Vec<Alert> {
    let mut alerts = Vec::new();
    for f in facts.iter().filter(|f| f.is_money() && f.fact.value > 0.0) {
        let unit = f.unit();
        for eq in &f.fact.equivalents {
            if !crate::ledger::is_currency(&eq.unit) || eq.unit == unit || eq.value <= 0.0 {
                continue;
            }
            // Judged at the official rate of the figure's period; a writer who converted
            // at the rate of the day of writing is not wrong either, so an equivalent
            // close to that rate passes too.
            let judge = |p: Period| -> Option<(Period, f64, f64)> {
                let expected =
                    f.fact.value * kzt_rate(rates, unit, p)? / kzt_rate(rates, &eq.unit, p)?;
                Some((p, expected, eq.value / expected - 1.0))
            };
            let of_period = f.fact.period.and_then(judge);
            let of_writing = f
                .doc_date
                .and_then(|d| judge(Period::Month(d.year(), d.month() as u8)));
            let Some((period, expected, off)) = of_period.or(of_writing) else {
                continue;
            };
            let passes = |j: Option<(Period, f64, f64)>| {
                j.is_some_and(|(_, _, off)| off.abs() <= CONVERSION_TOLERANCE)
            };
            if passes(of_period) || passes(of_writing) {
                continue;
            }
            let ratio = eq.value / expected;
            let severity = if !(0.5..=2.0).contains(&ratio) {
                Severity::Error
            } else {
                Severity::Warning
            };
            let rate_note = match (unit, eq.unit.as_str()) {
                ("KZT", foreign) => format!(
                    "; it implies {:.2} KZT/{foreign} against the official {:.2}",
                    f.fact.value / eq.value,
                    kzt_rate(rates, foreign, period).unwrap_or(f64::NAN)
                ),
                (foreign, "KZT") => format!(
                    "; it implies {:.2} KZT/{foreign} against the official {:.2}",
                    eq.value / f.fact.value,
                    kzt_rate(rates, foreign, period).unwrap_or(f64::NAN)
                ),
                _ => String::new(),
            };
            let explanation = format!(
                "{} is given as {}, but at the official rate of {period} it is {}: the equivalent is {} too {}{rate_note}",
                amount(f.fact.value, unit),
                amount(eq.value, &eq.unit),
                amount(expected, &eq.unit),
                percent(off.abs()),
                if off > 0.0 { "high" } else { "low" },
            );
            let mut a = alert(AlertKind::Conversion, severity, explanation, &[f]);
            a.period = Some(period);
            alerts.push(a);
        }
    }
    alerts
}

// ---------------------------------------------------------------------------------------
// Plausible bounds

/// Kazakhstan's GDP never reached $300 billion a year (about $262 billion in 2023): no
/// amount about a place in it can be larger for one year.
const MAX_USD_PER_YEAR_KAZAKHSTAN: f64 = 300e9;
/// The year of the GDP figure above.
const LAST_KNOWN_GDP_YEAR: i32 = 2023;
/// How much an economy may grow in a year, in dollars, at most (Kazakhstan's best years
/// were near 10% in real terms).
const MAX_GDP_GROWTH: f64 = 1.12;
/// The world economy is about $100 trillion a year.
const MAX_USD_PER_YEAR_ANYWHERE: f64 = 120e12;
/// Kazakhstan has about 20 million people.
const MAX_PEOPLE_KAZAKHSTAN: f64 = 21e6;

/// Values beyond what their metric and unit allow. Money is judged as written, at the
/// official rate: an inline equivalent that is itself wrong is a conversion alert, not a
/// reason to call the figure implausible.
pub fn bounds(facts: &[LedgerFact], rates: &dyn Rates, places: &dyn Places) -> Vec<Alert> {
    let mut alerts = Vec::new();
    for f in facts {
        let fact = &f.fact;
        let v = fact.value;
        let unit = f.unit();
        let measure = fact.measure.unwrap_or(Measure::Level);
        let in_kazakhstan = fact
            .subject
            .as_deref()
            .is_none_or(|s| is_within(places, s, "Kazakhstan"));
        let mut found = |kind, severity, explanation: String| {
            alerts.push(alert(kind, severity, explanation, &[f]));
        };
        if unit == "%" {
            match measure {
                Measure::Share if v > 100.0 + half_step(&fact.text, v) => found(
                    AlertKind::Arithmetic,
                    Severity::Error,
                    format!("{}: a share of {} is more than the whole", what(f), amount(v, "%")),
                ),
                Measure::Share | Measure::Level if v < 0.0 => found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!("{}: a negative share or rate ({})", what(f), amount(v, "%")),
                ),
                Measure::Level
                    if v > 100.0 + half_step(&fact.text, v)
                        && matches!(
                            fact.metric.map(|m| m.as_str()),
                            Some("unemployment" | "employment")
                        ) =>
                {
                    found(
                        AlertKind::Implausible,
                        Severity::Error,
                        format!("{}: a rate of {} is more than 100%", what(f), amount(v, "%")),
                    )
                }
                Measure::Change if v < -100.0 => found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!("{}: a fall of {} is more than everything there was", what(f), amount(-v, "%")),
                ),
                Measure::Change if v > 1000.0 => found(
                    AlertKind::Implausible,
                    Severity::Warning,
                    format!("{}: growth of {} is more than elevenfold; check the base", what(f), amount(v, "%")),
                ),
                Measure::Index if !(20.0..=500.0).contains(&v) => found(
                    AlertKind::Implausible,
                    Severity::Warning,
                    format!(
                        "{}: an index of {} means the value was multiplied by {}; an index is usually near 100%",
                        what(f),
                        amount(v, "%"),
                        human(v / 100.0)
                    ),
                ),
                _ => {}
            }
        } else if unit == "rank" {
            if v < 1.0 || v.fract() != 0.0 {
                found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!("{}: {} is not a place in a ranking", what(f), human(v)),
                );
            }
        } else if f.is_money() && measure == Measure::Level {
            if v < 0.0 {
                found(
                    AlertKind::Implausible,
                    Severity::Warning,
                    format!("{}: a negative amount ({})", what(f), amount(v, unit)),
                );
            }
            let years = fact.period.map_or(1.0, |p| {
                let (a, b) = p.bounds();
                ((b - a).num_days() as f64 / 365.25).max(1.0)
            });
            // A figure of a year after the last GDP known here (a target for 2029) is
            // judged against an economy that may have grown by then.
            let growth = fact.period.map_or(1.0, |p| {
                let beyond = p.bounds().1.year() - LAST_KNOWN_GDP_YEAR;
                MAX_GDP_GROWTH.powi(beyond.max(0))
            });
            let (max, whole) = if in_kazakhstan {
                (
                    MAX_USD_PER_YEAR_KAZAKHSTAN,
                    "Kazakhstan's whole economy (GDP about $262 billion in 2023)",
                )
            } else {
                (MAX_USD_PER_YEAR_ANYWHERE, "the world economy")
            };
            let at_official_rate = f
                .when()
                .and_then(|p| Some(v * kzt_rate(rates, unit, p)? / kzt_rate(rates, "USD", p)?));
            if let Some(usd) = at_official_rate
                .or(f.value_usd)
                .filter(|usd| *usd > max * years * growth)
            {
                found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!(
                        "{}: {} (about {}) is more than {whole} over the period",
                        what(f),
                        amount(v, unit),
                        amount(usd, "USD")
                    ),
                );
            }
        } else if matches!(unit, "job" | "person" | "vacancy") && measure == Measure::Level {
            if in_kazakhstan && v > MAX_PEOPLE_KAZAKHSTAN {
                found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!(
                        "{}: {} is more than Kazakhstan's whole population (about 20 million)",
                        what(f),
                        amount(v, unit)
                    ),
                );
            } else if v < 0.0 {
                found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!("{}: a negative count ({})", what(f), amount(v, unit)),
                );
            }
        }
    }
    alerts
}

// ---------------------------------------------------------------------------------------
// Parts and wholes

const TOTAL_CUES: [&str; 6] = [
    "in total",
    "a total of",
    "total",
    "overall",
    "altogether",
    "in all",
];
const PART_CUES: [&str; 7] = [
    "of them",
    "of which",
    "among them",
    "including",
    "of these",
    "in particular",
    "among these",
];

/// Metrics whose figure for a place is a total that the same figure of a place within
/// it cannot exceed: statistics of the whole place. Money for projects, allocations from
/// a budget, counts of schools are pieces, never a place's whole.
const AGGREGATES: [&str; 9] = [
    "investment",
    "jobs",
    "fdi",
    "output",
    "economy",
    "trade",
    "housing",
    "employment",
    "companies",
];

/// The figures that share their sentence with another figure of the same subject,
/// metric, period and object, and so are never taken as a place's whole: side by side,
/// such figures are most often pieces of a breakdown ("investors from China put in $2.3
/// billion and Russian companies 190 billion rubles"), and nothing in the figures tells a
/// total with its part ("1.3 trillion, of which 400 billion") from two pieces. A missed
/// alert costs less than a false one.
fn side_by_side(levels: &[&LedgerFact]) -> HashSet<i64> {
    type Key<'a> = (
        &'a str,
        &'a str,
        String,
        &'static str,
        Option<Period>,
        Option<&'a str>,
    );
    let mut by_sentence: HashMap<Key, Vec<i64>> = HashMap::new();
    for f in levels {
        if let (Some(subject), Some(metric)) = (f.fact.subject.as_deref(), f.fact.metric) {
            by_sentence
                .entry((
                    f.fact.doc.as_str(),
                    f.fact.sentence.as_str(),
                    subject.to_lowercase(),
                    metric.as_str(),
                    f.fact.period,
                    f.fact.object.as_deref(),
                ))
                .or_default()
                .push(f.id);
        }
    }
    by_sentence
        .into_values()
        .filter(|ids| ids.len() > 1)
        .flatten()
        .collect()
}

/// A part larger than its whole (see the module docs).
pub fn parts_and_wholes(facts: &[LedgerFact], places: &dyn Places) -> Vec<Alert> {
    let mut alerts = Vec::new();
    let levels: Vec<&LedgerFact> = facts
        .iter()
        .filter(|f| {
            f.fact.measure.unwrap_or(Measure::Level) == Measure::Level && f.fact.metric.is_some()
        })
        .collect();

    // A place's figure against the same figure of a place it lies in, same period. The
    // figures are indexed by metric, period and subject, so each part looks up the places
    // it lies in rather than scanning the ledger.
    let mut by_place: HashMap<(&str, Period, String), Vec<&LedgerFact>> = HashMap::new();
    for f in &levels {
        if let (Some(metric), Some(period), Some(subject)) = (
            f.fact.metric.map(|m| m.as_str()),
            f.fact.period,
            f.fact.subject.as_deref(),
        ) {
            by_place
                .entry((metric, period, subject.to_lowercase()))
                .or_default()
                .push(f);
        }
    }
    let pieces = side_by_side(&levels);
    for part in &levels {
        let (Some(part_subject), Some(metric), Some(period)) = (
            part.fact.subject.as_deref(),
            part.fact.metric.map(|m| m.as_str()),
            part.fact.period,
        ) else {
            continue;
        };
        if part.fact.qualifier == Some(Qualifier::LessThan) {
            continue;
        }
        if !AGGREGATES.contains(&metric) {
            continue;
        }
        let wholes = places.ancestors(part_subject).into_iter().flat_map(|a| {
            by_place
                .get(&(metric, period, a.to_lowercase()))
                .into_iter()
                .flatten()
        });
        // Only the largest figure reported for the container is its whole: "investors from
        // China put in $2.3 billion" is itself a part of the country's investment.
        let mut largest: Option<(&LedgerFact, f64, f64, f64)> = None;
        for whole in wholes {
            let Some(whole_subject) = whole.fact.subject.as_deref() else {
                continue;
            };
            if whole_subject.eq_ignore_ascii_case(part_subject)
                || pieces.contains(&whole.id)
                || whole.fact.qualifier == Some(Qualifier::MoreThan)
                || !same_figure_kind(part, whole)
                || part.fact.period != whole.fact.period
                || !comparable_objects(part, whole)
            {
                continue;
            }
            let (Some(p), Some(w)) = comparable(part, whole) else {
                continue;
            };
            let slack = if part.unit() == whole.unit() {
                half_step(&part.fact.text, part.fact.value)
                    + half_step(&whole.fact.text, whole.fact.value)
            } else {
                w * CROSS_CURRENCY_TOLERANCE
            };
            if largest.is_none_or(|(_, _, lw, _)| w > lw) {
                largest = Some((whole, p, w, slack));
            }
        }
        if let Some((whole, p, w, slack)) = largest {
            let whole_subject = whole.fact.subject.as_deref().unwrap_or_default();
            if p > w * (1.0 + CONFLICT_TOLERANCE) + slack {
                alerts.push(alert(
                    AlertKind::PartExceedsWhole,
                    Severity::Warning,
                    format!(
                        "{part_subject} lies in {whole_subject}, yet its {} {} is larger than {whole_subject}'s {}",
                        what_metric(part),
                        cite(part),
                        cite(whole)
                    ),
                    &[part, whole],
                ));
            }
        }
    }

    // The parts of a total in one text adding up to more than the total.
    let mut by_doc: BTreeMap<&str, Vec<&LedgerFact>> = BTreeMap::new();
    for f in &levels {
        by_doc.entry(f.fact.doc.as_str()).or_default().push(f);
    }
    for doc_facts in by_doc.values() {
        for total in doc_facts
            .iter()
            .filter(|f| has_cue(&f.fact.sentence, &TOTAL_CUES))
        {
            let parts: Vec<&LedgerFact> = doc_facts
                .iter()
                .filter(|p| {
                    p.id != total.id
                        && p.position() > total.position()
                        && p.fact.sentence != total.fact.sentence
                        && has_cue(&p.fact.sentence, &PART_CUES)
                        && same_figure_kind(p, total)
                        && p.fact.subject == total.fact.subject
                        && p.fact.period == total.fact.period
                })
                .copied()
                .collect();
            if parts.is_empty() || total.fact.qualifier == Some(Qualifier::MoreThan) {
                continue;
            }
            let sum: f64 = parts.iter().filter_map(|p| comparable(p, total).0).sum();
            let Some(whole) = comparable(total, total).0 else {
                continue;
            };
            let slack = parts
                .iter()
                .map(|p| half_step(&p.fact.text, p.fact.value))
                .sum::<f64>()
                + half_step(&total.fact.text, total.fact.value);
            if sum > whole * (1.0 + CONFLICT_TOLERANCE) + slack {
                let mut cited = vec![*total];
                cited.extend(parts.iter().copied());
                let listed: Vec<String> = parts
                    .iter()
                    .map(|p| format!("\"{}\"", p.fact.text))
                    .collect();
                alerts.push(alert(
                    AlertKind::PartExceedsWhole,
                    Severity::Warning,
                    format!(
                        "{}: the parts {} add up to {}, more than the total \"{}\" in the same text",
                        what(total),
                        listed.join(" + "),
                        amount(sum, total.unit()),
                        total.fact.text
                    ),
                    &cited,
                ));
            }
        }
    }

    // An amount larger than the whole economy of its place and period.
    let mut economies: HashMap<String, Vec<&LedgerFact>> = HashMap::new();
    for gdp in levels.iter().filter(|f| {
        f.fact.metric.map(|m| m.as_str()) == Some("economy")
            && f.is_money()
            && f.fact.status != Some(Status::Planned)
            && f.fact.period.is_some()
    }) {
        if let Some(subject) = gdp.fact.subject.as_deref() {
            economies
                .entry(subject.to_lowercase())
                .or_default()
                .push(gdp);
        }
    }
    if !economies.is_empty() {
        for f in levels.iter().filter(|f| {
            f.is_money()
                // Gross output counts intermediate goods and may exceed value added (GRP);
                // investment cannot.
                && matches!(f.fact.metric.map(|m| m.as_str()), Some("investment" | "fdi"))
        }) {
            let (Some(subject), Some(period)) = (f.fact.subject.as_deref(), f.fact.period) else {
                continue;
            };
            let (a, b) = period.bounds();
            let mut names = vec![subject.to_string()];
            names.extend(places.ancestors(subject));
            for name in names {
                for gdp in economies.get(&name.to_lowercase()).into_iter().flatten() {
                    let whole_period = gdp.fact.period.expect("filtered on period");
                    let (start, end) = whole_period.bounds();
                    if a < start || b > end {
                        continue;
                    }
                    let (Some(v), Some(whole)) = comparable(f, gdp) else {
                        continue;
                    };
                    if v > whole * (1.0 + CROSS_CURRENCY_TOLERANCE) {
                        let whole_subject = gdp.fact.subject.as_deref().unwrap_or_default();
                        alerts.push(alert(
                            AlertKind::PartExceedsWhole,
                            Severity::Error,
                            format!(
                                "{} {} is larger than the whole economy of {whole_subject} in {whole_period} {}",
                                what(f),
                                cite(f),
                                cite(gdp)
                            ),
                            &[f, gdp],
                        ));
                    }
                }
            }
        }
    }
    alerts
}

fn what_metric(f: &LedgerFact) -> String {
    f.fact.metric.map(|m| m.to_string()).unwrap_or_default()
}

fn has_cue(sentence: &str, cues: &[&str]) -> bool {
    let lower = sentence.to_lowercase();
    cues.iter().any(|cue| contains_word(&lower, cue))
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The same metric, measure, status, `per` and unit (money of any currency being one).
fn same_figure_kind(a: &LedgerFact, b: &LedgerFact) -> bool {
    let (fa, fb) = (&a.fact, &b.fact);
    fa.metric == fb.metric
        && fa.measure.unwrap_or(Measure::Level) == fb.measure.unwrap_or(Measure::Level)
        && fa.status == fb.status
        && fa.per == fb.per
        && (fa.unit == fb.unit || (a.is_money() && b.is_money()))
}

/// Two values on one scale: the written values when the units agree, else tenge.
fn comparable(a: &LedgerFact, b: &LedgerFact) -> (Option<f64>, Option<f64>) {
    if a.unit() == b.unit() {
        (Some(a.fact.value), Some(b.fact.value))
    } else {
        (a.value_kzt, b.value_kzt)
    }
}

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

// ---------------------------------------------------------------------------------------
// Conflicting and restated reports

/// Different documents reporting the same figure: conflicts when the values are more
/// than [`CONFLICT_TOLERANCE`] apart, restatements when they agree, revisions when a
/// planned figure is announced again with another value.
pub fn reports(facts: &[LedgerFact]) -> Vec<Alert> {
    type Key = (
        String,
        String,
        &'static str,
        String,
        String,
        &'static str,
        String,
    );
    let mut groups: BTreeMap<Key, Vec<&LedgerFact>> = BTreeMap::new();
    for f in facts {
        let fact = &f.fact;
        let (Some(subject), Some(metric), Some(period)) =
            (&fact.subject, &fact.metric, fact.period)
        else {
            continue;
        };
        let unit = if f.is_money() {
            "money".to_string()
        } else {
            f.unit().to_string()
        };
        groups
            .entry((
                subject.to_lowercase(),
                metric.to_string(),
                fact.measure.unwrap_or(Measure::Level).as_str(),
                unit,
                period.to_string(),
                fact.status.unwrap_or(Status::Actual).as_str(),
                fact.per.clone().unwrap_or_default(),
            ))
            .or_default()
            .push(f);
    }

    let mut alerts = Vec::new();
    for members in groups.values_mut() {
        let docs: BTreeSet<&str> = members.iter().map(|f| f.fact.doc.as_str()).collect();
        if docs.len() < 2 {
            continue;
        }
        members.sort_by(|a, b| a.doc_date.cmp(&b.doc_date).then(a.id.cmp(&b.id)));
        if members[0].fact.status == Some(Status::Planned) {
            alerts.extend(announced_again(members));
            continue;
        }
        // Reports that agree (or that are about different objects) are joined; more
        // than one cluster spanning documents is a conflict.
        let n = members.len();
        let mut cluster: Vec<usize> = (0..n).collect();
        for i in 0..n {
            for j in i + 1..n {
                if agree(members[i], members[j]) {
                    let (ci, cj) = (cluster[i], cluster[j]);
                    for c in cluster.iter_mut() {
                        if *c == cj {
                            *c = ci;
                        }
                    }
                }
            }
        }
        let mut clusters: BTreeMap<usize, Vec<&LedgerFact>> = BTreeMap::new();
        for (i, f) in members.iter().enumerate() {
            clusters.entry(cluster[i]).or_default().push(f);
        }
        let clusters: Vec<Vec<&LedgerFact>> = clusters.into_values().collect();
        let conflicting = clusters.len() > 1
            && clusters.iter().enumerate().any(|(i, a)| {
                clusters[i + 1..].iter().any(|b| {
                    a.iter().any(|x| {
                        b.iter()
                            .any(|y| x.fact.doc != y.fact.doc && comparable_objects(x, y))
                    })
                })
            });
        if conflicting {
            alerts.push(conflict(members[0], &clusters));
        } else if let Some(a) = restated(members) {
            alerts.push(a);
        }
    }
    alerts
}

fn dated(f: &LedgerFact) -> String {
    match f.doc_date {
        Some(d) => format!("{} {d}", f.fact.doc),
        None => f.fact.doc.clone(),
    }
}

fn conflict(first: &LedgerFact, clusters: &[Vec<&LedgerFact>]) -> Alert {
    let listed: Vec<String> = clusters
        .iter()
        .map(|c| {
            let docs: Vec<String> = c.iter().map(|f| dated(f)).collect();
            format!("\"{}\" ({})", c[0].fact.text, docs.join(", "))
        })
        .collect();
    let values: Vec<f64> = clusters.iter().filter_map(|c| scale_value(c[0])).collect();
    let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let spread = if values.len() > 1 && hi > 0.0 {
        format!(", {} apart", percent(relative_gap(lo, hi)))
    } else {
        String::new()
    };
    let mut cited: Vec<&LedgerFact> = clusters.iter().flatten().copied().collect();
    cited.sort_by(|a, b| a.doc_date.cmp(&b.doc_date).then(a.id.cmp(&b.id)));
    alert(
        AlertKind::Conflict,
        Severity::Warning,
        format!(
            "{}: reported as {}{spread}",
            what(first),
            listed.join(" vs ")
        ),
        &cited,
    )
}

/// Reports of one figure from several documents that agree, and how: the same figure (as
/// rounding allows), a qualified one the other fits, or values apart by no more than the
/// tolerance once rounding is allowed for, with both gaps printed.
fn restated(members: &[&LedgerFact]) -> Option<Alert> {
    let restating: Vec<&LedgerFact> = members
        .iter()
        .filter(|x| {
            members
                .iter()
                .any(|y| x.fact.doc != y.fact.doc && comparable_objects(x, y))
        })
        .copied()
        .collect();
    let first = *restating.first()?;
    let mut docs: Vec<String> = Vec::new();
    for f in &restating {
        let d = dated(f);
        if !docs.contains(&d) {
            docs.push(d);
        }
    }
    let distinct: Vec<&str> = restating
        .iter()
        .map(|f| f.fact.text.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let quoted: Vec<String> = distinct.iter().map(|t| format!("\"{t}\"")).collect();
    let rounded = all_pairs(&restating, |x, y| {
        x.unit() != y.unit()
            || crate::numbers::same_rounded(
                x.fact.value,
                half_step(&x.fact.text, x.fact.value),
                y.fact.value,
                half_step(&y.fact.text, y.fact.value),
            )
    });
    // `1.2 trillion tenge` and `1,2 трлн тенге`: one value to one precision, told in other
    // words or another language.
    let reworded = all_pairs(&restating, |x, y| {
        x.unit() == y.unit() && x.fact.value == y.fact.value && {
            let (a, b) = (
                half_step(&x.fact.text, x.fact.value),
                half_step(&y.fact.text, y.fact.value),
            );
            (a - b).abs() <= 1e-9 * a.max(b)
        }
    });
    let how = if distinct.len() == 1 {
        quoted[0].clone()
    } else if reworded {
        format!("{} (the same figure in other words)", quoted.join(" and "))
    } else if rounded {
        format!(
            "{} (the same figure, written with different precision)",
            quoted.join(" and ")
        )
    } else {
        let values: Vec<f64> = restating.iter().filter_map(|f| scale_value(f)).collect();
        let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let written = relative_gap(lo, hi);
        let qualified = restating.iter().any(|f| f.fact.qualifier.is_some());
        if written <= CONFLICT_TOLERANCE || !qualified {
            format!(
                "{} ({} apart, within the {} tolerance for reports of one figure)",
                quoted.join(" and "),
                percent(written),
                percent(CONFLICT_TOLERANCE)
            )
        } else {
            format!(
                "{} ({} apart as written; the qualified figure allows the other)",
                quoted.join(" and "),
                percent(written)
            )
        }
    };
    Some(alert(
        AlertKind::Restated,
        Severity::Info,
        format!(
            "{}: {how} reported by {} documents ({})",
            what(first),
            docs.len(),
            docs.join(", ")
        ),
        &restating,
    ))
}

/// A planned figure announced by several documents: restated when the value stays (as
/// rounding allows), else revised, with each step from what to what.
fn announced_again(members: &[&LedgerFact]) -> Vec<Alert> {
    // Targets about different objects (`5 projects`, `12 projects`) are different targets.
    let mut targets: Vec<Vec<&LedgerFact>> = Vec::new();
    for f in members {
        match targets
            .iter_mut()
            .find(|t| t.iter().all(|g| comparable_objects(f, g)))
        {
            Some(t) => t.push(f),
            None => targets.push(vec![f]),
        }
    }
    let mut alerts = Vec::new();
    for target in targets {
        let docs: BTreeSet<&str> = target.iter().map(|f| f.fact.doc.as_str()).collect();
        if docs.len() < 2 {
            continue;
        }
        // One value per document, in the order they were announced.
        let mut steps: Vec<&LedgerFact> = Vec::new();
        for f in &target {
            match steps.last() {
                Some(last) if last.fact.doc == f.fact.doc => {}
                _ => steps.push(f),
            }
        }
        let same = |x: &LedgerFact, y: &LedgerFact| match (scale_value(x), scale_value(y)) {
            (Some(a), Some(b)) if x.unit() == y.unit() => {
                crate::numbers::same_rounded(
                    x.fact.value,
                    half_step(&x.fact.text, x.fact.value),
                    y.fact.value,
                    half_step(&y.fact.text, y.fact.value),
                ) || a == b
            }
            (Some(a), Some(b)) => relative_gap(a, b) <= 0.02,
            _ => true,
        };
        let changes: Vec<String> = steps
            .windows(2)
            .filter(|w| !same(w[0], w[1]))
            .map(|w| {
                let (a, b) = (scale_value(w[0]), scale_value(w[1]));
                let verb = match (a, b) {
                    (Some(a), Some(b)) if b > a => "raised",
                    (Some(a), Some(b)) if b < a => "lowered",
                    _ => "changed",
                };
                format!(
                    "{verb} from \"{}\" ({}) to \"{}\" ({})",
                    w[0].fact.text,
                    dated(w[0]),
                    w[1].fact.text,
                    dated(w[1])
                )
            })
            .collect();
        let first = target[0];
        if changes.is_empty() {
            let listed: Vec<String> = steps.iter().map(|f| dated(f)).collect();
            alerts.push(alert(
                AlertKind::Restated,
                Severity::Info,
                format!(
                    "{}: the target \"{}\" announced again by {} documents ({})",
                    what(first),
                    first.fact.text,
                    steps.len(),
                    listed.join(", ")
                ),
                &target,
            ));
        } else {
            alerts.push(alert(
                AlertKind::Revised,
                Severity::Info,
                format!(
                    "{}: the target was {}",
                    what(first),
                    changes.join(", then ")
                ),
                &target,
            ));
        }
    }
    alerts
}

fn all_pairs(facts: &[&LedgerFact], ok: impl Fn(&LedgerFact, &LedgerFact) -> bool) -> bool {
    facts.iter().all(|x| facts.iter().all(|y| ok(x, y)))
}

// ---------------------------------------------------------------------------------------
// Order-of-magnitude slips

/// A level at least this many times off the others (and at most [`SLIP_MAX`]) reads as a
/// scale word slipped: thousand for million, billion for trillion.
const SLIP_MIN: f64 = 250.0;
const SLIP_MAX: f64 = 4000.0;
/// The subject's other figures must agree among themselves within this factor to judge by.
const SERIES_SPREAD: f64 = 20.0;

/// Levels a thousand times off the same subject's and metric's figures of other periods
/// (see the module docs). With one other figure only, the place's container decides which
/// of the two slipped: a part cannot be a thousand times its whole, and a whole a thousand
/// times its part is the other's slip.
pub fn magnitudes(facts: &[LedgerFact], places: &dyn Places) -> Vec<Alert> {
    type Key = (String, &'static str, &'static str, String, &'static str);
    let key = |f: &LedgerFact| -> Option<Key> {
        let fact = &f.fact;
        if fact.measure.unwrap_or(Measure::Level) != Measure::Level
            || f.unit() == "%"
            || f.unit() == "rank"
            || fact.period.is_none()
            || fact.qualifier == Some(Qualifier::LessThan)
        {
            return None;
        }
        let unit = if f.is_money() {
            "money".to_string()
        } else {
            f.unit().to_string()
        };
        Some((
            fact.subject.as_deref()?.to_lowercase(),
            fact.metric?.as_str(),
            fact.status.unwrap_or(Status::Actual).as_str(),
            format!("{unit}|{}", fact.per.as_deref().unwrap_or("")),
            "",
        ))
    };
    let mut series: BTreeMap<Key, Vec<&LedgerFact>> = BTreeMap::new();
    for f in facts {
        if let (Some(k), Some(v)) = (key(f), scale_value(f)) {
            if v > 0.0 {
                series.entry(k).or_default().push(f);
            }
        }
    }
    let value = |f: &LedgerFact| scale_value(f).unwrap_or(0.0);
    let mut alerts = Vec::new();
    let mut reported_pairs: BTreeSet<(i64, i64)> = BTreeSet::new();
    for members in series.values() {
        for f in members {
            let others: Vec<&LedgerFact> = members
                .iter()
                .filter(|o| {
                    o.fact.period != f.fact.period
                        && match (f.fact.object.as_deref(), o.fact.object.as_deref()) {
                            // A plant's figure is not a step in its city's series.
                            (None, None) => true,
                            (Some(a), Some(b)) => same_object(Some(a), Some(b)),
                            _ => false,
                        }
                })
                .copied()
                .collect();
            if others.is_empty() {
                continue;
            }
            let values: Vec<f64> = others.iter().map(|o| value(o)).collect();
            let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
            let hi = values.iter().cloned().fold(0.0, f64::max);
            if hi / lo > SERIES_SPREAD {
                continue;
            }
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let median = sorted[sorted.len() / 2];
            let ratio = value(f) / median;
            let factor = if ratio >= 1.0 { ratio } else { 1.0 / ratio };
            if !(SLIP_MIN..=SLIP_MAX).contains(&factor) {
                continue;
            }
            let mut whole = container_figure(f, facts, places);
            // With one other figure, which of the two slipped?
            if others.len() == 1 {
                let other = others[0];
                whole = whole.or_else(|| container_figure(other, facts, places));
                let slipped = match &whole {
                    Some((w, _)) if value(f) > *w * 2.0 => Some(true),
                    Some((w, _)) if value(other) > *w * 2.0 => Some(false),
                    Some((w, _)) if *w / value(f) > SLIP_MIN => Some(true),
                    Some((w, _)) if *w / value(other) > SLIP_MIN => Some(false),
                    _ => None,
                };
                match slipped {
                    Some(false) => continue,
                    Some(true) => {}
                    None => {
                        let pair = (f.id.min(other.id), f.id.max(other.id));
                        if !reported_pairs.insert(pair) {
                            continue;
                        }
                        alerts.push(alert(
                            AlertKind::Magnitude,
                            Severity::Warning,
                            format!(
                                "{} {} and {} {}: {} times apart, one of them probably written with the wrong scale word",
                                what(f),
                                cite(f),
                                what(other),
                                cite(other),
                                human(factor.round())
                            ),
                            &[f, other],
                        ));
                        continue;
                    }
                }
            }
            let unit = if f.is_money() { "KZT" } else { f.unit() };
            let expected = median;
            let slip = match (scale_word(value(f)), scale_word(expected)) {
                (Some(a), Some(b)) if a != b => format!(": {a} written for {b}?"),
                _ => String::new(),
            };
            let range = if lo == hi {
                amount(lo, unit)
            } else {
                format!("{} to {}", amount(lo, unit), amount(hi, unit))
            };
            let periods: Vec<String> = others
                .iter()
                .filter_map(|o| o.fact.period.map(|p| p.to_string()))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let container = whole
                .as_ref()
                .map(|(w, g)| {
                    format!(
                        "; {}'s figure is {} {}",
                        g.fact.subject.as_deref().unwrap_or_default(),
                        amount(*w, unit),
                        cite(g)
                    )
                })
                .unwrap_or_default();
            let mut cited = vec![*f];
            cited.extend(others.iter().copied());
            if let Some((_, g)) = &whole {
                cited.push(g);
            }
            alerts.push(alert(
                AlertKind::Magnitude,
                Severity::Warning,
                format!(
                    "{} {} is {} times {} its other periods ({}: {range}){container}{slip}",
                    what(f),
                    cite(f),
                    human(factor.round()),
                    if ratio < 1.0 {
                        "smaller than"
                    } else {
                        "larger than"
                    },
                    periods.join(", ")
                ),
                &cited,
            ));
        }
    }
    alerts
}

/// The figure of the same metric reported for the nearest place `f` lies in, of the
/// same year, on the same scale; with the fact.
fn container_figure<'a>(
    f: &LedgerFact,
    facts: &'a [LedgerFact],
    places: &dyn Places,
) -> Option<(f64, &'a LedgerFact)> {
    let subject = f.fact.subject.as_deref()?;
    let year = f.fact.period?.end_year();
    for ancestor in places.ancestors(subject) {
        let found = facts
            .iter()
            .filter(|g| {
                g.fact.subject.as_deref() == Some(ancestor.as_str())
                    && g.fact.metric == f.fact.metric
                    && g.fact.measure.unwrap_or(Measure::Level) == Measure::Level
                    && g.fact.status == f.fact.status
                    && g.fact.period.is_some_and(|p| p.end_year() == year)
                    && (g.unit() == f.unit() || (g.is_money() && f.is_money()))
                    && g.fact.object.is_none()
            })
            .filter_map(|g| Some((scale_value(g)?, g)))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The scale word a value is written with: `billion` for 1.5e9.
fn scale_word(v: f64) -> Option<&'static str> {
    [
        (1e12, "trillion"),
        (1e9, "billion"),
        (1e6, "million"),
        (1e3, "thousand"),
    ]
    .into_iter()
    .find(|(scale, _)| v >= *scale)
    .map(|(_, word)| word)
}

/// The value a report is compared on: the written value, or tenge for money.
fn scale_value(f: &LedgerFact) -> Option<f64> {
    if f.is_money() {
        f.value_kzt
    } else {
        Some(f.fact.value)
    }
}

/// Whether two reports of the same key can both be true: within the tolerance of each
/// other as written, one a rounding of the other (`5.3 thousand` and `5,321`), qualified
/// figures whose ranges meet (`more than 1,000` and `1,200`), or about different objects
/// and so not rival figures at all.
fn agree(a: &LedgerFact, b: &LedgerFact) -> bool {
    if !comparable_objects(a, b) {
        return true;
    }
    let tolerance = if a.unit() == b.unit() {
        CONFLICT_TOLERANCE
    } else {
        CROSS_CURRENCY_TOLERANCE
    };
    let (Some(va), Some(vb)) = (scale_value_of_pair(a, b), scale_value_of_pair(b, a)) else {
        return true;
    };
    relative_gap(va, vb) <= tolerance
        || (a.unit() == b.unit()
            && crate::numbers::same_rounded(
                va,
                half_step(&a.fact.text, va),
                vb,
                half_step(&b.fact.text, vb),
            ))
        || range_gap(a, b).is_some_and(|gap| gap <= tolerance)
}

/// `a`'s value on the scale it shares with `b`: as written in one unit, else tenge.
fn scale_value_of_pair(a: &LedgerFact, b: &LedgerFact) -> Option<f64> {
    if a.unit() == b.unit() {
        Some(a.fact.value)
    } else {
        a.value_kzt
    }
}

/// How far apart the ranges that qualifiers give two figures are (`about`: 10% either
/// way, `more than`, `less than`: open-ended), relative to the larger value: 0 when they
/// overlap; `None` when neither is qualified or they cannot be put on one scale.
fn range_gap(a: &LedgerFact, b: &LedgerFact) -> Option<f64> {
    if a.fact.qualifier.is_none() && b.fact.qualifier.is_none() {
        return None;
    }
    let (va, vb) = (scale_value_of_pair(a, b)?, scale_value_of_pair(b, a)?);
    let (lo_a, hi_a) = range(a, va, 0.0);
    let (lo_b, hi_b) = range(b, vb, 0.0);
    let gap = if hi_a < lo_b {
        lo_b - hi_a
    } else if hi_b < lo_a {
        lo_a - hi_b
    } else {
        0.0
    };
    let big = va.abs().max(vb.abs());
    Some(if big == 0.0 { 0.0 } else { gap / big })
}

fn range(f: &LedgerFact, v: f64, half: f64) -> (f64, f64) {
    match f.fact.qualifier {
        None => (v - half, v + half),
        Some(Qualifier::About) => (v * 0.9, v * 1.1),
        Some(Qualifier::MoreThan) => (v - half, f64::INFINITY),
        Some(Qualifier::LessThan) => (f64::NEG_INFINITY, v + half),
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
