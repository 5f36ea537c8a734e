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

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;

use crate::data;
use crate::fact::{Direction, Equivalent, Qualifier};
use crate::lexicon::{ByWord, Position, RankCue, UnitKind, LEXICONS};
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
    link_ranges(text, toks, &mut found);
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
            if sym_at(text, toks, p.last + 1, "-") || sym_at(text, toks, p.last + 1, "\u{2013}") {
                score_end = Some(p.last + 2);
            }
            return false;
        }
        true
    });
    found
        .into_iter()
        .map(|mut p| {
            // `per 1,000 people`, `per one job`: what a rate is per, no figure of its own.
            let denominator = p.first >= 1 && word_is(text, toks, p.first - 1, &["per"]);
            p.q.fact_worthy = p.q.kind.is_figure() && !denominator;
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
            let whole = !c.solid || (j..j + n - 1).all(|t| adjacent(toks, t, t + 1));
            if c.position != Position::After && whole && starts_number(text, toks, j + n) {
                currency = Some(c.code);
                j += n;
            }
        }
    }
    if currency.is_none() {
        if let Some(p) = parse_rank(text, toks, j)
            .or_else(|| parse_fraction(text, toks, j))
            .or_else(|| parse_fold_word(text, toks, j))
            .or_else(|| parse_multiplier_word(text, toks, j))
            .or_else(|| parse_hyphenated_number_word(text, toks, j))
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
        let (mut value, mut k) = space_grouped(text, toks, j)?;
        if let Some((exponent, after)) = exponent_at(text, toks, k) {
            // `2e922` is beyond any f64: not a figure anyone reports, and never an infinity.
            let scaled = value * 10f64.powi(exponent);
            if !scaled.is_finite() || (scaled == 0.0 && value != 0.0) {
                return None;
            }
            value = scaled;
            k = after;
        }
        (value, k, false)
    } else {
        let (value, n) = parse_words(text, toks, j)?;
        (value, j + n, true)
    };
    // `half a million`: the half of what `a million` says.
    let half = in_words
        && currency.is_none()
        && j >= 1
        && word_is(text, toks, j, &["a"])
        && word_is(text, toks, j - 1, &["half"]);
    let i = if half {
        value *= 0.5;
        j - 1
    } else {
        i
    };
    // `.312`: a decimal without its zero, the point not glued to a number before it.
    let leading_point = !in_words
        && currency.is_none()
        && j >= 1
        && sym_at(text, toks, j - 1, ".")
        && adjacent(toks, j - 1, j)
        && !(j >= 2 && adjacent(toks, j - 2, j - 1))
        && num.text(text).bytes().all(|b| b.is_ascii_digit());
    let i = if leading_point {
        value = parse_digits(&format!("0.{}", num.text(text)))?;
        j - 1
    } else {
        i
    };

    // A 4-digit year stands alone: it is a figure only with a scale, currency or measure.
    let year_like = !in_words
        && currency.is_none()
        && k == j + 1
        && num.text(text).len() == 4
        && num.text(text).bytes().all(|b| b.is_ascii_digit())
        && (1900.0..=2100.0).contains(&value);

    let mut last = k - 1;
    let mut scale = 1.0;
    if let Some((n, scale_word)) = lex.scales.starting_at(text, toks, k) {
        // `th`-like and one-letter scales only right after a currency sign: `$5m`, not `5 m`.
        // `1.2m birds`, `3bn people`: glued to a number and followed by what it counts.
        let counts_after = || {
            adjacent(toks, k - 1, k)
                && k + n < toks.len()
                && !adjacent(toks, k + n - 1, k + n)
                && counted_noun(text, toks, k + n).is_some_and(|(head, _)| head == k + n)
        };
        let ok = !scale_word.weak
            || (currency.is_some() && adjacent(toks, k - 1, k))
            || (currency.is_none() && counts_after());
        // `thousands of` is vague, not a scale of this number.
        let vague = toks
            .get(k)
            .is_some_and(|t| t.kind == TokKind::Word && ends_with_ignore_case(t.text(text), "s"))
            && word_is(text, toks, k + n, &["of"]);
        if ok && !vague {
            value *= scale_word.factor;
            last = k + n - 1;
            k += n;
            scale = scale_word.factor;
        }
    }

    let mut kind = QuantityKind::Bare;
    let mut unit: Option<String> = None;
    let mut bare_dollar = false;
    if let Some(code) = currency {
        kind = QuantityKind::Money;
        unit = Some(code.to_string());
        bare_dollar = toks[i].text(text) == "$" && j == i + 1;
    } else if let Some((n, c)) = lex.currencies.starting_at(text, toks, k) {
        // `50p`, but not `3p.m.`.
        let glued = adjacent(toks, k - 1, k)
            && !(sym_at(text, toks, k + 1, ".") && word_is(text, toks, k + 2, &["m"]));
        let whole = !c.solid || (k..k + n - 1).all(|t| adjacent(toks, t, t + 1));
        if c.position != Position::Before && (!c.glued_only || glued) && whole {
            kind = QuantityKind::Money;
            unit = Some(c.code.to_string());
            bare_dollar = n == 1 && toks[k].is_word_in(text, &["dollars", "dollar"]);
            value *= c.factor;
            if scale == 1.0 && is_weight_in_pounds(text, toks, i, k, n) {
                kind = QuantityKind::Measure;
                unit = Some("lb".to_string());
            }
            last = k + n - 1;
            k += n;
        }
    }
    // `363.28 USD/KZT`: an exchange rate.
    if kind == QuantityKind::Money && sym_at(text, toks, k, "/") {
        if let Some((n, c)) = lex.currencies.starting_at(text, toks, k + 1) {
            kind = QuantityKind::ExchangeRate;
            unit = unit.map(|u| format!("{u}/{}", c.code));
            last = k + n;
            k += n + 1;
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
        } else if word_is(text, toks, k, &["more", "additional", "extra"])
            && lex.units.starting_at(text, toks, k + 1).is_some()
        {
            // `two more years`, `5 extra kilometres`.
            k + 1
        } else {
            k
        };
        if let Some((n, u)) = lex.units.starting_at(text, toks, at) {
            kind = quantity_kind(u.kind);
            unit = Some(u.unit.to_string());
            last = at + n - 1;
            k = at + n;
        }
    }
    // `30C`, `14F`: a temperature glued to its capital letter (a full stop after it ends the
    // sentence, not an abbreviation).
    if kind == QuantityKind::Bare
        && toks
            .get(k)
            .is_some_and(|t| matches!(t.text(text), "C" | "F"))
        && adjacent(toks, k - 1, k)
        && (!sym_at(text, toks, k + 1, ".") || k + 2 >= toks.len() || !adjacent(toks, k + 1, k + 2))
    {
        kind = QuantityKind::Temperature;
        unit = Some(
            if toks[k].text(text) == "C" {
                "°C"
            } else {
                "°F"
            }
            .to_string(),
        );
        last = k;
        k += 1;
    }
    // `aged 65`, `aged over 70`, `aged between 18 and 30`; `Ms Lee, 52, said`: years of age.
    if kind == QuantityKind::Bare && !in_words && scale == 1.0 && k == j + 1 {
        let mut b = i;
        if let Some((n, _)) = lex.qualifiers.ending_at(text, toks, b.wrapping_sub(1)) {
            b -= n;
        }
        if b >= 1 && word_is(text, toks, b - 1, &["between"]) {
            b -= 1;
        }
        let aged = b >= 1 && word_is(text, toks, b - 1, &["aged"]);
        let after_name = i >= 2
            && value.fract() == 0.0
            && (1.0..=120.0).contains(&value)
            && sym_at(text, toks, i - 1, ",")
            && sym_at(text, toks, k, ",")
            && toks[i - 2].kind == TokKind::Word
            && toks[i - 2]
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && LEXICONS.month_ids.get(toks[i - 2].id).is_none();
        if aged || after_name {
            kind = QuantityKind::Age;
            unit = Some("year".to_string());
        }
    }
    // `a 600-seat school`: a counted noun joined by a hyphen counts what the figure says.
    if kind == QuantityKind::Bare
        && sym_at(text, toks, k, "-")
        && k + 1 < toks.len()
        && adjacent(toks, k - 1, k)
        && adjacent(toks, k, k + 1)
    {
        if let Some((1, lemma)) = lex.counted_nouns.starting_at(text, toks, k + 1) {
            kind = QuantityKind::Count;
            unit = Some(lemma.to_string());
            last = k + 1;
            k += 2;
        } else if let Some(noun) = hyphenated_modifier_noun(text, toks, k + 1) {
            // `a 46-member council`, `a 300-page report`: the noun is singular in that place.
            kind = QuantityKind::Count;
            unit = Some(noun);
            last = k + 1;
            k += 2;
        }
    }
    // `5G`, `3D`: a number glued to a word that is no unit is part of a name.
    let glued_name = toks
        .get(k)
        .is_some_and(|t| t.kind == TokKind::Word && adjacent(toks, k - 1, k));
    if kind == QuantityKind::Bare && !glued_name {
        if let Some((head_last, lemma)) = counted_noun(text, toks, k) {
            kind = QuantityKind::Count;
            unit = Some(lemma);
            last = head_last;
            k = head_last + 1;
        }
    }
    if year_like
        && scale == 1.0
        && !matches!(
            kind,
            QuantityKind::Money | QuantityKind::Percent | QuantityKind::Measure
        )
    {
        return None;
    }

    // `-1.3%`, `−12,400`, `minus 40 degrees`, `40 degrees below zero`: a sign.
    let (first, negative) = sign_before(text, toks, i).unwrap_or((i, false));
    let below_zero = word_is(text, toks, k, &["below"]) && word_is(text, toks, k + 1, &["zero"]);
    if below_zero {
        last = k + 1;
        k += 2;
    }
    if negative != below_zero {
        value = -value;
    }
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
            bare_dollar,
        },
        first,
        last,
        next,
        in_words,
        scale,
    })
}

