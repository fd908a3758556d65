//! Statements: direct quotes, partial quotes and reported speech, each with its speaker.
//!
//! The flow for one article, in text order, sentence by sentence:
//! 1. [`quotes`] pairs quote marks on the raw text (every Dutch newspaper style, apostrophes
//!    told apart, quotes over several paragraphs);
//! 2. [`view`] turns the tokens into words with paragraph, sentence and quote membership, and
//!    marks page residue so pull quotes and captions are skipped;
//! 3. each quote is a title or scare quote (dropped), a direct quote (a sentence or more of
//!    its own) or a partial quote (a fragment inside a reporting sentence);
//! 4. a direct quote takes the attribution after it (`…”, zei X`, `aldus X`, `gaat hij
//!    verder`), before it (`X zei: …`, `X: "…"`), in the next sentence (`Dat zei X`), or else
//!    continues the speaker of the previous statement;
//! 5. [`reported`] finds reported speech (`X zei dat …`, `volgens X …`, `…, zei X`);
//! 6. [`attribution`] parses the speaker phrase from the text around the cue and links it to
//!    an article entity (names by last word, pronouns to the most recent person, roles to the
//!    entity seen with that role), or keeps a group as written.
//!
//! The speech-verb lexicon is [`cues`]; the scorer for gold files is [`scoring`].

mod attribution;
mod clause;
pub mod cues;
pub mod quotes;
mod reported;
pub mod scoring;
mod view;
mod vocab;

use crate::entities::{ArticleEntity, Mention};
use attribution::{parse_phrase, Head, Resolver};
use clause::{cue_at, is_coordinated, subject_phrase, CueHit};
use kroniek_text::{Span, TextLayers};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use view::{UnitKind, View};

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

    /// Parses direct / partial / indirect.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "direct" => Some(StatementKind::Direct),
            "partial" => Some(StatementKind::Partial),
            "indirect" => Some(StatementKind::Indirect),
            _ => None,
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

/// Finds the statements of one article, in text order.
pub fn extract_statements(
    text: &str,
    layers: &TextLayers,
    mentions: &[Mention],
    entities: &[ArticleEntity],
) -> Vec<Statement> {
    let pieces = quotes::find_quotes(text);
    let mut view = View::build(text, layers, pieces);
    view.set_mentions(mentions);
    if view.units.is_empty() {
        return Vec::new();
    }
    let resolver = Resolver::new(&view, mentions, entities);
    let mut finder = Finder { view: &view, resolver, found: Vec::new(), used_cues: HashSet::new(), group_speakers: HashMap::new() };
    for (start, end) in sentence_ranges(&view) {
        if view.units[start..end].iter().all(|u| u.skip) {
            continue;
        }
        finder.sentence(start, end);
    }
    let mut found = finder.found;
    found.sort_by_key(|f| f.0);
    dedupe(text, found.into_iter().map(|f| f.1).collect())
}

/// Drops a quote without attribution of its own whose words repeat another statement (a pull
/// quote printed twice); headline and body quotes with their own attribution both stay.
fn dedupe(text: &str, statements: Vec<Statement>) -> Vec<Statement> {
    let key = |s: &Statement| {
        s.content.text(text).chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>()
    };
    let attributed: HashSet<String> = statements.iter().filter(|s| s.cue.is_some()).map(key).collect();
    let mut seen: HashSet<String> = HashSet::new();
    statements
        .into_iter()
        .filter(|s| {
            let k = key(s);
            let repeat = s.cue.is_none() && (attributed.contains(&k) || seen.contains(&k));
            seen.insert(k);
            !repeat
        })
        .collect()
}

fn sentence_ranges(view: &View) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for i in 1..=view.units.len() {
        if i == view.units.len() || view.units[i].sentence != view.units[start].sentence {
            ranges.push((start, i));
            start = i;
        }
    }
    ranges
}

