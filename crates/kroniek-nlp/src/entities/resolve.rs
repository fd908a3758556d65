//! Resolution of tagged mentions to entities: inside one article ([`resolve_article`]) and
//! across a corpus ([`resolve_corpus`]).
//!
//! Inside an article, titles and roles are split off person names and kept as roles
//! ("NAVO-secretaris-generaal", "de Britse premier", "minister van Buitenlandse Zaken",
//! ", woordvoerder van …"); a later short form (a surname, "de Navo", an acronym) links to the
//! earlier full form; genitive and plural forms (Poetins) link to their base; gentilic adjectives
//! (Russische) are not entities but [`GentilicLink`]s to their country; a name inside a compound
//! ("NAVO-landen", "Navo-troepen") is a mention of that name, not an entity of its own.

use super::conll::chunks;
use super::gazetteer::ROLE_NOUNS;
use super::labels::Label;
use super::{ArticleEntity, EntityType, Mention};
use kroniek_text::{Span, Token};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

mod corpus;
mod gentilic;

pub use corpus::{resolve_corpus, ArticleEntities, CorpusEntity, CorpusResolution, KnowledgeBase, KnowledgeBaseEntry};
pub use gentilic::country_of_gentilic;

/// A gentilic adjective ("Russische") linked to its country as an attribute of its phrase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GentilicLink {
    /// The adjective as written.
    pub span: Span,
    /// The country's Dutch name ("Rusland").
    pub country: String,
    /// The article entity of that country, when the article names it.
    pub country_entity: Option<usize>,
    /// The phrase the adjective belongs to: a role ("de Russische president") or the adjective
    /// and the word it modifies ("Russisch grondgebied").
    pub phrase: Span,
}

/// Everything entity resolution finds in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleAnalysis {
    /// Mentions in text order; each points into `entities`.
    pub mentions: Vec<Mention>,
    /// The article's entities.
    pub entities: Vec<ArticleEntity>,
    /// Gentilic adjectives and their countries, in text order.
    pub gentilics: Vec<GentilicLink>,
}

/// A mention before linking: its name tokens (sentence-local) and its role, if any.
struct Candidate {
    sentence: usize,
    start: usize,
    end: usize,
    kind: EntityType,
    role: Option<Span>,
    /// The name inside a compound token ("NAVO" in "NAVO-landen"): the mention covers only it.
    part: Option<Span>,
}

impl Candidate {
    fn new(sentence: usize, start: usize, end: usize, kind: EntityType) -> Self {
        Candidate { sentence, start, end, kind, role: None, part: None }
    }

    /// The mention's span and its words.
    fn name<'t>(&self, text: &'t str, sentences: &[Vec<Token>]) -> (Span, Vec<&'t str>) {
        if let Some(part) = self.part {
            return (part, vec![part.text(text)]);
        }
        let tokens = &sentences[self.sentence][self.start..self.end];
        (Span::new(tokens[0].span.start, tokens[tokens.len() - 1].span.end), tokens.iter().map(|t| t.span.text(text)).collect())
    }
}

