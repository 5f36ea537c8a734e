//! Every data file of the extractor, compiled in, and the one reader of their rows.
//!
//! A data file is TSV: one entry a line, columns separated by a tab and trimmed, `#` at the
//! start of a line makes it a comment, blank lines are skipped. A file whose entries have
//! named columns may open with a header line naming them; the reader checks it against
//! the names declared here.
//!
//! The files are compiled in, so a malformed row is a build bug, not bad input: a loader
//! that meets one panics with the file and line (`data/units.tsv:12: unknown kind "cm"`),
//! and the test `every_loader_accepts_its_file` forces every loader, so such a row fails
//! `cargo test` before it can reach a user. Nothing here skips a row it cannot read.

use std::fmt;
use std::str::FromStr;

/// One data file: its name under `data/`, its text and its columns.
#[derive(Debug)]
pub(crate) struct DataFile {
    pub name: &'static str,
    pub text: &'static str,
    /// The names of the columns, in order.
    pub columns: &'static [&'static str],
    /// How many leading columns every row must fill (the others are optional).
    pub required: usize,
    /// Whether the first row is a header naming `columns`.
    pub header: bool,
}

macro_rules! data_file {
    ($name:literal, [$($column:literal),+], required $required:literal $(, $header:ident)?) => {
        DataFile {
            name: $name,
            text: include_str!(concat!("../data/", $name)),
            columns: &[$($column),+],
            required: $required,
            header: data_file!(@header $($header)?),
        }
    };
    (@header header) => { true };
    (@header) => { false };
}

pub(crate) const ABBREVIATIONS: DataFile =
    data_file!("abbreviations.tsv", ["kind", "word"], required 2);
pub(crate) const BOILERPLATE: DataFile =
    data_file!("boilerplate.tsv", ["kind", "pattern"], required 2);
pub(crate) const COUNTED_NOUNS: DataFile =
    data_file!("counted_nouns.tsv", ["form", "lemma"], required 2);
pub(crate) const CURRENCIES: DataFile =
    data_file!("currencies.tsv", ["form", "code", "position", "factor"], required 3);
pub(crate) const DIRECTIONS: DataFile =
    data_file!("directions.tsv", ["word", "direction", "where"], required 3);
pub(crate) const ENTITY_HEADS: DataFile = data_file!(
    "entity_heads.tsv",
    ["phrase", "where", "kind", "name", "company"],
    required 4,
    header
);
pub(crate) const ENTITY_WORDS: DataFile = data_file!(
    "entity_words.tsv",
    ["class", "phrase", "target"],
    required 2,
    header
);
pub(crate) const FRACTIONS: DataFile = data_file!("fractions.tsv", ["form", "percent"], required 2);
pub(crate) const FUNCTION_WORDS: DataFile = data_file!("function_words.tsv", ["word"], required 1);
pub(crate) const GAZETTEER: DataFile = data_file!(
    "gazetteer.tsv",
    ["name", "kind", "part_of", "aliases", "adjectives", "flags", "held"],
    required 6,
    header
);
pub(crate) const METRIC_CUES: DataFile = data_file!(
    "metric_cues.tsv",
    ["phrase", "metric", "scope", "flags"],
    required 3
);
pub(crate) const METRIC_NAMES: DataFile =
    data_file!("metric_names.tsv", ["name", "metric"], required 2);
pub(crate) const MONTHS: DataFile = data_file!("months.tsv", ["form", "month"], required 2);
pub(crate) const NUMBER_NAMES: DataFile =
    data_file!("number_names.tsv", ["word", "case"], required 1);
pub(crate) const NUMBER_WORDS: DataFile =
    data_file!("number_words.tsv", ["word", "value"], required 2);
pub(crate) const OFFICES: DataFile = data_file!("offices.tsv", ["word"], required 1);
pub(crate) const ORDINALS: DataFile = data_file!("ordinals.tsv", ["word", "value"], required 2);
pub(crate) const MULTIPLIERS: DataFile = data_file!(
    "multipliers.tsv",
    ["word", "times", "direction", "where"],
    required 4
);
pub(crate) const PER: DataFile = data_file!("per.tsv", ["phrase", "per"], required 2);
pub(crate) const QUALIFIERS: DataFile =
    data_file!("qualifiers.tsv", ["phrase", "qualifier"], required 2);
pub(crate) const RANK_CUES: DataFile = data_file!("rank_cues.tsv", ["phrase", "form"], required 1);
pub(crate) const ROLES: DataFile =
    data_file!("roles.tsv", ["phrase", "role", "refers"], required 2, header);
pub(crate) const VAGUE_PLURALS: DataFile =
    data_file!("vague_plurals.tsv", ["word", "value"], required 2);
pub(crate) const SCALES: DataFile =
    data_file!("scales.tsv", ["form", "multiplier", "strength"], required 2);
