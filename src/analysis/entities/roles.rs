//! The role an article gives a person, in its own words: the title before the name ("U.S.
//! Secretary of State John Kerry", "White House spokesman Ned Price") or an apposition after it
//! ("Sergei Lavrov, Russia's foreign minister,").

use super::names::GAZETTEER;
use super::tokens::{Kind, Token};

/// Words that may link parts of a title ("Secretary of State", "Ambassador to the United States").
const CONNECTORS: &[&str] = &["of", "for", "to", "the", "on", "at"];
/// Words that show an apposition is a clause, not a role.
const CLAUSE_WORDS: &[&str] = &[
    "who",
    "whom",
    "which",
    "that",
    "said",
    "says",
    "say",
    "told",
    "is",
    "was",
    "were",
    "are",
    "has",
    "had",
    "have",
    "will",
    "would",
    "and",
    "but",
    "or",
    "if",
    "when",
    "while",
    "as",
    "added",
    "according",
    "because",
    "also",
    "not",
];
const MAX_ROLE_TOKENS: usize = 10;
/// Office words too vague to be a role on their own: "member" (of what?), "official".
const NEEDS_MODIFIER: &[&str] = &[
    "member",
    "official",
    "officer",
    "executive",
    "partner",
    "agent",
    "representative",
    "head",
    "chief",
    "leader",
    "counterpart",
    "deputy",
    "assistant",
    "aide",
];

/// A role is a complete noun phrase: not one vague office word alone, not ending in a
/// connector ("nurse at"), not starting with one.
fn complete(role: &str) -> bool {
    let words: Vec<&str> = role.split_whitespace().collect();
    match (words.first(), words.last()) {
        (Some(first), Some(last)) => {
            let vague = words.len() == 1 && NEEDS_MODIFIER.contains(&last.to_lowercase().as_str());
            !(vague || CONNECTORS.contains(last) || CONNECTORS.contains(first))
        }
        _ => false,
    }
}

/// The title right before the name starting at token `s`. `person_at(i)` tells whether token `i`
/// belongs to a person's name.
pub fn before(
    text: &str,
    toks: &[Token],
    s: usize,
    person_at: &dyn Fn(usize) -> bool,
) -> Option<String> {
    let g = &*GAZETTEER;
    // "Climate scientist Dr. Carla Mendes": the title stands before the honorific.
    let honorific = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.kind == Kind::Word && g.is_honorific(t.text(text)))
    };
    let named = s;
    let s = if s >= 2 && toks.get(s - 1).is_some_and(|t| t.is_punct('.')) && honorific(s - 2) {
        s - 2
    } else if s >= 1 && honorific(s - 1) {
        s - 1
    } else {
        s
    };
    // "Sen. Zoe Lofgren", "Gen. Mark Milley": an abbreviated title is the role when no longer
    // one stands before it.
    let abbreviated = (s < named)
        .then(|| toks.get(s))
        .flatten()
        .and_then(|t| title_of_abbreviation(t.text(text)));
    title_before(text, toks, s, person_at).or_else(|| abbreviated.map(str::to_string))
}

/// The title an abbreviation before a name stands for ("Sen." a senator).
fn title_of_abbreviation(w: &str) -> Option<&'static str> {
    Some(match w.trim_end_matches('.') {
        "Sen" => "Senator",
        "Rep" => "Representative",
        "Gov" => "Governor",
        "Gen" => "General",
        "Col" => "Colonel",
        "Capt" => "Captain",
        "Lt" => "Lieutenant",
        "Sgt" => "Sergeant",
        "Cpl" => "Corporal",
        "Adm" => "Admiral",
        "Maj" => "Major",
        "Prof" => "Professor",
        "Rev" => "Reverend",
        "Pres" => "President",
        "Supt" => "Superintendent",
        "Insp" => "Inspector",
        "Det" => "Detective",
        "Msgr" => "Monsignor",
        _ => return None,
    })
}

