//! Number reading: `numbers::parse_digits` on any string, and the number words and scales
//! of `all_quantities` on any text. Neither may panic; a value is finite; a plain run of
//! ASCII digits reads as Rust reads it.
//!
//! `fuzz/run.sh SECONDS` runs it with the others; alone:
//! `cargo +nightly fuzz run numbers fuzz/corpus/numbers -- -max_len=256`.

#![no_main]

use almanac_extract::{all_quantities, numbers::parse_digits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(value) = parse_digits(&text) {
        assert!(value.is_finite(), "{text:?} read as {value}");
    }
    if !text.is_empty() && text.len() < 300 && text.bytes().all(|b| b.is_ascii_digit()) {
        assert_eq!(parse_digits(&text), text.parse::<f64>().ok(), "{text:?}");
    }
    for quantity in all_quantities(&text) {
        assert!(quantity.value.is_finite(), "{quantity:?}");
        assert_eq!(
            text.get(quantity.span[0]..quantity.span[1]),
            Some(quantity.text.as_str())
        );
    }
});
