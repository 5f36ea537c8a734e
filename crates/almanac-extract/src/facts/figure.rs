//! One figure read into a fact: its metric, its time, its period and status, its subject,
//! each a step that reads what the steps before decided.

use chrono::Datelike;

use super::country::{in_quote, named_country, national_voice};
use super::frame::{Here, Memory, ParagraphCarry, SentenceSoFar};
use super::measure::measure;
use super::metric::{is_place_statistic, is_statistic_figure, names_a_project_before};
use super::metric_of::metric_of;
use super::nearest;
use super::object::object;
use super::period::{
    achieved_over, clause_in_present_perfect, clause_says_now, clause_tells_a_stock,
    dates_a_founding, dates_a_telling, end_state, is_first_state, is_interval, is_second_state,
    is_state, opens_contrast, past_a_plan, plan_of_the_year, refers_to_same_date,
    report_wins_over_to_date, revises, shift_year, start_state, usable_period, whole_year,
    NOW_WORDS,
};
use super::previous::PreviousFigure;
use super::sentence::Sentence;
use super::status::{self, planned_by_cue, status_of, When};
use super::subject::{about_the_works, is_place, part_in_a_place, subject, sums_up};
use crate::fact::{Fact, Measure, Metric, Status};
use crate::period::{Period, Simple};
use crate::quantities::{Quantity, QuantityKind};
use crate::times::{TimeExpr, TimeKind};
use crate::tokens::word_is;
use crate::Lang;

/// A figure of the sentence: the quantity, its place among the sentence's figures, its
/// clause and its first token.
pub(super) struct Figure<'h> {
    pub(super) q: &'h Quantity,
    pub(super) qi: usize,
    pub(super) clause: usize,
    pub(super) tok: usize,
}

/// The fact of the `qi`th figure of the sentence, with no group yet, and whether its own
/// words dated it.
pub(super) fn read_figure(
    h: &Here<'_>,
    qi: usize,
    paragraph: &mut ParagraphCarry<'_>,
    memory: &mut Memory,
    so_far: &mut SentenceSoFar,
) -> (Fact, bool) {
    let text = h.text;
    let q = h.in_sentence[qi];
    let f = Figure {
        q,
        qi,
        clause: h.sentence.clause_of(q.span[0]),
        tok: h.sentence.tok_at(q.span[0]),
    };
    let (metric, parallel_measure) = metric_of(h, &f, memory, so_far);
    if metric == Metric::Prices && so_far.prices_before.is_none() {
        so_far.prices_before = Some(f.clause);
    }
    // A column the table's header calls an index holds indices, below 100 too.
    let measure = if h.frame.index_column.contains(&q.span[0]) {
        Measure::Index
    } else {
        parallel_measure.unwrap_or_else(|| measure(text, &h.sentence, q, f.tok, metric))
    };
    let planned_cue = planned_by_cue(text, &h.sentence, f.tok, q);
    let timing = time_of(h, &f, planned_cue, measure);
    let mut dated = period_of_time(h, &f, &timing, planned_cue, paragraph, memory);
    let (status, plan_start) = status_and_period(
        h,
        &f,
        metric,
        &timing,
        &mut dated,
        planned_cue,
        paragraph,
        memory,
    );
    if dated.period.is_none() {
        dated.period = undated_period(h, &f, status, metric, measure, paragraph, so_far);
    }
    let period = adjusted_period(
        h, &f, status, metric, measure, &timing, &dated, plan_start, so_far,
    );

    if status == Status::Planned && timing.time.is_some() {
        so_far.plan_period = so_far.plan_period.or(period);
    }
    memory.housing_floor_area |= metric == Metric::Housing && q.unit.as_deref() == Some("m2");
    if metric != Metric::Rank {
        match q.kind {
            QuantityKind::Money => memory.last_money_metric = Some(metric),
            QuantityKind::Percent => memory.last_rate_metric = Some(metric),
            _ => {}
        }
    }
    if status == Status::Actual && matches!(period, Some(Period::Day(_))) {
        memory.previous_day = period;
    }
    so_far.figures.push(PreviousFigure {
        status,
        period,
        unit: q.unit.clone(),
        value: q.value,
        counted: q.kind == QuantityKind::Count,
        metric,
        measure,
        paragraph: h.paragraph,
        earlier_state: dated.from_state
            || status::set_against(text, q)
            // `, compared with $61 million in 2022`
            || f.clause > 0 && opens_contrast(text, &h.sentence, f.clause),
    });
    let subject = subject_of(h, &f, metric, measure, paragraph, memory);
    // A part placed by its own `in` hands on the whole's subject, not its place's.
    let part = part_in_a_place(text, q);
    if !part {
        so_far.subject.clone_from(&subject);
    } else if so_far.subject.is_none() {
        so_far.subject.clone_from(&memory.previous_subject);
    }
    // The first place a sentence gives a statistic of: one it is set against after it
    // (`, above the 13.2% recorded for Kazakhstan`) is a comparison, not what the next
    // sentences go on about.
    if is_statistic_figure(metric, measure) && so_far.statistic_place.is_none() && !part {
        if let Some(p) = subject.as_deref().filter(|p| is_place(p)) {
            so_far.statistic_place = Some(p.to_string());
        }
    }
    let object = object(text, h.paragraph_toks, q, &h.in_sentence, &h.groups, qi);
    let fact = Fact {
        doc: h.frame.doc_id.to_string(),
        text: q.text.clone(),
        value: q.value,
        value_high: q.high,
        unit: q.unit.clone(),
        qualifier: q.qualifier,
        metric: Some(metric),
        measure: Some(measure),
        subject,
        period,
        status: Some(status),
        equivalents: q.equivalents.clone(),
        per: q.per.clone().or_else(|| per_of_context(h, &f, metric)),
        group: None,
        object,
        span: q.span,
        sentence: text[h.range.clone()].to_string(),
    };
    (fact, dated.from_own_words)
}

/// Whether the first word of a Russian sentence is an infinitive (`ru::tense::is_infinitive`).
fn opens_with_infinitive(text: &str, sentence: &super::sentence::Sentence<'_>) -> bool {
    sentence
        .toks
        .iter()
        .find(|t| t.kind == crate::tokens::TokKind::Word)
        .is_some_and(|first| {
            crate::ru::tense::is_infinitive(&crate::tokens::plain_lower(first.text(text)))
        })
}

