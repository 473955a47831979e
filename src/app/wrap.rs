//! The body of an article laid out for one width: wrapped lines of pieces that remember which bytes
//! of `Article::text` they show, so highlights (spans) map onto (line, column) ranges without
//! re-wrapping. Computed once per (article, width) by `update`; drawing only reads it.

use crate::article::sanitize::inert;
use crate::article::{Article, Block, BlockKind, Span};
use std::borrow::Cow;
use std::sync::Arc;

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

/// A stretch of the body laid out as a unit. Width-independent, so an article's plan is made
/// once and reused for every width.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    /// Whole blocks: each one's lines, the meta line after the headline, and the blank line after
    /// every block but the article's last.
    Blocks(std::ops::Range<usize>),
    /// One chunk (`span`, bytes of `Article::text`) of a giant block; the first chunk carries the
    /// block's label, the last one the meta and blank lines after the block.
    Chunk {
        block: usize,
        span: Span,
        first: bool,
        last: bool,
    },
}

/// A part and the text it covers: `at` is where its first line starts (or would), `bytes` how much
/// text it holds (for an estimate of its lines before it is wrapped).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Planned {
    part: Part,
    at: usize,
    bytes: usize,
}

/// Articles up to this size are wrapped whole at once, as one part. Longer ones are cut into parts
/// of about `CHUNK` bytes, wrapped lazily: those on screen first, the rest a step at a time.
pub const LAZY_FROM: usize = 4 * CHUNK;

/// The wrapped body of one article at one width. Lines are in text order: their `src.start`
/// ascend, so a byte offset finds its line by binary search.
///
/// A long article is wrapped in parts, on demand (`wrap_part`), so a new width costs only what is
/// on screen; a part not wrapped yet counts as an estimate of its lines, and `line` returns `None`
/// for them. `BodyView` keeps the lines shown wrapped and the first line shown in place as
/// estimates turn into real counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub article: usize,
    pub width: u16,
    /// The article's blocks as laid out: a dateline opening a paragraph runs into it.
    blocks: Arc<[Block]>,
    plan: Arc<[Planned]>,
    /// The lines of each part, once wrapped.
    parts: Vec<Option<Vec<BodyLine>>>,
    /// `first[p]`: the index of part `p`'s first line (`first[parts]` is the line count), counting
    /// estimates for parts not wrapped yet.
    first: Vec<usize>,
    /// Parts not wrapped yet.
    pending: usize,
}

impl Wrapped {
    pub fn new(index: usize, article: &Article, width: u16) -> Self {
        let blocks: Arc<[Block]> = run_in_datelines(article).into();
        let plan = plan(article, &blocks);
        Self::with_plan(index, article, width, blocks, plan)
    }

    /// Nothing of article `index` (its body has no room yet).
    pub fn empty(index: usize) -> Self {
        Wrapped {
            article: index,
            ..Self::default()
        }
    }

    /// The same article at another width, reusing its plan.
    pub fn at_width(&self, article: &Article, width: u16) -> Self {
        Self::with_plan(
            self.article,
            article,
            width,
            self.blocks.clone(),
            self.plan.clone(),
        )
    }

    fn with_plan(
        index: usize,
        article: &Article,
        width: u16,
        blocks: Arc<[Block]>,
        plan: Arc<[Planned]>,
    ) -> Self {
        let cols = usize::from(width.max(1));
        let mut w = Wrapped {
            article: index,
            width,
            parts: vec![None; plan.len()],
            first: Vec::with_capacity(plan.len() + 1),
            pending: plan.len(),
            blocks,
            plan,
        };
        w.recount();
        if article.text.len() <= LAZY_FROM {
            for p in 0..w.plan.len() {
                w.lay_out(article, p, cols);
            }
            w.recount();
        }
        w
    }

    /// Line counts (estimates for parts not wrapped) into `first`.
    fn recount(&mut self) {
        let cols = usize::from(self.width.max(1));
        self.first.clear();
        let mut n = 0;
        for (planned, lines) in self.plan.iter().zip(&self.parts) {
            self.first.push(n);
            n += match lines {
                Some(lines) => lines.len(),
                None => planned.bytes / cols + 2,
            };
        }
        self.first.push(n);
    }

