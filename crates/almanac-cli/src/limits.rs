//! The limits on what one document may be, shared by `extract` and `ingest`: each with a
//! default that no article comes near, a flag to change it, and a message naming the
//! document whenever one is hit. Nothing is cut silently.
//!
//! - `--max-doc-mb` (16): a larger document is refused; most often a dump to split.
//! - `--max-paragraph-kb` (64): a document with a longer paragraph (as the extractor cuts
//!   paragraphs: blank lines, or lines) is refused, naming where it starts. A news
//!   paragraph is a few hundred bytes; 64 KB without a break is a scraped page or a
//!   table flattened into one line, and the extractor's time grows faster than the
//!   length of a paragraph.
//! - `--max-html-depth` (256): tags of an HTML page nested deeper are left out before it
//!   is parsed (their text is kept), with a warning (`limit_depth` in `read/parse.rs`).

use almanac_extract::document;
use clap::Args;

use crate::read::{ReadError, SourceDoc};

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
}

impl LimitArgs {
    /// Whether `doc` is within the limits, else what is over which one.
    pub fn check(&self, doc: &SourceDoc) -> Result<(), ReadError> {
        let refuse = |message: String| ReadError {
            origin: doc.origin.clone(),
            message,
        };
        let bytes = doc.text.len() as u64;
        if bytes > self.max_doc_mb * 1024 * 1024 {
            return Err(refuse(format!(
                "document is {:.1} MB, over the {} MB limit (split it, or raise --max-doc-mb)",
                bytes as f64 / 1024.0 / 1024.0,
                self.max_doc_mb
            )));
        }
        let max_paragraph = self.max_paragraph_kb * 1024;
        if bytes > max_paragraph {
            let parsed = document::parse(&doc.text);
            if let Some(long) = parsed
                .paragraphs
                .iter()
                .find(|p| (p.end - p.start) as u64 > max_paragraph)
            {
                let line = 1 + doc.text.as_bytes()[..long.start]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                return Err(refuse(format!(
                    "a paragraph of {} KB at line {line}, over the {} KB limit (break it \
                     into paragraphs with blank lines, or raise --max-paragraph-kb)",
                    (long.end - long.start) / 1024,
                    self.max_paragraph_kb
                )));
            }
        }
        Ok(())
    }
}
