//! From quantities to facts: metric, measure, subject, period, status, object and groups.
//!
//! Each figure is read against its sentence, cut into clauses at commas, semicolons and
//! dashes. The rules, in the order a reader applies them:
//!
//! - **period**: a time in the figure's clause; else a time in an earlier clause of the
//!   sentence that holds no figure (`In 2018, the company launched ...`); else the time
//!   that opened an earlier sentence of the paragraph; else, for an achieved figure, the
//!   document's year. The first state of `from 5.3 to 5.2 percent` after a change verb is
//!   the period before.
//! - **subject**: the places and organisations named in the figure's clause, else in its
//!   sentence (a person stands for the place or body of their role); a place that contains
//!   another candidate gives way to it (`the city's Alatau district` -> the district); the
//!   nearest wins. A sentence naming none takes the last one named before it, or the
//!   document's topic when that lies inside it.
//! - **status**: planned when a cue (`will`, `plans`, `to create`...) stands before the figure
//!   in its sentence or after it in its clause with no past-tense auxiliary between, when a
//!   deadline in its clause is not yet past, or when its period starts after the document date.
//! - **metric**: the unit decides for counts and measures (`job` -> jobs), refined by cue
//!   words; money and percentages take the nearest cue word, preferring their own clause.
//! - **measure**: a direction (`grew`, `a 5% rise`) or a multiplier makes a change; an
//!   unmoving percentage is an index at 100 or above, a level for rates (unemployment,
//!   prices), otherwise a share.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::Datelike;

use crate::data;
use crate::entities::{self, Entity, EntityKind};
use crate::fact::{Fact, Measure, Metric, Status};
use crate::lexicon::PhraseTable;
use crate::period::Period;
use crate::quantities::{self, Quantity, QuantityKind};
use crate::times::{self, TimeExpr, TimeKind};
use crate::tokens::{self, lower, word_is, Tok, TokKind};
use crate::{document, sentences, DateSource, DocContext, Extraction};

pub(crate) struct Cues {
    /// A cue's metric, and whether it is for percentages only.
    metric: PhraseTable<(Metric, bool)>,
    status: PhraseTable<()>,
    blockers: PhraseTable<()>,
    unit_metric: HashMap<&'static str, Metric>,
}

pub(crate) static CUES: LazyLock<Cues> = LazyLock::new(|| Cues {
    metric: PhraseTable::new(data::METRIC_CUES.load(|r| {
        let percent_only = r.choice(2, &[("any", false), ("percent", true)], Some(false))?;
        Ok((r.get(0), (r.parse(1, "metric")?, percent_only)))
    })),
    status: PhraseTable::new(data::STATUS_CUES.load(|r| Ok((r.get(0), ())))),
    blockers: PhraseTable::new(data::STATUS_BLOCKERS.load(|r| Ok((r.get(0), ())))),
    unit_metric: data::UNIT_METRICS
        .load(|r| Ok((r.get(0), r.parse(1, "metric")?)))
        .into_iter()
        .collect(),
});

/// The metrics a cue word in its own clause may give a count or measure instead of its
/// unit's metric: people may be unemployed, tons may be waste or a capacity.
fn refinements(unit_metric: Metric) -> &'static [Metric] {
    use Metric::*;
    match unit_metric {
        Employment => &[Employment, Unemployment, Other],
        Output | Capacity | Area | Infrastructure => &[Capacity, Environment, Transport],
        Transport => &[Transport, Capacity],
        Other => &[Capacity],
        _ => &[],
    }
}

/// The metrics money can have; a cue for anything else beside it (`jobs`) says nothing of it.
const MONEY_METRICS: &[Metric] = &[
    Metric::Investment,
    Metric::Output,
    Metric::Economy,
    Metric::Prices,
    Metric::Other,
];

/// A named place or organisation at a position of the text.
#[derive(Debug, Clone)]
struct Anchor {
    start: usize,
    len: usize,
    name: String,
}

/// A sentence with its tokens, clause boundaries and cue words, read once for all its figures.
struct Sentence<'t> {
    /// The sentence's tokens, a slice of its paragraph's.
    toks: &'t [Tok],
    /// Byte offsets where a new clause starts (after `,` `;` `:` or a dash).
    clause_starts: Vec<usize>,
    /// Metric cues: first token, length in tokens, metric, percentages only.
    metric_cues: Vec<(usize, usize, Metric, bool)>,
    /// First tokens of planned cues and of past auxiliaries.
    status_cues: Vec<usize>,
    blockers: Vec<usize>,
}