/// The title ending right before token `s` (an honorific's, when the name has one).
fn title_before(
    text: &str,
    toks: &[Token],
    s: usize,
    person_at: &dyn Fn(usize) -> bool,
) -> Option<String> {
    let g = &*GAZETTEER;
    // "a nurse at São João": a connector before the name ends the title before it.
    if s == 0
        || toks
            .get(s - 1)
            .is_some_and(|t| t.kind == Kind::Word && CONNECTORS.contains(&t.text(text)))
    {
        return None;
    }
    let mut k = s;
    let mut start = s;
    let mut has_title = false;
    while k > 0 && s - k < MAX_ROLE_TOKENS {
        let t = toks.get(k - 1)?;
        let w = t.text(text);
        match t.kind {
            Kind::Word => {
                if g.is_honorific(w) {
                    break;
                }
                if person_at(k - 1) {
                    // Another person's name belongs only as a possessive ("Obama's spokesman").
                    if toks.get(k).is_some_and(|t| t.kind == Kind::Possessive) {
                        k -= 1;
                        start = k;
                        continue;
                    }
                    break;
                }
                if g.is_title(w) {
                    has_title = true;
                    k -= 1;
                    start = k;
                } else if t.cap || t.upper {
                    if g.is_stop(w) && !t.upper {
                        break;
                    }
                    k -= 1;
                    start = k;
                } else if g.is_title_modifier(w) {
                    k -= 1;
                    start = k;
                } else if CONNECTORS.contains(&w) {
                    // Only inside a title: "Secretary of State", "Ambassador to the ...".
                    let mut l = k - 1;
                    while l > 0
                        && toks
                            .get(l - 1)
                            .is_some_and(|t| CONNECTORS.contains(&t.text(text)))
                    {
                        l -= 1;
                    }
                    let left = l.checked_sub(1).and_then(|i| toks.get(i));
                    // Or inside the name of the office: "Bank of Japan Governor".
                    let right_cap = toks.get(k).is_some_and(|t| t.cap || t.upper);
                    let in_name = w == "of"
                        && right_cap
                        && left.is_some_and(|t| {
                            t.kind == Kind::Word && t.cap && !g.is_stop(t.text(text))
                        });
                    if !(in_name
                        || left.is_some_and(|t| t.kind == Kind::Word && g.is_title(t.text(text))))
                    {
                        break;
                    }
                    k -= 1;
                } else {
                    break;
                }
                if t.sent {
                    break;
                }
            }
            Kind::Possessive => {
                k -= 1;
            }
            Kind::Punct(_) => break,
        }
    }
    if !has_title || start >= s {
        return None;
    }
    let a = toks.get(start)?.start;
    let b = toks.get(s - 1)?.end;
    let role = normalise_space(text.get(a..b)?);
    complete(&role).then_some(role)
}

