//! Arrow in, Arrow out: a record batch of documents to a record batch of facts.
//!
//! The documents' texts are read in place from the caller's Arrow buffers (no copy), the
//! documents are extracted on the process's thread pool, and the facts come back as one
//! batch with the columns of [`facts_schema`], in document order and, within a document,
//! in the extractor's order — the order `almanac extract` prints them in.
//!
//! The documents batch has a column `id` (strings, or integers written in decimal as the
//! CLI does for a JSONL `id`), `text` (strings; a null text has no facts) and optionally
//! `date`: strings read as a JSONL `date` is (`YYYY-MM-DD`, a time after it ignored),
//! `date32`/`date64`, or a timestamp (its UTC day). Other columns are ignored.

use std::borrow::Cow;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;

use almanac_extract::Fact;
use arrow_array::builder::{
    Float64Builder, Int64Builder, ListBuilder, StringBuilder, StructBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Int16Type, Int32Type, Int64Type, Int8Type, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt16Type, UInt32Type,
    UInt64Type, UInt8Type,
};
use arrow_array::{
    Array, ArrayRef, GenericStringArray, OffsetSizeTrait, RecordBatch, StringViewArray,
};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef, TimeUnit};
use chrono::NaiveDate;
use rayon::prelude::*;

use crate::context::{doc_context, parse_record_date, Lang};
use crate::error::Error;
use crate::pool;

/// The columns of the facts batch: FACTS.md's fields in FACTS.md's order, with `span`
/// as two integer columns. Integers are signed 64-bit so that Spark and Parquet take them
/// as `long`; the enums (`qualifier`, `measure`, `status`) and `period` are their JSON
/// strings.
pub fn facts_schema() -> SchemaRef {
    let text = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let long = |name: &str, nullable: bool| Field::new(name, DataType::Int64, nullable);
    Arc::new(Schema::new(vec![
        text("doc", false),
        text("text", false),
        Field::new("value", DataType::Float64, false),
        Field::new("value_high", DataType::Float64, true),
        text("unit", true),
        text("qualifier", true),
        text("metric", true),
        text("measure", true),
        text("subject", true),
        text("period", true),
        text("status", true),
        Field::new(
            "equivalents",
            DataType::List(Arc::new(Field::new(
                "item",
                DataType::Struct(equivalent_fields()),
                true,
            ))),
            false,
        ),
        text("per", true),
        long("group", true),
        text("object", true),
        long("span_start", false),
        long("span_end", false),
        text("sentence", false),
    ]))
}

fn equivalent_fields() -> Fields {
    Fields::from(vec![
        Field::new("value", DataType::Float64, false),
        Field::new("unit", DataType::Utf8, false),
    ])
}

/// Extracts every document of `batch`, on the thread pool; see the module's docs for the
/// columns it reads.
///
/// # Errors
///
/// A missing or mistyped `id` or `text` column, a null `id`, a `date` that is not a date,
/// and a document on which the extractor panicked (extraction never fails by contract).
pub fn extract_batch(batch: &RecordBatch, lang: Option<Lang>) -> Result<RecordBatch, Error> {
    let documents = Documents::read(batch)?;
    let pool = pool::pool()?;
    let facts: Vec<Result<Vec<Fact>, Error>> = pool.install(|| {
        (0..batch.num_rows())
            .into_par_iter()
            .map(|row| documents.extract(row, lang))
            .collect()
    });
    let facts = facts.into_iter().collect::<Result<Vec<_>, _>>()?;
    facts_batch(&facts)
}

/// The facts of each document, in order, as one batch of [`facts_schema`].
pub fn facts_batch(facts: &[Vec<Fact>]) -> Result<RecordBatch, Error> {
    let n_facts = facts.iter().map(Vec::len).sum();
    let mut columns = FactColumns::with_capacity(n_facts);
    for fact in facts.iter().flatten() {
        columns.push(fact);
    }
    Ok(RecordBatch::try_new(facts_schema(), columns.finish())?)
}

/// The documents of a batch, borrowed from its buffers.
struct Documents<'a> {
    ids: Vec<Cow<'a, str>>,
    texts: StrColumn<'a>,
    dates: Vec<Option<NaiveDate>>,
}

