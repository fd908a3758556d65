//! Speakers: the noun phrase around a cue (a name, a pronoun, a role, a group) taken from the
//! text itself, then linked to an article entity where one matches, so a better entity layer
//! improves attribution without changes here.
//!
//! - a name phrase is a run of capitalised words, maybe with particles (van, de, der), maybe
//!   after a role ("de Russische president Vladimir Poetin");
//! - a pronoun (hij, zij) is the most recent person mentioned outside quotes;
//! - a role ("de Navo-baas", "de Russische leider") is the entity seen with a matching role;
//! - a group ("Westerse functionarissen", "het Nederlandse kabinet") is kept as written.

use super::view::{UnitKind, View};
use super::vocab;
use crate::entities::{ArticleEntity, EntityType, Mention};
use crate::statements::Speaker;
use kroniek_text::Span;
use std::collections::HashMap;

/// What heads a speaker phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// hij, zij, ze, hem, haar ...
    Pronoun,
    /// die, wie: the phrase before the comma.
    Relative,
    /// A capitalised name (maybe after a role).
    Name,
    /// A role noun without a name ("de secretaris-generaal").
    Role,
    /// A plural noun of people ("Westerse functionarissen").
    Group,
    /// A collective noun ("het kabinet").
    Collective,
}

/// A speaker phrase: units `[start, end)` of the view.
#[derive(Clone, Copy, Debug)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
    pub head: Head,
    /// The name run inside the phrase, if any.
    pub name: Option<(usize, usize)>,
    /// The role or group head noun unit, if any.
    pub noun: Option<usize>,
}

fn is_adjective_like(w: &str) -> bool {
    (w.len() > 3 && (w.ends_with('e') || w.ends_with("ige") || w.ends_with("se")))
        || matches!(w, "voormalig" | "oud" | "nieuw" | "huidig" | "vorig" | "toenmalig" | "demissionair" | "waarnemend")
}

/// Whether a lowercase noun names a person by what they do ("netbeheerder", "analist").
fn is_agentive_noun(w: &str) -> bool {
    w.len() > 5 && ["er", "aar", "eur", "ist", "ent", "ant", "ier", "or", "ster", "es", "man", "vrouw"].iter().any(|s| w.ends_with(s))
}

/// Whether the word after unit `j` (past determiners) is capitalised: "in Brussel", "bij de NOS".
fn capital_follows(view: &View, j: usize, limit: usize) -> bool {
    let mut k = j + 1;
    while k < limit && view.is_word(k) && vocab::is_determiner(view.lower(k)) && !view.units[k].capital {
        k += 1;
    }
    k < limit && view.is_word(k) && view.units[k].capital
}

