//! Shared by the screen tests (tests/screens.rs, tests/prefs.rs): the bundled samples analysed,
//! a fixed clock, a frame drawn on ratatui's TestBackend and read back as text, and keys pressed
//! through the app's key map as the event loop delivers them.

use byline::app::{App, Clock};
use byline::document::Document;
use byline::event::to_action;
use byline::source;
use byline::ui;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

/// The bundled samples, each analysed.
pub fn samples() -> Vec<Document> {
    // Relative, so that sources (and so snapshots) do not depend on where the repo lives.
    let loaded = source::load(
        &[PathBuf::from("assets/articles")],
        source::DEFAULT_MAX_BYTES,
    );
    assert!(
        loaded.errors.is_empty(),
        "samples must open: {:?}",
        loaded.errors
    );
    assert!(
        loaded.articles.len() >= 7,
        "the bundled samples are missing"
    );
    loaded.articles.into_iter().map(Document::analyze).collect()
}

/// "Now" for the screens: three hours after a sample's time (6 Sep 2025 09:00), in UTC.
pub fn clock() -> Clock {
    let now: jiff::Timestamp = "2025-09-06T12:00:00Z".parse().unwrap();
    Clock::fixed(now, jiff::tz::TimeZone::UTC)
}

/// One frame of `app` at its screen size.
pub fn buffer(app: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(
        app.screen().width(),
        app.screen().height(),
    ))
    .unwrap();
    t.draw(|f| ui::draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

/// One frame of `app` as text, a line per row, trailing blanks trimmed.
pub fn screen(app: &App) -> String {
    let b = buffer(app);
    (0..b.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < b.area.width {
                let symbol = b[(x, y)].symbol();
                line.push_str(symbol);
                x += u16::try_from(symbol.width().max(1)).unwrap();
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A key through the app's key map, as the event loop delivers it: "Tab", "BackTab", "Enter",
/// "Esc", "Backspace", "C-u" (Ctrl-U), or one character (shifted when upper case).
pub fn press(app: &mut App, key: &str) {
    let (code, mods) = match key {
        "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
        "BackTab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "Backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
        k if k.starts_with("C-") => (
            KeyCode::Char(k.chars().nth(2).unwrap()),
            KeyModifiers::CONTROL,
        ),
        k => {
            let c = k.chars().next().unwrap();
            let m = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyCode::Char(c), m)
        }
    };
    if let Some(action) = to_action(app, &Event::Key(KeyEvent::new(code, mods))) {
        app.update(action);
    }
}

/// The body pane's text and, under a `----` line, a map of its cells, one character each from
/// `classify` (`.` for plain, trimmed at the end of each row).
pub fn body_map(app: &App, classify: impl Fn(&ratatui::buffer::Cell) -> char) -> String {
    let b = buffer(app);
    let area = byline::app::layout::body_text(app.screen().areas().body);
    let mut text = Vec::new();
    let mut map = Vec::new();
    for y in area.y..area.bottom() {
        let mut t = String::new();
        let mut m = String::new();
        let mut x = area.x;
        while x < area.right() {
            let cell = &b[(x, y)];
            x += u16::try_from(cell.symbol().width().max(1)).unwrap();
            t.push_str(cell.symbol());
            m.push(classify(cell));
        }
        text.push(t.trim_end().to_string());
        map.push(m.trim_end_matches('.').to_string());
    }
    format!("{}\n----\n{}", text.join("\n"), map.join("\n"))
}
