//! Tells speech from terms: a quotation in marks is direct speech, a partial quote (a fragment
//! of someone's words in the writer's sentence), or a scare quote (a term, title or nickname
//! that nobody is saying).

use super::Found;
use super::attribution;
use super::lexicon;
use super::marks::{self, Pair};
use super::text::{Doc, TokKind};
use crate::analysis::QuoteKind;
use crate::article::BlockKind;

/// Quotations of at most this many words are short: they need a speech cue to count as speech.
const SHORT_WORDS: usize = 4;

/// Every quotation in marks, classified, in text order (speakers not yet found).
pub fn marked(doc: &Doc) -> Vec<Found> {
    let pairs = marks::pairs(doc);
    let mut out: Vec<Found> = Vec::with_capacity(pairs.len());
    // The furthest end of a scare quote so far: a term inside a term is not listed again (pairs
    // come in order of their start, outer before inner).
    let mut scare_end = 0;
    for pair in &pairs {
        let last = match pair.close {
            Some(c) => c,
            None => doc
                .toks
                .partition_point(|t| t.start < pair.span.end)
                .saturating_sub(1),
        };
        let previous = out.last().copied();
        if let Some(kind) = kind_of(doc, pair, last, previous) {
            if kind == QuoteKind::Scare {
                if pair.span.start < scare_end {
                    continue;
                }
                scare_end = pair.span.end;
            }
            out.push(Found {
                kind,
                span: pair.span,
                first: pair.open,
                last,
                speaker: None,
            });
        }
    }
    out
}

struct Content {
    words: usize,
    /// A sentence stop inside, with words after it.
    inner_stop: bool,
    first_capital: bool,
    /// Every content word capitalised (or a number, or a small function word): a title or name.
    title_case: bool,
}

fn content(doc: &Doc, from: usize, to: usize) -> Content {
    let mut c = Content {
        words: 0,
        inner_stop: false,
        first_capital: false,
        title_case: true,
    };
    let mut stop_seen = false;
    let mut depth = 0usize;
    for i in from..to {
        match doc.toks[i].kind {
            TokKind::Word => {
                let w = doc.tok_text(i);
                if stop_seen {
                    c.inner_stop = true;
                }
                if c.words == 0 {
                    c.first_capital = w.starts_with(|ch: char| ch.is_uppercase());
                }
                c.words += 1;
                let capital = w.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit());
                // Once it is not a title, no word can make it one again: skip the lookup.
                if c.title_case && !capital && (c.words == 1 || !is_title_particle(w)) {
                    c.title_case = false;
                }
            }
            // "Mr. Smith Goes to Washington": an abbreviation's period stops nothing.
            TokKind::Punct('.') if i > from && doc.has(i - 1, lexicon::flag::ABBREVIATION) => {}
            TokKind::Punct('.' | '!' | '?') if depth == 0 => stop_seen = true,
            TokKind::Punct('(' | '[') => depth += 1,
            TokKind::Punct(')' | ']') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    // A title does not end like a sentence ("Nobody has.").
    let ends_with_stop = to > from
        && matches!(doc.toks[to - 1].kind, TokKind::Punct('.' | '!' | '?'))
        && c.words > 1;
    if c.words == 0 || c.inner_stop || ends_with_stop {
        c.title_case = false;
    }
    c
}

/// Small words that titles and names keep in lowercase ("Cowboys and Indians", "Mr. Smith
/// Goes to Washington", "Leonardo da Vinci").
fn is_title_particle(w: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "a", "al", "an", "and", "as", "at", "bin", "but", "by", "da", "de", "del", "der", "di",
        "du", "for", "from", "in", "la", "le", "nor", "of", "on", "or", "the", "to", "van", "vs",
        "von", "with",
    ];
    PARTICLES.binary_search(&w).is_ok()
}

fn word_before(doc: &Doc, i: usize, floor: usize) -> Option<usize> {
    (i > floor && doc.is_word(i - 1)).then(|| i - 1)
}

