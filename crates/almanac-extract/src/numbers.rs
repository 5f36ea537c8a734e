//! Numbers as written: digits with separators and decimals, and number words.
//!
//! ```text
//! digits  := group ("," group3)* ("." digit+)?     1,074   88,000.5   3.5
//!          | digit+ "," digit{1,2}                  3,5 (a decimal comma)
//!          | group (" " group3)+                    1 074 (merged by the quantity layer)
//! words   := "a"? atom+ ("and" atom)?              twenty nine, twenty-nine, a dozen,
//!                                                   one hundred and fifty
//! ```
//! Scales (`thousand`, `bn`) are the quantity layer's business, not this module's.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::lexicon::LEXICONS;
use crate::tokens::{lower, Tok, TokKind};
use crate::vocabulary::{word_id, WordId};

/// The number of `and`, which joins `one hundred and fifty`.
static AND: LazyLock<WordId> = LazyLock::new(|| word_id("and"));

/// The zero of each run of ten decimal digits, other than ASCII, that news text is known to
/// use: Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), NKo, Devanagari, Bengali,
/// Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao,
/// Tibetan, Myanmar, Khmer, Mongolian, full-width (CJK) digits, and the mathematical
/// digits (bold, double-struck, sans-serif, sans-serif bold, monospace) that styled text
/// pasted from the web carries.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10, 0x1D7CE, 0x1D7D8, 0x1D7E2,
    0x1D7EC, 0x1D7F6,
];

/// The value of a decimal digit of another script (`٣` is 3); `None` for every other
/// character, ASCII digits included.
pub(crate) fn other_script_digit(c: char) -> Option<u32> {
    let c = u32::from(c);
    if c < 0x0660 {
        return None;
    }
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&c))
        .map(|zero| c - zero)
}

/// The separators of Arabic script numbers: `٫` the decimal mark, `٬` the thousands one.
pub(crate) const ARABIC_DECIMAL: char = '\u{66B}';
pub(crate) const ARABIC_THOUSANDS: char = '\u{66C}';

/// `s` with the digits of other scripts as ASCII digits and Arabic separators as `.` and
/// `,`: a number reads the same in every script.
fn ascii_digits(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                ARABIC_DECIMAL => '.',
                ARABIC_THOUSANDS => ',',
                // A digit's value is below ten.
                _ => other_script_digit(c).map_or(c, |d| char::from(b'0' + d as u8)),
            })
            .collect(),
    )
}

/// The value of a digit string as the tokenizer cuts it (`1,074.5`, `3.5`, `1.074.000`), in
/// the digits of any script.
pub fn parse_digits(s: &str) -> Option<f64> {
    let s = &*ascii_digits(s);
    let commas = s.bytes().filter(|&b| b == b',').count();
    let dots = s.bytes().filter(|&b| b == b'.').count();
    if commas == 0 && dots <= 1 {
        // Nothing to clean (most numbers): no copy.
        return s.parse().ok().filter(|v: &f64| v.is_finite());
    }
    let cleaned: String = if commas > 0 && dots > 0 {
        // `1,074.5` (English) or `1.074,5` (continental): the last separator is the decimal one.
        let last_comma = s.rfind(',')?;
        let last_dot = s.rfind('.')?;
        if last_dot > last_comma {
            s.replace(',', "")
        } else {
            s.replace('.', "").replace(',', ".")
        }
    } else if commas > 0 {
        let groups: Vec<&str> = s.split(',').collect();
        if groups[1..].iter().all(|g| g.len() == 3) {
            s.replace(',', "")
        } else if commas == 1 && groups[1].len() <= 2 {
            s.replace(',', ".")
        } else {
            s.replace(',', "")
        }
    } else {
        let groups: Vec<&str> = s.split('.').collect();
        if groups[1..].iter().all(|g| g.len() == 3) {
            s.replace('.', "")
        } else {
            return None;
        }
    };
    cleaned.parse().ok().filter(|v: &f64| v.is_finite())
}

