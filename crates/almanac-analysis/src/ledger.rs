//! What the analyses read: facts as the ledger stores them, and the two pieces of outside
//! knowledge they need (which place lies in which, and the official exchange rates), passed
//! in as small traits so that this crate stays free of I/O and of the store.

use almanac_extract::{Fact, Period, Qualifier, Status};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A fact as the ledger keeps it: the extractor's [`Fact`] plus what the store adds (its
/// row id, its document's date, and money normalised to tenge and dollars).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerFact {
    /// The fact's id in the ledger; alerts and verdicts cite facts by it.
    pub id: i64,
    /// The fact itself; `fact.doc` is its document's id.
    #[serde(flatten)]
    pub fact: Fact,
    /// The document's publication date, when known.
    pub doc_date: Option<NaiveDate>,
    /// For money: the value in tenge, `None` when no rate covers it or it is not money.
    pub value_kzt: Option<f64>,
    /// For money: the value in US dollars.
    pub value_usd: Option<f64>,
}

impl LedgerFact {
    /// Whether the fact is an amount of money (its unit is an ISO 4217 code).
    pub fn is_money(&self) -> bool {
        self.fact.unit.as_deref().is_some_and(is_currency)
    }

    /// The unit, or `""` when the fact has none.
    pub fn unit(&self) -> &str {
        self.fact.unit.as_deref().unwrap_or("")
    }

    /// The time the figure holds for: its period, else the month of its document.
    pub fn when(&self) -> Option<Period> {
        self.fact
            .period
            .or_else(|| self.doc_date.map(|d| Period::Month(d.year(), d.month() as u8)))
    }

    /// The fact as evidence behind an alert or a verdict.
    pub fn evidence(&self) -> Evidence {
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

    /// Where the figure starts in its document, for reading order within one text. The
    /// span when the extractor gave one, else the figure's place in its sentence.
    pub(crate) fn position(&self) -> usize {
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

/// Whether `place` is `subject` itself or lies in it (case-insensitive).
pub fn is_within(places: &dyn Places, place: &str, subject: &str) -> bool {
    place.eq_ignore_ascii_case(subject)
        || places
            .ancestors(place)
            .iter()
            .any(|a| a.eq_ignore_ascii_case(subject))
}

/// Official exchange rates: tenge per unit of a currency over a period. Any
/// `Fn(&str, Period) -> Option<f64>` is one; the CLI passes the store's rates file.
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
