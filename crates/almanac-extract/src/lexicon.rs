//! The word lists of the quantity layer, parsed once (their files are read by `data`).
//!
//! Phrases are tokenized with the same tokenizer as the text, so `sq. m` or `US$` match
//! however they are spaced, and words compare case-insensitively.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::data::{self, DataFile, Row};
use crate::fact::{Direction, Qualifier};
use crate::tokens::{lower, words_of, words_unnumbered, Tok, TokKind};
use crate::vocabulary::{vocabulary_size, word_id, WordId, UNKNOWN};

/// The data files whose words phrase tables match: every word in them gets a `WordId`.
pub(crate) const VOCABULARY_FILES: &[&DataFile] = &[
    &data::SCALES,
    &data::CURRENCIES,
    &data::UNITS,
    &data::COUNTED_NOUNS,
    &data::QUALIFIERS,
    &data::PER,
    &data::DIRECTIONS,
    &data::RANK_CUES,
    &data::FRACTIONS,
    &data::MULTIPLIERS,
    &data::NUMBER_WORDS,
    &data::ORDINALS,
    &data::MONTHS,
    &data::NUMBER_NAMES,
    &data::VAGUE_PLURALS,
    &data::FUNCTION_WORDS,
    &data::METRIC_CUES,
    &data::STATUS_CUES,
    &data::STATUS_BLOCKERS,
    &data::OFFICES,
    &data::UNITS_RU,
    &data::QUALIFIERS_RU,
    &data::QUANTITY_WORDS_RU,
    &data::FRACTIONS_RU,
    &data::MULTIPLES_RU,
    &data::DIRECTIONS_RU,
    &data::METRIC_CUES_RU,
    &data::STATUS_CUES_RU,
    &data::TIME_WORDS_RU,
];

/// The words of `VOCABULARY_FILES` for the vocabulary: every word and symbol of every cell,
/// lower-cased, as the quantity layer's view cuts them.
pub(crate) fn vocabulary_words() -> Vec<String> {
    let mut words = Vec::new();
    for file in VOCABULARY_FILES {
        for row in file.load(|row| Ok(row.cells().to_vec())) {
            for cell in row {
                for tok in words_unnumbered(cell) {
                    if tok.kind != TokKind::Num {
                        words.push(lower(tok.text(cell)).into_owned());
                    }
                }
            }
        }
    }
    words
}

/// A set of phrases (one or more tokens each) with a value, matched at a token position.
pub(crate) struct PhraseTable<T> {
    by_first: PhraseIndex<T>,
    by_last: PhraseIndex<T>,
}

/// Phrases grouped by one of their words, as word numbers: those whose key word is `id` are
/// `phrases[start[id]..start[id + 1]]`, longest first. Most tokens start or end no phrase,
/// and two adjacent numbers of a small table say so.
struct PhraseIndex<T> {
    start: Vec<u16>,
    phrases: Vec<(Box<[WordId]>, T)>,
}

impl<T> PhraseIndex<T> {
    /// `phrases` (in the order given) by the word `key` picks of each.
    fn new(mut phrases: Vec<(Box<[WordId]>, T)>, key: fn(&[WordId]) -> WordId) -> Self {
        // Stable: phrases of one length keep the order of the data.
        phrases.sort_by_key(|(words, _)| (key(words), std::cmp::Reverse(words.len())));
        assert!(phrases.len() < usize::from(u16::MAX), "too many phrases");
        let mut start = vec![0u16; vocabulary_size() + 1];
        for (words, _) in &phrases {
            start[key(words) as usize + 1] += 1;
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        PhraseIndex { start, phrases }
    }

    /// The phrases whose key word is `id`, longest first.
    #[inline]
    fn of(&self, id: WordId) -> &[(Box<[WordId]>, T)] {
        let id = id as usize;
        match (self.start.get(id), self.start.get(id + 1)) {
            (Some(&a), Some(&b)) => &self.phrases[usize::from(a)..usize::from(b)],
            _ => &[],
        }
    }
}

impl<T: Clone> PhraseTable<T> {
    /// A table of `(phrase, value)`; every phrase must come from one of `VOCABULARY_FILES`.
    pub fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut phrases: Vec<(Box<[WordId]>, T)> = Vec::new();
        for (phrase, value) in entries {
            let words: Box<[WordId]> = words_of(phrase)
                .into_iter()
                .map(|t| {
                    assert!(
                        t.id != UNKNOWN,
                        "{phrase:?} is not in the vocabulary: add its file to VOCABULARY_FILES"
                    );
                    t.id
                })
                .collect();
            if !words.is_empty() {
                phrases.push((words, value));
            }
        }
        PhraseTable {
            by_first: PhraseIndex::new(phrases.clone(), |words| words[0]),
            by_last: PhraseIndex::new(phrases, |words| words[words.len() - 1]),
        }
    }

