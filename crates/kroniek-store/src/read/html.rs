//! HTML pages: the article text is extracted with a readability algorithm (the
//! `dom_smoothie` crate), leaving out navigation, footers, cookie banners and related-article
//! lists. Title and publication date come from the page's metadata where present.

use super::{decode_file, doc_name, folder_source, problem, read_capped, ReadItem, ReadOptions};
use crate::article::{parse_date, ArticleDate, RawArticle};
use std::io::Read;
use std::path::Path;

/// The article found in one HTML page.
#[derive(Debug, Default, PartialEq)]
pub struct ExtractedPage {
    pub title: Option<String>,
    pub date: Option<ArticleDate>,
    pub text: String,
}

/// Elements that are never the article: navigation, cookie and consent banners, related
/// articles, sharing buttons, newsletters, advertisements, footers.
const PAGE_FURNITURE: &str = "nav, footer, aside, form, script, style, noscript, \
    [class*=cookie], [id*=cookie], [class*=consent], [id*=consent], [class*=gdpr], \
    [class*=related], [class*=gerelateerd], [class*=share], [class*=social], [class*=newsletter], \
    [class*=advert], [id*=advert], [class*=banner], [role=navigation], [role=contentinfo]";

/// Extracts the article text (paragraphs separated by blank lines), title and date from a
/// page; an error says why no article was found.
pub fn extract_article_from_html(html: &str) -> Result<ExtractedPage, String> {
    let config = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    let document = dom_query::Document::from(html);
    document.select(PAGE_FURNITURE).remove();
    let mut readability = dom_smoothie::Readability::with_document(document, None, Some(config))
        .map_err(|e| format!("cannot parse the page: {e}"))?;
    let article = readability.parse().map_err(|e| format!("no article text found in the page ({e})"))?;
    let text = tidy_paragraphs(&article.text_content);
    if text.is_empty() {
        return Err("no article text found in the page".into());
    }
    let title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
    let date = article.published_time.as_deref().and_then(parse_date);
    Ok(ExtractedPage { title, date, text })
}

/// Trims each line and keeps one blank line between paragraphs.
fn tidy_paragraphs(raw: &str) -> String {
    let paragraphs: Vec<String> = raw
        .split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// Reads one HTML file into one article.
pub(super) fn read_html_file(path: &Path, reader: impl Read, options: &ReadOptions, emit: &mut dyn FnMut(ReadItem)) {
    let bytes = match read_capped(reader, options.max_record_bytes) {
        Ok(bytes) => bytes,
        Err(message) => return emit(problem(path, None, message)),
    };
    let Some(html) = decode_file(path, &bytes, emit) else { return };
    match extract_article_from_html(&html) {
        Ok(page) => emit(ReadItem::Article(Box::new(RawArticle {
            path: path.display().to_string(),
            line: 0,
            doc: doc_name(path),
            source: folder_source(path),
            url: None,
            title: page.title,
            date: page.date,
            text: page.text,
            text_offset: 0,
            metadata: Default::default(),
        }))),
        Err(message) => emit(problem(path, None, format!("{message}; skipped"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_article_and_drops_navigation_and_footer() {
        let html = r#"<html><head><title>Raad besluit over dijken | Het Dagblad</title>
<meta property="article:published_time" content="2023-04-05T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/binnenland">Binnenland</a> <a href="/sport">Sport</a></nav>
<div class="cookie">Wij gebruiken cookies. Akkoord?</div>
<article><h1>Raad besluit over dijken</h1>
<p>De gemeenteraad van Zeewolde heeft dinsdagavond besloten de dijken langs de kust te versterken. Het plan kost naar schatting veertig miljoen euro en moet binnen vijf jaar klaar zijn.</p>
<p>Wethouder Marit Koster noemde het besluit een belangrijke stap voor de veiligheid van de inwoners. De oppositie vindt dat de kosten te hoog zijn en wil een second opinion laten uitvoeren.</p>
<p>Het waterschap reageert later deze week op het besluit van de raad, meldt een woordvoerder.</p>
</article>
<footer>© Het Dagblad 2023 · Privacy · Contact</footer></body></html>"#;
        let page = extract_article_from_html(html).unwrap();
        assert!(page.text.contains("Wethouder Marit Koster"), "{}", page.text);
        assert!(!page.text.contains("cookies"), "{}", page.text);
        assert!(!page.text.contains("Privacy"), "{}", page.text);
        assert_eq!(page.date.map(|d| d.display()), Some("2023-04-05".to_string()));
    }
}