fn kind_of(doc: &Doc, pair: &Pair, last: usize, previous: Option<Found>) -> Option<QuoteKind> {
    let open = pair.open;
    let content_end = if pair.close.is_some() { last } else { last + 1 };
    let c = content(doc, open + 1, content_end);
    if c.words == 0 {
        return None;
    }
    if pair.depth > 0 {
        // A quotation inside a quotation: a term is kept apart; nested speech is part of the
        // outer quotation and not listed on its own.
        return (c.words <= SHORT_WORDS && !c.inner_stop).then_some(QuoteKind::Scare);
    }
    let unit_first = doc.units[doc.toks[open].unit as usize].toks.0;
    let (s_start, s_end) = doc.sentence_range(open);
    let p1 = word_before(doc, open, unit_first);
    if p1.is_some_and(|p1| naming_cue(doc, p1, unit_first))
        || saying_noun_before(doc, open, unit_first)
        || p1.is_some_and(|p1| c.first_capital && lexicon::is_title_noun(doc.tok_text(p1)))
    {
        return Some(QuoteKind::Scare);
    }
    let after_end = doc
        .toks
        .get(last + 1)
        .map_or(last + 1, |t| {
            let (_, e) = doc.sentence_range(last + 1);
            if t.unit == doc.toks[last].unit {
                e
            } else {
                last + 1
            }
        })
        .max(s_end.min(last + 1));
    let attributed_after =
        pair.close.is_some() && attribution::after(doc, last, after_end).is_some();
    let verb_before = attribution::speech_verb_before(doc, open, s_start);
    // A headline is all capitals and says who spoke anywhere in it ("'We Will Not Be Rushed',
    // Says Minister").
    let unit = doc.units[doc.toks[open].unit as usize];
    let headline = matches!(unit.kind, BlockKind::Headline | BlockKind::Dek);
    let headline_verb = headline && attribution::headline_verb(doc, unit.toks).is_some();
    let speech_cue = attributed_after
        || verb_before.is_some()
        || headline_verb
        || attribution::has_according_to(doc, s_start, open)
        || attribution::quotative_before(doc, open, s_start);
    // A whole sentence in marks ("It was close.") is speech however short.
    let whole_sentence = c.first_capital
        && pair.close.is_some_and(|close| {
            close > open + 1 && matches!(doc.toks[close - 1].kind, TokKind::Punct('.' | '!' | '?'))
        })
        && starts_sentence(doc, open, s_start, unit_first);
    let long = c.words > SHORT_WORDS || c.inner_stop || pair.close.is_none() || whole_sentence;
    if c.title_case && !headline && !attributed_after && !introduced(doc, open, unit_first) {
        return Some(QuoteKind::Scare);
    }
    if !long {
        if modifies_next_word(doc, pair, last) {
            return Some(QuoteKind::Scare);
        }
        if let Some(p1) = p1 {
            let w = doc.tok_text(p1);
            let possessive = w.ends_with("'s") || w.ends_with("’s");
            if lexicon::is_determiner(w) || possessive {
                // "said a "more general reflection"" is speech; "prepare a "quasi-state of
                // war"" is a term.
                let verb_right_before = word_before(doc, p1, unit_first)
                    .is_some_and(|p2| attribution::is_speech_verb_at(doc, p2));
                if !verb_right_before {
                    return Some(QuoteKind::Scare);
                }
            }
        }
        let coordinated = p1.is_some_and(|p| {
            matches!(doc.tok_text(p), "and" | "or")
                && previous
                    .is_some_and(|f| f.kind == QuoteKind::Partial && f.last + 2 >= p && f.last < p)
        });
        if !speech_cue && !coordinated {
            return Some(QuoteKind::Scare);
        }
    }
    Some(
        if starts_sentence(doc, open, s_start, unit_first)
            && (c.first_capital || !doc.is_word(open + 1))
        {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        },
    )
}

/// A naming cue right before the quotation: `so-called "…"`, `dubbed "…"`, `known as "…"`,
/// `the word "…"`, `a print called "…"`.
fn naming_cue(doc: &Doc, p1: usize, floor: usize) -> bool {
    let w = doc.tok_text(p1);
    if w.eq_ignore_ascii_case("as") {
        return word_before(doc, p1, floor).is_some_and(|p2| {
            let w2 = doc.tok_text(p2);
            lexicon::is_naming_cue(w2) || w2.eq_ignore_ascii_case("referred")
        });
    }
    lexicon::is_naming_cue(w) && !(w.eq_ignore_ascii_case("called") && named_caller(doc, p1, floor))
}

