//! kroniek's query language, parsed by kroniek itself and turned into tantivy queries.
//!
//! ```text
//! raket                     a word; Dutch stemming, so raketten matches too
//! raket*                    every word that starts with raket (unstemmed)
//! "elke centimeter"         a phrase (unstemmed, accents folded); "a b"~3 allows 3 words between
//! navo AND oekraine         both (AND may be left out: words next to each other must all match)
//! navo OR nato              either
//! NOT rusland, -rusland     without
//! (navo OR nato) raket*     parentheses group
//! date:2022-01..2022-12     a date range (also date:2022, date:2022-03, date:..2021, date:2023..)
//! title:kabinet             in the title only
//! source:nos  lang:nld      by source, by detected language
//! person:Stoltenberg        articles mentioning the resolved entity (also org:, place:, misc:)
//! ```
//!
//! tantivy's own query parser is not used: it misses bare prefixes and `a AND NOT b`.

use crate::index::{day_number, entity_key, Fields};
use chrono::NaiveDate;
use std::ops::Bound;
use tantivy::query::{AllQuery, BooleanQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Index, Searcher, Term};

/// A parsed query.
#[derive(Clone, Debug, PartialEq)]
pub enum QueryNode {
    /// A bare word, matched stemmed in text and title.
    Word(String),
    /// A word prefix (`raket*`).
    Prefix(String),
    /// Words in order; `slop` words may come between; the last may be a prefix.
    Phrase { words: String, slop: u32, prefix_last: bool },
    /// `name:value` for title, source, lang, person, org, place, misc.
    Field { name: String, value: String, phrase: bool },
    /// `date:FROM..TO`, both ends inclusive, either may be open.
    DateRange { from: Option<NaiveDate>, to: Option<NaiveDate> },
    And(Vec<QueryNode>),
    Or(Vec<QueryNode>),
    Not(Box<QueryNode>),
}

/// A query that cannot be parsed or built, with the position (in chars) where it went wrong.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("query error at position {position}: {message}")]
pub struct QueryError {
    pub position: usize,
    pub message: String,
}

fn error<T>(position: usize, message: impl Into<String>) -> Result<T, QueryError> {
    Err(QueryError { position, message: message.into() })
}

#[derive(Clone, Debug, PartialEq)]
enum Lexeme {
    Open,
    Close,
    And,
    Or,
    Not,
    Phrase { field: Option<String>, words: String, slop: u32 },
    Term(String),
}

const FIELDS: [&str; 9] = ["date", "title", "source", "lang", "language", "person", "org", "place", "misc"];

fn lex(input: &str) -> Result<Vec<(usize, Lexeme)>, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut lexemes = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' {
            lexemes.push((i, Lexeme::Open));
            i += 1;
        } else if c == ')' {
            lexemes.push((i, Lexeme::Close));
            i += 1;
        } else if c == '-' && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
            lexemes.push((i, Lexeme::Not));
            i += 1;
        } else {
            let start = i;
            let mut word = String::new();
            while i < chars.len() && !chars[i].is_whitespace() && !"()\"".contains(chars[i]) {
                word.push(chars[i]);
                i += 1;
            }
            let field = word.strip_suffix(':').filter(|f| FIELDS.contains(&f.to_lowercase().as_str())).map(str::to_lowercase);
            if i < chars.len() && chars[i] == '"' && (word.is_empty() || field.is_some()) {
                let (words, slop, next) = lex_phrase(&chars, i)?;
                lexemes.push((start, Lexeme::Phrase { field, words, slop }));
                i = next;
                continue;
            }
            if word.is_empty() {
                return error(i, "a quote mark \" here does not start a phrase; put a space before it");
            }
            lexemes.push((start, match word.as_str() {
                "AND" | "&&" => Lexeme::And,
                "OR" | "||" => Lexeme::Or,
                "NOT" => Lexeme::Not,
                _ => Lexeme::Term(word),
            }));
        }
    }
    Ok(lexemes)
}

