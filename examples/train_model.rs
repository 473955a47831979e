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
//!       prints the cross-validated confusion of the model over the rules' candidates;
//!   cargo run --release --example train_model -- --seeds N ../shared/gold/gum_train
//!       the cross-validated F1 per genre and kind, mean and spread over N training seeds (the
//!       shipped seed first): how much of a change in a figure is the order of training;
//!   cargo run --release --example train_model -- --errors ../shared/gold/gum_train
//!       lists every cross-validated error, one a line: genre, document, FN (gold missed) or FP
//!       (found, not gold), the gold and the predicted kind of the span, and the span's text.
//!   cargo run --release --example train_model -- --cv-split ../shared/gold/gum_train HELD_IDS
//!       the 5-fold cross-validated table twice: over the documents whose id is listed (one a
//!       line, a genre before it allowed) in HELD_IDS, and over the others; with a count N after
//!       HELD_IDS, the F1 per genre and kind over both, mean over N training seeds;
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
        ["--seeds", n, root] => {
            seeds_cv(root, n.parse().unwrap());
            ExitCode::SUCCESS
        }
        ["--errors", root] => {
            errors_cv(root);
            ExitCode::SUCCESS
        }
        ["--cv-split", root, held] => {
            split_cv(root, held, 1);
            ExitCode::SUCCESS
        }
        ["--cv-split", root, held, n] => {
            split_cv(root, held, n.parse().unwrap());
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
                let model = gold::fold_model(&docs, &fold, k, gold::SEED);
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
                "usage: train_model GOLD_ROOT OUT | --cv GOLD_ROOT | --cv-split GOLD_ROOT IDS [N] | --folds GOLD_ROOT DIR | --confusion GOLD_ROOT | --seeds N GOLD_ROOT | --errors GOLD_ROOT | --explain FILE"
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
        let m = gold::fold_model(&docs, &fold, k, gold::SEED);
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

/// Every cross-validated error (exact typed span, as score.py counts), one a line.
fn errors_cv(root: &str) {
    use byline::analysis::entities::{Policy, extract_with};
    use std::collections::HashMap;
    let docs = gold::load(Path::new(root));
    let fold = gold::folds(&docs);
    let short = |k: Option<byline::EntityKind>| match k {
        None => "-",
        Some(byline::EntityKind::Person) => "PER",
        Some(byline::EntityKind::Organization) => "ORG",
        Some(byline::EntityKind::Place) => "PLA",
    };
    for k in 0..gold::FOLDS {
        let m = gold::fold_model(&docs, &fold, k, gold::SEED);
        for (d, _) in docs.iter().zip(&fold).filter(|(_, f)| **f == k) {
            let art = d.article();
            let mut pred: HashMap<gold::Span, byline::EntityKind> = HashMap::new();
            for e in extract_with(&art, Some(&m), Policy::default()) {
                for s in e.mentions.iter() {
                    let span = gold::trim(&art.text, s.start, s.end);
                    if !d.dont_care.contains(&span) {
                        pred.insert(span, e.kind);
                    }
                }
            }
            let line = |what: &str, span: &gold::Span, g, p| {
                println!(
                    "{}\t{}\t{what}\t{}\t{}\t{:?}",
                    d.genre,
                    d.id,
                    short(g),
                    short(p),
                    &art.text[span.0..span.1]
                );
            };
            for (span, g) in &d.gold {
                let p = pred.get(span).copied();
                if p != Some(*g) {
                    line("FN", span, Some(*g), p);
                }
            }
            for (span, p) in &pred {
                let g = d.gold.get(span).copied();
                if g.is_none() {
                    line("FP", span, None, Some(*p));
                }
            }
        }
    }
}

/// Cross-validated F1 per genre and kind: mean, lowest and highest over `n` seeds.
fn seeds_cv(root: &str, n: u64) {
    let docs = gold::load(Path::new(root));
    let mut f1s: std::collections::BTreeMap<String, Vec<[f64; 4]>> = Default::default();
    for i in 0..n {
        let t = gold::cv_table_seeded(&docs, gold::SEED + 0x100 * i);
        for (g, (row, _)) in &t {
            let mut all = gold::Counts::default();
            let mut v = [0.0; 4];
            for (k, c) in row.iter().enumerate() {
                v[k] = c.prf().2;
                all.add(*c);
            }
            v[3] = all.prf().2;
            f1s.entry(g.clone()).or_default().push(v);
        }
    }
    println!("| genre | person | organization | place | all |  (mean [min-max] over {n} seeds)");
    println!("|---|---|---|---|---|");
    for (g, vs) in &f1s {
        let mut cells = Vec::new();
        for k in 0..4 {
            let xs: Vec<f64> = vs.iter().map(|v| v[k]).collect();
            let mean = xs.iter().sum::<f64>() / xs.len() as f64;
            let lo = xs.iter().cloned().fold(f64::MAX, f64::min);
            let hi = xs.iter().cloned().fold(f64::MIN, f64::max);
            cells.push(format!("{mean:.3} [{lo:.3}-{hi:.3}]"));
        }
        println!("| {g} | {} |", cells.join(" | "));
    }
}

/// The cross-validated table over the listed documents and over the rest (the folds and models
/// are those of `--cv`; only the documents summed differ); over `n` > 1 seeds, the mean F1.
fn split_cv(root: &str, held: &str, n: u64) {
    let list = std::fs::read_to_string(held).unwrap();
    let ids: std::collections::HashSet<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .collect();
    let docs = gold::load(Path::new(root));
    let fold = gold::folds(&docs);
    let mut means: [std::collections::BTreeMap<String, [f64; 4]>; 2] = Default::default();
    for i in 0..n {
        let seed = gold::SEED + 0x100 * i;
        let mut tables = [gold::Table::new(), gold::Table::new()];
        for k in 0..gold::FOLDS {
            let model = gold::fold_model(&docs, &fold, k, seed);
            for (d, _) in docs.iter().zip(&fold).filter(|(_, f)| **f == k) {
                let t = &mut tables[usize::from(!ids.contains(d.id.as_str()))];
                gold::add_to(t, &d.genre, gold::score_all(d, Some(&model)));
            }
        }
        if n == 1 {
            for (name, t) in ["listed", "others"].iter().zip(&tables) {
                println!(
                    "{name} documents, {}-fold cross-validated:\n{}",
                    gold::FOLDS,
                    gold::markdown(t)
                );
            }
            return;
        }
        for (m, t) in means.iter_mut().zip(&tables) {
            for (g, (row, _)) in t {
                let v = m.entry(g.clone()).or_default();
                let mut all = gold::Counts::default();
                for (k, c) in row.iter().enumerate() {
                    v[k] += c.prf().2 / n as f64;
                    all.add(*c);
                }
                v[3] += all.prf().2 / n as f64;
            }
        }
    }
    for (name, m) in ["listed", "others"].iter().zip(&means) {
        println!(
            "{name} documents, F1 mean over {n} seeds:\n| genre | person | organization | place | all |\n|---|---|---|---|---|"
        );
        for (g, v) in m {
            println!(
                "| {g} | {:.3} | {:.3} | {:.3} | {:.3} |",
                v[0], v[1], v[2], v[3]
            );
        }
    }
}