/// Parses a speaker phrase that starts at unit `i` and does not pass `limit`: an optional
/// article, modifiers, a role or group noun, a name run (with particles), and a following
/// "van …" / "in Brussel" phrase.
pub fn parse_phrase(view: &View, i: usize, limit: usize) -> Option<Phrase> {
    let limit = limit.min(view.units.len());
    if i >= limit || !view.is_word(i) {
        return None;
    }
    let first = view.lower(i);
    // "haar collega", "hun leider": a possessive, not the pronoun.
    let possessive = matches!(first, "haar" | "hun")
        && i + 1 < limit
        && view.is_word(i + 1)
        && !is_verb_like(view, i + 1)
        && !vocab::is_common_verb(view.lower(i + 1))
        && !vocab::is_adverbial(view.lower(i + 1));
    if vocab::is_person_pronoun(first) && !possessive {
        return Some(Phrase { start: i, end: i + 1, head: Head::Pronoun, name: None, noun: None });
    }
    if vocab::is_relative_pronoun(first) && (i == 0 || view.is_punct(i - 1, ",")) {
        return Some(Phrase { start: i, end: i + 1, head: Head::Relative, name: None, noun: None });
    }
    if vocab::is_local_pronoun(first) {
        return None;
    }
    let sentence_start = i == 0 || view.units[i - 1].sentence != view.units[i].sentence || !view.is_word(i - 1);
    let mut j = i;
    let mut has_det = false;
    if possessive || matches!(first, "de" | "het" | "een" | "deze" | "zijn" | "diens" | "enkele" | "verschillende" | "sommige" | "andere" | "meerdere" | "twee" | "drie" | "vier" | "veel" | "alle" | "beide") {
        j += 1;
        has_det = true;
    }
    let mut name: Option<(usize, usize)> = None;
    let mut noun: Option<usize> = None;
    let mut head: Option<Head> = None;
    let mut modifiers = 0;
    let mut in_pp = false;
    let mut pp_det = false;
    let mut pp_run: Option<(usize, usize)> = None;
    let mut pp_noun = false;
    // Inside a quote only when the phrase starts there (a quote within a quote).
    let context = view.units[i].quote;
    while j < limit && view.is_word(j) && view.units[j].quote == context {
        let w = view.lower(j);
        // Words inside one entity mention stay together ("Partij voor Stad en Land").
        if let Some((s, _)) = name.filter(|&(_, e)| e == j && !in_pp) {
            if view.mention_at(j).is_some() && view.mention_at(j) == view.mention_at(j - 1) {
                name = Some((s, j + 1));
                j += 1;
                continue;
            }
        }
        let capital = view.units[j].capital;
        let next_lower = (j + 1 < limit && view.is_word(j + 1)).then(|| view.lower(j + 1));
        let next_capital = next_lower.is_some() && view.units[j + 1].capital;
        let next_is_noun = next_lower.is_some_and(|n| {
            !view.units[j + 1].capital
                && (vocab::is_role_noun(n) || vocab::is_people_plural(n) || vocab::is_collective_noun(n) || (is_agentive_noun(n) && !is_verb_like(view, j + 1)))
        });
        let function_word = vocab::is_adverbial(w) || vocab::is_coordinator(w) || vocab::is_subordinator(w) || vocab::is_determiner(w);
        let unknown_initial = j == i && sentence_start && !next_capital && view.has_mentions() && !view.is_known_name_word(w) && view.mention_at(j).is_none();
        if capital && !(j == i && sentence_start && (function_word || (unknown_initial && !vocab::is_role_noun(w) && !vocab::is_people_plural(w) && !next_is_noun))) {
            if in_pp {
                // "minister van Buitenlandse Zaken Wopke Hoekstra": the latest capital run of
                // the phrase may hold the person's name; checked after the loop.
                if name.is_none() && !pp_det {
                    pp_run = Some(extend_run(pp_run, j));
                }
            } else if vocab::is_people_plural(w) && name.is_none() && !next_is_noun {
                head.get_or_insert(Head::Group);
                noun = Some(j);
            } else if next_is_noun {
                modifiers += 1;
                if vocab::is_role_noun(w) {
                    noun = Some(j);
                    head = Some(Head::Role);
                }
            } else if vocab::is_role_noun(w) && name.is_none() {
                noun = Some(j);
                head = Some(Head::Role);
            } else {
                name = Some(extend_run(name, j));
            }
            j += 1;
            continue;
        }
        if capital {
            break;
        }
        let run_ends_here = name.is_some_and(|(_, e)| e == j);
        if run_ends_here && !in_pp && vocab::is_name_particle(w) && surname_particle(view, name.unwrap(), j, limit) {
            // "Joris van Maanen", "Van der Plas": the particle belongs to the name.
            name = name.map(|(s, _)| (s, j + 1));
            j += 1;
            continue;
        }
        if (name.is_some() || noun.is_some()) && next_lower.is_some() {
            let opens_pp = w == "van" && !in_pp
                || matches!(w, "in" | "uit" | "bij" | "binnen" | "namens") && !in_pp && capital_follows(view, j, limit)
                || in_pp && matches!(w, "voor" | "van" | "en" | "der") && capital_follows(view, j, limit);
            if opens_pp {
                in_pp = true;
                pp_det = false;
                pp_noun = false;
                j += 1;
                continue;
            }
        }
        if in_pp && vocab::is_determiner(w) {
            pp_det = true;
            j += 1;
            continue;
        }
        let after_capital = j > 0 && view.is_word(j - 1) && view.units[j - 1].capital && !is_adjective_like(view.lower(j - 1));
        if in_pp && !pp_noun && !after_capital && !vocab::is_adverbial(w) && !vocab::is_common_verb(w) && !is_verb_like(view, j) && j < i + 10 {
            // One noun (with its adjectives) per van-phrase: "van het Korvatische ministerie".
            if noun.is_none() && vocab::is_collective_noun(w) {
                noun = Some(j);
            }
            pp_noun = !is_adjective_like(w);
            j += 1;
            continue;
        }
        if name.is_none() && !in_pp && noun.is_none() {
            if vocab::is_role_noun(w) {
                noun = Some(j);
                head = Some(Head::Role);
                j += 1;
                continue;
            }
            if vocab::is_people_plural(w) {
                noun = Some(j);
                head = Some(Head::Group);
                j += 1;
                continue;
            }
            if vocab::is_collective_noun(w) {
                noun = Some(j);
                head = Some(Head::Collective);
                j += 1;
                continue;
            }
            if (has_det || modifiers > 0) && is_agentive_noun(w) && !is_verb_like(view, j) {
                noun = Some(j);
                head = Some(Head::Role);
                j += 1;
                continue;
            }
            if next_is_noun && !function_word && !vocab::is_common_verb(w) {
                modifiers += 1;
                j += 1;
                continue;
            }
            if next_capital && !function_word && !is_verb_like(view, j) && !vocab::is_common_verb(w) {
                // A title before a name: "schipper Gert Valkema", "hoogleraar Lin".
                modifiers += 1;
                j += 1;
                continue;
            }
            if is_adjective_like(w) && !is_verb_like(view, j) {
                modifiers += 1;
                j += 1;
                continue;
            }
        }
        if name.is_none() && !in_pp && noun.is_some() && next_capital && !function_word && !is_verb_like(view, j) && !vocab::is_common_verb(w) {
            // A field after a role, before the name: "hoogleraar waterbouw Anna de Wit".
            j += 1;
            continue;
        }
        if w == "en" && (name.is_some() || noun.is_some()) && next_capital {
            j += 1;
            continue;
        }
        break;
    }
    if name.is_none() {
        if let Some((s, e)) = pp_run {
            let person = if view.has_mentions() { (s..e).any(|u| view.is_person_unit(u)) } else { e - s >= 3 };
            if person {
                name = Some((s, e));
            }
        }
    }
    let head = if name.is_some() { Head::Name } else { head? };
    // Trim a trailing preposition, determiner or conjunction that found nothing after it.
    let mut end = j;
    while end > i + 1 && view.is_word(end - 1) && (vocab::is_determiner(view.lower(end - 1)) || matches!(view.lower(end - 1), "van" | "en" | "in" | "uit" | "bij" | "voor")) && !view.units[end - 1].capital {
        end -= 1;
    }
    Some(Phrase { start: i, end, head, name, noun })
}

