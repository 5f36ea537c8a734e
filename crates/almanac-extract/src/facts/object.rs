//! Figures that describe one thing (`group`) and what is counted or funded (`object`).

use rustc_hash::FxHashSet as HashSet;

use crate::quantities::{Quantity, QuantityKind};
use crate::tokens::{lower, Tok, TokKind};

/// Figures of one sentence that describe the same thing: a run of figures of different
/// sorts (things counted, money, jobs, area) shares a group; a repeated sort starts a new
/// one. Single figures have no group.
pub(super) fn groups(figs: &[&Quantity]) -> Vec<Option<usize>> {
    fn sort_of(q: &Quantity) -> &'static str {
        match (q.kind, q.unit.as_deref()) {
            (QuantityKind::Money, _) => "money",
            (QuantityKind::Count, Some("job")) => "jobs",
            (QuantityKind::Count, _) => "things",
            (QuantityKind::Measure, _) => "measure",
            _ => "other",
        }
    }
    let mut ids = vec![None; figs.len()];
    let mut start = 0;
    let mut seen: HashSet<&str> = HashSet::default();
    let mut gid = 0;
    let close = |ids: &mut Vec<Option<usize>>, from: usize, to: usize, gid: &mut usize| {
        if to - from >= 2 {
            for id in &mut ids[from..to] {
                *id = Some(*gid);
            }
            *gid += 1;
        }
    };
    for (i, q) in figs.iter().enumerate() {
        let sort = sort_of(q);
        if sort == "other" || seen.contains(sort) {
            close(&mut ids, start, i, &mut gid);
            start = i;
            seen.clear();
        }
        if sort == "other" {
            start = i + 1;
            continue;
        }
        seen.insert(sort);
    }
    close(&mut ids, start, figs.len(), &mut gid);
    ids
}

/// What is counted or funded: a count's noun phrase, or for the other figures of a group
/// the things counted in it.
pub(super) fn object(
    text: &str,
    paragraph_toks: &[Tok],
    q: &Quantity,
    figs: &[&Quantity],
    groups: &[Option<usize>],
    qi: usize,
) -> Option<String> {
    let noun_phrase = |q: &Quantity| -> Option<String> {
        let first = paragraph_toks.partition_point(|t| t.start < q.span[0]);
        let end = paragraph_toks.partition_point(|t| t.end <= q.span[1]);
        let toks = &paragraph_toks[first..end.max(first)];
        let lex = &*crate::lexicon::LEXICONS;
        let first_word = (0..toks.len()).find(|&i| {
            toks[i].kind == TokKind::Word
                && !lex
                    .number_words
                    .contains_key(lower(toks[i].text(text)).as_ref())
                && lex.scales.starting_at(text, toks, i).is_none()
        })?;
        let start = toks[first_word].start;
        Some(text[start..q.span[1]].to_string())
    };
    if q.kind == QuantityKind::Count && q.unit.as_deref() != Some("job") {
        return Some(q.text.clone());
    }
    if let Some(g) = groups[qi] {
        if let Some(thing) = figs.iter().zip(groups).find(|(f, gg)| {
            **gg == Some(g) && f.kind == QuantityKind::Count && f.unit.as_deref() != Some("job")
        }) {
            return Some(thing.0.text.clone());
        }
    }
    if q.kind == QuantityKind::Count {
        return noun_phrase(q);
    }
    None
}
