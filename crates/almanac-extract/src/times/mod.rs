//! Time expressions, resolved against the document date into `Period`s.
//!
//! `find` scans a paragraph for every date, year and time phrase, so that the figure layer
//! knows which numbers are times (and never figures) and the fact layer knows which period
//! a figure holds for. Word lists live in `data/time_words.tsv`.
//!
//! Four modules: `words` (the word list and the literal words of the rules, numbered at
//! compile time by `w!`), `tokens` (a paragraph's tokens as this layer reads them), `parser`
//! (the pieces: `X`, `date`, `part`, `season`, `edge`, `joiner`, `relative`) and `rules`
//! (the productions below). Each production is repeated above the function that parses it.
//!
//! The grammar, tried at each token from left to right; the first rule that matches wins
//! and the scan resumes after it (`X`, `Y` are any *point* below):
//!
//! ```text
//! asof     = ("as of" | "as at") (edge X | X)                                AsOf, a day
//!          | ("as of" | "as at") ("today" | "now" | "present")             Point, the year
//! since    = "since" edge X                                                   ToDate
//!          | "since" X [joiner Y]                                             Span / ToDate
//! from     = "from" edge X [joiner Y] | "from" X joiner Y | "between" X "and" Y  Span / ToDate
//! deadline = ("by" | "until" | "till" | "through" | "up to" | "no later than")
//!            (edge X | "year-end" | X)  |  "before" (edge X | "year-end")     Deadline
//!          | "due" ["in" | "on" | "for"] X                                 Deadline
//! same     = "the" ("same" | "corresponding") ("period" | "time" | "date")
//!            [["of" | "in"] (year | relative)]                               Comparison
//! over     = ("over" | "during" | "for" | "in" | "throughout") "the" ["past"|"last"] "year"  Point
//! months   = "the" ("past" | "last") N "months"                               Span
//!          | ("over" | "for" | "during" | "throughout" | "In") N "months" ["this year"]  Span
//! past     = "the" ("past" | "last") N "years" | N "years since"           Span
//!          | ["in" | "within"] ["the"] ("next" | "coming" | "nearest") N "years" ["ahead"]
//!          | ("in" | "within") N "years" ["ahead"]                             Span
//!          | N "years ago"                                                    Point
//! todate   = "so far this year" | "so far in" X | "year to date"              ToDate
//! present  = "at present" | "at the moment" | "currently" | "today" ...      Point
//! point    = edge X | ["at"] ["the"] "year-end" [year] | decade | X [joiner Y]  Point / Span
//!          | M "and" M+1   (two months in a row, no year before the `and`)    Span
//!          | "a year earlier"                                                 Comparison
//!          | relative "'s" [compare_noun]                                     Point / Comparison
//! elided   = ("in" | "for") ["the"] ordinal ("," | ";" | dash), right after a quarter or
//!            a half (`In the first quarter, ...; in the second, ...`)         Point
//! edge     = ["the"] ("beginning" | "start" | "end" | "middle") "of"  |  "early" | "late" | "mid"
//! joiner   = "-" | "–" | "—" | "/" | "to" | "till" | "until" | "through"
//! X        = date | part [year] | season | ["this"] month [year] | year | relative
//! season   = ("this" | "last" | "next" | "the past" ...) season_word
//!          | ["the"] season_word (year | "of" year | year "-" year | relative)
//!          | cue ["the"] season_word                 (cue: "in", "during", "this", "by" ...)
//! date     = "2021-06-25" | "25.06.2021" | "25/06/2021" | month day [","] [year]
//!          | day ["of"] month [","] [year]
//! part     = ["the"] ordinal ("quarter" | "half" ["-year"]) | "Q1" | "1Q" | "H1" | "1H"
//!          | ["the"] "first" N ("months" | "quarters") | N "months of" year
//! relative = "this year" | "the current year" | "last year" | "the previous year"
//!          | "next year" | "a year ago" | "this month" | "last month" ...
//! ```
//!
//! After a match, a Point, Span or ToDate is made a `Comparison` when a comparison word
//! comes before it, past `in`, `the`, `that`, `of`, `whole` ... (`than`, `against`,
//! `versus`, `vs.`, `compared with`, `compared to`, `relative to`, the second `as` of
//! `twice as many as in 2019` but not of `as well as`), or, for the year before (`a year
//! ago`, `last year`), when a `from` with a number after it opens the clause (`up from 5.3%
//! a year ago`; not `from 5% to 7% last year`). Word lists of the classes `season`,
//! `season_cue`, `month_cue`, `compare_cue`, `compare_verb` and `compare_noun` are in
//! `data/time_words.tsv`.
//!
//! Decisions:
//! - A year, month or date without a year takes the document's year ("In February" said in
//!   2021 is `2021-02`, even when February is still to come). This holds early in the year
//!   too: `in December` or `in the fourth quarter` said on 2024-01-20 are `2024-12` and
//!   `2024-Q4`, though a report in January may mean the year just ended; the fact linker
//!   decides that by tense. Without a document date such expressions are still returned,
//!   with `period: None`.
//! - `this` before a month or a season is the document's year, never the next one (`this
//!   summer` said in September 2024 is `2024-06/2024-08`); `last` and `next` move it by a
//!   year.
//! - Seasons are month intervals: spring `03/05`, summer `06/08`, autumn or fall `09/11`.
//!   A winter runs from December to February: from December of the year written with it
//!   (`winter 2023-2024`, `the winter of 2023` are `2023-12/2024-02`), or, with no year
//!   written, of the year before the one it resolves to (`this winter` said in 2024 is
//!   `2023-12/2024-02`).
//! - `since X` and `from X` (to date) with a month, a day or a season later than the
//!   document's month take the year before: `since December` said in January 2024 is
//!   `2023-12/2024-01`. `from January` (to date) reads only a month of this year; `from
//!   2022` alone is no range (`up 14% from 2022`).
//! - Counted months run from January of the document year: `over eight months` and `In
//!   eight months, ...` said in September 2024 are `2024-01/2024-08`; `for 11 months`,
//!   `during the first eight months`, `nine months of 2023` likewise. `the past N months`
//!   ends with the month before the document month (`the past ten months` said in
//!   November 2023 is `2023-01/2023-10`). A count over 12, or one after a plain `in`
//!   inside a sentence (`to be finished in 8 months`), is a duration, not a time.
//! - `at the end of the year` and `at year-end` are the document year, or the year before
//!   when said in January or February (a report on the year just ended); `by the end of
//!   the year` (a deadline) always the document year.
//! - Comparisons (`TimeKind::Comparison`) keep their period but are never a figure's own
//!   one: `14% less than in 2022` gives `2022` as a Comparison, `in 2022` alone a Point.
//!   `the same period of last year`, `the same period a year earlier` and a bare `the same
//!   period` after a comparison word are the previous year; `a year earlier` is always a
//!   Comparison except at the start of a sentence (`A year earlier, ...`); `last year's`
//!   is a Point unless a comparison word precedes it or a word like `level` follows.
//! - `by X` gives X (the deadline's period), while `until X` / `till X` / `through X` /
//!   `up to X` with a year X give the plan's span from the document year: `until 2030` said
//!   in 2024 is `2024/2030`. Without a document date `until 2030` is just `2030`.
//! - Counted years run from the document year, which is one of them (FACTS.md): `the past
//!   three years` said in 2025 is `2023/2025`, `the next five years` and `in five years` said
//!   in 2024 are `2024/2028` (a plan's span when a verb says so); `7 years since ...` said in
//!   2019 counts back from it, `2012/2019`.
//! - Ranges of quarters or halves are written in months (`Q1-Q3 2023` is `2023-01/2023-09`);
//!   a single quarter or half keeps its own form (`2021-Q1`, `2021-H1`).
//! - A bare four-digit number is a year unless a noun follows that makes it a count
//!   (`2000 people`, `2020 new jobs`, `2019 projects`); a cue before it (`in`, `since`,
//!   `until` ...) makes it a year whatever follows.
//! - A year inside a name (`Strategy 2050`, `Kazakhstan-2050`, `the 2025 digitalization
//!   strategy`) is returned with kind `Name` and `period: None`: it is no figure and no time.
//! - `at present`, `currently`, `presently`, `nowadays`, `today` are Points in the document
//!   year. Plain `now` is left out: it is too often a discourse word.
//! - `over the year` (and `during the year`, `for the year`) is the document year, or the
//!   year before when the document is from January. `since the beginning of the year` and
//!   `so far this year` run from January to the document month.
//! - A date written without a year (`June 25`, `Dec. 27`) is a Point with a Day period in the
//!   document year; `In February 15 projects ...` reads `February` only, not a day.
//! - Spans leave out a plain preposition (`in 2021` gives `2021`) but keep the words that
//!   decide the kind (`by the end of 2021`, `until 2030`, `from 2016 to 2022`,
//!   `since the beginning of the year`, `as of June 1, 2024`).

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use crate::period::Period;
use crate::tokens::{tokenize, Token};