/// The times that date a figure: the one of its own clause, and the one it takes.
struct Timing<'h> {
    own_time: Option<&'h TimeExpr>,
    time: Option<&'h TimeExpr>,
}

/// The time that dates the figure: the nearest of its clause, else `now` of a count that
/// stands now, else the time that opens the sentence, else the nearest of the sentence.
fn time_of<'h>(h: &Here<'h>, f: &Figure<'_>, planned_cue: bool, measure: Measure) -> Timing<'h> {
    let text = h.text;
    let date = h.frame.date;
    let sentence = &h.sentence;
    let (q, clause) = (f.q, f.clause);
    // The nearest time of the clause, measured edge to edge; on a tie the one
    // after the figure (`from 7.1 trillion in 2021 to 8.4 trillion in 2022`).
    // `employs 1,600 workers and will reach its capacity in 2022`: the time of a
    // plan told after the figure's predicate is the plan's alone.
    let of_figure = |t: &&TimeExpr| {
        (planned_cue || !past_a_plan(text, sentence, q, t))
            && !dates_a_telling(text, t)
            && !super::period::dates_a_cause(text, q, t)
            && !super::period::measures_a_record(text, t)
    };
    // `снизился до 4,4% с 4,9% в 2021 году`, `fell to 4.4% from 4.9% in 2021`,
    // `142,6 млрд тенге против 118,3 млрд тенге в 2017 году`: a time after the
    // earlier state or the figure compared that follows the figure is that one's.
    // `fell to 14.8% from 16.9% in 2018, or by 2.1 percentage points`: nor is a
    // time right after the earlier state before the figure.
    let of_a_state_after = |t: &TimeExpr| {
        let is_state = |o: &Quantity| {
            crate::tokens::word_before(text, o.span[0]).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "с" | "со" | "from" | "против" | "against" | "versus"
                )
            })
        };
        t.span[0] >= q.span[1]
            && h.in_sentence
                .iter()
                .any(|o| o.span[0] >= q.span[1] && o.span[1] <= t.span[0] && is_state(o))
            || t.span[1] <= q.span[0]
                && h.in_sentence.iter().any(|o| {
                    o.span[1] <= t.span[0]
                        && matches!(text[o.span[1]..t.span[0]].trim(), "" | "in" | "в")
                        && (is_first_state(text, sentence, o, sentence.tok_at(o.span[0]))
                            || status::set_against(text, o)
                            // `с 63% в прошлом году до 68%`: the state `до` reaches.
                            || is_state(o)
                                && crate::tokens::word_before(text, q.span[0])
                                    .is_some_and(|w| matches!(w.as_str(), "до" | "to")))
                })
    };
    let own_time = h
        .sentence_times
        .iter()
        .copied()
        .filter(of_figure)
        .filter(|t| {
            usable_period(t, date).is_some() && sentence.clause_of_time(text, t.span) == clause
        })
        .filter(|t| !of_a_state_after(t))
        .min_by_key(|t| {
            if t.span[0] >= q.span[1] {
                (t.span[0] - q.span[1], 0)
            } else {
                (q.span[0].saturating_sub(t.span[1]), 1)
            }
        });
    // `promised for 2023 at a cost of $30 million, has been rescheduled to 2024`,
    // `19 have been moved to 2024`: a date moved to is the new deadline of the figures
    // its clause counts; not of one that another count of its kind follows (`247 were
    // commissioned and 19 moved to 2024`). It dates the figures of the clauses before
    // only when its clause goes on with their subject (`..., has been rescheduled`), they
    // tell nothing done, and the figure has no time of its own but a promised one.
    let promised_time = |t: &TimeExpr| {
        let before = &text[text.floor_char_boundary(t.span[0].saturating_sub(24))..t.span[0]];
        let before = crate::tokens::lower(before.trim_end());
        let before = ["for", "in", "by", "на", "к", "в"]
            .iter()
            .find_map(|p| before.strip_suffix(p).filter(|b| b.ends_with(' ')))
            .unwrap_or(&before)
            .trim_end();
        [
            "promised",
            "planned",
            "scheduled",
            "due",
            "expected",
            "обещали",
            "обещан",
        ]
        .iter()
        .any(|w| before.ends_with(w))
    };
    let moved = h
        .sentence_times
        .iter()
        .copied()
        .filter(|t| t.span[0] >= q.span[1] && super::period::rescheduled_to(text, t))
        .find(|t| {
            let to_clause = sentence.clause_of(t.span[0]);
            let recounted = h
                .in_sentence
                .iter()
                .any(|o| o.span[0] >= q.span[1] && o.span[1] <= t.span[0] && o.unit == q.unit);
            if recounted || usable_period(t, date).is_none() {
                return false;
            }
            if to_clause == clause {
                return true;
            }
            // The clause's first word, past a closing bracket (`(cost 6.8 billion tenge,
            // 150 jobs) has been rescheduled`): a verb, or `its` before the noun of a
            // launch (`его запуск перенесён`).
            let clause_toks = sentence.clause_toks(to_clause);
            let opens = clause_toks
                .clone()
                .rfind(|&k| sentence.toks[k].end <= t.span[0] && sentence.toks[k].text(text) == ")")
                .map_or(clause_toks.start, |k| k + 1);
            let word_at = |k: usize| {
                sentence
                    .toks
                    .get(k)
                    .map(|w| crate::tokens::plain_lower(w.text(text)))
                    .unwrap_or_default()
            };
            let first = word_at(opens);
            let goes_on = matches!(
                first.as_ref(),
                "has" | "have" | "had" | "was" | "were" | "is" | "are" | "will"
            ) || crate::ru::tense::is_done(&first)
                || first.starts_with("перенес")
                || matches!(first.as_ref(), "its" | "его" | "её" | "ее" | "их")
                    && [
                        "launch",
                        "opening",
                        "commissioning",
                        "completion",
                        "запуск",
                        "ввод",
                        "открытие",
                        "сдача",
                        "завершение",
                    ]
                    .contains(&word_at(opens + 1).as_ref());
            let told_done = (clause..to_clause).any(|c| {
                sentence.has_word_starting(text, sentence.clause_toks(c), status::COMPLETION_STEMS)
            });
            goes_on && !told_done && own_time.is_none_or(promised_time)
        });
    let own_time = moved.or(own_time.filter(|t| !super::period::rescheduled_to(text, t)));
    // `began in 2017 with 6 hectares and now covers 48`: a `now` between the clause's time
    // and the figure tells the figure of the present, as a clause of its own would; a time
    // the figure is counted for (`GDP for 2019 is now put at`) stays its own.
    let counted_for = |t: &TimeExpr| {
        let first = t.text.split_whitespace().next().unwrap_or("");
        let before = crate::tokens::word_before(text, t.span[0]);
        ["for", "of", "за"]
            .iter()
            .any(|p| first.eq_ignore_ascii_case(p) || before.as_deref() == Some(*p))
    };
    let own_time = own_time.filter(|t| {
        t.span[1] > q.span[0]
            || counted_for(t)
            || !sentence.toks.iter().any(|tok| {
                tok.start >= t.span[1] && tok.start < q.span[0] && tok.is_word_in(text, NOW_WORDS)
            })
    });
    // `than in the dry year of 2020, when 3.1 million tonnes were gathered`: a
    // clause opened by `when` is of the time right before it, even the time of a
    // comparison.
    let own_time = own_time.or_else(|| {
        let first = sentence.toks.get(sentence.clause_toks(clause).start)?;
        if !first.is_word_in(text, &["when", "когда"]) {
            return None;
        }
        h.times_here.iter().find(|t| {
            t.span[1] <= first.start
                && text[t.span[1]..first.start].trim() == ","
                && usable_period(t, date).is_some()
        })
    });
    // A time in another clause of the sentence, unless it is a plan's deadline
    // or when something was founded (`The plant, launched in 2022, now employs
    // 310 people`: the staff is counted now), or the time of another figure set
    // against this one (`rose 13.7%, while inflation slowed to 9.8% in
    // December`).
    let sentence_time = || {
        nearest(
            h.sentence_times
                .iter()
                .copied()
                .filter(of_figure)
                .filter(|t| usable_period(t, date).is_some() && t.kind != TimeKind::Deadline)
                .filter(|t| !super::period::rescheduled_to(text, t))
                .filter(|t| !dates_a_founding(text, sentence, t))
                .filter(|t| !of_a_state_after(t))
                .filter(|t| {
                    let c = sentence.clause_of(t.span[0]);
                    c <= clause
                        || !tells_of_a_name(text, sentence, c)
                            && (!h.figure_clauses.contains(&c)
                                || !opens_contrast(text, sentence, c))
                }),
            q.span[0],
            |t| t.span[0],
        )
    };
    // `the zone now has 24 participants`: a count that stands now.
    let now = (own_time.is_none() && clause_says_now(text, sentence, clause))
        .then_some(h.frame.now_time)
        .flatten();
    let time = match own_time.or(now) {
        Some(t) => Some(t),
        None => h
            .opening_time
            .filter(|t| !dates_a_founding(text, sentence, t))
            .or_else(sentence_time),
    };
    // `over the past five years the number grew 31% and as of July 1 stood at
    // 8,400`: a change is of the span before it, the level of the day.
    let time = match time {
        Some(t)
            if measure == Measure::Change
                && matches!(usable_period(t, date), Some(Period::Day(_))) =>
        {
            h.sentence_times
                .iter()
                .copied()
                .filter(|s| s.span[1] <= q.span[0])
                .rfind(|s| usable_period(s, date).is_some_and(is_interval))
                .or(Some(t))
        }
        t => t,
    };
    Timing { own_time, time }
}

