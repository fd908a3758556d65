//! Resolution across a corpus: one entity per real-world referent, with aliases, roles,
//! mention counts and first/last seen dates, merged cautiously, and a user knowledge base that
//! fixes canonical names and ids.
//!
//! Merge rules:
//! - A knowledge-base entry wins: an article entity whose name or alias equals one of the
//!   entry's names (case-insensitive; same type when the entry gives one) becomes that entry.
//! - Persons merge on the same surname (last word of the name) and a compatible first name:
//!   the same first name, or an initial of it ("J. Brekel" ~ "Jens Brekel"). Two different first
//!   names never merge. A surname-only entity joins a full-name entity only when that surname
//!   has exactly one full-name entity in the corpus, or when they share a role word.
//! - Other types merge on the same name or alias (case-insensitive, without a leading article),
//!   or an acronym that equals the initials of the other's name.
//! - A one-word MISC entity in a genitive form ("Poetins" in "Poetins volgende stap", which the
//!   tagger often types as an adjective-like MISC) joins the person whose surname is its base,
//!   when exactly one person with a first name has that surname.

use super::super::{ArticleEntity, EntityType, NerError};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// The entities of one article, as the corpus resolver reads them.
#[derive(Clone, Copy, Debug)]
pub struct ArticleEntities<'a> {
    /// The article's id (only carried through; the resolver does not interpret it).
    pub article: &'a str,
    /// The article's date as ISO text ("2024-09-12", "2024-09", "2024"), if known: first and
    /// last seen are the smallest and largest of these.
    pub date: Option<&'a str>,
    /// The article's entities from [`super::resolve_article`], in their article order.
    pub entities: &'a [ArticleEntity],
}

/// One entry of a user knowledge base.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnowledgeBaseEntry {
    /// The user's id (a Wikidata QID, an internal code …), kept as the corpus entity's id.
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// The type, when given; entries without one match any type.
    #[serde(rename = "type", default)]
    pub kind: Option<EntityType>,
    /// Other names that refer to the entry.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A user knowledge base: entries that fix canonical names and ids.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KnowledgeBase {
    /// The entries in file order.
    pub entries: Vec<KnowledgeBaseEntry>,
}

impl KnowledgeBase {
    /// Reads a knowledge base file: `.csv` by its header (id,name,type,aliases; aliases separated
    /// by `|`), anything else as JSON lines (`{"id","name","type","aliases":[…]}`).
    pub fn read(path: &std::path::Path) -> Result<Self, NerError> {
        let text = std::fs::read_to_string(path).map_err(|source| NerError::Io { path: path.display().to_string(), source })?;
        let origin = path.display().to_string();
        if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
            Self::parse_csv(&text, &origin)
        } else {
            Self::parse_jsonl(&text, &origin)
        }
    }

    /// Parses JSON lines; blank lines are skipped. `origin` names the source in errors.
    pub fn parse_jsonl(text: &str, origin: &str) -> Result<Self, NerError> {
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let entry: KnowledgeBaseEntry = serde_json::from_str(line).map_err(|e| NerError::Format {
                origin: origin.to_string(),
                line: n + 1,
                message: format!("{e}; expected {{\"id\": …, \"name\": …, \"type\": \"PER|ORG|LOC|MISC\", \"aliases\": […]}}"),
            })?;
            entries.push(entry);
        }
        Ok(KnowledgeBase { entries })
    }

    /// Parses CSV with a header naming at least `id` and `name` (and optionally `type`,
    /// `aliases`, aliases separated by `|`). Fields may be quoted with `"`.
    pub fn parse_csv(text: &str, origin: &str) -> Result<Self, NerError> {
        let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
        let bad = |line: usize, message: String| NerError::Format { origin: origin.to_string(), line, message };
        let (_, header) = lines.next().ok_or_else(|| bad(1, "empty file; expected a header id,name,type,aliases".into()))?;
        let header: Vec<String> = split_csv_line(header).into_iter().map(|h| h.trim().to_lowercase()).collect();
        let column = |name: &str| header.iter().position(|h| h == name);
        let (id, name) = match (column("id"), column("name")) {
            (Some(i), Some(n)) => (i, n),
            _ => return Err(bad(1, format!("header {header:?} lacks an `id` or `name` column"))),
        };
        let (kind, aliases) = (column("type"), column("aliases"));
        let mut entries = Vec::new();
        for (n, line) in lines {
            let fields = split_csv_line(line);
            let field = |i: usize| fields.get(i).map(|f| f.trim().to_string()).unwrap_or_default();
            if field(id).is_empty() || field(name).is_empty() {
                return Err(bad(n + 1, "a row needs both an id and a name".into()));
            }
            let kind = match kind.map(field).filter(|k| !k.is_empty()) {
                Some(k) => Some(EntityType::parse(&k).ok_or_else(|| bad(n + 1, format!("type {k:?} is not PER, ORG, LOC or MISC")))?),
                None => None,
            };
            let aliases = aliases.map(field).unwrap_or_default().split('|').map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect();
            entries.push(KnowledgeBaseEntry { id: field(id), name: field(name), kind, aliases });
        }
        Ok(KnowledgeBase { entries })
    }
}

fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("one field").push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

/// One entity of the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorpusEntity {
    /// Stable id: the knowledge base's id, or the type and a slug of the name
    /// ("PER:jens-stoltenberg"; "-2", "-3" … when two referents share a name).
    pub id: String,
    /// Whether the id and name come from the knowledge base.
    pub from_knowledge_base: bool,
    /// Canonical name: the knowledge base's, or the fullest form seen.
    pub name: String,
    /// The type.
    pub kind: EntityType,
    /// Every other form seen (and the knowledge base's aliases).
    pub aliases: Vec<String>,
    /// Roles and titles seen with it, in first-seen order.
    pub roles: Vec<String>,
    /// Mentions over all articles.
    pub mentions: usize,
    /// Articles that mention it.
    pub articles: usize,
    /// Smallest article date seen (ISO text), if any article had a date.
    pub first_seen: Option<String>,
    /// Largest article date seen.
    pub last_seen: Option<String>,
}

/// The result of [`resolve_corpus`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpusResolution {
    /// The corpus entities. Knowledge-base entries come first (in file order) and stay even
    /// when no article mentions them (then with 0 mentions).
    pub entities: Vec<CorpusEntity>,
    /// `links[a][e]`: the corpus entity of article `a`'s entity `e` (same order as the input).
    pub links: Vec<Vec<usize>>,
}

impl CorpusResolution {
    /// The corpus entity of an article's local entity.
    pub fn entity_of(&self, article: usize, local: usize) -> Option<&CorpusEntity> {
        self.links.get(article)?.get(local).map(|&i| &self.entities[i])
    }
}

/// Lowercase words without a leading article.
fn key_of(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    if words.len() > 1 && matches!(words[0].as_str(), "de" | "het" | "the") {
        words.remove(0);
    }
    words
}

/// (first name, surname) of a person's name: first word and last word; `None` as first name
/// when the name has one word or starts with a particle.
fn person_parts(name: &str) -> (Option<String>, String) {
    let words = key_of(name);
    let surname = words.last().cloned().unwrap_or_default();
    let first = (words.len() > 1 && !matches!(words[0].as_str(), "van" | "de" | "den" | "der" | "ter" | "ten" | "le" | "la"))
        .then(|| words[0].trim_end_matches('.').to_string());
    (first, surname)
}

/// Whether two first names may be the same person's: equal, or one is an initial of the other.
fn first_names_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let initial = |x: &str| x.chars().count() == 1;
    (initial(a) && b.starts_with(a)) || (initial(b) && a.starts_with(b))
}

/// Content words of roles, for "shares a role" ("premier", "secretaris-generaal").
fn role_words(roles: &[String]) -> BTreeSet<String> {
    roles
        .iter()
        .flat_map(|r| r.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>())
        .filter(|w| super::is_role_word(w))
        .collect()
}

struct Building {
    entity: CorpusEntity,
    keys: BTreeSet<Vec<String>>,
    first_name: Option<String>,
    surname: String,
    role_words: BTreeSet<String>,
    last_article: Option<usize>,
}

