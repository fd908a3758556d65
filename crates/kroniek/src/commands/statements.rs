//! TODO: being built.
use clap::Args; use std::process::ExitCode;
/// Arguments (being built).
#[derive(Args)]
pub struct StatementsArgs {}
/// Runs the command (being built).
pub fn run(_args: StatementsArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
/// Arguments (being built).
#[derive(Args)]
pub struct EvalStatementsArgs {}
/// Runs the command (being built).
pub fn run_eval(_args: EvalStatementsArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
