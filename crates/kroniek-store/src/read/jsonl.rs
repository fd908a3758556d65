//! JSON Lines: one article per line with `text` and optionally `title`, `date`, `url`,
//! `source`, `id`; every other field is kept as metadata.

use super::{decode, problem, source_from_url, warning, Decoded, ReadItem, ReadOptions};
use crate::article::{parse_date, RawArticle};
use serde_json::{Map, Value};
use std::io::BufRead;
use std::path::Path;

/// Reads a JSONL stream line by line; a bad line is reported and skipped.
pub(super) fn read_jsonl(path: &Path, mut reader: impl BufRead, options: &ReadOptions, emit: &mut dyn FnMut(ReadItem)) {
    let mut buffer = Vec::new();
    let mut line_number = 0u64;
    loop {
        buffer.clear();
        line_number += 1;
        match read_line_capped(&mut reader, &mut buffer, options.max_record_bytes) {
            Ok(LineRead::End) => break,
            Ok(LineRead::TooLong) => {
                emit(problem(path, Some(line_number), format!(
                    "line longer than {} MB; skipped (is this one JSON object per line?)",
                    options.max_record_bytes / (1024 * 1024)
                )));
                continue;
            }
            Ok(LineRead::Line) => {}
            Err(error) => {
                emit(problem(path, Some(line_number), format!("cannot read further: {error}; the rest of the file is skipped")));
                break;
            }
        }
        let Some(line) = decode_line(path, line_number, &buffer, emit) else { continue };
        if line.trim().is_empty() {
            continue;
        }
        match article_from_json(path, line_number, &line) {
            Ok(article) => emit(ReadItem::Article(Box::new(article))),
            Err(message) => emit(problem(path, Some(line_number), message)),
        }
    }
}

enum LineRead {
    Line,
    TooLong,
    End,
}

/// Reads up to and including the next newline, never holding more than `limit` bytes.
fn read_line_capped(reader: &mut impl BufRead, buffer: &mut Vec<u8>, limit: u64) -> std::io::Result<LineRead> {
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        if !too_long && (buffer.len() + chunk.len()) as u64 <= limit {
            buffer.extend_from_slice(chunk);
        } else {
            too_long = true;
            buffer.clear();
        }
        let consumed = chunk.len();
        reader.consume(consumed);
        if done {
            break;
        }
    }
    Ok(match (any, too_long) {
        (false, _) => LineRead::End,
        (true, true) => LineRead::TooLong,
        (true, false) => LineRead::Line,
    })
}

fn decode_line(path: &Path, line: u64, bytes: &[u8], emit: &mut dyn FnMut(ReadItem)) -> Option<String> {
    match decode(bytes) {
        Decoded::Utf8(text) => Some(text),
        Decoded::Windows1252(text) => {
            emit(warning(path, Some(line), "not UTF-8: read as Windows-1252/Latin-1".into()));
            Some(text)
        }
        Decoded::Repaired { text, bad_bytes, .. } => {
            emit(warning(path, Some(line), format!("{bad_bytes} invalid UTF-8 byte(s) replaced by U+FFFD")));
            Some(text)
        }
        Decoded::Binary => {
            emit(problem(path, Some(line), "binary content on this line; skipped".into()));
            None
        }
    }
}

/// Turns one JSON line into an article, or says what is wrong with it.
fn article_from_json(path: &Path, line: u64, json: &str) -> Result<RawArticle, String> {
    let value: Value = serde_json::from_str(json)
        .map_err(|e| format!("not valid JSON ({e}); each line must be one JSON object; skipped"))?;
    let Value::Object(mut fields) = value else {
        return Err("a JSON value but not an object; each line must be {\"text\": ..., ...}; skipped".into());
    };
    let text = match fields.remove("text") {
        Some(Value::String(text)) if !text.trim().is_empty() => text,
        Some(Value::String(_)) => return Err("field \"text\" is empty; skipped".into()),
        Some(_) => return Err("field \"text\" is not a string; skipped".into()),
        None => return Err("no \"text\" field; each line needs the article text in \"text\"; skipped".into()),
    };
    let title = take_string(&mut fields, "title");
    let url = take_string(&mut fields, "url");
    let id = take_string(&mut fields, "id");
    let date = match take_string(&mut fields, "date") {
        Some(raw) => Some(parse_date(&raw).ok_or_else(|| format!("field \"date\" ({raw:?}) is not a date such as 2024-09-17; skipped"))?),
        None => None,
    };
    let source = take_string(&mut fields, "source")
        .or_else(|| url.as_deref().and_then(source_from_url))
        .unwrap_or_else(|| super::doc_name(path));
    Ok(RawArticle {
        path: path.display().to_string(),
        line,
        doc: id.unwrap_or_else(|| format!("{}-{}", super::doc_name(path), line)),
        source,
        url,
        title,
        date,
        text,
        text_offset: 0,
        metadata: fields,
    })
}

/// Removes a field and returns it as a string (numbers are written out).
pub(super) fn take_string(fields: &mut Map<String, Value>, key: &str) -> Option<String> {
    match fields.remove(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Null | Value::String(_) => None,
        other => {
            fields.insert(key.to_string(), other);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<ReadItem> {
        let mut items = Vec::new();
        read_jsonl(Path::new("f.jsonl"), input.as_bytes(), &ReadOptions::default(), &mut |i| items.push(i));
        items
    }

    #[test]
    fn reads_fields_and_keeps_the_rest_as_metadata() {
        let items = read("{\"id\": 7, \"text\": \"Tekst.\", \"date\": \"2023-05-01\", \"url\": \"https://www.voorbeeld.nl/a\", \"sectie\": \"binnenland\"}\n");
        let ReadItem::Article(a) = &items[0] else { panic!() };
        assert_eq!(a.doc, "7");
        assert_eq!(a.source, "voorbeeld.nl");
        assert_eq!(a.metadata["sectie"], "binnenland");
        assert_eq!(a.line, 1);
    }

    #[test]
    fn a_bad_line_is_reported_with_its_number_and_the_rest_read() {
        let items = read("{\"text\": \"een\"}\nniet json\n{\"titel\": \"x\"}\n{\"text\": \"twee\"}\n");
        let problems: Vec<String> = items.iter().filter_map(|i| match i { ReadItem::Problem(p) => Some(p.to_string()), _ => None }).collect();
        assert_eq!(problems.len(), 2);
        assert!(problems[0].starts_with("f.jsonl:2: not valid JSON"), "{}", problems[0]);
        assert!(problems[1].starts_with("f.jsonl:3: no \"text\" field"));
        assert_eq!(items.iter().filter(|i| matches!(i, ReadItem::Article(_))).count(), 2);
    }

    #[test]
    fn an_overlong_line_is_skipped_without_holding_it() {
        let options = ReadOptions { max_record_bytes: 20, ..Default::default() };
        let mut items = Vec::new();
        read_jsonl(Path::new("f.jsonl"), "{\"text\": \"veel te lang\"}\n{\"text\":\"ok\"}\n".as_bytes(), &options, &mut |i| items.push(i));
        assert!(matches!(&items[0], ReadItem::Problem(p) if p.line == Some(1)));
        assert!(matches!(&items[1], ReadItem::Article(_)));
    }
}
