//! Russian quantities: a number with its scale, unit or counted noun, qualifier, direction
//! and rate, read from the same token view as the English layer (`tokens::words`).
//!
//! ```text
//! quantity := qualifier? preposition? "$"? number scale* unit? per?
//! number   := digits (see `ru::numbers`) ["с половиной"] | number-words
//! scale    := scale-word ["."] [number smaller-scale-word ["."]]      2 трлн 300 млрд
//!           | "тысяч" digits<1000                                     8 тысяч 471
//! unit     := money | percent | "раз" | "место" | measure | modifier{0,3} counted-noun
//! ```
//! The figure's text runs from the number (or the `$` before it) to the end of its unit:
//! prepositions and qualifier words stay outside (FACTS.md, "Russian text"). A direction
//! makes the figure a change: `на N` in a sentence whose earlier words name a change
//! (`увеличился`, `рост`), or a change word right before it (`рост – 9,8%`), except a
//! percentage of 100 or more, which is an index (`рост составил 109,8%`).

use std::sync::LazyLock;

use crate::data;
use crate::fact::{Direction, Qualifier};
use crate::lexicon::PhraseTable;
use crate::quantities::{Quantity, QuantityKind};
use crate::tokens::{lower, Tok, TokKind};
use crate::vocabulary::word_id;

use super::numbers::{number_word, parse_digits, NumberWord};

mod neighbours;
mod spoken;

use neighbours::{
    breakdown_unit, elided_unit, money_compared, number_of_noun, range_low, restates,
};
use spoken::{fraction_at, multiple_at, ordinal_rank_at};

/// A unit of `data/units_ru.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unit {
    code: &'static str,
    kind: QuantityKind,
    /// A hundredth of the currency's unit (`тиын` of the tenge, `дирам` of the somoni).
    hundredth: bool,
}

/// A role of `data/quantity_words_ru.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Change,
    Times,
    Bound,
    Half,
    Per(&'static str),
    Breakdown,
    Reach,
    /// A verb a figure's new level follows (`достигло`, `составило`).
    Reached,
    Count,
}

struct Tables {
    units: PhraseTable<Unit>,
    qualifiers: PhraseTable<Qualifier>,
    directions: PhraseTable<Direction>,
    words: PhraseTable<Role>,
    fractions: PhraseTable<f64>,
    multiples: PhraseTable<Multiple>,
}

/// A row of `data/multiples_ru.tsv`: a multiple or a rank among the first few in one word.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Multiple {
    Times(f64),
    Top(f64),
}

impl Tables {
    /// The role of the phrase that starts at token `i`, and its length.
    fn role_at(&self, text: &str, toks: &[Tok], i: usize) -> Option<(usize, Role)> {
        self.words.starting_at(text, toks, i).map(|(n, r)| (n, *r))
    }
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables {
    units: PhraseTable::new(data::UNITS_RU.load(|r| {
        let kind = r.choice(
            2,
            &[
                ("money", QuantityKind::Money),
                ("percent", QuantityKind::Percent),
                ("multiplier", QuantityKind::Multiplier),
                ("rank", QuantityKind::Rank),
                ("measure", QuantityKind::Measure),
                ("count", QuantityKind::Count),
                ("duration", QuantityKind::Duration),
            ],
            None,
        )?;
        let hundredth = r.choice(3, &[("hundredth", true)], Some(false))?;
        if hundredth && kind != QuantityKind::Money {
            return Err(r.error(format_args!("`hundredth` on a row that is not money")));
        }
        Ok((
            r.get(0),
            Unit {
                code: r.get(1),
                kind,
                hundredth,
            },
        ))
    })),
    qualifiers: PhraseTable::new(data::QUALIFIERS_RU.load(|r| {
        let q = r.choice(
            1,
            &[
                ("more_than", Qualifier::MoreThan),
                ("less_than", Qualifier::LessThan),
                ("about", Qualifier::About),
            ],
            None,
        )?;
        Ok((r.get(0), q))
    })),
    directions: PhraseTable::new(data::DIRECTIONS_RU.load(|r| {
        let d = r.choice(1, &[("up", Direction::Up), ("down", Direction::Down)], None)?;
        Ok((r.get(0), d))
    })),
    words: PhraseTable::new(data::QUANTITY_WORDS_RU.load(|r| {
        let role = match r.get(1) {
            "change" => Role::Change,
            "times" => Role::Times,
            "bound" => Role::Bound,
            "half" => Role::Half,
            "breakdown" => Role::Breakdown,
            "reach" => Role::Reach,
            "reached" => Role::Reached,
            "count" => Role::Count,
            other => match other.strip_prefix("per:") {
                Some(per @ ("year" | "day" | "month" | "person")) => Role::Per(per),
                _ => return Err(r.error(format_args!("unknown role {other:?}"))),
            },
        };
        Ok((r.get(0), role))
    })),
    fractions: PhraseTable::new(
        data::FRACTIONS_RU.load(|r| Ok((r.get(0), r.parse(1, "percent")?))),
    ),
    multiples: PhraseTable::new(data::MULTIPLES_RU.load(|r| {
        let kind = r.choice(
            2,
            &[
                ("times", Multiple::Times as fn(f64) -> Multiple),
                ("top", Multiple::Top),
            ],
            None,
        )?;
        Ok((r.get(0), kind(r.parse(1, "value")?)))
    })),
});

/// Finds the quantities among `toks`, the tokens of a stretch of `text` (a paragraph).
pub(crate) fn find_in(text: &str, toks: &[Tok]) -> Vec<Quantity> {
    let toks = split_glued_numbers(text, toks);
    let toks = &toks[..];
    let mut found: Vec<(usize, Quantity)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match parse_at(text, toks, i) {
            Some((mut q, mut next)) => {
                // `(3 815 годом ранее)`: `годом ранее` says when, it is no duration. `5 лет
                // ранее` is one: only the singular `годом` gives the number away.
                if q.kind == QuantityKind::Duration
                    && lower(&q.text).ends_with("годом")
                    && toks
                        .get(next)
                        .is_some_and(|t| matches!(lower(t.text(text)).as_ref(), "ранее" | "раньше"))
                {
                    if let Some((_, after_number)) = read_number(text, toks, i) {
                        next = after_number;
                        q.kind = QuantityKind::Bare;
                        q.unit = None;
                        q.span[1] = toks[after_number - 1].end;
                        q.text = text[q.span[0]..q.span[1]].to_string();
                    }
                }
                if let Some(unit) = breakdown_unit(text, toks, i, &q, &found)
                    .or_else(|| number_of_noun(text, toks, i, &q))
                {
                    q.unit = Some(unit);
                    q.kind = QuantityKind::Count;
                    q.fact_worthy = true;
                } else if let Some((unit, kind)) = elided_unit(text, toks, i, &q, &found) {
                    q.unit = Some(unit);
                    q.kind = kind;
                    q.fact_worthy = true;
                }
                if let Some((unit, direction)) = money_compared(text, toks, i, &q, &found) {
                    q.unit = Some(unit);
                    q.kind = QuantityKind::Money;
                    q.direction = Some(direction);
                    q.fact_worthy = true;
                }
                // `цена одной тонны`, `зарплата одного работника`, `ещё одно обещание`: one
                // written as a word is the unit a price or a wage is given for, or a thing
                // told of, never a figure the ledger counts.
                if q.value == 1.0 && {
                    let l = lower(q.text.as_str());
                    l.starts_with("одн") || l.starts_with("один")
                } {
                    q.fact_worthy = false;
                }
                // `штат увеличится с 640 до 900 человек`: the earlier state, a bare number,
                // counts or measures what the later one does, at its scale.
                if let Some((k, earlier)) = found.last_mut() {
                    let word = |t: usize| lower(toks[t].text(text));
                    let from_to = earlier.kind == QuantityKind::Bare
                        && q.kind.is_figure()
                        && *k >= 1
                        && i >= 2
                        && matches!(word(*k - 1).as_ref(), "с" | "со")
                        && word(i - 1) == "до"
                        && toks[i - 2].end == earlier.span[1];
                    if from_to {
                        let own_number = read_number(text, toks, *k).map(|(n, _)| n);
                        if let Some((high_number, _)) = read_number(text, toks, i) {
                            // `с 611,5 млрд до 700 млрд` has its scale already; `с 1,8 до
                            // 2,5 млн тонн` and `с 5 до 0,8 млн` share one, numbers of one
                            // order; `с 500 до 2 млн тонн` does not say its scale.
                            let ratio = earlier.value / high_number;
                            if high_number > 0.0
                                && own_number == Some(earlier.value)
                                && (0.1..=10.0).contains(&ratio)
                            {
                                earlier.value *= q.value / high_number;
                            }
                            earlier.kind = q.kind;
                            earlier.unit = q.unit.clone();
                            earlier.fact_worthy = true;
                        }
                    }
                }
                // `лишь 29 из 41 котельной`: a part right before `из` and its whole counts
                // what the whole counts.
                if let Some((_, earlier)) = found.last_mut() {
                    let part_of = earlier.kind == QuantityKind::Bare
                        && q.kind == QuantityKind::Count
                        && i >= 2
                        && lower(toks[i - 1].text(text)) == "из"
                        && toks[i - 2].end == earlier.span[1];
                    if part_of {
                        earlier.kind = QuantityKind::Count;
                        earlier.unit = q.unit.clone();
                        earlier.fact_worthy = true;
                    }
                }
                if let Some(low) = range_low(text, toks, i, &q, &found) {
                    found.pop();
                    q = low;
                }
                if let Some((_, before)) = found
                    .last_mut()
                    .filter(|(_, before)| restates(text, toks, i, before, &q))
                {
                    before.equivalents.push(crate::fact::Equivalent {
                        value: q.value,
                        unit: q.unit.clone().unwrap_or_default(),
                    });
                    i = next.max(i + 1);
                    continue;
                }
                found.push((i, q));
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    found.into_iter().map(|(_, q)| q).collect()
}

/// `источников-35,6`: the word view joins a number to a word before it by the hyphen;
/// here the number stands alone.
fn split_glued_numbers(text: &str, toks: &[Tok]) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    for &t in toks {
        let w = t.text(text);
        if t.kind == TokKind::Word && t.hyphen {
            if let Some(k) = w.rfind('-') {
                let tail = &w[k + 1..];
                if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) && k > 0 {
                    let head = &w[..k];
                    out.push(Tok {
                        start: t.start,
                        end: t.start + k,
                        kind: TokKind::Word,
                        id: word_id(head),
                        hyphen: head.contains('-'),
                    });
                    out.push(Tok {
                        start: t.start + k + 1,
                        end: t.end,
                        kind: TokKind::Num,
                        id: 0,
                        hyphen: false,
                    });
                    continue;
                }
            }
        }
        out.push(t);
    }
    out
}

