//! TODO: being built.
use clap::Args; use std::process::ExitCode;
/// Arguments (being built).
#[derive(Args)]
pub struct GenerateArgs {}
/// Runs the command (being built).
pub fn run(_args: GenerateArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
