//! Official exchange rates of the tenge and money normalised to KZT and USD.
//!
//! The rates are data (`data/rates.tsv`, compiled in): average KZT per unit of USD, EUR,
//! RUB, CNY and UZS, annual from 2010 and monthly for recent years, as published by the
//! National Bank of Kazakhstan. A figure is converted at the rate of its period (or of the
//! document date when it has none):
//!
//! - a month or a day takes that month's average, or the year's when the month is missing;
//! - a quarter, a half or an interval inside one year takes the mean of its months when all
//!   are known, else the year's average;
//! - an interval across years takes the mean of the annual averages it covers;
//! - a period after the last year in the file (a plan until 2030) takes the latest year;
//!   one wholly before the first year has no rate.
//!
//! Every converted value says which rate it used ([`Rate::period`], [`Rate::source`]).
//! Where the text itself gives an equivalent (`15 billion tenge ($33.7 million)`), that
//! equivalent is the converted value and the rate it implies is kept ([`implied_rate`]).
//!
//! ```
//! use almanac_extract::Period;
//! use almanac_model::rates;
//! let rate = rates::kzt_per("USD", Period::Year(2023)).unwrap();
//! assert_eq!(rate.kzt_per_unit, 456.31);
//! assert_eq!(rates::to_usd(456.31e6, "KZT", Period::Year(2023)).unwrap().round(), 1e6);
//! ```

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use almanac_extract::{Equivalent, Period};
use chrono::Datelike;
use serde::Serialize;

/// Where the rates come from, as the data file names it.
pub const SOURCE: &str =
    "National Bank of Kazakhstan, official exchange rates, period averages (KZT per unit)";

/// The currencies the rates file covers besides the tenge itself.
pub const CURRENCIES: [&str; 5] = ["USD", "EUR", "RUB", "CNY", "UZS"];

const RATES_TSV: &str = include_str!("../data/rates.tsv");

/// A rate used for a conversion: how many tenge one unit of `currency` was worth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rate {
    /// The ISO 4217 code of the currency quoted (`USD`).
    pub currency: String,
    pub kzt_per_unit: f64,
    /// The period the rate is an average over: `2023`, `2023-05`, `2023-01/2023-03`,
    /// `2021/2023`; for a rate implied by the text, the figure's period (or empty).
    pub period: String,
    pub source: RateSource,
}

/// Where a rate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RateSource {
    /// The official rates file (National Bank of Kazakhstan).
    Nbk,
    /// Implied by an equivalent written in the text next to the figure.
    Text,
    /// Tenge to tenge.
    Identity,
}

impl RateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            RateSource::Nbk => "nbk",
            RateSource::Text => "text",
            RateSource::Identity => "identity",
        }
    }

    /// The inverse of [`RateSource::as_str`].
    pub fn parse(s: &str) -> Option<RateSource> {
        match s {
            "nbk" => Some(RateSource::Nbk),
            "text" => Some(RateSource::Text),
            "identity" => Some(RateSource::Identity),
            _ => None,
        }
    }
}

impl fmt::Display for RateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} KZT/{} ({}",
            self.kzt_per_unit, self.currency, self.source
        )?;
        if !self.period.is_empty() {
            write!(f, " {}", self.period)?;
        }
        f.write_str(")")
    }
}

/// Money normalised to tenge and dollars, with the rates used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Money {
    /// `None` when no rate covers the period (or the figure has no period and no date).
    pub value_kzt: Option<f64>,
    pub value_usd: Option<f64>,
    /// KZT per unit of the figure's own currency, as used for `value_kzt`.
    pub kzt_rate: Option<Rate>,
    /// KZT per USD, as used for `value_usd` (`None` when the figure is in dollars).
    pub usd_rate: Option<Rate>,
    /// The rate the text's own equivalent implies, when it gives one.
    pub implied: Option<Rate>,
}

/// Whether `unit` is a currency this module converts (`KZT` or one of [`CURRENCIES`]).
pub fn is_currency(unit: &str) -> bool {
    let unit = unit.to_ascii_uppercase();
    unit == "KZT" || CURRENCIES.contains(&unit.as_str())
}

