//! Named entities: types, mentions, in-article entities, and the recognizer.
//!
//! NOTE: placeholder recognizer with the final API; the trained tagger and resolution
//! replace it (issue 4).

use kroniek_text::{Span, TextLayers, TokenKind};
use serde::{Deserialize, Serialize};

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

/// Finds and resolves entity mentions.
pub struct EntityRecognizer {}

impl EntityRecognizer {
    /// The recognizer with the model that ships inside the binary.
    pub fn embedded() -> Self {
        EntityRecognizer {}
    }

    /// Finds mentions and resolves them to article entities (placeholder: runs of capitalised
    /// words that do not start a sentence, typed PER).
    pub fn recognize(&self, text: &str, layers: &TextLayers) -> (Vec<Mention>, Vec<ArticleEntity>) {
        let mut mentions = Vec::new();
        let mut entities: Vec<ArticleEntity> = Vec::new();
        let sentence_starts: std::collections::HashSet<usize> =
            layers.sentences.iter().map(|s| s.span.start).collect();
        let mut i = 0;
        let tokens = &layers.tokens;
        while i < tokens.len() {
            let t = tokens[i];
            let capital = |t: &kroniek_text::Token| {
                t.kind == TokenKind::Word && t.span.text(text).chars().next().is_some_and(char::is_uppercase)
            };
            if capital(&t) && !sentence_starts.contains(&t.span.start) {
                let mut j = i + 1;
                while j < tokens.len() && capital(&tokens[j]) {
                    j += 1;
                }
                let span = Span::new(t.span.start, tokens[j - 1].span.end);
                let name = span.text(text).to_string();
                let entity = match entities.iter().position(|e| e.name == name) {
                    Some(k) => k,
                    None => {
                        entities.push(ArticleEntity { name, kind: EntityType::PER, aliases: vec![], roles: vec![], mentions: 0 });
                        entities.len() - 1
                    }
                };
                entities[entity].mentions += 1;
                mentions.push(Mention { span, kind: EntityType::PER, entity, role: None });
                i = j;
            } else {
                i += 1;
            }
        }
        (mentions, entities)
    }
}