/// "… that Prime Minister Donald Tusk called "a warning"": a name right before "called" at
/// `called` is who called it so, a speaker; "a print called "…"" names a thing.
pub(super) fn named_caller(doc: &Doc, called: usize, floor: usize) -> bool {
    word_before(doc, called, floor).is_some_and(|w| {
        let t = doc.tok_text(w);
        t.starts_with(char::is_uppercase) && !lexicon::is_determiner(t) && !lexicon::is_pronoun(t)
    })
}

/// A noun for a saying or a question right before the quotation, perhaps with a comma or
/// colon between: `the adage, "…"`, `the question "…"`. The quotation is what the noun names,
/// not someone speaking.
fn saying_noun_before(doc: &Doc, open: usize, floor: usize) -> bool {
    const SAYINGS: &[&str] = &["adage", "aphorism", "maxim", "proverb", "question"];
    let mut p = open;
    if p > floor && matches!(doc.toks[p - 1].kind, TokKind::Punct(',' | ':')) {
        p -= 1;
    }
    word_before(doc, p, floor).is_some_and(|w| {
        let t = doc.tok_text(w);
        SAYINGS.iter().any(|s| t.eq_ignore_ascii_case(s))
            && word_before(doc, w, floor).is_some_and(|d| lexicon::is_determiner(doc.tok_text(d)))
    })
}

/// `"parole" status`, `'streamlined' UK asylum process`: a short quoted word used as a modifier
/// of the noun right after it.
fn modifies_next_word(doc: &Doc, pair: &Pair, last: usize) -> bool {
    let Some(close) = pair.close else {
        return false;
    };
    // Punctuation inside the marks ("Robogee.") ends the phrase.
    if close > 0 && matches!(doc.toks[close - 1].kind, TokKind::Punct(_)) {
        return false;
    }
    let next = last + 1;
    doc.toks.get(next).is_some_and(|t| {
        t.unit == doc.toks[last].unit
            && t.kind == TokKind::Word
            && !lexicon::is_function_word(doc.tok_text(next))
            && !attribution::is_speech_verb_at(doc, next)
            && !lexicon::is_pronoun(doc.tok_text(next))
            && !doc.has(next, lexicon::flag::FILLER)
            && !is_time_word(doc.tok_text(next))
    })
}

/// Words of time that follow a phrase without modifying it ("called it "fake news" yesterday").
pub fn is_time_word(w: &str) -> bool {
    const TIME: &[&str] = &[
        "afterwards",
        "again",
        "anyway",
        "earlier",
        "friday",
        "instead",
        "last",
        "later",
        "monday",
        "now",
        "recently",
        "saturday",
        "sunday",
        "this",
        "thursday",
        "today",
        "tomorrow",
        "tonight",
        "too",
        "tuesday",
        "wednesday",
        "yesterday",
    ];
    TIME.iter().any(|t| w.eq_ignore_ascii_case(t))
}

/// The quotation is introduced as speech: after a colon, or after `said,`.
fn introduced(doc: &Doc, open: usize, floor: usize) -> bool {
    let Some(p) = open.checked_sub(1).filter(|_| open > floor) else {
        return false;
    };
    if doc.is_punct(p, ':') {
        return true;
    }
    let verb = if doc.is_punct(p, ',') {
        p.checked_sub(1)
    } else {
        Some(p)
    };
    verb.is_some_and(|v| v >= floor && attribution::is_speech_verb_at(doc, v))
}

/// The quotation stands where a sentence starts: at the start of the paragraph or sentence,
/// after a colon, or after a comma or speech verb that introduces it.
fn starts_sentence(doc: &Doc, open: usize, s_start: usize, floor: usize) -> bool {
    if open == s_start || open == floor {
        return true;
    }
    let Some(p) = open.checked_sub(1) else {
        return true;
    };
    matches!(
        doc.toks.get(p).map(|t| t.kind),
        Some(TokKind::Punct(':' | ',' | '—' | '–' | '(' | ';'))
    ) || attribution::is_speech_verb_at(doc, p)
}
