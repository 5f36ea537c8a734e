//! `promises`: what was announced against what was later reported.
//!
//! Every planned fact is a promise item with its deadline (the fact's period). Items
//! announced together (the same `group` in one document: "five projects worth 15 billion
//! tenge creating 369 jobs") make one promise. Each item is matched to actual facts:
//!
//! - of the same metric, measure and kind of object (unit; money in any currency, compared
//!   in tenge), about the promise's subject or a place within it;
//! - from a later document, for a period that ends after the promise was made and no later
//!   than its deadline (what was done after the deadline does not keep it);
//! - about a comparable object: not "30 investment projects" for a promise about "nine
//!   projects" (see `check`'s rule for objects);
//! - for a group, a later group that reports several of its items together is preferred
//!   to loose figures, so that "4 projects, 300 jobs" answers "5 projects, 369 jobs"
//!   rather than an unrelated count of all projects in the city.
//!
//! Flows (investment, jobs, projects, output, infrastructure, environment) add up over
//! reports of periods that do not overlap; a figure restated or reported for an overlapping
//! period counts once, the larger. Stocks (companies, employment, capacity, rates...) take
//! the latest reported value.
//!
//! Verdicts: kept (at least 95% of the target, rounding allowed), partly kept (at least
//! half), not kept (less), not yet reported (the deadline is after the ledger's latest
//! document, or the promise has none), unreported (the deadline has passed and no later
//! report gives the figure; absence of a report is not proof of a broken promise).
//! A group is only as kept as its weakest reported item.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

use almanac_extract::{Measure, Period, Status};
use chrono::NaiveDate;
use serde::Serialize;

use crate::ledger::{is_within, latest_date, Evidence, FactExt, LedgerFact, Places};
use crate::numbers::{amount, half_step, percent};

/// At least this share of the target keeps a promise (rounding of targets and reports).
pub const KEPT_RATIO: f64 = 0.95;
/// At least this share of the target keeps it partly.
pub const PARTLY_KEPT_RATIO: f64 = 0.5;

/// Metrics whose figures add up over time (created, invested, built).
const FLOW_METRICS: [&str; 6] = [
    "investment",
    "jobs",
    "projects",
    "output",
    "infrastructure",
    "environment",
];

/// Which promises to judge, and when "now" is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PromiseOptions {
    /// Only promises about this place or places within it.
    pub subject: Option<String>,
    /// The date deadlines are judged against; by default the latest document date.
    pub as_of: Option<NaiveDate>,
}

/// The verdict on a promise or one of its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    NotKept,
    PartlyKept,
    Kept,
    NotYetReported,
    Unreported,
}

impl Verdict {
    /// The name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Kept => "kept",
            Verdict::PartlyKept => "partly_kept",
            Verdict::NotKept => "not_kept",
            Verdict::NotYetReported => "not_yet_reported",
            Verdict::Unreported => "unreported",
        }
    }

    /// For a sentence: `partly kept`.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Kept => "kept",
            Verdict::PartlyKept => "partly kept",
            Verdict::NotKept => "not kept",
            Verdict::NotYetReported => "not yet reported",
            Verdict::Unreported => "unreported",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One promise: the planned facts announced together, and the verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Promise {
    pub doc: String,
    /// When it was announced (the document date).
    pub date: Option<NaiveDate>,
    pub subject: Option<String>,
    /// The latest deadline of its items.
    pub deadline: Option<Period>,
    pub group: Option<u32>,
    pub verdict: Verdict,
    /// The share of the target achieved (of the weakest reported item, for a group).
    pub ratio: Option<f64>,
    /// One line a journalist can read.
    pub explanation: String,
    pub items: Vec<PromiseItem>,
    /// Later documents that announced the same figure again.
    pub restated: Vec<Evidence>,
}

/// One planned figure of a promise and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromiseItem {
    pub planned: Evidence,
    pub metric: String,
    /// The unit `target` and `achieved` are in (`KZT` for money).
    pub unit: String,
    pub target: f64,
    pub achieved: Option<f64>,
    pub ratio: Option<f64>,
    pub verdict: Verdict,
    /// The actual facts counted towards the target.
    pub evidence: Vec<Evidence>,
}

