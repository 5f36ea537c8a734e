//! The passes that join quantities once each is parsed: ranges (`$160 to $180`, `$5-6
//! billion`), lists sharing a unit (`9.58, 9.63 and 9.69 seconds`), bare numbers taking
//! the unit of their partner or of the count just named (`46 of which`, `another six`),
//! and numbers sharing a head noun (`12 regional and 8 district schools`).

use crate::fact::Qualifier;
use crate::lexicon::{CHANGE_VERB_REACH, LEXICONS};
use crate::tokens::{word_is, Tok, TokKind};

use super::units::{counted_noun, number_of_noun, quantity_kind};
use super::{adjacent, sym_at, Parsed, QuantityKind, FUNCTION_WORD_IDS};

/// What `link_bare_numbers` reads of a bare number while it changes the list.
#[derive(Clone, Copy)]
struct BareNumber {
    first: usize,
    last: usize,
    value: f64,
    span: [usize; 2],
    qualifier: Option<Qualifier>,
}

impl BareNumber {
    fn of(p: &Parsed) -> Self {
        BareNumber {
            first: p.first,
            last: p.last,
            value: p.q.value,
            span: p.q.span,
            qualifier: p.q.qualifier,
        }
    }
}

/// Gives bare numbers the unit written after their partner: `from 5.3 to 5.2 percent` (two
/// states when a change verb leads, else a range), `25-40 minutes` (a range), `53
/// cooperatives, 46 of which` (the unit counted before). Bare number words are dropped.
pub(super) fn link_bare_numbers(text: &str, toks: &[Tok], found: &mut Vec<Parsed>) {
    let mut idx = 0;
    while idx < found.len() {
        if found[idx].q.kind != QuantityKind::Bare {
            idx += 1;
            continue;
        }
        let bare = BareNumber::of(&found[idx]);
        let after = bare.last + 1;
        // `two of these projects`: the noun named after.
        if word_is(text, toks, after, &["of"])
            && word_is(text, toks, after + 1, &["these", "those", "them"])
        {
            if let Some((_, lemma)) = counted_noun(text, toks, after + 2) {
                found[idx].q.kind = QuantityKind::Count;
                found[idx].q.unit = Some(lemma);
                idx += 1;
                continue;
            }
        }
        // `another six`, `148 more`, `Of these, 14`, `201 projects in industry, 280 in
        // services`: a count whose noun was named just before.
        if let Some(unit) = elided_noun(text, toks, &found[..idx], &bare) {
            let q = &mut found[idx].q;
            q.kind = QuantityKind::Count;
            q.unit = Some(unit);
            // `seven more` adds to a count; it is no rise.
            if word_is(text, toks, after, &["more"]) {
                q.direction = None;
            }
            idx += 1;
            continue;
        }
        // `150 of its 860 stores`, `Nineteen of the 40 MPs`: a part counts what its whole counts.
        if word_is(text, toks, after, &["of"]) {
            let mut w = after + 1;
            if word_is(
                text,
                toks,
                w,
                &["the", "its", "their", "his", "her", "our", "your"],
            ) {
                w += 1;
            }
            if word_is(text, toks, w, &["last", "first", "next", "past"]) {
                w += 1;
            }
            let whole = found
                .get(idx + 1)
                .filter(|p| p.first == w && p.q.kind == QuantityKind::Count);
            if let Some(unit) = whole.map(|p| p.q.unit.clone()) {
                found[idx].q.kind = QuantityKind::Count;
                found[idx].q.unit = unit;
                idx += 1;
                continue;
            }
        }
        // `46 of which`.
        if word_is(text, toks, after, &["of"])
            && word_is(text, toks, after + 1, &["which", "them", "whom", "these"])
        {
            if let Some(prev) = found[..idx]
                .iter()
                .rev()
                .find(|p| p.q.kind == QuantityKind::Count)
            {
                let unit = prev.q.unit.clone();
                found[idx].q.kind = QuantityKind::Count;
                found[idx].q.unit = unit;
            }
            idx += 1;
            continue;
        }
        // `7,500 jobs ..., of which 2,100`.
        let of_which_before = bare.first >= 2
            && word_is(text, toks, bare.first - 2, &["of"])
            && word_is(text, toks, bare.first - 1, &["which"]);
        if of_which_before {
            if let Some(prev) = found[..idx]
                .iter()
                .rev()
                .find(|p| p.q.kind == QuantityKind::Count)
            {
                let unit = prev.q.unit.clone();
                found[idx].q.kind = QuantityKind::Count;
                found[idx].q.unit = unit;
                idx += 1;
                continue;
            }
        }
        let range_word = word_is(text, toks, after, &["to"])
            || toks
                .get(after)
                .is_some_and(|t| t.kind == TokKind::Sym && matches!(t.text(text), "-" | "–" | "—"));
        let list_word = word_is(text, toks, after, &["and", "or"]);
        // `a 3-0 series deficit`: a pair joined by a dash that falls is a score, no range.
        let falls = |p: &Parsed| {
            !word_is(text, toks, after, &["to"])
                && range_word
                && bare.value * shared_scale(bare.value, p) > p.q.value
        };
        let partner = found
            .get(idx + 1)
            .filter(|p| p.first == after + 1 && p.q.kind != QuantityKind::Bare && !falls(p));
        if let Some(partner) = partner.filter(|_| range_word || list_word).cloned() {
            {
                let change_verb = change_from(text, toks, bare.first);
                let between = bare.first >= 1 && word_is(text, toks, bare.first - 1, &["between"]);
                // `162 and 148 thousand hectares respectively`: a list's items are in no
                // order, so a number below a thousand, of the order of the one after it, takes
                // that one's scale.
                let written = partner.q.value / partner.scale;
                let near = written != 0.0 && (0.1..=10.0).contains(&(bare.value / written));
                let scale = if list_word && !range_word && bare.value.abs() < 1e3 && near {
                    partner.scale
                } else {
                    shared_scale(bare.value, &partner)
                };
                found[idx].scale = scale;
                let q = &mut found[idx].q;
                q.kind = partner.q.kind;
                q.unit = partner.q.unit.clone();
                q.value *= scale;
                if (range_word && !change_verb) || (list_word && between) {
                    // One quantity: a range from the bare number to its partner.
                    let mut merged = partner.clone();
                    merged.q.high = Some(partner.q.value);
                    merged.q.value = found[idx].q.value;
                    merged.q.span = [bare.span[0], partner.q.span[1]];
                    merged.q.text = text[merged.q.span[0]..merged.q.span[1]].to_string();
                    merged.q.qualifier = bare.qualifier.or(partner.q.qualifier);
                    merged.first = bare.first;
                    found[idx] = merged;
                    found.remove(idx + 1);
                }
            }
        }
        if found[idx].q.kind == QuantityKind::Bare && !found[idx].in_words {
            let (before, rest) = found.split_at_mut(idx);
            if let Some(p) = dashed_list_item_before(text, toks, before, &rest[0]) {
                take_unit_of(&mut rest[0], p);
                idx += 1;
                continue;
            }
            if let Some(lemma) = number_of_noun(text, toks, bare.first) {
                found[idx].q.kind = QuantityKind::Count;
                found[idx].q.unit = Some(lemma);
            }
        }
        // `2.1 million square metres, Almaty with 1.6 million`: a number with the scale of a
        // count or measure before it in its sentence, and no noun of its own, is in that
        // figure's unit.
        if found[idx].q.kind == QuantityKind::Bare && found[idx].scale > 1.0 {
            let (before, rest) = found.split_at_mut(idx);
            if let Some(p) = scaled_partner_before(text, toks, before, &rest[0]) {
                take_unit_of(&mut rest[0], p);
            }
        }
        // `organisers put the crowd at half a million`: a large number in words says enough
        // on its own; `for two` does not.
        if found[idx].q.kind == QuantityKind::Bare
            && found[idx].in_words
            && found[idx].q.value < 1e3
        {
            found.remove(idx);
            continue;
        }
        idx += 1;
    }
}

