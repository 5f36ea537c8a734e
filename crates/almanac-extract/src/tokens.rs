//! The one token stream: a document's text cut once into its smallest tokens, each word
//! numbered once (`vocabulary`), and the view of it that the quantity and fact layers read.
//!
//! A stream token is a run of letters (`Letters`: alphabetic characters), a run of ASCII
//! digits (`Digits`), or one other character (`Mark`: punctuation, symbols, and the rare
//! letter-like characters that are not alphabetic, such as `²`). White space separates
//! tokens and is in none. Every layer reads these same tokens and this same numbering,
//! each through a view of its own that joins or flags them:
//!
//! - the quantity and fact layers (`words`, below): a word runs on through digits and
//!   inner hyphens or apostrophes (`m2`, `medium-sized`, `Almaty’s`), a number through inner
//!   `,` and `.` before more digits (`1,074.5`);
//! - the time layer (`times::tokens`): the stream tokens as they are, with their classes
//!   in the time word list;
//! - the entity layer (`entities::doc`): words of letters and digits joined by hyphens
//!   (`Kassym-Jomart`, `COVID-19`), with flags for capitals, sentence starts and line
//!   breaks, and the heads of organisation names standing at each.
//!
//! A token the views join has the number of its own lower-case text, looked up when it is
//! joined; most words are one stream token and keep the number the stream found.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::data;
use crate::numbers::{other_script_digit, ARABIC_DECIMAL, ARABIC_THOUSANDS};
use crate::swar::{leading_ascii_letters, load8, BYTES_01};
use crate::vocabulary::{vocabulary, word_id, Vocabulary, WordId, UNKNOWN};

/// What a stream token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of alphabetic characters.
    Letters,
    /// A run of ASCII digits.
    Digits,
    /// Any other character but white space, alone.
    Mark,
}

/// `Token::flags`: a line break stands among the white space before the token.
pub(crate) const NEWLINE_BEFORE: u8 = 1;
/// `Token::flags`: the token's first character is upper case.
pub(crate) const CAPITAL: u8 = 2;
/// `Token::flags`: every byte of the token is ASCII.
pub(crate) const ASCII: u8 = 4;
/// `Token::flags`: the token is alphanumeric: letters, digits, or a mark such as `²`.
pub(crate) const ALNUM: u8 = 8;

/// One token of the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// The number of the token's lower-case text; `UNKNOWN` for numbers.
    pub id: WordId,
    pub kind: Kind,
    /// `NEWLINE_BEFORE`, `CAPITAL`, `ASCII`, `ALNUM`.
    pub flags: u8,
    /// The value of a run of at most four digits (0 for longer runs and other tokens).
    pub num: u16,
}

impl Token {
    pub fn has(self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// The character of a `Mark` (the first character of any token).
    pub fn first_char(self, text: &str) -> char {
        match text.as_bytes()[self.start] {
            b if b < 0x80 => char::from(b),
            _ => text[self.start..].chars().next().unwrap_or('\u{fffd}'),
        }
    }
}

/// The stream tokens of `text[range]`, each word numbered. `range` must lie on character
/// boundaries; a paragraph's tokens are the slice of its document's that lies inside it.
pub(crate) fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    scan(text, range, Some(vocabulary()))
}

/// The stream tokens of a whole text, unnumbered: for building the vocabulary itself.
pub(crate) fn tokenize_unnumbered(text: &str) -> Vec<Token> {
    scan(text, 0..text.len(), None)
}

/// The tokens of `atoms` that lie inside `range` (a slice of a text's stream).
pub(crate) fn inside(atoms: &[Token], range: Range<usize>) -> &[Token] {
    let first = atoms.partition_point(|t| t.start < range.start);
    let end = atoms.partition_point(|t| t.end <= range.end);
    &atoms[first..end.max(first)]
}

/// How a byte starts a token (`BYTE_CLASS`): the ASCII bytes as the scanner reads them,
/// every other byte as the start of a character to decode.
const SPACE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const SYMBOL: u8 = 3;
const NON_ASCII: u8 = 4;

