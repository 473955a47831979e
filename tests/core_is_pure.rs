//! The layers stay one-way. The analysis core is pure: nothing under `src/article/` or
//! `src/analysis/` names ratatui, crossterm or clap (in a `use`, a path or an `extern crate`); and
//! the app state does not reach into the drawing code (`src/app/` never names `crate::ui`, its
//! tests aside). Scans the sources as text, so a new file is covered the day it is added.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

const CORE: [&str; 2] = ["src/article", "src/analysis"];
const UI_CRATES: [&str; 3] = ["ratatui", "crossterm", "clap"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of `source` that name one of the UI crates as a path (`ratatui::…`, `use crossterm`,
/// `extern crate clap`), comments aside.
fn ui_imports(source: &str) -> Vec<String> {
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .filter(|code| {
            UI_CRATES.iter().any(|krate| {
                code.contains(&format!("{krate}::"))
                    || code.contains(&format!("use {krate}"))
                    || code.contains(&format!("crate {krate}"))
            })
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn the_scan_catches_an_import() {
    assert_eq!(ui_imports("use ratatui::text::Line;").len(), 1);
    assert_eq!(
        ui_imports("    let x = crossterm::terminal::size();").len(),
        1
    );
    assert_eq!(ui_imports("use clap;").len(), 1);
    assert!(ui_imports("// ratatui::Frame is drawn elsewhere").is_empty());
    assert!(ui_imports("let ratatuix = 1;").is_empty());
}

#[test]
fn article_and_analysis_do_not_import_ui_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in CORE {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 10, "found the core's sources: {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file).unwrap();
        for line in ui_imports(&source) {
            found.push(format!("{}: {}", file.display(), line.trim()));
        }
    }
    assert!(
        found.is_empty(),
        "UI crates imported by the core:\n{}",
        found.join("\n")
    );
}

#[test]
fn app_does_not_import_ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/app"), &mut files);
    assert!(files.len() > 5, "found the app's sources: {files:?}");
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.ends_with("tests.rs")) {
        let source = fs::read_to_string(file).unwrap();
        let code = source.split("#[cfg(test)]").next().unwrap_or("");
        for line in code.lines() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("crate::ui") || code.contains("byline::ui") {
                found.push(format!("{}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "src/app imports the ui:\n{}",
        found.join("\n")
    );
}