mod parser;
mod rules;
#[cfg(test)]
mod tests;
mod tokens;
mod words;

use parser::{Parser, Unit, YearRef};
use tokens::clamp;
pub(crate) use words::vocabulary_words;
use words::w;

/// How a time expression relates a figure to its period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// `in 2021`, `in February`, `last year`, `the first quarter`.
    Point,
    /// `by the end of 2021`, `until 2030`, `by 2030`: a plan's deadline.
    Deadline,
    /// `since the beginning of the year`, `so far this year`: year to date.
    ToDate,
    /// `from 2016 to 2022`, `2016-2022`, `January-May 2024`.
    Span,
    /// `over five years`, `за три года`: a count of years with no direction of its own. Its
    /// `period` is the span ahead from the document's year, as a plan's; the fact layer reads
    /// an achieved figure's as the span that ends at the document's year.
    Duration,
    /// `as of the beginning of this year`: a day.
    AsOf,
    /// A year that is part of a name (`Strategy 2050`, `the 2025 digitalization strategy`):
    /// not a figure and not a period either, so its `period` is always `None`.
    Name,
    /// A time a figure is compared with, not the figure's own period: introduced by a
    /// comparison (`less than in 2022`, `compared with 2022`, `against 2022`, `versus
    /// 2022`, `up from 5% a year ago`), or a comparison in itself (`the same period of last
    /// year`, `a year earlier`, `last year's level`). Its `period` is the compared time
    /// (`2022`; the previous year for `the same period of last year`). The fact layer
    /// never takes it as a figure's period.
    Comparison,
}

