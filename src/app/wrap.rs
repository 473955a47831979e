//! The body of an article laid out for one width: wrapped lines of pieces that remember which bytes
//! of `Article::text` they show, so highlights (spans) map onto (line, column) ranges without
//! re-wrapping. Computed once per (article, width) by `update`; drawing only reads it.

use crate::article::sanitize::inert;
use crate::article::{Article, BlockKind, Span};
use std::borrow::Cow;

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

/// One line of the body. `src` is the byte range of `Article::text` it shows (empty, at the end of
/// the text before it, for a line without article text). `text` is set only when what is shown
/// differs from the source: a synthetic line ("outlet · date"), or source text in which some
/// character had to be made inert (same length, so offsets carry over). Clean lines borrow their
/// text from the article when drawn, so a long article is not held twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyLine {
    pub kind: LineKind,
    /// Shown before the text and not part of it: "Photo: " before a credit, "│ " before a quote.
    pub label: &'static str,
    pub src: Span,
    pub text: Option<Box<str>>,
}

impl BodyLine {
    /// What the line shows after its label, given the article's text.
    pub fn text<'a>(&'a self, article_text: &'a str) -> &'a str {
        match &self.text {
            Some(t) => t,
            None => self.src.slice(article_text),
        }
    }

    /// Whether the line shows article text (and so can carry highlights).
    pub fn has_source(&self) -> bool {
        !self.src.is_empty()
    }
}

/// The wrapped body of one article at one width. Lines are in text order: their `src.start`
/// ascend, so a byte offset finds its line by binary search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub article: usize,
    pub width: u16,
    pub lines: Vec<BodyLine>,
}

impl Wrapped {
    pub fn new(index: usize, article: &Article, width: u16) -> Self {
        let mut w = Wrapped {
            article: index,
            width,
            ..Self::default()
        };
        let cols = usize::from(width.max(1));
        let mut first = true;
        for block in run_in_datelines(article) {
            let block = &block;
            let Some(raw) = article.text.get(block.span.start..block.span.end) else {
                continue;
            };
            if !first {
                w.push_empty(LineKind::Blank, None);
            }
            first = false;
            let kind = LineKind::from(block.kind);
            let (label, indent) = match block.kind {
                BlockKind::Credit => ("Photo: ", 0),
                BlockKind::Blockquote => ("│ ", 2),
                _ => ("", 0),
            };
            let avail = cols.saturating_sub(indent).max(1);
            let wrap_width = if block.kind == BlockKind::Credit {
                avail.saturating_sub(label.chars().count()).max(1)
            } else {
                avail
            };
            let shown = inert(raw);
            let replaced = matches!(shown, Cow::Owned(_));
            let mut i = 0usize;
            for (chunk_start, chunk) in chunks(&shown) {
                // Optimal fit and Unicode line breaking read best; a giant block (a 50 MB
                // one-line file) wraps first-fit at spaces, in chunks, so it stays fast and small.
                let giant = shown.len() > CHUNK;
                let mut options = textwrap::Options::new(wrap_width)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation);
                if giant {
                    options = options
                        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
                        .word_separator(textwrap::WordSeparator::AsciiSpace);
                }
                let mut cursor = 0usize;
                for line in textwrap::wrap(chunk, options) {
                    let off = chunk_start + offset_in(chunk, &line, cursor);
                    cursor = off - chunk_start + line.len();
                    let src =
                        Span::new(block.span.start + off, block.span.start + off + line.len());
                    // Keep a copy only when the source bytes are not fit to show as they are
                    // (a soft line break, a control character made inert).
                    let differs = replaced && raw.get(off..off + line.len()) != Some(&*line);
                    let shows_label =
                        !label.is_empty() && (i == 0 || block.kind == BlockKind::Blockquote);
                    w.lines.push(BodyLine {
                        kind,
                        label: if shows_label { label } else { "" },
                        src,
                        text: differs.then(|| line.into_owned().into_boxed_str()),
                    });
                    i += 1;
                }
            }
            if block.kind == BlockKind::Headline {
                // Outlet, author, date: the body pane draws `body::meta_text` on this line (it
                // needs the clock to show the date in local time).
                let meta = super::body::meta_text_with(article, |_| "date".into());
                if !meta.is_empty() {
                    w.push_empty(LineKind::Meta, None);
                }
            }
        }
        w
    }

    /// A line without article text, placed at the end of the text before it.
    fn push_empty(&mut self, kind: LineKind, text: Option<String>) {
        let at = self.lines.last().map_or(0, |l| l.src.end);
        self.lines.push(BodyLine {
            kind,
            label: "",
            src: Span::new(at, at),
            text: text.map(String::into_boxed_str),
        });
    }

    /// The first source byte line `line` shows (for a line without text, where the text before
    /// it ended).
    pub fn start_of(&self, line: usize) -> Option<usize> {
        self.lines.get(line).map(|l| l.src.start)
    }

    /// The line that shows byte `offset` (the last line starting at or before it).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.src.start <= offset)
            .saturating_sub(1)
    }

    /// Lines whose text overlaps `span`, as a range of line indices.
    pub fn lines_of(&self, span: Span) -> std::ops::Range<usize> {
        if self.lines.is_empty() {
            return 0..0;
        }
        let first = self.line_of(span.start);
        let last = self
            .lines
            .partition_point(|l| l.src.start < span.end)
            .max(first + 1);
        first..last
    }
}

