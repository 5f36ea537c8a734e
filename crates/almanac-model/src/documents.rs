//! The documents dataset (the `arrow` feature): one row per document with its whole
//! extraction, the form in which an extraction made elsewhere reaches a ledger. The Python
//! bindings write it (`almanac.extract_documents`, in the Spark job's `--documents`
//! output) and `almanac import-parquet` reads it; both go through this module, so the two
//! cannot disagree on a column.
//!
//! Why documents and not the facts the job writes by year: the ledger keeps each
//! document's text (a fact keeps its sentence as a byte range of it, and the text feeds
//! the full-text index), its entities and mentions, its date and where that came from,
//! and its language. A ledger made from facts alone would not be the one `almanac
//! ingest` makes from the same articles.
//!
//! The columns ([`schema`]), in this order:
//!
//! | column | type | what |
//! | --- | --- | --- |
//! | `id` | string | the document id (FACTS.md `doc`) |
//! | `text` | string | the text as extracted; every span is a byte range into it |
//! | `date` | date, nullable | the date given with it from outside the text (JSONL `date`): with the text, its content hash |
//! | `title`, `url` | string, nullable | as JSONL gives them |
//! | `lang` | string | the language it was read in (`en`, `ru`, `kk`), the extraction's, for filtering the dataset |
//! | `extraction` | string | `almanac_extract::Extraction` as JSON: facts, entities, date, date source, language, diagnostics |
//! | `extractor_version` | string | the `EXTRACTOR_VERSION` that made it, which the ledger keeps for `reindex` |

use std::sync::Arc;

use almanac_extract::Extraction;
use arrow_array::builder::{Date32Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::Date32Type;
use arrow_array::{Array, ArrayRef, GenericStringArray, RecordBatch, StringViewArray};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;

/// The columns every documents batch has, in [`schema`]'s order; `date`, `title`, `url`
/// and `lang` may be missing from a file (read as null).
const REQUIRED: [&str; 4] = ["id", "text", "extraction", "extractor_version"];

/// The Arrow schema of the documents dataset (see the module's table).
pub fn schema() -> SchemaRef {
    let text = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    Arc::new(Schema::new(vec![
        text("id", false),
        text("text", false),
        Field::new("date", DataType::Date32, true),
        text("title", true),
        text("url", true),
        text("lang", false),
        text("extraction", false),
        text("extractor_version", false),
    ]))
}

/// One document as written to the dataset.
#[derive(Debug, Clone, Copy)]
pub struct DocumentRow<'a> {
    pub id: &'a str,
    pub text: &'a str,
    /// The date given from outside the text (not the one the extractor found).
    pub date: Option<NaiveDate>,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub extraction: &'a Extraction,
}

/// `rows` as one batch of [`schema`], every row made by `extractor_version`.
///
/// # Errors
///
/// Only if Arrow refuses the columns, which the builders here make to the schema.
pub fn batch(rows: &[DocumentRow<'_>], extractor_version: &str) -> Result<RecordBatch, ArrowError> {
    let n = rows.len();
    let strings = || StringBuilder::with_capacity(n, 0);
    let (mut id, mut text, mut title, mut url, mut lang, mut extraction, mut version) = (
        strings(),
        strings(),
        strings(),
        strings(),
        strings(),
        strings(),
        strings(),
    );
    let mut date = Date32Builder::with_capacity(n);
    for row in rows {
        id.append_value(row.id);
        text.append_value(row.text);
        date.append_option(row.date.map(to_days));
        title.append_option(row.title);
        url.append_option(row.url);
        lang.append_value(row.extraction.lang.code());
        let json = serde_json::to_string(row.extraction).map_err(|err| {
            ArrowError::ExternalError(format!("document {:?}: {err}", row.id).into())
        })?;
        extraction.append_value(json);
        version.append_value(extractor_version);
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(id.finish()),
        Arc::new(text.finish()),
        Arc::new(date.finish()),
        Arc::new(title.finish()),
        Arc::new(url.finish()),
        Arc::new(lang.finish()),
        Arc::new(extraction.finish()),
        Arc::new(version.finish()),
    ];
    RecordBatch::try_new(schema(), columns)
}

/// Why a batch (or a file's schema) is not of the documents dataset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemaError {
    #[error(
        "this is the facts dataset (one row per fact, no document texts); a ledger is made \
         from the documents dataset, which the Spark job writes with \
         `--documents DIR` (`almanac.extract_documents` in Python)"
    )]
    FactsDataset,
    #[error("not the documents dataset: no column {missing:?} (its columns: {found})")]
    MissingColumn {
        missing: &'static str,
        found: String,
    },
    #[error("column {column:?} is of type {found}; expected {expected}")]
    ColumnType {
        column: &'static str,
        found: String,
        expected: &'static str,
    },
}

