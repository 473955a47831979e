//! Shared by the tests that run the real binary: start `byline`, feed it, and kill it after a time
//! limit so that a hang fails the test instead of stalling it.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The repository root, where `assets/` is.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A config folder with no byline config in it, so the reader never reads the user's.
pub fn no_config_home() -> std::path::PathBuf {
    std::env::temp_dir().join("byline-tests-no-config-home")
}

/// A library file of this test process's own, in the temp folder: every run
/// through the runner names it in `BYLINE_LIBRARY`, and the XDG data folder points into the temp
/// folder too, so no test can open or write the user's library (even with HOME=/root in CI).
pub fn test_library() -> std::path::PathBuf {
    std::env::temp_dir()
        .join(format!("byline-tests-{}", std::process::id()))
        .join("library.sqlite")
}

/// Runs byline with `args` (and `stdin`) from the repository root; panics if it is still running
/// after `limit`. The library is `test_library()` unless `args` name another.
pub fn byline_within(args: &[&str], stdin: Option<&[u8]>, limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(root())
        .env("XDG_CONFIG_HOME", no_config_home())
        .env_remove("BYLINE_CONFIG")
        .env("BYLINE_LIBRARY", test_library())
        .env("XDG_DATA_HOME", no_config_home().join("data"))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn byline");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    collect(child, args, limit)
}

/// Waits for a spawned byline (stdout and stderr piped) and collects its output; kills it and
/// panics if it is still running after `limit`.
pub fn collect(mut child: Child, args: &[&str], limit: Duration) -> Output {
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("byline {args:?} hung: killed after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out_t.join().unwrap(),
        stderr: err_t.join().unwrap(),
    }
}
