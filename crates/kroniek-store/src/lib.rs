//! Storage and asking for kroniek: readers for every input format, the corpus database
//! (SQLite, the truth), the search index (tantivy, derived), the query language, and the
//! ingest pipeline that ties read → clean → annotate → store together.
//!
//! A corpus is one directory: `corpus.sqlite` (schema in `schema.sql`) and `index/`.

pub mod article;
pub mod db;
pub mod dedup;
pub mod entities;
pub mod index;
pub mod ingest;
pub mod query;
pub mod read;
pub mod search;

pub use article::{ArticleDate, DatePrecision, RawArticle};
pub use db::{CorpusDb, StatementFilter, StoredArticle, StoredStatement};
pub use ingest::{ingest, IngestOptions, IngestProgress, IngestSummary};
pub use search::{Hit, SearchResults, Searcher};

use std::path::{Path, PathBuf};

/// What can go wrong in the store; every message names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no corpus in {0}: run `kroniek ingest PATH --corpus {0}` first")]
    NoCorpus(PathBuf),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("corpus database {path}: {source}")]
    Database { path: PathBuf, source: rusqlite::Error },
    #[error("search index {path}: {message}; `kroniek reindex` rebuilds it from the database")]
    Index { path: PathBuf, message: String },
    #[error("corpus database {path}: {message}")]
    Schema { path: PathBuf, message: String },
    #[error(transparent)]
    Query(#[from] query::QueryError),
    #[error("search failed: {0}")]
    Search(String),
}

impl StoreError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io { path: path.to_path_buf(), source }
    }
    pub(crate) fn db(path: &Path, source: rusqlite::Error) -> Self {
        StoreError::Database { path: path.to_path_buf(), source }
    }
    pub(crate) fn index(path: &Path, error: impl std::fmt::Display) -> Self {
        StoreError::Index { path: path.to_path_buf(), message: error.to_string() }
    }
}