impl<'t> Sentence<'t> {
    fn new(text: &str, toks: &'t [Tok]) -> Self {
        let clause_starts = toks
            .iter()
            .filter(|t| {
                t.kind == TokKind::Sym && matches!(t.text(text), "," | ";" | ":" | "–" | "—")
            })
            .map(|t| t.end)
            .collect();
        let cues = &*CUES;
        let mut metric_cues = Vec::new();
        let mut status_cues = Vec::new();
        let mut blockers = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if toks[i].kind == TokKind::Word {
                if cues.status.starting_at(text, toks, i).is_some() {
                    status_cues.push(i);
                }
                if cues.blockers.starting_at(text, toks, i).is_some() {
                    blockers.push(i);
                }
                if let Some((n, &(m, percent_only))) = cues.metric.starting_at(text, toks, i) {
                    metric_cues.push((i, n, m, percent_only));
                    i += n;
                    continue;
                }
            }
            i += 1;
        }
        Sentence {
            toks,
            clause_starts,
            metric_cues,
            status_cues,
            blockers,
        }
    }

    fn clause_of(&self, pos: usize) -> usize {
        self.clause_starts.partition_point(|&s| s <= pos)
    }

    fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }
}

pub(crate) fn extract(text: &str, ctx: &DocContext<'_>) -> Extraction {
    let doc = document::parse(text);
    let (date, date_source) = if let Some(d) = doc.header_date {
        (Some(d), Some(DateSource::Header))
    } else if let Some(d) = ctx.date {
        (Some(d), Some(DateSource::Metadata))
    } else if let Some((d, _)) = doc
        .paragraphs
        .first()
        .and_then(|p| times::date_in_text(text, p.start..text.len()))
    {
        (Some(d), Some(DateSource::Text))
    } else {
        (None, None)
    };

    let mut sentence_ranges = Vec::new();
    let mut paragraph_of = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        for s in sentences::split(text, p.clone()) {
            sentence_ranges.push(s);
            paragraph_of.push(pi);
        }
    }
    // The one token stream of the document: every layer reads its own view of it.
    let stream = tokens::tokenize(text, 0..text.len());
    let entities = entities::find_in(text, &stream, &sentence_ranges);
    let anchors = anchors(text, &entities, &doc.paragraphs);
    let within = Containment::new(&entities);
    let topic = topic(&anchors, &doc.paragraphs, &within);

    // Each layer reads every paragraph before the next layer starts, rather than every layer
    // each paragraph in turn: the code of one layer stays in the instruction cache.
    let paragraph_toks: Vec<Vec<Tok>> = doc
        .paragraphs
        .iter()
        .map(|p| tokens::words(text, tokens::inside(&stream, p.clone())))
        .collect();
    let mut paragraph_figures: Vec<Vec<Quantity>> = paragraph_toks
        .iter()
        .map(|toks| {
            let mut figures = quantities::find_in(text, toks);
            figures.retain(|q| q.fact_worthy);
            figures
        })
        .collect();
    // Periods carry only within a paragraph: the times of one without figures are never
    // asked for.
    let paragraph_times: Vec<Vec<TimeExpr>> = doc
        .paragraphs
        .iter()
        .zip(&paragraph_figures)
        .map(|(p, figures)| {
            if figures.is_empty() {
                return Vec::new();
            }
            times::find_in(text, tokens::inside(&stream, p.clone()), date)
                .into_iter()
                .filter(|t| t.kind != TimeKind::Name)
                .collect()
        })
        .collect();

    let mut facts = Vec::new();
    let mut next_group = 1;
    let mut last_anchor: Option<String> = None;
    for pi in 0..doc.paragraphs.len() {
        let first_sentence = paragraph_of.partition_point(|&p| p < pi);
        let end_sentence = paragraph_of.partition_point(|&p| p <= pi);
        let paragraph_toks = &paragraph_toks[pi];
        let mut figures = std::mem::take(&mut paragraph_figures[pi]);
        if figures.is_empty() {
            // Nothing of the paragraph becomes a fact, and periods carry only within a
            // paragraph: its times are never asked for. Only the subject carries on.
            if let Some(a) =
                last_anchor_in(&anchors, &sentence_ranges[first_sentence..end_sentence])
            {
                last_anchor = Some(a.name.clone());
            }
            continue;
        }
        let times = &paragraph_times[pi];
        figures.retain(|q| {
            !times
                .iter()
                .any(|t| t.span[0] <= q.span[0] && q.span[1] <= t.span[1])
        });
        figures.sort_by_key(|q| q.span[0]);
        let mut carried_period: Option<Period> = None;
        let mut applied_period: Option<Period> = None;
        // The subject of the paragraph's last figure: the paragraph goes on about it.
        let mut paragraph_subject: Option<String> = None;
        for range in &sentence_ranges[first_sentence..end_sentence] {
            let in_sentence: Vec<&Quantity> = figures
                .iter()
                .filter(|q| range.start <= q.span[0] && q.span[1] <= range.end)
                .collect();
            // A sentence without figures is read for its times and names only: its cue words
            // and clauses are never asked for.
            let sentence_toks = if in_sentence.is_empty() {
                &paragraph_toks[..0]
            } else {
                let first_tok = paragraph_toks.partition_point(|t| t.start < range.start);
                let end_tok = paragraph_toks.partition_point(|t| t.end <= range.end);
                &paragraph_toks[first_tok..end_tok]
            };
            let sentence = Sentence::new(text, sentence_toks);
            // `14% less than in 2022`, `compared with last year`: a base of comparison, not the
            // period a figure holds for.
            let sentence_times: Vec<&TimeExpr> = times
                .iter()
                .filter(|t| {
                    range.start <= t.span[0]
                        && t.span[1] <= range.end
                        && t.kind != TimeKind::Comparison
                })
                .collect();
            let first_anchor = anchors.partition_point(|a| a.start < range.start);
            let end_anchor = anchors.partition_point(|a| a.start < range.end);
            let sentence_anchors = &anchors[first_anchor..end_anchor.max(first_anchor)];
            let figure_clauses: HashSet<usize> = in_sentence
                .iter()
                .map(|q| sentence.clause_of(q.span[0]))
                .collect();
            let opening_time = sentence_times
                .iter()
                .filter(|t| usable_period(t).is_some())
                .find(|t| !figure_clauses.contains(&sentence.clause_of(t.span[0])))
                .filter(|t| in_sentence.iter().all(|q| q.span[0] > t.span[0]))
                .copied();

            // `in the region ... in Karaganda, Temirtau and Zhezkazgan`: members of a list of
            // places that lie in another place named in the sentence are not candidates for a
            // subject; the container is.
            let listed = if in_sentence.is_empty() {
                HashSet::default()
            } else {
                listed_in_container(text, sentence_anchors, &within)
            };
            let groups = groups(&in_sentence);
            let mut group_ids: HashMap<usize, u32> = HashMap::default();
            for (qi, q) in in_sentence.iter().enumerate() {
                let clause = sentence.clause_of(q.span[0]);
                let fig_tok = sentence.tok_at(q.span[0]);
                let metric = metric(text, &sentence, q, fig_tok);
                // The nearest time of the clause, measured edge to edge; on a tie the one
                // after the figure (`from 7.1 trillion in 2021 to 8.4 trillion in 2022`).
                let own_time = sentence_times
                    .iter()
                    .copied()
                    .filter(|t| {
                        usable_period(t).is_some() && sentence.clause_of(t.span[0]) == clause
                    })
                    .min_by_key(|t| {
                        if t.span[0] >= q.span[1] {
                            (t.span[0] - q.span[1], 0)
                        } else {
                            (q.span[0].saturating_sub(t.span[1]), 1)
                        }
                    });
                // A time in another clause of the sentence, unless it is a plan's deadline
                // (`seven zones were formed, whose 207 projects run until 2030`).
                let sentence_time = || {
                    nearest(
                        sentence_times
                            .iter()
                            .copied()
                            .filter(|t| usable_period(t).is_some() && t.kind != TimeKind::Deadline),
                        q.span[0],
                        |t| t.span[0],
                    )
                };
                let time = match own_time {
                    Some(t) => Some(t),
                    None => opening_time.or_else(sentence_time),
                };
                let mut period = match time {
                    Some(t) => usable_period(t),
                    None if metric == Metric::Capacity => None,
                    None => carried_period,
                };
                if let Some(t) = time.filter(|t| t.kind != TimeKind::Deadline) {
                    applied_period = usable_period(t).or(applied_period);
                }
                // The earlier state of `from 5.3 to 5.2 percent` holds for the period before,
                // unless a time of its own follows it (`from 7.1 trillion in 2021 to ...`).
                let own_time_follows = time.is_some_and(|t| t.span[0] >= q.span[1]);
                if !own_time_follows && is_first_state(text, &sentence, q, fig_tok) {
                    period = period.map(previous);
                }
                // `inflation slowed to 9.8% in December`, said in January: last December.
                let planned_cue = planned_by_cue(text, &sentence, fig_tok, q);
                if let (Some(t), Some(p), Some(d)) = (time, period, date) {
                    let sub_year = matches!(
                        p,
                        Period::Month(..) | Period::Quarter(..) | Period::Half(..)
                    );
                    if t.kind == TimeKind::Point && sub_year && p.bounds().0 > d && !planned_cue {
                        period = Some(shift_year(p, -1));
                    }
                }
                let deadline_pending = own_time.is_some_and(|t| {
                    t.kind == TimeKind::Deadline
                        && match (t.period, date) {
                            (Some(p), Some(d)) => p.bounds().1 >= d,
                            _ => true,
                        }
                });
                let future = match (period, date) {
                    (Some(p), Some(d)) => p.bounds().0 > d,
                    _ => false,
                };
                let status = if deadline_pending || future || planned_cue {
                    Status::Planned
                } else {
                    Status::Actual
                };
                if period.is_none() && status == Status::Actual {
                    period = date.map(|d| Period::Year(d.year()));
                }
                let subject = subject(q, clause, &sentence, sentence_anchors, &listed, &within)
                    .or_else(|| {
                        paragraph_subject.clone().or_else(|| {
                            carried_subject(last_anchor.as_deref(), topic.as_deref(), &within)
                        })
                    });
                if subject.is_some() {
                    paragraph_subject.clone_from(&subject);
                }
                let measure = measure(text, &sentence, q, fig_tok, metric);
                let group = groups.get(qi).copied().flatten().map(|g| {
                    *group_ids.entry(g).or_insert_with(|| {
                        next_group += 1;
                        next_group - 1
                    })
                });
                let object = object(text, paragraph_toks, q, &in_sentence, &groups, qi);
                facts.push(Fact {
                    doc: ctx.doc.to_string(),
                    text: q.text.clone(),
                    value: q.value,
                    unit: q.unit.clone(),
                    qualifier: q.qualifier,
                    metric: Some(metric),
                    measure: Some(measure),
                    subject,
                    period,
                    status: Some(status),
                    equivalents: q.equivalents.clone(),
                    per: q.per.clone(),
                    group,
                    object,
                    span: q.span,
                    sentence: text[range.clone()].to_string(),
                });
            }
            // A sentence's time carries to the next ones of its paragraph; a stock on a day
            // (`as of January 1`) does not.
            let opening = opening_time
                .filter(|t| t.kind != TimeKind::Deadline)
                .and_then(usable_period);
            if let Some(p) = opening.or(applied_period) {
                if !matches!(p, Period::Day(_)) {
                    carried_period = Some(p);
                }
            }
            if let Some(a) = sentence_anchors.last() {
                last_anchor = Some(a.name.clone());
            }
        }
    }

    Extraction {
        facts,
        entities,
        date,
        date_source,
        diagnostics: crate::diagnostics::find(text, &stream, &doc.paragraphs),
    }
}

