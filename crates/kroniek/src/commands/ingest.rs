//! `kroniek ingest`: read articles into a corpus, with a progress bar and a summary.

use super::corpus_dir::CorpusArg;
use anyhow::{bail, Context};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use kroniek_store::ingest::IngestEvent;
use kroniek_store::{ingest, IngestOptions, IngestSummary};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Arguments of `kroniek ingest`.
#[derive(Args)]
pub struct IngestArgs {
    /// Files or folders (read recursively): .txt .jsonl .csv .tsv .html .warc, each optionally .gz.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub corpus: CorpusArg,
    /// For CSV/TSV: which column holds which field, e.g. text=body,date=published,title=headline.
    #[arg(long, value_name = "FIELD=COLUMN,...")]
    pub map: Option<String>,
    /// Skip the entity and statement layers (faster; the text layer always runs).
    #[arg(long)]
    pub no_annotate: bool,
    /// Articles per transaction.
    #[arg(long, default_value_t = 500)]
    pub batch_size: usize,
    /// A knowledge base (CSV id,name,type,aliases or JSON lines) that fixes entity names and ids;
    /// entities are resolved across the corpus after the ingest.
    #[arg(long, value_name = "FILE")]
    pub kb: Option<PathBuf>,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Runs `kroniek ingest`; exit code 1 when something was skipped.
pub fn run(args: IngestArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    let mut options = IngestOptions { annotate: !args.no_annotate, batch_size: args.batch_size, ..Default::default() };
    if let Some(map) = &args.map {
        options.read.column_map = parse_column_map(map)?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    let handler_stop = stop.clone();
    let _ = ctrlc::set_handler(move || {
        if handler_stop.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("\nstopping after the current batch (Ctrl-C again to quit at once; committed work is kept)");
    });
    let corpus = args.corpus.dir();
    let bar = progress_bar(quiet);
    let started = Instant::now();
    let summary = ingest(&corpus, &args.paths, &options, &stop, &mut |event| match event {
        IngestEvent::Progress(p) => {
            bar.set_length(p.bytes_total.max(1));
            bar.set_position(p.bytes_done);
            let rate = p.read as f64 / started.elapsed().as_secs_f64().max(0.001);
            bar.set_message(format!("{} articles, {rate:.0} articles/s", p.read));
        }
        IngestEvent::Problem(problem) => {
            let label = if problem.skipped { "skipped" } else { "warning" };
            bar.suspend(|| eprintln!("{label}: {problem}"));
        }
    })
    .with_context(|| format!("ingest into {}", corpus.display()))?;
    bar.finish_and_clear();
    if args.kb.is_some() {
        let mut db = kroniek_store::CorpusDb::open_existing(&corpus)?;
        super::entities::resolve_and_reindex(&corpus, &mut db, args.kb.as_deref())?;
    }
    let seconds = started.elapsed().as_secs_f64();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_summary(&summary, seconds, &corpus);
    }
    Ok(if summary.skipped > 0 || summary.interrupted { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(1);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {msg}")
            .expect("valid template"),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// Parses `text=body,date=published` into a field → column map.
fn parse_column_map(map: &str) -> anyhow::Result<std::collections::BTreeMap<String, String>> {
    let mut columns = std::collections::BTreeMap::new();
    for pair in map.split(',').filter(|p| !p.trim().is_empty()) {
        let Some((field, column)) = pair.split_once('=') else {
            bail!("--map: {pair:?} is not FIELD=COLUMN (e.g. --map text=body,date=published)");
        };
        let field = field.trim().to_lowercase();
        if !["text", "title", "date", "url", "source", "id"].contains(&field.as_str()) {
            bail!("--map: unknown field {field:?}; fields are text, title, date, url, source, id");
        }
        columns.insert(field, column.trim().to_string());
    }
    Ok(columns)
}

fn print_summary(s: &IngestSummary, seconds: f64, corpus: &std::path::Path) {
    let rate = s.read as f64 / seconds.max(0.001);
    let megabytes = s.bytes as f64 / 1e6;
    println!("corpus      {}", corpus.display());
    println!("files       {} ({} unchanged since last ingest, not read again)", s.files, s.unchanged_files);
    println!("read        {} articles in {seconds:.1} s ({rate:.0} articles/s, {:.1} MB/s)", s.read, megabytes / seconds.max(0.001));
    println!("stored      {} new ({} linked as near-duplicates)", s.stored, s.near_duplicates);
    println!("duplicates  {} exact copies of stored articles (recorded, not stored again)", s.duplicates);
    println!("unchanged   {} already in the corpus", s.already_stored);
    println!("skipped     {} files or records (reasons above; also in the ingest_log table)", s.skipped);
    if s.repaired > 0 {
        println!("repaired    {} files or records read after an encoding repair", s.repaired);
    }
    if s.indexed_from_earlier_run > 0 {
        println!("caught up   {} articles of an interrupted run added to the index", s.indexed_from_earlier_run);
    }
    if s.interrupted {
        println!("interrupted: everything counted above is committed; run the same command again to go on");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_map_parses_and_rejects_unknown_fields() {
        let map = parse_column_map("text=body, date=published").unwrap();
        assert_eq!(map["text"], "body");
        assert_eq!(map["date"], "published");
        assert!(parse_column_map("tekst=body").is_err());
        assert!(parse_column_map("text").is_err());
    }
}
