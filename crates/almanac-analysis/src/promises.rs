//! `promises`: what was announced against what was later reported.
//!
//! A promise is a `planned` fact with a subject, a metric and a deadline (its period)
//! that had not passed when it was announced; a starting point (`from 19% to 25%`) and a
//! figure already achieved are `actual` and never promises. Items announced together
//! (the same `group` in one document: "five projects worth 15 billion tenge creating 369
//! jobs") make one promise. Each item is judged by `actual` reports:
//!
//! - of the same subject, metric and measure, unit family (money in any currency,
//!   compared in tenge), `per`, and comparable object (not "30 investment projects" for
//!   "nine projects");
//! - from a document of the promise's date or later, for a period within the deadline's
//!   period (a report of 2020 does not answer a target for 2021);
//! - a level target (a year, a quarter, or any stock: companies, employment, rates,
//!   capacity...) is met by a level report of that period: the report of its latest
//!   stretch, never a sum of reports; a cumulative target (a flow over a span of years,
//!   `2021/2025`: jobs created, investment attracted, housing built) is compared with the
//!   sum of reports of disjoint periods within its span, and only then. The metrics that
//!   are flows are in [`FLOW_METRICS`];
//! - reports of places within the subject (a zone within the city) are shown as partial
//!   evidence, not counted as the subject's own, and so are reports of the subject that
//!   cover part of the deadline's period only.
//!
//! Verdicts: kept (at least 95% of the target, rounding allowed), partly kept (at least
//! half), not kept (less), partial evidence (reports of places within, or of part of
//! the period, after the deadline), not yet reported (the deadline is after the ledger's
//! latest document), unreported (the deadline has passed and no later report gives the
//! figure; absence of a report is not proof of a broken promise). A group is only as
//! kept as its weakest item.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use almanac_extract::{EntityKind, Measure, Period, Qualifier, Status};
use chrono::NaiveDate;
use serde::Serialize;

use crate::ledger::{is_within, latest_date, Evidence, FactExt, LedgerFact, Places};
use crate::numbers::{amount, half_step, percent};

mod programmes;

/// At least this share of the target keeps a promise (rounding of targets and reports).
pub const KEPT_RATIO: f64 = 0.95;
/// At least this share of the target keeps it partly.
pub const PARTLY_KEPT_RATIO: f64 = 0.5;

/// Metrics whose figures add up over time (created, invested, built, traded, spent):
/// the reports of disjoint periods within a cumulative target's span are summed. The
/// others are levels or stocks (a whole economy's size, employment, companies operating,
/// capacity, incomes, prices, ranks), judged by the report of the latest stretch.
pub const FLOW_METRICS: [&str; 11] = [
    "investment",
    "fdi",
    "project_value",
    "jobs",
    "projects",
    "output",
    "infrastructure",
    "environment",
    "trade",
    "budget",
    "housing",
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
    /// Reports of places within the subject, or of part of the period only: shown, not
    /// judged.
    PartialEvidence,
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
            Verdict::PartialEvidence => "partial_evidence",
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
            Verdict::PartialEvidence => "partial evidence",
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
    /// Other tellings of the same figures: later documents, or the same article again (a
    /// headline, an official's quote, the organisation that reports a place's figure).
    pub restated: Vec<Evidence>,
    /// The figures the article breaks the promise into (`of which 30 large ...`).
    pub parts: Vec<Evidence>,
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
    /// Reports that bear on it without settling it: of places within the subject, or of
    /// the subject for part of the deadline's period only.
    pub partial_evidence: Vec<Evidence>,
    /// What the partial evidence is, for a sentence.
    pub note: Option<String>,
}

