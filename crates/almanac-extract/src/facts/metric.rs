//! What a figure measures (`metric`); how it measures is `measure`'s, and how it stands
//! to the figures before it `parts`'.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::sentence::{CueAt, CueScope, MetricCue, Sentence, CUES};
use crate::fact::{Measure, Metric};
use crate::quantities::{Quantity, QuantityKind};
use crate::tokens::{lower, word_is, Tok, TokKind};

/// Words before a verb that make it what can, will or is to be done, not what is.
const MODALS: &[&str] = &[
    "will",
    "can",
    "could",
    "would",
    "should",
    "shall",
    "may",
    "might",
    "to",
    "будет",
    "будут",
    "сможет",
    "смогут",
    "может",
    "могут",
    "должен",
    "должна",
    "должно",
    "должны",
];

/// Words before a verb, anywhere in its sentence, that make it what a works yet to come
/// does (`we will add a workshop that processes`).
const FUTURE: &[&str] = &[
    "will",
    "would",
    "plans",
    "planned",
    "будет",
    "будут",
    "планирует",
    "планируется",
];

/// Whether the verb at token `verb` is in the present while its sentence tells a founding
/// (`launched`, `opened`, `запущен`).
fn present_after_a_founding(text: &str, s: &Sentence, verb: usize) -> bool {
    let w = lower(s.toks[verb].text(text));
    let past = w.ends_with("ed") || crate::ru::tense::is_past(&w);
    !past
        && (0..s.toks.len()).any(|k| {
            word_is(
                text,
                s.toks,
                k,
                &[
                    "launched",
                    "opened",
                    "commissioned",
                    "founded",
                    "built",
                    "запущен",
                    "запущенный",
                    "открыт",
                    "открытый",
                    "введён",
                    "введен",
                    "построен",
                ],
            )
        })
}

/// Whether the cue at token `cue` lies inside a figure that ends before token `fig_tok`,
/// with a cue of clause `clause` outside any figure between that figure and `fig_tok`.
fn counted_by_earlier_figure(s: &Sentence, cue: usize, fig_tok: usize, clause: usize) -> bool {
    let Some(other) = s
        .figure_toks
        .iter()
        .find(|r| r.contains(&cue) && r.end <= fig_tok)
    else {
        return false;
    };
    s.metric_cues.iter().any(|c| {
        c.tok >= other.end
            && c.tok < fig_tok
            && !c.in_title
            && !s.figure_toks.iter().any(|r| r.contains(&c.tok))
            && s.clause_of(s.toks[c.tok].start) == clause
    })
}

/// The metrics a cue word in its own clause may give a count or measure instead of its
/// unit's metric: people may be passengers, employed or lifted out of poverty, tons may be
/// waste, a capacity or exports, square metres housing, plants power plants.
fn refinements(unit_metric: Metric) -> &'static [Metric] {
    match unit_metric {
        Metric::Other => &[
            Metric::Transport,
            Metric::Infrastructure,
            Metric::Capacity,
            Metric::Trade,
            Metric::Employment,
            Metric::Unemployment,
            Metric::Income,
            Metric::Housing,
            Metric::Output,
        ],
        Metric::Output | Metric::Capacity => &[
            Metric::Capacity,
            Metric::Environment,
            Metric::Transport,
            Metric::Trade,
        ],
        Metric::Area => &[Metric::Housing, Metric::Capacity, Metric::Environment],
        Metric::Infrastructure => &[
            Metric::Housing,
            Metric::Capacity,
            Metric::Environment,
            Metric::Companies,
        ],
        Metric::Companies => &[Metric::Infrastructure],
        // Vehicles are made and sold as well as driven.
        Metric::Transport => &[
            Metric::Transport,
            Metric::Capacity,
            Metric::Output,
            Metric::Trade,
        ],
        _ => &[],
    }
}

/// The metrics money can have: a cue for anything else beside it (`jobs`, `companies`)
/// says nothing of it.
const MONEY_METRICS: &[Metric] = &[
    Metric::Investment,
    Metric::Fdi,
    Metric::ProjectValue,
    Metric::Output,
    Metric::Economy,
    Metric::Trade,
    Metric::Budget,
    Metric::Income,
    Metric::Prices,
    Metric::Capacity,
    Metric::Housing,
    Metric::Other,
];

/// A figure's metric and whether the figure's own words gave it: its unit, or a cue of its
/// own clause. One taken from another clause, or the default, may give way to the figure
/// the clause goes on about (`exports reached $95 million, 2.4 times more than ...`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct MetricChoice {
    pub metric: Metric,
    pub own: bool,
    /// Whether a unit or a cue word gave it, not the default of its kind.
    pub cued: bool,
    /// Whether a cue word, or a rule that settles the metric outright, gave it: not its
    /// unit or kind alone.
    pub worded: bool,
    /// The index in the sentence's tokens of the weak cue that gave it (`revenues`,
    /// `investment`), which says little alone: what stands before it may say more.
    pub weak_cue_tok: Option<usize>,
}

/// Whether the figures from token `from` up to `to` are all rates (`1.8%`, `в 1,5 раза`).
fn only_rates_between(text: &str, s: &Sentence<'_>, from: usize, to: usize) -> bool {
    s.figure_toks
        .iter()
        .filter(|r| r.start > from && r.start < to)
        .all(|r| {
            s.toks[r.clone()].iter().any(|t| {
                let w = lower(t.text(text));
                w == "%" || w.starts_with("percent") || w.starts_with("процент") || w == "раза"
            })
        })
}

