//! What a figure measures (`metric`) and how (`measure`).

use super::sentence::{Sentence, CUES};
use crate::fact::Measure;
use crate::quantities::{Quantity, QuantityKind};
use crate::tokens::{lower, word_is};

/// The metrics a cue word in its own clause may give a count or measure instead of its
/// unit's metric: people may be unemployed, tons may be waste or a capacity.
fn refinements(unit_metric: &str) -> &'static [&'static str] {
    match unit_metric {
        "employment" => &["employment", "unemployment", "other"],
        "output" | "capacity" | "area" | "infrastructure" => {
            &["capacity", "environment", "transport"]
        }
        "transport" => &["transport", "capacity"],
        "other" => &["capacity"],
        _ => &[],
    }
}

/// The metrics money can have; a cue for anything else beside it (`jobs`) says nothing of it.
const MONEY_METRICS: &[&str] = &["investment", "output", "economy", "prices", "other"];

pub(super) fn metric(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> &'static str {
    let cues = &*CUES;
    let by_unit = match q.kind {
        QuantityKind::Rank => return "rank",
        QuantityKind::Count | QuantityKind::Measure => {
            let m = q
                .unit
                .as_deref()
                .and_then(|u| cues.unit_metric.get(u).copied())
                .unwrap_or("other");
            // `12 kindergartens for 2,880 children`: the places of a facility.
            let for_facility = fig_tok >= 2
                && word_is(text, s.toks, fig_tok - 1, &["for"])
                && s.toks[..fig_tok - 1].iter().rev().take(4).any(|t| {
                    let w = lower(t.text(text));
                    crate::lexicon::LEXICONS
                        .counted_nouns
                        .starting_at(text, std::slice::from_ref(t), 0)
                        .is_some_and(|(_, lemma)| {
                            cues.unit_metric.get(lemma) == Some(&"infrastructure")
                        })
                        || cues.unit_metric.get(w.as_ref()) == Some(&"infrastructure")
                });
            if q.kind == QuantityKind::Count && for_facility {
                return "infrastructure";
            }
            // A quantity produced or handled per day or year is a capacity.
            if q.kind == QuantityKind::Measure
                && q.per.is_some()
                && matches!(m, "output" | "infrastructure")
            {
                Some("capacity")
            } else {
                Some(m)
            }
        }
        _ => None,
    };
    let clause = s.clause_of(q.span[0]);
    let fig_end_tok = s.tok_at(q.span[1]);
    // `88.5% of the region's output`: a share takes the metric of its whole, written after it.
    let whole_after =
        q.kind == QuantityKind::Percent && word_is(text, s.toks, fig_end_tok, &["of", "in"]);
    let mut best: Option<((bool, bool, usize), &'static str)> = None;
    for &(i, n, m, percent_only) in &s.metric_cues {
        if i >= fig_tok && i < fig_end_tok {
            continue;
        }
        {
            let allowed = match (by_unit, q.kind) {
                (Some(u), _) => refinements(u).contains(&m),
                (None, QuantityKind::Money) => MONEY_METRICS.contains(&m) && !percent_only,
                (None, QuantityKind::Percent) => true,
                (None, _) => !percent_only,
            };
            if allowed {
                let other_clause = s.clause_of(s.toks[i].start) != clause;
                let before = i < fig_tok;
                let dist = if before {
                    fig_tok - (i + n - 1)
                } else {
                    i - fig_end_tok + 1
                };
                // Ties go to the cue before the figure, or after it for a share of a whole.
                let key = (
                    other_clause,
                    whole_after && before,
                    dist * 2 + usize::from(before == whole_after),
                );
                if best.is_none_or(|(b, _)| key < b) {
                    best = Some((key, m));
                }
            }
        }
    }
    match (by_unit, best) {
        (Some(_), Some(((false, _, _), m))) => m,
        (Some(u), _) => u,
        (None, Some((_, m))) => m,
        (None, None) => match q.kind {
            QuantityKind::Money => "investment",
            _ => "other",
        },
    }
}

pub(super) fn measure(
    text: &str,
    s: &Sentence<'_>,
    q: &Quantity,
    fig_tok: usize,
    metric: &str,
) -> Measure {
    if q.direction.is_some() || q.kind == QuantityKind::Multiplier {
        return Measure::Change;
    }
    if q.fraction {
        return Measure::Share;
    }
    if q.kind != QuantityKind::Percent {
        return Measure::Level;
    }
    let before =
        |w: &str| (fig_tok.saturating_sub(4)..fig_tok).any(|i| word_is(text, s.toks, i, &[w]));
    if before("index") || q.value >= 100.0 {
        return Measure::Index;
    }
    if matches!(metric, "unemployment" | "prices" | "employment") || before("rate") {
        return Measure::Level;
    }
    Measure::Share
}
