//! Name classes: capitalised words grouped by what a multilingual text-embedding model knows
//! about them. Embedded alone, "Lufthansa", "Philips" and "Belgacom" lie close together, as do
//! "Duisburg" and "Bochum" or "Poetin" and "Stoltenberg", so a name the labelled training data
//! never showed can still share a class with names it did show.
//!
//! The vectors come from outside the program (`scripts/derive-name-embeddings.sh` embeds the
//! capitalised words of OpenTaal and of the training text with multilingual-e5-small);
//! `kroniek train ner --name-embeddings FILE` groups them by spherical k-means, one grouping
//! per level (coarse to fine), and gives each word the entity type its nearest labelled words
//! in the training data vote for (the word itself left out); the model stores only word hashes
//! and class numbers.
//! Words are looked up exactly as written; a genitive form ("Poetins", "KLM's", "Philips'")
//! falls back to its base form.

use super::hashing::{class_table_from_bytes, class_table_to_bytes, hash_exact, Prehashed};
use super::NerError;
use std::collections::HashMap;
use std::path::Path;

/// How many k-means groupings each word gets a class in.
pub const KMEANS_LEVELS: usize = 2;

/// Classes per word: the k-means groupings, then the neighbour-type code (see
/// [`neighbour_types`]).
pub const NAME_LEVELS: usize = KMEANS_LEVELS + 1;

/// The class counts of the k-means levels, coarse to fine.
pub const DEFAULT_NAME_CLASS_COUNTS: [usize; KMEANS_LEVELS] = [64, 512];

/// How often a word was labelled PER, ORG, LOC, MISC and O in the training data.
pub type TypeVotes = [u32; 5];

/// How many nearest labelled words vote on a word's type.
pub const TYPE_NEIGHBOURS: usize = 10;

/// Most classes per level.
pub const MAX_NAME_CLASSES: usize = 4096;

/// The class of a word the table does not hold (at every level).
pub const NO_NAME_CLASS: u16 = u16::MAX;

/// Most k-means passes per level (it stops earlier when no word changes class).
pub const KMEANS_PASSES: usize = 20;

/// Word vectors as written by `scripts/embed_words.py`: `KNE1`, u32 dimension, u32 word count,
/// then per word a u32 byte length and its UTF-8 bytes, then the f32 vectors row by row (all
/// little-endian).
#[derive(Clone, Debug, PartialEq)]
pub struct Embeddings {
    /// The words, in file order.
    pub words: Vec<String>,
    /// Floats per vector.
    pub dim: usize,
    /// `words.len() × dim` floats, row by row.
    pub vectors: Vec<f32>,
}

impl Embeddings {
    /// Reads an embeddings file.
    pub fn read(path: &Path) -> Result<Self, NerError> {
        let bytes = std::fs::read(path).map_err(|source| NerError::Io { path: path.display().to_string(), source })?;
        Embeddings::from_bytes(&bytes).ok_or_else(|| NerError::Format {
            origin: path.display().to_string(),
            line: 0,
            message: "not a word-embeddings file (KNE1) or truncated; make it with scripts/derive-name-embeddings.sh".into(),
        })
    }

    /// Parses the bytes of an embeddings file.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.get(..4)? != b"KNE1" {
            return None;
        }
        let u32_at = |at: usize| -> Option<usize> { Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize) };
        let (dim, count) = (u32_at(4)?, u32_at(8)?);
        let mut at = 12;
        let mut words = Vec::with_capacity(count);
        for _ in 0..count {
            let len = u32_at(at)?;
            words.push(std::str::from_utf8(bytes.get(at + 4..at + 4 + len)?).ok()?.to_string());
            at += 4 + len;
        }
        let floats = bytes.get(at..at + count.checked_mul(dim)?.checked_mul(4)?)?;
        let vectors = floats.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        Some(Embeddings { words, dim, vectors })
    }

    /// The vector of word `i`.
    pub fn vector(&self, i: usize) -> &[f32] {
        &self.vectors[i * self.dim..(i + 1) * self.dim]
    }
}

/// Exact word hash → its name class at each level.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameClasses {
    table: HashMap<u64, [u16; NAME_LEVELS], Prehashed>,
}

