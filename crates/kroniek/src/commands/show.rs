//! `kroniek show`: one article with its metadata.

use super::corpus_dir::CorpusArg;
use anyhow::bail;
use clap::Args;
use kroniek_store::CorpusDb;
use std::process::ExitCode;

/// Arguments of `kroniek show`.
#[derive(Args)]
pub struct ShowArgs {
    /// The article's id (from search) or its doc name.
    pub id: String,
    #[command(flatten)]
    pub corpus: CorpusArg,
    /// Print the article as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `kroniek show`.
pub fn run(args: ShowArgs) -> anyhow::Result<ExitCode> {
    let db = CorpusDb::open_existing(&args.corpus.dir())?;
    let Some(article) = db.find_article(&args.id)? else {
        bail!("no article with id or doc {:?} in {}; `kroniek search` shows ids", args.id, args.corpus.dir().display());
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&article)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("id        {}", article.id);
    println!("doc       {}", article.doc);
    println!("title     {}", article.title.as_deref().unwrap_or("-"));
    println!("date      {} ({})", article.date.as_deref().unwrap_or("-"), article.date_precision);
    println!("source    {}", article.source);
    println!("language  {}", article.language);
    println!("input     {}{}", article.path, if article.line > 0 { format!(":{}", article.line) } else { String::new() });
    if let Some(url) = &article.url {
        println!("url       {url}");
    }
    if let Some(fields) = article.metadata.as_object().filter(|m| !m.is_empty()) {
        for (key, value) in fields {
            println!("{:<9} {}", key, value.as_str().map(String::from).unwrap_or_else(|| value.to_string()));
        }
    }
    println!();
    println!("{}", article.text.trim_end());
    Ok(ExitCode::SUCCESS)
}
