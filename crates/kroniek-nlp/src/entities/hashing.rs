//! Allocation-free hashing of words and feature strings (FxHash-style), shared by the
//! gazetteer keys and the hashed feature table.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x517c_c1b7_2722_0a95;

/// Folds `value` into the running hash `state`.
#[inline]
pub fn mix(state: u64, value: u64) -> u64 {
    (state.rotate_left(5) ^ value).wrapping_mul(SEED)
}

/// Hash of a word's lowercase form, computed char by char without allocating.
#[inline]
pub fn hash_lower(word: &str) -> u64 {
    let mut h = 0x2545_f491_4f6c_dd1d;
    for c in word.chars() {
        if c.is_ascii() {
            h = mix(h, c.to_ascii_lowercase() as u64);
        } else {
            for l in c.to_lowercase() {
                h = mix(h, l as u64);
            }
        }
    }
    h
}

/// Hash of a word exactly as written.
#[inline]
pub fn hash_exact(word: &str) -> u64 {
    let mut h = 0x1f83_d9ab_fb41_bd6b;
    for c in word.chars() {
        h = mix(h, c as u64);
    }
    h
}

/// Key of a phrase of lowercase-word hashes (one word: the hash with a length marker).
#[inline]
pub fn phrase_key(word_hashes: &[u64]) -> u64 {
    let mut h = 0x6a09_e667_f3bc_c908 ^ word_hashes.len() as u64;
    for w in word_hashes {
        h = mix(h, *w);
    }
    h
}

/// Key of a phrase written as text: whitespace-separated words, compared lowercase.
pub fn phrase_key_of(text: &str) -> u64 {
    let hashes: Vec<u64> = text.split_whitespace().map(hash_lower).collect();
    phrase_key(&hashes)
}

/// Index of a hash in a table of `2^bits` buckets (high bits after a multiply: well spread).
#[inline]
pub fn bucket(hash: u64, bits: u32) -> u32 {
    (mix(hash, 0x9e37_79b9_7f4a_7c15).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as u32
}

/// A `Hasher` for keys that are already hashes: passes the u64 through.
#[derive(Default, Clone, Copy)]
pub struct PrehashedHasher(u64);

impl Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// Build-hasher for maps and sets keyed by precomputed hashes.
pub type Prehashed = BuildHasherDefault<PrehashedHasher>;

/// A table from word hashes to `N` class numbers (word classes, name classes).
pub type ClassTable<const N: usize> = HashMap<u64, [u16; N], Prehashed>;

/// Serialises a class table as a u64 count, then (u64 word hash, u16 class per level) sorted
/// by hash, so the same table always gives the same bytes.
pub fn class_table_to_bytes<const N: usize>(table: &ClassTable<N>) -> Vec<u8> {
    let mut entries: Vec<(u64, [u16; N])> = table.iter().map(|(k, v)| (*k, *v)).collect();
    entries.sort_unstable();
    let mut out = Vec::with_capacity(8 + entries.len() * (8 + 2 * N));
    out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
    for (hash, classes) in entries {
        out.extend_from_slice(&hash.to_le_bytes());
        for class in classes {
            out.extend_from_slice(&class.to_le_bytes());
        }
    }
    out
}

/// Reads what [`class_table_to_bytes`] wrote; returns the table and the bytes it used.
pub fn class_table_from_bytes<const N: usize>(bytes: &[u8]) -> Option<(ClassTable<N>, usize)> {
    let entry_bytes = 8 + 2 * N;
    let count = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?) as usize;
    let body = bytes.get(8..8 + count.checked_mul(entry_bytes)?)?;
    let mut table = HashMap::with_capacity_and_hasher(count, Prehashed::default());
    for entry in body.chunks_exact(entry_bytes) {
        let hash = u64::from_le_bytes(entry[..8].try_into().ok()?);
        let mut classes = [0u16; N];
        for (level, class) in classes.iter_mut().enumerate() {
            *class = u16::from_le_bytes(entry[8 + 2 * level..10 + 2 * level].try_into().ok()?);
        }
        table.insert(hash, classes);
    }
    Some((table, 8 + count * entry_bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_hash_ignores_case_only() {
        assert_eq!(hash_lower("Oekraïne"), hash_lower("OEKRAÏNE"));
        assert_ne!(hash_lower("Oekraïne"), hash_lower("Oekraine"));
        assert_ne!(hash_exact("Navo"), hash_exact("NAVO"));
        assert_eq!(phrase_key_of("Verenigde  Staten"), phrase_key(&[hash_lower("verenigde"), hash_lower("staten")]));
    }

    #[test]
    fn buckets_stay_in_range() {
        for i in 0..1000u64 {
            assert!(bucket(i, 12) < 4096);
        }
    }
}
