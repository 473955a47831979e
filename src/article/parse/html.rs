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

use super::text::{self, Para};
use crate::article::model::{Article, Block, BlockKind, Span};
use crate::article::sanitize;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    states::RawKind,
};
use html5ever::{LocalName, local_name};
use std::cell::RefCell;

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
    let sink = run(html, false);
    let mut state = sink.0.into_inner();
    state.flush();
    state.meta.title = state
        .title
        .take()
        .map(|t| one_line(&t))
        .filter(|t| !t.is_empty());
    Html {
        pieces: state.pieces,
        meta: state.meta,
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

/// Decodes character references only, keeping the text's line structure (for a plain-text
/// field that merely escapes its quotes: `&quot;Yes,&quot; she said.`).
pub fn decode_references(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut state = run(s, true).0.into_inner();
    state.flush();
    let parts: Vec<&str> = state.pieces.iter().map(|p| p.text.as_str()).collect();
    parts.concat()
}

/// True when a string holds HTML markup: a known tag (`<p>`, `<br>`, `</div>`…) or a character
/// reference such as `&quot;`, `&amp;` or `&#8220;`.
pub fn looks_like_html(s: &str) -> bool {
    has_tags(s) || has_references(s)
}

/// True when a string holds an HTML tag byline knows (not just a `<` in prose).
pub fn has_tags(s: &str) -> bool {
    const TAGS: &[&str] = &[
        "p",
        "br",
        "div",
        "span",
        "a",
        "em",
        "strong",
        "b",
        "i",
        "ul",
        "ol",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "figure",
        "figcaption",
        "img",
        "html",
        "body",
        "section",
        "article",
        "table",
        "pre",
        "hr",
        "!--",
        "!doctype",
    ];
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(at) = s.get(from..).and_then(|r| r.find('<')) {
        let i = from + at + 1;
        let i = if bytes.get(i) == Some(&b'/') {
            i + 1
        } else {
            i
        };
        let name_end = bytes
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'!' || *b == b'-'))
            .map_or(bytes.len(), |p| i + p);
        let name = s.get(i..name_end).unwrap_or("").to_ascii_lowercase();
        let next = bytes.get(name_end).copied();
        if TAGS.contains(&name.as_str())
            && (name.starts_with('!') || matches!(next, Some(b'>' | b' ' | b'/' | b'\n' | b'\t')))
        {
            return true;
        }
        from = name_end.max(from + at + 1);
    }
    false
}

/// True when a string holds a character reference: `&name;` for a common entity, or `&#…;`.
fn has_references(s: &str) -> bool {
    const NAMES: &[&str] = &[
        "quot", "amp", "lt", "gt", "apos", "nbsp", "rsquo", "lsquo", "rdquo", "ldquo", "mdash",
        "ndash", "hellip", "eacute", "copy",
    ];
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        rest = rest.get(at + 1..).unwrap_or("");
        let end = rest
            .bytes()
            .take(12)
            .position(|b| b == b';')
            .unwrap_or(usize::MAX);
        if let Some(name) = rest.get(..end) {
            let numeric = name.strip_prefix('#').is_some_and(|n| {
                let n = n.strip_prefix(['x', 'X']).unwrap_or(n);
                !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit())
            });
            if numeric || NAMES.contains(&name) {
                return true;
            }
        }
    }
    false
}

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

/// Runs the tokenizer over `html` into a fresh sink.
fn run(html: &str, keep_whitespace: bool) -> Sink {
    let sink = Sink(RefCell::new(State {
        keep_whitespace,
        ..State::default()
    }));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    // The sink never asks to pause for a script, so one feed consumes the input.
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink
}

struct Sink(RefCell<State>);

