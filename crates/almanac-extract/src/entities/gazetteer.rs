//! Pass 1: the names of the gazetteer, found with an automaton at word starts, where the
//! capitals of the alias are capital in the text; lists before a plural (`the Akmola and
//! Kostanay regions`), and aliases two entries claim, decided by the document.

use std::ops::Range;

use aho_corasick::automaton::Automaton;
use aho_corasick::Anchored;
use rustc_hash::FxHashMap as HashMap;

use super::doc::{Doc, T_HYPHEN, T_WORD};
use super::lexicon::{prefix_key, Lexicon, W_AND, W_DISTRICTS, W_OBLASTS, W_REGIONS};

#[derive(Debug, Clone)]
pub(super) struct GazHit {
    pub(super) span: Range<usize>,
    pub(super) toks: Range<usize>,
    /// The entries the alias names; more than one for an ambiguous alias.
    pub(super) places: Vec<usize>,
}

pub(super) fn find_gazetteer(lex: &Lexicon, doc: &Doc) -> Vec<GazHit> {
    let text = doc.text;
    let mut cands: Vec<(Range<usize>, usize)> = Vec::new();
    // A name starts on a word boundary: at a token after white space or a mark, or after the
    // hyphen inside a word (`Almaty` in `Nur-Almaty`). Searching anchored at those places
    // alone finds the same names as an overlapping search of all the text, for a fraction
    // of the steps.
    let mut starts: Vec<usize> = Vec::with_capacity(doc.toks.len());
    let mut prev_word_end = usize::MAX;
    for t in &doc.toks {
        if t.start != prev_word_end {
            starts.push(t.start);
        }
        if t.flags & T_HYPHEN != 0 {
            let word = text.as_bytes().get(t.start..t.end).unwrap_or(&[]);
            starts.extend(
                word.iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == b'-')
                    .map(|(k, _)| t.start + k + 1),
            );
        }
        prev_word_end = if t.flags & T_WORD != 0 {
            t.end
        } else {
            usize::MAX
        };
    }
    let bytes = text.as_bytes();
    for start in starts {
        let (a, b, c) = match bytes.get(start..) {
            Some([a, b, c, ..]) => (*a, *b, *c),
            Some([a, b]) => (*a, *b, 0),
            Some([a]) => (*a, 0, 0),
            _ => continue,
        };
        let has = |set: &[u64], key: usize| set[key / 64] & (1 << (key % 64)) != 0;
        if !has(&lex.prefixes, prefix_key(a, b, c))
            && !has(&lex.short_prefixes, prefix_key(a, b, 0))
        {
            continue;
        }
        let (Some(matcher), numbers) = lex.matcher_at(&text[start..]) else {
            continue;
        };
        // The automaton walked by hand from `start`, anchored: every state on the way
        // reports the names that end there, as an overlapping search would, without its
        // dynamic dispatch and per-search set-up.
        let Ok(mut sid) = matcher.start_state(Anchored::Yes) else {
            continue;
        };
        let mut at = start;
        loop {
            if matcher.is_match(sid) {
                for k in 0..matcher.match_len(sid) {
                    let pid = matcher.match_pattern(sid, k);
                    // A state also reports the names that end its path but start later;
                    // their own start finds them.
                    if at - start != matcher.pattern_len(pid) {
                        continue;
                    }
                    let span = start..at;
                    let pattern = numbers[pid.as_usize()];
                    if let Some(pattern) = gazetteer_match(lex, text, span.clone(), pattern) {
                        cands.push((span, pattern));
                    }
                }
            }
            let Some(&byte) = bytes.get(at) else {
                break;
            };
            sid = matcher.next_state(Anchored::Yes, sid, byte);
            at += 1;
            if matcher.is_dead(sid) {
                break;
            }
        }
    }
    // Leftmost-longest; an ambiguous alias keeps all its entries.
    cands.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut hits: Vec<GazHit> = Vec::new();
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut last_end = 0;
    let mut last_span: Option<Range<usize>> = None;
    for (span, pattern) in cands {
        let targets = &lex.pattern_targets[pattern].1;
        if last_span.as_ref() == Some(&span) {
            if let Some(hit) = hits.last_mut().filter(|h| h.span == span) {
                for t in targets {
                    if !hit.places.contains(t) {
                        hit.places.push(*t);
                    }
                }
            }
            continue;
        }
        if span.start < last_end {
            continue;
        }
        last_end = span.end;
        last_span = Some(span.clone());
        if targets.is_empty() {
            blocks.push(span);
            continue;
        }
        if is_dateline(text, &span) {
            continue;
        }
        hits.push(GazHit {
            toks: doc.toks_of(&span),
            span,
            places: targets.clone(),
        });
    }
    apply_plural_lists(lex, doc, &mut hits);
    apply_elided_heads(lex, doc, &mut hits);
    resolve_ambiguous(lex, &mut hits);
    hits
}