/// The official rate of `currency` (ISO 4217, any case) for the period `on`, following the
/// rules in the module docs. `KZT` gives the identity rate. `None` for a currency the file
/// does not cover or a period wholly before it.
pub fn kzt_per(currency: &str, on: Period) -> Option<Rate> {
    // Ingest asks for the same few currencies and periods over and over.
    /// Rates looked up already, by period and upper-case currency code.
    type Known = HashMap<(Period, [u8; 3]), Option<Rate>>;
    thread_local! {
        static KNOWN: RefCell<Known> = RefCell::new(HashMap::new());
    }
    let Ok(code) = <[u8; 3]>::try_from(currency.as_bytes()) else {
        return kzt_per_uncached(currency, on);
    };
    let key = (on, code.map(|b| b.to_ascii_uppercase()));
    KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        if let Some(rate) = known.get(&key) {
            return rate.clone();
        }
        let rate = kzt_per_uncached(currency, on);
        if known.len() >= 4096 {
            known.clear();
        }
        known.insert(key, rate.clone());
        rate
    })
}

fn kzt_per_uncached(currency: &str, on: Period) -> Option<Rate> {
    let currency = currency.to_ascii_uppercase();
    if currency == "KZT" {
        return Some(identity());
    }
    let table = table();
    let series = table.get(currency.as_str())?;
    let (first, last) = on.bounds();
    let (y0, y1) = (first.year(), last.year());
    let (kzt_per_unit, period) = if y0 == y1 {
        let months: Vec<Option<f64>> = (first.month()..=last.month())
            .map(|m| series.get(&(y0, m)).copied())
            .collect();
        if months.iter().all(Option::is_some) {
            let mean = months.iter().flatten().sum::<f64>() / months.len() as f64;
            let label = if months.len() == 1 {
                format!("{y0:04}-{:02}", first.month())
            } else if months.len() == 12 {
                // The published annual average is the better figure for a whole year.
                return year_rate(&currency, series, y0);
            } else {
                format!("{y0:04}-{:02}/{y0:04}-{:02}", first.month(), last.month())
            };
            (mean, label)
        } else if let Some(rate) = year_rate(&currency, series, y0) {
            return Some(rate);
        } else {
            return latest_if_after(&currency, series, y0);
        }
    } else {
        let years: Vec<(i32, f64)> = (y0..=y1)
            .filter_map(|y| series.get(&(y, 0)).map(|r| (y, *r)))
            .collect();
        match (years.first(), years.last()) {
            (Some(&(a, _)), Some(&(b, _))) => {
                let mean = years.iter().map(|(_, r)| r).sum::<f64>() / years.len() as f64;
                let label = if a == b {
                    format!("{a:04}")
                } else {
                    format!("{a:04}/{b:04}")
                };
                (mean, label)
            }
            _ => return latest_if_after(&currency, series, y0),
        }
    };
    Some(Rate {
        currency,
        kzt_per_unit: round_rate(kzt_per_unit),
        period,
        source: RateSource::Nbk,
    })
}

/// `value` in `currency` converted to tenge at the official rate for `on`.
pub fn to_kzt(value: f64, currency: &str, on: Period) -> Option<f64> {
    Some(value * kzt_per(currency, on)?.kzt_per_unit)
}

/// `value` in `currency` converted to US dollars at the official rates for `on` (through
/// the tenge for other currencies).
pub fn to_usd(value: f64, currency: &str, on: Period) -> Option<f64> {
    if currency.eq_ignore_ascii_case("USD") {
        return Some(value);
    }
    Some(to_kzt(value, currency, on)? / kzt_per("USD", on)?.kzt_per_unit)
}

/// The rate (KZT per unit of the foreign currency) implied by an amount and an equivalent
/// written next to it, when one of the two is in tenge and the other in a foreign
/// currency: `15 billion tenge ($33.7 million)` implies 445.1 KZT/USD.
pub fn implied_rate(
    value: f64,
    unit: &str,
    equivalents: &[Equivalent],
    on: Option<Period>,
) -> Option<Rate> {
    let period = on.map(|p| p.to_string()).unwrap_or_default();
    let unit = unit.to_ascii_uppercase();
    for eq in equivalents {
        let eq_unit = eq.unit.to_ascii_uppercase();
        let positive = value > 0.0 && eq.value > 0.0;
        if !positive || !is_currency(&eq_unit) || eq_unit == unit {
            continue;
        }
        let (currency, kzt_per_unit) = if unit == "KZT" {
            (eq_unit, value / eq.value)
        } else if eq_unit == "KZT" {
            (unit.clone(), eq.value / value)
        } else {
            continue;
        };
        return Some(Rate {
            currency,
            kzt_per_unit: round_rate(kzt_per_unit),
            period,
            source: RateSource::Text,
        });
    }
    None
}

