//! The document layer: the publication-date header, web boilerplate, and paragraphs.
//!
//! A document may open with a header ` date YYYY-MM-DD` or `date: YYYY-MM-DD` (white
//! space and a byte-order mark before it are allowed), followed by a line break or, as
//! scraped feeds do, directly by the article's first words on the same line.
//! The header is in no paragraph.
//!
//! Lines of scraped pages that are not the article (`Skip to Content`, `Home | News`,
//! `Share`, cookie notices, copyright lines, a trailing `Source: ...`) are dropped; their
//! patterns are data, in `data/boilerplate.tsv`.
//!
//! Paragraphs are separated by blank lines. A text without blank lines has one paragraph
//! per line. Lines hard-wrapped inside a paragraph (markdown) stay one paragraph, unless a
//! line ends a sentence and the next starts one (scraped pages that set a title apart with a
//! blank line and the paragraphs below it with single line breaks), while a
//! markdown heading (`# Title`), a list item (`- ...`, `1. ...`) and a table row start a
//! paragraph of their own; the `#` and list markers are left out of the range, so that a
//! `-` bullet is never read as a minus sign.
//!
//! Every range is a byte range into the original text, trimmed of white space, never empty.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::packed::{Config as PackedConfig, Searcher as PackedSearcher};
use aho_corasick::AhoCorasick;
use chrono::NaiveDate;

use crate::data;

/// A document's text cut into what the extractor reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The date of a ` date YYYY-MM-DD` / `date: YYYY-MM-DD` header, if the text starts with one.
    pub header_date: Option<NaiveDate>,
    /// The article's paragraphs as byte ranges into the text, in order; the header and
    /// boilerplate lines are in none of them.
    pub paragraphs: Vec<Range<usize>>,
}

/// Splits a document into header date and paragraphs.
pub fn parse(text: &str) -> Document {
    let (header_date, body_start) = header(text);
    let mut lines = classify_lines(text, body_start);
    drop_trailing_boilerplate(&mut lines);

    // A blank line between two lines of text means the text marks its paragraphs with
    // blank lines; otherwise every line is a paragraph.
    let first = lines.iter().position(|l| l.kind != Kind::Blank);
    let last = lines.iter().rposition(|l| l.kind != Kind::Blank);
    let blocks = match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].iter().any(|l| l.kind == Kind::Blank),
        _ => false,
    };

    let mut paragraphs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in &lines {
        match line.kind {
            Kind::Blank | Kind::Separator | Kind::Boilerplate | Kind::Tail => {
                paragraphs.extend(current.take());
            }
            Kind::Own => {
                paragraphs.extend(current.take());
                paragraphs.push(line.range.clone());
            }
            Kind::Item => {
                paragraphs.extend(current.take());
                current = Some(line.range.clone());
            }
            Kind::Text => match &mut current {
                Some(range)
                    if blocks
                        && !ends_paragraph(&text[range.clone()], &text[line.range.clone()]) =>
                {
                    range.end = line.range.end
                }
                _ => {
                    paragraphs.extend(current.take());
                    current = Some(line.range.clone());
                }
            },
        }
    }
    paragraphs.extend(current);
    Document {
        header_date,
        paragraphs,
    }
}

/// Whether a line break between two lines of text ends a paragraph though no blank line
/// follows: the line ends a sentence and the next starts one (scraped pages often keep only
/// single line breaks after a title set apart). A line wrapped inside a sentence does not.
fn ends_paragraph(before: &str, next: &str) -> bool {
    let ends_sentence = before
        .trim_end()
        .ends_with(['.', '!', '?', '”', '»', '"', ';']);
    let starts_sentence = next
        .trim_start()
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "“«\"".contains(c));
    ends_sentence && starts_sentence
}