impl NameClasses {
    /// Groups the embedded words by spherical k-means, once per level, and (when `typed` holds
    /// the type votes of labelled words) adds each word's [`neighbour_types`] code as the last
    /// level. Deterministic: the same vectors, counts, seed and votes give the same classes.
    pub fn learn(embeddings: &Embeddings, class_counts: [usize; KMEANS_LEVELS], seed: u64, typed: &HashMap<String, TypeVotes>) -> Self {
        let mut table: HashMap<u64, [u16; NAME_LEVELS], Prehashed> = HashMap::default();
        for (level, &k) in class_counts.iter().enumerate() {
            let classes = spherical_kmeans(&embeddings.vectors, embeddings.dim, k.clamp(1, MAX_NAME_CLASSES), seed, KMEANS_PASSES);
            for (word, class) in embeddings.words.iter().zip(classes) {
                table.entry(hash_exact(word)).or_insert([NO_NAME_CLASS; NAME_LEVELS])[level] = class;
            }
        }
        if !typed.is_empty() {
            for (word, code) in embeddings.words.iter().zip(neighbour_types(embeddings, typed, TYPE_NEIGHBOURS)) {
                table.entry(hash_exact(word)).or_insert([NO_NAME_CLASS; NAME_LEVELS])[KMEANS_LEVELS] = code;
            }
        }
        NameClasses { table }
    }

    /// The classes of a word given its [`hash_exact`], if the table holds it.
    #[inline]
    pub fn classes_of_hash(&self, exact: u64) -> Option<[u16; NAME_LEVELS]> {
        self.table.get(&exact).copied()
    }

    /// The classes of a word as written (`exact` is its [`hash_exact`]), else of its base form
    /// when it looks like a genitive ("Poetins", "KLM's", "Philips'"), else [`NO_NAME_CLASS`].
    pub fn classes_of_token(&self, word: &str, exact: u64) -> [u16; NAME_LEVELS] {
        if self.table.is_empty() {
            return [NO_NAME_CLASS; NAME_LEVELS];
        }
        if let Some(classes) = self.classes_of_hash(exact) {
            return classes;
        }
        genitive_base(word).and_then(|base| self.classes_of_hash(hash_exact(base))).unwrap_or([NO_NAME_CLASS; NAME_LEVELS])
    }

    /// The classes of a word as written (with the genitive fallback).
    pub fn classes_of(&self, word: &str) -> [u16; NAME_LEVELS] {
        self.classes_of_token(word, hash_exact(word))
    }

    /// Number of words with classes.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether no word has a class.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Serialises as a u64 count, then (u64 word hash, u16 class per level) sorted by hash.
    pub fn to_bytes(&self) -> Vec<u8> {
        class_table_to_bytes(&self.table)
    }

    /// Reads what [`NameClasses::to_bytes`] wrote; returns the table and the bytes it used.
    pub fn from_bytes(bytes: &[u8]) -> Option<(Self, usize)> {
        let (table, used) = class_table_from_bytes(bytes)?;
        Some((NameClasses { table }, used))
    }
}