#[derive(Default)]
struct State {
    pieces: Vec<Piece>,
    meta: Meta,
    /// The block being built.
    cur: String,
    /// The marked credit inside the current `<figcaption>`.
    credit: String,
    /// Whitespace seen since the last word.
    space: bool,
    /// `<br>`s in a row, with nothing but whitespace between them.
    brs: u8,
    /// The element being dropped with everything inside it, and how deep its kind is nested.
    skip: Option<(LocalName, u32)>,
    /// Inside `<title>`: its text, for `Meta::title`.
    in_title: bool,
    title: Option<String>,
    quote: u32,
    figcaption: u32,
    /// Inside a figcaption's credit element: its name and how deep its kind is nested.
    credit_tag: Option<(LocalName, u32)>,
    pre: u32,
    heading: u8,
    /// `decode_references`: keep every character, make no blocks.
    keep_whitespace: bool,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Ok(mut s) = self.0.try_borrow_mut() else {
            return TokenSinkResult::Continue;
        };
        match token {
            Token::CharacterTokens(t) => s.chars(&t),
            Token::TagToken(tag) => {
                if s.keep_whitespace {
                    return TokenSinkResult::Continue;
                }
                let start = tag.kind == TagKind::StartTag;
                let raw = start && !tag.self_closing;
                match tag.name {
                    local_name!("script") if raw => {
                        s.start_skip(&tag.name);
                        return TokenSinkResult::RawData(RawKind::ScriptData);
                    }
                    local_name!("style")
                    | local_name!("noscript")
                    | local_name!("iframe")
                    | local_name!("xmp")
                    | local_name!("noembed")
                    | local_name!("noframes")
                        if raw =>
                    {
                        s.start_skip(&tag.name);
                        return TokenSinkResult::RawData(RawKind::Rawtext);
                    }
                    local_name!("textarea") if raw => {
                        s.start_skip(&tag.name);
                        return TokenSinkResult::RawData(RawKind::Rcdata);
                    }
                    local_name!("title") if raw => {
                        if s.skip.is_none() {
                            s.in_title = true;
                        }
                        return TokenSinkResult::RawData(RawKind::Rcdata);
                    }
                    _ => {}
                }
                if start {
                    s.start_tag(&tag.name, &tag.attrs, tag.self_closing);
                } else {
                    s.end_tag(&tag.name);
                }
            }
            Token::NullCharacterToken
            | Token::CommentToken(_)
            | Token::DoctypeToken(_)
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

/// Elements whose content is never article text.
fn dropped(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("nav")
            | local_name!("aside")
            | local_name!("form")
            | local_name!("footer")
            | local_name!("button")
            | local_name!("select")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("template")
            | local_name!("object")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("canvas")
            | local_name!("dialog")
    )
}

/// Words in a class or id that mark page furniture rather than the story.
const FURNITURE: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "newsletter",
    "subscribe",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "comments",
    "cookie",
    "cookies",
    "paywall",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navbar",
    "menu",
    "skip",
    "outbrain",
    "taboola",
];

/// Words in a class that mark a photo credit.
pub const CREDIT_CLASSES: &[&str] = &["credit", "credits", "copyright", "attribution", "source"];

fn class_words(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

/// Elements that start and end a block of text.
fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("header")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("li")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("blockquote")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("pre")
            | local_name!("table")
            | local_name!("tr")
            | local_name!("hr")
            | local_name!("address")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("body")
            | local_name!("html")
            | local_name!("center")
            | local_name!("caption")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
    )
}

fn heading_level(name: &LocalName) -> u8 {
    match *name {
        local_name!("h1") => 1,
        local_name!("h2") => 2,
        local_name!("h3") => 3,
        local_name!("h4") => 4,
        local_name!("h5") => 5,
        local_name!("h6") => 6,
        _ => 0,
    }
}

/// Elements that never have an end tag.
fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("br")
            | local_name!("img")
            | local_name!("hr")
            | local_name!("meta")
            | local_name!("link")
            | local_name!("input")
            | local_name!("source")
            | local_name!("wbr")
            | local_name!("area")
            | local_name!("base")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("param")
            | local_name!("track")
    )
}

impl State {
    fn start_skip(&mut self, name: &LocalName) {
        if self.skip.is_none() {
            self.flush();
            self.skip = Some((name.clone(), 1));
        } else if let Some((kind, depth)) = &mut self.skip
            && kind == name
        {
            *depth += 1;
        }
    }

