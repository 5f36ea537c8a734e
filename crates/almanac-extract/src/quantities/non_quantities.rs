//! Numbers that are no quantity: the digits of a date, a clock time or a name (`June 25`,
//! `10:30`, `COVID-19`, `Section 4`), and the labels, codes and scores a bare number is
//! part of (`iPhone 11`, `0800 555 111`, `won 3-1`).

use crate::lexicon::LEXICONS;
use crate::tokens::{word_is, Tok, TokKind};

use super::quantity::{letter_sign_before_money, letter_sign_in_sentence};
use super::units::counted_noun;
use super::{adjacent, is_month, sym_at, Parsed, QuantityKind, FUNCTION_WORD_IDS};

/// Whether the digits at `j` can be a figure at all: not part of a date, a clock time, a
/// name (`Section 4`, `COVID-19`) or an ordinal suffix handled elsewhere.
pub(super) fn is_figure_number(text: &str, toks: &[Tok], j: usize) -> bool {
    let lex = &*LEXICONS;
    let digits = toks[j].text(text);
    let small = digits.len() <= 2 && !digits.contains([',', '.']);
    // `June 25`, `Dec. 27`, `25 June`.
    if small {
        let before = if j >= 2 && sym_at(text, toks, j - 1, ".") {
            j - 2
        } else {
            j.wrapping_sub(1)
        };
        if j >= 1 && is_month(toks, before) {
            return false;
        }
        if is_month(toks, j + 1) {
            return false;
        }
    }
    // `10:30`.
    if sym_at(text, toks, j + 1, ":")
        && toks.get(j + 2).is_some_and(|t| t.kind == TokKind::Num)
        && adjacent(toks, j, j + 1)
    {
        return false;
    }
    if j >= 1
        && sym_at(text, toks, j - 1, ":")
        && adjacent(toks, j - 1, j)
        && j >= 2
        && toks[j - 2].kind == TokKind::Num
    {
        return false;
    }
    // `10 a.m.`
    if word_is(text, toks, j + 1, &["a", "p"])
        && sym_at(text, toks, j + 2, ".")
        && word_is(text, toks, j + 3, &["m"])
    {
        return false;
    }
    // `1st`, `5th`: ordinals, ranks only after a rank cue (parse_rank).
    if word_is(text, toks, j + 1, &["st", "nd", "rd", "th"]) && adjacent(toks, j, j + 1) {
        return false;
    }
    if j >= 1
        && sym_at(text, toks, j - 1, "-")
        && adjacent(toks, j - 1, j)
        && j >= 2
        && adjacent(toks, j - 2, j - 1)
    {
        // `COVID-19` (a name) or `2024-25` (a span of years); `7-foot-4` is a height.
        let before = toks[j - 2];
        if before.kind == TokKind::Word && !word_is(text, toks, j - 2, &["foot", "feet", "ft"]) {
            return false;
        }
        if before.kind == TokKind::Num && before.text(text).len() == 4 {
            return false;
        }
    }
    // `Section 4`, `Strategy 2050`, `No. 5`: a capitalised naming word before; `junctions 10
    // and 16`, `Sections 4 to 6`: the numbers it names in a list.
    let joined_to_name = j >= 2
        && (word_is(text, toks, j - 1, &["and", "or", "to"])
            || sym_at(text, toks, j - 1, ",")
            || sym_at(text, toks, j - 1, "&"))
        && toks[j - 2].kind == TokKind::Num
        && after_naming_word(text, toks, j - 2);
    if after_naming_word(text, toks, j) || joined_to_name {
        return false;
    }
    if in_telephone_number(text, toks, j) {
        return false;
    }
    // `the 911 line`, `call 311`: a three-digit service number ending in 11 after a word,
    // unless a plural says it counts (`911 calls`); not money (`$611`), a group of a larger
    // number (`611 000`) nor a score or a vote (`311-112`).
    let service = digits.len() == 3
        && digits.ends_with("11")
        && j >= 1
        && toks[j - 1].kind == TokKind::Word
        && toks.get(j + 1).is_none_or(|t| match t.kind {
            TokKind::Word => !t.text(text).ends_with(['s', 'S']),
            TokKind::Num => false,
            TokKind::Sym => matches!(t.text(text), "," | "." | ";" | ")"),
        });
    // `the 1400 block of Main Street`: an address.
    let block = word_is(text, toks, j + 1, &["block"]) && word_is(text, toks, j + 2, &["of"]);
    // `401(k)`: a plan named by a number and a bracketed letter.
    let lettered = sym_at(text, toks, j + 1, "(")
        && adjacent(toks, j, j + 1)
        && toks
            .get(j + 2)
            .is_some_and(|t| t.kind == TokKind::Word && t.end - t.start == 1)
        && sym_at(text, toks, j + 3, ")");
    // `"Inside Out 2"`: the number that ends a quoted title of capitalised words.
    let title = j >= 1
        && toks[j - 1].kind == TokKind::Word
        && toks[j - 1]
            .text(text)
            .starts_with(|c: char| c.is_uppercase())
        && toks
            .get(j + 1)
            .is_some_and(|t| adjacent(toks, j, j + 1) && matches!(t.text(text), "\"" | "\u{201d}"));
    if service || block || lettered || title {
        return false;
    }
    // `10.45pm`, `3pm`, `7 pm`; `by 1130 GMT`, `at 11 o'clock`: clock times.
    if word_is(text, toks, j + 1, &["am", "pm", "o'clock"])
        || (word_is(text, toks, j + 1, &["o"]) && word_is(text, toks, j + 3, &["clock"]))
        || toks.get(j + 1).is_some_and(|t| {
            matches!(
                t.text(text),
                "GMT"
                    | "UTC"
                    | "BST"
                    | "CET"
                    | "CEST"
                    | "EST"
                    | "EDT"
                    | "PST"
                    | "PDT"
                    | "ET"
                    | "JST"
            )
        })
    {
        return false;
    }
    // `PM2.5`, `BA117`, `B1234`: digits glued to the letters of a name.
    let currency_before = (j.saturating_sub(2)..j).any(|s| {
        lex.currencies
            .starting_at(text, toks, s)
            .is_some_and(|(n, c)| {
                s + n == j
                    && (!c.glued_only
                        || letter_sign_before_money(text, toks, s)
                        || letter_sign_in_sentence(text, toks, s, c.code_before))
            })
    });
    // `US65.8c`: US cents.
    let us_cents = j >= 1
        && toks[j - 1].text(text) == "US"
        && adjacent(toks, j, j + 1)
        && toks.get(j + 1).is_some_and(|t| t.text(text) == "c");
    let currency_before = currency_before || us_cents;
    if j >= 1 && toks[j - 1].kind == TokKind::Word && adjacent(toks, j - 1, j) && !currency_before {
        return false;
    }
    // `PM2.5`, `4.2.1`: the digits after a point glued to a name or a version (not `Rs.5`).
    if j >= 2
        && sym_at(text, toks, j - 1, ".")
        && adjacent(toks, j - 2, j - 1)
        && adjacent(toks, j - 1, j)
        && toks[j - 2].kind == TokKind::Word
        && !currency_before
    {
        return false;
    }
    // `17th-century`: an ordinal joined to its noun.
    if toks.get(j + 1).is_some_and(|t| {
        let w = t.text(text).as_bytes();
        t.kind == TokKind::Word
            && w.len() > 3
            && w[2] == b'-'
            && [&b"st"[..], b"nd", b"rd", b"th"]
                .iter()
                .any(|x| w[..2].eq_ignore_ascii_case(x))
    }) && adjacent(toks, j, j + 1)
    {
        return false;
    }
    // `1-800-555-0142`: three or more groups of digits joined by hyphens are a telephone number.
    let hyphen_num = |a: usize, b: usize| {
        sym_at(text, toks, a, "-")
            && toks.get(b).is_some_and(|t| t.kind == TokKind::Num)
            && adjacent(toks, a.min(b), a.max(b))
    };
    let groups_after = (hyphen_num(j + 1, j + 2) && adjacent(toks, j, j + 1)) as usize
        + (hyphen_num(j + 1, j + 2) && hyphen_num(j + 3, j + 4) && adjacent(toks, j + 2, j + 3))
            as usize;
    let groups_before = (j >= 2 && hyphen_num(j - 1, j - 2) && adjacent(toks, j - 1, j)) as usize
        + (j >= 4
            && hyphen_num(j - 1, j - 2)
            && hyphen_num(j - 3, j - 4)
            && adjacent(toks, j - 3, j - 2)) as usize;
    if groups_before + groups_after >= 2 {
        return false;
    }
    // `24/7`: round the clock.
    if digits == "24"
        && sym_at(text, toks, j + 1, "/")
        && toks.get(j + 2).is_some_and(|t| t.text(text) == "7")
    {
        return false;
    }
    if j >= 2 && digits == "7" && sym_at(text, toks, j - 1, "/") && toks[j - 2].text(text) == "24" {
        return false;
    }
    // `on 21 and 22 June`: the first day of a list of dates.
    if small
        && (word_is(text, toks, j + 1, &["and", "to", "or"])
            || sym_at(text, toks, j + 1, "-")
            || sym_at(text, toks, j + 1, "\u{2013}"))
        && toks
            .get(j + 2)
            .is_some_and(|t| t.kind == TokKind::Num && t.text(text).len() <= 2)
        && is_month(toks, j + 3)
    {
        return false;
    }
    // `at 450 Lexington Avenue`, `10 Downing Street`, `9 E 71st St`: a street address.
    let mut a = j + 1;
    while a < j + 5 {
        // `71st`: an ordinal names a street as a capitalised word does.
        let ordinal = toks.get(a).is_some_and(|t| t.kind == TokKind::Num)
            && adjacent(toks, a, a + 1)
            && word_is(text, toks, a + 1, &["st", "nd", "rd", "th"]);
        if ordinal {
            a += 2;
            continue;
        }
        let capitalised = toks.get(a).is_some_and(|t| {
            t.kind == TokKind::Word && t.text(text).chars().next().is_some_and(char::is_uppercase)
        });
        if !capitalised {
            break;
        }
        if word_is(text, toks, a, STREETS) && a > j + 1 {
            return false;
        }
        a += 1;
    }
    true
}

