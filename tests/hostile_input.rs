//! Hostile and broken input (issue 5): every case runs the real binary (or the library loader
//! for the very large file) and checks that nothing panics or hangs, that the bad source gets
//! one clear message naming it, and that a good source beside it is still reported.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

const GOOD: &str = "Harbour reopens after storm\n\nThe harbour reopened on Monday.";

mod common;

/// Runs byline, killing it after `limit` so a hang fails the test instead of stalling it.
fn byline_within(args: &[&str], limit: Duration) -> Output {
    common::byline_within(args, None, limit)
}

fn byline(args: &[&str]) -> Output {
    byline_within(args, Duration::from_secs(60))
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("byline-hostile-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs `analyze --format json` on a bad source and a good one; returns (stderr, headlines).
fn analyze_with_good(bad: &Path, extra: &[&str]) -> (String, Vec<String>) {
    let dir = bad.parent().unwrap();
    let good = dir.join("zz-good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let mut args = vec!["analyze", "--format", "json"];
    args.extend_from_slice(extra);
    args.extend([s(bad), s(&good)]);
    let out = byline_within(&args, Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(0), "a good source was read: exit 0");
    let heads = headlines_of(&out.stdout);
    (String::from_utf8(out.stderr).unwrap(), heads)
}

/// The headlines of an `analyze --format json` report, in order.
fn headlines_of(stdout: &[u8]) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_slice(stdout).unwrap();
    report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["headline"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn invalid_utf8_is_decoded_lossily() {
    let dir = TempDir::new("utf8");
    let bad = dir.file(
        "latin1.txt",
        b"Caf\xe9 reopens\n\nThe caf\xe9 reopened on Monday.",
    );
    let (stderr, heads) = analyze_with_good(&bad, &[]);
    assert_eq!(stderr, "");
    assert_eq!(
        heads,
        ["Caf\u{fffd} reopens", "Harbour reopens after storm"]
    );
}

#[test]
fn a_png_is_reported_as_binary() {
    let dir = TempDir::new("png");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0".to_vec();
    png.extend((0..4000u32).map(|i| (i * 7919 % 251) as u8));
    let bad = dir.file("photo.png", &png);
    let (stderr, heads) = analyze_with_good(&bad, &[]);
    assert_eq!(
        stderr,
        format!("byline: {}: binary file, not an article\n", bad.display())
    );
    assert_eq!(heads, ["Harbour reopens after storm"]);
}

#[test]
fn empty_and_whitespace_only_files() {
    let dir = TempDir::new("empty");
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", b" \n\t\r\n \n")] {
        let bad = dir.file(name, bytes);
        let (stderr, heads) = analyze_with_good(&bad, &[]);
        assert_eq!(stderr, format!("byline: {}: empty file\n", bad.display()));
        assert_eq!(heads, ["Harbour reopens after storm"]);
    }
}

/// A 100 MB single-line file: over a 50 MiB cap it is refused at once (from its size, without
/// reading it); under a bigger cap the loader reads and parses it into one article. The parse
/// runs through the library rather than `analyze`, so this test does not time the analysis of
/// 100 MB in a debug build.
#[test]
fn a_100_mb_single_line_file() {
    let dir = TempDir::new("huge");
    let line = "word ".repeat(20 * 1024 * 1024);
    let bad = dir.file("huge.txt", line.as_bytes());
    assert_eq!(std::fs::metadata(&bad).unwrap().len(), 100 * 1024 * 1024);
    let (stderr, heads) = analyze_with_good(&bad, &["--max-bytes", "50M"]);
    assert_eq!(
        stderr,
        format!(
            "byline: {}: larger than the size cap of 50 MiB (raise it with --max-bytes)\n",
            bad.display()
        )
    );
    assert_eq!(heads, ["Harbour reopens after storm"]);

    let loaded = byline::source::load(std::slice::from_ref(&bad), 128 * 1024 * 1024);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let a = &loaded.articles[0];
    // One line far too long for a headline: one paragraph, and a short headline made from it.
    assert_eq!(a.blocks.len(), 1);
    assert_eq!(a.blocks[0].span.len(), line.trim_end().len());
    assert!(a.headline.len() < 100, "{}", a.headline);
}

#[test]
fn json_nested_10000_deep() {
    let dir = TempDir::new("deep");
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let bad = dir.file("deep.json", &deep);
    let (stderr, heads) = analyze_with_good(&bad, &[]);
    assert!(
        stderr.starts_with(&format!(
            "byline: {}: invalid JSON: recursion limit",
            bad.display()
        )),
        "{stderr}"
    );
    assert_eq!(heads, ["Harbour reopens after storm"]);
    // The same without an extension (content sniffing) and as objects.
    let deep = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
    let bad = dir.file("deep", &deep);
    let (stderr, _) = analyze_with_good(&bad, &[]);
    assert!(stderr.contains("recursion limit"), "{stderr}");
}

#[test]
fn a_malformed_json_lines_record_among_good_ones() {
    let dir = TempDir::new("jsonl");
    let bad = dir.file(
        "feed.jsonl",
        "{\"title\": \"First\", \"text\": \"One.\"}\n{\"title\": \"Broken\", \"text\": \"Two.\"\n{\"title\": \"Third\", \"text\": \"Three.\"}\n",
    );
    let (stderr, heads) = analyze_with_good(&bad, &[]);
    assert!(
        stderr.starts_with(&format!(
            "byline: {}#2: invalid JSON: EOF while parsing",
            bad.display()
        )),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
    assert_eq!(heads, ["First", "Third", "Harbour reopens after storm"]);
}

#[cfg(unix)]
#[test]
fn a_directory_with_a_symlink_loop() {
    let dir = TempDir::new("loop");
    let sub = dir.0.join("articles");
    std::fs::create_dir_all(sub.join("inner")).unwrap();
    std::fs::write(sub.join("inner/story.txt"), GOOD).unwrap();
    std::os::unix::fs::symlink(&sub, sub.join("inner/back")).unwrap();
    let out = byline_within(
        &["analyze", "--format", "json", s(&sub)],
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "byline: {}: symbolic link loop",
            sub.join("inner/back").display()
        )),
        "{stderr}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["articles"].as_array().unwrap().len(), 1);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("unreadable");
    let bad = dir.file("secret.txt", GOOD);
    std::fs::set_permissions(&bad, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&bad).is_ok() {
        println!("skipped: running as root, so a mode-000 file is still readable");
        return;
    }
    let (stderr, heads) = analyze_with_good(&bad, &[]);
    assert_eq!(
        stderr,
        format!("byline: {}: permission denied\n", bad.display())
    );
    assert_eq!(heads, ["Harbour reopens after storm"]);
}

#[cfg(unix)]
#[test]
fn a_fifo_does_not_hang() {
    let dir = TempDir::new("fifo");
    let fifo = dir.0.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        println!("skipped: mkfifo is not available");
        return;
    }
    // Nobody ever writes to it: opening it for reading would block forever.
    let (stderr, heads) = analyze_with_good(&fifo, &[]);
    assert!(
        stderr.starts_with(&format!(
            "byline: {}: is a FIFO (named pipe)",
            fifo.display()
        )),
        "{stderr}"
    );
    assert_eq!(heads, ["Harbour reopens after storm"]);
    // Also when met while walking a folder.
    let out = byline_within(&["analyze", s(&dir.0)], Duration::from_secs(10));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a FIFO"));
}

/// `/dev/zero` is binary from its first bytes: reading stops after one chunk, not at the size cap.
/// An endless text source (here 2 MiB of words on standard input) stops at the cap.
#[cfg(unix)]
#[test]
fn dev_zero_stops_at_once_and_endless_text_at_the_size_cap() {
    let zero = Path::new("/dev/zero");
    if !zero.exists() {
        println!("skipped: no /dev/zero");
        return;
    }
    let dir = TempDir::new("zero");
    let good = dir.file("good.txt", GOOD);
    let out = byline_within(
        &[
            "analyze",
            "--format",
            "json",
            "--max-bytes",
            "1M",
            "/dev/zero",
            s(&good),
        ],
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "byline: /dev/zero: binary file, not an article\n"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["articles"][0]["headline"],
        "Harbour reopens after storm"
    );
    // With the default cap of 64 MiB it stops just as soon.
    let out = byline_within(&["analyze", "/dev/zero"], Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary file"));
    // Text that goes on past the cap stops at the cap.
    let words = "word ".repeat(2 * 1024 * 1024 / 5 + 1);
    let out = common::byline_within(
        &["analyze", "--max-bytes", "1M", "-"],
        Some(words.as_bytes()),
        Duration::from_secs(30),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "byline: -: larger than the size cap of 1 MiB (raise it with --max-bytes)\n"
    );
}

/// Runs `sh -c SCRIPT byline ARGS...` (the script refers to the binary as "$0" and the arguments
/// as "$@"), killing it after `limit`.
#[cfg(unix)]
fn byline_in_shell(script: &str, args: &[&str], limit: Duration) -> Output {
    let mut all = vec!["-c", script, env!("CARGO_BIN_EXE_byline")];
    all.extend_from_slice(args);
    let mut child = Command::new("sh")
        .args(&all)
        .current_dir(common::root())
        .env("XDG_CONFIG_HOME", common::no_config_home())
        .env_remove("BYLINE_CONFIG")
        .env("BYLINE_LIBRARY", common::test_library())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + limit;
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("sh -c {script:?} {args:?} hung: killed after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Issue 14: `--max-bytes 100G /dev/zero` grew to 13 GB. Caps above 4 GiB are refused, and under
/// the largest cap allowed an endless source is stopped long before it fills memory: with the
/// address space limited to 1 GiB, reading /dev/zero and /dev/urandom up to a 4 GiB cap would
/// fail to allocate; they are given up after one chunk.
#[cfg(unix)]
#[test]
fn an_endless_source_never_fills_memory() {
    let out = byline(&["analyze", "--max-bytes", "100G", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("(at most 4 GiB)"), "{stderr}");
    if !Path::new("/dev/urandom").exists() {
        println!("skipped: no /dev/urandom");
        return;
    }
    let dir = TempDir::new("endless");
    let good = dir.file("good.txt", GOOD);
    let out = byline_in_shell(
        "ulimit -v 1048576 && exec \"$0\" \"$@\"",
        &[
            "analyze",
            "--format",
            "json",
            "--max-bytes",
            "4G",
            "/dev/zero",
            "/dev/urandom",
            s(&good),
        ],
        Duration::from_secs(20),
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr,
        "byline: /dev/zero: binary file, not an article\n\
         byline: /dev/urandom: binary file, not an article\n"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["articles"][0]["headline"],
        "Harbour reopens after storm"
    );
}

/// Issue 14: a source whose read never returns (`/proc/kmsg`) hung byline. Standard input held
/// open by the test and never written to is such a source: it is given up after the read
/// timeout ("no data within 1 s"), and the file after it is still read. Without
/// `--read-timeout` the deadline is 5 s.
#[test]
fn a_source_that_never_sends_data_is_given_up() {
    let dir = TempDir::new("silent");
    let good = dir.file("good.txt", GOOD);
    for (extra, wait) in [(&[][..], "5 s"), (&["--read-timeout", "1"][..], "1 s")] {
        let mut args = vec!["analyze", "--format", "json"];
        args.extend_from_slice(extra);
        args.extend(["-", s(&good)]);
        let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(&args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Held open, never written: a read of it blocks.
        let silent = child.stdin.take();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(15) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("byline {args:?} hung on a silent standard input");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        drop(silent);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!("byline: -: no data within {wait}\n")
        );
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            report["articles"][0]["headline"],
            "Harbour reopens after storm"
        );
    }
}

/// Issue 14: a source that trickles a byte every 200 ms never misses the no-data deadline, so it
/// was read until the size cap (for ever, at that pace). Standard input fed that way by the test
/// (a pipe, i.e. a FIFO, written by a thread of the test) is given up once it has been read for
/// 12 times `--read-timeout` (0.5 s: 6 s), with a message saying so, and the good file beside
/// it is read as usual.
#[test]
fn a_source_that_trickles_a_byte_at_a_time_is_given_up_at_the_overall_deadline() {
    let dir = TempDir::new("trickle");
    let good = dir.file("good.txt", GOOD);
    let args = [
        "analyze",
        "--format",
        "json",
        "--read-timeout",
        "0.5",
        "-",
        s(&good),
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let mut sent = 0;
        if pipe.write_all(b"Slow headline\n\n").is_err() {
            return sent;
        }
        // One byte per 200 ms until byline closes its end (or 60 s pass).
        for _ in 0..300 {
            if pipe.write_all(b"x").and_then(|()| pipe.flush()).is_err() {
                break;
            }
            sent += 1;
            std::thread::sleep(Duration::from_millis(200));
        }
        sent
    });
    let started = std::time::Instant::now();
    let out = common::collect(child, &args, Duration::from_secs(30));
    let took = started.elapsed();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with("byline: -: still sending after 6 s (")
            && stderr.ends_with(" so far; a source must end within 12 times --read-timeout)\n"),
        "{stderr}"
    );
    assert!(
        took >= Duration::from_secs(6) && took < Duration::from_secs(20),
        "{took:?}"
    );
    assert_eq!(headlines_of(&out.stdout), ["Harbour reopens after storm"]);
    let sent = writer.join().unwrap();
    assert!(sent >= 20, "the source kept sending: {sent} bytes");
}

/// Issue 14: a folder holding a link to a kernel log next to a good file hung and printed
/// nothing. `/dev/kmsg` (present and readable when run as root, as CI is) hands each reader the
/// log records and then blocks forever, like `/proc/kmsg`, without taking the records from
/// anyone else. Through the binary and through `source::load` (what the reader opens with),
/// the link is reported and the good file read. A short deadline (1 s) keeps a chatty kernel
/// from resetting it.
#[cfg(unix)]
#[test]
fn a_folder_with_a_link_to_a_blocking_kernel_log() {
    let kmsg = Path::new("/dev/kmsg");
    if std::fs::File::open(kmsg).is_err() {
        println!("skipped: /dev/kmsg is absent or not readable (run as root to check this)");
        return;
    }
    let dir = TempDir::new("kmsg");
    dir.file("good.txt", GOOD);
    std::os::unix::fs::symlink(kmsg, dir.0.join("kmsg")).unwrap();
    let out = byline_within(
        &[
            "analyze",
            "--format",
            "json",
            "--read-timeout",
            "1",
            s(&dir.0),
        ],
        Duration::from_secs(30),
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let link = dir.0.join("kmsg").display().to_string();
    assert!(
        stderr.starts_with(&format!("byline: {link}: no ")) && stderr.contains(" data within 1 s"),
        "{stderr}"
    );
    assert_eq!(headlines_of(&out.stdout), ["Harbour reopens after storm"]);

    byline::source::set_read_timeout(Duration::from_secs(1));
    let (tx, rx) = std::sync::mpsc::channel();
    let folder = dir.0.clone();
    std::thread::spawn(move || tx.send(byline::source::load(&[folder], 1 << 20)));
    let loaded = rx
        .recv_timeout(Duration::from_secs(15))
        .expect("source::load hung on /dev/kmsg");
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.articles[0].headline, "Harbour reopens after storm");
    assert_eq!(loaded.errors.len(), 1);
    assert_eq!(loaded.errors[0].source, link);
}

/// Issue 14: a file whose name is not valid UTF-8 was skipped silently inside a folder. It is
/// read, and its name shown with U+FFFD for the bad byte.
#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_inside_a_folder() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new("name");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    if std::fs::write(
        dir.0.join(name),
        "Caf\u{e9} reopens\n\nThe caf\u{e9} reopened.",
    )
    .is_err()
    {
        println!("skipped: this file system refuses names that are not UTF-8");
        return;
    }
    dir.file("good.txt", GOOD);
    let out = byline(&["analyze", "--format", "json", s(&dir.0)]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(String, String)> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["source"].as_str().unwrap().to_string(),
                a["headline"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                dir.0.join("caf\u{fffd}.txt").display().to_string(),
                "Caf\u{e9} reopens".to_string()
            ),
            (
                dir.0.join("good.txt").display().to_string(),
                "Harbour reopens after storm".to_string()
            ),
        ]
    );
}

