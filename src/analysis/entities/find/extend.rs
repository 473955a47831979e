//! Where a run of capitalised words ends: name words, particles ("von der Leyen"), and the
//! connectors, lists and possessives that stay inside a name.

use super::*;

impl<'a> Finder<'a> {
    /// Could this token be (part of) a name?
    pub(super) fn capable(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if !t.is_word() || !t.cap || self.taken.get(i).copied().unwrap_or(false) {
            return false;
        }
        let w = t.text(self.text);
        let g: &Gazetteer = &GAZETTEER;
        // ("World Bank"; "Summit County": a word that names nothing alone before a place word.)
        if g.is_not_name(w)
            && !(w == "World" && self.capable(i + 1))
            && !(w.bytes().all(|b| b.is_ascii_alphabetic())
                && self.toks.get(i + 1).is_some_and(|n| {
                    n.is_word() && n.cap && !n.upper && g.is_place_suffix(n.text(self.text))
                }))
        {
            return false;
        }
        // ("Human Rights Watch": an organization word that is also a stop word ends a name.)
        // (The word before is read plainly here: `capable(i - 1)` may ask `capable(i)` again,
        // as "World" does.)
        let ends_org = || {
            g.is_org_suffix(w)
                && !t.sent
                && i > 0
                && self.toks.get(i - 1).is_some_and(|p| {
                    let pw = p.text(self.text);
                    p.is_word() && p.cap && !g.is_stop(pw) && !g.is_not_name(pw)
                })
        };
        if !t.upper && g.is_stop(w) && !self.stop_word_name(i) && !ends_org() {
            return false;
        }
        // "Late-Night", "Two-Year": a compound of ordinary words is not a name, unless an
        // organization word follows it ("the Export-Import Bank", "Anti-Corruption Bureau").
        if w.contains('-')
            && !t.upper
            && is_common_compound(w)
            && !self.given_name_after_family_name(i)
            && g.place(w).is_none()
            && !g.is_org_suffix(w)
            && !self.toks.get(i + 1).is_some_and(|n| {
                n.is_word() && n.cap && !n.upper && g.is_org_suffix(n.text(self.text))
            })
        {
            return false;
        }
        // A lone capital letter ("(C)") is not a name; an initial with its dot is.
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 || w.ends_with('.') || t.digit
    }

    /// "Hau Lung-bin": a romanised given name of two syllables, the second in lower case, right
    /// after a capitalised word that is no English word (the family name), though each syllable
    /// is one ("lung", "bin"). ("Apple Year-end" stays apart: "apple" is a word.)
    fn given_name_after_family_name(&self, i: usize) -> bool {
        let g: &Gazetteer = &GAZETTEER;
        let w = self.word(i);
        let syllables = super::classify::syllable_pair(w)
            && w.split_once('-')
                .is_some_and(|(_, b)| b.len() <= 4 && b.bytes().all(|c| c.is_ascii_lowercase()));
        syllables
            && i > 0
            && self.toks.get(i - 1).is_some_and(|p| {
                let pw = p.text(self.text);
                p.is_word()
                    && p.cap
                    && !p.upper
                    && pw.bytes().all(|c| c.is_ascii_alphabetic())
                    && !g.is_stop(pw)
                    && !g.is_common_word(pw)
                    && g.place(pw).is_none()
            })
    }

