//! Names of things that are not people, organizations or places, and the people in them.
//!
//! Events are none of the three: "the Winter Paralympics", "the Lantern Festival", "the World
//! Cup" (GUM types them as events), so a mention that ends in an event's word is dropped.
//!
//! People in the names of things named after them: "the Hewlett Foundation", "Carnegie Hall",
//! "the Hubble Space Telescope", "the James Webb Space Telescope" each mention a person (GUM annotates
//! the eponym as a person inside the thing's name). A capitalised run that ends in a word for a
//! prize, a building or a foundation, and opens with a personal name (a first name and a surname,
//! a surname that is no English word nor a place, or a person the article names in full), has
//! that name as a person mention. A mention the rules made of the whole run as a person becomes
//! the thing: a building a place, a foundation an organization, a prize or an instrument nothing.

use super::names::GAZETTEER;
use super::tokens::{Kind, Token};
use super::{Raw, Set, Sure, retain_with_links};
use crate::analysis::EntityKind;
use crate::article::Span;

/// What a head word makes of the thing it names.
fn head_kind(w: &str) -> Option<Option<EntityKind>> {
    use EntityKind::{Organization, Place};
    Some(match w {
        "Foundation" | "Institute" | "Center" | "Centre" | "Trust" => Some(Organization),
        "Hall" | "Building" | "Tower" | "Memorial" | "Museum" | "Library" | "Station"
        | "Stadium" | "Arena" | "Airport" | "Observatory" | "Theatre" | "Theater" => Some(Place),
        "Prize" | "Award" | "Medal" | "Trophy" | "Telescope" | "Scholarship" | "Fellowship"
        | "Lecture" => None,
        _ => return None,
    })
}

/// Prizes whose names are no people's.
const AWARDS: &[&str] = &[
    "Grammy", "Emmy", "Oscar", "Tony", "Juno", "Webby", "Obie", "Bafta",
];