/// Every promise in `facts` (optionally only about one subject), judged against the
/// later actual facts, in order of deadline.
pub fn promises(facts: &[LedgerFact], opts: &PromiseOptions, places: &dyn Places) -> Vec<Promise> {
    let as_of = opts.as_of.or_else(|| latest_date(facts));
    let planned: Vec<&LedgerFact> = facts
        .iter()
        .filter(|f| {
            is_promise(f)
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

    // A promise announced again (later, or in the same article: a headline and its
    // body, a lead and the official's quote) is one promise, not several: the same
    // items, each the same figure of the same subject, metric and deadline.
    let mut restated: BTreeMap<usize, Vec<Evidence>> = BTreeMap::new();
    let mut absorbed = vec![false; groups.len()];
    let mut alike: HashMap<String, Vec<usize>> = HashMap::new();
    // Each group's items in the order of their keys, so that two groups pair item by item.
    let in_key_order: Vec<Vec<&LedgerFact>> = groups
        .iter()
        .map(|group| {
            let mut items = group.clone();
            items.sort_by_cached_key(|f| promise_key(f));
            items
        })
        .collect();
    for (i, items) in in_key_order.iter().enumerate() {
        let key: Vec<String> = items.iter().map(|f| promise_key(f)).collect();
        alike.entry(key.join(";")).or_default().push(i);
    }
    // The first telling is the promise, except that in one article a place's telling
    // hosts an organisation's.
    for indices in alike.values_mut() {
        indices.sort_by_cached_key(|&i| {
            let first = groups[i][0];
            let place = first.fact.subject.as_deref().is_some_and(is_place);
            (first.doc_date, first.fact.doc.clone(), !place, i)
        });
    }
    let mut parts = breakdowns(&groups, &mut absorbed);
    for indices in alike.values() {
        for (n, &i) in indices.iter().enumerate() {
            if absorbed[i] {
                continue;
            }
            for &j in &indices[n + 1..] {
                let same = in_key_order[i]
                    .iter()
                    .zip(&in_key_order[j])
                    .all(|(a, b)| same_promise(a, b));
                if !absorbed[j] && same {
                    absorbed[j] = true;
                    let again = groups[j].iter().map(|f| f.evidence());
                    restated.entry(i).or_default().extend(again);
                    let moved = parts.remove(&j).unwrap_or_default();
                    parts.entry(i).or_default().extend(moved);
                }
            }
        }
    }

    // A figure told alone (a headline: "$26 billion of projects") and again with the
    // others announced with it in the same article is one of that group's items.
    let mut groups_of_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, group) in groups.iter().enumerate() {
        if group.len() > 1 && !absorbed[i] {
            groups_of_doc.entry(&group[0].fact.doc).or_default().push(i);
        }
    }
    for j in 0..groups.len() {
        let [alone] = groups[j].as_slice() else {
            continue;
        };
        if absorbed[j] {
            continue;
        }
        let host = groups_of_doc
            .get(alone.fact.doc.as_str())
            .into_iter()
            .flatten()
            .copied()
            .find(|&i| groups[i].iter().any(|f| same_promise(f, alone)));
        if let Some(i) = host {
            absorbed[j] = true;
            restated.entry(i).or_default().push(alone.evidence());
            let moved = parts.remove(&j).unwrap_or_default();
            parts.entry(i).or_default().extend(moved);
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
                parts.remove(&i).unwrap_or_default(),
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

/// The figures an article breaks a promise into (`90 projects` ... `of them 30 large,
/// 25 industrial and 35 municipal projects`): the planned figures of one sentence
/// that add up to another planned figure of the article with the same subject, metric,
/// measure, unit and deadline. They are its parts, not promises of their own; each part's
/// group (a figure alone) is absorbed, and the parts are returned by the whole's group.
fn breakdowns(
    groups: &[Vec<&LedgerFact>],
    absorbed: &mut [bool],
) -> BTreeMap<usize, Vec<Evidence>> {
    let key = |f: &LedgerFact| {
        let fact = &f.fact;
        (fact.doc.clone(), fact.subject.clone(), promise_key(f))
    };
    // The figures told alone, by article and key, then by sentence.
    let mut alone: HashMap<_, BTreeMap<&str, Vec<usize>>> = HashMap::new();
    for (j, group) in groups.iter().enumerate() {
        if let [f] = group.as_slice() {
            alone
                .entry(key(f))
                .or_default()
                .entry(f.fact.sentence.as_str())
                .or_default()
                .push(j);
        }
    }
    let mut parts: BTreeMap<usize, Vec<Evidence>> = BTreeMap::new();
    for (i, group) in groups.iter().enumerate() {
        for whole in group {
            let Some(sentences) = alone.get(&key(whole)) else {
                continue;
            };
            for members in sentences.values() {
                let members: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|&j| j != i && !absorbed[j])
                    .collect();
                let values: Vec<f64> = members.iter().map(|&j| groups[j][0].fact.value).collect();
                let sum: f64 = values.iter().sum();
                let adds_up = members.len() >= 2
                    && values.iter().all(|v| *v < whole.fact.value)
                    && crate::numbers::same_rounded(
                        whole.fact.value,
                        half_step(&whole.fact.text, whole.fact.value),
                        sum,
                        0.0,
                    );
                if adds_up {
                    for &j in &members {
                        absorbed[j] = true;
                        parts.entry(i).or_default().push(groups[j][0].evidence());
                    }
                }
            }
        }
    }
    parts
}

/// Whether a planned fact is a promise: a subject, a metric, a deadline that had not
/// passed when it was said, and something to reach: a value and its unit (a bare `11`
/// says what it counts nowhere a reader can check).
pub fn is_promise(f: &LedgerFact) -> bool {
    let fact = &f.fact;
    fact.status == Some(Status::Planned)
        && fact.metric.is_some()
        && fact.subject.is_some()
        && fact.unit.as_deref().is_some_and(|u| !u.is_empty())
        && fact.value > 0.0
        && fact
            .period
            .is_some_and(|deadline| f.doc_date.is_none_or(|said| deadline.bounds().1 >= said))
}

/// What two announcements of one promise share, the value (it may be rounded) and the
/// subject (see [`same_subject`]) aside.
fn promise_key(f: &LedgerFact) -> String {
    let fact = &f.fact;
    format!(
        "{:?}|{:?}|{:?}|{:?}",
        fact.metric, fact.measure, fact.period, fact.unit
    )
}

fn same_promise(a: &LedgerFact, b: &LedgerFact) -> bool {
    let (fa, fb) = (&a.fact, &b.fact);
    a.id != b.id
        && same_subject(a, b)
        && !in_one_sentence(a, b)
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

/// Whether two tellings of one figure are about one subject: the same name, or, in one
/// article, a place and an organisation (the country in the lead, the ministry that
/// reports it in the quote). Two places with one figure are two promises.
fn same_subject(a: &LedgerFact, b: &LedgerFact) -> bool {
    let (sa, sb) = (a.fact.subject.as_deref(), b.fact.subject.as_deref());
    sa == sb || (a.fact.doc == b.fact.doc && sa.map(is_place) != sb.map(is_place))
}

/// Whether a name is a place or zone the gazetteer knows, not an organisation (nor a name
/// it does not know: those are organisations the extractor found by their form, `Ministry
/// of Energy`). A zone keeps its own promises beside its city's, as before.
fn is_place(name: &str) -> bool {
    almanac_extract::entities::lookup(name)
        .is_some_and(|p| p.kind.is_place() || p.kind == EntityKind::Zone)
}

/// Whether two figures stand in one sentence of one article: `30 large and 30
/// municipal projects` are two figures, never one told twice.
fn in_one_sentence(a: &LedgerFact, b: &LedgerFact) -> bool {
    let (fa, fb) = (&a.fact, &b.fact);
    fa.doc == fb.doc
        && fa.sentence == fb.sentence
        && fa.span != fb.span
        && fa.span[0].abs_diff(fb.span[0]) < fa.sentence.len()
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
    parts: Vec<Evidence>,
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

    let (verdict, ratio) = combine(&judged, deadline_passed(deadline, as_of));
    let subject = first.fact.subject.clone();
    let promised: Vec<String> = items.iter().map(|f| figure(f)).collect();
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
    if let Some(r) =
        ratio.filter(|_| !matches!(verdict, Verdict::Unreported | Verdict::PartialEvidence))
    {
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
    for note in judged.iter().filter_map(|i| i.note.as_deref()) {
        explanation.push_str("; ");
        explanation.push_str(note);
    }
    if !parts.is_empty() {
        let texts: Vec<&str> = parts.iter().map(|e| e.text.as_str()).collect();
        explanation.push_str(&format!("; of which {}", texts.join(", ")));
    }
    let mut others: Vec<&str> = restated
        .iter()
        .filter_map(|e| e.subject.as_deref())
        .filter(|s| Some(*s) != subject.as_deref())
        .collect();
    others.sort_unstable();
    others.dedup();
    if !others.is_empty() {
        explanation.push_str(&format!("; also given for {}", others.join(", ")));
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
        parts,
    }
}

/// A planned figure for a sentence: its text, and what it counts when the text does not
/// say (`another 9` of the buildings before it: `9 (building)`).
fn figure(f: &LedgerFact) -> String {
    let text = &f.fact.text;
    let quantities = almanac_extract::all_quantities(text);
    match (quantities.as_slice(), f.fact.unit.as_deref()) {
        ([q], Some(unit)) if q.unit.is_none() => format!("{text} ({unit})"),
        _ => text.clone(),
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
    let (deadline_start, deadline_end) = p
        .fact
        .period
        .map_or((NaiveDate::MIN, NaiveDate::MAX), |d| d.bounds());
    let programmes = programmes::named_in(&scope(p));
    about
        .iter()
        .copied()
        .filter(|a| {
            let fact = &a.fact;
            fact.doc != p.fact.doc
                && a.doc_date.unwrap_or(NaiveDate::MIN) >= promised_on
                && !too_soon(p, a)
                && same_programme(p, &programmes, a)
                && fact.measure.unwrap_or(Measure::Level)
                    == p.fact.measure.unwrap_or(Measure::Level)
                && (fact.unit == p.fact.unit || (a.is_money() && p.is_money()))
                && fact.per == p.fact.per
                && (flow || !new_things || says_new(a))
                && comparable_objects(p, a)
                && a.fact.period.is_some_and(|w| {
                    let (start, end) = w.bounds();
                    start >= deadline_start && end <= deadline_end
                })
        })
        .collect()
}

/// What a figure is counted under: its sentence and its subject (`Almaty Industrial
/// Zone` is an industrial zone's).
fn scope(f: &LedgerFact) -> String {
    format!(
        "{} {}",
        f.fact.sentence,
        f.fact.subject.as_deref().unwrap_or_default()
    )
}

/// Whether a report is counted under the programme the promise was made for: a report
/// naming another programme never is (the industrialization programme's projects are not
/// the special economic zones'), and one of a place within the subject must name the
/// promise's programme when it has one (a region's projects in general are not the
/// zones'). The subject's own report that names none is taken as the subject's count.
fn same_programme(p: &LedgerFact, promised: &BTreeSet<&str>, a: &LedgerFact) -> bool {
    if promised.is_empty() {
        return true;
    }
    let reported = programmes::named_in(&scope(a));
    let own = a.fact.subject.as_deref().map(str::to_lowercase)
        == p.fact.subject.as_deref().map(str::to_lowercase);
    if reported.is_empty() {
        own
    } else {
        !reported.is_disjoint(promised)
    }
}

/// Whether a report was written too soon after the promise to say anything about its
/// deadline: a target for one period (not a sum over years, where every part of the span
/// counts) answered by a figure of a period still running when it was written, less than
/// half way from the promise to the deadline (`40 projects are under way` said three days
/// after a plan for the year). A report made before the promise never answers it.
fn too_soon(p: &LedgerFact, a: &LedgerFact) -> bool {
    let (Some(promised_on), Some(written), Some(deadline), Some(period)) =
        (p.doc_date, a.doc_date, p.fact.period, a.fact.period)
    else {
        return false;
    };
    if is_cumulative(p) {
        return false;
    }
    let deadline_end = deadline.bounds().1;
    let running = written < period.bounds().1;
    running && (written - promised_on) * 2 < deadline_end - promised_on
}

/// Whether a target is a sum over a span of years (a flow, or new things, over
/// `2021/2025`), rather than a figure for one period.
fn is_cumulative(p: &LedgerFact) -> bool {
    (is_flow(p) || says_new(p)) && p.fact.period.is_some_and(spans_years)
}

/// Whether a report is about what was promised. The count an object starts with tells
/// the money and jobs of "five projects" from those of "27 projects" (another set), but
/// not when it is the figure itself: "seven projects" launched answers "nine projects"
/// to be launched.
fn comparable_objects(p: &LedgerFact, a: &LedgerFact) -> bool {
    let counts_itself = |f: &LedgerFact| {
        crate::check::leading_count(f.fact.object.as_deref()) == Some(f.fact.value as u64)
    };
    if counts_itself(p) || counts_itself(a) {
        match (p.fact.object.as_deref(), a.fact.object.as_deref()) {
            (Some(x), Some(y)) => crate::check::same_object(Some(x), Some(y)),
            _ => true,
        }
    } else {
        crate::check::comparable_objects(p, a)
    }
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

/// How the items of one promise make its verdict: kept when all are; otherwise the
/// weakest item judged on the subject's own reports, unless some items stand unjudged
/// beside kept ones (then partial evidence); with none judged, partial evidence when
/// there is some, else unreported or not yet reported by the deadline.
fn combine(items: &[PromiseItem], passed: bool) -> (Verdict, Option<f64>) {
    let ratio = weakest(items);
    if items.iter().all(|i| i.verdict == Verdict::Kept) {
        return (Verdict::Kept, ratio);
    }
    if !passed
        && items
            .iter()
            .any(|i| matches!(i.verdict, Verdict::NotYetReported))
    {
        return (Verdict::NotYetReported, ratio);
    }
    let judged: Vec<Verdict> = items
        .iter()
        .map(|i| i.verdict)
        .filter(|v| matches!(v, Verdict::Kept | Verdict::PartlyKept | Verdict::NotKept))
        .collect();
    if let Some(worst) = judged.iter().min().copied() {
        if worst == Verdict::Kept {
            return (Verdict::PartialEvidence, ratio);
        }
        return (worst, ratio);
    }
    if items.iter().any(|i| i.verdict == Verdict::PartialEvidence) {
        return (Verdict::PartialEvidence, ratio);
    }
    (
        if passed {
            Verdict::Unreported
        } else {
            Verdict::NotYetReported
        },
        ratio,
    )
}

/// Metrics where less is the aim, for a level (a target of 4.5% unemployment is met by
/// 4.3%, a rank of 30 by 25) or, for prices, any measure (inflation held under 7%).
fn lower_is_better(f: &LedgerFact) -> bool {
    let level = f.fact.measure.unwrap_or(Measure::Level) == Measure::Level;
    match f.fact.metric.map(|m| m.as_str()) {
        Some("unemployment" | "rank") => level,
        Some("prices") => true,
        _ => false,
    }
}

/// How much of the target `achieved` is: a share of it, the inverse where less is the
/// aim, and for an index (`107.8%` of the year before) the share of the growth above 100.
fn attainment(p: &LedgerFact, target: f64, achieved: f64) -> Option<f64> {
    if target <= 0.0 {
        return None;
    }
    if p.fact.measure == Some(Measure::Index) && target > 100.0 {
        return Some((achieved - 100.0) / (target - 100.0));
    }
    if lower_is_better(p) {
        return (achieved > 0.0).then(|| target / achieved);
    }
    Some(achieved / target)
}

/// A report: its period, its value in the target's unit, the fact.
type Reading<'a> = (Period, f64, &'a LedgerFact);

/// Whether a deadline is a span of more than a year (`2021/2025`, `until 2030`): a flow
/// promised over it is cumulative.
fn spans_years(deadline: Period) -> bool {
    let (start, end) = deadline.bounds();
    (end - start).num_days() > 366
}

/// The reports that answer a target: for a cumulative one, the best sum of reports of
/// disjoint periods within its span; for a level, one report, the one that reaches
/// furthest into the deadline's period (for a flow, among those that run from its start:
/// a year-to-date figure, not the third quarter alone).
fn answer<'a>(
    readings: &[Reading<'a>],
    deadline: Option<Period>,
    flow: bool,
    cumulative: bool,
) -> Vec<Reading<'a>> {
    if cumulative {
        return best_disjoint(readings);
    }
    let start = deadline.map(|d| d.bounds().0);
    let from_start: Vec<Reading<'a>> = readings
        .iter()
        .filter(|(w, _, _)| Some(w.bounds().0) == start)
        .copied()
        .collect();
    if flow && !from_start.is_empty() {
        latest(&from_start)
    } else {
        latest(readings)
    }
}

/// Whether the counted reports settle the target: they cover its whole span (cumulative),
/// or the one report reaches the end of the deadline's period (and, for a flow, runs from
/// its start). A month of a year may be missing (a January–November report of a year's
/// target), less of a shorter period.
fn covers(counted: &[Reading<'_>], deadline: Option<Period>, flow: bool, cumulative: bool) -> bool {
    let Some(deadline) = deadline else {
        return false;
    };
    let (start, end) = deadline.bounds();
    let length = (end - start).num_days() + 1;
    let slack = ((length + 11) / 12).min(31);
    if cumulative {
        let days: i64 = counted
            .iter()
            .map(|(w, _, _)| {
                let (a, b) = w.bounds();
                (b - a).num_days() + 1
            })
            .sum();
        return days + slack >= length;
    }
    counted.first().is_some_and(|(w, _, _)| {
        let (a, b) = w.bounds();
        (!flow || a == start) && (end - b).num_days() <= slack
    })
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
    let subject = p.fact.subject.as_deref().unwrap_or_default();
    let deadline = p.fact.period;
    let flow = is_flow(p) || says_new(p);
    let cumulative = is_cumulative(p);

    // The subject's own reports decide; those of places within it are shown beside.
    let (own, within): (Vec<Reading<'_>>, Vec<Reading<'_>>) = candidates
        .iter()
        .filter_map(|a| Some((a.fact.period?, value_of(a)?, *a)))
        .partition(|(_, _, a)| {
            a.fact
                .subject
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case(subject))
        });
    let counted = answer(&own, deadline, flow, cumulative);
    let complete = covers(&counted, deadline, flow, cumulative);
    let achieved = (!counted.is_empty()).then(|| counted.iter().map(|(_, v, _)| v).sum::<f64>());
    let ratio = achieved.and_then(|a| attainment(p, target, a));
    // Rounding of the target counts in the promise's favour.
    let slack = if in_kzt {
        0.0
    } else {
        half_step(&p.fact.text, p.fact.value)
    };
    let favourable = |a: f64| {
        if lower_is_better(p) {
            a - slack
        } else {
            a + slack
        }
    };
    let kept = achieved
        .and_then(|a| attainment(p, target, favourable(a)))
        .is_some_and(|r| r >= KEPT_RATIO);

    let mut places: BTreeMap<&str, Vec<Reading<'_>>> = BTreeMap::new();
    for reading in &within {
        let place = reading.2.fact.subject.as_deref().unwrap_or_default();
        places.entry(place).or_default().push(*reading);
    }
    let within: Vec<(&str, Vec<Reading<'_>>)> = places
        .into_iter()
        .map(|(place, readings)| (place, answer(&readings, deadline, flow, cumulative)))
        .filter(|(_, counted)| !counted.is_empty())
        .collect();

    let passed = deadline_passed(deadline, as_of);
    let mut verdict = match ratio {
        _ if kept => Verdict::Kept,
        _ if !passed => Verdict::NotYetReported,
        Some(r) if complete && r >= PARTLY_KEPT_RATIO => Verdict::PartlyKept,
        Some(_) if complete => Verdict::NotKept,
        _ if achieved.is_some() || !within.is_empty() => Verdict::PartialEvidence,
        _ => Verdict::Unreported,
    };

    let mut notes: Vec<String> = Vec::new();
    // A report that gives only a floor ("more than 30 projects") proves no shortfall, and
    // one that gives only a ceiling ("up to 1,200 jobs") proves no success.
    let (floor, ceiling) = if lower_is_better(p) {
        (Qualifier::LessThan, Qualifier::MoreThan)
    } else {
        (Qualifier::MoreThan, Qualifier::LessThan)
    };
    let bounded_by = |q: Qualifier| counted.iter().any(|(_, _, a)| a.fact.qualifier == Some(q));
    let bound = match verdict {
        Verdict::PartlyKept | Verdict::NotKept if bounded_by(floor) => Some("a floor"),
        Verdict::Kept if bounded_by(ceiling) => Some("a ceiling"),
        _ => None,
    };
    if let (Some(bound), Some(r)) = (bound, ratio) {
        notes.push(format!(
            "the report gives {bound} only ({} of the target), not the figure",
            percent(r)
        ));
        verdict = Verdict::PartialEvidence;
    }
    if achieved.is_some() && !complete && !kept && passed {
        let spans: Vec<String> = counted.iter().map(|(w, _, _)| w.to_string()).collect();
        notes.push(format!(
            "the reports of {subject} cover {} of {} only",
            spans.join(", "),
            deadline.map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    let mut partial: Vec<Evidence> = Vec::new();
    if !kept && !within.is_empty() {
        let said: Vec<String> = within
            .iter()
            .map(|(place, counted)| {
                let sum: f64 = counted.iter().map(|(_, v, _)| v).sum();
                let spans: Vec<String> = counted.iter().map(|(w, _, _)| w.to_string()).collect();
                format!("{place} {} ({})", amount(sum, &unit), spans.join(", "))
            })
            .collect();
        notes.push(format!("within {subject}: {}", said.join(", ")));
        partial.extend(
            within
                .iter()
                .flat_map(|(_, counted)| counted.iter().map(|(_, _, a)| a.evidence())),
        );
    }
    let mut evidence: Vec<Evidence> = counted.iter().map(|(_, _, a)| a.evidence()).collect();
    if verdict == Verdict::PartialEvidence {
        // The subject's own reports of part of the period are evidence too, not a verdict.
        partial.append(&mut evidence);
    }
    evidence.sort_by(|a, b| a.date.cmp(&b.date).then(a.fact_id.cmp(&b.fact_id)));
    partial.sort_by(|a, b| a.date.cmp(&b.date).then(a.fact_id.cmp(&b.fact_id)));
    PromiseItem {
        planned: p.evidence(),
        metric: p.fact.metric.map(|m| m.to_string()).unwrap_or_default(),
        unit,
        target,
        achieved,
        ratio,
        verdict,
        evidence,
        partial_evidence: partial,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    }
}

/// The readings of a flow that add up: per period the largest report (restatements and
/// rival figures count once), then the set of non-overlapping periods with the largest
/// total (weighted interval scheduling).
fn best_disjoint<'a>(readings: &[Reading<'a>]) -> Vec<Reading<'a>> {
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

/// The reading that reaches furthest: the latest end, then the longest stretch, then
/// the latest report (a later document corrects an earlier one), then the largest.
fn latest<'a>(readings: &[Reading<'a>]) -> Vec<Reading<'a>> {
    readings
        .iter()
        .max_by(|a, b| {
            let (start_a, end_a) = a.0.bounds();
            let (start_b, end_b) = b.0.bounds();
            end_a
                .cmp(&end_b)
                .then(start_b.cmp(&start_a))
                .then(a.2.doc_date.cmp(&b.2.doc_date))
                .then(a.1.partial_cmp(&b.1).unwrap_or(Ordering::Equal))
        })
        .map(|r| vec![*r])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