/// The period a figure's time gives it, and how it stands to the figures beside it.
struct Dated {
    period: Option<Period>,
    /// Its own words dated it.
    from_own_words: bool,
    /// A time of its own follows it before any other figure.
    own_time_follows: bool,
    /// It is the earlier state of `from 5.3 to 5.2 percent`.
    from_state: bool,
    /// ... and no time of its own follows it.
    first_state: bool,
}

/// The period of the figure's time; with none, the day or span the sentence points back
/// to. Keeps the paragraph's applied period up to date.
fn period_of_time(
    h: &Here<'_>,
    f: &Figure<'_>,
    timing: &Timing<'_>,
    planned_cue: bool,
    paragraph: &mut ParagraphCarry<'_>,
    memory: &Memory,
) -> Dated {
    let text = h.text;
    let date = h.frame.date;
    let sentence = &h.sentence;
    let report = h.frame.report;
    let (q, fig_tok) = (f.q, f.tok);
    let time = timing.time;
    // `during this period`, `compared to the same period of 2024`, a span to date
    // inside the period the document reports on: that period.
    // A span of months named earlier in the paragraph (`in January-October`, `for
    // 10 months`) wins over a year-to-date phrase as the span the document reports
    // on does; a quarter said of another figure does not.
    let months_carried = paragraph
        .carried_period
        .filter(|p| matches!(p, Period::Interval(Simple::Month(..), Simple::Month(..))));
    // Russian reports name the span in the paragraph that states it: the span of
    // the lead does not win over `с начала года` said elsewhere (dev-ru README).
    let report_span = report.filter(|_| !h.russian);
    let named_span = |t: &TimeExpr| {
        [months_carried, report_span]
            .into_iter()
            .flatten()
            .find(|r| {
                t.kind == TimeKind::ToDate
                    && t.period.is_some_and(|p| report_wins_over_to_date(p, *r))
            })
    };
    // `paid 41.3 billion soms over the year` in a report on 2019 published in March 2020:
    // what was done over the year the document reports on, which is over. A plan (`will
    // open 15 kindergartens over the year`) is of the year it is said in.
    let the_year_reported = |t: &TimeExpr| {
        let words = t.text.to_ascii_lowercase();
        let done_over = !planned_cue
            && t.kind == TimeKind::Point
            && ["over", "during", "throughout"].iter().any(|p| {
                words
                    .strip_prefix(p)
                    .is_some_and(|w| w.trim_start() == "the year")
            });
        report.filter(|r| {
            done_over && matches!(r, Period::Year(y) if date.is_some_and(|d| *y < d.year()))
        })
    };
    let mut period = match time {
        Some(t) if named_span(t).is_some() => named_span(t),
        // `postponed until 2026`: the date moved to, not the span up to it.
        Some(t) if super::period::rescheduled_to(text, t) => {
            usable_period(t, date).map(Period::last)
        }
        Some(t) => the_year_reported(t).or_else(|| usable_period(t, date)),
        // `grew threefold in the same period`: with no report period, the period
        // of the figure before.
        // `over the past five years ... grew 31% and as of July 1 stood at 8,400.
        // During this period ...`: the span, not the day of the stock after it.
        // `As of July 1, ... On the same date, ...`: the day of the figures before.
        None if refers_to_same_date(h.lower()) && memory.previous_day.is_some() => {
            memory.previous_day
        }
        None if h.refers_back() => {
            let actual = || {
                h.previous_figures
                    .iter()
                    .rev()
                    .filter(|f| f.status == Status::Actual)
            };
            let before = actual()
                .find_map(|f| f.period.filter(|p| is_interval(*p)))
                .or_else(|| {
                    h.previous_figure()
                        .filter(|f| f.status == Status::Actual)
                        .and_then(|f| f.period)
                });
            paragraph.applied_period = report.or(before).or(paragraph.applied_period);
            report.or(before)
        }
        None => None,
    };
    let from_own_words = time.is_some();
    // The earlier state of `from 5.3 to 5.2 percent` holds for the period before
    // (the start of a span: `from 21% to 73%` over the past eight years), unless a
    // time of its own follows it (`from 7.1 trillion in 2021 to ...`).
    // A time after the second state (`to 30% by 2026`) is the plan's, not this one's.
    let own_time_follows = time.is_some_and(|t| {
        t.span[0] >= q.span[1]
            && !sentence.figure_between(sentence.tok_at(q.span[1]), sentence.tok_at(t.span[0]))
    });
    // `growth for 2023 was revised from 3.1% to 3.4%`: a revision's two figures
    // are of one period.
    let from_state = (is_first_state(text, sentence, q, fig_tok)
        || h.russian && crate::ru::refs::first_of_two_states(text, q.span))
        && !revises(&text[h.range.start..q.span[0]]);
    let first_state = from_state && !own_time_follows;
    // A time still ahead (`another 48 km next year`) dates a plan, never what the
    // next sentences report as done; nor does the time of a figure set against
    // another (`, against 12.4 centners last year`), or of the earlier state of a
    // change that it follows (`fell to 14.8% from 16.9% in 2018`).
    if let Some(t) = time.filter(|t| {
        let earlier_states_own = from_state && own_time_follows;
        !matches!(t.kind, TimeKind::Deadline | TimeKind::Duration)
            && !opens_contrast(text, sentence, sentence.clause_of(t.span[0]))
            && !earlier_states_own
    }) {
        paragraph.applied_period = named_span(t)
            .or(the_year_reported(t))
            .or(usable_period(t, date))
            .filter(|p| date.is_none_or(|d| p.bounds().0 <= d))
            .or(paragraph.applied_period);
    }
    // `inflation slowed to 9.8% in December`, said in January: last December.
    if let (Some(t), Some(p), Some(d)) = (time, period, date) {
        let sub_year = matches!(
            p,
            Period::Month(..) | Period::Quarter(..) | Period::Half(..)
        );
        // `set for March 2026`: a year written out is that year.
        let year_written = t
            .text
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4);
        if t.kind == TimeKind::Point
            && sub_year
            && p.bounds().0 > d
            && !planned_cue
            && !year_written
            && !super::period::rescheduled_to(text, t)
        {
            period = Some(shift_year(p, -1));
        }
    }
    Dated {
        period,
        from_own_words,
        own_time_follows,
        from_state,
        first_state,
    }
}