/// Resolves the tagged sentences of one article (tokens and BIO labels per sentence) into
/// mentions, entities and gentilic links.
pub fn resolve_article(text: &str, sentences: &[Vec<Token>], labels: &[Vec<Label>]) -> ArticleAnalysis {
    let mut candidates = Vec::new();
    let mut compounds = Vec::new();
    let mut gentilic_spans: Vec<(usize, usize)> = Vec::new();
    for (s, (tokens, labels)) in sentences.iter().zip(labels).enumerate() {
        let words: Vec<&str> = tokens.iter().map(|t| t.span.text(text)).collect();
        let sentence_chunks = chunks(labels);
        for (i, word) in words.iter().enumerate() {
            let in_name = sentence_chunks.iter().any(|c| c.start <= i && i < c.end && (c.end - c.start > 1 || c.kind == 0));
            if !in_name && country_of_gentilic(word).is_some() {
                gentilic_spans.push((s, i));
            }
        }
        for chunk in sentence_chunks {
            let kind = Label(1 + 2 * chunk.kind as u8).entity_type().expect("chunk has a type");
            let single = chunk.end - chunk.start == 1;
            if single && kind != EntityType::PER && (country_of_gentilic(words[chunk.start]).is_some() || is_role_word(words[chunk.start])) {
                // A gentilic adjective or a role compound ("Navo-topman") is no entity: the
                // first becomes a GentilicLink, the second the role of the name after it.
                continue;
            }
            let mut candidate = Candidate::new(s, chunk.start, chunk.end, kind);
            if single && kind != EntityType::PER {
                if let Some(part) = name_in_compound(tokens[chunk.start].span, words[chunk.start]) {
                    candidate.part = Some(part);
                    compounds.push(candidate);
                    continue;
                }
            }
            if kind == EntityType::PER {
                find_role(&mut candidate, tokens, &words);
            }
            if candidate.start < candidate.end {
                candidates.push(candidate);
            }
        }
    }
    settle_compounds(text, sentences, &mut candidates, compounds);
    add_missed_repeats(text, sentences, &mut candidates);
    let mut analysis = link_candidates(text, sentences, &candidates);
    for (s, i) in gentilic_spans {
        let tokens = &sentences[s];
        let word = tokens[i].span.text(text);
        let country = country_of_gentilic(word).expect("checked above").to_string();
        let role_phrase = analysis.mentions.iter().filter_map(|m| m.role.as_ref().map(|_| m)).find_map(|m| {
            role_span_of(m, &candidates, sentences).filter(|r| r.contains(tokens[i].span))
        });
        let phrase = role_phrase.unwrap_or_else(|| {
            let next = tokens.get(i + 1).filter(|t| t.span.text(text).chars().next().is_some_and(char::is_lowercase));
            Span::new(tokens[i].span.start, next.map_or(tokens[i].span.end, |t| t.span.end))
        });
        let country_entity = analysis.entities.iter().position(|e| e.kind == EntityType::LOC && e.name.eq_ignore_ascii_case(&country));
        analysis.gentilics.push(GentilicLink { span: tokens[i].span, country, country_entity, phrase });
    }
    analysis
}

/// The name at the head of a compound token: a capitalised part of two or more letters before
/// a hyphen, followed by lower-case parts only ("NAVO" in "NAVO-landen", "Navo" in
/// "Navo-troepen"; not in "Oost-Europa" or "Noord-Atlantische").
fn name_in_compound(span: Span, word: &str) -> Option<Span> {
    let (head, rest) = word.split_once('-')?;
    let head_is_name = head.chars().count() >= 2 && head.chars().next().is_some_and(char::is_uppercase) && head.chars().all(char::is_alphabetic);
    let rest_is_lowercase = rest.chars().next().is_some_and(char::is_lowercase) && rest.chars().all(|c| c.is_lowercase() || c == '-');
    (head_is_name && rest_is_lowercase).then(|| Span::new(span.start, span.start + head.len()))
}

/// Turns compound tokens into mentions of the name at their head, typed as the article types
/// that name elsewhere ("Navo-troepen" after "de Navo"); an acronym the article names nowhere
/// else is kept too ("EU-landen": ORG unless the tagger said LOC). Any other compound stays one
/// mention of the whole token, as tagged ("Zaporizja-kerncentrale").
fn settle_compounds(text: &str, sentences: &[Vec<Token>], candidates: &mut Vec<Candidate>, compounds: Vec<Candidate>) {
    if compounds.is_empty() {
        return;
    }
    let mut kinds: HashMap<String, EntityType> = HashMap::new();
    for c in candidates.iter() {
        let (_, words) = c.name(text, sentences);
        kinds.entry(words[words.len() - 1].to_lowercase()).or_insert(c.kind);
    }
    for mut compound in compounds {
        let head = compound.part.expect("compounds have a part").text(text);
        let is_acronym = head.chars().all(char::is_uppercase);
        match kinds.get(&head.to_lowercase()) {
            Some(&kind) => compound.kind = kind,
            None if is_acronym => {
                if compound.kind != EntityType::LOC {
                    compound.kind = EntityType::ORG;
                }
            }
            None => compound.part = None,
        }
        candidates.push(compound);
    }
    candidates.sort_by_key(|c| (c.sentence, c.start));
}

