//! The speech-verb lexicon: Dutch verbs of saying and thinking, in all their forms, with the
//! complements each takes (a dat/of clause, a te-infinitive, a preposition, an emphasis noun).
//!
//! The curated part (which lemmas, which particles and frames) is [`CUE_LEMMAS`] below; the
//! verb forms are derived from the Pattern paradigms in
//! `../shared/data/lexicons/pattern-nl/nl-verbs.txt` by [`derive_lexicon`] and committed as
//! `lexicons/speech-verbs.tsv`. A unit test checks that the committed file equals the
//! derivation; rebuild it with
//! `KRONIEK_BLESS=1 cargo test -p kroniek-nlp speech_verb_lexicon_matches_derivation`.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The complement takes a dat/of clause or a colon ("zei dat", "vroeg of", "zei:").
pub const FRAME_CLAUSE: u8 = 1;
/// The complement is a te-infinitive ("heeft aangegeven de gesprekken te steunen").
pub const FRAME_TE: u8 = 2;
/// The complement is a prepositional phrase ("riep op tot", "waarschuwde voor").
pub const FRAME_PREP: u8 = 4;
/// The rest of the clause is what was said: an object and its predicate ("noemt de plannen
/// overhaast").
pub const FRAME_REST: u8 = 16;
/// The object is an emphasis noun ("benadrukte het belang van", "hamerde op de noodzaak").
pub const FRAME_EMPHASIS: u8 = 8;

/// One curated entry: a lemma as in the Pattern paradigm file, its separable particle, a
/// companion word it needs ("laten" + "weten"), its frames and prepositions.
#[derive(Clone, Copy, Debug)]
pub struct CueLemma {
    /// The infinitive as written in nl-verbs.txt (joined for separable verbs).
    pub lemma: &'static str,
    /// The separable particle ("aan" in aangeven), split off in main clauses.
    pub particle: Option<&'static str>,
    /// A word the verb needs near it to be a speech verb ("weten" for laten).
    pub companion: Option<&'static str>,
    /// Bit set of FRAME_* constants; 0 means the verb only attributes quotes ("klonk het").
    pub frames: u8,
    /// Prepositions opening a FRAME_PREP complement, comma-separated.
    pub preps: &'static str,
    /// Finite forms the paradigm file lacks (joined for separable verbs), comma-separated:
    /// "toezegde" beside Pattern's "toezei".
    pub extra: &'static str,
}

const fn cue(lemma: &'static str, frames: u8) -> CueLemma {
    CueLemma { lemma, particle: None, companion: None, frames, preps: "", extra: "" }
}
const fn sep(lemma: &'static str, particle: &'static str, frames: u8) -> CueLemma {
    CueLemma { lemma, particle: Some(particle), companion: None, frames, preps: "", extra: "" }
}
const fn with_prep(mut c: CueLemma, preps: &'static str) -> CueLemma {
    c.frames |= FRAME_PREP;
    c.preps = preps;
    c
}
const fn with_extra(mut c: CueLemma, extra: &'static str) -> CueLemma {
    c.extra = extra;
    c
}
const fn with_companion(lemma: &'static str, companion: &'static str, frames: u8) -> CueLemma {
    CueLemma { lemma, particle: None, companion: Some(companion), frames, preps: "", extra: "" }
}

const C: u8 = FRAME_CLAUSE;
const T: u8 = FRAME_TE;
const E: u8 = FRAME_EMPHASIS;