/// `, or 38%,`: the tokens of a percentage that opens right after `or` at token `k` and is
/// closed by a comma, restating the figure before it as a share of its whole.
fn share_after_or<'s>(
    text: &str,
    s: &'s Sentence<'_>,
    k: usize,
) -> Option<&'s std::ops::Range<usize>> {
    if !word_is(text, s.toks, k, &["or", "или"]) {
        return None;
    }
    s.figure_toks.iter().find(|r| {
        r.start == k + 1
            && s.toks.get(r.end).is_some_and(|x| x.text(text) == ",")
            && s.toks[r.start..r.end].iter().any(|x| {
                let w = lower(x.text(text));
                w == "%" || w == "cent" || w.starts_with("percent") || w.starts_with("процент")
            })
    })
}

/// `14 villages with 9,600 residents were connected to gas`: a figure between a figure and a
/// cue after it that only describes the first (after `with`, `home to`, `с населением`, in
/// the first one's phrase) does not take the cue for itself alone.
fn only_descriptions_between(text: &str, s: &Sentence<'_>, from: usize, to: usize) -> bool {
    s.figure_starts
        .iter()
        .filter(|&&(t, _)| t >= from && t < to)
        .all(|&(t, _)| {
            let mut k = t;
            while k > from
                && word_is(
                    text,
                    s.toks,
                    k - 1,
                    &[
                        "some",
                        "about",
                        "around",
                        "nearly",
                        "almost",
                        "over",
                        "около",
                        "почти",
                        "более",
                        "свыше",
                    ],
                )
            {
                k -= 1;
            }
            // `products worth 118.6 billion tenge, or 38%, were exported`: the share the first
            // figure is of its whole, set right after it, restates it.
            let restated_share = k == from + 2
                && s.toks[from].kind == TokKind::Sym
                && s.toks[from].text(text) == ","
                && share_after_or(text, s, from + 1).is_some_and(|r| r.start == t);
            // In the first figure's own phrase: no comma or dash between (`50% by 2030,
            // with 360,000 SMEs operating` is a clause of its own).
            restated_share
                || k > from
                    && !s.toks[from..k - 1].iter().any(|t| t.kind == TokKind::Sym)
                    && (word_is(text, s.toks, k - 1, &["with", "населением"])
                        || k > from + 1
                            && word_is(text, s.toks, k - 1, &["to"])
                            && word_is(text, s.toks, k - 2, &["home"]))
        })
}