/// The article's blocks, with a dateline that opens a paragraph ("ROME —", "LISBON (Reuters) —")
/// run into that paragraph, as papers print it, instead of standing on a line of its own.
fn run_in_datelines(article: &Article) -> Vec<crate::article::Block> {
    let mut out: Vec<crate::article::Block> = Vec::with_capacity(article.blocks.len());
    for block in &article.blocks {
        if block.kind == BlockKind::Paragraph
            && let Some(prev) = out.last_mut()
            && prev.kind == BlockKind::Dateline
            && block.span.start >= prev.span.end
            && article
                .text
                .get(prev.span.start..prev.span.end)
                .is_some_and(|d| d.trim_end().ends_with(['—', '–', '-']))
            && article
                .text
                .get(prev.span.end..block.span.start)
                .is_some_and(|gap| gap.trim().is_empty())
        {
            *prev =
                crate::article::Block::new(BlockKind::Paragraph, prev.span.start, block.span.end);
            continue;
        }
        out.push(*block);
    }
    out
}

/// Blocks longer than this are wrapped in pieces of about this size.
const CHUNK: usize = 64 * 1024;

/// `text` cut into chunks of about `CHUNK` bytes at spaces (or anywhere on a char boundary when a
/// chunk has no space), each with its offset.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let rest = text.get(start..)?;
        let len = if rest.len() <= CHUNK {
            rest.len()
        } else {
            let mut cut = CHUNK;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            rest.get(..cut)
                .and_then(|head| head.rfind(' '))
                .filter(|&sp| sp > 0)
                .map_or(cut, |sp| sp + 1)
        };
        let chunk = rest.get(..len)?;
        let at = start;
        start += len;
        Some((at, chunk))
    })
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

    fn width(s: &str) -> usize {
        unicode_width::UnicodeWidthStr::width(s)
    }

    #[test]
    fn wrapped_lines_point_at_their_source_bytes() {
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
            assert_eq!(line.text, None, "clean text is not copied");
            assert!(width(line.text(text)) <= 12);
        }
        let eight = text.find("eight").unwrap_or(0);
        let l = w.line_of(eight);
        assert!(w.lines[l].text(text).contains("eight"));
        // An offset in the last line of a paragraph is not taken for the blank line after it.
        let l = w.line_of(5);
        assert_eq!(w.lines[l].kind, LineKind::Headline);
    }

    #[test]
    fn a_dateline_runs_into_its_paragraph() {
        let text = "H\n\nSeptember 18, 2025\n\nROME — The pope spoke.";
        let a = article(
            text,
            vec![
                Block::new(BlockKind::Headline, 0, 1),
                Block::new(BlockKind::Dateline, 3, 21),
                Block::new(BlockKind::Dateline, 23, 23 + "ROME —".len()),
                Block::new(BlockKind::Paragraph, 24 + "ROME —".len(), text.len()),
            ],
        );
        let w = Wrapped::new(0, &a, 60);
        let shown: Vec<&str> = w.lines.iter().map(|l| l.text(text)).collect();
        // The date line stays on its own; the place opener runs into the paragraph.
        assert_eq!(
            shown,
            ["H", "", "September 18, 2025", "", "ROME — The pope spoke."]
        );
    }

    #[test]
    fn soft_line_breaks_and_escapes_are_shown_inert() {
        let text = "One\ntwo \x1b[2J three";
        let a = article(text, vec![Block::new(BlockKind::Paragraph, 0, text.len())]);
        let w = Wrapped::new(0, &a, 40);
        assert_eq!(w.lines.len(), 1);
        assert_eq!(w.lines[0].text(text), "One two ?[2J three");
        assert_eq!(w.lines[0].src, Span::new(0, text.len()));
    }

    #[test]
    fn wide_characters_wrap_by_display_width() {
        let text = "新闻新闻新闻新闻新闻 emoji 🎉🎉🎉🎉";
        let a = article(text, vec![Block::new(BlockKind::Paragraph, 0, text.len())]);
        let w = Wrapped::new(0, &a, 8);
        assert!(w.lines.len() > 3);
        for line in &w.lines {
            let shown = line.text(text);
            assert!(width(shown) <= 8, "{shown:?} is {} wide", width(shown));
        }
    }

    #[test]
    fn a_giant_one_line_block_wraps_in_chunks_without_losing_bytes() {
        let word = "lorem ipsum dolor sit amet ";
        let text = word.repeat(20_000) + &"x".repeat(70_000);
        let a = article(&text, vec![Block::new(BlockKind::Paragraph, 0, text.len())]);
        let w = Wrapped::new(0, &a, 80);
        let mut next = 0;
        for line in &w.lines {
            // Lines follow each other, skipping only the spaces the wrap dropped.
            assert!(text[next..line.src.start].trim().is_empty());
            next = line.src.end;
            assert!(width(line.text(&text)) <= 80);
        }
        assert_eq!(next, text.len());
    }

    #[test]
    fn a_span_over_several_lines_finds_them_all() {
        let text = "aaa bbb ccc ddd eee fff";
        let a = article(text, vec![Block::new(BlockKind::Paragraph, 0, text.len())]);
        let w = Wrapped::new(0, &a, 7);
        assert_eq!(w.lines_of(Span::new(4, 19)), 0..3);
        assert_eq!(w.lines_of(Span::new(8, 11)), 1..2);
        assert_eq!(Wrapped::default().lines_of(Span::new(4, 19)), 0..0);
    }
}
