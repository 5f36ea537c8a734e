//! The tokenizer every rule shares: words, numbers and symbols with byte spans.
//!
//! A word starts with a letter and runs on through letters and digits (`m2`, `Q1`, `kWh`),
//! joined by an inner hyphen or apostrophe (`medium-sized`, `twenty-nine`). A number is
//! digits with inner `,` or `.` before more digits (`1,074.5`). Anything else is a
//! one-character symbol. White space only separates.

use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Num,
    Sym,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

impl Tok {
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// Splits `text[range]` into tokens.
pub(crate) fn tokenize(text: &str, range: Range<usize>) -> Vec<Tok> {
    let mut toks = Vec::with_capacity((range.end - range.start) / 5);
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii_digit() {
            let start = i;
            i += 1;
            loop {
                while i < end && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if i + 1 < end
                    && (bytes[i] == b',' || bytes[i] == b'.')
                    && bytes[i + 1].is_ascii_digit()
                {
                    i += 1;
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start,
                end: i,
                kind: TokKind::Num,
            });
            continue;
        }
        let ch = text[i..].chars().next().expect("in bounds");
        if ch.is_alphabetic() {
            let start = i;
            i += ch.len_utf8();
            while i < end {
                let c = text[i..].chars().next().expect("in bounds");
                if c.is_alphanumeric() {
                    i += c.len_utf8();
                } else if matches!(c, '-' | '\'' | '’') {
                    // Only join when a letter follows: `medium-sized`, not `2024-` or `rise-`.
                    let after = i + c.len_utf8();
                    match text[after..end].chars().next() {
                        Some(n) if n.is_alphabetic() => i = after + n.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start,
                end: i,
                kind: TokKind::Word,
            });
            continue;
        }
        if ch.is_whitespace() {
            i += ch.len_utf8();
            continue;
        }
        toks.push(Tok {
            start: i,
            end: i + ch.len_utf8(),
            kind: TokKind::Sym,
        });
        i += ch.len_utf8();
    }
    toks
}

/// The lower-case form of a token's text, borrowed when it already is.
pub(crate) fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) || !s.is_ascii() {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Calls `f` with the lower-case form of `s`, without allocating for short ASCII words.
pub(crate) fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 48;
    if s.len() <= MAX && s.is_ascii() {
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(s);
        }
        let mut buf = [0u8; MAX];
        let lowered = &mut buf[..s.len()];
        lowered.copy_from_slice(s.as_bytes());
        lowered.make_ascii_lowercase();
        // ASCII stays ASCII when lower-cased, so this is valid UTF-8.
        f(std::str::from_utf8(lowered).unwrap_or(s))
    } else {
        f(&s.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(&str, TokKind)> {
        tokenize(s, 0..s.len())
            .into_iter()
            .map(|t| (t.text(s), t.kind))
            .collect()
    }

    #[test]
    fn splits_words_numbers_symbols() {
        use TokKind::*;
        assert_eq!(
            kinds("US$110 million, 1,074.5 m² medium-sized 2024-25."),
            vec![
                ("US", Word),
                ("$", Sym),
                ("110", Num),
                ("million", Word),
                (",", Sym),
                ("1,074.5", Num),
                ("m²", Word),
                ("medium-sized", Word),
                ("2024", Num),
                ("-", Sym),
                ("25", Num),
                (".", Sym),
            ]
        );
    }
}
