//! The sentence splitter: a walk over the tokens that decides, between each pair of tokens,
//! whether a sentence ends there.
//!
//! A sentence ends
//! - at a blank line (new paragraph) or a line break, unless the line is plainly wrapped
//!   (it runs on without final punctuation into a lower-case word);
//! - after `.`, `!`, `?`, `...` or an abbreviation that may close a clause (`enz.`), together
//!   with the closing quotes and brackets glued after it, when the next token can start a
//!   sentence (a capital, a digit, an opening quote or bracket, a bullet);
//! - after the closing quote of a sentence that opened with a quote, before a capital;
//! - after the crawl marker ` date 2024-09` at the very start of a file;
//! - at an open gap on one line (before a capital, digit or opening quote, after a word,
//!   number, closing bracket or `:` — see `Splitter::is_open_gap`) where the boundary model
//!   ([`crate::boundary`]) finds a heading or list item without final punctuation.
//!
//! It does not end after initials and titles (`J.P.`, `dr.`), after a list number at the
//! start of a line (`1.`), or before a lower-case word. The opening quote of the next sentence
//! belongs to the next sentence; the closing quote of this one stays with it.

use crate::abbreviations::may_end_sentence;
use crate::boundary::BoundaryModel;
use crate::{Sentence, Span, Token, TokenKind};

/// Most tokens in a heading that runs into the next sentence.
const HEADING_TOKENS: usize = 10;

/// How far back (in tokens) the opening quote of a quotation is looked for.
const MAX_QUOTATION_TOKENS: usize = 200;

/// Splits `text` into sentences, headings and list items using its `tokens`, with the
/// boundary model that ships inside the program (see [`crate::boundary`]).
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    split_sentences_with(text, tokens, BoundaryModel::embedded())
}

/// Splits `text` with the rules alone (`model` is `None`) or with the rules and `model`, which
/// decides the gaps the rules leave open (see [`Splitter::is_open_gap`]).
pub fn split_sentences_with(
    text: &str,
    tokens: &[Token],
    model: Option<&BoundaryModel>,
) -> Vec<Sentence> {
    let mut features = Vec::new();
    split_with_decider(text, tokens, |splitter, first, i| {
        model.is_some_and(|model| model.decides_boundary(splitter, first, i, &mut features))
    })
}

/// The splitter's walk over the tokens; `decide_open_gap(splitter, first, i)` says whether a
/// sentence that began at token `first` ends after token `i` where the rules leave it open.
pub(crate) fn split_with_decider(
    text: &str,
    tokens: &[Token],
    mut decide_open_gap: impl FnMut(&Splitter, usize, usize) -> bool,
) -> Vec<Sentence> {
    let mut sentences = Vec::with_capacity(tokens.len() / 16 + 1);
    if tokens.is_empty() {
        return sentences;
    }
    let closing = closing_quotes(text, tokens);
    let mut splitter = Splitter {
        text,
        bytes: text.as_bytes(),
        tokens,
        closing,
        marker_end: None,
    };
    splitter.marker_end = splitter.crawl_marker_end();
    let marker_end = splitter.marker_end;
    let mut paragraph = 0;
    let mut first = 0;
    for i in 0..tokens.len() {
        let next = i + 1;
        if next == tokens.len() {
            sentences.push(splitter.sentence(first, i, paragraph));
            break;
        }
        let breaks = splitter.line_breaks_between(i, next);
        let new_paragraph =
            breaks >= 2 || (breaks == 1 && !splitter.is_wrapped_line(first, i, next));
        let ends = new_paragraph
            || Some(i) == marker_end
            || splitter.ends_sentence(first, i)
            || (breaks == 0 && splitter.is_open_gap(i) && decide_open_gap(&splitter, first, i));
        if ends {
            sentences.push(splitter.sentence(first, i, paragraph));
            first = next;
            if new_paragraph {
                paragraph += 1;
            }
        }
    }
    sentences
}

/// The text and tokens being split, with the questions the splitter asks about them.
pub(crate) struct Splitter<'a> {
    pub(crate) text: &'a str,
    bytes: &'a [u8],
    pub(crate) tokens: &'a [Token],
    /// For each token: whether it is a quote mark that closes a quotation.
    closing: Vec<bool>,
    /// Index of the last token of the crawl marker (` date 2024-09`), if the text opens with one.
    marker_end: Option<usize>,
}

