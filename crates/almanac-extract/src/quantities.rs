//! Quantities: a number with its scale, unit, qualifier, direction, rate and equivalents.
//!
//! ```text
//! quantity    := qualifier? currency? number scale? unit? rate? equivalent?
//! number      := digits | number-words | fraction "of" | ordinal (after a rank cue)
//! unit        := currency | percent | measure | duration | ... | modifier{0,3} counted-noun
//! equivalent  := "(" qualifier? quantity ")"          15 billion tenge ($33.7 million)
//! ```
//! Every quantity the text holds is found, fact-worthy or not: a duration or an age is
//! recognised precisely so that it is never taken for a development figure. Years, dates,
//! clock times and numbers inside names are not quantities at all.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;

use crate::data;
use crate::fact::{Direction, Equivalent, Qualifier};
use crate::lexicon::{ByWord, Position, UnitKind, LEXICONS};
use crate::numbers::{parse_digits, parse_words};
use crate::tokens::{lower, tokenize, word_is, words, words_of, Tok, TokKind};
use crate::vocabulary::{vocabulary_size, word_id, UNKNOWN};

/// What sort of thing a quantity counts or measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    Money,
    Percent,
    Count,
    Measure,
    Rank,
    Multiplier,
    Duration,
    Age,
    Temperature,
    Speed,
    Data,
    /// A number with no unit of its own.
    Bare,
}

impl QuantityKind {
    /// Whether FACTS.md counts a quantity of this kind as a figure.
    pub fn is_figure(self) -> bool {
        matches!(
            self,
            QuantityKind::Money
                | QuantityKind::Percent
                | QuantityKind::Count
                | QuantityKind::Measure
                | QuantityKind::Rank
                | QuantityKind::Multiplier
        )
    }
}

/// One quantity in the text. In JSON a range's `value` is `[low, high]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: [usize; 2],
    pub text: String,
    pub value: f64,
    /// The upper end of a range (`25-40 minutes`); `value` is its lower end.
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub kind: QuantityKind,
    pub qualifier: Option<Qualifier>,
    pub direction: Option<Direction>,
    pub per: Option<String>,
    pub equivalents: Vec<Equivalent>,
    /// Whether FACTS.md counts it as a figure (money, percent, counts, measures, ranks).
    pub fact_worthy: bool,
    /// For a share written as a fraction (`half of`): true. Such figures are shares.
    pub fraction: bool,
}

impl Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Value {
            One(f64),
            Range([f64; 2]),
        }
        #[derive(Serialize)]
        struct Out<'a> {
            span: [usize; 2],
            text: &'a str,
            value: Value,
            unit: &'a Option<String>,
            kind: QuantityKind,
            qualifier: Option<Qualifier>,
            direction: Option<Direction>,
            per: &'a Option<String>,
            equivalents: &'a [Equivalent],
            fact_worthy: bool,
        }
        Out {
            span: self.span,
            text: &self.text,
            value: match self.high {
                Some(high) => Value::Range([self.value, high]),
                None => Value::One(self.value),
            },
            unit: &self.unit,
            kind: self.kind,
            qualifier: self.qualifier,
            direction: self.direction,
            per: &self.per,
            equivalents: &self.equivalents,
            fact_worthy: self.fact_worthy,
        }
        .serialize(serializer)
    }
}

pub(crate) static FUNCTION_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    data::FUNCTION_WORDS
        .load(|r| Ok(r.get(0)))
        .into_iter()
        .collect()
});

/// `FUNCTION_WORDS` by word number.
static FUNCTION_WORD_IDS: LazyLock<ByWord<()>> =
    LazyLock::new(|| ByWord::new(FUNCTION_WORDS.iter().map(|&w| (w, ()))));

