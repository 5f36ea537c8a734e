//! Properties of the extractor that hold for every input, checked with proptest on arbitrary
//! unicode and on strings built from the tokens the rules look at (digits and separators,
//! currency signs, scales, months, dashes, quotes, line breaks, date headers).
//!
//! Run: `cargo test -p almanac-extract --test properties`. The number of cases is modest so the
//! run stays well under 20 s in debug; for a longer search set `PROPTEST_CASES`, which replaces
//! every property's default (see `cases_or`):
//! `PROPTEST_CASES=5000 cargo test --release -p almanac-extract --test properties`.
//! proptest stores failing inputs in `tests/properties.proptest-regressions`; check it in with the fix.

use almanac_extract::{all_quantities, extract, DocContext, Extraction, Quantity};
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// Tokens the extractor's rules react to; strings of these reach far deeper into the rules than
/// random unicode does.
const VOCABULARY: &[&str] = &[
    "0",
    "1",
    "5",
    "7",
    "12",
    "2021",
    "1,200",
    "2.9",
    "5.3",
    "15",
    "0.1",
    "100",
    "1 000",
    "3,5",
    "42.5",
    "1.234.567",
    "999,999",
    ",",
    ".",
    " ",
    "  ",
    "\t",
    "$",
    "US$",
    "₸",
    "€",
    "%",
    "(",
    ")",
    "-",
    "–",
    "—",
    "/",
    "\"",
    "'",
    "“",
    "”",
    "«",
    "»",
    "\n",
    "\n\n",
    "\r\n",
    " date 2021-01-01",
    " date 2021-01-01\n",
    "date: 2023-12-31\n",
    "billion",
    "million",
    "thousand",
    "trillion",
    "bn",
    "mln",
    "tenge",
    "dollars",
    "euro",
    "percent",
    "per cent",
    "percentage points",
    "times",
    "twofold",
    "half",
    "a quarter",
    "jobs",
    "projects",
    "people",
    "tonnes",
    "km",
    "ha",
    "sq m",
    "per year",
    "annually",
    "a day",
    "January",
    "February",
    "March",
    "May",
    "June",
    "December",
    "Dec.",
    "Q1",
    "first half",
    "the first five months",
    "this year",
    "last year",
    "in 2022",
    "by 2030",
    "until 2030",
    "since the beginning of the year",
    "as of",
    "more than",
    "about",
    "up to",
    "nearly",
    "over",
    "from",
    "to",
    "and",
    "the",
    "will",
    "planned",
    "created",
    "increased by",
    "grew",
    "fell",
    "reached",
    "ranks",
    "fifth",
    "five",
    "twenty",
    "hundred",
    "Almaty",
    "Astana",
    "Karaganda region",
    "Kazakhstan",
    "SEZ",
    "Alatau district",
    "akim",
    "Mr.",
    "e.g.",
    "No.",
    "Strategy 2050",
    "Source:",
    "Skip to Content",
    "é",
    "ё",
    "тенге",
    "🙂",
    "\u{200b}",
    "\u{feff}",
    "\u{0301}",
];

/// The number of cases for each property: `PROPTEST_CASES` when set, else `default`.
fn cases_or(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        // Beside this file: proptest's default looks for a `lib.rs` above it and warns.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

/// Text made of vocabulary tokens, sometimes with a space between them and sometimes glued,
/// and now and then a short piece of arbitrary text.
fn tricky_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        8 => prop::sample::select(VOCABULARY).prop_map(str::to_owned),
        1 => "\\PC{0,4}",
    ];
    let separator = prop_oneof![
        3 => Just(" "),
        2 => Just(""),
        1 => Just("\n"),
        1 => Just(". "),
    ];
    prop::collection::vec((token, separator), 0..60).prop_map(|pieces| {
        pieces
            .into_iter()
            .flat_map(|(token, separator)| [token, separator.to_owned()])
            .collect()
    })
}

/// Some document date or none: the rules resolve relative periods against it.
fn doc_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((2000i32..2040, 1u32..=12, 1u32..=28))
        .prop_map(|date| date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
}

