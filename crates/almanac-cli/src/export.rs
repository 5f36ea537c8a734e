//! How facts leave the ledger as files: the one table of flat columns that CSV and
//! Parquet write and that maps onto the JSON record, and the streaming writers of
//! `facts --format json|jsonl|csv` and `export`.
//!
//! [`COLUMNS`] says, for each column, its name, its type, whether it may be empty, how it
//! is read from a [`StoredFact`], and where the same value sits in the JSON record. CSV
//! writes its cells as text, Parquet as typed columns (`export/parquet.rs`); JSON and JSONL
//! write the record itself (a FACTS.md fact plus the ledger's fields, nested as FACTS.md
//! nests them, so that a line reads back as a `Fact`), and a test checks that every
//! column reads what the record holds at its place.
//!
//! `equivalents` is the one column that is not a scalar: CSV and Parquet both hold it as
//! the record's JSON array, its numbers written as CSV writes numbers
//! (`[{"value":33700000,"unit":"USD"}]`), so that it loads with any JSON parser, keeps
//! every equivalent, and reads the same in both formats.

#[cfg(feature = "parquet")]
pub mod parquet;

use std::borrow::Cow;
use std::io::Write;

use almanac_extract::{Equivalent, Period};
use almanac_store::{FactFilter, Ledger, Rate, StoredFact};
use chrono::NaiveDate;

use crate::args::ListFormat;

