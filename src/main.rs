//! The binary: parse the command line, load the sources, set up the terminal (and a panic hook and
//! signal handlers that restore it), run the reader, restore the terminal. Ctrl-Z and SIGTSTP
//! restore the terminal and stop; `fg` (SIGCONT) sets it up again (`Tty`).

use byline::app::App;
use byline::cli::{Cli, Command, ConfigAction};
use byline::event::{self, JobControl, Msg};
use byline::source;
use clap::Parser;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{IsTerminal, Stdout, stdout};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::sync::mpsc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    source::set_read_timeout(cli.read_timeout);
    if let Err(e) = model_from_env() {
        eprintln!("byline: BYLINE_MODEL: {e}");
        return ExitCode::FAILURE;
    }
    match cli.command {
        Some(Command::Analyze { format, paths }) => {
            byline::cli::analyze(format, &paths, cli.max_bytes)
        }
        Some(Command::Completions { shell }) => byline::cli::completions(shell),
        Some(Command::Man { dir }) => byline::cli::man(dir.as_deref()),
        Some(Command::Config {
            action: ConfigAction::Init { force },
        }) => byline::cli::config_init(cli.config.as_deref(), force),
        Some(command) => byline::library::cli::run(command, cli.library.as_deref(), cli.max_bytes),
        None => reader(
            cli.paths,
            cli.max_bytes,
            cli.config.as_deref(),
            cli.library.as_deref(),
        ),
    }
}

/// `BYLINE_MODEL=path` analyses with other entity-model weights than the shipped ones (for
/// cross-validation, see scripts/cross-validate); `BYLINE_MODEL=none` uses the rules alone.
fn model_from_env() -> Result<(), String> {
    let Some(path) = std::env::var_os("BYLINE_MODEL") else {
        return Ok(());
    };
    let model = if path == "none" {
        None
    } else {
        let bytes =
            std::fs::read(&path).map_err(|e| format!("{}: {e}", Path::new(&path).display()))?;
        Some(byline::analysis::learn::Model::from_bytes(&bytes)?)
    };
    byline::analysis::entities::install(model);
    Ok(())
}

/// The config for the reader: `--config`, `BYLINE_CONFIG` or the XDG file; `NO_COLOR` makes the
/// theme mono. A bad file is reported (naming the line and key) and the reader does not start.
fn prefs(flag: Option<&Path>) -> Result<byline::config::Prefs, ExitCode> {
    let env = std::env::var_os("BYLINE_CONFIG");
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let Some((path, required)) = byline::config::resolve_path(flag, env.as_deref()) else {
        let mut prefs = byline::config::Prefs::default();
        if no_color {
            prefs.theme = byline::config::theme::ThemeSpec::Mono;
        }
        return Ok(prefs);
    };
    byline::config::load(&path, required, no_color).map_err(|e| {
        eprintln!("byline: config file {e}");
        ExitCode::from(2)
    })
}

/// The articles to read: the files named, or else the library (its articles, their read and
/// star state and cached analyses), filled with the bundled samples when it is new.
enum Opened {
    Files,
    Library(byline::library::Library),
}

