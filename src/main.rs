use byline::cli::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze { format, paths }) => {
            byline::cli::analyze(format, &paths, cli.max_bytes)
        }
        // The reader is not built yet.
        None => ExitCode::SUCCESS,
    }
}
