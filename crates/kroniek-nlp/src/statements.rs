//! Statements: direct quotes, partial quotes and reported speech, each with its speaker.
//!
//! NOTE: placeholder with the final API; the quote finder and attribution rules replace it
//! (issue 5).

use crate::entities::{ArticleEntity, Mention};
use kroniek_text::{Span, TextLayers};
use serde::{Deserialize, Serialize};

/// How the words are given: quoted whole, quoted in part, or reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    Direct,
    Partial,
    Indirect,
}

impl StatementKind {
    /// The kind as written in output: direct, partial, indirect.
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Partial => "partial",
            StatementKind::Indirect => "indirect",
        }
    }
}

/// Who said it: a resolved entity of the article, or a group as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The entity's name (index into the article's entities) or the group's words.
    pub name: String,
    /// Index into [`crate::Annotations::entities`] when the speaker is a resolved entity.
    pub entity: Option<usize>,
    /// Where the speaker is named for this statement (a pronoun or role counts), if anywhere.
    pub span: Option<Span>,
}

/// One statement: speaker, cue, kind and the words said.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub speaker: Speaker,
    /// The cue as written ("zei", "aldus", "volgens", ":"), if any.
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    pub kind: StatementKind,
    /// The quoted words without quote marks, or the reported clause.
    pub content: Span,
}

/// Finds the statements of one article (placeholder: finds none).
pub fn extract_statements(
    _text: &str,
    _layers: &TextLayers,
    _mentions: &[Mention],
    _entities: &[ArticleEntity],
) -> Vec<Statement> {
    Vec::new()
}