/// A space that may stand between groups of thousands.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

/// The digits that start at byte `pos`: the end of the number and its value. Groups of
/// three digits after a space join the first group of one to three (`1 500 000`).
fn read_digits(text: &str, pos: usize) -> Option<(usize, f64)> {
    let b = text.as_bytes();
    let digits_from = |p: usize| b[p..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut end = pos + digits_from(pos);
    let first_group = end - pos;
    // Inner `,` and `.` before more digits.
    loop {
        if end + 1 < b.len() && matches!(b[end], b',' | b'.') && b[end + 1].is_ascii_digit() {
            end += 1 + digits_from(end + 1);
        } else {
            break;
        }
    }
    let mut raw = text[pos..end].to_string();
    if first_group <= 3 && end == pos + first_group {
        // Space-grouped thousands.
        loop {
            let rest = &text[end..];
            let mut chars = rest.char_indices();
            let Some((_, c)) = chars.next() else { break };
            if !is_group_space(c) {
                break;
            }
            let after = end + c.len_utf8();
            let n = digits_from(after);
            let next_is_digit_like = b.get(after + n).is_some_and(|c| c.is_ascii_digit());
            if n != 3 || next_is_digit_like {
                break;
            }
            raw.push_str(&text[after..after + n]);
            end = after + n;
            // A decimal part after the last group: `9 500,5`.
            if end + 1 < b.len() && b[end] == b',' && b[end + 1].is_ascii_digit() {
                let m = digits_from(end + 1);
                raw.push_str(&text[end..end + 1 + m]);
                end += 1 + m;
                break;
            }
        }
    }
    parse_digits(&raw).map(|v| (end, v))
}

/// The index of the first token that starts at or after byte `pos`.
fn tok_at(toks: &[Tok], from: usize, pos: usize) -> usize {
    let mut j = from;
    while j < toks.len() && toks[j].start < pos {
        j += 1;
    }
    j
}

/// Number words from token `i`: the value and the next token.
fn read_words(text: &str, toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let word = |j: usize| {
        toks.get(j)
            .filter(|t| t.kind == TokKind::Word)
            .and_then(|t| number_word(t.text(text)))
    };
    match word(i)? {
        NumberWord::Half => return Some((1.5, i + 1)),
        NumberWord::Scale(_) => return None,
        _ => {}
    }
    let mut value = 0.0;
    let mut j = i;
    let mut last: Option<f64> = None;
    while let Some(w) = word(j) {
        let v = match w {
            NumberWord::Atom(v) | NumberWord::Hundred(v) => v,
            _ => break,
        };
        let joins = match last {
            None => true,
            // `двести двадцать`, `двадцать пять`, `сто пять`.
            Some(prev) => {
                (prev >= 100.0 && v < 100.0)
                    || ((20.0..100.0).contains(&prev) && prev % 10.0 == 0.0 && v < 10.0)
            }
        };
        if !joins {
            break;
        }
        value += v;
        last = Some(v);
        j += 1;
    }
    (j > i).then_some((value, j))
}

/// A number (digits or words) at token `i`: its value and the next token.
fn read_number(text: &str, toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i)?;
    match t.kind {
        TokKind::Num => {
            let (end, v) = read_digits(text, t.start)?;
            Some((v, tok_at(toks, i + 1, end)))
        }
        TokKind::Word => read_words(text, toks, i),
        TokKind::Sym => None,
    }
}

/// A scale word at token `j` (and the dot after its cut form): its multiplier and the next
/// token.
fn read_scale(text: &str, toks: &[Tok], j: usize) -> Option<(f64, usize)> {
    let t = toks.get(j).filter(|t| t.kind == TokKind::Word)?;
    let NumberWord::Scale(m) = number_word(t.text(text))? else {
        return None;
    };
    // Only a cut form takes a dot: `15 тысяч.` ends its sentence.
    let cut = matches!(
        lower(t.text(text)).as_ref(),
        "тыс" | "млн" | "млрд" | "трлн"
    );
    let dot = cut
        && toks
            .get(j + 1)
            .is_some_and(|d| d.kind == TokKind::Sym && d.start == t.end && d.text(text) == ".");
    // `млрд.` before a lower-case word is the cut form's dot, not a sentence end; so it is
    // before a unit written in capitals (`27 тыс. МВт`, `96 тыс. ДФЭ`). At the end of the
    // paragraph it ends the sentence.
    let dot_belongs = dot
        && (toks
            .get(j + 2)
            .is_some_and(|n| !n.text(text).chars().next().is_some_and(char::is_uppercase))
            || TABLES
                .units
                .starting_at(text, toks, j + 2)
                .is_some_and(|(_, u)| {
                    matches!(u.kind, QuantityKind::Measure | QuantityKind::Money)
                }));
    Some((m, if dot_belongs { j + 2 } else { j + 1 }))
}

/// `штук`, `шт.` at token `j`: the token after the word (and its dot).
fn pieces_at(text: &str, toks: &[Tok], j: usize) -> Option<usize> {
    let t = toks.get(j).filter(|t| t.kind == TokKind::Word)?;
    match lower(t.text(text)).as_ref() {
        "штук" | "штуки" | "штука" => Some(j + 1),
        "шт" => Some(if toks.get(j + 1).is_some_and(|d| d.text(text) == ".") {
            j + 2
        } else {
            j + 1
        }),
        _ => None,
    }
}

/// Whether a word looks like a Russian adjective or participle (`новых`, `инвестиционных`,
/// `молочно-товарных`), which may stand between a number and its noun.
fn is_modifier(text: &str, t: &Tok) -> bool {
    if t.kind != TokKind::Word || number_word(t.text(text)).is_some() {
        return false;
    }
    let w = lower(t.text(text));
    const ENDINGS: [&str; 21] = [
        "ых", "их", "ые", "ие", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому",
        "ему", "ым", "им", "ыми", "ими", "ую", "юю",
    ];
    w.chars().count() >= 4 && ENDINGS.iter().any(|e| w.ends_with(e))
}

fn is_sentence_end(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = toks[k];
    t.kind == TokKind::Sym
        && matches!(t.text(text), "." | "!" | "?")
        && toks
            .get(k + 1)
            .is_none_or(|n| n.text(text).chars().next().is_some_and(char::is_uppercase))
}

/// The first token of the sentence that holds token `i`.
fn sentence_start(text: &str, toks: &[Tok], i: usize) -> usize {
    (0..i)
        .rev()
        .find(|&k| is_sentence_end(text, toks, k))
        .map_or(0, |k| k + 1)
}

/// The currency a sign written before a number names (`$4,2 млрд`).
fn currency_of_sign(sign: &str) -> Option<&'static str> {
    match sign {
        "$" => Some("USD"),
        "₸" => Some("KZT"),
        "€" => Some("EUR"),
        _ => None,
    }
}

