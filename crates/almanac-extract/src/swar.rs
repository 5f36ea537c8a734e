//! Byte tests eight at a time ("SIMD within a register") for the inner loops of the tokenizer
//! and the vocabulary.
//!
//! A loop over the bytes of a word ends with a mispredicted branch at nearly every word; a
//! test of eight bytes at once ends most words in its first step.

/// `BYTES_01` times a byte: that byte in each of the 8 bytes of a `u64`.
pub(crate) const BYTES_01: u64 = u64::MAX / 0xff;

/// The high bit of each of the 8 bytes of a `u64`.
const HIGH_BITS_8: u64 = BYTES_01 * 0x80;

/// The 8 bytes of `bytes` from `at`, little-endian, if there are 8.
#[inline]
pub(crate) fn load8(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    Some(u64::from_le_bytes(chunk.try_into().ok()?))
}

/// The ASCII word `bytes[span]` of 1 to 16 bytes as one integer (little-endian, zeros after
/// the word), read in one load when 16 bytes follow its start; `None` for a longer or empty
/// span or one past the end.
///
/// `ab` and `ab\0` pack alike: keys are only taken of words, and no tokenizer puts a NUL
/// byte inside a word (it is a mark of its own).
#[inline]
pub(crate) fn load_word16(bytes: &[u8], span: std::ops::Range<usize>) -> Option<u128> {
    let len = span.len();
    if !(1..=16).contains(&len) {
        return None;
    }
    match bytes.get(span.start..span.start.checked_add(16)?) {
        Some(chunk) => {
            let v = u128::from_le_bytes(chunk.try_into().ok()?);
            Some(v & (u128::MAX >> (8 * (16 - len))))
        }
        None => {
            let mut buf = [0u8; 16];
            buf[..len].copy_from_slice(bytes.get(span)?);
            Some(u128::from_le_bytes(buf))
        }
    }
}

/// Sixteen bytes of ASCII (zeros after the word) lower-cased; `None` if any is not ASCII.
#[inline]
pub(crate) fn lower_packed(v: u128) -> Option<u128> {
    const HIGH_BITS_16: u128 = u128::from_le_bytes([0x80; 16]);
    if v & HIGH_BITS_16 != 0 {
        return None;
    }
    // With every byte below 0x80 no sum carries into the next byte: adding 0x3f sets the
    // high bit of bytes from `A` up, adding 0x25 that of bytes above `Z`.
    let from_a = v + u128::from_le_bytes([0x3f; 16]);
    let above_z = v + u128::from_le_bytes([0x25; 16]);
    let upper = from_a & !above_z & HIGH_BITS_16;
    Some(v | upper >> 2)
}

/// Words packed into integers (`load_word16`, `lower_packed`) and their numbers.
///
/// The words are kept in insertion order, and found through an open-addressing index of
/// two-byte positions kept at most one-eighth full: a word in no list (most words of a
/// text) is told by one multiplication and one read of that small index, which stays in
/// the fastest cache, where a table of whole keys would spill out of it. A word in the
/// table costs one more read and one comparison.
/// Number 0 is what `get` answers for a word not in the table.
pub(crate) struct PackedWords {
    /// 1 + the position in `words` of the word in each slot; 0 for an empty slot.
    index: Vec<u16>,
    words: Vec<(u128, u32)>,
}

