//! Reported speech without quote marks: the complement of a speech verb ("zei dat …",
//! "vroeg of …", "heeft aangegeven … te steunen", "riep op tot …", "benadrukte het belang
//! van …"), the clause after "Volgens X", and the clause before ", zei X" / ", aldus X".

use super::clause::{clause_end, CueHit};
use super::cues::{CueLexicon, FRAME_CLAUSE, FRAME_EMPHASIS, FRAME_PREP, FRAME_REST, FRAME_TE};
use super::view::{UnitKind, View};
use super::vocab;

/// How far after the cue (in units) a complementizer may stand: "zei gisteren tegen de
/// krant dat".
const COMPLEMENT_WINDOW: usize = 8;

/// Whether "dat" at unit `i` is the demonstrative ("zei dat zojuist", "zei dat tegen de
/// krant") rather than the complementizer.
fn is_demonstrative_dat(view: &View, i: usize) -> bool {
    let Some(next) = (i + 1 < view.units.len()).then_some(i + 1) else { return true };
    if !view.is_word(next) {
        return !matches!(view.units[next].kind, UnitKind::Open(_));
    }
    let w = view.lower(next);
    (vocab::is_time_word(w) || vocab::is_preposition(w) || matches!(w, "ook" | "al" | "nog" | "niet" | "wel" | "zelf" | "eerder" | "toen" | "nu" | "dan"))
        && !matches!(w, "in" | "op" | "voor" | "na" | "bij" | "met" | "door")
}

/// Whether unit `i` is a preposition.
fn opens_with_preposition(view: &View, i: usize) -> bool {
    i < view.units.len() && view.is_word(i) && vocab::is_preposition(view.lower(i))
}

/// Whether a dat-clause `[start, end)` ends as a Dutch subordinate clause does: on a verb
/// (lowercase, a finite or participle ending) or a separable particle.
fn ends_like_a_clause(view: &View, start: usize, end: usize) -> bool {
    let Some(last) = (start..end).rev().find(|&k| view.is_word(k)) else { return false };
    let w = view.lower(last);
    !view.units[last].capital
        && (vocab::is_auxiliary(w) || w.ends_with('t') || w.ends_with('d') || w.ends_with("en") || vocab::is_preposition(w))
}

/// The last unit (exclusive) of a reported clause starting at `from`: the sentence end, or a
/// comma that opens another attribution (", zei X", ", aldus X", ", maar benadrukt").
pub fn content_end(view: &View, from: usize) -> usize {
    let sentence = view.units[from.min(view.units.len() - 1)].sentence;
    let mut j = from;
    while j < view.units.len() && view.units[j].sentence == sentence {
        if (view.is_terminal(j) || view.is_punct(j, ":") || view.is_punct(j, ";")) && view.units[j].quote.is_none() {
            break;
        }
        if view.is_punct(j, ",") || view.is_punct(j, ";") {
            let mut k = j + 1;
            while k < view.units.len() && view.is_word(k) && matches!(view.lower(k), "maar" | "en" | "zo" | "ook") {
                k += 1;
            }
            let opens_attribution = k < view.units.len()
                && view.is_word(k)
                && (matches!(view.lower(k), "aldus" | "volgens") || super::clause::cue_at(view, k).is_some_and(|h| h.verb.is_some()));
            if opens_attribution {
                break;
            }
        }
        j += 1;
    }
    while j > from && !view.is_word(j - 1) && !matches!(view.units[j - 1].kind, UnitKind::Close(_)) {
        j -= 1;
    }
    j
}

