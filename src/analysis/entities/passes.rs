//! The named pipeline of passes over the mentions the finder and the credit reader found: each
//! corrects, drops or links mentions, in the order `PASSES` lists them, before the learned model.

use super::names;
use super::tokens::{Kind, Token};
use super::{CaseBlind, Map, Raw, Set, Sure, find, group};
use crate::analysis::EntityKind;
use crate::article::Span;

/// What the passes over the mentions read besides the mentions: the text, its tokens, which
/// tokens stand in title-case blocks, and the titles the finder read (token ranges).
pub(super) struct Seen<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub title_case: &'a [bool],
    pub titles: &'a [(usize, usize)],
}

/// One pass over the mentions, in text order, correcting, dropping or linking them.
type Pass = fn(&Seen, &mut Vec<Raw>);

/// The passes over the mentions the finder and the credit reader found, in the order they run,
/// each named by what it does.
pub(super) const PASSES: &[(&str, Pass)] = &[
    ("drop titles read as names", |s, r| {
        drop_titles(s.text, s.toks, s.titles, r)
    }),
    ("names in title-case blocks", |s, r| {
        title_case_names(s.text, s.toks, s.title_case, r)
    }),
    ("speakers' labels in capitals", |s, r| {
        speaker_labels(s.text, s.toks, r)
    }),
    ("states as wire copy writes them", |s, r| {
        state_abbreviations(s.text, s.toks, r)
    }),
    ("city, region", |s, r| city_region(s.text, s.toks, r)),
    ("authors cited", |s, r| cited_authors(s.text, s.toks, r)),
    ("people greeted", |s, r| greeted(s.text, s.toks, r)),
    ("regnal numbers", |s, r| {
        super::suffixes::regnal_numbers(s.text, s.toks, r)
    }),
    ("eponyms", |s, r| super::things::eponyms(s.text, s.toks, r)),
    ("places that are words", |s, r| {
        places_that_are_words(s.text, s.toks, s.title_case, r)
    }),
    ("people named like places", |s, r| {
        people_named_like_places(s.text, s.toks, r)
    }),
    ("employers of analysts", |s, r| employers(s.text, s.toks, r)),
    ("lists of places", |s, r| {
        listed_with_places(s.text, s.toks, r)
    }),
    ("one kind per name", |s, r| unify_kinds(s.text, r)),
    ("people who speak", |s, r| {
        people_who_speak(s.text, s.toks, r)
    }),
    ("sports teams named by country", |s, r| {
        sports_teams(s.text, s.toks, r)
    }),
    ("teams named by their people", |s, r| {
        teams_by_their_people(s.text, s.toks, r)
    }),
    ("person prefixes", |s, r| person_prefixes(s.text, s.toks, r)),
    ("names inside names", |s, r| nested_names(s.text, s.toks, r)),
    ("events are no entities", |s, r| {
        super::things::drop_events(s.text, s.toks, r)
    }),
    ("acronyms and aliases", |s, r| {
        group::link_aliases(s.text, s.toks, r)
    }),
    ("drop overlaps", |_, r| drop_overlaps(r)),
];

/// Two passes can claim crossing stretches of text (a credit's agency and a name read across the
/// credit's end), and after the model changed kinds a name may sit inside a name of the kind it
/// now has. A name may sit inside a name of another kind (the place in "Irving Police
/// Department", as GUM annotates it), but mentions never cross, and mentions of one kind never
/// overlap at all, but for a place inside a place. Of two that clash, the one that starts first
/// (the longer, on the same start) stays. The order of the mentions does not change, and links
/// follow the mentions that stay.
pub(super) fn drop_overlaps(raws: &mut Vec<Raw>) {
    let mut order: Vec<usize> = (0..raws.len()).collect();
    order.sort_by_key(|&i| (raws[i].span.start, std::cmp::Reverse(raws[i].span.end)));
    let mut keep = vec![true; raws.len()];
    // Kept mentions never cross, so those still open at a mention's start form a stack of the
    // ones enclosing it.
    let mut open: Vec<usize> = Vec::new();
    for &i in &order {
        let r = &raws[i];
        while open
            .last()
            .is_some_and(|&j| raws[j].span.end <= r.span.start)
        {
            open.pop();
        }
        let nests = |&j: &usize| {
            let k = &raws[j];
            nests_in(k.kind, r.kind) && k.span.contains(&r.span) && k.span != r.span
        };
        if open.iter().all(nests) {
            open.push(i);
        } else {
            keep[i] = false;
        }
    }
    super::retain_with_links(raws, &keep);
}

/// Whether a mention of kind `inner` may sit inside one of kind `outer`: of another kind, or a
/// place inside a place ("Volgograd" in "Volgograd Arena", as GUM annotates it).
pub(crate) fn nests_in(outer: EntityKind, inner: EntityKind) -> bool {
    outer != inner || inner == EntityKind::Place
}

/// Key under which mentions of one name meet: lower case, no leading "the".
fn name_key(s: &str) -> String {
    crate::analysis::normalise::normalise(s)
}

/// Drops every mention of a name taken elsewhere in the article for the title of a work or a
/// prize, unless the gazetteer knows it as a place, or the mention, outside the quotation, names
/// a person by first name and surname: a pseudonym in quotes ("the pseudonym "Jenna Ray""), a
/// nickname, are still the person's name, and the works titled with a person's full name are
/// fewer than the people named in quotes once.
fn drop_titles(text: &str, toks: &[Token], titles: &[(usize, usize)], raws: &mut Vec<Raw>) {
    if titles.is_empty() {
        return;
    }
    let g = &*names::GAZETTEER;
    let full_name = |r: &Raw| {
        let (s, e) = r.toks;
        r.kind == EntityKind::Person
            && e - s >= 2
            && (s..e).all(|i| toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap))
            && toks
                .get(s)
                .is_some_and(|t| g.is_first_name(t.text(text)) && !g.is_common_word(t.text(text)))
    };
    let keys: Set<String> = titles
        .iter()
        .filter_map(|&(s, e)| {
            let a = toks.get(s)?.start;
            let b = toks.get(e.checked_sub(1)?)?.end;
            Some(name_key(text.get(a..b)?))
        })
        .collect();
    raws.retain(|r| {
        r.canonical.is_some() || full_name(r) || !keys.contains(&name_key(r.span.slice(text)))
    });
}

/// In title-case blocks (headlines, some deks and captions) every word is capitalised, so a
/// capitalised run counts as a name only when the body names it too (whole, or a part of it, or
/// a person's surname), when the gazetteer knows it, or when it reads as first name + surname.
/// Other runs are dropped.
fn title_case_names(text: &str, toks: &[Token], title_case: &[bool], raws: &mut Vec<Raw>) {
    let g = &*names::GAZETTEER;
    let in_tc = |r: &Raw| title_case.get(r.toks.0).copied().unwrap_or(false);
    if !raws.iter().any(in_tc) {
        return;
    }
    let body_words = toks
        .iter()
        .zip(title_case)
        .any(|(t, &tc)| !tc && t.kind == Kind::Word);
    if !body_words {
        return;
    }
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let mut body: Map<CaseBlind, EntityKind> =
        Map::with_capacity_and_hasher(raws.len(), Default::default());
    let mut person_words: Set<CaseBlind> = Set::default();
    // The first and last words of the body's people ("Zaha" and "Hadid" of "Zaha Mohammad
    // Hadid"): a title line "Zaha Hadid" names that person whole.
    let mut person_ends: Set<(CaseBlind, CaseBlind)> = Set::default();
    for r in raws.iter().filter(|r| !in_tc(r)) {
        body.entry(CaseBlind(r.span.slice(text))).or_insert(r.kind);
        if r.kind == EntityKind::Person {
            if r.toks.1 > r.toks.0 + 1 {
                person_ends.insert((
                    CaseBlind(word(r.toks.0)),
                    CaseBlind(group::core(word(r.toks.1 - 1))),
                ));
            }
            for i in r.toks.0..r.toks.1 {
                if toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap) {
                    person_words.insert(CaseBlind(group::core(word(i))));
                }
            }
        }
    }
    let sub_span = |i: usize, j: usize| -> Option<Span> {
        Some(Span::new(
            toks.get(i)?.start,
            toks.get(j.checked_sub(1)?)?.end,
        ))
    };
    let cap_tc = |i: usize| {
        title_case.get(i).copied().unwrap_or(false)
            && toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap)
    };
    let mut out = Vec::with_capacity(raws.len());
    for mut r in raws.drain(..) {
        if !in_tc(&r) {
            out.push(r);
            continue;
        }
        // The finder splits a headline at plain words: "Theodor Storm" came as "Theodor". A
        // person the body names in full takes back the plain words after it.
        if let Some((j, span)) = (r.toks.1 + 1..=r.toks.1 + 2)
            .rev()
            .filter(|&j| (r.toks.1..j).all(cap_tc))
            .find_map(|j| {
                let span = sub_span(r.toks.0, j)?;
                (body.get(&CaseBlind(span.slice(text))) == Some(&EntityKind::Person))
                    .then_some((j, span))
            })
        {
            r.toks.1 = j;
            r.span = span;
            r.kind = EntityKind::Person;
            r.canonical = None;
        }
        let full = r.span.slice(text);
        let (s, e) = r.toks;
        // A gazetteer name, unless it is also a plain word ("Metro", "Reading").
        let known = r.sure == Sure::Strong
            && (r.canonical.is_some() || g.is_known_org(full) || g.agency(full).is_some())
            && !(e - s == 1 && g.is_common_word(full));
        // (With initials between: "Governor Margaret A. Ostrowski".)
        let initial = |i: usize| {
            let w = word(i).trim_end_matches('.');
            w.chars().count() == 1 && w.chars().all(char::is_uppercase)
        };
        let first_last = r.kind == EntityKind::Person
            && (2..=4).contains(&(e - s))
            && g.is_first_name(word(s))
            && (s + 1..e - 1).all(initial)
            && (g.is_surname(word(e - 1)) || !g.is_common_word(word(e - 1)));
        // "University of Edinburgh", "Ministry of Health": an institution of a known place.
        let of_known_place = r.kind == EntityKind::Organization
            && e - s >= 3
            && g.is_org_prefix(word(s))
            && word(s + 1) == "of"
            && sub_span(s + 2, e).is_some_and(|p| g.place(p.slice(text)).is_some());
        // "Statement by Farhana Rahman Chowdhury": the finder's author after "by".
        let author = r.kind == EntityKind::Person
            && r.sure == Sure::Strong
            && e - s >= 2
            && s.checked_sub(1).is_some_and(|i| word(i) == "by");
        let surname = e - s == 1 && person_words.contains(&CaseBlind(group::core(full)));
        let given_surname = e - s == 2
            && person_ends.contains(&(CaseBlind(word(s)), CaseBlind(group::core(word(s + 1)))));
        if known
            || of_known_place
            || author
            || first_last
            || surname
            || given_surname
            || body.contains_key(&CaseBlind(full))
        {
            if surname || given_surname {
                let mut r = r;
                r.kind = EntityKind::Person;
                out.push(r);
            } else {
                out.push(r);
            }
            continue;
        }
        // The longest parts the body or the gazetteer knows ("Lisbon" in "Lisbon Opens Night
        // Bus Network").
        let mut i = s;
        while i < e {
            let mut found = None;
            for j in (i + 1..=e).rev() {
                if j - i == e - s
                    || !toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap)
                    || !toks
                        .get(j - 1)
                        .is_some_and(|t| t.kind == Kind::Word && t.cap)
                {
                    continue;
                }
                let Some(span) = sub_span(i, j) else { continue };
                let sub = span.slice(text);
                let hit = if let Some(&kind) = body.get(&CaseBlind(sub)) {
                    Some((kind, Sure::Weak))
                } else if j == i + 1 && person_words.contains(&CaseBlind(group::core(sub))) {
                    Some((EntityKind::Person, Sure::Weak))
                } else if g.place(sub).is_some() && !(j == i + 1 && g.is_common_word(sub)) {
                    Some((EntityKind::Place, Sure::Strong))
                } else {
                    None
                };
                if let Some((kind, sure)) = hit {
                    found = Some((j, span, kind, sure));
                    break;
                }
            }
            let Some((j, span, kind, sure)) = found else {
                i += 1;
                continue;
            };
            let canonical = if kind == EntityKind::Place {
                g.place(span.slice(text))
            } else {
                None
            };
            out.push(Raw {
                canonical,
                ..Raw::new(span, kind, (i, j), sure)
            });
            i = j;
        }
    }
    *raws = out;
}

