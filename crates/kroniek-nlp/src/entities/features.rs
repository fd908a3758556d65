//! Feature extraction for the tagger: each token gets ~50 hashed feature indices into a table
//! of `2^bits` rows (word forms, affixes, shape, capitalisation in and out of sentence-initial
//! position, a ±2 window, gazetteer and known-word flags, word classes of the word and its ±1
//! neighbours, name classes of capitalised words and their capitalised neighbours, and
//! document-level case evidence).
//!
//! Features are hashed from precomputed per-token hashes, so extraction allocates nothing
//! after its buffers have grown once.

use super::clusters::{CLUSTER_LEVELS, UNKNOWN_CLASS};
use super::gazetteer::{flag, Lexicon, MAX_PHRASE_WORDS};
use super::hashing::{bucket, hash_exact, hash_lower, mix, Prehashed};
use super::labels::Label;
use super::name_classes::{NAME_LEVELS, NO_NAME_CLASS};
use std::collections::{HashMap, HashSet};

/// What the tagger needs to know about one token, computed once per token.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokenInfo {
    lower: u64,
    exact: u64,
    shape: u64,
    prefixes: [u64; 4],
    suffixes: [u64; 4],
    affix_len: u8,
    hyphen_head: u64,
    hyphen_tail: u64,
    /// Bits: 1 capitalised, 2 all caps, 4 has digit, 8 has hyphen, 16 has period, 32 has letters,
    /// 64 sentence-initial.
    props: u16,
    lexicon: u16,
    gazetteer_begin: u16,
    gazetteer_inside: u16,
    length_class: u8,
    trigrams: [u64; MAX_TRIGRAMS],
    trigram_count: u8,
    /// The word's class at each cluster level (coarse to fine).
    classes: [u16; CLUSTER_LEVELS],
    /// The capitalised word's name class at each level ([`NO_NAME_CLASS`] for other words).
    name_classes: [u16; NAME_LEVELS],
}

/// Most character trigrams kept per word (from its start).
const MAX_TRIGRAMS: usize = 12;

const CAPITALISED: u16 = 1;
const ALL_CAPS: u16 = 2;
const HAS_DIGIT: u16 = 4;
const HAS_HYPHEN: u16 = 8;
const HAS_PERIOD: u16 = 16;
const HAS_LETTER: u16 = 32;
const INITIAL: u16 = 64;

/// Document-level evidence: which lowercase forms the document also writes in lowercase, and
/// which it writes capitalised away from the start of a sentence.
#[derive(Clone, Debug, Default)]
pub struct DocumentContext {
    seen_lowercase: HashSet<u64, Prehashed>,
    seen_capitalised_mid: HashSet<u64, Prehashed>,
    /// Left and right neighbour (lowercase hashes) of up to [`CONTEXTS_KEPT`] occurrences of
    /// each capitalised word: evidence pooled over the document ("bij Brakko", "Brakko zei").
    contexts: HashMap<u64, Vec<(u64, u64)>, Prehashed>,
    /// Capitalised words the document somewhere introduces as a person: right after a
    /// capitalised first name or a role noun ("Hedda Lindqvist", "premier Lindqvist").
    introduced_as_person: HashSet<u64, Prehashed>,
}

/// How many occurrences' neighbours a capitalised word keeps in [`DocumentContext`].
pub const CONTEXTS_KEPT: usize = 6;