    /// "Will Middlebrooks", "June Carter": a first name that is also a modal verb or a month,
    /// capitalised inside a sentence and before a surname, is a name, unless a word that
    /// comes before dates does ("in June Smith said"). "Jan", short for a month only before
    /// its day or year, opens a name before any capitalised word, at a sentence's start too
    /// ("Jan Hatzius said").
    fn stop_word_name(&self, i: usize) -> bool {
        let g = &*GAZETTEER;
        let w = self.word(i);
        let jan = w == "Jan";
        (jan || matches!(w, "Will" | "May" | "June" | "April" | "August"))
            && if jan {
                !self.title_case.get(i).copied().unwrap_or(false)
            } else {
                !self.weak_position(i)
            }
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.is_word() && t.cap && !t.upper && !t.newline_before)
            && {
                // ("May Day" is a holiday.)
                let next = self.word(i + 1);
                !g.is_stop(next) && (jan || g.is_surname(next) && next != "Day")
            }
            && !(i > 0
                && crate::analysis::lexicon::with_lower(self.word(i - 1), |w| {
                    matches!(
                        w,
                        "in" | "on"
                            | "since"
                            | "until"
                            | "by"
                            | "from"
                            | "during"
                            | "of"
                            | "last"
                            | "next"
                            | "early"
                            | "late"
                            | "mid"
                            | "this"
                            | "that"
                            | "through"
                            | "till"
                            | "before"
                            | "after"
                            | "between"
                    )
                }))
    }

    /// A word of `words` (short lower-case particles) at `i`.
    pub(super) fn is_lower(&self, i: usize, words: &[&str]) -> bool {
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
    pub(super) fn extend(&self, i: usize) -> usize {
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
                    // A place the gazetteer writes with small words inside ("Dar es Salaam",
                    // "Bosnia and Herzegovina").
                    if let Some(e) = self.place_with_small_words(i, j) {
                        j = e;
                        continue;
                    }
                    let cue = g.is_org_prefix(prev)
                        || g.is_org_suffix(prev)
                        || g.is_place_suffix(prev)
                        || GEO_HEADS.contains(&prev)
                        || REALMS.contains(&prev)
                        || g.is_title(prev);
                    if w == "and"
                        && let Some(k) = self
                            .and_in_name(i, j)
                            .or_else(|| self.and_before_org_word(i, j))
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

    /// The end of a place of the gazetteer that runs on from `i..j` through the small words at
    /// `j` ("Dar es Salaam", "Saint Vincent and the Grenadines"). Not through a lone "and": GUM
    /// writes "Bosnia and Herzegovina" and "Trinidad and Tobago" as two places each.
    fn place_with_small_words(&self, i: usize, j: usize) -> Option<usize> {
        if j - i > 3 || self.word(j).len() > 4 || self.word(j) == "and" && self.word(j + 1) != "the"
        {
            return None;
        }
        let g = &*GAZETTEER;
        (j + 2..=j + 4).rev().find(|&e| {
            self.capable(e - 1)
                && self
                    .toks
                    .get(j..e)
                    .is_some_and(|ts| ts.iter().all(|t| t.is_word() && !t.newline_before))
                && g.place(&self.joined(i, e)).is_some()
        })
    }

    /// Whether the run `i..j` has joined a connector ("of", "for") after an organization word:
    /// "Royal Academy of Painting", "Centre for Irish".
    pub(super) fn connected_org(&self, i: usize, j: usize) -> bool {
        let g = &*GAZETTEER;
        (i + 1..j).any(|k| {
            matches!(self.word(k), "of" | "for")
                && self.word(k - 1) != "the"
                && (g.is_org_prefix(self.word(k - 1)) || g.is_org_suffix(self.word(k - 1)))
        })
    }

    /// An organization word (prefix or suffix) among the run's words `i..j`.
    pub(super) fn org_word_in(&self, i: usize, j: usize) -> bool {
        let g = &*GAZETTEER;
        (i..j).any(|k| {
            self.toks.get(k).is_some_and(|t| t.cap)
                && (g.is_org_suffix(self.word(k)) || g.is_org_prefix(self.word(k)))
        })
    }

    /// A place of the gazetteer (one or two words) at `k`.
    pub(super) fn place_at(&self, k: usize) -> bool {
        let g = &*GAZETTEER;
        self.capable(k)
            && !self.toks.get(k).is_some_and(|t| t.newline_before)
            && (g.place(self.word(k)).is_some()
                || self.capable(k + 1) && g.place(&self.joined(k, k + 2)).is_some())
    }

    /// "and" at `j` inside an organization's name after its connector ("Royal Academy of
    /// Painting and Sculpture", "Institute of History and Philology"): where the run then goes
    /// on, or `None` when the "and" joins two names ("the Bank of England and Barclays").
    pub(super) fn and_in_name(&self, i: usize, j: usize) -> Option<usize> {
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

    /// "and" at `j` between ordinary words capitalised in a name that an organization word
    /// ends ("Food and Agriculture Organization", "Food and Drug Administration", "China Road
    /// and Bridge Corporation"): where the name ends. The word before "and" is an ordinary
    /// word, and a place may come before it. Not after a known name ("Barclays and Lloyds
    /// Bank").
    pub(super) fn and_before_org_word(&self, i: usize, j: usize) -> Option<usize> {
        let g = &*GAZETTEER;
        // Up to three ordinary words before "and", a place first allowed ("Independent
        // Electoral and Boundaries Commission", "Kenya Revenue and …"); an organization word
        // only alone ("Securities and Exchange Commission").
        let opening = (1..=3).contains(&(j - i))
            && (i..j).all(|k| {
                let w = self.word(k);
                (g.is_common_word(w) || k == i && k + 1 < j && g.place(w).is_some())
                    && (j == i + 1 || !g.is_org_suffix(w))
            });
        if !opening {
            return None;
        }
        let k = (j + 1..j + 4)
            .take_while(|&k| {
                self.capable(k)
                    && !self
                        .toks
                        .get(k)
                        .is_some_and(|t| t.newline_before || t.sent || t.upper)
            })
            .filter(|&k| g.is_org_suffix(self.word(k)))
            .last()?;
        (k > j + 1).then_some(k + 1)
    }

    /// A list inside an organization's name after its connector: ", County and Municipal
    /// Employees" after "American Federation of State". The list must end with "and" and an
    /// organization word; returns where the run goes on.
    pub(super) fn list_in_name(&self, i: usize, j: usize) -> Option<usize> {
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
}

/// Every part of a hyphenated word is an ordinary English word and none is a first name.
fn is_common_compound(w: &str) -> bool {
    let g = &*GAZETTEER;
    w.split('-')
        .all(|p| !p.is_empty() && g.is_common_word(p) && !g.is_first_name(p))
}