    fn lay_out(&mut self, article: &Article, p: usize, cols: usize) {
        let (Some(planned), Some(slot)) = (self.plan.get(p), self.parts.get_mut(p)) else {
            return;
        };
        if slot.is_some() {
            return;
        }
        let mut lines = Vec::new();
        let all = &self.blocks;
        match &planned.part {
            Part::Blocks(blocks) => {
                for b in blocks.clone() {
                    lay_out_block(&mut lines, article, all, b, None, cols);
                    after_block(&mut lines, article, all, b);
                }
            }
            Part::Chunk {
                block,
                span,
                first,
                last,
            } => {
                lay_out_block(
                    &mut lines,
                    article,
                    all,
                    *block,
                    Some((*span, *first)),
                    cols,
                );
                if *last {
                    after_block(&mut lines, article, all, *block);
                }
            }
        }
        *slot = Some(lines);
        self.pending -= 1;
    }

    /// Wraps part `p` if it is not yet; says whether it was not. Line indices after it shift by
    /// the difference between its estimate and its real count.
    pub fn wrap_part(&mut self, article: &Article, p: usize) -> bool {
        if self.parts.get(p).is_none_or(Option::is_some) {
            return false;
        }
        self.lay_out(article, p, usize::from(self.width.max(1)));
        self.recount();
        true
    }

    /// Whether some part is not wrapped yet.
    pub fn is_partial(&self) -> bool {
        self.pending > 0
    }

    /// The first part not wrapped yet.
    pub fn next_pending(&self) -> Option<usize> {
        self.parts.iter().position(Option::is_none)
    }

    /// The part line `line` is in and its index there.
    pub fn part_of_line(&self, line: usize) -> Option<(usize, usize)> {
        if line >= self.len() {
            return None;
        }
        let p = self.first.partition_point(|&f| f <= line).checked_sub(1)?;
        Some((p, line - self.first.get(p)?))
    }

    /// The index of line `local` of part `p` (its last line if it has fewer).
    pub fn line_in_part(&self, p: usize, local: usize) -> usize {
        let (Some(&first), Some(&next)) = (self.first.get(p), self.first.get(p + 1)) else {
            return self.len().saturating_sub(1);
        };
        if next > first {
            first + local.min(next - first - 1)
        } else {
            first.saturating_sub(1)
        }
    }

    /// The part that holds byte `offset` of the text.
    pub fn part_of_byte(&self, offset: usize) -> usize {
        self.plan
            .partition_point(|p| p.at <= offset)
            .saturating_sub(1)
    }

    /// The lines of part `p`, once wrapped.
    pub fn part_lines(&self, p: usize) -> Option<&[BodyLine]> {
        self.parts.get(p)?.as_deref()
    }

    /// The index of part `p`'s first line.
    pub fn first_line(&self, p: usize) -> usize {
        self.first.get(p).copied().unwrap_or(0)
    }

    /// The bytes of the text part `p` may show: from where it starts to where the next starts.
    pub fn part_span(&self, p: usize) -> Span {
        let start = if p == 0 {
            0
        } else {
            self.plan.get(p).map_or(usize::MAX, |p| p.at)
        };
        let end = self.plan.get(p + 1).map_or(usize::MAX, |p| p.at);
        Span::new(start, end)
    }

    /// Bytes of text in part `p`.
    pub fn part_bytes(&self, p: usize) -> usize {
        self.plan.get(p).map_or(0, |p| p.bytes)
    }

    /// How many parts there are.
    pub fn part_count(&self) -> usize {
        self.plan.len()
    }

