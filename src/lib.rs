//! byline: a terminal news reader that shows who is in a story and who said what.
//!
//! The analysis core (`article`, `analysis`) is pure and knows nothing of the terminal; `app`, `ui`
//! and `event` make the reader on top of it.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod analysis;
pub mod app;
pub mod article;
pub mod cli;
pub mod document;
pub mod event;
pub mod library;
pub mod source;
pub mod ui;

pub use analysis::{Analysis, Entity, EntityKind, Quote, QuoteKind, analyze};
pub use article::{Article, Block, BlockKind, Span};
pub use document::Document;
