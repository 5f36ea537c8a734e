//! Aligned tables for people: `facts`, `docs`, `entities` and `show` print through
//! [`Table`].

use std::borrow::Cow;
use std::io::{self, Write};

use crate::export::plain_number;

/// A table: a header row, columns as wide as their widest cell (up to a cap), cells cut
/// with an ellipsis past it, numbers right-aligned.
pub struct Table {
    header: Vec<&'static str>,
    caps: Vec<usize>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(columns: &[(&'static str, usize, bool)]) -> Table {
        Table {
            header: columns.iter().map(|c| c.0).collect(),
            caps: columns.iter().map(|c| c.1).collect(),
            right: columns.iter().map(|c| c.2).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let cut = |s: &str, cap: usize| -> String {
            let s = inert(s).replace(['\n', '\t'], " ");
            if s.chars().count() <= cap {
                s
            } else {
                let mut t: String = s.chars().take(cap.saturating_sub(1)).collect();
                t.push('…');
                t
            }
        };
        let cells: Vec<Vec<String>> =
            std::iter::once(self.header.iter().map(|h| h.to_string()).collect())
                .chain(self.rows.iter().cloned())
                .map(|row| {
                    row.iter()
                        .zip(&self.caps)
                        .map(|(c, cap)| cut(c, *cap))
                        .collect()
                })
                .collect();
        let widths: Vec<usize> = (0..self.header.len())
            .map(|i| {
                cells
                    .iter()
                    .map(|r| r[i].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in &cells {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = widths[i] - cell.chars().count();
                if self.right[i] {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if i + 1 < row.len() {
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

/// A number for people: thousands separated, at most 2 decimals.
pub fn human_number(v: f64) -> String {
    let plain = plain_number((v * 100.0).round() / 100.0);
    let (int, frac) = match plain.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (plain, None),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d.to_string()),
        None => ("", int),
    };
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Text from a document as it may reach a terminal: control characters (an escape
/// sequence could recolour, move the cursor or retitle the window) become U+FFFD, except
/// line breaks and tabs.
pub fn inert(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && !matches!(c, '\n' | '\t');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if unsafe_char(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_people() {
        for (v, human) in [
            (15e9, "15,000,000,000"),
            (32.8, "32.8"),
            (33.7e6, "33,700,000"),
            (-1234.5, "-1,234.5"),
            (0.125, "0.13"),
            (999.0, "999"),
        ] {
            assert_eq!(human_number(v), human);
        }
    }
}