/// Gives a bare number the kind, unit and `per` of the figure whose unit it leaves out.
fn take_unit_of(bare: &mut Parsed, partner: &Parsed) {
    bare.q.kind = partner.q.kind;
    bare.q.unit.clone_from(&partner.q.unit);
    bare.q.per.clone_from(&partner.q.per);
}

/// The count or measure before `bare` in its sentence whose unit `bare` leaves out: the
/// nearest figure, with the same scale word (`million`, `thousand`).
fn scaled_partner_before<'a>(
    text: &str,
    toks: &[Tok],
    before: &'a [Parsed],
    bare: &Parsed,
) -> Option<&'a Parsed> {
    let prev = before.last()?;
    // Money borrows its currency in the fact layer (`borrow_currency`), past other figures.
    let unit_kind = matches!(prev.q.kind, QuantityKind::Measure | QuantityKind::Count);
    let sentence_ends = (prev.last + 1..bare.first).any(|t| {
        toks[t].kind == TokKind::Sym && matches!(toks[t].text(text), "." | "!" | "?" | ";" | ":")
    });
    // `its owner has spent 3 million`, `the population passed 1.4 million`: words of money
    // or of people between say the number is of something else.
    let other_thing = (prev.last + 1..bare.first).any(|t| {
        word_is(
            text,
            toks,
            t,
            &[
                "population",
                "residents",
                "inhabitants",
                "people",
                "spent",
                "spend",
                "cost",
                "costs",
                "invested",
                "worth",
                "allocated",
                "budget",
            ],
        ) || LEXICONS.currencies.starting_at(text, toks, t).is_some()
    });
    (unit_kind
        && prev.q.unit.is_some()
        && prev.scale == bare.scale
        && !sentence_ends
        && !other_thing)
        .then_some(prev)
}

/// Whether token `i` is a dash standing apart from the word before it (`Shu - 9`), not one
/// inside a name (`Kokzhal-2`).
fn dash_apart(text: &str, toks: &[Tok], i: usize) -> bool {
    i >= 1
        && toks[i].kind == TokKind::Sym
        && matches!(toks[i].text(text), "-" | "–" | "—")
        && toks[i].start > toks[i - 1].end
}

