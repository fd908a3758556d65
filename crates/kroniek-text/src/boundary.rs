//! The sentence-boundary model: a binary averaged perceptron over hashed features that decides
//! the gaps the splitter's rules leave open.
//!
//! The rules find sentences that end in `.`, `!`, `?` or at a line break. What they cannot see
//! is a sentence without final punctuation run into the next one on the same line: a heading
//! (`Geschiedenis Het dorp …`), a list item (`Jan Peumans Helga Stevens`), an infobox line
//! (`Oppervlakte: 2106 km² Hoogste punt: …`). Such gaps — before a capital, a digit or an
//! opening quote or bracket, with no punctuation boundary (see `Splitter::is_open_gap`) — are
//! scored here from the words, shapes and capitals around the gap and the sentence so far.
//!
//! The weights are trained by `kroniek train sentences` (see [`train`]) and ship as
//! `models/sentences-nl.bin`, built into the program. The file is a header and a dense table of
//! quantised weights indexed by feature hash.

use crate::eval::{
    evaluate_sentences_with, running_text, Counts, Join, RunningText, SentenceEvaluation,
    UdSentence,
};
use crate::residue::is_caption_marker;
use crate::sentences::{split_with_decider, Splitter};
use crate::word_classes::{WordClasses, FIRST_NAME, VERB};
use crate::{tokenize, TokenKind};
use std::sync::OnceLock;

/// The model file committed under `models/`, built into the program.
const EMBEDDED_MODEL: &[u8] = include_bytes!("../../../models/sentences-nl.bin");

/// First bytes of a model file.
const MAGIC: &[u8; 8] = b"KRSENT02";

/// Bytes of the header: magic, hash bits (u32), threshold (f32), weight scale (f32).
const HEADER_BYTES: usize = 8 + 4 + 4 + 4;

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("sentence boundary model: {0}")]
pub struct ModelError(String);

/// Weights of the boundary classifier: a gap is a boundary when the sum of the weights of its
/// features, times `scale`, is above `threshold`.
#[derive(Clone, Debug, PartialEq)]
pub struct BoundaryModel {
    /// log2 of the number of weights.
    bits: u32,
    /// Score above which a gap is a boundary.
    threshold: f32,
    /// Value of one step of a quantised weight.
    scale: f32,
    /// One weight per hash bucket.
    weights: Vec<i16>,
    /// Classes of words from the project's word lists (first names, lower-case words …).
    classes: WordClasses,
}

impl BoundaryModel {
    /// The model built into the program (read once per process); `None` if the embedded file
    /// is empty or damaged (the splitter then uses its rules alone).
    pub fn embedded() -> Option<&'static BoundaryModel> {
        static EMBEDDED: OnceLock<Option<BoundaryModel>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| BoundaryModel::from_bytes(EMBEDDED_MODEL).ok())
            .as_ref()
    }

    /// Reads a model from the bytes of a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        if bytes.len() < HEADER_BYTES || &bytes[..8] != MAGIC {
            return Err(ModelError(
                "not a kroniek sentence model (run `kroniek train sentences`)".into(),
            ));
        }
        let word = |at: usize| [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]];
        let bits = u32::from_le_bytes(word(8));
        let threshold = f32::from_le_bytes(word(12));
        let scale = f32::from_le_bytes(word(16));
        let weights_end = HEADER_BYTES + (2usize << bits.min(30));
        if !(8..=24).contains(&bits) || bytes.len() < weights_end {
            return Err(ModelError(format!(
                "{} bytes do not hold 2^{bits} weights",
                bytes.len()
            )));
        }
        let weights = bytes[HEADER_BYTES..weights_end]
            .chunks_exact(2)
            .map(|pair| i16::from_le_bytes([pair[0], pair[1]]))
            .collect();
        let classes = WordClasses::from_bytes(&bytes[weights_end..])
            .ok_or_else(|| ModelError("the word classes after the weights are damaged".into()))?;
        Ok(BoundaryModel {
            bits,
            threshold,
            scale,
            weights,
            classes,
        })
    }

    /// The bytes of the model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(HEADER_BYTES + 2 * self.weights.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&self.bits.to_le_bytes());
        bytes.extend_from_slice(&self.threshold.to_le_bytes());
        bytes.extend_from_slice(&self.scale.to_le_bytes());
        for weight in &self.weights {
            bytes.extend_from_slice(&weight.to_le_bytes());
        }
        bytes.extend_from_slice(&self.classes.to_bytes());
        bytes
    }

    /// The same weights with another decision threshold.
    pub fn with_threshold(mut self, threshold: f32) -> Self {
        self.threshold = threshold;
        self
    }

    /// The word classes the model's features ask about.
    pub fn word_classes(&self) -> &WordClasses {
        &self.classes
    }

    /// Whether a sentence that began at token `first` ends after token `i`, an open gap of
    /// `splitter`; `features` is a buffer for the gap's feature hashes.
    pub(crate) fn decides_boundary(
        &self,
        splitter: &Splitter,
        first: usize,
        i: usize,
        features: &mut Vec<u64>,
    ) -> bool {
        if kept_shut(splitter, &self.classes, first, i) {
            return false;
        }
        features.clear();
        gap_features(splitter, first, i, &self.classes, features);
        self.is_boundary(features)
    }

    /// The score of a gap with these feature hashes (positive: more likely a boundary).
    pub fn score(&self, features: &[u64]) -> f32 {
        let sum: i32 = features
            .iter()
            .map(|&h| i32::from(self.weights[bucket(h, self.bits)]))
            .sum();
        sum as f32 * self.scale
    }

    /// Whether a gap with these feature hashes is a sentence boundary.
    pub fn is_boundary(&self, features: &[u64]) -> bool {
        self.score(features) > self.threshold
    }
}

