//! Runs the whole analysis (or only entity extraction) over the articles in the given files,
//! several times, for profiling with `valgrind --tool=callgrind` or `perf`.
//!
//! ```text
//! cargo build --release --example analyze_bench
//! valgrind --tool=callgrind target/release/examples/analyze_bench [--entities] [--rounds N] FILE...
//! valgrind --tool=callgrind --toggle-collect='analyze_bench::run' \
//!     target/release/examples/analyze_bench --warm [--entities] FILE...
//! ```
//! `--entities` runs entity extraction only; `--warm` loads the gazetteers before the measured
//! part, so that `--toggle-collect` counts the per-article work alone.
//! A `.json` file with a `text` field (the shared gold format) is read as that text; any other
//! file is parsed as byline parses it. Prints the word count and the number of entities found.

use byline::analysis::{analyze, entities};
use byline::article::parse;
use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut rounds = 1u32;
    let mut only_entities = false;
    let mut warm = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--entities" => only_entities = true,
            "--warm" => warm = true,
            "--rounds" => match args.next().and_then(|s| s.parse().ok()) {
                Some(n) => rounds = n,
                None => {
                    eprintln!("--rounds needs a number");
                    return ExitCode::from(2);
                }
            },
            _ => files.push(arg),
        }
    }
    let mut articles = Vec::new();
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else {
            eprintln!("cannot read {f}");
            return ExitCode::from(2);
        };
        let text = if f.ends_with(".json") {
            serde_json::from_slice::<serde_json::Value>(&bytes)
                .ok()
                .and_then(|v| v["text"].as_str().map(str::to_string))
                .map(String::into_bytes)
        } else {
            None
        };
        let name = if text.is_some() {
            format!("{f}.txt")
        } else {
            f.clone()
        };
        articles.extend(parse(&name, text.as_deref().unwrap_or(&bytes)).articles);
    }
    let words: usize = articles.iter().map(|a| a.word_count()).sum();
    if warm {
        // Loads the gazetteers once, outside `run`.
        if let Some(a) = articles.first() {
            black_box(analyze(a));
        }
    }
    let found = run(&articles, rounds, only_entities);
    println!(
        "{} articles, {words} words, {rounds} rounds, {found} entities",
        articles.len()
    );
    ExitCode::SUCCESS
}

/// The measured part: `--toggle-collect=analyze_bench::run` counts only this (with `--warm`,
/// without the one-time gazetteer loading).
#[inline(never)]
fn run(articles: &[byline::Article], rounds: u32, only_entities: bool) -> usize {
    let mut found = 0;
    for _ in 0..rounds {
        for a in articles {
            found += if only_entities {
                black_box(entities::extract(black_box(a))).len()
            } else {
                black_box(analyze(black_box(a))).entities.len()
            };
        }
    }
    found
}
