//! Who said it: the speaker phrase around a quotation, in the patterns news writing uses —
//! `"…," X said` / `"…," said X` / `X said: "…"` / `X told Y: "…"` / `"…" — X` /
//! `according to X` — and the speaker of the sentence just before a quotation.

use super::lexicon::{self, flag};
use super::text::{Doc, TokKind};
use crate::article::Span;

mod subject;
use subject::contracted_pronoun;
pub use subject::subject_of;

/// The longest speaker phrase we accept, in words.
const MAX_SPEAKER_WORDS: usize = 10;

/// How far (in tokens) we look back from a quotation for its attribution. Keeps the work per
/// quotation bounded, so a run-on "sentence" full of quotations stays linear.
pub const WINDOW: usize = 80;

/// The start of the range to search back from `at`: `floor`, but no further than `WINDOW`.
pub fn clamp(at: usize, floor: usize) -> usize {
    floor.max(at.saturating_sub(WINDOW))
}

fn lower_is(doc: &Doc, i: usize, word: &str) -> bool {
    doc.is_word(i) && doc.tok_text(i).eq_ignore_ascii_case(word)
}

/// A speech verb at `i` that really introduces speech ("told to leave" and "called for" do not).
pub fn is_speech_verb_at(doc: &Doc, i: usize) -> bool {
    if !doc.has(i, flag::SPEECH) {
        return false;
    }
    // Verbs are lowercase here ("United States" is no verb); after a determiner they are nouns
    // ("the claims", "its reports").
    if !doc.tok_text(i).starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    if i > 0 && doc.is_word(i - 1) {
        let p = doc.tok_text(i - 1);
        if doc.has(i - 1, flag::DETERMINER) || p.ends_with("'s") || p.ends_with("’s") {
            return false;
        }
        // "It is said that …": a passive without an agent names no speaker.
        let passive = ["is", "was", "are", "were", "be", "been", "being"]
            .iter()
            .any(|b| p.eq_ignore_ascii_case(b));
        if passive && !lower_is(doc, i + 1, "by") {
            return false;
        }
    }
    // "called for calm", "reports have revealed" (a noun before a verb).
    const NOT_SPEECH_NEXT: &[&str] = &[
        "are", "can", "could", "for", "had", "has", "have", "is", "may", "might", "must", "off",
        "should", "was", "were", "will", "would",
    ];
    // "told to leave", "asked to resign": an order, not words ("vowed to" still reports them).
    const ORDERED: &[&str] = &[
        "ask", "asked", "asks", "tell", "telling", "tells", "told", "urged", "urges",
    ];
    let next = doc.tok_text(i + 1);
    if !doc.is_word(i + 1) {
        return true;
    }
    if next.eq_ignore_ascii_case("to") {
        let w = doc.tok_text(i);
        return !ORDERED.iter().any(|o| w.eq_ignore_ascii_case(o));
    }
    !NOT_SPEECH_NEXT.iter().any(|w| next.eq_ignore_ascii_case(w))
}

/// A phrase that can name a speaker: it starts like one, or holds a capitalised word ("team
/// member Rodaba Noori").
fn speaker_like(doc: &Doc, (first, end): (usize, usize)) -> bool {
    can_start_speaker(doc.tok_text(first))
        || (first..end).any(|i| doc.is_word(i) && doc.tok_text(i).starts_with(char::is_uppercase))
}

/// Looks like a name rather than an opening phrase ("After the match") or a description
/// ("the State Department Spokesperson").
fn name_like(doc: &Doc, (first, _): (usize, usize)) -> bool {
    let w = doc.tok_text(first);
    w.starts_with(char::is_uppercase)
        && !lexicon::is_common_sentence_start(w)
        && !w.ends_with("ing")
        && !is_possessive(w)
}