/// The state of one article's pass: statements found so far and cues already used.
struct Finder<'v, 'a> {
    view: &'v View<'a>,
    resolver: Resolver<'a>,
    /// (first unit, statement).
    found: Vec<(usize, Statement)>,
    used_cues: HashSet<usize>,
    /// Quote groups over several paragraphs → their speaker and cue.
    group_speakers: HashMap<usize, (Speaker, Option<String>, Option<Span>)>,
}

/// An attribution found for a quote or clause.
struct Attribution {
    speaker: Speaker,
    cue: Option<String>,
    cue_span: Option<Span>,
}

impl<'v, 'a> Finder<'v, 'a> {
    /// Marks a cue (with its particle and companion) as used by a statement.
    fn use_cue(&mut self, hit: &CueHit) {
        for unit in [Some(hit.unit), hit.particle, hit.companion].into_iter().flatten() {
            self.used_cues.insert(unit);
        }
    }

    fn span_of(&self, start: usize, end: usize) -> Span {
        Span::new(self.view.units[start].span.start, self.view.units[end - 1].span.end)
    }

    fn emit(&mut self, first_unit: usize, kind: StatementKind, content: Span, attribution: Attribution) {
        self.resolver.remember(first_unit, &attribution.speaker);
        let statement = Statement { speaker: attribution.speaker, cue: attribution.cue, cue_span: attribution.cue_span, kind, content };
        self.found.push((first_unit, statement));
    }

    fn sentence(&mut self, start: usize, end: usize) {
        let view = self.view;
        if view.units[start].heading {
            self.headline(start, end);
            return;
        }
        let mut partial_cues: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in start..end {
            let UnitKind::Open(k) = view.units[i].kind else { continue };
            if view.pieces[k].depth != 0 || view.units[i].skip || view.units[i].quote.is_some() {
                continue;
            }
            self.quote(k, i, start, end, &mut partial_cues);
        }
        self.reported(start, end, &partial_cues);
        self.dat_zei_x(start, end);
    }

    /// A headline holds a statement only as `Name: ‘…’` (cue ":").
    fn headline(&mut self, start: usize, end: usize) {
        let view = self.view;
        for open in start..end {
            let UnitKind::Open(k) = view.units[open].kind else { continue };
            if view.pieces[k].depth != 0 || open < start + 2 || !view.is_punct(open - 1, ":") {
                continue;
            }
            let Some(phrase) = attribution::parse_phrase_before(view, start, open - 1) else { continue };
            if !matches!(phrase.head, Head::Name | Head::Role | Head::Group | Head::Collective) {
                continue;
            }
            let Some(speaker) = self.resolver.resolve(view, &phrase, open - 1) else { continue };
            let content = view.pieces[k].content;
            if content.start < content.end {
                let attribution = Attribution { speaker, cue: Some(":".into()), cue_span: Some(view.units[open - 1].span) };
                self.emit(open, StatementKind::Direct, content, attribution);
            }
        }
    }

    /// The unit of the closing mark of piece `k`, if any.
    fn close_unit(&self, k: usize, from: usize) -> Option<usize> {
        (from..self.view.units.len()).find(|&j| self.view.units[j].kind == UnitKind::Close(k))
    }

