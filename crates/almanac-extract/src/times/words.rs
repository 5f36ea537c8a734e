//! The words of the time layer: the classes of `data/time_words.tsv` (months, ordinals,
//! seasons, comparison cues...) with their values, and the literal words of the rules
//! (`START_WORDS`), which `w!` turns into numbers at compile time.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::data;
use crate::vocabulary::{self, vocabulary_size, WordId, UNKNOWN};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Month,
    Ordinal,
    Cardinal,
    Roman,
    RelYear,
    Present,
    YearCue,
    Name,
    CountNoun,
    NotNoun,
    Season,
    SeasonCue,
    MonthCue,
    CompareCue,
    CompareVerb,
    CompareNoun,
    Superlative,
    /// Not a class of the data: marks the words a rule can start with (`RULE_STARTS`).
    Start,
}

pub(super) const CLASS_COUNT: usize = Class::Start as usize + 1;

impl Class {
    /// The class as a bit of `Entry::classes`.
    #[inline]
    pub(super) const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// A word of the word list: its classes with their values, and which literal word of the
/// rules it is.
pub(super) struct Entry {
    /// One bit per `Class`.
    pub(super) classes: u32,
    /// The value of each class (the first one given, when a word repeats a class).
    pub(super) values: [i32; CLASS_COUNT],
    /// The word's index in `START_WORDS` (`word_id`), or `NO_WORD`.
    pub(super) word: u8,
}

pub(crate) struct Lexicon {
    /// What a token keeps of its word's entry, by the word's number (`vocabulary`): a word
    /// in no list has the empty slot.
    pub(super) by_id: Vec<Slot>,
    pub(super) entries: Vec<Entry>,
}

/// What a token keeps of its word's entry, so that reading it is one look at one place.
#[derive(Clone, Copy)]
pub(super) struct Slot {
    pub(super) classes: u32,
    /// The index in `Lexicon::entries`.
    pub(super) entry: u16,
    pub(super) word: u8,
}

pub(super) const EMPTY_SLOT: Slot = Slot {
    classes: 0,
    entry: 0,
    word: NO_WORD,
};

impl Lexicon {
    /// The slot of the word numbered `id`; the empty one when it is in no list.
    #[inline]
    pub(super) fn slot(&self, id: WordId) -> Slot {
        self.by_id.get(id as usize).copied().unwrap_or(EMPTY_SLOT)
    }
}

/// The rows of `data/time_words.tsv`: word (lower case), class, value.
fn rows() -> Vec<(&'static str, Class, i32)> {
    data::TIME_WORDS.load(|r| {
        let word = r.get(0);
        if word != word.to_lowercase() {
            return Err(r.error(format_args!("{word:?} is not in lower case")));
        }
        let class = r.choice(
            1,
            &[
                ("month", Class::Month),
                ("ordinal", Class::Ordinal),
                ("cardinal", Class::Cardinal),
                ("roman", Class::Roman),
                ("rel_year", Class::RelYear),
                ("present", Class::Present),
                ("year_cue", Class::YearCue),
                ("name", Class::Name),
                ("count_noun", Class::CountNoun),
                ("not_noun", Class::NotNoun),
                ("season", Class::Season),
                ("season_cue", Class::SeasonCue),
                ("month_cue", Class::MonthCue),
                ("compare_cue", Class::CompareCue),
                ("compare_verb", Class::CompareVerb),
                ("compare_noun", Class::CompareNoun),
                ("superlative", Class::Superlative),
            ],
            None,
        )?;
        Ok((word, class, r.parse_opt(2, "value")?.unwrap_or(0)))
    })
}

/// The words of the time layer for the vocabulary: its word list and the words of its rules.
pub(crate) fn vocabulary_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = rows().into_iter().map(|(word, _, _)| word).collect();
    words.extend(START_WORDS);
    words
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut index: HashMap<&'static str, usize> = HashMap::default();
        // Entry 0 is that of the words in no list.
        let mut entries: Vec<Entry> = vec![Entry {
            classes: 0,
            values: [0; CLASS_COUNT],
            word: NO_WORD,
        }];
        let mut entry_of = |word: &'static str, entries: &mut Vec<Entry>| {
            *index.entry(word).or_insert_with(|| {
                entries.push(Entry {
                    classes: 0,
                    values: [0; CLASS_COUNT],
                    word: START_WORDS
                        .iter()
                        .position(|w| *w == word)
                        .map_or(NO_WORD, |k| k as u8),
                });
                entries.len() - 1
            })
        };
        for (word, class, value) in rows() {
            let k = entry_of(word, &mut entries);
            let entry = &mut entries[k];
            // A class given twice keeps its first value.
            if entry.classes & class.bit() == 0 {
                entry.classes |= class.bit();
                entry.values[class as usize] = value;
            }
        }
        // The literal words of the rules get an entry too (with no class), so that one
        // lookup per token tells whether a rule can start there at all, and which word it is.
        for word in START_WORDS {
            entry_of(word, &mut entries);
        }
        // `Tok::entry` is a `u16`.
        assert!(entries.len() <= usize::from(u16::MAX));
        let mut lexicon = Lexicon {
            by_id: vec![EMPTY_SLOT; vocabulary_size()],
            entries,
        };
        for (&word, &k) in &index {
            let entry = &mut lexicon.entries[k];
            let starts = RULE_STARTS.contains(&word)
                || START_CLASSES.iter().any(|c| entry.classes & c.bit() != 0);
            if starts {
                entry.classes |= Class::Start.bit();
            }
        }
        for (word, k) in index {
            let id = vocabulary::word_id(word);
            assert_ne!(
                id, UNKNOWN,
                "the time word {word:?} is not in the vocabulary"
            );
            lexicon.by_id[id as usize] = Slot {
                classes: lexicon.entries[k].classes,
                // `Tok::entry` is a `u16`: checked above.
                entry: k as u16,
                word: lexicon.entries[k].word,
            };
        }
        lexicon
    })
}

