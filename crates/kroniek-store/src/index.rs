//! The search index: tantivy, derived from the corpus database and rebuildable from it at
//! any time (`kroniek reindex`).
//!
//! Text and title are indexed once, lowercase, accents folded (Oekraine finds Oekraïne) and
//! unstemmed, with positions for phrases. Dutch stemming happens at query time: a word is
//! expanded to the indexed words with the same stem (raket finds raketten), see
//! [`crate::query`]. Indexing one field instead of a stemmed and an unstemmed copy halves
//! the indexing work. The last indexed article's rowid is stored as the commit payload, so
//! after a crash the index catches up with the database from there.

use crate::db::{CorpusDb, StoredArticle};
use crate::StoreError;
use chrono::{Datelike, NaiveDate};
use std::path::{Path, PathBuf};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

/// The folder of the index inside a corpus directory.
pub const INDEX_FOLDER: &str = "index";
/// The analyzer of `text` and `title`: words, lowercase, accents folded.
const FOLDED: &str = "kroniek_folded";
/// Memory the index writer may use, whatever the corpus size.
const WRITER_MEMORY: usize = 100 * 1024 * 1024;
/// Segments with more articles than this are not merged further.
const MAX_DOCS_MERGED: usize = 50_000;

/// The index's fields.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    pub rowid: Field,
    /// The title: folded words with positions.
    pub title: Field,
    /// The article text: folded words with positions.
    pub text: Field,
    /// Days since 1970-01-01 of the article's date (absent when unknown).
    pub day: Field,
    /// `2024-09`, for counts per calendar month.
    pub month: Field,
    pub source: Field,
    pub language: Field,
    /// Resolved entity names (lowercase, folded) per type, for person:, org:, place:, misc:.
    pub person: Field,
    pub org: Field,
    pub place: Field,
    pub misc: Field,
}

fn build_schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let indexed_text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = Fields {
        rowid: builder.add_i64_field("rowid", NumericOptions::default().set_indexed().set_fast().set_stored()),
        title: builder.add_text_field("title", indexed_text(FOLDED)),
        text: builder.add_text_field("text", indexed_text(FOLDED)),
        day: builder.add_i64_field("day", INDEXED | FAST),
        month: builder.add_text_field("month", STRING | FAST),
        source: builder.add_text_field("source", STRING | FAST),
        language: builder.add_text_field("language", STRING | FAST),
        person: builder.add_text_field("person", STRING),
        org: builder.add_text_field("org", STRING),
        place: builder.add_text_field("place", STRING),
        misc: builder.add_text_field("misc", STRING),
    };
    let _ = STORED;
    (builder.build(), fields)
}

fn register_analyzers(index: &Index) {
    let folded = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(FOLDED, folded);
}

/// Days since 1970-01-01: the value of the `day` field.
pub fn day_number(date: NaiveDate) -> i64 {
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch")).num_days()
}

/// The corpus's search index.
pub struct SearchIndex {
    pub index: Index,
    pub fields: Fields,
    folder: PathBuf,
}

impl SearchIndex {
    /// Opens the index in a corpus directory, creating an empty one when missing.
    pub fn create_or_open(corpus_dir: &Path) -> Result<Self, StoreError> {
        let folder = corpus_dir.join(INDEX_FOLDER);
        std::fs::create_dir_all(&folder).map_err(|e| StoreError::io(&folder, e))?;
        let (schema, fields) = build_schema();
        let directory = tantivy::directory::MmapDirectory::open(&folder).map_err(|e| StoreError::index(&folder, e))?;
        let index = Index::open_or_create(directory, schema).map_err(|e| match e {
            tantivy::TantivyError::SchemaError(_) => StoreError::index(
                &folder,
                "this index was made by another version of kroniek, with other fields",
            ),
            other => StoreError::index(&folder, other),
        })?;
        register_analyzers(&index);
        Ok(SearchIndex { index, fields, folder })
    }

