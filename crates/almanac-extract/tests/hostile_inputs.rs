//! Inputs a scraper brings that no article writer would: every Unicode space inside a
//! number, digits of other scripts, right-to-left text and bidirectional controls, NUL
//! bytes, CRLF and lone CR line ends, text that was invalid UTF-8 (replacement
//! characters), and the shapes that once took minutes (one huge sentence, very many short
//! ones), at sizes that a debug build runs in a few seconds. The time per megabyte of the
//! same shapes at 1 to 8 MB is in `crates/almanac-ingest/benches/pathological.rs`.
//!
//! Where today's output is wrong, the test says so with a FIXME and asserts it as it is,
//! so that a fix shows up here.

use std::time::{Duration, Instant};

use almanac_extract::{all_quantities, extract, DocContext, Extraction};
use chrono::NaiveDate;

fn run(text: &str) -> Extraction {
    let ctx = DocContext {
        doc: "hostile",
        date: NaiveDate::from_ymd_opt(2024, 3, 1),
        lang: None,
    };
    let extraction = extract(text, &ctx);
    assert_spans(text, &extraction);
    extraction
}

/// Every span slices the text to what it says, on character boundaries.
fn assert_spans(text: &str, extraction: &Extraction) {
    for fact in &extraction.facts {
        let [start, end] = fact.span;
        assert_eq!(text.get(start..end), Some(fact.text.as_str()), "{fact:?}");
        assert!(fact.sentence.contains(&fact.text), "{fact:?}");
    }
    for entity in &extraction.entities {
        for mention in &entity.mentions {
            let [start, end] = mention.span;
            assert_eq!(text.get(start..end), Some(mention.text.as_str()));
        }
    }
    for quantity in all_quantities(text) {
        let [start, end] = quantity.span;
        assert_eq!(text.get(start..end), Some(quantity.text.as_str()));
        assert!(quantity.value.is_finite());
    }
}

/// The (value, unit) of every quantity in `text`.
fn quantities(text: &str) -> Vec<(f64, Option<String>)> {
    all_quantities(text)
        .into_iter()
        .map(|q| (q.value, q.unit))
        .collect()
}

#[test]
fn every_unicode_space_between_digit_groups() {
    // (name, separator, the values read from "1<sep>200 flats").
    let cases: &[(&str, &str, &[f64])] = &[
        ("space", " ", &[1200.0]),
        ("no-break space", "\u{00A0}", &[1200.0]),
        ("narrow no-break space", "\u{202F}", &[1200.0]),
        ("thin space", "\u{2009}", &[1200.0]),
        ("figure space", "\u{2007}", &[1200.0]),
        ("ideographic space", "\u{3000}", &[1200.0]),
        ("punctuation space", "\u{2008}", &[1200.0]),
        ("hair space", "\u{200A}", &[1200.0]),
        ("en space", "\u{2002}", &[1200.0]),
        // FIXME: Swiss grouping with an apostrophe and a programmer's underscore read as
        // two numbers; rare in this news, so kept as today's output.
        ("apostrophe", "'", &[1.0, 200.0]),
        ("underscore", "_", &[1.0, 200.0]),
    ];
    for &(name, sep, want) in cases {
        let text = format!("Almaty built 1{sep}200 flats in 2023.");
        run(&text);
        let values: Vec<f64> = quantities(&text).iter().map(|q| q.0).collect();
        assert_eq!(values, want, "{name}");
    }
    // A zero-width space or joiner inside a number breaks it, but breaks nothing else.
    for sep in ["\u{200B}", "\u{200D}", "\u{FEFF}", "\u{2060}"] {
        run(&format!("Almaty built 1{sep}200 flats in 2023."));
    }
}

#[test]
fn digits_of_other_scripts_are_read_as_ascii_ones_and_break_nothing() {
    let scripts = [
        "٠١٢٣٤٥٦٧٨٩",
        "۰۱۲۳۴۵۶۷۸۹",
        "०१२३४५६७८९",
        "০১২৩৪৫৬৭৮৯",
        "๐๑๒๓๔๕๖๗๘๙",
        "０１２３４５６７８９",
        "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",
        "᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙",
    ];
    for digits in scripts {
        let chars: Vec<char> = digits.chars().collect();
        let number: String = [chars[1], chars[2], chars[3]].iter().collect();
        let text = format!("Almaty built {number} schools and 45 parks in {number}.");
        let extraction = run(&text);
        // A decimal digit is one in every script: `١٢٣` is 123 as `123` is.
        let values: Vec<f64> = extraction.facts.iter().map(|f| f.value).collect();
        assert_eq!(values, [123.0, 45.0], "{digits}");
        assert!(extraction.diagnostics.is_empty(), "{digits}");
        // Mixed with ASCII digits and separators.
        run(&format!(
            "Taraz: 1,{number}.5 tenge, {number}% and ${number}bn in Q{number}."
        ));
    }
}

