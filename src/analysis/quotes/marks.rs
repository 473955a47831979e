//! Pairs quotation marks into quotations: straight and curly double and single marks,
//! guillemets, nesting, quotations that run over several paragraphs, apostrophes that are not
//! marks at all, and unbalanced marks (which end at the paragraph end at most).

use super::lexicon;
use super::text::{Doc, TokKind, Unit, is_mark_char};
use crate::article::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
    Guillemet,
    Angle,
}

/// A quotation found by its marks: the opening mark's token, the closing mark's token (none when
/// the quotation was left open and ends at a paragraph end), its span and its nesting depth.
#[derive(Clone, Copy, Debug)]
pub struct Pair {
    pub open: usize,
    pub close: Option<usize>,
    pub span: Span,
    pub depth: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight double mark: opens or closes depending on what is open.
    Either,
    /// An apostrophe or an inch mark: not a quotation mark.
    Neither,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    tok: usize,
    family: Family,
    role: Role,
    /// Shaped like an opener: space or start before, text after.
    left: bool,
    /// Shaped like a closer: text before, space or punctuation after.
    right: bool,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    tok: usize,
    family: Family,
    depth: u8,
}

fn family_of(c: char) -> Family {
    match c {
        '\'' | '‘' | '’' => Family::Single,
        '«' | '»' => Family::Guillemet,
        '‹' | '›' => Family::Angle,
        _ => Family::Double,
    }
}

fn is_opening_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/') || is_mark_char(c)
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…' | '—' | '–' | '-' | '/'
    ) || is_mark_char(c)
}

fn classify_marks(doc: &Doc, first: usize, last: usize, out: &mut Vec<Mark>) {
    out.clear();
    let mut skip_next_single = false;
    for i in first..last {
        let TokKind::Mark(c) = doc.toks[i].kind else {
            continue;
        };
        let tok = doc.toks[i];
        let before = doc.char_before(tok.start);
        let after = doc.char_after(tok.end);
        let space_before = before.is_none_or(|p| p.is_whitespace() || is_opening_punct(p));
        let space_after = after.is_none_or(char::is_whitespace);
        let left = space_before && !space_after;
        let right = !before.is_none_or(char::is_whitespace)
            && after.is_none_or(|n| n.is_whitespace() || is_closing_punct(n));
        let family = family_of(c);
        let role = match c {
            '“' | '„' | '«' | '‹' => Role::Open,
            '”' | '»' | '›' => Role::Close,
            '"' => {
                if before.is_some_and(|p| p.is_ascii_digit()) && space_after {
                    // 12" or 5'10": an inch mark, unless a quotation is open (checked later).
                    Role::Either
                } else if left && !right {
                    Role::Open
                } else if right && !left {
                    Role::Close
                } else {
                    Role::Either
                }
            }
            _ => {
                if skip_next_single {
                    skip_next_single = false;
                    Role::Neither
                } else {
                    single_role(doc, i, before, after, left, right, &mut skip_next_single)
                }
            }
        };
        out.push(Mark {
            tok: i,
            family,
            role,
            left,
            right,
        });
    }
    // "in five years' time": a single mark after an s with a word after it is an apostrophe
    // when a later single mark in the paragraph can close the quotation instead.
    let mut later_closer = false;
    for m in out.iter_mut().rev() {
        if m.family != Family::Single || m.role != Role::Close {
            continue;
        }
        let tok = doc.toks[m.tok];
        let after_s = doc
            .char_before(tok.start)
            .is_some_and(|c| c == 's' || c == 'S');
        let word_follows = doc
            .text
            .get(tok.end..)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| r.starts_with(char::is_alphabetic));
        if after_s && word_follows && later_closer {
            m.role = Role::Neither;
        } else {
            later_closer = true;
        }
    }
}

/// Apostrophes ("Putin's", "rock 'n' roll", "'90s", "'em", "the girls' team") versus single
/// quotation marks.
fn single_role(
    doc: &Doc,
    i: usize,
    before: Option<char>,
    after: Option<char>,
    left: bool,
    right: bool,
    skip_next_single: &mut bool,
) -> Role {
    if before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric) {
        return Role::Neither;
    }
    if left {
        let next = doc.tok_text(i + 1);
        if doc.is_word(i + 1) && doc.toks[i + 1].start == doc.toks[i].end {
            if next.starts_with(|c: char| c.is_ascii_digit()) {
                return Role::Neither; // '90s
            }
            if lexicon::is_elision(next) {
                // 'n' in "rock 'n' roll": the mark after the n is an apostrophe too.
                if next.eq_ignore_ascii_case("n")
                    && matches!(doc.toks.get(i + 2).map(|t| t.kind), Some(TokKind::Mark(_)))
                {
                    *skip_next_single = true;
                }
                return Role::Neither;
            }
        }
        return Role::Open;
    }
    if right {
        return Role::Close;
    }
    Role::Neither
}

