//! Word classes from the project's word lists (first names, surnames, name particles, places,
//! lower-case Dutch words), kept as one Bloom filter so that the boundary model can ask "is
//! `Mark` a first name, is `Kiesdrempel` a common noun?" without carrying the lists as text.
//!
//! A Bloom filter answers "maybe in the list" or "surely not"; with 2^22 bits for the ~460,000
//! entries and 6 probes, about 1 in 100 words not in a list is taken to be in it.

use std::path::Path;

/// A first name (`jan`, `helga`).
pub const FIRST_NAME: u8 = 1;
/// A surname (`peumans`, `jansen`).
pub const SURNAME: u8 = 2;
/// A name particle (`van`, `de`, `der`).
pub const PARTICLE: u8 = 4;
/// A place (`antwerpen`, `limburg`).
pub const PLACE: u8 = 8;
/// A word Dutch writes in lower case (`landbouw`, `kiesdrempel`, `het`).
pub const LOWER_CASE: u8 = 16;

/// A verb form (`daalt`, `werd`), from the words a tagged corpus marks as verbs (see
/// [`WordClasses::insert_conll2002_verbs`]).
pub const VERB: u8 = 32;

/// Every class, in bit order.
const CLASSES: &[u8] = &[FIRST_NAME, SURNAME, PARTICLE, PLACE, LOWER_CASE, VERB];

/// The classes and the word list files (under `lexicons/`) they are read from.
pub const LISTS: &[(u8, &str)] = &[
    (FIRST_NAME, "first-names.txt"),
    (SURNAME, "surnames.txt"),
    (PARTICLE, "name-particles.txt"),
    (PLACE, "places.txt"),
    (LOWER_CASE, "lower-words.txt"),
];

/// Probes per word and class.
const PROBES: u64 = 6;

/// A Bloom filter over (class, lower-case word) pairs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordClasses {
    /// log2 of the number of bits (0 for an empty filter that knows no word).
    bits: u32,
    /// The bits, 64 to a word.
    words: Vec<u64>,
}

impl WordClasses {
    /// An empty filter of 2^`bits` bits.
    pub fn new(bits: u32) -> Self {
        WordClasses {
            bits,
            words: vec![0; (1usize << bits) / 64],
        }
    }

    /// Reads the lists of [`LISTS`] from `folder` (one lower-case entry per line; entries of
    /// more than one word are skipped).
    pub fn from_lists(folder: &Path, bits: u32) -> std::io::Result<Self> {
        let mut classes = WordClasses::new(bits);
        for &(class, file) in LISTS {
            let path = folder.join(file);
            let content = std::fs::read_to_string(&path).map_err(|error| {
                std::io::Error::new(error.kind(), format!("{}: {error}", path.display()))
            })?;
            for word in content.lines().map(str::trim) {
                if !word.is_empty() && !word.contains(' ') {
                    classes.insert(class, word);
                }
            }
        }
        Ok(classes)
    }

    /// Adds a lower-case word to a class.
    pub fn insert(&mut self, class: u8, word: &str) {
        let (h1, h2) = pair_hash(class, word_hash(word.chars()));
        for k in 0..PROBES {
            let bit = self.bit(h1, h2, k);
            self.words[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Adds to [`VERB`] the lower-case words tagged `V` in a CoNLL-2002 file's contents
    /// (`word POS tag` lines).
    pub fn insert_conll2002_verbs(&mut self, content: &str) {
        for line in content.lines() {
            let mut columns = line.split_whitespace();
            if let (Some(word), Some("V")) = (columns.next(), columns.next()) {
                if word.chars().all(char::is_lowercase) {
                    self.insert(VERB, word);
                }
            }
        }
    }

    /// Whether `word` (any case) may belong to `class` (one class constant); cheaper than
    /// [`classes_of`](Self::classes_of) when one class is asked about.
    pub fn contains(&self, class: u8, word: &str) -> bool {
        self.bits != 0
            && self.is_member(class, word_hash(word.chars().flat_map(char::to_lowercase)))
    }

    /// Whether the filter holds `class` with the word of hash `word`.
    fn is_member(&self, class: u8, word: u64) -> bool {
        let (h1, h2) = pair_hash(class, word);
        (0..PROBES).all(|k| {
            let bit = self.bit(h1, h2, k);
            self.words[bit / 64] & (1 << (bit % 64)) != 0
        })
    }

    /// The classes `word` (any case) may belong to, as a bit set of the class constants.
    pub fn classes_of(&self, word: &str) -> u8 {
        if self.bits == 0 {
            return 0;
        }
        let mut found = 0;
        let word = word_hash(word.chars().flat_map(char::to_lowercase));
        for &class in CLASSES {
            if self.is_member(class, word) {
                found |= class;
            }
        }
        found
    }

    /// The bit of probe `k` (double hashing).
    fn bit(&self, h1: u64, h2: u64, k: u64) -> usize {
        (h1.wrapping_add(k.wrapping_mul(h2)) >> (64 - self.bits)) as usize
    }

    /// The filter as bytes: log2 of its size (u32), then its bits.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(4 + 8 * self.words.len());
        bytes.extend_from_slice(&self.bits.to_le_bytes());
        for word in &self.words {
            bytes.extend_from_slice(&word.to_le_bytes());
        }
        bytes
    }

    /// Reads a filter written by [`to_bytes`](Self::to_bytes); `None` if the bytes do not hold one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let bits = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?);
        if bits == 0 {
            return (bytes.len() == 4).then(WordClasses::default);
        }
        if !(6..=30).contains(&bits) || bytes.len() != 4 + (1usize << bits) / 8 {
            return None;
        }
        let words = bytes[4..]
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        Some(WordClasses { bits, words })
    }
}

/// FNV-1a hash of a word's characters.
fn word_hash(chars: impl Iterator<Item = char>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        let mut buffer = [0u8; 4];
        for &b in c.encode_utf8(&mut buffer).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Two 64-bit hashes of a class and a word hash (two different mixes).
fn pair_hash(class: u8, word: u64) -> (u64, u64) {
    let h = word ^ u64::from(class).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mix = |mut x: u64| {
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    };
    (mix(h), mix(h ^ 0x9e37_79b9_7f4a_7c15) | 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_in_their_classes_only() {
        let mut classes = WordClasses::new(16);
        classes.insert(FIRST_NAME, "helga");
        classes.insert(LOWER_CASE, "landbouw");
        assert_eq!(classes.classes_of("Helga"), FIRST_NAME);
        assert_eq!(classes.classes_of("LANDBOUW"), LOWER_CASE);
        assert_eq!(classes.classes_of("Peumans"), 0);
        let copy = WordClasses::from_bytes(&classes.to_bytes()).unwrap();
        assert_eq!(copy, classes);
        assert_eq!(WordClasses::default().classes_of("helga"), 0);
        classes.insert_conll2002_verbs("Marc N B-PER\ndaalt V O\nLeest V O\nsnel Adj O\n");
        assert_eq!(classes.classes_of("Daalt"), VERB);
        assert!(classes.contains(VERB, "daalt") && !classes.contains(FIRST_NAME, "daalt"));
        assert_eq!(classes.classes_of("leest") | classes.classes_of("snel"), 0);
    }
}