    fn quote(&mut self, k: usize, open: usize, start: usize, end: usize, partial_cues: &mut HashMap<usize, Vec<usize>>) {
        let view = self.view;
        let piece = view.pieces[k].clone();
        let content_units: Vec<usize> = (open + 1..view.units.len()).take_while(|&j| view.units[j].quote == Some(k)).collect();
        let words = content_units.iter().filter(|&&j| view.is_word(j)).count();
        if words == 0 || piece.content.start >= piece.content.end {
            return;
        }
        if self.is_title(k, open, &content_units) {
            return;
        }
        let close = self.close_unit(k, open);
        let words_before = (start..open).filter(|&j| view.is_word(j) && view.units[j].quote.is_none()).count();
        let after_colon = open > start && view.is_punct(open - 1, ":");
        let after_cue_comma = open > start + 1 && view.is_punct(open - 1, ",") && (start..open - 1).any(|j| cue_at(view, j).is_some_and(|h| h.verb.is_some() || view.lower(j) == "aldus"));
        let continuation = self.group_speakers.contains_key(&piece.group) || piece.continued;
        let direct = words_before == 0 || after_colon || after_cue_comma || continuation;
        if !direct {
            if let Some(attribution) = self.partial_attribution(open, close.unwrap_or(open), start, end, partial_cues) {
                self.emit(open, StatementKind::Partial, piece.content, attribution);
            }
            return;
        }
        if piece.close.is_none() && !piece.continued && words < 4 {
            return;
        }
        let attribution = self
            .group_speakers
            .get(&piece.group)
            .map(|(s, _, _)| Attribution { speaker: s.clone(), cue: None, cue_span: None })
            .or_else(|| close.and_then(|c| self.attribution_after(c)))
            .or_else(|| self.attribution_of_continued_group(k))
            .or_else(|| self.attribution_before(open, start))
            .or_else(|| self.attribution_next_sentence(end))
            .or_else(|| self.continuing_speaker(open));
        let Some(attribution) = attribution else { return };
        if piece.continued || self.group_speakers.contains_key(&piece.group) {
            self.group_speakers.entry(piece.group).or_insert((attribution.speaker.clone(), None, None));
        }
        let outer_speaker = attribution.speaker.clone();
        self.emit(open, StatementKind::Direct, piece.content, attribution);
        self.inner_quotes(k, &outer_speaker);
    }

    /// Quotes inside direct quote `outer` ("Hij zei tegen mij: ‘Ga door’"): each is a
    /// statement of the speaker named before it inside the outer quote ("ik" and "wij" are the
    /// outer speaker), direct after a colon, else partial.
    fn inner_quotes(&mut self, outer: usize, outer_speaker: &Speaker) {
        let view = self.view;
        let content = view.pieces[outer].content;
        for k in outer + 1..view.pieces.len() {
            let piece = &view.pieces[k];
            if piece.open.start >= content.end {
                break;
            }
            if piece.depth != 1 || piece.content.start >= piece.content.end {
                continue;
            }
            let Some(open) = view.units.iter().position(|u| u.kind == UnitKind::Open(k)) else { continue };
            let mut from = open;
            while from > 0 && view.units[from - 1].quote == Some(outer) && !view.is_terminal(from - 1) {
                from -= 1;
            }
            let Some(hit) = (from..open).rev().find_map(|j| cue_at(view, j).filter(|h| h.verb.is_some())) else { continue };
            let phrase = clause::subject_phrase(view, &hit);
            let speaker = match phrase {
                Some(p) if p.head == Head::Pronoun && matches!(view.lower(p.start), "ik" | "wij" | "we") => Some(outer_speaker.clone()),
                Some(p) if p.head == Head::Pronoun => {
                    // "hij" inside the quote: the last name the speaker mentioned before it.
                    let first = view.units.iter().position(|u| u.quote == Some(outer)).unwrap_or(hit.unit);
                    let last_name = (first..hit.unit).rev().find(|&u| view.units[u].capital && view.is_word(u) && u > first && !view.is_terminal(u - 1));
                    match last_name {
                        Some(u) => {
                            let mut s = u;
                            while s > first + 1 && view.units[s - 1].capital && view.is_word(s - 1) {
                                s -= 1;
                            }
                            Some(self.resolver.resolve_name(view, s, u + 1, None))
                        }
                        None => self.resolver.resolve(view, &p, hit.unit),
                    }
                }
                Some(p) => self.resolver.resolve(view, &p, hit.unit),
                None => {
                    let first_person = |u: usize| view.is_word(u) && matches!(view.lower(u), "ik" | "wij" | "we");
                    ((hit.unit > from && first_person(hit.unit - 1)) || first_person(hit.unit + 1)).then(|| outer_speaker.clone())
                }
            };
            let Some(speaker) = speaker else { continue };
            let kind = if open > 0 && view.is_punct(open - 1, ":") { StatementKind::Direct } else { StatementKind::Partial };
            let attribution = self.cue_attribution(&hit, Speaker { span: speaker.span, ..speaker });
            self.found.push((open, Statement { speaker: attribution.speaker, cue: attribution.cue, cue_span: attribution.cue_span, kind, content: piece.content }));
        }
    }

