//! The tagger model: a hashed weight table (feature row × label), label-transition weights,
//! Viterbi decoding under BIO constraints, averaged-perceptron training, and the model file.

use super::features::{DocumentContext, Featurizer, SentenceFeatures};
use super::gazetteer::Lexicon;
use super::labels::{Label, LABEL_COUNT};
use super::NerError;

const MAGIC: &[u8; 8] = b"KRNER001";
const L: usize = LABEL_COUNT;

/// A trained tagger: quantised weights, transitions and the lexicon its features use.
#[derive(Clone, Debug)]
pub struct Model {
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    weights: Vec<i16>,
    scale: f32,
    transitions: [[f32; L]; L],
    start: [f32; L],
    /// The lexicon (gazetteers and known words) the features look up.
    pub lexicon: Lexicon,
    /// Free-form facts about training (data, epochs, seed, dev score) as JSON.
    pub info: String,
}

/// Allowed-transition mask: `ALLOWED[p][n]` when label n may follow label p.
fn allowed(previous: usize, next: usize) -> bool {
    Label::may_follow(Some(Label(previous as u8)), Label(next as u8))
}

impl Model {
    /// The label scores of one token's features.
    #[inline]
    fn emission(&self, features: &[u32], out: &mut [f32; L]) {
        let mut sums = [0i32; L];
        for &f in features {
            let row = &self.weights[f as usize * L..f as usize * L + L];
            for l in 0..L {
                sums[l] += row[l] as i32;
            }
        }
        for l in 0..L {
            out[l] = sums[l] as f32 * self.scale;
        }
    }

    /// The best label sequence for one sentence's features (Viterbi under BIO constraints).
    pub fn decode(&self, sentence: &SentenceFeatures, scratch: &mut DecodeScratch) -> Vec<Label> {
        let n = sentence.len();
        if n == 0 {
            return Vec::new();
        }
        scratch.scores.clear();
        scratch.backpointers.clear();
        scratch.scores.resize(n, [0.0; L]);
        scratch.backpointers.resize(n, [0u8; L]);
        let mut emission = [0f32; L];
        self.emission(sentence.of_token(0), &mut emission);
        for l in 0..L {
            scratch.scores[0][l] = if Label(l as u8).is_inside() { f32::NEG_INFINITY } else { emission[l] + self.start[l] };
        }
        for i in 1..n {
            self.emission(sentence.of_token(i), &mut emission);
            let previous = scratch.scores[i - 1];
            for l in 0..L {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for p in 0..L {
                    if !allowed(p, l) {
                        continue;
                    }
                    let s = previous[p] + self.transitions[p][l];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                scratch.scores[i][l] = best + emission[l];
                scratch.backpointers[i][l] = arg;
            }
        }
        let last = &scratch.scores[n - 1];
        let mut label = (0..L).fold(0, |b, l| if last[l] > last[b] { l } else { b });
        let mut labels = vec![Label::O; n];
        for i in (0..n).rev() {
            labels[i] = Label(label as u8);
            label = scratch.backpointers[i][label] as usize;
        }
        labels
    }

    /// Tags a document: its sentences (token strings), sentence by sentence, with document-level
    /// case evidence from all of them.
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Label>> {
        let context = DocumentContext::of_document(sentences);
        let mut featurizer = Featurizer::new(&self.lexicon, self.bits);
        let mut features = SentenceFeatures::default();
        let mut scratch = DecodeScratch::default();
        sentences
            .iter()
            .map(|sentence| {
                featurizer.sentence_features(sentence, &context, &mut features);
                self.decode(&features, &mut scratch)
            })
            .collect()
    }

    /// Serialises the model: magic, sizes, scale, transitions, weights, lexicon, info.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(L as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.transitions {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for v in &self.start {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&self.lexicon.to_bytes());
        out.extend_from_slice(&(self.info.len() as u64).to_le_bytes());
        out.extend_from_slice(self.info.as_bytes());
        out
    }

