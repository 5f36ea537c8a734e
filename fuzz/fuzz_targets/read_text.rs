//! A text file's bytes as the reader takes them (`read/parse.rs`, `to_text`): UTF-8 or
//! UTF-16 with its byte-order mark, refused when empty, binary or invalid. It may not
//! panic; what it accepts has text, no NUL and no lone carriage return, and valid UTF-8
//! without carriage returns comes back unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/almanac-ingest/src/read/parse.rs"]
#[allow(dead_code)]
mod parse;

fuzz_target!(|data: &[u8]| {
    match parse::to_text(data.to_vec()) {
        Ok(text) => {
            assert!(!text.trim().is_empty());
            assert!(!text.contains('\0'));
            let bytes = text.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                assert!(b != b'\r' || bytes.get(i + 1) == Some(&b'\n'), "lone CR at {i}");
            }
            if let Ok(utf8) = std::str::from_utf8(data) {
                if !utf8.contains('\r') && !data.starts_with(&[0xFF, 0xFE]) && !data.starts_with(&[0xFE, 0xFF]) {
                    assert_eq!(text, utf8);
                }
            }
        }
        Err(message) => assert!(!message.is_empty()),
    }
});
