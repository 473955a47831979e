//! App state: the one struct that owns the articles and the UI state; `App::update` changes it.
//! Key bindings live in one table (`keymap`); wrapping of the body is cached here (`wrap`).
//!
//! Driving the reader without a terminal (tests, benchmarks):
//!
//! ```
//! use byline::app::{Action, App};
//! use byline::document::Document;
//! use ratatui::{Terminal, backend::TestBackend};
//!
//! let text = "Kerry meets Lavrov\n\nJohn Kerry met Sergei Lavrov in Geneva.";
//! let docs: Vec<Document> = byline::article::parse("a.txt", text.as_bytes())
//!     .articles
//!     .into_iter()
//!     .map(Document::analyze)
//!     .collect();
//! // Analysed documents, laid out for a 200×60 terminal (wraps the first article).
//! let mut app = App::from_documents(docs, Vec::new(), 200, 60);
//! app.update(Action::Resize(120, 40)); // re-lays out, re-wraps only if the body width changed
//! let redraw = app.update(Action::NextMention); // any action; says whether to redraw
//! assert!(redraw);
//! let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
//! terminal.draw(|frame| byline::ui::draw(frame, &app)).unwrap();
//! ```

pub mod action;
pub mod keymap;
pub mod state;
pub mod update;
pub mod wrap;

pub use action::Action;
pub use state::{App, Overlay, Pane, SideView};

#[cfg(test)]
mod tests;