/// The weight bucket of a feature hash.
fn bucket(hash: u64, bits: u32) -> usize {
    (hash >> (64 - bits)) as usize
}

/// FNV-1a over the parts of one feature; the template number comes first, so the same word in
/// two templates gives two features.
struct FeatureHash(u64);

impl FeatureHash {
    fn new(template: u8) -> Self {
        let mut hash = FeatureHash(0xcbf2_9ce4_8422_2325);
        hash.byte(template);
        hash
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        for &b in bytes {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }
    /// Adds a word in lower case (no allocation).
    fn lower(&mut self, word: &str) -> &mut Self {
        for c in word.chars() {
            if c.is_ascii() {
                self.byte(c.to_ascii_lowercase() as u8);
                continue;
            }
            let mut buffer = [0u8; 4];
            for l in c.to_lowercase() {
                for &b in l.encode_utf8(&mut buffer).as_bytes() {
                    self.byte(b);
                }
            }
        }
        self.byte(0xff);
        self
    }
    fn finish(&mut self) -> u64 {
        // final mix so that the top bits (the bucket) depend on every byte
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

/// A token's shape: capitals, digits, or the punctuation itself.
fn shape<'a>(splitter: &Splitter<'a>, k: usize) -> &'a str {
    let Some(token) = splitter.tokens.get(k) else {
        return "</s>";
    };
    let text = token.span.text(splitter.text);
    match token.kind {
        TokenKind::Word => word_shape(text),
        TokenKind::Number => {
            let b = text.as_bytes();
            if b.len() == 4 && b.iter().all(u8::is_ascii_digit) && matches!(b[0], b'1' | b'2') {
                "1999"
            } else if b.iter().all(u8::is_ascii_digit) {
                "0"
            } else {
                "0.0"
            }
        }
        TokenKind::Quote if splitter.is_opening_quote(k) => "«",
        TokenKind::Quote => "»",
        TokenKind::Url | TokenKind::Email => "url",
        TokenKind::Punct | TokenKind::Symbol => {
            if text.len() <= 4 {
                text
            } else {
                "sym"
            }
        }
    }
}

/// Shape of a word: `Aa` capitalised, `AA` all capitals, `Aa-` capitalised compound, `a`
/// lower case, `a.` abbreviation, `0a` starting with a digit.
fn word_shape(text: &str) -> &'static str {
    let first = text.chars().next().unwrap_or(' ');
    if text.ends_with('.') {
        if first.is_uppercase() {
            "A."
        } else {
            "a."
        }
    } else if first.is_uppercase() {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        if letters > 1 && !text.chars().any(char::is_lowercase) {
            "AA"
        } else if text.contains('-') {
            "Aa-"
        } else {
            "Aa"
        }
    } else if first.is_lowercase() {
        "a"
    } else if first.is_numeric() {
        "0a"
    } else {
        "w"
    }
}

