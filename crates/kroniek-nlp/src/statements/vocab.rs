//! Closed word classes of Dutch that statement finding needs: pronouns, determiners, name
//! particles, adverbs and prepositions that start a clause, auxiliaries, role nouns, and the
//! plural nouns that name groups of people. All lists take lowercase words.

/// Personal pronouns that can be a speaker (subject forms) and the object forms after volgens.
pub fn is_person_pronoun(w: &str) -> bool {
    matches!(w, "hij" | "zij" | "ze" | "hem" | "haar" | "hen" | "hun" | "zijzelf" | "hijzelf")
}

/// Plural-capable pronouns (ze, zij, hen, hun).
pub fn is_plural_pronoun(w: &str) -> bool {
    matches!(w, "ze" | "zij" | "hen" | "hun")
}

/// First- and second-person pronouns: in running text they are the reporter or the reader.
pub fn is_local_pronoun(w: &str) -> bool {
    matches!(w, "ik" | "wij" | "we" | "jij" | "je" | "u" | "mij" | "me" | "ons" | "jullie")
}

/// Relative pronouns that point back to the noun phrase before the comma.
pub fn is_relative_pronoun(w: &str) -> bool {
    matches!(w, "die" | "wie")
}

/// Articles, demonstratives and possessives that open a noun phrase.
pub fn is_determiner(w: &str) -> bool {
    matches!(w, "de" | "het" | "een" | "deze" | "die" | "dit" | "dat" | "zijn" | "haar" | "hun" | "diens" | "wiens" | "enkele" | "twee" | "drie" | "vier" | "veel" | "meerdere" | "verschillende" | "sommige" | "andere" | "alle" | "beide")
}

/// Lowercase particles inside personal names (van, de, der, ter ...).
pub fn is_name_particle(w: &str) -> bool {
    matches!(w, "van" | "de" | "der" | "den" | "ter" | "ten" | "te" | "'t" | "’t" | "von" | "zu" | "di" | "da" | "du" | "le" | "la" | "el" | "al" | "bin" | "ben" | "dos" | "das" | "del" | "della" | "op" | "in")
}

/// Coordinating conjunctions that can open a clause without its own subject.
pub fn is_coordinator(w: &str) -> bool {
    matches!(w, "en" | "maar" | "doch" | "want" | "dus" | "of")
}

/// Subordinating conjunctions and relative adverbs that open a clause before its subject.
pub fn is_subordinator(w: &str) -> bool {
    matches!(w, "omdat" | "nadat" | "terwijl" | "toen" | "hoewel" | "ofschoon" | "doordat" | "zodat" | "als" | "wanneer" | "nu" | "waarbij" | "waarop" | "waarin" | "waarmee" | "waarna" | "zoals" | "voordat" | "sinds" | "opdat" | "indien" | "tenzij")
}

/// Auxiliaries and modals that carry the finite verb of a clause with a participle or infinitive.
pub fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "heeft" | "hebben" | "had" | "hadden" | "heb" | "hebt" | "is" | "zijn" | "was" | "waren" | "wil" | "wilde" | "wilden" | "willen" | "wou"
            | "zal" | "zullen" | "zou" | "zouden" | "kan" | "kon" | "konden" | "kunnen" | "moet" | "moest" | "moesten" | "moeten"
            | "wordt" | "worden" | "werd" | "werden" | "mag" | "mocht" | "mochten" | "mogen" | "durfde" | "durft" | "blijft" | "bleef" | "liet" | "laat"
    )
}