/// The number at token `j` with the groups of three digits that follow it across a space
/// (`1 074`, `1 500 000`, `1 234 567.89`: a space of any kind, or one written as an HTML
/// entity, `&nbsp;`), and the token after it. The first group has one to three digits.
fn space_grouped(text: &str, toks: &[Tok], j: usize) -> Option<(f64, usize)> {
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
fn exponent_at(text: &str, toks: &[Tok], k: usize) -> Option<(i32, usize)> {
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

/// The dollars a text means by `$` or `dollars` alone: USD, unless the text writes money
/// in exactly one other dollar (`A$`, `C$`, `HK$`, `NZ$`, `S$`, `NT$`, `Australian dollars`)
/// and never names the US dollar (`US$`, `USD`, `US dollars`); then that one. A country's
/// name alone does not decide it: Central-Asian and most other news outside the dollar
/// countries quotes US dollars as `$`. Applied to a whole document's quantities.
pub fn resolve_dollars(paragraphs: &mut [Vec<Quantity>]) {
    const DOLLARS: &[&str] = &["AUD", "CAD", "HKD", "NZD", "SGD", "TWD"];
    let mut other: Option<&'static str> = None;
    let written = paragraphs
        .iter()
        .flatten()
        .filter(|q| q.kind == QuantityKind::Money && !q.bare_dollar)
        .flat_map(|q| q.unit.iter().chain(q.equivalents.iter().map(|e| &e.unit)));
    for unit in written {
        if unit == "USD" {
            return;
        }
        if let Some(&code) = DOLLARS.iter().find(|&&d| d == unit) {
            if other.is_some_and(|o| o != code) {
                return;
            }
            other = Some(code);
        }
    }
    let Some(code) = other else { return };
    for q in paragraphs.iter_mut().flatten().filter(|q| q.bare_dollar) {
        q.unit = Some(code.to_string());
    }
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

/// Whether `pounds` at token `k` (`n` tokens) weighs rather than pays: `8 pounds of flour`,
/// `weighed 8 pounds`, `a 300-pound bear`.
fn is_weight_in_pounds(text: &str, toks: &[Tok], first: usize, k: usize, n: usize) -> bool {
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
            w.starts_with("weigh") || w == "heavy" || w == "heavier" || w == "lighter"
        }
    });
    of_follows || weighs
}

