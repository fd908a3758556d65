//! `kroniek stats`: counts per year and month, per source and per language.

use super::corpus_dir::CorpusArg;
use clap::Args;
use kroniek_store::db::Count;
use kroniek_store::CorpusDb;
use std::process::ExitCode;

/// Arguments of `kroniek stats`.
#[derive(Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub corpus: CorpusArg,
    /// Print the counts as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `kroniek stats`.
pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let stats = CorpusDb::open_existing(&args.corpus.dir())?.stats()?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} articles ({} exact duplicate inputs not stored again, {} near-duplicates linked, {} statements)",
        stats.articles, stats.duplicate_inputs, stats.near_duplicates, stats.statements);
    print_counts("per year", &stats.years);
    print_counts("per month", &stats.months);
    print_counts("per source", &stats.sources);
    print_counts("per language", &stats.languages);
    Ok(ExitCode::SUCCESS)
}

fn print_counts(heading: &str, counts: &[Count]) {
    println!("\n{heading}");
    let widest = counts.iter().map(|c| c.articles).max().unwrap_or(1).max(1);
    for count in counts {
        let bar = "█".repeat(((count.articles * 40) / widest).max(1) as usize);
        println!("  {:<20} {:>8}  {bar}", count.value, count.articles);
    }
}
