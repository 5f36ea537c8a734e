//! Figures written as words, tried before a number at each start: ranks (`ranked fifth`,
//! `among the top three`), multipliers (`twofold`, `doubled`, `twice a week`), fractions
//! (`half of`), and a number word joined to its unit (`a six-year contract`).

use std::sync::LazyLock;

use crate::data;
use crate::fact::{Direction, Qualifier};
use crate::lexicon::{ByWord, RankCue, UnitKind, LEXICONS};
use crate::numbers::{parse_digits, parse_words};
use crate::tokens::{lower, word_is, Tok, TokKind};
use crate::vocabulary::word_id;

use super::quantity::{direction_before, per_after, qualifier_before};
use super::units::{counted_noun, quantity_kind};
use super::{
    adjacent, ordinal_at, sym_at, word_at, Parsed, Quantity, QuantityKind, FUNCTION_WORD_IDS,
};

/// A figure written in words over tokens `range` (`fifth`, `twofold`, `half`).
#[allow(clippy::too_many_arguments)]
fn word_figure(
    text: &str,
    toks: &[Tok],
    range: std::ops::RangeInclusive<usize>,
    value: f64,
    unit: &str,
    kind: QuantityKind,
    qualifier: Option<Qualifier>,
    direction: Option<Direction>,
) -> Parsed {
    let (first, last) = (*range.start(), *range.end());
    let span = [toks[first].start, toks[last].end];
    Parsed {
        q: Quantity {
            span,
            text: text[span[0]..span[1]].to_string(),
            value,
            high: None,
            unit: Some(unit.to_string()),
            kind,
            qualifier,
            direction,
            per: None,
            equivalents: Vec::new(),
            fact_worthy: false,
            fraction: false,
            bare_dollar: false,
        },
        first,
        last,
        next: last + 1,
        in_words: true,
        scale: 1.0,
        unread_by_facts: false,
    }
}