/// Adverbs, prepositions and time words: never part of a speaker's noun phrase, even when
/// capitalised at the start of a sentence.
pub fn is_adverbial(w: &str) -> bool {
    is_time_word(w)
        || is_preposition(w)
        || matches!(
            w,
            "ook" | "toch" | "daarom" | "daarnaast" | "bovendien" | "intussen" | "ondertussen" | "eerder" | "later" | "nu" | "toen"
                | "daar" | "hier" | "er" | "al" | "nog" | "wel" | "niet" | "echter" | "dan" | "zo" | "volgens" | "aldus" | "verder"
                | "tevens" | "eveneens" | "vervolgens" | "daarop" | "daarbij" | "inmiddels" | "opnieuw" | "nogmaals" | "zelf"
                | "zelfs" | "alleen" | "vooral" | "wellicht" | "misschien" | "duidelijk" | "eerst" | "ten" | "sindsdien"
                | "onlangs" | "recent" | "kort" | "meteen" | "direct" | "daarmee" | "daardoor" | "desondanks" | "evenwel"
                | "enerzijds" | "anderzijds" | "dat" | "dit" | "wat" | "hoe" | "waarom" | "waar" | "ja" | "nee"
        )
}

/// Words for a time ("gisteren", "maandag", "vanmiddag").
pub fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "gisteren" | "vandaag" | "morgen" | "eergisteren" | "overmorgen" | "vanochtend" | "vanmorgen" | "vanmiddag" | "vanavond"
            | "vannacht" | "zojuist" | "net" | "onlangs" | "eerder" | "destijds" | "maandag" | "dinsdag" | "woensdag" | "donderdag"
            | "vrijdag" | "zaterdag" | "zondag" | "gisteravond" | "gistermiddag" | "gisterochtend" | "maandagavond" | "vorige"
            | "afgelopen" | "vorig" | "begin" | "eind" | "half" | "medio" | "jaren" | "weken" | "dagen"
    )
}

/// Prepositions.
pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "op" | "aan" | "bij" | "met" | "naar" | "na" | "tijdens" | "voor" | "tegen" | "over" | "onder" | "door" | "uit"
            | "om" | "tot" | "sinds" | "zonder" | "namens" | "via" | "vanuit" | "binnen" | "buiten" | "tussen" | "rond" | "rondom"
            | "achter" | "naast" | "vanaf" | "richting" | "ondanks" | "wegens" | "vanwege" | "per" | "tegenover" | "jegens"
    )
}

/// Verbs of the article's own prose that end a noun phrase (frequent finite forms).
pub fn is_common_verb(w: &str) -> bool {
    is_auxiliary(w)
        || matches!(w, "gaat" | "ging" | "komt" | "kwam" | "staat" | "stond" | "ligt" | "lag" | "houdt" | "hield" | "blijkt" | "bleek" | "lijkt" | "leek" | "wordt")
}

/// Role and title nouns (heads of role phrases such as "de Russische president").
/// A closed compound counts when it ends in a role noun of at least 5 bytes after at least 3
/// bytes of its own ("defensieminister", "oppositieleider").
pub fn is_role_noun(w: &str) -> bool {
    let head = role_head(w);
    let roles = role_noun_set();
    roles.contains(head)
        || head.char_indices().any(|(k, _)| k >= 3 && head.len() - k >= 5 && roles.contains(&head[k..]))
}

fn role_noun_set() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| ROLE_NOUNS.iter().copied().collect())
}

/// The head of a role compound: the last hyphen part, keeping "secretaris-generaal" and
/// "minister-president" whole.
pub fn role_head(w: &str) -> &str {
    for whole in ["secretaris-generaal", "minister-president", "procureur-generaal", "directeur-generaal", "advocaat-generaal", "vicepremier", "vice-premier"] {
        if w.ends_with(whole) {
            return &w[w.len() - whole.len()..];
        }
    }
    w.rsplit('-').next().unwrap_or(w)
}