/// The words and symbols a quantity can start with when it does not start with digits:
/// currency signs and codes, number words, ordinals, fractions; indexed by `WordId`.
pub(crate) static STARTERS: LazyLock<Vec<bool>> = LazyLock::new(|| {
    let lex = &*LEXICONS;
    let mut starters = vec![false; vocabulary_size()];
    let mut add = |phrase: &str| {
        if let Some(first) = words_of(phrase).first() {
            starters[first.id as usize] = true;
        }
    };
    for (form, position) in data::CURRENCIES.load(|r| Ok((r.get(0), r.get(2)))) {
        if position != "after" {
            add(form);
        }
    }
    for form in data::FRACTIONS.load(|r| Ok(r.get(0))) {
        add(form);
    }
    lex.number_words.keys().for_each(|w| add(w));
    lex.ordinals.keys().for_each(|w| add(w));
    add("a");
    starters[UNKNOWN as usize] = false;
    starters
});

fn may_start(text: &str, tok: &Tok) -> bool {
    match tok.kind {
        TokKind::Num => true,
        TokKind::Word | TokKind::Sym => {
            let starters = &*STARTERS;
            if starters[tok.id as usize] {
                return true;
            }
            let w = tok.text(text);
            // `twenty-nine` starts with a number word; `twofold` ends in `fold`.
            // A byte search: `split_once` costs more than the whole test for a short word.
            let head_starts = tok.hyphen
                && w.bytes()
                    .position(|b| b == b'-')
                    .is_some_and(|k| starters[word_id(&w[..k]) as usize]);
            head_starts || (w.len() > 4 && w.ends_with("fold"))
        }
    }
}

/// Finds the quantities in `text[range]`, in text order.
pub fn find(text: &str, range: Range<usize>) -> Vec<Quantity> {
    find_in(text, &words(text, &tokenize(text, range)))
}

/// Finds the quantities among `toks`, the tokens of a stretch of `text`.
pub(crate) fn find_in(text: &str, toks: &[Tok]) -> Vec<Quantity> {
    let mut found: Vec<Parsed> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start(text, &toks[i]) {
            i += 1;
            continue;
        }
        match parse_at(text, toks, i, true) {
            Some(p) => {
                i = p.next;
                found.push(p);
            }
            None => i += 1,
        }
    }
    link_bare_numbers(text, toks, &mut found);
    found
        .into_iter()
        .map(|mut p| {
            p.q.fact_worthy = p.q.kind.is_figure();
            p.q
        })
        .collect()
}

/// A quantity with the token positions the linking rules need.
#[derive(Debug, Clone)]
struct Parsed {
    q: Quantity,
    /// First token of the figure's text (the currency sign or the number).
    first: usize,
    /// Last token of the figure's text.
    last: usize,
    /// The token after everything consumed (an equivalent in brackets included).
    next: usize,
    /// Written in words (`five`), not digits: a bare one is dropped.
    in_words: bool,
}

/// Whether `word` ends with `suffix` (lower-case ASCII) in any ASCII case.
fn ends_with_ignore_case(word: &str, suffix: &str) -> bool {
    let (w, x) = (word.as_bytes(), suffix.as_bytes());
    w.len() >= x.len() && w[w.len() - x.len()..].eq_ignore_ascii_case(x)
}

fn word_at<'t>(text: &'t str, toks: &[Tok], i: usize) -> Option<std::borrow::Cow<'t, str>> {
    toks.get(i)
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| lower(t.text(text)))
}

fn sym_at(text: &str, toks: &[Tok], i: usize, s: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == TokKind::Sym && t.text(text) == s)
}

fn adjacent(toks: &[Tok], a: usize, b: usize) -> bool {
    toks[a].end == toks[b].start
}

fn is_month(toks: &[Tok], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == TokKind::Word && LEXICONS.month_ids.get(t.id).is_some())
}

/// Whether token `i` is a word and an ordinal (`fifth`).
fn ordinal_at(toks: &[Tok], i: usize) -> Option<f64> {
    toks.get(i)
        .filter(|t| t.kind == TokKind::Word)
        .and_then(|t| LEXICONS.ordinal_ids.get(t.id))
}

fn starts_number(text: &str, toks: &[Tok], i: usize) -> bool {
    match toks.get(i) {
        Some(t) if t.kind == TokKind::Num => true,
        Some(_) => parse_words(text, toks, i).is_some(),
        None => false,
    }
}

