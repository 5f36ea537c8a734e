//! almanac-py: the extractor as the Python module `almanac`.
//!
//! ```python
//! import almanac
//! almanac.extract("The zone created 369 jobs in 2023.", date="2024-01-15")
//! almanac.extract_batch(pyarrow_record_batch)   # -> pyarrow.RecordBatch of facts
//! almanac.extract_df(pandas_frame)              # -> pandas.DataFrame of facts
//! ```
//!
//! `extract` gives each fact as the dict that `almanac extract` prints as a JSON line: the
//! facts are serialised by the same serde code and parsed by Python's `json`, so the two
//! cannot drift apart. `extract_batch` is the path for corpora: Arrow in and out through the
//! C data interface (the texts are read where pyarrow keeps them), the GIL released while
//! the documents are extracted on a per-process thread pool (`pool`). Errors become Python
//! exceptions in one place (`error`). The stubs, `almanac.pyi`, are checked against this
//! module by mypy's stubtest in the pytest suite.
//!
//! Not here: reading files and the ledger (the CLI's); only the extractor is bound.

mod batch;
mod context;
mod documents;
mod error;
mod pool;

use almanac_extract::Fact;
use arrow_array::RecordBatch;
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyString};

pub use batch::{facts_batch, facts_schema};
pub use error::Error;

// The module is the binary here: it picks the allocator, as the CLI does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The facts of one document, each a dict with FACTS.md's fields in its order.
///
/// `date` is the document's publication date (`YYYY-MM-DD` or a `datetime.date`), used
/// when the text has no ` date` header line; `lang` is `None`, `"en"` or `"ru"`; `doc` is
/// the document id written into each fact.
#[pyfunction]
#[pyo3(signature = (text, date=None, lang=None, *, doc=""))]
fn extract<'py>(
    py: Python<'py>,
    text: &str,
    date: Option<&Bound<'py, PyAny>>,
    lang: Option<&str>,
    doc: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let date = date.map(to_date).transpose()?;
    let lang = context::Lang::parse(lang)?;
    let facts: Vec<Fact> =
        py.detach(|| almanac_extract::extract(text, &context::doc_context(doc, date, lang)).facts);
    let json = serde_json::to_string(&facts).expect("facts serialise to JSON");
    py.import("json")?.call_method1("loads", (json,))
}

/// The facts of every document of an Arrow record batch (`id`, `text`, optional `date`),
/// as a `pyarrow.RecordBatch` with the columns of `facts_schema()`.
#[pyfunction]
#[pyo3(signature = (batch, *, lang=None))]
fn extract_batch<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = context::Lang::parse(lang)?;
    let documents = RecordBatch::from_pyarrow_bound(batch)?;
    let facts = py.detach(|| batch::extract_batch(&documents, lang))?;
    facts.to_pyarrow(py)
}

/// The facts of every row of a pandas DataFrame (`id`, `text`, optional `date`), as a
/// DataFrame with the columns of `facts_schema()`. Needs pandas.
#[pyfunction]
#[pyo3(signature = (df, *, lang=None))]
fn extract_df<'py>(
    py: Python<'py>,
    df: &Bound<'py, PyAny>,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    if py.import("pandas").is_err() {
        return Err(Error::PandasMissing.into());
    }
    let record_batch = py.import("pyarrow")?.getattr("RecordBatch")?;
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("preserve_index", false)?;
    let documents = record_batch.call_method("from_pandas", (df,), Some(&kwargs))?;
    extract_batch(py, &documents, lang)?.call_method0("to_pandas")
}

/// The schema of the batches `extract_batch` returns, as a `pyarrow.Schema`.
#[pyfunction(name = "facts_schema")]
fn py_facts_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    facts_schema().as_ref().to_pyarrow(py)
}

/// How many threads `extract_batch` uses in this process (`RAYON_NUM_THREADS`, else one per
/// core); the pool is made by the first call in each process.
#[pyfunction]
fn n_threads() -> PyResult<usize> {
    Ok(pool::n_threads()?)
}

fn to_date(value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(context::parse_date(&text.to_cow()?)?);
    }
    if value.is_instance_of::<PyDate>() {
        // A `datetime.datetime` is a `date` too; its day is the date.
        let day = match value.is_instance_of::<PyDateTime>() {
            true => value.call_method0("date")?,
            false => value.clone(),
        };
        return day.extract::<NaiveDate>();
    }
    let type_name = value.get_type().name()?.to_string();
    Err(Error::DateType { type_name }.into())
}

/// The Python module `almanac`.
#[pymodule]
#[pyo3(name = "almanac")]
fn almanac_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("EXTRACTOR_VERSION", almanac_extract::EXTRACTOR_VERSION)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add_function(wrap_pyfunction!(extract_df, m)?)?;
    m.add_function(wrap_pyfunction!(py_facts_schema, m)?)?;
    m.add_function(wrap_pyfunction!(n_threads, m)?)?;
    m.add_function(wrap_pyfunction!(documents::extract_documents, m)?)?;
    m.add_function(wrap_pyfunction!(documents::documents_schema, m)?)?;
    m.add_function(wrap_pyfunction!(documents::facts_of_documents, m)?)?;
    Ok(())
}