/// A sign before the figure starting at token `i`: a minus or plus glued to it but not to
/// the word or number before (`-1.3%`, `−12,400`, `(+0.4%)`; not `COVID-19`, `2–3`), or the
/// word `minus`. The sign's token and whether it is a minus.
fn sign_before(text: &str, toks: &[Tok], i: usize) -> Option<(usize, bool)> {
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
        // Not `10 minus 4`.
        TokKind::Word if sign.is_word_in(text, &["minus"]) => {
            let after_number = s >= 1 && toks[s - 1].kind == TokKind::Num;
            (!after_number).then_some((s, true))
        }
        _ => None,
    }
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
            && lex.number_name_ids.get(t.id).is_some_and(|any_case| {
                any_case || w.chars().next().is_some_and(char::is_uppercase)
            })
        {
            return false;
        }
    }
    // `10.45pm`, `3pm`, `7 pm`: clock times.
    if word_is(text, toks, j + 1, &["am", "pm"]) {
        return false;
    }
    true
}

/// Whether a bare number is part of a name or a label rather than a quantity: after a
/// word with a capital inside or in the middle of a sentence (`the Stoxx 600`, `iPhone 11`,
/// `FTSE 100`, `S&P 500`), a jersey number in brackets (`Kane (9)`), or a score (`won 3-1`).
fn is_label(text: &str, toks: &[Tok], p: &Parsed) -> bool {
    if p.q.kind != QuantityKind::Bare || p.in_words || p.first == 0 {
        return false;
    }
    let digits = toks[p.first].text(text);
    if digits.contains([',', '.']) || toks[p.first].kind != TokKind::Num {
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
    if leading_zero(&toks[p.first]) || leading_zero(&before) {
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
    // `Kane (9)`.
    if sym_at(text, toks, p.first - 1, "(") && after.is_some_and(|t| t.text(text) == ")") {
        return true;
    }
    if before.kind == TokKind::Word && FUNCTION_WORD_IDS.get(before.id).is_none() {
        let w = before.text(text);
        let capital_inside = w.chars().skip(1).any(char::is_uppercase);
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let sentence_start = p.first < 2
            || toks[p.first - 2].kind == TokKind::Sym
                && matches!(
                    toks[p.first - 2].text(text),
                    "." | "!" | "?" | "\"" | "\u{201c}"
                );
        let cue = LEXICONS
            .qualifiers
            .ending_at(text, toks, p.first - 1)
            .is_some()
            || LEXICONS.month_ids.get(before.id).is_some();
        if !cue && (capital_inside || (capital && !sentence_start)) {
            return true;
        }
    }
    // `won 3-1`: a score.
    let dash_after =
        after.is_some_and(|t| t.kind == TokKind::Sym && matches!(t.text(text), "-" | "\u{2013}"));
    if dash_after && adjacent(toks, p.last, p.last + 1) && digits.len() <= 2 {
        // `6-3, 4-6, 6-2`: the sets after the first score.
        if p.first >= 4
            && sym_at(text, toks, p.first - 1, ",")
            && is_num(p.first - 2, 2)
            && is_dash(p.first - 3)
            && is_num(p.first - 4, 2)
        {
            return true;
        }
        let cue = (p.first.saturating_sub(3)..p.first).any(|t| {
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
                ],
            )
        });
        return cue;
    }
    false
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
            bare_dollar: false,
        },
        first,
        last,
        next: last + 1,
        in_words: true,
        scale: 1.0,
    }
}