/// Whether token `k` is a word written with a capital.
fn is_capitalised(splitter: &Splitter, k: usize) -> bool {
    splitter.tokens[k].kind == TokenKind::Word
        && splitter
            .token_text(k)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// Whether the rules keep the open gap after token `i` (in a sentence that began at token
/// `first`) shut before the model is asked: inside a name, before a title, after a caption
/// marker, before a quotation the sentence runs on after.
fn kept_shut(splitter: &Splitter, classes: &WordClasses, first: usize, i: usize) -> bool {
    continues_name(splitter, classes, i)
        || opens_title(splitter, i)
        || after_caption_marker(splitter, first, i)
        || quotation_runs_on(splitter, i)
}

/// Most tokens of a short quotation (a title, a word or question quoted inside a sentence).
const QUOTATION_TOKENS: usize = 12;

/// Whether the gap after token `i`, a lower-case word, comes before a short quotation without
/// a full stop after whose closing quote the sentence runs on with a lower-case word (`vroeg
/// "Waarom?" en ging`, `noemde het "onzin" omdat …`): the quotation is part of the sentence.
fn quotation_runs_on(splitter: &Splitter, i: usize) -> bool {
    let open = i + 1;
    let starts_lower = |k: usize| {
        splitter.tokens[k].kind == TokenKind::Word
            && splitter
                .token_text(k)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    };
    if !starts_lower(i) || !splitter.is_opening_quote(open) {
        return false;
    }
    let end = splitter.tokens.len().min(open + QUOTATION_TOKENS);
    (open + 1..end)
        .find(|&k| splitter.tokens[k].kind == TokenKind::Quote || splitter.token_text(k) == ".")
        .is_some_and(|close| {
            splitter.is_closer(close)
                && close + 1 < splitter.tokens.len()
                && starts_lower(close + 1)
        })
}

/// Whether the gap after token `i` lies inside a name: a first name or a form of address
/// before a capitalised name particle and a capitalised word (`Bart De Wever`, `Mevrouw De
/// Morgan`, `Herman Van Autgaerden`). The treebanks have too few such names for the model to
/// learn this, and splitting them is a costly error.
fn continues_name(splitter: &Splitter, classes: &WordClasses, i: usize) -> bool {
    const PARTICLES: &[&str] = &[
        "De", "Den", "Der", "Van", "Vande", "Vanden", "Vander", "Ter", "Ten", "Te", "Le", "La",
        "Du", "Von", "Di", "Da", "Del", "Op", "In", "'t",
    ];
    const FORMS_OF_ADDRESS: &[&str] = &[
        "mevrouw", "meneer", "heer", "mevr", "dhr", "dokter", "pater", "zuster", "broeder",
    ];
    let (next, after) = (i + 1, i + 2);
    after < splitter.tokens.len()
        && is_capitalised(splitter, i)
        && PARTICLES.contains(&splitter.token_text(next))
        && is_capitalised(splitter, after)
        && {
            let word = splitter.token_text(i);
            classes.classes_of(word) & FIRST_NAME != 0
                || FORMS_OF_ADDRESS
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(word))
        }
}

/// Whether the gap after token `i` comes before a capitalised article and another capital,
/// the start of a title or name (`meldt Het Parool`, `schreef De Standaard`), after a
/// lower-case word.
fn opens_title(splitter: &Splitter, i: usize) -> bool {
    let (next, after) = (i + 1, i + 2);
    after < splitter.tokens.len()
        && splitter.tokens[i].kind == TokenKind::Word
        && splitter
            .token_text(i)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        && matches!(splitter.token_text(next), "De" | "Het" | "Een" | "'t")
        && is_capitalised(splitter, after)
}

/// Whether the sentence so far is a caption marker (`Volledig scherm`), which stays with the
/// caption after it.
fn after_caption_marker(splitter: &Splitter, first: usize, i: usize) -> bool {
    let start = splitter.tokens[first].span.start;
    i - first == 1 && is_caption_marker(&splitter.text[start..splitter.tokens[i].span.end])
}

