//! Figures read with their neighbours: a restatement after `, или`, the two bounds of a
//! range, and a bare number that takes its unit from a figure or noun before it in its
//! sentence (a difference in money, a part of a breakdown, an elided noun, `число ...`).

use crate::quantities::{Quantity, QuantityKind};
use crate::tokens::{lower, Tok, TokKind};

use crate::fact::Direction;
use crate::ru::tense::is_done;

use super::{
    compared_after, currency_of_sign, is_modifier, read_number, read_scale, sentence_start, Role,
    TABLES,
};

/// `1,2 млн кв. м жилья, или 14 800 квартир`, `40 млрд тенге, или 90 млн долларов`: the
/// same amount again in another unit after `, или` is an equivalent of the figure before
/// (FACTS.md, "Equivalents beyond money"), not a figure of its own. A percentage after
/// `, или` is a share of something else (`…, или 30% от общего объёма`), never an
/// equivalent.
pub(super) fn restates(
    text: &str,
    toks: &[Tok],
    i: usize,
    before: &Quantity,
    q: &Quantity,
) -> bool {
    let amount = |k: QuantityKind| matches!(k, QuantityKind::Measure | QuantityKind::Count);
    let alike = before.kind == QuantityKind::Money && q.kind == QuantityKind::Money
        || amount(before.kind) && amount(q.kind);
    let first_after = toks.partition_point(|t| t.start < before.span[1]);
    // `48 млрд тенге (около 100 млн долларов)`: the bracket right after the figure, a
    // qualifier inside it allowed, as the English layer reads `(about $110 million)`.
    let qualifier_len = i
        .checked_sub(1)
        .and_then(|k| TABLES.qualifiers.ending_at(text, toks, k))
        .map_or(0, |(n, _)| n);
    // What the first amount measures may stand before the comma (`жилья`), nothing else;
    // money may be restated roughly (`$9,6 млн, или почти 814 млн сомов`).
    let money = q.kind == QuantityKind::Money && before.kind == QuantityKind::Money;
    let rough = if money { qualifier_len } else { 0 };
    let comma = i.checked_sub(2 + rough);
    let bracketed = i
        .checked_sub(1 + qualifier_len)
        .is_some_and(|o| o == first_after && toks[o].text(text) == "(");
    if bracketed {
        return alike && q.unit.is_some() && before.unit.is_some() && q.unit != before.unit;
    }
    let joined = comma.is_some_and(|c| {
        toks[c].text(text) == ","
            && c >= first_after
            && c - first_after <= 3
            && toks[first_after..c].iter().all(|t| t.kind == TokKind::Word)
    }) && lower(toks[i - 1 - rough].text(text)) == "или";
    joined
        && alike
        && (money || q.qualifier.is_none())
        && q.per == before.per
        && q.unit.is_some()
        && before.unit.is_some()
        && q.unit != before.unit
}

