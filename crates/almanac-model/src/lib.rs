//! almanac-model: a fact as the ledger keeps it, and the official exchange rates that
//! normalise its money.
//!
//! [`StoredFact`] is the extractor's `Fact` plus what the ledger adds: its id, the date of
//! its document, and money in tenge and dollars with the [`Rate`]s used. The store writes
//! and reads it; the analyses, the CLI (and a server later) take it as it is.
//!
//! This crate knows no database and does no I/O: the rates file is compiled in. It is a
//! crate of its own, rather than a module of `almanac-store`, so that `almanac-analysis`
//! can use the ledger's records and rates without compiling SQLite.
//!
//! ```
//! use almanac_extract::Period;
//! use almanac_model::rates;
//! let money = rates::normalise(456.31e6, "KZT", &[], Some(Period::Year(2023))).unwrap();
//! assert_eq!(money.value_usd.map(f64::round), Some(1e6));
//! ```

#![forbid(unsafe_code)]

pub mod columns;
#[cfg(feature = "arrow")]
pub mod documents;
pub mod rates;

use almanac_extract::Fact;
use chrono::NaiveDate;
use serde::Serialize;

pub use rates::{Money, Rate, RateSource};

/// A fact as stored: the extractor's `Fact` plus the document date and money normalised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredFact {
    /// The fact's row id in this ledger.
    pub id: i64,
    #[serde(flatten)]
    pub fact: Fact,
    /// The date of the document the fact comes from.
    pub doc_date: Option<NaiveDate>,
    pub value_kzt: Option<f64>,
    pub value_usd: Option<f64>,
    /// The rate used for `value_kzt` (KZT per unit of the fact's currency).
    pub kzt_rate: Option<Rate>,
    /// The rate used for `value_usd` (KZT per USD).
    pub usd_rate: Option<Rate>,
    /// The rate the text's own equivalent implies.
    pub implied_rate: Option<Rate>,
}
