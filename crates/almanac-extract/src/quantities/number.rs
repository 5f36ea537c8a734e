//! A number in digits, past its first token: groups of three across a space (`1 500 000`),
//! a power of ten (`1.99e30`, `×10^30`), a fraction (`1½`, `1/2 tsp`, `17 and a half
//! hours`), and a sign glued to it (`-1.3%`, `minus 40`).
//! Number words are `crate::numbers::parse_words`'.

use crate::lexicon::LEXICONS;
use crate::numbers::parse_digits;
use crate::tokens::{word_is, Tok, TokKind};

use super::{adjacent, sym_at};

/// The number at token `j` with the groups of three digits that follow it across a space
/// (`1 074`, `1 500 000`, `1 234 567.89`: a space of any kind, or one written as an HTML
/// entity, `&nbsp;`), and the token after it. The first group has one to three digits.
pub(super) fn space_grouped(text: &str, toks: &[Tok], j: usize) -> Option<(f64, usize)> {
    let first = toks[j].text(text);
    let mut value = parse_digits(first)?;
    let mut k = j + 1;
    if first.chars().count() > 3 || first.contains([',', '.']) {
        return Some((value, k));
    }
    while let Some(next) = group_after(text, toks, k) {
        let group = toks[next].text(text);
        // Three digits, and the decimals of the last group (`567.89`).
        let (digits, decimals) = match group.find('.') {
            Some(dot) => group.split_at(dot),
            None => (group, ""),
        };
        if digits.chars().count() != 3 || digits.contains(',') || decimals.contains(',') {
            break;
        }
        value = value * 1000.0 + parse_digits(group)?;
        k = next + 1;
        if !decimals.is_empty() {
            break;
        }
    }
    Some((value, k))
}

/// A power of ten after a number: `e30`, `E-3` glued to it (`1.99e30`), or `×10^30`,
/// `x 10^-3`, `×10−12` (a superscript lost in copying, a Unicode minus kept). The exponent
/// and the token after it.
pub(super) fn exponent_at(text: &str, toks: &[Tok], k: usize) -> Option<(i32, usize)> {
    let tok = toks.get(k)?;
    if tok.kind == TokKind::Word && adjacent(toks, k - 1, k) {
        let w = tok.text(text);
        let digits = w.strip_prefix(['e', 'E'])?;
        if !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Some((digits.parse().ok()?, k + 1));
        }
        // `1.99e-30`: the word is `e` and a sign follows.
        if digits.is_empty()
            && sym_at(text, toks, k + 1, "-")
            && toks.get(k + 2).is_some_and(|t| t.kind == TokKind::Num)
            && adjacent(toks, k, k + 1)
            && adjacent(toks, k + 1, k + 2)
        {
            let exponent: i32 = toks[k + 2].text(text).parse().ok()?;
            return Some((-exponent, k + 3));
        }
        return None;
    }
    // `10−12`: only the Unicode minus, since a hyphen or dash there makes a range.
    if tok.text(text) == "\u{2212}"
        && toks[k - 1].text(text) == "10"
        && adjacent(toks, k - 1, k)
        && toks.get(k + 1).is_some_and(|t| t.kind == TokKind::Num)
        && adjacent(toks, k, k + 1)
    {
        let exponent: i32 = toks[k + 1].text(text).parse().ok()?;
        // The value is 10 to the exponent, not 10 times it.
        return Some((-exponent - 1, k + 2));
    }
    // `10^11 stars`: a bare power of ten, the caret glued on both sides.
    if tok.text(text) == "^"
        && toks[k - 1].text(text) == "10"
        && adjacent(toks, k - 1, k)
        && toks.get(k + 1).is_some_and(|t| {
            t.kind == TokKind::Num && t.text(text).bytes().all(|b| b.is_ascii_digit())
        })
        && adjacent(toks, k, k + 1)
    {
        let exponent: i32 = toks[k + 1].text(text).parse().ok()?;
        return Some((exponent - 1, k + 2));
    }
    let times = tok.kind == TokKind::Sym && matches!(tok.text(text), "×" | "*")
        || tok.is_word_in(text, &["x"]);
    if !times || toks.get(k + 1)?.text(text) != "10" {
        return None;
    }
    let mut at = k + 2;
    let caret = sym_at(text, toks, at, "^");
    if caret {
        at += 1;
    }
    let negative = toks
        .get(at)
        .is_some_and(|t| t.kind == TokKind::Sym && matches!(t.text(text), "-" | "\u{2212}"))
        && (caret || toks[at].text(text) == "\u{2212}");
    if negative {
        at += 1;
    }
    let exponent: i32 = toks
        .get(at)
        .filter(|t| t.kind == TokKind::Num)?
        .text(text)
        .parse()
        .ok()?;
    if !(caret || negative) || !(k + 1..at).all(|t| adjacent(toks, t, t + 1)) {
        return None;
    }
    Some((if negative { -exponent } else { exponent }, at + 1))
}

