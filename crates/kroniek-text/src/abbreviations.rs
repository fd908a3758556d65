//! Dutch abbreviations that keep their final period, and which of them may end a sentence.
//!
//! The list is written from general knowledge of Dutch news and reference text (titles, Latin
//! shorthands, months, units of money and counting), not tuned on any evaluation file. Words
//! that are also ordinary Dutch words at the end of a sentence (`al`, `vol`, `zo`, `lid`, `do`)
//! are left out on purpose: "Dat wist hij al." must end in a full stop.

/// How an abbreviation may be written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Lower case, or capitalised at the start of a sentence (`mr.`, `Mr.`).
    LowerOrCapital,
    /// Lower case only (`jan.` is a month, `Jan.` a name; `vs.` versus, `VS.` the country).
    LowerOnly,
    /// Exactly as listed (`Inc.`, `Ltd.`).
    Exact,
}

/// Whether a sentence may end right after the abbreviation when the next word is capitalised.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    /// Stands before what it modifies (`dr. Jansen`, `o.a. Duitsland`): never ends a sentence.
    Inner,
    /// Often closes a clause (`enz.`, `jl.`, `Inc.`): a capital after it starts a new sentence.
    MayEnd,
}

use Case::*;
use Position::*;

/// Abbreviations without an inner period, as (text before the period, case rule, position).
const SINGLE_WORD: &[(&str, Case, Position)] = &[
    // titles and forms of address
    ("adj", LowerOrCapital, Inner),
    ("bc", LowerOrCapital, Inner),
    ("dhr", LowerOrCapital, Inner),
    ("dr", LowerOrCapital, Inner),
    ("drs", LowerOrCapital, Inner),
    ("ds", LowerOrCapital, Inner),
    ("gen", LowerOrCapital, Inner),
    ("hr", LowerOrCapital, Inner),
    ("ing", LowerOrCapital, Inner),
    ("ir", LowerOrCapital, Inner),
    ("jhr", LowerOrCapital, Inner),
    ("jkvr", LowerOrCapital, Inner),
    ("kapt", LowerOrCapital, Inner),
    ("kol", LowerOrCapital, Inner),
    ("lt", LowerOrCapital, Inner),
    ("ltz", LowerOrCapital, Inner),
    ("maj", LowerOrCapital, Inner),
    ("mej", LowerOrCapital, Inner),
    ("mevr", LowerOrCapital, Inner),
    ("mgr", LowerOrCapital, Inner),
    ("mr", LowerOrCapital, Inner),
    ("mw", LowerOrCapital, Inner),
    ("plv", LowerOrCapital, Inner),
    ("prof", LowerOrCapital, Inner),
    ("sgt", LowerOrCapital, Inner),
    ("st", LowerOrCapital, Inner),
    ("wed", LowerOrCapital, Inner),
    ("jr", LowerOrCapital, MayEnd),
    ("sr", LowerOrCapital, MayEnd),
    // shorthands inside a sentence
    ("aant", LowerOrCapital, Inner),
    ("afb", LowerOrCapital, Inner),
    ("afd", LowerOrCapital, Inner),
    ("afk", LowerOrCapital, Inner),
    ("alg", LowerOrCapital, Inner),
    ("art", LowerOrCapital, Inner),
    ("betr", LowerOrCapital, Inner),
    ("bijl", LowerOrCapital, Inner),
    ("bijv", LowerOrCapital, Inner),
    ("blz", LowerOrCapital, Inner),
    ("bv", LowerOnly, Inner),
    ("ca", LowerOrCapital, Inner),
    ("cf", LowerOrCapital, Inner),
    ("dir", LowerOrCapital, Inner),
    ("dl", LowerOrCapital, Inner),
    ("eig", LowerOrCapital, Inner),
    ("evt", LowerOrCapital, Inner),
    ("excl", LowerOrCapital, Inner),
    ("fig", LowerOrCapital, Inner),
    ("geb", LowerOrCapital, Inner),
    ("gebr", LowerOrCapital, Inner),
    ("gem", LowerOrCapital, Inner),
    ("gest", LowerOrCapital, Inner),
    ("hfst", LowerOrCapital, Inner),
    ("hoofdst", LowerOrCapital, Inner),
    ("ibid", LowerOrCapital, Inner),
    ("incl", LowerOrCapital, Inner),
    ("kon", LowerOrCapital, Inner),
    ("ned", LowerOrCapital, Inner),
    ("nr", LowerOrCapital, Inner),
    ("nrs", LowerOrCapital, Inner),
    ("ong", LowerOrCapital, Inner),
    ("pag", LowerOrCapital, Inner),
    ("par", LowerOrCapital, Inner),
    ("pnt", LowerOrCapital, Inner),
    ("resp", LowerOrCapital, Inner),
    ("rk", LowerOrCapital, MayEnd),
    ("secr", LowerOrCapital, Inner),
    ("str", LowerOrCapital, Inner),
    ("tel", LowerOrCapital, Inner),
    ("vgl", LowerOrCapital, Inner),
    ("vlg", LowerOrCapital, Inner),
    ("vnl", LowerOrCapital, Inner),
    ("voorz", LowerOrCapital, Inner),
    ("vs", LowerOnly, Inner),
    ("vz", LowerOrCapital, Inner),
    ("zgn", LowerOrCapital, Inner),
    ("zog", LowerOrCapital, Inner),
    // shorthands that often close a clause
    ("enz", LowerOrCapital, MayEnd),
    ("etc", LowerOrCapital, MayEnd),
    ("jl", LowerOnly, MayEnd),
    ("red", LowerOnly, MayEnd),
    ("max", LowerOnly, MayEnd),
    ("min", LowerOnly, MayEnd),
    ("sec", LowerOnly, MayEnd),
    ("mln", LowerOnly, MayEnd),
    ("mld", LowerOnly, MayEnd),
    ("mrd", LowerOnly, MayEnd),
    ("mia", LowerOnly, MayEnd),
    ("chr", LowerOrCapital, MayEnd),
    // months (lower case only: `Jan.` is a name)
    ("jan", LowerOnly, Inner),
    ("feb", LowerOnly, Inner),
    ("febr", LowerOnly, Inner),
    ("mrt", LowerOnly, Inner),
    ("apr", LowerOnly, Inner),
    ("jun", LowerOnly, Inner),
    ("jul", LowerOnly, Inner),
    ("aug", LowerOnly, Inner),
    ("sep", LowerOnly, Inner),
    ("sept", LowerOnly, Inner),
    ("okt", LowerOnly, Inner),
    ("nov", LowerOnly, Inner),
    ("dec", LowerOnly, Inner),
    // company forms
    ("Inc", Exact, MayEnd),
    ("Ltd", Exact, MayEnd),
    ("Corp", Exact, MayEnd),
    ("co", LowerOrCapital, MayEnd),
];