/// `ranks fifth`, `came in second`, `took third place`, `ranked 1st`, `is the first in
/// the country`; `among the top three` (a rank of at most three).
pub(super) fn parse_rank(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    let lex = &*LEXICONS;
    if let Some(p) = parse_top_rank(text, toks, j) {
        return Some(p);
    }
    let tok = *toks.get(j)?;
    // `third-fastest`, `second-most valuable`: an ordinal joined to a superlative places.
    if tok.kind == TokKind::Word && tok.hyphen {
        let w = tok.text(text);
        let (head, tail) = w.split_once('-')?;
        let value = LEXICONS.ordinal_ids.get(word_id(&lower(head)))?;
        return superlative(tail).then(|| {
            word_figure(
                text,
                toks,
                j..=j,
                value,
                "rank",
                QuantityKind::Rank,
                None,
                None,
            )
        });
    }
    let (value, last) = match tok.kind {
        TokKind::Word => (ordinal_at(toks, j)?, j),
        TokKind::Num => {
            // `world No. 2`, `the No. 1 pick`: a place in a ranking.
            // `spent 428 weeks at No. 1`, `debuted at No. 3 on the chart`; not an address
            // (`at No. 10 Downing Street`), whose name goes on capitalised.
            let at_no = word_is(text, toks, j.wrapping_sub(3), &["at"])
                && !toks.get(j + 1).is_some_and(|t| {
                    t.kind == TokKind::Word && t.text(text).starts_with(|c: char| c.is_uppercase())
                });
            let ranked_no = j >= 2
                && sym_at(text, toks, j - 1, ".")
                && word_is(text, toks, j - 2, &["no"])
                && (word_is(text, toks, j.wrapping_sub(3), &["world"])
                    || at_no
                    || word_is(
                        text,
                        toks,
                        j + 1,
                        &["pick", "seed", "spot", "ranking", "ranked"],
                    ));
            if ranked_no {
                let value = parse_digits(tok.text(text))?;
                return Some(word_figure(
                    text,
                    toks,
                    j - 2..=j,
                    value,
                    "rank",
                    QuantityKind::Rank,
                    None,
                    None,
                ));
            }
            if !word_is(text, toks, j + 1, &["st", "nd", "rd", "th"]) || !adjacent(toks, j, j + 1) {
                return None;
            }
            (parse_digits(tok.text(text))?, j + 1)
        }
        TokKind::Sym => return None,
    };
    // `ranks only ninth`: an adverb may stand between the cue and the ordinal.
    let cue_end = if j >= 2 && word_is(text, toks, j - 1, &["only", "just", "still", "now"]) {
        j - 2
    } else {
        j.saturating_sub(1)
    };
    let cue_before = j >= 1
        && lex
            .rank_cues
            .ending_at(text, toks, cue_end)
            .is_some_and(|(n, cue)| match cue {
                RankCue::Ordinal => true,
                // `is the first in the country`; without its article the place is in a group
                // (`are ninth in the table`, not `second in command`).
                RankCue::Copula if n == 1 => {
                    word_is(text, toks, last + 1, &["among"])
                        || (word_is(text, toks, last + 1, &["in"])
                            && word_is(text, toks, last + 2, &["the"]))
                }
                RankCue::Copula => word_is(text, toks, last + 1, &["in", "among"]),
                RankCue::Top => false,
            });
    // `4th most-streamed`, `the third largest`, `drafted first overall`, `the 24th and 25th
    // picks` (a place before a list's last, which names the order).
    let place_word = |t: usize| {
        word_is(
            text,
            toks,
            t,
            &[
                "place", "position", "overall", "pick", "picks", "seed", "seeds",
            ],
        ) || toks
            .get(t)
            .is_some_and(|t| t.kind == TokKind::Word && superlative(&lower(t.text(text))))
    };
    let listed_place = || {
        (sym_at(text, toks, last + 1, ",") || word_is(text, toks, last + 1, &["and", "or"]))
            && match toks.get(last + 2) {
                Some(t) if t.kind == TokKind::Word => {
                    ordinal_at(toks, last + 2).is_some() && place_word(last + 3)
                }
                Some(t) if t.kind == TokKind::Num => {
                    word_is(text, toks, last + 3, &["st", "nd", "rd", "th"]) && place_word(last + 4)
                }
                _ => false,
            }
    };
    let place_after = place_word(last + 1) || listed_place();
    // `finished in second,`, `with Hamilton fourth.`: a place that ends its clause.
    let ends_clause = toks
        .get(last + 1)
        .is_none_or(|t| t.kind == TokKind::Sym && matches!(t.text(text), "," | "." | ";" | ")"));
    let after_in = j >= 1 && word_is(text, toks, j - 1, &["in"]);
    let after_name = j >= 2
        && toks[j - 1].kind == TokKind::Word
        && toks[j - 1]
            .text(text)
            .starts_with(|c: char| c.is_uppercase())
        && LEXICONS.month_ids.get(toks[j - 1].id).is_none()
        && (word_is(text, toks, j - 2, &["with", "and"]) || sym_at(text, toks, j - 2, ","));
    let placed = tok.kind == TokKind::Word && ends_clause && (after_in || after_name);
    // `followed by Syrdarya region, second with 18.7%`: a place listed after a name and a
    // comma, the figure it is held with after `with`.
    let held_with = tok.kind == TokKind::Word
        && j >= 2
        && sym_at(text, toks, j - 1, ",")
        && toks[j - 2].kind == TokKind::Word
        && word_is(text, toks, last + 1, &["with"])
        && toks
            .get(last + 2)
            .is_some_and(|t| t.kind == TokKind::Num || t.kind == TokKind::Sym);
    if !cue_before && !place_after && !placed && !held_with {
        return None;
    }
    Some(word_figure(
        text,
        toks,
        j..=last,
        value,
        "rank",
        QuantityKind::Rank,
        None,
        None,
    ))
}

/// Whether `w` is a superlative: `fastest`, `most-streamed`, `best`.
fn superlative(w: &str) -> bool {
    const NOUNS_IN_EST: &[&str] = &[
        "arrest", "chest", "conquest", "contest", "crest", "digest", "forest", "guest", "harvest",
        "inquest", "interest", "manifest", "protest", "request", "suggest",
    ];
    let w = w.to_ascii_lowercase();
    w.starts_with("most")
        || w.starts_with("least")
        || w == "best"
        || w == "worst"
        || (w.len() > 5 && w.ends_with("est") && !NOUNS_IN_EST.iter().any(|n| w.ends_with(n)))
}