/// Every promise in `facts` (optionally only about one subject), judged against the
/// later actual facts, in order of deadline.
pub fn promises(facts: &[LedgerFact], opts: &PromiseOptions, places: &dyn Places) -> Vec<Promise> {
    let as_of = opts.as_of.or_else(|| latest_date(facts));
    let planned: Vec<&LedgerFact> = facts
        .iter()
        .filter(|f| {
            f.fact.status == Some(Status::Planned)
                && f.fact.metric.is_some()
                && match (&opts.subject, &f.fact.subject) {
                    (None, _) => true,
                    (Some(want), Some(s)) => is_within(places, s, want),
                    (Some(_), None) => false,
                }
        })
        .collect();

    // Items announced together form one promise.
    let mut groups: BTreeMap<(String, Option<NaiveDate>, u64), Vec<&LedgerFact>> = BTreeMap::new();
    for f in &planned {
        let key = match f.fact.group {
            Some(g) => g as u64,
            None => (1 << 40) + f.id as u64,
        };
        groups
            .entry((f.fact.doc.clone(), f.doc_date, key))
            .or_default()
            .push(f);
    }
    let mut groups: Vec<Vec<&LedgerFact>> = groups.into_values().collect();
    groups.sort_by(|a, b| {
        a[0].doc_date
            .cmp(&b[0].doc_date)
            .then(a[0].id.cmp(&b[0].id))
    });

    // A single planned figure announced again later is one promise, not several.
    let mut restated: BTreeMap<usize, Vec<Evidence>> = BTreeMap::new();
    let mut absorbed = vec![false; groups.len()];
    let mut alike: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, group) in groups.iter().enumerate() {
        if let [f] = group.as_slice() {
            let fact = &f.fact;
            let key = format!(
                "{:?}|{:?}|{:?}|{:?}|{:?}",
                fact.subject, fact.metric, fact.measure, fact.period, fact.unit
            );
            alike.entry(key).or_default().push(i);
        }
    }
    for indices in alike.values() {
        for (n, &i) in indices.iter().enumerate() {
            if absorbed[i] {
                continue;
            }
            for &j in &indices[n + 1..] {
                if !absorbed[j] && same_promise(groups[i][0], groups[j][0]) {
                    absorbed[j] = true;
                    restated.entry(i).or_default().push(groups[j][0].evidence());
                }
            }
        }
    }

    let actuals = index_actuals(facts, places);
    let mut out: Vec<Promise> = groups
        .iter()
        .enumerate()
        .filter(|(i, _)| !absorbed[*i])
        .map(|(i, items)| {
            judge(
                items,
                &actuals,
                as_of,
                restated.remove(&i).unwrap_or_default(),
            )
        })
        .collect();
    out.sort_by(|a, b| {
        let end = |p: &Promise| p.deadline.map(|d| d.bounds().1);
        end(a)
            .cmp(&end(b))
            .then(a.date.cmp(&b.date))
            .then(a.doc.cmp(&b.doc))
    });
    out
}

fn same_promise(a: &LedgerFact, b: &LedgerFact) -> bool {
    let (fa, fb) = (&a.fact, &b.fact);
    fa.doc != fb.doc
        && fa.subject == fb.subject
        && fa.metric == fb.metric
        && fa.measure == fb.measure
        && fa.period == fb.period
        && fa.unit == fb.unit
        && crate::numbers::same_rounded(
            fa.value,
            half_step(&fa.text, fa.value),
            fb.value,
            half_step(&fb.text, fb.value),
        )
}

/// The actual facts by metric and by every place they are about or lie in, so that a
/// promise finds its candidates without scanning the ledger.
type Actuals<'a> = HashMap<(&'a str, String), Vec<&'a LedgerFact>>;

fn index_actuals<'a>(facts: &'a [LedgerFact], places: &dyn Places) -> Actuals<'a> {
    let mut index: Actuals<'a> = HashMap::new();
    for f in facts
        .iter()
        .filter(|f| f.fact.status == Some(Status::Actual))
    {
        let (Some(metric), Some(subject)) =
            (f.fact.metric.map(|m| m.as_str()), f.fact.subject.as_deref())
        else {
            continue;
        };
        let mut names = vec![subject.to_lowercase()];
        names.extend(places.ancestors(subject).iter().map(|a| a.to_lowercase()));
        names.dedup();
        for name in names {
            index.entry((metric, name)).or_default().push(f);
        }
    }
    index
}

