//! Trains byline's entity model on GUM's gold documents, and cross-validates it.
//!
//!   cargo run --release --example train_model -- ../shared/gold/gum_train assets/model/entities.bin
//!       trains on every document of the reusable genres (gold README) and writes the weights;
//!   cargo run --release --example train_model -- --cv ../shared/gold/gum_train
//!       prints the rules' table and the 5-fold cross-validated table (per genre, P/R/F1);
//!   cargo run --release --example train_model -- --folds ../shared/gold/gum_train DIR
//!       writes DIR/foldK.bin (trained without fold K) and DIR/foldK/GENRE/*.json (links to
//!       fold K's documents), for scoring each fold with score.py (scripts/cross-validate);
//!   cargo run --release --example train_model -- --explain FILE.txt
//!       prints each candidate mention of FILE with the rules' kind and the shipped model's
//!       scores (none, person, organization, place);
//!   cargo run --release --example train_model -- --confusion ../shared/gold/gum_train
//!       prints the cross-validated confusion of the model over the rules' candidates.
//!
//! Deterministic: documents in file order, a fixed seed; the same data gives the same bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/gold/mod.rs"]
mod gold;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["--explain", file] => {
            explain(file);
            ExitCode::SUCCESS
        }
        ["--confusion", root] => {
            diag_cv(root);
            ExitCode::SUCCESS
        }
        ["--cv", root] => {
            let docs = gold::load(Path::new(root));
            println!(
                "rules alone:\n{}",
                gold::markdown(&gold::rules_table(&docs))
            );
            println!(
                "rules + model, {}-fold cross-validated:\n{}",
                gold::FOLDS,
                gold::markdown(&gold::cv_table(&docs))
            );
            ExitCode::SUCCESS
        }
        ["--folds", root, out] => {
            let docs = gold::load(Path::new(root));
            let fold = gold::folds(&docs);
            for k in 0..gold::FOLDS {
                let model = gold::train(
                    docs.iter()
                        .zip(&fold)
                        .filter(|(d, f)| **f != k && gold::REUSABLE.contains(&d.genre.as_str()))
                        .map(|(d, _)| d),
                );
                let dir = Path::new(out);
                std::fs::create_dir_all(dir).unwrap();
                std::fs::write(dir.join(format!("fold{k}.bin")), model.to_bytes()).unwrap();
                for (d, _) in docs.iter().zip(&fold).filter(|(_, f)| **f == k) {
                    let g = dir.join(format!("fold{k}")).join(&d.genre);
                    std::fs::create_dir_all(&g).unwrap();
                    let link = g.join(d.path.file_name().unwrap());
                    let _ = std::fs::remove_file(&link);
                    std::os::unix::fs::symlink(std::fs::canonicalize(&d.path).unwrap(), link)
                        .unwrap();
                }
            }
            ExitCode::SUCCESS
        }
        [root, out] => {
            let docs = gold::load(Path::new(root));
            let used: Vec<&gold::Doc> = docs
                .iter()
                .filter(|d| gold::REUSABLE.contains(&d.genre.as_str()))
                .collect();
            let model = gold::train(used.iter().copied());
            let bytes = model.to_bytes();
            std::fs::write(out, &bytes).unwrap();
            eprintln!(
                "trained on {} documents ({}), {} bytes -> {out}",
                used.len(),
                gold::REUSABLE.join(", "),
                bytes.len()
            );
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "usage: train_model GOLD_ROOT OUT | --cv GOLD_ROOT | --folds GOLD_ROOT DIR | --confusion GOLD_ROOT"
            );
            ExitCode::FAILURE
        }
    }
}

/// The cross-validated confusion of gold and predicted classes over the rules' candidates
/// (before voting); `SHOW=1` lists every error.
fn diag_cv(root: &str) {
    let docs = gold::load(Path::new(root));
    let fold = gold::folds(&docs);
    let mut conf = [[0usize; 4]; 4];
    for k in 0..gold::FOLDS {
        let m = gold::train(
            docs.iter()
                .zip(&fold)
                .filter(|(d, f)| **f != k && gold::REUSABLE.contains(&d.genre.as_str()))
                .map(|(d, _)| d),
        );
        for (d, _) in docs.iter().zip(&fold).filter(|(_, f)| **f == k) {
            let art = d.article();
            for c in byline::analysis::entities::candidates(&art) {
                let span = gold::trim(&art.text, c.span.start, c.span.end);
                if d.dont_care.contains(&span) {
                    continue;
                }
                let y = byline::analysis::entities::class_of(d.gold.get(&span).copied());
                let p = m.predict(&c.features);
                conf[y][p] += 1;
                if y != p && std::env::var_os("SHOW").is_some() {
                    println!(
                        "{}\t{y}->{p}\t{:?}\t{}",
                        d.genre,
                        c.rule,
                        &art.text[span.0..span.1]
                    );
                }
            }
        }
    }
    eprintln!("CV confusion gold x pred (none, person, org, place): {conf:?}");
}

/// Each candidate of one text file with the rules' kind and the shipped model's scores.
fn explain(file: &str) {
    let bytes = std::fs::read(file).unwrap();
    let model =
        byline::analysis::learn::Model::from_bytes(include_bytes!("../assets/model/entities.bin"))
            .unwrap();
    for art in byline::article::parse(file, &bytes).articles {
        for c in byline::analysis::entities::candidates(&art) {
            let s = model.scores(&c.features);
            println!(
                "{:<40} {:<13} {:>7.2} {:>7.2} {:>7.2} {:>7.2}",
                format!("{:?}", &art.text[c.span.start..c.span.end]),
                format!("{:?}", c.rule),
                s[0],
                s[1],
                s[2],
                s[3]
            );
        }
    }
}
