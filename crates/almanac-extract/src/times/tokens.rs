//! The time layer's tokens: words (runs of letters), numbers (runs of ASCII digits) and
//! single marks, each word looked up once in the word list.

use std::ops::Range;

use crate::swar::{leading_ascii_letters, load8, BYTES_01};

use super::words::{lexicon, Lexicon, Slot, NO_WORD};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokKind {
    Word,
    Num,
    Punct(char),
}

/// `Tok::flags`: the token's first character is upper case.
pub(super) const CAPITALIZED: u8 = 1;
/// `Tok::flags`: a word whose lower case has four bytes or more and ends in `s`.
pub(super) const PLURAL_LIKE: u8 = 2;

#[derive(Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: TokKind,
    /// The word's classes in the word list, looked up once.
    pub(super) classes: u32,
    /// The word's index in `Lexicon::entries` (0: in no list; also numbers and punctuation).
    pub(super) entry: u16,
    /// The value of a number of at most four digits.
    pub(super) num: u16,
    /// The word's index in `START_WORDS`, or `NO_WORD` (also for numbers and punctuation).
    pub(super) word: u8,
    /// `CAPITALIZED`, `PLURAL_LIKE`.
    pub(super) flags: u8,
}

/// What a byte starts (`BYTE_CLASS`): the ASCII bytes as the tokenizer reads them, every
/// other byte as the start of a character to decode.
pub(super) const SPACE: u8 = 0;
pub(super) const LETTER: u8 = 1;
pub(super) const DIGIT: u8 = 2;
pub(super) const SYMBOL: u8 = 3;
pub(super) const NON_ASCII: u8 = 4;

pub(super) const BYTE_CLASS: [u8; 256] = {
    let mut table = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => SPACE,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            _ => SYMBOL,
        };
        b += 1;
    }
    table
};

/// The ASCII letters of `chunk` lower-cased, but for the first `len` bytes (at most 8) all
/// zeros: the half of a packed word (`pack`).
#[inline]
pub(super) fn lower_letters(chunk: u64, len: usize) -> u64 {
    match len {
        0 => 0,
        // Every byte is an ASCII letter: setting its bit 5 makes it lower case.
        _ => (chunk | (BYTES_01 * 0x20)) & (u64::MAX >> (8 * (8 - len.min(8)))),
    }
}

/// The character at byte `pos` of `text[..end]` and its length.
#[inline]
pub(super) fn char_at(text: &str, pos: usize, end: usize) -> Option<(char, usize)> {
    let ch = text.get(pos..end)?.chars().next()?;
    Some((ch, ch.len_utf8()))
}

/// Splits `text[range]` into words (runs of letters), numbers (runs of ASCII digits) and
/// single punctuation characters, and looks each word up in the word list.
pub(super) fn tokenize(text: &str, range: Range<usize>, toks: &mut Vec<Tok>) {
    let lex = lexicon();
    let bytes = text.as_bytes();
    let end = range.end;
    toks.reserve((end - range.start) / 3 + 8);
    let mut pos = range.start;
    while pos < end {
        let start = pos;
        let (kind, flags) = match BYTE_CLASS[usize::from(bytes[pos])] {
            SPACE => {
                pos += 1;
                continue;
            }
            LETTER => {
                pos = read_ascii_word(text, start, end, lex, toks);
                // The space after a word, without another turn of the loop.
                if pos < end && bytes[pos] == b' ' {
                    pos += 1;
                }
                continue;
            }
            DIGIT => {
                while pos < end && bytes[pos].is_ascii_digit() {
                    pos += 1;
                }
                let num = match pos - start {
                    ..=4 => bytes[start..pos]
                        .iter()
                        .fold(0, |n, &d| n * 10 + u16::from(d - b'0')),
                    _ => 0,
                };
                toks.push(Tok {
                    start,
                    end: pos,
                    kind: TokKind::Num,
                    classes: 0,
                    entry: 0,
                    num,
                    word: NO_WORD,
                    flags: 0,
                });
                continue;
            }
            SYMBOL => {
                pos += 1;
                (TokKind::Punct(char::from(bytes[start])), 0)
            }
            _ => {
                let Some((ch, len)) = char_at(text, pos, end) else {
                    break;
                };
                pos += len;
                if ch.is_whitespace() {
                    continue;
                }
                let flags = if ch.is_uppercase() { CAPITALIZED } else { 0 };
                if ch.is_alphabetic() {
                    pos = read_word(text, start, pos, end, flags, lex, toks);
                    continue;
                }
                (TokKind::Punct(ch), flags)
            }
        };
        toks.push(Tok {
            start,
            end: pos,
            kind,
            classes: 0,
            entry: 0,
            num: 0,
            word: NO_WORD,
            flags,
        });
    }
}