/// `от 300 до 350 проектов`, `от 2 до 3 млрд тенге`, `1 500–1 800 мест`: one range of one state, whose value is
/// its low bound (in the high bound's unit and scale, unless it has its own) and
/// `value_high` its high one; its text runs from the low bound (FACTS.md, "Russian text":
/// no preposition).
pub(super) fn range_low(
    text: &str,
    toks: &[Tok],
    i: usize,
    high: &Quantity,
    found: &[(usize, Quantity)],
) -> Option<Quantity> {
    let (k, low) = found.last()?;
    let word = |t: usize| lower(toks[t].text(text)).into_owned();
    // `Размер займов – 3–50 тыс. сомони`: a low bound whose unit a noun before it lent is
    // a bare number too; so is one that only its currency's sign opens (`$850–900 млн`).
    let signed = low
        .text
        .char_indices()
        .nth(1)
        .filter(|&(at, _)| currency_of_sign(&low.text[..at]).is_some())
        .map(|(at, _)| &low.text[at..]);
    if signed.is_some() && high.kind != QuantityKind::Bare && high.unit != low.unit {
        return None;
    }
    let digits_only = signed
        .unwrap_or(&low.text)
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}'));
    let bare_low = (low.kind == QuantityKind::Bare || digits_only)
        && (high.kind.is_figure() || signed.is_some());
    if !bare_low || i < 1 {
        return None;
    }
    // `1 500–1 800 рабочих мест`: a dash that touches both bounds.
    let dash = toks[i - 1];
    let dashed = dash.kind == TokKind::Sym
        && matches!(dash.text(text), "–" | "—" | "-")
        && dash.start == low.span[1]
        && dash.end == toks[i].start;
    let from_to = *k > 0 && i >= 2 && word(k - 1) == "от" && word(i - 1) == "до"
        // Nothing but the `до` between the bounds.
        && toks[i - 2].end == low.span[1];
    if !dashed && !from_to {
        return None;
    }
    let (high_number, _) = read_number(text, toks, i)?;
    // `от 5 млн до 7 млрд тенге`: a low bound with a scale of its own keeps it.
    let (low_number, _) = read_number(text, toks, *k + usize::from(signed.is_some()))?;
    let scale = if high_number > 0.0 && low.value.abs() == low_number.abs() {
        high.value / high_number
    } else {
        1.0
    };
    let span = [low.span[0], high.span[1]];
    let (kind, unit) = match signed {
        Some(_) => (QuantityKind::Money, low.unit.clone()),
        None => (high.kind, high.unit.clone()),
    };
    Some(Quantity {
        span,
        text: text[span[0]..span[1]].to_string(),
        value: low.value * scale,
        high: Some(high.value),
        qualifier: None,
        kind,
        unit,
        fact_worthy: high.fact_worthy || signed.is_some(),
        ..high.clone()
    })
}

/// `экспорт на 1,7 млрд долларов – на 0,4 млрд больше`: a scaled bare number of `на` before
/// a comparative is a difference in the currency of the money figure before it in its
/// sentence.
pub(super) fn money_compared(
    text: &str,
    toks: &[Tok],
    i: usize,
    q: &Quantity,
    found: &[(usize, Quantity)],
) -> Option<(String, Direction)> {
    if q.kind != QuantityKind::Bare {
        return None;
    }
    let (_, after_number) = read_number(text, toks, i)?;
    read_scale(text, toks, after_number)?;
    let prep = i
        .checked_sub(1)
        .and_then(|k| TABLES.role_at(text, toks, k))
        .map(|(_, r)| r);
    let end_tok = toks.partition_point(|t| t.start < q.span[1]);
    let direction = compared_after(text, toks, prep, end_tok)?;
    let start = sentence_start(text, toks, i);
    let (_, money) = found
        .iter()
        .rev()
        .take_while(|(k, _)| *k >= start)
        .find(|(_, f)| f.kind == QuantityKind::Money)?;
    Some((money.unit.clone()?, direction))
}

/// `24 школы на 3 тыс. мест, из них 16 – комфортные`: a bare number after `из них` counts
/// part of the first count of its sentence (what the sentence counts; later counts say what
/// those things hold), in that count's unit.
pub(super) fn breakdown_unit(
    text: &str,
    toks: &[Tok],
    i: usize,
    q: &Quantity,
    found: &[(usize, Quantity)],
) -> Option<String> {
    if q.kind != QuantityKind::Bare {
        return None;
    }
    let after_breakdown = (1..=2).any(|n| {
        i.checked_sub(n)
            .and_then(|k| TABLES.role_at(text, toks, k))
            .is_some_and(|(len, role)| len == n && role == Role::Breakdown)
    });
    if !after_breakdown {
        return None;
    }
    let start = sentence_start(text, toks, i);
    found
        .iter()
        .find(|(k, q)| *k >= start && q.kind == QuantityKind::Count)
        .and_then(|(_, whole)| whole.unit.clone())
}

