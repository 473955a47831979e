//! Word lists the quote finder reads: speech verbs, naming cues, function words, abbreviations.
//! All lists are lowercase and sorted; they are merged into one table so that a word's flags
//! come from one binary search, without allocation.

use crate::analysis::lexicon::ABBREVIATIONS;

/// What a word is to the quote finder, as bits: one lookup per word gives all of them.
pub mod flag {
    pub const SPEECH: u16 = 1;
    pub const REPORTING: u16 = 1 << 1;
    pub const NAMING: u16 = 1 << 2;
    pub const DETERMINER: u16 = 1 << 3;
    pub const FUNCTION: u16 = 1 << 4;
    pub const CLAUSE: u16 = 1 << 5;
    pub const FILLER: u16 = 1 << 6;
    pub const PRONOUN: u16 = 1 << 7;
    pub const ABBREVIATION: u16 = 1 << 8;
    pub const ELISION: u16 = 1 << 9;
    pub const SENTENCE_START: u16 = 1 << 10;
    /// he/him/his/she/her/hers, in any case: the pronouns that tell a person's gender.
    pub const GENDERED: u16 = 1 << 11;
}

/// Every list merged into one open-addressing hash table. Words are keyed by their lowercase
/// bytes packed into a `u128`, so a lookup is one multiply and a compare or two.
struct Table {
    /// Keys and flags apart, so that the probed keys stay in the first-level cache.
    keys: Vec<u128>,
    flags: Vec<u16>,
}

/// The longest word any list holds, in bytes.
const MAX_LEN: usize = 16;
/// Table size: a power of two, about twice the number of words.
const SLOTS_LOG2: u32 = 10;

/// Packs a word's bytes into a key, lowercased by setting the 0x20 bit of each byte (which
/// lowercases ASCII letters and leaves the digits, `-`, `.` and `'` of the listed words as they
/// are); `None` when the word cannot be in the lists.
fn key(word: &[u8]) -> Option<u128> {
    let len = word.len();
    if len == 0 || len > MAX_LEN {
        return None;
    }
    // Byte by byte (words are short): no buffer copy, and the ASCII check on the way.
    let mut k: u128 = 0;
    for &b in word {
        if !b.is_ascii() {
            return None;
        }
        k = (k << 8) | u128::from(b | 0x20);
    }
    Some(k << (8 * (MAX_LEN - len)))
}

fn slot(k: u128) -> usize {
    let folded = (k as u64) ^ ((k >> 64) as u64).rotate_left(17);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS_LOG2)) as usize
}

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let lists: [(&[&'static str], u16); 12] = [
            (SPEECH_VERBS, flag::SPEECH),
            (REPORTING_VERBS, flag::REPORTING),
            (NAMING_CUES, flag::NAMING),
            (DETERMINERS, flag::DETERMINER),
            (FUNCTION_WORDS, flag::FUNCTION),
            (CLAUSE_WORDS, flag::CLAUSE),
            (VERB_FILLERS, flag::FILLER),
            (PRONOUNS, flag::PRONOUN),
            (ABBREVIATIONS, flag::ABBREVIATION),
            (ELISIONS, flag::ELISION),
            (SENTENCE_STARTS, flag::SENTENCE_START),
            (GENDERED, flag::GENDERED),
        ];
        let mask = (1usize << SLOTS_LOG2) - 1;
        let mut keys = vec![0u128; 1 << SLOTS_LOG2];
        let mut flags = vec![0u16; 1 << SLOTS_LOG2];
        for (list, bit) in lists {
            for k in list.iter().filter_map(|w| key(w.as_bytes())) {
                let mut i = slot(k);
                while keys.get(i).is_some_and(|&x| x != 0 && x != k) {
                    i = (i + 1) & mask;
                }
                if let (Some(key), Some(f)) = (keys.get_mut(i), flags.get_mut(i)) {
                    *key = k;
                    *f |= bit;
                }
            }
        }
        Table { keys, flags }
    })
}

/// All flags of a word, ignoring case. Lowercase words ending in -ly count as adverbs.
pub fn flags_of(word: &str) -> u16 {
    let bytes = word.as_bytes();
    let mut flags = 0;
    if bytes.len() > 4 && word.ends_with("ly") && bytes[0].is_ascii_lowercase() {
        flags |= flag::FILLER;
    }
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return flags;
    }
    let Some(k) = key(bytes) else {
        return flags;
    };
    let t = table();
    let mask = t.keys.len() - 1;
    let mut i = slot(k);
    // An empty slot ends the probe; the table is half full, so probes are short.
    while let Some(&x) = t.keys.get(i) {
        if x == k {
            return flags | t.flags.get(i).copied().unwrap_or(0);
        }
        if x == 0 {
            break;
        }
        i = (i + 1) & mask;
    }
    flags
}

