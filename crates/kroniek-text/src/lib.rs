//! Dutch text layer for kroniek: tokens, sentences and page residue.
//!
//! Every function here is pure: text in, stand-off spans (byte ranges into that text) out.
//! Nothing is deleted or rewritten; later layers (entities, statements, search highlighting)
//! point back into the same text through these spans.
//!
//! NOTE: the first version of this crate is a placeholder with the final API; the real
//! tokenizer, sentence splitter and residue rules replace the bodies (issue 3).

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into an article's text, always on char boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Builds a span; `start <= end` is the caller's promise.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The text this span covers.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What kind of token a token is; later layers use it to skip punctuation quickly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// A quote mark: ,, „ “ ” ‘ ’ " « » (the apostrophe inside a word is part of the word).
    Quote,
    Url,
    Email,
    Symbol,
}

/// One token: a span and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// One sentence (or heading, or list item): a span, and whether it is page residue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph (blank-line or line-separated block) the sentence sits in.
    pub paragraph: usize,
    /// True for a heading: a short line without final punctuation standing alone.
    pub heading: bool,
    /// True when the sentence is page residue (caption, credit, byline, "Lees meer" ...).
    pub residue: bool,
}

/// Why a span was marked as page residue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResidueKind {
    Caption,
    Credit,
    Byline,
    Timestamp,
    ReadMore,
    PullQuote,
    Navigation,
    Other,
}

/// One span of page residue: marked, never deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Residue {
    pub span: Span,
    pub kind: ResidueKind,
}

/// All text layers of one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TextLayers {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub residue: Vec<Residue>,
}

/// Splits `text` into tokens (placeholder: whitespace and punctuation).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            tokens.push(word_token(text, s, i));
        }
        if !c.is_whitespace() {
            let kind = if "\"“”‘’„«»".contains(c) { TokenKind::Quote } else { TokenKind::Punct };
            tokens.push(Token { span: Span::new(i, i + c.len_utf8()), kind });
        }
    }
    if let Some(s) = start {
        tokens.push(word_token(text, s, text.len()));
    }
    tokens
}

fn word_token(text: &str, start: usize, end: usize) -> Token {
    let kind = if text[start..end].chars().all(|c| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    Token { span: Span::new(start, end), kind }
}

/// Splits `text` into sentences using its tokens (placeholder: . ! ? and line breaks).
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut first: Option<usize> = None;
    let mut last_end = 0;
    for token in tokens {
        if let Some(s) = first {
            if text[last_end..token.span.start].contains('\n') {
                sentences.push(Sentence { span: Span::new(s, last_end), paragraph, heading: false, residue: false });
                paragraph += 1;
                first = None;
            }
        }
        if first.is_none() {
            first = Some(token.span.start);
        }
        last_end = token.span.end;
        if matches!(token.span.text(text), "." | "!" | "?") {
            sentences.push(Sentence { span: Span::new(first.unwrap(), last_end), paragraph, heading: false, residue: false });
            first = None;
        }
    }
    if let Some(s) = first {
        sentences.push(Sentence { span: Span::new(s, last_end), paragraph, heading: false, residue: false });
    }
    sentences
}

/// Marks page residue among `sentences` (placeholder: marks nothing).
pub fn mark_residue(_text: &str, _sentences: &mut [Sentence]) -> Vec<Residue> {
    Vec::new()
}

/// Runs the whole text layer on one article: tokens, sentences, residue.
pub fn analyze(text: &str) -> TextLayers {
    let tokens = tokenize(text);
    let mut sentences = split_sentences(text, &tokens);
    let residue = mark_residue(text, &mut sentences);
    TextLayers { tokens, sentences, residue }
}