    fn chars(&mut self, t: &str) {
        if self.skip.is_some() {
            return;
        }
        if self.in_title {
            self.title.get_or_insert_with(String::new).push_str(t);
            return;
        }
        if self.keep_whitespace || self.pre > 0 {
            self.push_raw(t);
            return;
        }
        let mut words = t.split(char::is_whitespace).filter(|w| !w.is_empty());
        let lead = t.starts_with(char::is_whitespace);
        if let Some(first) = words.next() {
            self.brs = 0;
            self.push_word(first, lead || self.space);
            for w in words {
                self.push_word(w, true);
            }
            self.space = t.ends_with(char::is_whitespace);
        } else if !t.is_empty() {
            self.space = true;
        }
    }

    fn target(&mut self) -> &mut String {
        if self.credit_tag.is_some() {
            &mut self.credit
        } else {
            &mut self.cur
        }
    }

    fn push_word(&mut self, w: &str, space_before: bool) {
        let buf = self.target();
        if space_before && !buf.is_empty() && !buf.ends_with('\n') {
            buf.push(' ');
        }
        buf.push_str(w);
    }

    fn push_raw(&mut self, t: &str) {
        self.brs = 0;
        self.target().push_str(t);
    }

    fn start_tag(&mut self, name: &LocalName, attrs: &[html5ever::Attribute], closing: bool) {
        if let Some((kind, depth)) = &mut self.skip {
            if kind == name && !is_void(name) && !closing {
                *depth += 1;
            }
            return;
        }
        match *name {
            local_name!("meta") => return self.meta_tag(attrs),
            local_name!("link") => {
                let attr = |k: &str| {
                    attrs
                        .iter()
                        .find(|a| &*a.name.local == k)
                        .map(|a| a.value.to_ascii_lowercase())
                };
                let Some(href) = attrs.iter().find(|a| &*a.name.local == "href") else {
                    return;
                };
                let href = one_line(&href.value);
                let rel = attr("rel").unwrap_or_default();
                let ty = attr("type").unwrap_or_default();
                if rel == "canonical" {
                    self.meta.url.get_or_insert(href);
                } else if rel.split_whitespace().any(|r| r == "alternate")
                    && (ty.contains("rss") || ty.contains("atom") || ty.contains("feed+json"))
                    && self.meta.feeds.len() < 16
                {
                    self.meta.feeds.push(href);
                }
                return;
            }
            local_name!("br") => {
                self.brs = self.brs.saturating_add(1);
                if self.brs >= 2 {
                    self.flush();
                } else if !self.target().is_empty() {
                    self.target().push('\n');
                }
                self.space = false;
                return;
            }
            _ => {}
        }
        if is_void(name) {
            return;
        }
        if !closing && (dropped(name) || self.is_furniture(attrs)) {
            self.flush();
            self.skip = Some((name.clone(), 1));
            return;
        }
        let credit = self.figcaption > 0
            && (matches!(*name, local_name!("cite") | local_name!("small"))
                || attrs.iter().any(|a| {
                    &*a.name.local == "class"
                        && class_words(&a.value).any(|w| CREDIT_CLASSES.contains(&w.as_str()))
                }));
        if let Some((kind, depth)) = &mut self.credit_tag {
            if kind == name && !closing {
                *depth += 1;
            }
        } else if credit && !closing {
            self.credit_tag = Some((name.clone(), 1));
            if !self.credit.is_empty() {
                self.credit.push(' ');
            }
            return;
        }
        if is_block(name) {
            self.flush();
            if closing {
                return;
            }
            match *name {
                local_name!("blockquote") => self.quote += 1,
                local_name!("figcaption") => self.figcaption += 1,
                local_name!("pre") => self.pre += 1,
                _ => {
                    let level = heading_level(name);
                    if level > 0 {
                        self.heading = level;
                    }
                }
            }
        } else if matches!(*name, local_name!("td") | local_name!("th")) {
            self.space = true;
        }
    }

