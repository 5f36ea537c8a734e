//! How a figure stands to the figures before it in its sentence: a part of a whole
//! (`of which`, `accounting for`), a list going on with its verb left out, the same figure
//! named or said of again, and a breakdown that opens a sentence.

use super::metric::MetricChoice;
use super::sentence::Sentence;
use crate::fact::Metric;
use crate::quantities::{Quantity, QuantityKind};
use crate::tokens::word_is;

/// `half of it`, `61 percent of that figure`, `a quarter of them`: a part of the figure
/// before, which measures what that figure did.
pub(super) fn part_of_figure_before(text: &str, s: &Sentence<'_>, q: &Quantity) -> bool {
    if !matches!(q.kind, QuantityKind::Percent) {
        return false;
    }
    let end = s.tok_at(q.span[1]);
    word_is(text, s.toks, end, &["of"])
        && (word_is(text, s.toks, end + 1, &["it", "them"])
            || word_is(text, s.toks, end + 1, &["this", "that", "the"])
                && word_is(
                    text,
                    s.toks,
                    end + 2,
                    &["figure", "amount", "sum", "volume", "total", "indicator"],
                ))
}

/// `By year-end, this figure is projected to rise to 7.1%`, `to increase this indicator up to
/// 15 million square metres`: the figure is a new value of the one before, whatever its unit
/// or its clause's other words say.
pub(super) fn names_figure_before(
    text: &str,
    s: &Sentence<'_>,
    q: &Quantity,
    fig_tok: usize,
) -> bool {
    let clause = s.clause_of(q.span[0]);
    // `this share` names a rate only: `raise this share to 40% and support 3,000 projects`.
    let words: &[&str] = if q.kind == QuantityKind::Percent {
        &["figure", "indicator", "level", "share"]
    } else {
        &["figure", "indicator", "level"]
    };
    (1..fig_tok).any(|k| {
        s.clause_of(s.toks[k].start) == clause
            && word_is(text, s.toks, k - 1, &["this", "that"])
            && word_is(text, s.toks, k, words)
    })
}

/// `..., 9.6% more than a year ago`, `up 23.5% year on year`, `a quarter of all irrigated
/// land`: a percentage or a multiplier whose own clause names nothing it measures says how
/// the figure before it in the sentence (ending at byte `before_end`) moved or what part it
/// is, when no cue word stands between them (`food prices, which rose 0.4%` is of prices).
pub(super) fn says_of_figure_before(
    s: &Sentence<'_>,
    q: &Quantity,
    choice: MetricChoice,
    before_end: usize,
) -> bool {
    let moved_or_part = q.direction.is_some() || q.fraction || q.kind == QuantityKind::Multiplier;
    matches!(q.kind, QuantityKind::Percent | QuantityKind::Multiplier)
        && moved_or_part
        && !choice.own
        && !s.metric_cues.iter().any(|c| {
            let at = s.toks[c.tok].start;
            at >= before_end && at < q.span[0] && !c.in_title
        })
}

/// Whether the words between a rate and the one before it name another thing with the
/// verb of the first left out (`, construction 14.6`, ` and trade 6.3`, `; in Osh, 4.1`):
/// a few words after a comma or `and`, with no number, no verb form and no preposition
/// that would tie the rate to something else (`, up from 3%`, `, accounting for 12%`).
pub(super) fn gaps_verb_of_figure_before(between: &str) -> bool {
    // `growth in metallurgy (6.4%), oil refining (3.9%) and food (11.2%)`: rates in brackets
    // after the items of a list; the brackets say what the words between are, so a noun in
    // -ing (`refining`, `mining`) is an item here, not a verb.
    if let Some(inner) = between
        .trim()
        .strip_prefix(')')
        .and_then(|b| b.strip_suffix('('))
    {
        let inner = inner.trim_start();
        let inner = inner.strip_prefix([',', ';']).unwrap_or(inner).trim_start();
        let inner = inner.strip_prefix("and ").unwrap_or(inner);
        let words = inner.split_whitespace().count();
        return (1..=4).contains(&words)
            && !inner.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | '('));
    }
    // `climbed 16.2% over the year, paid services 8.1%`: the span the first rate is of
    // may close its item.
    let between = [
        "over the year",
        "on the year",
        "year on year",
        "year-on-year",
    ]
    .iter()
    .find_map(|span| between.trim_start().strip_prefix(span))
    .unwrap_or(between);
    let Some(rest) = between
        .trim_start()
        .strip_prefix([',', ';'])
        .map(str::trim_start)
        .or_else(|| between.trim_start().strip_prefix("and "))
    else {
        return false;
    };
    let rest = rest.strip_prefix("and ").unwrap_or(rest);
    if rest.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    const TIES: &[&str] = &[
        "to", "from", "for", "with", "at", "on", "against", "over", "than", "up", "down", "of",
        "which", "while", "whereas", "or", "its", "their", "it", "they", "is", "was", "were",
        "are", "has", "had", "have", "will",
    ];
    // `light industry - by 23.9%`: `by` may lead to the rate itself.
    let words = match words.split_last() {
        Some((last, rest)) if last.eq_ignore_ascii_case("by") => rest.to_vec(),
        _ => words,
    };
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.to_ascii_lowercase();
            !TIES.contains(&w.as_str()) && !w.ends_with("ing") && !w.ends_with("ed")
        })
}