impl PackedWords {
    pub(crate) fn new() -> Self {
        PackedWords {
            index: vec![0; 1024],
            words: Vec::new(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// The top bits of a multiplicative hash: a product's high bits depend on every bit
    /// of the folded key, its middle bits not on the top ones.
    #[inline]
    fn first_slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        let bits = self.index.len().trailing_zeros();
        (folded.wrapping_mul(0x517c_c1b7_2722_0a95) >> (64 - bits)) as usize
    }

    /// The number of `key`, 0 if the table does not hold it.
    #[inline]
    pub(crate) fn get(&self, key: u128) -> u32 {
        let mask = self.index.len() - 1;
        let mut k = self.first_slot(key);
        loop {
            let at = self.index[k];
            if at == 0 {
                return 0;
            }
            let (word, id) = self.words[usize::from(at) - 1];
            if word == key {
                return id;
            }
            k = (k + 1) & mask;
        }
    }

    /// The number of `key`, which becomes `id` (not 0) if the table did not hold it.
    ///
    /// # Panics
    ///
    /// When the table would hold more than 65,535 words (the word lists hold about a
    /// thousand).
    pub(crate) fn get_or_insert(&mut self, key: u128, id: u32) -> u32 {
        debug_assert_ne!(id, 0, "0 is the number of no word");
        let found = self.get(key);
        if found != 0 {
            return found;
        }
        assert!(self.words.len() < usize::from(u16::MAX), "too many words");
        self.words.push((key, id));
        if self.words.len() * 8 > self.index.len() {
            self.index = vec![0; self.index.len() * 2];
            for at in 1..=self.words.len() {
                self.put(at);
            }
        } else {
            self.put(self.words.len());
        }
        id
    }

    /// Puts the word at position `at - 1` of `words` in the index.
    fn put(&mut self, at: usize) {
        let mask = self.index.len() - 1;
        let mut k = self.first_slot(self.words[at - 1].0);
        while self.index[k] != 0 {
            k = (k + 1) & mask;
        }
        // `get_or_insert` keeps `words` within `u16`.
        self.index[k] = at as u16;
    }
}

/// The high bit of each byte of `chunk` that is an ASCII letter.
#[inline]
fn ascii_letter_bits(chunk: u64) -> u64 {
    // Lower-case letters: setting bit 5 of `A..Z` gives `a..z`, and no other byte below 0x80
    // lands in `a..z`. With the top bits cleared no sum below carries into the next byte,
    // so each byte's top bit tells: at least `a`, and above `z`.
    let low = (chunk | (BYTES_01 * 0x20)) & (BYTES_01 * 0x7f);
    let at_least_a = low + BYTES_01 * (0x80 - u64::from(b'a'));
    let above_z = low + BYTES_01 * (0x80 - u64::from(b'z') - 1);
    at_least_a & !above_z & !chunk & HIGH_BITS_8
}

/// How many ASCII letters `chunk` (8 bytes of text, little-endian) starts with.
#[inline]
pub(crate) fn leading_ascii_letters(chunk: u64) -> usize {
    ((!ascii_letter_bits(chunk) & HIGH_BITS_8).trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_byte_is_classified_as_the_standard_library_does() {
        for b in 0..=255u8 {
            let chunk = u64::from_le_bytes([b, b' ', b, b, b, b, b, b]);
            assert_eq!(
                leading_ascii_letters(chunk) > 0,
                b.is_ascii_alphabetic(),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn packed_words_keep_every_number_through_growth() {
        let mut table = PackedWords::new();
        for id in 1..5000u32 {
            let key = u128::from(id) * 0x0101_0101;
            assert_eq!(table.get_or_insert(key, id), id);
            assert_eq!(
                table.get_or_insert(key, id + 1),
                id,
                "the first number stays"
            );
        }
        assert_eq!(table.len(), 4999);
        for id in 1..5000u32 {
            assert_eq!(table.get(u128::from(id) * 0x0101_0101), id);
        }
        assert_eq!(table.get(7), 0);
    }

    proptest! {
        #[test]
        fn packed_words_are_their_ascii_lower_case(word in "[ -~]{0,20}", pad in "[ -~]{0,20}") {
            let text = format!("{word}{pad}");
            let packed = load_word16(text.as_bytes(), 0..word.len()).and_then(lower_packed);
            let expected = (1..=16).contains(&word.len()).then(|| {
                let mut buf = [0u8; 16];
                buf[..word.len()].copy_from_slice(word.to_ascii_lowercase().as_bytes());
                u128::from_le_bytes(buf)
            });
            prop_assert_eq!(packed, expected);
        }

    }
}