const BYTE_CLASS: [u8; 256] = {
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
/// zeros: one half of a packed word.
#[inline]
fn lower_letters(chunk: u64, len: usize) -> u64 {
    match len {
        0 => 0,
        // Every byte is an ASCII letter: setting its bit 5 makes it lower case.
        _ => (chunk | (BYTES_01 * 0x20)) & (u64::MAX >> (8 * (8 - len.min(8)))),
    }
}

/// The character at byte `pos` of `text[..end]` and its length.
#[inline]
fn char_at(text: &str, pos: usize, end: usize) -> Option<(char, usize)> {
    let ch = text.get(pos..end)?.chars().next()?;
    Some((ch, ch.len_utf8()))
}

fn scan(text: &str, range: Range<usize>, vocabulary: Option<&Vocabulary>) -> Vec<Token> {
    let bytes = text.as_bytes();
    let end = range.end.min(text.len());
    let mut toks = Vec::with_capacity((end.saturating_sub(range.start)) / 4 + 8);
    let mut pos = range.start;
    let mut newline = 0;
    while pos < end {
        let start = pos;
        let b = bytes[pos];
        let mut tok = match BYTE_CLASS[usize::from(b)] {
            SPACE => {
                if b == b'\n' {
                    newline = NEWLINE_BEFORE;
                }
                pos += 1;
                continue;
            }
            LETTER => {
                let (tok, next) = ascii_letters(text, start, end, vocabulary);
                pos = next;
                // The space after a word, without another turn of the loop.
                if pos < end && bytes[pos] == b' ' {
                    pos += 1;
                }
                tok
            }
            DIGIT => {
                pos = start + 1;
                while pos < end && bytes[pos].is_ascii_digit() {
                    pos += 1;
                }
                let num = match pos - start {
                    ..=4 => bytes[start..pos]
                        .iter()
                        .fold(0, |n, &d| n * 10 + u16::from(d - b'0')),
                    _ => 0,
                };
                Token {
                    start,
                    end: pos,
                    id: UNKNOWN,
                    kind: Kind::Digits,
                    flags: ASCII | ALNUM,
                    num,
                }
            }
            SYMBOL => {
                pos += 1;
                Token {
                    start,
                    end: pos,
                    id: vocabulary.map_or(UNKNOWN, |v| v.id_of_byte(b)),
                    kind: Kind::Mark,
                    flags: ASCII,
                    num: 0,
                }
            }
            _ => {
                let Some((ch, len)) = char_at(text, pos, end) else {
                    break;
                };
                if ch.is_whitespace() {
                    pos += len;
                    continue;
                }
                if is_alphabetic(ch) {
                    let (tok, next) = letters(text, start, start, end, vocabulary);
                    pos = next;
                    tok
                } else {
                    pos += len;
                    let mut flags = 0;
                    if ch.is_uppercase() {
                        flags |= CAPITAL;
                    }
                    if ch.is_alphanumeric() {
                        flags |= ALNUM;
                    }
                    Token {
                        start,
                        end: pos,
                        id: vocabulary.map_or(UNKNOWN, |v| v.id_of(&text[start..pos])),
                        kind: Kind::Mark,
                        flags,
                        num: 0,
                    }
                }
            }
        };
        tok.flags |= newline;
        newline = 0;
        toks.push(tok);
    }
    toks
}

/// The run of letters starting with the ASCII letter at `start`, and where it ends.
#[inline]
fn ascii_letters(
    text: &str,
    start: usize,
    end: usize,
    vocabulary: Option<&Vocabulary>,
) -> (Token, usize) {
    let bytes = text.as_bytes();
    // Most words are read 8 bytes at a time: their letters counted and the word packed for
    // the lookup from the same numbers.
    let Some(first) = load8(bytes, start) else {
        return letters(text, start, start + 1, end, vocabulary);
    };
    let mut len = leading_ascii_letters(first);
    let mut second = 0;
    if len == 8 {
        let Some(next) = load8(bytes, start + 8) else {
            return letters(text, start, (start + 8).min(end), end, vocabulary);
        };
        second = next;
        len += leading_ascii_letters(next);
    }
    let len = len.min(end - start);
    let pos = start + len;
    if len == 16 || (pos < end && bytes[pos] >= 0x80) {
        // A longer word, or one going on with other letters.
        return letters(text, start, pos, end, vocabulary);
    }
    let key = u128::from(lower_letters(first, len))
        | u128::from(lower_letters(second, len.saturating_sub(8))) << 64;
    let mut flags = ASCII | ALNUM;
    if bytes[start].is_ascii_uppercase() {
        flags |= CAPITAL;
    }
    let tok = Token {
        start,
        end: pos,
        id: vocabulary.map_or(UNKNOWN, |v| v.id_packed(key)),
        kind: Kind::Letters,
        flags,
        num: 0,
    };
    (tok, pos)
}

/// The run of letters of `text[start..]` whose letters go on at `pos`, and where it ends.
/// Reads every run; `ascii_letters` is the short way for most of them.
#[cold]
fn letters(
    text: &str,
    start: usize,
    mut pos: usize,
    end: usize,
    vocabulary: Option<&Vocabulary>,
) -> (Token, usize) {
    let bytes = text.as_bytes();
    if pos == start {
        pos += char_at(text, pos, end).map_or(1, |(_, len)| len);
    }
    loop {
        // ASCII and Russian letters are told from their bytes; any other character is
        // decoded.
        while pos < end {
            if bytes[pos].is_ascii_alphabetic() {
                pos += 1;
            } else if pos + 2 <= end && is_russian_letter_bytes(bytes[pos], bytes[pos + 1]) {
                pos += 2;
            } else {
                break;
            }
        }
        if pos >= end || bytes[pos] < 0x80 {
            break;
        }
        match char_at(text, pos, end) {
            Some((next, len)) if is_alphabetic(next) => pos += len,
            _ => break,
        }
    }
    let word = &text[start..pos];
    let mut flags = ALNUM;
    if word.is_ascii() {
        flags |= ASCII;
    }
    if word.chars().next().is_some_and(is_uppercase) {
        flags |= CAPITAL;
    }
    let tok = Token {
        start,
        end: pos,
        id: vocabulary.map_or(UNKNOWN, |v| v.id_at(text, start..pos)),
        kind: Kind::Letters,
        flags,
        num: 0,
    };
    (tok, pos)
}

// ---------------------------------------------------------------------------------------
// The view of the quantity and fact layers

/// What a token of the quantity and fact layers is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Num,
    Sym,
}

