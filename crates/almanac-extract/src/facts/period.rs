//! The period a figure holds for.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashSet;

use super::sentence::Sentence;
use crate::data;
use crate::fact::Measure;
use crate::period::{Period, Simple};
use crate::quantities::{Quantity, QuantityKind};
use crate::times::{TimeExpr, TimeKind};
use crate::tokens::{is_alphanumeric, lower, word_is};

/// A time's period, unless it is the date a statement was made (`on Dec. 9`), which says
/// when something was said, not when the figure holds. A day after the document's date is
/// no statement's: it is when something is to happen (`will open on September 1`).
pub(super) fn usable_period(t: &TimeExpr, date: Option<NaiveDate>) -> Option<Period> {
    match (t.kind, t.period) {
        (TimeKind::Point, Some(Period::Day(d))) if date.is_some_and(|date| d > date) => {
            Some(Period::Day(d))
        }
        (TimeKind::Point, Some(Period::Day(_))) => None,
        (TimeKind::Name, _) => None,
        // `from June 1 to August 31`: a span of days is kept to its months.
        (_, Some(Period::Interval(Simple::Day(a), Simple::Day(b)))) => Some(Period::interval(
            Period::Month(a.year(), a.month() as u8),
            Period::Month(b.year(), b.month() as u8),
        )),
        (_, p) => p,
    }
}

pub(super) fn shift_year(p: Period, by: i32) -> Period {
    match p {
        Period::Year(y) => Period::Year(y + by),
        Period::Half(y, h) => Period::Half(y + by, h),
        Period::Quarter(y, q) => Period::Quarter(y + by, q),
        Period::Month(y, m) => Period::Month(y + by, m),
        Period::Day(d) => Period::Day(shift_day(d, by)),
        Period::Interval(a, b) => Period::Interval(shift_simple(a, by), shift_simple(b, by)),
    }
}

fn shift_simple(p: Simple, by: i32) -> Simple {
    match p {
        Simple::Year(y) => Simple::Year(y + by),
        Simple::Half(y, h) => Simple::Half(y + by, h),
        Simple::Quarter(y, q) => Simple::Quarter(y + by, q),
        Simple::Month(y, m) => Simple::Month(y + by, m),
        Simple::Day(d) => Simple::Day(shift_day(d, by)),
    }
}

/// The same day `by` years away; 29 February becomes 28 February.
fn shift_day(d: NaiveDate, by: i32) -> NaiveDate {
    d.with_year(d.year() + by)
        .or_else(|| NaiveDate::from_ymd_opt(d.year() + by, d.month(), 28))
        .unwrap_or(d)
}

/// The period before: the previous year, half, quarter, month or day.
pub(super) fn previous(p: Period) -> Period {
    match p {
        Period::Year(y) => Period::Year(y - 1),
        Period::Half(y, 1) => Period::Half(y - 1, 2),
        Period::Half(y, h) => Period::Half(y, h - 1),
        Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
        Period::Quarter(y, q) => Period::Quarter(y, q - 1),
        Period::Month(y, 1) => Period::Month(y - 1, 12),
        Period::Month(y, m) => Period::Month(y, m - 1),
        Period::Day(d) => Period::Day(d.pred_opt().unwrap_or(d)),
        interval => interval,
    }
}