/// "SANTA ROSA, Calif. (AP)", "Jackson, Miss.", "in Tulsa, Okla., officials": a US state as
/// wire copy abbreviates it, after a place or a name not sure of its kind and a comma, is the
/// state (and the name before it a place).
fn state_abbreviations(text: &str, toks: &[Token], raws: &mut Vec<Raw>) {
    let g = &*names::GAZETTEER;
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let punct = |i: usize, c: char| toks.get(i).is_some_and(|t| t.is_punct(c));
    // The token after each mention and a comma.
    let mut spots: Vec<usize> = raws
        .iter()
        .map(|r| r.toks.1 + 1)
        .filter(|&i| punct(i - 1, ',') && punct(i + 1, '.') && wire_state(word(i)).is_some())
        .collect();
    // (Two mentions may end at one token: "Port Harbor Authority" holding "Port Harbor".)
    spots.sort_unstable();
    spots.dedup();
    if spots.is_empty() {
        return;
    }
    // The mention ending at each token, and the mentions covering each.
    let mut ends: Map<usize, usize> = Map::default();
    let mut covered = vec![false; toks.len()];
    for (n, r) in raws.iter().enumerate() {
        ends.insert(r.toks.1, n);
    }
    let mut found = Vec::new();
    for i in spots {
        let Some(&b) = ends.get(&(i - 1)) else {
            continue;
        };
        let before = &mut raws[b];
        // Before a capitalised word the dot may end a sentence ("in Jackson, Miss. The storm")
        // or an honorific ("Ms. Jones, Miss. Lee"): there only after a known place.
        let next_cap = toks.get(i + 2).is_some_and(|t| t.is_word() && t.cap);
        let known = before.kind == EntityKind::Place && before.canonical.is_some();
        let open = before.honorific.is_none()
            && (before.kind == EntityKind::Place || before.sure != Sure::Strong);
        if known || open && !next_cap {
            before.kind = EntityKind::Place;
            before.sure = Sure::Strong;
            covered[i] = true;
            found.push(i);
        }
    }
    // What the finder made of the abbreviation ("Tex", a name; "Miss", an honorific) goes.
    let keep: Vec<bool> = raws
        .iter()
        .map(|r| {
            !covered
                .get(r.toks.0..r.toks.1)
                .is_some_and(|c| c.contains(&true))
        })
        .collect();
    super::retain_with_links(raws, &keep);
    for i in found {
        let Some(t) = toks.get(i) else { continue };
        raws.push(Raw {
            canonical: wire_state(word(i)).and_then(|s| g.place(s)),
            ..Raw::new(
                Span::new(t.start, t.end),
                EntityKind::Place,
                (i, i + 1),
                Sure::Strong,
            )
        });
    }
    raws.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
}

/// The state a wire-copy abbreviation names ("Calif" before its dot).
fn wire_state(w: &str) -> Option<&'static str> {
    Some(match w {
        "Ala" => "Alabama",
        "Ariz" => "Arizona",
        "Ark" => "Arkansas",
        "Calif" => "California",
        "Colo" => "Colorado",
        "Conn" => "Connecticut",
        "Del" => "Delaware",
        "Fla" => "Florida",
        "Ga" => "Georgia",
        "Ill" => "Illinois",
        "Ind" => "Indiana",
        "Kan" | "Kans" => "Kansas",
        "Ky" => "Kentucky",
        "La" => "Louisiana",
        "Md" => "Maryland",
        "Mass" => "Massachusetts",
        "Mich" => "Michigan",
        "Minn" => "Minnesota",
        "Miss" => "Mississippi",
        "Mo" => "Missouri",
        "Mont" => "Montana",
        "Neb" | "Nebr" => "Nebraska",
        "Nev" => "Nevada",
        "Okla" => "Oklahoma",
        "Ore" => "Oregon",
        "Pa" => "Pennsylvania",
        "Tenn" => "Tennessee",
        "Tex" => "Texas",
        "Vt" => "Vermont",
        "Va" => "Virginia",
        "Wash" => "Washington",
        "Wis" => "Wisconsin",
        "Wyo" => "Wyoming",
        _ => return None,
    })
}

/// "Mountain View, California", "Livorno, Tuscany": a name before a comma and a country or
/// state is a place in it; a name after a comma and a city is the city's region.
fn city_region(text: &str, toks: &[Token], raws: &mut [Raw]) {
    use names::PlaceKind;
    let g = &*names::GAZETTEER;
    let comma_between = |a: &Raw, b: &Raw| {
        b.toks.0 == a.toks.1 + 1 && toks.get(a.toks.1).is_some_and(|t| t.is_punct(','))
    };
    for i in 1..raws.len() {
        let (left, right) = raws.split_at_mut(i);
        let (Some(a), Some(b)) = (left.last_mut(), right.first_mut()) else {
            continue;
        };
        if !comma_between(a, b) {
            continue;
        }
        // Not "Jones, Britain's envoy": a person before a comma stays a person.
        let a_person = a.kind == EntityKind::Person;
        let b_region = b.kind == EntityKind::Place
            && !toks
                .get(b.toks.1)
                .is_some_and(|t| t.kind == Kind::Possessive)
            && matches!(
                g.place_kind(b.span.slice(text)),
                Some(PlaceKind::Country | PlaceKind::Region)
            );
        if b_region && !a_person && a.kind != EntityKind::Place && a.sure != Sure::Strong {
            a.kind = EntityKind::Place;
            a.sure = Sure::Strong;
        }
        let a_city = a.kind == EntityKind::Place
            && !matches!(
                g.place_kind(a.span.slice(text)),
                Some(PlaceKind::Country | PlaceKind::Region)
            );
        // Only the last name of a list: "Livorno, Tuscany, to pay" but not "Paris, Smith and".
        let ends = toks
            .get(b.toks.1)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '.' | ';' | ')')));
        if a_city
            && b.kind != EntityKind::Person
            && b.sure != Sure::Strong
            && b.toks.1 - b.toks.0 <= 3
            && ends
        {
            b.kind = EntityKind::Place;
            b.sure = Sure::Weak;
        }
    }
}

/// A year of publication as written in a citation: four digits from 1500 to 2099, a letter
/// after them allowed ("1964", "2011a").
fn is_year(w: &str) -> bool {
    let b = w.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    digits == 4
        && b.len() <= 5
        && b.get(4).is_none_or(u8::is_ascii_lowercase)
        && matches!(b.first(), Some(b'1'..=b'2'))
        && w.get(..4)
            .and_then(|y| y.parse::<u16>().ok())
            .is_some_and(|y| (1500..2100).contains(&y))
}