/// Parses a quantity whose text starts at token `i` (a currency sign or a number).
fn parse_at(text: &str, toks: &[Tok], i: usize, with_equivalent: bool) -> Option<Parsed> {
    let lex = &*LEXICONS;
    let mut j = i;
    let mut currency: Option<&'static str> = None;
    if toks[j].kind != TokKind::Num {
        if let Some((n, c)) = lex.currencies.starting_at(text, toks, j) {
            if c.position != Position::After && starts_number(text, toks, j + n) {
                currency = Some(c.code);
                j += n;
            }
        }
    }
    if currency.is_none() {
        if let Some(p) = parse_rank(text, toks, j)
            .or_else(|| parse_fraction(text, toks, j))
            .or_else(|| parse_fold_word(text, toks, j))
        {
            return Some(p);
        }
    }

    // The number itself.
    let num = toks[j];
    let (mut value, mut k, in_words) = if num.kind == TokKind::Num {
        if !is_figure_number(text, toks, j) {
            return None;
        }
        let mut value = parse_digits(num.text(text))?;
        let mut k = j + 1;
        // `1 074`: digit groups separated by a space.
        while value < 1000.0
            && num.text(text).len() <= 3
            && k < toks.len()
            && toks[k].kind == TokKind::Num
            && toks[k].text(text).len() == 3
            && toks[k].text(text).bytes().all(|b| b.is_ascii_digit())
            && text[toks[k - 1].end..toks[k].start].chars().count() == 1
        {
            value = value * 1000.0 + parse_digits(toks[k].text(text))?;
            k += 1;
        }
        (value, k, false)
    } else {
        let (value, n) = parse_words(text, toks, j)?;
        (value, j + n, true)
    };

    // A 4-digit year stands alone: it is a figure only with a scale, currency or measure.
    let year_like = !in_words
        && currency.is_none()
        && k == j + 1
        && num.text(text).len() == 4
        && num.text(text).bytes().all(|b| b.is_ascii_digit())
        && (1900.0..=2100.0).contains(&value);

    let mut last = k - 1;
    let mut scaled = false;
    if let Some((n, scale)) = lex.scales.starting_at(text, toks, k) {
        // `th`-like and one-letter scales only right after a currency sign: `$5m`, not `5 m`.
        let ok = !scale.weak || (currency.is_some() && adjacent(toks, k - 1, k));
        // `thousands of` is vague, not a scale of this number.
        let vague = toks
            .get(k)
            .is_some_and(|t| t.kind == TokKind::Word && ends_with_ignore_case(t.text(text), "s"))
            && word_is(text, toks, k + n, &["of"]);
        if ok && !vague {
            value *= scale.factor;
            last = k + n - 1;
            k += n;
            scaled = true;
        }
    }

    let mut kind = QuantityKind::Bare;
    let mut unit: Option<String> = None;
    if let Some(code) = currency {
        kind = QuantityKind::Money;
        unit = Some(code.to_string());
    } else if let Some((n, c)) = lex.currencies.starting_at(text, toks, k) {
        if c.position != Position::Before {
            kind = QuantityKind::Money;
            unit = Some(c.code.to_string());
            last = k + n - 1;
            k += n;
        }
    }
    if kind == QuantityKind::Bare {
        // `2.5-fold`, `45-year-old`: a unit joined by a hyphen.
        let at = if sym_at(text, toks, k, "-")
            && k + 1 < toks.len()
            && adjacent(toks, k - 1, k)
            && adjacent(toks, k, k + 1)
        {
            k + 1
        } else {
            k
        };
        if let Some((n, u)) = lex.units.starting_at(text, toks, at) {
            kind = match u.kind {
                UnitKind::Percent => QuantityKind::Percent,
                UnitKind::Measure => QuantityKind::Measure,
                UnitKind::Multiplier => QuantityKind::Multiplier,
                UnitKind::Duration => QuantityKind::Duration,
                UnitKind::Age => QuantityKind::Age,
                UnitKind::Temperature => QuantityKind::Temperature,
                UnitKind::Speed => QuantityKind::Speed,
                UnitKind::Data => QuantityKind::Data,
            };
            unit = Some(u.unit.to_string());
            last = at + n - 1;
            k = at + n;
        }
    }
    if kind == QuantityKind::Bare {
        if let Some((head_last, lemma)) = counted_noun(text, toks, k) {
            kind = QuantityKind::Count;
            unit = Some(lemma);
            last = head_last;
            k = head_last + 1;
        }
    }
    if year_like
        && !scaled
        && !matches!(
            kind,
            QuantityKind::Money | QuantityKind::Percent | QuantityKind::Measure
        )
    {
        return None;
    }

    let first = i;
    let qualifier = qualifier_before(text, toks, first);
    let direction = direction_before(text, toks, first).or_else(|| direction_after(text, toks, k));
    let per = per_after(text, toks, k).or_else(|| per_before(text, toks, first));

    let mut next = k;
    let mut equivalents = Vec::new();
    if with_equivalent && kind != QuantityKind::Bare {
        if let Some((eq, after)) = equivalent_at(text, toks, k, kind) {
            equivalents.push(eq);
            next = after;
        }
    }

    let span = [toks[first].start, toks[last].end];
    Some(Parsed {
        q: Quantity {
            span,
            text: text[span[0]..span[1]].to_string(),
            value,
            high: None,
            unit,
            kind,
            qualifier,
            direction,
            per,
            equivalents,
            fact_worthy: false,
            fraction: false,
        },
        first,
        last,
        next,
        in_words,
    })
}

