//! TODO
use clap::Args; use std::process::ExitCode;
/// Arguments (being built).
#[derive(Args)]
pub struct ReindexArgs {}
/// Runs the command (being built).
pub fn run(_args: ReindexArgs, _quiet: bool) -> anyhow::Result<ExitCode> { anyhow::bail!("not built yet") }