/// `among the top three`, `in the top-10`: a rank of at most the number.
fn parse_top_rank(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    let hyphen = j >= 1 && sym_at(text, toks, j - 1, "-") && adjacent(toks, j - 1, j);
    let cue_end = j.checked_sub(1 + usize::from(hyphen))?;
    let (_, cue) = LEXICONS.rank_cues.ending_at(text, toks, cue_end)?;
    if *cue != RankCue::Top {
        return None;
    }
    let (value, last) = match toks[j].kind {
        TokKind::Num => (parse_digits(toks[j].text(text))?, j),
        TokKind::Word => {
            let (value, n) = parse_words(text, toks, j)?;
            (value, j + n - 1)
        }
        TokKind::Sym => return None,
    };
    // The text is the cue's last word and the number: `top three`.
    Some(word_figure(
        text,
        toks,
        cue_end..=last,
        value,
        "rank",
        QuantityKind::Rank,
        Some(Qualifier::LessThan),
        None,
    ))
}

/// `twofold`, `threefold`: a multiplier written as one word.
pub(super) fn parse_fold_word(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    let tok = toks.get(j)?;
    let b = tok.text(text).as_bytes();
    if b.len() <= 4 || !b[b.len() - 4..].eq_ignore_ascii_case(b"fold") {
        return None;
    }
    let w = word_at(text, toks, j)?;
    let number = w.strip_suffix("fold")?;
    let value = *LEXICONS.number_words.get(number)?;
    let direction = direction_before(text, toks, j);
    Some(word_figure(
        text,
        toks,
        j..=j,
        value,
        "times",
        QuantityKind::Multiplier,
        None,
        direction,
    ))
}

/// Where a multiplier word of `data/multipliers.tsv` states the multiple of a figure.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum MultiplierUse {
    Verb,
    Base,
    Adverb,
    Rate,
}

/// A multiplier word: how many times, its own direction, where it states a multiple.
type MultiplierWord = (f64, Option<Direction>, MultiplierUse);

/// `data/multipliers.tsv`, by word.
pub(super) static MULTIPLIER_WORDS: LazyLock<rustc_hash::FxHashMap<&'static str, MultiplierWord>> =
    LazyLock::new(|| {
        data::MULTIPLIERS
            .load(|r| {
                let direction = match r.get(2) {
                    "up" => Some(Direction::Up),
                    "down" => Some(Direction::Down),
                    _ => None,
                };
                let usage = match r.get(3) {
                    "verb" => MultiplierUse::Verb,
                    "base" => MultiplierUse::Base,
                    "adverb" => MultiplierUse::Adverb,
                    "rate" => MultiplierUse::Rate,
                    other => return Err(r.error(format!("unknown use {other:?}"))),
                };
                Ok((r.get(0), (r.parse(1, "times")?, direction, usage)))
            })
            .into_iter()
            .collect()
    });

/// Words before a base form that make it a verb of change: `will double`, `to triple`.
const MODALS: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "should", "must", "shall", "to", "did",
    "does", "do",
];

/// Words before an inflected form that make it an adjective or a noun (`a doubled dose`,
/// `in doubles`).
const NOT_VERB_BEFORE: &[&str] = &["a", "an", "the", "in", "of", "for", "at", "this", "its"];

