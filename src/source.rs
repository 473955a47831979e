//! Reading sources from disk: paths and folders into bytes, with a size cap, then into articles.
//! The only I/O of the library.
//!
//! Every problem becomes a `SourceError` naming the file and the reason; nothing here panics or
//! blocks on a path that is not a regular file (FIFOs and sockets are refused before they are
//! opened, devices are read through the size cap).

use crate::article::parse::Format;
use crate::article::{self, Article, Parsed, SourceError};
use std::fs::File;
use std::io::{IsTerminal, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Default cap on one source's size.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<SourceError>,
}

/// Reads and parses every path (folders recursively, in a stable order; `-` is standard input).
///
/// In folders only files with a known extension (`.txt .text .md .markdown .json .jsonl
/// .ndjson`) or none are read, skipping hidden entries and README/LICENSE/COPYING files; a path
/// given explicitly is always tried. `max_bytes` caps each source.
pub fn load(paths: &[PathBuf], max_bytes: u64) -> Loaded {
    let mut loaded = Loaded::default();
    each(paths, max_bytes, |parsed| {
        loaded
            .articles
            .extend(parsed.articles.into_iter().map(Article::shrunk));
        loaded.errors.extend(parsed.errors);
        ControlFlow::Continue(())
    });
    loaded
}

/// Like [`load`], one source at a time: `sink` gets what each source yielded (its articles and
/// errors; a path that could not be read is a `Parsed` with one error), in the order `load`
/// lists them, and may stop the walk with `ControlFlow::Break`.
pub fn each(paths: &[PathBuf], max_bytes: u64, sink: impl FnMut(Parsed) -> ControlFlow<()>) {
    each_map(paths, max_bytes, |parsed| parsed, sink);
}

/// Like [`each`], with `map` applied to each source's `Parsed` on the worker threads (e.g. to
/// analyse its articles there) before `sink` gets the results in order on the calling thread.
///
/// Sources are read, parsed and mapped on all cores, a batch at a time: a batch ends after
/// [`BATCH_SOURCES`] sources or once [`BATCH_BYTES`] have been read, so at most about that much
/// (plus one source per core) is held between `map` and `sink`.
pub fn each_map<T: Send>(
    paths: &[PathBuf],
    max_bytes: u64,
    map: impl Fn(Parsed) -> T + Sync,
    mut sink: impl FnMut(T) -> ControlFlow<()>,
) {
    let jobs = jobs(paths);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let mut next = 0;
    while next < jobs.len() {
        let end = (next + BATCH_SOURCES).min(jobs.len());
        let batch = run_batch(&jobs, next, end, threads, max_bytes, &map);
        if batch.is_empty() {
            break; // cannot happen: a batch runs at least its first source
        }
        next += batch.len();
        for (_, item) in batch {
            if sink(item).is_break() {
                return;
            }
        }
    }
}

/// Sources per batch of [`each_map`].
pub const BATCH_SOURCES: usize = 256;
/// Bytes read per batch of [`each_map`] after which no further source is started.
pub const BATCH_BYTES: u64 = 16 * 1024 * 1024;