impl Splitter<'_> {
    /// The sentence from token `first` to token `last`, with its heading flag.
    fn sentence(&self, first: usize, last: usize, paragraph: usize) -> Sentence {
        let span = Span::new(self.tokens[first].span.start, self.tokens[last].span.end);
        Sentence {
            span,
            paragraph,
            heading: self.is_heading(first, last),
            residue: false,
        }
    }

    /// The token's text.
    pub(crate) fn token_text(&self, i: usize) -> &str {
        self.tokens[i].span.text(self.text)
    }

    /// Number of line breaks in the whitespace between tokens `a` and `b` (a blank line counts 2).
    pub(crate) fn line_breaks_between(&self, a: usize, b: usize) -> usize {
        line_breaks(&self.bytes[self.tokens[a].span.end..self.tokens[b].span.start])
    }

    /// Whether the line break before token `next` only wraps a running sentence.
    fn is_wrapped_line(&self, first: usize, last: usize, next: usize) -> bool {
        let line_start = self.line_start(self.tokens[last].span.end);
        let long_line =
            self.tokens[last].span.end - line_start.max(self.tokens[first].span.start) >= 30;
        long_line
            && !self.is_terminal(last)
            && !self.starts_line_item(next)
            && starts_lower_case(self.token_text(next))
            && matches!(self.tokens[next].kind, TokenKind::Word)
    }

    /// Byte offset of the start of the line holding byte `pos`.
    fn line_start(&self, pos: usize) -> usize {
        self.bytes[..pos]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1)
    }

    /// Whether the gap after token `i` is one the rules leave open for the boundary model: the
    /// next token could start a sentence (a capital, a digit, an opening quote or bracket) and
    /// token `i` could end one: a word (not an abbreviation, not an article, preposition or
    /// conjunction), a number, a web address, a closing bracket or quote, `:` or `;`. Line breaks and full
    /// stops are decided by the rules before this is asked.
    pub(crate) fn is_open_gap(&self, i: usize) -> bool {
        let next = i + 1;
        let last = self.token_text(i);
        let ends_like_a_sentence = match self.tokens[i].kind {
            TokenKind::Word => !last.ends_with('.'),
            TokenKind::Number | TokenKind::Url | TokenKind::Email => true,
            TokenKind::Quote | TokenKind::Punct => self.is_closer(i) || matches!(last, ":" | ";"),
            TokenKind::Symbol => false,
        };
        next < self.tokens.len()
            && ends_like_a_sentence
            && self.starts_sentence(next)
            && !binds_to_next(self.token_text(i))
            && !ends_in_name_particle(self.token_text(i))
            && !matches!(self.token_text(next), "%" | "‰" | "°")
            && !is_separator_dot(self.token_text(next))
    }

    /// Whether a sentence ends after token `i` (the sentence began at token `first`).
    fn ends_sentence(&self, first: usize, i: usize) -> bool {
        let next = i + 1;
        if self.is_closer(i) && self.is_closer(next) {
            return false;
        }
        // walk back over closing quotes and brackets glued after the terminal
        let mut j = i;
        while j > first && self.is_closer(j) {
            j -= 1;
        }
        if self.is_terminal(j) && !(j == i && self.is_closer(next)) {
            return !self.is_list_number(first, j) && self.starts_sentence(next);
        }
        if self.ends_glued_heading(first, i)
            || self.before_inline_bullet(i)
            || self.repeated_after(first, i)
        {
            return true;
        }
        // a quotation without final punctuation: ,,Hij heeft er zin in'' Daarna ...
        j != i
            && self.tokens[i].kind == TokenKind::Quote
            && self.tokens[next].kind == TokenKind::Word
            && starts_upper_case(self.token_text(next))
            && self.closes_leading_quotation(first, i)
    }

    /// Whether tokens `first..=i` are a short heading run into the next sentence without a
    /// line break (`Geschiedenis Het dorp ontstond …`): the next word is a capitalised word
    /// that opens sentences and is not part of names (`Hij`, `Maar`, `Het`).
    fn ends_glued_heading(&self, first: usize, i: usize) -> bool {
        const OPENERS: &[&str] = &[
            "Hij",
            "Zij",
            "Ze",
            "Ik",
            "Wij",
            "We",
            "Je",
            "Er",
            "Dit",
            "Deze",
            "Maar",
            "Toen",
            "Daarna",
            "Daarom",
            "Volgens",
            "Tijdens",
            "Sinds",
            "Hoewel",
            "Omdat",
            "Nadat",
            "Wanneer",
            "Inmiddels",
            "Intussen",
            "Vervolgens",
            "Bovendien",
            "Daarnaast",
            "Ook",
            "Veel",
            "Het",
            "Een",
            "In",
            "Op",
            "Bij",
            "Na",
            "Met",
            "Voor",
            "Door",
            "Om",
            "Uit",
            "Als",
            "Nu",
            "Zo",
            "Dan",
            "Toch",
            "Wel",
            "Niet",
            "Geen",
            "Zijn",
            "Haar",
            "Hun",
            "Mijn",
            "Dat",
            "Die",
            "Wat",
            "Wie",
            "Waar",
            "Hoe",
            "Waarom",
        ];
        let next = i + 1;
        next < self.tokens.len()
            && i - first < HEADING_TOKENS
            && self.tokens[next].kind == TokenKind::Word
            && starts_upper_case(self.token_text(next))
            && OPENERS.contains(&self.token_text(next))
            && !self.starts_title(next)
            && (matches!(self.tokens[i].kind, TokenKind::Word | TokenKind::Number)
                || self.token_text(i) == ")")
            && !(first..=i).any(|k| matches!(self.token_text(k), ":" | "," | ";"))
    }

    /// Whether a star bullet follows token `i` inside a line, a list run together on one
    /// line (`Bezienswaardigheden * Grieks-Romeins Museum * Jachthaven`): spaces around the
    /// star, a word, number or closing bracket or quote before it and a word or number after.
    fn before_inline_bullet(&self, i: usize) -> bool {
        let (star, after) = (i + 1, i + 2);
        after < self.tokens.len()
            && self.token_text(star) == "*"
            && self.tokens[i].span.end < self.tokens[star].span.start
            && self.tokens[star].span.end < self.tokens[after].span.start
            && (matches!(self.tokens[i].kind, TokenKind::Word | TokenKind::Number)
                || self.is_closer(i))
            && match self.tokens[after].kind {
                TokenKind::Word => starts_upper_case(self.token_text(after)),
                // not a product of numbers (`3 * 4`)
                TokenKind::Number => self.tokens[i].kind != TokenKind::Number,
                _ => false,
            }
    }

    /// Whether the last one to three words up to token `i`, starting with a capital and made of
    /// letters and hyphens, are repeated right after it: a title or heading before the text
    /// that opens with it (`Pluimvee Pluimvee, waartoe kippen …`, `Ongewoon Italië Italië
    /// heeft …`). Not inside a quotation that opens before the words (`'Maria Maria'`).
    fn repeated_after(&self, first: usize, i: usize) -> bool {
        let next = i + 1;
        if next >= self.tokens.len()
            || self.tokens[next].kind != TokenKind::Word
            || !starts_upper_case(self.token_text(next))
        {
            return false;
        }
        (1..=3.min(i + 1 - first)).any(|words| {
            let start = i + 1 - words;
            i + words < self.tokens.len()
                && self.token_text(start) == self.token_text(next)
                && starts_upper_case(self.token_text(start))
                && self.token_text(start).chars().count() >= 3
                && !(start > 0 && self.is_opening_quote(start - 1))
                && (start..=i).all(|k| {
                    self.tokens[k].kind == TokenKind::Word
                        && self
                            .token_text(k)
                            .chars()
                            .all(|c| c.is_alphabetic() || c == '-')
                        && self.token_text(k) == self.token_text(k + words)
                })
        })
    }

    /// Whether the opener at `i` begins a capitalised title or name (`Het Parool`, `In
    /// Het Zwarte Schaap`) rather than a sentence.
    fn starts_title(&self, i: usize) -> bool {
        i + 1 < self.tokens.len()
            && self.tokens[i + 1].kind == TokenKind::Word
            && starts_upper_case(self.token_text(i + 1))
    }

    /// Whether token `i` ends a sentence by itself: `.`, `!`, `?`, an ellipsis, or an
    /// abbreviation that may close a clause.
    pub(crate) fn is_terminal(&self, i: usize) -> bool {
        let token = self.tokens[i];
        let text = self.token_text(i);
        match token.kind {
            TokenKind::Punct => {
                text == "…" || text.bytes().all(|b| matches!(b, b'.' | b'!' | b'?'))
            }
            TokenKind::Word if text.ends_with('.') => {
                may_end_sentence(text)
                    || (is_letter_or_acronym(text) && self.followed_by_sentence_opener(i))
            }
            _ => false,
        }
    }

    /// Whether token `i` (a letter and period such as `B.`, or capitals with periods such as
    /// `D.C.`) is followed by a word that opens sentences but is never part of a name (`Hij`,
    /// `Maar`, `Daar`), so the letters were no initials (`vitamine C. Daar …`).
    fn followed_by_sentence_opener(&self, i: usize) -> bool {
        const OPENERS: &[&str] = &[
            "Hij",
            "Zij",
            "Ze",
            "Ik",
            "Wij",
            "We",
            "Je",
            "Jij",
            "U",
            "Jullie",
            "Men",
            "Het",
            "Een",
            "Dit",
            "Dat",
            "Deze",
            "Die",
            "Er",
            "Daar",
            "Hier",
            "Iedereen",
            "Niemand",
            "Alle",
            "Elke",
            "Ieder",
            "Sommige",
            "Veel",
            "Zijn",
            "Haar",
            "Hun",
            "Onze",
            "Mijn",
            "Maar",
            "En",
            "Ook",
            "Toen",
            "Daarna",
            "Daarom",
            "Daarbij",
            "Daardoor",
            "Daarmee",
            "Daarnaast",
            "Bovendien",
            "Verder",
            "Vervolgens",
            "Inmiddels",
            "Intussen",
            "Toch",
            "Dus",
            "Dan",
            "Nu",
            "Zo",
            "Nog",
            "Pas",
            "Later",
            "Eerder",
            "Sindsdien",
            "Als",
            "Omdat",
            "Hoewel",
            "Zoals",
            "Wanneer",
            "Nadat",
            "Volgens",
            "Na",
            "Tijdens",
            "In",
            "Op",
            "Met",
            "Bij",
            "Voor",
            "Wat",
            "Wie",
            "Waar",
            "Hoe",
            "Waarom",
            "Niet",
            "Wel",
            "Geen",
        ];
        i + 1 < self.tokens.len() && OPENERS.contains(&self.token_text(i + 1))
    }

    /// Whether the sentence so far is only a list number or letter (`1.`, `IV.`, `b.`).
    fn is_list_number(&self, first: usize, terminal: usize) -> bool {
        if terminal != first + 1 || self.token_text(terminal) != "." {
            return false;
        }
        let item = self.token_text(first);
        let before = &self.bytes[..self.tokens[first].span.start];
        let at_line_start = before
            .iter()
            .rev()
            .take_while(|&&b| b != b'\n')
            .all(u8::is_ascii_whitespace);
        at_line_start
            && match self.tokens[first].kind {
                TokenKind::Number => item.len() <= 3,
                TokenKind::Word => {
                    item.len() <= 4 && item.bytes().all(|b| b"IVXLivxl".contains(&b))
                }
                _ => false,
            }
    }

    /// Whether token `i` closes a quotation or bracket (and so stays with the sentence before).
    pub(crate) fn is_closer(&self, i: usize) -> bool {
        if i >= self.tokens.len() {
            return false;
        }
        match self.tokens[i].kind {
            TokenKind::Quote => self.is_closing_quote(i),
            TokenKind::Punct => matches!(self.token_text(i), ")" | "]" | "}"),
            _ => false,
        }
    }

    /// Whether the quote token `i` closes a quotation (see [`closing_quotes`]).
    fn is_closing_quote(&self, i: usize) -> bool {
        self.closing[i]
    }

    /// Whether the quote token `i` opens a quotation.
    pub(crate) fn is_opening_quote(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Quote && !self.closing[i]
    }

    /// Whether the closing quote `i` ends a quotation that opened at the start of the
    /// sentence or after a colon (`Hij zei:,,Ja''`), so that a capital after it starts a new
    /// sentence.
    fn closes_leading_quotation(&self, first: usize, i: usize) -> bool {
        let close = self.token_text(i);
        (first.max(i.saturating_sub(MAX_QUOTATION_TOKENS))..i)
            .rev()
            .find(|&k| self.is_opening_quote(k) && quotation_pair(self.token_text(k), close))
            .is_some_and(|open| open == first || (open > first && self.token_text(open - 1) == ":"))
    }

    /// Whether token `i` can be the first token of a sentence.
    pub(crate) fn starts_sentence(&self, i: usize) -> bool {
        let text = self.token_text(i);
        match self.tokens[i].kind {
            TokenKind::Word => {
                let first = text.chars().next().unwrap_or(' ');
                first.is_uppercase()
                    || first.is_numeric()
                    || matches!(first, '\'' | '’' | '‘' | '#' | '@')
            }
            TokenKind::Number | TokenKind::Symbol => true,
            TokenKind::Quote => {
                self.is_opening_quote(i)
                    && (i + 1 >= self.tokens.len()
                        || !matches!(self.tokens[i + 1].kind, TokenKind::Word)
                        || !starts_lower_case(self.token_text(i + 1)))
            }
            TokenKind::Punct => matches!(
                text,
                "(" | "[" | "-" | "–" | "—" | "•" | "·" | "●" | "▪" | "*"
            ),
            TokenKind::Url | TokenKind::Email => false,
        }
    }

    /// Whether token `i` is a bullet at the start of a line (`- `, `• `, `* `).
    pub(crate) fn starts_line_item(&self, i: usize) -> bool {
        matches!(
            self.token_text(i),
            "-" | "–" | "—" | "•" | "·" | "●" | "▪" | "*"
        )
    }

    /// Whether the sentence from `first` to `last` is a heading: alone on its line(s), short,
    /// without final punctuation, not a list item.
    fn is_heading(&self, first: usize, last: usize) -> bool {
        let start = self.tokens[first].span.start;
        let end = self.tokens[last].span.end;
        let after_marker = self.marker_end.is_some_and(|m| m + 1 == first);
        let alone_before = after_marker
            || self.bytes[..start]
                .iter()
                .rev()
                .take_while(|&&b| b != b'\n')
                .all(u8::is_ascii_whitespace);
        let alone_after = self.bytes[end..]
            .iter()
            .take_while(|&&b| b != b'\n')
            .all(u8::is_ascii_whitespace);
        let closes_after_terminal =
            self.is_closer(last) && last > first && self.is_terminal(last - 1);
        let ends_open = !self.is_terminal(last)
            && !matches!(self.token_text(last), ":" | ";" | "," | ")")
            && !closes_after_terminal;
        alone_before
            && alone_after
            && ends_open
            && last - first < 20
            && !self.starts_line_item(first)
            && !self.bytes[start..end].contains(&b'\n')
    }

    /// If the text opens with the crawl marker (` date 2024-09`), the index of its last token.
    fn crawl_marker_end(&self) -> Option<usize> {
        let tokens = self.tokens;
        if tokens.len() < 3 || self.token_text(0) != "date" || tokens[1].kind != TokenKind::Number {
            return None;
        }
        let leading_space_only = self.bytes[..tokens[0].span.start]
            .iter()
            .all(u8::is_ascii_whitespace);
        let date = self.token_text(1);
        let looks_like_date = date.len() >= 4
            && date.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && date[4..].bytes().all(|b| b.is_ascii_digit() || b == b'-');
        (leading_space_only && looks_like_date).then_some(1)
    }
}

