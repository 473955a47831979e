//! Writes a synthetic news corpus for benchmarks and for trying byline on a large folder.
//!
//! ```text
//! cargo run --release --example gen_corpus -- OUT_DIR N [--jsonl] [--seed S]
//! ```
//! Plain text (`OUT_DIR/article-00001.txt` …) by default; with `--jsonl`, one
//! `OUT_DIR/articles.jsonl` file of N records instead. The same N and seed always give the same
//! corpus.

#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_corpus OUT_DIR N [--jsonl] [--seed S]";

fn main() -> ExitCode {
    let mut positional = Vec::new();
    let mut jsonl = false;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            "--seed" => match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => {
                    eprintln!("--seed needs a number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => positional.push(arg),
        }
    }
    let [dir, n] = positional.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("N must be a number of articles, not {n:?}\n{USAGE}");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    let written = if jsonl {
        corpus::write_jsonl(&dir.join("articles.jsonl"), n, seed)
    } else {
        corpus::write_folder(&dir, n, seed)
    };
    match written {
        Ok(bytes) => {
            let words: usize = (0..n).map(|i| corpus::nth(seed, i).word_count()).sum();
            println!(
                "wrote {n} articles ({} format, seed {seed}) to {}: {bytes} bytes, {words} body words",
                if jsonl { "JSON Lines" } else { "plain text" },
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
