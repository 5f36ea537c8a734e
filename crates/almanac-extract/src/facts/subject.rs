//! The place or organisation a figure is about (`subject`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::ops::Range;

use super::nearest;
use super::sentence::Sentence;
use crate::entities::{self, Entity, EntityKind};
use crate::quantities::Quantity;
use crate::tokens::lower;

/// A named place or organisation at a position of the text.
#[derive(Debug, Clone)]
pub(super) struct Anchor {
    pub start: usize,
    pub len: usize,
    pub name: String,
}

/// The last anchor that starts inside one of `sentences` (in text order).
pub(super) fn last_anchor_in<'a>(
    anchors: &'a [Anchor],
    sentences: &[Range<usize>],
) -> Option<&'a Anchor> {
    sentences.iter().rev().find_map(|range| {
        let end = anchors.partition_point(|a| a.start < range.end);
        anchors[..end].last().filter(|a| a.start >= range.start)
    })
}

/// The places and organisations named in the text, with persons standing for the place or
/// body of their role. A dateline (`ASTANA –` opening a paragraph) is not an anchor.
pub(super) fn anchors(text: &str, entities: &[Entity], paragraphs: &[Range<usize>]) -> Vec<Anchor> {
    let mut res = Vec::new();
    for e in entities {
        let name = match e.kind {
            EntityKind::Person => match &e.role_of {
                Some(of) => of.clone(),
                None => continue,
            },
            _ => e.name.clone(),
        };
        let place = entities::lookup(&e.name);
        for m in &e.mentions {
            let dateline = paragraphs
                .binary_search_by_key(&m.span[0], |p| p.start)
                .is_ok()
                && text[m.span[1]..].trim_start().starts_with(['–', '—', '-']);
            // `a Chinese company`, `investors from Russia`, `according to the Statistics
            // Committee`: an origin, a partner or a source, not what the figure is about.
            let adjective =
                place.is_some_and(|p| p.adjectives.iter().any(|a| a.eq_ignore_ascii_case(&m.text)));
            // The longest origin or source cue is `according to the`: 24 bytes suffice.
            let mut from = m.span[0].saturating_sub(24);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let before = lower(text[from..m.span[0]].trim_end()).into_owned();
            let source_or_origin = ["from", "with", "according to", "by"].iter().any(|w| {
                let cue = before.strip_suffix(" the").unwrap_or(&before);
                before.strip_suffix(w).is_some_and(|b| b.ends_with(' '))
                    || cue.strip_suffix(w).is_some_and(|b| b.ends_with(' '))
            });
            if !dateline && !adjective && !source_or_origin {
                res.push(Anchor {
                    start: m.span[0],
                    len: m.span[1] - m.span[0],
                    name: name.clone(),
                });
            }
        }
    }
    res.sort_by_key(|a| a.start);
    res
}

/// Which place lies within which: the part_of relation of the entities found, beside the
/// gazetteer's, with every answer remembered, since the same few names of a document are
/// asked about for each of its figures.
pub(super) struct Containment {
    part_of: HashMap<String, String>,
    known: RefCell<HashMap<String, HashMap<String, bool>>>,
}

impl Containment {
    pub fn new(entities: &[Entity]) -> Self {
        Containment {
            part_of: entities
                .iter()
                .filter_map(|e| e.part_of.as_ref().map(|p| (e.name.clone(), p.clone())))
                .collect(),
            known: RefCell::default(),
        }
    }

    pub fn is_within(&self, name: &str, ancestor: &str) -> bool {
        if let Some(&answer) = self
            .known
            .borrow()
            .get(name)
            .and_then(|of_name| of_name.get(ancestor))
        {
            return answer;
        }
        let answer = self.find_within(name, ancestor);
        self.known
            .borrow_mut()
            .entry(name.to_string())
            .or_default()
            .insert(ancestor.to_string(), answer);
        answer
    }

