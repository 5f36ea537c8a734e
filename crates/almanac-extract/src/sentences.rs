//! Sentence splitting with byte offsets.
//!
//! A sentence ends at `.`, `!` or `?` (or a run of them, an ellipsis included), with any
//! closing quotes or brackets right after it, when white space and then a capital letter,
//! a digit or an opening quote follow. A blank line always ends one. The exceptions:
//!
//! - a period with no white space after it (`3.5`, `kazinform.kz`, `U.S.A`) ends nothing;
//! - abbreviations, listed in `data/abbreviations.tsv`: a `title` (`Mr.`, `Dr.`, `vs.`,
//!   `approx.`) never ends a sentence; an `any` (`Dec.`, `No.`, `U.S.`, `Inc.`, `etc.`,
//!   `bln.`) ends one only before a usual sentence start (`The`, `In`, `According`...) or
//!   an opening quote, so `Dec. 27` and `U.S. President` stay whole while `etc. The`
//!   splits; initials (`K. Tokayev`) and dotted acronyms (`a.m.`) count as `any`;
//! - an ellipsis ends a sentence only before a capital letter;
//! - nothing ends inside brackets (unless the bracket was opened long before and never
//!   closed, which is a typo rather than a bracket).
//!
//! The splitter scans bytes and allocates only its output, since it runs on every
//! paragraph of every document.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::data;

/// Splits `text[range]` into sentences; every range returned lies inside `range`, trimmed
/// of surrounding white space, in order.
pub fn split(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let end = range.end.min(text.len());
    let start = range.start.min(end);
    let mut res = Vec::new();
    let mut sentence_start = start;
    let mut depth = 0usize;
    let mut opened_at = 0usize;
    let mut i = start;
    while i < end {
        // Most bytes are none of the ones below: skip them with one look-up each.
        if !MARKS[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        match bytes[i] {
            b'(' | b'[' => {
                if depth == 0 {
                    opened_at = i;
                }
                depth += 1;
                i += 1;
            }
            b')' | b']' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'\n' => {
                let mut j = i + 1;
                while j < end && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                if j < end && bytes[j] == b'\n' {
                    push_trimmed(text, sentence_start..i, &mut res);
                    sentence_start = j + 1;
                    depth = 0;
                    i = j + 1;
                } else if depth == 0 && ends_a_line_of_a_list(text, sentence_start, i, j, end) {
                    push_trimmed(text, sentence_start..i, &mut res);
                    sentence_start = j;
                    i = j;
                } else {
                    i += 1;
                }
            }
            b'.' | b'!' | b'?' => {
                let (next, boundary) = terminator(text, i, end, &mut depth, opened_at);
                if let Some((sentence_end, next_start)) = boundary {
                    push_trimmed(text, sentence_start..sentence_end, &mut res);
                    sentence_start = next_start;
                    depth = 0;
                }
                i = next;
            }
            0xE2 if bytes[i..end].starts_with(ELLIPSIS.as_bytes()) => {
                let (next, boundary) = terminator(text, i, end, &mut depth, opened_at);
                if let Some((sentence_end, next_start)) = boundary {
                    push_trimmed(text, sentence_start..sentence_end, &mut res);
                    sentence_start = next_start;
                    depth = 0;
                }
                i = next;
            }
            _ => i += 1,
        }
    }
    push_trimmed(text, sentence_start..end, &mut res);
    res
}

const ELLIPSIS: &str = "\u{2026}";

/// Whether the line break at `br` ends a line of a list or a table written as text: the
/// line ends with a bracket, a colon, a semicolon or a percent sign and the next one (from
/// `next`) opens with a capital, a digit or a dash (`Zhambyl region – 398.0 (-2.7%)`, then
/// `Kyzylorda region – 305.4 (+11.9%)`). Text wrapped at a fixed width rarely breaks a
/// line after those marks, so its sentences stay whole.
fn ends_a_line_of_a_list(text: &str, start: usize, br: usize, next: usize, end: usize) -> bool {
    let line = text[start..br].trim_end();
    let ends_item = line.ends_with([')', ':', ';', '%']);
    let opens = text[next..end].chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2022}')
    });
    ends_item && opens
}