fn reader(
    paths: Vec<PathBuf>,
    max_bytes: u64,
    config: Option<&Path>,
    library: Option<&Path>,
) -> ExitCode {
    let prefs = match prefs(config) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let opened = if paths.is_empty() {
        // Refuse a library that is not one before anything else, so the message names it.
        match byline::library::cli::open(library) {
            Ok(lib) => Opened::Library(lib),
            Err(code) => return code,
        }
    } else {
        Opened::Files
    };
    if !stdout().is_terminal() {
        eprintln!(
            "byline: the reader needs a terminal; `byline analyze PATH...` prints plain output"
        );
        return ExitCode::from(2);
    }
    let (mut app, lib_path) = match opened {
        Opened::Files => {
            let loaded = source::load(&paths, max_bytes);
            if loaded.articles.is_empty() {
                for e in &loaded.errors {
                    eprintln!("byline: {}: {}", e.source, e.reason);
                }
                eprintln!("byline: no article could be opened");
                return ExitCode::FAILURE;
            }
            (App::new(loaded.articles, loaded.errors), None)
        }
        Opened::Library(lib) => {
            let path = lib.path().to_path_buf();
            match event::library_reader(lib) {
                Ok(app) => (app, Some(path)),
                Err(e) => {
                    eprintln!("byline: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    };
    let note = app.message().cloned();
    app.set_prefs(prefs);
    if let Some(note) = note
        && app.message().is_none()
    {
        app.update(byline::app::Action::Done(note));
    }

    install_panic_hook();
    let mut terminal = match setup() {
        Ok(t) => t,
        Err(e) => {
            restore();
            eprintln!("byline: cannot set up the terminal: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (tx, rx) = mpsc::channel::<Msg>();
    let wanted = Arc::new(AtomicUsize::new(app.current_index().unwrap_or(usize::MAX)));
    let store = lib_path
        .as_ref()
        .map(|path| event::analysis_store(path.clone(), &app));
    let mut writer = None;
    let lib_feeds = lib_path.clone();
    let mut started = event::spawn_analysis_stored(
        app.collection().articles().clone(),
        wanted.clone(),
        tx.clone(),
        store,
    )
    .and_then(|()| event::spawn_signals(tx.clone()));
    if let (Ok(()), Some(path)) = (&started, lib_path) {
        match event::spawn_searcher(path.clone(), tx.clone()) {
            Ok(searcher) => app.set_searcher(searcher),
            Err(e) => started = Err(e),
        }
        let after = app.collection().ids().last().copied().unwrap_or(0);
        if let Err(e) = event::spawn_watcher(path.clone(), after, tx.clone()) {
            started = Err(e);
        }
        match event::spawn_writer(path, tx.clone()) {
            Ok((store, handle)) => {
                app.set_store(store);
                writer = Some(handle);
            }
            Err(e) => started = Err(e),
        }
    }
    let feeds = lib_feeds.map(|library| byline::effects::Feeds { library, max_bytes });
    app.set_effect_runner(byline::effects::runner(tx.clone(), feeds));
    event::spawn_input(tx);
    let result = started.and_then(|()| event::run(&mut terminal, &mut app, &rx, &wanted, &mut Tty));
    restore();
    // The app holds the writer's end: once it is gone, the writer stores what is left and ends.
    drop(app);
    if let Some(handle) = writer {
        let _ = handle.join();
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: {e}");
            ExitCode::FAILURE
        }
    }
}

fn setup() -> std::io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enter()?;
    Terminal::new(CrosstermBackend::new(stdout()))
}

/// Raw mode, the alternate screen, mouse capture.
fn enter() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)
}

/// Job control on the real terminal.
struct Tty;

impl JobControl<CrosstermBackend<Stdout>> for Tty {
    fn suspend(&mut self, _: &mut Terminal<CrosstermBackend<Stdout>>) -> std::io::Result<()> {
        restore();
        // SIGTSTP is caught (to get here), so stop with SIGSTOP, which cannot be; `raise`
        // returns once the process is continued.
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        enter()
    }

    fn resume(&mut self, _: &mut Terminal<CrosstermBackend<Stdout>>) -> std::io::Result<()> {
        // The shell may have put the terminal back in cooked mode while the reader was stopped
        // (a SIGSTOP it could not see coming); crossterm only enables raw mode it thinks is off.
        let _ = disable_raw_mode();
        enter()
    }
}

/// Puts the terminal back as it was; safe to call more than once.
fn restore() {
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // The analysis thread catches its own panics and the reader shows them as a message.
        if std::thread::current().name() == Some(event::ANALYSIS_THREAD) {
            return;
        }
        restore();
        default(info);
        eprintln!(
            "byline crashed; the terminal has been restored. This is a bug — please report the \
             message above (run with RUST_BACKTRACE=1 to see where it happened)."
        );
        // A panic on any thread ends the reader: a loop without its input thread would hang.
        std::process::exit(101);
    }));
}
