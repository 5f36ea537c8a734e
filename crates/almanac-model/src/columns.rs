//! The flat columns of a fact, for CSV and Parquet: the one table that `almanac facts
//! --format csv`, `almanac export` and the server's `?_format=csv` all write, and that
//! maps onto the JSON record of a [`StoredFact`].
//!
//! [`COLUMNS`] says, for each column, its name, its type, whether it may be empty, how it
//! is read from a [`StoredFact`], and where the same value sits in the JSON record (the
//! CLI's tests hold the two together). `equivalents` is the one column that is not a
//! scalar: it holds the record's JSON array, its numbers written as CSV writes numbers
//! (`[{"value":33700000,"unit":"USD"}]`), so that it loads with any JSON parser.

use std::borrow::Cow;

use almanac_extract::{Equivalent, Period};
use chrono::NaiveDate;

use crate::{Rate, StoredFact};

/// One flat column of a fact.
#[derive(Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    /// Whether a cell may be empty (NULL in Parquet, an empty field in CSV).
    pub nullable: bool,
    /// How a cell is read from a fact, which also gives the column's type.
    pub read: Read,
    /// Where the same value is in the JSON record of the fact (a JSON pointer); `None` for
    /// a column derived from another (the bounds of the period).
    pub json: Option<&'static str>,
}

/// How a column's cells are read from a fact, by the type of the column.
#[derive(Clone, Copy)]
pub enum Read {
    /// Whole numbers (Parquet INT64).
    Int(fn(&StoredFact) -> Option<i64>),
    /// Numbers (Parquet DOUBLE); CSV writes them as [`plain_number`].
    Float(fn(&StoredFact) -> Option<f64>),
    /// Days (Parquet DATE); `YYYY-MM-DD` in CSV.
    Date(fn(&StoredFact) -> Option<NaiveDate>),
    /// Text (Parquet UTF8).
    Text(fn(&StoredFact) -> Option<Cow<'_, str>>),
}

/// The columns of a fact in CSV and Parquet, in order: every FACTS.md field, the span,
/// the document date and money normalised with the rates used.
pub const COLUMNS: &[Column] = &[
    int("id", false, "/id", |f| Some(f.id)),
    text("doc", false, "/doc", |f| Some(Cow::Borrowed(&f.fact.doc))),
    date("doc_date", true, "/doc_date", |f| f.doc_date),
    text("text", false, "/text", |f| {
        Some(Cow::Borrowed(&f.fact.text))
    }),
    float("value", false, "/value", |f| Some(f.fact.value)),
    float("value_high", true, "/value_high", |f| f.fact.value_high),
    text("unit", true, "/unit", |f| borrowed(&f.fact.unit)),
    text("qualifier", true, "/qualifier", |f| {
        f.fact.qualifier.map(|q| Cow::Borrowed(q.as_str()))
    }),
    text("metric", true, "/metric", |f| {
        f.fact.metric.map(|m| Cow::Borrowed(m.as_str()))
    }),
    text("measure", true, "/measure", |f| {
        f.fact.measure.map(|m| Cow::Borrowed(m.as_str()))
    }),
    text("subject", true, "/subject", |f| borrowed(&f.fact.subject)),
    text("period", true, "/period", |f| {
        f.fact.period.map(|p| Cow::Owned(p.to_string()))
    }),
    Column {
        name: "period_start",
        nullable: true,
        read: Read::Date(|f| f.fact.period.map(|p| Period::bounds(p).0)),
        json: None,
    },
    Column {
        name: "period_end",
        nullable: true,
        read: Read::Date(|f| f.fact.period.map(|p| Period::bounds(p).1)),
        json: None,
    },
    text("status", true, "/status", |f| {
        f.fact.status.map(|s| Cow::Borrowed(s.as_str()))
    }),
    text("per", true, "/per", |f| borrowed(&f.fact.per)),
    int("group", true, "/group", |f| f.fact.group.map(i64::from)),
    text("object", true, "/object", |f| borrowed(&f.fact.object)),
    text("equivalents", true, "/equivalents", |f| {
        equivalents_json(&f.fact.equivalents).map(Cow::Owned)
    }),
    int("span_start", true, "/span/0", |f| {
        Some(f.fact.span[0] as i64)
    }),
    int("span_end", true, "/span/1", |f| Some(f.fact.span[1] as i64)),
    text("sentence", true, "/sentence", |f| {
        Some(Cow::Borrowed(&f.fact.sentence))
    }),
    float("value_kzt", true, "/value_kzt", |f| f.value_kzt),
    float("value_usd", true, "/value_usd", |f| f.value_usd),
    float("kzt_rate", true, "/kzt_rate/kzt_per_unit", |f| {
        f.kzt_rate.as_ref().map(|r| r.kzt_per_unit)
    }),
    text("kzt_rate_source", true, "/kzt_rate/source", |f| {
        f.kzt_rate
            .as_ref()
            .map(|r| Cow::Borrowed(r.source.as_str()))
    }),
    text("kzt_rate_period", true, "/kzt_rate/period", |f| {
        rate_period(&f.kzt_rate)
    }),
    float("usd_rate", true, "/usd_rate/kzt_per_unit", |f| {
        f.usd_rate.as_ref().map(|r| r.kzt_per_unit)
    }),
    text("usd_rate_source", true, "/usd_rate/source", |f| {
        f.usd_rate
            .as_ref()
            .map(|r| Cow::Borrowed(r.source.as_str()))
    }),
    text("usd_rate_period", true, "/usd_rate/period", |f| {
        rate_period(&f.usd_rate)
    }),
    float("implied_rate", true, "/implied_rate/kzt_per_unit", |f| {
        f.implied_rate.as_ref().map(|r| r.kzt_per_unit)
    }),
    text(
        "implied_rate_currency",
        true,
        "/implied_rate/currency",
        |f| {
            f.implied_rate
                .as_ref()
                .map(|r| Cow::Borrowed(r.currency.as_str()))
        },
    ),
];

const fn int(
    name: &'static str,
    nullable: bool,
    json: &'static str,
    read: fn(&StoredFact) -> Option<i64>,
) -> Column {
    Column {
        name,
        nullable,
        read: Read::Int(read),
        json: Some(json),
    }
}

const fn float(
    name: &'static str,
    nullable: bool,
    json: &'static str,
    read: fn(&StoredFact) -> Option<f64>,
) -> Column {
    Column {
        name,
        nullable,
        read: Read::Float(read),
        json: Some(json),
    }
}

const fn date(
    name: &'static str,
    nullable: bool,
    json: &'static str,
    read: fn(&StoredFact) -> Option<NaiveDate>,
) -> Column {
    Column {
        name,
        nullable,
        read: Read::Date(read),
        json: Some(json),
    }
}

const fn text(
    name: &'static str,
    nullable: bool,
    json: &'static str,
    read: fn(&StoredFact) -> Option<Cow<'_, str>>,
) -> Column {
    Column {
        name,
        nullable,
        read: Read::Text(read),
        json: Some(json),
    }
}

fn borrowed(text: &Option<String>) -> Option<Cow<'_, str>> {
    text.as_deref().map(Cow::Borrowed)
}

