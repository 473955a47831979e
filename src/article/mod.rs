//! Sources into `Article`s: format detection, parsing (plain text, Markdown, JSON, JSON Lines) and
//! cleaning of hostile text. Pure functions: bytes in, articles out; no I/O here.

pub mod date;
pub mod model;
pub mod parse;
pub mod sanitize;

pub use model::{Article, Block, BlockKind, Span};
pub use parse::{Parsed, SourceError, parse};
