//! Finds quotations (direct, partial, scare, reported) and attributes them to speakers.
//!
//! The pipeline: `text` tokenises the article (or takes the tokens `analysis::lexed` made for
//! both stages at once) and splits sentences; `marks` pairs quotation marks into quotations;
//! `classify` tells speech from terms; `attribution` finds the speaker phrase; `reported` finds
//! indirect speech framed by a speech verb; `resolve` links speakers to the article's entities
//! (names and pronouns). Everything is linear in the text length.
//!
//! Choices worth knowing: a quotation over several paragraphs is one quote; a quotation nested in
//! another is listed only when it is a term (as scare), nested speech stays part of the outer
//! quote; a Markdown block quotation without marks is a direct quote; `speaker_text` is always
//! the words as written (a pronoun stays "he"), and `speaker` carries the resolved entity.

mod attribution;
mod classify;
mod lexicon;
mod marks;
mod reported;
mod resolve;
mod text;

use super::{Entity, Quote, QuoteKind};
use crate::article::{Article, BlockKind, Span};
use text::Doc;
pub(crate) use text::{Speech, SpeechWords, Tok, Unit, token_capacity, units};

/// Bytes of text the quote finder reads at once. A longer article is read in windows of
/// consecutive paragraphs (a longer paragraph in pieces cut at white space), so that its tokens
/// and quotation records (some 40 bytes per token, up to one token per byte and a half) live one
/// window at a time. Nothing spans a window's edge: a quotation still open there ends there, and
/// a sentence opening the next window is not attributed from the one before. Speakers are
/// linked to the whole article's entities, and pronouns to the mentions before them in any
/// window. News stories are far shorter than a window and are read whole.
const WINDOW: usize = 128 * 1024;

/// Quotations kept per article: 64, plus one per this many bytes of its text. A quotation record
/// is 64 bytes, so the kept ones cost at most twice the text (one per 16 bytes cost four times,
/// which with the text itself and the vector's growth broke the bound of five). Real articles use
/// a small part of it: at most 13% over `assets/articles`, the GUM documents and a generated
/// 10,000-article corpus.
const BYTES_PER_QUOTE: usize = 32;

/// The most quotations an article of `len` bytes yields. Prose hardly reaches it (even terse
/// dialogue, `"No," he said.`, takes some 15 bytes a quotation and is never all of a story);
/// text made of one-word quotations (`"a 'b ` repeated: one per six bytes) would otherwise
/// cost many times its size in records. Marks after the point where this many pairs are found
/// are not paired, reported speech is looked for only while marked and reported quotations
/// together are fewer, and the quotations are cut to this many in text order.
pub(crate) fn quote_budget(len: usize) -> usize {
    64 + len / BYTES_PER_QUOTE
}

/// A quotation while it is being worked on: its kind, span and token range, and the speaker
/// phrase once found.
#[derive(Clone, Copy, Debug)]
struct Found {
    kind: QuoteKind,
    span: Span,
    /// First token of the quotation (the opening mark for marked quotations).
    first: usize,
    /// Last token of the quotation (the closing mark, when there is one).
    last: usize,
    speaker: Option<Span>,
}

/// Finds the article's quotations, in text order. Speakers are named by the words around each
/// quotation (`speaker_text`, `speaker_span`) and, when `entities` are given, linked to the
/// entity whose mention stands in the speaker phrase (or that a pronoun stands for).
pub fn extract(article: &Article, entities: &[Entity]) -> Vec<Quote> {
    let text = article.text.as_str();
    let mut finder = Finder::new(text, entities);
    for window in text::windows(text, text::units(article), WINDOW) {
        if finder.full() {
            break;
        }
        finder.window(&Doc::from_units(text, window));
    }
    finder.quotes
}

/// [`extract`] for an article whose units (see [`units`]) are one window, with their tokens
/// already made (each with its unit's index, in text order), as `analysis::lexed` makes them
/// for both stages at once.
pub(crate) fn extract_lexed(
    article: &Article,
    entities: &[Entity],
    units: Vec<Unit>,
    toks: Vec<Tok>,
) -> Vec<Quote> {
    let text = article.text.as_str();
    let mut finder = Finder::new(text, entities);
    if !units.is_empty() {
        finder.window(&Doc::from_toks(text, units, toks));
    }
    finder.quotes
}

