//! TODO: being built.
use clap::Args; use std::process::ExitCode;
/// Arguments (being built).
#[derive(Args)]
pub struct SearchArgs {}
/// Runs the command (being built).
pub fn run(_args: SearchArgs) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
