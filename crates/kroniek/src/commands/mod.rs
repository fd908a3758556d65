//! One file per subcommand. Each exposes its clap `Args` and a `run` function returning the
//! process exit code: 0 all went well, 1 something was skipped or not found, 2 an error.

pub mod bench_search;
pub mod corpus_dir;
pub mod duplicates;
pub mod entities;
pub mod generate;
pub mod ingest;
pub mod ner;
pub mod reindex;
pub mod search;
pub mod show;
pub mod statements;
pub mod stats;
pub mod text;