impl DocumentContext {
    /// Adds one sentence's tokens; `lexicon` tells first names and role nouns.
    pub fn add_sentence<S: AsRef<str>>(&mut self, tokens: &[S], lexicon: &Lexicon) {
        let mut initial = true;
        for (i, token) in tokens.iter().enumerate() {
            let token = token.as_ref();
            let first = token.chars().next();
            let Some(first) = first else { continue };
            if first.is_lowercase() {
                self.seen_lowercase.insert(hash_lower(token));
            } else if first.is_uppercase() {
                if !initial {
                    self.seen_capitalised_mid.insert(hash_lower(token));
                }
                let left = if i == 0 { BOUNDARY_BEFORE } else { hash_lower(tokens[i - 1].as_ref()) };
                let right = tokens.get(i + 1).map_or(BOUNDARY_AFTER, |t| hash_lower(t.as_ref()));
                let kept = self.contexts.entry(hash_lower(token)).or_default();
                if kept.len() < CONTEXTS_KEPT && !kept.contains(&(left, right)) {
                    kept.push((left, right));
                }
                if i > 0 {
                    let previous = tokens[i - 1].as_ref();
                    let flags = lexicon.flags_of_hashes(&[left]);
                    let first_name = flags & flag::FIRST_NAME != 0 && previous.chars().next().is_some_and(char::is_uppercase);
                    if first_name || flags & flag::ROLE != 0 {
                        self.introduced_as_person.insert(hash_lower(token));
                    }
                }
            }
            if token.chars().any(char::is_alphanumeric) {
                initial = false;
            }
        }
    }

    /// Builds the context of a whole document.
    pub fn of_document<S: AsRef<str>>(sentences: &[Vec<S>], lexicon: &Lexicon) -> Self {
        let mut context = DocumentContext::default();
        for sentence in sentences {
            context.add_sentence(sentence, lexicon);
        }
        context
    }
}

/// The feature rows of one sentence: token `i` has `features[starts[i]..starts[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub struct SentenceFeatures {
    /// All feature indices, token after token.
    pub features: Vec<u32>,
    /// Where each token's features start; one more entry than tokens.
    pub starts: Vec<u32>,
}

impl SentenceFeatures {
    /// The feature indices of token `i`.
    #[inline]
    pub fn of_token(&self, i: usize) -> &[u32] {
        &self.features[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }
    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Extracts hashed features with a lexicon into a table of `2^bits` rows.
pub struct Featurizer<'a> {
    lexicon: &'a Lexicon,
    bits: u32,
    infos: Vec<TokenInfo>,
    lowers: Vec<u64>,
}

// Template ids.
const T_BIAS: u64 = 1;
const T_W0: u64 = 2;
const T_FORM0: u64 = 3;
const T_WM1: u64 = 4;
const T_WP1: u64 = 5;
const T_WM2: u64 = 6;
const T_WP2: u64 = 7;
const T_PREFIX: u64 = 8;
const T_SUFFIX: u64 = 9;
const T_SHAPE0: u64 = 10;
const T_SHAPEM1: u64 = 11;
const T_SHAPEP1: u64 = 12;
const T_SHAPE_M1_0: u64 = 13;
const T_SHAPE_0_P1: u64 = 14;
const T_PROPS: u64 = 15;
const T_BIGRAM_M1_0: u64 = 16;
const T_BIGRAM_0_P1: u64 = 17;
const T_LEX0: u64 = 18;
const T_LEXM1: u64 = 19;
const T_LEXP1: u64 = 20;
const T_LEX0_PROPS: u64 = 21;
const T_GAZ_BEGIN: u64 = 22;
const T_GAZ_INSIDE: u64 = 23;
const T_DOC: u64 = 24;
const T_HYPHEN_HEAD: u64 = 25;
const T_HYPHEN_TAIL: u64 = 26;
const T_WM1_SHAPE0: u64 = 27;
const T_SHAPE0_WP1: u64 = 28;
const T_LENGTH: u64 = 29;
const T_PROPS_M1_0_P1: u64 = 30;
const T_SUFFIX_PROPS: u64 = 31;
const T_GAZ_M1: u64 = 32;
const T_GAZ_P1: u64 = 33;
const T_WM1_WM2: u64 = 34;
const T_WP1_WP2: u64 = 35;
const T_LEX_DOC: u64 = 36;
const T_DOC_LEFT: u64 = 37;
const T_DOC_RIGHT: u64 = 38;
const T_TRIGRAM: u64 = 39;
const T_DOC_PERSON: u64 = 47;
const T_CLUSTER0: u64 = 60;
const T_CLUSTERM1: u64 = 61;
const T_CLUSTERP1: u64 = 62;
const T_NAME0: u64 = 63;
const T_NAMEM1: u64 = 64;
const T_NAMEP1: u64 = 65;

const BOUNDARY_BEFORE: u64 = 0x0b0b_0b0b;
const BOUNDARY_AFTER: u64 = 0x0e0e_0e0e;

impl<'a> Featurizer<'a> {
    /// A featurizer over `lexicon` for a table of `2^bits` rows.
    pub fn new(lexicon: &'a Lexicon, bits: u32) -> Self {
        Featurizer { lexicon, bits, infos: Vec::new(), lowers: Vec::new() }
    }

