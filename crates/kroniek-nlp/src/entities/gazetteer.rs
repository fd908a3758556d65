//! Gazetteers and known-word lists: which words and phrases are first names, surnames, places,
//! countries, proper nouns or ordinary lowercase words.
//!
//! The lists are derived from `../shared/data/lexicons` by [`derive_lists`] into plain text files
//! under `lexicons/` (one lowercase entry per line), which `kroniek train ner` reads and stores,
//! as hashed keys, inside the model file. At tagging time only the model is needed.

use super::clusters::WordClusters;
use super::name_classes::NameClasses;
use super::hashing::{hash_lower, phrase_key, phrase_key_of, Prehashed};
use super::NerError;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// Flag bits of a lexicon entry.
pub mod flag {
    /// A first name (Flemish and Dutch lists).
    pub const FIRST_NAME: u16 = 1 << 0;
    /// A surname.
    pub const SURNAME: u16 = 1 << 1;
    /// A surname particle ("van", "de", "van der").
    pub const PARTICLE: u16 = 1 << 2;
    /// A country name (Dutch or English).
    pub const COUNTRY: u16 = 1 << 3;
    /// A place, municipality, province or region.
    pub const PLACE: u16 = 1 << 4;
    /// Written with a capital in the OpenTaal word list (a proper noun or derived adjective).
    pub const PROPER: u16 = 1 << 5;
    /// Written in lowercase in the OpenTaal word list (an ordinary word).
    pub const LOWER_WORD: u16 = 1 << 6;
    /// A very common word (zxcvbn Flemish common words, top of the list).
    pub const COMMON: u16 = 1 << 7;
    /// A role or title noun ("premier", "minister", "woordvoerder").
    pub const ROLE: u16 = 1 << 8;
    /// The number of flag bits in use.
    pub const COUNT: usize = 9;
}

/// The list files under `lexicons/`, each with the flag its entries carry.
pub const LIST_FILES: [(&str, u16); 9] = [
    ("first-names.txt", flag::FIRST_NAME),
    ("surnames.txt", flag::SURNAME),
    ("name-particles.txt", flag::PARTICLE),
    ("countries.txt", flag::COUNTRY),
    ("places.txt", flag::PLACE),
    ("proper-words.txt", flag::PROPER),
    ("lower-words.txt", flag::LOWER_WORD),
    ("common-words.txt", flag::COMMON),
    ("roles.txt", flag::ROLE),
];

/// Longest phrase (in words) looked up in the lexicon.
pub const MAX_PHRASE_WORDS: usize = 4;

/// A lexicon: phrase key → flags (keys are [`phrase_key`]s of lowercase words), the word
/// classes learned from unlabeled text, and the name classes learned from word embeddings.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    table: HashMap<u64, u16, Prehashed>,
    /// Word classes (empty unless learned by `kroniek train ner`).
    pub clusters: WordClusters,
    /// Name classes of capitalised words (empty unless `kroniek train ner --name-embeddings`).
    pub name_classes: NameClasses,
}

/// Marks the optional name-class table after the word classes in [`Lexicon::to_bytes`] (models
/// written before name classes existed end the lexicon without it).
const NAME_CLASSES_TAG: &[u8; 8] = b"NAMECLS1";

impl Lexicon {
    /// Flags of the phrase with these lowercase-word hashes (0 when unknown).
    #[inline]
    pub fn flags_of_hashes(&self, word_hashes: &[u64]) -> u16 {
        if self.table.is_empty() {
            return 0;
        }
        self.table.get(&phrase_key(word_hashes)).copied().unwrap_or(0)
    }

    /// Flags of a phrase written as text (any case).
    pub fn flags_of(&self, phrase: &str) -> u16 {
        self.table.get(&phrase_key_of(phrase)).copied().unwrap_or(0)
    }

    /// Flags of a single word (any case).
    pub fn word_flags(&self, word: &str) -> u16 {
        self.flags_of_hashes(&[hash_lower(word)])
    }

    /// Adds `flags` to a phrase.
    pub fn insert(&mut self, phrase: &str, flags: u16) {
        if phrase.split_whitespace().count() == 0 || phrase.split_whitespace().count() > MAX_PHRASE_WORDS {
            return;
        }
        *self.table.entry(phrase_key_of(phrase)).or_default() |= flags;
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Reads the list files of a `lexicons/` folder.
    pub fn read_lists(dir: &Path) -> Result<Self, NerError> {
        let mut lexicon = Lexicon::default();
        for (file, flags) in LIST_FILES {
            let path = dir.join(file);
            let text = std::fs::read_to_string(&path).map_err(|source| NerError::Io { path: path.display().to_string(), source })?;
            for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
                lexicon.insert(line.trim(), flags);
            }
        }
        Ok(lexicon)
    }