/// A token of the quantity and fact layers: a word, a number or a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// The number of the token's lower-case text (`UNKNOWN` for numbers).
    pub id: WordId,
    /// A hyphen joins parts of the word (`twenty-nine`, `medium-sized`).
    pub hyphen: bool,
}

impl Tok {
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// Whether the token is a word of `words` (in lower case), in any case. Cheaper than
    /// comparing `lower`: no copy, and an ASCII word of another length is rejected at once; a
    /// word that opens with a letter outside ASCII (`Рост`) is lowered only when a word of
    /// the list has its length. (Unlike
    /// `lower`, it does not fold the Kelvin sign `K` to `k`.)
    #[inline(always)]
    pub fn is_word_in(self, text: &str, words: &[&str]) -> bool {
        let b = text.as_bytes().get(self.start..self.end).unwrap_or(&[]);
        self.kind == TokKind::Word
            && (words.iter().any(|w| b.eq_ignore_ascii_case(w.as_bytes()))
                // `Рост составил 8%`: a Russian word opening its sentence is still the word.
                || b.first().is_some_and(|&c| c >= 0x80) && non_ascii_word_in(text, self, words))
    }
}

/// The rest of [`Tok::is_word_in`] for a word that opens outside ASCII, kept out of line:
/// the test is on the hot path of every rule.
#[cold]
#[inline(never)]
fn non_ascii_word_in(text: &str, tok: Tok, words: &[&str]) -> bool {
    let word = text.get(tok.start..tok.end).unwrap_or("");
    // A Cyrillic letter takes two bytes in either case: a word of another length is no match,
    // and the word is lowered only when one of the list may be it.
    let mut candidates = words
        .iter()
        .filter(|w| w.len() == word.len() && !w.is_ascii())
        .peekable();
    if candidates.peek().is_none() {
        return false;
    }
    let lowered = lower(word);
    candidates.any(|w| *w == lowered)
}

/// Whether token `i` of `toks` is a word of `words` (in lower case), in any case. Inlined so
/// that each call site's constant list is compared as constants.
#[inline(always)]
pub(crate) fn word_is(text: &str, toks: &[Tok], i: usize, words: &[&str]) -> bool {
    toks.get(i).is_some_and(|t| t.is_word_in(text, words))
}