/// Issue 14: output that cannot be written is an error that says so: a full disk (`/dev/full`)
/// and a pipe whose reader has gone, each with "writing output:" and a non-zero exit.
#[cfg(unix)]
#[test]
fn output_errors_are_reported_and_fail() {
    if Path::new("/dev/full").exists() {
        let out = byline_in_shell(
            "exec \"$0\" \"$@\" > /dev/full",
            &["analyze", "assets/articles"],
            Duration::from_secs(60),
        );
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            "byline: writing output: No space left on device\n"
        );
    } else {
        println!("skipped the /dev/full half: no /dev/full");
    }
    // The pipe's reading end is closed before byline gets its input, so before it writes.
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["analyze", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(GOOD.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "byline: writing output: broken pipe (whatever read standard output closed it before the end)\n"
    );
}

/// Issue 14: UTF-16 and UTF-32 files with a byte-order mark were refused as binary. They are
/// decoded: same headline and text as the UTF-8 file.
#[test]
fn utf16_and_utf32_with_a_bom_are_decoded() {
    let dir = TempDir::new("utf16");
    let text = "Caf\u{e9} owner speaks \u{1f4f0}\r\n\r\n\u{201c}We reopen,\u{201d} said Ana Lima.";
    let units16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<u32> = text.chars().map(u32::from).collect();
    let mut files: Vec<(&str, Vec<u8>)> = vec![
        ("le16.txt", vec![0xFF, 0xFE]),
        ("be16.txt", vec![0xFE, 0xFF]),
        ("le32.txt", vec![0xFF, 0xFE, 0, 0]),
        ("be32.txt", vec![0, 0, 0xFE, 0xFF]),
    ];
    for (name, bytes) in &mut files {
        match *name {
            "le16.txt" => bytes.extend(units16.iter().flat_map(|u| u.to_le_bytes())),
            "be16.txt" => bytes.extend(units16.iter().flat_map(|u| u.to_be_bytes())),
            "le32.txt" => bytes.extend(chars.iter().flat_map(|u| u.to_le_bytes())),
            _ => bytes.extend(chars.iter().flat_map(|u| u.to_be_bytes())),
        }
    }
    for (name, bytes) in files {
        let bad = dir.file(name, bytes);
        let (stderr, heads) = analyze_with_good(&bad, &[]);
        assert_eq!(stderr, "", "{name}");
        assert_eq!(
            heads,
            [
                "Caf\u{e9} owner speaks \u{1f4f0}",
                "Harbour reopens after storm"
            ],
            "{name}"
        );
        let out = byline(&["analyze", "--format", "json", s(&bad)]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            report["articles"][0]["text"],
            text.replace("\r\n", "\n"),
            "{name}"
        );
        assert_eq!(report["articles"][0]["quotes"][0]["speaker"], "ana-lima");
    }
}

