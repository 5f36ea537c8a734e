//! What a figure counts or measures: the counted noun after it (a listed one, or a plural
//! reduced to its singular), the noun of `a 46-member council`, the noun `the number of`
//! names, pounds that weigh rather than pay, and a quantity's kind by its unit's.

use crate::lexicon::{UnitKind, LEXICONS};
use crate::tokens::{lower, word_is, Tok, TokKind};

use super::{adjacent, sym_at, QuantityKind, FUNCTION_WORD_IDS};

/// Whether `pounds` at token `k` (`n` tokens) weighs rather than pays: `8 pounds of flour`,
/// `weighed 8 pounds`, `a 300-pound bear`.
pub(super) fn is_weight_in_pounds(
    text: &str,
    toks: &[Tok],
    first: usize,
    k: usize,
    n: usize,
) -> bool {
    if !word_is(text, toks, k, &["pounds", "pound"]) || n != 1 {
        return false;
    }
    let of_follows = word_is(text, toks, k + 1, &["of"])
        && toks.get(k + 2).is_some_and(|t| {
            t.kind == TokKind::Word && LEXICONS.scales.starting_at(text, toks, k + 2).is_none()
        });
    let weighs = (first.saturating_sub(4)..first).any(|t| {
        toks[t].kind == TokKind::Word && {
            let w = lower(toks[t].text(text));
            w.starts_with("weigh")
                || matches!(
                    w.as_ref(),
                    "heavy"
                        | "heavier"
                        | "lighter"
                        | "tow"
                        | "tows"
                        | "towing"
                        | "haul"
                        | "hauls"
                        | "hauling"
                        | "lift"
                        | "lifts"
                        | "lifting"
                        | "lifted"
                        | "payload"
                )
        }
    });
    of_follows || weighs
}

/// `the number of operating SMEs ... reached 2.1 million`: the noun counted, named before
/// a bare number in the same sentence.
pub(super) fn number_of_noun(text: &str, toks: &[Tok], bare_first: usize) -> Option<String> {
    let mut b = bare_first;
    while b > 0 && bare_first - b < 25 {
        b -= 1;
        if toks[b].kind == TokKind::Sym && matches!(toks[b].text(text), "." | "!" | "?") {
            return None;
        }
        if word_is(text, toks, b, &["number"]) && word_is(text, toks, b + 1, &["of"]) {
            let mut n = b + 2;
            if word_is(text, toks, n, &["its", "their", "the", "his", "her"]) {
                n += 1;
            }
            return counted_noun(text, toks, n).map(|(_, lemma)| lemma);
        }
    }
    None
}

/// A counted noun after the number: up to three modifiers, then a head noun from the
/// lexicon (`84 investment projects`, `152 small and medium-sized businesses`), or else a
/// plural noun reduced to its singular by rule. Returns the head's last token and the lemma.
pub(super) fn counted_noun(text: &str, toks: &[Tok], k: usize) -> Option<(usize, String)> {
    let lex = &*LEXICONS;
    let mut m = k;
    let mut fallback: Option<(usize, String)> = None;
    // `13 medical and dental clinics`: one `and` between two modifiers, one more word allowed.
    let mut end = k + 4;
    // Tokens inside a name, which the bound does not count.
    let mut extra = 0;
    while m < toks.len() && m < end + extra {
        if let Some((n, lemma)) = lex.counted_nouns.starting_at(text, toks, m) {
            return Some((m + n - 1, lemma.to_string()));
        }
        let tok = toks[m];
        // `14,000 U.S. restaurants`, `25,900 COVID-19 cases`: the marks and digits inside a
        // name that modifies the noun, glued to the name's capitals.
        let capital_before = |b: usize| {
            b > k
                && adjacent(toks, b - 1, b)
                && toks[b - 1].kind == TokKind::Word
                && toks[b - 1]
                    .text(text)
                    .starts_with(|c: char| c.is_ascii_uppercase())
        };
        let in_name = match tok.kind {
            TokKind::Sym if tok.text(text) == "." => capital_before(m),
            TokKind::Sym if tok.text(text) == "-" => {
                capital_before(m) && m + 1 < toks.len() && adjacent(toks, m, m + 1)
            }
            TokKind::Num => sym_at(text, toks, m - 1, "-") && capital_before(m - 1),
            _ => false,
        };
        if in_name {
            extra += 1;
            m += 1;
            continue;
        }
        if tok.kind != TokKind::Word {
            break;
        }
        let joins_modifiers = m > k && end == k + 4 && tok.is_word_in(text, &["and"]);
        if joins_modifiers {
            end += 1;
            m += 1;
            continue;
        }
        if FUNCTION_WORD_IDS.get(tok.id).is_some()
            || LEXICONS.scales.starting_at(text, toks, m).is_some()
            || LEXICONS.month_ids.get(tok.id).is_some()
        {
            break;
        }
        let capitalised = tok
            .text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !capitalised && fallback.is_none() {
            if let Some(lemma) = singular(&lower(tok.text(text))) {
                // `46 new productions facilities`: a listed head right after wins.
                if let Some((n, lemma)) = lex.counted_nouns.starting_at(text, toks, m + 1) {
                    return Some((m + n, lemma.to_string()));
                }
                fallback = Some((m, lemma));
                // A plural noun ends the phrase: `5 companies produce` counts companies.
                break;
            }
        }
        m += 1;
    }
    fallback
}