/// A sentence length in tokens, in buckets.
fn length_bucket(tokens: usize) -> u8 {
    match tokens {
        0..=4 => tokens as u8,
        5..=6 => 5,
        7..=10 => 7,
        11..=20 => 11,
        _ => 21,
    }
}

/// How far back the sentence so far is looked at for its flags.
const LOOK_BACK: usize = 24;

/// The word's last three characters when it is long enough to have a telling ending.
fn suffix(word: &str) -> Option<&str> {
    let count = word.chars().count();
    (count >= 5).then(|| {
        let start = word.char_indices().nth(count - 3).map_or(0, |(at, _)| at);
        &word[start..]
    })
}

/// Feature hashes of the gap after token `i`, in a sentence that began at token `first`.
pub(crate) fn gap_features(
    splitter: &Splitter,
    first: usize,
    i: usize,
    classes: &WordClasses,
    out: &mut Vec<u64>,
) {
    let next = i + 1;
    let text = |k: usize| {
        splitter
            .tokens
            .get(k)
            .map_or("</s>", |_| splitter.token_text(k))
    };
    let before = |k: usize| if k >= first && k <= i { text(k) } else { "<s>" };
    let (p, n, n2) = (text(i), text(next), text(next + 1));
    let p2 = if i > first { before(i - 1) } else { "<s>" };
    let (shape_p, shape_n, shape_n2) = (
        shape(splitter, i),
        shape(splitter, next),
        shape(splitter, next + 1),
    );
    let shape_p2 = if i > first {
        shape(splitter, i - 1)
    } else {
        "<s>"
    };
    let length = length_bucket(i + 1 - first);

    // the sentence so far: lower-case words, commas, colons, the run of capitals before the gap
    let look_from = first.max((i + 1).saturating_sub(LOOK_BACK));
    let (mut lower, mut comma, mut colon, mut verb) = (false, false, false, false);
    for k in look_from..=i {
        match splitter.token_text(k) {
            "," => comma = true,
            ":" => colon = true,
            t if splitter.tokens[k].kind == TokenKind::Word
                && t.chars().next().is_some_and(char::is_lowercase) =>
            {
                lower = true;
                verb = verb || classes.contains(VERB, t);
            }
            _ => {}
        }
    }
    let capital_run = (look_from..=i)
        .rev()
        .take_while(|&k| is_capitalised(splitter, k))
        .count()
        .min(4) as u8;
    let lowered = |word: &'_ str| {
        word.chars()
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let n_lower_eq = |k: usize| text(k).len() == n.len() && lowered(text(k)) == lowered(n);
    let repeats_previous = n_lower_eq(i);
    let repeats_first = n_lower_eq(first);
    // what ended the sentence before: its last token, or the start of a line
    let opened_by = if first == 0 || splitter.line_breaks_between(first - 1, first) > 0 {
        "line"
    } else {
        shape(splitter, first - 1)
    };

    let mut add = |hash: &mut FeatureHash| out.push(hash.finish());
    add(&mut FeatureHash::new(0));
    add(FeatureHash::new(1).lower(n));
    add(FeatureHash::new(2).lower(p));
    add(FeatureHash::new(3).lower(n2));
    add(FeatureHash::new(4).lower(p2));
    add(FeatureHash::new(5).bytes(shape_n.as_bytes()));
    add(FeatureHash::new(6).bytes(shape_p.as_bytes()));
    add(FeatureHash::new(7)
        .bytes(shape_p.as_bytes())
        .bytes(shape_n.as_bytes()));
    add(FeatureHash::new(8)
        .bytes(shape_p2.as_bytes())
        .bytes(shape_p.as_bytes())
        .bytes(shape_n.as_bytes()));
    add(FeatureHash::new(9)
        .bytes(shape_p.as_bytes())
        .bytes(shape_n.as_bytes())
        .bytes(shape_n2.as_bytes()));
    add(FeatureHash::new(10).lower(p).bytes(shape_n.as_bytes()));
    add(FeatureHash::new(11).bytes(shape_p.as_bytes()).lower(n));
    add(FeatureHash::new(12).lower(p).lower(n));
    add(FeatureHash::new(13).lower(n).bytes(shape_n2.as_bytes()));
    if let Some(end) = suffix(n) {
        add(FeatureHash::new(14).lower(end));
    }
    if let Some(end) = suffix(p) {
        add(FeatureHash::new(15).lower(end));
    }
    add(FeatureHash::new(16)
        .byte_value(length)
        .bytes(shape_n.as_bytes()));
    add(FeatureHash::new(17).lower(text(first)));
    add(FeatureHash::new(18)
        .bytes(shape(splitter, first).as_bytes())
        .byte_value(length));
    add(FeatureHash::new(19)
        .byte_value(u8::from(lower) | u8::from(comma) << 1 | u8::from(colon) << 2)
        .bytes(shape_n.as_bytes()));
    add(FeatureHash::new(20)
        .byte_value(u8::from(repeats_previous) | u8::from(repeats_first) << 1)
        .bytes(shape_n.as_bytes()));
    add(FeatureHash::new(21)
        .bytes(opened_by.as_bytes())
        .byte_value(length));
    add(FeatureHash::new(22)
        .byte_value(capital_run)
        .bytes(shape_n.as_bytes())
        .bytes(shape_n2.as_bytes()));
    add(FeatureHash::new(23)
        .bytes(opened_by.as_bytes())
        .bytes(shape_p.as_bytes())
        .bytes(shape_n.as_bytes()));

    // classes of the words around the gap from the word lists
    let class_of = |k: usize| match splitter.tokens.get(k) {
        Some(token) if token.kind == TokenKind::Word => classes.classes_of(splitter.token_text(k)),
        _ => 0x80,
    };
    let (class_p, class_n, class_n2) = (class_of(i), class_of(next), class_of(next + 1));
    add(FeatureHash::new(24)
        .byte_value(class_n)
        .bytes(shape_n.as_bytes()));
    add(FeatureHash::new(25).byte_value(class_p).byte_value(class_n));
    add(FeatureHash::new(26)
        .byte_value(class_p)
        .bytes(shape_p.as_bytes())
        .bytes(shape_n.as_bytes()));
    add(FeatureHash::new(27)
        .byte_value(class_n)
        .byte_value(class_n2));
    // a headline or byline has no verb (`Marc Verwilghen geen kandidaat in Dendermonde`)
    add(FeatureHash::new(28)
        .byte_value(u8::from(verb) | u8::from(lower) << 1)
        .byte_value(length)
        .bytes(shape_n.as_bytes()));
    // the text after the gap up to its first punctuation mark: a sentence with a verb or
    // lower-case words (`Geschiedenis | Het dorp ontstond rond …`), or more heading or list
    // (`Oppervlakte: 2106 km² | Hoogste punt: …`)
    let ahead = look_ahead(splitter, next, classes);
    add(FeatureHash::new(29)
        .byte_value(u8::from(ahead.verb) | u8::from(ahead.lower) << 1)
        .bytes(ahead.stop.as_bytes())
        .byte_value(u8::from(verb) | u8::from(lower) << 1));
}