    /// Fills `out` with the features of one sentence's tokens.
    pub fn sentence_features<S: AsRef<str>>(&mut self, tokens: &[S], document: &DocumentContext, out: &mut SentenceFeatures) {
        self.analyse_tokens(tokens);
        self.match_gazetteer();
        out.features.clear();
        out.starts.clear();
        out.starts.push(0);
        for i in 0..tokens.len() {
            self.token_features(i, document, &mut out.features);
            out.starts.push(out.features.len() as u32);
        }
    }

    fn analyse_tokens<S: AsRef<str>>(&mut self, tokens: &[S]) {
        self.infos.clear();
        self.lowers.clear();
        let mut initial = true;
        for token in tokens {
            let mut info = analyse_token(token.as_ref());
            if initial {
                info.props |= INITIAL;
            }
            if token.as_ref().chars().any(char::is_alphanumeric) {
                initial = false;
            }
            info.lexicon = self.lexicon.flags_of_hashes(&[info.lower]);
            info.classes = self.lexicon.clusters.classes_of_hash(info.lower);
            info.name_classes = if info.props & CAPITALISED != 0 {
                self.lexicon.name_classes.classes_of_token(token.as_ref(), info.exact)
            } else {
                [NO_NAME_CLASS; NAME_LEVELS]
            };
            self.lowers.push(info.lower);
            self.infos.push(info);
        }
    }

    /// Marks multi-word gazetteer matches (longest first) starting at capitalised words or
    /// name particles.
    fn match_gazetteer(&mut self) {
        let n = self.infos.len();
        let mut i = 0;
        while i < n {
            let starts_name = self.infos[i].props & CAPITALISED != 0 || self.infos[i].lexicon & flag::PARTICLE != 0;
            let mut advanced = false;
            if starts_name {
                for len in (2..=MAX_PHRASE_WORDS.min(n - i)).rev() {
                    let flags = self.lexicon.flags_of_hashes(&self.lowers[i..i + len]) & !(flag::LOWER_WORD | flag::COMMON);
                    if flags != 0 {
                        self.infos[i].gazetteer_begin |= flags;
                        for info in &mut self.infos[i + 1..i + len] {
                            info.gazetteer_inside |= flags;
                        }
                        i += len;
                        advanced = true;
                        break;
                    }
                }
            }
            if !advanced {
                i += 1;
            }
        }
    }

    #[inline]
    fn push(&self, out: &mut Vec<u32>, template: u64, value: u64) {
        out.push(bucket(mix(template, value), self.bits));
    }

    #[inline]
    fn push2(&self, out: &mut Vec<u32>, template: u64, a: u64, b: u64) {
        out.push(bucket(mix(mix(template, a), b), self.bits));
    }

    /// The word's classes and its neighbours' at every level (nothing when no classes were
    /// learned).
    fn cluster_features(&self, t: &TokenInfo, prev: Option<&TokenInfo>, next: Option<&TokenInfo>, out: &mut Vec<u32>) {
        if self.lexicon.clusters.is_empty() {
            return;
        }
        let boundary = [UNKNOWN_CLASS - 1; CLUSTER_LEVELS];
        let prev_classes = prev.map_or(boundary, |p| p.classes);
        let next_classes = next.map_or(boundary, |p| p.classes);
        for level in 0..CLUSTER_LEVELS {
            let level_tag = (level as u64) << 16;
            self.push(out, T_CLUSTER0, level_tag | t.classes[level] as u64);
            self.push(out, T_CLUSTERM1, level_tag | prev_classes[level] as u64);
            self.push(out, T_CLUSTERP1, level_tag | next_classes[level] as u64);
        }
    }

