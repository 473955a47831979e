//! Synthetic news articles for benchmarks and the `gen_corpus` example: headlines, deks, captions
//! with photo credits, bylines, datelines, people with titles, organizations, places, direct quotes
//! (some running over several paragraphs), partial quotes and reported speech.
//!
//! Shared by `examples/gen_corpus.rs` and the benches through `#[path]`, so the library carries
//! no generator code. Deterministic: the same seed always gives the same corpus.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::Path;

/// A small, fast, deterministic PRNG (SplitMix64). Statistical quality is ample for picking words.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Ana",
    "Nikos",
    "Marta",
    "Rui",
    "Carla",
    "Kenji",
    "Amina",
    "Olumide",
    "Priya",
    "Tomás",
    "Ingrid",
    "Mateus",
    "Sofia",
    "Daniel",
    "Hannah",
    "Yusuf",
    "Leila",
    "Pierre",
    "Elena",
    "Jonas",
    "Maria",
    "David",
    "Chen",
    "Wei",
    "Fatima",
    "Omar",
    "Grace",
    "Samuel",
    "Aoife",
    "Liam",
    "Zoë",
    "José",
    "Björn",
    "Agnieszka",
    "Dmitri",
    "Noor",
    "Kwame",
    "Isabel",
    "Hiroshi",
    "Lucía",
];
const LAST: &[&str] = &[
    "Duarte",
    "Karalis",
    "Quental",
    "Pestana",
    "Mendes",
    "Watanabe",
    "Okafor",
    "Adeyemi",
    "Sharma",
    "Lindqvist",
    "Moreau",
    "Rossi",
    "Novak",
    "Kowalski",
    "Haddad",
    "Mensah",
    "García",
    "Müller",
    "O'Brien",
    "Nakamura",
    "Petrov",
    "Costa",
    "Fischer",
    "Bianchi",
    "Dubois",
    "Silva",
    "Schmidt",
    "Yilmaz",
    "Andersen",
    "Kariuki",
    "Tanaka",
    "Ferreira",
    "McAllister",
    "van der Berg",
    "Brontë",
];
const TITLES: &[&str] = &[
    "Foreign Minister",
    "Prime Minister",
    "President",
    "Finance Minister",
    "Mayor",
    "Governor",
    "Senator",
    "Health Secretary",
    "Chief Executive",
    "Police Chief",
    "Judge",
    "Professor",
    "Ambassador",
    "Deputy Mayor",
    "Defence Minister",
];
const ROLES: &[&str] = &[
    "a spokesperson for",
    "the chief executive of",
    "a senior economist at",
    "the head of",
    "a lawyer for",
    "the director of",
    "a researcher at",
];
const ORGS: &[&str] = &[
    "the European Commission",
    "the World Health Organization",
    "Atlântica Shipping",
    "the Meridian Bank",
    "the National Rail Union",
    "the Ministry of Finance",
    "Northgate Energy",
    "the Harbour Authority",
    "the United Nations",
    "the Central Statistics Office",
    "Helios Pharmaceuticals",
    "the Supreme Court",
    "the Red Cross",
    "Kestrel Airlines",
    "the Port Workers' Federation",
];
const PLACES: &[&str] = &[
    "Lisbon",
    "Athens",
    "Osaka",
    "Nairobi",
    "Lagos",
    "Toronto",
    "Oslo",
    "Warsaw",
    "Marseille",
    "Rotterdam",
    "Piraeus",
    "Mumbai",
    "São Paulo",
    "Seoul",
    "Brussels",
    "Geneva",
    "Istanbul",
    "Cape Town",
    "Melbourne",
    "Reykjavík",
];
const AGENCIES: &[&str] = &["Meridian Wire", "Reuters", "AP", "AFP", "Northern Press"];
const OUTLETS: &[&str] = &[
    "Meridian Wire",
    "The Harbour Times",
    "Daily Ledger",
    "Evening Courier",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const TOPICS: &[&str] = &[
    "the port agreement",
    "the budget",
    "the new rail timetable",
    "flood defences",
    "the vaccine programme",
    "the trade talks",
    "housing costs",
    "the water shortage",
    "the election",
    "the strike",
    "energy prices",
    "the bridge repairs",
];
const NOUNS: &[&str] = &[
    "officials",
    "residents",
    "workers",
    "investors",
    "families",
    "doctors",
    "drivers",
    "teachers",
    "farmers",
    "shop owners",
    "engineers",
    "voters",
    "negotiators",
    "analysts",
];
const VERBS: &[&str] = &[
    "warned",
    "argued",
    "expected",
    "feared",
    "hoped",
    "insisted",
    "noted",
    "suggested",
];
const CLAUSES: &[&str] = &[
    "the plan would take years to pay for itself",
    "costs had risen faster than anyone expected",
    "the talks could resume as early as next week",
    "nobody had been consulted before the decision",
    "the figures were better than they looked",
    "a deal was close but not yet certain",
    "the delays had cost millions in lost trade",
    "the schedule was simply not realistic",
    "local councils would need more money",
    "the changes would not affect existing contracts",
];
const FILLER: &[&str] = &[
    "The announcement came after weeks of negotiations that at times looked likely to collapse.",
    "Prices have risen steadily since the spring, and many households say they are struggling.",
    "The proposal still needs the approval of parliament, where the governing coalition holds a narrow majority.",
    "Critics said the measures did not go far enough, while business groups welcomed them.",
    "It was not immediately clear how the changes would be funded.",
    "Similar plans have been tried before, with mixed results.",
    "Traffic was diverted for most of the afternoon as crews worked to clear the road.",
    "The figures, published on the agency's website, cover the first nine months of the year.",
    "Several hundred people gathered outside the building, some carrying banners.",
    "Officials did not respond to requests for comment on Sunday.",
    "The company's shares fell 4% in early trading before recovering slightly.",
    "A review of the programme is due to be completed by the end of the year.",
];
const QUOTES: &[&str] = &[
    "We did not come here to leave with nothing.",
    "This is a practical answer to a practical problem.",
    "Every day a ship waits at anchor is a day somebody pays for.",
    "We are not against change. We are against decisions being made without us.",
    "Nobody should have to choose between heating and eating.",
    "The numbers speak for themselves, and they are not good.",
    "I've spent thirty years in this job and I've never seen anything like it.",
    "We'll keep talking for as long as it takes.",
    "It's a first step, not the last one.",
    "People want to know that someone is listening.",
    "Our members won't accept a deal that cuts jobs.",
    "There is no quick fix here.",
];
const PARTIALS: &[&str] = &[
    "a matter of basic fairness",
    "unacceptable",
    "the best deal on the table",
    "deeply worrying",
    "a turning point",
    "long overdue",
];
const HEADLINE_VERBS: &[&str] = &[
    "Agrees to",
    "Rejects",
    "Unveils",
    "Delays",
    "Defends",
    "Questions",
    "Backs",
];
const HEADLINE_OBJECTS: &[&str] = &[
    "Harbour Data Deal",
    "Flood Plan",
    "Budget Cuts",
    "Rail Timetable",
    "Energy Price Cap",
    "New Housing Rules",
    "Trade Pact",
    "Hospital Funding",
];
const CAPTIONS: &[&str] = &[
    "speaks to reporters outside the ministry",
    "arrives for talks",
    "attends a news conference",
    "visits the harbour",
    "addresses supporters",
];

/// One generated article.
#[derive(Clone, Debug)]
pub struct Generated {
    pub headline: String,
    pub dek: Option<String>,
    /// Caption text and its photo credit.
    pub caption: Option<(String, String)>,
    pub byline: Option<String>,
    pub date: String,
    pub outlet: String,
    pub paragraphs: Vec<String>,
}

impl Generated {
    /// The article as a plain-text file: headline, dek, caption + credit, byline, date, body.
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(self.paragraphs.iter().map(|p| p.len() + 2).sum());
        out.push_str(&self.headline);
        out.push_str("\n\n");
        if let Some(dek) = &self.dek {
            out.push_str(dek);
            out.push_str("\n\n");
        }
        if let Some((caption, credit)) = &self.caption {
            let _ = write!(out, "{caption} {credit}\n\n");
        }
        if let Some(by) = &self.byline {
            let _ = write!(out, "By {by}\n{}\n\n", self.date);
        }
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(p);
        }
        out.push('\n');
        out
    }

    /// The article as one JSON Lines record (the field names news APIs use).
    pub fn to_json(&self) -> String {
        let mut obj = serde_json::Map::new();
        obj.insert("title".into(), self.headline.clone().into());
        if let Some(dek) = &self.dek {
            obj.insert("description".into(), dek.clone().into());
        }
        if let Some(by) = &self.byline {
            obj.insert("author".into(), by.clone().into());
        }
        obj.insert("publishedAt".into(), self.date.clone().into());
        obj.insert("source".into(), self.outlet.clone().into());
        obj.insert("content".into(), self.paragraphs.join("\n\n").into());
        serde_json::Value::Object(obj).to_string()
    }

    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    }
}

