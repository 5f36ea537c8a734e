//! almanac-extract: the figures and facts of economic-development news, from text alone.
//!
//! Text and a document context in, facts out. This crate does no I/O at all: no files, no
//! network, no clock. "Today" is the document date the caller passes in or the one the text
//! itself states. Extraction never fails: whatever it cannot read becomes a `Diagnostic`
//! beside the facts.
//!
//! ```
//! use almanac_extract::{extract, DocContext};
//! let ctx = DocContext { doc: "example", date: None, lang: None };
//! let out = extract(" date 2023-07-31\nThe zone created 369 jobs.", &ctx);
//! assert_eq!(out.facts[0].value, 369.0);
//! assert_eq!(out.facts[0].unit.as_deref(), Some("job"));
//! ```
//!
//! The pipeline, one module each: `document` (date header, boilerplate, paragraphs) ->
//! `sentences` -> `tokens` (the one token stream of the document, every word numbered once
//! by `vocabulary`) -> `entities` (the whole stream) and, paragraph by paragraph,
//! `quantities` (numbers, scales, units, qualifiers, built on `numbers` and the lexicons
//! in `data/`) and `times` -> `facts` (metric, measure, subject, period, status, object,
//! groups), with `diagnostics` for the numbers none of them reads. Each layer reads the
//! stream through a view of its own, never a tokenizer of its own. Word lists are data
//! files compiled in by `data`, so adding a unit or a place is a one-line change reviewed
//! like code.

// The extractor reads untrusted text; nothing in it needs `unsafe`, and nothing may.
#![forbid(unsafe_code)]

mod data;
mod diagnostics;
pub mod document;
pub mod entities;
pub mod fact;
pub mod facts;
pub mod lang;
pub mod lexicon;
pub mod numbers;
pub mod period;
pub mod quantities;
mod ru;
pub mod sentences;
mod swar;
pub mod times;
mod tokens;
mod vocabulary;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use entities::{Entity, EntityKind, Mention};
pub use fact::{
    Diagnostic, Direction, Equivalent, Fact, Measure, Metric, ParseMetricError, Qualifier, Status,
};
pub use lang::Lang;
pub use lexicon::is_currency;
pub use period::Period;
pub use quantities::{Quantity, QuantityKind};

/// The version of the extraction rules, stored with every document so that `almanac
/// reindex` knows what to re-extract: the package version and a hash of every source and
/// data file of this crate (`0.1.0+rules.` and 16 hex digits), which `build.rs` computes,
/// so that it changes with any rule or word list and nobody has to remember to bump it.
pub const EXTRACTOR_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "+rules.",
    env!("ALMANAC_RULES_HASH")
);

/// What the caller knows about a document besides its text.
#[derive(Debug, Clone, Default)]
pub struct DocContext<'a> {
    /// The document id written into every fact's `doc`.
    pub doc: &'a str,
    /// A publication date from outside the text (JSONL metadata or the user's `--date`).
    pub date: Option<NaiveDate>,
    /// The language, when the caller knows it (`--lang`, JSONL `lang`); else detected.
    pub lang: Option<Lang>,
}

/// Where the document date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A ` date YYYY-MM-DD` header line.
    Header,
    /// Given by the caller (JSONL `date` or `--date`).
    Metadata,
    /// Written near the start of the article (`October 29, 2019`).
    Text,
}

/// Everything extracted from one document. It deserialises too, so that an extraction
/// made elsewhere (the Python bindings in a Spark job) can be written to a ledger.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub facts: Vec<Fact>,
    pub entities: Vec<Entity>,
    pub date: Option<NaiveDate>,
    pub date_source: Option<DateSource>,
    /// The language the document was read as; Kazakh gives no facts (a diagnostic says so).
    pub lang: Lang,
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts the facts of one document. `text` is the document as the user gave it, header
/// line included; every span in the result is a byte range into it.
pub fn extract(text: &str, ctx: &DocContext<'_>) -> Extraction {
    facts::extract(text, ctx, usize::MAX).0
}

/// `extract`, reading no more than the first `max_figures` figures (fact-worthy quantities)
/// of the document, in text order: the facts of a document of nothing but figures fill
/// memory long before its text does. When the document has more, the facts found so far
/// are returned with the byte offset where the first figure left unread starts, for the
/// caller to say so; a document within the limit gives exactly what `extract` gives.
pub fn extract_with_limit(
    text: &str,
    ctx: &DocContext<'_>,
    max_figures: usize,
) -> (Extraction, Option<usize>) {
    // The token stream and entities of the whole text are made before any figure is read,
    // so a long text is first cut after the paragraph holding its figure over the limit:
    // memory then follows what is read, not the text. A figure and what parts it from the
    // next take three bytes at least (`5%,`), so a text shorter than that many (every
    // article, and a long statistical release) is never searched twice; `facts::extract`
    // keeps to the limit in any case, and such a text costs little memory whole.
    if text.len() / 3 <= max_figures {
        return facts::extract(text, ctx, max_figures);
    }
    let lang = ctx.lang.unwrap_or_else(|| lang::detect(text));
    let ctx = DocContext {
        lang: Some(lang),
        ..ctx.clone()
    };
    let end = figures_end(text, lang, max_figures);
    facts::extract(&text[..end], &ctx, max_figures)
}