/// `exports doubled`, `will triple`, `twice as many jobs`, `twice a week`, `halved`: a
/// multiplier written as a word of `data/multipliers.tsv`, where it states the multiple of a
/// figure (see the file for each use).
pub(super) fn parse_multiplier_word(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    let tok = toks.get(j)?;
    if tok.kind != TokKind::Word || tok.hyphen {
        return None;
    }
    let w = word_at(text, toks, j)?;
    let &(value, own_direction, usage) = MULTIPLIER_WORDS.get(w.as_ref())?;
    // Hyphenated on either side (`double-digit` cut apart, `self-doubling`): another word.
    if sym_at(text, toks, j + 1, "-") || (j >= 1 && sym_at(text, toks, j - 1, "-")) {
        return None;
    }
    let qualifier = qualifier_before(text, toks, j);
    // The word before, past a qualifier (`will more than double`).
    let before = match j.checked_sub(1) {
        Some(b) => match LEXICONS.qualifiers.ending_at(text, toks, b) {
            Some((n, _)) => b.checked_sub(n),
            None => Some(b),
        },
        None => None,
    };
    let rate = per_after(text, toks, j + 1).filter(|_| {
        word_is(
            text,
            toks,
            j + 1,
            &[
                "a", "an", "per", "every", "each", "daily", "weekly", "monthly", "yearly",
                "annually",
            ],
        )
    });
    let states_multiple = match usage {
        // `a doubling of freight`: the noun of the verb states the multiple too.
        // `the fourth halving`: an ordinal numbers an occurrence of the noun.
        MultiplierUse::Verb => {
            !before.is_some_and(|b| {
                word_is(text, toks, b, NOT_VERB_BEFORE) || ordinal_at(toks, b).is_some()
            }) || (w.ends_with("ing") && word_is(text, toks, j + 1, &["of"]))
        }
        // `, double the number a year ago`, `nearly double the 13,700 before`: a comparison
        // set apart by a comma or bounded by a qualifier.
        MultiplierUse::Base => {
            before.is_some_and(|b| word_is(text, toks, b, MODALS))
                || (word_is(text, toks, j + 1, &["the"])
                    && (qualifier.is_some() || before.is_some_and(|b| sym_at(text, toks, b, ","))))
        }
        MultiplierUse::Adverb => {
            rate.is_some()
                || word_is(text, toks, j + 1, &["as", "the"])
                || direction_before(text, toks, j).is_some()
        }
        MultiplierUse::Rate => rate.is_some(),
    };
    if !states_multiple {
        return None;
    }
    let direction = match &rate {
        Some(_) => None,
        None => own_direction.or_else(|| direction_before(text, toks, j)),
    };
    let mut parsed = word_figure(
        text,
        toks,
        j..=j,
        value,
        "times",
        QuantityKind::Multiplier,
        qualifier,
        direction,
    );
    parsed.q.per = rate;
    Some(parsed)
}

/// A fraction of a whole written in words, as a share in percent.
fn fraction_figure(
    text: &str,
    toks: &[Tok],
    range: std::ops::RangeInclusive<usize>,
    value: f64,
    qualifier: Option<Qualifier>,
) -> Parsed {
    let mut p = word_figure(
        text,
        toks,
        range,
        value,
        "%",
        QuantityKind::Percent,
        qualifier,
        None,
    );
    p.q.fraction = true;
    p
}