/// The header date, if any, and where the article starts.
///
/// `header = ws* ("date" ":"? | "date") (" " | "\t")* YYYY-MM-DD ("T" non-space*)? (ws | end)`
fn header(text: &str) -> (Option<NaiveDate>, usize) {
    let bytes = text.as_bytes();
    let mut start = 0;
    if text.starts_with('\u{feff}') {
        start = 3;
    }
    let mut i = start;
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    if bytes.len() < i + 4 || !bytes[i..i + 4].eq_ignore_ascii_case(b"date") {
        return (None, start);
    }
    i += 4;
    let mut separated = false;
    if bytes.get(i) == Some(&b':') {
        i += 1;
        separated = true;
    }
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
        separated = true;
    }
    if !separated || !is_iso_date(&bytes[i..]) {
        return (None, start);
    }
    let date = NaiveDate::parse_from_str(&text[i..i + 10], "%Y-%m-%d").ok();
    let mut end = i + 10;
    if bytes.get(end) == Some(&b'T') {
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
            end += 1;
        }
    }
    match bytes.get(end) {
        None => (date, end),
        Some(b) if b.is_ascii_whitespace() => (date, end),
        // `date 2021-06-25x` is not a header.
        Some(_) => (None, start),
    }
}

fn is_iso_date(bytes: &[u8]) -> bool {
    bytes.len() >= 10
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'-'
        && bytes[5..7].iter().all(u8::is_ascii_digit)
        && bytes[7] == b'-'
        && bytes[8..10].iter().all(u8::is_ascii_digit)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    /// A markdown rule (`---`, `***`, `===`): ends a paragraph, is in none.
    Separator,
    Boilerplate,
    /// A line that is boilerplate only at the end of the text (`Source: ...`).
    Tail,
    /// A line that is a paragraph by itself: a heading or a table row.
    Own,
    /// A list item: starts a paragraph that wrapped lines may continue.
    Item,
    Text,
}

#[derive(Debug)]
struct Line {
    /// The trimmed content, without heading or list markers.
    range: Range<usize>,
    kind: Kind,
}

fn classify_lines(text: &str, body_start: usize) -> Vec<Line> {
    let boilerplate = boilerplate();
    let mut lines = Vec::new();
    let mut line_start = body_start;
    for raw in text[body_start..].split('\n') {
        let trimmed_start = raw.trim_start();
        let start = line_start + (raw.len() - trimmed_start.len());
        let content = trimmed_start.trim_end();
        let end = start + content.len();
        line_start += raw.len() + 1;
        let (kind, range) = classify(content, start, boilerplate);
        lines.push(Line {
            range: range.unwrap_or(start..end),
            kind,
        });
    }
    lines
}

/// The kind of one trimmed line, and its content range when markers are cut off.
fn classify(line: &str, start: usize, boilerplate: &Boilerplate) -> (Kind, Option<Range<usize>>) {
    if line.is_empty() {
        return (Kind::Blank, None);
    }
    let bytes = line.as_bytes();
    if bytes.len() >= 3
        && matches!(bytes[0], b'-' | b'*' | b'_' | b'=')
        && bytes.iter().all(|&b| b == bytes[0] || b == b' ')
    {
        return (Kind::Separator, None);
    }
    // Markdown heading: 1 to 6 `#` and a space.
    let hashes = bytes.iter().take_while(|&&b| b == b'#').count();
    if (1..=6).contains(&hashes) && matches!(bytes.get(hashes), Some(b' ' | b'\t')) {
        let rest = line[hashes..].trim_start();
        let rest = rest.trim_end_matches('#').trim_end();
        if rest.is_empty() {
            return (Kind::Separator, None);
        }
        let offset = start + (line.len() - line[hashes..].trim_start().len());
        return (Kind::Own, Some(offset..offset + rest.len()));
    }
    // Markdown table row; the `|---|---|` rule under its head is a separator.
    if bytes[0] == b'|' {
        if bytes
            .iter()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
        {
            return (Kind::Separator, None);
        }
        return (Kind::Own, None);
    }
    if boilerplate.matches(line) {
        return (Kind::Boilerplate, None);
    }
    if boilerplate.is_tail(line) {
        return (Kind::Tail, None);
    }
    if let Some(marker) = list_marker(bytes) {
        let rest = &line[marker..];
        if !rest.trim().is_empty() {
            let offset = start + (line.len() - rest.trim_start().len());
            return (Kind::Item, Some(offset..start + line.len()));
        }
    }
    (Kind::Text, None)
}

/// Whether a paragraph of `parse` is an item of a list: its line opens on a list marker
/// that the paragraph's range leaves out.
pub fn is_list_item(text: &str, paragraph: &Range<usize>) -> bool {
    let line_start = text[..paragraph.start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..paragraph.start].trim_start();
    !before.is_empty() && list_marker(before.as_bytes()).is_some()
}

