//! Block assembly: pieces of HTML text into an `Article` (headline, dek, one block per piece),
//! shaped by the plain-text rules, with quotes, captions and credits kept as such.

use super::super::text::{self, Para};
use super::{Piece, PieceKind, one_line, parse};
use crate::article::model::{Article, Block, BlockKind, Span};

/// An article from a whole HTML document (a `.html` file, or a web page no extractor could
/// narrow down): the first `<h1>` (else `og:title`, else `<title>`) is the headline, the
/// description the dek; blocks before the `<h1>` (site banners, skip links) are dropped.
pub fn article(source: &str, html: &str) -> Article {
    let doc = parse(html);
    let mut pieces = doc.pieces;
    let h1 = pieces.iter().position(|p| p.kind == PieceKind::Heading(1));
    let headline = match h1 {
        Some(i) => {
            let h = one_line(&pieces[i].text);
            pieces.drain(..=i);
            Some(h)
        }
        None => doc.meta.og_title.clone().or(doc.meta.title.clone()),
    };
    let mut a = assemble(source, headline.as_deref(), None, &pieces);
    a.byline = a.byline.or(doc.meta.author);
    a.date = a.date.or(doc.meta.published);
    a.outlet = doc.meta.site_name;
    a.url = doc.meta.url;
    a
}

/// The pieces without a first one that only repeats the headline (feed content often opens
/// with the item's title).
pub fn without_headline<'a>(headline: Option<&str>, pieces: &'a [Piece]) -> &'a [Piece] {
    match (headline, pieces.first()) {
        (Some(h), Some(first)) if one_line(&first.text) == one_line(h) => &pieces[1..],
        _ => pieces,
    }
}

/// Builds an article from a headline, a dek and the pieces of a body, as every HTML-based
/// source does (feed items, web pages, JSON fields holding HTML): headline, blank line, dek,
/// blank line, one block per piece. The body is shaped by the same rules as plain text (a
/// leading "By …" line is a byline, "LISBON (Reuters) —" a dateline); quotes stay quotes and
/// figure captions stay captions.
pub fn assemble(
    source: &str,
    headline: Option<&str>,
    dek: Option<&str>,
    pieces: &[Piece],
) -> Article {
    let headline = headline.map(str::trim).filter(|h| !h.is_empty());
    let dek = dek.map(str::trim).filter(|d| !d.is_empty());
    let mut text = String::new();
    let add = |text: &mut String, s: &str| -> Span {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(s);
        Span::new(start, text.len())
    };
    let mut pre = Vec::new();
    if let Some(h) = headline {
        pre.push(Block {
            kind: BlockKind::Headline,
            span: add(&mut text, h),
        });
    }
    if let Some(d) = dek {
        pre.push(Block {
            kind: BlockKind::Dek,
            span: add(&mut text, d),
        });
    }
    let mut paras = Vec::with_capacity(pieces.len());
    // Spans of caption and credit pieces, to restore their kinds after shaping.
    let mut marked: Vec<(Span, PieceKind)> = Vec::new();
    for piece in pieces {
        let t = piece.text.trim();
        if t.is_empty() {
            continue;
        }
        let span = add(&mut text, t);
        paras.push(Para {
            span,
            quote: piece.kind == PieceKind::Quote,
        });
        if matches!(piece.kind, PieceKind::Caption | PieceKind::Credit) {
            marked.push((span, piece.kind));
        }
    }
    let mut shaped = text::shape(&text, pre, &paras, false);
    if !marked.is_empty() {
        for block in &mut shaped.blocks {
            let Some((_, kind)) = marked.iter().find(|(s, _)| s.contains(&block.span)) else {
                continue;
            };
            block.kind = match (kind, block.kind) {
                (PieceKind::Credit, _) => BlockKind::Credit,
                (_, BlockKind::Credit) => BlockKind::Credit,
                _ => BlockKind::Caption,
            };
        }
    }
    text::finish(source, text, shaped)
}
