"""Facts from economic-development news: the almanac extractor, bound to Python.

Each fact has the fields of FACTS.md, in its order. ``extract`` returns them as dicts,
equal to the JSON lines ``almanac extract`` prints; ``extract_batch`` and ``extract_df``
return them as Arrow and pandas columns (``facts_schema()``), with ``span`` as
``span_start`` and ``span_end``.
"""

import datetime
from typing import Any, Literal, Optional, Union

import pyarrow

__all__ = [
    "__version__",
    "EXTRACTOR_VERSION",
    "documents_schema",
    "extract",
    "extract_batch",
    "extract_df",
    "extract_documents",
    "facts_of_documents",
    "facts_schema",
    "n_threads",
]

__version__: str
"""The version of the bindings."""

EXTRACTOR_VERSION: str
"""The version of the extraction rules, as the ledger records it."""

def extract(
    text: str,
    date: Union[str, datetime.date, None] = None,
    lang: Optional[Literal["en", "ru"]] = None,
    *,
    doc: str = "",
) -> list[dict[str, Any]]:
    """The facts of one document, each a dict with FACTS.md's fields in its order.

    ``date`` is the publication date (``YYYY-MM-DD`` or a ``datetime.date``), used when
    the text has no `` date`` header line. ``lang`` is ``None``, ``"en"`` or ``"ru"``.
    ``doc`` is the document id written into each fact.

    Raises ValueError for a date that is not ``YYYY-MM-DD`` or an unknown ``lang``, and
    TypeError for a ``date`` of another type.
    """

def extract_batch(
    batch: pyarrow.RecordBatch, *, lang: Optional[Literal["en", "ru"]] = None
) -> pyarrow.RecordBatch:
    """The facts of every document of a record batch, in document order.

    The batch has ``id`` (strings or integers), ``text`` (strings; a null text has no
    facts) and optionally ``date`` (strings ``YYYY-MM-DD``, possibly followed by a time,
    or a date or timestamp type). Other columns are ignored. The texts are read in place
    (Arrow C data interface); the GIL is released while the documents are extracted on
    ``n_threads()`` threads. The result has the columns of ``facts_schema()``.

    Raises KeyError for a missing column, TypeError for a column of the wrong type,
    ValueError for a null ``id`` or a ``date`` that is not a date.
    """

def extract_df(df: Any, *, lang: Optional[Literal["en", "ru"]] = None) -> Any:
    """The facts of every row of a pandas DataFrame (``id``, ``text``, optional ``date``),
    as a pandas DataFrame with the columns of ``facts_schema()``.

    Raises ImportError when pandas is not installed.
    """

def extract_documents(
    batch: pyarrow.RecordBatch, *, lang: Optional[Literal["en", "ru"]] = None
) -> pyarrow.RecordBatch:
    """Every document of a record batch with its whole extraction, for a ledger
    (``almanac import-parquet``), in document order.

    The batch is read as ``extract_batch`` reads it, plus the optional string columns
    ``title``, ``url`` and ``lang`` (``en``, ``ru`` or ``kk``: the rules to read the
    document with; ``lang=`` for rows without one; else detected). The result has the
    columns of ``documents_schema()``, ``extraction`` the JSON of the facts, entities,
    document date and its source, language and diagnostics.

    Raises KeyError for a missing column, TypeError for a column of the wrong type,
    ValueError for a null ``id`` or ``text``, a ``date`` that is not a date or a ``lang``
    that is not a language almanac knows.
    """

def facts_of_documents(batch: pyarrow.RecordBatch) -> pyarrow.RecordBatch:
    """The facts held in a batch of the documents dataset (``extract_documents``' output
    or its Parquet read back), as a record batch with the columns of ``facts_schema()``,
    equal to ``extract_batch`` of the same documents: the facts without a second extraction.

    Raises ValueError for a batch that is not of the documents dataset and for a row whose
    extraction is missing, not an extraction's JSON or not of the row's text.
    """

def documents_schema() -> pyarrow.Schema:
    """The schema of the batches ``extract_documents`` returns: ``id``, ``text``: string;
    ``date``: date32 or null (the date given with the document); ``title``, ``url``:
    string or null; ``lang``: string (the language it was read in); ``extraction``:
    string (JSON); ``extractor_version``: string."""

def facts_schema() -> pyarrow.Schema:
    """The schema of the batches ``extract_batch`` returns.

    ``doc``, ``text``: string; ``value``: float64; ``value_high``: float64 or null (the
    upper end of a range, whose lower end is ``value``); ``unit``, ``qualifier``, ``metric``,
    ``measure``, ``subject``, ``period``, ``status``: string or null; ``equivalents``:
    list of struct ``{value: float64, unit: string}``; ``per``: string or null;
    ``group``: int64 or null; ``object``: string or null; ``span_start``, ``span_end``:
    int64 (UTF-8 byte offsets into the text); ``sentence``: string.
    """

def n_threads() -> int:
    """How many threads ``extract_batch`` uses in this process: ``RAYON_NUM_THREADS``
    if set when the first batch is extracted, else one per core."""
