//! Attribution patterns on fictional sentences (people and organisations made up).

use super::*;

fn run(text: &str) -> Vec<(String, String, String)> {
    let layers = kroniek_text::analyze(text);
    let (mentions, entities) = crate::entities::EntityRecognizer::embedded().recognize(text, &layers);
    extract_statements(text, &layers, &mentions, &entities)
        .into_iter()
        .map(|s| (s.kind.as_str().to_string(), s.speaker.name, s.content.text(text).to_string()))
        .collect()
}

fn has(found: &[(String, String, String)], kind: &str, speaker_word: &str, text: &str) -> bool {
    found.iter().any(|(k, s, t)| k == kind && s.contains(speaker_word) && t == text)
}

#[test]
fn direct_quote_with_verb_after() {
    let f = run("Het dorp Ruisweide kreeg bezoek.\n\n,,We bouwen de brug opnieuw”, zei burgemeester Anouk Terlinden.");
    assert!(has(&f, "direct", "Terlinden", "We bouwen de brug opnieuw"), "{f:?}");
}

#[test]
fn direct_quote_with_aldus_and_pronoun() {
    let t = "Minister Joost Ravelijn bezocht het havengebied.\n\n“Dit kan zo niet langer,” zei hij. “We moeten ingrijpen.”\n\n‘Het water staat hoog’, aldus Ravelijn.";
    let f = run(t);
    assert!(has(&f, "direct", "Ravelijn", "Dit kan zo niet langer,"), "{f:?}");
    assert!(has(&f, "direct", "Ravelijn", "We moeten ingrijpen."), "{f:?}");
    assert!(has(&f, "direct", "Ravelijn", "Het water staat hoog"), "{f:?}");
}

#[test]
fn speaker_before_colon() {
    let f = run("De voorzitter van de Fietsbond, Kees Olderhof, reageerde fel. Olderhof zei: \"Dit plan deugt niet.\"\n\nWethouder Sanne Brink: \"Wij houden vast aan het plan.\"");
    assert!(has(&f, "direct", "Olderhof", "Dit plan deugt niet."), "{f:?}");
    assert!(has(&f, "direct", "Brink", "Wij houden vast aan het plan."), "{f:?}");
}

#[test]
fn split_particle_cue_and_continuation() {
    let t = "Trainer Bas Hommerts keek terug op het seizoen. ,,Het was zwaar”, gaat hij verder. ,,Maar we zijn gebleven.”\n\n,,Volgend jaar willen we meer.”";
    let f = run(t);
    assert!(has(&f, "direct", "Hommerts", "Het was zwaar"), "{f:?}");
    assert!(has(&f, "direct", "Hommerts", "Maar we zijn gebleven."), "{f:?}");
    assert!(has(&f, "direct", "Hommerts", "Volgend jaar willen we meer."), "{f:?}");
}

#[test]
fn reported_speech_with_dat_clause() {
    let t = "Directeur Lotte Vermaas van de Waterunie zei dat de dijken dit jaar worden versterkt. Ze benadrukte dat er geld genoeg is.";
    let f = run(t);
    assert!(has(&f, "indirect", "Vermaas", "de dijken dit jaar worden versterkt"), "{f:?}");
    assert!(has(&f, "indirect", "Vermaas", "er geld genoeg is"), "{f:?}");
}

#[test]
fn volgens_at_start_and_aldus_at_end() {
    let t = "Volgens econoom Pieter Wolthuis gaan de prijzen in het najaar omlaag. De markt herstelt zich langzaam, aldus Wolthuis.";
    let f = run(t);
    assert!(has(&f, "indirect", "Wolthuis", "gaan de prijzen in het najaar omlaag"), "{f:?}");
    assert!(has(&f, "indirect", "Wolthuis", "De markt herstelt zich langzaam"), "{f:?}");
}

#[test]
fn clause_before_zei_x() {
    let t = "De gemeente gaat de school niet sluiten, zei wethouder Marit Doornbos gisteren in de raad.";
    let f = run(t);
    assert!(has(&f, "indirect", "Doornbos", "De gemeente gaat de school niet sluiten"), "{f:?}");
}

#[test]
fn partial_quotes_in_reporting_sentences() {
    let t = "Oppositieleider Frans Kolkman noemt het plan ‘volstrekt onhaalbaar’. De Liga zal ‘elke euro’ terugbetalen, aldus Kolkman.";
    let f = run(t);
    assert!(has(&f, "partial", "Kolkman", "volstrekt onhaalbaar"), "{f:?}");
    assert!(has(&f, "partial", "Kolkman", "elke euro"), "{f:?}");
    assert!(!f.iter().any(|(k, _, _)| k == "indirect"), "a partial quote carries the statement: {f:?}");
}