#[test]
fn right_to_left_text_and_bidirectional_controls() {
    // (text, whether "45 schools" is read).
    let texts = [
        ("אלמטי: Almaty built 45 schools in 2023.", true),
        (
            "ألماتي بنت 45 مدرسة. Almaty built 45 schools in 2023.",
            true,
        ),
        ("Almaty built \u{202E}45 schools\u{202C} in 2023.", true),
        // FIXME (extractor): isolate controls around a number (RLI 45 PDI, as editors
        // wrap numbers in right-to-left text) hide the figure; format characters (Cf)
        // should be as transparent as they are inside the override above.
        (
            "Almaty built \u{2067}45\u{2069} schools in \u{200F}2023\u{200E}.",
            false,
        ),
        ("\u{200F}Almaty built 45 schools in 2023.\u{200F}", true),
    ];
    for (text, read) in texts {
        let extraction = run(text);
        assert_eq!(
            extraction.facts.iter().any(|f| f.value == 45.0),
            read,
            "{text}: {:?}",
            extraction.facts
        );
    }
}

#[test]
fn nul_bytes_line_ends_and_replacement_characters() {
    let lf = "Shymkent built 1,200 flats in 2023.\n\nThe city plans 40 schools by 2025.\n";
    let want: Vec<f64> = run(lf).facts.iter().map(|f| f.value).collect();
    assert_eq!(want, [1200.0, 40.0]);
    for (name, text) in [
        ("crlf", lf.replace('\n', "\r\n")),
        ("nul between paragraphs", lf.replace("\n\n", "\n\0\n")),
        ("form feed", lf.replace("\n\n", "\n\x0C\n")),
    ] {
        let values: Vec<f64> = run(&text).facts.iter().map(|f| f.value).collect();
        assert_eq!(values, want, "{name}");
    }
    // A lone CR is no line end to the extractor (the reader turns it into one): the text
    // is one paragraph, and both figures are still found.
    let cr = lf.replace('\n', "\r");
    let values: Vec<f64> = run(&cr).facts.iter().map(|f| f.value).collect();
    assert_eq!(values, want);
    // NUL bytes and replacement characters (what lossy decoding leaves of bad UTF-8)
    // inside sentences and numbers.
    for text in [
        "Almaty built 1,2\u{0}00 flats\u{0} in 2023.",
        "\u{0}\u{0}\u{0}",
        "Almaty built 1\u{FFFD}200 flats in 20\u{FFFD}23 for 5\u{FFFD}bn tenge.",
        "\u{FFFD}\u{FFFD}45\u{FFFD}% \u{FFFD}",
    ] {
        run(text);
    }
}

/// Runs `text` through the extractor and fails when it takes longer than `bound`.
fn within(name: &str, text: &str, bound: Duration) -> Extraction {
    let started = Instant::now();
    let extraction = run(text);
    let took = started.elapsed();
    assert!(
        took < bound,
        "{name}: {} bytes took {took:?} (bound {bound:?})",
        text.len()
    );
    extraction
}

// The shapes that once took minutes, at sizes today's extractor runs in well under a
// second (release): the bounds catch a return of the cube or the square, not a slow
// machine. FIXME (the lead's, in the extractor): at 160 KB the first shape takes minutes
// and at 100,000 sentences the second 93 s; `crates/almanac-ingest/benches/pathological.rs` measures both at
// 1 to 8 MB.

#[test]
fn one_long_sentence_of_figures_without_full_stops() {
    let clause =
        "Almaty invested 1,500 tenge in roads in 2023 and unemployment fell to 4.5 percent ";
    let text = clause.repeat(8 * 1024 / clause.len());
    let extraction = within("long sentence", &text, Duration::from_secs(10));
    assert!(!extraction.facts.is_empty());
}

#[test]
fn very_many_short_sentences() {
    let text = "5 jobs. ".repeat(5_000);
    let extraction = within("short sentences", &text, Duration::from_secs(10));
    assert_eq!(extraction.facts.len(), 5_000);
}

#[test]
fn one_huge_line_of_words() {
    // A page flattened into one line without figures: nothing to find, quickly.
    let text = "the akimat reported on the work of the departments ".repeat(40_000);
    within("huge line", &text, Duration::from_secs(10));
}