/// The last anchor that starts inside one of `sentences` (in text order).
fn last_anchor_in<'a>(anchors: &'a [Anchor], sentences: &[Range<usize>]) -> Option<&'a Anchor> {
    sentences.iter().rev().find_map(|range| {
        let end = anchors.partition_point(|a| a.start < range.end);
        anchors[..end].last().filter(|a| a.start >= range.start)
    })
}

/// A time's period, unless it is the date a statement was made (`on Dec. 9`), which says
/// when something was said, not when the figure holds.
fn usable_period(t: &TimeExpr) -> Option<Period> {
    match (t.kind, t.period) {
        (TimeKind::Point, Some(Period::Day(_))) => None,
        (TimeKind::Name, _) => None,
        (_, p) => p,
    }
}

fn nearest<'a, T: 'a>(
    items: impl Iterator<Item = &'a T>,
    pos: usize,
    at: impl Fn(&T) -> usize,
) -> Option<&'a T> {
    items.min_by_key(|t| at(t).abs_diff(pos))
}

fn shift_year(p: Period, by: i32) -> Period {
    match p {
        Period::Year(y) => Period::Year(y + by),
        Period::Half(y, h) => Period::Half(y + by, h),
        Period::Quarter(y, q) => Period::Quarter(y + by, q),
        Period::Month(y, m) => Period::Month(y + by, m),
        other => other,
    }
}

