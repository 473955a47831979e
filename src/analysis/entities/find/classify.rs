//! The kind of a run of capitalised words: rules tried in order (known names and the block's
//! context; places and organization cues; titles and place prefixes; the shape of personal
//! names; single words), and the word shapes they read.

use super::*;

/// What [`Finder::classify`] decides: the kind of a run of capitalised words (`None`: no entity)
/// and how sure that is.
pub(super) type Class = (Option<EntityKind>, Sure);

/// A run of capitalised words being classified: tokens `s..e` (`n` of them), its text, its first
/// and last words, and whether a title or "the" stands before it.
pub(super) struct Run<'a> {
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
    pub(super) fn org_by_cue(&self, s: usize, e: usize) -> bool {
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

    /// A place by the lower-case noun around it: "the Ginza district", "the port of Sines", "the
    /// bus station at Campanhã".
    pub(super) fn place_context(&self, s: usize, e: usize) -> bool {
        let lower_noun = |i: usize| {
            self.toks
                .get(i)
                .is_some_and(|t| t.is_word() && !t.cap && PLACE_NOUNS.contains(&t.text(self.text)))
        };
        lower_noun(e)
            || s >= 2 && matches!(self.word(s - 1), "of" | "at") && lower_noun(s - 2)
            // "the coast of Brittany", "residents of Devon", "north of Lyon".
            || s >= 2
                && self.word(s - 1) == "of"
                && self.toks.get(s - 2).is_some_and(|t| t.is_word() && !t.cap)
                && OF_PLACE_HEADS.contains(&self.word(s - 2))
            || self.place_apposition(e, &lower_noun)
    }

    /// "Bonosus, a friend of his", "Moreau, the French actress", "Apollinaris, who taught him": a
    /// person by the apposition or relative clause after the name.
    pub(super) fn person_context(&self, e: usize) -> bool {
        let g = &*GAZETTEER;
        if self.toks.get(e).is_some_and(|t| t.is_punct(',')) && self.word(e + 1) == "who" {
            return true;
        }
        self.apposition(
            e,
            &["a", "an", "the", "his", "her", "their"],
            &|i| {
                let w = self.word(i);
                PERSON_NOUNS.contains(&w) || g.is_title(w) && !NOT_PERSON_TITLES.contains(&w)
            },
            &["of", "in", "at", "from", "who", "and", "to", "for", "with"],
        )
    }

    /// "Stridon, a village near Emona", "Faaborg, the main town of the island": an apposition
    /// after the name whose head is a place noun.
    fn place_apposition(&self, e: usize, lower_noun: &dyn Fn(usize) -> bool) -> bool {
        self.apposition(
            e,
            &["a", "an", "the"],
            lower_noun,
            &[
                "of", "in", "near", "on", "at", "north", "south", "east", "west", "located",
                "where", "which", "that", "with", "known", "and", "by", "from", "outside", "along",
                "between", "about", "some",
            ],
        )
    }

    /// An apposition after the name ending at `e`: a comma, one of `determiners`, at most two
    /// modifiers (lower-case words, or a nationality: "a small Croatian village") and a head
    /// noun at the token `is_head` accepts, which ends the apposition or comes before one of
    /// `followers` ("a village near Emona"; "a city official said" is no place).
    fn apposition(
        &self,
        e: usize,
        determiners: &[&str],
        is_head: &dyn Fn(usize) -> bool,
        followers: &[&str],
    ) -> bool {
        let modifier = |i: usize| {
            self.toks.get(i).is_some_and(|t| {
                t.is_word()
                    && !t.digit
                    && (!t.cap || GAZETTEER.demonym(t.text(self.text)).is_some())
            })
        };
        if !self.toks.get(e).is_some_and(|t| t.is_punct(','))
            || !determiners.contains(&self.word(e + 1))
        {
            return false;
        }
        (e + 2..e + 5)
            .take_while(|&i| modifier(i))
            .find(|&i| is_head(i))
            .is_some_and(|i| {
                // ("Alan Wood, the town's mayor": a possessor is no head.)
                let possessor = self.word(i + 1).starts_with(['\'', '’']);
                !possessor && self.toks.get(i + 1).is_none_or(|t| !t.is_word())
                    || followers.contains(&self.word(i + 1))
            })
    }

    /// What `s..e` names, and how sure that is.
    /// The kind of the capitalised run `s..e` and how sure that is; `None` for a run that is no
    /// entity. Rules in order, the first that knows decides: known names and the block's
    /// context; places and organization cues; titles and place prefixes; the shape of personal
    /// names; single words.
    pub(super) fn classify(
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
            .or_else(|| self.place_before_region(&run))
            .or_else(|| self.personal_name(&run))
            .or_else(|| self.single_word(&run))
            .unwrap_or((Some(EntityKind::Organization), Sure::Weak))
    }

    /// A known agency or organization; anyone after an honorific; in a dateline, the agency in
    /// parentheses and the city in capitals.
    pub(super) fn known_or_by_context(&self, r: &Run, honorific: Option<Gender>) -> Option<Class> {
        use EntityKind::{Organization, Person, Place};
        let g = &*GAZETTEER;
        let (s, e) = (r.s, r.e);
        if g.agency(&r.full).is_some() || g.is_known_org(&r.full) || known::is_org(&r.full) {
            return Some((Some(Organization), Sure::Strong));
        }
        if known::is_place(&r.full) {
            return Some((Some(Place), Sure::Strong));
        }
        if honorific.is_some() {
            return Some((Some(Person), Sure::Strong));
        }
        // "Statement by Farhana Rahman Chowdhury, Minister of …": in a title, two or three name
        // words after "by" that no list reads otherwise are the author's name.
        if (2..=3).contains(&r.n)
            && s > 0
            && self.word(s - 1) == "by"
            && self.title_case.get(s).copied().unwrap_or(false)
            && (s..e).all(|i| {
                let w = self.word(i);
                self.is_word(i)
                    && !self.toks[i].upper
                    && g.is_plain_name_word(w)
                    && !g.is_place_suffix(w)
                    && !FOREIGN_INSTITUTION_WORDS.contains(&w)
            })
        {
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
    pub(super) fn place_or_organization(&self, r: &Run) -> Option<Class> {
        use EntityKind::{Organization, Place};
        let g = &*GAZETTEER;
        let (s, e, full) = (r.s, r.e, &*r.full);
        if !r.after_title && self.place_context(s, e) && !g.is_org_suffix(r.last) {
            return Some((Some(Place), Sure::Strong));
        }
        // "Prince Albert died": a royal title and a given name are a person, though a town
        // bears the name, unless a preposition of place stands before ("in Prince Albert").
        if r.n == 2
            && ROYAL_TITLES.contains(&r.first)
            && g.is_first_name(r.last)
            && !(s > 0
                && (PLACE_PREPOSITIONS.contains(&self.word(s - 1))
                    || matches!(self.word(s - 1), "at" | "to" | "from" | "into")))
        {
            return Some((Some(EntityKind::Person), Sure::Strong));
        }
        if g.place(full).is_some_and(|c| c != full) && self.org_by_cue(s, e) {
            return Some((Some(Organization), Sure::Strong));
        }
        // ("Senator Warren", "Queen Elizabeth II": a name after a title is a person's.)
        if g.place(full).is_some()
            && !(r.after_title && r.n == 1 && (g.is_surname(r.first) || g.is_first_name(r.first)))
        {
            return Some((Some(Place), Sure::Strong));
        }
        if compass_place(full) {
            return Some((Some(Place), Sure::Strong));
        }
        // "Lower Franconia", "Upper Svaneti": a compass word before a word that is no English
        // word, name or institution's word is a region no list knows.
        if r.n == 2
            && COMPASS.contains(&r.first)
            && !self.title_case.get(s).copied().unwrap_or(false)
            && !self.toks[e - 1].upper
            && !g.is_common_word(r.last)
            && !g.is_first_name(r.last)
            && !g.is_surname(r.last)
            && !g.is_org_suffix(r.last)
            && !g.is_place_suffix(r.last)
            && g.demonym(r.last).is_none()
            && !known::is_org(r.last)
        {
            return Some((Some(Place), Sure::Weak));
        }
        // "in The Hague": a place whose name opens with "The", which no name holds.
        if r.after_the && g.is_place_after_the(full) {
            return Some((Some(Place), Sure::Strong));
        }
        // "Bay of Bengal", "Horn of Africa", "Valley of the Kings".
        if r.n >= 3 && GEO_HEADS.contains(&r.first) && self.word(s + 1) == "of" {
            return Some((Some(Place), Sure::Strong));
        }
        // "Pointe du Raz", "Cabo da Roca", "Praça da Figueira": land, water, streets and
        // castles named in another language.
        if r.n >= 2 && FOREIGN_GEO_HEADS.contains(&r.first) && !self.toks[s].upper {
            return Some((Some(Place), Sure::Weak));
        }
        if self.club(r) {
            return Some((Some(Organization), Sure::Strong));
        }
        if self.place_then_plural(r) {
            return Some((Some(Organization), Sure::Strong));
        }
        // "the State of Pennsylvania", "the Kingdom of Spain": a polity named by a place.
        if e - s >= 3
            && matches!(
                r.first,
                "State"
                    | "Commonwealth"
                    | "Kingdom"
                    | "Province"
                    | "Republic"
                    | "Principality"
                    | "Duchy"
                    | "Emirate"
                    | "Sultanate"
                    | "Canton"
            )
            && self.word(s + 1) == "of"
            && g.place(&self.joined(s + 2, e)).is_some()
        {
            return Some((Some(Place), Sure::Strong));
        }
        // "the Duchy of Holstein": a realm of any name is a place.
        if e - s >= 3 && REALMS.contains(&r.first) && self.word(s + 1) == "of" {
            return Some((Some(Place), Sure::Strong));
        }
        // "Margaret Court", "Danielle Steel", "Emily Post", "Samantha Power": a given name that
        // is no English word nor place, then a common surname that is also an organization's
        // word, is a person ("Grace Church", "Jordan House", "the Marshall Court" and "Morgan
        // Bank" stay organizations).
        if r.n == 2
            && !r.after_the
            && !self.toks[s].upper
            && g.is_first_name(r.first)
            && !g.is_common_word(r.first)
            && g.place(r.first).is_none()
            && matches!(
                r.last,
                "Church" | "Court" | "House" | "Post" | "Steel" | "Power"
            )
        {
            return Some((Some(EntityKind::Person), Sure::Strong));
        }
        // "the Museum of Finnish Architecture", "the Metropolitan Museum of Art": a museum is a
        // place, as GUM annotates it, though "Museum of" opens institutions' names.
        if (s..(s + 3).min(e.saturating_sub(2)))
            .any(|k| self.word(k) == "Museum" && self.word(k + 1) == "of" && self.toks[k].cap)
        {
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

    /// A sports club: a known place with a club word before or after it ("Real Madrid", "FC
    /// Barcelona", "Inter Miami", "Nashville SC", "Leeds United", "Orlando City SC").
    pub(super) fn club(&self, r: &Run) -> bool {
        let g = &*GAZETTEER;
        let (s, e) = (r.s, r.e);
        if r.n < 2 {
            return false;
        }
        let (a, b) = if crate::analysis::lexicon::is_club_word_before(r.first) {
            (s + 1, e)
        } else if crate::analysis::lexicon::is_club_word_after(r.last) {
            (s, e - 1)
        } else {
            return false;
        };
        // The place is the rest of the name, or its first words ("Orlando City SC").
        (a + 1..=b).any(|k| g.place(&self.joined(a, k)).is_some())
    }

    /// A known place and then capitalised words ending in a plural that names no kind of place:
    /// a team or a company named after its home ("Pittsburgh Pirates", "Boston Red Sox", "Kenya
    /// Airways"), not a place ("Golan Heights", "Canary Islands").
    pub(super) fn place_then_plural(&self, r: &Run) -> bool {
        let g = &*GAZETTEER;
        // (Names end in "-is", "-us", "-as" more often than plurals do: "Idris", "Marcus",
        // "Elias".)
        let plural = (r.last.len() >= 4
            && r.last.ends_with('s')
            && !["ss", "is", "us", "as"].iter().any(|x| r.last.ends_with(x)))
            || r.last == "Sox";
        // ("Dallas Roberts": a surname is a person's name, not a plural; "Dr. Hassan Idris"
        // after a title is a person.)
        if r.n < 2
            || r.after_title
            || !plural
            || g.is_place_suffix(r.last)
            || g.place(r.last).is_some()
            || g.is_surname(r.last)
        {
            return false;
        }
        if !(r.s..r.e).all(|i| self.toks[i].cap && !self.toks[i].upper) {
            return false;
        }
        // (A place of at most three words: the run may be long.)
        (r.s + 1..r.e.min(r.s + 4)).any(|k| {
            g.place(&self.joined(r.s, k))
                .is_some_and(|_| self.word(k).starts_with(char::is_uppercase))
        })
    }

    /// Name words, not counting particles ("Luiz Inácio Lula da Silva" has four).
    pub(super) fn name_words(&self, r: &Run) -> usize {
        let (s, e) = (r.s, r.e);
        if (s..e).all(|i| self.toks[i].cap || PARTICLES.contains(&self.word(i))) {
            (s..e).filter(|&i| self.toks[i].cap).count()
        } else {
            r.n
        }
    }

    /// A short name after a title is a person; "Lake …", "Mount …" a place.
    pub(super) fn after_title_or_place_prefix(&self, r: &Run) -> Option<Class> {
        if r.after_title && self.name_words(r) <= 4 {
            return Some((Some(EntityKind::Person), Sure::Strong));
        }
        // ("County Kerry" is a place, "the County of Maui" the government that sues.)
        if r.n >= 2
            && PLACE_PREFIXES.contains(&r.first)
            && !self.toks[r.s].upper
            && !(r.first == "County" && self.word(r.s + 1) == "of")
        {
            return Some((Some(EntityKind::Place), Sure::Weak));
        }
        None
    }

    /// "Austin, Texas", "Sun Valley, Idaho": one or two words (no acronym, not shaped as a first
    /// name or a surname) before a comma and a country or region of the gazetteer that ends the
    /// name there (not "Russia's foreign minister") are a place in it.
    pub(super) fn place_before_region(&self, r: &Run) -> Option<Class> {
        use crate::analysis::lexicon::PlaceKind;
        let g = &*GAZETTEER;
        let e = r.e;
        if r.n > 2
            || r.after_title
            || self.toks[r.s].upper
            || (r.n == 2 && (g.is_first_name(r.first) || g.is_surname(r.last)))
            || !self.toks.get(e).is_some_and(|t| t.is_punct(','))
        {
            return None;
        }
        let region = |k: usize| {
            self.toks
                .get(k - 1)
                .is_some_and(|t| t.cap && !t.newline_before)
                && !self.capable(k)
                && !self.toks.get(k).is_some_and(|t| t.kind == Kind::Possessive)
                && matches!(
                    g.place_kind(&self.joined(e + 1, k)),
                    Some(PlaceKind::Country | PlaceKind::Region)
                )
        };
        (region(e + 2) || region(e + 3)).then_some((Some(EntityKind::Place), Sure::Strong))
    }

    /// Runs of two or three words shaped like a personal name: a first name, a romanised
    /// syllable pair, two surnames, foreign words that are neither English words nor places.
    pub(super) fn personal_name(&self, r: &Run) -> Option<Class> {
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
        // A country or region that is also a first name ("Kenya", "Georgia") opens a person's
        // name only before a surname or another name, and no acronym ("Georgia Smith", not
        // "Kenya Vision", "Kenya ICT Master Plan"). A surname that is an English word counts
        // only when it is frequent ("Georgia Long", not the utility "Kenya Power").
        let country_first = || {
            use crate::analysis::lexicon::PlaceKind;
            let surname =
                |w: &str| g.is_surname(w) && (!g.is_common_word(w) || g.is_frequent_surname(w));
            matches!(
                g.place_kind(first),
                Some(PlaceKind::Country | PlaceKind::Region)
            ) && ((s + 1..e).any(|i| self.toks[i].upper)
                || !words
                    .iter()
                    .skip(1)
                    .any(|w| surname(w) || g.is_first_name(w)))
        };
        // "van der Berg", "de Gaulle", "bin Salman": particles in lower case, then one name,
        // no place nor word of institutions, are a person's surname.
        if n >= 2
            && !self.toks[s].cap
            && (s..e - 1).all(|i| !self.toks[i].cap && PARTICLES.contains(&self.word(i)))
            && g.place(last).is_none()
            && !g.is_org_suffix(last)
            && !g.is_place_suffix(last)
        {
            return Some((Some(Person), Sure::Strong));
        }
        // "Minera Cóndor Andino", "Banco Itaú": an institution's word in another language
        // opens an institution's name, whatever the words after it.
        if n >= 2 && FOREIGN_INSTITUTION_WORDS.contains(&first) {
            return Some((Some(EntityKind::Organization), Sure::Weak));
        }
        // "Gazprom Neft", "Bloomberg Intelligence": a listed company opens a company's name.
        if n >= 2 && known::is_org(first) && !g.is_first_name(first) {
            return Some((Some(EntityKind::Organization), Sure::Weak));
        }
        let first_is_name =
            (g.is_first_name(first) && !(after_the && rare_word_name()) && !country_first())
                || is_initial(first);
        if n >= 2
            && first_is_name
            && (!self.toks[s].upper || is_initial(first))
            && self.name_words(r) <= 4
        {
            return Some((Some(Person), Sure::Strong));
        }
        // "public broadcaster Bayerischer Rundfunk", "the shipping line Nippon Yusen": a noun
        // naming a kind of organization right before names no person (given names are read
        // above: "broadcaster David Attenborough").
        // So does the noun before a comma, after "his", "its", "the" …: "his firm, Demirtaş
        // Mobilya".
        let noun_before =
            |i: usize| crate::analysis::lexicon::is_org_noun_not_of_people(self.word(i));
        if (s > 0 && noun_before(s - 1)
            || s > 2
                && self.toks[s - 1].is_punct(',')
                && noun_before(s - 2)
                && matches!(
                    self.word(s - 3),
                    "his" | "her" | "its" | "their" | "our" | "my" | "the"
                ))
            && (s..e).all(|i| !self.toks[i].upper)
        {
            return Some((Some(EntityKind::Organization), Sure::Weak));
        }
        // "Wilhelm von Schadow", "Rafael del Pino": capitalised names about a lower-case
        // particle, the first no English word nor a word of institutions and places in other
        // languages ("Conservatoire de Paris", "Paseo de Montejo"), none a known place. Two
        // names before the particle, the first no place and the second no English word, may
        // be followed by places: Iberian surnames are often towns' ("Joaquim Pereira dos
        // Santos").
        let two_names_first = n == 4
            && !self.toks[s + 2].cap
            && g.place(first).is_none()
            && !g.is_common_word(self.word(s + 1));
        if (3..=4).contains(&n)
            && !after_the
            && (s + 1..e - 1).any(|i| !self.toks[i].cap && NAME_PARTICLES.contains(&self.word(i)))
            && !g.is_common_word(first)
            && !FOREIGN_INSTITUTION_WORDS.contains(&first)
            && !FOREIGN_PLACE_WORDS.contains(&first)
            && (s..e).all(|i| {
                let w = self.word(i);
                !g.is_org_suffix(w)
                    && !g.is_place_suffix(w)
                    && !PLACE_PREFIXES.contains(&w)
                    && (!self.toks[i].cap || g.place(w).is_none() || two_names_first && i > s)
            })
        {
            return Some((Some(Person), Sure::Strong));
        }
        // Romanised Chinese and Korean names: "Lee Cheuk-yan", "Kim Min-Woo".
        if (2..=3).contains(&n) && !after_the && words.iter().skip(1).any(|w| syllable_pair(w)) {
            return Some((Some(Person), Sure::Strong));
        }
        // A Chinese family name that is also an English word, before a given name no list
        // knows: "Xi Jinping", "Hu Jintao", "Ma Ying-jeou".
        if n == 2
            && !after_the
            && words.len() == 2
            && matches!(first, "Xi" | "Hu" | "Ma" | "Wen" | "Bo")
            && !g.is_common_word(last)
            && g.place(last).is_none()
            && !g.is_org_suffix(last)
            && !self.toks[s].upper
            && !self.toks[e - 1].upper
        {
            return Some((Some(Person), Sure::Strong));
        }
        // Vietnamese names, family name first: "Nguyen Van Thanh", "Vu Thanh Long", "Le Thi
        // Mai". A family name that is also a word or an article ("Le", "Do", "Ho") only before
        // a middle name ("Van", "Thi"): "Le Monde" stays apart.
        if (2..=4).contains(&n)
            && !after_the
            && words.len() == n
            && (VIETNAMESE_FAMILY_NAMES.contains(&first)
                || VIETNAMESE_SHORT_FAMILY_NAMES.contains(&first)
                    && VIETNAMESE_MIDDLE_NAMES.contains(&words[1]))
            && words.iter().skip(1).all(|w| {
                w.chars().count() <= 6
                    && w.chars().all(char::is_alphabetic)
                    && !g.is_org_suffix(w)
                    && !g.is_place_suffix(w)
            })
            && (s..e).all(|i| !self.toks[i].upper)
        {
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
        // ("Vladimir Putin", "Bashar al-Assad"), unless an institution or building of another
        // language opens them ("Banco Itau", "Casa Jambu": see `classify`'s default) or, with
        // neither a known name nor an English word, a preposition of place stands before ("in
        // Phong Dien"; "a degree in Public Health" is no place).
        if n == 2
            && words.len() == 2
            && !after_the
            && s > 0
            && PLACE_PREPOSITIONS.contains(&self.word(s - 1))
            && !words
                .iter()
                .any(|w| g.is_first_name(w) || g.is_surname(w) || g.is_common_word(w))
        {
            return Some((Some(EntityKind::Place), Sure::Weak));
        }
        if n == 2
            && !after_the
            && words.len() == 2
            && !FOREIGN_INSTITUTION_WORDS.contains(&first)
            && !FOREIGN_PLACE_WORDS.contains(&first)
            && !g.is_common_word(first)
            // ("Kenya Power": a country, then an English word that is a rare surname.)
            && !(country_first() && g.is_common_word(last))
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
        // Three words, none an English word or a place, nor in capitals, not after "the": with a
        // first name or ending in a surname ("Hernan Dario Gomez", "Farouk Ben Mustapha"), or
        // none a word of institutions or places in any language ("Recep Tayyip Erdogan").
        if n == 3
            && !after_the
            && words.len() == 3
            && words
                .iter()
                .all(|w| !g.is_common_word(w) && g.place(w).is_none() && !is_prefixed(w))
            && (s..e).all(|i| !self.toks[i].upper)
            && (words.iter().any(|w| g.is_first_name(w))
                || g.is_surname(last)
                || words.iter().all(|w| {
                    !g.is_org_suffix(w)
                        && !g.is_org_prefix(w)
                        && !g.is_place_suffix(w)
                        && !FOREIGN_INSTITUTION_WORDS.contains(w)
                        && !FOREIGN_PLACE_WORDS.contains(w)
                        && !FOREIGN_GEO_HEADS.contains(w)
                }))
        {
            return Some((Some(Person), Sure::Weak));
        }
        None
    }

    /// One word: a group of people or shouting is nothing; an acronym or a number an
    /// organization; after a place preposition a place; a known name a person; else a guess.
    pub(super) fn single_word(&self, r: &Run) -> Option<Class> {
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
        let before = if s > 0 && self.is_word(s - 1) {
            self.word(s - 1)
        } else {
            ""
        };
        // "ICT", "GPS": an abbreviation of a common noun, not a name.
        if self.toks[s].upper && known::is_common_acronym(first) {
            return Some((None, Sure::Strong));
        }
        // "NWSC", "BAFTA": an acronym of two to six letters in mixed-case text, no place nor
        // common abbreviation, surely names an organization. (Only after "of", "at" or before
        // a possessive did better on the documents whose errors were read, worse on the others.)
        if self.toks[s].upper
            && (2..=6).contains(&first.len())
            && first.chars().all(|c| c.is_ascii_uppercase())
            && g.place(first).is_none()
            && !self.title_case.get(s).copied().unwrap_or(false)
            && !self.shouting(s)
        {
            return Some((Some(Organization), Sure::Strong));
        }
        if self.toks[s].upper || self.toks[s].digit {
            return Some((Some(Organization), Sure::Weak));
        }
        // "the Academy", "the Guardian": an organization word alone after "the" inside a
        // sentence names the organization the text means.
        // Not the generic ones, which stand for a title more than a name ("the Church", "the
        // Court", "the Government": GUM marks them as titles, not names).
        if r.after_the
            && g.is_org_suffix(first)
            && !GENERIC_INSTITUTIONS.contains(&first)
            && !self.weak_position(s)
        {
            return Some((Some(Organization), Sure::Strong));
        }
        // "the Nation", "our Country": the speaker's country, capitalised in addresses.
        if matches!(
            first,
            "Nation" | "Country" | "Homeland" | "Motherland" | "Fatherland"
        ) && matches!(before, "the" | "our" | "this" | "my" | "your" | "their")
            && !self.weak_position(s)
        {
            return Some((Some(Place), Sure::Strong));
        }
        // "the South", "the Midwest": a compass word alone after "the" inside a sentence is the
        // region ("the north" in lower case is a direction).
        if r.after_the && REGION_WORDS.contains(&first) && !self.weak_position(s) {
            return Some((Some(Place), Sure::Strong));
        }
        // "Guerneville", "Sebastopol", "Lincolnshire": the endings of towns and counties.
        if place_ending(first)
            && !first.contains(['\'', '’'])
            && !g.is_surname(first)
            && !g.is_first_name(first)
        {
            return Some((Some(Place), Sure::Weak));
        }
        if PLACE_PREPOSITIONS.contains(&before) {
            return Some((Some(Place), Sure::Guess));
        }
        if !r.after_the && (g.is_surname(first) || g.is_first_name(first) || is_prefixed(first)) {
            return Some((Some(Person), Sure::Guess));
        }
        if self.person_context(r.e) {
            return Some((Some(Person), Sure::Guess));
        }
        Some((Some(Organization), Sure::Guess))
    }
}

impl Finder<'_> {
    /// Whether an English word around `i` (up to three either side) is in capitals too
    /// ("NEW RULES FOR NWSC"): a heading or shouting, where capitals say nothing of names.
    fn shouting(&self, i: usize) -> bool {
        let lo = i.saturating_sub(3);
        let hi = (i + 4).min(self.toks.len());
        (lo..hi).any(|k| {
            k != i
                && self.toks[k].upper
                && self.word(k).len() >= 3
                && GAZETTEER.is_common_word(self.word(k))
        })
    }
}

/// Royal and noble titles, which make a person of a given name ("Prince Albert").
const ROYAL_TITLES: &[&str] = &[
    "King", "Queen", "Prince", "Princess", "Duke", "Duchess", "Emperor", "Empress", "Lord", "Lady",
    "Sir", "Dame", "Pope",
];

/// Vietnamese family names no English word shares, with and without their marks.
#[rustfmt::skip]
const VIETNAMESE_FAMILY_NAMES: &[&str] = &[
    "Nguyen", "Nguyễn", "Tran", "Trần", "Pham", "Phạm", "Hoang", "Hoàng", "Huynh", "Huỳnh",
    "Phan", "Vu", "Vũ", "Vo", "Võ", "Dang", "Đặng", "Bui", "Bùi", "Duong", "Dương", "Trinh",
    "Trịnh", "Truong", "Trương", "Ngo", "Ngô", "Dinh", "Đinh", "Doan", "Đoàn", "Luong",
    "Lương", "Đỗ", "Hồ", "Lê", "Lý",
];

/// Vietnamese family names that are also words or articles ("Le", "Do"): a name only before
/// a middle name.
const VIETNAMESE_SHORT_FAMILY_NAMES: &[&str] = &["Le", "Do", "Ho", "Ly", "Mai", "Cao", "Lam", "Ha"];

/// Vietnamese middle names.
#[rustfmt::skip]
const VIETNAMESE_MIDDLE_NAMES: &[&str] = &[
    "Van", "Văn", "Thi", "Thị", "Duc", "Đức", "Huu", "Hữu", "Quoc", "Quốc", "Ngoc", "Ngọc",
    "Xuan", "Xuân", "Cong", "Công", "Dinh", "Đình", "Minh", "Thanh", "Hong", "Hồng",
];

/// Lower-case particles inside personal names ("von", "van der", "de la", "bin").
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "la", "le",
    "ter", "ten", "zu", "bin", "ibn", "bint",
];

/// First words of institutions named in other languages ("Universidade da Coruña",
/// "Conservatoire de Paris", "Banco Santander"): no given names, and an organization they open
/// is one whatever the model says of it.
#[rustfmt::skip]
pub(crate) const FOREIGN_INSTITUTION_WORDS: &[&str] = &[
    "Universidad", "Universidade", "Université", "Università", "Universität", "Conservatoire",
    "Conservatorio", "Instituto", "Institut", "Istituto", "Banco", "Banque", "Banca", "Escuela",
    "École", "Colegio", "Collège", "Partido", "Parti", "Société", "Compagnie", "Compañía",
    "Ministerio", "Ministère", "Ministero", "Ministério", "Minera", "Empresa", "Grupo", "Gruppo",
    "Groupe", "Sindicato", "Syndicat", "Corporación", "Fundación", "Fundação", "Fondazione",
    "Fondation", "Asociación", "Associação", "Associazione", "Federación", "Federazione",
    "Fédération", "Confederación", "Confederação", "Confederazione", "Confédération", "Consejo",
    "Conselho", "Consiglio", "Conseil", "Agencia", "Agência", "Agenzia", "Agence", "Cooperativa",
    "Coopérative", "Sociedad", "Sociedade", "Società", "Companhia", "Azienda", "Consorzio",
    "Consorcio", "Regione", "Comune", "Secretaría", "Superintendencia", "Tribunale", "Stiftung",
    "Verband", "Gesellschaft", "Bundesamt", "Deutsche", "Deutscher", "Bayerische", "Bayerischer",
    "Stichting", "Caisse", "Crédit", "Mutuelle",
];

/// First words of buildings and places named in other languages before a particle ("Museo del
/// Prado", "Gare du Nord"): no given names either. (The first words of land, water, streets and
/// castles, [`FOREIGN_GEO_HEADS`], make a place before the shape of personal names is read:
/// "Paseo de Montejo".)
#[rustfmt::skip]
const FOREIGN_PLACE_WORDS: &[&str] = &[
    "Museo", "Musée", "Museu", "Via", "Place", "Ave", "Casa", "Palais", "Teatro", "Théâtre",
    "Hôpital", "Iglesia", "Église", "Chiesa", "Gare", "Estación", "Puente", "Pont", "Torre",
    "Tour", "Monte", "Rio", "Valle", "Val", "Costa", "Villa", "Cerro", "Playa", "Cité", "Hotel",
    "Hôtel", "Parque", "Parc", "Jardin", "Jardín", "Catedral", "Cathédrale", "Basílica",
    "Convento", "Mercado", "Estadio", "Aeropuerto", "Aéroport", "Arco", "Bois", "Forêt", "Champ",
    "Champs",
];

/// Nouns before "of" and a place ("the coast of Brittany"), which are no heads of a place's
/// apposition ("Ana, a resident of Devon" is a person).
#[rustfmt::skip]
const OF_PLACE_HEADS: &[&str] = &[
    "coast", "coastline", "shore", "shores", "outskirts", "resident", "residents", "mayor",
    "governor", "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest",
];

/// First words of land and water, streets and squares, and castles named in other languages
/// ("Pointe du Raz", "Cabo da Roca", "Praça da Figueira", "Castelo de São Jorge").
#[rustfmt::skip]
const FOREIGN_GEO_HEADS: &[&str] = &[
    "Pointe", "Cap", "Côte", "Baie", "Golfe", "Île", "Îles", "Lac", "Mont", "Capo", "Isola",
    "Cabo", "Punta", "Isla", "Islas", "Bahía", "Golfo", "Lago", "Sierra", "Río", "Praia", "Ponta",
    "Serra", "Ilha", "Pic", "Col", "Laguna",
    // Streets, squares, quays and castles.
    "Rua", "Rue", "Calle", "Avenida", "Paseo", "Piazza", "Piazzale", "Plaza", "Praça", "Plaça",
    "Largo", "Campo", "Cais", "Quai", "Viale", "Corso", "Travessa", "Calçada", "Carrer", "Rambla",
    "Castelo", "Castillo", "Castello", "Château", "Palácio", "Palacio", "Palazzo", "Mosteiro",
    "Monasterio",
];

/// Organization words that, alone after "the", are a title rather than a name.
const GENERIC_INSTITUTIONS: &[&str] = &[
    "Church",
    "Court",
    "Government",
    "Administration",
    "State",
    "Ministry",
    "Department",
    "Office",
    "Cabinet",
    "Company",
    "Firm",
    "Agency",
];

/// Compass words that name a region alone after "the" ("the South", "the Midwest").
const REGION_WORDS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Midwest",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
];

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
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "North",
    "South",
    "East",
    "West",
    "Upper",
    "Lower",
    "Greater",
    "Inner",
    "Outer",
];

/// "Southern Indiana", "Northern Italy", "Northeast Ohio": a compass word and a known place of
/// more than a city.
/// Nouns for people by their ties to others, which head an apposition after a person's name.
const PERSON_NOUNS: &[&str] = &[
    "friend",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "father",
    "mother",
    "uncle",
    "aunt",
    "cousin",
    "nephew",
    "niece",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "widow",
    "widower",
    "student",
    "pupil",
    "disciple",
    "colleague",
    "companion",
    "rival",
    "contemporary",
    "mentor",
    "protégé",
    "lover",
    "fiancé",
    "fiancée",
    "boyfriend",
    "girlfriend",
    "man",
    "woman",
    "boy",
    "girl",
    "native",
    "resident",
];

/// Titles that an organization or a team may hold as well ("Brazil, the world champion").
const NOT_PERSON_TITLES: &[&str] = &[
    "member",
    "partner",
    "owner",
    "host",
    "agent",
    "head",
    "leader",
    "champion",
    "candidate",
    "nominee",
    "executive",
    "official",
    "founder",
    "investor",
    "producer",
    "designer",
];

/// A word that ends as names of towns and counties do, and no English word does ("-ville",
/// "-burg", "-shire", "-stadt", "-grad", "-pol").
fn place_ending(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ville", "burg", "burgh", "borough", "shire", "stadt", "grad", "pol", "polis", "sk",
        "hafen", "hausen", "dorf", "ingen", "abad",
    ];
    w.len() >= 6 && ENDINGS.iter().any(|x| w.ends_with(x)) && !GAZETTEER.is_common_word(w)
}