    /// Deletes the index folder and creates an empty index (for `reindex`).
    pub fn recreate(corpus_dir: &Path) -> Result<Self, StoreError> {
        let folder = corpus_dir.join(INDEX_FOLDER);
        if folder.exists() {
            std::fs::remove_dir_all(&folder).map_err(|e| StoreError::io(&folder, e))?;
        }
        Self::create_or_open(corpus_dir)
    }

    /// A writer with bounded memory: a fixed indexing budget, and merges limited to segments
    /// of at most [`MAX_DOCS_MERGED`] articles so merging never needs memory in proportion to
    /// the whole corpus.
    pub fn writer(&self) -> Result<IndexWriter, StoreError> {
        let writer: IndexWriter = self.index.writer(WRITER_MEMORY).map_err(|e| StoreError::index(&self.folder, e))?;
        let mut policy = tantivy::indexer::LogMergePolicy::default();
        policy.set_max_docs_before_merge(MAX_DOCS_MERGED);
        writer.set_merge_policy(Box::new(policy));
        Ok(writer)
    }

    /// A reader that sees the last commit.
    pub fn reader(&self) -> Result<IndexReader, StoreError> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| StoreError::index(&self.folder, e))
    }

    /// The rowid of the last article in the last commit (0 when none).
    pub fn last_indexed_rowid(&self) -> i64 {
        self.index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0)
    }

    /// Adds one stored article, with its entity names, to the writer.
    pub fn add_article(&self, writer: &IndexWriter, article: &StoredArticle, entities: &[(String, String)]) -> Result<(), StoreError> {
        let f = self.fields;
        let title = article.title.as_deref().unwrap_or("");
        let mut document: TantivyDocument = doc!(
            f.rowid => article.rowid,
            f.title => title,
            f.text => article.text.as_str(),
            f.source => article.source.to_lowercase(),
            f.language => article.language.as_str(),
        );
        if let Some(date) = article.date.as_deref().and_then(|d| crate::article::parse_date(d)).and_then(|d| d.date) {
            document.add_i64(f.day, day_number(date));
            if article.date_precision != "year" {
                document.add_text(f.month, format!("{:04}-{:02}", date.year(), date.month()));
            }
        }
        for (kind, name) in entities {
            let field = match kind.as_str() {
                "PER" => f.person,
                "ORG" => f.org,
                "LOC" => f.place,
                _ => f.misc,
            };
            document.add_text(field, entity_key(name));
        }
        writer.add_document(document).map_err(|e| StoreError::index(&self.folder, e))?;
        Ok(())
    }

    /// Commits what the writer holds, recording `last_rowid` as the catch-up point.
    pub fn commit(&self, writer: &mut IndexWriter, last_rowid: i64) -> Result<(), StoreError> {
        let mut prepared = writer.prepare_commit().map_err(|e| StoreError::index(&self.folder, e))?;
        prepared.set_payload(&last_rowid.to_string());
        prepared.commit().map_err(|e| StoreError::index(&self.folder, e))?;
        Ok(())
    }

    /// Indexes every article of the database not yet in the index (rowid above the last
    /// commit's), in batches; returns how many were added.
    pub fn catch_up(&self, db: &CorpusDb, writer: &mut IndexWriter, mut progress: impl FnMut(u64)) -> Result<u64, StoreError> {
        let mut last = self.last_indexed_rowid();
        let mut added = 0;
        loop {
            let batch = db.articles_after(last, 2000)?;
            let Some(end) = batch.last().map(|a| a.rowid) else { break };
            for article in &batch {
                let entities = db.entity_names(article.rowid)?;
                self.add_article(writer, article, &entities)?;
            }
            added += batch.len() as u64;
            last = end;
            self.commit(writer, last)?;
            progress(added);
        }
        Ok(added)
    }
}

/// The form of an entity name in the entity fields: lowercase, accents folded, single spaces.
pub fn entity_key(name: &str) -> String {
    name.split_whitespace().map(crate::db::fold_for_matching).collect::<Vec<_>>().join(" ")
}