fn judge(
    items: &[&LedgerFact],
    actuals: &Actuals<'_>,
    as_of: Option<NaiveDate>,
    restated: Vec<Evidence>,
) -> Promise {
    let first = items[0];
    let deadline = items
        .iter()
        .filter_map(|f| f.fact.period)
        .max_by_key(|p| p.bounds().1);

    // Candidates per item; for a group, later groups answering several items win.
    let candidates: Vec<Vec<&LedgerFact>> = items.iter().map(|p| candidates(p, actuals)).collect();
    let candidates = if items.len() > 1 {
        prefer_groups(candidates)
    } else {
        candidates
    };

    let judged: Vec<PromiseItem> = items
        .iter()
        .zip(candidates)
        .map(|(p, c)| judge_item(p, c, as_of))
        .collect();

    let reported: Vec<&PromiseItem> = judged
        .iter()
        .filter(|i| {
            matches!(
                i.verdict,
                Verdict::Kept | Verdict::PartlyKept | Verdict::NotKept
            )
        })
        .collect();
    let all_kept = judged.iter().all(|i| i.verdict == Verdict::Kept);
    let (verdict, ratio) = if all_kept {
        (Verdict::Kept, weakest(&judged))
    } else if reported.is_empty() {
        let passed = deadline_passed(deadline, as_of);
        let so_far = weakest(&judged);
        (
            if passed {
                Verdict::Unreported
            } else {
                Verdict::NotYetReported
            },
            so_far,
        )
    } else if judged.iter().any(|i| i.verdict == Verdict::NotYetReported)
        && !deadline_passed(deadline, as_of)
    {
        (Verdict::NotYetReported, weakest(&judged))
    } else {
        let worst = reported.iter().map(|i| i.verdict).min().expect("not empty");
        (worst, weakest(&judged))
    };

    let subject = first.fact.subject.clone();
    let promised: Vec<String> = items.iter().map(|f| f.fact.text.clone()).collect();
    let by = deadline.map_or_else(
        || " (no deadline given)".to_string(),
        |d| format!(" by {d}"),
    );
    let mut explanation = format!(
        "{}{}{by}, announced {}: {}",
        subject
            .as_deref()
            .map_or(String::new(), |s| format!("{s}: ")),
        promised.join(", "),
        first.doc_date.map_or_else(
            || first.fact.doc.clone(),
            |d| format!("{d} ({})", first.fact.doc)
        ),
        verdict.label()
    );
    if let Some(r) = ratio.filter(|_| verdict != Verdict::Unreported) {
        if verdict == Verdict::NotYetReported {
            explanation.push_str(&format!(", {} so far", percent(r)));
        } else {
            explanation.push_str(&format!(" ({})", percent(r)));
        }
    }
    let achieved: Vec<String> = judged
        .iter()
        .filter_map(|i| {
            i.achieved
                .map(|a| format!("{} of {}", amount(a, &i.unit), amount(i.target, &i.unit)))
        })
        .collect();
    if !achieved.is_empty() {
        explanation.push_str(&format!("; reported {}", achieved.join(", ")));
    }
    let missing: Vec<String> = judged
        .iter()
        .filter(|i| i.achieved.is_none())
        .map(|i| i.metric.clone())
        .collect();
    if !missing.is_empty() && !achieved.is_empty() {
        explanation.push_str(&format!("; no report of {}", missing.join(", ")));
    }

    Promise {
        doc: first.fact.doc.clone(),
        date: first.doc_date,
        subject,
        deadline,
        group: first.fact.group,
        verdict,
        ratio,
        explanation,
        items: judged,
        restated,
    }
}

fn weakest(items: &[PromiseItem]) -> Option<f64> {
    items
        .iter()
        .filter_map(|i| i.ratio)
        .min_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal))
}

fn deadline_passed(deadline: Option<Period>, as_of: Option<NaiveDate>) -> bool {
    match (deadline, as_of) {
        (Some(d), Some(now)) => now > d.bounds().1,
        _ => false,
    }
}