/// A person of the story: name and title, and how often they have been named so far.
struct Person {
    first: &'static str,
    last: &'static str,
    title: &'static str,
    org: &'static str,
    named: bool,
}

impl Person {
    /// Full name with title on first mention, surname after.
    fn refer(&mut self) -> String {
        if self.named {
            self.last.to_string()
        } else {
            self.named = true;
            format!("{} {} {}", self.title, self.first, self.last)
        }
    }
}

/// A body length in words: most articles 150–1,200 words, some to 2,000, one in a hundred long.
pub fn body_words(rng: &mut Rng) -> usize {
    let r = rng.below(100);
    if r < 70 {
        rng.between(150, 700)
    } else if r < 95 {
        rng.between(700, 1_200)
    } else if r < 99 {
        rng.between(1_200, 2_000)
    } else {
        rng.between(2_000, 6_000)
    }
}

/// An article whose body has about `words` words.
pub fn article(rng: &mut Rng, words: usize) -> Generated {
    let cast = rng.between(2, 5);
    let mut people: Vec<Person> = (0..cast)
        .map(|_| Person {
            first: rng.word(FIRST),
            last: rng.word(LAST),
            title: rng.word(TITLES),
            org: rng.word(ORGS),
            named: false,
        })
        .collect();
    let place = rng.word(PLACES);
    let lead = &people[0];
    let verb = rng.pick(HEADLINE_VERBS);
    let object = rng.pick(HEADLINE_OBJECTS);
    let headline = if rng.chance(0.5) {
        format!(
            "{} {} {verb} {object} After Talks in {place}",
            lead.title, lead.last
        )
    } else {
        format!("{} {} {verb} {object}", lead.title, lead.last)
    };
    let dek = rng.chance(0.7).then(|| {
        format!(
            "{} says {} as {} weigh the cost",
            lead.last,
            rng.pick(CLAUSES),
            rng.pick(NOUNS)
        )
    });
    let caption = rng.chance(0.6).then(|| {
        let who = format!("{} {} {}", lead.title, lead.first, lead.last);
        let what = rng.pick(CAPTIONS);
        let photographer = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        let credit = match rng.below(4) {
            0 => format!("{photographer} - Pool/Getty Images"),
            1 => format!("(AP Photo/{photographer})"),
            2 => format!("{photographer}/AFP via Getty Images"),
            _ => format!("Reuters/{photographer}"),
        };
        (format!("{who} {what} in {place}."), credit)
    });
    let byline = rng
        .chance(0.85)
        .then(|| format!("{} {}", rng.pick(FIRST), rng.pick(LAST)));
    let date = format!(
        "{} {}, {}",
        rng.pick(MONTHS),
        rng.between(1, 28),
        rng.between(2019, 2026)
    );
    let outlet = rng.pick(OUTLETS).to_string();

    let mut paragraphs = Vec::new();
    let day = rng.word(DAYS);
    let topic = rng.word(TOPICS);
    let first = people[0].refer();
    let opener = format!("{} ({}) —", place.to_uppercase(), rng.pick(AGENCIES));
    let action = rng.pick(&[
        "announced a change to",
        "set out a plan for",
        "defended",
        "criticised",
    ]);
    let nouns = rng.pick(NOUNS);
    let judgement = rng.pick(&["delayed for months", "a long time coming", "badly handled"]);
    paragraphs.push(format!(
        "{opener} {first} on {day} {action} {topic}, which {nouns} in {place} said had been {judgement}."
    ));
    let mut count = paragraphs[0].split_whitespace().count();
    while count < words {
        let p = paragraph(rng, &mut people, place);
        count += p
            .iter()
            .map(|s| s.split_whitespace().count())
            .sum::<usize>();
        paragraphs.extend(p);
    }
    Generated {
        headline,
        dek,
        caption,
        byline,
        date,
        outlet,
        paragraphs,
    }
}