/// The words, numbers and symbols of a stretch of `text`'s stream.
///
/// A word starts with letters and runs on through letters and digits (`m2`, `Q1`, `kWh`),
/// joined by an inner hyphen or apostrophe before more letters (`medium-sized`,
/// `twenty-nine`). A number is digits with inner `,` or `.` before more digits
/// (`1,074.5`). Any other mark is a symbol of its own.
pub(crate) fn words(text: &str, atoms: &[Token]) -> Vec<Tok> {
    join_words(text, atoms, Some(vocabulary()))
}

/// `words` of a whole short text (a phrase of a word list), numbered.
pub(crate) fn words_of(text: &str) -> Vec<Tok> {
    words(text, &tokenize(text, 0..text.len()))
}

/// `words` of a whole text, unnumbered: for building the vocabulary itself.
pub(crate) fn words_unnumbered(text: &str) -> Vec<Tok> {
    join_words(text, &tokenize_unnumbered(text), None)
}

fn join_words(text: &str, atoms: &[Token], vocabulary: Option<&Vocabulary>) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(atoms.len());
    let glued = |a: usize, b: usize| atoms[a].end == atoms[b].start;
    let is_mark = |k: usize, marks: &[u8]| {
        atoms[k].kind == Kind::Mark
            && atoms[k].end - atoms[k].start == 1
            && marks.contains(&text.as_bytes()[atoms[k].start])
    };
    let mut k = 0;
    while k < atoms.len() {
        let atom = atoms[k];
        let mut last = k;
        let mut hyphen = false;
        let kind = match atom.kind {
            Kind::Letters => {
                loop {
                    let n = last + 1;
                    if n >= atoms.len() || !glued(last, n) {
                        break;
                    }
                    if atoms[n].has(ALNUM) {
                        // `EUR50m`, `$US5,000`: a currency code glued to its number.
                        if last == k
                            && vocabulary.is_some()
                            && is_digit(text, atoms[n])
                            && GLUED_CURRENCIES.contains(&atom.id)
                        {
                            break;
                        }
                        last = n;
                    } else if n + 1 < atoms.len()
                        && glued(n, n + 1)
                        && atoms[n + 1].kind == Kind::Letters
                        && (is_mark(n, b"-'") || atoms[n].first_char(text) == '’')
                    {
                        hyphen |= is_mark(n, b"-");
                        last = n + 1;
                    } else {
                        break;
                    }
                }
                TokKind::Word
            }
            Kind::Digits => {
                last = number_end(text, atoms, k);
                TokKind::Num
            }
            Kind::Mark if is_digit(text, atom) => {
                last = number_end(text, atoms, k);
                TokKind::Num
            }
            Kind::Mark => TokKind::Sym,
        };
        let end = atoms[last].end;
        let id = match (kind, vocabulary) {
            (TokKind::Num, _) | (_, None) => UNKNOWN,
            _ if last == k => atom.id,
            (_, Some(v)) => v.id_at(text, atom.start..end),
        };
        toks.push(Tok {
            start: atom.start,
            end,
            kind,
            id,
            hyphen,
        });
        k = last + 1;
    }
    toks
}

/// The words that are a currency written before its number, or the last word of one
/// (`eur`, `rm`, `us` of `$US`): glued to digits (`EUR50m`) they end before them.
static GLUED_CURRENCIES: LazyLock<FxHashSet<WordId>> = LazyLock::new(|| {
    data::CURRENCIES
        .load(|r| Ok((r.get(0), r.get(2))))
        .into_iter()
        .filter(|&(_, position)| position != "after")
        .filter_map(|(form, _)| {
            let last = *words_unnumbered(form).last()?;
            (last.kind == TokKind::Word).then(|| word_id(last.text(form)))
        })
        .filter(|&id| id != UNKNOWN)
        .collect()
});

/// Whether a stream token is a digit: a run of ASCII digits, or one digit of another
/// script (`٣`, `５`), which the stream leaves as a mark of its own.
fn is_digit(text: &str, atom: Token) -> bool {
    match atom.kind {
        Kind::Digits => true,
        Kind::Mark => atom.has(ALNUM) && other_script_digit(atom.first_char(text)).is_some(),
        Kind::Letters => false,
    }
}