/// The period before: the previous year, half, quarter, month or day.
fn previous(p: Period) -> Period {
    match p {
        Period::Year(y) => Period::Year(y - 1),
        Period::Half(y, 1) => Period::Half(y - 1, 2),
        Period::Half(y, h) => Period::Half(y, h - 1),
        Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
        Period::Quarter(y, q) => Period::Quarter(y, q - 1),
        Period::Month(y, 1) => Period::Month(y - 1, 12),
        Period::Month(y, m) => Period::Month(y, m - 1),
        Period::Day(d) => Period::Day(d.pred_opt().unwrap_or(d)),
        interval => interval,
    }
}

/// The lower-case form of word `i` of the sentence, borrowed when the text already is.
fn word<'a>(text: &'a str, s: &Sentence<'_>, i: usize) -> Option<Cow<'a, str>> {
    s.toks
        .get(i)
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| lower(t.text(text)))
}

/// `decreased ... from 5.3 to 5.2 percent`: the figure after `from` is the earlier state.
fn is_first_state(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> bool {
    fig_tok >= 1
        && q.direction.is_none()
        && word_is(text, s.toks, fig_tok - 1, &["from"])
        && s.toks[..fig_tok - 1].iter().rev().take(8).any(|t| {
            crate::lexicon::LEXICONS
                .directions_before
                .starting_at(text, std::slice::from_ref(t), 0)
                .is_some()
        })
}

fn planned_by_cue(text: &str, s: &Sentence<'_>, fig_tok: usize, q: &Quantity) -> bool {
    let clause = s.clause_of(q.span[0]);
    // Before the figure, anywhere earlier in the sentence, unless a past auxiliary follows the cue.
    // A relative clause (`..., which loses 40 percent`) has a tense of its own.
    if let Some(&cue) = s.status_cues.iter().rev().find(|&&c| c < fig_tok) {
        let relative =
            (cue + 1..fig_tok).any(|i| word_is(text, s.toks, i, &["which", "who", "whose"]));
        if !relative && !s.blockers.iter().any(|&b| b >= cue && b < fig_tok) {
            return true;
        }
    }
    // After the figure, within its clause, until a past auxiliary or a new predicate.
    let end_tok = s.tok_at(q.span[1]);
    for i in end_tok..s.toks.len() {
        if s.clause_of(s.toks[i].start) != clause {
            break;
        }
        if s.blockers.binary_search(&i).is_ok() {
            return false;
        }
        if s.status_cues.binary_search(&i).is_ok() {
            return true;
        }
        // `employs 1,600 workers and will reach ...`: `and` before a verb starts another
        // predicate; before a number (`$736.5 billion and 10,000 jobs will`) it does not.
        if word_is(text, s.toks, i, &["and", "but", "while", "which"]) {
            let number_follows = s.toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Num)
                || word(text, s, i + 1).is_some_and(|w| {
                    crate::lexicon::LEXICONS
                        .number_words
                        .contains_key(w.as_ref())
                });
            if !number_follows {
                return false;
            }
        }
    }
    false
}

