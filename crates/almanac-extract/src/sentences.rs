//! Sentence splitting with byte offsets.

use std::ops::Range;

/// Splits `text[range]` into sentences; every range returned lies inside `range`, trimmed
/// of surrounding white space, in order.
pub fn split(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    // FIXME: stub until the sentence splitter lands.
    let _ = text;
    vec![range]
}