/// Whether the number at `j` follows a word that names things by number (`Section 4`, `No.
/// 5`, `gas mark 6`, `the number 73 bus`): `data/number_names.tsv`.
fn after_naming_word(text: &str, toks: &[Tok], j: usize) -> bool {
    let name_at = if j >= 2 && sym_at(text, toks, j - 1, ".") {
        j - 2
    } else {
        j.wrapping_sub(1)
    };
    toks.get(name_at).is_some_and(|t| {
        t.kind == TokKind::Word
            && LEXICONS.number_name_ids.get(t.id).is_some_and(|any_case| {
                any_case || t.text(text).chars().next().is_some_and(char::is_uppercase)
            })
    })
}

/// Whether the digits at `j` are a group of a telephone number written with spaces (`1800
/// 425 1234`, `+91 22 5555 0100`): three or more groups of bare digits, nine digits or more,
/// not all groups after the first of three digits (`1 500 000` is a number).
fn in_telephone_number(text: &str, toks: &[Tok], j: usize) -> bool {
    let group = |t: usize| {
        toks.get(t).is_some_and(|t| {
            t.kind == TokKind::Num && t.text(text).bytes().all(|b| b.is_ascii_digit())
        })
    };
    let spaced = |a: usize| !adjacent(toks, a, a + 1);
    if !group(j) {
        return false;
    }
    let mut first = j;
    while first >= 1 && group(first - 1) && spaced(first - 1) {
        first -= 1;
    }
    let mut last = j;
    while group(last + 1) && spaced(last) {
        last += 1;
    }
    let digits: usize = (first..=last).map(|t| toks[t].end - toks[t].start).sum();
    last >= first + 2 && digits >= 9 && (first + 1..=last).any(|t| toks[t].end - toks[t].start != 3)
}