/// The length of a list marker (`- `, `* `, `+ `, `• `, `1. `, `12) `) at the start of a line.
fn list_marker(bytes: &[u8]) -> Option<usize> {
    let marker = match bytes {
        [b'-' | b'*' | b'+', ..] => 1,
        [0xE2, 0x80, 0xA2, ..] => 3, // •
        [d, b'.' | b')', ..] if d.is_ascii_digit() => 2,
        [d, e, b'.' | b')', ..] if d.is_ascii_digit() && e.is_ascii_digit() => 3,
        _ => return None,
    };
    matches!(bytes.get(marker), Some(b' ' | b'\t')).then_some(marker)
}

/// Marks the `Source: ...`-like lines after the last line of the article as boilerplate.
fn drop_trailing_boilerplate(lines: &mut [Line]) {
    for line in lines.iter_mut().rev() {
        match line.kind {
            Kind::Blank | Kind::Separator | Kind::Boilerplate => {}
            Kind::Tail => line.kind = Kind::Boilerplate,
            _ => break,
        }
    }
    for line in lines.iter_mut() {
        if line.kind == Kind::Tail {
            line.kind = Kind::Text;
        }
    }
}

/// The patterns of `data/boilerplate.tsv`, parsed once.
pub(crate) struct Boilerplate {
    lines: Vec<&'static str>,
    words: Vec<&'static str>,
    prefixes: Vec<&'static str>,
    tails: Vec<&'static str>,
    contains: ContainsSearch,
    /// Every line of every document meets the patterns: most are told apart by their
    /// length or first byte before any pattern is compared.
    line_lengths: Lengths,
    word_lengths: Lengths,
    /// `prefixes` by their first byte in lower case.
    prefixes_by_first: Vec<Vec<&'static str>>,
}

/// The byte lengths of a list of patterns.
#[derive(Default)]
struct Lengths {
    short: [u64; 4],
    /// A pattern of 256 bytes or more.
    long: bool,
}

impl Lengths {
    fn of(patterns: &[&str]) -> Lengths {
        let mut lengths = Lengths::default();
        for p in patterns {
            match p.len() {
                n @ 0..256 => lengths.short[n / 64] |= 1 << (n % 64),
                _ => lengths.long = true,
            }
        }
        lengths
    }

    /// Whether a pattern may have `n` bytes.
    fn has(&self, n: usize) -> bool {
        match n {
            0..256 => self.short[n / 64] & (1 << (n % 64)) != 0,
            _ => self.long,
        }
    }
}

/// The `contains` patterns (lower case), searched for in a lower-cased line.
enum ContainsSearch {
    /// The file has none.
    Nothing,
    /// A vectorised (Teddy) searcher, where the CPU and the patterns allow one.
    Packed(PackedSearcher),
    /// An automaton everywhere else (no SSSE3 or NEON, or many patterns).
    Automaton(AhoCorasick),
}

impl ContainsSearch {
    fn new(patterns: &[&str]) -> ContainsSearch {
        if patterns.is_empty() {
            return ContainsSearch::Nothing;
        }
        let lowered: Vec<String> = patterns.iter().map(|p| p.to_ascii_lowercase()).collect();
        match PackedConfig::new().builder().extend(&lowered).build() {
            Some(packed) => ContainsSearch::Packed(packed),
            None => ContainsSearch::Automaton(
                AhoCorasick::new(&lowered).expect("boilerplate.tsv: contains patterns"),
            ),
        }
    }

    fn is_match(&self, lowered: &[u8]) -> bool {
        match self {
            ContainsSearch::Nothing => false,
            ContainsSearch::Packed(packed) => packed.find(lowered).is_some(),
            ContainsSearch::Automaton(automaton) => automaton.is_match(lowered),
        }
    }
}

const PREFIX_MAX_LEN: usize = 300;
const CONTAINS_MAX_LEN: usize = 400;
const WORDS_MAX_LEN: usize = 100;
const MENU_MAX_LEN: usize = 200;