/// For every embedded word, the type its `k` nearest labelled words (by dot product, the word
/// itself left out) vote for, as a code: type (0–4 as in [`TypeVotes`]) × 4 + how sure (the
/// winning share below 0.5, 0.7, 0.9, or above). Each neighbour's votes count as one vote split
/// by its own shares.
pub fn neighbour_types(embeddings: &Embeddings, typed: &HashMap<String, TypeVotes>, k: usize) -> Vec<u16> {
    let dim = embeddings.dim;
    let labelled: Vec<(usize, [f32; 5])> = embeddings
        .words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| typed.get(w).map(|votes| (i, shares(votes))))
        .filter(|(_, s)| s.iter().sum::<f32>() > 0.0)
        .collect();
    let labelled_vectors: Vec<f32> = labelled.iter().flat_map(|&(i, _)| embeddings.vector(i).iter().copied()).collect();
    let n = embeddings.words.len();
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).clamp(1, 16);
    let per_thread = n.div_ceil(threads).max(1);
    let mut codes = vec![0u16; n];
    std::thread::scope(|scope| {
        for (chunk_index, out) in codes.chunks_mut(per_thread).enumerate() {
            let (labelled, labelled_vectors) = (&labelled, &labelled_vectors);
            scope.spawn(move || {
                let mut nearest: Vec<(f32, usize)> = Vec::with_capacity(labelled.len());
                for (offset, code) in out.iter_mut().enumerate() {
                    let word = chunk_index * per_thread + offset;
                    let vector = embeddings.vector(word);
                    nearest.clear();
                    for (j, (&(other, _), v)) in labelled.iter().zip(labelled_vectors.chunks_exact(dim)).enumerate() {
                        if other != word {
                            nearest.push((dot(vector, v), j));
                        }
                    }
                    let keep = k.min(nearest.len());
                    if keep == 0 {
                        *code = NO_NAME_CLASS;
                        continue;
                    }
                    nearest.select_nth_unstable_by(keep - 1, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                    let mut sum = [0f32; 5];
                    for &(_, j) in &nearest[..keep] {
                        for (s, x) in sum.iter_mut().zip(&labelled[j].1) {
                            *s += x;
                        }
                    }
                    let (best, share) = sum.iter().enumerate().fold((0, 0f32), |m, (t, &x)| if x > m.1 { (t, x) } else { m });
                    let share = share / keep as f32;
                    let sure = [0.5, 0.7, 0.9].iter().filter(|&&edge| share >= edge).count();
                    *code = (best * 4 + sure) as u16;
                }
            });
        }
    });
    codes
}

/// Votes as shares that sum to 1 (all 0 when there are none).
fn shares(votes: &TypeVotes) -> [f32; 5] {
    let total: u32 = votes.iter().sum();
    let mut out = [0f32; 5];
    if total > 0 {
        for (o, &v) in out.iter_mut().zip(votes) {
            *o = v as f32 / total as f32;
        }
    }
    out
}

/// The base form of a capitalised genitive: "KLM's" / "KLM’s" → "KLM", "Philips'" → "Philips",
/// "Poetins" → "Poetin"; `None` for other words.
fn genitive_base(word: &str) -> Option<&str> {
    for ending in ["'s", "’s", "'", "’"] {
        if let Some(base) = word.strip_suffix(ending) {
            return Some(base).filter(|b| !b.is_empty());
        }
    }
    word.strip_suffix('s').filter(|b| b.chars().count() >= 3 && b.chars().next().is_some_and(char::is_uppercase))
}

/// Spherical k-means over unit vectors (`dim` floats each): every vector joins the centre with
/// the largest dot product, centres become their members' normalised sums, until no vector
/// moves or after `passes` passes. The first centres are drawn by `seed` (k-means++).
/// Returns each vector's class.
pub fn spherical_kmeans(vectors: &[f32], dim: usize, k: usize, seed: u64, passes: usize) -> Vec<u16> {
    let n = vectors.len().checked_div(dim).unwrap_or(0);
    let k = k.min(n).max(1);
    if n == 0 {
        return Vec::new();
    }
    let mut centres = initial_centres(vectors, dim, n, k, seed);
    let mut classes = vec![u16::MAX; n];
    for _ in 0..passes.max(1) {
        let assigned = assign_all(vectors, dim, &centres);
        let moved = assigned.iter().zip(&classes).filter(|(a, b)| a != b).count();
        classes = assigned;
        if moved == 0 {
            break;
        }
        update_centres(vectors, dim, &classes, &mut centres);
    }
    classes
}

/// `k` first centres by k-means++ seeding: the first vector drawn by `seed`, each next one
/// drawn with probability proportional to its squared distance from the nearest centre so far
/// (so the centres spread over the groups).
fn initial_centres(vectors: &[f32], dim: usize, n: usize, k: usize, seed: u64) -> Vec<f32> {
    let mut state = seed;
    let first = (split_mix(&mut state) % n as u64) as usize;
    let mut centres: Vec<f32> = vectors[first * dim..(first + 1) * dim].to_vec();
    let mut distances: Vec<f64> = vectors.chunks_exact(dim).map(|v| squared_distance(v, &centres)).collect();
    while centres.len() < k * dim {
        let total: f64 = distances.iter().sum();
        let mut target = (split_mix(&mut state) >> 11) as f64 / (1u64 << 53) as f64 * total;
        let mut chosen = n - 1;
        for (i, &d) in distances.iter().enumerate() {
            if target < d {
                chosen = i;
                break;
            }
            target -= d;
        }
        let centre = vectors[chosen * dim..(chosen + 1) * dim].to_vec();
        for (distance, v) in distances.iter_mut().zip(vectors.chunks_exact(dim)) {
            *distance = distance.min(squared_distance(v, &centre));
        }
        centres.extend(centre);
    }
    centres
}