    /// The name classes (k-means groupings and neighbour type) of a capitalised word and of its
    /// capitalised neighbours, at every level (nothing when the model has no name classes).
    fn name_class_features(&self, t: &TokenInfo, prev: Option<&TokenInfo>, next: Option<&TokenInfo>, out: &mut Vec<u32>) {
        if self.lexicon.name_classes.is_empty() {
            return;
        }
        let capitalised = |o: Option<&TokenInfo>| o.filter(|x| x.props & CAPITALISED != 0).map(|x| x.name_classes);
        for level in 0..NAME_LEVELS {
            let level_tag = (level as u64) << 16;
            if t.props & CAPITALISED != 0 {
                self.push(out, T_NAME0, level_tag | t.name_classes[level] as u64);
            }
            if let Some(p) = capitalised(prev) {
                self.push(out, T_NAMEM1, level_tag | p[level] as u64);
            }
            if let Some(n) = capitalised(next) {
                self.push(out, T_NAMEP1, level_tag | n[level] as u64);
            }
        }
    }

    fn token_features(&self, i: usize, document: &DocumentContext, out: &mut Vec<u32>) {
        let n = self.infos.len();
        let t = &self.infos[i];
        let prev = if i > 0 { Some(&self.infos[i - 1]) } else { None };
        let next = self.infos.get(i + 1);
        let word = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 { BOUNDARY_BEFORE } else if j as usize >= n { BOUNDARY_AFTER } else { self.infos[j as usize].lower }
        };
        let shape_of = |o: Option<&TokenInfo>, boundary: u64| o.map_or(boundary, |x| x.shape);
        let case_props = t.props & (CAPITALISED | ALL_CAPS | INITIAL | HAS_LETTER);