/// Finds every quotation in the article, in text order.
pub fn pairs(doc: &Doc) -> Vec<Pair> {
    let mut pairing = Pairing {
        doc,
        out: Vec::new(),
        stack: Vec::new(),
        carry: None,
    };
    let mut marks = Vec::new();
    let budget = super::quote_budget(doc.text.len());
    for (ui, unit) in doc.units.iter().enumerate() {
        if pairing.out.len() >= budget {
            break;
        }
        classify_marks(doc, unit.toks.0, unit.toks.1, &mut marks);
        pairing.stack.clear();
        let skip = pairing.carry_into(unit, &marks);
        for m in marks.iter().filter(|m| Some(m.tok) != skip) {
            if pairing.out.len() >= budget {
                break;
            }
            pairing.mark(m, unit.toks.1);
        }
        pairing.end_unit(ui, unit);
    }
    pairing.finish()
}

/// The state of [`pairs`] as it walks the units: the pairs found, the marks open in this unit
/// (outermost first) and a top-level quotation left open at the end of the previous body
/// paragraph, with where that paragraph ends.
struct Pairing<'d, 'a> {
    doc: &'d Doc<'a>,
    out: Vec<Pair>,
    stack: Vec<Open>,
    carry: Option<(Open, usize)>,
}

impl Pairing<'_, '_> {
    /// A quotation left open at the end of the previous paragraph runs on into this one when the
    /// paragraph opens with the same mark again (the convention; that mark is skipped, returned
    /// here) or closes it with no opener; else it ends where the previous paragraph ended.
    fn carry_into(&mut self, unit: &Unit, marks: &[Mark]) -> Option<usize> {
        let (open, prev_end) = self.carry.take()?;
        let mut skip = None;
        let first_mark = marks
            .iter()
            .find(|m| m.family == open.family && m.role != Role::Neither);
        let continues = unit.is_body()
            && match first_mark {
                // The convention: the mark opens each paragraph again.
                Some(m) if m.tok == unit.toks.0 && m.role != Role::Close => {
                    skip = Some(m.tok);
                    true
                }
                // A closing mark with no opener: the quotation runs on to it (not for single
                // marks, whose closer may be an apostrophe: "the girls' team").
                Some(m) => m.right && !m.left && m.role != Role::Open && m.family != Family::Single,
                None => false,
            };
        if continues {
            self.stack.push(open);
        } else {
            self.out.push(unclosed(self.doc, open, prev_end));
        }
        skip
    }

    /// One mark of a unit whose tokens end before `last`: it opens a quotation, closes the
    /// innermost open one of its family, or is not a quotation mark here.
    fn mark(&mut self, m: &Mark, last: usize) {
        let doc = self.doc;
        let open_at = self.stack.iter().rposition(|o| o.family == m.family);
        let close = match m.role {
            Role::Neither => return,
            Role::Open => {
                // A sloppy opening curly mark used as a closer.
                let closes = open_at.is_some() && m.right && !m.left;
                // Double marks do not nest inside double marks: an opener while one is
                // open means the earlier quotation was never closed; it ends here.
                if let Some(at) = open_at.filter(|_| !closes && m.family == Family::Double) {
                    self.reopen_double(at, m);
                    return;
                }
                closes
            }
            Role::Close => {
                if open_at.is_none() {
                    if m.left && m.family != Family::Single {
                        push(&mut self.stack, m);
                    }
                    return;
                }
                true
            }
            Role::Either => {
                if open_at.is_none() {
                    let at_end = m.tok + 1 >= last;
                    let inch = doc
                        .char_before(doc.toks[m.tok].start)
                        .is_some_and(|p| p.is_ascii_digit());
                    if at_end || inch {
                        return;
                    }
                }
                open_at.is_some()
            }
        };
        if !close {
            push(&mut self.stack, m);
            return;
        }
        if let Some(at) = open_at {
            let open = self.stack[at];
            self.stack.truncate(at);
            self.out.push(Pair {
                open: open.tok,
                close: Some(m.tok),
                span: Span::new(doc.toks[open.tok].start, doc.toks[m.tok].end),
                depth: open.depth,
            });
        }
    }

    /// A double opener while the double quotation at `at` of the stack is open: that one was
    /// never closed and ends at the end of its sentence (or before this mark, when that comes
    /// first); this mark opens a new one.
    fn reopen_double(&mut self, at: usize, m: &Mark) {
        let doc = self.doc;
        let open = self.stack[at];
        self.stack.truncate(at);
        let (_, s_end) = doc.sentence_range(open.tok);
        let end = s_end
            .min(m.tok)
            .checked_sub(1)
            .and_then(|t| doc.toks.get(t))
            .map_or(doc.toks[m.tok].start, |t| t.end);
        self.out.push(unclosed(doc, open, end));
        push(&mut self.stack, m);
    }

