//! Where the corpus lives when `--corpus` is not given.

use clap::Args;
use std::path::PathBuf;

/// The `--corpus DIR` option shared by every command that reads or writes a corpus.
#[derive(Args, Clone, Debug)]
pub struct CorpusArg {
    /// Corpus directory [default: $KRONIEK_CORPUS, else ./kroniek-corpus].
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
}

impl CorpusArg {
    /// The directory to use: the option, else $KRONIEK_CORPUS, else ./kroniek-corpus.
    pub fn dir(&self) -> PathBuf {
        self.corpus
            .clone()
            .or_else(|| std::env::var_os("KRONIEK_CORPUS").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("kroniek-corpus"))
    }
}