/// `Kordai district - 14 projects, Shu district - 9, Talas - 6`: the count or measure of a
/// list whose items each follow a dash, when the bare number is such an item with no noun
/// of its own. Only an unscaled figure: `- 14 thousand ha, ... - 9` leaves 9's scale open.
fn dashed_list_item_before<'a>(
    text: &str,
    toks: &[Tok],
    before: &'a [Parsed],
    bare: &Parsed,
) -> Option<&'a Parsed> {
    // An item labelled by a name (`Shu district - 9`, `in Kazaly - 7`), not by a noun of
    // its own (`bridges built - 4`): the label, from the last comma, semicolon or colon,
    // holds a capitalised word.
    let named_label = |dash: usize| {
        let start = (0..dash)
            .rev()
            .find(|&k| {
                toks[k].kind == TokKind::Sym && matches!(toks[k].text(text), "," | ";" | ":" | ".")
            })
            .map_or(0, |k| k + 1);
        (start..dash).any(|k| {
            toks[k].kind == TokKind::Word && toks[k].text(text).starts_with(char::is_uppercase)
        })
    };
    let item = |p: &Parsed| {
        p.first >= 1 && dash_apart(text, toks, p.first - 1) && named_label(p.first - 1)
    };
    let ends_item = toks
        .get(bare.last + 1)
        .is_none_or(|t| t.kind == TokKind::Sym && matches!(t.text(text), "," | ";" | "."))
        || word_is(text, toks, bare.last + 1, &["and"]);
    if !(item(bare) && ends_item && bare.scale == 1.0) {
        return None;
    }
    let prev = before
        .iter()
        .rev()
        .find(|p| matches!(p.q.kind, QuantityKind::Count | QuantityKind::Measure))?;
    let sentence_ends = (prev.last + 1..bare.first)
        .any(|t| toks[t].kind == TokKind::Sym && matches!(toks[t].text(text), "." | "!" | "?"));
    (item(prev) && prev.q.unit.is_some() && prev.scale == 1.0 && !sentence_ends).then_some(prev)
}

/// The noun a bare number counts when the text leaves it out because it was just named:
/// `another six`, `seven more` (not `more than`), `of these, 14`, a clause of a list
/// (`, 280 in services`), the subject of a verb (`in fact 196 were launched`) or what `there
/// are` counts. The noun is the unit of the last count before it, in the same sentence for
/// a list's clause, at most one sentence back otherwise.
fn elided_noun(text: &str, toks: &[Tok], before: &[Parsed], bare: &BareNumber) -> Option<String> {
    let (first, after) = (bare.first, bare.last + 1);
    let mut b = first;
    if let Some((n, _)) = LEXICONS
        .qualifiers
        .ending_at(text, toks, first.checked_sub(1)?)
    {
        b = first - n;
    }
    let another = b >= 1 && word_is(text, toks, b - 1, &["another", "other"]);
    let more = word_is(text, toks, after, &["more"]) && !word_is(text, toks, after + 1, &["than"]);
    let of_these = (b >= 2
        && word_is(text, toks, b - 2, &["of"])
        && word_is(text, toks, b - 1, &["these", "them", "those", "which"]))
        || (b >= 3
            && word_is(text, toks, b - 3, &["of"])
            && word_is(text, toks, b - 2, &["these", "them", "those"])
            && sym_at(text, toks, b - 1, ","));
    let list_clause = b >= 1
        && (sym_at(text, toks, b - 1, ",") || word_is(text, toks, b - 1, &["and"]))
        && word_is(text, toks, after, &["in", "at", "on", "from", "for"]);
    // `promised 220 projects; in fact 196 were launched`, `So far seven are ready`, `Today
    // there are 143`: a number that is the subject of its verb, or what `there are` counts,
    // stands for the noun counted before.
    // Not a label's number (`Unit 2 was launched`, `line 2 is under construction`): the
    // number opens its clause, or follows a word that says what became of a plan or which of
    // the things counted it is (`The first four are to be launched`).
    let opens_clause = b == 0
        || toks[b - 1].kind == TokKind::Sym
        || word_is(
            text,
            toks,
            b - 1,
            &[
                "fact",
                "far",
                "only",
                "just",
                "and",
                "but",
                "while",
                "yet",
                "now",
                "today",
                "first",
                "last",
                "remaining",
                "other",
            ],
        );
    let subject_of_verb = word_is(
        text,
        toks,
        after,
        &["were", "are", "was", "is", "have", "has"],
    ) && !word_is(text, toks, after + 1, &["of", "per", "percent"])
        && opens_clause;
    let there_are = b >= 2
        && word_is(text, toks, b - 2, &["there"])
        && word_is(text, toks, b - 1, &["are", "were"])
        && toks.get(after).is_none_or(|t| t.kind == TokKind::Sym);
    if !(another || more || of_these || list_clause || subject_of_verb || there_are) {
        return None;
    }
    // Not what a thing is for: `9 schools for 2,000 pupils, and five more` adds schools.
    let prev = before.iter().rev().find(|p| {
        p.q.kind == QuantityKind::Count
            && !(p.first >= 1 && word_is(text, toks, p.first - 1, &["for", "per"]))
    })?;
    let sentence_ends = (prev.last + 1..first)
        .filter(|&t| toks[t].kind == TokKind::Sym && matches!(toks[t].text(text), "." | "!" | "?"))
        .count();
    let reach = if list_clause && !(another || more || of_these) {
        0
    } else {
        1
    };
    (sentence_ends <= reach)
        .then(|| prev.q.unit.clone())
        .flatten()
}