/// Extends a name run to unit `j` when contiguous, else starts a new run at `j`.
fn extend_run(name: Option<(usize, usize)>, j: usize) -> (usize, usize) {
    match name {
        Some((s, e)) if e == j => (s, j + 1),
        _ => (j, j + 1),
    }
}

/// Whether the particle at `j` continues the name run `run` ("Joris van Maanen") rather
/// than opening a "van Buitenlandse Zaken" phrase: an entity mention spans both, or, without
/// mentions, the run so far is one word.
fn surname_particle(view: &View, run: (usize, usize), j: usize, limit: usize) -> bool {
    let mut k = j;
    while k < limit && view.is_word(k) && vocab::is_name_particle(view.lower(k)) && !view.units[k].capital {
        k += 1;
    }
    if k >= limit || !view.is_word(k) || !view.units[k].capital {
        return false;
    }
    match (view.mention_at(run.1 - 1), view.mention_at(k)) {
        (Some(a), Some(b)) => a == b,
        (Some(_), None) | (None, Some(_)) => false,
        (None, None) => run.1 - run.0 == 1,
    }
}

/// A cheap guess that a lowercase word is a verb form: a participle (ge…d/t/en) or a known
/// cue verb.
fn is_verb_like(view: &View, j: usize) -> bool {
    let w = view.lower(j);
    (w.starts_with("ge") && (w.ends_with('d') || w.ends_with('t')) && w.len() > 5)
        || !super::cues::CueLexicon::embedded().lookup(w).is_empty()
}

/// Parses a phrase that must fill `[start, end)` exactly, after leading conjunctions and
/// adverbs ("Ook het kabinet", "omdat hij").
pub fn parse_phrase_before(view: &View, start: usize, end: usize) -> Option<Phrase> {
    let mut s = start;
    while s < end && view.is_word(s) {
        let w = view.lower(s);
        let strip = vocab::is_coordinator(w) || vocab::is_subordinator(w) || (vocab::is_adverbial(w) && !vocab::is_determiner(w));
        if !strip || s + 1 >= end {
            break;
        }
        s += 1;
    }
    // Trailing adverbs after the subject: "De werkgevers zelf spreken", "Jansen ook zei".
    let mut e = end;
    while e > s + 1 && view.is_word(e - 1) && matches!(view.lower(e - 1), "zelf" | "ook" | "echter" | "nu" | "allemaal" | "daarentegen" | "eveneens" | "intussen" | "evenwel" | "zelfs") {
        e -= 1;
    }
    let phrase = parse_phrase(view, s, e)?;
    (phrase.end == e).then_some(phrase)
}

