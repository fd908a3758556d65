//! `kroniek reindex`: rebuild the search index from the corpus database.

use super::corpus_dir::CorpusArg;
use clap::Args;
use kroniek_store::index::SearchIndex;
use kroniek_store::CorpusDb;
use std::process::ExitCode;

/// Arguments of `kroniek reindex`.
#[derive(Args)]
pub struct ReindexArgs {
    #[command(flatten)]
    pub corpus: CorpusArg,
}

/// Runs `kroniek reindex`.
pub fn run(args: ReindexArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    let dir = args.corpus.dir();
    let db = CorpusDb::open_existing(&dir)?;
    let index = SearchIndex::recreate(&dir)?;
    let mut writer = index.writer()?;
    let started = std::time::Instant::now();
    let added = index.catch_up(&db, &mut writer, |done| {
        if !quiet {
            eprint!("\rindexed {done} articles");
        }
    })?;
    writer.wait_merging_threads()?;
    if !quiet {
        eprintln!();
    }
    println!("reindexed {added} articles from {} in {:.1} s", db.path().display(), started.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
