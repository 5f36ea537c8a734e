//! The time layer's tokens: its view of the token stream (`crate::tokens`), one token for
//! each stream token, each word with its classes in the time word list.

use std::ops::Range;

use crate::tokens::{Kind, Token, ASCII, CAPITAL};

use super::words::{lexicon, NO_WORD};

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

/// The time layer's view of a stretch of the token stream: every stream token as it is (a
/// run of letters is a word, a run of digits a number, anything else a mark), with what
/// the rules ask of it looked up once: its classes and entry in the word list, which literal
/// word of the rules it is, its value as a number, and whether it is capitalised or looks
/// plural.
pub(super) fn view(text: &str, atoms: &[Token], toks: &mut Vec<Tok>) {
    let lex = lexicon();
    toks.reserve(atoms.len());
    for atom in atoms {
        let capital = if atom.has(CAPITAL) { CAPITALIZED } else { 0 };
        let tok = match atom.kind {
            Kind::Letters => {
                let known = lex.slot(atom.id);
                let plural = if plural_like(text, atom) {
                    PLURAL_LIKE
                } else {
                    0
                };
                Tok {
                    start: atom.start,
                    end: atom.end,
                    kind: TokKind::Word,
                    classes: known.classes,
                    entry: known.entry,
                    num: 0,
                    word: known.word,
                    flags: capital | plural,
                }
            }
            Kind::Digits => Tok {
                start: atom.start,
                end: atom.end,
                kind: TokKind::Num,
                classes: 0,
                entry: 0,
                num: atom.num,
                word: NO_WORD,
                flags: 0,
            },
            Kind::Mark => Tok {
                start: atom.start,
                end: atom.end,
                kind: TokKind::Punct(atom.first_char(text)),
                classes: 0,
                entry: 0,
                num: 0,
                word: NO_WORD,
                flags: capital,
            },
        };
        toks.push(tok);
    }
}

/// Whether a word's lower case has four bytes or more and ends in `s` (`projects`, `SMEs`).
fn plural_like(text: &str, atom: &Token) -> bool {
    let word = &text.as_bytes()[atom.start..atom.end];
    // Only `s` and `S` lower-case to a text ending in `s`.
    let ends_in_s = word.last().is_some_and(|b| b | 0x20 == b's');
    if !ends_in_s || word.len() < 4 && atom.has(ASCII) {
        return false;
    }
    atom.has(ASCII) || text[atom.start..atom.end].to_lowercase().len() >= 4
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
