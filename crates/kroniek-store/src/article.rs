//! The article record as it comes out of a reader, and the pieces derived from it at once:
//! its date with precision, its stable id, its language.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How precise an article's date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
    Unknown,
}

impl DatePrecision {
    /// The precision as stored in the database: day, month, year, unknown.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Unknown => "unknown",
        }
    }
}

/// A date and how much of it is known. A month-precise date is stored as the 1st of the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDate {
    pub date: Option<NaiveDate>,
    pub precision: DatePrecision,
}

impl ArticleDate {
    /// No date known.
    pub const UNKNOWN: ArticleDate = ArticleDate { date: None, precision: DatePrecision::Unknown };

    /// The date as written for people and in the database, to its precision:
    /// `2024-09-17`, `2024-09`, `2024` or empty.
    pub fn display(&self) -> String {
        match (self.date, self.precision) {
            (Some(d), DatePrecision::Day) => d.format("%Y-%m-%d").to_string(),
            (Some(d), DatePrecision::Month) => d.format("%Y-%m").to_string(),
            (Some(d), DatePrecision::Year) => d.format("%Y").to_string(),
            _ => String::new(),
        }
    }
}

const DUTCH_MONTHS: [&str; 12] = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
];

/// Parses the date forms found in news exports: `2024-09-17`, `2024-09-17T10:00:00Z`,
/// `2024-09`, `2024`, `17-09-2024`, `17/09/2024`, `17 september 2024`. Returns `None` when
/// the text is not a date.
pub fn parse_date(raw: &str) -> Option<ArticleDate> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let day = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d).map(|date| ArticleDate { date: Some(date), precision: DatePrecision::Day })
    };
    let head: String = s.chars().take(10).collect();
    let digits: Vec<&str> = head.split(['-', '/', '.']).collect();
    let all_numeric = digits.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if all_numeric {
        let nums: Vec<u32> = digits.iter().filter_map(|p| p.parse().ok()).collect();
        match (digits.len(), digits[0].len()) {
            (3, 4) => return day(nums[0] as i32, nums[1], nums[2]),
            (3, _) if digits[2].len() == 4 => return day(nums[2] as i32, nums[1], nums[0]),
            (2, 4) => {
                return NaiveDate::from_ymd_opt(nums[0] as i32, nums[1], 1)
                    .map(|date| ArticleDate { date: Some(date), precision: DatePrecision::Month })
            }
            (1, 4) if s.len() == 4 => {
                return NaiveDate::from_ymd_opt(nums[0] as i32, 1, 1)
                    .map(|date| ArticleDate { date: Some(date), precision: DatePrecision::Year })
            }
            _ => return None,
        }
    }
    let words: Vec<String> = s.split_whitespace().map(|w| w.trim_matches(',').to_lowercase()).collect();
    if words.len() >= 3 {
        let month = DUTCH_MONTHS.iter().position(|m| *m == words[1] || m[..3] == words[1][..words[1].len().min(3)] && words[1].len() >= 3)?;
        let d: u32 = words[0].parse().ok()?;
        let y: i32 = words[2].parse().ok()?;
        return day(y, month as u32 + 1, d);
    }
    None
}

/// One article as read from input, before cleaning and analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RawArticle {
    /// The input file the article came from.
    pub path: String,
    /// The line (JSONL, CSV) or record number (WARC) inside that file; 0 for whole files.
    pub line: u64,
    /// The document name: the input file name without extension, or the record's own id.
    pub doc: String,
    /// Where it was published (outlet), or the input folder when nothing says.
    pub source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<ArticleDate>,
    /// The article text: the input as read, minus only a leading crawl marker.
    pub text: String,
    /// Byte offset in the decoded input where `text` starts (maps offsets back to the input).
    pub text_offset: usize,
    /// Other fields of the record, kept as they were.
    pub metadata: serde_json::Map<String, serde_json::Value>,
}

/// The stable id of an article (16 hex digits: a hash of its source and words) and the hash
/// of its words alone (32 hex digits, equal for exact duplicates). Both ignore differences in
/// whitespace: the words are joined by single spaces before hashing.
pub fn article_hashes(source: &str, text: &str) -> (String, String) {
    let mut keyed = String::with_capacity(source.len() + 1 + text.len());
    keyed.push_str(source);
    keyed.push('\n');
    let words_start = keyed.len();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            keyed.push(' ');
        }
        keyed.push_str(word);
    }
    let id = blake3::hash(keyed.as_bytes()).to_hex()[..16].to_string();
    let content = blake3::hash(&keyed.as_bytes()[words_start..]).to_hex()[..32].to_string();
    (id, content)
}

/// How many characters from the start of an article decide its language (enough for a
/// reliable guess on running text; detection time grows with the sample).
pub const LANGUAGE_SAMPLE_CHARS: usize = 400;

/// Detects the language of a text: an ISO 639-3 code such as `nld`, or `und` when unsure.
/// Only languages a Dutch news archive plausibly holds are considered (it is faster and avoids
/// confusing Dutch with Afrikaans or Frisian-like scores); the first
/// [`LANGUAGE_SAMPLE_CHARS`] characters decide.
pub fn detect_language(text: &str) -> String {
    let end = text.char_indices().nth(LANGUAGE_SAMPLE_CHARS).map(|(i, _)| i).unwrap_or(text.len());
    let sample = &text[..end];
    if is_plainly_dutch(sample) {
        return "nld".to_string();
    }
    match news_language_detector().detect(sample) {
        Some(info) if info.is_reliable() || info.confidence() > 0.2 || sample.len() > 200 => info.lang().code().to_string(),
        _ => "und".to_string(),
    }
}