/// `half of`, `a third of`: a share in percent. Not `the first half of 2021` (a time).
pub(super) fn parse_fraction(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    // `one in eight women`, `1 in 36 children`, `one in every five deaths`: a share of one
    // in a number.
    // `two in three villages`, `one household in five`, `one foreign guest in four`: so
    // many of a number, with up to three words for what is counted before `in`.
    let numerator = if word_is(text, toks, j, &["one"])
        || toks
            .get(j)
            .is_some_and(|t| t.kind == TokKind::Num && t.text(text) == "1")
    {
        Some(1.0)
    } else if word_is(text, toks, j, &["two"]) {
        Some(2.0)
    } else if word_is(text, toks, j, &["three"]) {
        Some(3.0)
    } else {
        None
    };
    let in_at = numerator.and_then(|_| {
        (j + 1..j + 5)
            .find(|&k| word_is(text, toks, k, &["in"]))
            .filter(|&k| {
                (j + 1..k).all(|w| {
                    toks[w].kind == TokKind::Word
                        && toks[w].text(text).starts_with(char::is_lowercase)
                        && !word_is(text, toks, w, &["of", "and", "or", "to", "from", "by"])
                })
            })
    });
    if let (Some(numerator), Some(in_at)) = (numerator, in_at) {
        let at = if word_is(text, toks, in_at + 1, &["every"]) {
            in_at + 2
        } else {
            in_at + 1
        };
        let (n, last) = match toks.get(at)?.kind {
            TokKind::Num => (parse_digits(toks[at].text(text))?, at),
            TokKind::Word => {
                let (n, len) = parse_words(text, toks, at)?;
                (n, at + len - 1)
            }
            TokKind::Sym => return None,
        };
        // Not a year (`two plants in 2023`).
        if n <= numerator || n > 100.0 || n.fract() != 0.0 {
            return None;
        }
        let qualifier = qualifier_before(text, toks, j);
        return Some(fraction_figure(
            text,
            toks,
            j..=last,
            100.0 * numerator / n,
            qualifier,
        ));
    }
    if let Some(p) = parse_fraction_of_a_point(text, toks, j) {
        return Some(p);
    }
    if let Some(p) = parse_half_unit(text, toks, j) {
        return Some(p);
    }
    let table = LEXICONS.fractions.starting_at(text, toks, j);
    if let Some(p) = parse_fraction_of_unit(text, toks, j, table) {
        return Some(p);
    }
    let (n, &value) = table?;
    let last = j + n - 1;
    // `fallen by a third`, `grow by about a quarter`, `a fifth less`: a change by a share.
    let mut b = j;
    if let Some((n, _)) = LEXICONS.qualifiers.ending_at(text, toks, j.wrapping_sub(1)) {
        b = j - n;
    }
    // `rose by a quarter last year`: a time may follow the share.
    let ends_phrase = toks.get(last + 1).is_none_or(|t| {
        t.kind == TokKind::Sym
            || FUNCTION_WORD_IDS.get(t.id).is_some()
            || t.is_word_in(text, &["last", "this", "next"])
    });
    // `by about`, `by nearly` may be one qualifier.
    let by = (b.saturating_sub(1)..j).any(|t| word_is(text, toks, t, &["by"])) && ends_phrase;
    // `a turnout of just under half.`: a share a qualifier bounds, ending the clause.
    let bounded = b < j
        && toks
            .get(last + 1)
            .is_none_or(|t| t.kind == TokKind::Sym && t.text(text) != "-");
    // `a fifth more`, `a tenth cheaper`: the comparative says which way the share moved.
    let up = word_is(
        text,
        toks,
        last + 1,
        &["more", "higher", "bigger", "larger"],
    );
    let down = word_is(
        text,
        toks,
        last + 1,
        &["less", "fewer", "lower", "cheaper", "smaller"],
    );
    let comparative = up || down;
    if !word_is(text, toks, last + 1, &["of"]) && !by && !comparative && !bounded {
        return None;
    }
    if j >= 1 && ordinal_at(toks, j - 1).is_some() {
        return None;
    }
    // `the first half of 2021` is a time.
    if word_is(text, toks, last + 1, &["of"])
        && toks.get(last + 2).is_some_and(|t| t.kind == TokKind::Num)
    {
        return None;
    }
    let qualifier = qualifier_before(text, toks, j);
    let mut p = fraction_figure(text, toks, j..=last, value, qualifier);
    // `rose by a third` is a change by a share, as every gold set reads it; so is `a third
    // more than a year earlier`, up or down as its comparative says. A share a qualifier
    // bounds (`just under half.`) is left to `--all-quantities`.
    p.unread_by_facts = !word_is(text, toks, last + 1, &["of"]) && !by && !comparative;
    if by {
        p.q.direction = direction_before(text, toks, j);
    } else if up {
        p.q.direction = Some(Direction::Up);
    } else if down {
        p.q.direction = Some(Direction::Down);
    }
    Some(p)
}

/// `a couple of days`, `a couple of key players`: two of a unit or of what a plural counts.
/// Only before `of` and a plural, so `a couple` (two people) and `couple of the year` are
/// no figure.
pub(super) fn parse_couple(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    if !(word_is(text, toks, j, &["a"])
        && word_is(text, toks, j + 1, &["couple"])
        && word_is(text, toks, j + 2, &["of"]))
    {
        return None;
    }
    let at = j + 3;
    let plural = |t: usize| toks[t].text(text).ends_with(['s', 'S']);
    let (last, unit, kind) = if let Some((n, u)) = LEXICONS.units.starting_at(text, toks, at) {
        if u.kind == UnitKind::Percent || !plural(at + n - 1) {
            return None;
        }
        (at + n - 1, u.unit.to_string(), quantity_kind(u.kind))
    } else {
        let (head, lemma) = counted_noun(text, toks, at)?;
        if !plural(head) {
            return None;
        }
        (head, lemma, QuantityKind::Count)
    };
    let qualifier = qualifier_before(text, toks, j);
    Some(word_figure(
        text,
        toks,
        j..=last,
        2.0,
        &unit,
        kind,
        qualifier,
        None,
    ))
}

