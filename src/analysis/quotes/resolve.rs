//! Links speakers to entities: the entity with a mention inside the speaker phrase (a person
//! first), or for a pronoun the nearest fitting entity before it — he/she by a gender read from
//! the article ("Mr.", "Ms.", the pronouns that follow a person's mentions), it/they to an
//! organization or the speaker of the quotation before.

use super::Found;
use super::lexicon;
use super::text::Doc;
use crate::analysis::lexicon::{Gender, first_name_gender, honorific_gender};
use crate::analysis::{Entity, EntityKind};
use crate::article::Span;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug)]
struct Mention {
    span: Span,
    entity: usize,
    kind: EntityKind,
}

/// Links speakers window by window (`super::extract` reads a long article in windows of text):
/// the article's mentions, surnames and gender votes are gathered once; each window adds the
/// votes of its pronouns before its speakers are resolved. For an article read in one window
/// this is exactly one pass over the whole article.
pub struct Resolver<'e> {
    entities: &'e [Entity],
    mentions: Vec<Mention>,
    surnames: HashMap<&'e str, Option<usize>>,
    /// Male and female votes per entity, and the gender they give.
    votes: Vec<(u32, u32)>,
    genders: Vec<Gender>,
    /// Persons' mentions in text order, and how far the pronoun cursor has read them.
    persons: Vec<(usize, usize)>,
    next_person: usize,
    last_person: Option<usize>,
    /// The person the article speaks as ("I"), once a speaker "I" asks for it: see `narrator`.
    narrator: Option<Option<usize>>,
}

