//! The command line: `byline [PATH]...` opens the reader, `byline analyze` prints the analysis.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "byline",
    version,
    about = "A terminal news reader that shows who is in a story and who said what"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open: files, folders (read recursively) or `-` for standard input.
    /// With none, opens the bundled sample articles.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the analysis of articles without opening the reader.
    Analyze {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Files, folders or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

/// `byline analyze`: prints the analysis of every article; problems go to stderr.
pub fn analyze(format: Format, paths: &[PathBuf]) -> std::process::ExitCode {
    use crate::document::{Document, Report};
    let loaded = crate::source::load(paths, crate::source::DEFAULT_MAX_BYTES);
    for e in &loaded.errors {
        eprintln!("byline: {}: {}", e.source, e.reason);
    }
    let docs: Vec<Document> = loaded.articles.into_iter().map(Document::analyze).collect();
    match format {
        Format::Json => match serde_json::to_string_pretty(&Report { articles: &docs }) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("byline: {e}"),
        },
        Format::Text => {
            for d in &docs {
                println!("{}", d.article.headline);
            }
        }
    }
    std::process::ExitCode::SUCCESS
}