/// `a tenth of a second`, `two-tenths of a percentage point`, `a third of a mile`: a
/// fraction of one unit is that part of it. Of a point only a percentage point's (`a tenth
/// of a point` may be a game's).
/// `table` is the fractions table's phrase at `j`, which the caller has looked up.
fn parse_fraction_of_unit(
    text: &str,
    toks: &[Tok],
    j: usize,
    table: Option<(usize, &f64)>,
) -> Option<Parsed> {
    // Every fraction starts with a word: a number is past at the first test.
    let tok = toks.get(j).filter(|t| t.kind == TokKind::Word)?;
    let (value, last) = if let Some((n, &percent)) = table {
        (percent / 100.0, j + n - 1)
    } else {
        // `two-tenths`, `three-hundredths`: a number word joined to the part.
        if !tok.hyphen {
            return None;
        }
        let word = lower(tok.text(text));
        let (number, part) = word.split_once('-')?;
        let factor = match part {
            "tenths" => 0.1,
            "hundredths" => 0.01,
            "thousandths" => 0.001,
            _ => return None,
        };
        (LEXICONS.number_words.get(number)? * factor, j)
    };
    if !(word_is(text, toks, last + 1, &["of"]) && word_is(text, toks, last + 2, &["a", "an"])) {
        return None;
    }
    let at = last + 3;
    let (n, u) = LEXICONS.units.starting_at(text, toks, at)?;
    if u.kind == UnitKind::Percent && !word_is(text, toks, at, &["percentage"]) {
        return None;
    }
    // The fractions table rounds its shares (`a third` 33.3): the nearest fraction of a
    // denominator up to 12, as `fraction_as_share` reads them.
    let value = (2..=12)
        .map(f64::from)
        .find(|d| ((value * d).round() - value * d).abs() < 0.002 * d)
        .map_or(value, |d| (value * d).round() / d);
    let qualifier = qualifier_before(text, toks, j);
    let direction = direction_before(text, toks, j);
    Some(word_figure(
        text,
        toks,
        j..=at + n - 1,
        value,
        u.unit,
        quantity_kind(u.kind),
        qualifier,
        direction,
    ))
}

/// `half a mile`, `a year and a half`: half of a unit, and one and a half of it.
fn parse_half_unit(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    let article = |t: usize| word_is(text, toks, t, &["a", "an"]);
    let (value, at, last) = if word_is(text, toks, j, &["half"]) && article(j + 1) {
        let (n, _) = LEXICONS.units.starting_at(text, toks, j + 2)?;
        (0.5, j + 2, j + 1 + n)
    } else if article(j) {
        let (n, _) = LEXICONS.units.starting_at(text, toks, j + 1)?;
        let and = j + 1 + n;
        let halves = word_is(text, toks, and, &["and"])
            && article(and + 1)
            && word_is(text, toks, and + 2, &["half"]);
        if !halves {
            return None;
        }
        (1.5, j + 1, and + 2)
    } else {
        return None;
    };
    let (_, unit) = LEXICONS.units.starting_at(text, toks, at)?;
    if unit.kind == UnitKind::Percent {
        return None;
    }
    let qualifier = qualifier_before(text, toks, j);
    Some(word_figure(
        text,
        toks,
        j..=last,
        value,
        unit.unit,
        quantity_kind(unit.kind),
        qualifier,
        None,
    ))
}

/// `a quarter point`, `a quarter-point`, `half a percentage point`, `a quarter of a
/// percentage point`: a fraction of a percentage point, as a rate moves, in percent (0.25
/// %). Half a point alone may be a game's (`drew for half a point`): only half a percentage
/// point is one.
fn parse_fraction_of_a_point(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    const SHARES: &[(&str, f64)] = &[("quarter", 0.25), ("half", 0.5)];
    let share = |w: &str| SHARES.iter().find(|(s, _)| *s == w).map(|&(_, v)| v);
    let points = ["point", "points"];
    let percentage_point = |a: usize, value: f64| {
        if word_is(text, toks, a, &points) && value == 0.25 {
            Some(a)
        } else if word_is(text, toks, a, &["percentage"]) && word_is(text, toks, a + 1, &points) {
            Some(a + 1)
        } else {
            None
        }
    };
    let (value, last) = if word_is(text, toks, j, &["a", "one"]) {
        let tok = toks.get(j + 1).filter(|t| t.kind == TokKind::Word)?;
        let w = lower(tok.text(text));
        match w.split_once('-') {
            // `a quarter-point`.
            Some(("quarter", "point")) => (0.25, j + 1),
            Some(_) => return None,
            // `a quarter point`, `a quarter of a percentage point`.
            None => {
                let v = share(&w)?;
                let at =
                    if word_is(text, toks, j + 2, &["of"]) && word_is(text, toks, j + 3, &["a"]) {
                        j + 4
                    } else {
                        j + 2
                    };
                (v, percentage_point(at, v)?)
            }
        }
    } else if word_is(text, toks, j, &["half"]) && word_is(text, toks, j + 1, &["a"]) {
        // `half a point`, `half a percentage point`.
        (0.5, percentage_point(j + 2, 0.5)?)
    } else {
        return None;
    };
    let qualifier = qualifier_before(text, toks, j);
    let direction = direction_before(text, toks, j);
    Some(word_figure(
        text,
        toks,
        j..=last,
        value,
        "%",
        QuantityKind::Percent,
        qualifier,
        direction,
    ))
}

