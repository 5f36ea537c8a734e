//! The one word numbering of the extractor.
//!
//! Every word that a word list of any layer names (the quantity and fact lexicons, the time
//! words, the entity layer's references, roles, heads and stop words) has a `WordId`: the
//! number of its lower-case form. The token stream (`tokens`) looks each word of the text up
//! once, and every layer compares those numbers with the numbers of its own lists, so no
//! layer hashes or compares the text of a token again. A word that no list names is
//! `UNKNOWN`; so is every number, which no list names as a word.
//!
//! Case is Unicode lower case (`to_lowercase`), so `ALMATY`, `Almaty` and `almaty` share a
//! number, and so do the Kelvin sign `K` and `k`. A Cyrillic word is numbered by its stem
//! (`ru::stem`), so that a Russian list names a word once for all its case forms:
//! `месту`, `места` and `мест` share the number of `место`.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::swar::{load_word16, lower_packed, PackedWords};

/// The number of a lower-case word of the word lists.
pub(crate) type WordId = u32;

/// Every word that no word list names, and every number.
pub(crate) const UNKNOWN: WordId = 0;

/// The words of every list, lower-cased, numbered from 1 in order of first appearance.
/// Words of up to 16 ASCII bytes, which is nearly all of them, are keyed by their bytes
/// packed into an integer, so that looking a token up costs no string hashing.
pub(crate) struct Vocabulary {
    short: PackedWords,
    long: FxHashMap<String, WordId>,
    /// The numbers of the one-byte words (most marks), by byte.
    single: [WordId; 128],
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::build);

/// The vocabulary, built on first use from the word lists of every layer.
pub(crate) fn vocabulary() -> &'static Vocabulary {
    &VOCABULARY
}

/// The number of a word (in any case), `UNKNOWN` when no word list names it.
pub(crate) fn word_id(word: &str) -> WordId {
    VOCABULARY.id_of(word)
}

/// One more than the largest `WordId`, for tables indexed by word.
pub(crate) fn vocabulary_size() -> usize {
    VOCABULARY.len() + 1
}

impl Vocabulary {
    fn build() -> Self {
        let mut vocabulary = Vocabulary {
            short: PackedWords::new(),
            long: FxHashMap::default(),
            single: [UNKNOWN; 128],
        };
        // The entity layer names a few words by fixed numbers (`W_THE`...): they come first.
        for word in crate::entities::FIXED_WORDS {
            vocabulary.insert(word);
        }
        for word in crate::lexicon::vocabulary_words() {
            vocabulary.insert(&word);
        }
        for word in crate::entities::vocabulary_words() {
            vocabulary.insert(&word);
        }
        for word in crate::times::vocabulary_words() {
            vocabulary.insert(word);
        }
        for b in 0..128u8 {
            vocabulary.single[usize::from(b)] =
                vocabulary.id_in_maps(char::from(b).encode_utf8(&mut [0; 4]));
        }
        vocabulary
    }