/// Adds the eponyms of named things to `raws` (see the module doc).
pub(super) fn eponyms(text: &str, toks: &[Token], raws: &mut Vec<Raw>) {
    let g = &*GAZETTEER;
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let cap = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.kind == Kind::Word && t.cap && !t.upper)
    };
    // People the rules name in full elsewhere in the article.
    let named: Set<&str> = raws
        .iter()
        .filter(|r| r.kind == EntityKind::Person && r.toks.1 - r.toks.0 >= 2)
        .map(|r| r.span.slice(text))
        .collect();
    let plain_surname =
        |w: &str| g.is_surname(w) && !g.is_common_word(w) && g.place(w).is_none() && !g.is_title(w);
    // A word that is no English word, place, first name or head of a thing.
    let odd = |w: &str| {
        !g.is_common_word(w)
            && g.place(w).is_none()
            && !g.is_first_name(w)
            && !g.is_title(w)
            && head_kind(w).is_none()
    };
    let mut found: Vec<((usize, usize), Option<EntityKind>)> = Vec::new();
    for h in 1..toks.len() {
        if !cap(h) {
            continue;
        }
        let Some(thing) = head_kind(word(h)) else {
            continue;
        };
        // The run of capitalised words before the head, at most five, not past a sentence's
        // or a line's start.
        let mut s = h;
        while s > 0 && h - s < 5 && cap(s - 1) && !toks[s].sent && !toks[s].newline_before {
            s -= 1;
        }
        if s < h && toks[s].sent && word(s) == "The" {
            s += 1;
        }
        if s == h {
            continue;
        }
        let span = |a: usize, b: usize| Span::new(toks[a].start, toks[b - 1].end);
        let person = (s + 1..=(s + 3).min(h)).rev().find(|&k| {
            let last = word(k - 1);
            named.contains(span(s, k).slice(text))
                || (k - s >= 2
                    && (g.is_first_name(word(s))
                        // "Chiang Kai Shek Memorial": a surname, then words of no other use.
                        || plain_surname(word(s))
                            && (s + 1..k).all(|i| odd(word(i)) || g.is_first_name(word(i))))
                    && !g.is_common_word(last)
                    && g.place(last).is_none()
                    && !(s..k).any(|i| head_kind(word(i)).is_some()))
                || (k - s == 1 && plain_surname(word(s)))
                // "the Stanislavsky Award", "the Pritzker Architecture Prize", "the Fridtjof
                // Nansen Award": prizes are named after people, whatever their names.
                // ("the Primetime Emmy Award" is named after no one.)
                || (thing.is_none()
                    && (s..k).all(|i| odd(word(i)))
                    && !(s..h).any(|i| AWARDS.contains(&word(i))))
        });
        if let Some(k) = person {
            found.push(((s, k), thing));
        }
    }
    if found.is_empty() {
        return;
    }
    // The mention covering each token (the last one, where mentions overlap, as they rarely
    // do before the passes that nest them): a run's mentions are found through its tokens, so
    // the work is linear in the article.
    let mut cover = vec![usize::MAX; toks.len()];
    for (i, r) in raws.iter().enumerate() {
        for c in cover.iter_mut().take(r.toks.1).skip(r.toks.0) {
            *c = i;
        }
    }
    let mut keep = vec![true; raws.len()];
    for &((s, k), thing) in &found {
        let (Some(a), Some(b)) = (toks.get(s), toks.get(k - 1)) else {
            continue;
        };
        let p = Span::new(a.start, b.end);
        let mut covered = false;
        let mut seen = [usize::MAX; 3];
        for (n, &i) in cover.get(s..k).unwrap_or(&[]).iter().enumerate() {
            if seen.contains(&i) {
                continue;
            }
            if let Some(x) = seen.get_mut(n) {
                *x = i;
            }
            let Some(r) = raws.get_mut(i) else { continue };
            if r.span == p {
                r.kind = EntityKind::Person;
                r.sure = Sure::Strong;
                r.canonical = None;
                covered = true;
            } else if r.kind == EntityKind::Person && r.span.contains(&p) {
                // The whole run read as a person is the thing it names.
                match thing {
                    Some(kind) => {
                        r.kind = kind;
                        r.canonical = None;
                    }
                    None => {
                        if let Some(slot) = keep.get_mut(i) {
                            *slot = false;
                        }
                    }
                }
            } else if r.span.overlaps(&p) && !r.span.contains(&p) {
                covered = true;
            }
        }
        if !covered {
            raws.push(Raw::new(p, EntityKind::Person, (s, k), Sure::Strong));
            keep.push(true);
        }
    }
    retain_with_links(raws, &keep);
    raws.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
}

/// Last words that make a name an event's: "the 2014 Winter Paralympics", "the Lantern
/// Festival", "the Venice Biennale". ("Games" alone is no such word: "Epic Games" is a company.)
#[rustfmt::skip]
const EVENT_WORDS: &[&str] = &[
    "Olympics", "Paralympics", "Olympiad", "Festival", "Championship", "Championships", "Expo",
    "Biennale", "Biennial", "Triennale", "Triennial", "Carnival", "Marathon", "Regatta",
];

/// Drops the mentions that name an event (see the module doc).
pub(super) fn drop_events(text: &str, toks: &[Token], raws: &mut Vec<Raw>) {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    raws.retain(|r| {
        let (s, e) = r.toks;
        let last = word(e.saturating_sub(1));
        let two = e >= s + 2 && word(e - 2) == "World" && last == "Cup";
        let games =
            e >= s + 2 && matches!(word(e - 2), "Olympic" | "Paralympic") && last == "Games";
        // "Storm Ciarán", "Hurricane Katrina", "Typhoon Haiyan": a storm is an event too.
        let storm = STORM_WORDS.contains(&word(s)) && e > s + 1
            || s > 0 && STORM_WORDS.contains(&word(s - 1));
        !(EVENT_WORDS.contains(&last) || two || games || storm)
    });
}

