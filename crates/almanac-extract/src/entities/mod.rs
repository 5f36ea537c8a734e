//! Places, organisations and people with roles: a gazetteer as data, patterns for names it
//! does not hold, and references back (`the city`, `the zone`).
//!
//! The layer works in five passes over the words of a document (`doc`: its view of the
//! tokens; `lexicon`: the data, read once), one module each:
//!
//! 1. **Gazetteer** (`gazetteer`, `data/gazetteer.tsv`): every alias of every place and well-known
//!    organisation, found with one Aho-Corasick automaton, on word boundaries, where the
//!    capital letters of the alias are capital in the text (`Almaty Region` and `ALMATY`
//!    match `Almaty region`/`Almaty`; `almaty` does not). Leftmost-longest wins, so
//!    `Almaty region` is never `Almaty`. An alias two entries claim (`Alatau`: the city and
//!    the district) is decided by the document's other mentions.
//! 2. **People with roles** (`roles`, `data/roles.tsv`): `<role> [(<role>)] [of [the] <place or
//!    org>] <Name>`, `<place> <role> <Name>` and `<Name>, <role> of <place>`.
//! 3. **Organisations and zones by pattern** (`patterns`, `data/entity_heads.tsv`): a run of capitalised
//!    words with a head before or after it (`Ministry of X`, `X University`, `SEZ X`,
//!    `X LLP`, `X company`).
//! 4. **Later mentions** (`assembly`): the mentions of the passes merged, then a person's
//!    surname and an organisation's bare name found again.
//! 5. **References back** (`references`, `data/entity_words.tsv`): `the city`, `the
//!    region's`, `the zone`, `the capital`, `the governor`, found before the other passes
//!    (which may take them into a role) and resolved when `assembly` puts the entities
//!    together: to the last entity of the right kind in view, or failing that to the
//!    nearest place of that kind containing it.
//!
//! Decisions worth knowing:
//!
//! - Canonical names are the gazetteer's (`Almaty region`, `Alatau district`, `SEZ
//!   Ontustik`); pattern names keep the text's capitalisation without a leading `the`. Forms
//!   of one zone meet in one name (`Ontustik SEZ`, `special economic zone “Ontustik”` ->
//!   `SEZ Ontustik`), an akimat is `Akimat of <place>`, a legal form after the
//!   name stays, as the article names it (FACTS.md: `KazAvtoZhol JSC`; before it, `JSC
//!   KazTransOil` -> `KazTransOil`, as Russian `ТОО «…»` is kept whole), and `of the Republic of Kazakhstan`
//!   after a ministry becomes its `part_of`.
//! - A dateline (`NUR-SULTAN – ...`) is where a report was filed, not a mention.
//! - A place inside an unknown capitalised name (`Taza Kazakhstan`) is not a mention.
//! - Places named in a list (`from Kaskelen, Kapshagay and Talgar`) are mentions, but not
//!   what a later `the city` refers to; before a plural (`the Akmola, Kostanay and North
//!   Kazakhstan regions`) each is the region of that name.
//! - A reference with nothing of its kind in view falls back to the place of that kind
//!   containing the last place named (`Konayev ... the region` -> Almaty region), and `the
//!   industrial zone` with no zone in view to the one gazetteer zone of that sort inside it.
//!
//! Everything is pure: the data files are compiled in and parsed once.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::tokens::{tokenize, Token};

mod assembly;
mod doc;
mod gazetteer;
mod lexicon;
mod patterns;
mod references;
mod roles;
#[cfg(test)]
mod tests;

use assembly::{add_bare_org_mentions, add_quoted_mentions, assemble, merge};
use doc::Doc;
use gazetteer::find_gazetteer;
use lexicon::{lexicon, normalise_key};
pub(crate) use lexicon::{vocabulary_words, FIXED_WORDS};
use patterns::find_patterns;
use references::find_refs;
use roles::find_roles;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Country,
    Region,
    City,
    District,
    Town,
    Zone,
    Organisation,
    Person,
}

impl EntityKind {
    /// Parses the kind column of the gazetteer (`country`, `region`, ...).
    pub fn from_name(name: &str) -> Option<EntityKind> {
        Some(match name.trim() {
            "country" => EntityKind::Country,
            "region" => EntityKind::Region,
            "city" => EntityKind::City,
            "district" => EntityKind::District,
            "town" => EntityKind::Town,
            "zone" => EntityKind::Zone,
            "organisation" | "organization" => EntityKind::Organisation,
            "person" => EntityKind::Person,
            _ => return None,
        })
    }

    /// Whether the kind is a place on the map (not an organisation or a person).
    pub fn is_place(self) -> bool {
        matches!(
            self,
            EntityKind::Country
                | EntityKind::Region
                | EntityKind::City
                | EntityKind::District
                | EntityKind::Town
        )
    }
}

/// One place of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: [usize; 2],
    pub text: String,
    /// A reference back (`the city`) rather than a name.
    pub reference: bool,
}