    /// Reads a model written by [`Model::to_bytes`]; `origin` names it in errors.
    pub fn from_bytes(bytes: &[u8], origin: &str) -> Result<Model, NerError> {
        let bad = |what: &str| NerError::Model { origin: origin.to_string(), message: what.to_string() };
        let mut reader = ByteReader { bytes, at: 0 };
        if reader.take(8).ok_or_else(|| bad("file too short"))? != MAGIC {
            return Err(bad("not a kroniek NER model (magic KRNER001 missing); retrain with `kroniek train ner`"));
        }
        let bits = reader.u32().ok_or_else(|| bad("truncated header"))?;
        let labels = reader.u32().ok_or_else(|| bad("truncated header"))? as usize;
        if labels != L || !(8..=26).contains(&bits) {
            return Err(bad("unsupported label count or table size"));
        }
        let scale = reader.f32().ok_or_else(|| bad("truncated header"))?;
        let mut transitions = [[0f32; L]; L];
        for row in transitions.iter_mut() {
            for v in row.iter_mut() {
                *v = reader.f32().ok_or_else(|| bad("truncated transitions"))?;
            }
        }
        let mut start = [0f32; L];
        for v in start.iter_mut() {
            *v = reader.f32().ok_or_else(|| bad("truncated transitions"))?;
        }
        let count = (1usize << bits) * L;
        let raw = reader.take(count * 2).ok_or_else(|| bad("truncated weight table"))?;
        let weights = i16s_from_le(raw);
        let (lexicon, used) = Lexicon::from_bytes(&bytes[reader.at..]).ok_or_else(|| bad("truncated lexicon"))?;
        reader.at += used;
        let info_len = reader.u64().ok_or_else(|| bad("truncated info"))? as usize;
        let info = String::from_utf8_lossy(reader.take(info_len).ok_or_else(|| bad("truncated info"))?).into_owned();
        Ok(Model { bits, weights, scale, transitions, start, lexicon, info })
    }
}

/// Converts little-endian i16 bytes quickly (a plain copy on little-endian machines, so
/// loading stays fast even in debug builds).
fn i16s_from_le(raw: &[u8]) -> Vec<i16> {
    let count = raw.len() / 2;
    let mut out: Vec<i16> = Vec::with_capacity(count);
    if cfg!(target_endian = "little") {
        // SAFETY: `out` has capacity for `count` i16 = `raw.len()` bytes; any bit pattern is a
        // valid i16; the regions do not overlap; length is set only after the copy.
        unsafe {
            std::ptr::copy_nonoverlapping(raw.as_ptr(), out.as_mut_ptr() as *mut u8, count * 2);
            out.set_len(count);
        }
    } else {
        out.extend(raw.chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]])));
    }
    out
}

struct ByteReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> ByteReader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

/// Reusable buffers for [`Model::decode`].
#[derive(Default)]
pub struct DecodeScratch {
    scores: Vec<[f32; L]>,
    backpointers: Vec<[u8; L]>,
}

/// One training sentence: its features and gold labels.
pub struct TrainingSentence {
    /// Hashed features per token.
    pub features: SentenceFeatures,
    /// Gold labels per token.
    pub gold: Vec<Label>,
}

/// Featurises documents of (tokens, gold labels) sentences for training or scoring.
pub fn featurize_documents(lexicon: &Lexicon, bits: u32, documents: &[Vec<(Vec<String>, Vec<Label>)>]) -> Vec<TrainingSentence> {
    let mut featurizer = Featurizer::new(lexicon, bits);
    let mut out = Vec::new();
    for document in documents {
        let tokens: Vec<Vec<&str>> = document.iter().map(|(t, _)| t.iter().map(String::as_str).collect()).collect();
        let context = DocumentContext::of_document(&tokens);
        for (sentence, (_, gold)) in tokens.iter().zip(document) {
            let mut features = SentenceFeatures::default();
            featurizer.sentence_features(sentence, &context, &mut features);
            out.push(TrainingSentence { features, gold: gold.clone() });
        }
    }
    out
}

/// Settings for [`train`].
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the training data (the best pass on the dev data is kept when given).
    pub epochs: usize,
    /// Seed of the sentence-order shuffle; the same seed gives the same model.
    pub seed: u64,
    /// The weight table has `2^bits` rows.
    pub bits: u32,
}

/// The averaged-perceptron learner's state.
struct Learner {
    weights: Vec<f32>,
    totals: Vec<f64>,
    transitions: [[f32; L]; L],
    transition_totals: [[f64; L]; L],
    start: [f32; L],
    start_totals: [f64; L],
    step: f64,
}

impl Learner {
    fn new(bits: u32) -> Self {
        let n = (1usize << bits) * L;
        Learner {
            weights: vec![0.0; n],
            totals: vec![0.0; n],
            transitions: [[0.0; L]; L],
            transition_totals: [[0.0; L]; L],
            start: [0.0; L],
            start_totals: [0.0; L],
            step: 1.0,
        }
    }