/// Squared distance of two unit vectors (2 − 2 × their dot product, never below 0).
fn squared_distance(a: &[f32], b: &[f32]) -> f64 {
    (2.0 - 2.0 * dot(a, b) as f64).max(0.0)
}

/// SplitMix64: the next number of a small deterministic generator.
fn split_mix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The nearest centre of every vector, computed on all cores (each vector's answer depends
/// only on the vector and the centres, so the result does not depend on the thread count).
fn assign_all(vectors: &[f32], dim: usize, centres: &[f32]) -> Vec<u16> {
    let n = vectors.len() / dim;
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).clamp(1, 16);
    let per_thread = n.div_ceil(threads).max(1);
    let mut classes = vec![0u16; n];
    std::thread::scope(|scope| {
        for (chunk, out) in vectors.chunks(per_thread * dim).zip(classes.chunks_mut(per_thread)) {
            scope.spawn(move || {
                for (vector, class) in chunk.chunks_exact(dim).zip(out.iter_mut()) {
                    *class = nearest_centre(vector, centres, dim);
                }
            });
        }
    });
    classes
}

/// The centre with the largest dot product (the first one on ties).
fn nearest_centre(vector: &[f32], centres: &[f32], dim: usize) -> u16 {
    let mut best = (f32::NEG_INFINITY, 0usize);
    for (c, centre) in centres.chunks_exact(dim).enumerate() {
        let score = dot(vector, centre);
        if score > best.0 {
            best = (score, c);
        }
    }
    best.1 as u16
}