/// Words that name a storm by the name after them.
#[rustfmt::skip]
const STORM_WORDS: &[&str] = &[
    "Storm", "Hurricane", "Typhoon", "Cyclone", "Tornado", "Blizzard",
];

#[cfg(test)]
mod tests {
    use crate::analysis::EntityKind::{self, Organization, Person, Place};

    fn entities(text: &str) -> Vec<(EntityKind, String)> {
        crate::analysis::entities::rules_of(text)
            .1
            .into_iter()
            .map(|e| (e.kind, e.name.to_string()))
            .collect()
    }

    #[test]
    fn eponyms_of_prizes_buildings_and_foundations_are_people() {
        let es = entities(
            "Prizes\n\nShe saw the Hubble Space Telescope, worked for the Hewlett Foundation and sang \
             at Carnegie Hall. They launched the James Webb Space Telescope.\n",
        );
        for name in ["Hubble", "Hewlett", "Carnegie", "James Webb"] {
            assert!(es.contains(&(Person, name.into())), "{name}: {es:?}");
        }
        assert!(
            es.contains(&(Organization, "Hewlett Foundation".into())),
            "{es:?}"
        );
        assert!(es.contains(&(Place, "Carnegie Hall".into())), "{es:?}");
        assert!(
            !es.iter().any(|(_, n)| n == "James Webb Space Telescope"),
            "{es:?}"
        );
    }

    #[test]
    fn prizes_name_people_and_memorials_whole_names() {
        let es = entities(
            "Prizes\n\nShe won the Stanislavsky Award, the Fridtjof Nansen Prize, the Primetime \
             Emmy Award and a Grammy Award, and crowds filled the Chiang Kai Shek Memorial.\n",
        );
        for name in ["Stanislavsky", "Fridtjof Nansen", "Chiang Kai Shek"] {
            assert!(es.contains(&(Person, name.into())), "{name}: {es:?}");
        }
        assert!(
            !es.iter().any(|(k, n)| n == "Chiang"
                || n == "Fridtjof"
                || *k == Person && ["Grammy", "Primetime"].contains(&n.as_str())),
            "{es:?}"
        );
    }

    #[test]
    fn events_are_no_entities() {
        let es = entities(
            "Games\n\nFans watched the Winter Paralympics, the Lantern Festival and the World \
             Cup, then the Venice Biennale. The Australian Paralympic Committee and Epic Games \
             paid.\n",
        );
        for name in [
            "Winter Paralympics",
            "Paralympics",
            "Lantern Festival",
            "World Cup",
            "Venice Biennale",
        ] {
            assert!(!es.iter().any(|(_, n)| n == name), "{name}: {es:?}");
        }
        assert!(
            es.contains(&(Organization, "Australian Paralympic Committee".into())),
            "{es:?}"
        );
        // Storms, by the word before their name or in one run with it.
        let es = entities(
            "Weather\n\nAfter Storm Ciarán, Hurricane Katrina and Typhoon Haiyan, Ana Silva \
             rebuilt.\n",
        );
        for name in [
            "Ciarán",
            "Storm Ciarán",
            "Katrina",
            "Hurricane Katrina",
            "Haiyan",
        ] {
            assert!(!es.iter().any(|(_, n)| n == name), "{name}: {es:?}");
        }
        assert!(es.contains(&(Person, "Ana Silva".into())), "{es:?}");
    }

    #[test]
    fn places_words_and_other_heads_are_no_eponyms() {
        let es = entities(
            "Places\n\nWe met at Boston City Hall, the Ford Foundation and Harvard University, \
             then drove to the Volgograd Arena.\n",
        );
        for name in ["Boston", "Ford", "Harvard", "Volgograd"] {
            assert!(!es.contains(&(Person, name.into())), "{name}: {es:?}");
        }
    }
}