/// One time expression found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeExpr {
    pub span: [usize; 2],
    pub text: String,
    /// `None` when it needs a document date that is not known (`this year` with no date),
    /// and always for kind `Name`.
    pub period: Option<Period>,
    pub kind: TimeKind,
}

/// Finds the time expressions in `text[range]`, resolved against `doc_date`.
///
/// The expressions come in text order and never overlap; every `span` slices `text` to
/// the expression's `text`. Never panics: a range out of bounds or inside a character is
/// clamped.
pub fn find(text: &str, range: Range<usize>, doc_date: Option<NaiveDate>) -> Vec<TimeExpr> {
    find_in(text, &tokenize(text, clamp(text, range)), doc_date)
}

/// `find` over a stretch of `text`'s token stream (a paragraph's tokens).
pub(crate) fn find_in(text: &str, atoms: &[Token], doc_date: Option<NaiveDate>) -> Vec<TimeExpr> {
    let parser = Parser::new(text, atoms, doc_date);
    let mut res: Vec<TimeExpr> = Vec::new();
    let mut tok_idx = 0;
    while tok_idx < parser.toks.len() {
        if !parser.may_start(tok_idx) {
            tok_idx += 1;
            continue;
        }
        let hit = parser
            .rule_at(tok_idx)
            .or_else(|| parser.elided_part(tok_idx, res.last().and_then(|t| t.period)));
        match hit {
            Some(hit) if hit.end > tok_idx && hit.end <= parser.toks.len() => {
                let span = [parser.toks[tok_idx].start, parser.toks[hit.end - 1].end];
                // `rose 0.4% in March from February`: a `from` right after another time is
                // the base the change is counted from.
                let base = parser.is_word(tok_idx, w!("from"))
                    && tok_idx > 0
                    && res
                        .last()
                        .is_some_and(|t| t.span[1] == parser.toks[tok_idx - 1].end);
                let compared = base
                    || (matches!(
                        hit.kind,
                        TimeKind::Point | TimeKind::Span | TimeKind::ToDate
                    ) && (parser.compared(tok_idx, hit.end)
                        || labels_bracketed_figure(text, span)
                        || brackets_legend(text, span)));
                res.push(TimeExpr {
                    span,
                    text: text[span[0]..span[1]].to_string(),
                    period: hit.period,
                    kind: if compared {
                        TimeKind::Comparison
                    } else {
                        hit.kind
                    },
                });
                tok_idx = hit.end;
            }
            _ => tok_idx += 1,
        }
    }
    res
}

