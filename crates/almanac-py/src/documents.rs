//! `extract_documents`: a record batch of documents to the documents dataset, each document
//! with its whole extraction, which `almanac import-parquet` writes to a ledger as
//! `almanac ingest` would have.
//!
//! The facts batch of `extract_batch` is for analysing an archive where it lies; a ledger
//! needs more of each document than its facts (its text, entities, date and language), so
//! this returns the document itself beside `almanac_extract::Extraction` as JSON. The
//! columns are `almanac_model::documents`' (shared with the CLI that reads them).
//!
//! The documents are read as `extract_batch` reads them (`id`, `text`, `date`), plus the
//! optional `title`, `url` (strings) and `lang` (`en`, `ru`, `kk`: the rules to read it
//! with, as a JSONL `lang`; else the call's `lang`, else detected).

use std::panic::{self, AssertUnwindSafe};

use almanac_extract::{DocContext, Extraction, EXTRACTOR_VERSION};
use almanac_model::documents::{self, DocumentRow};
use arrow_array::{Array, RecordBatch};
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use chrono::NaiveDate;
use pyo3::prelude::*;
use rayon::prelude::*;

use crate::batch::{facts_batch, panic_message, read_dates, read_ids, StrColumn};
use crate::context::{doc_context, Lang};
use crate::error::Error;
use crate::pool;

/// Every document of an Arrow record batch (`id`, `text`, optional `date`, `title`,
/// `url`, `lang`) with its whole extraction, as a `pyarrow.RecordBatch` with the columns
/// of `documents_schema()`.
#[pyfunction]
#[pyo3(signature = (batch, *, lang=None))]
pub fn extract_documents<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = Lang::parse(lang)?;
    let input = RecordBatch::from_pyarrow_bound(batch)?;
    let output = py.detach(|| documents_batch(&input, lang))?;
    output.to_pyarrow(py)
}

/// The schema of the batches `extract_documents` returns, as a `pyarrow.Schema`.
#[pyfunction]
pub fn documents_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    documents::schema().as_ref().to_pyarrow(py)
}

/// The facts of a batch of the documents dataset (`extract_documents`' output, or its
/// Parquet read back), as a `pyarrow.RecordBatch` with the columns of `facts_schema()`:
/// the facts dataset of documents already extracted, without extracting them again.
#[pyfunction]
pub fn facts_of_documents<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let input = RecordBatch::from_pyarrow_bound(batch)?;
    let output = py.detach(|| documents_facts(&input))?;
    output.to_pyarrow(py)
}

/// The facts held in the extractions of a documents batch, in document order.
///
/// # Errors
///
/// A batch that is not of the documents dataset, and a row whose extraction is missing, is
/// not an extraction's JSON or is not of the row's text.
pub fn documents_facts(batch: &RecordBatch) -> Result<RecordBatch, Error> {
    let documents = documents::Documents::new(batch)?;
    let facts = (0..documents.len())
        .map(|row| documents.row(row).map(|document| document.extraction.facts))
        .collect::<Result<Vec<_>, _>>()?;
    facts_batch(&facts)
}

/// The documents of `batch` with their extractions, extracted on the thread pool.
///
/// # Errors
///
/// A missing or mistyped column, a null `id` or `text`, a `date` or `lang` that is not
/// one, and a document on which the extractor panicked.
pub fn documents_batch(batch: &RecordBatch, lang: Option<Lang>) -> Result<RecordBatch, Error> {
    let column = |name: &'static str| batch.column_by_name(name).ok_or(Error::MissingColumn(name));
    let optional = |name: &'static str| {
        batch
            .column_by_name(name)
            .map(|array| strings(name, array.as_ref()))
            .transpose()
    };
    let ids = read_ids(column("id")?)?;
    let texts = strings("text", column("text")?.as_ref())?;
    let dates = match batch.column_by_name("date") {
        Some(dates) => read_dates(dates.as_ref(), &ids)?,
        None => vec![None; batch.num_rows()],
    };
    let (titles, urls, langs) = (optional("title")?, optional("url")?, optional("lang")?);
    // Everything but the extraction is checked before any is spent.
    let mut rows = Vec::with_capacity(batch.num_rows());
    for (row, id) in ids.iter().enumerate() {
        let text = texts.value(row).ok_or(Error::NullValue {
            column: "text",
            row,
        })?;
        let doc_lang = match value(&langs, row) {
            None => None,
            Some(code) => Some(code.parse::<almanac_extract::Lang>().map_err(|_| {
                Error::InvalidDocumentLang {
                    doc: id.to_string(),
                    value: code.to_string(),
                }
            })?),
        };
        rows.push((id.as_ref(), text, dates[row], doc_lang));
    }
    let extractions: Vec<Result<Extraction, Error>> = pool::pool()?.install(|| {
        rows.par_iter()
            .map(|&(id, text, date, doc_lang)| extract(id, text, date, doc_lang, lang))
            .collect()
    });
    let extractions = extractions.into_iter().collect::<Result<Vec<_>, _>>()?;
    let rows: Vec<DocumentRow<'_>> = rows
        .iter()
        .zip(&extractions)
        .enumerate()
        .map(|(row, (&(id, text, date, _), extraction))| DocumentRow {
            id,
            text,
            date,
            title: value(&titles, row),
            url: value(&urls, row),
            extraction,
        })
        .collect();
    Ok(documents::batch(&rows, EXTRACTOR_VERSION)?)
}

fn strings<'a>(name: &'static str, array: &'a dyn Array) -> Result<StrColumn<'a>, Error> {
    StrColumn::new(array).ok_or_else(|| Error::ColumnType {
        column: name,
        found: array.data_type().to_string(),
        expected: "a string type",
    })
}