pub(crate) const STATUS_BLOCKERS: DataFile =
    data_file!("status_blockers.tsv", ["phrase"], required 1);
pub(crate) const STATUS_CUES: DataFile =
    data_file!("status_cues.tsv", ["phrase", "class"], required 1);
pub(crate) const PERIOD_CUES: DataFile =
    data_file!("period_cues.tsv", ["class", "phrase"], required 2);
pub(crate) const SUBJECT_CUES: DataFile =
    data_file!("subject_cues.tsv", ["class", "word"], required 2);
pub(crate) const TIME_WORDS: DataFile =
    data_file!("time_words.tsv", ["word", "class", "value"], required 2);
pub(crate) const UNIT_METRICS: DataFile =
    data_file!("unit_metrics.tsv", ["unit", "metric", "people"], required 2);
pub(crate) const UNITS: DataFile = data_file!("units.tsv", ["form", "unit", "kind"], required 3);
pub(crate) const REFERENCE_UNITS: DataFile =
    data_file!("reference_units.tsv", ["unit"], required 1);
pub(crate) const CANONICAL_UNITS: DataFile =
    data_file!("canonical_units.tsv", ["unit", "canonical", "factor"], required 3);
pub(crate) const DIRECTIONS_RU: DataFile =
    data_file!("directions_ru.tsv", ["word", "direction"], required 2);
pub(crate) const ENTITY_HEADS_RU: DataFile = data_file!(
    "entity_heads_ru.tsv",
    ["phrase", "where", "kind", "name", "company"],
    required 4,
    header
);
pub(crate) const ENTITY_WORDS_RU: DataFile = data_file!(
    "entity_words_ru.tsv",
    ["class", "phrase", "target"],
    required 2,
    header
);
pub(crate) const FRACTIONS_RU: DataFile =
    data_file!("fractions_ru.tsv", ["phrase", "percent"], required 2);
pub(crate) const GAZETTEER_RU: DataFile =
    data_file!("gazetteer_ru.tsv", ["name", "russian"], required 2);
pub(crate) const METRIC_CUES_RU: DataFile = data_file!(
    "metric_cues_ru.tsv",
    ["phrase", "metric", "scope", "flags"],
    required 3
);
pub(crate) const MULTIPLES_RU: DataFile =
    data_file!("multiples_ru.tsv", ["word", "value", "kind"], required 3);
pub(crate) const NUMBERS_RU: DataFile =
    data_file!("numbers_ru.tsv", ["word", "value", "class"], required 3);
pub(crate) const QUANTITY_WORDS_RU: DataFile =
    data_file!("quantity_words_ru.tsv", ["phrase", "role"], required 2);
pub(crate) const QUALIFIERS_RU: DataFile =
    data_file!("qualifiers_ru.tsv", ["phrase", "qualifier"], required 2);
pub(crate) const PERIOD_CUES_RU: DataFile =
    data_file!("period_cues_ru.tsv", ["class", "phrase"], required 2);
pub(crate) const STATUS_CUES_RU: DataFile =
    data_file!("status_cues_ru.tsv", ["phrase", "class"], required 1);
pub(crate) const TIME_WORDS_RU: DataFile =
    data_file!("time_words_ru.tsv", ["word", "class", "value"], required 2);
pub(crate) const UNITS_RU: DataFile =
    data_file!("units_ru.tsv", ["phrase", "unit", "kind", "hundredth"], required 3);

/// Every data file, for the tests that read them all.
#[cfg(test)]
pub(crate) const ALL: &[&DataFile] = &[
    &ABBREVIATIONS,
    &BOILERPLATE,
    &COUNTED_NOUNS,
    &CURRENCIES,
    &DIRECTIONS,
    &ENTITY_HEADS,
    &ENTITY_WORDS,
    &FRACTIONS,
    &FUNCTION_WORDS,
    &GAZETTEER,
    &METRIC_CUES,
    &METRIC_NAMES,
    &MONTHS,
    &NUMBER_NAMES,
    &NUMBER_WORDS,
    &OFFICES,
    &ORDINALS,
    &PERIOD_CUES,
    &MULTIPLIERS,
    &PER,
    &QUALIFIERS,
    &RANK_CUES,
    &ROLES,
    &SCALES,
    &STATUS_BLOCKERS,
    &STATUS_CUES,
    &SUBJECT_CUES,
    &TIME_WORDS,
    &UNIT_METRICS,
    &UNITS,
    &CANONICAL_UNITS,
    &REFERENCE_UNITS,
    &VAGUE_PLURALS,
    &DIRECTIONS_RU,
    &ENTITY_HEADS_RU,
    &ENTITY_WORDS_RU,
    &FRACTIONS_RU,
    &GAZETTEER_RU,
    &METRIC_CUES_RU,
    &MULTIPLES_RU,
    &NUMBERS_RU,
    &QUALIFIERS_RU,
    &QUANTITY_WORDS_RU,
    &PERIOD_CUES_RU,
    &STATUS_CUES_RU,
    &TIME_WORDS_RU,
    &UNITS_RU,
];

