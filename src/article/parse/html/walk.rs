//! The tokenizer walk: html5ever's tokens in one pass, kept or dropped element by element, into
//! pieces of text (with their kinds), the `<head>`'s facts and the `<title>`'s raw text.

use super::elements::{
    CREDIT_CLASSES, class_words, dropped, heading_level, is_block, is_furniture, is_void,
};
use super::{Meta, Piece, PieceKind, head};
use crate::article::sanitize;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    states::RawKind,
};
use html5ever::{LocalName, local_name};
use std::cell::RefCell;

/// What one walk over a document found.
pub(super) struct Walked {
    pub pieces: Vec<Piece>,
    pub meta: Meta,
    /// The raw text of `<title>`, if there was one.
    pub title: Option<String>,
}

/// Walks `html` to its end and ends the last block. `keep_whitespace` (for `decode_references`):
/// keep every character, make no blocks.
pub(super) fn walk(html: &str, keep_whitespace: bool) -> Walked {
    let mut state = run(html, keep_whitespace).0.into_inner();
    state.flush();
    Walked {
        pieces: state.pieces,
        meta: state.meta,
        title: state.title,
    }
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
            local_name!("meta") => return head::meta_tag(&mut self.meta, attrs),
            local_name!("link") => return head::link_tag(&mut self.meta, attrs),
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
        if !closing && (dropped(name) || is_furniture(attrs)) {
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
