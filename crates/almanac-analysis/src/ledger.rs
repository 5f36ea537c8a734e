//! What the analyses read: facts as the ledger stores them, and the two pieces of outside
//! knowledge they need (which place lies in which, and the official exchange rates), passed
//! in as small traits so that this crate stays free of I/O and of the store.

use almanac_extract::{Direction, Period, Qualifier, Status};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A fact as the ledger keeps it: the extractor's [`Fact`](almanac_extract::Fact) plus
/// what the store adds (its row id, its document's date, money normalised to tenge and
/// dollars with the rates used). This is the store's own record type (from
/// `almanac-model`, which the store and this crate share), so that the ledger, the CLI,
/// the server and the analyses share one definition.
pub use almanac_model::StoredFact as LedgerFact;

/// What the analyses ask of a ledger fact, beyond its fields.
pub trait FactExt {
    /// Whether the fact is an amount of money (its unit is an ISO 4217 code).
    fn is_money(&self) -> bool;
    /// The unit, or `""` when the fact has none.
    fn unit(&self) -> &str;
    /// The time the figure holds for: its period, else the month of its document.
    fn when(&self) -> Option<Period>;
    /// The fact as evidence behind an alert or a verdict.
    fn evidence(&self) -> Evidence;
    /// Where the figure starts in its document, for reading order within one text: the
    /// span when the extractor gave one, else the figure's place in its sentence.
    fn position(&self) -> usize;
    /// Which way the figure says something moved (`grew 3%`, `fell 2%`), as the
    /// extractor's quantity reader finds it in the fact's sentence: the words next to the
    /// figure, never a word anywhere in the sentence (`rise` in `enterprises`).
    fn direction(&self) -> Option<Direction>;
}

impl FactExt for LedgerFact {
    fn is_money(&self) -> bool {
        self.fact.unit.as_deref().is_some_and(is_currency)
    }

    fn unit(&self) -> &str {
        self.fact.unit.as_deref().unwrap_or("")
    }

    fn when(&self) -> Option<Period> {
        self.fact.period.or_else(|| {
            self.doc_date
                .map(|d| Period::Month(d.year(), d.month() as u8))
        })
    }

    fn evidence(&self) -> Evidence {
        Evidence {
            fact_id: self.id,
            doc: self.fact.doc.clone(),
            date: self.doc_date,
            text: self.fact.text.clone(),
            value: self.fact.value,
            unit: self.fact.unit.clone(),
            qualifier: self.fact.qualifier,
            subject: self.fact.subject.clone(),
            period: self.fact.period,
            status: self.fact.status,
            sentence: self.fact.sentence.clone(),
        }
    }

    fn direction(&self) -> Option<Direction> {
        if self.fact.value < 0.0 {
            return Some(Direction::Down);
        }
        // The figure's place in its sentence: the occurrence of its text nearest to where
        // the span says it is, when the sentence is a slice of the document.
        let quantities = almanac_extract::all_quantities(&self.fact.sentence);
        quantities
            .iter()
            .find(|q| q.text == self.fact.text)
            .or_else(|| quantities.iter().find(|q| q.value == self.fact.value))
            .and_then(|q| q.direction)
    }

    fn position(&self) -> usize {
        if self.fact.span != [0, 0] {
            self.fact.span[0]
        } else {
            self.fact.sentence.find(&self.fact.text).unwrap_or(0)
        }
    }
}

/// One fact cited by an alert or a verdict: enough to show it without the ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub fact_id: i64,
    pub doc: String,
    pub date: Option<NaiveDate>,
    /// The figure as written.
    pub text: String,
    pub value: f64,
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub subject: Option<String>,
    pub period: Option<Period>,
    pub status: Option<Status>,
    pub sentence: String,
}

/// Which places lie in which: the `part_of` relation of the gazetteer or of the ledger's
/// entities. Any `Fn(&str) -> Vec<String>` is one.
pub trait Places {
    /// The places `name` lies in, nearest first (`Alatau district` -> `Almaty`,
    /// `Kazakhstan`); empty when unknown.
    fn ancestors(&self, name: &str) -> Vec<String>;
}

impl<F: Fn(&str) -> Vec<String>> Places for F {
    fn ancestors(&self, name: &str) -> Vec<String> {
        self(name)
    }
}

/// No `part_of` relation: every place stands alone.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoPlaces;

impl Places for NoPlaces {
    fn ancestors(&self, _name: &str) -> Vec<String> {
        Vec::new()
    }
}

/// The gazetteer's `part_of` relation (`almanac_extract::entities::ancestors`).
pub fn gazetteer(name: &str) -> Vec<String> {
    almanac_extract::entities::ancestors(name)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Whether `place` is `subject` itself or lies in it (case-insensitive).
pub fn is_within(places: &dyn Places, place: &str, subject: &str) -> bool {
    place.eq_ignore_ascii_case(subject)
        || places
            .ancestors(place)
            .iter()
            .any(|a| a.eq_ignore_ascii_case(subject))
}

/// Official exchange rates: tenge per unit of a currency over a period. Any
/// `Fn(&str, Period) -> Option<f64>` is one; the CLI passes [`official_rates`].
pub trait Rates {
    /// KZT per one unit of `currency` (ISO 4217) on average over `period`; `None` when
    /// unknown. `KZT` itself need not be answered: callers treat it as 1.
    fn kzt_per(&self, currency: &str, period: Period) -> Option<f64>;
}

impl<F: Fn(&str, Period) -> Option<f64>> Rates for F {
    fn kzt_per(&self, currency: &str, period: Period) -> Option<f64> {
        self(currency, period)
    }
}

/// The official rates the ledger uses (`almanac_model::rates`, National Bank of
/// Kazakhstan period averages).
pub fn official_rates(currency: &str, period: Period) -> Option<f64> {
    almanac_model::rates::kzt_per(currency, period).map(|rate| rate.kzt_per_unit)
}

/// KZT per unit of `currency`, with the tenge itself at 1.
pub(crate) fn kzt_rate(rates: &dyn Rates, currency: &str, period: Period) -> Option<f64> {
    if currency.eq_ignore_ascii_case("KZT") {
        Some(1.0)
    } else {
        rates.kzt_per(&currency.to_ascii_uppercase(), period)
    }
}

/// Whether a unit is a currency: FACTS.md writes money as an ISO 4217 code.
pub fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())
}

/// The latest document date among `facts`: the ledger's "now".
pub fn latest_date(facts: &[LedgerFact]) -> Option<NaiveDate> {
    facts.iter().filter_map(|f| f.doc_date).max()
}