/// A bare number that counts or measures what its sentence named just before, in that
/// unit (and kind, a count or a measure):
/// - with a scale word, the counted noun right before it, past one word (`новых рабочих мест
///   создано 4,9 тысячи`), else the count or measure before it in its sentence (`обещали
///   6 тысяч рабочих мест – создали 4,9 тысячи`, `520 тыс. квадратных метров, фактически
///   сдано 548 тыс.`);
/// - after a breakdown that opens its sentence (`Из них 4 700 – ...`, `Из них иностранцев –
///   312 тыс.`), the first count or measure of the sentence before, in its paragraph;
/// - another part of that breakdown (`Из них 4 700 – ..., 2 100 – ..., 900 – ...`): a number
///   before a dash after a comma, when the sentence's figures before it are such parts;
/// - a new level after a change in a count (`выросло на 780 компаний и достигло 2 950`).
pub(super) fn elided_unit(
    text: &str,
    toks: &[Tok],
    i: usize,
    q: &Quantity,
    found: &[(usize, Quantity)],
) -> Option<(String, QuantityKind)> {
    if q.kind != QuantityKind::Bare {
        return None;
    }
    let amount = |f: &Quantity| matches!(f.kind, QuantityKind::Count | QuantityKind::Measure);
    let of = |f: &Quantity| Some((f.unit.clone()?, f.kind));
    let (_, after_number) = read_number(text, toks, i)?;
    // `4,9 тысячи.`, `548 тыс.,`: no noun after the scale word (`трёх тысяч шымкентцев`
    // counts a noun the units do not know).
    let scaled = read_scale(text, toks, after_number)
        .is_some_and(|(_, next)| toks.get(next).is_none_or(|t| t.kind != TokKind::Word));
    let start = sentence_start(text, toks, i);
    // The figures of its sentence before it, the nearest first.
    let sentence_before = found
        .iter()
        .rev()
        .take_while(|(k, _)| *k >= start)
        .map(|(_, f)| f);
    let before_here = sentence_before.clone().find(|f| amount(f));
    if scaled {
        // `направлено 38,6 млрд тенге, банковские кредиты составили 19,3 млрд`: loans and
        // grants told after money are that money, not a count of them.
        let money_before = sentence_before
            .clone()
            .any(|f| f.kind == QuantityKind::Money);
        let noun_before = (i.saturating_sub(5).max(start)..i).find_map(|j| {
            let (n, u) = TABLES.units.starting_at(text, toks, j)?;
            let amount_noun = matches!(u.kind, QuantityKind::Count | QuantityKind::Measure)
                && !(money_before && matches!(u.code, "loan" | "microcredit" | "grant"));
            let next_to = j + n == i || j + n + 1 == i && toks[j + n].kind == TokKind::Word;
            (amount_noun && next_to).then(|| (u.code.to_string(), u.kind))
        });
        if let Some(unit) = noun_before.or_else(|| before_here.and_then(of)) {
            return Some(unit);
        }
    }
    // The length of the breakdown (`Из них`) that opens the sentence.
    let opening_breakdown = TABLES
        .role_at(text, toks, start)
        .filter(|&(_, r)| r == Role::Breakdown)
        .map(|(n, _)| n);
    // `Из них 4 700 –`, `Из них иностранцев – 312 тыс.`: the number is the breakdown's first.
    let first_part = opening_breakdown.is_some_and(|n| start + n + 2 >= i);
    if first_part && before_here.is_none() {
        let previous_start = start
            .checked_sub(1)
            .map(|e| sentence_start(text, toks, e))?;
        return found
            .iter()
            .filter(|(k, _)| (previous_start..start).contains(k))
            .map(|(_, f)| f)
            .find(|f| amount(f))
            .and_then(of);
    }
    let dash_after = toks
        .get(after_number)
        .is_some_and(|t| matches!(t.text(text), "–" | "—" | "-"));
    let comma_before = i > 0 && toks[i - 1].text(text) == ",";
    if dash_after && comma_before {
        // The sentence's figures so far are the breakdown's parts: the first right after its
        // `из них`, all amounts in its unit (the second part took it so; the third takes it
        // after the second).
        let parts = &found[found.partition_point(|(k, _)| *k < start)..];
        if let Some((k, first)) = parts.first() {
            let first_opens =
                opening_breakdown.is_some_and(|n| (start + n..=start + n + 1).contains(k));
            if first_opens && parts.iter().all(|(_, f)| amount(f) && f.unit == first.unit) {
                return of(first);
            }
        }
    }
    let reached = i
        .checked_sub(1)
        .and_then(|k| TABLES.role_at(text, toks, k))
        .is_some_and(|(_, r)| r == Role::Reached);
    if reached {
        return before_here.filter(|f| f.direction.is_some()).and_then(of);
    }
    let word = |k: usize| {
        toks.get(k)
            .map(|t| crate::tokens::plain_lower(t.text(text)).into_owned())
            .unwrap_or_default()
    };
    let before = i.checked_sub(1).map(word).unwrap_or_default();
    // `39 из них`, `46 из которых`: a part of what was just counted; `ещё 17`: more of it.
    let part =
        word(after_number) == "из" && matches!(word(after_number + 1).as_str(), "них" | "которых");
    // `ещё 17 находятся`, not `ещё 40 садов` (a noun the units do not know): what follows
    // is no noun, a preposition or a verb by its ending.
    let noun_after = toks.get(after_number).is_some_and(|t| {
        t.kind == TokKind::Word && {
            let w = word(after_number);
            !matches!(
                w.as_str(),
                "в" | "на" | "из" | "по" | "к" | "для" | "с" | "у" | "и"
            ) && !["ся", "ли", "ны", "ят", "ют", "ут", "ат", "ит", "ет"]
                .iter()
                .any(|e| w.ends_with(e))
        }
    });
    let more = before == "еще" && !noun_after;
    // `из 412 котельных области готовы 387`: a part after its whole, `из` before the whole,
    // counts what the whole counts; so does a later part after a comma, while every figure
    // since the whole is a part in its unit (`из 27 проектов 19 введены, 8 строятся`).
    if !noun_after {
        let here = &found[found.partition_point(|(k, _)| *k < start)..];
        let is_whole = |(k, f): &(usize, Quantity)| {
            *k >= 1 && f.kind == QuantityKind::Count && word(*k - 1) == "из"
        };
        if let Some((_, whole)) = here.last().filter(|p| is_whole(p)) {
            return of(whole);
        }
        if let Some(w) = here.iter().position(is_whole).filter(|_| comma_before) {
            let whole = &here[w].1;
            if here[w + 1..].iter().all(|(_, f)| f.unit == whole.unit) {
                return of(whole);
            }
        }
    }
    // `вместо 1500 рабочих мест создано 1120`, `обещал 3 тыс. мест, создано 2450`: a bare
    // number right after a verb in the past that ends its clause is what the sentence
    // counted before it; not one a word follows (`установлено 300 на трассе`).
    let ends_clause = toks
        .get(after_number)
        .is_none_or(|t| matches!(t.text(text), "," | "." | ";" | ")"));
    if ends_clause && is_done(&before) {
        if let Some(unit) = before_here.and_then(of) {
            return Some(unit);
        }
    }
    // `вместо обещанных 500`, `против 61 500`, `(3 815 годом ранее)`, `их число достигнет
    // 350`: the same count at another time or as promised.
    let compared = matches!(
        before.as_str(),
        "против" | "вместо" | "обещанных" | "запланированных"
    ) || before == "(" && word(after_number) == "годом";
    let their_number = (i.saturating_sub(4).max(start)..i)
        .any(|k| word(k) == "их" && matches!(word(k + 1).as_str(), "число" | "количество"));
    if compared {
        return before_here.and_then(of);
    }
    if part || more || their_number {
        // Counted in this sentence, else in the one before it.
        let previous = || {
            let previous_start = start
                .checked_sub(1)
                .map(|e| sentence_start(text, toks, e))?;
            found
                .iter()
                .rev()
                .filter(|(k, _)| (previous_start..start).contains(k))
                .map(|(_, f)| f)
                .find(|f| f.kind == QuantityKind::Count)
                .and_then(of)
        };
        return before_here
            .filter(|f| f.kind == QuantityKind::Count)
            .and_then(of)
            .or_else(previous);
    }
    // `Больше всего рабочих мест открыто в Кулобе – 1 920`: the counted noun named earlier
    // in the sentence with no number of its own, the number after a dash.
    // A dash standing apart (`рабочих мест – 1 920`), not one inside a name (`Кокжал-2`).
    let dash_apart = |k: usize| {
        k >= 1 && matches!(toks[k].text(text), "–" | "—" | "-") && toks[k].start > toks[k - 1].end
    };
    let dash_before = i >= 2 && dash_apart(i - 1);
    let noun_left_out = toks
        .get(after_number)
        .is_none_or(|t| t.kind != TokKind::Word);
    // `Кордайский район – 14 проектов, Шуский – 9`: an item of a list whose items each
    // follow a dash takes the unit of the item before it; only unscaled figures (`– 14 тыс.
    // га, ... – 9` leaves 9's scale open).
    let unscaled = |k: usize| {
        read_number(text, toks, k).is_some_and(|(_, after)| read_scale(text, toks, after).is_none())
    };
    let ends_item = toks
        .get(after_number)
        .is_none_or(|t| matches!(t.text(text), "," | ";" | "."))
        || word(after_number) == "и";
    // An item labelled by a name (`Шуский район – 9`, `в Казалинском – 7`), not by a noun
    // of its own (`мосты – 4`): the label, from the last comma, semicolon or colon, holds a
    // capitalised word.
    let named_label = |dash: usize| {
        let from = (start..dash)
            .rev()
            .find(|&k| matches!(toks[k].text(text), "," | ";" | ":"))
            .map_or(start, |k| k + 1);
        (from..dash).any(|k| {
            toks[k].kind == TokKind::Word && toks[k].text(text).starts_with(char::is_uppercase)
        })
    };
    let item = |k: usize| k >= 1 && dash_apart(k - 1) && named_label(k - 1) && unscaled(k);
    if item(i) && ends_item {
        let item_before = found
            .iter()
            .rev()
            .take_while(|(k, _)| *k >= start)
            .find(|(_, f)| amount(f))
            .filter(|(k, _)| item(*k));
        if let Some(unit) = item_before.and_then(|(_, f)| of(f)) {
            return Some(unit);
        }
    }
    let first_here = found.last().is_none_or(|(k, _)| *k < start);
    if dash_before && first_here && noun_left_out && q.value.fract() == 0.0 {
        // Not where it was done (`в Абайском районе – 5 200`, `по районам`): a noun after
        // `в`, `на` or `по`, past one adjective, is a place named, not what is counted; nor is
        // a district, which labels the item (`Шуский район – 620`).
        let located = |j: usize| {
            (j.saturating_sub(2).max(start)..j)
                .any(|k| matches!(word(k).as_str(), "в" | "во" | "на" | "по"))
        };
        return (start..i).find_map(|j| {
            let (_, u) = TABLES.units.starting_at(text, toks, j)?;
            if located(j) || u.code == "district" {
                return None;
            }
            match u.kind {
                QuantityKind::Count => Some((u.code.to_string(), u.kind)),
                // `Больше всего мест создано ... – 5 200`: places, as `300 мест` counts them;
                // `Место Казахстана – 25` is a rank.
                QuantityKind::Rank if word(j) == "мест" => {
                    Some(("place".to_string(), QuantityKind::Count))
                }
                _ => None,
            }
        });
    }
    None
}

/// `число субъектов МСБ выросло до 38 тысяч`: a bare number counts what `число` or
/// `количество` earlier in its sentence named, as English reads `the number of SMEs ...
/// reached 2.1 million`.
pub(super) fn number_of_noun(text: &str, toks: &[Tok], i: usize, q: &Quantity) -> Option<String> {
    if q.kind != QuantityKind::Bare {
        return None;
    }
    let s0 = sentence_start(text, toks, i).max(i.saturating_sub(25));
    // Not `в том числе` (`числе`): that lists a part of something else.
    let k = (s0..i).find(|&k| {
        TABLES
            .role_at(text, toks, k)
            .is_some_and(|(n, r)| n == 1 && r == Role::Count)
            && !lower(toks[k].text(text)).ends_with('е')
    })?;
    // The counted noun after up to three modifiers.
    (k + 1..(k + 5).min(i)).find_map(|m| {
        let (_, u) = TABLES.units.starting_at(text, toks, m)?;
        let skipped = toks[k + 1..m].iter().all(|t| is_modifier(text, t));
        (u.kind == QuantityKind::Count && skipped).then(|| u.code.to_string())
    })
}
