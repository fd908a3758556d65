//! Word classes learned from unlabeled text, for the tagger's features: words that occur in
//! similar contexts ("Antwerpen", "Gent", "Brugge"; "premier", "minister") share a class, so
//! what the tagger learns about one carries over to the others, including words never seen in
//! its labelled training data.
//!
//! The classes come from the exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney
//! 1998): every word sits in one of `k` classes and is moved, word after word, to the class
//! that most raises the likelihood of a class-bigram model of the text, until few words move.
//! It is run for a few class counts (coarse to fine), giving each word one class per level.
//! Words are compared lowercase; the table holds only word hashes (no readable text).

use super::hashing::{class_table_from_bytes, class_table_to_bytes, hash_lower, Prehashed};
use std::collections::HashMap;

/// How many class counts (levels) each word gets a class for.
pub const CLUSTER_LEVELS: usize = 3;

/// The class counts of the levels, coarse to fine.
pub const DEFAULT_CLASS_COUNTS: [usize; CLUSTER_LEVELS] = [32, 128, 512];

/// Most classes per level (the class-bigram table has this many squared cells).
pub const MAX_CLASSES: usize = 4096;

/// The class of a word the table does not hold (at every level).
pub const UNKNOWN_CLASS: u16 = u16::MAX;

/// Settings for [`WordClusters::learn`].
#[derive(Clone, Debug)]
pub struct ClusterOptions {
    /// Classes per level, coarse to fine.
    pub class_counts: [usize; CLUSTER_LEVELS],
    /// Words seen fewer times are not classed (they share one "rare word" stand-in while learning).
    pub min_count: usize,
    /// Most passes over the vocabulary per level.
    pub max_passes: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions { class_counts: DEFAULT_CLASS_COUNTS, min_count: 2, max_passes: 12 }
    }
}

/// Lowercase word hash → its class at each level.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordClusters {
    table: HashMap<u64, [u16; CLUSTER_LEVELS], Prehashed>,
}

impl WordClusters {
    /// The classes of a word given its [`hash_lower`], or [`UNKNOWN_CLASS`] at every level.
    #[inline]
    pub fn classes_of_hash(&self, lower: u64) -> [u16; CLUSTER_LEVELS] {
        if self.table.is_empty() {
            return [UNKNOWN_CLASS; CLUSTER_LEVELS];
        }
        self.table.get(&lower).copied().unwrap_or([UNKNOWN_CLASS; CLUSTER_LEVELS])
    }

    /// The classes of a word (any case).
    pub fn classes_of(&self, word: &str) -> [u16; CLUSTER_LEVELS] {
        self.classes_of_hash(hash_lower(word))
    }

    /// Number of words with classes.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether no word has a class.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Learns classes from sentences of tokens. Deterministic: the same text and options give
    /// the same classes.
    pub fn learn<S: AsRef<str>>(sentences: &[Vec<S>], options: &ClusterOptions) -> Self {
        let corpus = BigramCorpus::count(sentences, options.min_count.max(1));
        let mut table: HashMap<u64, [u16; CLUSTER_LEVELS], Prehashed> = HashMap::default();
        for (level, &k) in options.class_counts.iter().enumerate() {
            let classes = exchange(&corpus, k.clamp(2, MAX_CLASSES), options.max_passes);
            for (word, &hash) in corpus.hashes.iter().enumerate() {
                table.entry(hash).or_insert([UNKNOWN_CLASS; CLUSTER_LEVELS])[level] = classes[word];
            }
        }
        WordClusters { table }
    }

    /// Serialises as a u64 count, then (u64 word hash, u16 class per level) sorted by hash.
    pub fn to_bytes(&self) -> Vec<u8> {
        class_table_to_bytes(&self.table)
    }

    /// Reads what [`WordClusters::to_bytes`] wrote; returns the table and the bytes it used.
    pub fn from_bytes(bytes: &[u8]) -> Option<(Self, usize)> {
        let (table, used) = class_table_from_bytes(bytes)?;
        Some((WordClusters { table }, used))
    }
}

/// The text as word ids and bigram counts. Ids 0..`hashes.len()` are the words kept (most
/// frequent first); then one id for all rarer words and one for the sentence boundary.
struct BigramCorpus {
    /// Lowercase hash of each kept word.
    hashes: Vec<u64>,
    /// Per id (kept words, rare stand-in, boundary): the ids that follow it, with counts.
    right: Vec<Vec<(u32, u32)>>,
    /// Per id: the ids that precede it, with counts.
    left: Vec<Vec<(u32, u32)>>,
    /// Number of bigrams.
    total: u64,
}