pub(crate) fn boilerplate() -> &'static Boilerplate {
    static BOILERPLATE: OnceLock<Boilerplate> = OnceLock::new();
    BOILERPLATE.get_or_init(|| {
        let mut res = Boilerplate {
            lines: Vec::new(),
            words: Vec::new(),
            prefixes: Vec::new(),
            tails: Vec::new(),
            contains: ContainsSearch::Nothing,
            line_lengths: Lengths::default(),
            word_lengths: Lengths::default(),
            prefixes_by_first: vec![Vec::new(); 256],
        };
        #[derive(Clone, Copy)]
        enum Pattern {
            Line,
            Word,
            Prefix,
            Tail,
            Contains,
        }
        // An empty pattern, which would be found in every line, is no row (`data`).
        let mut contains = Vec::new();
        for (kind, pattern) in data::BOILERPLATE.load(|r| {
            let kind = r.choice(
                0,
                &[
                    ("line", Pattern::Line),
                    ("word", Pattern::Word),
                    ("prefix", Pattern::Prefix),
                    ("tail", Pattern::Tail),
                    ("contains", Pattern::Contains),
                ],
                None,
            )?;
            Ok((kind, r.get(1)))
        }) {
            match kind {
                Pattern::Line => res.lines.push(pattern),
                Pattern::Word => res.words.push(pattern),
                Pattern::Prefix => res.prefixes.push(pattern),
                Pattern::Tail => res.tails.push(pattern),
                Pattern::Contains => contains.push(pattern),
            }
        }
        // Every line of every document is searched, and the patterns are few: a vectorised
        // (Teddy) searcher over the lower-cased line (`matches`) costs about 2 instructions a
        // byte, where a case-insensitive automaton, which has no such searcher, cost 16.
        res.contains = ContainsSearch::new(&contains);
        res.line_lengths = Lengths::of(&res.lines);
        res.word_lengths = Lengths::of(&res.words);
        for p in &res.prefixes {
            // Patterns are never empty (`data`).
            let first = p.as_bytes()[0].to_ascii_lowercase();
            res.prefixes_by_first[usize::from(first)].push(p);
        }
        res
    })
}

impl Boilerplate {
    fn matches(&self, line: &str) -> bool {
        let bare = line.trim_end_matches(':').trim_end();
        if self.line_lengths.has(bare.len())
            && self.lines.iter().any(|p| p.eq_ignore_ascii_case(bare))
        {
            return true;
        }
        if line.len() <= WORDS_MAX_LEN
            && line.split_whitespace().all(|word| {
                let word = word.trim_end_matches([':', ',']);
                word.is_empty()
                    || self.word_lengths.has(word.len())
                        && self.words.iter().any(|p| p.eq_ignore_ascii_case(word))
            })
        {
            return true;
        }
        let first = line.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        if line.len() <= PREFIX_MAX_LEN
            && self.prefixes_by_first[usize::from(first)]
                .iter()
                .any(|p| starts_with_ignore_case(line, p))
        {
            return true;
        }
        if line.len() <= CONTAINS_MAX_LEN {
            let mut lowered = [0u8; CONTAINS_MAX_LEN];
            let lowered = &mut lowered[..line.len()];
            lowered.copy_from_slice(line.as_bytes());
            lowered.make_ascii_lowercase();
            if self.contains.is_match(lowered) {
                return true;
            }
        }
        is_menu(line)
    }

    fn is_tail(&self, line: &str) -> bool {
        line.len() <= PREFIX_MAX_LEN && self.tails.iter().any(|p| starts_with_ignore_case(line, p))
    }
}

fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    line.len() >= prefix.len()
        && line.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// A menu or breadcrumb: short items without digits between ` | `, ` > `, ` » ` or ` › `