/// What a figure measures: a count's unit decides, refined by a cue in its own clause;
/// money and percentages take the nearest cue, preferring their own clause.
pub(super) fn metric(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> MetricChoice {
    let own = |metric| MetricChoice {
        metric,
        own: true,
        cued: true,
        worded: true,
        weak_cue_tok: None,
    };
    let cues = &*CUES;
    let by_unit = match q.kind {
        QuantityKind::Rank => return own(Metric::Rank),
        QuantityKind::Count | QuantityKind::Measure => {
            let m = q
                .unit
                .as_deref()
                .and_then(|u| cues.unit_metric.get(u).copied())
                .unwrap_or(Metric::Other);
            // `12 kindergartens for 2,880 children`: the places of a facility.
            // The facility stands right before `for`, as the count's own noun (`12
            // kindergartens for`), not further off (`the employment centre found jobs for`).
            let for_facility = fig_tok >= 2
                && word_is(text, s.toks, fig_tok - 1, &["for"])
                && s.toks[..fig_tok - 1].iter().rev().take(1).any(|t| {
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
                return own(Metric::Infrastructure);
            }
            // What is produced or handled per day or year (`600 units a year`, `2 million
            // tons per year`) is a capacity; people and jobs a year are not, and area a year
            // only where the clause produces it (`can produce 120 million square metres of
            // fabric a year`).
            let per_time = matches!(q.per.as_deref(), Some("year" | "day" | "month" | "hour"));
            let people = q.unit.as_deref().is_some_and(|u| cues.people.contains(u));
            // The verbs of making before the figure in its clause.
            let making_verbs = || {
                let clause = s.clause_of(q.span[0]);
                s.metric_cues.iter().filter(move |c| {
                    c.cue.verb
                        && c.cue.metric == Metric::Output
                        && c.tok < fig_tok
                        && s.clause_of(s.toks[c.tok].start) == clause
                })
            };
            let produced = || making_verbs().next().is_some();
            // Anything handled per hour is what a facility can take (`4,000 passengers an
            // hour`), whatever it is; traffic per day is a count of traffic.
            if q.per.as_deref() == Some("hour") {
                return own(Metric::Capacity);
            }
            // `Today it processes 280 tonnes of milk a day`, `выпускал 180 тыс. тонн в год`:
            // what a works makes now or made then, told by a verb of making right before the
            // figure, is its output; what it can, will or is to make stays a capacity.
            let made = || {
                making_verbs().any(|c| {
                    fig_tok - c.tok <= 3
                        && (c.tok == 0 || !word_is(text, s.toks, c.tok - 1, MODALS))
                        // `The plant, launched in March, produces 100,000 tonnes a year`:
                        // a new works' yearly figure in the present is what it was built
                        // for; in the past (`opened in 1959 and processed`) what it made.
                        && !present_after_a_founding(text, s, c.tok)
                        // `we will add a workshop that processes 50 tonnes a day`: a works
                        // yet to come.
                        && !(0..c.tok).any(|k| word_is(text, s.toks, k, FUTURE))
                })
            };
            if per_time && !people && matches!(m, Metric::Output | Metric::Other) && made() {
                return own(Metric::Output);
            }
            if per_time
                && !people
                && (matches!(
                    m,
                    Metric::Output | Metric::Infrastructure | Metric::Other | Metric::Companies
                ) || m == Metric::Area && produced())
            {
                Some(Metric::Capacity)
            } else {
                Some(m)
            }
        }
        _ => None,
    };
    let counts_people = q.unit.as_deref().is_some_and(|u| cues.people.contains(u));
    let clause = s.clause_of(q.span[0]);
    let joined = joined_to_label(text, s, fig_tok);
    let fig_end_tok = s.tok_at(q.span[1]);
    if q.kind == QuantityKind::Percent && builds_a_facility(text, s, fig_tok, fig_end_tok) {
        return own(Metric::Infrastructure);
    }
    // `88.5% of the region's output`, `38% кредитного портфеля`: a share takes the metric of
    // its whole, written after it.
    let whole_after = q.kind == QuantityKind::Percent
        && (word_is(text, s.toks, fig_end_tok, &["of", "in"])
            || s.metric_cues.iter().any(|c| c.tok == fig_end_tok));
    // `products worth 118.6 billion tenge, or 38%, were exported`: the share that restates
    // the figure stands in a clause of its own between it and the rest of its clause.
    // The clause is `or 38%,`: its comma closes it.
    let restates = |c: usize| {
        let mid = s.clause_toks(c);
        share_after_or(text, s, mid.start).is_some_and(|r| r.end + 1 == mid.end)
    };
    // The share itself is of the clauses on either side of it.
    let restating = clause >= 1 && restates(clause);
    let restated_between = |cue_clause: usize| {
        cue_clause == clause + 2 && restates(clause + 1)
            || restating && (cue_clause + 1 == clause || cue_clause == clause + 1)
    };
    // `Products worth $47 million were exported`: a passive verb after the figure says what
    // was done with the goods, and so more than the goods' noun.
    let passive_verb_after = s.metric_cues.iter().any(|c| {
        c.cue.verb
            && !c.in_title
            && c.tok >= fig_end_tok.max(1)
            && word_is(text, s.toks, c.tok - 1, &["was", "were", "been", "be"])
            && {
                let cc = s.clause_of(s.toks[c.tok].start);
                cc == clause || restated_between(cc)
            }
    });
    let mut best: Option<((bool, bool, bool, usize), MetricCue)> = None;
    let mut best_tok = 0;
    for c in s.metric_cues.iter().filter(|c| !c.in_title) {
        let (i, n, cue) = (c.tok, c.len, c.cue);
        let inside = i >= fig_tok && i < fig_end_tok;
        // A count's own words refine it (`66 apartment buildings`, `5 solar power plants`);
        // money and percentages have none.
        if inside && by_unit.is_none() {
            continue;
        }
        // `a hub worth $40 million with a capacity of 240,000 containers`: a cue right before
        // another figure is that figure's.
        if !inside && s.cue_claimed_by_other(text, c, q) {
            continue;
        }
        // `4,500 jobs were created and investment grew by 12%`: the noun a count before a
        // rate counts is that count's, once a cue of the rate's clause stands between. Money
        // is often what the counted things are worth (`49 projects worth 410 billion`).
        if q.kind == QuantityKind::Percent
            && !inside
            && i < fig_tok
            && counted_by_earlier_figure(s, i, fig_tok, clause)
        {
            continue;
        }
        // `sales rose 8% on higher grain prices`, `из-за падения цен на медь`: prices
        // given as the cause of a figure are not what it measures.
        if cue.metric == Metric::Prices
            && i >= fig_end_tok
            && (i.saturating_sub(4)..i).any(|k| {
                word_is(
                    text,
                    s.toks,
                    k,
                    &["on", "due", "because", "amid", "из-за", "благодаря", "фоне"],
                )
            })
        {
            continue;
        }
        let allowed = match (by_unit, cue.scope) {
            // Facilities are companies only by their own words (`12 production facilities`),
            // not by another count's (`11 enterprises and 4 kindergartens`).
            (Some(Metric::Infrastructure), _) if cue.metric == Metric::Companies => inside,
            // `The waiting list for housing counts 96,000 people`: people are housed as
            // families (`2,950 families received apartments`), never counted as housing.
            // Nor are people traded (`50,000 residents work abroad`).
            (Some(_), _)
                if matches!(cue.metric, Metric::Housing | Metric::Trade) && counts_people =>
            {
                false
            }
            // Of the counts with no metric of their own, only people are carried
            // (`passenger traffic reached 95,000 people`); works are not (`carried out in 46
            // villages`).
            (Some(Metric::Other), _) if cue.metric == Metric::Transport && !counts_people => false,
            (Some(u), CueScope::Any | CueScope::Count) => refinements(u).contains(&cue.metric),
            (Some(_), _) => false,
            // A good a share is of is read apart (`Sentence::whole_cues`).
            (None, CueScope::Count | CueScope::Whole) => false,
            (None, _) if q.kind == QuantityKind::Money && !MONEY_METRICS.contains(&cue.metric) => {
                false
            }
            (None, CueScope::Money) => q.kind == QuantityKind::Money,
            // `manufacturing grew to KZT1.4trl`: a sector that moves is measured in money
            // too, though `construction of a hospital worth 9 billion tenge` is not.
            (None, CueScope::Percent) => {
                q.kind != QuantityKind::Money
                    || crate::lexicon::LEXICONS
                        .directions_before
                        .starting_at(text, s.toks, i + n)
                        .is_some()
            }
            (None, CueScope::Any | CueScope::Value) => true,
        };
        if !allowed {
            continue;
        }
        // `120 km of roads were repaired and 60,000 trees were planted`: a cue after another
        // figure of the sentence is that figure's.
        if i >= fig_end_tok
            && s.figure_between(fig_end_tok, i)
            && !only_descriptions_between(text, s, fig_end_tok, i)
        {
            continue;
        }
        // Money attracted `to the economy of Astana` or invested `in the city's economy` is
        // investment into a place, not the size of its economy.
        if cue.metric == Metric::Economy && destination_of_investment(text, s, i) {
            continue;
        }
        // `debt fell to 39.8% of GDP`, `переводы составили 29,4% ВВП`, `отношение долга к
        // ВВП`: GDP a rate is measured against says what the rate is of no more than a
        // population does; what it divides tells the metric.
        if cue.metric == Metric::Economy
            && q.kind == QuantityKind::Percent
            && divides_by(text, s, i, fig_tok, fig_end_tok)
        {
            continue;
        }
        // `Investment in manufacturing grew 1.4 times`, `Вложения в обрабатывающую
        // промышленность выросли`, `Investment in housing construction reached ...`: the
        // sector right after a word of investment is where the money goes.
        let rate_or_money = matches!(
            q.kind,
            QuantityKind::Money | QuantityKind::Percent | QuantityKind::Multiplier
        );
        // Floor area of the sentence is still housing's (`and 2.1 million square metres were
        // commissioned`).
        if (cue.metric == Metric::Output || cue.metric == Metric::Housing && rate_or_money)
            && sector_invested_in(text, s, i)
        {
            continue;
        }
        if q.kind == QuantityKind::Money
            && matches!(
                cue.metric,
                Metric::Housing
                    | Metric::Output
                    | Metric::Infrastructure
                    | Metric::Environment
                    | Metric::Transport
            )
            && sector_spent_on(text, s, i)
        {
            continue;
        }
        let cue_clause = s.clause_of(s.toks[i].start);
        let other_clause = cue_clause != clause
            && !(joined && cue_clause + 1 == clause)
            && !(cue.verb && restated_between(cue_clause));
        // `Total inflows of foreign investment, including loans and portfolio investment,
        // amounted to $3.26 billion`: the parts an aside lists say what the whole of
        // another clause is only when nothing else does (`commissioned 500,000 square
        // metres, including individual housing`).
        // Money with no cue of its own goes on as the money before it did (`Another 61.8
        // billion tenge went to housing, including the reconstruction of ...`), which the
        // aside does not outweigh.
        let in_aside = other_clause && {
            let opening = s.clause_toks(cue_clause).start;
            word_is(text, s.toks, opening, &["including"])
                || word_is(text, s.toks, opening, &["в"])
                    && word_is(text, s.toks, opening + 1, &["том"])
                    && word_is(text, s.toks, opening + 2, &["числе"])
        };
        if in_aside && q.kind == QuantityKind::Money {
            continue;
        }
        let before = i < fig_tok;
        let dist = if inside {
            0
        } else if before {
            fig_tok - (i + n - 1)
        } else {
            i - fig_end_tok + 1
        };
        // In the figure's own clause the first cue before it names what the clause is about
        // (`prices for tobacco products increased by 6.5%`: prices, not products); elsewhere
        // the nearest cue wins. Ties go to the cue before the figure, or after it for a share
        // of a whole (`88.5% of the region's output`).
        // A verb of the clause says more than its nouns (`the plant produced goods worth`);
        // a participle after a preposition or article (`prices for imported goods`) is
        // the noun's adjective.
        let adjective = i >= 1
            && word_is(
                text,
                s.toks,
                i - 1,
                &[
                    "for", "of", "the", "a", "an", "in", "on", "with", "from", "to", "and",
                ],
            );
        // After `and` it is still a verb when a verb cue of its clause stands before the
        // `and`: a second predicate (`produced goods worth ... and exported products worth
        // ...`).
        let second_predicate = i >= 1
            && word_is(text, s.toks, i - 1, &["and"])
            && s.metric_cues.iter().any(|c| {
                c.cue.verb && c.tok + 1 < i && s.clause_of(s.toks[c.tok].start) == cue_clause
            });
        let verb = cue.verb && (!adjective || second_predicate);
        // A count's own words (`46 new production facilities`), the noun that is worth the
        // money (`products worth 2.5 billion tenge`) and what the money is in (`$82 million
        // in export revenue`) say what the figure is before anything else in its clause.
        // `exported goods worth $1.1 billion`: goods a verb of another metric takes as its
        // object are what that verb says of them.
        let object_of_verb = s
            .metric_cues
            .iter()
            .any(|c| c.cue.verb && c.cue.metric != cue.metric && c.tok + 1 == i);
        let order = if inside
            || (before
                && i + n == fig_tok.saturating_sub(1)
                && !object_of_verb
                && !passive_verb_after
                && names_the_worth(text, s, fig_tok))
            || (!before && by_unit.is_none() && measured_after(text, s, fig_end_tok) == Some(i))
        {
            0
        } else if !other_clause && before && !inside && !verb {
            s.toks.len() + i
        } else if verb && !other_clause {
            dist
        } else {
            // In other clauses a cue before the figure comes first: one after it starts a
            // list or an aside (`Construction grew most, 13.3 percent, followed by trade`).
            let aside = !before && !whole_after;
            2 * s.toks.len()
                + usize::from(aside) * 2 * s.toks.len()
                + dist * 2
                + usize::from(before == whole_after)
        };
        // A specific cue of the clause beats a generic one (`investments in the project`).
        // `will export 30% of its products`: a verb of trade right before a share takes it as
        // its object, and says more than the whole after it (`produce 36.5% of GDP` is still
        // a share of the economy).
        let takes_figure = verb && cue.metric == Metric::Trade && i + n == fig_tok;
        let key = (
            other_clause,
            cue.weak || in_aside,
            whole_after && before && !takes_figure,
            order + usize::from(in_aside) * 8 * s.toks.len(),
        );
        if best.is_none_or(|(b, _)| key < b) {
            best = Some((key, cue));
            best_tok = i;
        }
    }
    // `84 projects with an overall investment of $736 million`: the money the projects are
    // worth, not investment attracted into a place.
    // `16 enterprises with a total investment of 60 billion tenge`: counted companies of the
    // clause are what the money is worth too.
    let projects_named = || {
        s.metric_cues.iter().filter(|c| !c.in_title).any(|c| {
            let same_clause = s.clause_of(s.toks[c.tok].start) == clause;
            c.cue.metric == Metric::ProjectValue && !c.cue.weak && (c.tok < fig_tok || same_clause)
                || c.cue.metric == Metric::Companies
                    && c.tok < fig_tok
                    && same_clause
                    && s.inside_other_figure(c.tok, fig_tok)
                    && (c.tok..fig_tok).any(|k| word_is(text, s.toks, k, &["with"]))
        })
    };
    let own_clause = matches!(best, Some(((false, _, _, _), _)));
    // `supply 38% of the milk processed`: a share of a good with no cue of its own clause is
    // a share of what was made.
    if q.kind == QuantityKind::Percent && !own_clause {
        if let Some(c) = s
            .whole_cues
            .iter()
            .find(|c| names_the_whole(text, s, fig_end_tok, c.tok))
        {
            return own(c.cue.metric);
        }
    }
    let metric = match (by_unit, best) {
        (Some(_), Some(((false, _, _, _), cue))) => cue.metric,
        // `В строительстве жилья план перевыполнен: введено 412 тыс. кв. м`: floor area in a
        // sentence on housing is housing's, whichever clause names it.
        (Some(Metric::Area), Some((_, cue))) if cue.metric == Metric::Housing => Metric::Housing,
        // `Экспорт цемента, в основном в Афганистан, составил 205 тыс. тонн`, `Export
        // shipments fell 1.8%, to 58.9 million tonnes`: goods measured in a clause of their
        // own after the noun that opens the sentence, with only rates between, are what
        // that noun says.
        (Some(u @ Metric::Output), Some((_, cue)))
            if !cue.weak
                && best_tok < fig_tok
                && refinements(u).contains(&cue.metric)
                && only_rates_between(text, s, best_tok, fig_tok)
                && s.clause_of(s.toks[best_tok].start) == 0 =>
        {
            cue.metric
        }
        (Some(u), _) => u,
        (None, Some((_, cue))) if cue.metric == Metric::Investment && cue.weak => {
            if q.kind == QuantityKind::Money
                && (projects_named() || into_new_facility(text, s, fig_end_tok))
            {
                Metric::ProjectValue
            } else {
                Metric::Investment
            }
        }
        (None, Some((_, cue))) => cue.metric,
        (None, None) => match q.kind {
            QuantityKind::Money if projects_named() => Metric::ProjectValue,
            QuantityKind::Money => Metric::Investment,
            // `the number of hotels has more than doubled`: a rate of a count measures what
            // the counted thing would.
            QuantityKind::Percent | QuantityKind::Multiplier => {
                number_of(text, s, cues).unwrap_or(Metric::Other)
            }
            _ => Metric::Other,
        },
    };
    // `трудоустроила 3 270 безработных`, `found work for 900 unemployed`: the unemployed a
    // verb of its clause employs are counted as employed.
    let metric = if metric == Metric::Unemployment
        && counts_people
        && s.metric_cues.iter().any(|c| {
            c.cue.verb
                && c.cue.metric == Metric::Employment
                && s.clause_of(s.toks[c.tok].start) == clause
        }) {
        Metric::Employment
    } else {
        metric
    };
    MetricChoice {
        metric,
        own: by_unit.is_some() || own_clause,
        cued: by_unit.is_some() || best.is_some(),
        worded: best.is_some(),
        weak_cue_tok: best
            .filter(|(_, cue)| by_unit.is_none() && cue.weak && cue.metric == metric)
            .map(|_| best_tok),
    }
}

/// The metric of the counted noun after `the number of` in the sentence (`hotels` ->
/// infrastructure), through the counted nouns' lemmas and their units' metrics.
fn number_of(text: &str, s: &Sentence<'_>, cues: &super::sentence::Cues) -> Option<Metric> {
    let at = (0..s.toks.len().saturating_sub(2)).find(|&i| {
        word_is(text, s.toks, i, &["number"]) && word_is(text, s.toks, i + 1, &["of"])
    })?;
    crate::lexicon::LEXICONS
        .counted_nouns
        .starting_at(text, s.toks, at + 2)
        .and_then(|(_, lemma)| cues.unit_metric.get(lemma).copied())
}

/// Whether cue `c` stands in the name of an office or the title of an official (`the
/// investment department`, `Minister of Trade and Integration`, `Ministry of National
/// Economy`): it names who speaks, not what a figure measures.
pub(super) fn in_title(text: &str, toks: &[Tok], c: &CueAt) -> bool {
    let offices = &CUES.offices;
    let office_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.kind == TokKind::Word && offices.get(t.id).is_some())
    };
    // `investment department`, `trade and industry department`
    let end = c.tok + c.len;
    if office_at(end)
        || word_is(text, toks, end, &["and", "&"]) && (office_at(end + 2) || office_at(end + 3))
    {
        return true;
    }
    // `Ministry of [National] Economy`, `Minister of Industry and Trade`: back over capitalised
    // words and `and` to `of` or `for`, with an office before it.
    let mut k = c.tok;
    while k >= 1 {
        let w = toks[k - 1].text(text);
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if word_is(text, toks, k - 1, &["of", "for"]) {
            return k >= 2 && office_at(k - 2);
        }
        if !(capital || matches!(w, "and" | "&" | "the")) || c.tok - k >= 5 {
            return false;
        }
        k -= 1;
    }
    false
}