impl Building {
    /// A corpus entity under construction, with no mentions yet.
    fn new(id: String, from_knowledge_base: bool, name: &str, kind: EntityType, aliases: Vec<String>) -> Self {
        let (first_name, surname) = person_parts(name);
        Building {
            entity: CorpusEntity {
                id,
                from_knowledge_base,
                name: name.to_string(),
                kind,
                aliases,
                roles: Vec::new(),
                mentions: 0,
                articles: 0,
                first_seen: None,
                last_seen: None,
            },
            keys: BTreeSet::new(),
            first_name,
            surname,
            role_words: BTreeSet::new(),
            last_article: None,
        }
    }
}

/// Resolves article entities into corpus entities.
///
/// `articles` is the corpus in any order (dates decide first/last seen); `knowledge_base`, when
/// given, fixes canonical names and ids. Returns the corpus entities and, for every article
/// entity, the corpus entity it belongs to. Pure and deterministic: the same input gives the same
/// output, so the store can rebuild it at any time (for example after `ingest --kb`).
///
/// ```
/// use kroniek_nlp::entities::resolve::{resolve_corpus, ArticleEntities, KnowledgeBase};
/// use kroniek_nlp::{ArticleEntity, EntityType};
///
/// let person = |name: &str| ArticleEntity { name: name.into(), kind: EntityType::PER, aliases: vec![], roles: vec![], mentions: 1 };
/// let first = vec![person("Anna Brekel")];
/// let second = vec![person("Brekel"), person("Joost Brekel")];
/// let kb = KnowledgeBase::parse_jsonl(r#"{"id":"Q7","name":"Anna Brekel","type":"PER"}"#, "kb.jsonl").unwrap();
/// let corpus = resolve_corpus(
///     &[
///         ArticleEntities { article: "a1", date: Some("2024-05-01"), entities: &first },
///         ArticleEntities { article: "a2", date: Some("2024-05-03"), entities: &second },
///     ],
///     Some(&kb),
/// );
/// let anna = corpus.entity_of(0, 0).unwrap();
/// assert_eq!((anna.id.as_str(), anna.mentions), ("Q7", 1));
/// // "Brekel" alone is ambiguous between Anna and Joost, so it stays its own entity.
/// assert_ne!(corpus.links[1][0], corpus.links[0][0]);
/// assert_ne!(corpus.links[1][1], corpus.links[0][0]);
/// ```
pub fn resolve_corpus(articles: &[ArticleEntities], knowledge_base: Option<&KnowledgeBase>) -> CorpusResolution {
    let mut built: Vec<Building> = Vec::new();
    let mut by_key: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
    for entry in knowledge_base.map_or(&[][..], |kb| &kb.entries) {
        let kind = entry.kind.unwrap_or(EntityType::MISC);
        let mut b = Building::new(entry.id.clone(), true, &entry.name, kind, entry.aliases.clone());
        for name in std::iter::once(&entry.name).chain(&entry.aliases) {
            b.keys.insert(key_of(name));
            by_key.entry(key_of(name)).or_default().push(built.len());
        }
        built.push(b);
    }
    let kb_count = built.len();
    let mut links: Vec<Vec<usize>> = articles.iter().map(|a| vec![usize::MAX; a.entities.len()]).collect();
    // Full names first, so that surname-only entities find them wherever they appear.
    let mut order: Vec<(usize, usize)> = Vec::new();
    for pass in 0..2 {
        for (a, article) in articles.iter().enumerate() {
            for (e, entity) in article.entities.iter().enumerate() {
                let surname_only = entity.kind == EntityType::PER && person_parts(&entity.name).0.is_none();
                if (surname_only || genitive_of_a_name(entity).is_some()) == (pass == 1) {
                    order.push((a, e));
                }
            }
        }
    }
    for (a, e) in order {
        let article = &articles[a];
        let entity = &article.entities[e];
        let target = match find_corpus_entity(&built, &by_key, kb_count, entity) {
            Some(t) => t,
            None => {
                built.push(Building::new(String::new(), false, &entity.name, entity.kind, Vec::new()));
                built.len() - 1
            }
        };
        absorb(&mut built[target], entity, a, article.date);
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            let list = by_key.entry(key_of(name)).or_default();
            if !list.contains(&target) {
                list.push(target);
            }
        }
        links[a][e] = target;
    }
    let mut used_ids: HashMap<String, usize> = built.iter().filter(|b| b.entity.from_knowledge_base).map(|b| (b.entity.id.clone(), 1)).collect();
    let entities = built
        .into_iter()
        .map(|mut b| {
            if !b.entity.from_knowledge_base {
                let base = format!("{}:{}", b.entity.kind.as_str(), slug(&b.entity.name));
                let n = used_ids.entry(base.clone()).or_insert(0);
                *n += 1;
                b.entity.id = if *n == 1 { base } else { format!("{base}-{n}") };
            }
            b.entity
        })
        .collect();
    CorpusResolution { entities, links }
}

