//! Word lists the quote finder reads: speech verbs, naming cues, function words, abbreviations.
//! All lists are lowercase and sorted so that lookups are binary searches without allocation.

/// Lowercases an ASCII-only word into `buf`; `None` for words too long or not ASCII (no list
/// below holds such words, so they can never match).
pub fn lower<'a>(word: &str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    std::str::from_utf8(buf.get(..bytes.len())?).ok()
}

fn contains(list: &[&str], word: &str) -> bool {
    let mut buf = [0u8; 32];
    // Curly apostrophes are normalised to straight ones by the caller's words only when ASCII.
    match lower(word, &mut buf) {
        Some(w) => list.binary_search(&w).is_ok(),
        None => false,
    }
}

/// Verbs that attribute words to a speaker, in the forms news writing uses.
pub fn is_speech_verb(word: &str) -> bool {
    contains(SPEECH_VERBS, word)
}

/// The narrower set that frames reported (indirect) speech without marks.
pub fn is_reporting_verb(word: &str) -> bool {
    contains(REPORTING_VERBS, word)
}

/// Words right before a quoted term that make it a name or title, not speech.
pub fn is_naming_cue(word: &str) -> bool {
    contains(NAMING_CUES, word)
}

/// Determiners and possessive pronouns: a quoted phrase right after one is a term.
pub fn is_determiner(word: &str) -> bool {
    contains(DETERMINERS, word)
}

/// Small words that do not carry content: prepositions, conjunctions, auxiliaries.
pub fn is_function_word(word: &str) -> bool {
    contains(FUNCTION_WORDS, word)
}

/// Words that end a speaker phrase when walking back from a speech verb.
pub fn is_clause_word(word: &str) -> bool {
    contains(CLAUSE_WORDS, word)
}

/// Adverbs and auxiliaries that may stand between a speaker and the verb ("Wilkins also said").
pub fn is_verb_filler(word: &str) -> bool {
    if contains(VERB_FILLERS, word) {
        return true;
    }
    // Lowercase -ly adverbs ("reportedly", "later" is listed above).
    word.len() > 4 && word.ends_with("ly") && word.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Personal pronouns that can stand for a speaker.
pub fn is_pronoun(word: &str) -> bool {
    contains(PRONOUNS, word)
}

/// Abbreviations that end with a period without ending a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    contains(ABBREVIATIONS, word)
}

/// Words after a leading apostrophe that make it an elision ('em, 'til, 'n'), not a quote.
pub fn is_elision(word: &str) -> bool {
    contains(ELISIONS, word)
}

/// Nouns that name a statement rather than a person ("a statement", "the report").
pub fn is_common_sentence_start(word: &str) -> bool {
    contains(SENTENCE_STARTS, word)
}

const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "acknowledges",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "announced",
    "announces",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asking",
    "asks",
    "asserted",
    "asserts",
    "called",
    "calling",
    "calls",
    "claimed",
    "claiming",
    "claims",
    "commented",
    "comments",
    "concluded",
    "concludes",
    "confirmed",
    "confirms",
    "continued",
    "continues",
    "declared",
    "declares",
    "denied",
    "denies",
    "described",
    "describes",
    "describing",
    "explained",
    "explaining",
    "explains",
    "insisted",
    "insisting",
    "insists",
    "maintained",
    "maintains",
    "noted",
    "notes",
    "noting",
    "observed",
    "observes",
    "posted",
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
    "said",
    "saying",
    "says",
    "shouted",
    "stated",
    "states",
    "stating",
    "suggested",
    "suggests",
    "telling",
    "tells",
    "testified",
    "told",
    "tweeted",
    "tweeting",
    "tweets",
    "urged",
    "urges",
    "urging",
    "warned",
    "warning",
    "warns",
    "writes",
    "writing",
    "wrote",
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
    "headline",
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

const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "ave", "blvd", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept",
    "det", "dr", "e.g", "feb", "fig", "ft", "gen", "gov", "hon", "i.e", "inc", "insp", "jan", "jr",
    "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct",
    "pres", "prof", "pvt", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vs",
];

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
            ABBREVIATIONS,
            ELISIONS,
            SENTENCE_STARTS,
        ] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, list);
        }
    }

    #[test]
    fn lookups_ignore_case() {
        assert!(is_speech_verb("Said"));
        assert!(is_naming_cue("so-called"));
        assert!(!is_speech_verb("Putin"));
        assert!(is_verb_filler("reportedly"));
        assert!(!is_verb_filler("Italy"));
    }
}