/// Reads `"..."` (and an optional `~N`) from `open`; returns the words, slop and next index.
fn lex_phrase(chars: &[char], open: usize) -> Result<(String, u32, usize), QueryError> {
    let close = chars[open + 1..].iter().position(|&c| c == '"').map(|p| p + open + 1);
    let Some(close) = close else {
        return error(open, "this phrase's quote mark is never closed; add a closing \"");
    };
    let words: String = chars[open + 1..close].iter().collect();
    let mut next = close + 1;
    let mut slop = 0;
    if chars.get(next) == Some(&'~') {
        let digits: String = chars[next + 1..].iter().take_while(|c| c.is_ascii_digit()).collect();
        slop = digits.parse().or_else(|_| error(next, "~ after a phrase needs a number, as in \"a b\"~3"))?;
        next += 1 + digits.len();
    }
    Ok((words, slop, next))
}

/// Parses a query string into a [`QueryNode`].
pub fn parse_query(input: &str) -> Result<QueryNode, QueryError> {
    let lexemes = lex(input)?;
    if lexemes.is_empty() {
        return error(0, "the query is empty");
    }
    let mut parser = Parser { lexemes, next: 0, end: input.chars().count() };
    let node = parser.or_expression()?;
    match parser.lexemes.get(parser.next) {
        None => Ok(node),
        Some((position, Lexeme::Close)) => error(*position, "a closing parenthesis without an opening one"),
        Some((position, _)) => error(*position, "unexpected here"),
    }
}

struct Parser {
    lexemes: Vec<(usize, Lexeme)>,
    next: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Lexeme> {
        self.lexemes.get(self.next).map(|(_, l)| l)
    }

    fn position(&self) -> usize {
        self.lexemes.get(self.next).map(|(p, _)| *p).unwrap_or(self.end)
    }

    fn or_expression(&mut self) -> Result<QueryNode, QueryError> {
        let mut parts = vec![self.and_expression()?];
        while self.peek() == Some(&Lexeme::Or) {
            self.next += 1;
            parts.push(self.and_expression()?);
        }
        Ok(if parts.len() == 1 { parts.remove(0) } else { QueryNode::Or(parts) })
    }

    fn and_expression(&mut self) -> Result<QueryNode, QueryError> {
        let mut parts = vec![self.unary()?];
        loop {
            match self.peek() {
                Some(Lexeme::And) => {
                    self.next += 1;
                    parts.push(self.unary()?);
                }
                None | Some(Lexeme::Or) | Some(Lexeme::Close) => break,
                Some(_) => parts.push(self.unary()?),
            }
        }
        Ok(if parts.len() == 1 { parts.remove(0) } else { QueryNode::And(parts) })
    }

