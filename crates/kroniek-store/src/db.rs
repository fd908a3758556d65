//! The corpus database: SQLite, the truth from which everything else (the search index) is
//! derived. Writes happen in batches, each in one transaction, so a crash or Ctrl-C loses
//! nothing that was committed and a re-run resumes where it stopped.

use crate::dedup::{self, Signature};
use crate::StoreError;
use kroniek_nlp::Annotations;
use kroniek_text::TextLayers;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The file name of the database inside a corpus directory.
pub const DATABASE_FILE: &str = "corpus.sqlite";
const SCHEMA: &str = include_str!("schema.sql");
const SCHEMA_VERSION: &str = "3";

/// An article ready to store: what was read plus everything derived from it.
#[derive(Debug)]
pub struct PreparedArticle {
    pub raw: crate::article::RawArticle,
    pub id: String,
    pub content_hash: String,
    pub language: String,
    pub layers: TextLayers,
    pub annotations: Annotations,
    pub signature: Option<Signature>,
}

/// What happened to one prepared article when a batch was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreOutcome {
    /// Stored as a new article with this rowid.
    Stored(i64),
    /// Stored, and linked as a near-duplicate of an earlier article.
    StoredNearDuplicate(i64),
    /// The same article (same id) is already in the corpus: nothing changed.
    AlreadyStored,
    /// Another article with the same words is stored: recorded as a duplicate input.
    Duplicate,
}

/// An article as stored.
#[derive(Clone, Debug, Serialize)]
pub struct StoredArticle {
    #[serde(skip)]
    pub rowid: i64,
    pub id: String,
    pub doc: String,
    pub source: String,
    pub path: String,
    pub line: i64,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub date_precision: String,
    pub language: String,
    pub text: String,
    pub metadata: serde_json::Value,
}

/// A statement as stored, with its article's doc name and date. `speaker` is the corpus
/// entity's canonical name once entities are resolved across the corpus (`kroniek entities`),
/// else the name or group as found in the article.
#[derive(Clone, Debug, Serialize)]
pub struct StoredStatement {
    pub doc: String,
    pub article: String,
    pub kind: String,
    pub speaker: String,
    pub text: String,
    pub cue: Option<String>,
    pub date: Option<String>,
    pub start: i64,
    pub end: i64,
}

/// Which statements to list.
#[derive(Clone, Debug, Default)]
pub struct StatementFilter {
    /// Words that must all appear among the speaker's words (case-insensitive).
    pub speaker: Option<String>,
    /// Only statements of these article rowids (from a search), when given.
    pub articles: Option<Vec<i64>>,
    /// ISO dates, inclusive; compared to the article's date as stored.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A count for one value of a facet (a year, a month, a source, a language).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Count {
    pub value: String,
    pub articles: i64,
}

/// Counts per year, month, source and language.
#[derive(Clone, Debug, Serialize)]
pub struct CorpusStats {
    pub articles: i64,
    pub years: Vec<Count>,
    pub months: Vec<Count>,
    pub sources: Vec<Count>,
    pub languages: Vec<Count>,
    pub duplicate_inputs: i64,
    pub near_duplicates: i64,
    pub statements: i64,
}

/// One group of duplicates: the stored article and its copies.
#[derive(Clone, Debug, Serialize)]
pub struct DuplicateGroup {
    /// The article kept (first stored).
    pub original: GroupMember,
    /// Exact copies found in other inputs (not stored again).
    pub exact_copies: Vec<String>,
    /// Near-duplicates stored as articles of their own and linked to the original.
    pub near_duplicates: Vec<GroupMember>,
}

/// One article in a duplicate group.
#[derive(Clone, Debug, Serialize)]
pub struct GroupMember {
    pub id: String,
    pub doc: String,
    pub title: Option<String>,
    pub similarity: Option<f64>,
}

