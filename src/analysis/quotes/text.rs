//! The article as the quote finder sees it: text units (paragraphs and other blocks), word and
//! punctuation tokens, and sentences. Built once per article in linear time.

use super::lexicon;
pub use crate::analysis::text::is_mark_char;
use crate::analysis::text::{LexKind, Lexeme, WordRules, lex};
use crate::article::{Article, BlockKind, Span};

/// What a token is. Quotation-mark characters that are not inside a word are `Mark`s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct(char),
    Mark(char),
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Index of the unit (paragraph) this token is in.
    pub unit: u32,
    /// Index of the sentence this token is in.
    pub sentence: u32,
    /// `lexicon::flag` bits of a word (0 for punctuation and marks).
    pub flags: u16,
}

/// A block the quote finder reads, with whether quotations may run on into the next one.
#[derive(Clone, Copy, Debug)]
pub struct Unit {
    pub span: Span,
    pub kind: BlockKind,
    /// First token index and one past the last.
    pub toks: (usize, usize),
}

impl Unit {
    /// Body text in which a quotation may continue from one block into the next.
    pub fn is_body(&self) -> bool {
        matches!(self.kind, BlockKind::Paragraph | BlockKind::Blockquote)
    }
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub units: Vec<Unit>,
    pub toks: Vec<Tok>,
    /// Sentence token ranges, in order.
    pub sentences: Vec<(usize, usize)>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '@' || c == '#'
}

/// A character's class for the tokeniser: part of a word, white space, or neither.
const WORD: u8 = 1;
const SPACE: u8 = 2;

/// The classes of the ASCII characters, so that most text costs one table read per character.
const ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0u8;
    while b < 128 {
        if b.is_ascii_alphanumeric() || b == b'@' || b == b'#' {
            table[b as usize] = WORD;
        } else if matches!(b, b' ' | 0x09..=0x0d) {
            table[b as usize] = SPACE;
        }
        b += 1;
    }
    table
};

fn class_of(c: char) -> u8 {
    if is_word_char(c) {
        WORD
    } else if c.is_whitespace() {
        SPACE
    } else {
        0
    }
}

/// Joins a word to the next part of it ("don't", "al-Amr", "U.S", "3.5", "AT&T").
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '_' | '/' | '\u{2011}') || c == ','
}

/// The blocks the quote finder reads, in article order: the article's blocks but credits and
/// bylines, or its paragraphs when it comes without blocks.
pub fn units(article: &Article) -> Vec<Unit> {
    let text = article.text.as_str();
    let units: Vec<Unit> = article
        .blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Credit | BlockKind::Byline))
        .filter(|b| text.get(b.span.start..b.span.end).is_some())
        .map(|b| Unit {
            span: b.span,
            kind: b.kind,
            toks: (0, 0),
        })
        .collect();
    if units.is_empty() {
        split_paragraphs(text)
    } else {
        units
    }
}

#[cfg(test)]
pub(crate) use crate::analysis::text::CUT_SEARCH;

/// The units cut into windows of consecutive units of at most `max` bytes of text each (a unit
/// longer than that is cut into pieces first, at white space). Units that fit in `max` bytes in
/// all are one window.
pub fn windows(text: &str, units: Vec<Unit>, max: usize) -> Vec<Vec<Unit>> {
    crate::analysis::text::windows(text, units, max, |u| u.span, |u, span| Unit { span, ..u })
}

/// Room for the tokens of `units`: about one token per four bytes of news text (words and
/// punctuation).
pub fn token_capacity(units: &[Unit]) -> usize {
    units.iter().map(|u| u.span.len()).sum::<usize>() / 4 + 16
}

impl<'a> Doc<'a> {
    #[cfg(test)]
    pub fn new(article: &'a Article) -> Self {
        Self::from_units(article.text.as_str(), units(article))
    }

    /// The document of `units` of `text` (all of an article's, or one window of them).
    pub fn from_units(text: &'a str, units: Vec<Unit>) -> Self {
        let mut toks = Vec::with_capacity(token_capacity(&units));
        for (ui, unit) in units.iter().enumerate() {
            tokenize(text, unit.span, ui as u32, &mut toks);
        }
        Self::from_toks(text, units, toks)
    }

    /// The document of `units` of `text` whose tokens, in text order, are `toks` (each with
    /// its unit's index), already made.
    pub fn from_toks(text: &'a str, mut units: Vec<Unit>, toks: Vec<Tok>) -> Self {
        let mut next = 0;
        for (ui, unit) in units.iter_mut().enumerate() {
            let first = next;
            while toks.get(next).is_some_and(|t| t.unit as usize == ui) {
                next += 1;
            }
            unit.toks = (first, next);
        }
        let mut doc = Doc {
            text,
            units,
            toks,
            sentences: Vec::new(),
        };
        doc.split_sentences();
        doc
    }

