//! The tagger model: a hashed weight table (feature row × label), label-transition weights,
//! Viterbi decoding under BIO constraints, averaged-perceptron training, and the model file.

// Index loops over labels and positions read most clearly in the dynamic programme.
#![allow(clippy::needless_range_loop)]

use super::features::{stacking_features, DocumentContext, Featurizer, SentenceFeatures};
use super::gazetteer::Lexicon;
use super::labels::{Label, LABEL_COUNT};
use super::NerError;

const MAGIC: &[u8; 8] = b"KRNER003";
const L: usize = LABEL_COUNT;

/// A trained tagger: one or two stages of quantised weights and transitions, and the lexicon
/// its features use. With two stages, the second sees the first stage's labels of the whole
/// document (stacking: a name typed ORG elsewhere in the article is probably ORG here too).
#[derive(Clone, Debug)]
pub struct Model {
    /// Every weight table has `2^bits` rows.
    pub bits: u32,
    stages: Vec<Stage>,
    /// The lexicon (gazetteers and known words) the features look up.
    pub lexicon: Lexicon,
    /// Free-form facts about training (data, epochs, seed, dev score) as JSON.
    pub info: String,
}

/// One stage: quantised weights (row × label), transitions and start weights.
#[derive(Clone, Debug)]
struct Stage {
    weights: Vec<i16>,
    scale: f32,
    /// Factor on the offsets (the first stage's scores) a second stage adds to its own.
    offset_scale: f32,
    transitions: [[f32; L]; L],
    start: [f32; L],
}

/// Whether label `next` may follow label `previous` under BIO.
fn allowed(previous: usize, next: usize) -> bool {
    Label::may_follow(Some(Label(previous as u8)), Label(next as u8))
}

impl Stage {
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

    /// Label scores of every token, plus `offsets` (per token) when given.
    fn emissions(&self, sentence: &SentenceFeatures, offsets: &[[f32; L]], out: &mut Vec<[f32; L]>) {
        let n = sentence.len();
        out.clear();
        out.resize(n, [0.0; L]);
        for i in 0..n {
            self.emission(sentence.of_token(i), &mut out[i]);
            if let Some(offset) = offsets.get(i) {
                for l in 0..L {
                    out[i][l] += offset[l] * self.offset_scale;
                }
            }
        }
    }

    fn decode(&self, sentence: &SentenceFeatures, offsets: &[[f32; L]], scratch: &mut DecodeScratch) -> Vec<Label> {
        let mut emissions = std::mem::take(&mut scratch.emissions);
        self.emissions(sentence, offsets, &mut emissions);
        scratch.emissions = emissions;
        let emissions = std::mem::take(&mut scratch.emissions);
        let labels = viterbi(&emissions, &self.transitions, &self.start, scratch);
        scratch.emissions = emissions;
        labels
    }
}

