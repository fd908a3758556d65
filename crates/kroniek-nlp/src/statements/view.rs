//! A word-level view of one article for statement finding: tokens merged into words
//! (NAVO-secretaris-generaal, risico’s stay whole whatever the tokenizer did), quote marks as
//! units of their own, and per word its lowercase form, paragraph, own sentence number,
//! quote membership and residue flag. Built in one pass over the tokens.

use super::quotes::QuotePiece;
use super::vocab;
use kroniek_text::{Span, TextLayers, TokenKind};

/// What a unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// A word or number.
    Word,
    /// Punctuation or a symbol.
    Punct,
    /// The opening mark of quote piece `n`.
    Open(usize),
    /// The closing mark of quote piece `n`.
    Close(usize),
}

/// One word, punctuation mark or quote mark.
#[derive(Clone, Copy, Debug)]
pub struct Unit {
    pub span: Span,
    pub kind: UnitKind,
    /// Byte range of the lowercase form in [`View::lower_arena`].
    lower: (u32, u32),
    pub paragraph: u32,
    pub sentence: u32,
    /// The outermost quote piece whose content holds this unit.
    pub quote: Option<usize>,
    /// Inside page residue (or a summary list): ignored for statements.
    pub skip: bool,
    /// Inside a heading: only a quote after "Name:" counts there.
    pub heading: bool,
    /// The word starts with a capital letter.
    pub capital: bool,
}

/// The whole view of one article.
pub struct View<'a> {
    pub text: &'a str,
    pub units: Vec<Unit>,
    pub pieces: Vec<QuotePiece>,
    lower_arena: String,
    /// Per unit, the entity mention covering it (u32::MAX for none).
    mention: Vec<u32>,
    /// Per unit, whether a PER mention covers it.
    person: Vec<bool>,
    /// Lowercase words of all mentions: a capitalised word at a sentence start is a name
    /// when it is one of these.
    name_words: std::collections::HashSet<String>,
}

impl<'a> View<'a> {
    /// Builds the view from the text layers and the quote pieces found on the raw text.
    pub fn build(text: &'a str, layers: &TextLayers, pieces: Vec<QuotePiece>) -> Self {
        let mut view = View { text, units: Vec::with_capacity(layers.tokens.len()), pieces, lower_arena: String::new(), mention: Vec::new(), person: Vec::new(), name_words: Default::default() };
        view.collect_units(layers);
        view.assign_paragraphs_and_quotes();
        view.mark_skipped(layers);
        view.mark_bullet_lists();
        view.assign_sentences();
        view
    }

    /// Records which entity mention covers each unit (mentions in text order).
    pub fn set_mentions(&mut self, mentions: &[crate::entities::Mention]) {
        self.mention = vec![u32::MAX; self.units.len()];
        self.person = vec![false; self.units.len()];
        for m in mentions {
            for w in m.span.text(self.text).split_whitespace() {
                self.name_words.insert(w.to_lowercase());
            }
        }
        let mut m = 0;
        let mut order: Vec<usize> = (0..mentions.len()).collect();
        order.sort_by_key(|&k| mentions[k].span.start);
        for (i, unit) in self.units.iter().enumerate() {
            while m < order.len() && mentions[order[m]].span.end <= unit.span.start {
                m += 1;
            }
            if let Some(&k) = order.get(m) {
                let span = mentions[k].span;
                if span.start <= unit.span.start && unit.span.end <= span.end {
                    self.mention[i] = k as u32;
                    self.person[i] = mentions[k].kind == crate::entities::EntityType::PER;
                }
            }
        }
    }

    /// Whether a PER mention covers unit `i`.
    pub fn is_person_unit(&self, i: usize) -> bool {
        self.person.get(i).copied().unwrap_or(false)
    }

    /// Whether the entity layer found any mention in this article.
    pub fn has_mentions(&self) -> bool {
        !self.name_words.is_empty()
    }

    /// Whether a lowercase word is part of some entity mention of the article.
    pub fn is_known_name_word(&self, w: &str) -> bool {
        self.name_words.contains(w)
    }

