//! Reading sources from disk: paths and folders into bytes, with a size cap, then into articles.
//! The only I/O of the library.
//!
//! Every problem becomes a `SourceError` naming the file and the reason; nothing here panics or
//! blocks: FIFOs and sockets are refused before they are opened, devices are read through the size
//! cap, and every open and read runs on a helper thread under a deadline ([`read_timeout`]), so a
//! source whose read never returns (`/proc/kmsg`, a stuck network file, a silent pipe on standard
//! input) is reported as "no data within 5 s" and the others still open. A source that keeps
//! sending but never ends (a byte every few seconds) is given up too, once it has been read for
//! [`OVERALL_FACTOR`] times the deadline ("still sending after 60 s").

use crate::article::parse::Format;
use crate::article::{self, Article, Parsed, SourceError};
use std::fs::File;
use std::io::{IsTerminal, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Default cap on one source's size.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The largest size cap accepted: a source is held whole in memory and its analysis takes a few
/// times that, so a bigger cap would only let an endless source (`/dev/zero`, `yes |`) exhaust
/// the machine's memory before it is stopped.
pub const MAX_MAX_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// Default deadline for a source to yield data.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(5);

/// Bytes asked of the operating system per read: a read never asks for more, so memory grows
/// with what a source has really delivered.
const CHUNK: usize = 64 * 1024;

/// How many read timeouts one source may take in all: a source still sending after that long
/// (60 s with the default 5 s) is given up, however steadily it trickles.
pub const OVERALL_FACTOR: u32 = 12;

static READ_TIMEOUT_MS: AtomicU64 = AtomicU64::new(5000);

/// Sets the deadline of every later read (`--read-timeout`): a source that delivers nothing for
/// this long is reported and skipped.
pub fn set_read_timeout(timeout: Duration) {
    let ms = u64::try_from(timeout.as_millis())
        .unwrap_or(u64::MAX)
        .max(1);
    READ_TIMEOUT_MS.store(ms, Ordering::Relaxed);
}

/// The deadline set by [`set_read_timeout`] (5 s unless changed).
pub fn read_timeout() -> Duration {
    Duration::from_millis(READ_TIMEOUT_MS.load(Ordering::Relaxed))
}

/// How long one source may take in all: [`OVERALL_FACTOR`] times [`read_timeout`].
pub fn overall_timeout() -> Duration {
    read_timeout().saturating_mul(OVERALL_FACTOR)
}

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
        Job::Stdin => ("-", read_with_deadline(What::Stdin, max_bytes)),
        Job::File { name, path } => (
            name.as_str(),
            read_with_deadline(What::File(path.clone()), max_bytes),
        ),
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
    name.as_encoded_bytes().starts_with(b".")
}

/// Whether a file met while walking a folder is worth reading as an article. A name that is not
/// valid UTF-8 is judged (and later shown) with its bad bytes replaced by U+FFFD.
fn wanted(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    let name = &*name;
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

/// What a reading helper thread is asked to read.
enum What {
    Stdin,
    File(PathBuf),
}

struct Request {
    what: What,
    max_bytes: u64,
}

/// How far the current read of a helper got, and whether it should stop.
#[derive(Default)]
struct Progress {
    /// Bytes delivered so far.
    read: AtomicU64,
    /// Set when the source is given up: the read stops at its next chunk.
    stop: AtomicBool,
}

/// A thread that opens and reads sources for one worker thread, so the worker can wait for it
/// with a deadline. When a read misses the deadline the helper is abandoned (told to stop: a
/// source that still sends stops being read at its next chunk, one that is blocked stays blocked
/// in the operating system until the process ends) and the next read gets a fresh one.
struct Helper {
    requests: mpsc::Sender<Request>,
    results: mpsc::Receiver<Result<Vec<u8>, String>>,
    progress: Arc<Progress>,
}

impl Helper {
    fn spawn() -> Option<Self> {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, results) = mpsc::channel();
        let progress = Arc::new(Progress::default());
        let shared = progress.clone();
        std::thread::Builder::new()
            .name("byline-read".into())
            .spawn(move || {
                // One buffer for every read of this helper.
                let mut chunk = vec![0u8; CHUNK];
                for req in inbox {
                    shared.read.store(0, Ordering::Relaxed);
                    let result = match req.what {
                        What::Stdin => read_stdin(req.max_bytes, &shared, &mut chunk),
                        What::File(path) => read_file(&path, req.max_bytes, &shared, &mut chunk),
                    };
                    if outbox.send(result).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(Self {
            requests,
            results,
            progress,
        })
    }
}

thread_local! {
    static HELPER: std::cell::RefCell<Option<Helper>> = const { std::cell::RefCell::new(None) };
}

/// Reads a source on this thread's helper, waiting at most [`read_timeout`] for each stretch of
/// data: a source that delivers nothing for that long is given up ("no data within 5 s"), and so
/// is one still sending after [`overall_timeout`] ("still sending after 60 s").
fn read_with_deadline(what: What, max_bytes: u64) -> Result<Vec<u8>, String> {
    read_with_deadlines(what, max_bytes, read_timeout(), overall_timeout())
}

fn read_with_deadlines(
    what: What,
    max_bytes: u64,
    timeout: Duration,
    overall: Duration,
) -> Result<Vec<u8>, String> {
    let started = Instant::now();
    HELPER.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = Helper::spawn();
        }
        let Some(helper) = slot.as_ref() else {
            return Err("could not start a thread to read it".into());
        };
        if helper.requests.send(Request { what, max_bytes }).is_err() {
            *slot = None;
            return Err("could not be read (its reading thread stopped)".into());
        }
        let mut seen = 0;
        // When the current wait for data ends: `timeout` after the last progress seen.
        let mut quiet_until = started + timeout;
        let give_up = started + overall;
        loop {
            let wait = quiet_until
                .min(give_up)
                .saturating_duration_since(Instant::now());
            match helper.results.recv_timeout(wait) {
                Ok(result) => return result,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    let now = helper.progress.read.load(Ordering::Relaxed);
                    if Instant::now() >= give_up {
                        helper.progress.stop.store(true, Ordering::Relaxed);
                        *slot = None;
                        return Err(still_sending(now, overall));
                    }
                    if now > seen {
                        seen = now;
                        quiet_until = Instant::now() + timeout;
                        continue;
                    }
                    helper.progress.stop.store(true, Ordering::Relaxed);
                    *slot = None;
                    return Err(stalled(seen, timeout));
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    *slot = None;
                    return Err("could not be read (its reading thread stopped)".into());
                }
            }
        }
    })
}

