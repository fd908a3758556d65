//! TODO: being built.
use clap::Args; use std::process::ExitCode;
/// Arguments (being built).
#[derive(Args)]
pub struct BenchSearchArgs {}
/// Runs the command (being built).
pub fn run(_args: BenchSearchArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
