//! Russian time expressions, resolved against the document date into the same `TimeExpr`s
//! as the English layer (`times`), so the fact layer reads them alike.
//!
//! ```text
//! span     = Y ("-"|"–"|"—") Y [годы|годах|гг.]  |  "с" Y "по" Y [год]            Span
//! deadline = "до" ["конца"] Y [года]  |  "к" Y [году]  |  "до конца года"          Deadline
//!          | "срок" ("–"|":") time                                              Deadline
//! months   = M ("-"|"–") M [Y [года]]  |  ("за"|"итогам") N "месяцев" [Y года | текущего года]  Span
//! part     = ordinal ("полугодии"|"квартале") [Y [года]]                        Point
//! elided   = ("в"|"во"|"за") ordinal ("," | dash), right after a part         Point
//! lasthalf = "за" ("полугодие"|"полгода") [Y [года]]                             Span
//! summer   = ("за"|"в") "летний сезон" [Y [года]] | "за лето" [Y] | "летом" [Y]  Span
//! season   = "за весну" [Y] | "весной" [Y] | "за осень" [Y] | "осенью" [Y]  Span
//! todate   = "с начала" ["текущего"|"этого"] "года"                             ToDate
//! past     = "за последние" N "лет"  (N digits or words)                        Span
//! ahead    = "ближайшие" N "лет"                                              Span
//! duration = "за" N ("лет"|"года")  (N from 2)                                  Duration
//! close    = ("итогам"|"завершении") год                                       Point
//! before   = "годом" ("ранее"|"раньше")                                       Comparison
//! day      = D M [Y [года]]                                                     AsOf
//! month    = M [Y [года]]                                                       Point
//! year     = Y (год|года|году|г.)  |  (this|last|next) год                      Point
//! ```
//! A year, month or part is a `Comparison` after `по сравнению с`, `против`, `чем`,
//! `относительно`, `уровня` (`выше уровня 2020 года`), `к` before a past year (`к прошлому
//! году`) and in `аналогичный период`. Ordinals are words (`первом`), Roman numerals (`II`) or digits (`3`, `3-м`).

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use crate::data;
use crate::period::{Period, Simple};
use crate::times::{TimeExpr, TimeKind};
use crate::tokens::{lower, words, Tok, TokKind, Token};
use crate::vocabulary::{word_id, WordId};

/// A class of `data/time_words_ru.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Month(u8),
    Year,
    Half,
    Quarter,
    Months,
    This,
    Last,
    Next,
    Start,
    End,
    Ordinal(u8),
    Recent,
    Upcoming,
    Academic,
    /// `итогам`, `завершении`: the close of a period (`по итогам года`).
    Close,
    /// `летний` before `сезон`: the summer months.
    Summer,
    /// `создания`, `запуска` after `с момента`: a founding.
    Founding,
}

struct Words {
    by_id: HashMap<WordId, Word>,
    /// Prepositions and the other words the rules name.
    do_: WordId,
    k: WordId,
    s: WordId,
    po: WordId,
    za: WordId,
    v: WordId,
    itogam: WordId,
    compare: [WordId; 5],
    /// `уровня`, `уровне`, `уровнем` (one stem): `выше уровня 2020 года` sets the year as a base;
    /// so does `показателя` (`больше показателя 2020 года`).
    level: [WordId; 2],
    /// `максимум с 2014 года`, `самые слабые темпы с 1998 года`: a record counted from a year.
    superlative: [WordId; 6],
    analog: WordId,
    period: WordId,
    season: WordId,
    moment: WordId,
    term: WordId,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let rows = data::TIME_WORDS_RU.load(|r| {
        let value: Option<u8> = r.parse_opt(2, "value")?;
        let need = |v: Option<u8>| v.ok_or_else(|| r.error("a value is needed"));
        let word = match r.get(1) {
            "month" => Word::Month(need(value)?),
            "year" => Word::Year,
            "half" => Word::Half,
            "quarter" => Word::Quarter,
            "months" => Word::Months,
            "this" => Word::This,
            "last" => Word::Last,
            "next" => Word::Next,
            "start" => Word::Start,
            "end" => Word::End,
            "ordinal" => Word::Ordinal(need(value)?),
            "recent" => Word::Recent,
            "upcoming" => Word::Upcoming,
            "academic" => Word::Academic,
            "close" => Word::Close,
            "summer" => Word::Summer,
            "founding" => Word::Founding,
            "word" => return Ok(None),
            other => return Err(r.error(format_args!("unknown class {other:?}"))),
        };
        Ok(Some((r.get(0), word)))
    });
    let id = |w: &str| {
        let id = word_id(w);
        assert_ne!(id, 0, "{w:?} is not in the vocabulary");
        id
    };
    Words {
        by_id: rows
            .into_iter()
            .flatten()
            .map(|(w, c)| (id(w), c))
            .collect(),
        do_: id("до"),
        k: id("к"),
        s: id("с"),
        po: id("по"),
        za: id("за"),
        v: id("в"),
        itogam: id("итогам"),
        compare: [
            id("сравнению"),
            id("против"),
            id("чем"),
            id("относительно"),
            id("аналогичный"),
        ],
        analog: id("аналогичный"),
        level: [id("уровня"), id("показателя")],
        superlative: [
            id("максимум"),
            id("минимум"),
            id("самый"),
            id("рекорд"),
            id("впервые"),
            id("наибольший"),
        ],
        period: id("период"),
        season: id("сезон"),
        moment: id("момента"),
        term: id("срок"),
    }
});