/// Whether the time at `span` labels the figure after it in brackets: `(2024: 30.0
/// trillion)`, `(2022 год: 1 912,3 тыс. тонн)`. It dates that figure alone, as a base the
/// figure before it is set against, so it is a comparison to every other figure.
pub(crate) fn labels_bracketed_figure(text: &str, span: [usize; 2]) -> bool {
    if !text[..span[0]].trim_end().ends_with('(') {
        return false;
    }
    let after = text[span[1]..].trim_start();
    let after = ["год", "г.", "year"]
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .unwrap_or(after);
    after.trim_start().starts_with(':')
}

/// Whether the time at `span` is a legend that says what the figures in brackets are
/// (`Main results (in brackets – 2022):`, `(в скобках – 2022 год)`): the base those figures
/// are, not the period of the lines below it.
pub(crate) fn brackets_legend(text: &str, span: [usize; 2]) -> bool {
    const LEGENDS: [&str; 4] = [
        "in brackets",
        "in parentheses",
        "в скобках",
        "в скобках указан",
    ];
    let from = text.floor_char_boundary(span[0].saturating_sub(32));
    // A legend stands in brackets: most times have none just before them, and cost no more.
    if !text[from..span[0]].contains('(') {
        return false;
    }
    let before = text[from..span[0]]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-' | ':' | ','))
        .to_lowercase();
    let before = before.strip_suffix(" for").unwrap_or(&before);
    if LEGENDS.iter().any(|l| before.ends_with(l)) {
        return true;
    }
    let after = text[span[1]..text.floor_char_boundary(span[1] + 48)].trim_start();
    let after = ["годы", "год", "г.", "figures", "year"]
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .unwrap_or(after)
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-' | ':' | ','))
        .to_lowercase();
    LEGENDS.iter().any(|l| after.starts_with(l))
}

/// A publication date written near the start of an article (`by October 29, 2019`).
///
/// Looks for the first full date (day, month and year) that starts within the first 300
/// bytes of `text[range]` and returns it with the span of the date itself (`October 29,
/// 2019`, without `by`).
pub fn date_in_text(text: &str, range: Range<usize>) -> Option<(NaiveDate, [usize; 2])> {
    const HEAD: usize = 300;
    let start = range.start.min(text.len());
    // Tokenize a little past the head so that a date starting in it is read whole.
    let end = range.end.min(start.saturating_add(HEAD + 40));
    let parser = Parser::new(text, &tokenize(text, clamp(text, start..end)), None);
    for tok_idx in 0..parser.toks.len() {
        if parser.toks[tok_idx].start >= start + HEAD {
            break;
        }
        if let Some((when, next)) = parser.date_at(tok_idx) {
            if let (Unit::Day(m, d), YearRef::Explicit(y)) = (when.unit, when.year) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m as u32, d as u32) {
                    let span = [parser.toks[tok_idx].start, parser.toks[next - 1].end];
                    return Some((date, span));
                }
            }
        }
    }
    None
}
