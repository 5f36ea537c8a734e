//! What the extractor saw but does not read: numbers it skips, said beside the facts so that
//! a reader knows a figure of the text is missing from them, and why.
//!
//! - A number too long for a value (more than 308 digits in a row): no figure, however
//!   its text reads.
//!
//! Numbers in the digits of other scripts (`٣٥٠`, `３５０`) are read like ASCII ones
//! (`numbers::parse_digits`), so they are no longer among them.
//!
//! Diagnostics never change the facts; they are found from the token stream after the
//! rules have run, in text order.

use std::ops::Range;

use crate::fact::Diagnostic;
use crate::tokens::{inside, Kind, Token};

/// A number of more digits than this is beyond `f64` (about 1.8e308).
const MAX_DIGITS: usize = 308;

/// The diagnostics of a document: the skipped numbers of its paragraphs.
pub(crate) fn find(stream: &[Token], paragraphs: &[Range<usize>]) -> Vec<Diagnostic> {
    let mut res = Vec::new();
    for p in paragraphs {
        for atom in inside(stream, p.clone()) {
            if atom.kind == Kind::Digits && atom.end - atom.start > MAX_DIGITS {
                res.push(Diagnostic {
                    span: [atom.start, atom.end],
                    message: format!(
                        "a number of {} digits is not read: it is too large for a value",
                        atom.end - atom.start
                    ),
                });
            }
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use crate::{extract, DocContext};

    fn diagnostics(text: &str) -> Vec<(String, String)> {
        let ctx = DocContext {
            doc: "t",
            date: None,
            lang: None,
        };
        extract(text, &ctx)
            .diagnostics
            .into_iter()
            .map(|d| (text[d.span[0]..d.span[1]].to_string(), d.message))
            .collect()
    }

    #[test]
    fn numbers_in_digits_of_another_script_are_read_not_reported() {
        for text in [
            "The park created ٣٥٠ jobs.",
            "Output grew by ３.５ percent in ２０２３.",
            "Exports reached ۱۲۰۰ tonnes and ৫০ containers.",
            "The plant covers 12,000 m² and employs 350 people.",
            "",
        ] {
            assert_eq!(diagnostics(text), [], "{text}");
        }
    }

    #[test]
    fn a_number_too_long_for_a_value_is_reported() {
        let text = format!("The fund holds {} tenge.", "9".repeat(400));
        let found = diagnostics(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "9".repeat(400));
        assert!(found[0].1.contains("400 digits"), "{}", found[0].1);
        assert!(diagnostics(&format!("It holds {} tenge.", "9".repeat(300))).is_empty());
    }

    #[test]
    fn diagnostics_leave_the_facts_as_they_are() {
        let text = format!("The zone created 369 jobs and {} more.", "9".repeat(400));
        let ctx = DocContext {
            doc: "t",
            date: None,
            lang: None,
        };
        let out = extract(&text, &ctx);
        assert_eq!(out.facts.len(), 1);
        assert_eq!(out.facts[0].value, 369.0);
        assert_eq!(out.diagnostics.len(), 1);
    }
}