/// The scale a bare number takes from the figure it is joined to: `5 to 7 billion tenge`,
/// `1 to 2 thousand people` share it; `500 to 2 million` does not, since 500 is more than 2.
fn shared_scale(bare: f64, partner: &Parsed) -> f64 {
    let written = partner.q.value / partner.scale;
    if partner.scale > 1.0 && bare.abs() <= written.abs() {
        partner.scale
    } else {
        1.0
    }
}

/// Whether a change verb leads the `from` before token `first`: `rose from 4 to 6 percent`
/// reports two states, not a range.
fn change_from(text: &str, toks: &[Tok], first: usize) -> bool {
    first >= 1
        && word_is(text, toks, first - 1, &["from"])
        && (first.saturating_sub(CHANGE_VERB_REACH + 1)..first - 1).any(|t| {
            LEXICONS
                .directions_before
                .starting_at(text, toks, t)
                .is_some()
        })
}

/// Joins two figures into one range: of one unit (`from $160 to $180`, `between 5% and 7%`,
/// `£10m-£15m`), or a currency on the first and a scale on the second (`$5-6 billion`). Not
/// after a change verb (`rose from $160 to $180` reports two states), and only upwards.
pub(super) fn link_ranges(text: &str, toks: &[Tok], found: &mut Vec<Parsed>) {
    let mut idx = 0;
    while idx + 1 < found.len() {
        let (a, b) = (&found[idx], &found[idx + 1]);
        let joiner = a.next;
        let between = a.first >= 1 && word_is(text, toks, a.first - 1, &["between"]);
        let joins = b.first == joiner + 1
            && (word_is(text, toks, joiner, &["to"])
                || (between && word_is(text, toks, joiner, &["and"]))
                || toks[joiner].kind == TokKind::Sym
                    && matches!(toks[joiner].text(text), "-" | "\u{2013}" | "\u{2014}"));
        // `raised the fee by £20 to £180`: by how much, then the level reached.
        let change_by = {
            let mut b_ = a.first;
            if let Some((n, _)) = LEXICONS
                .qualifiers
                .ending_at(text, toks, b_.wrapping_sub(1))
            {
                b_ -= n;
            }
            b_ >= 1 && word_is(text, toks, b_ - 1, &["by"])
        };
        // `aged 25 to 40`, `passed by 310 votes to 290`: a bare number after `to` counts what
        // the figure before it counts; a range, or after `by` the other side of a tally.
        let borrows_unit = joins
            && (word_is(text, toks, joiner, &["to"])
                || (between && word_is(text, toks, joiner, &["and"])))
            && b.q.kind == QuantityKind::Bare
            && !b.in_words
            && matches!(
                a.q.kind,
                QuantityKind::Count | QuantityKind::Age | QuantityKind::Duration
            );
        if borrows_unit && change_by {
            let (kind, unit) = (a.q.kind, a.q.unit.clone());
            found[idx + 1].q.kind = kind;
            found[idx + 1].q.unit = unit;
            idx += 2;
            continue;
        }
        let one_unit =
            (a.q.kind == b.q.kind && a.q.unit == b.q.unit && a.q.kind != QuantityKind::Bare)
                || borrows_unit;
        // `$5-6 billion`: the currency of the first, the scale of the second; `₹80-100 a
        // kilo`: the currency of the first for both.
        let dash = toks[joiner].kind == TokKind::Sym && toks[joiner].text(text) != "to";
        let split_money = a.q.kind == QuantityKind::Money
            && a.scale == 1.0
            && a.last + 1 == a.next
            && b.q.kind == QuantityKind::Bare
            && (b.scale > 1.0 || (dash && !b.in_words));
        // `rose 12 pence to 245p`: a change and the level it reached.
        if !joins
            || !(one_unit || split_money)
            || a.q.direction.is_some()
            || a.q.high.is_some()
            || b.q.high.is_some()
            || change_from(text, toks, a.first)
            || (change_by && b.q.kind != QuantityKind::Bare)
        {
            idx += 1;
            continue;
        }
        let low = if split_money {
            a.q.value * shared_scale(a.q.value, b)
        } else {
            a.q.value
        };
        if low > b.q.value {
            idx += 1;
            continue;
        }
        let mut merged = b.clone();
        if split_money || borrows_unit {
            merged.q.kind = a.q.kind;
            merged.q.unit = a.q.unit.clone();
        }
        merged.q.value = low;
        merged.q.high = Some(b.q.value);
        merged.q.span = [a.q.span[0], b.q.span[1]];
        merged.q.text = text[merged.q.span[0]..merged.q.span[1]].to_string();
        merged.q.qualifier = a.q.qualifier.or(b.q.qualifier);
        merged.q.direction = a.q.direction.or(b.q.direction);
        merged.q.per = b.q.per.clone().or_else(|| a.q.per.clone());
        merged.first = a.first;
        found[idx] = merged;
        found.remove(idx + 1);
        idx += 1;
    }
}

