//! References back (`the city`, `the region's`, `the zone`): found before the other passes,
//! which may take them into a name or a role, and resolved last, against the entities in
//! view.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::assembly::{DynInfo, EKey};
use super::doc::Doc;
use super::gazetteer::GazHit;
use super::lexicon::{Lexicon, RefTarget, W_COMMA, W_OF, W_THE, W_THIS};
use super::EntityKind;

#[derive(Debug, Clone)]
pub(super) struct RefHit {
    pub(super) span: Range<usize>,
    pub(super) toks: Range<usize>,
    pub(super) target: RefTarget,
    /// A name follows (`the city of Almaty`): not a reference unless a role takes it.
    pub(super) appositive: bool,
}

pub(super) fn find_refs(lex: &Lexicon, doc: &Doc, gaz: &[GazHit]) -> Vec<RefHit> {
    let mut res = Vec::new();
    let mut i = 0;
    while i < doc.toks.len() {
        let mut found = lex.refs.longest_at(doc, i).map(|(n, t)| (n, t.clone()));
        // `the entire region`, `the investment company`: one small word between.
        if found.is_none()
            && matches!(doc.id(i), W_THE | W_THIS)
            && doc.is_word(i + 1)
            && !doc.is_cap(i + 1)
            && doc.s(i + 1).chars().all(char::is_alphabetic)
            && doc.spaced(i)
            && doc.spaced(i + 1)
            && i + 2 < doc.toks.len()
        {
            let words = [doc.id(i), doc.id(i + 2)];
            let list = lex.refs.starting(doc.id(i));
            if let Some((_, t)) = list.iter().find(|(w, _)| w[..] == words[..]) {
                found = Some((3, t.clone()));
            }
        }
        let Some((n, target)) = found else {
            i += 1;
            continue;
        };
        // `промышленных зон области`, `в районах`: a Russian word of reference in the plural
        // speaks of many, not of the one in view; its stem matched all the same.
        if n == 1 && russian_plural(doc.s(i), i.checked_sub(1).map(|k| doc.s(k))) {
            i += 1;
            continue;
        }
        // `183 предприятия`: a Russian noun right after a number is what it counts (a year is
        // no count: `В 2023 компания ...`); `по данным предприятия`: one a figure is told by is
        // its source. Neither refers back.
        if n == 1
            && !doc.s(i).is_ascii()
            && i.checked_sub(1).is_some_and(|k| {
                let before = doc.s(k);
                let year =
                    before.len() == 4 && (before.starts_with("19") || before.starts_with("20"));
                before.bytes().all(|b| b.is_ascii_digit()) && !year
                    || crate::tokens::lower(before) == "данным"
            })
        {
            i += 1;
            continue;
        }
        let mut end = i + n;
        // `the city of Almaty`, `the capital, Astana`, `the industrial zone Adil Amralin`:
        // a name follows. Kept aside as appositive; a role may still use it (`head of the
        // industrial zone Adil Amralin`).
        // `gaz` is sorted by start.
        let gaz_starts_at = |t: usize| {
            let from = gaz.partition_point(|h| h.toks.start < t);
            gaz.get(from).is_some_and(|h| h.toks.start == t)
        };
        let appositive = match doc.id(end) {
            W_OF => doc.is_cap(end + 1) || (doc.id(end + 1) == W_THE && doc.is_cap(end + 2)),
            W_COMMA => gaz_starts_at(end + 1),
            _ => doc.is_cap(end) && doc.spaced(end - 1),
        };
        if let Some(s) = doc.possessive_after(end - 1) {
            end = s + 1;
        }
        res.push(RefHit {
            span: doc.span(i..end),
            toks: i..end,
            target,
            appositive,
        });
        i = end;
    }
    res
}

/// How many earlier mentions a reference back looks at: what is still "in view". It also
/// keeps resolution linear on very long texts.
pub(super) const VIEW: usize = 400;

