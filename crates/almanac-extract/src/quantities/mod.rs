//! Quantities: a number with its scale, unit, qualifier, direction, rate and equivalents.
//!
//! ```text
//! quantity    := qualifier? sign? currency? number scale? unit? rate? equivalent?
//! sign        := "-" | "−" | "+" | "minus"            glued to the figure: -1.3%, minus 40
//! number      := digits exponent? | number-words | fraction "of" | ordinal (after a rank cue)
//! digits      := group (space group3)*                1 500 000 (any space, or &nbsp;)
//! exponent    := "e" int | ("×" | "x") "10^" int | "10−" int       1.99e30, 1.99×10^30
//! unit        := currency | percent | measure | duration | ... | modifier{0,3} counted-noun
//! equivalent  := "(" qualifier? quantity ")"          15 billion tenge ($33.7 million)
//! range       := quantity ("to" | "-" | "and" after "between") quantity   $160 to $180
//! list        := number ("," number)* ("," | "and" | "or") quantity        9.58, 9.63 and 9.69 s
//! ```
//! Every quantity the text holds is found, fact-worthy or not: a duration or an age is
//! recognised precisely so that it is never taken for a development figure. Years, dates,
//! clock times and numbers inside names are not quantities at all.
//!
//! `find_in` reads a paragraph's words in passes, one module each:
//!
//! 1. **A quantity at each token that may start one** (`quantity`): a figure written as a
//!    word first (`word_figures`: ranks, multipliers, fractions, `six-year`), else a number
//!    in digits (`number`: groups, exponents, signs) or in words, unless its digits belong
//!    to a date, a clock time or a name (`non_quantities`); then its scale, its unit or
//!    counted noun (`units`), and the qualifier, direction, rate and equivalent around it.
//! 2. **Links** (`links`): ranges, lists, and bare numbers given the unit of the figure
//!    they go with.
//! 3. **Labels and scores** left out (`non_quantities`), and the figures marked
//!    fact-worthy.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;

use crate::data;
use crate::fact::{Direction, Equivalent, Qualifier};
use crate::lexicon::{ByWord, LEXICONS};
use crate::numbers::parse_words;
use crate::tokens::{lower, tokenize, word_is, words, words_of, Tok, TokKind};
use crate::vocabulary::{vocabulary_size, word_id, UNKNOWN};

mod links;
mod non_quantities;
mod number;
pub(crate) use number::sign_before;
mod quantity;
mod units;
mod word_figures;

use links::{
    link_age_lists, link_bare_numbers, link_exchange_rates, link_ranges, link_sentence_noun,
    link_series, link_shared_head, link_table_header,
};
use non_quantities::is_label;
use quantity::parse_at;
use word_figures::MULTIPLIER_WORDS;

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
    /// A price of one currency in another: `363.28 USD/KZT`. Feed furniture, no figure.
    ExchangeRate,
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
    /// Money written with `$` or `dollars` alone, which `resolve_dollars` may give another
    /// dollar currency than USD.
    pub bare_dollar: bool,
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
    MULTIPLIER_WORDS.keys().for_each(|w| add(w));
    lex.number_words.keys().for_each(|w| add(w));
    lex.ordinals.keys().for_each(|w| add(w));
    for vague in [
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "tens",
    ] {
        add(vague);
    }
    add("a");
    starters[UNKNOWN as usize] = false;
    starters
});