/// The time expressions of a paragraph's tokens, resolved against `doc_date`.
pub(crate) fn find_in(text: &str, atoms: &[Token], doc_date: Option<NaiveDate>) -> Vec<TimeExpr> {
    let toks = split_hyphens(text, &words(text, atoms));
    let p = Parser {
        text,
        toks: &toks,
        year: doc_date.map(|d| d.year()),
        month: doc_date.map(|d| d.month() as u8),
    };
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let hit = p
            .rule_at(i)
            .or_else(|| p.elided_part(i, out.last().and_then(|t| t.period)));
        match hit {
            Some((start, end, period, kind)) if end > i => {
                let span = [toks[start].start, toks[end - 1].end];
                let kind = if kind != TimeKind::Deadline
                    && (p.compared(start)
                        || crate::times::labels_bracketed_figure(text, span)
                        || crate::times::brackets_legend(text, span))
                {
                    TimeKind::Comparison
                } else {
                    kind
                };
                out.push(TimeExpr {
                    span,
                    text: text[span[0]..span[1]].to_string(),
                    period,
                    kind,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// `январь-сентябрь` is one token of the word view: here its words stand apart.
fn split_hyphens(text: &str, toks: &[Tok]) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    for &t in toks {
        if t.kind == TokKind::Word && t.hyphen {
            let w = t.text(text);
            let mut pos = t.start;
            for (k, part) in w.split('-').enumerate() {
                if k > 0 {
                    out.push(Tok {
                        start: pos,
                        end: pos + 1,
                        kind: TokKind::Sym,
                        id: word_id("-"),
                        hyphen: false,
                    });
                    pos += 1;
                }
                let kind = if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
                    TokKind::Num
                } else {
                    TokKind::Word
                };
                if !part.is_empty() {
                    out.push(Tok {
                        start: pos,
                        end: pos + part.len(),
                        kind,
                        id: if kind == TokKind::Word {
                            word_id(part)
                        } else {
                            0
                        },
                        hyphen: false,
                    });
                }
                pos += part.len();
            }
        } else {
            out.push(t);
        }
    }
    out
}

type Hit = (usize, usize, Option<Period>, TimeKind);

struct Parser<'a> {
    text: &'a str,
    toks: &'a [Tok],
    year: Option<i32>,
    month: Option<u8>,
}

impl Parser<'_> {
    fn word(&self, i: usize) -> Option<Word> {
        let t = self.toks.get(i)?;
        (t.kind == TokKind::Word)
            .then(|| WORDS.by_id.get(&t.id).copied())
            .flatten()
    }

    /// Whether token `i` is a word written as one of `forms` (in lower case), for the words
    /// whose stem, and so `id`, holds others: `годом` stems as `год`, `летом` as `лет`, years.
    fn form_is(&self, i: usize, forms: &[&str]) -> bool {
        // Asked at every token: a word of another length is none of the forms (small and
        // capital Cyrillic letters take the same two bytes).
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokKind::Word
                && forms.iter().any(|f| f.len() == t.end - t.start)
                && forms.contains(&lower(t.text(self.text)).as_ref())
        })
    }

    fn id(&self, i: usize) -> WordId {
        self.toks.get(i).map_or(0, |t| t.id)
    }

    fn num(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i).filter(|t| t.kind == TokKind::Num)?;
        t.text(self.text).parse().ok()
    }

    fn year_at(&self, i: usize) -> Option<i32> {
        let t = self.toks.get(i)?;
        let n = self.num(i)?;
        (t.end - t.start == 4 && (1900..=2100).contains(&n)).then_some(n as i32)
    }

    fn is_dash(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Sym && matches!(t.text(self.text), "-" | "–" | "—"))
    }

    /// A year word after token `i` (`года`, `г.`): the token after it.
    fn year_word(&self, i: usize) -> Option<usize> {
        (self.word(i) == Some(Word::Year)).then(|| {
            let dot = self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.text(self.text) == "." && t.start == self.toks[i].end)
                && lower(self.toks[i].text(self.text)).chars().count() <= 2;
            if dot {
                i + 2
            } else {
                i + 1
            }
        })
    }

    /// `Y [года]`: the year and the next token.
    fn explicit_year(&self, i: usize) -> Option<(i32, usize)> {
        let y = self.year_at(i)?;
        Some((y, self.year_word(i + 1).unwrap_or(i + 1)))
    }

    /// `текущего года`, `прошлого года`, `этом году`: the year and the next token.
    fn relative_year(&self, i: usize) -> Option<(Option<i32>, usize)> {
        let shift = match self.word(i)? {
            Word::This => 0,
            Word::Last => -1,
            Word::Next => 1,
            _ => return None,
        };
        let end = self.year_word(i + 1)?;
        Some((self.year.map(|y| y + shift), end))
    }

    /// An explicit or relative year at `i`, or none (the document year) with `i` itself.
    fn year_after(&self, i: usize) -> (Option<i32>, usize) {
        if let Some((y, end)) = self.explicit_year(i) {
            return (Some(y), end);
        }
        if let Some((y, end)) = self.relative_year(i) {
            return (y, end);
        }
        (self.year, i)
    }

    /// `year_after` for months `first` to `last`: months counted from January with no year
    /// written, said before the last of them ends (`за январь–сентябрь` in January), are a
    /// report of last year.
    fn report_year(&self, i: usize, first: u8, last: u8) -> (Option<i32>, usize) {
        let (y, end) = self.year_after(i);
        // A written year, explicit or relative, ends past `i`.
        let unwritten = end == i;
        match (y, self.month) {
            (Some(y), Some(now)) if unwritten && first == 1 && last > now => (Some(y - 1), end),
            _ => (y, end),
        }
    }

    /// `в первом квартале ..., во втором – 772`: an ordinal word with its part of the year
    /// left out, right after a quarter or a half named last, is that part again.
    fn elided_part(&self, i: usize, last: Option<Period>) -> Option<Hit> {
        if !self.form_is(i, &["в", "во", "за"]) {
            return None;
        }
        let Some(Word::Ordinal(n)) = self.word(i + 1) else {
            return None;
        };
        let comma = self
            .toks
            .get(i + 2)
            .is_some_and(|t| t.text(self.text) == ",");
        if !(comma || self.is_dash(i + 2)) {
            return None;
        }
        let period = last?.same_part(n)?;
        Some((i, i + 2, Some(period), TimeKind::Point))
    }

    /// An ordinal for a half or quarter: `первом`, `II`, `3`, `3-м`.
    fn ordinal(&self, i: usize) -> Option<(u8, usize)> {
        if let Some(Word::Ordinal(n)) = self.word(i) {
            return Some((n, i + 1));
        }
        let t = self.toks.get(i)?;
        let roman = match t.text(self.text) {
            "I" => Some(1),
            "II" => Some(2),
            "III" => Some(3),
            "IV" => Some(4),
            _ => None,
        };
        if let Some(n) = roman {
            return Some((n, i + 1));
        }
        let n = self.num(i).filter(|n| (1..=4).contains(n))? as u8;
        // `3-м`, `3-ем`.
        if self.is_dash(i + 1)
            && self
                .toks
                .get(i + 2)
                .is_some_and(|t| matches!(t.text(self.text), "м" | "ем" | "ом" | "й"))
        {
            return Some((n, i + 3));
        }
        Some((n, i + 1))
    }

    /// A count of months (`6`, `девяти`, `10`): at most 12.
    fn month_count(&self, i: usize) -> Option<u8> {
        if let Some(n) = self.num(i) {
            return (1..=12).contains(&n).then_some(n as u8);
        }
        let t = self.toks.get(i)?;
        match super::numbers::number_word(t.text(self.text))? {
            super::numbers::NumberWord::Atom(v) if (1.0..=12.0).contains(&v) => Some(v as u8),
            _ => None,
        }
    }

    /// A count of years (`5`, `пять`, `десяти`): at most 50.
    fn year_count(&self, i: usize) -> Option<u32> {
        if let Some(n) = self.num(i) {
            return (1..=50).contains(&n).then_some(n);
        }
        let t = self.toks.get(i)?;
        match super::numbers::number_word(t.text(self.text))? {
            super::numbers::NumberWord::Atom(v) if (1.0..=50.0).contains(&v) => Some(v as u32),
            _ => None,
        }
    }

    fn rule_at(&self, i: usize) -> Option<Hit> {
        let w = &*WORDS;
        let id = self.id(i);
        // `против 13,4 центнера годом ранее`: a year before, a time compared with.
        if self.form_is(i, &["годом"]) && self.form_is(i + 1, &["ранее", "раньше"])
        {
            let period = self.year.map(|y| Period::Year(y - 1));
            return Some((i, i + 2, period, TimeKind::Comparison));
        }
        // Deadlines: `до 2030 года`, `до конца 2025 года`, `до конца года`, `к 2030 году`.
        if id == w.do_ || id == w.k {
            let mut j = i + 1;
            let to_end = self.word(j) == Some(Word::End);
            if to_end {
                j += 1;
            }
            if let Some((y, end)) = self.explicit_year(j) {
                let period = match self.year {
                    Some(now) if id == w.do_ && !to_end && now < y => {
                        Period::Interval(Simple::Year(now), Simple::Year(y))
                    }
                    _ => Period::Year(y),
                };
                // `Рост к 2023 году составил 14%`: a change to a year is counted against it,
                // no deadline.
                // Only when what the change came to follows (`составил`, a dash): `рост к
                // 2029 году экспорта до 40 млрд` is a target.
                let change_to = id == w.k
                    && !to_end
                    && i > 0
                    && self.form_is(
                        i - 1,
                        &["рост", "прирост", "снижение", "увеличение", "сокращение"],
                    )
                    && self.toks.get(end).is_some_and(|t| {
                        let after = lower(t.text(self.text));
                        after.starts_with("состав") || matches!(after.as_ref(), "–" | "—" | "-")
                    });
                let kind = if change_to {
                    TimeKind::Comparison
                } else {
                    TimeKind::Deadline
                };
                return Some((i, end, Some(period), kind));
            }
            if to_end {
                if let Some(end) = self.year_word(j) {
                    return Some((i, end, self.year.map(Period::Year), TimeKind::Deadline));
                }
                if let Some((y, end)) = self.relative_year(j) {
                    return Some((i, end, y.map(Period::Year), TimeKind::Deadline));
                }
            }
        }
        // `срок – III квартал`, `срок: сентябрь`: a list's item names when it is due.
        if id == w.term
            && (self.is_dash(i + 1)
                || self
                    .toks
                    .get(i + 1)
                    .is_some_and(|t| t.text(self.text) == ":"))
        {
            if let Some((_, end, period, _)) = self.rule_at(i + 2) {
                return Some((i, end, period, TimeKind::Deadline));
            }
        }
        // `по итогам года`, `по завершении года`: the year that closes, the last one early
        // in a year (a report of January or February is on the year just over).
        if id == w.itogam || self.word(i) == Some(Word::Close) {
            if let Some(end) = self.year_word(i + 1) {
                let year = match (self.year, self.month) {
                    (Some(y), Some(m)) if m <= 2 => Some(y - 1),
                    (y, _) => y,
                };
                return Some((i, end, year.map(Period::Year), TimeKind::Point));
            }
        }
        // `с начала года`, `с начала текущего года`.
        if id == w.s && self.word(i + 1) == Some(Word::Start) {
            let (y, end) = match self.year_word(i + 2) {
                Some(end) => (self.year, end),
                None => match self.relative_year(i + 2) {
                    Some((y, end)) => (y, end),
                    None => return None,
                },
            };
            let period = match (y, self.month) {
                (Some(y), Some(m)) if Some(y) == self.year => {
                    Some(Period::Interval(Simple::Month(y, 1), Simple::Month(y, m)))
                }
                (Some(y), _) => Some(Period::Year(y)),
                _ => None,
            };
            return Some((i, end, period, TimeKind::ToDate));
        }
        // `с момента создания СЭЗ в 2012 году`: from the founding year to the document's.
        if id == w.s && self.id(i + 1) == w.moment && self.word(i + 2) == Some(Word::Founding) {
            if let Some(k) = (i + 3..i + 10).find(|&k| self.id(k) == w.v) {
                if let (Some((y, end)), Some(now)) = (self.explicit_year(k + 1), self.year) {
                    if y <= now {
                        let period = Period::Interval(Simple::Year(y), Simple::Year(now));
                        return Some((i, end, Some(period), TimeKind::Span));
                    }
                }
            }
        }
        // `с 2021 по 2025 год`.
        if id == w.s {
            if let (Some(y1), true) = (self.year_at(i + 1), self.id(i + 2) == w.po) {
                if let Some((y2, end)) = self.explicit_year(i + 3) {
                    return Some((
                        i,
                        end,
                        Some(Period::Interval(Simple::Year(y1), Simple::Year(y2))),
                        TimeKind::Span,
                    ));
                }
            }
        }
        // `С 2013 года банк профинансировал ...`: from a year gone by to the document's
        // (`since 2013`); a year still ahead (`с 2027 года`) starts a plan instead, and
        // `с 2013 года по 2020`, `с 2013 до 2020` are read as spans or changes elsewhere.
        if id == w.s {
            if let (Some(y), Some(end), Some(now)) =
                (self.year_at(i + 1), self.year_word(i + 2), self.year)
            {
                // `с 2016 года по программе`: only a number after `по` or `до` makes a span.
                let to_number =
                    (self.id(end) == w.po || self.id(end) == w.do_) && self.num(end + 1).is_some();
                if y < now && !to_number {
                    let period = Period::Interval(Simple::Year(y), Simple::Year(now));
                    return Some((i, end, Some(period), TimeKind::Span));
                }
            }
        }
        // `за последние 5 лет`, `за последние пять лет`.
        if self.word(i) == Some(Word::Recent) {
            if let Some(n) = self.year_count(i + 1) {
                if self.word(i + 2) == Some(Word::Year) {
                    let period = self
                        .year
                        .map(|y| Period::Interval(Simple::Year(y - n as i32 + 1), Simple::Year(y)));
                    return Some((i, i + 3, period, TimeKind::Span));
                }
            }
        }
        // `в ближайшие пять лет`: the document's year and those after. `следующие 3 года` may
        // follow a year of its own (`в 2026 году и в следующие 3 года`), so is left alone.
        if self.word(i) == Some(Word::Upcoming) {
            if let Some(n) = self.year_count(i + 1).filter(|&n| n >= 2) {
                if self.word(i + 2) == Some(Word::Year) {
                    let period = self
                        .year
                        .map(|y| Period::Interval(Simple::Year(y), Simple::Year(y + n as i32 - 1)));
                    return Some((i, i + 3, period, TimeKind::Span));
                }
            }
        }
        // `за три года построено 39 школ`, `за два года планируется`: a count of years with no
        // direction of its own, the span ahead until the fact layer reads what is done.
        if id == w.za {
            if let Some(n) = self.year_count(i + 1).filter(|&n| n >= 2) {
                if self.word(i + 2) == Some(Word::Year) {
                    let period = self
                        .year
                        .map(|y| Period::Interval(Simple::Year(y), Simple::Year(y + n as i32 - 1)));
                    return Some((i + 1, i + 3, period, TimeKind::Duration));
                }
            }
        }
        // `за 6 месяцев 2020 года`, `по итогам 10 месяцев текущего года`.
        if id == w.za || id == w.itogam || id == w.v {
            if let Some(n) = self.month_count(i + 1) {
                if self.word(i + 2) == Some(Word::Months) {
                    let (y, end) = self.report_year(i + 3, 1, n);
                    let period =
                        y.map(|y| Period::Interval(Simple::Month(y, 1), Simple::Month(y, n)));
                    return Some((i + 1, end, period, TimeKind::Span));
                }
            }
        }
        // `в I полугодии 2024 года`, `во втором квартале`.
        if let Some((n, j)) = self.ordinal(i) {
            let part = self.word(j);
            if matches!(part, Some(Word::Half | Word::Quarter)) {
                let (y, end) = self.year_after(j + 1);
                let period = match (part, y) {
                    (Some(Word::Half), Some(y)) if n <= 2 => Some(Period::Half(y, n)),
                    (Some(Word::Quarter), Some(y)) if n <= 4 => Some(Period::Quarter(y, n)),
                    _ => None,
                };
                return Some((i, end, period, TimeKind::Point));
            }
        }
        // `за полугодие`, `за полгода`: the half-year just over, the first of the year from
        // July, else the second of the year before.
        if id == w.za && self.word(i + 1) == Some(Word::Half) {
            let (y, end) = self.year_after(i + 2);
            let explicit = end > i + 2;
            let period = match (y, self.month) {
                (Some(y), _) if explicit => Some(Period::Half(y, 1)),
                (Some(y), Some(m)) if m >= 7 => Some(Period::Half(y, 1)),
                (Some(y), Some(_)) => Some(Period::Half(y - 1, 2)),
                _ => None,
            };
            return Some((i, end, period, TimeKind::Span));
        }
        // `за летний сезон`, `в летний сезон`: June to August of this year once it has
        // begun, else of the year before (a report on last year given in spring).
        // `за лето`, `летом`: the same months; `весной`, `за весну` March to May, `осенью`,
        // `за осень` September to November (winter, across two years, is left unread).
        let season_words = if (id == w.za || id == w.v)
            && self.word(i + 1) == Some(Word::Summer)
            && self.id(i + 2) == w.season
        {
            Some((3, 6))
        } else if id == w.za && self.form_is(i + 1, &["лето"]) {
            Some((2, 6))
        } else if id == w.za && self.form_is(i + 1, &["весну"]) {
            Some((2, 3))
        } else if id == w.za && self.form_is(i + 1, &["осень"]) {
            Some((2, 9))
        } else if self.form_is(i, &["летом"]) {
            Some((1, 6))
        } else if self.form_is(i, &["весной"]) {
            Some((1, 3))
        } else if self.form_is(i, &["осенью"]) {
            Some((1, 9))
        } else {
            None
        };
        if let Some((n, first)) = season_words {
            // `осенью` said in May is the autumn ahead (`Осенью завод выйдет на мощность`);
            // `за осень` is one that is over. Summer reads as before in both forms.
            let over = first == 6 || id == w.za;
            let (y, end) = match self.explicit_year(i + n) {
                Some((y, end)) => (Some(y), end),
                None => (
                    self.year.map(|y| {
                        if over && self.month.is_some_and(|m| m < first) {
                            y - 1
                        } else {
                            y
                        }
                    }),
                    i + n,
                ),
            };
            let period =
                y.map(|y| Period::Interval(Simple::Month(y, first), Simple::Month(y, first + 2)));
            return Some((i, end, period, TimeKind::Span));
        }
        // Years: `2020-2024 годы`, `2023 году`.
        if let Some(y1) = self.year_at(i) {
            if self.is_dash(i + 1) {
                if let Some(y2) = self.year_at(i + 2).filter(|&y2| y2 > y1) {
                    let end = self.year_word(i + 3).unwrap_or(i + 3);
                    return Some((
                        i,
                        end,
                        Some(Period::Interval(Simple::Year(y1), Simple::Year(y2))),
                        TimeKind::Span,
                    ));
                }
            }
            if let Some(end) = self.year_word(i + 1) {
                return Some((i, end, Some(Period::Year(y1)), TimeKind::Point));
            }
            // `(2022: 188,3 млрд тенге)`: a bare year that labels a figure in brackets.
            let text_at = |k: usize| self.toks.get(k).map(|t| t.text(self.text));
            if i > 0 && text_at(i - 1) == Some("(") && text_at(i + 1) == Some(":") {
                return Some((i, i + 1, Some(Period::Year(y1)), TimeKind::Point));
            }
        }
        // Days: `1 января 2024 года`; after `на`, a state as of that day.
        if let Some(d) = self.num(i).filter(|d| (1..=31).contains(d)) {
            if let Some(Word::Month(m)) = self.word(i + 1) {
                let (y, end) = match self.explicit_year(i + 2) {
                    Some((y, end)) => (Some(y), end),
                    None => (self.year, i + 2),
                };
                let period = y
                    .and_then(|y| NaiveDate::from_ymd_opt(y, u32::from(m), d))
                    .map(Period::Day);
                // A day is the time of what happened on it (`1 сентября открыты семь школ`)
                // and of a state on it (`на 1 января`) alike.
                return Some((i, end, period, TimeKind::AsOf));
            }
        }
        // `с 1 июня по 31 августа`, `с 1 по 15 августа`: the months of the days from one to
        // the other, as a span of days is written (FACTS.md keeps periods to months); the
        // first day's month, when left out, is the last one's.
        if id == w.s {
            let day = |k: usize| self.num(k).filter(|d| (1..=31).contains(d));
            let (first_month, po) = match self.word(i + 2) {
                Some(Word::Month(m)) => (Some(m), i + 3),
                _ => (None, i + 2),
            };
            if day(i + 1).is_some() && self.id(po) == w.po && day(po + 1).is_some() {
                if let Some(Word::Month(m2)) = self.word(po + 2) {
                    let m1 = first_month.unwrap_or(m2);
                    if m1 <= m2 {
                        let (y, end) = self.report_year(po + 3, m1, m2);
                        let period =
                            y.map(|y| Period::interval(Period::Month(y, m1), Period::Month(y, m2)));
                        return Some((i, end, period, TimeKind::Span));
                    }
                }
            }
        }
        // `с января по сентябрь 2024 года`: the months from one to the other.
        if id == w.s && self.id(i + 2) == w.po {
            if let (Some(Word::Month(m1)), Some(Word::Month(m2))) =
                (self.word(i + 1), self.word(i + 3))
            {
                if m1 < m2 {
                    let (y, end) = self.report_year(i + 4, m1, m2);
                    let period =
                        y.map(|y| Period::Interval(Simple::Month(y, m1), Simple::Month(y, m2)));
                    return Some((i, end, period, TimeKind::Span));
                }
            }
        }
        // Months: `январь–сентябрь 2024 года`, `в сентябре`.
        if let Some(Word::Month(m1)) = self.word(i) {
            if self.is_dash(i + 1) {
                if let Some(Word::Month(m2)) = self.word(i + 2) {
                    let (y, end) = self.report_year(i + 3, m1, m2);
                    let period =
                        y.map(|y| Period::Interval(Simple::Month(y, m1), Simple::Month(y, m2)));
                    return Some((i, end, period, TimeKind::Span));
                }
            }
            let (y, end) = self.year_after(i + 1);
            return Some((i, end, y.map(|y| Period::Month(y, m1)), TimeKind::Point));
        }
        // A school year: `в прошлом учебном году` said in 2025 is 2024/2025, `учебного года`
        // (this one) 2025/2026.
        let (shift, at) = match self.word(i) {
            Some(Word::This) => (Some(0), i + 1),
            Some(Word::Last) => (Some(-1), i + 1),
            Some(Word::Next) => (Some(1), i + 1),
            _ => (None, i),
        };
        if self.word(at) == Some(Word::Academic) && (shift.is_some() || at == i) {
            if let Some(end) = self.year_word(at + 1) {
                let period = self.year.map(|y| {
                    let first = y + shift.unwrap_or(0);
                    Period::Interval(Simple::Year(first), Simple::Year(first + 1))
                });
                return Some((i, end, period, TimeKind::Span));
            }
        }
        // `в этом году`, `прошлого года`, `в следующем году`.
        if let Some((y, end)) = self.relative_year(i) {
            return Some((i, end, y.map(Period::Year), TimeKind::Point));
        }
        None
    }

    /// Whether a comparison word stands just before token `start` (`по сравнению с`,
    /// `против`, `чем в`, `к прошлому году`), or the expression ends `аналогичный период`.
    fn compared(&self, start: usize) -> bool {
        let w = &*WORDS;
        let from = start.saturating_sub(3);
        // `Для сравнения, в 2010–2014 годах ...`: the same stem opens a sentence of
        // background, whose time is its figures' own.
        // `максимум с 2014 года`, `самые слабые темпы с 1998 года`; not the pronoun of `сама
        // СЭЗ. С начала года` (the stem of `самый`, four letters, and past a sentence's end).
        if self.id(start) == w.s
            && (from..start).any(|k| {
                w.superlative.contains(&self.id(k))
                    && self.toks[k].text(self.text).chars().count() >= 5
                    && !self.toks[k..start].iter().any(|t| t.text(self.text) == ".")
            })
        {
            return true;
        }
        if (from..start).any(|k| {
            w.compare.contains(&self.id(k))
                && crate::tokens::lower(self.toks[k].text(self.text)) != "сравнения"
        }) {
            return true;
        }
        // `на 14,9% выше уровня 2020 года`: the level of a year a figure is set against.
        if start > 0 && w.level.contains(&self.id(start - 1)) {
            return true;
        }
        // `к прошлому году`: a change against last year; `к январю–июню 2018 года`: an index
        // to the months of a year before.
        start > 0
            && self.id(start - 1) == w.k
            && matches!(self.word(start), Some(Word::Last | Word::Month(_)))
            || (from..start).any(|k| self.id(k) == w.analog && self.id(k + 1) == w.period)
            // `за тот же период прошлого года`: last year's same months are a base, and so are
            // a named year's after a word of comparison (`чем за тот же период 2016 года`;
            // `за тот же период 2016 года экспорт составил …` dates a figure of its own).
            || start > 0 && self.id(start - 1) == w.period && self.word(start) == Some(Word::Last)
            || start > 1
                && self.id(start - 1) == w.period
                && self.toks[start - 2].text(self.text) == "же"
                && (start.saturating_sub(6)..start - 2).any(|k| w.compare.contains(&self.id(k)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn find(s: &str, date: &str) -> Vec<(String, Option<String>, TimeKind)> {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        find_in(s, &tokenize(s, 0..s.len()), date)
            .into_iter()
            .map(|t| (t.text, t.period.map(|p| p.to_string()), t.kind))
            .collect()
    }

    #[test]
    fn russian_times() {
        use TimeKind::*;
        let cases: &[(&str, &str, &str, Option<&str>, TimeKind)] = &[
            // A year gone by after `с` runs to the document's year.
            (
                "С 2013 года банк профинансировал три проекта.",
                "2019-11-10",
                "С 2013 года",
                Some("2013/2019"),
                Span,
            ),
            (
                "С 2016 года по программе открыты 9 школ.",
                "2019-05-14",
                "С 2016 года",
                Some("2016/2019"),
                Span,
            ),
            // Months counted from January that have not all passed yet: last year's report.
            (
                "ВРП за январь–сентябрь вырос на 5%.",
                "2025-01-20",
                "январь–сентябрь",
                Some("2024-01/2024-09"),
                Span,
            ),
            (
                "Экспорт за 11 месяцев достиг $2 млрд.",
                "2025-01-20",
                "11 месяцев",
                Some("2024-01/2024-11"),
                Span,
            ),
            (
                "Экспорт за январь–май достиг $2 млрд.",
                "2025-06-20",
                "январь–май",
                Some("2025-01/2025-05"),
                Span,
            ),
            (
                "Индекс к январю–марту 2020 года составил 104,1%.",
                "2021-04-20",
                "январю–марту 2020 года",
                Some("2020-01/2020-03"),
                Comparison,
            ),
            (
                "С момента создания парка в 2015 году здесь открыли 9 цехов.",
                "2021-05-01",
                "С момента создания парка в 2015 году",
                Some("2015/2021"),
                Span,
            ),
            (
                "Завод построят в 2027 году.",
                "2024-05-01",
                "2027 году",
                Some("2027"),
                Point,
            ),
            (
                "План на 2022–2026 годы утверждён.",
                "2024-05-01",
                "2022–2026 годы",
                Some("2022/2026"),
                Span,
            ),
            (
                "За 9 месяцев 2023 года выпуск вырос.",
                "2023-10-10",
                "9 месяцев 2023 года",
                Some("2023-01/2023-09"),
                Span,
            ),
            (
                "По итогам восьми месяцев текущего года рост составил 4%.",
                "2025-09-15",
                "восьми месяцев текущего года",
                Some("2025-01/2025-08"),
                Span,
            ),
            (
                "В январе-июле 2024 года добыча выросла.",
                "2024-08-20",
                "январе-июле 2024 года",
                Some("2024-01/2024-07"),
                Span,
            ),
            // Spring and autumn, this year once begun, else the year before.
            (
                "Весной в районе засеяли 80 тыс. гектаров.",
                "2021-09-20",
                "Весной",
                Some("2021-03/2021-05"),
                Span,
            ),
            (
                "За осень в хозяйствах собрали 2 млн тонн овощей.",
                "2022-02-10",
                "За осень",
                Some("2021-09/2021-11"),
                Span,
            ),
            (
                "Осенью завод выйдет на проектную мощность.",
                "2024-05-10",
                "Осенью",
                Some("2024-09/2024-11"),
                Span,
            ),
            (
                "Осенью 2019 года завод выпустил 40 тыс. тонн.",
                "2020-05-10",
                "Осенью 2019 года",
                Some("2019-09/2019-11"),
                Span,
            ),
            (
                "Только за лето проложено 612 км сетей.",
                "2020-11-20",
                "за лето",
                Some("2020-06/2020-08"),
                Span,
            ),
            (
                "Летом 2023 года курорт принял 90 тыс. туристов.",
                "2024-02-20",
                "Летом 2023 года",
                Some("2023-06/2023-08"),
                Span,
            ),
            (
                "Урожайность – 12,1 центнера против 13,4 центнера годом ранее.",
                "2021-10-20",
                "годом ранее",
                Some("2020"),
                Comparison,
            ),
            (
                "Выпуск – 40 тыс. тонн против 36 тыс. тонн годом раньше.",
                "2021-10-20",
                "годом раньше",
                Some("2020"),
                Comparison,
            ),
            // Said before summer has begun: last year's.
            (
                "Летом курорт принял 90 тыс. туристов.",
                "2024-04-20",
                "Летом",
                Some("2023-06/2023-08"),
                Span,
            ),
            (
                "В первом квартале кредиты взяли 40 фирм, во втором – 52.",
                "2023-08-20",
                "во втором",
                Some("2023-Q2"),
                Point,
            ),
            (
                "В первом полугодии кредиты взяли 40 фирм, во втором, по оценке, 52.",
                "2023-12-20",
                "во втором",
                Some("2023-H2"),
                Point,
            ),
            (
                "Во II квартале выпуск вырос.",
                "2024-08-20",
                "II квартале",
                Some("2024-Q2"),
                Point,
            ),
            (
                "В первом полугодии 2023 года экспорт вырос.",
                "2024-08-20",
                "первом полугодии 2023 года",
                Some("2023-H1"),
                Point,
            ),
            (
                "До 2030 года откроют 40 школ.",
                "2024-08-20",
                "До 2030 года",
                Some("2024/2030"),
                Deadline,
            ),
            (
                "Цех – 4 млрд тенге, срок – сентябрь.",
                "2021-03-04",
                "срок – сентябрь",
                Some("2021-09"),
                Deadline,
            ),
            (
                "Завод – 9 млрд тенге, срок: IV квартал.",
                "2021-03-04",
                "срок: IV квартал",
                Some("2021-Q4"),
                Deadline,
            ),
            (
                "К 2028 году мощность удвоят.",
                "2024-08-20",
                "К 2028 году",
                Some("2028"),
                Deadline,
            ),
            (
                "Работы завершат до конца года.",
                "2024-08-20",
                "до конца года",
                Some("2024"),
                Deadline,
            ),
            (
                "С начала года введено 50 домов.",
                "2024-08-20",
                "С начала года",
                Some("2024-01/2024-08"),
                ToDate,
            ),
            (
                "В прошлом году открыли цех.",
                "2024-08-20",
                "прошлом году",
                Some("2023"),
                Point,
            ),
            (
                "Ввод жилья достиг 2 млн кв. м – максимум с 2014 года.",
                "2021-02-20",
                "с 2014 года",
                Some("2014/2021"),
                Comparison,
            ),
            (
                "Для сравнения, в 2015–2019 годах выпуск рос на 4% в год.",
                "2024-08-20",
                "2015–2019 годах",
                Some("2015/2019"),
                Span,
            ),
            (
                "Рост по сравнению с прошлым годом – 5%.",
                "2024-08-20",
                "прошлым годом",
                Some("2023"),
                Comparison,
            ),
            (
                "В городе с января по сентябрь открыто 18 предприятий.",
                "2024-10-20",
                "с января по сентябрь",
                Some("2024-01/2024-09"),
                Span,
            ),
            (
                "С 1 июня по 31 августа курорты приняли 900 тыс. гостей.",
                "2024-09-10",
                "С 1 июня по 31 августа",
                Some("2024-06/2024-08"),
                Span,
            ),
            (
                "С 1 по 15 августа курорты приняли 300 тыс. гостей.",
                "2024-09-10",
                "С 1 по 15 августа",
                Some("2024-08"),
                Span,
            ),
            (
                "Экспорт составил 90 млн долларов, что в 1,2 раза больше показателя 2023 года.",
                "2025-01-20",
                "2023 года",
                Some("2023"),
                Comparison,
            ),
            (
                "Это на 3% больше, чем за тот же период прошлого года.",
                "2024-08-20",
                "прошлого года",
                Some("2023"),
                Comparison,
            ),
            (
                "Вывезено 40 тонн, вдвое больше, чем за тот же период 2021 года.",
                "2024-08-20",
                "2021 года",
                Some("2021"),
                Comparison,
            ),
            (
                "За тот же период 2021 года вывезено 20 тонн.",
                "2024-08-20",
                "2021 года",
                Some("2021"),
                Point,
            ),
            (
                "На 1 января 2024 года в области 30 тысяч фермеров.",
                "2024-08-20",
                "1 января 2024 года",
                Some("2024-01-01"),
                AsOf,
            ),
            (
                "Цех запустили 12 марта, в нём работают 40 человек.",
                "2024-08-20",
                "12 марта",
                Some("2024-03-12"),
                AsOf,
            ),
            (
                "По итогам года выпуск вырастет на 4%.",
                "2024-10-20",
                "итогам года",
                Some("2024"),
                Point,
            ),
            (
                "По итогам года выпуск вырос на 4%.",
                "2025-01-20",
                "итогам года",
                Some("2024"),
                Point,
            ),
            (
                "Ожидается, что по завершении года дефицит сократится до 3%.",
                "2024-11-02",
                "завершении года",
                Some("2024"),
                Point,
            ),
            (
                "В ближайшие пять лет планируется построить 12 школ.",
                "2024-03-10",
                "ближайшие пять лет",
                Some("2024/2028"),
                Span,
            ),
            (
                "За последние 3 года вложено 9 млрд тенге.",
                "2025-08-20",
                "последние 3 года",
                Some("2023/2025"),
                Span,
            ),
            (
                "За последние семь лет площадь садов удвоилась.",
                "2025-08-20",
                "последние семь лет",
                Some("2019/2025"),
                Span,
            ),
            (
                "Сбор зерна на 8% выше уровня 2022 года.",
                "2024-03-05",
                "2022 года",
                Some("2022"),
                Comparison,
            ),
            (
                "За полгода в регионе открыли 40 кафе.",
                "2024-09-15",
                "За полгода",
                Some("2024-H1"),
                Span,
            ),
            (
                "За летний сезон на озере побывали 300 тыс. гостей.",
                "2025-02-10",
                "За летний сезон",
                Some("2024-06/2024-08"),
                Span,
            ),
        ];
        for (s, date, text, period, kind) in cases {
            let found = find(s, date);
            let hit = found
                .iter()
                .find(|(t, _, _)| t == text)
                .unwrap_or_else(|| panic!("{s}: {found:?}"));
            assert_eq!(hit.1.as_deref(), *period, "{s}");
            assert_eq!(hit.2, *kind, "{s}");
        }
    }

    #[test]
    fn counts_are_not_years() {
        let found = find("Создано 2500 рабочих мест и 12 новых школ.", "2024-01-01");
        assert!(found.is_empty(), "{found:?}");
    }
}