    /// What is still open at the end of unit `ui`: the outermost top-level quotation runs on
    /// into the next body paragraph, or ends here. Any family may hold an outer quotation: a
    /// British story quotes with single marks and puts terms in double ones, or the other way
    /// round.
    fn end_unit(&mut self, ui: usize, unit: &Unit) {
        if let Some(open) = self.stack.first().copied() {
            let next_is_body = self.doc.units.get(ui + 1).is_some_and(|u| u.is_body());
            if open.depth == 0 && unit.is_body() && next_is_body {
                self.carry = Some((open, unit.span.end));
            } else {
                self.out.push(unclosed(self.doc, open, unit.span.end));
            }
        }
    }

    /// The pairs, outer before inner.
    fn finish(mut self) -> Vec<Pair> {
        if let Some((open, end)) = self.carry.take() {
            self.out.push(unclosed(self.doc, open, end));
        }
        self.out
            .sort_by_key(|p| (p.span.start, std::cmp::Reverse(p.span.end)));
        self.out
    }
}

/// Deeper nesting than this is not writing; further openers are ignored (and the stack stays
/// small, so finding an opener is constant time).
const MAX_DEPTH: usize = 8;

fn push(stack: &mut Vec<Open>, m: &Mark) {
    if stack.len() >= MAX_DEPTH {
        return;
    }
    let depth = u8::try_from(stack.len()).unwrap_or(u8::MAX);
    stack.push(Open {
        tok: m.tok,
        family: m.family,
        depth,
    });
}

fn unclosed(doc: &Doc, open: Open, end: usize) -> Pair {
    Pair {
        open: open.tok,
        close: None,
        span: Span::new(doc.toks[open.tok].start, end),
        depth: open.depth,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Block, BlockKind};

    fn doc_pairs(paragraphs: &[&str]) -> (String, Vec<Pair>) {
        let text = paragraphs.join("\n\n");
        let mut blocks = Vec::new();
        let mut at = 0;
        for p in paragraphs {
            blocks.push(Block::new(BlockKind::Paragraph, at, at + p.len()));
            at += p.len() + 2;
        }
        let article = Article {
            text: text.clone(),
            blocks,
            ..Article::default()
        };
        let doc = Doc::new(&article);
        let p = pairs(&doc);
        (text, p)
    }

    fn spans(paragraphs: &[&str]) -> Vec<String> {
        let (text, pairs) = doc_pairs(paragraphs);
        pairs
            .iter()
            .map(|p| p.span.slice(&text).to_string())
            .collect()
    }

    #[test]
    fn straight_and_curly_double_marks() {
        assert_eq!(
            spans(&["\"Yes,\" he said. “No,” she said."]),
            ["\"Yes,\"", "“No,”"]
        );
    }

    #[test]
    fn apostrophes_never_open_or_close() {
        assert_eq!(
            spans(&[
                "Putin's 'Hope' of rock 'n' roll in the '90s, rock ’n’ roll, the girls' team, don’t."
            ]),
            ["'Hope'"]
        );
    }

    #[test]
    fn single_marks_as_primary_marks() {
        assert_eq!(
            spans(&["‘We won’t go,’ Putin’s aide said. 'Never,' he added."]),
            ["‘We won’t go,’", "'Never,'"]
        );
    }

    #[test]
    fn nested_quotes_inside_quotes() {
        let (text, pairs) =
            doc_pairs(&["\"He called me the 'anti-christ' of the church,\" Rathbun said."]);
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].depth, 0);
        assert_eq!(pairs[1].depth, 1);
        assert_eq!(pairs[1].span.slice(&text), "'anti-christ'");
    }

    #[test]
    fn guillemets() {
        assert_eq!(
            spans(&["Il a dit « c'est fini » hier."]),
            ["« c'est fini »"]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one() {
        let out = spans(&[
            "She said: \"First paragraph of the quote.",
            "\"Second paragraph.",
            "\"Last one.\" Then she left.",
        ]);
        assert_eq!(out.len(), 1);
        assert!(out[0].starts_with("\"First"));
        assert!(out[0].ends_with("Last one.\""));
    }

    #[test]
    fn quote_running_to_a_stray_closer_in_the_next_paragraph_is_one() {
        let out = spans(&[
            "He said, \"In the first half.",
            "We could have scored.\" Later on.",
        ]);
        assert_eq!(out.len(), 1);
        assert!(out[0].ends_with("scored.\""));
    }

    #[test]
    fn unbalanced_mark_ends_at_paragraph_end() {
        let out = spans(&[
            "He said \"this never closes.",
            "Plain next paragraph \"with\" marks.",
        ]);
        assert_eq!(out, ["\"this never closes.", "\"with\""]);
    }

    #[test]
    fn a_missing_closing_mark_ends_before_the_next_opener() {
        assert_eq!(
            spans(&["He said \"yes. Then she said \"no,\" and left."]),
            ["\"yes.", "\"no,\""]
        );
    }

    #[test]
    fn inch_marks_are_not_quotes() {
        assert!(spans(&["A 12\" record and a 5'10 man."]).is_empty());
    }
}
