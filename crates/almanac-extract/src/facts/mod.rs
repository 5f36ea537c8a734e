//! From quantities to facts: metric, measure, subject, period, status, object and groups.
//!
//! Each figure is read against its sentence, cut into clauses at commas, semicolons and
//! dashes. The rules, in the order a reader applies them:
//!
//! - **period**: a time in the figure's clause (a time alone in the clause before, `and by
//!   2025, ...`, counts as the next clause's); else a time in an earlier clause of the
//!   sentence that holds no figure (`In 2018, the company launched ...`); else, for an
//!   achieved figure, the time that opened an earlier sentence of the paragraph unless it
//!   lies ahead, the period the document reports on (a year; part of a year for a growth
//!   rate), the document's year; for a plan, a deadline of its sentence, else the plan's
//!   time of the sentence before, unless it is set `in the future` (a plan with no time
//!   of its own is not given one from the lead: FACTS.md's null). A time of another figure set against this one (`,
//!   while ...`) or of a plan told after its predicate (`and will reach ... in 2022`) is not
//!   the figure's. Under a report on the year just ended, what the present perfect tells
//!   (`has started building`) or what stands now is of the document's year. The first state
//!   of `from 5.3 to 5.2 percent` after a change verb is the period before (the same span a
//!   year before when the sentence compares with the year before); that of a plan (`will
//!   rise from 12 to 15`) is actual and stands now.
//! - **subject**: the places and organisations named in the figure's clause, else in its
//!   sentence (a person stands for the place or body of their role); a place that contains
//!   another candidate gives way to it (`the city's Alatau district` -> the district); the
//!   nearest wins. A sentence naming none takes the last one named before it, or the
//!   document's topic when that lies inside it.
//! - **status**: planned when a cue (`will`, `plans`, `to create`...) stands before the figure
//!   in its sentence or after it in its clause with no past-tense auxiliary between, when a
//!   deadline in its clause is not yet past, when its period starts after the document date,
//!   when it is an agreement's amount, or when it is of `the project` a plan of the sentence
//!   before told.
//! - **metric**: the unit decides for counts and measures (`job` -> jobs), refined by cue
//!   words; money and percentages take the nearest cue word, preferring their own clause;
//!   investment put in by investors of another country is fdi.
//! - **measure**: a direction (`grew`, `a 5% rise`) or a multiplier makes a change; an
//!   unmoving percentage is an index at 100 or above, a level for rates (unemployment,
//!   prices), otherwise a share.

mod headline;
mod metric;
mod object;
mod period;
mod previous;
mod sentence;
mod status;
mod subject;
mod table;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use chrono::Datelike;

use crate::entities;
use crate::fact::{Fact, Measure, Metric, Status};
use crate::period::{Period, Simple};
use crate::quantities::{self, Quantity};

use crate::times::{self, TimeExpr, TimeKind};
use crate::tokens::{self, to_lowercase, word_is, Tok};
use crate::{document, sentences, DateSource, DocContext, Extraction};
use metric::{
    counts_others, from_foreign_investors, gaps_verb_of_figure_before, is_place_statistic,
    is_statistic_figure, measure, metric, names_a_part_before, names_a_project_before,
    names_figure_before, opens_breakdown, opens_on_part_before, part_of_figure_before,
    part_takes_whole, says_of_figure_before, sector_of_sentence,
};
use object::{groups, object};
#[cfg(test)]
pub(crate) use period::PERIOD_CUES;
use period::{
    achieved_over, budget_year, clause_in_present_perfect, clause_says_now, clause_tells_a_stock,
    dates_a_founding, dates_a_telling, end_state, is_first_state, is_interval, is_second_state,
    is_state, open_future, opens_contrast, past_a_plan, plan_of_the_year, refers_back,
    refers_to_same_date, report_period, report_wins_over_to_date, reviewed_programme, revises,
    shift_year, start_state, states_a_plan, usable_period, whole_year, Front, Told,
};
use previous::{whole_of_parts, PreviousFigure};
use sentence::Sentence;
#[cfg(test)]
pub(crate) use sentence::CUES;
use status::{planned_by_cue, status_of, When};
#[cfg(test)]
pub(crate) use subject::SUBJECT_CUES;
use subject::{
    anchors, continues_previous, focus, in_quote, is_place, listed_in_container, named_country,
    national_voice, subject, sums_up, theme, topic, voices, Anchor, Containment, Role,
};