/// For each token, whether it is a quote mark that closes a quotation.
///
/// Marks that only open (`,,` `„` `“` `‘` `«`) or only close (`''` `”` `’` `»`) decide by
/// themselves, except that `“` and `‘` glued to the word before and not to the word after
/// close (`„Ja.“`). A straight `"` or `'` closes when glued to the word before and not after,
/// opens when glued to the word after and not before, and otherwise closes when a quotation
/// with the same mark is open on the current line.
fn closing_quotes(text: &str, tokens: &[Token]) -> Vec<bool> {
    let bytes = text.as_bytes();
    let mut closing = vec![false; tokens.len()];
    let (mut double_open, mut single_open) = (false, false);
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 && bytes[tokens[i - 1].span.end..token.span.start].contains(&b'\n') {
            (double_open, single_open) = (false, false);
        }
        if token.kind != TokenKind::Quote {
            continue;
        }
        let glued_before = i > 0 && tokens[i - 1].span.end == token.span.start;
        // glued to a following word; a quote glued to punctuation after it (`".`) closes
        let glued_after = i + 1 < tokens.len()
            && token.span.end == tokens[i + 1].span.start
            && !matches!(
                tokens[i + 1].span.text(text),
                "." | "," | ";" | ":" | "!" | "?" | ")"
            );
        let mark = token.span.text(text);
        closing[i] = match mark {
            ",," | "„" | "‚" | "«" | "‹" | "``" => false,
            "“" | "‘" => glued_before && !glued_after,
            "''" | "”" | "’" | "»" | "›" => true,
            "\"" | "'" | "`" => {
                let open = if mark == "\"" {
                    &mut double_open
                } else {
                    &mut single_open
                };
                let closes = if glued_before != glued_after {
                    glued_before
                } else {
                    *open
                };
                *open = !closes;
                closes
            }
            _ => glued_before && !glued_after,
        };
    }
    closing
}