/// `ranks fifth`, `came in second`, `took third place`, `ranked 1st`, `is the first in
/// the country`; `among the top three` (a rank of at most three).
fn parse_rank(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    let lex = &*LEXICONS;
    if let Some(p) = parse_top_rank(text, toks, j) {
        return Some(p);
    }
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
    let cue_before = j >= 1
        && lex
            .rank_cues
            .ending_at(text, toks, j - 1)
            .is_some_and(|(_, cue)| match cue {
                RankCue::Ordinal => true,
                RankCue::Copula => word_is(text, toks, last + 1, &["in", "among"]),
                RankCue::Top => false,
            });
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

/// Where a multiplier word of `data/multipliers.tsv` states the multiple of a figure.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MultiplierUse {
    Verb,
    Base,
    Adverb,
    Rate,
}

/// A multiplier word: how many times, its own direction, where it states a multiple.
type MultiplierWord = (f64, Option<Direction>, MultiplierUse);

/// `data/multipliers.tsv`, by word.
static MULTIPLIER_WORDS: LazyLock<rustc_hash::FxHashMap<&'static str, MultiplierWord>> =
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
fn parse_multiplier_word(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
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
        MultiplierUse::Verb => {
            !before.is_some_and(|b| word_is(text, toks, b, NOT_VERB_BEFORE))
                || (w.ends_with("ing") && word_is(text, toks, j + 1, &["of"]))
        }
        MultiplierUse::Base => before.is_some_and(|b| word_is(text, toks, b, MODALS)),
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
    // `13 medical and dental clinics`: one `and` between two modifiers, one more word allowed.
    let mut end = k + 4;
    while m < toks.len() && m < end {
        if let Some((n, lemma)) = lex.counted_nouns.starting_at(text, toks, m) {
            return Some((m + n - 1, lemma.to_string()));
        }
        let tok = toks[m];
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
fn hyphenated_modifier_noun(text: &str, toks: &[Tok], m: usize) -> Option<String> {
    let tok = toks.get(m)?;
    let next = toks.get(m + 1)?;
    let w = tok.text(text);
    let is_plain_word = |t: &Tok| {
        t.kind == TokKind::Word
            && !t.hyphen
            && t.text(text).bytes().all(|b| b.is_ascii_lowercase())
            && FUNCTION_WORD_IDS.get(t.id).is_none()
    };
    (w.len() >= 3
        && is_plain_word(tok)
        && is_plain_word(next)
        && !adjacent(toks, m, m + 1)
        && LEXICONS.number_word_ids.get(tok.id).is_none()
        && LEXICONS.units.starting_at(text, toks, m).is_none())
    .then(|| w.to_string())
}

/// `a six-year contract`, `a two-hour delay`, `a three-member panel`: a number word joined
/// by a hyphen to its unit or counted noun, in one token.
fn parse_hyphenated_number_word(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
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

/// The kind of a quantity whose unit is of `kind`.
fn quantity_kind(kind: UnitKind) -> QuantityKind {
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

/// `25,000 tons of products annually`, `100,000 kilometers of cable per year`; `17% more
/// than a year earlier`, `a month ago` are times, no rates.
fn per_after(text: &str, toks: &[Tok], k: usize) -> Option<String> {
    for a in k..(k + 4).min(toks.len()) {
        if let Some((n, per)) = LEXICONS.per.starting_at(text, toks, a) {
            if word_is(text, toks, a + n, &["earlier", "ago", "before", "later"]) {
                return None;
            }
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
                let change_verb = change_from(text, toks, bare.first);
                let between = bare.first >= 1 && word_is(text, toks, bare.first - 1, &["between"]);
                let scale = shared_scale(bare.value, &partner);
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

/// The noun a bare number counts when the text leaves it out because it was just named:
/// `another six`, `seven more` (not `more than`), `of these, 14`, or a clause of a list
/// (`, 280 in services`). The noun is the unit of the last count before it, in the same
/// sentence for a list's clause, at most one sentence back otherwise.
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
    if !(another || more || of_these || list_clause) {
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
        && (first.saturating_sub(6)..first - 1).any(|t| {
            LEXICONS
                .directions_before
                .starting_at(text, toks, t)
                .is_some()
        })
}

/// Joins two figures into one range: of one unit (`from $160 to $180`, `between 5% and 7%`,
/// `£10m-£15m`), or a currency on the first and a scale on the second (`$5-6 billion`). Not
/// after a change verb (`rose from $160 to $180` reports two states), and only upwards.
fn link_ranges(text: &str, toks: &[Tok], found: &mut Vec<Parsed>) {
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
        // `$5-6 billion`: the currency of the first, the scale of the second.
        let split_money = a.q.kind == QuantityKind::Money
            && a.scale == 1.0
            && a.last + 1 == a.next
            && b.q.kind == QuantityKind::Bare
            && b.scale > 1.0;
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
fn link_series(text: &str, toks: &[Tok], found: &mut [Parsed]) {
    for idx in (0..found.len().saturating_sub(1)).rev() {
        let comma = found[idx].last + 1;
        let next = &found[idx + 1];
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
fn link_shared_head(text: &str, toks: &[Tok], found: &mut [Parsed]) {
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

#[cfg(test)]
mod tests;
