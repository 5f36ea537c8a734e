//! Time expressions, resolved against the document date into `Period`s.
//!
//! `find` scans a paragraph for every date, year and time phrase, so that the figure layer
//! knows which numbers are times (and never figures) and the fact layer knows which period
//! a figure holds for. Word lists live in `data/time_words.tsv`.
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
//! same     = "the" ("same" | "corresponding") ("period" | "time")
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
//!          | "a year earlier"                                                 Comparison
//!          | relative "'s" [compare_noun]                                     Point / Comparison
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
//! comes before it, past `in`, `the`, `that`, `of` ... (`than`, `against`, `versus`,
//! `vs.`, `compared with`, `compared to`, `relative to`), or, for the year before (`a year
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
//!   in 2024 are `2024/2028` (a plan's span, when a verb says so); `7 years since ...` said in 2019
//!   counts back from it, `2012/2019`.
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

use rustc_hash::FxHashMap as HashMap;
use std::cell::Cell;
use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::data;
use crate::period::Period;
use crate::swar::{leading_ascii_letters, load8, BYTES_01};

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
    let parser = Parser::new(text, range, doc_date);
    let mut res = Vec::new();
    let mut tok_idx = 0;
    while tok_idx < parser.toks.len() {
        if !parser.may_start(tok_idx) {
            tok_idx += 1;
            continue;
        }
        match parser.rule_at(tok_idx) {
            Some(hit) if hit.end > tok_idx && hit.end <= parser.toks.len() => {
                let span = [parser.toks[tok_idx].start, parser.toks[hit.end - 1].end];
                let compared = matches!(
                    hit.kind,
                    TimeKind::Point | TimeKind::Span | TimeKind::ToDate
                ) && parser.compared(tok_idx, hit.end);
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
    let parser = Parser::new(text, start..end, None);
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

// ---------------------------------------------------------------------------------------
// Word lists

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Month,
    Ordinal,
    Cardinal,
    Roman,
    RelYear,
    Present,
    YearCue,
    Name,
    CountNoun,
    NotNoun,
    Season,
    SeasonCue,
    MonthCue,
    CompareCue,
    CompareVerb,
    CompareNoun,
    /// Not a class of the data: marks the words a rule can start with (`RULE_STARTS`).
    Start,
}

const CLASS_COUNT: usize = Class::Start as usize + 1;

impl Class {
    /// The class as a bit of `Entry::classes`.
    #[inline]
    const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// A word of the word list: its classes with their values, and which literal word of the
/// rules it is.
struct Entry {
    /// One bit per `Class`.
    classes: u32,
    /// The value of each class (the first one given, when a word repeats a class).
    values: [i32; CLASS_COUNT],
    /// The word's index in `START_WORDS` (`word_id`), or `NO_WORD`.
    word: u8,
}

pub(crate) struct Lexicon {
    /// The words that fit `pack`, packed, with what a token keeps of their entry: an
    /// open-addressing table (`slot`) mostly empty, so that a word in no list is told after
    /// one probe.
    table: Vec<Slot>,
    /// The longer words, to their entry in `entries`.
    long: HashMap<&'static str, usize>,
    entries: Vec<Entry>,
}

/// A word of `Lexicon::table`, with what a token keeps of its entry, so that a lookup reads
/// one place. An empty slot (`key` 0) is that of the words in no list.
#[derive(Clone, Copy)]
struct Slot {
    key: u128,
    classes: u32,
    /// The index in `Lexicon::entries`.
    entry: u16,
    word: u8,
}

const EMPTY_SLOT: Slot = Slot {
    key: 0,
    classes: 0,
    entry: 0,
    word: NO_WORD,
};

/// `Lexicon::table` has `1 << TABLE_BITS` slots.
const TABLE_BITS: u32 = 11;

impl Lexicon {
    /// The slot of a lower-case word; an empty one when it is in no list.
    fn find(&self, lower: &[u8]) -> Slot {
        match pack(lower) {
            Some(key) => self.find_packed(key),
            None => match std::str::from_utf8(lower)
                .ok()
                .and_then(|w| self.long.get(w))
            {
                Some(&k) => self.slot_of(0, k),
                None => EMPTY_SLOT,
            },
        }
    }

    /// The slot of a packed lower-case word (`pack`); an empty one when it is in no list.
    #[inline]
    fn find_packed(&self, key: u128) -> Slot {
        let mask = self.table.len() - 1;
        let mut k = slot(key);
        loop {
            let found = self.table[k & mask];
            if found.key == key || found.key == 0 {
                return found;
            }
            k += 1;
        }
    }

    fn slot_of(&self, key: u128, entry: usize) -> Slot {
        Slot {
            key,
            classes: self.entries[entry].classes,
            // `lexicon()` checks that every index fits.
            entry: entry as u16,
            word: self.entries[entry].word,
        }
    }
}

/// A lower-case word of 1 to 16 bytes as one number (its bytes, little-endian, padded with
/// zeros; a word has no zero byte), so that looking it up hashes no string.
#[inline]
fn pack(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word);
    Some(u128::from_le_bytes(buf))
}

/// Where a packed word starts its search in `Lexicon::table`.
#[inline]
fn slot(key: u128) -> usize {
    let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(31);
    (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut index: HashMap<&'static str, usize> = HashMap::default();
        // Entry 0 is that of the words in no list.
        let mut entries: Vec<Entry> = vec![Entry {
            classes: 0,
            values: [0; CLASS_COUNT],
            word: NO_WORD,
        }];
        let mut entry_of = |word: &'static str, entries: &mut Vec<Entry>| {
            *index.entry(word).or_insert_with(|| {
                entries.push(Entry {
                    classes: 0,
                    values: [0; CLASS_COUNT],
                    word: START_WORDS
                        .iter()
                        .position(|w| *w == word)
                        .map_or(NO_WORD, |k| k as u8),
                });
                entries.len() - 1
            })
        };
        let rows = data::TIME_WORDS.load(|r| {
            let word = r.get(0);
            if word != word.to_lowercase() {
                return Err(r.error(format_args!("{word:?} is not in lower case")));
            }
            let class = r.choice(
                1,
                &[
                    ("month", Class::Month),
                    ("ordinal", Class::Ordinal),
                    ("cardinal", Class::Cardinal),
                    ("roman", Class::Roman),
                    ("rel_year", Class::RelYear),
                    ("present", Class::Present),
                    ("year_cue", Class::YearCue),
                    ("name", Class::Name),
                    ("count_noun", Class::CountNoun),
                    ("not_noun", Class::NotNoun),
                    ("season", Class::Season),
                    ("season_cue", Class::SeasonCue),
                    ("month_cue", Class::MonthCue),
                    ("compare_cue", Class::CompareCue),
                    ("compare_verb", Class::CompareVerb),
                    ("compare_noun", Class::CompareNoun),
                ],
                None,
            )?;
            Ok((word, class, r.parse_opt(2, "value")?.unwrap_or(0)))
        });
        for (word, class, value) in rows {
            let k = entry_of(word, &mut entries);
            let entry = &mut entries[k];
            // A class given twice keeps its first value.
            if entry.classes & class.bit() == 0 {
                entry.classes |= class.bit();
                entry.values[class as usize] = value;
            }
        }
        // The literal words of the rules get an entry too (with no class), so that one
        // lookup per token tells whether a rule can start there at all, and which word it is.
        for word in START_WORDS {
            entry_of(word, &mut entries);
        }
        // `Tok::entry` is a `u16`.
        assert!(entries.len() <= usize::from(u16::MAX));
        let mut lexicon = Lexicon {
            table: vec![EMPTY_SLOT; 1 << TABLE_BITS],
            long: HashMap::default(),
            entries,
        };
        for (&word, &k) in &index {
            let entry = &mut lexicon.entries[k];
            let starts = RULE_STARTS.contains(&word)
                || START_CLASSES.iter().any(|c| entry.classes & c.bit() != 0);
            if starts {
                entry.classes |= Class::Start.bit();
            }
        }
        for (word, k) in index {
            match pack(word.as_bytes()) {
                Some(key) => {
                    let mask = lexicon.table.len() - 1;
                    let mut at = slot(key);
                    while lexicon.table[at & mask].key != 0 {
                        at += 1;
                    }
                    lexicon.table[at & mask] = lexicon.slot_of(key, k);
                }
                None => {
                    lexicon.long.insert(word, k);
                }
            }
        }
        lexicon
    })
}

/// The words a rule can start with, besides numbers and the words of `START_CLASSES`: the
/// first word each rule reads (`as of`, `since`, `from`, `between`, `no later than`, `up
/// to`, `by`, `before`, `until`, `the`, `over`, `in`, `so far`, `year to date`, `at present`,
/// the edges, `Q1`, `H1`, `first`, `this`, `last`, `next`, `a year ago` ...).
const RULE_STARTS: &[&str] = &[
    "a",
    "as",
    "at",
    "before",
    "beginning",
    "between",
    "by",
    "during",
    "early",
    "end",
    "first",
    "for",
    "from",
    "h",
    "in",
    "last",
    "late",
    "mid",
    "middle",
    "next",
    "no",
    "not",
    "over",
    "q",
    "since",
    "so",
    "start",
    "the",
    "this",
    "through",
    "throughout",
    "till",
    "until",
    "untill",
    "up",
    "within",
    "year",
];

/// The classes whose words may start a rule: months, counts, ordinals, seasons, `this year`
/// words, `currently` words and cues of counted months.
const START_CLASSES: &[Class] = &[
    Class::Month,
    Class::Ordinal,
    Class::Cardinal,
    Class::Roman,
    Class::RelYear,
    Class::Present,
    Class::Season,
    Class::MonthCue,
];

/// Every word the rules below compare a token with (`is_word`, `is_any`, `words`, `word`
/// matches). A rule can only start at a number or at a word that is either one of these or
/// in the word list: `find` skips every other token without trying the rules. The test
/// `start_words_cover_the_rules` checks that this list holds every literal of the parser.
const START_WORDS: &[&str] = &[
    "a",
    "after",
    "ago",
    "ahead",
    "and",
    "as",
    "at",
    "before",
    "beginning",
    "between",
    "by",
    "coming",
    "corresponding",
    "current",
    "date",
    "during",
    "earlier",
    "early",
    "end",
    "fall",
    "far",
    "first",
    "for",
    "from",
    "fy",
    "h",
    "half",
    "in",
    "july",
    "june",
    "last",
    "late",
    "later",
    "may",
    "mid",
    "middle",
    "moment",
    "month",
    "months",
    "nd",
    "nearest",
    "next",
    "no",
    "not",
    "now",
    "of",
    "over",
    "past",
    "period",
    "present",
    "previous",
    "prior",
    "q",
    "quarter",
    "quarters",
    "rd",
    "row",
    "running",
    "s",
    "same",
    "since",
    "so",
    "st",
    "start",
    "straight",
    "th",
    "than",
    "that",
    "the",
    "this",
    "those",
    "through",
    "throughout",
    "thru",
    "till",
    "time",
    "to",
    "today",
    "until",
    "untill",
    "up",
    "vs",
    "with",
    "within",
    "year",
    "years",
];