/// `will invest €120 million in a 100 MW solar park`, `put 1.6 billion yuan into a grain
/// terminal`: money put into a new facility (`a`, `an`) is what the facility is worth. The
/// facility is a noun whose count is infrastructure or companies, or a word of a project.
fn into_new_facility(text: &str, s: &Sentence<'_>, fig_end_tok: usize) -> bool {
    let facility = |k: usize| {
        counts_as(text, s, k, &[Metric::Infrastructure, Metric::Companies])
            || s.metric_cues
                .iter()
                .any(|c| c.tok == k && c.cue.metric == Metric::ProjectValue && !c.cue.weak)
    };
    word_is(text, s.toks, fig_end_tok, &["in", "into"])
        && word_is(text, s.toks, fig_end_tok + 1, &["a", "an"])
        && (fig_end_tok + 2..fig_end_tok + 8)
            .take_while(|&k| {
                s.toks
                    .get(k)
                    .is_some_and(|t| !matches!(t.text(text), "," | ";" | "."))
            })
            .any(facility)
}

/// `the hospital is 85% complete`, `construction of the metro line is 60 percent complete`:
/// how far the building of a facility has got is the facility's (infrastructure); a plant's
/// progress is not (no facility word, no `construction of`).
fn builds_a_facility(text: &str, s: &Sentence<'_>, fig_tok: usize, fig_end_tok: usize) -> bool {
    if !word_is(text, s.toks, fig_end_tok, &["complete", "completed"]) {
        return false;
    }
    (0..fig_tok).any(|k| {
        (word_is(text, s.toks, k, &["construction"]) && word_is(text, s.toks, k + 1, &["of"]))
            || counts_as(text, s, k, &[Metric::Infrastructure])
    })
}

