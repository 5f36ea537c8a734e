//! `timeline`: a subject's metric over time, one point per period.
//!
//! The same figure reported by several documents is one reading with several sources;
//! different figures for the same period stay separate readings of one point, so that a
//! disagreement is visible rather than averaged away. Figures of different units are not
//! mixed: the series takes the unit most facts share (money counts as one unit, shown in
//! KZT or USD) and names the others it left out.
//!
//! Only a figure's own period places it in time: one without a period is kept apart
//! (`undated`), never put at its document's date, which may be years after the figure
//! holds. A series of achieved figures also carries the planned ones of the same subject,
//! metric, measure and unit (`targets`), to be drawn as a series of their own.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use almanac_extract::{Measure, Period, Qualifier, Status};
use chrono::NaiveDate;
use serde::Serialize;

use crate::ledger::{is_within, FactExt, LedgerFact, Places};
use crate::numbers::{half_step, relative_gap, same_rounded};

/// The currency money is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Currency {
    #[default]
    #[serde(rename = "KZT")]
    Kzt,
    #[serde(rename = "USD")]
    Usd,
}

impl Currency {
    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Kzt => "KZT",
            Currency::Usd => "USD",
        }
    }
}

/// Which facts a timeline draws, besides its subject and metric.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineOptions {
    pub measure: Measure,
    pub status: Status,
    /// The currency money is shown in.
    pub currency: Currency,
    /// Include places that lie in the subject (its districts, its zones).
    pub within: bool,
    /// Only this unit (`job`, `%`, or a currency code for money); by default the unit most
    /// of the matching facts share.
    pub unit: Option<String>,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        TimelineOptions {
            measure: Measure::Level,
            status: Status::Actual,
            currency: Currency::Kzt,
            within: false,
            unit: None,
        }
    }
}

/// A timeline: the points of one subject's metric in one unit, in time order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub subject: String,
    pub metric: String,
    pub measure: Measure,
    pub status: Status,
    /// The unit of every value: a currency code for money, else the facts' unit. `None`
    /// when no fact matched.
    pub unit: Option<String>,
    pub points: Vec<Point>,
    /// For a series of `actual` figures, the `planned` ones of the same subject, metric,
    /// measure and unit, by period (a target's deadline); empty for a planned series.
    pub targets: Vec<Point>,
    /// Matching figures without a period of their own: not on the time axis. Each
    /// source's document date says when it was written.
    pub undated: Vec<Reading>,
    /// Matching facts in other units, left out: (unit, number of facts).
    pub other_units: Vec<(String, usize)>,
    /// Matching facts left out because they have no value in the requested currency:
    /// their ids.
    pub left_out: Vec<i64>,
}

/// All that was reported for one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub period: Period,
    /// One reading per distinct figure (and subject, with `within`), the most reported
    /// first. More than one reading for the same subject means the sources disagree.
    pub readings: Vec<Reading>,
}

impl Point {
    /// Whether different figures were reported for the same subject in this period.
    pub fn is_disputed(&self) -> bool {
        self.readings
            .iter()
            .enumerate()
            .any(|(i, r)| self.readings[..i].iter().any(|o| o.subject == r.subject))
    }
}

/// One figure, and every document that reported it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// In the series' unit; the most precisely written of the sources' values.
    pub value: f64,
    pub qualifier: Option<Qualifier>,
    pub subject: String,
    pub sources: Vec<Source>,
}

/// A fact behind a reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub fact_id: i64,
    pub doc: String,
    pub date: Option<NaiveDate>,
    /// The figure as written.
    pub text: String,
    pub sentence: String,
}

