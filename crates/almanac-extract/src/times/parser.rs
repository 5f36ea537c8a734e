//! The parser over a paragraph's tokens: what a time expression is made of before it is
//! resolved (`Unit`, `When`), the token helpers, and the pieces the rules are built of
//! (years, months, dates, parts of a year, seasons, edges, joiners).

use std::cell::Cell;

use chrono::{Datelike, NaiveDate};

use crate::period::Period;
use crate::tokens::Token;

use super::tokens::{is_dash, view, Tok, TokKind, CAPITALIZED, PLURAL_LIKE};
use super::words::{lexicon, w, Class, Lexicon, NO_WORD};
use super::TimeKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Year,
    Half(u8),
    Quarter(u8),
    Month(u8),
    /// Month and day.
    Day(u8, u8),
    /// The months from..to of one year (`the first five months`).
    Months(u8, u8),
    /// The quarters from..to of one year (`the first three quarters`).
    Quarters(u8, u8),
    /// The three months of a season from its first month (spring 3, summer 6, autumn 9,
    /// winter 12); a winter runs into the next year.
    Season(u8),
}

impl Unit {
    pub(super) fn first_month(self) -> u8 {
        match self {
            Unit::Year => 1,
            Unit::Half(h) => (h - 1) * 6 + 1,
            Unit::Quarter(q) | Unit::Quarters(q, _) => (q - 1) * 3 + 1,
            Unit::Month(m) | Unit::Day(m, _) | Unit::Months(m, _) | Unit::Season(m) => m,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearRef {
    Explicit(i32),
    /// Offset from the document year (`last year` is -1).
    Relative(i32),
    /// No year written: the document year.
    Implicit,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct When {
    pub(super) unit: Unit,
    pub(super) year: YearRef,
}

impl When {
    pub(super) fn resolve_year(self, doc: Option<NaiveDate>) -> Option<i32> {
        match self.year {
            YearRef::Explicit(y) => Some(y),
            YearRef::Relative(offset) => doc.map(|d| d.year() + offset),
            // `the first nine months` said in January: the months counted from the start of a
            // year are a report, and a report of months still to come is last year's.
            YearRef::Implicit => doc.map(|d| match self.unit {
                Unit::Months(1, last) if u32::from(last) > d.month() => d.year() - 1,
                _ => d.year(),
            }),
        }
    }

    pub(super) fn period(self, doc: Option<NaiveDate>) -> Option<Period> {
        let y = self.resolve_year(doc)?;
        Some(match self.unit {
            Unit::Year => Period::Year(y),
            Unit::Half(h) => Period::Half(y, h),
            Unit::Quarter(q) => Period::Quarter(y, q),
            Unit::Month(m) => Period::Month(y, m),
            Unit::Day(m, d) => Period::Day(NaiveDate::from_ymd_opt(y, m as u32, d as u32)?),
            Unit::Months(a, b) => Period::interval(Period::Month(y, a), Period::Month(y, b)),
            Unit::Quarters(a, b) => join(Period::Quarter(y, a), Period::Quarter(y, b)),
            // A winter starts in December of the year named with it (`winter 2023-2024`,
            // `the winter of 2023`), or of the year before when no year is written.
            Unit::Season(12) => {
                let y = match self.year {
                    YearRef::Explicit(_) => y,
                    _ => y - 1,
                };
                Period::interval(Period::Month(y, 12), Period::Month(y + 1, 2))
            }
            Unit::Season(m) => Period::interval(Period::Month(y, m), Period::Month(y, m + 2)),
        })
    }
}

/// Which end of a period an expression points at (`the beginning of`, `the end of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Edge {
    Start,
    Middle,
    End,
}

pub(super) struct Hit {
    /// Token index one past the expression.
    pub(super) end: usize,
    pub(super) period: Option<Period>,
    pub(super) kind: TimeKind,
}

pub(super) fn hit(end: usize, period: Option<Period>, kind: TimeKind) -> Option<Hit> {
    Some(Hit { end, period, kind })
}

pub(super) fn day_period(date: Option<NaiveDate>) -> Option<Period> {
    date.map(Period::Day)
}

/// The range from `from` to `to`. Quarters and halves at its ends become months, as FACTS.md
/// writes ranges (`Q1-Q3 2023` is `2023-01/2023-09`); years stay years and days stay days.
pub(super) fn join(from: Period, to: Period) -> Period {
    let coarse = |p: Period| {
        matches!(
            p,
            Period::Quarter(..) | Period::Half(..) | Period::Interval(..)
        )
    };
    if !(coarse(from) || coarse(to)) {
        return Period::interval(from, to);
    }
    let (first, _) = from.bounds();
    let (_, last) = to.bounds();
    Period::interval(
        Period::Month(first.year(), first.month() as u8),
        Period::Month(last.year(), last.month() as u8),
    )
}

// ---------------------------------------------------------------------------------------
// The parser

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) lex: &'static Lexicon,
    pub(super) toks: Vec<Tok>,
    pub(super) doc: Option<NaiveDate>,
}

thread_local! {
    /// The token buffer of the last `Parser` of this thread, kept for the next one: `find`
    /// runs once per paragraph, and allocating a new buffer each time costs a tenth of it.
    static TOKENS: Cell<Vec<Tok>> = const { Cell::new(Vec::new()) };
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // A buffer grown by a huge paragraph is not kept.
        if self.toks.capacity() <= 1 << 16 {
            let toks = std::mem::take(&mut self.toks);
            TOKENS.with(|cell| cell.set(toks));
        }
    }
}