/// Bare numbers listed before figures of one unit take it (and its scale, as a range
/// does): `9.58, 9.63 and 9.69 seconds`, `1, 2, 3, 4 tonnes`, `3, 5 and 7 billion tenge`.
/// A bare number followed by a comma joins only a list of three or more.
pub(super) fn link_series(text: &str, toks: &[Tok], found: &mut [Parsed]) {
    for idx in (0..found.len().saturating_sub(1)).rev() {
        let comma = found[idx].last + 1;
        let next = &found[idx + 1];
        // `3,024 by 1,964 pixels`, `20 x 30 cm`: the sides of a dimension share the unit.
        let dimension = found[idx].q.kind == QuantityKind::Bare
            && !found[idx].in_words
            && (word_is(text, toks, comma, &["by", "x"]) || sym_at(text, toks, comma, "\u{d7}"))
            && next.first == comma + 1
            && matches!(next.q.kind, QuantityKind::Measure | QuantityKind::Count)
            && next.q.high.is_none();
        // `55-, 65- and 77-inch`: a number whose hyphen waits for the unit of the last.
        let sep = comma + 1;
        let suspended = found[idx].q.kind == QuantityKind::Bare
            && !found[idx].in_words
            && sym_at(text, toks, comma, "-")
            && adjacent(toks, comma - 1, comma)
            && (sym_at(text, toks, sep, ",") || word_is(text, toks, sep, &["and", "or", "to"]))
            && next.first == sep + 1
            && next.q.kind != QuantityKind::Bare
            && next.q.high.is_none();
        if dimension || suspended {
            let unit = next.q.unit.clone();
            let kind = next.q.kind;
            let bare = &mut found[idx];
            bare.q.kind = kind;
            bare.q.unit = unit;
            continue;
        }
        if found[idx].q.kind != QuantityKind::Bare
            || found[idx].in_words != next.in_words
            || !sym_at(text, toks, comma, ",")
            || next.first != comma + 1
            || next.q.kind == QuantityKind::Bare
            || next.q.high.is_some()
        {
            continue;
        }
        // The list goes on after the next figure, or began before this number.
        let goes_on = found.get(idx + 2).is_some_and(|after| {
            let sep = next.next;
            after.first == sep + 1
                && after.q.kind == next.q.kind
                && after.q.unit == next.q.unit
                && (sym_at(text, toks, sep, ",") || word_is(text, toks, sep, &["and", "or"]))
        });
        let began = idx >= 1
            && found[idx - 1].q.kind == QuantityKind::Bare
            && sym_at(text, toks, found[idx - 1].last + 1, ",")
            && found[idx - 1].last + 2 == found[idx].first;
        if !(goes_on || began) {
            continue;
        }
        let next = next.clone();
        let bare = &mut found[idx];
        bare.scale = shared_scale(bare.q.value, &next);
        bare.q.value *= bare.scale;
        bare.q.kind = next.q.kind;
        bare.q.unit = next.q.unit.clone();
    }
}

/// Numbers with modifiers of their own that share the head noun of the count after them:
/// `12 regional, 8 district and 40 village schools`, `3 new and 5 renovated clinics`. Each
/// takes the head's unit, and its text runs to its last modifier.
pub(super) fn link_shared_head(text: &str, toks: &[Tok], found: &mut [Parsed]) {
    let mut shares = vec![false; found.len()];
    for idx in (0..found.len().saturating_sub(1)).rev() {
        let next = &found[idx + 1];
        // The next count has a modifier between its number and its head noun.
        let modified = next.last >= next.first + 2 || shares[idx + 1];
        if next.q.kind != QuantityKind::Count || next.q.high.is_some() || !modified {
            continue;
        }
        let p = &found[idx];
        if p.q.kind != QuantityKind::Bare || toks[p.first].kind != TokKind::Num {
            continue;
        }
        let mut m = p.last + 1;
        while m < p.last + 4
            && toks.get(m).is_some_and(|t| {
                t.kind == TokKind::Word
                    && FUNCTION_WORD_IDS.get(t.id).is_none()
                    && t.text(text)
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'-')
            })
        {
            m += 1;
        }
        let separated = sym_at(text, toks, m, ",") || word_is(text, toks, m, &["and", "or"]);
        if m == p.last + 1 || !separated || next.first != m + 1 {
            continue;
        }
        let unit = next.q.unit.clone();
        let p = &mut found[idx];
        p.q.kind = QuantityKind::Count;
        p.q.unit = unit;
        p.last = m - 1;
        p.q.span[1] = toks[m - 1].end;
        p.q.text = text[p.q.span[0]..p.q.span[1]].to_string();
        shares[idx] = true;
    }
}