impl<'a> Documents<'a> {
    /// Checks the columns and reads the ids and dates (small) up front, so that a bad row
    /// fails the call before any extraction is spent on the others.
    fn read(batch: &'a RecordBatch) -> Result<Documents<'a>, Error> {
        let column =
            |name: &'static str| batch.column_by_name(name).ok_or(Error::MissingColumn(name));
        let ids = read_ids(column("id")?)?;
        let texts = StrColumn::new(column("text")?.as_ref())
            .ok_or_else(|| column_type("text", column("text").ok(), "a string type"))?;
        let dates = match batch.column_by_name("date") {
            Some(dates) => read_dates(dates.as_ref(), &ids)?,
            None => vec![None; batch.num_rows()],
        };
        Ok(Documents { ids, texts, dates })
    }

    fn extract(&self, row: usize, lang: Option<Lang>) -> Result<Vec<Fact>, Error> {
        let Some(text) = self.texts.value(row) else {
            return Ok(Vec::new());
        };
        let doc = &self.ids[row];
        let ctx = doc_context(doc, self.dates[row], lang);
        // Should a rule still panic on some text, the call fails naming the document,
        // rather than with a bare panic from a pool thread.
        panic::catch_unwind(AssertUnwindSafe(|| {
            almanac_extract::extract(text, &ctx).facts
        }))
        .map_err(|payload| Error::Panicked {
            doc: doc.to_string(),
            message: panic_message(&*payload).to_string(),
        })
    }
}

fn column_type(column: &'static str, array: Option<&ArrayRef>, expected: &'static str) -> Error {
    Error::ColumnType {
        column,
        found: array.map(|a| a.data_type().to_string()).unwrap_or_default(),
        expected,
    }
}

pub(crate) fn read_ids(array: &ArrayRef) -> Result<Vec<Cow<'_, str>>, Error> {
    let null = |row| Error::NullValue { column: "id", row };
    if let Some(ids) = StrColumn::new(array.as_ref()) {
        return (0..array.len())
            .map(|row| ids.value(row).map(Cow::Borrowed).ok_or_else(|| null(row)))
            .collect();
    }
    macro_rules! integers {
        ($($type:ty),*) => {
            $(if let Some(ids) = array.as_primitive_opt::<$type>() {
                return (0..ids.len())
                    .map(|row| match ids.is_valid(row) {
                        true => Ok(Cow::Owned(ids.value(row).to_string())),
                        false => Err(null(row)),
                    })
                    .collect();
            })*
        };
    }
    integers!(
        Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type
    );
    Err(column_type("id", Some(array), "a string or integer type"))
}