/// Checks that `schema` is the documents dataset's, telling the facts dataset apart.
///
/// # Errors
///
/// [`SchemaError`]: the facts dataset, a missing column, a column of another type.
pub fn check_schema(schema: &Schema) -> Result<(), SchemaError> {
    let has = |name: &str| schema.field_with_name(name).is_ok();
    if !has("extraction") && has("doc") && has("span_start") {
        return Err(SchemaError::FactsDataset);
    }
    for name in REQUIRED {
        if !has(name) {
            let found: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
            return Err(SchemaError::MissingColumn {
                missing: name,
                found: found.join(", "),
            });
        }
    }
    for field in schema.fields() {
        let Some((column, expected)) = expected_type(field.name()) else {
            continue;
        };
        let fits = match expected {
            Expected::Text => is_string(field.data_type()),
            Expected::Date => matches!(field.data_type(), DataType::Date32 | DataType::Null),
        };
        if !fits {
            return Err(SchemaError::ColumnType {
                column,
                found: field.data_type().to_string(),
                expected: expected.name(),
            });
        }
    }
    Ok(())
}

/// A document read back from the dataset, its extraction parsed.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub date: Option<NaiveDate>,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub extraction: Extraction,
    pub extractor_version: &'a str,
}

/// What is wrong with one row; the others may be fine.
#[derive(Debug, thiserror::Error)]
pub enum RowError {
    #[error("{0:?} is null")]
    Null(&'static str),
    #[error("document {id:?}: its extraction is not valid JSON of an extraction: {source}")]
    Extraction {
        id: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("document {id:?}: its extraction is not of this text: {what}")]
    NotOfText { id: String, what: String },
}

/// The documents of a batch, read in place.
pub struct Documents<'a> {
    id: Strings<'a>,
    text: Strings<'a>,
    date: Option<&'a arrow_array::Date32Array>,
    title: Option<Strings<'a>>,
    url: Option<Strings<'a>>,
    extraction: Strings<'a>,
    extractor_version: Strings<'a>,
    len: usize,
}

impl<'a> Documents<'a> {
    /// The columns of `batch`, checked with [`check_schema`].
    ///
    /// # Errors
    ///
    /// When the batch is not of the documents dataset.
    pub fn new(batch: &'a RecordBatch) -> Result<Documents<'a>, SchemaError> {
        check_schema(&batch.schema())?;
        let strings = |name: &str| batch.column_by_name(name).and_then(Strings::new);
        let required = |name: &'static str| {
            strings(name).ok_or_else(|| SchemaError::MissingColumn {
                missing: name,
                found: String::new(),
            })
        };
        Ok(Documents {
            id: required("id")?,
            text: required("text")?,
            date: batch
                .column_by_name("date")
                .and_then(|c| c.as_primitive_opt::<Date32Type>()),
            title: strings("title"),
            url: strings("url"),
            extraction: required("extraction")?,
            extractor_version: required("extractor_version")?,
            len: batch.num_rows(),
        })
    }

    /// The number of documents.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The id of row `row`, when it has one (to name the row in a message).
    pub fn id(&self, row: usize) -> Option<&'a str> {
        self.id.value(row)
    }

    /// Row `row` with its extraction parsed and checked against its text: every fact's
    /// span slices the text to the fact's `text`, and every mention's span is in it.
    ///
    /// # Errors
    ///
    /// A null required cell, an extraction that does not parse, or one of another text.
    pub fn row(&self, row: usize) -> Result<Document<'a>, RowError> {
        let required = |column: &Strings<'a>, name| column.value(row).ok_or(RowError::Null(name));
        let id = required(&self.id, "id")?;
        let text = required(&self.text, "text")?;
        let extraction: Extraction =
            serde_json::from_str(required(&self.extraction, "extraction")?).map_err(|source| {
                RowError::Extraction {
                    id: id.to_string(),
                    source,
                }
            })?;
        check_spans(text, &extraction).map_err(|what| RowError::NotOfText {
            id: id.to_string(),
            what,
        })?;
        let optional = |column: &Option<Strings<'a>>| column.as_ref().and_then(|c| c.value(row));
        Ok(Document {
            id,
            text,
            date: self
                .date
                .and_then(|dates| dates.is_valid(row).then(|| dates.value_as_date(row)))
                .flatten(),
            title: optional(&self.title),
            url: optional(&self.url),
            extraction,
            extractor_version: required(&self.extractor_version, "extractor_version")?,
        })
    }
}

