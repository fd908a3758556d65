//! Readers: turn input files into [`RawArticle`]s, one per input record.
//!
//! [`read_inputs`] walks the given paths recursively in a stable order and hands each article
//! or problem to a callback as soon as it is read, so memory stays bounded by the largest
//! single record, not by the size of the input. A problem never stops the walk: it names
//! the file (and line), says what was wrong and what to do, and the next record is read.

mod decode;
mod html;
mod jsonl;
mod table;
mod text;
mod warc;

pub use decode::{decode, looks_binary, Decoded};
pub use html::extract_article_from_html;
pub use text::parse_crawled_text;

use crate::article::RawArticle;
use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// Something that went wrong (or was repaired) while reading one file or record.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ReadProblem {
    pub path: String,
    /// The line (or record number) inside the file, when the problem is one record's.
    pub line: Option<u64>,
    pub message: String,
    /// True when the record or file was skipped; false for a warning (read after repair).
    pub skipped: bool,
}

impl fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// One thing a reader produced.
#[derive(Debug)]
pub enum ReadItem {
    Article(Box<RawArticle>),
    Problem(ReadProblem),
}

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// For CSV/TSV: which column holds each article field (`text` → `body`, ...).
    pub column_map: BTreeMap<String, String>,
    /// Files (text, HTML) and records larger than this are skipped with a message.
    pub max_record_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { column_map: BTreeMap::new(), max_record_bytes: 20 * 1024 * 1024 }
    }
}

/// The formats kroniek reads, chosen by file extension (after a `.gz`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    Text,
    Jsonl,
    Csv,
    Tsv,
    Html,
    Warc,
}

impl InputFormat {
    /// The format for a file name, looking through a `.gz` suffix; `None` for unknown types.
    pub fn from_path(path: &Path) -> Option<(InputFormat, bool)> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        let (name, gzipped) = match name.strip_suffix(".gz") {
            Some(inner) => (inner.to_string(), true),
            None => (name, false),
        };
        let extension = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        let format = match extension {
            "txt" | "text" => InputFormat::Text,
            "jsonl" | "ndjson" | "json" => InputFormat::Jsonl,
            "csv" => InputFormat::Csv,
            "tsv" | "tab" => InputFormat::Tsv,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "warc" => InputFormat::Warc,
            _ => return None,
        };
        Some((format, gzipped))
    }
}

/// The document name for a whole-file article: the file name without its extensions.
pub fn doc_name(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

/// The default source of an article from a file: the name of the folder it sits in.
fn folder_source(path: &Path) -> String {
    path.parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "local".to_string())
}

/// Reads every input under `paths` (files or folders, recursively, in name order) and calls
/// `emit` with each article or problem. Returns the files visited, in order.
pub fn read_inputs(paths: &[PathBuf], options: &ReadOptions, emit: &mut dyn FnMut(ReadItem)) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        collect_files(path, &mut files, emit);
    }
    for file in &files {
        read_file(file, options, emit);
    }
    files
}

/// Lists the files under `path` in name order, reporting folders that cannot be read.
pub fn collect_files(path: &Path, files: &mut Vec<PathBuf>, emit: &mut dyn FnMut(ReadItem)) {
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(error) => {
            emit(problem(path, None, format!("cannot open: {error}; check the path and its permissions")));
            return;
        }
    };
    if metadata.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(error) => {
            emit(problem(path, None, format!("cannot read folder: {error}; check its permissions (ls -ld) and run again")));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    children.sort();
    for child in children {
        let hidden = child.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if !hidden {
            collect_files(&child, files, emit);
        }
    }
}

/// Reads one file in the format its name says and emits its articles and problems.
pub fn read_file(path: &Path, options: &ReadOptions, emit: &mut dyn FnMut(ReadItem)) {
    let Some((format, gzipped)) = InputFormat::from_path(path) else {
        emit(problem(path, None, "not a known input type (.txt .jsonl .csv .tsv .html .warc, optionally .gz); skipped".into()));
        return;
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => {
            emit(problem(path, None, format!("cannot open: {error}; check its permissions")));
            return;
        }
    };
    let reader: Box<dyn Read> = if gzipped {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 16, file)))
    } else {
        Box::new(file)
    };
    let reader = BufReader::with_capacity(1 << 16, reader);
    match format {
        InputFormat::Text => text::read_text_file(path, reader, options, emit),
        InputFormat::Html => html::read_html_file(path, reader, options, emit),
        InputFormat::Jsonl => jsonl::read_jsonl(path, reader, options, emit),
        InputFormat::Csv => table::read_table(path, reader, b',', options, emit),
        InputFormat::Tsv => table::read_table(path, reader, b'\t', options, emit),
        InputFormat::Warc => warc::read_warc(path, reader, options, emit),
    }
}