fn has(word: &str, bit: u16) -> bool {
    flags_of(word) & bit != 0
}

/// Words right before a quoted term that make it a name or title, not speech.
pub fn is_naming_cue(word: &str) -> bool {
    has(word, flag::NAMING)
}

/// Nouns that name a work or a campaign: a capitalised quotation right after one is its title.
pub fn is_title_noun(word: &str) -> bool {
    let mut buf = [0u8; 16];
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).is_ok_and(|w| TITLE_NOUNS.binary_search(&w).is_ok())
}

/// Determiners and possessive pronouns: a quoted phrase right after one is a term.
pub fn is_determiner(word: &str) -> bool {
    has(word, flag::DETERMINER)
}

/// Small words that do not carry content: prepositions, conjunctions, auxiliaries.
pub fn is_function_word(word: &str) -> bool {
    has(word, flag::FUNCTION)
}

/// Words that end a speaker phrase when walking back from a speech verb.
pub fn is_clause_word(word: &str) -> bool {
    has(word, flag::CLAUSE)
}

/// Adverbs and auxiliaries that may stand between a speaker and the verb ("Wilkins also said").
pub fn is_verb_filler(word: &str) -> bool {
    has(word, flag::FILLER)
}

/// Personal pronouns that can stand for a speaker.
pub fn is_pronoun(word: &str) -> bool {
    has(word, flag::PRONOUN)
}

/// Words after a leading apostrophe that make it an elision ('em, 'til, 'n'), not a quote.
pub fn is_elision(word: &str) -> bool {
    has(word, flag::ELISION)
}

/// Words that commonly open a sentence without naming anyone ("The", "After", "However").
pub fn is_common_sentence_start(word: &str) -> bool {
    has(word, flag::SENTENCE_START)
}

const SPEECH_VERBS: &[&str] = &[
    "accused",
    "accuses",
    "accusing",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "admitting",
    "agreed",
    "alleged",
    "alleges",
    "announced",
    "announces",
    "announcing",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asking",
    "asks",
    "asserted",
    "asserting",
    "asserts",
    "begged",
    "blasted",
    "boasted",
    "branded",
    "brands",
    "called",
    "calling",
    "calls",
    "cautioned",
    "chanted",
    "claimed",
    "claiming",
    "claims",
    "commented",
    "comments",
    "complained",
    "complains",
    "conceded",
    "concedes",
    "concluded",
    "concludes",
    "condemned",
    "condemns",
    "confirmed",
    "confirms",
    "continued",
    "continues",
    "countered",
    "cried",
    "criticised",
    "criticized",
    "declared",
    "declares",
    "declaring",
    "demanded",
    "demands",
    "denied",
    "denies",
    "described",
    "describes",
    "describing",
    "dismissed",
    "dubbed",
    "emailed",
    "emphasised",
    "emphasized",
    "exclaimed",
    "exclaims",
    "explained",
    "explaining",
    "explains",
    "gasped",
    "hinted",
    "insisted",
    "insisting",
    "insists",
    "joked",
    "jokes",
    "labeled",
    "labelled",
    "lamented",
    "laments",
    "maintained",
    "maintains",
    "mentioned",
    "mentions",
    "messaged",
    "murmured",
    "mused",
    "muttered",
    "noted",
    "notes",
    "noting",
    "observed",
    "observes",
    "pleaded",
    "pledged",
    "pledges",
    "posted",
    "praised",
    "praises",
    "predicted",
    "predicts",
    "questioned",
    "quipped",
    "reads",
    "reasoned",
    "recalled",
    "recalls",
    "recommended",
    "recommending",
    "recommends",
    "remarked",
    "replied",
    "replies",
    "reported",
    "reporting",
    "reports",
    "responded",
    "retorted",
    "said",
    "say",
    "saying",
    "says",
    "screamed",
    "shouted",
    "sighed",
    "slammed",
    "stated",
    "states",
    "stating",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "tell",
    "telling",
    "tells",
    "testified",
    "texted",
    "thinking",
    "threatened",
    "threatens",
    "told",
    "tweeted",
    "tweeting",
    "tweets",
    "urged",
    "urges",
    "urging",
    "vowed",
    "vows",
    "warned",
    "warning",
    "warns",
    "whispered",
    "wondered",
    "write",
    "writes",
    "writing",
    "wrote",
    "yelled",
];

const REPORTING_VERBS: &[&str] = &[
    "added",
    "adds",
    "admits",
    "admitted",
    "announced",
    "announces",
    "argued",
    "argues",
    "asserted",
    "asserts",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "declared",
    "declares",
    "explained",
    "explains",
    "insisted",
    "insists",
    "noted",
    "notes",
    "reported",
    "reports",
    "said",
    "says",
    "stated",
    "states",
    "tell",
    "tells",
    "told",
    "warned",
    "warns",
    "writes",
    "wrote",
];