/// The ledger slices the text by these spans; an extraction of another text (rows
/// mixed up) would store facts that point at the wrong words, or none.
fn check_spans(text: &str, extraction: &Extraction) -> Result<(), String> {
    for (idx, fact) in extraction.facts.iter().enumerate() {
        if text.get(fact.span()) != Some(fact.text.as_str()) {
            return Err(format!(
                "fact {idx} ({:?}) is not at {}..{} of the text",
                fact.text, fact.span[0], fact.span[1]
            ));
        }
    }
    for entity in &extraction.entities {
        for mention in &entity.mentions {
            if text.get(mention.span[0]..mention.span[1]).is_none() {
                return Err(format!(
                    "a mention of {:?} at {}..{} is outside the text",
                    entity.name, mention.span[0], mention.span[1]
                ));
            }
        }
    }
    Ok(())
}

enum Expected {
    Text,
    Date,
}

impl Expected {
    fn name(&self) -> &'static str {
        match self {
            Expected::Text => "a string type",
            Expected::Date => "date32",
        }
    }
}

/// The type a column of the dataset must have, under its name as a `'static` str.
fn expected_type(name: &str) -> Option<(&'static str, Expected)> {
    const TEXT: [&str; 7] = [
        "id",
        "text",
        "title",
        "url",
        "lang",
        "extraction",
        "extractor_version",
    ];
    match name {
        "date" => Some(("date", Expected::Date)),
        _ => TEXT
            .iter()
            .find(|text| **text == name)
            .map(|text| (*text, Expected::Text)),
    }
}

fn is_string(data_type: &DataType) -> bool {
    matches!(
        data_type,
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null
    )
}

fn to_days(date: NaiveDate) -> i32 {
    // Days since 1970-01-01, Arrow's date32.
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).expect("the epoch")).num_days() as i32
}