/// The quotations of an article as its windows are read.
struct Finder<'e> {
    entities: &'e [Entity],
    budget: usize,
    resolver: resolve::Resolver<'e>,
    quotes: Vec<Quote>,
}

impl<'e> Finder<'e> {
    fn new(text: &'e str, entities: &'e [Entity]) -> Self {
        Finder {
            entities,
            budget: quote_budget(text.len()),
            resolver: resolve::Resolver::new(text, entities),
            quotes: Vec::new(),
        }
    }

    /// Whether the article's budget of quotations is spent.
    fn full(&self) -> bool {
        self.quotes.len() >= self.budget
    }

    /// The quotations of one window, in text order.
    fn window(&mut self, doc: &Doc) {
        let entities = self.entities;
        let mut found = classify::marked(doc);
        block_quotes(doc, &mut found);
        attribute(doc, &mut found);
        let reported = reported::find(doc, &found);
        found.extend(reported);
        // (A speaker phrase too: "The Vietnam Disaster and Dyke Management Authority said"
        // is read back from the verb only to "and".)
        for f in &mut found {
            f.span = self.resolver.whole_mentions(f.span);
            f.speaker = f.speaker.map(|s| self.resolver.whole_mentions(s));
        }
        found.sort_by_key(|f| (f.span.start, f.span.end));
        found.truncate(self.budget - self.quotes.len());
        let links = self.resolver.speakers(doc, &found);
        self.quotes
            .extend(found.iter().zip(links).map(|(f, entity)| Quote {
                kind: f.kind,
                span: f.span,
                speaker: entity.and_then(|i| entities.get(i)).map(|e| e.id.clone()),
                speaker_span: f.speaker,
            }));
    }
}

/// Block quotations (Markdown `> `) without marks of their own are quoted words too: one direct
/// quote per run of consecutive block quotations.
fn block_quotes(doc: &Doc, found: &mut Vec<Found>) {
    // `found` is in text order: walk it alongside the blocks.
    let mut next = 0;
    let mut marked = |span: Span| {
        while next < found.len() && found[next].span.end <= span.start {
            next += 1;
        }
        found.get(next).is_some_and(|f| f.span.overlaps(&span))
    };
    let mut added = Vec::new();
    let mut run: Option<(usize, usize)> = None; // first and last unit of the current run
    for (ui, unit) in doc.units.iter().enumerate() {
        let bare =
            unit.kind == BlockKind::Blockquote && unit.toks.1 > unit.toks.0 && !marked(unit.span);
        match (bare, run) {
            (true, Some((first, _))) => run = Some((first, ui)),
            (true, None) => run = Some((ui, ui)),
            (false, _) => {
                if let Some(r) = run.take() {
                    added.push(block_quote(doc, r));
                }
            }
        }
    }
    if let Some(r) = run {
        added.push(block_quote(doc, r));
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| (f.span.start, f.span.end));
    }
}

fn block_quote(doc: &Doc, (first, last): (usize, usize)) -> Found {
    let (a, b) = (doc.units[first], doc.units[last]);
    Found {
        kind: QuoteKind::Direct,
        span: Span::new(a.span.start, b.span.end),
        first: a.toks.0,
        last: b.toks.1.saturating_sub(1).max(a.toks.0),
        speaker: None,
    }
}