    /// A title or name in quote marks: a few capitalised words without final punctuation,
    /// or a quote after a naming noun ("de oefening ‘Steadfast Noon’").
    fn is_title(&self, k: usize, open: usize, content: &[usize]) -> bool {
        let view = self.view;
        let words: Vec<usize> = content.iter().copied().filter(|&j| view.is_word(j)).collect();
        let text = view.pieces[k].content.text(view.text);
        let capitalised = words.iter().filter(|&&j| view.units[j].capital).count();
        let function = words.iter().filter(|&&j| vocab::is_name_particle(view.lower(j)) || matches!(view.lower(j), "en" | "of" | "het" | "een" | "voor" | "met")).count();
        let title_case = words.len() <= 6 && capitalised + function == words.len() && capitalised >= 1 && !text.ends_with(['.', '!', '?', ',']);
        let naming = open > 0 && view.is_word(open - 1) && vocab::is_naming_noun(view.lower(open - 1));
        (title_case && (words.len() > 1 || open == 0 || !(open > 0 && view.is_punct(open - 1, ":")))) || naming
    }

    fn cue_attribution(&self, hit: &CueHit, speaker: Speaker) -> Attribution {
        let view = self.view;
        let cue_span = Some(Span::new(view.units[hit.unit].span.start, view.units[hit.last_unit()].span.end));
        Attribution { speaker, cue: Some(hit.text(view)), cue_span }
    }

    /// `…”, zei X` · `…”, aldus X` · `…”, gaat hij verder` · `…”, klonk het`.
    fn attribution_after(&mut self, close: usize) -> Option<Attribution> {
        let view = self.view;
        let mut j = close + 1;
        if j < view.units.len() && view.is_punct(j, ",") {
            j += 1;
        }
        if j < view.units.len() && view.is_word(j) && view.lower(j) == "zo" {
            j += 1;
        }
        if j >= view.units.len() || view.units[j].sentence != view.units[close].sentence && !view.is_punct(close + 1, ",") {
            return None;
        }
        let hit = cue_at(view, j)?;
        self.use_cue(&hit);
        let end = clause::clause_end(view, hit.unit);
        let speaker = match parse_phrase(view, j + 1, end.max(j + 2)) {
            Some(phrase) => self.resolver.resolve(view, &phrase, j),
            None => None,
        };
        let speaker = speaker.or_else(|| self.continuing_speaker(close).map(|a| a.speaker))?;
        Some(self.cue_attribution(&hit, speaker))
    }

    /// A quote over several paragraphs attributed at its end: look at the last piece.
    fn attribution_of_continued_group(&mut self, k: usize) -> Option<Attribution> {
        let view = self.view;
        let group = view.pieces[k].group;
        if !view.pieces[k].continued {
            return None;
        }
        let last = (k..view.pieces.len()).rfind(|&m| view.pieces[m].group == group && view.pieces[m].depth == 0)?;
        let open = view.units.iter().position(|u| u.kind == UnitKind::Open(last))?;
        let close = self.close_unit(last, open)?;
        self.attribution_after(close)
    }