impl<'a> Parser<'a> {
    /// The parser over a stretch of `text`'s token stream, resolving against `doc`.
    pub(super) fn new(text: &'a str, atoms: &[Token], doc: Option<NaiveDate>) -> Self {
        let mut toks = TOKENS.with(Cell::take);
        toks.clear();
        view(text, atoms, &mut toks);
        Parser {
            text,
            lex: lexicon(),
            toks,
            doc,
        }
    }

    // --- token helpers -------------------------------------------------------------------

    /// Whether any rule can start at token `i`: a number, or a word of the word list or of
    /// the rules (`START_WORDS`). Every rule begins by reading one of those.
    pub(super) fn may_start(&self, i: usize) -> bool {
        let tok = &self.toks[i];
        match tok.kind {
            TokKind::Num => self.may_be_time_number(i),
            _ => tok.classes & Class::Start.bit() != 0,
        }
    }

    /// Whether the number at `i` can start a time at all: every rule reads a number first
    /// as a year or a decade (four digits, 1900 to 2100), or as a day, a count, an ordinal
    /// or `1Q` (one or two digits), and then reads one of the words below after it (`25
    /// June`, `25th`, `25 of`, `1Q`, `5 months of`, `5 years ago`) or a date's separator
    /// (`25.06.2021`). Most small numbers are figures (`5.3%`, `15 projects`).
    pub(super) fn may_be_time_number(&self, i: usize) -> bool {
        match self.digits(i) {
            Some((value, 4)) => (1900..=2100).contains(&value),
            Some((_, 1 | 2)) => {
                let Some(next) = self.toks.get(i + 1) else {
                    return false;
                };
                let words = [
                    w!("st"),
                    w!("nd"),
                    w!("rd"),
                    w!("th"),
                    w!("of"),
                    w!("q"),
                    w!("h"),
                    w!("month"),
                    w!("months"),
                    w!("years"),
                ];
                next.classes & Class::Month.bit() != 0
                    || words.contains(&next.word)
                    || self.punct(i + 1).is_some_and(|sep| {
                        (is_dash(sep) || sep == '.' || sep == '/') && self.punct(i + 3) == Some(sep)
                    })
            }
            _ => false,
        }
    }

