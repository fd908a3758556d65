//! Page residue: the parts of a crawled page that are not the article's prose. They are
//! marked, never deleted, so analyses can skip them while search can still reach them.
//!
//! The rules look at whole paragraphs (a line or block, as the splitter numbered them) and at
//! what residue looks like on any news site, not at the lines of particular samples:
//! - captions: a paragraph opening with a picture marker (`Volledig scherm`, `Foto:`), or a
//!   short paragraph ending in a photo credit;
//! - credits: a sentence opening with `©`, `Foto:`/`Beeld:` plus a name, or only agency names;
//! - read-more links: a paragraph opening with `Lees meer`, `Lees ook`, `Bekijk ook` …;
//! - navigation: a short line made only of interface words (`Meer`, `Delen`, `Volledig scherm`);
//! - timestamps and bylines: a short line without final punctuation holding a clock time with
//!   a separator or an edit word (`Aangepast`, `Bijgewerkt`), or a name with a newsroom role
//!   (`verslaggever`, `correspondent`) or `Door …`; and the crawl marker ` date 2024-09`;
//! - pull quotes: a paragraph opening with `Quote`/`Citaat`, or one whose words repeat in
//!   another paragraph nearby that reads more like prose (has quote marks, ends in a full stop).

use crate::{Residue, ResidueKind, Sentence, Span};

/// Longest paragraph (bytes) that is checked for line-level residue; article prose is longer.
const SHORT_PARAGRAPH: usize = 400;
/// How many paragraphs before and after a pull quote candidate are searched for its source.
const PULL_QUOTE_WINDOW: usize = 40;
/// Fewest letters a pull quote must share with its source.
const PULL_QUOTE_MIN_LETTERS: usize = 24;
/// Letters of a candidate compared with its source.
const PULL_QUOTE_KEY_LETTERS: usize = 48;

/// Marks page residue among `sentences` (setting their `residue` flag) and returns one
/// [`Residue`] per marked sentence, in text order.
pub fn mark_residue(text: &str, sentences: &mut [Sentence]) -> Vec<Residue> {
    let mut kinds: Vec<Option<ResidueKind>> = vec![None; sentences.len()];
    let paragraphs = paragraph_ranges(sentences);
    if let Some(first) = sentences.first() {
        if is_crawl_marker(first.span.text(text)) {
            kinds[0] = Some(ResidueKind::Timestamp);
        }
    }
    for range in &paragraphs {
        mark_paragraph(text, &sentences[range.clone()], &mut kinds[range.clone()]);
    }
    mark_pull_quotes(text, sentences, &paragraphs, &mut kinds);
    let mut residue = Vec::new();
    for (sentence, kind) in sentences.iter_mut().zip(kinds) {
        if let Some(kind) = kind {
            sentence.residue = true;
            residue.push(Residue {
                span: sentence.span,
                kind,
            });
        }
    }
    residue
}

/// Index ranges of the sentences of each paragraph.
fn paragraph_ranges(sentences: &[Sentence]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for i in 1..=sentences.len() {
        if i == sentences.len() || sentences[i].paragraph != sentences[start].paragraph {
            ranges.push(start..i);
            start = i;
        }
    }
    ranges
}

/// The text of a paragraph made of `sentences`.
fn paragraph_span(sentences: &[Sentence]) -> Span {
    Span::new(
        sentences[0].span.start,
        sentences[sentences.len() - 1].span.end,
    )
}

/// Applies the line-level rules to one paragraph.
fn mark_paragraph(text: &str, sentences: &[Sentence], kinds: &mut [Option<ResidueKind>]) {
    for (sentence, kind) in sentences.iter().zip(kinds.iter_mut()) {
        if kind.is_none() && is_credit(sentence.span.text(text)) {
            *kind = Some(ResidueKind::Credit);
        }
    }
    let span = paragraph_span(sentences);
    if span.end - span.start > SHORT_PARAGRAPH {
        return;
    }
    let paragraph = span.text(text);
    let last = sentences[sentences.len() - 1].span.text(text);
    let whole = if starts_with_caption_marker(paragraph)
        || (sentences.len() <= 3 && is_photo_credit(last) && !starts_with_quote(paragraph))
    {
        Some(ResidueKind::Caption)
    } else if starts_with_read_more(paragraph) {
        Some(ResidueKind::ReadMore)
    } else if let Some(kind) = navigation_kind(paragraph) {
        Some(kind)
    } else if is_breadcrumb(paragraph) {
        Some(ResidueKind::Navigation)
    } else if is_timestamp_line(paragraph) {
        Some(ResidueKind::Timestamp)
    } else if is_byline(paragraph) {
        Some(ResidueKind::Byline)
    } else if starts_with_pull_quote_marker(paragraph) {
        Some(ResidueKind::PullQuote)
    } else {
        None
    };
    if let Some(whole) = whole {
        for kind in kinds.iter_mut().filter(|k| k.is_none()) {
            *kind = Some(whole);
        }
    }
}