/// Finds the speaker of each direct and partial quotation.
fn attribute(doc: &Doc, found: &mut [Found]) {
    for q in 0..found.len() {
        let f = found[q];
        if !matches!(f.kind, QuoteKind::Direct | QuoteKind::Partial) {
            continue;
        }
        let (s_start, _) = doc.sentence_range(f.first);
        let (_, s_end) = doc.sentence_range(f.last + 1);
        let after_end = if doc.toks.get(f.last + 1).is_some_and(|t| {
            t.sentence == doc.toks[f.last].sentence && t.unit == doc.toks[f.last].unit
        }) {
            s_end
        } else {
            f.last + 1
        };
        let unit = doc.units[doc.toks[f.first].unit as usize];
        let mut speaker = attribution::after(doc, f.last, after_end)
            .or_else(|| attribution::before(doc, f.first, s_start));
        if speaker.is_none() && matches!(unit.kind, BlockKind::Headline | BlockKind::Dek) {
            speaker = attribution::headline_speaker(doc, unit.toks, f.first);
        }
        if speaker.is_none() {
            speaker = after_short_sentence(doc, f.last);
        }
        if speaker.is_none() && s_start == f.first {
            speaker = previous_sentence_speaker(doc, &found[..q], f.first);
        }
        if speaker.is_none() && f.first > s_start && doc.is_punct(f.first - 1, ':') {
            // "Sunak defended the record: "…"": the sentence's subject introduces it.
            speaker = attribution::leading_subject(doc, (s_start, f.first));
        }
        found[q].speaker = speaker;
    }
}

/// `"…." Smith said.` — a short sentence that only attributes the quotation before it.
fn after_short_sentence(doc: &Doc, last: usize) -> Option<Span> {
    let next = last + 1;
    let tok = doc.toks.get(next)?;
    if tok.unit != doc.toks[last].unit {
        return None;
    }
    let (start, end) = doc.sentence_range(next);
    if start != next || end - start > 8 {
        return None;
    }
    let verb = (start..end).find(|&i| attribution::is_speech_verb_at(doc, i))?;
    // Nothing but an object of a few words may follow the verb.
    if end - verb > 5 {
        return None;
    }
    attribution::subject_of(doc, verb, start)
}

/// The speaker of the sentence just before a quotation that opens a sentence: the speaker of a
/// quotation in it, else the subject of its speech verb, else its leading subject ("Kerry was
/// blunt. "We will not …"").
fn previous_sentence_speaker(doc: &Doc, earlier: &[Found], first: usize) -> Option<Span> {
    let unit = doc.toks[first].unit as usize;
    let prev_tok = first.checked_sub(1)?;
    let prev_unit = doc.toks[prev_tok].unit as usize;
    if prev_unit != unit {
        // Only from the paragraph right before, and only between body paragraphs.
        let adjacent = prev_unit + 1 == unit
            && doc.units.get(prev_unit).is_some_and(|u| u.is_body())
            && doc.units.get(unit).is_some_and(|u| u.is_body());
        if !adjacent {
            return None;
        }
    }
    let (p_start, p_end) = doc.sentence_range(prev_tok);
    let p_start = attribution::clamp(p_end, p_start);
    let ends_with_colon = doc.is_punct(p_end - 1, ':') || doc.is_punct(p_end - 1, ',');
    // A quotation of the previous sentence (an interrupted quotation continues).
    if let Some(prev) = earlier
        .iter()
        .rev()
        .take_while(|e| e.last >= p_start)
        .find(|e| {
            matches!(e.kind, QuoteKind::Direct | QuoteKind::Partial)
                && e.last >= p_start
                && e.last < p_end
        })
        && prev.speaker.is_some()
    {
        return prev.speaker;
    }
    // A speech verb in it ("Wilkins also said …", "He tweeted using his account:"): the one
    // who was just reported goes on speaking.
    if let Some(verb) = (p_start..p_end)
        .rev()
        .find(|&i| attribution::is_speech_verb_at(doc, i))
        && let Some(s) = attribution::subject_of(doc, verb, p_start)
    {
        return Some(s);
    }
    if prev_unit != unit && !ends_with_colon {
        // A new paragraph that no colon introduces, after narration: no speaker from it.
        return None;
    }
    if ends_with_colon && let Some(s) = attribution::statement_from(doc, (p_start, p_end)) {
        return Some(s);
    }
    if ends_with_colon || prev_unit == unit {
        return attribution::leading_subject(doc, (p_start, p_end));
    }
    None
}

#[cfg(test)]
mod tests;
