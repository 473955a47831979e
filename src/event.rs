//! The event loop: terminal events into actions through the key map, analyses from the background
//! thread, signals; redraws only when something changed and sleeps on the channel otherwise.
//! Ctrl-Z and SIGTSTP hand the terminal back to the shell and stop the process (`JobControl`);
//! once continued, the reader takes the terminal again and redraws every cell.
//!
//! With the library, four more threads each open their own connection (a `Library` is Send,
//! not Sync): the analysis thread reads the texts it analyses and stores the analyses it makes,
//! the writer stores read/star marks in order (`spawn_writer`), the watcher polls
//! `data_version` for articles another process added (`spawn_watcher`), and the query thread
//! runs the `/` search and the corpus view's entity query (`spawn_searcher`). The UI thread
//! keeps a connection of its own for single indexed reads (`library_reader`): the article shown
//! by id, the articles mentioning one entity; in WAL mode none of them waits for a writer.

use crate::analysis;
use crate::app::{Action, App, Message, Write};
use crate::article::Article;
use crate::library::reader::Row;
use crate::library::{ArticleId, Library};
use crate::ui;
use crossterm::event::{Event, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::Rect;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

/// Name of the analysis thread (the panic hook leaves the terminal alone for it: the thread
/// catches its own panics and reports them as a message).
pub const ANALYSIS_THREAD: &str = "byline-analysis";

/// At most one frame per this long while analyses stream in; keys still draw at once.
const FRAME: Duration = Duration::from_millis(16);

/// What arrives on the loop's channel.
#[derive(Debug)]
pub enum Msg {
    Term(Event),
    Action(Action),
    /// SIGCONT: the process was continued, maybe after a stop it did not ask for (SIGSTOP), with
    /// the terminal as the shell left it.
    Continued,
}

/// Handing the terminal to the shell and taking it back, as less and vim do. The binary does it on
/// the real terminal; tests stand in for it.
pub trait JobControl<B: Backend> {
    /// Restores the terminal (main screen, no mouse capture, cooked mode), stops the process and,
    /// once it is continued (`fg`, SIGCONT), sets the terminal up again.
    fn suspend(&mut self, terminal: &mut Terminal<B>) -> Result<(), B::Error>;
    /// Sets the terminal up again after the process was continued.
    fn resume(&mut self, terminal: &mut Terminal<B>) -> Result<(), B::Error>;
}

/// The action a terminal event means for the app in its current state (overlay, focus).
pub fn to_action(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => app.key_action(key),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollAt {
                column: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollAt {
                column: m.column,
                row: m.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Reads terminal events on their own thread (blocking, so idle costs nothing).
pub fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        while let Ok(event) = crossterm::event::read() {
            if tx.send(Msg::Term(event)).is_err() {
                break;
            }
        }
    });
}

/// Analyses every article on a background thread, the one in `wanted` first whenever it is set
/// (the loop sets it to the article on screen), and sends each result as `Action::Analyzed`.
pub fn spawn_analysis(
    articles: Arc<[Article]>,
    wanted: Arc<AtomicUsize>,
    tx: Sender<Msg>,
) -> std::io::Result<()> {
    spawn_analysis_stored(articles, wanted, tx, None)
}

/// Where the analysis thread stores what it finds: the library file, each article's id in it,
/// and which articles came with a cached analysis (those are not analysed again).
#[derive(Clone, Debug)]
pub struct AnalysisStore {
    pub path: PathBuf,
    pub ids: Vec<Option<ArticleId>>,
    pub cached: Vec<bool>,
}

/// As [`spawn_analysis`]; with a `store`, the articles with a cached analysis are skipped and
/// every new analysis is stored in the library (through the thread's own connection), so the
/// next start analyses nothing.
pub fn spawn_analysis_stored(
    articles: Arc<[Article]>,
    wanted: Arc<AtomicUsize>,
    tx: Sender<Msg>,
    store: Option<AnalysisStore>,
) -> std::io::Result<()> {
    thread::Builder::new()
        .name(ANALYSIS_THREAD.into())
        .spawn(move || {
            // Files: the articles in memory. The library: only ids; each text is read there.
            let n = articles
                .len()
                .max(store.as_ref().map_or(0, |s| s.ids.len()));
            let mut done = vec![false; n];
            let mut library = None;
            let mut ids = Vec::new();
            if let Some(store) = store {
                for (d, &c) in done.iter_mut().zip(&store.cached) {
                    *d = c;
                }
                if done.iter().any(|d| !d) {
                    match Library::open(&store.path) {
                        Ok(l) => library = Some(l),
                        Err(e) => problem(&tx, format!("analyses will not be kept: {e}")),
                    }
                }
                ids = store.ids;
            }
            let mut next = 0;
            loop {
                let want = wanted.swap(usize::MAX, Ordering::Relaxed);
                let index = if want < n && !done[want] {
                    want
                } else {
                    while next < n && done[next] {
                        next += 1;
                    }
                    next
                };
                if index >= n {
                    break;
                }
                done[index] = true;
                let loaded;
                let article = match articles.get(index) {
                    Some(a) => a,
                    None => {
                        let (Some(lib), Some(Some(id))) = (&library, ids.get(index)) else {
                            continue;
                        };
                        match lib.article(*id) {
                            Ok(Some(s)) => {
                                loaded = s.article;
                                &loaded
                            }
                            // Gone (pruned meanwhile): nothing to analyse.
                            Ok(None) => continue,
                            Err(e) => {
                                let why = e.to_string();
                                if tx
                                    .send(Msg::Action(Action::AnalysisFailed(index, why)))
                                    .is_err()
                                {
                                    break;
                                }
                                continue;
                            }
                        }
                    }
                };
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    analysis::analyze(article)
                }));
                let action = match result {
                    Ok(a) => {
                        if let (Some(lib), Some(Some(id))) = (&library, ids.get(index))
                            && let Err(e) = lib.store_analysis(*id, &a)
                        {
                            problem(&tx, format!("analyses will not be kept: {e}"));
                            library = None;
                        }
                        Action::Analyzed(index, a)
                    }
                    Err(payload) => {
                        let why = payload
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| payload.downcast_ref::<String>().cloned())
                            .unwrap_or_else(|| "unknown error".into());
                        Action::AnalysisFailed(index, why)
                    }
                };
                if tx.send(Msg::Action(action)).is_err() {
                    break;
                }
            }
        })
        .map(|_| ())
}