/// Whether the digits at `j` can be a figure at all: not part of a date, a clock time, a
/// name (`Section 4`, `COVID-19`) or an ordinal suffix handled elsewhere.
fn is_figure_number(text: &str, toks: &[Tok], j: usize) -> bool {
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
        // `COVID-19` (a name) or `2024-25` (a span of years).
        let before = toks[j - 2];
        if before.kind == TokKind::Word {
            return false;
        }
        if before.kind == TokKind::Num && before.text(text).len() == 4 {
            return false;
        }
    }
    // `Section 4`, `Strategy 2050`, `No. 5`: a capitalised naming word before.
    let name_at = if j >= 2 && sym_at(text, toks, j - 1, ".") {
        j - 2
    } else {
        j.wrapping_sub(1)
    };
    if let Some(t) = toks.get(name_at) {
        let w = t.text(text);
        if t.kind == TokKind::Word
            && w.chars().next().is_some_and(char::is_uppercase)
            && lex.number_name_ids.get(t.id).is_some()
        {
            return false;
        }
    }
    true
}

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
        },
        first,
        last,
        next: last + 1,
        in_words: true,
    }
}

/// `ranks fifth`, `came in second`, `took third place`, `ranked 1st`.
fn parse_rank(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    let lex = &*LEXICONS;
    let (value, last) = match toks.get(j)?.kind {
        TokKind::Word => (ordinal_at(toks, j)?, j),
        TokKind::Num => {
            if !word_is(text, toks, j + 1, &["st", "nd", "rd", "th"]) || !adjacent(toks, j, j + 1) {
                return None;
            }
            (parse_digits(toks[j].text(text))?, j + 1)
        }
        TokKind::Sym => return None,
    };
    let cue_before = j >= 1 && lex.rank_cues.ending_at(text, toks, j - 1).is_some();
    let place_after = word_is(text, toks, last + 1, &["place", "position"]);
    if !cue_before && !place_after {
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

/// `twofold`, `threefold`: a multiplier written as one word.
fn parse_fold_word(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
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

/// `the number of operating SMEs ... reached 2.1 million`: the noun counted, named before
/// a bare number in the same sentence.
fn number_of_noun(text: &str, toks: &[Tok], bare_first: usize) -> Option<String> {
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

/// `half of`, `a third of`: a share in percent. Not `the first half of 2021` (a time).
fn parse_fraction(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    let (n, &value) = LEXICONS.fractions.starting_at(text, toks, j)?;
    let last = j + n - 1;
    if !word_is(text, toks, last + 1, &["of"]) {
        return None;
    }
    if j >= 1 && ordinal_at(toks, j - 1).is_some() {
        return None;
    }
    if toks.get(last + 2).is_some_and(|t| t.kind == TokKind::Num) {
        return None;
    }
    let qualifier = qualifier_before(text, toks, j);
    let mut p = word_figure(
        text,
        toks,
        j..=last,
        value,
        "%",
        QuantityKind::Percent,
        qualifier,
        None,
    );
    p.q.fraction = true;
    Some(p)
}

/// A counted noun after the number: up to three modifiers, then a head noun from the
/// lexicon (`84 investment projects`, `152 small and medium-sized businesses`), or else a
/// plural noun reduced to its singular by rule. Returns the head's last token and the lemma.
fn counted_noun(text: &str, toks: &[Tok], k: usize) -> Option<(usize, String)> {
    let lex = &*LEXICONS;
    let mut m = k;
    let mut fallback: Option<(usize, String)> = None;
    while m < toks.len() && m < k + 4 {
        if let Some((n, lemma)) = lex.counted_nouns.starting_at(text, toks, m) {
            return Some((m + n - 1, lemma.to_string()));
        }
        let tok = toks[m];
        if tok.kind != TokKind::Word {
            break;
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
                fallback = Some((m, lemma));
                // A plural noun ends the phrase: `5 companies produce` counts companies.
                break;
            }
        }
        m += 1;
    }
    fallback
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
    for suffix in ["ses", "xes", "zes", "ches", "shes"] {
        if w.ends_with(suffix) {
            return Some(w[..w.len() - 2].to_string());
        }
    }
    Some(w[..w.len() - 1].to_string())
}

fn qualifier_before(text: &str, toks: &[Tok], first: usize) -> Option<Qualifier> {
    if first == 0 {
        return None;
    }
    LEXICONS
        .qualifiers
        .ending_at(text, toks, first - 1)
        .map(|(_, q)| *q)
}

/// `grew 32.8%`, `increased by more than 5%`, `an increase of 32.7 percent`.
fn direction_before(text: &str, toks: &[Tok], first: usize) -> Option<Direction> {
    let mut b = first;
    if b >= 1 {
        if let Some((n, _)) = LEXICONS.qualifiers.ending_at(text, toks, b - 1) {
            b -= n;
        }
    }
    // `grew by 5%`, `an increase of 5%`, `the highest growth, 13.3 percent`.
    if b >= 1 && (word_is(text, toks, b - 1, &["by", "of"]) || sym_at(text, toks, b - 1, ",")) {
        b -= 1;
    }
    if b == 0 {
        return None;
    }
    // `makes up 61 percent`, `took up 5%`: a phrasal verb, not a move upwards.
    if word_is(text, toks, b - 1, &["up"])
        && b >= 2
        && word_is(
            text,
            toks,
            b - 2,
            &[
                "make", "makes", "made", "making", "take", "takes", "took", "taking", "taken",
                "sum", "sums", "summed", "end", "ended", "ends",
            ],
        )
    {
        return None;
    }
    LEXICONS
        .directions_before
        .ending_at(text, toks, b - 1)
        .map(|(_, d)| *d)
}

/// `a 73.2% increase`, `a 6.3% year-over-year rise`.
fn direction_after(text: &str, toks: &[Tok], k: usize) -> Option<Direction> {
    let mut a = k;
    // No character but an ASCII letter lower-cases to one of these: comparing the bytes
    // without regard to ASCII case is comparing the lower-case words.
    if toks.get(a).is_some_and(|t| {
        let w = t.text(text).as_bytes();
        t.kind == TokKind::Word
            && (w.windows(4).any(|c| c.eq_ignore_ascii_case(b"year"))
                || [&b"y-o-y"[..], b"yoy", b"annual"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x)))
    }) {
        a += 1;
    }
    LEXICONS
        .directions_after
        .starting_at(text, toks, a)
        .map(|(_, d)| *d)
}

/// `25,000 tons of products annually`, `100,000 kilometers of cable per year`.
fn per_after(text: &str, toks: &[Tok], k: usize) -> Option<String> {
    for a in k..(k + 4).min(toks.len()) {
        if let Some((_, per)) = LEXICONS.per.starting_at(text, toks, a) {
            return Some(per.to_string());
        }
        let t = toks[a];
        if t.kind != TokKind::Word || starts_number(text, toks, a) {
            break;
        }
    }
    None
}

/// `Every day, more than 200 thousand cars ...`: a rate opening the clause.
fn per_before(text: &str, toks: &[Tok], first: usize) -> Option<String> {
    let mut b = first;
    if b >= 1 {
        if let Some((n, _)) = LEXICONS.qualifiers.ending_at(text, toks, b - 1) {
            b -= n;
        }
    }
    if b >= 1 && sym_at(text, toks, b - 1, ",") {
        b -= 1;
    }
    if b == 0 {
        return None;
    }
    let (n, per) = LEXICONS.per.ending_at(text, toks, b - 1)?;
    let start = b - n;
    let opens = start == 0 || toks[start - 1].kind == TokKind::Sym;
    opens.then(|| per.to_string())
}

/// `($33.7 million)` or `(about US$110 million)` after a quantity of the same kind.
fn equivalent_at(
    text: &str,
    toks: &[Tok],
    k: usize,
    kind: QuantityKind,
) -> Option<(Equivalent, usize)> {
    if !sym_at(text, toks, k, "(") {
        return None;
    }
    let mut a = k + 1;
    if let Some((n, _)) = LEXICONS.qualifiers.starting_at(text, toks, a) {
        a += n;
    }
    if word_is(text, toks, a, &["or"]) {
        a += 1;
    }
    if a >= toks.len() {
        return None;
    }
    let inner = parse_at(text, toks, a, false)?;
    if inner.q.kind != kind || !sym_at(text, toks, inner.next, ")") {
        return None;
    }
    let unit = inner.q.unit?;
    Some((
        Equivalent {
            value: inner.q.value,
            unit,
        },
        inner.next + 1,
    ))
}

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
fn link_bare_numbers(text: &str, toks: &[Tok], found: &mut Vec<Parsed>) {
    let mut idx = 0;
    while idx < found.len() {
        if found[idx].q.kind != QuantityKind::Bare {
            idx += 1;
            continue;
        }
        let bare = BareNumber::of(&found[idx]);
        let after = bare.last + 1;
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
        let partner = found
            .get(idx + 1)
            .filter(|p| p.first == after + 1 && p.q.kind != QuantityKind::Bare);
        if let Some(partner) = partner.filter(|_| range_word || list_word).cloned() {
            {
                let from_before = bare.first >= 1 && word_is(text, toks, bare.first - 1, &["from"]);
                let change_verb = from_before
                    && (bare.first.saturating_sub(6)..bare.first - 1).any(|t| {
                        LEXICONS
                            .directions_before
                            .starting_at(text, toks, t)
                            .is_some()
                    });
                let between = bare.first >= 1 && word_is(text, toks, bare.first - 1, &["between"]);
                let q = &mut found[idx].q;
                q.kind = partner.q.kind;
                q.unit = partner.q.unit.clone();
                if partner.q.kind == QuantityKind::Money
                    && bare.value < partner.q.value
                    && partner.q.value / bare.value.max(1e-9) > 1e3
                {
                    // `5 to 7 billion tenge`: the scale is shared too.
                    let scale = partner.q.value / partner_digits(text, toks, &partner);
                    q.value *= scale;
                }
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
            if let Some(lemma) = number_of_noun(text, toks, bare.first) {
                found[idx].q.kind = QuantityKind::Count;
                found[idx].q.unit = Some(lemma);
            }
        }
        if found[idx].q.kind == QuantityKind::Bare && found[idx].in_words {
            found.remove(idx);
            continue;
        }
        idx += 1;
    }
}

/// The number a quantity was written with, before its scale (`7` of `7 billion tenge`).
fn partner_digits(text: &str, toks: &[Tok], p: &Parsed) -> f64 {
    (p.first..=p.last)
        .find(|&t| toks[t].kind == TokKind::Num)
        .and_then(|t| parse_digits(toks[t].text(text)))
        .filter(|v| *v > 0.0)
        .unwrap_or(p.q.value)
}

#[cfg(test)]
mod tests;
