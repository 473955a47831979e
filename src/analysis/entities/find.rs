//! Finds candidate name mentions: runs of capitalised words split at titles, honorifics and
//! nationality adjectives, each classified as a person, organization or place from gazetteers, cue
//! words and context. Grouping and roles come later.
//!
//! `find` walks the tokens and splits each run at titles, honorifics and nationality adjectives;
//! `extend` decides where a run of capitalised words ends (connectors, particles, lists inside
//! an organization's name); `mention` trims a piece and records it as a mention; `classify`
//! gives it its kind.

mod classify;
mod extend;
mod mention;

pub(crate) use classify::{FOREIGN_INSTITUTION_WORDS, compass_place, title_cased};

use super::known;
use super::names::{GAZETTEER, Gazetteer, Gender, honorific_gender};
use super::tokens::{Kind, Token};
use super::{Raw, Sure};
use crate::analysis::EntityKind;
use crate::article::{BlockKind, Span};
use std::borrow::Cow;

/// Lower-case particles inside names ("Ursula von der Leyen", "Luiz Inácio Lula da Silva").
pub(super) const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "du", "da", "di", "del", "della", "delle", "dei", "degli",
    "des", "dos", "das", "do", "la", "le", "al", "el", "bin", "ibn", "ben", "zu", "ter", "ten",
    "y",
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
    "San", "Santa", "Santo", "São", "Sao", "Saint", "St.", "St", "Sankt", "Puerto", "Porto", "Port",
    "Fort", "Mount", "Mt.", "Lake", "Cape", "Gulf", "Isle", "Strait", "Los", "Las", "El", "Ciudad",
    "Nueva", "Nuevo", "County",
];
/// Words that name only a realm, heading a place's name before "of" ("the Duchy of Holstein",
/// "the Emirate of Bukhara").
#[rustfmt::skip]
const REALMS: &[&str] = &[
    "Duchy", "Archduchy", "Principality", "Emirate", "Sultanate", "Khanate", "Caliphate",
    "Margraviate", "Viceroyalty",
];
/// Words of land and water that make a place of the nationality before them ("Indian Ocean",
/// "Russian River", "Irish Sea", "Japanese Alps").
#[rustfmt::skip]
const DEMONYM_GEO_TAILS: &[&str] = &[
    "Ocean", "Sea", "River", "Gulf", "Bay", "Alps", "Mountains", "Highlands", "Riviera", "Desert",
    "Plain", "Plains", "Peninsula", "Basin", "Coast", "Lake", "Lakes", "Islands", "Archipelago",
];
/// Words of land and water that head a place's name before "of" ("Bay of Bengal", "Horn of
/// Africa", "Cape of Good Hope").
const GEO_HEADS: &[&str] = &[
    "Bay",
    "Sea",
    "Gulf",
    "Strait",
    "Straits",
    "Cape",
    "Horn",
    "Valley",
    "Isle",
    "Island",
    "Islands",
    "Lake",
    "Mount",
    "Bight",
    "Sound",
    "Firth",
    "Plain",
    "Plains",
    "Desert",
    "Peninsula",
    "Coast",
    "Canyon",
    "Mountains",
    "Basin",
    "Delta",
    "Mouth",
    "Rock",
    "Vale",
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

impl<'a> Finder<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word)
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
            match self.place_then_subject(i, j) {
                Some(m) => {
                    self.chunk(i, m);
                    self.chunk(m, j);
                }
                None => self.chunk(i, j),
            }
            i = j.max(i + 1);
        }
    }

    /// "In Vienna Kerekes entered the conservatory": after a preposition opening the sentence, a
    /// known place and then the subject's name, one run with no comma between. Where the place
    /// ends, if so: the rest is one or two words, no name of a place or an organization by its
    /// last word ("In London Bridge Road"), and the whole run is no known name.
    fn place_then_subject(&self, a: usize, b: usize) -> Option<usize> {
        let g = &*GAZETTEER;
        let opens = a > 0
            && self.toks.get(a - 1).is_some_and(|t| t.sent && t.is_word())
            && matches!(
                self.word(a - 1),
                "In" | "At" | "From" | "Outside" | "Near" | "Across" | "Throughout"
            );
        if !opens || b - a < 2 || b - a > 4 {
            return None;
        }
        let last = self.word(b - 1);
        if g.is_org_suffix(last) || g.is_place_suffix(last) || !(a..b).all(|k| self.is_word(k)) {
            return None;
        }
        let whole = self.joined(a, b);
        if g.place(&whole).is_some() || g.is_known_org(&whole) || known::is_listed(&whole) {
            return None;
        }
        (b.saturating_sub(2).max(a + 1)..b).find(|&m| {
            g.place(&self.joined(a, m)).is_some() && {
                let w = self.word(m);
                !g.is_common_word(w) || g.is_first_name(w) || g.is_surname(w)
            }
        })
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
            // (Not when the run is an organization named after it: "United Nations Children's
            // Fund", "South Korea Football Association".)
            if name_start.is_none()
                && let Some(m) = self.fixed_name(k, b)
                && !(m < b && k == a && b - a <= 6 && g.is_org_suffix(self.word(b - 1)))
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
            // "King Charles III", "Queen Elizabeth": a royal title that is also a given name
            // ("B.B. King") is the title before another given name.
            let royal = matches!(w, "King" | "Queen" | "Prince" | "Princess")
                && k + 1 < b
                && name_start.is_none()
                && self.toks[k + 1].cap
                && g.is_first_name(self.word(k + 1));
            if self.toks[k].cap && titled && (royal || !g.is_first_name(w)) && !self.toks[k].upper {
                // A title, unless the whole run is an organization named after it
                // ("General Motors") or the title ends a person's name.
                // (Not when "of" follows the title: "Chairperson of the African Union
                // Commission" holds an organization after the title.)
                let rest_org =
                    g.is_org_suffix(self.word(b - 1)) && b - 1 > k && !self.title_of(k, b);
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
                        && self.word(ns + 1) == "of"
                    // "Indian Ocean", "Russian River": a word of land or water after it too.
                    || e == ns + 1 && DEMONYM_GEO_TAILS.contains(&self.word(ns))
                    // "British Museum", "Egyptian Museum": and before a building's word.
                    // ("the Argentine State" is the polity.)
                    || e - ns <= 3
                        && GAZETTEER.is_place_suffix(self.word(e - 1))
                        && self.word(e - 1) != "State")
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
        // "Mr.", "Mrs.", "Ms." and "Dr." open no run (they are no names), so the honorific of
        // "said Mr. Okafor" stands just before it.
        let before_honorific = (a > 0 && self.is_word(a - 1) && g.is_honorific(self.word(a - 1)))
            .then(|| honorific_gender(self.word(a - 1)));
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
                    None if before_honorific.is_some() => (true, before_honorific),
                    None => (before_is_title, None),
                    _ => (false, None),
                };
                self.name(s, e, after_title, honorific);
            }
            prev = Some(p);
        }
    }

    /// The end of the longest gazetteer name of two or more words starting at `k`; none where
    /// the run goes on to end in a word of organizations or places ("the New York Science
    /// Center", "the Great Lakes Science Center"): the name is the whole run.
    fn fixed_name(&self, k: usize, b: usize) -> Option<usize> {
        let g = &*GAZETTEER;
        let listed = known::starts_listed_name(self.word(k));
        let m = (k + 2..=b.min(k + 6)).rev().find(|&m| {
            self.is_word(m - 1) && {
                let s = self.joined(k, m);
                g.is_known_org(&s)
                    || g.agency(&s).is_some()
                    || g.place(&s).is_some()
                    || listed && (known::is_org(&s) || known::is_place(&s))
            }
        })?;
        let last = self.word(b - 1);
        let goes_on = m < b
            && b - k <= 6
            && (m..b).all(|i| self.toks[i].cap && self.is_word(i))
            && (g.is_org_suffix(last) || g.is_place_suffix(last));
        (!goes_on).then_some(m)
    }

    /// True when a title at `k` is followed (after its "of …" part) by something like a name.
    fn title_then_person(&self, k: usize, b: usize) -> bool {
        let (end, _) = self.absorb_title(k, b);
        end < b && GAZETTEER.is_first_name(self.word(end))
    }

    /// True when the title at `k` goes on with "of" ("President of …").
    fn title_of(&self, k: usize, b: usize) -> bool {
        let g = &*GAZETTEER;
        let j = (k + 1..b)
            .find(|&j| {
                let w = self.word(j);
                !(self.is_word(j) && (g.is_title(w) || g.is_title_modifier(w)))
            })
            .unwrap_or(b);
        j + 1 < b && self.word(j) == "of"
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
            // The rest of the run when it ends in a word of organizations ("Chairperson of the
            // African Union Commission").
            if b - m >= 2
                && b - m <= 6
                && g.is_org_suffix(self.word(b - 1))
                && (m..b).all(|i| {
                    self.is_word(i)
                        && (self.toks[i].cap
                            || matches!(self.word(i), "of" | "and" | "the" | "for"))
                })
            {
                return (b, Some((m, b)));
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
            // ("Secretary of State John Kerry"; the last word too when it is no given name and
            // the word after "of" or no surname: "Minister of Justice", "Secretary of Homeland
            // Security" end the run, "Secretary of State Rice" does not.)
            let mut e = m;
            while e < b
                && self.is_word(e)
                && g.is_common_word(self.word(e))
                && !g.is_first_name(self.word(e))
                && (e + 1 < b || e == m || !g.is_surname(self.word(e)))
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
}