impl BigramCorpus {
    fn count<S: AsRef<str>>(sentences: &[Vec<S>], min_count: usize) -> Self {
        let mut frequency: HashMap<u64, u32, Prehashed> = HashMap::default();
        for sentence in sentences {
            for token in sentence {
                *frequency.entry(hash_lower(token.as_ref())).or_default() += 1;
            }
        }
        let mut kept: Vec<(u32, u64)> = frequency.iter().filter(|(_, &n)| n as usize >= min_count).map(|(&h, &n)| (n, h)).collect();
        kept.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let hashes: Vec<u64> = kept.iter().map(|&(_, h)| h).collect();
        let ids: HashMap<u64, u32, Prehashed> = hashes.iter().enumerate().map(|(i, &h)| (h, i as u32)).collect();
        let rare = hashes.len() as u32;
        let boundary = rare + 1;
        let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
        let mut total = 0u64;
        for sentence in sentences {
            let mut previous = boundary;
            let words = sentence.iter().map(|t| ids.get(&hash_lower(t.as_ref())).copied().unwrap_or(rare));
            for word in words.chain(std::iter::once(boundary)) {
                *pairs.entry((previous, word)).or_default() += 1;
                total += 1;
                previous = word;
            }
        }
        let size = boundary as usize + 1;
        let mut right = vec![Vec::new(); size];
        let mut left = vec![Vec::new(); size];
        let mut sorted: Vec<((u32, u32), u32)> = pairs.into_iter().collect();
        sorted.sort_unstable();
        for ((a, b), n) in sorted {
            right[a as usize].push((b, n));
            left[b as usize].push((a, n));
        }
        BigramCorpus { hashes, right, left, total }
    }

    fn size(&self) -> usize {
        self.right.len()
    }
}

/// Class-bigram counts, with row and column sums, for `k` classes.
struct ClassCounts {
    k: usize,
    bigrams: Vec<i64>,
    rows: Vec<i64>,
    columns: Vec<i64>,
}

/// One word's bigram counts with each neighbouring class, gathered before it moves.
#[derive(Default)]
struct WordNeighbours {
    /// Count of (word, class) bigrams per class, and the classes touched.
    right: Vec<i64>,
    right_classes: Vec<usize>,
    /// Count of (class, word) bigrams per class, and the classes touched.
    left: Vec<i64>,
    left_classes: Vec<usize>,
    /// Count of the bigram (word, word).
    itself: i64,
    /// Bigrams that start, and that end, with the word.
    as_first: i64,
    as_second: i64,
}

impl WordNeighbours {
    fn gather(&mut self, corpus: &BigramCorpus, classes: &[u16], word: usize) {
        for &c in &self.right_classes {
            self.right[c] = 0;
        }
        for &c in &self.left_classes {
            self.left[c] = 0;
        }
        self.right_classes.clear();
        self.left_classes.clear();
        self.itself = 0;
        self.as_first = 0;
        self.as_second = 0;
        for &(next, n) in &corpus.right[word] {
            self.as_first += n as i64;
            if next as usize == word {
                self.itself += n as i64;
                continue;
            }
            let c = classes[next as usize] as usize;
            if self.right[c] == 0 {
                self.right_classes.push(c);
            }
            self.right[c] += n as i64;
        }
        for &(previous, n) in &corpus.left[word] {
            self.as_second += n as i64;
            if previous as usize == word {
                continue;
            }
            let c = classes[previous as usize] as usize;
            if self.left[c] == 0 {
                self.left_classes.push(c);
            }
            self.left[c] += n as i64;
        }
    }
}

impl ClassCounts {
    fn new(corpus: &BigramCorpus, classes: &[u16], k: usize) -> Self {
        let mut counts = ClassCounts { k, bigrams: vec![0; k * k], rows: vec![0; k], columns: vec![0; k] };
        for (a, followers) in corpus.right.iter().enumerate() {
            for &(b, n) in followers {
                let (ca, cb) = (classes[a] as usize, classes[b as usize] as usize);
                counts.bigrams[ca * k + cb] += n as i64;
                counts.rows[ca] += n as i64;
                counts.columns[cb] += n as i64;
            }
        }
        counts
    }

    /// Adds (`sign` 1) or removes (`sign` -1) a word's bigrams to or from class `class`.
    fn apply(&mut self, w: &WordNeighbours, class: usize, sign: i64) {
        let k = self.k;
        for &c in &w.right_classes {
            self.bigrams[class * k + c] += sign * w.right[c];
        }
        for &c in &w.left_classes {
            self.bigrams[c * k + class] += sign * w.left[c];
        }
        self.bigrams[class * k + class] += sign * w.itself;
        self.rows[class] += sign * w.as_first;
        self.columns[class] += sign * w.as_second;
    }

