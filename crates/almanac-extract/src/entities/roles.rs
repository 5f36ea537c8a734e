//! Pass 2: people with roles (`akim of Almaty Yerzhan Kazykhan`, `Kazykhan, the governor of
//! the region`), and the name words they are made of.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::doc::{Doc, T_CONNECTOR, T_HEAD_WORD, T_ROLE_FIRST};
use super::gazetteer::GazHit;
use super::lexicon::{Head, Lexicon, W_AMP, W_CLOSE, W_COMMA, W_OF, W_OPEN, W_S, W_THE};
use super::patterns::{Cand, CandTarget};
use super::references::RefHit;
use super::EntityKind;

#[derive(Debug, Clone)]
pub(super) enum RoleOf {
    None,
    /// A gazetteer entry.
    Place(usize),
    /// Whatever mention covers this byte offset.
    At(usize),
    /// The entity a reference resolves to (index into the references).
    Ref(usize),
    /// A name not found as an entity.
    Name(String),
}

#[derive(Debug, Clone)]
pub(super) struct PersonHit {
    pub(super) name: String,
    pub(super) name_span: Range<usize>,
    pub(super) role: String,
    pub(super) role_of: RoleOf,
}

#[derive(Debug, Clone)]
pub(super) struct RoleRef {
    pub(super) span: Range<usize>,
    pub(super) role: String,
}

#[derive(Debug, Default)]
pub(super) struct Roles {
    pub(super) persons: Vec<PersonHit>,
    pub(super) refs: Vec<RoleRef>,
    /// Organisations named only by a role (`Minister of Trade and Integration`).
    pub(super) orgs: Vec<Cand>,
}