/// The figure's status, and the period the figures it belongs with give it when it has
/// none; whether it is where a plan starts.
#[allow(clippy::too_many_arguments)]
fn status_and_period(
    h: &Here<'_>,
    f: &Figure<'_>,
    metric: Metric,
    timing: &Timing<'_>,
    dated: &mut Dated,
    planned_cue: bool,
    paragraph: &mut ParagraphCarry<'_>,
    memory: &Memory,
) -> (Status, bool) {
    let text = h.text;
    let date = h.frame.date;
    let sentence = &h.sentence;
    let (q, fig_tok, clause) = (f.q, f.tok, f.clause);
    let time = timing.time;
    let period = &mut dated.period;
    let deadline_pending = timing.own_time.is_some_and(|t| {
        (t.kind == TimeKind::Deadline || super::period::rescheduled_to(text, t))
            && match (t.period, date) {
                (Some(p), Some(d)) => p.bounds().1 >= d,
                _ => true,
            }
    });
    let future = match (*period, date) {
        (Some(p), Some(d)) => p.bounds().0 > d,
        _ => false,
    };
    let mut status = status_of(
        text,
        sentence,
        q,
        fig_tok,
        metric,
        When {
            deadline_pending,
            future,
            in_title: h.frame.title.is_some_and(|t| t.contains(&q.span[0])),
            cued: planned_cue,
        },
    );
    // `In June 146 agreements worth $26.6 billion were signed`: the time of the signing
    // is no deadline of what the agreements promise, which stays undated (FACTS.md).
    if status == Status::Planned
        && !planned_cue
        && !deadline_pending
        && !future
        && !matches!(*period, Some(Period::Interval(..)))
        && status::agreed(text, sentence, q, fig_tok)
    {
        *period = None;
    }
    // `Among them are 21 strategic and 52 regional projects`: the parts of what the
    // sentence before counted hold as that did, unless they have a time or a verb
    // of the future of their own.
    // The whole may stand in the sentence with figures before that one, past one that
    // says more of it (`The average loan was ...`), in the same paragraph or the one
    // before: a level no smaller than its part.
    if time.is_none() && !planned_cue {
        let broken_down = (h.breakdown || h.back_reference.breakdown)
            .then(|| {
                h.previous_figures
                    .iter()
                    .rev()
                    .find(|f| f.unit.is_some() && f.unit == q.unit)
                    .or_else(|| {
                        h.earlier_figures.iter().rev().find(|f| {
                            f.unit.is_some()
                                && f.unit == q.unit
                                && f.value >= q.value
                                && f.measure == Measure::Level
                                && f.paragraph + 1 >= h.paragraph
                        })
                    })
            })
            .flatten();
        let part_of = h.whole.filter(|f| f.unit == q.unit);
        // `Полностью завершены только 39 из них`, `71 have been carried out`:
        // parts told as done are done, whatever the plan they are parts of.
        let told_done = || {
            if h.russian {
                sentence.toks.iter().any(|t| {
                    t.kind == crate::tokens::TokKind::Word
                        && crate::ru::tense::is_past(&crate::tokens::plain_lower(t.text(text)))
                })
            } else {
                !sentence.blockers.is_empty()
            }
        };
        if let Some(f) = broken_down
            .or(part_of)
            .filter(|f| f.status != Status::Planned || !told_done())
        {
            status = f.status;
            // A span the parts take from their whole holds for the paragraph they open,
            // as a span of their own words would (`The money came from ...`).
            if period.is_none() && status == Status::Actual {
                paragraph.applied_period = paragraph
                    .applied_period
                    .or(f.period.filter(|p| is_interval(*p)));
            }
            *period = period.or(f.period);
        }
    }
    // `The plant will make cabins. Investment in the project amounts to ...`:
    // what a project told as a plan just before costs or brings is planned too.
    if paragraph.sentence_plans
        && time.is_none()
        && !clause_in_present_perfect(text, sentence, clause)
        && !clause_tells_a_stock(text, sentence, clause)
        && sentence.blockers.is_empty()
        && h.frame.lang == Lang::English
        && names_a_project_before(h.lower(), q.span[1] - h.range.start)
    {
        status = Status::Planned;
    }
    // `Общая стоимость данных проектов`: what was counted before, as it was.
    // `этих проектов` opening a paragraph points back across its break, to the
    // status and, for a plan, the deadline of what was counted.
    if h.back_reference.points_back && time.is_none() && !planned_cue {
        if let Some(f) = h.previous_here().or(h.previous_figure()) {
            status = f.status;
            if status == Status::Planned {
                *period = period.or(f.period);
            }
        }
    }
    // `2. a mill: 6 billion tenge, 80 jobs, due in June;`: an item of a list
    // that has no tense, cue or time of its own
    // holds as the figures that introduced the list did, and one due at a time
    // not yet past is a plan. So is an item of a list of plans whose own time is
    // not yet over (`- a bridge: 0.6 km, $41 million, completion in 2026;` in
    // February 2026).
    if h.list_item && !planned_cue && sentence.blockers.is_empty() {
        let own_time_ahead = period.zip(date).is_some_and(|(p, d)| p.bounds().1 >= d);
        if h.deadline
            .is_some_and(|d| date.is_none_or(|date| d.bounds().1 >= date))
        {
            status = Status::Planned;
        } else if let Some((lead_status, lead_period, _)) =
            memory.list_lead.filter(|&(lead_status, _, _)| {
                (time.is_none() || lead_status == Status::Planned && own_time_ahead)
                    && sentence.status_cues.is_empty()
            })
        {
            status = lead_status;
            *period = period.or(lead_period);
        }
    }
    // `– создать за пять лет 120 тыс. рабочих мест;`: an item of a list (a Russian one is
    // often marked by a dash, which the document reader leaves in the item) that opens with
    // an infinitive is a task set, not a result.
    let dashed = sentence
        .toks
        .first()
        .is_some_and(|t| matches!(t.text(text), "–" | "—" | "-"));
    if h.russian && (h.list_item || dashed) && opens_with_infinitive(text, sentence) {
        status = Status::Planned;
    }
    // `will increase from 32 to 40 million tons`: where a plan starts is where
    // things stand, now unless a span of the plan says when it starts.
    let plan_start = dated.first_state && status == Status::Planned;
    // `is to grow from 148 at the start of 2025 to 180`: where a plan starts,
    // dated by its own time, stands as things stood then.
    if dated.from_state && dated.own_time_follows && status == Status::Planned && !future {
        status = Status::Actual;
    }
    if plan_start {
        status = Status::Actual;
        if !matches!(period, Some(Period::Interval(..))) {
            *period = None;
        }
    }
    // `за три года построено 39 школ`: a count of years ahead of a plan is, for what
    // is done, the span that ends at the document's year; the years of a programme
    // over and reviewed when they are as many.
    if status == Status::Actual && time.is_some_and(|t| t.kind == TimeKind::Duration) {
        *period = period.map(|p| achieved_over(p, h.frame.programme));
    }
    (status, plan_start)
}