fn problem(tx: &Sender<Msg>, text: String) {
    let _ = tx.send(Msg::Action(Action::Done(Message::problem(text))));
}

/// Stores read/star changes in the library at `path` on a thread of its own (with its own
/// connection, so a write waiting for another process's never holds up the reader). Returns the
/// store to give the app and the thread, which ends once the store is dropped and every change is
/// written (join it before exiting); a failed write is reported on `tx` as a message.
pub type Store = Box<dyn FnMut(Write)>;

pub fn spawn_writer(
    path: PathBuf,
    tx: Sender<Msg>,
) -> std::io::Result<(Store, thread::JoinHandle<()>)> {
    let (wtx, wrx) = std::sync::mpsc::channel::<Write>();
    let handle = thread::Builder::new()
        .name("byline-library-writer".into())
        .spawn(move || {
            let library = match Library::open(&path) {
                Ok(l) => l,
                Err(e) => {
                    problem(&tx, format!("read and star marks will not be kept: {e}"));
                    return;
                }
            };
            for w in wrx {
                let result = match w {
                    Write::Read(id, read) => library.set_read(id, read),
                    Write::Starred(id, starred) => library.set_starred(id, starred),
                };
                if let Err(e) = result {
                    problem(&tx, format!("could not store a read or star mark: {e}"));
                }
            }
        })?;
    let store: Store = Box::new(move |w| {
        let _ = wtx.send(w);
    });
    Ok((store, handle))
}

/// The reader over the library (after importing the bundled samples into a new library, which
/// the status bar then says): one headline row per article, read in one pass without any text;
/// `lib` becomes the reader's own connection, through which it reads the article on screen (text
/// and stored analysis) and the entity index. Which articles still need an analysis is in the
/// rows (`Entry::is_analysed`, for [`AnalysisStore::cached`]).
pub fn library_reader(lib: Library) -> crate::library::Result<App> {
    let added = crate::library::samples::ensure_samples(&lib)?;
    let rows = lib.rows(0)?;
    let path = crate::article::sanitize::flat(&lib.path().display().to_string(), 80);
    let mut app = App::from_shelf(rows, Box::new(lib));
    let text = match added {
        Some(n) => format!("the library was empty: added {n} sample articles ({path})"),
        None if app.collection().is_empty() => {
            format!("the library is empty: byline import PATH... adds articles ({path})")
        }
        None => return Ok(app),
    };
    app.update(Action::Done(Message::info(text)));
    Ok(app)
}

/// What the analysis thread needs to know of the library reader's articles: their ids (the
/// thread reads each text by id) and which have an analysis stored already.
pub fn analysis_store(path: PathBuf, app: &App) -> AnalysisStore {
    let docs = app.collection();
    AnalysisStore {
        path,
        ids: docs.ids().iter().map(|&id| Some(id)).collect(),
        cached: docs.entries().iter().map(|e| e.is_analysed()).collect(),
    }
}

/// The library's query thread, with its own connection (opened there), for what is too slow for
/// the UI thread: the `/` search of the headlines (what was typed becomes a
/// [`Query::Prefix`](crate::library::Query::Prefix), every word quoted and the last a prefix, so
/// no input is a syntax error; answered with `Action::Found`) and the corpus view's entities
/// (answered with `Action::CorpusFound`). Each answer carries its request's number. Of the
/// requests that queued up while a query ran only the newest of each kind is run (the answers
/// to the others would be dropped as stale anyway). Reads never wait for a writer (WAL).
pub fn spawn_searcher(
    path: PathBuf,
    tx: Sender<Msg>,
) -> std::io::Result<crate::app::collection::Searcher> {
    use crate::app::collection::Request;
    let (rtx, rrx) = std::sync::mpsc::channel::<Request>();
    thread::Builder::new()
        .name("byline-library-search".into())
        .spawn(move || {
            let library = match Library::open(&path) {
                Ok(l) => l,
                Err(e) => {
                    problem(&tx, format!("the search will not work: {e}"));
                    return;
                }
            };
            while let Ok(first) = rrx.recv() {
                let (mut search, mut corpus) = (None, None);
                for r in std::iter::once(first).chain(rrx.try_iter()) {
                    match r {
                        Request::Search { request, typed } => search = Some((request, typed)),
                        Request::Corpus { request, limit } => corpus = Some((request, limit)),
                    }
                }
                let mut answers = Vec::new();
                if let Some((request, typed)) = search {
                    let ids = search_ids(&library, &typed);
                    answers.push(Action::Found { request, ids });
                }
                if let Some((request, limit)) = corpus {
                    let entities = library.entities(None, limit).map_err(|e| e.to_string());
                    answers.push(Action::CorpusFound { request, entities });
                }
                for a in answers {
                    if tx.send(Msg::Action(a)).is_err() {
                        return;
                    }
                }
            }
        })?;
    Ok(Box::new(move |request| {
        let _ = rtx.send(request);
    }))
}

/// The ids of the articles matching what was typed (every word, the last a prefix), in id
/// order.
pub fn search_ids(library: &Library, typed: &str) -> Result<Vec<ArticleId>, String> {
    library
        .search_ids(&crate::library::Query::Prefix(typed.to_string()))
        .map_err(|e| e.to_string())
}

/// How often the watcher looks for articles another process added.
pub const WATCH_EVERY: Duration = Duration::from_millis(750);

