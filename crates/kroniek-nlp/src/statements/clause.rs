//! Cues in running text and the clause around them: which unit is a speech verb (with its
//! particle or companion found), where its clause starts and ends, and which phrase is its
//! subject ("X zei", "zei X", "X heeft … gezegd", "…, maar benadrukt", "…, die erkende").

use super::attribution::{parse_phrase, parse_phrase_before, Head, Phrase};
use super::cues::{CueLexicon, FormKind};
use super::view::View;
use super::vocab;

/// A cue found at a unit.
#[derive(Clone, Copy, Debug)]
pub struct CueHit {
    /// The verb unit (or the marker "aldus" / "volgens").
    pub unit: usize,
    /// Index into the lexicon's verbs; `None` for the markers aldus and volgens.
    pub verb: Option<usize>,
    pub form: FormKind,
    /// The separable particle's unit when split off.
    pub particle: Option<usize>,
    /// The companion word's unit ("weten" of "liet weten").
    pub companion: Option<usize>,
}

impl CueHit {
    /// The cue as written: the verb, with a split particle or companion ("stelde vast").
    pub fn text(&self, view: &View) -> String {
        let mut parts = vec![(self.unit, view.word(self.unit))];
        for extra in [self.companion, self.particle].into_iter().flatten() {
            parts.push((extra, view.word(extra)));
        }
        parts.sort_by_key(|p| p.0);
        parts.iter().map(|p| p.1).collect::<Vec<_>>().join(" ")
    }

    /// The last unit belonging to the cue (the particle or companion if later).
    pub fn last_unit(&self) -> usize {
        [Some(self.unit), self.particle, self.companion].into_iter().flatten().max().unwrap_or(self.unit)
    }
}

/// The end (exclusive) of the clause that holds unit `i`: the next boundary in its sentence.
pub fn clause_end(view: &View, i: usize) -> usize {
    let sentence = view.units[i].sentence;
    let mut j = i + 1;
    while j < view.units.len() && view.units[j].sentence == sentence && !view.is_boundary(j) {
        j += 1;
    }
    j
}

/// The start of the clause that holds unit `i`: after the previous boundary in its sentence.
pub fn clause_start(view: &View, i: usize) -> usize {
    let sentence = view.units[i].sentence;
    let mut j = i;
    while j > 0 && view.units[j - 1].sentence == sentence && !view.is_boundary(j - 1) {
        j -= 1;
    }
    j
}

/// Finds a word `target` near unit `i` in the same sentence, outside quotes: `before` and
/// `after` units either side, not crossing a boundary after `i`.
fn find_near(view: &View, i: usize, target: &str, before: usize, after: usize) -> Option<usize> {
    let sentence = view.units[i].sentence;
    let same = |j: usize| view.units[j].sentence == sentence && view.units[j].quote == view.units[i].quote;
    let mut j = i + 1;
    let mut skipped = 0;
    while j < view.units.len() && j <= i + after + skipped && view.units[j].sentence == sentence {
        if !same(j) || matches!(view.units[j].kind, super::view::UnitKind::Open(_) | super::view::UnitKind::Close(_)) {
            skipped += 1;
            j += 1;
            continue;
        }
        if view.is_word(j) && view.lower(j) == target {
            return Some(j);
        }
        if view.is_terminal(j) || view.is_punct(j, ",") {
            break;
        }
        j += 1;
    }
    (i.saturating_sub(before)..i).rev().find(|&j| same(j) && view.is_word(j) && view.lower(j) == target)
}

/// The cue at unit `i`, if the word there is a speech verb here (its split particle or
/// companion present) or the marker aldus / volgens.
pub fn cue_at(view: &View, i: usize) -> Option<CueHit> {
    if !view.is_word(i) {
        return None;
    }
    let w = view.lower(i);
    if w == "aldus" || w == "volgens" {
        return Some(CueHit { unit: i, verb: None, form: FormKind::Finite, particle: None, companion: None });
    }
    let lexicon = CueLexicon::embedded();
    let forms = lexicon.lookup(w);
    if forms.is_empty() {
        return None;
    }
    let prev = (i > 0 && view.is_word(i - 1)).then(|| view.lower(i - 1));
    if prev.is_some_and(|p| p == "te" || matches!(p, "de" | "het" | "een")) {
        return None;
    }
    let mut best: Option<(u8, CueHit)> = None;
    for &(v, form) in forms {
        let verb = &lexicon.verbs[v];
        let mut hit = CueHit { unit: i, verb: Some(v), form, particle: None, companion: None };
        let mut specificity = 0;
        if let Some(companion) = &verb.companion {
            match find_near(view, i, companion, 3, 6) {
                Some(c) => hit.companion = Some(c),
                None => continue,
            }
            specificity += 1;
        }
        if form == FormKind::Split {
            let particle = verb.particle.as_deref().unwrap_or("");
            match find_near(view, i, particle, 0, 14) {
                Some(p) => hit.particle = Some(p),
                None => continue,
            }
            specificity += 2;
        }
        if best.as_ref().is_none_or(|b| specificity > b.0) {
            best = Some((specificity, hit));
        }
    }
    best.map(|b| b.1)
}

