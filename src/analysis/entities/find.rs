//! Finds candidate name mentions: runs of capitalised words split at titles, honorifics and
//! nationality adjectives, each classified as a person, organization or place from gazetteers, cue
//! words and context. Grouping and roles come later.

use super::names::{GAZETTEER, Gazetteer, Gender, honorific_gender};
use super::tokens::{Kind, Token};
use super::{Raw, Sure};
use crate::analysis::EntityKind;
use crate::article::{BlockKind, Span};
use std::borrow::Cow;

/// Lower-case particles inside names ("Ursula von der Leyen", "Luiz Inácio Lula da Silva").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "du", "da", "di", "del", "della", "dos", "das", "do", "la",
    "le", "al", "el", "bin", "ibn", "ben", "zu", "ter", "ten", "y",
];
/// Particles that may begin a mention ("von der Leyen said").
const LEADING_PARTICLES: &[&str] = &["von", "van", "de", "al", "el", "bin", "ibn", "abu"];
/// Capitalised words whose possessive stays inside a name ("Korean People's Army").
const COLLECTIVE_POSSESSIVES: &[&str] = &[
    "People", "Women", "Children", "Men", "Workers", "Veterans", "Citizens", "Farmers", "Saint",
    "Nation", "Nations", "Lloyd", "Macy", "Children", "Builders", "Teachers", "Doctors",
];
/// Compass words that follow place names ("Kowloon West").
const DIRECTIONS: &[&str] = &[
    "North", "South", "East", "West", "Central", "Upper", "Lower",
];
/// Words before a name that make the name a place ("in Aleppo").
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "across", "throughout", "outside", "around"];
/// Lower-case nouns that make the capitalised name before them a place ("the Ginza district",
/// "Rossio square") and, with "of", the name after them ("the port of Sines").
#[rustfmt::skip]
const PLACE_NOUNS: &[&str] = &[
    "district", "square", "cathedral", "cinema", "station", "hospital", "street", "avenue",
    "airport", "province", "region", "county", "neighbourhood", "neighborhood", "island",
    "islands", "river", "valley", "port", "harbour", "harbor", "stadium", "quarter", "suburb",
    "peninsula", "bridge", "park", "mountains", "lake", "prefecture", "town", "village", "city",
    "municipality", "state", "borough", "metropolis", "capital", "archipelago",
];
/// First words of place names ("San Sebastián", "Santa Cruz", "Port Said").
#[rustfmt::skip]
const PLACE_PREFIXES: &[&str] = &[
    "San", "Santa", "Santo", "São", "Sao", "Saint", "St.", "Sankt", "Puerto", "Porto", "Port",
    "Fort", "Mount", "Mt.", "Lake", "Cape", "Los", "Las", "El", "Ciudad", "Nueva", "Nuevo",
];
/// Verbs before "the" that make the capitalised run after it a prize or title ("won the Golden
/// Bear"), not an entity.
#[rustfmt::skip]
const AWARD_VERBS: &[&str] = &[
    "won", "win", "wins", "winning", "awarded", "receives", "received", "receiving", "accepted",
    "accepts", "collected", "collects", "clinched", "claimed", "scooped", "holds", "lifted",
];
/// First names at or above this frequency rank are common enough to read as names anywhere.
const COMMON_RANK: u32 = 2000;
/// Opening and closing quotation marks.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '\'')
}

/// Per-article state of the finder.
pub struct Finder<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Per token: true in blocks written in title case (headlines), where capitals mean little.
    pub title_case: &'a [bool],
    /// Per token: the kind of block it stands in.
    pub block: &'a [BlockKind],
    /// Tokens already used (photo credits).
    pub taken: &'a [bool],
    pub out: Vec<Raw>,
    /// Sentence-initial common words that were not taken as names; grouping may revive them
    /// when they turn out to be a surname of someone in the article.
    pub dropped: Vec<usize>,
    /// Capitalised runs taken for titles of works or prizes ("Kış Yolu" in quotes, "won the
    /// Golden Bear"); other mentions of the same words are dropped too.
    pub titles: Vec<(usize, usize)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece {
    Honorific(usize),
    Title(usize, usize),
    Demonym(usize, usize),
    Name(usize, usize),
    /// A place or organization inside a title ("Ambassador to the United States").
    Inner(usize, usize),
}

/// What [`Finder::classify`] decides: the kind of a run of capitalised words (`None`: no entity)
/// and how sure that is.
type Class = (Option<EntityKind>, Sure);

/// A run of capitalised words being classified: tokens `s..e` (`n` of them), its text, its first
/// and last words, and whether a title or "the" stands before it.
struct Run<'a> {
    s: usize,
    e: usize,
    n: usize,
    full: Cow<'a, str>,
    first: &'a str,
    last: &'a str,
    after_title: bool,
    after_the: bool,
}