    /// The entity mention covering unit `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<usize> {
        self.mention.get(i).copied().filter(|&m| m != u32::MAX).map(|m| m as usize)
    }

    /// The lowercase form of unit `i` (empty for marks).
    pub fn lower(&self, i: usize) -> &str {
        let (s, e) = self.units[i].lower;
        &self.lower_arena[s as usize..e as usize]
    }

    /// The text of unit `i` as written.
    pub fn word(&self, i: usize) -> &'a str {
        self.units[i].span.text(self.text)
    }

    /// Whether unit `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.units[i].kind == UnitKind::Word
    }

    /// Whether unit `i` is the punctuation `p`.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.units[i].kind == UnitKind::Punct && self.word(i) == p
    }

    /// Whether unit `i` ends a clause: a comma, semicolon, colon, dash, bracket, terminal
    /// punctuation or quote mark.
    pub fn is_boundary(&self, i: usize) -> bool {
        match self.units[i].kind {
            UnitKind::Word => false,
            UnitKind::Open(_) | UnitKind::Close(_) => true,
            UnitKind::Punct => !matches!(self.word(i), "&"),
        }
    }

    /// Whether unit `i` is terminal punctuation.
    pub fn is_terminal(&self, i: usize) -> bool {
        self.units[i].kind == UnitKind::Punct && matches!(self.word(i), "." | "!" | "?" | "…" | "...")
    }

    fn push_unit(&mut self, span: Span, kind: UnitKind) {
        let start = self.lower_arena.len() as u32;
        if kind == UnitKind::Word {
            push_lowercase(&mut self.lower_arena, span.text(self.text));
        }
        let end = self.lower_arena.len() as u32;
        let capital = kind == UnitKind::Word && span.text(self.text).chars().next().is_some_and(char::is_uppercase);
        self.units.push(Unit { span, kind, lower: (start, end), paragraph: 0, sentence: 0, quote: None, skip: false, heading: false, capital });
    }

    /// Extends the last word unit to `end` (a hyphen or apostrophe joins two word pieces).
    fn extend_last_word(&mut self, end: usize) {
        let last = self.units.last_mut().expect("a word to extend");
        let added = &self.text[last.span.end..end];
        last.span.end = end;
        push_lowercase(&mut self.lower_arena, added);
        last.lower.1 = self.lower_arena.len() as u32;
    }

    fn collect_units(&mut self, layers: &TextLayers) {
        let marks: Vec<(Span, UnitKind)> = {
            let mut m: Vec<(Span, UnitKind)> = Vec::with_capacity(self.pieces.len() * 2);
            for (n, p) in self.pieces.iter().enumerate() {
                m.push((p.open, UnitKind::Open(n)));
                if let Some(c) = p.close {
                    m.push((c, UnitKind::Close(n)));
                }
            }
            m.sort_by_key(|x| x.0.start);
            m
        };
        let mut next_mark = 0;
        for token in &layers.tokens {
            let mut start = token.span.start;
            let end = token.span.end;
            while start < end {
                while next_mark < marks.len() && marks[next_mark].0.end <= start {
                    next_mark += 1;
                }
                let mark = marks.get(next_mark).filter(|m| m.0.start < end);
                let piece_end = mark.map_or(end, |m| m.0.start.max(start));
                if piece_end > start {
                    self.push_piece(Span::new(start, piece_end), token.kind);
                }
                match mark {
                    Some(&(mspan, kind)) => {
                        if self.units.last().is_none_or(|u| u.span != mspan) {
                            self.push_unit(mspan, kind);
                        }
                        start = mspan.end.max(piece_end);
                        if mspan.end <= end {
                            next_mark += 1;
                        }
                    }
                    None => start = end,
                }
            }
        }
    }

    /// Adds one token piece, joining it to the previous word where a hyphen or apostrophe
    /// glues them without space.
    fn push_piece(&mut self, span: Span, kind: TokenKind) {
        let word = matches!(kind, TokenKind::Word | TokenKind::Number | TokenKind::Url | TokenKind::Email);
        let s = span.text(self.text);
        let n = self.units.len();
        if n > 0 {
            let last = self.units[n - 1];
            let touching = last.span.end == span.start;
            if touching && word && last.kind == UnitKind::Word {
                self.extend_last_word(span.end);
                return;
            }
            let joiner = matches!(s, "-" | "’" | "'" | "‘");
            if touching && joiner && last.kind == UnitKind::Word {
                let next_is_alnum = self.text[span.end..].chars().next().is_some_and(char::is_alphanumeric);
                if next_is_alnum {
                    self.extend_last_word(span.end);
                    return;
                }
            }
            if touching && word && n >= 2 && last.kind == UnitKind::Punct {
                let joined_before = matches!(last.span.text(self.text), "-" | "’" | "'")
                    && self.units[n - 2].kind == UnitKind::Word
                    && self.units[n - 2].span.end == last.span.start;
                if joined_before {
                    self.units.pop();
                    self.extend_last_word(span.end);
                    return;
                }
            }
        }
        self.push_unit(span, if word { UnitKind::Word } else { UnitKind::Punct });
    }

    fn assign_paragraphs_and_quotes(&mut self) {
        let mut paragraph = 0u32;
        let mut prev_end = 0usize;
        let mut piece = 0usize;
        let outer: Vec<usize> = (0..self.pieces.len()).filter(|&k| self.pieces[k].depth == 0).collect();
        for i in 0..self.units.len() {
            let span = self.units[i].span;
            if i > 0 && self.text[prev_end..span.start].contains('\n') {
                paragraph += 1;
            }
            prev_end = span.end;
            self.units[i].paragraph = paragraph;
            while piece < outer.len() && self.pieces[outer[piece]].content.end <= span.start {
                piece += 1;
            }
            if let Some(&k) = outer.get(piece) {
                let c = self.pieces[k].content;
                if c.start <= span.start && span.end <= c.end && c.start < c.end {
                    self.units[i].quote = Some(k);
                }
            }
        }
    }

    fn mark_skipped(&mut self, layers: &TextLayers) {
        let mut headings: Vec<Span> = layers.sentences.iter().filter(|s| s.heading && !s.residue).map(|s| s.span).collect();
        headings.sort();
        for unit in &mut self.units {
            unit.heading = headings.iter().any(|h| h.start <= unit.span.start && unit.span.end <= h.end);
        }
        let mut skipped: Vec<Span> = layers.sentences.iter().filter(|s| s.residue).map(|s| s.span).collect();
        skipped.extend(layers.residue.iter().map(|r| r.span));
        if skipped.is_empty() {
            return;
        }
        skipped.sort();
        let mut k = 0;
        for unit in &mut self.units {
            while k < skipped.len() && skipped[k].end <= unit.span.start {
                k += 1;
            }
            // Spans may overlap; look at the few that start before this unit.
            unit.skip = skipped[k..].iter().take_while(|s| s.start <= unit.span.start).any(|s| s.end > unit.span.start);
        }
    }

    /// Marks summary lists as skipped: two or more paragraphs in a row that open with a bullet
    /// ("- ", "• ", "* "). Such "key points" repeat the article's own statements.
    fn mark_bullet_lists(&mut self) {
        let n = self.units.len();
        let opens_with_bullet = |v: &Self, i: usize| v.units[i].kind == UnitKind::Punct && matches!(v.word(i), "-" | "•" | "*" | "–" | "·");
        let mut starts: Vec<(usize, bool)> = Vec::new();
        for i in 0..n {
            if i == 0 || self.units[i].paragraph != self.units[i - 1].paragraph {
                starts.push((i, opens_with_bullet(self, i)));
            }
        }
        for k in 0..starts.len() {
            let (start, bullet) = starts[k];
            let neighbour = (k > 0 && starts[k - 1].1) || starts.get(k + 1).is_some_and(|s| s.1);
            if bullet && neighbour {
                let end = starts.get(k + 1).map_or(n, |s| s.0);
                for unit in &mut self.units[start..end] {
                    unit.skip = true;
                }
            }
        }
    }

    /// Own sentence numbers: terminal punctuation outside quotes (not after an abbreviation,
    /// not before a lowercase word), a closing mark after a quote that ended a sentence and
    /// is followed by a capital, and paragraph breaks.
    fn assign_sentences(&mut self) {
        let mut sentence = 0u32;
        let n = self.units.len();
        for i in 0..n {
            if i > 0 && self.units[i].paragraph != self.units[i - 1].paragraph {
                sentence += 1;
            }
            self.units[i].sentence = sentence;
            if self.ends_sentence(i) {
                sentence += 1;
            }
        }
    }

    fn ends_sentence(&self, i: usize) -> bool {
        let next_capital_or_mark = || {
            self.units.get(i + 1).is_none_or(|u| {
                u.capital
                    || matches!(u.kind, UnitKind::Open(_))
                    || u.span.text(self.text).starts_with(|c: char| c.is_ascii_digit())
            })
        };
        match self.units[i].kind {
            UnitKind::Close(k) => {
                let content = self.pieces[k].content.text(self.text);
                content.ends_with(['.', '!', '?']) && self.units.get(i + 1).is_none_or(|u| u.capital || matches!(u.kind, UnitKind::Open(_)))
            }
            UnitKind::Punct if self.units[i].quote.is_none() && self.is_terminal(i) => {
                if self.word(i) == "." && i > 0 && self.is_word(i - 1) && vocab::is_abbreviation(self.lower(i - 1)) {
                    return self.units.get(i + 1).is_some_and(|u| u.capital) && self.lower(i - 1).len() > 1;
                }
                next_capital_or_mark()
            }
            _ => false,
        }
    }
}

/// Appends the lowercase form of `word` (per character, as `char::to_lowercase` gives it; ASCII
/// words, the common case, in one pass).
fn push_lowercase(arena: &mut String, word: &str) {
    if word.is_ascii() {
        let start = arena.len();
        arena.push_str(word);
        arena[start..].make_ascii_lowercase();
    } else {
        for c in word.chars() {
            arena.extend(c.to_lowercase());
        }
    }
}