    /// Numbers a word given in lower case, unless it has a number already.
    fn insert(&mut self, lower: &str) {
        if lower.is_empty() || lower.bytes().all(|b| b.is_ascii_digit()) {
            return;
        }
        let lower = crate::ru::stem::key(lower);
        let lower = lower.as_ref();
        let id = self.len() as WordId + 1;
        match packed(lower) {
            Some(key) => {
                self.short.get_or_insert(key, id);
            }
            None => {
                self.long.entry(lower.to_string()).or_insert(id);
            }
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The number of a word, compared without regard to case.
    #[inline]
    pub(crate) fn id_of(&self, word: &str) -> WordId {
        if let [b] = *word.as_bytes() {
            if let Some(&id) = self.single.get(usize::from(b)) {
                return id;
            }
        }
        self.id_in_maps(word)
    }

    /// `id_of` of `text[span]`: the same number, but a short ASCII word is read in one load
    /// from the text around it rather than copied out byte by byte.
    #[inline]
    pub(crate) fn id_at(&self, text: &str, span: std::ops::Range<usize>) -> WordId {
        if span.len() >= 2 {
            if let Some(key) = load_word16(text.as_bytes(), span.clone()).and_then(lower_packed) {
                return self.short.get(key);
            }
        }
        self.id_of(&text[span])
    }

    /// The number of a lower-case ASCII word of 1 to 16 bytes packed as `load_word16` packs
    /// it.
    #[inline]
    pub(crate) fn id_packed(&self, key: u128) -> WordId {
        self.short.get(key)
    }

    /// The number of a one-byte word (an ASCII mark or letter), in any case.
    #[inline]
    pub(crate) fn id_of_byte(&self, b: u8) -> WordId {
        self.single.get(usize::from(b)).copied().unwrap_or(UNKNOWN)
    }

    /// `id_of` without the table of one-byte words (which it fills).
    fn id_in_maps(&self, word: &str) -> WordId {
        let found = if let Some(key) = packed_lower(word) {
            return self.short.get(key);
        } else if word.is_ascii() {
            self.long.get(word.to_ascii_lowercase().as_str())
        } else {
            return self.id_of_non_ascii(word);
        };
        found.copied().unwrap_or(UNKNOWN)
    }

    /// The number of a word with non-ASCII letters, remembered by the thread: a Cyrillic
    /// word is stemmed before it is looked up (`ru::stem`), which costs far more than the
    /// lookup, and the words of a text come back again and again.
    fn id_of_non_ascii(&self, word: &str) -> WordId {
        NON_ASCII_IDS.with_borrow_mut(|known| {
            if let Some(&id) = known.get(word) {
                return id;
            }
            let lowered = crate::ru::stem::key(&crate::tokens::to_lowercase(word)).into_owned();
            let id = match packed(&lowered) {
                Some(key) => self.short.get(key),
                None => self.long.get(lowered.as_str()).copied().unwrap_or(UNKNOWN),
            };
            // Bounded: a corpus of many languages must not grow it without end.
            if known.len() >= NON_ASCII_IDS_KEPT {
                known.clear();
            }
            known.insert(word.into(), id);
            id
        })
    }
}

/// How many non-ASCII words a thread remembers the numbers of (some megabytes).
const NON_ASCII_IDS_KEPT: usize = 1 << 16;

thread_local! {
    /// The numbers of the non-ASCII words this thread has looked up, as written.
    static NON_ASCII_IDS: std::cell::RefCell<FxHashMap<Box<str>, WordId>> =
        std::cell::RefCell::new(FxHashMap::default());
}

/// The bytes of a lower-case ASCII word of 1 to 16 bytes, as one integer.
fn packed(word: &str) -> Option<u128> {
    (!word.is_empty() && word.len() <= 16 && word.is_ascii()).then(|| {
        let mut buf = [0u8; 16];
        buf[..word.len()].copy_from_slice(word.as_bytes());
        u128::from_le_bytes(buf)
    })
}

/// `packed` of the lower-case form of an ASCII word; `None` for other words.
///
/// All sixteen bytes are tested and lower-cased at once: a loop over the bytes costs a
/// mispredicted branch at the end of nearly every word.
#[inline]
fn packed_lower(word: &str) -> Option<u128> {
    if word.is_empty() || word.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word.as_bytes());
    lower_packed(u128::from_le_bytes(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of the lists in any case, words not in them, words over 16 bytes, non-ASCII.
    fn words_and_marks() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let words = proptest::sample::select(vec![
            "Million",
            "TENGE",
            "percent",
            "jobs",
            "Tenge",
            "billion",
            "a",
            "of",
            "KZT",
            "state-owned",
            "twenty-nine",
            "Almaty",
            "investmentsinvestments",
            "ВВП",
            "тенге",
            "Ü",
            "1,074.5",
            "’s",
            "-",
            ",",
            "\u{212A}m",
            "Akimat",
            "LLP",
            "Kassym-Jomart",
            "Akmolinskayaoblastregion",
            "Шымкент",
            "beginning",
            "Quarter",
        ]);
        proptest::collection::vec(words, 0..12).prop_map(|w| w.join(" "))
    }

    proptest::proptest! {
        #[test]
        fn id_at_is_id_of_for_every_word(text in words_and_marks()) {
            for word in text.split(' ').filter(|w| !w.is_empty()) {
                let start = word.as_ptr() as usize - text.as_ptr() as usize;
                proptest::prop_assert_eq!(
                    VOCABULARY.id_at(&text, start..start + word.len()),
                    VOCABULARY.id_of(word),
                    "{:?}", word
                );
            }
        }

        #[test]
        fn packed_lower_is_packed_of_the_lower_case_word(word in "[ -~]{0,20}") {
            proptest::prop_assert_eq!(packed_lower(&word), packed(&word.to_ascii_lowercase()));
        }
    }

    #[test]
    fn words_of_every_layer_have_one_number_in_any_case() {
        // A quantity word, an entity word, a time word, and a mark.
        for word in [
            "million",
            "tenge",
            "akimat",
            "llp",
            "beginning",
            "quarter",
            "$",
            "%",
        ] {
            let id = word_id(word);
            assert_ne!(id, UNKNOWN, "{word}");
            assert_eq!(word_id(&word.to_uppercase()), id, "{word}");
        }
        assert_ne!(word_id("million"), word_id("tenge"));
        assert_eq!(word_id("xyzzy"), UNKNOWN);
        // Numbers are no words, even where a list writes one in another column.
        assert_eq!(word_id("1"), UNKNOWN);
        assert_eq!(word_id("2021"), UNKNOWN);
        // Non-ASCII words are lower-cased the Unicode way before the lookup.
        assert_ne!(word_id("₸"), UNKNOWN);
        assert_ne!(word_id("m²"), UNKNOWN);
        assert_eq!(word_id("M²"), word_id("m²"));
        assert_eq!(word_id("\u{212A}m"), word_id("km"));
        assert!(vocabulary_size() > 500);
    }

    #[test]
    fn the_entity_layers_fixed_words_have_their_fixed_numbers() {
        for (k, word) in crate::entities::FIXED_WORDS.iter().enumerate() {
            assert_eq!(word_id(word), k as WordId + 1, "{word}");
        }
    }
}
