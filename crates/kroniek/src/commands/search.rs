//! `kroniek search`: ranked hits with date, title, source and a highlighted snippet.

use super::corpus_dir::CorpusArg;
use clap::Args;
use kroniek_store::{Hit, Searcher};
use std::io::IsTerminal;
use std::process::ExitCode;

/// Arguments of `kroniek search`.
#[derive(Args)]
pub struct SearchArgs {
    /// The query: words, "phrases", raket*, AND OR NOT, ( ), date:2022-01..2022-12, title:, source:,
    /// lang:, person:, org:, place:. Several arguments are joined with spaces.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub corpus: CorpusArg,
    /// Most hits to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Print a JSON array of hits.
    #[arg(long)]
    pub json: bool,
}

/// Runs `kroniek search`; exit code 1 when nothing matched.
pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let query = args.query.join(" ");
    let searcher = Searcher::open(&args.corpus.dir())?;
    let results = searcher.search(&query, args.limit)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results.hits)?);
    } else {
        let bold = std::io::stdout().is_terminal();
        println!("{} articles match {query}; showing {}", results.total, results.hits.len());
        for (rank, hit) in results.hits.iter().enumerate() {
            print_hit(rank + 1, hit, bold);
        }
    }
    Ok(if results.total == 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn print_hit(rank: usize, hit: &Hit, bold: bool) {
    let title = hit.title.as_deref().unwrap_or(&hit.doc);
    let date = hit.date.as_deref().unwrap_or("----------");
    println!();
    println!("{rank:>3}. {date:<10}  {:<14}  {title}", truncate(&hit.source, 14));
    println!("     {}  (id {}, score {:.2})", highlight(&hit.snippet, &hit.highlights, bold), hit.id, hit.score);
}

/// Marks the highlighted ranges: bold on a terminal, **word** otherwise.
pub fn highlight(snippet: &str, ranges: &[(usize, usize)], bold: bool) -> String {
    let (open, close) = if bold { ("\x1b[1m", "\x1b[0m") } else { ("**", "**") };
    let mut out = String::with_capacity(snippet.len() + ranges.len() * 8);
    let mut at = 0;
    for &(start, end) in ranges {
        if start < at || end > snippet.len() || !snippet.is_char_boundary(start) || !snippet.is_char_boundary(end) {
            continue;
        }
        out.push_str(&snippet[at..start]);
        out.push_str(open);
        out.push_str(&snippet[start..end]);
        out.push_str(close);
        at = end;
    }
    out.push_str(&snippet[at..]);
    out
}

fn truncate(text: &str, width: usize) -> String {
    text.chars().take(width).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_wrap_the_ranges() {
        assert_eq!(highlight("de raket vloog", &[(3, 8)], false), "de **raket** vloog");
        assert_eq!(highlight("abc", &[(1, 9)], false), "abc");
    }
}