/// The bytes `split` looks at: brackets, line breaks, terminators and the first byte of `…`.
static MARKS: [bool; 256] = {
    let mut marks = [false; 256];
    let mut k = 0;
    let bytes = b"()[]\n.!?\xE2";
    while k < bytes.len() {
        marks[bytes[k] as usize] = true;
        k += 1;
    }
    marks
};

/// A bracket opened further back than this and never closed is taken for a typo.
const MAX_BRACKET_LEN: usize = 300;

/// Reads the run of terminators starting at `i` and what follows it. Returns where to go
/// on scanning and, when the sentence ends here, its end and the next sentence's start.
fn terminator(
    text: &str,
    i: usize,
    end: usize,
    depth: &mut usize,
    opened_at: usize,
) -> (usize, Option<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut j = i;
    let mut n_dots = 0;
    let mut strong = false;
    let mut ellipsis = false;
    while j < end {
        match bytes[j] {
            b'.' => n_dots += 1,
            b'!' | b'?' => strong = true,
            0xE2 if bytes[j..end].starts_with(ELLIPSIS.as_bytes()) => {
                ellipsis = true;
                j += ELLIPSIS.len();
                continue;
            }
            _ => break,
        }
        j += 1;
    }
    let run_end = j;
    ellipsis |= n_dots >= 2;
    // Closing quotes and brackets belong to the sentence they close.
    loop {
        let rest = &text[j..end];
        if let Some(close) = ["\"", "'", "\u{201d}", "\u{2019}", "\u{bb}"]
            .iter()
            .find(|q| rest.starts_with(**q))
        {
            j += close.len();
        } else if rest.starts_with(')') || rest.starts_with(']') {
            *depth = depth.saturating_sub(1);
            j += 1;
        } else {
            break;
        }
    }
    let sentence_end = j;
    let next_start = skip_space(text, j, end);
    if next_start == j || next_start >= end {
        // `3.5`, `kazinform.kz`, or the end of the range.
        return (j.max(run_end), None);
    }
    if text[j..next_start].bytes().filter(|&b| b == b'\n').count() >= 2 {
        // A blank line ends a sentence whatever comes before or after it.
        return (next_start, Some((sentence_end, next_start)));
    }
    if *depth > 0 && i - opened_at <= MAX_BRACKET_LEN {
        return (next_start, None);
    }
    let next = text[next_start..end].chars().next().unwrap_or(' ');
    let opens_quote = matches!(next, '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{ab}');
    let ends = if strong {
        next.is_uppercase() || next.is_ascii_digit() || opens_quote
    } else if ellipsis {
        next.is_uppercase()
    } else {
        match abbreviation_class(text, i) {
            Some(Class::Title) => false,
            Some(Class::Any) => opens_quote || is_starter(text, next_start, end),
            Some(Class::Scale) if word_in(&lists().units_after_scale, text, next_start, end) => {
                false
            }
            Some(Class::Scale) | None => {
                next.is_uppercase() || next.is_ascii_digit() || opens_quote
            }
        }
    };
    (next_start, ends.then_some((sentence_end, next_start)))
}

fn skip_space(text: &str, mut j: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while j < end {
        if bytes[j].is_ascii_whitespace() {
            j += 1;
        } else if bytes[j..end].starts_with("\u{a0}".as_bytes()) {
            j += 2;
        } else {
            break;
        }
    }
    j
}

