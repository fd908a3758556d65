//! Named entities: types, mentions, in-article entities, and the recognizer.
//!
//! The recognizer is an averaged-perceptron sequence tagger ([`perceptron`]) over hashed
//! features ([`features`]) with gazetteers ([`gazetteer`]) and word classes learned from
//! unlabeled text ([`clusters`]), trained on CoNLL-2002 Dutch
//! ([`conll`]) by `kroniek train ner`; its model ships inside the binary (`models/ner-nl.bin`).
//! Its mentions are then resolved inside the article ([`resolve`]): roles split off, short,
//! genitive and plural forms linked to the full name, gentilic adjectives linked to their
//! country. [`resolve::resolve_corpus`] links article entities across a corpus.

pub mod clusters;
pub mod conll;
pub mod features;
pub mod gazetteer;
pub mod hashing;
pub mod labels;
pub mod name_classes;
pub mod perceptron;
pub mod resolve;

use kroniek_text::{Span, TextLayers, Token};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};

pub use labels::Label;
pub use perceptron::Model;
pub use resolve::{resolve_corpus, ArticleAnalysis, GentilicLink};

/// The four CoNLL entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    PER,
    ORG,
    LOC,
    MISC,
}

impl EntityType {
    /// The type as written in CoNLL tags and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::PER => "PER",
            EntityType::ORG => "ORG",
            EntityType::LOC => "LOC",
            EntityType::MISC => "MISC",
        }
    }
    /// Parses PER / ORG / LOC / MISC (any case).
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "PER" => Some(EntityType::PER),
            "ORG" => Some(EntityType::ORG),
            "LOC" => Some(EntityType::LOC),
            "MISC" => Some(EntityType::MISC),
            _ => None,
        }
    }
}

/// One mention of an entity in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The name as written, without titles or roles ("Stoltenberg" in "NAVO-chef Stoltenberg").
    pub span: Span,
    pub kind: EntityType,
    /// Index into [`crate::Annotations::entities`].
    pub entity: usize,
    /// A role or title written with this mention ("NAVO-chef", "de Britse premier"), if any.
    pub role: Option<String>,
}

/// One entity as resolved inside one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleEntity {
    /// The fullest form of the name seen in the article ("Jens Stoltenberg").
    pub name: String,
    pub kind: EntityType,
    /// Every other form seen ("Stoltenberg", "Stoltenbergs").
    pub aliases: Vec<String>,
    /// Roles and titles seen with it ("secretaris-generaal van de NAVO").
    pub roles: Vec<String>,
    /// How many mentions point at it.
    pub mentions: usize,
}

/// Errors of the entity layer: reading data and models, and malformed input.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A data file has a line the reader cannot use.
    #[error("{origin}, line {line}: {message}")]
    Format { origin: String, line: usize, message: String },
    /// A model file is damaged or of another kind.
    #[error("model {origin}: {message}")]
    Model { origin: String, message: String },
}

/// The model file committed under `models/`, built into the binary.
const EMBEDDED_MODEL: &[u8] = include_bytes!("../../../models/ner-nl.bin");

static EMBEDDED: OnceLock<Option<Arc<Model>>> = OnceLock::new();

/// Finds and resolves entity mentions. Cheap to clone and to share between threads.
#[derive(Clone)]
pub struct EntityRecognizer {
    model: Option<Arc<Model>>,
}

impl EntityRecognizer {
    /// The recognizer with the model that ships inside the binary (loaded once per process).
    pub fn embedded() -> Self {
        let model = EMBEDDED.get_or_init(|| Model::from_bytes(EMBEDDED_MODEL, "embedded models/ner-nl.bin").ok().map(Arc::new));
        EntityRecognizer { model: model.clone() }
    }

    /// A recognizer around a model loaded elsewhere (a file being evaluated, a test model).
    pub fn with_model(model: Model) -> Self {
        EntityRecognizer { model: Some(Arc::new(model)) }
    }

    /// The tagger model, if one is loaded (the embedded one is missing only in a build made
    /// before the first `kroniek train ner`).
    pub fn model(&self) -> Option<&Model> {
        self.model.as_deref()
    }

    /// Tags the sentences of one document (token strings per sentence) with BIO labels.
    pub fn tag_tokens<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Label>> {
        match &self.model {
            Some(model) => model.tag_document(sentences),
            None => sentences.iter().map(|s| vec![Label::O; s.len()]).collect(),
        }
    }

    /// Finds mentions and resolves them to article entities. Residue sentences are skipped.
    pub fn recognize(&self, text: &str, layers: &TextLayers) -> (Vec<Mention>, Vec<ArticleEntity>) {
        let analysis = self.analyze(text, layers);
        (analysis.mentions, analysis.entities)
    }