fn value<'a>(column: &Option<StrColumn<'a>>, row: usize) -> Option<&'a str> {
    column.as_ref().and_then(|column| column.value(row))
}

/// One document's extraction, as `almanac ingest` makes it: its own language first, then
/// the call's, else detected.
fn extract(
    id: &str,
    text: &str,
    date: Option<NaiveDate>,
    doc_lang: Option<almanac_extract::Lang>,
    lang: Option<Lang>,
) -> Result<Extraction, Error> {
    let ctx = doc_context(id, date, lang);
    let ctx = DocContext {
        lang: doc_lang.or(ctx.lang),
        ..ctx
    };
    panic::catch_unwind(AssertUnwindSafe(|| almanac_extract::extract(text, &ctx))).map_err(
        |payload| Error::Panicked {
            doc: id.to_string(),
            message: panic_message(&*payload).to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use almanac_model::documents::Documents;
    use arrow_array::cast::AsArray;
    use arrow_array::{ArrayRef, StringArray};

    const PORT: &str = "The port of Aktau will handle 12 million tonnes of cargo by 2027.";
    const PARK: &str = "Last year the industrial park created 420 jobs.";
    const RU: &str = "В прошлом году в индустриальной зоне Шымкента создано 420 рабочих мест.";

    fn strings(values: &[Option<&str>]) -> ArrayRef {
        Arc::new(StringArray::from(values.to_vec()))
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn each_document_comes_back_with_its_whole_extraction() {
        let batch = RecordBatch::try_from_iter([
            ("id", strings(&[Some("port"), Some("park"), Some("ru")])),
            ("text", strings(&[Some(PORT), Some(PARK), Some(RU)])),
            ("date", strings(&[None, Some("2023-02-10T08:00:00Z"), None])),
            ("title", strings(&[Some("The port"), None, None])),
            ("lang", strings(&[None, Some("en"), Some("ru")])),
        ])
        .unwrap();
        let out = documents_batch(&batch, None).unwrap();
        assert_eq!(out.schema(), documents::schema());
        let read = Documents::new(&out).unwrap();
        let cases = [
            ("port", PORT, None, Some("The port"), None, "en"),
            (
                "park",
                PARK,
                Some(day("2023-02-10")),
                None,
                Some(almanac_extract::Lang::English),
                "en",
            ),
            (
                "ru",
                RU,
                None,
                None,
                Some(almanac_extract::Lang::Russian),
                "ru",
            ),
        ];
        let langs = out.column_by_name("lang").unwrap().as_string::<i32>();
        for (row, (id, text, date, title, lang, code)) in cases.into_iter().enumerate() {
            let doc = read.row(row).unwrap();
            let ctx = DocContext {
                doc: id,
                date,
                lang,
            };
            assert_eq!(
                (doc.id, doc.text, doc.date, doc.title, doc.url),
                (id, text, date, title, None)
            );
            assert_eq!(doc.extraction, almanac_extract::extract(text, &ctx), "{id}");
            assert!(!doc.extraction.facts.is_empty(), "{id}");
            assert_eq!(doc.extractor_version, EXTRACTOR_VERSION);
            assert_eq!(langs.value(row), code);
        }
    }

    #[test]
    fn facts_of_documents_are_the_facts_of_extracting_them() {
        let texts = [Some(PORT), Some(PARK), Some(RU)];
        let input = RecordBatch::try_from_iter([
            ("id", strings(&[Some("port"), Some("park"), Some("ru")])),
            ("text", strings(&texts)),
            ("date", strings(&[None, Some("2023-02-10"), None])),
        ])
        .unwrap();
        let documents = documents_batch(&input, None).unwrap();
        let facts = documents_facts(&documents).unwrap();
        assert_eq!(facts, crate::batch::extract_batch(&input, None).unwrap());
        assert!(facts.num_rows() >= 3);
    }

    #[test]
    fn facts_of_a_batch_that_is_no_documents_are_refused() {
        let input = RecordBatch::try_from_iter([
            ("id", strings(&[Some("park")])),
            ("text", strings(&[Some(PARK)])),
        ])
        .unwrap();
        let facts = crate::batch::extract_batch(&input, None).unwrap();
        let err = documents_facts(&facts).unwrap_err().to_string();
        assert!(err.contains("this is the facts dataset"), "{err}");
        let err = documents_facts(&input).unwrap_err().to_string();
        assert!(err.contains("not the documents dataset"), "{err}");
    }

    #[test]
    fn bad_documents_are_named() {
        let cases: Vec<(Vec<(&str, ArrayRef)>, &str)> = vec![
            (
                vec![("id", strings(&[Some("a")])), ("text", strings(&[None]))],
                "row 0: \"text\" is null",
            ),
            (
                vec![
                    ("id", strings(&[Some("a")])),
                    ("text", strings(&[Some(PARK)])),
                    ("lang", strings(&[Some("fr")])),
                ],
                "document \"a\": unknown lang \"fr\"; expected en, ru or kk",
            ),
            (
                vec![
                    ("id", strings(&[Some("a")])),
                    ("text", strings(&[Some(PARK)])),
                    (
                        "url",
                        Arc::new(arrow_array::Int64Array::from(vec![1])) as ArrayRef,
                    ),
                ],
                "column \"url\" is of type Int64; expected a string type",
            ),
        ];
        for (columns, message) in cases {
            let batch = RecordBatch::try_from_iter(columns).unwrap();
            assert_eq!(
                documents_batch(&batch, None).unwrap_err().to_string(),
                message
            );
        }
    }
}
