//! Places, organisations and people with roles: a gazetteer as data, patterns for names it
//! does not hold, and references back (`the city`, `the zone`).
//!
//! The layer works in five passes over the words of a document:
//!
//! 1. **Gazetteer** (`data/gazetteer.tsv`): every alias of every place and well-known
//!    organisation, found with one Aho-Corasick automaton, on word boundaries, where the
//!    capital letters of the alias are capital in the text (`Almaty Region` and `ALMATY`
//!    match `Almaty region`/`Almaty`; `almaty` does not). Leftmost-longest wins, so
//!    `Almaty region` is never `Almaty`. An alias two entries claim (`Alatau`: the city and
//!    the district) is decided by the document's other mentions.
//! 2. **People with roles** (`data/roles.tsv`): `<role> [(<role>)] [of [the] <place or
//!    org>] <Name>`, `<place> <role> <Name>` and `<Name>, <role> of <place>`.
//! 3. **Organisations and zones by pattern** (`data/entity_heads.tsv`): a run of capitalised
//!    words with a head before or after it (`Ministry of X`, `X University`, `SEZ X`,
//!    `X LLP`, `X company`).
//! 4. **Later mentions**: a person's surname, an organisation's bare name.
//! 5. **References back** (`data/entity_words.tsv`): `the city`, `the region's`, `the
//!    zone`, `the capital`, `the governor` resolve to the last entity of the right kind in
//!    view, or failing that to the nearest place of that kind containing it.
//!
//! Decisions worth knowing:
//!
//! - Canonical names are the gazetteer's (`Almaty region`, `Alatau district`, `SEZ
//!   Ontustik`); pattern names keep the text's capitalisation without a leading `the`. Forms
//!   of one zone meet in one name (`Ontustik SEZ`, `special economic zone “Ontustik”` ->
//!   `SEZ Ontustik`), an akimat is `Akimat of <place>`, a legal form is dropped
//!   (`“Caspian Cement” LLP` -> `Caspian Cement`), and `of the Republic of Kazakhstan`
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

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use crate::data::{self, DataError, Row};
use crate::swar::{load_word16, lower_packed, skip_ascii_alphanumerics, PackedWords};

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use serde::{Deserialize, Serialize};

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
    /// An organisation `the company` may refer back to (not a news agency or a state body).
    pub company: bool,
}

/// All entries of the gazetteer, in the order of the data file.
pub fn places() -> &'static [Place] {
    &lexicon().places
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
    let target = lookup(ancestor).map(|p| p.name);
    let own = lookup(name).map(|p| p.name);
    match (own, target) {
        (Some(own), Some(target)) => own == target || ancestors(own).contains(&target),
        _ => normalise_key(name) == normalise_key(ancestor),
    }
}

/// Finds the entities of a document, given its sentences.
///
/// Entities come in the order of their first mention; mentions in text order. Never panics.
pub fn find(text: &str, sentences: &[Range<usize>]) -> Vec<Entity> {
    let lex = lexicon();
    let doc = Doc::new(lex, text, sentences);
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
    add_bare_org_mentions(&doc, &mut mentions);
    assemble(lex, &doc, mentions, roles, refs)
}

// ---------------------------------------------------------------------------------------
// Data

/// What a reference phrase points at.
#[derive(Debug, Clone, PartialEq, Eq)]
enum RefTarget {
    /// The last entity of one of these kinds; with a head filter for the fallback to a
    /// gazetteer zone (`industrial zone`, `sez`).
    Kinds(Vec<EntityKind>, Option<String>),
    /// The capital of the country in view.
    Capital,
    /// One fixed gazetteer entry (`the southern capital`).
    Fixed(String),
}

