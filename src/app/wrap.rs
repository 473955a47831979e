//! The body of an article laid out for one width: wrapped lines of pieces that remember which bytes
//! of `Article::text` they show, so highlights (spans) map onto (line, column) ranges without
//! re-wrapping. Computed once per (article, width) by `update`; drawing only reads it.

use crate::article::{Article, BlockKind, Span};
use std::borrow::Cow;

/// Replaces anything that could act on a terminal (C0/C1 controls, DEL, bidi overrides and
/// isolates) with an inert character of the same UTF-8 length, so byte offsets stay valid.
/// Newlines and tabs become spaces.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if needs_replacing(c) {
            out.push_str(match c.len_utf8() {
                1 if c.is_whitespace() => " ",
                1 => "?",
                2 => "·",
                _ => "\u{FFFD}",
            });
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_replacing(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
                | '\u{2028}' | '\u{2029}'
        )
}

/// How a line of the body is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Headline,
    /// "outlet · date" under the headline, when the source gives them.
    Meta,
    Dek,
    Caption,
    Credit,
    Byline,
    Dateline,
    Paragraph,
    Blockquote,
    Blank,
}

impl From<BlockKind> for LineKind {
    fn from(kind: BlockKind) -> Self {
        match kind {
            BlockKind::Headline => Self::Headline,
            BlockKind::Dek => Self::Dek,
            BlockKind::Caption => Self::Caption,
            BlockKind::Credit => Self::Credit,
            BlockKind::Byline => Self::Byline,
            BlockKind::Dateline => Self::Dateline,
            BlockKind::Paragraph => Self::Paragraph,
            BlockKind::Blockquote => Self::Blockquote,
        }
    }
}

/// A run of text on one line. `src` is the byte range of `Article::text` it shows (None for labels
/// like "Photo: "); `text` is that range made inert, the same length, so offsets carry over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub src: Option<Span>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyLine {
    pub kind: LineKind,
    pub pieces: Vec<Piece>,
}

/// The wrapped body of one article at one width.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub article: usize,
    pub width: u16,
    pub lines: Vec<BodyLine>,
    /// For each line, the first source byte it shows (for a line without text, where the text
    /// before it ended): ascending, so a byte offset finds its line by binary search.
    pub starts: Vec<usize>,
}

impl Wrapped {
    pub fn new(index: usize, article: &Article, width: u16) -> Self {
        let mut w = Wrapped {
            article: index,
            width,
            ..Self::default()
        };
        let cols = usize::from(width.max(1));
        let mut last_kind: Option<BlockKind> = None;
        for block in &article.blocks {
            let Some(raw) = article.text.get(block.span.start..block.span.end) else {
                continue;
            };
            // Blocks of one kind in a row (caption + caption) still get a blank between them;
            // only the headline's meta line is glued to it.
            if last_kind.is_some() {
                w.push(LineKind::Blank, Vec::new());
            }
            last_kind = Some(block.kind);
            let kind = LineKind::from(block.kind);
            let (prefix, indent) = match block.kind {
                BlockKind::Credit => ("Photo: ", 0),
                BlockKind::Blockquote => ("│ ", 2),
                _ => ("", 0),
            };
            let avail = cols.saturating_sub(indent).max(1);
            let shown = inert(raw);
            let wrap_width = if block.kind == BlockKind::Credit {
                avail.saturating_sub(prefix.chars().count()).max(1)
            } else {
                avail
            };
            let options = textwrap::Options::new(wrap_width)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            let mut cursor = 0usize;
            for (i, line) in textwrap::wrap(&shown, options).iter().enumerate() {
                let off = offset_in(&shown, line, cursor);
                cursor = off + line.len();
                let src = Span::new(block.span.start + off, block.span.start + off + line.len());
                let mut pieces = Vec::with_capacity(2);
                if !prefix.is_empty() && (i == 0 || block.kind == BlockKind::Blockquote) {
                    pieces.push(Piece {
                        text: prefix.to_string(),
                        src: None,
                    });
                }
                pieces.push(Piece {
                    text: line.to_string(),
                    src: Some(src),
                });
                w.push(kind, pieces);
            }
            if block.kind == BlockKind::Headline {
                let meta: Vec<&str> = [article.outlet.as_deref(), article.date.as_deref()]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.trim().is_empty())
                    .collect();
                if !meta.is_empty() {
                    let text = inert(&meta.join(" · ")).into_owned();
                    w.push(LineKind::Meta, vec![Piece { text, src: None }]);
                }
            }
        }
        w
    }

    fn push(&mut self, kind: LineKind, pieces: Vec<Piece>) {
        // A line without text starts where the text before it ended, so that an offset inside
        // the previous line never resolves to it.
        let start = pieces
            .iter()
            .find_map(|p| p.src.map(|s| s.start))
            .or_else(|| {
                self.lines
                    .last()
                    .and_then(|l| l.pieces.iter().rev().find_map(|p| p.src.map(|s| s.end)))
            })
            .or_else(|| self.starts.last().copied())
            .unwrap_or(0);
        self.starts.push(start);
        self.lines.push(BodyLine { kind, pieces });
    }

    /// The line that shows byte `offset` (the last line starting at or before it).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Lines whose text overlaps `span`, as a range of line indices.
    pub fn lines_of(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.line_of(span.start);
        let mut last = first;
        while last + 1 < self.lines.len() && self.starts[last + 1] < span.end {
            last += 1;
        }
        first..last + 1
    }
}

