//! The tokenizer every rule shares: words, numbers and symbols with byte spans.
//!
//! A word starts with a letter and runs on through letters and digits (`m2`, `Q1`, `kWh`),
//! joined by an inner hyphen or apostrophe (`medium-sized`, `twenty-nine`). A number is
//! digits with inner `,` or `.` before more digits (`1,074.5`). Anything else is a
//! one-character symbol. White space only separates.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::swar::{load_word16, lower_packed, skip_ascii_alphanumerics, PackedWords};

/// A lower-cased word of the lexicons, numbered, so that phrase tables look tokens up by
/// number instead of hashing their text again in every layer. `UNKNOWN` is every word that
/// no lexicon lists.
pub(crate) type WordId = u32;
pub(crate) const UNKNOWN: WordId = 0;

/// Every token of every cell of the lexicon files, lower-cased, numbered from 1. Words of up
/// to 16 ASCII bytes, which is nearly all of them, are keyed by their bytes packed into an
/// integer, so that looking a token up costs no string hashing or comparison.
struct Vocabulary {
    short: PackedWords,
    long: FxHashMap<String, WordId>,
    /// The numbers of the one-byte tokens (most marks), by byte.
    single: [WordId; 128],
}

impl Vocabulary {
    fn build() -> Self {
        let mut vocabulary = Vocabulary {
            short: PackedWords::new(),
            long: FxHashMap::default(),
            single: [UNKNOWN; 128],
        };
        for file in crate::lexicon::VOCABULARY_FILES {
            for row in file.load(|row| Ok(row.cells().to_vec())) {
                for cell in row {
                    for tok in split(cell, 0..cell.len()) {
                        let word = lower(tok.text(cell));
                        // Numbered in order of first appearance: 1, 2, 3...
                        let id = vocabulary.len() as WordId + 1;
                        match packed(&word) {
                            Some(key) => vocabulary.short.get_or_insert(key, id),
                            None => *vocabulary.long.entry(word.into_owned()).or_insert(id),
                        };
                    }
                }
            }
        }
        for b in 0..128u8 {
            vocabulary.single[usize::from(b)] =
                vocabulary.id_in_maps(char::from(b).encode_utf8(&mut [0; 4]));
        }
        vocabulary
    }

    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The number of a token's text, compared without regard to case.
    #[inline]
    fn id_of(&self, word: &str) -> WordId {
        if let [b] = *word.as_bytes() {
            if let Some(&id) = self.single.get(usize::from(b)) {
                return id;
            }
        }
        self.id_in_maps(word)
    }

    /// `id_of` of `text[span]`: the same number, but a short ASCII word is read in one
    /// load from the text around it rather than copied out byte by byte.
    #[inline]
    fn id_at(&self, text: &str, span: Range<usize>) -> WordId {
        if span.len() >= 2 {
            if let Some(key) = load_word16(text.as_bytes(), span.clone()).and_then(lower_packed) {
                return self.short.get(key);
            }
        }
        self.id_of(&text[span])
    }

    /// `id_of` without the table of one-byte tokens (which it fills).
    fn id_in_maps(&self, word: &str) -> WordId {
        let found = if let Some(key) = packed_lower(word) {
            return self.short.get(key);
        } else if word.is_ascii() {
            self.long.get(word.to_ascii_lowercase().as_str())
        } else {
            let lowered = word.to_lowercase();
            match packed(&lowered) {
                Some(key) => return self.short.get(key),
                None => self.long.get(lowered.as_str()),
            }
        };
        found.copied().unwrap_or(UNKNOWN)
    }
}

/// The bytes of a lower-case ASCII word of at most 16 bytes, as one integer.
fn packed(word: &str) -> Option<u128> {
    (word.len() <= 16 && word.is_ascii()).then(|| {
        let mut buf = [0u8; 16];
        buf[..word.len()].copy_from_slice(word.as_bytes());
        u128::from_le_bytes(buf)
    })
}

/// `packed` of the lower-case form of an ASCII word; `None` for other words.
///
/// All sixteen bytes are tested and lower-cased at once: a loop over the bytes costs a
/// mispredicted branch at the end of nearly every word.
#[inline]
fn packed_lower(word: &str) -> Option<u128> {
    if word.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word.as_bytes());
    lower_packed(u128::from_le_bytes(buf))
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::build);

/// The number of a word (in any case), `UNKNOWN` when no lexicon lists it.
pub(crate) fn word_id(word: &str) -> WordId {
    VOCABULARY.id_of(word)
}

/// One more than the largest `WordId`, for tables indexed by word.
pub(crate) fn vocabulary_size() -> usize {
    VOCABULARY.len() + 1
}

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
    /// The lexicon number of the token's lower-case text.
    pub id: WordId,
    /// A hyphen joins parts of the word (`twenty-nine`, `medium-sized`).
    pub hyphen: bool,
}

impl Tok {
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// Whether the token is a word of `words` (lower-case ASCII), in any ASCII case.
    /// Cheaper than comparing `lower`: no copy, and a word of another length is rejected at
    /// once. (Unlike `lower`, it does not fold the Kelvin sign `K` to `k`.)
    #[inline]
    pub fn is_word_in(self, text: &str, words: &[&str]) -> bool {
        let b = text.as_bytes().get(self.start..self.end).unwrap_or(&[]);
        self.kind == TokKind::Word && words.iter().any(|w| b.eq_ignore_ascii_case(w.as_bytes()))
    }
}

