//! Groups mentions into entities: one person under full name, surname, possessive and honorific;
//! acronyms and "formerly known as" names with their organization; places under their canonical
//! name ("U.S." with "United States").

use super::Map;
use super::names::{GAZETTEER, Gender};
use super::tokens::{Kind, Token};
use super::{Raw, Sure};
use crate::analysis::{Entity, EntityKind};
use crate::article::Span;
use std::collections::hash_map::Entry;

/// Union–find over mention indices.
struct Sets(Vec<usize>);

impl Sets {
    fn new(n: usize) -> Self {
        Self((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    /// Joins the sets of `a` and `b`, keeping the earlier mention as the root.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// The surname-like core of a name word: "al-Assad" → "Assad".
pub fn core(w: &str) -> &str {
    if let Some((head, tail)) = w.split_once('-')
        && head.len() <= 3
        && head.chars().all(char::is_lowercase)
    {
        return tail;
    }
    w
}

/// The name words of a mention: capitalised or all-caps word tokens.
fn words_of<'a>(
    text: &'a str,
    toks: &'a [Token],
    r: &Raw,
) -> impl Iterator<Item = &'a str> + use<'a> {
    toks.get(r.toks.0..r.toks.1)
        .unwrap_or(&[])
        .iter()
        .filter(|t| t.kind == Kind::Word && (t.cap || t.upper))
        .map(move |t| t.text(text))
}

/// Links acronyms introduced in parentheses ("the Islamic State militant group (ISIS)") and
/// names introduced by "known as" to the entity just before them.
pub fn link_aliases(text: &str, toks: &[Token], raws: &mut [Raw]) {
    for i in 0..raws.len() {
        let (s, e) = raws[i].toks;
        let paren = s > 0
            && toks.get(s - 1).is_some_and(|t| t.is_punct('('))
            && toks.get(e).is_some_and(|t| t.is_punct(')'))
            && e - s == 1
            && toks.get(s).is_some_and(|t| t.upper);
        let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
        let mut k = s;
        if k > 0 && word(k - 1) == "the" {
            k -= 1;
        }
        let known_as = k >= 2 && word(k - 1) == "as" && word(k - 2) == "known";
        // "Eleni Papadaki (Ελένη Παπαδάκη)": the name in another script, right after the name.
        let rendering = i > 0
            && s > 0
            && raws[i - 1].kind == EntityKind::Person
            && raws[i - 1].toks.1 + 1 == s
            && toks.get(s - 1).is_some_and(|t| t.is_punct('('))
            && toks.get(e).is_some_and(|t| t.is_punct(')'))
            && non_latin(raws[i].span.slice(text));
        if rendering {
            raws[i].link = Some(i - 1);
            raws[i].kind = EntityKind::Person;
            raws[i].sure = Sure::Strong;
            continue;
        }
        if !paren && !known_as {
            continue;
        }
        // The nearest earlier non-person mention within a dozen tokens.
        let limit = s.saturating_sub(14);
        let target = (0..i)
            .rev()
            .take_while(|&j| raws[j].toks.1 >= limit)
            .find(|&j| raws[j].kind != EntityKind::Person || raws[i].kind == EntityKind::Person);
        if let Some(j) = target {
            raws[i].link = Some(j);
            raws[i].kind = raws[j].kind;
            raws[i].sure = Sure::Strong;
        }
    }
}

/// Written mostly in a script other than Latin (Greek, Cyrillic, Arabic, CJK…).
fn non_latin(s: &str) -> bool {
    let (mut latin, mut other) = (0, 0);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if (c as u32) < 0x250 || ('\u{1E00}'..='\u{1EFF}').contains(&c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    other > latin
}

struct Person<'a> {
    first: &'a str,
    core: &'a str,
    gender: Gender,
    root: usize,
    starts: Vec<usize>,
}

/// Builds the entities from the mentions. `dropped` are sentence-initial words that were not
/// taken for names; they count when they are the surname of someone named in the article.
pub fn build(
    text: &str,
    toks: &[Token],
    mut raws: Vec<Raw>,
    dropped: &[usize],
    roles: &dyn Fn(&Raw) -> Option<(String, bool)>,
) -> Vec<Entity> {
    let g = &*GAZETTEER;
    // People named in full.
    let mut people: Vec<Person> = Vec::new();
    let mut member: Vec<Option<usize>> = vec![None; raws.len()];
    let full: Vec<bool> = raws
        .iter()
        .map(|r| {
            r.kind == EntityKind::Person
                && r.link.is_none()
                && words_of(text, toks, r).nth(1).is_some()
        })
        .collect();
    for (i, r) in raws.iter().enumerate() {
        if !full[i] {
            continue;
        }
        let mut w = words_of(text, toks, r);
        let Some(first) = w.next() else {
            continue;
        };
        let last = w.last().unwrap_or(first);
        let c = core(last);
        let found = people.iter().position(|p| {
            p.core == c
                && (p.first == first || initial_of(first, p.first) || initial_of(p.first, first))
        });
        match found {
            Some(p) => {
                people[p].starts.push(r.span.start);
                member[i] = Some(p);
            }
            None => {
                people.push(Person {
                    first,
                    core: c,
                    gender: g.first_name(first).map_or(Gender::Either, |f| f.gender),
                    root: i,
                    starts: vec![r.span.start],
                });
                member[i] = Some(people.len() - 1);
            }
        }
    }
    // Sentence-initial words that are the surname of someone named here.
    for &d in dropped {
        let Some(t) = toks.get(d) else { continue };
        let w = t.text(text);
        if people.iter().any(|p| p.core == w) {
            raws.push(Raw {
                span: Span::new(t.start, t.end),
                kind: EntityKind::Person,
                toks: (d, d + 1),
                sure: Sure::Strong,
                canonical: None,
                honorific: None,
                after_title: false,
                link: None,
                role: None,
            });
            member.push(None);
        }
    }
    // Single names: the nearest person with that surname (or first name).
    let n = raws.len();
    for i in 0..n {
        if member[i].is_some() || raws[i].link.is_some() {
            continue;
        }
        let r = &raws[i];
        let mut w = words_of(text, toks, r);
        let (Some(only), None) = (w.next(), w.next()) else {
            continue;
        };
        let c = core(only);
        let convertible = r.kind == EntityKind::Person
            || r.sure != Sure::Strong
            || (r.kind == EntityKind::Place && !r.after_title);
        if !convertible {
            continue;
        }
        let pick = |by_first: bool| -> Option<usize> {
            let mut best: Option<(usize, i64)> = None;
            for (pi, p) in people.iter().enumerate() {
                let key = if by_first { p.first } else { p.core };
                if key != c {
                    continue;
                }
                if let Some(h) = r.honorific
                    && h != Gender::Either
                    && p.gender != Gender::Either
                    && p.gender != h
                {
                    continue;
                }
                // Prefer the nearest earlier mention; then the nearest later one.
                let score = p
                    .starts
                    .iter()
                    .map(|&s| {
                        let d = r.span.start as i64 - s as i64;
                        if d >= 0 { d } else { 1_000_000 - d }
                    })
                    .min()
                    .unwrap_or(i64::MAX);
                if best.is_none_or(|(_, b)| score < b) {
                    best = Some((pi, score));
                }
            }
            best.map(|(p, _)| p)
        };
        if let Some(p) = pick(false).or_else(|| pick(true)) {
            member[i] = Some(p);
            raws[i].kind = EntityKind::Person;
        }
    }

    let mut sets = Sets::new(raws.len());
    for i in 0..raws.len() {
        if let Some(j) = raws[i].link {
            sets.union(i, j);
        }
        if let Some(p) = member[i] {
            sets.union(i, people[p].root);
        }
    }
    // Same name, same thing: organizations and places by normalised name, lone names by text.
    let mut by_name: Map<(EntityKind, String), usize> = Map::default();
    for i in 0..raws.len() {
        if member[i].is_some() {
            continue;
        }
        let r = &raws[i];
        let key = match (r.kind, r.canonical) {
            (EntityKind::Place, Some(c)) => c.to_lowercase(),
            _ => normalise(r.span.slice(text)),
        };
        match by_name.entry((r.kind, key)) {
            Entry::Occupied(j) => sets.union(i, *j.get()),
            Entry::Vacant(v) => {
                v.insert(i);
            }
        }
    }

    // Collect groups.
    let mut groups: Map<usize, Vec<usize>> = Map::default();
    for i in 0..raws.len() {
        let root = sets.find(i);
        groups.entry(root).or_default().push(i);
    }
    let mut entities: Vec<(usize, Entity)> = Vec::with_capacity(groups.len());
    for members in groups.values() {
        let mut members = members.clone();
        members.sort_by_key(|&i| raws[i].span.start);
        let Some(&first) = members.first() else {
            continue;
        };
        let kind = members
            .iter()
            .map(|&i| &raws[i])
            .find(|r| r.sure == Sure::Strong)
            .unwrap_or(&raws[first])
            .kind;
        // The fullest name: most words, then longest, then first.
        let best = members
            .iter()
            .copied()
            .max_by_key(|&i| {
                let r = &raws[i];
                let slice = r.span.slice(text);
                (
                    // Not a rendering in another script, not a dateline in capitals.
                    r.link.is_none() || r.kind != EntityKind::Person,
                    slice.chars().any(char::is_lowercase),
                    words_of(text, toks, r).count(),
                    r.span.len(),
                    usize::MAX - r.span.start,
                )
            })
            .unwrap_or(first);
        let mut name = normalise_space(raws[best].span.slice(text));
        if kind == EntityKind::Place
            && let Some(c) = members.iter().find_map(|&i| raws[i].canonical)
        {
            name = c.to_string();
        }
        let role = if kind == EntityKind::Person {
            let found: Vec<(String, bool)> = members
                .iter()
                .filter_map(|&i| match &raws[i].role {
                    Some(r) => Some((r.clone(), true)),
                    None => roles(&raws[i]),
                })
                .collect();
            pick_role(&found)
        } else {
            None
        };
        let mut mentions: Vec<Span> = members.iter().map(|&i| raws[i].span).collect();
        mentions.dedup();
        entities.push((
            raws[first].span.start,
            Entity {
                id: Box::default(),
                kind,
                name: name.into(),
                role: role.map(Into::into),
                mentions: mentions.into(),
            },
        ));
    }
    entities.sort_by_key(|(start, e)| (e.kind, *start));
    let mut seen: Map<String, usize> = Map::default();
    entities
        .into_iter()
        .map(|(_, mut e)| {
            let base = slug(&e.name);
            let count = seen.entry(base.clone()).or_insert(0);
            *count += 1;
            e.id = if *count == 1 {
                base.into()
            } else {
                format!("{base}-{count}").into()
            };
            e
        })
        .collect()
}

/// The role most mentions give, as the body words it. `found` holds each role read, with
/// whether it was read in the body (true) or in a title-case block; those only add a vote to the
/// same role in the body.
fn pick_role(found: &[(String, bool)]) -> Option<String> {
    if found.len() <= 1 {
        return found.iter().find(|(_, body)| *body).map(|(r, _)| r.clone());
    }
    let keys: Vec<String> = found.iter().map(|(r, _)| r.to_lowercase()).collect();
    let mut votes: Map<&str, usize> = Map::default();
    for k in &keys {
        *votes.entry(k.as_str()).or_insert(0) += 1;
    }
    let mut best: Option<(usize, &str)> = None;
    for ((role, body), key) in found.iter().zip(&keys) {
        if !body {
            continue;
        }
        let v = votes.get(key.as_str()).copied().unwrap_or(0);
        if best.is_none_or(|(b, _)| v > b) {
            best = Some((v, role));
        }
    }
    best.map(|(_, r)| r.to_string())
}

fn initial_of(initial: &str, name: &str) -> bool {
    initial.len() == 2 && initial.ends_with('.') && name.starts_with(&initial[..1])
}

/// Lower case without a leading "the" and with white space folded.
pub fn normalise(s: &str) -> String {
    if s.is_ascii() {
        let mut out = normalise_space(s);
        out.make_ascii_lowercase();
        if out.starts_with("the ") {
            out.drain(..4);
        }
        return out;
    }
    let s = normalise_space(s).to_lowercase();
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// The words of `s` joined by single spaces.
fn normalise_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// "Bashar al-Assad" → "bashar-al-assad"; "U.S." → "u-s".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    if name.is_ascii() {
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
    } else {
        slug_chars(name, &mut out);
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("entity");
    }
    out
}

fn slug_chars(name: &str, out: &mut String) {
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Bashar al-Assad"), "bashar-al-assad");
        assert_eq!(slug("U.S."), "u-s");
        assert_eq!(slug("..."), "entity");
    }

    #[test]
    fn cores() {
        assert_eq!(core("al-Assad"), "Assad");
        assert_eq!(core("Cheuk-yan"), "Cheuk-yan");
    }
}