    /// Like [`EntityRecognizer::recognize`], and also returns the gentilic adjectives
    /// ("Russische") linked to their country.
    pub fn analyze(&self, text: &str, layers: &TextLayers) -> ArticleAnalysis {
        let sentences = tokens_per_sentence(layers);
        let words: Vec<Vec<&str>> = sentences.iter().map(|s| s.iter().map(|t| t.span.text(text)).collect()).collect();
        let labels = self.tag_tokens(&words);
        let mut analysis = resolve::resolve_article(text, &sentences, &labels);
        if let Some(model) = &self.model {
            retype_countries(&mut analysis, &model.lexicon);
        }
        analysis
    }
}

/// Gives LOC to entities typed otherwise whose name is a country in the gazetteer. A country
/// named many times in a long article collects document-level evidence that the tagger learned
/// from CoNLL's short articles as a sign of a person (seen: "Oekraïne" typed PER eight times).
fn retype_countries(analysis: &mut ArticleAnalysis, lexicon: &gazetteer::Lexicon) {
    for entity in &mut analysis.entities {
        if entity.kind != EntityType::LOC && lexicon.flags_of(&entity.name) & gazetteer::flag::COUNTRY != 0 {
            entity.kind = EntityType::LOC;
        }
    }
    for mention in &mut analysis.mentions {
        mention.kind = analysis.entities[mention.entity].kind;
    }
}

/// The tokens of each non-residue sentence, in order.
fn tokens_per_sentence(layers: &TextLayers) -> Vec<Vec<Token>> {
    let mut out = Vec::new();
    let tokens = &layers.tokens;
    for sentence in layers.sentences.iter().filter(|s| !s.residue) {
        let first = tokens.partition_point(|t| t.span.start < sentence.span.start);
        let inside: Vec<Token> = tokens[first..].iter().take_while(|t| t.span.end <= sentence.span.end).copied().collect();
        if !inside.is_empty() {
            out.push(inside);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads_and_finds_a_person() {
        let recognizer = EntityRecognizer::embedded();
        assert!(recognizer.model().is_some(), "models/ner-nl.bin must hold a trained model");
        let text = "Gisteren sprak burgemeester Hanneke Verbrugge in Utrecht met de pers. Verbrugge was kort.";
        let layers = kroniek_text::analyze(text);
        let (mentions, entities) = recognizer.recognize(text, &layers);
        let names: Vec<&str> = mentions.iter().map(|m| m.span.text(text)).collect();
        assert!(names.contains(&"Hanneke Verbrugge"), "{names:?}");
        let person = entities.iter().position(|e| e.name == "Hanneke Verbrugge").expect("entity");
        assert_eq!(entities[person].kind, EntityType::PER);
        assert!(entities[person].mentions >= 2, "{entities:?}");
    }

    #[test]
    fn a_country_named_often_stays_a_place() {
        let recognizer = EntityRecognizer::embedded();
        let mut text = String::from("Minister Joris Kamsteeg sprak over steun aan Oekraïne.\n");
        for verb in ["helpt", "steunt", "vraagt", "krijgt", "bouwt", "wil", "vreest", "wacht"] {
            text.push_str(&format!("Het land {verb} Oekraïne en de buren van Oekraïne.\n"));
        }
        let layers = kroniek_text::analyze(&text);
        let (_, entities) = recognizer.recognize(&text, &layers);
        let country = entities.iter().find(|e| e.name == "Oekraïne").expect("Oekraïne is found");
        assert_eq!(country.kind, EntityType::LOC);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// Any text: no panic, mentions inside the text on char boundaries, in order, pointing
        /// at existing entities whose mention counts add up.
        #[test]
        fn mentions_are_well_formed(text in "[A-Za-zëï'’,. \n-]{0,200}|(De |Anna |Brekel|NAVO-chef |Russische |, woordvoerder van |Kampen|\\. ){0,30}") {
            let recognizer = EntityRecognizer::embedded();
            let layers = kroniek_text::analyze(&text);
            let analysis = recognizer.analyze(&text, &layers);
            let mut last = 0;
            for m in &analysis.mentions {
                proptest::prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                proptest::prop_assert!(m.span.start >= last);
                last = m.span.start;
                proptest::prop_assert!(m.entity < analysis.entities.len());
            }
            let total: usize = analysis.entities.iter().map(|e| e.mentions).sum();
            proptest::prop_assert_eq!(total, analysis.mentions.len());
        }
    }

    #[test]
    fn residue_sentences_are_skipped() {
        let recognizer = EntityRecognizer::embedded();
        let text = "Foto: Hanneke Verbrugge.\nJoris Kamsteeg woont in Utrecht.";
        let mut layers = kroniek_text::analyze(text);
        layers.sentences[0].residue = true;
        let (mentions, _) = recognizer.recognize(text, &layers);
        assert!(mentions.iter().all(|m| m.span.start > 24), "{mentions:?}");
    }
}