const ROLE_NOUNS: &[&str] = &[
    "minister", "premier", "president", "minister-president", "secretaris-generaal", "kanselier", "staatssecretaris",
    "burgemeester", "wethouder", "gouverneur", "commissaris", "woordvoerder", "woordvoerster", "zegsman", "zegsvrouw",
    "voorzitter", "voorzitster", "directeur", "directrice", "topman", "topvrouw", "baas", "chef", "leider", "leidster",
    "hoofd", "voorman", "voorvrouw", "kopstuk", "ceo", "topbestuurder", "bestuurder", "ambassadeur", "diplomaat", "gezant",
    "generaal", "commandant", "bevelhebber", "opperbevelhebber", "kolonel", "admiraal", "koning", "koningin", "prins",
    "paus", "bisschop", "rechter", "officier", "advocaat", "aanklager", "procureur-generaal", "hoogleraar", "professor",
    "onderzoeker", "onderzoekster", "deskundige", "expert", "analist", "econoom", "wetenschapper", "politicus", "senator",
    "kamerlid", "europarlementariër", "fractievoorzitter", "partijleider", "lijsttrekker", "regeringsleider",
    "staatshoofd", "vicepremier", "vice-premier", "vicepresident", "oprichter", "eigenaar", "trainer", "coach",
    "bondscoach", "aanvoerder", "agent", "inspecteur", "journalist", "correspondent", "verslaggever", "auteur",
    "schrijver", "arts", "dokter", "burgervader", "dictator", "machthebber", "opvolger", "voorganger", "collega",
    "directeur-generaal", "adviseur", "raadsman", "bewoner", "ooggetuige", "getuige", "zoon", "dochter", "vader", "moeder",
];

/// Role heads that all mean "the one who leads" and may stand for each other
/// ("de Navo-baas" for the secretary general, "de Russische leider" for the president).
pub fn is_leader_role(head: &str) -> bool {
    matches!(
        head,
        "leider" | "leidster" | "baas" | "chef" | "topman" | "topvrouw" | "hoofd" | "voorman" | "voorvrouw" | "kopstuk" | "president"
            | "premier" | "minister-president" | "secretaris-generaal" | "kanselier" | "voorzitter" | "voorzitster" | "directeur"
            | "directrice" | "ceo" | "topbestuurder" | "regeringsleider" | "staatshoofd" | "machthebber" | "dictator" | "koning"
            | "koningin" | "burgervader" | "burgemeester" | "partijleider" | "fractievoorzitter"
    )
}

/// Plural nouns naming a group of people ("functionarissen", "critici", "de Britten").
pub fn is_people_plural(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "functionarissen", "leiders", "critici", "politici", "experts", "deskundigen", "ingewijden", "betrokkenen", "bronnen",
        "insiders", "diplomaten", "ministers", "leden", "kamerleden", "partijen", "landen", "lidstaten", "bondgenoten",
        "autoriteiten", "officials", "ambtenaren", "militairen", "soldaten", "artsen", "wetenschappers", "economen",
        "analisten", "onderzoekers", "bewoners", "omwonenden", "ouders", "boeren", "vakbonden", "werkgevers", "werknemers",
        "demonstranten", "activisten", "tegenstanders", "voorstanders", "aanhangers", "kiezers", "burgers", "inwoners",
        "medewerkers", "woordvoerders", "getuigen", "ooggetuigen", "juristen", "advocaten", "rechters", "generaals",
        "commandanten", "regeringen", "kabinetten", "fracties", "oppositiepartijen", "coalitiepartijen", "waarnemers",
        "kenners", "specialisten", "beleggers", "handelaren", "ondernemers", "gemeenten", "provincies", "bestuurders",
        "burgemeesters", "wethouders", "topmannen", "leiders", "europarlementariërs", "senatoren", "journalisten",
    ];
    if WORDS.contains(&w) {
        return true;
    }
    let head = w.rsplit('-').next().unwrap_or(w);
    WORDS.contains(&head)
        || (head.len() > 7 && head.ends_with("ers") && !head.ends_with("eers"))
        || ["isten", "ologen", "ici", "anten", "enten", "deskundigen", "woordvoerders", "functionarissen", "leiders", "ministers", "bonden", "partijen", "organisaties"]
            .iter()
            .any(|s| head.len() > s.len() && head.ends_with(s))
}

