//! What the extractor saw but does not read: numbers it skips, said beside the facts so that
//! a reader knows a figure of the text is missing from them, and why.
//!
//! - A number written in the digits of another script (`٣٥٠`, `３５０`): the rules read
//!   ASCII digits only.
//! - A number too long for a value (more than 308 digits in a row): no figure, however
//!   its text reads.
//!
//! Diagnostics never change the facts; they are found from the token stream after the
//! rules have run, in text order.

use std::ops::Range;

use crate::fact::Diagnostic;
use crate::tokens::{inside, Kind, Token, ALNUM};

/// The zero of each run of ten decimal digits, other than ASCII, that news text is known to
/// use: Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), NKo, Devanagari, Bengali,
/// Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao,
/// Tibetan, Myanmar, Khmer, Mongolian, and full-width (CJK) digits.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
];

/// A number of more digits than this is beyond `f64` (about 1.8e308).
const MAX_DIGITS: usize = 308;

/// The value of a decimal digit of another script (`٣` is 3); `None` for every other
/// character, ASCII digits included.
fn other_script_digit(c: char) -> Option<u32> {
    let c = u32::from(c);
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&c))
        .map(|zero| c - zero)
}

/// The diagnostics of a document: the skipped numbers of its paragraphs.
pub(crate) fn find(text: &str, stream: &[Token], paragraphs: &[Range<usize>]) -> Vec<Diagnostic> {
    let mut res = Vec::new();
    for p in paragraphs {
        let atoms = inside(stream, p.clone());
        let mut k = 0;
        while k < atoms.len() {
            let atom = atoms[k];
            if atom.kind == Kind::Digits && atom.end - atom.start > MAX_DIGITS {
                res.push(Diagnostic {
                    span: [atom.start, atom.end],
                    message: format!(
                        "a number of {} digits is not read: it is too large for a value",
                        atom.end - atom.start
                    ),
                });
            }
            // Letters of another script that are digits are marks of their own, one a
            // character: a run of them glued together is one number.
            let is_digit = |a: &Token| {
                a.kind == Kind::Mark
                    && a.has(ALNUM)
                    && other_script_digit(a.first_char(text)).is_some()
            };
            if !is_digit(&atom) {
                k += 1;
                continue;
            }
            let mut last = k;
            while atoms
                .get(last + 1)
                .is_some_and(|next| next.start == atoms[last].end && is_digit(next))
            {
                last += 1;
            }
            let span = [atom.start, atoms[last].end];
            res.push(Diagnostic {
                span,
                message: format!(
                    "the number {:?} is not read: it is written in digits of another script",
                    &text[span[0]..span[1]]
                ),
            });
            k = last + 1;
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
        };
        extract(text, &ctx)
            .diagnostics
            .into_iter()
            .map(|d| (text[d.span[0]..d.span[1]].to_string(), d.message))
            .collect()
    }

    #[test]
    fn numbers_in_digits_of_another_script_are_reported() {
        let cases: &[(&str, &[&str])] = &[
            ("The park created ٣٥٠ jobs.", &["٣٥٠"]),
            (
                "Output grew by ３.５ percent in ２０２３.",
                &["３", "５", "２０２３"],
            ),
            (
                "Exports reached ۱۲۰۰ tonnes and ৫০ containers.",
                &["۱۲۰۰", "৫০"],
            ),
            // A unit with a superscript and plain numbers are no skipped numbers.
            ("The plant covers 12,000 m² and employs 350 people.", &[]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            let found: Vec<String> = diagnostics(text).into_iter().map(|(t, _)| t).collect();
            assert_eq!(&found, expected, "{text}");
        }
        let (_, message) = &diagnostics("It hired ٣٥٠ people.")[0];
        assert_eq!(
            message,
            "the number \"٣٥٠\" is not read: it is written in digits of another script"
        );
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
        let text = "The zone created 369 jobs and ٣٥٠ more.";
        let ctx = DocContext {
            doc: "t",
            date: None,
        };
        let out = extract(text, &ctx);
        assert_eq!(out.facts.len(), 1);
        assert_eq!(out.facts[0].value, 369.0);
        assert_eq!(out.diagnostics.len(), 1);
    }
}