/// (`Home | News | Economy`, `Home » Region`).
fn is_menu(line: &str) -> bool {
    if line.len() > MENU_MAX_LEN || line.bytes().any(|b| b.is_ascii_digit()) || line.ends_with('.')
    {
        return false;
    }
    for separator in [" | ", " > ", " » ", " › ", " / "] {
        if !line.contains(separator) {
            continue;
        }
        return line.split(separator).all(|item| {
            let n_words = item.split_whitespace().count();
            (1..=4).contains(&n_words)
        });
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `text` and checks the header date and the paragraphs' texts.
    fn check(text: &str, date: Option<&str>, expected: &[&str]) {
        let doc = parse(text);
        let date = date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        assert_eq!(doc.header_date, date, "header date of {text:?}");
        let got: Vec<&str> = doc.paragraphs.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, expected, "paragraphs of {text:?}");
        for range in &doc.paragraphs {
            let slice = &text[range.clone()];
            assert!(!slice.is_empty(), "empty paragraph in {text:?}");
            assert_eq!(slice, slice.trim(), "untrimmed paragraph in {text:?}");
        }
    }

    #[test]
    fn headers() {
        #[rustfmt::skip]
        let cases: &[(&str, Option<&str>, &[&str])] = &[
            (" date 2021-06-25\nNUR-SULTAN – The Akim reported.", Some("2021-06-25"), &["NUR-SULTAN – The Akim reported."]),
            (" date 2024-06-14 Head of State received the governor.", Some("2024-06-14"), &["Head of State received the governor."]),
            ("date: 2023-07-31\n\nASTANA – The city.\n\nSecond.", Some("2023-07-31"), &["ASTANA – The city.", "Second."]),
            ("\u{feff} date 2021-12-28 NUR-SULTAN – Seven projects.\n\nMore.", Some("2021-12-28"), &["NUR-SULTAN – Seven projects.", "More."]),
            ("Date: 2020-01-02\r\nText here.\r\n", Some("2020-01-02"), &["Text here."]),
            ("  \n date 2019-10-29\nText.", Some("2019-10-29"), &["Text."]),
            (" date 2021-06-25", Some("2021-06-25"), &[]),
            (" date 2021-06-25T10:00:00Z Body.", Some("2021-06-25"), &["Body."]),
            // An impossible date is still a header, just without a date.
            (" date 2021-13-45\nBody.", None, &["Body."]),
            // Not headers.
            ("date 2021-06-25x is not a header.", None, &["date 2021-06-25x is not a header."]),
            ("dated 2021-06-25 text", None, &["dated 2021-06-25 text"]),
            ("date2021-06-25 text", None, &["date2021-06-25 text"]),
            ("The date 2021-06-25 is in the text.", None, &["The date 2021-06-25 is in the text."]),
            ("\u{feff}No header.", None, &["No header."]),
        ];
        for (text, date, expected) in cases {
            check(text, *date, expected);
        }
    }

    #[test]
    fn contains_patterns_match_alike_with_or_without_a_vectorised_searcher() {
        let patterns = ["all rights reserved", "we use cookies"];
        let automaton = ContainsSearch::Automaton(AhoCorasick::new(patterns).unwrap());
        let chosen = ContainsSearch::new(&patterns);
        for (line, expected) in [
            ("© 2024 kazinform. all rights reserved.", true),
            ("we use cookies to improve", true),
            ("all rights to the land were reserved", false),
            ("", false),
        ] {
            assert_eq!(automaton.is_match(line.as_bytes()), expected, "{line}");
            assert_eq!(chosen.is_match(line.as_bytes()), expected, "{line}");
        }
        assert!(!ContainsSearch::new(&[]).is_match(b"anything"));
    }

    #[test]
    fn boilerplate_lines() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            ("Skip to Content\n\n\nby October 29, 2019 Legal\n\nHead of State held a meeting.\n\nSource: STRATEGY 2050",
                &["by October 29, 2019 Legal", "Head of State held a meeting."]),
            ("Skip to main content\nHome | News | Economy\nThe zone created 369 jobs.\nShare\nPrint",
                &["The zone created 369 jobs."]),
            ("Home » Regions » Almaty\n\nThe city grew.", &["The city grew."]),
            ("Facebook Twitter Telegram WhatsApp\n\nText.\n\nShare: ", &["Text."]),
            ("Text.\n\nWe use cookies to improve your experience. By continuing you agree.\n\nMore text.", &["Text.", "More text."]),
            ("Text.\n\n© 2024 Kazinform. All rights reserved.", &["Text."]),
            ("Text.\n\n© 2024 KAZINFORM. ALL RIGHTS RESERVED", &["Text."]),
            ("Text.\n\nThis Website Uses Cookies.\n\nMore.", &["Text.", "More."]),
            ("Text.\n\nAll rights to the land were reserved.", &["Text.", "All rights to the land were reserved."]),
            ("Text.\n\nCopyright 2021 The Astana Times", &["Text."]),
            ("Text.\n\nRead more: Almaty attracts 15 billion tenge\n\nMore.", &["Text.", "More."]),
            // `Source:` inside the article is text; at the end it is boilerplate.
            ("Source: the ministry says output grew.\n\nMore.", &["Source: the ministry says output grew.", "More."]),
            ("Text.\n\nSource: Kazinform\n\nTags: economy, Almaty\n\n", &["Text."]),
            // A boilerplate line inside a block ends the paragraph.
            ("First line\nShare\nSecond line\n\nThird.", &["First line", "Second line", "Third."]),
            // Figures between bars are a table or text, not a menu.
            ("Almaty | 369 jobs\n\nText.", &["Almaty | 369 jobs", "Text."]),
        ];
        for (text, expected) in cases {
            check(text, None, expected);
        }
    }

    #[test]
    fn paragraphs() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("   \n\n  \t ", &[]),
            ("One paragraph.", &["One paragraph."]),
            ("  Padded.  \n", &["Padded."]),
            ("First.\n\nSecond.\n\n\nThird.", &["First.", "Second.", "Third."]),
            // Without blank lines every line is a paragraph.
            ("First line.\nSecond line.\nThird line.", &["First line.", "Second line.", "Third line."]),
            // With blank lines, hard-wrapped lines are one paragraph.
            ("The zone created\n369 jobs in 2021.\n\nNext paragraph.", &["The zone created\n369 jobs in 2021.", "Next paragraph."]),
            ("Line one\r\nline two\r\n\r\nLine three\r\n", &["Line one\r\nline two", "Line three"]),
            // Markdown headings are paragraphs of their own, without the `#`.
            ("# Almaty grows\nThe city grew.\nIt grew more.\n\n## Jobs ##\n\nText.", &["Almaty grows", "The city grew.", "It grew more.", "Jobs", "Text."]),
            // A line wrapped inside a sentence stays in its paragraph; a line break between
            // two sentences ends one even where blank lines set a title apart.
            ("Title\n\nThe city grew by\nfive percent.\nExports rose.", &["Title", "The city grew by\nfive percent.", "Exports rose."]),
            ("#hashtag is text", &["#hashtag is text"]),
            // List items, without their markers.
            ("Results:\n\n- 369 jobs\n- 5 projects\n  worth 15 billion tenge\n\nEnd.", &["Results:", "369 jobs", "5 projects\n  worth 15 billion tenge", "End."]),
            ("Plans\n\n1. Build 53 schools.\n2) Open 2 stations.", &["Plans", "Build 53 schools.", "Open 2 stations."]),
            ("• Bullet one\n• Bullet two", &["Bullet one", "Bullet two"]),
            // A negative number is not a list marker.
            ("-5 degrees outside.\n\nText.", &["-5 degrees outside.", "Text."]),
            // Rules and tables.
            ("Above.\n\n---\n\nBelow.", &["Above.", "Below."]),
            ("Title\n=====\n\nText.", &["Title", "Text."]),
            ("| Region | Jobs |\n|---|---|\n| Almaty | 369 |\n\nText.", &["| Region | Jobs |", "| Almaty | 369 |", "Text."]),
            // Non-ASCII white space is trimmed too.
            ("\u{a0}Text with nbsp.\u{a0}\n\nMore.", &["Text with nbsp.", "More."]),
        ];
        for (text, expected) in cases {
            check(text, None, expected);
        }
    }

    #[test]
    fn list_items_are_told_by_their_markers() {
        let text = "Plans:\n\n1. a plant: 5 billion tenge;\n- a school\n\n-5 degrees\n\nText.";
        let doc = parse(text);
        let items: Vec<bool> = doc
            .paragraphs
            .iter()
            .map(|p| super::is_list_item(text, p))
            .collect();
        assert_eq!(items, [false, true, true, false, false]);
    }

    #[test]
    fn dev_document_shapes() {
        let text =
            " date 2024-06-14 Head of State received governor.\n\nAlmaty region ranks fifth.\n";
        let doc = parse(text);
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.paragraphs[0].start, 17);
    }

    proptest::proptest! {
        /// Any text: paragraphs are non-empty, trimmed, ordered, and slice the text on
        /// character boundaries.
        #[test]
        fn never_panics_and_ranges_hold(
            text in "( ?date:? 2021-06-2[0-9] ?)?[a-zA-Z0-9 .#|»>:\\-*\\n\r\t\u{feff}\u{a0}“”Дé©]{0,120}",
        ) {
            let doc = parse(&text);
            let mut previous_end = 0;
            for range in &doc.paragraphs {
                proptest::prop_assert!(range.start >= previous_end && range.start < range.end);
                let slice = text.get(range.clone()).expect("char boundaries");
                proptest::prop_assert_eq!(slice, slice.trim());
                previous_end = range.end;
            }
        }
    }
}
