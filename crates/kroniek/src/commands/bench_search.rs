//! `kroniek bench search`: query latency on a corpus, measured in one process.
//!
//! The corpus is opened once; each query of the queries file runs once to warm up and then
//! `--runs` times through the same `Searcher::search(query, limit)` that `kroniek search` uses, so
//! every timing includes ranking, the total count, loading the top hits from the database and
//! cutting their snippets.

use super::corpus_dir::CorpusArg;
use anyhow::{bail, Context};
use clap::Args;
use kroniek_store::Searcher;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `kroniek bench search`.
#[derive(Args)]
pub struct BenchSearchArgs {
    #[command(flatten)]
    pub corpus: CorpusArg,
    /// Queries, one per line as `kind<TAB>query`; blank lines and lines starting with # are skipped.
    #[arg(long, value_name = "FILE")]
    pub queries: PathBuf,
    /// Timed runs of each query (after one untimed warm-up run).
    #[arg(long, default_value_t = 20)]
    pub runs: usize,
    /// Hits fetched per query, each with its snippet (as `kroniek search --limit`).
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Time only matching and counting (no ranking, no articles loaded, no snippets).
    #[arg(long)]
    pub count_only: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// One line of the queries file.
#[derive(Clone, Debug, PartialEq)]
struct BenchQuery {
    kind: String,
    query: String,
}

/// Timings of one query.
#[derive(Debug, Serialize)]
struct QueryReport {
    kind: String,
    query: String,
    /// Articles matching in all (not only the `limit` fetched).
    hits: usize,
    median_ms: f64,
    p95_ms: f64,
    #[serde(skip)]
    samples_ms: Vec<f64>,
}

/// Timings of every query of one kind taken together.
#[derive(Debug, Serialize)]
struct KindReport {
    kind: String,
    queries: usize,
    /// Timed runs per query.
    runs: usize,
    median_ms: f64,
    p95_ms: f64,
    mean_ms: f64,
    /// Total matches of each query of this kind, in file order.
    hits: Vec<usize>,
}

/// The whole measurement.
#[derive(Debug, Serialize)]
struct BenchReport {
    corpus: String,
    runs: usize,
    limit: usize,
    /// Always true: each search loads its top hits and cuts their snippets.
    snippets: bool,
    open_ms: f64,
    kinds: Vec<KindReport>,
    queries: Vec<QueryReport>,
}

/// Runs `kroniek bench search`.
pub fn run(args: BenchSearchArgs) -> anyhow::Result<ExitCode> {
    if args.runs == 0 {
        bail!("--runs must be at least 1");
    }
    let queries = read_queries(&args.queries)?;
    let dir = args.corpus.dir();
    let opened = Instant::now();
    let searcher = Searcher::open(&dir).with_context(|| format!("open corpus {}", dir.display()))?;
    let open_ms = millis(opened);
    let mut reports = Vec::with_capacity(queries.len());
    for query in &queries {
        let limit = if args.count_only { 0 } else { args.limit };
        reports.push(time_query(&searcher, query, args.runs, limit)?);
    }
    let report = BenchReport {
        corpus: dir.display().to_string(),
        runs: args.runs,
        limit: args.limit,
        snippets: true,
        open_ms,
        kinds: summarise_kinds(&reports, args.runs),
        queries: reports,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report);
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads `kind<TAB>query` lines.
fn read_queries(path: &Path) -> anyhow::Result<Vec<BenchQuery>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("read queries file {}", path.display()))?;
    let queries = parse_queries(&text).map_err(|message| anyhow::anyhow!("{}:{message}", path.display()))?;
    if queries.is_empty() {
        bail!("{}: no queries (expected lines like `term<TAB>kabinet`)", path.display());
    }
    Ok(queries)
}

fn parse_queries(text: &str) -> Result<Vec<BenchQuery>, String> {
    let mut queries = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((kind, query)) = line.split_once('\t') else {
            return Err(format!("{}: expected `kind<TAB>query`, found no tab in {line:?}", number + 1));
        };
        if kind.trim().is_empty() || query.trim().is_empty() {
            return Err(format!("{}: empty kind or query in {line:?}", number + 1));
        }
        queries.push(BenchQuery { kind: kind.trim().to_string(), query: query.trim().to_string() });
    }
    Ok(queries)
}