/// The apposition right after the name ending at token `e` (exclusive): ", Russia's foreign
/// minister,".
pub fn after(
    text: &str,
    toks: &[Token],
    e: usize,
    person_at: &dyn Fn(usize) -> bool,
) -> Option<String> {
    let g = &*GAZETTEER;
    if !toks.get(e).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    // "Marcos Oliveira, 52, a teacher,": the role follows the age.
    let age = toks.get(e + 1).is_some_and(|t| {
        let w = t.text(text);
        (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    });
    let e = if age && toks.get(e + 2).is_some_and(|t| t.is_punct(',')) {
        e + 2
    } else {
        e
    };
    let mut k = e + 1;
    let mut has_title = false;
    while let Some(t) = toks.get(k) {
        match t.kind {
            Kind::Punct(',' | '.' | ';' | ')' | '—' | '–') => break,
            // ("an analyst at Lagos-based Cowry", "a partner at Bello & Danjuma".)
            Kind::Punct('-' | '&') => {}
            Kind::Punct(_) => return None,
            Kind::Possessive => {}
            Kind::Word => {
                let w = t.text(text);
                if CLAUSE_WORDS.contains(&w) || person_at(k) && !next_is_possessive(toks, k) {
                    return None;
                }
                // ("a partner at the firm", "a player for Ajax": an office word that is usually
                // something else in lower case is one right after the article, before a
                // preposition.)
                let office_of = k == e + 2
                    && matches!(toks[e + 1].text(text), "a" | "an" | "the")
                    && matches!(
                        toks.get(k + 1).map_or("", |n| n.text(text)),
                        "at" | "for" | "of" | "with"
                    )
                    && g.is_office(w);
                if g.is_title(w) || office_of {
                    has_title = true;
                }
            }
        }
        k += 1;
        if k - e > MAX_ROLE_TOKENS {
            return None;
        }
    }
    // The apposition must be closed by punctuation, not run to the end of the block.
    if !has_title || k == e + 1 || toks.get(k).is_none() {
        return None;
    }
    let mut s = e + 1;
    while toks
        .get(s)
        .is_some_and(|t| matches!(t.text(text), "a" | "an" | "the" | "A" | "An" | "The"))
    {
        s += 1;
    }
    // The last word must be the office itself or its complement, not a connector.
    if CONNECTORS.contains(&toks.get(k - 1)?.text(text)) {
        return None;
    }
    let a = toks.get(s)?.start;
    let b = toks.get(k - 1)?.end;
    let role = normalise_space(text.get(a..b)?);
    complete(&role).then_some(role)
}

/// The phrase that opens the sentence and ends in a comma right before the name starting at
/// token `s`, when it is an office: "Its chairman, Kwak Noh-jung, said"; "The European Union's
/// foreign policy chief, Kaja Kallas, called"; "Egypt's finance minister, Mohamed Maait,". It
/// must open with a determiner, a possessive pronoun or a possessor, and end in a title word.
pub fn fronted(
    text: &str,
    toks: &[Token],
    s: usize,
    person_at: &dyn Fn(usize) -> bool,
) -> Option<String> {
    let g = &*GAZETTEER;
    let comma = s.checked_sub(1)?;
    if !toks.get(comma)?.is_punct(',') {
        return None;
    }
    let mut a = comma;
    loop {
        a = a.checked_sub(1)?;
        let t = toks.get(a)?;
        match t.kind {
            Kind::Punct(_) => return None,
            Kind::Possessive => {}
            Kind::Word => {
                let w = t.text(text);
                if CLAUSE_WORDS.contains(&w) || person_at(a) && !next_is_possessive(toks, a) {
                    return None;
                }
            }
        }
        if comma - a > MAX_ROLE_TOKENS {
            return None;
        }
        if t.sent {
            break;
        }
    }
    let first = toks.get(a)?.text(text);
    const OPENERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "my"];
    // "Egypt's finance minister, Mohamed Maait, said": a possessor opens it and stays in it.
    let possessor = toks.get(a).is_some_and(|t| t.cap) && next_is_possessive(toks, a);
    if !(OPENERS.iter().any(|o| first.eq_ignore_ascii_case(o)) || possessor) || comma < a + 2 {
        return None;
    }
    let last = toks.get(comma - 1)?;
    if last.kind != Kind::Word || !g.is_title(last.text(text)) {
        return None;
    }
    let from = if possessor { a } else { a + 1 };
    let role = normalise_space(text.get(toks.get(from)?.start..last.end)?);
    complete(&role).then_some(role)
}

fn next_is_possessive(toks: &[Token], k: usize) -> bool {
    toks.get(k + 1).is_some_and(|t| t.kind == Kind::Possessive)
}