/// Dotted abbreviations (without the final period) after which a capital starts a new sentence.
const DOTTED_MAY_END: &[&str] = &[
    "a.s", "c.s", "e.a", "e.d", "e.v", "n.chr", "v.chr", "v.s", "u.s", "u.s.a", "n.v", "b.v",
    "t.z.t", "z.o.z",
];

/// Whether `word` (the text before a period, possibly with inner periods) is an abbreviation
/// whose period belongs to the token.
pub fn is_abbreviation(word: &str) -> bool {
    if word.contains('.') {
        return is_dotted_abbreviation(word);
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => return c.is_alphabetic(),
        (None, _) => return false,
        _ => {}
    }
    lookup(word).is_some()
}

/// Whether a sentence may end after the abbreviation token `token` (which ends in a period).
pub fn may_end_sentence(token: &str) -> bool {
    let word = token.strip_suffix('.').unwrap_or(token);
    if word.contains('.') {
        return DOTTED_MAY_END.iter().any(|d| d.eq_ignore_ascii_case(word));
    }
    matches!(lookup(word), Some(MayEnd))
}

/// Letters separated by periods, every part short: `d.w.z`, `J.P`, `v.Chr`, `O.L.V`.
fn is_dotted_abbreviation(word: &str) -> bool {
    let mut has_single = false;
    let mut longest = 0;
    for part in word.split('.') {
        let len = part.chars().count();
        if len == 0 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        has_single |= len == 1;
        longest = longest.max(len);
    }
    longest <= 2 || (longest <= 3 && has_single)
}

/// The position rule of a single-word abbreviation, if `word` is one in an allowed spelling.
fn lookup(word: &str) -> Option<Position> {
    if word.len() > 8 || !word.is_ascii() {
        return None;
    }
    let mut lower = [0u8; 8];
    for (slot, b) in lower.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&lower[..word.len()]).ok()?;
    let is_lower = word == lower;
    let is_capital = !is_lower && word[1..] == lower[1..];
    let index = sorted_index();
    let same = |k: &usize| SINGLE_WORD[*k].0.eq_ignore_ascii_case(lower);
    let found = index
        .binary_search_by(|&k| compare_lower(SINGLE_WORD[k].0, lower))
        .ok()?;
    // entries that differ only in case (none today) sit next to each other
    let first = index[..found]
        .iter()
        .rposition(|k| !same(k))
        .map_or(0, |p| p + 1);
    index[first..]
        .iter()
        .take_while(|k| same(k))
        .find_map(|&k| {
            let (entry, case, position) = SINGLE_WORD[k];
            let allowed = match case {
                Exact => word == entry,
                LowerOnly => is_lower,
                LowerOrCapital => is_lower || is_capital,
            };
            allowed.then_some(position)
        })
}

/// Indices into [`SINGLE_WORD`] sorted by lower-cased entry, built once.
fn sorted_index() -> &'static [usize] {
    static INDEX: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: Vec<usize> = (0..SINGLE_WORD.len()).collect();
        index.sort_by(|&a, &b| compare_lower(SINGLE_WORD[a].0, SINGLE_WORD[b].0));
        index
    })
}

/// Compares two ASCII strings as if lower-cased.
fn compare_lower(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|x| x.to_ascii_lowercase())
        .cmp(b.bytes().map(|x| x.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_shorthands_are_abbreviations() {
        for word in [
            "mr", "Mr", "dr", "bijv", "o.a", "d.w.z", "i.p.v", "J.P", "jl", "red", "v.Chr",
        ] {
            assert!(is_abbreviation(word), "{word}");
        }
    }

    #[test]
    fn ordinary_words_and_acronyms_are_not() {
        for word in [
            "al", "vol", "zo", "lid", "VS", "NAVO", "Jan", "RED", "nos.nl", "1.000", "",
        ] {
            assert!(!is_abbreviation(word), "{word}");
        }
    }

    #[test]
    fn only_clause_closing_abbreviations_may_end_a_sentence() {
        assert!(may_end_sentence("enz."));
        assert!(may_end_sentence("e.d."));
        assert!(may_end_sentence("jl."));
        assert!(!may_end_sentence("dr."));
        assert!(!may_end_sentence("o.a."));
        assert!(!may_end_sentence("J."));
    }
}