    fn bump_features(&mut self, features: &[u32], label: Label, delta: f32) {
        for &f in features {
            let i = f as usize * L + label.0 as usize;
            self.weights[i] += delta;
            self.totals[i] += self.step * delta as f64;
        }
    }

    fn update(&mut self, sentence: &TrainingSentence, predicted: &[Label]) {
        for i in 0..predicted.len() {
            let (gold, guess) = (sentence.gold[i], predicted[i]);
            if gold != guess {
                self.bump_features(sentence.features.of_token(i), gold, 1.0);
                self.bump_features(sentence.features.of_token(i), guess, -1.0);
            }
            let gold_pair = (if i == 0 { None } else { Some(sentence.gold[i - 1]) }, gold);
            let guess_pair = (if i == 0 { None } else { Some(predicted[i - 1]) }, guess);
            if gold_pair != guess_pair {
                for ((previous, label), delta) in [(gold_pair, 1.0f32), (guess_pair, -1.0)] {
                    match previous {
                        None => {
                            self.start[label.0 as usize] += delta;
                            self.start_totals[label.0 as usize] += self.step * delta as f64;
                        }
                        Some(p) => {
                            self.transitions[p.0 as usize][label.0 as usize] += delta;
                            self.transition_totals[p.0 as usize][label.0 as usize] += self.step * delta as f64;
                        }
                    }
                }
            }
        }
        self.step += 1.0;
    }

    /// The averaged weights, quantised into a model.
    fn averaged_model(&self, bits: u32, lexicon: &Lexicon) -> Model {
        let average = |w: f32, total: f64| (w as f64 - total / self.step) as f32;
        let averaged: Vec<f32> = self.weights.iter().zip(&self.totals).map(|(w, t)| average(*w, *t)).collect();
        let largest = averaged.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
        let scale = largest / 32767.0;
        let weights = averaged.iter().map(|w| (w / scale).round() as i16).collect();
        let mut transitions = [[0f32; L]; L];
        let mut start = [0f32; L];
        for p in 0..L {
            for l in 0..L {
                transitions[p][l] = average(self.transitions[p][l], self.transition_totals[p][l]);
            }
            start[p] = average(self.start[p], self.start_totals[p]);
        }
        Model { bits, weights, scale, transitions, start, lexicon: lexicon.clone(), info: String::new() }
    }

    /// The current (not averaged) weights as a model for decoding during training.
    fn current_decoder(&self) -> CurrentWeights<'_> {
        CurrentWeights { learner: self }
    }
}

/// Decoding with the learner's current float weights (training-time predictions).
struct CurrentWeights<'a> {
    learner: &'a Learner,
}

impl CurrentWeights<'_> {
    fn decode(&self, sentence: &SentenceFeatures) -> Vec<Label> {
        let n = sentence.len();
        let mut scores = vec![[0f32; L]; n];
        let mut back = vec![[0u8; L]; n];
        let emission = |i: usize| {
            let mut out = [0f32; L];
            for &f in sentence.of_token(i) {
                let row = &self.learner.weights[f as usize * L..f as usize * L + L];
                for l in 0..L {
                    out[l] += row[l];
                }
            }
            out
        };
        if n == 0 {
            return Vec::new();
        }
        let e = emission(0);
        for l in 0..L {
            scores[0][l] = if Label(l as u8).is_inside() { f32::NEG_INFINITY } else { e[l] + self.learner.start[l] };
        }
        for i in 1..n {
            let e = emission(i);
            for l in 0..L {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for p in 0..L {
                    if allowed(p, l) {
                        let s = scores[i - 1][p] + self.learner.transitions[p][l];
                        if s > best {
                            best = s;
                            arg = p as u8;
                        }
                    }
                }
                scores[i][l] = best + e[l];
                back[i][l] = arg;
            }
        }
        let mut label = (0..L).fold(0, |b, l| if scores[n - 1][l] > scores[n - 1][b] { l } else { b });
        let mut labels = vec![Label::O; n];
        for i in (0..n).rev() {
            labels[i] = Label(label as u8);
            label = back[i][label] as usize;
        }
        labels
    }
}

/// A small deterministic generator (SplitMix64) for the shuffle.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// What one training pass achieved.
#[derive(Clone, Debug)]
pub struct EpochReport {
    /// 1-based pass number.
    pub epoch: usize,
    /// Token accuracy of the training-time predictions in this pass.
    pub train_accuracy: f64,
    /// Overall F1 on the dev sentences, when given.
    pub dev_f1: Option<f64>,
}

