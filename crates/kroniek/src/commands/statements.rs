//! `kroniek statements`: who said what, when — from a corpus, or from a folder of .txt
//! articles annotated on the fly (`--docs`); and `kroniek eval statements`: precision, recall
//! and F1 against a gold JSONL file (the rule of ../shared/gold/README.md).

use super::corpus_dir::CorpusArg;
use anyhow::{bail, Context};
use clap::Args;
use kroniek_nlp::entities::EntityRecognizer;
use kroniek_nlp::statements::scoring::{score, Counts, ScoreReport, StatementRecord};
use kroniek_nlp::statements::extract_statements;
use kroniek_nlp::StatementKind;
use kroniek_store::{CorpusDb, Searcher, StatementFilter};
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Arguments of `kroniek statements`.
#[derive(Args)]
pub struct StatementsArgs {
    #[command(flatten)]
    pub corpus: CorpusArg,
    /// Annotate the .txt articles of this folder on the fly instead of reading a corpus.
    #[arg(long, value_name = "DIR", conflicts_with = "corpus")]
    pub docs: Option<PathBuf>,
    /// Only statements whose speaker has all these words (case and accents ignored).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only statements of articles matching this query (corpus), or whose text has all these
    /// words (--docs).
    #[arg(long, value_name = "Q")]
    pub query: Option<String>,
    /// Only articles dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only articles dated on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// One JSON object per line: doc, kind, speaker, text, cue, date.
    #[arg(long)]
    pub jsonl: bool,
}

/// Arguments of `kroniek eval statements`.
#[derive(Args)]
pub struct EvalStatementsArgs {
    /// Gold statements, one JSON object per line (doc, kind, speaker, text, cue). Only the
    /// documents named in it are scored.
    #[arg(long, value_name = "FILE.jsonl")]
    pub gold: PathBuf,
    #[command(flatten)]
    pub corpus: CorpusArg,
    /// Annotate the .txt articles of this folder on the fly instead of reading a corpus.
    #[arg(long, value_name = "DIR", conflicts_with = "corpus")]
    pub docs: Option<PathBuf>,
    /// List misses, spurious statements and wrong speakers.
    #[arg(short, long)]
    pub verbose: bool,
    /// With --docs: annotate the folder this many times and print the time of the text and
    /// entity layers against the time of statement extraction (one core).
    #[arg(long, value_name = "N")]
    pub timing: Option<usize>,
}

/// One statement as listed: the JSONL fields, plus its place in the article.
#[derive(Serialize)]
struct Listed {
    doc: String,
    kind: String,
    speaker: String,
    text: String,
    cue: Option<String>,
    date: Option<String>,
    start: usize,
    end: usize,
}

/// One article of a `--docs` folder: name, date, body text.
struct DocFile {
    doc: String,
    date: Option<String>,
    text: String,
}

/// Reads the .txt files of `dir` (sorted by name), dropping a leading ` date YYYY-MM` crawl
/// marker from the text and keeping it as the date.
fn read_docs(dir: &Path) -> anyhow::Result<Vec<DocFile>> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("cannot read the folder {} (give --docs a folder of .txt articles)", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    paths.sort();
    if paths.is_empty() {
        bail!("{} has no .txt files: give --docs a folder of plain-text articles", dir.display());
    }
    paths
        .iter()
        .map(|path| {
            let raw = std::fs::read_to_string(path).with_context(|| format!("cannot read {} as UTF-8 text", path.display()))?;
            let crawled = kroniek_store::read::parse_crawled_text(&raw);
            let date = crawled.date.map(|d| d.display()).filter(|d| !d.is_empty());
            let doc = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            Ok(DocFile { doc, date, text: raw[crawled.body_start..].to_string() })
        })
        .collect()
}

/// Annotates one article and lists its statements (none for an article that is not Dutch,
/// as at ingest).
fn statements_of(recognizer: &EntityRecognizer, doc: &DocFile) -> Vec<Listed> {
    if kroniek_store::article::detect_language(&doc.text) != "nld" {
        return Vec::new();
    }
    let layers = kroniek_text::analyze(&doc.text);
    let (mentions, entities) = recognizer.recognize(&doc.text, &layers);
    extract_statements(&doc.text, &layers, &mentions, &entities)
        .into_iter()
        .map(|s| Listed {
            doc: doc.doc.clone(),
            kind: s.kind.as_str().to_string(),
            speaker: s.speaker.name,
            text: s.content.text(&doc.text).to_string(),
            cue: s.cue,
            date: doc.date.clone(),
            start: s.content.start,
            end: s.content.end,
        })
        .collect()
}