/// The end of the paragraph of `text` where its figure after the first `max_figures` is,
/// else the text's end.
fn figures_end(text: &str, lang: Lang, max_figures: usize) -> usize {
    if !lang.is_supported() {
        return text.len();
    }
    let mut seen = 0;
    for p in document::parse(text).paragraphs {
        let found = match lang {
            Lang::Russian => {
                let stream = tokens::tokenize(text, p.clone());
                ru::quantities::find_in(text, &tokens::words(text, &stream))
            }
            _ => quantities::find(text, p.clone()),
        };
        seen += found.iter().filter(|q| q.fact_worthy).count();
        if seen > max_figures {
            return p.end;
        }
    }
    text.len()
}

/// Every quantity in `text`, fact-worthy or not (durations, ages, temperatures...), for
/// `almanac extract --all-quantities`.
pub fn all_quantities(text: &str) -> Vec<Quantity> {
    all_quantities_in(text, lang::detect(text))
}

/// `all_quantities` read with the rules of `lang`; none for a language without rules.
pub fn all_quantities_in(text: &str, lang: Lang) -> Vec<Quantity> {
    if !lang.is_supported() {
        return Vec::new();
    }
    let doc = document::parse(text);
    let mut found: Vec<Vec<Quantity>> = doc
        .paragraphs
        .iter()
        .map(|p| match lang {
            Lang::Russian => {
                let stream = tokens::tokenize(text, p.clone());
                ru::quantities::find_in(text, &tokens::words(text, &stream))
            }
            _ => {
                let mut found = quantities::find(text, p.clone());
                for q in &mut found {
                    quantities::fraction_as_share(q);
                    quantities::fall_as_factor(q);
                }
                found
            }
        })
        .collect();
    quantities::resolve_dollars(&mut found);
    found.into_iter().flatten().collect()
}

/// The hashing of `build.rs`, compiled here too so that the tests below can check it.
#[cfg(test)]
#[path = "../build/rules_hash.rs"]
mod rules_hash;

#[cfg(test)]
mod tests {
    use super::rules_hash::{rule_files, rules_hash};
    use super::EXTRACTOR_VERSION;

    #[test]
    fn the_version_is_the_hash_of_the_rules_on_disk() {
        let files = rule_files(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert!(files.iter().any(|(p, _)| p == "data/units.tsv"));
        assert!(files.iter().any(|(p, _)| p == "src/facts/mod.rs"));
        let hash = rules_hash(files.iter().map(|(p, c)| (p.as_str(), c.as_slice())));
        assert_eq!(
            EXTRACTOR_VERSION,
            format!("{}+rules.{hash:016x}", env!("CARGO_PKG_VERSION"))
        );
    }

    #[test]
    fn any_change_of_a_rule_file_changes_the_hash() {
        let rules: [(&str, &[u8]); 2] = [
            ("data/units.tsv", b"%\t%\tpercent\n"),
            ("src/facts.rs", b"fn metric() {}\n"),
        ];
        let base = rules_hash(rules);
        let changed_data: [(&str, &[u8]); 2] = [
            ("data/units.tsv", b"%\t%\tpercent\npct\t%\tpercent\n"),
            ("src/facts.rs", b"fn metric() {}\n"),
        ];
        assert_ne!(rules_hash(changed_data), base);
        let moved: [(&str, &[u8]); 2] = [
            ("data/units.tsv", b"%\t%\tpercent\nfn metric() {}\n"),
            ("src/facts.rs", b""),
        ];
        assert_ne!(rules_hash(moved), base);
        let renamed: [(&str, &[u8]); 2] = [
            ("data/unit.tsv", b"%\t%\tpercent\n"),
            ("src/facts.rs", b"fn metric() {}\n"),
        ];
        assert_ne!(rules_hash(renamed), base);
        // The order files are listed in and the checkout's line ends do not matter.
        let reordered_crlf: [(&str, &[u8]); 2] = [
            ("src/facts.rs", b"fn metric() {}\r\n"),
            ("data/units.tsv", b"%\t%\tpercent\r\n"),
        ];
        assert_eq!(rules_hash(reordered_crlf), base);
    }
}