/// Authors cited by name and year are people: "Quilis (1964)", "(Okafor, 2005)", "Carrano et
/// al.", and the first of "Petrov and Lindqvist (1990)", in a text that cites so at least three
/// times, when the name holds no ordinary word. A name the rules know as a place or an
/// organization for sure (a gazetteer name, a cue word) keeps its kind: institutions publish
/// too.
fn cited_authors(text: &str, toks: &[Token], raws: &mut [Raw]) {
    let g = &*names::GAZETTEER;
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let punct = |i: usize, c: char| toks.get(i).is_some_and(|t| t.is_punct(c));
    // The year closes the reference: "(1964)", "(1964: 12)", "(Moretti, 2005; …)"; not a span
    // of years ("Basel (1725–1733)", a life or a stay).
    let closed = |i: usize| [')', ',', ';', ':'].iter().any(|&c| punct(i, c));
    let cited = |r: &Raw| {
        let (s, e) = r.toks;
        let year_in_parens = punct(e, '(') && is_year(word(e + 1)) && closed(e + 2);
        let in_parens = s > 0
            && (punct(s - 1, '(') || punct(s - 1, ';'))
            && punct(e, ',')
            && is_year(word(e + 1))
            && closed(e + 2);
        let et_al = word(e) == "et" && word(e + 1).starts_with("al");
        year_in_parens || in_parens || et_al
    };
    // Citations are a style of the whole text (a paper cites many): one "Name (1738)" in a
    // biography is more often a work and its year.
    if raws.iter().filter(|r| cited(r)).take(3).count() < 3 {
        return;
    }
    let mut next_cited = false;
    for i in (0..raws.len()).rev() {
        let Some(r) = raws.get(i) else { continue };
        let joined = next_cited
            && raws
                .get(i + 1)
                .is_some_and(|n| n.toks.0 == r.toks.1 + 1 && matches!(word(r.toks.1), "and" | "&"));
        // Surnames, not titles of films or books ("Match Point (2005)"): no ordinary word.
        let surnames = (r.toks.0..r.toks.1).all(|k| {
            let w = word(k);
            !g.is_common_word(w) || (r.toks.1 == r.toks.0 + 1 && g.is_surname(w))
        });
        let is_cited = (cited(r) || joined) && surnames;
        next_cited = is_cited;
        let Some(r) = raws.get_mut(i) else { continue };
        let sure_other = r.kind != EntityKind::Person && r.sure == Sure::Strong;
        if is_cited && !sure_other && r.canonical.is_none() {
            r.kind = EntityKind::Person;
            r.sure = Sure::Strong;
        }
    }
}

/// Words that greet or address someone before a name ("Hey Frank", "Dear Anna").
const GREETINGS: &[&str] = &[
    "Hey",
    "Hi",
    "Hello",
    "Dear",
    "Thanks",
    "Goodbye",
    "Bye",
    "Congratulations",
    "Sorry",
];

/// "HELEN MARSH: How did your first season go?": a transcript's speaker label, a line opening in
/// capitals before a colon, is a person when it opens with a given name or is (case aside) a
/// person the article names otherwise ("By Helen Marsh"). The capitals had read as acronyms,
/// organizations ("HELEN", "ASA LINDQVIST").
fn speaker_labels(text: &str, toks: &[Token], raws: &mut Vec<Raw>) {
    let g = &*names::GAZETTEER;
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    // Lines that open with words in capitals before a colon.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // (A block boundary is an empty token.)
        let opens =
            i == 0 || toks[i].newline_before || toks.get(i - 1).is_some_and(|t| t.start == t.end);
        if !opens {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < toks.len() && j - i < 4 && toks[j].upper && toks[j].kind == Kind::Word {
            if j > i && toks[j].newline_before {
                break;
            }
            j += 1;
        }
        if j > i && toks.get(j).is_some_and(|t| t.is_punct(':')) {
            candidates.push((i, j));
        }
        i = j.max(i + 1);
    }
    if candidates.is_empty() {
        return;
    }
    let mut people: Set<CaseBlind> = Set::default();
    for r in raws.iter().filter(|r| r.kind == EntityKind::Person) {
        people.insert(CaseBlind(r.span.slice(text)));
        for i in r.toks.0..r.toks.1 {
            people.insert(CaseBlind(word(i)));
        }
    }
    let labels: Vec<(usize, usize)> = candidates
        .into_iter()
        .filter(|&(i, j)| {
            let span = toks
                .get(i)
                .zip(toks.get(j - 1))
                .map_or(Span::new(0, 0), |(a, b)| Span::new(a.start, b.end));
            let first = word(i);
            (j - i >= 2 && g.is_first_name(&find::title_cased(first)))
                || people.contains(&CaseBlind(span.slice(text)))
                || j - i == 1 && people.contains(&CaseBlind(first))
        })
        .collect();
    if labels.is_empty() {
        return;
    }
    // Tokens inside labels, counted up to each token: a mention holds one when the count
    // changes over it (linear in tokens and mentions).
    let mut before = vec![0u32; toks.len() + 1];
    for &(a, b) in &labels {
        for k in a..b {
            if let Some(x) = before.get_mut(k + 1) {
                *x = 1;
            }
        }
    }
    for k in 1..before.len() {
        before[k] += before[k - 1];
    }
    let count = |k: usize| before.get(k.min(toks.len())).copied().unwrap_or(0);
    let old = std::mem::take(raws);
    let mut new_ones = labels.into_iter().peekable();
    for r in old {
        while let Some(&(a, b)) = new_ones.peek()
            && a <= r.toks.0
        {
            new_ones.next();
            push_label(toks, a, b, raws);
        }
        if count(r.toks.1) == count(r.toks.0) {
            raws.push(r);
        }
    }
    for (a, b) in new_ones {
        push_label(toks, a, b, raws);
    }
}

/// A speaker's label over tokens `a..b`, a person.
fn push_label(toks: &[Token], a: usize, b: usize, raws: &mut Vec<Raw>) {
    if let (Some(s), Some(e)) = (toks.get(a), toks.get(b.saturating_sub(1))) {
        raws.push(Raw::new(
            Span::new(s.start, e.end),
            EntityKind::Person,
            (a, b),
            Sure::Strong,
        ));
    }
}

/// "Hey Frank", "Thanks John": a greeting read together with the name after it. The name is
/// the person greeted, when it starts with a first name.
fn greeted(text: &str, toks: &[Token], raws: &mut [Raw]) {
    let g = &*names::GAZETTEER;
    for r in raws.iter_mut() {
        let (s, e) = r.toks;
        let first = toks.get(s).map_or("", |t| t.text(text));
        if e - s < 2 || !GREETINGS.contains(&first) {
            continue;
        }
        let (Some(a), Some(b)) = (toks.get(s + 1), toks.get(e - 1)) else {
            continue;
        };
        if a.kind != Kind::Word || !g.is_first_name(a.text(text)) {
            continue;
        }
        r.toks = (s + 1, e);
        r.span = Span::new(a.start, b.end);
        r.kind = EntityKind::Person;
        r.sure = Sure::Strong;
        r.canonical = None;
    }
}

/// "Nice job!", "Reading is fun": a place whose name is an English word, capitalised only where
/// every word is (a sentence's or a line's start, a title), is the word, unless the article
/// names the place somewhere else ("we flew to Nice").
fn places_that_are_words(text: &str, toks: &[Token], title_case: &[bool], raws: &mut Vec<Raw>) {
    let g = &*names::GAZETTEER;
    let weak = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.sent || t.newline_before || !t.cap)
            || title_case.get(i).copied().unwrap_or(false)
    };
    let word_place = |r: &Raw| {
        r.kind == EntityKind::Place
            && r.toks.1 == r.toks.0 + 1
            && toks.get(r.toks.0).is_some_and(|t| !t.upper)
            && g.is_common_word(r.span.slice(text))
    };
    let named: Set<&str> = raws
        .iter()
        .filter(|r| word_place(r) && !weak(r.toks.0))
        .map(|r| r.span.slice(text))
        .collect();
    let keep: Vec<bool> = raws
        .iter()
        .map(|r| !word_place(r) || !weak(r.toks.0) || named.contains(r.span.slice(text)))
        .collect();
    if keep.contains(&false) {
        super::retain_with_links(raws, &keep);
    }
}

/// One name, one kind: when mentions of the same name were classified differently ("in Ginza",
/// "the Ginza store"), all take the kind with the strongest evidence.
fn unify_kinds(text: &str, raws: &mut [Raw]) {
    let g = &*names::GAZETTEER;
    let idx = |k: EntityKind| match k {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
    };
    let votes = |r: &Raw| r.link.is_none() && r.honorific.is_none() && !r.after_title;
    // Case-blind: a dateline's "LISBON" is the body's "Lisbon".
    let mut score: Map<CaseBlind, [u32; 3]> =
        Map::with_capacity_and_hasher(raws.len(), Default::default());
    let mut mixed = false;
    for r in raws.iter().filter(|r| votes(r)) {
        let w = match r.sure {
            Sure::Strong => 4,
            Sure::Weak => 2,
            Sure::Guess => 1,
        } + if r.canonical.is_some() { 2 } else { 0 };
        let sc = score.entry(CaseBlind(r.span.slice(text))).or_insert([0; 3]);
        if let Some(x) = sc.get_mut(idx(r.kind)) {
            *x += w;
        }
        mixed |= sc.iter().filter(|&&x| x > 0).count() > 1;
    }
    if !mixed {
        return;
    }
    for r in raws.iter_mut().filter(|r| votes(r)) {
        let Some(sc) = score.get(&CaseBlind(r.span.slice(text))).copied() else {
            continue;
        };
        if sc.iter().filter(|&&x| x > 0).count() < 2 {
            continue;
        }
        let best = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
        ]
        .into_iter()
        .max_by_key(|&k| (sc.get(idx(k)).copied().unwrap_or(0), idx(k)))
        .unwrap_or(r.kind);
        if best != r.kind {
            r.kind = best;
            r.canonical = if best == EntityKind::Place {
                g.place(r.span.slice(text))
            } else {
                None
            };
        }
    }
}

