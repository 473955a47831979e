//! Turns the bytes of one source into articles.

use super::model::{Article, Block, BlockKind};
use super::sanitize;
use serde::Serialize;

/// A source, or one record of it, that could not be read or parsed, with the reason in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceError {
    pub source: String,
    pub reason: String,
}

/// What one source yields: its articles and the problems met (a bad JSON Lines record among
/// good ones yields both).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub errors: Vec<SourceError>,
}

/// Parses one source. `source` names it (the path as given) for `Article::source` and errors.
pub fn parse(source: &str, bytes: &[u8]) -> Parsed {
    let text = sanitize::clean(&String::from_utf8_lossy(bytes));
    let mut blocks = Vec::new();
    let mut offset = 0;
    for chunk in text.split("\n\n") {
        let start = offset + (chunk.len() - chunk.trim_start().len());
        let end = offset + chunk.trim_end().len();
        if end > start {
            let kind = if blocks.is_empty() {
                BlockKind::Headline
            } else {
                BlockKind::Paragraph
            };
            blocks.push(Block::new(kind, start, end));
        }
        offset += chunk.len() + 2;
    }
    let headline = blocks
        .first()
        .map(|b| b.span.slice(&text).to_string())
        .unwrap_or_default();
    Parsed {
        articles: vec![Article {
            source: source.to_string(),
            headline,
            text,
            blocks,
            ..Article::default()
        }],
        errors: Vec::new(),
    }
}
