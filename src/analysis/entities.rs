//! Finds people, organizations and places, groups their mentions and reads their roles.
//!
//! One pass tokenizes each block; capitalised runs are split at titles, honorifics and nationality
//! adjectives and classified from gazetteers (`names`), cue words and context (`find`); photo
//! credits are read first (`credits`); mentions are then grouped (`group`) and people given the
//! role the article's words give them (`roles`).

mod credits;
mod find;
mod group;
mod names;
mod roles;
mod tokens;

use super::{Entity, EntityKind};
use crate::article::{Article, BlockKind, Span};
use names::Gender;
use tokens::{Kind, Token};

/// How sure the finder is of a mention's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sure {
    /// From a gazetteer, a cue word or a title.
    Strong,
    /// From the shape of the name.
    Weak,
    /// A lone capitalised word nothing else explains.
    Guess,
}

/// One mention before grouping.
#[derive(Clone, Debug)]
pub(crate) struct Raw {
    pub span: Span,
    pub kind: EntityKind,
    /// Token range `start..end`.
    pub toks: (usize, usize),
    pub sure: Sure,
    /// Canonical place name from the gazetteer ("U.S." → "United States").
    pub canonical: Option<&'static str>,
    /// Gender of an honorific before the name ("Mrs.").
    pub honorific: Option<Gender>,
    /// Right after a title or honorific.
    pub after_title: bool,
    /// Another mention this one is an alias of (an acronym, "known as").
    pub link: Option<usize>,
    /// A role known from the start (photo credits).
    pub role: Option<String>,
}

/// Share of capitalised long words above which a block is written in title case.
const TITLE_CASE_SHARE: f32 = 0.7;

/// Finds the entities of `article`: people, then organizations, then places, each in order of
/// first mention, every mention a name-only span of `article.text`.
pub fn extract(article: &Article) -> Vec<Entity> {
    let text = article.text.as_str();
    let mut blocks: Vec<(Span, BlockKind)> =
        article.blocks.iter().map(|b| (b.span, b.kind)).collect();
    if blocks.is_empty() {
        blocks.push((Span::new(0, text.len()), BlockKind::Paragraph));
    }
    blocks.sort_by_key(|(s, _)| s.start);

    let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 5 + 16);
    let mut title_case: Vec<bool> = Vec::with_capacity(text.len() / 5 + 16);
    let mut last_end = 0;
    for (span, _kind) in &blocks {
        let start = span.start.max(last_end);
        if span.end <= start {
            continue;
        }
        let first = toks.len();
        tokens::tokenize(text, start, span.end, &mut toks);
        let tc = is_title_case(text, toks.get(first..).unwrap_or(&[]));
        title_case.resize(toks.len(), tc);
        // A block boundary: names never run across it.
        toks.push(Token {
            start: span.end,
            end: span.end,
            kind: Kind::Punct('\u{b6}'),
            cap: false,
            upper: false,
            digit: false,
            sent: false,
            newline_before: true,
        });
        title_case.push(false);
        last_end = span.end;
    }

    let mut taken = vec![false; toks.len()];
    let mut raws = Vec::new();
    credits::mentions(text, &toks, &mut taken, &mut raws);
    let mut finder = find::Finder {
        text,
        toks: &toks,
        title_case: &title_case,
        taken: &taken,
        out: Vec::new(),
        dropped: Vec::new(),
    };
    finder.run();
    let dropped = std::mem::take(&mut finder.dropped);
    raws.append(&mut finder.out);
    raws.sort_by_key(|r| r.span.start);
    group::link_aliases(text, &toks, &mut raws);

    // Which tokens belong to a person's name, for the role reader.
    let mut person_tok = vec![false; toks.len()];
    for r in raws.iter().filter(|r| r.kind == EntityKind::Person) {
        for i in r.toks.0..r.toks.1 {
            if let Some(p) = person_tok.get_mut(i) {
                *p = true;
            }
        }
    }
    let person_at = |i: usize| person_tok.get(i).copied().unwrap_or(false);
    let role_of = |r: &Raw| {
        roles::before(text, &toks, r.toks.0, &person_at)
            .or_else(|| roles::after(text, &toks, r.toks.1, &person_at))
    };
    if std::env::var_os("BYLINE_DEBUG_RAWS").is_some() {
        for r in &raws {
            eprintln!(
                "{:?} {:?} {:?} {:?}",
                r.span.slice(text),
                r.kind,
                r.sure,
                r.link
            );
        }
    }
    group::build(text, &toks, raws, &dropped, &role_of)
}