/// A column of strings in any of Arrow's layouts, or all null.
enum Strings<'a> {
    Utf8(&'a GenericStringArray<i32>),
    LargeUtf8(&'a GenericStringArray<i64>),
    View(&'a StringViewArray),
    Null,
}

impl<'a> Strings<'a> {
    fn new(array: &'a ArrayRef) -> Option<Strings<'a>> {
        Some(match array.data_type() {
            DataType::Utf8 => Strings::Utf8(array.as_string::<i32>()),
            DataType::LargeUtf8 => Strings::LargeUtf8(array.as_string::<i64>()),
            DataType::Utf8View => Strings::View(array.as_string_view()),
            DataType::Null => Strings::Null,
            _ => return None,
        })
    }

    fn value(&self, row: usize) -> Option<&'a str> {
        match self {
            Strings::Utf8(array) => array.is_valid(row).then(|| array.value(row)),
            Strings::LargeUtf8(array) => array.is_valid(row).then(|| array.value(row)),
            Strings::View(array) => array.is_valid(row).then(|| array.value(row)),
            Strings::Null => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use almanac_extract::{extract, DocContext};
    use arrow_array::{Int64Array, StringArray};

    const PORT: &str = "Aktau, 2 March 2024. The port of Aktau will handle 12 million tonnes \
                        of cargo by 2027, and the new terminal is worth 40 billion tenge \
                        ($85 million), the akim of Mangystau region said.";
    const PARK: &str = "Last year the industrial park in Shymkent created 420 jobs.";

    fn extraction(id: &str, text: &str, date: Option<NaiveDate>) -> Extraction {
        extract(
            text,
            &DocContext {
                doc: id,
                date,
                lang: None,
            },
        )
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn rows_come_back_as_written() {
        let port = extraction("port", PORT, None);
        let park = extraction("park", PARK, Some(day("2023-02-10")));
        assert!(!port.facts.is_empty() && !port.entities.is_empty() && !park.facts.is_empty());
        let rows = [
            DocumentRow {
                id: "port",
                text: PORT,
                date: None,
                title: Some("Port"),
                url: None,
                extraction: &port,
            },
            DocumentRow {
                id: "park",
                text: PARK,
                date: Some(day("2023-02-10")),
                title: None,
                url: Some("https://example.org/park"),
                extraction: &park,
            },
        ];
        let written = batch(&rows, "0.1.0+rules.test").unwrap();
        assert_eq!(written.schema(), schema());
        let documents = Documents::new(&written).unwrap();
        assert_eq!(documents.len(), 2);
        for (idx, want) in rows.iter().enumerate() {
            let got = documents.row(idx).unwrap();
            assert_eq!(
                (
                    got.id,
                    got.text,
                    got.date,
                    got.title,
                    got.url,
                    got.extractor_version
                ),
                (
                    want.id,
                    want.text,
                    want.date,
                    want.title,
                    want.url,
                    "0.1.0+rules.test"
                )
            );
            // Every field of every fact and entity, values to the last bit.
            assert_eq!(&got.extraction, want.extraction);
        }
        let lang = written.column_by_name("lang").unwrap().as_string::<i32>();
        assert_eq!((lang.value(0), lang.value(1)), ("en", "en"));
    }

    fn strings(values: &[Option<&str>]) -> ArrayRef {
        Arc::new(StringArray::from(values.to_vec()))
    }

    #[test]
    fn schemas_that_are_not_the_documents_dataset() {
        let fields = |names: &[(&str, DataType)]| {
            Schema::new(
                names
                    .iter()
                    .map(|(n, t)| Field::new(*n, t.clone(), true))
                    .collect::<Vec<_>>(),
            )
        };
        let utf8 = DataType::Utf8;
        let cases = [
            (
                fields(&[
                    ("doc", utf8.clone()),
                    ("text", utf8.clone()),
                    ("span_start", DataType::Int64),
                ]),
                SchemaError::FactsDataset,
            ),
            (
                fields(&[("id", utf8.clone()), ("text", utf8.clone())]),
                SchemaError::MissingColumn {
                    missing: "extraction",
                    found: "id, text".into(),
                },
            ),
            (
                fields(&[
                    ("id", DataType::Int64),
                    ("text", utf8.clone()),
                    ("extraction", utf8.clone()),
                    ("extractor_version", utf8.clone()),
                ]),
                SchemaError::ColumnType {
                    column: "id",
                    found: "Int64".into(),
                    expected: "a string type",
                },
            ),
            (
                fields(&[
                    ("id", utf8.clone()),
                    ("text", utf8.clone()),
                    ("date", utf8.clone()),
                    ("extraction", utf8.clone()),
                    ("extractor_version", utf8.clone()),
                ]),
                SchemaError::ColumnType {
                    column: "date",
                    found: "Utf8".into(),
                    expected: "date32",
                },
            ),
        ];
        for (schema, want) in cases {
            assert_eq!(check_schema(&schema), Err(want));
        }
        // Only the required columns, strings of any layout: a dataset written by another tool.
        let minimal = fields(&[
            ("id", DataType::LargeUtf8),
            ("text", DataType::Utf8View),
            ("extraction", utf8.clone()),
            ("extractor_version", utf8),
        ]);
        assert_eq!(check_schema(&minimal), Ok(()));
    }

    #[test]
    fn bad_rows_are_told_apart() {
        let park = serde_json::to_string(&extraction("park", PARK, None)).unwrap();
        let batch = RecordBatch::try_from_iter([
            (
                "id",
                strings(&[Some("ok"), Some("json"), Some("other"), None]),
            ),
            (
                "text",
                strings(&[Some(PARK), Some(PARK), Some(PORT), Some(PARK)]),
            ),
            (
                "extraction",
                strings(&[
                    Some(&park),
                    Some("{\"facts\": 3}"),
                    Some(&park),
                    Some(&park),
                ]),
            ),
            ("extractor_version", strings(&[Some("v"); 4])),
            (
                "unrelated",
                Arc::new(Int64Array::from(vec![1, 2, 3, 4])) as ArrayRef,
            ),
        ])
        .unwrap();
        let documents = Documents::new(&batch).unwrap();
        assert!(documents.row(0).is_ok());
        let message = |row| documents.row(row).unwrap_err().to_string();
        assert!(
            message(1).starts_with(
                "document \"json\": its extraction is not valid JSON of an extraction: "
            ),
            "{}",
            message(1)
        );
        assert!(
            message(2).starts_with(
                "document \"other\": its extraction is not of this text: fact 0 (\"420 jobs\")"
            ),
            "{}",
            message(2)
        );
        assert_eq!(message(3), "\"id\" is null");
    }
}