        self.push(out, T_BIAS, 0);
        self.push(out, T_W0, t.lower);
        self.push(out, T_FORM0, t.exact);
        self.push(out, T_WM1, word(-1));
        self.push(out, T_WP1, word(1));
        self.push(out, T_WM2, word(-2));
        self.push(out, T_WP2, word(2));
        self.push2(out, T_WM1_WM2, word(-1), word(-2));
        self.push2(out, T_WP1_WP2, word(1), word(2));
        for k in 0..t.affix_len as usize {
            self.push(out, T_PREFIX, t.prefixes[k]);
            self.push(out, T_SUFFIX, t.suffixes[k]);
        }
        if t.affix_len >= 3 {
            self.push2(out, T_SUFFIX_PROPS, t.suffixes[2], case_props as u64);
        }
        self.push(out, T_SHAPE0, t.shape);
        self.push(out, T_SHAPEM1, shape_of(prev, BOUNDARY_BEFORE));
        self.push(out, T_SHAPEP1, shape_of(next, BOUNDARY_AFTER));
        self.push2(out, T_SHAPE_M1_0, shape_of(prev, BOUNDARY_BEFORE), t.shape);
        self.push2(out, T_SHAPE_0_P1, t.shape, shape_of(next, BOUNDARY_AFTER));
        self.push(out, T_PROPS, t.props as u64);
        let props_m1 = prev.map_or(0xffff, |p| p.props & (CAPITALISED | ALL_CAPS | HAS_LETTER));
        let props_p1 = next.map_or(0xffff, |p| p.props & (CAPITALISED | ALL_CAPS | HAS_LETTER));
        self.push2(out, T_PROPS_M1_0_P1, (props_m1 as u64) << 16 | props_p1 as u64, case_props as u64);
        self.push2(out, T_BIGRAM_M1_0, word(-1), t.lower);
        self.push2(out, T_BIGRAM_0_P1, t.lower, word(1));
        self.push2(out, T_WM1_SHAPE0, word(-1), t.shape);
        self.push2(out, T_SHAPE0_WP1, t.shape, word(1));
        self.push(out, T_LENGTH, t.length_class as u64);
        self.cluster_features(t, prev, next, out);
        self.name_class_features(t, prev, next, out);
        if t.props & CAPITALISED != 0 {
            for k in 0..t.trigram_count as usize {
                self.push(out, T_TRIGRAM, t.trigrams[k]);
            }
        }
        if t.props & HAS_HYPHEN != 0 {
            self.push(out, T_HYPHEN_HEAD, t.hyphen_head);
            self.push(out, T_HYPHEN_TAIL, t.hyphen_tail);
        }
        self.push(out, T_LEX0, t.lexicon as u64);
        self.push2(out, T_LEX0_PROPS, t.lexicon as u64, case_props as u64);
        for bit in 0..flag::COUNT {
            let b = 1u16 << bit;
            if t.lexicon & b != 0 {
                self.push2(out, T_LEX0, 0x100 + bit as u64, case_props as u64);
            }
            if t.gazetteer_begin & b != 0 {
                self.push(out, T_GAZ_BEGIN, bit as u64);
            }
            if t.gazetteer_inside & b != 0 {
                self.push(out, T_GAZ_INSIDE, bit as u64);
            }
        }
        let lex_m1 = prev.map_or(0xffff, |p| p.lexicon | (p.gazetteer_begin | p.gazetteer_inside) << 9);
        let lex_p1 = next.map_or(0xffff, |p| p.lexicon | (p.gazetteer_begin | p.gazetteer_inside) << 9);
        self.push(out, T_LEXM1, lex_m1 as u64);
        self.push(out, T_LEXP1, lex_p1 as u64);
        self.push2(out, T_GAZ_M1, prev.map_or(0xffff, |p| p.lexicon & (flag::FIRST_NAME | flag::PARTICLE | flag::ROLE)) as u64, case_props as u64);
        self.push2(out, T_GAZ_P1, next.map_or(0xffff, |p| p.lexicon & (flag::SURNAME | flag::PARTICLE)) as u64, case_props as u64);
        if t.props & CAPITALISED != 0 {
            let lower_elsewhere = document.seen_lowercase.contains(&t.lower) as u64;
            let capitalised_mid = document.seen_capitalised_mid.contains(&t.lower) as u64;
            let introduced = document.introduced_as_person.contains(&t.lower) as u64;
            let doc = lower_elsewhere | capitalised_mid << 1 | ((t.props & INITIAL != 0) as u64) << 2 | introduced << 3;
            let after_capital = prev.is_some_and(|p| p.props & CAPITALISED != 0 && p.props & INITIAL == 0) as u64;
            self.push2(out, T_DOC_PERSON, introduced << 1 | after_capital, (t.lexicon & (flag::FIRST_NAME | flag::SURNAME)) as u64);
            self.push(out, T_DOC, doc);
            self.push2(out, T_LEX_DOC, doc, (t.lexicon & (flag::LOWER_WORD | flag::PROPER)) as u64);
            if let Some(contexts) = document.contexts.get(&t.lower) {
                for &(left, right) in contexts {
                    self.push(out, T_DOC_LEFT, left);
                    self.push(out, T_DOC_RIGHT, right);
                }
            }
        }
    }
}

const T_FIRST_LABEL: u64 = 40;
const T_FIRST_LABEL_PREV: u64 = 41;
const T_FIRST_LABEL_NEXT: u64 = 42;
const T_DOC_TYPES_MAJORITY: u64 = 43;
const T_DOC_TYPES_SET: u64 = 44;