/// The series of `subject`'s `metric`, one point per period (see the module docs).
/// `places` tells which places lie in the subject, for `opts.within`.
pub fn timeline(
    facts: &[LedgerFact],
    subject: &str,
    metric: &str,
    opts: &TimelineOptions,
    places: &dyn Places,
) -> Series {
    let about: Vec<&LedgerFact> = facts
        .iter()
        .filter(|f| {
            let fact = &f.fact;
            fact.metric.map(|m| m.as_str()) == Some(metric)
                && fact.measure.unwrap_or(Measure::Level) == opts.measure
                && fact.subject.as_deref().is_some_and(|s| {
                    s.eq_ignore_ascii_case(subject)
                        || (opts.within && is_within(places, s, subject))
                })
        })
        .collect();
    let (matching, planned): (Vec<&LedgerFact>, Vec<&LedgerFact>) = about
        .into_iter()
        .filter(|f| {
            let status = f.fact.status.unwrap_or(Status::Actual);
            status == opts.status || (opts.status == Status::Actual && status == Status::Planned)
        })
        .partition(|f| f.fact.status.unwrap_or(Status::Actual) == opts.status);

    // Money is one unit whatever the currency it was written in.
    let unit_key = |f: &LedgerFact| {
        if f.is_money() {
            "money".to_string()
        } else {
            f.unit().to_string()
        }
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for f in &matching {
        *counts.entry(unit_key(f)).or_default() += 1;
    }
    let wanted = match &opts.unit {
        Some(u) if crate::ledger::is_currency(u) => Some("money".to_string()),
        Some(u) => Some(u.clone()),
        // The commonest unit; ties go to the first in name order, so output is stable.
        None => counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(u, _)| u.clone()),
    };
    let other_units = counts
        .iter()
        .filter(|(u, _)| Some(*u) != wanted.as_ref())
        .map(|(u, n)| (u.clone(), *n))
        .collect();
    let unit = wanted.as_ref().map(|u| {
        if u == "money" {
            opts.currency.code().to_string()
        } else {
            u.clone()
        }
    });

    let mut left_out = Vec::new();
    let value_of = |f: &LedgerFact| {
        if f.is_money() {
            match opts.currency {
                Currency::Kzt => f.value_kzt,
                Currency::Usd => f.value_usd,
            }
        } else {
            Some(f.fact.value)
        }
    };
    let mut undated = Vec::new();
    let mut dated = Vec::new();
    for f in matching.into_iter().filter(|f| Some(unit_key(f)) == wanted) {
        match value_of(f) {
            Some(value) if f.fact.period.is_some() => dated.push((value, f)),
            Some(value) => undated.push((value, f)),
            None => left_out.push(f.id),
        }
    }
    let targets: Vec<(f64, &LedgerFact)> = planned
        .into_iter()
        .filter(|f| Some(unit_key(f)) == wanted && f.fact.period.is_some())
        .filter_map(|f| Some((value_of(f)?, f)))
        .collect();

    Series {
        subject: subject.to_string(),
        metric: metric.to_string(),
        measure: opts.measure,
        status: opts.status,
        unit,
        points: points(dated),
        targets: points(targets),
        undated: readings(undated),
        other_units,
        left_out,
    }
}

/// One point per period, in time order (by the period's first and last day).
fn points(entries: Vec<(f64, &LedgerFact)>) -> Vec<Point> {
    type ByPeriod<'a> = BTreeMap<(NaiveDate, NaiveDate, String), Vec<(f64, &'a LedgerFact)>>;
    let mut by_period: ByPeriod = BTreeMap::new();
    for (value, f) in entries {
        let Some(period) = f.fact.period else {
            continue;
        };
        let (start, end) = period.bounds();
        by_period
            .entry((start, end, period.to_string()))
            .or_default()
            .push((value, f));
    }
    by_period
        .into_values()
        .filter_map(|entries| {
            let period = entries[0].1.fact.period?;
            Some(Point {
                period,
                readings: readings(entries),
            })
        })
        .collect()
}

