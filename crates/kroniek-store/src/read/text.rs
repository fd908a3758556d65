//! Plain text files as they come from a crawl: an optional leading ` date YYYY-MM[-DD]`
//! marker (possibly followed by article text on the same line), then the article. A first
//! line that reads as a headline becomes the title; it stays part of the text.

use super::{decode_file, doc_name, folder_source, problem, read_capped, ReadItem, ReadOptions};
use crate::article::{parse_date, ArticleDate, RawArticle};
use std::io::Read;
use std::path::Path;

/// What the crawl conventions say about a text.
#[derive(Debug, PartialEq)]
pub struct CrawledText {
    pub date: Option<ArticleDate>,
    /// Byte offset where the article starts (after the marker and its following space).
    pub body_start: usize,
    pub title: Option<String>,
}

/// Reads the leading date marker and the headline of a crawled text.
pub fn parse_crawled_text(text: &str) -> CrawledText {
    let (date, body_start) = leading_date_marker(text).unwrap_or((None, 0));
    let body = &text[body_start..];
    CrawledText { date, body_start, title: headline(body) }
}

/// ` date 2024-09` or `date 2024-09-17` at the very start, then a space or line end.
fn leading_date_marker(text: &str) -> Option<(Option<ArticleDate>, usize)> {
    let trimmed = text.trim_start_matches([' ', '\t', '\u{feff}']);
    let rest = trimmed.strip_prefix("date ")?;
    let value_len = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let date = parse_date(&rest[..value_len])?;
    let mut end = text.len() - rest.len() + value_len;
    let after = &text[end..];
    if after.starts_with("\r\n") {
        end += 2;
    } else if after.starts_with([' ', '\n', '\t']) {
        end += 1;
    }
    Some((Some(date), end))
}

/// The first line, when it reads as a headline: short, no final full stop, and followed by
/// a blank line (a line followed directly by more text is a paragraph or a list's heading).
fn headline(body: &str) -> Option<String> {
    let mut lines = body.lines();
    let first = lines.next()?.trim();
    let next_is_blank = lines.next().is_some_and(|l| l.trim().is_empty());
    let short = !first.is_empty() && first.chars().count() <= 160;
    let ends_as_sentence = first.ends_with(['.', ':', ';', ',']);
    (short && next_is_blank && !ends_as_sentence).then(|| first.to_string())
}

/// Reads one crawled text file into one article.
pub(super) fn read_text_file(path: &Path, reader: impl Read, options: &ReadOptions, emit: &mut dyn FnMut(ReadItem)) {
    let bytes = match read_capped(reader, options.max_record_bytes) {
        Ok(bytes) => bytes,
        Err(message) => return emit(problem(path, None, message)),
    };
    let Some(text) = decode_file(path, &bytes, emit) else { return };
    if text.trim().is_empty() {
        return emit(problem(path, None, "empty file: no article text; skipped".into()));
    }
    let crawled = parse_crawled_text(&text);
    let body = text[crawled.body_start..].to_string();
    if body.trim().is_empty() {
        return emit(problem(path, None, "only a date marker, no article text; skipped".into()));
    }
    emit(ReadItem::Article(Box::new(RawArticle {
        path: path.display().to_string(),
        line: 0,
        doc: doc_name(path),
        source: folder_source(path),
        url: None,
        title: crawled.title,
        date: crawled.date,
        text: body,
        text_offset: crawled.body_start,
        metadata: Default::default(),
    })));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_with_text_on_the_same_line() {
        let text = " date 2022-03 De raad kwam bijeen.\n\nMeer tekst.";
        let crawled = parse_crawled_text(text);
        assert_eq!(crawled.date.unwrap().display(), "2022-03");
        assert_eq!(&text[crawled.body_start..], "De raad kwam bijeen.\n\nMeer tekst.");
        assert_eq!(crawled.title, None);
    }

    #[test]
    fn headline_followed_by_blank_line_is_the_title() {
        let text = " date 2024-09-17\nKabinet valt over begroting\n\nDe coalitie ...";
        let crawled = parse_crawled_text(text);
        assert_eq!(crawled.date.unwrap().display(), "2024-09-17");
        assert_eq!(crawled.title.as_deref(), Some("Kabinet valt over begroting"));
    }

    #[test]
    fn a_list_heading_or_a_sentence_is_no_title() {
        assert_eq!(parse_crawled_text("Belangrijkste punten\n- een\n- twee").title, None);
        assert_eq!(parse_crawled_text("De minister zei iets.\n\nMeer.").title, None);
        assert_eq!(parse_crawled_text("no marker here").date, None);
    }
}