/// A row that a loader cannot read, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DataError {
    pub file: &'static str,
    /// 1-based, as editors count.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DataError {}

/// One entry of a data file: its trimmed cells and where it stands.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    file: &'static DataFile,
    line: usize,
    cells: Vec<&'static str>,
}

impl Row {
    /// Column `i`, one of the file's required columns (the reader has checked it is there).
    pub fn get(&self, i: usize) -> &'static str {
        debug_assert!(i < self.file.required, "column {i} is optional");
        self.cells[i]
    }

    /// Column `i` when the row fills it (neither missing nor empty).
    pub fn opt(&self, i: usize) -> Option<&'static str> {
        self.cells.get(i).copied().filter(|c| !c.is_empty())
    }

    /// Every cell of the row.
    pub fn cells(&self) -> &[&'static str] {
        &self.cells
    }

    /// An error about this row.
    pub fn error(&self, message: impl fmt::Display) -> DataError {
        DataError {
            file: self.file.name,
            line: self.line,
            message: message.to_string(),
        }
    }

    /// Column `i` parsed, as a `what`.
    pub fn parse<T: FromStr>(&self, i: usize, what: &str) -> Result<T, DataError> {
        let cell = self.get(i);
        cell.parse()
            .map_err(|_| self.error(format_args!("bad {what} {cell:?}")))
    }

    /// Column `i` parsed as a `what` when filled; `None` when not.
    pub fn parse_opt<T: FromStr>(&self, i: usize, what: &str) -> Result<Option<T>, DataError> {
        self.opt(i)
            .map(|cell| {
                cell.parse()
                    .map_err(|_| self.error(format_args!("bad {what} {cell:?}")))
            })
            .transpose()
    }

    /// The value that `choices` gives the word in column `i` (`default` when an optional
    /// column is left empty).
    pub fn choice<T: Copy>(
        &self,
        i: usize,
        choices: &[(&str, T)],
        default: Option<T>,
    ) -> Result<T, DataError> {
        let Some(cell) = self.opt(i) else {
            return default.ok_or_else(|| self.error(format_args!("empty {}", self.column(i))));
        };
        choices
            .iter()
            .find(|(word, _)| *word == cell)
            .map(|&(_, value)| value)
            .ok_or_else(|| {
                let words: Vec<&str> = choices.iter().map(|(w, _)| *w).collect();
                self.error(format_args!(
                    "{} {cell:?} is none of {}",
                    self.column(i),
                    words.join(", ")
                ))
            })
    }

    fn column(&self, i: usize) -> &'static str {
        self.file.columns.get(i).copied().unwrap_or("column")
    }
}

impl DataFile {
    /// The rows of the file in order, each checked for its number of columns, or the first
    /// row that is malformed.
    pub fn rows(&'static self) -> impl Iterator<Item = Result<Row, DataError>> {
        let mut header_pending = self.header;
        self.text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
            .filter_map(move |(k, line)| {
                let row = Row {
                    file: self,
                    line: k + 1,
                    cells: line.split('\t').map(str::trim).collect(),
                };
                if std::mem::take(&mut header_pending) {
                    return (row.cells != self.columns).then(|| {
                        Err(row.error(format_args!(
                            "the header should name the columns {}",
                            self.columns.join(", ")
                        )))
                    });
                }
                Some(self.check(row))
            })
    }

    fn check(&self, row: Row) -> Result<Row, DataError> {
        if row.cells.len() > self.columns.len() {
            return Err(row.error(format_args!(
                "{} columns, the file has {} ({})",
                row.cells.len(),
                self.columns.len(),
                self.columns.join(", ")
            )));
        }
        if let Some(i) = (0..self.required).find(|&i| row.cells.get(i).is_none_or(|c| c.is_empty()))
        {
            return Err(row.error(format_args!("no {}", self.columns[i])));
        }
        Ok(row)
    }

    /// Every row, read by `read`: the entries of a loader.
    ///
    /// # Panics
    ///
    /// On a malformed row, naming the file and line: the data is compiled in, so such a row
    /// is a build bug (the tests force every loader).
    pub fn load<T>(&'static self, read: impl FnMut(&Row) -> Result<T, DataError>) -> Vec<T> {
        self.try_load(read).unwrap_or_else(|err| panic!("{err}"))
    }