    /// `X zei: ,,…”` · `X: "…"` · `zei hij, ,,…”` · a previous sentence ending in a colon.
    fn attribution_before(&mut self, open: usize, start: usize) -> Option<Attribution> {
        let view = self.view;
        let mut region_end = open;
        let mut region_start = start;
        if region_end == region_start {
            // The quote opens its sentence: a colon at the end of the sentence before?
            if start == 0 || !view.is_punct(start - 1, ":") {
                return None;
            }
            region_end = start - 1;
            region_start = (0..region_end).rev().take_while(|&j| view.units[j].sentence == view.units[region_end - 1].sentence).last()?;
        } else if view.is_punct(region_end - 1, ":") || view.is_punct(region_end - 1, ",") {
            region_end -= 1;
        } else {
            return None;
        }
        for j in (region_start..region_end).rev() {
            if view.units[j].quote.is_some() {
                continue;
            }
            let Some(hit) = cue_at(view, j) else { continue };
            if hit.verb.is_none() {
                continue;
            }
            let speaker = self.subject_speaker(&hit)?;
            self.use_cue(&hit);
            return Some(self.cue_attribution(&hit, speaker));
        }
        // "Jansen: ‘…’", "Marc Janssens (54): ‘…’"
        let mut name_end = region_end;
        if name_end > region_start && view.is_punct(name_end - 1, ")") {
            name_end = (region_start..name_end).rev().find(|&j| view.is_punct(j, "("))?;
        }
        let phrase = attribution::parse_phrase_before(view, region_start, name_end)?;
        if view.is_punct(region_end, ":") && matches!(phrase.head, Head::Name | Head::Role | Head::Group | Head::Collective) {
            let speaker = self.resolver.resolve(view, &phrase, region_end)?;
            let colon = view.units[region_end].span;
            return Some(Attribution { speaker, cue: Some(":".into()), cue_span: Some(colon) });
        }
        None
    }

    /// `,,…” Dat zei X gisteren.`
    fn attribution_next_sentence(&mut self, end: usize) -> Option<Attribution> {
        let view = self.view;
        if end + 2 >= view.units.len() || !view.is_word(end) || view.units[end].paragraph != view.units[end - 1].paragraph {
            return None;
        }
        if !matches!(view.lower(end), "dat" | "dit") {
            return None;
        }
        let hit = cue_at(view, end + 1)?;
        hit.verb?;
        let phrase = parse_phrase(view, end + 2, clause::clause_end(view, end + 1))?;
        let speaker = self.resolver.resolve(view, &phrase, end + 1)?;
        self.use_cue(&hit);
        Some(self.cue_attribution(&hit, speaker))
    }

    /// A quote without attribution of its own continues the previous statement's speaker
    /// (same paragraph or the ones just before).
    fn continuing_speaker(&self, at: usize) -> Option<Attribution> {
        let view = self.view;
        let last = self.resolver.last_speaker(at);
        // A person introduced after the last statement ("Minister X reageerde fel.") speaks.
        let lowest_paragraph = view.units[at].paragraph.saturating_sub(1);
        let after_last = last.map_or(0, |(u, _)| {
            let sentence = view.units[*u].sentence;
            (*u..at).find(|&j| view.units[j].sentence != sentence).unwrap_or(at)
        });
        if let Some(speaker) = self.introduced_in_sentence_before(at, after_last) {
            return Some(Attribution { speaker, cue: None, cue_span: None });
        }
        if let Some(speaker) = self.resolver.introduced_person(view, after_last, at, lowest_paragraph) {
            return Some(Attribution { speaker, cue: None, cue_span: None });
        }
        let (unit, speaker) = last?;
        let near = view.units[at].paragraph <= view.units[*unit].paragraph + 3;
        near.then(|| Attribution { speaker: Speaker { span: None, ..speaker.clone() }, cue: None, cue_span: None })
    }

    /// Skips a dateline ("HEERLO - ", "Rotterdam –") at `first`.
    fn after_dateline(&self, first: usize, end: usize) -> usize {
        let view = self.view;
        let dash = first + 1 < end && view.units[first + 1].kind == UnitKind::Punct && matches!(view.word(first + 1), "-" | "–" | "—");
        let place = view.is_word(first) && view.units[first].capital;
        let opens_paragraph = first == 0 || view.units[first - 1].paragraph != view.units[first].paragraph;
        if dash && place && opens_paragraph && first + 2 < end {
            first + 2
        } else {
            first
        }
    }