/// Whether `close` can close a quotation opened with `open`.
fn quotation_pair(open: &str, close: &str) -> bool {
    match open {
        ",," | "„" | "“" => matches!(close, "''" | "”" | "“"),
        "‘" | "‚" => matches!(close, "’" | "‘"),
        "«" => close == "»",
        "‹" => close == "›",
        _ => open == close,
    }
}

/// Number of line breaks in a run of whitespace; `\r\n` counts once, U+2029 (paragraph
/// separator) twice, U+2028 (line separator) once.
pub(crate) fn line_breaks(gap: &[u8]) -> usize {
    let mut count = 0;
    let mut k = 0;
    while k < gap.len() {
        match gap[k] {
            b'\n' => count += 1,
            b'\r' if gap.get(k + 1) != Some(&b'\n') => count += 1,
            0xE2 if gap.get(k + 1) == Some(&0x80) && gap.get(k + 2) == Some(&0xA8) => count += 1,
            0xE2 if gap.get(k + 1) == Some(&0x80) && gap.get(k + 2) == Some(&0xA9) => count += 2,
            _ => {}
        }
        k += 1;
    }
    count
}

/// Whether a token is a dot bullet (`•`, `·`, `●`, `▪`). In the middle of a line it separates
/// the parts of one line (a dateline `Omroep Oost • gisteren, 18:02 • Aangepast …`, a
/// breadcrumb) and starts no sentence; at the start of a line it is a list bullet.
fn is_separator_dot(token: &str) -> bool {
    matches!(token, "•" | "·" | "●" | "▪")
}