#[test]
fn titles_apostrophes_and_scare_quotes_are_not_statements() {
    let t = "De marine hield de oefening ‘Stille Golf’ bij de kust. De risico’s van zo’n oefening zijn klein. Het ‘nieuwe normaal’ is begonnen.";
    let f = run(t);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn groups_and_roles_as_speakers() {
    let t = "De Noordlandse premier Edda Sundqvist opende de top. Westerse diplomaten waarschuwden dat de gesprekken lang kunnen duren. De premier benadrukte dat haar land geduld heeft.";
    let f = run(t);
    assert!(has(&f, "indirect", "Westerse diplomaten", "de gesprekken lang kunnen duren"), "{f:?}");
    assert!(has(&f, "indirect", "Sundqvist", "haar land geduld heeft"), "{f:?}");
}

#[test]
fn te_infinitive_and_prepositional_complements() {
    let t = "Minister Rolf Banninga heeft aangegeven de subsidie voor de veerdienst te willen verlengen, maar benadrukt dat de provincie moet meebetalen. Vakbondsleider Ilse Maarsman riep op tot een staking in de havens.";
    let f = run(t);
    assert!(has(&f, "indirect", "Banninga", "de subsidie voor de veerdienst te willen verlengen"), "{f:?}");
    assert!(has(&f, "indirect", "Banninga", "de provincie moet meebetalen"), "{f:?}");
    assert!(has(&f, "indirect", "Maarsman", "tot een staking in de havens"), "{f:?}");
}

#[test]
fn demonstrative_dat_is_not_a_clause() {
    let f = run("Havenmeester Joris Lakeman zei dat gisteren na afloop van een overleg in Delfzijl.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn quote_over_paragraphs_shares_its_speaker() {
    let t = "Kapitein Wendela Hoogstraten vertelde over de reis.\n\n,,Eerst was er storm.\n\n,,Daarna werd het stil”, zei ze.";
    let f = run(t);
    assert!(has(&f, "direct", "Hoogstraten", "Eerst was er storm."), "{f:?}");
    assert!(has(&f, "direct", "Hoogstraten", "Daarna werd het stil"), "{f:?}");
}

#[test]
fn dat_zei_x_after_a_quote() {
    let t = "De veerpont vaart weer.\n\n,,De reparatie is klaar.” Dat zei schipper Gert Valkema vanochtend.";
    let f = run(t);
    assert!(has(&f, "direct", "Valkema", "De reparatie is klaar."), "{f:?}");
}

#[test]
fn lead_sentence_then_dat_heeft_x_gezegd() {
    let t = "De brug over de Lange Vaart gaat in mei dicht voor onderhoud. Dat heeft gedeputeerde Ilse Maarsman van de provincie woensdag gezegd.";
    let f = run(t);
    assert!(has(&f, "indirect", "Maarsman", "De brug over de Lange Vaart gaat in mei dicht voor onderhoud"), "{f:?}");
}

#[test]
fn apposition_and_brackets_between_subject_and_verb() {
    let t = "Pieter Wolthuis, woordvoerder van de Kustwacht, zei dat de zoektocht wordt gestaakt. Noor Vinke (Groen Noord) vindt dat het te vroeg is.";
    let f = run(t);
    assert!(has(&f, "indirect", "Wolthuis", "de zoektocht wordt gestaakt"), "{f:?}");
    assert!(has(&f, "indirect", "Vinke", "het te vroeg is"), "{f:?}");
}

#[test]
fn possessive_haar_is_not_a_pronoun() {
    let t = "Burgemeester Anouk Terlinden opende de brug. Haar Deense collega Lars Holmgaard zei dat de brug ‘een voorbeeld voor Europa’ is.";
    let f = run(t);
    assert!(has(&f, "partial", "Holmgaard", "een voorbeeld voor Europa"), "{f:?}");
}

#[test]
fn volgens_after_a_colon_and_klonk_het() {
    let t = "Havenmeester Joris Lakeman riep op tot kalmte: volgens hem is er geen gevaar voor de dijken.\n\n,,Er is geen reden tot paniek”, klonk het.";
    let f = run(t);
    assert!(has(&f, "indirect", "Lakeman", "tot kalmte"), "{f:?}");
    assert!(has(&f, "indirect", "Lakeman", "is er geen gevaar voor de dijken"), "{f:?}");
    assert!(has(&f, "direct", "Lakeman", "Er is geen reden tot paniek"), "{f:?}");
}

#[test]
fn summary_bullet_lists_are_skipped() {
    let t = "Kort\n- Minister Rolf Banninga zegt dat de veerdienst blijft.\n- De provincie betaalt mee.\nMinister Rolf Banninga zegt dat de veerdienst blijft varen tot 2030.";
    let f = run(t);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(has(&f, "indirect", "Banninga", "de veerdienst blijft varen tot 2030"), "{f:?}");
}

#[test]
fn plural_pronoun_takes_the_latest_group() {
    let t = "Omwonenden van de haven zijn boos.\n\nZij wijzen erop dat de geluidsoverlast al jaren duurt.";
    let f = run(t);
    assert!(has(&f, "indirect", "Omwonenden", "de geluidsoverlast al jaren duurt"), "{f:?}");
}

#[test]
fn noemen_with_object_and_predicate() {
    let t = "Oppositieleider Frans Kolkman noemt de nieuwe havenplannen onverantwoord duur.";
    let f = run(t);
    assert!(has(&f, "indirect", "Kolkman", "de nieuwe havenplannen onverantwoord duur"), "{f:?}");
}

#[test]
fn a_cue_inside_reported_words_is_not_a_second_statement() {
    let t = "Volgens ingewijden hebben twee gemeenten al laten weten niet mee te willen doen.";
    let f = run(t);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(has(&f, "indirect", "ingewijden", "hebben twee gemeenten al laten weten niet mee te willen doen"), "{f:?}");
}

#[test]
fn coordinated_clause_keeps_its_subject() {
    let t = "Rechter Mira Kalden zei dat de zaak ‘zorgvuldig’ is behandeld en wees erop dat hoger beroep mogelijk is.";
    let f = run(t);
    assert!(has(&f, "partial", "Kalden", "zorgvuldig"), "{f:?}");
    assert!(has(&f, "indirect", "Kalden", "hoger beroep mogelijk is"), "{f:?}");
}

#[test]
fn a_quote_split_by_its_attribution() {
    let t = "Trainer Bas Hommerts was tevreden. ,,We speelden goed,” aldus Hommerts, ,,maar we moeten scherper worden.”";
    let f = run(t);
    assert!(has(&f, "direct", "Hommerts", "We speelden goed,"), "{f:?}");
    assert!(has(&f, "direct", "Hommerts", "maar we moeten scherper worden."), "{f:?}");
}

#[test]
fn trailing_adverb_after_the_subject_and_a_field_after_a_role() {
    let t = "De boeren zelf spreken van een ‘onwerkbare regel’. «Dit kan niet langer», stelt hoogleraar landbouwrecht Femke van Dijk.";
    let f = run(t);
    assert!(has(&f, "partial", "boeren", "onwerkbare regel"), "{f:?}");
    assert!(has(&f, "direct", "Dijk", "Dit kan niet langer"), "{f:?}");
}

#[test]
fn demonstrative_dat_points_back_to_the_sentence_before() {
    let t = "De kustlijn wordt de komende tien jaar versterkt. Minister Ruben Staal schrijft dat in een brief aan de Kamer.";
    let f = run(t);
    assert!(has(&f, "indirect", "Staal", "De kustlijn wordt de komende tien jaar versterkt"), "{f:?}");
}

#[test]
fn a_particle_is_not_a_second_cue() {
    let t = "Zijn partij, de Vrije Bond, maakte intussen bekend dat Sander Kool lijsttrekker wordt.";
    let f = run(t);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(has(&f, "indirect", "Vrije Bond", "Sander Kool lijsttrekker wordt"), "{f:?}");
}

#[test]
fn a_headline_quote_after_a_name_is_direct() {
    let t = "Burgemeester Dros: ‘Avondklok is het laatste middel’\n\nBurgemeester Hanneke Dros van Zeewijk wil een avondklok. ‘Avondklok is het laatste middel’, zei ze.";
    let f = run(t);
    assert_eq!(f.iter().filter(|(k, s, t)| k == "direct" && s.contains("Dros") && t == "Avondklok is het laatste middel").count(), 2, "{f:?}");
}

#[test]
fn volgens_in_the_middle_takes_the_whole_sentence() {
    let t = "De dijk moet volgens waterschapsbestuurder Lies Brouwer binnen vijf jaar worden verhoogd. Dat staat volgens de laatste prognose vast.";
    let f = run(t);
    assert!(has(&f, "indirect", "Brouwer", "De dijk moet volgens waterschapsbestuurder Lies Brouwer binnen vijf jaar worden verhoogd"), "{f:?}");
    assert_eq!(f.len(), 1, "a forecast is no speaker: {f:?}");
}

#[test]
fn a_quote_inside_a_quote_is_a_statement_of_its_own() {
    let t = "Visser Jan Bakema vertelde over de storm. ,,Toen belde havenmeester Lakeman en zei hij: ‘Blijf binnen.’ Ik zei: ‘Dat kan niet.’”";
    let f = run(t);
    assert!(f.iter().any(|(k, s, t)| k == "direct" && s.contains("Bakema") && t.starts_with("Toen belde")), "{f:?}");
    assert!(has(&f, "direct", "Lakeman", "Blijf binnen."), "{f:?}");
    assert!(has(&f, "direct", "Bakema", "Dat kan niet."), "{f:?}");
}

#[test]
fn an_anonymous_witness_introduced_before_a_quote_speaks_it() {
    let t = "Brandweercommandant Yvonne Smits vertelt over de nacht. ,,Het was zwaar.”\n\nEen buurman van de loods zag de rook vanuit zijn tuin. ,,Ik dacht dat de hele straat afbrandde.”";
    let f = run(t);
    assert!(has(&f, "direct", "buurman van de loods", "Ik dacht dat de hele straat afbrandde."), "{f:?}");
}

#[test]
fn a_dateline_is_not_part_of_the_lead() {
    let t = "HEERLO - De brand in de loods aan de Kanaalweg is onder controle. Dat laat de veiligheidsregio weten.";
    let f = run(t);
    assert!(has(&f, "indirect", "veiligheidsregio", "De brand in de loods aan de Kanaalweg is onder controle"), "{f:?}");
}
