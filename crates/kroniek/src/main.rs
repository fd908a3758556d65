//! The kroniek command-line program: wiring of the flow read → clean → annotate → store → ask → show.
//!
//! Each subcommand lives in its own file under `commands/`; this file only parses arguments
//! and dispatches.

mod commands;

/// mimalloc instead of the system allocator: annotation makes many small allocations on
/// several threads, which mimalloc serves faster, and it gives freed memory back, so the
/// resident memory of a long ingest run stays bounded instead of fragmenting upwards.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// kroniek turns Dutch news articles into a searchable chronicle: who is mentioned, who said
/// what and when.
#[derive(Parser)]
#[command(name = "kroniek", version, about, long_about = None)]
struct Cli {
    /// Print nothing but results and errors (no progress bars).
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles (text, JSONL, CSV/TSV, HTML, WARC, .gz) into a corpus.
    Ingest(commands::ingest::IngestArgs),
    /// Search a corpus with kroniek's query language.
    Search(commands::search::SearchArgs),
    /// Print one article with its metadata.
    Show(commands::show::ShowArgs),
    /// Counts per year and month, per source and per language.
    Stats(commands::stats::StatsArgs),
    /// List groups of duplicate and near-duplicate articles.
    Duplicates(commands::duplicates::DuplicatesArgs),
    /// Rebuild the search index from the corpus database.
    Reindex(commands::reindex::ReindexArgs),
    /// Write a deterministic synthetic corpus for benchmarks.
    Generate(commands::generate::GenerateArgs),
    /// Print the tokens of a plain text file.
    Tokens(commands::text::TokensArgs),
    /// Print the sentences of a plain text file, with page residue marked.
    Sentences(commands::text::SentencesArgs),
    /// List entities of a corpus (or re-resolve them with a knowledge base).
    Entities(commands::entities::EntitiesArgs),
    /// List statements: who said what, when.
    Statements(commands::statements::StatementsArgs),
    /// Train a model from data under ../shared/data.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Measure a layer against gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Measure speed of a layer.
    #[command(subcommand)]
    Bench(BenchCommand),
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the named-entity tagger on CoNLL-2002 Dutch.
    Ner(commands::ner::TrainNerArgs),
    /// Train the sentence boundary model on UD Dutch (Alpino and LassySmall dev).
    Sentences(commands::text::TrainSentencesArgs),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Named entities against a CoNLL file (conlleval rule: exact span and type).
    Ner(commands::ner::EvalNerArgs),
    /// Token boundaries against UD CoNLL-U files.
    Tokens(commands::text::EvalTokensArgs),
    /// Sentence boundaries against UD CoNLL-U files.
    Sentences(commands::text::EvalSentencesArgs),
    /// Statements against a gold JSONL file.
    Statements(commands::statements::EvalStatementsArgs),
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Tokenize + split + residue speed on one core.
    Text(commands::text::BenchTextArgs),
    /// Tagging speed on one core.
    Ner(commands::ner::BenchNerArgs),
    /// Query latency (median, p95) on a corpus, in one process.
    Search(commands::bench_search::BenchSearchArgs),
}

/// Output piped into a program that stops reading (`kroniek search x | head`) ends kroniek
/// quietly, as it ends other command-line tools, instead of with a panic about a broken pipe.
fn end_quietly_on_closed_output() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any other thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    end_quietly_on_closed_output();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let quiet = cli.quiet;
    let result = match cli.command {
        Command::Ingest(args) => commands::ingest::run(args, quiet),
        Command::Search(args) => commands::search::run(args),
        Command::Show(args) => commands::show::run(args),
        Command::Stats(args) => commands::stats::run(args),
        Command::Duplicates(args) => commands::duplicates::run(args),
        Command::Reindex(args) => commands::reindex::run(args, quiet),
        Command::Generate(args) => commands::generate::run(args),
        Command::Tokens(args) => commands::text::run_tokens(args),
        Command::Sentences(args) => commands::text::run_sentences(args),
        Command::Entities(args) => commands::entities::run(args),
        Command::Statements(args) => commands::statements::run(args),
        Command::Train(TrainCommand::Ner(args)) => commands::ner::run_train(args),
        Command::Train(TrainCommand::Sentences(args)) => commands::text::run_train_sentences(args),
        Command::Eval(EvalCommand::Ner(args)) => commands::ner::run_eval(args),
        Command::Eval(EvalCommand::Tokens(args)) => commands::text::run_eval_tokens(args),
        Command::Eval(EvalCommand::Sentences(args)) => commands::text::run_eval_sentences(args),
        Command::Eval(EvalCommand::Statements(args)) => commands::statements::run_eval(args),
        Command::Bench(BenchCommand::Text(args)) => commands::text::run_bench(args),
        Command::Bench(BenchCommand::Ner(args)) => commands::ner::run_bench(args),
        Command::Bench(BenchCommand::Search(args)) => commands::bench_search::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
