//! The binary: parse the command line, load the sources, set up the terminal (and a panic hook and
//! signal handlers that restore it), run the reader, restore the terminal.

use byline::app::App;
use byline::cli::{Cli, Command};
use byline::event::{self, Msg};
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
    if let Err(e) = model_from_env() {
        eprintln!("byline: BYLINE_MODEL: {e}");
        return ExitCode::FAILURE;
    }
    match cli.command {
        Some(Command::Analyze { format, paths }) => {
            byline::cli::analyze(format, &paths, cli.max_bytes)
        }
        None => reader(cli.paths, cli.max_bytes),
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

/// The bundled samples, found from the source tree the binary was built in.
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/articles");

fn reader(mut paths: Vec<PathBuf>, max_bytes: u64) -> ExitCode {
    if paths.is_empty() {
        if !Path::new(SAMPLES).is_dir() {
            eprintln!(
                "byline: no articles given, and the bundled samples ({SAMPLES}) are not here.\n\
                 Usage: byline PATH...   (files, folders, or - for standard input; see byline --help)"
            );
            return ExitCode::from(2);
        }
        paths.push(PathBuf::from(SAMPLES));
    }
    if !stdout().is_terminal() {
        eprintln!(
            "byline: the reader needs a terminal; `byline analyze PATH...` prints plain output"
        );
        return ExitCode::from(2);
    }
    let loaded = source::load(&paths, max_bytes);
    if loaded.articles.is_empty() {
        for e in &loaded.errors {
            eprintln!("byline: {}: {}", e.source, e.reason);
        }
        eprintln!("byline: no article could be opened");
        return ExitCode::FAILURE;
    }
    let mut app = App::new(loaded.articles, loaded.errors);

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
    let wanted = Arc::new(AtomicUsize::new(app.current().unwrap_or(usize::MAX)));
    let started = event::spawn_analysis(app.articles.clone(), wanted.clone(), tx.clone())
        .and_then(|()| event::spawn_signals(tx.clone()));
    event::spawn_input(tx);
    let result = started.and_then(|()| event::run(&mut terminal, &mut app, &rx, &wanted));
    restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: {e}");
            ExitCode::FAILURE
        }
    }
}

fn setup() -> std::io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    Terminal::new(CrosstermBackend::new(stdout()))
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