    /// The longest phrase whose first word is token `i`: its length in tokens and value.
    pub fn starting_at(&self, _text: &str, toks: &[Tok], i: usize) -> Option<(usize, &T)> {
        let first = toks.get(i)?;
        self.by_first
            .of(first.id)
            .iter()
            .find_map(|(words, value)| {
                let n = words.len();
                (i + n <= toks.len()
                    && words[1..]
                        .iter()
                        .zip(&toks[i + 1..i + n])
                        .all(|(&w, t)| w == t.id))
                .then_some((n, value))
            })
    }

    /// The value of the one-word phrase `id`, if the table holds one.
    pub fn single(&self, id: WordId) -> Option<&T> {
        self.by_first
            .of(id)
            .iter()
            .find_map(|(words, value)| (words.len() == 1).then_some(value))
    }

    /// The longest phrase whose last word is token `last`: its length in tokens and value.
    pub fn ending_at(&self, _text: &str, toks: &[Tok], last: usize) -> Option<(usize, &T)> {
        let tok = toks.get(last)?;
        self.by_last.of(tok.id).iter().find_map(|(words, value)| {
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

/// The values of single words by their number, so that reading a token's is one index into
/// a table: no lower-casing, hashing or comparing of its text. A word that is no single token
/// of the vocabulary (`per cent`) can be no token's text, and is left out.
pub(crate) struct ByWord<T> {
    values: Vec<Option<T>>,
}

impl<T: Copy> ByWord<T> {
    pub fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut values = vec![None; vocabulary_size()];
        for (word, value) in entries {
            let id = word_id(word);
            if id != UNKNOWN {
                values[id as usize] = Some(value);
            }
        }
        ByWord { values }
    }

    /// The value of the word numbered `id` (a word token's `id`).
    #[inline]
    pub fn get(&self, id: WordId) -> Option<T> {
        self.values.get(id as usize).copied().flatten()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Before,
    After,
    Both,
}

/// How a rank cue leads to its number (`data/rank_cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RankCue {
    /// Right before an ordinal: `ranks fifth`.
    Ordinal,
    /// Before a cardinal, a rank of at most that: `among the top three`.
    Top,
    /// Before an ordinal followed by `in` or `among`: `is the first in the country`.
    Copula,
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
    /// The code when the form stands before the number: `code` but for a form that two
    /// currencies share (`P85 billion` pesos, `50p` pence).
    pub code_before: &'static str,
    pub position: Position,
    /// The form's part of the currency's unit: 0.01 for `cents`, else 1.
    pub factor: f64,
    /// A form of one letter (`p` of `50p`): only glued to its number.
    pub glued_only: bool,
    /// A form of several tokens written without a space (`A$`, `HK$`): its tokens must be
    /// glued in the text too, so that `a $5 bill` is no Australian money.
    pub solid: bool,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    pub unit: &'static str,
    pub kind: UnitKind,
}

/// All the lexicons of the quantity layer.
/// How many words before `from` a change verb of `directions_before` may stand and still make
/// the figure after `from` an earlier state (`is to grow from 148 ... to 180`), not the low end
/// of a range: the quantity layer (`links::change_from`) and the fact layer
/// (`period::is_first_state`) read the same window, so the two cannot disagree on a figure.
pub(crate) const CHANGE_VERB_REACH: usize = 12;

pub(crate) struct Lexicons {
    pub number_words: HashMap<&'static str, f64>,
    /// `number_words`, `ordinals`, `months` and `number_names` by word number.
    pub number_word_ids: ByWord<f64>,
    pub ordinal_ids: ByWord<f64>,
    pub month_ids: ByWord<u32>,
    /// Whether the name word counts in any case (`category 4`), not only capitalised.
    pub number_name_ids: ByWord<bool>,
    pub scales: PhraseTable<Scale>,
    pub currencies: PhraseTable<Currency>,
    pub units: PhraseTable<Unit>,
    pub counted_nouns: PhraseTable<&'static str>,
    pub qualifiers: PhraseTable<Qualifier>,
    pub per: PhraseTable<&'static str>,
    pub directions_before: PhraseTable<Direction>,
    pub directions_after: PhraseTable<Direction>,
    pub ordinals: HashMap<&'static str, f64>,
    pub rank_cues: PhraseTable<RankCue>,
    pub fractions: PhraseTable<f64>,
}

/// Whether `unit` is the unit of money: an ISO 4217 code that `data/currencies.tsv` gives a
/// currency (`KZT`, `USD`), as FACTS.md writes money. Counts, measures, `%`, `rank` and
/// `times` are not; nor is a code in lower case, which no fact carries.
pub fn is_currency(unit: &str) -> bool {
    static CODES: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
        data::CURRENCIES
            .load(|r| Ok(r.get(1)))
            .into_iter()
            .collect()
    });
    CODES.contains(unit)
}

fn by_word<T: Copy>(map: &HashMap<&'static str, T>) -> ByWord<T> {
    ByWord::new(map.iter().map(|(&word, &value)| (word, value)))
}

pub(crate) static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| {
    let number = |r: &Row| r.parse::<f64>(1, "number");
    let number_words = data::NUMBER_WORDS
        .load(|r| Ok((r.get(0), number(r)?)))
        .into_iter()
        .collect();
    let scales = PhraseTable::new(data::SCALES.load(|r| {
        let weak = r.choice(2, &[("strong", false), ("weak", true)], Some(false))?;
        Ok((
            r.get(0),
            Scale {
                factor: number(r)?,
                weak,
            },
        ))
    }));
    let currency_rows = data::CURRENCIES.load(|r| {
        let position = r.choice(
            2,
            &[
                ("before", Position::Before),
                ("after", Position::After),
                ("both", Position::Both),
            ],
            None,
        )?;
        let form = r.get(0);
        Ok((
            form,
            Currency {
                code: r.get(1),
                code_before: r.get(1),
                position,
                factor: r.parse_opt(3, "factor")?.unwrap_or(1.0),
                glued_only: form.len() == 1 && form.as_bytes()[0].is_ascii_alphabetic(),
                solid: !form.contains(' ') && words_unnumbered(form).len() > 1,
            },
        ))
    });
    // A form written before the number for one currency and after it for another (`P85
    // billion` pesos, `50p` pence) is one entry: `code` after, `code_before` before.
    let mut merged: Vec<(&'static str, Currency)> = Vec::with_capacity(currency_rows.len());
    for (form, c) in currency_rows {
        match merged.iter_mut().find(|(f, _)| *f == form) {
            Some((_, known)) => {
                // Only the form after the number takes a part of the unit (`p` 0.01 GBP).
                let (before, after) = if c.position == Position::Before {
                    (c.code, known.code)
                } else {
                    known.factor = c.factor;
                    (known.code_before, c.code)
                };
                known.code = after;
                known.code_before = before;
                known.position = Position::Both;
            }
            None => merged.push((form, c)),
        }
    }
    let currencies = PhraseTable::new(merged);
    let units = PhraseTable::new(data::UNITS.load(|r| {
        let kind = r.choice(
            2,
            &[
                ("percent", UnitKind::Percent),
                ("measure", UnitKind::Measure),
                ("multiplier", UnitKind::Multiplier),
                ("duration", UnitKind::Duration),
                ("age", UnitKind::Age),
                ("temperature", UnitKind::Temperature),
                ("speed", UnitKind::Speed),
                ("data", UnitKind::Data),
            ],
            None,
        )?;
        Ok((
            r.get(0),
            Unit {
                unit: r.get(1),
                kind,
            },
        ))
    }));
    let counted_nouns = PhraseTable::new(data::COUNTED_NOUNS.load(|r| Ok((r.get(0), r.get(1)))));
    let qualifiers = PhraseTable::new(data::QUALIFIERS.load(|r| {
        let q = r.choice(
            1,
            &[
                ("more_than", Qualifier::MoreThan),
                ("less_than", Qualifier::LessThan),
                ("about", Qualifier::About),
            ],
            None,
        )?;
        Ok((r.get(0), q))
    }));
    let per = PhraseTable::new(data::PER.load(|r| Ok((r.get(0), r.get(1)))));
    let directions = data::DIRECTIONS.load(|r| {
        let direction = r.choice(1, &[("up", Direction::Up), ("down", Direction::Down)], None)?;
        let before = r.choice(2, &[("before", true), ("after", false)], None)?;
        Ok((r.get(0), direction, before))
    });
    let directions_before = PhraseTable::new(
        directions
            .iter()
            .filter(|(_, _, before)| *before)
            .map(|&(phrase, direction, _)| (phrase, direction)),
    );
    let directions_after = PhraseTable::new(
        directions
            .iter()
            .filter(|(_, _, before)| !*before)
            .map(|&(phrase, direction, _)| (phrase, direction)),
    );
    let ordinals = data::ORDINALS
        .load(|r| Ok((r.get(0), number(r)?)))
        .into_iter()
        .collect();
    let rank_cues = PhraseTable::new(data::RANK_CUES.load(|r| {
        let form = r.choice(
            1,
            &[
                ("ordinal", RankCue::Ordinal),
                ("top", RankCue::Top),
                ("copula", RankCue::Copula),
            ],
            Some(RankCue::Ordinal),
        )?;
        Ok((r.get(0), form))
    }));
    let months: HashMap<&str, u32> = data::MONTHS
        .load(|r| Ok((r.get(0), r.parse(1, "month")?)))
        .into_iter()
        .collect();
    let fractions = PhraseTable::new(data::FRACTIONS.load(|r| Ok((r.get(0), number(r)?))));
    let number_names: HashMap<&str, bool> = data::NUMBER_NAMES
        .load(|r| Ok((r.get(0), r.choice(1, &[("any", true)], Some(false))?)))
        .into_iter()
        .collect();
    Lexicons {
        number_word_ids: by_word(&number_words),
        ordinal_ids: by_word(&ordinals),
        month_ids: by_word(&months),
        number_name_ids: by_word(&number_names),
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
        fractions,
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_loads() {
        let lex = &*LEXICONS;
        assert!(lex.number_words.len() >= 28);
        assert_eq!(lex.month_ids.get(word_id("sept")), Some(9));
        assert_eq!(lex.ordinal_ids.get(word_id("Fifth")), Some(5.0));
        assert_eq!(lex.ordinals.get("fifth"), Some(&5.0));
    }

    #[test]
    fn phrases_match_longest_first_and_ignore_case() {
        let text = "152 Small and Medium-Sized Businesses";
        let toks = words_of(text);
        let (n, lemma) = LEXICONS.counted_nouns.starting_at(text, &toks, 1).unwrap();
        assert_eq!((n, *lemma), (4, "sme"));
        let text = "worth more than 48";
        let toks = words_of(text);
        let (n, q) = LEXICONS.qualifiers.ending_at(text, &toks, 2).unwrap();
        assert_eq!((n, *q), (2, Qualifier::MoreThan));
    }

    #[test]
    fn currencies_are_the_codes_of_the_data() {
        for unit in ["KZT", "USD", "EUR", "RUB", "CNY"] {
            assert!(is_currency(unit), "{unit}");
        }
        for unit in ["kzt", "job", "%", "rank", "times", "m2", "ABC", ""] {
            assert!(!is_currency(unit), "{unit}");
        }
    }

    #[test]
    fn currency_forms_are_unique() {
        // A form is listed once, or twice when it stands before the number for one currency
        // and after it for another (`P85 billion` pesos, `50p` pence).
        let mut seen = std::collections::HashMap::new();
        for (form, code, position) in data::CURRENCIES.load(|r| Ok((r.get(0), r.get(1), r.get(2))))
        {
            if let Some((other_code, other_position)) = seen.insert(form, (code, position)) {
                let before_and_after = matches!(
                    (position, other_position),
                    ("before", "after") | ("after", "before")
                );
                assert!(
                    before_and_after && code != other_code,
                    "currencies.tsv lists {form:?} twice"
                );
            }
            assert_eq!(code.len(), 3, "{code:?} is not an ISO 4217 code");
        }
    }
}
