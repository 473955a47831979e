//! The subject of a speech verb: the speaker phrase that stands before it ("Jeff Rathke, the
//! State Department Spokesperson, said"; "Rathbun also wrote"), with catenatives ("goes on to
//! say"), contracted pronouns ("I'm"), a person in apposition to an organization ("Analyst Kevin
//! O'Brien of Morgan Stanley") and leading phrases trimmed ("In a radio interview last week she").

use super::{
    lower_is, name_like, phrase_ending_at, proper, segment_ending_at, span_of, speaker_like,
};
use crate::analysis::lexicon::GAZETTEER;
use crate::analysis::quotes::lexicon::{self, flag};
use crate::analysis::quotes::text::Doc;
use crate::article::Span;

/// The subject of the speech verb at `verb`: "Jeff Rathke" in "Jeff Rathke, the State
/// Department Spokesperson, said"; "Rathbun" in "Rathbun also wrote".
pub fn subject_of(doc: &Doc, verb: usize, floor: usize) -> Option<Span> {
    let r = subject_range(doc, verb, floor)?;
    let r = person_of_org(doc, tidy(doc, r));
    if r.1 == r.0 + 1
        && let Some(p) = contracted_pronoun(doc, r.0)
    {
        return Some(p);
    }
    span_of(doc, r)
}

/// The pronoun of a contraction ("I" of "I'm", "she" of "she's"), as a span.
pub(super) fn contracted_pronoun(doc: &Doc, i: usize) -> Option<Span> {
    let w = doc.tok_text(i);
    let cut = w.find(['\'', '’'])?;
    let head = &w[..cut];
    let tail = &w[cut + w[cut..].chars().next()?.len_utf8()..];
    let contraction = ["m", "re", "s", "ve", "d", "ll"]
        .iter()
        .any(|t| tail.eq_ignore_ascii_case(t));
    (contraction && lexicon::is_pronoun(head)).then(|| {
        let start = doc.toks[i].start;
        Span::new(start, start + head.len())
    })
}

/// Verbs that take another verb after "to" ("goes on to say", "wanted to tell"): the subject
/// stands before them.
const CATENATIVES: &[&str] = &[
    "began",
    "begins",
    "continue",
    "continued",
    "continues",
    "decided",
    "go",
    "goes",
    "going",
    "had",
    "has",
    "have",
    "hastened",
    "hastens",
    "likes",
    "proceeded",
    "proceeds",
    "seemed",
    "seems",
    "tried",
    "tries",
    "used",
    "want",
    "wanted",
    "wants",
    "went",
];

/// The start of "goes on to" / "wanted to" before the verb at `verb`, else `verb`.
fn before_catenative(doc: &Doc, verb: usize, floor: usize) -> usize {
    if verb < floor + 2 || !lower_is(doc, verb - 1, "to") {
        return verb;
    }
    let mut k = verb - 1;
    if k > floor + 1 && lower_is(doc, k - 1, "on") {
        k -= 1;
    }
    let w = doc.tok_text(k - 1);
    if doc.is_word(k - 1) && CATENATIVES.contains(&w) {
        k - 1
    } else {
        verb
    }
}

/// Last words of organization names ("Bank of Japan", "University of Porto"): an "of" after
/// them belongs to the name.
const ORG_HEADS: &[&str] = &[
    "Bank",
    "University",
    "Institute",
    "Department",
    "Ministry",
    "Office",
    "Council",
    "Federation",
    "Organization",
    "Organisation",
    "Association",
    "Union",
    "Board",
    "College",
    "School",
    "Church",
    "Society",
    "Commission",
    "Committee",
    "Agency",
    "Court",
    "House",
    "Workers",
    "Employees",
    "Party",
    "Club",
    "League",
    "Academy",
    "Center",
    "Centre",
    "Museum",
    "Bureau",
    "Authority",
    "Service",
    "Secretary",
    "Minister",
    "Governor",
    "Mayor",
    "President",
    "Chancellor",
    "Director",
    "Head",
    "Chief",
    "Republic",
    "Kingdom",
    "State",
    "States",
];

/// "Analyst Kevin O'Brien of Morgan Stanley" → "Analyst Kevin O'Brien": the speaker is the
/// person, not the organization in the apposition. Only when two capitalised words stand before
/// "of" and the word before it does not end an organization's name ("Bank of Japan").
fn person_of_org(doc: &Doc, (first, end): (usize, usize)) -> (usize, usize) {
    let cap = |i: usize| doc.is_word(i) && doc.tok_text(i).starts_with(char::is_uppercase);
    for o in first + 2..end.saturating_sub(1) {
        if doc.tok_text(o) == "of"
            && cap(o - 1)
            && cap(o - 2)
            && cap(o + 1)
            && !ORG_HEADS.contains(&doc.tok_text(o - 1))
        {
            return (first, o);
        }
    }
    (first, end)
}