pub(crate) fn read_dates(
    array: &dyn Array,
    ids: &[Cow<'_, str>],
) -> Result<Vec<Option<NaiveDate>>, Error> {
    if let Some(dates) = StrColumn::new(array) {
        return (0..array.len())
            .map(|row| match dates.value(row) {
                None => Ok(None),
                Some(text) => {
                    parse_record_date(text)
                        .map(Some)
                        .ok_or_else(|| Error::InvalidDocumentDate {
                            doc: ids[row].to_string(),
                            value: text.to_string(),
                        })
                }
            })
            .collect();
    }
    macro_rules! temporal {
        ($($pattern:pat => $type:ty),*) => {
            match array.data_type() {
                DataType::Null => Ok(vec![None; array.len()]),
                $($pattern => {
                    let dates = array.as_primitive::<$type>();
                    Ok((0..dates.len())
                        .map(|row| dates.is_valid(row).then(|| dates.value_as_date(row)).flatten())
                        .collect())
                })*
                _ => Err(Error::ColumnType {
                    column: "date",
                    found: array.data_type().to_string(),
                    expected: "a string, date or timestamp type",
                }),
            }
        };
    }
    temporal!(
        DataType::Date32 => Date32Type,
        DataType::Date64 => Date64Type,
        DataType::Timestamp(TimeUnit::Second, _) => TimestampSecondType,
        DataType::Timestamp(TimeUnit::Millisecond, _) => TimestampMillisecondType,
        DataType::Timestamp(TimeUnit::Microsecond, _) => TimestampMicrosecondType,
        DataType::Timestamp(TimeUnit::Nanosecond, _) => TimestampNanosecondType
    )
}

/// A column of strings in any of Arrow's three layouts.
pub(crate) enum StrColumn<'a> {
    Utf8(&'a GenericStringArray<i32>),
    LargeUtf8(&'a GenericStringArray<i64>),
    View(&'a StringViewArray),
}

impl<'a> StrColumn<'a> {
    pub(crate) fn new(array: &'a dyn Array) -> Option<StrColumn<'a>> {
        match array.data_type() {
            DataType::Utf8 => Some(StrColumn::Utf8(array.as_string::<i32>())),
            DataType::LargeUtf8 => Some(StrColumn::LargeUtf8(array.as_string::<i64>())),
            DataType::Utf8View => Some(StrColumn::View(array.as_string_view())),
            _ => None,
        }
    }

    pub(crate) fn value(&self, row: usize) -> Option<&'a str> {
        fn get<O: OffsetSizeTrait>(array: &GenericStringArray<O>, row: usize) -> Option<&str> {
            array.is_valid(row).then(|| array.value(row))
        }
        match self {
            StrColumn::Utf8(array) => get(array, row),
            StrColumn::LargeUtf8(array) => get(array, row),
            StrColumn::View(array) => array.is_valid(row).then(|| array.value(row)),
        }
    }
}

/// One builder per column of [`facts_schema`], in its order.
struct FactColumns {
    doc: StringBuilder,
    text: StringBuilder,
    value: Float64Builder,
    value_high: Float64Builder,
    unit: StringBuilder,
    qualifier: StringBuilder,
    metric: StringBuilder,
    measure: StringBuilder,
    subject: StringBuilder,
    period: StringBuilder,
    status: StringBuilder,
    equivalents: ListBuilder<StructBuilder>,
    per: StringBuilder,
    group: Int64Builder,
    object: StringBuilder,
    span_start: Int64Builder,
    span_end: Int64Builder,
    sentence: StringBuilder,
}

impl FactColumns {
    fn with_capacity(n: usize) -> FactColumns {
        let strings = || StringBuilder::with_capacity(n, 0);
        let equivalent = StructBuilder::from_fields(equivalent_fields(), 0);
        FactColumns {
            doc: strings(),
            text: strings(),
            value: Float64Builder::with_capacity(n),
            value_high: Float64Builder::with_capacity(n),
            unit: strings(),
            qualifier: strings(),
            metric: strings(),
            measure: strings(),
            subject: strings(),
            period: strings(),
            status: strings(),
            equivalents: ListBuilder::with_capacity(equivalent, n),
            per: strings(),
            group: Int64Builder::with_capacity(n),
            object: strings(),
            span_start: Int64Builder::with_capacity(n),
            span_end: Int64Builder::with_capacity(n),
            sentence: strings(),
        }
    }

    fn push(&mut self, fact: &Fact) {
        self.doc.append_value(&fact.doc);
        self.text.append_value(&fact.text);
        self.value.append_value(fact.value);
        self.value_high.append_option(fact.value_high);
        self.unit.append_option(fact.unit.as_deref());
        self.qualifier
            .append_option(fact.qualifier.map(|q| q.as_str()));
        self.metric.append_option(fact.metric.map(|m| m.as_str()));
        self.measure.append_option(fact.measure.map(|m| m.as_str()));
        self.subject.append_option(fact.subject.as_deref());
        self.period
            .append_option(fact.period.map(|p| p.to_string()));
        self.status.append_option(fact.status.map(|s| s.as_str()));
        let equivalents = self.equivalents.values();
        for equivalent in &fact.equivalents {
            field::<Float64Builder>(equivalents, 0).append_value(equivalent.value);
            field::<StringBuilder>(equivalents, 1).append_value(&equivalent.unit);
            equivalents.append(true);
        }
        self.equivalents.append(true);
        self.per.append_option(fact.per.as_deref());
        self.group.append_option(fact.group.map(i64::from));
        self.object.append_option(fact.object.as_deref());
        self.span_start.append_value(to_i64(fact.span[0]));
        self.span_end.append_value(to_i64(fact.span[1]));
        self.sentence.append_value(&fact.sentence);
    }

    fn finish(mut self) -> Vec<ArrayRef> {
        vec![
            Arc::new(self.doc.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.value.finish()),
            Arc::new(self.value_high.finish()),
            Arc::new(self.unit.finish()),
            Arc::new(self.qualifier.finish()),
            Arc::new(self.metric.finish()),
            Arc::new(self.measure.finish()),
            Arc::new(self.subject.finish()),
            Arc::new(self.period.finish()),
            Arc::new(self.status.finish()),
            Arc::new(self.equivalents.finish()),
            Arc::new(self.per.finish()),
            Arc::new(self.group.finish()),
            Arc::new(self.object.finish()),
            Arc::new(self.span_start.finish()),
            Arc::new(self.span_end.finish()),
            Arc::new(self.sentence.finish()),
        ]
    }
}

fn field<T: arrow_array::builder::ArrayBuilder>(builder: &mut StructBuilder, idx: usize) -> &mut T {
    builder
        .field_builder::<T>(idx)
        .expect("the equivalent struct's fields are built by equivalent_fields")
}

fn to_i64(offset: usize) -> i64 {
    // A span is a byte offset into one document's text, far below 2^63.
    offset as i64
}

pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message")
}

#[cfg(test)]
mod tests {
    use super::*;
    use almanac_extract::DocContext;
    use arrow_array::{Date32Array, Int64Array, StringArray};

    const PORT: &str = "The port of Aktau will handle 12 million tonnes of cargo by 2027, \
                        and the new terminal is worth 40 billion tenge ($85 million).";
    const PARK: &str = "Last year the industrial park created 420 jobs.";

    fn documents(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
        RecordBatch::try_from_iter(columns).unwrap()
    }

    fn strings(values: &[Option<&str>]) -> ArrayRef {
        Arc::new(StringArray::from(values.to_vec()))
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn expected(docs: &[(&str, &str, Option<NaiveDate>)]) -> Vec<Vec<Fact>> {
        docs.iter()
            .map(|(doc, text, date)| {
                almanac_extract::extract(
                    text,
                    &DocContext {
                        doc,
                        date: *date,
                        lang: None,
                    },
                )
                .facts
            })
            .collect()
    }

    #[test]
    fn schema_names_every_field_of_a_fact_in_order() {
        let fact = &expected(&[("d", PORT, None)])[0][0];
        let json = serde_json::to_string(fact).unwrap();
        let serde_json::Value::Object(fields) = serde_json::from_str(&json).unwrap() else {
            panic!("a fact serialises to an object");
        };
        let mut keys: Vec<&String> = fields.keys().collect();
        keys.sort_by_key(|key| json.find(&format!("\"{key}\":")).unwrap());
        let from_fact: Vec<String> = keys
            .iter()
            .flat_map(|key| match key.as_str() {
                "span" => vec!["span_start".to_string(), "span_end".to_string()],
                key => vec![key.to_string()],
            })
            .collect();
        let schema = facts_schema();
        let columns: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
        assert_eq!(
            columns, from_fact,
            "a Fact field without a column (or the reverse)"
        );
    }

    #[test]
    fn facts_come_back_in_document_order_with_their_dates() {
        let batch = documents(vec![
            ("id", strings(&[Some("port"), Some("empty"), Some("park")])),
            ("text", strings(&[Some(PORT), None, Some(PARK)])),
            (
                "date",
                strings(&[Some("2024-05-02"), None, Some("2023-02-10T08:00:00Z")]),
            ),
        ]);
        let facts = extract_batch(&batch, None).unwrap();
        let want = expected(&[
            ("port", PORT, Some(day("2024-05-02"))),
            ("park", PARK, Some(day("2023-02-10"))),
        ]);
        assert!(want.iter().all(|facts| !facts.is_empty()));
        assert_eq!(facts, facts_batch(&want).unwrap());
        let period = facts.column_by_name("period").unwrap().as_string::<i32>();
        assert_eq!(
            period.value(facts.num_rows() - 1),
            "2022",
            "`last year` of 2023"
        );
    }

    #[test]
    fn equivalents_are_a_list_of_structs() {
        let facts = facts_batch(&expected(&[("port", PORT, None)])).unwrap();
        let text = facts.column_by_name("text").unwrap().as_string::<i32>();
        let row = (0..facts.num_rows())
            .find(|&row| text.value(row).contains("tenge"))
            .unwrap();
        let equivalents = facts
            .column_by_name("equivalents")
            .unwrap()
            .as_list::<i32>();
        let equivalent = equivalents.value(row);
        let equivalent = equivalent.as_struct();
        assert_eq!(equivalent.len(), 1);
        let value = equivalent
            .column(0)
            .as_primitive::<arrow_array::types::Float64Type>();
        assert_eq!(value.value(0), 85e6);
        assert_eq!(equivalent.column(1).as_string::<i32>().value(0), "USD");
    }

    #[test]
    fn integer_ids_and_date32_dates() {
        let batch = documents(vec![
            ("id", Arc::new(Int64Array::from(vec![7])) as ArrayRef),
            ("text", strings(&[Some(PARK)])),
            (
                "date",
                Arc::new(Date32Array::from(vec![Some(19_400)])) as ArrayRef,
            ),
        ]);
        let date = NaiveDate::from_num_days_from_ce_opt(719_163 + 19_400);
        let want = expected(&[("7", PARK, date)]);
        assert_eq!(
            extract_batch(&batch, None).unwrap(),
            facts_batch(&want).unwrap()
        );
    }

    #[test]
    fn bad_batches_are_named() {
        let cases: Vec<(RecordBatch, &str)> = vec![
            (
                documents(vec![("id", strings(&[Some("a")]))]),
                "the batch has no \"text\" column",
            ),
            (
                documents(vec![
                    ("id", strings(&[None])),
                    ("text", strings(&[Some(PARK)])),
                ]),
                "row 0: \"id\" is null",
            ),
            (
                documents(vec![
                    ("id", strings(&[Some("a")])),
                    ("text", Arc::new(Int64Array::from(vec![1])) as ArrayRef),
                ]),
                "column \"text\" is of type Int64; expected a string type",
            ),
            (
                documents(vec![
                    ("id", strings(&[Some("a"), Some("b")])),
                    ("text", strings(&[Some(PARK), Some(PARK)])),
                    ("date", strings(&[Some("2024-01-01"), Some("01/02/2024")])),
                ]),
                "document \"b\": invalid date \"01/02/2024\"; expected YYYY-MM-DD",
            ),
        ];
        for (batch, message) in cases {
            let err = extract_batch(&batch, None).unwrap_err();
            assert_eq!(err.to_string(), message);
        }
    }
}