/// The equivalents as a JSON array, `[{"value":33700000,"unit":"USD"}]`, their values
/// written as [`plain_number`] writes them (`$65.1 million` is 65100000 here, not the
/// 65099999.99999999 the multiplication left); `None` for none.
pub fn equivalents_json(equivalents: &[Equivalent]) -> Option<String> {
    if equivalents.is_empty() {
        return None;
    }
    let items: Vec<String> = equivalents
        .iter()
        .map(|e| {
            let value = if e.value.is_finite() {
                plain_number(e.value)
            } else {
                "null".to_string()
            };
            let unit = serde_json::Value::from(e.unit.as_str());
            format!(r#"{{"value":{value},"unit":{unit}}}"#)
        })
        .collect();
    Some(format!("[{}]", items.join(",")))
}

/// A rate's period, empty for none (a rate implied by a figure without a period).
fn rate_period(rate: &Option<Rate>) -> Option<Cow<'_, str>> {
    rate.as_ref()
        .map(|r| r.period.as_str())
        .filter(|p| !p.is_empty())
        .map(Cow::Borrowed)
}

impl Column {
    /// The cell of `fact` as CSV writes it (`None` for an empty field).
    pub fn csv_cell<'a>(&self, fact: &'a StoredFact) -> Option<Cow<'a, str>> {
        match self.read {
            Read::Int(read) => read(fact).map(|v| Cow::Owned(v.to_string())),
            Read::Float(read) => read(fact).map(|v| Cow::Owned(plain_number(v))),
            Read::Date(read) => read(fact).map(|v| Cow::Owned(v.to_string())),
            Read::Text(read) => read(fact),
        }
    }
}

/// A number as a spreadsheet reads it: no exponent, no thousands separator, at most 6
/// decimals, no trailing zeros.
pub fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        return format!("{}", v as i64);
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}
