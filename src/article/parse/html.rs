//! HTML to article text: one streaming pass of html5ever's tokenizer (no DOM is built), so the
//! cost is linear in the input. Used for `.html` files, feed item content, web pages (after the
//! readability extraction in `crate::fetch`) and HTML found inside JSON fields.
//!
//! - Paragraphs come from `<p>`, `<div>`, list items, headings, table rows and `<br><br>`;
//!   a single `<br>` is a line break inside the paragraph. Whitespace collapses as a browser
//!   collapses it (except inside `<pre>`).
//! - `<blockquote>` becomes a block quotation; `<figcaption>` a caption, with a credit where the
//!   markup marks one (`<cite>`, `<small>`, or a class such as `credit`/`copyright`).
//! - Character references are decoded (`&quot;` → `"`); link text is kept; images are dropped.
//! - `<script>`, `<style>`, `<nav>`, `<aside>`, `<form>`, `<footer>`, hidden elements and
//!   elements whose class or id names an ad, share bar, newsletter box or the like are dropped
//!   with everything inside them.
//!
//! The text of every block then goes through `sanitize::clean`, like every other source.

mod assemble;
mod detect;
mod elements;
mod head;
mod references;
mod walk;

pub use assemble::{article, assemble, without_headline};
pub use detect::{has_tags, looks_like_html};
pub use elements::CREDIT_CLASSES;
pub use references::decode_references;

#[cfg(test)]
use crate::article::model::{Article, BlockKind};
use crate::article::sanitize;

/// What a piece of HTML text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    /// `<h1>`…`<h6>`, with its level.
    Heading(u8),
    Paragraph,
    /// Text inside a `<blockquote>`.
    Quote,
    /// A `<figcaption>` (without its marked credit).
    Caption,
    /// The marked credit of a `<figcaption>`.
    Credit,
}

/// One block of text found in HTML, already decoded and cleaned of control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub kind: PieceKind,
    pub text: String,
}

/// Facts about a whole document, from its `<head>` (each cleaned to one line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// `<title>`.
    pub title: Option<String>,
    /// `og:title` / `twitter:title`.
    pub og_title: Option<String>,
    /// `<meta name="author">`, `article:author`.
    pub author: Option<String>,
    /// `article:published_time`, `date`, `pubdate`.
    pub published: Option<String>,
    /// `og:site_name`.
    pub site_name: Option<String>,
    /// `description` / `og:description`.
    pub description: Option<String>,
    /// `<link rel="canonical">` / `og:url`.
    pub url: Option<String>,
    /// Feeds the page advertises (`<link rel="alternate" type="application/rss+xml" href>`).
    pub feeds: Vec<String>,
}

/// What [`parse`] finds in HTML: its blocks of text in reading order and its metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html {
    pub pieces: Vec<Piece>,
    pub meta: Meta,
}

/// Splits HTML into blocks of text (see the module documentation). Never fails: any input is
/// some HTML, possibly with no text.
pub fn parse(html: &str) -> Html {
    let walked = walk::walk(html, false);
    let mut meta = walked.meta;
    meta.title = walked.title.map(|t| one_line(&t)).filter(|t| !t.is_empty());
    Html {
        pieces: walked.pieces,
        meta,
    }
}

/// The metadata of a document from its head alone (everything before `<body`), for callers
/// that already have its text another way.
pub fn parse_head(html: &str) -> Meta {
    let end = html
        .as_bytes()
        .windows(5)
        .position(|w| w.eq_ignore_ascii_case(b"<body"))
        .unwrap_or(html.len());
    parse(html.get(..end).unwrap_or(html)).meta
}

/// The text of an HTML fragment on one line: tags dropped, references decoded, whitespace
/// collapsed, control characters removed. For titles and names.
pub fn inline_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return one_line(html);
    }
    let pieces = parse(html).pieces;
    let joined: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
    one_line(&joined.join(" "))
}

