//! Resolution of mentions to entities (placeholder while the tagger is trained).

use super::conll::chunks;
use super::labels::Label;
use super::{ArticleEntity, Mention};
use kroniek_text::{Span, Token};
use serde::{Deserialize, Serialize};

/// A gentilic adjective ("Russische") linked to its country.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GentilicLink {
    /// The adjective as written.
    pub span: Span,
    /// The country's Dutch name ("Rusland").
    pub country: String,
}

/// Everything entity resolution finds in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleAnalysis {
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// The article's entities; mentions point into this list.
    pub entities: Vec<ArticleEntity>,
    /// Gentilic adjectives and their countries.
    pub gentilics: Vec<GentilicLink>,
}

/// Resolves tagged sentences into mentions and entities.
pub fn resolve_article(text: &str, sentences: &[Vec<Token>], labels: &[Vec<Label>]) -> ArticleAnalysis {
    let mut analysis = ArticleAnalysis::default();
    for (tokens, labels) in sentences.iter().zip(labels) {
        for chunk in chunks(labels) {
            let span = Span::new(tokens[chunk.start].span.start, tokens[chunk.end - 1].span.end);
            let kind = Label(1 + 2 * chunk.kind as u8).entity_type().expect("chunk type");
            let name = span.text(text).to_string();
            let entity = match analysis.entities.iter().position(|e| e.name == name && e.kind == kind) {
                Some(k) => k,
                None => {
                    analysis.entities.push(ArticleEntity { name, kind, aliases: vec![], roles: vec![], mentions: 0 });
                    analysis.entities.len() - 1
                }
            };
            analysis.entities[entity].mentions += 1;
            analysis.mentions.push(Mention { span, kind, entity, role: None });
        }
    }
    analysis
}

/// Placeholder.
pub fn resolve_corpus() {}