fn statements_of_docs(dir: &Path) -> anyhow::Result<Vec<Listed>> {
    let docs = read_docs(dir)?;
    let recognizer = EntityRecognizer::embedded();
    Ok(docs.par_iter().map(|d| statements_of(&recognizer, d)).collect::<Vec<_>>().into_iter().flatten().collect())
}

fn statements_of_corpus(corpus: &Path, args_query: Option<&str>, filter: StatementFilter) -> anyhow::Result<Vec<Listed>> {
    let mut filter = filter;
    if let Some(q) = args_query {
        let searcher = Searcher::open(corpus).with_context(|| format!("cannot open the corpus {} (run `kroniek ingest` first)", corpus.display()))?;
        filter.articles = Some(searcher.matching_rowids(q).with_context(|| format!("query {q:?}"))?);
    }
    let db = CorpusDb::open_existing(corpus).with_context(|| format!("cannot open the corpus {} (run `kroniek ingest` first, or use --docs DIR)", corpus.display()))?;
    let stored = db.statements(&filter).with_context(|| format!("reading statements of {}", corpus.display()))?;
    Ok(stored
        .into_iter()
        .map(|s| Listed { doc: s.doc, kind: s.kind, speaker: s.speaker, text: s.text, cue: s.cue, date: s.date, start: s.start as usize, end: s.end as usize })
        .collect())
}

fn folded_words(s: &str) -> Vec<String> {
    kroniek_nlp::statements::scoring::normalized_words(s)
}

/// Whether a date (YYYY[-MM[-DD]]) lies within from..=to, compared on the common prefix.
fn date_in_range(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(date) = date else { return false };
    let cmp = |bound: &str| {
        let n = bound.len().min(date.len());
        date[..n].cmp(&bound[..n])
    };
    from.is_none_or(|f| cmp(f).is_ge()) && to.is_none_or(|t| cmp(t).is_le())
}

/// Runs `kroniek statements`.
pub fn run(args: StatementsArgs) -> anyhow::Result<ExitCode> {
    let listed = match &args.docs {
        Some(dir) => {
            let speaker_words = args.speaker.as_deref().map(folded_words).unwrap_or_default();
            let query_words = args.query.as_deref().map(folded_words).unwrap_or_default();
            let docs_text: std::collections::HashMap<String, Vec<String>> = if query_words.is_empty() {
                Default::default()
            } else {
                read_docs(dir)?.into_iter().map(|d| (d.doc, folded_words(&d.text))).collect()
            };
            statements_of_docs(dir)?
                .into_iter()
                .filter(|s| {
                    let speaker = folded_words(&s.speaker);
                    speaker_words.iter().all(|w| speaker.contains(w))
                })
                .filter(|s| query_words.is_empty() || docs_text.get(&s.doc).is_some_and(|t| query_words.iter().all(|w| t.contains(w))))
                .filter(|s| date_in_range(s.date.as_deref(), args.from.as_deref(), args.to.as_deref()))
                .collect::<Vec<_>>()
        }
        None => {
            let filter = StatementFilter { speaker: args.speaker.clone(), articles: None, from: args.from.clone(), to: args.to.clone() };
            statements_of_corpus(&args.corpus.dir(), args.query.as_deref(), filter)?
        }
    };
    match write_listing(&listed, args.jsonl) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(if listed.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Writes the statements as a table or JSON lines to stdout.
fn write_listing(listed: &[Listed], jsonl: bool) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if jsonl {
        for s in listed {
            serde_json::to_writer(&mut out, s)?;
            writeln!(out)?;
        }
    } else {
        for s in listed {
            writeln!(
                out,
                "{}  {:<10} {:<8} {:<28} {:<14} {}",
                s.date.as_deref().unwrap_or("-"),
                truncate(&s.doc, 10),
                s.kind,
                truncate(&s.speaker, 28),
                truncate(s.cue.as_deref().unwrap_or("-"), 14),
                s.text
            )?;
        }
        writeln!(out, "{} statements", listed.len())?;
    }
    out.flush()
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(std::iter::once('…')).collect()
    }
}