/// Role entries at or above this index point into `names_seen` rather than the entities.
const NAME_SEEN_BASE: usize = usize::MAX / 2;

/// Who was named where: mentions linked to their best entity, speakers resolved so far,
/// and roles seen with each entity.
pub struct Resolver<'a> {
    entities: &'a [ArticleEntity],
    /// (unit index, entity, person-likeness 0..=2) of mentions outside quotes and residue.
    persons: Vec<(usize, usize, u8)>,
    /// (unit index, mention) for every mention.
    mention_units: Vec<(usize, usize)>,
    mentions: &'a [Mention],
    /// lowercase last name word → best entity.
    by_last_word: HashMap<String, usize>,
    /// (unit index, entity, role words) for roles written next to a mention.
    roles: Vec<(usize, usize, Vec<String>)>,
    /// Speakers resolved so far: (unit index, speaker).
    memory: Vec<(usize, Speaker)>,
    /// Without entity mentions: full names seen in the text (capitalised runs of two or
    /// more words outside quotes, not at a sentence start), as (unit index, name).
    names_seen: Vec<(usize, String)>,
}

fn last_word(name: &str) -> String {
    name.split_whitespace().last().unwrap_or("").to_lowercase()
}

fn unit_at(view: &View, byte: usize) -> usize {
    view.units.partition_point(|u| u.span.end <= byte)
}

impl<'a> Resolver<'a> {
    /// Indexes the mentions and entities of one article.
    pub fn new(view: &View, mentions: &'a [Mention], entities: &'a [ArticleEntity]) -> Self {
        let mut by_last_word: HashMap<String, usize> = HashMap::new();
        for (k, e) in entities.iter().enumerate() {
            let key = last_word(&e.name);
            let better = |old: usize| {
                let o = &entities[old];
                (e.name.split_whitespace().count(), e.mentions) > (o.name.split_whitespace().count(), o.mentions)
            };
            match by_last_word.get(&key) {
                Some(&old) if !better(old) => {}
                _ => {
                    by_last_word.insert(key, k);
                }
            }
        }
        let mut resolver = Resolver { entities, persons: Vec::new(), mention_units: Vec::new(), mentions, by_last_word, roles: Vec::new(), memory: Vec::new(), names_seen: Vec::new() };
        if mentions.is_empty() {
            resolver.names_seen = capitalised_runs(view);
            for (n, (u, name)) in resolver.names_seen.iter().enumerate() {
                let last = (*u + name.split_whitespace().count()).saturating_sub(1).min(view.units.len() - 1);
                for role_words in [role_words_before(view, *u), apposition_before(view, *u), apposition_after(view, last)] {
                    if !role_words.is_empty() {
                        resolver.roles.push((*u, NAME_SEEN_BASE + n, role_words));
                    }
                }
            }
        }
        for (m, mention) in mentions.iter().enumerate() {
            let u = unit_at(view, mention.span.start);
            if u >= view.units.len() {
                continue;
            }
            resolver.mention_units.push((u, m));
            let entity = resolver.upgrade(mention.entity);
            let last = unit_at(view, mention.span.end.saturating_sub(1)).min(view.units.len() - 1);
            for role_words in [role_words_before(view, u), apposition_before(view, u), apposition_after(view, last)] {
                if !role_words.is_empty() {
                    resolver.roles.push((u, entity, role_words));
                }
            }
            if let Some(role) = &mention.role {
                resolver.roles.push((u, entity, role.to_lowercase().split_whitespace().map(str::to_string).collect()));
            }
        }
        for (k, e) in entities.iter().enumerate() {
            for role in &e.roles {
                resolver.roles.push((usize::MAX, resolver.upgrade(k), role.to_lowercase().split_whitespace().map(str::to_string).collect()));
            }
        }
        for &(u, m) in &resolver.mention_units {
            let unit = view.units[u];
            if unit.quote.is_some() || unit.skip {
                continue;
            }
            let entity = resolver.upgrade(mentions[m].entity);
            let score = resolver.person_score(entity);
            if score > 0 {
                resolver.persons.push((u, entity, score));
            }
        }
        resolver
    }