    fn unary(&mut self) -> Result<QueryNode, QueryError> {
        if self.peek() == Some(&Lexeme::Not) {
            self.next += 1;
            return Ok(QueryNode::Not(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<QueryNode, QueryError> {
        let position = self.position();
        let Some((_, lexeme)) = self.lexemes.get(self.next).cloned() else {
            return error(position, "the query ends where a word or phrase was expected");
        };
        self.next += 1;
        match lexeme {
            Lexeme::Open => {
                let inner = self.or_expression()?;
                if self.peek() != Some(&Lexeme::Close) {
                    return error(self.position(), "missing closing parenthesis");
                }
                self.next += 1;
                Ok(inner)
            }
            Lexeme::Phrase { field: None, words, slop } => {
                let prefix_last = words.trim_end().ends_with('*');
                Ok(QueryNode::Phrase { words: words.trim_end().trim_end_matches('*').to_string(), slop, prefix_last })
            }
            Lexeme::Phrase { field: Some(name), words, .. } => field_node(position, &name, &words, true),
            Lexeme::Term(word) => term_node(position, &word),
            Lexeme::Close => error(position, "a closing parenthesis where a word was expected"),
            Lexeme::And | Lexeme::Or | Lexeme::Not => error(position, "an operator where a word was expected (quote it to search the word itself)"),
        }
    }
}

fn term_node(position: usize, word: &str) -> Result<QueryNode, QueryError> {
    if let Some((name, value)) = word.split_once(':') {
        if FIELDS.contains(&name.to_lowercase().as_str()) {
            return field_node(position, &name.to_lowercase(), value, false);
        }
    }
    if let Some(prefix) = word.strip_suffix('*') {
        if prefix.is_empty() || prefix.contains('*') {
            return error(position, "a wildcard needs a beginning, as in raket*");
        }
        return Ok(QueryNode::Prefix(prefix.to_string()));
    }
    if word.contains('*') {
        return error(position, "only a trailing wildcard is supported (raket*)");
    }
    Ok(QueryNode::Word(word.to_string()))
}

fn field_node(position: usize, name: &str, value: &str, phrase: bool) -> Result<QueryNode, QueryError> {
    if value.trim().is_empty() {
        return error(position, format!("{name}: needs a value"));
    }
    if name == "date" {
        return parse_date_range(value).map_err(|message| QueryError { position, message });
    }
    let name = if name == "language" { "lang" } else { name };
    Ok(QueryNode::Field { name: name.to_string(), value: value.to_string(), phrase })
}

/// `2022-01..2022-12`, `2022`, `2022-03-05`, `..2021`, `2023..`.
fn parse_date_range(value: &str) -> Result<QueryNode, String> {
    let (from, to) = match value.split_once("..") {
        Some((from, to)) => (from, to),
        None => (value, value),
    };
    let bound = |text: &str, end: bool| -> Result<Option<NaiveDate>, String> {
        if text.is_empty() {
            return Ok(None);
        }
        let date = crate::article::parse_date(text)
            .and_then(|d| d.date.map(|date| (date, d.precision)))
            .ok_or_else(|| format!("date:{value}: {text:?} is not a date (write 2022, 2022-03 or 2022-03-05)"))?;
        Ok(Some(if end { end_of_period(date.0, date.1) } else { date.0 }))
    };
    let (from, to) = (bound(from, false)?, bound(to, true)?);
    if from.is_none() && to.is_none() {
        return Err("date:.. needs at least one end".into());
    }
    Ok(QueryNode::DateRange { from, to })
}

fn end_of_period(start: NaiveDate, precision: crate::article::DatePrecision) -> NaiveDate {
    use crate::article::DatePrecision::*;
    use chrono::Datelike;
    match precision {
        Year => NaiveDate::from_ymd_opt(start.year(), 12, 31).unwrap_or(start),
        Month => {
            let (y, m) = if start.month() == 12 { (start.year() + 1, 1) } else { (start.year(), start.month() + 1) };
            NaiveDate::from_ymd_opt(y, m, 1).map(|d| d.pred_opt().unwrap_or(d)).unwrap_or(start)
        }
        _ => start,
    }
}

/// Most words a prefix expands to; beyond this the query says so.
const MAX_PREFIX_TERMS: usize = 1000;
/// The most bytes Dutch stemming removes from a word (-heden, -heid with -en, -lijk, -ing ...
/// with undoubling): longer words cannot have the stem of a query word.
const MAX_STEMMED_SUFFIX_BYTES: usize = 16;

/// Turns parsed queries into tantivy queries for one index.
pub struct QueryBuilder<'a> {
    pub index: &'a Index,
    pub searcher: &'a Searcher,
    pub fields: Fields,
}

impl QueryBuilder<'_> {
    /// Builds the tantivy query for a node.
    pub fn build(&self, node: &QueryNode) -> Result<Box<dyn Query>, QueryError> {
        match node {
            QueryNode::Word(word) => self.word(word),
            QueryNode::Prefix(prefix) => self.prefix(prefix),
            QueryNode::Phrase { words, slop, prefix_last } => self.phrase(words, *slop, *prefix_last),
            QueryNode::Field { name, value, phrase } => self.field(name, value, *phrase),
            QueryNode::DateRange { from, to } => Ok(self.date_range(*from, *to)),
            QueryNode::And(parts) => self.and(parts),
            QueryNode::Or(parts) => {
                let built = parts.iter().map(|p| Ok((Occur::Should, self.build(p)?))).collect::<Result<Vec<_>, QueryError>>()?;
                Ok(Box::new(BooleanQuery::new(built)))
            }
            QueryNode::Not(inner) => Ok(Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                (Occur::MustNot, self.build(inner)?),
            ]))),
        }
    }

    fn and(&self, parts: &[QueryNode]) -> Result<Box<dyn Query>, QueryError> {
        let mut clauses = Vec::new();
        for part in parts {
            match part {
                QueryNode::Not(inner) => clauses.push((Occur::MustNot, self.build(inner)?)),
                other => clauses.push((Occur::Must, self.build(other)?)),
            }
        }
        if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    fn analyze(&self, field: Field, text: &str) -> Vec<String> {
        let Ok(mut analyzer) = self.index.tokenizer_for_field(field) else { return Vec::new() };
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        while stream.advance() {
            tokens.push(stream.token().text.clone());
        }
        tokens
    }

    fn word(&self, word: &str) -> Result<Box<dyn Query>, QueryError> {
        let folded = self.analyze(self.fields.text, word);
        match folded.as_slice() {
            [] => error(0, format!("{word:?} has no searchable letters or digits")),
            [one] => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for field in [self.fields.text, self.fields.title] {
                    for form in self.same_stem_words(field, one)? {
                        clauses.push((Occur::Should, term_query(field, &form)));
                    }
                }
                Ok(Box::new(BooleanQuery::new(clauses)))
            }
            _ => self.phrase(word, 0, false),
        }
    }

    /// Every indexed word of `field` with the same Dutch stem as the folded word `folded`
    /// (raket → raket, raketten; brood → brood, broden): stemming at query time, so the
    /// index holds each word once, unstemmed.
    fn same_stem_words(&self, field: Field, folded: &str) -> Result<Vec<String>, QueryError> {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Dutch);
        let stem = stemmer.stem(folded);
        let mut words = Vec::new();
        for prefix in stem_scan_prefixes(&stem) {
            for candidate in self.words_with_prefix(field, &prefix, usize::MAX)? {
                if candidate.len() <= stem.len() + MAX_STEMMED_SUFFIX_BYTES && stemmer.stem(&candidate) == stem {
                    words.push(candidate);
                }
            }
        }
        words.sort();
        words.dedup();
        Ok(words)
    }

    fn prefix(&self, prefix: &str) -> Result<Box<dyn Query>, QueryError> {
        let folded = self.analyze(self.fields.text, prefix);
        let [folded] = folded.as_slice() else {
            return error(0, format!("{prefix}*: a wildcard applies to one word"));
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in [self.fields.text, self.fields.title] {
            for term in self.words_with_prefix(field, folded, MAX_PREFIX_TERMS)? {
                clauses.push((Occur::Should, term_query(field, &term)));
            }
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Every indexed word of `field` that starts with `prefix`, across segments; an error when
    /// there are more than `limit`.
    fn words_with_prefix(&self, field: Field, prefix: &str, limit: usize) -> Result<Vec<String>, QueryError> {
        let mut words = std::collections::BTreeSet::new();
        for segment in self.searcher.segment_readers() {
            let inverted = segment.inverted_index(field).map_err(|e| QueryError { position: 0, message: e.to_string() })?;
            let mut stream = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .into_stream()
                .map_err(|e| QueryError { position: 0, message: e.to_string() })?;
            while stream.advance() {
                let key = stream.key();
                if !key.starts_with(prefix.as_bytes()) {
                    break;
                }
                words.insert(String::from_utf8_lossy(key).to_string());
                if words.len() > limit {
                    return error(0, format!("{prefix}* matches more than {limit} words; make the prefix longer"));
                }
            }
        }
        Ok(words.into_iter().collect())
    }

    fn phrase(&self, words: &str, slop: u32, prefix_last: bool) -> Result<Box<dyn Query>, QueryError> {
        let tokens = self.analyze(self.fields.text, words);
        if tokens.is_empty() {
            return error(0, format!("the phrase \"{words}\" has no searchable words"));
        }
        if tokens.len() == 1 {
            return if prefix_last { self.prefix(&tokens[0]) } else { Ok(self.exact_word(&tokens[0])) };
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in [self.fields.text, self.fields.title] {
            let terms: Vec<Term> = tokens.iter().map(|t| Term::from_field_text(field, t)).collect();
            let query: Box<dyn Query> = if prefix_last {
                Box::new(PhrasePrefixQuery::new(terms))
            } else {
                let with_offsets = terms.into_iter().enumerate().collect();
                Box::new(PhraseQuery::new_with_offset_and_slop(with_offsets, slop))
            };
            clauses.push((Occur::Should, query));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    fn exact_word(&self, word: &str) -> Box<dyn Query> {
        Box::new(BooleanQuery::new(vec![
            (Occur::Should, term_query(self.fields.text, word)),
            (Occur::Should, term_query(self.fields.title, word)),
        ]))
    }

    fn field(&self, name: &str, value: &str, phrase: bool) -> Result<Box<dyn Query>, QueryError> {
        let f = self.fields;
        let entity_field = |field: Field| term_query(field, &entity_key(value));
        Ok(match name {
            "title" if phrase => {
                let tokens = self.analyze(f.title, value);
                let terms: Vec<Term> = tokens.iter().map(|t| Term::from_field_text(f.title, t)).collect();
                if terms.len() < 2 {
                    return Ok(term_query(f.title, tokens.first().map(String::as_str).unwrap_or("")));
                }
                Box::new(PhraseQuery::new(terms))
            }
            "title" => {
                let folded = self.analyze(f.title, value);
                let Some(word) = folded.first() else { return error(0, "title: needs a word") };
                let forms = self.same_stem_words(f.title, word)?;
                Box::new(BooleanQuery::new(forms.iter().map(|form| (Occur::Should, term_query(f.title, form))).collect()))
            }
            "source" => term_query(f.source, &value.to_lowercase()),
            "lang" => term_query(f.language, language_code(value)),
            "person" => entity_field(f.person),
            "org" => entity_field(f.org),
            "place" => entity_field(f.place),
            "misc" => entity_field(f.misc),
            other => return error(0, format!("unknown field {other}:")),
        })
    }

    fn date_range(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Box<dyn Query> {
        let bound = |date: Option<NaiveDate>| match date {
            Some(d) => Bound::Included(Term::from_field_i64(self.fields.day, day_number(d))),
            None => Bound::Unbounded,
        };
        Box::new(RangeQuery::new(bound(from), bound(to)))
    }
}

/// Where the words with a given Dutch stem are found in the sorted term dictionary. The
/// (original, Porter) Dutch snowball stemmer changes only the end of a word: it removes
/// suffixes and undoubles final consonants (raketten → raket), undoubles the vowel before
/// the final consonant (brood → brod) and turns -heden into -heid (eenheden → eenheid). So
/// every word with this stem starts with the stem, with the stem's last vowel doubled, or
/// with -hed for -heid.
fn stem_scan_prefixes(stem: &str) -> Vec<String> {
    let mut prefixes = vec![stem.to_string()];
    let chars: Vec<char> = stem.chars().collect();
    if let [.., vowel, last] = chars.as_slice() {
        if "aeou".contains(*vowel) && !"aeou".contains(*last) {
            let head: String = chars[..chars.len() - 1].iter().collect();
            prefixes.push(format!("{head}{vowel}{last}"));
        }
    }
    if let Some(head) = stem.strip_suffix("heid") {
        prefixes.push(format!("{head}hed"));
    }
    prefixes
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
}

/// Accepts two-letter codes and names for the common news languages.
fn language_code(value: &str) -> &str {
    match value.to_lowercase().as_str() {
        "nl" | "nld" | "dutch" | "nederlands" => "nld",
        "en" | "eng" | "english" | "engels" => "eng",
        "de" | "deu" | "german" | "duits" => "deu",
        "fr" | "fra" | "french" | "frans" => "fra",
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> QueryNode {
        QueryNode::Word(w.into())
    }

    #[test]
    fn operators_parentheses_and_implicit_and() {
        assert_eq!(
            parse_query("(navo OR nato) raket* -rusland").unwrap(),
            QueryNode::And(vec![
                QueryNode::Or(vec![word("navo"), word("nato")]),
                QueryNode::Prefix("raket".into()),
                QueryNode::Not(Box::new(word("rusland"))),
            ])
        );
        assert_eq!(parse_query("a AND NOT b").unwrap(), QueryNode::And(vec![word("a"), QueryNode::Not(Box::new(word("b")))]));
    }

    #[test]
    fn phrases_fields_and_dates() {
        assert_eq!(
            parse_query("\"elke centimeter\"~2").unwrap(),
            QueryNode::Phrase { words: "elke centimeter".into(), slop: 2, prefix_last: false }
        );
        assert_eq!(
            parse_query("person:\"Anouk Verhoeven\"").unwrap(),
            QueryNode::Field { name: "person".into(), value: "Anouk Verhoeven".into(), phrase: true }
        );
        let QueryNode::DateRange { from, to } = parse_query("date:2022-01..2022-02").unwrap() else { panic!() };
        assert_eq!(from, NaiveDate::from_ymd_opt(2022, 1, 1));
        assert_eq!(to, NaiveDate::from_ymd_opt(2022, 2, 28));
        let QueryNode::DateRange { from, to } = parse_query("date:..2021").unwrap() else { panic!() };
        assert_eq!((from, to), (None, NaiveDate::from_ymd_opt(2021, 12, 31)));
    }

    #[test]
    fn errors_say_where_and_what() {
        assert_eq!(parse_query("\"open").unwrap_err().position, 0);
        assert!(parse_query("(a OR b").unwrap_err().message.contains("closing parenthesis"));
        assert!(parse_query("a OR").is_err());
        assert!(parse_query("date:gisteren").unwrap_err().message.contains("not a date"));
        assert!(parse_query("*").is_err());
        assert!(parse_query("").is_err());
    }

    /// Query-time stemming looks for a stem's words under [`stem_scan_prefixes`]; that holds
    /// only if every word starts with one of its own stem's scan prefixes. Checked on every word of the demo
    /// corpus and on words whose stem doubles or undoubles a vowel or changes a consonant.
    #[test]
    fn every_word_starts_with_a_scan_prefix_of_its_stem() {
        use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};
        let mut fold = TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(AsciiFoldingFilter).build();
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Dutch);
        let mut text = String::from("brood broden maan manen raketten mogelijkheden lopen loopt gelukkig hoogte begroting huizen leven");
        if let Ok(extra) = std::env::var("KRONIEK_STEM_CHECK_WORDS") {
            text.push_str(&std::fs::read_to_string(extra).unwrap());
        }
        for entry in std::fs::read_dir("../../demo/corpus/txt").unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                text.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
        let mut words = Vec::new();
        let mut stream = fold.token_stream(&text);
        while stream.advance() {
            words.push(stream.token().text.clone());
        }
        assert!(words.len() > 5000, "the demo corpus should be read: {} words", words.len());
        for word in words {
            let stem = stemmer.stem(&word);
            let prefixes = stem_scan_prefixes(&stem);
            assert!(prefixes.iter().any(|p| word.starts_with(p.as_str())), "{word} (stem {stem}) is under none of {prefixes:?}");
            assert!(word.len() <= stem.len() + MAX_STEMMED_SUFFIX_BYTES, "{word} lost more than the limit");
        }
        assert_eq!(stemmer.stem("begroting"), "begrot");
        assert_eq!(stem_scan_prefixes("brod"), ["brod", "brood"]);
        assert_eq!(stem_scan_prefixes("eenheid"), ["eenheid", "eenhed"]);
        assert_eq!(stem_scan_prefixes("raket"), ["raket", "rakeet"]);
        assert_eq!(stem_scan_prefixes("nato"), ["nato"]);
    }

    proptest::proptest! {
        #[test]
        fn parsing_never_panics(input in "\\PC{0,40}") {
            let _ = parse_query(&input);
        }

        #[test]
        fn words_joined_by_or_parse_to_an_or(words in proptest::collection::vec("[a-z]{1,8}", 2..5)) {
            let query = words.join(" OR ");
            let parsed = parse_query(&query).unwrap();
            proptest::prop_assert_eq!(parsed, QueryNode::Or(words.iter().map(|w| QueryNode::Word(w.clone())).collect()));
        }
    }
}
