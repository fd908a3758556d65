//! Web-crawl WARC files: every `response` record holding an HTML page becomes one article,
//! extracted like an HTML file; other records (requests, metadata, images) are passed over.

use super::{decode, html::extract_article_from_html, problem, source_from_url, Decoded, ReadItem, ReadOptions};
use crate::article::{ArticleDate, DatePrecision, RawArticle};
use std::io::BufRead;
use std::path::Path;
use warc::{WarcHeader, WarcReader};

/// Reads a WARC stream record by record (bounded by the largest record).
pub(super) fn read_warc(path: &Path, reader: impl BufRead, options: &ReadOptions, emit: &mut dyn FnMut(ReadItem)) {
    let warc = WarcReader::new(reader);
    for (index, record) in warc.iter_records().enumerate() {
        let number = index as u64 + 1;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                emit(problem(path, Some(number), format!("record {number} is not valid WARC ({error}); the rest of the file is skipped")));
                return;
            }
        };
        if record.header(WarcHeader::WarcType).as_deref() != Some("response") {
            continue;
        }
        if record.body().len() as u64 > options.max_record_bytes {
            emit(problem(path, Some(number), "record larger than the record limit; skipped".into()));
            continue;
        }
        let Some(html) = html_of_http_response(record.body()) else { continue };
        let url = record.header(WarcHeader::TargetURI).map(|u| u.to_string());
        let record_id = record.header(WarcHeader::RecordID).map(|id| id.trim_matches(['<', '>']).trim_start_matches("urn:uuid:").to_string());
        let crawl_date = ArticleDate { date: Some(record.date().date_naive()), precision: DatePrecision::Day };
        match extract_article_from_html(&html) {
            Ok(page) => emit(ReadItem::Article(Box::new(RawArticle {
                path: path.display().to_string(),
                line: number,
                doc: record_id.unwrap_or_else(|| format!("{}-{number}", super::doc_name(path))),
                source: url.as_deref().and_then(source_from_url).unwrap_or_else(|| super::doc_name(path)),
                url,
                title: page.title,
                date: page.date.or(Some(crawl_date)),
                text: page.text,
                text_offset: 0,
                metadata: Default::default(),
            }))),
            Err(message) => emit(problem(path, Some(number), format!("{message}; skipped"))),
        }
    }
}

/// The decoded HTML body of an HTTP response, when its content type is HTML.
fn html_of_http_response(body: &[u8]) -> Option<String> {
    let split = body.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&body[..split]).to_lowercase();
    let is_html = head.lines().any(|l| l.starts_with("content-type:") && l.contains("html"));
    if !is_html {
        return None;
    }
    match decode(&body[split + 4..]) {
        Decoded::Utf8(text) | Decoded::Windows1252(text) => Some(text),
        Decoded::Repaired { text, .. } => Some(text),
        Decoded::Binary => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, body: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2023-05-06T07:08:09Z\r\n\
             WARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
            if kind == "response" { "11111111-2222-3333-4444-555555555555" } else { "99999999-2222-3333-4444-555555555555" },
            body.len()
        )
    }

    #[test]
    fn html_responses_become_articles_and_other_records_are_passed_over() {
        let page = "<html><head><title>Brug gaat dicht</title></head><body><nav>Home Sport</nav><article>\
            <p>De brug over de rivier bij Zeewolde gaat vanaf maandag drie weken dicht voor groot onderhoud aan het wegdek en de leuningen.</p>\
            <p>Volgens de provincie is er een omleiding via de dijk, maar automobilisten moeten rekenen op tien minuten extra reistijd in de spits.</p>\
            </article></body></html>";
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
        let warc = record("request", "https://www.voorbeeld.nl/brug", "GET /brug HTTP/1.1\r\n\r\n")
            + &record("response", "https://www.voorbeeld.nl/brug", &http);
        let mut items = Vec::new();
        read_warc(Path::new("crawl.warc"), warc.as_bytes(), &ReadOptions::default(), &mut |i| items.push(i));
        let articles: Vec<&RawArticle> = items.iter().filter_map(|i| match i { ReadItem::Article(a) => Some(&**a), _ => None }).collect();
        assert_eq!(articles.len(), 1, "{items:?}");
        let a = articles[0];
        assert_eq!(a.source, "voorbeeld.nl");
        assert_eq!(a.url.as_deref(), Some("https://www.voorbeeld.nl/brug"));
        assert_eq!(a.doc, "11111111-2222-3333-4444-555555555555");
        assert!(a.text.contains("omleiding via de dijk"), "{}", a.text);
        assert!(!a.text.contains("Sport"));
        assert_eq!(a.date.unwrap().display(), "2023-05-06");
    }
}
