//! Entity accuracy against the gold data in `../shared/gold` (GUM news articles and the seed
//! article). Prints a per-type precision/recall/F1 table and the person-grouping link F1, and fails
//! when a figure falls under its floor. Skips, saying so, when `../shared` is absent.
//!
//! Scoring: exact span match per type after trimming a leading "the " and a trailing "'s" from both
//! sides. Gold offsets are character offsets and are turned into byte offsets first. GUM mentions
//! marked `title_only` ("the President") are left out; `group` mentions ("Muslims") are kept as
//! gold person mentions, as GUM types them. Grouping is scored as pairwise-link F1 over the person
//! mentions found with the exact gold span (so detection errors are not counted twice); the
//! stricter figure over all mentions is printed too.
//! Set `ACCURACY_VERBOSE=1` to print every false positive and false negative.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use byline::analysis::{Entity, EntityKind, entities};
use byline::article::parse;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

const PERSON_F1: f64 = 0.85;
const ORG_F1: f64 = 0.65;
const PLACE_F1: f64 = 0.75;
const LINK_F1: f64 = 0.90;

fn gold_dir() -> Option<PathBuf> {
    // Where build.rs found the gold data (../shared/gold or BYLINE_GOLD_DIR).
    let dir = Path::new(option_env!("BYLINE_GOLD_ROOT").unwrap_or("../shared/gold")).to_path_buf();
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "SKIPPED: {} is absent, so entity accuracy was not measured",
            dir.display()
        );
        None
    }
}

fn verbose() -> bool {
    std::env::var_os("ACCURACY_VERBOSE").is_some()
}

/// Character offset → byte offset.
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn kind_of(s: &str) -> Option<EntityKind> {
    match s {
        "person" => Some(EntityKind::Person),
        "organization" => Some(EntityKind::Organization),
        "place" => Some(EntityKind::Place),
        _ => None,
    }
}

/// The span after trimming a leading "the " and a trailing "'s".
fn trim(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let t = text.get(s..e).unwrap_or("");
    if t.len() > 4 && t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("the ")) {
        s += 4;
    }
    let t = text.get(s..e).unwrap_or("");
    if t.ends_with("'s") {
        e -= 2;
    } else if t.ends_with("’s") {
        e -= "’s".len();
    }
    (s, e)
}

type Mention = (EntityKind, usize, usize);
type Link = ((usize, usize), (usize, usize));

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Pairs of mentions (by span) that share a cluster.
fn links<K: Eq>(items: &[((usize, usize), K)]) -> HashSet<Link> {
    let mut out = HashSet::new();
    for (i, (a, ka)) in items.iter().enumerate() {
        for (b, kb) in items.iter().skip(i + 1) {
            if ka == kb && a != b {
                out.insert(if a < b { (*a, *b) } else { (*b, *a) });
            }
        }
    }
    out
}

fn predicted(text: &str, es: &[Entity]) -> Vec<(Mention, String)> {
    es.iter()
        .flat_map(|e| {
            e.mentions.iter().map(move |m| {
                let (s, t) = trim(text, m.start, m.end);
                ((e.kind, s, t), e.id.to_string())
            })
        })
        .collect()
}