/// Issue 14: `byline -` with a terminal on standard input waited on a blank screen for Ctrl-D.
/// It is refused with a hint, by `analyze` and by the reader. The terminal comes from
/// `script` (util-linux), which gives byline a pseudo-terminal.
#[cfg(unix)]
#[test]
fn a_terminal_on_standard_input_is_refused_with_a_hint() {
    if !Command::new("script")
        .args(["-qec", "true", "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success())
    {
        println!("skipped: no `script` to give byline a terminal");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_byline");
    for (args, rc) in [("analyze -", 2), ("-", 1)] {
        let out = byline_in_shell(
            "script -qec \"$0 $1; echo rc=\\$?\" /dev/null",
            &[args],
            Duration::from_secs(15),
        );
        let shown = String::from_utf8_lossy(&out.stdout).replace('\r', "");
        assert!(
            shown.contains(
                "byline: -: standard input is a terminal, not an article: pipe one in \
                 (`cat story.txt | byline -`) or name the files to read\n"
            ),
            "{bin} {args}: {shown}"
        );
        assert!(shown.contains(&format!("rc={rc}")), "{args}: {shown}");
    }
}

#[test]
fn escape_sequences_and_controls_never_reach_stdout() {
    let dir = TempDir::new("escapes");
    let nasty = "Head\x1b[2J\x1b[31mline\x1b]52;c;cm0gLXJmIH4=\x07 here\n\nA \u{202e}desrever\u{202c} para\u{200b}graph with \x1b]8;;http://evil\x1b\\a link\x1b]8;;\x1b\\, a bell\x07, NUL-free C1 \u{9b}31m and a DCS \x1bPq#0\x1b\\ string.";
    let bad = dir.file("nasty\x1b[31m.txt", nasty);
    for format in ["json", "text"] {
        let out = byline(&["analyze", "--format", format, s(&bad)]);
        assert!(out.status.success());
        let stdout = String::from_utf8(out.stdout).unwrap();
        for c in stdout.chars() {
            assert!(
                c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "{format}: {c:?} reached stdout"
            );
        }
        assert!(stdout.contains("Headline here"), "{stdout}");
        assert!(
            !stdout.contains("cm0gLXJmIH4="),
            "the OSC 52 payload is gone"
        );
    }
}

#[path = "../benches/common/shapes.rs"]
mod shapes;

/// The shapes that were quadratic (issue 14; timed in `benches/linearity.rs`) are analysed in
/// full: every mention of a repeated name joins the one person, every quote keeps its speaker.
#[test]
fn hostile_shapes_group_every_mention() {
    let dir = TempDir::new("shapes");
    let scale = 4;
    let people = |shape: usize| -> (Vec<(String, usize)>, Vec<serde_json::Value>) {
        let file = dir.file(&format!("shape-{shape}.txt"), shapes::text(shape, scale));
        let out = byline(&["analyze", "--format", "json", s(&file)]);
        assert_eq!(out.status.code(), Some(0), "{}", shapes::SHAPES[shape].0);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let article = &report["articles"][0];
        let entities = article["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let name = e["name"].as_str().unwrap().to_string();
                (name, e["mentions"].as_array().unwrap().len())
            })
            .collect();
        (entities, article["quotes"].as_array().unwrap().clone())
    };
    let n = 1000 * scale;
    assert_eq!(people(0).0, [("Barack Obama".to_string(), 2 * n)]);
    assert_eq!(people(1).0, [("Barack Obama".to_string(), 2 * n)]);
    let (entities, quotes) = people(2);
    let m = 600 * scale;
    assert_eq!(
        entities,
        [
            ("Barack Obama".to_string(), 2 * m),
            ("Vladimir Putin".to_string(), m)
        ]
    );
    assert_eq!(quotes.len(), m);
    assert!(quotes.iter().all(|q| q["speaker"] == "barack-obama"));
    for shape in 3..shapes::SHAPES.len() {
        assert!(!people(shape).0.is_empty(), "{}", shapes::SHAPES[shape].0);
    }
}