/// The period of a figure with no time of its own.
///
/// A plan takes a deadline of its sentence (`will reach 9,000 hectares by 2030, and its
/// population 150,000 people`), else the period of the sentence's first plan, else the time
/// of the plans or the deadline said just before it (`By the end of 2026 ... Eight projects
/// will be implemented for this purpose`), unless it is set in a future left undated (`In
/// the future, ...`).
///
/// What is achieved takes the time its paragraph set, else the year the document reports
/// on when that year is over (a governor's report on 2021 given in 2022), else the
/// document's year. A plan's time said before (`will open next year`) is no time of what is
/// achieved. A report on the year just ended speaks of its present in the present perfect
/// (`a company has started building a plant worth ...`, `which already sells ...`): that
/// is the document's year. What a reviewed programme has achieved is of the years it has
/// run: all of them once it is over; while it still runs, what it has done so far (`71 have
/// been carried out`); never what stands now or still (`до сих пор пользуются привозной
/// водой`). A year inside them said of another figure does not date it.
fn undated_period(
    h: &Here<'_>,
    f: &Figure<'_>,
    status: Status,
    metric: Metric,
    measure: Measure,
    paragraph: &ParagraphCarry<'_>,
    so_far: &SentenceSoFar,
) -> Option<Period> {
    let text = h.text;
    let date = h.frame.date;
    let sentence = &h.sentence;
    let programme = h.frame.programme;
    let (q, clause) = (f.q, f.clause);
    // `Of the 1.6 trillion tenge allocated, 1.52 trillion was spent`, `instead of the
    // planned 25,000 jobs, 21,400 were created`: the plan a result is measured against is
    // of the time the result is, dated as that is.
    let measured = status == Status::Planned
        && (status::money_its_spending_is_measured_against(text, sentence, q, f.tok)
            || status::promised_right_before(text, q)
                && h.in_sentence
                    .iter()
                    .any(|o| o.span != q.span && o.unit == q.unit));
    let status = if measured { Status::Actual } else { status };
    match status {
        Status::Planned if h.in_open_future() => None,
        Status::Planned if status::plan_set_against(text, q) => {
            so_far.figures.last().and_then(|f| f.period)
        }
        // `Ведется строительство электростанции мощностью 160 МВт`: what a
        // facility of its own is to bring does not take the deadline of the
        // project told before.
        Status::Planned => h
            .deadline
            .or(so_far.plan_period)
            .or(programme.map(|r| r.span))
            .or_else(|| {
                date.filter(|_| plan_of_the_year(h.lower()))
                    .map(|d| Period::Year(d.year()))
            })
            .or(paragraph.plan_period.filter(|_| {
                !(h.russian
                    && matches!(metric, Metric::Capacity | Metric::Jobs)
                    && crate::ru::works::builds_its_own(h.lower()))
            }))
            .or(h.frame.budget_year.filter(|_| metric == Metric::Budget)),
        Status::Actual => {
            let achieved = programme
                .filter(|r| {
                    let still = || {
                        clause_says_now(text, sentence, clause)
                            || h.lower().contains("still")
                            || h.lower().contains("до сих пор")
                    };
                    r.is_over() && !still()
                        || clause_in_present_perfect(text, sentence, clause)
                        || h.lower().contains("so far")
                        || h.lower().contains("to date")
                })
                .map(|r| r.to_date);
            let inside = |p: &Period| achieved.is_some_and(|r| r.contains(*p));
            // A count or share of `other` may be a stock (`head` of cattle); money of
            // `other` flows (payments, loans issued).
            let stock = metric == Metric::Other && q.kind != QuantityKind::Money
                || matches!(
                    metric,
                    Metric::Employment
                        | Metric::Unemployment
                        | Metric::Vacancies
                        | Metric::Companies
                        | Metric::Infrastructure
                        | Metric::Capacity
                        | Metric::Area
                );
            let counted_that_day = |day: Period| {
                q.kind != QuantityKind::Percent
                    && h.previous_figures
                        .iter()
                        .rev()
                        .take_while(|f| f.paragraph + 1 >= h.paragraph)
                        .any(|f| f.period == Some(day) && f.unit.is_some() && f.unit == q.unit)
            };
            paragraph
                .carried_day
                .filter(|&(day, every_stock)| stock && (every_stock || counted_that_day(day)))
                .map(|(day, _)| day)
                .or(paragraph.carried_period)
                .filter(|p| date.is_none_or(|d| p.bounds().0 <= d))
                .filter(|p| !inside(p))
                .or(achieved)
                .or(h.frame.told.filter(|r| {
                    let stock = clause_tells_a_stock(text, sentence, clause);
                    if matches!(r, Period::Year(_)) {
                        !stock && !clause_in_present_perfect(text, sentence, clause)
                    } else {
                        // A growth rate or a share in a report on part of a
                        // year is of that part, and so is money that flows
                        // in it (output, revenue, spending, investment); a
                        // stock, a rank or a GRP may be of the last whole
                        // year. A Russian release that names its report on
                        // part of a year reports every figure for that part
                        // (`итоги ... за первое полугодие`); one whose lead
                        // opens on the span only what flows in it, as above.
                        // Housing commissioned and jobs created flow in the
                        // part too, unless a stock is told (`has 900 jobs`) or
                        // the present perfect speaks of the present.
                        h.russian && h.frame.report.is_some()
                            || matches!(measure, Measure::Change | Measure::Index | Measure::Share)
                            || matches!(metric, Metric::Housing | Metric::Jobs)
                                && !stock
                                && !clause_in_present_perfect(text, sentence, clause)
                            || q.kind == QuantityKind::Money
                                && matches!(
                                    metric,
                                    Metric::Output
                                        | Metric::Budget
                                        | Metric::Trade
                                        | Metric::Investment
                                        | Metric::Fdi
                                        | Metric::Income
                                )
                                && !stock
                            // Goods made or traded in it (`41.3 thousand
                            // tonnes` of exports) flow in it too.
                            || q.kind != QuantityKind::Money
                                && matches!(metric, Metric::Output | Metric::Trade)
                                && !stock
                            // Traffic too, but not a day's average (`540 trucks
                            // a day`, `ежедневно в среднем`), which is of now.
                            || metric == Metric::Transport
                                && q.kind != QuantityKind::Money
                                && q.per.is_none()
                                && !stock
                                && !tells_an_average(text, sentence, clause)
                    }
                }))
                .or_else(|| date.map(|d| Period::Year(d.year())))
        }
    }
}