#[derive(Debug, Clone)]
struct RoleDef {
    role: &'static str,
    refers: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Template {
    Run,
    RunCountry,
    X,
    Place,
    /// `SEZ {x}`, `{x} Industrial Zone`: a literal before and after {x}.
    Around(&'static str, &'static str),
}

#[derive(Debug, Clone)]
struct Head {
    words: Vec<String>,
    /// `words` in lower case, as word numbers.
    ids: Vec<WordId>,
    /// Capitalised heads match exactly, lower-case ones in any case.
    exact: bool,
    prefix: bool,
    kind: EntityKind,
    template: Template,
    company: bool,
}

impl Head {
    /// Whether the head stands at token `j`: a capitalised head exactly as written, a
    /// lower-case one in lower case (`industrial zone`, not `Industrial Zone`, which has its
    /// own capitalised entry).
    fn at(&self, doc: &Doc, j: usize) -> bool {
        if self.exact {
            doc.matches_exact(j, &self.ids, &self.words)
        } else {
            doc.matches_ids(j, &self.ids) && !doc.is_cap(j)
        }
    }
}

/// The number of a lower-case word in the vocabulary of this layer's tables. Every token
/// gets one when the document is read, so the tables are looked up by number and a word
/// in no table (`UNKNOWN`) is rejected without a string comparison.
type WordId = u32;

/// Any word the tables do not hold.
const UNKNOWN: WordId = 0;

/// Words the rules name directly; numbered first, so their numbers are the constants below.
const FIXED_WORDS: [&str; 12] = [
    "the",
    "this",
    "of",
    "and",
    "&",
    "s",
    ",",
    "(",
    ")",
    "regions",
    "oblasts",
    "districts",
];
const W_THE: WordId = 1;
const W_THIS: WordId = 2;
const W_OF: WordId = 3;
const W_AND: WordId = 4;
const W_AMP: WordId = 5;
const W_S: WordId = 6;
const W_COMMA: WordId = 7;
const W_OPEN: WordId = 8;
const W_CLOSE: WordId = 9;
const W_REGIONS: WordId = 10;
const W_OBLASTS: WordId = 11;
const W_DISTRICTS: WordId = 12;

// What a word number is in the tables (`Vocab::flags`); a token's flags begin with these.
const F_CONNECTOR: u8 = 1;
const F_ROLE_FIRST: u8 = 2;

/// A hash of an ASCII word eight bytes at a time, the same for any case of its letters: it
/// sets bit 5 of every byte, which lower-cases letters and leaves digits and `-` as they
/// are. (Words of other characters hash consistently too; equality is checked after.)
#[inline]
fn word_hash(word: &[u8]) -> u64 {
    let mut h = word.len() as u64;
    for chunk in word.chunks(8) {
        // The chunk as a little-endian integer, zero-padded: one load, not a loop over bytes.
        let mut buf = [0u8; 8];
        buf[..chunk.len()].copy_from_slice(chunk);
        let v = u64::from_le_bytes(buf) | 0x2020_2020_2020_2020;
        h = (h.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h
}

/// The first size of `Vocab::table`; it grows to stay at least eight times the number of
/// words, so that most words not in it meet an empty slot at once.
const TABLE_SLOTS: usize = 4096;

/// The lower-case words of the tables, numbered from 1.
struct Vocab {
    ids: FastMap<String, WordId>,
    words: Vec<String>,
    /// `F_*` flags by word number.
    flags: Vec<u8>,
    /// The stop words (as written) by the number of their lower-case form.
    stops: Vec<Vec<&'static str>>,
    /// The ASCII words by `word_hash`, with linear probing: (hash, number), number
    /// `UNKNOWN` for an empty slot. Looked up without lower-casing the token first; `id_at`
    /// asks it only for words of more than 16 bytes (shorter ones are in `packed`).
    table: Vec<(u64, WordId)>,
    /// The ASCII words of up to 16 bytes by their packed lower-case form
    /// (`swar::lower_packed`): a token is found by comparing one integer, not its bytes.
    packed: PackedWords,
    /// `table.len() - 1` (a power of two less one).
    mask: usize,
    /// The numbers of single ASCII characters (most punctuation tokens), by byte.
    ascii: [WordId; 128],
}

impl Vocab {
    fn new() -> Vocab {
        let mut v = Vocab {
            ids: FastMap::default(),
            words: vec![String::new()],
            flags: vec![0],
            stops: vec![Vec::new()],
            table: vec![(0, UNKNOWN); TABLE_SLOTS],
            packed: PackedWords::new(),
            mask: TABLE_SLOTS - 1,
            ascii: [UNKNOWN; 128],
        };
        for w in FIXED_WORDS {
            v.intern(w);
        }
        v
    }

    /// The number of a lower-case word, adding it if new.
    fn intern(&mut self, lower: &str) -> WordId {
        if lower.is_empty() {
            return UNKNOWN;
        }
        if let Some(&id) = self.ids.get(lower) {
            return id;
        }
        let id = WordId::try_from(self.words.len()).unwrap_or(UNKNOWN);
        self.ids.insert(lower.to_string(), id);
        self.words.push(lower.to_string());
        self.flags.push(0);
        self.stops.push(Vec::new());
        if let [b] = lower.as_bytes() {
            if let Some(slot) = self.ascii.get_mut(usize::from(*b)) {
                *slot = id;
            }
        }
        if self.words.len() * 8 > self.table.len() {
            let slots = self.table.len() * 2;
            self.table = vec![(0, UNKNOWN); slots];
            self.mask = slots - 1;
            for id in 1..self.words.len() {
                self.add_to_table(WordId::try_from(id).unwrap_or(UNKNOWN));
            }
        } else {
            self.add_to_table(id);
        }
        id
    }

    fn add_to_table(&mut self, id: WordId) {
        let Some(word) = self.words.get(id as usize).filter(|w| w.is_ascii()) else {
            return;
        };
        let h = word_hash(word.as_bytes());
        let mut k = (h >> 40) as usize & self.mask;
        while self.table[k].1 != UNKNOWN {
            k = (k + 1) & self.mask;
        }
        self.table[k] = (h, id);
        if let Some(key) = load_word16(word.as_bytes(), 0..word.len()).and_then(lower_packed) {
            self.packed.get_or_insert(key, id);
        }
    }

    /// The number of the ASCII word `text[span]` (any case); `id_of` when it is not one of
    /// up to 16 bytes.
    #[inline]
    fn id_at(&self, text: &str, span: Range<usize>, ascii: bool) -> WordId {
        if ascii && span.len() >= 2 {
            if let Some(key) = load_word16(text.as_bytes(), span.clone()).and_then(lower_packed) {
                return self.packed.get(key);
            }
        }
        self.id_of(text.get(span).unwrap_or(""), ascii)
    }

    fn add_stop(&mut self, stop: &'static str) {
        let id = self.intern(&stop.to_lowercase());
        if let Some(list) = self.stops.get_mut(id as usize) {
            list.push(stop);
        }
    }

    /// Whether the token is a stop word as written.
    fn is_stop(&self, id: WordId, word: &str) -> bool {
        self.stops
            .get(id as usize)
            .is_some_and(|list| list.contains(&word))
    }

    fn flag(&mut self, lower: &str, flag: u8) {
        let id = self.intern(lower);
        if let Some(f) = self.flags.get_mut(id as usize) {
            *f |= flag;
        }
    }

    /// The number of a word as written (any case); `UNKNOWN` if no table holds it.
    fn id_of(&self, word: &str, ascii: bool) -> WordId {
        let b = word.as_bytes();
        if !ascii {
            // Most such tokens are marks and lower-case letters: no copy for them.
            let is_lower = word.chars().all(|c| {
                let mut l = c.to_lowercase();
                l.next() == Some(c) && l.next().is_none()
            });
            let found = if is_lower {
                self.ids.get(word)
            } else {
                self.ids.get(&word.to_lowercase())
            };
            return found.copied().unwrap_or(UNKNOWN);
        }
        if let [c] = b {
            return self.ascii[usize::from(c.to_ascii_lowercase() & 0x7f)];
        }
        let h = word_hash(b);
        let mut k = (h >> 40) as usize & self.mask;
        loop {
            let (slot_hash, id) = self.table[k];
            if id == UNKNOWN {
                return UNKNOWN;
            }
            // Table words are in lower case: equal ignoring ASCII case is equal in lower case.
            if slot_hash == h
                && self
                    .words
                    .get(id as usize)
                    .is_some_and(|w| w.as_bytes().eq_ignore_ascii_case(b))
            {
                return id;
            }
            k = (k + 1) & self.mask;
        }
    }

    fn flags(&self, id: WordId) -> u8 {
        self.flags.get(id as usize).copied().unwrap_or(0)
    }
}

/// A set of word sequences matched case-insensitively, longest first.
struct PhraseSet<T> {
    /// By the number of the first word: the phrases as word numbers, longest first.
    by_first: Vec<Vec<(Vec<WordId>, T)>>,
}

impl<T> PhraseSet<T> {
    fn new() -> Self {
        PhraseSet {
            by_first: Vec::new(),
        }
    }

    fn insert(&mut self, vocab: &mut Vocab, phrase: &str, value: T) {
        let words: Vec<WordId> = tokenize(phrase)
            .iter()
            .filter_map(|t| phrase.get(t.start..t.end))
            .map(|w| vocab.intern(&w.to_lowercase()))
            .collect();
        let Some(&first) = words.first() else {
            return;
        };
        let first = first as usize;
        if self.by_first.len() <= first {
            self.by_first.resize_with(first + 1, Vec::new);
        }
        let list = &mut self.by_first[first];
        list.push((words, value));
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// The phrases whose first word has this number, longest first.
    fn starting(&self, first: WordId) -> &[(Vec<WordId>, T)] {
        self.by_first.get(first as usize).map_or(&[], Vec::as_slice)
    }

    /// The longest phrase starting at token `i`, as (number of tokens, value).
    fn longest_at(&self, doc: &Doc, i: usize) -> Option<(usize, &T)> {
        let list = self.starting(doc.id(i));
        if list.is_empty() {
            return None;
        }
        // Most phrases fail on their second word: check it before the whole phrase.
        let next = doc.id(i + 1);
        list.iter()
            .find(|(words, _)| words.get(1).is_none_or(|&w| w == next) && doc.matches_ids(i, words))
            .map(|(words, value)| (words.len(), value))
    }
}

pub(crate) struct Lexicon {
    places: Vec<Place>,
    by_name: HashMap<String, usize>,
    by_alias: HashMap<String, Vec<usize>>,
    /// The first entry of each canonical name, as written.
    index_of_name: FastMap<&'static str, usize>,
    /// `ancestors` of each entry's canonical name.
    place_ancestors: Vec<Vec<&'static str>>,
    matcher: Option<AhoCorasick>,
    /// The first three bytes of the patterns, as bits `prefix_key`: most words begin no
    /// name, and these say so without the automaton. `short_prefixes` holds the patterns of
    /// fewer bytes, by their first two (every second byte for a one-byte pattern).
    prefixes: Vec<u64>,
    short_prefixes: Vec<u64>,
    /// For each automaton pattern: the alias and the entries it names (empty: a block).
    pattern_targets: Vec<(String, Vec<usize>)>,
    /// Read by the consistency test; `ambiguous_claims` is what the passes use.
    #[cfg_attr(not(test), allow(dead_code))]
    ambiguous: HashSet<String>,
    /// The entry lists of the patterns whose alias is listed as ambiguous.
    ambiguous_claims: FastSet<Vec<usize>>,
    /// Read by the consistency test; tokens carry `T_STOP` from `Vocab::stops`.
    #[cfg_attr(not(test), allow(dead_code))]
    stops: FastSet<&'static str>,
    refs: PhraseSet<RefTarget>,
    roles: PhraseSet<RoleDef>,
    heads: Vec<Head>,
    /// Heads by the number of their first word in lower case, longest first.
    heads_by_first: Vec<Vec<usize>>,
    max_head_len: usize,
    surname_endings: Vec<String>,
    vocab: Vocab,
}

// The word tables are looked up once or twice per token, where std's SipHash showed up in
// profiles; FxHash is enough since no untrusted key decides the table's shape.
type FastMap<K, V> = HashMap<K, V>;
type FastSet<K> = HashSet<K>;

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(build_lexicon);
    &LEXICON
}

impl Lexicon {
    /// See `lookup`.
    fn lookup(&self, name: &str) -> Option<&Place> {
        let key = normalise_key(name);
        if let Some(&idx) = self.by_name.get(&key) {
            return self.places.get(idx);
        }
        self.by_alias
            .get(&key)
            .and_then(|idxs| idxs.first())
            .and_then(|&idx| self.places.get(idx))
    }

    /// See `ancestors`.
    fn ancestors(&self, name: &str) -> Vec<&'static str> {
        let mut res: Vec<&'static str> = Vec::new();
        let mut current = self.lookup(name);
        while let Some(place) = current {
            let Some(parent) = place.part_of else { break };
            if res.contains(&parent) || parent == place.name {
                break;
            }
            res.push(parent);
            current = self.lookup(parent);
        }
        res
    }

    /// The index of the entry `lookup(name)` gives.
    fn lookup_index(&self, name: &str) -> Option<usize> {
        let place = self.lookup(name)?;
        self.index_of_name.get(place.name).copied()
    }

    /// The ancestors of a canonical name (`ancestors`, precomputed).
    fn ancestors_of(&self, name: &str) -> &[&'static str] {
        self.index_of_name
            .get(name)
            .and_then(|&p| self.place_ancestors.get(p))
            .map_or(&[], Vec::as_slice)
    }
}

/// The kind of entity in column `i` of a data row.
fn entity_kind(row: &Row, i: usize) -> Result<EntityKind, DataError> {
    let name = row.get(i);
    EntityKind::from_name(name).ok_or_else(|| row.error(format_args!("unknown kind {name:?}")))
}

fn list_column(cell: Option<&'static str>) -> Vec<&'static str> {
    match cell {
        None | Some("-") => Vec::new(),
        Some(c) => c
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .collect(),
    }
}

fn normalise_key(name: &str) -> String {
    // Most names are ASCII words with single spaces: nothing to join or replace.
    let b = name.as_bytes();
    let plain = b.iter().all(|&c| c.is_ascii_graphic() || c == b' ')
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.windows(2).any(|pair| pair == b"  ");
    if plain {
        return name.to_ascii_lowercase();
    }
    let mut key = name.split_whitespace().collect::<Vec<_>>().join(" ");
    key = key.replace(['’', '‘'], "'").replace(['–', '—'], "-");
    key.to_lowercase()
}

fn build_lexicon() -> Lexicon {
    let places = data::GAZETTEER.load(|row| {
        let kind = entity_kind(row, 1)?;
        let flags = list_column(row.opt(5));
        if let Some(flag) = flags
            .iter()
            .find(|f| !["capital", "media", "government"].contains(f))
        {
            return Err(row.error(format_args!("unknown flag {flag:?}")));
        }
        Ok(Place {
            name: row.get(0),
            kind,
            part_of: row.opt(2).filter(|p| *p != "-"),
            aliases: list_column(row.opt(3)),
            adjectives: list_column(row.opt(4)),
            capital: flags.contains(&"capital"),
            company: kind == EntityKind::Organisation
                && !flags.contains(&"media")
                && !flags.contains(&"government"),
        })
    });

    let mut by_name = HashMap::default();
    let mut by_alias: HashMap<String, Vec<usize>> = HashMap::default();
    let mut patterns: Vec<(String, Vec<usize>)> = Vec::new();
    let mut pattern_idx: HashMap<String, usize> = HashMap::default();
    let mut add_pattern = |alias: String, place: Option<usize>| {
        let slot = *pattern_idx.entry(alias.clone()).or_insert_with(|| {
            patterns.push((alias.clone(), Vec::new()));
            patterns.len() - 1
        });
        if let Some(place) = place {
            if !patterns[slot].1.contains(&place) {
                patterns[slot].1.push(place);
            }
        }
    };
    for (idx, place) in places.iter().enumerate() {
        by_name.entry(normalise_key(place.name)).or_insert(idx);
        let mut forms: Vec<&str> = vec![place.name];
        forms.extend(place.aliases.iter().copied());
        for form in forms {
            for variant in alias_variants(place, form) {
                let claims = by_alias.entry(normalise_key(&variant)).or_default();
                if !claims.contains(&idx) {
                    claims.push(idx);
                }
                add_pattern(variant, Some(idx));
            }
        }
        for adjective in &place.adjectives {
            add_pattern(adjective.to_string(), Some(idx));
        }
    }

    let mut vocab = Vocab::new();
    let mut stops = FastSet::default();
    let mut refs = PhraseSet::new();
    let mut ambiguous = HashSet::default();
    let mut surname_endings = Vec::new();
    #[derive(Clone, Copy)]
    enum Class {
        Stop,
        Connector,
        Block,
        Ambiguous,
        SurnameEnding,
        Ref,
    }
    let words = data::ENTITY_WORDS.load(|row| {
        let class = row.choice(
            0,
            &[
                ("stop", Class::Stop),
                ("connector", Class::Connector),
                ("block", Class::Block),
                ("ambiguous", Class::Ambiguous),
                ("surname_ending", Class::SurnameEnding),
                ("ref", Class::Ref),
            ],
            None,
        )?;
        let target = match class {
            Class::Ref => {
                let target = row.opt(2).unwrap_or("");
                let parsed = parse_ref_target(target)
                    .ok_or_else(|| row.error(format_args!("bad target {target:?}")))?;
                Some(parsed)
            }
            _ if row.opt(2).is_some() => return Err(row.error("a target is for `ref` only")),
            _ => None,
        };
        Ok((class, row.get(1), target))
    });
    for (class, phrase, target) in words {
        match class {
            Class::Stop => {
                stops.insert(phrase);
                vocab.add_stop(phrase);
            }
            Class::Connector => vocab.flag(&phrase.to_lowercase(), F_CONNECTOR),
            Class::Block => add_pattern(phrase.to_string(), None),
            Class::Ambiguous => {
                ambiguous.insert(normalise_key(phrase));
            }
            Class::SurnameEnding => surname_endings.push(phrase.to_lowercase()),
            Class::Ref => {
                if let Some(t) = target {
                    refs.insert(&mut vocab, phrase, t);
                }
            }
        }
    }

    let mut roles = PhraseSet::new();
    let rows = data::ROLES.load(|row| {
        let refers = row.choice(2, &[("yes", true), ("no", false)], Some(false))?;
        Ok((row.get(0), row.get(1), refers))
    });
    for (phrase, role, refers) in rows {
        if let Some(first) = phrase.split_whitespace().next() {
            vocab.flag(&first.to_lowercase(), F_ROLE_FIRST);
        }
        roles.insert(&mut vocab, phrase, RoleDef { role, refers });
    }

    let rows = data::ENTITY_HEADS.load(|row| {
        let prefix = row.choice(1, &[("prefix", true), ("suffix", false)], None)?;
        let kind = entity_kind(row, 2)?;
        let template = match row.get(3) {
            "{run}" => Template::Run,
            "{run-country}" => Template::RunCountry,
            "{x}" => Template::X,
            other if other.contains("{place}") => Template::Place,
            other => match other.split_once("{x}") {
                Some((before, after)) => Template::Around(before, after),
                None => return Err(row.error(format_args!("name {other:?} has no {{x}}"))),
            },
        };
        let company = row.choice(4, &[("yes", true), ("no", false)], Some(false))?;
        Ok((row.get(0), prefix, kind, template, company))
    });
    let mut heads = Vec::new();
    for (phrase, prefix, kind, template, company) in rows {
        let exact = phrase.chars().any(char::is_uppercase);
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(|w| {
                if exact {
                    w.to_string()
                } else {
                    w.to_lowercase()
                }
            })
            .collect();
        heads.push(Head {
            ids: words
                .iter()
                .map(|w| vocab.intern(&w.to_lowercase()))
                .collect(),
            words,
            exact,
            prefix,
            kind,
            template,
            company,
        });
    }
    // Longer heads first, so `Special Economic Zone` is tried before `Zone`-like shorter ones.
    heads.sort_by_key(|h| std::cmp::Reverse(h.words.len()));

    let mut heads_by_first: Vec<Vec<usize>> = Vec::new();
    for (idx, head) in heads.iter().enumerate() {
        if let Some(&first) = head.ids.first() {
            let first = first as usize;
            if heads_by_first.len() <= first {
                heads_by_first.resize_with(first + 1, Vec::new);
            }
            heads_by_first[first].push(idx);
        }
    }
    let max_head_len = heads.iter().map(|h| h.words.len()).max().unwrap_or(0);

    let pattern_strings: Vec<&str> = patterns.iter().map(|(p, _)| p.as_str()).collect();
    // A contiguous NFA, not a DFA: building the DFA took about 15 ms of every process's
    // start-up (the issue allows 20 ms for all of it) and searching with it was only ~5%
    // faster over a whole extraction.
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .start_kind(StartKind::Anchored)
        .build(&pattern_strings)
        .ok();
    let mut prefixes = vec![0u64; 1 << 10];
    let mut short_prefixes = vec![0u64; 1 << 10];
    for p in &pattern_strings {
        let (keys, set) = match *p.as_bytes() {
            [] => continue,
            [a] => (
                (0..=255).map(|b| prefix_key(a, b, 0)).collect(),
                &mut short_prefixes,
            ),
            [a, b] => (vec![prefix_key(a, b, 0)], &mut short_prefixes),
            [a, b, c, ..] => (vec![prefix_key(a, b, c)], &mut prefixes),
        };
        for key in keys {
            set[key / 64] |= 1 << (key % 64);
        }
    }
    let ambiguous_claims = patterns
        .iter()
        .filter(|(alias, _)| ambiguous.contains(&normalise_key(alias)))
        .map(|(_, claims)| claims.clone())
        .collect();

    let mut index_of_name = FastMap::default();
    for (idx, place) in places.iter().enumerate() {
        index_of_name.entry(place.name).or_insert(idx);
    }
    let mut lex = Lexicon {
        places,
        by_name,
        by_alias,
        index_of_name,
        place_ancestors: Vec::new(),
        matcher,
        prefixes,
        short_prefixes,
        pattern_targets: patterns,
        ambiguous,
        ambiguous_claims,
        stops,
        refs,
        roles,
        heads_by_first,
        max_head_len,
        heads,
        surname_endings,
        vocab,
    };
    lex.place_ancestors = lex.places.iter().map(|p| lex.ancestors(p.name)).collect();
    lex
}

/// The bit of three bytes in `Lexicon::prefixes` (a hash) and of two (the third 0) in
/// `short_prefixes`: the same for any ASCII case of them, as the automaton ignores it.
#[inline]
fn prefix_key(a: u8, b: u8, c: u8) -> usize {
    let v = u32::from_le_bytes([
        a.to_ascii_lowercase(),
        b.to_ascii_lowercase(),
        c.to_ascii_lowercase(),
        0,
    ]);
    (v.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

fn parse_ref_target(target: &str) -> Option<RefTarget> {
    if target == "capital" {
        return Some(RefTarget::Capital);
    }
    if let Some(name) = target.strip_prefix('=') {
        return Some(RefTarget::Fixed(name.to_string()));
    }
    let (kinds, filter) = match target.split_once(':') {
        Some((k, f)) => (k, Some(f.to_string())),
        None => (target, None),
    };
    let kinds: Vec<EntityKind> = kinds.split('|').filter_map(EntityKind::from_name).collect();
    if kinds.is_empty() {
        None
    } else {
        Some(RefTarget::Kinds(kinds, filter))
    }
}

/// The spellings an alias is matched in: as written, `X oblast` for `X region`, the forms
/// of a special economic zone's name, and the dash variants.
fn alias_variants(place: &Place, alias: &str) -> Vec<String> {
    let mut forms = vec![alias.to_string()];
    if let Some(stem) = alias.strip_suffix(" region") {
        forms.push(format!("{stem} oblast"));
    }
    if place.kind == EntityKind::Zone && place.name.starts_with("SEZ ") {
        let x = alias.strip_prefix("SEZ ").unwrap_or(alias);
        if x.chars().count() > 3 || x.chars().all(|c| c.is_uppercase()) {
            for form in [
                format!("SEZ {x}"),
                format!("{x} SEZ"),
                format!("{x} special economic zone"),
                format!("special economic zone {x}"),
                format!("SEZ “{x}”"),
                format!("SEZ \"{x}\""),
                format!("“{x}” SEZ"),
                format!("\"{x}\" SEZ"),
                format!("special economic zone “{x}”"),
                format!("special economic zone \"{x}\""),
            ] {
                forms.push(form);
            }
        }
    }
    let mut res = Vec::new();
    for form in forms {
        if form.contains(" – ") {
            res.push(form.replace(" – ", " - "));
            res.push(form.replace(" – ", "-"));
            res.push(form.replace(" – ", " — "));
        }
        res.push(form);
    }
    res.sort();
    res.dedup();
    res
}

// ---------------------------------------------------------------------------------------
// Words

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    /// The number of the token's lower-case form (`Vocab`).
    id: WordId,
    /// `T_*` flags.
    flags: u16,
}

/// A token as the scanner finds it.
struct Scanned {
    start: usize,
    end: usize,
    word: bool,
    /// All its characters are ASCII.
    ascii: bool,
    /// A line break stands between it and the token before.
    newline: bool,
    /// A hyphen joins two of its parts.
    hyphen: bool,
    first: char,
}

/// Words (letters and digits, hyphens inside) and single punctuation marks.
fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    scan_tokens(text, |t| {
        toks.push(Tok {
            start: t.start,
            end: t.end,
            id: UNKNOWN,
            flags: if t.word { T_WORD } else { 0 },
        })
    });
    toks
}

/// The character at byte `pos` (a character boundary) and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(pos)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text.get(pos..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The tokens of `text` in order.
fn scan_tokens(text: &str, mut emit: impl FnMut(Scanned)) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut newline = false;
    while let Some((c, len)) = char_at(text, pos) {
        let start = pos;
        pos += len;
        if c == ' ' || c.is_whitespace() {
            newline |= c == '\n';
            continue;
        }
        let word = c.is_alphanumeric();
        let mut ascii = len == 1;
        let mut hyphen = false;
        // One call of `emit` for marks and words alike, so that it is inlined.
        if word {
            loop {
                // The ASCII letters and digits of the word without decoding.
                pos = skip_ascii_alphanumerics(bytes, pos);
                let Some((d, len)) = char_at(text, pos) else {
                    break;
                };
                if d.is_alphanumeric() {
                    pos += len;
                    ascii = false;
                } else if d == '-'
                    && char_at(text, pos + 1).is_some_and(|(e, _)| e.is_alphanumeric())
                {
                    // A hyphen joins two words (`Kassym-Jomart`, `Ust-Kamenogorsk`).
                    pos += 1;
                    hyphen = true;
                } else {
                    break;
                }
            }
        }
        emit(Scanned {
            start,
            end: pos,
            word,
            ascii,
            newline,
            hyphen,
            first: c,
        });
        newline = false;
    }
}

// What `Tok::flags` says of a token.
/// In lower case, a connector (`of`, `and`): `F_CONNECTOR`.
const T_CONNECTOR: u16 = F_CONNECTOR as u16;
/// In lower case, the first word of a role: `F_ROLE_FIRST`.
const T_ROLE_FIRST: u16 = F_ROLE_FIRST as u16;
const T_WORD: u16 = 1 << 2;
/// A word beginning with a capital letter.
const T_CAP: u16 = 1 << 3;
/// The first word of a sentence (or of a line, or after a dateline dash).
const T_INITIAL: u16 = 1 << 4;
/// Only white space (no line break) between the token and the next one.
const T_SPACED: u16 = 1 << 5;
/// A stop word (`data/entity_words.tsv`), as written.
const T_STOP: u16 = 1 << 6;
const T_QUOTE: u16 = 1 << 7;
const T_ASCII: u16 = 1 << 8;
/// A one-word capitalised head stands here (`LLP`, `University`): not part of a name.
const T_HEAD_WORD: u16 = 1 << 9;
/// A word with a hyphen inside (`Almaty-based`).
const T_HYPHEN: u16 = 1 << 10;

struct Doc<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// The heads standing at each token (`heads_at`): indices into `lex.heads` in
    /// `head_list[head_from[i]..head_from[i + 1]]`, longest first.
    head_from: Vec<u32>,
    head_list: Vec<u16>,
}

impl<'a> Doc<'a> {
    fn new(lex: &Lexicon, text: &'a str, sentences: &[Range<usize>]) -> Doc<'a> {
        let mut starts: Vec<usize> = sentences.iter().map(|r| r.start).collect();
        starts.sort_unstable();
        let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 1);
        let mut after_break = true;
        // The sentence starts not yet passed (tokens come in text order).
        let mut next_start = 0;
        scan_tokens(text, |t| {
            let word = text.get(t.start..t.end).unwrap_or("");
            let id = lex.vocab.id_at(text, t.start..t.end, t.ascii);
            let mut f = u16::from(lex.vocab.flags(id));
            if t.ascii {
                f |= T_ASCII;
            }
            if t.hyphen {
                f |= T_HYPHEN;
            }
            if lex.vocab.is_stop(id, word) {
                f |= T_STOP;
            }
            if let Some(prev) = toks.last_mut() {
                if !t.newline {
                    prev.flags |= T_SPACED;
                }
            }
            // A line break between the previous token and this one.
            if t.newline {
                after_break = true;
            }
            if t.word {
                while starts.get(next_start).is_some_and(|&s| s < t.start) {
                    next_start += 1;
                }
                f |= T_WORD;
                if t.first.is_uppercase() {
                    f |= T_CAP;
                }
                if after_break || starts.get(next_start) == Some(&t.start) {
                    f |= T_INITIAL;
                }
                after_break = false;
            } else {
                // A mark is one character: the token is the mark itself.
                if matches!(t.first, '“' | '”' | '"' | '«' | '»') {
                    f |= T_QUOTE;
                }
                if matches!(
                    t.first,
                    '.' | '!' | '?' | ':' | ';' | '“' | '"' | '«' | '(' | '–' | '—' | '‘'
                ) {
                    after_break = true;
                }
            }
            toks.push(Tok {
                start: t.start,
                end: t.end,
                id,
                flags: f,
            });
        });
        let mut doc = Doc {
            text,
            toks,
            head_from: Vec::new(),
            head_list: Vec::new(),
        };
        // The heads at each token, found once: the passes ask for them many times.
        let mut head_from = Vec::with_capacity(doc.toks.len() + 1);
        let mut head_list = Vec::new();
        for j in 0..doc.toks.len() {
            head_from.push(u32::try_from(head_list.len()).unwrap_or(u32::MAX));
            let Some(idxs) = lex.heads_by_first.get(doc.id(j) as usize) else {
                continue;
            };
            for &k in idxs {
                let Some(h) = lex.heads.get(k).filter(|h| h.at(&doc, j)) else {
                    continue;
                };
                if h.exact && h.words.len() == 1 {
                    doc.toks[j].flags |= T_HEAD_WORD;
                }
                head_list.push(u16::try_from(k).unwrap_or(u16::MAX));
            }
        }
        head_from.push(u32::try_from(head_list.len()).unwrap_or(u32::MAX));
        doc.head_from = head_from;
        doc.head_list = head_list;
        doc
    }