/// The curated speech and cognition verbs of Dutch news.
pub const CUE_LEMMAS: &[CueLemma] = &[
    cue("zeggen", C | T),
    cue("stellen", C),
    cue("benadrukken", C | E),
    cue("onderstrepen", C | E),
    cue("beklemtonen", C | E),
    with_prep(cue("waarschuwen", C), "voor"),
    cue("erkennen", C | T),
    cue("bevestigen", C),
    sep("aangeven", "aan", C | T),
    cue("verklaren", C | T),
    cue("noemen", C | FRAME_REST),
    with_prep(cue("dreigen", C | T), "met"),
    cue("wijzen", C | E),
    with_companion("laten", "weten", C | T),
    with_companion("maken", "duidelijk", C),
    sep("bekendmaken", "bekend", C),
    with_companion("maken", "kenbaar", C),
    sep("aankondigen", "aan", C | T),
    sep("meedelen", "mee", C),
    sep("mededelen", "mede", C),
    cue("melden", C),
    cue("vertellen", C),
    cue("antwoorden", C),
    cue("reageren", 0),
    sep("toevoegen", "toe", C),
    sep("aanvullen", "aan", C),
    cue("vervolgen", 0),
    sep("verdergaan", "verder", 0),
    cue("herhalen", C),
    cue("beloven", C | T),
    with_extra(sep("toezeggen", "toe", C | T), "toezegde,toezegden"),
    cue("ontkennen", C | T | FRAME_REST),
    cue("betogen", C),
    cue("beweren", C | T),
    sep("opmerken", "op", C),
    cue("concluderen", C),
    sep("vaststellen", "vast", C),
    cue("constateren", C),
    cue("suggereren", C),
    cue("opperen", C),
    sep("uitleggen", "uit", C),
    sep("toelichten", "toe", C),
    with_prep(sep("aandringen", "aan", 0), "op"),
    with_prep(cue("pleiten", 0), "voor"),
    with_prep(sep("oproepen", "op", 0), "tot,om"),
    cue("eisen", C),
    cue("vragen", C),
    cue("schrijven", C),
    cue("klinken", 0),
    cue("luiden", 0),
    cue("zuchten", 0),
    cue("lachen", 0),
    cue("roepen", 0),
    cue("verzekeren", C),
    cue("garanderen", C),
    sep("uitspreken", "uit", C),
    cue("uiten", C),
    sep("toegeven", "toe", C | T),
    cue("bekennen", C | T),
    sep("voorstellen", "voor", C | T),
    cue("adviseren", C | T),
    sep("aanraden", "aan", C | T),
    cue("zweren", C | T),
    cue("verkondigen", C),
    cue("onthullen", C),
    cue("rapporteren", C),
    cue("berichten", C),
    cue("beamen", C),
    sep("tegenwerpen", "tegen", C),
    with_prep(cue("hameren", E), "op"),
    cue("verwijten", C),
    sep("volhouden", "vol", C),
    sep("voorhouden", "voor", C),
    with_companion("laten", "doorschemeren", C),
    cue("beschuldigen", C | T),
    cue("veroordelen", 0),
    cue("bedanken", 0),
    cue("prijzen", 0),
    with_prep(cue("spreken", 0), "van"),
    with_prep(with_companion("doen", "beroep", C | T), "op"),
    cue("vinden", C),
    cue("menen", C | T),
    cue("verwachten", C | T),
    cue("vrezen", C | T),
    cue("hopen", C | T),
    cue("voorzien", C),
    cue("betwijfelen", C),
    cue("twijfelen", C),
    cue("vermoeden", C),
    cue("achten", C),
];

/// Forms too ambiguous with frequent non-verbs to be cues ("uit" of uiten is the preposition).
const EXCLUDED_FORMS: &[&str] = &["uit", "ga", "gaan"];

/// Errors building the lexicon from the paradigm file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A curated lemma has no paradigm line (and no base verb) in nl-verbs.txt.
    #[error("nl-verbs.txt has no paradigm for `{0}` (nor for its base verb): fix CUE_LEMMAS in statements/cues.rs")]
    MissingLemma(String),
    /// A line of the committed lexicon does not have the 8 tab-separated fields.
    #[error("lexicons/speech-verbs.tsv line {line}: expected 8 tab-separated fields; rebuild it (see statements/cues.rs)")]
    BadLine { line: usize },
}

fn paradigm<'a>(verbs: &'a str, lemma: &str) -> Option<Vec<&'a str>> {
    verbs
        .lines()
        .find(|l| l.split(',').next() == Some(lemma))
        .map(|l| l.split(',').collect())
}

/// The written forms of one lemma, each list sorted.
type LemmaForms = (Vec<String>, Vec<String>, Vec<String>);