/// Verbs of speech after a name that make it a speaker ("Adeyemi said").
pub(super) const SPEECH_AFTER_NAME: &[&str] = &["said", "says", "told", "added"];

/// "Adeyemi told reporters", "Adeyemi said he would": a one-word name the rules only guessed
/// (no list knows it, no cue word names its kind), or such a surname after particles, that
/// speaks as a person does at any of its mentions, is a person at every mention, and the rules
/// are then sure of it. Speaking as a person: a speech verb after the name, then reporters
/// told, a pronoun of a person within three words ("Quantix said it would" is no person), or a
/// quotation in the first person singular ("“I've seen nothing like it,” Adeyemi said").
fn people_who_speak(text: &str, toks: &[Token], raws: &mut [Raw]) {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let quote = |i: usize| {
        toks.get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Punct('"' | '“' | '”')))
    };
    let first_person = |i: usize| {
        let w = word(i);
        matches!(w, "I" | "my" | "My" | "me") || w.starts_with("I'") || w.starts_with("I’")
    };
    // The quotation after "X said:" or before "…,” X said" (up to 200 words) in the first
    // person singular: "“I've spent thirty years in this job,” Adeyemi said."
    let quotes_self = |s: usize, e: usize| {
        let after = toks.get(e + 1).is_some_and(|t| t.is_punct(':'))
            && quote(e + 2)
            && (e + 3..(e + 203).min(toks.len()))
                .take_while(|&k| !quote(k))
                .any(first_person);
        let before = s >= 2
            && quote(s - 1)
            && (s.saturating_sub(202)..s - 1)
                .rev()
                .take_while(|&k| !quote(k))
                .any(first_person);
        after || before
    };
    let speaks = |s: usize, e: usize| {
        SPEECH_AFTER_NAME.contains(&word(e))
            && (matches!(word(e + 1), "reporters" | "journalists")
                || (e + 1..e + 4).any(|i| matches!(word(i), "he" | "she" | "his" | "her"))
                || quotes_self(s, e))
    };
    // One word the rules took for an organization, or a surname after particles ("van der
    // Berg", which the rules are less unsure of).
    let guess = |r: &Raw| {
        let (s, e) = r.toks;
        r.link.is_none()
            && r.kind == EntityKind::Organization
            && (e == s + 1 && r.sure == Sure::Guess
                || e > s + 1
                    && r.sure == Sure::Weak
                    && (s..e - 1).all(|i| find::PARTICLES.contains(&word(i))))
    };
    let mut speakers: Set<&str> = raws
        .iter()
        .filter(|r| guess(r) && speaks(r.toks.0, r.toks.1))
        .map(|r| r.span.slice(text))
        .collect();
    if speakers.is_empty() {
        return;
    }
    // Every mention of the name a guess: a cue anywhere decides the kind instead.
    for r in raws.iter().filter(|r| !guess(r)) {
        speakers.remove(r.span.slice(text));
    }
    for r in raws.iter_mut() {
        if speakers.contains(&r.span.slice(text)) {
            r.kind = EntityKind::Person;
            r.sure = Sure::Strong;
            r.canonical = None;
        }
    }
}

/// "Frank Church", "Arthur Hall", "Margaret Field": a given name and a surname that is also an
/// organization or place word ("Church", "Hall") name a person, not a church or a hall, when the
/// article names the surname alone too ("Church led the committee", "Hall's students"): a
/// building is not called "Hall" alone without "the". The given name must be no place
/// ("Lincoln Park"), and no English word unless among the 150 commonest ("Frank", not "Grant").
fn people_named_like_places(text: &str, toks: &[Token], raws: &mut [Raw]) {
    let g = &*names::GAZETTEER;
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let candidate = |r: &Raw| {
        let (s, e) = r.toks;
        r.kind != EntityKind::Person
            && e == s + 2
            && !(s > 0 && matches!(word(s - 1), "the" | "The"))
            && toks.get(s).is_some_and(|t| !t.upper)
            && g.first_name(word(s))
                .is_some_and(|f| !g.is_common_word(word(s)) || f.rank <= 150)
            && g.place(word(s)).is_none()
            && g.is_surname(word(s + 1))
            && (g.is_org_suffix(word(s + 1)) || g.is_place_suffix(word(s + 1)))
    };
    let wanted: Set<&str> = raws
        .iter()
        .filter(|r| candidate(r))
        .map(|r| word(r.toks.0 + 1))
        .collect();
    if wanted.is_empty() {
        return;
    }
    // The surnames written alone: capitalised, not after an article or another capitalised
    // word, not before another capitalised word or "of".
    let cap = |i: usize| toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap);
    let mut alone: Set<&str> = Set::default();
    for (i, t) in toks.iter().enumerate() {
        let w = t.text(text);
        if !t.cap
            || !wanted.contains(w)
            || cap(i + 1)
            || word(i + 1) == "of"
            || i > 0 && (cap(i - 1) && !t.sent || ARTICLES.contains(&word(i - 1)))
        {
            continue;
        }
        alone.insert(w);
    }
    for r in raws.iter_mut() {
        if candidate(r) && alone.contains(word(r.toks.0 + 1)) {
            r.kind = EntityKind::Person;
            r.sure = Sure::Strong;
            r.canonical = None;
        }
    }
}

/// "a Bernstein analyst", "analysts at Bernstein", "a Google engineer": a one-word name between
/// "a" and a noun of someone's job, or after such nouns and "at", is the employer, an
/// organization. (The surname of someone named in full stays the person's: the hand lists'
/// step, [`super::known::apply`], gives it back.)
fn employers(text: &str, toks: &[Token], raws: &mut [Raw]) {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let job = |i: usize| EMPLOYEES.contains(&word(i));
    let employer = |r: &Raw| {
        let (s, e) = r.toks;
        e == s + 1
            && r.kind != EntityKind::Organization
            && (s > 0 && matches!(word(s - 1), "a" | "A" | "an" | "An") && job(e)
                || s > 1 && word(s - 1) == "at" && job(s - 2))
    };
    for r in raws.iter_mut() {
        if employer(r) {
            r.kind = EntityKind::Organization;
            r.sure = Sure::Strong;
            r.canonical = None;
        }
    }
}

/// "across Cornwall, Devon and the Channel Islands": a one-word name listed next to a known
/// place is a place, though it is also a first name; so is a two-word name listed between
/// two. (Where the article names a person with the
/// word, grouping joins it to that person.)
fn listed_with_places(text: &str, toks: &[Token], raws: &mut [Raw]) {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let joint =
        |i: usize| toks.get(i).is_some_and(|t| t.is_punct(',')) || matches!(word(i), "and" | "or");
    let place = |r: &Raw| super::known::is_known_place(text, r);
    let listed = |raws: &[Raw], i: usize| {
        let r = &raws[i];
        let (s, e) = r.toks;
        let before = i > 0 && place(&raws[i - 1]) && raws[i - 1].toks.1 + 1 == s && joint(s - 1);
        let after = raws.get(i + 1).is_some_and(|n| {
            place(n) && n.toks.0 == e + 1 && joint(e)
                || place(n) && n.toks.0 == e + 2 && joint(e) && matches!(word(e + 1), "the" | "and")
        });
        r.kind == EntityKind::Person
            && r.honorific.is_none()
            && !r.after_title
            // Two words need a known place on both sides, a comma before ("Piraeus, Gioia Tauro
            // and Port Said"; not "Harry Kane, England and Maria Lopez, Spain"), and no first
            // name.
            && (e == s + 1 && (before || after)
                || e == s + 2
                    && before
                    && after
                    && toks.get(s - 1).is_some_and(|t| t.is_punct(','))
                    && !names::GAZETTEER.is_first_name(word(s)))
    };
    let hits: Vec<usize> = (0..raws.len()).filter(|&i| listed(raws, i)).collect();
    for i in hits {
        if let Some(r) = raws.get_mut(i) {
            r.kind = EntityKind::Place;
            r.sure = Sure::Strong;
        }
    }
}

/// Nouns of jobs done for an employer ("a Bernstein analyst", "engineers at Google").
#[rustfmt::skip]
pub(super) const EMPLOYEES: &[&str] = &[
    "analyst", "analysts", "economist", "economists", "strategist", "strategists", "spokesman",
    "spokeswoman", "spokesperson", "executive", "executives", "employee", "employees", "engineer",
    "engineers", "researcher", "researchers", "scientist", "scientists", "staffer", "staffers",
    "worker", "workers",
];

/// Articles and determiners before a common noun ("the Hall", "a Church").
const ARTICLES: &[&str] = &[
    "the", "The", "a", "A", "an", "An", "this", "This", "that", "its",
];