/// The last stream token of the number starting at digits `k`: digits joined by `.` and
/// `,` (and the Arabic `٫` and `٬`). A comma joins only as a number writes it: before
/// groups of three digits (`1,074,000`), in the Indian grouping (`1,20,000`), or once
/// before one or two decimals (`3,5`); `1,2,3,4` is a list of four numbers, and so is
/// every number of it after a comma.
fn number_end(text: &str, atoms: &[Token], k: usize) -> usize {
    let glued = |a: usize, b: usize| atoms[a].end == atoms[b].start;
    let separator = |i: usize| match atoms[i].kind {
        Kind::Mark => match atoms[i].first_char(text) {
            '.' | ARABIC_DECIMAL => Some(false),
            ',' | ARABIC_THOUSANDS => Some(true),
            _ => None,
        },
        _ => None,
    };
    // The last token of the run of digits at `i` and its number of digits.
    let run = |i: usize| {
        let (mut last, mut n_digits) = (i, 0);
        loop {
            n_digits += match atoms[last].kind {
                Kind::Digits => atoms[last].end - atoms[last].start,
                _ => 1,
            };
            if last + 1 < atoms.len() && glued(last, last + 1) && is_digit(text, atoms[last + 1]) {
                last += 1;
            } else {
                return (last, n_digits);
            }
        }
    };
    let in_list = k >= 2
        && separator(k - 1) == Some(true)
        && glued(k - 1, k)
        && glued(k - 2, k - 1)
        && is_digit(text, atoms[k - 2]);
    let (first_last, first_digits) = run(k);
    // The separator after run `at` and the run after it: (is a comma, its last token, its
    // number of digits).
    let piece = |at: usize| {
        if at + 2 < atoms.len()
            && glued(at, at + 1)
            && glued(at + 1, at + 2)
            && is_digit(text, atoms[at + 2])
        {
            let comma = separator(at + 1)?;
            let (last, n_digits) = run(at + 2);
            return Some((comma, last, n_digits));
        }
        None
    };
    // What the commas are followed by: all groups of three; the Indian grouping, pairs and
    // then a last three; or one comma before one or two decimals.
    let (mut n_commas, mut all_three, mut pairs_then_three) = (0, true, first_digits <= 2);
    let mut last_comma_digits = 0;
    let (mut at, mut end) = (first_last, first_last);
    while let Some((comma, last, n_digits)) = piece(at) {
        if comma {
            if n_commas > 0 && last_comma_digits != 2 {
                pairs_then_three = false;
            }
            n_commas += 1;
            all_three &= n_digits == 3;
            last_comma_digits = n_digits;
        }
        at = last;
        end = last;
    }
    let commas_valid = !in_list
        && (all_three
            || (n_commas == 1 && last_comma_digits <= 2)
            || (n_commas >= 2 && pairs_then_three && last_comma_digits == 3));
    if commas_valid {
        return end;
    }
    // Up to the first comma.
    let mut at = first_last;
    while let Some((false, last, _)) = piece(at) {
        at = last;
    }
    at
}

/// The word right before byte `pos` of `text`, in lower case, without the marks around it
/// (`from`, `(against` -> `against`). Only the 64 bytes before `pos` are read: the words it
/// is asked for are short, and a text without spaces costs no more than one with.
pub(crate) fn word_before(text: &str, pos: usize) -> Option<String> {
    text[text.floor_char_boundary(pos.saturating_sub(64))..pos]
        .split_whitespace()
        .next_back()
        .map(|w| lower(w.trim_matches(|c: char| !c.is_alphanumeric())).into_owned())
}

/// The lower-case form of a token's text, borrowed when it already is.
pub(crate) fn lower(s: &str) -> Cow<'_, str> {
    // One pass without an early exit: the test costs no mispredicted branch per word.
    let needs_lowering = s.bytes().fold(false, |found, b| {
        found | b.is_ascii_uppercase() | !b.is_ascii()
    });
    if needs_lowering && !is_small_russian(s.as_bytes()) {
        Cow::Owned(to_lowercase(s))
    } else {
        Cow::Borrowed(s)
    }
}

/// `lower`, with `ё` read as `е` as most Russian texts write it; borrowed when the word
/// is so already, as most are: the word lists compare words in this form, and a copy of
/// each word read made most of the time of the Russian rules that read a sentence's words.
pub(crate) fn plain_lower(s: &str) -> Cow<'_, str> {
    let w = lower(s);
    if w.as_bytes().windows(2).any(|p| p == "ё".as_bytes()) {
        Cow::Owned(w.replace('ё', "е"))
    } else {
        w
    }
}

