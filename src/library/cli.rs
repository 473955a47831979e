//! The library's command-line verbs: `byline import`, `byline search`, `byline people`,
//! `byline prune`. Problems go to stderr as `byline: …`, naming the library file.

use super::{Filter, Library, Query};
use crate::analysis::EntityKind;
use crate::article::sanitize::clean_inline;
use crate::cli::{Command, Format};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// Runs a library verb (`import`, `search`, `people`, `prune`); `byline analyze` is not one.
pub fn run(command: Command, library: Option<&Path>, max_bytes: u64) -> ExitCode {
    match command {
        Command::Import { paths } => import(library, &paths, max_bytes),
        Command::Search {
            query,
            format,
            fts,
            limit,
        } => search(library, &query.join(" "), fts, limit, format),
        Command::People {
            format,
            kind,
            limit,
        } => people(library, kind.map(Into::into), limit, format),
        Command::Prune { older_than } => prune(library, older_than),
        Command::Feed { action } => super::feeds::cli::feed(action, library, max_bytes),
        Command::Refresh { names } => super::feeds::cli::refresh(library, &names, max_bytes),
        Command::Analyze { format, paths } => crate::cli::analyze(format, &paths, max_bytes),
        Command::Completions { shell } => crate::cli::completions(shell),
        Command::Man { dir } => crate::cli::man(dir.as_deref()),
        Command::Config { .. } => {
            eprintln!("byline: `config` is not a library verb");
            ExitCode::from(2)
        }
    }
}

/// Opens the library `--library`/`BYLINE_LIBRARY`/the default names, or prints why not.
pub fn open(flag: Option<&Path>) -> Result<Library, ExitCode> {
    let Some(path) = super::resolve_path(flag) else {
        eprintln!(
            "byline: no home folder to keep the library in; name a file with --library PATH \
             or {}",
            super::ENV_VAR
        );
        return Err(ExitCode::from(2));
    };
    Library::open(&path).map_err(|e| {
        eprintln!("byline: {e}");
        ExitCode::FAILURE
    })
}