/// Refuses a corpus made by a kroniek with another schema, with what to do about it.
fn check_schema_version(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let has_meta: bool = conn
        .query_row("SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'meta'", [], |r| r.get(0))
        .map_err(|e| StoreError::db(path, e))?;
    if !has_meta {
        return Ok(());
    }
    let version: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| r.get(0))
        .optional()
        .map_err(|e| StoreError::db(path, e))?;
    match version {
        Some(version) if version == "2" => upgrade_from_version_2(conn).map_err(|e| StoreError::db(path, e)),
        Some(version) if version != SCHEMA_VERSION => Err(StoreError::Schema {
            path: path.to_path_buf(),
            message: format!(
                "this corpus has schema version {version}, this kroniek writes version {SCHEMA_VERSION}; \
                 ingest the inputs again into a new corpus directory (--corpus NEW)"
            ),
        }),
        _ => Ok(()),
    }
}

/// Upgrades a corpus of schema version 2 to 3 in one transaction: its sentence rows become one
/// row per article (`article_sentences`), read through the `sentences` view as before.
fn upgrade_from_version_2(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "BEGIN;
         CREATE TABLE article_sentences (article INTEGER PRIMARY KEY REFERENCES articles (rowid), spans TEXT NOT NULL);
         INSERT INTO article_sentences (article, spans)
             SELECT article, json_group_array(json_array(start, \"end\", paragraph, heading, residue))
             FROM (SELECT * FROM sentences ORDER BY article, start) GROUP BY article;
         DROP TABLE sentences;
         UPDATE meta SET value = '3' WHERE key = 'schema_version';
         COMMIT;",
    )
}

/// An open corpus database.
pub struct CorpusDb {
    conn: Connection,
    path: PathBuf,
}

impl CorpusDb {
    /// Opens the corpus in `dir`, creating the directory and database when missing.
    pub fn create_or_open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let path = dir.join(DATABASE_FILE);
        let conn = Connection::open(&path).map_err(|e| StoreError::db(&path, e))?;
        check_schema_version(&conn, &path)?;
        conn.execute_batch(SCHEMA).map_err(|e| StoreError::db(&path, e))?;
        // A bounded page cache; reads beyond it go through a memory map (file-backed pages
        // the kernel may drop), so random index lookups stay cheap in a large corpus. The
        // write-ahead log is copied into the database every 16,384 pages (64 MB) instead of
        // SQLite's 1,000: in a large corpus each copy writes pages scattered over the file and
        // syncs it, and a page changed by many batches is now copied once.
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768; \
             PRAGMA mmap_size = 1073741824; PRAGMA wal_autocheckpoint = 16384;",
        )
        .map_err(|e| StoreError::db(&path, e))?;
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?1)", [SCHEMA_VERSION])
            .map_err(|e| StoreError::db(&path, e))?;
        Ok(CorpusDb { conn, path })
    }

    /// Opens an existing corpus; an error that says how to create one when there is none.
    pub fn open_existing(dir: &Path) -> Result<Self, StoreError> {
        let path = dir.join(DATABASE_FILE);
        if !path.is_file() {
            return Err(StoreError::NoCorpus(dir.to_path_buf()));
        }
        Self::create_or_open(dir)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The SQLite connection, for the store's other modules.
    pub(crate) fn connection(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The SQLite connection, read-only use.
    pub(crate) fn connection_ref(&self) -> &Connection {
        &self.conn
    }

    /// A value of the meta table.
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional().map_err(|e| self.err(e))
    }

    fn err(&self, error: rusqlite::Error) -> StoreError {
        StoreError::db(&self.path, error)
    }

    /// Starts a run of ingest and returns its number.
    pub fn start_run(&self) -> Result<i64, StoreError> {
        self.conn.execute("INSERT INTO runs (started_at) VALUES (?1)", [now()]).map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records a run's totals when it ends.
    pub fn finish_run(&self, run: i64, read: u64, stored: u64, duplicates: u64, skipped: u64) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE runs SET finished_at = ?1, read = ?2, stored = ?3, duplicates = ?4, skipped = ?5 WHERE id = ?6",
                params![now(), read as i64, stored as i64, duplicates as i64, skipped as i64, run],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Whether this input file was read to the end before with the same size and time.
    pub fn is_input_unchanged(&self, path: &str, size: u64, modified: i64) -> Result<bool, StoreError> {
        let found: Option<i64> = self
            .conn
            .query_row(
                "SELECT 1 FROM input_files WHERE path = ?1 AND size = ?2 AND modified = ?3",
                params![path, size as i64, modified],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(found.is_some())
    }

    /// Writes one batch in one transaction: articles with their layers, problems met while
    /// reading, and the input files finished. Returns what happened to each article.
    pub fn write_batch(
        &mut self,
        run: i64,
        articles: &[PreparedArticle],
        problems: &[crate::read::ReadProblem],
        finished_files: &[(String, u64, i64)],
    ) -> Result<Vec<StoreOutcome>, StoreError> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| StoreError::db(&path, e))?;
        let mut outcomes = Vec::with_capacity(articles.len());
        for article in articles {
            outcomes.push(store_article(&tx, article).map_err(|e| StoreError::db(&path, e))?);
        }
        {
            let mut log = tx
                .prepare_cached("INSERT INTO ingest_log (run, path, line, skipped, message) VALUES (?1, ?2, ?3, ?4, ?5)")
                .map_err(|e| StoreError::db(&path, e))?;
            for p in problems {
                log.execute(params![run, p.path, p.line.map(|l| l as i64), p.skipped, p.message])
                    .map_err(|e| StoreError::db(&path, e))?;
            }
            let mut done = tx
                .prepare_cached("INSERT OR REPLACE INTO input_files (path, size, modified, finished_at) VALUES (?1, ?2, ?3, ?4)")
                .map_err(|e| StoreError::db(&path, e))?;
            for (file, size, modified) in finished_files {
                done.execute(params![file, *size as i64, modified, now()]).map_err(|e| StoreError::db(&path, e))?;
            }
        }
        tx.commit().map_err(|e| StoreError::db(&path, e))?;
        Ok(outcomes)
    }

    /// Finds an article by its id, or by its doc name when no id matches.
    pub fn find_article(&self, key: &str) -> Result<Option<StoredArticle>, StoreError> {
        let by_id = self.article_where("id = ?1", key)?;
        match by_id {
            Some(article) => Ok(Some(article)),
            None => self.article_where("doc = ?1 ORDER BY rowid LIMIT 1", key),
        }
    }

    /// The article with this rowid.
    pub fn article_by_rowid(&self, rowid: i64) -> Result<Option<StoredArticle>, StoreError> {
        self.article_where("rowid = ?1", &rowid.to_string())
    }

    fn article_where(&self, condition: &str, value: &str) -> Result<Option<StoredArticle>, StoreError> {
        let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE {condition}");
        self.conn.query_row(&sql, [value], article_from_row).optional().map_err(|e| self.err(e))
    }

    /// Articles with rowid greater than `after`, in rowid order, at most `limit`.
    pub fn articles_after(&self, after: i64, limit: usize) -> Result<Vec<StoredArticle>, StoreError> {
        let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE rowid > ?1 ORDER BY rowid LIMIT ?2");
        let mut statement = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = statement.query_map(params![after, limit as i64], article_from_row).map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The highest article rowid (0 for an empty corpus).
    pub fn max_rowid(&self) -> Result<i64, StoreError> {
        self.conn.query_row("SELECT COALESCE(MAX(rowid), 0) FROM articles", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// Entity names of an article by type, for the search index's entity fields: the article
    /// entities' names and aliases, a person's surname, and the corpus entity's canonical name
    /// and aliases when entities were resolved across the corpus. A name is indexed under the
    /// article entity's type and also under the corpus entity's type when that differs (a
    /// "Poetins" the tagger typed MISC that joined the person Vladimir Poetin is found by
    /// `person:Poetin`); an untyped knowledge-base entry (MISC) adds no type.
    pub fn entity_names(&self, rowid: i64) -> Result<Vec<(String, String)>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT ae.type, ae.name, ae.aliases, e.name, e.aliases, e.type FROM article_entities ae \
                 LEFT JOIN entity_links l ON l.article = ae.article AND l.local = ae.local \
                 LEFT JOIN entities e ON e.number = l.entity WHERE ae.article = ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = statement
            .query_map([rowid], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, Option<String>>(5)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut names = Vec::new();
        for row in rows {
            let (kind, name, aliases, corpus_name, corpus_aliases, corpus_kind) = row.map_err(|e| self.err(e))?;
            let mut all: Vec<String> = serde_json::from_str(&aliases).unwrap_or_default();
            all.push(name);
            all.extend(corpus_name);
            all.extend(corpus_aliases.and_then(|a| serde_json::from_str::<Vec<String>>(&a).ok()).unwrap_or_default());
            if let Some(corpus_kind) = corpus_kind.filter(|k| *k != kind && k != "MISC") {
                names.extend(entity_index_names(&corpus_kind, all.clone()));
            }
            names.extend(entity_index_names(&kind, all));
        }
        Ok(names)
    }

    /// Counts per year, month, source and language.
    pub fn stats(&self) -> Result<CorpusStats, StoreError> {
        let count = |sql: &str| -> Result<i64, StoreError> { self.conn.query_row(sql, [], |r| r.get(0)).map_err(|e| self.err(e)) };
        Ok(CorpusStats {
            articles: count("SELECT COUNT(*) FROM articles")?,
            years: self.counts("COALESCE(substr(date, 1, 4), 'unknown')")?,
            months: self.counts("CASE WHEN date_precision IN ('day', 'month') THEN substr(date, 1, 7) ELSE COALESCE(substr(date, 1, 4) || '-??', 'unknown') END")?,
            sources: self.counts("source")?,
            languages: self.counts("language")?,
            duplicate_inputs: count("SELECT COUNT(*) FROM duplicate_inputs")?,
            near_duplicates: count("SELECT COUNT(*) FROM near_duplicates")?,
            statements: count("SELECT COUNT(*) FROM statements")?,
        })
    }

    fn counts(&self, expression: &str) -> Result<Vec<Count>, StoreError> {
        let sql = format!("SELECT {expression} AS value, COUNT(*) FROM articles GROUP BY value ORDER BY value");
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = statement
            .query_map([], |row| Ok(Count { value: row.get(0)?, articles: row.get(1)? }))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Groups of exact copies and near-duplicates, largest first.
    pub fn duplicate_groups(&self) -> Result<Vec<DuplicateGroup>, StoreError> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT article FROM duplicate_inputs UNION SELECT original FROM near_duplicates ORDER BY 1",
            )
            .map_err(|e| self.err(e))?;
        let originals: Vec<i64> = statement
            .query_map([], |row| row.get(0))
            .map_err(|e| self.err(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.err(e))?;
        let mut groups = Vec::new();
        for original in originals {
            groups.push(self.duplicate_group(original)?);
        }
        groups.sort_by_key(|g| std::cmp::Reverse(g.exact_copies.len() + g.near_duplicates.len()));
        Ok(groups)
    }

    fn duplicate_group(&self, original: i64) -> Result<DuplicateGroup, StoreError> {
        let member = |row: &rusqlite::Row| -> rusqlite::Result<GroupMember> {
            Ok(GroupMember { id: row.get(0)?, doc: row.get(1)?, title: row.get(2)?, similarity: row.get(3)? })
        };
        let original_member = self
            .conn
            .query_row("SELECT id, doc, title, NULL FROM articles WHERE rowid = ?1", [original], member)
            .map_err(|e| self.err(e))?;
        let mut copies = self.conn.prepare_cached("SELECT path, line FROM duplicate_inputs WHERE article = ?1 ORDER BY path, line").map_err(|e| self.err(e))?;
        let exact_copies = copies
            .query_map([original], |row| {
                let (path, line): (String, i64) = (row.get(0)?, row.get(1)?);
                Ok(if line > 0 { format!("{path}:{line}") } else { path })
            })
            .map_err(|e| self.err(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.err(e))?;
        let mut near = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.doc, a.title, n.similarity FROM near_duplicates n JOIN articles a ON a.rowid = n.article \
                 WHERE n.original = ?1 ORDER BY a.rowid",
            )
            .map_err(|e| self.err(e))?;
        let near_duplicates = near.query_map([original], member).map_err(|e| self.err(e))?.collect::<Result<_, _>>().map_err(|e| self.err(e))?;
        Ok(DuplicateGroup { original: original_member, exact_copies, near_duplicates })
    }

    /// Statements matching a filter, by date then position.
    pub fn statements(&self, filter: &StatementFilter) -> Result<Vec<StoredStatement>, StoreError> {
        let mut sql = String::from(
            "SELECT a.doc, a.id, s.kind, COALESCE(e.name, s.speaker), s.text, s.cue, a.date, s.start, s.end, s.article, s.speaker \
             FROM statements s JOIN articles a ON a.rowid = s.article \
             LEFT JOIN entity_links l ON l.article = s.article AND l.local = s.speaker_local \
             LEFT JOIN entities e ON e.number = l.entity WHERE 1 = 1",
        );
        let mut values: Vec<String> = Vec::new();
        if let Some(from) = &filter.from {
            values.push(from.clone());
            sql += &format!(" AND a.date >= ?{}", values.len());
        }
        if let Some(to) = &filter.to {
            values.push(format!("{to}\u{10ffff}"));
            sql += &format!(" AND a.date <= ?{}", values.len());
        }
        sql += " ORDER BY a.date, a.rowid, s.start";
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = statement
            .query_map(rusqlite::params_from_iter(values.iter()), |row| {
                Ok((
                    StoredStatement {
                        doc: row.get(0)?,
                        article: row.get(1)?,
                        kind: row.get(2)?,
                        speaker: row.get(3)?,
                        text: row.get(4)?,
                        cue: row.get(5)?,
                        date: row.get(6)?,
                        start: row.get(7)?,
                        end: row.get(8)?,
                    },
                    row.get::<_, i64>(9)?,
                    row.get::<_, String>(10)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let speaker_words: Vec<String> = filter
            .speaker
            .as_deref()
            .map(|s| s.split_whitespace().map(fold_for_matching).collect())
            .unwrap_or_default();
        let allowed: Option<std::collections::HashSet<i64>> = filter.articles.as_ref().map(|a| a.iter().copied().collect());
        let mut found = Vec::new();
        for row in rows {
            let (stored, article, speaker_as_written) = row.map_err(|e| self.err(e))?;
            if allowed.as_ref().is_some_and(|set| !set.contains(&article)) {
                continue;
            }
            let words = |name: &str| -> Vec<String> { name.split_whitespace().map(fold_for_matching).collect() };
            let (canonical, written) = (words(&stored.speaker), words(&speaker_as_written));
            if speaker_words.iter().all(|w| canonical.contains(w) || written.contains(w)) {
                found.push(stored);
            }
        }
        Ok(found)
    }
}

/// Lowercases and removes accents and a trailing genitive s is not touched: "Oekraïne" → "oekraine".
pub fn fold_for_matching(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        out.push(match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        });
    }
    out
}

/// The names under which an entity is findable with person:/org:/place:/misc:: every form,
/// plus the surname of a person's full name.
pub fn entity_index_names(kind: &str, forms: Vec<String>) -> Vec<(String, String)> {
    let mut names: Vec<(String, String)> = Vec::new();
    for form in forms {
        if kind == "PER" {
            if let Some(surname) = form.split_whitespace().last().filter(|_| form.contains(' ')) {
                names.push((kind.to_string(), surname.to_string()));
            }
        }
        names.push((kind.to_string(), form));
    }
    names.sort();
    names.dedup();
    names
}

const ARTICLE_COLUMNS: &str =
    "rowid, id, doc, source, path, line, url, title, date, date_precision, language, text, metadata";

fn article_from_row(row: &rusqlite::Row) -> rusqlite::Result<StoredArticle> {
    let metadata: String = row.get(12)?;
    Ok(StoredArticle {
        rowid: row.get(0)?,
        id: row.get(1)?,
        doc: row.get(2)?,
        source: row.get(3)?,
        path: row.get(4)?,
        line: row.get(5)?,
        url: row.get(6)?,
        title: row.get(7)?,
        date: row.get(8)?,
        date_precision: row.get(9)?,
        language: row.get(10)?,
        text: row.get(11)?,
        metadata: serde_json::from_str(&metadata).unwrap_or(serde_json::Value::Null),
    })
}

/// Stores one article (or records it as a duplicate) inside the batch's transaction.
fn store_article(tx: &rusqlite::Transaction, article: &PreparedArticle) -> rusqlite::Result<StoreOutcome> {
    let same_id: Option<(i64, String, i64)> = tx
        .prepare_cached("SELECT rowid, path, line FROM articles WHERE id = ?1")?
        .query_row([&article.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let same_words = match same_id {
        Some(found) => Some(found),
        None => tx
            .prepare_cached("SELECT rowid, path, line FROM articles WHERE content_hash = ?1 LIMIT 1")?
            .query_row([&article.content_hash], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?,
    };
    if let Some((original, path, line)) = same_words {
        if path == article.raw.path && line == article.raw.line as i64 {
            return Ok(StoreOutcome::AlreadyStored);
        }
        let added = tx
            .prepare_cached("INSERT OR IGNORE INTO duplicate_inputs (article, path, line, doc) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![original, article.raw.path, article.raw.line as i64, article.raw.doc])?;
        return Ok(if added == 0 { StoreOutcome::AlreadyStored } else { StoreOutcome::Duplicate });
    }
    let raw = &article.raw;
    let date = raw.date.map(|d| d.display()).filter(|d| !d.is_empty());
    let precision = raw.date.map(|d| d.precision.as_str()).unwrap_or("unknown");
    tx.prepare_cached(
        "INSERT INTO articles (id, doc, source, path, line, url, title, date, date_precision, language, text, \
         text_offset, metadata, content_hash, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        article.id,
        raw.doc,
        raw.source,
        raw.path,
        raw.line as i64,
        raw.url,
        raw.title,
        date,
        precision,
        article.language,
        raw.text,
        raw.text_offset as i64,
        serde_json::Value::Object(raw.metadata.clone()).to_string(),
        article.content_hash,
        now(),
    ])?;
    let rowid = tx.last_insert_rowid();
    store_layers(tx, rowid, &article.layers)?;
    store_annotations(tx, rowid, &raw.text, &article.annotations)?;
    let near = match &article.signature {
        Some(signature) => link_near_duplicate(tx, rowid, signature)?,
        None => false,
    };
    Ok(if near { StoreOutcome::StoredNearDuplicate(rowid) } else { StoreOutcome::Stored(rowid) })
}

fn store_layers(tx: &rusqlite::Transaction, rowid: i64, layers: &TextLayers) -> rusqlite::Result<()> {
    let mut sentences = tx.prepare_cached("INSERT INTO article_sentences (article, spans) VALUES (?1, ?2)")?;
    sentences.execute(params![rowid, sentence_spans_json(layers)])?;
    let mut residue = tx.prepare_cached("INSERT INTO residue (article, start, end, kind) VALUES (?1, ?2, ?3, ?4)")?;
    for r in &layers.residue {
        let kind = serde_json::to_value(r.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        residue.execute(params![rowid, r.span.start as i64, r.span.end as i64, kind])?;
    }
    Ok(())
}

/// The sentences of an article as stored: `[[start,end,paragraph,heading,residue],…]`.
fn sentence_spans_json(layers: &TextLayers) -> String {
    use std::fmt::Write;
    let mut json = String::with_capacity(2 + layers.sentences.len() * 20);
    json.push('[');
    for (i, s) in layers.sentences.iter().enumerate() {
        let separator = if i == 0 { "" } else { "," };
        let _ = write!(json, "{separator}[{},{},{},{},{}]", s.span.start, s.span.end, s.paragraph, s.heading as u8, s.residue as u8);
    }
    json.push(']');
    json
}

fn store_annotations(tx: &rusqlite::Transaction, rowid: i64, text: &str, annotations: &Annotations) -> rusqlite::Result<()> {
    let mut entity = tx.prepare_cached(
        "INSERT INTO article_entities (article, local, name, type, aliases, roles, mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (local, e) in annotations.entities.iter().enumerate() {
        entity.execute(params![
            rowid,
            local as i64,
            e.name,
            e.kind.as_str(),
            serde_json::to_string(&e.aliases).unwrap_or_default(),
            serde_json::to_string(&e.roles).unwrap_or_default(),
            e.mentions as i64
        ])?;
    }
    let mut mention = tx.prepare_cached("INSERT INTO mentions (article, start, end, type, local, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for m in &annotations.mentions {
        mention.execute(params![rowid, m.span.start as i64, m.span.end as i64, m.kind.as_str(), m.entity as i64, m.role])?;
    }
    let mut statement = tx.prepare_cached(
        "INSERT INTO statements (article, kind, speaker, speaker_local, speaker_start, speaker_end, cue, cue_start, cue_end, start, end, text) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for s in &annotations.statements {
        let content = text.get(s.content.start..s.content.end).unwrap_or_default();
        statement.execute(params![
            rowid,
            s.kind.as_str(),
            s.speaker.name,
            s.speaker.entity.map(|e| e as i64),
            s.speaker.span.map(|sp| sp.start as i64),
            s.speaker.span.map(|sp| sp.end as i64),
            s.cue,
            s.cue_span.map(|sp| sp.start as i64),
            s.cue_span.map(|sp| sp.end as i64),
            s.content.start as i64,
            s.content.end as i64,
            content
        ])?;
    }
    Ok(())
}

/// Looks up earlier articles sharing an LSH bucket; links to the most similar one above the
/// threshold (to its group's original). Then files this article's buckets.
fn link_near_duplicate(tx: &rusqlite::Transaction, rowid: i64, signature: &Signature) -> rusqlite::Result<bool> {
    let buckets = dedup::band_buckets(signature);
    let mut candidates: Vec<i64> = Vec::new();
    {
        let mut lookup = tx.prepare_cached(&format!("SELECT article FROM lsh_buckets WHERE bucket IN ({})", placeholders(buckets.len())))?;
        for article in lookup.query_map(rusqlite::params_from_iter(buckets.iter()), |r| r.get::<_, i64>(0))? {
            candidates.push(article?);
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut best: Option<(i64, f64)> = None;
    let mut load = tx.prepare_cached("SELECT signature FROM signatures WHERE article = ?1")?;
    for candidate in candidates {
        let bytes: Vec<u8> = load.query_row([candidate], |r| r.get(0))?;
        let Some(other) = dedup::signature_from_bytes(&bytes) else { continue };
        let similarity = dedup::similarity(signature, &other);
        if similarity >= dedup::NEAR_DUPLICATE_SIMILARITY && best.is_none_or(|(_, s)| similarity > s) {
            best = Some((candidate, similarity));
        }
    }
    if let Some((candidate, similarity)) = best {
        let root: i64 = tx
            .prepare_cached("SELECT original FROM near_duplicates WHERE article = ?1")?
            .query_row([candidate], |r| r.get(0))
            .optional()?
            .unwrap_or(candidate);
        tx.prepare_cached("INSERT INTO near_duplicates (article, original, similarity) VALUES (?1, ?2, ?3)")?
            .execute(params![rowid, root, similarity])?;
    }
    tx.prepare_cached("INSERT INTO signatures (article, signature) VALUES (?1, ?2)")?
        .execute(params![rowid, dedup::signature_to_bytes(signature)])?;
    let mut file = tx.prepare_cached("INSERT OR IGNORE INTO lsh_buckets (bucket, article) VALUES (?1, ?2)")?;
    for bucket in buckets {
        file.execute(params![bucket, rowid])?;
    }
    Ok(best.is_some())
}

/// `?1, ?2, ..., ?n` for an SQL `IN` list.
fn placeholders(n: usize) -> String {
    (1..=n).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corpus_with_another_schema_version_is_refused_with_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        drop(CorpusDb::create_or_open(dir.path()).unwrap());
        let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'", []).unwrap();
        drop(conn);
        let message = CorpusDb::create_or_open(dir.path()).err().expect("refused").to_string();
        assert!(message.contains("schema version 1") && message.contains("--corpus NEW"), "{message}");
    }

    #[test]
    fn an_entity_name_is_indexed_under_its_corpus_entitys_type_too() {
        let dir = tempfile::tempdir().unwrap();
        let db = CorpusDb::create_or_open(dir.path()).unwrap();
        let insert = |sql: &str| db.conn.execute(sql, []).unwrap();
        insert(
            "INSERT INTO articles (rowid, id, doc, source, path, line, date_precision, language, text, text_offset, metadata, content_hash, ingested_at) \
             VALUES (1, 'a', 'a', 's', 'p', 0, 'unknown', 'nld', 'Poetins plan.', 0, '{}', 'h', 'now')",
        );
        insert("INSERT INTO article_entities VALUES (1, 0, 'Poetins', 'MISC', '[]', '[]', 1), (1, 1, 'Brekels', 'MISC', '[]', '[]', 1)");
        insert("INSERT INTO entities VALUES (1, 'PER:vladimir-poetin', 'Vladimir Poetin', 'PER', '[\"Poetin\"]', '[]', 2, 2, NULL, NULL, 0)");
        insert("INSERT INTO entities VALUES (2, 'X9', 'Brekels', 'MISC', '[]', '[]', 1, 1, NULL, NULL, 1)");
        insert("INSERT INTO entity_links VALUES (1, 0, 1), (1, 1, 2)");
        let names = db.entity_names(1).unwrap();
        let has = |kind: &str, name: &str| names.contains(&(kind.to_string(), name.to_string()));
        assert!(has("PER", "Poetin") && has("PER", "Vladimir Poetin") && has("MISC", "Poetins"), "{names:?}");
        assert!(!names.iter().any(|(kind, _)| kind != "PER" && kind != "MISC"), "{names:?}");
    }

    #[test]
    fn a_version_2_corpus_is_upgraded_and_its_sentences_read_as_before() {
        let dir = tempfile::tempdir().unwrap();
        drop(CorpusDb::create_or_open(dir.path()).unwrap());
        let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
        conn.execute_batch(
            "DROP VIEW sentences; DROP TABLE article_sentences;
             CREATE TABLE sentences (article INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
                 paragraph INTEGER NOT NULL, heading INTEGER NOT NULL, residue INTEGER NOT NULL);
             INSERT INTO articles (rowid, id, doc, source, path, line, date_precision, language, text, text_offset, metadata, content_hash, ingested_at)
                 VALUES (1, 'a', 'a', 's', 'p', 0, 'unknown', 'nld', 't', 0, '{}', 'h', 'now'), (2, 'b', 'b', 's', 'p', 1, 'unknown', 'nld', 't', 0, '{}', 'i', 'now');
             INSERT INTO sentences VALUES (1, 20, 31, 1, 0, 0), (1, 0, 19, 0, 1, 0), (2, 0, 9, 0, 0, 1);
             UPDATE meta SET value = '2' WHERE key = 'schema_version';",
        )
        .unwrap();
        drop(conn);
        let db = CorpusDb::create_or_open(dir.path()).unwrap();
        let rows: Vec<(i64, i64, i64, i64, i64, i64)> = db
            .conn
            .prepare("SELECT * FROM sentences ORDER BY article, start")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rows, vec![(1, 0, 19, 0, 1, 0), (1, 20, 31, 1, 0, 0), (2, 0, 9, 0, 0, 1)]);
        let version: String = db.conn.query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| r.get(0)).unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }
}