/// Checks every span of an extraction against the text it came from.
fn check_spans(text: &str, extraction: &Extraction) {
    for fact in &extraction.facts {
        let [start, end] = fact.span;
        assert!(
            start <= end && end <= text.len(),
            "fact span {:?} outside text",
            fact.span
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "fact span {:?} not on char boundaries",
            fact.span
        );
        assert_eq!(
            &text[start..end],
            fact.text,
            "fact span does not slice to its text"
        );
        assert!(
            fact.sentence.contains(&fact.text),
            "sentence {:?} does not contain fact text {:?}",
            fact.sentence,
            fact.text
        );
    }
    for entity in &extraction.entities {
        for mention in &entity.mentions {
            let [start, end] = mention.span;
            assert_eq!(
                text.get(start..end),
                Some(mention.text.as_str()),
                "mention span"
            );
        }
    }
    for diagnostic in &extraction.diagnostics {
        let [start, end] = diagnostic.span;
        assert!(
            text.get(start..end).is_some(),
            "diagnostic span {:?}",
            diagnostic.span
        );
    }
}

/// Checks every span of `all_quantities` against the text.
fn check_quantity_spans(text: &str, quantities: &[Quantity]) {
    for quantity in quantities {
        let [start, end] = quantity.span;
        assert!(
            start <= end && end <= text.len(),
            "quantity span {:?} outside text",
            quantity.span
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "quantity span {:?} not on char boundaries",
            quantity.span
        );
        assert_eq!(
            &text[start..end],
            quantity.text,
            "quantity span does not slice to its text"
        );
    }
}

/// Extracts `text` twice and checks the spans and that both runs agree.
fn check_text(text: &str, date: Option<NaiveDate>) {
    let ctx = DocContext {
        doc: "prop",
        date,
        lang: None,
    };
    let first = extract(text, &ctx);
    check_spans(text, &first);
    // Debug output compares NaN values equal to themselves, which `PartialEq` on f64 would not.
    let second = extract(text, &ctx);
    assert_eq!(
        format!("{first:?}"),
        format!("{second:?}"),
        "extract is not deterministic"
    );

    let quantities = all_quantities(text);
    check_quantity_spans(text, &quantities);
    assert_eq!(
        format!("{quantities:?}"),
        format!("{:?}", all_quantities(text)),
        "all_quantities is not deterministic"
    );
}

/// `n` with one decimal, written as in news text: `5.3`.
fn one_decimal(tenths: u32) -> (String, f64) {
    let text = format!("{}.{}", tenths / 10, tenths % 10);
    (text, f64::from(tenths) / 10.0)
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-6 * expected.abs().max(1.0)
}

// Never panics, spans slice to their text, same output twice: on arbitrary unicode.
proptest! {
    #![proptest_config(cases_or(256))]

    #[test]
    fn arbitrary_unicode(text in any::<String>(), date in doc_date()) {
        check_text(&text, date);
    }
}

// The same on text built from the rules' own tokens.
proptest! {
    #![proptest_config(cases_or(512))]

    #[test]
    fn tricky_tokens(text in tricky_text(), date in doc_date()) {
        check_text(&text, date);
    }

    #[test]
    fn tricky_tokens_after_header(text in tricky_text()) {
        check_text(&format!(" date 2021-01-01 {text}"), None);
    }
}

// Value scaling: `5.3 thousand jobs` is 5300 jobs, for any one-decimal number.
proptest! {
    #![proptest_config(cases_or(256))]

    #[test]
    fn thousand_scales_quantity(tenths in 1u32..100_000) {
        let (number, n) = one_decimal(tenths);
        let text = format!("{number} thousand jobs");
        let quantities = all_quantities(&text);
        prop_assert!(
            quantities.iter().any(|q| q.text == text && close(q.value, n * 1000.0)),
            "{text:?} gave {quantities:?}"
        );
    }

    #[test]
    fn thousand_scales_fact(tenths in 1u32..100_000) {
        let (number, n) = one_decimal(tenths);
        let text = format!(" date 2023-07-31\nThe zone created {number} thousand jobs in 2023.");
        let extraction = extract(&text, &DocContext { doc: "prop", date: None, lang: None });
        let fact = extraction.facts.iter().find(|fact| fact.text == format!("{number} thousand jobs"));
        prop_assert!(fact.is_some(), "{text:?} gave {:?}", extraction.facts);
        let fact = fact.unwrap();
        prop_assert!(close(fact.value, n * 1000.0), "{text:?} gave {}", fact.value);
        prop_assert_eq!(fact.unit.as_deref(), Some("job"));
    }
}

