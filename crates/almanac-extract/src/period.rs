//! `Period`: the time a figure holds for, written as FACTS.md's ISO 8601 forms
//! (`2021`, `2021-05`, `2021-Q1`, `2021-H1`, `2024-01-01`, `2021-01/2021-05`, `2016/2022`).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar period. An interval joins two simple periods; it never nests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    Half(i32, u8),
    Quarter(i32, u8),
    Month(i32, u8),
    Day(NaiveDate),
    /// From the start of the first to the end of the second, both simple periods.
    Interval(Simple, Simple),
}

/// A period that is not an interval; the ends of `Period::Interval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Simple {
    Year(i32),
    Half(i32, u8),
    Quarter(i32, u8),
    Month(i32, u8),
    Day(NaiveDate),
}

impl Simple {
    fn to_period(self) -> Period {
        match self {
            Simple::Year(y) => Period::Year(y),
            Simple::Half(y, h) => Period::Half(y, h),
            Simple::Quarter(y, q) => Period::Quarter(y, q),
            Simple::Month(y, m) => Period::Month(y, m),
            Simple::Day(d) => Period::Day(d),
        }
    }
}

impl Period {
    /// The `n`-th part of the kind of this quarter or half, in its year (`in the first
    /// quarter ...; in the second`): `None` for any other period or an `n` it has not.
    pub(crate) fn same_part(self, n: u8) -> Option<Period> {
        match self {
            Period::Quarter(y, _) if (1..=4).contains(&n) => Some(Period::Quarter(y, n)),
            Period::Half(y, _) if (1..=2).contains(&n) => Some(Period::Half(y, n)),
            _ => None,
        }
    }

    /// Joins two periods into an interval from the start of `from` to the end of `to`;
    /// gives `from` itself when both are the same.
    pub fn interval(from: Period, to: Period) -> Period {
        match (from.simple(), to.simple()) {
            (Some(a), Some(b)) if a == b => from,
            (Some(a), Some(b)) => Period::Interval(a, b),
            _ => {
                let (a, _) = from.ends();
                let (_, b) = to.ends();
                Period::Interval(a, b)
            }
        }
    }

    /// The last simple period of an interval (`2026` of `2024/2026`); a simple period
    /// itself.
    pub(crate) fn last(self) -> Period {
        self.ends().1.to_period()
    }

    fn simple(self) -> Option<Simple> {
        Some(match self {
            Period::Year(y) => Simple::Year(y),
            Period::Half(y, h) => Simple::Half(y, h),
            Period::Quarter(y, q) => Simple::Quarter(y, q),
            Period::Month(y, m) => Simple::Month(y, m),
            Period::Day(d) => Simple::Day(d),
            Period::Interval(..) => return None,
        })
    }

    fn ends(self) -> (Simple, Simple) {
        match self {
            Period::Interval(a, b) => (a, b),
            other => {
                let s = other.simple().expect("not an interval");
                (s, s)
            }
        }
    }

    /// The first and last day the period covers.
    pub fn bounds(self) -> (NaiveDate, NaiveDate) {
        match self {
            Period::Interval(a, b) => (a.to_period().bounds().0, b.to_period().bounds().1),
            Period::Year(y) => (ymd(y, 1, 1), ymd(y, 12, 31)),
            Period::Half(y, h) => {
                let m0 = (h as u32 - 1) * 6 + 1;
                (ymd(y, m0, 1), month_end(y, m0 + 5))
            }
            Period::Quarter(y, q) => {
                let m0 = (q as u32 - 1) * 3 + 1;
                (ymd(y, m0, 1), month_end(y, m0 + 2))
            }
            Period::Month(y, m) => (ymd(y, m as u32, 1), month_end(y, m as u32)),
            Period::Day(d) => (d, d),
        }
    }

    /// Whether two periods share at least one day.
    pub fn overlaps(self, other: Period) -> bool {
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        a0 <= b1 && b0 <= a1
    }

    /// Whether every day of `other` is one of this period's.
    pub fn contains(self, other: Period) -> bool {
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        a0 <= b0 && b1 <= a1
    }

    /// The year the period ends in.
    pub fn end_year(self) -> i32 {
        self.bounds().1.year()
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn month_end(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1).pred_opt().unwrap_or(NaiveDate::MIN)
}

impl fmt::Display for Simple {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Simple::Year(y) => write!(f, "{y:04}"),
            Simple::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Simple::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Simple::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Simple::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Interval(a, b) => write!(f, "{a}/{b}"),
            other => write!(f, "{}", other.simple().expect("not an interval")),
        }
    }
}

/// Why a string is not one of FACTS.md's period forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsePeriodError(pub String);

impl fmt::Display for ParsePeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a period: {:?}", self.0)
    }
}

impl std::error::Error for ParsePeriodError {}

impl FromStr for Simple {
    type Err = ParsePeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParsePeriodError(s.to_string());
        let year = |t: &str| -> Result<i32, ParsePeriodError> {
            if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
                t.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y] => Ok(Simple::Year(year(y)?)),
            [y, rest] => {
                let y = year(y)?;
                if let Some(q) = rest.strip_prefix('Q') {
                    let q: u8 = q.parse().map_err(|_| err())?;
                    (1..=4)
                        .contains(&q)
                        .then_some(Simple::Quarter(y, q))
                        .ok_or_else(err)
                } else if let Some(h) = rest.strip_prefix('H') {
                    let h: u8 = h.parse().map_err(|_| err())?;
                    (1..=2)
                        .contains(&h)
                        .then_some(Simple::Half(y, h))
                        .ok_or_else(err)
                } else {
                    let m: u8 = rest.parse().map_err(|_| err())?;
                    (1..=12)
                        .contains(&m)
                        .then_some(Simple::Month(y, m))
                        .ok_or_else(err)
                }
            }
            [_, _, _] => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(Simple::Day)
                .map_err(|_| err()),
            _ => Err(err()),
        }
    }
}

impl FromStr for Period {
    type Err = ParsePeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.split_once('/') {
            Some((a, b)) => Ok(Period::interval(
                a.parse::<Simple>()?.to_period(),
                b.parse::<Simple>()?.to_period(),
            )),
            None => Ok(s.parse::<Simple>()?.to_period()),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_form() {
        for s in [
            "2021",
            "2021-05",
            "2021-Q1",
            "2021-H2",
            "2024-01-01",
            "2021-01/2021-05",
            "2016/2022",
            "2024-01-01/2024-06-14",
        ] {
            let p: Period = s.parse().unwrap();
            assert_eq!(p.to_string(), s);
        }
    }

    #[test]
    fn rejects_what_is_not_a_period() {
        for s in ["", "21", "2021-13", "2021-Q5", "x/2021", "2021-02-30"] {
            assert!(s.parse::<Period>().is_err(), "{s}");
        }
    }

    #[test]
    fn bounds_and_overlap() {
        let q1: Period = "2021-Q1".parse().unwrap();
        assert_eq!(q1.bounds(), (ymd(2021, 1, 1), ymd(2021, 3, 31)));
        let span: Period = "2016/2022".parse().unwrap();
        assert!(span.overlaps(Period::Year(2019)));
        assert!(!span.overlaps(Period::Year(2023)));
        assert_eq!(Period::Month(2024, 2).bounds().1, ymd(2024, 2, 29));
    }
}