fn subject_range(doc: &Doc, verb: usize, floor: usize) -> Option<(usize, usize)> {
    let mut k = before_catenative(doc, verb, floor);
    while k > floor {
        let w = doc.tok_text(k - 1);
        if doc.is_word(k - 1) && lexicon::is_verb_filler(w) {
            k -= 1;
        } else if doc.is_punct(k - 1, ')') {
            // "Yuki Tanaka (田中由紀) said": step over the parenthesis.
            let open = (k.saturating_sub(16).max(floor)..k - 1)
                .rev()
                .find(|&i| doc.is_punct(i, '('))?;
            k = open;
        } else {
            break;
        }
    }
    if k <= floor {
        return None;
    }
    let last = k - 1;
    if doc.is_punct(last, ',') {
        // "NAME, the spokesman, said" / "After the match, NAME, Panama coach, said": walk back
        // over comma-separated segments and take the first that reads as a name.
        let mut segments = [(0usize, 0usize); 4];
        let mut n = 0;
        let mut end = last;
        while n < segments.len() && end > floor {
            let Some(seg) = segment_ending_at(doc, end - 1, floor) else {
                break;
            };
            // ", and Linda Park, a trader, said": a segment opened by a conjunction starts the
            // clause of the verb; what comes before it is another clause's.
            let w = doc.tok_text(seg.0);
            if seg.1 > seg.0 + 1 && matches!(w, "and" | "but" | "while" | "whereas" | "yet") {
                segments[n] = (seg.0 + 1, seg.1);
                n += 1;
                break;
            }
            segments[n] = seg;
            n += 1;
            if seg.0 == floor || !doc.is_punct(seg.0 - 1, ',') {
                break;
            }
            end = seg.0 - 1;
        }
        let segments = &segments[..n];
        // "John Smith of Boston, Massachusetts, said": a known place after a segment that ends
        // in "of"/"from"/"in" and a name is the rest of a place ("Boston, Massachusetts"),
        // never the speaker ("The mayor of Naxos, Stavros Kallis, said" keeps its speaker).
        let place_tail = |i: usize| {
            let (Some(&(a, b)), Some(&(c, d))) = (segments.get(i), segments.get(i + 1)) else {
                return false;
            };
            b - a <= 3
                && proper(doc, (a, b))
                && span_of(doc, (a, b))
                    .is_some_and(|sp| GAZETTEER.place(sp.slice(doc.text)).is_some())
                && (c..d).rev().take(4).any(|k| {
                    matches!(doc.tok_text(k), "of" | "from" | "in")
                        && k + 1 < d
                        && (k + 1..d).all(|j| {
                            !doc.is_word(j) || doc.tok_text(j).starts_with(char::is_uppercase)
                        })
                })
        };
        let candidates = || {
            segments
                .iter()
                .enumerate()
                .rev()
                .filter(|&(i, _)| !place_tail(i))
                .map(|(_, s)| s)
        };
        // The leftmost segment is the subject unless it is an opening phrase; phrases that
        // start at the sentence start were taken whole, so trim them to their noun phrase.
        let pick = candidates()
            .find(|&&s| proper(doc, s))
            .or_else(|| candidates().find(|&&s| name_like(doc, s)))
            .or_else(|| segments.last())
            .copied()?;
        let trimmed = phrase_ending_at(doc, pick.1 - 1, pick.0).unwrap_or(pick);
        let chosen = if name_like(doc, pick) && trimmed != pick && pick.1 - pick.0 <= 6 {
            pick
        } else {
            trimmed
        };
        return speaker_like(doc, chosen).then_some(chosen);
    }
    if !doc.is_word(last) {
        return None;
    }
    // A pronoun right before the verb is its subject ("on our last day we said").
    // Not "the i reporting" (the newspaper).
    let w = doc.tok_text(last);
    if lexicon::is_pronoun(w) && w != "i" && !(last > floor && doc.has(last - 1, flag::DETERMINER))
    {
        return Some((last, last + 1));
    }
    let phrase = phrase_ending_at(doc, last, floor)?;
    speaker_like(doc, phrase).then_some(phrase)
}

/// Trims an opening phrase off a speaker phrase: "In a radio interview last week she" → "she",
/// "On Monday Kerry" → "Kerry".
fn tidy(doc: &Doc, (first, end): (usize, usize)) -> (usize, usize) {
    let w = doc.tok_text(first);
    let opener =
        lexicon::is_common_sentence_start(w) && !lexicon::is_determiner(w) || w.ends_with("ing");
    if !opener || lexicon::is_pronoun(w) {
        return (first, end);
    }
    if let Some(p) = (first + 1..end).find(|&i| lexicon::is_pronoun(doc.tok_text(i))) {
        return (p, p + 1);
    }
    let mut start = end;
    while start > first + 1
        && doc.is_word(start - 1)
        && doc.tok_text(start - 1).starts_with(char::is_uppercase)
    {
        start -= 1;
    }
    if start < end {
        (start, end)
    } else {
        (first, end)
    }
}
