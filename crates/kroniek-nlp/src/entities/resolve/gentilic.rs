//! Gentilic adjectives (Russisch, Russische, Amerikaanse …) and the country each points at.
//! The table is the project's own list of common Dutch forms.

/// (adjective stem as written in its uninflected form, country in Dutch).
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
];

/// The country a gentilic adjective points at ("Russische" → "Rusland"), in either the
/// uninflected or the -e form, any case; `None` for other words.
pub fn country_of_gentilic(word: &str) -> Option<&'static str> {
    if !word.chars().next().is_some_and(char::is_alphabetic) || word.len() < 4 {
        return None;
    }
    forms().get(word.to_lowercase().as_str()).copied()
}

/// Every lowercase form (uninflected and -e) of every gentilic, built once: this lookup runs
/// for every capitalised token, so it must not allocate per table entry.
fn forms() -> &'static std::collections::HashMap<String, &'static str> {
    static FORMS: std::sync::OnceLock<std::collections::HashMap<String, &'static str>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms = std::collections::HashMap::new();
        for (stem, country) in GENTILICS {
            let stem = stem.to_lowercase();
            let inflected = match stem.strip_suffix("ees") {
                Some(base) => format!("{base}ese"),
                None => format!("{stem}e"),
            };
            forms.entry(inflected).or_insert(*country);
            forms.entry(stem).or_insert(*country);
        }
        forms
    })
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
    }
}
