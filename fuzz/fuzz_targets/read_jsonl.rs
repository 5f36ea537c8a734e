//! One JSONL line as the reader takes it (`read/parse.rs`, `jsonl_record`). It may not
//! panic; a record it accepts has an id and a text that is not blank, and keeps the
//! origin it was given.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/almanac-ingest/src/read/parse.rs"]
#[allow(dead_code)]
mod parse;

fuzz_target!(|data: &[u8]| {
    match parse::jsonl_record(data, "feed.jsonl:7", "feed", 7) {
        Ok(doc) => {
            assert!(!doc.id.trim().is_empty());
            assert!(!doc.text.trim().is_empty());
            assert_eq!(doc.origin, "feed.jsonl:7");
        }
        Err(message) => assert!(!message.is_empty()),
    }
});