/// Nouns a number after them gives the size of: `a crowd of 41,000` is no count of the
/// sentence's things.
const GROUP_SIZES: &[&str] = &[
    "crowd",
    "crowds",
    "majority",
    "tally",
    "total",
    "population",
    "attendance",
    "turnout",
    "audience",
    "margin",
    "capacity",
    "workforce",
    "membership",
    "electorate",
];

/// A bare number counts what the last count before it in its sentence counts when the
/// sentence leaves the noun out: `67 million passengers, up from 61.5 million`, `27 people
/// were killed and more than 100 injured`. A scaled number takes only a scaled count
/// (`11.6 billion shares ... a 20-day average of 10.9 billion`); a money, percent or measure
/// figure in between ends the search, and so does a move in points (`412 points, or 1.1%, at
/// 38,904`, `down 38 points at 8,104`: an index's level); a group's size (`GROUP_SIZES`), a
/// rate's denominator and a number after a word of time or of a label (`in`, `since`, `No`)
/// are no count. The count is a fact of its own (`up from 7,800`: the earlier state).
pub(super) fn link_sentence_noun(text: &str, toks: &[Tok], found: &mut [Parsed]) {
    for idx in 1..found.len() {
        let p = &found[idx];
        // A count is whole: `lowered his ERA to 2.31` counts no innings.
        let whole = p.scale > 1.0 || p.q.value.fract() == 0.0;
        if p.q.kind != QuantityKind::Bare
            || p.in_words
            || !whole
            || toks[p.first].kind != TokKind::Num
        {
            continue;
        }
        let mut b = p.first;
        if let Some((n, _)) = LEXICONS.qualifiers.ending_at(text, toks, b.wrapping_sub(1)) {
            b -= n;
        }
        let joined = |t: usize| {
            toks.get(t)
                .is_some_and(|t| t.kind == TokKind::Sym && matches!(t.text(text), "-" | "/" | ":"))
        };
        // `crowds of 41,000`, `a majority of 6,102`, `her tally to 102`: the number sizes a
        // group, it does not count the sentence's things.
        let sizes_group = b >= 2
            && word_is(text, toks, b - 1, &["of", "to", "at"])
            && word_is(text, toks, b - 2, GROUP_SIZES);
        // `in 123`, `since 1999`, `No 7`, `number 12`: a time or a label, no count.
        if sizes_group
            || (b >= 1
                && word_is(
                    text,
                    toks,
                    b - 1,
                    &["per", "in", "since", "by", "until", "till", "no", "number"],
                ))
            || joined(p.last + 1)
            || joined(p.first.wrapping_sub(1))
        {
            continue;
        }
        let scaled = p.scale > 1.0;
        let mut donor = None;
        // A sentence is rarely longer than this: the walk back stays short in a table of
        // bare numbers.
        for q in found[..idx]
            .iter()
            .rev()
            .take_while(|q| q.next + 80 >= p.first)
        {
            // An index's level after its move in points is no number of points.
            if q.q.unit.as_deref() == Some("point") {
                break;
            }
            match q.q.kind {
                // `nearly double the 13,700`: a multiple compares the counts around it.
                QuantityKind::Bare
                | QuantityKind::Duration
                | QuantityKind::Age
                | QuantityKind::Multiplier => continue,
                // What a rate is per (`19 deaths per 100,000 live births`) is no donor.
                QuantityKind::Count
                    if q.first >= 1 && word_is(text, toks, q.first - 1, &["per"]) =>
                {
                    continue
                }
                QuantityKind::Count if !scaled || q.scale > 1.0 => {
                    donor = Some(q);
                    break;
                }
                QuantityKind::Count => continue,
                _ => break,
            }
        }
        let Some(donor) = donor else { continue };
        let same_sentence = (donor.next..p.first).all(|t| {
            !(toks[t].kind == TokKind::Sym && matches!(toks[t].text(text), "." | "!" | "?" | ";"))
        });
        if same_sentence {
            let unit = donor.q.unit.clone();
            found[idx].q.kind = QuantityKind::Count;
            found[idx].q.unit = unit;
        }
    }
}

/// The currency a word at `t` names when it stands alone, no amount's (`the euro held`,
/// `Sterling slipped`, `the Australian dollar`): its code and its number of tokens.
fn currency_named(text: &str, toks: &[Tok], t: usize) -> Option<(&'static str, usize)> {
    if toks.get(t)?.kind != TokKind::Word {
        return None;
    }
    let (n, c) = LEXICONS.currencies.starting_at(text, toks, t)?;
    let amount_before = t >= 1 && toks[t - 1].kind == TokKind::Num;
    let amount_after = toks.get(t + n).is_some_and(|t| t.kind == TokKind::Num);
    (c.factor == 1.0 && !amount_before && !amount_after).then_some((c.code, n))
}