/// Groups one period's facts into readings: the same subject, qualifier and figure
/// (equal once rounding is allowed for; within 2% across currencies, which official and
/// inline rates can differ by) make one reading.
fn readings(mut entries: Vec<(f64, &LedgerFact)>) -> Vec<Reading> {
    entries.sort_by(|a, b| {
        a.1.fact
            .subject
            .cmp(&b.1.fact.subject)
            .then(a.0.partial_cmp(&b.0).unwrap_or(Ordering::Equal))
            .then(a.1.id.cmp(&b.1.id))
    });
    let mut groups: Vec<Vec<(f64, &LedgerFact)>> = Vec::new();
    for entry in entries {
        let joins = groups.iter_mut().find(|g| {
            let first = g[0].1;
            first.fact.subject == entry.1.fact.subject
                && first.fact.qualifier == entry.1.fact.qualifier
                && g.iter().all(|other| same_figure(other, &entry))
        });
        match joins {
            Some(group) => group.push(entry),
            None => groups.push(vec![entry]),
        }
    }
    let mut out: Vec<Reading> = groups
        .into_iter()
        .map(|group| {
            // The most precisely written figure stands for the group.
            let best = group
                .iter()
                .min_by(|a, b| {
                    precision(a)
                        .partial_cmp(&precision(b))
                        .unwrap_or(Ordering::Equal)
                })
                .expect("groups are not empty");
            let mut sources: Vec<Source> = group
                .iter()
                .map(|(_, f)| Source {
                    fact_id: f.id,
                    doc: f.fact.doc.clone(),
                    date: f.doc_date,
                    text: f.fact.text.clone(),
                    sentence: f.fact.sentence.clone(),
                })
                .collect();
            sources.sort_by(|a, b| a.date.cmp(&b.date).then(a.fact_id.cmp(&b.fact_id)));
            Reading {
                value: best.0,
                qualifier: best.1.fact.qualifier,
                subject: best.1.fact.subject.clone().unwrap_or_default(),
                sources,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(a.subject.cmp(&b.subject))
            .then(a.value.partial_cmp(&b.value).unwrap_or(Ordering::Equal))
    });
    out
}

fn precision(entry: &(f64, &LedgerFact)) -> f64 {
    half_step(&entry.1.fact.text, entry.1.fact.value) / entry.1.fact.value.abs().max(1e-12)
}

fn same_figure(a: &(f64, &LedgerFact), b: &(f64, &LedgerFact)) -> bool {
    let (fa, fb) = (&a.1.fact, &b.1.fact);
    if fa.unit == fb.unit {
        same_rounded(
            fa.value,
            half_step(&fa.text, fa.value),
            fb.value,
            half_step(&fb.text, fb.value),
        )
    } else {
        relative_gap(a.0, b.0) <= 0.02
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{fact, places};

    fn jobs(
        id: i64,
        doc: &str,
        date: &str,
        subject: &str,
        period: &str,
        text: &str,
        v: f64,
    ) -> LedgerFact {
        fact(
            id, doc, date, text, v, "job", "jobs", "level", subject, period, "actual",
        )
    }

    #[test]
    fn one_point_per_period_restated_figures_merge() {
        let facts = vec![
            jobs(
                1,
                "a",
                "2022-01-20",
                "Almaty",
                "2021",
                "12,000 jobs",
                12000.0,
            ),
            jobs(
                2,
                "b",
                "2022-03-02",
                "Almaty",
                "2021",
                "12 thousand jobs",
                12000.0,
            ),
            jobs(
                3,
                "c",
                "2023-01-15",
                "Almaty",
                "2022",
                "14,500 jobs",
                14500.0,
            ),
            // Another subject, another metric, a plan: none of them belongs.
            jobs(4, "c", "2023-01-15", "Astana", "2022", "9,000 jobs", 9000.0),
            fact(
                5,
                "c",
                "2023-01-15",
                "20,000 jobs",
                2e4,
                "job",
                "jobs",
                "level",
                "Almaty",
                "2025",
                "planned",
            ),
        ];
        let s = timeline(
            &facts,
            "Almaty",
            "jobs",
            &TimelineOptions::default(),
            &places,
        );
        assert_eq!(s.unit.as_deref(), Some("job"));
        assert_eq!(s.points.len(), 2);
        assert_eq!(s.points[0].period.to_string(), "2021");
        assert_eq!(s.points[0].readings.len(), 1);
        assert_eq!(s.points[0].readings[0].sources.len(), 2);
        assert!(!s.points[0].is_disputed());
        assert_eq!(s.points[1].readings[0].value, 14500.0);
    }

    #[test]
    fn differing_figures_stay_apart_never_averaged() {
        let facts = vec![
            jobs(
                1,
                "a",
                "2022-01-20",
                "Almaty",
                "2021",
                "12,000 jobs",
                12000.0,
            ),
            jobs(
                2,
                "b",
                "2022-03-02",
                "Almaty",
                "2021",
                "15,000 jobs",
                15000.0,
            ),
            jobs(
                3,
                "c",
                "2022-04-02",
                "Almaty",
                "2021",
                "15,000 jobs",
                15000.0,
            ),
        ];
        let s = timeline(
            &facts,
            "Almaty",
            "jobs",
            &TimelineOptions::default(),
            &places,
        );
        let point = &s.points[0];
        assert!(point.is_disputed());
        let values: Vec<f64> = point.readings.iter().map(|r| r.value).collect();
        assert_eq!(values, [15000.0, 12000.0]);
    }

    #[test]
    fn rounding_is_the_same_figure_more_precise_one_shown() {
        let facts = vec![
            jobs(
                1,
                "a",
                "2022-01-20",
                "Almaty",
                "2021",
                "5.3 thousand jobs",
                5300.0,
            ),
            jobs(2, "b", "2022-03-02", "Almaty", "2021", "5,321 jobs", 5321.0),
        ];
        let s = timeline(
            &facts,
            "Almaty",
            "jobs",
            &TimelineOptions::default(),
            &places,
        );
        assert_eq!(s.points[0].readings.len(), 1);
        assert_eq!(s.points[0].readings[0].value, 5321.0);
    }

    #[test]
    fn money_in_either_currency_and_other_units_named() {
        let mut a = fact(
            1,
            "a",
            "2022-01-20",
            "15 billion tenge",
            15e9,
            "KZT",
            "investment",
            "level",
            "Almaty",
            "2021",
            "actual",
        );
        a.value_kzt = Some(15e9);
        a.value_usd = Some(15e9 / 426.03);
        let mut b = fact(
            2,
            "b",
            "2022-02-20",
            "$35.2 million",
            35.2e6,
            "USD",
            "investment",
            "level",
            "Almaty",
            "2021",
            "actual",
        );
        b.value_kzt = Some(35.2e6 * 426.03);
        b.value_usd = Some(35.2e6);
        let c = fact(
            3,
            "b",
            "2022-02-20",
            "5 projects",
            5.0,
            "project",
            "investment",
            "level",
            "Almaty",
            "2021",
            "actual",
        );
        let facts = vec![a, b, c];
        let opts = TimelineOptions {
            currency: Currency::Usd,
            ..TimelineOptions::default()
        };
        let s = timeline(&facts, "Almaty", "investment", &opts, &places);
        assert_eq!(s.unit.as_deref(), Some("USD"));
        assert_eq!(s.other_units, vec![("project".to_string(), 1)]);
        // 15 bn tenge is $35.2 million at the 2021 rate: the same figure.
        assert_eq!(s.points[0].readings.len(), 1);
        assert_eq!(s.points[0].readings[0].sources.len(), 2);
    }

    #[test]
    fn within_takes_the_parts_of_the_subject() {
        let facts = vec![
            jobs(
                1,
                "a",
                "2022-01-20",
                "Almaty",
                "2021",
                "12,000 jobs",
                12000.0,
            ),
            jobs(
                2,
                "a",
                "2022-01-20",
                "Alatau district",
                "2021",
                "3,000 jobs",
                3000.0,
            ),
        ];
        let alone = timeline(
            &facts,
            "Almaty",
            "jobs",
            &TimelineOptions::default(),
            &places,
        );
        assert_eq!(alone.points[0].readings.len(), 1);
        let opts = TimelineOptions {
            within: true,
            ..TimelineOptions::default()
        };
        let s = timeline(&facts, "Almaty", "jobs", &opts, &places);
        assert_eq!(s.points[0].readings.len(), 2);
        // A part is not a rival figure of the whole.
        assert!(!s.points[0].is_disputed());
    }

    #[test]
    fn different_periods_are_different_points() {
        let facts = vec![
            jobs(
                1,
                "a",
                "2021-06-20",
                "Almaty",
                "2021-01/2021-05",
                "4,000 jobs",
                4000.0,
            ),
            jobs(
                2,
                "b",
                "2022-01-20",
                "Almaty",
                "2021",
                "12,000 jobs",
                12000.0,
            ),
        ];
        let s = timeline(
            &facts,
            "Almaty",
            "jobs",
            &TimelineOptions::default(),
            &places,
        );
        assert_eq!(s.points.len(), 2);
        assert!(s.points.iter().all(|p| !p.is_disputed()));
        assert_eq!(s.points[0].period.to_string(), "2021-01/2021-05");
    }

    #[test]
    fn undated_figures_apart_and_planned_targets_a_series_of_their_own() {
        let facts = vec![
            jobs(
                1,
                "a",
                "2022-01-20",
                "Almaty",
                "2021",
                "12,000 jobs",
                12000.0,
            ),
            // No period: not put at its document's date (January 2024) on the axis.
            jobs(2, "b", "2024-01-15", "Almaty", "", "9,000 jobs", 9000.0),
            fact(
                3,
                "c",
                "2021-03-01",
                "15,000 jobs",
                15000.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "2022",
                "planned",
            ),
            // A planned figure without a deadline is no target on the axis.
            fact(
                4,
                "c",
                "2021-03-01",
                "2,000 jobs",
                2000.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "",
                "planned",
            ),
        ];
        let s = timeline(
            &facts,
            "Almaty",
            "jobs",
            &TimelineOptions::default(),
            &places,
        );
        let periods: Vec<String> = s.points.iter().map(|p| p.period.to_string()).collect();
        assert_eq!(periods, ["2021"]);
        assert_eq!(s.undated.len(), 1);
        assert_eq!(s.undated[0].value, 9000.0);
        assert_eq!(s.undated[0].sources[0].doc, "b");
        assert_eq!(s.targets.len(), 1);
        assert_eq!(s.targets[0].period.to_string(), "2022");
        assert_eq!(s.targets[0].readings[0].value, 15000.0);
        assert!(s.left_out.is_empty());

        // A series of planned figures has no targets beside it.
        let opts = TimelineOptions {
            status: Status::Planned,
            ..TimelineOptions::default()
        };
        let planned = timeline(&facts, "Almaty", "jobs", &opts, &places);
        assert_eq!(planned.points.len(), 1);
        assert!(planned.targets.is_empty());
        assert_eq!(planned.undated[0].value, 2000.0);
    }
}