/// Runs `jobs[start..end]` on `threads` threads (this one included), each claiming the next
/// source until the batch is done or has read [`BATCH_BYTES`]. Returns the results of the
/// sources `start..k` for some `k > start`, sorted.
fn run_batch<T: Send>(
    jobs: &[Job],
    start: usize,
    end: usize,
    threads: usize,
    max_bytes: u64,
    map: &(impl Fn(Parsed) -> T + Sync),
) -> Vec<(usize, T)> {
    let claim = AtomicUsize::new(start);
    let read = AtomicU64::new(0);
    let work = || {
        let mut out = Vec::new();
        // Claims are made in order, and every claim below `end` is run, so the results form
        // the range `start..k`.
        while read.load(Ordering::Relaxed) < BATCH_BYTES {
            let i = claim.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i).filter(|_| i < end) else {
                break;
            };
            let (parsed, bytes) = run(job, max_bytes);
            read.fetch_add(bytes, Ordering::Relaxed);
            out.push((i, map(parsed)));
        }
        out
    };
    let mut all = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads.min(end - start))
            .map(|_| scope.spawn(work))
            .collect();
        let mut all = work();
        for helper in helpers {
            match helper.join() {
                Ok(part) => all.extend(part),
                // A panic in parsing is a bug: let it surface as it would on this thread.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    all.sort_unstable_by_key(|&(i, _)| i);
    all
}

/// One thing to read, or a problem already met while listing the paths.
#[derive(Debug)]
enum Job {
    Stdin,
    /// A `scheme://…` argument: fetched by `crate::fetch` (http and https only).
    Url(String),
    File {
        name: String,
        path: PathBuf,
    },
    Failed(SourceError),
}

/// Reads and parses one job; also returns how many bytes it read.
fn run(job: &Job, max_bytes: u64) -> (Parsed, u64) {
    let (name, bytes) = match job {
        Job::Failed(e) => {
            return (
                Parsed {
                    articles: Vec::new(),
                    errors: vec![e.clone()],
                },
                0,
            );
        }
        Job::Url(url) => {
            let parsed = crate::fetch::load_url(url, max_bytes);
            let bytes = parsed.articles.iter().map(|a| a.text.len() as u64).sum();
            return (parsed, bytes);
        }
        Job::Stdin => ("-", read_capped(std::io::stdin().lock(), max_bytes)),
        Job::File { name, path } => (name.as_str(), read_file(path, max_bytes)),
    };
    match bytes {
        Ok(bytes) => {
            let len = bytes.len() as u64;
            (article::parse::parse_owned(name, bytes), len)
        }
        Err(reason) => (
            Parsed {
                articles: Vec::new(),
                errors: vec![SourceError::new(name, reason)],
            },
            0,
        ),
    }
}

/// Every source the paths name, in order: folders walked in name order.
fn jobs(paths: &[PathBuf]) -> Vec<Job> {
    let mut jobs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            jobs.push(Job::Stdin);
            continue;
        }
        if let Some(url) = path.to_str().filter(|p| crate::fetch::is_url(p)) {
            jobs.push(Job::Url(url.to_string()));
            continue;
        }
        let name = path.display().to_string();
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_dir(path, &mut jobs),
            Ok(_) => jobs.push(Job::File {
                name,
                path: path.clone(),
            }),
            Err(e) => jobs.push(Job::Failed(SourceError::new(name, io_reason(&e)))),
        }
    }
    jobs
}

fn walk_dir(root: &Path, jobs: &mut Vec<Job>) {
    let walk = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walk {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_dir() || !wanted(entry.path()) {
                    continue;
                }
                jobs.push(Job::File {
                    name: entry.path().display().to_string(),
                    path: entry.into_path(),
                });
            }
            Err(e) => {
                let name = e.path().unwrap_or(root).display().to_string();
                let reason = match (e.loop_ancestor(), e.io_error()) {
                    (Some(ancestor), _) => format!(
                        "symbolic link loop (points back to {}), not followed",
                        ancestor.display()
                    ),
                    (None, Some(io)) => io_reason(io),
                    (None, None) => e.to_string(),
                };
                jobs.push(Job::Failed(SourceError::new(name, reason)));
            }
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Whether a file met while walking a folder is worth reading as an article.
fn wanted(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if path.extension().is_none() {
        let upper = name.to_ascii_uppercase();
        return ![
            "README",
            "LICENSE",
            "LICENCE",
            "COPYING",
            "AUTHORS",
            "CHANGELOG",
        ]
        .contains(&upper.as_str());
    }
    Format::from_name(name).is_some() || article::parse::markup::known_extension(name)
}

/// Reads one file through the size cap. Refuses FIFOs, sockets and terminals (reading them could
/// block forever); reads devices such as `/dev/zero` only up to the cap.
fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    let kind = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Err(
                "is a FIFO (named pipe), not a regular file; to read a pipe, \
                        send it to standard input and pass `-`"
                    .into(),
            );
        }
        if kind.is_socket() {
            return Err("is a socket, not a regular file".into());
        }
    }
    if kind.is_dir() {
        return Err("is a directory".into());
    }
    if kind.is_file() && meta.len() > max_bytes {
        return Err(too_big(max_bytes));
    }
    let file = File::open(path).map_err(|e| io_reason(&e))?;
    if !kind.is_file() && file.is_terminal() {
        return Err("is a terminal, not a file".into());
    }
    // A regular file's size is known: read it into one allocation.
    let hint = if kind.is_file() { meta.len() } else { 0 };
    read_capped_with(file, max_bytes, hint)
}

/// Reads at most `max_bytes`; one byte more means the source is over the cap, and reading stops
/// there, so an endless source costs at most the cap in memory.
fn read_capped(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, String> {
    read_capped_with(reader, max_bytes, 0)
}

/// [`read_capped`] with room for `expected` bytes (and the one that would go over the cap).
fn read_capped_with(reader: impl Read, max_bytes: u64, expected: u64) -> Result<Vec<u8>, String> {
    let room = usize::try_from(expected.min(max_bytes).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room);
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_big(max_bytes));
    }
    Ok(bytes)
}