/// Whether `sentence` is the crawl marker `date 2024-09` that opens crawled files.
fn is_crawl_marker(sentence: &str) -> bool {
    let Some(date) = sentence.strip_prefix("date ") else {
        return false;
    };
    date.len() >= 4
        && date.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        && date.as_bytes()[..4].iter().all(u8::is_ascii_digit)
}

/// Case-insensitive ASCII prefix test.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Whether the text after `prefix` is empty or starts with a non-letter (the prefix is a
/// whole word or phrase).
fn whole_prefix(text: &str, prefix: &str) -> bool {
    starts_with_ignore_case(text, prefix)
        && !text[prefix.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Whether `text` is exactly a marker of a picture or video caption (`Volledig scherm`), which
/// belongs with the caption after it.
pub(crate) fn is_caption_marker(text: &str) -> bool {
    ["volledig scherm", "vergroot afbeelding"]
        .iter()
        .any(|m| text.eq_ignore_ascii_case(m))
}

/// Whether `paragraph` opens with a marker of a picture or video caption.
fn starts_with_caption_marker(paragraph: &str) -> bool {
    const MARKERS: &[&str] = &[
        "volledig scherm",
        "foto:",
        "beeld:",
        "afbeelding:",
        "bijschrift:",
        "video:",
        "foto ©",
        "beeld ©",
        "vergroot afbeelding",
    ];
    MARKERS.iter().any(|m| whole_prefix(paragraph, m))
}

/// Names of photo and news agencies that appear alone as credits.
const AGENCIES: &[&str] = &[
    "anp",
    "afp",
    "ap",
    "epa",
    "efe",
    "reuters",
    "getty",
    "images",
    "hollandse",
    "hoogte",
    "belga",
    "dpa",
    "shutterstock",
    "brunopress",
    "xinhua",
    "sipa",
    "imageselect",
    "photo",
    "photos",
    "pool",
    "via",
    "pro",
    "shots",
    "nos",
    "istock",
    "alamy",
    "tass",
    "ria",
    "novosti",
    "ukrinform",
    "picture",
    "alliance",
    "press",
    "associated",
];

/// Whether `sentence` is a credit line: `© …`, `Foto: …`, `Beeld: …`, or agency names only.
fn is_credit(sentence: &str) -> bool {
    let sentence = sentence.trim();
    if sentence.starts_with('©') {
        return word_count(sentence) <= 8;
    }
    const LABELS: &[&str] = &[
        "foto:",
        "foto's:",
        "beeld:",
        "fotografie:",
        "credit:",
        "credits:",
        "bron foto:",
        "foto en tekst:",
    ];
    if LABELS.iter().any(|l| starts_with_ignore_case(sentence, l)) {
        return word_count(sentence) <= 8;
    }
    is_agency_only(sentence) || is_labelled_agency_credit(sentence)
}

/// Whether `sentence` is `Foto ANP`, `Beeld Getty Images`, `Foto Jan Jansen / ANP`.
fn is_labelled_agency_credit(sentence: &str) -> bool {
    let mut words = words(sentence);
    let labelled = words.next().is_some_and(|w| {
        ["foto", "beeld", "fotografie", "credit"]
            .iter()
            .any(|l| l.eq_ignore_ascii_case(w))
    });
    if !labelled {
        return false;
    }
    let rest: Vec<&str> = words.take(7).collect();
    let names_agency = rest
        .iter()
        .any(|w| AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(w)) && w.len() > 2);
    !rest.is_empty()
        && rest.len() <= 6
        && (names_agency || sentence.contains('/'))
        && !ends_with_full_stop(sentence)
}

/// Whether `sentence` is a photo credit (so the short paragraph it closes is a caption).
fn is_photo_credit(sentence: &str) -> bool {
    let sentence = sentence.trim();
    (sentence.starts_with('©') && word_count(sentence) <= 8)
        || ["foto:", "beeld:", "foto's:"]
            .iter()
            .any(|l| starts_with_ignore_case(sentence, l))
            && word_count(sentence) <= 8
        || is_agency_only(sentence)
        || is_labelled_agency_credit(sentence)
}

/// Whether every word of `sentence` is part of an agency name (`ANP`, `Getty Images`).
fn is_agency_only(sentence: &str) -> bool {
    let mut count = 0;
    for word in words(sentence) {
        count += 1;
        if count > 6 || !AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(word)) {
            return false;
        }
    }
    count > 0 && sentence.bytes().all(|b| !matches!(b, b'.' | b'!' | b'?'))
}

