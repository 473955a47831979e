//! Hostile and broken input (issue 5): every case runs the real binary (or the library loader
//! for the very large file) and checks that nothing panics or hangs, that the bad source gets
//! one clear message naming it, and that a good source beside it is still reported.

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
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let heads = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["headline"].as_str().unwrap().to_string())
        .collect();
    (String::from_utf8(out.stderr).unwrap(), heads)
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

#[cfg(unix)]
#[test]
fn dev_zero_stops_at_the_size_cap() {
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
        "byline: /dev/zero: larger than the size cap of 1 MiB (raise it with --max-bytes)\n"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["articles"][0]["headline"],
        "Harbour reopens after storm"
    );
    // With the default cap of 64 MiB it still stops.
    let out = byline_within(&["analyze", "/dev/zero"], Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("size cap of 64 MiB"));
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