/// Whether `bytes` are ASCII without capitals and small Russian letters only: most Russian
/// words, which are then their own lower case and need no copy.
fn is_small_russian(bytes: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match (b, bytes.get(i + 1).copied().unwrap_or(0)) {
            (0..=0x7F, _) if !b.is_ascii_uppercase() => i += 1,
            // `а`–`п`; `р`–`я` and `ё`.
            (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x8F | 0x91) => i += 2,
            _ => return false,
        }
    }
    true
}

/// `str::to_lowercase`, the short way for ASCII and the Russian alphabet, whose capitals
/// are each one character from their small letter: the standard library looks every
/// non-ASCII character up in its tables, which made lower-casing most of the time of a
/// Russian text. A Russian letter is two bytes read straight from the bytes, without
/// decoding the character.
pub(crate) fn to_lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        // The code point of a two-byte character.
        let code = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
        let small = match (b, next) {
            (0..=0x7F, _) => {
                out.push(char::from(b.to_ascii_lowercase()));
                i += 1;
                continue;
            }
            // `А`–`Я`; `Ё`.
            (0xD0, 0x90..=0xAF) => code + 0x20,
            (0xD0, 0x81) => u32::from('ё'),
            // Small letters already.
            (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x8F | 0x91) => code,
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                if !is_caseless_mark(c) {
                    // Any other character: the whole text the standard way, which also
                    // knows the final sigma, whose form depends on the letters around it.
                    return s.to_lowercase();
                }
                out.push(c);
                i += c.len_utf8();
                continue;
            }
        };
        out.push(char::from_u32(small).unwrap_or(char::REPLACEMENT_CHARACTER));
        i += 2;
    }
    out
}

/// The marks Russian typography uses, which have no case: the no-break space, « », dashes
/// and quotes, `№`, currency signs (`₸`).
fn is_caseless_mark(c: char) -> bool {
    matches!(c, '\u{a0}'..='\u{bf}' | '\u{2000}'..='\u{206f}' | '\u{20a0}'..='\u{20cf}' | '№')
}

/// `char::is_alphanumeric`, the short way for the Russian alphabet.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_russian_letter(c) || c.is_alphanumeric()
    }
}

/// `char::is_alphabetic`, the short way for the Russian alphabet.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_russian_letter(c) || c.is_alphabetic()
    }
}

/// `char::is_uppercase`, the short way for the Russian alphabet.
#[inline]
pub(crate) fn is_uppercase(c: char) -> bool {
    match c {
        'А'..='Я' | 'Ё' => true,
        'а'..='я' | 'ё' => false,
        _ => c.is_uppercase(),
    }
}

#[inline]
fn is_russian_letter(c: char) -> bool {
    matches!(c, 'А'..='я' | 'Ё' | 'ё')
}

