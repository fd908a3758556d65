//! TODO: being built.
use clap::Args; use std::process::ExitCode;
/// Arguments (being built).
#[derive(Args)]
pub struct TrainNerArgs {}
/// Runs the command (being built).
pub fn run_train(_args: TrainNerArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
/// Arguments (being built).
#[derive(Args)]
pub struct EvalNerArgs {}
/// Runs the command (being built).
pub fn run_eval(_args: EvalNerArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
/// Arguments (being built).
#[derive(Args)]
pub struct BenchNerArgs {}
/// Runs the command (being built).
pub fn run_bench(_args: BenchNerArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
