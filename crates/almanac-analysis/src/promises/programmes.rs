//! The programmes and kinds of zone a sentence counts its figures under
//! (`data/programmes.tsv`): projects promised for the special economic zones are not the
//! projects a region reports under the industrialization programme, though both are
//! `projects` of a place within the country. The extractor's `object` keeps the counted
//! noun (`147 projects`) and not the scope the sentence gives it, so the sentence is read.

use std::collections::BTreeSet;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/programmes.tsv");

/// One row of the data file: a programme's key and the words of a phrase naming it.
struct Phrase {
    key: &'static str,
    words: Vec<String>,
}

fn phrases() -> &'static [Phrase] {
    static PHRASES: OnceLock<Vec<Phrase>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        parse(DATA).unwrap_or_else(|(line, row)| {
            panic!("data/programmes.tsv line {line}: cannot read {row:?}")
        })
    })
}

/// The rows of the data file, or the first line that is not `key<TAB>phrase`.
fn parse(data: &'static str) -> Result<Vec<Phrase>, (usize, &'static str)> {
    data.lines()
        .enumerate()
        .filter(|(_, row)| !row.trim().is_empty() && !row.starts_with('#'))
        .map(|(n, row)| match row.split('\t').collect::<Vec<_>>()[..] {
            [key, phrase] if !key.is_empty() && !words(phrase).is_empty() => Ok(Phrase {
                key,
                words: words(phrase),
            }),
            _ => Err((n + 1, row)),
        })
        .collect()
}

/// Lower-case words, a plural `s` dropped, so that `SEZs` and `zones` match `SEZ` and
/// `zone`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            match w.strip_suffix('s') {
                Some(stem) if stem.len() >= 3 => stem.to_string(),
                _ => w,
            }
        })
        .collect()
}

/// The programmes `text` names, by key.
pub(super) fn named_in(text: &str) -> BTreeSet<&'static str> {
    let text = words(text);
    phrases()
        .iter()
        .filter(|p| text.windows(p.words.len()).any(|w| w == p.words))
        .map(|p| p.key)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_reads_and_names_its_programme() {
        let rows = parse(DATA).expect("data/programmes.tsv reads");
        assert!(rows.len() > 10);
        let written = DATA
            .lines()
            .filter_map(|row| row.split_once('\t'))
            .filter(|(key, _)| !key.starts_with('#'));
        for (key, phrase) in written {
            assert!(named_in(phrase).contains(key), "{phrase}");
        }
    }

    #[test]
    fn a_row_without_its_phrase_is_an_error() {
        assert_eq!(parse("sez\tSEZ\nsez\n").err(), Some((2, "sez")));
        assert_eq!(parse("sez\t--\n").err(), Some((1, "sez\t--")));
    }

    #[test]
    fn programmes_named_in_sentences() {
        // (sentence, programmes it names)
        let cases: [(&str, &[&str]); 7] = [
            (
                "Ninety projects are to open in the country's special economic zones by 2027.",
                &["sez"],
            ),
            (
                "The SEZs and the industrial zones will host 40 new plants.",
                &["industrial_zone", "sez"],
            ),
            (
                "Under the second five-year industrialization program, the oblast financed six projects.",
                &["industrialization"],
            ),
            (
                "The district put 12 plants into operation under the Industrialization Map.",
                &["industrialization"],
            ),
            (
                "As part of the State Programme of Industrialization, 30 projects were completed.",
                &["industrialization"],
            ),
            ("The city plans 15 projects this year.", &[]),
            // A word inside another is no name: `industrialized` is not the programme.
            ("The most industrialized zones attracted 8 projects.", &[]),
        ];
        for (sentence, expected) in cases {
            let got: Vec<&str> = named_in(sentence).into_iter().collect();
            assert_eq!(got, expected, "{sentence}");
        }
    }
}
