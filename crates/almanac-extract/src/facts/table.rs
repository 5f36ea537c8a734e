//! Tables written as text: a line that ends with a colon and declares units (`Output by
//! region, billion tenge (index of physical volume, %):`), then short rows of bare numbers
//! (`- Atyrau region — 3,214.5 (104.1)`). A row's bare number takes the unit the header
//! declares for its column: the unit outside the header's brackets for a number outside a
//! row's brackets, the one inside for a number inside.

use crate::quantities::{self, Quantity, QuantityKind};
use crate::tokens;

/// A unit a header declares: what a bare number of its column becomes.
#[derive(Debug, Clone, PartialEq)]
struct Unit {
    kind: QuantityKind,
    unit: Option<String>,
    /// What one of the column's numbers is worth in the unit (`billion tenge`: 1e9).
    scale: f64,
    /// The header calls the column an index (`index of physical volume, %`, `ИФО, %`).
    index: bool,
}

/// The units a header declares for its rows: outside its brackets, inside them.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Columns {
    main: Option<Unit>,
    aside: Option<Unit>,
}

/// The rows of a table are short: a name and a number or two.
pub(super) const MAX_ROW: usize = 160;

/// The last comma-separated part of a header's text, trimmed.
fn last_part(s: &str) -> Option<&str> {
    s.rsplit(',')
        .next()
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// The units a paragraph declares when it is a table's header: it ends with a colon and the
/// last part of its text outside brackets, or of its text inside them, is a unit
/// (`billion tenge`, `%`, `thousand tonnes`, `млрд тенге`).
pub(super) fn declared_units(header: &str, russian: bool) -> Option<Columns> {
    let header = header.trim_end().strip_suffix(':')?;
    let (outside, inside) = match header.split_once('(') {
        Some((out, rest)) => (out, rest.split(')').next()),
        None => (header, None),
    };
    let index = |part: &str| {
        let lower = tokens::lower(part);
        lower.contains("index") || lower.contains("индекс") || lower.contains("ифо")
    };
    let column = |part: &str| {
        let mut unit = unit_of(last_part(part)?, russian)?;
        unit.index = unit.kind == QuantityKind::Percent && index(part);
        Some(unit)
    };
    let columns = Columns {
        main: column(outside),
        aside: inside.and_then(column),
    };
    (columns.main.is_some() || columns.aside.is_some()).then_some(columns)
}

/// `billion tenge` as a unit: one of it, read by the quantity layer, is a single figure
/// that spans the whole phrase.
fn unit_of(phrase: &str, russian: bool) -> Option<Unit> {
    // A unit is a word or three (`%`, `billion tenge`, `thousand square metres`).
    if phrase.split_whitespace().count() > 3 {
        return None;
    }
    let one = format!("1 {phrase}");
    let toks = tokens::words_of(&one);
    let found = if russian {
        crate::ru::quantities::find_in(&one, &toks)
    } else {
        quantities::find_in(&one, &toks)
    };
    match found.as_slice() {
        [q] if q.fact_worthy && q.span == [0, one.len()] => Some(Unit {
            kind: q.kind,
            unit: q.unit.clone(),
            scale: q.value,
            index: false,
        }),
        _ => None,
    }
}

/// Gives the bare numbers of a row (`figures`, one paragraph's) the units of their columns;
/// returns where those of a column of indices start.
pub(super) fn fill_row(text: &str, columns: &Columns, figures: &mut [Quantity]) -> Vec<usize> {
    let mut indices = Vec::new();
    for q in figures
        .iter_mut()
        .filter(|q| q.kind == QuantityKind::Bare && q.unit.is_none())
    {
        let bracketed = text[..q.span[0]].trim_end().ends_with('(')
            && text[q.span[1]..].trim_start().starts_with(')');
        let column = if bracketed {
            &columns.aside
        } else {
            &columns.main
        };
        if let Some(u) = column {
            q.kind = u.kind;
            q.unit = u.unit.clone();
            q.value = scaled(q.value, u.scale);
            q.high = q.high.map(|h| scaled(h, u.scale));
            q.fact_worthy = true;
            if u.index {
                indices.push(q.span[0]);
            }
        }
    }
    indices
}

/// `value` times `scale`, read as decimal text when the scale is a power of ten, so that
/// `512.3` billion is 512300000000, not 512299999999.99994.
fn scaled(value: f64, scale: f64) -> f64 {
    let exp = scale.log10().round();
    if scale > 0.0 && 10f64.powf(exp) == scale {
        format!("{value}e{exp}").parse().unwrap_or(value * scale)
    } else {
        value * scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_declares_the_units_of_its_columns() {
        // A header, whether it is Russian, and the unit and scale of each column.
        type Column = Option<(&'static str, f64)>;
        let cases: &[(&str, bool, Column, Column)] = &[
            (
                "Output by region, billion tenge (index, %):",
                false,
                Some(("KZT", 1e9)),
                Some(("%", 1.0)),
            ),
            (
                "Harvest by district, thousand tonnes:",
                false,
                Some(("t", 1e3)),
                None,
            ),
            (
                "Инвестиции по регионам, млрд тенге (рост, %):",
                true,
                Some(("KZT", 1e9)),
                Some(("%", 1.0)),
            ),
            // No colon, or no unit: no table.
            ("Output by region, billion tenge", false, None, None),
            ("The governor named the leaders:", false, None, None),
        ];
        for &(header, russian, main, aside) in cases {
            let got = declared_units(header, russian);
            let unit = |u: &Option<Unit>| {
                u.as_ref()
                    .map(|u| (u.unit.clone().unwrap_or_default(), u.scale))
            };
            let want = |w: Option<(&str, f64)>| w.map(|(u, s)| (u.to_string(), s));
            assert_eq!(
                got.as_ref().and_then(|c| unit(&c.main)),
                want(main),
                "{header}"
            );
            assert_eq!(
                got.as_ref().and_then(|c| unit(&c.aside)),
                want(aside),
                "{header}"
            );
        }
    }
}
