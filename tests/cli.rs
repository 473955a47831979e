//! Runs the real `byline` binary: `analyze` on the bundled samples, on bad files and on stdin.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Output;
use std::time::Duration;

mod common;

/// Runs byline with `args` (and `stdin`), killing it after 60 s so a hang fails the test.
fn byline(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::byline_within(args, stdin, Duration::from_secs(60))
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Checks one span of the JSON contract against the article text.
fn check_span(text: &str, v: &serde_json::Value, what: &str) {
    let start = v["start"].as_u64().unwrap() as usize;
    let end = v["end"].as_u64().unwrap() as usize;
    assert!(
        start <= end && end <= text.len(),
        "{what}: {start}..{end} out of bounds ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: {start}..{end} not on char boundaries"
    );
}

#[test]
fn analyze_json_on_the_samples_keeps_the_contract() {
    let out = byline(&["analyze", "--format", "json", "assets/articles"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = report["articles"].as_array().unwrap();
    // The seed, four text/Markdown articles, three JSON Lines records and two JSON records.
    assert_eq!(articles.len(), 10);
    for a in articles {
        let source = a["source"].as_str().unwrap();
        assert!(source.starts_with("assets/articles/"), "{source}");
        assert!(!a["headline"].as_str().unwrap().is_empty(), "{source}");
        let text = a["text"].as_str().unwrap();
        let blocks = a["blocks"].as_array().unwrap();
        assert!(!blocks.is_empty(), "{source} has no blocks");
        assert!(
            blocks.iter().any(|b| b["kind"] == "paragraph"),
            "{source} has no paragraph"
        );
        let mut last_end = 0;
        for b in blocks {
            check_span(text, b, &format!("{source} block"));
            let start = b["start"].as_u64().unwrap() as usize;
            assert!(
                start >= last_end,
                "{source}: blocks overlap or are out of order"
            );
            last_end = b["end"].as_u64().unwrap() as usize;
        }
        for e in a["entities"].as_array().unwrap() {
            for m in e["mentions"].as_array().unwrap() {
                check_span(text, m, &format!("{source} mention"));
            }
        }
        for q in a["quotes"].as_array().unwrap() {
            check_span(text, q, &format!("{source} quote"));
        }
    }
    let seed = articles
        .iter()
        .find(|a| a["source"] == "assets/articles/00-seed-article.txt")
        .unwrap();
    let kinds: Vec<&str> = seed["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds[..4],
        ["headline", "dek", "caption", "credit"],
        "{kinds:?}"
    );
    assert_eq!(kinds.iter().filter(|k| **k == "paragraph").count(), 9);
}

#[test]
fn analyze_text_prints_headlines_and_sources() {
    let out = byline(
        &[
            "analyze",
            "assets/articles/00-seed-article.txt",
            "assets/articles/rail-strike.md",
        ],
        None,
    );
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("U.S. and Russia Fail to Reach Syria Deal on Sidelines of G20 Summit"));
    assert!(stdout.contains("  source: assets/articles/00-seed-article.txt"));
    assert!(stdout.contains("Northline Rail Drivers Walk Out Over Night-Shift Rota"));
    assert!(stdout.contains("  byline: Marta Quental"));
    assert!(stdout.contains("  entities: "));
    assert!(stdout.contains("  quotes: "));
}

#[test]
fn a_bad_file_beside_a_good_one_is_reported_and_the_good_one_kept() {
    let dir = temp_dir("bad-good");
    let bad = dir.join("bad.txt");
    let good = dir.join("good.txt");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(&good, "Good headline\n\nA good paragraph.").unwrap();
    let out = byline(
        &[
            "analyze",
            "--format",
            "json",
            bad.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        format!("byline: {}: binary file, not an article\n", bad.display())
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["articles"][0]["headline"], "Good headline");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn only_bad_files_exit_non_zero() {
    let dir = temp_dir("only-bad");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let missing = dir.join("missing.txt");
    let out = byline(
        &[
            "analyze",
            empty.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&format!("byline: {}: empty file", empty.display())));
    assert!(stderr.contains(&format!(
        "byline: {}: no such file or directory",
        missing.display()
    )));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stdin_is_read_with_a_dash() {
    let input = "By-election called in Braga\n\nBy Ana Lima\n\nBRAGA, Portugal — A by-election will be held in March.";
    let out = byline(
        &["analyze", "--format", "json", "-"],
        Some(input.as_bytes()),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &report["articles"][0];
    assert_eq!(a["source"], "-");
    assert_eq!(a["headline"], "By-election called in Braga");
    assert_eq!(a["byline"], "Ana Lima");
    assert_eq!(a["dateline"], "BRAGA, Portugal");
    // JSON Lines on stdin are sniffed.
    let out = byline(
        &["analyze", "--format", "json", "-"],
        Some(b"{\"title\": \"One\", \"text\": \"A.\"}\n{\"title\": \"Two\", \"text\": \"B.\"}\n"),
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["articles"][1]["source"], "-#2");
}

#[test]
fn max_bytes_applies_to_analyze() {
    let out = byline(
        &[
            "analyze",
            "--max-bytes",
            "100",
            "assets/articles/00-seed-article.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("seed-article.txt: larger than the size cap of 100 bytes"),
        "{stderr}"
    );
}

#[test]
fn help_and_version() {
    let out = byline(&["--help"], None);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("analyze") && help.contains("--max-bytes"));
    let out = byline(&["analyze", "--help"], None);
    assert!(String::from_utf8(out.stdout).unwrap().contains("--format"));
    let out = byline(&["--version"], None);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("byline {}", env!("CARGO_PKG_VERSION"))
    );
}

/// Issue 13 item 6: `published` is the source's date as an RFC 3339 instant in UTC, beside the raw
/// `date`; absent when the date is not understood.
#[test]
fn analyze_json_gives_the_published_instant_in_utc() {
    let input = concat!(
        r#"[{"title": "A", "text": "One.", "date": "Fri, 05 Sep 2025 11:30:00 +0300"},"#,
        r#"{"title": "B", "text": "Two.", "date": "2025-09-02 08:15"},"#,
        r#"{"title": "C", "text": "Three.", "date": "September 4, 2016"},"#,
        r#"{"title": "D", "text": "Four.", "date": "the other day"},"#,
        r#"{"title": "E", "text": "Five."}]"#
    );
    let out = byline(
        &["analyze", "--format", "json", "-"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(serde_json::Value, serde_json::Value)> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["date"].clone(), a["published"].clone()))
        .collect();
    use serde_json::Value::Null;
    assert_eq!(
        got,
        [
            (
                "Fri, 05 Sep 2025 11:30:00 +0300".into(),
                "2025-09-05T08:30:00Z".into()
            ),
            ("2025-09-02 08:15".into(), "2025-09-02T08:15:00Z".into()),
            ("September 4, 2016".into(), "2016-09-04T00:00:00Z".into()),
            ("the other day".into(), Null),
            (Null, Null),
        ]
    );
    // Absent, not null, when unknown.
    assert!(report["articles"][3].get("published").is_none());
}

/// Issue 13: a man page and shell completions generated from the clap definition, so they
/// list every flag (here the newest ones) and subcommand.
#[test]
fn man_page_and_completions_come_from_the_command_line_definition() {
    let out = byline(&["man"], None);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH byline 1"), "{page}");
    for flag in [
        r"\-\-max\-bytes",
        r"\-\-read\-timeout",
        "byline\\-analyze(1)",
    ] {
        assert!(page.contains(flag), "{flag} missing from the man page");
    }
    let dir = temp_dir("man");
    let out = byline(&["man", "--dir", dir.to_str().unwrap()], None);
    assert!(out.status.success());
    for page in [
        "byline.1",
        "byline-analyze.1",
        "byline-completions.1",
        "byline-man.1",
    ] {
        let text = std::fs::read_to_string(dir.join(page)).unwrap();
        assert!(text.contains(".TH "), "{page}");
    }
    let _ = std::fs::remove_dir_all(&dir);

    for (shell, marker) in [
        ("bash", "complete -F _byline"),
        ("zsh", "#compdef byline"),
        ("fish", "complete -c byline"),
    ] {
        let out = byline(&["completions", shell], None);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(
            script.contains("read-timeout") && script.contains("analyze"),
            "{shell}"
        );
    }
    // bash loads the script and registers the completion.
    let bin = env!("CARGO_BIN_EXE_byline");
    if let Ok(out) = std::process::Command::new("bash")
        .args([
            "-c",
            &format!("source <('{bin}' completions bash) && complete -p byline"),
        ])
        .output()
    {
        assert!(out.status.success(), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("_byline"));
    }
    let out = byline(&["completions", "nosuchshell"], None);
    assert_eq!(out.status.code(), Some(2));
}