/// Reads a gold JSONL file, naming the line of any bad record.
fn read_gold(path: &Path) -> anyhow::Result<Vec<StatementRecord>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read the gold file {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).with_context(|| {
                format!("{}:{}: not a gold statement (need doc, kind direct|partial|indirect, speaker, text, cue)", path.display(), n + 1)
            })
        })
        .collect()
}

fn to_records(listed: Vec<Listed>) -> Vec<StatementRecord> {
    listed
        .into_iter()
        .filter_map(|s| {
            Some(StatementRecord { doc: s.doc, kind: StatementKind::parse(&s.kind)?, speaker: s.speaker, text: s.text, cue: s.cue })
        })
        .collect()
}

/// Runs `kroniek eval statements`.
pub fn run_eval(args: EvalStatementsArgs) -> anyhow::Result<ExitCode> {
    let gold = read_gold(&args.gold)?;
    let predicted = match &args.docs {
        Some(dir) => {
            if let Some(rounds) = args.timing {
                print_timing(dir, rounds.max(1))?;
            }
            statements_of_docs(dir)?
        }
        None => statements_of_corpus(&args.corpus.dir(), None, StatementFilter::default())?,
    };
    let gold_docs: std::collections::HashSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let predicted: Vec<StatementRecord> = to_records(predicted).into_iter().filter(|p| gold_docs.contains(p.doc.as_str())).collect();
    let report = score(&gold, &predicted);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match write_report(&mut out, &report, args.verbose).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn write_counts(out: &mut impl Write, label: &str, c: &Counts) -> std::io::Result<()> {
    writeln!(
        out,
        "{label:<16} precision {:.3}  recall {:.3}  F1 {:.3}   (gold {}, predicted {}, correct {})",
        c.precision(),
        c.recall(),
        c.f1(),
        c.gold,
        c.predicted,
        c.correct
    )
}

fn write_report(out: &mut impl Write, report: &ScoreReport, verbose: bool) -> std::io::Result<()> {
    write_counts(out, "all statements", &report.all)?;
    write_counts(out, "direct quotes", &report.direct)?;
    if !verbose {
        return Ok(());
    }
    let show = |r: &StatementRecord| format!("[{}] {} {} | {} | {}", r.doc, r.kind.as_str(), r.speaker, r.cue.as_deref().unwrap_or("-"), r.text);
    writeln!(out, "\nmisses ({}):", report.misses.len())?;
    for r in &report.misses {
        writeln!(out, "  {}", show(r))?;
    }
    writeln!(out, "\nspurious ({}):", report.spurious.len())?;
    for r in &report.spurious {
        writeln!(out, "  {}", show(r))?;
    }
    writeln!(out, "\nwrong speakers ({}):", report.wrong_speakers.len())?;
    for (g, p) in &report.wrong_speakers {
        writeln!(out, "  {}\n      predicted speaker: {}", show(g), p.speaker)?;
    }
    Ok(())
}

/// Times the text + entity layers and statement extraction separately on one core.
fn print_timing(dir: &Path, rounds: usize) -> anyhow::Result<()> {
    let docs = read_docs(dir)?;
    let recognizer = EntityRecognizer::embedded();
    let (mut layers_time, mut statements_time) = (Duration::ZERO, Duration::ZERO);
    let mut found = 0usize;
    for _ in 0..rounds {
        for doc in &docs {
            let t0 = Instant::now();
            let layers = kroniek_text::analyze(&doc.text);
            let (mentions, entities) = recognizer.recognize(&doc.text, &layers);
            let t1 = Instant::now();
            found += extract_statements(&doc.text, &layers, &mentions, &entities).len();
            let t2 = Instant::now();
            layers_time += t1 - t0;
            statements_time += t2 - t1;
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum::<usize>() * rounds;
    println!(
        "timing ({} articles x {rounds}, {:.1} MB): text+entities {:.1} ms, statements {:.1} ms = {:.1}% extra ({} statements)",
        docs.len(),
        bytes as f64 / 1e6,
        layers_time.as_secs_f64() * 1e3,
        statements_time.as_secs_f64() * 1e3,
        100.0 * statements_time.as_secs_f64() / layers_time.as_secs_f64().max(1e-9),
        found
    );
    Ok(())
}