/// Whether `paragraph` starts with a quote mark.
fn starts_with_quote(paragraph: &str) -> bool {
    paragraph.starts_with(",,")
        || paragraph
            .chars()
            .next()
            .is_some_and(crate::tokenize::is_quote_char)
}

/// Whether `paragraph` is a link to another article (`Lees ook: …`).
fn starts_with_read_more(paragraph: &str) -> bool {
    const PHRASES: &[&str] = &[
        "lees meer",
        "lees ook",
        "lees verder",
        "lees hier",
        "lees het hele",
        "bekijk ook",
        "bekijk hier",
        "zie ook",
        "meer over",
        "meer lezen",
        "ook interessant",
        "ook leuk",
        "lees het volledige",
        "klik hier",
    ];
    PHRASES.iter().any(|p| whole_prefix(paragraph, p)) && (paragraph.len() <= 200)
}

/// Interface words that make up navigation lines; `true` marks words that count as evidence
/// (function words such as `op` alone do not).
const NAVIGATION_WORDS: &[(&str, bool)] = &[
    ("meer", true),
    ("lees", true),
    ("verder", true),
    ("bekijk", true),
    ("deel", true),
    ("delen", true),
    ("artikel", true),
    ("facebook", true),
    ("twitter", true),
    ("whatsapp", true),
    ("linkedin", true),
    ("e-mail", true),
    ("email", true),
    ("mail", true),
    ("print", true),
    ("afdrukken", true),
    ("home", true),
    ("menu", true),
    ("zoeken", true),
    ("sluiten", true),
    ("terug", true),
    ("volgende", true),
    ("vorige", true),
    ("reageer", true),
    ("reageren", true),
    ("reacties", true),
    ("reactie", true),
    ("kopieer", true),
    ("link", true),
    ("volledig", true),
    ("scherm", true),
    ("vergroot", true),
    ("vergroten", true),
    ("video", true),
    ("afspelen", true),
    ("luister", true),
    ("podcast", true),
    ("nieuwsbrief", true),
    ("abonneer", true),
    ("abonneren", true),
    ("inloggen", true),
    ("registreer", true),
    ("advertentie", true),
    ("cookies", true),
    ("opslaan", true),
    ("bewaar", true),
    ("bewaren", true),
    ("share", true),
    ("tweet", true),
    ("pinterest", true),
    ("telegram", true),
    ("uitklappen", true),
    ("inklappen", true),
    ("quote", true),
    ("citaat", true),
    ("foto", true),
    ("foto's", true),
    ("top", true),
    ("boven", true),
    ("naar", false),
    ("dit", false),
    ("via", false),
    ("ook", false),
    ("op", false),
    ("in", false),
    ("de", false),
    ("het", false),
    ("ons", false),
    ("alle", false),
    ("volg", true),
    ("app", true),
    ("hier", false),
    ("nu", false),
];

/// If `paragraph` is made only of interface words, its residue kind.
fn navigation_kind(paragraph: &str) -> Option<ResidueKind> {
    if paragraph.len() > 60 {
        return None;
    }
    let mut evidence = false;
    let mut read_more = false;
    let mut count = 0;
    for word in words(paragraph) {
        count += 1;
        let entry = NAVIGATION_WORDS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(word))?;
        evidence |= entry.1;
        read_more |= matches!(entry.0, "meer" | "lees" | "verder");
    }
    (count > 0 && evidence).then_some(if read_more {
        ResidueKind::ReadMore
    } else {
        ResidueKind::Navigation
    })
}