/// Parses number words starting at token `i`: the value and the number of tokens used.
/// `a` alone is not a number; `a dozen` and `a hundred` are.
pub(crate) fn parse_words(text: &str, toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let lex = &*LEXICONS;
    let words = &lex.number_words;
    let mut j = i;
    let mut leading_a = false;
    if toks.get(j).is_some_and(|t| t.is_word_in(text, &["a"])) {
        leading_a = true;
        j += 1;
    }
    let mut current = 0.0_f64;
    let mut n_atoms = 0;
    while let Some(tok) = toks.get(j) {
        if tok.kind != TokKind::Word {
            break;
        }
        if n_atoms > 0 && tok.id == *AND {
            // `one hundred and fifty`: `and` only joins when a number word follows a hundred.
            let next_is_atom = toks.get(j + 1).is_some_and(|t| {
                t.kind == TokKind::Word && lex.number_word_ids.get(t.id).is_some()
            });
            if current >= 100.0 && next_is_atom {
                j += 1;
                continue;
            }
            break;
        }
        // `twenty-nine` is one token; its parts are atoms.
        let value = if tok.hyphen {
            lower(tok.text(text))
                .split('-')
                .try_fold(0.0, |sum, part| words.get(part).map(|&v| combine(sum, v)))
        } else {
            // Most words have no parts: their number says it all.
            lex.number_word_ids.get(tok.id).map(|v| combine(0.0, v))
        };
        let Some(v) = value else {
            // `a million`, `a billion dollars`: one of the scale that follows.
            let scale_follows = lex
                .scales
                .starting_at(text, toks, j)
                .is_some_and(|(_, scale)| !scale.weak);
            if leading_a && n_atoms == 0 && scale_follows {
                return Some((1.0, 1));
            }
            break;
        };
        if leading_a && n_atoms == 0 && v != 12.0 && v != 100.0 {
            return None;
        }
        // `twenty nine` adds, `five hundred` multiplies, `two five` is not a number.
        let joins = v >= 100.0
            || v == 12.0
            || ((20.0..100.0).contains(&current) && current % 10.0 == 0.0 && v < 10.0)
            || (current >= 100.0 && current % 100.0 == 0.0 && v < 100.0);
        if n_atoms > 0 && !joins {
            break;
        }
        current = combine(current, v);
        n_atoms += 1;
        j += 1;
    }
    (n_atoms > 0).then_some((current, j - i))
}

pub(crate) fn combine(current: f64, v: f64) -> f64 {
    if v == 100.0 || v == 12.0 && current > 0.0 {
        current.max(1.0) * v
    } else {
        current + v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::words_of;

    #[test]
    fn digits() {
        let cases: &[(&str, Option<f64>)] = &[
            ("1,074", Some(1074.0)),
            ("3.5", Some(3.5)),
            ("88,000", Some(88000.0)),
            ("1,074.5", Some(1074.5)),
            ("10,379", Some(10379.0)),
            ("133,900", Some(133900.0)),
            ("3,5", Some(3.5)),
            ("1.074.000", Some(1074000.0)),
            ("1.074,5", Some(1074.5)),
            ("2021", Some(2021.0)),
            ("0.1", Some(0.1)),
            ("1.2.3", None),
            ("1,20,000", Some(120000.0)),
            ("٣٥٠", Some(350.0)),
            ("١٬٢٠٠٫٥", Some(1200.5)),
            ("１５００", Some(1500.0)),
            ("१५००", Some(1500.0)),
            ("𝟏𝟐", Some(12.0)),
        ];
        for (s, want) in cases {
            assert_eq!(parse_digits(s), *want, "{s}");
        }
    }

    #[test]
    fn words() {
        let cases: &[(&str, Option<(f64, usize)>)] = &[
            ("five projects", Some((5.0, 1))),
            ("twenty nine projects", Some((29.0, 2))),
            ("Twenty-nine projects", Some((29.0, 1))),
            ("a dozen schools", Some((12.0, 2))),
            ("a hundred", Some((100.0, 2))),
            ("one hundred and fifty jobs", Some((150.0, 4))),
            ("two hundred", Some((200.0, 2))),
            ("ten billion", Some((10.0, 1))),
            ("Nine projects", Some((9.0, 1))),
            ("seven and five", Some((7.0, 1))),
            ("a plan", None),
            ("projects", None),
            ("two five", Some((2.0, 1))),
        ];
        for (s, want) in cases {
            let toks = words_of(s);
            assert_eq!(parse_words(s, &toks, 0), *want, "{s}");
        }
    }
}
