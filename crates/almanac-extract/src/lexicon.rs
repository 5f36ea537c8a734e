//! The word lists of `data/`, compiled in and parsed once.
