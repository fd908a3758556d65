//! The ingest pipeline: read → clean and annotate (in parallel) → store (SQLite, one
//! transaction per batch) → index (tantivy). Memory is bounded: a reader thread hands over
//! batches through a channel of two, the index writer has a fixed budget, and nothing keeps
//! the whole input in memory.

use crate::article::{article_hashes, detect_language, RawArticle};
use crate::db::{CorpusDb, PreparedArticle, StoreOutcome, StoredArticle};
use crate::dedup;
use crate::index::SearchIndex;
use crate::read::{collect_files, read_file, ReadItem, ReadOptions, ReadProblem};
use crate::StoreError;
use kroniek_nlp::Pipeline;
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::UNIX_EPOCH;

/// How to ingest.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    pub read: ReadOptions,
    /// Articles per transaction.
    pub batch_size: usize,
    /// Run the entity and statement layers (the text layer always runs).
    pub annotate: bool,
    /// Commit the search index every this many batches (and at the end).
    pub index_commit_every: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { read: ReadOptions::default(), batch_size: 500, annotate: true, index_commit_every: 40 }
    }
}

/// Where an ingest run stands, for a progress bar.
#[derive(Clone, Debug, Default, Serialize)]
pub struct IngestProgress {
    pub bytes_total: u64,
    pub bytes_done: u64,
    pub read: u64,
    pub stored: u64,
}

/// What an ingest run did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct IngestSummary {
    pub files: u64,
    /// Files skipped because they were read to the end before and have not changed since.
    pub unchanged_files: u64,
    pub read: u64,
    pub stored: u64,
    /// Articles already in the corpus under the same id (re-ingest): nothing changed.
    pub already_stored: u64,
    /// Exact duplicates of an article already stored (same words): recorded, not stored.
    pub duplicates: u64,
    /// Stored and linked as near-duplicates of an earlier article.
    pub near_duplicates: u64,
    /// Files or records skipped for a problem.
    pub skipped: u64,
    /// Files or records read after a repair (encoding).
    pub repaired: u64,
    /// Articles caught up into the index from an earlier, interrupted run.
    pub indexed_from_earlier_run: u64,
    /// True when stopped early (Ctrl-C); all counted work is committed.
    pub interrupted: bool,
    pub bytes: u64,
}

/// Something to tell the user while ingest runs.
pub enum IngestEvent<'a> {
    Progress(&'a IngestProgress),
    Problem(&'a ReadProblem),
}

struct Batch {
    articles: Vec<RawArticle>,
    problems: Vec<ReadProblem>,
    finished_files: Vec<(String, u64, i64)>,
    bytes_done: u64,
}

impl Batch {
    fn new() -> Self {
        Batch { articles: Vec::new(), problems: Vec::new(), finished_files: Vec::new(), bytes_done: 0 }
    }
}

/// Ingests every input under `paths` into the corpus in `corpus_dir`. Stops cleanly (after
/// committing) when `stop` becomes true. `on_event` receives progress and problems.
pub fn ingest(
    corpus_dir: &Path,
    paths: &[PathBuf],
    options: &IngestOptions,
    stop: &AtomicBool,
    on_event: &mut dyn FnMut(IngestEvent),
) -> Result<IngestSummary, StoreError> {
    let mut db = CorpusDb::create_or_open(corpus_dir)?;
    let index = SearchIndex::create_or_open(corpus_dir)?;
    let mut writer = index.writer()?;
    let mut summary = IngestSummary {
        indexed_from_earlier_run: index.catch_up(&db, &mut writer, |_| {})?,
        ..Default::default()
    };
    let run = db.start_run()?;
    let mut early_problems = Vec::new();
    let files = list_inputs(paths, &mut early_problems);
    for problem in &early_problems {
        on_event(IngestEvent::Problem(problem));
        summary.skipped += 1;
    }
    let mut to_read = Vec::new();
    for file in files {
        let (size, modified) = file_stamp(&file);
        if db.is_input_unchanged(&file.display().to_string(), size, modified)? {
            summary.unchanged_files += 1;
        } else {
            to_read.push((file, size, modified));
        }
    }
    summary.files = (to_read.len() as u64) + summary.unchanged_files;
    let mut progress = IngestProgress { bytes_total: to_read.iter().map(|f| f.1).sum(), ..Default::default() };
    summary.bytes = progress.bytes_total;
    let (sender, receiver) = sync_channel::<Batch>(2);
    let read_options = options.read.clone();
    let batch_size = options.batch_size.max(1);
    std::thread::spawn(move || read_in_batches(to_read, &read_options, batch_size, sender));
    let (prepared_sender, prepared_receiver) = sync_channel::<PreparedBatch>(2);
    let annotate = options.annotate;
    std::thread::spawn(move || prepare_in_batches(receiver, annotate, prepared_sender));

    let mut pending_problems = early_problems;
    let mut batches_since_commit = 0;
    let mut last_rowid = index.last_indexed_rowid().max(db.max_rowid()?);
    for batch in prepared_receiver {
        for problem in &batch.problems {
            on_event(IngestEvent::Problem(problem));
            if problem.skipped { summary.skipped += 1 } else { summary.repaired += 1 }
        }
        let prepared = batch.articles;
        pending_problems.extend(batch.problems);
        let outcomes = db.write_batch(run, &prepared, &pending_problems, &batch.finished_files)?;
        pending_problems.clear();
        summary.read += prepared.len() as u64;
        for (article, outcome) in prepared.into_iter().zip(outcomes) {
            match outcome {
                StoreOutcome::Stored(rowid) | StoreOutcome::StoredNearDuplicate(rowid) => {
                    summary.stored += 1;
                    if matches!(outcome, StoreOutcome::StoredNearDuplicate(_)) {
                        summary.near_duplicates += 1;
                    }
                    index_prepared(&index, &writer, rowid, article)?;
                    last_rowid = last_rowid.max(rowid);
                }
                StoreOutcome::AlreadyStored => summary.already_stored += 1,
                StoreOutcome::Duplicate => summary.duplicates += 1,
            }
        }
        batches_since_commit += 1;
        if batches_since_commit >= options.index_commit_every {
            index.commit(&mut writer, last_rowid)?;
            batches_since_commit = 0;
        }
        progress.bytes_done = batch.bytes_done;
        progress.read = summary.read;
        progress.stored = summary.stored;
        on_event(IngestEvent::Progress(&progress));
        if stop.load(Ordering::SeqCst) {
            summary.interrupted = true;
            break;
        }
    }
    index.commit(&mut writer, last_rowid)?;
    writer.wait_merging_threads().map_err(|e| StoreError::Search(e.to_string()))?;
    db.finish_run(run, summary.read, summary.stored, summary.duplicates, summary.skipped)?;
    Ok(summary)
}

/// A batch after cleaning and annotation, ready to store.
struct PreparedBatch {
    articles: Vec<PreparedArticle>,
    problems: Vec<ReadProblem>,
    finished_files: Vec<(String, u64, i64)>,
    bytes_done: u64,
}

/// The annotation stage: prepares each batch on all cores while the previous one is written,
/// so storing and indexing overlap with annotation.
fn prepare_in_batches(batches: std::sync::mpsc::Receiver<Batch>, annotate: bool, sender: std::sync::mpsc::SyncSender<PreparedBatch>) {
    let pipeline = annotate.then(Pipeline::embedded);
    for batch in batches {
        let articles = batch.articles.into_par_iter().map(|raw| prepare_article(raw, pipeline.as_ref())).collect();
        let prepared = PreparedBatch { articles, problems: batch.problems, finished_files: batch.finished_files, bytes_done: batch.bytes_done };
        if sender.send(prepared).is_err() {
            return;
        }
    }
}

fn list_inputs(paths: &[PathBuf], problems: &mut Vec<ReadProblem>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        collect_files(path, &mut files, &mut |item| {
            if let ReadItem::Problem(p) = item {
                problems.push(p)
            }
        });
    }
    files
}