/// Singular collective nouns that can speak as one ("het kabinet", "de regering", "de politie").
pub fn is_collective_noun(w: &str) -> bool {
    let head = w.rsplit('-').next().unwrap_or(w);
    const INSTITUTION_HEADS: &[&str] = &[
        "regio", "dienst", "bureau", "instituut", "centrum", "autoriteit", "inspectie", "ministerie", "comité", "korps",
        "federatie", "vereniging", "stichting", "maatschappij", "bedrijf", "organisatie", "politie", "brandweer",
        "gemeente", "waterschap", "rechtbank", "raad", "bond", "partij", "bank", "fonds", "omroep",
    ];
    if INSTITUTION_HEADS.iter().any(|h| head.len() > h.len() + 2 && head.ends_with(h)) {
        return true;
    }
    matches!(
        head,
        "kabinet" | "regering" | "ministerie" | "politie" | "gemeente" | "provincie" | "partij" | "bond" | "vakbond" | "bedrijf"
            | "rechtbank" | "hof" | "leger" | "krijgsmacht" | "alliantie" | "bondgenootschap" | "kremlin" | "parlement"
            | "kamer" | "senaat" | "commissie" | "raad" | "organisatie" | "fractie" | "oppositie" | "coalitie" | "justitie"
            | "inspectie" | "toezichthouder" | "club" | "ziekenhuis" | "universiteit" | "school" | "omroep" | "krant"
            | "woordvoering" | "delegatie" | "werkgroep" | "directie" | "top" | "overheid" | "staat" | "unie"
    )
}

/// Nouns that introduce a title or name in quote marks ("de oefening ‘Steadfast Noon’").
pub fn is_naming_noun(w: &str) -> bool {
    let head = w.rsplit('-').next().unwrap_or(w);
    matches!(
        head,
        "operatie" | "oefening" | "programma" | "boek" | "film" | "serie" | "campagne" | "project"
            | "zogenoemde" | "zogeheten" | "zogenaamde" | "getiteld" | "genaamd" | "titel" | "motto" | "slogan" | "hashtag"
            | "term" | "woord" | "begrip" | "naam" | "album" | "lied" | "nummer" | "voorstelling" | "tentoonstelling"
            | "missie" | "schip" | "zgn" | "bijnaam"
            | "krant" | "tijdschrift" | "rubriek" | "column" | "podcast" | "app" | "website"
    )
}

/// Nouns of a conventional emphasis object ("het belang van", "de noodzaak om").
pub fn is_emphasis_noun(w: &str) -> bool {
    matches!(w, "belang" | "noodzaak" | "urgentie" | "nut" | "waarde" | "rol" | "behoefte" | "zorgen" | "zorg" | "ernst")
}

/// Abbreviations after which a full stop does not end a sentence.
pub fn is_abbreviation(w: &str) -> bool {
    matches!(w, "dhr" | "mevr" | "mr" | "dr" | "drs" | "ir" | "ing" | "prof" | "bijv" | "ca" | "nr" | "jl" | "st" | "vs" | "o.a" | "a" | "m" | "mw" | "red" | "zgn" | "evt" | "etc" | "resp" | "vz" | "gen" | "kol" | "lt")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_nouns_include_closed_compounds_with_a_long_role_head() {
        for role in ["minister", "ceo", "oud-premier", "defensieminister", "oppositieleider", "NAVO-secretaris-generaal"] {
            assert!(is_role_noun(&role.to_lowercase()), "{role}");
        }
        // A short role noun ("ceo", "baas") only counts as the whole word; the compound needs
        // at least 3 bytes before the role noun.
        for other in ["oceo", "weekbaas", "abminister", "mister", "ministerie", "raket"] {
            assert!(!is_role_noun(other), "{other}");
        }
    }
}