    /// How much the class-bigram log-likelihood rises when the (removed) word joins `class`.
    fn gain(&self, w: &WordNeighbours, class: usize, f: &XLogX) -> f64 {
        let k = self.k;
        let mut gain = 0.0;
        for &c in &w.right_classes {
            if c != class {
                let old = self.bigrams[class * k + c];
                gain += f.at(old + w.right[c]) - f.at(old);
            }
        }
        for &c in &w.left_classes {
            if c != class {
                let old = self.bigrams[c * k + class];
                gain += f.at(old + w.left[c]) - f.at(old);
            }
        }
        let diagonal = self.bigrams[class * k + class];
        gain += f.at(diagonal + w.right[class] + w.left[class] + w.itself) - f.at(diagonal);
        gain -= f.at(self.rows[class] + w.as_first) - f.at(self.rows[class]);
        gain -= f.at(self.columns[class] + w.as_second) - f.at(self.columns[class]);
        gain
    }
}

/// x·ln x for the counts of a corpus, tabulated.
struct XLogX(Vec<f64>);

impl XLogX {
    fn up_to(total: u64) -> Self {
        XLogX((0..=total).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect())
    }
    #[inline]
    fn at(&self, x: i64) -> f64 {
        self.0[x as usize]
    }
}

/// The exchange algorithm with `k` classes: returns each word id's class. Words start in
/// class `rank mod k` (by frequency) and move until a pass moves fewer than 1 in 1,000 words
/// or `max_passes` is reached.
fn exchange(corpus: &BigramCorpus, k: usize, max_passes: usize) -> Vec<u16> {
    let size = corpus.size();
    let mut classes: Vec<u16> = (0..size).map(|w| (w % k) as u16).collect();
    let mut counts = ClassCounts::new(corpus, &classes, k);
    let f = XLogX::up_to(corpus.total);
    let mut neighbours = WordNeighbours { right: vec![0; k], left: vec![0; k], ..WordNeighbours::default() };
    for _ in 0..max_passes {
        let mut moved = 0usize;
        for word in 0..size {
            neighbours.gather(corpus, &classes, word);
            let from = classes[word] as usize;
            counts.apply(&neighbours, from, -1);
            let mut best = (counts.gain(&neighbours, from, &f), from);
            for class in 0..k {
                if class != from {
                    let gain = counts.gain(&neighbours, class, &f);
                    if gain > best.0 + 1e-9 {
                        best = (gain, class);
                    }
                }
            }
            counts.apply(&neighbours, best.1, 1);
            if best.1 != from {
                classes[word] = best.1 as u16;
                moved += 1;
            }
        }
        if moved * 1000 < size {
            break;
        }
    }
    classes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy_text() -> Vec<Vec<&'static str>> {
        let mut sentences = Vec::new();
        for (city, verb) in [("Gent", "woont"), ("Brugge", "werkt"), ("Leuven", "woont"), ("Hasselt", "werkt")] {
            for person in ["Anna", "Joris", "Lotte", "Pieter"] {
                sentences.push(vec![person, verb, "in", city, "."]);
                sentences.push(vec!["in", city, verb, person, "graag", "."]);
            }
        }
        sentences
    }

    #[test]
    fn words_in_like_contexts_share_classes_and_learning_is_deterministic() {
        let options = ClusterOptions { class_counts: [2, 4, 6], min_count: 1, max_passes: 20 };
        let clusters = WordClusters::learn(&toy_text(), &options);
        assert_eq!(clusters.len(), 13);
        let fine = |w: &str| clusters.classes_of(w)[2];
        assert_eq!(fine("Gent"), fine("hasselt"));
        assert_eq!(fine("Anna"), fine("Pieter"));
        assert_ne!(fine("Gent"), fine("Anna"));
        assert_eq!(clusters.classes_of("Utrecht"), [UNKNOWN_CLASS; CLUSTER_LEVELS]);
        assert_eq!(WordClusters::learn(&toy_text(), &options), clusters);
    }

    #[test]
    fn table_round_trips_through_bytes() {
        let clusters = WordClusters::learn(&toy_text(), &ClusterOptions { class_counts: [2, 3, 4], min_count: 1, max_passes: 5 });
        let bytes = clusters.to_bytes();
        let (back, used) = WordClusters::from_bytes(&bytes).unwrap();
        assert_eq!(used, bytes.len());
        assert_eq!(back, clusters);
        assert!(WordClusters::from_bytes(&bytes[..bytes.len() - 1]).is_none());
    }
}