/// How many tokens after a gap [`look_ahead`] reads at most.
const LOOK_AHEAD: usize = 20;

/// The text after a gap up to its first punctuation mark.
struct Ahead {
    /// The mark (`.` for any sentence end, `:`, `,`, `;`, `(`), `none` within [`LOOK_AHEAD`]
    /// tokens, or `</s>` at the end of the text.
    stop: &'static str,
    /// Whether a lower-case word comes before the mark.
    lower: bool,
    /// Whether a verb comes before the mark.
    verb: bool,
}

/// What the text from token `start` runs into (see [`Ahead`]).
fn look_ahead(splitter: &Splitter, start: usize, classes: &WordClasses) -> Ahead {
    let end = splitter.tokens.len().min(start + LOOK_AHEAD);
    let (mut lower, mut verb) = (false, false);
    for k in start..end {
        let text = splitter.token_text(k);
        let stop = match splitter.tokens[k].kind {
            TokenKind::Punct | TokenKind::Word if splitter.is_terminal(k) => Some("."),
            TokenKind::Punct => match text {
                ":" => Some(":"),
                "," => Some(","),
                ";" => Some(";"),
                "(" => Some("("),
                _ => None,
            },
            TokenKind::Word if text.chars().next().is_some_and(char::is_lowercase) => {
                lower = true;
                verb = verb || classes.contains(VERB, text);
                None
            }
            _ => None,
        };
        if let Some(stop) = stop {
            return Ahead { stop, lower, verb };
        }
    }
    let stop = if end == splitter.tokens.len() {
        "</s>"
    } else {
        "none"
    };
    Ahead { stop, lower, verb }
}