/// `decreased ... from 5.3 to 5.2 percent`: the figure after `from` is the earlier state.
pub(super) fn is_first_state(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> bool {
    fig_tok >= 1
        && q.direction.is_none()
        && word_is(text, s.toks, fig_tok - 1, &["from"])
        && s.toks[..fig_tok - 1]
            .iter()
            .rev()
            .take(crate::lexicon::CHANGE_VERB_REACH)
            .any(|t| {
                crate::lexicon::LEXICONS
                    .directions_before
                    .starting_at(text, std::slice::from_ref(t), 0)
                    .is_some()
            })
}

/// The words of `data/period_cues.tsv`.
pub(crate) struct PeriodCues {
    /// In ASCII lower case: a word of a sentence is looked up, not compared with each.
    report: FxHashSet<String>,
    /// For each ASCII first letter of a `report` word of ASCII, bit `n` when one is `n` bytes
    /// long (bit 63: longer): an ASCII word of the text, most of them, is told apart by
    /// these before it is lowered and hashed.
    report_heads: [u64; 128],
    /// Words of speech (`said`), in ASCII lower case: they make a span of months named
    /// with them in the front the period reported on, not a year.
    speech: FxHashSet<String>,
    back: Phrases,
    /// Phrases that point to the day a figure before was of (`on the same date`).
    same_date: Phrases,
    open: Phrases,
    /// Words of telling (`reported`, `сообщалось`), lower case: a time right after one is
    /// when a figure was told.
    told: FxHashSet<String>,
    /// Words of revising (`revised`, `пересмотрена`), lower case: an old and a new figure of
    /// one period follow them.
    revised: FxHashSet<String>,
    /// Nouns of a forecast's publication (`update`, `outlook`, `обзоре`), lower case: a time
    /// right before one, or before `its` and one, is when the forecast came out.
    published: FxHashSet<String>,
    /// Verbs of moving a forecast (`raised`, `понизил`), lower case.
    moved: FxHashSet<String>,
    /// Phrases that open a sentence of background (`For comparison`, `Для сравнения`), lower
    /// case.
    background: Vec<String>,
    /// Words that open a cause (`because of`, `из-за`): a time after one is the cause's.
    cause: Phrases,
    /// Phrases that move a date (`rescheduled to`, `перенесён на`), each also without its
    /// last word, which may open the time (`postponed` + `until 2026`).
    rescheduled: Rescheduled,
}

/// Phrases found anywhere in a lower-case sentence, all in one pass.
struct Phrases(AhoCorasick);

impl Phrases {
    fn new(phrases: &[&str]) -> Self {
        Phrases(AhoCorasick::new(phrases).expect("period_cues.tsv: phrases make an automaton"))
    }

    /// Whether a phrase stands in `lower` as words of its own, not inside a longer word.
    fn in_words(&self, lower: &str) -> bool {
        self.0.find_overlapping_iter(lower).any(|m| {
            let before = lower[..m.start()].chars().next_back();
            let after = lower[m.end()..].chars().next();
            !before.is_some_and(is_alphanumeric) && !after.is_some_and(is_alphanumeric)
        })
    }
}

#[derive(Clone, Copy)]
enum PeriodCueClass {
    Report,
    Speech,
    Back,
    SameDate,
    Open,
    Told,
    Revised,
    Published,
    Moved,
    Background,
    Cause,
    Rescheduled,
}

pub(crate) static PERIOD_CUES: LazyLock<PeriodCues> = LazyLock::new(|| {
    let (mut report, mut speech, mut back, mut same_date, mut open, mut cause) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    let mut background = Vec::new();
    let mut rescheduled = Vec::new();
    let (mut told, mut revised, mut published, mut moved) = (
        FxHashSet::default(),
        FxHashSet::default(),
        FxHashSet::default(),
        FxHashSet::default(),
    );
    let row = |r: &data::Row| {
        let class = r.choice(
            0,
            &[
                ("report", PeriodCueClass::Report),
                ("speech", PeriodCueClass::Speech),
                ("back", PeriodCueClass::Back),
                ("same_date", PeriodCueClass::SameDate),
                ("open", PeriodCueClass::Open),
                ("told", PeriodCueClass::Told),
                ("revised", PeriodCueClass::Revised),
                ("published", PeriodCueClass::Published),
                ("moved", PeriodCueClass::Moved),
                ("background", PeriodCueClass::Background),
                ("cause", PeriodCueClass::Cause),
                ("rescheduled", PeriodCueClass::Rescheduled),
            ],
            None,
        )?;
        Ok((class, r.get(1)))
    };
    let rows = data::PERIOD_CUES
        .load(row)
        .into_iter()
        .chain(data::PERIOD_CUES_RU.load(row));
    for (class, phrase) in rows {
        match class {
            PeriodCueClass::Report => report.push(phrase),
            PeriodCueClass::Speech => speech.push(phrase.to_ascii_lowercase()),
            PeriodCueClass::Back => back.push(phrase),
            PeriodCueClass::SameDate => same_date.push(phrase),
            PeriodCueClass::Open => open.push(phrase),
            PeriodCueClass::Told => {
                told.insert(phrase.to_lowercase());
            }
            PeriodCueClass::Revised => {
                revised.insert(phrase.to_lowercase());
            }
            PeriodCueClass::Published => {
                published.insert(phrase.to_lowercase());
            }
            PeriodCueClass::Moved => {
                moved.insert(phrase.to_lowercase());
            }
            PeriodCueClass::Background => background.push(phrase.to_lowercase()),
            PeriodCueClass::Cause => cause.push(phrase),
            PeriodCueClass::Rescheduled => rescheduled.push(phrase),
        }
    }
    let report: FxHashSet<String> = report.iter().map(|w| w.to_ascii_lowercase()).collect();
    let mut report_heads = [0u64; 128];
    for w in report.iter().filter(|w| w.is_ascii()) {
        if let Some(&first) = w.as_bytes().first() {
            report_heads[usize::from(first)] |= 1 << w.len().min(63);
        }
    }
    PeriodCues {
        report,
        report_heads,
        speech: speech.into_iter().collect(),
        back: Phrases::new(&back),
        same_date: Phrases::new(&same_date),
        open: Phrases::new(&open),
        told,
        revised,
        published,
        moved,
        background,
        cause: Phrases::new(&cause),
        rescheduled: Rescheduled::new(&rescheduled),
    }
});

/// The phrases of the `rescheduled` class in one automaton, matched in any ASCII case: each
/// phrase whole, and each without its last word, kept as the word the time must open with.
struct Rescheduled {
    phrases: AhoCorasick,
    /// For each pattern: `None` for a whole phrase, else the last word left out.
    opening: Vec<Option<String>>,
    /// The verbs of the phrases (`rescheduled`, `перенесён`), lower case: one of them is
    /// among the last three words before a time that a phrase moves, so most times are told
    /// apart by three look-ups before the automaton runs.
    verbs: FxHashSet<String>,
}

impl Rescheduled {
    fn new(phrases: &[&str]) -> Self {
        let mut patterns = Vec::new();
        let mut opening = Vec::new();
        let small = [
            "to",
            "for",
            "until",
            "till",
            "in",
            "by",
            "now",
            "на",
            "до",
            "в",
            "теперь",
        ];
        let verbs = phrases
            .iter()
            .flat_map(|p| p.split_whitespace())
            .map(str::to_lowercase)
            .filter(|w| !small.contains(&w.as_str()))
            .collect();
        for p in phrases {
            let p = p.to_lowercase();
            if let Some((head, last)) = p.rsplit_once(' ') {
                patterns.push(head.to_string());
                opening.push(Some(last.to_string()));
            }
            patterns.push(p);
            opening.push(None);
        }
        let phrases = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("period_cues.tsv: rescheduled phrases make an automaton");
        Rescheduled {
            phrases,
            opening,
            verbs,
        }
    }
}

/// The period a whole document reports on, when its title or the first two paragraphs of
/// its body name one in a sentence about a report (`was briefed on the outcomes ... over the
/// first nine months of 2021`, `a report on the work done ... throughout 2021`): a part of
/// a year, or a year already over at the document date. Spans of several years are plans
/// or programmes, not reports. Early in a year, a lead that dates its news to the year
/// just ended (`the economy grew 5% over the year`, `last year`) sums that year up,
/// reporting word or not: annual results are published in the months after it.
/// With `Told::Speech` or `Told::LeadOpening`, asked when that found nothing, a span of
/// months said as news: a weaker sign, which dates the undated figures of later paragraphs
/// but does not outrank a span to date.
pub(super) fn report_period(
    text: &str,
    front: &Front<'_, impl AsRef<[TimeExpr]>>,
    date: Option<NaiveDate>,
    told: Told,
) -> Option<Period> {
    let opening = told == Told::LeadOpening;
    let date = date?;
    for (sentences, times) in front.paragraphs() {
        for s in sentences
            // A Russian span with no word of its own says what the news is of only as a
            // paragraph of the front opens (`В первом полугодии 2022 года предприниматели
            // получили ...`): in its first sentence of five words or more, which passes over
            // a dateline (`ОШ, 21 июля.`).
            .filter(|s| !opening || text[(*s).clone()].split_whitespace().nth(4).is_some())
            .take(if opening { 1 } else { usize::MAX })
        {
            // The sentence's words are read only for a sentence with a time.
            let cued = std::cell::OnceCell::new();
            let reported = times_in(times, s)
                .filter(|t| matches!(t.kind, TimeKind::Point | TimeKind::Span | TimeKind::ToDate))
                .filter(|t| !dates_a_figure_set_against(&text[s.start..t.span[0]]))
                .filter_map(|t| Some((t.period?, t.kind)))
                .find(|&(p, kind)| {
                    if told != Told::Report {
                        // A span of months said as news. Asked only once the reporting
                        // words found nothing, so they are not read again: a sentence of
                        // them with such a span would have been found.
                        // A single month only from a statistics office, whose monthly
                        // releases (prices, output) say it so; elsewhere it is when
                        // something happened (`opened in March, the company said`).
                        kind != TimeKind::ToDate
                            && (is_span_of_months(p)
                                || (matches!(p, Period::Month(..))
                                    && from_statistics(&text[s.clone()])))
                            && is_report_span(p, date)
                            && (opening || *cued.get_or_init(|| has_speech_word(&text[s.clone()])))
                    } else if *cued.get_or_init(|| has_report_word(&text[s.clone()])) {
                        is_report_span(p, date)
                    } else {
                        sums_up_last_year(p, date)
                    }
                });
            if let Some((p, _)) = reported {
                return Some(p);
            }
        }
    }
    None
}

/// The year of the budget the front of a document names (`approved the region's budget for
/// 2018`, `Бюджет Алматы на 2024 год увеличен`): a year not yet over at the document's date in
/// a sentence with a word of the budget. A span of years (`на 2021–2023 годы`) names a
/// plan of three budgets, none of them alone.
pub(super) fn budget_year(
    text: &str,
    front: &Front<'_, impl AsRef<[TimeExpr]>>,
    date: Option<NaiveDate>,
) -> Option<Period> {
    let date = date?;
    for (sentences, times) in front.paragraphs() {
        for s in sentences {
            let year = times_in(times, s)
                .filter(|t| t.kind == TimeKind::Point)
                .find_map(|t| match t.period {
                    Some(Period::Year(y)) if y >= date.year() => Some(Period::Year(y)),
                    _ => None,
                });
            if year.is_some() {
                let lower = crate::tokens::lower(&text[s.clone()]);
                if lower.contains("budget") || lower.contains("бюджет") {
                    return year;
                }
            }
        }
    }
    None
}

/// A programme or strategy the front of a document reviews: its whole span, and the part
/// of it already run at the document's date.
#[derive(Debug, Clone, Copy)]
pub(super) struct Programme {
    pub(super) span: Period,
    pub(super) to_date: Period,
}

impl Programme {
    /// Whether the programme was over before the document's year.
    pub(super) fn is_over(&self) -> bool {
        self.span == self.to_date
    }
}

/// The years a count with no direction covers for what is achieved over it, given as the span
/// ahead (`TimeKind::Duration`): the years that end at the first of them, the document's; the
/// years of a `programme` that is over when they are as many.
pub(super) fn achieved_over(ahead: Period, programme: Option<Programme>) -> Period {
    let Period::Interval(Simple::Year(from), Simple::Year(to)) = ahead else {
        return ahead;
    };
    programme
        .filter(Programme::is_over)
        .map(|r| r.span)
        .filter(|r| {
            matches!(r, Period::Interval(Simple::Year(a), Simple::Year(b)) if b - a == to - from)
        })
        .unwrap_or(Period::Interval(Simple::Year(2 * from - to), Simple::Year(from)))
}

/// The programme or strategy that the front of a document reviews, sums up or audits
/// (`the programme for 2021-2025 met its targets`, `подвело итоги Программы ... на 2021–2025
/// годы`, `found in an audit of the programme ... in 2018-2020`, `the plan for 2021-2025 is
/// 58% complete at a mid-term review`): a span of whole years begun by the document's
/// year, in a sentence that names a programme and a word of review. Its targets with no time
/// of their own are of the whole span; what it has achieved so far, of the years it has run.
pub(super) fn reviewed_programme(
    text: &str,
    front: &Front<'_, impl AsRef<[TimeExpr]>>,
    date: Option<NaiveDate>,
) -> Option<Programme> {
    let date = date?;
    let year = date.year();
    for (sentences, times) in front.paragraphs() {
        for s in sentences {
            let span = times_in(times, s)
                .filter(|t| t.kind != TimeKind::Comparison)
                .find_map(|t| match t.period {
                    Some(Period::Interval(Simple::Year(a), Simple::Year(b)))
                        if a < b && a < year =>
                    {
                        Some((a, b))
                    }
                    _ => None,
                });
            let Some((a, b)) = span else { continue };
            let sentence = lower(&text[s.clone()]);
            let names = |words: &[&str]| words.iter().any(|w| sentence.contains(w));
            // Parts of words: `program` is in `programme`, `программ` in `программы`.
            if names(&["program", "strategy", "plan ", "программ", "стратеги"])
                && names(&[
                    "summing up",
                    "summed up",
                    "results",
                    "outcome",
                    "met its",
                    "missed",
                    "fell short",
                    "review",
                    "audit",
                    "complete",
                    "итог",
                    "выполнен",
                    "не достигнут",
                    "аудит",
                    "провер",
                    "исполнени",
                ])
            {
                let whole = Period::Interval(Simple::Year(a), Simple::Year(b));
                return Some(Programme {
                    span: whole,
                    to_date: if b < year {
                        whole
                    } else {
                        Period::Interval(Simple::Year(a), Simple::Year(year))
                    },
                });
            }
        }
    }
    None
}

/// The front of a document, its title and first paragraphs, where it says what period it
/// reports on and what budget it is about: the paragraphs, the times found in each, and the
/// document's sentences (in order).
pub(super) struct Front<'a, T> {
    pub(super) paragraphs: &'a [Range<usize>],
    pub(super) times: &'a [T],
    pub(super) sentences: &'a [Range<usize>],
}