/// One warm-up run, then `runs` timed runs of the same search; `limit` 0 counts only.
fn time_query(searcher: &Searcher, query: &BenchQuery, runs: usize, limit: usize) -> anyhow::Result<QueryReport> {
    let once = || -> anyhow::Result<usize> {
        Ok(if limit == 0 { searcher.count(&query.query)? } else { searcher.search(&query.query, limit)?.total })
    };
    let total = once().with_context(|| format!("query {:?}", query.query))?;
    let mut samples_ms = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let results = once()?;
        samples_ms.push(millis(started));
        std::hint::black_box(results);
    }
    let mut sorted = samples_ms.clone();
    sorted.sort_by(f64::total_cmp);
    Ok(QueryReport {
        kind: query.kind.clone(),
        query: query.query.clone(),
        hits: total,
        median_ms: median(&sorted),
        p95_ms: percentile(&sorted, 0.95),
        samples_ms,
    })
}

/// Pools the samples of all queries of each kind, kinds in the order they first appear.
fn summarise_kinds(reports: &[QueryReport], runs: usize) -> Vec<KindReport> {
    let mut kinds: Vec<String> = Vec::new();
    for report in reports {
        if !kinds.contains(&report.kind) {
            kinds.push(report.kind.clone());
        }
    }
    kinds
        .into_iter()
        .map(|kind| {
            let of_kind: Vec<&QueryReport> = reports.iter().filter(|r| r.kind == kind).collect();
            let mut samples: Vec<f64> = of_kind.iter().flat_map(|r| r.samples_ms.iter().copied()).collect();
            samples.sort_by(f64::total_cmp);
            KindReport {
                queries: of_kind.len(),
                runs,
                median_ms: median(&samples),
                p95_ms: percentile(&samples, 0.95),
                mean_ms: samples.iter().sum::<f64>() / samples.len() as f64,
                hits: of_kind.iter().map(|r| r.hits).collect(),
                kind,
            }
        })
        .collect()
}

fn millis(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

/// The median of sorted samples (mean of the middle two for an even count).
fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return 0.0;
    }
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// Nearest-rank percentile of sorted samples.
fn percentile(sorted: &[f64], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (fraction * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn print_report(report: &BenchReport) {
    println!(
        "corpus {} opened in {:.1} ms; {} timed runs per query after one warm-up; top {} hits with snippets",
        report.corpus, report.open_ms, report.runs, report.limit
    );
    println!();
    println!("{:<10} {:>7} {:>10} {:>10}  hits", "kind", "queries", "median ms", "p95 ms");
    for kind in &report.kinds {
        let hits: Vec<String> = kind.hits.iter().map(|h| h.to_string()).collect();
        println!("{:<10} {:>7} {:>10.2} {:>10.2}  {}", kind.kind, kind.queries, kind.median_ms, kind.p95_ms, hits.join(", "));
    }
    println!();
    for query in &report.queries {
        println!("{:<10} {:>10.2} {:>10.2} {:>9}  {}", query.kind, query.median_ms, query.p95_ms, query.hits, query.query);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_file_lines_need_a_tab() {
        let parsed = parse_queries("# kinds\nterm\tkabinet\n\nphrase\t\"de raad\"\r\n").unwrap();
        assert_eq!(parsed, vec![
            BenchQuery { kind: "term".into(), query: "kabinet".into() },
            BenchQuery { kind: "phrase".into(), query: "\"de raad\"".into() },
        ]);
        let error = parse_queries("term\tkabinet\nterm kabinet\n").unwrap_err();
        assert!(error.starts_with("2: expected"), "{error}");
    }

    #[test]
    fn median_and_p95_use_the_sorted_samples() {
        let samples: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(median(&samples), 10.5);
        assert_eq!(percentile(&samples, 0.95), 19.0);
        assert_eq!(percentile(&[3.0], 0.95), 3.0);
        assert_eq!(median(&[1.0, 2.0, 9.0]), 2.0);
    }
}
