//! An HTML page as the reader takes it (`read/parse.rs`): the nesting cap (`limit_depth`)
//! and the main text (`html_main_text`). It may not panic or take long (libFuzzer's
//! `-timeout`); the capped page only loses bytes (tags), never gains any; the text has no
//! blank paragraph and the title no line break.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/almanac-ingest/src/read/parse.rs"]
#[allow(dead_code)]
mod parse;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    // A small limit, so that short inputs reach it too.
    let depth = 1 + data.first().map_or(0, |b| (b % 16) as usize);
    let (capped, cut) = parse::limit_depth(&source, depth);
    assert!(capped.len() <= source.len());
    assert_eq!(cut, capped.len() < source.len());
    let page = parse::html_main_text(&source, depth);
    assert!(!page.text.split("\n\n").any(|p| p.trim().is_empty() && !page.text.is_empty()));
    if let Some(title) = page.title {
        assert!(!title.contains('\n') && !title.is_empty());
    }
});