/// Adds an article entity's forms, roles, counts and date to a corpus entity.
fn absorb(b: &mut Building, entity: &ArticleEntity, article: usize, date: Option<&str>) {
    let c = &mut b.entity;
    if !c.from_knowledge_base && key_of(&entity.name).len() > key_of(&c.name).len() {
        let old = std::mem::replace(&mut c.name, entity.name.clone());
        c.aliases.push(old);
        let (first, surname) = person_parts(&c.name);
        b.first_name = b.first_name.take().or(first);
        b.surname = surname;
    }
    for form in std::iter::once(&entity.name).chain(&entity.aliases) {
        if *form != c.name && !c.aliases.contains(form) {
            c.aliases.push(form.clone());
        }
        b.keys.insert(key_of(form));
    }
    for role in &entity.roles {
        if !c.roles.contains(role) {
            c.roles.push(role.clone());
        }
    }
    b.role_words.extend(role_words(&entity.roles));
    c.mentions += entity.mentions;
    if b.last_article != Some(article) {
        c.articles += 1;
        b.last_article = Some(article);
    }
    if let Some(date) = date {
        if c.first_seen.as_deref().is_none_or(|f| date < f) {
            c.first_seen = Some(date.to_string());
        }
        if c.last_seen.as_deref().is_none_or(|l| date > l) {
            c.last_seen = Some(date.to_string());
        }
    }
}

/// The corpus entity an article entity belongs to, if any.
fn find_corpus_entity(built: &[Building], by_key: &HashMap<Vec<String>, Vec<usize>>, kb_count: usize, entity: &ArticleEntity) -> Option<usize> {
    let type_fits = |b: &Building| b.entity.kind == entity.kind || (b.entity.from_knowledge_base && b.entity.kind == EntityType::MISC);
    let names: Vec<Vec<String>> = std::iter::once(&entity.name).chain(&entity.aliases).map(|n| key_of(n)).collect();
    // 1. The knowledge base, by any name.
    for key in &names {
        if let Some(&k) = by_key.get(key).and_then(|l| l.iter().find(|&&k| k < kb_count && type_fits(&built[k]))) {
            return Some(k);
        }
    }
    if entity.kind != EntityType::PER {
        for key in &names {
            if let Some(&k) = by_key.get(key).and_then(|l| l.iter().find(|&&k| type_fits(&built[k]))) {
                return Some(k);
            }
        }
        let own = key_of(&entity.name);
        if own.len() == 1 {
            let acronym = built.iter().position(|b| type_fits(b) && b.keys.iter().any(|k| super::is_acronym_of(&own[0], k)));
            if acronym.is_some() {
                return acronym;
            }
        }
        return genitive_of_a_name(entity).and_then(|base| the_one_person_with_surname(built, &base));
    }
    let (first, surname) = person_parts(&entity.name);
    let same_surname: Vec<usize> = (0..built.len()).filter(|&k| type_fits(&built[k]) && built[k].surname == surname).collect();
    match first {
        Some(first) => same_surname.into_iter().find(|&k| built[k].first_name.as_deref().is_some_and(|f| first_names_compatible(f, &first))),
        None => {
            let full: Vec<usize> = same_surname.iter().copied().filter(|&k| built[k].first_name.is_some()).collect();
            let roles = role_words(&entity.roles);
            let sharing_role: Vec<usize> = full.iter().copied().filter(|&k| !roles.is_disjoint(&built[k].role_words)).collect();
            if sharing_role.len() == 1 {
                Some(sharing_role[0])
            } else if full.len() == 1 {
                Some(full[0])
            } else if full.is_empty() {
                same_surname.first().copied()
            } else {
                None
            }
        }
    }
}

