//! How facts leave the ledger as files: the flat columns of CSV and Parquet, and the
//! streaming writers of `facts --format json|jsonl|csv` and `export`.

#[cfg(feature = "parquet")]
pub mod parquet;

use std::io::Write;

use almanac_extract::Period;
use almanac_store::{FactFilter, Store, StoredFact};

use crate::args::ListFormat;

/// The flat columns of a fact in CSV and Parquet: every FACTS.md field, the span, the
/// document date and money normalised with the rates used.
pub const FACT_COLUMNS: [&str; 31] = [
    "id",
    "doc",
    "doc_date",
    "text",
    "value",
    "unit",
    "qualifier",
    "metric",
    "measure",
    "subject",
    "period",
    "period_start",
    "period_end",
    "status",
    "per",
    "group",
    "object",
    "equivalents",
    "span_start",
    "span_end",
    "sentence",
    "value_kzt",
    "value_usd",
    "kzt_rate",
    "kzt_rate_source",
    "kzt_rate_period",
    "usd_rate",
    "usd_rate_source",
    "usd_rate_period",
    "implied_rate",
    "implied_rate_currency",
];

/// One fact as flat optional strings, in [`FACT_COLUMNS`] order.
fn fact_row(f: &StoredFact) -> Vec<Option<String>> {
    let num = |v: f64| Some(plain_number(v));
    let bounds = f.fact.period.map(Period::bounds);
    let equivalents = f
        .fact
        .equivalents
        .iter()
        .map(|e| format!("{} {}", plain_number(e.value), e.unit))
        .collect::<Vec<_>>()
        .join("; ");
    vec![
        Some(f.id.to_string()),
        Some(f.fact.doc.clone()),
        f.doc_date.map(|d| d.to_string()),
        Some(f.fact.text.clone()),
        num(f.fact.value),
        f.fact.unit.clone(),
        f.fact.qualifier.map(|q| q.as_str().to_string()),
        f.fact.metric.clone(),
        f.fact.measure.map(|m| m.as_str().to_string()),
        f.fact.subject.clone(),
        f.fact.period.map(|p| p.to_string()),
        bounds.map(|b| b.0.to_string()),
        bounds.map(|b| b.1.to_string()),
        f.fact.status.map(|s| s.as_str().to_string()),
        f.fact.per.clone(),
        f.fact.group.map(|g| g.to_string()),
        f.fact.object.clone(),
        (!equivalents.is_empty()).then_some(equivalents),
        Some(f.fact.span[0].to_string()),
        Some(f.fact.span[1].to_string()),
        Some(f.fact.sentence.clone()),
        f.value_kzt.and_then(num),
        f.value_usd.and_then(num),
        f.kzt_rate.as_ref().and_then(|r| num(r.kzt_per_unit)),
        f.kzt_rate.as_ref().map(|r| r.source.to_string()),
        f.kzt_rate
            .as_ref()
            .map(|r| r.period.clone())
            .filter(|p| !p.is_empty()),
        f.usd_rate.as_ref().and_then(|r| num(r.kzt_per_unit)),
        f.usd_rate.as_ref().map(|r| r.source.to_string()),
        f.usd_rate
            .as_ref()
            .map(|r| r.period.clone())
            .filter(|p| !p.is_empty()),
        f.implied_rate.as_ref().and_then(|r| num(r.kzt_per_unit)),
        f.implied_rate.as_ref().map(|r| r.currency.clone()),
    ]
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
                csv.write_record(FACT_COLUMNS)?;
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
                csv.write_record(fact_row(fact).iter().map(|c| c.as_deref().unwrap_or("")))?
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
    store: &Store,
    filter: &FactFilter,
    sink: &mut FactSink<W>,
) -> anyhow::Result<usize> {
    let mut failure = None;
    let n = store.for_each_fact(filter, |fact| match sink.write(&fact) {
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