fn may_start(text: &str, tok: &Tok) -> bool {
    match tok.kind {
        TokKind::Num => true,
        TokKind::Sym if number::vulgar_fraction(text, tok).is_some() => true,
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
    link_ranges(text, toks, &mut found);
    link_age_lists(text, toks, &mut found);
    link_bare_numbers(text, toks, &mut found);
    link_series(text, toks, &mut found);
    link_shared_head(text, toks, &mut found);
    // A score's second number follows its first out.
    let mut score_end = None;
    found.retain(|p| {
        if score_end == Some(p.first) {
            return false;
        }
        if is_label(text, toks, p) {
            if sym_at(text, toks, p.last + 1, "-")
                || sym_at(text, toks, p.last + 1, "\u{2013}")
                || word_is(text, toks, p.last + 1, &["to"])
            {
                score_end = Some(p.last + 2);
            }
            return false;
        }
        true
    });
    link_table_header(text, toks, &mut found);
    link_sentence_noun(text, toks, &mut found);
    link_exchange_rates(text, toks, &mut found);
    found
        .into_iter()
        // `per 1,000 people`, `per one job`, `for every $10,000 invested`: what a rate is
        // per, no quantity of its own.
        .filter(|p| {
            !(p.first >= 1 && word_is(text, toks, p.first - 1, &["per"])
                || p.first >= 2
                    && word_is(text, toks, p.first - 1, &["every", "each"])
                    && word_is(text, toks, p.first - 2, &["for"]))
        })
        .map(|mut p| {
            // `the price of one square metre`, `one of them`: one written as a word is the
            // unit a price is given for, or a thing told of, never a figure the ledger counts.
            let lone_one = p.in_words && p.q.value == 1.0 && word_is(text, toks, p.first, &["one"]);
            p.q.fact_worthy = p.q.kind.is_figure() && !p.unread_by_facts && !lone_one;
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
    /// The scale the number was multiplied by (`million`: 1e6), 1 when none.
    scale: f64,
    /// A figure `--all-quantities` reads but the fact layer's metric, measure and period
    /// rules do not yet: a fraction in words with neither `of` and its whole after it nor
    /// `by` before it (`a fifth less`; `one in eight women`) and a vague plural (`hundreds of
    /// prisoners`, no measurement). No fact is made of it.
    unread_by_facts: bool,
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

/// Whether tokens `a` and `b` touch; false past the end.
fn adjacent(toks: &[Tok], a: usize, b: usize) -> bool {
    toks.get(a)
        .zip(toks.get(b))
        .is_some_and(|(x, y)| x.end == y.start)
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

/// A share written as a fraction (`a third of`, `by a fifth`, `one in eight`) as
/// `--all-quantities` gives it: the bare share (0.3333333333, no unit), not the percent the
/// fact layer reads (`33.3 %`). The percent of the fractions table is rounded (`33.3`): the
/// share is the nearest fraction of a denominator up to 12.
pub fn fraction_as_share(q: &mut Quantity) {
    if !q.fraction {
        return;
    }
    let share = q.value / 100.0;
    q.value = (2..=12)
        .map(f64::from)
        .find(|d| ((share * d).round() - share * d).abs() < 0.002 * d)
        .map_or(share, |d| (share * d).round() / d);
    q.unit = None;
    q.kind = QuantityKind::Bare;
}

/// A fall by a multiple (`halved`, `fell threefold`) as `--all-quantities` gives it: the
/// factor the level was multiplied by (0.5, 0.3333333333 times), as a rise's is (`doubled`
/// 2). The fact layer keeps the multiple and the direction down, as Russian `снизился в 2
/// раза` is read.
pub fn fall_as_factor(q: &mut Quantity) {
    if q.kind == QuantityKind::Multiplier && q.direction == Some(Direction::Down) && q.value > 1.0 {
        q.value = 1.0 / q.value;
    }
}

/// The dollars a text means by `$` or `dollars` alone: USD, unless the text writes money
/// in exactly one other dollar (`A$`, `C$`, `HK$`, `NZ$`, `S$`, `NT$`, `Australian dollars`)
/// and never names the US dollar (`US$`, `USD`, `US dollars`); then that one. A country's
/// name alone does not decide it: Central-Asian and most other news outside the dollar
/// countries quotes US dollars as `$`. Applied to a whole document's quantities.
/// Cents alone (`45c a litre`, `20 cents`) are the cents of that one other dollar too, or of
/// the rand when the text writes money in the rand alone.
pub fn resolve_dollars(paragraphs: &mut [Vec<Quantity>]) {
    const DOLLARS: &[&str] = &["AUD", "CAD", "HKD", "NZD", "SGD", "TWD"];
    const CENTS: &[&str] = &["AUD", "CAD", "HKD", "NZD", "SGD", "TWD", "ZAR"];
    let sole = |currencies: &[&'static str]| -> Option<&'static str> {
        let mut other: Option<&'static str> = None;
        let written = paragraphs
            .iter()
            .flatten()
            .filter(|q| q.kind == QuantityKind::Money && !q.bare_dollar)
            .flat_map(|q| q.unit.iter().chain(q.equivalents.iter().map(|e| &e.unit)));
        for unit in written {
            if unit == "USD" {
                return None;
            }
            if let Some(&code) = currencies.iter().find(|&&d| d == unit) {
                if other.is_some_and(|o| o != code) {
                    return None;
                }
                other = Some(code);
            }
        }
        other
    };
    let (dollar, cent) = (sole(DOLLARS), sole(CENTS));
    if dollar.is_none() && cent.is_none() {
        return;
    }
    for q in paragraphs.iter_mut().flatten().filter(|q| q.bare_dollar) {
        let cents = q.text.ends_with(['c', '\u{a2}'])
            || ends_with_ignore_case(&q.text, "cents")
            || ends_with_ignore_case(&q.text, "cent");
        if let Some(code) = if cents { cent } else { dollar } {
            q.unit = Some(code.to_string());
        }
    }
}

/// `21 billion tenge, 15 billion of which came as a loan`, `кредиты составили 19,3 млрд`: a
/// bare amount with a scale word, after money in the same sentence, is money of that
/// currency. `figures` are one paragraph's, in text order; returns where those start.
pub(crate) fn borrow_currency(text: &str, figures: &mut [Quantity]) -> Vec<usize> {
    let mut borrowed = Vec::new();
    let mut last_money: Option<usize> = None;
    for i in 0..figures.len() {
        let q = &figures[i];
        if q.kind == QuantityKind::Money {
            last_money = q.unit.is_some().then_some(i);
            continue;
        }
        let scaled = q.kind == QuantityKind::Bare
            && q.unit.is_none()
            && q.value >= 1_000_000.0
            && q.text.contains(char::is_alphabetic);
        let Some(m) = last_money.filter(|_| scaled) else {
            continue;
        };
        let between = text.get(figures[m].span[1]..q.span[0]).unwrap_or(".");
        let same_sentence = !between.contains(['!', '?', '\n'])
            && !between.contains(". ")
            && !between.contains(".\u{a0}");
        if same_sentence {
            let unit = figures[m].unit.clone();
            let q = &mut figures[i];
            q.unit = unit;
            q.kind = QuantityKind::Money;
            q.fact_worthy = true;
            borrowed.push(q.span[0]);
        }
    }
    borrowed
}

#[cfg(test)]
mod tests;
