//! The word lists of `data/`, compiled in and parsed once.
//!
//! Every list is a TSV file: one entry a line, columns separated by a tab, `#` starts a
//! comment line. Phrases are tokenized with the same tokenizer as the text, so `sq. m` or
//! `US$` match however they are spaced, and words compare case-insensitively.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::fact::{Direction, Qualifier};
use crate::tokens::{tokenize, vocabulary_size, Tok, WordId, UNKNOWN};

/// The data files whose words phrase tables match: every word in them gets a `WordId`.
pub(crate) const VOCABULARY_FILES: &[&str] = &[
    include_str!("../data/scales.tsv"),
    include_str!("../data/currencies.tsv"),
    include_str!("../data/units.tsv"),
    include_str!("../data/counted_nouns.tsv"),
    include_str!("../data/qualifiers.tsv"),
    include_str!("../data/per.tsv"),
    include_str!("../data/directions.tsv"),
    include_str!("../data/rank_cues.tsv"),
    include_str!("../data/fractions.tsv"),
    include_str!("../data/number_words.tsv"),
    include_str!("../data/ordinals.tsv"),
    include_str!("../data/months.tsv"),
    include_str!("../data/number_names.tsv"),
    include_str!("../data/function_words.tsv"),
    include_str!("../data/metric_cues.tsv"),
    include_str!("../data/status_cues.tsv"),
    include_str!("../data/status_blockers.tsv"),
];

/// The rows of a TSV data file: non-empty, non-comment lines split on tabs.
pub(crate) fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// A set of phrases (one or more tokens each) with a value, matched at a token position.
pub(crate) struct PhraseTable<T> {
    /// Indexed by the `WordId` of a phrase's first (or last) word: the phrases, longest first,
    /// as word numbers.
    by_first: Vec<Vec<(Box<[WordId]>, T)>>,
    by_last: Vec<Vec<(Box<[WordId]>, T)>>,
}