/// Whether `word` is an article, preposition or conjunction, which never ends a sentence and
/// so always binds to the word after it (`gesprek met Jansen`, `Maar De Smet`).
fn binds_to_next(word: &str) -> bool {
    const BINDING: &[&str] = &[
        "de", "het", "een", "des", "der", "den", "van", "in", "op", "met", "voor", "door", "bij",
        "naar", "om", "uit", "aan", "over", "tot", "tegen", "tussen", "onder", "boven", "achter",
        "naast", "zonder", "sinds", "tijdens", "na", "vanaf", "via", "per", "zoals", "volgens",
        "dankzij", "ondanks", "rond", "namens", "en", "of", "maar", "want", "omdat", "hoewel",
        "toen", "als", "zodat", "terwijl", "nadat", "voordat", "totdat", "indien", "zodra",
        "alsof", "zijn", "haar", "hun", "mijn", "uw", "onze", "deze",
    ];
    word.len() <= 8 && word.is_ascii() && BINDING.iter().any(|b| b.eq_ignore_ascii_case(word))
}

/// Whether `word` is a double surname cut after its particle (`Zijlaard-Van Moorsel`,
/// `Smits-van Oyen`): the name goes on after the gap.
fn ends_in_name_particle(word: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "van", "de", "den", "der", "ter", "ten", "te", "von", "du", "le",
    ];
    word.rsplit_once('-').is_some_and(|(head, particle)| {
        !head.is_empty() && PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(particle))
    })
}