pub(crate) fn compass_place(s: &str) -> bool {
    let g = &*GAZETTEER;
    s.split_once(' ').is_some_and(|(head, rest)| {
        COMPASS.contains(&head)
            && (g.place(rest).is_some()
                && g.place_kind(rest) != Some(crate::analysis::lexicon::PlaceKind::City)
                || known::is_place(rest))
    })
}

/// "LISBON" → "Lisbon", "SAN SEBASTIÁN" → "San Sebastián".
pub(crate) fn title_cased(s: &str) -> String {
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

/// "J." or, written together, "J.K." and "J.R.R." (not a place such as "U.S." or "N.Y.").
fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2
        && b.len() <= 6
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
        && (b.len() == 2 || GAZETTEER.place(w).is_none() && !known::is_org(w))
}

fn is_prefixed(w: &str) -> bool {
    w.split_once('-')
        .is_some_and(|(h, t)| h.len() <= 3 && h.chars().all(char::is_lowercase) && !t.is_empty())
}

/// "Cheuk-yan", "Min-Woo": two short syllables joined by a hyphen.
pub(super) fn syllable_pair(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let syl = |s: &str| (2..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic());
    syl(a) && syl(b) && a.starts_with(|c: char| c.is_ascii_uppercase()) && !b.contains('-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Entity;
    use crate::analysis::entities::{Policy, extract_with};
    use crate::article::{Article, Block};

    /// The rules' entities of `text` (no model).
    fn rules(text: &str) -> Vec<Entity> {
        let article = Article {
            text: text.to_string(),
            blocks: vec![Block::new(BlockKind::Paragraph, 0, text.len())],
            ..Article::default()
        };
        extract_with(&article, None, Policy::default())
    }

    fn kind_of(es: &[Entity], name: &str) -> Option<EntityKind> {
        es.iter().find(|e| &*e.name == name).map(|e| e.kind)
    }

    #[test]
    fn a_royal_title_that_is_a_given_name_is_the_title_before_a_given_name() {
        let es = rules(
            "He served King Louis XV of France. Queen Elizabeth II died. Prince Harry spoke. \
             Carole King sang. Senator Warren voted.",
        );
        for (name, role) in [
            ("Louis XV", "King"),
            ("Elizabeth II", "Queen"),
            ("Harry", "Prince"),
            ("Carole King", ""),
            ("Warren", "Senator"),
        ] {
            let e = es.iter().find(|e| &*e.name == name);
            assert!(
                e.is_some_and(
                    |e| e.kind == EntityKind::Person && e.role.as_deref().unwrap_or("") == role
                ),
                "{name}: {es:?}"
            );
        }
    }

    #[test]
    fn museums_galleries_and_archives_are_places_as_gum_marks_them() {
        let es = rules(
            "She works at the British Museum. They met at the Tate Gallery. \
             The National Archives hold it. The Argentine State paid.",
        );
        for name in ["British Museum", "Tate Gallery", "National Archives"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:?}"
            );
        }
        assert_eq!(kind_of(&es, "Argentine State"), None, "{es:?}");
    }

    #[test]
    fn a_given_name_of_two_word_syllables_stays_with_its_family_name() {
        let es =
            rules("City mayor Hau Lung-bin spoke. Chen Shui-bian won. Apple Year-end sales rose.");
        for name in ["Hau Lung-bin", "Chen Shui-bian"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Person),
                "{name}: {es:?}"
            );
        }
        assert!(es.iter().all(|e| !e.name.contains("Year-end")), "{es:?}");
    }

    #[test]
    fn vietnamese_names_open_with_the_family_name() {
        let es = rules(
            "\"We lost everything,\" said Nguyen Van Thanh, a farmer. Vu Thanh Long agreed. \
             Le Thi Mai, a nurse, spoke. Le Monde reported it.",
        );
        for name in ["Nguyen Van Thanh", "Vu Thanh Long", "Le Thi Mai"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Person),
                "{name}: {es:?}"
            );
        }
        assert_ne!(kind_of(&es, "Le Monde"), Some(EntityKind::Person), "{es:?}");
    }

    #[test]
    fn an_irish_or_english_county_is_a_place() {
        let es = rules(
            "She grew up in Dingle, County Kerry. The County of Maui sued. The County Council met.",
        );
        assert_eq!(
            kind_of(&es, "County Kerry"),
            Some(EntityKind::Place),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "County of Maui"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "County Council"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
    }

    #[test]
    fn two_unknown_words_are_a_person_unless_an_institution_or_a_place_preposition_says_not() {
        let es = rules(
            "She lives in Phong Dien. He borrowed from Banco Itau. We met Vladimir Putin. \
             She has a degree in Public Health.",
        );
        assert_eq!(
            kind_of(&es, "Phong Dien"),
            Some(EntityKind::Place),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "Banco Itau"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "Vladimir Putin"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        assert_ne!(
            kind_of(&es, "Public Health"),
            Some(EntityKind::Place),
            "{es:?}"
        );
    }

    #[test]
    fn a_title_of_an_organization_is_a_role_before_it() {
        let es = rules(
            "Amina Diallo-Traoré, Chairperson of the African Union Commission, spoke. \
             The Commissioner of the Metropolitan Police was there. General Motors sold cars.",
        );
        assert_eq!(
            kind_of(&es, "African Union Commission"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "Metropolitan Police"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "Chairperson of the African Union Commission"),
            None
        );
        assert_eq!(
            kind_of(&es, "Commissioner of the Metropolitan Police"),
            None
        );
        assert_eq!(
            kind_of(&es, "General Motors"),
            Some(EntityKind::Organization)
        );
    }

    #[test]
    fn a_place_with_small_words_inside_is_one_place() {
        let es = rules(
            "The railway runs to Dar es Salaam. Visitors from Saint Vincent and the Grenadines \
             and from Bosnia and Herzegovina need no visa.",
        );
        for name in ["Dar es Salaam", "Saint Vincent and the Grenadines"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:?}"
            );
        }
        assert_eq!(kind_of(&es, "Dar"), None, "{es:?}");
        // GUM writes these as two places.
        assert_eq!(kind_of(&es, "Bosnia and Herzegovina"), None, "{es:?}");
    }

    #[test]
    fn a_place_opening_the_sentence_is_apart_from_the_subject_after_it() {
        let es = rules(
            "Lajos Kerekes was born in Pest. In Vienna Kerekes entered the conservatory. \
             At Oxford Jones studied law. In London Bridge Road the shops closed.",
        );
        assert_eq!(kind_of(&es, "Vienna"), Some(EntityKind::Place), "{es:?}");
        assert_eq!(kind_of(&es, "Oxford"), Some(EntityKind::Place), "{es:?}");
        assert_eq!(kind_of(&es, "Jones"), Some(EntityKind::Person), "{es:?}");
        assert_eq!(kind_of(&es, "Vienna Kerekes"), None, "{es:?}");
        let kerekes = es.iter().find(|e| &*e.name == "Lajos Kerekes");
        assert_eq!(kerekes.map(|e| e.mentions.len()), Some(2), "{es:?}");
        // "London Bridge Road" stays whole: no place is split off before a subject here (its
        // "London" nests inside it, as a road named after a place).
        assert_eq!(
            kind_of(&es, "London Bridge Road"),
            Some(EntityKind::Place),
            "{es:?}"
        );
        assert_eq!(kind_of(&es, "Bridge Road"), None, "{es:?}");
    }

    #[test]
    fn a_firm_named_after_its_noun_and_a_comma_is_an_organization() {
        let es = rules(
            "Loans now cost his firm, Demirtas Mobilya, more than 60 percent. The label, \
             Qorvane Records, grew. His friend, Tomas Wiley, left.",
        );
        assert_eq!(
            kind_of(&es, "Demirtas Mobilya"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "Tomas Wiley"),
            Some(EntityKind::Person),
            "{es:?}"
        );
    }

    #[test]
    fn a_word_of_organizations_opening_a_foreign_name_is_no_organization_alone() {
        let es = rules(
            "Storms were forecast.\n\nThe Union Cycliste Internationale said the stage \
             would go ahead.",
        );
        assert_eq!(
            kind_of(&es, "Union Cycliste Internationale"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
        assert_eq!(kind_of(&es, "Cycliste Internationale"), None, "{es:?}");
    }

    #[test]
    fn excellency_is_an_honorific() {
        let es = rules(
            "His Excellency Ahmed Ould Bellal spoke. Thank you, Excellency. \
             H.E. Chileshe M. Banda arrived.",
        );
        assert_eq!(
            kind_of(&es, "Ahmed Ould Bellal"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "Chileshe M. Banda"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        assert_eq!(kind_of(&es, "Excellency"), None, "{es:?}");
        assert_eq!(kind_of(&es, "Excellency Ahmed Ould Bellal"), None, "{es:?}");
    }

    #[test]
    fn an_office_of_common_words_that_ends_the_run_is_no_person() {
        let es = rules(
            "She was Secretary of Defense until 2020. He served as Federal Minister of Works. \
             The Minister of Justice, Ana Lopes, said no. Secretary of State Rice spoke.",
        );
        for name in ["Defense", "Works", "Justice"] {
            assert_eq!(kind_of(&es, name), None, "{name}: {es:?}");
        }
        let rice = es.iter().find(|e| &*e.name == "Rice");
        assert!(
            rice.is_some_and(|e| e.role.as_deref() == Some("Secretary of State")),
            "{es:?}"
        );
    }

    #[test]
    fn an_organization_named_after_a_known_name_is_whole() {
        let es = rules(
            "The United Nations Children's Fund (UNICEF) sent tablets. United Nations \
             Secretary-General Antonio Guterres spoke.",
        );
        assert_eq!(
            kind_of(&es, "United Nations Children's Fund"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
        assert_eq!(kind_of(&es, "Children's Fund"), None, "{es:?}");
        assert_eq!(
            kind_of(&es, "Antonio Guterres"),
            Some(EntityKind::Person),
            "{es:?}"
        );
    }

    #[test]
    fn three_words_no_list_knows_are_a_person() {
        let es = rules(
            "We met Recep Tayyip Erdogan. The Zorbic Quxal Blorvin met. Banco Zorbic Quxal paid.",
        );
        assert_eq!(
            kind_of(&es, "Recep Tayyip Erdogan"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        assert_ne!(
            kind_of(&es, "Zorbic Quxal Blorvin"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        assert_ne!(
            kind_of(&es, "Banco Zorbic Quxal"),
            Some(EntityKind::Person),
            "{es:?}"
        );
    }

    #[test]
    fn chinese_family_names_that_are_words_open_a_name() {
        let es = rules("Xi Jinping met Hu Jintao. Ma Ying-jeou spoke. Xi Bank paid.");
        for name in ["Xi Jinping", "Hu Jintao", "Ma Ying-jeou"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Person),
                "{name}: {es:?}"
            );
        }
        assert_ne!(kind_of(&es, "Xi Bank"), Some(EntityKind::Person), "{es:?}");
    }

    #[test]
    fn jan_opens_a_name_before_a_capitalised_word() {
        let es = rules("Analyst Jan Hatzius said so. Jan Kowalski agreed. On Jan 5 it rained.");
        for name in ["Jan Hatzius", "Jan Kowalski"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Person),
                "{name}: {es:?}"
            );
        }
        assert!(!es.iter().any(|e| &*e.name == "Jan"), "{es:?}");
    }

    #[test]
    fn modal_verbs_and_months_open_names_inside_a_sentence() {
        let es = rules(
            "In June Smith said no. It hit Will Middlebrooks and June Carter at the May Day \
             rally. Will Smith come?",
        );
        for name in ["Will Middlebrooks", "June Carter"] {
            assert_eq!(kind_of(&es, name), Some(EntityKind::Person), "{es:?}");
        }
        for name in ["June Smith", "May Day", "Will Smith"] {
            assert_eq!(kind_of(&es, name), None, "{name}: {es:?}");
        }
    }

    #[test]
    fn an_adverb_opening_a_sentence_is_no_part_of_a_sure_name() {
        let es = rules(
            "Later Guardian readers wrote in. Earlier Union Pacific said no. The National Union \
             met.",
        );
        assert_eq!(
            kind_of(&es, "Union Pacific"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "National Union"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
        for name in ["Later Guardian", "Earlier Union Pacific"] {
            assert_eq!(kind_of(&es, name), None, "{name}: {es:?}");
        }
    }

    #[test]
    fn a_given_name_that_is_a_word_is_a_name_when_it_speaks() {
        let es = rules("Rose said she liked it. Bill told us no. Results came. Rose petals fell.");
        for name in ["Rose", "Bill"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Person),
                "{name}: {es:?}"
            );
        }
        assert_eq!(kind_of(&es, "Results"), None, "{es:?}");
        let es = rules("Rose petals fell. Bill payments rose.");
        assert!(es.is_empty(), "{es:?}");
    }

    #[test]
    fn initials_written_together_open_a_personal_name() {
        let es = rules("We met J.K. Rowling, T.S. Eliot and W.E.B. Du Bois. U.S. Steel fell.");
        for name in ["J.K. Rowling", "T.S. Eliot", "W.E.B. Du Bois"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Person),
                "{name}: {es:?}"
            );
        }
        assert_eq!(
            kind_of(&es, "U.S. Steel"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
    }

    #[test]
    fn given_names_before_surnames_that_are_organization_words_are_people() {
        let es = rules(
            "Margaret Court won. Danielle Steel wrote and Emily Post advised. Grace Church, Jordan \
             House and Morgan Bank paid. He sat on the Marshall Court.",
        );
        for name in ["Margaret Court", "Danielle Steel", "Emily Post"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Person),
                "{name}: {es:?}"
            );
        }
        for name in [
            "Grace Church",
            "Jordan House",
            "Morgan Bank",
            "Marshall Court",
        ] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Organization),
                "{name}: {es:?}"
            );
        }
    }

    #[test]
    fn a_name_with_a_place_noun_in_apposition_is_a_place() {
        let es = rules(
            "He moved to Stridon, a small Croatian village, then to Qwertz, a city official \
             said, and to Trulla, the capital. Alan Wood, the town's mayor, objected.",
        );
        assert_eq!(kind_of(&es, "Stridon"), Some(EntityKind::Place), "{es:?}");
        assert_ne!(kind_of(&es, "Alan Wood"), Some(EntityKind::Place), "{es:?}");
        assert_eq!(kind_of(&es, "Trulla"), Some(EntityKind::Place), "{es:?}");
        assert_ne!(kind_of(&es, "Qwertz"), Some(EntityKind::Place), "{es:?}");
    }

    #[test]
    fn a_name_with_a_person_in_apposition_is_a_person() {
        let es = rules(
            "He went with his friend Bonosus, a student of Donatus. Later Apollinaris, who taught \
             him, left. Fernandel, the French actor, came. Zorbex, the owner of the site, grew.",
        );
        for name in ["Bonosus", "Apollinaris", "Fernandel"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Person),
                "{name}: {es:?}"
            );
        }
        assert_ne!(kind_of(&es, "Zorbex"), Some(EntityKind::Person), "{es:?}");
    }

    #[test]
    fn names_about_a_particle_and_royals_named_like_towns_are_people() {
        let es = rules(
            "She studied under Wilhelm von Schadow and met Rafael del Pino at the Conservatoire \
             de Paris. \"We stay,\" said Joaquim Pereira dos Santos.",
        );
        for name in [
            "Wilhelm von Schadow",
            "Rafael del Pino",
            "Joaquim Pereira dos Santos",
        ] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Person),
                "{name}: {es:?}"
            );
        }
        assert_ne!(
            kind_of(&es, "Conservatoire de Paris"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        // The same words are the man where he dies, the town where one goes.
        let es = rules("After her husband, Prince Albert, died in 1861, she mourned.");
        assert_eq!(
            kind_of(&es, "Prince Albert"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        let es = rules("She never went to Prince Albert.");
        assert_eq!(
            kind_of(&es, "Prince Albert"),
            Some(EntityKind::Place),
            "{es:?}"
        );
    }

    #[test]
    fn a_word_of_land_or_water_before_of_heads_a_place() {
        let es = rules(
            "Ships crossed the Bay of Bengal and the Sea of Japan. Drought hit the Horn of \
             Africa, near the Cape of Good Hope, and tourists filled the Valley of the Kings.",
        );
        for name in [
            "Bay of Bengal",
            "Sea of Japan",
            "Horn of Africa",
            "Cape of Good Hope",
            "Valley of the Kings",
        ] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:?}"
            );
        }
    }

    #[test]
    fn places_by_the_noun_before_of_and_by_their_first_word() {
        let es = rules(
            "Winds hit the coast of Brittany, and Marguerite Le Brocq, a resident of St Helier, \
             watched the sea at Pointe du Raz. Later she drove on to St Ives, and from there to \
             Guerneville, Sebastopol and the Laguna de Santa Rosa.",
        );
        for name in [
            "Brittany",
            "St Helier",
            "Pointe du Raz",
            "St Ives",
            "Guerneville",
            "Sebastopol",
            "Laguna de Santa Rosa",
        ] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:#?}"
            );
        }
        assert_eq!(
            kind_of(&es, "Marguerite Le Brocq"),
            Some(EntityKind::Person),
            "{es:#?}"
        );
    }

    #[test]
    fn a_surname_after_particles_in_lower_case_is_a_person() {
        let es = rules(
            "The talks failed. van der Berg called the decision a turning point. \"We wait,\" \
             van der Berg said in a statement.",
        );
        let e = es.iter().find(|e| &*e.name == "van der Berg");
        assert_eq!(
            e.map(|e| (e.kind, e.mentions.len())),
            Some((EntityKind::Person, 2)),
            "{es:#?}"
        );
    }

    #[test]
    fn streets_squares_and_castles_of_other_languages_are_places() {
        let es = rules(
            "Take the tram early, before the queues at Praça da Figueira. From the Castelo de \
             São Jorge, walk down to the market in Campo de Santa Clara; the fado houses along \
             Rua de São Miguel fill by nine. The ferry leaves from Cais do Sodré, near the \
             Jerónimos Monastery.",
        );
        for name in [
            "Praça da Figueira",
            "Castelo de São Jorge",
            "Campo de Santa Clara",
            "Rua de São Miguel",
            "Cais do Sodré",
            "Jerónimos Monastery",
        ] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn a_word_that_names_nothing_alone_opens_a_place_before_a_place_word() {
        let es = rules(
            "The justices asked why Summit County had been split. The market opens on \
             Tuesdays and Saturdays.",
        );
        assert_eq!(
            kind_of(&es, "Summit County"),
            Some(EntityKind::Place),
            "{es:#?}"
        );
        assert_eq!(es.len(), 1, "{es:#?}");
    }

    #[test]
    fn german_and_indian_town_endings_make_places() {
        let es = rules(
            "The plant at Ludwigshafen closed. Engineers came up from Sindelfingen to help. \
             The call centre at Secunderabad stayed open. Workers at Oberhausen protested.",
        );
        for name in ["Ludwigshafen", "Sindelfingen", "Secunderabad", "Oberhausen"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn a_nationality_before_a_word_of_land_or_water_is_a_place() {
        let es =
            rules("The Russian River rose, and ships crossed the Indian Ocean and the Irish Sea.");
        for name in ["Russian River", "Indian Ocean", "Irish Sea"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn a_polity_named_by_a_place_is_a_place() {
        let es = rules("He ran in the State of Pennsylvania.");
        assert_eq!(
            kind_of(&es, "State of Pennsylvania"),
            Some(EntityKind::Place),
            "{es:?}"
        );
        // A realm of any name, known or not.
        let es = rules("After the Duchy of Holstein passed to Prussia, Storm left.");
        assert_eq!(
            kind_of(&es, "Duchy of Holstein"),
            Some(EntityKind::Place),
            "{es:?}"
        );
    }

    #[test]
    fn a_name_at_a_place_noun_is_a_place() {
        let es = rules("Crowds filled the bus station at Campanhã before dawn.");
        assert_eq!(kind_of(&es, "Campanhã"), Some(EntityKind::Place), "{es:?}");
    }

    #[test]
    fn generic_institutions_alone_are_titles() {
        let es = rules("Members said the Church would answer, and the Academy agreed.");
        assert_eq!(kind_of(&es, "Church"), None, "{es:?}");
        assert_eq!(
            kind_of(&es, "Academy"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
    }

    #[test]
    fn the_south_alone_is_a_region() {
        let es = rules("People in the South and the Midwest voted. They sailed north.");
        assert_eq!(kind_of(&es, "South"), Some(EntityKind::Place), "{es:?}");
        assert_eq!(kind_of(&es, "Midwest"), Some(EntityKind::Place), "{es:?}");
    }

    #[test]
    fn a_country_opens_a_name_only_before_a_surname() {
        let es = rules(
            "Kenya Vision 2030 will transform the land. Georgia Smith agreed with Kenya Power, \
             Samantha Power and Georgia Long.",
        );
        assert_eq!(
            kind_of(&es, "Kenya Power"),
            Some(EntityKind::Organization),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "Samantha Power"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "Georgia Long"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        assert_ne!(
            kind_of(&es, "Kenya Vision"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "Georgia Smith"),
            Some(EntityKind::Person),
            "{es:?}"
        );
    }

    #[test]
    fn a_title_names_its_author_after_by() {
        let text =
            "Statement by Farhana Rahman Chowdhury, Minister of Foreign Affairs\n\nThank you.\n";
        let article = crate::article::parse("t.txt", text.as_bytes())
            .articles
            .remove(0);
        let es = crate::analysis::entities::extract_with(&article, None, Policy::default());
        assert_eq!(
            kind_of(&es, "Farhana Rahman Chowdhury"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        // Words of the lists are no author's name ("Killed by Friendly Fire").
        let text = "Soldier Killed by Friendly Fire\n\nIt happened.\n";
        let article = crate::article::parse("t.txt", text.as_bytes())
            .articles
            .remove(0);
        let es = crate::analysis::entities::extract_with(&article, None, Policy::default());
        assert!(es.is_empty(), "{es:?}");
    }

    #[test]
    fn noble_titles_stand_before_the_name() {
        let es = rules(
            "He worked with the engineer Count Armand de Villiers-Rochefort. The count of votes \
             went on.",
        );
        assert_eq!(
            kind_of(&es, "Armand de Villiers-Rochefort"),
            Some(EntityKind::Person),
            "{es:?}"
        );
        assert_eq!(es.len(), 1, "{es:?}");
    }

    #[test]
    fn reefs_creeks_roads_and_empires_are_places() {
        let es = rules(
            "Divers mapped the Great Barrier Reef. He was born in the Russian Empire, drove the \
             Creek Turnpike and repaired the Delta Barrage near the Glasgow Necropolis.",
        );
        for n in [
            "Great Barrier Reef",
            "Russian Empire",
            "Creek Turnpike",
            "Delta Barrage",
            "Glasgow Necropolis",
        ] {
            assert_eq!(kind_of(&es, n), Some(EntityKind::Place), "{n}: {es:?}");
        }
        let es = rules(
            "Farmers in the Mekong Delta worry. The stage crossed the Simplon Pass. A lane runs \
             below the Monte Fortress. Traders at the Grand Bazaar waited. She spoke at the \
             Ohio Statehouse.",
        );
        for n in [
            "Mekong Delta",
            "Simplon Pass",
            "Monte Fortress",
            "Grand Bazaar",
            "Ohio Statehouse",
        ] {
            assert_eq!(kind_of(&es, n), Some(EntityKind::Place), "{n}: {es:?}");
        }
    }

    #[test]
    fn a_place_named_with_the_is_a_place() {
        let es = rules("The case is before the court in The Hague.");
        assert_eq!(kind_of(&es, "Hague"), Some(EntityKind::Place), "{es:?}");
        let es = rules("William Hague spoke.");
        assert_eq!(
            kind_of(&es, "William Hague"),
            Some(EntityKind::Person),
            "{es:?}"
        );
    }

    #[test]
    fn a_noun_naming_an_organization_before_a_name_makes_it_no_person() {
        let es = rules(
            "She told public broadcaster Bayerischer Rundfunk it was over. He sailed with the \
             shipping line Nippon Yusen. Workers at state-owned Codelco struck. Veteran \
             broadcaster David Attenborough spoke, and producer Nnamdi Okafor agreed.",
        );
        for n in ["Bayerischer Rundfunk", "Nippon Yusen", "Codelco"] {
            assert_eq!(
                kind_of(&es, n),
                Some(EntityKind::Organization),
                "{n}: {es:?}"
            );
        }
        for n in ["David Attenborough", "Nnamdi Okafor"] {
            assert_eq!(kind_of(&es, n), Some(EntityKind::Person), "{n}: {es:?}");
        }
    }

    #[test]
    fn institutions_named_in_other_languages_are_no_people() {
        let es = rules(
            "Output stopped at Minera Cóndor Andino. We share a register with the Agenzia \
             delle Entrate and the Regione Siciliana, and Grupo Bimbo pays.",
        );
        for n in [
            "Minera Cóndor Andino",
            "Agenzia delle Entrate",
            "Regione Siciliana",
            "Grupo Bimbo",
        ] {
            assert_eq!(
                kind_of(&es, n),
                Some(EntityKind::Organization),
                "{n}: {es:?}"
            );
        }
    }

    /// The finder's own mentions of `text` (one paragraph): name, kind and how sure.
    fn found(text: &str) -> Vec<(String, EntityKind, Sure)> {
        let mut toks = Vec::new();
        crate::analysis::entities::tokens::tokenize(text, 0, text.len(), &mut toks);
        let n = toks.len();
        let (title_case, block, taken) = (
            vec![false; n],
            vec![BlockKind::Paragraph; n],
            vec![false; n],
        );
        let mut f = Finder {
            text,
            toks: &toks,
            title_case: &title_case,
            block: &block,
            taken: &taken,
            out: Vec::new(),
            dropped: Vec::new(),
            titles: Vec::new(),
        };
        f.run();
        f.out
            .iter()
            .map(|r| (r.span.slice(text).to_string(), r.kind, r.sure))
            .collect()
    }

    #[test]
    fn an_acronym_in_mixed_case_text_is_surely_an_organization() {
        let f = found("Ann Chiang of NWSC and the FTU's Alice Mak won seats, says the BBC.");
        for name in ["NWSC", "FTU"] {
            assert!(
                f.iter().any(|(n, k, s)| n == name
                    && *k == EntityKind::Organization
                    && *s == Sure::Strong),
                "{name}: {f:?}"
            );
        }
        // In a heading of capitals, capitals say nothing.
        let f = found("NEW RULES FOR NWSC MEMBERS");
        assert!(!f.iter().any(|(_, _, s)| *s == Sure::Strong), "{f:?}");
    }

    #[test]
    fn a_team_named_after_its_city_is_an_organization() {
        // (Without the rule, "Dallas Cowboys" reads as a first name and a word.)
        let es = rules(
            "He was traded from the Dallas Cowboys to the Boston Red Sox, and later flew \
             there on Kenya Airways. Dallas Roberts, his agent, said so.",
        );
        assert_eq!(
            kind_of(&es, "Dallas Roberts"),
            Some(EntityKind::Person),
            "{es:#?}"
        );
        for name in ["Dallas Cowboys", "Boston Red Sox", "Kenya Airways"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Organization),
                "{name}: {es:#?}"
            );
        }
        // Names ending like plurals: "-is", or anything after a title.
        let es = rules("Hassan Idris met Senator Sofia Petros in Omdurman.");
        for name in ["Hassan Idris", "Sofia Petros"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Person),
                "{name}: {es:#?}"
            );
        }
        // A plural that names a kind of place keeps the place.
        let es = rules("They sailed past the Canary Islands and camped near the Golan Heights.");
        assert_eq!(
            kind_of(&es, "Golan Heights"),
            Some(EntityKind::Place),
            "{es:#?}"
        );
    }

    #[test]
    fn a_club_named_by_its_city_and_a_club_word_is_an_organization() {
        let es = rules(
            "Real Madrid beat FC Barcelona, Inter Miami lost to Nashville SC, and Atlético \
             Madrid drew with Leeds United and Orlando City SC.",
        );
        for name in [
            "Real Madrid",
            "FC Barcelona",
            "Inter Miami",
            "Nashville SC",
            "Atlético Madrid",
            "Leeds United",
            "Orlando City SC",
        ] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Organization),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn abbreviations_of_common_nouns_are_no_names() {
        let es = rules(
            "Schools bought ICT kits with GPS units, and the NWSC signed the contract with KPA.",
        );
        for name in ["ICT", "GPS"] {
            assert_eq!(kind_of(&es, name), None, "{name}: {es:#?}");
        }
        for name in ["NWSC", "KPA"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Organization),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn an_organization_word_alone_after_the_is_an_organization() {
        // (Without the rule: a lone word after "the" is a guess the model may drop.)
        let es = rules("He sent the paper to the Academy, and the Guardian printed it.");
        for name in ["Academy", "Guardian"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Organization),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn the_nation_of_a_speech_is_a_place() {
        let es =
            rules("I have always done what was best for the Nation, and our Country thanks you.");
        for name in ["Nation", "Country"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn a_compass_word_before_a_region_is_a_place() {
        assert!(compass_place("Northeast Ohio"));
        assert!(compass_place("Southern Indiana"));
        assert!(compass_place("Upper Bavaria"));
        assert!(!compass_place("North Bob"));
        let es = rules("Voters from Lower Franconia and Upper Bavaria met North Bob.");
        for name in ["Lower Franconia", "Upper Bavaria"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:?}"
            );
        }
        // A city keeps its own name: "West London" is for the gazetteer to know.
        assert!(!compass_place("East Paris"));
    }

    #[test]
    fn a_name_before_a_comma_and_a_region_is_a_place() {
        // (Without the rule: "Austin" is a first name, "Vinemont" an unknown word.)
        let es = rules("She moved from Vinemont, Alabama, and lives near Austin, Texas.");
        for name in ["Vinemont", "Austin"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:#?}"
            );
        }
        let es = rules("Goals came from Harry Kane, England and Maria Lopez, Spain.");
        assert_eq!(
            kind_of(&es, "Maria Lopez"),
            Some(EntityKind::Person),
            "{es:#?}"
        );
    }

    #[test]
    fn countries_of_history_are_places() {
        let es = rules("The Soviet Union collapsed, and Czechoslovakia split in two.");
        for name in ["Soviet Union", "Czechoslovakia"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn well_known_names_are_decided_by_the_rules() {
        let es = rules(
            "She studied at Harvard, worked for NBC and the New York Times, and watched Earth \
             from orbit.",
        );
        for name in ["Harvard", "NBC", "New York Times"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Organization),
                "{name}: {es:#?}"
            );
        }
        assert_eq!(kind_of(&es, "Earth"), Some(EntityKind::Place), "{es:#?}");
        // A listed company opens a company's name.
        let es = rules("The rules ban deals with Rosneft and Gazprom Neft, officials said.");
        assert_eq!(
            kind_of(&es, "Gazprom Neft"),
            Some(EntityKind::Organization),
            "{es:#?}"
        );
    }

    #[test]
    fn syllable_pairs() {
        assert!(syllable_pair("Cheuk-yan"));
        assert!(syllable_pair("Min-Woo"));
        assert!(syllable_pair("Che-cheung"));
        assert!(!syllable_pair("al-Assad"));
        assert!(!syllable_pair("Coca-Cola-Company"));
    }
}
