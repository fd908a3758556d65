//! CSV and TSV exports with a header row. Which column holds the text, title, date, url,
//! source and id is given by `--map text=body,date=published,...`; columns already named
//! after a field need no mapping. Every other column is kept as metadata.

use super::{problem, source_from_url, warning, ReadItem, ReadOptions};
use crate::article::{parse_date, RawArticle};
use std::io::Read;
use std::path::Path;

const FIELDS: [&str; 6] = ["text", "title", "date", "url", "source", "id"];

/// Reads a CSV (`delimiter` b',') or TSV (b'\t') stream; a bad row is reported and skipped.
pub(super) fn read_table(path: &Path, reader: impl Read, delimiter: u8, options: &ReadOptions, emit: &mut dyn FnMut(ReadItem)) {
    let mut csv = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(reader);
    let header: Vec<String> = match csv.byte_headers() {
        Ok(h) => h.iter().map(|c| String::from_utf8_lossy(c).trim().to_string()).collect(),
        Err(error) => return emit(problem(path, Some(1), format!("cannot read the header row: {error}"))),
    };
    let columns = match map_columns(&header, options) {
        Ok(columns) => columns,
        Err(message) => return emit(problem(path, Some(1), message)),
    };
    let mut record = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                let line = error.position().map(|p| p.line());
                emit(problem(path, line, format!("cannot parse this row ({error}); check its quoting; skipped")));
                continue;
            }
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.len() != header.len() {
            emit(problem(path, Some(line), format!(
                "row has {} fields but the header has {}; a missing or extra column (check commas and quotes); skipped",
                record.len(), header.len()
            )));
            continue;
        }
        match article_from_row(path, line, &header, &columns, &record, emit) {
            Ok(article) => emit(ReadItem::Article(Box::new(article))),
            Err(message) => emit(problem(path, Some(line), message)),
        }
    }
}

/// For each article field, the index of its column (if any); an error when there is no text.
fn map_columns(header: &[String], options: &ReadOptions) -> Result<[Option<usize>; 6], String> {
    let mut columns = [None; 6];
    for (slot, field) in FIELDS.iter().enumerate() {
        let wanted = options.column_map.get(*field).map(String::as_str).unwrap_or(field);
        columns[slot] = header.iter().position(|h| h.eq_ignore_ascii_case(wanted));
        if options.column_map.contains_key(*field) && columns[slot].is_none() {
            return Err(format!("--map {field}={wanted}: no column {wanted:?} in the header ({})", header.join(", ")));
        }
    }
    if columns[0].is_none() {
        return Err(format!(
            "no text column; name it with --map text=COLUMN (the header has: {})",
            header.join(", ")
        ));
    }
    Ok(columns)
}

fn article_from_row(
    path: &Path,
    line: u64,
    header: &[String],
    columns: &[Option<usize>; 6],
    record: &csv::ByteRecord,
    emit: &mut dyn FnMut(ReadItem),
) -> Result<RawArticle, String> {
    let cell = |slot: usize| -> Option<String> {
        let value = String::from_utf8_lossy(record.get(columns[slot]?)?).trim().to_string();
        (!value.is_empty()).then_some(value)
    };
    if std::str::from_utf8(record.as_slice()).is_err() {
        emit(warning(path, Some(line), "invalid UTF-8 in this row; replaced by U+FFFD".into()));
    }
    let text = cell(0).ok_or("the text column is empty; skipped")?;
    let date = match cell(2) {
        Some(raw) => Some(parse_date(&raw).ok_or_else(|| format!("date {raw:?} is not a date such as 2024-09-17; skipped"))?),
        None => None,
    };
    let url = cell(3);
    let mut metadata = serde_json::Map::new();
    for (i, name) in header.iter().enumerate() {
        if !columns.contains(&Some(i)) {
            let value = String::from_utf8_lossy(record.get(i).unwrap_or_default()).to_string();
            metadata.insert(name.clone(), serde_json::Value::String(value));
        }
    }
    Ok(RawArticle {
        path: path.display().to_string(),
        line,
        doc: cell(5).unwrap_or_else(|| format!("{}-{}", super::doc_name(path), line)),
        source: cell(4).or_else(|| url.as_deref().and_then(source_from_url)).unwrap_or_else(|| super::doc_name(path)),
        url,
        title: cell(1),
        date,
        text,
        text_offset: 0,
        metadata,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str, map: &[(&str, &str)]) -> Vec<ReadItem> {
        let options = ReadOptions {
            column_map: map.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
            ..Default::default()
        };
        let mut items = Vec::new();
        read_table(Path::new("e.csv"), input.as_bytes(), b',', &options, &mut |i| items.push(i));
        items
    }

    #[test]
    fn mapped_columns_become_fields_and_the_rest_metadata() {
        let items = read("id,body,published,rubriek\n1,\"Tekst, met komma.\",2021-02-03,politiek\n", &[("text", "body"), ("date", "published")]);
        let ReadItem::Article(a) = &items[0] else { panic!("{items:?}") };
        assert_eq!(a.text, "Tekst, met komma.");
        assert_eq!(a.date.unwrap().display(), "2021-02-03");
        assert_eq!(a.metadata["rubriek"], "politiek");
        assert_eq!(a.doc, "1");
    }

    #[test]
    fn a_row_with_a_missing_column_names_its_line() {
        let items = read("text,date\neen,2021-01-01\ntwee\ndrie,2021-01-03\n", &[]);
        let ReadItem::Problem(p) = &items[1] else { panic!("{items:?}") };
        assert_eq!(p.line, Some(3));
        assert!(p.message.contains("row has 1 fields but the header has 2"));
        assert_eq!(items.iter().filter(|i| matches!(i, ReadItem::Article(_))).count(), 2);
    }

    #[test]
    fn no_text_column_says_how_to_map_it() {
        let items = read("kop,romp\na,b\n", &[]);
        let ReadItem::Problem(p) = &items[0] else { panic!() };
        assert!(p.message.contains("--map text=COLUMN"), "{}", p.message);
    }
}