/// One flat column of a fact.
#[derive(Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    /// Whether a cell may be empty (NULL in Parquet, an empty field in CSV).
    // Only the Parquet schema states it.
    #[cfg_attr(not(feature = "parquet"), allow(dead_code))]
    pub nullable: bool,
    /// How a cell is read from a fact, which also gives the column's type.
    pub read: Read,
    /// Where the same value is in the JSON record of the fact (a JSON pointer); `None` for
    /// a column derived from another (the bounds of the period).
    // The JSON writers serialise the record itself; the tests hold the two together.
    #[cfg_attr(not(test), allow(dead_code))]
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
fn equivalents_json(equivalents: &[Equivalent]) -> Option<String> {
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

/// Writes facts one by one as JSON (one array), JSONL or CSV, streaming.
pub enum FactSink<W: Write> {
    Json { out: W, n: usize },
    Jsonl { out: W },
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> FactSink<W> {
    pub fn new(out: W, format: ListFormat) -> anyhow::Result<FactSink<W>> {
        Ok(match format {
            ListFormat::Json | ListFormat::Table => FactSink::Json { out, n: 0 },
            ListFormat::Jsonl => FactSink::Jsonl { out },
            ListFormat::Csv => {
                let mut csv = csv::Writer::from_writer(out);
                csv.write_record(COLUMNS.iter().map(|c| c.name))?;
                FactSink::Csv(Box::new(csv))
            }
        })
    }

    pub fn write(&mut self, fact: &StoredFact) -> anyhow::Result<()> {
        match self {
            FactSink::Json { out, n } => {
                out.write_all(if *n == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, fact)?;
                *n += 1;
            }
            FactSink::Jsonl { out } => {
                serde_json::to_writer(&mut *out, fact)?;
                out.write_all(b"\n")?;
            }
            FactSink::Csv(csv) => {
                let cells: Vec<Cow<'_, str>> = COLUMNS
                    .iter()
                    .map(|c| c.csv_cell(fact).unwrap_or_default())
                    .collect();
                csv.write_record(cells.iter().map(|cell| cell.as_bytes()))?
            }
        }
        Ok(())
    }

    pub fn finish(self) -> anyhow::Result<()> {
        match self {
            FactSink::Json { mut out, n } => {
                out.write_all(if n == 0 { b"[]\n" } else { b"\n]\n" })?;
                out.flush()?;
            }
            FactSink::Jsonl { mut out } => out.flush()?,
            FactSink::Csv(mut csv) => csv.flush()?,
        }
        Ok(())
    }
}

/// Streams the facts of `filter` into `sink`.
pub fn write_facts<W: Write>(
    store: &dyn Ledger,
    filter: &FactFilter,
    sink: &mut FactSink<W>,
) -> anyhow::Result<usize> {
    let mut failure = None;
    let n = store.for_each_fact(filter, &mut |fact| match sink.write(&fact) {
        Ok(()) => true,
        Err(err) => {
            failure = Some(err);
            false
        }
    })?;
    match failure {
        Some(err) => Err(err),
        None => Ok(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use almanac_extract::{Fact, Measure, Qualifier, Status};
    use almanac_store::RateSource;
    use serde_json::Value;

    /// Fields of the JSON record that no column holds, because another column says them.
    const DERIVED_IN_JSON: [&str; 4] = [
        "/kzt_rate/currency",   // the fact's unit
        "/usd_rate/currency",   // always USD
        "/implied_rate/source", // always `text`
        "/implied_rate/period", // the fact's period
    ];

    fn rate(currency: &str, kzt_per_unit: f64, period: &str, source: RateSource) -> Rate {
        Rate {
            currency: currency.into(),
            kzt_per_unit,
            period: period.into(),
            source,
        }
    }

    /// A fact with every field set, and one with every optional field empty.
    fn facts() -> [StoredFact; 2] {
        let full = StoredFact {
            id: 7,
            fact: Fact {
                doc: "almaty-2023".into(),
                text: "15 billion tenge".into(),
                value: 15e9,
                unit: Some("KZT".into()),
                qualifier: Some(Qualifier::About),
                metric: Some(almanac_extract::Metric::ProjectValue),
                measure: Some(Measure::Level),
                subject: Some("Almaty Industrial Zone".into()),
                period: Some("2023-Q2".parse().unwrap()),
                status: Some(Status::Planned),
                equivalents: vec![
                    Equivalent {
                        value: 33.7e6,
                        unit: "USD".into(),
                    },
                    Equivalent {
                        value: 30.2500005e6,
                        unit: "EUR".into(),
                    },
                ],
                per: Some("year".into()),
                group: Some(2),
                object: Some("five projects".into()),
                span: [612, 628],
                sentence: "The zone will get 15 billion tenge ($33.7 million).".into(),
            },
            doc_date: Some("2023-07-31".parse().unwrap()),
            value_kzt: Some(15e9),
            value_usd: Some(33.7e6),
            kzt_rate: Some(rate("KZT", 1.0, "", RateSource::Identity)),
            usd_rate: Some(rate("USD", 445.1039, "2023-Q2", RateSource::Text)),
            implied_rate: Some(rate("USD", 445.1039, "2023-Q2", RateSource::Text)),
        };
        let bare = StoredFact {
            id: 8,
            fact: Fact {
                doc: "d".into(),
                text: "12".into(),
                value: 12.0,
                unit: None,
                qualifier: None,
                metric: None,
                measure: None,
                subject: None,
                period: None,
                status: None,
                equivalents: Vec::new(),
                per: None,
                group: None,
                object: None,
                span: [0, 0],
                sentence: String::new(),
            },
            doc_date: None,
            value_kzt: None,
            value_usd: None,
            kzt_rate: None,
            usd_rate: None,
            implied_rate: None,
        };
        [full, bare]
    }

    /// Whether a cell holds the JSON value `json` (CSV cannot tell an empty text from
    /// none, so neither does this).
    fn same(column: &Column, fact: &StoredFact, json: &Value) -> bool {
        match column.read {
            Read::Int(read) => read(fact) == json.as_i64(),
            Read::Float(read) => read(fact) == json.as_f64(),
            Read::Date(read) => read(fact) == json.as_str().map(|d| d.parse().unwrap()),
            Read::Text(read) => {
                let cell = read(fact).filter(|c| !c.is_empty());
                match json {
                    Value::Array(_) => {
                        let items: Vec<Equivalent> = serde_json::from_value(json.clone()).unwrap();
                        cell == equivalents_json(&items).map(Cow::Owned)
                    }
                    _ => cell.as_deref() == json.as_str().filter(|s| !s.is_empty()),
                }
            }
        }
    }

    /// The JSON pointers of the record's scalar values (arrays of objects as a whole).
    fn leaves(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Object(fields) => {
                for (name, field) in fields {
                    leaves(field, format!("{at}/{name}"), out);
                }
            }
            Value::Array(items) if items.iter().all(|i| !i.is_object()) => {
                for (i, item) in items.iter().enumerate() {
                    leaves(item, format!("{at}/{i}"), out);
                }
            }
            _ => out.push(at),
        }
    }

    #[test]
    fn every_column_reads_what_the_json_record_holds() {
        for fact in facts() {
            let record = serde_json::to_value(&fact).unwrap();
            for column in COLUMNS {
                let cell = column.csv_cell(&fact);
                assert!(
                    column.nullable || cell.is_some(),
                    "{} is empty",
                    column.name
                );
                let Some(pointer) = column.json else {
                    continue;
                };
                let json = record.pointer(pointer).unwrap_or(&Value::Null);
                assert!(
                    same(column, &fact, json),
                    "{}: {cell:?} but the record has {json}",
                    column.name
                );
            }
        }
    }

    #[test]
    fn every_field_of_the_json_record_has_its_column() {
        let [full, _] = facts();
        let mut fields = Vec::new();
        leaves(
            &serde_json::to_value(&full).unwrap(),
            String::new(),
            &mut fields,
        );
        for field in fields {
            let covered = COLUMNS
                .iter()
                .filter_map(|c| c.json)
                .any(|p| field == p || field.starts_with(&format!("{p}/")));
            assert!(
                covered || DERIVED_IN_JSON.contains(&field.as_str()),
                "no column for {field}"
            );
        }
        let mut names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), COLUMNS.len(), "two columns share a name");
    }

    #[test]
    fn csv_writes_the_columns_in_order_and_equivalents_as_json() {
        let mut sink = FactSink::new(Vec::new(), ListFormat::Csv).unwrap();
        for fact in facts() {
            sink.write(&fact).unwrap();
        }
        let FactSink::Csv(csv) = sink else {
            unreachable!()
        };
        let text = String::from_utf8(csv.into_inner().unwrap()).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        assert_eq!(header, names);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let cell = |row: usize, name: &str| {
            let i = names.iter().position(|n| *n == name).unwrap();
            rows[row][i].to_string()
        };
        assert_eq!(
            cell(0, "equivalents"),
            r#"[{"value":33700000,"unit":"USD"},{"value":30250000.5,"unit":"EUR"}]"#
        );
        assert_eq!(cell(1, "equivalents"), "");
        assert_eq!(cell(0, "value"), "15000000000");
        assert_eq!(cell(0, "period_start"), "2023-04-01");
        assert_eq!(cell(0, "period_end"), "2023-06-30");
        assert_eq!(cell(0, "kzt_rate_period"), "");
        assert_eq!(cell(0, "usd_rate"), "445.1039");
        assert_eq!(cell(1, "span_end"), "0");
    }

    #[test]
    fn numbers_for_spreadsheets() {
        for (v, plain) in [
            (15e9, "15000000000"),
            (32.8, "32.8"),
            (33.7e6, "33700000"),
            (-1234.5, "-1234.5"),
            (0.125, "0.125"),
            (999.0, "999"),
        ] {
            assert_eq!(plain_number(v), plain);
        }
    }
}