/// The forms of one lemma: (finite forms, participles, split finite forms).
fn lemma_forms(verbs: &str, entry: &CueLemma) -> Result<LemmaForms, LexiconError> {
    let particle = entry.particle.unwrap_or("");
    let (cols, prefix): (Vec<String>, &str) = match paradigm(verbs, entry.lemma) {
        Some(cols) => (cols.iter().map(|s| s.to_string()).collect(), ""),
        None => {
            let base = entry.lemma.strip_prefix(particle).filter(|_| !particle.is_empty());
            let cols = base
                .and_then(|b| paradigm(verbs, b))
                .ok_or_else(|| LexiconError::MissingLemma(entry.lemma.to_string()))?;
            (cols.iter().map(|s| s.to_string()).collect(), particle)
        }
    };
    // Columns: 0 infinitive, 1-3 present 1sg/2sg/3sg, 5 present participle, 9 past plural,
    // 10 past singular, 11 past participle. 1sg is left out where it differs from 3sg: it is
    // mostly the noun ("de vraag", "de hoop") outside quotes.
    let mut finite_cols = vec![0, 2, 3, 9, 10];
    if cols.get(1) == cols.get(3) {
        finite_cols.push(1);
    }
    let joined = |c: &str| format!("{prefix}{c}");
    let mut finite: Vec<String> = finite_cols
        .iter()
        .filter_map(|&i| cols.get(i).filter(|s| !s.is_empty()).map(|s| joined(s)))
        .chain(entry.extra.split(',').filter(|s| !s.is_empty()).map(str::to_string))
        .collect();
    let mut participles: Vec<String> = cols.get(11).filter(|s| !s.is_empty()).map(|s| {
        if prefix.is_empty() { s.clone() } else { format!("{prefix}{s}") }
    }).into_iter().collect();
    let mut split: Vec<String> = Vec::new();
    if !particle.is_empty() {
        split = finite.iter().filter_map(|f| f.strip_prefix(particle).map(str::to_string)).collect();
    }
    for list in [&mut finite, &mut participles, &mut split] {
        list.retain(|f| !EXCLUDED_FORMS.contains(&f.as_str()));
        list.sort();
        list.dedup();
    }
    Ok((finite, participles, split))
}

/// Derives the text of `lexicons/speech-verbs.tsv` from the Pattern paradigms (`verbs` is the
/// content of nl-verbs.txt).
pub fn derive_lexicon(verbs: &str) -> Result<String, LexiconError> {
    let mut out = String::from(
        "# Speech and cognition verbs with all their forms. DO NOT EDIT: derived from\n\
         # ../shared/data/lexicons/pattern-nl/nl-verbs.txt (Pattern, BSD licence, University of Antwerp)\n\
         # and CUE_LEMMAS in crates/kroniek-nlp/src/statements/cues.rs. Rebuild:\n\
         # KRONIEK_BLESS=1 cargo test -p kroniek-nlp speech_verb_lexicon_matches_derivation\n\
         # lemma\tparticle\tcompanion\tframes\tpreps\tfinite\tparticiples\tsplit_finite\n",
    );
    for entry in CUE_LEMMAS {
        let (finite, participles, split) = lemma_forms(verbs, entry)?;
        let dash = |s: &str| if s.is_empty() { "-".to_string() } else { s.to_string() };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            entry.lemma,
            dash(entry.particle.unwrap_or("")),
            dash(entry.companion.unwrap_or("")),
            entry.frames,
            dash(entry.preps),
            dash(&finite.join(" ")),
            dash(&participles.join(" ")),
            dash(&split.join(" ")),
        ));
    }
    Ok(out)
}

/// The committed lexicon, embedded in the binary.
pub const LEXICON_TSV: &str = include_str!("../../../../lexicons/speech-verbs.tsv");

/// One cue verb entry as loaded from the lexicon.
#[derive(Clone, Debug)]
pub struct CueVerb {
    /// The lemma ("aangeven").
    pub lemma: String,
    /// The separable particle, needed after a split form.
    pub particle: Option<String>,
    /// A companion word needed near the verb ("weten").
    pub companion: Option<String>,
    /// FRAME_* bits.
    pub frames: u8,
    /// Prepositions of FRAME_PREP.
    pub preps: Vec<String>,
}