    /// The subject of the sentence just before a quote in its paragraph, when it names
    /// someone by role or name ("Een bewoonster van de Kanaalweg zag de vlammen. ,,…”").
    fn introduced_in_sentence_before(&self, at: usize, after_last: usize) -> Option<Speaker> {
        let view = self.view;
        if at == 0 || view.units[at - 1].paragraph != view.units[at].paragraph {
            return None;
        }
        let sentence = view.units[at - 1].sentence;
        let mut start = at - 1;
        while start > 0 && view.units[start - 1].sentence == sentence {
            start -= 1;
        }
        if start < after_last || view.units[start].quote.is_some() {
            return None;
        }
        let phrase = parse_phrase(view, start, at)?;
        if !matches!(phrase.head, Head::Role) {
            return None;
        }
        self.resolver.resolve(view, &phrase, start)
    }

    /// The speaker of a verb cue's clause: its subject, or for a coordinated clause the
    /// subject of the clause before, or the most recent speaker for "die".
    fn subject_speaker(&self, hit: &CueHit) -> Option<Speaker> {
        let view = self.view;
        if let Some(phrase) = subject_phrase(view, hit) {
            if let Some(s) = self.resolver.resolve(view, &phrase, hit.unit) {
                return Some(s);
            }
        }
        if is_coordinated(view, hit) {
            let sentence = view.units[hit.unit].sentence;
            let (unit, speaker) = self.resolver.last_speaker(hit.unit)?;
            if view.units[*unit].sentence == sentence || view.units[*unit].paragraph == view.units[hit.unit].paragraph {
                return Some(Speaker { span: None, ..speaker.clone() });
            }
            // The subject at the start of the sentence: "Jansen heeft …, maar benadrukt dat".
            let mut s = hit.unit;
            while s > 0 && view.units[s - 1].sentence == sentence {
                s -= 1;
            }
            let phrase = parse_phrase(view, s, hit.unit)?;
            return self.resolver.resolve(view, &phrase, hit.unit);
        }
        None
    }

    /// The speaker of a partial quote: the nearest cue in its sentence, before it or after.
    fn partial_attribution(&mut self, open: usize, close: usize, start: usize, end: usize, partial_cues: &mut HashMap<usize, Vec<usize>>) -> Option<Attribution> {
        let view = self.view;
        let outside = |j: usize| view.units[j].quote.is_none() && !matches!(view.units[j].kind, UnitKind::Open(_) | UnitKind::Close(_));
        let clause_initial = |j: usize| (start..j).all(|k| !view.is_word(k) || matches!(view.lower(k), "maar" | "en" | "ook" | "want")) || view.is_punct(j - 1, ",");
        let before = (start..open)
            .rev()
            .filter(|&j| outside(j))
            .find_map(|j| cue_at(view, j).filter(|h| h.verb.is_some() || view.lower(j) == "aldus" || clause_initial(j)));
        let after = (close + 1..end).filter(|&j| outside(j)).find_map(|j| cue_at(view, j));
        for hit in [before, after].into_iter().flatten() {
            let speaker = if hit.verb.is_none() {
                let phrase = parse_phrase(view, hit.unit + 1, end)?;
                self.resolver.resolve(view, &phrase, hit.unit)
            } else {
                self.subject_speaker(&hit)
            };
            if let Some(speaker) = speaker {
                partial_cues.entry(hit.unit).or_default().push(open);
                for unit in [hit.particle, hit.companion].into_iter().flatten() {
                    self.used_cues.insert(unit);
                }
                return Some(self.cue_attribution(&hit, speaker));
            }
        }
        None
    }