/// The actual facts that may count towards planned fact `p`.
fn candidates<'a>(p: &LedgerFact, actuals: &Actuals<'a>) -> Vec<&'a LedgerFact> {
    let (Some(subject), Some(metric)) =
        (p.fact.subject.as_deref(), p.fact.metric.map(|m| m.as_str()))
    else {
        return Vec::new();
    };
    let Some(about) = actuals.get(&(metric, subject.to_lowercase())) else {
        return Vec::new();
    };
    // A promise of "7 new participants" is not kept by a count of all participants:
    // for stocks it is matched only by reports of new ones, which then add up.
    let flow = is_flow(p);
    let new_things = says_new(p);
    let promised_on = p.doc_date.unwrap_or(NaiveDate::MIN);
    let deadline_end = p.fact.period.map_or(NaiveDate::MAX, |d| d.bounds().1);
    about
        .iter()
        .copied()
        .filter(|a| {
            let fact = &a.fact;
            fact.doc != p.fact.doc
                && a.doc_date.unwrap_or(NaiveDate::MIN) >= promised_on
                && fact.measure.unwrap_or(Measure::Level)
                    == p.fact.measure.unwrap_or(Measure::Level)
                && (fact.unit == p.fact.unit || (a.is_money() && p.is_money()))
                && fact.per == p.fact.per
                && (flow || !new_things || says_new(a))
                && crate::check::comparable_objects(p, a)
                && a.when().is_some_and(|w| {
                    let (_, end) = w.bounds();
                    end >= promised_on && end <= deadline_end
                })
        })
        .collect()
}

/// Whether a planned or reported figure adds up over time: a flow metric's level.
fn is_flow(f: &LedgerFact) -> bool {
    f.fact.measure.unwrap_or(Measure::Level) == Measure::Level
        && f.fact
            .metric
            .map(|m| m.as_str())
            .is_some_and(|m| FLOW_METRICS.contains(&m))
}

/// Whether a figure counts new things (`7 new participants`, `15 more projects`).
fn says_new(f: &LedgerFact) -> bool {
    const NEW: [&str; 4] = ["new", "more", "additional", "another"];
    let mut words = f.fact.text.to_lowercase();
    if let Some(object) = &f.fact.object {
        words.push(' ');
        words.push_str(&object.to_lowercase());
    }
    words
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| NEW.contains(&w))
}

/// For a group: when later groups report several of its items together, take the
/// items' evidence from the best such group only (most items answered, then latest).
fn prefer_groups(candidates: Vec<Vec<&LedgerFact>>) -> Vec<Vec<&LedgerFact>> {
    let mut answered: BTreeMap<(&str, u32), (usize, Option<NaiveDate>)> = BTreeMap::new();
    for item in &candidates {
        let mut seen: Vec<(&str, u32)> = item
            .iter()
            .filter_map(|a| a.fact.group.map(|g| (a.fact.doc.as_str(), g)))
            .collect();
        seen.sort();
        seen.dedup();
        for key in seen {
            let date = item
                .iter()
                .find(|a| (a.fact.doc.as_str(), a.fact.group) == (key.0, Some(key.1)))
                .and_then(|a| a.doc_date);
            let entry = answered.entry(key).or_insert((0, date));
            entry.0 += 1;
        }
    }
    let best = answered
        .iter()
        .filter(|(_, (n, _))| *n >= 2)
        .max_by(|a, b| {
            a.1 .0
                .cmp(&b.1 .0)
                .then(a.1 .1.cmp(&b.1 .1))
                .then(b.0.cmp(a.0))
        })
        .map(|(k, _)| *k);
    let Some((doc, group)) = best else {
        return candidates;
    };
    candidates
        .into_iter()
        .map(|item| {
            let from_group: Vec<&LedgerFact> = item
                .iter()
                .filter(|a| a.fact.doc == doc && a.fact.group == Some(group))
                .copied()
                .collect();
            if from_group.is_empty() {
                item
            } else {
                from_group
            }
        })
        .collect()
}