/// `a six-year contract`, `a two-hour delay`, `a three-member panel`: a number word joined
/// by a hyphen to its unit or counted noun, in one token.
pub(super) fn parse_hyphenated_number_word(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    let tok = toks.get(j)?;
    if tok.kind != TokKind::Word || !tok.hyphen {
        return None;
    }
    let word = lower(tok.text(text));
    let (mut value, mut n_parts, mut rest_at) = (0.0, 0, 0);
    for part in word.split('-') {
        let Some(&v) = LEXICONS.number_words.get(part) else {
            break;
        };
        value = crate::numbers::combine(value, v);
        n_parts += 1;
        rest_at += part.len() + 1;
    }
    if n_parts == 0 || rest_at >= word.len() {
        return None;
    }
    let rest = &word[rest_at..];
    let rest_toks = crate::tokens::words_of(rest);
    let whole = |n: usize| n == rest_toks.len();
    let (unit, kind) = if let Some((n, u)) = LEXICONS.units.starting_at(rest, &rest_toks, 0) {
        if !whole(n) {
            return None;
        }
        if matches!(u.kind, UnitKind::Percent | UnitKind::Multiplier) {
            return None;
        }
        (u.unit.to_string(), quantity_kind(u.kind))
    } else if let Some((n, lemma)) = LEXICONS.counted_nouns.starting_at(rest, &rest_toks, 0) {
        if !whole(n) {
            return None;
        }
        (lemma.to_string(), QuantityKind::Count)
    } else {
        return None;
    };
    let qualifier = qualifier_before(text, toks, j);
    Some(word_figure(
        text,
        toks,
        j..=j,
        value,
        &unit,
        kind,
        qualifier,
        None,
    ))
}

/// The least value of a vague plural (`data/vague_plurals.tsv`), by word number.
pub(super) static VAGUE_PLURALS: LazyLock<ByWord<f64>> = LazyLock::new(|| {
    ByWord::new(data::VAGUE_PLURALS.load(|r| {
        let value: f64 = r
            .get(1)
            .parse()
            .map_err(|_| r.error(format!("bad value {:?}", r.get(1))))?;
        Ok((r.get(0), value))
    }))
});

/// `hundreds of prisoners` 100 prisoner, `tens of thousands of protesters` 10000 protester,
/// `thousands without power` 1000: a vague plural at its least value, a count when `of` names
/// what it counts. No fact: the figure is no measurement.
pub(super) fn parse_vague(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    let tok = toks.get(j).filter(|t| t.kind == TokKind::Word)?;
    let least = VAGUE_PLURALS.get(tok.id)?;
    // Not the scale of a number before it (`5 thousands`, `two hundreds`).
    if j >= 1 && (toks[j - 1].kind == TokKind::Num || parse_words(text, toks, j - 1).is_some()) {
        return None;
    }
    let times_of =
        word_is(text, toks, j, &["tens", "hundreds"]) && word_is(text, toks, j + 1, &["of"]);
    let of_plural = toks
        .get(j + 2)
        .filter(|t| times_of && t.kind == TokKind::Word)
        .and_then(|t| VAGUE_PLURALS.get(t.id));
    let (value, last) = match of_plural {
        Some(of) => (least * of, j + 2),
        None if word_is(text, toks, j, &["tens"]) => return None,
        None => (least, j),
    };
    let mut p = if word_is(text, toks, last + 1, &["of"]) {
        let (head, lemma) = counted_noun(text, toks, last + 2)?;
        let mut p = word_figure(
            text,
            toks,
            j..=head,
            value,
            &lemma,
            QuantityKind::Count,
            None,
            None,
        );
        p.last = head;
        p
    } else {
        let mut p = word_figure(
            text,
            toks,
            j..=last,
            value,
            "",
            QuantityKind::Bare,
            None,
            None,
        );
        p.q.unit = None;
        p
    };
    p.in_words = false;
    p.unread_by_facts = true;
    Some(p)
}