/// A money figure normalised to tenge and dollars. The text's own equivalent wins where it
/// gives one in KZT or USD (it is what the source said); otherwise the official rate for
/// `on` is used. `None` when `unit` is not a currency this module knows.
pub fn normalise(
    value: f64,
    unit: &str,
    equivalents: &[Equivalent],
    on: Option<Period>,
) -> Option<Money> {
    let unit = unit.to_ascii_uppercase();
    if !is_currency(&unit) {
        return None;
    }
    let implied = implied_rate(value, &unit, equivalents, on);
    let equivalent_in = |code: &str| {
        equivalents
            .iter()
            .find(|e| e.unit.eq_ignore_ascii_case(code) && e.value > 0.0)
            .map(|e| e.value)
    };
    let text_rate = |currency: &str, kzt_per_unit: f64| Rate {
        currency: currency.to_string(),
        kzt_per_unit: round_rate(kzt_per_unit),
        period: on.map(|p| p.to_string()).unwrap_or_default(),
        source: RateSource::Text,
    };

    let (value_kzt, kzt_rate) = if unit == "KZT" {
        (Some(value), Some(identity()))
    } else if let Some(kzt) = equivalent_in("KZT") {
        (Some(kzt), Some(text_rate(&unit, kzt / value)))
    } else {
        match on.and_then(|p| kzt_per(&unit, p)) {
            Some(rate) => (Some(value * rate.kzt_per_unit), Some(rate)),
            None => (None, None),
        }
    };
    let (value_usd, usd_rate) = if unit == "USD" {
        (Some(value), None)
    } else if let Some(usd) = equivalent_in("USD") {
        let rate = value_kzt.map(|kzt| text_rate("USD", kzt / usd));
        (Some(usd), rate)
    } else {
        match (value_kzt, on.and_then(|p| kzt_per("USD", p))) {
            (Some(kzt), Some(rate)) => (Some(kzt / rate.kzt_per_unit), Some(rate)),
            _ => (None, None),
        }
    };
    Some(Money {
        value_kzt,
        value_usd,
        kzt_rate,
        usd_rate,
        implied,
    })
}

/// Every rate in the file: (currency, period, KZT per unit), in file order.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str, f64)> {
    RATES_TSV.lines().filter_map(parse_line)
}

type Series = HashMap<(i32, u32), f64>;

fn table() -> &'static HashMap<&'static str, Series> {
    static TABLE: OnceLock<HashMap<&'static str, Series>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<&'static str, Series> = HashMap::new();
        for (currency, period, rate) in all() {
            let key = match period.split_once('-') {
                Some((y, m)) => (y.parse().unwrap_or(0), m.parse().unwrap_or(0)),
                None => (period.parse().unwrap_or(0), 0),
            };
            table.entry(currency).or_default().insert(key, rate);
        }
        table
    })
}

fn parse_line(line: &'static str) -> Option<(&'static str, &'static str, f64)> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let mut cols = line.split('\t');
    let currency = cols.next()?;
    let period = cols.next()?;
    let rate = cols.next()?.trim().parse().ok()?;
    Some((currency, period, rate))
}

fn year_rate(currency: &str, series: &Series, year: i32) -> Option<Rate> {
    series.get(&(year, 0)).map(|r| Rate {
        currency: currency.to_string(),
        kzt_per_unit: *r,
        period: format!("{year:04}"),
        source: RateSource::Nbk,
    })
}

/// For a period after the data ends (a plan for 2030), the latest annual rate.
fn latest_if_after(currency: &str, series: &Series, year: i32) -> Option<Rate> {
    let latest = series
        .keys()
        .filter(|(_, m)| *m == 0)
        .map(|(y, _)| *y)
        .max()?;
    if year > latest {
        year_rate(currency, series, latest)
    } else {
        None
    }
}