fn parse_at(text: &str, toks: &[Tok], i: usize) -> Option<(Quantity, usize)> {
    let tables = &*TABLES;
    let t = toks[i];
    // `$4,2 млрд`: the sign before the number.
    let (mut currency, num_at) = match currency_of_sign(t.text(text)) {
        Some(code)
            if t.kind == TokKind::Sym
                && toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Num) =>
        {
            (Some(code), i + 1)
        }
        _ => (None, i),
    };
    if currency.is_none() {
        if let Some(found) = fraction_at(text, toks, i)
            .or_else(|| ordinal_rank_at(text, toks, i))
            .or_else(|| multiple_at(text, toks, i))
        {
            return Some(found);
        }
    }
    let (mut value, mut j) = read_number(text, toks, num_at)?;
    let from_digits = toks[num_at].kind == TokKind::Num;
    // `сахар: -2,4%`, `к прошлому году – -6,1%`, `году −6,1%`: a minus glued to the digits
    // (`sign_before` leaves out `2020–2024`, `3–50`), a hyphen only after a colon, a dash
    // or a bracket; never a bullet that opens a line (`-5 школ;`), nor a dash after a word
    // or a number and a space (`в области –5,2%`, `100 -200`).
    let sign = (currency.is_none() && from_digits)
        .then(|| crate::quantities::sign_before(text, toks, num_at))
        .flatten()
        .filter(|&(s, negative)| {
            let line_start = text[..toks[s].start]
                .rsplit('\n')
                .next()
                .is_some_and(|l| l.trim().is_empty());
            // A hyphen after a word may be a dash typed short; the minus sign is one.
            let sign_text = toks[s].text(text);
            let after = |kind: TokKind| s.checked_sub(1).is_some_and(|b| toks[b].kind == kind);
            negative
                && matches!(sign_text, "-" | "\u{2212}")
                && !line_start
                && !after(TokKind::Num)
                && !(sign_text == "-" && after(TokKind::Word))
        });
    // `17 с половиной миллиардов`.
    if let Some((n, Role::Half)) = tables.role_at(text, toks, j) {
        value += 0.5;
        j += n;
    }
    let mut scaled = false;
    if let Some((m, next)) = read_scale(text, toks, j) {
        value *= m;
        j = next;
        scaled = true;
        // `2 трлн 300 млрд`, `8 тысяч 471`.
        if let Some((v2, after)) = read_number(text, toks, j) {
            match read_scale(text, toks, after) {
                Some((m2, next2)) if m2 < m => {
                    value += v2 * m2;
                    j = next2;
                }
                None if m == 1000.0 && v2 < 1000.0 && v2.fract() == 0.0 && from_digits => {
                    value += v2;
                    j = after;
                }
                _ => {}
            }
        }
    } else if !from_digits && toks.get(j).is_none_or(|t| t.kind != TokKind::Word) {
        // A lone number word with nothing after it is no figure.
        return None;
    }
    let qualifier_and_prep = qualifier_before(text, toks, i);
    // The unit: a currency, percent, measure or multiplier right after the number; a
    // counted noun after up to three modifiers.
    let mut unit: Option<Unit> = None;
    let mut end_tok = j;
    if let Some((n, u)) = tables.units.starting_at(text, toks, j) {
        if u.kind != QuantityKind::Count || currency.is_none() {
            unit = Some(*u);
            end_tok = j + n;
            if u.hundredth {
                value /= 100.0;
            } else if u.kind == QuantityKind::Money {
                // `16 тенге 70 тиынов`: the hundredths after the whole units add to them.
                if let Some((cents, after)) =
                    read_number(text, toks, end_tok).filter(|&(c, _)| c < 100.0 && c.fract() == 0.0)
                {
                    if let Some((m, _)) = tables
                        .units
                        .starting_at(text, toks, after)
                        .filter(|(_, c)| c.hundredth && c.code == u.code)
                    {
                        value += cents / 100.0;
                        end_tok = after + m;
                    }
                }
            }
        }
    }
    // A counted noun whose phrase starts at the modifier (`гостевых домов`) is found already.
    let phrase_at_j = unit.is_some_and(|u| u.kind == QuantityKind::Count) && end_tok > j + 1;
    if currency.is_none() && unit.is_none_or(|u| u.kind == QuantityKind::Count) && !phrase_at_j {
        // `41 котельной района`: a noun of its own at the number, whatever it looks like,
        // before the place it belongs to (`районных больниц` are hospitals).
        let noun_at_j = unit.is_some();
        let possessor = |k: usize| {
            toks.get(k).is_some_and(|t| {
                matches!(
                    lower(t.text(text)).as_ref(),
                    "района"
                        | "области"
                        | "города"
                        | "региона"
                        | "села"
                        | "страны"
                        | "республики"
                )
            })
        };
        let mut k = j;
        let mut mods = 0;
        while mods < 3 && toks.get(k).is_some_and(|t| is_modifier(text, t)) {
            k += 1;
            mods += 1;
            if noun_at_j && possessor(k) {
                break;
            }
            if let Some((n, u)) = tables.units.starting_at(text, toks, k) {
                if u.kind == QuantityKind::Count {
                    unit = Some(*u);
                    end_tok = k + n;
                    break;
                }
            }
        }
    }
    // `27,5 млн штук швейно-трикотажных изделий`, `94 млн штук кирпича`: pieces of the
    // counted noun after them, past its modifiers (hyphenated ones too); pieces alone else.
    if currency.is_none() && unit.is_none() {
        if let Some(after_pieces) = pieces_at(text, toks, j) {
            let hyphen = |k: usize| {
                toks.get(k)
                    .is_some_and(|t| matches!(t.text(text), "-" | "‑"))
            };
            let mut noun = None;
            let mut k = after_pieces;
            while k < toks.len().min(after_pieces + 6) {
                // `500 тыс. шт. Предприятие ...`: a capital starts the next sentence.
                if toks[k].text(text).starts_with(char::is_uppercase) {
                    break;
                }
                if let Some((n, u)) = tables
                    .units
                    .starting_at(text, toks, k)
                    .filter(|(_, u)| u.kind == QuantityKind::Count)
                {
                    noun = Some((k + n, *u));
                    break;
                }
                // Past modifiers only, and the halves of a hyphenated one.
                if !(is_modifier(text, &toks[k]) || hyphen(k) || hyphen(k + 1)) {
                    break;
                }
                k += 1;
            }
            // `яиц получено 62,4 млн штук`: else the counted noun before a short passive
            // participle before the number (not the subject of `Завод выпустил 5 тыс. штук`).
            let word_follows = toks.get(after_pieces).is_some_and(|t| {
                t.kind == TokKind::Word && !t.text(text).starts_with(char::is_uppercase)
            });
            let noun_before = || {
                if word_follows {
                    return None;
                }
                let participle = i.checked_sub(1).filter(|&p| {
                    toks[p].kind == TokKind::Word && {
                        let w = lower(toks[p].text(text));
                        w.ends_with("но") || w.ends_with("то")
                    }
                })?;
                let k = participle.checked_sub(1)?;
                // What is counted stands in the genitive (`яиц`, `кирпичей`), not the dative
                // or another case of a plural (`Школам передано 500 штук компьютеров`).
                let noun = lower(toks[k].text(text));
                if ["ам", "ям", "ах", "ях", "ами", "ями"]
                    .iter()
                    .any(|e| noun.ends_with(e))
                {
                    return None;
                }
                tables
                    .units
                    .starting_at(text, toks, k)
                    .filter(|(n, u)| u.kind == QuantityKind::Count && k + n == participle)
                    .map(|(_, u)| (after_pieces, *u))
            };
            let (end, u) = noun.or_else(noun_before).unwrap_or((
                after_pieces,
                Unit {
                    code: "piece",
                    kind: QuantityKind::Count,
                    hundredth: false,
                },
            ));
            unit = Some(u);
            end_tok = end;
        }
    }
    if let Some(u) = unit {
        // `3 место` is a rank; `28 тыс. ученических мест`, `300 мест` count places.
        if u.kind == QuantityKind::Rank && (scaled || value > 20.0 || end_tok > j + 1) {
            unit = Some(Unit {
                code: "place",
                kind: QuantityKind::Count,
                hundredth: false,
            });
        }
        if u.kind == QuantityKind::Money {
            currency = Some(u.code);
        }
    }
    if currency.is_some() && unit.is_none_or(|u| u.kind != QuantityKind::Money) {
        unit = Some(Unit {
            code: currency.unwrap_or("USD"),
            kind: QuantityKind::Money,
            hundredth: false,
        });
        end_tok = end_tok.max(j);
    }
    // A year (`2024 года`, `2020-2024 годы`) or a day (`1 января`) is a time, never a figure.
    // A year is written without a group space (`2 100` is a count).
    let written_as_year = text.as_bytes()[toks[num_at].start..]
        .iter()
        .take(4)
        .all(u8::is_ascii_digit);
    if unit.is_none_or(|u| u.kind == QuantityKind::Duration)
        && from_digits
        && written_as_year
        && !scaled
        && (1900.0..=2100.0).contains(&value)
        && value.fract() == 0.0
    {
        return None;
    }
    let (kind, code) = match unit {
        Some(u) => (u.kind, Some(u.code.to_string())),
        None => (QuantityKind::Bare, None),
    };
    // A count of things is never negative: the sign stands for rates, money, bare figures.
    let sign = sign.filter(|_| {
        matches!(
            kind,
            QuantityKind::Percent | QuantityKind::Money | QuantityKind::Bare
        )
    });
    if sign.is_some() {
        value = -value;
    }
    let end_tok = end_tok.max(j);
    let last = toks[end_tok - 1];
    let start = match sign {
        Some((s, _)) => toks[s].start,
        None => toks[i].start,
    };
    // `11,7 ц/га`, `13,2 центнера с гектара`: a yield is per hectare. The token after the
    // figure is read as written first: most figures are followed by neither.
    let per_hectare = || {
        let at = |k: usize| toks.get(k).map_or("", |t| t.text(text));
        match at(end_tok) {
            "/" => at(end_tok + 1) == "га",
            "с" => at(end_tok + 1).starts_with("гектар"),
            _ => false,
        }
    };
    // `60 тыс. тонн хлопка в год`: a rate past the word for the goods counted.
    let goods_word = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && t.text(text).chars().count() >= 4
                && t.text(text).starts_with(|c: char| ('а'..='я').contains(&c))
        })
    };
    let per = match tables.role_at(text, toks, end_tok) {
        Some((_, Role::Per(p))) if kind.is_figure() => Some(p.to_string()),
        _ if kind.is_figure() && per_hectare() => Some("ha".to_string()),
        _ if kind.is_figure() && goods_word(end_tok) => {
            match tables.role_at(text, toks, end_tok + 1) {
                Some((_, Role::Per(p))) => Some(p.to_string()),
                _ => None,
            }
        }
        _ => None,
    };
    let (mut qualifier, prep) = qualifier_and_prep;
    // `снизился с 4,9% до 4,8%`: the level it moved from, no change of its own.
    let word_is = |k: Option<usize>, w: &str| {
        k.and_then(|k| toks.get(k))
            .is_some_and(|t| lower(t.text(text)) == w)
    };
    // `вырос с 94,6% на 1 января 2018 года до 97,2%`: a day of the earlier level may stand
    // between.
    let from_level = word_is(i.checked_sub(1), "с")
        && (end_tok..(end_tok + 7).min(toks.len()))
            .take_while(|&k| !matches!(toks[k].text(text), "," | ";" | "." | "%"))
            .any(|k| word_is(Some(k), "до"));
    let direction = if from_level {
        None
    } else if matches!(kind, QuantityKind::Percent | QuantityKind::Money) {
        direction_of(text, toks, i, prep, kind, value)
            .or_else(|| compared_after(text, toks, prep, end_tok))
    } else if prep == Some(Role::Change) && i >= 2 {
        // `площадь увеличилась на 35 гектаров`: a count after `на` changes only right after
        // a word of change; `теплица на 12 гектаров` is a greenhouse of that size.
        // `на 1,4 млн тонн больше, чем в прошлом году`: or a comparative right after it.
        (i.saturating_sub(4)..i - 1)
            .rev()
            .find_map(|k| tables.directions.starting_at(text, toks, k))
            .map(|(_, d)| *d)
            .or_else(|| compared_after(text, toks, prep, end_tok))
    } else {
        None
    };
    // `снизится до 8%`, `довести выпуск до 5 тыс. тонн`: after a change, `до` gives the new
    // level, no bound.
    if prep == Some(Role::Bound) && qualifier == Some(Qualifier::LessThan) {
        let s0 = sentence_start(text, toks, i);
        if (s0..i).any(|k| {
            tables.directions.starting_at(text, toks, k).is_some()
                || tables
                    .role_at(text, toks, k)
                    .is_some_and(|(_, r)| r == Role::Reach)
        }) {
            qualifier = None;
        }
    }
    Some((
        Quantity {
            span: [start, last.end],
            text: text[start..last.end].to_string(),
            value,
            high: None,
            unit: code,
            kind,
            qualifier,
            direction,
            per,
            equivalents: Vec::new(),
            fact_worthy: kind.is_figure(),
            fraction: false,
            bare_dollar: false,
        },
        end_tok,
    ))
}