#[test]
#[cfg_attr(
    not(byline_gold),
    ignore = "../shared/gold not found: accuracy not measured"
)]
fn gum_news_entity_accuracy() {
    let Some(dir) = gold_dir() else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("gum_news"))
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();
    assert!(!files.is_empty(), "no GUM files found");

    let mut counts: BTreeMap<EntityKind, Counts> = BTreeMap::new();
    let (mut link_tp, mut link_pred, mut link_gold) = (0usize, 0usize, 0usize);
    let (mut all_tp, mut all_pred, mut all_gold) = (0usize, 0usize, 0usize);
    for path in &files {
        let json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let text = json["text"].as_str().unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        // The gold text is plain text: name it so, or the parser would read it as JSON.
        let parsed = parse(&name.replace(".json", ".txt"), text.as_bytes());
        let article = &parsed.articles[0];
        assert_eq!(article.text, text, "{name}: the parser changed the text");
        let offs = byte_offsets(text);

        let mut gold: HashSet<Mention> = HashSet::new();
        let mut gold_people: Vec<((usize, usize), u64)> = Vec::new();
        for m in json["mentions"].as_array().unwrap() {
            if m["title_only"].as_bool() == Some(true) {
                continue;
            }
            let Some(kind) = kind_of(m["type"].as_str().unwrap_or("")) else {
                continue;
            };
            let s = offs[m["start"].as_u64().unwrap() as usize];
            let e = offs[m["end"].as_u64().unwrap() as usize];
            let (s, e) = trim(text, s, e);
            gold.insert((kind, s, e));
            if kind == EntityKind::Person {
                gold_people.push(((s, e), m["cluster"].as_u64().unwrap_or(u64::MAX)));
            }
        }
        // The rules alone: the shipped model was trained on these articles (its figures are
        // cross-validated in accuracy_cv.rs).
        let es = entities::extract_with(article, None, entities::Policy::default());
        let pred_list = predicted(text, &es);
        let pred: HashSet<Mention> = pred_list.iter().map(|(m, _)| *m).collect();
        for kind in [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
        ] {
            let c = counts.entry(kind).or_default();
            let g: HashSet<_> = gold.iter().filter(|m| m.0 == kind).collect();
            let p: HashSet<_> = pred.iter().filter(|m| m.0 == kind).collect();
            c.tp += g.intersection(&p).count();
            c.fp += p.difference(&g).count();
            c.fn_ += g.difference(&p).count();
            if verbose() {
                for m in p.difference(&g) {
                    println!("{name}\tFP\t{kind:?}\t{:?}", &text[m.1..m.2]);
                }
                for m in g.difference(&p) {
                    println!("{name}\tFN\t{kind:?}\t{:?}", &text[m.1..m.2]);
                }
            }
        }
        // Grouping of people.
        let pred_people: Vec<((usize, usize), String)> = pred_list
            .iter()
            .filter(|(m, _)| m.0 == EntityKind::Person)
            .map(|(m, id)| ((m.1, m.2), id.clone()))
            .collect();
        let gold_spans: HashSet<(usize, usize)> = gold_people.iter().map(|(s, _)| *s).collect();
        let pred_spans: HashSet<(usize, usize)> = pred_people.iter().map(|(s, _)| *s).collect();
        let gl = links(&gold_people);
        let pl = links(&pred_people);
        all_tp += gl.intersection(&pl).count();
        all_pred += pl.len();
        all_gold += gl.len();
        let both = |l: &Link| {
            let (a, b) = *l;
            gold_spans.contains(&a)
                && gold_spans.contains(&b)
                && pred_spans.contains(&a)
                && pred_spans.contains(&b)
        };
        let gl: HashSet<Link> = gl.into_iter().filter(both).collect();
        let pl: HashSet<Link> = pl.into_iter().filter(both).collect();
        link_tp += gl.intersection(&pl).count();
        link_pred += pl.len();
        link_gold += gl.len();
        if verbose() {
            for l in pl.difference(&gl) {
                println!(
                    "{name}\tLINK-FP\t{:?} ~ {:?}",
                    &text[l.0.0..l.0.1],
                    &text[l.1.0..l.1.1]
                );
            }
            for l in gl.difference(&pl) {
                println!(
                    "{name}\tLINK-FN\t{:?} ~ {:?}",
                    &text[l.0.0..l.0.1],
                    &text[l.1.0..l.1.1]
                );
            }
        }
    }

    println!(
        "\nEntity accuracy on {} GUM news articles (exact span, trimmed):",
        files.len()
    );
    println!("| type | gold | found | P | R | F1 | floor |");
    println!("|---|---|---|---|---|---|---|");
    let floors = HashMap::from([
        (EntityKind::Person, PERSON_F1),
        (EntityKind::Organization, ORG_F1),
        (EntityKind::Place, PLACE_F1),
    ]);
    let mut failures = Vec::new();
    for (kind, c) in &counts {
        let (p, r, f) = c.prf();
        println!(
            "| {:?} | {} | {} | {:.3} | {:.3} | {:.3} | {:.2} |",
            kind,
            c.tp + c.fn_,
            c.tp + c.fp,
            p,
            r,
            f,
            floors[kind]
        );
        if f < floors[kind] {
            failures.push(format!("{kind:?} F1 {f:.3} < {:.2}", floors[kind]));
        }
    }
    let link = Counts {
        tp: link_tp,
        fp: link_pred - link_tp,
        fn_: link_gold - link_tp,
    };
    let (lp, lr, lf) = link.prf();
    println!(
        "| person links (mentions found in both) | {link_gold} | {link_pred} | {lp:.3} | {lr:.3} | {lf:.3} | {LINK_F1:.2} |"
    );
    let strict = Counts {
        tp: all_tp,
        fp: all_pred - all_tp,
        fn_: all_gold - all_tp,
    };
    let (sp, sr, sf) = strict.prf();
    println!(
        "| person links (all mentions) | {all_gold} | {all_pred} | {sp:.3} | {sr:.3} | {sf:.3} | — |"
    );
    if lf < LINK_F1 {
        failures.push(format!("person link F1 {lf:.3} < {LINK_F1:.2}"));
    }
    assert!(
        failures.is_empty(),
        "under the floor: {}",
        failures.join("; ")
    );
}

