//! The period a figure holds for.

use super::sentence::Sentence;
use crate::period::Period;
use crate::quantities::Quantity;
use crate::times::{TimeExpr, TimeKind};
use crate::tokens::word_is;

/// A time's period, unless it is the date a statement was made (`on Dec. 9`), which says
/// when something was said, not when the figure holds.
pub(super) fn usable_period(t: &TimeExpr) -> Option<Period> {
    match (t.kind, t.period) {
        (TimeKind::Point, Some(Period::Day(_))) => None,
        (TimeKind::Name, _) => None,
        (_, p) => p,
    }
}

pub(super) fn shift_year(p: Period, by: i32) -> Period {
    match p {
        Period::Year(y) => Period::Year(y + by),
        Period::Half(y, h) => Period::Half(y + by, h),
        Period::Quarter(y, q) => Period::Quarter(y + by, q),
        Period::Month(y, m) => Period::Month(y + by, m),
        other => other,
    }
}

/// The period before: the previous year, half, quarter, month or day.
pub(super) fn previous(p: Period) -> Period {
    match p {
        Period::Year(y) => Period::Year(y - 1),
        Period::Half(y, 1) => Period::Half(y - 1, 2),
        Period::Half(y, h) => Period::Half(y, h - 1),
        Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
        Period::Quarter(y, q) => Period::Quarter(y, q - 1),
        Period::Month(y, 1) => Period::Month(y - 1, 12),
        Period::Month(y, m) => Period::Month(y, m - 1),
        Period::Day(d) => Period::Day(d.pred_opt().unwrap_or(d)),
        interval => interval,
    }
}

/// `decreased ... from 5.3 to 5.2 percent`: the figure after `from` is the earlier state.
pub(super) fn is_first_state(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> bool {
    fig_tok >= 1
        && q.direction.is_none()
        && word_is(text, s.toks, fig_tok - 1, &["from"])
        && s.toks[..fig_tok - 1].iter().rev().take(8).any(|t| {
            crate::lexicon::LEXICONS
                .directions_before
                .starting_at(text, std::slice::from_ref(t), 0)
                .is_some()
        })
}
