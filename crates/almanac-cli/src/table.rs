//! Aligned tables for people: `facts`, `docs`, `entities` and `show` print through
//! [`Table`].

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use crate::export::plain_number;

/// A table: a header row, columns as wide as their widest cell, numbers right-aligned.
/// Fitted to the terminal (or `COLUMNS`): the columns over their cap are narrowed first,
/// then the widest; a cell too long is cut at a word where one is near, and where cutting
/// its end would make two different cells of the column look alike (`kazakhstan-2022-04-
/// projects`, `kazakhstan-2022-04-industry`), its middle is cut instead, so that what
/// distinguishes the rows stays visible. Written to a pipe or a file, nothing is cut.
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

    /// Writes the table fitted to the terminal's width (see [`terminal_width`]).
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        self.write_within(out, terminal_width())
    }

    /// Writes the table within `width` characters, or whole with `None`.
    pub fn write_within(&self, out: &mut impl Write, width: Option<usize>) -> io::Result<()> {
        let cells: Vec<Vec<String>> =
            std::iter::once(self.header.iter().map(|h| h.to_string()).collect())
                .chain(self.rows.iter().map(|row| {
                    row.iter()
                        .map(|c| inert(c).replace(['\n', '\t'], " "))
                        .collect()
                }))
                .collect();
        let natural: Vec<usize> = (0..self.header.len())
            .map(|i| cells.iter().map(|r| len(&r[i])).max().unwrap_or(0))
            .collect();
        let widths = match width {
            Some(w) => self.fit(&natural, w),
            None => natural.clone(),
        };
        let cut: Vec<Vec<String>> = {
            let mut columns: Vec<Vec<String>> = (0..self.header.len())
                .map(|i| {
                    let column: Vec<&str> = cells.iter().map(|r| r[i].as_str()).collect();
                    cut_column(&column, widths[i])
                })
                .collect();
            (0..cells.len())
                .map(|r| {
                    columns
                        .iter_mut()
                        .map(|c| std::mem::take(&mut c[r]))
                        .collect()
                })
                .collect()
        };
        for row in &cut {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = widths[i].saturating_sub(len(cell));
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

    /// Column widths that fit `width`: first the columns wider than their cap come down
    /// towards it, the widest first, then the widest text columns, never below their
    /// header (or 8 characters). Numbers are never narrowed.
    fn fit(&self, natural: &[usize], width: usize) -> Vec<usize> {
        let mut widths = natural.to_vec();
        let gaps = 2 * widths.len().saturating_sub(1);
        let total = |w: &[usize]| w.iter().sum::<usize>() + gaps;
        let floor: Vec<usize> = (0..widths.len())
            .map(|i| {
                if self.right[i] {
                    natural[i]
                } else {
                    natural[i].min(len(self.header[i]).max(8))
                }
            })
            .collect();
        for use_caps in [true, false] {
            while total(&widths) > width {
                let limit = |i: usize| {
                    if use_caps {
                        self.caps[i].max(floor[i])
                    } else {
                        floor[i]
                    }
                };
                let Some(i) = (0..widths.len())
                    .filter(|&i| widths[i] > limit(i))
                    .max_by_key(|&i| (widths[i] - limit(i), widths[i]))
                else {
                    break;
                };
                widths[i] -= 1;
            }
        }
        widths
    }
}

/// The terminal's width: `COLUMNS` when set, else the width of the terminal stdout is;
/// `None` when stdout is a pipe or a file (nothing is cut then).
pub fn terminal_width() -> Option<usize> {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
    {
        return Some(columns);
    }
    if !io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size().map(|(w, _)| w.0 as usize)
}

fn len(s: &str) -> usize {
    s.chars().count()
}

/// The cells of one column cut to `width`: at their end (at a word boundary when one is
/// in the last third), or in the middle where cutting the end would make different cells
/// equal.
fn cut_column(column: &[&str], width: usize) -> Vec<String> {
    if column.iter().all(|c| len(c) <= width) {
        return column.iter().map(|c| c.to_string()).collect();
    }
    let ends: Vec<String> = column.iter().map(|c| cut_end(c, width)).collect();
    let mut seen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    let collide = column.iter().zip(&ends).any(|(whole, cut)| {
        let first = seen.entry(cut.as_str()).or_insert(whole);
        first != whole
    });
    if !collide {
        return ends;
    }
    column.iter().map(|c| cut_middle(c, width)).collect()
}

fn cut_end(s: &str, width: usize) -> String {
    if len(s) <= width {
        return s.to_string();
    }
    let keep: String = s.chars().take(width.saturating_sub(1)).collect();
    // At a word when one ends in the last third of the room.
    let keep = match keep.rfind(' ') {
        Some(at) if len(&keep[..at]) * 3 >= width * 2 => keep[..at].trim_end().to_string(),
        _ => keep,
    };
    format!("{keep}…")
}

fn cut_middle(s: &str, width: usize) -> String {
    let n = len(s);
    if n <= width {
        return s.to_string();
    }
    let room = width.saturating_sub(1);
    let head = room.div_ceil(2);
    let tail = room - head;
    let start: String = s.chars().take(head).collect();
    let end: String = s.chars().skip(n - tail).collect();
    format!("{start}…{end}")
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

    fn table() -> Table {
        let mut t = Table::new(&[("DOC", 40, false), ("VALUE", 20, true), ("NOTE", 12, false)]);
        for (doc, value, note) in [
            (
                "kazakhstan-2022-04-projects",
                "15,000,000,000",
                "five industrial projects",
            ),
            ("kazakhstan-2022-04-industry", "369", "jobs at the zone"),
            ("astana", "1", "-"),
        ] {
            t.push(vec![doc.into(), value.into(), note.into()]);
        }
        t
    }

    fn written(t: &Table, width: Option<usize>) -> String {
        let mut out = Vec::new();
        t.write_within(&mut out, width).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tables_fit_the_width_without_hiding_what_tells_rows_apart() {
        let whole = written(&table(), None);
        assert!(whole.contains("five industrial projects"), "{whole}");
        assert!(!whole.contains('…'));
        let fitted = written(&table(), Some(50));
        for line in fitted.lines() {
            assert!(line.chars().count() <= 50, "{line:?} in\n{fitted}");
        }
        // The document ids differ only at their end: cut in the middle, both ends kept.
        assert!(fitted.contains("-projects"), "{fitted}");
        assert!(fitted.contains("-industry"), "{fitted}");
        // Numbers are never cut.
        assert!(fitted.contains("15,000,000,000"), "{fitted}");
        // Wide enough: nothing cut.
        assert_eq!(written(&table(), Some(200)), whole);
    }

    #[test]
    fn cells_are_cut_at_their_end_unless_that_merges_them() {
        assert_eq!(cut_column(&["abcdef", "xyz"], 4), ["abc…", "xyz"]);
        assert_eq!(cut_column(&["abcdef", "abcxyz"], 4), ["ab…f", "ab…z"]);
        assert_eq!(cut_end("metric output and more", 16), "metric output…");
        assert_eq!(cut_middle("abcdefgh", 5), "ab…gh");
    }

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