    /// Whether token `i` is a word (of any list or none).
    #[inline]
    pub(super) fn is_word_tok(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    /// The literal word of the rules at `i` (`w!`), or `NO_WORD`.
    #[inline]
    pub(super) fn word(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(NO_WORD, |t| t.word)
    }

    #[inline]
    pub(super) fn is_word(&self, i: usize, word: u8) -> bool {
        self.word(i) == word
    }

    #[inline]
    pub(super) fn is_any(&self, i: usize, words: &[u8]) -> bool {
        words.contains(&self.word(i))
    }

    /// Matches `words` in sequence from `i`; gives the index after them.
    pub(super) fn words(&self, i: usize, words: &[u8]) -> Option<usize> {
        for (k, w) in words.iter().enumerate() {
            if !self.is_word(i + k, *w) {
                return None;
            }
        }
        Some(i + words.len())
    }

    /// Skips an optional `the` at `i`.
    pub(super) fn skip_the(&self, i: usize) -> usize {
        if self.is_word(i, w!("the")) {
            i + 1
        } else {
            i
        }
    }

    pub(super) fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            TokKind::Punct(ch) => Some(ch),
            _ => None,
        }
    }

    pub(super) fn is_dash(&self, i: usize) -> bool {
        self.punct(i).is_some_and(is_dash)
    }

    /// Whether token `i` follows token `i - 1` without a space.
    pub(super) fn attached(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.flags & CAPITALIZED != 0)
    }

    #[inline]
    pub(super) fn class(&self, i: usize, class: Class) -> Option<i32> {
        let tok = self.toks.get(i)?;
        (tok.classes & class.bit() != 0)
            .then(|| self.lex.entries[usize::from(tok.entry)].values[class as usize])
    }

    /// The digits of a number token, when short enough to be a date part.
    #[inline]
    pub(super) fn digits(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.toks.get(i)?;
        let len = tok.end - tok.start;
        if tok.kind != TokKind::Num || len > 4 {
            return None;
        }
        Some((u32::from(tok.num), len))
    }

    /// Whether the number at `i` stands alone: not part of `2,500`, `2.5`, `5%`, `$2021`.
    pub(super) fn lone_number(&self, i: usize) -> bool {
        // A `,` or `.` glued between this number and another one.
        let separator_digit = |sep: usize, digit: usize| {
            matches!(self.punct(sep), Some(',' | '.'))
                && self.toks.get(digit).is_some_and(|t| t.kind == TokKind::Num)
        };
        if i >= 2 && separator_digit(i - 1, i - 2) && self.attached(i) && self.attached(i - 1) {
            return false;
        }
        if separator_digit(i + 1, i + 2) && self.attached(i + 1) && self.attached(i + 2) {
            return false;
        }
        if i >= 1 && self.attached(i) {
            match self.toks[i - 1].kind {
                TokKind::Num => return false,
                TokKind::Punct(ch) if "$€£¥₸₽#№+".contains(ch) => return false,
                _ => {}
            }
        }
        if self.attached(i + 1) {
            if let Some(ch) = self.punct(i + 1) {
                if "%‰$€£₸".contains(ch) {
                    return false;
                }
            }
        }
        true
    }

    /// A count-like word at `i`, making the number before it a count: `2000 people`,
    /// `2019 projects`, `2020 thousand`.
    pub(super) fn count_noun(&self, i: usize) -> bool {
        let Some(tok) = self.toks.get(i) else {
            return false;
        };
        if tok.kind != TokKind::Word || self.attached(i) {
            return false;
        }
        if self.class(i, Class::CountNoun).is_some() {
            return true;
        }
        // A capitalised word after a year is a name or a new sentence (`2021 Almaty`).
        !self.capitalized(i)
            && tok.flags & PLURAL_LIKE != 0
            && self.class(i, Class::NotNoun).is_none()
    }

    // --- pieces --------------------------------------------------------------------------

    /// ```text
    /// year     = NNNN                                          (1900..=2100, standing alone)
    /// ```
    ///
    /// A four-digit year, 1900 to 2100, standing alone.
    pub(super) fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let (value, len) = self.digits(i)?;
        if len != 4 || !(1900..=2100).contains(&value) || !self.lone_number(i) {
            return None;
        }
        // `ISO2021` or `2021m` are codes, not years; `FY2021` is a year.
        if self.attached(i)
            && self.toks[i - 1].kind == TokKind::Word
            && !self.is_any(i - 1, &[w!("fy"), w!("q"), w!("h")])
        {
            return None;
        }
        if self.attached(i + 1) && self.toks[i + 1].kind == TokKind::Word {
            return None;
        }
        Some((value as i32, i + 1))
    }

    /// ```text
    /// month    = month_word ["."]                                (capitalised)
    /// ```
    ///
    /// A month name, capitalised; an abbreviation may carry its dot (`Dec.`).
    pub(super) fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        let m = self.class(i, Class::Month)?;
        if !self.capitalized(i) {
            return None;
        }
        // Only an abbreviation takes the dot after it: `Dec. 9`, but `in June.` ends a sentence.
        let abbreviation = self.toks[i].end - self.toks[i].start <= 4
            && !self.is_any(i, &[w!("may"), w!("june"), w!("july")]);
        let mut next = i + 1;
        if abbreviation && self.punct(next) == Some('.') && self.attached(next) {
            next += 1;
        }
        Some((m as u8, next))
    }

    /// ```text
    /// day      = N ["st" | "nd" | "rd" | "th"]                   (1..=31)
    /// ```
    ///
    /// A day of the month: `25`, `25th`.
    pub(super) fn day_at(&self, i: usize) -> Option<(u8, usize)> {
        let (value, len) = self.digits(i)?;
        if len > 2 || !(1..=31).contains(&value) || !self.lone_number(i) {
            return None;
        }
        let mut next = i + 1;
        if self.attached(next) && self.is_any(next, &[w!("st"), w!("nd"), w!("rd"), w!("th")]) {
            next += 1;
        } else if self.attached(next) && self.toks[next].kind == TokKind::Word {
            return None;
        }
        Some((value as u8, next))
    }

    /// ```text
    /// (after a month or a part)  year | "," year | "of" (year | relative) | relative
    /// ```
    ///
    /// A written year after a month or a part: `2021`, `, 2021`, `of 2021`, `this year`,
    /// `of last year`, `of the year`.
    pub(super) fn year_after(&self, i: usize) -> Option<(YearRef, usize)> {
        if let Some((y, next)) = self.year_at(i) {
            return Some((YearRef::Explicit(y), next));
        }
        if self.punct(i) == Some(',') {
            if let Some((y, next)) = self.year_at(i + 1) {
                return Some((YearRef::Explicit(y), next));
            }
        }
        if self.is_word(i, w!("of")) {
            if let Some((y, next)) = self.year_at(i + 1) {
                return Some((YearRef::Explicit(y), next));
            }
            return self.relative_year_at(i + 1, true);
        }
        self.relative_year_at(i, false)
    }

    /// ```text
    /// relative = "this year" | "the current year" | "last year" | "the previous year"
    ///          | "next year" | "a year ago" | "this month" | "last month" ...
    /// ```
    ///
    /// `this year`, `the current year`, `last year`, `the previous year`, `next year`,
    /// `a year ago`; with `the_year`, also `the year` (after `of`: `the end of the year`).
    pub(super) fn relative_year_at(&self, i: usize, the_year: bool) -> Option<(YearRef, usize)> {
        if let Some(next) = self
            .words(i, &[w!("a"), w!("year"), w!("ago")])
            .or_else(|| self.words(i, &[w!("a"), w!("year"), w!("earlier")]))
        {
            return Some((YearRef::Relative(-1), next));
        }
        if let Some(next) = self.words(i, &[w!("the"), w!("year"), w!("before"), w!("last")]) {
            return Some((YearRef::Relative(-2), next));
        }
        let j = self.skip_the(i);
        let year_word = |k: usize| {
            self.is_word(k, w!("year")) && !(self.attached(k + 1) && self.is_dash(k + 1))
        };
        if let Some(offset) = self.class(j, Class::RelYear) {
            // `this year` needs no `the`; `the past year`, `the coming year` do.
            let bare_ok = self.is_any(
                j,
                &[
                    w!("this"),
                    w!("last"),
                    w!("next"),
                    w!("current"),
                    w!("previous"),
                ],
            );
            if (j > i || bare_ok) && year_word(j + 1) {
                return Some((YearRef::Relative(offset), j + 2));
            }
        }
        if the_year && j > i && year_word(j) && self.year_at(j + 1).is_none() {
            return Some((YearRef::Relative(0), j + 1));
        }
        None
    }

    /// ```text
    /// date     = "2021-06-25" | "25.06.2021" | "25/06/2021" | month day [","] [year]
    ///          | day ["of"] month [","] [year]
    /// ```
    ///
    /// A full or partial date: `2021-06-25`, `25.06.2021`, `June 25`, `Dec. 27`,
    /// `October 29, 2019`, `29 October 2019`, `25th of June`.
    pub(super) fn date_at(&self, i: usize) -> Option<(When, usize)> {
        let make = |y: YearRef, m: u32, d: u32, next: usize| {
            let check_year = match y {
                YearRef::Explicit(y) => y,
                _ => 2000, // a leap year, so that `Feb. 29` passes without a year
            };
            NaiveDate::from_ymd_opt(check_year, m, d)?;
            Some((
                When {
                    unit: Unit::Day(m as u8, d as u8),
                    year: y,
                },
                next,
            ))
        };
        // Numeric: year first (`2021-06-25`, `2021.06.25`, `2021/06/25`).
        if let Some((y, _)) = self.numeric_year(i) {
            if let Some(sep) = self.punct(i + 1) {
                if (is_dash(sep) || sep == '.' || sep == '/')
                    && self.attached(i + 1)
                    && self.attached(i + 2)
                    && self.punct(i + 3) == Some(sep)
                    && self.attached(i + 3)
                    && self.attached(i + 4)
                {
                    if let (Some((m, ml)), Some((d, dl))) = (self.digits(i + 2), self.digits(i + 4))
                    {
                        if ml <= 2 && dl <= 2 && !self.glued_after(i + 4) {
                            return make(YearRef::Explicit(y), m, d, i + 5);
                        }
                    }
                }
            }
        }
        // Numeric: day first (`25.06.2021`, `25/06/2021`, `25-06-2021`).
        if let Some((a, al)) = self.digits(i) {
            if al <= 2 {
                if let Some(sep) = self.punct(i + 1) {
                    if (is_dash(sep) || sep == '.' || sep == '/')
                        && self.attached(i + 1)
                        && self.attached(i + 2)
                        && self.punct(i + 3) == Some(sep)
                        && self.attached(i + 3)
                        && self.attached(i + 4)
                        && !(i > 0 && self.attached(i) && self.toks[i - 1].kind != TokKind::Word)
                    {
                        if let (Some((b, bl)), Some((y, _))) =
                            (self.digits(i + 2), self.numeric_year(i + 4))
                        {
                            if bl <= 2 && !self.glued_after(i + 4) {
                                // Day first, as written outside the US; a month over 12
                                // means the US order.
                                let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
                                return make(YearRef::Explicit(y), m, d, i + 5);
                            }
                        }
                    }
                }
            }
        }
        // Month day [,] [year].
        if let Some((m, j)) = self.month_at(i) {
            if let Some((d, k)) = self.day_at(j) {
                if let Some((y, next)) = self.year_at(k) {
                    return make(YearRef::Explicit(y), m as u32, d as u32, next);
                }
                if self.punct(k) == Some(',') {
                    if let Some((y, next)) = self.year_at(k + 1) {
                        return make(YearRef::Explicit(y), m as u32, d as u32, next);
                    }
                }
                // `In February 15 projects were launched`: after `in`, a number followed
                // by a word is a count, not a day.
                let after_in = i > 0 && self.is_any(i - 1, &[w!("in"), w!("during")]);
                let word_follows = self.is_word_tok(k);
                if !(after_in && word_follows) {
                    return make(YearRef::Implicit, m as u32, d as u32, k);
                }
            }
        }
        // Day [of] month [,] [year].
        if let Some((d, j)) = self.day_at(i) {
            let j = if self.is_word(j, w!("of")) { j + 1 } else { j };
            if let Some((m, k)) = self.month_at(j) {
                if let Some((y, next)) = self.year_at(k) {
                    return make(YearRef::Explicit(y), m as u32, d as u32, next);
                }
                if self.punct(k) == Some(',') {
                    if let Some((y, next)) = self.year_at(k + 1) {
                        return make(YearRef::Explicit(y), m as u32, d as u32, next);
                    }
                }
                return make(YearRef::Implicit, m as u32, d as u32, k);
            }
        }
        None
    }

    /// A four-digit number 1900..=2100 inside a numeric date (no standing-alone check).
    pub(super) fn numeric_year(&self, i: usize) -> Option<(i32, usize)> {
        let (value, len) = self.digits(i)?;
        (len == 4 && (1900..=2100).contains(&value)).then_some((value as i32, i + 1))
    }

    /// Whether a numeric date at `i` continues with more digits (`2021-06-25-7`, `1.2.2021.5`).
    pub(super) fn glued_after(&self, i: usize) -> bool {
        self.attached(i + 1)
            && self
                .punct(i + 1)
                .is_some_and(|c| is_dash(c) || c == '.' || c == '/')
            && self.attached(i + 2)
            && self.toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Num)
    }

    /// ```text
    /// N        = digit{1,2} | cardinal
    /// ```
    ///
    /// A small count: `5`, `five`.
    pub(super) fn count_at(&self, i: usize) -> Option<u8> {
        if let Some((value, len)) = self.digits(i) {
            return (len <= 2 && self.lone_number(i)).then_some(value as u8);
        }
        self.class(i, Class::Cardinal).map(|v| v as u8)
    }

    /// ```text
    /// ordinal  = ordinal_word | digit ("st" | "nd" | "rd" | "th") | roman
    /// ```
    ///
    /// An ordinal: `first`, `1st`, `I` (upper case only).
    pub(super) fn ordinal_at(&self, i: usize) -> Option<(u8, usize)> {
        if let Some(v) = self.class(i, Class::Ordinal) {
            return Some((v as u8, i + 1));
        }
        if let Some(v) = self.class(i, Class::Roman) {
            let raw = &self.text.as_bytes()[self.toks[i].start..self.toks[i].end];
            return raw
                .iter()
                .all(u8::is_ascii_uppercase)
                .then_some((v as u8, i + 1));
        }
        let (value, len) = self.digits(i)?;
        let suffix = match value {
            1 => w!("st"),
            2 => w!("nd"),
            3 => w!("rd"),
            _ => w!("th"),
        };
        (len == 1 && self.attached(i + 1) && self.is_word(i + 1, suffix))
            .then_some((value as u8, i + 2))
    }

    /// ```text
    /// part     = ["the"] ordinal ("quarter" | "half" ["-year"]) | "Q1" | "1Q" | "H1" | "1H"
    ///          | ["the"] "first" N ("months" | "quarters") | N "months of" year
    /// ```
    ///
    /// A part of a year, without its year: `the first quarter`, `Q1`, `1H`, `the second
    /// half`, `the first half-year`, `the first five months`, `the first three quarters`.
    pub(super) fn part_at(&self, i: usize) -> Option<(Unit, usize)> {
        // `Q1`, `H1`, `1Q`, `1H`.
        let letter = self.word(i);
        if letter == w!("q") || letter == w!("h") {
            let glued_word = self.attached(i + 2) && self.is_word_tok(i + 2);
            if self.attached(i + 1) && !glued_word {
                if let Some((n, 1)) = self.digits(i + 1) {
                    if letter == w!("q") && (1..=4).contains(&n) {
                        return Some((Unit::Quarter(n as u8), i + 2));
                    }
                    if letter == w!("h") && (1..=2).contains(&n) {
                        return Some((Unit::Half(n as u8), i + 2));
                    }
                }
            }
        }
        if let Some((n, 1)) = self.digits(i) {
            let glued_word = self.attached(i + 2) && self.is_word_tok(i + 2);
            if self.attached(i + 1) && !(i > 0 && self.attached(i)) && !glued_word {
                if self.is_word(i + 1, w!("q")) && (1..=4).contains(&n) {
                    return Some((Unit::Quarter(n as u8), i + 2));
                }
                if self.is_word(i + 1, w!("h")) && (1..=2).contains(&n) {
                    return Some((Unit::Half(n as u8), i + 2));
                }
            }
        }
        let j = self.skip_the(i);
        // `the first five months`, `the first three quarters`.
        if self.is_word(j, w!("first")) {
            if let Some(n) = self.count_at(j + 1) {
                if self.is_any(j + 2, &[w!("months"), w!("month")]) && (1..=12).contains(&n) {
                    return Some((Unit::Months(1, n), j + 3));
                }
                if self.is_word(j + 2, w!("quarters")) && (1..=4).contains(&n) {
                    return Some((Unit::Quarters(1, n), j + 3));
                }
            }
        }
        // `11 months of 2021`, `five months of this year`: a year must follow.
        if let Some(n) = self.count_at(j) {
            if self.is_any(j + 1, &[w!("months"), w!("month")])
                && (1..=12).contains(&n)
                && self.is_word(j + 2, w!("of"))
                && self.year_after(j + 2).is_some()
            {
                return Some((Unit::Months(1, n), j + 2));
            }
        }
        // `the first quarter`, `the 2nd half`, `the first half-year`, `the I quarter`.
        if let Some((n, k)) = self.ordinal_at(j) {
            if self.is_word(k, w!("quarter")) && (1..=4).contains(&n) {
                return Some((Unit::Quarter(n), k + 1));
            }
            if self.is_word(k, w!("half")) && (1..=2).contains(&n) {
                let mut next = k + 1;
                if self.is_dash(next) && self.attached(next) && self.is_word(next + 1, w!("year")) {
                    next += 2;
                } else if self.is_word(next, w!("year")) {
                    next += 1;
                }
                return Some((Unit::Half(n), next));
            }
        }
        None
    }

    /// Whether `point_at(i)` can match: only at a number, a word of the classes below, or
    /// one of the words its pieces start with (`the`, `first`, `a` ...); after `the`, only
    /// at those a piece reads after it. Most tokens `find` tries are none of these, and the
    /// many pieces `point_at` tries would each fail at them.
    pub(super) fn may_start_point(&self, i: usize) -> bool {
        const AFTER_THE: u32 = Class::Cardinal.bit()
            | Class::Ordinal.bit()
            | Class::Roman.bit()
            | Class::RelYear.bit()
            | Class::Season.bit();
        const CLASSES: u32 = AFTER_THE | Class::Month.bit();
        let Some(tok) = self.toks.get(i) else {
            return false;
        };
        if tok.kind == TokKind::Num {
            return self.may_be_time_number(i);
        }
        if tok.classes & CLASSES != 0 {
            return true;
        }
        if tok.word == w!("the") {
            return self.toks.get(i + 1).is_some_and(|next| {
                next.kind == TokKind::Num
                    || next.classes & AFTER_THE != 0
                    || [w!("first"), w!("previous"), w!("year")].contains(&next.word)
            });
        }
        [
            w!("q"),
            w!("h"),
            w!("first"),
            w!("this"),
            w!("last"),
            w!("next"),
            w!("a"),
        ]
        .contains(&tok.word)
    }

    /// ```text
    /// X        = date | part [year] | season | ["this"] month [year] | year | relative
    /// ```
    ///
    /// Any point in time: a date, a part of a year, a month, a year, a relative year;
    /// with its year when written.
    pub(super) fn point_at(&self, i: usize) -> Option<(When, usize)> {
        if !self.may_start_point(i) {
            return None;
        }
        if let Some(res) = self.date_at(i) {
            return Some(res);
        }
        if let Some((unit, j)) = self.part_at(i) {
            // `Q1 2021`, `the first quarter of 2021`, `H1 of this year`.
            let (year, next) = self.year_after(j).unwrap_or((YearRef::Implicit, j));
            return Some((When { unit, year }, next));
        }
        if let Some(res) = self.season_at(i) {
            return Some(res);
        }
        // `this June`: the document year, never the next one.
        if self.is_word(i, w!("this")) {
            if let Some((m, next)) = self.month_at(i + 1) {
                let when = When {
                    unit: Unit::Month(m),
                    year: YearRef::Relative(0),
                };
                return Some((when, next));
            }
        }
        if let Some((m, j)) = self.month_at(i) {
            let (year, next) = match self.year_after(j) {
                Some((y, next)) => (y, next),
                None => (YearRef::Implicit, j),
            };
            return Some((
                When {
                    unit: Unit::Month(m),
                    year,
                },
                next,
            ));
        }
        if let Some((y, next)) = self.year_at(i) {
            return Some((
                When {
                    unit: Unit::Year,
                    year: YearRef::Explicit(y),
                },
                next,
            ));
        }
        if let Some(next) = self.words(i, &[w!("this"), w!("month")]) {
            return self.doc_month(0).map(|w| (w, next));
        }
        if let Some(next) = self
            .words(i, &[w!("last"), w!("month")])
            .or_else(|| self.words(i, &[w!("the"), w!("previous"), w!("month")]))
        {
            return self.doc_month(-1).map(|w| (w, next));
        }
        if let Some(next) = self.words(i, &[w!("next"), w!("month")]) {
            return self.doc_month(1).map(|w| (w, next));
        }
        if let Some((year, next)) = self.relative_year_at(i, false) {
            return Some((
                When {
                    unit: Unit::Year,
                    year,
                },
                next,
            ));
        }
        None
    }

    /// ```text
    /// season   = ("this" | "last" | "next" | "the past" ...) season_word
    ///          | ["the"] season_word (year | "of" year | year "-" year | relative)
    ///          | cue ["the"] season_word                 (cue: "in", "during", "this", "by" ...)
    /// ```
    ///
    /// A season: `this summer`, `last winter`, `the spring of 2023`, `summer 2024`,
    /// `winter 2023-2024`, `in autumn`, `the fall`. Without a year after it, a season word
    /// is only read after a cue (`in`, `during`, `this`, `last`, `of` ...), so that `a fall
    /// in prices`, `winter wheat` or `projects spring up` are no times.
    pub(super) fn season_at(&self, i: usize) -> Option<(When, usize)> {
        let j = self.skip_the(i);
        // `this summer`, `last winter`, `the coming spring`: relative to the document year.
        if let Some(offset) = self.class(j, Class::RelYear) {
            if self.class(j + 1, Class::Season).is_some()
                && !(self.is_word(j + 1, w!("fall")) && self.is_word(j + 2, w!("in")))
                && (j > i || !self.is_word(j, w!("past")))
            {
                let m = self.class(j + 1, Class::Season)? as u8;
                let when = When {
                    unit: Unit::Season(m),
                    year: YearRef::Relative(offset),
                };
                return Some((when, j + 2));
            }
        }
        let m = self.class(j, Class::Season)? as u8;
        // `a fall in prices`, `this fall in output`: the noun, not the season.
        if self.is_word(j, w!("fall")) && self.is_word(j + 1, w!("in")) {
            return None;
        }
        let unit = Unit::Season(m);
        let k = j + 1;
        // `winter 2023-2024`, `the winter of 2023/24`: from December of the first year.
        let y_at = if self.is_word(k, w!("of")) { k + 1 } else { k };
        if let Some((y1, n)) = self.year_at(y_at) {
            if m == 12 && (self.is_dash(n) || self.punct(n) == Some('/')) {
                let second = if let Some((y2, after)) = self.year_at(n + 1) {
                    Some((y2, after))
                } else {
                    self.digits(n + 1)
                        .filter(|&(_, len)| len == 2 && self.attached(n + 1) && self.attached(n))
                        .map(|(v, _)| (y1 - y1.rem_euclid(100) + v as i32, n + 2))
                };
                if let Some((y2, after)) = second {
                    if y2 == y1 + 1 {
                        let when = When {
                            unit,
                            year: YearRef::Explicit(y1),
                        };
                        return Some((when, after));
                    }
                }
            }
        }
        if let Some((year, next)) = self.year_after(k) {
            return Some((When { unit, year }, next));
        }
        // `the fall of the tenge`: no season.
        if self.is_word(k, w!("of")) {
            return None;
        }
        // `the end of winter`: after an edge, but not after any `of` (`sowing of winter wheat`).
        let edge_of = i > 1
            && self.is_word(i - 1, w!("of"))
            && self.is_any(
                i - 2,
                &[w!("beginning"), w!("start"), w!("end"), w!("middle")],
            );
        let cue = i > 0 && (self.class(i - 1, Class::SeasonCue).is_some() || edge_of);
        if !cue {
            return None;
        }
        let when = When {
            unit,
            year: YearRef::Implicit,
        };
        Some((when, k))
    }

    /// The document month moved by `offset` months. Without a document date the month
    /// cannot be told, so `this month` is not matched at all.
    pub(super) fn doc_month(&self, offset: i32) -> Option<When> {
        let doc = self.doc?;
        let index = doc.year() * 12 + doc.month0() as i32 + offset;
        Some(When {
            unit: Unit::Month((index.rem_euclid(12) + 1) as u8),
            year: YearRef::Explicit(index.div_euclid(12)),
        })
    }

    /// ```text
    /// edge     = ["the"] ("beginning" | "start" | "end" | "middle") "of"  |  "early" | "late" | "mid"
    /// ```
    ///
    /// `the beginning of`, `the start of`, `the end of`, `the middle of`; `early`, `late`,
    /// `mid`, `mid-`.
    pub(super) fn edge_at(&self, i: usize) -> Option<(Edge, usize)> {
        // Most tokens tried here are none of these words: tell that at once.
        let words = [
            w!("the"),
            w!("beginning"),
            w!("start"),
            w!("end"),
            w!("middle"),
            w!("early"),
            w!("late"),
            w!("mid"),
        ];
        if !self.is_any(i, &words) {
            return None;
        }
        let j = self.skip_the(i);
        let word = self.word(j);
        let edge = if word == w!("beginning") || word == w!("start") {
            Edge::Start
        } else if word == w!("end") {
            Edge::End
        } else if word == w!("middle") {
            Edge::Middle
        } else if j > i {
            return None;
        } else if word == w!("early") {
            return Some((Edge::Start, j + 1));
        } else if word == w!("late") {
            return Some((Edge::End, j + 1));
        } else if word == w!("mid") {
            let next = if self.is_dash(j + 1) && self.attached(j + 1) {
                j + 2
            } else {
                j + 1
            };
            return Some((Edge::Middle, next));
        } else {
            return None;
        };
        self.is_word(j + 1, w!("of")).then_some((edge, j + 2))
    }

    /// ```text
    /// edge X   = edge (relative | "the year" | X)                 (X not a day)
    /// ```
    ///
    /// An edge and what it is the edge of: `the end of 2021`, `the beginning of this
    /// year`, `the end of the year`, `the end of the first quarter`, `mid-2025`.
    pub(super) fn edged_at(&self, i: usize) -> Option<(Edge, When, usize)> {
        let (edge, j) = self.edge_at(i)?;
        if let Some((year, next)) = self.relative_year_at(j, true) {
            let when = When {
                unit: Unit::Year,
                year,
            };
            return Some((edge, when, next));
        }
        let (when, next) = self.point_at(j)?;
        if matches!(when.unit, Unit::Day(..)) {
            return None;
        }
        Some((edge, when, next))
    }

    /// ```text
    /// year-end = ["the"] "year" "-" "end"
    /// ```
    ///
    /// `year-end`, `the year-end`, `the end of the year`: the end of the document year.
    pub(super) fn year_end_at(&self, i: usize) -> Option<usize> {
        let j = self.skip_the(i);
        (self.is_word(j, w!("year"))
            && self.is_dash(j + 1)
            && self.attached(j + 1)
            && self.is_word(j + 2, w!("end")))
        .then_some(j + 3)
    }

    /// ```text
    /// joiner   = "-" | "–" | "—" | "/" | "to" | "till" | "until" | "through"
    /// ```
    ///
    /// A joiner between two points of a range.
    pub(super) fn joiner_at(&self, i: usize) -> Option<usize> {
        if self.is_dash(i) || self.punct(i) == Some('/') {
            return Some(i + 1);
        }
        self.is_any(
            i,
            &[w!("to"), w!("till"), w!("until"), w!("through"), w!("thru")],
        )
        .then_some(i + 1)
    }

    /// ```text
    /// (after X)  joiner Y | joiner NN                            (`2024-25`)
    ///          | "and" M       (X a month with no year, M the month after: `July and August`)
    /// ```
    ///
    /// `X joiner Y` from token `i` (`X` already read, ending at `j`): resolves both ends,
    /// lending a written year to the end that has none.
    pub(super) fn range_after(
        &self,
        first: When,
        j: usize,
        joiner_words: bool,
    ) -> Option<(Option<Period>, usize)> {
        // `in July and August`: two months in a row joined by `and` are one span; months
        // apart (`in March and May`) are two times.
        if joiner_words && self.is_word(j, w!("and")) {
            let (second, next) = self.point_at(j + 1)?;
            return match (first.unit, second.unit) {
                (Unit::Month(a), Unit::Month(b))
                    if b == a + 1 && first.year == YearRef::Implicit =>
                {
                    Some((self.join_points(first, second)?, next))
                }
                _ => None,
            };
        }
        let k = if joiner_words {
            self.joiner_at(j)?
        } else {
            (self.is_dash(j) || self.punct(j) == Some('/')).then_some(j + 1)?
        };
        // `2024-25`, `2023/24`: a two-digit end year.
        if let (Unit::Year, YearRef::Explicit(y1)) = (first.unit, first.year) {
            if self.attached(k - 1) && self.attached(k) {
                if let Some((nn, 2)) = self.digits(k) {
                    let y2 = y1 - y1.rem_euclid(100) + nn as i32;
                    if y2 > y1 && self.lone_number(k) && !self.glued_after(k) {
                        return Some((
                            Some(Period::interval(Period::Year(y1), Period::Year(y2))),
                            k + 1,
                        ));
                    }
                }
            }
        }
        let (second, next) = self.point_at(k)?;
        let period = self.join_points(first, second)?;
        Some((period, next))
    }

    /// Resolves the two ends of a range, lending a written year to the end that has none
    /// (`January-May 2024`; the year before when the first month comes later:
    /// `December-February 2024`). `None` when they cannot make a range.
    pub(super) fn join_points(&self, first: When, second: When) -> Option<Option<Period>> {
        let (mut first, mut second) = (first, second);
        let year_only = |w: &When| w.unit == Unit::Year;
        if year_only(&first) != year_only(&second) {
            return None;
        }
        if year_only(&first) {
            if let (YearRef::Explicit(a), YearRef::Explicit(b)) = (first.year, second.year) {
                if b <= a || b - a > 100 {
                    return None;
                }
            }
        }
        let shift = |y: YearRef, by: i32| match y {
            YearRef::Explicit(y) => YearRef::Explicit(y + by),
            YearRef::Relative(o) => YearRef::Relative(o + by),
            YearRef::Implicit => YearRef::Implicit,
        };
        if first.year == YearRef::Implicit && second.year != YearRef::Implicit {
            let back = i32::from(first.unit.first_month() > second.unit.first_month());
            first.year = shift(second.year, -back);
        } else if second.year == YearRef::Implicit && first.year != YearRef::Implicit {
            let ahead = i32::from(second.unit.first_month() < first.unit.first_month());
            second.year = shift(first.year, ahead);
        } else if first.year == YearRef::Implicit
            && second.year == YearRef::Implicit
            && first.unit.first_month() > second.unit.first_month()
        {
            first.year = YearRef::Relative(-1);
        } else if let (YearRef::Implicit, YearRef::Implicit, Unit::Month(1), Unit::Month(last)) =
            (first.year, second.year, first.unit, second.unit)
        {
            // `January-September` said in January is last year's report, as `Months` is.
            if self.doc.is_some_and(|d| u32::from(last) > d.month()) {
                first.year = YearRef::Relative(-1);
                second.year = YearRef::Relative(-1);
            }
        }
        Some(match (first.period(self.doc), second.period(self.doc)) {
            (Some(a), Some(b)) if a.bounds().0 <= b.bounds().1 => Some(join(a, b)),
            (Some(_), Some(_)) => return None,
            _ => None,
        })
    }

    /// Whether the expression ending before `next` ends in a number that a count noun
    /// follows (`from 2019 to 2020 jobs`): then it is a figure, not a time.
    pub(super) fn ends_in_count(&self, next: usize) -> bool {
        next > 0
            && self.toks[next - 1].kind == TokKind::Num
            && self.toks[next - 1].end - self.toks[next - 1].start == 4
            && self.count_noun(next)
    }
}