/// Reports on sport name teams by their country ("Sweden beat South Korea"): there, countries
/// are organizations.
fn sports_teams(text: &str, toks: &[Token], raws: &mut [Raw]) {
    let g = &*names::GAZETTEER;
    let is_country = |r: &Raw| {
        r.kind == EntityKind::Place
            && g.place_kind(r.span.slice(text)) == Some(names::PlaceKind::Country)
    };
    let clubs = clubs_by_their_place(text, toks, raws);
    // Nothing to change without a country or a club's place: spare the scan for sports words.
    if clubs.is_empty() && !raws.iter().any(is_country) {
        return;
    }
    // Five uses of at least three different sports words, in lower case: "goals" alone (a
    // speech on development goals) is no report on sport. A score ("2-1") counts as one.
    let mut seen: Vec<&str> = Vec::new();
    let mut uses = 0;
    for t in toks
        .iter()
        .filter(|t| t.kind == Kind::Word && !t.cap && !t.upper)
    {
        let w = t.text(text);
        let w = if t.digit && is_score(w) { "score" } else { w };
        if (3..=12).contains(&w.len()) && (w == "score" || names::is_sports_word(w)) {
            uses += 1;
            if !seen.contains(&w) && seen.len() < 3 {
                seen.push(w);
            }
            if uses >= 5 && seen.len() >= 3 {
                break;
            }
        }
    }
    // Or a score and two results between names ("Benfica beat Porto", "drew with Ajax").
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let cap = |i: usize| toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap);
    let results = || {
        (1..toks.len())
            .filter(|&i| {
                RESULT_VERBS.contains(&word(i))
                    && cap(i - 1)
                    && (cap(i + 1) || matches!(word(i + 1), "with" | "to") && cap(i + 2))
            })
            .take(2)
            .count()
    };
    if (uses < 5 || seen.len() < 3) && !(seen.contains(&"score") && results() >= 2) {
        return;
    }
    // A place that beats, or is beaten by, another is a team: "Barcelona beat Sevilla",
    // "drew with Porto".
    let plays = |r: &Raw| {
        let (s, e) = r.toks;
        RESULT_VERBS.contains(&word(e))
            || s > 0 && RESULT_VERBS.contains(&word(s - 1))
            || s > 1
                && matches!(word(s - 1), "with" | "to" | "over")
                && (RESULT_VERBS.contains(&word(s - 2)) || word(s - 2) == "win")
    };
    for r in raws.iter_mut() {
        if is_country(r) && !venue(text, toks, r)
            || r.kind == EntityKind::Place && r.link.is_none() && plays(r)
        {
            r.kind = EntityKind::Organization;
            r.canonical = None;
        }
    }
    // "Miami" alone after "Inter Miami": the club (grouping joins the two), but where the
    // match is played.
    for i in clubs {
        if let Some(r) = raws.get_mut(i)
            && !venue(text, toks, r)
        {
            r.kind = EntityKind::Organization;
            r.canonical = None;
        }
    }
}

/// Where a match is played, not who plays it: "In Spain, Barcelona beat Sevilla" (the country
/// where they play is a place), a city's country, as in the dateline "ULSAN, South Korea —".
fn venue(text: &str, toks: &[Token], r: &Raw) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let city = |w: &str| {
        names::GAZETTEER.place_kind(&find::title_cased(w)) == Some(names::PlaceKind::City)
    };
    let s = r.toks.0;
    s > 0
        && matches!(
            word(s - 1),
            "in" | "In" | "at" | "At" | "from" | "From" | "across" | "Across" | "throughout"
        )
        || s > 1 && word(s - 1) == "," && city(word(s - 2))
}

/// Positions in a team, which make a team of the place before them ("the Lyon striker",
/// "England goalkeeper Jordan Pickford").
#[rustfmt::skip]
const POSITIONS: &[&str] = &[
    "striker", "strikers", "midfielder", "midfielders", "defender", "defenders", "goalkeeper",
    "winger", "playmaker", "full-back", "centre-back", "quarterback", "pitcher", "batter",
];
/// Staff and followers of a team, which make a team of the place before them where the article
/// speaks of sport ("Lyon coach Pierre Sage", "Chelsea fans"): a "London manager" may run a
/// shop.
#[rustfmt::skip]
const TEAM_PEOPLE: &[&str] = &[
    "coach", "manager", "boss", "captain", "fans", "supporters", "squad", "teammates",
];

/// A place named as a team by the people of the team after it ("Lyon coach Pierre Sage", "the
/// Lyon striker"): it is a team, wherever the article names it alone, but where the match is
/// played ("arrived in Pakistan").
fn teams_by_their_people(text: &str, toks: &[Token], raws: &mut [Raw]) {
    let word = |i: usize| toks.get(i).filter(|t| t.kind == Kind::Word && !t.cap);
    let sporty = || {
        toks.iter()
            .any(|t| t.kind == Kind::Word && !t.cap && names::is_sports_word(t.text(text)))
    };
    let mut sport: Option<bool> = None;
    let mut teams: Set<&str> = Set::default();
    for r in raws.iter() {
        if r.kind != EntityKind::Place || r.link.is_some() {
            continue;
        }
        let Some(w) = word(r.toks.1).map(|t| t.text(text)) else {
            continue;
        };
        if POSITIONS.contains(&w) || TEAM_PEOPLE.contains(&w) && *sport.get_or_insert_with(sporty) {
            teams.insert(r.span.slice(text));
        }
    }
    if teams.is_empty() {
        return;
    }
    for r in raws.iter_mut() {
        if r.kind == EntityKind::Place
            && teams.contains(&r.span.slice(text))
            && !venue(text, toks, r)
        {
            r.kind = EntityKind::Organization;
            r.canonical = None;
        }
    }
}

/// Verbs of a match's result, between two teams.
#[rustfmt::skip]
const RESULT_VERBS: &[&str] = &[
    "beat", "beats", "defeated", "defeats", "drew", "draws", "lost", "loses", "edged", "thrashed",
    "routed", "trounced", "overcame", "stunned", "eliminated", "knocked",
];

