use byline::cli::{Cli, Command, Format};
use byline::document::{Document, Report};
use byline::source;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze { format, paths }) => {
            let loaded = source::load(&paths, source::DEFAULT_MAX_BYTES);
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
            ExitCode::SUCCESS
        }
        None => ExitCode::SUCCESS,
    }
}
