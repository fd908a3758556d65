//! Dutch text layer for kroniek: tokens, sentences and page residue.
//!
//! Every function here is pure: text in, stand-off spans (byte ranges into that text) out.
//! Nothing is deleted or rewritten; later layers (entities, statements, search highlighting)
//! point back into the same text through these spans.
//!
//! - [`tokenize()`]: byte-level Dutch tokenizer (abbreviations, clitics, compounds, numbers,
//!   URLs, `,,` quotes); see [`tokenize`](mod@tokenize) for the rules.
//! - [`split_sentences`]: sentences, headings, list items and paragraphs as spans; the gaps
//!   its rules leave open are decided by a small learned model ([`boundary`]).
//! - [`mark_residue`]: captions, credits, bylines, "Lees meer" and other page residue, marked
//!   and never deleted.
//! - [`eval`]: reading UD CoNLL-U files and scoring token and sentence boundaries.

use serde::{Deserialize, Serialize};

mod abbreviations;
pub mod boundary;
pub mod eval;
mod residue;
mod sentences;
pub mod tokenize;
pub mod word_classes;

pub use residue::mark_residue;
pub use sentences::{split_sentences, split_sentences_with};
pub use tokenize::{is_separator, tokenize};

/// A byte range `[start, end)` into an article's text, always on char boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
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
    /// A word, abbreviation (`o.a.`), clitic (`’s`) or compound (`NAVO-lidstaten`).
    Word,
    /// A number, time, date or percentage (`1,5`, `20:26`, `2022-03`, `5%`).
    Number,
    /// Punctuation: `. , ; : ! ? ( ) ...` and dashes.
    Punct,
    /// A quote mark: ,, „ “ ” ‘ ’ " « » (the apostrophe inside a word is part of the word).
    Quote,
    /// A web address (`https://…`, `www.…`, `nos.nl`).
    Url,
    /// An e-mail address.
    Email,
    /// Any other sign: `€`, `©`, `+`, emoji.
    Symbol,
}

/// One token: a span and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is in the text.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// One sentence (or heading, or list item): a span, and whether it is page residue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// From the first byte of its first token to the last byte of its last token.
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
    /// A photo or video caption (`Volledig scherm …`, a short line ending in a credit).
    Caption,
    /// A photo or text credit (`© REUTERS`, `Foto: ANP`).
    Credit,
    /// The author line (`Door Jan Jansen`, `Jan Jansen verslaggever`).
    Byline,
    /// A date line of the page (`vandaag, 20:26 • Aangepast …`) or the crawl marker.
    Timestamp,
    /// A link to another article (`Lees meer...`, `Lees ook: …`).
    ReadMore,
    /// A pull quote that repeats a quote of the article (`Quote …`).
    PullQuote,
    /// Interface words (`Delen`, `Volledig scherm`, `Menu`).
    Navigation,
    /// Residue of another kind.
    Other,
}

/// One span of page residue: marked, never deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Residue {
    /// The residue sentence.
    pub span: Span,
    /// Why it is residue.
    pub kind: ResidueKind,
}

/// All text layers of one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TextLayers {
    /// Every token, in text order.
    pub tokens: Vec<Token>,
    /// Every sentence, heading and list item, in text order.
    pub sentences: Vec<Sentence>,
    /// The residue sentences with their kind, in text order.
    pub residue: Vec<Residue>,
}

/// Runs the whole text layer on one article: tokens, sentences, residue.
pub fn analyze(text: &str) -> TextLayers {
    let tokens = tokenize(text);
    let mut sentences = split_sentences(text, &tokens);
    let residue = mark_residue(text, &mut sentences);
    TextLayers {
        tokens,
        sentences,
        residue,
    }
}
