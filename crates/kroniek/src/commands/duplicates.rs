//! `kroniek duplicates`: groups of exact copies and near-duplicates.

use super::corpus_dir::CorpusArg;
use clap::Args;
use kroniek_store::CorpusDb;
use std::process::ExitCode;

/// Arguments of `kroniek duplicates`.
#[derive(Args)]
pub struct DuplicatesArgs {
    #[command(flatten)]
    pub corpus: CorpusArg,
    /// Print the groups as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `kroniek duplicates`.
pub fn run(args: DuplicatesArgs) -> anyhow::Result<ExitCode> {
    let groups = CorpusDb::open_existing(&args.corpus.dir())?.duplicate_groups()?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&groups)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} groups of duplicates", groups.len());
    for group in &groups {
        let o = &group.original;
        println!("\n{}  {}  {}", o.id, o.doc, o.title.as_deref().unwrap_or(""));
        for copy in &group.exact_copies {
            println!("  = exact copy   {copy}");
        }
        for near in &group.near_duplicates {
            println!("  ≈ near ({:.2})  {}  {}  {}", near.similarity.unwrap_or(0.0), near.id, near.doc, near.title.as_deref().unwrap_or(""));
        }
    }
    Ok(ExitCode::SUCCESS)
}