/// How a written form relates to a cue verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// A finite form (or infinitive = present plural) with the particle attached or none.
    Finite,
    /// A past participle (needs an auxiliary for the finite verb).
    Participle,
    /// A finite form of a separable verb without its particle ("geeft" of aangeven).
    Split,
}

/// The loaded lexicon: written form (lowercase) → cue verbs it can be.
pub struct CueLexicon {
    /// Entries, indexed by the `usize` in `forms`.
    pub verbs: Vec<CueVerb>,
    /// Lowercase form → (entry index, kind) pairs.
    pub forms: HashMap<String, Vec<(usize, FormKind)>>,
}

impl CueLexicon {
    /// Parses the TSV text of the lexicon.
    pub fn parse(tsv: &str) -> Result<Self, LexiconError> {
        let mut verbs = Vec::new();
        let mut forms: HashMap<String, Vec<(usize, FormKind)>> = HashMap::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 8 {
                return Err(LexiconError::BadLine { line: n + 1 });
            }
            let opt = |s: &str| (s != "-").then(|| s.to_string());
            let index = verbs.len();
            verbs.push(CueVerb {
                lemma: f[0].to_string(),
                particle: opt(f[1]),
                companion: opt(f[2]),
                frames: f[3].parse().map_err(|_| LexiconError::BadLine { line: n + 1 })?,
                preps: opt(f[4]).map(|p| p.split(',').map(str::to_string).collect()).unwrap_or_default(),
            });
            for (col, kind) in [(5, FormKind::Finite), (6, FormKind::Participle), (7, FormKind::Split)] {
                if f[col] == "-" {
                    continue;
                }
                for form in f[col].split(' ') {
                    forms.entry(form.to_string()).or_default().push((index, kind));
                }
            }
        }
        Ok(CueLexicon { verbs, forms })
    }

    /// The lexicon embedded in the binary, parsed once.
    pub fn embedded() -> &'static CueLexicon {
        static LEXICON: LazyLock<CueLexicon> =
            LazyLock::new(|| CueLexicon::parse(LEXICON_TSV).expect("embedded speech-verb lexicon is valid (checked by tests)"));
        &LEXICON
    }

    /// The cue verbs a lowercase written form can be.
    pub fn lookup(&self, lower: &str) -> &[(usize, FormKind)] {
        self.forms.get(lower).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared_verbs() -> String {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/lexicons/pattern-nl/nl-verbs.txt");
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e} (the shared data must be present)"))
    }

    #[test]
    fn speech_verb_lexicon_matches_derivation() {
        let derived = derive_lexicon(&shared_verbs()).expect("all curated lemmas have paradigms");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../lexicons/speech-verbs.tsv");
        if std::env::var_os("KRONIEK_BLESS").is_some() {
            std::fs::write(path, &derived).expect("write lexicons/speech-verbs.tsv");
        }
        assert!(
            LEXICON_TSV == derived,
            "lexicons/speech-verbs.tsv is stale: rebuild with KRONIEK_BLESS=1 cargo test -p kroniek-nlp speech_verb_lexicon_matches_derivation"
        );
    }

    #[test]
    fn embedded_lexicon_knows_split_and_participle_forms() {
        let lex = CueLexicon::embedded();
        let kinds = |w: &str| lex.lookup(w).iter().map(|&(i, k)| (lex.verbs[i].lemma.as_str(), k)).collect::<Vec<_>>();
        assert!(kinds("zei").contains(&("zeggen", FormKind::Finite)));
        assert!(kinds("aangegeven").contains(&("aangeven", FormKind::Participle)));
        assert!(kinds("geeft").contains(&("aangeven", FormKind::Split)));
        assert!(kinds("gaat").contains(&("verdergaan", FormKind::Split)));
        assert!(kinds("opgeroepen").contains(&("oproepen", FormKind::Participle)));
        assert!(kinds("uit").is_empty(), "the preposition uit is not a cue");
        assert!(kinds("vraag").is_empty(), "1sg forms that are nouns are left out");
    }
}
