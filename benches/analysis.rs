//! Speed of the analysis (entities + quotes) in words per second on one core: over all the shared
//! gold texts (skipped when `../shared` is absent) and over a generated corpus of wire-style
//! articles. Run: `cargo bench --bench analysis -- --warm-up-time 1 --measurement-time 3`.

use byline::Article;
use byline::analysis::analyze;
use byline::article::parse;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

/// The gold texts: the seed article and the `text` of every GUM news file.
fn gold_articles() -> Option<Vec<Article>> {
    // Where build.rs found the gold data (../shared/gold, or BYLINE_GOLD_DIR at build time).
    let dir = option_env!("BYLINE_GOLD_ROOT").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold"),
        std::path::PathBuf::from,
    );
    if !dir.is_dir() {
        println!("SKIPPED gold texts: {} is absent", dir.display());
        return None;
    }
    let mut texts = Vec::new();
    if let Ok(seed) = std::fs::read_to_string(dir.join("seed-article.txt")) {
        texts.push(seed);
    }
    let mut files: Vec<_> = std::fs::read_dir(dir.join("gum_news"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in files {
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).ok()?).ok()?;
        if let Some(t) = json["text"].as_str() {
            texts.push(t.to_string());
        }
    }
    Some(
        texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| parse(&format!("gold-{i}.txt"), t.as_bytes()).articles)
            .collect(),
    )
}

/// A tiny deterministic generator (xorshift) so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const FIRST: &[&str] = &[
    "Anna", "Mark", "Elena", "David", "Sofia", "Omar", "Li", "Carlos", "Maria", "Ivan", "Grace",
    "Peter", "Amina", "Hiro", "Lucas", "Nadia",
];
const LAST: &[&str] = &[
    "Berg",
    "Okafor",
    "Moreau",
    "Tanaka",
    "Silva",
    "Novak",
    "Haddad",
    "Kowalski",
    "Jensen",
    "Reyes",
    "Park",
    "Schmidt",
    "al-Rashid",
    "van Dijk",
    "Costa",
    "Ivanova",
];
const TITLES: &[&str] = &[
    "Prime Minister",
    "Foreign Minister",
    "President",
    "Senator",
    "spokeswoman",
    "Governor",
    "Defense Secretary",
    "central bank chief",
    "Mayor",
];
const PLACES: &[&str] = &[
    "Paris", "Nairobi", "Brazil", "Canada", "Tokyo", "Germany", "Lagos", "Chicago", "Peru",
    "Vietnam", "Madrid", "Egypt",
];
const ORGS: &[&str] = &[
    "the Ministry of Finance",
    "the Central Bank",
    "Reuters",
    "the United Nations",
    "the Labour Party",
    "Northfield University",
    "the Supreme Court",
    "Acme Corp",
];
const FILLER: &[&str] = &[
    "the talks",
    "on Monday",
    "after weeks of negotiation",
    "a new agreement",
    "the budget",
    "rising prices",
    "in a statement",
    "the proposal",
    "officials",
    "the vote",
    "later this week",
    "by a wide margin",
    "the plan",
    "critics",
    "the economy",
    "its neighbours",
];
const VERBS: &[&str] = &[
    "said",
    "met",
    "criticised",
    "welcomed",
    "rejected",
    "announced",
    "visited",
    "warned",
];

fn sentence(r: &mut Rng, out: &mut String) {
    let first = r.pick(FIRST);
    let last = r.pick(LAST);
    match r.next() % 5 {
        0 => out.push_str(&format!(
            "{} {} {first} {last} {} {} in {}, {}. ",
            r.pick(PLACES),
            r.pick(TITLES),
            r.pick(VERBS),
            r.pick(FILLER),
            r.pick(PLACES),
            r.pick(FILLER)
        )),
        1 => out.push_str(&format!(
            "\"We will not accept {} {},\" {last} said, adding that {} had {} {}. ",
            r.pick(FILLER),
            r.pick(FILLER),
            r.pick(ORGS),
            r.pick(VERBS),
            r.pick(FILLER)
        )),
        2 => out.push_str(&format!(
            "{first} {last}, a {} at {}, {} {} {} {}. ",
            r.pick(TITLES),
            r.pick(ORGS),
            r.pick(VERBS),
            r.pick(FILLER),
            r.pick(FILLER),
            r.pick(FILLER)
        )),
        3 => out.push_str(&format!(
            "Mr. {last}'s {} {} {} with {} and {}. ",
            r.pick(FILLER),
            r.pick(VERBS),
            r.pick(FILLER),
            r.pick(ORGS),
            r.pick(PLACES)
        )),
        _ => out.push_str(&format!(
            "According to {}, {} {} {} {} across {}. ",
            r.pick(ORGS),
            r.pick(FILLER),
            r.pick(VERBS),
            r.pick(FILLER),
            r.pick(FILLER),
            r.pick(PLACES)
        )),
    }
}

/// `n` generated wire-style articles of about 600 words each.
fn generated_articles(n: usize) -> Vec<Article> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .flat_map(|i| {
            let mut text = format!(
                "{} Talks in {} End Without Deal\n\n",
                r.pick(PLACES),
                r.pick(PLACES)
            );
            for _ in 0..8 {
                for _ in 0..5 {
                    sentence(&mut r, &mut text);
                }
                text.push_str("\n\n");
            }
            text.push_str("(AP Photo/Jane Doe)\n");
            parse(&format!("generated-{i}.txt"), text.as_bytes()).articles
        })
        .collect()
}

fn words(articles: &[Article]) -> u64 {
    articles.iter().map(|a| a.word_count() as u64).sum()
}

/// A plain timing to print one words/s figure next to criterion's report.
fn report(name: &str, articles: &[Article]) {
    let w = words(articles);
    let start = Instant::now();
    let mut rounds = 0u32;
    while start.elapsed().as_secs_f64() < 1.0 {
        for a in articles {
            black_box(analyze(black_box(a)));
        }
        rounds += 1;
    }
    let rate = w as f64 * f64::from(rounds) / start.elapsed().as_secs_f64();
    println!("{name}: {w} words, {rate:.0} words/s (one core)");
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis");
    if let Some(gold) = gold_articles() {
        report("gold texts", &gold);
        group.throughput(Throughput::Elements(words(&gold)));
        group.bench_function("gold texts", |b| {
            b.iter(|| {
                for a in &gold {
                    black_box(analyze(black_box(a)));
                }
            })
        });
    }
    let generated = generated_articles(200);
    report("generated corpus", &generated);
    group.throughput(Throughput::Elements(words(&generated)));
    group.bench_function("generated corpus", |b| {
        b.iter(|| {
            for a in &generated {
                black_box(analyze(black_box(a)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