impl<'e> Resolver<'e> {
    pub fn new(text: &str, entities: &'e [Entity]) -> Self {
        let mut mentions: Vec<Mention> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions.iter().map(move |&span| Mention {
                    span,
                    entity: i,
                    kind: e.kind,
                })
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        let votes = name_votes(text, entities, &mentions);
        let genders = votes.iter().map(|&v| gender_of(v)).collect();
        let persons = mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| (m.span.start, m.entity))
            .collect();
        Resolver {
            entities,
            narrator: None,
            mentions,
            surnames: surnames(entities),
            votes,
            genders,
            persons,
            next_person: 0,
            last_person: None,
        }
    }

    /// `span` widened to hold whole the mentions its ends fall inside: reported speech ends at
    /// a word, before the full stop, and "U.S." or "Apple Inc." keep theirs; a quotation left
    /// open ends with its sentence, where the name reader may not ("“ World#St. Bank").
    pub fn whole_mentions(&self, span: Span) -> Span {
        // The mentions holding `at` strictly inside; they nest a few deep at most, so a few
        // before it are enough to look at.
        let around = |at: usize| {
            let i = self.mentions.partition_point(|m| m.span.start < at);
            self.mentions[i.saturating_sub(4)..i]
                .iter()
                .filter(move |m| m.span.end > at)
        };
        let start = around(span.start)
            .map(|m| m.span.start)
            .fold(span.start, usize::min);
        let end = around(span.end)
            .map(|m| m.span.end)
            .fold(span.end, usize::max);
        Span::new(start, end)
    }

    /// For each quotation of the window `doc` (windows in text order), the index into
    /// `entities` of its speaker, if found.
    pub fn speakers(&mut self, doc: &Doc, found: &[Found]) -> Vec<Option<usize>> {
        if self.entities.is_empty() {
            return vec![None; found.len()];
        }
        self.pronoun_votes(doc);
        let entities = self.entities;
        let mut out: Vec<Option<usize>> = Vec::with_capacity(found.len());
        for (qi, f) in found.iter().enumerate() {
            let Some(speaker) = f.speaker else {
                out.push(None);
                continue;
            };
            let text = speaker.slice(doc.text).trim();
            let link = match pronoun(text) {
                Some(Pronoun::I) => *self
                    .narrator
                    .get_or_insert_with(|| narrator(doc.text, &self.mentions)),
                Some(p) => resolve_pronoun(
                    p,
                    speaker,
                    &self.mentions,
                    &self.genders,
                    entities,
                    found,
                    &out,
                    qi,
                    doc,
                ),
                None => in_phrase(speaker, &self.mentions, doc.text)
                    .or_else(|| by_surname(text, &self.surnames))
                    .or_else(|| by_role(text, speaker, &self.mentions, entities)),
            };
            out.push(link);
        }
        out
    }

    /// Pronouns vote for the person mentioned last before them.
    fn pronoun_votes(&mut self, doc: &Doc) {
        for t in &doc.toks {
            // Only he/him/his/she/her/hers count: the tokeniser's flag skips every other token
            // without reading its text (the person cursor catches up at the next pronoun).
            if t.flags & lexicon::flag::GENDERED == 0 {
                continue;
            }
            while let Some(&(start, entity)) = self.persons.get(self.next_person)
                && start <= t.start
            {
                self.last_person = Some(entity);
                self.next_person += 1;
            }
            let Some(e) = self.last_person else { continue };
            let w = doc.text.get(t.start..t.end).unwrap_or("");
            let (Some(v), Some(g)) = (self.votes.get_mut(e), self.genders.get_mut(e)) else {
                continue;
            };
            match w {
                "he" | "He" | "him" | "his" | "His" => v.0 += 1,
                "she" | "She" | "her" | "Her" | "hers" => v.1 += 1,
                _ => continue,
            }
            *g = gender_of(*v);
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pronoun {
    He,
    She,
    It,
    They,
    /// "I": the narrator.
    I,
}

fn pronoun(text: &str) -> Option<Pronoun> {
    let is = |w: &str| text.eq_ignore_ascii_case(w);
    if is("he") {
        Some(Pronoun::He)
    } else if is("she") {
        Some(Pronoun::She)
    } else if is("it") {
        Some(Pronoun::It)
    } else if is("they") || is("we") {
        Some(Pronoun::They)
    } else if text == "I" {
        Some(Pronoun::I)
    } else {
        None
    }
}

/// The entity with a mention inside the speaker phrase: the last person mentioned in it (the
/// head of "White House spokesman Ned Price"), else an organization or place that ends it; an
/// organization before the place it is in ("the Suez Canal Authority in Ismailia").
fn in_phrase(speaker: Span, mentions: &[Mention], text: &str) -> Option<usize> {
    let from = mentions.partition_point(|m| m.span.start < speaker.start);
    let inside = mentions[from..]
        .iter()
        .take_while(|m| m.span.start < speaker.end)
        .filter(|m| speaker.contains(&m.span));
    let mut person = None;
    let mut head = None;
    let mut org: Option<&Mention> = None;
    let mut outer: Option<Span> = None;
    for m in inside {
        // "the University of Warsaw": not the place inside the name.
        if outer.is_some_and(|o| o.contains(&m.span)) {
            continue;
        }
        outer = Some(m.span);
        // "Biden's chief of staff" is not Biden.
        let possessive = text
            .get(m.span.end..)
            .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"));
        if possessive {
            continue;
        }
        if m.kind == EntityKind::Person {
            person = Some(m.entity);
        }
        let rest = text.get(m.span.end..speaker.end).unwrap_or("x");
        if rest.trim_start_matches(['\'', '’', 's']).trim().is_empty() {
            let located = org.filter(|o| {
                m.kind == EntityKind::Place
                    && text.get(o.span.end..m.span.start).is_some_and(|between| {
                        matches!(
                            between.trim().trim_start_matches(',').trim(),
                            "in" | "at" | "of" | "from" | "based in"
                        )
                    })
            });
            // "a senior official in Brussels": where the speaker is, not who.
            let only_where = located.is_none()
                && m.kind == EntityKind::Place
                && text.get(speaker.start..m.span.start).is_some_and(|before| {
                    let before = before.trim_end();
                    [" in", " at", " from", " based in"]
                        .iter()
                        .any(|p| before.ends_with(p))
                });
            head = if only_where {
                None
            } else {
                Some(located.map_or(m.entity, |o| o.entity))
            };
        }
        if m.kind == EntityKind::Organization {
            org = Some(m);
        }
    }
    person.or(head)
}

/// People by the last word of their name; `None` when two people share it (the phrase would
/// not say which).
fn surnames(entities: &[Entity]) -> HashMap<&str, Option<usize>> {
    let mut map: HashMap<&str, Option<usize>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Person {
            continue;
        }
        if let Some(last) = e.name.split_whitespace().next_back() {
            map.entry(last).and_modify(|v| *v = None).or_insert(Some(i));
        }
    }
    map
}

/// A person whose name ends with the speaker phrase's last word ("Mohib" in "Ambassador Mohib").
fn by_surname(text: &str, surnames: &HashMap<&str, Option<usize>>) -> Option<usize> {
    let last = text.split_whitespace().next_back()?;
    if !last.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    surnames.get(last).copied().flatten()
}

/// "the minister", "the White House spokesman": the nearest person before whose role ends with
/// the same word ("Infrastructure Minister", "White House spokesman").
fn by_role(text: &str, at: Span, mentions: &[Mention], entities: &[Entity]) -> Option<usize> {
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let head = words.next_back()?;
    if !first.eq_ignore_ascii_case("the") || words.count() > 3 {
        return None;
    }
    let before = &mentions[..mentions.partition_point(|m| m.span.start < at.start)];
    before
        .iter()
        .rev()
        .take(64)
        .filter(|m| m.kind == EntityKind::Person)
        .find(|m| {
            entities[m.entity]
                .role
                .as_deref()
                .and_then(|r| r.split_whitespace().next_back())
                .is_some_and(|r| r.trim_end_matches('.').eq_ignore_ascii_case(head))
        })
        .map(|m| m.entity)
}

#[allow(clippy::too_many_arguments)]
fn resolve_pronoun(
    p: Pronoun,
    at: Span,
    mentions: &[Mention],
    genders: &[Gender],
    entities: &[Entity],
    found: &[Found],
    links: &[Option<usize>],
    qi: usize,
    doc: &Doc,
) -> Option<usize> {
    let before = &mentions[..mentions.partition_point(|m| m.span.start < at.start)];
    match p {
        Pronoun::He | Pronoun::She => {
            let want = if p == Pronoun::He {
                Gender::Male
            } else {
                Gender::Female
            };
            // The speaker of the quotation before, when the pronoun fits and nobody else has
            // been named since (a speaker goes on).
            let previous = previous_speaker_at(found, links, qi).and_then(|(e, since)| {
                let from = mentions.partition_point(|m| m.span.start < since);
                let other_named = before.get(from..).is_some_and(|ms| {
                    ms.iter()
                        .any(|m| m.kind == EntityKind::Person && m.entity != e)
                });
                (entities[e].kind == EntityKind::Person && genders[e] == want && !other_named)
                    .then_some(e)
            });
            // Else the nearest person known to fit, looking a few people back before settling
            // for the nearest person of unknown gender.
            // Someone the quotation talks about by name is not the one speaking it ("He said,
            // "Andy Warhol was the center of the Zeitgeist"").
            let quote = found[qi].span;
            let from = mentions.partition_point(|m| m.span.start < quote.start);
            let inside: Vec<usize> = mentions[from..]
                .iter()
                .take_while(|m| m.span.start < quote.end)
                .take(32)
                .map(|m| m.entity)
                .collect();
            let persons = before
                .iter()
                .rev()
                .take(64)
                .filter(|m| m.kind == EntityKind::Person && !inside.contains(&m.entity))
                .take(6);
            let mut unknown = None;
            let mut exact = None;
            let mut possessor = None;
            let mut subject = None;
            for m in persons {
                // "asked about Haaland's form": the possessor is seldom the one who speaks next.
                let possessive = doc
                    .text
                    .get(m.span.end..)
                    .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"));
                if possessive {
                    if possessor.is_none() && genders[m.entity] != other(want) {
                        possessor = Some(m.entity);
                    }
                    continue;
                }
                if genders[m.entity] == other(want) {
                    continue;
                }
                // The subject of a recent sentence is the likeliest one to go on speaking.
                if subject.is_none() && is_subject(doc, m.span) {
                    subject = Some(m.entity);
                }
                match genders[m.entity] {
                    g if g == want && exact.is_none() => exact = Some(m.entity),
                    Gender::Either if unknown.is_none() => unknown = Some(m.entity),
                    _ => {}
                }
            }
            previous.or(subject).or(exact).or(unknown).or(possessor)
        }
        Pronoun::I => None,
        Pronoun::It | Pronoun::They => {
            // The speaker of the quotation before, when it is not a person ("…," said KCNA.
            // "…," it added).
            // "They" stands for a group here: organisations only, like "it".
            let previous = previous_speaker(found, links, qi)
                .filter(|&e| entities[e].kind == EntityKind::Organization);
            previous.or_else(|| {
                before
                    .iter()
                    .rev()
                    .take(64)
                    .find(|m| m.kind == EntityKind::Organization)
                    .map(|m| m.entity)
            })
        }
    }
}

/// How far into the article (bytes) the narrator is looked for: a speech, talk, interview or
/// vlog names its speaker in its title or opening lines.
const NARRATOR_BYTES: usize = 4096;

/// How far before a name (bytes, within its line and sentence) a cue such as "Remarks by" may
/// stand: "Remarks by President Biden", "Interview with US political activist Noam Chomsky".
const CUE_REACH: usize = 80;

/// Cues right before a name by which a speaker introduces themselves; they hold whatever kind
/// the name was taken for ("it's Shawntas Way here").
const SELF_CUES: &[&str] = &["i am", "i'm", "i’m", "my name is", "my name's", "my name’s"];

/// Cues right before a person's name that present them in the first person.
const NEAR_CUES: &[&str] = &["it is", "it's", "it’s", "this is"];

/// Cues before a person's name, perhaps with a title or description between, that make them
/// the one speaking.
const FAR_CUES: &[&str] = &[
    "address by",
    "conversation with",
    "interview with",
    "interviewed",
    "interviews",
    "keynote by",
    "lecture by",
    "remarks by",
    "remarks of",
    "speaks with",
    "speech by",
    "speech of",
    "spoke to",
    "spoke with",
    "statement by",
    "talk by",
    "talks to",
    "talks with",
    "testimony of",
];

/// Words right after a person's name that make them the one speaking ("Speaker Nancy Pelosi
/// delivered remarks", "Nick Bos tells Wikinews").
const AFTER_CUES: &[&str] = &[
    "addressed",
    "delivered",
    "remarks",
    "speaks",
    "speech",
    "spoke",
    "talks to",
    "tells wikinews",
    "told wikinews",
];

/// Nouns for what a speaker delivers: "Nehru's Inaugural Address", "Pelosi's remarks".
const DELIVERED: &[&str] = &[
    "address",
    "interview",
    "keynote",
    "lecture",
    "remarks",
    "speech",
    "statement",
    "testimony",
];

/// `s` ends with the phrase `p` (ASCII case ignored) at a word boundary.
fn ends_with_phrase(s: &str, p: &str) -> bool {
    let Some(cut) = s.len().checked_sub(p.len()) else {
        return false;
    };
    s.is_char_boundary(cut)
        && s[cut..].eq_ignore_ascii_case(p)
        && !s[..cut].ends_with(|c: char| c.is_alphanumeric() || c == '\'' || c == '’')
}

/// `s` starts with the phrase `p` (ASCII case ignored) at a word boundary.
fn starts_with_phrase(s: &str, p: &str) -> bool {
    s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
        && !s[p.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// `s` holds the phrase `p` (ASCII case ignored) at word boundaries.
fn holds_phrase(s: &str, p: &str) -> bool {
    (0..s.len()).any(|i| {
        s.is_char_boundary(i)
            && starts_with_phrase(&s[i..], p)
            && !s[..i].ends_with(|c: char| c.is_alphanumeric())
    })
}

/// The person a first-person text speaks as: one who introduces themselves ("my name is X",
/// "I'm X", "it's X here"), or whom the opening lines present as the one speaking ("Remarks by
/// President X", "X delivered remarks", "X's Inaugural Address", "Interview with X", "X tells
/// Wikinews"). The first such mention within `NARRATOR_BYTES` of the start; `None` when nobody
/// is presented so.
fn narrator(text: &str, mentions: &[Mention]) -> Option<usize> {
    mentions
        .iter()
        .take_while(|m| m.span.start < NARRATOR_BYTES)
        .find(|m| {
            let mut from = m.span.start.saturating_sub(CUE_REACH);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let line = text.get(from..m.span.start).unwrap_or("");
            // The same line and sentence only.
            let line = line
                .rfind(['\n', '.', '!', '?', ':', ';'])
                .map_or(line, |i| &line[i + 1..]);
            let near = line.trim_end().trim_end_matches(',').trim_end();
            let after = text
                .get(m.span.end..)
                .unwrap_or("")
                .trim_start_matches(',')
                .trim_start();
            let self_named = SELF_CUES.iter().any(|p| ends_with_phrase(near, p))
                || starts_with_phrase(after, "here");
            if self_named {
                return true;
            }
            if m.kind != EntityKind::Person {
                return false;
            }
            NEAR_CUES.iter().any(|p| ends_with_phrase(near, p))
                || FAR_CUES.iter().any(|p| holds_phrase(line, p))
                || AFTER_CUES.iter().any(|p| starts_with_phrase(after, p))
                || delivers(after)
        })
        .map(|m| m.entity)
}

/// "'s remarks", "'s Inaugural Address": a possessive, up to two more words, and a noun for
/// what a speaker delivers.
fn delivers(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
    else {
        return false;
    };
    rest.split_whitespace().take(3).any(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        DELIVERED.iter().any(|d| w.eq_ignore_ascii_case(d))
    })
}

/// The linked speaker of the nearest earlier quotation that has a speaker.
fn previous_speaker(found: &[Found], links: &[Option<usize>], qi: usize) -> Option<usize> {
    previous_speaker_at(found, links, qi).map(|(e, _)| e)
}

/// The same, with the offset after which others may have been named since (the end of that
/// quotation or of its speaker phrase, whichever comes later).
fn previous_speaker_at(
    found: &[Found],
    links: &[Option<usize>],
    qi: usize,
) -> Option<(usize, usize)> {
    let (f, link) = found[..qi]
        .iter()
        .zip(links)
        .rev()
        .take(8)
        .find(|(f, _)| f.speaker.is_some())?;
    let since = f.span.end.max(f.speaker.map_or(0, |s| s.end));
    link.map(|e| (e, since))
}

/// A mention that opens its sentence, perhaps after titles or an opening phrase and a comma
/// ("Guardiola, asked about …, smiled."; "Labour's Shadow Home Secretary Yvette Cooper said").
fn is_subject(doc: &Doc, mention: Span) -> bool {
    let at = doc.toks.partition_point(|t| t.start < mention.start);
    let Some(tok) = doc.toks.get(at) else {
        return false;
    };
    if tok.start != mention.start {
        return false;
    }
    let (start, _) = doc.sentence_range(at);
    let lead_in = |from: usize| {
        (from..at).all(|i| {
            let w = doc.tok_text(i);
            (doc.is_word(i) && (w.starts_with(char::is_uppercase) || w == "the"))
                || doc.is_punct(i, '.')
        }) && at - from <= 8
    };
    if lead_in(start) {
        return true;
    }
    // After an opening phrase: "On Monday, Kerry …".
    (start..at.min(start + 10))
        .find(|&i| doc.is_punct(i, ','))
        .is_some_and(|comma| lead_in(comma + 1))
}

fn other(g: Gender) -> Gender {
    match g {
        Gender::Male => Gender::Female,
        Gender::Female => Gender::Male,
        Gender::Either => Gender::Either,
    }
}

/// Each entity's gender as the article shows it: a title before a mention ("Mr.", "Mrs.",
/// "Ms."), the first name of its canonical name, and the third-person pronouns that follow its
/// mentions before another person's (weakest, as a pronoun may refer to someone else; counted
/// by `Resolver::pronoun_votes`). Here the votes of titles and first names.
fn name_votes(text: &str, entities: &[Entity], mentions: &[Mention]) -> Vec<(u32, u32)> {
    let mut votes = vec![(0u32, 0u32); entities.len()];
    for (i, e) in entities.iter().enumerate() {
        let mut words = e.name.split_whitespace();
        if e.kind == EntityKind::Person
            && let (Some(first), Some(_)) = (words.next(), words.next())
        {
            match first_name_gender(first) {
                Gender::Male => votes[i].0 += 2,
                Gender::Female => votes[i].1 += 2,
                Gender::Either => {}
            }
        }
    }
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let before = text.get(..m.span.start).unwrap_or("");
        let title = before
            .trim_end()
            .trim_end_matches('.')
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        match honorific_gender(title) {
            Gender::Male => votes[m.entity].0 += 3,
            Gender::Female => votes[m.entity].1 += 3,
            Gender::Either => {}
        }
    }
    votes
}

fn gender_of((m, f): (u32, u32)) -> Gender {
    match m.cmp(&f) {
        std::cmp::Ordering::Greater => Gender::Male,
        std::cmp::Ordering::Less => Gender::Female,
        std::cmp::Ordering::Equal => Gender::Either,
    }
}