impl FeatureHash {
    /// Adds a small number.
    fn byte_value(&mut self, value: u8) -> &mut Self {
        self.byte(value);
        self.byte(0xfe);
        self
    }
}

/// One open gap of a training text: its feature hashes and whether a sentence starts after it.
#[derive(Clone, Debug)]
pub struct Example {
    /// Feature hashes (see `gap_features`).
    pub features: Vec<u64>,
    /// Whether the treebank starts a sentence after the gap.
    pub boundary: bool,
}

/// The open gaps of a running text with their gold answer. The walk follows the gold
/// boundaries at open gaps, so the sentence so far is the one a perfect model would see.
pub fn training_examples(running: &RunningText, classes: &WordClasses) -> Vec<Example> {
    let tokens = tokenize(&running.text);
    let mut starts: Vec<usize> = running.sentences.iter().map(|s| s.start).collect();
    starts.sort_unstable();
    let mut examples = Vec::new();
    split_with_decider(&running.text, &tokens, |splitter, first, i| {
        let boundary = starts.binary_search(&tokens[i + 1].span.start).is_ok();
        if kept_shut(splitter, classes, first, i) {
            return boundary; // decided by the rules, never by the model
        }
        let mut features = Vec::new();
        gap_features(splitter, first, i, classes, &mut features);
        examples.push(Example { features, boundary });
        boundary
    });
    examples
}

/// Settings of [`train`].
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// log2 of the number of weights.
    pub bits: u32,
    /// Passes over the examples.
    pub epochs: usize,
    /// Seed of the shuffle between passes (of the first perceptron; the others take the
    /// seeds after it).
    pub seed: u64,
    /// Number of perceptrons, trained with different shuffles, whose weights are averaged.
    pub ensemble: usize,
    /// Decision threshold written into the model.
    pub threshold: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            bits: 18,
            epochs: 10,
            seed: 1,
            ensemble: 1,
            threshold: 0.0,
        }
    }
}

/// Trains `options.ensemble` averaged perceptrons on `examples` and averages their weights.
/// Deterministic: the same examples and options give the same model.
pub fn train(examples: &[Example], classes: &WordClasses, options: TrainOptions) -> BoundaryModel {
    let runs = options.ensemble.max(1);
    let mut sum = vec![0f64; 1usize << options.bits];
    for run in 0..runs {
        let weights = train_perceptron(
            examples,
            options.bits,
            options.epochs,
            options.seed + run as u64,
        );
        for (total, w) in sum.iter_mut().zip(weights) {
            *total += w / runs as f64;
        }
    }
    quantise(&sum, options.bits, options.threshold, classes.clone())
}

/// The averaged weights of one perceptron trained on `examples` with shuffle seed `seed`.
fn train_perceptron(examples: &[Example], bits: u32, epochs: usize, seed: u64) -> Vec<f64> {
    let size = 1usize << bits;
    let mut weights = vec![0f64; size];
    // sum of each weight over all steps, kept lazily: total[k] + weights[k] * (step - stamp[k])
    let mut totals = vec![0f64; size];
    let mut stamps = vec![0u64; size];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut step: u64 = 0;
    for _ in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &e in &order {
            step += 1;
            let example = &examples[e];
            let buckets = example.features.iter().map(|&h| bucket(h, bits));
            let score: f64 = buckets.clone().map(|k| weights[k]).sum();
            let gold = if example.boundary { 1.0 } else { -1.0 };
            if score * gold <= 0.0 {
                for k in buckets {
                    totals[k] += weights[k] * (step - stamps[k]) as f64;
                    stamps[k] = step;
                    weights[k] += gold;
                }
            }
        }
    }
    let steps = step.max(1) as f64;
    (0..size)
        .map(|k| (totals[k] + weights[k] * (step - stamps[k]) as f64) / steps)
        .collect()
}