/// Whether `paragraph` is a breadcrumb trail: `Home > Nieuws > Buitenland`.
fn is_breadcrumb(paragraph: &str) -> bool {
    let arrows = paragraph.matches(['>', '›']).count();
    let starts_at_home = words(paragraph).next().is_some_and(|w| {
        ["home", "start", "voorpagina", "nieuws"]
            .iter()
            .any(|h| h.eq_ignore_ascii_case(w))
    });
    paragraph.len() <= 120
        && (arrows >= 2 || (arrows == 1 && starts_at_home))
        && !ends_with_full_stop(paragraph)
}

/// Whether `paragraph` is a dateline of the page: `NOS Nieuws • vandaag, 20:26 • Aangepast …`.
fn is_timestamp_line(paragraph: &str) -> bool {
    if paragraph.len() > 160 || ends_with_full_stop(paragraph) {
        return false;
    }
    const EDIT_WORDS: &[&str] = &[
        "aangepast",
        "bijgewerkt",
        "gepubliceerd",
        "geplaatst",
        "gewijzigd",
        "update",
        "updated",
        "laatste",
        "geleden",
    ];
    let has_edit_word =
        words(paragraph).any(|w| EDIT_WORDS.iter().any(|e| e.eq_ignore_ascii_case(w)));
    let has_separator = paragraph.contains(['•', '|', '·']);
    let starts_with_edit_word = words(paragraph)
        .next()
        .is_some_and(|w| EDIT_WORDS.iter().any(|e| e.eq_ignore_ascii_case(w)));
    (has_clock_time(paragraph) && (has_separator || has_edit_word || word_count(paragraph) <= 6))
        || (starts_with_edit_word && (has_clock_time(paragraph) || has_date_word(paragraph)))
        || (has_separator && has_date_word(paragraph))
        || is_date_only(paragraph)
}

/// Whether `paragraph` is only a date and time: `12 mei 2024, 14:02`, `dinsdag 3-9-2024`.
fn is_date_only(paragraph: &str) -> bool {
    let mut has_date = false;
    for word in words(paragraph) {
        let is_date_word = DATE_WORDS.iter().any(|d| d.eq_ignore_ascii_case(word));
        let is_number = word.bytes().all(|b| b.is_ascii_digit() || b == b'-');
        has_date |= is_date_word || (is_number && word.matches('-').count() == 2);
        if !(is_date_word || is_number || ["om", "uur", "u"].contains(&word)) {
            return false;
        }
    }
    has_date
}

/// Whether `text` holds a clock time such as `20:26` or `9:05`.
fn has_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b':'
            && i >= 1
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_digit)
            && !bytes.get(i + 3).is_some_and(u8::is_ascii_digit)
    })
}

/// Words that name a day relative to today, a month or a weekday.
const DATE_WORDS: &[&str] = &[
    "vandaag",
    "gisteren",
    "eergisteren",
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// Whether `text` names a day relative to today or a month.
fn has_date_word(text: &str) -> bool {
    words(text).any(|w| DATE_WORDS.iter().any(|d| d.eq_ignore_ascii_case(w)))
}

/// Whether `paragraph` is a byline: `Door Jan Jansen`, `Jan Jansen verslaggever`.
fn is_byline(paragraph: &str) -> bool {
    if paragraph.len() > 100 || ends_with_full_stop(paragraph) || word_count(paragraph) > 8 {
        return false;
    }
    let mut words = words(paragraph);
    let Some(first) = words.next() else {
        return false;
    };
    let second_capitalised = words
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    if (first.eq_ignore_ascii_case("door") && second_capitalised)
        || starts_with_ignore_case(paragraph, "van onze ")
    {
        return true;
    }
    if starts_with_ignore_case(paragraph, "tekst:")
        || starts_with_ignore_case(paragraph, "tekst en ")
    {
        return true;
    }
    const ROLES: &[&str] = &[
        "verslaggever",
        "verslaggeefster",
        "correspondent",
        "correspondente",
        "redacteur",
        "redactrice",
        "redactie",
        "journalist",
        "journaliste",
        "fotograaf",
        "columnist",
        "presentator",
        "presentatrice",
        "reporter",
    ];
    let determiner = ["de", "het", "een", "deze", "die", "dit", "wie", "waarom"]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(first));
    let capitalised = first.chars().next().is_some_and(char::is_uppercase);
    let has_role = self::words(paragraph).any(|w| {
        let lower = w.to_lowercase();
        ROLES.iter().any(|r| lower.ends_with(r))
    });
    capitalised && !determiner && has_role
}