fn file_stamp(path: &Path) -> (u64, i64) {
    let metadata = std::fs::metadata(path).ok();
    let size = metadata.as_ref().map(|m| m.len()).unwrap_or(0);
    let modified = metadata
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    (size, modified)
}

/// The reader thread: reads files in order and sends batches; stops when the receiver is gone.
fn read_in_batches(files: Vec<(PathBuf, u64, i64)>, options: &ReadOptions, batch_size: usize, sender: std::sync::mpsc::SyncSender<Batch>) {
    let mut batch = Batch::new();
    let mut bytes_done = 0;
    for (file, size, modified) in files {
        let mut failed = false;
        read_file(&file, options, &mut |item| match item {
            ReadItem::Article(article) => {
                batch.articles.push(*article);
                if batch.articles.len() >= batch_size {
                    let full = std::mem::replace(&mut batch, Batch::new());
                    failed |= sender.send(Batch { bytes_done, ..full }).is_err();
                }
            }
            ReadItem::Problem(problem) => batch.problems.push(problem),
        });
        if failed {
            return;
        }
        bytes_done += size;
        batch.finished_files.push((file.display().to_string(), size, modified));
    }
    batch.bytes_done = bytes_done;
    let _ = sender.send(batch);
}

/// Everything derived from one article before storing: id, hashes, language, layers; entities
/// and statements too when a pipeline is given (Dutch articles only).
pub fn prepare_article(raw: RawArticle, pipeline: Option<&Pipeline>) -> PreparedArticle {
    let (id, content_hash) = article_hashes(&raw.source, &raw.text);
    let language = detect_language(&raw.text);
    let mut layers = kroniek_text::analyze(&raw.text);
    let annotations = match pipeline {
        Some(pipeline) if language == "nld" => pipeline.annotate(&raw.text, &layers),
        _ => Default::default(),
    };
    // Tokens are not stored (they are a pure function of the text); dropping them here keeps
    // the batches waiting to be written small.
    layers.tokens = Vec::new();
    let article_parts = layers.sentences.iter().filter(|s| !s.residue).map(|s| s.span.text(&raw.text));
    let signature = dedup::signature(article_parts);
    PreparedArticle { raw, id, content_hash, language, layers, annotations, signature }
}

fn index_prepared(index: &SearchIndex, writer: &tantivy::IndexWriter, rowid: i64, article: PreparedArticle) -> Result<(), StoreError> {
    let entities: Vec<(String, String)> = article
        .annotations
        .entities
        .iter()
        .flat_map(|e| {
            let forms = std::iter::once(e.name.clone()).chain(e.aliases.iter().cloned()).collect();
            crate::db::entity_index_names(e.kind.as_str(), forms)
        })
        .collect();
    let raw = article.raw;
    let stored = StoredArticle {
        rowid,
        id: article.id,
        doc: raw.doc,
        source: raw.source,
        path: raw.path,
        line: raw.line as i64,
        url: raw.url,
        title: raw.title,
        date: raw.date.map(|d| d.display()).filter(|d| !d.is_empty()),
        date_precision: raw.date.map(|d| d.precision.as_str()).unwrap_or("unknown").to_string(),
        language: article.language,
        text: raw.text,
        metadata: serde_json::Value::Null,
    };
    index.add_article(writer, &stored, &entities)
}