/// The lowercase base of a one-word MISC entity written as a genitive ("Poetins" → "poetin"):
/// the only kind of entity that may join a person under another type.
fn genitive_of_a_name(entity: &ArticleEntity) -> Option<String> {
    let is_one_capitalised_word = !entity.name.contains(char::is_whitespace) && entity.name.chars().next().is_some_and(char::is_uppercase);
    if entity.kind != EntityType::MISC || !is_one_capitalised_word {
        return None;
    }
    super::genitive_base(&entity.name)
}

/// The corpus person with a first name whose surname is `surname`, when there is exactly one.
fn the_one_person_with_surname(built: &[Building], surname: &str) -> Option<usize> {
    let mut people = (0..built.len()).filter(|&k| built[k].entity.kind == EntityType::PER && built[k].first_name.is_some() && built[k].surname == surname);
    let first = people.next()?;
    people.next().is_none().then_some(first)
}

/// Lowercase ASCII-ish slug of a name ("Jens Stoltenberg" → "jens-stoltenberg").
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(name: &str, kind: EntityType, aliases: &[&str], roles: &[&str], mentions: usize) -> ArticleEntity {
        ArticleEntity {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            roles: roles.iter().map(|s| s.to_string()).collect(),
            mentions,
        }
    }

    #[test]
    fn merges_same_person_and_keeps_different_first_names_apart() {
        let a1 = vec![entity("Anna Brekel", EntityType::PER, &["Brekel"], &["de Zweedse premier"], 3)];
        let a2 = vec![entity("Joost Brekel", EntityType::PER, &[], &[], 1), entity("A. Brekel", EntityType::PER, &[], &[], 1)];
        let a3 = vec![entity("Anna Brekel", EntityType::PER, &[], &[], 2)];
        let articles = [
            ArticleEntities { article: "a1", date: Some("2024-03-02"), entities: &a1 },
            ArticleEntities { article: "a2", date: Some("2024-01-15"), entities: &a2 },
            ArticleEntities { article: "a3", date: None, entities: &a3 },
        ];
        let r = resolve_corpus(&articles, None);
        assert_eq!(r.links[0][0], r.links[2][0]);
        assert_eq!(r.links[1][1], r.links[0][0], "initial A. fits Anna");
        assert_ne!(r.links[1][0], r.links[0][0], "Joost is not Anna");
        let anna = r.entity_of(0, 0).unwrap();
        assert_eq!(anna.mentions, 6);
        assert_eq!(anna.articles, 3);
        assert_eq!(anna.first_seen.as_deref(), Some("2024-01-15"));
        assert_eq!(anna.last_seen.as_deref(), Some("2024-03-02"));
        assert_eq!(anna.id, "PER:anna-brekel");
        assert_eq!(anna.roles, vec!["de Zweedse premier".to_string()]);
    }

    #[test]
    fn surname_only_joins_only_an_unambiguous_or_role_sharing_person() {
        let a1 = vec![entity("Anna Brekel", EntityType::PER, &[], &["premier"], 1), entity("Joost Brekel", EntityType::PER, &[], &["woordvoerder"], 1)];
        let a2 = vec![entity("Brekel", EntityType::PER, &[], &["de premier"], 1)];
        let a3 = vec![entity("Brekel", EntityType::PER, &[], &[], 1), entity("Tandberg", EntityType::PER, &[], &[], 1)];
        let a4 = vec![entity("Olof Tandberg", EntityType::PER, &[], &[], 1)];
        let articles = [
            ArticleEntities { article: "1", date: None, entities: &a1 },
            ArticleEntities { article: "2", date: None, entities: &a2 },
            ArticleEntities { article: "3", date: None, entities: &a3 },
            ArticleEntities { article: "4", date: None, entities: &a4 },
        ];
        let r = resolve_corpus(&articles, None);
        assert_eq!(r.links[1][0], r.links[0][0], "shares the role premier with Anna");
        assert!(r.links[2][0] != r.links[0][0] && r.links[2][0] != r.links[0][1], "ambiguous surname stays apart");
        assert_eq!(r.links[2][1], r.links[3][0], "the only Tandberg with a first name, even when seen later");
    }

    #[test]
    fn a_genitive_typed_misc_joins_the_one_person_with_that_surname() {
        let first = vec![entity("Hedda Lindqvist", EntityType::PER, &["Lindqvist"], &[], 3)];
        let second = vec![entity("Lindqvists", EntityType::MISC, &[], &[], 1), entity("Brekels", EntityType::MISC, &[], &[], 1)];
        let third = vec![entity("Anna Brekel", EntityType::PER, &[], &[], 1), entity("Joost Brekel", EntityType::PER, &[], &[], 1)];
        let corpus = resolve_corpus(
            &[
                ArticleEntities { article: "a2", date: None, entities: &second },
                ArticleEntities { article: "a1", date: None, entities: &first },
                ArticleEntities { article: "a3", date: None, entities: &third },
            ],
            None,
        );
        let hedda = corpus.entity_of(1, 0).unwrap();
        assert_eq!(corpus.links[0][0], corpus.links[1][0], "Lindqvists joins Hedda Lindqvist, even from an earlier article");
        assert!(hedda.aliases.contains(&"Lindqvists".to_string()));
        assert_eq!((hedda.kind, hedda.mentions), (EntityType::PER, 4));
        assert!(!corpus.links[2].contains(&corpus.links[0][1]), "Brekels is ambiguous between Anna and Joost");
        assert_eq!(corpus.entities[corpus.links[0][1]].kind, EntityType::MISC);
    }

    #[test]
    fn knowledge_base_fixes_names_and_ids() {
        let kb = KnowledgeBase::parse_csv("id,name,type,aliases\nQ1,Noord-Atlantische Verdragsorganisatie,ORG,NAVO|Navo\n", "kb.csv").unwrap();
        let a1 = vec![entity("NAVO", EntityType::ORG, &[], &[], 4)];
        let a2 = vec![entity("de Navo", EntityType::ORG, &[], &[], 1), entity("Brakko", EntityType::ORG, &[], &[], 1)];
        let articles = [
            ArticleEntities { article: "1", date: Some("2024"), entities: &a1 },
            ArticleEntities { article: "2", date: None, entities: &a2 },
        ];
        let r = resolve_corpus(&articles, Some(&kb));
        assert_eq!(r.entity_of(0, 0).unwrap().id, "Q1");
        assert_eq!(r.entity_of(1, 0).unwrap().id, "Q1");
        assert_eq!(r.entity_of(1, 0).unwrap().name, "Noord-Atlantische Verdragsorganisatie");
        assert_eq!(r.entity_of(1, 0).unwrap().mentions, 5);
        assert_eq!(r.entity_of(1, 1).unwrap().id, "ORG:brakko");
    }

    #[test]
    fn knowledge_base_formats_and_errors() {
        let kb = KnowledgeBase::parse_jsonl("{\"id\":\"x1\",\"name\":\"Anna Brekel\",\"type\":\"PER\",\"aliases\":[\"A. Brekel\"]}\n\n", "kb.jsonl").unwrap();
        assert_eq!(kb.entries[0].kind, Some(EntityType::PER));
        let err = KnowledgeBase::parse_jsonl("{\"name\":\"zonder id\"}", "kb.jsonl").unwrap_err().to_string();
        assert!(err.contains("kb.jsonl, line 1"), "{err}");
        let csv = KnowledgeBase::parse_csv("name,id\n\"Brekel, Anna\",q9\n", "kb.csv").unwrap();
        assert_eq!(csv.entries[0].name, "Brekel, Anna");
        assert!(KnowledgeBase::parse_csv("id,name,type\nq1,X,PERSON\n", "kb.csv").unwrap_err().to_string().contains("line 2"));
    }
}