fn identity() -> Rate {
    Rate {
        currency: "KZT".to_string(),
        kzt_per_unit: 1.0,
        period: String::new(),
        source: RateSource::Identity,
    }
}

fn round_rate(rate: f64) -> f64 {
    (rate * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn the_file_parses_and_covers_every_currency_every_year() {
        for currency in CURRENCIES {
            for year in 2010..=2025 {
                let rate = kzt_per(currency, Period::Year(year)).unwrap();
                assert_eq!(rate.period, year.to_string());
                assert!(rate.kzt_per_unit > 0.0);
            }
        }
        assert!(all().count() > 190);
    }

    #[test]
    fn known_annual_averages() {
        for (currency, period, want) in [
            ("USD", "2019", 382.75),
            ("USD", "2021", 426.03),
            ("USD", "2023", 456.31),
            ("usd", "2023", 456.31),
            ("EUR", "2021", 504.10),
        ] {
            assert_eq!(
                kzt_per(currency, p(period)).unwrap().kzt_per_unit,
                want,
                "{currency} {period}"
            );
        }
    }

    #[test]
    fn periods_choose_their_rate() {
        // (currency, period, rate period used)
        for (currency, period, used) in [
            ("USD", "2023-05", "2023-05"),
            ("USD", "2023-05-17", "2023-05"),
            ("USD", "2023-Q1", "2023-01/2023-03"),
            ("USD", "2023-01/2023-12", "2023"),
            ("CNY", "2023-05", "2023"),
            ("USD", "2019/2021", "2019/2021"),
            ("USD", "2024/2030", "2024/2025"),
            ("USD", "2030", "2025"),
            ("EUR", "2005/2011", "2010/2011"),
        ] {
            assert_eq!(
                kzt_per(currency, p(period)).unwrap().period,
                used,
                "{currency} {period}"
            );
        }
        assert_eq!(kzt_per("USD", p("2005")), None);
        assert_eq!(kzt_per("GBP", p("2023")), None);
        assert_eq!(kzt_per("KZT", p("2023")).unwrap().kzt_per_unit, 1.0);
    }

    #[test]
    fn conversions() {
        let usd = to_usd(15e9, "KZT", p("2023")).unwrap();
        assert!((usd - 15e9 / 456.31).abs() < 1.0);
        assert_eq!(to_kzt(1.0, "USD", p("2021")), Some(426.03));
        let eur_in_usd = to_usd(100.0, "EUR", p("2021")).unwrap();
        assert!((eur_in_usd - 100.0 * 504.10 / 426.03).abs() < 1e-9);
        assert_eq!(to_usd(5.0, "USD", p("2001")), Some(5.0));
    }

    #[test]
    fn the_texts_equivalent_wins_and_its_rate_is_kept() {
        let eq = [Equivalent {
            value: 33.7e6,
            unit: "USD".into(),
        }];
        let money = normalise(15e9, "KZT", &eq, Some(p("2023"))).unwrap();
        assert_eq!(money.value_kzt, Some(15e9));
        assert_eq!(money.value_usd, Some(33.7e6));
        assert_eq!(money.kzt_rate.unwrap().source, RateSource::Identity);
        let usd_rate = money.usd_rate.unwrap();
        assert_eq!(usd_rate.source, RateSource::Text);
        assert!((usd_rate.kzt_per_unit - 445.1039).abs() < 1e-3);
        assert_eq!(money.implied.unwrap().kzt_per_unit, usd_rate.kzt_per_unit);

        let money = normalise(2e6, "EUR", &[], Some(p("2021"))).unwrap();
        assert_eq!(money.value_kzt, Some(2e6 * 504.10));
        assert_eq!(money.kzt_rate.unwrap().period, "2021");
        assert_eq!(money.usd_rate.unwrap().kzt_per_unit, 426.03);
        assert_eq!(money.implied, None);

        assert_eq!(normalise(5.0, "job", &[], Some(p("2021"))), None);
        let usd = normalise(5.0, "USD", &[], None).unwrap();
        assert_eq!((usd.value_kzt, usd.value_usd), (None, Some(5.0)));
        let kzt = normalise(5.0, "KZT", &[], None).unwrap();
        assert_eq!((kzt.value_kzt, kzt.value_usd), (Some(5.0), None));
    }
}
