//! How a figure measures (`measure`): a change, a level, a share or an index, and the
//! sentence's words that decide it (a change noun before a rate, a yearly charge, a plan
//! fulfilled).

use super::sentence::Sentence;
use crate::fact::{Measure, Metric};
use crate::quantities::{Quantity, QuantityKind};
use crate::tokens::{lower, word_is, TokKind};

/// How a figure measures: a direction (`grew`, `a 5% rise`) or a multiplier makes a change;
/// an unmoving percentage is an index at 100 or above, a level for rates (unemployment,
/// prices, poverty), otherwise a share.
pub(super) fn measure(
    text: &str,
    s: &Sentence<'_>,
    q: &Quantity,
    fig_tok: usize,
    metric: Metric,
) -> Measure {
    // `Zhambyl region – 398.0 (-2.7%)`, `(+7,4%)`: a rate written with its sign is a change
    // (a plus the quantity layer left out of the figure's text too; a hyphen there may be a
    // dash).
    let signed = q.text.starts_with(['+', '-', '\u{2212}']) || text[..q.span[0]].ends_with('+');
    if q.direction.is_some()
        || q.kind == QuantityKind::Multiplier
        || (signed && q.kind == QuantityKind::Percent)
    {
        return Measure::Change;
    }
    if q.fraction {
        return Measure::Share;
    }
    if q.kind == QuantityKind::Rank {
        return Measure::Level;
    }
    if !matches!(q.kind, QuantityKind::Percent | QuantityKind::Money) {
        return if is_elided_change(text, s, fig_tok) {
            Measure::Change
        } else {
            Measure::Level
        };
    }
    let before =
        |w: &str| (fig_tok.saturating_sub(4)..fig_tok).any(|i| word_is(text, s.toks, i, &[w]));
    if q.kind == QuantityKind::Percent && fulfils_a_plan(text, s, q, fig_tok) {
        return Measure::Share;
    }
    // All of something (`to reach 100% access`, `100% собранного хлопка`) is a share; an
    // index says it is one, and so does a flat 100 set against a base (`100.0% compared to
    // January-April 2023`, `100% к уровню прошлого года`).
    let against_a_base = || {
        let fig_end_tok = s.tok_at(q.span[1]);
        q.text.contains(['.', ','])
            || (fig_end_tok..fig_end_tok + 3).any(|i| {
                word_is(
                    text,
                    s.toks,
                    i,
                    &["compared", "к", "against", "year-on-year", "level"],
                )
            })
    };
    if q.kind == QuantityKind::Percent
        && (before("index") || q.value > 100.0 || q.value == 100.0 && against_a_base())
    {
        return Measure::Index;
    }
    if is_elided_change(text, s, fig_tok)
        || (q.kind == QuantityKind::Percent && follows_change_noun(text, s, q, fig_tok))
    {
        return Measure::Change;
    }
    if q.kind == QuantityKind::Money {
        return Measure::Level;
    }
    // `annual inflation slowed to 6.8%`, `инфляция ускорилась до 8,4%`: a rate of inflation is
    // a change of prices, whatever verb brings it, and however far into its clause the
    // place and month put it (`Годовая инфляция в Х области в октябре 2022 года составила`).
    let clause_start = s.clause_toks(s.clause_of(q.span[0])).start;
    let from = fig_tok
        .saturating_sub(8)
        .min(clause_start)
        .max(fig_tok.saturating_sub(16));
    if metric == Metric::Prices
        && (from..fig_tok).any(|i| {
            let w = lower(s.toks[i].text(text));
            w == "inflation" || w.starts_with("инфляци")
        })
    {
        return Measure::Change;
    }
    // A poverty rate is a level; a percentage of income with its whole after it is a part
    // of that whole (`40.2% of GDP`, `14,6% ВВП`, `60,3% от среднего`).
    let whole_after = || {
        super::sentence::word(text, s, s.tok_at(q.span[1]))
            .is_some_and(|w| matches!(w.as_ref(), "of" | "от" | "ввп" | "gdp"))
    };
    // `47% всех занятых`, `31% of all employed`: a part of all the employed is a share.
    let of_all = || {
        let k = s.tok_at(q.span[1]);
        super::sentence::word(text, s, k).is_some_and(|w| matches!(w.as_ref(), "всех" | "всего"))
            || word_is(text, s.toks, k, &["of"]) && word_is(text, s.toks, k + 1, &["all"])
    };
    if matches!(metric, Metric::Unemployment | Metric::Prices)
        || metric == Metric::Employment && !of_all()
        || metric == Metric::Income && !whole_after()
        || (fig_tok.saturating_sub(4)..fig_tok)
            .any(|i| RATE_NOUNS.contains(&lower(s.toks[i].text(text)).as_ref()))
        || charged_yearly(text, s, q)
    {
        return Measure::Level;
    }
    Measure::Share
}

