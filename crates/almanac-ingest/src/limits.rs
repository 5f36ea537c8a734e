//! The limits on what one document may be, shared by `extract`, `ingest` and the server's
//! `POST /api/documents`: each with a default that no article comes near and a message
//! naming the document whenever one is hit. Nothing is cut silently.
//!
//! - `max_doc_bytes` (16 MiB): a larger document is refused; most often a dump to split.
//! - `max_paragraph_bytes` (64 KiB): a document with a longer paragraph (as the extractor
//!   cuts paragraphs: blank lines, or lines) is refused, naming where it starts. A news
//!   paragraph is a few hundred bytes; 64 KB without a break is a scraped page or a
//!   table flattened into one line, and the extractor's time grows faster than the
//!   length of a paragraph.
//! - `max_html_depth` (256): tags of an HTML page nested deeper are left out before it is
//!   parsed (their text is kept), with a warning (`limit_depth` in `read/parse.rs`).
//! - `max_figures` (50,000): the extractor reads no figures of a document after that many
//!   (`almanac_extract::extract_with_limit`), and a warning says from which line on its
//!   facts are missing. Each figure's fact holds its sentence (up to 2 KB), so a document
//!   of nothing but figures fills memory with its facts long before its text does; an
//!   article has tens of figures, a long statistical release a few thousand.
//!
//! The messages name the CLI's flags (`--max-doc-mb`, `--max-paragraph-kb`,
//! `--max-figures`), which `almanac serve` takes as well.

use almanac_extract::document;

use crate::read::{ReadError, SourceDoc};

/// The limits on one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_doc_bytes: u64,
    pub max_paragraph_bytes: u64,
    pub max_html_depth: usize,
    pub max_figures: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_doc_bytes: 16 * 1024 * 1024,
            max_paragraph_bytes: 64 * 1024,
            max_html_depth: 256,
            max_figures: 50_000,
        }
    }
}

impl Limits {
    /// Whether `doc` is within the limits, else what is over which one.
    ///
    /// # Errors
    ///
    /// The first limit `doc` is over, naming the document.
    pub fn check(&self, doc: &SourceDoc) -> Result<(), ReadError> {
        let refuse = |message: String| ReadError {
            origin: doc.origin.clone(),
            message,
        };
        let bytes = doc.text.len() as u64;
        if bytes > self.max_doc_bytes {
            return Err(refuse(format!(
                "document is {:.1} MB, over the {} MB limit (split it, or raise --max-doc-mb)",
                mib(bytes),
                mib(self.max_doc_bytes)
            )));
        }
        if bytes > self.max_paragraph_bytes {
            let parsed = document::parse(&doc.text);
            if let Some(long) = parsed
                .paragraphs
                .iter()
                .find(|p| (p.end - p.start) as u64 > self.max_paragraph_bytes)
            {
                let line = 1 + doc.text.as_bytes()[..long.start]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                return Err(refuse(format!(
                    "a paragraph of {} KB at line {line}, over the {} KB limit (break it \
                     into paragraphs with blank lines, or raise --max-paragraph-kb)",
                    (long.end - long.start) / 1024,
                    self.max_paragraph_bytes / 1024
                )));
            }
        }
        Ok(())
    }

    /// What to tell of a document whose figures from byte `unread_from` of `text` on were
    /// not read (`extract_with_limit`).
    pub fn figures_left_out(&self, text: &str, unread_from: usize) -> String {
        let line = 1 + text.as_bytes()[..unread_from.min(text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        format!(
            "more than {} figures: those from line {line} on were not read, and their facts \
             are missing (raise --max-figures)",
            self.max_figures
        )
    }
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / 1024.0 / 1024.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: String) -> SourceDoc {
        SourceDoc {
            id: "d".to_string(),
            origin: "d.txt".to_string(),
            text,
            date: None,
            lang: None,
            title: None,
            url: None,
            warnings: Vec::new(),
        }
    }

    #[test]
    fn each_limit_named() {
        let limits = Limits {
            max_doc_bytes: 1024 * 1024,
            max_paragraph_bytes: 1024,
            max_html_depth: 8,
            max_figures: 10,
        };
        let cases: &[(String, Option<&str>)] = &[
            ("A short paragraph.\n\nAnother one.".to_string(), None),
            (
                "A line of words.\n".repeat(100_000),
                Some("d.txt: document is 1.6 MB, over the 1 MB limit"),
            ),
            (
                format!("Intro.\n\n{}", "word ".repeat(400)),
                Some("d.txt: a paragraph of 1 KB at line 3, over the 1 KB limit"),
            ),
            (format!("{}\n", "word ".repeat(150)).repeat(5), None),
        ];
        for (text, want) in cases {
            let got = limits
                .check(&doc(text.clone()))
                .err()
                .map(|e| e.to_string());
            match want {
                None => assert_eq!(got, None),
                Some(prefix) => {
                    let got = got.expect("refused");
                    assert!(got.starts_with(prefix), "{got}");
                }
            }
        }
    }
}