/// Words before an amount that make it the level a currency reached: `to $1.2655`.
const LEVEL_BEFORE: &[&str] = &[
    "to", "at", "bought", "buys", "fetched", "past", "near", "below", "above",
];

/// `against the dollar`, `to the euro` at token `a`: the currency named and its last token.
fn against_currency(text: &str, toks: &[Tok], a: usize) -> Option<(&'static str, usize)> {
    if !word_is(text, toks, a, &["against", "to"]) || !word_is(text, toks, a + 1, &["the"]) {
        return None;
    }
    let at = a + 2;
    let (code, n) = currency_named(text, toks, at)?;
    Some((code, at + n - 1))
}

/// Prices of one currency in another, written `QUOTE/BASE` as `363.3 KZT/USD`: `the yen
/// weakened past 157 per dollar` (JPY/USD), `the rupee closed at 83.61 to the dollar`,
/// and an amount of one currency that another currency named before it in the sentence
/// reached (`Sterling slipped 0.3% to $1.2655`: USD/GBP; `the euro held at 85.9 pence`:
/// GBP/EUR). The search back stops at the sentence's start, at another amount of money, and
/// after twelve tokens.
/// Makes money `p` the price of currency `code`, its text running to token `last`; money
/// already in that currency stays as it is.
fn price_in(text: &str, toks: &[Tok], p: &mut Parsed, code: &str, last: usize) {
    let Some(unit) = p.q.unit.clone().filter(|u| u != code) else {
        return;
    };
    p.q.unit = Some(format!("{unit}/{code}"));
    p.q.kind = QuantityKind::ExchangeRate;
    p.q.per = None;
    p.last = last;
    p.q.span[1] = toks[last].end;
    p.q.text = text[p.q.span[0]..p.q.span[1]].to_string();
}

pub(super) fn link_exchange_rates(text: &str, toks: &[Tok], found: &mut [Parsed]) {
    for idx in 0..found.len() {
        let p = &found[idx];
        let (base, base_last, quote_of) = match p.q.kind {
            QuantityKind::Bare => {
                let a = p.last + 1;
                // `84.09/$`: the base currency's sign glued after a slash.
                let sign = (sym_at(text, toks, a, "/")
                    && toks.get(a + 1).is_some_and(|t| t.start == toks[a].end))
                .then(|| LEXICONS.currencies.starting_at(text, toks, a + 1))
                .flatten();
                if let Some((n, c)) = sign {
                    (c.code, a + n, None)
                } else if let Some((code, last)) = against_currency(text, toks, a) {
                    (code, last, None)
                } else if word_is(text, toks, a, &["per", "a", "an"]) {
                    let Some((code, n)) = currency_named(text, toks, a + 1) else {
                        continue;
                    };
                    (code, a + n, None)
                } else {
                    continue;
                }
            }
            // `firmed to R17.84 against the dollar`: a level priced in the currency named
            // after it (`gained 18 sen against the dollar` is a move, money).
            QuantityKind::Money
                if p.first >= 1
                    && word_is(text, toks, p.first - 1, LEVEL_BEFORE)
                    && against_currency(text, toks, p.last + 1).is_some() =>
            {
                let Some((code, last)) = against_currency(text, toks, p.last + 1) else {
                    continue;
                };
                price_in(text, toks, &mut found[idx], code, last);
                continue;
            }
            // `N1,482.6 per dollar`: an amount of one currency per another is its price.
            QuantityKind::Money
                if word_is(text, toks, p.last + 1, &["per"])
                    && currency_named(text, toks, p.last + 2).is_some() =>
            {
                let Some((code, n)) = currency_named(text, toks, p.last + 2) else {
                    continue;
                };
                let last = p.last + 1 + n;
                price_in(text, toks, &mut found[idx], code, last);
                continue;
            }
            QuantityKind::Money => {
                let to = p.first >= 1 && word_is(text, toks, p.first - 1, LEVEL_BEFORE);
                let Some(unit) = p.q.unit.as_deref().filter(|_| to) else {
                    continue;
                };
                (unit, p.last, Some(unit))
            }
            _ => continue,
        };
        let mut quote = None;
        let mut t = p.first;
        // The search stops after an amount of money before the number, unless the amount is
        // in the currency it finds (`The rupee weakened 14 paise to 83.47 against the US
        // dollar`: the rupee's move).
        let money_before: Vec<(usize, Option<&str>)> = found[..idx]
            .iter()
            .rev()
            .take_while(|q| q.next + 12 >= p.first)
            .filter(|q| q.q.kind == QuantityKind::Money)
            .map(|q| (q.last, q.q.unit.as_deref()))
            .collect();
        while t > 0 && p.first - t < 12 {
            t -= 1;
            let tok = toks[t];
            if tok.kind == TokKind::Sym && matches!(tok.text(text), "." | "!" | "?" | ";") {
                break;
            }
            let passed = |code: Option<&str>| {
                money_before
                    .iter()
                    .any(|&(end, unit)| t <= end && (code.is_none() || unit != code))
            };
            if passed(None) && quote_of.is_some() {
                break;
            }
            if let Some((code, n)) = currency_named(text, toks, t) {
                if t + n <= p.first && code != base {
                    if !passed(Some(code)) {
                        quote = Some(code);
                    }
                    break;
                }
            }
        }
        let Some(named) = quote else { continue };
        let (unit, last) = match quote_of {
            // An amount: its own currency is the price, the one named the good priced.
            Some(amount) => (format!("{amount}/{named}"), base_last),
            None => (format!("{named}/{base}"), base_last),
        };
        let p = &mut found[idx];
        p.q.kind = QuantityKind::ExchangeRate;
        p.q.unit = Some(unit);
        p.q.per = None;
        p.last = last;
        p.q.span[1] = toks[last].end;
        p.q.text = text[p.q.span[0]..p.q.span[1]].to_string();
    }
}

