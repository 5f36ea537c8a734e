//! Passes 4 and 5: the mentions of every pass merged into named entities, their later
//! mentions (a person's surname, an organisation's bare name), references resolved, and
//! the entities assembled in order of their first mention.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::doc::{Doc, T_HEAD_WORD, T_INITIAL, T_ROLE_FIRST};
use super::gazetteer::GazHit;
use super::lexicon::{Lexicon, RefTarget};
use super::patterns::{Cand, CandTarget};
use super::references::{resolve_ref, RefHit, VIEW};
use super::roles::{PersonHit, RoleOf, Roles};
use super::{Entity, EntityKind, Mention};

#[derive(Debug, Clone)]
pub(super) struct Named {
    pub(super) span: Range<usize>,
    pub(super) key: Key,
}

impl Named {
    /// Whether the mention shares a byte with `span`.
    fn overlaps(&self, span: &Range<usize>) -> bool {
        self.span.start < span.end && span.start < self.span.end
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Key {
    Place(usize),
    Dyn(String, EntityKind),
}

pub(super) struct DynInfo {
    pub(super) part_of: Option<String>,
    pub(super) company: bool,
}

pub(super) struct Merged {
    pub(super) named: Vec<Named>,
    pub(super) dyns: HashMap<(String, EntityKind), DynInfo>,
}

pub(super) fn merge(
    lex: &Lexicon,
    doc: &Doc,
    gaz: Vec<GazHit>,
    in_gaz: &[bool],
    orgs: Vec<Cand>,
    blocked: &[bool],
) -> Merged {
    let mut all: Vec<(Cand, bool)> = Vec::new();
    for hit in &gaz {
        let Some(&p) = hit.places.first() else {
            continue;
        };
        if suppressed_inside_name(lex, doc, hit, in_gaz, blocked) {
            continue;
        }
        all.push((
            Cand {
                span: hit.span.clone(),
                toks: hit.toks.clone(),
                target: CandTarget::Place(p),
            },
            true,
        ));
    }
    for c in orgs {
        all.push((c, false));
    }
    // Longer first; on the same span the gazetteer wins.
    all.sort_by_key(|(c, is_gaz)| {
        (
            std::cmp::Reverse(c.span.end - c.span.start),
            !is_gaz,
            c.span.start,
        )
    });
    // Which tokens a kept mention already covers.
    let mut taken = vec![false; doc.toks.len()];
    let mut named = Vec::new();
    let mut dyns = HashMap::default();
    for (c, _) in all {
        let toks = doc.toks_of(&c.span);
        if toks.clone().any(|t| taken.get(t).copied().unwrap_or(true)) {
            continue;
        }
        for t in toks {
            taken[t] = true;
        }
        let key = match c.target {
            CandTarget::Place(p) => Key::Place(p),
            CandTarget::Dyn {
                name,
                kind,
                part_of,
                company,
            } => {
                let info = dyns.entry((name.clone(), kind)).or_insert(DynInfo {
                    part_of: None,
                    company,
                });
                if info.part_of.is_none() {
                    info.part_of = part_of;
                }
                Key::Dyn(name, kind)
            }
        };
        named.push(Named { span: c.span, key });
    }
    named.sort_by_key(|n| n.span.start);
    Merged { named, dyns }
}

/// `Taza Kazakhstan`: a place name right after another capitalised word, inside a name
/// the layer does not know, is not the place.
pub(super) fn suppressed_inside_name(
    lex: &Lexicon,
    doc: &Doc,
    hit: &GazHit,
    in_gaz: &[bool],
    blocked: &[bool],
) -> bool {
    let Some(&p) = hit.places.first() else {
        return false;
    };
    if !lex.places[p].kind.is_place() || hit.toks.start == 0 {
        return false;
    }
    let prev = hit.toks.start - 1;
    // `рост ВВП Казахстана`: a Russian abbreviation that is no head of a name governs the
    // place after it, in the genitive.
    let abbreviation = {
        let w = doc.s(prev);
        !w.is_ascii()
            && (2..=5).contains(&w.chars().count())
            && w.chars().all(crate::tokens::is_uppercase)
            && !doc.has(prev, T_HEAD_WORD)
    };
    !abbreviation
        && doc.is_cap(prev)
        && doc.spaced(prev)
        && !doc.has_or(prev, T_INITIAL, true)
        && !doc.is_stop(prev)
        && !blocked.get(prev).copied().unwrap_or(true)
        && !in_gaz.get(prev).copied().unwrap_or(false)
        && !doc.has(prev, T_ROLE_FIRST)
}

/// `Kazakhtelecom` after `“Kazakhtelecom” JSC`, `Eurasian Energy` again: an organisation's
/// bare name, wherever it stands. A company named with its legal form (`Karaganda Heat
/// Networks LLP`) is named again without it (`Karaganda Heat Networks will use ...`): those
/// words are the company, not the place that starts them.
///
/// `title_end` ends the headline, whose words may be in any case.
pub(super) fn add_bare_org_mentions(
    lex: &Lexicon,
    doc: &Doc,
    title_end: usize,
    merged: &mut Merged,
) {
    let names: Vec<(String, EntityKind)> = merged
        .dyns
        .keys()
        .filter(|(_, kind)| *kind == EntityKind::Organisation)
        .cloned()
        .collect();
    for (name, kind) in names {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let mut extra = Vec::new();
        for i in 0..doc.toks.len() {
            // A headline written in sentence case (`Isfara glass works triples output`)
            // names the company too.
            let recased = words.len() >= 2
                && doc.toks[i].end <= title_end
                && doc.matches_text_ignoring_case(i, &words);
            if !doc.matches_text(i, &words) && !recased {
                continue;
            }
            let span = doc.span(i..i + words.len());
            // The place that starts the company's name is the company's.
            if recased {
                merged
                    .named
                    .retain(|n| !(span.start <= n.span.start && n.span.end <= span.end));
            }
            if merged
                .named
                .iter()
                .chain(extra.iter())
                .any(|n: &Named| n.overlaps(&span))
            {
                continue;
            }
            extra.push(Named {
                span,
                key: Key::Dyn(name.clone(), kind),
            });
        }
        merged.named.extend(extra);
        // The name without its legal form: two words at least, so that a place's name
        // alone (`Karaganda LLP` -> `Karaganda`) stays the place.
        let Some((&last, core)) = words.split_last() else {
            continue;
        };
        if core.len() < 2 || !lex.legal_forms.contains(&last) {
            continue;
        }
        for i in 0..doc.toks.len() {
            if !doc.matches_text(i, core) || doc.matches_text(i, &words) {
                continue;
            }
            // Not a longer name that starts the same way (`Karaganda Heat Networks Group`).
            if doc.is_cap(i + core.len()) && doc.spaced(i + core.len() - 1) {
                continue;
            }
            let span = doc.span(i..i + core.len());
            let overlapping = |n: &Named| n.overlaps(&span);
            // What the words held before (a place inside them) gives way, unless a mention
            // reaches outside them.
            if merged
                .named
                .iter()
                .any(|n| overlapping(n) && (n.span.start < span.start || span.end < n.span.end))
            {
                continue;
            }
            merged.named.retain(|n| !overlapping(n));
            merged.named.push(Named {
                span,
                key: Key::Dyn(name.clone(), kind),
            });
        }
    }
    merged.named.sort_by_key(|n| n.span.start);
}

/// `«Сарыарка» – 4 компании` after `СЭЗ «Сарыарка»`, `“Altyn Dala” hired` after `“Altyn
/// Dala” LLP`: the quoted part of a name, said again in its quotes alone, is the same
/// zone or company.
pub(super) fn add_quoted_mentions(doc: &Doc, merged: &mut Merged) {
    let text = doc.text;
    let quoted: Vec<(&str, Key)> = merged
        .named
        .iter()
        .filter_map(|n| {
            let mention = &text[n.span.clone()];
            let (a, close) = [('«', '»'), ('“', '”')]
                .into_iter()
                .find_map(|(open, close)| Some((mention.find(open)?, close)))?;
            let b = mention.rfind(close)? + close.len_utf8();
            // The quotes hold a part of the name, beside its head or legal form.
            (a < b && (a > 0 || b < mention.len())).then(|| (&mention[a..b], n.key.clone()))
        })
        .collect();
    let mut extra: Vec<Named> = Vec::new();
    for (part, key) in quoted {
        for (at, _) in text.match_indices(part) {
            let span = at..at + part.len();
            if merged.named.iter().chain(&extra).any(|n| n.overlaps(&span)) {
                continue;
            }
            extra.push(Named {
                span,
                key: key.clone(),
            });
        }
    }
    if !extra.is_empty() {
        merged.named.extend(extra);
        merged.named.sort_by_key(|n| n.span.start);
    }
}

// ---------------------------------------------------------------------------------------
// Pass 5: people's later mentions, references back, and the entities

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum EKey {
    Place(usize),
    Dyn(String, EntityKind),
    Person(usize),
}

pub(super) struct Event {
    pub(super) span: Range<usize>,
    pub(super) what: EventKind,
}

pub(super) enum EventKind {
    Name(EKey),
    /// A name in a list: a mention, but not an antecedent.
    Listed(EKey),
    Ref(usize),
    RoleRef(usize),
}

pub(super) fn assemble(
    lex: &Lexicon,
    doc: &Doc,
    merged: Merged,
    roles: Roles,
    refs: Vec<RefHit>,
) -> Vec<Entity> {
    let text = doc.text;
    let Merged {
        mut named,
        mut dyns,
    } = merged;

    // Organisations named by a role (`Minister of X`) join unless already named.
    for c in &roles.orgs {
        if named
            .iter()
            .any(|n| n.span.start < c.span.end && c.span.start < n.span.end)
        {
            continue;
        }
        if let CandTarget::Dyn {
            name,
            kind,
            part_of,
            company,
        } = &c.target
        {
            dyns.entry((name.clone(), *kind)).or_insert(DynInfo {
                part_of: part_of.clone(),
                company: *company,
            });
            named.push(Named {
                span: c.span.clone(),
                key: Key::Dyn(name.clone(), *kind),
            });
        }
    }
    named.sort_by_key(|n| n.span.start);

    // People: one per surname.
    let mut persons: Vec<PersonHit> = Vec::new();
    let mut person_mentions: Vec<(Range<usize>, usize)> = Vec::new();
    for p in &roles.persons {
        let surname = p.name.split_whitespace().last().unwrap_or("").to_string();
        let idx = match persons
            .iter()
            .position(|q| q.name.split_whitespace().last() == Some(surname.as_str()))
        {
            Some(idx) => {
                if persons[idx].name.split_whitespace().count() < p.name.split_whitespace().count()
                {
                    persons[idx].name = p.name.clone();
                }
                if matches!(persons[idx].role_of, RoleOf::None) {
                    persons[idx].role_of = p.role_of.clone();
                }
                idx
            }
            None => {
                persons.push(p.clone());
                persons.len() - 1
            }
        };
        person_mentions.push((p.name_span.clone(), idx));
    }
    // Later mentions: the full name or the surname alone.
    let occupied = |span: &Range<usize>, named: &[Named], pm: &[(Range<usize>, usize)]| {
        named.iter().any(|n| n.overlaps(span))
            || pm
                .iter()
                .any(|(s, _)| s.start < span.end && span.start < s.end)
    };
    for (idx, person) in persons.iter().enumerate() {
        let full: Vec<&str> = person.name.split_whitespace().collect();
        let Some(&surname) = full.last() else {
            continue;
        };
        for words in [&full[..], &[surname]] {
            for i in 0..doc.toks.len() {
                if !doc.matches_text(i, words) {
                    continue;
                }
                // Not part of a longer name (`Tokayev` in `Kassym-Jomart Tokayev` is done).
                let span = doc.span(i..i + words.len());
                if occupied(&span, &named, &person_mentions) {
                    continue;
                }
                person_mentions.push((span, idx));
            }
        }
    }

    // Places named in a list (`from Kaskelen, Kapshagay, Talgar and ...`) are mentioned
    // but are not what a later `the city` refers to.
    let is_place = |n: &Named| matches!(n.key, Key::Place(p) if lex.places[p].kind.is_place());
    let mut listed = vec![false; named.len()];
    for k in 1..named.len() {
        let (a, b) = (&named[k - 1], &named[k]);
        let gap = text.get(a.span.end..b.span.start).unwrap_or("x").trim();
        let joined = matches!(gap, "," | "and" | "or" | ", and" | ", or" | "&" | "/");
        if joined && is_place(a) && is_place(b) {
            listed[k - 1] = true;
            listed[k] = true;
        }
    }

    // Events in text order.
    let mut events: Vec<Event> = Vec::new();
    for (n, &in_list) in named.iter().zip(&listed) {
        let key = match &n.key {
            Key::Place(p) => EKey::Place(*p),
            Key::Dyn(name, kind) => EKey::Dyn(name.clone(), *kind),
        };
        events.push(Event {
            span: n.span.clone(),
            what: if in_list {
                EventKind::Listed(key)
            } else {
                EventKind::Name(key)
            },
        });
    }
    for (span, idx) in &person_mentions {
        events.push(Event {
            span: span.clone(),
            what: EventKind::Name(EKey::Person(*idx)),
        });
    }
    // So far the events are names, which do not overlap each other: only the last one
    // starting before a reference's end can overlap it.
    let mut name_spans: Vec<Range<usize>> = events.iter().map(|e| e.span.clone()).collect();
    name_spans.sort_by_key(|s| s.start);
    for (k, r) in refs.iter().enumerate().filter(|(_, r)| !r.appositive) {
        let before = name_spans.partition_point(|s| s.start < r.span.end);
        let overlaps = before > 0 && name_spans[before - 1].end > r.span.start;
        if !overlaps {
            events.push(Event {
                span: r.span.clone(),
                what: EventKind::Ref(k),
            });
        }
    }
    for (k, r) in roles.refs.iter().enumerate() {
        events.push(Event {
            span: r.span.clone(),
            what: EventKind::RoleRef(k),
        });
    }
    events.sort_by_key(|e| e.span.start);

    let kind_of = |key: &EKey| -> EntityKind {
        match key {
            EKey::Place(p) => lex.places[*p].kind,
            EKey::Dyn(_, kind) => *kind,
            EKey::Person(_) => EntityKind::Person,
        }
    };
    // How often each entity is named, for the references that mean the document's own
    // (`RefTarget::Main`), and the order of first naming for ties.
    let mut named_count: HashMap<EKey, (usize, usize)> = HashMap::default();
    for (order, e) in events.iter().enumerate() {
        if let EventKind::Name(key) | EventKind::Listed(key) = &e.what {
            named_count.entry(key.clone()).or_insert((0, order)).0 += 1;
        }
    }
    let most_named = |kinds: &[EntityKind]| {
        named_count
            .iter()
            .filter(|(k, _)| kinds.contains(&kind_of(k)))
            .max_by_key(|(_, &(n, first))| (n, std::cmp::Reverse(first)))
    };
    // A document is about a district when it names one more often than any region or city,
    // or as often and first: `the district` there is that one, else the district named last
    // (a region's review names its districts in turn).
    let main_of = |kinds: &[EntityKind]| -> Option<EKey> {
        let (key, &(n, first)) = most_named(kinds)?;
        let about_it = kinds != [EntityKind::District]
            || most_named(&[EntityKind::Region, EntityKind::City])
                .is_none_or(|(_, &(m, other_first))| (n, other_first) >= (m, first));
        about_it.then(|| key.clone())
    };
    // Where each name just read ends: a reference to the document's own place may mean the
    // one the sentence before named instead.
    let mut named_ends: Vec<(EKey, usize)> = Vec::new();
    let mut history: Vec<EKey> = Vec::new();
    let mut ref_resolved: HashMap<usize, EKey> = HashMap::default();
    let mut mentions: Vec<(EKey, Range<usize>, bool)> = Vec::new();
    for e in &events {
        match &e.what {
            EventKind::Name(key) => {
                // `Samruk-Energy, the power holding of the Samruk-Kazyna fund, has placed
                // ...`: a name inside a clause that describes the one before says what that
                // one is; `the company` after it is still the one described.
                let described = named_ends
                    .last()
                    .filter(|(_, end)| describes(text, *end, e.span.start))
                    .map(|(k, _)| k.clone());
                named_ends.push((key.clone(), e.span.end));
                // `..., KazMunayGas said`: a body named as the one who speaks is not what
                // `the plant` or `the company` after it refers to.
                // `третье место после Алматы и Астаны`: a place named to compare with is not
                // what `города` after it refers to either.
                let speaker =
                    kind_of(key) == EntityKind::Organisation && speaks(text, e.span.clone());
                if !speaker && !crate::ru::subject::compared_with(text, e.span.start) {
                    history.push(key.clone());
                }
                history.extend(described);
                mentions.push((key.clone(), e.span.clone(), false));
            }
            EventKind::Listed(key) => {
                mentions.push((key.clone(), e.span.clone(), false));
            }
            EventKind::Ref(k) => {
                let view = &history[history.len().saturating_sub(VIEW)..];
                let resolved = match &refs[*k].target {
                    // `В Наманганской области создано ... Уровень бедности в регионе`: the
                    // region the sentence before named, else the document's.
                    RefTarget::Main(kinds) => named_ends
                        .iter()
                        .rev()
                        .find(|(k, _)| kinds.contains(&kind_of(k)))
                        .filter(|(_, end)| just_before(text, *end, e.span.start))
                        .map(|(k, _)| k.clone())
                        .or_else(|| main_of(kinds))
                        // None of that kind named: the one that holds the last place named
                        // (`Konayev grew. The region ...`).
                        .or_else(|| {
                            let kinds = RefTarget::Kinds(kinds.clone(), None);
                            resolve_ref(lex, &kinds, view, &dyns, &kind_of)
                        }),
                    target => resolve_ref(lex, target, view, &dyns, &kind_of),
                };
                if let Some(key) = resolved {
                    ref_resolved.insert(*k, key.clone());
                    history.push(key.clone());
                    mentions.push((key, e.span.clone(), true));
                }
            }
            EventKind::RoleRef(k) => {
                let role = &roles.refs[*k].role;
                let found = history[history.len().saturating_sub(VIEW)..]
                    .iter()
                    .rev()
                    .find(|key| matches!(key, EKey::Person(p) if persons[*p].role == *role))
                    .cloned();
                if let Some(key) = found {
                    history.push(key.clone());
                    mentions.push((key, e.span.clone(), true));
                }
            }
        }
    }

    // Entities in the order of their first mention.
    let mut order: Vec<EKey> = Vec::new();
    let mut by_key: HashMap<EKey, Vec<(Range<usize>, bool)>> = HashMap::default();
    for (key, span, reference) in mentions {
        if !by_key.contains_key(&key) {
            order.push(key.clone());
        }
        by_key.entry(key).or_default().push((span, reference));
    }
    let name_of = |key: &EKey| -> String {
        match key {
            EKey::Place(p) => lex.places[*p].name.to_string(),
            EKey::Dyn(name, _) => name.clone(),
            EKey::Person(idx) => persons[*idx].name.clone(),
        }
    };
    let named_ref = &named;
    let role_of_name = |role_of: &RoleOf| -> Option<String> {
        match role_of {
            RoleOf::None => None,
            RoleOf::Place(p) => Some(lex.places[*p].name.to_string()),
            RoleOf::Name(n) => Some(n.clone()),
            RoleOf::Ref(k) => ref_resolved.get(k).map(&name_of),
            RoleOf::At(at) => named_ref
                .iter()
                .find(|n| n.span.start <= *at && *at < n.span.end)
                .map(|n| match &n.key {
                    Key::Place(p) => lex.places[*p].name.to_string(),
                    Key::Dyn(name, _) => name.clone(),
                }),
        }
    };
    let mut res = Vec::new();
    for key in order {
        let mut spans = by_key.remove(&key).unwrap_or_default();
        spans.sort_by_key(|(s, _)| s.start);
        spans.dedup_by_key(|(s, _)| s.start);
        let mentions: Vec<Mention> = spans
            .into_iter()
            .filter_map(|(span, reference)| {
                text.get(span.clone()).map(|t| Mention {
                    span: [span.start, span.end],
                    text: t.to_string(),
                    reference,
                })
            })
            .collect();
        if mentions.is_empty() {
            continue;
        }
        let entity = match &key {
            EKey::Place(p) => {
                let place = &lex.places[*p];
                Entity {
                    name: place.name.to_string(),
                    kind: place.kind,
                    part_of: place.part_of.map(str::to_string),
                    role: None,
                    role_of: None,
                    mentions,
                }
            }
            EKey::Dyn(name, kind) => Entity {
                name: name.clone(),
                kind: *kind,
                part_of: dyns
                    .get(&(name.clone(), *kind))
                    .and_then(|d| d.part_of.clone()),
                role: None,
                role_of: None,
                mentions,
            },
            EKey::Person(idx) => {
                let person = &persons[*idx];
                Entity {
                    name: person.name.clone(),
                    kind: EntityKind::Person,
                    part_of: None,
                    role: Some(person.role.clone()),
                    role_of: role_of_name(&person.role_of),
                    mentions,
                }
            }
        };
        res.push(entity);
    }
    res
}

/// Whether the stretch of `text` from `end` to `start` lies in one paragraph and crosses at
/// most one end of a sentence (a stop, then a capital: `тыс. новых` is no end).
fn just_before(text: &str, end: usize, start: usize) -> bool {
    let Some(between) = text.get(end..start) else {
        return false;
    };
    if between.contains('\n') {
        return false;
    }
    let mut ends = 0;
    let mut chars = between.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '.' | '!' | '?') && chars.peek() == Some(&' ') {
            chars.next();
            if chars.peek().is_some_and(|c| c.is_uppercase() || *c == '«') {
                ends += 1;
            }
        }
    }
    ends <= 1
}

/// Whether the name at `span` is who speaks: a verb of saying right after it (`KMG said`,
/// `the ministry reports`) or `according to` right before it.
fn speaks(text: &str, span: Range<usize>) -> bool {
    let after = text[span.end..].trim_start();
    let word = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let before = text[text.floor_char_boundary(span.start.saturating_sub(16))..span.start]
        .trim_end()
        .to_lowercase();
    matches!(
        word,
        "said" | "says" | "reported" | "reports" | "told" | "announced" | "stated" | "noted"
    ) || before.ends_with("according to")
}

/// Whether the text between a name ending at `end` and another starting at `start` opens a
/// clause that describes the first (`X, the power holding of Y`, `X, its parent Y`).
fn describes(text: &str, end: usize, start: usize) -> bool {
    text.get(end..start)
        .and_then(|between| between.strip_prefix(", "))
        .is_some_and(|rest| {
            let rest = rest.to_ascii_lowercase();
            ["the ", "a ", "an ", "its "]
                .iter()
                .any(|d| rest.starts_with(d))
                && !rest.contains([',', '.', ';'])
                && rest.len() < 60
        })
}