impl<'a, T: AsRef<[TimeExpr]>> Front<'a, T> {
    /// Each paragraph of the front: its sentences, in order, and its times.
    fn paragraphs(
        &self,
    ) -> impl Iterator<Item = (impl Iterator<Item = &'a Range<usize>>, &'a [TimeExpr])> {
        let sentences = self.sentences;
        self.paragraphs
            .iter()
            .zip(self.times)
            .map(move |(p, times)| {
                let first = sentences.partition_point(|s| s.start < p.start);
                let inside = sentences[first..]
                    .iter()
                    .take_while(move |s| s.end <= p.end);
                (inside, times.as_ref())
            })
    }
}

/// The times that lie within sentence `s`.
fn times_in<'t>(times: &'t [TimeExpr], s: &Range<usize>) -> impl Iterator<Item = &'t TimeExpr> {
    let s = s.clone();
    times
        .iter()
        .filter(move |t| s.start <= t.span[0] && t.span[1] <= s.end)
}

/// What tells the period a document reports on, from the strongest sign to the weakest.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Told {
    /// A reporting word beside the time (`the results of January-June`, `итоги`).
    Report,
    /// A word of speech beside a span of months (`exported goods worth $148 million in
    /// January-October, the administration said`).
    Speech,
    /// A span of months, with no word of its own, that opens a paragraph of a Russian
    /// document's front, its title or first two paragraphs (`В первом полугодии 2022 года
    /// предприниматели получили ...`): Russian words of speech are reporting words, so the
    /// opening is what is left to read.
    LeadOpening,
}