/// The number token that follows token `k - 1` across one space (any of Unicode's, or an
/// HTML entity of a space written as text), if any.
fn group_after(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let prev_end = toks[k - 1].end;
    let next = if toks.get(k)?.kind == TokKind::Num {
        k
    } else {
        // `&nbsp;` is three tokens: `&`, `nbsp` and `;`.
        (k + 1..(k + 5).min(toks.len())).find(|&n| toks[n].kind == TokKind::Num)?
    };
    let gap = &text[prev_end..toks[next].start];
    let mut chars = gap.chars();
    let one_space = chars.next().is_some_and(char::is_whitespace) && chars.next().is_none();
    let entity = || {
        const SPACES: &[&str] = &[
            "&nbsp;", "&#160;", "&#xa0;", "&thinsp;", "&#8201;", "&#x2009;", "&#8239;", "&#x202f;",
            "&nnbsp;",
        ];
        SPACES.iter().any(|e| gap.eq_ignore_ascii_case(e))
    };
    (one_space || entity()).then_some(next)
}

/// A sign before the figure starting at token `i`: a minus or plus glued to it but not to
/// the word or number before (`-1.3%`, `−12,400`, `(+0.4%)`; not `COVID-19`, `2–3`), or the
/// word `minus`. The sign's token and whether it is a minus.
pub(crate) fn sign_before(text: &str, toks: &[Tok], i: usize) -> Option<(usize, bool)> {
    let s = i.checked_sub(1)?;
    let sign = toks[s];
    match sign.kind {
        TokKind::Sym => {
            let negative = match sign.text(text) {
                "-" | "\u{2212}" | "\u{2013}" => true,
                "+" => false,
                _ => return None,
            };
            let opens = |t: &Tok| {
                t.kind == TokKind::Sym
                    && matches!(
                        t.text(text),
                        "(" | "[" | "\"" | "\u{201c}" | "'" | "=" | ":"
                    )
            };
            let glued_before = s >= 1 && adjacent(toks, s - 1, s) && !opens(&toks[s - 1]);
            (adjacent(toks, s, i) && !glued_before).then_some((s, negative))
        }
        // Not `10 minus 4`; `plus or minus 2%` is a margin, no sign.
        TokKind::Word if sign.is_word_in(text, &["minus"]) => {
            let after_number = s >= 1 && toks[s - 1].kind == TokKind::Num;
            let margin = s >= 2
                && word_is(text, toks, s - 1, &["or"])
                && word_is(text, toks, s - 2, &["plus"]);
            (!after_number && !margin).then_some((s, true))
        }
        _ => None,
    }
}

/// The value of a vulgar fraction character (`½`, `¾`).
pub(super) fn vulgar_fraction(text: &str, tok: &Tok) -> Option<f64> {
    if tok.kind != TokKind::Sym {
        return None;
    }
    Some(match tok.text(text) {
        "½" => 0.5,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "⅛" => 0.125,
        _ => return None,
    })
}