/// Second-stage features of a document: the first stage's labels around each token and the
/// types the first stage gave the same capitalised word elsewhere in the document.
pub fn stacking_features<S: AsRef<str>>(sentences: &[Vec<S>], first: &[Vec<Label>], bits: u32) -> Vec<SentenceFeatures> {
    // Per capitalised word: how often the first stage typed it PER, ORG, LOC, MISC, or O.
    let mut votes: HashMap<u64, [u16; 5], Prehashed> = HashMap::default();
    let slot = |label: Label| label.kind_index().unwrap_or(4);
    for (sentence, labels) in sentences.iter().zip(first) {
        for (token, label) in sentence.iter().zip(labels) {
            if token.as_ref().chars().next().is_some_and(char::is_uppercase) {
                votes.entry(hash_lower(token.as_ref())).or_default()[slot(*label)] += 1;
            }
        }
    }
    let push = |out: &mut Vec<u32>, template: u64, a: u64, b: u64| out.push(bucket(mix(mix(template, a), b), bits));
    let mut all = Vec::with_capacity(sentences.len());
    for (sentence, labels) in sentences.iter().zip(first) {
        let mut out = SentenceFeatures { features: Vec::with_capacity(sentence.len() * 5), starts: vec![0] };
        for (i, token) in sentence.iter().enumerate() {
            let own = labels[i].0 as u64;
            let previous = if i == 0 { 99 } else { labels[i - 1].0 as u64 };
            let next = labels.get(i + 1).map_or(99, |l| l.0 as u64);
            push(&mut out.features, T_FIRST_LABEL, own, 0);
            push(&mut out.features, T_FIRST_LABEL_PREV, own, previous);
            push(&mut out.features, T_FIRST_LABEL_NEXT, own, next);
            if token.as_ref().chars().next().is_some_and(char::is_uppercase) {
                let mut others = votes.get(&hash_lower(token.as_ref())).copied().unwrap_or_default();
                others[slot(labels[i])] -= 1;
                let total: u16 = others.iter().sum();
                if total > 0 {
                    let majority = (0..5).max_by_key(|&k| (others[k], 5 - k)).unwrap_or(4) as u64;
                    let set = (0..5).filter(|&k| others[k] > 0).fold(0u64, |m, k| m | 1 << k);
                    push(&mut out.features, T_DOC_TYPES_MAJORITY, majority, own);
                    push(&mut out.features, T_DOC_TYPES_SET, set, 0);
                }
            }
            out.starts.push(out.features.len() as u32);
        }
        all.push(out);
    }
    all
}

