//! byline: a terminal news reader that shows who is in a story and who said what.
//!
//! The analysis core (`article`, `analysis`, with `document` and `source` around it) is pure and
//! knows nothing of the terminal; `app`, `ui`, `event` and `cli` make the reader on top of it and
//! come with the default `tui` feature. `cargo build --lib --no-default-features` builds the core
//! alone, without ratatui, crossterm or clap. Lints (no unwrap/expect/panic, no unsafe) are set in
//! Cargo.toml's `[lints]`.

pub mod analysis;
#[cfg(feature = "tui")]
pub mod app;
pub mod article;
#[cfg(feature = "tui")]
pub mod cli;
#[cfg(feature = "tui")]
pub mod config;
pub mod document;
#[cfg(feature = "tui")]
pub mod effects;
#[cfg(feature = "tui")]
pub mod event;
pub mod export;
pub mod fetch;
pub mod library;
pub mod opml;
pub mod source;
#[cfg(feature = "tui")]
pub mod ui;

pub use analysis::{Analysis, Entity, EntityKind, Quote, QuoteKind, analyze};
pub use article::{Article, Block, BlockKind, Span};
pub use document::Document;