pub(super) fn resolve_ref(
    lex: &Lexicon,
    target: &RefTarget,
    history: &[EKey],
    dyns: &HashMap<(String, EntityKind), DynInfo>,
    kind_of: &dyn Fn(&EKey) -> EntityKind,
) -> Option<EKey> {
    let place_index = |name: &str| lex.index_of_name.get(name).copied();
    let last_place = history.iter().rev().find_map(|k| match k {
        EKey::Place(p) if lex.places[*p].kind != EntityKind::Organisation => Some(*p),
        _ => None,
    });
    match target {
        RefTarget::Fixed(name) => place_index(name).map(EKey::Place),
        // The document's own, which only the whole document tells (`assemble` asks it).
        RefTarget::Main(_) => None,
        RefTarget::Capital => {
            let country = history
                .iter()
                .rev()
                .find_map(|k| match k {
                    EKey::Place(p) if lex.places[*p].kind == EntityKind::Country => {
                        Some(lex.places[*p].name)
                    }
                    _ => None,
                })
                .or_else(|| {
                    let p = last_place?;
                    let place = &lex.places[p];
                    std::iter::once(place.name)
                        .chain(lex.ancestors_of(place.name).iter().copied())
                        .find(|n| lex.lookup(n).is_some_and(|q| q.kind == EntityKind::Country))
                })
                .or_else(|| {
                    lex.places
                        .iter()
                        .find(|p| p.kind == EntityKind::Country)
                        .map(|p| p.name)
                })?;
            lex.places
                .iter()
                .position(|p| p.capital && p.part_of == Some(country))
                .map(EKey::Place)
        }
        // `the regional centre`: the centre of the region named last, else the last place
        // named when it is a regional centre itself.
        RefTarget::Centre => {
            let region = history.iter().rev().find_map(|k| match k {
                EKey::Place(p) if lex.places[*p].kind == EntityKind::Region => {
                    Some(lex.places[*p].name)
                }
                _ => None,
            });
            match region {
                Some(region) => lex
                    .places
                    .iter()
                    .position(|p| p.centre && p.part_of == Some(region))
                    .map(EKey::Place),
                None => last_place
                    .filter(|&p| lex.places[p].centre)
                    .map(EKey::Place),
            }
        }
        RefTarget::Kinds(kinds, filter) => {
            // `works here`: a Russian `фабрика`, `предприятие` without an article names the plant
            // the text is on, so a town or region named after the last company (`В Ханабаде
            // строят завод ... на предприятии`) is where an unnamed plant stands, not that
            // company's; a country is only where equipment or buyers come from.
            // A place named right after a company (`ТОО «Арман» в Шымкенте запустило ...`) is
            // where that company stands: it does not end the look-back.
            let here_only = filter.as_deref() == Some("works here");
            let mut passed_a_place = false;
            let direct = history
                .iter()
                .enumerate()
                .rev()
                .find(|&(i, k)| {
                    let kind = kind_of(k);
                    let after_a_company =
                        i > 0 && kind_of(&history[i - 1]) == EntityKind::Organisation;
                    if here_only
                        && kind.is_place()
                        && kind != EntityKind::Country
                        && !after_a_company
                    {
                        passed_a_place = true;
                    }
                    if passed_a_place || !kinds.contains(&kind) {
                        return false;
                    }
                    // `the airport`, `the park`: an entity whose name holds the word, a company
                    // or not, a zone or not.
                    if let Some(word) = filter.as_deref().and_then(|f| f.strip_prefix("named ")) {
                        let named =
                            |name: &str| name.split(' ').any(|w| w.eq_ignore_ascii_case(word));
                        return match k {
                            EKey::Place(p) => named(lex.places[*p].name),
                            EKey::Dyn(name, _) => named(name),
                            EKey::Person(_) => false,
                        };
                    }
                    // `the company` is a business, not a ministry or a news agency; `the plant`
                    // one that makes things, not a bank or a fund that lends to it.
                    if kind == EntityKind::Organisation {
                        let lends = |name: &str| {
                            matches!(filter.as_deref(), Some("works" | "works here"))
                                && name.split(' ').any(|w| matches!(w, "Bank" | "Fund"))
                        };
                        return match k {
                            EKey::Place(p) => lex.places[*p].company && !lends(lex.places[*p].name),
                            EKey::Dyn(name, kind) => {
                                !lends(name)
                                    && dyns.get(&(name.clone(), *kind)).is_some_and(|d| d.company)
                            }
                            EKey::Person(_) => false,
                        };
                    }
                    true
                })
                .map(|(_, k)| k);
            if let Some(k) = direct {
                return Some(k.clone());
            }
            // Nothing of that kind in view: the one containing the last place named
            // (`the city` after a district), or the one zone of the gazetteer in it.
            let p = last_place?;
            let place = &lex.places[p];
            if let Some(up) = lex
                .ancestors_of(place.name)
                .iter()
                .filter_map(|n| place_index(n))
                .find(|&q| kinds.contains(&lex.places[q].kind))
            {
                return Some(EKey::Place(up));
            }
            if kinds.contains(&EntityKind::Zone) {
                let filter = filter.as_deref().map(str::to_lowercase);
                let inside: Vec<usize> = lex
                    .places
                    .iter()
                    .enumerate()
                    .filter(|(_, z)| z.kind == EntityKind::Zone)
                    .filter(|(_, z)| lex.ancestors_of(z.name).contains(&place.name))
                    .filter(|(_, z)| match filter.as_deref() {
                        Some(f) => z.name.to_lowercase().contains(f),
                        None => true,
                    })
                    .map(|(q, _)| q)
                    .collect();
                if let [only] = inside[..] {
                    return Some(EKey::Place(only));
                }
            }
            None
        }
    }
}

/// Whether a Russian noun of reference is plural by its ending (`районов`, `зонах`,
/// `областей`, the bare stem `зон`) or by the adjective before it (`промышленных зон`).
fn russian_plural(word: &str, before: Option<&str>) -> bool {
    if word.is_ascii() {
        return false;
    }
    let w = crate::tokens::lower(word);
    let adjective_plural = before.is_some_and(|b| {
        let b = crate::tokens::lower(b);
        b.chars().count() > 4 && ["ых", "их", "ые", "ие"].iter().any(|e| b.ends_with(e))
    });
    adjective_plural
        || ["ов", "ам", "ами", "ах", "ей"]
            .iter()
            .any(|e| w.ends_with(e))
            && !w.ends_with("ией")
        || w == "зон"
}