    /// `load` that returns the first malformed row instead of panicking.
    pub fn try_load<T>(
        &'static self,
        mut read: impl FnMut(&Row) -> Result<T, DataError>,
    ) -> Result<Vec<T>, DataError> {
        self.rows().map(|row| read(&row?)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: DataFile = DataFile {
        name: "sample.tsv",
        text: "# a comment\nname\tkind\tvalue\n\nmetre\tmeasure\t1\n  spaced \t count \n",
        columns: &["name", "kind", "value"],
        required: 2,
        header: true,
    };

    fn read_sample(row: &Row) -> Result<(&'static str, u8, Option<i32>), DataError> {
        let kind = row.choice(1, &[("measure", 1), ("count", 2)], None)?;
        Ok((row.get(0), kind, row.parse_opt(2, "value")?))
    }

    #[test]
    fn reads_rows_with_their_optional_columns() {
        assert_eq!(
            SAMPLE.try_load(read_sample),
            Ok(vec![("metre", 1, Some(1)), ("spaced", 2, None)])
        );
    }

    #[test]
    fn reports_a_malformed_row_with_file_and_line() {
        const CASES: &[(DataFile, &str)] = &[
            (
                DataFile {
                    text: "name\tkind\tvalue\nmetre\tmeasure\tone\n",
                    ..SAMPLE
                },
                "data/sample.tsv:2: bad value \"one\"",
            ),
            (
                DataFile {
                    text: "name\tkind\tvalue\nmetre\n",
                    ..SAMPLE
                },
                "data/sample.tsv:2: no kind",
            ),
            (
                DataFile {
                    text: "name\tkind\tvalue\n\nmetre\tlength\n",
                    ..SAMPLE
                },
                "data/sample.tsv:3: kind \"length\" is none of measure, count",
            ),
            (
                DataFile {
                    text: "name\tkind\tvalue\nmetre\tmeasure\t1\t2\n",
                    ..SAMPLE
                },
                "data/sample.tsv:2: 4 columns, the file has 3 (name, kind, value)",
            ),
            (
                DataFile {
                    text: "# columns\nname\tvalue\n",
                    ..SAMPLE
                },
                "data/sample.tsv:2: the header should name the columns name, kind, value",
            ),
        ];
        for (file, expected) in CASES {
            let err = file.try_load(read_sample).unwrap_err();
            assert_eq!(err.to_string(), *expected);
        }
    }

    #[test]
    fn every_data_file_has_well_formed_rows() {
        for file in ALL {
            for row in file.rows() {
                if let Err(err) = row {
                    panic!("{err}");
                }
            }
            assert!(file.rows().count() > 0, "data/{} is empty", file.name);
        }
    }

    /// Every loader, forced: a row one of them cannot read panics here, naming its line.
    #[test]
    fn every_loader_accepts_its_file() {
        let lexicons = &*crate::lexicon::LEXICONS;
        assert!(lexicons.number_words.len() >= 28);
        assert!(crate::vocabulary::vocabulary_size() > 500);
        assert!(!crate::quantities::FUNCTION_WORDS.is_empty());
        assert!(crate::quantities::STARTERS.iter().any(|&s| s));
        let _ = &*crate::facts::CUES;
        let _ = &*crate::facts::SUBJECT_CUES;
        let _ = &*crate::facts::PERIOD_CUES;
        assert!(crate::Metric::Economy.common_names().next().is_some());
        let _ = crate::document::boilerplate();
        let _ = crate::sentences::lists();
        assert_eq!(crate::times::find("in March 2021", 0..13, None).len(), 1);
        assert!(crate::entities::places().len() > 150);
    }

    /// A Russian cue is matched by stem: a word alone whose stem is a preposition's
    /// (`заем` stems to `за`) would match that preposition everywhere.
    #[test]
    fn russian_metric_cues_have_stems_longer_than_prepositions() {
        const SHORT_WORDS: &[&str] = &[
            "в", "во", "на", "за", "по", "до", "от", "из", "к", "ко", "с", "со", "у", "о", "об",
            "и", "а", "но", "не", "ни", "же", "ли", "бы", "то", "их", "ее", "его",
        ];
        for row in METRIC_CUES_RU.rows() {
            let row = row.expect("a well-formed row");
            // A phrase's other words hold a preposition in place (`на сумму`).
            let mut words = row.get(0).split_whitespace();
            if let (Some(word), None) = (words.next(), words.next()) {
                let key = crate::ru::stem::key(word);
                assert!(
                    key.chars().count() >= 2 && !SHORT_WORDS.contains(&key.as_ref()),
                    "data/metric_cues_ru.tsv: {word:?} stems to {key:?}"
                );
            }
        }
    }

    #[test]
    fn every_data_file_is_listed_once() {
        let mut names: Vec<&str> = ALL.iter().map(|f| f.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before);
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
            .expect("the data directory")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".tsv"))
            .count();
        assert_eq!(names.len(), on_disk, "a file of data/ is missing from ALL");
    }
}