/// One line, whitespace collapsed, cleaned for the terminal.
fn one_line(s: &str) -> String {
    let clean = sanitize::clean_inline(s);
    let mut out = String::with_capacity(clean.len());
    for word in clean.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(html: &str) -> Vec<(PieceKind, String)> {
        parse(html)
            .pieces
            .into_iter()
            .map(|p| (p.kind, p.text))
            .collect()
    }

    fn kinds(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, a.slice(b.span))).collect()
    }

    #[test]
    fn paragraphs_lists_headings_and_breaks() {
        let got = pieces(
            "<h2>Harbour  news</h2><p>One\n  two <a href='x'>three</a>.</p>\
             <ul><li>First</li><li>Second</li></ul>Loose text<br>next line<br><br>New para",
        );
        assert_eq!(
            got,
            vec![
                (PieceKind::Heading(2), "Harbour news".into()),
                (PieceKind::Paragraph, "One two three.".into()),
                (PieceKind::Paragraph, "First".into()),
                (PieceKind::Paragraph, "Second".into()),
                (PieceKind::Paragraph, "Loose text\nnext line".into()),
                (PieceKind::Paragraph, "New para".into()),
            ]
        );
    }

    #[test]
    fn entities_are_decoded_and_quotes_kept() {
        let got = pieces(
            "<p>&quot;We are ready,&quot; said Ana &amp; Tom &#8212; caf&eacute;.</p>\
             <blockquote><p>&ldquo;Never again.&rdquo;</p></blockquote>",
        );
        assert_eq!(
            got,
            vec![
                (
                    PieceKind::Paragraph,
                    "\"We are ready,\" said Ana & Tom — café.".into()
                ),
                (PieceKind::Quote, "“Never again.”".into()),
            ]
        );
    }

    #[test]
    fn scripts_styles_nav_ads_and_forms_are_dropped() {
        let got = pieces(
            "<nav><a>Home</a><ul><li>World</li></ul></nav>\
             <script>var x = '<p>not text</p>';</script><style>p{color:red}</style>\
             <p>Story.</p><div class='ad-slot'><p>Buy now</p><div>nested</div></div>\
             <aside>Related</aside><form><input><label>Email</label></form>\
             <div id='newsletter-box'>Sign up</div><p hidden>secret</p><p>End.</p>",
        );
        assert_eq!(
            got,
            vec![
                (PieceKind::Paragraph, "Story.".into()),
                (PieceKind::Paragraph, "End.".into()),
            ]
        );
    }

    #[test]
    fn figcaptions_become_captions_with_marked_credits() {
        let got = pieces(
            "<figure><img src='a.jpg' alt='ignored'><figcaption>The mayor in Porto. \
             <span class='credit'>Ana Lima/Northwind Photo</span></figcaption></figure>",
        );
        assert_eq!(
            got,
            vec![
                (PieceKind::Caption, "The mayor in Porto.".into()),
                (PieceKind::Credit, "Ana Lima/Northwind Photo".into()),
            ]
        );
    }

    #[test]
    fn metadata_is_read_from_the_head() {
        let doc = parse(
            "<html><head><title>Dam opens | Gazette</title>\
             <meta property='og:site_name' content='The Gazette'>\
             <meta name='author' content='Ana Lima'>\
             <meta property='article:published_time' content='2026-03-01T10:00:00Z'>\
             <link rel='canonical' href='https://example.org/dam'></head>\
             <body><p>x</p></body></html>",
        );
        assert_eq!(doc.meta.title.as_deref(), Some("Dam opens | Gazette"));
        assert_eq!(doc.meta.site_name.as_deref(), Some("The Gazette"));
        assert_eq!(doc.meta.author.as_deref(), Some("Ana Lima"));
        assert_eq!(doc.meta.published.as_deref(), Some("2026-03-01T10:00:00Z"));
        assert_eq!(doc.meta.url.as_deref(), Some("https://example.org/dam"));
        assert_eq!(doc.pieces.len(), 1);
        let head = parse_head(
            "<html><HEAD><meta name='author' content='Ana Lima'></HEAD>\
             <BODY><meta name='author' content='Not Her'><p>x</p></BODY></html>",
        );
        assert_eq!(head.author.as_deref(), Some("Ana Lima"));
    }

    #[test]
    fn a_document_becomes_an_article() {
        let html = "<html><head><title>T</title></head><body><header><a>Gazette</a></header>\
            <article><h1>Dam opens on the Douro</h1><p>By Ana Lima</p>\
            <p>PORTO, Portugal (Wire) &mdash; The dam opened on Monday.</p>\
            <figure><figcaption>The dam at dawn. <cite>Tom Berg/Wire</cite></figcaption></figure>\
            <blockquote>&quot;A great day,&quot; the mayor said.</blockquote>\
            </article></body></html>";
        let a = article("page.html", html);
        assert_eq!(a.headline, "Dam opens on the Douro");
        assert_eq!(
            kinds(&a),
            vec![
                (BlockKind::Headline, "Dam opens on the Douro"),
                (BlockKind::Byline, "By Ana Lima"),
                (BlockKind::Dateline, "PORTO, Portugal (Wire) —"),
                (BlockKind::Paragraph, "The dam opened on Monday."),
                (BlockKind::Caption, "The dam at dawn."),
                (BlockKind::Credit, "Tom Berg/Wire"),
                (BlockKind::Blockquote, "\"A great day,\" the mayor said."),
            ]
        );
        assert_eq!(a.byline.as_deref(), Some("Ana Lima"));
    }

    #[test]
    fn control_characters_from_references_are_removed() {
        let got = pieces("<p>a&#x1b;[31mb&#27;]0;t&#7;c \u{202e}d</p><h1>x\u{1b}[2Jy</h1>");
        for (_, t) in &got {
            assert!(!t.contains('\x1b') && !t.contains('\x07') && !t.contains('\u{202e}'));
        }
    }

    #[test]
    fn detection_and_inline_text() {
        assert!(looks_like_html("<p>Hi</p>"));
        assert!(looks_like_html("He said &quot;no&quot;."));
        assert!(looks_like_html("line<br/>two"));
        assert!(!looks_like_html("a < b and c > d, R&D; 5 <3"));
        assert!(!looks_like_html("AT&T said so"));
        assert_eq!(
            inline_text("Caf&eacute; <b>opens</b>\n now"),
            "Café opens now"
        );
        assert_eq!(
            decode_references("&quot;Yes,&quot; she said.\n\nNext."),
            "\"Yes,\" she said.\n\nNext."
        );
    }

    #[test]
    fn unclosed_and_broken_markup_does_not_crash() {
        for html in [
            "<p>unclosed <b>bold",
            "</p></div></blockquote>text",
            "<div class='ad'>never closed <p>hidden",
            "<script>never closed",
            "<<<>>>&&&;;;<!-- open",
            "<figcaption><cite>credit only",
            "",
        ] {
            let _ = parse(html);
            let _ = article("x.html", html);
        }
        let deep = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        assert_eq!(pieces(&deep), vec![(PieceKind::Paragraph, "deep".into())]);
    }
}