/// True for blocks where most long words are capitalised (headlines, title lines).
fn is_title_case(text: &str, toks: &[Token]) -> bool {
    let mut long = 0u32;
    let mut caps = 0u32;
    for t in toks.iter().filter(|t| t.kind == Kind::Word) {
        let w = t.text(text);
        if w.len() >= 4 && w.chars().all(char::is_alphabetic) {
            long += 1;
            if t.cap {
                caps += 1;
            }
        }
    }
    // Sentences end in a full stop; headlines and title lines do not.
    let sentence = toks
        .iter()
        .rev()
        .find(|t| t.kind != Kind::Punct('"') && t.kind != Kind::Punct('”'))
        .is_some_and(|t| t.is_punct('.'));
    !sentence && long >= 3 && caps as f32 >= TITLE_CASE_SHARE * long as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Block;

    fn article(text: &str) -> Article {
        Article {
            text: text.to_string(),
            blocks: vec![Block::new(BlockKind::Paragraph, 0, text.len())],
            ..Article::default()
        }
    }

    fn find<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
        es.iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} not in {es:#?}"))
    }

    fn spans<'a>(text: &'a str, e: &Entity) -> Vec<&'a str> {
        e.mentions.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn title_before_a_name_is_its_role_not_its_mention() {
        let text =
            "Talks went on. U.S. President Barack Obama met Russian President Vladimir Putin.";
        let es = extract(&article(text));
        let obama = find(&es, "Barack Obama");
        assert_eq!(spans(text, obama), ["Barack Obama"]);
        assert_eq!(obama.role.as_deref(), Some("U.S. President"));
        assert_eq!(
            find(&es, "Vladimir Putin").role.as_deref(),
            Some("Russian President")
        );
        assert_eq!(find(&es, "United States").kind, EntityKind::Place);
        assert!(
            es.iter().all(|e| e.name != "Russia"),
            "Russian is an adjective"
        );
    }

    #[test]
    fn possessives_and_surnames_group_with_the_full_name() {
        let text = "Vladimir Putin spoke. Putin's forces advanced against Assad, an ally of Bashar al-Assad.";
        let es = extract(&article(text));
        let putin = find(&es, "Vladimir Putin");
        assert_eq!(spans(text, putin), ["Vladimir Putin", "Putin"]);
        let assad = find(&es, "Bashar al-Assad");
        assert_eq!(spans(text, assad), ["Assad", "Bashar al-Assad"]);
        assert_eq!(assad.kind, EntityKind::Person);
    }

    #[test]
    fn honorifics_and_particles() {
        let text = "Ursula von der Leyen and John Kerry met. Mr. Kerry thanked von der Leyen.";
        let es = extract(&article(text));
        assert_eq!(
            spans(text, find(&es, "John Kerry")),
            ["John Kerry", "Kerry"]
        );
        assert_eq!(
            spans(text, find(&es, "Ursula von der Leyen")),
            ["Ursula von der Leyen", "von der Leyen"]
        );
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let text = "George Bush and Jeb Bush spoke. Later Jeb Bush left.";
        let es = extract(&article(text));
        assert_eq!(find(&es, "George Bush").mentions.len(), 1);
        assert_eq!(find(&es, "Jeb Bush").mentions.len(), 2);
    }

    #[test]
    fn acronyms_introduced_in_parentheses_join_their_organization() {
        let text = "They fought the Islamic State militant group (ISIS) for years. ISIS lost.";
        let es = extract(&article(text));
        let is = find(&es, "Islamic State");
        assert_eq!(is.kind, EntityKind::Organization);
        assert_eq!(spans(text, is), ["Islamic State", "ISIS", "ISIS"]);
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let text =
            "Despite the failure, officials met. Details will follow. Diplomats from Moscow came.";
        let es = extract(&article(text));
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Moscow"]);
    }

    #[test]
    fn photo_credits_give_photographer_and_agency() {
        let text = "Leaders listen in Hangzhou, China. Nicolas Asfouri - Pool/Getty Images";
        let es = extract(&article(text));
        let p = find(&es, "Nicolas Asfouri");
        assert_eq!(p.role.as_deref(), Some("photographer"));
        assert_eq!(find(&es, "Getty Images").kind, EntityKind::Organization);
        assert!(es.iter().all(|e| e.name != "Pool"));
        let text = "A rally in Kabul. (AP Photo/Rahmat Gul)";
        let es = extract(&article(text));
        assert_eq!(
            find(&es, "Rahmat Gul").role.as_deref(),
            Some("photographer")
        );
        assert_eq!(find(&es, "AP").kind, EntityKind::Organization);
    }

    #[test]
    fn appositions_give_roles() {
        let text = "Kerry met Sergei Lavrov, Russia's foreign minister, on Monday.";
        let es = extract(&article(text));
        assert_eq!(
            find(&es, "Sergei Lavrov").role.as_deref(),
            Some("Russia's foreign minister")
        );
    }

    #[test]
    fn organizations_and_places_by_cue_words() {
        let text = "A State Department official told the Associated Press in Aleppo that the \
                    Democratic Party and Hangzhou University agreed.";
        let es = extract(&article(text));
        for org in [
            "State Department",
            "Associated Press",
            "Democratic Party",
            "Hangzhou University",
        ] {
            assert_eq!(find(&es, org).kind, EntityKind::Organization, "{org}");
        }
        assert_eq!(find(&es, "Aleppo").kind, EntityKind::Place);
    }

    #[test]
    fn entities_are_ordered_by_kind_then_first_mention() {
        let text = "In Paris, the United Nations and John Smith met Mary Jones.";
        let es = extract(&article(text));
        let kinds: Vec<EntityKind> = es.iter().map(|e| e.kind).collect();
        let mut sorted = kinds.clone();
        sorted.sort();
        assert_eq!(kinds, sorted);
        assert_eq!(es[0].name, "John Smith");
        assert_eq!(es[1].name, "Mary Jones");
    }

    #[test]
    fn ids_are_unique_slugs() {
        let text = "John Smith met John Smith's namesake, the bank Smith.";
        let es = extract(&article(text));
        let mut ids: Vec<&str> = es.iter().map(|e| e.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), es.len());
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "",
            " ",
            "'s",
            "A",
            "U.S.",
            "Mr.",
            "al-",
            "(",
            "É. Ü-",
            "X/Y - Pool/",
            "\u{b6}",
        ] {
            let _ = extract(&article(text));
        }
    }
}