/// Where `line` (a wrapped line of `text`) starts in `text`. textwrap borrows lines from its input
/// when no indent or hyphen is added, so the pointer difference is exact; the search is a fallback.
fn offset_in(text: &str, line: &str, cursor: usize) -> usize {
    let base = text.as_ptr() as usize;
    let p = line.as_ptr() as usize;
    if p >= base && p + line.len() <= base + text.len() {
        return p - base;
    }
    text.get(cursor..)
        .and_then(|rest| rest.find(line))
        .map_or(cursor, |i| cursor + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Block;

    fn article(text: &str, blocks: Vec<Block>) -> Article {
        Article {
            source: "t".into(),
            headline: "H".into(),
            text: text.into(),
            blocks,
            ..Article::default()
        }
    }

    #[test]
    fn inert_keeps_length_and_removes_escapes() {
        let s = "a\x1b[2Jb\u{9b}c\u{202e}d\x07\ne";
        let out = inert(s);
        assert_eq!(out.len(), s.len());
        assert!(!out.chars().any(needs_replacing));
        assert_eq!(out, "a?[2Jb·c\u{FFFD}d? e");
    }

    #[test]
    fn wrapped_pieces_point_at_their_source_bytes() {
        let text = "Headline here\n\nOne two three four five six seven eight nine ten.";
        let a = article(
            text,
            vec![
                Block::new(BlockKind::Headline, 0, 13),
                Block::new(BlockKind::Paragraph, 15, text.len()),
            ],
        );
        let w = Wrapped::new(0, &a, 12);
        // "Headline here" needs two lines at 12 columns, then a blank line sets it apart.
        let kinds: Vec<LineKind> = w.lines.iter().map(|l| l.kind).take(3).collect();
        assert_eq!(
            kinds,
            [LineKind::Headline, LineKind::Headline, LineKind::Blank]
        );
        for line in &w.lines {
            for p in &line.pieces {
                if let Some(src) = p.src {
                    assert_eq!(src.slice(text), p.text);
                }
            }
            assert!(
                line.pieces
                    .iter()
                    .map(|p| unicode_width::UnicodeWidthStr::width(p.text.as_str()))
                    .sum::<usize>()
                    <= 12
            );
        }
        let eight = text.find("eight").unwrap_or(0);
        let l = w.line_of(eight);
        assert!(w.lines[l].pieces[0].text.contains("eight"));
    }

    #[test]
    fn wide_characters_wrap_by_display_width() {
        let text = "新闻新闻新闻新闻新闻 emoji 🎉🎉🎉🎉";
        let a = article(text, vec![Block::new(BlockKind::Paragraph, 0, text.len())]);
        let w = Wrapped::new(0, &a, 8);
        for line in &w.lines {
            let width: usize = line
                .pieces
                .iter()
                .map(|p| unicode_width::UnicodeWidthStr::width(p.text.as_str()))
                .sum();
            assert!(width <= 8, "{:?} is {} wide", line, width);
        }
    }

    #[test]
    fn a_span_over_several_lines_finds_them_all() {
        let text = "aaa bbb ccc ddd eee fff";
        let a = article(text, vec![Block::new(BlockKind::Paragraph, 0, text.len())]);
        let w = Wrapped::new(0, &a, 7);
        let r = w.lines_of(Span::new(4, 19));
        assert_eq!(r, 0..3);
    }
}