impl<T: Clone> PhraseTable<T> {
    /// A table of `(phrase, value)`; every phrase must come from one of `VOCABULARY_FILES`.
    pub fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let size = vocabulary_size();
        let mut by_first: Vec<Vec<(Box<[WordId]>, T)>> = vec![Vec::new(); size];
        let mut by_last: Vec<Vec<(Box<[WordId]>, T)>> = vec![Vec::new(); size];
        for (phrase, value) in entries {
            let words: Box<[WordId]> = tokenize(phrase, 0..phrase.len())
                .into_iter()
                .map(|t| {
                    assert!(
                        t.id != UNKNOWN,
                        "{phrase:?} is not in the vocabulary: add its file to VOCABULARY_FILES"
                    );
                    t.id
                })
                .collect();
            let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
                continue;
            };
            by_first[first as usize].push((words.clone(), value.clone()));
            by_last[last as usize].push((words, value));
        }
        for list in by_first.iter_mut().chain(by_last.iter_mut()) {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        PhraseTable { by_first, by_last }
    }

    /// The longest phrase whose first word is token `i`: its length in tokens and value.
    pub fn starting_at(&self, _text: &str, toks: &[Tok], i: usize) -> Option<(usize, &T)> {
        let first = toks.get(i)?;
        let cands = self.by_first.get(first.id as usize)?;
        cands.iter().find_map(|(words, value)| {
            let n = words.len();
            (i + n <= toks.len()
                && words[1..]
                    .iter()
                    .zip(&toks[i + 1..i + n])
                    .all(|(&w, t)| w == t.id))
            .then_some((n, value))
        })
    }

    /// The longest phrase whose last word is token `last`: its length in tokens and value.
    pub fn ending_at(&self, _text: &str, toks: &[Tok], last: usize) -> Option<(usize, &T)> {
        let tok = toks.get(last)?;
        let cands = self.by_last.get(tok.id as usize)?;
        cands.iter().find_map(|(words, value)| {
            let n = words.len();
            (last + 1 >= n
                && words[..n - 1]
                    .iter()
                    .zip(&toks[last + 1 - n..last])
                    .all(|(&w, t)| w == t.id))
            .then_some((n, value))
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Before,
    After,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Percent,
    Measure,
    Multiplier,
    Duration,
    Age,
    Temperature,
    Speed,
    Data,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Scale {
    pub factor: f64,
    pub weak: bool,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Currency {
    pub code: &'static str,
    pub position: Position,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    pub unit: &'static str,
    pub kind: UnitKind,
}

/// All the lexicons of the quantity layer.
pub(crate) struct Lexicons {
    pub number_words: HashMap<&'static str, f64>,
    pub scales: PhraseTable<Scale>,
    pub currencies: PhraseTable<Currency>,
    pub units: PhraseTable<Unit>,
    pub counted_nouns: PhraseTable<&'static str>,
    pub qualifiers: PhraseTable<Qualifier>,
    pub per: PhraseTable<&'static str>,
    pub directions_before: PhraseTable<Direction>,
    pub directions_after: PhraseTable<Direction>,
    pub ordinals: HashMap<&'static str, f64>,
    pub rank_cues: PhraseTable<()>,
    pub months: HashMap<&'static str, u32>,
    pub fractions: PhraseTable<f64>,
    pub number_names: HashMap<&'static str, ()>,
}

fn parse_f64(s: &str, file: &str) -> f64 {
    s.parse()
        .unwrap_or_else(|_| panic!("data/{file}: bad number {s:?}"))
}

fn direction(s: &str) -> Direction {
    match s {
        "up" => Direction::Up,
        "down" => Direction::Down,
        other => panic!("data/directions.tsv: bad direction {other:?}"),
    }
}

pub(crate) static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| {
    let number_words = rows(include_str!("../data/number_words.tsv"))
        .map(|r| (r[0], parse_f64(r[1], "number_words.tsv")))
        .collect();
    let scales = PhraseTable::new(rows(include_str!("../data/scales.tsv")).map(|r| {
        let factor = parse_f64(r[1], "scales.tsv");
        (
            r[0],
            Scale {
                factor,
                weak: r.get(2) == Some(&"weak"),
            },
        )
    }));
    let currencies = PhraseTable::new(rows(include_str!("../data/currencies.tsv")).map(|r| {
        let position = match r[2] {
            "before" => Position::Before,
            "after" => Position::After,
            "both" => Position::Both,
            other => panic!("data/currencies.tsv: bad position {other:?}"),
        };
        (
            r[0],
            Currency {
                code: r[1],
                position,
            },
        )
    }));
    let units = PhraseTable::new(rows(include_str!("../data/units.tsv")).map(|r| {
        let kind = match r[2] {
            "percent" => UnitKind::Percent,
            "measure" => UnitKind::Measure,
            "multiplier" => UnitKind::Multiplier,
            "duration" => UnitKind::Duration,
            "age" => UnitKind::Age,
            "temperature" => UnitKind::Temperature,
            "speed" => UnitKind::Speed,
            "data" => UnitKind::Data,
            other => panic!("data/units.tsv: bad kind {other:?}"),
        };
        (r[0], Unit { unit: r[1], kind })
    }));
    let counted_nouns =
        PhraseTable::new(rows(include_str!("../data/counted_nouns.tsv")).map(|r| (r[0], r[1])));
    let qualifiers = PhraseTable::new(rows(include_str!("../data/qualifiers.tsv")).map(|r| {
        let q = match r[1] {
            "more_than" => Qualifier::MoreThan,
            "less_than" => Qualifier::LessThan,
            "about" => Qualifier::About,
            other => panic!("data/qualifiers.tsv: bad qualifier {other:?}"),
        };
        (r[0], q)
    }));
    let per = PhraseTable::new(rows(include_str!("../data/per.tsv")).map(|r| (r[0], r[1])));
    let dirs: Vec<_> = rows(include_str!("../data/directions.tsv")).collect();
    let directions_before = PhraseTable::new(
        dirs.iter()
            .filter(|r| r[2] == "before")
            .map(|r| (r[0], direction(r[1]))),
    );
    let directions_after = PhraseTable::new(
        dirs.iter()
            .filter(|r| r[2] == "after")
            .map(|r| (r[0], direction(r[1]))),
    );
    let ordinals = rows(include_str!("../data/ordinals.tsv"))
        .map(|r| (r[0], parse_f64(r[1], "ordinals.tsv")))
        .collect();
    let rank_cues =
        PhraseTable::new(rows(include_str!("../data/rank_cues.tsv")).map(|r| (r[0], ())));
    let months = rows(include_str!("../data/months.tsv"))
        .map(|r| (r[0], r[1].parse().expect("data/months.tsv: bad month")))
        .collect();
    let fractions = PhraseTable::new(
        rows(include_str!("../data/fractions.tsv"))
            .map(|r| (r[0], parse_f64(r[1], "fractions.tsv"))),
    );
    let number_names = rows(include_str!("../data/number_names.tsv"))
        .map(|r| (r[0], ()))
        .collect();
    Lexicons {
        number_words,
        scales,
        currencies,
        units,
        counted_nouns,
        qualifiers,
        per,
        directions_before,
        directions_after,
        ordinals,
        rank_cues,
        months,
        fractions,
        number_names,
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_loads() {
        let lex = &*LEXICONS;
        assert!(lex.number_words.len() >= 28);
        assert_eq!(lex.months.get("sept"), Some(&9));
        assert_eq!(lex.ordinals.get("fifth"), Some(&5.0));
    }

    #[test]
    fn phrases_match_longest_first_and_ignore_case() {
        let text = "152 Small and Medium-Sized Businesses";
        let toks = tokenize(text, 0..text.len());
        let (n, lemma) = LEXICONS.counted_nouns.starting_at(text, &toks, 1).unwrap();
        assert_eq!((n, *lemma), (4, "sme"));
        let text = "worth more than 48";
        let toks = tokenize(text, 0..text.len());
        let (n, q) = LEXICONS.qualifiers.ending_at(text, &toks, 2).unwrap();
        assert_eq!((n, *q), (2, Qualifier::MoreThan));
    }

    #[test]
    fn currency_forms_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for r in rows(include_str!("../data/currencies.tsv")) {
            assert!(seen.insert(r[0]), "currencies.tsv lists {:?} twice", r[0]);
            assert_eq!(r[1].len(), 3, "{:?} is not an ISO 4217 code", r[1]);
        }
    }
}