/// Normalises a role for comparison: lower case, without a parenthesised gloss, white space
/// folded. The gold's "Russian counterpart (foreign minister)" is the article's words
/// "Russian counterpart" plus an annotator's gloss, so the gloss is dropped.
fn role_key(s: &str) -> String {
    let base = s.split('(').next().unwrap_or(s);
    base.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[test]
#[cfg_attr(
    not(byline_gold),
    ignore = "../shared/gold not found: accuracy not measured"
)]
fn seed_article_entities_roles_and_groups() {
    let Some(dir) = gold_dir() else { return };
    let text = std::fs::read_to_string(dir.join("seed-article.txt")).unwrap();
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("seed-article.gold.json")).unwrap())
            .unwrap();
    let parsed = parse("seed-article.txt", text.as_bytes());
    let article = &parsed.articles[0];
    assert_eq!(article.text, text);
    let offs = byte_offsets(&text);
    let es = entities::extract(article);
    let owner: HashMap<(usize, usize), &Entity> = es
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| ((m.start, m.end), e)))
        .collect();

    let mut problems = Vec::new();
    let mut groups: HashMap<String, HashSet<String>> = HashMap::new();
    let mut found = 0;
    let mentions = gold["mentions"].as_array().unwrap();
    for m in mentions {
        let s = offs[m["start"].as_u64().unwrap() as usize];
        let e = offs[m["end"].as_u64().unwrap() as usize];
        let kind = kind_of(m["type"].as_str().unwrap()).unwrap();
        let entity = m["entity"].as_str().unwrap().to_string();
        match owner.get(&(s, e)) {
            Some(p) if p.kind == kind => {
                found += 1;
                groups.entry(entity).or_default().insert(p.id.to_string());
            }
            Some(p) => problems.push(format!(
                "{:?} at {s}: {:?} not {kind:?}",
                &text[s..e],
                p.kind
            )),
            None => problems.push(format!("{:?} at {s}: not found", &text[s..e])),
        }
    }
    // One predicted entity per gold entity, and no predicted entity shared by two.
    let mut claimed: HashMap<String, String> = HashMap::new();
    for (entity, ids) in &groups {
        if ids.len() > 1 {
            problems.push(format!("{entity} split into {ids:?}"));
        }
        for id in ids {
            if let Some(other) = claimed.insert(id.clone(), entity.clone()) {
                problems.push(format!("{entity} and {other} merged as {id}"));
            }
        }
    }
    let mut roles_right = 0;
    let roles = gold["people_roles"].as_object().unwrap();
    for (name, role) in roles {
        let role = role.as_str().unwrap();
        match es.iter().find(|e| *e.name == **name) {
            Some(e) if e.role.as_deref().map(role_key) == Some(role_key(role)) => roles_right += 1,
            Some(e) => problems.push(format!("{name}: role {:?}, gold {role:?}", e.role)),
            None => problems.push(format!("{name}: no person of that name")),
        }
    }
    println!(
        "\nSeed article: {found}/{} gold mentions found with exact span and type; {} gold \
         entities; roles right {roles_right}/{}",
        mentions.len(),
        groups.len(),
        roles.len()
    );
    for p in &problems {
        println!("  {p}");
    }
    assert!(
        problems.is_empty(),
        "{} problems on the seed article",
        problems.len()
    );
}
