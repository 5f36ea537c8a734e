//! The entity layer's view of a document: its tokens with the flags the passes ask about
//! (word, capitalised, sentence-initial, spaced, stop word, quote) and the heads standing
//! at each token, found once.

use std::ops::Range;

use crate::tokens::{tokenize_unnumbered, Kind, Token, ALNUM, ASCII, CAPITAL, NEWLINE_BEFORE};
use crate::vocabulary::{vocabulary, WordId, UNKNOWN};

use super::lexicon::{
    Lexicon, F_CONNECTOR, F_HEAD_FIRST, F_ROLE_FIRST, F_STOP_FORM, F_STOP_SMALL, W_S,
};

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The number of the token's lower-case form (`crate::vocabulary`).
    pub(super) id: WordId,
    /// `T_*` flags.
    pub(super) flags: u16,
}

/// A word or mark of the entity layer, joined from the token stream.
#[derive(Debug, Clone)]
pub(super) struct Joined {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) word: bool,
    /// All its characters are ASCII.
    pub(super) ascii: bool,
    /// A line break stands between it and the token before.
    pub(super) newline: bool,
    /// A hyphen joins two of its parts.
    pub(super) hyphen: bool,
    /// Its first character is upper case.
    pub(super) capital: bool,
    /// The stream tokens it is made of.
    pub(super) atoms: Range<usize>,
}

/// The entity layer's tokens over a stretch of the stream: a word is letters and digits
/// (`Almaty`, `2021`, `5th`), joined by a hyphen before more of them (`Kassym-Jomart`,
/// `Ust-Kamenogorsk`, `COVID-19`); any other mark stands alone.
pub(super) fn join<'a>(text: &'a str, atoms: &'a [Token]) -> impl Iterator<Item = Joined> + 'a {
    let bytes = text.as_bytes();
    let mut k = 0;
    std::iter::from_fn(move || {
        let first = *atoms.get(k)?;
        let word = first.has(ALNUM);
        let mut last = k;
        let mut hyphen = false;
        let mut ascii = first.has(ASCII);
        if word {
            while let Some(next) = atoms.get(last + 1) {
                if atoms[last].end != next.start {
                    break;
                }
                if next.has(ALNUM) {
                    ascii &= next.has(ASCII);
                    last += 1;
                } else if next.kind == Kind::Mark
                    && bytes[next.start] == b'-'
                    && atoms
                        .get(last + 2)
                        .is_some_and(|after| after.start == next.end && after.has(ALNUM))
                {
                    hyphen = true;
                    ascii &= atoms[last + 2].has(ASCII);
                    last += 2;
                } else {
                    break;
                }
            }
        }
        let joined = Joined {
            start: first.start,
            end: atoms[last].end,
            word,
            ascii,
            newline: first.has(NEWLINE_BEFORE),
            hyphen,
            capital: first.has(CAPITAL),
            atoms: k..last + 1,
        };
        k = last + 1;
        Some(joined)
    })
}

/// The words and marks of a phrase of the word lists, as the entity layer cuts text.
pub(super) fn phrase_words(phrase: &str) -> Vec<&str> {
    join(phrase, &tokenize_unnumbered(phrase))
        .map(|t| &phrase[t.start..t.end])
        .collect()
}

// What `Tok::flags` says of a token.
/// In lower case, a connector (`of`, `and`): `F_CONNECTOR`.
pub(super) const T_CONNECTOR: u16 = F_CONNECTOR as u16;
/// In lower case, the first word of a role: `F_ROLE_FIRST`.
pub(super) const T_ROLE_FIRST: u16 = F_ROLE_FIRST as u16;
pub(super) const T_WORD: u16 = 1 << 2;
/// A word beginning with a capital letter.
pub(super) const T_CAP: u16 = 1 << 3;
/// The first word of a sentence (or of a line, or after a dateline dash).
pub(super) const T_INITIAL: u16 = 1 << 4;
/// Only white space (no line break) between the token and the next one.
pub(super) const T_SPACED: u16 = 1 << 5;
/// A stop word (`data/entity_words.tsv`), as written.
pub(super) const T_STOP: u16 = 1 << 6;
pub(super) const T_QUOTE: u16 = 1 << 7;
pub(super) const T_ASCII: u16 = 1 << 8;
/// A one-word capitalised head stands here (`LLP`, `University`): not part of a name.
pub(super) const T_HEAD_WORD: u16 = 1 << 9;
/// A word with a hyphen inside (`Almaty-based`).
pub(super) const T_HYPHEN: u16 = 1 << 10;

pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) toks: Vec<Tok>,
    /// The heads standing at each token (`heads_at`): indices into `lex.heads` in
    /// `head_list[head_from[i]..head_from[i + 1]]`, longest first.
    pub(super) head_from: Vec<u32>,
    pub(super) head_list: Vec<u16>,
}

