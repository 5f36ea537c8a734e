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

use almanac_store::{FactFilter, Ledger, StoredFact};

use crate::args::ListFormat;

// The table lives beside the fact record in `almanac-model`, so that the server writes the
// same columns.
pub use almanac_model::columns::{plain_number, COLUMNS};

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
    use almanac_extract::{Equivalent, Fact, Measure, Qualifier, Status};
    use almanac_model::columns::{equivalents_json, Column, Read};
    use almanac_store::{Rate, RateSource};
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
                text: "15-20 billion tenge".into(),
                value: 15e9,
                value_high: Some(20e9),
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
                sentence: "The zone will get 15-20 billion tenge ($33.7 million).".into(),
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
                value_high: None,
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
        assert_eq!(cell(0, "value_high"), "20000000000");
        assert_eq!(cell(1, "value_high"), "");
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