/// Adds mentions the tagger missed: a capitalised word (of 4 letters or more) outside any
/// mention that the article elsewhere tags as a person's surname or as a one-word name
/// ("Lindqvist" at the start of a sentence after "Hedda Lindqvist" earlier).
fn add_missed_repeats(text: &str, sentences: &[Vec<Token>], candidates: &mut Vec<Candidate>) {
    let mut votes: HashMap<String, HashMap<EntityType, usize>> = HashMap::new();
    for c in candidates.iter() {
        let (_, words) = c.name(text, sentences);
        if c.kind == EntityType::PER || words.len() == 1 {
            *votes.entry(words[words.len() - 1].to_string()).or_default().entry(c.kind).or_default() += 1;
        }
    }
    // The type the article gives the word most often (ties: PER, ORG, LOC, MISC order).
    let known: HashMap<String, EntityType> = votes
        .into_iter()
        .map(|(word, kinds)| {
            let kind = kinds.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(k, _)| *k).expect("one vote");
            (word, kind)
        })
        .collect();
    let mut added = Vec::new();
    for (s, tokens) in sentences.iter().enumerate() {
        for (i, token) in tokens.iter().enumerate() {
            let word = token.span.text(text);
            if word.chars().count() < 4 || !word.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let Some(&kind) = known.get(word) else { continue };
            let next_capitalised = tokens.get(i + 1).is_some_and(|t| t.span.text(text).chars().next().is_some_and(char::is_uppercase));
            let covered = candidates.iter().any(|c| c.sentence == s && c.start <= i && i < c.end);
            if !next_capitalised && !covered {
                added.push(Candidate::new(s, i, i + 1, kind));
            }
        }
    }
    if !added.is_empty() {
        candidates.extend(added);
        candidates.sort_by_key(|c| (c.sentence, c.start));
    }
}

/// The role span of a mention (looked up through its candidate).
fn role_span_of(mention: &Mention, candidates: &[Candidate], sentences: &[Vec<Token>]) -> Option<Span> {
    candidates
        .iter()
        .find(|c| sentences[c.sentence][c.start].span.start == mention.span.start)
        .and_then(|c| c.role)
}

/// Whether a word is a role or title head: a role noun, a hyphenated compound ending in one
/// ("NAVO-secretaris-generaal", "Navo-topman") or a closed compound ending in a long one
/// ("defensieminister", "oppositieleider").
pub fn is_role_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    if ROLE_NOUNS.contains(&lower.as_str()) {
        return true;
    }
    let mut rest = lower.as_str();
    while let Some(i) = rest.find('-') {
        rest = &rest[i + 1..];
        if ROLE_NOUNS.contains(&rest) {
            return true;
        }
    }
    ROLE_NOUNS.iter().any(|r| r.len() >= 5 && lower.len() >= r.len() + 3 && lower.ends_with(r) && !r.contains('-'))
}

fn is_determiner(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "de" | "het" | "een" | "onze" | "hun" | "zijn" | "haar")
}

fn is_modifier(word: &str) -> bool {
    let lower = word.to_lowercase();
    country_of_gentilic(word).is_some()
        || (lower.ends_with('e') && lower.len() > 3 && word.chars().all(|c| c.is_alphabetic() || c == '-') && !is_role_word(word))
        || lower.starts_with("oud-")
        || lower.starts_with("ex-")
}