/// Whether `token` (ending in a period) is one letter (`C.`) or capitals with periods
/// (`D.C.`, `E.U.`): an initial, or an abbreviation that may end a sentence.
fn is_letter_or_acronym(token: &str) -> bool {
    let word = token.strip_suffix('.').unwrap_or(token);
    let mut chars = word.chars();
    let one_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    one_letter
        || (word.contains('.')
            && word
                .split('.')
                .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase)))
}

/// Whether `text` starts with a lower-case letter.
fn starts_lower_case(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Whether `text` starts with an upper-case letter.
fn starts_upper_case(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::split_with_decider;
    use crate::{split_sentences, split_sentences_with, tokenize};

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, &tokenize(text))
            .iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    /// The sentences the rules alone find (no boundary model).
    fn rule_sentences(text: &str) -> Vec<&str> {
        split_sentences_with(text, &tokenize(text), None)
            .iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_titles_do_not_end_sentences() {
        let text =
            "Zij sprak o.a. met dr. Pels en J.P. Korenwolf over bijv. Brussel. Daarna ging ze.";
        assert_eq!(
            sentences(text),
            [
                "Zij sprak o.a. met dr. Pels en J.P. Korenwolf over bijv. Brussel.",
                "Daarna ging ze."
            ]
        );
    }

    #[test]
    fn a_letter_or_acronym_before_a_sentence_opener_ends_the_sentence() {
        assert_eq!(
            sentences("Het ging over vitamine C. Daar is veel over bekend."),
            ["Het ging over vitamine C.", "Daar is veel over bekend."]
        );
        assert_eq!(
            sentences("Dat besloot de E.U. Iedereen was verrast."),
            ["Dat besloot de E.U.", "Iedereen was verrast."]
        );
        // initials before a name stay
        let text = "Hij sprak met J.P. Balkenende en A. De Smet.";
        assert_eq!(sentences(text), [text]);
    }

    #[test]
    fn a_double_surname_cut_after_its_particle_is_no_open_gap() {
        let text = "Leontien Zijlaard-Van Moorsel won.";
        let split = split_with_decider(text, &tokenize(text), |_, _, _| true);
        let texts: Vec<&str> = split.iter().map(|s| s.span.text(text)).collect();
        assert_eq!(texts, ["Leontien", "Zijlaard-Van Moorsel won."]);
    }

    #[test]
    fn star_bullets_inside_a_line_start_list_items() {
        let text = "Bezienswaardigheden * Grieks-Romeins Museum * Jachthaven * 1995: Opening";
        assert_eq!(
            rule_sentences(text),
            [
                "Bezienswaardigheden",
                "* Grieks-Romeins Museum",
                "* Jachthaven",
                "* 1995: Opening"
            ]
        );
        // a product of numbers is no list
        assert_eq!(rule_sentences("Dat is 3 * 4 en meer.").len(), 1);
    }

    #[test]
    fn a_title_repeated_by_the_sentence_after_it_is_split_off() {
        let text = "Daar gelden regels voor. Pluimvee Pluimvee, waartoe kippen behoren, is vee.";
        assert_eq!(
            rule_sentences(text),
            [
                "Daar gelden regels voor.",
                "Pluimvee",
                "Pluimvee, waartoe kippen behoren, is vee."
            ]
        );
        // not inside a quoted title, not lower-case words
        assert_eq!(rule_sentences("Nummers als 'Maria Maria' en dat dat werkt.").len(), 1);
    }

    #[test]
    fn clause_closing_abbreviations_do() {
        assert_eq!(
            sentences("Er waren appels, peren enz. Het was druk."),
            ["Er waren appels, peren enz.", "Het was druk."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let text =
            ",,Wij gaan niet. Nooit.'' Daarna zweeg hij. „Echt?” vroeg ze. “Ja.” Zo ging het.";
        assert_eq!(
            sentences(text),
            [
                ",,Wij gaan niet.",
                "Nooit.''",
                "Daarna zweeg hij.",
                "„Echt?” vroeg ze.",
                "“Ja.”",
                "Zo ging het."
            ]
        );
        let spaced = "Het was een droom. '' ,,Echt waar.''";
        assert_eq!(
            sentences(spaced),
            ["Het was een droom. ''", ",,Echt waar.''"]
        );
    }

    #[test]
    fn lower_case_after_a_full_stop_continues() {
        assert_eq!(
            sentences("Hij wachtte... en wachtte."),
            ["Hij wachtte... en wachtte."]
        );
    }

    #[test]
    fn headings_paragraphs_and_lists() {
        let text = "Kernpunten\n- Eerste punt van de lijst.\n- Tweede punt.\n\nEen kop\n\nGewone tekst hier.";
        let tokens = tokenize(text);
        let split = split_sentences(text, &tokens);
        let texts: Vec<&str> = split.iter().map(|s| s.span.text(text)).collect();
        assert_eq!(
            texts,
            [
                "Kernpunten",
                "- Eerste punt van de lijst.",
                "- Tweede punt.",
                "Een kop",
                "Gewone tekst hier."
            ]
        );
        let headings: Vec<bool> = split.iter().map(|s| s.heading).collect();
        assert_eq!(headings, [true, false, false, true, false]);
        let paragraphs: Vec<usize> = split.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_dot_bullet_inside_a_line_separates_no_sentences() {
        let text = "Omroep Oost • gisteren, 18:02 • Aangepast vandaag, 07:15\n• Eerste punt";
        assert_eq!(
            sentences(text),
            [
                "Omroep Oost • gisteren, 18:02 • Aangepast vandaag, 07:15",
                "• Eerste punt"
            ]
        );
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let text = "Dit is een lange zin die over de regel heen\nloopt en daarna eindigt.";
        assert_eq!(sentences(text), [text]);
    }

    #[test]
    fn crawl_marker_is_its_own_sentence() {
        let text = " date 2023-05 De gemeente Veldhoven besloot iets.";
        assert_eq!(
            sentences(text),
            ["date 2023-05", "De gemeente Veldhoven besloot iets."]
        );
    }

    #[test]
    fn a_heading_run_into_its_text_is_split_off() {
        assert_eq!(
            sentences("Geschiedenis Het dorp ontstond rond een kerk."),
            ["Geschiedenis", "Het dorp ontstond rond een kerk."]
        );
        // names with De or Van, and longer clauses with a comma, are left alone
        assert_eq!(
            sentences("Volgens Anna De Smet kwam hij."),
            ["Volgens Anna De Smet kwam hij."]
        );
        assert_eq!(
            sentences("Toen het regende, Het Dorpsblad schreef erover."),
            ["Toen het regende, Het Dorpsblad schreef erover."]
        );
        // a capitalised title or name after the opener: no new sentence
        assert_eq!(
            sentences("Dat meldt Het Dorpsblad vandaag."),
            ["Dat meldt Het Dorpsblad vandaag."]
        );
    }

    #[test]
    fn a_headline_without_full_stop_is_split_from_its_text() {
        let text = "Kabinet trekt extra geld uit voor defensie Het kabinet kondigde een plan aan.";
        assert_eq!(
            sentences(text),
            [
                "Kabinet trekt extra geld uit voor defensie",
                "Het kabinet kondigde een plan aan."
            ]
        );
        // a title after a lower-case word is no new sentence
        let text = "Dat meldt De Dorpskrant vandaag.";
        assert_eq!(sentences(text), [text]);
    }

    #[test]
    fn prepositions_and_names_are_not_split_at_open_gaps() {
        let text = "Zij had een gesprek met Jansen over de begroting van Veldhoven.";
        assert_eq!(sentences(text), [text]);
        let text = "Het bestuur bestaat uit Femke De Ruyter en Joost Van Aerde.";
        assert_eq!(sentences(text), [text]);
        let text = "Volgens Mevrouw De Ruyter was de raad het eens.";
        assert_eq!(sentences(text), [text]);
    }

    #[test]
    fn the_model_splits_list_lines_the_rules_leave_joined() {
        let text = "Oppervlakte: 95 km² Hoogste punt: Vaalserberg Aantal inwoners: 12.000";
        let tokens = tokenize(text);
        let rules_only = split_sentences_with(text, &tokens, None);
        assert_eq!(rules_only.len(), 1);
        assert_eq!(
            sentences(text),
            [
                "Oppervlakte: 95 km²",
                "Hoogste punt: Vaalserberg",
                "Aantal inwoners: 12.000"
            ]
        );
    }

    #[test]
    fn list_numbers_stay_with_their_item() {
        assert_eq!(
            sentences("1. Eerste punt.\n2. Tweede punt."),
            ["1. Eerste punt.", "2. Tweede punt."]
        );
    }
}