fn normalise_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn tokens(s: &str) -> Vec<Token> {
        let mut toks = Vec::new();
        tokenize(s, 0, s.len(), &mut toks);
        toks
    }

    /// The tokens of `s` and the index of the token where `name` starts.
    fn at_name(s: &str, name: &str) -> (Vec<Token>, usize) {
        let toks = tokens(s);
        let at = s.find(name).unwrap_or(0);
        let i = toks.iter().position(|t| t.start == at).unwrap_or(0);
        (toks, i)
    }

    fn role_before(s: &str, name: &str) -> Option<String> {
        let (toks, i) = at_name(s, name);
        before(s, &toks, i, &|_| false)
    }

    fn role_after(s: &str, name: &str) -> Option<String> {
        let toks = tokens(s);
        let end = s.find(name).unwrap_or(0) + name.len();
        let i = toks.iter().position(|t| t.start >= end).unwrap_or(0);
        after(s, &toks, i, &|_| false)
    }

    #[test]
    fn titles_before_names() {
        assert_eq!(
            role_before("U.S. Secretary of State John Kerry and", "John").as_deref(),
            Some("U.S. Secretary of State")
        );
        assert_eq!(
            role_before("Details, White House spokesman Ned Price said", "Ned").as_deref(),
            Some("White House spokesman")
        );
        assert_eq!(
            role_before("the regime of Syrian President Bashar al-Assad", "Bashar").as_deref(),
            Some("Syrian President")
        );
        assert_eq!(
            role_before(
                "Kerry and his Russian counterpart Sergei Lavrov met",
                "Sergei"
            )
            .as_deref(),
            Some("Russian counterpart")
        );
        assert_eq!(role_before("It was founded by Dean Kamen", "Dean"), None);
    }

    #[test]
    fn abbreviated_titles_are_roles() {
        for (text, name, role) in [
            ("Then Sen. Zoe Lofgren said no", "Zoe", Some("Senator")),
            ("Then Gen. Mark Milley said no", "Mark", Some("General")),
            (
                "Climate scientist Prof. Carla Mendes warned",
                "Carla",
                Some("Climate scientist"),
            ),
            ("Then Mr. Ray Lopez said no", "Ray", None),
        ] {
            assert_eq!(role_before(text, name).as_deref(), role, "{text}");
        }
    }

    #[test]
    fn local_offices_are_roles() {
        assert_eq!(
            role_after("Mary Ama Ampah, the Registrar, and the staff", "Ampah").as_deref(),
            Some("Registrar")
        );
        for (text, name, role) in [
            (
                "Thanks to Councilmember Ana Okafor today",
                "Ana",
                "Councilmember",
            ),
            ("Then Alderman Ed Burke spoke", "Ed", "Alderman"),
            (
                "Then Assemblywoman Grace Meng spoke",
                "Grace",
                "Assemblywoman",
            ),
        ] {
            assert_eq!(role_before(text, name).as_deref(), Some(role), "{text}");
        }
    }

    #[test]
    fn appositions() {
        assert_eq!(
            role_after("Sergei Lavrov, Russia's foreign minister, said", "Lavrov").as_deref(),
            Some("Russia's foreign minister")
        );
        assert_eq!(
            role_after("Jane Doe, the company's chief executive.", "Doe").as_deref(),
            Some("company's chief executive")
        );
        assert_eq!(
            role_after("Jane Doe, who is the minister, said", "Doe"),
            None
        );
        assert_eq!(role_after("Obama, Putin and Xi met", "Obama"), None);
        assert_eq!(role_after("Ann Lee, a member, spoke.", "Lee"), None);
        assert_eq!(
            role_after("Ann Lee, a member of parliament, spoke.", "Lee").as_deref(),
            Some("member of parliament")
        );
    }

    #[test]
    fn occupations_and_offices_that_are_words_in_appositions() {
        assert_eq!(
            role_after("Ngozi Achebe, a pharmacist, survived him.", "Achebe").as_deref(),
            Some("pharmacist")
        );
        assert_eq!(
            role_after("said Fatima Bello, a partner at the law firm.", "Bello").as_deref(),
            Some("partner at the law firm")
        );
        assert_eq!(
            role_after(
                "said Chinedu Okonkwo, an analyst at Lagos-based Cowry.",
                "Okonkwo"
            )
            .as_deref(),
            Some("analyst at Lagos-based Cowry")
        );
        // "partner" alone, or not before a preposition, is no office.
        assert_eq!(role_after("Ann Lee, a partner, spoke.", "Lee"), None);
        assert_eq!(
            role_after("Ann Lee, her partner since 2001, spoke.", "Lee"),
            None
        );
    }

    #[test]
    fn roles_past_an_age_or_an_honorific() {
        assert_eq!(
            role_after(
                "Marcos Oliveira, 52, a teacher in the town, said",
                "Oliveira"
            )
            .as_deref(),
            Some("teacher in the town")
        );
        assert_eq!(role_after("Marcos Oliveira, 52, said", "Oliveira"), None);
        // Trades are roles as offices are.
        assert_eq!(
            role_after("Linda Park, a trader, said", "Park").as_deref(),
            Some("trader")
        );
        assert_eq!(
            role_before("Climate scientist Dr. Carla Mendes warned", "Carla").as_deref(),
            Some("Climate scientist")
        );
        assert_eq!(role_before("He met Dr. Carla Mendes", "Carla"), None);
    }

    fn role_fronted(s: &str, name: &str) -> Option<String> {
        let (toks, i) = at_name(s, name);
        fronted(s, &toks, i, &|_| false)
    }

    #[test]
    fn an_office_opening_the_sentence_before_the_name() {
        assert_eq!(
            role_fronted("Its chairman, Kwak Noh-jung, said", "Kwak").as_deref(),
            Some("chairman")
        );
        assert_eq!(
            role_fronted(
                "The European Union's foreign policy chief, Kaja Kallas, called",
                "Kaja"
            )
            .as_deref(),
            Some("European Union's foreign policy chief")
        );
        assert_eq!(
            role_fronted("Her rival, Piotr Zieliński, conceded", "Piotr"),
            None
        );
        assert_eq!(role_fronted("In the end, John Smith won", "John"), None);
        assert_eq!(role_fronted("The next day, John Smith won", "John"), None);
        assert_eq!(role_fronted("Its chief, John Smith, said", "John"), None);
        assert_eq!(
            role_fronted("A company spokesman, Hiroshi Mori, said", "Hiroshi").as_deref(),
            Some("company spokesman")
        );
        assert_eq!(role_fronted("A day later, John Smith won", "John"), None);
        assert_eq!(
            role_fronted("Egypt's finance minister, Mohamed Maait, said", "Mohamed").as_deref(),
            Some("Egypt's finance minister")
        );
        assert_eq!(
            role_fronted("Egypt's rulers, John Smith, said", "John"),
            None
        );
    }

    #[test]
    fn fragments_are_not_roles() {
        // A connector before the name: the name is the complement of another phrase.
        assert_eq!(
            role_before("She is a porter at Santa Marta clinic", "Santa"),
            None
        );
        // One vague office word alone says nothing.
        assert_eq!(role_before("said member Tom Reyes", "Tom"), None);
        assert_eq!(
            role_before("said board member Tom Reyes", "Tom").as_deref(),
            Some("board member")
        );
    }

    #[test]
    fn the_longest_title_phrase_with_the_office_name() {
        assert_eq!(
            role_before("after Bank of Lisbon Governor Ana Reis spoke", "Ana").as_deref(),
            Some("Bank of Lisbon Governor")
        );
        assert_eq!(
            role_before("Ohio Solicitor General Mara Quist said", "Mara").as_deref(),
            Some("Ohio Solicitor General")
        );
        assert_eq!(
            role_before("the Mayor of Porto Rui Lopes said", "Rui").as_deref(),
            Some("Mayor of Porto")
        );
        // Not across a lower-case word or a name that is not an office.
        assert_eq!(
            role_before("a fan of Porto coach Rui Lopes", "Rui").as_deref(),
            Some("Porto coach")
        );
    }
}