fn ends_with_par(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3 && b[b.len() - 3..].eq_ignore_ascii_case(b"par")
}

/// Nouns after a score written N-M: `a 2-1 lead`; also a vote's split, `a 5-4 ruling`.
const SCORE_AFTER: &[&str] = &[
    "lead",
    "draw",
    "win",
    "victory",
    "defeat",
    "loss",
    "scoreline",
    "ruling",
    "decision",
    "majority",
    "split",
    "vote",
    "series",
];

/// The last word of a street's name: a number before the name is its address.
const STREETS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "close",
    "square",
    "drive",
    "way",
    "place",
    "court",
    "crescent",
    "terrace",
    "boulevard",
    "gardens",
    "parade",
    "grove",
    "row",
    "mews",
    "walk",
    "hill",
];

/// Whether the number at `first` follows a word with a capital inside or a capitalised word
/// in the middle of a sentence (`the Stoxx 600`, `iPhone 11`, `Fortune 500 company`): it is
/// part of a name. `Some(true)` for a capital inside (`Wi-Fi 7`, `NHS 111`), a surer sign
/// than a capitalised word, which may be a place (`In Almaty 500 jobs`).
pub(super) fn name_before(text: &str, toks: &[Tok], first: usize) -> Option<bool> {
    let before = *first.checked_sub(1).and_then(|b| toks.get(b))?;
    if before.kind != TokKind::Word || FUNCTION_WORD_IDS.get(before.id).is_some() {
        return None;
    }
    let w = before.text(text);
    let capital_inside = w.chars().skip(1).any(char::is_uppercase);
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let sentence_start = first < 2
        || toks[first - 2].kind == TokKind::Sym
            && matches!(
                toks[first - 2].text(text),
                "." | "!" | "?" | "\"" | "\u{201c}"
            );
    let cue = LEXICONS
        .qualifiers
        .ending_at(text, toks, first - 1)
        .is_some()
        || LEXICONS.month_ids.get(before.id).is_some();
    (!cue && (capital_inside || (capital && !sentence_start))).then_some(capital_inside)
}

