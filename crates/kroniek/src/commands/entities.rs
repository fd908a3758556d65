//! `kroniek entities`: list the corpus's entities (one per real-world referent), resolving
//! them across the corpus first when the corpus changed or a knowledge base is given.

use super::corpus_dir::CorpusArg;
use anyhow::Context;
use clap::Args;
use kroniek_nlp::entities::resolve::KnowledgeBase;
use kroniek_store::entities::EntityFilter;
use kroniek_store::index::SearchIndex;
use kroniek_store::CorpusDb;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `kroniek entities`.
#[derive(Args)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub corpus: CorpusArg,
    /// Only this type: PER, ORG, LOC or MISC.
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Only entities mentioned in this article (id or doc).
    #[arg(long)]
    pub doc: Option<String>,
    /// A knowledge base (CSV id,name,type,aliases or JSON lines) that fixes canonical names and
    /// ids; re-resolves the corpus with it.
    #[arg(long, value_name = "FILE")]
    pub kb: Option<PathBuf>,
    /// Most entities to print (0: all).
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// One JSON object per entity.
    #[arg(long)]
    pub jsonl: bool,
}

/// Runs `kroniek entities`.
pub fn run(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    if let Some(kind) = &args.kind {
        if kroniek_nlp::EntityType::parse(kind).is_none() {
            anyhow::bail!("--type {kind}: use PER, ORG, LOC or MISC");
        }
    }
    let dir = args.corpus.dir();
    let mut db = CorpusDb::open_existing(&dir)?;
    if args.kb.is_some() || db.entities_outdated()? {
        resolve_and_reindex(&dir, &mut db, args.kb.as_deref())?;
    }
    let filter = EntityFilter { kind: args.kind.clone(), article: args.doc.clone() };
    let mut entities = db.list_entities(&filter)?;
    if args.limit > 0 {
        entities.truncate(args.limit);
    }
    if args.jsonl {
        for entity in &entities {
            println!("{}", serde_json::to_string(entity)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!("{:<4} {:>8} {:>8}  {:<10} {:<10}  {:<32} aliases; roles", "type", "mentions", "articles", "first", "last", "name");
    for e in &entities {
        println!(
            "{:<4} {:>8} {:>8}  {:<10} {:<10}  {:<32} {}; {}",
            e.kind,
            e.mentions,
            e.articles,
            e.first_seen.as_deref().unwrap_or("-"),
            e.last_seen.as_deref().unwrap_or("-"),
            e.name,
            e.aliases.join(", "),
            e.roles.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Resolves entities across the corpus (with a knowledge base when given) and rebuilds the
/// search index, so `person:` and friends find every article of the resolved entity.
pub fn resolve_and_reindex(dir: &Path, db: &mut CorpusDb, kb: Option<&Path>) -> anyhow::Result<()> {
    let knowledge_base = match kb {
        Some(path) => Some(KnowledgeBase::read(path).with_context(|| format!("knowledge base {}", path.display()))?),
        None => None,
    };
    let count = db.resolve_entities(knowledge_base.as_ref())?;
    let index = SearchIndex::recreate(dir)?;
    let mut writer = index.writer()?;
    index.catch_up(db, &mut writer, |_| {})?;
    writer.wait_merging_threads()?;
    eprintln!("resolved {count} entities across the corpus; search index updated");
    Ok(())
}