fn push_trimmed(text: &str, range: Range<usize>, res: &mut Vec<Range<usize>>) {
    if range.start >= range.end {
        return;
    }
    let slice = &text[range.clone()];
    let trimmed = slice.trim_start();
    let start = range.start + (slice.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    let mut start = start;
    while end - start > MAX_SENTENCE {
        let cut = run_on_cut(text, start, start + MAX_SENTENCE);
        push_trimmed(text, start..cut, res);
        start = cut;
    }
    let slice = &text[start..end];
    let start = end - slice.trim_start().len();
    if start < end {
        res.push(start..end);
    }
}

/// The longest sentence kept whole, in bytes. Written sentences are a few hundred bytes; a
/// run without full stops (a scraped page, a table flattened to one line) is cut into pieces
/// of at most this size, so the work and the evidence of each figure stay bounded however
/// long the run is.
pub(crate) const MAX_SENTENCE: usize = 2048;

/// Where to cut the run `text[start..]` at or before `limit`: after its last `;` or `,`
/// in the second half of the piece, else at its last white space, else at a character
/// boundary, so no word or number is cut in two when it can be helped.
fn run_on_cut(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let half = start + (limit - start) / 2;
    let window = &bytes[half..limit];
    if let Some(k) = window.iter().rposition(|&b| b == b';' || b == b',') {
        return half + k + 1;
    }
    if let Some(k) = bytes[start + 1..limit]
        .iter()
        .rposition(|b| b.is_ascii_whitespace())
    {
        return start + 1 + k;
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    cut
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Title,
    Any,
    /// A cut scale word (`тыс.`, `млн.`): ends a sentence as a plain period does, unless a
    /// unit written in capitals follows it (`27 тыс. МВт`).
    Scale,
}

/// What a row of `data/abbreviations.tsv` lists.
#[derive(Clone, Copy)]
enum Row {
    Abbreviation(Class),
    Starter,
    UnitAfterScale,
}

pub(crate) struct Lists {
    abbreviations: HashMap<&'static str, Class>,
    starters: HashMap<&'static str, ()>,
    units_after_scale: HashMap<&'static str, ()>,
}

pub(crate) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut res = Lists {
            abbreviations: HashMap::default(),
            starters: HashMap::default(),
            units_after_scale: HashMap::default(),
        };
        for (kind, word) in data::ABBREVIATIONS.load(|r| {
            let kind = r.choice(
                0,
                &[
                    ("title", Row::Abbreviation(Class::Title)),
                    ("any", Row::Abbreviation(Class::Any)),
                    ("scale", Row::Abbreviation(Class::Scale)),
                    ("starter", Row::Starter),
                    ("unit", Row::UnitAfterScale),
                ],
                None,
            )?;
            Ok((kind, r.get(1)))
        }) {
            match kind {
                Row::Abbreviation(class) => {
                    res.abbreviations.insert(word, class);
                }
                Row::Starter => {
                    res.starters.insert(word, ());
                }
                Row::UnitAfterScale => {
                    res.units_after_scale.insert(word, ());
                }
            }
        }
        res
    })
}

const MAX_WORD: usize = 15;

/// The class of the word that the period at `dot` ends, if it is an abbreviation, an
/// initial or a dotted acronym.
fn abbreviation_class(text: &str, dot: usize) -> Option<Class> {
    let bytes = text.as_bytes();
    let mut start = dot;
    while start > 0 && !bytes[start - 1].is_ascii_whitespace() && dot - start <= MAX_WORD {
        start -= 1;
    }
    if dot - start > MAX_WORD {
        return None;
    }
    let mut word = &text[start..dot];
    word = word.trim_start_matches(['(', '[', '"', '\'', '\u{201c}', '\u{2018}', '\u{ab}']);
    if word.is_empty() {
        return None;
    }
    let mut buffer = [0u8; MAX_WORD + 1];
    buffer[..word.len()].copy_from_slice(word.as_bytes());
    buffer[word.len()] = b'.';
    let key = &mut buffer[..word.len() + 1];
    key.make_ascii_lowercase();
    if let Ok(key) = std::str::from_utf8(key) {
        if let Some(class) = lists().abbreviations.get(key) {
            return Some(*class);
        }
    }
    let mut chars = word.chars();
    let first = chars.next()?;
    // An initial: `K. Tokayev`.
    if chars.next().is_none() && first.is_uppercase() {
        return Some(Class::Any);
    }
    // A dotted acronym or initials: `U.S.A`, `a.m`, `K.-J`.
    if word.contains('.')
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '-')
    {
        return Some(Class::Any);
    }
    None
}