/// Whether the noun at token `k`, as written or without a plural `s` (`clinics`), is a
/// unit whose count has one of `metrics` (`unit_metrics.tsv`).
fn counts_as(text: &str, s: &Sentence<'_>, k: usize, metrics: &[Metric]) -> bool {
    let Some(t) = s.toks.get(k) else {
        return false;
    };
    let w = lower(t.text(text));
    let singular = w.strip_suffix('s').unwrap_or(&w);
    [w.as_ref(), singular]
        .iter()
        .any(|w| CUES.unit_metric.get(w).is_some_and(|m| metrics.contains(m)))
}

/// `products worth 2.5 billion tenge`, `a plant valued 9 billion tenge`: the word before the
/// figure ties it to the noun before that.
pub(super) fn names_the_worth(text: &str, s: &Sentence<'_>, fig_tok: usize) -> bool {
    fig_tok >= 1 && word_is(text, s.toks, fig_tok - 1, &["worth", "valued", "costing"])
}

/// `$82 million in export revenue`, `164.2 billion tenge of investment`: the first token of
/// the noun the figure is an amount of, right after it.
fn measured_after(text: &str, s: &Sentence<'_>, fig_end_tok: usize) -> Option<usize> {
    word_is(text, s.toks, fig_end_tok, &["in", "of"]).then_some(fig_end_tok + 1)
}