    /// The fullest entity with the same last name word ("Stoltenberg" → "Jens Stoltenberg").
    fn upgrade(&self, entity: usize) -> usize {
        let Some(e) = self.entities.get(entity) else { return entity };
        match self.by_last_word.get(&last_word(&e.name)) {
            Some(&best) if self.entities[best].name.split_whitespace().count() > e.name.split_whitespace().count() => best,
            _ => entity,
        }
    }

    /// How surely a remembered speaker is a person: its entity's score, or for a name as
    /// written (no entity found) 2 for a full name and 1 for one word; groups 0.
    fn speaker_person_score(&self, s: &Speaker) -> u8 {
        match s.entity {
            Some(k) => self.person_score(k),
            None if s.name.starts_with(char::is_uppercase) => {
                if s.name.split_whitespace().count() >= 2 { 2 } else { 1 }
            }
            None => 0,
        }
    }

    /// 2: surely a person (PER with a full name or a role); 1: typed PER only; 0: not a person.
    fn person_score(&self, entity: usize) -> u8 {
        let e = &self.entities[entity];
        if e.kind != EntityType::PER {
            return 0;
        }
        let has_role = !e.roles.is_empty() || self.roles.iter().any(|r| r.1 == entity);
        if e.name.split_whitespace().count() >= 2 || has_role {
            2
        } else {
            1
        }
    }

    fn speaker_of_entity(&self, entity: usize, span: Option<Span>) -> Speaker {
        Speaker { name: self.entities[entity].name.clone(), entity: Some(entity), span }
    }

    /// Remembers a resolved speaker for later pronouns and continuations.
    pub fn remember(&mut self, unit: usize, speaker: &Speaker) {
        self.memory.push((unit, speaker.clone()));
    }

    /// The speaker of the most recent statement before unit `before`, with its unit.
    pub fn last_speaker(&self, before: usize) -> Option<&(usize, Speaker)> {
        self.memory.iter().filter(|(u, _)| *u < before).max_by_key(|(u, _)| *u)
    }

    /// The subject of the latest sentence in `[from, at)` (not before paragraph
    /// `lowest_paragraph`) that names a person: its first person mention outside quotes.
    pub fn introduced_person(&self, view: &View, from: usize, at: usize, lowest_paragraph: u32) -> Option<Speaker> {
        let inside = |u: usize| u >= from && u < at && view.units[u].paragraph >= lowest_paragraph;
        if self.mentions.is_empty() {
            let latest = self.names_seen.iter().filter(|(u, _)| inside(*u)).max_by_key(|(u, _)| *u)?;
            let sentence = view.units[latest.0].sentence;
            let first = self.names_seen.iter().filter(|(u, _)| inside(*u) && view.units[*u].sentence == sentence).min_by_key(|(u, _)| *u)?;
            return Some(Speaker { name: first.1.clone(), entity: None, span: None });
        }
        let latest = self.persons.iter().filter(|p| inside(p.0) && p.2 >= 2).max_by_key(|p| p.0)?;
        let sentence = view.units[latest.0].sentence;
        let first = self.persons.iter().filter(|p| inside(p.0) && p.2 >= 2 && view.units[p.0].sentence == sentence).min_by_key(|p| p.0)?;
        Some(self.speaker_of_entity(first.1, None))
    }

    /// Resolves a phrase to a speaker; `at` is the unit of the cue (for "most recent").
    pub fn resolve(&self, view: &View, phrase: &Phrase, at: usize) -> Option<Speaker> {
        let span = Some(Span::new(view.units[phrase.start].span.start, view.units[phrase.end - 1].span.end));
        match phrase.head {
            Head::Pronoun => self.resolve_pronoun(view, view.lower(phrase.start), phrase.start).map(|mut s| {
                s.span = span;
                s
            }),
            Head::Relative => self.most_recent_any(phrase.start).map(|mut s| {
                s.span = span;
                s
            }),
            Head::Name => {
                let (s, e) = phrase.name?;
                Some(self.resolve_name(view, s, e, span))
            }
            Head::Role => Some(self.resolve_role(view, phrase, at).unwrap_or_else(|| as_written(view, phrase, span))),
            Head::Collective => Some(self.resolve_collective(view, phrase, at).unwrap_or_else(|| as_written(view, phrase, span))),
            Head::Group => Some(as_written(view, phrase, span)),
        }
    }

