//! TODO: being built.
use clap::Args; use std::process::ExitCode;
/// Arguments (being built).
#[derive(Args)]
pub struct TokensArgs {}
/// Runs the command (being built).
pub fn run_tokens(_args: TokensArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
/// Arguments (being built).
#[derive(Args)]
pub struct SentencesArgs {}
/// Runs the command (being built).
pub fn run_sentences(_args: SentencesArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
/// Arguments (being built).
#[derive(Args)]
pub struct EvalTokensArgs {}
/// Runs the command (being built).
pub fn run_eval_tokens(_args: EvalTokensArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
/// Arguments (being built).
#[derive(Args)]
pub struct EvalSentencesArgs {}
/// Runs the command (being built).
pub fn run_eval_sentences(_args: EvalSentencesArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
/// Arguments (being built).
#[derive(Args)]
pub struct BenchTextArgs {}
/// Runs the command (being built).
pub fn run_bench(_args: BenchTextArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