/// The qualifier before the figure starting at token `i`, and the preposition right before
/// it (`на`, `в`, `до`), if any. `до` is both.
fn qualifier_before(text: &str, toks: &[Tok], i: usize) -> (Option<Qualifier>, Option<Role>) {
    let tables = &*TABLES;
    if i == 0 {
        return (None, None);
    }
    let prev = tables.role_at(text, toks, i - 1).map(|(_, r)| r);
    if let Some((n, q)) = tables.qualifiers.ending_at(text, toks, i - 1) {
        // `до примерно 8%`: the `до` of a new level before the qualifier.
        let before = (i > n)
            .then(|| tables.role_at(text, toks, i - 1 - n).map(|(_, r)| r))
            .flatten();
        let bound = [prev, before]
            .into_iter()
            .flatten()
            .find(|r| *r == Role::Bound);
        return (Some(*q), bound);
    }
    if let Some(prep @ (Role::Change | Role::Times)) = prev {
        if i >= 2 {
            if let Some((_, q)) = tables.qualifiers.ending_at(text, toks, i - 2) {
                return (Some(*q), Some(prep));
            }
        }
        return (None, Some(prep));
    }
    (None, None)
}

/// The direction of a figure at token `i`: `на N` after a change word earlier in its
/// sentence, or a change word right before it.
fn direction_of(
    text: &str,
    toks: &[Tok],
    i: usize,
    prep: Option<Role>,
    kind: QuantityKind,
    value: f64,
) -> Option<Direction> {
    let tables = &*TABLES;
    let s0 = sentence_start(text, toks, i);
    if prep == Some(Role::Bound) {
        return None;
    }
    // `32 проекта на 146 млрд тенге`, `ещё шесть на 36 млрд`: money after things counted
    // right before `на` is what they are worth.
    if prep == Some(Role::Change) && kind == QuantityKind::Money && i >= 2 {
        let counted = (i.saturating_sub(5)..i - 1).any(|k| {
            let t = toks[k].text(text);
            t.starts_with(|c: char| c.is_ascii_digit())
                || crate::ru::numbers::number_word(&lower(t)).is_some()
        });
        let changed = (i.saturating_sub(5)..i - 1)
            .any(|k| tables.directions.starting_at(text, toks, k).is_some());
        if counted && !changed {
            return None;
        }
    }
    if prep == Some(Role::Change) {
        let mut found = None;
        // `ВРП вырос на 6,2%, промышленная продукция произведена на 3,4 трлн сумов`: a
        // clause past the change word with a verb of its own says what `на` means there
        // (worth so much), not the change word.
        let mut broken = false;
        for k in s0..i {
            if let Some((_, d)) = tables.directions.starting_at(text, toks, k) {
                found = Some(*d);
                broken = false;
            } else if toks[k].kind == TokKind::Sym && matches!(toks[k].text(text), "," | ";") {
                broken = true;
            } else if broken
                && toks[k].kind == TokKind::Word
                && is_verb_of_its_own(toks[k].text(text))
            {
                found = None;
            }
        }
        return found;
    }
    if kind == QuantityKind::Percent && value >= 100.0 {
        return None;
    }
    // `рост – 9,8%`, `рост ВРП составил 5%`, `прирост: 3,1%`: a change word a few words
    // before, in the figure's clause; `рост к аналогичному периоду прошлого года – 6,1%`:
    // further back, past the base it is set against, which opens with `к` right after the
    // change word (not a deadline: `к концу года`).
    let mut k = i;
    while k > s0 && i - k < 10 {
        k -= 1;
        if toks[k].kind == TokKind::Sym && matches!(toks[k].text(text), "," | ";" | "(") {
            break;
        }
        let base_after_k = || {
            toks.get(k + 1).is_some_and(|t| lower(t.text(text)) == "к")
                && toks.get(k + 2).is_some_and(|t| {
                    let w = lower(t.text(text));
                    t.kind == TokKind::Num
                        || !["концу", "началу", "середине", "исходу"].contains(&w.as_ref())
                })
        };
        if i - k <= 4 || base_after_k() {
            if let Some((_, d)) = tables.directions.starting_at(text, toks, k) {
                return Some(*d);
            }
        }
    }
    None
}

