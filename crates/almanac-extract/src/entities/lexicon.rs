//! The entity layer's data, read once: the gazetteer with its aliases and their automaton,
//! the words of references, roles and stops, the heads of organisation names, and the
//! vocabulary that numbers every word of those tables.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::data::{self, DataError, Row};
use crate::swar::{load_word16, lower_packed, PackedWords};

use super::doc::{tokenize, Doc};
use super::{EntityKind, Place};

/// What a reference phrase points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum RefTarget {
    /// The last entity of one of these kinds; with a head filter for the fallback to a
    /// gazetteer zone (`industrial zone`, `sez`).
    Kinds(Vec<EntityKind>, Option<String>),
    /// The capital of the country in view.
    Capital,
    /// One fixed gazetteer entry (`the southern capital`).
    Fixed(String),
}

#[derive(Debug, Clone)]
pub(super) struct RoleDef {
    pub(super) role: &'static str,
    pub(super) refers: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Template {
    Run,
    RunCountry,
    X,
    Place,
    /// `SEZ {x}`, `{x} Industrial Zone`: a literal before and after {x}.
    Around(&'static str, &'static str),
}

#[derive(Debug, Clone)]
pub(super) struct Head {
    pub(super) words: Vec<String>,
    /// `words` in lower case, as word numbers.
    pub(super) ids: Vec<WordId>,
    /// Capitalised heads match exactly, lower-case ones in any case.
    pub(super) exact: bool,
    pub(super) prefix: bool,
    pub(super) kind: EntityKind,
    pub(super) template: Template,
    pub(super) company: bool,
}

impl Head {
    /// Whether the head stands at token `j`: a capitalised head exactly as written, a
    /// lower-case one in lower case (`industrial zone`, not `Industrial Zone`, which has its
    /// own capitalised entry).
    pub(super) fn at(&self, doc: &Doc, j: usize) -> bool {
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
pub(super) type WordId = u32;

/// Any word the tables do not hold.
pub(super) const UNKNOWN: WordId = 0;

/// Words the rules name directly; numbered first, so their numbers are the constants below.
pub(super) const FIXED_WORDS: [&str; 12] = [
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
pub(super) const W_THE: WordId = 1;
pub(super) const W_THIS: WordId = 2;
pub(super) const W_OF: WordId = 3;
pub(super) const W_AND: WordId = 4;
pub(super) const W_AMP: WordId = 5;
pub(super) const W_S: WordId = 6;
pub(super) const W_COMMA: WordId = 7;
pub(super) const W_OPEN: WordId = 8;
pub(super) const W_CLOSE: WordId = 9;
pub(super) const W_REGIONS: WordId = 10;
pub(super) const W_OBLASTS: WordId = 11;
pub(super) const W_DISTRICTS: WordId = 12;

// What a word number is in the tables (`Vocab::flags`); a token's flags begin with these.
pub(super) const F_CONNECTOR: u8 = 1;
pub(super) const F_ROLE_FIRST: u8 = 2;

/// A hash of an ASCII word eight bytes at a time, the same for any case of its letters: it
/// sets bit 5 of every byte, which lower-cases letters and leaves digits and `-` as they
/// are. (Words of other characters hash consistently too; equality is checked after.)
#[inline]
pub(super) fn word_hash(word: &[u8]) -> u64 {
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
pub(super) const TABLE_SLOTS: usize = 4096;

/// The lower-case words of the tables, numbered from 1.
pub(super) struct Vocab {
    pub(super) ids: FastMap<String, WordId>,
    pub(super) words: Vec<String>,
    /// `F_*` flags by word number.
    pub(super) flags: Vec<u8>,
    /// The stop words (as written) by the number of their lower-case form.
    pub(super) stops: Vec<Vec<&'static str>>,
    /// The ASCII words by `word_hash`, with linear probing: (hash, number), number
    /// `UNKNOWN` for an empty slot. Looked up without lower-casing the token first; `id_at`
    /// asks it only for words of more than 16 bytes (shorter ones are in `packed`).
    pub(super) table: Vec<(u64, WordId)>,
    /// The ASCII words of up to 16 bytes by their packed lower-case form
    /// (`swar::lower_packed`): a token is found by comparing one integer, not its bytes.
    pub(super) packed: PackedWords,
    /// `table.len() - 1` (a power of two less one).
    pub(super) mask: usize,
    /// The numbers of single ASCII characters (most punctuation tokens), by byte.
    pub(super) ascii: [WordId; 128],
}

impl Vocab {
    pub(super) fn new() -> Vocab {
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
    pub(super) fn intern(&mut self, lower: &str) -> WordId {
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

    pub(super) fn add_to_table(&mut self, id: WordId) {
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
    pub(super) fn id_at(&self, text: &str, span: Range<usize>, ascii: bool) -> WordId {
        if ascii && span.len() >= 2 {
            if let Some(key) = load_word16(text.as_bytes(), span.clone()).and_then(lower_packed) {
                return self.packed.get(key);
            }
        }
        self.id_of(text.get(span).unwrap_or(""), ascii)
    }

    pub(super) fn add_stop(&mut self, stop: &'static str) {
        let id = self.intern(&stop.to_lowercase());
        if let Some(list) = self.stops.get_mut(id as usize) {
            list.push(stop);
        }
    }

    /// Whether the token is a stop word as written.
    pub(super) fn is_stop(&self, id: WordId, word: &str) -> bool {
        self.stops
            .get(id as usize)
            .is_some_and(|list| list.contains(&word))
    }

    pub(super) fn flag(&mut self, lower: &str, flag: u8) {
        let id = self.intern(lower);
        if let Some(f) = self.flags.get_mut(id as usize) {
            *f |= flag;
        }
    }

    /// The number of a word as written (any case); `UNKNOWN` if no table holds it.
    pub(super) fn id_of(&self, word: &str, ascii: bool) -> WordId {
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

    pub(super) fn flags(&self, id: WordId) -> u8 {
        self.flags.get(id as usize).copied().unwrap_or(0)
    }
}

/// A set of word sequences matched case-insensitively, longest first.
pub(super) struct PhraseSet<T> {
    /// By the number of the first word: the phrases as word numbers, longest first.
    pub(super) by_first: Vec<Vec<(Vec<WordId>, T)>>,
}

impl<T> PhraseSet<T> {
    pub(super) fn new() -> Self {
        PhraseSet {
            by_first: Vec::new(),
        }
    }

    pub(super) fn insert(&mut self, vocab: &mut Vocab, phrase: &str, value: T) {
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
    pub(super) fn starting(&self, first: WordId) -> &[(Vec<WordId>, T)] {
        self.by_first.get(first as usize).map_or(&[], Vec::as_slice)
    }

    /// The longest phrase starting at token `i`, as (number of tokens, value).
    pub(super) fn longest_at(&self, doc: &Doc, i: usize) -> Option<(usize, &T)> {
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
    pub(super) places: Vec<Place>,
    pub(super) by_name: HashMap<String, usize>,
    pub(super) by_alias: HashMap<String, Vec<usize>>,
    /// The first entry of each canonical name, as written.
    pub(super) index_of_name: FastMap<&'static str, usize>,
    /// `ancestors` of each entry's canonical name.
    pub(super) place_ancestors: Vec<Vec<&'static str>>,
    pub(super) matcher: Option<AhoCorasick>,
    /// The first three bytes of the patterns, as bits `prefix_key`: most words begin no
    /// name, and these say so without the automaton. `short_prefixes` holds the patterns of
    /// fewer bytes, by their first two (every second byte for a one-byte pattern).
    pub(super) prefixes: Vec<u64>,
    pub(super) short_prefixes: Vec<u64>,
    /// For each automaton pattern: the alias and the entries it names (empty: a block).
    pub(super) pattern_targets: Vec<(String, Vec<usize>)>,
    /// Read by the consistency test; `ambiguous_claims` is what the passes use.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) ambiguous: HashSet<String>,
    /// The entry lists of the patterns whose alias is listed as ambiguous.
    pub(super) ambiguous_claims: FastSet<Vec<usize>>,
    /// Read by the consistency test; tokens carry `T_STOP` from `Vocab::stops`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) stops: FastSet<&'static str>,
    pub(super) refs: PhraseSet<RefTarget>,
    pub(super) roles: PhraseSet<RoleDef>,
    pub(super) heads: Vec<Head>,
    /// Heads by the number of their first word in lower case, longest first.
    pub(super) heads_by_first: Vec<Vec<usize>>,
    pub(super) max_head_len: usize,
    pub(super) surname_endings: Vec<String>,
    pub(super) vocab: Vocab,
}

// The word tables are looked up once or twice per token, where std's SipHash showed up in
// profiles; FxHash is enough since no untrusted key decides the table's shape.
pub(super) type FastMap<K, V> = HashMap<K, V>;
pub(super) type FastSet<K> = HashSet<K>;

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(build_lexicon);
    &LEXICON
}

impl Lexicon {
    /// See `lookup`.
    pub(super) fn lookup(&self, name: &str) -> Option<&Place> {
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
    pub(super) fn ancestors(&self, name: &str) -> Vec<&'static str> {
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
    pub(super) fn lookup_index(&self, name: &str) -> Option<usize> {
        let place = self.lookup(name)?;
        self.index_of_name.get(place.name).copied()
    }

    /// The ancestors of a canonical name (`ancestors`, precomputed).
    pub(super) fn ancestors_of(&self, name: &str) -> &[&'static str] {
        self.index_of_name
            .get(name)
            .and_then(|&p| self.place_ancestors.get(p))
            .map_or(&[], Vec::as_slice)
    }
}

/// The kind of entity in column `i` of a data row.
pub(super) fn entity_kind(row: &Row, i: usize) -> Result<EntityKind, DataError> {
    let name = row.get(i);
    EntityKind::from_name(name).ok_or_else(|| row.error(format_args!("unknown kind {name:?}")))
}

pub(super) fn list_column(cell: Option<&'static str>) -> Vec<&'static str> {
    match cell {
        None | Some("-") => Vec::new(),
        Some(c) => c
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .collect(),
    }
}

pub(super) fn normalise_key(name: &str) -> String {
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

pub(super) fn build_lexicon() -> Lexicon {
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
pub(super) fn prefix_key(a: u8, b: u8, c: u8) -> usize {
    let v = u32::from_le_bytes([
        a.to_ascii_lowercase(),
        b.to_ascii_lowercase(),
        c.to_ascii_lowercase(),
        0,
    ]);
    (v.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

pub(super) fn parse_ref_target(target: &str) -> Option<RefTarget> {
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
pub(super) fn alias_variants(place: &Place, alias: &str) -> Vec<String> {
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