/// `the Akmola, Kostanay and North Kazakhstan regions`: each name in a list before a plural
/// `regions` / `oblasts` / `districts` is the region (district) of that name, not the city.
pub(super) fn apply_plural_lists(lex: &Lexicon, doc: &Doc, hits: &mut Vec<GazHit>) {
    for t in 1..doc.toks.len() {
        let suffix = match doc.id(t) {
            W_REGIONS | W_OBLASTS => "region",
            W_DISTRICTS => "district",
            _ => continue,
        };
        let mut items: Vec<Range<usize>> = Vec::new();
        let mut end = t;
        loop {
            let mut start = end;
            while start > 0
                && end - start < 3
                && doc.is_cap(start - 1)
                && (start == end || doc.spaced(start - 1))
            {
                start -= 1;
            }
            while start < end && doc.is_stop(start) {
                start += 1;
            }
            if start == end {
                break;
            }
            items.push(start..end);
            if start >= 2 && doc.id(start - 1) == W_AND {
                end = if doc.s(start - 2) == "," {
                    start - 2
                } else {
                    start - 1
                };
            } else if start >= 2 && doc.s(start - 1) == "," {
                end = start - 1;
            } else {
                break;
            }
        }
        if items.len() < 2 {
            continue;
        }
        for item in items {
            let name = format!("{} {suffix}", doc.words(item.clone()));
            let Some(idx) = lex.lookup_index(&name) else {
                continue;
            };
            let span = doc.span(item.clone());
            hits.retain(|h| h.span.end <= span.start || span.end <= h.span.start);
            hits.push(GazHit {
                span,
                toks: item,
                places: vec![idx],
            });
        }
    }
    hits.sort_by_key(|h| h.span.start);
}

/// The head nouns a Russian region or district adjective leaves out when the sentence names
/// it elsewhere, by the adjective's ending: the noun in the case the ending is in.
const ELIDED_HEADS: &[(&str, &str, &str)] = &[
    ("област", "ая", "область"),
    ("област", "ую", "область"),
    ("област", "ой", "области"),
    ("район", "ий", "район"),
    ("район", "ого", "района"),
    ("район", "ому", "району"),
    ("район", "им", "районом"),
    ("район", "ом", "районе"),
];

/// `в Мангистауской области – на 14,2%, в Атырауской – на 9,7%`, `в Джизакской (в 1,5 раза)
/// и Сырдарьинской областях`: a Russian list names the head noun once, and each capitalised
/// adjective of the sentence without it is the region (district) of that name. The sentence
/// must hold the noun, so that an adjective elsewhere (a company's name) stays a word.
pub(super) fn apply_elided_heads(lex: &Lexicon, doc: &Doc, hits: &mut Vec<GazHit>) {
    let sentence_has = |t: usize, stem: &str| {
        let ends = |i: usize| matches!(doc.s(i), "." | "!" | "?");
        let back = (t.saturating_sub(40)..t).rev().take_while(|&i| !ends(i));
        let ahead = (t + 1..doc.toks.len().min(t + 40)).take_while(|&i| !ends(i));
        back.chain(ahead)
            .any(|i| doc.s(i).to_lowercase().starts_with(stem))
    };
    let mut added = false;
    for t in 0..doc.toks.len() {
        let word = doc.s(t);
        if !doc.is_cap(t) || !word.starts_with(|c: char| ('А'..='Я').contains(&c)) {
            continue;
        }
        let span = doc.span(t..t + 1);
        if hits
            .iter()
            .any(|h| h.span.start < span.end && span.start < h.span.end)
            || t > 0 && matches!(doc.s(t - 1), "«" | "\"" | "“")
        {
            continue;
        }
        let Some(idx) = ELIDED_HEADS
            .iter()
            .filter(|(_, ending, _)| word.ends_with(ending))
            .filter(|(stem, _, _)| sentence_has(t, stem))
            .find_map(|(_, _, noun)| lex.lookup_index(&format!("{word} {noun}")))
        else {
            continue;
        };
        hits.push(GazHit {
            span,
            toks: t..t + 1,
            places: vec![idx],
        });
        added = true;
    }
    if added {
        hits.sort_by_key(|h| h.span.start);
    }
}