/// Whether `paragraph` opens with a pull quote label followed by the quote.
fn starts_with_pull_quote_marker(paragraph: &str) -> bool {
    ["quote ", "citaat "].iter().any(|label| {
        starts_with_ignore_case(paragraph, label)
            && paragraph[label.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || crate::tokenize::is_quote_char(c))
    })
}

/// Whether `text` ends in `.`, `!`, `?` or `…`, possibly before closing quotes or brackets.
fn ends_with_full_stop(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(|c: char| crate::tokenize::is_quote_char(c) || c == ')')
        .ends_with(['.', '!', '?', '…'])
}

/// The words of `text`: runs of letters, digits, hyphens and apostrophes.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// Number of words in `text`.
fn word_count(text: &str) -> usize {
    words(text).count()
}

/// Marks pull quotes: paragraphs whose opening words repeat in another paragraph nearby that
/// reads more like prose.
fn mark_pull_quotes(
    text: &str,
    sentences: &[Sentence],
    paragraphs: &[std::ops::Range<usize>],
    kinds: &mut [Option<ResidueKind>],
) {
    let candidates: Vec<usize> = (0..paragraphs.len())
        .filter(|&p| {
            kinds[paragraphs[p].start].is_none()
                && is_pull_quote_candidate(text, &sentences[paragraphs[p].clone()])
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let mut letters: Vec<Option<String>> = vec![None; paragraphs.len()];
    for p in candidates {
        let span = paragraph_span(&sentences[paragraphs[p].clone()]);
        let own = span.text(text);
        let key = normalised_letters(strip_pull_quote_label(own), PULL_QUOTE_KEY_LETTERS);
        if key.chars().count() < PULL_QUOTE_MIN_LETTERS {
            continue;
        }
        let low = p.saturating_sub(PULL_QUOTE_WINDOW);
        let high = (p + PULL_QUOTE_WINDOW).min(paragraphs.len() - 1);
        let key_finder = memchr::memmem::Finder::new(key.as_bytes());
        let source = (low..=high).filter(|&q| q != p).find(|&q| {
            let other = letters[q].get_or_insert_with(|| {
                normalised_letters(paragraph_span(&sentences[paragraphs[q].clone()]).text(text), usize::MAX)
            });
            key_finder.find(other.as_bytes()).is_some()
        });
        let Some(q) = source else { continue };
        let other = paragraph_span(&sentences[paragraphs[q].clone()]).text(text);
        if pull_quote_score(own, other) > pull_quote_score(other, own) {
            for kind in &mut kinds[paragraphs[p].clone()] {
                kind.get_or_insert(ResidueKind::PullQuote);
            }
        }
    }
}

/// Whether a paragraph could be a pull quote: short, and labelled, without a final full
/// stop, or wholly quoted.
fn is_pull_quote_candidate(text: &str, sentences: &[Sentence]) -> bool {
    let span = paragraph_span(sentences);
    if span.end - span.start > SHORT_PARAGRAPH {
        return false;
    }
    let paragraph = span.text(text);
    starts_with_pull_quote_marker(paragraph)
        || (!ends_with_full_stop(paragraph) && word_count(paragraph) >= 6)
        || starts_with_quote(paragraph)
}

/// How much `own` looks like a pull quote of `other` rather than the other way round.
fn pull_quote_score(own: &str, other: &str) -> u32 {
    let labelled = starts_with_pull_quote_marker(own) as u32 * 4;
    let open_end = !ends_with_full_stop(own) as u32 * 2;
    let no_quote_marks =
        (!own.contains(['"', '“', '”', '„', '‘', '’']) && !own.contains(",,")) as u32;
    let shorter = (own.len() < other.len()) as u32;
    labelled + open_end + no_quote_marks + shorter
}

/// `paragraph` without a leading `Quote`/`Citaat` label.
fn strip_pull_quote_label(paragraph: &str) -> &str {
    for label in ["quote ", "citaat "] {
        if starts_with_ignore_case(paragraph, label) {
            return &paragraph[label.len()..];
        }
    }
    paragraph
}

/// The letters and digits of `text`, lower-cased, without anything between them; at most
/// `limit` of them.
fn normalised_letters(text: &str, limit: usize) -> String {
    let mut letters = String::with_capacity(text.len().min(limit));
    let mut count = 0;
    for c in text.chars() {
        if count >= limit {
            break;
        }
        if c.is_ascii() {
            // The common case, without the Unicode tables.
            if c.is_ascii_alphanumeric() {
                letters.push(c.to_ascii_lowercase());
                count += 1;
            }
        } else if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                if count < limit {
                    letters.push(lower);
                    count += 1;
                }
            }
        }
    }
    letters
}