/// Function words that are Dutch and not also common words of the other languages a news
/// archive holds (not `de`, `en`, `in`, `die`, `er`, `te`, `om`, `kan`, `nu`: French, Spanish,
/// English, German, the Scandinavian languages or Romanian use them too).
const DUTCH_ONLY_WORDS: &[&str] = &[
    "het", "een", "van", "niet", "zijn", "wordt", "werd", "worden", "ook", "naar", "dat", "met", "voor", "op", "bij",
    "heeft", "hebben", "maar", "nog", "hij", "zij", "deze", "geen", "uit", "tegen", "door", "aan", "wat", "moet",
    "zegt", "zei", "jaar", "wel", "dan", "hun",
];

/// A fast answer for the common case, before the trigram detector: the sample is Dutch when
/// at least 10 of its words, and at least a sixth of them, are Dutch function words (true of
/// about 9 in 10 newspaper texts).
fn is_plainly_dutch(sample: &str) -> bool {
    let mut words = 0usize;
    let mut dutch = 0usize;
    for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        if word.len() <= 6 && DUTCH_ONLY_WORDS.iter().any(|d| d.eq_ignore_ascii_case(word)) {
            dutch += 1;
        }
    }
    dutch >= 10 && dutch * 6 >= words
}

fn news_language_detector() -> &'static whatlang::Detector {
    use whatlang::Lang::*;
    static DETECTOR: std::sync::OnceLock<whatlang::Detector> = std::sync::OnceLock::new();
    DETECTOR.get_or_init(|| {
        whatlang::Detector::with_allowlist(vec![
            Nld, Eng, Deu, Fra, Spa, Ita, Por, Pol, Tur, Ara, Rus, Ukr, Dan, Swe, Nob, Fin, Ces, Hun, Ron, Ell, Heb, Cmn, Jpn,
        ])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_with_their_precision() {
        assert_eq!(parse_date("2024-09-17").unwrap().display(), "2024-09-17");
        assert_eq!(parse_date("2024-09-17T10:00:00Z").unwrap().display(), "2024-09-17");
        assert_eq!(parse_date("2022-03").unwrap().precision, DatePrecision::Month);
        assert_eq!(parse_date("2023").unwrap().display(), "2023");
        assert_eq!(parse_date("17-09-2024").unwrap().display(), "2024-09-17");
        assert_eq!(parse_date("3 maart 2022").unwrap().display(), "2022-03-03");
        assert!(parse_date("gisteren").is_none());
        assert!(parse_date("2024-13-01").is_none());
    }

    #[test]
    fn plainly_dutch_needs_many_dutch_only_function_words() {
        let dutch = "De minister van Defensie heeft dinsdag gezegd dat het kabinet de steun aan het land wil \
            voortzetten. Volgens hem is er geen reden om te twijfelen. Maar de oppositie is het daar niet mee eens en \
            wil dat de Kamer nog deze week een debat voert over de levering van de raketten, zegt zij.";
        assert!(is_plainly_dutch(dutch));
        assert_eq!(detect_language(dutch), "nld");
        let german = "Der Minister hat am Dienstag gesagt, dass die Regierung die Unterstützung für das Land \
            fortsetzen will. Er sieht keinen Grund, daran zu zweifeln. Aber die Opposition ist damit nicht \
            einverstanden und will, dass das Parlament noch in dieser Woche über die Lieferung der Raketen debattiert.";
        assert!(!is_plainly_dutch(german));
        assert_eq!(detect_language(german), "deu");
        let english = "The minister said on Tuesday that the government wants to continue its support for the \
            country. He sees no reason to doubt it. But the opposition does not agree and wants parliament to hold \
            a debate on the delivery of the missiles this week, she said, and it will vote on it later.";
        assert!(!is_plainly_dutch(english));
        // Too short to be sure: the trigram detector decides.
        assert!(!is_plainly_dutch("Het kabinet wil de steun voortzetten."));
    }

    #[test]
    fn id_is_stable_and_depends_on_source_and_content() {
        let (a, content) = article_hashes("nos", "De raad  vergaderde.");
        assert_eq!(a, article_hashes("nos", "De raad vergaderde.").0);
        assert_ne!(a, article_hashes("ad", "De raad vergaderde.").0);
        assert_eq!(content, article_hashes("ad", " De raad\n vergaderde. ").1);
        assert_eq!(a.len(), 16);
        // The same ids as the first corpora: the words joined by one space.
        assert_eq!(a, blake3::hash(b"nos\nDe raad vergaderde.").to_hex()[..16].to_string());
        assert_eq!(content, blake3::hash(b"De raad vergaderde.").to_hex()[..32].to_string());
    }

    #[test]
    fn detects_dutch_and_english() {
        assert_eq!(detect_language("De minister van Buitenlandse Zaken zei dinsdag dat het kabinet de steun aan het land wil voortzetten."), "nld");
        assert_eq!(detect_language("The minister said on Tuesday that the government would continue its support for the country."), "eng");
    }
}