/// Reads the word starting with the ASCII letter at `start` into `toks`; gives its end.
#[inline]
pub(super) fn read_ascii_word(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
    toks: &mut Vec<Tok>,
) -> usize {
    let bytes = text.as_bytes();
    let flags = if bytes[start].is_ascii_uppercase() {
        CAPITALIZED
    } else {
        0
    };
    // Most words are read 8 bytes at a time: their letters counted and the word packed for
    // the lookup from the same numbers.
    let Some(first) = load8(bytes, start) else {
        return read_word(text, start, start + 1, end, flags, lex, toks);
    };
    let mut len = leading_ascii_letters(first);
    let mut second = 0;
    if len == 8 {
        let Some(next) = load8(bytes, start + 8) else {
            // The range may end inside these 8 letters (`date_in_text` cuts it short).
            return read_word(text, start, (start + 8).min(end), end, flags, lex, toks);
        };
        second = next;
        len += leading_ascii_letters(next);
    }
    let len = len.min(end - start);
    let pos = start + len;
    if len == 16 || (pos < end && bytes[pos] >= 0x80) {
        // A longer word, or one going on with other letters.
        return read_word(text, start, pos, end, flags, lex, toks);
    }
    let key = u128::from(lower_letters(first, len))
        | u128::from(lower_letters(second, len.saturating_sub(8))) << 64;
    let plural = len >= 4 && bytes[pos - 1] | 0x20 == b's';
    push_word(toks, start, pos, flags, plural, lex.find_packed(key));
    pos
}

/// Reads the word of `text[start..]` whose letters go on at `pos` into `toks`; gives its
/// end. Handles every word; `read_ascii_word` is the short way for most of them.
#[cold]
pub(super) fn read_word(
    text: &str,
    start: usize,
    mut pos: usize,
    end: usize,
    flags: u8,
    lex: &Lexicon,
    toks: &mut Vec<Tok>,
) -> usize {
    let bytes = text.as_bytes();
    let mut ascii = bytes[start] < 0x80;
    // ASCII letters and other alphabetic characters.
    loop {
        while pos < end && bytes[pos].is_ascii_alphabetic() {
            pos += 1;
        }
        if pos >= end || bytes[pos] < 0x80 {
            break;
        }
        match char_at(text, pos, end) {
            Some((next, len)) if next.is_alphabetic() => {
                ascii = false;
                pos += len;
            }
            _ => break,
        }
    }
    let lower = if ascii {
        text[start..pos].to_ascii_lowercase()
    } else {
        text[start..pos].to_lowercase()
    };
    let plural = lower.len() >= 4 && lower.ends_with('s');
    push_word(toks, start, pos, flags, plural, lex.find(lower.as_bytes()));
    pos
}

#[inline]
pub(super) fn push_word(
    toks: &mut Vec<Tok>,
    start: usize,
    end: usize,
    flags: u8,
    plural: bool,
    known: Slot,
) {
    toks.push(Tok {
        start,
        end,
        kind: TokKind::Word,
        classes: known.classes,
        entry: known.entry,
        num: 0,
        word: known.word,
        flags: flags | if plural { PLURAL_LIKE } else { 0 },
    });
}

/// Clamps `range` into `text` on character boundaries.
pub(super) fn clamp(text: &str, range: Range<usize>) -> Range<usize> {
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start..end.max(start)
}

pub(super) fn is_dash(ch: char) -> bool {
    matches!(ch, '-' | '–' | '—' | '‑' | '‒' | '−')
}
