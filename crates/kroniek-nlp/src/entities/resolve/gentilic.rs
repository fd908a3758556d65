//! Gentilic adjectives (Russisch, Russische, Amerikaanse, Europese …) and the country, region
//! or continent each points at. The table is the project's own list of common Dutch forms;
//! compass-prefixed forms ("Oost-Duitse", "West-Europese") are derived from it.

/// (adjective stem as written in its uninflected form, country or region in Dutch).
const GENTILICS: &[(&str, &str)] = &[
    ("Afghaans", "Afghanistan"), ("Albanees", "Albanië"), ("Algerijns", "Algerije"),
    ("Amerikaans", "Verenigde Staten"), ("Argentijns", "Argentinië"), ("Armeens", "Armenië"),
    ("Australisch", "Australië"), ("Azerbeidzjaans", "Azerbeidzjan"), ("Belgisch", "België"),
    ("Bosnisch", "Bosnië en Herzegovina"), ("Braziliaans", "Brazilië"), ("Brits", "Verenigd Koninkrijk"),
    ("Bulgaars", "Bulgarije"), ("Canadees", "Canada"), ("Chileens", "Chili"), ("Chinees", "China"),
    ("Colombiaans", "Colombia"), ("Congolees", "Congo"), ("Cubaans", "Cuba"), ("Cypriotisch", "Cyprus"),
    ("Deens", "Denemarken"), ("Duits", "Duitsland"), ("Egyptisch", "Egypte"), ("Engels", "Engeland"),
    ("Ests", "Estland"), ("Ethiopisch", "Ethiopië"), ("Fins", "Finland"), ("Frans", "Frankrijk"),
    ("Georgisch", "Georgië"), ("Grieks", "Griekenland"), ("Hongaars", "Hongarije"), ("Iers", "Ierland"),
    ("IJslands", "IJsland"), ("Indiaas", "India"), ("Indonesisch", "Indonesië"), ("Iraaks", "Irak"),
    ("Iraans", "Iran"), ("Israëlisch", "Israël"), ("Italiaans", "Italië"), ("Japans", "Japan"),
    ("Jemenitisch", "Jemen"), ("Jordaans", "Jordanië"), ("Kazachs", "Kazachstan"), ("Keniaans", "Kenia"),
    ("Kroatisch", "Kroatië"), ("Letlands", "Letland"), ("Lets", "Letland"), ("Libanees", "Libanon"),
    ("Libisch", "Libië"), ("Litouws", "Litouwen"), ("Luxemburgs", "Luxemburg"), ("Marokkaans", "Marokko"),
    ("Mexicaans", "Mexico"), ("Moldavisch", "Moldavië"), ("Nederlands", "Nederland"),
    ("Nigeriaans", "Nigeria"), ("Noord-Koreaans", "Noord-Korea"), ("Noors", "Noorwegen"),
    ("Oekraïens", "Oekraïne"), ("Oostenrijks", "Oostenrijk"), ("Pakistaans", "Pakistan"),
    ("Palestijns", "Palestina"), ("Peruaans", "Peru"), ("Pools", "Polen"), ("Portugees", "Portugal"),
    ("Roemeens", "Roemenië"), ("Russisch", "Rusland"), ("Rwandees", "Rwanda"),
    ("Saoedisch", "Saoedi-Arabië"), ("Saudisch", "Saoedi-Arabië"), ("Schots", "Schotland"),
    ("Servisch", "Servië"), ("Sloveens", "Slovenië"), ("Slowaaks", "Slowakije"), ("Spaans", "Spanje"),
    ("Syrisch", "Syrië"), ("Taiwanees", "Taiwan"), ("Thais", "Thailand"), ("Tsjechisch", "Tsjechië"),
    ("Tunesisch", "Tunesië"), ("Turks", "Turkije"), ("Venezolaans", "Venezuela"),
    ("Vietnamees", "Vietnam"), ("Wit-Russisch", "Belarus"), ("Zuid-Afrikaans", "Zuid-Afrika"),
    ("Zuid-Koreaans", "Zuid-Korea"), ("Zweeds", "Zweden"), ("Zwitsers", "Zwitserland"),
    ("Belarussisch", "Belarus"), ("Filipijns", "Filipijnen"), ("Ghanees", "Ghana"), ("Koeweits", "Koeweit"),
    ("Kosovaars", "Kosovo"), ("Maleisisch", "Maleisië"), ("Malinees", "Mali"), ("Montenegrijns", "Montenegro"),
    ("Nieuw-Zeelands", "Nieuw-Zeeland"), ("Qatarees", "Qatar"), ("Senegalees", "Senegal"),
    ("Soedanees", "Soedan"), ("Somalisch", "Somalië"), ("Tsjetsjeens", "Tsjetsjenië"),
    ("Vlaams", "Vlaanderen"), ("Waals", "Wallonië"),
    // Continents and regions: "Europese leiders" points at Europa as "Russische" at Rusland.
    ("Afrikaans", "Afrika"), ("Aziatisch", "Azië"), ("Europees", "Europa"),
    ("Latijns-Amerikaans", "Latijns-Amerika"), ("Midden-Amerikaans", "Midden-Amerika"),
    ("Midden-Oosters", "Midden-Oosten"), ("Noord-Amerikaans", "Noord-Amerika"),
    ("Zuid-Amerikaans", "Zuid-Amerika"),
];