pub(super) fn find_roles(
    lex: &Lexicon,
    doc: &Doc,
    gaz: &[GazHit],
    in_gaz: &[bool],
    refs: &mut [RefHit],
    blocked: &mut [bool],
) -> Roles {
    let mut res = Roles::default();
    let gaz_at: HashMap<usize, usize> = gaz
        .iter()
        .enumerate()
        .map(|(k, h)| (h.toks.start, k))
        .collect();
    let gaz_end: HashMap<usize, usize> = gaz
        .iter()
        .enumerate()
        .map(|(k, h)| (h.toks.end, k))
        .collect();
    let ref_at: HashMap<usize, usize> = refs
        .iter()
        .enumerate()
        .map(|(k, r)| (r.toks.start, k))
        .collect();

    let mut i = 0;
    while i < doc.toks.len() {
        if in_gaz[i] || !doc.has(i, T_ROLE_FIRST) {
            i += 1;
            continue;
        }
        let Some((n, def)) = lex.roles.longest_at(doc, i) else {
            i += 1;
            continue;
        };
        let role = def.role.to_string();
        let role_toks = i..i + n;
        let mut k = i + n;
        // `Akim (Mayor)`: a role glossed in brackets.
        if doc.id(k) == W_OPEN {
            if let Some(close) =
                (k + 1..(k + 5).min(doc.toks.len())).find(|&j| doc.id(j) == W_CLOSE)
            {
                k = close + 1;
            }
        }
        let mut role_of = RoleOf::None;
        let mut org_cand: Option<Cand> = None;
        // `<place> akim`, `Almaty region’s governor`, `Kazakh President`.
        let before = if i >= 2 && doc.id(i - 1) == W_S && matches!(doc.s(i - 2), "’" | "'") {
            i.checked_sub(2)
        } else {
            Some(i)
        };
        if let Some(&g) = before.and_then(|b| gaz_end.get(&b)) {
            if let Some(&p) = gaz[g].places.first() {
                role_of = RoleOf::Place(p);
            }
        }
        let mut name_toks: Option<Range<usize>> = None;
        if doc.id(k) == W_OF {
            let mut e = k + 1;
            if let Some(&r) = ref_at.get(&e) {
                role_of = RoleOf::Ref(r);
                refs[r].appositive = false;
                k = refs[r].toks.end;
            } else {
                if doc.id(e) == W_THE {
                    e += 1;
                }
                let run = cap_run(doc, e, in_gaz, blocked);
                if run.end > run.start {
                    let split = split_org_and_name(lex, doc, run.clone(), &gaz_at, gaz);
                    let (org, name) = split;
                    if org.end > org.start {
                        if let Some(&g) = gaz_at.get(&org.start).filter(|&&g| gaz[g].toks == org) {
                            role_of = gaz[g]
                                .places
                                .first()
                                .map_or(RoleOf::None, |&p| RoleOf::Place(p));
                        } else {
                            let span = doc.span(org.clone());
                            role_of = RoleOf::At(span.start);
                            // `Minister of Energy`: one word after a minister's `of` is
                            // the ministry's field, even a word that heads company names.
                            let field = org.end - org.start == 1;
                            if role.contains("minister")
                                && (field || !has_head(lex, doc, org.clone()))
                            {
                                let x = doc.words(org.clone());
                                org_cand = Some(Cand {
                                    span,
                                    toks: org.clone(),
                                    target: CandTarget::Dyn {
                                        name: format!("Ministry of {x}"),
                                        kind: EntityKind::Organisation,
                                        part_of: None,
                                        company: false,
                                    },
                                });
                            } else if !has_head(lex, doc, org.clone()) {
                                role_of = RoleOf::Name(doc.words(org.clone()));
                            }
                        }
                    }
                    if name.end > name.start {
                        name_toks = Some(name);
                    }
                    k = run.end;
                }
            }
        }
        if name_toks.is_none() {
            let run = name_run(lex, doc, k, in_gaz, blocked);
            // One word after a role is a name only if it ends like a surname
            // (`President Tokayev`, not `Head Office`).
            let one_word_ok =
                run.end - run.start != 1 || doc.lower_ends_with(run.start, &lex.surname_endings);
            if run.end > run.start && one_word_ok {
                name_toks = Some(run);
            } else if doc.id(k) == W_COMMA && !matches!(role_of, RoleOf::None) {
                // `the head of the SEZ, Marat Akhmetov, said`.
                let run = name_run(lex, doc, k + 1, in_gaz, blocked);
                if run.end - run.start >= 2 {
                    name_toks = Some(run);
                }
            }
        }
        // `Marat Sultangaziyev, governor of Almaty region`.
        if name_toks.is_none() && i >= 3 && doc.id(i - 1) == W_COMMA {
            let end = i - 1;
            let mut start = end;
            while start > 0
                && end - start < 4
                && is_name_word(doc, start - 1, in_gaz, blocked)
                && (start == end || doc.spaced(start - 1))
            {
                start -= 1;
            }
            if end - start >= 2 {
                name_toks = Some(start..end);
            }
        }
        for t in role_toks.clone() {
            blocked[t] = true;
        }
        if let Some(name) = name_toks {
            for t in name.clone() {
                if let Some(b) = blocked.get_mut(t) {
                    *b = true;
                }
            }
            res.persons.push(PersonHit {
                name: doc.words(name.clone()),
                name_span: doc.span(name),
                role,
                role_of,
            });
        } else if def.refers {
            // `the governor informed`: a reference back to the person holding the role.
            let mut start = role_toks.start;
            if start > 0 && doc.id(start - 1) == W_THE {
                start -= 1;
            }
            let proper = start < role_toks.start || !matches!(role_of, RoleOf::None);
            if proper {
                res.refs.push(RoleRef {
                    span: doc.span(start..role_toks.end),
                    role,
                });
            }
        }
        if let Some(c) = org_cand {
            res.orgs.push(c);
        }
        i = role_toks.end.max(i + 1);
    }
    res
}

/// A word that may be part of a person's name.
pub(super) fn is_name_word(doc: &Doc, i: usize, in_gaz: &[bool], blocked: &[bool]) -> bool {
    doc.is_cap(i)
        && !doc.is_stop(i)
        && !in_gaz.get(i).copied().unwrap_or(true)
        && !blocked.get(i).copied().unwrap_or(true)
        && !doc.has(i, T_ROLE_FIRST | T_HEAD_WORD)
        && doc.s(i).chars().any(char::is_lowercase)
}

/// Up to four name words from token `k`.
pub(super) fn name_run(
    lex: &Lexicon,
    doc: &Doc,
    k: usize,
    in_gaz: &[bool],
    blocked: &[bool],
) -> Range<usize> {
    let mut end = k;
    while end < doc.toks.len()
        && end - k < 4
        && is_name_word(doc, end, in_gaz, blocked)
        && (end == k || doc.spaced(end - 1))
    {
        end += 1;
    }
    // A name is not the head of an organisation (`President Hotel`).
    if end < doc.toks.len()
        && doc.spaced(end.saturating_sub(1))
        && head_at(lex, doc, end, false).is_some()
    {
        return k..k;
    }
    k..end
}

