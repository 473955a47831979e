//! Markdown articles: `# Headline`, paragraphs, `> ` block quotes. Inline markup (emphasis,
//! links, code) is reduced to its text; images and raw HTML are dropped. The article text is
//! built from the content: one block per paragraph, blocks separated by a blank line.

use super::text::{self, Para};
use crate::article::model::{Article, Block, BlockKind, Span};
use crate::article::sanitize;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Parses a Markdown article; `md` is already decoded and cleaned.
pub(super) fn parse(source: &str, md: &str) -> Article {
    let mut b = Builder::default();
    for event in Parser::new_ext(md, Options::empty()) {
        match event {
            Event::Start(Tag::BlockQuote(_)) => {
                b.finish();
                b.quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                b.finish();
                b.quote_depth = b.quote_depth.saturating_sub(1);
            }
            Event::Start(Tag::Heading { .. }) => {
                b.finish();
                b.heading = true;
            }
            Event::Start(Tag::Image { .. }) => b.image_depth += 1,
            Event::End(TagEnd::Image) => b.image_depth = b.image_depth.saturating_sub(1),
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::TableRow,
            ) => b.finish(),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow,
            ) => b.finish(),
            Event::Text(t) | Event::Code(t) => b.push(&t),
            Event::SoftBreak => b.push(" "),
            Event::HardBreak => b.push("\n"),
            _ => {}
        }
    }
    b.finish();

    // A leading heading is the headline; otherwise the plain-text rule (first line) applies.
    let mut pre = Vec::new();
    let mut paras = b.paras.as_slice();
    let first_is_heading = b.headings.first() == Some(&0);
    if let (true, Some(first)) = (first_is_heading, paras.first()) {
        pre.push(Block {
            kind: BlockKind::Headline,
            span: first.span,
        });
        paras = &paras[1..];
    }
    let shaped = text::shape(&b.text, pre, paras, !first_is_heading);
    text::finish(source, b.text, shaped)
}

#[derive(Default)]
struct Builder {
    text: String,
    paras: Vec<Para>,
    /// Indices into `paras` of the blocks that were headings.
    headings: Vec<usize>,
    /// Start of the block being built, once it has text.
    open: Option<usize>,
    quote_depth: usize,
    image_depth: usize,
    heading: bool,
}

impl Builder {
    fn push(&mut self, s: &str) {
        if self.image_depth > 0 {
            return;
        }
        if self.open.is_none() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.open = Some(self.text.len());
        }
        // Character references can spell control characters (`&#x1b;`): clean again.
        self.text.push_str(&sanitize::clean(s));
    }

    /// Closes the block being built, if any.
    fn finish(&mut self) {
        let heading = std::mem::take(&mut self.heading);
        let Some(start) = self.open.take() else {
            return;
        };
        let span: Span = text::trim(&self.text, start, self.text.len());
        if span.is_empty() {
            // Only whitespace: drop it and its separator.
            self.text.truncate(start.saturating_sub(2));
            return;
        }
        self.text.truncate(span.end);
        if heading {
            self.headings.push(self.paras.len());
        }
        self.paras.push(Para {
            span,
            quote: self.quote_depth > 0,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::article::BlockKind;
    use crate::article::parse::parse;

    #[test]
    fn headline_paragraphs_quotes_and_inline_markup() {
        let md = "# Harbour *deal* signed\n\nBy Ana Lima\n\nPORTO, Portugal — The [port](http://x) deal\nwas **signed** on `Monday`.\n\n> \"We are ready,\" she said.\n>\n> \"Very ready.\"\n\n![a photo](p.jpg)\n\nLast paragraph.\n";
        let a = &parse("a.md", md.as_bytes()).articles[0];
        let blocks: Vec<_> = a.blocks.iter().map(|b| (b.kind, a.slice(b.span))).collect();
        assert_eq!(
            blocks,
            vec![
                (BlockKind::Headline, "Harbour deal signed"),
                (BlockKind::Byline, "By Ana Lima"),
                (BlockKind::Dateline, "PORTO, Portugal —"),
                (BlockKind::Paragraph, "The port deal was signed on Monday."),
                (BlockKind::Blockquote, "\"We are ready,\" she said."),
                (BlockKind::Blockquote, "\"Very ready.\""),
                (BlockKind::Paragraph, "Last paragraph."),
            ]
        );
        assert_eq!(a.headline, "Harbour deal signed");
        assert_eq!(a.byline.as_deref(), Some("Ana Lima"));
        assert!(a.text.starts_with("Harbour deal signed\n\nBy Ana Lima\n\n"));
    }

    #[test]
    fn character_references_cannot_smuggle_escapes() {
        let a = &parse("a.md", b"# T\n\nx&#x1b;[31my&#27;]0;t&#7;z").articles[0];
        assert!(!a.text.contains('\x1b') && !a.text.contains('\x07'));
    }

    #[test]
    fn deeply_nested_quotes_do_not_crash() {
        let md = ">".repeat(10_000) + " deep";
        let p = parse("a.md", md.as_bytes());
        assert!(p.articles.len() + p.errors.len() == 1);
    }
}