    /// Reported speech in the sentence `[start, end)`. A cue whose partial quote stands
    /// between it and its clause ("noemt het ‘onzin’ dat …") is told by that partial; parts of
    /// a clause that hold a quote are told by the quote.
    fn reported(&mut self, start: usize, end: usize, partial_cues: &HashMap<usize, Vec<usize>>) {
        let view = self.view;
        for i in start..end {
            let unit = view.units[i];
            if unit.quote.is_some() || unit.skip || !view.is_word(i) || self.used_cues.contains(&i) {
                continue;
            }
            let covered = |f: &(usize, Statement)| f.1.content.start <= unit.span.start && unit.span.end <= f.1.content.end;
            if self.found.iter().rev().take(8).any(covered) {
                // A cue inside reported words ("Volgens X hebben twee landen laten weten …").
                continue;
            }
            let Some(hit) = cue_at(view, i) else { continue };
            let Some((content, attribution)) = self.reported_at(&hit, start, end) else { continue };
            let partials = partial_cues.get(&i).map(Vec::as_slice).unwrap_or(&[]);
            if partials.iter().any(|&open| open < content.0) {
                continue;
            }
            let has_quote = |(a, b): (usize, usize)| (a..b).any(|j| matches!(view.units[j].kind, UnitKind::Open(_)));
            let parts = if has_quote(content) { reported::split_coordinated(view, content) } else { vec![content] };
            for part in parts {
                let quoted_inside = (part.0..part.1).any(|j| matches!(view.units[j].kind, UnitKind::Open(_)));
                if quoted_inside || !reported::has_words(view, part.0, part.1, 2) {
                    continue;
                }
                let span = self.span_of(part.0, part.1);
                self.use_cue(&hit);
                let attribution = Attribution { speaker: attribution.speaker.clone(), cue: attribution.cue.clone(), cue_span: attribution.cue_span };
                self.emit(part.0.min(hit.unit), StatementKind::Indirect, span, attribution);
            }
        }
    }

    /// "<sentence>. Dat zegt X …" / "Dat heeft X … gezegd" / "X schrijft dat in een brief":
    /// the sentence before is what X said (when it holds no quote and no statement yet).
    fn dat_zei_x(&mut self, start: usize, end: usize) {
        let view = self.view;
        if start == 0 || !view.is_word(start) || view.units[start].skip {
            return;
        }
        let fronted = matches!(view.lower(start), "dat" | "dit");
        let cue = |j: usize| cue_at(view, j).filter(|h| h.verb.is_some());
        let hit = if fronted {
            (start + 1..end).find_map(cue)
        } else {
            // "X schrijft dat in een brief", "X zei dat gisteren": the demonstrative object.
            (start + 1..end.saturating_sub(1))
                .filter(|&j| view.is_word(j + 1) && matches!(view.lower(j + 1), "dat" | "dit") && view.units[j].quote.is_none())
                .find_map(cue)
        };
        let Some(hit) = hit else { return };
        if self.used_cues.contains(&hit.unit) || reported::verb_complement(view, &hit).is_some() {
            return;
        }
        let previous = view.units[start - 1].sentence;
        let mut p = start - 1;
        while p > 0 && view.units[p - 1].sentence == previous {
            p -= 1;
        }
        let prev_units = p..start;
        if prev_units.clone().any(|j| view.units[j].skip || !matches!(view.units[j].kind, UnitKind::Word | UnitKind::Punct)) {
            return;
        }
        if self.found.iter().any(|(u, _)| prev_units.contains(u)) {
            return;
        }
        let Some(first) = prev_units.clone().find(|&j| view.is_word(j)) else { return };
        let first = self.after_dateline(first, start);
        let Some(last) = prev_units.clone().rev().find(|&j| view.is_word(j)) else { return };
        if !reported::has_words(view, first, last + 1, 4) {
            return;
        }
        let Some(speaker) = self.subject_speaker(&hit) else { return };
        self.use_cue(&hit);
        let attribution = self.cue_attribution(&hit, speaker);
        let span = self.span_of(first, last + 1);
        self.emit(first, StatementKind::Indirect, span, attribution);
    }