    /// "het bedrijf", "de partij" alone: the organisation mentioned most recently (within
    /// the last paragraphs), when the entity layer typed one.
    fn resolve_collective(&self, view: &View, phrase: &Phrase, at: usize) -> Option<Speaker> {
        let bare = phrase.end - phrase.start == 2 && matches!(view.lower(phrase.start), "het" | "de" | "dat" | "die" | "deze");
        let noun = view.lower(phrase.noun?);
        let organisation_noun = matches!(noun, "bedrijf" | "partij" | "organisatie" | "bond" | "vakbond" | "club" | "omroep" | "concern" | "fabrikant" | "bank" | "verzekeraar" | "netbeheerder" | "producent" | "leverancier" | "alliantie" | "unie" | "krant");
        if !bare || !organisation_noun {
            return None;
        }
        let window = view.units[at].paragraph.saturating_sub(3);
        let recent = |kind: EntityType| {
            self.mention_units
                .iter()
                .filter(|&&(u, m)| {
                    let mention = &self.mentions[m];
                    // A MISC "Korvatische" is an adjective, not a company.
                    let adjective = is_adjective_like(&mention.span.text(view.text).to_lowercase());
                    u < at && view.units[u].paragraph >= window && mention.kind == kind && !adjective && view.units[u].quote.is_none()
                })
                .max_by_key(|&&(u, _)| u)
                .copied()
        };
        let (_, m) = recent(EntityType::ORG).or_else(|| recent(EntityType::MISC))?;
        let span = Some(Span::new(view.units[phrase.start].span.start, view.units[phrase.end - 1].span.end));
        Some(self.speaker_of_entity(self.upgrade(self.mentions[m].entity), span))
    }

    /// Links the name run `[s, e)` to an entity (or keeps it as written).
    pub fn resolve_name(&self, view: &View, s: usize, e: usize, span: Option<Span>) -> Speaker {
        let run = Span::new(view.units[s].span.start, view.units[e - 1].span.end);
        let inside: Vec<&Mention> = self
            .mention_units
            .iter()
            .map(|&(_, m)| &self.mentions[m])
            .filter(|m| m.span.start < run.end && run.start < m.span.end)
            .collect();
        // A person named after a portfolio ("minister van Buitenlandse Zaken Wopke Hoekstra"):
        // the last person mention wins; otherwise the widest mention.
        let overlapping = inside
            .iter()
            .copied()
            .filter(|m| m.kind == EntityType::PER)
            .max_by_key(|m| m.span.start)
            .or_else(|| inside.iter().copied().max_by_key(|m| m.span.end.min(run.end) - m.span.start.max(run.start)));
        if let Some(m) = overlapping {
            return self.speaker_of_entity(self.upgrade(m.entity), span);
        }
        let text = run.text(view.text);
        let text = text.strip_suffix("’s").or_else(|| text.strip_suffix("'s")).unwrap_or(text);
        let last = last_word(text);
        if let Some(&k) = self.by_last_word.get(&last) {
            return self.speaker_of_entity(k, span);
        }
        // Without entities: the fullest name seen with the same last word.
        let fuller = self.names_seen.iter().map(|(_, n)| n).filter(|n| last_word(n) == last).max_by_key(|n| n.split_whitespace().count());
        match fuller {
            Some(n) if n.split_whitespace().count() > text.split_whitespace().count() => Speaker { name: n.clone(), entity: None, span },
            _ => Speaker { name: text.to_string(), entity: None, span },
        }
    }

