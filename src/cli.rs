//! The command line: `byline [PATH]...` opens the reader, `byline analyze` prints the analysis.

use crate::article::Parsed;
use crate::article::sanitize::clean_inline;
use crate::document::Document;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{BufWriter, Write};
use std::ops::ControlFlow;
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
        .ndjson) articles, web pages (.html, .htm) and feeds (RSS, Atom, JSON Feed: .rss, \
        .atom, or .xml/.json that hold one), in UTF-8 or (with a byte-order mark) UTF-16 or \
        UTF-32. Folders are read recursively in name order; `-` reads standard input; an \
        http:// or https:// URL is fetched (a page opens as its main article, a feed as its \
        items; BYLINE_HTTP_TIMEOUT=SECONDS sets the time limit, 30 by default). Sources that \
        cannot be read, or send nothing for --read-timeout seconds, are reported and skipped."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open: files, folders (read recursively), `-` for standard input, or
    /// http(s) URLs of web pages and feeds. With none, opens the bundled sample articles.
    pub paths: Vec<PathBuf>,
    /// Largest source read, in bytes; K, M and G suffixes (powers of 1024) are accepted, up to
    /// 4G. Bigger files, and endless sources like /dev/zero, are reported and skipped.
    #[arg(long, global = true, value_name = "SIZE", default_value = "64M", value_parser = parse_max_bytes)]
    pub max_bytes: u64,
    /// Seconds to wait for a source that sends nothing (a silent pipe, /proc/kmsg) before it is
    /// reported and skipped; a source still sending after 12 times this is skipped too.
    #[arg(long, global = true, value_name = "SECONDS", default_value = "5", value_parser = parse_seconds)]
    pub read_timeout: std::time::Duration,
    /// The library file (default: $BYLINE_LIBRARY, else library.sqlite in the XDG data folder,
    /// e.g. ~/.local/share/byline/).
    #[arg(long, global = true, value_name = "PATH")]
    pub library: Option<PathBuf>,
    /// The config file to use instead of ~/.config/byline/config.toml (also: BYLINE_CONFIG).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
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
        /// Files, folders, `-` for standard input, or http(s) URLs of pages and feeds.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the shell completion script for SHELL (see README: Install).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the config file with every setting commented out at its default.
    ///
    /// The file goes where the reader looks for it: --config PATH, else BYLINE_CONFIG, else
    /// ~/.config/byline/config.toml (the XDG config folder). An existing file is kept unless
    /// --force is given.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Print the manual page (roff), made from this same command-line definition.
    Man {
        /// Write byline.1 and a page per subcommand (byline-analyze.1…) into DIR instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Add articles to the library (same formats as the reader; already stored ones are skipped).
    ///
    /// Exit status 1 when some sources could not be read, 2 when none gave an article.
    Import {
        /// Files, folders or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the library's articles that match a query, best match first.
    ///
    /// Every word must appear in the headline, text, byline or entity names; the words are
    /// taken literally. Exit status 1 when nothing matches.
    Search {
        /// The words (several words are joined by spaces).
        #[arg(required = true)]
        query: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Take the query in SQLite FTS5 syntax (OR, NOT, NEAR(…), "phrases", prefix*).
        #[arg(long)]
        fts: bool,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// List the most mentioned people, organizations and places across the library.
    People {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Remove unstarred articles added to the library more than AGE ago.
    Prune {
        /// 90d, 2w, 12h, 30m…
        #[arg(long, value_name = "AGE", value_parser = crate::library::cli::parse_age)]
        older_than: std::time::Duration,
    },
    /// Manage subscriptions (feeds whose items `byline refresh` stores in the library).
    Feed {
        #[command(subcommand)]
        action: FeedAction,
    },
    /// Fetch subscribed feeds (all, or those named) and store their new and updated items.
    ///
    /// Feeds are fetched 8 at a time, conditionally (an unchanged feed costs a 304); a feed
    /// that fails is reported with its reason and the others go on. Exit status 1 only when
    /// every feed failed.
    Refresh {
        /// Subscription names or URLs (default: every subscription).
        names: Vec<String>,
    },
}

/// `byline feed …`.
#[derive(Debug, Subcommand)]
pub enum FeedAction {
    /// Subscribe to a feed (RSS, Atom or JSON Feed): an http(s) URL or a local file. The feed
    /// is fetched once to check it; `byline refresh` then stores its items.
    Add {
        /// The feed's URL, or the path of a feed file (read from disk at every refresh).
        url: String,
        /// The name articles get as their source (default: the feed's title).
        #[arg(long)]
        name: Option<String>,
        /// Always fetch each item's web page and keep its main article as the text (otherwise
        /// only teasers, items under about 80 words, are fetched in full).
        #[arg(long)]
        full_text: bool,
    },
    /// List subscriptions: name, URL, articles, unread, last refresh and its result.
    List {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Unsubscribe. The feed's articles stay in the library unless --purge is given.
    Remove {
        /// The subscription's name or URL.
        feed: String,
        /// Also remove the feed's articles (starred ones are kept).
        #[arg(long)]
        purge: bool,
    },
    /// Subscribe to every feed of an OPML file (as other feed readers export them).
    Import {
        /// The OPML file (`-` for standard input).
        opml: PathBuf,
    },
    /// Print the subscriptions as OPML 2.0 (for other feed readers).
    Export,
}

/// `byline people --kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Person,
    Organization,
    Place,
}

impl From<KindArg> for crate::analysis::EntityKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Person => Self::Person,
            KindArg::Organization => Self::Organization,
            KindArg::Place => Self::Place,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Write the commented default config file (and print where).
    Init {
        /// Replace an existing config file.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The JSON contract: {"articles": [{source, headline, text, blocks, entities, quotes…}]}.
    Json,
    /// A readable summary: headline, source, entities and quotes of each article.
    Text,
    /// Notes in Markdown: each article's facts, text, entities and quotes (what `E` writes in
    /// the reader), articles separated by `---`.
    Markdown,
}

/// A size cap for `--max-bytes`: a size of at most [`crate::source::MAX_MAX_BYTES`].
pub fn parse_max_bytes(s: &str) -> Result<u64, String> {
    let n = parse_size(s)?;
    if n > crate::source::MAX_MAX_BYTES {
        return Err(format!(
            "`{s}` is more than byline will hold in memory for one source (at most {})",
            crate::source::human_size(crate::source::MAX_MAX_BYTES)
        ));
    }
    Ok(n)
}

/// "5", "0.5", "30" → that many seconds (more than 0, at most a day).
pub fn parse_seconds(s: &str) -> Result<std::time::Duration, String> {
    let secs: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    if !(secs > 0.0 && secs <= 86_400.0) {
        return Err(format!(
            "`{s}`: give a number of seconds above 0 and at most 86400"
        ));
    }
    Ok(std::time::Duration::from_secs_f64(secs))
}

/// `byline completions SHELL`: the completion script, generated from [`Cli`], on stdout.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "byline", &mut out);
    print_all(&out)
}

/// `byline man`: the man page, generated from [`Cli`], on stdout; with `dir`, every page
/// (byline.1 and one per subcommand) written into that folder.
pub fn man(dir: Option<&std::path::Path>) -> ExitCode {
    use clap::CommandFactory;
    if let Some(dir) = dir {
        return match clap_mangen::generate_to(Cli::command(), dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("byline: writing the man pages into {}: {e}", dir.display());
                ExitCode::FAILURE
            }
        };
    }
    let mut out = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut out) {
        Ok(()) => print_all(&out),
        Err(e) => {
            eprintln!("byline: writing the man page: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `byline config init [--force]`: writes the commented default config where the reader looks.
pub fn config_init(flag: Option<&std::path::Path>, force: bool) -> ExitCode {
    let env = std::env::var_os("BYLINE_CONFIG");
    let Some((path, _)) = crate::config::resolve_path(flag, env.as_deref()) else {
        eprintln!("byline: no home folder to put the config in: give --config PATH");
        return ExitCode::FAILURE;
    };
    if path.exists() && !force {
        eprintln!(
            "byline: {} exists; keeping it (--force replaces it)",
            path.display()
        );
        return ExitCode::FAILURE;
    }
    let written = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(&path, crate::config::default_text()));
    match written {
        Ok(()) => {
            println!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("byline: writing {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

/// Writes `bytes` to stdout; a failure is reported as "writing output: …" with exit status 1.
fn print_all(bytes: &[u8]) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: writing output: {}", output_reason(&e));
            ExitCode::FAILURE
        }
    }
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
///
/// Streams: sources are read, parsed and analysed a batch at a time on all cores, and each
/// article is written as soon as its turn comes, so memory stays near one batch whatever the
/// corpus size.
pub fn analyze(format: Format, paths: &[PathBuf], max_bytes: u64) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut json = JsonReport::default();
    let mut articles = 0usize;
    let mut errors = 0usize;
    let mut written = match format {
        Format::Json => json.start(&mut out),
        Format::Text | Format::Markdown => Ok(()),
    };
    let analyse = |parsed: Parsed| {
        let docs: Vec<Document> = parsed.articles.into_iter().map(Document::analyze).collect();
        (parsed.errors, docs)
    };
    crate::source::each_map(paths, max_bytes, analyse, |(errs, docs)| {
        if !errs.is_empty() {
            let stderr = std::io::stderr();
            let mut err = stderr.lock();
            for e in &errs {
                let _ = writeln!(
                    err,
                    "byline: {}: {}",
                    clean_inline(&e.source),
                    clean_inline(&e.reason)
                );
            }
            errors += errs.len();
        }
        for doc in &docs {
            if written.is_ok() {
                written = match format {
                    Format::Json => json.item(&mut out, doc),
                    Format::Text => {
                        let mut s = String::new();
                        write_text(&mut s, articles == 0, doc);
                        out.write_all(s.as_bytes())
                    }
                    Format::Markdown => {
                        let md = crate::export::markdown(&doc.article, &doc.analysis, None);
                        let gap = if articles == 0 { "" } else { "\n---\n\n" };
                        out.write_all(format!("{gap}{md}\n").as_bytes())
                    }
                };
            }
            articles += 1;
        }
        // Stdout gone (a closed pipe, a full disk): no point reading further.
        if written.is_err() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    if articles == 0 && errors == 0 {
        eprintln!("byline: no articles found");
    }
    if format == Format::Json {
        written = written.and_then(|()| json.end(&mut out));
    }
    // Output that did not arrive (a full disk, a closed pipe) is a failure: say so and where.
    if let Err(e) = written.and_then(|()| out.flush()) {
        eprintln!("byline: writing output: {}", output_reason(&e));
        return ExitCode::FAILURE;
    }
    if articles == 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// A write error on standard output in plain words.
fn output_reason(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return "broken pipe (whatever read standard output closed it before the end)".into();
    }
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s.get(..i).unwrap_or(&s).to_string(),
        None => s,
    }
}

/// Writes `{"articles": [...]}` exactly as `serde_json::to_string_pretty(&Report)` plus a
/// newline would, one document at a time.
#[derive(Debug, Default)]
struct JsonReport {
    written: usize,
}

impl JsonReport {
    fn start(&mut self, out: &mut impl Write) -> std::io::Result<()> {
        out.write_all(b"{\n  \"articles\": [")
    }

    fn item(&mut self, out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
        out.write_all(if self.written == 0 {
            b"\n    "
        } else {
            b",\n    "
        })?;
        self.written += 1;
        // Pretty JSON has a newline only between its tokens (strings escape theirs), so every
        // newline of the document takes the four spaces of its depth in the report.
        serde_json::to_writer_pretty(Indented { inner: &mut *out }, doc)?;
        Ok(())
    }

    fn end(&mut self, out: &mut impl Write) -> std::io::Result<()> {
        if self.written == 0 {
            out.write_all(b"]\n}\n")
        } else {
            out.write_all(b"\n  ]\n}\n")
        }
    }
}

/// A writer that indents every line after the first by four spaces.
struct Indented<W: Write> {
    inner: W,
}

impl<W: Write> Write for Indented<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut lines = buf.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            self.inner.write_all(first)?;
        }
        for line in lines {
            self.inner.write_all(b"\n    ")?;
            self.inner.write_all(line)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The text format: per article its headline, source, entities and quotes, all on clean lines.
pub fn text_report(docs: &[Document]) -> String {
    let mut s = String::new();
    for (i, d) in docs.iter().enumerate() {
        write_text(&mut s, i == 0, d);
    }
    s
}

/// One article of [`text_report`]; articles after the first are set off by a blank line.
fn write_text(s: &mut String, first: bool, d: &Document) {
    use std::fmt::Write as _;
    let a = &d.article;
    if !first {
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
            .and_then(|id| d.analysis.entity(id).map(|e| &*e.name))
            .or(q.speaker_text(&a.text))
            .map(clean_inline)
            .unwrap_or_else(|| "(unattributed)".into());
        let _ = writeln!(
            s,
            "    {kind:<9} {speaker}: {}",
            clean_inline(a.slice(q.span))
        );
    }
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
    fn absurd_caps_and_timeouts_are_refused() {
        assert_eq!(parse_max_bytes("4G"), Ok(4 << 30));
        assert!(
            parse_max_bytes("4097M")
                .unwrap_err()
                .contains("at most 4 GiB")
        );
        assert_eq!(
            parse_seconds("0.5"),
            Ok(std::time::Duration::from_millis(500))
        );
        for bad in ["0", "-1", "nan", "inf", "soon", "100000"] {
            assert!(parse_seconds(bad).is_err(), "{bad}");
        }
        let cli = Cli::parse_from(["byline", "a.txt"]);
        assert_eq!(cli.read_timeout, std::time::Duration::from_secs(5));
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
    fn streamed_json_is_exactly_the_pretty_report() {
        let docs: Vec<Document> = [
            "Mayor speaks\n\n\"We will build,\" Mayor Kenji Watanabe said.\n\nLine \\ \t tab.",
            "Second story\n\nBy Ana Lima\n\nLISBON (Reuters) — Nothing \u{201c}new\u{201d}.",
        ]
        .iter()
        .enumerate()
        .flat_map(|(i, t)| crate::article::parse(&format!("{i}.txt"), t.as_bytes()).articles)
        .map(Document::analyze)
        .collect();
        for n in 0..=docs.len() {
            let want = serde_json::to_string_pretty(&crate::document::Report {
                articles: &docs[..n],
            })
            .unwrap()
                + "\n";
            let mut out = Vec::new();
            let mut json = JsonReport::default();
            json.start(&mut out).unwrap();
            for d in &docs[..n] {
                json.item(&mut out, d).unwrap();
            }
            json.end(&mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), want, "{n} documents");
        }
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
                    mentions: vec![Span::new(0, 5)].into(),
                }],
                quotes: vec![Quote {
                    kind: QuoteKind::Direct,
                    span: Span::new(quote_start, quote_start + 16),
                    speaker: Some("kenji-watanabe".into()),
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