fn metric(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> Metric {
    let cues = &*CUES;
    let by_unit = match q.kind {
        QuantityKind::Rank => return Metric::Rank,
        QuantityKind::Count | QuantityKind::Measure => {
            let m = q
                .unit
                .as_deref()
                .and_then(|u| cues.unit_metric.get(u).copied())
                .unwrap_or(Metric::Other);
            // `12 kindergartens for 2,880 children`: the places of a facility.
            let for_facility = fig_tok >= 2
                && word_is(text, s.toks, fig_tok - 1, &["for"])
                && s.toks[..fig_tok - 1].iter().rev().take(4).any(|t| {
                    let w = lower(t.text(text));
                    crate::lexicon::LEXICONS
                        .counted_nouns
                        .starting_at(text, std::slice::from_ref(t), 0)
                        .is_some_and(|(_, lemma)| {
                            cues.unit_metric.get(lemma) == Some(&Metric::Infrastructure)
                        })
                        || cues.unit_metric.get(w.as_ref()) == Some(&Metric::Infrastructure)
                });
            if q.kind == QuantityKind::Count && for_facility {
                return Metric::Infrastructure;
            }
            // A quantity produced or handled per day or year is a capacity.
            if q.kind == QuantityKind::Measure
                && q.per.is_some()
                && matches!(m, Metric::Output | Metric::Infrastructure)
            {
                Some(Metric::Capacity)
            } else {
                Some(m)
            }
        }
        _ => None,
    };
    let clause = s.clause_of(q.span[0]);
    let fig_end_tok = s.tok_at(q.span[1]);
    // `88.5% of the region's output`: a share takes the metric of its whole, written after it.
    let whole_after =
        q.kind == QuantityKind::Percent && word_is(text, s.toks, fig_end_tok, &["of", "in"]);
    let mut best: Option<((bool, bool, usize), Metric)> = None;
    for &(i, n, m, percent_only) in &s.metric_cues {
        if i >= fig_tok && i < fig_end_tok {
            continue;
        }
        {
            let allowed = match (by_unit, q.kind) {
                (Some(u), _) => refinements(u).contains(&m),
                (None, QuantityKind::Money) => MONEY_METRICS.contains(&m) && !percent_only,
                (None, QuantityKind::Percent) => true,
                (None, _) => !percent_only,
            };
            if allowed {
                let other_clause = s.clause_of(s.toks[i].start) != clause;
                let before = i < fig_tok;
                let dist = if before {
                    fig_tok - (i + n - 1)
                } else {
                    i - fig_end_tok + 1
                };
                // Ties go to the cue before the figure, or after it for a share of a whole.
                let key = (
                    other_clause,
                    whole_after && before,
                    dist * 2 + usize::from(before == whole_after),
                );
                if best.is_none_or(|(b, _)| key < b) {
                    best = Some((key, m));
                }
            }
        }
    }
    match (by_unit, best) {
        (Some(_), Some(((false, _, _), m))) => m,
        (Some(u), _) => u,
        (None, Some((_, m))) => m,
        (None, None) => match q.kind {
            QuantityKind::Money => Metric::Investment,
            _ => Metric::Other,
        },
    }
}

fn measure(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize, metric: Metric) -> Measure {
    if q.direction.is_some() || q.kind == QuantityKind::Multiplier {
        return Measure::Change;
    }
    if q.fraction {
        return Measure::Share;
    }
    if q.kind != QuantityKind::Percent {
        return Measure::Level;
    }
    let before =
        |w: &str| (fig_tok.saturating_sub(4)..fig_tok).any(|i| word_is(text, s.toks, i, &[w]));
    if before("index") || q.value >= 100.0 {
        return Measure::Index;
    }
    if matches!(
        metric,
        Metric::Unemployment | Metric::Prices | Metric::Employment
    ) || before("rate")
    {
        return Measure::Level;
    }
    Measure::Share
}

/// The places and organisations named in the text, with persons standing for the place or
/// body of their role. A dateline (`ASTANA –` opening a paragraph) is not an anchor.
fn anchors(text: &str, entities: &[Entity], paragraphs: &[Range<usize>]) -> Vec<Anchor> {
    let mut res = Vec::new();
    for e in entities {
        let name = match e.kind {
            EntityKind::Person => match &e.role_of {
                Some(of) => of.clone(),
                None => continue,
            },
            _ => e.name.clone(),
        };
        let place = entities::lookup(&e.name);
        for m in &e.mentions {
            let dateline = paragraphs
                .binary_search_by_key(&m.span[0], |p| p.start)
                .is_ok()
                && text[m.span[1]..].trim_start().starts_with(['–', '—', '-']);
            // `a Chinese company`, `investors from Russia`, `according to the Statistics
            // Committee`: an origin, a partner or a source, not what the figure is about.
            let adjective =
                place.is_some_and(|p| p.adjectives.iter().any(|a| a.eq_ignore_ascii_case(&m.text)));
            // The longest origin or source cue is `according to the`: 24 bytes suffice.
            let mut from = m.span[0].saturating_sub(24);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let before = lower(text[from..m.span[0]].trim_end()).into_owned();
            let source_or_origin = ["from", "with", "according to", "by"].iter().any(|w| {
                let cue = before.strip_suffix(" the").unwrap_or(&before);
                before.strip_suffix(w).is_some_and(|b| b.ends_with(' '))
                    || cue.strip_suffix(w).is_some_and(|b| b.ends_with(' '))
            });
            if !dateline && !adjective && !source_or_origin {
                res.push(Anchor {
                    start: m.span[0],
                    len: m.span[1] - m.span[0],
                    name: name.clone(),
                });
            }
        }
    }
    res.sort_by_key(|a| a.start);
    res
}

/// Which place lies within which: the part_of relation of the entities found, beside the
/// gazetteer's, with every answer remembered, since the same few names of a document are
/// asked about for each of its figures.
struct Containment {
    part_of: HashMap<String, String>,
    known: RefCell<HashMap<String, HashMap<String, bool>>>,
}

impl Containment {
    fn new(entities: &[Entity]) -> Self {
        Containment {
            part_of: entities
                .iter()
                .filter_map(|e| e.part_of.as_ref().map(|p| (e.name.clone(), p.clone())))
                .collect(),
            known: RefCell::default(),
        }
    }

    fn is_within(&self, name: &str, ancestor: &str) -> bool {
        if let Some(&answer) = self
            .known
            .borrow()
            .get(name)
            .and_then(|of_name| of_name.get(ancestor))
        {
            return answer;
        }
        let answer = self.find_within(name, ancestor);
        self.known
            .borrow_mut()
            .entry(name.to_string())
            .or_default()
            .insert(ancestor.to_string(), answer);
        answer
    }

    fn find_within(&self, name: &str, ancestor: &str) -> bool {
        if name == ancestor {
            return false;
        }
        let mut cur = name;
        for _ in 0..8 {
            match self.part_of.get(cur) {
                Some(p) if p == ancestor => return true,
                Some(p) => cur = p,
                None => break,
            }
        }
        entities::is_within(cur, ancestor) || entities::is_within(name, ancestor)
    }
}

/// Drops every candidate that contains another one: the narrowest places remain.
fn narrowest<'a>(cands: &[&'a Anchor], within: &Containment) -> Vec<&'a Anchor> {
    cands
        .iter()
        .filter(|a| !cands.iter().any(|b| within.is_within(&b.name, &a.name)))
        .copied()
        .collect()
}