    fn resolve_pronoun(&self, view: &View, pronoun: &str, at: usize) -> Option<Speaker> {
        let plural_verb = |u: Option<usize>| {
            u.filter(|&u| u < view.units.len() && view.is_word(u)).is_some_and(|u| {
                let w = view.lower(u);
                w.ends_with("en") && (vocab::is_auxiliary(w) || !super::cues::CueLexicon::embedded().lookup(w).is_empty())
            })
        };
        let plural = matches!(pronoun, "hen" | "hun") || plural_verb(Some(at + 1)) || plural_verb(at.checked_sub(1));
        if vocab::is_plural_pronoun(pronoun) && plural {
            let speaker = self.last_speaker(at).filter(|(u, s)| view.units[at].paragraph <= view.units[*u].paragraph + 1 && s.entity.is_none());
            let group = latest_group_subject(view, at);
            match (speaker, group) {
                (Some((u, s)), Some((g, _))) if *u >= g => return Some(s.clone()),
                (_, Some((_, g))) => return Some(g),
                (Some((_, s)), None) => return Some(s.clone()),
                (None, None) => {}
            }
        }
        let window = view.units[at].paragraph.saturating_sub(4);
        let recent = |min_score: u8| {
            let mention = self
                .persons
                .iter()
                .filter(|p| p.0 < at && p.2 >= min_score && view.units[p.0].paragraph >= window)
                .max_by_key(|p| p.0)
                .map(|p| (p.0, self.speaker_of_entity(p.1, None)));
            let remembered = self
                .memory
                .iter()
                .filter(|(u, s)| *u < at && view.units[*u].paragraph >= window && self.speaker_person_score(s) >= min_score)
                .max_by_key(|(u, _)| *u)
                .map(|(u, s)| (*u, s.clone()));
            let seen = self
                .names_seen
                .iter()
                .filter(|(u, _)| *u < at && view.units[*u].paragraph >= window)
                .max_by_key(|(u, _)| *u)
                .map(|(u, name)| (*u, Speaker { name: name.clone(), entity: None, span: None }));
            [mention, remembered, seen].into_iter().flatten().max_by_key(|x| x.0).map(|x| x.1)
        };
        recent(2).or_else(|| recent(1))
    }

    fn most_recent_any(&self, at: usize) -> Option<Speaker> {
        let mention = self.mention_units.iter().filter(|&&(u, _)| u < at).max_by_key(|&&(u, _)| u);
        let remembered = self.memory.iter().filter(|(u, _)| *u < at).max_by_key(|(u, _)| *u);
        match (mention, remembered) {
            (Some(&(mu, m)), Some((ru, s))) => Some(if mu >= *ru { self.speaker_of_entity(self.upgrade(self.mentions[m].entity), None) } else { s.clone() }),
            (Some(&(_, m)), None) => Some(self.speaker_of_entity(self.upgrade(self.mentions[m].entity), None)),
            (None, Some((_, s))) => Some(s.clone()),
            (None, None) => None,
        }
    }

    fn resolve_role(&self, view: &View, phrase: &Phrase, at: usize) -> Option<Speaker> {
        let noun = phrase.noun?;
        let query_head = vocab::role_head(view.lower(noun)).to_string();
        let mut modifiers: Vec<String> = Vec::new();
        for u in phrase.start..phrase.end {
            let w = view.lower(u);
            if vocab::is_determiner(w) || w == "van" {
                continue;
            }
            for part in w.split('-') {
                if part != query_head && !query_head.contains(part) {
                    modifiers.push(part.to_string());
                }
            }
        }
        let mut best: Option<(u32, usize, usize)> = None;
        for (pos, entity, words) in &self.roles {
            let heads: Vec<&str> = words.iter().filter(|w| vocab::is_role_noun(w)).map(|w| vocab::role_head(w)).collect();
            let same_head = |h: &&str| *h == query_head || (h.len() >= 5 && query_head.len() >= 5 && (h.ends_with(query_head.as_str()) || query_head.ends_with(*h)));
            let head_score = if heads.iter().any(same_head) {
                3
            } else if vocab::is_leader_role(&query_head) && heads.iter().any(|h| vocab::is_leader_role(h)) {
                2
            } else {
                continue;
            };
            let parts: Vec<&str> = words.iter().flat_map(|w| w.split('-')).collect();
            let shared = modifiers.iter().filter(|m| parts.contains(&m.as_str())).count() as u32;
            let recency = if *pos < at { *pos } else { 0 };
            let key = (head_score + shared, recency, *entity);
            if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                best = Some(key);
            }
        }
        let span = Some(Span::new(view.units[phrase.start].span.start, view.units[phrase.end - 1].span.end));
        best.map(|(_, _, entity)| match entity.checked_sub(NAME_SEEN_BASE) {
            Some(n) => Speaker { name: self.names_seen[n].1.clone(), entity: None, span },
            None => self.speaker_of_entity(entity, span),
        })
    }
}