/// The period as the figure's place among the figures beside it sets it: a figure set
/// against another, the two states of a change, a yearly rate.
#[allow(clippy::too_many_arguments)]
fn adjusted_period(
    h: &Here<'_>,
    f: &Figure<'_>,
    status: Status,
    metric: Metric,
    measure: Measure,
    timing: &Timing<'_>,
    dated: &Dated,
    plan_start: bool,
    so_far: &SentenceSoFar,
) -> Option<Period> {
    let text = h.text;
    let date = h.frame.date;
    let sentence = &h.sentence;
    let range = h.range;
    let (q, fig_tok) = (f.q, f.tok);
    let mut period = dated.period;
    let mut first_state = dated.first_state;
    // `against 251,000 tonnes a year earlier`, `против 13,4 центнера годом ранее`:
    // the figure set against another holds for the time compared right after it,
    // a year before the figure's own when that time counts back from it.
    // The earlier state of `rose to 61% from 55% on 1 January` holds for the day
    // written right after it.
    let compared_after = |words: &[&str]| {
        h.times_here.iter().find(|t| {
            t.kind == TimeKind::Comparison
                && t.span[0] >= q.span[1]
                && t.span[1] <= range.end
                && words.contains(&text[q.span[1]..t.span[0]].trim())
        })
    };
    // Only when the news has a day of its own (`As of 1 September, ... had risen to 61%
    // from 55% on 1 January`): in `cut the rate to 16% from 16.5% on 6 October` the day is
    // when the change came.
    let news_day = || {
        h.sentence_times
            .iter()
            .any(|t| t.kind == TimeKind::AsOf && matches!(t.period, Some(Period::Day(_))))
    };
    if dated.from_state && !dated.own_time_follows && !h.russian {
        if let Some(t) = compared_after(&["on", "at", "as of"])
            .filter(|t| t.text.bytes().any(|b| b.is_ascii_digit()) && news_day())
        {
            period = usable_period(t, date).or(period);
            first_state = false;
        }
    } else if status::set_against(text, q) {
        if let Some(t) = compared_after(&["", "in", "в"]) {
            // `against 280,000 tonnes in 2021` names its year; `a year
            // earlier` counts back from the figure's own.
            let names_a_year = t.text.bytes().filter(u8::is_ascii_digit).count() >= 4;
            period = if names_a_year {
                usable_period(t, date).or(period)
            } else {
                so_far
                    .figures
                    .last()
                    .and_then(|f| f.period)
                    .map(|p| shift_year(p, -1))
                    .or(period)
            };
        }
    }
    // `Loan book: 36.1 trillion soums (2024: 30.0 trillion)`: the year that labels a
    // figure in brackets is its period.
    if let Some(t) = h.times_here.iter().find(|t| {
        t.kind == TimeKind::Comparison
            && t.span[1] <= q.span[0]
            && text[t.span[1]..q.span[0]].trim_end().ends_with(':')
            && text[t.span[1]..q.span[0]].len() <= 8
            && crate::times::labels_bracketed_figure(text, t.span)
    }) {
        period = usable_period(t, date).or(period);
    }
    let compared_a_year_before = period.is_some_and(|p| {
        h.times_here.iter().any(|t| {
            t.kind == TimeKind::Comparison
                && t.span[1] <= range.end
                && t.period.is_some_and(|c| {
                    // `a year earlier` resolves against the document's year,
                    // which a December said in January lies before.
                    c.end_year() + 1 == p.end_year() || c.end_year() == p.end_year()
                })
        })
    });
    // The two states of `from 21% to 73%` over a span stand at its start and its
    // end; a level said of a span of years it did not name (`accounts for 37%`
    // after `over the past eight years`) stands at its end. A change over the span,
    // or what accumulated in it, keeps the span.
    // `снизился с 4,9% до 4,8%` with no time of its own: the text does not say
    // when the earlier state held (dev-ru README, "two states").
    if h.russian && first_state && !dated.from_own_words && !plan_start {
        period = None;
    } else if first_state && compared_a_year_before {
        // `up from 10.5 percent in the corresponding period of 2017`, `to 9.8% in
        // December from 20.3% a year earlier`: the same span a year before.
        period = period.map(|p| shift_year(p, -1));
    } else if first_state && (!plan_start || period.is_some_and(is_interval)) {
        period = period.map(start_state);
    } else if is_second_state(text, sentence, fig_tok)
        || !dated.from_own_words && is_state(q, measure)
    {
        period = period.map(end_state);
    }
    // `a capacity of 25,000 tons annually` holds for a year, not for the month a
    // plant opened in.
    if q.per.as_deref() == Some("year") {
        period = period.map(whole_year);
    }
    // `В 2015 году компания планирует приступить к строительству завода мощностью
    // 500 тысяч тонн`: the year work starts is no deadline of what it is to bring.
    if h.russian
        && status == Status::Planned
        && matches!(metric, Metric::Capacity | Metric::Jobs)
        && timing.time.is_some_and(|t| t.kind != TimeKind::Deadline)
        && crate::ru::works::starts_work(h.lower())
    {
        period = None;
    }
    period
}