/// How news writes a unit around a number: the text before and after it, the unit the
/// extractor must give, and whether a scale word may stand between (`$5m`, not `5 million%`).
const UNIT_FORMS: &[(&str, &str, &str, bool)] = &[
    ("$", "", "USD", true),
    ("US$", "", "USD", true),
    ("€", "", "EUR", true),
    ("£", "", "GBP", true),
    ("₸", "", "KZT", true),
    ("A$", "", "AUD", true),
    ("KZT ", "", "KZT", true),
    ("", " tenge", "KZT", true),
    ("", " dollars", "USD", true),
    ("", " euros", "EUR", true),
    ("", " USD", "USD", true),
    ("", "%", "%", false),
    ("", " percent", "%", false),
    ("", " per cent", "%", false),
    ("", " jobs", "job", true),
    ("", " people", "person", true),
    ("", " investment projects", "project", true),
];

/// Scale words after a number: the form and its factor. `m` and `k` count only glued to a
/// number that follows a currency sign.
const SCALE_FORMS: &[(&str, f64)] = &[
    ("", 1.0),
    (" thousand", 1e3),
    (" million", 1e6),
    (" billion", 1e9),
    (" trillion", 1e12),
    (" mln", 1e6),
    (" bn", 1e9),
    ("bn", 1e9),
    ("m", 1e6),
    ("k", 1e3),
];

/// Thousands separators: none, a comma, and the spaces news uses between groups.
const GROUP_SEPARATORS: &[&str] = &["", ",", " ", "\u{a0}", "\u{2009}", "\u{202f}"];

/// `whole` with its thousands joined by `separator`: `1,234,567`.
fn grouped(whole: u64, separator: &str) -> String {
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

// Round trip: a random quantity formatted the ways news writes it (grouping, decimals,
// scale words, currency before or after, percent, counted nouns) reads back as the same
// value and unit.
proptest! {
    #![proptest_config(cases_or(512))]

    #[test]
    fn formatted_quantities_read_back(
        whole in 1u64..1_000_000_000,
        decimals in prop_oneof![Just(None), (0u32..10).prop_map(Some), (10u32..100).prop_map(Some)],
        separator in prop::sample::select(GROUP_SEPARATORS),
        unit in prop::sample::select(UNIT_FORMS),
        scale in prop::sample::select(SCALE_FORMS),
    ) {
        let (before, after, code, scalable) = unit;
        // No scale on a percent; `m` and `k` are metres and kilo- after a bare number, so
        // those two only with a currency sign before.
        let (scale_word, factor) = match scale {
            _ if !scalable => ("", 1.0),
            ("m" | "k", _) if before.is_empty() => (" million", 1e6),
            other => other,
        };
        // An ungrouped 1900..2100 alone is a year, not a count: make it a larger number.
        let year_like = before.is_empty() && code != "%" && decimals.is_none()
            && factor == 1.0 && (1900..=2100).contains(&whole);
        let whole = if year_like { whole + 10_000 } else { whole };
        let mut number = grouped(whole, separator);
        let mut value = whole as f64;
        if let Some(d) = decimals {
            let digits = if d < 10 { d.to_string() } else { format!("{d:02}") };
            number.push('.');
            number.push_str(&digits);
            value += f64::from(d) / 10f64.powi(digits.len() as i32);
        }
        let figure = format!("{before}{number}{scale_word}{after}");
        let text = format!("Officials reported {figure} on Tuesday.");
        let expected = value * factor;
        let quantities = all_quantities(&text);
        prop_assert!(
            quantities.iter().any(|q| q.unit.as_deref() == Some(code) && close(q.value, expected)),
            "{text:?}: expected {expected} {code}, got {quantities:?}"
        );
    }
}