/// Builds a skipped-record problem.
pub(crate) fn problem(path: &Path, line: Option<u64>, message: String) -> ReadItem {
    ReadItem::Problem(ReadProblem { path: path.display().to_string(), line, message, skipped: true })
}

/// Builds a warning: the record was read after a repair.
pub(crate) fn warning(path: &Path, line: Option<u64>, message: String) -> ReadItem {
    ReadItem::Problem(ReadProblem { path: path.display().to_string(), line, message, skipped: false })
}

/// Reads a whole file (or decompressed stream) up to `limit` bytes; `Err` names the problem.
pub(crate) fn read_capped(mut reader: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let read = (&mut reader).take(limit + 1).read_to_end(&mut bytes);
    match read {
        Err(error) => Err(format!("cannot read: {error}")),
        Ok(_) if bytes.len() as u64 > limit => Err(format!(
            "larger than {} MB, which is not one news article; split it into one file per article or use JSONL",
            limit / (1024 * 1024)
        )),
        Ok(_) => Ok(bytes),
    }
}

/// Decodes a whole file's bytes to text, emitting a warning for a repair and a problem for
/// binary content. `None` when the file is to be skipped.
pub(crate) fn decode_file(path: &Path, bytes: &[u8], emit: &mut dyn FnMut(ReadItem)) -> Option<String> {
    match decode(bytes) {
        Decoded::Utf8(text) => Some(text),
        Decoded::Windows1252(text) => {
            emit(warning(path, None, "not UTF-8: read as Windows-1252/Latin-1 and converted to UTF-8".into()));
            Some(text)
        }
        Decoded::Repaired { text, bad_bytes, first_bad_line } => {
            emit(warning(path, Some(first_bad_line), format!(
                "{bad_bytes} invalid UTF-8 byte(s), first on this line; replaced by U+FFFD and read the rest"
            )));
            Some(text)
        }
        Decoded::Binary => {
            emit(problem(path, None, "binary content, not text; skipped (remove it from the input or check its extension)".into()));
            None
        }
    }
}

/// The site's source name taken from a URL's host (`www.nos.nl` → `nos.nl`).
pub(crate) fn source_from_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_extension_through_gz() {
        assert_eq!(InputFormat::from_path(Path::new("a/b.jsonl.gz")), Some((InputFormat::Jsonl, true)));
        assert_eq!(InputFormat::from_path(Path::new("x.HTML")), Some((InputFormat::Html, false)));
        assert_eq!(InputFormat::from_path(Path::new("x.png")), None);
        assert_eq!(doc_name(Path::new("d/000_b0f.txt.gz")), "000_b0f");
    }

    #[test]
    fn source_is_the_host_without_www() {
        assert_eq!(source_from_url("https://www.nos.nl/artikel/1"), Some("nos.nl".into()));
        assert_eq!(source_from_url("geen url"), None);
    }
}

#[cfg(test)]
mod gzip_tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_gzipped_jsonl_file_is_read_like_the_plain_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feed.jsonl.gz");
        let mut encoder = flate2::write::GzEncoder::new(std::fs::File::create(&path).unwrap(), flate2::Compression::default());
        encoder.write_all(b"{\"id\": \"g1\", \"text\": \"De haven breidt uit.\"}\n{\"id\": \"g2\", \"text\": \"De sluis gaat open.\"}\n").unwrap();
        encoder.finish().unwrap();
        let mut docs = Vec::new();
        read_file(&path, &ReadOptions::default(), &mut |item| {
            if let ReadItem::Article(a) = item {
                docs.push(a.doc.clone());
            }
        });
        assert_eq!(docs, ["g1", "g2"]);
    }
}
