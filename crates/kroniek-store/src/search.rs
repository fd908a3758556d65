//! Asking a corpus: run a query, rank hits, and cut a snippet around the matched words.

use crate::db::CorpusDb;
use crate::index::SearchIndex;
use crate::query::{parse_query, QueryBuilder};
use crate::StoreError;
use serde::Serialize;
use std::path::Path;
use tantivy::collector::{Count, TopDocs};
use tantivy::snippet::SnippetGenerator;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

/// One search hit.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    pub id: String,
    pub doc: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: String,
    pub score: f32,
    /// A stretch of text around the matches.
    pub snippet: String,
    /// Byte ranges of the matched words inside `snippet`.
    pub highlights: Vec<(usize, usize)>,
    #[serde(skip)]
    pub rowid: i64,
}

/// The hits of one query and how many articles matched in all.
#[derive(Clone, Debug, Serialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// An open corpus ready for queries: the database and the index's searcher.
pub struct Searcher {
    db: CorpusDb,
    index: SearchIndex,
    searcher: tantivy::Searcher,
}

impl Searcher {
    /// Opens the corpus in `dir` for searching.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let db = CorpusDb::open_existing(dir)?;
        let index = SearchIndex::create_or_open(dir)?;
        let searcher = index.reader()?.searcher();
        Ok(Searcher { db, index, searcher })
    }

    /// The corpus database behind this searcher.
    pub fn db(&self) -> &CorpusDb {
        &self.db
    }

    /// Runs `query`; returns the `limit` best hits with snippets, and the total count.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults, StoreError> {
        let node = parse_query(query)?;
        let builder = QueryBuilder { index: &self.index.index, searcher: &self.searcher, fields: self.index.fields };
        let built = builder.build(&node)?;
        let (top, total) = self
            .searcher
            .search(&built, &(TopDocs::with_limit(limit.max(1)).order_by_score(), Count))
            .map_err(|e| StoreError::Search(e.to_string()))?;
        let mut snippets = SnippetGenerator::create(&self.searcher, &*built, self.index.fields.text)
            .map_err(|e| StoreError::Search(e.to_string()))?;
        snippets.set_max_num_chars(220);
        let mut hits = Vec::new();
        for (score, address) in top.into_iter().take(limit) {
            let document: TantivyDocument = self.searcher.doc(address).map_err(|e| StoreError::Search(e.to_string()))?;
            let Some(rowid) = document.get_first(self.index.fields.rowid).and_then(|v| v.as_i64()) else { continue };
            let Some(article) = self.db.article_by_rowid(rowid)? else { continue };
            let (snippet, highlights) = make_snippet(&article.text, &snippets);
            hits.push(Hit {
                id: article.id,
                doc: article.doc,
                title: article.title,
                date: article.date,
                source: article.source,
                score,
                snippet,
                highlights,
                rowid,
            });
        }
        Ok(SearchResults { total, hits })
    }

    /// How many articles match `query`, without ranking or snippets (to time matching alone).
    pub fn count(&self, query: &str) -> Result<usize, StoreError> {
        let node = parse_query(query)?;
        let builder = QueryBuilder { index: &self.index.index, searcher: &self.searcher, fields: self.index.fields };
        let built = builder.build(&node)?;
        self.searcher.search(&built, &Count).map_err(|e| StoreError::Search(e.to_string()))
    }

    /// The rowids of every article matching `query` (for filtering statements by a query).
    pub fn matching_rowids(&self, query: &str) -> Result<Vec<i64>, StoreError> {
        let node = parse_query(query)?;
        let builder = QueryBuilder { index: &self.index.index, searcher: &self.searcher, fields: self.index.fields };
        let built = builder.build(&node)?;
        let docs = self
            .searcher
            .search(&built, &tantivy::collector::DocSetCollector)
            .map_err(|e| StoreError::Search(e.to_string()))?;
        let mut rowids = Vec::with_capacity(docs.len());
        for address in docs {
            let document: TantivyDocument = self.searcher.doc(address).map_err(|e| StoreError::Search(e.to_string()))?;
            if let Some(rowid) = document.get_first(self.index.fields.rowid).and_then(|v| v.as_i64()) {
                rowids.push(rowid);
            }
        }
        Ok(rowids)
    }
}

/// A snippet around the matched words of the text, else the opening (when only the title
/// or a field matched).
fn make_snippet(text: &str, generator: &SnippetGenerator) -> (String, Vec<(usize, usize)>) {
    let snippet = generator.snippet(text);
    if !snippet.highlighted().is_empty() {
        let fragment = snippet.fragment().replace('\n', " ");
        let highlights = snippet.highlighted().iter().map(|r| (r.start, r.end)).collect();
        return (fragment, highlights);
    }
    let opening: String = text.chars().take(200).collect();
    (opening.replace('\n', " "), Vec::new())
}