/// The facts of `text` from its first `max_figures` figures (fact-worthy quantities, in
/// text order), and where the first figure left unread starts when there were more.
pub(crate) fn extract(
    text: &str,
    ctx: &DocContext<'_>,
    max_figures: usize,
) -> (Extraction, Option<usize>) {
    let lang = ctx.lang.unwrap_or_else(|| crate::lang::detect(text));
    if !lang.is_supported() {
        return (unsupported(text, ctx, lang), None);
    }
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
    let mut adjectives = Vec::new();
    let anchors = anchors(
        text,
        &entities,
        &doc.paragraphs,
        &mut adjectives,
        lang == crate::Lang::Russian,
    );
    let within = Containment::new(&entities);
    let voices = voices(&entities);
    let title = title(text, &doc.paragraphs);
    let topic = topic(
        text,
        &anchors,
        &adjectives,
        &doc.paragraphs,
        title.as_ref(),
        &within,
    );
    // The country the document is about: investors of any other are foreign.
    let home = topic.as_deref().and_then(|t| {
        std::iter::once(t)
            .chain(entities::ancestors(t))
            .find(|n| entities::lookup(n).is_some_and(|p| p.kind == entities::EntityKind::Country))
            .map(str::to_string)
    });
    // `now`: the document's year, as a time of the figure's own clause.
    let now_time = date.map(|d| TimeExpr {
        span: [0, 0],
        text: String::new(),
        period: Some(Period::Year(d.year())),
        kind: TimeKind::Point,
    });
    // The figures of the last sentence that had any, for a breakdown of one of them
    // (`Among them are 21 strategic and 52 regional projects`); the last of them for what
    // points back to the figure before.
    let mut previous_figures: Vec<PreviousFigure> = Vec::new();
    // The metric of the document's last percentage and last money, for one whose sentence
    // names nothing it measures.
    let mut last_rate_metric: Option<Metric> = None;
    let mut last_money_metric: Option<Metric> = None;
    // Whether the document has counted housing in square metres.
    let mut housing_floor_area = false;

    // Each layer reads every paragraph before the next layer starts, rather than every layer
    // each paragraph in turn: the code of one layer stays in the instruction cache.
    let paragraph_toks: Vec<Vec<Tok>> = doc
        .paragraphs
        .iter()
        .map(|p| tokens::words(text, tokens::inside(&stream, p.clone())))
        .collect();
    // Each figure becomes a fact holding its sentence, so facts, not text, fill memory: a
    // document of nothing but figures keeps its first `max_figures`, and the paragraphs
    // after the one that reaches them are not even searched.
    let mut figures_left = max_figures;
    // Where the amounts start that took the currency of money before them.
    let mut borrowed_currency: HashSet<usize> = HashSet::default();
    let mut unread_from = None;
    // The units a table's header declares, for the short rows after it, and where the
    // numbers of a column it calls an index start.
    let mut header: Option<table::Columns> = None;
    let mut index_column: HashSet<usize> = HashSet::default();
    let mut paragraph_figures: Vec<Vec<Quantity>> = paragraph_toks
        .iter()
        .zip(&doc.paragraphs)
        .map(|(toks, p)| {
            if unread_from.is_some() {
                return Vec::new();
            }
            let mut figures = match lang {
                crate::Lang::Russian => crate::ru::quantities::find_in(text, toks),
                _ => quantities::find_in(text, toks),
            };
            // In text order from here on: the currency rule reads them so, and so does
            // every sentence of the paragraph below.
            figures.sort_by_key(|q| q.span[0]);
            let paragraph = &text[p.clone()];
            if paragraph.trim_end().ends_with(':') {
                header = table::declared_units(paragraph, lang == crate::Lang::Russian);
            } else if let Some(columns) = header
                .as_ref()
                .filter(|_| paragraph.len() <= table::MAX_ROW)
            {
                index_column.extend(table::fill_row(text, columns, &mut figures));
            } else {
                header = None;
            }
            borrowed_currency.extend(quantities::borrow_currency(text, &mut figures));
            figures.retain(|q| q.fact_worthy);
            if figures.len() > figures_left {
                unread_from = Some(figures[figures_left].span[0]);
                figures.truncate(figures_left);
            }
            figures_left -= figures.len();
            figures
        })
        .collect();
    quantities::resolve_dollars(&mut paragraph_figures);
    // Periods carry only within a paragraph: the times of one without figures are never
    // asked for.
    let mut paragraph_times: Vec<Vec<TimeExpr>> = doc
        .paragraphs
        .iter()
        .zip(&paragraph_figures)
        .map(|(p, figures)| {
            if figures.is_empty() {
                return Vec::new();
            }
            let atoms = tokens::inside(&stream, p.clone());
            match lang {
                crate::Lang::Russian => crate::ru::times::find_in(text, atoms, date),
                _ => times::find_in(text, atoms, date),
            }
            .into_iter()
            .filter(|t| t.kind != TimeKind::Name)
            .collect()
        })
        .collect();

    // The title and the first two paragraphs of the body say what period a report covers:
    // their times as found above where they hold figures, else found here.
    let front_end = doc
        .paragraphs
        .len()
        .min(if title.is_some() { 3 } else { 2 });
    let front_times: Vec<Cow<'_, [TimeExpr]>> = doc.paragraphs[..front_end]
        .iter()
        .zip(paragraph_times.iter().zip(&paragraph_figures))
        .map(|(p, (found, figures))| {
            if !figures.is_empty() {
                Cow::Borrowed(&found[..])
            } else {
                let atoms = tokens::inside(&stream, p.clone());
                Cow::Owned(match lang {
                    crate::Lang::Russian => crate::ru::times::find_in(text, atoms, date),
                    _ => times::find_in(text, atoms, date),
                })
            }
        })
        .collect();
    let front = Front {
        paragraphs: &doc.paragraphs[..front_end],
        times: &front_times,
        sentences: &sentence_ranges,
    };
    let report = report_period(text, &front, date, Told::Report);
    // The span the front says its news is of, when no report is named: it dates only what
    // has no time at all. A Russian release names its report (`сообщили` is a reporting
    // word), so what is left to read is the span its lead opens on.
    let told = report.or_else(|| {
        let sign = if lang == crate::Lang::Russian {
            Told::LeadOpening
        } else {
            Told::Speech
        };
        report_period(text, &front, date, sign)
    });
    // `the region's budget for 2018`, `бюджет Алматы на 2024 год`: the year a budget the
    // front names is for dates its planned revenues and spending that have no time of their
    // own, in any paragraph.
    let budget_year = budget_year(text, &front, date);
    let programme = reviewed_programme(text, &front, date);

    let mut facts = Vec::new();
    let mut next_group = 1;
    // What the last sentence was about: the subject of its last figure, else the last place
    // or organisation it names.
    let mut previous_subject: Option<String> = None;
    // The day the last figure told as a stock on a day was of (`As of July 1, ...`).
    let mut previous_day: Option<Period> = None;
    // The status and period of the figures that introduce a list (`The region plans to
    // launch ten projects this year:`), for its items that say neither.
    let mut list_lead: Option<(Status, Option<Period>)> = None;
    let mut in_list = false;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let first_sentence = paragraph_of.partition_point(|&p| p < pi);
        let end_sentence = paragraph_of.partition_point(|&p| p <= pi);
        let paragraph_toks = &paragraph_toks[pi];
        let list_item = crate::document::is_list_item(text, p);
        if !list_item {
            in_list = false;
            list_lead = None;
        } else if !in_list {
            in_list = true;
            list_lead = previous_figures
                .last()
                .filter(|f| f.paragraph + 2 >= pi)
                .map(|f| (f.status, f.period));
        }
        // An interview sets its questions and answers with dashes: once an item asks a
        // question, the items are no list that a lead introduced.
        if text[p.clone()].trim_end().ends_with('?') {
            list_lead = None;
        }
        let mut figures = std::mem::take(&mut paragraph_figures[pi]);
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
            continue;
        }
        // The period of the plans of the last sentence, or its deadline: a plan in the next
        // sentence of the paragraph with no time of its own takes it (`By the end of 2026
        // ... Eight projects will ...`).
        let mut previous_plan_period: Option<Period> = None;
        let mut times = std::mem::take(&mut paragraph_times[pi]);
        // Sorted, each sentence reads its figures and times as a slice: a paragraph of many
        // sentences costs what its sentences do, not their number squared.
        times.sort_by_key(|t| t.span[0]);
        // A figure inside a time (`the 2024-2026 plan`) is part of it: some time that starts
        // at or before the figure ends at or after it, which the furthest end so far tells.
        let furthest_end: Vec<usize> = times
            .iter()
            .scan(0, |end, t| {
                *end = t.span[1].max(*end);
                Some(*end)
            })
            .collect();
        figures.retain(|q| {
            let before = times.partition_point(|t| t.span[0] <= q.span[0]);
            before == 0 || furthest_end[before - 1] < q.span[1]
        });
        let mut paragraph_theme: Option<String> = None;
        let mut previous_focus: Option<String> = None;
        // The place the last statistic of the paragraph was of.
        let mut previous_statistic_place: Option<String> = None;
        let mut carried_period: Option<Period> = None;
        let mut applied_period: Option<Period> = None;
        // Whether the sentence before, in this paragraph, told a plan.
        let mut previous_sentence_plans = false;
        // The sentence before in the paragraph, for a growth with no sector of its own.
        let mut sentence_before: Option<&Range<usize>> = None;
        for range in &sentence_ranges[first_sentence..end_sentence] {
            let in_sentence: Vec<&Quantity> = starting_in(&figures, range, |q| q.span)
                .iter()
                .filter(|q| q.span[1] <= range.end)
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
            let times_here = starting_in(&times, range, |t| t.span);
            let sentence_times: Vec<&TimeExpr> = times_here
                .iter()
                .filter(|t| t.span[1] <= range.end && t.kind != TimeKind::Comparison)
                .collect();
            let first_anchor = anchors.partition_point(|a| a.start < range.start);
            let end_anchor = anchors.partition_point(|a| a.start < range.end);
            let sentence_anchors = &anchors[first_anchor..end_anchor.max(first_anchor)];
            // The sentence in lower case, for the cue phrases looked for in its text. It and
            // the phrases below are asked of few figures (one without a time of its own, a
            // plan without a deadline...): each is read when first asked, then kept.
            let lower_sentence_cell = OnceCell::new();
            let lower_sentence = || -> &str {
                lower_sentence_cell.get_or_init(|| {
                    if in_sentence.is_empty() {
                        String::new()
                    } else {
                        to_lowercase(&text[range.clone()])
                    }
                })
            };
            // `during this period`, `compared to the same period of 2024`, `year-on-year`.
            let back_cell = OnceCell::new();
            let back = || {
                *back_cell.get_or_init(|| {
                    !in_sentence.is_empty()
                        && (refers_back(lower_sentence())
                            || times_here
                                .iter()
                                .any(|t| t.kind == TimeKind::Comparison && t.span[1] <= range.end))
                })
            };
            let figure_clauses: HashSet<usize> = in_sentence
                .iter()
                .map(|q| sentence.clause_of(q.span[0]))
                .collect();
            let opening_time = sentence_times
                .iter()
                .filter(|t| usable_period(t, date).is_some())
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
            let mut figures_here: Vec<PreviousFigure> = Vec::new();
            // The clause of the sentence's first price figure.
            let mut prices_before: Option<usize> = None;
            let mut statistic_place_here: Option<String> = None;
            let breakdown = opens_breakdown(&text[range.clone()]);
            // Russian sentences that speak of the figure before (`ru::refs`).
            let russian = lang == crate::Lang::Russian && !in_sentence.is_empty();
            let crate::ru::refs::BackReference {
                breakdown: ru_breakdown,
                indicator: ru_indicator,
                points_back: ru_points_back,
            } = if russian {
                crate::ru::refs::back_reference(&text[range.clone()])
            } else {
                Default::default()
            };
            let previous_figure = previous_figures.last();
            let previous_here = previous_figure.filter(|f| f.paragraph == pi);
            // `Another 700 projects were developed. There are 200 projects in industry and
            // 230 in agriculture`: counts of one kind that add up to no more than a count of
            // the sentence before are its parts.
            let whole = whole_of_parts(&in_sentence, &previous_figures, pi);
            // `four more projects with a capacity of 60 million units`: what the sentence
            // counts besides the things before, and their measures.
            let others_here = in_sentence.iter().any(|q| counts_others(text, q));
            let open_future_cell = OnceCell::new();
            let in_open_future = || {
                *open_future_cell
                    .get_or_init(|| !in_sentence.is_empty() && open_future(lower_sentence()))
            };
            let sentence_deadline = sentence_times
                .iter()
                .filter(|t| t.kind == TimeKind::Deadline)
                .find_map(|t| usable_period(t, date));
            // `according to the Bureau of National Statistics`: a statistic of a place.
            let cites_statistics =
                || !in_sentence.is_empty() && lower_sentence().contains("statistic");
            // `It`, `The plant`: whether the sentence opens on what the one before was about.
            let continues_cell = OnceCell::new();
            let mut group_ids: HashMap<usize, u32> = HashMap::default();
            let sentence_first_fact = facts.len();
            // Ranks with no time of their own, for the figure they rank by.
            let mut untimed_ranks: Vec<usize> = Vec::new();
            for (qi, q) in in_sentence.iter().enumerate() {
                let clause = sentence.clause_of(q.span[0]);
                let fig_tok = sentence.tok_at(q.span[0]);
                let choice = metric(text, &sentence, q, fig_tok);
                let own_metric = choice.metric;
                let figure_before = figures_here.last().or(previous_here);
                let mut metric = match previous_here {
                    // `В том числе, из бюджета — 45 млрд тенге`: the parts of an amount measure
                    // what it did; `этот показатель`, with no cue of its own, is the indicator
                    // of the figure before.
                    Some(f)
                        if ru_breakdown
                            && q.kind == quantities::QuantityKind::Money
                            && f.unit == q.unit
                            || ru_indicator && own_metric == Metric::Other =>
                    {
                        f.metric
                    }
                    _ => own_metric,
                };
                // `half of it`, `..., 9.6% more than a year ago`: what the figure before
                // measured.
                if lang != crate::Lang::Russian {
                    let before_here = figures_here.last().filter(|f| {
                        f.metric != Metric::Rank
                            && qi >= 1
                            && says_of_figure_before(
                                &sentence,
                                q,
                                choice,
                                in_sentence[qi - 1].span[1],
                            )
                    });
                    // `Five residential buildings have been commissioned, and another 11 are
                    // due`: a bare number borrows its noun, and what it measures, from a count
                    // before it.
                    let elided = q.kind == quantities::QuantityKind::Count
                        && q.unit.is_some()
                        && !q.text.contains(char::is_whitespace);
                    if let Some(f) = figures_here
                        .iter()
                        .rev()
                        .find(|f| f.counted && f.unit == q.unit)
                        .filter(|_| elided)
                    {
                        metric = f.metric;
                    } else if let Some(f) = figures_here
                        .iter()
                        .rev()
                        .find(|f| f.unit.is_some() && f.unit == q.unit)
                        .filter(|_| names_a_part_before(text, &sentence, fig_tok))
                    {
                        // `214.8 thousand square meters of housing, of them 131 thousand
                        // square meters in the city`.
                        if part_takes_whole(own_metric, f.metric) {
                            metric = f.metric;
                        }
                    } else if let Some(f) = figure_before
                        .filter(|_| {
                            // `exported 70% of them`: a verb right before the part says what
                            // it measures.
                            let verb_before = sentence
                                .metric_cues
                                .iter()
                                .any(|c| c.cue.verb && !c.in_title && c.tok + c.len == fig_tok);
                            part_of_figure_before(text, &sentence, q) && !verb_before
                                || names_figure_before(text, &sentence, q, fig_tok)
                        })
                        .or(before_here)
                    {
                        metric = f.metric;
                    }
                }
                // `Of this amount, $740 million went to industry`, `..., из них 46 млрд
                // тенге пришлось на сельское хозяйство`: a part measures what its whole did,
                // wherever it went.
                let part_whole = if opens_on_part_before(text, &sentence, fig_tok) && qi == 0 {
                    // The whole: the last amount of its unit, here or in the paragraph
                    // before.
                    figures_here
                        .iter()
                        .chain(previous_figures.iter().filter(|f| f.paragraph + 1 >= pi))
                        .rev()
                        .find(|f| f.unit == q.unit)
                } else if russian && names_a_part_before(text, &sentence, fig_tok) {
                    figures_here.iter().rev().find(|f| f.unit == q.unit)
                } else {
                    None
                };
                if let Some(f) = part_whole.filter(|f| f.metric != Metric::Rank) {
                    if part_takes_whole(own_metric, f.metric) {
                        metric = f.metric;
                    }
                }
                // `21 billion tenge, 15 billion of which ...`: an amount that took its
                // currency from the money before it measures what that did, unless its own
                // words say what it measures (`of which the budget provided 41 billion`).
                // A part listed after `including` is that too, whatever its own words call
                // it (`investment of 38 billion, including bank loans of 19 billion`).
                let listed_part = || {
                    qi > 0 && {
                        let between = &text[in_sentence[qi - 1].span[1]..q.span[0]];
                        between.contains("including") || between.contains("в том числе")
                    }
                };
                if (!choice.cued || listed_part()) && borrowed_currency.contains(&q.span[0]) {
                    if let Some(f) = figures_here.iter().rev().find(|f| f.unit == q.unit) {
                        metric = f.metric;
                    }
                }
                // `Transfers amounted to 289.5 billion tenge, or 56.5% of all revenues`, `the
                // maslikhat has approved revenues of 548 billion tenge` after the budget's
                // money: revenues that no company earns are the budget's.
                // `their revenues`, `the company's revenue`, `the farms' revenues` are
                // someone's earnings (a possessive `'s` is part of its word's token; the
                // apostrophe of a plural stands alone).
                let earned = |cue: usize| {
                    cue.checked_sub(1).is_some_and(|k| {
                        let before = sentence.toks[k];
                        let w = before.text(text);
                        before.is_word_in(text, &["their", "its", "his", "her"])
                            || w.ends_with("'s")
                            || w.ends_with("’s")
                            || w.ends_with(['\'', '’'])
                    })
                };
                if metric == Metric::Output
                    && choice.weak_cue_tok.is_some_and(|c| !earned(c))
                    && last_money_metric == Some(Metric::Budget)
                    && !sentence_anchors
                        .iter()
                        .any(|a| a.kind == entities::EntityKind::Organisation && !is_place(&a.name))
                {
                    metric = Metric::Budget;
                }
                // `The plan for the period was fulfilled by 104.3 percent` after the budget's
                // revenue: how much of a plan was met measures what the figure before did.
                if metric == Metric::Other
                    && q.kind == quantities::QuantityKind::Percent
                    && metric::fulfils_a_plan(text, &sentence, q, fig_tok)
                {
                    if let Some(f) = figure_before {
                        metric = f.metric;
                    }
                }
                // `Receipts rose by 1.2 billion soms` after the budget's revenue, `the highest
                // index, 121.7%` in a release on output: money or a rate whose sentence names
                // nothing it measures goes on about the last figure of its kind. Russian rates
                // stay out: their bare rates are most often regions' rows of a table (measured
                // on the blind sets), while their bare money goes on as English money does.
                if (!russian || q.kind == quantities::QuantityKind::Money)
                    && !choice.cued
                    && metric == own_metric
                    && matches!(
                        q.kind,
                        quantities::QuantityKind::Money | quantities::QuantityKind::Percent
                    )
                {
                    let last = if q.kind == quantities::QuantityKind::Money {
                        last_money_metric
                    } else {
                        last_rate_metric
                    };
                    // `loses 40 percent of the water it carries`: a share of a whole of its
                    // own, unless the whole is the total spoken of (`42% of the total`).
                    let after = text[q.span[1]..].trim_start();
                    let own_whole = after.starts_with("of ")
                        && !after
                            .split(['.', ',', ';'])
                            .next()
                            .is_some_and(|whole| whole.contains("total"));
                    if let Some(m) = last.filter(|_| !own_whole) {
                        metric = m;
                    }
                }
                // `Most housing was commissioned in Astana – 2.3 million sq m, Almaty – 1.6
                // million sq m`: a count or measure with no cue between it and the figure of
                // the same unit before it measures what that figure did.
                if qi > 0
                    && metric == own_metric
                    && q.unit.is_some()
                    && !matches!(
                        q.kind,
                        quantities::QuantityKind::Money | quantities::QuantityKind::Percent
                    )
                {
                    let before_tok = sentence.tok_at(in_sentence[qi - 1].span[0]);
                    let cue_between = sentence
                        .metric_cues
                        .iter()
                        .any(|c| before_tok < c.tok && c.tok < fig_tok);
                    let between = &text[in_sentence[qi - 1].span[1]..q.span[0]];
                    let listed = between.contains(',')
                        || between.contains(" and ")
                        || between.contains(" и ");
                    if let Some(f) = figures_here
                        .last()
                        .filter(|f| f.unit == q.unit && !cue_between && listed)
                    {
                        metric = f.metric;
                    }
                }
                // `In Kulsary, 71,000 sq m were commissioned` after the housing the document
                // counted in square metres: floor area there is housing too.
                if metric == Metric::Area && housing_floor_area && q.unit.as_deref() == Some("m2") {
                    metric = Metric::Housing;
                }
                // `…на 1,85 млрд долларов, что в 1,4 раза больше`: the figure before, compared;
                // `Рост составил 14,5%, тогда как по стране – 1,6%`: the same measure of
                // another place, its verb left out.
                let mut parallel_measure = None;
                if russian && qi > 0 && own_metric == metric {
                    let between = &text[in_sentence[qi - 1].span[1]..q.span[0]];
                    if let Some(f) = figures_here.last() {
                        if crate::ru::refs::compares_figure_before(between, &text[q.span[1]..]) {
                            metric = f.metric;
                        } else if q.kind == in_sentence[qi - 1].kind
                            && crate::ru::refs::parallel_to_figure_before(between)
                        {
                            metric = f.metric;
                            parallel_measure = Some(f.measure);
                        }
                    }
                }
                // `Agriculture grew 2.8 percent, construction 14.6 percent`: a rate beside a
                // change before it, its verb left out, is a change too.
                if qi > 0
                    && q.kind == quantities::QuantityKind::Percent
                    && in_sentence[qi - 1].kind == quantities::QuantityKind::Percent
                    && figures_here
                        .last()
                        .is_some_and(|f| f.measure == Measure::Change)
                    && {
                        let between = &text[in_sentence[qi - 1].span[1]..q.span[0]];
                        if russian {
                            crate::ru::refs::next_item_of_list(between)
                        } else {
                            gaps_verb_of_figure_before(between)
                        }
                    }
                {
                    parallel_measure = Some(Measure::Change);
                }
                // `Алматы – 1,6 млн кв. м (снижение на 4,7%)`, `Taraz – 398,000 sq m (up 2.7%)`:
                // a rate in brackets right after a figure is how that figure moved.
                if qi > 0
                    && metric == own_metric
                    && q.kind == quantities::QuantityKind::Percent
                    && in_sentence[qi - 1].kind != quantities::QuantityKind::Rank
                {
                    let between = text[in_sentence[qi - 1].span[1]..q.span[0]].trim();
                    let bracketed = between.strip_prefix('(').is_some_and(|words| {
                        words.split_whitespace().count() <= 3
                            && !words.contains(|c: char| c.is_ascii_digit())
                    });
                    if let Some(f) = figures_here.last().filter(|_| bracketed) {
                        metric = f.metric;
                    }
                }
                // `came first with output up 21.3%, followed by Syrdarya region, second with
                // 18.7%`: the rate a place holds its rank with measures as the first one did.
                if qi > 0
                    && q.kind == quantities::QuantityKind::Percent
                    && in_sentence[qi - 1].kind == quantities::QuantityKind::Rank
                    && text[in_sentence[qi - 1].span[1]..q.span[0]].trim() == "with"
                {
                    if let Some(f) = figures_here
                        .iter()
                        .rev()
                        .find(|f| f.metric != Metric::Rank && f.unit.as_deref() == Some("%"))
                    {
                        metric = f.metric;
                        parallel_measure = Some(f.measure);
                    }
                }
                // `Удивительных показателей добилась обрабатывающая промышленность. Рост
                // составил 14,5%`: a growth that names nothing is of the sector the sentence
                // before spoke of, figures or none.
                if russian
                    && metric == Metric::Other
                    && sentence.metric_cues.is_empty()
                    && matches!(
                        q.kind,
                        quantities::QuantityKind::Percent | quantities::QuantityKind::Multiplier
                    )
                {
                    if let Some(m) =
                        sentence_before.and_then(|r| sector_of_sentence(text, paragraph_toks, r))
                    {
                        metric = m;
                    }
                }
                // `289 tenge per square metre`, `1,500 soms a night`: money per unit of a
                // good or service is its price, unless a wage or the budget is named.
                if q.kind == quantities::QuantityKind::Money
                    && q.per.as_deref().is_some_and(|p| {
                        !matches!(p, "year" | "month" | "week" | "day" | "hour" | "shift")
                    })
                    && !matches!(metric, Metric::Income | Metric::Budget)
                {
                    metric = Metric::Prices;
                }
                if metric == Metric::Investment
                    && from_foreign_investors(text, &sentence, q, fig_tok, home.as_deref())
                {
                    metric = Metric::Fdi;
                }
                if q.kind == quantities::QuantityKind::Money && metric::from_a_budget(text, q) {
                    metric = Metric::Budget;
                }
                // `prices for meat rose 6 percent, dairy products by 2 percent`: a rate whose
                // clause leaves out the verb of the price rise before it is a price too,
                // though it names goods.
                let gapped = fig_tok >= 1 && word_is(text, sentence.toks, fig_tok - 1, &["by"]);
                if metric == Metric::Output
                    && gapped
                    && q.kind == quantities::QuantityKind::Percent
                    && prices_before.is_some_and(|c| c < clause)
                {
                    metric = Metric::Prices;
                }
                if metric == Metric::Prices && prices_before.is_none() {
                    prices_before = Some(clause);
                }
                // The nearest time of the clause, measured edge to edge; on a tie the one
                // after the figure (`from 7.1 trillion in 2021 to 8.4 trillion in 2022`).
                // `employs 1,600 workers and will reach its capacity in 2022`: the time of a
                // plan told after the figure's predicate is the plan's alone.
                let planned_cue = planned_by_cue(text, &sentence, fig_tok, q);
                let of_figure = |t: &&TimeExpr| {
                    (planned_cue || !past_a_plan(text, &sentence, q, t))
                        && !dates_a_telling(text, t)
                        && !period::dates_a_cause(text, q, t)
                        && !period::measures_a_record(text, t)
                };
                // `снизился до 4,4% с 4,9% в 2021 году`, `fell to 4.4% from 4.9% in 2021`,
                // `142,6 млрд тенге против 118,3 млрд тенге в 2017 году`: a time after the
                // earlier state or the figure compared that follows the figure is that one's.
                let of_a_state_after = |t: &TimeExpr| {
                    t.span[0] >= q.span[1]
                        && in_sentence.iter().any(|o| {
                            o.span[0] >= q.span[1]
                                && o.span[1] <= t.span[0]
                                && crate::tokens::word_before(text, o.span[0]).is_some_and(|w| {
                                    matches!(
                                        w.as_str(),
                                        "с" | "со" | "from" | "против" | "against" | "versus"
                                    )
                                })
                        })
                };
                let own_time = sentence_times
                    .iter()
                    .copied()
                    .filter(of_figure)
                    .filter(|t| {
                        usable_period(t, date).is_some()
                            && sentence.clause_of_time(text, t.span) == clause
                    })
                    .filter(|t| !of_a_state_after(t))
                    .min_by_key(|t| {
                        if t.span[0] >= q.span[1] {
                            (t.span[0] - q.span[1], 0)
                        } else {
                            (q.span[0].saturating_sub(t.span[1]), 1)
                        }
                    });
                // `than in the dry year of 2020, when 3.1 million tonnes were gathered`: a
                // clause opened by `when` is of the time right before it, even the time of a
                // comparison.
                let own_time = own_time.or_else(|| {
                    let first = sentence.toks.get(sentence.clause_toks(clause).start)?;
                    if !first.is_word_in(text, &["when", "When", "когда", "Когда"]) {
                        return None;
                    }
                    times_here.iter().find(|t| {
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
                        sentence_times
                            .iter()
                            .copied()
                            .filter(of_figure)
                            .filter(|t| {
                                usable_period(t, date).is_some() && t.kind != TimeKind::Deadline
                            })
                            .filter(|t| !dates_a_founding(text, &sentence, t))
                            .filter(|t| !of_a_state_after(t))
                            .filter(|t| {
                                let c = sentence.clause_of(t.span[0]);
                                c <= clause
                                    || !figure_clauses.contains(&c)
                                    || !opens_contrast(text, &sentence, c)
                            }),
                        q.span[0],
                        |t| t.span[0],
                    )
                };
                // `the zone now has 24 participants`: a count that stands now.
                let now = (own_time.is_none() && clause_says_now(text, &sentence, clause))
                    .then_some(now_time.as_ref())
                    .flatten();
                let time = match own_time.or(now) {
                    Some(t) => Some(t),
                    None => opening_time
                        .filter(|t| !dates_a_founding(text, &sentence, t))
                        .or_else(sentence_time),
                };
                // A column the table's header calls an index holds indices, below 100 too.
                let measure = if index_column.contains(&q.span[0]) {
                    Measure::Index
                } else {
                    parallel_measure.unwrap_or_else(|| measure(text, &sentence, q, fig_tok, metric))
                };
                // `over the past five years the number grew 31% and as of July 1 stood at
                // 8,400`: a change is of the span before it, the level of the day.
                let time = match time {
                    Some(t)
                        if measure == Measure::Change
                            && matches!(usable_period(t, date), Some(Period::Day(_))) =>
                    {
                        sentence_times
                            .iter()
                            .copied()
                            .filter(|s| s.span[1] <= q.span[0])
                            .rfind(|s| usable_period(s, date).is_some_and(is_interval))
                            .or(Some(t))
                    }
                    t => t,
                };
                // `during this period`, `compared to the same period of 2024`, a span to date
                // inside the period the document reports on: that period.
                // A span of months named earlier in the paragraph (`in January-October`, `for
                // 10 months`) wins over a year-to-date phrase as the span the document reports
                // on does; a quarter said of another figure does not.
                let months_carried = carried_period.filter(|p| {
                    matches!(p, Period::Interval(Simple::Month(..), Simple::Month(..)))
                });
                // Russian reports name the span in the paragraph that states it: the span of
                // the lead does not win over `с начала года` said elsewhere (dev-ru README).
                let report_span = report.filter(|_| !russian);
                let named_span = |t: &TimeExpr| {
                    [months_carried, report_span]
                        .into_iter()
                        .flatten()
                        .find(|r| {
                            t.kind == TimeKind::ToDate
                                && t.period.is_some_and(|p| report_wins_over_to_date(p, *r))
                        })
                };
                let mut period = match time {
                    Some(t) if named_span(t).is_some() => named_span(t),
                    Some(t) => usable_period(t, date),
                    // `grew threefold in the same period`: with no report period, the period
                    // of the figure before.
                    // `over the past five years ... grew 31% and as of July 1 stood at 8,400.
                    // During this period ...`: the span, not the day of the stock after it.
                    // `As of July 1, ... On the same date, ...`: the day of the figures before.
                    None if refers_to_same_date(lower_sentence()) && previous_day.is_some() => {
                        previous_day
                    }
                    None if back() => {
                        let actual = || {
                            previous_figures
                                .iter()
                                .rev()
                                .filter(|f| f.status == Status::Actual)
                        };
                        let before = actual()
                            .find_map(|f| f.period.filter(|p| is_interval(*p)))
                            .or_else(|| {
                                previous_figure
                                    .filter(|f| f.status == Status::Actual)
                                    .and_then(|f| f.period)
                            });
                        applied_period = report.or(before).or(applied_period);
                        report.or(before)
                    }
                    None => None,
                };
                let from_own_words = time.is_some();
                // A time still ahead (`another 48 km next year`) dates a plan, never what the
                // next sentences report as done; nor does the time of a figure set against
                // another (`, against 12.4 centners last year`).
                if let Some(t) = time.filter(|t| {
                    !matches!(t.kind, TimeKind::Deadline | TimeKind::Duration)
                        && !opens_contrast(text, &sentence, sentence.clause_of(t.span[0]))
                }) {
                    applied_period = named_span(t)
                        .or(usable_period(t, date))
                        .filter(|p| date.is_none_or(|d| p.bounds().0 <= d))
                        .or(applied_period);
                }
                // The earlier state of `from 5.3 to 5.2 percent` holds for the period before
                // (the start of a span: `from 21% to 73%` over the past eight years), unless a
                // time of its own follows it (`from 7.1 trillion in 2021 to ...`).
                // A time after the second state (`to 30% by 2026`) is the plan's, not this one's.
                let own_time_follows = time.is_some_and(|t| {
                    t.span[0] >= q.span[1]
                        && !sentence
                            .figure_between(sentence.tok_at(q.span[1]), sentence.tok_at(t.span[0]))
                });
                // `growth for 2023 was revised from 3.1% to 3.4%`: a revision's two figures
                // are of one period.
                let from_state = (is_first_state(text, &sentence, q, fig_tok)
                    || russian && crate::ru::refs::first_of_two_states(text, q.span))
                    && !revises(&text[range.start..q.span[0]]);
                let first_state = from_state && !own_time_follows;
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
                    {
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
                let mut status = status_of(
                    text,
                    &sentence,
                    q,
                    fig_tok,
                    metric,
                    When {
                        deadline_pending,
                        future,
                        in_title: title.as_ref().is_some_and(|t| t.contains(&q.span[0])),
                        cued: planned_cue,
                    },
                );
                // `Among them are 21 strategic and 52 regional projects`: the parts of what the
                // sentence before counted hold as that did, unless they have a time or a verb
                // of the future of their own.
                if time.is_none() && !planned_cue {
                    let broken_down = (breakdown || ru_breakdown)
                        .then(|| {
                            previous_figures
                                .iter()
                                .rev()
                                .find(|f| f.unit.is_some() && f.unit == q.unit)
                        })
                        .flatten();
                    let part_of = whole.filter(|f| f.unit == q.unit);
                    // `Полностью завершены только 39 из них`, `71 have been carried out`:
                    // parts told as done are done, whatever the plan they are parts of.
                    let told_done = || {
                        if russian {
                            sentence.toks.iter().any(|t| {
                                t.kind == crate::tokens::TokKind::Word
                                    && crate::ru::tense::is_past(&crate::tokens::plain_lower(
                                        t.text(text),
                                    ))
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
                        period = period.or(f.period);
                    }
                }
                // `The plant will make cabins. Investment in the project amounts to ...`:
                // what a project told as a plan just before costs or brings is planned too.
                if previous_sentence_plans
                    && time.is_none()
                    && !clause_in_present_perfect(text, &sentence, clause)
                    && !clause_tells_a_stock(text, &sentence, clause)
                    && sentence.blockers.is_empty()
                    && lang == crate::Lang::English
                    && names_a_project_before(lower_sentence(), q.span[1] - range.start)
                {
                    status = Status::Planned;
                }
                // `Общая стоимость данных проектов`: what was counted before, as it was.
                // `этих проектов` opening a paragraph points back across its break, to the
                // status and, for a plan, the deadline of what was counted.
                if ru_points_back && time.is_none() && !planned_cue {
                    if let Some(f) = previous_here.or(previous_figure) {
                        status = f.status;
                        if status == Status::Planned {
                            period = period.or(f.period);
                        }
                    }
                }
                // `2. a mill: 6 billion tenge, 80 jobs, due in June;`: an item of a list
                // that has no tense, cue or time of its own
                // holds as the figures that introduced the list did, and one due at a time
                // not yet past is a plan.
                if list_item && !planned_cue && sentence.blockers.is_empty() {
                    if sentence_deadline
                        .is_some_and(|d| date.is_none_or(|date| d.bounds().1 >= date))
                    {
                        status = Status::Planned;
                    } else if let Some((lead_status, lead_period)) =
                        list_lead.filter(|_| time.is_none() && sentence.status_cues.is_empty())
                    {
                        status = lead_status;
                        period = period.or(lead_period);
                    }
                }
                // `will increase from 32 to 40 million tons`: where a plan starts is where
                // things stand, now unless a span of the plan says when it starts.
                let plan_start = first_state && status == Status::Planned;
                // `is to grow from 148 at the start of 2025 to 180`: where a plan starts,
                // dated by its own time, stands as things stood then.
                if from_state && own_time_follows && status == Status::Planned && !future {
                    status = Status::Actual;
                }
                if plan_start {
                    status = Status::Actual;
                    if !matches!(period, Some(Period::Interval(..))) {
                        period = None;
                    }
                }
                // `за три года построено 39 школ`: a count of years ahead of a plan is, for what
                // is done, the span that ends at the document's year; the years of a programme
                // over and reviewed when they are as many.
                if status == Status::Actual && time.is_some_and(|t| t.kind == TimeKind::Duration) {
                    period = period.map(|p| achieved_over(p, programme));
                }
                if period.is_none() {
                    period = match status {
                        // A plan with no time of its own takes a deadline of its sentence
                        // (`will reach 9,000 hectares by 2030, and its population 150,000
                        // people`), else the period of the sentence's first plan, else the
                        // time of the plans or the deadline said just before it (`By the end
                        // of 2026 ... Eight projects will be implemented for this purpose`),
                        // unless it is set in a future left undated (`In the future, ...`).
                        Status::Planned if in_open_future() => None,
                        Status::Planned if status::plan_set_against(text, q) => {
                            figures_here.last().and_then(|f| f.period)
                        }
                        // `Ведется строительство электростанции мощностью 160 МВт`: what a
                        // facility of its own is to bring does not take the deadline of the
                        // project told before.
                        Status::Planned => sentence_deadline
                            .or(sentence_plan_period)
                            .or(programme.map(|r| r.span))
                            .or_else(|| {
                                date.filter(|_| plan_of_the_year(lower_sentence()))
                                    .map(|d| Period::Year(d.year()))
                            })
                            .or(previous_plan_period.filter(|_| {
                                !(russian
                                    && matches!(metric, Metric::Capacity | Metric::Jobs)
                                    && crate::ru::works::builds_its_own(lower_sentence()))
                            }))
                            .or(budget_year.filter(|_| metric == Metric::Budget)),
                        // What is achieved takes the time its paragraph set, else the year the
                        // document reports on when that year is over (a governor's report on
                        // 2021 given in 2022), else the document's year.
                        // A plan's time said before (`will open next year`) is no time
                        // of what is achieved.
                        // A report on the year just ended speaks of its present in the
                        // present perfect (`a company has started building a plant worth
                        // ...`, `which already sells ...`): that is the document's year.
                        // What a reviewed programme has achieved is of the years it has
                        // run: all of them once it is over; while it still runs, what it has
                        // done so far (`71 have been carried out`); never what stands now or
                        // still (`до сих пор пользуются привозной водой`). A year inside them
                        // said of another figure does not date it.
                        Status::Actual => {
                            let achieved = programme
                                .filter(|r| {
                                    let still = || {
                                        clause_says_now(text, &sentence, clause)
                                            || lower_sentence().contains("still")
                                            || lower_sentence().contains("до сих пор")
                                    };
                                    r.is_over() && !still()
                                        || clause_in_present_perfect(text, &sentence, clause)
                                        || lower_sentence().contains("so far")
                                        || lower_sentence().contains("to date")
                                })
                                .map(|r| r.to_date);
                            let inside = |p: &Period| achieved.is_some_and(|r| r.contains(*p));
                            carried_period
                                .filter(|p| date.is_none_or(|d| p.bounds().0 <= d))
                                .filter(|p| !inside(p))
                                .or(achieved)
                                .or(told.filter(|r| {
                                    let stock = clause_tells_a_stock(text, &sentence, clause);
                                    if matches!(r, Period::Year(_)) {
                                        !stock
                                            && !clause_in_present_perfect(text, &sentence, clause)
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
                                        russian && report.is_some()
                                        || matches!(
                                            measure,
                                            Measure::Change | Measure::Index | Measure::Share
                                        )
                                        || matches!(metric, Metric::Housing | Metric::Jobs)
                                            && !stock
                                            && !clause_in_present_perfect(text, &sentence, clause)
                                        || q.kind == quantities::QuantityKind::Money
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
                                        || q.kind != quantities::QuantityKind::Money
                                            && matches!(metric, Metric::Output | Metric::Trade)
                                            && !stock
                                    }
                                }))
                                .or_else(|| date.map(|d| Period::Year(d.year())))
                        }
                    };
                }
                // `against 251,000 tonnes a year earlier`, `против 13,4 центнера годом ранее`:
                // the figure set against another holds for the time compared right after it,
                // a year before the figure's own when that time counts back from it.
                if crate::tokens::word_before(text, q.span[0])
                    .is_some_and(|w| status::AGAINST.contains(&w.as_str()))
                {
                    let compared = times_here.iter().find(|t| {
                        t.kind == TimeKind::Comparison
                            && t.span[0] >= q.span[1]
                            && t.span[1] <= range.end
                            && matches!(text[q.span[1]..t.span[0]].trim(), "" | "in" | "в")
                    });
                    if let Some(t) = compared {
                        // `against 280,000 tonnes in 2021` names its year; `a year
                        // earlier` counts back from the figure's own.
                        let names_a_year = t.text.bytes().filter(u8::is_ascii_digit).count() >= 4;
                        period = if names_a_year {
                            usable_period(t, date).or(period)
                        } else {
                            figures_here
                                .last()
                                .and_then(|f| f.period)
                                .map(|p| shift_year(p, -1))
                                .or(period)
                        };
                    }
                }
                let compared_a_year_before = period.is_some_and(|p| {
                    times_here.iter().any(|t| {
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
                if russian && first_state && !from_own_words && !plan_start {
                    period = None;
                } else if first_state && compared_a_year_before {
                    // `up from 10.5 percent in the corresponding period of 2017`, `to 9.8% in
                    // December from 20.3% a year earlier`: the same span a year before.
                    period = period.map(|p| shift_year(p, -1));
                } else if first_state && (!plan_start || period.is_some_and(is_interval)) {
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
                // `В 2015 году компания планирует приступить к строительству завода мощностью
                // 500 тысяч тонн`: the year work starts is no deadline of what it is to bring.
                if russian
                    && status == Status::Planned
                    && matches!(metric, Metric::Capacity | Metric::Jobs)
                    && time.is_some_and(|t| t.kind != TimeKind::Deadline)
                    && crate::ru::works::starts_work(lower_sentence())
                {
                    period = None;
                }
                if status == Status::Planned && time.is_some() {
                    sentence_plan_period = sentence_plan_period.or(period);
                }
                housing_floor_area |= metric == Metric::Housing && q.unit.as_deref() == Some("m2");
                if metric != Metric::Rank {
                    match q.kind {
                        quantities::QuantityKind::Money => last_money_metric = Some(metric),
                        quantities::QuantityKind::Percent => last_rate_metric = Some(metric),
                        _ => {}
                    }
                }
                if status == Status::Actual && matches!(period, Some(Period::Day(_))) {
                    previous_day = period;
                }
                figures_here.push(PreviousFigure {
                    status,
                    period,
                    unit: q.unit.clone(),
                    value: q.value,
                    counted: q.kind == quantities::QuantityKind::Count,
                    metric,
                    measure,
                    paragraph: pi,
                });
                // A sentence that names nothing points back to what the sentence before was
                // about (`The plant will ...`), else goes on about what its paragraph made
                // its grammatical subject (`The zone has placed ... Some 76 participants
                // invested ...`), else is about the document's topic.
                // `по стране – 1,6%`: the country the document names, else no subject
                // (`ru::subject`); a rank counted in the country is the place ranked.
                let of_country = russian
                    && q.kind != quantities::QuantityKind::Rank
                    && crate::ru::subject::country_scope(text, range.clone(), q.span);
                let subject = if of_country {
                    named_country(&anchors, home.as_deref(), q)
                } else {
                    subject(
                        text,
                        q,
                        &sentence,
                        sentence_anchors,
                        &listed,
                        &within,
                        topic.as_deref(),
                    )
                    .or_else(|| {
                        if sums_up(text, range.start) {
                            None
                        } else if let Some(country) = (metric == Metric::Budget
                            && in_quote(&text[p.start..q.span[0]]))
                        .then(|| {
                            national_voice(&voices, doc.paragraphs[pi.saturating_sub(1)].start, q)
                        })
                        .flatten()
                        {
                            // `"The budget ran a surplus of 5 billion," the prime minister said`:
                            // a national official quoted on the budget speaks of the country's.
                            Some(country)
                        } else if *continues_cell
                            .get_or_init(|| continues_previous(text, range.start))
                        {
                            previous_subject.clone()
                        } else if is_place_statistic(metric)
                            || (metric == Metric::Output && measure == Measure::Index)
                            || cites_statistics()
                        {
                            // Fixed-capital investment, the economy, prices, an index of the
                            // physical volume of output: a place's statistics, never a
                            // company's or a zone's.
                            // A statistic that follows one of a named place in its paragraph is of
                            // that place (`Output of the region grew 3.9%. Fixed capital investment
                            // amounted to ...`).
                            previous_statistic_place
                                .clone()
                                .or_else(|| paragraph_theme.clone().filter(|t| is_place(t)))
                        } else if others_here {
                            // `four more projects`, `another 20 plants`: things besides the
                            // company or zone spoken of before, in the place around them.
                            paragraph_theme.clone().filter(|t| is_place(t))
                        } else {
                            previous_focus.clone().or_else(|| paragraph_theme.clone())
                        }
                    })
                    .or_else(|| topic.clone())
                };
                sentence_subject.clone_from(&subject);
                if is_statistic_figure(metric, measure) {
                    if let Some(p) = subject.as_deref().filter(|p| is_place(p)) {
                        statistic_place_here = Some(p.to_string());
                    }
                }
                let group = groups.get(qi).copied().flatten().map(|g| {
                    *group_ids.entry(g).or_insert_with(|| {
                        next_group += 1;
                        next_group - 1
                    })
                });
                let object = object(text, paragraph_toks, q, &in_sentence, &groups, qi);
                if metric == Metric::Rank && !from_own_words {
                    untimed_ranks.push(facts.len());
                }
                facts.push(Fact {
                    doc: ctx.doc.to_string(),
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
                    per: q.per.clone(),
                    group,
                    object,
                    span: q.span,
                    sentence: text[range.clone()].to_string(),
                });
            }
            // `Jizzakh region came first with output up 21.3%`, `Karakalpakstan, which ranked
            // 14th`: a rank with no time of its own is of the period of the figure it ranks by,
            // the nearest of its sentence, never one set against it (`, while its gross
            // regional product exceeded ...`).
            for &i in &untimed_ranks {
                let span = facts[i].span;
                let rank_clause = sentence.clause_of(span[0]);
                let set_against = |f: &Fact| {
                    let c = sentence.clause_of(f.span[0]);
                    (rank_clause.min(c) + 1..=rank_clause.max(c))
                        .any(|c| opens_contrast(text, &sentence, c))
                };
                let ranked_by = facts[sentence_first_fact..]
                    .iter()
                    .filter(|f| f.metric != Some(Metric::Rank) && f.status == facts[i].status)
                    .filter(|f| !set_against(f))
                    .min_by_key(|f| {
                        if f.span[0] >= span[1] {
                            f.span[0] - span[1]
                        } else {
                            span[0].saturating_sub(f.span[1])
                        }
                    })
                    .and_then(|f| f.period);
                if ranked_by.is_some() {
                    facts[i].period = ranked_by;
                }
            }
            // A sentence's time carries to the next ones of its paragraph; a stock on a day
            // (`as of January 1`) does not.
            let opening = opening_time
                .filter(|t| t.kind != TimeKind::Deadline)
                .and_then(|t| usable_period(t, date));
            if let Some(p) = opening.or(applied_period) {
                if !matches!(p, Period::Day(_)) {
                    carried_period = Some(p);
                }
            }
            let plans_here = if in_sentence.is_empty() {
                states_a_plan(text, paragraph_toks, range)
            } else {
                figures_here.iter().any(|f| f.status == Status::Planned)
            };
            previous_sentence_plans = plans_here;
            sentence_before = Some(range);
            if !figures_here.is_empty() {
                previous_figures = std::mem::take(&mut figures_here);
            }
            // A sentence that states a plan without figures dates it too (`The plant is
            // planned to be built by X this year. It will cost ...`).
            let states_plan = in_sentence.is_empty() && !sentence_times.is_empty() && plans_here;
            previous_plan_period = sentence_plan_period.or_else(|| {
                sentence_times
                    .iter()
                    .filter(|t| t.kind == TimeKind::Deadline || states_plan)
                    .find_map(|t| usable_period(t, date))
            });
            // `Russia remained the largest trading partner ... Trade with Uzbekistan more
            // than doubled`: a foreign country a sentence opens on is a partner, no theme for
            // the sentences after.
            let foreign_country = |a: &Anchor| {
                home.as_deref().is_some_and(|h| h != a.name)
                    && entities::lookup(&a.name)
                        .is_some_and(|p| p.kind == entities::EntityKind::Country)
            };
            if let Some(a) = theme(text, range, sentence_anchors).filter(|a| !foreign_country(a)) {
                paragraph_theme = Some(a.name.clone());
            }
            // `... завода ТОО «X». Стоимость проекта – 48 млрд тенге. Вторую очередь завода
            // ...`: a sentence that names nothing goes on about the focus before it.
            if !sentence_anchors.is_empty() {
                previous_focus = focus(text, sentence_anchors).map(|a| a.name.clone());
            }
            if in_sentence.is_empty() || statistic_place_here.is_some() {
                previous_statistic_place = statistic_place_here;
            }
            // A sentence with no figure hands on what it is about: the company or zone it
            // names (not where that stands: `X launched a plant in the Y zone`), else the
            // last name.
            if let Some(a) = sentence_subject.or_else(|| {
                focus(text, sentence_anchors)
                    .filter(|a| a.kind == entities::EntityKind::Organisation)
                    .or_else(|| {
                        sentence_anchors
                            .iter()
                            .rev()
                            .find(|a| a.role == Role::Named)
                    })
                    .map(|a| a.name.clone())
            }) {
                previous_subject = Some(a);
            }
        }
    }

    if let Some(title) = &title {
        headline::agree_with_body(&mut facts, title);
    }
    let extraction = Extraction {
        facts,
        entities,
        date,
        date_source,
        lang,
        diagnostics: crate::diagnostics::find(&stream, &doc.paragraphs),
    };
    (extraction, unread_from)
}

/// A document in a language the rules do not read: its date, and a note instead of facts,
/// so that nothing read with another language's rules passes for a figure.
fn unsupported(text: &str, ctx: &DocContext<'_>, lang: crate::Lang) -> Extraction {
    let header = document::parse(text).header_date;
    let (date, date_source) = match (header, ctx.date) {
        (Some(d), _) => (Some(d), Some(DateSource::Header)),
        (None, Some(d)) => (Some(d), Some(DateSource::Metadata)),
        (None, None) => (None, None),
    };
    Extraction {
        date,
        date_source,
        lang,
        diagnostics: vec![crate::Diagnostic {
            span: [0, text.len()],
            message: format!("the text is in a language not supported yet ({lang}): no facts read"),
        }],
        ..Extraction::default()
    }
}

/// The items of `items` (sorted by start) that start inside `range`.
fn starting_in<'a, T>(
    items: &'a [T],
    range: &std::ops::Range<usize>,
    span: impl Fn(&T) -> [usize; 2],
) -> &'a [T] {
    let from = items.partition_point(|x| span(x)[0] < range.start);
    let to = items.partition_point(|x| span(x)[0] < range.end);
    &items[from..to.max(from)]
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