/// Whether the word at `at` is one that usually starts a sentence (`The`, `In`, `However`).
fn is_starter(text: &str, at: usize, end: usize) -> bool {
    word_in(&lists().starters, text, at, end)
}

/// Whether the word at `at` is one of `words`, its ASCII letters lowered first: an English key
/// is written in lower case, a Cyrillic one as texts write it (`МВт`).
fn word_in(words: &HashMap<&'static str, ()>, text: &str, at: usize, end: usize) -> bool {
    let word_len = text[at..end]
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(end - at);
    let word = &text[at..at + word_len];
    if word.is_empty() || word.len() > MAX_WORD {
        return false;
    }
    let mut buffer = [0u8; MAX_WORD];
    buffer[..word.len()].copy_from_slice(word.as_bytes());
    let key = &mut buffer[..word.len()];
    key.make_ascii_lowercase();
    std::str::from_utf8(key).is_ok_and(|key| words.contains_key(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits the whole of `text` and checks the sentences' texts.
    fn check(text: &str, expected: &[&str]) {
        let ranges = split(text, 0..text.len());
        let got: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, expected, "sentences of {text:?}");
    }

    #[test]
    fn sentences() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("   ", &[]),
            ("One sentence.", &["One sentence."]),
            ("No terminator at all", &["No terminator at all"]),
            ("  Padded sentence.  ", &["Padded sentence."]),
            ("First one. Second one.", &["First one.", "Second one."]),
            (
                "Вывезли товара на 3 млн долл. США за год. Рост продолжится.",
                &["Вывезли товара на 3 млн долл. США за год.", "Рост продолжится."],
            ),
            // A cut scale word ends a sentence, except before a unit in capitals.
            (
                "Мощность достигнет 27 тыс. МВт к 2030 году. Иностранцев – 312 тыс. Рост продолжится.",
                &[
                    "Мощность достигнет 27 тыс. МВт к 2030 году.",
                    "Иностранцев – 312 тыс.",
                    "Рост продолжится.",
                ],
            ),
            (
                "Flocks reached 5 612.4 thou. Chui region plans more. Sales made 12 mln. USD a year.",
                &["Flocks reached 5 612.4 thou.", "Chui region plans more.", "Sales made 12 mln. USD a year."],
            ),
            ("Really? Yes! Done.", &["Really?", "Yes!", "Done."]),
            // A line of a list or table ends at its line break; wrapped prose does not.
            (
                "Output by district (tonnes; change on 2023):\nAksu – 12.5 (+3.1%)\nBurabay – 9.0 (-1.2%)",
                &["Output by district (tonnes; change on 2023):", "Aksu – 12.5 (+3.1%)", "Burabay – 9.0 (-1.2%)"],
            ),
            ("Plans include:\nA new school;\nTwo clinics.", &["Plans include:", "A new school;", "Two clinics."]),
            ("The plant raised output by 12\nPercent and hired\nNew staff.", &["The plant raised output by 12\nPercent and hired\nNew staff."]),
            ("What?! Indeed.", &["What?!", "Indeed."]),
            ("It grew in 2021. 369 jobs were created.", &["It grew in 2021.", "369 jobs were created."]),
            ("lower case after a period. does not split", &["lower case after a period. does not split"]),
            // Decimals, currencies, domains.
            ("Output grew 3.5 percent. Investment rose.", &["Output grew 3.5 percent.", "Investment rose."]),
            ("It cost US$110 million. Next.", &["It cost US$110 million.", "Next."]),
            ("It reached $832.3 million. The rest.", &["It reached $832.3 million.", "The rest."]),
            ("See kazinform.kz for more. Then go.", &["See kazinform.kz for more.", "Then go."]),
            ("worth 124 billion tenge ($278.8 million)on the territory. Next.", &["worth 124 billion tenge ($278.8 million)on the territory.", "Next."]),
            // Abbreviations.
            ("He spoke at the Dec. 27 press conference. Next.", &["He spoke at the Dec. 27 press conference.", "Next."]),
            ("Reported on Jan. 5, 2024 in Almaty.", &["Reported on Jan. 5, 2024 in Almaty."]),
            ("The U.S. President arrived. Next.", &["The U.S. President arrived.", "Next."]),
            ("Trade with the U.S. The talks went well.", &["Trade with the U.S.", "The talks went well."]),
            ("School No. 5 opened. It has 300 places.", &["School No. 5 opened.", "It has 300 places."]),
            ("Mr. Smith met Dr. Jones. They talked.", &["Mr. Smith met Dr. Jones.", "They talked."]),
            ("The St. Petersburg office opened.", &["The St. Petersburg office opened."]),
            ("Apple Inc. Kazakhstan opened. Kaspi Corp. said so.", &["Apple Inc. Kazakhstan opened.", "Kaspi Corp. said so."]),
            ("It was signed with Kazakhmys Ltd. The deal is big.", &["It was signed with Kazakhmys Ltd.", "The deal is big."]),
            ("Roads, parks, etc. are planned.", &["Roads, parks, etc. are planned."]),
            ("Roads, parks, etc. The plan is ready.", &["Roads, parks, etc.", "The plan is ready."]),
            ("Almaty vs. Astana. Results follow.", &["Almaty vs. Astana.", "Results follow."]),
            ("It costs approx. 5 billion tenge.", &["It costs approx. 5 billion tenge."]),
            ("Worth 15 bln. tenge in total.", &["Worth 15 bln. tenge in total."]),
            ("Worth 15 mln. The rest is private.", &["Worth 15 mln.", "The rest is private."]),
            ("An area of 5 thous. sq. m was built.", &["An area of 5 thous. sq. m was built."]),
            ("Roads of 500 km. In addition, trails.", &["Roads of 500 km.", "In addition, trails."]),
            ("E.g. Almaty grew.", &["E.g. Almaty grew."]),
            // Initials.
            ("President K. Tokayev said so. Next.", &["President K. Tokayev said so.", "Next."]),
            ("Kassym-Jomart K.-J. Tokayev spoke.", &["Kassym-Jomart K.-J. Tokayev spoke."]),
            ("It was in group A. The next group is B.", &["It was in group A.", "The next group is B."]),
            ("Open at 9 a.m. The doors close later.", &["Open at 9 a.m.", "The doors close later."]),
            // Quotes.
            ("“This created 80 jobs.” The plant opened.", &["“This created 80 jobs.”", "The plant opened."]),
            ("\"It works.\" Next sentence.", &["\"It works.\"", "Next sentence."]),
            ("“We will open the park,” said Sagintayev. Next.", &["“We will open the park,” said Sagintayev.", "Next."]),
            ("“Is it done?” he asked. Yes.", &["“Is it done?” he asked.", "Yes."]),
            ("Output grew. “More than 50,000 citizens are employed.”", &["Output grew.", "“More than 50,000 citizens are employed.”"]),
            ("He called it «good.» Then left.", &["He called it «good.»", "Then left."]),
            // Brackets.
            ("Investment (approx. 5 bn. The rest later) grew. Next.", &["Investment (approx. 5 bn. The rest later) grew.", "Next."]),
            ("It grew (see below. Text here) fast. Done.", &["It grew (see below. Text here) fast.", "Done."]),
            ("(The figure is preliminary.) The zone grew.", &["(The figure is preliminary.)", "The zone grew."]),
            // Ellipses.
            ("He said... the rest is known.", &["He said... the rest is known."]),
            ("He paused... Then he went on.", &["He paused...", "Then he went on."]),
            ("Growth… 5 percent of it.", &["Growth… 5 percent of it."]),
            ("Wait… Then go.", &["Wait…", "Then go."]),
            // Line breaks.
            ("Line one.\nLine two.", &["Line one.", "Line two."]),
            ("Hard wrapped\nsentence here.", &["Hard wrapped\nsentence here."]),
            ("A heading\n\nA paragraph.", &["A heading", "A paragraph."]),
            ("Ends here.\n\nlower case paragraph.", &["Ends here.", "lower case paragraph."]),
            ("Blank with spaces\n  \r\nNext.", &["Blank with spaces", "Next."]),
            // Non-ASCII capitals and non-breaking spaces.
            ("Рост составил 5%. Инвестиции выросли.", &["Рост составил 5%.", "Инвестиции выросли."]),
            ("First.\u{a0}Second.", &["First.", "Second."]),
            ("Ends with abbreviation etc.", &["Ends with abbreviation etc."]),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn subrange() {
        let text = "Skip. Inside one. Inside two. Outside.";
        let ranges = split(text, 6..29);
        let got: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["Inside one.", "Inside two."]);
        assert!(split(text, 10..10).is_empty());
        #[allow(clippy::reversed_empty_ranges)]
        let reversed = 30..10;
        assert!(split(text, reversed).is_empty());
    }

    #[test]
    fn a_run_without_full_stops_is_cut_into_bounded_pieces_between_words() {
        let clause = "the district paved 12 km of roads in 2024, ";
        let cases: [(String, bool); 3] = [
            // Commas in every piece: each piece ends at one.
            (clause.repeat(200), true),
            // No commas: pieces end at white space.
            (clause.replace(',', "").repeat(200), false),
            // Neither commas nor spaces (and multi-byte characters): on a character boundary.
            ("жол".repeat(3000), false),
        ];
        for (text, at_commas) in cases {
            let ranges = split(&text, 0..text.len());
            assert!(ranges.len() > 1, "{} bytes kept whole", text.len());
            let (mut words, mut letters) = (0, 0);
            for r in &ranges {
                assert!(r.end - r.start <= MAX_SENTENCE);
                words += text[r.clone()].split_whitespace().count();
                letters += text[r.clone()]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .count();
                if at_commas && r.end < text.trim_end().len() {
                    assert!(text[r.clone()].ends_with(','), "{:?}", &text[r.clone()]);
                }
            }
            let all_letters = text.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(letters, all_letters, "text was lost");
            if text.contains(' ') {
                assert_eq!(
                    words,
                    text.split_whitespace().count(),
                    "a word was cut in two"
                );
            }
        }
    }

    #[test]
    fn ranges_are_inside_trimmed_and_ordered() {
        let text = " date 2021-06-25\n  A “quote.” (Bracket. Open) U.S. Dec. 27. K. Tokayev… Yes?! No.\n\n x ";
        let ranges = split(text, 3..text.len());
        let mut previous_end = 3;
        for range in ranges {
            assert!(
                range.start >= previous_end && range.start < range.end && range.end <= text.len()
            );
            let slice = &text[range.clone()];
            assert_eq!(slice, slice.trim());
            previous_end = range.end;
        }
    }

    proptest::proptest! {
        /// Any text, any range on character boundaries: sentences are non-empty, trimmed,
        /// ordered, inside the range, and slice the text on character boundaries.
        #[test]
        fn never_panics_and_ranges_hold(
            text in "[a-zA-Z0-9 .!?\\n\"'()\\[\\]“”«»’…\u{a0}Дé$%,-]{0,80}",
            a in 0usize..90,
            b in 0usize..90,
        ) {
            let mut start = a.min(text.len());
            let mut end = b.min(text.len()).max(start);
            while !text.is_char_boundary(start) { start -= 1; }
            while !text.is_char_boundary(end) { end += 1; }
            let mut previous_end = start;
            for range in split(&text, start..end) {
                proptest::prop_assert!(range.start >= previous_end && range.start < range.end && range.end <= end);
                let slice = text.get(range.clone()).expect("char boundaries");
                proptest::prop_assert_eq!(slice, slice.trim());
                previous_end = range.end;
            }
        }
    }
}