    pub fn tok_text(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| t.kind), Some(TokKind::Word))
    }

    /// The word's `lexicon::flag` bits; 0 for anything else or out of range.
    pub fn flags(&self, i: usize) -> u16 {
        self.toks.get(i).map_or(0, |t| t.flags)
    }

    pub fn has(&self, i: usize, bit: u16) -> bool {
        self.flags(i) & bit != 0
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        matches!(self.toks.get(i).map(|t| t.kind), Some(TokKind::Punct(p)) if p == c)
    }

    pub fn char_before(&self, offset: usize) -> Option<char> {
        self.text.get(..offset).and_then(|s| s.chars().next_back())
    }

    pub fn char_after(&self, offset: usize) -> Option<char> {
        self.text.get(offset..).and_then(|s| s.chars().next())
    }

    pub fn sentence_range(&self, tok: usize) -> (usize, usize) {
        self.toks
            .get(tok)
            .and_then(|t| self.sentences.get(t.sentence as usize))
            .copied()
            .unwrap_or((tok, tok))
    }

    fn split_sentences(&mut self) {
        for ui in 0..self.units.len() {
            let (first, last) = self.units[ui].toks;
            let mut start = first;
            let mut i = first;
            while i < last {
                if self.ends_sentence(i, last) {
                    // Take closing marks and brackets that follow the stop.
                    let mut end = i + 1;
                    while end < last
                        && matches!(
                            self.toks[end].kind,
                            TokKind::Mark(_) | TokKind::Punct(')') | TokKind::Punct(']')
                        )
                        && self.toks[end].start == self.toks[end - 1].end
                    {
                        end += 1;
                    }
                    self.push_sentence(start, end);
                    start = end;
                    i = end;
                } else {
                    i += 1;
                }
            }
            if start < last {
                self.push_sentence(start, last);
            }
        }
    }

    fn push_sentence(&mut self, start: usize, end: usize) {
        let id = self.sentences.len() as u32;
        for t in &mut self.toks[start..end] {
            t.sentence = id;
        }
        self.sentences.push((start, end));
    }

    /// Whether token `i` (a stop) ends a sentence: `.`, `!`, `?` or `…` followed (after any
    /// closing marks) by a capital, a digit or an opening mark — and not after an abbreviation.
    fn ends_sentence(&self, i: usize, last: usize) -> bool {
        let c = match self.toks[i].kind {
            TokKind::Punct(c) if matches!(c, '.' | '!' | '?' | '…') => c,
            _ => return false,
        };
        let mut j = i + 1;
        while j < last
            && matches!(
                self.toks[j].kind,
                TokKind::Mark(_) | TokKind::Punct(')') | TokKind::Punct(']')
            )
            && self.toks[j].start == self.toks[j - 1].end
        {
            j += 1;
        }
        if j >= last {
            return false; // the unit's end closes the sentence anyway
        }
        let next = self.tok_text(j);
        let next_starts = next
            .chars()
            .next()
            .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit() || is_mark_char(ch));
        if !next_starts {
            return false;
        }
        if c != '.' {
            return true;
        }
        if i == 0 || !self.is_word(i - 1) || self.toks[i - 1].end != self.toks[i].start {
            return true;
        }
        let prev = self.tok_text(i - 1);
        let single_capital = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
        let dotted = prev.contains('.');
        // "No." numbers only before a number ("No. 10"): "I said no. Then …" ends there.
        if prev.eq_ignore_ascii_case("no") && !next.starts_with(|ch: char| ch.is_ascii_digit()) {
            return true;
        }
        if self.has(i - 1, lexicon::flag::ABBREVIATION) || single_capital || dotted {
            // "U.S. The President" ends a sentence; "Mr. Toccafondi" and "L. Ron" do not.
            return dotted && self.has(j, lexicon::flag::SENTENCE_START);
        }
        true
    }
}

/// Paragraphs separated by blank lines, for articles that come without blocks.
fn split_paragraphs(text: &str) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut offset = 0;
    for chunk in text.split("\n\n") {
        let start = offset + (chunk.len() - chunk.trim_start().len());
        let end = offset + chunk.trim_end().len();
        if end > start {
            units.push(Unit {
                span: Span::new(start, end),
                kind: BlockKind::Paragraph,
                toks: (0, 0),
            });
        }
        offset += chunk.len() + 2;
    }
    units
}

/// The char at byte `i` of `s` and its length: one byte read for ASCII. `i` is always a char
/// boundary here; were it not, a space of one byte is returned, so that no token starts there.
/// With it, the character's class.
#[inline(always)]
fn char_at(s: &str, i: usize) -> (char, usize, u8) {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => (
            char::from(b),
            1,
            ASCII_CLASS.get(usize::from(b)).copied().unwrap_or(0),
        ),
        _ => s
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((' ', 1, SPACE), |c| (c, c.len_utf8(), class_of(c))),
    }
}

/// The quote finder's word rules: a word starts at a letter, a digit, `@` or `#`, and goes on
/// over them and over a joiner that a word character follows (see `analysis::text`).
pub(crate) struct SpeechWords;