/// What a figure that says no rate of its own is per, by what its sentence says: a figure
/// set against an earlier one of its unit is per what that one was (`54.4 centners per
/// hectare, against 51.2 centners last year`, `против 148 200 тенге`); an income the
/// sentence calls monthly is per month (`The average monthly wage made 412,560 tenge`,
/// `Среднемесячная заработная плата составила 128 460 тенге`).
fn per_of_context(h: &Here<'_>, f: &Figure<'_>, metric: Metric) -> Option<String> {
    let q = f.q;
    let per_before = h.in_sentence[..f.qi]
        .iter()
        .rev()
        .find(|b| b.unit.is_some() && b.unit == q.unit)
        .and_then(|b| b.per.as_ref());
    if let Some(per) = per_before.filter(|_| status::set_against(h.text, q)) {
        return Some(per.clone());
    }
    if q.kind != QuantityKind::Money || metric != Metric::Income {
        return None;
    }
    let lower = h.lower();
    let before = lower.get(..q.span[0] - h.range.start).unwrap_or(lower);
    [
        "monthly",
        "a month",
        "per month",
        "среднемесячн",
        "в месяц",
        "ежемесячн",
    ]
    .iter()
    .any(|w| before.contains(w))
    .then(|| "month".to_string())
}

/// What the figure is about: the place or organisation its sentence ties it to.
///
/// A sentence that names nothing points back to what the sentence before was about (`The
/// plant will ...`), else goes on about what its paragraph made its grammatical subject
/// (`The zone has placed ... Some 76 participants invested ...`), else is about the
/// document's topic. `по стране – 1,6%`: the country the document names, else no subject
/// (`ru::subject`); a rank counted in the country is the place ranked.
fn subject_of(
    h: &Here<'_>,
    f: &Figure<'_>,
    metric: Metric,
    measure: Measure,
    paragraph: &ParagraphCarry<'_>,
    memory: &Memory,
) -> Option<String> {
    let text = h.text;
    let frame = h.frame;
    let q = f.q;
    let of_country = h.russian
        && q.kind != QuantityKind::Rank
        && crate::ru::subject::country_scope(text, h.range.clone(), q.span);
    if of_country {
        return named_country(frame.anchors, frame.home, q);
    }
    // English names the country a national figure is of less often than Russian does: the
    // home country stands in for it.
    if !h.russian {
        let in_sentence = || {
            h.anchors
                .iter()
                .filter(|a| h.range.contains(&a.start) && a.role == super::anchors::Role::Named)
        };
        let alone = || in_sentence().all(|a| a.kind == crate::entities::EntityKind::Country);
        if super::country::national_scope(text, h.range.clone(), q, alone) {
            // A country the sentence names, else the document's home country.
            return in_sentence()
                .find(|a| a.kind == crate::entities::EntityKind::Country)
                .map(|a| a.name.clone())
                .or_else(|| named_country(frame.anchors, frame.home, q))
                .or(frame.home.map(str::to_string));
        }
    }
    subject(
        text,
        q,
        &h.sentence,
        h.anchors,
        &h.listed,
        frame.within,
        frame.topic,
    )
    .or_else(|| {
        if sums_up(text, h.range.start) {
            None
        } else if let Some(country) = (metric == Metric::Budget
            && in_quote(&text[frame.paragraphs[h.paragraph].start..q.span[0]]))
        .then(|| {
            national_voice(
                frame.voices,
                frame.paragraphs[h.paragraph.saturating_sub(1)].start,
                q,
            )
        })
        .flatten()
        {
            // `"The budget ran a surplus of 5 billion," the prime minister said`:
            // a national official quoted on the budget speaks of the country's.
            Some(country)
        } else if let Some(company) = frame.protagonist.filter(|_| {
            // `Since then the farm has doubled its herd`, `The mill employs 1,100 people`:
            // the works of the company the story follows, which makes, sells and employs,
            // rather than the place around it; unless the sentence goes on about another
            // company the one before named.
            let after = memory.previous_subject.as_deref();
            matches!(
                metric,
                Metric::ProjectValue
                    | Metric::Capacity
                    | Metric::Output
                    | Metric::Trade
                    | Metric::Jobs
                    | Metric::Employment
                    | Metric::Income
                    | Metric::Area
                    | Metric::Other
            ) && about_the_works(text, h.range.clone())
                && !(h.continues_previous() && after.is_some_and(|p| !is_place(p)))
        }) {
            Some(company.to_string())
        } else if h.continues_previous() {
            memory.previous_subject.clone()
        } else if is_place_statistic(metric)
            || (metric == Metric::Output && measure == Measure::Index)
            || h.cites_statistics()
        {
            // Fixed-capital investment, the economy, prices, an index of the
            // physical volume of output: a place's statistics, never a
            // company's or a zone's.
            // A statistic that follows one of a named place in its paragraph is of
            // that place (`Output of the region grew 3.9%. Fixed capital investment
            // amounted to ...`).
            paragraph
                .statistic_place
                .clone()
                .or_else(|| paragraph.theme.clone().filter(|t| is_place(t)))
        } else if h.others_here {
            // `four more projects`, `another 20 plants`: things besides the
            // company or zone spoken of before, in the place around them.
            paragraph.theme.clone().filter(|t| is_place(t))
        } else {
            paragraph
                .focus
                .clone()
                .or_else(|| paragraph.theme.clone())
                .or_else(|| {
                    // What a company's project is worth and can make; not the output,
                    // exports, jobs, roads or cargo of the place around it, which a
                    // paragraph on the region reports without naming it.
                    matches!(metric, Metric::ProjectValue | Metric::Capacity)
                        .then(|| frame.lead_company.map(str::to_string))
                        .flatten()
                })
        }
    })
    .or_else(|| {
        // `Its results for 2017:` and lines of figures: the company the lead named, or the
        // place, whose statistics they may be.
        memory
            .colon_lead
            .as_ref()
            .filter(|(_, name)| !is_place_statistic(metric) || is_place(name))
            .map(|(_, name)| name.clone())
    })
    .or_else(|| frame.topic.map(str::to_string))
}