/// Whether `of them`, `of which`, `among them` or `including` stands right before the figure:
/// it is a part of a figure before it.
pub(super) fn names_a_part_before(text: &str, s: &Sentence<'_>, fig_tok: usize) -> bool {
    fig_tok >= 1 && word_is(text, s.toks, fig_tok - 1, &["including"])
        || fig_tok >= 2
            && (word_is(text, s.toks, fig_tok - 2, &["of", "among"])
                && word_is(text, s.toks, fig_tok - 1, &["them", "which"])
                || word_is(text, s.toks, fig_tok - 2, &["из"])
                    && word_is(text, s.toks, fig_tok - 1, &["них", "которых"]))
}

/// `accounted for 3.7 million tonnes`, `пришлось 3,7 млн тонн`: the words before the figure
/// give it as a share of something.
pub(super) fn accounts_for(text: &str, s: &Sentence<'_>, fig_tok: usize) -> bool {
    fig_tok >= 2
        && word_is(text, s.toks, fig_tok - 1, &["for"])
        && word_is(
            text,
            s.toks,
            fig_tok - 2,
            &["accounted", "accounts", "account"],
        )
        || fig_tok >= 1
            && word_is(
                text,
                s.toks,
                fig_tok - 1,
                &["пришлось", "пришлись", "приходится", "приходилось"],
            )
}

/// Whether a part measures what its whole did: it does, unless it names the narrower kind
/// it is (`including $265 million of foreign direct investment` of all investment), or it is
/// the part of the goods made that was sold abroad (`Of that, products worth $47 million
/// were exported`).
pub(super) fn part_takes_whole(own: Metric, whole: Metric) -> bool {
    !(own == Metric::Fdi && whole == Metric::Investment
        || own == Metric::Trade && whole == Metric::Output)
}

/// `Of this amount, $740 million went to industry`, `Из этой суммы 40 млрд ...`: a sentence
/// that opens on a part of the figure before, its first figure that part. Where the part
/// went (`industry`) does not say what it measures.
pub(super) fn opens_on_part_before(text: &str, s: &Sentence<'_>, fig_tok: usize) -> bool {
    let first = (0..fig_tok).find(|&k| s.toks[k].kind == crate::tokens::TokKind::Word);
    let Some(first) = first else {
        return false;
    };
    let head = (word_is(text, s.toks, first, &["of"])
        && word_is(
            text,
            s.toks,
            first + 1,
            &["this", "that", "these", "it", "them"],
        ))
        || word_is(text, s.toks, first, &["из"])
            && word_is(
                text,
                s.toks,
                first + 1,
                &["этой", "этого", "этих", "них", "общей"],
            );
    // The figure follows the opening words (and their noun) closely.
    head && fig_tok <= first + 5
}

/// Whether a count is of things besides those spoken of before: `four more projects`,
/// `another 20 plants`, `other companies`.
pub(super) fn counts_others(text: &str, q: &Quantity) -> bool {
    let own = q
        .text
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("more") || w.eq_ignore_ascii_case("other"));
    let before = text[..q.span[0]]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("another"));
    q.kind == crate::quantities::QuantityKind::Count && (own || before)
}

/// Whether a sentence opens on `Of them`, `Among these` or `Including`: its figures are
/// parts of a figure in the sentence before.
pub(super) fn opens_breakdown(sentence: &str) -> bool {
    let head = sentence.trim_start();
    [
        "among them",
        "of these",
        "of them",
        "of which",
        "including",
        "among these",
    ]
    .iter()
    .any(|o| {
        head.get(..o.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(o))
            && head[o.len()..].starts_with([' ', ','])
    })
}