/// `byline import PATH...`: exit status 0 when everything was read, 1 when some sources could
/// not be (each reported), 2 when none gave an article; and 1 on a library error.
pub fn import(library: Option<&Path>, paths: &[PathBuf], max_bytes: u64) -> ExitCode {
    let lib = match open(library) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let result = lib.import(paths, max_bytes, |e| {
        eprintln!(
            "byline: {}: {}",
            clean_inline(&e.source),
            clean_inline(&e.reason)
        );
    });
    match result {
        Ok(s) => {
            println!(
                "imported {} new article{} into {} ({} already there, {} source{} skipped)",
                s.added,
                if s.added == 1 { "" } else { "s" },
                lib.path().display(),
                s.duplicates,
                s.errors,
                if s.errors == 1 { "" } else { "s" },
            );
            if s.added + s.duplicates == 0 {
                ExitCode::from(2)
            } else if s.errors > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("byline: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `byline search QUERY`: matching articles, best first. Exit status 1 when nothing matches
/// (as grep), 2 for a query that cannot be searched.
pub fn search(
    library: Option<&Path>,
    query: &str,
    fts: bool,
    limit: usize,
    format: Format,
) -> ExitCode {
    let query = if fts {
        Query::Fts(query.to_string())
    } else {
        Query::Words(query.to_string())
    };
    if query.to_fts().is_none() {
        eprintln!("byline: the query has no words to search for");
        return ExitCode::from(2);
    }
    let lib = match open(library) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let filter = Filter {
        query: Some(query),
        limit: Some(limit),
        ..Filter::default()
    };
    let found = match lib.headlines(&filter) {
        Ok(h) => h,
        Err(e @ super::Error::Query { .. }) => {
            eprintln!("byline: {}", clean_inline(&e.to_string()));
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("byline: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = listing(
        &found,
        format,
        "articles",
        |h| {
            serde_json::json!({
                "id": h.id,
                "headline": h.title,
                "source": h.source,
                "outlet": h.outlet,
                "date": h.date,
                "read": h.read,
                "starred": h.starred,
            })
        },
        |h| {
            format!(
                "{:>7} {}{} {}  ({}{})\n",
                h.id,
                if h.read { ' ' } else { '•' },
                if h.starred { '★' } else { ' ' },
                clean_inline(&h.title),
                clean_inline(&h.source),
                h.date
                    .as_deref()
                    .map(|d| format!(", {}", clean_inline(d)))
                    .unwrap_or_default()
            )
        },
    );
    if let Err(code) = print(&out) {
        return code;
    }
    if found.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `byline people`: the most mentioned entities across the library.
pub fn people(
    library: Option<&Path>,
    kind: Option<EntityKind>,
    limit: usize,
    format: Format,
) -> ExitCode {
    let lib = match open(library) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let found = match lib.entities(kind, limit) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("byline: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = listing(
        &found,
        format,
        "entities",
        |e| {
            serde_json::json!({
                "kind": e.key.kind,
                "key": e.key.name,
                "name": e.name,
                "role": e.role,
                "articles": e.articles,
                "mentions": e.mentions,
            })
        },
        |e| {
            let kind = format!("{:?}", e.key.kind).to_lowercase();
            let role = e
                .role
                .as_deref()
                .map(|r| format!(" ({})", clean_inline(r)))
                .unwrap_or_default();
            format!(
                "{kind:<12} {}{role}: {} article{}, {} mention{}\n",
                clean_inline(&e.name),
                e.articles,
                if e.articles == 1 { "" } else { "s" },
                e.mentions,
                if e.mentions == 1 { "" } else { "s" },
            )
        },
    );
    match print(&out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

/// `byline prune --older-than AGE`.
pub fn prune(library: Option<&Path>, older_than: Duration) -> ExitCode {
    let lib = match open(library) {
        Ok(l) => l,
        Err(code) => return code,
    };
    match lib.prune(older_than) {
        Ok(s) => {
            println!(
                "removed {} unstarred article{} added more than {} ago{}",
                s.removed,
                if s.removed == 1 { "" } else { "s" },
                humane(older_than),
                if s.vacuumed {
                    "; compacted the library"
                } else {
                    ""
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("byline: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A command's list as `format` asks: JSON `{"<key>": [item, …]}` (pretty, a newline after it),
/// else each item's text `line` (which ends in a newline) in order.
pub(crate) fn listing<T>(
    items: &[T],
    format: Format,
    key: &str,
    json: impl Fn(&T) -> serde_json::Value,
    line: impl Fn(&T) -> String,
) -> String {
    match format {
        Format::Json => {
            let items: Vec<serde_json::Value> = items.iter().map(json).collect();
            let mut report = serde_json::Map::new();
            report.insert(key.to_string(), serde_json::Value::Array(items));
            serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
        }
        Format::Text | Format::Markdown => items.iter().map(line).collect(),
    }
}

pub(crate) fn print(s: &str) -> Result<(), ExitCode> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("byline: {e}");
            Err(ExitCode::FAILURE)
        }
        _ => Ok(()),
    }
}

fn humane(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        _ if s >= 86_400 && s.is_multiple_of(86_400) => format!("{}d", s / 86_400),
        _ if s >= 3_600 && s.is_multiple_of(3_600) => format!("{}h", s / 3_600),
        _ if s >= 60 && s.is_multiple_of(60) => format!("{}m", s / 60),
        _ => format!("{s}s"),
    }
}

/// "90d", "2w", "12h", "30m", "45s" (a bare number is days) → a duration.
pub fn parse_age(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(end);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not an age (try 90d, 2w, 12h)"))?;
    let mult = match unit.trim().to_ascii_lowercase().as_str() {
        "s" => 1,
        "m" | "min" => 60,
        "h" => 3_600,
        "" | "d" => 86_400,
        "w" => 7 * 86_400,
        _ => return Err(format!("`{s}` has an unknown unit (use s, m, h, d or w)")),
    };
    n.checked_mul(mult)
        .map(Duration::from_secs)
        .ok_or_else(|| format!("`{s}` is too long"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_parse() {
        assert_eq!(parse_age("90d"), Ok(Duration::from_secs(90 * 86_400)));
        assert_eq!(parse_age("2w"), Ok(Duration::from_secs(14 * 86_400)));
        assert_eq!(parse_age("12h"), Ok(Duration::from_secs(12 * 3_600)));
        assert_eq!(parse_age("0s"), Ok(Duration::ZERO));
        assert_eq!(parse_age("7"), Ok(Duration::from_secs(7 * 86_400)));
        assert!(parse_age("soon").is_err());
        assert!(parse_age("3y").is_err());
        assert!(parse_age("99999999999999999w").is_err());
        assert_eq!(humane(Duration::from_secs(90 * 86_400)), "90d");
    }
}