/// Whether the economy cue at token `i` is where investment goes (`attracted to the economy
/// of Astana`, `invested in the city's real economy`): `to`, `into` or `in` shortly before it
/// and a word of investment in its clause.
fn destination_of_investment(text: &str, s: &Sentence<'_>, i: usize) -> bool {
    let clause = s.clause_of(s.toks[i].start);
    let after_into =
        (i.saturating_sub(4)..i).any(|k| word_is(text, s.toks, k, &["to", "into", "in"]));
    // `в экономику области освоено 3,4 трлн сумов инвестиций`: the Russian word of
    // investment may come after.
    let after_v = i >= 1 && word_is(text, s.toks, i - 1, &["в", "во"]);
    (after_into || after_v)
        && s.metric_cues.iter().any(|c| {
            c.cue.metric == Metric::Investment
                && (c.tok < i || after_v)
                && s.clause_of(s.toks[c.tok].start) == clause
        })
}

/// Whether the output cue at token `i` names the sector a word of investment just before it
/// goes to: `in`, `into` or `в` right before the cue (an adjective between at most), and the
/// word of investment right before that.
/// `Another 61.8 billion tenge went to housing and utilities`, `на ЖКХ направлено 12 млрд`:
/// the sector right after a verb of spending and its preposition is where money goes, not
/// what the money measures.
fn sector_spent_on(text: &str, s: &Sentence<'_>, i: usize) -> bool {
    const SPENT: &[&str] = &[
        "went",
        "go",
        "goes",
        "spent",
        "allocated",
        "directed",
        "channelled",
        "channeled",
        "earmarked",
        "направлено",
        "направлены",
        "направят",
        "выделено",
        "выделены",
        "израсходовано",
        "потрачено",
    ];
    preposition_before(text, s, i, &["to", "on", "for", "into", "на"])
        .is_some_and(|at| (at.saturating_sub(2)..at).any(|k| word_is(text, s.toks, k, SPENT)))
}

/// The token of one of `prepositions` right before cue token `i`, or one word before it
/// (`in manufacturing`, `to housing and utilities`, `into the processing industry`).
fn preposition_before(
    text: &str,
    s: &Sentence<'_>,
    i: usize,
    prepositions: &[&str],
) -> Option<usize> {
    [1, 2]
        .into_iter()
        .filter_map(|back| i.checked_sub(back))
        .find(|&k| word_is(text, s.toks, k, prepositions))
}

