//! Numbers as Russian writes them: the comma as the decimal mark, a space, no-break space
//! or dot between groups of thousands, and number words in every case and gender.
//!
//! ```text
//! digits := group ((" " | NBSP | U+202F | ".") group3)* ("," digit+)?   1 500 000  1.500  24,8
//! words  := hundred? atom? atom?                                       двести двадцать пять
//!         | half                                                       полтора, полутора
//! ordinal:= "первое" | "втором" ...  (a rank before `место` only)        второе место
//! scale  := "тыс" | "тысяча"... | "млн" | "млрд" | "трлн" (any case, a dot after the cut form)
//! ```
//! Which spaces join groups is the quantity layer's business (`ru::quantities`): it sees
//! the tokens.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::data;

/// What a number word is (`data/numbers_ru.tsv`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumberWord {
    /// Adds to the number before it: `двадцать` `пять`.
    Atom(f64),
    /// A hundred or hundreds (`двести`): adds, but only before tens and units.
    Hundred(f64),
    /// Multiplies what comes before it: `тысяч`, `млн`.
    Scale(f64),
    /// `полтора`: one and a half, alone.
    Half,
    /// `второе`: a rank before `место`, never a count.
    Ordinal(f64),
}

static NUMBER_WORDS: LazyLock<HashMap<&'static str, NumberWord>> = LazyLock::new(|| {
    data::NUMBERS_RU
        .load(|r| {
            let value: f64 = r.parse(1, "value")?;
            let class = r.choice(
                2,
                &[
                    ("atom", NumberWord::Atom(value)),
                    ("hundred", NumberWord::Hundred(value)),
                    ("scale", NumberWord::Scale(value)),
                    ("half", NumberWord::Half),
                    ("ordinal", NumberWord::Ordinal(value)),
                ],
                None,
            )?;
            Ok((r.get(0), class))
        })
        .into_iter()
        .collect()
});

/// The longest number word, in bytes.
static LONGEST: LazyLock<usize> =
    LazyLock::new(|| NUMBER_WORDS.keys().map(|w| w.len()).max().unwrap_or(0));

/// The number word a token is (any case of letters; `ё` as `е`).
///
/// Nearly every word of a text is asked, so the word is lower-cased on the stack: number
/// words are short and written in the small letters of the Russian alphabet only (a test
/// holds the list to that), so a longer word or one with another character is none.
pub(crate) fn number_word(word: &str) -> Option<NumberWord> {
    if word.is_ascii() || word.len() > (*LONGEST).min(64) {
        return None;
    }
    // A word of small letters without `ё`, as most are, is looked up as it stands: only
    // one with a capital or `ё` is copied (and checked as UTF-8 again).
    let small_only = word
        .as_bytes()
        .chunks(2)
        .all(|p| matches!(p, [0xD0, 0xB0..=0xBF] | [0xD1, 0x80..=0x8F]));
    if small_only {
        return NUMBER_WORDS.get(word).copied();
    }
    let mut buf = [0u8; 64];
    let mut n = 0;
    for c in word.chars() {
        let small = match c {
            'ё' | 'Ё' => 'е',
            'а'..='я' => c,
            'А'..='Я' => char::from_u32(c as u32 + 0x20)?,
            _ => return None,
        };
        n += small.encode_utf8(buf.get_mut(n..)?).len();
    }
    let lower = std::str::from_utf8(&buf[..n]).ok()?;
    NUMBER_WORDS.get(lower).copied()
}

/// The value of a digit string as the Russian writes it: a comma is always the decimal
/// mark; dots group thousands when every group after the first has three digits (`1.500`
/// is 1500), else the one dot is a decimal point (`1.5`, a careless but common form).
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    let (int, frac) = match s.rsplit_once(',') {
        Some((int, frac)) if !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit()) => {
            (int, Some(frac))
        }
        Some(_) => return None,
        None => (s, None),
    };
    let int_clean: String = if int.contains('.') {
        let groups: Vec<&str> = int.split('.').collect();
        let grouped = groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3);
        if grouped {
            groups.concat()
        } else if frac.is_none() && groups.len() == 2 {
            // `1.5`: a decimal point.
            return format!("{}.{}", groups[0], groups[1]).parse().ok();
        } else {
            return None;
        }
    } else {
        int.to_string()
    };
    if int_clean.is_empty() || !int_clean.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let text = match frac {
        Some(f) => format!("{int_clean}.{f}"),
        None => int_clean,
    };
    text.parse().ok().filter(|v: &f64| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_the_russian_way() {
        let cases: &[(&str, Option<f64>)] = &[
            ("24,8", Some(24.8)),
            ("1,5", Some(1.5)),
            ("1,500", Some(1.5)),
            ("0,35", Some(0.35)),
            ("1.500", Some(1500.0)),
            ("1.500.000", Some(1_500_000.0)),
            ("1.500.000,25", Some(1_500_000.25)),
            ("1.5", Some(1.5)),
            ("2024", Some(2024.0)),
            ("1,2,3", None),
            ("1.2.3", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_digits(s), *want, "{s}");
        }
    }

    #[test]
    fn number_words_in_any_case() {
        let cases: &[(&str, Option<NumberWord>)] = &[
            ("пять", Some(NumberWord::Atom(5.0))),
            ("пяти", Some(NumberWord::Atom(5.0))),
            ("Двух", Some(NumberWord::Atom(2.0))),
            ("трёх", Some(NumberWord::Atom(3.0))),
            ("семью", Some(NumberWord::Atom(7.0))),
            ("двухсот", Some(NumberWord::Hundred(200.0))),
            ("полутора", Some(NumberWord::Half)),
            ("тысячи", Some(NumberWord::Scale(1e3))),
            ("млрд", Some(NumberWord::Scale(1e9))),
            ("триллиона", Some(NumberWord::Scale(1e12))),
            ("второе", Some(NumberWord::Ordinal(2.0))),
            ("Первом", Some(NumberWord::Ordinal(1.0))),
            ("семья", None),
            ("five", None),
        ];
        for (w, want) in cases {
            assert_eq!(number_word(w), *want, "{w}");
        }
    }

    #[test]
    fn number_words_are_small_russian_letters() {
        for w in NUMBER_WORDS.keys() {
            assert!(w.chars().all(|c| ('а'..='я').contains(&c)), "{w}");
        }
    }
}