/// A match's score: "2-1", "3–0".
fn is_score(w: &str) -> bool {
    let mut parts = w.split(['-', '–']);
    let num = |p: Option<&str>| {
        p.is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    num(parts.next()) && num(parts.next()) && parts.next().is_none()
}

/// The one-word places that, in a report on sport, would name a club: those that are the short
/// name of exactly one organization ([`group::short_names`]: "Miami" of "Inter Miami",
/// "Philadelphia" of "Philadelphia Union"), outside it.
fn clubs_by_their_place(text: &str, toks: &[Token], raws: &[Raw]) -> Vec<usize> {
    let club_of = group::short_names(text, toks, raws);
    if club_of.is_empty() {
        return Vec::new();
    }
    raws.iter()
        .enumerate()
        .filter(|(_, r)| {
            r.kind == EntityKind::Place && r.toks.1 == r.toks.0 + 1 && r.link.is_none()
        })
        .filter(|(_, r)| {
            club_of
                .get(r.span.slice(text))
                .copied()
                .flatten()
                .and_then(|j| raws.get(j))
                .is_some_and(|c| !(c.span.start <= r.span.start && r.span.end <= c.span.end))
        })
        .map(|(i, _)| i)
        .collect()
}

/// A person's name at the head of a longer run names the person: "Warhol Polaroids" is about
/// Warhol, when Andy Warhol is named in the article.
fn person_prefixes(text: &str, toks: &[Token], raws: &mut [Raw]) {
    let g = &*names::GAZETTEER;
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    // Of the people the rules are sure of and named in two words or more: their surnames;
    // those named in two words exactly, as written, and as given name and surname ("Higuchi
    // Ichiyō" is "Ichiyō Higuchi" in the Japanese order, not Higuchi).
    let mut known: Set<&str> = Set::default();
    let mut full_names: Set<&str> = Set::default();
    let mut pairs: Set<(&str, &str)> = Set::default();
    for r in raws.iter().filter(|r| {
        r.kind == EntityKind::Person && r.sure == Sure::Strong && r.toks.1 - r.toks.0 >= 2
    }) {
        known.insert(group::core(word(r.toks.1 - 1)));
        if r.toks.1 - r.toks.0 == 2 {
            full_names.insert(r.span.slice(text));
            pairs.insert((word(r.toks.0), word(r.toks.0 + 1)));
        }
    }
    for r in raws.iter_mut() {
        let (s, e) = r.toks;
        if e - s < 2 || r.kind == EntityKind::Person && r.sure == Sure::Strong {
            continue;
        }
        if e - s == 2 && pairs.contains(&(word(s + 1), word(s))) {
            r.kind = EntityKind::Person;
            r.sure = Sure::Strong;
            r.canonical = None;
            continue;
        }
        if (s..e).any(|i| g.is_org_suffix(word(i)) || g.is_place_suffix(word(i))) {
            continue;
        }
        // "Scientologist Tom Cruise": a label before a person named in full elsewhere.
        if e - s >= 3
            && !g.is_first_name(word(e - 3))
            && let (Some(a), Some(b)) = (toks.get(e - 2), toks.get(e - 1))
            && full_names.contains(text.get(a.start..b.end).unwrap_or(""))
        {
            r.toks = (e - 2, e);
            r.span = Span::new(a.start, b.end);
            r.kind = EntityKind::Person;
            r.sure = Sure::Strong;
            r.canonical = None;
            continue;
        }
        // "Teddie Eleanor Rose Goode": given names before the surname of a person named in
        // full elsewhere (a child, a spouse) are that family's member.
        if e - s <= 4
            && known.contains(group::core(word(e - 1)))
            && (g.is_surname(word(e - 1)) || !g.is_common_word(word(e - 1)))
            && (s..e - 1).all(|i| {
                let w = word(i);
                toks.get(i)
                    .is_some_and(|t| t.is_word() && t.cap && !t.upper)
                    && (g.is_first_name(w) || !g.is_common_word(w) && g.place(w).is_none())
                    && !g.is_title(w)
            })
        {
            r.kind = EntityKind::Person;
            r.sure = Sure::Strong;
            r.canonical = None;
            continue;
        }
        let cut = if known.contains(word(s)) {
            Some(s + 1)
        } else if e - s >= 3 && known.contains(word(s + 1)) && g.is_first_name(word(s)) {
            Some(s + 2)
        } else {
            None
        };
        let Some(c) = cut else { continue };
        if let (Some(a), Some(b)) = (toks.get(s), toks.get(c - 1)) {
            r.toks = (s, c);
            r.span = Span::new(a.start, b.end);
            r.kind = EntityKind::Person;
            r.sure = Sure::Strong;
            r.canonical = None;
        }
    }
}

/// Last words of a place's name that make it a site named after a place ("Volgograd Arena",
/// "Vienna Cemetery"). Cemeteries to bridges: issue 12, DEV place F1 0.814 -> 0.815 (all nine
/// genres, 8 seeds; "York" in "York Outer Ring Road").
const SITE_WORDS: &[&str] = &[
    "Arena",
    "Stadium",
    "Airport",
    "Castle",
    "Station",
    "Metro",
    "Palace",
    "Cathedral",
    "Cemetery",
    "Museum",
    "Hall",
    "Road",
    "Turnpike",
    "Expressway",
    "Highway",
    "Bridge",
];

/// First words of a local government's name before "of" and the place it governs.
const LOCAL_GOVERNMENTS: &[&str] = &[
    "County",
    "Municipality",
    "Borough",
    "District",
    "Township",
    "Commune",
    "Canton",
    "Parish",
    "Prefecture",
];

/// An organization named after a person or a place mentions them too: "the Andy Warhol
/// Foundation" names Andy Warhol (when the article names him elsewhere), "the Irving Police
/// Department" names Irving. Adds those inner mentions.
fn nested_names(text: &str, toks: &[Token], raws: &mut Vec<Raw>) {
    let g = &*names::GAZETTEER;
    let people: Set<&str> = raws
        .iter()
        .filter(|r| {
            r.kind == EntityKind::Person && r.sure == Sure::Strong && r.toks.1 - r.toks.0 >= 2
        })
        .map(|r| r.span.slice(text))
        .collect();
    let is_word = |i: usize| toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap);
    let mut inner = Vec::new();
    // A place named after a place: a site ("the Volgograd Arena") or "the Gulf of Mexico".
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    // ("the National Museum of Ghana": the place after a museum's "of".)
    let museum_of = |r: &Raw| {
        (r.toks.0..r.toks.1.saturating_sub(2))
            .find(|&k| word(k) == "Museum" && word(k + 1) == "of")
            .map(|k| k + 2)
    };
    let site = |r: &Raw| {
        r.kind == EntityKind::Place
            && (SITE_WORDS.contains(&word(r.toks.1.saturating_sub(1)))
                || (matches!(word(r.toks.0), "Gulf" | "Bay" | "Sea") && word(r.toks.0 + 1) == "of")
                || museum_of(r).is_some())
    };
    // A listed organization's name holds only a country, a region or a place of two words or
    // more ("The New York Times" holds New York; "Morgan Stanley" holds no Stanley).
    for r in raws
        .iter()
        .filter(|r| r.kind == EntityKind::Organization || site(r))
    {
        let listed = r.kind == EntityKind::Organization && super::known::is_org(r.span.slice(text));
        let (s, e) = r.toks;
        if e - s < 2 {
            continue;
        }
        // "the County of Maui", "the Municipality of Bogliasco": a local government holds the
        // place it governs, listed or not.
        if r.kind == EntityKind::Organization
            && LOCAL_GOVERNMENTS.contains(&word(s))
            && word(s + 1) == "of"
            && (3..=5).contains(&(e - s))
            && (s + 2..e).all(is_word)
            && let (Some(a), Some(b)) = (toks.get(s + 2), toks.get(e - 1))
        {
            let span = Span::new(a.start, b.end);
            inner.push(Raw {
                canonical: g.place(span.slice(text)),
                ..Raw::new(span, EntityKind::Place, (s + 2, e), Sure::Strong)
            });
            continue;
        }
        // In a place, only the place that opens it, or follows "Gulf of" or "Museum of".
        let from = if word(s + 1) == "of" { s + 2 } else { s };
        let museum = if r.kind == EntityKind::Place {
            museum_of(r)
        } else {
            None
        };
        let mut i = if r.kind == EntityKind::Place { from } else { s };
        while i < e {
            if r.kind == EntityKind::Place && i != from && Some(i) != museum {
                match museum {
                    Some(m) if i < m => {
                        i = m;
                        continue;
                    }
                    _ => break,
                }
            }
            let mut hit = None;
            for j in (i + 1..=e.min(i + 4)).rev() {
                if j - i == e - s || !is_word(i) || !is_word(j - 1) {
                    continue;
                }
                let (Some(a), Some(b)) = (toks.get(i), toks.get(j - 1)) else {
                    continue;
                };
                let span = Span::new(a.start, b.end);
                let sub = span.slice(text);
                if j - i >= 2 && people.contains(sub) {
                    hit = Some((j, span, EntityKind::Person, None));
                } else if let Some(c) = g.place(sub)
                    // ("japan", "chile" and "turkey" are words too, but not in a name.)
                    && !(j - i == 1
                        && !a.upper
                        && g.is_common_word(sub)
                        && g.place_kind(sub) != Some(names::PlaceKind::Country))
                    && !(listed
                        && j - i == 1
                        && !matches!(
                            g.place_kind(sub),
                            Some(names::PlaceKind::Country | names::PlaceKind::Region)
                        ))
                {
                    // "Washington State University" names the state of Washington State.
                    let state = j + 1 < e
                        && toks.get(j).is_some_and(|t| t.text(text) == "State")
                        && g.place_kind(sub) == Some(names::PlaceKind::Region);
                    hit = Some(match (state, toks.get(j)) {
                        (true, Some(t)) => {
                            (j + 1, Span::new(a.start, t.end), EntityKind::Place, None)
                        }
                        _ => (j, span, EntityKind::Place, Some(c)),
                    });
                } else if find::compass_place(sub) {
                    hit = Some((j, span, EntityKind::Place, None));
                }
                if hit.is_some() {
                    break;
                }
            }
            let Some((j, span, kind, canonical)) = hit else {
                i += 1;
                continue;
            };
            inner.push(Raw {
                canonical,
                ..Raw::new(span, kind, (i, j), Sure::Strong)
            });
            i = j;
        }
    }
    if !inner.is_empty() {
        raws.append(&mut inner);
        raws.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules' entities of a text (no model): kind and the text of each mention.
    fn entities(text: &str) -> Vec<(EntityKind, String, usize)> {
        crate::analysis::entities::rules_of(text)
            .1
            .into_iter()
            .map(|e| (e.kind, e.name.to_string(), e.mentions.len()))
            .collect()
    }

    fn has(es: &[(EntityKind, String, usize)], kind: EntityKind, name: &str) -> bool {
        es.iter().any(|(k, n, _)| *k == kind && n == name)
    }

    #[test]
    fn states_as_wire_copy_writes_them_are_places() {
        let es = entities(
            "Storm\n\nSANTA ROSA, Calif. (AP) — Rain fell. A man from Calistoga, Calif., and one \
             from Trenton, N.J., were hurt in Tulsa, Okla. The storm passed Zorbton, Miss. Then \
             Ms. Jones, Miss. Lee and Dr. Ray met.\n",
        );
        for name in [
            "California",
            "New Jersey",
            "Oklahoma",
            "Calistoga",
            "Trenton",
            "Tulsa",
        ] {
            assert!(has(&es, EntityKind::Place, name), "{name}: {es:?}");
        }
        assert!(
            es.iter()
                .any(|(k, n, m)| *k == EntityKind::Place && n == "California" && *m == 2),
            "{es:?}"
        );
        assert!(!has(&es, EntityKind::Place, "Mississippi"), "{es:?}");
        assert!(!has(&es, EntityKind::Place, "Jones"), "{es:?}");
    }

    #[test]
    fn places_that_are_words_count_where_the_article_names_them() {
        let es = entities("Cooking\n\nNice job! Nice to see you. Reading is fun.\n");
        assert!(!has(&es, EntityKind::Place, "Nice"), "{es:?}");
        assert!(!has(&es, EntityKind::Place, "Reading"), "{es:?}");
        let es = entities("Trips\n\nNice is warm. We flew to Nice.\n");
        assert!(
            es.iter()
                .any(|(k, n, m)| *k == EntityKind::Place && n == "Nice" && *m == 2),
            "{es:?}"
        );
    }

    #[test]
    fn a_name_in_the_other_order_is_the_same_persons() {
        let es = entities(
            "Ichiyō Higuchi\n\nIchiyō Higuchi (樋口 一葉 Higuchi Ichiyō) was a writer. Andy Warhol \
             took the Warhol Polaroids.\n",
        );
        // One person, named three times.
        assert!(
            es.iter()
                .any(|(k, n, m)| *k == EntityKind::Person && n == "Ichiyō Higuchi" && *m == 3),
            "{es:?}"
        );
        assert!(!has(&es, EntityKind::Person, "Higuchi"), "{es:?}");
        assert!(has(&es, EntityKind::Person, "Andy Warhol"), "{es:?}");
    }

    #[test]
    fn a_headline_keeps_an_institution_of_a_known_place() {
        let text = "Address to the Class of 2024, University of Edinburgh\n\nThank you all.\n";
        let (_, es) = crate::analysis::entities::rules_of(text);
        assert!(
            es.iter().any(
                |e| e.kind == EntityKind::Organization && &*e.name == "University of Edinburgh"
            ),
            "{es:?}"
        );
        // Not any run of the headline: "Class" is no institution word.
        assert!(es.iter().all(|e| !e.name.contains("Class")), "{es:?}");
    }

    #[test]
    fn speakers_labels_in_capitals_are_people() {
        let text = "A conductor's first season\n\nBy Helen Marsh\n\nHELEN MARSH: How did it go?\n\n\
                    ASA LINDQVIST: Better than I feared, said the NATO veteran.\n\n\
                    LINDQVIST: Yes.\n\nNATO: No.\n";
        let (a, es) = crate::analysis::entities::rules_of(text);
        let kind = |n: &str| es.iter().find(|e| &*e.name == n).map(|e| e.kind);
        // The label is the byline's person.
        let helen = es.iter().find(|e| &*e.name == "Helen Marsh");
        let helen: Vec<&str> = helen
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| m.slice(&a.text)))
            .collect();
        assert_eq!(helen, ["Helen Marsh", "HELEN MARSH"], "{es:?}");
        assert_eq!(kind("ASA LINDQVIST"), Some(EntityKind::Person), "{es:?}");
        assert_eq!(kind("HELEN"), None, "{es:?}");
        // A label that names no one the article names is left as it was.
        assert_eq!(kind("NATO"), Some(EntityKind::Organization), "{es:?}");
    }

    #[test]
    fn a_title_line_keeps_a_given_name_initial_and_surname() {
        let text = "Budget Address of Governor Margaret A. Ostrowski to the Ohio General Assembly\n\n\
                    Thank you. The plan Ostrowski sent is short.\n";
        let (_, es) = crate::analysis::entities::rules_of(text);
        let mentions: Vec<&str> = es
            .iter()
            .find(|e| &*e.name == "Margaret A. Ostrowski")
            .map(|e| e.mentions.iter().map(|m| m.slice(text)).collect())
            .unwrap_or_default();
        assert_eq!(mentions, ["Margaret A. Ostrowski", "Ostrowski"], "{es:?}");
    }

    #[test]
    fn a_title_line_of_given_name_and_surname_is_one_mention() {
        let text = "Zaha Hadid\n\nDame Zaha Mohammad Hadid was an architect in London.\n";
        let (_, es) = crate::analysis::entities::rules_of(text);
        let zaha = es.iter().find(|e| &*e.name == "Zaha Mohammad Hadid");
        let mentions: Vec<&str> = zaha
            .map(|e| e.mentions.iter().map(|m| m.slice(text)).collect())
            .unwrap_or_default();
        assert_eq!(mentions, ["Zaha Hadid", "Zaha Mohammad Hadid"], "{es:?}");
    }

    #[test]
    fn a_title_line_takes_back_the_plain_words_of_a_person_named_in_the_body() {
        // "Storm" is an English word, where the finder splits a headline.
        let text =
            "Theodor Storm\n\nTheodor Storm was a German writer. Storm studied law in Kiel.\n";
        let (_, es) = crate::analysis::entities::rules_of(text);
        let storm = es.iter().find(|e| &*e.name == "Theodor Storm");
        let mentions: Vec<&str> = storm
            .map(|e| e.mentions.iter().map(|m| m.slice(text)).collect())
            .unwrap_or_default();
        assert_eq!(
            mentions,
            ["Theodor Storm", "Theodor Storm", "Storm"],
            "{es:?}"
        );
    }

    #[test]
    fn given_names_before_a_family_name_are_a_person() {
        let es = entities(
            "Family\n\nThe actor Matthew Goode married in 2014. They have a son, Ralph Goode, \
             and a daughter, Teddie Eleanor Rose Goode. He starred in the Goode Podcast.\n",
        );
        assert!(
            has(&es, EntityKind::Person, "Teddie Eleanor Rose Goode"),
            "{es:?}"
        );
        assert!(!has(&es, EntityKind::Person, "Goode Podcast"), "{es:?}");
    }

    #[test]
    fn sites_named_after_places_hold_them() {
        let es = entities(
            "Trip\n\nWe flew over the Gulf of Mexico to the Volgograd Arena, then to New York \
             City.\n",
        );
        assert!(has(&es, EntityKind::Place, "Gulf of Mexico"), "{es:?}");
        assert!(has(&es, EntityKind::Place, "Mexico"), "{es:?}");
        assert!(has(&es, EntityKind::Place, "Volgograd"), "{es:?}");
        assert!(!has(&es, EntityKind::Place, "York"), "{es:?}");
        // Cemeteries, museums, halls, roads and bridges named after a place too.
        let es = entities(
            "Rest\n\nShe is buried in the Vienna Cemetery, a short drive along the Salzburg \
             Highway from the Linz Museum and the Graz Town Hall.\n",
        );
        for place in ["Vienna", "Salzburg", "Linz", "Graz"] {
            assert!(has(&es, EntityKind::Place, place), "{place}: {es:?}");
        }
    }

    #[test]
    fn countries_that_are_also_words_sit_inside_names() {
        let es = entities(
            "Rates\n\nThe Bank of Japan held rates. The Banco Central de Chile cut them.\n",
        );
        assert!(has(&es, EntityKind::Place, "Japan"), "{es:?}");
        assert!(has(&es, EntityKind::Place, "Chile"), "{es:?}");
        assert!(
            has(&es, EntityKind::Organization, "Bank of Japan"),
            "{es:?}"
        );
    }

    #[test]
    fn museums_are_places_and_hold_the_places_they_name() {
        let es = entities(
            "Visits\n\nShe worked at the Museum of Finnish Architecture, the National Museum \
             of Ghana and the Cleveland Museum of Art.\n",
        );
        for name in [
            "Museum of Finnish Architecture",
            "National Museum of Ghana",
            "Cleveland Museum of Art",
            "Ghana",
            "Cleveland",
        ] {
            assert!(has(&es, EntityKind::Place, name), "{name}: {es:?}");
        }
        assert!(es.iter().all(|(k, _, _)| *k == EntityKind::Place), "{es:?}");
    }

    #[test]
    fn local_governments_hold_the_place_they_govern() {
        let es = entities(
            "Taxes\n\nThe County of Maui sued the owners. Requests came from the Municipality \
             of Bogliasco, and the County of Maui agreed.\n",
        );
        assert!(
            has(&es, EntityKind::Organization, "County of Maui"),
            "{es:?}"
        );
        assert!(
            es.iter()
                .any(|(k, n, m)| *k == EntityKind::Place && n == "Maui" && *m == 2),
            "{es:?}"
        );
        assert!(has(&es, EntityKind::Place, "Bogliasco"), "{es:?}");
    }

    #[test]
    fn listed_organizations_hold_only_countries_regions_and_longer_places() {
        let es = entities(
            "Banks\n\nShares of Morgan Stanley fell in early trading, The New York Times said.\n",
        );
        assert!(has(&es, EntityKind::Place, "New York"), "{es:?}");
        assert!(
            has(&es, EntityKind::Organization, "Morgan Stanley"),
            "{es:?}"
        );
        assert!(!has(&es, EntityKind::Place, "Stanley"), "{es:?}");
    }

    #[test]
    fn places_inside_organizations_in_capitals_and_states() {
        let es = entities(
            "Press\n\nHe told LA Weekly that he had studied at Washington State University.\n",
        );
        assert!(has(&es, EntityKind::Place, "Los Angeles"), "{es:?}");
        assert!(has(&es, EntityKind::Place, "Washington State"), "{es:?}");
        assert!(!has(&es, EntityKind::Place, "Washington"), "{es:?}");
    }

    #[test]
    fn countries_are_teams_only_in_reports_on_sport() {
        let es = entities(
            "Match\n\nSweden beat Brazil 2-1. Larsson scored twice; the striker's second goal \
             came from a penalty, and the goalkeeper saved another penalty.\n",
        );
        assert!(has(&es, EntityKind::Organization, "Sweden"), "{es:?}");
        // A city's country in a dateline is the place.
        let es = entities(
            "Match\n\nULSAN, South Korea — Ulsan beat Japan 2-1. Kim scored twice; the \
             striker's second goal came from a penalty, and the goalkeeper saved another \
             penalty.\n",
        );
        assert!(has(&es, EntityKind::Place, "South Korea"), "{es:?}");
        assert!(has(&es, EntityKind::Organization, "Japan"), "{es:?}");
        // Cricket's words count too.
        let es = entities(
            "Test\n\nIndia lost to Pakistan at Lahore. The bowler took four wickets, the \
             umpire gave two batsmen out, and the spinner bowled India out for 190.\n",
        );
        assert!(has(&es, EntityKind::Organization, "India"), "{es:?}");
        assert!(has(&es, EntityKind::Organization, "Pakistan"), "{es:?}");
        assert!(has(&es, EntityKind::Place, "Lahore"), "{es:?}");
        let es = entities(
            "Goals\n\nKenya met its goals. The goals of Kenya are our goals, and the goals of \
             Senegal are goals too.\n",
        );
        assert!(has(&es, EntityKind::Place, "Kenya"), "{es:?}");
        assert!(has(&es, EntityKind::Place, "Senegal"), "{es:?}");
    }

    #[test]
    fn a_first_name_listed_with_places_is_a_place() {
        let es = entities(
            "Rain\n\nRain flooded roads across Cornwall, Devon and the Channel Islands. \
             We drove past Exeter, Marlon and Bath. Marlon Brando waved.\n",
        );
        assert!(has(&es, EntityKind::Place, "Devon"), "{es:?}");
        // Not a name the article gives a person.
        assert!(!has(&es, EntityKind::Place, "Marlon"), "{es:?}");
        // Two words, between two known places; not beside one only.
        let es = entities(
            "Ports

Ships called at Piraeus, Gioia Tauro and Port Said. Lisbon, Maria \
             Santos and her son came.\n",
        );
        assert!(has(&es, EntityKind::Place, "Gioia Tauro"), "{es:?}");
        assert!(has(&es, EntityKind::Person, "Maria Santos"), "{es:?}");
    }

    #[test]
    fn an_unknown_word_that_speaks_as_a_person_is_a_person() {
        let es = entities(
            "Strike\n\nThe union met on Monday. Adeyemi told reporters the talks had failed. \
             \"We will not move,\" Adeyemi said. Later, Okonjo said he would call a strike, \
             and Okonjo left. Quantix said it would wait; Quantix shares fell. \"I have never \
             seen such a year,\" Mbeki said. Mbeki left. Veltrano said: \"My door is open.\" \
             Veltrano shut it. Corvex said: \"We will wait.\" Corvex waited.\n",
        );
        for name in ["Adeyemi", "Okonjo", "Mbeki", "Veltrano"] {
            let e = es.iter().find(|(_, n, _)| n == name);
            assert_eq!(
                e.map(|(k, _, m)| (*k, *m)),
                Some((EntityKind::Person, 2)),
                "{name}: {es:?}"
            );
        }
        assert!(!has(&es, EntityKind::Person, "Quantix"), "{es:?}");
        assert!(!has(&es, EntityKind::Person, "Corvex"), "{es:?}");
    }

    #[test]
    fn a_place_before_the_people_of_a_team_is_the_team() {
        let es = entities(
            "Transfer\n\nThe striker joined Lyon on Friday. Lyon coach Pierre Sage said he \
             had scored goals all season. He was born in Ibadan, where a Lagos manager saw \
             him.\n",
        );
        assert!(has(&es, EntityKind::Organization, "Lyon"), "{es:?}");
        assert!(!has(&es, EntityKind::Place, "Lyon"), "{es:?}");
        assert!(has(&es, EntityKind::Place, "Ibadan"), "{es:?}");
        // A manager is not the team's unless the article speaks of sport...
        let es =
            entities("Shops\n\nA Lagos manager opened a shop in Lagos and another in Ibadan.\n");
        assert!(has(&es, EntityKind::Place, "Lagos"), "{es:?}");
        // ...but a striker always is.
        let es = entities("Shops\n\nThe Lagos striker opened a shop in Ibadan.\n");
        assert!(has(&es, EntityKind::Organization, "Lagos"), "{es:?}");
    }

    #[test]
    fn a_country_is_its_team_but_where_the_match_is_played() {
        let es = entities(
            "Test\n\nLAHORE, Pakistan (AFP) — Pakistan bowled out New Zealand for 187 runs. \
             Pakistan captain Shan Qureshi praised the bowlers after the wickets fell. The \
             visitors had arrived in Pakistan under tight security. Pakistan Cricket Board \
             chairman Zafar Chaudhry said the innings showed the batting was strong.\n",
        );
        assert!(has(&es, EntityKind::Organization, "Pakistan"), "{es:?}");
        assert!(has(&es, EntityKind::Place, "Pakistan"), "{es:?}");
        // So where the words of sport mark the report and the board's name opens with the
        // country: "arrived in Pakistan" is no short form of the board's team.
        let es = entities(
            "Test\n\nLAHORE, Pakistan (AFP) — Pakistan bowled out New Zealand for 187 runs. \
             The umpire gave three batsmen out lbw. The visitors had arrived in Pakistan under \
             tight security. Pakistan Cricket Board chairman Zafar Chaudhry praised the \
             bowlers.\n",
        );
        let pakistan = |kind| {
            es.iter()
                .find(|(k, n, _)| *k == kind && n == "Pakistan")
                .map(|e| e.2)
        };
        // The dateline, "in Pakistan" and the board's own "Pakistan".
        assert_eq!(pakistan(EntityKind::Place), Some(3), "{es:?}");
        assert_eq!(pakistan(EntityKind::Organization), Some(1), "{es:?}");
        // The team is no short form of the board.
        let board = es
            .iter()
            .find(|e| e.1 == "Pakistan Cricket Board")
            .map(|e| e.2);
        assert_eq!(board, Some(1), "{es:?}");
    }

    #[test]
    fn the_employer_of_an_analyst_is_an_organization() {
        let es = entities(
            "Chips\n\nAnalysts at Bernstein cut their forecasts. \"It is a big hit,\" said \
             Stacy Rasgon, a Bernstein analyst. Anna Nowak, who was once a Nowak engineer \
             herself, disagreed.\n",
        );
        assert!(has(&es, EntityKind::Organization, "Bernstein"), "{es:?}");
        // The surname of someone named in full stays hers ("a Nowak engineer").
        assert!(!has(&es, EntityKind::Organization, "Nowak"), "{es:?}");
    }

    #[test]
    fn places_that_beat_or_lose_in_a_round_up_of_scores_are_teams() {
        // No sports word: a score and two results make the report.
        let es = entities(
            "Round-up\n\nIn Spain, Barcelona beat Sevilla 3-0 and Valencia drew with Getafe. \
             Porto lost to Braga in Lisbon.\n",
        );
        for team in [
            "Barcelona",
            "Sevilla",
            "Valencia",
            "Getafe",
            "Porto",
            "Braga",
        ] {
            assert!(has(&es, EntityKind::Organization, team), "{team}: {es:?}");
        }
        // Where the games are played stays a place.
        assert!(has(&es, EntityKind::Place, "Spain"), "{es:?}");
        assert!(has(&es, EntityKind::Place, "Lisbon"), "{es:?}");
        // Without a score, history: "Prussia defeated Austria" names two states.
        let es = entities("War\n\nPrussia defeated Austria, and Austria lost to Prussia again.\n");
        assert!(has(&es, EntityKind::Place, "Prussia"), "{es:?}");
        assert!(has(&es, EntityKind::Place, "Austria"), "{es:?}");
    }

    #[test]
    fn in_reports_on_sport_a_club_s_place_alone_is_the_club() {
        let text = "Match\n\nInter Miami beat the Philadelphia Union 2-1. Messi scored in \
                    stoppage time after Philadelphia equalized; the goalkeeper was beaten. \
                    Miami play again on Saturday, and the striker's goal was his tenth.\n";
        let es = entities(text);
        // Each club with its short name; the places left are those inside the clubs' names.
        assert!(
            es.contains(&(EntityKind::Organization, "Inter Miami".into(), 2)),
            "{es:?}"
        );
        assert!(
            es.contains(&(EntityKind::Organization, "Philadelphia Union".into(), 2)),
            "{es:?}"
        );
        assert!(
            es.contains(&(EntityKind::Place, "Miami".into(), 1)),
            "{es:?}"
        );
        // Outside a report on sport, the city is the city.
        let es = entities("Travel\n\nInter Miami has a new stadium. Miami is warm in May.\n");
        assert!(
            es.contains(&(EntityKind::Place, "Miami".into(), 2)),
            "{es:?}"
        );
    }

    #[test]
    fn people_named_like_buildings_are_people_where_the_surname_stands_alone() {
        let es = entities(
            "Senator\n\nFrank Church served Idaho. Church led the committee, and Historians \
             say Church changed Congress. Arthur Hall taught at Yale; Hall's students remember \
             him.\n",
        );
        assert!(
            es.contains(&(EntityKind::Person, "Frank Church".into(), 3)),
            "{es:?}"
        );
        assert!(
            es.contains(&(EntityKind::Person, "Arthur Hall".into(), 2)),
            "{es:?}"
        );
        // A hall only ever called "the Hall" alone is a hall.
        let es = entities("Concert\n\nWe met at Albert Hall. The Hall was full.\n");
        assert!(has(&es, EntityKind::Place, "Albert Hall"), "{es:?}");
    }

    #[test]
    fn years_of_citations() {
        assert!(is_year("1964") && is_year("2011a") && is_year("1500"));
        assert!(!is_year("964") && !is_year("3000") && !is_year("19645") && !is_year("1964-"));
    }

    #[test]
    fn authors_cited_with_a_year_are_people() {
        let text = "Verse and line\n\nThe cut was first studied, as Quilis (1964) showed, and \
                    both Petrov and Lindqvist (1990) agreed, as the review notes (Okafor, \
                    2005). Others followed Carrano et al. in reading it.\n";
        let es = entities(text);
        for name in ["Quilis", "Petrov", "Lindqvist", "Okafor", "Carrano"] {
            assert!(has(&es, EntityKind::Person, name), "{name}: {es:?}");
        }
        // Once in a text is not yet a style of citing.
        let es = entities("Verse\n\nThe cut was studied, as Okafor (1964) showed.\n");
        assert!(!has(&es, EntityKind::Person, "Okafor"), "{es:?}");
    }

    #[test]
    fn films_with_their_year_are_not_authors() {
        let text = "An actor\n\nShe starred in Match Point (2005) and in Chasing Liberty \
                    (2004) before Okafor (1990) wrote of her.\n";
        let es = entities(text);
        assert!(has(&es, EntityKind::Person, "Okafor"), "{es:?}");
        for film in ["Match Point", "Chasing Liberty"] {
            assert!(!has(&es, EntityKind::Person, film), "{film}: {es:?}");
        }
    }

    #[test]
    fn a_span_of_years_is_not_a_citation() {
        let text = "A life\n\nHe taught in Okafor (1725–1733), in Petrov (1733–1750) and in \
                    Lindqvist (1750–1760).\n";
        let es = entities(text);
        for name in ["Okafor", "Petrov", "Lindqvist"] {
            assert!(!has(&es, EntityKind::Person, name), "{name}: {es:?}");
        }
    }

    #[test]
    fn institutions_cited_keep_their_kind() {
        let text = "Rain\n\nRainfall fell, as the World Health Organization (2020) and the \
                    review (Paris, 2019) say.\n";
        let es = entities(text);
        assert!(
            has(&es, EntityKind::Organization, "World Health Organization"),
            "{es:?}"
        );
        assert!(!has(&es, EntityKind::Person, "Paris"), "{es:?}");
    }

    #[test]
    fn a_greeting_is_not_part_of_the_name() {
        let text = "A poet\n\nPeople say, 'Hey Frank, my name is John,' and I say, 'Hey John, \
                    nice to meet you.'\n";
        let es = entities(text);
        assert!(has(&es, EntityKind::Person, "Frank"), "{es:?}");
        assert!(has(&es, EntityKind::Person, "John"), "{es:?}");
        assert!(!es.iter().any(|(_, n, _)| n.starts_with("Hey")), "{es:?}");
    }

    #[test]
    fn a_person_named_in_full_outside_quotes_is_kept_when_quoted_elsewhere() {
        let text = "A star\n\nKelly Anne Smith, under her pseudonym Kelly Marbles, makes videos. \
                    The pseudonym \"Kelly Marbles\" comes from her dog.\n";
        let es = entities(text);
        assert!(has(&es, EntityKind::Person, "Kelly Marbles"), "{es:?}");
    }
}