/// A verb that makes a clause of its own, written in lower case: a short passive participle
/// (`произведена`, `оказаны`, `вывезено`: `-ен-`, `-ан-`, `-ян-` and a short ending) or a
/// plural past (`произвели`, `оказали`). Names in the genitive end so too (`Казахстана`),
/// hence lower case; `страны` is the one common noun that does; nouns in `-ыли`
/// (`прибыли`) are left out.
fn is_verb_of_its_own(word: &str) -> bool {
    let participle = [
        "ена", "ено", "ены", "ана", "ано", "аны", "яна", "яно", "яны",
    ]
    .iter()
    .any(|e| word.ends_with(e))
        && word != "страны";
    let plural_past = ["али", "ели", "или", "яли"]
        .iter()
        .any(|e| word.ends_with(e));
    word.chars().next().is_some_and(char::is_lowercase)
        && crate::ru::tense::is_past(word)
        && (participle || plural_past)
}

/// `на 15% больше`, `на 3 млрд тенге ниже`: a comparative right after a figure of `на`
/// makes it a difference, whatever came before it.
fn compared_after(
    text: &str,
    toks: &[Tok],
    prep: Option<Role>,
    end_tok: usize,
) -> Option<Direction> {
    const COMPARATIVES: &[&str] = &["больше", "выше", "меньше", "ниже"];
    // `на 1,9 ц/га выше`: past the area a yield is per.
    let end_tok = if toks.get(end_tok).is_some_and(|t| t.text(text) == "/") {
        end_tok + 2
    } else {
        end_tok
    };
    let t = toks.get(end_tok).filter(|t| t.kind == TokKind::Word)?;
    let w = lower(t.text(text));
    if prep != Some(Role::Change) || !COMPARATIVES.contains(&w.as_ref()) {
        return None;
    }
    TABLES
        .directions
        .starting_at(text, toks, end_tok)
        .map(|(_, d)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::words_of;

    fn find(s: &str) -> Vec<Quantity> {
        find_in(s, &words_of(s))
    }

    /// (sentence, text, value, unit, qualifier, direction)
    type Case = (
        &'static str,
        &'static str,
        f64,
        Option<&'static str>,
        Option<Qualifier>,
        Option<Direction>,
    );

    #[test]
    fn figures_the_russian_way() {
        use Direction::*;
        use Qualifier::*;
        let cases: &[Case] = &[
            // A minus glued to the digits; not a bullet, nor a dash after a word, nor a
            // minus before a count.
            ("сахар: -2,4%", "-2,4%", -2.4, Some("%"), None, None),
            (
                "Построено:\n-5 школ;",
                "5 школ",
                5.0,
                Some("school"),
                None,
                None,
            ),
            (
                "Инфляция в области –5,2%.",
                "5,2%",
                5.2,
                Some("%"),
                None,
                None,
            ),
            (
                "Выпуск цемента сократился, изменение к прошлому году −6,1%.",
                "−6,1%",
                -6.1,
                Some("%"),
                None,
                None,
            ),
            // A change told by a comparative after it, or by indexing; the earlier level of
            // `с ... до`, a day between them.
            (
                "Собрано на 1,4 млн тонн больше, чем годом ранее.",
                "1,4 млн тонн",
                1.4e6,
                Some("t"),
                None,
                Some(Up),
            ),
            (
                "Пенсии проиндексируют на 8,5%.",
                "8,5%",
                8.5,
                Some("%"),
                None,
                Some(Up),
            ),
            (
                "Охват вырос с 61,2% на 1 января до 64%.",
                "61,2%",
                61.2,
                Some("%"),
                None,
                None,
            ),
            // Hundredths of a currency, alone or after its whole units.
            (
                "Тариф составил 16 тенге 70 тиынов за киловатт-час.",
                "16 тенге 70 тиынов",
                16.7,
                Some("KZT"),
                None,
                None,
            ),
            (
                "Билет стоит 45 тиынов.",
                "45 тиынов",
                0.45,
                Some("KZT"),
                None,
                None,
            ),
            (
                "Хлеб стоит 90 дирамов.",
                "90 дирамов",
                0.9,
                Some("TJS"),
                None,
                None,
            ),
            (
                "Сетевая компания купит энергию по 3,4 цента за киловатт-час.",
                "3,4 цента",
                0.034,
                Some("USD"),
                None,
                None,
            ),
            // Counted nouns of deals and hotels.
            (
                "На форуме подписано 18 документов.",
                "18 документов",
                18.0,
                Some("document"),
                None,
                None,
            ),
            (
                "Отель на 140 номеров откроется весной.",
                "140 номеров",
                140.0,
                Some("room"),
                None,
                None,
            ),
            // Pieces of the noun after them, or of the noun before; pieces alone else.
            (
                "Выпущено 27,5 млн штук швейно-трикотажных изделий.",
                "27,5 млн штук швейно-трикотажных изделий",
                27.5e6,
                Some("item"),
                None,
                None,
            ),
            (
                "Яиц получено 62,4 млн штук.",
                "62,4 млн штук",
                62.4e6,
                Some("egg"),
                None,
                None,
            ),
            (
                "Завод выпустил 5 тыс. шт. за смену.",
                "5 тыс. шт.",
                5e3,
                Some("piece"),
                None,
                None,
            ),
            (
                "Выдано 1 340 займов.",
                "1 340 займов",
                1340.0,
                Some("loan"),
                None,
                None,
            ),
            // One in so many after `каждый`.
            (
                "Каждый пятый заёмщик – женщина.",
                "Каждый пятый",
                20.0,
                Some("%"),
                None,
                None,
            ),
            (
                "Переводы получает каждая третья семья.",
                "каждая третья",
                33.3,
                Some("%"),
                None,
                None,
            ),
            (
                "Выдано 19,2 тыс. микрокредитов.",
                "19,2 тыс. микрокредитов",
                19.2e3,
                Some("microcredit"),
                None,
                None,
            ),
            // A unit in capitals after a cut scale word.
            (
                "Терминал переработал 96,4 тыс. ДФЭ.",
                "96,4 тыс. ДФЭ",
                96_400.0,
                Some("teu"),
                None,
                None,
            ),
            (
                "Бюджет района составил 12,4 млрд тенге.",
                "12,4 млрд тенге",
                12.4e9,
                Some("KZT"),
                None,
                None,
            ),
            (
                "Выручка выросла на 7,5% за год.",
                "7,5%",
                7.5,
                Some("%"),
                None,
                Some(Up),
            ),
            (
                "Экспорт вырос в 2,3 раза.",
                "2,3 раза",
                2.3,
                Some("times"),
                None,
                None,
            ),
            // Counted nouns named in English as FACTS.md names them: the singular of the head.
            (
                "Проверены 46 государственных учреждений.",
                "46 государственных учреждений",
                46.0,
                Some("institution"),
                None,
                None,
            ),
            (
                "К ответственности привлечены 37 должностных лиц.",
                "37 должностных лиц",
                37.0,
                Some("official"),
                None,
                None,
            ),
            (
                "Работы ведут 12 подрядных организаций.",
                "12 подрядных организаций",
                12.0,
                Some("organization"),
                None,
                None,
            ),
            (
                "Рейсы выполняют 11 авиакомпаний.",
                "11 авиакомпаний",
                11.0,
                Some("airline"),
                None,
                None,
            ),
            // The dot of a cut scale word that ends the paragraph ends the sentence.
            (
                "Оборот составил $210 млн.",
                "$210 млн",
                210e6,
                Some("USD"),
                None,
                None,
            ),
            // A multiple in one word, and a rank among the first few.
            (
                "Выпуск кирпича вырос почти вдвое.",
                "вдвое",
                2.0,
                Some("times"),
                Some(About),
                None,
            ),
            (
                "Пассажиров стало втрое больше.",
                "втрое",
                3.0,
                Some("times"),
                None,
                None,
            ),
            (
                "Область намерена удвоить выпуск молока к 2030 году.",
                "удвоить",
                2.0,
                Some("times"),
                None,
                None,
            ),
            (
                "Завод утроит мощность.",
                "утроит",
                3.0,
                Some("times"),
                None,
                None,
            ),
            (
                "Район вошёл в тройку лидеров по надоям.",
                "тройку",
                3.0,
                Some("rank"),
                Some(LessThan),
                None,
            ),
            (
                "Город остаётся в первой десятке по инвестициям.",
                "десятке",
                10.0,
                Some("rank"),
                Some(LessThan),
                None,
            ),
            (
                "Создано более 1 250 рабочих мест.",
                "1 250 рабочих мест",
                1250.0,
                Some("job"),
                Some(MoreThan),
                None,
            ),
            (
                "Создано 3\u{a0}400 новых рабочих мест.",
                "3\u{a0}400 новых рабочих мест",
                3400.0,
                Some("job"),
                None,
                None,
            ),
            (
                "На объекте трудятся около трёхсот человек.",
                "трёхсот человек",
                300.0,
                Some("person"),
                Some(About),
                None,
            ),
            (
                "Построят двенадцать новых школ.",
                "двенадцать новых школ",
                12.0,
                Some("school"),
                None,
                None,
            ),
            (
                "Привлечено $2,7 млрд инвестиций.",
                "$2,7 млрд",
                2.7e9,
                Some("USD"),
                None,
                None,
            ),
            (
                "Стоимость завода – 40 миллионов долларов США.",
                "40 миллионов долларов США",
                40e6,
                Some("USD"),
                None,
                None,
            ),
            (
                "Объём составит 3 трлн 250 млрд тенге.",
                "3 трлн 250 млрд тенге",
                3.25e12,
                Some("KZT"),
                None,
                None,
            ),
            (
                "Выделено 12 тысяч 350 сумов.",
                "12 тысяч 350 сумов",
                12350.0,
                Some("UZS"),
                None,
                None,
            ),
            (
                "Ущерб оценили в 4 с половиной миллиарда сомов.",
                "4 с половиной миллиарда сомов",
                4.5e9,
                Some("KGS"),
                None,
                None,
            ),
            (
                "Выпуск оказался на 6,3% больше, чем годом ранее.",
                "6,3%",
                6.3,
                Some("%"),
                None,
                Some(Up),
            ),
            (
                "Расходы оказались на 2 млрд тенге ниже плана.",
                "2 млрд тенге",
                2e9,
                Some("KZT"),
                None,
                Some(Down),
            ),
            (
                "Доля выросла до 14% и больше не менялась.",
                "14%",
                14.0,
                Some("%"),
                None,
                None,
            ),
            (
                "Засеяно 1,2 млн га пшеницы.",
                "1,2 млн га",
                1.2e6,
                Some("ha"),
                None,
                None,
            ),
            (
                "Мощность – 300 тыс. тонн в год.",
                "300 тыс. тонн",
                3e5,
                Some("t"),
                None,
                None,
            ),
            (
                "Область заняла 2 место в рейтинге.",
                "2 место",
                2.0,
                Some("rank"),
                None,
                None,
            ),
            (
                "Школа рассчитана на 600 мест.",
                "600 мест",
                600.0,
                Some("place"),
                None,
                None,
            ),
            // Counted nouns in their English layer's names, the genitive plural included.
            (
                "Открыта больница на 250 коек.",
                "250 коек",
                250.0,
                Some("bed"),
                None,
                None,
            ),
            (
                "Закуплено 300 грузовых вагонов.",
                "300 грузовых вагонов",
                300.0,
                Some("wagon"),
                None,
                None,
            ),
            (
                "Построены 6 семейных поликлиник.",
                "6 семейных поликлиник",
                6.0,
                Some("polyclinic"),
                None,
                None,
            ),
            (
                "В районе открыли 14 гостевых домов.",
                "14 гостевых домов",
                14.0,
                Some("guesthouse"),
                None,
                None,
            ),
            (
                "Построены два склада и три элеватора.",
                "два склада",
                2.0,
                Some("warehouse"),
                None,
                None,
            ),
            (
                "Установлено 120 видеокамер.",
                "120 видеокамер",
                120.0,
                Some("camera"),
                None,
                None,
            ),
            (
                "Введены 20 объектов здравоохранения.",
                "20 объектов",
                20.0,
                Some("facility"),
                None,
                None,
            ),
            (
                "Безработица снизилась до 4,6%.",
                "4,6%",
                4.6,
                Some("%"),
                None,
                None,
            ),
            (
                "Годовая инфляция ускорилась до 8,1%.",
                "8,1%",
                8.1,
                Some("%"),
                None,
                None,
            ),
            (
                "Планируется создать до 900 рабочих мест.",
                "900 рабочих мест",
                900.0,
                Some("job"),
                Some(LessThan),
                None,
            ),
            (
                "Показатель вырос на 1,2 п.п. к прошлому году.",
                "1,2 п.п.",
                1.2,
                Some("%"),
                None,
                Some(Up),
            ),
            ("Рост ВРП – 6,1%.", "6,1%", 6.1, Some("%"), None, Some(Up)),
            (
                "Индекс составил 104,2%.",
                "104,2%",
                104.2,
                Some("%"),
                None,
                None,
            ),
            (
                "Выпуск продукции на полтора миллиарда рублей.",
                "полтора миллиарда рублей",
                1.5e9,
                Some("RUB"),
                None,
                None,
            ),
            (
                "Район намерен довести выпуск молока до 40 тыс. тонн.",
                "40 тыс. тонн",
                4e4,
                Some("t"),
                None,
                None,
            ),
            (
                "Компания нарастила выручку на 6,2%.",
                "6,2%",
                6.2,
                Some("%"),
                None,
                Some(Up),
            ),
            (
                "Отмечен спад добычи на 3,4%.",
                "3,4%",
                3.4,
                Some("%"),
                None,
                Some(Down),
            ),
            (
                "Экспорт составил 95 млн долл. США за год.",
                "95 млн долл. США",
                95e6,
                Some("USD"),
                None,
                None,
            ),
            (
                "Регион посетили 2,3 млн туристов.",
                "2,3 млн туристов",
                2.3e6,
                Some("tourist"),
                None,
                None,
            ),
            (
                "Фермерам выдано 120 грантов.",
                "120 грантов",
                120.0,
                Some("grant"),
                None,
                None,
            ),
            (
                "Хозяйства закупили 3 тыс. голов скота.",
                "3 тыс. голов",
                3e3,
                Some("head"),
                None,
                None,
            ),
            (
                "Водители получили 45 новых автомобилей.",
                "45 новых автомобилей",
                45.0,
                Some("car"),
                None,
                None,
            ),
            (
                "Завод выпустит 800 тракторов.",
                "800 тракторов",
                800.0,
                Some("tractor"),
                None,
                None,
            ),
            (
                "За сезон гостиницы приняли 640 тыс. гостей.",
                "640 тыс. гостей",
                640e3,
                Some("guest"),
                None,
                None,
            ),
            (
                "Туристы провели в городе 1 200 тыс. ночёвок.",
                "1 200 тыс. ночёвок",
                1.2e6,
                Some("night"),
                None,
                None,
            ),
            (
                "Жители совершили 3,1 млн поездок.",
                "3,1 млн поездок",
                3.1e6,
                Some("trip"),
                None,
                None,
            ),
            (
                "Банк открыл 95 тыс. новых счетов.",
                "95 тыс. новых счетов",
                95e3,
                Some("account"),
                None,
                None,
            ),
            (
                "На заводе открыли три новых цеха.",
                "три новых цеха",
                3.0,
                Some("workshop"),
                None,
                None,
            ),
            (
                "Добыча достигла 52 тыс. баррелей в сутки.",
                "52 тыс. баррелей",
                52e3,
                Some("barrel"),
                None,
                None,
            ),
            (
                "Парк компании – девять воздушных судов.",
                "девять воздушных судов",
                9.0,
                Some("aircraft"),
                None,
                None,
            ),
            (
                "Авиакомпания получит три самолёта.",
                "три самолёта",
                3.0,
                Some("aircraft"),
                None,
                None,
            ),
            (
                "Компания пробурила 42 новые скважины.",
                "42 новые скважины",
                42.0,
                Some("well"),
                None,
                None,
            ),
            (
                "В хозяйствах содержится 870 тыс. овец.",
                "870 тыс. овец",
                870000.0,
                Some("sheep"),
                None,
                None,
            ),
            (
                "Поголовье выросло до 31 тыс. коз.",
                "31 тыс. коз",
                31000.0,
                Some("goat"),
                None,
                None,
            ),
            (
                "На фермах 12 тыс. лошадей.",
                "12 тыс. лошадей",
                12000.0,
                Some("horse"),
                None,
                None,
            ),
            (
                "На площадке работают 240 продавцов.",
                "240 продавцов",
                240.0,
                Some("seller"),
                None,
                None,
            ),
            (
                "У озера откроют пять новых кемпингов.",
                "пять новых кемпингов",
                5.0,
                Some("campsite"),
                None,
                None,
            ),
            (
                "Область занимает третье место по урожаю.",
                "третье место",
                3.0,
                Some("rank"),
                None,
                None,
            ),
            (
                "На долю города пришлось две трети всех инвестиций.",
                "две трети",
                66.7,
                Some("%"),
                None,
                None,
            ),
            (
                "Более трети выпуска идёт на экспорт.",
                "трети",
                33.3,
                Some("%"),
                Some(MoreThan),
                None,
            ),
            (
                "Почти половина из них – малые фирмы.",
                "половина",
                50.0,
                Some("%"),
                Some(About),
                None,
            ),
            (
                "Число субъектов МСБ выросло до 52 тыс.",
                "52 тыс",
                52e3,
                Some("sme"),
                None,
                None,
            ),
            (
                "Продажи составили 2,4 млрд долларов – на 0,3 млрд больше, чем годом ранее.",
                "0,3 млрд",
                0.3e9,
                Some("USD"),
                None,
                Some(Up),
            ),
            (
                "Безработица снизилась с 5,1% до 4,7%.",
                "5,1%",
                5.1,
                Some("%"),
                None,
                None,
            ),
            (
                "Безработица снизилась с 5,1% до 4,7%.",
                "4,7%",
                4.7,
                Some("%"),
                None,
                None,
            ),
            (
                "Доля сократилась на 2,5 процента.",
                "2,5 процента",
                2.5,
                Some("%"),
                None,
                Some(Down),
            ),
            // Counted nouns of auctions, forums, health, transport and small business.
            (
                "Фермерам передали 23 участка.",
                "23 участка",
                23.0,
                Some("plot"),
                None,
                None,
            ),
            (
                "За год оформлено 2 415 лицензий.",
                "2 415 лицензий",
                2415.0,
                Some("licence"),
                None,
                None,
            ),
            (
                "На съезд прибыли 350 делегатов.",
                "350 делегатов",
                350.0,
                Some("delegate"),
                None,
                None,
            ),
            (
                "В район направят 18 врачей.",
                "18 врачей",
                18.0,
                Some("doctor"),
                None,
                None,
            ),
            (
                "Аэропорт обслужил 820 тыс. пассажиров.",
                "820 тыс. пассажиров",
                820_000.0,
                Some("passenger"),
                None,
                None,
            ),
            (
                "Линия разливает 12 млн бутылок молока.",
                "12 млн бутылок",
                12_000_000.0,
                Some("bottle"),
                None,
                None,
            ),
            (
                "За полгода зарегистрировано 3,8 тыс. субъектов МСП.",
                "3,8 тыс. субъектов МСП",
                3800.0,
                Some("sme"),
                None,
                None,
            ),
            (
                "В селе заработали 5 новых производств.",
                "5 новых производств",
                5.0,
                Some("facility"),
                None,
                None,
            ),
            // Counted nouns of farming, transport, health and parks.
            (
                "Урожайность составила 13,2 центнера с гектара.",
                "13,2 центнера",
                13.2,
                Some("centner"),
                None,
                None,
            ),
            (
                "Через станцию прошло 300 тыс. транзитных контейнеров.",
                "300 тыс. транзитных контейнеров",
                300_000.0,
                Some("container"),
                None,
                None,
            ),
            (
                "Ежедневно здесь проходят 12 грузовых поездов.",
                "12 грузовых поездов",
                12.0,
                Some("train"),
                None,
                None,
            ),
            // Lorries are no cars; turbines, shops and ounces of gold are counted too.
            (
                "За неделю границу пересекли 4 тыс. грузовых автомобилей.",
                "4 тыс. грузовых автомобилей",
                4_000.0,
                Some("truck"),
                None,
                None,
            ),
            (
                "На площадке смонтировано 25 ветряных турбин.",
                "25 ветряных турбин",
                25.0,
                Some("turbine"),
                None,
                None,
            ),
            (
                "Товары продаются в 30 торговых точках района.",
                "30 торговых точках",
                30.0,
                Some("outlet"),
                None,
                None,
            ),
            (
                "Рудник выпустил 52 тыс. унций золота.",
                "52 тыс. унций",
                52_000.0,
                Some("ounce"),
                None,
                None,
            ),
            (
                "В сёлах открыто 9 врачебных амбулаторий.",
                "9 врачебных амбулаторий",
                9.0,
                Some("clinic"),
                None,
                None,
            ),
            (
                "Гостиницы города насчитывают 4 200 койко-мест.",
                "4 200 койко-мест",
                4200.0,
                Some("bed"),
                None,
                None,
            ),
            (
                "В технопарке зарегистрировано 150 резидентов.",
                "150 резидентов",
                150.0,
                Some("company"),
                None,
                None,
            ),
        ];
        for (s, text, value, unit, qualifier, direction) in cases {
            let found = find(s);
            // The figure the case names: a sentence may hold another before it.
            let q = found
                .iter()
                .find(|q| q.fact_worthy && q.text == *text)
                .unwrap_or_else(|| panic!("no figure {text:?} in {s}: {found:?}"));
            assert_eq!(q.text, *text, "{s}");
            assert!(
                (q.value - value).abs() < 1e-6 * value.abs().max(1.0),
                "{s}: {}",
                q.value
            );
            assert_eq!(q.unit.as_deref(), *unit, "{s}");
            assert_eq!(q.qualifier, *qualifier, "{s}");
            assert_eq!(q.direction, *direction, "{s}");
            assert_eq!(&s[q.span[0]..q.span[1]], q.text, "{s}");
        }
    }

    /// Each case's figure (as written) has the unit given; `None`: it stays bare, no figure.
    fn assert_units(cases: &[(&str, &str, Option<&str>)]) {
        for (s, text, unit) in cases {
            let found = find(s);
            let q = found
                .iter()
                .find(|q| q.text == *text)
                .unwrap_or_else(|| panic!("no {text:?} in {s}: {found:?}"));
            assert_eq!(q.unit.as_deref(), *unit, "{s}");
            assert_eq!(q.fact_worthy, unit.is_some(), "{s}");
        }
    }

    #[test]
    fn a_part_after_iz_nikh_takes_the_unit_of_the_whole() {
        // (sentence, the part as written, its unit; None: no figure)
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "За год построено 12 больниц на 900 коек, из них 5 – в сёлах.",
                "5",
                Some("hospital"),
            ),
            (
                "Открыто 40 предприятий, из которых 9 — с иностранным капиталом.",
                "9",
                Some("enterprise"),
            ),
            // No count before it in the sentence: a bare number stays bare.
            ("Бюджет вырос на 8%. Из них 3 ушли на дороги.", "3", None),
            ("Из них 7 работают круглый год.", "7", None),
        ];
        assert_units(cases);
    }

    #[test]
    fn a_bare_number_takes_the_unit_its_sentence_named_before() {
        // (sentence, the figure as written, its unit; None: it stays bare)
        let cases: &[(&str, &str, Option<&str>)] = &[
            // A scale word and no noun: the noun right before, else the amount before.
            ("Обещали 8 тысяч рабочих мест – создали 7,2 тысячи.", "7,2 тысячи", Some("job")),
            ("Новых рабочих мест создано 3,1 тысячи.", "3,1 тысячи", Some("job")),
            ("Планировали ввести 300 тыс. квадратных метров жилья, сдано 310 тыс., план выполнен.", "310 тыс.", Some("m2")),
            // Loans told after money are that money: no count of loans (the currency is lent
            // after this layer, by `quantities::borrow_currency`).
            ("Из бюджета направлено 12 млрд тенге, кредиты банков составили 7,5 млрд.", "7,5 млрд", None),
            // Counted nouns whose plural or stem stands apart.
            ("Банки выдали 1 284 льготных кредита.", "1 284 льготных кредита", Some("loan")),
            ("Кредиты получили 512 заёмщиков.", "512 заёмщиков", Some("borrower")),
            ("Трудоустроено 120 тыс. молодых людей.", "120 тыс. молодых людей", Some("person")),
            ("Урожайность составила 11,4 ц с гектара.", "11,4 ц", Some("centner")),
            // A noun the units do not know after the scale word: no elided unit.
            ("Откроют 12 цехов, что позволит трудоустроить около двух тысяч горожан.", "двух тысяч", None),
            // A breakdown that opens its sentence, of the amount of the sentence before; and
            // the next part of that breakdown.
            ("В районе создано 5 400 рабочих мест. Из них 3 100 – в сёлах, 2 300 – в райцентре.", "3 100", Some("job")),
            ("В районе создано 5 400 рабочих мест. Из них 3 100 – в сёлах, 2 300 – в райцентре.", "2 300", Some("job")),
            ("В районе создано 5 400 рабочих мест. Из них 3 100 – в сёлах, 1 500 – в райцентре, 800 – в пригородах.", "800", Some("job")),
            // A number after a figure of another unit is no part of the breakdown.
            ("В районе создано 5 400 рабочих мест. Из них 3 100 – на 40 фермах, 800 – в пригородах.", "800", None),
            ("Город принял 900 тыс. туристов. Из них иностранцев – 120 тыс.", "120 тыс", Some("tourist")),
            // A new level after a change in a count.
            ("Список резидентов вырос на 40 компаний и достиг 610.", "610", Some("company")),
            // A year is written without a group space: `2 100` is a number.
            ("Из них 2 100 – в сёлах.", "2 100", None),
            // A part after `из них`, more after `ещё`, counted here or in the sentence before.
            ("Намечено построить 40 мостов. Сданы 25 из них, ещё 9 строятся.", "25", Some("bridge")),
            ("Намечено построить 40 мостов. Сданы 25 из них, ещё 9 строятся.", "9", Some("bridge")),
            // A part before or after `из` and its whole counts what the whole counts.
            ("Готовы лишь 17 из 30 котельных района.", "17", Some("boiler")),
            ("Из 250 котельных города к зиме готовы 231, или 92%.", "231", Some("boiler")),
            ("Из 250 юрт к зиме утеплены 231 юрта.", "231", None),
            // Later parts after a comma, while every figure since the whole is a part.
            ("Из 40 котельных 28 отремонтированы, 9 ждут ремонта.", "9", Some("boiler")),
            ("Из 40 котельных 28 отремонтированы, 12 км сетей заменены, 9 ждут.", "9", None),
            // A bare number right after a verb in the past counts what the sentence counted
            // before it; not one with a noun of its own.
            ("Вместо обещанных 900 рабочих мест в прошлом году открыто 640.", "640", Some("job")),
            ("Фермеры ждали 50 тракторов, получено 38, остальные придут весной.", "38", Some("tractor")),
            ("Открыто 310 рабочих мест, построено 12 юрт.", "12", None),
            ("Построено 120 км дорог, установлено 300 на трассе.", "300", None),
            ("В этом году построят ещё 30 юрт.", "30", None),
            // The same count at another time or as promised.
            ("Штат – 1 200 человек (1 150 годом ранее).", "1 150", Some("person")),
            ("Открыто 310 рабочих мест вместо обещанных 350.", "350", Some("job")),
            ("Штат вырос до 1 240 человек против 1 100 в 2023 году.", "1 100", Some("person")),
            ("Сейчас на фабрике работают 140 швей, к лету их число достигнет 200.", "200", Some("person")),
            // The counted noun named earlier, the number after a dash standing apart; not a
            // number inside a name.
            ("Больше всего рабочих мест создано в Бохтаре – 1 240.", "1 240", Some("job")),
            ("В том числе школ – 3.", "3", Some("school")),
            ("Торги за участок «Бесшоки-3» – одни из самых долгих.", "3", None),
            // Not a place where it was done, nor the district that labels the item; `мест`
            // counted so is places.
            ("Больше всего скважин пробурено в Аральском районе – 14.", "14", Some("well")),
            ("Больше всего мест открыто в Аральском районе – 640.", "640", Some("place")),
            ("Аральский район – 640.", "640", None),
            // The items of a list that each follow a dash take the unit of the item before.
            ("Аральский район – 11 скважин, Казалинский – 7, Шиелийский – 4.", "7", Some("well")),
            ("Аральский район – 11 скважин, Казалинский – 7, Шиелийский – 4.", "4", Some("well")),
            ("Аральский район – 11 тыс. тонн, Казалинский – 7.", "7", None),
            ("Отремонтированы дороги – 120 км, мосты – 4.", "4", None),
            ("Место Казахстана в рейтинге – 25.", "25", None),
        ];
        assert_units(cases);
    }

    #[test]
    fn times_and_durations_are_no_figures() {
        for s in [
            "Во второй половине года спрос вырос.",
            "В первой половине 2024 года цех стоял.",
            "Треть.",
            "В 2023 году завод открыли.",
            "На 2021-2025 годы утверждён план.",
            "К 1 января 2026 года всё будет готово.",
            "За 9 месяцев работы цех окупился.",
            "Цена одной тонны зерна выросла.",
            "Средняя зарплата одного работника выросла.",
            "Ещё одно обещание горожанам – открыть парк.",
            "Один цех уже работает.",
            "Выставка проводится каждый второй год.",
            "Ярмарки проходят каждое третье воскресенье.",
            // Tens counted loosely, and a morning, are no multiple or rank.
            "Открылись десятки новых кафе.",
            "Цены выросли в десятки раз.",
            "Утром цех запустили.",
            "Цех обслуживают втроём.",
            "Работали вчетвером.",
            "Тройка лошадей стояла у ворот.",
            // An ordinal shares the stem of its fraction.
            "Это уже третий выпуск облигаций банка.",
            "Четвертым стал новый цех.",
            "Строительство третьей очереди завода идёт.",
        ] {
            assert!(find(s).iter().all(|q| !q.fact_worthy), "{s}: {:?}", find(s));
        }
        // `5 лет ранее` is a span of years, not a number of what the sentence before counted
        // (only `годом ранее` dates a number).
        let s = "В цехе работают 140 человек. Ещё 5 лет ранее здесь был склад.";
        let found = find(s);
        assert!(
            found
                .iter()
                .all(|q| q.text == "140 человек" || !q.fact_worthy),
            "{s}: {found:?}"
        );
    }

    #[test]
    fn the_earlier_state_after_s_takes_the_later_ones_unit_and_scale() {
        for (s, figure, value, unit) in [
            (
                "Штат вырастет с 540 до 700 человек.",
                "540",
                540.0,
                "person",
            ),
            (
                "Мощность увеличат с 1,8 до 2,5 млн тонн.",
                "1,8",
                1.8e6,
                "t",
            ),
            (
                "Бонус вырос с 12 млн до 1,9 млрд тенге.",
                "12 млн",
                12e6,
                "KZT",
            ),
            ("Выпуск снизится с 5 до 0,8 млн тонн.", "5", 5e6, "t"),
            ("Добыча вырастет с 500 до 2 млн тонн.", "500", 500.0, "t"),
        ] {
            let found = find(s);
            let q = found.iter().find(|q| q.text == figure).expect(figure);
            assert_eq!((q.value, q.unit.as_deref()), (value, Some(unit)), "{s}");
            assert!(q.fact_worthy, "{s}");
        }
    }

    #[test]
    fn a_range_is_one_figure_from_its_low_bound() {
        let got: Vec<(String, f64, Option<f64>)> = [
            "Планируется запустить от 40 до 60 новых проектов.",
            "Проект обойдётся от 2 до 3,5 млрд тенге.",
            "Будет создано 2 500–2 900 рабочих мест.",
            "Заём выдают на сумму от 3 млн до 2 млрд тенге.",
            "Размер займов – 3–50 тыс. сомони.",
            "Экспорт может достичь $850–900 млн.",
            "Вложения составят от $2 до 3 млрд.",
        ]
        .iter()
        .flat_map(|s| find(s))
        .filter(|q| q.fact_worthy)
        .map(|q| (q.text, q.value, q.high))
        .collect();
        assert_eq!(
            got,
            [
                ("40 до 60 новых проектов".to_string(), 40.0, Some(60.0)),
                ("2 до 3,5 млрд тенге".to_string(), 2e9, Some(3.5e9)),
                ("2 500–2 900 рабочих мест".to_string(), 2500.0, Some(2900.0)),
                ("3 млн до 2 млрд тенге".to_string(), 3e6, Some(2e9)),
                ("3–50 тыс. сомони".to_string(), 3e3, Some(5e4)),
                ("$850–900 млн".to_string(), 850e6, Some(900e6)),
                ("$2 до 3 млрд".to_string(), 2e9, Some(3e9)),
            ]
        );
    }

    #[test]
    fn a_glued_number_is_read() {
        let s = "из местного бюджета-12,5 млрд тенге";
        let q = &find(s)[0];
        assert_eq!(q.text, "12,5 млрд тенге");
        assert_eq!(q.value, 12.5e9);
    }

    #[test]
    fn the_same_amount_after_ili_is_an_equivalent() {
        /// A figure's text and the units of its equivalents.
        type Figure<'a> = (&'a str, &'a [&'a str]);
        // (sentence, the figures it gives)
        let cases: &[(&str, &[Figure])] = &[
            (
                "За год в районе сдали 310 тыс. кв. м жилья, или 3 900 квартир.",
                &[("310 тыс. кв. м", &["apartment"])],
            ),
            (
                "Введено 52 тыс. кв. м, или 600 квартир.",
                &[("52 тыс. кв. м", &["apartment"])],
            ),
            (
                "Экспорт составил 45 млрд тенге, или 95 млн долларов.",
                &[("45 млрд тенге", &["USD"])],
            ),
            (
                "Инвестиции составили 45 млрд тенге, или 30% от общего объёма.",
                &[("45 млрд тенге", &[]), ("30%", &[])],
            ),
            (
                "Проект стоит 30 млрд тенге (около 62 млн долларов).",
                &[("30 млрд тенге", &["USD"])],
            ),
            (
                "Работы стоили $4,2 млн, или почти 360 млн сомов.",
                &[("$4,2 млн", &["KGS"])],
            ),
            (
                "Построено 12 школ, или почти 9 тыс. ученических мест.",
                &[("12 школ", &[]), ("9 тыс. ученических мест", &[])],
            ),
        ];
        for (s, want) in cases {
            let got: Vec<(String, Vec<String>)> = find(s)
                .into_iter()
                .filter(|q| q.fact_worthy)
                .map(|q| (q.text, q.equivalents.into_iter().map(|e| e.unit).collect()))
                .collect();
            let want: Vec<(String, Vec<String>)> = want
                .iter()
                .map(|(t, u)| (t.to_string(), u.iter().map(|u| u.to_string()).collect()))
                .collect();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn every_loader_accepts_its_file() {
        let _ = &*TABLES;
    }
}