/// The pattern, when the automaton's match of it at `span` is a name: it ends on a word
/// boundary and the capitals of its alias are capital in the text.
#[inline]
fn gazetteer_match(lex: &Lexicon, text: &str, span: Range<usize>, pattern: usize) -> Option<usize> {
    let (alias, _) = lex.pattern_targets.get(pattern)?;
    let found = text.get(span.clone())?;
    let after_ok = text
        .get(span.end..)
        .and_then(|s| s.chars().next())
        .is_none_or(|c| !c.is_alphanumeric());
    (after_ok && case_fits(alias, found)).then_some(pattern)
}

/// Capital letters of the alias must be capital in the text; small ones may be either.
pub(super) fn case_fits(alias: &str, found: &str) -> bool {
    if alias.chars().count() != found.chars().count() {
        return false;
    }
    alias
        .chars()
        .zip(found.chars())
        .all(|(a, f)| !a.is_uppercase() || f.is_uppercase())
}

/// `NUR-SULTAN – ...`: the place a report was filed from, not a place it is about.
pub(super) fn is_dateline(text: &str, span: &Range<usize>) -> bool {
    let Some(found) = text.get(span.clone()) else {
        return false;
    };
    let mut letters = found.chars().filter(|c| c.is_alphabetic());
    if letters.clone().nth(1).is_none() || letters.any(char::is_lowercase) {
        return false;
    }
    let rest = text.get(span.end..).unwrap_or("");
    let rest = rest.trim_start_matches([' ', '\t', ',']);
    rest.starts_with('–') || rest.starts_with('—') || rest.starts_with("- ")
}

/// An alias two entries claim: the entry whose relatives (ancestors, entries under the same
/// parent, entries within it) the document names most, else the first in the data.
pub(super) fn resolve_ambiguous(lex: &Lexicon, hits: &mut [GazHit]) {
    let mut counts: HashMap<usize, usize> = HashMap::default();
    for hit in hits.iter() {
        if let [only] = hit.places[..] {
            *counts.entry(only).or_default() += 1;
        }
    }
    for hit in hits.iter_mut() {
        if hit.places.len() < 2 {
            continue;
        }
        // Only aliases listed as ambiguous are decided by context; any other double claim is
        // a slip in the data (the gazetteer test catches it) and goes to the first entry.
        let listed = lex.ambiguous_claims.contains(&hit.places);
        if !listed {
            hit.places.truncate(1);
            continue;
        }
        let mut best = hit.places[0];
        let mut best_score = 0;
        for &cand in &hit.places {
            let score = relatedness(lex, cand, &counts);
            if score > best_score {
                best = cand;
                best_score = score;
            }
        }
        hit.places = vec![best];
    }
}

pub(super) fn relatedness(lex: &Lexicon, cand: usize, counts: &HashMap<usize, usize>) -> usize {
    let place = &lex.places[cand];
    let chain = &lex.place_ancestors[cand];
    let mut score = 0;
    for (&other, &n) in counts {
        let other_place = &lex.places[other];
        // A country named counts for every entry inside it alike: it decides only between
        // entries of different countries (`the National Bank` in a Kyrgyz text).
        if other == cand {
            continue;
        }
        let related = chain.contains(&other_place.name)
            || (place.part_of.is_some() && other_place.part_of == place.part_of)
            || lex.place_ancestors[other].contains(&place.name);
        if related {
            score += n;
        }
    }
    score
}
