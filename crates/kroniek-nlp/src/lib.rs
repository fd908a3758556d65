//! Language analysis for kroniek above the text layer: named entities (a trained tagger and
//! resolution of mentions to entities) and statements (quotes and reported speech with their
//! speakers).
//!
//! Everything here is a pure function of text, its [`kroniek_text::TextLayers`] and loaded
//! models: no I/O at annotation time, deterministic, safe to run on many articles in parallel.

pub mod entities;
pub mod statements;

pub use entities::{ArticleEntity, EntityType, Mention};
pub use statements::{Speaker, Statement, StatementKind};

use kroniek_text::TextLayers;
use serde::{Deserialize, Serialize};

/// Everything the language analysis finds in one article.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Annotations {
    /// Entity mentions in text order.
    pub mentions: Vec<Mention>,
    /// The article's entities after in-article resolution; mentions point into this list.
    pub entities: Vec<ArticleEntity>,
    /// Statements in text order.
    pub statements: Vec<Statement>,
}

/// The loaded models, ready to annotate articles. Cheap to share between threads.
pub struct Pipeline {
    recognizer: entities::EntityRecognizer,
}

impl Pipeline {
    /// Loads the models that ship inside the binary.
    pub fn embedded() -> Self {
        Pipeline { recognizer: entities::EntityRecognizer::embedded() }
    }

    /// Annotates one article: entities, their resolution inside the article, statements.
    pub fn annotate(&self, text: &str, layers: &TextLayers) -> Annotations {
        let (mentions, entities) = self.recognizer.recognize(text, layers);
        let statements = statements::extract_statements(text, layers, &mentions, &entities);
        Annotations { mentions, entities, statements }
    }
}