impl<'a> Doc<'a> {
    /// The view of `text`'s token stream (`atoms`, the whole text's) given its sentences.
    pub(super) fn new(
        lex: &Lexicon,
        text: &'a str,
        atoms: &[Token],
        sentences: &[Range<usize>],
    ) -> Doc<'a> {
        let vocabulary = vocabulary();
        let mut starts: Vec<usize> = sentences.iter().map(|r| r.start).collect();
        starts.sort_unstable();
        let mut toks: Vec<Tok> = Vec::with_capacity(atoms.len());
        let mut after_break = true;
        // The sentence starts not yet passed (tokens come in text order).
        let mut next_start = 0;
        for t in join(text, atoms) {
            // A token of one stream token has the number the stream found.
            let id = if t.atoms.len() == 1 {
                atoms[t.atoms.start].id
            } else {
                vocabulary.id_at(text, t.start..t.end)
            };
            let word_flags = lex.word_flags(id);
            let mut f = u16::from(word_flags & (F_CONNECTOR | F_ROLE_FIRST));
            if t.ascii {
                f |= T_ASCII;
            }
            if t.hyphen {
                f |= T_HYPHEN;
            }
            // A stop form is compared only where it can match: most are capitalised.
            let may_stop =
                word_flags & F_STOP_FORM != 0 && (t.capital || word_flags & F_STOP_SMALL != 0);
            if may_stop && lex.is_stop(id, &text[t.start..t.end]) {
                f |= T_STOP;
            }
            if let Some(prev) = toks.last_mut() {
                if !t.newline {
                    prev.flags |= T_SPACED;
                }
            }
            // A line break between the previous token and this one.
            if t.newline {
                after_break = true;
            }
            if t.word {
                while starts.get(next_start).is_some_and(|&s| s < t.start) {
                    next_start += 1;
                }
                f |= T_WORD;
                if t.capital {
                    f |= T_CAP;
                }
                if after_break || starts.get(next_start) == Some(&t.start) {
                    f |= T_INITIAL;
                }
                after_break = false;
            } else {
                // A mark is one character: the token is the mark itself.
                let mark = atoms[t.atoms.start].first_char(text);
                if matches!(mark, '“' | '”' | '"' | '«' | '»') {
                    f |= T_QUOTE;
                }
                // A hyphen standing alone is a dash (`TARAZ (Agency) - Nine firms ...`).
                if matches!(
                    mark,
                    '.' | '!' | '?' | ':' | ';' | '“' | '"' | '«' | '(' | '–' | '—' | '‘' | '-'
                ) {
                    after_break = true;
                }
            }
            toks.push(Tok {
                start: t.start,
                end: t.end,
                id,
                flags: f,
            });
        }
        let mut doc = Doc {
            text,
            toks,
            head_from: Vec::new(),
            head_list: Vec::new(),
        };
        // The heads at each token, found once: the passes ask for them many times.
        let mut head_from = Vec::with_capacity(doc.toks.len() + 1);
        let mut head_list = Vec::new();
        for j in 0..doc.toks.len() {
            head_from.push(u32::try_from(head_list.len()).unwrap_or(u32::MAX));
            let id = doc.id(j);
            if lex.word_flags(id) & F_HEAD_FIRST == 0 {
                continue;
            }
            let Some(idxs) = lex.heads_by_first.get(id as usize) else {
                continue;
            };
            for &k in idxs {
                let Some(h) = lex.heads.get(k).filter(|h| h.at(&doc, j)) else {
                    continue;
                };
                if h.exact && h.words.len() == 1 {
                    doc.toks[j].flags |= T_HEAD_WORD;
                }
                head_list.push(u16::try_from(k).unwrap_or(u16::MAX));
            }
        }
        head_from.push(u32::try_from(head_list.len()).unwrap_or(u32::MAX));
        doc.head_from = head_from;
        doc.head_list = head_list;
        doc
    }

    /// The heads standing at token `i` (indices into `lex.heads`), longest first.
    pub(super) fn heads(&self, i: usize) -> &[u16] {
        match (self.head_from.get(i), self.head_from.get(i + 1)) {
            (Some(&a), Some(&b)) => self.head_list.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub(super) fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The number of the token's lower-case form; `UNKNOWN` past the end.
    #[inline]
    pub(super) fn id(&self, i: usize) -> WordId {
        self.toks.get(i).map_or(UNKNOWN, |t| t.id)
    }

    #[inline]
    pub(super) fn has(&self, i: usize, flag: u16) -> bool {
        self.toks.get(i).is_some_and(|t| t.flags & flag != 0)
    }

    /// A flag, or `default` past the end.
    pub(super) fn has_or(&self, i: usize, flag: u16, default: bool) -> bool {
        self.toks.get(i).map_or(default, |t| t.flags & flag != 0)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.has(i, T_WORD)
    }

    /// A word beginning with a capital letter.
    pub(super) fn is_cap(&self, i: usize) -> bool {
        self.has(i, T_CAP)
    }

    pub(super) fn is_stop(&self, i: usize) -> bool {
        self.has(i, T_STOP)
    }

    pub(super) fn is_quote(&self, i: usize) -> bool {
        self.has(i, T_QUOTE)
    }

    /// Only white space (no line break) between tokens `i` and `i + 1`.
    pub(super) fn spaced(&self, i: usize) -> bool {
        self.has(i, T_SPACED)
    }

    /// Whether the token in lower case ends with one of `endings` (lower case).
    pub(super) fn lower_ends_with(&self, i: usize, endings: &[String]) -> bool {
        let word = self.s(i);
        if self.has(i, T_ASCII) {
            let b = word.as_bytes();
            endings.iter().any(|e| {
                b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
            })
        } else {
            let lower = word.to_lowercase();
            endings.iter().any(|e| lower.ends_with(e.as_str()))
        }
    }

    /// Whether the words (lower case, by number) start at token `i`, separated only by
    /// spaces.
    pub(super) fn matches_ids(&self, i: usize, ids: &[WordId]) -> bool {
        ids.iter()
            .enumerate()
            .all(|(k, &w)| self.id(i + k) == w && (k == 0 || self.spaced(i + k - 1)))
    }

    /// Whether the exact words (with their numbers) start at token `i`.
    pub(super) fn matches_exact(&self, i: usize, ids: &[WordId], words: &[String]) -> bool {
        ids.iter().zip(words).enumerate().all(|(k, (&id, w))| {
            self.id(i + k) == id && self.s(i + k) == w && (k == 0 || self.spaced(i + k - 1))
        })
    }

    /// Whether the exact words start at token `i` (words in no table).
    pub(super) fn matches_text(&self, i: usize, words: &[&str]) -> bool {
        self.matches_text_by(i, words, |a, b| a == b)
    }

    /// `matches_text` with ASCII letters of either case.
    pub(super) fn matches_text_ignoring_case(&self, i: usize, words: &[&str]) -> bool {
        self.matches_text_by(i, words, <[u8]>::eq_ignore_ascii_case)
    }

    /// Whether `words`, spaced apart, start at token `i`, each token's bytes `same` as its word.
    fn matches_text_by(
        &self,
        i: usize,
        words: &[&str],
        same: impl Fn(&[u8], &[u8]) -> bool,
    ) -> bool {
        let bytes = self.text.as_bytes();
        words.iter().enumerate().all(|(k, w)| {
            self.toks
                .get(i + k)
                .and_then(|t| bytes.get(t.start..t.end))
                .is_some_and(|b| same(b, w.as_bytes()))
                && (k == 0 || self.spaced(i + k - 1))
        })
    }

    /// A possessive `’s` / `'s` right after token `i`: the index of the `s`.
    pub(super) fn possessive_after(&self, i: usize) -> Option<usize> {
        let apostrophe = self.toks.get(i + 1)?;
        let s = self.toks.get(i + 2)?;
        let prev = self.toks.get(i)?;
        let mark = self.text.get(apostrophe.start..apostrophe.end)?;
        if apostrophe.start == prev.end
            && (mark == "’" || mark == "'")
            && s.start == apostrophe.end
            && self.id(i + 2) == W_S
        {
            Some(i + 2)
        } else {
            None
        }
    }

    pub(super) fn span(&self, toks: Range<usize>) -> Range<usize> {
        let start = self.toks.get(toks.start).map_or(0, |t| t.start);
        let end = toks
            .end
            .checked_sub(1)
            .and_then(|e| self.toks.get(e))
            .map_or(start, |t| t.end);
        start..end.max(start)
    }

    /// The tokens a byte range covers (partly or wholly).
    pub(super) fn toks_of(&self, span: &Range<usize>) -> Range<usize> {
        let first = self.toks.partition_point(|t| t.end <= span.start);
        let last = self.toks.partition_point(|t| t.start < span.end);
        first..last.max(first)
    }

    /// The words of a token range as written, one space between them, quotes dropped.
    pub(super) fn words(&self, toks: Range<usize>) -> String {
        let mut out = String::new();
        // Where the last word written ends: a word glued to a quote left out (`НК «Қазақстан`)
        // is not glued to the word before it.
        let mut last_end = None;
        for i in toks {
            let s = self.s(i);
            if matches!(s, "“" | "”" | "\"" | "«" | "»" | "‘" | "’" | "'") {
                continue;
            }
            let glued = last_end.is_some() && last_end == self.toks.get(i).map(|t| t.start);
            if !out.is_empty() && !glued {
                out.push(' ');
            }
            out.push_str(s);
            last_end = self.toks.get(i).map(|t| t.end);
        }
        out
    }
}