/// The model with weights rounded to i16 steps of the largest weight / 32767.
fn quantise(weights: &[f64], bits: u32, threshold: f32, classes: WordClasses) -> BoundaryModel {
    let largest = weights.iter().fold(0f64, |m, w| m.max(w.abs()));
    let scale = if largest > 0.0 {
        largest / 32767.0
    } else {
        1.0
    };
    BoundaryModel {
        bits,
        threshold,
        scale: scale as f32,
        weights: weights
            .iter()
            .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect(),
        classes,
    }
}

/// Fisher–Yates shuffle with a xorshift generator (deterministic for a seed).
fn shuffle(items: &mut [usize], state: &mut u64) {
    for k in (1..items.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (k as u64 + 1)) as usize;
        items.swap(k, j);
    }
}

/// The treebank's sentences grouped into documents (runs with the same document id).
pub fn documents(sentences: &[UdSentence]) -> Vec<&[UdSentence]> {
    let mut documents = Vec::new();
    let mut start = 0;
    for k in 1..=sentences.len() {
        if k == sentences.len() || sentences[k].document != sentences[start].document {
            documents.push(&sentences[start..k]);
            start = k;
        }
    }
    documents
}

/// Training examples of whole treebanks, every document joined as the evaluation joins them.
pub fn treebank_examples(treebanks: &[Vec<UdSentence>], classes: &WordClasses) -> Vec<Example> {
    treebanks
        .iter()
        .flat_map(|sentences| training_examples(&running_text(sentences, Join::Space), classes))
        .collect()
}

/// The training examples of one recipe: the open gaps of `treebanks` followed by those of
/// `extra`, every document joined as the evaluation joins them. `extra` is text that is never
/// scored: newspaper articles (CoNLL-2002 Dutch, read by [`crate::eval::parse_conll2002`])
/// whose headlines, bylines and datelines run into the text without punctuation, as the UD dev
/// files' sentences never do. The cross-validation folds and the final model are both trained
/// on examples made here.
pub fn recipe_examples(
    treebanks: &[Vec<UdSentence>],
    extra: &[Vec<UdSentence>],
    classes: &WordClasses,
) -> Vec<Example> {
    let mut examples = treebank_examples(treebanks, classes);
    examples.extend(treebank_examples(extra, classes));
    examples
}