/// Ages listed after the first: `aged 19, 22 and 31`, `aged 17 and 18`, and the age a change
/// reached or left (`the retirement age from 62 to 64`, `lowered the age to 25 from 27`).
pub(super) fn link_age_lists(text: &str, toks: &[Tok], found: &mut [Parsed]) {
    for idx in 1..found.len() {
        let (prev, p) = (&found[idx - 1], &found[idx]);
        let joined = p.first == prev.next + 1
            && (sym_at(text, toks, prev.next, ",")
                || word_is(text, toks, prev.next, &["and", "or", "to", "from"]));
        if prev.q.kind == QuantityKind::Age
            && prev.q.high.is_none()
            && p.q.kind == QuantityKind::Bare
            && !p.in_words
            && joined
            && p.q.value.fract() == 0.0
            && (1.0..=120.0).contains(&p.q.value)
        {
            found[idx].q.kind = QuantityKind::Age;
            found[idx].q.unit = Some("year".to_string());
        }
    }
}

/// The unit a table's header gives the bare numbers after it in its sentence: `in crore
/// rupees: revenue 9,842 (8,917)`, `(in ₹ crore)`, `in £m:`, `in tonnes:`. The header is
/// `in`, a currency with its scale or a unit, and a colon or a closing bracket.
pub(super) fn link_table_header(text: &str, toks: &[Tok], found: &mut Vec<Parsed>) {
    let lex = &*LEXICONS;
    // A header comes before the last bare number it gives a unit.
    let Some(end) = found
        .iter()
        .rev()
        .find(|p| p.q.kind == QuantityKind::Bare && !p.in_words)
        .map(|p| p.first)
    else {
        return;
    };
    let in_id = crate::vocabulary::word_id("in");
    let mut h = 0;
    while h < end {
        if toks[h].id != in_id || toks[h].kind != TokKind::Word {
            h += 1;
            continue;
        }
        let a = h + 1;
        let scale_at = |t: usize| {
            lex.scales
                .starting_at(text, toks, t)
                .map(|(n, s)| (n, s.factor))
        };
        let header = if let Some((n, c)) = lex
            .currencies
            .starting_at(text, toks, a)
            .filter(|(_, c)| c.position != crate::lexicon::Position::After && c.factor == 1.0)
        {
            // `₹ crore`, `$ millions`, `£m`.
            let (m, factor) = scale_at(a + n).unwrap_or((0, 1.0));
            Some((a + n + m, factor, QuantityKind::Money, c.code))
        } else if let Some((n, factor)) = scale_at(a) {
            // `crore rupees`, `millions of dollars`.
            let of = usize::from(word_is(text, toks, a + n, &["of"]));
            lex.currencies
                .starting_at(text, toks, a + n + of)
                .filter(|(_, c)| c.position != crate::lexicon::Position::Before && c.factor == 1.0)
                .map(|(m, c)| (a + n + of + m, factor, QuantityKind::Money, c.code))
        } else if let Some((n, c)) = lex.currencies.starting_at(text, toks, a) {
            (c.factor == 1.0).then_some((a + n, 1.0, QuantityKind::Money, c.code))
        } else {
            lex.units
                .starting_at(text, toks, a)
                .map(|(n, u)| (a + n, 1.0, quantity_kind(u.kind), u.unit))
        };
        let Some((close, factor, kind, unit)) = header else {
            h += 1;
            continue;
        };
        if !(sym_at(text, toks, close, ":") || sym_at(text, toks, close, ")")) {
            h += 1;
            continue;
        }
        // `in $ millions`: the header's words are no figure.
        found.retain(|p| !(p.first > h && p.last < close));
        for p in found.iter_mut().filter(|p| p.first > close) {
            let ends = (close..p.first).any(|t| {
                toks[t].kind == TokKind::Sym && matches!(toks[t].text(text), "." | "!" | "?")
                    || text[toks[t].end..toks[t + 1].start].contains('\n')
            });
            if ends {
                break;
            }
            if p.q.kind == QuantityKind::Bare && !p.in_words && toks[p.first].kind == TokKind::Num {
                p.q.value *= factor;
                p.scale = factor;
                p.q.kind = kind;
                p.q.unit = Some(unit.to_string());
            }
        }
        h = close + 1;
    }
}
