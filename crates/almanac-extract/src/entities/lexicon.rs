//! The entity layer's data, read once: the gazetteer with its aliases and their automaton,
//! the words of references, roles and stops, and the heads of organisation names, their
//! words by their numbers in the vocabulary (`crate::vocabulary`).

use std::sync::{LazyLock, OnceLock};

use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::MatchKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::data::{self, DataError, Row};
use crate::vocabulary::{vocabulary_size, word_id, WordId, UNKNOWN};

use super::doc::{phrase_words, Doc};
use super::{EntityKind, Place};

/// What a reference phrase points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum RefTarget {
    /// The last entity of one of these kinds; with a head filter for the fallback to a
    /// gazetteer zone (`industrial zone`, `sez`).
    Kinds(Vec<EntityKind>, Option<String>),
    /// The capital of the country in view.
    Capital,
    /// The administrative centre of the region in view (`the regional centre`).
    Centre,
    /// One fixed gazetteer entry (`the southern capital`).
    Fixed(String),
    /// The entity of one of these kinds that the document names most, the first named on a
    /// tie, wherever it stands (`регион`: a Russian report says it of its own region, though
    /// it names another just before); none when the document names none.
    Main(Vec<EntityKind>),
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
    /// `Akimat of {place}`, `{place} International Airport`: the canonical name of the place
    /// named in {x} between a literal before and after it; for a place the gazetteer lacks,
    /// the name after `|` around {x} as written (`международный аэропорт «{x}»`), else the
    /// same literals around {x}.
    Place(
        &'static str,
        &'static str,
        Option<(&'static str, &'static str)>,
    ),
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
    /// own capitalised entry). A head before its name may also open a sentence
    /// (`Индустриальная зона «Береке» создана ...`): the capital is the sentence's.
    pub(super) fn at(&self, doc: &Doc, j: usize) -> bool {
        if self.exact {
            doc.matches_exact(j, &self.ids, &self.words)
        } else {
            doc.matches_ids(j, &self.ids)
                && (!doc.is_cap(j) || self.prefix && doc.has(j, super::doc::T_INITIAL))
        }
    }
}