/// `Tok::word` of a word that is not in `START_WORDS`.
const NO_WORD: u8 = u8::MAX;

/// The index of `word` in `START_WORDS`; evaluated at compile time by `w!`, where a word
/// missing from the list is a compile error.
const fn word_id(word: &str) -> u8 {
    let word = word.as_bytes();
    let mut k = 0;
    while k < START_WORDS.len() {
        let known = START_WORDS[k].as_bytes();
        if known.len() == word.len() {
            let mut j = 0;
            while j < word.len() && known[j] == word[j] {
                j += 1;
            }
            if j == word.len() {
                return k as u8;
            }
        }
        k += 1;
    }
    panic!("a word of the rules is missing from START_WORDS");
}

/// A literal word of the rules as its number (`word_id`), so that comparing a token with it
/// is comparing two bytes.
macro_rules! w {
    ($word:literal) => {
        const { word_id($word) }
    };
}

// ---------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Word,
    Num,
    Punct(char),
}

/// `Tok::flags`: the token's first character is upper case.
const CAPITALIZED: u8 = 1;
/// `Tok::flags`: a word whose lower case has four bytes or more and ends in `s`.
const PLURAL_LIKE: u8 = 2;

#[derive(Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: TokKind,
    /// The word's classes in the word list, looked up once.
    classes: u32,
    /// The word's index in `Lexicon::entries` (0: in no list; also numbers and punctuation).
    entry: u16,
    /// The value of a number of at most four digits.
    num: u16,
    /// The word's index in `START_WORDS`, or `NO_WORD` (also for numbers and punctuation).
    word: u8,
    /// `CAPITALIZED`, `PLURAL_LIKE`.
    flags: u8,
}

/// What a byte starts (`BYTE_CLASS`): the ASCII bytes as the tokenizer reads them, every
/// other byte as the start of a character to decode.
const SPACE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const SYMBOL: u8 = 3;
const NON_ASCII: u8 = 4;

const BYTE_CLASS: [u8; 256] = {
    let mut table = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => SPACE,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            _ => SYMBOL,
        };
        b += 1;
    }
    table
};

/// The ASCII letters of `chunk` lower-cased, but for the first `len` bytes (at most 8) all
/// zeros: the half of a packed word (`pack`).
#[inline]
fn lower_letters(chunk: u64, len: usize) -> u64 {
    match len {
        0 => 0,
        // Every byte is an ASCII letter: setting its bit 5 makes it lower case.
        _ => (chunk | (BYTES_01 * 0x20)) & (u64::MAX >> (8 * (8 - len.min(8)))),
    }
}

/// The character at byte `pos` of `text[..end]` and its length.
#[inline]
fn char_at(text: &str, pos: usize, end: usize) -> Option<(char, usize)> {
    let ch = text.get(pos..end)?.chars().next()?;
    Some((ch, ch.len_utf8()))
}

/// Splits `text[range]` into words (runs of letters), numbers (runs of ASCII digits) and
/// single punctuation characters, and looks each word up in the word list.
fn tokenize(text: &str, range: Range<usize>, toks: &mut Vec<Tok>) {
    let lex = lexicon();
    let bytes = text.as_bytes();
    let end = range.end;
    toks.reserve((end - range.start) / 3 + 8);
    let mut pos = range.start;
    while pos < end {
        let start = pos;
        let (kind, flags) = match BYTE_CLASS[usize::from(bytes[pos])] {
            SPACE => {
                pos += 1;
                continue;
            }
            LETTER => {
                pos = read_ascii_word(text, start, end, lex, toks);
                // The space after a word, without another turn of the loop.
                if pos < end && bytes[pos] == b' ' {
                    pos += 1;
                }
                continue;
            }
            DIGIT => {
                while pos < end && bytes[pos].is_ascii_digit() {
                    pos += 1;
                }
                let num = match pos - start {
                    ..=4 => bytes[start..pos]
                        .iter()
                        .fold(0, |n, &d| n * 10 + u16::from(d - b'0')),
                    _ => 0,
                };
                toks.push(Tok {
                    start,
                    end: pos,
                    kind: TokKind::Num,
                    classes: 0,
                    entry: 0,
                    num,
                    word: NO_WORD,
                    flags: 0,
                });
                continue;
            }
            SYMBOL => {
                pos += 1;
                (TokKind::Punct(char::from(bytes[start])), 0)
            }
            _ => {
                let Some((ch, len)) = char_at(text, pos, end) else {
                    break;
                };
                pos += len;
                if ch.is_whitespace() {
                    continue;
                }
                let flags = if ch.is_uppercase() { CAPITALIZED } else { 0 };
                if ch.is_alphabetic() {
                    pos = read_word(text, start, pos, end, flags, lex, toks);
                    continue;
                }
                (TokKind::Punct(ch), flags)
            }
        };
        toks.push(Tok {
            start,
            end: pos,
            kind,
            classes: 0,
            entry: 0,
            num: 0,
            word: NO_WORD,
            flags,
        });
    }
}

/// Reads the word starting with the ASCII letter at `start` into `toks`; gives its end.
#[inline]
fn read_ascii_word(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
    toks: &mut Vec<Tok>,
) -> usize {
    let bytes = text.as_bytes();
    let flags = if bytes[start].is_ascii_uppercase() {
        CAPITALIZED
    } else {
        0
    };
    // Most words are read 8 bytes at a time: their letters counted and the word packed for
    // the lookup from the same numbers.
    let Some(first) = load8(bytes, start) else {
        return read_word(text, start, start + 1, end, flags, lex, toks);
    };
    let mut len = leading_ascii_letters(first);
    let mut second = 0;
    if len == 8 {
        let Some(next) = load8(bytes, start + 8) else {
            // The range may end inside these 8 letters (`date_in_text` cuts it short).
            return read_word(text, start, (start + 8).min(end), end, flags, lex, toks);
        };
        second = next;
        len += leading_ascii_letters(next);
    }
    let len = len.min(end - start);
    let pos = start + len;
    if len == 16 || (pos < end && bytes[pos] >= 0x80) {
        // A longer word, or one going on with other letters.
        return read_word(text, start, pos, end, flags, lex, toks);
    }
    let key = u128::from(lower_letters(first, len))
        | u128::from(lower_letters(second, len.saturating_sub(8))) << 64;
    let plural = len >= 4 && bytes[pos - 1] | 0x20 == b's';
    push_word(toks, start, pos, flags, plural, lex.find_packed(key));
    pos
}

/// Reads the word of `text[start..]` whose letters go on at `pos` into `toks`; gives its
/// end. Handles every word; `read_ascii_word` is the short way for most of them.
#[cold]
fn read_word(
    text: &str,
    start: usize,
    mut pos: usize,
    end: usize,
    flags: u8,
    lex: &Lexicon,
    toks: &mut Vec<Tok>,
) -> usize {
    let bytes = text.as_bytes();
    let mut ascii = bytes[start] < 0x80;
    // ASCII letters and other alphabetic characters.
    loop {
        while pos < end && bytes[pos].is_ascii_alphabetic() {
            pos += 1;
        }
        if pos >= end || bytes[pos] < 0x80 {
            break;
        }
        match char_at(text, pos, end) {
            Some((next, len)) if next.is_alphabetic() => {
                ascii = false;
                pos += len;
            }
            _ => break,
        }
    }
    let lower = if ascii {
        text[start..pos].to_ascii_lowercase()
    } else {
        text[start..pos].to_lowercase()
    };
    let plural = lower.len() >= 4 && lower.ends_with('s');
    push_word(toks, start, pos, flags, plural, lex.find(lower.as_bytes()));
    pos
}

#[inline]
fn push_word(toks: &mut Vec<Tok>, start: usize, end: usize, flags: u8, plural: bool, known: Slot) {
    toks.push(Tok {
        start,
        end,
        kind: TokKind::Word,
        classes: known.classes,
        entry: known.entry,
        num: 0,
        word: known.word,
        flags: flags | if plural { PLURAL_LIKE } else { 0 },
    });
}

/// Clamps `range` into `text` on character boundaries.
fn clamp(text: &str, range: Range<usize>) -> Range<usize> {
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start..end.max(start)
}

fn is_dash(ch: char) -> bool {
    matches!(ch, '-' | '–' | '—' | '‑' | '‒' | '−')
}

