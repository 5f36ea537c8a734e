//! Headlines: a figure of the title restates one of the body, and takes its period and
//! status from it (FACTS.md, "Headlines"), so that the two facts agree; and its subject, when
//! the title shortens the body's name.

use super::subject::is_place;
use crate::fact::{Fact, Measure};
use std::ops::Range;

/// How far a headline's figure may round the body's (`over 140 apartment buildings` for
/// `148`, `over 180 enterprises` for `184`).
const ROUNDING: f64 = 0.1;

/// Gives every fact of the title the period and status of the body fact it restates: the
/// first one with the same unit and a value within `ROUNDING` of it, the closest first; and
/// its subject, when the title names the body's region by the name it shares with its
/// centre.
pub(super) fn agree_with_body(text: &str, facts: &mut [Fact], title: &Range<usize>) {
    let (head, body): (Vec<usize>, Vec<usize>) =
        (0..facts.len()).partition(|&i| title.contains(&facts[i].span[0]));
    for h in head {
        let t = &facts[h];
        // `industry grows 4.8%` restates `the index of physical volume made 104.8%`.
        let as_told = |b: usize| {
            let f = &facts[b];
            if t.measure == Some(Measure::Change)
                && f.measure == Some(Measure::Index)
                && t.unit.as_deref() == Some("%")
            {
                f.value - 100.0
            } else {
                f.value
            }
        };
        let restated = body
            .iter()
            .filter(|&&b| facts[b].unit == t.unit && facts[b].value.is_finite())
            .filter(|&&b| (as_told(b) - t.value).abs() <= ROUNDING * t.value.abs())
            // A growth restates a growth or an index before a level or a share that happens
            // to be close (`grows 4.2%` beside an unemployment rate of 4.2%).
            .min_by(|&&a, &&b| {
                let other_kind = |f: usize| {
                    t.measure == Some(Measure::Change)
                        && !matches!(facts[f].measure, Some(Measure::Change | Measure::Index))
                };
                let da = (as_told(a) - t.value).abs();
                let db = (as_told(b) - t.value).abs();
                other_kind(a).cmp(&other_kind(b)).then(da.total_cmp(&db))
            })
            .copied();
        if let Some(b) = restated {
            let (period, status) = (facts[b].period, facts[b].status);
            facts[h].period = period;
            facts[h].status = status;
            // `Kostanay farmers bring in 4.6 million tonnes` over `the region's harvest`: a
            // headline shortens the region to the name it shares with its centre.
            // A place the title puts something `in` is where it is (`opens in Aktobe`, `In
            // Aktobe, ...`). Only a title that writes the canonical name is read: a Russian
            // title (`В Костанае открылась ...`) inflects it.
            let shortened = match (&facts[h].subject, &facts[b].subject) {
                (Some(short), Some(full)) => {
                    let title_text = &text[title.clone()];
                    full.strip_prefix(short.as_str())
                        .is_some_and(|rest| rest.starts_with(' '))
                        && is_place(short)
                        && is_place(full)
                        && title_text.contains(short.as_str())
                        && !title_text.contains(&format!("in {short}"))
                        && !title_text.contains(&format!("In {short}"))
                }
                _ => false,
            };
            if shortened {
                facts[h].subject = facts[b].subject.clone();
            }
        }
    }
}