/// Watches the library at `path` for articles added by another process (`byline import` while
/// the reader is open), on a thread with its own connection: every [`WATCH_EVERY`] it reads
/// `PRAGMA data_version` (a cheap read that changes with any other connection's commit), and
/// when that changed and there are articles past `after`, reads their rows (analysing and storing
/// any without an analysis of this version) and sends them as `Action::Arrived`.
pub fn spawn_watcher(path: PathBuf, after: ArticleId, tx: Sender<Msg>) -> std::io::Result<()> {
    thread::Builder::new()
        .name("byline-library-watcher".into())
        .spawn(move || {
            let library = match Library::open(&path) {
                Ok(l) => l,
                Err(e) => {
                    problem(&tx, format!("new articles will not show: {e}"));
                    return;
                }
            };
            // Not read yet: the first look checks for articles added since the reader loaded.
            let mut seen = None;
            let mut after = after;
            // Articles a refresh rewrites keep their id: they are found by their fetch time.
            let mut refetch = match Refetch::start(&library, after) {
                Ok(r) => Some(r),
                Err(e) => {
                    problem(&tx, format!("updated articles will not show: {e}"));
                    None
                }
            };
            // A full batch was read: read on at once (a big import arrives a batch at a time, so
            // the texts loaded here stay few).
            let mut more = false;
            loop {
                if !more {
                    thread::sleep(WATCH_EVERY);
                    let version = library.data_version().ok();
                    if version == seen {
                        continue;
                    }
                    seen = version;
                }
                more = false;
                match arrived(&library, after) {
                    Ok(new) if new.is_empty() => {}
                    Ok(new) => {
                        more = new.len() >= ARRIVED_BATCH;
                        after = new.iter().map(|r| r.headline.id).max().unwrap_or(after);
                        if tx.send(Msg::Action(Action::Arrived(new))).is_err() {
                            return;
                        }
                    }
                    Err(e) => problem(&tx, format!("could not read new articles: {e}")),
                }
                if more {
                    continue;
                }
                if let Some(refetch) = refetch.as_mut() {
                    match refetch.look(&library, after) {
                        Ok(rows) if rows.is_empty() => {}
                        Ok(rows) => {
                            if tx.send(Msg::Action(Action::Updated(rows))).is_err() {
                                return;
                            }
                        }
                        Err(e) => problem(&tx, format!("could not read updated articles: {e}")),
                    }
                }
            }
        })
        .map(|_| ())
}

/// What the watcher knows of articles fetched again: the latest fetch time seen, and the
/// articles already sent with that time with their content hash (times are in seconds: a fetch
/// in the same second is found again, and sent only when it changed the article).
struct Refetch {
    since: i64,
    sent: HashMap<ArticleId, Vec<u8>>,
}

impl Refetch {
    /// Everything fetched so far counts as seen (the reader loaded it).
    fn start(library: &Library, upto: ArticleId) -> crate::library::Result<Self> {
        let since = library.last_fetched()?;
        let sent = library
            .refetched(since, upto)?
            .into_iter()
            .map(|r| (r.row.headline.id, r.hash))
            .collect();
        Ok(Refetch { since, sent })
    }

    /// The rows of articles up to `upto` fetched again since the last look (an article without
    /// an analysis of this version is analysed and stored, as in [`arrived`]). An article that
    /// arrived since the last look may be among them once: the reader finds it unchanged.
    fn look(&mut self, library: &Library, upto: ArticleId) -> crate::library::Result<Vec<Row>> {
        let found = library.refetched(self.since, upto)?;
        let latest = found.iter().map(|r| r.fetched).max().unwrap_or(self.since);
        let mut rows = Vec::new();
        let mut sent = HashMap::new();
        for r in found {
            let id = r.row.headline.id;
            let seen = r.fetched == self.since && self.sent.get(&id) == Some(&r.hash);
            if r.fetched == latest {
                sent.insert(id, r.hash);
            }
            if !seen {
                rows.push(r.row);
            }
        }
        if latest == self.since {
            self.sent.extend(sent);
        } else {
            self.since = latest;
            self.sent = sent;
        }
        analyse_missing(library, &mut rows)?;
        Ok(rows)
    }
}

/// At most this many new articles' rows are read and sent at a time.
const ARRIVED_BATCH: usize = 500;

/// The rows of the first [`ARRIVED_BATCH`] articles added after `after`; an article without an
/// analysis of this version is read, analysed and its analysis stored (the reader's analysis
/// thread knows only the articles there were at start). No other text is read: the reader keeps
/// rows and reads an article when it is shown.
fn arrived(library: &Library, after: ArticleId) -> crate::library::Result<Vec<Row>> {
    let mut rows = library.rows_upto(after, Some(ARRIVED_BATCH))?;
    analyse_missing(library, &mut rows)?;
    Ok(rows)
}

/// Reads, analyses and stores each article of `rows` without an analysis of this version.
fn analyse_missing(library: &Library, rows: &mut [Row]) -> crate::library::Result<()> {
    for row in rows.iter_mut().filter(|r| !r.analysed) {
        if let Some(s) = library.article(row.headline.id)? {
            library.store_analysis(s.id, &analysis::analyze(&s.article))?;
            row.analysed = true;
        }
    }
    Ok(())
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT become `Quit`, so the loop ends and the terminal is restored;
/// SIGTSTP becomes `Suspend` (the loop restores the terminal before stopping) and SIGCONT
/// `Msg::Continued` (the loop takes the terminal again and redraws it all).
pub fn spawn_signals(tx: Sender<Msg>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            let (msg, last) = match signal {
                SIGTSTP => (Msg::Action(Action::Suspend), false),
                SIGCONT => (Msg::Continued, false),
                _ => (Msg::Action(Action::Quit), true),
            };
            if tx.send(msg).is_err() || last {
                break;
            }
        }
    });
    Ok(())
}

/// After the terminal was given back: forget what is on it (the shell drew there), clear it and
/// take its size, so the next frame draws every cell.
fn redraw_all<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> Result<(), B::Error> {
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))?;
    app.update(Action::Resize(size.width, size.height));
    Ok(())
}