/// `is_russian_letter` of the character whose UTF-8 begins with bytes `a`, `b`.
#[inline]
fn is_russian_letter_bytes(a: u8, b: u8) -> bool {
    matches!(
        (a, b),
        (0xD0, 0x81 | 0x90..=0xBF) | (0xD1, 0x80..=0x8F | 0x91)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The short ways give what the standard library gives, for Russian, its marks and
        /// any other text.
        #[test]
        fn short_ways_agree_with_the_standard_library(
            s in "([А-яЁё]{1,8}|[A-Za-z]{1,4}|[\u{a0}-\u{bf}«»–—№₸ ,.]|\\PC){0,12}"
        ) {
            proptest::prop_assert_eq!(to_lowercase(&s), s.to_lowercase());
            for c in s.chars() {
                proptest::prop_assert_eq!(is_alphanumeric(c), c.is_alphanumeric());
                proptest::prop_assert_eq!(is_alphabetic(c), c.is_alphabetic());
                proptest::prop_assert_eq!(is_uppercase(c), c.is_uppercase());
            }
        }
    }

    #[test]
    fn caseless_marks_have_no_case() {
        for c in ('\u{a0}'..='\u{bf}')
            .chain('\u{2000}'..='\u{206f}')
            .chain('\u{20a0}'..='\u{20cf}')
        {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
        }
        assert_eq!(to_lowercase("ΟΔΟΣ «Ёлка»"), "οδος «ёлка»");
        assert_eq!(
            to_lowercase("СЭЗ «ХИМПАРК» – 5 МЛРД ₸"),
            "сэз «химпарк» – 5 млрд ₸"
        );
    }
    use crate::swar::leading_ascii_letters;
    use crate::vocabulary::word_id;

    fn kinds(s: &str) -> Vec<(&str, TokKind)> {
        words_of(s)
            .into_iter()
            .map(|t| (t.text(s), t.kind))
            .collect()
    }

    fn stream(s: &str) -> Vec<(&str, Kind)> {
        tokenize(s, 0..s.len())
            .into_iter()
            .map(|t| (&s[t.start..t.end], t.kind))
            .collect()
    }

    /// The tokenizer of the quantity layer before the stream, kept as the reference the
    /// view must agree with: words, numbers and symbols read straight from the bytes.
    fn reference_words(text: &str) -> Vec<(usize, usize, TokKind, bool)> {
        let mut toks = Vec::new();
        let bytes = text.as_bytes();
        let (mut i, end) = (0, text.len());
        while i < end {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let ch = text[i..].chars().next().unwrap();
            if is_reference_digit(ch) {
                let start = i;
                i = reference_number_end(text, start);
                toks.push((start, i, TokKind::Num, false));
                continue;
            }
            let ch = text[i..].chars().next().unwrap();
            if ch.is_alphabetic() {
                let start = i;
                let mut hyphen = false;
                i += ch.len_utf8();
                while i < end {
                    let c = text[i..].chars().next().unwrap();
                    let letters_so_far = text[start..i].chars().all(char::is_alphabetic);
                    if is_reference_digit(c)
                        && letters_so_far
                        && GLUED_CURRENCIES.contains(&word_id(&text[start..i]))
                    {
                        break;
                    }
                    if c.is_alphanumeric() {
                        i += c.len_utf8();
                    } else if matches!(c, '-' | '\'' | '’') {
                        let after = i + c.len_utf8();
                        match text[after..end].chars().next() {
                            Some(n) if n.is_alphabetic() => {
                                hyphen |= c == '-';
                                i = after + n.len_utf8();
                            }
                            _ => break,
                        }
                    } else {
                        break;
                    }
                }
                toks.push((start, i, TokKind::Word, hyphen));
                continue;
            }
            if ch.is_whitespace() {
                i += ch.len_utf8();
                continue;
            }
            toks.push((i, i + ch.len_utf8(), TokKind::Sym, false));
            i += ch.len_utf8();
        }
        toks
    }

    fn is_reference_digit(c: char) -> bool {
        c.is_ascii_digit() || other_script_digit(c).is_some()
    }

    /// The end of the number at `start`, read from its characters: digits of any script
    /// joined by separators, a comma only where numbers put one.
    fn reference_number_end(text: &str, start: usize) -> usize {
        let chars: Vec<(usize, char)> = text[start..]
            .char_indices()
            .map(|(offset, c)| (start + offset, c))
            .collect();
        // "1,074.5": runs [(1 digit, ends at 1), (3, 5), (1, 7)], separators [',', '.'].
        let (mut runs, mut separators) = (Vec::new(), Vec::new());
        let mut p = 0;
        loop {
            let n_digits = chars[p..]
                .iter()
                .take_while(|(_, c)| is_reference_digit(*c))
                .count();
            p += n_digits;
            runs.push((n_digits, chars.get(p).map_or(text.len(), |c| c.0)));
            if p + 1 < chars.len()
                && matches!(chars[p].1, ',' | '.' | '\u{66B}' | '\u{66C}')
                && is_reference_digit(chars[p + 1].1)
            {
                separators.push(chars[p].1);
                p += 1;
            } else {
                break;
            }
        }
        let is_comma = |c: char| c == ',' || c == '\u{66C}';
        let before: Vec<char> = text[..start].chars().rev().take(2).collect();
        let in_list = before.len() == 2 && is_comma(before[0]) && is_reference_digit(before[1]);
        let groups: Vec<usize> = separators
            .iter()
            .zip(&runs[1..])
            .filter(|(s, _)| is_comma(**s))
            .map(|(_, run)| run.0)
            .collect();
        let valid = !in_list
            && (groups.iter().all(|&n| n == 3)
                || (groups.len() == 1 && groups[0] <= 2)
                || (groups.len() >= 2
                    && runs[0].0 <= 2
                    && groups[..groups.len() - 1].iter().all(|&n| n == 2)
                    && groups[groups.len() - 1] == 3));
        let taken = if valid {
            separators.len()
        } else {
            separators.iter().take_while(|s| !is_comma(**s)).count()
        };
        runs[taken].1
    }

    proptest::proptest! {
        #[test]
        fn the_word_view_reads_as_the_quantity_tokenizer_did(
            text in "[a-zA-Z0-9 ,.'’\\-²٣٬Üü$€₸\n\t\u{a0}\u{212A}К]{0,40}|(US|eur|Rm|[a-z]{1,3})?[0-9٣５,.]{1,12}"
        ) {
            let view: Vec<_> = words_of(&text)
                .into_iter()
                .map(|t| (t.start, t.end, t.kind, t.hyphen))
                .collect();
            proptest::prop_assert_eq!(view, reference_words(&text));
        }

        #[test]
        fn every_word_has_the_number_of_its_text(
            text in "[a-zA-Z0-9 ,.'’\\-²$₸\u{212A}]{0,40}"
        ) {
            for tok in words_of(&text) {
                let expected = match tok.kind {
                    TokKind::Num => UNKNOWN,
                    _ => word_id(tok.text(&text)),
                };
                proptest::prop_assert_eq!(tok.id, expected, "{:?}", tok.text(&text));
            }
        }

        #[test]
        fn a_cyrillic_word_is_in_a_list_in_any_case(word in "[А-Яа-яЁё]{1,8}") {
            let tok = words_of(&word)[0];
            let lowered = word.to_lowercase();
            proptest::prop_assert!(tok.is_word_in(&word, &["рост", lowered.as_str()]));
            let longer = format!("{lowered}я");
            proptest::prop_assert!(!tok.is_word_in(&word, &[longer.as_str()]));
        }

        #[test]
        fn lower_and_is_word_in_agree(word in "[A-Za-z]{1,8}") {
            let tok = words_of(&word)[0];
            let lowered = lower(&word).into_owned();
            proptest::prop_assert_eq!(lowered, word.to_lowercase());
            proptest::prop_assert!(tok.is_word_in(&word, &[word.to_lowercase().as_str()]));
        }

        #[test]
        fn a_paragraph_is_a_slice_of_its_documents_stream(
            text in "[a-zA-Z0-9 ,.\\-#\n]{0,60}", cut in 0usize..60
        ) {
            // Cut at a white space, as paragraphs are: the stream of the part is the part
            // of the stream.
            let cut = cut.min(text.len());
            if cut == text.len() || text.as_bytes()[cut] == b' ' || text.as_bytes()[cut] == b'\n' {
                let whole = tokenize(&text, 0..text.len());
                proptest::prop_assert_eq!(inside(&whole, 0..cut), &tokenize(&text, 0..cut)[..]);
            }
        }
    }

    #[test]
    fn byte_classes_agree_with_char() {
        for b in 0..128u8 {
            let ch = char::from(b);
            let want = if ch.is_whitespace() {
                SPACE
            } else if ch.is_alphabetic() {
                LETTER
            } else if ch.is_ascii_digit() {
                DIGIT
            } else {
                SYMBOL
            };
            assert_eq!(BYTE_CLASS[usize::from(b)], want, "{b:#x}");
        }
    }

    #[test]
    fn leading_letters_are_counted_as_bytes_would_be() {
        // Every byte value at every position, after a run of letters.
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"AbcdEfgh";
                chunk[at] = b;
                let want = chunk.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                assert_eq!(
                    leading_ascii_letters(u64::from_le_bytes(chunk)),
                    want,
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn the_stream_cuts_letters_digits_and_marks() {
        use Kind::*;
        assert_eq!(
            stream("US$110 m² Q1-Q3, 1,074.5"),
            vec![
                ("US", Letters),
                ("$", Mark),
                ("110", Digits),
                ("m", Letters),
                ("²", Mark),
                ("Q", Letters),
                ("1", Digits),
                ("-", Mark),
                ("Q", Letters),
                ("3", Digits),
                (",", Mark),
                ("1", Digits),
                (",", Mark),
                ("074", Digits),
                (".", Mark),
                ("5", Digits),
            ]
        );
        let toks = tokenize("Almaty\n\nregion 2021", 0..19);
        assert!(!toks[0].has(NEWLINE_BEFORE) && toks[0].has(CAPITAL));
        assert!(toks[1].has(NEWLINE_BEFORE) && !toks[1].has(CAPITAL));
        assert_eq!(toks[2].num, 2021);
        assert_eq!(toks[1].id, word_id("region"));
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