    /// The heads standing at token `i` (indices into `lex.heads`), longest first.
    fn heads(&self, i: usize) -> &[u16] {
        match (self.head_from.get(i), self.head_from.get(i + 1)) {
            (Some(&a), Some(&b)) => self.head_list.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The number of the token's lower-case form; `UNKNOWN` past the end.
    #[inline]
    fn id(&self, i: usize) -> WordId {
        self.toks.get(i).map_or(UNKNOWN, |t| t.id)
    }

    #[inline]
    fn has(&self, i: usize, flag: u16) -> bool {
        self.toks.get(i).is_some_and(|t| t.flags & flag != 0)
    }

    /// A flag, or `default` past the end.
    fn has_or(&self, i: usize, flag: u16, default: bool) -> bool {
        self.toks.get(i).map_or(default, |t| t.flags & flag != 0)
    }

    fn is_word(&self, i: usize) -> bool {
        self.has(i, T_WORD)
    }

    /// A word beginning with a capital letter.
    fn is_cap(&self, i: usize) -> bool {
        self.has(i, T_CAP)
    }

    fn is_stop(&self, i: usize) -> bool {
        self.has(i, T_STOP)
    }

    fn is_quote(&self, i: usize) -> bool {
        self.has(i, T_QUOTE)
    }

    /// Only white space (no line break) between tokens `i` and `i + 1`.
    fn spaced(&self, i: usize) -> bool {
        self.has(i, T_SPACED)
    }

    /// Whether the token in lower case ends with one of `endings` (lower case).
    fn lower_ends_with(&self, i: usize, endings: &[String]) -> bool {
        let word = self.s(i);
        if self.has(i, T_ASCII) {
            let b = word.as_bytes();
            endings.iter().any(|e| {
                b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
            })
        } else {
            let lower = word.to_lowercase();
            endings.iter().any(|e| lower.ends_with(e.as_str()))
        }
    }

    /// Whether the words (lower case, by number) start at token `i`, separated only by
    /// spaces.
    fn matches_ids(&self, i: usize, ids: &[WordId]) -> bool {
        ids.iter()
            .enumerate()
            .all(|(k, &w)| self.id(i + k) == w && (k == 0 || self.spaced(i + k - 1)))
    }

    /// Whether the exact words (with their numbers) start at token `i`.
    fn matches_exact(&self, i: usize, ids: &[WordId], words: &[String]) -> bool {
        ids.iter().zip(words).enumerate().all(|(k, (&id, w))| {
            self.id(i + k) == id && self.s(i + k) == w && (k == 0 || self.spaced(i + k - 1))
        })
    }

    /// Whether the exact words start at token `i` (words in no table).
    fn matches_text(&self, i: usize, words: &[&str]) -> bool {
        let bytes = self.text.as_bytes();
        words.iter().enumerate().all(|(k, w)| {
            self.toks
                .get(i + k)
                .and_then(|t| bytes.get(t.start..t.end))
                .is_some_and(|b| b == w.as_bytes())
                && (k == 0 || self.spaced(i + k - 1))
        })
    }

    /// A possessive `’s` / `'s` right after token `i`: the index of the `s`.
    fn possessive_after(&self, i: usize) -> Option<usize> {
        let apostrophe = self.toks.get(i + 1)?;
        let s = self.toks.get(i + 2)?;
        let prev = self.toks.get(i)?;
        let mark = self.text.get(apostrophe.start..apostrophe.end)?;
        if apostrophe.start == prev.end
            && (mark == "’" || mark == "'")
            && s.start == apostrophe.end
            && self.id(i + 2) == W_S
        {
            Some(i + 2)
        } else {
            None
        }
    }

    fn span(&self, toks: Range<usize>) -> Range<usize> {
        let start = self.toks.get(toks.start).map_or(0, |t| t.start);
        let end = toks
            .end
            .checked_sub(1)
            .and_then(|e| self.toks.get(e))
            .map_or(start, |t| t.end);
        start..end.max(start)
    }

    /// The tokens a byte range covers (partly or wholly).
    fn toks_of(&self, span: &Range<usize>) -> Range<usize> {
        let first = self.toks.partition_point(|t| t.end <= span.start);
        let last = self.toks.partition_point(|t| t.start < span.end);
        first..last.max(first)
    }

    /// The words of a token range as written, one space between them, quotes dropped.
    fn words(&self, toks: Range<usize>) -> String {
        let mut out = String::new();
        for i in toks {
            let s = self.s(i);
            if matches!(s, "“" | "”" | "\"" | "«" | "»" | "‘" | "’" | "'") {
                continue;
            }
            let glued = i > 0
                && self.toks.get(i - 1).map(|t| t.end) == self.toks.get(i).map(|t| t.start)
                && !out.is_empty();
            if !out.is_empty() && !glued {
                out.push(' ');
            }
            out.push_str(s);
        }
        out
    }
}

// ---------------------------------------------------------------------------------------
// Pass 1: the gazetteer

#[derive(Debug, Clone)]
struct GazHit {
    span: Range<usize>,
    toks: Range<usize>,
    /// The entries the alias names; more than one for an ambiguous alias.
    places: Vec<usize>,
}

fn find_gazetteer(lex: &Lexicon, doc: &Doc) -> Vec<GazHit> {
    let Some(matcher) = &lex.matcher else {
        return Vec::new();
    };
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
        // The overlapping iterator refuses anchored searches; stepping the state does not.
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        let mut state = aho_corasick::automaton::OverlappingState::start();
        loop {
            if matcher
                .try_find_overlapping(input.clone(), &mut state)
                .is_err()
            {
                break;
            }
            let Some(m) = state.get_match() else {
                break;
            };
            // A state also reports the names that end its path but start later; their own
            // start finds them.
            if m.start() != start {
                continue;
            }
            let span = m.start()..m.end();
            let Some((alias, _)) = lex.pattern_targets.get(m.pattern().as_usize()) else {
                continue;
            };
            let Some(found) = text.get(span.clone()) else {
                continue;
            };
            let after_ok = text
                .get(span.end..)
                .and_then(|s| s.chars().next())
                .is_none_or(|c| !c.is_alphanumeric());
            if !after_ok || !case_fits(alias, found) {
                continue;
            }
            cands.push((span, m.pattern().as_usize()));
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
    resolve_ambiguous(lex, &mut hits);
    hits
}

/// `the Akmola, Kostanay and North Kazakhstan regions`: each name in a list before a plural
/// `regions` / `oblasts` / `districts` is the region (district) of that name, not the city.
fn apply_plural_lists(lex: &Lexicon, doc: &Doc, hits: &mut Vec<GazHit>) {
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

/// Capital letters of the alias must be capital in the text; small ones may be either.
fn case_fits(alias: &str, found: &str) -> bool {
    if alias.chars().count() != found.chars().count() {
        return false;
    }
    alias
        .chars()
        .zip(found.chars())
        .all(|(a, f)| !a.is_uppercase() || f.is_uppercase())
}

/// `NUR-SULTAN – ...`: the place a report was filed from, not a place it is about.
fn is_dateline(text: &str, span: &Range<usize>) -> bool {
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
fn resolve_ambiguous(lex: &Lexicon, hits: &mut [GazHit]) {
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

fn relatedness(lex: &Lexicon, cand: usize, counts: &HashMap<usize, usize>) -> usize {
    let place = &lex.places[cand];
    let chain = &lex.place_ancestors[cand];
    let mut score = 0;
    for (&other, &n) in counts {
        let other_place = &lex.places[other];
        if other_place.kind == EntityKind::Country || other == cand {
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

// ---------------------------------------------------------------------------------------
// References back (found first; resolved last)

#[derive(Debug, Clone)]
struct RefHit {
    span: Range<usize>,
    toks: Range<usize>,
    target: RefTarget,
    /// A name follows (`the city of Almaty`): not a reference unless a role takes it.
    appositive: bool,
}

fn find_refs(lex: &Lexicon, doc: &Doc, gaz: &[GazHit]) -> Vec<RefHit> {
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

// ---------------------------------------------------------------------------------------
// Pass 2: people with roles

#[derive(Debug, Clone)]
enum RoleOf {
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
struct PersonHit {
    name: String,
    name_span: Range<usize>,
    role: String,
    role_of: RoleOf,
}

#[derive(Debug, Clone)]
struct RoleRef {
    span: Range<usize>,
    role: String,
}

#[derive(Debug, Default)]
struct Roles {
    persons: Vec<PersonHit>,
    refs: Vec<RoleRef>,
    /// Organisations named only by a role (`Minister of Trade and Integration`).
    orgs: Vec<Cand>,
}

fn find_roles(
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
                            if role.contains("minister") && !has_head(lex, doc, org.clone()) {
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
fn is_name_word(doc: &Doc, i: usize, in_gaz: &[bool], blocked: &[bool]) -> bool {
    doc.is_cap(i)
        && !doc.is_stop(i)
        && !in_gaz.get(i).copied().unwrap_or(true)
        && !blocked.get(i).copied().unwrap_or(true)
        && !doc.has(i, T_ROLE_FIRST | T_HEAD_WORD)
        && doc.s(i).chars().any(char::is_lowercase)
}

/// Up to four name words from token `k`.
fn name_run(lex: &Lexicon, doc: &Doc, k: usize, in_gaz: &[bool], blocked: &[bool]) -> Range<usize> {
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
fn cap_run(doc: &Doc, k: usize, in_gaz: &[bool], blocked: &[bool]) -> Range<usize> {
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
fn is_connector(doc: &Doc, j: usize) -> bool {
    let id = doc.id(j);
    if !(doc.is_word(j) || id == W_AMP) || !doc.has(j, T_CONNECTOR) {
        return false;
    }
    id != W_THE
        || j.checked_sub(1)
            .is_some_and(|p| doc.id(p) != W_THE && doc.has(p, T_CONNECTOR))
}

/// `Almaty Industrial Zone Alisher Satybaldiyev`: the organisation and the person's name.
fn split_org_and_name(
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
fn heads_at<'l>(lex: &'l Lexicon, doc: &'l Doc, j: usize) -> impl Iterator<Item = &'l Head> + 'l {
    doc.heads(j)
        .iter()
        .filter_map(|&k| lex.heads.get(usize::from(k)))
}

/// The heads of `len` words ending right before token `end`.
fn heads_before<'l>(
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
fn head_at<'l>(lex: &'l Lexicon, doc: &'l Doc, j: usize, prefix: bool) -> Option<&'l Head> {
    heads_at(lex, doc, j).find(|h| h.prefix == prefix)
}

fn has_head(lex: &Lexicon, doc: &Doc, toks: Range<usize>) -> bool {
    toks.clone().any(|j| {
        [true, false]
            .iter()
            .any(|&p| head_at(lex, doc, j, p).is_some_and(|h| h.exact))
    })
}

// ---------------------------------------------------------------------------------------
// Pass 3: organisations and zones by pattern

#[derive(Debug, Clone)]
enum CandTarget {
    Place(usize),
    Dyn {
        name: String,
        kind: EntityKind,
        part_of: Option<String>,
        company: bool,
    },
}

#[derive(Debug, Clone)]
struct Cand {
    span: Range<usize>,
    toks: Range<usize>,
    target: CandTarget,
}

fn find_patterns(
    lex: &Lexicon,
    doc: &Doc,
    gaz: &[GazHit],
    in_gaz: &[bool],
    blocked: &[bool],
) -> Vec<Cand> {
    let mut res = Vec::new();
    let mut i = 0;
    while i < doc.toks.len() {
        let run = name_chunk(lex, doc, i, in_gaz, blocked);
        if run.end <= run.start {
            i += 1;
            continue;
        }
        // `Halyk Bank and Kaspi Bank`: after a name is taken from the end of a run, what is
        // left before it may hold another.
        let mut rest = run.clone();
        while let Some(c) = org_in_run(lex, doc, rest.clone(), gaz, in_gaz) {
            let next_end = c.toks.start;
            res.push(c);
            let mut e = next_end;
            while e > rest.start && is_connector(doc, e - 1) {
                e -= 1;
            }
            if e <= rest.start || e >= rest.end {
                break;
            }
            rest = rest.start..e;
        }
        i = run.end;
    }
    res
}

/// A run of capitalised words, quoted names and connectors, with lower-case heads around
/// it (`industrial zone “Ontustik”`, `Eurasian Energy facility`).
fn name_chunk(
    lex: &Lexicon,
    doc: &Doc,
    i: usize,
    in_gaz: &[bool],
    blocked: &[bool],
) -> Range<usize> {
    let n = doc.toks.len();
    let usable = |j: usize| !blocked.get(j).copied().unwrap_or(true);
    let starts_name =
        |j: usize| usable(j) && (doc.is_cap(j) || in_gaz.get(j).copied().unwrap_or(false));
    let mut start = i;
    // A quoted name: `“Kazakhtelecom” JSC`.
    // A quoted name is short, starts with a capital that is not `The`, and holds only words.
    let quoted_at = |j: usize| -> Option<usize> {
        if !doc.is_quote(j) || !doc.is_cap(j + 1) || doc.is_stop(j + 1) {
            return None;
        }
        let close = (j + 2..(j + 7).min(n)).find(|&q| doc.is_quote(q))?;
        (j + 1..close)
            .all(|t| doc.is_word(t) || matches!(doc.s(t), "&" | "-" | "."))
            .then_some(close)
    };
    if !starts_name(start) && quoted_at(start).is_none() {
        return i..i;
    }
    let mut end = start;
    while end < n && usable(end) {
        if end > start && !doc.spaced(end - 1) && !doc.is_quote(end - 1) {
            break;
        }
        if let Some(q) = quoted_at(end) {
            end = q + 1;
            continue;
        }
        if starts_name(end) {
            end += 1;
            continue;
        }
        if is_connector(doc, end)
            && end > start
            && (starts_name(end + 1) || (doc.id(end + 1) == W_THE && starts_name(end + 2)))
        {
            end += 1;
            continue;
        }
        break;
    }
    // Leading `The`, `In` and the like are not part of a name; nor is a sentence's first
    // word before `of` (`Residents of SEZ Ontustik`), unless it heads a name (`Ministry of`).
    loop {
        if start < end && (doc.is_stop(start) || doc.id(start) == W_THE) {
            start += 1;
        } else if start + 1 < end
            && doc.has(start, T_INITIAL)
            && doc.has(start + 1, T_CONNECTOR)
            && !head_at(lex, doc, start, true).is_some_and(|h| h.exact)
            && !in_gaz.get(start).copied().unwrap_or(false)
        {
            start += 2;
        } else {
            break;
        }
    }
    if start >= end {
        return i..(i + 1).max(end);
    }
    // Lower-case heads in front: `industrial zone “Ontustik”`, `special economic zone X`.
    let mut head_start = start;
    if start > 0 && doc.spaced(start - 1) {
        if let Some(h) = heads_before(lex, doc, start).find(|h| !h.exact && h.prefix) {
            head_start = start - h.words.len();
        }
    }
    // Lower-case heads behind: `X company`, `X special economic zone`.
    let mut head_end = end;
    if doc.spaced(end.saturating_sub(1)) {
        if let Some(h) = heads_at(lex, doc, end).find(|h| !h.exact && !h.prefix) {
            head_end = end + h.words.len();
        }
    }
    head_start.min(start)..head_end.max(end)
}

fn org_in_run(
    lex: &Lexicon,
    doc: &Doc,
    run: Range<usize>,
    gaz: &[GazHit],
    in_gaz: &[bool],
) -> Option<Cand> {
    // Trim leading stop words again (the chunk may start with a lower-case head).
    let mut a = run.start;
    let b = run.end;
    let lower_prefix = heads_at(lex, doc, a).find(|h| !h.exact && h.prefix);
    if let Some(h) = lower_prefix {
        let x = a + h.words.len()..b;
        // Only a quoted name or a name that is not merely a known place.
        let quoted = doc.is_quote(x.start);
        // `industrial zone Adil Amralin` names a person after the zone, not the zone.
        let person_like = !quoted
            && (2..=3).contains(&(x.end - x.start))
            && doc.lower_ends_with(x.end - 1, &lex.surname_endings);
        if x.end > x.start
            && (quoted || !covered_by_gaz(in_gaz, x.clone()))
            && !person_like
            && !doc.is_cap(a)
        {
            return make_cand(lex, doc, h, a..b, x, gaz);
        }
        a = x.start;
    }
    let lower_suffix = heads_before(lex, doc, b).find(|h| {
        // A head that is part of a known name (`Esil district`) is not a head here.
        !h.exact && !h.prefix && !in_gaz.get(b - h.words.len()).copied().unwrap_or(false)
    });
    let mut core_end = b;
    if let Some(h) = lower_suffix {
        let x_end = b - h.words.len();
        core_end = x_end;
        // Capitalised heads inside take precedence (`Kazakh Invest National Company`).
        if !has_head(lex, doc, a..x_end) {
            let x = a..x_end;
            // `Kazakh company`, `Pavlodar plant` are places, but `Pavlodar special economic
            // zone` and `Shymkent city akimat` are names.
            let only_places =
                matches!(h.template, Template::X) && covered_by_gaz(in_gaz, x.clone());
            // `Foreign companies invested`: one capitalised word at the start of a sentence
            // before a common noun is not a name.
            let common = matches!(h.template, Template::X)
                && x.end == x.start + 1
                && doc.has_or(x.start, T_INITIAL, true);
            if x.end > x.start && !only_places && !common && x.end - x.start <= 6 {
                // `Eurasian Energy facility`: the mention is the name itself, not the noun
                // after it; `Tarbagatay special economic zone` is all one name.
                let whole = if matches!(h.template, Template::X) {
                    x.clone()
                } else {
                    a..b
                };
                return make_cand(lex, doc, h, whole, x, gaz);
            }
            return None;
        }
    }
    let run = a..core_end;
    if run.end <= run.start {
        return None;
    }
    // The last suffix head with at least one word before it.
    let mut best: Option<(usize, &Head)> = None;
    for j in run.clone() {
        if let Some(h) = head_at(lex, doc, j, false).filter(|h| h.exact) {
            let after_connector = j.checked_sub(1).is_some_and(|p| doc.has(p, T_CONNECTOR));
            if !h.prefix && j > run.start && j + h.words.len() <= run.end && !after_connector {
                best = Some((j, h));
            }
        }
    }
    if let Some((j, h)) = best {
        let head_end = j + h.words.len();
        // `National Bank of Uzbekistan`: an `of X` after the head belongs to the name.
        let end = if doc.id(head_end) == W_OF && run.end > head_end + 1 {
            run.end
        } else {
            head_end
        };
        let mut start = run.start;
        while start < j && doc.is_stop(start) {
            start += 1;
        }
        // `Samruk-Kazyna and Baiterek Holding`, `Halyk Bank and Kaspi Bank`: a known name, or
        // one with its own head, before `and` is a name of its own.
        let first = start;
        for k in first..j {
            if !matches!(doc.id(k), W_AND | W_AMP) || k == start {
                continue;
            }
            let own_head = heads_before(lex, doc, k).any(|h| !h.prefix && h.exact);
            if own_head || covered_by_gaz(in_gaz, start..k) {
                start = k + 1;
            }
        }
        return make_cand(lex, doc, h, start..end, start..j, gaz);
    }
    if let Some(h) = head_at(lex, doc, run.start, true).filter(|h| h.exact) {
        let x = run.start + h.words.len()..run.end;
        let x = if doc.id(x.start) == W_OF {
            x.start + 1..x.end
        } else {
            x
        };
        let x = if doc.id(x.start) == W_THE {
            x.start + 1..x.end
        } else {
            x
        };
        if x.end > x.start {
            return make_cand(lex, doc, h, run.clone(), x, gaz);
        }
    }
    None
}

/// Whether every token of the range is inside a gazetteer name (`in_gaz`).
fn covered_by_gaz(in_gaz: &[bool], toks: Range<usize>) -> bool {
    toks.clone()
        .all(|t| in_gaz.get(t).copied().unwrap_or(false))
}

/// The gazetteer hits inside a token range, in order (`gaz` is sorted by start).
fn gaz_within<'g>(gaz: &'g [GazHit], toks: &Range<usize>) -> impl Iterator<Item = &'g GazHit> {
    let (start, end) = (toks.start, toks.end);
    let from = gaz.partition_point(|h| h.toks.start < start);
    gaz.get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(move |h| h.toks.start <= end)
        .filter(move |h| h.toks.end <= end)
}

fn make_cand(
    lex: &Lexicon,
    doc: &Doc,
    head: &Head,
    whole: Range<usize>,
    x: Range<usize>,
    gaz: &[GazHit],
) -> Option<Cand> {
    // An opening quote whose closing one lies outside the name is not part of it.
    let mut whole = whole;
    let n_quotes = whole.clone().filter(|&t| doc.is_quote(t)).count();
    if n_quotes % 2 == 1 && doc.is_quote(whole.start) {
        whole.start += 1;
    }
    let x_text = doc.words(x.clone());
    if x_text.is_empty() || x_text.chars().all(|c| !c.is_alphabetic()) {
        return None;
    }
    // A name must have a word of its own (`Strategy`, `The` alone are not names).
    if x.clone().all(|t| doc.is_stop(t) || !doc.is_word(t)) {
        return None;
    }
    let places_in: Vec<usize> = gaz_within(gaz, &whole)
        .filter_map(|h| h.places.first().copied())
        .collect();
    let place_in_x = gaz_within(gaz, &x)
        .filter_map(|h| h.places.first().copied())
        .find(|&p| lex.places[p].kind.is_place());
    let part_of = places_in
        .iter()
        .copied()
        .find(|&p| lex.places[p].kind.is_place())
        .map(|p| {
            let place = &lex.places[p];
            // `Talgar district` is named after its centre, the town of Talgar, and lies
            // beside it, in the town's region.
            if head.kind.is_place() && place.kind != EntityKind::Country {
                place.part_of.unwrap_or(place.name).to_string()
            } else {
                place.name.to_string()
            }
        });
    let run_text = doc.words(whole.clone());
    let (name, part_of) = match head.template {
        Template::Run => (run_text, part_of),
        Template::X => (x_text, part_of),
        Template::Around(before, after) => (format!("{before}{x_text}{after}"), part_of),
        Template::Place => {
            let place = place_in_x.map(|p| lex.places[p].name.to_string());
            match place {
                Some(p) => (format!("Akimat of {p}"), Some(p)),
                None => (format!("Akimat of {x_text}"), part_of),
            }
        }
        Template::RunCountry => {
            strip_country(lex, doc, whole.clone(), gaz).unwrap_or((run_text, part_of))
        }
    };
    // A name the gazetteer knows is that entry.
    let target = match lex.lookup_index(&name) {
        Some(idx) => CandTarget::Place(idx),
        None => CandTarget::Dyn {
            name,
            kind: head.kind,
            part_of,
            company: head.company,
        },
    };
    Some(Cand {
        span: doc.span(whole.clone()),
        toks: whole,
        target,
    })
}

/// `Ministry of Energy of the Republic of Kazakhstan` -> `Ministry of Energy`, part of
/// Kazakhstan.
fn strip_country(
    lex: &Lexicon,
    doc: &Doc,
    whole: Range<usize>,
    gaz: &[GazHit],
) -> Option<(String, Option<String>)> {
    let last = gaz
        .iter()
        .rev()
        .find(|h| h.toks.end == whole.end && h.toks.start > whole.start)?;
    let &place = last.places.first()?;
    if lex.places[place].kind != EntityKind::Country {
        return None;
    }
    let mut cut = last.toks.start;
    if cut > whole.start && doc.id(cut - 1) == W_THE {
        cut -= 1;
    }
    if cut > whole.start && doc.id(cut - 1) == W_OF {
        cut -= 1;
    } else {
        return None;
    }
    if cut <= whole.start + 1 {
        return None;
    }
    Some((
        doc.words(whole.start..cut),
        Some(lex.places[place].name.to_string()),
    ))
}

// ---------------------------------------------------------------------------------------
// Merging and later mentions

#[derive(Debug, Clone)]
struct Named {
    span: Range<usize>,
    key: Key,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Place(usize),
    Dyn(String, EntityKind),
}

struct DynInfo {
    part_of: Option<String>,
    company: bool,
}

struct Merged {
    named: Vec<Named>,
    dyns: HashMap<(String, EntityKind), DynInfo>,
}

fn merge(
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
fn suppressed_inside_name(
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
    doc.is_cap(prev)
        && doc.spaced(prev)
        && !doc.has_or(prev, T_INITIAL, true)
        && !doc.is_stop(prev)
        && !blocked.get(prev).copied().unwrap_or(true)
        && !in_gaz.get(prev).copied().unwrap_or(false)
        && !doc.has(prev, T_ROLE_FIRST)
}

/// `Kazakhtelecom` after `“Kazakhtelecom” JSC`, `Eurasian Energy` again: an organisation's
/// bare name, wherever it stands.
fn add_bare_org_mentions(doc: &Doc, merged: &mut Merged) {
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
            if !doc.matches_text(i, &words) {
                continue;
            }
            let span = doc.span(i..i + words.len());
            if merged
                .named
                .iter()
                .chain(extra.iter())
                .any(|n: &Named| n.span.start < span.end && span.start < n.span.end)
            {
                continue;
            }
            extra.push(Named {
                span,
                key: Key::Dyn(name.clone(), kind),
            });
        }
        merged.named.extend(extra);
    }
    merged.named.sort_by_key(|n| n.span.start);
}

// ---------------------------------------------------------------------------------------
// Pass 5: people's later mentions, references back, and the entities

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum EKey {
    Place(usize),
    Dyn(String, EntityKind),
    Person(usize),
}

struct Event {
    span: Range<usize>,
    what: EventKind,
}

enum EventKind {
    Name(EKey),
    /// A name in a list: a mention, but not an antecedent.
    Listed(EKey),
    Ref(usize),
    RoleRef(usize),
}

fn assemble(
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
        named
            .iter()
            .any(|n| n.span.start < span.end && span.start < n.span.end)
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
    let mut history: Vec<EKey> = Vec::new();
    let mut ref_resolved: HashMap<usize, EKey> = HashMap::default();
    let mut mentions: Vec<(EKey, Range<usize>, bool)> = Vec::new();
    for e in &events {
        match &e.what {
            EventKind::Name(key) => {
                history.push(key.clone());
                mentions.push((key.clone(), e.span.clone(), false));
            }
            EventKind::Listed(key) => {
                mentions.push((key.clone(), e.span.clone(), false));
            }
            EventKind::Ref(k) => {
                let view = &history[history.len().saturating_sub(VIEW)..];
                let resolved = resolve_ref(lex, &refs[*k].target, view, &dyns, &kind_of);
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

/// How many earlier mentions a reference back looks at: what is still "in view". It also
/// keeps resolution linear on very long texts.
const VIEW: usize = 400;

fn resolve_ref(
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
        RefTarget::Kinds(kinds, filter) => {
            let direct = history.iter().rev().find(|k| {
                let kind = kind_of(k);
                if !kinds.contains(&kind) {
                    return false;
                }
                // `the company` is a business, not a ministry or a news agency.
                if kind == EntityKind::Organisation {
                    return match k {
                        EKey::Place(p) => lex.places[*p].company,
                        EKey::Dyn(name, kind) => {
                            dyns.get(&(name.clone(), *kind)).is_some_and(|d| d.company)
                        }
                        EKey::Person(_) => false,
                    };
                }
                true
            });
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

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    proptest::proptest! {
        /// The one-load lookup of short ASCII words gives the number the general one gives.
        #[test]
        fn vocab_id_at_is_id_of(words in proptest::collection::vec(proptest::sample::select(vec![
            "Almaty", "ALMATY", "region", "Region", "Akimat", "of", "the", "LLP", "JSC",
            "Kassym-Jomart", "Ust-Kamenogorsk", "Nur-Sultan", "Akmolinskayaoblastregion",
            "Шымкент", "Ü", "’", "-", "(", "2023", "Minister", "ministry", "\u{212A}az",
        ]), 0..10)) {
            let text = words.join(" ");
            let vocab = &lexicon().vocab;
            scan_tokens(&text, |t| {
                let word = &text[t.start..t.end];
                assert_eq!(vocab.id_at(&text, t.start..t.end, t.ascii), vocab.id_of(word, t.ascii), "{word:?}");
            });
        }
    }

    /// Finds the entities of `text` (one sentence range over it all) and checks that each
    /// mention text names the expected entity. A canonical name of `-` says no entity may
    /// have a mention with that text.
    fn check(text: &str, expected: &[(&str, &str, EntityKind)]) {
        let entities = find(text, std::slice::from_ref(&(0..text.len())));
        for e in &entities {
            for m in &e.mentions {
                assert_eq!(&text[m.span[0]..m.span[1]], m.text, "span of {m:?}");
            }
        }
        let found: Vec<(&str, &str, EntityKind)> = entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(move |m| (m.text.as_str(), e.name.as_str(), e.kind))
            })
            .collect();
        for &(mention, canonical, kind) in expected {
            if canonical == "-" {
                assert!(
                    !found.iter().any(|(m, _, _)| *m == mention),
                    "{mention:?} should not be an entity in {text:?}: {found:?}"
                );
            } else {
                assert!(
                    found.contains(&(mention, canonical, kind)),
                    "expected {mention:?} -> {canonical} ({kind:?}) in {text:?}, found {found:?}"
                );
            }
        }
    }

    /// Checks a person's role and what the role is of.
    fn check_role(text: &str, person: &str, role: &str, role_of: Option<&str>) {
        let entities = find(text, std::slice::from_ref(&(0..text.len())));
        let found = entities
            .iter()
            .find(|e| e.kind == Person && e.name == person);
        let Some(found) = found else {
            panic!("no person {person:?} in {text:?}: {entities:#?}");
        };
        assert_eq!(found.role.as_deref(), Some(role), "{text}");
        assert_eq!(found.role_of.as_deref(), role_of, "{text}");
    }

    #[test]
    fn gazetteer_forms() {
        check("Investments in Almaty grew.", &[("Almaty", "Almaty", City)]);
        check(
            "It was built in Alma-Ata in 1980.",
            &[("Alma-Ata", "Almaty", City)],
        );
        check(
            "Almaty region ranks fifth.",
            &[("Almaty region", "Almaty region", Region)],
        );
        check(
            "Farms of the Almaty oblast grew.",
            &[("Almaty oblast", "Almaty region", Region)],
        );
        check(
            "Output in Almaty Region grew.",
            &[("Almaty Region", "Almaty region", Region)],
        );
        check(
            "A plant opened in ALMATY CITY today.",
            &[("ALMATY CITY", "Almaty", City)],
        );
        check(
            "Nur-Sultan hosted the forum.",
            &[("Nur-Sultan", "Astana", City)],
        );
        check(
            "Tselinograd was renamed.",
            &[("Tselinograd", "Astana", City)],
        );
        check(
            "Farms in Akmola region grew.",
            &[("Akmola region", "Akmola region", Region)],
        );
        check(
            "Chimkent is in the south.",
            &[("Chimkent", "Shymkent", City)],
        );
        check(
            "Karagandy region and Karaganda city.",
            &[
                ("Karagandy region", "Karaganda region", Region),
                ("Karaganda city", "Karaganda", City),
            ],
        );
        check(
            "The Aktyubinsk region mines chrome.",
            &[("Aktyubinsk region", "Aktobe region", Region)],
        );
        check(
            "In Kostanai region wheat grew.",
            &[("Kostanai region", "Kostanay region", Region)],
        );
        check(
            "Oil of Mangistau region and Mangystau.",
            &[
                ("Mangistau region", "Mangystau region", Region),
                ("Mangystau", "Mangystau region", Region),
            ],
        );
        check(
            "Turkestan region and South Kazakhstan region.",
            &[
                ("Turkestan region", "Turkistan region", Region),
                ("South Kazakhstan region", "Turkistan region", Region),
            ],
        );
        check(
            "East Kazakhstan oblast reported.",
            &[("East Kazakhstan oblast", "East Kazakhstan region", Region)],
        );
        check(
            "Abai region, Zhetysu region and Ulytau region were formed in 2022.",
            &[
                ("Abai region", "Abai region", Region),
                ("Zhetysu region", "Zhetysu region", Region),
                ("Ulytau region", "Ulytau region", Region),
            ],
        );
        check(
            "Traffic from Kapchagay grew.",
            &[("Kapchagay", "Konayev", City)],
        );
        check(
            "The new Alatau city will be built.",
            &[("Alatau city", "Alatau city", City)],
        );
        check(
            "The Almaty district of Astana grew.",
            &[("Almaty district", "Almaty district", District)],
        );
        check(
            "Schools in the Alatausky district opened.",
            &[("Alatausky district", "Alatau district", District)],
        );
        check(
            "A campus in the Bostandyk district and the Medeu region.",
            &[
                ("Bostandyk district", "Bostandyk district", District),
                ("Medeu region", "Medeu district", District),
            ],
        );
        check(
            "Esil district and Yesil district.",
            &[
                ("Esil district", "Yesil district", District),
                ("Yesil district", "Yesil district", District),
            ],
        );
        check(
            "Shymkent's Al-Farabi district.",
            &[
                ("Al-Farabi district", "Al-Farabi district", District),
                ("Shymkent", "Shymkent", City),
            ],
        );
        check(
            "Ust-Kamenogorsk and Semipalatinsk.",
            &[
                ("Ust-Kamenogorsk", "Ust-Kamenogorsk", City),
                ("Semipalatinsk", "Semey", City),
            ],
        );
        check(
            "Uralsk, Petropavlovsk and Taldykorgan.",
            &[
                ("Uralsk", "Oral", City),
                ("Petropavlovsk", "Petropavl", City),
                ("Taldykorgan", "Taldykorgan", City),
            ],
        );
        check("Almaty-based firms grew.", &[("Almaty", "Almaty", City)]);
    }

    #[test]
    fn gazetteer_neighbours() {
        check(
            "Tashkent and Tashkent region.",
            &[
                ("Tashkent", "Tashkent", City),
                ("Tashkent region", "Tashkent region", Region),
            ],
        );
        check(
            "Samarkand and the Fergana region.",
            &[
                ("Samarkand", "Samarkand", City),
                ("Fergana region", "Fergana region", Region),
            ],
        );
        check(
            "Bishkek, Osh region and Chuy region.",
            &[
                ("Bishkek", "Bishkek", City),
                ("Osh region", "Osh region", Region),
                ("Chuy region", "Chui region", Region),
            ],
        );
        check(
            "Khujand in Sughd.",
            &[
                ("Khujand", "Khujand", City),
                ("Sughd", "Sughd region", Region),
            ],
        );
        check(
            "Dushanbe and Ashgabat.",
            &[
                ("Dushanbe", "Dushanbe", City),
                ("Ashgabat", "Ashgabat", City),
            ],
        );
        check(
            "More than 50,000 Kazakh citizens and Uzbek firms.",
            &[
                ("Kazakh", "Kazakhstan", Country),
                ("Uzbek", "Uzbekistan", Country),
            ],
        );
        check(
            "The Kyrgyz Republic and the Russian Federation.",
            &[
                ("Kyrgyz Republic", "Kyrgyzstan", Country),
                ("Russian Federation", "Russia", Country),
            ],
        );
    }

    #[test]
    fn gazetteer_zones_and_organisations() {
        check(
            "Residents of SEZ Ontustik grew.",
            &[("SEZ Ontustik", "SEZ Ontustik", Zone)],
        );
        check(
            "The Ontustik SEZ grew.",
            &[("Ontustik SEZ", "SEZ Ontustik", Zone)],
        );
        check(
            "Khorgos – Eastern Gate handled cargo.",
            &[("Khorgos – Eastern Gate", "SEZ Khorgos – Eastern Gate", Zone)],
        );
        check(
            "The Khorgos-Eastern Gate SEZ grew.",
            &[(
                "Khorgos-Eastern Gate SEZ",
                "SEZ Khorgos – Eastern Gate",
                Zone,
            )],
        );
        check(
            "The Astana - New City SEZ grew.",
            &[("Astana - New City SEZ", "SEZ Astana – New City", Zone)],
        );
        check(
            "Firms of the Park of Innovative Technologies.",
            &[(
                "Park of Innovative Technologies",
                "SEZ Park of Innovative Technologies",
                Zone,
            )],
        );
        check(
            "Firms of the Alatau IT park.",
            &[(
                "Alatau IT park",
                "SEZ Park of Innovative Technologies",
                Zone,
            )],
        );
        check(
            "The Chemical Park Taraz special economic zone.",
            &[(
                "Chemical Park Taraz special economic zone",
                "SEZ Chemical Park Taraz",
                Zone,
            )],
        );
        check(
            "Investors of NIPT and Khorgos ICBC.",
            &[
                (
                    "NIPT",
                    "SEZ National Industrial Petrochemical Technopark",
                    Zone,
                ),
                ("Khorgos ICBC", "Khorgos ICBC", Zone),
            ],
        );
        check(
            "The National Bank of Kazakhstan raised the rate.",
            &[(
                "National Bank of Kazakhstan",
                "National Bank of Kazakhstan",
                Organisation,
            )],
        );
        check(
            "Samruk-Kazyna and Baiterek Holding invested.",
            &[
                ("Samruk-Kazyna", "Samruk-Kazyna", Organisation),
                ("Baiterek Holding", "Baiterek", Organisation),
            ],
        );
        check(
            "Kazakh Invest signed it.",
            &[("Kazakh Invest", "KazakhInvest", Organisation)],
        );
        check(
            "The Almaty Industrial Zone has 88 companies.",
            &[("Almaty Industrial Zone", "Almaty Industrial Zone", Zone)],
        );
    }

    #[test]
    fn patterns() {
        check(
            "The Karaganda Industrial Park has 20 residents.",
            &[(
                "Karaganda Industrial Park",
                "Karaganda Industrial Park",
                Zone,
            )],
        );
        check(
            "Firms of the industrial zone “Ontustik-2” grew.",
            &[(
                "industrial zone “Ontustik-2”",
                "Ontustik-2 Industrial Zone",
                Zone,
            )],
        );
        check(
            "The SEZ Tarbagatay was created.",
            &[("SEZ Tarbagatay", "SEZ Tarbagatay", Zone)],
        );
        check(
            "The Tarbagatay special economic zone was created.",
            &[("Tarbagatay special economic zone", "SEZ Tarbagatay", Zone)],
        );
        check(
            "Firms of the Navoi Free Economic Zone.",
            &[("Navoi Free Economic Zone", "FEZ Navoi", Zone)],
        );
        check(
            "Nazarbayev University opened a lab.",
            &[(
                "Nazarbayev University",
                "Nazarbayev University",
                Organisation,
            )],
        );
        check(
            "The Ministry of National Economy reported it.",
            &[(
                "Ministry of National Economy",
                "Ministry of National Economy",
                Organisation,
            )],
        );
        check(
            "The Ministry of Energy of the Republic of Kazakhstan said.",
            &[(
                "Ministry of Energy of the Republic of Kazakhstan",
                "Ministry of Energy",
                Organisation,
            )],
        );
        check(
            "The Akimat of Almaty plans it.",
            &[("Akimat of Almaty", "Akimat of Almaty", Organisation)],
        );
        check(
            "The Shymkent city akimat plans it.",
            &[("Shymkent city akimat", "Akimat of Shymkent", Organisation)],
        );
        check(
            "The Karaganda Akimat plans it.",
            &[("Karaganda Akimat", "Akimat of Karaganda", Organisation)],
        );
        check(
            "A road by KazAvtoZhol JSC opened.",
            &[("KazAvtoZhol JSC", "KazAvtoZhol", Organisation)],
        );
        check(
            "Shares of JSC KazTransOil rose.",
            &[("JSC KazTransOil", "KazTransOil", Organisation)],
        );
        check(
            "The plant of “Caspian Cement” LLP opened.",
            &[("“Caspian Cement” LLP", "Caspian Cement", Organisation)],
        );
        check(
            "Eurasian Resources Group will invest.",
            &[(
                "Eurasian Resources Group",
                "Eurasian Resources Group",
                Organisation,
            )],
        );
        check(
            "The Eurasian Energy facility includes two plants. Eurasian Energy grew.",
            &[("Eurasian Energy", "Eurasian Energy", Organisation)],
        );
        check(
            "The National Bank of Uzbekistan lent it.",
            &[
                (
                    "National Bank of Uzbekistan",
                    "National Bank of Uzbekistan",
                    Organisation,
                ),
                ("National Bank", "-", Organisation),
            ],
        );
        check(
            "Halyk Bank lent it.",
            &[("Halyk Bank", "Halyk Bank", Organisation)],
        );
        check(
            "In the Enbekshikazakh district, 5 schools opened.",
            &[(
                "Enbekshikazakh district",
                "Enbekshikazakh district",
                District,
            )],
        );
        check(
            "Farms of the Talgar district grew. The district exported more.",
            &[
                ("Talgar district", "Talgar district", District),
                ("The district", "Talgar district", District),
            ],
        );
    }

    #[test]
    fn roles() {
        let t = "Almaty Akim (mayor) Yerbolat Dossayev said it.";
        check(
            t,
            &[
                ("Yerbolat Dossayev", "Yerbolat Dossayev", Person),
                ("Almaty", "Almaty", City),
            ],
        );
        check_role(t, "Yerbolat Dossayev", "akim", Some("Almaty"));
        check_role(
            "The Akim (Mayor) of Almaty Bakytzhan Sagintayev reported.",
            "Bakytzhan Sagintayev",
            "akim",
            Some("Almaty"),
        );
        check_role(
            "Head of State Kassym-Jomart Tokayev received him.",
            "Kassym-Jomart Tokayev",
            "president",
            None,
        );
        check_role(
            "General Director of the Almaty Industrial Zone Alisher Satybaldiyev revealed plans.",
            "Alisher Satybaldiyev",
            "general director",
            Some("Almaty Industrial Zone"),
        );
        check_role(
            "Tokayev received governor of Almaty region Marat Sultangaziyev.",
            "Marat Sultangaziyev",
            "akim",
            Some("Almaty region"),
        );
        check_role("Projects started at the Almaty Industrial Zone, reported head of the industrial zone Adil Amralin.", "Adil Amralin", "head", Some("Almaty Industrial Zone"));
        check_role(
            "President Kassym-Jomart Tokayev said.",
            "Kassym-Jomart Tokayev",
            "president",
            None,
        );
        check_role(
            "Almaty Mayor Bakytzhan Sagintayev said.",
            "Bakytzhan Sagintayev",
            "akim",
            Some("Almaty"),
        );
        check_role(
            "Shymkent akim Gabit Syzdykbekov said.",
            "Gabit Syzdykbekov",
            "akim",
            Some("Shymkent"),
        );
        check_role(
            "Karaganda region governor Yermaganbet Bulekbayev said.",
            "Yermaganbet Bulekbayev",
            "akim",
            Some("Karaganda region"),
        );
        check_role(
            "Minister of Trade and Integration Arman Shakkaliyev said.",
            "Arman Shakkaliyev",
            "minister",
            Some("Ministry of Trade and Integration"),
        );
        check_role(
            "Nurlan Nogayev, governor of Mangystau region, said.",
            "Nurlan Nogayev",
            "akim",
            Some("Mangystau region"),
        );
        check_role(
            "The Kazakh President Kassym-Jomart Tokayev said.",
            "Kassym-Jomart Tokayev",
            "president",
            Some("Kazakhstan"),
        );
        check(
            "Almaty Mayor Bakytzhan Sagintayev spoke. “We will build it,” said Sagintayev. The mayor added more.",
            &[("Sagintayev", "Bakytzhan Sagintayev", Person), ("The mayor", "Bakytzhan Sagintayev", Person)],
        );
        check(
            "Tokayev received governor of Almaty region Marat Sultangaziyev. The governor informed him.",
            &[("The governor", "Marat Sultangaziyev", Person), ("Almaty region", "Almaty region", Region)],
        );
    }

    #[test]
    fn references() {
        check(
            "Shymkent grew. The city’s output rose.",
            &[("The city’s", "Shymkent", City)],
        );
        check(
            "Shymkent grew. Jobs in the city rose.",
            &[("the city", "Shymkent", City)],
        );
        check(
            "Tashkent region grew. The region exported more.",
            &[("The region", "Tashkent region", Region)],
        );
        check(
            "SEZ Ontustik grew. The zone has 40 residents.",
            &[("The zone", "SEZ Ontustik", Zone)],
        );
        check(
            "Output in the Turan district of Shymkent grew. The district's firms hired.",
            &[("The district's", "Turan district", District)],
        );
        check(
            "Tashkent grew. The country exported more.",
            &[("The country", "Uzbekistan", Country)],
        );
        check(
            "Kazakhstan grew. The capital built schools.",
            &[("The capital", "Astana", City)],
        );
        check(
            "Uzbekistan grew. The capital built schools.",
            &[("The capital", "Tashkent", City)],
        );
        check(
            "He visited the southern capital.",
            &[("the southern capital", "Almaty", City)],
        );
        check(
            "Almaty grew. The metropolis built roads.",
            &[("The metropolis", "Almaty", City)],
        );
        check(
            "Pavlodar region grew. The oblast built roads.",
            &[("The oblast", "Pavlodar region", Region)],
        );
        check(
            "The city of Almaty grew.",
            &[("The city", "-", City), ("Almaty", "Almaty", City)],
        );
        check(
            "Konayev grew. The region built roads.",
            &[("The region", "Almaty region", Region)],
        );
        check(
            "In Almaty, the industrial zone has 33 firms.",
            &[("the industrial zone", "Almaty Industrial Zone", Zone)],
        );
        check(
            "Taraz grew. The entire region built roads.",
            &[("The entire region", "Zhambyl region", Region)],
        );
        check(
            "Traffic into Almaty from Kaskelen, Talgar and Kapshagay is heavy. The city needs roads.",
            &[("The city", "Almaty", City)],
        );
    }

    #[test]
    fn negatives() {
        check("Source: Strategy 2050", &[("Strategy", "-", Organisation)]);
        check(
            "The Company reported profit.",
            &[
                ("The Company", "-", Organisation),
                ("Company", "-", Organisation),
            ],
        );
        check(
            "Each University must report.",
            &[("University", "-", Organisation)],
        );
        check(
            "As part of the Taza Kazakhstan campaign 19,506 tons of waste were collected.",
            &[("Kazakhstan", "-", Country)],
        );
        check(
            "ASTANA – The city of Almaty grew.",
            &[("ASTANA", "-", City), ("Almaty", "Almaty", City)],
        );
        check("prices in almaty rose", &[("almaty", "-", City)]);
        check(
            "Trails of the Ile Alatau grew.",
            &[("Alatau", "-", City), ("Ile Alatau", "-", City)],
        );
        check(
            "The Zhetysu hotel opened in Almaty.",
            &[("Zhetysu", "-", Region)],
        );
        check(
            "Oshkosh trucks and the regional administration.",
            &[("Osh", "-", City), ("the region", "-", Region)],
        );
        check(
            "The regional administration built it.",
            &[("The region", "-", Region)],
        );
        check(
            "In 2023 Recently the Government decided.",
            &[("Government", "-", Organisation)],
        );
        check(
            "The Head Office of the bank moved.",
            &[("Office", "-", Person)],
        );
        check("President Tokayev said.", &[("Tokayev", "Tokayev", Person)]);
        check("ICBC lent $1 billion.", &[("ICBC", "-", Zone)]);
        check(
            "Foreign companies invested more.",
            &[("Foreign", "-", Organisation)],
        );
        check(
            "Construction of the plant began.",
            &[("Construction", "-", Organisation)],
        );
        check(
            "Industrial Zone residents hired 300 people.",
            &[("Industrial Zone", "-", Zone)],
        );
    }

    #[test]
    fn ambiguous_alatau() {
        check(
            "Almaty grew fast. The Medeu district and the Bostandyk district grew. Output in Alatau rose 30%.",
            &[("Alatau", "Alatau district", District)],
        );
        check(
            "The governor of Almaty region spoke about Konayev and Talgar. Alatau will be a new city.",
            &[("Alatau", "Alatau city", City)],
        );
    }

    #[test]
    fn paragraph_shymkent() {
        let t = "SHYMKENT – Shymkent akim Gabit Syzdykbekov said that the city attracted 1.2 trillion \
                 tenge of investment. The SEZ Ontustik has 20 residents; the zone’s factories employ \
                 3,000 people. In the Abay district of Shymkent, a new school opened. Syzdykbekov said \
                 the district will get two more.";
        check(
            t,
            &[
                ("SHYMKENT", "-", City),
                ("Shymkent", "Shymkent", City),
                ("the city", "Shymkent", City),
                ("SEZ Ontustik", "SEZ Ontustik", Zone),
                ("the zone’s", "SEZ Ontustik", Zone),
                ("Abay district", "Abay district", District),
                ("the district", "Abay district", District),
                ("Syzdykbekov", "Gabit Syzdykbekov", Person),
            ],
        );
        check_role(t, "Gabit Syzdykbekov", "akim", Some("Shymkent"));
    }

    #[test]
    fn paragraph_karaganda() {
        let t = "Karaganda region governor Yermaganbet Bulekbayev reported to the Head of State. \
                 The region’s industrial output grew 5%. In Temirtau, Qarmet JSC will invest $500 million. \
                 The company plans 1,000 jobs. The SEZ Saryarka attracted 12 projects; the special \
                 economic zone lies near Karaganda.";
        check(
            t,
            &[
                ("The region’s", "Karaganda region", Region),
                ("Temirtau", "Temirtau", Town),
                ("Qarmet JSC", "Qarmet", Organisation),
                ("The company", "Qarmet", Organisation),
                ("SEZ Saryarka", "SEZ Saryarka", Zone),
                ("the special economic zone", "SEZ Saryarka", Zone),
                ("Karaganda", "Karaganda", City),
            ],
        );
        check_role(
            t,
            "Yermaganbet Bulekbayev",
            "akim",
            Some("Karaganda region"),
        );
    }

    #[test]
    fn paragraph_tashkent_region() {
        let t = "The Tashkent region hokim said that 45 projects worth $2 billion will be launched in the \
                 region. Uzbek President Shavkat Mirziyoyev visited Chirchik. The country plans to \
                 double exports, and the capital will host a forum in Tashkent.";
        check(
            t,
            &[
                ("Tashkent region", "Tashkent region", Region),
                ("region", "-", Region),
                ("Uzbek", "Uzbekistan", Country),
                ("The country", "Uzbekistan", Country),
                ("the capital", "Tashkent", City),
                ("Shavkat Mirziyoyev", "Shavkat Mirziyoyev", Person),
            ],
        );
        check_role(t, "Shavkat Mirziyoyev", "president", Some("Uzbekistan"));
    }

    #[test]
    fn paragraph_sez() {
        let t = "Chairman of the Board of SEZ Khorgos – Eastern Gate Ivan Petrov said that the zone will \
                 receive 5 new residents. The Khorgos ICBC in Zhetysu region counted 6 million visitors; \
                 the region plans a new road to Zharkent.";
        check(
            t,
            &[
                (
                    "SEZ Khorgos – Eastern Gate",
                    "SEZ Khorgos – Eastern Gate",
                    Zone,
                ),
                ("the zone", "SEZ Khorgos – Eastern Gate", Zone),
                ("Khorgos ICBC", "Khorgos ICBC", Zone),
                ("the region", "Zhetysu region", Region),
                ("Zharkent", "Zharkent", Town),
            ],
        );
        check_role(
            t,
            "Ivan Petrov",
            "chairman",
            Some("SEZ Khorgos – Eastern Gate"),
        );
    }

    #[test]
    fn lookup_and_ancestors() {
        assert_eq!(lookup("Nur-Sultan").map(|p| p.name), Some("Astana"));
        assert_eq!(
            lookup("almaty oblast").map(|p| p.name),
            Some("Almaty region")
        );
        assert_eq!(lookup("Almaty").map(|p| p.kind), Some(City));
        assert!(lookup("Atlantis").is_none());
        assert_eq!(ancestors("Alatau district"), vec!["Almaty", "Kazakhstan"]);
        assert_eq!(
            ancestors("Almaty Industrial Zone"),
            vec!["Alatau district", "Almaty", "Kazakhstan"]
        );
        assert_eq!(ancestors("Konayev"), vec!["Almaty region", "Kazakhstan"]);
        assert!(ancestors("Atlantis").is_empty());
        assert!(is_within("Almaty Industrial Zone", "Almaty"));
        assert!(!is_within("Almaty", "Almaty region"));
        assert!(is_within("Khujand", "Tajikistan"));
    }

    #[test]
    fn gazetteer_is_consistent() {
        let lex = lexicon();
        assert!(
            lex.places.len() > 150,
            "gazetteer rows parsed: {}",
            lex.places.len()
        );
        let mut names = HashSet::default();
        for place in &lex.places {
            assert!(names.insert(place.name), "{} listed twice", place.name);
            if let Some(parent) = place.part_of {
                assert!(
                    lex.places.iter().any(|p| p.name == parent),
                    "{}: part_of {parent} is not an entry",
                    place.name
                );
            }
            // No cycles: the chain ends in an entry without part_of.
            assert!(ancestors(place.name).len() < 10, "{}", place.name);
        }
        // `find_gazetteer` starts its search at tokens only.
        for (alias, _) in &lex.pattern_targets {
            assert!(
                alias.chars().next().is_some_and(|c| !c.is_whitespace()),
                "alias {alias:?} is empty or starts with white space"
            );
        }
        for (alias, claims) in &lex.by_alias {
            let distinct: HashSet<&str> = claims.iter().map(|&c| lex.places[c].name).collect();
            assert!(
                distinct.len() < 2 || lex.ambiguous.contains(alias),
                "alias {alias:?} claimed by {distinct:?} but not listed as ambiguous"
            );
        }
        for alias in &lex.ambiguous {
            assert!(
                lex.by_alias.get(alias).is_some_and(|c| c.len() > 1),
                "{alias} is not ambiguous"
            );
        }
        assert!(!lex.heads.is_empty() && !lex.stops.is_empty());
    }

    #[test]
    fn never_panics_and_spans_slice() {
        let texts = [
            "",
            " ",
            "’s",
            "the city’s",
            "Almaty",
            "“",
            "SEZ “",
            "President",
            "President (",
            "head of the",
            "Ministry of",
            "Қазақстан Алматы — Almaty region’s — ‘Taraz’ «Semey»",
            "JSC “Unclosed quote Almaty",
            "Almaty, the city, the capital, the region, the zone, the country.",
            "\u{0}\u{feff}Almaty\r\nregion\tAstana-",
            "Kassym-Jomart Tokayev, , governor of , said",
        ];
        for text in texts {
            let whole = std::iter::once(0..text.len()).collect::<Vec<_>>();
            let odd = std::iter::once(5..200).collect::<Vec<_>>();
            for sentences in [whole, Vec::new(), odd] {
                for e in find(text, &sentences) {
                    for m in e.mentions {
                        assert_eq!(text.get(m.span[0]..m.span[1]), Some(m.text.as_str()));
                    }
                }
            }
        }
    }

    fn spans_slice(text: &str) {
        for e in find(text, &[]) {
            for m in e.mentions {
                assert_eq!(text.get(m.span[0]..m.span[1]), Some(m.text.as_str()));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,300}") {
            spans_slice(&text);
        }

        #[test]
        fn never_panics_on_entity_words(words in proptest::collection::vec(proptest::sample::select(vec![
            "Almaty", "region", "the", "The", "city", "’s", "'s", "SEZ", "“", "”", "\"", "of", "Akim",
            "(mayor)", "(", ")", "President", ",", ".", "Kassym-Jomart", "Tokayev", "JSC", "company",
            "Қазақстан", "–", "and", "regions", "Alatau", "\n", "zone", "industrial", "Industrial",
            "Zone", "head", "Ministry", "Uzbek", "capital", "ALMATY", "Nur-Sultan", "governor",
        ]), 0..60)) {
            spans_slice(&words.concat());
            spans_slice(&words.join(" "));
        }
    }

    #[test]
    fn part_of_of_pattern_names() {
        let part_of = |text: &str, name: &str| {
            find(text, &[])
                .into_iter()
                .find(|e| e.name == name)
                .and_then(|e| e.part_of)
        };
        assert_eq!(
            part_of("The Talgar district grew.", "Talgar district").as_deref(),
            Some("Almaty region")
        );
        assert_eq!(
            part_of(
                "The Karaganda Industrial Park grew.",
                "Karaganda Industrial Park"
            )
            .as_deref(),
            Some("Karaganda")
        );
        assert_eq!(
            part_of(
                "The Ministry of Energy of Kazakhstan said.",
                "Ministry of Energy"
            )
            .as_deref(),
            Some("Kazakhstan")
        );
        assert_eq!(
            part_of("The Shymkent Akimat said.", "Akimat of Shymkent").as_deref(),
            Some("Shymkent")
        );
    }
}