fn too_big(max_bytes: u64) -> String {
    format!(
        "larger than the size cap of {} (raise it with --max-bytes)",
        human_size(max_bytes)
    )
}

/// "64 MiB", "1.5 KiB", "100 bytes".
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let unit = UNITS.get(unit).copied().unwrap_or("TiB");
    if value.fract() == 0.0 {
        format!("{value:.0} {unit}")
    } else {
        format!("{value:.1} {unit}")
    }
}

/// An I/O error in plain words, without the "(os error N)" suffix.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        ErrorKind::InvalidData => "could not be read as data".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s.get(..i).unwrap_or(&s).to_string(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn temp_dir(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "byline-source-{tag}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn folders_are_walked_in_sorted_order_with_known_extensions() {
        let dir = temp_dir("walk");
        fs::create_dir_all(dir.join("b/inner")).unwrap();
        fs::write(dir.join("c.txt"), "C headline\n\nBody.").unwrap();
        fs::write(dir.join("a.md"), "# A headline\n\nBody.").unwrap();
        fs::write(dir.join("b/inner/d"), "D headline\n\nBody.").unwrap();
        fs::write(dir.join("b/photo.png"), [0x89u8, b'P', b'N', b'G', 0]).unwrap();
        fs::write(dir.join(".hidden.txt"), "Hidden\n\nBody.").unwrap();
        fs::write(dir.join("README"), "Not an article\n\nBody.").unwrap();
        let loaded = load(std::slice::from_ref(&dir), DEFAULT_MAX_BYTES);
        let heads: Vec<_> = loaded
            .articles
            .iter()
            .map(|a| a.headline.as_str())
            .collect();
        assert_eq!(heads, ["A headline", "D headline", "C headline"]);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        assert!(loaded.articles[0].source.ends_with("a.md"));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn explicit_paths_are_always_tried_and_errors_name_the_file() {
        let dir = temp_dir("explicit");
        let odd = dir.join("story.html");
        fs::write(&odd, "Odd extension\n\nStill text.").unwrap();
        let missing = dir.join("missing.txt");
        let loaded = load(&[odd, missing.clone()], DEFAULT_MAX_BYTES);
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(
            loaded.errors,
            vec![SourceError::new(
                missing.display().to_string(),
                "no such file or directory"
            )]
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_size_cap_is_enforced() {
        let dir = temp_dir("cap");
        let big = dir.join("big.txt");
        fs::write(&big, "Headline\n\n".to_string() + &"word ".repeat(1000)).unwrap();
        let loaded = load(std::slice::from_ref(&big), 1000);
        assert!(loaded.articles.is_empty());
        assert_eq!(
            loaded.errors[0].reason,
            "larger than the size cap of 1000 bytes (raise it with --max-bytes)"
        );
        assert_eq!(
            read_capped(&b"12345"[..], 4),
            Err("larger than the size cap of 4 bytes (raise it with --max-bytes)".into())
        );
        assert_eq!(read_capped(&b"1234"[..], 4), Ok(b"1234".to_vec()));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn many_sources_keep_their_order_across_threads_and_batches() {
        let dir = temp_dir("order");
        let n = BATCH_SOURCES * 2 + 37;
        for i in 0..n {
            let body = if i % 7 == 3 {
                String::new()
            } else {
                format!("Headline {i}\n\nBody {i}.")
            };
            fs::write(dir.join(format!("{i:04}.txt")), body).unwrap();
        }
        let loaded = load(std::slice::from_ref(&dir), DEFAULT_MAX_BYTES);
        let want: Vec<String> = (0..n)
            .filter(|i| i % 7 != 3)
            .map(|i| format!("Headline {i}"))
            .collect();
        let heads: Vec<&str> = loaded
            .articles
            .iter()
            .map(|a| a.headline.as_str())
            .collect();
        assert_eq!(heads, want);
        let errors: Vec<String> = loaded.errors.iter().map(|e| e.source.clone()).collect();
        let want: Vec<String> = (0..n)
            .filter(|i| i % 7 == 3)
            .map(|i| dir.join(format!("{i:04}.txt")).display().to_string())
            .collect();
        assert_eq!(errors, want);

        // `each` stops when told to.
        let mut seen = 0;
        each(std::slice::from_ref(&dir), DEFAULT_MAX_BYTES, |_| {
            seen += 1;
            if seen == 5 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        assert_eq!(seen, 5);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(64 * 1024 * 1024), "64 MiB");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(12), "12 bytes");
    }
}