/// "5 s", "0.5 s".
fn seconds(d: Duration) -> String {
    format!("{} s", d.as_millis() as f64 / 1000.0)
}

/// A source that kept sending past the overall deadline.
fn still_sending(read: u64, overall: Duration) -> String {
    format!(
        "still sending after {} ({} so far; a source must end within {OVERALL_FACTOR} times \
         --read-timeout)",
        seconds(overall),
        human_size(read)
    )
}

/// "no data within 5 s", or for a source that stopped midway, how much it had sent.
fn stalled(read: u64, timeout: Duration) -> String {
    let secs = seconds(timeout);
    if read == 0 {
        format!("no data within {secs}")
    } else {
        format!(
            "no more data within {secs} after {} (a stream that does not end is not an article)",
            human_size(read)
        )
    }
}

/// Standard input, unless it is a terminal: then nothing was piped in, and waiting for the user
/// to type an article and press Ctrl-D would look like a hang.
fn read_stdin(max_bytes: u64, progress: &Progress, chunk: &mut [u8]) -> Result<Vec<u8>, String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err("standard input is a terminal, not an article: pipe one in \
                    (`cat story.txt | byline -`) or name the files to read"
            .into());
    }
    read_chunked(stdin.lock(), max_bytes, 0, progress, chunk)
}

/// Reads one file through the size cap. Refuses FIFOs, sockets and terminals (reading them could
/// block forever); reads devices such as `/dev/zero` only up to the cap.
fn read_file(
    path: &Path,
    max_bytes: u64,
    progress: &Progress,
    chunk: &mut [u8],
) -> Result<Vec<u8>, String> {
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
    read_chunked(file, max_bytes, hint, progress, chunk)
}

/// Reads at most `max_bytes`, [`CHUNK`] bytes at a time; one byte more means the source is over
/// the cap, and reading stops there, so an endless source costs at most the cap in memory.
#[cfg(test)]
fn read_capped(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, String> {
    read_chunked(reader, max_bytes, 0, &Progress::default(), &mut [0; CHUNK])
}

/// Reads `reader` a `chunk` at a time, counting the bytes in `progress`, with room for `expected`
/// bytes up front. Stops at once when the source is over `max_bytes`, or when its first bytes are
/// binary (so `/dev/zero` or `/dev/urandom` cost one chunk, not the cap), or when `progress` says
/// the source was given up.
fn read_chunked(
    mut reader: impl Read,
    max_bytes: u64,
    expected: u64,
    progress: &Progress,
    chunk: &mut [u8],
) -> Result<Vec<u8>, String> {
    let room = usize::try_from(expected.min(max_bytes).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room);
    let mut sniffed = false;
    loop {
        let n = match reader.read(chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_reason(&e)),
        };
        if progress.stop.load(Ordering::Relaxed) {
            return Err("given up".into());
        }
        bytes.extend_from_slice(chunk.get(..n).unwrap_or_default());
        progress.read.store(bytes.len() as u64, Ordering::Relaxed);
        if bytes.len() as u64 > max_bytes {
            return Err(too_big(max_bytes));
        }
        if !sniffed && bytes.len() >= article::parse::SNIFF_BYTES {
            sniffed = true;
            if article::parse::is_binary(&bytes) {
                return Err("binary file, not an article".into());
            }
        }
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
    fn a_source_given_up_stops_being_read_at_its_next_chunk() {
        let progress = Progress::default();
        progress.stop.store(true, Ordering::Relaxed);
        let endless = std::io::repeat(b'a');
        assert_eq!(
            read_chunked(endless, DEFAULT_MAX_BYTES, 0, &progress, &mut [0; 16]),
            Err("given up".into())
        );
        assert_eq!(progress.read.load(Ordering::Relaxed), 0);
        assert_eq!(
            still_sending(1536, Duration::from_secs(60)),
            "still sending after 60 s (1.5 KiB so far; a source must end within 12 times \
             --read-timeout)"
        );
        assert_eq!(overall_timeout(), read_timeout() * OVERALL_FACTOR);
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(64 * 1024 * 1024), "64 MiB");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(12), "12 bytes");
    }
}