/// The document's topic: the narrowest place or organisation of the first paragraph that names one.
fn topic(anchors: &[Anchor], paragraphs: &[Range<usize>], within: &Containment) -> Option<String> {
    for p in paragraphs {
        let first = anchors.partition_point(|a| a.start < p.start);
        let in_p: Vec<&Anchor> = anchors[first..]
            .iter()
            .take_while(|a| a.start < p.end)
            .collect();
        if let Some(a) = narrowest(&in_p, within).first() {
            return Some(a.name.clone());
        }
    }
    None
}

/// The starts of anchors that stand in a list (`A, B and C`) and lie in another anchor of
/// the same sentence.
fn listed_in_container(text: &str, anchors: &[Anchor], within: &Containment) -> HashSet<usize> {
    let mut res = HashSet::default();
    let mut i = 0;
    while i < anchors.len() {
        let mut j = i;
        while j + 1 < anchors.len() {
            let end = anchors[j].start + anchors[j].len;
            let between = text.get(end..anchors[j + 1].start).unwrap_or("x");
            let words: Vec<&str> = between
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .collect();
            let joins = words.iter().all(|w| *w == "and" || *w == "or")
                && (between.contains(',') || !words.is_empty());
            if !joins {
                break;
            }
            j += 1;
        }
        if j > i {
            for m in &anchors[i..=j] {
                if anchors.iter().any(|c| within.is_within(&m.name, &c.name)) {
                    res.insert(m.start);
                }
            }
        }
        i = j + 1;
    }
    res
}

