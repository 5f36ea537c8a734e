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

mod anchors;
mod country;
mod figure;
mod frame;
mod headline;
mod measure;
mod metric;
mod metric_of;
mod object;
mod parts;
mod period;
mod previous;
mod sentence;
mod status;
mod subject;
mod table;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::Datelike;

use crate::data;
use crate::entities;
use crate::fact::{Fact, Metric, Status};
use crate::period::{Period, Simple};
use crate::quantities::{self, Quantity};

use crate::times::{self, TimeExpr, TimeKind};
use crate::tokens::{self, Tok};
use crate::{document, sentences, DateSource, DocContext, Extraction};
#[cfg(test)]
pub(crate) use anchors::SUBJECT_CUES;
use anchors::{anchors, Anchor, Role};
use country::voices;
use figure::read_figure;
use frame::{Frame, Here, Memory, ParagraphCarry, SentenceSoFar};
#[cfg(test)]
pub(crate) use period::PERIOD_CUES;
use period::{
    budget_year, opens_contrast, report_period, reviewed_programme, states_a_plan, usable_period,
    Front, Told,
};
use previous::PreviousFigure;
#[cfg(test)]
pub(crate) use sentence::CUES;
use subject::{focus, lead_company, protagonist, theme, topic, Containment};

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
    let within = Containment::new(text, &entities);
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
    let lead_sentence = doc
        .paragraphs
        .iter()
        .position(|p| Some(p) != title.as_ref())
        .and_then(|lead| {
            // Past a dateline the splitter made a sentence of its own (`KHUJAND.`, `НАВОИ, 5
            // сентября.`): short, opening on a word in capitals.
            let from = paragraph_of.partition_point(|&p| p < lead);
            let to = paragraph_of.partition_point(|&p| p <= lead);
            sentence_ranges[from..to].iter().find(|r| {
                let s = &text[(*r).clone()];
                let dateline = s.len() < 40
                    && s.split(|c: char| !c.is_alphabetic())
                        .find(|w| !w.is_empty())
                        .is_some_and(|w| {
                            w.chars().count() > 1 && !w.chars().any(char::is_lowercase)
                        });
                s.chars().any(char::is_lowercase) && !dateline
            })
        });
    let lead_company = lead_company(text, &anchors, lead_sentence);
    // The headline and the lead paragraph, where a story names the company it follows.
    let opening = doc
        .paragraphs
        .iter()
        .find(|p| Some(*p) != title.as_ref())
        .map_or(0..0, |lead| {
            title
                .as_ref()
                .map_or(lead.start, |t| t.start.min(lead.start))..lead.end
        });
    let protagonist = protagonist(
        text,
        &anchors,
        lead_company.as_deref(),
        opening,
        title.clone().unwrap_or(0..0),
        lead_sentence,
    );
    // The country the document is about: investors of any other are foreign.
    let home = topic.as_deref().and_then(|t| {
        std::iter::once(t.to_string())
            .chain(within.ancestors(t))
            .find(|n| entities::lookup(n).is_some_and(|p| p.kind == entities::EntityKind::Country))
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
    let mut earlier_figures: Vec<PreviousFigure> = Vec::new();

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
            for q in &mut figures {
                to_canonical(q);
                if refers_back(text, q) {
                    q.fact_worthy = false;
                }
            }
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
    // `Since January we have admitted 185 new residents`: where the document is about a
    // technology park or an economic zone (its front names one), residents counted bare
    // are its resident companies; residents of a place stay people (`9,600 residents of
    // the villages`), as do those of a region whose zone is named in passing.
    let front_end = doc.paragraphs[..doc.paragraphs.len().min(2)]
        .last()
        .map_or(0, |p| p.end);
    if anchors
        .iter()
        .any(|a| a.kind == entities::EntityKind::Zone && a.start < front_end)
    {
        for q in paragraph_figures.iter_mut().flatten() {
            let resident_noun = q.text.rsplit(' ').next().is_some_and(|w| {
                w.eq_ignore_ascii_case("residents") || w.eq_ignore_ascii_case("resident")
            });
            let after = text[q.span[1]..].trim_start();
            let of_a_place = ["of ", "in ", "from "].iter().any(|w| after.starts_with(w));
            if q.unit.as_deref() == Some("person") && resident_noun && !of_a_place {
                q.unit = Some("company".to_string());
            }
        }
    }
    // Periods carry only within a paragraph: the times of one without figures are never
    // asked for, unless it introduces a block with a colon (`Numbers are as of 1 January:`).
    let mut paragraph_times: Vec<Vec<TimeExpr>> = doc
        .paragraphs
        .iter()
        .zip(&paragraph_figures)
        .map(|(p, figures)| {
            if figures.is_empty() && !text[p.clone()].trim_end().ends_with(':') {
                return Vec::new();
            }
            find_times(text, &stream, p.clone(), lang, date)
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
                Cow::Owned(find_times(text, &stream, p.clone(), lang, date))
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
        if lang == crate::Lang::Russian {
            // The span a Russian lead opens on: in the headline or the lead itself, not in a
            // later paragraph that opens a report of its own (`За первое полугодие ...`
            // after a lead on a project to be finished by the year's end). The lead is the
            // first paragraph after the headline that ends as a sentence does; the headline
            // is a first paragraph of one short line, the title or one that ends as a
            // question does (`Сколько жилья построили?`), not one run into its lead without a
            // blank line.
            let headline = doc.paragraphs.len() > 1
                && doc.paragraphs.first().is_some_and(|p| {
                    let line = text[p.clone()].trim();
                    !line.contains('\n') && line.len() <= 200
                });
            let after_title = usize::from(headline);
            let lead_end = doc.paragraphs[..front_end]
                .iter()
                .skip(after_title)
                .position(|p| text[p.clone()].trim_end().ends_with(['.', '!', '?', '…']))
                .map_or(front_end, |i| after_title + i + 1);
            let lead = Front {
                paragraphs: &doc.paragraphs[..lead_end],
                times: &front_times[..lead_end],
                sentences: &sentence_ranges,
            };
            report_period(text, &lead, date, Told::LeadOpening)
        } else {
            report_period(text, &front, date, Told::Speech)
        }
    });
    // `the region's budget for 2018`, `бюджет Алматы на 2024 год`: the year a budget the
    // front names is for dates its planned revenues and spending that have no time of their
    // own, in any paragraph.
    let budget_year = budget_year(text, &front, date);
    let programme = reviewed_programme(text, &front, date);

    let now_time = now_time.as_ref();
    let frame = Frame {
        text,
        doc_id: ctx.doc,
        lang,
        date,
        paragraphs: &doc.paragraphs,
        anchors: &anchors,
        within: &within,
        voices: &voices,
        title: title.as_ref(),
        topic: topic.as_deref(),
        lead_company: lead_company.as_deref(),
        protagonist: protagonist.as_deref(),
        home: home.as_deref(),
        now_time,
        report,
        told,
        budget_year,
        programme,
        borrowed_currency: &borrowed_currency,
        index_column: &index_column,
    };
    // `Russia remained the largest trading partner ... Trade with Uzbekistan more than
    // doubled`, `containers bound for Uzbekistan and Afghanistan. The port opened ...`: a
    // foreign country is a partner or a destination, neither the theme nor what the next
    // sentence goes on about.
    let foreign_country = |a: &Anchor| {
        home.as_deref().is_some_and(|h| h != a.name)
            && entities::lookup(&a.name).is_some_and(|p| p.kind == entities::EntityKind::Country)
    };
    let mut facts = Vec::new();
    let mut next_group = 1;
    let mut memory = Memory::default();
    let mut in_list = false;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let first_sentence = paragraph_of.partition_point(|&p| p < pi);
        let end_sentence = paragraph_of.partition_point(|&p| p <= pi);
        let paragraph_toks = &paragraph_toks[pi];
        let list_item = crate::document::is_list_item(text, p);
        if !list_item {
            in_list = false;
            memory.list_lead = None;
        } else if !in_list {
            in_list = true;
            // A lead that introduces the list with a colon (`They are:`) speaks for its
            // items; one that does not, only for items that tell no past of their own: after
            // a promise told in passing (`12 schools were promised; more were built.`), a
            // list of results (`1. Открыты 14 школ`) holds as its own words say.
            let introduced = pi
                .checked_sub(1)
                .is_some_and(|k| text[doc.paragraphs[k].clone()].trim_end().ends_with(':'));
            let item_tells_past = || {
                paragraph_toks.iter().any(|t| {
                    let w = crate::tokens::lower(t.text(text));
                    if lang == crate::Lang::Russian {
                        crate::ru::tense::is_past(&w)
                    } else {
                        w.len() > 4
                            && w.ends_with("ed")
                            && !matches!(w.as_ref(), "planned" | "expected" | "scheduled")
                    }
                })
            };
            // The news a lead tells, not the earlier state it sets it against (`up from
            // $1.9 billion a year earlier`), dates the items.
            memory.list_lead = previous_figures
                .iter()
                .rev()
                .find(|f| !f.earlier_state)
                .filter(|f| f.paragraph + 2 >= pi && (introduced || !item_tells_past()))
                .map(|f| (f.status, f.period, f.unit.as_deref() == Some("project")));
        }
        // An interview sets its questions and answers with dashes: once an item asks a
        // question, the items are no list that a lead introduced.
        if text[p.clone()].trim_end().ends_with('?') {
            memory.list_lead = None;
        }
        // A lead speaks for the paragraph after it, or for the items of the list after it.
        let in_block = |lead: usize| pi == lead + 1 || list_item && in_list;
        if memory
            .colon_lead
            .as_ref()
            .is_some_and(|(lead, _)| !in_block(*lead))
        {
            memory.colon_lead = None;
        }
        if memory.lead_day.is_some_and(|(lead, _)| !in_block(lead)) {
            memory.lead_day = None;
        }
        let mut figures = std::mem::take(&mut paragraph_figures[pi]);
        if figures.is_empty() {
            let introduces_block = text[p.clone()].trim_end().ends_with(':');
            let mut named = {
                let start = anchors.partition_point(|a| a.start < p.start);
                let end = anchors.partition_point(|a| a.start < p.end);
                anchors[start..end].iter().filter(|a| a.role == Role::Named)
            };
            // `Итоги 2025 года в Ферганской области:`: a place a lead names speaks for its
            // lines as a company or a zone does, when it is all the lead names; a lead that
            // names more (`At a briefing in Tashkent, the khokim of Fergana region summed up
            // 2024:`) may name where it was said or a partner.
            let only_place = || {
                let mut places = named.clone();
                places
                    .next()
                    .filter(|a| a.kind.is_place() && places.next().is_none())
            };
            memory.colon_lead = named
                .clone()
                .find(|a| {
                    matches!(
                        a.kind,
                        entities::EntityKind::Organisation | entities::EntityKind::Zone
                    )
                })
                .or_else(only_place)
                .filter(|_| introduces_block)
                .map(|a| (pi, a.name.clone()));
            if let Some(a) = named.next_back() {
                memory.previous_subject = Some(a.name.clone());
            }
            // `The Ontustik industrial zone was created in 2010.` as a paragraph of its own:
            // its times are read only when it tells a founding (no figure asked for them).
            let lower = tokens::lower(&text[p.clone()]);
            if FOUNDED.iter().any(|w| lower.contains(w)) {
                let found = find_times(text, &stream, p.clone(), lang, date);
                if let Some(y) = found.iter().find_map(|t| founding_year_of(text, t, date)) {
                    memory.founding_year = Some(y);
                }
            }
            memory.lead_day = paragraph_times[pi]
                .iter()
                .filter(|t| introduces_block && dates_a_stock(text, t))
                .rev()
                .find_map(|t| usable_period(t, date))
                .map(|day| (pi, day));
            continue;
        }
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
        // `As of April 29, sowing covered 512.6 thousand hectares. ¶ Chui region leads with
        // 198.4 thousand hectares`: a day the paragraph before ended on carries to the stocks
        // counted in its unit.
        // Only into a paragraph that breaks that count down or ranks it (`leads with`, `of
        // the total`, `из них`): a new paragraph may count another thing in the same unit.
        let day_before = previous_figures
            .iter()
            .rev()
            .take_while(|f| f.paragraph + 1 == pi)
            .find(|f| f.status == Status::Actual)
            .and_then(|f| f.period)
            .filter(|p| matches!(p, Period::Day(_)))
            .filter(|_| breaks_down(text, p.clone()));
        let mut paragraph = ParagraphCarry {
            carried_day: memory
                .lead_day
                .map(|(_, day)| (day, true))
                .or(day_before.map(|day| (day, false))),
            ..ParagraphCarry::default()
        };
        for range in &sentence_ranges[first_sentence..end_sentence] {
            let here = Here::new(
                &frame,
                range,
                pi,
                paragraph_toks,
                list_item,
                &figures,
                &times,
                &previous_figures,
                &earlier_figures,
                paragraph.sentence_before,
            );
            let mut so_far = SentenceSoFar::default();
            let mut group_ids: HashMap<usize, u32> = HashMap::default();
            let sentence_first_fact = facts.len();
            // Ranks with no time of their own, for the figure they rank by.
            let mut untimed_ranks: Vec<usize> = Vec::new();
            for qi in 0..here.in_sentence.len() {
                let (mut fact, from_own_words) =
                    read_figure(&here, qi, &mut paragraph, &mut memory, &mut so_far);
                fact.group = here.groups.get(qi).copied().flatten().map(|g| {
                    *group_ids.entry(g).or_insert_with(|| {
                        next_group += 1;
                        next_group - 1
                    })
                });
                if fact.metric == Some(Metric::Rank) && !from_own_words {
                    untimed_ranks.push(facts.len());
                }
                facts.push(fact);
            }
            let sentence = &here.sentence;
            // `The zone was created in 2011. ... Since its creation, participants have invested
            // 398.7 bln tenge`: what was done since a founding told before, with no time of
            // its own, runs from the founding year to the document's.
            if let (Some(founded), Some(d)) = (memory.founding_year, date) {
                if sentence_first_fact < facts.len()
                    && here.sentence_times.is_empty()
                    && since_founding(here.lower())
                {
                    for f in &mut facts[sentence_first_fact..] {
                        if f.status == Some(Status::Actual)
                            // With no time of its own a year is the document's, the one it
                            // reports on, or one carried from the sentence before.
                            && f.period.is_none_or(|p| matches!(p, Period::Year(_)))
                        {
                            f.period = Some(Period::interval(
                                Period::Year(founded),
                                Period::Year(d.year()),
                            ));
                        }
                    }
                }
            }
            if let Some(y) = here
                .sentence_times
                .iter()
                .find_map(|t| founding_year_of(text, t, date))
            {
                memory.founding_year = Some(y);
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
                        .any(|c| opens_contrast(text, sentence, c))
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
            // (`as of January 1`) does not, nor does a sentence of background.
            let opening = here
                .opening_time
                .filter(|t| t.kind != TimeKind::Deadline)
                .and_then(|t| usable_period(t, date));
            let carried = opening
                .or(paragraph.applied_period)
                .filter(|_| !period::opens_background(&text[range.clone()]));
            if let Some(p) = carried {
                if !matches!(p, Period::Day(_)) {
                    paragraph.carried_period = Some(p);
                    paragraph.carried_day = None;
                }
            }
            if let Some(day) = here
                .sentence_times
                .iter()
                .filter(|t| dates_a_stock(text, t))
                .find_map(|t| usable_period(t, date))
            {
                paragraph.carried_day = Some((day, false));
            }
            let plans_here = if here.in_sentence.is_empty() {
                states_a_plan(text, paragraph_toks, range)
            } else {
                so_far.figures.iter().any(|f| f.status == Status::Planned)
            };
            paragraph.sentence_plans = plans_here;
            paragraph.sentence_before = Some(range);
            // A sentence that states a plan without figures dates it too (`The plant is
            // planned to be built by X this year. It will cost ...`).
            let states_plan =
                here.in_sentence.is_empty() && !here.sentence_times.is_empty() && plans_here;
            // So does one that approves a programme for the years ahead (`утвердило
            // программу ... на 2023–2025 годы. На её реализацию будет выделено ...`).
            let programme_ahead = |t: &TimeExpr| {
                here.in_sentence.is_empty()
                    && t.kind == TimeKind::Span
                    && usable_period(t, date).is_some_and(|p| match p {
                        Period::Interval(Simple::Year(from), Simple::Year(to)) => {
                            date.is_none_or(|d| from + 1 >= d.year() && to >= d.year())
                        }
                        _ => false,
                    })
                    && {
                        // A sentence without figures keeps no lower-case copy.
                        let lower = tokens::lower(&text[range.clone()]);
                        ["program", "программ"].iter().any(|w| lower.contains(w))
                            && ["approv", "adopt", "утверд", "принят", "принял"]
                                .iter()
                                .any(|w| lower.contains(w))
                    }
            };
            paragraph.plan_period = so_far.plan_period.or_else(|| {
                here.sentence_times
                    .iter()
                    .filter(|t| t.kind == TimeKind::Deadline || states_plan || programme_ahead(t))
                    .find_map(|t| usable_period(t, date))
            });
            let sentence_anchors = here.anchors;
            if let Some(a) = theme(text, range, sentence_anchors).filter(|a| !foreign_country(a)) {
                paragraph.theme = Some(a.name.clone());
            }
            // `... завода ТОО «X». Стоимость проекта – 48 млрд тенге. Вторую очередь завода
            // ...`: a sentence that names nothing goes on about the focus before it.
            if !sentence_anchors.is_empty() {
                paragraph.focus = focus(text, sentence_anchors).map(|a| a.name.clone());
            }
            if here.in_sentence.is_empty() || so_far.statistic_place.is_some() {
                paragraph.statistic_place = so_far.statistic_place;
            }
            // A sentence with no figure hands on what it is about: the company or zone it
            // names (not where that stands: `X launched a plant in the Y zone`), else the
            // last name.
            if let Some(a) = so_far.subject.or_else(|| {
                focus(text, sentence_anchors)
                    .filter(|a| a.kind == entities::EntityKind::Organisation)
                    .or_else(|| {
                        sentence_anchors
                            .iter()
                            .rev()
                            .find(|a| a.role == Role::Named && !foreign_country(a))
                    })
                    .map(|a| a.name.clone())
            }) {
                memory.previous_subject = Some(a);
            }
            drop(here);
            if !so_far.figures.is_empty() {
                earlier_figures = std::mem::replace(&mut previous_figures, so_far.figures);
            }
        }
    }

    if let Some(title) = &title {
        headline::agree_with_body(text, &mut facts, title);
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

/// `as of 1 January`, `на 1 октября`: the day a stock is counted on, not the day of a
/// dateline or of an event (`КЫЗЫЛОРДА, 28 декабря`).
fn dates_a_stock(text: &str, t: &TimeExpr) -> bool {
    t.kind == TimeKind::AsOf && {
        let lower = tokens::lower(&t.text);
        lower.starts_with("as ")
            || lower.starts_with("на ")
            || tokens::word_before(text, t.span[0]).is_some_and(|w| w == "на")
    }
}

/// Whether a sentence, given in lower case, counts from a founding it does not date (`Since
/// its creation`, `since the launch of the zone`, `С момента создания`).
fn since_founding(lower_sentence: &str) -> bool {
    const PHRASES: &[&str] = &[
        "since its creation",
        "since the creation",
        "since its establishment",
        "since the establishment",
        "since its launch",
        "since the launch",
        "since its foundation",
        "since the foundation",
        "since its founding",
        "since the founding",
        "since its inception",
        "с момента создания",
        "с момента основания",
        "с момента запуска",
        "со дня создания",
        "со дня основания",
    ];
    PHRASES.iter().any(|p| lower_sentence.contains(p))
}

/// Phrases that tell a founding right before its year, and that a paragraph without figures
/// must hold for its times to be read: a founding is told in the passive (`was created in
/// 2011`, `была создана в 2011 году`, `создана в 2011 году`), not by any verb in -ed (`jobs
/// created in 2023`, `performed`).
const FOUNDED: &[&str] = &[
    "was created",
    "was founded",
    "was established",
    "was set up",
    "was formed",
    "was launched",
    "has been created",
    "создана",
    "создан",
    "создано",
    "основана",
    "основан",
    "основано",
];

/// The year a time dates a founding in (`was created in 2011`, `основана в 2011 году`), not
/// after the document's.
fn founding_year_of(text: &str, t: &TimeExpr, date: Option<chrono::NaiveDate>) -> Option<i32> {
    let (TimeKind::Point, Some(Period::Year(y))) = (t.kind, t.period) else {
        return None;
    };
    if date.is_some_and(|d| y > d.year()) {
        return None;
    }
    let before = &text[text.floor_char_boundary(t.span[0].saturating_sub(24))..t.span[0]];
    let before = tokens::lower(before.trim_end());
    // The time may start at its preposition (`in 2011`) or after it.
    let before = before
        .strip_suffix(" in")
        .or_else(|| before.strip_suffix(" в"))
        .unwrap_or(&before);
    FOUNDED
        .iter()
        .any(|p| {
            before.ends_with(p)
                && before[..before.len() - p.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .then_some(y)
}

/// Whether a paragraph breaks down or ranks a count told before it (`Chui region leads with`,
/// `Of the total area`, `из них`, `больше всего`), in its first 200 bytes.
fn breaks_down(text: &str, p: Range<usize>) -> bool {
    const WORDS: &[&str] = &[
        "leads with",
        "followed by",
        "of the total",
        "of them",
        "of which",
        "including",
        "the largest",
        "из них",
        "из общего",
        "в том числе",
        "лидирует",
        "больше всего",
        "наибольш",
    ];
    let end = text.floor_char_boundary(p.end.min(p.start + 200));
    let head = tokens::lower(&text[p.start..end]);
    WORDS.iter().any(|w| head.contains(w))
}

/// The times of paragraph `p`, read by the parser of its language.
fn find_times(
    text: &str,
    stream: &[tokens::Token],
    p: Range<usize>,
    lang: crate::Lang,
    date: Option<chrono::NaiveDate>,
) -> Vec<TimeExpr> {
    let atoms = tokens::inside(stream, p);
    match lang {
        crate::Lang::Russian => crate::ru::times::find_in(text, atoms, date),
        _ => times::find_in(text, atoms, date),
    }
}

/// The sizes of a unit the ledger writes in one (`data/canonical_units.tsv`): unit ->
/// (canonical unit, factor).
static CANONICAL_UNITS: LazyLock<Vec<(&'static str, &'static str, f64)>> = LazyLock::new(|| {
    data::CANONICAL_UNITS.load(|r| Ok((r.get(0), r.get(1), r.parse(2, "factor")?)))
});

/// `1.5 GW` as 1500 MW, `2.1 billion kWh` stays: a figure in a unit the ledger writes in
/// another size, with its range and equivalents, in that size.
fn to_canonical(q: &mut Quantity) {
    let table = &*CANONICAL_UNITS;
    let find = |unit: &str| table.iter().find(|(u, _, _)| *u == unit);
    if let Some(&(_, canonical, factor)) = q.unit.as_deref().and_then(find) {
        q.value = resized(q.value, factor);
        q.high = q.high.map(|h| resized(h, factor));
        q.unit = Some(canonical.to_string());
    }
    for e in &mut q.equivalents {
        if let Some(&(_, canonical, factor)) = find(&e.unit) {
            e.value = resized(e.value, factor);
            e.unit = canonical.to_string();
        }
    }
}

/// The units a small number word refers back to parties with (`data/reference_units.tsv`).
static REFERENCE_UNITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data::REFERENCE_UNITS.load(|r| Ok(r.get(0))));

/// `trade between the two countries`, `the two governments agreed`, `товарооборот двух
/// стран`: a number word of two or three before a party named already points back to them;
/// it counts nothing new. English asks for `the`, `these`, `those` or `both` before it,
/// Russian for `двух`, `обе`.
fn refers_back(text: &str, q: &Quantity) -> bool {
    let in_words = q.text.starts_with(char::is_alphabetic);
    let party = q
        .unit
        .as_deref()
        .is_some_and(|u| REFERENCE_UNITS.contains(&u));
    if !(in_words && party && q.kind == quantities::QuantityKind::Count && q.value <= 3.0) {
        return false;
    }
    // Russian has no article: only `двух`, `обе` say `both` well enough (`на три страны
    // приходится 62%` sums three named countries up as a count, `в две страны` is a first
    // mention).
    let russian = !q.text.is_ascii();
    let both = ["двух", "обе", "обеих", "обоих"]
        .iter()
        .any(|w| tokens::lower(&q.text).starts_with(w));
    russian && both
        || !russian
            && tokens::word_before(text, q.span[0])
                .is_some_and(|w| matches!(w.as_ref(), "the" | "these" | "those" | "both"))
}

/// `value` times `factor`, rounded to millionths: `2.01 GW` is 2010 MW, not
/// 2009.9999999999998.
fn resized(value: f64, factor: f64) -> f64 {
    (value * factor * 1e6).round() / 1e6
}