fn judge_item(
    p: &LedgerFact,
    candidates: Vec<&LedgerFact>,
    as_of: Option<NaiveDate>,
) -> PromiseItem {
    let in_kzt = p.is_money() && p.value_kzt.is_some();
    let (unit, target) = if in_kzt {
        ("KZT".to_string(), p.value_kzt.unwrap_or(p.fact.value))
    } else {
        (p.unit().to_string(), p.fact.value)
    };
    let value_of = |a: &LedgerFact| -> Option<f64> {
        if in_kzt {
            a.value_kzt
        } else if a.fact.unit == p.fact.unit {
            Some(a.fact.value)
        } else {
            None
        }
    };
    let readings: Vec<(Period, f64, &LedgerFact)> = candidates
        .iter()
        .filter_map(|a| Some((a.when()?, value_of(a)?, *a)))
        .collect();
    let flow = is_flow(p) || says_new(p);
    let counted: Vec<(Period, f64, &LedgerFact)> = if flow {
        best_disjoint(&readings)
    } else {
        latest(&readings)
    };
    let achieved = (!counted.is_empty()).then(|| counted.iter().map(|(_, v, _)| v).sum::<f64>());

    let deadline = p.fact.period;
    let passed = deadline_passed(deadline, as_of);
    let ratio = achieved.filter(|_| target > 0.0).map(|a| a / target);
    // Rounding of the target counts in the promise's favour.
    let slack = if in_kzt {
        0.0
    } else {
        half_step(&p.fact.text, p.fact.value)
    };
    let kept = achieved.is_some_and(|a| a + slack >= target * KEPT_RATIO);
    let verdict = match (kept, passed, ratio) {
        (true, _, _) => Verdict::Kept,
        (false, false, _) => Verdict::NotYetReported,
        (false, true, None) if achieved.is_none() => Verdict::Unreported,
        (false, true, Some(r)) if r >= PARTLY_KEPT_RATIO => Verdict::PartlyKept,
        (false, true, _) => Verdict::NotKept,
    };
    let mut evidence: Vec<Evidence> = counted.iter().map(|(_, _, a)| a.evidence()).collect();
    evidence.sort_by(|a, b| a.date.cmp(&b.date).then(a.fact_id.cmp(&b.fact_id)));
    PromiseItem {
        planned: p.evidence(),
        metric: p.fact.metric.map(|m| m.to_string()).unwrap_or_default(),
        unit,
        target,
        achieved,
        ratio,
        verdict,
        evidence,
    }
}

/// The readings of a flow that add up: per period the largest report (restatements and
/// rival figures count once), then the set of non-overlapping periods with the largest
/// total (weighted interval scheduling).
fn best_disjoint<'a>(
    readings: &[(Period, f64, &'a LedgerFact)],
) -> Vec<(Period, f64, &'a LedgerFact)> {
    let mut per_period: BTreeMap<(NaiveDate, NaiveDate), (Period, f64, &LedgerFact)> =
        BTreeMap::new();
    for &(period, value, f) in readings {
        let key = period.bounds();
        let better = per_period
            .get(&key)
            .is_none_or(|(_, v, old)| value > *v || (value == *v && f.doc_date > old.doc_date));
        if better {
            per_period.insert(key, (period, value, f));
        }
    }
    // Sorted by end; best[i] is the best total using the first i intervals.
    let mut intervals: Vec<(NaiveDate, NaiveDate, (Period, f64, &LedgerFact))> = per_period
        .into_iter()
        .map(|((s, e), r)| (s, e, r))
        .collect();
    intervals.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    let n = intervals.len();
    let mut best: Vec<(f64, Vec<usize>)> = vec![(0.0, Vec::new()); n + 1];
    for i in 0..n {
        let (start, _, (_, value, _)) = intervals[i];
        // The last interval ending before this one starts.
        let prev = intervals[..i]
            .iter()
            .rposition(|(_, e, _)| *e < start)
            .map_or(0, |j| j + 1);
        let with = best[prev].0 + value;
        best[i + 1] = if with > best[i].0 {
            let mut chosen = best[prev].1.clone();
            chosen.push(i);
            (with, chosen)
        } else {
            best[i].clone()
        };
    }
    best[n].1.iter().map(|&i| intervals[i].2).collect()
}

/// For a stock: the reading of the latest period (the largest when several).
fn latest<'a>(readings: &[(Period, f64, &'a LedgerFact)]) -> Vec<(Period, f64, &'a LedgerFact)> {
    readings
        .iter()
        .max_by(|a, b| {
            a.0.bounds()
                .1
                .cmp(&b.0.bounds().1)
                .then(a.1.partial_cmp(&b.1).unwrap_or(Ordering::Equal))
                .then(a.2.doc_date.cmp(&b.2.doc_date))
        })
        .map(|r| vec![*r])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