/// The unit of the finite verb of the cue's clause: the cue itself, or an auxiliary before a
/// participle or infinitive ("heeft … aangegeven", "wil … benadrukken").
pub fn finite_verb(view: &View, hit: &CueHit) -> usize {
    let start = clause_start(view, hit.unit);
    let w = view.lower(hit.unit);
    let participle_reading = CueLexicon::embedded().lookup(w).iter().any(|&(_, f)| f == FormKind::Participle);
    let maybe_nonfinite = hit.form == FormKind::Participle || participle_reading || w.ends_with("en") || hit.companion.is_some_and(|c| c < hit.unit);
    if maybe_nonfinite {
        if let Some(aux) = (start..hit.unit).find(|&j| view.is_word(j) && vocab::is_auxiliary(view.lower(j))) {
            return aux;
        }
    }
    hit.unit
}

/// The subject phrase of the cue's clause, if one is written there.
pub fn subject_phrase(view: &View, hit: &CueHit) -> Option<Phrase> {
    let f = finite_verb(view, hit);
    let start = clause_start(view, f);
    let end = clause_end(view, hit.unit);
    // "… en beschuldigde", "…, maar benadrukt": the subject is that of the clause before.
    let before_is_coordinator = f > 0 && view.is_word(f - 1) && matches!(view.lower(f - 1), "en" | "maar" | "doch");
    if before_is_coordinator {
        // Only a subject pronoun after the verb is its own subject ("en zei hij"); a name
        // there is mostly the object ("en beschuldigde de alliantie").
        return parse_phrase(view, f + 1, end.max(f + 2))
            .filter(|p| p.head == Head::Pronoun && matches!(view.lower(p.start), "hij" | "zij" | "ze"));
    }
    if f > start {
        if let Some(p) = parse_phrase_before(view, start, f) {
            return Some(p);
        }
        // Subordinate clauses: "waarbij hij … benadrukte", "omdat Jansen … had gezegd".
        if view.is_word(start) && vocab::is_subordinator(view.lower(start)) {
            for j in start + 1..f {
                if let Some(p) = parse_phrase(view, j, f) {
                    return Some(p);
                }
            }
        }
    }
    // Inverted order: "zei Jansen", "benadrukte hij", "heeft de minister gezegd".
    let after = f + 1;
    if let Some(p) = parse_phrase(view, after, end.max(after + 1)).filter(|p| p.head != Head::Relative) {
        return Some(p);
    }
    apposed_subject(view, start)
}

/// The subject before an apposition or a bracket that ends right before the clause:
/// "Hofstede, nu Kamerlid, vindt", "Solheim, de nieuwe chef, zei", "Boukhari (SV) noemde".
fn apposed_subject(view: &View, start: usize) -> Option<Phrase> {
    if start < 2 {
        return None;
    }
    let boundary = start - 1;
    let region_end = if view.is_punct(boundary, ")") {
        (0..boundary).rev().take(12).find(|&j| view.is_punct(j, "("))?
    } else if view.is_punct(boundary, ",") {
        // Skip one apposition: "X, nu Kamerlid voor het SV, vindt".
        let inner_start = clause_start(view, boundary - 1);
        let inner = parse_phrase_before(view, inner_start, boundary).filter(|p| p.head != Head::Relative);
        let opens = inner_start == 0 || !view.is_word(inner_start - 1) || view.units[inner_start - 1].sentence != view.units[inner_start].sentence;
        if opens {
            return inner;
        }
        if inner_start < 2 || !view.is_punct(inner_start - 1, ",") {
            return None;
        }
        // "Arkadi Vesnin, woordvoerder van het ministerie, zei": the name before the
        // apposition, else the apposition itself.
        let outer_start = clause_start(view, inner_start - 2);
        let outer = parse_phrase_before(view, outer_start, inner_start - 1)
            .filter(|p| p.head == Head::Name)
            .filter(|_| outer_start == 0 || !view.is_word(outer_start - 1) || view.units[outer_start - 1].sentence != view.units[outer_start].sentence);
        if outer.is_some() {
            return outer;
        }
        if inner.is_some() {
            return inner;
        }
        inner_start - 1
    } else {
        return None;
    };
    if region_end == 0 {
        return None;
    }
    let region_start = clause_start(view, region_end - 1);
    let p = parse_phrase_before(view, region_start, region_end)?;
    let opens = region_start == 0 || !view.is_word(region_start - 1) || view.units[region_start - 1].sentence != view.units[region_start].sentence;
    (opens && p.head != Head::Relative).then_some(p)
}

/// Whether the clause of the cue opens with a coordinator and no subject ("…, maar benadrukt
/// dat"), so the subject is that of the clause before.
pub fn is_coordinated(view: &View, hit: &CueHit) -> bool {
    let f = finite_verb(view, hit);
    let start = clause_start(view, f);
    let coordinator_first = view.is_word(start) && vocab::is_coordinator(view.lower(start)) && start + 1 == f;
    let after_comma_bare = start == f && start > 0 && view.is_punct(start - 1, ",");
    let inline_en = f > 0 && view.is_word(f - 1) && matches!(view.lower(f - 1), "en" | "maar");
    coordinator_first || after_comma_bare || inline_en
}