impl<'a> Finder<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word)
    }

    /// Could this token be (part of) a name?
    fn capable(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if !t.is_word() || !t.cap || self.taken.get(i).copied().unwrap_or(false) {
            return false;
        }
        let w = t.text(self.text);
        let g: &Gazetteer = &GAZETTEER;
        if g.is_not_name(w) && !(w == "World" && self.capable(i + 1)) {
            return false;
        }
        if !t.upper && g.is_stop(w) {
            return false;
        }
        // "Late-Night", "Two-Year": a compound of ordinary words is not a name.
        if w.contains('-')
            && !t.upper
            && is_common_compound(w)
            && g.place(w).is_none()
            && !g.is_org_suffix(w)
        {
            return false;
        }
        // A lone capital letter ("(C)") is not a name; an initial with its dot is.
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 || w.ends_with('.') || t.digit
    }

    /// A word of `words` (short lower-case particles) at `i`.
    fn is_lower(&self, i: usize, words: &[&str]) -> bool {
        // Cheap refusal first: the lists hold lower-case words of at most five letters.
        self.toks.get(i).is_some_and(|t| {
            t.is_word()
                && t.end - t.start <= 5
                && self
                    .text
                    .as_bytes()
                    .get(t.start)
                    .is_some_and(u8::is_ascii_lowercase)
        }) && {
            // Byte by byte: these are a few letters long, shorter than a call to memcmp.
            let w = self.word(i).as_bytes();
            words
                .iter()
                .any(|p| p.len() == w.len() && p.bytes().zip(w).all(|(a, &b)| a == b))
        }
    }

    /// Where a capitalised run starting at `i` ends (exclusive), following connectors.
    fn extend(&self, i: usize) -> usize {
        let g = &*GAZETTEER;
        let mut j = i + 1;
        loop {
            let Some(t) = self.toks.get(j) else {
                return j;
            };
            if t.newline_before {
                return j;
            }
            if self.capable(j) && !t.sent {
                j += 1;
                continue;
            }
            // "James To", "Wilson Or": a short capitalised word right after a lone first name.
            if j == i + 1
                && t.cap
                && !t.sent
                && t.is_word()
                && !self.title_case.get(j).copied().unwrap_or(false)
                && GAZETTEER.is_first_name(self.word(i))
                && self.word(j).len() <= 4
            {
                j += 1;
                continue;
            }
            let prev = self.word(j - 1);
            let joins_to = |k: usize| -> Option<usize> {
                // `k` is where the name continues, possibly after "the".
                if self.toks.get(k).is_some_and(|t| t.newline_before) {
                    return None;
                }
                if self.capable(k) {
                    Some(k + 1)
                } else if self.word(k) == "the" && self.capable(k + 1) {
                    Some(k + 2)
                } else {
                    None
                }
            };
            match t.kind {
                Kind::Word => {
                    let w = t.text(self.text);
                    if PARTICLES.contains(&w) {
                        // Particles chain: "von der Leyen".
                        let mut k = j + 1;
                        while self.is_lower(k, PARTICLES) {
                            k += 1;
                        }
                        if self.capable(k) && !self.toks.get(k).is_some_and(|t| t.newline_before) {
                            j = k + 1;
                            continue;
                        }
                        return j;
                    }
                    let cue = g.is_org_prefix(prev)
                        || g.is_org_suffix(prev)
                        || g.is_place_suffix(prev)
                        || g.is_title(prev);
                    if w == "and"
                        && let Some(k) = self.and_in_name(i, j)
                    {
                        j = k;
                        continue;
                    }
                    let ok = match w {
                        // "Communications Workers of America": an organization word earlier
                        // in the run, and a place after "of".
                        "of" => cue || self.org_word_in(i, j) && self.place_at(j + 1),
                        "for" | "on" => {
                            g.is_org_prefix(prev) || g.is_org_suffix(prev) || g.is_title(prev)
                        }
                        "to" => g.is_title(prev),
                        _ => false,
                    };
                    if ok && let Some(k) = joins_to(j + 1) {
                        j = k;
                        continue;
                    }
                    return j;
                }
                Kind::Possessive => {
                    if COLLECTIVE_POSSESSIVES.contains(&prev) && self.capable(j + 1) {
                        j += 2;
                        continue;
                    }
                    return j;
                }
                Kind::Punct('&') => {
                    if self.capable(j + 1) {
                        j += 2;
                        continue;
                    }
                    return j;
                }
                Kind::Punct(',') => match self.list_in_name(i, j) {
                    Some(k) => j = k,
                    None => return j,
                },
                Kind::Punct(_) => return j,
            }
        }
    }

    /// Whether the run `i..j` has joined a connector ("of", "for") after an organization word:
    /// "Royal Academy of Painting", "Centre for Irish".
    fn connected_org(&self, i: usize, j: usize) -> bool {
        let g = &*GAZETTEER;
        (i + 1..j).any(|k| {
            matches!(self.word(k), "of" | "for")
                && self.word(k - 1) != "the"
                && (g.is_org_prefix(self.word(k - 1)) || g.is_org_suffix(self.word(k - 1)))
        })
    }

    /// An organization word (prefix or suffix) among the run's words `i..j`.
    fn org_word_in(&self, i: usize, j: usize) -> bool {
        let g = &*GAZETTEER;
        (i..j).any(|k| {
            self.toks.get(k).is_some_and(|t| t.cap)
                && (g.is_org_suffix(self.word(k)) || g.is_org_prefix(self.word(k)))
        })
    }

    /// A place of the gazetteer (one or two words) at `k`.
    fn place_at(&self, k: usize) -> bool {
        let g = &*GAZETTEER;
        self.capable(k)
            && !self.toks.get(k).is_some_and(|t| t.newline_before)
            && (g.place(self.word(k)).is_some()
                || self.capable(k + 1) && g.place(&self.joined(k, k + 2)).is_some())
    }

    /// "and" at `j` inside an organization's name after its connector ("Royal Academy of
    /// Painting and Sculpture", "Institute of History and Philology"): where the run then goes
    /// on, or `None` when the "and" joins two names ("the Bank of England and Barclays").
    fn and_in_name(&self, i: usize, j: usize) -> Option<usize> {
        let g = &*GAZETTEER;
        if !self.connected_org(i, j) {
            return None;
        }
        let prev = self.word(j - 1);
        let next = j + 1;
        if !self.capable(next)
            || self
                .toks
                .get(next)
                .is_some_and(|t| t.newline_before || t.sent)
            || g.place(prev).is_some()
            || g.is_known_org(prev)
            || g.is_org_prefix(self.word(next))
            || g.place(self.word(next)).is_some()
            || g.is_first_name(self.word(next))
            || self.toks.get(next).is_some_and(|t| t.upper)
        {
            return None;
        }
        Some(next + 1)
    }

    /// A list inside an organization's name after its connector: ", County and Municipal
    /// Employees" after "American Federation of State". The list must end with "and" and an
    /// organization word; returns where the run goes on.
    fn list_in_name(&self, i: usize, j: usize) -> Option<usize> {
        let g = &*GAZETTEER;
        if !self.connected_org(i, j) {
            return None;
        }
        let mut k = j;
        // Items: ", Word" at most three times, then "and Word…".
        for _ in 0..3 {
            if !self.toks.get(k).is_some_and(|t| t.is_punct(',')) {
                break;
            }
            if !self.capable(k + 1) || self.toks.get(k + 1).is_some_and(|t| t.newline_before) {
                return None;
            }
            k += 2;
        }
        if self.word(k) != "and" {
            return None;
        }
        let mut e = k + 1;
        while self.capable(e) && !self.toks.get(e).is_some_and(|t| t.newline_before || t.sent) {
            e += 1;
        }
        (e > k + 1 && g.is_org_suffix(self.word(e - 1))).then_some(e)
    }

    pub fn run(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let starts = self.capable(i)
                || (self.is_lower(i, LEADING_PARTICLES) && {
                    let mut k = i + 1;
                    while self.is_lower(k, PARTICLES) {
                        k += 1;
                    }
                    self.capable(k) && GAZETTEER.is_surname(self.word(k))
                        || self.capable(k) && {
                            // "al-" style particles before an unknown capitalised word.
                            !GAZETTEER.is_common_word(self.word(k))
                        }
                });
            if !starts {
                i += 1;
                continue;
            }
            let j = self.extend(i);
            self.chunk(i, j);
            i = j.max(i + 1);
        }
    }

    /// Splits the run `a..b` into honorifics, titles, nationality adjectives and names.
    fn chunk(&mut self, a: usize, b: usize) {
        let g = &*GAZETTEER;
        let mut pieces: Vec<Piece> = Vec::new();
        let mut k = a;
        let mut name_start: Option<usize> = None;
        let close = |pieces: &mut Vec<Piece>, ns: &mut Option<usize>, end: usize| {
            if let Some(s) = ns.take()
                && end > s
            {
                pieces.push(Piece::Name(s, end));
            }
        };
        while k < b {
            let w = self.word(k);
            if !self.is_word(k) {
                k += 1;
                continue;
            }
            // Known multi-word names first ("Islamic State", "South Korea", "Associated Press").
            if name_start.is_none()
                && let Some(m) = self.fixed_name(k, b)
            {
                pieces.push(Piece::Name(k, m));
                k = m;
                continue;
            }
            if g.is_honorific(w) {
                close(&mut pieces, &mut name_start, k);
                pieces.push(Piece::Honorific(k));
                k += 1;
                continue;
            }
            // Two-word demonyms first ("South African").
            if k + 1 < b && name_start.is_none() {
                let pair = self.joined(k, k + 2);
                if g.demonym(&pair).is_some() {
                    close(&mut pieces, &mut name_start, k);
                    pieces.push(Piece::Demonym(k, k + 2));
                    k += 2;
                    continue;
                }
            }
            if name_start.is_none()
                && g.demonym(w).is_some()
                && g.place(w).is_none()
                && !(k + 1 < b && compass_place(&self.joined(k, b.min(k + 4))))
            {
                close(&mut pieces, &mut name_start, k);
                pieces.push(Piece::Demonym(k, k + 1));
                k += 1;
                continue;
            }
            let titled = g.is_title(w)
                || g.is_title_modifier(w) && k + 1 < b && g.is_title(self.word(k + 1));
            if self.toks[k].cap && titled && !g.is_first_name(w) && !self.toks[k].upper {
                // A title, unless the whole run is an organization named after it
                // ("General Motors") or the title ends a person's name.
                let rest_org = g.is_org_suffix(self.word(b - 1)) && b - 1 > k;
                if !rest_org || name_start.is_none() && k == a && self.title_then_person(k, b) {
                    let (end, inner) = self.absorb_title(k, b);
                    if end < b || name_start.is_none() {
                        close(&mut pieces, &mut name_start, k);
                        pieces.push(Piece::Title(k, end));
                        if let Some((is, ie)) = inner {
                            pieces.push(Piece::Inner(is, ie));
                        }
                        k = end;
                        continue;
                    }
                }
            }
            if name_start.is_none() {
                name_start = Some(k);
            }
            k += 1;
        }
        close(&mut pieces, &mut name_start, b);

        // A nationality adjective before an organization belongs to it ("Indonesian Navy").
        let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
        for p in pieces {
            let mut p = p;
            // Chains too: "Christian Democratic Union".
            while let (Some(Piece::Demonym(ds, _)), Piece::Name(ns, e)) =
                (merged.last().copied(), p)
                && (self.org_by_cue(ds, e)
                    || e - ns >= 3
                        && GAZETTEER.is_org_prefix(self.word(ns))
                        && self.word(ns + 1) == "of")
            {
                merged.pop();
                p = Piece::Name(ds, e);
            }
            merged.push(p);
        }

        let before_is_title = a > 0 && {
            let w = self.word(a - 1);
            self.is_word(a - 1) && !self.toks[a - 1].cap && g.is_title(w)
        };
        let mut prev: Option<Piece> = None;
        for p in merged {
            if let Piece::Inner(s, e) = p {
                self.name(s, e, false, None);
                continue;
            }
            if let Piece::Name(s, e) = p {
                let (after_title, honorific) = match prev {
                    Some(Piece::Title(..)) => (true, None),
                    Some(Piece::Honorific(h)) => (true, Some(honorific_gender(self.word(h)))),
                    None => (before_is_title, None),
                    _ => (false, None),
                };
                self.name(s, e, after_title, honorific);
            }
            prev = Some(p);
        }
    }

    /// The end of the longest gazetteer name of two or more words starting at `k`.
    fn fixed_name(&self, k: usize, b: usize) -> Option<usize> {
        let g = &*GAZETTEER;
        (k + 2..=b.min(k + 6)).rev().find(|&m| {
            self.is_word(m - 1) && {
                let s = self.joined(k, m);
                g.is_known_org(&s) || g.agency(&s).is_some() || g.place(&s).is_some()
            }
        })
    }

    /// True when a title at `k` is followed (after its "of …" part) by something like a name.
    fn title_then_person(&self, k: usize, b: usize) -> bool {
        let (end, _) = self.absorb_title(k, b);
        end < b && GAZETTEER.is_first_name(self.word(end))
    }

    /// The end of a title starting at `k`: more title words, then "of/for/to (the) X" where X is a
    /// place, an organization or common words ("Secretary of State").
    fn absorb_title(&self, k: usize, b: usize) -> (usize, Option<(usize, usize)>) {
        let g = &*GAZETTEER;
        let mut j = k + 1;
        while j < b && self.is_word(j) && {
            let w = self.word(j);
            (g.is_title(w) || g.is_title_modifier(w)) && !g.is_first_name(w)
        } {
            j += 1;
        }
        if j < b && matches!(self.word(j), "of" | "for" | "to") {
            let mut m = j + 1;
            if self.word(m) == "the" {
                m += 1;
            }
            // Longest place or organization.
            let mut best = None;
            for e in (m + 1..=b.min(m + 5)).rev() {
                let s = self.joined(m, e);
                if g.place(&s).is_some() || g.is_known_org(&s) {
                    best = Some(e);
                    break;
                }
            }
            if let Some(e) = best {
                return (e, Some((m, e)));
            }
            let mut e = m;
            while e < b.saturating_sub(1)
                && self.is_word(e)
                && g.is_common_word(self.word(e))
                && !g.is_first_name(self.word(e))
            {
                e += 1;
            }
            if e > m {
                return (e, None);
            }
            return (j, None);
        }
        (j, None)
    }

    /// Words `s..e` joined by single spaces (possessive clitics attached): the text itself when
    /// it is written so (the usual case, without allocating), else a new string.
    fn joined(&self, s: usize, e: usize) -> Cow<'a, str> {
        let toks = self.toks.get(s..e.min(self.toks.len())).unwrap_or(&[]);
        // (A block boundary is an empty token: spell those out.)
        let as_written = toks.iter().all(|t| t.start < t.end)
            && toks.windows(2).all(|w| {
                let gap = if w[1].kind == Kind::Word { 1 } else { 0 };
                w[0].end + gap == w[1].start
                    && (gap == 0 || self.text.as_bytes().get(w[0].end) == Some(&b' '))
            });
        if as_written {
            return match (toks.first(), toks.last()) {
                (Some(f), Some(l)) => Cow::Borrowed(self.text.get(f.start..l.end).unwrap_or("")),
                _ => Cow::Borrowed(""),
            };
        }
        Cow::Owned(self.joined_new(s, e))
    }

    fn joined_new(&self, s: usize, e: usize) -> String {
        let mut out = String::new();
        for i in s..e {
            let Some(t) = self.toks.get(i) else { break };
            if !out.is_empty() && t.kind == Kind::Word {
                out.push(' ');
            }
            out.push_str(t.text(self.text));
        }
        out
    }

    fn org_by_cue(&self, s: usize, e: usize) -> bool {
        let g = &*GAZETTEER;
        let last = self.word(e - 1);
        (e - s >= 1 && g.is_org_suffix(last) && (e - s >= 2 || !g.is_common_word(last)))
            || (e - s >= 3 && g.is_org_prefix(self.word(s)) && self.word(s + 1) == "of")
            // "Royal Academy of Painting", "Communications Workers of America": an organization
            // word before "of" among the first three.
            || (e - s >= 4
                && (s + 1..(s + 3).min(e - 1)).any(|k| {
                    self.word(k + 1) == "of"
                        && (g.is_org_prefix(self.word(k)) || g.is_org_suffix(self.word(k)))
                        && self.toks.get(k).is_some_and(|t| t.cap)
                }))
    }

    /// A position where any word is capitalised: a sentence start or a title-case block.
    fn weak_position(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.sent || t.newline_before)
            || self.title_case.get(i).copied().unwrap_or(false)
    }

    /// A plain English word where capitals do not signal a name (sentence start, headline).
    fn weak_capital(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let w = t.text(self.text);
        (t.sent || t.newline_before || self.title_case.get(i).copied().unwrap_or(false))
            && !t.upper
            && GAZETTEER.is_common_word(w)
            && !GAZETTEER.is_first_name(w)
            && GAZETTEER.place(w).is_none()
    }

    /// Classifies the name `s..e` and records it.
    fn name(&mut self, mut s: usize, mut e: usize, after_title: bool, honorific: Option<Gender>) {
        let g = &*GAZETTEER;
        // Trim connectors left at the edges.
        while s < e && !self.toks[s].cap {
            if self.is_lower(s, LEADING_PARTICLES) {
                break;
            }
            s += 1;
        }
        while e > s && (!self.is_word(e - 1) || !self.toks[e - 1].cap) {
            e -= 1;
        }
        if s >= e {
            return;
        }
        if self.is_work_title(s, e) {
            self.titles.push((s, e));
            return;
        }
        // In headlines every word is capitalised: split at plain words.
        let title_case = self.title_case.get(s).copied().unwrap_or(false);
        if title_case && e - s > 1 && self.classify(s, e, false, None).1 != Sure::Strong {
            let mut k = s;
            let mut start = s;
            while k < e {
                if self.weak_capital(k) {
                    if k > start {
                        self.name(start, k, after_title && start == s, honorific);
                    }
                    start = k + 1;
                }
                k += 1;
            }
            if start > s {
                if start < e {
                    self.name(start, e, false, None);
                }
                return;
            }
        }
        if self.weak_capital(s) && !after_title && honorific.is_none() {
            let (_, sure) = self.classify(s, e, false, None);
            if e - s == 1 || sure != Sure::Strong {
                self.dropped.push(s);
                if e - s > 1 {
                    self.name(s + 1, e, false, None);
                }
                return;
            }
        }
        // "G20 Leaders Summit": an acronym followed by plain words is the acronym alone.
        if e - s >= 2
            && (self.toks[s].upper || self.toks[s].digit)
            && (s + 1..e).all(|i| !self.is_word(i) || g.is_common_word(self.word(i)))
            && self.classify(s, e, false, None).1 != Sure::Strong
        {
            e = s + 1;
        }
        // A name run on after an organization or a label: "Refugee Council Enver Solomon",
        // "Scientologist Tom Cruise".
        if e - s >= 3
            && !after_title
            && let Some(t) = self.person_tail(s, e)
        {
            self.name(s, t, after_title, honorific);
            self.name(t, e, false, None);
            return;
        }
        let (kind, sure) = self.classify(s, e, after_title, honorific);
        let Some(kind) = kind else {
            return;
        };
        if sure == Sure::Guess
            && kind != EntityKind::Place
            && e - s == 1
            && g.is_common_word(self.word(s))
        {
            // A capitalised ordinary word nothing else explains ("Results", "Match").
            self.dropped.push(s);
            return;
        }
        let span = Span::new(self.toks[s].start, self.toks[e - 1].end);
        let canonical = if kind == EntityKind::Place {
            let full = self.joined(s, e);
            g.place(&full).or_else(|| {
                // A dateline city in capitals: "LISBON" is Lisbon.
                (self.toks[s].upper && self.block.get(s) == Some(&BlockKind::Dateline))
                    .then(|| g.place(&title_cased(&full)))
                    .flatten()
            })
        } else {
            None
        };
        self.out.push(Raw {
            span,
            kind,
            toks: (s, e),
            sure,
            canonical,
            honorific,
            after_title,
            link: None,
            role: None,
        });
    }

    /// True when `s..e` is the title of a work or a prize rather than a name: the whole of a
    /// quotation (`the film "Winter Road,"`) or the object of "won the" ("won the Golden Bear").
    fn is_work_title(&self, s: usize, e: usize) -> bool {
        let g = &*GAZETTEER;
        let punct = |i: usize, f: fn(char) -> bool| {
            self.toks
                .get(i)
                .is_some_and(|t| matches!(t.kind, Kind::Punct(c) if f(c)))
        };
        let closes = punct(e, is_quote)
            || punct(e, |c| matches!(c, ',' | '.' | '!' | '?')) && punct(e + 1, is_quote);
        let quoted = s > 0 && punct(s - 1, is_quote) && closes;
        let awarded = s >= 2
            && matches!(self.word(s - 1), "the" | "The")
            && AWARD_VERBS.contains(&self.word(s - 2));
        if !(quoted || awarded) {
            return false;
        }
        // A quoted name with a cue word is still a name: the "Free Syrian Army".
        if quoted && {
            let (kind, sure) = self.classify(s, e, false, None);
            sure == Sure::Strong && kind == Some(EntityKind::Organization)
        } {
            return false;
        }
        let full = self.joined(s, e);
        !(g.place(&full).is_some() || g.is_known_org(&full) || g.agency(&full).is_some())
    }

    /// Where a person's name starts at the end of the run `s..e`, when the run is something else
    /// followed by a name.
    fn person_tail(&self, s: usize, e: usize) -> Option<usize> {
        let g = &*GAZETTEER;
        for t in (e.saturating_sub(3)).max(s + 1)..=e - 2 {
            let (head, tail) = (self.word(t - 1), self.word(t));
            if !self.is_word(t) || !self.is_word(t - 1) || PARTICLES.contains(&head) {
                continue;
            }
            if g.is_first_name(head) || g.is_title(head) || g.is_honorific(head) {
                continue;
            }
            let tail_person = g
                .first_name(tail)
                .is_some_and(|f| !g.is_common_word(tail) || f.rank <= COMMON_RANK)
                && e - t >= 2;
            let head_strong = self.classify(s, t, false, None).1 == Sure::Strong
                && self.classify(s, t, false, None).0 != Some(EntityKind::Person);
            let tail_unknown = e - t == 2
                && (t..e).all(|i| {
                    let w = self.word(i);
                    !g.is_common_word(w) && g.place(w).is_none() && !g.is_org_suffix(w)
                });
            let head_label = g.is_common_word(head)
                || head
                    .split_once('-')
                    .is_some_and(|(_, t)| t.starts_with(|c: char| c.is_lowercase()));
            if tail_person && (head_strong || head_label) || head_strong && tail_unknown {
                return Some(t);
            }
        }
        None
    }

    /// A place by the lower-case noun around it: "the Ginza district", "the port of Sines".
    fn place_context(&self, s: usize, e: usize) -> bool {
        let lower_noun = |i: usize| {
            self.toks
                .get(i)
                .is_some_and(|t| t.is_word() && !t.cap && PLACE_NOUNS.contains(&t.text(self.text)))
        };
        lower_noun(e) || s >= 2 && self.word(s - 1) == "of" && lower_noun(s - 2)
    }

    /// What `s..e` names, and how sure that is.
    /// The kind of the capitalised run `s..e` and how sure that is; `None` for a run that is no
    /// entity. Rules in order, the first that knows decides: known names and the block's
    /// context; places and organization cues; titles and place prefixes; the shape of personal
    /// names; single words.
    fn classify(
        &self,
        s: usize,
        e: usize,
        after_title: bool,
        honorific: Option<Gender>,
    ) -> (Option<EntityKind>, Sure) {
        let run = Run {
            s,
            e,
            n: e - s,
            full: self.joined(s, e),
            first: self.word(s),
            last: self.word(e - 1),
            after_title,
            after_the: s > 0 && matches!(self.word(s - 1), "the" | "The"),
        };
        self.known_or_by_context(&run, honorific)
            .or_else(|| self.place_or_organization(&run))
            .or_else(|| self.after_title_or_place_prefix(&run))
            .or_else(|| self.personal_name(&run))
            .or_else(|| self.single_word(&run))
            .unwrap_or((Some(EntityKind::Organization), Sure::Weak))
    }

    /// A known agency or organization; anyone after an honorific; in a dateline, the agency in
    /// parentheses and the city in capitals.
    fn known_or_by_context(&self, r: &Run, honorific: Option<Gender>) -> Option<Class> {
        use EntityKind::{Organization, Person, Place};
        let g = &*GAZETTEER;
        let (s, e) = (r.s, r.e);
        if g.agency(&r.full).is_some() || g.is_known_org(&r.full) {
            return Some((Some(Organization), Sure::Strong));
        }
        if honorific.is_some() {
            return Some((Some(Person), Sure::Strong));
        }
        if self.block.get(s) == Some(&BlockKind::Dateline) {
            // "LISBON (Meridian Wire) —": the agency in parentheses, the city in capitals.
            if s > 0 && self.toks[s - 1].is_punct('(') {
                return Some((Some(Organization), Sure::Strong));
            }
            if (s..e).all(|i| !self.is_word(i) || self.toks[i].upper) {
                return Some((Some(Place), Sure::Strong));
            }
        }
        None
    }

    /// A place by its context or the gazetteer, an organization by its cue words ("Ministry
    /// of …"), a place by its last word ("… Province").
    fn place_or_organization(&self, r: &Run) -> Option<Class> {
        use EntityKind::{Organization, Place};
        let g = &*GAZETTEER;
        let (s, e, full) = (r.s, r.e, &*r.full);
        if !r.after_title && self.place_context(s, e) && !g.is_org_suffix(r.last) {
            return Some((Some(Place), Sure::Strong));
        }
        if g.place(full).is_some_and(|c| c != full) && self.org_by_cue(s, e) {
            return Some((Some(Organization), Sure::Strong));
        }
        if g.place(full).is_some() && !(r.after_title && r.n == 1 && g.is_surname(r.first)) {
            return Some((Some(Place), Sure::Strong));
        }
        if compass_place(full) {
            return Some((Some(Place), Sure::Strong));
        }
        if self.org_by_cue(s, e) {
            return Some((Some(Organization), Sure::Strong));
        }
        if r.n >= 2 && g.is_place_suffix(r.last) {
            return Some((Some(Place), Sure::Strong));
        }
        None
    }

    /// Name words, not counting particles ("Luiz Inácio Lula da Silva" has four).
    fn name_words(&self, r: &Run) -> usize {
        let (s, e) = (r.s, r.e);
        if (s..e).all(|i| self.toks[i].cap || PARTICLES.contains(&self.word(i))) {
            (s..e).filter(|&i| self.toks[i].cap).count()
        } else {
            r.n
        }
    }

    /// A short name after a title is a person; "Lake …", "Mount …" a place.
    fn after_title_or_place_prefix(&self, r: &Run) -> Option<Class> {
        if r.after_title && self.name_words(r) <= 4 {
            return Some((Some(EntityKind::Person), Sure::Strong));
        }
        if r.n >= 2 && PLACE_PREFIXES.contains(&r.first) && !self.toks[r.s].upper {
            return Some((Some(EntityKind::Place), Sure::Weak));
        }
        None
    }

    /// Runs of two or three words shaped like a personal name: a first name, a romanised
    /// syllable pair, two surnames, foreign words that are neither English words nor places.
    fn personal_name(&self, r: &Run) -> Option<Class> {
        use EntityKind::Person;
        let g = &*GAZETTEER;
        let (s, e, n, first, last, after_the) = (r.s, r.e, r.n, r.first, r.last, r.after_the);
        let words: Vec<&str> = (s..e)
            .filter(|&i| self.is_word(i))
            .map(|i| self.word(i))
            .collect();
        // After "the", a rare first name that is also a word is the word ("the Golden Lion");
        // a common one is still a name ("the Tom Cruise video").
        let rare_word_name =
            || g.is_common_word(first) && g.first_name(first).is_none_or(|f| f.rank > COMMON_RANK);
        let first_is_name =
            (g.is_first_name(first) && !(after_the && rare_word_name())) || is_initial(first);
        if n >= 2 && first_is_name && !self.toks[s].upper && self.name_words(r) <= 4 {
            return Some((Some(Person), Sure::Strong));
        }
        // Romanised Chinese and Korean names: "Lee Cheuk-yan", "Kim Min-Woo".
        if (2..=3).contains(&n) && !after_the && words.iter().skip(1).any(|w| syllable_pair(w)) {
            return Some((Some(Person), Sure::Strong));
        }
        // After "the", a name that is not a first name and surname is a thing, not a person
        // ("the Golden Lion", "the Carris board").
        if n == 2
            && !after_the
            && g.is_surname(last)
            && g.is_surname(first)
            && !g.is_common_word(first)
        {
            return Some((Some(Person), Sure::Weak));
        }
        // Two capitalised words that are neither English words nor places: a foreign name
        // ("Vladimir Putin", "Bashar al-Assad").
        if n == 2
            && !after_the
            && words.len() == 2
            && !g.is_common_word(first)
            && (g.is_surname(last) || !g.is_common_word(last) && g.place(last).is_none())
            && !DIRECTIONS.contains(&last)
            && !self.toks[s].upper
            && !self.toks[e - 1].upper
        {
            return Some((Some(Person), Sure::Weak));
        }
        // A first word that is also an English word, capitalised where capitals mean a name
        // (mid-sentence, not a headline), before a surname that is no English word ("Dries
        // Mertens").
        if n == 2
            && !after_the
            && words.len() == 2
            && !self.weak_position(s)
            && g.is_surname(last)
            && !g.is_common_word(last)
            && g.place(first).is_none()
            && !self.toks[s].upper
            && !self.toks[e - 1].upper
        {
            return Some((Some(Person), Sure::Weak));
        }
        // Three words, none an English word or a place, with a first name or ending in a
        // surname: "Hernan Dario Gomez", "Farouk Ben Mustapha".
        if n == 3
            && !after_the
            && words.len() == 3
            && words
                .iter()
                .all(|w| !g.is_common_word(w) && g.place(w).is_none() && !is_prefixed(w))
            && (words.iter().any(|w| g.is_first_name(w)) || g.is_surname(last))
            && (s..e).all(|i| !self.toks[i].upper)
        {
            return Some((Some(Person), Sure::Weak));
        }
        None
    }

    /// One word: a group of people or shouting is nothing; an acronym or a number an
    /// organization; after a place preposition a place; a known name a person; else a guess.
    fn single_word(&self, r: &Run) -> Option<Class> {
        use EntityKind::{Organization, Person, Place};
        let g = &*GAZETTEER;
        let (s, first) = (r.s, r.first);
        if r.n != 1 {
            return None;
        }
        // "Muslims", "Afghans": groups of people, not entities of their own.
        if let Some(stem) = first.strip_suffix('s')
            && g.demonym(stem).is_some()
        {
            return Some((None, Sure::Strong));
        }
        // "UNLESS": shouting, not an acronym.
        if self.toks[s].upper && first.len() >= 4 && g.is_common_word(first) {
            return Some((None, Sure::Strong));
        }
        if self.toks[s].upper || self.toks[s].digit {
            return Some((Some(Organization), Sure::Weak));
        }
        let before = if s > 0 && self.is_word(s - 1) {
            self.word(s - 1)
        } else {
            ""
        };
        if PLACE_PREPOSITIONS.contains(&before) {
            return Some((Some(Place), Sure::Guess));
        }
        if !r.after_the && (g.is_surname(first) || g.is_first_name(first) || is_prefixed(first)) {
            return Some((Some(Person), Sure::Guess));
        }
        Some((Some(Organization), Sure::Guess))
    }
}