/// `traffic averages 1,450 trucks`, `ежедневно проходят в среднем 540 грузовиков`: the
/// figure's clause tells a typical day's or month's count, not a total.
fn tells_an_average(text: &str, s: &Sentence<'_>, clause: usize) -> bool {
    s.clause_toks(clause).any(|i| {
        word_is(
            text,
            s.toks,
            i,
            &[
                "average",
                "averages",
                "averaged",
                "daily",
                "среднем",
                "ежедневно",
                "ежемесячно",
            ],
        )
    })
}

/// Whether clause `clause` of the sentence is a relative clause after a name (`..., 14 школ
/// появятся в городе Туркестане, который в этом году получил статус областного центра`): it
/// tells of the name, and its time is the name's, not the figures'. One after a figure's own
/// words (`a plant worth 24 billion tenge, which will be commissioned in 2020`) tells of what
/// the figure measures; only one after a capitalised word before its comma, told in the past,
/// is set apart.
fn tells_of_a_name(text: &str, s: &Sentence<'_>, clause: usize) -> bool {
    let toks = s.clause_toks(clause);
    let relative = s.toks.get(toks.start).is_some_and(|t| {
        t.is_word_in(text, &["which", "who"])
            || crate::tokens::lower(t.text(text)).starts_with("котор")
    });
    let after_name = toks.start >= 3
        && s.toks[toks.start - 1].text(text) == ","
        && s.toks[toks.start - 2]
            .text(text)
            .starts_with(char::is_uppercase);
    // Only what the name went through (`became a regional centre this year`); one still to
    // come (`which is due to open in 2027`) may be the plan the figures are of.
    let past = s.toks[toks.clone()].iter().any(|t| {
        let w = crate::tokens::plain_lower(t.text(text));
        if t.text(text).is_ascii() {
            matches!(w.as_ref(), "was" | "were" | "became" | "had")
        } else {
            crate::ru::tense::is_past(&w)
                || matches!(
                    w.as_ref(),
                    "стал"
                        | "стала"
                        | "стало"
                        | "стали"
                        | "был"
                        | "была"
                        | "было"
                        | "были"
                )
        }
    });
    relative && after_name && past
}
