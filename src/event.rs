//! The event loop: terminal events into actions through the key map, analyses from the background
//! thread, signals; redraws only when something changed and sleeps on the channel otherwise.
//! Ctrl-Z and SIGTSTP hand the terminal back to the shell and stop the process (`JobControl`);
//! once continued, the reader takes the terminal again and redraws every cell.

use crate::analysis;
use crate::app::{Action, App};
use crate::article::Article;
use crate::ui;
use crossterm::event::{Event, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::Rect;
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
    thread::Builder::new()
        .name(ANALYSIS_THREAD.into())
        .spawn(move || {
            let n = articles.len();
            let mut done = vec![false; n];
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
                let Some(article) = articles.get(index) else {
                    break;
                };
                done[index] = true;
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    analysis::analyze(article)
                }));
                let action = match result {
                    Ok(a) => Action::Analyzed(index, a),
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
}