/// The noun of `a 46-member council` at token `m` (after the hyphen): a lower-case word of
/// letters, no function word, unit or number word, that modifies a lower-case word after it.
pub(super) fn hyphenated_modifier_noun(text: &str, toks: &[Tok], m: usize) -> Option<String> {
    let tok = toks.get(m)?;
    let next = toks.get(m + 1)?;
    let w = tok.text(text);
    let is_plain_word = |t: &Tok| {
        t.kind == TokKind::Word
            && !t.hyphen
            && t.text(text).bytes().all(|b| b.is_ascii_lowercase())
            && FUNCTION_WORD_IDS.get(t.id).is_none()
    };
    // `a 120,000-strong march`, `a 9-metre-long reptile`: an adjective, no noun counted;
    // `a 14-storey tower` gives its height, not a number of things in it.
    const ADJECTIVES: &[&str] = &[
        "strong", "long", "old", "high", "wide", "deep", "tall", "odd", "storey", "story",
    ];
    (w.len() >= 3
        && !ADJECTIVES.contains(&w)
        && is_plain_word(tok)
        && is_plain_word(next)
        && !adjacent(toks, m, m + 1)
        && LEXICONS.number_word_ids.get(tok.id).is_none()
        && LEXICONS.units.starting_at(text, toks, m).is_none())
    .then(|| w.to_string())
}

/// The kind of a quantity whose unit is of `kind`.
pub(super) fn quantity_kind(kind: UnitKind) -> QuantityKind {
    match kind {
        UnitKind::Percent => QuantityKind::Percent,
        UnitKind::Measure => QuantityKind::Measure,
        UnitKind::Multiplier => QuantityKind::Multiplier,
        UnitKind::Duration => QuantityKind::Duration,
        UnitKind::Age => QuantityKind::Age,
        UnitKind::Temperature => QuantityKind::Temperature,
        UnitKind::Speed => QuantityKind::Speed,
        UnitKind::Data => QuantityKind::Data,
    }
}

/// The singular of a regular English plural, or `None` when the word does not look plural.
fn singular(w: &str) -> Option<String> {
    if w.len() < 4 || !w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        return None;
    }
    if w.ends_with("ss")
        || w.ends_with("us")
        || w.ends_with("is")
        || w.ends_with("ics")
        || !w.ends_with('s')
    {
        return None;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    // `classes`, `buses`, `boxes`, `buzzes`, `churches`, `dishes` drop `es`; `cases`,
    // `houses`, `causes`, `prizes` only their `s`.
    let drops_es = w.ends_with("sses")
        || (w.ends_with("uses") && !w.ends_with("ouses") && !w.ends_with("auses"))
        || w.ends_with("xes")
        || w.ends_with("zzes")
        || w.ends_with("ches")
        || w.ends_with("shes");
    Some(w[..w.len() - if drops_es { 2 } else { 1 }].to_string())
}
