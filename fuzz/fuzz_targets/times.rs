//! Time expressions: `times::find` over any text and any range of it, with or without a
//! document date. It may not panic; expressions come in text order, never overlap, lie
//! in the (clamped) range and slice the text to their own; a period's start is not after
//! its end.
//!
//! The first two bytes choose the range and the date; the rest is the text.

#![no_main]

use almanac_extract::times::find;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(2));
    let text = String::from_utf8_lossy(body);
    let text: &str = &text;
    let (cut, dated) = match head {
        [a, b] => (*a as usize, b % 3),
        _ => (0, 0),
    };
    // A range that may start inside a character or run past the end: `find` clamps it.
    let range = cut.min(text.len())..text.len() + (cut % 5);
    let date = match dated {
        0 => None,
        1 => NaiveDate::from_ymd_opt(2021, 6, 15),
        _ => NaiveDate::from_ymd_opt(1999, 12, 31),
    };
    let found = find(text, range.clone(), date);
    let mut end = 0;
    for time in &found {
        let [start, stop] = time.span;
        assert!(start >= end, "{found:?} out of order or overlapping");
        assert!(start < stop && stop <= text.len(), "{time:?}");
        assert!(start >= range.start.min(text.len()), "{time:?} before {range:?}");
        assert_eq!(text.get(start..stop), Some(time.text.as_str()), "{time:?}");
        if let Some(period) = time.period {
            let (first, last) = period.bounds();
            assert!(first <= last, "{time:?}");
        }
        end = stop;
    }
});
