//! Numbers as written: digits with separators and decimals, number words, scales.