/// Whether token `i` of `toks` is a word of `words` (lower-case ASCII), in any ASCII case.
pub(crate) fn word_is(text: &str, toks: &[Tok], i: usize, words: &[&str]) -> bool {
    toks.get(i).is_some_and(|t| t.is_word_in(text, words))
}

/// Splits `text[range]` into tokens, each with its lexicon number.
pub(crate) fn tokenize(text: &str, range: Range<usize>) -> Vec<Tok> {
    let vocabulary = &*VOCABULARY;
    let mut toks = split(text, range);
    for tok in &mut toks {
        tok.id = vocabulary.id_at(text, tok.start..tok.end);
    }
    toks
}

/// Splits `text[range]` into tokens without numbering them (the vocabulary is built with it).
fn split(text: &str, range: Range<usize>) -> Vec<Tok> {
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
                id: UNKNOWN,
                hyphen: false,
            });
            continue;
        }
        let ch = if b.is_ascii() {
            char::from(b)
        } else {
            text[i..].chars().next().expect("in bounds")
        };
        if ch.is_alphabetic() {
            let start = i;
            let mut hyphen = false;
            i += ch.len_utf8();
            while i < end {
                // Plain ASCII letters and digits, the bulk of every word, without decoding.
                if bytes[i].is_ascii_alphanumeric() {
                    i = skip_ascii_alphanumerics(bytes, i).min(end);
                    if i == end {
                        break;
                    }
                }
                let c = text[i..].chars().next().expect("in bounds");
                if c.is_alphanumeric() {
                    i += c.len_utf8();
                } else if matches!(c, '-' | '\'' | '’') {
                    // Only join when a letter follows: `medium-sized`, not `2024-` or `rise-`.
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
            toks.push(Tok {
                start,
                end: i,
                kind: TokKind::Word,
                id: UNKNOWN,
                hyphen,
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
            id: UNKNOWN,
            hyphen: false,
        });
        i += ch.len_utf8();
    }
    toks
}

/// The lower-case form of a token's text, borrowed when it already is.
pub(crate) fn lower(s: &str) -> Cow<'_, str> {
    // One pass without an early exit: the test costs no mispredicted branch per word.
    let needs_lowering = s.bytes().fold(false, |found, b| {
        found | b.is_ascii_uppercase() | !b.is_ascii()
    });
    if needs_lowering {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn kinds(s: &str) -> Vec<(&str, TokKind)> {
        tokenize(s, 0..s.len())
            .into_iter()
            .map(|t| (t.text(s), t.kind))
            .collect()
    }

    /// Words of the lexicons in any case, words not in them, words over 16 bytes, non-ASCII.
    fn words_and_marks() -> impl proptest::strategy::Strategy<Value = String> {
        let words = proptest::sample::select(vec![
            "Million",
            "TENGE",
            "percent",
            "jobs",
            "Tenge",
            "billion",
            "a",
            "of",
            "KZT",
            "state-owned",
            "twenty-nine",
            "Almaty",
            "investmentsinvestments",
            "ВВП",
            "тенге",
            "Ü",
            "1,074.5",
            "’s",
            "-",
            ",",
            "\u{212A}m",
        ]);
        proptest::collection::vec(words, 0..12).prop_map(|w| w.join(" "))
    }

    proptest::proptest! {
        #[test]
        fn id_at_is_id_of_for_every_token(text in words_and_marks()) {
            for tok in split(&text, 0..text.len()) {
                proptest::prop_assert_eq!(
                    VOCABULARY.id_at(&text, tok.start..tok.end),
                    VOCABULARY.id_of(tok.text(&text)),
                    "{:?}", tok.text(&text)
                );
            }
        }

        #[test]
        fn packed_lower_is_packed_of_the_lower_case_word(word in "[ -~]{0,20}") {
            proptest::prop_assert_eq!(packed_lower(&word), packed(&word.to_ascii_lowercase()));
        }

        #[test]
        fn lower_and_is_word_in_agree(word in "[A-Za-z]{1,8}") {
            let tok = tokenize(&word, 0..word.len())[0];
            let lowered = lower(&word).into_owned();
            proptest::prop_assert_eq!(lowered, word.to_lowercase());
            proptest::prop_assert!(tok.is_word_in(&word, &[word.to_lowercase().as_str()]));
        }
    }

    #[test]
    fn lexicon_words_have_one_number_in_any_case() {
        let text = "Million MILLION million tenge Tenge xyzzy";
        let ids: Vec<WordId> = tokenize(text, 0..text.len()).iter().map(|t| t.id).collect();
        assert_ne!(ids[0], UNKNOWN);
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[1], ids[2]);
        assert_ne!(ids[3], UNKNOWN);
        assert_eq!(ids[3], ids[4]);
        assert_ne!(ids[0], ids[3]);
        assert_eq!(ids[5], UNKNOWN);
        assert_eq!(word_id("tenge"), ids[3]);
        // Non-ASCII words are lower-cased the Unicode way before the lookup.
        assert_ne!(word_id("₸"), UNKNOWN);
        assert_ne!(word_id("m²"), UNKNOWN);
        assert_eq!(word_id("M²"), word_id("m²"));
        assert!(vocabulary_size() > 500);
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
