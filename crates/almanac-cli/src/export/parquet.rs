//! `almanac export --format parquet` (the `parquet` feature): facts as one Parquet file
//! with typed columns (dates as DATE, numbers as DOUBLE or INT64), written in row groups
//! of [`ROWS_PER_BATCH`] so that memory stays bounded whatever the number of facts.

use std::fs::File;
use std::sync::Arc;

use almanac_extract::Period;
use almanac_store::{FactFilter, Store, StoredFact};
use arrow_array::builder::{Date32Builder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::export::FACT_COLUMNS;

const ROWS_PER_BATCH: usize = 16 * 1024;

/// The arrow type of each of [`FACT_COLUMNS`].
fn column_type(name: &str) -> DataType {
    match name {
        "id" | "group" | "span_start" | "span_end" => DataType::Int64,
        "doc_date" | "period_start" | "period_end" => DataType::Date32,
        "value" | "value_kzt" | "value_usd" | "kzt_rate" | "usd_rate" | "implied_rate" => {
            DataType::Float64
        }
        _ => DataType::Utf8,
    }
}

enum Column {
    Int(Int64Builder),
    Date(Date32Builder),
    Float(Float64Builder),
    Text(StringBuilder),
}

/// Writes the facts of `filter` to `file`; returns how many.
pub fn write(store: &Store, filter: &FactFilter, file: File) -> anyhow::Result<usize> {
    let schema = Arc::new(Schema::new(
        FACT_COLUMNS
            .iter()
            .map(|name| {
                Field::new(
                    *name,
                    column_type(name),
                    !matches!(*name, "id" | "doc" | "text" | "value"),
                )
            })
            .collect::<Vec<_>>(),
    ));
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(file, schema.clone(), Some(props))?;
    let mut rows: Vec<StoredFact> = Vec::with_capacity(ROWS_PER_BATCH);
    let mut failure = None;
    let n = store.for_each_fact(filter, |fact| {
        rows.push(fact);
        if rows.len() == ROWS_PER_BATCH {
            if let Err(err) = flush(&mut writer, &schema, &mut rows) {
                failure = Some(err);
                return false;
            }
        }
        true
    })?;
    if let Some(err) = failure {
        return Err(err);
    }
    flush(&mut writer, &schema, &mut rows)?;
    writer.close()?;
    Ok(n)
}

fn flush(
    writer: &mut ArrowWriter<File>,
    schema: &Arc<Schema>,
    rows: &mut Vec<StoredFact>,
) -> anyhow::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut columns: Vec<Column> = schema
        .fields()
        .iter()
        .map(|f| match f.data_type() {
            DataType::Int64 => Column::Int(Int64Builder::with_capacity(rows.len())),
            DataType::Date32 => Column::Date(Date32Builder::with_capacity(rows.len())),
            DataType::Float64 => Column::Float(Float64Builder::with_capacity(rows.len())),
            _ => Column::Text(StringBuilder::new()),
        })
        .collect();
    for fact in rows.iter() {
        for (value, column) in values(fact).into_iter().zip(columns.iter_mut()) {
            match (column, value) {
                (Column::Int(b), Cell::Int(v)) => b.append_option(v),
                (Column::Date(b), Cell::Date(v)) => b.append_option(v.map(days)),
                (Column::Float(b), Cell::Float(v)) => b.append_option(v),
                (Column::Text(b), Cell::Text(v)) => b.append_option(v),
                _ => anyhow::bail!("parquet export: a column and its value disagree (a bug)"),
            }
        }
    }
    let arrays: Vec<ArrayRef> = columns
        .into_iter()
        .map(|c| -> ArrayRef {
            match c {
                Column::Int(mut b) => Arc::new(b.finish()),
                Column::Date(mut b) => Arc::new(b.finish()),
                Column::Float(mut b) => Arc::new(b.finish()),
                Column::Text(mut b) => Arc::new(b.finish()),
            }
        })
        .collect();
    writer.write(&RecordBatch::try_new(schema.clone(), arrays)?)?;
    rows.clear();
    Ok(())
}

enum Cell {
    Int(Option<i64>),
    Date(Option<NaiveDate>),
    Float(Option<f64>),
    Text(Option<String>),
}

/// A fact's cells in [`FACT_COLUMNS`] order.
fn values(f: &StoredFact) -> Vec<Cell> {
    use Cell::*;
    let bounds = f.fact.period.map(Period::bounds);
    let equivalents = f
        .fact
        .equivalents
        .iter()
        .map(|e| format!("{} {}", e.value, e.unit))
        .collect::<Vec<_>>()
        .join("; ");
    vec![
        Int(Some(f.id)),
        Text(Some(f.fact.doc.clone())),
        Date(f.doc_date),
        Text(Some(f.fact.text.clone())),
        Float(Some(f.fact.value)),
        Text(f.fact.unit.clone()),
        Text(f.fact.qualifier.map(|q| q.as_str().to_string())),
        Text(f.fact.metric.clone()),
        Text(f.fact.measure.map(|m| m.as_str().to_string())),
        Text(f.fact.subject.clone()),
        Text(f.fact.period.map(|p| p.to_string())),
        Date(bounds.map(|b| b.0)),
        Date(bounds.map(|b| b.1)),
        Text(f.fact.status.map(|s| s.as_str().to_string())),
        Text(f.fact.per.clone()),
        Int(f.fact.group.map(i64::from)),
        Text(f.fact.object.clone()),
        Text((!equivalents.is_empty()).then_some(equivalents)),
        Int(Some(f.fact.span[0] as i64)),
        Int(Some(f.fact.span[1] as i64)),
        Text(Some(f.fact.sentence.clone())),
        Float(f.value_kzt),
        Float(f.value_usd),
        Float(f.kzt_rate.as_ref().map(|r| r.kzt_per_unit)),
        Text(f.kzt_rate.as_ref().map(|r| r.source.to_string())),
        Text(
            f.kzt_rate
                .as_ref()
                .map(|r| r.period.clone())
                .filter(|p| !p.is_empty()),
        ),
        Float(f.usd_rate.as_ref().map(|r| r.kzt_per_unit)),
        Text(f.usd_rate.as_ref().map(|r| r.source.to_string())),
        Text(
            f.usd_rate
                .as_ref()
                .map(|r| r.period.clone())
                .filter(|p| !p.is_empty()),
        ),
        Float(f.implied_rate.as_ref().map(|r| r.kzt_per_unit)),
        Text(f.implied_rate.as_ref().map(|r| r.currency.clone())),
    ]
}

/// Days since 1970-01-01, Parquet's DATE.
fn days(date: NaiveDate) -> i32 {
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()).num_days() as i32
}
