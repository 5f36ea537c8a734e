//! Russian stems: the key under which the vocabulary numbers a Cyrillic word.
//!
//! Russian inflects nouns, adjectives and verbs in six cases and two numbers, so a word
//! list of exact forms would need some twelve rows a word and still miss some. The
//! Snowball stemmer (`rust-stemmers`) cuts the endings off, so `рабочих мест`, `рабочие
//! места` and `рабочему месту` meet `рабочее место` of a list. A stem can merge two words
//! (`семь` seven, `семья` family): lists whose words must not merge (number words) match
//! exact forms instead (`ru::numbers`).

use std::borrow::Cow;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Russian));

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// The key of a lower-case word: its stem when it has Cyrillic letters (`ё` read as `е`,
/// as most texts write it), else the word itself.
pub(crate) fn key(lower: &str) -> Cow<'_, str> {
    if lower.is_ascii() || !lower.chars().any(is_cyrillic) {
        return Cow::Borrowed(lower);
    }
    let plain: Cow<'_, str> = if lower.contains('ё') {
        Cow::Owned(lower.replace('ё', "е"))
    } else {
        Cow::Borrowed(lower)
    };
    Cow::Owned(STEMMER.stem(&plain).into_owned())
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn case_forms_share_a_key() {
        let groups: &[&[&str]] = &[
            &["место", "места", "мест", "месту", "местах"],
            &["рабочее", "рабочих", "рабочие", "рабочему"],
            &["шымкент", "шымкента", "шымкенте", "шымкентом"],
            &["карагандинская", "карагандинской", "карагандинскую"],
            &["область", "области", "областью"],
            &["сум", "сума", "сумов"],
            &["год", "года", "году", "годы", "годах"],
            &["рост", "роста", "ростом"],
            &["ещё", "еще"],
        ];
        for group in groups {
            for word in &group[1..] {
                assert_eq!(key(word), key(group[0]), "{word} / {}", group[0]);
            }
        }
        // Words that must stay apart.
        assert_ne!(key("сумма"), key("сум"));
        assert_ne!(key("местных"), key("мест"));
        assert_eq!(key("million"), "million");
        assert_eq!(key("türkiye"), "türkiye");
    }
}