/// The reported content of a verb cue, as units `[start, end)`, if the verb has one here.
pub fn verb_complement(view: &View, hit: &CueHit) -> Option<(usize, usize)> {
    let verb = &CueLexicon::embedded().verbs[hit.verb?];
    let frames = verb.frames;
    let sentence = view.units[hit.unit].sentence;
    let from = hit.unit + 1;
    let mut j = from;
    let mut words = 0;
    while j < view.units.len() && view.units[j].sentence == sentence && words <= COMPLEMENT_WINDOW {
        let unit = view.units[j];
        if unit.quote.is_some() || matches!(unit.kind, UnitKind::Open(_) | UnitKind::Close(_)) {
            j += 1;
            continue;
        }
        if unit.kind == UnitKind::Punct {
            if view.word(j) == ":" && frames & FRAME_CLAUSE != 0 && words <= 3 {
                let next = j + 1;
                let quoted_next = next < view.units.len() && matches!(view.units[next].kind, UnitKind::Open(_));
                if !quoted_next && next < view.units.len() {
                    return nonempty(next, content_end(view, next));
                }
            }
            break;
        }
        let w = view.lower(j);
        if frames & FRAME_CLAUSE != 0 && (w == "dat" || w == "of") && Some(j) != hit.particle {
            if w == "dat" && is_demonstrative_dat(view, j) {
                return None;
            }
            let end = content_end(view, j + 1);
            if w == "dat" && opens_with_preposition(view, j + 1) && !ends_like_a_clause(view, j + 1, end) {
                // "schrijft dat in een brief aan de Kamer": the demonstrative again.
                return None;
            }
            return nonempty(j + 1, end);
        }
        if frames & FRAME_PREP != 0 && words <= 4 && verb.preps.iter().any(|p| p == w) && Some(j) != hit.particle {
            return nonempty(j, content_end(view, j));
        }
        let emphasis_next = j + 1 < view.units.len() && view.is_word(j + 1) && vocab::is_emphasis_noun(view.lower(j + 1));
        if frames & FRAME_EMPHASIS != 0 && words <= 2 && matches!(w, "het" | "de") && emphasis_next {
            return nonempty(j, content_end(view, j));
        }
        if frames & FRAME_TE != 0 && w == "te" && j + 1 < view.units.len() && view.is_word(j + 1) {
            let next = view.lower(j + 1);
            if next.ends_with('n') && !view.units[j + 1].capital {
                let start = first_content_unit(view, hit, from);
                return nonempty(start, te_clause_end(view, j));
            }
        }
        words += 1;
        j += 1;
    }
    if frames & FRAME_REST != 0 && hit.unit > 0 && (view.is_word(hit.unit - 1) || view.is_punct(hit.unit - 1, ")")) {
        // Subject first ("X noemt de plannen overhaast"): the rest of the clause.
        let boundary = clause_end(view, hit.unit);
        let quote_follows = boundary < view.units.len() && matches!(view.units[boundary].kind, UnitKind::Open(_));
        let end = te_clause_end(view, hit.unit);
        if !quote_follows && has_words(view, from, end, 3) {
            return nonempty(from, end);
        }
    }
    if frames & FRAME_TE != 0 {
        // A long te-clause: look up to the clause end.
        let end = clause_end(view, hit.last_unit());
        if let Some(te) = (from..end).find(|&k| view.is_word(k) && view.lower(k) == "te" && k + 1 < end && view.lower(k + 1).ends_with('n')) {
            let start = first_content_unit(view, hit, from);
            return nonempty(start, te_clause_end(view, te));
        }
    }
    None
}

/// The first unit of a te-clause after the cue, past its particle or companion.
fn first_content_unit(view: &View, hit: &CueHit, from: usize) -> usize {
    let mut start = from;
    for extra in [hit.particle, hit.companion].into_iter().flatten() {
        if extra == start {
            start += 1;
        }
    }
    while start < view.units.len() && view.is_word(start) && vocab::is_auxiliary(view.lower(start)) {
        start += 1;
    }
    start
}

fn te_clause_end(view: &View, te: usize) -> usize {
    let end = clause_end(view, te);
    let mut j = end;
    while j > te && !view.is_word(j - 1) {
        j -= 1;
    }
    j
}

fn nonempty(start: usize, end: usize) -> Option<(usize, usize)> {
    (end > start).then_some((start, end))
}

/// Splits a reported clause at a coordinated second complement ("…, maar dat …", "… en dat
/// …"): each part is a statement of its own.
pub fn split_coordinated(view: &View, (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut s = start;
    let mut j = start;
    while j + 1 < end {
        let coordinated = view.units[j].quote.is_none()
            && view.is_word(j)
            && matches!(view.lower(j), "en" | "maar" | "of")
            && view.is_word(j + 1)
            && view.lower(j + 1) == "dat"
            && j > s;
        if coordinated {
            let mut e = j;
            while e > s && !view.is_word(e - 1) && !matches!(view.units[e - 1].kind, UnitKind::Close(_)) {
                e -= 1;
            }
            parts.push((s, e));
            s = j + 2;
            j += 2;
            continue;
        }
        j += 1;
    }
    parts.push((s, end));
    parts.retain(|&(a, b)| b > a);
    parts
}

/// Whether `[start, end)` holds at least `n` words.
pub fn has_words(view: &View, start: usize, end: usize, n: usize) -> bool {
    (start..end).filter(|&k| view.is_word(k)).take(n).count() >= n
}