fn subject(
    q: &Quantity,
    clause: usize,
    s: &Sentence<'_>,
    anchors: &[Anchor],
    listed: &HashSet<usize>,
    within: &Containment,
) -> Option<String> {
    let anchors: Vec<&Anchor> = anchors
        .iter()
        .filter(|a| !listed.contains(&a.start))
        .collect();
    let own: Vec<&Anchor> = anchors
        .iter()
        .filter(|a| s.clause_of(a.start) == clause)
        .copied()
        .collect();
    let pool = if own.is_empty() {
        anchors.to_vec()
    } else {
        own
    };
    let cands = narrowest(&pool, within);
    // `in the region ... in Karaganda, Temirtau and Zhezkazgan`: several places of one
    // named container speak of the container.
    let distinct: HashSet<&str> = cands.iter().map(|a| a.name.as_str()).collect();
    if distinct.len() >= 2 {
        if let Some(container) = pool
            .iter()
            .find(|c| distinct.iter().all(|n| within.is_within(n, &c.name)))
        {
            return Some(container.name.clone());
        }
    }
    nearest(cands.iter().copied(), q.span[0], |a| a.start).map(|a| a.name.clone())
}

/// With nothing named in the sentence: the last name before it, or the topic when the
/// topic lies inside that place (an article about a zone mentions its city in passing).
fn carried_subject(
    last: Option<&str>,
    topic: Option<&str>,
    within: &Containment,
) -> Option<String> {
    match (last, topic) {
        (Some(l), Some(t)) if within.is_within(t, l) => Some(t.to_string()),
        (Some(l), _) => Some(l.to_string()),
        (None, t) => t.map(str::to_string),
    }
}

