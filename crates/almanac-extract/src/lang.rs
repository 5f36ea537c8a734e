//! The language of a document: English, Russian, or Kazakh (recognised, not yet read).
//!
//! A script test, not a statistical model: the region's news is English in Latin script or
//! Russian or Kazakh in Cyrillic, and the letters tell them apart. Kazakh writes nine
//! letters Russian has not (`ә ғ қ ң ө ұ ү һ і`) in a third or more of its words, while a
//! Russian text meets them only in the odd quoted name, so the share of words with one
//! decides. A language model crate would cost a dependency and tables for some seventy
//! languages to answer a question three letters' classes answer.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A document's language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "ru")]
    Russian,
    /// Recognised so that it is reported, not read: no figure is taken from Kazakh text.
    #[serde(rename = "kk")]
    Kazakh,
}

impl Lang {
    /// Every language, in the order of `code`'s documentation.
    pub const ALL: [Lang; 3] = [Lang::English, Lang::Russian, Lang::Kazakh];

    /// The ISO 639-1 code (`en`, `ru`, `kk`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::Russian => "ru",
            Lang::Kazakh => "kk",
        }
    }

    /// Whether the extractor has rules for it.
    pub fn is_supported(self) -> bool {
        self != Lang::Kazakh
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code none of `Lang` has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseLangError(pub String);

impl fmt::Display for ParseLangError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language {:?}; expected en, ru or kk", self.0)
    }
}

impl std::error::Error for ParseLangError {}

impl FromStr for Lang {
    type Err = ParseLangError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ParseLangError(s.to_string()))
    }
}

/// How much of a text the test reads: the start of an article says its language.
const SAMPLE_BYTES: usize = 16 * 1024;

/// The share of Cyrillic words with a Kazakh-only letter from which a text is Kazakh. In
/// Kazakh prose a third to a half of the words have one; in a Russian text only the odd
/// Kazakh name does, even in a short sentence that names one.
const KAZAKH_WORD_SHARE: f64 = 0.2;

/// The language of `text`: Cyrillic when it has more Cyrillic letters than Latin ones,
/// then Kazakh or Russian by the words with Kazakh-only letters; English otherwise (a text
/// without letters too).
pub fn detect(text: &str) -> Lang {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Most documents are English: counted byte by byte (a loop the compiler vectorises), a
    // text whose Cyrillic lead bytes are no more than its Latin letters is English before
    // any character is decoded. The lead bytes bound the Cyrillic letters from above.
    let sample = &text.as_bytes()[..end];
    let latin_letters = count_bytes(sample, |b| b.is_ascii_alphabetic());
    let cyrillic_bound = count_bytes(sample, |b| (0xD0..=0xD3).contains(&b));
    if cyrillic_bound <= latin_letters {
        return Lang::English;
    }
    let (mut latin, mut cyrillic) = (0usize, 0usize);
    let (mut cyrillic_words, mut kazakh_words) = (0usize, 0usize);
    // The words are runs of letters, read in the one pass that decodes the characters.
    let (mut in_cyrillic, mut in_kazakh) = (false, false);
    for c in text[..end].chars().chain([' ']) {
        if !crate::tokens::is_alphabetic(c) {
            cyrillic_words += usize::from(in_cyrillic);
            kazakh_words += usize::from(in_kazakh);
            (in_cyrillic, in_kazakh) = (false, false);
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        } else if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyrillic += 1;
            in_cyrillic = true;
            in_kazakh |= is_kazakh_letter(c);
        }
    }
    if cyrillic <= latin {
        Lang::English
    } else if kazakh_words as f64 >= KAZAKH_WORD_SHARE * cyrillic_words as f64 {
        Lang::Kazakh
    } else {
        Lang::Russian
    }
}

/// How many of `bytes` pass `test`. Counted in a byte per block of 255, the loop adds 16 or
/// 32 bytes a step; counted straight into a `usize`, every lane is widened to 64 bits and
/// the count takes several times the instructions.
fn count_bytes(bytes: &[u8], test: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let n = block
                .iter()
                .fold(0u8, |n, &b| n.wrapping_add(u8::from(test(b))));
            usize::from(n)
        })
        .sum()
}

fn is_kazakh_letter(c: char) -> bool {
    matches!(
        c,
        'ә' | 'Ә'
            | 'ғ'
            | 'Ғ'
            | 'қ'
            | 'Қ'
            | 'ң'
            | 'Ң'
            | 'ө'
            | 'Ө'
            | 'ұ'
            | 'Ұ'
            | 'ү'
            | 'Ү'
            | 'һ'
            | 'Һ'
            | 'і'
            | 'І'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_script_and_kazakh_letters() {
        let cases: &[(&str, Lang)] = &[
            ("The new plant will employ 300 people.", Lang::English),
            (
                "Новый завод даст работу тремстам жителям района.",
                Lang::Russian,
            ),
            // A Russian text naming a Kazakh place stays Russian.
            (
                "В селе Қарабұлақ открыли школу на 300 мест, построенную за счёт бюджета области.",
                Lang::Russian,
            ),
            ("Облыста биыл үш жүз жаңа жұмыс орны ашылды.", Lang::Kazakh),
            // English with a Russian word or two stays English.
            (
                "The akimat (акимат) approved the plan for 2025.",
                Lang::English,
            ),
            ("", Lang::English),
            // Cyrillic signs that are no letters pass the count of lead bytes but not the
            // count of letters.
            ("ab ҂҂҂", Lang::English),
            ("ab ҂҂҂ жжж", Lang::Russian),
            ("2024 — 15%", Lang::English),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), *want, "{text}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
            assert_eq!(
                serde_json::to_string(&lang).unwrap(),
                format!("\"{}\"", lang.code())
            );
        }
        assert_eq!("RU".parse::<Lang>(), Ok(Lang::Russian));
        assert!("de".parse::<Lang>().is_err());
    }

    #[test]
    fn a_long_text_is_cut_on_a_character_boundary() {
        let text = "ж".repeat(SAMPLE_BYTES);
        assert_eq!(detect(&format!("a{text}")), Lang::Russian);
    }
}