/// An entity with its canonical name and mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// The canonical name of the place it lies in, from the gazetteer (a district in its city).
    pub part_of: Option<String>,
    /// For a person: the role (`akim`, `president`, `general director`).
    pub role: Option<String>,
    /// For a person: the canonical name of the place or organisation the role is of.
    pub role_of: Option<String>,
    pub mentions: Vec<Mention>,
}

/// One entry of the gazetteer (`data/gazetteer.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The canonical name, as `subject` is written.
    pub name: &'static str,
    pub kind: EntityKind,
    /// The canonical name of the entry it lies in.
    pub part_of: Option<&'static str>,
    /// Other spellings as written in the data (the canonical name not included).
    pub aliases: Vec<&'static str>,
    /// Adjectives naming the place (`Kazakh`).
    pub adjectives: Vec<&'static str>,
    /// The capital of the country it is part of.
    pub capital: bool,
    /// The administrative centre of the region it is part of.
    pub centre: bool,
    /// A market where others trade or list (a stock exchange): where a figure is made, never
    /// what it is about.
    pub venue: bool,
    /// For a former unit, the entries that now hold what it held (South Kazakhstan region:
    /// Turkistan region and Shymkent): their parts lie in it too.
    pub held: Vec<&'static str>,
    /// An organisation `the company` may refer back to (not a news agency or a state body).
    pub company: bool,
}

/// All entries of the gazetteer, in the order of the data file.
pub fn places() -> &'static [Place] {
    &lexicon().places
}

/// Whether an organisation's name carries a legal form (`Steppe Gold LLP`, `ТОО «Степь
/// Голд»`): a company, not a body that reports on others.
pub(crate) fn has_legal_form(name: &str) -> bool {
    // The Russian forms open the name, as `entity_heads_ru.tsv` writes them.
    const RUSSIAN: [&str; 6] = ["ТОО ", "АО ", "ООО ", "ОАО ", "ЗАО ", "ПАО "];
    let lex = lexicon::lexicon();
    RUSSIAN.iter().any(|f| name.starts_with(f))
        || name.split_whitespace().any(|w| {
            lex.legal_forms
                .contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
        })
}

/// The gazetteer entry with this canonical name or alias (case-insensitive). A canonical
/// name wins over an alias; an alias two entries claim gives the first.
pub fn lookup(name: &str) -> Option<&'static Place> {
    lexicon().lookup(name)
}

/// The `part_of` chain of a gazetteer name, nearest first, without the name itself:
/// `ancestors("Alatau district") == ["Almaty", "Kazakhstan"]`. Empty for unknown names.
pub fn ancestors(name: &str) -> Vec<&'static str> {
    lexicon().ancestors(name)
}

/// Whether `name` is `ancestor` or lies in it, by the gazetteer's `part_of` chain
/// (`is_within("Almaty Industrial Zone", "Almaty")`). Case-insensitive; aliases allowed.
pub fn is_within(name: &str, ancestor: &str) -> bool {
    match (lookup(name).map(|p| p.name), lookup(ancestor)) {
        (Some(own), Some(target)) => {
            own == target.name || {
                let up = ancestors(own);
                up.contains(&target.name) || target.held.iter().any(|h| own == *h || up.contains(h))
            }
        }
        _ => normalise_key(name) == normalise_key(ancestor),
    }
}

/// Finds the entities of a document, given its sentences.
///
/// Entities come in the order of their first mention; mentions in text order. Never panics.
pub fn find(text: &str, sentences: &[Range<usize>]) -> Vec<Entity> {
    find_in(text, &tokenize(text, 0..text.len()), sentences)
}

/// `find` over the token stream of the whole `text`.
pub(crate) fn find_in(text: &str, stream: &[Token], sentences: &[Range<usize>]) -> Vec<Entity> {
    let lex = lexicon();
    let doc = Doc::new(lex, text, stream, sentences);
    let gaz = find_gazetteer(lex, &doc);
    // Tokens inside a gazetteer name.
    let mut in_gaz = vec![false; doc.toks.len()];
    for h in &gaz {
        for t in h.toks.clone() {
            if let Some(slot) = in_gaz.get_mut(t) {
                *slot = true;
            }
        }
    }
    let mut refs = find_refs(lex, &doc, &gaz);
    let mut blocked = vec![false; doc.toks.len()];
    let roles = find_roles(lex, &doc, &gaz, &in_gaz, &mut refs, &mut blocked);
    let orgs = find_patterns(lex, &doc, &gaz, &in_gaz, &blocked);
    let mut mentions = merge(lex, &doc, gaz, &in_gaz, orgs, &blocked);
    // The headline: a first sentence short enough to be one, on a line of its own.
    let title_end = sentences
        .iter()
        .min_by_key(|s| s.start)
        .filter(|s| s.len() <= 160 && text[s.end..].starts_with(['\n', '\r']))
        .map_or(0, |s| s.end);
    add_bare_org_mentions(lex, &doc, title_end, &mut mentions);
    add_quoted_mentions(&doc, &mut mentions);
    assemble(lex, &doc, mentions, roles, refs)
}