/// Boundary counts of cross-validation: the documents of every treebank are dealt into `folds`
/// folds (document `d` into fold `d % folds`); for each fold a model is trained on the other
/// folds of all treebanks plus all of `extra` (see [`recipe_examples`]), and scored on this fold. Returns, for each
/// threshold, the counts of each treebank summed over the folds. `report(treebank, running,
/// evaluation)` sees each held-out fold's text and errors at the first threshold.
pub fn cross_validate(
    treebanks: &[Vec<UdSentence>],
    extra: &[Vec<UdSentence>],
    classes: &WordClasses,
    folds: usize,
    options: TrainOptions,
    thresholds: &[f32],
    mut report: impl FnMut(usize, &RunningText, &SentenceEvaluation),
) -> Vec<Vec<Counts>> {
    let folds = folds.max(2);
    let split: Vec<Vec<&[UdSentence]>> = treebanks.iter().map(|t| documents(t)).collect();
    let part = |docs: &[&[UdSentence]], fold: usize, held_out: bool| -> Vec<UdSentence> {
        docs.iter()
            .enumerate()
            .filter(|(d, _)| (d % folds == fold) == held_out)
            .flat_map(|(_, doc)| doc.iter().cloned())
            .collect()
    };
    let mut counts = vec![vec![Counts::default(); treebanks.len()]; thresholds.len()];
    for fold in 0..folds {
        let training: Vec<Vec<UdSentence>> =
            split.iter().map(|docs| part(docs, fold, false)).collect();
        let model = train(
            &recipe_examples(&training, extra, classes),
            classes,
            options,
        );
        for (t, docs) in split.iter().enumerate() {
            let held_out = part(docs, fold, true);
            for (k, &threshold) in thresholds.iter().enumerate() {
                let model = model.clone().with_threshold(threshold);
                let (running, evaluation) =
                    evaluate_sentences_with(&held_out, Join::Space, Some(&model));
                counts[k][t].add(evaluation.boundaries);
                if k == 0 {
                    report(t, &running, &evaluation);
                }
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::parse_conllu;

    /// A small treebank (written for this test): a heading without a full stop before its text.
    fn treebank() -> Vec<UdSentence> {
        let mut conllu = String::new();
        let sentences = [
            "Geschiedenis",
            "De molen werd in 1820 gebouwd.",
            "Ligging",
            "Het dorp ligt aan de rivier.",
            "Bekende inwoners",
            "Femke de Ruyter",
            "Joost Aerts",
        ];
        for (n, text) in sentences.iter().enumerate() {
            conllu.push_str(&format!("# sent_id = wiki-1.p.{n}.s.1\n# text = {text}\n"));
            for (k, word) in text.split(' ').enumerate() {
                conllu.push_str(&format!("{}\t{word}\t_\t_\t_\t_\t0\t_\t_\t_\n", k + 1));
            }
            conllu.push('\n');
        }
        parse_conllu(&conllu).unwrap()
    }

    #[test]
    fn training_is_deterministic_and_the_file_reads_back() {
        let classes = WordClasses::new(10);
        let examples = treebank_examples(&[treebank()], &classes);
        assert!(examples.iter().any(|e| e.boundary));
        let options = TrainOptions {
            bits: 12,
            ensemble: 2,
            ..TrainOptions::default()
        };
        let model = train(&examples, &classes, options);
        assert_eq!(
            model.to_bytes(),
            train(&examples, &classes, options).to_bytes()
        );
        let read = BoundaryModel::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(read, model);
        assert!(BoundaryModel::from_bytes(b"KRSENT02 too short").is_err());
        assert!(BoundaryModel::from_bytes(&[]).is_err());
    }

    #[test]
    fn a_model_learns_the_open_gaps_of_its_training_text() {
        let classes = WordClasses::new(10);
        let sentences = treebank();
        let model = train(
            &treebank_examples(&[sentences.clone()], &classes),
            &classes,
            TrainOptions {
                bits: 12,
                ..TrainOptions::default()
            },
        );
        let (_, with_model) = evaluate_sentences_with(&sentences, Join::Space, Some(&model));
        let (_, rules_only) = evaluate_sentences_with(&sentences, Join::Space, None);
        assert!(with_model.boundaries.correct > rules_only.boundaries.correct);
        assert_eq!(with_model.boundaries.f1(), 1.0);
    }

    /// The sentences of `text` when every open gap that the rules leave to the model is a
    /// boundary.
    fn split_where_the_model_is_asked(text: &str) -> Vec<&str> {
        let classes = WordClasses::new(10);
        let tokens = tokenize(text);
        split_with_decider(text, &tokens, |splitter, first, i| {
            !kept_shut(splitter, &classes, first, i)
        })
        .iter()
        .map(|s| s.span.text(text))
        .collect()
    }

    #[test]
    fn a_short_quotation_the_sentence_runs_on_after_is_kept_in_it() {
        let text = "Ze vroeg \"Waarom?\" en ging.";
        assert_eq!(split_where_the_model_is_asked(text), [text]);
        // a quotation followed by its speaker is left to the model
        assert_eq!(
            split_where_the_model_is_asked("Kabinet wil geld \"Dat is nodig\", zegt hij."),
            ["Kabinet wil geld", "\"Dat is nodig\", zegt hij."]
        );
    }

    #[test]
    fn the_look_ahead_sees_a_sentence_or_more_list() {
        let mut classes = WordClasses::new(10);
        classes.insert(VERB, "stichtten");
        let text =
            "Geschiedenis Boeren stichtten het dorp. Oppervlakte: 2106 km² Hoogste punt: Kruisberg";
        let tokens = tokenize(text);
        let mut seen = Vec::new();
        split_with_decider(text, &tokens, |splitter, _, i| {
            let ahead = look_ahead(splitter, i + 1, &classes);
            seen.push((
                splitter.token_text(i + 1).to_string(),
                ahead.stop,
                ahead.verb,
            ));
            false
        });
        assert!(seen.contains(&("Boeren".to_string(), ".", true)));
        assert!(seen.contains(&("Hoogste".to_string(), ":", false)));
    }

    #[test]
    fn the_embedded_model_is_loaded() {
        assert!(BoundaryModel::embedded().is_some());
    }
}