fn sector_invested_in(text: &str, s: &Sentence<'_>, i: usize) -> bool {
    let Some(at) = preposition_before(text, s, i, &["in", "into", "в", "во"]) else {
        return false;
    };
    s.metric_cues
        .iter()
        .any(|c| c.cue.metric == Metric::Investment && c.tok + c.len == at)
}

/// `industry – 12%`, `строительстве – на 18,8%`, `Unemployed on the register: 2,310 people`:
/// a figure that opens the clause after a dash or a colon, a preposition at most between, is
/// said of the label that stands before it.
fn joined_to_label(text: &str, s: &Sentence<'_>, fig_tok: usize) -> bool {
    let joiner_at = |k: usize| {
        s.toks
            .get(k)
            .is_some_and(|t| matches!(t.text(text), "–" | "—" | ":"))
    };
    fig_tok >= 1 && joiner_at(fig_tok - 1)
        || fig_tok >= 2
            && joiner_at(fig_tok - 2)
            && word_is(text, s.toks, fig_tok - 1, &["by", "на", "в", "до"])
}

/// The countries of the gazetteer by their adjectives, lower case (`chinese` -> China).
static COUNTRY_ADJECTIVES: std::sync::LazyLock<rustc_hash::FxHashMap<String, &'static str>> =
    std::sync::LazyLock::new(|| {
        crate::entities::places()
            .iter()
            .filter(|p| p.kind == crate::entities::EntityKind::Country)
            .flat_map(|p| p.adjectives.iter().map(move |a| (a.to_lowercase(), p.name)))
            .collect()
    });

/// `Investors from China put in $2.3 billion`, `Russian companies invested 190 billion
/// rubles`, `foreign investors brought`, `investment from China rose 1.7 times`: money (or
/// its rate) whose source is investors of another country than `home` is foreign direct
/// investment. The last investor noun before the figure in its
/// clause decides; an agreement or a contract signed is a plan of investment, not an inflow.
pub(super) fn from_foreign_investors(
    text: &str,
    s: &Sentence<'_>,
    q: &Quantity,
    fig_tok: usize,
    home: Option<&str>,
) -> bool {
    const INVESTORS: &[&str] = &[
        "investor",
        "investors",
        "company",
        "companies",
        "firms",
        "businesses",
    ];
    // The money itself, foreign when it comes from abroad, and so are its moves (`investment
    // from China rose 1.7 times`), though not its share of a whole (FACTS.md `budget`).
    const INVESTMENT: &[&str] = &[
        "investment",
        "investments",
        "flows",
        "инвестиции",
        "инвестиций",
        "вложения",
    ];
    const AGREEMENTS: &[&str] = &[
        "agreement",
        "agreements",
        "memorandum",
        "memoranda",
        "contract",
        "contracts",
        "deal",
        "deals",
    ];
    let rate = q.kind == QuantityKind::Multiplier
        || q.kind == QuantityKind::Percent && q.direction.is_some();
    if q.kind != QuantityKind::Money && !rate {
        return false;
    }
    let clause = s.clause_of(q.span[0]);
    let in_clause = |i: usize| {
        s.toks
            .get(i)
            .is_some_and(|t| s.clause_of(t.start) == clause)
    };
    if (0..s.toks.len()).any(|i| in_clause(i) && word_is(text, s.toks, i, AGREEMENTS)) {
        return false;
    }
    // The money's own adjectives are the cues' (`a share of foreign investment` is
    // investment's): it speaks here only when where it comes from follows it.
    let from_at = |i: usize| word_is(text, s.toks, i + 1, &["from", "из"]);
    let Some(noun) = (0..fig_tok).rev().take_while(|&i| in_clause(i)).find(|&i| {
        word_is(text, s.toks, i, INVESTORS) || word_is(text, s.toks, i, INVESTMENT) && from_at(i)
    }) else {
        return false;
    };
    let money_noun = word_is(text, s.toks, noun, INVESTMENT);
    if rate && !money_noun {
        return false;
    }
    let foreign = |name: &str| home.is_some_and(|h| h != name);
    if noun >= 1 && !money_noun {
        if word_is(text, s.toks, noun - 1, &["foreign"]) {
            return true;
        }
        let before = lower(s.toks[noun - 1].text(text));
        if COUNTRY_ADJECTIVES
            .get(before.as_ref())
            .is_some_and(|c| foreign(c))
        {
            return true;
        }
    }
    // `from China`, `from the United Arab Emirates`, `из Китая`
    if word_is(text, s.toks, noun + 1, &["from", "из"]) {
        let mut first = noun + 2;
        if word_is(text, s.toks, first, &["the"]) {
            first += 1;
        }
        return (1..=4).any(|n| {
            let (Some(a), Some(b)) = (s.toks.get(first), s.toks.get(first + n - 1)) else {
                return false;
            };
            crate::entities::lookup(&text[a.start..b.end])
                .is_some_and(|p| p.kind == crate::entities::EntityKind::Country && foreign(p.name))
        });
    }
    false
}