/// The best label sequence for per-token label scores under BIO constraints.
fn viterbi(emissions: &[[f32; L]], transitions: &[[f32; L]; L], start: &[f32; L], scratch: &mut DecodeScratch) -> Vec<Label> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    scratch.scores.clear();
    scratch.backpointers.clear();
    scratch.scores.resize(n, [0.0; L]);
    scratch.backpointers.resize(n, [0u8; L]);
    for l in 0..L {
        scratch.scores[0][l] = if Label(l as u8).is_inside() { f32::NEG_INFINITY } else { emissions[0][l] + start[l] };
    }
    // Transitions BIO forbids score minus infinity, so the inner loop needs no test.
    let mut allowed_transitions = *transitions;
    for p in 0..L {
        for l in 0..L {
            if !allowed(p, l) {
                allowed_transitions[p][l] = f32::NEG_INFINITY;
            }
        }
    }
    for i in 1..n {
        let previous = scratch.scores[i - 1];
        for l in 0..L {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..L {
                let s = previous[p] + allowed_transitions[p][l];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            scratch.scores[i][l] = best + emissions[i][l];
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

impl Model {
    /// Number of stages (1, or 2 with stacking).
    pub fn stage_count(&self) -> usize {
        self.stages.len()
    }

    /// A two-stage model from a first-stage and a second-stage model (same table size); the
    /// second adds `offset_scale` × the first stage's label scores to its own.
    pub fn stacked(first: Model, second: Model, offset_scale: f32) -> Model {
        let mut stages = first.stages;
        stages.extend(second.stages);
        stages[1].offset_scale = offset_scale;
        Model { bits: first.bits, stages, lexicon: first.lexicon, info: String::new() }
    }

    /// The best label sequence for one sentence's features by the first stage (Viterbi under
    /// BIO constraints).
    pub fn decode(&self, sentence: &SentenceFeatures, scratch: &mut DecodeScratch) -> Vec<Label> {
        self.stages[0].decode(sentence, &[], scratch)
    }

    /// Tags a document: its sentences (token strings), with document-level evidence from all of
    /// them (and, with two stages, the first stage's labels of the whole document).
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Label>> {
        let context = DocumentContext::of_document(sentences, &self.lexicon);
        let mut featurizer = Featurizer::new(&self.lexicon, self.bits);
        let mut scratch = DecodeScratch::default();
        if self.stages.len() == 1 {
            let mut features = SentenceFeatures::default();
            return sentences
                .iter()
                .map(|sentence| {
                    featurizer.sentence_features(sentence, &context, &mut features);
                    self.stages[0].decode(&features, &[], &mut scratch)
                })
                .collect();
        }
        // Two stages: the second adds its weights for stacking features to the first stage's
        // label scores (kept from the first pass) and decodes again.
        let mut features = SentenceFeatures::default();
        let mut first_scores: Vec<Vec<[f32; L]>> = Vec::with_capacity(sentences.len());
        let mut first_labels: Vec<Vec<Label>> = Vec::with_capacity(sentences.len());
        for sentence in sentences {
            featurizer.sentence_features(sentence, &context, &mut features);
            let mut scores = Vec::new();
            self.stages[0].emissions(&features, &[], &mut scores);
            first_labels.push(viterbi(&scores, &self.stages[0].transitions, &self.stages[0].start, &mut scratch));
            first_scores.push(scores);
        }
        let stacked = stacking_features(sentences, &first_labels, self.bits);
        stacked.iter().zip(&first_scores).map(|(f, offsets)| self.stages[1].decode(f, offsets, &mut scratch)).collect()
    }

    /// Serialises the model: magic, sizes, stages, lexicon, info.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.stages.len() * self.stages[0].weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(L as u32).to_le_bytes());
        out.extend_from_slice(&(self.stages.len() as u32).to_le_bytes());
        for stage in &self.stages {
            out.extend_from_slice(&stage.scale.to_le_bytes());
            out.extend_from_slice(&stage.offset_scale.to_le_bytes());
            for row in &stage.transitions {
                for v in row {
                    out.extend_from_slice(&v.to_le_bytes());
                }
            }
            for v in &stage.start {
                out.extend_from_slice(&v.to_le_bytes());
            }
            for w in &stage.weights {
                out.extend_from_slice(&w.to_le_bytes());
            }
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
            return Err(bad("not a kroniek NER model of this version (magic KRNER003 missing); retrain with `kroniek train ner`"));
        }
        let bits = reader.u32().ok_or_else(|| bad("truncated header"))?;
        let labels = reader.u32().ok_or_else(|| bad("truncated header"))? as usize;
        let stage_count = reader.u32().ok_or_else(|| bad("truncated header"))? as usize;
        if labels != L || !(8..=26).contains(&bits) || !(1..=2).contains(&stage_count) {
            return Err(bad("unsupported label count, stage count or table size"));
        }
        let mut stages = Vec::with_capacity(stage_count);
        for _ in 0..stage_count {
            let scale = reader.f32().ok_or_else(|| bad("truncated stage"))?;
            let offset_scale = reader.f32().ok_or_else(|| bad("truncated stage"))?;
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
            stages.push(Stage { weights: i16s_from_le(raw), scale, offset_scale, transitions, start });
        }
        let (lexicon, used) = Lexicon::from_bytes(&bytes[reader.at..]).ok_or_else(|| bad("truncated lexicon"))?;
        reader.at += used;
        let info_len = reader.u64().ok_or_else(|| bad("truncated info"))? as usize;
        let info = String::from_utf8_lossy(reader.take(info_len).ok_or_else(|| bad("truncated info"))?).into_owned();
        Ok(Model { bits, stages, lexicon, info })
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
    emissions: Vec<[f32; L]>,
    scores: Vec<[f32; L]>,
    backpointers: Vec<[u8; L]>,
}

/// One training sentence: its features and gold labels.
pub struct TrainingSentence {
    /// Hashed features per token.
    pub features: SentenceFeatures,
    /// Gold labels per token.
    pub gold: Vec<Label>,
    /// Label scores added to each token's own (the first stage's, when training the second
    /// stage); empty when none.
    pub offsets: Vec<[f32; L]>,
}

/// Featurises documents of (tokens, gold labels) sentences for training or scoring.
pub fn featurize_documents(lexicon: &Lexicon, bits: u32, documents: &[Vec<(Vec<String>, Vec<Label>)>]) -> Vec<TrainingSentence> {
    let mut featurizer = Featurizer::new(lexicon, bits);
    let mut out = Vec::new();
    for document in documents {
        let tokens: Vec<Vec<&str>> = document.iter().map(|(t, _)| t.iter().map(String::as_str).collect()).collect();
        let context = DocumentContext::of_document(&tokens, lexicon);
        for (sentence, (_, gold)) in tokens.iter().zip(document) {
            let mut features = SentenceFeatures::default();
            featurizer.sentence_features(sentence, &context, &mut features);
            out.push(TrainingSentence { features, gold: gold.clone(), offsets: Vec::new() });
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
    /// Members averaged into the model (1: a single perceptron).
    pub ensemble: usize,
    /// With two stages: the share of the first stage's label scores the second adds to its own
    /// ([`STACK_OFFSET_SCALE`] unless tuned otherwise).
    pub stack_offset_scale: f32,
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
        Model { bits, stages: vec![Stage { weights, scale, offset_scale: 1.0, transitions, start }], lexicon: lexicon.clone(), info: String::new() }
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
    fn decode(&self, sentence: &SentenceFeatures, offsets: &[[f32; L]], scratch: &mut DecodeScratch) -> Vec<Label> {
        let emissions: Vec<[f32; L]> = (0..sentence.len())
            .map(|i| {
                let mut out = offsets.get(i).copied().unwrap_or([0f32; L]);
                for &f in sentence.of_token(i) {
                    let row = &self.learner.weights[f as usize * L..f as usize * L + L];
                    for l in 0..L {
                        out[l] += row[l];
                    }
                }
                out
            })
            .collect();
        viterbi(&emissions, &self.learner.transitions, &self.learner.start, scratch)
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
    on_epoch: impl FnMut(&EpochReport),
) -> (Model, Vec<EpochReport>) {
    let sentences: Vec<&TrainingSentence> = sentences.iter().collect();
    let dev: Vec<&TrainingSentence> = dev.iter().collect();
    train_on(&sentences, &dev, lexicon, options, on_epoch)
}

/// [`train`] over borrowed sentences.
/// With `options.ensemble` > 1, trains that many members (seeds `seed`, `seed + 1` …) and
/// averages their weights: the same decoding cost, a steadier model.
fn train_on(
    sentences: &[&TrainingSentence],
    dev: &[&TrainingSentence],
    lexicon: &Lexicon,
    options: &TrainOptions,
    mut on_epoch: impl FnMut(&EpochReport),
) -> (Model, Vec<EpochReport>) {
    let mut members = Vec::new();
    let mut reports = Vec::new();
    for member in 0..options.ensemble.max(1) {
        let seed = options.seed.wrapping_add(member as u64);
        let (model, member_reports) = train_member(sentences, dev, lexicon, options, seed, &mut on_epoch);
        members.push(model);
        reports.extend(member_reports);
    }
    if members.len() == 1 {
        return (members.pop().expect("one member"), reports);
    }
    let model = average_models(&members);
    if !dev.is_empty() {
        let report = EpochReport { epoch: 0, train_accuracy: f64::NAN, dev_f1: Some(score_sentence_refs(&model, dev).overall.f1()) };
        on_epoch(&report);
        reports.push(report);
    }
    (model, reports)
}

/// The average of single-stage models of one table size (weights dequantised, averaged,
/// quantised again).
fn average_models(models: &[Model]) -> Model {
    let n = models.len() as f32;
    let rows = models[0].stages[0].weights.len();
    let mut sum = vec![0f32; rows];
    let mut transitions = [[0f32; L]; L];
    let mut start = [0f32; L];
    for model in models {
        let stage = &model.stages[0];
        for (s, w) in sum.iter_mut().zip(&stage.weights) {
            *s += *w as f32 * stage.scale / n;
        }
        for p in 0..L {
            for l in 0..L {
                transitions[p][l] += stage.transitions[p][l] / n;
            }
            start[p] += stage.start[p] / n;
        }
    }
    let largest = sum.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
    let scale = largest / 32767.0;
    let weights = sum.iter().map(|w| (w / scale).round() as i16).collect();
    Model {
        bits: models[0].bits,
        stages: vec![Stage { weights, scale, offset_scale: 1.0, transitions, start }],
        lexicon: models[0].lexicon.clone(),
        info: String::new(),
    }
}

/// One averaged perceptron, shuffled by `seed`; keeps the pass with the best dev F1.
fn train_member(
    sentences: &[&TrainingSentence],
    dev: &[&TrainingSentence],
    lexicon: &Lexicon,
    options: &TrainOptions,
    seed: u64,
    on_epoch: &mut impl FnMut(&EpochReport),
) -> (Model, Vec<EpochReport>) {
    let mut learner = Learner::new(options.bits);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = SplitMix(seed);
    let mut best: Option<(f64, Model)> = None;
    let mut reports = Vec::new();
    for epoch in 1..=options.epochs.max(1) {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let (mut right, mut total) = (0usize, 0usize);
        let mut scratch = DecodeScratch::default();
        for &k in &order {
            let predicted = learner.current_decoder().decode(&sentences[k].features, &sentences[k].offsets, &mut scratch);
            right += predicted.iter().zip(&sentences[k].gold).filter(|(a, b)| a == b).count();
            total += predicted.len();
            learner.update(sentences[k], &predicted);
        }
        let model = learner.averaged_model(options.bits, lexicon);
        let dev_f1 = (!dev.is_empty()).then(|| score_sentence_refs(&model, dev).overall.f1());
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

/// Scores a model's first stage on featurised sentences by the conlleval rule.
pub fn score_sentences(model: &Model, sentences: &[TrainingSentence]) -> super::conll::ConllScore {
    score_sentence_refs(model, &sentences.iter().collect::<Vec<_>>())
}

fn score_sentence_refs(model: &Model, sentences: &[&TrainingSentence]) -> super::conll::ConllScore {
    let mut score = super::conll::ConllScore::default();
    let mut scratch = DecodeScratch::default();
    for sentence in sentences {
        let predicted = model.stages[0].decode(&sentence.features, &sentence.offsets, &mut scratch);
        score.add_sentence(&sentence.gold, &predicted);
    }
    score
}

/// One training document: its tokens per sentence and their featurised sentences.
pub struct TrainingDocument {
    /// Token strings per sentence.
    pub tokens: Vec<Vec<String>>,
    /// Base features and gold labels per sentence.
    pub sentences: Vec<TrainingSentence>,
}

/// Featurises documents, keeping document boundaries (needed for two-stage training).
pub fn featurize_training_documents(lexicon: &Lexicon, bits: u32, documents: &[Vec<(Vec<String>, Vec<Label>)>]) -> Vec<TrainingDocument> {
    documents
        .iter()
        .map(|document| TrainingDocument {
            tokens: document.iter().map(|(t, _)| t.clone()).collect(),
            sentences: featurize_documents(lexicon, bits, std::slice::from_ref(document)),
        })
        .collect()
}

/// The sentences of documents, in order.
fn flat<'a>(documents: &[&'a TrainingDocument]) -> Vec<&'a TrainingSentence> {
    documents.iter().flat_map(|d| d.sentences.iter()).collect()
}

/// Second-stage sentences of documents, given a first-stage model: stacking features from its
/// labels, and its label scores as offsets.
fn second_stage_sentences(first: &Model, documents: &[&TrainingDocument], bits: u32, offset_scale: f32) -> Vec<TrainingSentence> {
    let mut scratch = DecodeScratch::default();
    let mut out = Vec::new();
    let stage = &first.stages[0];
    for document in documents {
        let mut scores = Vec::new();
        let mut labels = Vec::new();
        for sentence in &document.sentences {
            let mut s = Vec::new();
            stage.emissions(&sentence.features, &[], &mut s);
            labels.push(viterbi(&s, &stage.transitions, &stage.start, &mut scratch));
            scores.push(s);
        }
        let stacked = stacking_features(&document.tokens, &labels, bits);
        out.extend(stacked.into_iter().zip(&document.sentences).zip(scores).map(|((features, s), mut offsets)| {
            for row in offsets.iter_mut() {
                for v in row.iter_mut() {
                    *v *= offset_scale;
                }
            }
            TrainingSentence { features, gold: s.gold.clone(), offsets }
        }));
    }
    out
}

/// How much of the first stage's label scores the second stage adds to its own, by default (tuned on
/// ned.testa: 0.05 → 81.6, 0.1 → 81.7, 0.2 → 82.0, 0.3 → 81.2, 0.5 → 80.0 F1; with name
/// classes 0.1 scored better, see `kroniek train ner --stack-offset-scale`).
pub const STACK_OFFSET_SCALE: f32 = 0.2;

/// Trains a two-stage (stacked) model: the first stage on all training documents; the second
/// on features that include first-stage labels, which for the training documents come from
/// `folds` models each trained without that document's fold (so the second stage learns how far
/// to trust first-stage labels on unseen text). `on_epoch` hears (stage name, report).
pub fn train_stacked(
    train_documents: &[TrainingDocument],
    dev_documents: &[TrainingDocument],
    lexicon: &Lexicon,
    options: &TrainOptions,
    folds: usize,
    mut on_epoch: impl FnMut(&str, &EpochReport),
) -> (Model, Vec<EpochReport>) {
    let all: Vec<&TrainingDocument> = train_documents.iter().collect();
    let dev: Vec<&TrainingDocument> = dev_documents.iter().collect();
    let (first, _) = train_on(&flat(&all), &flat(&dev), lexicon, options, |r| on_epoch("stage 1", r));
    let folds = folds.max(2);
    let mut second_train: Vec<(usize, Vec<TrainingSentence>)> = Vec::new();
    for fold in 0..folds {
        let held: Vec<&TrainingDocument> = all.iter().enumerate().filter(|(i, _)| i % folds == fold).map(|(_, d)| *d).collect();
        let rest: Vec<&TrainingDocument> = all.iter().enumerate().filter(|(i, _)| i % folds != fold).map(|(_, d)| *d).collect();
        let (model, _) = train_on(&flat(&rest), &flat(&dev), lexicon, options, |r| on_epoch(&format!("fold {}/{folds}", fold + 1), r));
        second_train.push((fold, second_stage_sentences(&model, &held, options.bits, options.stack_offset_scale)));
    }
    let second_sentences: Vec<&TrainingSentence> = second_train.iter().flat_map(|(_, s)| s.iter()).collect();
    let second_dev = second_stage_sentences(&first, &dev, options.bits, options.stack_offset_scale);
    let (second, reports) = train_on(&second_sentences, &second_dev.iter().collect::<Vec<_>>(), lexicon, options, |r| on_epoch("stage 2", r));
    (Model::stacked(first, second, options.stack_offset_scale), reports)
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
        let options = TrainOptions { epochs: 5, seed: 7, bits: 16, ensemble: 1, stack_offset_scale: STACK_OFFSET_SCALE };
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
        let (model, _) = train(&sentences, &[], &lexicon, &TrainOptions { epochs: 1, seed: 1, bits: 16, ensemble: 1, stack_offset_scale: STACK_OFFSET_SCALE }, |_| {});
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
