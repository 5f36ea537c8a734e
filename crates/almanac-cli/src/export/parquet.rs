//! `almanac export --format parquet` (the `parquet` feature): facts as one Parquet file
//! with the typed columns of [`COLUMNS`] (dates as DATE, numbers as DOUBLE or INT64),
//! written in row groups of [`ROWS_PER_BATCH`] so that memory stays bounded whatever the
//! number of facts.

use std::borrow::Cow;
use std::fs::File;
use std::sync::Arc;

use almanac_store::{FactFilter, Ledger, StoredFact};
use arrow_array::builder::{Date32Builder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use almanac_model::columns::{Column, Read, COLUMNS};

const ROWS_PER_BATCH: usize = 16 * 1024;

/// Writes the facts of `filter` to `file`; returns how many.
pub fn write(store: &dyn Ledger, filter: &FactFilter, file: File) -> anyhow::Result<usize> {
    let schema = Arc::new(schema());
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(file, schema.clone(), Some(props))?;
    let mut rows: Vec<StoredFact> = Vec::with_capacity(ROWS_PER_BATCH);
    let mut failure = None;
    let n = store.for_each_fact(filter, &mut |fact| {
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

/// The Arrow schema of [`COLUMNS`].
fn schema() -> Schema {
    let fields: Vec<Field> = COLUMNS
        .iter()
        .map(|column| {
            let data_type = match column.read {
                Read::Int(_) => DataType::Int64,
                Read::Float(_) => DataType::Float64,
                Read::Date(_) => DataType::Date32,
                Read::Text(_) => DataType::Utf8,
            };
            Field::new(column.name, data_type, column.nullable)
        })
        .collect();
    Schema::new(fields)
}

fn flush(
    writer: &mut ArrowWriter<File>,
    schema: &Arc<Schema>,
    rows: &mut Vec<StoredFact>,
) -> anyhow::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut builders: Vec<Builder> = COLUMNS
        .iter()
        .map(|column| Builder::new(column, rows.len()))
        .collect();
    for fact in rows.iter() {
        for builder in &mut builders {
            builder.append(fact);
        }
    }
    let arrays: Vec<ArrayRef> = builders.into_iter().map(Builder::finish).collect();
    writer.write(&RecordBatch::try_new(schema.clone(), arrays)?)?;
    rows.clear();
    Ok(())
}

/// A column being built: its reader with the Arrow builder of its type, so that a cell
/// always goes to a column of its own type.
enum Builder {
    Int(fn(&StoredFact) -> Option<i64>, Int64Builder),
    Float(fn(&StoredFact) -> Option<f64>, Float64Builder),
    Date(fn(&StoredFact) -> Option<NaiveDate>, Date32Builder),
    Text(fn(&StoredFact) -> Option<Cow<'_, str>>, StringBuilder),
}

impl Builder {
    fn new(column: &Column, rows: usize) -> Builder {
        match column.read {
            Read::Int(read) => Builder::Int(read, Int64Builder::with_capacity(rows)),
            Read::Float(read) => Builder::Float(read, Float64Builder::with_capacity(rows)),
            Read::Date(read) => Builder::Date(read, Date32Builder::with_capacity(rows)),
            Read::Text(read) => Builder::Text(read, StringBuilder::new()),
        }
    }

    fn append(&mut self, fact: &StoredFact) {
        match self {
            Builder::Int(read, builder) => builder.append_option(read(fact)),
            Builder::Float(read, builder) => builder.append_option(read(fact)),
            Builder::Date(read, builder) => builder.append_option(read(fact).map(days)),
            Builder::Text(read, builder) => builder.append_option(read(fact)),
        }
    }

    fn finish(self) -> ArrayRef {
        match self {
            Builder::Int(_, mut builder) => Arc::new(builder.finish()),
            Builder::Float(_, mut builder) => Arc::new(builder.finish()),
            Builder::Date(_, mut builder) => Arc::new(builder.finish()),
            Builder::Text(_, mut builder) => Arc::new(builder.finish()),
        }
    }
}

/// Days since 1970-01-01, Parquet's DATE.
fn days(date: NaiveDate) -> i32 {
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()).num_days() as i32
}
