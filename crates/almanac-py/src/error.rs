//! Every error the module raises, and the one place where each becomes a Python exception.

use pyo3::exceptions::{PyImportError, PyKeyError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::PyErr;

/// What can go wrong between Python and the extractor. Extraction itself never fails: these
/// are about the arguments and the batch.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid date {value:?}; expected YYYY-MM-DD")]
    InvalidDate { value: String },
    #[error("document {doc:?}: invalid date {value:?}; expected YYYY-MM-DD")]
    InvalidDocumentDate { doc: String, value: String },
    #[error("date must be a str (YYYY-MM-DD), a datetime.date or None, not {type_name}")]
    DateType { type_name: String },
    #[error("document {doc:?}: unknown lang {value:?}; expected en, ru or kk")]
    InvalidDocumentLang { doc: String, value: String },
    #[error("unsupported lang {0:?}; expected \"en\", \"ru\" or None")]
    UnsupportedLang(String),
    #[error("the batch has no {0:?} column")]
    MissingColumn(&'static str),
    #[error("column {column:?} is of type {found}; expected {expected}")]
    ColumnType {
        column: &'static str,
        found: String,
        expected: &'static str,
    },
    #[error("row {row}: {column:?} is null")]
    NullValue { column: &'static str, row: usize },
    #[error("document {doc:?}: internal error: the extractor panicked: {message}")]
    Panicked { doc: String, message: String },
    #[error("cannot start the extraction threads: {0}")]
    ThreadPool(String),
    #[error("cannot build the facts batch: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    #[error("{0}")]
    NotDocuments(#[from] almanac_model::documents::SchemaError),
    #[error("{0}")]
    DocumentRow(#[from] almanac_model::documents::RowError),
    #[error("almanac.extract_df needs pandas; install it with `pip install pandas`")]
    PandasMissing,
}

impl From<Error> for PyErr {
    fn from(err: Error) -> PyErr {
        let message = err.to_string();
        match err {
            Error::InvalidDate { .. }
            | Error::InvalidDocumentDate { .. }
            | Error::InvalidDocumentLang { .. }
            | Error::UnsupportedLang(_)
            | Error::NullValue { .. }
            | Error::NotDocuments(_)
            | Error::DocumentRow(_) => PyValueError::new_err(message),
            Error::DateType { .. } | Error::ColumnType { .. } => PyTypeError::new_err(message),
            Error::MissingColumn(_) => PyKeyError::new_err(message),
            Error::PandasMissing => PyImportError::new_err(message),
            Error::Panicked { .. } | Error::ThreadPool(_) | Error::Arrow(_) => {
                PyRuntimeError::new_err(message)
            }
        }
    }
}
