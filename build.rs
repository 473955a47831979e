//! Finds the shared gold data (`../shared/gold`, or the directory `BYLINE_GOLD_DIR` names) the
//! accuracy tests measure against. When it is there, the tests are built with the cfg
//! `byline_gold` and `BYLINE_GOLD_ROOT` set to it; when it is not, they are marked
//! `#[ignore = "../shared/gold not found: accuracy not measured"]`, so a plain `cargo test`
//! says so in its summary instead of passing quietly.
use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(byline_gold)");
    println!("cargo::rerun-if-env-changed=BYLINE_GOLD_DIR");
    println!("cargo::rerun-if-changed=build.rs");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let gold = std::env::var_os("BYLINE_GOLD_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../shared/gold"));
    if gold.join("gum_train").is_dir() {
        println!("cargo::rustc-cfg=byline_gold");
        println!("cargo::rustc-env=BYLINE_GOLD_ROOT={}", gold.display());
        // Rerun when the gold data changes or goes. Cargo scans a watched directory whole, so
        // the parent directory (every clone and build beside this one) is watched only while
        // the gold data is missing, to notice it appearing.
        println!("cargo::rerun-if-changed={}", gold.display());
    } else {
        println!("cargo::rerun-if-changed={}", manifest.join("..").display());
    }
}
