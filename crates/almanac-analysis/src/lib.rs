//! almanac-analysis: what the ledger's figures say together.
//!
//! Three analyses over facts as the ledger stores them ([`LedgerFact`]), each a pure
//! function, so that the CLI, the server and the tests share one implementation:
//!
//! - [`timeline`]: a subject's metric over time, one point per period, restated figures
//!   merged into one reading with several sources, differing figures kept apart;
//!   drawn by [`chart`] as SVG, PNG or a compact terminal chart.
//! - [`check`]: consistency alerts (currency conversions off the official rate, parts
//!   larger than their whole, implausible values, conflicting reports, arithmetic that
//!   does not hold), each with the facts and sentences behind it and one line of
//!   explanation.
//! - [`promises`]: planned figures matched to what was later reported, with a verdict.
//!
//! What this crate does not do: read the database (it does not even compile SQLite). The
//! caller passes the facts (the ledger's records, `almanac-model`'s `StoredFact`), the
//! official exchange rates ([`Rates`]; [`official_rates`] are the ledger's) and the
//! `part_of` relation between places ([`Places`]; [`gazetteer`] is the extractor's). Both
//! traits are implemented by plain closures, so tests and other callers can pass their
//! own.
//!
//! ```
//! use almanac_analysis::{check, timeline, NoPlaces, TimelineOptions};
//! let facts = Vec::new();
//! let no_rates = |_: &str, _: almanac_extract::Period| None;
//! assert!(check(&facts, &no_rates, &NoPlaces).is_empty());
//! let series = timeline(&facts, "Almaty", "jobs", &TimelineOptions::default(), &NoPlaces);
//! assert!(series.points.is_empty());
//! ```
//!
//! The key decision: a figure is never averaged or silently picked. Two documents that
//! disagree give two readings and a conflict alert; a promise's verdict cites the facts on
//! both sides. A reader must always be able to go back to the sentences.

#![forbid(unsafe_code)]

pub mod chart;
pub mod check;
pub mod ledger;
pub mod numbers;
pub mod promises;
pub mod timeline;

#[cfg(test)]
mod testing;

pub use check::{check, Alert, AlertKind, Severity};
pub use ledger::{
    gazetteer, is_within, latest_date, official_rates, Evidence, FactExt, LedgerFact, NoPlaces,
    Places, Rates,
};
pub use promises::{promises, Promise, PromiseItem, PromiseOptions, Verdict};
pub use timeline::{timeline, Currency, Point, Reading, Series, Source, TimelineOptions};