const NAMING_CUES: &[&str] = &[
    "billed",
    "branded",
    "called",
    "christened",
    "dubbed",
    "entitled",
    "hashtag",
    "hashtags",
    "headline",
    "initials",
    "know",
    "known",
    "labeled",
    "labelled",
    "motto",
    "name",
    "named",
    "nicknamed",
    "phrase",
    "slogan",
    "so-called",
    "term",
    "termed",
    "titled",
    "word",
];

/// Nouns that introduce a title ("the film "Casablanca"") when the quoted words look like one.
const TITLE_NOUNS: &[&str] = &[
    "album",
    "book",
    "campaign",
    "documentary",
    "exhibit",
    "exhibition",
    "film",
    "movie",
    "musical",
    "nickname",
    "novel",
    "opera",
    "operation",
    "painting",
    "poem",
    "programme",
    "series",
    "song",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "any", "her", "his", "its", "my", "our", "some", "that", "the", "their", "these",
    "this", "those", "your",
];

const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "against", "also", "an", "and", "are", "as", "at", "be", "because",
    "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from",
    "had", "has", "have", "if", "in", "into", "is", "it", "may", "might", "must", "nor", "not",
    "of", "on", "or", "over", "should", "since", "so", "than", "that", "the", "then", "this", "to",
    "under", "until", "was", "were", "when", "where", "whether", "which", "while", "who", "will",
    "with", "would", "yet",
];

const CLAUSE_WORDS: &[&str] = &[
    "after",
    "although",
    "and",
    "as",
    "because",
    "before",
    "but",
    "if",
    "meanwhile",
    "nor",
    "once",
    "or",
    "since",
    "so",
    "than",
    "that",
    "then",
    "though",
    "unless",
    "until",
    "when",
    "where",
    "whereas",
    "which",
    "while",
    "whilst",
    "who",
    "whom",
    "with",
    "yet",
];

const VERB_FILLERS: &[&str] = &[
    "again",
    "already",
    "also",
    "always",
    "are",
    "did",
    "does",
    "earlier",
    "even",
    "further",
    "had",
    "has",
    "have",
    "is",
    "just",
    "later",
    "may",
    "might",
    "never",
    "often",
    "once",
    "previously",
    "still",
    "then",
    "today",
    "was",
    "were",
    "will",
    "would",
    "yesterday",
];

const PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we"];

const GENDERED: &[&str] = &["he", "her", "hers", "him", "his", "she"];

const ELISIONS: &[&str] = &[
    "bout", "cause", "cos", "em", "n", "round", "til", "tis", "twas",
];

const SENTENCE_STARTS: &[&str] = &[
    "a",
    "after",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "because",
    "before",
    "but",
    "by",
    "despite",
    "during",
    "for",
    "from",
    "he",
    "her",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "my",
    "no",
    "not",
    "now",
    "on",
    "once",
    "our",
    "she",
    "since",
    "so",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "to",
    "today",
    "under",
    "until",
    "we",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yes",
    "yesterday",
    "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [
            SPEECH_VERBS,
            REPORTING_VERBS,
            NAMING_CUES,
            DETERMINERS,
            FUNCTION_WORDS,
            CLAUSE_WORDS,
            VERB_FILLERS,
            PRONOUNS,
            GENDERED,
            ABBREVIATIONS,
            ELISIONS,
            SENTENCE_STARTS,
            TITLE_NOUNS,
        ] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, list);
        }
    }

    #[test]
    fn every_listed_word_is_found() {
        assert!(SPEECH_VERBS.iter().all(|w| flags_of(w) & flag::SPEECH != 0));
        assert!(
            REPORTING_VERBS
                .iter()
                .all(|w| flags_of(w) & flag::REPORTING != 0)
        );
        assert!(
            ABBREVIATIONS
                .iter()
                .all(|w| flags_of(w) & flag::ABBREVIATION != 0)
        );
        assert!(SENTENCE_STARTS.iter().all(|w| is_common_sentence_start(w)));
        assert_eq!(flags_of("Zebra"), 0);
        assert_eq!(flags_of("Ωmega"), 0);
        assert_eq!(flags_of("'tis"), 0);
    }

    #[test]
    fn lookups_ignore_case() {
        assert!(flags_of("Said") & flag::SPEECH != 0);
        assert!(is_naming_cue("so-called"));
        assert_eq!(flags_of("Putin"), 0);
        assert!(is_verb_filler("reportedly"));
        assert!(!is_verb_filler("Italy"));
    }
}