/// Compass adjectives that form place names with a region ("Southern Indiana").
const COMPASS: &[&str] = &[
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Northeastern",
    "Northwestern",
    "Southeastern",
    "Southwestern",
];

/// "Southern Indiana", "Northern Italy": a compass adjective and a known place of more than a
/// city.
pub(crate) fn compass_place(s: &str) -> bool {
    let g = &*GAZETTEER;
    s.split_once(' ').is_some_and(|(head, rest)| {
        COMPASS.contains(&head)
            && g.place(rest).is_some()
            && g.place_kind(rest) != Some(super::names::PlaceKind::City)
    })
}

/// Every part of a hyphenated word is an ordinary English word and none is a first name.
fn is_common_compound(w: &str) -> bool {
    let g = &*GAZETTEER;
    w.split('-')
        .all(|p| !p.is_empty() && g.is_common_word(p) && !g.is_first_name(p))
}

/// "LISBON" → "Lisbon", "SAN SEBASTIÁN" → "San Sebastián".
fn title_cased(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

fn is_initial(w: &str) -> bool {
    w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_ascii_uppercase())
}

fn is_prefixed(w: &str) -> bool {
    w.split_once('-')
        .is_some_and(|(h, t)| h.len() <= 3 && h.chars().all(char::is_lowercase) && !t.is_empty())
}

/// "Cheuk-yan", "Min-Woo": two short syllables joined by a hyphen.
fn syllable_pair(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let syl = |s: &str| (2..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic());
    syl(a) && syl(b) && a.starts_with(|c: char| c.is_ascii_uppercase()) && !b.contains('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_pairs() {
        assert!(syllable_pair("Cheuk-yan"));
        assert!(syllable_pair("Min-Woo"));
        assert!(syllable_pair("Che-cheung"));
        assert!(!syllable_pair("al-Assad"));
        assert!(!syllable_pair("Coca-Cola-Company"));
    }
}