/// Runs until the app quits or every sender is gone. While a long article's body is partly
/// wrapped, idle time wraps the rest (`Action::WrapMore`). `wanted` tells the analysis thread which
/// article is on screen; `job` suspends and resumes the terminal (Ctrl-Z, SIGTSTP, SIGCONT).
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    rx: &Receiver<Msg>,
    wanted: &AtomicUsize,
    job: &mut impl JobControl<B>,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    let mut last_draw: Option<Instant> = None;
    loop {
        if dirty && last_draw.is_none_or(|t| t.elapsed() >= FRAME) {
            terminal.draw(|frame| ui::draw(frame, app))?;
            last_draw = Some(Instant::now());
            dirty = false;
        }
        if app.should_quit() {
            return Ok(());
        }
        let first = if app.body().is_partial() {
            // A long article is still being wrapped: a step of it whenever nothing is waiting, so
            // a key never waits more than a step.
            match rx.try_recv() {
                Ok(m) => m,
                Err(TryRecvError::Empty) => {
                    dirty |= app.update(Action::WrapMore);
                    continue;
                }
                Err(TryRecvError::Disconnected) => {
                    terminal.draw(|frame| ui::draw(frame, app))?;
                    return Ok(());
                }
            }
        } else if dirty {
            let wait = last_draw.map_or(Duration::ZERO, |t| FRAME.saturating_sub(t.elapsed()));
            match rx.recv_timeout(wait) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => {
                    // Nothing more will come: show the last state before leaving.
                    terminal.draw(|frame| ui::draw(frame, app))?;
                    return Ok(());
                }
            }
        } else if app.needs_prefetch() {
            // The library: read the shown article's neighbours while nothing else is waiting.
            match rx.try_recv() {
                Ok(m) => m,
                Err(TryRecvError::Empty) => {
                    app.update(Action::Prefetch);
                    continue;
                }
                Err(TryRecvError::Disconnected) => return Ok(()),
            }
        } else if let Some(at) = app.wake_at() {
            // An article waits to count as read: wake for it if nothing else comes first.
            match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => Msg::Action(Action::Tick(Instant::now())),
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        } else {
            match rx.recv() {
                Ok(m) => m,
                Err(_) => return Ok(()),
            }
        };
        // Take whatever else is waiting, so a burst of analyses costs one frame; of several
        // resizes in a burst only the last is applied (each would re-wrap the body).
        let batch: Vec<Msg> = std::iter::once(first)
            .chain(rx.try_iter().take(4096))
            .collect();
        let last_resize = batch
            .iter()
            .rposition(|m| matches!(m, Msg::Term(Event::Resize(..))));
        for (i, msg) in batch.into_iter().enumerate() {
            if matches!(msg, Msg::Term(Event::Resize(..))) && Some(i) != last_resize {
                continue;
            }
            let action = match msg {
                Msg::Term(event) => {
                    let is_key = matches!(event, Event::Key(_) | Event::Mouse(_));
                    let action = to_action(app, &event);
                    if is_key && action.is_some() {
                        // Draw a key's effect at once, even mid-burst.
                        last_draw = None;
                    }
                    action
                }
                Msg::Action(a) => Some(a),
                Msg::Continued => {
                    job.resume(terminal)?;
                    redraw_all(terminal, app)?;
                    (dirty, last_draw) = (true, None);
                    None
                }
            };
            match action {
                Some(Action::Suspend) => {
                    job.suspend(terminal)?;
                    redraw_all(terminal, app)?;
                    (dirty, last_draw) = (true, None);
                }
                Some(action) => dirty |= app.update(action),
                None => {}
            }
            if app.should_quit() {
                break;
            }
        }
        if let Some(i) = app.current_index()
            && app
                .collection()
                .entry(i)
                .is_some_and(|e| e.analysis().is_none())
        {
            wanted.store(i, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::backend::TestBackend;
    use std::sync::mpsc;

    fn key(c: char) -> Msg {
        Msg::Term(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )))
    }

    /// Stands in for the shell: counts the calls and blanks the screen, as a shell's output and
    /// re-entering the alternate screen would; the terminal may come back at another size.
    #[derive(Default)]
    struct FakeJob {
        suspended: usize,
        resumed: usize,
        size_after: Option<(u16, u16)>,
    }

    impl JobControl<TestBackend> for FakeJob {
        fn suspend(
            &mut self,
            terminal: &mut Terminal<TestBackend>,
        ) -> Result<(), std::convert::Infallible> {
            self.suspended += 1;
            if let Some((w, h)) = self.size_after {
                terminal.backend_mut().resize(w, h);
            }
            terminal.backend_mut().clear()
        }

        fn resume(
            &mut self,
            terminal: &mut Terminal<TestBackend>,
        ) -> Result<(), std::convert::Infallible> {
            self.resumed += 1;
            terminal.backend_mut().clear()
        }
    }

    fn ctrl(c: char) -> Msg {
        Msg::Term(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )))
    }

    fn screen(terminal: &Terminal<TestBackend>) -> String {
        let buffer = terminal.backend().buffer();
        buffer
            .content()
            .chunks(usize::from(buffer.area.width))
            .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The screen a fresh reader in the same state draws at this size.
    fn fresh_screen(app: &App, width: u16, height: u16) -> String {
        let mut fresh = Terminal::new(TestBackend::new(width, height)).unwrap();
        fresh.draw(|frame| ui::draw(frame, app)).unwrap();
        screen(&fresh)
    }

    fn articles(n: usize) -> Vec<Article> {
        (0..n)
            .flat_map(|i| {
                let text = format!("Headline {i}\n\nJohn Kerry met Sergei Lavrov in Geneva.");
                crate::article::parse(&format!("{i}.txt"), text.as_bytes()).articles
            })
            .collect()
    }

    #[test]
    fn keys_drive_the_app_and_the_article_on_screen_is_analysed_first() {
        let mut app = App::new(articles(3), Vec::new());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let (tx, rx) = mpsc::channel();
        let wanted = AtomicUsize::new(usize::MAX);
        tx.send(key('j')).unwrap();
        tx.send(Msg::Term(Event::Resize(100, 30))).unwrap();
        tx.send(key('q')).unwrap();
        run(
            &mut terminal,
            &mut app,
            &rx,
            &wanted,
            &mut FakeJob::default(),
        )
        .unwrap();
        assert!(app.should_quit());
        assert_eq!(app.current_index(), Some(1));
        assert_eq!((app.screen().width(), app.screen().height()), (100, 30));
        assert_eq!(
            wanted.load(Ordering::Relaxed),
            1,
            "the analysis is asked for article 2"
        );
        let screen = format!("{:?}", terminal.backend().buffer());
        assert!(screen.contains("Headline 1"), "a frame was drawn");
    }

    #[test]
    fn the_analysis_thread_delivers_every_article() {
        let mut app = App::new(articles(5), Vec::new());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let (tx, rx) = mpsc::channel();
        let wanted = Arc::new(AtomicUsize::new(3));
        // The thread holds the only sender: when it is done the channel closes and run returns.
        spawn_analysis(app.collection().articles().clone(), wanted.clone(), tx).unwrap();
        run(
            &mut terminal,
            &mut app,
            &rx,
            &wanted,
            &mut FakeJob::default(),
        )
        .unwrap();
        assert_eq!(app.collection().analysed(), 5);
        assert!(
            app.collection()
                .entries()
                .iter()
                .all(|e| e.analysis().is_some())
        );
        assert!(
            app.collection()
                .corpus()
                .entities()
                .iter()
                .any(|e| e.articles.len() == 5)
        );
        let screen = format!("{:?}", terminal.backend().buffer());
        assert!(
            !screen.contains("analysing"),
            "the last frame shows the finished analysis"
        );
    }

    #[test]
    fn ctrl_z_suspends_and_the_whole_screen_is_drawn_again_at_the_new_size() {
        let mut app = App::new(articles(3), Vec::new());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let (tx, rx) = mpsc::channel();
        let wanted = AtomicUsize::new(usize::MAX);
        let mut job = FakeJob {
            size_after: Some((70, 20)),
            ..FakeJob::default()
        };
        tx.send(key('j')).unwrap();
        tx.send(ctrl('z')).unwrap();
        drop(tx);
        run(&mut terminal, &mut app, &rx, &wanted, &mut job).unwrap();
        assert_eq!((job.suspended, job.resumed), (1, 0));
        assert!(!app.should_quit(), "Ctrl-Z does not quit");
        assert_eq!(app.current_index(), Some(1), "the state is kept");
        assert_eq!((app.screen().width(), app.screen().height()), (70, 20));
        // Every cell is drawn again, not only those that changed since the last frame.
        assert_eq!(screen(&terminal), fresh_screen(&app, 70, 20));
        assert!(screen(&terminal).contains("Headline 1"));
    }

    #[test]
    fn sigtstp_suspends_and_sigcont_redraws() {
        let mut app = App::new(articles(2), Vec::new());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let (tx, rx) = mpsc::channel();
        let wanted = AtomicUsize::new(usize::MAX);
        let mut job = FakeJob::default();
        // What spawn_signals sends for SIGTSTP, then for a SIGCONT after an outside SIGSTOP.
        tx.send(Msg::Action(Action::Suspend)).unwrap();
        tx.send(Msg::Continued).unwrap();
        drop(tx);
        run(&mut terminal, &mut app, &rx, &wanted, &mut job).unwrap();
        assert_eq!((job.suspended, job.resumed), (1, 1));
        assert_eq!(screen(&terminal), fresh_screen(&app, 80, 24));
        assert!(screen(&terminal).contains("Headline 0"));
    }

    #[test]
    fn a_resize_to_the_same_size_does_not_ask_for_a_redraw() {
        let mut app = App::new(articles(1), Vec::new());
        assert!(app.update(Action::Resize(80, 24)));
        assert!(!app.update(Action::Resize(80, 24)));
    }

    /// A library temp folder, removed on drop.
    struct TempLib(PathBuf);

    impl Drop for TempLib {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn temp_lib(name: &str) -> TempLib {
        let dir = std::env::temp_dir().join(format!("byline-event-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        TempLib(dir)
    }

    /// One "run": the reader over the library, its analysis thread (storing) and its writer,
    /// `actions` applied, then everything shut down as the binary does.
    fn library_run(path: &std::path::Path, actions: &[Action]) -> (App, usize) {
        let mut app = library_reader(Library::open(path).unwrap()).unwrap();
        let (tx, rx) = mpsc::channel();
        let store = analysis_store(path.to_path_buf(), &app);
        let wanted = Arc::new(AtomicUsize::new(usize::MAX));
        spawn_analysis_stored(
            app.collection().articles().clone(),
            wanted,
            tx.clone(),
            Some(store),
        )
        .unwrap();
        app.set_searcher(spawn_searcher(path.to_path_buf(), tx.clone()).unwrap());
        let (writer, handle) = spawn_writer(path.to_path_buf(), tx).unwrap();
        app.set_store(writer);
        app.update(Action::Resize(120, 40));
        for a in actions {
            app.update(a.clone());
        }
        drop(app);
        handle.join().unwrap();
        // The analysis thread ends once every article is done; count what it analysed.
        let analysed = rx
            .iter()
            .filter(|m| matches!(m, Msg::Action(Action::Analyzed(..))))
            .count();
        let app = library_reader(Library::open(path).unwrap()).unwrap();
        (app, analysed)
    }

    #[test]
    fn read_and_star_marks_and_analyses_are_kept_in_the_library_across_runs() {
        let dir = temp_lib("runs");
        let path = dir.0.join("library.sqlite");
        let first = library_reader(Library::open(&path).unwrap()).unwrap();
        // As if an older byline had analysed them: no analysis (nor index) of this version.
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch(
                "UPDATE analyses SET version = 'old'; UPDATE articles SET analysed = 'old';",
            )
            .unwrap();
        let n = first.collection().len();
        assert!(n >= 7, "the samples fill a new library: {n}");
        assert!(
            first
                .message()
                .is_some_and(|m| m.text().contains(&format!("added {n} sample articles"))),
            "{:?}",
            first.message()
        );
        assert!(first.collection().is_library());
        // Run 1: the second headline read (Enter) and starred, the first starred then unstarred.
        let (after, analysed) = library_run(
            &path,
            &[
                Action::ToggleStar,
                Action::ToggleStar,
                Action::Down,
                Action::Open,
                Action::ToggleStar,
            ],
        );
        assert_eq!(analysed, n, "analyses of another version are redone");
        let second = after.headlines().listed()[1];
        let entries = after.collection().entries();
        assert!(entries[second].is_read() && entries[second].is_starred());
        assert_eq!(after.collection().unread_starred(), (n - 1, 1));
        assert_eq!(
            after.collection().analysed(),
            n,
            "analyses come from the library"
        );
        assert!(after.message().is_none(), "the samples are offered once");
        // Run 2: `u` marks it unread again; nothing is analysed a second time.
        let (mut again, analysed) = library_run(
            &path,
            &[Action::Down, Action::ToggleRead, Action::ToggleUnreadView],
        );
        assert_eq!(analysed, 0, "every analysis was stored");
        assert_eq!(again.collection().unread_starred(), (n, 1));
        again.update(Action::ToggleStarredView);
        assert_eq!(again.headlines().listed(), &[second]);
        again.update(Action::ToggleUnreadView);
        assert_eq!(again.headlines().listed().len(), n);
    }

    #[test]
    fn slash_in_the_headlines_searches_the_library_index_and_odd_input_is_words() {
        let dir = temp_lib("search");
        let path = dir.0.join("library.sqlite");
        let mut app = library_reader(Library::open(&path).unwrap()).unwrap();
        let (tx, rx) = mpsc::channel();
        app.set_searcher(spawn_searcher(path.clone(), tx).unwrap());
        app.update(Action::Resize(120, 40));
        let n = app.collection().len();
        // Each keystroke sends a request; its answer arrives as an Action.
        let answer = |app: &mut App| {
            let msg = rx.recv_timeout(Duration::from_secs(10)).expect("an answer");
            let Msg::Action(action @ Action::Found { .. }) = msg else {
                panic!("{msg:?}");
            };
            app.update(action);
        };
        app.update(Action::Search);
        // Typed letter by letter: every word, in any order, the last one a prefix ("osa" for
        // Osaka) — what the index finds and a substring search would not. The list narrows
        // when the answer arrives.
        for c in "flood osa".chars() {
            app.update(Action::QueryInput(c));
            answer(&mut app);
        }
        let listed = app.headlines().listed().to_vec();
        assert!(!listed.is_empty() && listed.len() < n, "{listed:?}");
        for &i in &listed {
            let text = app.collection().article(i).unwrap().text.to_lowercase();
            assert!(!text.contains("flood osa"), "{text}");
            assert!(text.contains("flood") && text.contains("osaka"), "{text}");
        }
        // The shown article has the words highlighted.
        let text = app.current_article().unwrap().text.clone();
        let found: Vec<String> = app
            .body()
            .marks()
            .iter()
            .filter(|m| m.highlight == crate::app::Highlight::Match)
            .map(|m| text[m.span.start..m.span.end].to_lowercase())
            .collect();
        assert!(found.iter().any(|w| w == "flood"), "{found:?}");
        assert!(found.iter().any(|w| w == "osa"), "{found:?}");
        // FTS5 syntax typed by a user is searched for as words, never an error.
        for c in "\" OR (".chars() {
            app.update(Action::QueryInput(c));
            answer(&mut app);
        }
        assert!(app.headlines().listed().is_empty());
        assert!(
            app.message()
                .is_none_or(|m| m.level() != crate::app::Level::Problem)
        );
        app.update(Action::QueryCancel);
        assert_eq!(app.headlines().listed().len(), n);
    }

    #[test]
    fn articles_another_process_imports_show_up_in_the_open_reader() {
        let dir = temp_lib("watch");
        let path = dir.0.join("library.sqlite");
        let mut app = library_reader(Library::open(&path).unwrap()).unwrap();
        app.update(Action::Resize(120, 40));
        let n = app.collection().len();
        let shown = app.current_index();
        let after = *app.collection().ids().last().unwrap();
        let (tx, rx) = mpsc::channel();
        spawn_watcher(path.clone(), after, tx).unwrap();
        // Another "process": its own connection imports one article.
        let text = "Harbour pilots strike\n\nPilots in Rotterdam walked out on Monday, said union head Anna de Vries.";
        let article = crate::article::parse("new.txt", text.as_bytes()).articles;
        let other = Library::open(&path).unwrap();
        other
            .add(
                &article
                    .into_iter()
                    .map(crate::library::Prepared::new)
                    .collect::<Vec<_>>(),
            )
            .unwrap();
        let msg = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the watcher saw it");
        let Msg::Action(action @ Action::Arrived(_)) = msg else {
            panic!("{msg:?}");
        };
        app.update(action);
        assert_eq!(app.collection().len(), n + 1);
        assert!(app.headlines().lists(n), "listed at once");
        assert_eq!(app.current_index(), shown, "the shown article stays");
        assert!(app.collection().entries()[n].is_analysed(), "analysed");
        assert!(
            app.collection().article(n).is_none(),
            "its text stays in the library until shown"
        );
        assert!(
            app.message()
                .is_some_and(|m| m.text() == "1 new article added to the library")
        );
        // Nothing else arrives while nothing changes.
        assert!(rx.recv_timeout(WATCH_EVERY * 3).is_err());
    }

    #[test]
    fn articles_a_refresh_rewrites_are_read_again_in_the_open_reader() {
        let dir = temp_lib("rewrite");
        let path = dir.0.join("library.sqlite");
        let mut app = library_reader(Library::open(&path).unwrap()).unwrap();
        app.update(Action::Resize(120, 40));
        let n = app.collection().len();
        let shown = app.current_index().unwrap();
        let id = app.collection().ids()[shown];
        let other_id = app.collection().ids()[(shown + 1) % n];
        let after = *app.collection().ids().last().unwrap();
        let (tx, rx) = mpsc::channel();
        // Fetched once before the reader looked: not news.
        let other = rusqlite::Connection::open(&path).unwrap();
        other
            .execute(
                "UPDATE articles SET fetched = 1000 WHERE id = ?1",
                [other_id],
            )
            .unwrap();
        spawn_watcher(path.clone(), after, tx).unwrap();
        assert!(rx.recv_timeout(WATCH_EVERY * 3).is_err(), "nothing new yet");
        // Another "process" runs `sql` on article `id`: the rows the watcher sends for it.
        let rewrite = |sql: &str, id: ArticleId| -> Vec<Row> {
            other.execute(sql, [id]).unwrap();
            let msg = rx
                .recv_timeout(Duration::from_secs(10))
                .expect("the watcher saw it");
            let Msg::Action(Action::Updated(rows)) = msg else {
                panic!("{msg:?}");
            };
            rows
        };
        let ids = |rows: &[Row]| rows.iter().map(|r| r.headline.id).collect::<Vec<_>>();
        // The shown article rewritten, as a feed refresh does (its text first).
        other
            .execute(
                "UPDATE bodies SET text = 'Pilots strike ends\n\nThe pilots went back.' \
                 WHERE id = ?1",
                [id],
            )
            .unwrap();
        let rows = rewrite(
            "UPDATE articles SET headline = 'Pilots strike ends', fetched = 2000, \
             hash = X'01' WHERE id = ?1",
            id,
        );
        assert_eq!(ids(&rows), [id], "only the rewritten one");
        app.update(Action::Updated(rows));
        assert_eq!(app.collection().len(), n, "no article added");
        assert_eq!(app.current_index(), Some(shown), "the shown article stays");
        assert_eq!(
            app.collection().entries()[shown].title(),
            "Pilots strike ends"
        );
        assert!(
            app.current_article()
                .is_some_and(|a| a.text.contains("The pilots went back."))
        );
        assert!(
            app.message()
                .is_some_and(|m| m.text().contains("updated this article"))
        );
        // Any other write: nothing is sent again.
        other
            .execute("UPDATE articles SET read = 1 WHERE id = ?1", [other_id])
            .unwrap();
        assert!(rx.recv_timeout(WATCH_EVERY * 3).is_err());
        // The same article rewritten again within the same second: sent again.
        let rows = rewrite(
            "UPDATE articles SET headline = 'Pilots strike is over', fetched = 2000, \
             hash = X'02' WHERE id = ?1",
            id,
        );
        assert_eq!(ids(&rows), [id]);
        app.update(Action::Updated(rows));
        assert_eq!(
            app.collection().entries()[shown].title(),
            "Pilots strike is over"
        );
        // Another article rewritten within the same second: only that one is sent.
        let rows = rewrite(
            "UPDATE articles SET headline = 'Council votes again', fetched = 2000 WHERE id = ?1",
            other_id,
        );
        assert_eq!(ids(&rows), [other_id]);
        app.update(Action::Updated(rows));
        let other_index = app.collection().index_of(other_id).unwrap();
        assert_eq!(
            app.collection().entries()[other_index].title(),
            "Council votes again"
        );
        assert!(
            !app.collection().entries()[other_index].is_read(),
            "read and star state stay as this reader has them"
        );
    }

    /// A library of five articles (no dates, so listed in the order added), each analysed.
    fn small_library(name: &str) -> (TempLib, PathBuf) {
        let dir = temp_lib(name);
        let path = dir.0.join("library.sqlite");
        let texts = [
            "Harbour pilots strike\n\nPilots in Rotterdam walked out on Monday, said union head Anna de Vries.",
            "Lighthouse keepers return\n\nThe lamp at Texel is lit again, the keepers said.",
            "Tulip prices fall\n\nGrowers in Lisse sold fewer bulbs this spring.",
            "Ferry timetable changes\n\nThe ferry to Vlieland runs later, said Pieter Jansen of the operator. \u{201c}We will sail at noon every day,\u{201d} Jansen said.",
            "Dock workers join pilots\n\nDock workers joined the strike, Anna de Vries said on Friday.",
        ];
        let prepared: Vec<_> = texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| crate::article::parse(&format!("{i}.txt"), t.as_bytes()).articles)
            .map(|a| {
                let analysis = analysis::analyze(&a);
                crate::library::Prepared::with_analysis(a, analysis)
            })
            .collect();
        let lib = Library::open(&path).unwrap();
        assert_eq!(lib.add(&prepared).unwrap().0, 5);
        (dir, path)
    }

    fn drawn(app: &App) -> String {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|frame| ui::draw(frame, app)).unwrap();
        screen(&terminal)
    }

    #[test]
    fn the_library_reader_reads_each_article_when_it_is_shown() {
        let (_dir, path) = small_library("lazy");
        let mut app = library_reader(Library::open(&path).unwrap()).unwrap();
        app.update(Action::Resize(120, 40));
        assert_eq!(app.collection().len(), 5);
        assert_eq!(app.headlines().listed(), &[0, 1, 2, 3, 4]);
        let screen = drawn(&app);
        assert!(
            screen.contains("Pilots in Rotterdam walked out"),
            "{screen}"
        );
        assert!(
            screen.contains("Tulip prices fall"),
            "every headline is listed"
        );
        assert!(
            (1..5).all(|i| app.collection().article(i).is_none()),
            "only the shown article is loaded"
        );
        assert!(app.current_analysis().is_some(), "with its stored analysis");
        // While idle, the event loop reads the neighbours (here: the next one) once.
        assert!(app.needs_prefetch());
        assert!(!app.update(Action::Prefetch), "nothing to redraw");
        assert!(app.collection().is_loaded(1) && !app.collection().is_loaded(2));
        assert!(!app.needs_prefetch());
        app.update(Action::Down);
        let screen = drawn(&app);
        assert!(
            screen.contains("The lamp at Texel is lit again"),
            "{screen}"
        );
        assert!(
            !screen.contains("Pilots in Rotterdam walked out"),
            "{screen}"
        );
        app.update(Action::Up);
        assert!(drawn(&app).contains("Pilots in Rotterdam walked out"));
        // The marks go to the library like any other.
        app.update(Action::ToggleStar);
        assert_eq!(
            app.take_writes(),
            vec![Write::Starred(app.collection().ids()[0], true)]
        );
        assert_eq!(app.collection().unread_starred(), (5, 1));
    }

    #[test]
    fn n_f_and_c_reach_library_articles_never_loaded() {
        let (_dir, path) = small_library("lazy-index");
        let mut app = library_reader(Library::open(&path).unwrap()).unwrap();
        let (tx, rx) = mpsc::channel();
        app.set_searcher(spawn_searcher(path.clone(), tx).unwrap());
        app.update(Action::Resize(120, 40));
        // Follow Anna de Vries from the entity pane of the first article.
        app.update(Action::FocusNext);
        app.update(Action::FocusNext);
        for _ in 0..10 {
            if app.followed_name().as_deref() == Some("Anna de Vries") {
                break;
            }
            app.update(Action::Down);
        }
        assert_eq!(app.followed_name().as_deref(), Some("Anna de Vries"));
        assert!(app.collection().article(4).is_none(), "not loaded yet");
        // n past her last mention here: on to the last article, read from the library.
        for _ in 0..5 {
            app.update(Action::NextMention);
            if app.current_index() == Some(4) {
                break;
            }
        }
        assert_eq!(app.current_index(), Some(4));
        let screen = drawn(&app);
        assert!(
            screen.contains("Dock workers joined the strike"),
            "{screen}"
        );
        assert!(
            app.message()
                .is_some_and(|m| m.text().contains("next article mentioning them")),
            "{:?}",
            app.message()
        );
        // f: the articles mentioning her, from the library's entity index.
        app.update(Action::ToggleFilter);
        assert_eq!(app.headlines().listed(), &[0, 4]);
        assert!(drawn(&app).contains("2 articles mention Anna de Vries"));
        app.update(Action::ToggleFilter);
        assert_eq!(app.headlines().listed().len(), 5);
        // c: the library's entities, answered by the query thread; Enter on one only the
        // fourth article mentions opens it.
        assert!(app.collection().article(3).is_none(), "not loaded yet");
        app.update(Action::ToggleCorpus);
        let msg = rx.recv_timeout(Duration::from_secs(10)).expect("an answer");
        let Msg::Action(answer @ Action::CorpusFound { .. }) = msg else {
            panic!("{msg:?}");
        };
        app.update(answer);
        let rows = app.side().corpus().rows().to_vec();
        assert!(
            rows.iter()
                .any(|r| r.name == "Anna de Vries" && r.articles == 2)
        );
        let jansen = rows
            .iter()
            .position(|r| r.name == "Pieter Jansen")
            .expect("Pieter Jansen is in the corpus view");
        app.update(Action::Top);
        for _ in 0..jansen {
            app.update(Action::Down);
        }
        app.update(Action::Open);
        assert_eq!(app.current_index(), Some(3));
        let screen = drawn(&app);
        assert!(
            screen.contains("The ferry to Vlieland runs later"),
            "{screen}"
        );
    }

    #[test]
    fn the_headline_search_narrows_when_its_answer_arrives_and_stale_answers_are_dropped() {
        use crate::app::collection::Request;
        let (_dir, path) = small_library("lazy-search");
        let mut app = library_reader(Library::open(&path).unwrap()).unwrap();
        let sent = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let to = sent.clone();
        app.set_searcher(Box::new(move |r| to.borrow_mut().push(r)));
        app.update(Action::Resize(120, 40));
        let ids = app.collection().ids().to_vec();
        app.update(Action::Search);
        app.update(Action::QueryInput('d'));
        app.update(Action::QueryInput('o'));
        assert_eq!(
            *sent.borrow(),
            vec![
                Request::Search {
                    request: 1,
                    typed: "d".into()
                },
                Request::Search {
                    request: 2,
                    typed: "do".into()
                }
            ],
            "every keystroke asks the query thread; nothing runs here"
        );
        assert_eq!(app.headlines().listed().len(), 5, "until the answer comes");
        // The answer to "d" comes after "o" was typed: stale, dropped.
        let found = |request, of: &[usize]| Action::Found {
            request,
            ids: Ok(of.iter().map(|&i| ids[i]).collect()),
        };
        assert!(!app.update(found(1, &[0, 4])));
        assert_eq!(app.headlines().listed().len(), 5);
        assert!(app.update(found(2, &[4])));
        assert_eq!(app.headlines().listed(), &[4]);
        assert!(drawn(&app).contains("Dock workers joined the strike"));
        // Esc restores the list; a late answer does not narrow it again.
        app.update(Action::QueryCancel);
        assert_eq!(app.headlines().listed().len(), 5);
        app.update(found(2, &[4]));
        assert_eq!(app.headlines().listed().len(), 5);
        // A failed search says so.
        app.update(Action::Search);
        app.update(Action::QueryInput('x'));
        app.update(Action::Found {
            request: 3,
            ids: Err("disk I/O error".into()),
        });
        assert!(app.message().is_some_and(
            |m| m.level() == crate::app::Level::Problem && m.text().contains("disk I/O error")
        ));
    }

    #[test]
    fn enter_before_the_search_answers_says_so_and_the_answer_gives_the_count() {
        let (_dir, path) = small_library("lazy-count");
        let mut app = library_reader(Library::open(&path).unwrap()).unwrap();
        app.set_searcher(Box::new(|_| {}));
        app.update(Action::Resize(120, 40));
        let ids = app.collection().ids().to_vec();
        app.update(Action::Search);
        app.update(Action::QueryInput('d'));
        app.update(Action::QueryInput('o'));
        app.update(Action::QueryKeep);
        let screen = drawn(&app);
        assert!(
            screen.contains("searching the library for “do”…"),
            "no count before the answer: {screen}"
        );
        assert!(!screen.contains("articles match"), "{screen}");
        app.update(Action::Found {
            request: 2,
            ids: Ok(vec![ids[4]]),
        });
        let screen = drawn(&app);
        assert!(screen.contains("1 article matches “do”"), "{screen}");
        assert!(
            screen.contains("Dock workers joined the strike"),
            "{screen}"
        );
    }

    #[test]
    fn a_quote_jump_past_the_last_quote_reaches_a_library_article_never_loaded() {
        let (_dir, path) = small_library("lazy-quotes");
        let mut app = library_reader(Library::open(&path).unwrap()).unwrap();
        app.update(Action::Resize(120, 40));
        app.update(Action::Down);
        app.update(Action::Down);
        assert_eq!(app.current_index(), Some(2));
        assert!(app.collection().article(3).is_none(), "not loaded yet");
        app.update(Action::NextQuote);
        assert_eq!(app.current_index(), Some(3), "{:?}", app.message());
        assert!(drawn(&app).contains("We will sail at noon"));
    }

    #[test]
    fn the_watcher_reads_new_articles_a_batch_at_a_time() {
        let dir = temp_lib("batches");
        let lib = Library::open(&dir.0.join("library.sqlite")).unwrap();
        let prepared: Vec<_> = (0..ARRIVED_BATCH + 1)
            .flat_map(|i| {
                let text = format!("Headline {i}\n\nBody {i}.");
                crate::article::parse(&format!("{i}.txt"), text.as_bytes()).articles
            })
            .map(|a| crate::library::Prepared::with_analysis(a, analysis::Analysis::default()))
            .collect();
        lib.add(&prepared).unwrap();
        let first = arrived(&lib, 0).unwrap();
        assert_eq!(first.len(), ARRIVED_BATCH);
        let last = first.iter().map(|r| r.headline.id).max().unwrap();
        let rest = arrived(&lib, last).unwrap();
        assert_eq!(rest.len(), 1);
        assert!(rest[0].headline.id > last);
        assert!(arrived(&lib, rest[0].headline.id).unwrap().is_empty());
    }
}