/// Nouns of a rate paid or charged (`a coupon of 14%`, `доходность составила 12%`): the
/// percentage is a level of that rate, not a part of a whole.
const RATE_NOUNS: &[&str] = &[
    "rate",
    "coupon",
    "yield",
    "ставка",
    "ставке",
    "ставки",
    "доходность",
    "купон",
];

/// `от 12,6 до 13,6% годовых`, `at 9% per annum`: a percentage charged by the year is a rate.
fn charged_yearly(text: &str, s: &Sentence<'_>, q: &Quantity) -> bool {
    let next = s.tok_at(q.span[1]);
    word_is(text, s.toks, next, &["годовых"])
        || (word_is(text, s.toks, next, &["per"]) && word_is(text, s.toks, next + 1, &["annum"]))
        // `of the 20.25% rate`, `pays 11.25% a year`: a rate named after the figure, a
        // percentage paid by the year.
        || super::sentence::word(text, s, next)
            .is_some_and(|w| RATE_NOUNS.contains(&w.as_ref()))
        || q.per.as_deref() == Some("year")
}

/// `The plan was fulfilled by 104.3 percent`, `план по доходам исполнен на 103,2%`: how much
/// of a plan was met is a part of the plan, neither a change nor an index to a base period.
/// A plan and a verb of fulfilling stand in the figure's clause before it.
pub(super) fn fulfils_a_plan(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> bool {
    let clause = s.clause_of(q.span[0]);
    let words = || {
        s.toks[..fig_tok]
            .iter()
            .filter(|t| t.kind == TokKind::Word && s.clause_of(t.start) == clause)
            .map(|t| lower(t.text(text)))
    };
    words().any(|w| w.starts_with("plan") || w.starts_with("план"))
        && words().any(|w| {
            ["fulfil", "execut", "исполн", "выполн"]
                .iter()
                .any(|stem| w.starts_with(stem))
        })
}

/// `output grew by 0.8%, manufacturing by 14.5%`: `by` before a figure, in a sentence whose
/// earlier words say what moved, makes a change though no direction word stands beside it.
fn is_elided_change(text: &str, s: &Sentence<'_>, fig_tok: usize) -> bool {
    let by = fig_tok >= 1 && word_is(text, s.toks, fig_tok - 1, &["by"]);
    by && (0..fig_tok - 1).any(|i| {
        crate::lexicon::LEXICONS
            .directions_before
            .starting_at(text, s.toks, i)
            .is_some()
    })
}

/// `The industry growth amounted to 3.1 percent`, `a growth of 2.4 percent`: a noun of
/// change shortly before the figure in its clause, unless the figure is the level a change
/// reaches (`to rise to 7.1%`).
fn follows_change_noun(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> bool {
    const CHANGE_NOUNS: &[&str] = &[
        "growth",
        "increase",
        "rise",
        "decline",
        "decrease",
        "reduction",
        "drop",
        "fall",
        "gain",
        "contraction",
        "рост",
        "роста",
        "прирост",
        "прироста",
        "снижение",
        "снижения",
        "спад",
        "спада",
        "падение",
        "падения",
    ];
    let reaches = fig_tok >= 2
        && word_is(text, s.toks, fig_tok - 1, &["to"])
        && crate::lexicon::LEXICONS
            .directions_before
            .starting_at(text, s.toks, fig_tok - 2)
            .is_some();
    if fig_tok == 0 || reaches {
        return false;
    }
    let clause = s.clause_of(q.span[0]);
    // `реальный рост валового внутреннего продукта составил 8,6%`, `growth for 2019 was left
    // unchanged at 7.5%`: the noun may stand a few words off, in the figure's clause.
    (fig_tok.saturating_sub(8)..fig_tok).any(|i| {
        s.clause_of(s.toks[i].start) == clause
            && word_is(text, s.toks, i, CHANGE_NOUNS)
            && !word_is(text, s.toks, i + 1, &["rate"])
            // `was to rise from 16.8% to 20%`: a verb, said of a share.
            && !(i > 0 && word_is(text, s.toks, i - 1, &["to"]))
    })
}