/// Whether `p` is the year before `date` and `date` lies in the months when such a year's
/// results are published (January to April).
fn sums_up_last_year(p: Period, date: NaiveDate) -> bool {
    p == Period::Year(date.year() - 1) && date.month() <= 4
}

/// Whether a time after `before` (its sentence up to the time) dates a figure set against
/// the news (`54,2 ц/га против 51,8 ц/га в прошлом году`, `against 4.1 million in 2020`),
/// not the news itself: `против`, `against` or `versus` and a figure among the last words,
/// in the same clause.
fn dates_a_figure_set_against(before: &str) -> bool {
    // A comma between digits is a decimal mark, no clause break.
    let clause = before
        .rsplit(", ")
        .next()
        .and_then(|c| c.rsplit("; ").next())
        .unwrap_or(before);
    // The words after the last `против`: a figure stands among them (`Measures against
    // poverty in 2023` set nothing against the news).
    let words: Vec<&str> = clause.split_whitespace().collect();
    words
        .iter()
        .rposition(|w| super::status::AGAINST.contains(&w.trim_end_matches('.')))
        .is_some_and(|k| {
            words.len() - k <= 6
                && words[k + 1..]
                    .iter()
                    .any(|w| w.starts_with(|c: char| c.is_ascii_digit() || c == '$'))
        })
}

/// Whether `p` can be what a report published on `date` covers: part of one year ending by
/// the document's month, or a whole year already over.
fn is_report_span(p: Period, date: NaiveDate) -> bool {
    let (start, end) = p.bounds();
    match p {
        Period::Year(y) => y < date.year(),
        Period::Day(_) => false,
        _ => {
            start.year() == end.year()
                && end <= date.with_day(1).unwrap_or(date) + chrono::Months::new(1)
        }
    }
}

/// Whether `sentence` opens on background (`For comparison, in 2015 ...`, `Для сравнения:`;
/// not `By comparison with 2015 ...`, a comparison): its time dates its own figures and is
/// carried to no other sentence.
pub(super) fn opens_background(sentence: &str) -> bool {
    let head = sentence.trim_start();
    let head = lower(&head[..head.floor_char_boundary(40.min(head.len()))]);
    PERIOD_CUES.background.iter().any(|p| {
        head.strip_prefix(p.as_str())
            .is_some_and(|rest| rest.trim_start().starts_with([',', ':', '–', '—', '-']))
    })
}

/// Whether the sentence, given in lower case, refers back to the period the document
/// reports on (`during this period`, `compared to the same period of last year`,
/// `year-on-year`).
pub(super) fn refers_back(lower_sentence: &str) -> bool {
    PERIOD_CUES.back.in_words(lower_sentence)
}