    /// Lines in all (estimated for parts not wrapped yet).
    pub fn len(&self) -> usize {
        self.first.last().copied().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Line `i`, if its part is wrapped.
    pub fn line(&self, i: usize) -> Option<&BodyLine> {
        let (p, local) = self.part_of_line(i)?;
        self.parts.get(p)?.as_ref()?.get(local)
    }

    /// The wrapped lines in order (every line, once the article is wrapped whole).
    pub fn lines(&self) -> impl Iterator<Item = &BodyLine> {
        self.parts.iter().flatten().flatten()
    }

    /// The first source byte line `line` shows (for a line without text, where the text before
    /// it ended); for a line not wrapped yet, where its part starts.
    pub fn start_of(&self, line: usize) -> Option<usize> {
        match self.line(line) {
            Some(l) => Some(l.src.start),
            None => {
                let (p, _) = self.part_of_line(line)?;
                self.plan.get(p).map(|p| p.at)
            }
        }
    }

    /// The line that shows byte `offset` (the last line starting at or before it); for an offset
    /// in a part not wrapped yet, that part's first line.
    pub fn line_of(&self, offset: usize) -> usize {
        let p = self.part_of_byte(offset);
        let Some(Some(lines)) = self.parts.get(p) else {
            return self.first.get(p).copied().unwrap_or(0);
        };
        let first = self.first.get(p).copied().unwrap_or(0);
        match lines.partition_point(|l| l.src.start <= offset) {
            // Before the part's first line (white space the wrap dropped): the line before.
            0 => first.saturating_sub(1),
            n => first + n - 1,
        }
    }

    /// Lines whose text overlaps `span`, as a range of line indices.
    pub fn lines_of(&self, span: Span) -> std::ops::Range<usize> {
        if self.is_empty() {
            return 0..0;
        }
        let first = self.line_of(span.start);
        let p = self.part_of_byte(span.end.saturating_sub(1).max(span.start));
        let last = match self.parts.get(p) {
            Some(Some(lines)) => {
                self.first.get(p).copied().unwrap_or(0)
                    + lines.partition_point(|l| l.src.start < span.end)
            }
            _ => self.first.get(p + 1).copied().unwrap_or(0),
        };
        first..last.max(first + 1)
    }
}

/// The article cut into parts: whole for a short article; else runs of blocks of about `CHUNK`
/// bytes, and each giant block in its chunks.
fn plan(article: &Article, blocks: &[Block]) -> Arc<[Planned]> {
    let n = blocks.len();
    if article.text.len() <= LAZY_FROM {
        let at = blocks.first().map_or(0, |b| b.span.start);
        return Arc::from([Planned {
            part: Part::Blocks(0..n),
            at,
            bytes: article.text.len(),
        }]);
    }
    let mut plan = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // (first block, at, bytes)
    for (b, block) in blocks.iter().enumerate() {
        let len = block.span.end.saturating_sub(block.span.start);
        if len > CHUNK {
            if let Some((from, at, bytes)) = run.take() {
                plan.push(Planned {
                    part: Part::Blocks(from..b),
                    at,
                    bytes,
                });
            }
            let Some(raw) = article.text.get(block.span.start..block.span.end) else {
                continue;
            };
            let shown = inert(raw);
            let cuts: Vec<(usize, usize)> = chunks(&shown).map(|(at, c)| (at, c.len())).collect();
            let count = cuts.len();
            for (i, (at, len)) in cuts.into_iter().enumerate() {
                let start = block.span.start + at;
                plan.push(Planned {
                    part: Part::Chunk {
                        block: b,
                        span: Span::new(start, start + len),
                        first: i == 0,
                        last: i + 1 == count,
                    },
                    at: start,
                    bytes: len,
                });
            }
            continue;
        }
        let (from, at, bytes) = run.get_or_insert((b, block.span.start, 0));
        *bytes += len;
        if *bytes >= CHUNK {
            let (from, at, bytes) = (*from, *at, *bytes);
            plan.push(Planned {
                part: Part::Blocks(from..b + 1),
                at,
                bytes,
            });
            run = None;
        }
    }
    if let Some((from, at, bytes)) = run {
        plan.push(Planned {
            part: Part::Blocks(from..n),
            at,
            bytes,
        });
    }
    plan.into()
}

/// The lines of block `b` (or of one chunk of it: its span and whether it is the first) into `out`.
fn lay_out_block(
    out: &mut Vec<BodyLine>,
    article: &Article,
    blocks: &[Block],
    b: usize,
    chunk: Option<(Span, bool)>,
    cols: usize,
) {
    let Some(block) = blocks.get(b) else {
        return;
    };
    let Some(raw) = article.text.get(block.span.start..block.span.end) else {
        return;
    };
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
    // Optimal fit and Unicode line breaking read best; a giant block (a 50 MB one-line file)
    // wraps first-fit at spaces, in chunks, so it stays fast and small.
    let giant = raw.len() > CHUNK;
    // The text laid out here: the whole block, or one chunk of it (from `base`, within the block).
    let (base, region) = match chunk {
        None => (0, Some(raw)),
        Some((span, _)) => {
            let from = span.start.saturating_sub(block.span.start);
            let to = span.end.saturating_sub(block.span.start);
            (from, raw.get(from..to))
        }
    };
    let Some(raw) = region else {
        return;
    };
    let shown = inert(raw);
    let replaced = matches!(shown, Cow::Owned(_));
    let pieces: Vec<(usize, &str)> = match chunk {
        None => chunks(&shown).collect(),
        Some(_) => vec![(0, &*shown)],
    };
    let mut i = usize::from(chunk.is_some_and(|(_, first)| !first));
    for (chunk_start, chunk) in pieces {
        let mut options =
            textwrap::Options::new(wrap_width).word_splitter(textwrap::WordSplitter::NoHyphenation);
        if giant {
            options = options
                .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
                .word_separator(textwrap::WordSeparator::AsciiSpace);
        }
        let mut cursor = 0usize;
        for line in textwrap::wrap(chunk, options) {
            let off = chunk_start + offset_in(chunk, &line, cursor);
            cursor = off - chunk_start + line.len();
            let start = block.span.start + base + off;
            let src = Span::new(start, start + line.len());
            // Keep a copy only when the source bytes are not fit to show as they are
            // (a soft line break, a control character made inert).
            let differs = replaced && raw.get(off..off + line.len()) != Some(&*line);
            let shows_label = !label.is_empty() && (i == 0 || block.kind == BlockKind::Blockquote);
            out.push(BodyLine {
                kind,
                label: if shows_label { label } else { "" },
                src,
                text: differs.then(|| line.into_owned().into_boxed_str()),
            });
            i += 1;
        }
    }
}

/// After block `b`: the meta line under the headline (outlet, author, date: the body pane draws
/// `body::meta_text` on it, as it needs the clock to show the date in local time), and a blank
/// line unless it is the last.
fn after_block(out: &mut Vec<BodyLine>, article: &Article, blocks: &[Block], b: usize) {
    let Some(block) = blocks.get(b) else {
        return;
    };
    if block.kind == BlockKind::Headline {
        let meta = super::body::meta_text_with(article, |_| "date".into());
        if !meta.is_empty() {
            push_empty(out, block.span.end, LineKind::Meta, None);
        }
    }
    if b + 1 < blocks.len() {
        push_empty(out, block.span.end, LineKind::Blank, None);
    }
}

/// A line without article text, placed at the end of the text before it (`fallback` when the
/// part has no line yet).
fn push_empty(out: &mut Vec<BodyLine>, fallback: usize, kind: LineKind, text: Option<String>) {
    let at = out.last().map_or(fallback, |l| l.src.end);
    out.push(BodyLine {
        kind,
        label: "",
        src: Span::new(at, at),
        text: text.map(String::into_boxed_str),
    });
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
        let kinds: Vec<LineKind> = w.lines().map(|l| l.kind).take(3).collect();
        assert_eq!(
            kinds,
            [LineKind::Headline, LineKind::Headline, LineKind::Blank]
        );
        for line in w.lines() {
            assert_eq!(line.text, None, "clean text is not copied");
            assert!(width(line.text(text)) <= 12);
        }
        let eight = text.find("eight").unwrap_or(0);
        let l = w.line_of(eight);
        assert!(w.line(l).unwrap().text(text).contains("eight"));
        // An offset in the last line of a paragraph is not taken for the blank line after it.
        let l = w.line_of(5);
        assert_eq!(w.line(l).unwrap().kind, LineKind::Headline);
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
        let shown: Vec<&str> = w.lines().map(|l| l.text(text)).collect();
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
        assert_eq!(w.len(), 1);
        assert_eq!(w.line(0).unwrap().text(text), "One two ?[2J three");
        assert_eq!(w.line(0).unwrap().src, Span::new(0, text.len()));
    }

