//! Writes the hostile shapes of issue 14 as article files, to time or profile the binary on them:
//! each shape of `benches/common/shapes.rs` at scales 1, 2, 4 and 8 (`linear-S-xK.txt`), and,
//! with `--marks MB`, text dense in quotation marks (`marks-1-MB.txt`: `"` repeated;
//! `marks-2-MB.txt`: `"'` alternating; `marks-3-MB.txt`: `"a 'b ` repeated).
//!
//! ```text
//! cargo run --release --example gen_shapes -- OUT_DIR [--marks MB]
//! /usr/bin/time -v target/release/byline analyze --format json OUT_DIR/marks-1-60.txt >/dev/null
//! valgrind --tool=callgrind target/release/byline analyze --format json OUT_DIR/linear-0-x8.txt
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/common/shapes.rs"]
mod shapes;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: gen_shapes OUT_DIR [--marks MB]");
        return ExitCode::from(2);
    };
    let marks: Option<usize> = match (args.next().as_deref(), args.next()) {
        (Some("--marks"), Some(mb)) => mb.parse().ok(),
        _ => None,
    };
    let write = |name: String, text: &str| -> bool {
        match std::fs::write(dir.join(&name), text) {
            Ok(()) => true,
            Err(e) => {
                eprintln!("{name}: {e}");
                false
            }
        }
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for (i, (name, _)) in shapes::SHAPES.iter().enumerate() {
        for scale in [1, 2, 4, 8] {
            if !write(format!("linear-{i}-x{scale}.txt"), &shapes::text(i, scale)) {
                return ExitCode::FAILURE;
            }
        }
        println!("linear-{i}-x*.txt: {name}");
    }
    if let Some(mb) = marks {
        let n = mb * 1_000_000;
        let dense = ["\"".repeat(n), "\"'".repeat(n / 2), "\"a 'b ".repeat(n / 6)];
        for (k, text) in dense.iter().enumerate() {
            if !write(format!("marks-{}-{mb}.txt", k + 1), text) {
                return ExitCode::FAILURE;
            }
        }
        println!("marks-[123]-{mb}.txt: {mb} MB dense in quotation marks");
    }
    ExitCode::SUCCESS
}