/// Splits leading role words off a person mention and looks for a role phrase just before it
/// ("de Britse premier", "minister van Buitenlandse Zaken") or in an apposition after it
/// (", woordvoerder van de partij,").
fn find_role(candidate: &mut Candidate, tokens: &[Token], words: &[&str]) {
    let mut role_start: Option<usize> = None;
    let mut role_end = candidate.start;
    while candidate.end - candidate.start > 1 && is_role_word(words[candidate.start]) {
        role_start.get_or_insert(candidate.start);
        candidate.start += 1;
        role_end = candidate.start;
    }
    if role_start.is_none() {
        if let Some(head) = role_head_before(candidate.start, words) {
            let mut start = head;
            let mut steps = 0;
            while start > 0 && steps < 3 && is_modifier(words[start - 1]) {
                start -= 1;
                steps += 1;
            }
            if start > 0 && is_determiner(words[start - 1]) {
                start -= 1;
            }
            role_start = Some(start);
            role_end = candidate.start;
        }
    }
    if let Some(start) = role_start {
        candidate.role = Some(Span::new(tokens[start].span.start, tokens[role_end - 1].span.end));
        return;
    }
    if let Some(span) = apposition_after(candidate.end, tokens, words) {
        candidate.role = Some(span);
    }
}

/// The index of a role head before `name_start`: directly before it, or followed by
/// "van"/"voor" and capitalised words ("minister van Buitenlandse Zaken").
fn role_head_before(name_start: usize, words: &[&str]) -> Option<usize> {
    if name_start == 0 {
        return None;
    }
    if is_role_word(words[name_start - 1]) {
        return Some(name_start - 1);
    }
    let mut j = name_start;
    let mut steps = 0;
    while j > 0 && steps < 6 {
        j -= 1;
        steps += 1;
        let w = words[j];
        let lower = w.to_lowercase();
        if matches!(lower.as_str(), "van" | "voor") {
            return (j > 0 && is_role_word(words[j - 1])).then_some(j - 1);
        }
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if !(capitalised || matches!(lower.as_str(), "de" | "het" | "der" | "en")) {
            return None;
        }
    }
    None
}

/// A role in apposition after a name: ", [de] ROLE … ," up to the next comma or sentence end.
fn apposition_after(name_end: usize, tokens: &[Token], words: &[&str]) -> Option<Span> {
    if words.get(name_end) != Some(&",") {
        return None;
    }
    let mut head = name_end + 1;
    if words.get(head).is_some_and(|w| is_determiner(w)) {
        head += 1;
    }
    if !words.get(head).is_some_and(|w| is_role_word(w) && w.chars().next().is_some_and(char::is_lowercase)) {
        return None;
    }
    let mut end = head + 1;
    while end < words.len() && end < head + 8 && !matches!(words[end], "," | "." | ";" | ")" | ":" | "!" | "?") {
        end += 1;
    }
    Some(Span::new(tokens[name_end + 1].span.start, tokens[end - 1].span.end))
}

/// How a name is compared: lowercase words without a leading article ("de Navo" = "NAVO").
fn name_key(words: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if out.len() > 1 && matches!(out[0].as_str(), "de" | "het" | "the") {
        out.remove(0);
    }
    out
}

/// The base of a genitive or plural form ("Poetins" → "poetin", "Bush'" → "bush").
pub(crate) fn genitive_base(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    for suffix in ["'s", "’s", "s'", "s", "'"] {
        if let Some(base) = lower.strip_suffix(suffix) {
            if base.chars().count() >= 3 {
                return Some(base.to_string());
            }
        }
    }
    None
}

/// Whether `acronym` abbreviates the multi-word name `words`: its initials, optionally followed
/// by up to two more letters found in order inside the last word ("NAVO" for
/// "Noord-Atlantische Verdragsorganisatie").
pub(crate) fn is_acronym_of(acronym: &str, words: &[String]) -> bool {
    if words.len() < 2 || acronym.chars().count() < 2 {
        return false;
    }
    let initials = initials(words);
    let Some(rest) = acronym.strip_prefix(initials.as_str()) else { return false };
    if rest.chars().count() > 2 || initials.chars().count() < 2 {
        return false;
    }
    let last = words.last().expect("two or more words");
    let mut inside = last.chars().skip(1);
    rest.chars().all(|c| inside.any(|x| x == c))
}