/// One or more paragraphs of body text (more than one for a quote that runs on).
fn paragraph(rng: &mut Rng, people: &mut [Person], place: &str) -> Vec<String> {
    let i = rng.below(people.len());
    let (open, close) = if rng.chance(0.7) {
        ('“', '”')
    } else {
        ('"', '"')
    };
    let quote = |rng: &mut Rng| {
        let n = rng.between(1, 3);
        (0..n)
            .map(|_| rng.word(QUOTES))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match rng.below(10) {
        // Direct quote, attribution after.
        0 | 1 => {
            let q = quote(rng);
            let q = q.trim_end_matches('.');
            let who = people[i].refer();
            let verb = rng.pick(&["said", "told reporters", "added", "said in a statement"]);
            vec![format!("{open}{q},{close} {who} {verb}.")]
        }
        // Direct quote, attribution first.
        2 => {
            let who = people[i].refer();
            let q = quote(rng);
            vec![format!("{who} told reporters in {place}: {open}{q}{close}")]
        }
        // A quote over several paragraphs: no closing mark until the last.
        3 => {
            let who = people[i].refer();
            let n = rng.between(2, 3);
            let mut out = vec![format!(
                "{who} said: {open}{} {}",
                quote(rng),
                rng.pick(FILLER)
            )];
            for k in 1..n {
                let end = if k + 1 == n {
                    close.to_string()
                } else {
                    String::new()
                };
                out.push(format!("{open}{} {}{end}", rng.pick(FILLER), quote(rng)));
            }
            out
        }
        // Reported speech.
        4 | 5 => {
            let who = people[i].refer();
            let org = people[i].org;
            match rng.below(3) {
                0 => vec![format!(
                    "{who} said that {}, adding that {}.",
                    rng.pick(CLAUSES),
                    rng.pick(CLAUSES)
                )],
                1 => vec![format!(
                    "According to {org}, {}. {}",
                    rng.pick(CLAUSES),
                    rng.pick(FILLER)
                )],
                _ => vec![format!(
                    "{} {}, {} {org}, {} that {}.",
                    rng.pick(FIRST),
                    rng.pick(LAST),
                    rng.pick(ROLES),
                    rng.pick(VERBS),
                    rng.pick(CLAUSES)
                )],
            }
        }
        // Partial quote inside the writer's sentence.
        6 => {
            let who = people[i].refer();
            vec![format!(
                "{who} called the decision {open}{}{close} and said {} would be watching closely. {}",
                rng.pick(PARTIALS),
                rng.pick(NOUNS),
                rng.pick(FILLER)
            )]
        }
        // Narrative with organizations and places.
        _ => {
            let n = rng.between(2, 4);
            let mut s = String::new();
            for k in 0..n {
                if k > 0 {
                    s.push(' ');
                }
                if rng.chance(0.4) {
                    let org = rng.pick(ORGS);
                    let mut chars = org.chars();
                    let org = match chars.next() {
                        Some(c) => c.to_uppercase().chain(chars).collect::<String>(),
                        None => String::new(),
                    };
                    let _ = write!(
                        s,
                        "{org} has offices in {} and {}, where {} {}.",
                        rng.pick(PLACES),
                        place,
                        rng.pick(NOUNS),
                        rng.pick(&["met on Friday", "are on strike", "have raised concerns"])
                    );
                } else {
                    s.push_str(rng.word(FILLER));
                }
            }
            vec![s]
        }
    }
}

/// The article numbered `index` of the corpus made from `seed`: the same pair always gives the
/// same article, so any one can be regenerated without the others.
pub fn nth(seed: u64, index: usize) -> Generated {
    let mut rng = Rng::new(seed.wrapping_mul(0x100_0000_01B3) ^ index as u64);
    let words = body_words(&mut rng);
    article(&mut rng, words)
}

/// Writes `n` plain-text articles (`article-00001.txt` …) into `dir`; returns the bytes written.
pub fn write_folder(dir: &Path, n: usize, seed: u64) -> io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0;
    for i in 0..n {
        let text = nth(seed, i).to_text();
        bytes += text.len() as u64;
        std::fs::write(dir.join(format!("article-{:05}.txt", i + 1)), text)?;
    }
    Ok(bytes)
}

/// Writes `n` articles as one JSON Lines file; returns the bytes written.
pub fn write_jsonl(path: &Path, n: usize, seed: u64) -> io::Result<u64> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut out = io::BufWriter::new(std::fs::File::create(path)?);
    let mut bytes = 0;
    for i in 0..n {
        let line = nth(seed, i).to_json();
        bytes += line.len() as u64 + 1;
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(bytes)
}

/// A generated folder of `n` articles under `target/bench-corpus`, written once and reused (a
/// marker file says it is complete).
pub fn cached_folder(n: usize, seed: u64) -> io::Result<std::path::PathBuf> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target
        .join("bench-corpus")
        .join(format!("articles-{n}-seed{seed}"));
    let marker = dir.join(".complete");
    if !marker.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        write_folder(&dir, n, seed)?;
        std::fs::write(&marker, b"")?;
    }
    Ok(dir)
}