impl WordRules for SpeechWords {
    #[inline(always)]
    fn starts_word(c: char) -> bool {
        match u8::try_from(c) {
            Ok(b) if b.is_ascii() => ASCII_CLASS.get(usize::from(b)) == Some(&WORD),
            _ => is_word_char(c),
        }
    }
    #[inline(always)]
    fn ends_word(b: u8) -> bool {
        b.is_ascii()
            && ASCII_CLASS.get(usize::from(b)) != Some(&WORD)
            && !is_word_joiner(char::from(b))
    }
    #[inline(always)]
    fn scan_word(slice: &str, start: usize, from: usize) -> (usize, Option<usize>) {
        let bytes = slice.as_bytes();
        let mut j = from.max(start);
        while j < bytes.len() {
            let (d, dn, d_class) = char_at(slice, j);
            if d_class == WORD {
                j += dn;
                continue;
            }
            if !is_word_joiner(d) {
                break;
            }
            // A joiner belongs to the word only when a word character follows it (and, for
            // a comma, only between digits: "1,000").
            let after = (j + dn < bytes.len()).then(|| char_at(slice, j + dn));
            let joins = match after {
                Some((a, _, _)) if d == ',' => {
                    a.is_ascii_digit()
                        && j.checked_sub(1)
                            .and_then(|p| bytes.get(p))
                            .is_some_and(u8::is_ascii_digit)
                }
                Some((_, _, a_class)) => a_class == WORD,
                None => false,
            };
            if !joins {
                break;
            }
            j += dn;
        }
        (j, None)
    }
}

fn tokenize(text: &str, span: Span, unit: u32, out: &mut Vec<Tok>) {
    let Some(slice) = text.get(span.start..span.end) else {
        return;
    };
    let mut speech = Speech { text, out };
    lex::<SpeechWords>(slice, |l| speech.push(span.start, unit, l));
}

/// Makes the quote finder's tokens from the tokeniser's lexemes (read with [`SpeechWords`]).
pub(crate) struct Speech<'a, 'b> {
    pub text: &'a str,
    pub out: &'b mut Vec<Tok>,
}

impl Speech<'_, '_> {
    /// The token of lexeme `l` of the block starting at byte `base` of the text, in `unit`.
    #[inline(always)]
    pub fn push(&mut self, base: usize, unit: u32, l: Lexeme) {
        let (start, end) = (base + l.start, base + l.end);
        let (kind, flags) = match l.kind {
            LexKind::Word(_) => (
                TokKind::Word,
                self.text.get(start..end).map_or(0, lexicon::flags_of),
            ),
            // A long run of marks or of one punctuation character is one token: it is no
            // quotation, and text made of nothing else must not cost a token per byte.
            LexKind::Punct(c) if is_mark_char(c) => (TokKind::Mark(c), 0),
            LexKind::Punct(c) | LexKind::Run(c) => (TokKind::Punct(c), 0),
        };
        self.out.push(Tok {
            start,
            end,
            kind,
            unit,
            sentence: 0,
            flags,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Block;

    #[test]
    fn ascii_classes_agree_with_the_char_rules() {
        for b in 0u8..128 {
            let c = char::from(b);
            assert_eq!(ASCII_CLASS[usize::from(b)], class_of(c), "{b:#x}");
        }
    }

    fn article(text: &str) -> Article {
        Article {
            text: text.to_string(),
            blocks: vec![Block::new(BlockKind::Paragraph, 0, text.len())],
            ..Article::default()
        }
    }

    fn words<'a>(doc: &'a Doc<'a>) -> Vec<&'a str> {
        (0..doc.toks.len()).map(|i| doc.tok_text(i)).collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_dots_inside() {
        let a = article("Putin's al-Amr U.S. 1,000 don’t 'Hi,' he said.");
        let doc = Doc::new(&a);
        assert_eq!(
            words(&doc),
            [
                "Putin's", "al-Amr", "U.S", ".", "1,000", "don’t", "'", "Hi", ",", "'", "he",
                "said", "."
            ]
        );
    }

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        let a = article(
            "Mr. Toccafondi met L. Ron Hubbard in the U.S. on Monday. He left the U.S. The end.",
        );
        let doc = Doc::new(&a);
        assert_eq!(doc.sentences.len(), 3);
    }

    #[test]
    fn sentence_takes_its_closing_mark() {
        let a = article("He said, \"It is done.\" Then he left.");
        let doc = Doc::new(&a);
        assert_eq!(doc.sentences.len(), 2);
        let (s, e) = doc.sentences[0];
        assert_eq!(doc.tok_text(e - 1), "\"");
        assert_eq!(doc.tok_text(s), "He");
    }

    #[test]
    fn text_dense_in_marks_costs_a_token_per_run_not_per_mark() {
        // Issue 14: one token per mark made the token vector 40x the text.
        for dense in ["\"".repeat(10_000), "\"'".repeat(5_000), "--".repeat(5_000)] {
            let a = article(&dense);
            assert_eq!(Doc::new(&a).toks.len(), 1, "{}", &dense[..8]);
        }
        // Two or three adjacent marks are still quotation marks.
        let a = article("\"'Hi,' he said,\" she said.");
        let doc = Doc::new(&a);
        assert!(matches!(doc.toks[0].kind, TokKind::Mark('"')));
        assert!(matches!(doc.toks[1].kind, TokKind::Mark('\'')));
    }
}