/// Capitalised words (and gazetteer names, and connectors between them) from token `k`.
pub(super) fn cap_run(doc: &Doc, k: usize, in_gaz: &[bool], blocked: &[bool]) -> Range<usize> {
    let mut end = k;
    while end < doc.toks.len() && !blocked.get(end).copied().unwrap_or(true) {
        let glued = end == k || doc.spaced(end - 1);
        if !glued {
            break;
        }
        let name_word = doc.is_cap(end) || in_gaz[end];
        let connector = is_connector(doc, end)
            && end > k
            && (doc.is_cap(end + 1) || doc.id(end + 1) == W_THE && doc.is_cap(end + 2));
        if !(name_word || connector) {
            break;
        }
        end += 1;
    }
    k..end
}

/// A small word inside a name (`of`, `and`); `the` only after another (`Ministry of the
/// Interior`, not `Khujand the Talco`).
pub(super) fn is_connector(doc: &Doc, j: usize) -> bool {
    let id = doc.id(j);
    if !(doc.is_word(j) || id == W_AMP) || !doc.has(j, T_CONNECTOR) {
        return false;
    }
    id != W_THE
        || j.checked_sub(1)
            .is_some_and(|p| doc.id(p) != W_THE && doc.has(p, T_CONNECTOR))
}

/// `Almaty Industrial Zone Alisher Satybaldiyev`: the organisation and the person's name.
pub(super) fn split_org_and_name(
    lex: &Lexicon,
    doc: &Doc,
    run: Range<usize>,
    gaz_at: &HashMap<usize, usize>,
    gaz: &[GazHit],
) -> (Range<usize>, Range<usize>) {
    // The last suffix head ends the organisation.
    let mut head_end = None;
    for j in run.clone() {
        if let Some(h) = head_at(lex, doc, j, false).filter(|_| j > run.start) {
            head_end = Some(j + h.words.len());
        }
    }
    if let Some(e) = head_end.filter(|&e| e <= run.end) {
        return (run.start..e, e..run.end);
    }
    if let Some(&g) = gaz_at.get(&run.start) {
        let e = gaz[g].toks.end.min(run.end);
        if e < run.end && doc.id(e) != W_OF {
            return (run.start..e, e..run.end);
        }
    }
    let n = run.end - run.start;
    // The last two words are a name only if both are capitalised (`Trade and Integration`
    // holds none).
    if n >= 3 && doc.is_cap(run.end - 2) && doc.is_cap(run.end - 1) {
        let mut org_end = run.end - 2;
        while org_end > run.start && doc.has(org_end - 1, T_CONNECTOR) {
            org_end -= 1;
        }
        return (run.start..org_end, run.end - 2..run.end);
    }
    (run.clone(), run.end..run.end)
}

/// The heads standing at token `j`, longest first.
pub(super) fn heads_at<'l>(
    lex: &'l Lexicon,
    doc: &'l Doc,
    j: usize,
) -> impl Iterator<Item = &'l Head> + 'l {
    doc.heads(j)
        .iter()
        .filter_map(|&k| lex.heads.get(usize::from(k)))
}

/// The heads of `len` words ending right before token `end`.
pub(super) fn heads_before<'l>(
    lex: &'l Lexicon,
    doc: &'l Doc,
    end: usize,
) -> impl Iterator<Item = &'l Head> + 'l {
    (1..=lex.max_head_len)
        .rev()
        .filter(move |&len| end >= len)
        .flat_map(move |len| heads_at(lex, doc, end - len).filter(move |h| h.words.len() == len))
}

/// The longest head at token `j` that stands before its name (`prefix`) or after it.
pub(super) fn head_at<'l>(
    lex: &'l Lexicon,
    doc: &'l Doc,
    j: usize,
    prefix: bool,
) -> Option<&'l Head> {
    heads_at(lex, doc, j).find(|h| h.prefix == prefix)
}

pub(super) fn has_head(lex: &Lexicon, doc: &Doc, toks: Range<usize>) -> bool {
    toks.clone().any(|j| {
        [true, false]
            .iter()
            .any(|&p| head_at(lex, doc, j, p).is_some_and(|h| h.exact))
    })
}