/// Words the rules name directly; the vocabulary numbers them first, so their numbers are
/// the constants below.
pub(crate) const FIXED_WORDS: [&str; 12] = [
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

// What a word is in the tables (`Lexicon::word_flags`); a token's flags begin with these.
pub(super) const F_CONNECTOR: u8 = 1;
pub(super) const F_ROLE_FIRST: u8 = 2;
/// The word has stop forms (`stop_forms`): a token of it may be a stop word.
pub(super) const F_STOP_FORM: u8 = 4;
/// A head of an organisation name starts with the word (`heads_by_first`).
pub(super) const F_HEAD_FIRST: u8 = 8;
/// One of the word's stop forms starts with a small letter (most are capitalised: `The`),
/// so that a token in small letters may be one.
pub(super) const F_STOP_SMALL: u8 = 16;

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

    pub(super) fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<WordId> = phrase_words(phrase).into_iter().map(number).collect();
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
    /// What `lookup_by_key` gives for each canonical name as written.
    lookup_as_written: FastMap<&'static str, usize>,
    /// `ancestors` of each entry's canonical name.
    pub(super) place_ancestors: Vec<Vec<&'static str>>,
    /// The automaton of the patterns that do not start in Cyrillic, and the pattern (of
    /// `pattern_targets`) each of its patterns is.
    pub(super) matcher: Option<NFA>,
    pub(super) matcher_patterns: Vec<usize>,
    /// The same of the patterns that start in Cyrillic (`starts_cyrillic`): built at the
    /// first text that needs it, since they are two thirds of all and an English text never
    /// does (its build would double every process's start-up).
    cyrillic_matcher: OnceLock<Option<NFA>>,
    pub(super) cyrillic_patterns: Vec<usize>,
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
    /// Read by the consistency test; tokens carry `T_STOP` from `stop_forms`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) stops: FastSet<&'static str>,
    pub(super) refs: PhraseSet<RefTarget>,
    pub(super) roles: PhraseSet<RoleDef>,
    pub(super) heads: Vec<Head>,
    /// Heads by the number of their first word in lower case, longest first.
    pub(super) heads_by_first: Vec<Vec<usize>>,
    pub(super) max_head_len: usize,
    pub(super) surname_endings: Vec<String>,
    /// Legal forms written after a company's name (`LLP`, `JSC`), as written.
    pub(super) legal_forms: Vec<&'static str>,
    /// Nouns that make the name set before them a company (`X, a copper producer`).
    pub(super) company_nouns: Vec<WordId>,
    /// Words that close a company's name after its trade head (`Zhambyl Cement Invest`), in
    /// lower case, as word numbers.
    pub(super) company_tails: Vec<WordId>,
    /// `F_CONNECTOR`, `F_ROLE_FIRST`, `F_STOP_FORM` and `F_HEAD_FIRST`, by word number.
    pub(super) flags_by_id: Vec<u8>,
    /// The stop words as written, by the number of their lower-case form.
    pub(super) stop_forms: Vec<Vec<&'static str>>,
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
    /// The automaton that finds the names starting at the start of `text`, and the patterns
    /// of its pattern numbers.
    pub(super) fn matcher_at(&self, text: &str) -> (Option<&NFA>, &[usize]) {
        if starts_cyrillic(text) {
            let matcher = self.cyrillic_matcher.get_or_init(|| {
                build_matcher(
                    self.cyrillic_patterns
                        .iter()
                        .map(|&k| self.pattern_targets[k].0.as_str()),
                )
            });
            (matcher.as_ref(), &self.cyrillic_patterns)
        } else {
            (self.matcher.as_ref(), &self.matcher_patterns)
        }
    }

    /// `F_CONNECTOR`, `F_ROLE_FIRST`, `F_STOP_FORM` and `F_HEAD_FIRST` of a word.
    #[inline]
    pub(super) fn word_flags(&self, id: WordId) -> u8 {
        self.flags_by_id.get(id as usize).copied().unwrap_or(0)
    }

    /// Whether a token is a stop word as written.
    #[inline]
    pub(super) fn is_stop(&self, id: WordId, word: &str) -> bool {
        self.stop_forms
            .get(id as usize)
            .is_some_and(|forms| forms.contains(&word))
    }

    /// See `lookup`.
    pub(super) fn lookup(&self, name: &str) -> Option<&Place> {
        // The fact layer asks mostly for canonical names, many times a figure: those are
        // answered as written, without building a normalised key.
        let idx = match self.lookup_as_written.get(name) {
            Some(&idx) => Some(idx),
            None => self.lookup_by_key(name),
        };
        idx.and_then(|idx| self.places.get(idx))
    }

    /// The entry a name names, by its normalised key: a canonical name before an alias.
    fn lookup_by_key(&self, name: &str) -> Option<usize> {
        let key = normalise_key(name);
        if let Some(&idx) = self.by_name.get(&key) {
            return Some(idx);
        }
        self.by_alias
            .get(&key)
            .and_then(|idxs| idxs.first())
            .copied()
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
    crate::tokens::to_lowercase(&key)
}

/// The number of a word of the tables, which the vocabulary holds (`vocabulary_words`).
fn number(word: &str) -> WordId {
    let id = word_id(word);
    assert_ne!(id, UNKNOWN, "{word:?} is not in the vocabulary");
    id
}

#[derive(Clone, Copy)]
enum WordClass {
    Stop,
    Connector,
    Block,
    Ambiguous,
    SurnameEnding,
    LegalForm,
    CompanyTail,
    CompanyNoun,
    Ref,
}

/// The rows of the entity layer's word files, read before any word is numbered.
struct WordRows {
    words: Vec<(WordClass, &'static str, Option<RefTarget>)>,
    /// Phrase, role, whether `the <phrase>` refers back.
    roles: Vec<(&'static str, &'static str, bool)>,
    /// Phrase, prefix (or suffix), kind, template, company.
    heads: Vec<(&'static str, bool, EntityKind, Template, bool)>,
}

fn word_rows() -> WordRows {
    let mut read_word = |row: &data::Row| {
        let class = row.choice(
            0,
            &[
                ("stop", WordClass::Stop),
                ("connector", WordClass::Connector),
                ("block", WordClass::Block),
                ("ambiguous", WordClass::Ambiguous),
                ("surname_ending", WordClass::SurnameEnding),
                ("legal_form", WordClass::LegalForm),
                ("company_noun", WordClass::CompanyNoun),
                ("company_tail", WordClass::CompanyTail),
                ("ref", WordClass::Ref),
            ],
            None,
        )?;
        let target = match class {
            WordClass::Ref => {
                let target = row.opt(2).unwrap_or("");
                let parsed = parse_ref_target(target)
                    .ok_or_else(|| row.error(format_args!("bad target {target:?}")))?;
                Some(parsed)
            }
            _ if row.opt(2).is_some() => return Err(row.error("a target is for `ref` only")),
            _ => None,
        };
        Ok((class, row.get(1), target))
    };
    // The Russian rows follow the English ones (`data/*_ru.tsv`).
    let mut words = data::ENTITY_WORDS.load(&mut read_word);
    words.extend(data::ENTITY_WORDS_RU.load(read_word));
    let roles = data::ROLES.load(|row| {
        let refers = row.choice(2, &[("yes", true), ("no", false)], Some(false))?;
        Ok((row.get(0), row.get(1), refers))
    });
    let mut read_head = |row: &data::Row| {
        let prefix = row.choice(1, &[("prefix", true), ("suffix", false)], None)?;
        let kind = entity_kind(row, 2)?;
        let template = match row.get(3) {
            "{run}" => Template::Run,
            "{run-country}" => Template::RunCountry,
            "{x}" => Template::X,
            other if other.contains("{place}") => {
                let (known, unknown) = match other.split_once('|') {
                    Some((known, unknown)) => (known, Some(unknown)),
                    None => (other, None),
                };
                let (before, after) = known.split_once("{place}").unwrap_or((known, ""));
                let fallback = match unknown {
                    Some(u) => Some(u.split_once("{x}").ok_or_else(|| {
                        row.error(format_args!("name {other:?} has no {{x}} after |"))
                    })?),
                    None => None,
                };
                Template::Place(before, after, fallback)
            }
            other => match other.split_once("{x}") {
                Some((before, after)) => Template::Around(before, after),
                None => return Err(row.error(format_args!("name {other:?} has no {{x}}"))),
            },
        };
        let company = row.choice(4, &[("yes", true), ("no", false)], Some(false))?;
        Ok((row.get(0), prefix, kind, template, company))
    };
    let mut heads = data::ENTITY_HEADS.load(&mut read_head);
    heads.extend(data::ENTITY_HEADS_RU.load(read_head));
    WordRows {
        words,
        roles,
        heads,
    }
}

/// The words of the entity layer's tables, lower-cased, for the vocabulary: stop words and
/// connectors, the words of references and roles as the layer cuts text, the first word of
/// each role and the words of the heads.
pub(crate) fn vocabulary_words() -> Vec<String> {
    let rows = word_rows();
    let mut words = Vec::new();
    for (class, phrase, _) in rows.words {
        match class {
            WordClass::Stop
            | WordClass::Connector
            | WordClass::CompanyNoun
            | WordClass::CompanyTail => words.push(phrase.to_lowercase()),
            WordClass::Ref => words.extend(phrase_words(phrase).iter().map(|w| w.to_lowercase())),
            WordClass::Block
            | WordClass::Ambiguous
            | WordClass::SurnameEnding
            | WordClass::LegalForm => {}
        }
    }
    for (phrase, _, _) in rows.roles {
        words.extend(phrase.split_whitespace().next().map(str::to_lowercase));
        words.extend(phrase_words(phrase).iter().map(|w| w.to_lowercase()));
    }
    for (phrase, ..) in rows.heads {
        words.extend(phrase.split_whitespace().map(str::to_lowercase));
    }
    words
}

pub(super) fn build_lexicon() -> Lexicon {
    let places = data::GAZETTEER.load(|row| {
        let kind = entity_kind(row, 1)?;
        let flags = list_column(row.opt(5));
        if let Some(flag) = flags
            .iter()
            .find(|f| !["capital", "centre", "media", "government", "venue"].contains(f))
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
            centre: flags.contains(&"centre"),
            venue: flags.contains(&"venue"),
            held: list_column(row.opt(6)),
            company: kind == EntityKind::Organisation
                && !flags.contains(&"media")
                && !flags.contains(&"government")
                && !flags.contains(&"venue"),
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
    // Russian names and their case forms (`data/gazetteer_ru.tsv`) name the same entries.
    for (name, forms) in data::GAZETTEER_RU.load(|row| Ok((row.get(0), list_column(row.opt(1))))) {
        let Some(&idx) = by_name.get(&normalise_key(name)) else {
            panic!("data/gazetteer_ru.tsv: {name:?} is not a name of data/gazetteer.tsv");
        };
        for form in forms {
            let regional = crate::ru::names::regional_forms(form);
            for variant in crate::ru::names::case_forms(form)
                .into_iter()
                .chain(regional)
            {
                let claims = by_alias.entry(normalise_key(&variant)).or_default();
                if !claims.contains(&idx) {
                    claims.push(idx);
                }
                add_pattern(variant, Some(idx));
            }
        }
    }

    let size = vocabulary_size();
    let mut flags_by_id = vec![0u8; size];
    let mut stop_forms: Vec<Vec<&'static str>> = vec![Vec::new(); size];
    let mut stops = FastSet::default();
    let mut refs = PhraseSet::new();
    let mut ambiguous = HashSet::default();
    let mut surname_endings = Vec::new();
    let mut legal_forms = Vec::new();
    let mut company_nouns = Vec::new();
    let mut company_tails = Vec::new();
    let rows = word_rows();
    for (class, phrase, target) in rows.words {
        match class {
            WordClass::Stop => {
                stops.insert(phrase);
                let id = number(&phrase.to_lowercase()) as usize;
                stop_forms[id].push(phrase);
                flags_by_id[id] |= F_STOP_FORM;
                if !phrase.chars().next().is_some_and(char::is_uppercase) {
                    flags_by_id[id] |= F_STOP_SMALL;
                }
            }
            WordClass::Connector => {
                flags_by_id[number(&phrase.to_lowercase()) as usize] |= F_CONNECTOR;
            }
            WordClass::Block => add_pattern(phrase.to_string(), None),
            WordClass::Ambiguous => {
                ambiguous.insert(normalise_key(phrase));
            }
            WordClass::SurnameEnding => surname_endings.push(phrase.to_lowercase()),
            WordClass::LegalForm => legal_forms.push(phrase),
            WordClass::CompanyNoun => company_nouns.push(number(&phrase.to_lowercase())),
            WordClass::CompanyTail => company_tails.push(number(&phrase.to_lowercase())),
            WordClass::Ref => {
                if let Some(t) = target {
                    refs.insert(phrase, t);
                }
            }
        }
    }

    let mut roles = PhraseSet::new();
    for (phrase, role, refers) in rows.roles {
        if let Some(first) = phrase.split_whitespace().next() {
            flags_by_id[number(&first.to_lowercase()) as usize] |= F_ROLE_FIRST;
        }
        roles.insert(phrase, RoleDef { role, refers });
    }

    let mut heads = Vec::new();
    for (phrase, prefix, kind, template, company) in rows.heads {
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
            ids: words.iter().map(|w| number(&w.to_lowercase())).collect(),
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
            flags_by_id[first] |= F_HEAD_FIRST;
        }
    }
    let max_head_len = heads.iter().map(|h| h.words.len()).max().unwrap_or(0);

    let pattern_strings: Vec<&str> = patterns.iter().map(|(p, _)| p.as_str()).collect();
    let (cyrillic_patterns, matcher_patterns): (Vec<usize>, Vec<usize>) =
        (0..patterns.len()).partition(|&k| starts_cyrillic(&patterns[k].0));
    let matcher = build_matcher(matcher_patterns.iter().map(|&k| pattern_strings[k]));
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
        lookup_as_written: FastMap::default(),
        place_ancestors: Vec::new(),
        matcher,
        matcher_patterns,
        cyrillic_matcher: OnceLock::new(),
        cyrillic_patterns,
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
        legal_forms,
        company_nouns,
        company_tails,
        flags_by_id,
        stop_forms,
    };
    lex.lookup_as_written = lex
        .places
        .iter()
        .filter_map(|p| Some((p.name, lex.lookup_by_key(p.name)?)))
        .collect();
    lex.place_ancestors = lex.places.iter().map(|p| lex.ancestors(p.name)).collect();
    lex
}

/// Whether a name or a text starts with a Cyrillic letter, or with a mark before one
/// (`«Самрук-Казына»`).
fn starts_cyrillic(s: &str) -> bool {
    let mut chars = s.chars();
    let first = chars.next();
    let cyrillic = |c: Option<char>| c.is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    cyrillic(first) || first.is_some_and(|c| !c.is_alphanumeric()) && cyrillic(chars.next())
}

/// A contiguous NFA, not a DFA: building the DFA took about 15 ms of every process's
/// start-up (the issue allows 20 ms for all of it) and searching with it was only ~5%
/// faster over a whole extraction.
fn build_matcher<'a>(patterns: impl Iterator<Item = &'a str>) -> Option<NFA> {
    NFA::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(patterns)
        .ok()
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
    if target == "centre" {
        return Some(RefTarget::Centre);
    }
    if let Some(name) = target.strip_prefix('=') {
        return Some(RefTarget::Fixed(name.to_string()));
    }
    if let Some(kinds) = target.strip_prefix("main ") {
        let kinds: Vec<EntityKind> = kinds.split('|').filter_map(EntityKind::from_name).collect();
        return (!kinds.is_empty()).then_some(RefTarget::Main(kinds));
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

/// The spellings an alias is matched in: as written, `X oblast` and `X regional` (`the Abai
/// regional maslikhat`) for `X region`, the forms
/// of a special economic zone's name, and the dash variants.
pub(super) fn alias_variants(place: &Place, alias: &str) -> Vec<String> {
    let mut forms = vec![alias.to_string()];
    if let Some(stem) = alias.strip_suffix(" region") {
        forms.push(format!("{stem} oblast"));
        forms.push(format!("{stem} regional"));
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
