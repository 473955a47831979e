//! The parsed article: its text and the blocks (headline, dek, caption, paragraphs…) that divide it.
//! Every position is a `Span` of UTF-8 byte offsets into `Article::text`.

use serde::{Deserialize, Serialize};

/// A byte range `start..end` into an article's text. Always on char boundaries.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn contains_offset(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers, or "" when it does not fit `text` (never panics).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// What a block of the article is, in the reader's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Headline,
    /// A standfirst or caption title: a short line under the headline.
    Dek,
    /// A photo caption (without its credit).
    Caption,
    /// A photo credit ("Nicolas Asfouri - Pool/Getty Images").
    Credit,
    Byline,
    Dateline,
    Paragraph,
    /// A quoted block (Markdown `> `), shown as a quotation.
    Blockquote,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    #[serde(flatten)]
    pub span: Span,
}

impl Block {
    pub const fn new(kind: BlockKind, start: usize, end: usize) -> Self {
        Self {
            kind,
            span: Span::new(start, end),
        }
    }
}

/// One article, as parsed from a source. `text` is the source text after decoding and cleaning
/// (BOM removed, CRLF turned into LF, control characters and escape sequences removed); for a
/// clean UTF-8 text file it is the file itself. Every block is a span into it, in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Where it came from: the path as given, with `#N` (1-based record number) for one record
    /// of a JSON array or JSON Lines file.
    pub source: String,
    pub headline: String,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    /// Publication date as the source writes it, when it gives one (JSON `date`/`published`, a
    /// date line of a text file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `date` understood as an instant (see `article::date`); serialized as RFC 3339 in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<jiff::Timestamp>,
    /// Outlet name when the source gives one (JSON `source`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub text: String,
    pub blocks: Vec<Block>,
}

impl Article {
    /// Fills `published` from `date` (see `article::date`); every parser calls it once its
    /// article's date is final.
    pub fn understand_date(&mut self) {
        self.published = self.date.as_deref().and_then(super::date::parse);
    }

    /// The same article with no spare capacity in its text and blocks, for keeping many in memory.
    pub fn shrunk(mut self) -> Self {
        self.text.shrink_to_fit();
        self.blocks.shrink_to_fit();
        self.headline.shrink_to_fit();
        self.source.shrink_to_fit();
        self
    }

    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Blocks of the story proper (paragraphs and block quotes), in order.
    pub fn body_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Blockquote))
    }

    /// Number of whitespace-separated words in the text.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}