    #[test]
    fn wide_characters_wrap_by_display_width() {
        let text = "新闻新闻新闻新闻新闻 emoji 🎉🎉🎉🎉";
        let a = article(text, vec![Block::new(BlockKind::Paragraph, 0, text.len())]);
        let w = Wrapped::new(0, &a, 8);
        assert!(w.len() > 3);
        for line in w.lines() {
            let shown = line.text(text);
            assert!(width(shown) <= 8, "{shown:?} is {} wide", width(shown));
        }
    }

    #[test]
    fn a_giant_one_line_block_wraps_in_chunks_without_losing_bytes() {
        let word = "lorem ipsum dolor sit amet ";
        let text = word.repeat(20_000) + &"x".repeat(70_000);
        let a = article(&text, vec![Block::new(BlockKind::Paragraph, 0, text.len())]);
        let mut w = Wrapped::new(0, &a, 80);
        while let Some(p) = w.next_pending() {
            w.wrap_part(&a, p);
        }
        let mut next = 0;
        for line in w.lines() {
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

#[cfg(test)]
mod lazy_tests {
    use super::*;
    use crate::article::Block;

    /// A long article: a headline, short paragraphs, a giant one-line paragraph with a soft line
    /// break and a control character in it, a quote, more paragraphs.
    fn long_article() -> Article {
        let mut text = String::from("A headline");
        let mut blocks = vec![Block::new(BlockKind::Headline, 0, text.len())];
        let mut push = |text: &mut String, kind, body: &str| {
            text.push_str("\n\n");
            let start = text.len();
            text.push_str(body);
            blocks.push(Block::new(kind, start, text.len()));
        };
        let para = "Officials met on Monday and said the talks would go on. ".repeat(20);
        for _ in 0..300 {
            push(&mut text, BlockKind::Paragraph, &para);
        }
        let giant = "lorem ipsum dolor\nsit amet \u{7} ".repeat(30_000);
        push(&mut text, BlockKind::Paragraph, &giant);
        push(&mut text, BlockKind::Blockquote, &para);
        for _ in 0..100 {
            push(&mut text, BlockKind::Paragraph, &para);
        }
        assert!(text.len() > 2 * LAZY_FROM);
        Article {
            source: "t".into(),
            headline: "A headline".into(),
            text,
            blocks,
            outlet: Some("The Outlet".into()),
            ..Article::default()
        }
    }

    /// The same article wrapped whole, as one part.
    fn whole(article: &Article, width: u16) -> Vec<BodyLine> {
        let plan: Arc<[Planned]> = Arc::from([Planned {
            part: Part::Blocks(0..article.blocks.len()),
            at: 0,
            bytes: article.text.len(),
        }]);
        let mut w = Wrapped {
            width,
            parts: vec![None],
            blocks: article.blocks.clone().into(),
            plan,
            pending: 1,
            ..Wrapped::default()
        };
        w.recount();
        w.wrap_part(article, 0);
        w.lines().cloned().collect()
    }

    #[test]
    fn a_long_article_wrapped_in_parts_has_the_lines_of_a_whole_wrap() {
        let article = long_article();
        for width in [1, 7, 80] {
            let mut w = Wrapped::new(0, &article, width);
            assert!(w.is_partial(), "nothing wrapped up front");
            assert!(w.part_count() > 4);
            assert!(w.line(0).is_none());
            // Out of order, as a reader would: the middle first, then the end, then the rest.
            let mid = w.part_count() / 2;
            assert!(w.wrap_part(&article, mid));
            assert!(!w.wrap_part(&article, mid), "once only");
            w.wrap_part(&article, w.part_count() - 1);
            while let Some(p) = w.next_pending() {
                w.wrap_part(&article, p);
            }
            assert!(!w.is_partial());
            let lines: Vec<BodyLine> = w.lines().cloned().collect();
            assert_eq!(lines, whole(&article, width), "width {width}");
            assert_eq!(w.len(), lines.len());
            for (i, line) in lines.iter().enumerate().step_by(97) {
                assert_eq!(w.line(i), Some(line));
                if line.has_source() {
                    assert_eq!(w.line_of(line.src.start), i, "line {i} at width {width}");
                }
            }
        }
    }

    #[test]
    fn another_width_reuses_the_plan_and_short_articles_wrap_whole() {
        let article = long_article();
        let w = Wrapped::new(0, &article, 80);
        let narrow = w.at_width(&article, 40);
        assert!(Arc::ptr_eq(&w.plan, &narrow.plan));
        assert!(narrow.len() > w.len(), "estimates scale with the width");
        let text = "Short\n\nA short article.";
        let short = Article {
            text: text.into(),
            blocks: vec![
                Block::new(BlockKind::Headline, 0, 5),
                Block::new(BlockKind::Paragraph, 7, text.len()),
            ],
            ..Article::default()
        };
        let w = Wrapped::new(0, &short, 80);
        assert!(!w.is_partial());
        assert_eq!(w.len(), 3);
    }
}