/// Whether a bare number is part of a name or a label rather than a quantity: after a
/// word with a capital inside or in the middle of a sentence (`the Stoxx 600`, `iPhone 11`,
/// `FTSE 100`, `S&P 500`), a jersey number in brackets (`Kane (9)`), or a score (`won 3-1`).
pub(super) fn is_label(text: &str, toks: &[Tok], p: &Parsed) -> bool {
    if p.q.kind != QuantityKind::Bare || p.in_words || p.first == 0 {
        return false;
    }
    let digits = toks[p.first].text(text);
    if toks[p.first].kind != TokKind::Num || digits.contains(',') {
        return false;
    }
    // `Bluetooth 5.3`, `Version 17.5`.
    if name_before(text, toks, p.first).is_some() {
        return true;
    }
    // `Nifty 50 ended lower`, `Stoxx 600 closed flat`: an index named at the start of a
    // sentence, a market's verb after its number.
    if index_at_sentence_start(text, toks, p) {
        return true;
    }
    if digits.contains('.') {
        return false;
    }
    let before = toks[p.first - 1];
    let after = toks.get(p.last + 1);
    let is_num = |t: usize, max_len: usize| {
        toks.get(t)
            .is_some_and(|t| t.kind == TokKind::Num && t.text(text).len() <= max_len)
    };
    let is_dash = |t: usize| sym_at(text, toks, t, "-") || sym_at(text, toks, t, "\u{2013}");
    // `0800 555 111`: a number written with a leading zero is a code or a telephone number,
    // and so are the digit groups after it.
    let leading_zero = |t: &Tok| {
        let d = t.text(text);
        t.kind == TokKind::Num && d.len() >= 3 && d.starts_with('0')
    };
    let before_before = p.first.checked_sub(2).map(|b| toks[b]);
    if leading_zero(&toks[p.first])
        || leading_zero(&before)
        || (before.kind == TokKind::Num && before_before.is_some_and(|t| leading_zero(&t)))
    {
        return true;
    }
    // A cricket total and a golf round: `bowled out for 187`, `shot a 66`, `a six-under-par
    // 66`, `at 13 under`.
    if (word_is(text, toks, p.first - 1, &["for"])
        && p.first >= 2
        && word_is(text, toks, p.first - 2, &["out"]))
        || (word_is(text, toks, p.first - 1, &["a"])
            && p.first >= 2
            && word_is(
                text,
                toks,
                p.first - 2,
                &["shot", "shoots", "carded", "card"],
            ))
        || (before.kind == TokKind::Word && ends_with_par(before.text(text)))
        // `a 6-under 66`, `at 11-under 277`: a score to par and the round or total after it.
        || (is_dash(p.last + 1)
            && word_is(text, toks, p.last + 2, &["under", "over"])
            && (word_is(text, toks, p.last + 3, &["par"]) || is_num(p.last + 3, 3)))
        || (before.is_word_in(text, &["under", "over"])
            && p.first >= 3
            && is_dash(p.first - 2)
            && is_num(p.first - 3, 2))
        || (word_is(text, toks, p.last + 1, &["under", "over"])
            && (word_is(text, toks, p.last + 2, &["par"])
                || toks.get(p.last + 2).is_none_or(|t| t.kind == TokKind::Sym)))
    {
        return true;
    }
    // `3M`, `5G`: a number glued to a word that is no unit is part of a name.
    if after.is_some_and(|t| t.kind == TokKind::Word) && adjacent(toks, p.last, p.last + 1) {
        return true;
    }
    // `on May 12 and 13`, `May 12-13`: the second day of a date.
    if p.first >= 3
        && (before.is_word_in(text, &["and", "to", "or"]) || is_dash(p.first - 1))
        && is_num(p.first - 2, 2)
        && LEXICONS.month_ids.get(toks[p.first - 3].id).is_some()
    {
        return true;
    }
    // `since 1880`, `in 1750`: a year before the years a bare figure could be taken for.
    if digits.len() == 4
        && (1000.0..1900.0).contains(&p.q.value)
        && before.is_word_in(
            text,
            &[
                "since", "in", "from", "until", "till", "before", "after", "circa",
            ],
        )
    {
        return true;
    }
    // `the 737 Max`, `the 911 Carrera`: a model named by its number and a capitalised word.
    if before.is_word_in(text, &["the"])
        && after.is_some_and(|t| {
            t.kind == TokKind::Word
                && t.text(text).starts_with(|c: char| c.is_uppercase())
                && LEXICONS.month_ids.get(t.id).is_none()
        })
    {
        return true;
    }
    // `Kane (9)`; not a comparative after a figure (`income 640 (590)`).
    if sym_at(text, toks, p.first - 1, "(")
        && after.is_some_and(|t| t.text(text) == ")")
        && p.first >= 2
        && toks[p.first - 2].kind == TokKind::Word
    {
        return true;
    }
    if name_before(text, toks, p.first).is_some() {
        return true;
    }
    // `voted 79 to 18`: a vote's split written with `to`, a pair that falls after a vote.
    let split = word_is(text, toks, p.last + 1, &["to"])
        && is_num(p.last + 2, 3)
        && crate::numbers::parse_digits(toks[p.last + 2].text(text))
            .is_some_and(|second| second < p.q.value)
        && LEXICONS.units.starting_at(text, toks, p.last + 3).is_none()
        && counted_noun(text, toks, p.last + 3).is_none()
        && (p.first.saturating_sub(3)..p.first)
            .any(|t| word_is(text, toks, t, &["voted", "vote", "votes"]));
    if split {
        return true;
    }
    // `won 3-1`: a score.
    let dash_after =
        after.is_some_and(|t| t.kind == TokKind::Sym && matches!(t.text(text), "-" | "\u{2013}"));
    if dash_after && adjacent(toks, p.last, p.last + 1) && digits.len() <= 3 {
        // `6-3, 4-6, 6-2`: the sets after the first score; `(7-4)`: a tie-break after a
        // set's score.
        if p.first >= 4
            && (sym_at(text, toks, p.first - 1, ",") || sym_at(text, toks, p.first - 1, "("))
            && is_num(p.first - 2, 2)
            && is_dash(p.first - 3)
            && is_num(p.first - 4, 2)
        {
            return true;
        }
        // `a 2-1 lead`, `a 2-2 draw`.
        if word_is(text, toks, p.last + 3, SCORE_AFTER) && is_num(p.last + 2, 3) {
            return true;
        }
        // `passed 68-32`, `ahead 52-48`, `a 7-2 favourite`, `112-3 at tea`: a pair that falls
        // is no range, so a score, a split or odds, unless a unit follows it.
        let falls = is_num(p.last + 2, 3)
            && adjacent(toks, p.last + 1, p.last + 2)
            && crate::numbers::parse_digits(toks[p.last + 2].text(text))
                .is_some_and(|second| second < p.q.value)
            && LEXICONS.units.starting_at(text, toks, p.last + 3).is_none()
            && counted_noun(text, toks, p.last + 3).is_none();
        if falls {
            return true;
        }
        let cue = (p.first.saturating_sub(6)..p.first).any(|t| {
            word_is(
                text,
                toks,
                t,
                &[
                    "won",
                    "lost",
                    "beat",
                    "beating",
                    "drew",
                    "defeated",
                    "win",
                    "victory",
                    "defeat",
                    "draw",
                    "score",
                    "scoreline",
                    "lead",
                    "split",
                    "ruled",
                    "voted",
                ],
            )
        });
        return cue;
    }
    false
}