/// Compass prefixes that make a region of a one-word country or continent ("Oost-Europese" →
/// Oost-Europa, "Noord-Syrische" → Noord-Syrië).
const COMPASS_PREFIXES: &[&str] = &["Noord", "Oost", "Zuid", "West", "Midden", "Centraal", "Zuidoost", "Noordoost", "Zuidwest", "Noordwest"];

/// The country a gentilic adjective points at ("Russische" → "Rusland"), in either the
/// uninflected or the -e form, capitalised as Dutch writes them (the rest in any case);
/// `None` for other words. Lower-case words return at once: this runs for every word.
pub fn country_of_gentilic(word: &str) -> Option<&'static str> {
    if !word.chars().next().is_some_and(char::is_uppercase) || word.len() < 4 {
        return None;
    }
    forms().get(word.to_lowercase().as_str()).map(String::as_str)
}

/// Every lowercase form (uninflected and -e) of every gentilic and of its compass-prefixed
/// regions, built once: this lookup runs for every capitalised token, so it must not allocate
/// per table entry. A form listed in the table wins over a derived one ("Noord-Amerikaans" is
/// Noord-Amerika, not the north of the Verenigde Staten).
fn forms() -> &'static std::collections::HashMap<String, String> {
    static FORMS: std::sync::OnceLock<std::collections::HashMap<String, String>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms = std::collections::HashMap::new();
        for (stem, country) in GENTILICS {
            add_forms(&mut forms, stem, country.to_string());
        }
        for (stem, country) in GENTILICS.iter().filter(|(stem, country)| !stem.contains('-') && !country.contains([' ', '-'])) {
            for prefix in COMPASS_PREFIXES {
                add_forms(&mut forms, &format!("{prefix}-{stem}"), format!("{prefix}-{country}"));
            }
        }
        forms
    })
}

/// Adds the uninflected and the -e form of one gentilic, unless already there.
fn add_forms(forms: &mut std::collections::HashMap<String, String>, stem: &str, country: String) {
    let stem = stem.to_lowercase();
    let inflected = match stem.strip_suffix("ees") {
        Some(base) => format!("{base}ese"),
        None => format!("{stem}e"),
    };
    forms.entry(inflected).or_insert_with(|| country.clone());
    forms.entry(stem).or_insert(country);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gentilics_map_to_countries() {
        assert_eq!(country_of_gentilic("Russische"), Some("Rusland"));
        assert_eq!(country_of_gentilic("Russisch"), Some("Rusland"));
        assert_eq!(country_of_gentilic("Amerikaanse"), Some("Verenigde Staten"));
        assert_eq!(country_of_gentilic("Chinese"), Some("China"));
        assert_eq!(country_of_gentilic("Oekraïense"), Some("Oekraïne"));
        assert_eq!(country_of_gentilic("Britse"), Some("Verenigd Koninkrijk"));
        assert_eq!(country_of_gentilic("Rusland"), None);
        assert_eq!(country_of_gentilic("Fransen"), None);
        assert_eq!(country_of_gentilic("RUSSISCHE"), Some("Rusland"));
        assert_eq!(country_of_gentilic("russische"), None, "Dutch capitalises gentilics");
    }

    #[test]
    fn continents_and_compass_regions() {
        assert_eq!(country_of_gentilic("Europese"), Some("Europa"));
        assert_eq!(country_of_gentilic("Oost-Europese"), Some("Oost-Europa"));
        assert_eq!(country_of_gentilic("Noord-Syrische"), Some("Noord-Syrië"));
        assert_eq!(country_of_gentilic("Noord-Amerikaanse"), Some("Noord-Amerika"));
        assert_eq!(country_of_gentilic("Zuid-Afrikaanse"), Some("Zuid-Afrika"));
        assert_eq!(country_of_gentilic("Noord-Koreaanse"), Some("Noord-Korea"));
        assert_eq!(country_of_gentilic("Oost-Britse"), None, "no compass form of a two-word country");
        assert_eq!(country_of_gentilic("Oost-Europa"), None);
    }
}