    fn find_within(&self, name: &str, ancestor: &str) -> bool {
        if name == ancestor {
            return false;
        }
        let mut cur = name;
        for _ in 0..8 {
            match self.part_of.get(cur) {
                Some(p) if p == ancestor => return true,
                Some(p) => cur = p,
                None => break,
            }
        }
        entities::is_within(cur, ancestor) || entities::is_within(name, ancestor)
    }
}

/// Drops every candidate that contains another one: the narrowest places remain.
pub(super) fn narrowest<'a>(cands: &[&'a Anchor], within: &Containment) -> Vec<&'a Anchor> {
    cands
        .iter()
        .filter(|a| !cands.iter().any(|b| within.is_within(&b.name, &a.name)))
        .copied()
        .collect()
}

/// The document's topic: the narrowest place or organisation of the first paragraph that names one.
pub(super) fn topic(
    anchors: &[Anchor],
    paragraphs: &[Range<usize>],
    within: &Containment,
) -> Option<String> {
    for p in paragraphs {
        let first = anchors.partition_point(|a| a.start < p.start);
        let in_p: Vec<&Anchor> = anchors[first..]
            .iter()
            .take_while(|a| a.start < p.end)
            .collect();
        if let Some(a) = narrowest(&in_p, within).first() {
            return Some(a.name.clone());
        }
    }
    None
}

/// The starts of anchors that stand in a list (`A, B and C`) and lie in another anchor of
/// the same sentence.
pub(super) fn listed_in_container(
    text: &str,
    anchors: &[Anchor],
    within: &Containment,
) -> HashSet<usize> {
    let mut res = HashSet::default();
    let mut i = 0;
    while i < anchors.len() {
        let mut j = i;
        while j + 1 < anchors.len() {
            let end = anchors[j].start + anchors[j].len;
            let between = text.get(end..anchors[j + 1].start).unwrap_or("x");
            let words: Vec<&str> = between
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .collect();
            let joins = words.iter().all(|w| *w == "and" || *w == "or")
                && (between.contains(',') || !words.is_empty());
            if !joins {
                break;
            }
            j += 1;
        }
        if j > i {
            for m in &anchors[i..=j] {
                if anchors.iter().any(|c| within.is_within(&m.name, &c.name)) {
                    res.insert(m.start);
                }
            }
        }
        i = j + 1;
    }
    res
}

pub(super) fn subject(
    q: &Quantity,
    clause: usize,
    s: &Sentence<'_>,
    anchors: &[Anchor],
    listed: &HashSet<usize>,
    within: &Containment,
) -> Option<String> {
    let anchors: Vec<&Anchor> = anchors
        .iter()
        .filter(|a| !listed.contains(&a.start))
        .collect();
    let own: Vec<&Anchor> = anchors
        .iter()
        .filter(|a| s.clause_of(a.start) == clause)
        .copied()
        .collect();
    let pool = if own.is_empty() {
        anchors.to_vec()
    } else {
        own
    };
    let cands = narrowest(&pool, within);
    // `in the region ... in Karaganda, Temirtau and Zhezkazgan`: several places of one
    // named container speak of the container.
    let distinct: HashSet<&str> = cands.iter().map(|a| a.name.as_str()).collect();
    if distinct.len() >= 2 {
        if let Some(container) = pool
            .iter()
            .find(|c| distinct.iter().all(|n| within.is_within(n, &c.name)))
        {
            return Some(container.name.clone());
        }
    }
    nearest(cands.iter().copied(), q.span[0], |a| a.start).map(|a| a.name.clone())
}

/// With nothing named in the sentence: the last name before it, or the topic when the
/// topic lies inside that place (an article about a zone mentions its city in passing).
pub(super) fn carried_subject(
    last: Option<&str>,
    topic: Option<&str>,
    within: &Containment,
) -> Option<String> {
    match (last, topic) {
        (Some(l), Some(t)) if within.is_within(t, l) => Some(t.to_string()),
        (Some(l), _) => Some(l.to_string()),
        (None, t) => t.map(str::to_string),
    }
}