/// A proper name: every word capitalised, but for name particles ("Suleiman al-Amr").
fn proper(doc: &Doc, (first, end): (usize, usize)) -> bool {
    name_like(doc, (first, end))
        && (first..end).all(|i| {
            let w = doc.tok_text(i);
            let head = w.split('-').next().unwrap_or(w);
            !doc.is_word(i)
                || w.starts_with(char::is_uppercase)
                || [
                    "al", "bin", "da", "de", "del", "der", "di", "du", "el", "la", "le", "van",
                    "von",
                ]
                .iter()
                .any(|p| head.eq_ignore_ascii_case(p))
        })
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

/// The comma-separated segment that ends at `last`: every token back to a comma or `floor`,
/// at most `MAX_SPEAKER_WORDS` words; `None` when another mark or stop is met.
fn segment_ending_at(doc: &Doc, last: usize, floor: usize) -> Option<(usize, usize)> {
    let mut first = last + 1;
    let mut words = 0;
    let mut i = last + 1;
    let floor = clamp(last, floor);
    while i > floor {
        i -= 1;
        match doc.toks[i].kind {
            TokKind::Punct(',') => break,
            TokKind::Word => {
                words += 1;
                if words > MAX_SPEAKER_WORDS + 2 {
                    return None;
                }
            }
            TokKind::Punct('(' | ')' | '.' | '-' | '&' | '/') => {}
            _ => return None,
        }
        first = i;
    }
    (first <= last).then_some((first, last + 1))
}

/// True for words that can start a speaker phrase: a capital, a determiner or a pronoun
/// ("officials" is allowed too: a plain plural noun).
fn can_start_speaker(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
        || lexicon::is_determiner(word)
        || lexicon::is_pronoun(word)
        || word.ends_with('s')
}

/// The noun phrase that ends at token `last` (inclusive), walking back to a clause boundary.
/// Returns the token range `(first, last + 1)`, or `None` when there is no phrase.
fn phrase_ending_at(doc: &Doc, last: usize, floor: usize) -> Option<(usize, usize)> {
    let mut first = last + 1;
    let mut words = 0;
    let mut i = last + 1;
    while i > floor {
        i -= 1;
        let tok = doc.toks[i];
        match tok.kind {
            TokKind::Word => {
                let w = doc.tok_text(i);
                if lexicon::is_clause_word(w) || is_speech_verb_at(doc, i) {
                    break;
                }
                words += 1;
                if words > MAX_SPEAKER_WORDS {
                    return None;
                }
                first = i;
            }
            // "Mr.", "U.S." and "L." keep their period.
            TokKind::Punct('.')
                if i > floor && doc.toks[i - 1].end == tok.start && keeps_period(doc, i - 1) =>
            {
                first = i;
            }
            _ => break,
        }
    }
    (first <= last).then_some((first, last + 1))
}

/// The noun phrase that starts at token `first`, up to punctuation or a clause word.
fn phrase_starting_at(doc: &Doc, first: usize, ceil: usize) -> Option<(usize, usize)> {
    let mut end = first;
    let mut i = first;
    while i < ceil {
        let tok = doc.toks[i];
        match tok.kind {
            TokKind::Word => {
                let w = doc.tok_text(i);
                if lexicon::is_clause_word(w) || is_speech_verb_at(doc, i) {
                    break;
                }
                if i - first >= MAX_SPEAKER_WORDS {
                    break;
                }
                end = i + 1;
            }
            TokKind::Punct('.')
                if i > first && keeps_period(doc, i - 1) && i + 1 < ceil && doc.is_word(i + 1) =>
            {
                end = i + 1;
            }
            // "Kouris & Partners".
            TokKind::Punct('&') if i > first && i + 1 < ceil && doc.is_word(i + 1) => {}
            _ => break,
        }
        i += 1;
    }
    (end > first).then_some((first, end))
}

/// A word whose period is part of it: an abbreviation ("Mr."), a dotted one ("U.S."), an
/// initial ("L.").
fn keeps_period(doc: &Doc, i: usize) -> bool {
    let w = doc.tok_text(i);
    doc.is_word(i)
        && (doc.has(i, flag::ABBREVIATION)
            || w.contains('.')
            || (w.chars().count() == 1 && w.starts_with(char::is_uppercase)))
}

/// The text span of the token range `(first, end)`; `None` for an empty or out-of-range one.
fn span_of(doc: &Doc, (first, end): (usize, usize)) -> Option<Span> {
    let last = end.checked_sub(1).filter(|&l| l >= first)?;
    Some(Span::new(
        doc.toks.get(first)?.start,
        doc.toks.get(last)?.end,
    ))
}

/// Speaker named after a closing mark at `close`: `"…," X said` / `"…," said X` / `"…" — X` /
/// `"…", according to X`. `end` bounds the search (the sentence end).
pub fn after(doc: &Doc, close: usize, end: usize) -> Option<Span> {
    let mut j = close + 1;
    let mut dash = false;
    while j < end {
        match doc.toks[j].kind {
            TokKind::Punct(',') => j += 1,
            TokKind::Punct('—' | '–' | '-') => {
                dash = true;
                j += 1;
            }
            _ => break,
        }
    }
    if j >= end || !doc.is_word(j) {
        return None;
    }
    if lower_is(doc, j, "according") && lower_is(doc, j + 1, "to") {
        return phrase_starting_at(doc, j + 2, end).and_then(|p| span_of(doc, p));
    }
    if dash {
        let p = phrase_starting_at(doc, j, end)?;
        return doc
            .tok_text(p.0)
            .starts_with(|c: char| c.is_uppercase())
            .then(|| span_of(doc, p))
            .flatten();
    }
    if is_speech_verb_at(doc, j) {
        // Inverted: "said KCNA", "said Ambassador Mohib".
        let p = phrase_starting_at(doc, j + 1, end)?;
        return speaker_like(doc, p).then(|| span_of(doc, p)).flatten();
    }
    // "X said", "X, editor at large, said", "X also said".
    let mut v = j;
    let limit = (j + 3 * MAX_SPEAKER_WORDS).min(end);
    while v < limit {
        match doc.toks[v].kind {
            TokKind::Word if is_speech_verb_at(doc, v) => break,
            TokKind::Word | TokKind::Punct(',' | '.' | '(' | ')') => v += 1,
            _ => return None,
        }
    }
    if v >= limit || v == j {
        return None;
    }
    let first_word = doc.tok_text(j);
    if lexicon::is_clause_word(first_word)
        || (lexicon::is_function_word(first_word)
            && !lexicon::is_determiner(first_word)
            && !lexicon::is_pronoun(first_word))
    {
        return None;
    }
    // The phrase runs to the first comma (an apposition follows) or to the verb.
    let mut stop = j;
    while stop < v && !doc.is_punct(stop, ',') {
        stop += 1;
    }
    // Drop adverbs and auxiliaries before the verb.
    while stop > j + 1 && doc.is_word(stop - 1) && lexicon::is_verb_filler(doc.tok_text(stop - 1)) {
        stop -= 1;
    }
    let words = (j..stop).filter(|&i| doc.is_word(i)).count();
    if words == 0 || words > MAX_SPEAKER_WORDS || !speaker_like(doc, (j, stop)) {
        return None;
    }
    // "Grant's spokesman, Mark Owen, told": a description, then the name in apposition.
    if stop < v && !proper(doc, (j, stop)) {
        let mut next = stop + 1;
        while next < v && !doc.is_punct(next, ',') {
            next += 1;
        }
        let name = (stop + 1, next);
        if next > stop + 1
            && next - stop - 1 <= 4
            && doc.is_punct(next, ',')
            && proper(doc, name)
            && (name.0..name.1).all(|i| doc.is_word(i) || doc.is_punct(i, '.'))
        {
            return span_of(doc, name);
        }
    }
    span_of(doc, (j, stop))
}

/// Speaker named before an opening mark at `open` in the same sentence (from `floor`):
/// `X said: "…"`, `X told Y: "…"`, `X called it "…"`, `according to X, "…"`.
pub fn before(doc: &Doc, open: usize, floor: usize) -> Option<Span> {
    let floor = clamp(open, floor);
    let mut i = open;
    while i > floor {
        i -= 1;
        if !doc.is_word(i) {
            continue;
        }
        if lower_is(doc, i, "according")
            && lower_is(doc, i + 1, "to")
            && let Some(p) = phrase_starting_at(doc, i + 2, open)
        {
            return span_of(doc, p);
        }
        // The source of a saying: "a quote attributed to Einstein —", "the famous quote by
        // Thomas Edison:".
        let source = if lower_is(doc, i, "attributed") && lower_is(doc, i + 1, "to") {
            Some(i + 2)
        } else {
            is_source_by(doc, i).then_some(i + 1)
        };
        if let Some(from) = source
            && let Some(p) = phrase_starting_at(doc, from, open)
            && name_like(doc, p)
        {
            return span_of(doc, p);
        }
        if let Some(s) = quotative_at(doc, i, open, floor) {
            return Some(s);
        }
        if is_speech_verb_at(doc, i) {
            // "called" right before the mark names a thing; it is not speech, but for a name
            // before it ("Donald Tusk called "a warning"").
            if i + 1 == open
                && doc.tok_text(i).eq_ignore_ascii_case("called")
                && !super::classify::named_caller(doc, i, floor)
            {
                continue;
            }
            // The passive: "was described by one colleague as".
            if lower_is(doc, i + 1, "by")
                && let Some(p) = phrase_starting_at(doc, i + 2, open)
            {
                return span_of(doc, p);
            }
            if let Some(s) = subject_of(doc, i, floor) {
                return Some(s);
            }
        }
    }
    None
}

/// "by" or "from" after a noun for a saying ("quote by", "words from"), "of" after "words":
/// its source follows.
fn is_source_by(doc: &Doc, i: usize) -> bool {
    const SAYINGS: &[&str] = &[
        "line",
        "lines",
        "quotation",
        "quote",
        "quotes",
        "remark",
        "saying",
        "words",
    ];
    // "in the words of X".
    if lower_is(doc, i, "of") && i > 0 && lower_is(doc, i - 1, "words") {
        return true;
    }
    (lower_is(doc, i, "by") || lower_is(doc, i, "from"))
        && i > 0
        && doc.is_word(i - 1)
        && SAYINGS
            .iter()
            .any(|s| doc.tok_text(i - 1).eq_ignore_ascii_case(s))
}

/// The quotative "like" at `i` right before the opening mark `open` ("I'm like "…"", "she
/// was like, "…""): its subject.
fn quotative_at(doc: &Doc, i: usize, open: usize, floor: usize) -> Option<Span> {
    if open - i > 2 || !lower_is(doc, i, "like") {
        return None;
    }
    let only_punct = (i + 1..open).all(|j| {
        matches!(
            doc.toks[j].kind,
            TokKind::Punct(',' | ':' | '-' | '–' | '—')
        )
    });
    only_punct
        .then(|| quotative_subject(doc, i, floor))
        .flatten()
}

/// A quotative "like" introduces the quotation at `open` (a speech cue).
pub fn quotative_before(doc: &Doc, open: usize, floor: usize) -> bool {
    let floor = clamp(open, floor);
    (open.saturating_sub(2).max(floor)..open).any(|i| quotative_at(doc, i, open, floor).is_some())
}

/// The subject of a quotative "like" at `like`: "I" in "I'm like" / "I was just like", "she"
/// in "she's like".
fn quotative_subject(doc: &Doc, like: usize, floor: usize) -> Option<Span> {
    const BE: &[&str] = &["am", "are", "be", "is", "was", "were"];
    let mut k = like;
    // "just like", "all like", "literally like".
    while k > floor
        && doc.is_word(k - 1)
        && (doc.tok_text(k - 1).ends_with("ly")
            || ["all", "just", "kind", "kinda", "sort", "so"].contains(&doc.tok_text(k - 1)))
    {
        k -= 1;
    }
    let be = k.checked_sub(1).filter(|&b| b >= floor && doc.is_word(b))?;
    if let Some(p) = contracted_pronoun(doc, be) {
        return Some(p);
    }
    if !BE.iter().any(|b| doc.tok_text(be).eq_ignore_ascii_case(b)) {
        return None;
    }
    subject_of(doc, be, floor)
}

/// The subject that opens a sentence ("Kerry" in "Kerry was blunt."): capitalised words at its
/// start, after any leading adverbial phrase ending in a comma.
pub fn leading_subject(doc: &Doc, (start, end): (usize, usize)) -> Option<Span> {
    let mut first = start;
    let first_word = doc.tok_text(first);
    if lexicon::is_common_sentence_start(first_word)
        || first_word.ends_with("ing")
        || !doc.is_word(first)
    {
        // "On Wednesday, Sunak defended …": skip to after the first comma.
        let comma = (start..end.min(start + 12)).find(|&i| doc.is_punct(i, ','))?;
        first = comma + 1;
    }
    if first >= end || !doc.is_word(first) {
        return None;
    }
    let mut stop = first;
    while stop < end
        && doc.is_word(stop)
        && doc
            .tok_text(stop)
            .starts_with(|c: char| c.is_uppercase() || c == '\'')
    {
        stop += 1;
    }
    if stop == first || lexicon::is_common_sentence_start(doc.tok_text(first)) {
        return None;
    }
    // A verb-like lowercase word must follow the name.
    let next_is_lower_word =
        doc.is_word(stop) && doc.tok_text(stop).starts_with(|c: char| c.is_lowercase());
    next_is_lower_word
        .then(|| span_of(doc, (first, stop)))
        .flatten()
}

/// The speech verb nearest before `open` in its sentence, if any (for telling speech from terms).
pub fn speech_verb_before(doc: &Doc, open: usize, floor: usize) -> Option<usize> {
    (clamp(open, floor)..open).rev().find(|&i| {
        is_speech_verb_at(doc, i)
            && !(i + 1 == open && doc.tok_text(i).eq_ignore_ascii_case("called"))
    })
}

/// True when "according to" appears in the range.
pub fn has_according_to(doc: &Doc, from: usize, to: usize) -> bool {
    (clamp(to, from)..to).any(|i| lower_is(doc, i, "according") && lower_is(doc, i + 1, "to"))
}

/// The speech verb of a headline, capitalised or not ("Says", "warns").
pub fn headline_verb(doc: &Doc, (first, end): (usize, usize)) -> Option<usize> {
    (first..end.min(first + 40)).find(|&i| {
        let w = doc.tok_text(i);
        doc.has(i, flag::SPEECH)
            && !i
                .checked_sub(1)
                .is_some_and(|p| doc.has(p, flag::DETERMINER))
            && (w.starts_with(char::is_lowercase) || i > first)
    })
}

/// The speaker a headline names: "…, Says Transport Secretary" / "Minister Warns …" /
/// "Trump: '…'".
pub fn headline_speaker(doc: &Doc, (first, end): (usize, usize), open: usize) -> Option<Span> {
    if let Some(v) = headline_verb(doc, (first, end)) {
        // Inverted after a comma or a quotation: ", Says Transport Secretary".
        // A headline that opens with the verb ("Says …") names nobody before it.
        let before = v.checked_sub(1).filter(|&b| b >= first);
        let inverted = before.is_some_and(|b| {
            doc.is_punct(b, ',')
                || matches!(doc.toks.get(b).map(|t| t.kind), Some(TokKind::Mark(_)))
        });
        let phrase = if inverted {
            phrase_starting_at(doc, v + 1, end)
        } else {
            before.and_then(|b| phrase_ending_at(doc, b, first))
        };
        return phrase.and_then(|p| span_of(doc, p));
    }
    // "Trump: 'We will build it'".
    if open >= first + 2 && doc.is_punct(open - 1, ':') && open - first <= 5 {
        return span_of(doc, (first, open - 1));
    }
    None
}

/// "a statement from its general secretary, Paulo Rebelo:" — the author of a statement,
/// letter or message that a sentence introduces.
pub fn statement_from(doc: &Doc, (start, end): (usize, usize)) -> Option<Span> {
    const STATEMENTS: &[&str] = &[
        "address",
        "comments",
        "email",
        "letter",
        "message",
        "note",
        "post",
        "remarks",
        "speech",
        "statement",
        "tweet",
        "words",
    ];
    let from = (clamp(end, start) + 1..end).find(|&i| {
        lower_is(doc, i, "from")
            && STATEMENTS
                .iter()
                .any(|s| doc.tok_text(i - 1).eq_ignore_ascii_case(s))
    })?;
    let first = phrase_starting_at(doc, from + 1, end)?;
    // An apposition naming the author: "its general secretary, Paulo Rebelo,".
    if doc.is_punct(first.1, ',')
        && let Some(second) = phrase_starting_at(doc, first.1 + 1, end)
        && name_like(doc, second)
        && !name_like(doc, first)
    {
        return span_of(doc, second);
    }
    span_of(doc, first)
}