/// Computes the per-token hashes and properties of one token.
fn analyse_token(token: &str) -> TokenInfo {
    let mut info = TokenInfo { lower: hash_lower(token), exact: hash_exact(token), ..TokenInfo::default() };
    let mut shape = 0x3c6e_f372_fe94_f82b_u64;
    let mut last_class = 0u32;
    let mut prefix: [char; 4] = ['\0'; 4];
    let mut ring: [char; 4] = ['\0'; 4];
    let mut count = 0usize;
    let mut letters = 0usize;
    let mut uppers = 0usize;
    let mut hyphen_head = 0x1111u64;
    let mut hyphen_tail = 0x2222u64;
    let mut seen_hyphen = false;
    let mut window = ['^'; 3];
    for c in token.chars() {
        let class = if c.is_uppercase() {
            uppers += 1;
            letters += 1;
            'X' as u32
        } else if c.is_alphabetic() {
            letters += 1;
            'x' as u32
        } else if c.is_numeric() {
            info.props |= HAS_DIGIT;
            'd' as u32
        } else {
            if c == '-' {
                info.props |= HAS_HYPHEN;
            } else if c == '.' {
                info.props |= HAS_PERIOD;
            }
            c as u32
        };
        if class != last_class {
            shape = mix(shape, class as u64);
            last_class = class;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        window = [window[1], window[2], lower];
        if count >= 2 && (info.trigram_count as usize) < MAX_TRIGRAMS {
            let k = info.trigram_count as usize;
            info.trigrams[k] = mix(mix(mix(0x7777, window[0] as u64), window[1] as u64), window[2] as u64);
            info.trigram_count += 1;
        }
        if count < 4 {
            prefix[count] = lower;
        }
        ring[count % 4] = lower;
        count += 1;
        if c == '-' {
            seen_hyphen = true;
            hyphen_tail = 0x2222;
        } else {
            if !seen_hyphen {
                hyphen_head = mix(hyphen_head, lower as u64);
            }
            hyphen_tail = mix(hyphen_tail, lower as u64);
        }
    }
    if letters > 0 {
        info.props |= HAS_LETTER;
    }
    if token.chars().next().is_some_and(char::is_uppercase) {
        info.props |= CAPITALISED;
    }
    if letters >= 2 && uppers == letters {
        info.props |= ALL_CAPS;
    }
    info.shape = shape;
    info.hyphen_head = hyphen_head;
    info.hyphen_tail = hyphen_tail;
    let affixes = count.min(4);
    info.affix_len = affixes as u8;
    let mut p = 0x4444u64;
    let mut s = 0x5555u64;
    for k in 0..affixes {
        p = mix(p, prefix[k] as u64);
        info.prefixes[k] = p;
        s = mix(s, ring[(count - 1 - k) % 4] as u64);
        info.suffixes[k] = s;
    }
    info.length_class = match count {
        0..=1 => 1,
        2..=3 => 2,
        4..=5 => 3,
        6..=8 => 4,
        _ => 5,
    };
    info
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features_of(tokens: &[&str], lexicon: &Lexicon) -> SentenceFeatures {
        let mut featurizer = Featurizer::new(lexicon, 18);
        let mut out = SentenceFeatures::default();
        let context = DocumentContext::of_document(&[tokens.to_vec()], lexicon);
        featurizer.sentence_features(tokens, &context, &mut out);
        out
    }

    #[test]
    fn every_token_gets_features_in_range() {
        let out = features_of(&["Marit", "Olsen-Dijk", "woont", "in", "Kralingen", "."], &Lexicon::default());
        assert_eq!(out.len(), 6);
        for i in 0..6 {
            assert!(out.of_token(i).len() > 20);
            assert!(out.of_token(i).iter().all(|&f| f < 1 << 18));
        }
    }

    #[test]
    fn case_and_suffix_change_features() {
        let a = analyse_token("Tijmen");
        let b = analyse_token("tijmen");
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.shape, b.shape);
        assert_eq!(a.suffixes, b.suffixes);
        assert_ne!(a.props & CAPITALISED, b.props & CAPITALISED);
        let c = analyse_token("NAVO-topman");
        assert!(c.props & HAS_HYPHEN != 0 && c.props & ALL_CAPS == 0);
        assert_eq!(c.hyphen_tail, analyse_token("topman").hyphen_tail);
    }

    #[test]
    fn name_classes_become_features_of_capitalised_words_only() {
        use crate::entities::name_classes::{Embeddings, NameClasses};
        let embeddings = Embeddings {
            words: vec!["Lufthansa".into(), "Sabena".into(), "Bochum".into()],
            dim: 2,
            vectors: vec![1.0, 0.0, 0.995, 0.0998, 0.0, 1.0],
        };
        let mut lexicon = Lexicon::default();
        lexicon.name_classes = NameClasses::learn(&embeddings, [2, 2], 1, &Default::default());
        let mut featurizer = Featurizer::new(&lexicon, 18);
        featurizer.analyse_tokens(&["Lufthansa", "en", "Sabena", "in", "Bochum", "lufthansa"]);
        let classes: Vec<_> = featurizer.infos.iter().map(|i| i.name_classes).collect();
        assert_eq!(classes[0], classes[2]);
        assert_ne!(classes[0], classes[4]);
        assert_eq!(classes[5], [NO_NAME_CLASS; NAME_LEVELS], "a lowercase word has no name class");
        let name_features = |word: &str| {
            let with = features_of(&["bij", word, "."], &lexicon);
            let without = features_of(&["bij", word, "."], &Lexicon::default());
            with.of_token(1).len() - without.of_token(1).len()
        };
        assert_eq!(name_features("Lufthansa"), NAME_LEVELS);
        assert_eq!(name_features("lufthansa"), 0);
    }

    #[test]
    fn gazetteer_phrases_mark_begin_and_inside() {
        let mut lexicon = Lexicon::default();
        lexicon.insert("nieuw zeeland", flag::COUNTRY);
        let mut featurizer = Featurizer::new(&lexicon, 18);
        featurizer.analyse_tokens(&["naar", "Nieuw", "Zeeland", "."]);
        featurizer.match_gazetteer();
        assert_eq!(featurizer.infos[1].gazetteer_begin, flag::COUNTRY);
        assert_eq!(featurizer.infos[2].gazetteer_inside, flag::COUNTRY);
        assert_eq!(featurizer.infos[0].gazetteer_begin | featurizer.infos[3].gazetteer_inside, 0);
        assert!(featurizer.infos[0].props & INITIAL != 0 && featurizer.infos[1].props & INITIAL == 0);
    }
}