/// A fraction that completes the number `value` ending before token `k`: `1½`, `1/2 tsp`,
/// `1 1/2 cups`, `17 and a half hours`, `two and a quarter miles`. A written-out fraction
/// (slash, `and a half`) counts only before a unit, so that a date (`1/2`) or a list (`1 and
/// a half-time break`) stays apart. `plain` is whether the number is one token of whole
/// digits. The value and the token after it.
pub(super) fn fraction_after(
    text: &str,
    toks: &[Tok],
    k: usize,
    value: f64,
    plain: bool,
) -> Option<(f64, usize)> {
    let unit_at = |a: usize| LEXICONS.units.starting_at(text, toks, a).is_some();
    let whole = value.fract() == 0.0 && value >= 0.0;
    if let Some(f) = toks.get(k).and_then(|t| vulgar_fraction(text, t)) {
        return (plain && whole && adjacent(toks, k - 1, k)).then_some((value + f, k + 1));
    }
    // `1/2`: numerator, slash, denominator, all glued, and no date's third group.
    let slashed = |n: usize| -> Option<f64> {
        let numerator =
            parse_digits(toks.get(n)?.text(text)).filter(|_| toks[n].kind == TokKind::Num)?;
        let d = n + 2;
        let denominator = parse_digits(toks.get(d).filter(|t| t.kind == TokKind::Num)?.text(text))?;
        let glued =
            sym_at(text, toks, n + 1, "/") && adjacent(toks, n, n + 1) && adjacent(toks, n + 1, d);
        let date = sym_at(text, toks, d + 1, "/") && adjacent(toks, d, d + 1);
        (glued
            && !date
            && (2.0..=16.0).contains(&denominator)
            && numerator >= 1.0
            && numerator < denominator
            && numerator.fract() == 0.0
            && denominator.fract() == 0.0
            && (unit_at(d + 1)
                || super::units::counted_noun(text, toks, d + 1)
                    .is_some_and(|(head, _)| head == d + 1)
                // `the 1 1/2-mile race`: the unit joined by a hyphen.
                || (sym_at(text, toks, d + 1, "-")
                    && adjacent(toks, d, d + 1)
                    && adjacent(toks, d + 1, d + 2)
                    && unit_at(d + 2))))
        .then(|| numerator / denominator)
    };
    if plain && whole {
        if let Some(f) = slashed(k - 1) {
            return Some((f, k + 2));
        }
        if toks.get(k).is_some_and(|t| t.kind == TokKind::Num) && !adjacent(toks, k - 1, k) {
            if let Some(f) = slashed(k) {
                return Some((value + f, k + 3));
            }
        }
    }
    // `12-1/4 cents`, `$6.02-1/2 a bushel`: a market's quote in fractions of its last digit.
    let hyphen = sym_at(text, toks, k, "-")
        && k + 1 < toks.len()
        && adjacent(toks, k - 1, k)
        && adjacent(toks, k, k + 1);
    if hyphen && toks[k - 1].kind == TokKind::Num {
        let quoted = |n: usize| -> Option<f64> {
            let numerator =
                parse_digits(toks.get(n).filter(|t| t.kind == TokKind::Num)?.text(text))?;
            let denominator = parse_digits(
                toks.get(n + 2)
                    .filter(|t| t.kind == TokKind::Num)?
                    .text(text),
            )?;
            (sym_at(text, toks, n + 1, "/")
                && adjacent(toks, n, n + 1)
                && adjacent(toks, n + 1, n + 2)
                && [2.0, 4.0, 8.0].contains(&denominator)
                && numerator >= 1.0
                && numerator < denominator)
                .then(|| numerator / denominator)
        };
        let money = LEXICONS.currencies.starting_at(text, toks, k + 4).is_some()
            || (k >= 2 && LEXICONS.currencies.ending_at(text, toks, k - 2).is_some());
        if let Some(f) = quoted(k + 1).filter(|_| money) {
            let decimals = toks[k - 1]
                .text(text)
                .split_once('.')
                .map_or(0, |(_, d)| d.len());
            return Some((value + f / 10f64.powi(decimals as i32), k + 4));
        }
    }
    if whole && word_is(text, toks, k, &["and"]) && word_is(text, toks, k + 1, &["a"]) {
        let f = if word_is(text, toks, k + 2, &["half"]) {
            0.5
        } else if word_is(text, toks, k + 2, &["quarter"]) {
            0.25
        } else {
            return None;
        };
        // `two and a half trillion tenge`, `one and a half thousand workers`: spoken figures
        // put the fraction before the scale, and the scale before the unit.
        let scale_at = |a: usize| {
            LEXICONS
                .scales
                .starting_at(text, toks, a)
                .is_some_and(|(_, s)| !s.weak)
        };
        return (unit_at(k + 3) || scale_at(k + 3)).then_some((value + f, k + 3));
    }
    None
}