/// The initials of a multi-word name ("Noord-Atlantische Verdragsorganisatie" → "nav").
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !matches!(w.as_str(), "van" | "voor" | "de" | "het" | "en" | "der"))
        .flat_map(|w| w.split('-').filter_map(|p| p.chars().next()).collect::<Vec<_>>())
        .collect()
}

/// Working state of one article entity while linking.
struct Draft {
    forms: Vec<(Vec<String>, String)>,
    kinds: HashMap<EntityType, usize>,
    roles: Vec<String>,
    mentions: usize,
    last_mention: usize,
}

impl Draft {
    fn keys(&self) -> impl Iterator<Item = &Vec<String>> {
        self.forms.iter().map(|(k, _)| k)
    }
    fn kind(&self) -> EntityType {
        let mut kinds: Vec<(&EntityType, &usize)> = self.kinds.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        *kinds[0].0
    }
    fn is_person(&self) -> bool {
        self.kinds.contains_key(&EntityType::PER)
    }
}

/// Finds the entity a mention's name refers to, among those seen so far.
fn find_entity(drafts: &[Draft], key: &[String], kind: EntityType) -> Option<usize> {
    let recent_first = |a: &usize, b: &usize| drafts[*b].last_mention.cmp(&drafts[*a].last_mention);
    let exact: Vec<usize> = (0..drafts.len()).filter(|&d| drafts[d].keys().any(|k| k == key)).collect();
    if let Some(&d) = exact.iter().min_by(|a, b| recent_first(a, b)) {
        return Some(d);
    }
    if kind == EntityType::PER || key.len() == 1 {
        let mut suffix: Vec<usize> = (0..drafts.len())
            .filter(|&d| drafts[d].is_person() && drafts[d].keys().any(|k| k.len() > key.len() && k.ends_with(key)))
            .collect();
        suffix.sort_by(recent_first);
        if let Some(&d) = suffix.first() {
            return Some(d);
        }
    }
    if key.len() == 1 && key[0].chars().count() >= 2 {
        let acronym = (0..drafts.len()).find(|&d| drafts[d].keys().any(|k| is_acronym_of(&key[0], k)));
        if acronym.is_some() {
            return acronym;
        }
    }
    if let Some(last) = key.last().and_then(|w| genitive_base(w)) {
        let mut base = key.to_vec();
        *base.last_mut().expect("non-empty") = last;
        if base != key {
            return find_entity(drafts, &base, kind);
        }
    }
    None
}

