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

mod metric;
mod object;
mod period;
mod sentence;
mod status;
mod subject;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use chrono::Datelike;

use crate::entities;
use crate::fact::{Fact, Status};
use crate::period::Period;
use crate::quantities::{self, Quantity};

use crate::times::{self, TimeExpr, TimeKind};
use crate::tokens::tokenize;
use crate::{document, sentences, DateSource, DocContext, Extraction};
use metric::{measure, metric};
use object::{groups, object};
#[cfg(test)]
pub(crate) use period::PERIOD_CUES;
use period::{
    end_state, is_first_state, is_second_state, is_state, refers_back, report_period,
    report_wins_over_to_date, shift_year, start_state, usable_period, whole_year,
};
use sentence::Sentence;
#[cfg(test)]
pub(crate) use sentence::CUES;
use status::{planned_by_cue, status_of};
#[cfg(test)]
pub(crate) use subject::SUBJECT_CUES;
use subject::{
    anchors, continues_previous, listed_in_container, subject, theme, topic, Containment, Role,
};

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
    let entities = entities::find(text, &sentence_ranges);
    let mut adjectives = Vec::new();
    let anchors = anchors(text, &entities, &doc.paragraphs, &mut adjectives);
    let within = Containment::new(&entities);
    let title = title(text, &doc.paragraphs);
    let topic = topic(
        &anchors,
        &adjectives,
        &doc.paragraphs,
        title.as_ref(),
        &within,
    );
    // The title and the first two paragraphs of the body say what period a report covers.
    let front_end = doc
        .paragraphs
        .len()
        .min(if title.is_some() { 3 } else { 2 });
    let report = report_period(text, &doc.paragraphs[..front_end], &sentence_ranges, date);
    // The period of the plans of the last sentence, or its deadline: a plan in the next
    // sentence with no time of its own takes it (`By the end of 2026 ... Eight projects
    // will ...`).
    let mut previous_plan_period: Option<Period> = None;

    let mut facts = Vec::new();
    let mut next_group = 1;
    // What the last sentence was about: the subject of its last figure, else the last place
    // or organisation it names.
    let mut previous_subject: Option<String> = None;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let first_sentence = paragraph_of.partition_point(|&p| p < pi);
        let end_sentence = paragraph_of.partition_point(|&p| p <= pi);
        let paragraph_toks = tokenize(text, p.clone());
        let mut figures: Vec<Quantity> = quantities::find_in(text, &paragraph_toks);
        figures.retain(|q| q.fact_worthy);
        if figures.is_empty() {
            let end = anchors.partition_point(|a| a.start < p.end);
            if let Some(a) = anchors[..end]
                .iter()
                .rev()
                .take_while(|a| a.start >= p.start)
                .find(|a| a.role == Role::Named)
            {
                previous_subject = Some(a.name.clone());
            }
            previous_plan_period = None;
            continue;
        }
        let times: Vec<TimeExpr> = times::find(text, p.clone(), date)
            .into_iter()
            .filter(|t| t.kind != TimeKind::Name)
            .collect();
        figures.retain(|q| {
            !times
                .iter()
                .any(|t| t.span[0] <= q.span[0] && q.span[1] <= t.span[1])
        });
        figures.sort_by_key(|q| q.span[0]);
        let mut paragraph_theme: Option<String> = None;
        let mut carried_period: Option<Period> = None;
        let mut applied_period: Option<Period> = None;
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
            let sentence = Sentence::new(text, sentence_toks, &in_sentence);
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
            // `during this period`, `compared to the same period of 2024`, `year-on-year`.
            let back = !in_sentence.is_empty()
                && (refers_back(&text[range.clone()])
                    || times.iter().any(|t| {
                        t.kind == TimeKind::Comparison
                            && range.start <= t.span[0]
                            && t.span[1] <= range.end
                    }));
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
            let mut sentence_subject: Option<String> = None;
            // The period of the sentence's first plan, for a plan in the next sentence.
            let mut sentence_plan_period: Option<Period> = None;
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
                let measure = measure(text, &sentence, q, fig_tok, metric);
                // `during this period`, `compared to the same period of 2024`, a span to date
                // inside the period the document reports on: that period.
                let mut period = match time {
                    Some(t)
                        if t.kind == TimeKind::ToDate
                            && report
                                .zip(t.period)
                                .is_some_and(|(r, p)| report_wins_over_to_date(p, r)) =>
                    {
                        report
                    }
                    Some(t) => usable_period(t),
                    None if back && report.is_some() => {
                        applied_period = report;
                        report
                    }
                    None => None,
                };
                let from_own_words = time.is_some();
                if let Some(t) = time.filter(|t| t.kind != TimeKind::Deadline) {
                    applied_period = usable_period(t).or(applied_period);
                }
                // The earlier state of `from 5.3 to 5.2 percent` holds for the period before
                // (the start of a span: `from 21% to 73%` over the past eight years), unless a
                // time of its own follows it (`from 7.1 trillion in 2021 to ...`).
                let own_time_follows = time.is_some_and(|t| t.span[0] >= q.span[1]);
                let first_state = !own_time_follows && is_first_state(text, &sentence, q, fig_tok);
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
                let status = status_of(
                    text,
                    &sentence,
                    q,
                    fig_tok,
                    metric,
                    deadline_pending,
                    future,
                );
                if period.is_none() {
                    period = match status {
                        // A plan with no time of its own takes the time of the plans or the
                        // deadline said just before it (`By the end of 2026 ... Eight projects
                        // will be implemented for this purpose`), else none.
                        Status::Planned => previous_plan_period,
                        // What is achieved takes the time its paragraph set, else the year the
                        // document reports on when that year is over (a governor's report on
                        // 2021 given in 2022), else the document's year.
                        Status::Actual => carried_period
                            .or(report.filter(|r| matches!(r, Period::Year(_))))
                            .or_else(|| date.map(|d| Period::Year(d.year()))),
                    };
                }
                // The two states of `from 21% to 73%` over a span stand at its start and its
                // end; a level said of a span of years it did not name (`accounts for 37%`
                // after `over the past eight years`) stands at its end. A change over the span,
                // or what accumulated in it, keeps the span.
                if first_state {
                    period = period.map(start_state);
                } else if is_second_state(text, &sentence, fig_tok)
                    || !from_own_words && is_state(q, measure)
                {
                    period = period.map(end_state);
                }
                // `a capacity of 25,000 tons annually` holds for a year, not for the month a
                // plant opened in.
                if q.per.as_deref() == Some("year") {
                    period = period.map(whole_year);
                }
                if status == Status::Planned {
                    sentence_plan_period = sentence_plan_period.or(period);
                }
                // A sentence that names nothing points back to what the sentence before was
                // about (`The plant will ...`), else goes on about what its paragraph made
                // its grammatical subject (`The zone has placed ... Some 76 participants
                // invested ...`), else is about the document's topic.
                let subject = subject(text, q, &sentence, sentence_anchors, &listed, &within)
                    .or_else(|| {
                        continues_previous(text, range.start)
                            .then(|| previous_subject.clone())
                            .flatten()
                    })
                    .or_else(|| paragraph_theme.clone())
                    .or_else(|| topic.clone());
                sentence_subject.clone_from(&subject);
                let group = groups.get(qi).copied().flatten().map(|g| {
                    *group_ids.entry(g).or_insert_with(|| {
                        next_group += 1;
                        next_group - 1
                    })
                });
                let object = object(text, q, &in_sentence, &groups, qi);
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
            previous_plan_period = sentence_plan_period.or_else(|| {
                sentence_times
                    .iter()
                    .filter(|t| t.kind == TimeKind::Deadline)
                    .find_map(|t| usable_period(t))
            });
            if let Some(a) = theme(text, range, sentence_anchors) {
                paragraph_theme = Some(a.name.clone());
            }
            if let Some(a) = sentence_subject.or_else(|| {
                sentence_anchors
                    .iter()
                    .rev()
                    .find(|a| a.role == Role::Named)
                    .map(|a| a.name.clone())
            }) {
                previous_subject = Some(a);
            }
        }
    }

    Extraction {
        facts,
        entities,
        date,
        date_source,
        diagnostics: Vec::new(),
    }
}

/// The title: a first paragraph of one short line that does not end a sentence.
fn title(text: &str, paragraphs: &[Range<usize>]) -> Option<Range<usize>> {
    let first = paragraphs.first()?;
    let line = text[first.clone()].trim();
    let ends_sentence = line.ends_with(['.', '!', '?', ':', ';']);
    (paragraphs.len() > 1 && !line.contains('\n') && line.len() <= 200 && !ends_sentence)
        .then(|| first.clone())
}

pub(super) fn nearest<'a, T: 'a>(
    items: impl Iterator<Item = &'a T>,
    pos: usize,
    at: impl Fn(&T) -> usize,
) -> Option<&'a T> {
    items.min_by_key(|t| at(t).abs_diff(pos))
}

#[cfg(test)]
mod tests;