    /// The reported clause and attribution of one cue, if it has them.
    fn reported_at(&self, hit: &CueHit, start: usize, end: usize) -> Option<((usize, usize), Attribution)> {
        let view = self.view;
        let i = hit.unit;
        if hit.verb.is_none() {
            return self.marker_clause(hit, start, end);
        }
        if let Some(content) = reported::verb_complement(view, hit) {
            if !reported::has_words(view, content.0, content.1, 2) {
                return None;
            }
            let speaker = self.subject_speaker(hit)?;
            return Some((content, self.cue_attribution(hit, speaker)));
        }
        // "<clause>, zei X": the clause before the comma is what X said.
        let mut c = i;
        if c > start && view.is_word(c - 1) && view.lower(c - 1) == "zo" {
            c -= 1;
        }
        if c > start + 4 && view.is_punct(c - 1, ",") {
            let phrase = parse_phrase(view, i + 1, end)?;
            if phrase.head == Head::Relative {
                return None;
            }
            let content = (self.after_dateline(start, c - 1), c - 1);
            if !self.plain_clause(content) {
                return None;
            }
            let speaker = self.resolver.resolve(view, &phrase, i)?;
            return Some((content, self.cue_attribution(hit, speaker)));
        }
        None
    }

    /// Whether `[s, e)` is a plain main clause: words outside quotes, at least four, not
    /// opening with a subordinator.
    fn plain_clause(&self, (s, e): (usize, usize)) -> bool {
        let view = self.view;
        let first = (s..e).find(|&j| view.is_word(j));
        let Some(first) = first else { return false };
        let opens_subordinate = vocab::is_subordinator(view.lower(first));
        !opens_subordinate
            && reported::has_words(view, s, e, 4)
            && (s..e).all(|j| view.units[j].quote.is_none() && !matches!(view.units[j].kind, UnitKind::Open(_) | UnitKind::Close(_)))
    }

    /// "Volgens X …" at the start of a clause, "…, volgens X" / "…, aldus X" at the end.
    fn marker_clause(&self, hit: &CueHit, start: usize, end: usize) -> Option<((usize, usize), Attribution)> {
        let view = self.view;
        let i = hit.unit;
        let phrase = parse_phrase(view, i + 1, end)?;
        if matches!(phrase.head, Head::Relative) {
            return None;
        }
        let clause_initial = (start..i).all(|j| !view.is_word(j) || matches!(view.lower(j), "maar" | "en" | "ook" | "want")) || (i > start && view.is_punct(i - 1, ":"));
        let after_comma = i > start && view.is_punct(i - 1, ",");
        let content = if clause_initial && view.lower(i) == "volgens" {
            let mut from = phrase.end;
            if from < end && view.is_punct(from, ",") {
                from += 1;
            }
            (from, reported::content_end(view, from))
        } else if after_comma && (phrase.end >= end.saturating_sub(1) || clause::clause_end(view, phrase.end.saturating_sub(1)) >= end - 1) {
            (start, i - 1)
        } else if view.lower(i) == "volgens" && matches!(phrase.head, Head::Name | Head::Role | Head::Group | Head::Collective | Head::Pronoun) {
            // "Het kabinet moet volgens X snel ingrijpen": the whole sentence.
            let first = (start..end).find(|&j| view.is_word(j))?;
            let last = (start..end).rev().find(|&j| view.is_word(j))?;
            if (start..end).any(|j| matches!(view.units[j].kind, UnitKind::Open(_))) {
                return None;
            }
            let speaker = self.resolver.resolve(view, &phrase, i)?;
            return Some(((first, last + 1), self.cue_attribution(hit, speaker)));
        } else {
            return None;
        };
        if content.0 >= content.1 {
            return None;
        }
        if content.0 == start && !self.plain_clause(content) {
            return None;
        }
        if !reported::has_words(view, content.0, content.1, 3) {
            return None;
        }
        let speaker = self.resolver.resolve(view, &phrase, i)?;
        Some((content, self.cue_attribution(hit, speaker)))
    }
}

#[cfg(test)]
mod tests;