/// Figures of one sentence that describe the same thing: a run of figures of different
/// sorts (things counted, money, jobs, area) shares a group; a repeated sort starts a new
/// one. Single figures have no group.
fn groups(figs: &[&Quantity]) -> Vec<Option<usize>> {
    fn sort_of(q: &Quantity) -> &'static str {
        match (q.kind, q.unit.as_deref()) {
            (QuantityKind::Money, _) => "money",
            (QuantityKind::Count, Some("job")) => "jobs",
            (QuantityKind::Count, _) => "things",
            (QuantityKind::Measure, _) => "measure",
            _ => "other",
        }
    }
    let mut ids = vec![None; figs.len()];
    let mut start = 0;
    let mut seen: HashSet<&str> = HashSet::default();
    let mut gid = 0;
    let close = |ids: &mut Vec<Option<usize>>, from: usize, to: usize, gid: &mut usize| {
        if to - from >= 2 {
            for id in &mut ids[from..to] {
                *id = Some(*gid);
            }
            *gid += 1;
        }
    };
    for (i, q) in figs.iter().enumerate() {
        let sort = sort_of(q);
        if sort == "other" || seen.contains(sort) {
            close(&mut ids, start, i, &mut gid);
            start = i;
            seen.clear();
        }
        if sort == "other" {
            start = i + 1;
            continue;
        }
        seen.insert(sort);
    }
    close(&mut ids, start, figs.len(), &mut gid);
    ids
}

/// What is counted or funded: a count's noun phrase, or for the other figures of a group
/// the things counted in it.
fn object(
    text: &str,
    paragraph_toks: &[Tok],
    q: &Quantity,
    figs: &[&Quantity],
    groups: &[Option<usize>],
    qi: usize,
) -> Option<String> {
    let noun_phrase = |q: &Quantity| -> Option<String> {
        let first = paragraph_toks.partition_point(|t| t.start < q.span[0]);
        let end = paragraph_toks.partition_point(|t| t.end <= q.span[1]);
        let toks = &paragraph_toks[first..end.max(first)];
        let lex = &*crate::lexicon::LEXICONS;
        let first_word = (0..toks.len()).find(|&i| {
            toks[i].kind == TokKind::Word
                && !lex
                    .number_words
                    .contains_key(lower(toks[i].text(text)).as_ref())
                && lex.scales.starting_at(text, toks, i).is_none()
        })?;
        let start = toks[first_word].start;
        Some(text[start..q.span[1]].to_string())
    };
    if q.kind == QuantityKind::Count && q.unit.as_deref() != Some("job") {
        return Some(q.text.clone());
    }
    if let Some(g) = groups[qi] {
        if let Some(thing) = figs.iter().zip(groups).find(|(f, gg)| {
            **gg == Some(g) && f.kind == QuantityKind::Count && f.unit.as_deref() != Some("job")
        }) {
            return Some(thing.0.text.clone());
        }
    }
    if q.kind == QuantityKind::Count {
        return noun_phrase(q);
    }
    None
}