/// Trains an averaged perceptron; with dev sentences, keeps the pass with the best dev F1.
/// `on_epoch` hears about every pass. Deterministic for a given seed and data.
pub fn train(
    sentences: &[TrainingSentence],
    dev: &[TrainingSentence],
    lexicon: &Lexicon,
    options: &TrainOptions,
    mut on_epoch: impl FnMut(&EpochReport),
) -> (Model, Vec<EpochReport>) {
    let mut learner = Learner::new(options.bits);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = SplitMix(options.seed);
    let mut best: Option<(f64, Model)> = None;
    let mut reports = Vec::new();
    for epoch in 1..=options.epochs.max(1) {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let predicted = learner.current_decoder().decode(&sentences[k].features);
            right += predicted.iter().zip(&sentences[k].gold).filter(|(a, b)| a == b).count();
            total += predicted.len();
            learner.update(&sentences[k], &predicted);
        }
        let model = learner.averaged_model(options.bits, lexicon);
        let dev_f1 = (!dev.is_empty()).then(|| score_sentences(&model, dev).overall.f1());
        let report = EpochReport { epoch, train_accuracy: right as f64 / total.max(1) as f64, dev_f1 };
        on_epoch(&report);
        reports.push(report);
        let score = dev_f1.unwrap_or(epoch as f64);
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, model));
        }
    }
    (best.expect("at least one epoch").1, reports)
}

/// Scores a model on featurised sentences by the conlleval rule.
pub fn score_sentences(model: &Model, sentences: &[TrainingSentence]) -> super::conll::ConllScore {
    let mut score = super::conll::ConllScore::default();
    let mut scratch = DecodeScratch::default();
    for sentence in sentences {
        let predicted = model.decode(&sentence.features, &mut scratch);
        score.add_sentence(&sentence.gold, &predicted);
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy_documents() -> Vec<Vec<(Vec<String>, Vec<Label>)>> {
        let per = |s: &str| Label::parse(s).unwrap();
        let sentence = |words: &str, tags: &str| {
            (words.split(' ').map(String::from).collect::<Vec<_>>(), tags.split(' ').map(per).collect::<Vec<_>>())
        };
        vec![vec![
            sentence("Joost Varel woont in Zwolle .", "B-PER I-PER O O B-LOC O"),
            sentence("Varel werkt bij Brakko .", "B-PER O O B-ORG O"),
            sentence("In Zwolle regent het .", "O B-LOC O O O"),
            sentence("Anna Varel bezoekt Brakko in Zwolle .", "B-PER I-PER O B-ORG O B-LOC O"),
        ]]
    }

    #[test]
    fn learns_toy_data_deterministically_and_round_trips() {
        let lexicon = Lexicon::default();
        let sentences = featurize_documents(&lexicon, 16, &toy_documents());
        let options = TrainOptions { epochs: 5, seed: 7, bits: 16 };
        let (model, reports) = train(&sentences, &[], &lexicon, &options, |_| {});
        assert_eq!(reports.len(), 5);
        let score = score_sentences(&model, &sentences);
        assert!(score.overall.f1() > 0.99, "{:?}", score.overall);
        let (again, _) = train(&sentences, &[], &lexicon, &options, |_| {});
        assert_eq!(model.to_bytes(), again.to_bytes());
        let back = Model::from_bytes(&model.to_bytes(), "test").unwrap();
        assert_eq!(back.to_bytes(), model.to_bytes());
        let tags = back.tag_document(&[vec!["Anna", "Varel", "woont", "in", "Zwolle", "."]]);
        assert_eq!(tags[0][0], Label::parse("B-PER").unwrap());
        assert_eq!(tags[0][4], Label::parse("B-LOC").unwrap());
    }

    #[test]
    fn decoding_never_breaks_bio() {
        let lexicon = Lexicon::default();
        let sentences = featurize_documents(&lexicon, 16, &toy_documents());
        let (model, _) = train(&sentences, &[], &lexicon, &TrainOptions { epochs: 1, seed: 1, bits: 16 }, |_| {});
        for labels in model.tag_document(&[vec!["Brakko", "Zwolle", "Varel", "x", "Y", "Z"]]) {
            for i in 0..labels.len() {
                assert!(Label::may_follow(if i == 0 { None } else { Some(labels[i - 1]) }, labels[i]));
            }
        }
    }

    #[test]
    fn rejects_foreign_bytes() {
        assert!(Model::from_bytes(b"not a model at all", "x").is_err());
    }
}