    /// Serialises as little-endian (u64 key, u16 flags) pairs sorted by key, after a u64 count,
    /// then the word classes, then (when there are any) [`NAME_CLASSES_TAG`] and the name classes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut pairs: Vec<(u64, u16)> = self.table.iter().map(|(k, v)| (*k, *v)).collect();
        pairs.sort_unstable();
        let mut out = Vec::with_capacity(8 + pairs.len() * 10);
        out.extend_from_slice(&(pairs.len() as u64).to_le_bytes());
        for (k, v) in pairs {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.clusters.to_bytes());
        if !self.name_classes.is_empty() {
            out.extend_from_slice(NAME_CLASSES_TAG);
            out.extend_from_slice(&self.name_classes.to_bytes());
        }
        out
    }

    /// Reads what [`Lexicon::to_bytes`] wrote; returns the lexicon and the bytes it used.
    pub fn from_bytes(bytes: &[u8]) -> Option<(Self, usize)> {
        let count = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?) as usize;
        let body = bytes.get(8..8 + count * 10)?;
        let mut table = HashMap::with_capacity_and_hasher(count, Prehashed::default());
        for pair in body.chunks_exact(10) {
            let key = u64::from_le_bytes(pair[..8].try_into().ok()?);
            let value = u16::from_le_bytes(pair[8..].try_into().ok()?);
            table.insert(key, value);
        }
        let used = 8 + count * 10;
        let (clusters, cluster_bytes) = WordClusters::from_bytes(&bytes[used..])?;
        let mut used = used + cluster_bytes;
        let mut name_classes = NameClasses::default();
        if bytes.get(used..used + NAME_CLASSES_TAG.len()) == Some(NAME_CLASSES_TAG) {
            let (classes, class_bytes) = NameClasses::from_bytes(&bytes[used + NAME_CLASSES_TAG.len()..])?;
            name_classes = classes;
            used += NAME_CLASSES_TAG.len() + class_bytes;
        }
        Some((Lexicon { table, clusters, name_classes }, used))
    }
}

/// Role and title nouns written by the project (not derived): heads of role phrases such as
/// "de Britse premier" or "NAVO-secretaris-generaal".
pub const ROLE_NOUNS: &[&str] = &[
    "premier", "minister", "president", "kanselier", "koning", "koningin", "prins", "prinses",
    "paus", "burgemeester", "schepen", "gouverneur", "senator", "staatssecretaris",
    "minister-president", "vicepremier", "vicepresident", "secretaris-generaal", "secretaris",
    "voorzitter", "ondervoorzitter", "topman", "topvrouw", "chef", "baas", "leider", "woordvoerder",
    "woordvoerster", "directeur", "directrice", "ceo", "topdiplomaat", "diplomaat", "ambassadeur",
    "generaal", "commandant", "bevelhebber", "opperbevelhebber", "admiraal", "kolonel", "majoor",
    "kapitein", "luitenant", "sergeant", "rechter", "procureur", "advocaat", "professor", "prof",
    "dokter", "dr", "ir", "mr", "drs", "dhr", "mevr", "mevrouw", "meneer", "heer", "pater",
    "kardinaal", "bisschop", "aartsbisschop", "imam", "rabbijn", "dominee", "trainer", "coach",
    "bondscoach", "aanvoerder", "kapitein", "fractievoorzitter", "fractieleider", "partijleider",
    "partijvoorzitter", "lijsttrekker", "kamerlid", "parlementslid", "europarlementariër",
    "volksvertegenwoordiger", "gedeputeerde", "wethouder", "commissaris", "eurocommissaris",
    "afgevaardigde", "gezant", "onderhandelaar", "adviseur", "veiligheidsadviseur", "analist",
    "onderzoeker", "hoogleraar", "econoom", "historicus", "politicus", "oud-premier",
    "oud-minister", "oud-president", "ex-premier", "ex-minister", "ex-president", "dictator",
    "sjeik", "emir", "sultan", "ayatollah", "tsaar", "keizer", "hertog", "graaf", "baron",
];