    fn end_tag(&mut self, name: &LocalName) {
        if let Some((kind, depth)) = &mut self.skip {
            if kind == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skip = None;
                    self.space = true;
                }
            }
            return;
        }
        if *name == local_name!("title") {
            self.in_title = false;
            return;
        }
        if let Some((kind, depth)) = &mut self.credit_tag
            && kind == name
        {
            *depth -= 1;
            if *depth == 0 {
                self.credit_tag = None;
            }
            return;
        }
        if is_block(name) {
            self.flush();
            match *name {
                local_name!("blockquote") => self.quote = self.quote.saturating_sub(1),
                local_name!("figcaption") => {
                    self.figcaption = self.figcaption.saturating_sub(1);
                    self.credit_tag = None;
                }
                local_name!("pre") => self.pre = self.pre.saturating_sub(1),
                _ => {
                    if heading_level(name) > 0 {
                        self.heading = 0;
                    }
                }
            }
        }
    }

    fn is_furniture(&self, attrs: &[html5ever::Attribute]) -> bool {
        attrs.iter().any(|a| match &*a.name.local {
            "class" | "id" => class_words(&a.value).any(|w| FURNITURE.contains(&w.as_str())),
            "hidden" => true,
            "aria-hidden" => a.value.eq_ignore_ascii_case("true"),
            "role" => matches!(
                &*a.value.to_ascii_lowercase(),
                "navigation" | "banner" | "contentinfo" | "complementary" | "search"
            ),
            _ => false,
        })
    }

    fn meta_tag(&mut self, attrs: &[html5ever::Attribute]) {
        let get = |key: &str| {
            attrs
                .iter()
                .find(|a| &*a.name.local == key)
                .map(|a| a.value.to_string())
        };
        let Some(content) = get("content")
            .map(|c| one_line(&c))
            .filter(|c| !c.is_empty())
        else {
            return;
        };
        let key = get("property")
            .or_else(|| get("name"))
            .or_else(|| get("itemprop"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let m = &mut self.meta;
        let slot = match key.as_str() {
            "og:title" | "twitter:title" => &mut m.og_title,
            "author" | "article:author" | "byl" | "dc.creator" => &mut m.author,
            "article:published_time" | "date" | "pubdate" | "datepublished" | "dc.date" => {
                &mut m.published
            }
            "og:site_name" | "application-name" => &mut m.site_name,
            "description" | "og:description" | "twitter:description" => &mut m.description,
            "og:url" => &mut m.url,
            _ => return,
        };
        slot.get_or_insert(content);
    }

    /// Ends the block being built: its text becomes a piece.
    fn flush(&mut self) {
        self.space = false;
        self.brs = 0;
        if self.keep_whitespace {
            if !self.cur.is_empty() {
                let text = sanitize::clean(&self.cur).into_owned();
                self.cur.clear();
                self.pieces.push(Piece {
                    kind: PieceKind::Paragraph,
                    text,
                });
            }
            return;
        }
        let kind = if self.heading > 0 {
            PieceKind::Heading(self.heading)
        } else if self.figcaption > 0 {
            PieceKind::Caption
        } else if self.quote > 0 {
            PieceKind::Quote
        } else {
            PieceKind::Paragraph
        };
        let text = std::mem::take(&mut self.cur);
        self.push_piece(kind, &text);
        if self.figcaption > 0 && !self.credit.is_empty() {
            let credit = std::mem::take(&mut self.credit);
            self.push_piece(PieceKind::Credit, &credit);
        }
    }

    fn push_piece(&mut self, kind: PieceKind, text: &str) {
        let clean = sanitize::clean(text);
        let t = clean.trim();
        if t.is_empty() {
            return;
        }
        let text = if self.pre > 0 {
            t.to_string()
        } else {
            // Line breaks from `<br>` stay; spaces around them go.
            t.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        self.pieces.push(Piece { kind, text });
    }
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