/// Full names written in the text when no entity layer ran: runs of two or more
/// capitalised words (with name particles) outside quotes, not opening a sentence.
fn capitalised_runs(view: &View) -> Vec<(usize, String)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < view.units.len() {
        let unit = view.units[i];
        let opens_sentence = i == 0 || view.units[i - 1].sentence != unit.sentence || !view.is_word(i - 1);
        if unit.kind != UnitKind::Word || !unit.capital || unit.quote.is_some() || unit.skip || opens_sentence || vocab::is_role_noun(view.lower(i)) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut words = 1;
        while j < view.units.len() && view.is_word(j) && view.units[j].quote.is_none() {
            if view.units[j].capital {
                words += 1;
            } else if !(vocab::is_name_particle(view.lower(j)) && j + 1 < view.units.len() && view.units[j + 1].capital) {
                break;
            }
            j += 1;
        }
        let text = &view.text[view.units[i].span.start..view.units[j - 1].span.end];
        // "NAVO-leden", "Oost-Europese": compounds with a lowercase part are not names.
        let name_like = text.split([' ', '-']).all(|p| p.starts_with(char::is_uppercase) || vocab::is_name_particle(p));
        if words >= 2 && name_like {
            runs.push((i, text.to_string()));
        }
        i = j;
    }
    runs
}

/// The latest group named at the start of a sentence before unit `at`, in its paragraph or
/// the one before ("Westerse diplomaten zien dat anders. Zij wijzen erop …").
fn latest_group_subject(view: &View, at: usize) -> Option<(usize, Speaker)> {
    let lowest = view.units[at].paragraph.saturating_sub(1);
    let mut i = at;
    while i > 0 && view.units[i - 1].paragraph >= lowest {
        i -= 1;
        let opens = i == 0 || view.units[i - 1].sentence != view.units[i].sentence;
        if !opens || view.units[i].quote.is_some() || view.units[i].skip {
            continue;
        }
        if let Some(phrase) = parse_phrase(view, i, view.units.len()).filter(|p| p.head == Head::Group) {
            let span = Some(Span::new(view.units[phrase.start].span.start, view.units[phrase.end - 1].span.end));
            return Some((i, as_written(view, &phrase, span)));
        }
    }
    None
}

/// A group or unresolved role as written, without its leading article.
fn as_written(view: &View, phrase: &Phrase, span: Option<Span>) -> Speaker {
    let mut s = phrase.start;
    if s + 1 < phrase.end && matches!(view.lower(s), "de" | "het" | "een") {
        s += 1;
    }
    let text = &view.text[view.units[s].span.start..view.units[phrase.end - 1].span.end];
    Speaker { name: text.to_string(), entity: None, span }
}

/// Role words of an apposition before a mention: "de secretaris-generaal van X, Margit Solheim".
fn apposition_before(view: &View, mention_unit: usize) -> Vec<String> {
    if mention_unit < 2 || !view.is_punct(mention_unit - 1, ",") {
        return Vec::new();
    }
    let end = mention_unit - 1;
    let mut start = end;
    while start > 0 && view.is_word(start - 1) && end - start < 8 {
        start -= 1;
    }
    role_words_in(view, start, end)
}

/// Role words of an apposition after a mention: "Margit Solheim, de secretaris-generaal, …".
fn apposition_after(view: &View, last_unit: usize) -> Vec<String> {
    let comma = last_unit + 1;
    if comma >= view.units.len() || !view.is_punct(comma, ",") {
        return Vec::new();
    }
    let start = comma + 1;
    let mut end = start;
    while end < view.units.len() && view.is_word(end) && end - start < 8 {
        end += 1;
    }
    role_words_in(view, start, end)
}

/// The lowercase words of `[start, end)` when they hold a role noun before any "van".
fn role_words_in(view: &View, start: usize, end: usize) -> Vec<String> {
    let mut words = Vec::new();
    let mut has_role = false;
    for u in start..end {
        let w = view.lower(u);
        if w == "van" && !has_role {
            break;
        }
        has_role |= vocab::is_role_noun(w);
        words.push(w.to_string());
    }
    if has_role { words } else { Vec::new() }
}

/// The role words written just before a mention ("de Russische president" before "Vladimir
/// Poetin", "NAVO-secretaris-generaal" before "Jens Stoltenberg").
fn role_words_before(view: &View, mention_unit: usize) -> Vec<String> {
    let mut words = Vec::new();
    let mut has_role = false;
    let mut u = mention_unit;
    while u > 0 && words.len() < 5 {
        u -= 1;
        if view.units[u].kind != UnitKind::Word {
            break;
        }
        let w = view.lower(u);
        if vocab::is_role_noun(w) {
            has_role = true;
        } else if !(is_adjective_like(w) || view.units[u].capital || w == "van") || vocab::is_determiner(w) {
            break;
        }
        words.push(w.to_string());
    }
    if has_role {
        words.reverse();
        words
    } else {
        Vec::new()
    }
}