#[cfg(test)]
mod tests {
    use crate::{analyze, ResidueKind};

    #[test]
    fn normalised_letters_lowercase_and_drop_the_rest() {
        assert_eq!(super::normalised_letters("Ëén, TWÉÉ! 3 İ", usize::MAX), "ëéntwéé3i\u{307}");
        assert_eq!(super::normalised_letters("Ëén, TWÉÉ!", 5), "ëéntw");
        assert_eq!(super::normalised_letters("İx", 1), "i", "a two-char lowercase counts per char");
    }

    fn marked(text: &str) -> Vec<(String, ResidueKind)> {
        analyze(text)
            .residue
            .iter()
            .map(|r| (r.span.text(text).to_string(), r.kind))
            .collect()
    }

    #[test]
    fn captions_and_credits() {
        let text = "De wethouder opende de brug.\n\nVolledig scherm De nieuwe brug over de Aa. © Fotobureau Zuid\n\nDaarna volgde een feest.";
        assert_eq!(
            marked(text),
            [
                (
                    "Volledig scherm De nieuwe brug over de Aa.".to_string(),
                    ResidueKind::Caption
                ),
                ("© Fotobureau Zuid".to_string(), ResidueKind::Credit)
            ]
        );
    }

    #[test]
    fn read_more_and_navigation() {
        let text = "Het dorp vierde feest tot laat in de avond.\n\nLees ook: Dorpsfeest trekt duizenden bezoekers\n\nDelen\n\nMeer";
        let kinds: Vec<ResidueKind> = marked(text).into_iter().map(|(_, k)| k).collect();
        assert_eq!(
            kinds,
            [
                ResidueKind::ReadMore,
                ResidueKind::Navigation,
                ResidueKind::ReadMore
            ]
        );
    }

    #[test]
    fn bylines_and_timestamps() {
        let text = "Omroep Oost • gisteren, 18:02 • Aangepast vandaag, 07:15\n\nPietje Puk verslaggever\n\nDoor Karel Klap\n\nDe raad vergaderde tot middernacht.";
        let kinds: Vec<ResidueKind> = marked(text).into_iter().map(|(_, k)| k).collect();
        assert_eq!(
            kinds,
            [
                ResidueKind::Timestamp,
                ResidueKind::Byline,
                ResidueKind::Byline
            ]
        );
    }

    #[test]
    fn pull_quote_repeating_a_later_quote() {
        let text = "Citaat We bouwen de brug voor iedereen in de regio Anna Smit, wethouder\n\n\
                    De wethouder was trots. ,,We bouwen de brug voor iedereen in de regio.'' Ze lachte.";
        let marked = marked(text);
        let joined: Vec<&str> = marked.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            joined.join(" "),
            "Citaat We bouwen de brug voor iedereen in de regio Anna Smit, wethouder"
        );
        assert!(marked
            .iter()
            .all(|(_, kind)| *kind == ResidueKind::PullQuote));
    }

    #[test]
    fn lone_dates_and_labelled_agency_credits() {
        let text =
            "12 mei 2024, 14:02\n\nDe raad vergaderde.\n\nFoto ANP / Karel Klap\n\nFoto van de dag";
        let kinds: Vec<ResidueKind> = marked(text).into_iter().map(|(_, k)| k).collect();
        assert_eq!(kinds, [ResidueKind::Timestamp, ResidueKind::Credit]);
    }

    #[test]
    fn breadcrumbs_are_navigation() {
        let text = "Home > Nieuws > Binnenland\n\nDe raad vergaderde tot middernacht.";
        assert_eq!(
            marked(text),
            [(
                "Home > Nieuws > Binnenland".to_string(),
                ResidueKind::Navigation
            )]
        );
    }

    #[test]
    fn datelines_and_agency_mentions_in_prose_are_not_residue() {
        let text =
            "VELDHOVEN (ANP) - De raad vergaderde tot middernacht.\n\nDat meldt persbureau ANP.";
        assert!(marked(text).is_empty());
    }

    #[test]
    fn article_prose_and_headings_are_not_residue() {
        let text = "Brug over de Aa geopend\n\nDe wethouder opende woensdag de brug. ,,Eindelijk,'' zei ze.\n\nMeer geld voor fietspaden\n\nDe provincie betaalt mee.";
        assert!(marked(text).is_empty());
    }
}
