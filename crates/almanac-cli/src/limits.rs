//! The limits on what one document may be (`almanac_ingest::Limits`), as flags shared by
//! `extract`, `ingest` and `serve`. Each has a default that no article comes near, and a
//! message naming the document whenever one is hit. Nothing is cut silently.

use almanac_ingest::read::{ReadError, SourceDoc};
use almanac_ingest::Limits;
use clap::Args;

/// The limits, as flags.
#[derive(Args, Debug, Clone, Copy)]
pub struct LimitArgs {
    /// Refuse documents larger than this many megabytes (an article is a few kilobytes; a
    /// huge file is most often a dump that should be split)
    #[arg(long, value_name = "MB", default_value_t = 16)]
    pub max_doc_mb: u64,
    /// Refuse documents with a paragraph longer than this many kilobytes (a paragraph of
    /// news is well under one; a longer one is a page or table without line breaks)
    #[arg(long, value_name = "KB", default_value_t = 64)]
    pub max_paragraph_kb: u64,
    /// Leave out the tags of HTML elements nested deeper than this (their text is kept)
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub max_html_depth: usize,
    /// Read no more than this many figures of a document; the facts of those after are left
    /// out, with a warning (an article has tens; a long statistical release a few thousand)
    #[arg(long, value_name = "N", default_value_t = 50_000)]
    pub max_figures: usize,
}

impl LimitArgs {
    /// The limits the flags say.
    pub fn limits(&self) -> Limits {
        Limits {
            max_doc_bytes: self.max_doc_mb * 1024 * 1024,
            max_paragraph_bytes: self.max_paragraph_kb * 1024,
            max_html_depth: self.max_html_depth,
            max_figures: self.max_figures,
        }
    }

    /// Whether `doc` is within the limits, else what is over which one.
    pub fn check(&self, doc: &SourceDoc) -> Result<(), ReadError> {
        self.limits().check(doc)
    }
}