/// The words a rule can start with, besides numbers and the words of `START_CLASSES`: the
/// first word each rule reads (`as of`, `since`, `from`, `between`, `no later than`, `up
/// to`, `by`, `due`, `before`, `until`, `the`, `over`, `in`, `so far`, `year to date`, `at present`,
/// the edges, `Q1`, `H1`, `first`, `this`, `last`, `next`, `a year ago` ...).
pub(super) const RULE_STARTS: &[&str] = &[
    "a",
    "as",
    "at",
    "before",
    "beginning",
    "between",
    "by",
    "due",
    "during",
    "early",
    "end",
    "first",
    "for",
    "from",
    "h",
    "in",
    "last",
    "late",
    "mid",
    "middle",
    "next",
    "no",
    "not",
    "over",
    "q",
    "since",
    "so",
    "start",
    "the",
    "this",
    "through",
    "throughout",
    "till",
    "until",
    "untill",
    "up",
    "within",
    "year",
];

/// The classes whose words may start a rule: months, counts, ordinals, seasons, `this year`
/// words, `currently` words and cues of counted months.
pub(super) const START_CLASSES: &[Class] = &[
    Class::Month,
    Class::Ordinal,
    Class::Cardinal,
    Class::Roman,
    Class::RelYear,
    Class::Present,
    Class::Season,
    Class::MonthCue,
];

/// Every word the rules below compare a token with (`is_word`, `is_any`, `words`, `word`
/// matches). A rule can only start at a number or at a word that is either one of these or
/// in the word list: `find` skips every other token without trying the rules. The test
/// `start_words_cover_the_rules` checks that this list holds every literal of the parser.
pub(super) const START_WORDS: &[&str] = &[
    "a",
    "after",
    "ago",
    "ahead",
    "and",
    "as",
    "at",
    "back",
    "be",
    "before",
    "began",
    "beginning",
    "between",
    "by",
    "coming",
    "corresponding",
    "created",
    "creation",
    "current",
    "date",
    "deferred",
    "delayed",
    "due",
    "during",
    "earlier",
    "early",
    "end",
    "entire",
    "established",
    "establishment",
    "fall",
    "far",
    "first",
    "for",
    "formation",
    "formed",
    "foundation",
    "founded",
    "founding",
    "from",
    "fy",
    "h",
    "half",
    "in",
    "inception",
    "introduced",
    "july",
    "june",
    "last",
    "late",
    "later",
    "launch",
    "launched",
    "level",
    "levels",
    "long",
    "may",
    "mid",
    "middle",
    "moment",
    "month",
    "months",
    "nd",
    "nearest",
    "next",
    "no",
    "not",
    "now",
    "of",
    "on",
    "opened",
    "opening",
    "over",
    "past",
    "percent",
    "period",
    "points",
    "postponed",
    "present",
    "previous",
    "prior",
    "pushed",
    "put",
    "q",
    "quarter",
    "quarters",
    "rd",
    "rescheduled",
    "row",
    "running",
    "s",
    "same",
    "set",
    "since",
    "so",
    "soon",
    "st",
    "start",
    "started",
    "straight",
    "th",
    "than",
    "that",
    "the",
    "this",
    "those",
    "through",
    "throughout",
    "thru",
    "till",
    "time",
    "to",
    "today",
    "until",
    "untill",
    "up",
    "vs",
    "well",
    "whole",
    "will",
    "with",
    "within",
    "year",
    "years",
];

/// `Tok::word` of a word that is not in `START_WORDS`.
pub(super) const NO_WORD: u8 = u8::MAX;

/// The index of `word` in `START_WORDS`; evaluated at compile time by `w!`, where a word
/// missing from the list is a compile error.
pub(super) const fn word_id(word: &str) -> u8 {
    let word = word.as_bytes();
    let mut k = 0;
    while k < START_WORDS.len() {
        let known = START_WORDS[k].as_bytes();
        if known.len() == word.len() {
            let mut j = 0;
            while j < word.len() && known[j] == word[j] {
                j += 1;
            }
            if j == word.len() {
                return k as u8;
            }
        }
        k += 1;
    }
    panic!("a word of the rules is missing from START_WORDS");
}

/// A literal word of the rules as its number (`word_id`), so that comparing a token with it
/// is comparing two bytes.
macro_rules! w {
    ($word:literal) => {
        const { $crate::times::words::word_id($word) }
    };
}
pub(super) use w;
