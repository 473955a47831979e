//! The command line: `byline [PATH]...` opens the reader, `byline analyze` prints the analysis.

use crate::article::sanitize::clean_inline;
use crate::document::{Document, Report};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "byline",
    version,
    about = "A terminal news reader that shows who is in a story and who said what",
    long_about = "A terminal news reader that shows who is in a story and who said what.\n\n\
        Reads plain-text (.txt or no extension), Markdown (.md, .markdown), JSON (.json: an \
        article object, a list of them, or {\"articles\": [...]}) and JSON Lines (.jsonl, \
        .ndjson) articles. Folders are read recursively in name order; `-` reads standard \
        input. Sources that cannot be read are reported and skipped."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open: files, folders (read recursively) or `-` for standard input.
    /// With none, opens the bundled sample articles.
    pub paths: Vec<PathBuf>,
    /// Largest source read, in bytes; K, M and G suffixes (powers of 1024) are accepted.
    /// Bigger files, and endless sources like /dev/zero, are reported and skipped.
    #[arg(long, global = true, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the analysis of articles without opening the reader.
    ///
    /// Problems with a source are printed to stderr as `byline: SOURCE: REASON`; the exit
    /// status is 2 only when no article at all could be read.
    Analyze {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Files, folders or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The JSON contract: {"articles": [{source, headline, text, blocks, entities, quotes…}]}.
    Json,
    /// A readable summary: headline, source, entities and quotes of each article.
    Text,
}

/// "64M", "1g", "512K", "1000", "2MiB" → bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits_end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits_end);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (try 1000, 512K, 64M or 1G)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(format!("`{s}` has an unknown unit (use K, M or G)")),
    };
    n.checked_mul(mult)
        .ok_or_else(|| format!("`{s}` is too large"))
}

/// `byline analyze`: prints the analysis of every article; problems go to stderr. Exit status 2
/// when no article could be read at all, 0 otherwise.
pub fn analyze(format: Format, paths: &[PathBuf], max_bytes: u64) -> ExitCode {
    let loaded = crate::source::load(paths, max_bytes);
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for e in &loaded.errors {
        let _ = writeln!(
            err,
            "byline: {}: {}",
            clean_inline(&e.source),
            clean_inline(&e.reason)
        );
    }
    let no_articles = loaded.articles.is_empty();
    if no_articles && loaded.errors.is_empty() {
        let _ = writeln!(err, "byline: no articles found");
    }
    drop(err);
    let docs: Vec<Document> = loaded.articles.into_iter().map(Document::analyze).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match format {
        Format::Json => match serde_json::to_string_pretty(&Report { articles: &docs }) {
            Ok(s) => writeln!(out, "{s}"),
            Err(e) => {
                eprintln!("byline: {e}");
                return ExitCode::FAILURE;
            }
        },
        Format::Text => out.write_all(text_report(&docs).as_bytes()),
    };
    // A closed pipe (`byline analyze … | head`) is not an error worth a message.
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("byline: {e}");
        return ExitCode::FAILURE;
    }
    if no_articles {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The text format: per article its headline, source, entities and quotes, all on clean lines.
pub fn text_report(docs: &[Document]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for (i, d) in docs.iter().enumerate() {
        let a = &d.article;
        if i > 0 {
            s.push('\n');
        }
        let _ = writeln!(s, "{}", clean_inline(&a.headline));
        let _ = writeln!(s, "  source: {}", clean_inline(&a.source));
        if let Some(b) = &a.byline {
            let _ = writeln!(s, "  byline: {}", clean_inline(b));
        }
        if let Some(dl) = &a.dateline {
            let _ = writeln!(s, "  dateline: {}", clean_inline(dl));
        }
        let _ = writeln!(s, "  entities: {}", d.analysis.entities.len());
        for e in &d.analysis.entities {
            let kind = format!("{:?}", e.kind).to_lowercase();
            let role = e
                .role
                .as_deref()
                .map(|r| format!(" ({})", clean_inline(r)))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "    {kind:<12} {}{role} ×{}",
                clean_inline(&e.name),
                e.mentions.len()
            );
        }
        let _ = writeln!(s, "  quotes: {}", d.analysis.quotes.len());
        for q in &d.analysis.quotes {
            let kind = format!("{:?}", q.kind).to_lowercase();
            let speaker = q
                .speaker
                .as_deref()
                .and_then(|id| d.analysis.entity(id).map(|e| e.name.as_str()))
                .or(q.speaker_text.as_deref())
                .map(clean_inline)
                .unwrap_or_else(|| "(unattributed)".into());
            let _ = writeln!(
                s,
                "    {kind:<9} {speaker}: {}",
                clean_inline(a.slice(q.span))
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, Entity, EntityKind, Quote, QuoteKind};
    use crate::article::{Article, Span};

    #[test]
    fn sizes_parse_with_suffixes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("2kib"), Ok(2048));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5X").is_err());
        assert!(parse_size("99999999999999G").is_err());
    }

    #[test]
    fn max_bytes_is_global_and_defaults_to_64_mib() {
        let cli = Cli::parse_from(["byline", "a.txt"]);
        assert_eq!(cli.max_bytes, 64 << 20);
        assert_eq!(cli.paths, [PathBuf::from("a.txt")]);
        let cli = Cli::parse_from(["byline", "analyze", "--max-bytes", "1K", "x"]);
        assert_eq!(cli.max_bytes, 1024);
        assert!(matches!(cli.command, Some(Command::Analyze { .. })));
        let cli = Cli::parse_from(["byline", "--max-bytes", "2K", "x"]);
        assert_eq!(cli.max_bytes, 2048);
    }

    #[test]
    fn text_report_lists_entities_and_quotes_without_control_characters() {
        let text = "Mayor \x1b[31mspeaks\n\n\"We will build,\" Watanabe said.".to_string();
        let article = Article {
            source: "a\x1b]0;x\x07.txt".into(),
            headline: "Mayor speaks".into(),
            text,
            ..Article::default()
        };
        let quote_start = article.text.find('"').unwrap();
        let doc = Document {
            analysis: Analysis {
                entities: vec![Entity {
                    id: "kenji-watanabe".into(),
                    kind: EntityKind::Person,
                    name: "Kenji Watanabe".into(),
                    role: Some("Mayor".into()),
                    mentions: vec![Span::new(0, 5)],
                }],
                quotes: vec![Quote {
                    kind: QuoteKind::Direct,
                    span: Span::new(quote_start, quote_start + 16),
                    speaker: Some("kenji-watanabe".into()),
                    speaker_text: Some("Watanabe".into()),
                    speaker_span: None,
                }],
            },
            article,
        };
        let report = text_report(&[doc]);
        assert!(
            report.contains("person       Kenji Watanabe (Mayor) ×1"),
            "{report}"
        );
        assert!(
            report.contains("direct    Kenji Watanabe: \"We will build,\""),
            "{report}"
        );
        assert!(!report.contains('\x1b') && !report.contains('\x07'));
    }
}