/// Writes the derived list files under `out_dir` from the shared lexicons folder
/// (`../shared/data/lexicons`). Returns (file, entries) per list written.
pub fn derive_lists(shared: &Path, out_dir: &Path) -> Result<Vec<(String, usize)>, NerError> {
    let read = |relative: &str| -> Result<String, NerError> {
        let path = shared.join(relative);
        std::fs::read_to_string(&path).map_err(|source| NerError::Io { path: path.display().to_string(), source })
    };
    let lines = |text: &str| -> Vec<String> {
        text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_lowercase).collect()
    };
    let json_words = |text: &str| -> Result<Vec<String>, NerError> {
        let words: Vec<String> = serde_json::from_str(text).map_err(|e| NerError::Format {
            origin: "zxcvbn list".into(),
            line: e.line(),
            message: format!("not a JSON list of strings: {e}"),
        })?;
        Ok(words.into_iter().map(|w| w.to_lowercase()).collect())
    };
    let mut lists: Vec<(&str, BTreeSet<String>)> = Vec::new();

    let first_exceptions: BTreeSet<String> = lines(&read("deduce/src/names/lst_first_name/exceptions.txt")?).into_iter().collect();
    let mut first: BTreeSet<String> = lines(&read("deduce/src/names/lst_first_name/items.txt")?).into_iter().collect();
    first.extend(json_words(&read("npm-zxcvbn-nl-be/boysFirstnames.json")?)?);
    first.extend(json_words(&read("npm-zxcvbn-nl-be/girlsFirstnames.json")?)?);
    first.retain(|w| !first_exceptions.contains(w) && w.chars().count() > 1);
    lists.push(("first-names.txt", first));

    let mut surnames: BTreeSet<String> = lines(&read("deduce/src/names/lst_surname/items.txt")?).into_iter().collect();
    surnames.extend(lines(&read("deduce/src/names/lst_interfix_surname/items.txt")?));
    surnames.extend(json_words(&read("npm-zxcvbn-nl-be/lastnames.json")?)?);
    surnames.retain(|w| w.chars().count() > 1);
    lists.push(("surnames.txt", surnames));

    lists.push(("name-particles.txt", lines(&read("deduce/src/names/lst_interfix/items.txt")?).into_iter().collect()));

    let mut countries = BTreeSet::new();
    for row in read("iso-codes/countries_nl.tsv")?.lines().skip(1) {
        for name in row.split('\t').skip(2) {
            if !name.trim().is_empty() {
                countries.insert(name.trim().to_lowercase());
            }
        }
    }
    lists.push(("countries.txt", countries));

    let mut places = BTreeSet::new();
    for row in read("iso-codes/subdivisions_nl.tsv")?.lines().skip(1) {
        for name in row.split('\t').skip(2) {
            if !name.trim().is_empty() {
                places.insert(name.trim().to_lowercase());
            }
        }
    }
    for list in ["lst_residence", "lst_municipality", "lst_province", "lst_region"] {
        places.extend(lines(&read(&format!("deduce/src/locations/lst_placename/{list}/items.txt"))?));
    }
    lists.push(("places.txt", places));

    let opentaal = read("opentaal/wdutch-words.txt")?;
    let single = |w: &&str| !w.contains(' ') && !w.is_empty();
    let proper: BTreeSet<String> = opentaal.lines().filter(single).filter(|w| w.chars().next().is_some_and(char::is_uppercase)).map(str::to_lowercase).collect();
    let lower: BTreeSet<String> = opentaal.lines().filter(single).filter(|w| w.chars().next().is_some_and(char::is_lowercase)).map(str::to_string).collect();
    lists.push(("proper-words.txt", proper));
    lists.push(("lower-words.txt", lower));

    let common: BTreeSet<String> = json_words(&read("npm-zxcvbn-nl-be/commonWords.json")?)?.into_iter().take(3000).collect();
    lists.push(("common-words.txt", common));
    lists.push(("roles.txt", ROLE_NOUNS.iter().map(|s| s.to_string()).collect()));

    std::fs::create_dir_all(out_dir).map_err(|source| NerError::Io { path: out_dir.display().to_string(), source })?;
    let mut written = Vec::new();
    for (file, entries) in lists {
        let path = out_dir.join(file);
        let mut text = String::with_capacity(entries.len() * 10);
        for e in &entries {
            text.push_str(e);
            text.push('\n');
        }
        std::fs::write(&path, text).map_err(|source| NerError::Io { path: path.display().to_string(), source })?;
        written.push((file.to_string(), entries.len()));
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_and_flags_round_trip() {
        let mut lex = Lexicon::default();
        lex.insert("verenigde staten", flag::COUNTRY);
        lex.insert("Jorien", flag::FIRST_NAME);
        lex.insert("jorien", flag::SURNAME);
        assert_eq!(lex.flags_of("Verenigde Staten"), flag::COUNTRY);
        assert_eq!(lex.word_flags("JORIEN"), flag::FIRST_NAME | flag::SURNAME);
        assert_eq!(lex.word_flags("staten"), 0);
        let bytes = lex.to_bytes();
        let (back, used) = Lexicon::from_bytes(&bytes).unwrap();
        assert_eq!(used, bytes.len());
        assert_eq!(back.flags_of("verenigde staten"), flag::COUNTRY);
        assert_eq!(back.len(), 2);
        assert!(back.name_classes.is_empty());
    }

    #[test]
    fn name_classes_travel_with_the_lexicon() {
        use crate::entities::name_classes::{Embeddings, NameClasses};
        let embeddings = Embeddings { words: vec!["Kiev".into(), "Philips".into()], dim: 2, vectors: vec![1.0, 0.0, 0.0, 1.0] };
        let mut lex = Lexicon::default();
        lex.insert("kiev", flag::PLACE);
        lex.name_classes = NameClasses::learn(&embeddings, [2, 2], 1, &Default::default());
        let bytes = lex.to_bytes();
        let (back, used) = Lexicon::from_bytes(&bytes).unwrap();
        assert_eq!(used, bytes.len());
        assert_eq!(back.name_classes, lex.name_classes);
        assert_ne!(back.name_classes.classes_of("Kiev"), back.name_classes.classes_of("Philips"));
        assert_eq!(back.word_flags("Kiev"), flag::PLACE);
    }
}
