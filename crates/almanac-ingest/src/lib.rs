//! almanac-ingest: documents into the ledger, the one code path of `almanac ingest` and of
//! `POST /api/documents`.
//!
//! - [`read`]: the user's inputs as a stream of documents (files, directories read
//!   lazily, JSONL line by line, HTML reduced to its article, stdin or any other stream),
//!   each failure an item of the stream naming its file and line.
//! - [`Limits`]: what one document may be (size, paragraph length, HTML depth), each
//!   refusal naming the document.
//! - [`ingest`]: the pipeline that extracts those documents on all cores and writes them
//!   in batches, each document whole, with memory bounded whatever the corpus; it tells a
//!   [`Progress`] what becomes of each document.
//!
//! What it does not do: print. The CLI draws a progress bar from [`Progress`], the server
//! answers with the outcomes.

#![forbid(unsafe_code)]

mod limits;
mod pipeline;
pub mod read;

pub use limits::Limits;
pub use pipeline::{
    extract_document, ingest, unread_language, IngestError, IngestOptions, Progress, Tally,
    WRITER_AUTO_CHECKPOINT,
};
pub use read::{ReadError, SourceDoc};