/// Verbs of a market index after its name: `the FTSE 100 shed 0.6%`.
const INDEX_VERBS: &[&str] = &[
    "rose", "fell", "closed", "ended", "finished", "opened", "gained", "lost", "added", "shed",
    "slipped", "dropped", "climbed", "jumped", "edged", "eased", "advanced", "declined", "tumbled",
    "surged", "rallied", "slid", "settled", "hit", "index",
];

/// Whether a bare number after the capitalised first word of a sentence is an index's name
/// (`Nifty 50 ended`, `FTSE 100 shed`): a whole number, a market's verb after it. In the
/// middle of a sentence `name_before` already says so.
fn index_at_sentence_start(text: &str, toks: &[Tok], p: &Parsed) -> bool {
    let name = p.first - 1;
    let starts = name == 0
        || toks[name - 1].kind == TokKind::Sym
            && matches!(
                toks[name - 1].text(text),
                "." | "!" | "?" | "\"" | "\u{201c}"
            );
    let word = toks[name];
    starts
        && p.last == p.first
        && word.kind == TokKind::Word
        && FUNCTION_WORD_IDS.get(word.id).is_none()
        && word
            .text(text)
            .starts_with(|c: char| c.is_ascii_uppercase())
        && toks[p.first].text(text).bytes().all(|b| b.is_ascii_digit())
        && word_is(text, toks, p.last + 1, INDEX_VERBS)
}