/// `of which 44 billion tenge came from the republican budget`, `из них 148 млн выделено из
/// республиканского и местного бюджетов`, `31,7 млрд – из областного`: money said to come
/// from a budget is budget money, whatever the whole it is part of.
pub(super) fn from_a_budget(text: &str, q: &Quantity) -> bool {
    let rest = super::sentence::text_after(text, q, 80);
    // Asked of every money figure: the words are read only when `from` or `из` stands after
    // it at all.
    static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["from ", "из "])
            .expect("two words make an automaton")
    });
    if !CUES.is_match(rest) {
        return false;
    }
    let words: Vec<String> = super::sentence::plain_words(rest).take(10).collect();
    let Some(k) = words.iter().take(5).position(|w| w == "from" || w == "из") else {
        return false;
    };
    const LEVELS_RU: &[&str] = &[
        "республиканского",
        "местного",
        "местных",
        "областного",
        "государственного",
        "городского",
        "регионального",
    ];
    let russian_level = words
        .get(k + 1)
        .is_some_and(|w| LEVELS_RU.contains(&w.as_str()));
    russian_level
        || words[k + 1..]
            .iter()
            .take(5)
            .any(|w| w.starts_with("budget") || w.starts_with("бюджет"))
}

/// The metric of the last cue of the sentence at `range` that may speak for a percentage
/// (`обрабатывающая промышленность` -> output).
pub(super) fn sector_of_sentence(
    text: &str,
    paragraph_toks: &[crate::tokens::Tok],
    range: &std::ops::Range<usize>,
) -> Option<Metric> {
    let first = paragraph_toks.partition_point(|t| t.start < range.start);
    let end = paragraph_toks.partition_point(|t| t.end <= range.end);
    Sentence::new(text, &paragraph_toks[first..end.max(first)], &[])
        .metric_cues
        .iter()
        .rev()
        .map(|c| c.cue)
        .find(|c| {
            matches!(
                c.scope,
                super::sentence::CueScope::Any | super::sentence::CueScope::Percent
            ) && c.metric != Metric::Other
        })
        .map(|c| c.metric)
}

/// Whether a sentence, given in lower case, speaks of a project told before (`the project`,
/// `these projects`, `5 such projects`) up to byte `before`.
pub(super) fn names_a_project_before(lower_sentence: &str, before: usize) -> bool {
    let head = lower_sentence.get(..before).unwrap_or(lower_sentence);
    let words: Vec<&str> = head
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|w| {
        matches!(w[0], "the" | "this" | "these" | "such") && matches!(w[1], "project" | "projects")
    })
}

/// Whether a figure reads like a statistic (output, investment, the economy, trade,
/// prices... or any change or index), as statistics offices report them.
pub(super) fn is_statistic_figure(metric: Metric, measure: Measure) -> bool {
    is_place_statistic(metric)
        || matches!(metric, Metric::Output | Metric::Investment | Metric::Trade)
        || matches!(measure, Measure::Change | Measure::Index)
}

/// Whether a metric is a statistic of a place as a whole, which no company or zone has.
pub(super) fn is_place_statistic(metric: Metric) -> bool {
    matches!(
        metric,
        Metric::Fdi
            | Metric::Economy
            | Metric::Prices
            | Metric::Income
            | Metric::Budget
            | Metric::Unemployment
    )
}

/// Whether the economy cue at token `cue` is what the rate at `fig_tok..fig_end` is
/// counted against: right after it, past `of` (`39.8% of GDP`, `29,4% ВВП`), or after `к` in
/// a ratio (`отношение долга к ВВП`), or after `to` of `ratio` (`the debt-to-GDP ratio`).
fn divides_by(text: &str, s: &Sentence<'_>, cue: usize, fig_tok: usize, fig_end: usize) -> bool {
    // `the three regions produced 38.5% of GDP`, `SMEs generate about 36% of GDP`, `на долю
    // МСБ приходится 36,5% ВВП`: what they make or account for is that share of GDP.
    let made = (fig_tok.saturating_sub(2)..fig_tok).any(|k| {
        word_is(
            text,
            s.toks,
            k,
            &[
                "produced",
                "produce",
                "produces",
                "generated",
                "generate",
                "generates",
                "account",
                "accounts",
                "accounted",
                "contribute",
                "contributes",
                "contributed",
                "произвели",
                "производят",
                "производит",
                "создали",
                "создают",
                "создает",
                "приходится",
                "пришлось",
                "обеспечивает",
                "обеспечили",
            ],
        )
    });
    if !made && (cue == fig_end || cue == fig_end + 1 && word_is(text, s.toks, fig_end, &["of"])) {
        return true;
    }
    cue > 0
        && cue < fig_tok
        && word_is(text, s.toks, cue - 1, &["к", "to"])
        && (cue.saturating_sub(5)..cue)
            .any(|k| word_is(text, s.toks, k, &["отношение", "отношения", "ratio"]))
}

/// Whether the cue at token `cue` stands in the whole a share ending before token
/// `fig_end` is of: `of` and up to two words before it (`of the country's electricity`), or
/// the Russian genitive right after the share, past `всего` (`треть всего цемента`).
fn names_the_whole(text: &str, s: &Sentence<'_>, fig_end: usize, cue: usize) -> bool {
    if word_is(text, s.toks, fig_end, &["of", "от"]) {
        // The good ends its noun phrase: `30% of the electricity bill` and `51% of the copper
        // miner` are shares of something else.
        let ends_phrase = s.toks.get(cue + 1).is_none_or(|t| {
            t.kind != TokKind::Word
                || t.is_word_in(
                    text,
                    &[
                        "produced",
                        "processed",
                        "supplied",
                        "generated",
                        "grown",
                        "mined",
                        "made",
                        "output",
                        "production",
                        "in",
                        "from",
                        "last",
                        "this",
                    ],
                )
        });
        ends_phrase
            && cue > fig_end
            && cue <= fig_end + 3
            && (fig_end + 1..cue).all(|k| {
                s.toks[k].kind == TokKind::Word && !word_is(text, s.toks, k, &["and", "or"])
            })
    } else {
        cue == fig_end
            || cue == fig_end + 1
                && word_is(text, s.toks, fig_end, &["всего", "всей", "всех", "общего"])
    }
}
