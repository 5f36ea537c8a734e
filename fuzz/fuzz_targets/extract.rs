//! Feeds arbitrary bytes to `extract` and `all_quantities` (as UTF-8 when valid, lossily
//! converted otherwise) and checks that every span lies on char boundaries and slices to its
//! text, and that each fact's sentence contains its text: the invariants of
//! `crates/almanac-extract/tests/properties.rs`.
//!
//! Run from the workspace root (cargo-fuzz needs a nightly compiler; `RUSTC_BOOTSTRAP=1 cargo
//! fuzz run ...` works on stable too), seeding the corpus with the example articles:
//!
//!     mkdir -p fuzz/corpus/extract && cp examples/news/*.txt examples/series/*.txt fuzz/corpus/extract/
//!     cargo +nightly fuzz run extract -- -max_total_time=600 -max_len=4096
//!
//! A crash is saved in `fuzz/artifacts/extract/`; `cargo +nightly fuzz tmin extract FILE` shrinks it.

#![no_main]

use almanac_extract::{all_quantities, extract, DocContext};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    // An outside date on half the inputs, so that the rules resolving relative periods against
    // a caller's date run too (a ` date` header in the input reaches the others).
    let date = (data.len() % 2 == 1).then(|| NaiveDate::from_ymd_opt(2021, 6, 15).unwrap());
    let extraction = extract(text, &DocContext { doc: "fuzz", date, lang: None });

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

    for quantity in all_quantities(text) {
        let [start, end] = quantity.span;
        assert_eq!(
            text.get(start..end),
            Some(quantity.text.as_str()),
            "quantity span {:?}",
            quantity.span
        );
    }
});