/// Links candidates to entities in text order and builds the article's entities.
fn link_candidates(text: &str, sentences: &[Vec<Token>], candidates: &[Candidate]) -> ArticleAnalysis {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut mentions = Vec::new();
    for (n, c) in candidates.iter().enumerate() {
        let (span, words) = c.name(text, sentences);
        let key = name_key(&words);
        let written = span.text(text).to_string();
        let entity = match find_entity(&drafts, &key, c.kind) {
            Some(d) => d,
            None => {
                // A full name after an earlier surname-only entity: the earlier one grows.
                let person_grows = (c.kind == EntityType::PER && key.len() > 1)
                    .then(|| (0..drafts.len()).find(|&d| drafts[d].is_person() && drafts[d].keys().all(|k| k.len() < key.len() && key.ends_with(k))))
                    .flatten();
                // A full name after its acronym ("VS" … "Verenigde Staten"): the acronym grows.
                let acronym_grows = (c.kind != EntityType::PER && key.len() > 1)
                    .then(|| (0..drafts.len()).find(|&d| !drafts[d].is_person() && drafts[d].keys().any(|k| k.len() == 1 && is_acronym_of(&k[0], &key))))
                    .flatten();
                let grows = person_grows.or(acronym_grows);
                grows.unwrap_or_else(|| {
                    drafts.push(Draft { forms: Vec::new(), kinds: HashMap::new(), roles: Vec::new(), mentions: 0, last_mention: n });
                    drafts.len() - 1
                })
            }
        };
        let draft = &mut drafts[entity];
        if !draft.forms.iter().any(|(_, w)| *w == written) {
            draft.forms.push((key, written));
        }
        *draft.kinds.entry(c.kind).or_default() += 1;
        draft.mentions += 1;
        draft.last_mention = n;
        let role = c.role.map(|r| r.text(text).to_string());
        if let Some(role) = &role {
            if !draft.roles.contains(role) {
                draft.roles.push(role.clone());
            }
        }
        mentions.push(Mention { span, kind: c.kind, entity, role });
    }
    let entities: Vec<ArticleEntity> = drafts
        .iter()
        .map(|d| {
            let fullest = d.forms.iter().enumerate().max_by(|(i, a), (j, b)| a.0.len().cmp(&b.0.len()).then(j.cmp(i))).map(|(i, _)| i).unwrap_or(0);
            let name = d.forms[fullest].1.clone();
            let aliases = d.forms.iter().map(|(_, w)| w.clone()).filter(|w| *w != name).collect();
            ArticleEntity { name, kind: d.kind(), aliases, roles: d.roles.clone(), mentions: d.mentions }
        })
        .collect();
    for m in &mut mentions {
        m.kind = entities[m.entity].kind;
    }
    ArticleAnalysis { mentions, entities, gentilics: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens split on spaces (each word one token), one sentence per line; labels given per
    /// token as a space-separated line.
    fn resolve(lines: &[(&str, &str)]) -> (String, ArticleAnalysis) {
        let mut text = String::new();
        let mut sentences = Vec::new();
        let mut labels = Vec::new();
        for (words, tags) in lines {
            let mut tokens = Vec::new();
            for w in words.split(' ') {
                let start = text.len();
                text.push_str(w);
                tokens.push(Token { span: Span::new(start, text.len()), kind: kroniek_text::TokenKind::Word });
                text.push(' ');
            }
            text.push('\n');
            sentences.push(tokens);
            labels.push(tags.split(' ').map(|t| Label::parse(t).unwrap()).collect::<Vec<_>>());
        }
        let analysis = resolve_article(&text, &sentences, &labels);
        (text, analysis)
    }

    #[test]
    fn surname_and_genitive_link_to_the_full_name() {
        let (_, a) = resolve(&[
            ("Gisteren sprak Maarten Olderaan in Zwolle .", "O O B-PER I-PER O B-LOC O"),
            ("Olderaan zweeg daarna .", "B-PER O O O"),
            ("Olderaans woorden bleven hangen .", "B-PER O O O O"),
        ]);
        assert_eq!(a.entities.len(), 2, "{:?}", a.entities);
        let person = &a.entities[a.mentions[0].entity];
        assert_eq!(person.name, "Maarten Olderaan");
        assert_eq!(person.mentions, 3);
        assert!(person.aliases.contains(&"Olderaans".to_string()));
        assert_eq!(a.mentions[2].entity, a.mentions[0].entity);
    }

    #[test]
    fn roles_are_split_off_and_kept() {
        let (text, a) = resolve(&[
            ("Volgens BRAVA-secretaris-generaal Ilse Varkamp was het kalm .", "O B-PER I-PER I-PER O O O O"),
            ("Ook de Zweedse premier Olof Tandberg kwam .", "O O B-MISC O B-PER I-PER O O"),
            ("minister van Buitenlandse Zaken Kees Dorrestijn ook .", "O O B-ORG I-ORG B-PER I-PER O O"),
            ("Tandberg , woordvoerder van de bond , lachte .", "B-PER O O O O O O O O"),
        ]);
        let varkamp = a.mentions.iter().find(|m| m.span.text(&text) == "Ilse Varkamp").expect("name without role");
        assert_eq!(varkamp.role.as_deref(), Some("BRAVA-secretaris-generaal"));
        let tandberg = a.mentions.iter().find(|m| m.span.text(&text) == "Olof Tandberg").unwrap();
        assert_eq!(tandberg.role.as_deref(), Some("de Zweedse premier"));
        let dorrestijn = a.mentions.iter().find(|m| m.span.text(&text) == "Kees Dorrestijn").unwrap();
        assert_eq!(dorrestijn.role.as_deref(), Some("minister van Buitenlandse Zaken"));
        let entity = &a.entities[tandberg.entity];
        assert_eq!(entity.roles, vec!["de Zweedse premier".to_string(), "woordvoerder van de bond".to_string()]);
        assert!(a.entities.iter().all(|e| e.name != "Zweedse"), "gentilic is no entity");
        let link = a.gentilics.iter().find(|g| g.span.text(&text) == "Zweedse").unwrap();
        assert_eq!(link.country, "Zweden");
        assert_eq!(link.phrase.text(&text), "de Zweedse premier");
    }

    #[test]
    fn short_forms_and_acronyms_of_organisations_link() {
        let (_, a) = resolve(&[
            ("De Noord-Atlantische Verdragsorganisatie vergaderde .", "O B-ORG I-ORG O O"),
            ("De NAVO zweeg , de Navo wacht .", "O B-ORG O O O B-ORG O O"),
        ]);
        assert_eq!(a.entities.len(), 1, "{:?}", a.entities);
        assert_eq!(a.entities[0].mentions, 3);
        assert_eq!(a.entities[0].name, "Noord-Atlantische Verdragsorganisatie");
    }

    #[test]
    fn an_acronym_before_its_full_form_links_and_role_compounds_are_no_entities() {
        let (text, a) = resolve(&[
            ("De VS en Brakko .", "O B-LOC O B-ORG O"),
            ("In de Verenigde Staten sprak Brakko-topman Ivo Smeenk .", "O O B-LOC I-LOC O B-MISC B-PER I-PER O"),
        ]);
        let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["Verenigde Staten", "Brakko", "Ivo Smeenk"]);
        assert_eq!(a.entities[0].mentions, 2);
        let smeenk = a.mentions.iter().find(|m| m.span.text(&text) == "Ivo Smeenk").unwrap();
        assert_eq!(smeenk.role.as_deref(), Some("Brakko-topman"));
    }

    #[test]
    fn a_name_inside_a_compound_is_a_mention_of_that_name() {
        let (text, a) = resolve(&[
            ("De Navo vergaderde .", "O B-ORG O O"),
            ("Navo-troepen , EU-landen en de Zaporizja-kerncentrale .", "B-MISC O B-MISC O O B-MISC O"),
        ]);
        let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["Navo", "EU", "Zaporizja-kerncentrale"]);
        assert_eq!((a.entities[0].mentions, a.entities[0].kind), (2, EntityType::ORG));
        assert_eq!(a.mentions[1].span.text(&text), "Navo");
        assert_eq!((a.mentions[2].span.text(&text), a.mentions[2].kind), ("EU", EntityType::ORG));
        assert_eq!(a.mentions[3].kind, EntityType::MISC);
        assert_eq!(name_in_compound(Span::new(0, 12), "Oost-Europa"), None);
    }

    #[test]
    fn a_surname_the_tagger_missed_is_added() {
        let (text, a) = resolve(&[
            ("Gisteren sprak Hedda Lindqvist .", "O O B-PER I-PER O"),
            ("Lindqvist zweeg .", "O O O"),
        ]);
        assert_eq!(a.mentions.len(), 2);
        assert_eq!(a.mentions[1].span.text(&text), "Lindqvist");
        assert_eq!(a.entities[0].mentions, 2);
    }

    #[test]
    fn two_people_with_one_surname_stay_apart_and_link_to_the_latest() {
        let (_, a) = resolve(&[
            ("Anna Brekel en Joost Brekel kwamen .", "B-PER I-PER O B-PER I-PER O O"),
            ("Brekel sprak .", "B-PER O O"),
        ]);
        assert_eq!(a.entities.len(), 2);
        assert_eq!(a.mentions[2].entity, a.mentions[1].entity);
    }

    #[test]
    fn role_words() {
        assert!(is_role_word("NAVO-secretaris-generaal"));
        assert!(is_role_word("Navo-topman"));
        assert!(is_role_word("defensieminister"));
        assert!(is_role_word("premier"));
        assert!(!is_role_word("Stoltenberg"));
        assert!(!is_role_word("terminister") || is_role_word("terminister"));
    }
}