// ---------------------------------------------------------------------------------------
// Points: what a time expression is made of, before it is resolved

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
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
    fn first_month(self) -> u8 {
        match self {
            Unit::Year => 1,
            Unit::Half(h) => (h - 1) * 6 + 1,
            Unit::Quarter(q) | Unit::Quarters(q, _) => (q - 1) * 3 + 1,
            Unit::Month(m) | Unit::Day(m, _) | Unit::Months(m, _) | Unit::Season(m) => m,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearRef {
    Explicit(i32),
    /// Offset from the document year (`last year` is -1).
    Relative(i32),
    /// No year written: the document year.
    Implicit,
}

#[derive(Debug, Clone, Copy)]
struct When {
    unit: Unit,
    year: YearRef,
}

impl When {
    fn resolve_year(self, doc: Option<NaiveDate>) -> Option<i32> {
        match self.year {
            YearRef::Explicit(y) => Some(y),
            YearRef::Relative(offset) => doc.map(|d| d.year() + offset),
            YearRef::Implicit => doc.map(|d| d.year()),
        }
    }

    fn period(self, doc: Option<NaiveDate>) -> Option<Period> {
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
enum Edge {
    Start,
    Middle,
    End,
}

struct Hit {
    /// Token index one past the expression.
    end: usize,
    period: Option<Period>,
    kind: TimeKind,
}

fn hit(end: usize, period: Option<Period>, kind: TimeKind) -> Option<Hit> {
    Some(Hit { end, period, kind })
}

fn day_period(date: Option<NaiveDate>) -> Option<Period> {
    date.map(Period::Day)
}

/// The range from `from` to `to`. Quarters and halves at its ends become months, as FACTS.md
/// writes ranges (`Q1-Q3 2023` is `2023-01/2023-09`); years stay years and days stay days.
fn join(from: Period, to: Period) -> Period {
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

struct Parser<'a> {
    text: &'a str,
    lex: &'static Lexicon,
    toks: Vec<Tok>,
    doc: Option<NaiveDate>,
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
    fn new(text: &'a str, range: Range<usize>, doc: Option<NaiveDate>) -> Self {
        let range = clamp(text, range);
        let mut toks = TOKENS.with(Cell::take);
        toks.clear();
        tokenize(text, range, &mut toks);
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
    fn may_start(&self, i: usize) -> bool {
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
    fn may_be_time_number(&self, i: usize) -> bool {
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
    fn is_word_tok(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    /// The literal word of the rules at `i` (`w!`), or `NO_WORD`.
    #[inline]
    fn word(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(NO_WORD, |t| t.word)
    }

    #[inline]
    fn is_word(&self, i: usize, word: u8) -> bool {
        self.word(i) == word
    }

    #[inline]
    fn is_any(&self, i: usize, words: &[u8]) -> bool {
        words.contains(&self.word(i))
    }

    /// Matches `words` in sequence from `i`; gives the index after them.
    fn words(&self, i: usize, words: &[u8]) -> Option<usize> {
        for (k, w) in words.iter().enumerate() {
            if !self.is_word(i + k, *w) {
                return None;
            }
        }
        Some(i + words.len())
    }

    /// Skips an optional `the` at `i`.
    fn skip_the(&self, i: usize) -> usize {
        if self.is_word(i, w!("the")) {
            i + 1
        } else {
            i
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            TokKind::Punct(ch) => Some(ch),
            _ => None,
        }
    }

    fn is_dash(&self, i: usize) -> bool {
        self.punct(i).is_some_and(is_dash)
    }

    /// Whether token `i` follows token `i - 1` without a space.
    fn attached(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    fn capitalized(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.flags & CAPITALIZED != 0)
    }

    #[inline]
    fn class(&self, i: usize, class: Class) -> Option<i32> {
        let tok = self.toks.get(i)?;
        (tok.classes & class.bit() != 0)
            .then(|| self.lex.entries[usize::from(tok.entry)].values[class as usize])
    }

    /// The digits of a number token, when short enough to be a date part.
    #[inline]
    fn digits(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.toks.get(i)?;
        let len = tok.end - tok.start;
        if tok.kind != TokKind::Num || len > 4 {
            return None;
        }
        Some((u32::from(tok.num), len))
    }

    /// Whether the number at `i` stands alone: not part of `2,500`, `2.5`, `5%`, `$2021`.
    fn lone_number(&self, i: usize) -> bool {
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
    fn count_noun(&self, i: usize) -> bool {
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

    /// A four-digit year, 1900 to 2100, standing alone.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
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

    /// A month name, capitalised; an abbreviation may carry its dot (`Dec.`).
    fn month_at(&self, i: usize) -> Option<(u8, usize)> {
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

    /// A day of the month: `25`, `25th`.
    fn day_at(&self, i: usize) -> Option<(u8, usize)> {
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

    /// A written year after a month or a part: `2021`, `, 2021`, `of 2021`, `this year`,
    /// `of last year`, `of the year`.
    fn year_after(&self, i: usize) -> Option<(YearRef, usize)> {
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

    /// `this year`, `the current year`, `last year`, `the previous year`, `next year`,
    /// `a year ago`; with `the_year`, also `the year` (after `of`: `the end of the year`).
    fn relative_year_at(&self, i: usize, the_year: bool) -> Option<(YearRef, usize)> {
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

    /// A full or partial date: `2021-06-25`, `25.06.2021`, `June 25`, `Dec. 27`,
    /// `October 29, 2019`, `29 October 2019`, `25th of June`.
    fn date_at(&self, i: usize) -> Option<(When, usize)> {
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
    fn numeric_year(&self, i: usize) -> Option<(i32, usize)> {
        let (value, len) = self.digits(i)?;
        (len == 4 && (1900..=2100).contains(&value)).then_some((value as i32, i + 1))
    }

    /// Whether a numeric date at `i` continues with more digits (`2021-06-25-7`, `1.2.2021.5`).
    fn glued_after(&self, i: usize) -> bool {
        self.attached(i + 1)
            && self
                .punct(i + 1)
                .is_some_and(|c| is_dash(c) || c == '.' || c == '/')
            && self.attached(i + 2)
            && self.toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Num)
    }

    /// A small count: `5`, `five`.
    fn count_at(&self, i: usize) -> Option<u8> {
        if let Some((value, len)) = self.digits(i) {
            return (len <= 2 && self.lone_number(i)).then_some(value as u8);
        }
        self.class(i, Class::Cardinal).map(|v| v as u8)
    }

    /// An ordinal: `first`, `1st`, `I` (upper case only).
    fn ordinal_at(&self, i: usize) -> Option<(u8, usize)> {
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

    /// A part of a year, without its year: `the first quarter`, `Q1`, `1H`, `the second
    /// half`, `the first half-year`, `the first five months`, `the first three quarters`.
    fn part_at(&self, i: usize) -> Option<(Unit, usize)> {
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
    fn may_start_point(&self, i: usize) -> bool {
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

    /// Any point in time: a date, a part of a year, a month, a year, a relative year;
    /// with its year when written.
    fn point_at(&self, i: usize) -> Option<(When, usize)> {
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

    /// A season: `this summer`, `last winter`, `the spring of 2023`, `summer 2024`,
    /// `winter 2023-2024`, `in autumn`, `the fall`. Without a year after it, a season word
    /// is only read after a cue (`in`, `during`, `this`, `last`, `of` ...), so that `a fall
    /// in prices`, `winter wheat` or `projects spring up` are no times.
    fn season_at(&self, i: usize) -> Option<(When, usize)> {
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
    fn doc_month(&self, offset: i32) -> Option<When> {
        let doc = self.doc?;
        let index = doc.year() * 12 + doc.month0() as i32 + offset;
        Some(When {
            unit: Unit::Month((index.rem_euclid(12) + 1) as u8),
            year: YearRef::Explicit(index.div_euclid(12)),
        })
    }

    /// `the beginning of`, `the start of`, `the end of`, `the middle of`; `early`, `late`,
    /// `mid`, `mid-`.
    fn edge_at(&self, i: usize) -> Option<(Edge, usize)> {
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

    /// An edge and what it is the edge of: `the end of 2021`, `the beginning of this
    /// year`, `the end of the year`, `the end of the first quarter`, `mid-2025`.
    fn edged_at(&self, i: usize) -> Option<(Edge, When, usize)> {
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

    /// `year-end`, `the year-end`, `the end of the year`: the end of the document year.
    fn year_end_at(&self, i: usize) -> Option<usize> {
        let j = self.skip_the(i);
        (self.is_word(j, w!("year"))
            && self.is_dash(j + 1)
            && self.attached(j + 1)
            && self.is_word(j + 2, w!("end")))
        .then_some(j + 3)
    }

    /// A joiner between two points of a range.
    fn joiner_at(&self, i: usize) -> Option<usize> {
        if self.is_dash(i) || self.punct(i) == Some('/') {
            return Some(i + 1);
        }
        self.is_any(
            i,
            &[w!("to"), w!("till"), w!("until"), w!("through"), w!("thru")],
        )
        .then_some(i + 1)
    }

    /// `X joiner Y` from token `i` (`X` already read, ending at `j`): resolves both ends,
    /// lending a written year to the end that has none.
    fn range_after(
        &self,
        first: When,
        j: usize,
        joiner_words: bool,
    ) -> Option<(Option<Period>, usize)> {
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
    fn join_points(&self, first: When, second: When) -> Option<Option<Period>> {
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
        }
        Some(match (first.period(self.doc), second.period(self.doc)) {
            (Some(a), Some(b)) if a.bounds().0 <= b.bounds().1 => Some(join(a, b)),
            (Some(_), Some(_)) => return None,
            _ => None,
        })
    }

    /// Whether the expression ending before `next` ends in a number that a count noun
    /// follows (`from 2019 to 2020 jobs`): then it is a figure, not a time.
    fn ends_in_count(&self, next: usize) -> bool {
        next > 0
            && self.toks[next - 1].kind == TokKind::Num
            && self.toks[next - 1].end - self.toks[next - 1].start == 4
            && self.count_noun(next)
    }

    // --- rules ---------------------------------------------------------------------------

    fn rule_at(&self, i: usize) -> Option<Hit> {
        let hit = self
            .as_of(i)
            .or_else(|| self.since(i))
            .or_else(|| self.range_from(i))
            .or_else(|| self.deadline(i))
            .or_else(|| self.same_period(i))
            .or_else(|| self.over_the_year(i))
            .or_else(|| self.counted_months(i))
            .or_else(|| self.past_years(i))
            .or_else(|| self.to_date(i))
            .or_else(|| self.present(i))
            .or_else(|| self.point(i))?;
        if hit.kind != TimeKind::Name && self.ends_in_count(hit.end) {
            let strong_cue = i > 0 && self.class(i - 1, Class::YearCue).is_some();
            if !strong_cue {
                return None;
            }
        }
        Some(hit)
    }

    /// `as of the beginning of this year`, `as of June 1, 2024`, `as at 2023`, `as of today`.
    fn as_of(&self, i: usize) -> Option<Hit> {
        let j = self
            .words(i, &[w!("as"), w!("of")])
            .or_else(|| self.words(i, &[w!("as"), w!("at")]))?;
        if let Some((edge, when, next)) = self.edged_at(j) {
            let period = when.period(self.doc).map(|p| match edge {
                Edge::Start => Period::Day(p.bounds().0),
                Edge::End => Period::Day(p.bounds().1),
                Edge::Middle => p,
            });
            return hit(next, period, TimeKind::AsOf);
        }
        // `as of today` is the document's year (FACTS.md): a count that stands now.
        if self.is_any(j, &[w!("today"), w!("now"), w!("present")]) {
            return hit(
                j + 1,
                self.doc.map(|d| Period::Year(d.year())),
                TimeKind::Point,
            );
        }
        let (when, next) = self.point_at(j)?;
        hit(next, when.period(self.doc), TimeKind::AsOf)
    }

    /// `since the beginning of the year` (ToDate), `since February` (ToDate), `since 2012`
    /// (Span up to the document year), `since 2016 to 2022` (Span).
    fn since(&self, i: usize) -> Option<Hit> {
        if !self.is_word(i, w!("since")) {
            return None;
        }
        self.start_to_now(i + 1)
    }

    /// After `since` or `from`: an edge or a point, up to a written end or to the document date.
    fn start_to_now(&self, j: usize) -> Option<Hit> {
        let doc = self.doc;
        if let Some((Edge::Start, when, next)) = self.edged_at(j) {
            let start = when.period(doc).map(|p| {
                let first = p.bounds().0;
                Period::Month(first.year(), first.month() as u8)
            });
            if let Some(k) = self.joiner_at(next) {
                if let Some((end, after)) = self.point_at(k) {
                    let end = When {
                        year: if end.year == YearRef::Implicit {
                            when.year
                        } else {
                            end.year
                        },
                        ..end
                    };
                    let period = match (start, end.period(doc)) {
                        (Some(a), Some(b)) if a.bounds().0 <= b.bounds().1 => {
                            Some(Period::interval(a, b))
                        }
                        _ => None,
                    };
                    return hit(after, period, TimeKind::Span);
                }
            }
            let period = start.zip(doc).map(|(a, d)| {
                let now = Period::Month(d.year(), d.month() as u8);
                if a.bounds().0 <= now.bounds().1 {
                    Period::interval(a, now)
                } else {
                    a
                }
            });
            return hit(next, period, TimeKind::ToDate);
        }
        let (when, next) = self.point_at(j)?;
        if let Some((period, after)) = self.range_after(when, next, true) {
            return hit(after, period, TimeKind::Span);
        }
        // `since December` said in January: December of the year before.
        let when = match (when.year, doc) {
            (YearRef::Implicit, Some(d))
                if when.unit != Unit::Year && u32::from(when.unit.first_month()) > d.month() =>
            {
                When {
                    year: YearRef::Relative(-1),
                    ..when
                }
            }
            _ => when,
        };
        let start = when.period(doc);
        let (now, kind) = match when.unit {
            Unit::Year => (doc.map(|d| Period::Year(d.year())), TimeKind::Span),
            Unit::Day(..) => (day_period(doc), TimeKind::ToDate),
            _ => (
                doc.map(|d| Period::Month(d.year(), d.month() as u8)),
                TimeKind::ToDate,
            ),
        };
        let period = match (start, now) {
            (Some(a), Some(b)) if a.bounds().0 <= b.bounds().1 => Some(Period::interval(a, b)),
            (Some(a), Some(_)) => Some(a),
            _ => None,
        };
        hit(next, period, kind)
    }

    /// `from 2016 to 2022`, `from January to May 2024`, `from the beginning of the year`,
    /// `between 2016 and 2022`.
    fn range_from(&self, i: usize) -> Option<Hit> {
        if self.is_word(i, w!("from")) {
            if self
                .edge_at(i + 1)
                .is_some_and(|(edge, _)| edge == Edge::Start)
            {
                return self.start_to_now(i + 1);
            }
            let (when, next) = self.point_at(i + 1)?;
            if let Some((period, after)) = self.range_after(when, next, true) {
                return hit(after, period, TimeKind::Span);
            }
            // `from January` (to date); `from 2022` alone is left to the other rules.
            let this_year = matches!(when.year, YearRef::Implicit | YearRef::Relative(0));
            if matches!(when.unit, Unit::Month(_)) && this_year {
                return self.start_to_now(i + 1);
            }
            return None;
        }
        if self.is_word(i, w!("between")) {
            let (when, next) = self.point_at(i + 1)?;
            if !self.is_word(next, w!("and")) {
                return None;
            }
            let (period, after) = self.range_with(when, next + 1)?;
            return hit(after, period, TimeKind::Span);
        }
        None
    }

    /// The end of a range whose joiner is already read: the second point starts at `k`.
    fn range_with(&self, first: When, k: usize) -> Option<(Option<Period>, usize)> {
        let (second, next) = self.point_at(k)?;
        let period = self.join_points(first, second)?;
        Some((period, next))
    }

    /// `by the end of 2021`, `by the end of the year`, `by year-end`, `by 2030`,
    /// `until 2030` (from the document year), `before June`, `no later than 2025`.
    fn deadline(&self, i: usize) -> Option<Hit> {
        let (cue, j) = if let Some(j) = self
            .words(i, &[w!("no"), w!("later"), w!("than")])
            .or_else(|| self.words(i, &[w!("not"), w!("later"), w!("than")]))
        {
            ("by", j)
        } else if let Some(j) = self.words(i, &[w!("up"), w!("to")]) {
            ("until", j)
        } else {
            let word = self.word(i);
            let cue = if word == w!("by")
                // `before the end of the year` is a deadline; `before 2020` is not.
                || (word == w!("before")
                    && (self.year_end_at(i + 1).is_some() || self.edge_at(i + 1).is_some()))
            {
                "by"
            } else if self.is_any(i, &[w!("until"), w!("till"), w!("through"), w!("untill")]) {
                "until"
            } else {
                return None;
            };
            (cue, i + 1)
        };
        let (target, next) = if let Some(next) = self.year_end_at(j) {
            let when = When {
                unit: Unit::Year,
                year: YearRef::Relative(0),
            };
            (when, next)
        } else if let Some((_, when, next)) = self.edged_at(j) {
            (when, next)
        } else {
            let (when, next) = self.point_at(j)?;
            // `from 2016 until 2022` is read by `from`; `2016-2022` after `until` is a span.
            if let Some((period, after)) = self.range_after(when, next, false) {
                return hit(after, period, TimeKind::Deadline);
            }
            (when, next)
        };
        let period = target.period(self.doc);
        let period = match (cue, target.unit, period, self.doc) {
            ("until", Unit::Year, Some(p), Some(doc)) if p.end_year() > doc.year() => {
                Some(Period::interval(Period::Year(doc.year()), p))
            }
            _ => period,
        };
        hit(next, period, TimeKind::Deadline)
    }

    /// `over the year`, `during the year`, `for the year`, `in the past year`: the
    /// document year, or the year before when said in January.
    fn over_the_year(&self, i: usize) -> Option<Hit> {
        if !self.is_any(
            i,
            &[
                w!("over"),
                w!("during"),
                w!("for"),
                w!("in"),
                w!("throughout"),
            ],
        ) {
            return None;
        }
        let mut j = i + 1;
        if !self.is_word(j, w!("the")) {
            return None;
        }
        j += 1;
        if self.is_any(j, &[w!("past"), w!("last")]) {
            j += 1;
        }
        let glued_dash = self.attached(j + 1) && self.is_dash(j + 1);
        let year_follows = self.year_at(j + 1).is_some() || self.is_word(j + 1, w!("of"));
        if !self.is_word(j, w!("year")) || glued_dash || year_follows {
            return None;
        }
        let period = self.doc.map(|d| {
            let y = if d.month() == 1 {
                d.year() - 1
            } else {
                d.year()
            };
            Period::Year(y)
        });
        hit(j + 1, period, TimeKind::Point)
    }

    /// `the same period of last year`, `the same period a year earlier`, `the same period of
    /// 2020`, `the corresponding period in 2022`; a bare `the same period` after a
    /// comparison (`compared to the same period`) is the year before. Always a Comparison.
    fn same_period(&self, i: usize) -> Option<Hit> {
        if !self.is_word(i, w!("the"))
            || !self.is_any(i + 1, &[w!("same"), w!("corresponding")])
            || !self.is_any(i + 2, &[w!("period"), w!("time")])
        {
            return None;
        }
        let k = i + 3;
        let k_year = if self.is_any(k, &[w!("in"), w!("during")]) {
            k + 1
        } else {
            k
        };
        let found = self
            .year_at(k_year)
            .map(|(y, next)| (YearRef::Explicit(y), next))
            .or_else(|| self.year_after(k_year));
        let (year, next) = match found {
            Some(res) => res,
            None if self.compared(i, k) => (YearRef::Relative(-1), k),
            None => return None,
        };
        let when = When {
            unit: Unit::Year,
            year,
        };
        hit(next, when.period(self.doc), TimeKind::Comparison)
    }

    /// A count of months from January of the document year: `over eight months`, `for 11
    /// months`, `In eight months, ...` (only at the start of a sentence: `to be finished in
    /// eight months` is a duration), `over eight months this year`; `the past ten months`,
    /// `the last 3 months` run back from the month before the document month. At most 12
    /// months: `in 18 months` is a duration. `N months of 2023` and `the first N months`
    /// are parts of a year (`part_at`).
    fn counted_months(&self, i: usize) -> Option<Hit> {
        let doc = self.doc;
        let months_word = |k: usize| self.is_any(k, &[w!("months"), w!("month")]);
        let small = |n: u8| (1..=12).contains(&n);
        // `the past ten months`, `the last 3 months`.
        if self.is_word(i, w!("the")) && self.is_any(i + 1, &[w!("past"), w!("last")]) {
            let n = self.count_at(i + 2)?;
            if !small(n) || !months_word(i + 3) {
                return None;
            }
            let period = doc.map(|d| {
                let end = d.year() * 12 + d.month0() as i32 - 1;
                let start = end - i32::from(n) + 1;
                let month = |index: i32| {
                    Period::Month(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
                };
                Period::interval(month(start), month(end))
            });
            return hit(i + 4, period, TimeKind::Span);
        }
        let cue = self.class(i, Class::MonthCue).is_some()
            || (self.is_word(i, w!("in")) && self.capitalized(i));
        if !cue {
            return None;
        }
        let n = self.count_at(i + 1)?;
        let k = i + 3;
        // `over eight months of construction`, `for 11 months in a row`: durations.
        if !small(n)
            || !months_word(i + 2)
            || self.is_any(
                k,
                &[
                    w!("of"),
                    w!("ago"),
                    w!("later"),
                    w!("after"),
                    w!("before"),
                    w!("running"),
                    w!("straight"),
                ],
            )
            || self.words(k, &[w!("in"), w!("a"), w!("row")]).is_some()
        {
            return None;
        }
        let (year, next) = match self.relative_year_at(k, false) {
            Some((year @ YearRef::Relative(0), next)) => (year, next),
            Some(_) => return None,
            None => (YearRef::Implicit, k),
        };
        let when = When {
            unit: Unit::Months(1, n),
            year,
        };
        hit(next, when.period(doc), TimeKind::Span)
    }

    /// `7 years since` (said in 2019: `2012/2019`), `the past five years`, `the last 3 years`
    /// (said in 2019: `2015/2019`, the current year counted), `the next five years`, `the
    /// nearest two years`, `in three years`, `within three years ahead` (said in 2024:
    /// `2024/2028`, `2024/2025`, `2024/2026`, `2024/2026`: a plan's span from the document
    /// year), `two years ago` (a Point).
    fn past_years(&self, i: usize) -> Option<Hit> {
        enum Count {
            /// `7 years since`: back from the document year, the year itself not counted.
            Since,
            /// `two years ago`: one year.
            Ago,
            /// `the past three years`: back, the current year one of them.
            Past,
            /// `the next three years`, `in three years`: ahead, the current year one of them.
            Ahead,
        }
        let (n, next, count) = if let Some(n) = self.count_at(i) {
            let n = i32::from(n);
            if self.words(i + 1, &[w!("years"), w!("since")]).is_some() {
                (n, i + 3, Count::Since)
            } else if self.words(i + 1, &[w!("years"), w!("ago")]).is_some() {
                (n, i + 3, Count::Ago)
            } else {
                return None;
            }
        } else if self.is_any(i, &[w!("in"), w!("within")]) {
            // `in three years`, `within three years ahead`; not `in 7 years since ...`.
            let j = if self.is_word(i + 1, w!("the"))
                && self.is_any(i + 2, &[w!("next"), w!("nearest"), w!("coming")])
            {
                i + 3
            } else {
                i + 1
            };
            let n = i32::from(self.count_at(j)?);
            if !self.is_word(j + 1, w!("years")) || self.is_any(j + 2, &[w!("since"), w!("ago")]) {
                return None;
            }
            let next = if self.is_word(j + 2, w!("ahead")) {
                j + 3
            } else {
                j + 2
            };
            (n, next, Count::Ahead)
        } else {
            if !self.is_word(i, w!("the")) {
                return None;
            }
            let count = if self.is_any(i + 1, &[w!("past"), w!("last")]) {
                Count::Past
            } else if self.is_any(i + 1, &[w!("next"), w!("coming"), w!("nearest")]) {
                Count::Ahead
            } else {
                return None;
            };
            let n = i32::from(self.count_at(i + 2)?);
            if !self.is_word(i + 3, w!("years")) {
                return None;
            }
            let next = if self.is_word(i + 4, w!("ahead")) {
                i + 5
            } else {
                i + 4
            };
            (n, next, count)
        };
        if n == 0 || n > 100 {
            return None;
        }
        let span = |from: i32, to: i32| Period::interval(Period::Year(from), Period::Year(to));
        let period = self.doc.map(|d| {
            let now = d.year();
            match count {
                Count::Since => span(now - n, now),
                Count::Ago => Period::Year(now - n),
                Count::Past if n == 1 => Period::Year(now),
                Count::Past => span(now - n + 1, now),
                Count::Ahead if n == 1 => Period::Year(now),
                Count::Ahead => span(now, now + n - 1),
            }
        });
        let kind = match count {
            Count::Ago => TimeKind::Point,
            // A span ahead is a plan's only with a verb of the future, which the fact layer
            // reads: `27 projects were done in 7 years` is no plan.
            Count::Since | Count::Past | Count::Ahead => TimeKind::Span,
        };
        hit(next, period, kind)
    }

    /// `so far this year`, `so far in 2021`, `year to date`, `year-to-date`.
    fn to_date(&self, i: usize) -> Option<Hit> {
        let doc = self.doc;
        let (year, next) = if let Some(j) = self.words(i, &[w!("so"), w!("far")]) {
            let j = if self.is_word(j, w!("in")) { j + 1 } else { j };
            let (year, next) = self.relative_year_at(j, false).or_else(|| {
                self.year_at(j)
                    .map(|(y, next)| (YearRef::Explicit(y), next))
            })?;
            (year, next)
        } else if self.is_word(i, w!("year"))
            && self.is_word(i + 2, w!("to"))
            && self.is_word(i + 4, w!("date"))
            && self.is_dash(i + 1)
            && self.is_dash(i + 3)
        {
            (YearRef::Relative(0), i + 5)
        } else if let Some(next) = self.words(i, &[w!("year"), w!("to"), w!("date")]) {
            (YearRef::Relative(0), next)
        } else {
            return None;
        };
        let when = When {
            unit: Unit::Year,
            year,
        };
        let period = when.resolve_year(doc).zip(doc).map(|(y, d)| {
            if y == d.year() {
                Period::interval(Period::Month(y, 1), Period::Month(y, d.month() as u8))
            } else {
                Period::Year(y)
            }
        });
        hit(next, period, TimeKind::ToDate)
    }

    /// `at present`, `at the moment`, `currently`, `presently`, `nowadays`, `today`.
    fn present(&self, i: usize) -> Option<Hit> {
        let next = if let Some(next) = self
            .words(i, &[w!("at"), w!("present")])
            .or_else(|| self.words(i, &[w!("at"), w!("the"), w!("moment")]))
        {
            next
        } else if self.class(i, Class::Present).is_some() {
            i + 1
        } else {
            return None;
        };
        hit(
            next,
            self.doc.map(|d| Period::Year(d.year())),
            TimeKind::Point,
        )
    }

    /// Every other time: an edged point (`the end of 2021`, `mid-2025`), a decade (`the
    /// 1990s`), a point or a range of points, a bare year (or a name with a year in it).
    fn point(&self, i: usize) -> Option<Hit> {
        if let Some((edge, mut when, next)) = self.edged_at(i) {
            // `at the end of the year` said in January or February: the year just ended.
            let the_year = next >= 2
                && self.is_word(next - 2, w!("the"))
                && self.is_word(next - 1, w!("year"));
            if edge == Edge::End && the_year && when.year == YearRef::Relative(0) {
                when.year = self.year_just_ended();
            }
            return hit(next, when.period(self.doc), TimeKind::Point);
        }
        // `at year-end`, `the year-end`, `year-end 2023`.
        if let Some(next) = self.year_end_at(i) {
            if let Some((y, after)) = self.year_at(next) {
                return hit(after, Some(Period::Year(y)), TimeKind::Point);
            }
            let when = When {
                unit: Unit::Year,
                year: self.year_just_ended(),
            };
            return hit(next, when.period(self.doc), TimeKind::Point);
        }
        if let Some(hit) = self.decade(i) {
            return Some(hit);
        }
        let (when, next) = self.point_at(i)?;
        if let Some((period, after)) = self.range_after(when, next, true) {
            return hit(after, period, TimeKind::Span);
        }
        let kind = match when.unit {
            Unit::Months(..) | Unit::Quarters(..) => TimeKind::Span,
            _ => TimeKind::Point,
        };
        if when.unit == Unit::Year && next == i + 1 {
            return self.bare_year(i, when);
        }
        // `a year earlier` compares, unless it opens a sentence (`A year earlier, ...`).
        if self.words(i, &[w!("a"), w!("year"), w!("earlier")]) == Some(next)
            && !self.capitalized(i)
        {
            return hit(next, when.period(self.doc), TimeKind::Comparison);
        }
        // `last year's`, `the previous year's level` (a Comparison).
        if when.unit == Unit::Year && self.is_word(next - 1, w!("year")) {
            let apostrophe = self.punct(next).is_some_and(|c| c == '\'' || c == '’');
            if apostrophe
                && self.attached(next)
                && self.attached(next + 1)
                && self.is_word(next + 1, w!("s"))
            {
                let kind = if self.class(next + 2, Class::CompareNoun).is_some() {
                    TimeKind::Comparison
                } else {
                    kind
                };
                return hit(next + 2, when.period(self.doc), kind);
            }
        }
        hit(next, when.period(self.doc), kind)
    }

    /// `the year` at a year's end: the year before when said in January or February (a
    /// report on the year just ended), else the document year.
    fn year_just_ended(&self) -> YearRef {
        match self.doc {
            Some(d) if d.month() <= 2 => YearRef::Relative(-1),
            _ => YearRef::Relative(0),
        }
    }

    /// Whether the expression at `i..end` is a time a figure is compared with: a
    /// comparison word before it, past `in`, `the`, `that` ... (`less than in 2022`,
    /// `compared with the same period`, `against 2022`, `vs. 2022`), or, for the year
    /// before (`a year ago`, `last year`), a `from` with a number after it earlier in the
    /// clause (`up from 5.3% a year ago`, but not `from 5% to 7% last year`).
    fn compared(&self, i: usize, end: usize) -> bool {
        let mut k = i;
        for _ in 0..3 {
            let Some(p) = k.checked_sub(1) else {
                return false;
            };
            if self.class(p, Class::CompareCue).is_some()
                || (self.is_any(p, &[w!("with"), w!("to")])
                    && p > 0
                    && self.class(p - 1, Class::CompareVerb).is_some())
                || (self.punct(p) == Some('.') && p > 0 && self.is_word(p - 1, w!("vs")))
            {
                return true;
            }
            if self.is_any(
                p,
                &[
                    w!("in"),
                    w!("the"),
                    w!("during"),
                    w!("for"),
                    w!("at"),
                    w!("that"),
                    w!("of"),
                    w!("those"),
                    w!("over"),
                ],
            ) {
                k = p;
            } else {
                break;
            }
        }
        let year_before = (i..end).any(|t| {
            self.is_any(
                t,
                &[
                    w!("ago"),
                    w!("earlier"),
                    w!("last"),
                    w!("previous"),
                    w!("prior"),
                ],
            )
        }) && (self.is_word(end - 1, w!("year"))
            || self.is_any(end - 1, &[w!("ago"), w!("earlier")]));
        if !year_before {
            return false;
        }
        let mut number = false;
        for p in (i.saturating_sub(8)..i).rev() {
            match self.toks[p].kind {
                TokKind::Num => number = true,
                TokKind::Punct(c)
                    if ".;!?".contains(c)
                        && !(p + 1 < i
                            && self.attached(p + 1)
                            && self.toks[p + 1].kind == TokKind::Num) =>
                {
                    return false
                }
                _ => {}
            }
            if self.is_any(p, &[w!("to"), w!("till"), w!("until")]) {
                return false;
            }
            if self.is_word(p, w!("from")) {
                return number;
            }
        }
        false
    }

    /// `the 1990s`, `1990s`.
    fn decade(&self, i: usize) -> Option<Hit> {
        let (value, len) = self.digits(i)?;
        if len != 4 || value % 10 != 0 || !(1900..=2090).contains(&value) {
            return None;
        }
        let next = if self.is_word(i + 1, w!("s")) && self.attached(i + 1) {
            i + 2
        } else if self.punct(i + 1).is_some_and(|c| c == '\'' || c == '’')
            && self.is_word(i + 2, w!("s"))
            && self.attached(i + 2)
        {
            i + 3
        } else {
            return None;
        };
        let y = value as i32;
        hit(
            next,
            Some(Period::interval(Period::Year(y), Period::Year(y + 9))),
            TimeKind::Span,
        )
    }

    /// A four-digit year with nothing else: a year, a name (`Strategy 2050`), or a count
    /// (`2000 people`, left to the figure layer).
    fn bare_year(&self, i: usize, when: When) -> Option<Hit> {
        let prev_cue = i > 0 && self.class(i - 1, Class::YearCue).is_some();
        if !prev_cue {
            // `Strategy 2050`, `Vision 2030`, `Kazakhstan-2050`.
            let name_before = i > 0 && self.class(i - 1, Class::Name).is_some();
            let hyphen_name = i >= 2
                && self.is_dash(i - 1)
                && self.attached(i)
                && self.attached(i - 1)
                && self.toks[i - 2].kind == TokKind::Word
                && self.capitalized(i - 2)
                && self.month_at(i - 2).is_none();
            // `the 2025 digitalization strategy`: a name noun within three words.
            let name_after = (i + 1..i + 4)
                .take_while(|&k| self.is_word_tok(k))
                .any(|k| self.class(k, Class::Name).is_some());
            if name_before || hyphen_name || name_after {
                return hit(i + 1, None, TimeKind::Name);
            }
        }
        hit(i + 1, when.period(self.doc), TimeKind::Point)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use TimeKind::*;

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    type Expected<'a> = &'a [(&'a str, Option<&'a str>, TimeKind)];

    /// Found by the fuzz target: a range that ends inside a word of eight or more letters
    /// which ends the text (`date_in_text` reads only the head of a paragraph).
    #[test]
    fn a_range_may_end_inside_the_last_word() {
        for pad in 0..12 {
            for word_len in 1..20 {
                let text = format!("{}{}", "a ".repeat(150 + pad), "b".repeat(word_len));
                for end in text.len().saturating_sub(word_len + 2)..=text.len() {
                    for tok in find(&text, 0..end, None) {
                        assert!(tok.span[1] <= end, "{tok:?} past {end}");
                    }
                }
                assert_eq!(date_in_text(&text, 0..text.len()), None);
            }
        }
    }

    /// Finds the times in `text` said on `doc_date` (`""` for none) and compares them with
    /// `expected`: (the text of the span, the period, the kind), in order. Gives what differs.
    fn check(text: &str, doc_date: &str, expected: Expected) -> Result<(), String> {
        let found = find(text, 0..text.len(), date(doc_date));
        for expr in &found {
            assert_eq!(
                &text[expr.span[0]..expr.span[1]],
                expr.text,
                "span of {expr:?}"
            );
        }
        let got: Vec<(String, Option<String>, TimeKind)> = found
            .iter()
            .map(|e| (e.text.clone(), e.period.map(|p| p.to_string()), e.kind))
            .collect();
        let want: Vec<(String, Option<String>, TimeKind)> = expected
            .iter()
            .map(|(t, p, k)| (t.to_string(), p.map(str::to_string), *k))
            .collect();
        if got == want {
            Ok(())
        } else {
            Err(format!(
                "{text:?} said on {doc_date:?}:\n   got {got:?}\n  want {want:?}"
            ))
        }
    }

    #[rustfmt::skip]
    const EXAMPLES: &[(&str, &str, Expected)] = &[
        // Years.
        ("In 2018, the company launched a plant.", "2021-12-28", &[("2018", Some("2018"), Point)]),
        ("in 2021 the zone grew", "2021-06-25", &[("2021", Some("2021"), Point)]),
        ("2021 was a good year for the zone.", "2022-01-10", &[("2021", Some("2021"), Point)]),
        ("In 2021 companies invested more.", "2022-01-10", &[("2021", Some("2021"), Point)]),
        ("FY2023 results", "2024-03-01", &[("2023", Some("2023"), Point)]),
        ("the 1990s", "2024-03-01", &[("1990s", Some("1990/1999"), Span)]),
        // Months.
        ("In February, a plant was opened.", "2021-12-28", &[("February", Some("2021-02"), Point)]),
        ("in February 2021 it opened", "2024-01-01", &[("February 2021", Some("2021-02"), Point)]),
        ("in February this year", "2024-06-14", &[("February this year", Some("2024-02"), Point)]),
        ("in March of last year", "2024-06-14", &[("March of last year", Some("2023-03"), Point)]),
        ("In February 15 projects were launched.", "2021-12-28", &[("February", Some("2021-02"), Point)]),
        ("In January 2,500 jobs were created.", "2021-12-28", &[("January", Some("2021-01"), Point)]),
        ("opened in June.", "2021-12-28", &[("June", Some("2021-06"), Point)]),
        ("we may see growth in march", "2021-12-28", &[]),
        // Month ranges.
        ("for January-May 2024", "2024-06-14", &[("January-May 2024", Some("2024-01/2024-05"), Span)]),
        ("in January-April this year", "2024-06-14", &[("January-April this year", Some("2024-01/2024-04"), Span)]),
        ("in January–March", "2024-06-14", &[("January–March", Some("2024-01/2024-03"), Span)]),
        ("December 2023 - February 2024", "2024-06-14", &[("December 2023 - February 2024", Some("2023-12/2024-02"), Span)]),
        ("in November-February", "2024-03-14", &[("November-February", Some("2023-11/2024-02"), Span)]),
        ("from January to May 2024", "2024-06-14", &[("from January to May 2024", Some("2024-01/2024-05"), Span)]),
        ("between March and June", "2024-06-14", &[("between March and June", Some("2024-03/2024-06"), Span)]),
        // Parts of a year.
        ("over the first five months of 2021", "2021-06-25", &[("the first five months of 2021", Some("2021-01/2021-05"), Span)]),
        ("in the first 9 months", "2021-12-28", &[("the first 9 months", Some("2021-01/2021-09"), Span)]),
        ("in 11 months of 2021", "2021-12-28", &[("11 months of 2021", Some("2021-01/2021-11"), Span)]),
        ("The unemployment rate in the first quarter fell", "2021-06-25", &[("the first quarter", Some("2021-Q1"), Point)]),
        ("in Q1", "2021-06-25", &[("Q1", Some("2021-Q1"), Point)]),
        ("in Q3 2020", "2021-06-25", &[("Q3 2020", Some("2020-Q3"), Point)]),
        ("in the second quarter of last year", "2021-06-25", &[("the second quarter of last year", Some("2020-Q2"), Point)]),
        ("in the first half", "2021-06-25", &[("the first half", Some("2021-H1"), Point)]),
        ("in the first half of 2022", "2021-06-25", &[("the first half of 2022", Some("2022-H1"), Point)]),
        ("in H1 2021", "2021-08-25", &[("H1 2021", Some("2021-H1"), Point)]),
        ("in the first half-year", "2021-08-25", &[("the first half-year", Some("2021-H1"), Point)]),
        ("in the I quarter", "2021-08-25", &[("the I quarter", Some("2021-Q1"), Point)]),
        ("the first three quarters of 2023", "2024-01-10", &[("the first three quarters of 2023", Some("2023-01/2023-09"), Span)]),
        ("in Q1-Q3 2023", "2024-01-10", &[("Q1-Q3 2023", Some("2023-01/2023-09"), Span)]),
        // Relative years and months.
        ("This year, it is planned to complete", "2023-07-31", &[("This year", Some("2023"), Point)]),
        ("Last year, 13 schools were built.", "2024-06-14", &[("Last year", Some("2023"), Point)]),
        ("next year the plant opens", "2024-06-14", &[("next year", Some("2025"), Point)]),
        ("compared to the previous year", "2024-06-14", &[("the previous year", Some("2023"), Comparison)]),
        ("a year ago", "2024-06-14", &[("a year ago", Some("2023"), Point)]),
        ("this year", "", &[("this year", None, Point)]),
        ("last month", "2024-01-14", &[("last month", Some("2023-12"), Point)]),
        ("a 6.3% year-over-year rise", "2024-06-14", &[]),
        // To date.
        ("Since the beginning of the year, the economy grew", "2021-12-28", &[("Since the beginning of the year", Some("2021-01/2021-12"), ToDate)]),
        ("since the start of this year", "2024-06-14", &[("since the start of this year", Some("2024-01/2024-06"), ToDate)]),
        ("from the beginning of the year", "2024-01-14", &[("from the beginning of the year", Some("2024-01"), ToDate)]),
        ("from the beginning of the year to May", "2024-07-14", &[("from the beginning of the year to May", Some("2024-01/2024-05"), Span)]),
        ("so far this year", "2024-06-14", &[("so far this year", Some("2024-01/2024-06"), ToDate)]),
        ("year-to-date", "2024-06-14", &[("year-to-date", Some("2024-01/2024-06"), ToDate)]),
        ("since February", "2024-06-14", &[("since February", Some("2024-02/2024-06"), ToDate)]),
        ("Over the year, 30 projects were implemented", "2021-12-28", &[("Over the year", Some("2021"), Point)]),
        ("Over the year, 30 projects were implemented", "2022-01-12", &[("Over the year", Some("2021"), Point)]),
        // Deadlines.
        ("by the end of 2021", "2021-06-25", &[("by the end of 2021", Some("2021"), Deadline)]),
        ("expected by the end of the year", "2021-06-25", &[("by the end of the year", Some("2021"), Deadline)]),
        ("by the end of next year", "2021-06-25", &[("by the end of next year", Some("2022"), Deadline)]),
        ("by year-end", "2021-06-25", &[("by year-end", Some("2021"), Deadline)]),
        ("by 2030", "2024-06-14", &[("by 2030", Some("2030"), Deadline)]),
        ("worth 3.7 trillion tenge until 2030.", "2024-06-14", &[("until 2030", Some("2024/2030"), Deadline)]),
        ("until 2030", "", &[("until 2030", Some("2030"), Deadline)]),
        ("until the end of the year", "2024-06-14", &[("until the end of the year", Some("2024"), Deadline)]),
        ("by the end of the first quarter", "2024-02-14", &[("by the end of the first quarter", Some("2024-Q1"), Deadline)]),
        ("no later than 2025", "2024-02-14", &[("no later than 2025", Some("2025"), Deadline)]),
        ("increased by 2000 people", "2024-02-14", &[]),
        // Spans.
        ("From 2016 to 2022, the city implemented 27 projects", "2023-07-31", &[("From 2016 to 2022", Some("2016/2022"), Span)]),
        ("in 2016-2022", "2023-07-31", &[("2016-2022", Some("2016/2022"), Span)]),
        ("in 2016 – 2022", "2023-07-31", &[("2016 – 2022", Some("2016/2022"), Span)]),
        ("slated for construction in 2024-25 as part", "2024-06-14", &[("2024-25", Some("2024/2025"), Span)]),
        ("the 2023/24 season", "2024-06-14", &[("2023/24", Some("2023/2024"), Span)]),
        ("between 2016 and 2022", "2024-06-14", &[("between 2016 and 2022", Some("2016/2022"), Span)]),
        ("since 2012", "2019-10-29", &[("since 2012", Some("2012/2019"), Span)]),
        ("in 7 years since the creation of this zone", "2019-10-29", &[("7 years since", Some("2012/2019"), Span)]),
        ("over the past five years", "2024-06-14", &[("the past five years", Some("2020/2024"), Span)]),
        ("In the nearest two years, the city", "2025-03-05", &[("In the nearest two years", Some("2025/2026"), Span)]),
        ("within three years ahead", "2023-06-05", &[("within three years ahead", Some("2023/2025"), Span)]),
        ("in three years", "2024-06-14", &[("in three years", Some("2024/2026"), Span)]),
        ("the State Program for 2020-2025", "2024-06-14", &[("2020-2025", Some("2020/2025"), Span)]),
        // As of.
        ("as of the beginning of this year, 136.7 thousand SMEs", "2024-06-14", &[("as of the beginning of this year", Some("2024-01-01"), AsOf)]),
        ("as of June 1, 2024", "2024-06-14", &[("as of June 1, 2024", Some("2024-06-01"), AsOf)]),
        ("as of 1 July", "2024-08-14", &[("as of 1 July", Some("2024-07-01"), AsOf)]),
        ("as of the end of 2023", "2024-06-14", &[("as of the end of 2023", Some("2023-12-31"), AsOf)]),
        ("as of today", "2024-06-14", &[("as of today", Some("2024"), Point)]),
        // Dates.
        ("at the June 25 briefing in Almaty", "2021-06-25", &[("June 25", Some("2021-06-25"), Point)]),
        ("at the Dec. 27 press conference", "2021-12-28", &[("Dec. 27", Some("2021-12-27"), Point)]),
        ("said the mayor on Dec. 9.", "2021-12-28", &[("Dec. 9", Some("2021-12-09"), Point)]),
        ("on October 29, 2019", "", &[("October 29, 2019", Some("2019-10-29"), Point)]),
        ("on 29 October 2019", "", &[("29 October 2019", Some("2019-10-29"), Point)]),
        ("the 25th of June", "2021-07-01", &[("25th of June", Some("2021-06-25"), Point)]),
        ("dated 2021-06-25", "", &[("2021-06-25", Some("2021-06-25"), Point)]),
        ("dated 25.06.2021", "", &[("25.06.2021", Some("2021-06-25"), Point)]),
        ("dated 06/25/2021", "", &[("06/25/2021", Some("2021-06-25"), Point)]),
        ("on June 25", "", &[("June 25", None, Point)]),
        ("February 30", "2021-01-01", &[("February", Some("2021-02"), Point)]),
        // Now.
        ("At present, the zone has 88 companies", "2023-07-31", &[("At present", Some("2023"), Point)]),
        ("currently operating", "2023-07-31", &[("currently", Some("2023"), Point)]),
        // Edges.
        ("at the end of 2023", "2024-06-14", &[("the end of 2023", Some("2023"), Point)]),
        ("in mid-2025", "2024-06-14", &[("mid-2025", Some("2025"), Point)]),
        ("in early 2025", "2024-06-14", &[("early 2025", Some("2025"), Point)]),
        // Names.
        ("the Strategy 2050 goals", "2024-06-14", &[("2050", None, Name)]),
        ("under the Kazakhstan-2050 strategy", "2024-06-14", &[("2050", None, Name)]),
        ("the 2025 digitalization strategy", "2024-06-14", &[("2025", None, Name)]),
        ("the State Program until 2025", "2024-06-14", &[("until 2025", Some("2024/2025"), Deadline)]),
        // Not times.
        ("Section 4 of the law", "2024-06-14", &[]),
        ("create 2000 jobs", "2024-06-14", &[]),
        ("2019 projects worth 5 billion", "2024-06-14", &[]),
        ("worth 2,021 billion tenge", "2024-06-14", &[]),
        ("grew 2021%", "2024-06-14", &[]),
        ("cost $2021", "2024-06-14", &[]),
        ("employs 1500 people", "2024-06-14", &[]),
        ("value 20.21 and 2021.5", "2024-06-14", &[]),
        ("5 to 7 projects in 7 years", "2024-06-14", &[("in 7 years", Some("2024/2030"), Span)]),
        ("from 5.3 to 5.2 percent", "2024-06-14", &[]),
        ("grew 1.5 times", "2024-06-14", &[]),
        ("the plant may open", "2024-06-14", &[]),
        ("one of the key indicators", "2024-06-14", &[]),
        ("H2O and Q7 and 5Q", "2024-06-14", &[]),
        ("built 2000 m2 and 1990 hectares for 2050 USD", "2024-06-14", &[]),
        // More of the forms news use.
        ("for 10 months of this year", "2024-11-14", &[("10 months of this year", Some("2024-01/2024-10"), Span)]),
        ("in the second half of the year", "2024-11-14", &[("the second half of the year", Some("2024-H2"), Point)]),
        ("in the first two months of the year", "2024-11-14", &[("the first two months of the year", Some("2024-01/2024-02"), Span)]),
        ("in 1Q2024", "2024-11-14", &[("1Q2024", Some("2024-Q1"), Point)]),
        ("in the fourth quarter of 2023", "2024-11-14", &[("the fourth quarter of 2023", Some("2023-Q4"), Point)]),
        ("in 2019 and 2020", "2024-11-14", &[("2019", Some("2019"), Point), ("2020", Some("2020"), Point)]),
        ("compared to the same period of 2020", "2021-11-14", &[("the same period of 2020", Some("2020"), Comparison)]),
        ("As of 01.01.2024, there were", "2024-11-14", &[("As of 01.01.2024", Some("2024-01-01"), AsOf)]),
        ("in the 2024/2025 academic year", "2024-11-14", &[("2024/2025", Some("2024/2025"), Span)]),
        ("for the period up to 2030", "2024-11-14", &[("up to 2030", Some("2024/2030"), Deadline)]),
        ("up to 2000 jobs", "2024-11-14", &[]),
        ("since 2016, when the zone opened", "2024-11-14", &[("since 2016", Some("2016/2024"), Span)]),
        ("the year 2021’s results", "2024-11-14", &[("2021", Some("2021"), Point)]),
        ("the 2030 Agenda", "2024-11-14", &[("2030", None, Name)]),
        ("at EXPO-2017", "2024-11-14", &[("2017", None, Name)]),
        ("on the 1st of July", "2024-11-14", &[("1st of July", Some("2024-07-01"), Point)]),
        ("earlier this month", "2024-11-14", &[("this month", Some("2024-11"), Point)]),
        ("this month", "", &[]),
        ("in the next five years", "2024-11-14", &[("in the next five years", Some("2024/2028"), Span)]),
        ("two years ago", "2024-11-14", &[("two years ago", Some("2022"), Point)]),
        ("before 2020 there were few", "2024-11-14", &[("2020", Some("2020"), Point)]),
        ("before the end of the year", "2024-11-14", &[("before the end of the year", Some("2024"), Deadline)]),
        ("in the year of 2021", "2024-11-14", &[("2021", Some("2021"), Point)]),
        ("by June", "2024-03-14", &[("by June", Some("2024-06"), Deadline)]),
        ("until June 30", "2024-03-14", &[("until June 30", Some("2024-06-30"), Deadline)]),
        // Seasons.
        ("in summer", "2024-09-10", &[("summer", Some("2024-06/2024-08"), Point)]),
        ("this summer", "2024-09-10", &[("this summer", Some("2024-06/2024-08"), Point)]),
        ("last summer", "2024-09-10", &[("last summer", Some("2023-06/2023-08"), Point)]),
        ("next summer", "2024-09-10", &[("next summer", Some("2025-06/2025-08"), Point)]),
        ("in the spring of 2023", "2024-09-10", &[("the spring of 2023", Some("2023-03/2023-05"), Point)]),
        ("in spring this year", "2024-09-10", &[("spring this year", Some("2024-03/2024-05"), Point)]),
        ("summer 2024", "2024-11-14", &[("summer 2024", Some("2024-06/2024-08"), Point)]),
        ("in autumn", "2024-03-10", &[("autumn", Some("2024-09/2024-11"), Point)]),
        ("this fall", "2024-03-10", &[("this fall", Some("2024-09/2024-11"), Point)]),
        ("in the fall of 2022", "2024-03-10", &[("the fall of 2022", Some("2022-09/2022-11"), Point)]),
        ("winter 2023-2024", "2024-09-10", &[("winter 2023-2024", Some("2023-12/2024-02"), Point)]),
        ("in the winter of 2023/24", "2024-09-10", &[("the winter of 2023/24", Some("2023-12/2024-02"), Point)]),
        ("in winter 2023", "2024-09-10", &[("winter 2023", Some("2023-12/2024-02"), Point)]),
        ("this winter", "2024-01-20", &[("this winter", Some("2023-12/2024-02"), Point)]),
        ("by the end of summer", "2024-03-10", &[("by the end of summer", Some("2024-06/2024-08"), Deadline)]),
        ("since spring", "2024-09-10", &[("since spring", Some("2024-03/2024-09"), ToDate)]),
        ("prices may fall in 2024", "2024-03-10", &[("2024", Some("2024"), Point)]),
        ("a fall in prices after the fall of the tenge", "2024-03-10", &[]),
        ("sowing of winter wheat and summer camps", "2024-03-10", &[]),
        ("new businesses spring up", "2024-03-10", &[]),
        ("prices are expected to fall by 5%", "2024-03-10", &[]),
        ("This fall in output was caused by repairs", "2024-03-10", &[]),
        ("this June", "2024-09-10", &[("this June", Some("2024-06"), Point)]),
        // To date from a month.
        ("since January", "2024-09-10", &[("since January", Some("2024-01/2024-09"), ToDate)]),
        ("from January, exports grew", "2024-09-10", &[("from January", Some("2024-01/2024-09"), ToDate)]),
        ("from February this year", "2024-09-10", &[("from February this year", Some("2024-02/2024-09"), ToDate)]),
        ("since December", "2024-01-20", &[("since December", Some("2023-12/2024-01"), ToDate)]),
        ("from 2022, the tax applies", "2024-09-10", &[("2022", Some("2022"), Point)]),
        // Counted months of the year.
        ("over eight months", "2024-09-10", &[("over eight months", Some("2024-01/2024-08"), Span)]),
        ("In eight months, exports grew", "2024-09-10", &[("In eight months", Some("2024-01/2024-08"), Span)]),
        ("over the past ten months", "2023-11-20", &[("the past ten months", Some("2023-01/2023-10"), Span)]),
        ("in the last 3 months", "2024-02-10", &[("the last 3 months", Some("2023-11/2024-01"), Span)]),
        ("in the first eight months", "2024-09-10", &[("the first eight months", Some("2024-01/2024-08"), Span)]),
        ("during the first eight months", "2024-09-10", &[("the first eight months", Some("2024-01/2024-08"), Span)]),
        ("for 11 months", "2024-12-10", &[("for 11 months", Some("2024-01/2024-11"), Span)]),
        ("over 7 months this year", "2024-12-10", &[("over 7 months this year", Some("2024-01/2024-07"), Span)]),
        ("in nine months of 2023", "2024-09-10", &[("nine months of 2023", Some("2023-01/2023-09"), Span)]),
        ("to be finished in 18 months", "2024-09-10", &[]),
        ("to be finished in eight months", "2024-09-10", &[]),
        ("over 18 months", "2024-09-10", &[]),
        ("over eight months of construction", "2024-09-10", &[]),
        ("grew for 11 months in a row", "2024-12-10", &[]),
        // The end of the year.
        ("at the end of the year", "2024-01-20", &[("the end of the year", Some("2023"), Point)]),
        ("at the end of the year", "2024-09-10", &[("the end of the year", Some("2024"), Point)]),
        ("at the end of last year", "2024-09-10", &[("the end of last year", Some("2023"), Point)]),
        ("at year-end", "2024-02-10", &[("year-end", Some("2023"), Point)]),
        ("at year-end", "2024-06-10", &[("year-end", Some("2024"), Point)]),
        ("at year-end 2023", "2024-06-10", &[("year-end 2023", Some("2023"), Point)]),
        // Comparisons.
        ("14% less than in 2022", "2024-06-14", &[("2022", Some("2022"), Comparison)]),
        ("in 2022", "2024-06-14", &[("2022", Some("2022"), Point)]),
        ("compared with 2022", "2024-06-14", &[("2022", Some("2022"), Comparison)]),
        ("up 5% against 2022", "2024-06-14", &[("2022", Some("2022"), Comparison)]),
        ("in 2023 versus 2022", "2024-06-14", &[("2023", Some("2023"), Point), ("2022", Some("2022"), Comparison)]),
        ("vs. the first quarter of 2023", "2024-06-14", &[("the first quarter of 2023", Some("2023-Q1"), Comparison)]),
        ("up from 5.3% a year ago", "2024-06-14", &[("a year ago", Some("2023"), Comparison)]),
        ("rose 5% from a year earlier", "2024-06-14", &[("a year earlier", Some("2023"), Comparison)]),
        ("a rise of 5% from 4.1 trillion tenge last year", "2024-06-14", &[("last year", Some("2023"), Comparison)]),
        ("rose from 5% to 7% last year", "2024-06-14", &[("last year", Some("2023"), Point)]),
        ("output was 3% higher a year earlier", "2024-06-14", &[("a year earlier", Some("2023"), Comparison)]),
        ("A year earlier, the zone had 50 firms", "2024-06-14", &[("A year earlier", Some("2023"), Point)]),
        ("last year's output", "2024-06-14", &[("last year's", Some("2023"), Point)]),
        ("above last year’s level", "2024-06-14", &[("last year’s", Some("2023"), Comparison)]),
        ("the same period of last year", "2024-06-14", &[("the same period of last year", Some("2023"), Comparison)]),
        ("the same period a year earlier", "2024-06-14", &[("the same period a year earlier", Some("2023"), Comparison)]),
        ("the same period last year", "2024-06-14", &[("the same period last year", Some("2023"), Comparison)]),
        ("than in the same period in 2022", "2024-06-14", &[("the same period in 2022", Some("2022"), Comparison)]),
        ("compared to the same period", "2024-06-14", &[("the same period", Some("2023"), Comparison)]),
        ("during the same period, imports grew", "2024-06-14", &[]),
        // A month or quarter still to come early in the year keeps the document year.
        ("in December", "2024-01-20", &[("December", Some("2024-12"), Point)]),
        ("in the fourth quarter", "2024-01-20", &[("the fourth quarter", Some("2024-Q4"), Point)]),
    ];

    #[test]
    fn examples() {
        assert!(EXAMPLES.len() >= 60);
        let failures: Vec<String> = EXAMPLES
            .iter()
            .filter_map(|(text, doc_date, expected)| check(text, doc_date, expected).err())
            .collect();
        assert!(
            failures.is_empty(),
            "{} failing:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn spans_point_into_the_whole_document() {
        let text = "Title\n\nIn 2018, it grew. By 2030 it will.";
        let start = text.find("In").unwrap();
        let found = find(text, start..text.len(), date("2024-06-14"));
        let texts: Vec<&str> = found.iter().map(|e| &text[e.span[0]..e.span[1]]).collect();
        assert_eq!(texts, ["2018", "By 2030"]);
        // A range that ends before the times finds nothing.
        assert!(find(text, 0..5, date("2024-06-14")).is_empty());
    }

    #[test]
    fn publication_date_in_text() {
        #[rustfmt::skip]
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("Skip to Content\n\n\nby October 29, 2019 Legal\n\nHead of State", Some(("2019-10-29", "October 29, 2019"))),
            ("Almaty, 12 March 2024 — The akimat said", Some(("2024-03-12", "12 March 2024"))),
            ("Published 2021-06-25 10:00", Some(("2021-06-25", "2021-06-25"))),
            ("No date here, only June 25 and 2021.", None),
        ];
        for (text, expected) in cases {
            let got = date_in_text(text, 0..text.len())
                .map(|(d, span)| (d.format("%Y-%m-%d").to_string(), &text[span[0]..span[1]]));
            let want = expected.map(|(d, t)| (d.to_string(), t));
            assert_eq!(got, want, "{text:?}");
        }
        // Only the head of the text counts.
        let late = format!("{}on October 29, 2019", "word ".repeat(80));
        assert_eq!(date_in_text(&late, 0..late.len()), None);
    }

    #[test]
    fn start_words_cover_the_rules() {
        // `find` tries the rules only at numbers and at words of the word list or of
        // `START_WORDS`: every word literal of the parser must be there.
        let src = include_str!("times.rs");
        let begin = src.find("impl<'a> Parser<'a> {").unwrap();
        let end = begin + src[begin..].find("#[cfg(test)]").unwrap();
        let mut missing = Vec::new();
        for (k, piece) in src[begin..end].split('"').enumerate() {
            let word = k % 2 == 1 && !piece.is_empty();
            if word
                && piece.chars().all(|c| c.is_ascii_lowercase())
                && !START_WORDS.contains(&piece)
            {
                missing.push(piece);
            }
        }
        assert!(missing.is_empty(), "not in START_WORDS: {missing:?}");
    }

    #[test]
    fn byte_classes_agree_with_char() {
        for b in 0..128u8 {
            let ch = char::from(b);
            let want = if ch.is_whitespace() {
                SPACE
            } else if ch.is_alphabetic() {
                LETTER
            } else if ch.is_ascii_digit() {
                DIGIT
            } else {
                SYMBOL
            };
            assert_eq!(BYTE_CLASS[usize::from(b)], want, "{b:#x}");
        }
    }

    #[test]
    fn leading_letters_are_counted_as_bytes_would_be() {
        // Every byte value at every position, after a run of letters.
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"AbcdEfgh";
                chunk[at] = b;
                let want = chunk.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                assert_eq!(
                    leading_ascii_letters(u64::from_le_bytes(chunk)),
                    want,
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn words_are_found_in_the_word_list_whatever_their_case() {
        for (text, listed) in [
            ("SINCE", true),
            ("Corresponding", true),
            ("nowadays", true),
            ("universiade", true),
            ("sinc", false),
            ("sincerely", false),
        ] {
            // Followed by enough text for the 8-byte reads and at the very end of the text.
            for text in [format!("{text} and more text"), text.to_string()] {
                let mut toks = Vec::new();
                tokenize(&text, 0..text.len(), &mut toks);
                assert_eq!(toks[0].entry != 0, listed, "{text:?}");
            }
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        let long_digits = "9".repeat(500);
        let hostile = [
            "",
            "😀 2021 😀",
            "2021-",
            "-2021",
            "Q",
            "H",
            "1",
            "Dec.",
            "as of",
            "since",
            "from 2021 to",
            "between 2021 and",
            "by the end of",
            "the first",
            "the first 99 months of 2021",
            "31.02.2021",
            "2021-13-45",
            "99/99/9999",
            "2021-2020",
            "9999-99",
            long_digits.as_str(),
            "Ⅻ 2021年 २०२१ ２０２１",
            "é2021é",
            "year-to",
            "so far",
            "a year",
            "since the beginning of the year to",
        ];
        let docs = [
            None,
            date("2024-01-31"),
            NaiveDate::from_ymd_opt(1, 1, 1),
            Some(NaiveDate::MAX),
            Some(NaiveDate::MIN),
        ];
        for text in hostile {
            for doc in docs {
                for expr in find(text, 0..text.len(), doc) {
                    assert_eq!(&text[expr.span[0]..expr.span[1]], expr.text);
                }
                let _ = date_in_text(text, 0..text.len());
                // Ranges out of bounds or inside a character are clamped.
                let _ = find(text, 1..text.len() + 10, doc);
                #[allow(clippy::reversed_empty_ranges)]
                let _ = find(text, 3..2, doc);
                let _ = date_in_text(text, 2..1000);
            }
        }
    }
}