/// Whether the sentence, given in lower case, points to the day a figure before it was of
/// (`on the same date`, `на ту же дату`).
pub(super) fn refers_to_same_date(lower_sentence: &str) -> bool {
    PERIOD_CUES.same_date.in_words(lower_sentence)
}

/// Whether the sentence, given in lower case, sets its plans in a future it leaves undated
/// (`in the future`, `in the long term`): a plan there has no deadline, not the one of the
/// sentence before.
pub(super) fn open_future(lower_sentence: &str) -> bool {
    PERIOD_CUES.open.in_words(lower_sentence)
}

/// Whether `p` is a span of months within one year (`January-October`, a quarter, a half).
fn is_span_of_months(p: Period) -> bool {
    matches!(
        p,
        Period::Half(..)
            | Period::Quarter(..)
            | Period::Interval(Simple::Month(..), Simple::Month(..))
    )
}

/// Whether the sentence speaks of statistics, as a statistics office's release names its
/// author (`the National Statistical Committee said`, `сообщил Нацстатком`); any word of
/// the stem counts (`statistics show`, `по данным статистики`).
fn from_statistics(sentence: &str) -> bool {
    let lower = crate::tokens::lower(sentence);
    ["statisti", "статисти", "нацстат"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether a word of speech (`PeriodCues::speech`) stands in the sentence.
fn has_speech_word(sentence: &str) -> bool {
    let cues = &*PERIOD_CUES;
    sentence
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| !w.is_empty() && cues.speech.contains(w))
}

/// Whether a reporting word (`PeriodCues::report`) stands in the sentence, in any case
/// (`Итоги`), `ё` read as `е`.
fn has_report_word(sentence: &str) -> bool {
    let cues = &*PERIOD_CUES;
    sentence
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .any(|w| {
            // An ASCII word stays ASCII, of its length, in lower case.
            if let [first, ..] = w.as_bytes() {
                if w.is_ascii()
                    && cues.report_heads[usize::from(first.to_ascii_lowercase())]
                        & (1 << w.len().min(63))
                        == 0
                {
                    return false;
                }
            }
            // Copied only when it has a capital or an `ё`.
            cues.report.contains(crate::tokens::plain_lower(w).as_ref())
        })
}

/// A year-to-date span (`since the beginning of the year`) gives way to the period the
/// document reports on when that is a shorter span of the same year (`for 10 months of
/// 2020`, said on November 26).
pub(super) fn report_wins_over_to_date(to_date: Period, report: Period) -> bool {
    let (ts, te) = to_date.bounds();
    let (rs, re) = report.bounds();
    ts == rs && re <= te && ts.year() == te.year()
}

/// The state at the start of a span, for the first state of `from 21% to 73%` said of it:
/// the year before a span of years, the first day of a span that opens a year, the same half
/// a year before (a half is set against the same half of the year before: `rose to 18.4%
/// from 16.1%` in a release on the first half; a quarter's rate, against the quarter before
/// it: dev's unemployment), else the period before.
pub(super) fn start_state(p: Period) -> Period {
    match p {
        Period::Interval(Simple::Year(y), Simple::Year(_)) => Period::Year(y - 1),
        Period::Half(..) => shift_year(p, -1),
        Period::Interval(Simple::Month(y, 1), Simple::Month(..)) => {
            NaiveDate::from_ymd_opt(y, 1, 1).map_or(p, Period::Day)
        }
        other => previous(other),
    }
}

/// A level at the end of a span of years (`has risen from 21% to 73%` over the past eight
/// years; a share that stands now): the last year of the span. Other periods as they are.
pub(super) fn end_state(p: Period) -> Period {
    match p {
        Period::Interval(_, Simple::Year(y)) => Period::Year(y),
        other => other,
    }
}

/// `from 21% to 73%`: the figure after `to` in a sentence that gave an earlier state.
pub(super) fn is_second_state(text: &str, s: &Sentence<'_>, fig_tok: usize) -> bool {
    fig_tok >= 1
        && word_is(text, s.toks, fig_tok - 1, &["to"])
        && (fig_tok.saturating_sub(8)..fig_tok - 1).any(|i| word_is(text, s.toks, i, &["from"]))
}

/// Whether a figure tells a state (a percentage that stands), not a change, a count of what
/// was done or money that flowed.
pub(super) fn is_state(q: &Quantity, measure: Measure) -> bool {
    q.kind == QuantityKind::Percent
        && matches!(measure, Measure::Level | Measure::Share | Measure::Index)
}

/// The year a part of a year lies in; other periods as they are.
pub(super) fn whole_year(p: Period) -> Period {
    match p {
        Period::Half(y, _) | Period::Quarter(y, _) | Period::Month(y, _) => Period::Year(y),
        Period::Day(d) => Period::Year(d.year()),
        other => other,
    }
}

/// Whether a sentence, given in lower case, sets its plan for the year it is said in: `the
/// annual revenue plan`, `the plan for the whole year`, `годовой план`, `план на год`. A year's
/// plan with no year of its own is for the document's year.
pub(super) fn plan_of_the_year(lower_sentence: &str) -> bool {
    let words: Vec<&str> = lower_sentence
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .collect();
    let is_plan = |w: &str| matches!(w, "plan" | "target" | "план" | "плана" | "планом");
    words.iter().enumerate().any(|(i, w)| {
        let annual = matches!(*w, "annual" | "годовой" | "годового" | "годовым");
        let ahead = || words[i + 1..].iter().take(3).any(|w| is_plan(w));
        // `plan for the whole year`, `plan for this year`, `план на год`, `план на текущий год`.
        let for_the_year = || {
            is_plan(w)
                && matches!(words.get(i + 1), Some(&("for" | "на")))
                && words[i + 2..]
                    .iter()
                    .take(3)
                    .position(|w| matches!(*w, "year" | "год"))
                    .is_some_and(|k| {
                        words[i + 2..i + 2 + k].iter().all(|w| {
                            matches!(
                                *w,
                                "the"
                                    | "whole"
                                    | "entire"
                                    | "full"
                                    | "this"
                                    | "current"
                                    | "текущий"
                                    | "этот"
                                    | "весь"
                            )
                        })
                    })
        };
        annual && ahead() || for_the_year()
    })
}

/// Whether the sentence at `range` has a cue of the future (`is planned`, `will`).
pub(super) fn states_a_plan(
    text: &str,
    paragraph_toks: &[crate::tokens::Tok],
    range: &std::ops::Range<usize>,
) -> bool {
    let first = paragraph_toks.partition_point(|t| t.start < range.start);
    let end = paragraph_toks.partition_point(|t| t.end <= range.end);
    !Sentence::new(text, &paragraph_toks[first..end.max(first)], &[])
        .status_cues
        .is_empty()
}

pub(super) fn is_interval(p: Period) -> bool {
    matches!(p, Period::Interval(..))
}

/// Whether the figure's clause is in the present perfect (`has invested`, `have started`),
/// which tells what was done up to now.
pub(super) fn clause_in_present_perfect(text: &str, s: &Sentence<'_>, clause: usize) -> bool {
    s.clause_toks(clause).any(|i| {
        // `have been moved`: the passive's participle after `been`.
        let next = if s
            .toks
            .get(i + 1)
            .is_some_and(|t| t.is_word_in(text, &["been"]))
        {
            i + 2
        } else {
            i + 1
        };
        s.toks[i].is_word_in(text, &["has", "have"])
            && super::sentence::word(text, s, next).is_some_and(|w| is_participle(&w))
    })
}

/// Whether the figure's clause tells what stands now (`the region has 420 schools`,
/// `already sells`, `now employs`).
pub(super) fn clause_tells_a_stock(text: &str, s: &Sentence<'_>, clause: usize) -> bool {
    // `has already cost` is a sum spent so far, not a stock.
    let toks = s.clause_toks(clause);
    let perfect = s.toks[toks.clone()]
        .iter()
        .any(|t| t.is_word_in(text, &["has", "have"]));
    // `Сейчас на предприятии работают 1 140 человек, средняя зарплата составляет ...`: a
    // Russian `now` holds for the clauses after it in its sentence.
    let now_in_russian = s.toks[..toks.end].iter().any(|t| {
        t.kind == crate::tokens::TokKind::Word
            && !t.text(text).is_ascii()
            && matches!(
                crate::tokens::lower(t.text(text)).as_ref(),
                "сейчас" | "сегодня" | "ныне"
            )
    });
    now_in_russian
        || toks.into_iter().any(|i| {
            let t = s.toks[i];
            t.is_word_in(text, &["now", "currently"])
                || !perfect && t.is_word_in(text, &["already"])
                || t.is_word_in(text, &["has", "have"])
                    && s.toks.get(i + 1).is_some_and(|n| {
                        n.kind == crate::tokens::TokKind::Num
                            || n.is_word_in(text, &["over", "more", "about", "some", "around"])
                    })
        })
}

/// A past participle of the present perfect: a regular one, or an irregular one of the
/// verbs news tells results with.
pub(super) fn is_participle(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ed"))
        || matches!(
            word,
            "built"
                | "grown"
                | "risen"
                | "begun"
                | "made"
                | "spent"
                | "sold"
                | "won"
                | "paid"
                | "brought"
                | "put"
                | "set"
                | "become"
                | "seen"
                | "drawn"
                | "given"
                | "taken"
        )
}

/// Whether clause `clause` of the sentence opens with a word that sets it against the one
/// before (`, while inflation slowed ...`, `, whereas`, `, but`, `, against 12 centners last
/// year`, `, тогда как`, `, а`) or tells the time of another event (`, when a drought cut the
/// crop`).
pub(super) fn opens_contrast(text: &str, s: &Sentence<'_>, clause: usize) -> bool {
    let toks = &s.toks[s.clause_toks(clause)];
    let english = [
        "while", "whereas", "but", "against", "versus", "compared", "when",
    ];
    // The Russian words are matched in lower case only (`word_is` folds ASCII case), so
    // they set a clause against one before it in its sentence (`, а годом ранее`), never a
    // sentence against the one before (`Но ...`). `тогда` alone is `then`.
    word_is(text, toks, 0, &english)
        || word_is(text, toks, 0, &["а", "но", "однако", "хотя"])
        || word_is(text, toks, 0, &["тогда"]) && word_is(text, toks, 1, &["как"])
}

/// Whether time `t` follows figure `q` past the start of a plan of another predicate
/// (`employs 1,600 workers and will reach its design capacity in 2022`): `and` or `but`
/// right before a cue of the future, or after a comma a few words before one.
pub(super) fn past_a_plan(text: &str, s: &Sentence<'_>, q: &Quantity, t: &TimeExpr) -> bool {
    if t.span[0] < q.span[1] {
        return false;
    }
    let (from, to) = (s.tok_at(q.span[1]), s.tok_at(t.span[0]));
    (from..to).any(|i| {
        word_is(text, s.toks, i, &["and", "but"])
            && (s.status_cues.binary_search(&(i + 1)).is_ok()
                // `are being built, and the airport will add 14 routes next summer`: after a
                // comma, a clause with a subject of its own before its cue of the future.
                || i > 0
                    && s.toks[i - 1].text(text) == ","
                    && s.status_cues
                        .iter()
                        .any(|&c| c > i + 1 && c <= i + 6 && c < to))
    })
}

/// `the zone now has 24 participants`, `currently employs`: the figure's clause speaks of the
/// present.
pub(super) fn clause_says_now(text: &str, s: &Sentence<'_>, clause: usize) -> bool {
    s.toks[s.clause_toks(clause)]
        .iter()
        .any(|t| t.is_word_in(text, NOW_WORDS))
}

/// Words that tell the present.
pub(super) const NOW_WORDS: &[&str] = &[
    "now",
    "currently",
    "presently",
    "today",
    "сейчас",
    "ныне",
    "сегодня",
];

/// Whether a time dates a founding told aside (`The plant, launched last year, produces
/// ...`, `The complex, opened in 2022 for $600 million, now employs ...`): a clause that
/// opens with a participle of founding. The main event of a sentence (`seven hotels opened
/// last year`) or a plan (`will be launched in 2023`) is no aside.
pub(super) fn dates_a_founding(text: &str, s: &Sentence<'_>, t: &TimeExpr) -> bool {
    let clause = s.clause_of(t.span[0]);
    let first = s
        .toks
        .iter()
        .position(|tok| s.clause_of(tok.start) == clause);
    const FOUNDED: &[&str] = &[
        "launched",
        "opened",
        "founded",
        "established",
        "built",
        "commissioned",
        "created",
        "inaugurated",
        "completed",
    ];
    first.is_some_and(|i| {
        // `Kyzyltas Gold, which commissioned a plant in March, poured 3.4 tonnes`: a
        // relative clause of founding, its verb right after `which` or past `was`, `has`.
        let verb = if s.toks[i].is_word_in(text, &["which", "that"]) {
            let k = if s
                .toks
                .get(i + 1)
                .is_some_and(|t| t.is_word_in(text, &["was", "were", "has", "had", "have"]))
            {
                i + 2
            } else {
                i + 1
            };
            s.toks.get(k).filter(|t| s.clause_of(t.start) == clause)
        } else {
            Some(&s.toks[i])
        };
        i > 0
            && (verb.is_some_and(|t| t.is_word_in(text, FOUNDED)) || {
                // `в компании, основанной в 1961 году, работают`, `завод, который был открыт в
                // 2010 году, выпустил`: a Russian participle of founding, or the short one after
                // `который`.
                let word = |k: usize| s.toks.get(k).map(|t| lower(t.text(text)));
                let relative = word(i).is_some_and(|w| w.starts_with("котор"));
                let k = if relative && word(i + 1).is_some_and(|w| w.starts_with("был")) {
                    i + 2
                } else if relative {
                    i + 1
                } else {
                    i
                };
                // A short form opening a clause is its predicate (`, создано 1 200 рабочих мест в
                // 2023 году`): only the long participle or one after `который` dates a founding.
                const LONG: &[&str] = &[
                    "ый", "ая", "ое", "ые", "ой", "ого", "ом", "ую", "ых", "ым", "ыми",
                ];
                word(k).is_some_and(|w| {
                    s.clause_of(s.toks[k].start) == clause
                        && RU_FOUNDED.iter().any(|stem| w.starts_with(stem))
                        && (relative || LONG.iter().any(|e| w.ends_with(e)))
                })
            })
    })
}

/// Stems of Russian participles of founding (`основанной`, `учреждённого`), and of a
/// facility's launch or opening (`станция мощностью 150 МВт, запущенная в декабре`), as the
/// English list has them. Those of building or bringing in (`введенного в 2023 году
/// жилья`, `созданных рабочих мест`) tell when a flow happened, so their year is the
/// figure's.
const RU_FOUNDED: &[&str] = &["основан", "учрежд", "запущен", "открыт"];

/// `a yield of 52 centners, the highest in five years`, `the lowest level in a decade`,
/// `максимальный за пять лет`: the span after a superlative is what a record is measured
/// against, not the period of the figure (a named year is: `the highest in 2023`).
pub(super) fn measures_a_record(text: &str, t: &TimeExpr) -> bool {
    const SUPERLATIVES: &[&str] = &[
        "highest",
        "lowest",
        "best",
        "worst",
        "largest",
        "biggest",
        "smallest",
        "strongest",
        "weakest",
        "fastest",
        "slowest",
        "most",
        "least",
        "record",
        "first",
        "максимальный",
        "максимальная",
        "максимальное",
        "минимальный",
        "минимальная",
        "минимальное",
        "рекордный",
        "рекордная",
        "рекордное",
        "лучший",
        "лучшая",
        "лучшее",
        "худший",
        "впервые",
    ];
    // A named year is the figure's (`the highest in 2023`): only a counted span measures a
    // record, and it is read first, as most times name a year.
    if t.text.bytes().filter(u8::is_ascii_digit).count() >= 4 {
        return false;
    }
    let before = &text[text.floor_char_boundary(t.span[0].saturating_sub(40))..t.span[0]];
    // `ended with a record: from June to August ...`: a colon opens what the record was.
    let before = before
        .rsplit([':', ';', '.', '!', '?', '\n'])
        .next()
        .unwrap_or(before);
    let words: Vec<String> = before
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .map(|w| lower(w).into_owned())
        .collect();
    // The superlative, right before the time or before a noun of the record (`the
    // highest level in`, `the first time in`).
    match words.as_slice() {
        [w, ..] if SUPERLATIVES.contains(&w.as_str()) => true,
        [noun, w, ..] => {
            matches!(
                noun.as_str(),
                "level" | "time" | "mark" | "figure" | "result" | "уровень" | "показатель"
            ) && SUPERLATIVES.contains(&w.as_str())
        }
        _ => false,
    }
}

/// `has been rescheduled to the third quarter of 2024`, `postponed until 2026`, `ввод
/// перенесён на 2026 год`: the time is a date moved to, a new deadline
/// (`data/period_cues.tsv`, class `rescheduled`). The cue's last word may open the time
/// (`until 2026`, `до 2027 года`).
pub(super) fn rescheduled_to(text: &str, t: &TimeExpr) -> bool {
    // Asked of every time of every figure: one pass of an automaton over the words before
    // it, no copy of them.
    let window = text[text.floor_char_boundary(t.span[0].saturating_sub(48))..t.span[0]].trim_end();
    let without_the = window
        .len()
        .checked_sub(4)
        .filter(|&k| window.is_char_boundary(k) && window[k..].eq_ignore_ascii_case(" the"))
        .map(|k| &window[..k]);
    let opening = text[t.span[0]..t.span[1]]
        .split_whitespace()
        .next()
        .unwrap_or("");
    let cues = &PERIOD_CUES.rescheduled;
    let verb_near_end = |w: &str| {
        w.rsplit(|c: char| c.is_ascii_whitespace())
            .take(3)
            .any(|word| cues.verbs.contains(word))
    };
    if !verb_near_end(window) {
        return false;
    }
    let ends_here = |w: &str, m: &aho_corasick::Match| {
        m.end() == w.len()
            && !w[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    };
    let found = |w: &str| {
        cues.phrases.find_overlapping_iter(w).any(|m| {
            ends_here(w, &m)
                && match &cues.opening[m.pattern().as_usize()] {
                    None => true,
                    Some(last) => opening.eq_ignore_ascii_case(last),
                }
        })
    };
    found(window) || without_the.is_some_and(found)
}

/// `the 402 billion soms published in February`, `5,2%, как сообщалось в январе`: a time
/// right after a word of telling is when a figure was told, not the period it is of; so is
/// one right before a forecast's publication (`In its July update`, `the IMF in January
/// raised its forecast`, `в апреле пересмотрел прогноз`).
pub(super) fn dates_a_telling(text: &str, t: &TimeExpr) -> bool {
    dates_a_publication(text, t) || told_before(text, t)
}

fn dates_a_publication(text: &str, t: &TimeExpr) -> bool {
    let after = &text[t.span[1]..text.floor_char_boundary((t.span[1] + 60).min(text.len()))];
    let after = after.split(['.', ';', ',', '\n', ':']).next().unwrap_or("");
    let mut words: [std::borrow::Cow<'_, str>; 5] = Default::default();
    // Asked of every time of every figure: ASCII separators only, no Unicode table per letter.
    for (slot, w) in words.iter_mut().zip(
        after
            .split(|c: char| c.is_ascii_whitespace() || c.is_ascii_punctuation() || c == '\u{a0}')
            .filter(|w| !w.is_empty()),
    ) {
        *slot = lower(w);
    }
    let cues = &*PERIOD_CUES;
    let published = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| cues.published.contains(w.as_ref()))
    };
    // `its 2025 forecast`, `The 2025 outlook`: a year before the noun is what it forecasts.
    let year = matches!(t.period, Some(Period::Year(_)));
    // `raised its growth forecast`, `пересмотрел прогноз`: the noun after `its` or a verb of
    // moving, past a word.
    let owner_or_move =
        |w: &str| matches!(w, "its" | "their" | "свой" | "свои") || cues.moved.contains(w);
    let moved_here = words.iter().any(|w| cues.moved.contains(w.as_ref()));
    !year && published(0)
        || (!year || moved_here)
            && (0..words.len())
                .any(|k| owner_or_move(&words[k]) && (published(k + 1) || published(k + 2)))
}

fn told_before(text: &str, t: &TimeExpr) -> bool {
    let before = &text[text.floor_char_boundary(t.span[0].saturating_sub(40))..t.span[0]];
    // `..., the ministry reported. In 2022 they reached`: a telling ends with its sentence.
    let before = before
        .rsplit(['.', '!', '?', ';', '\n'])
        .next()
        .unwrap_or(before);
    let mut words = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let last = words.next().map(lower);
    let last = match last.as_deref() {
        Some("in" | "on" | "в" | "во") => words.next().map(lower),
        _ => last,
    };
    // `predicted 2025 growth`: a year right after `predicted` is what it forecasts.
    let year_forecast =
        matches!(t.period, Some(Period::Year(_))) && last.as_deref() == Some("predicted");
    last.is_some_and(|w| PERIOD_CUES.told.contains(w.as_ref())) && !year_forecast
}

/// `the yield fell to 41 centners because of a drought in July`, `выпуск вырос после пуска
/// печи в марте`: a time after the figure, past a word that opens a cause, dates the cause.
pub(super) fn dates_a_cause(text: &str, q: &Quantity, t: &TimeExpr) -> bool {
    t.span[0] >= q.span[1]
        && t.span[0] - q.span[1] <= 160
        && PERIOD_CUES
            .cause
            .in_words(&lower(&text[q.span[1]..t.span[0]]))
}

/// Whether text before a figure revises a figure told before (`growth was revised from`,
/// `оценка пересмотрена с`, `raised its forecast from`): the old figure and the new are of
/// one period, not two states one after the other.
pub(super) fn revises(before: &str) -> bool {
    let cues = &*PERIOD_CUES;
    // `raised its forecast from 1.0% to 2.5%`: a forecast moved, not a plan's path.
    let (mut moved, mut published) = (false, false);
    for w in before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = lower(w);
        if cues.revised.contains(w.as_ref()) {
            return true;
        }
        moved |= cues.moved.contains(w.as_ref());
        published |= cues.published.contains(w.as_ref());
        if moved && published {
            return true;
        }
    }
    false
}