/// Dot product in eight lanes (so the compiler can vectorise it).
#[inline]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (a_chunks, b_chunks) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = a_chunks.remainder().iter().zip(b_chunks.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in a_chunks.zip(b_chunks) {
        for ((lane, x), y) in lanes.iter_mut().zip(x).zip(y) {
            *lane += x * y;
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// Moves every centre to the normalised sum of its members; a centre without members stays.
fn update_centres(vectors: &[f32], dim: usize, classes: &[u16], centres: &mut [f32]) {
    let k = centres.len() / dim;
    let mut sums = vec![0f64; k * dim];
    let mut members = vec![0usize; k];
    for (vector, &class) in vectors.chunks_exact(dim).zip(classes) {
        let c = class as usize;
        members[c] += 1;
        for (s, &x) in sums[c * dim..(c + 1) * dim].iter_mut().zip(vector) {
            *s += x as f64;
        }
    }
    for c in (0..k).filter(|&c| members[c] > 0) {
        let sum = &sums[c * dim..(c + 1) * dim];
        let norm = sum.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
        for (centre, s) in centres[c * dim..(c + 1) * dim].iter_mut().zip(sum) {
            *centre = (s / norm) as f32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unit vectors in 4 dimensions around three directions (companies, towns, people).
    fn toy_embeddings() -> Embeddings {
        let rows: [(&str, [f32; 4]); 7] = [
            ("Lufthansa", [0.9, 0.1, 0.0, 0.1]),
            ("Philips", [0.95, 0.0, 0.1, 0.0]),
            ("Belgacom", [0.85, 0.1, 0.1, 0.1]),
            ("Duisburg", [0.0, 0.9, 0.1, 0.0]),
            ("Bochum", [0.1, 0.95, 0.0, 0.1]),
            ("Poetin", [0.0, 0.1, 0.95, 0.1]),
            ("Stoltenberg", [0.1, 0.0, 0.9, 0.2]),
        ];
        let mut vectors = Vec::new();
        for (_, v) in &rows {
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            vectors.extend(v.iter().map(|x| x / norm));
        }
        Embeddings { words: rows.iter().map(|(w, _)| w.to_string()).collect(), dim: 4, vectors }
    }

    #[test]
    fn kmeans_groups_close_vectors_whatever_the_seed() {
        let embeddings = toy_embeddings();
        for seed in 1..=20 {
            let classes = NameClasses::learn(&embeddings, [3, 3], seed, &HashMap::new());
            let fine = |w: &str| classes.classes_of(w)[1];
            assert_eq!(fine("Lufthansa"), fine("Belgacom"), "seed {seed}");
            assert_eq!(fine("Philips"), fine("Lufthansa"), "seed {seed}");
            assert_eq!(fine("Duisburg"), fine("Bochum"), "seed {seed}");
            assert_eq!(fine("Poetin"), fine("Stoltenberg"), "seed {seed}");
            assert_ne!(fine("Philips"), fine("Bochum"), "seed {seed}");
            assert_ne!(fine("Poetin"), fine("Bochum"), "seed {seed}");
            assert_eq!(NameClasses::learn(&embeddings, [3, 3], seed, &HashMap::new()), classes, "deterministic for seed {seed}");
        }
    }

    #[test]
    fn a_word_gets_the_type_of_its_labelled_neighbours_not_its_own() {
        let embeddings = toy_embeddings();
        let votes = |t: usize| {
            let mut v = [0u32; 5];
            v[t] = 3;
            v
        };
        let typed: HashMap<String, TypeVotes> =
            [("Lufthansa", votes(1)), ("Philips", votes(1)), ("Bochum", votes(2)), ("Stoltenberg", votes(0)), ("Poetin", votes(3))]
                .into_iter()
                .map(|(w, v)| (w.to_string(), v))
                .collect();
        let codes = neighbour_types(&embeddings, &typed, 1);
        let type_of = |w: &str| codes[embeddings.words.iter().position(|x| x == w).unwrap()] / 4;
        assert_eq!(type_of("Belgacom"), 1, "an unlabelled company is typed ORG");
        assert_eq!(type_of("Duisburg"), 2, "an unlabelled town is typed LOC");
        assert_eq!(type_of("Poetin"), 0, "its own MISC label is left out; Stoltenberg's PER counts");
        assert_eq!(codes[0] % 4, 3, "one unanimous neighbour: the surest bin");
        let classes = NameClasses::learn(&embeddings, [2, 3], 1, &typed);
        assert_eq!(classes.classes_of("Belgacom")[KMEANS_LEVELS] / 4, 1);
    }

    #[test]
    fn lookup_is_exact_with_a_genitive_fallback() {
        let classes = NameClasses::learn(&toy_embeddings(), [2, 3], 7, &HashMap::new());
        let poetin = classes.classes_of("Poetin");
        assert_ne!(poetin, [NO_NAME_CLASS; NAME_LEVELS]);
        assert_eq!(classes.classes_of("Poetins"), poetin);
        assert_eq!(classes.classes_of("Poetin's"), poetin);
        assert_eq!(classes.classes_of("Philips'"), classes.classes_of("Philips"));
        assert_eq!(classes.classes_of("poetin"), [NO_NAME_CLASS; NAME_LEVELS], "lookups keep case");
        assert_eq!(classes.classes_of("Utrecht"), [NO_NAME_CLASS; NAME_LEVELS]);
        assert_eq!(classes.classes_of("Bochumers"), [NO_NAME_CLASS; NAME_LEVELS]);
    }

    #[test]
    fn table_and_embeddings_round_trip_through_bytes() {
        let embeddings = toy_embeddings();
        let mut file = b"KNE1".to_vec();
        file.extend_from_slice(&4u32.to_le_bytes());
        file.extend_from_slice(&(embeddings.words.len() as u32).to_le_bytes());
        for word in &embeddings.words {
            file.extend_from_slice(&(word.len() as u32).to_le_bytes());
            file.extend_from_slice(word.as_bytes());
        }
        for x in &embeddings.vectors {
            file.extend_from_slice(&x.to_le_bytes());
        }
        assert_eq!(Embeddings::from_bytes(&file), Some(embeddings.clone()));
        assert_eq!(Embeddings::from_bytes(&file[..file.len() - 1]), None);

        let classes = NameClasses::learn(&embeddings, [2, 4], 3, &HashMap::new());
        let bytes = classes.to_bytes();
        let (back, used) = NameClasses::from_bytes(&bytes).unwrap();
        assert_eq!((back, used), (classes, bytes.len()));
        assert!(NameClasses::from_bytes(&bytes[..bytes.len() - 1]).is_none());
    }
}
