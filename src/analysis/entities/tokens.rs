//! One pass over a block's bytes into word and punctuation tokens, with the facts the name finder
//! needs (capitalised? all caps? sentence start? possessive?). No allocation per token beyond the
//! output vector.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// The possessive clitic `'s` / `’s` (or a bare `'` after a plural in s).
    Possessive,
    /// Any other non-space character, one per token.
    Punct(char),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// First letter upper case (or a name particle like "al-" before an upper-case letter).
    pub cap: bool,
    /// Two or more letters, all upper case ("NATO", "U.S.").
    pub upper: bool,
    pub digit: bool,
    /// First token of a sentence (or of the block, or right after an opening quote).
    pub sent: bool,
    /// A line break lies between this token and the previous one.
    pub newline_before: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

use crate::analysis::lexicon::DOTTED;
use crate::analysis::text::{LexKind, Lexeme, WordRules};

/// Lower-case words after a hyphen that end a name rather than continue it ("Saudi-led").
const HYPHEN_TAILS: &[&str] = &[
    "based",
    "led",
    "backed",
    "born",
    "owned",
    "listed",
    "run",
    "style",
    "era",
    "funded",
    "controlled",
    "allied",
    "linked",
    "made",
    "bound",
    "related",
    "affiliated",
    "held",
    "friendly",
    "leaning",
    "aligned",
    "centric",
    "focused",
    "sponsored",
    "supported",
    "inspired",
    "like",
    "type",
    "class",
    "area",
    "wide",
    "specific",
    "only",
    "level",
    "language",
    "speaking",
    "american",
];

/// Short lower-case prefixes of Arabic and other names written with a hyphen ("al-Assad").
const NAME_PREFIXES: &[&str] = &[
    "al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "bin", "ibn", "abu", "abd", "bint",
    "ben", "d", "o", "de", "di", "da", "du", "van", "von", "le", "la", "mc", "mac",
];

/// Elided particles written with an apostrophe before a name ("d'Herbinville", "l'Aquila").
const ELIDED_PREFIXES: &[&str] = &["d", "l", "dell", "dall", "degl", "sant"];

fn is_quote_open(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«' | '(' | '[')
}

/// The entity finder's word rules: a word starts at a letter or digit and keeps initials'
/// and dotted abbreviations' dots, hyphens but before a name-ending tail, and inner apostrophes;
/// a possessive is a clitic of its own (see `analysis::text` for the whole contract).
pub(crate) struct NameWords;

impl WordRules for NameWords {
    #[inline(always)]
    fn starts_word(c: char) -> bool {
        c.is_alphanumeric()
    }
    #[inline(always)]
    fn ends_word(b: u8) -> bool {
        b.is_ascii()
            && !b.is_ascii_alphanumeric()
            && !matches!(b, b'.' | b'-' | b'\'' | b',' | b'&')
    }
    #[inline(always)]
    fn scan_word(s: &str, start: usize, from: usize) -> (usize, Option<usize>) {
        scan_word(s, start, from)
    }
}

/// Tokenizes `text[start..end]`. Offsets in the tokens are into `text`.
#[cfg(test)]
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let Some(block) = text.get(start..end) else {
        return;
    };
    let mut names = Names::new(block, start, out);
    crate::analysis::text::lex::<NameWords>(block, |l| names.push(l));
}

/// Makes the entity finder's tokens of one block from the tokeniser's lexemes of it (read with
/// [`NameWords`]): sets their flags and keeps the sentence state between them.
pub(crate) struct Names<'a> {
    block: &'a str,
    /// Where the block starts in the text.
    base: usize,
    sent: bool,
    /// Whether the open square bracket came at a sentence's start: after "… manuscripts. [22]"
    /// the next word still opens a sentence.
    bracket_sent: bool,
    out: &'a mut Vec<Token>,
}

impl<'a> Names<'a> {
    /// The tokens of `block`, which starts at byte `base` of the text, go to `out`.
    pub fn new(block: &'a str, base: usize, out: &'a mut Vec<Token>) -> Self {
        Names {
            block,
            base,
            sent: true,
            bracket_sent: false,
            out,
        }
    }

    /// The token(s) of the next lexeme of the block.
    #[inline(always)]
    pub fn push(&mut self, l: Lexeme) {
        let start = self.base;
        match l.kind {
            LexKind::Word(clitic) => {
                let word = self.block.get(l.start..l.end).unwrap_or("");
                let (cap, upper, digit) = if l.plain {
                    plain_facts(word.as_bytes())
                } else {
                    facts(word)
                };
                self.out.push(Token {
                    start: start + l.start,
                    end: start + l.end,
                    kind: Kind::Word,
                    cap,
                    upper,
                    digit,
                    sent: self.sent,
                    newline_before: l.newline_before,
                });
                self.sent = false;
                if let Some(poss_end) = clitic {
                    self.out.push(Token {
                        start: start + l.end,
                        end: start + poss_end,
                        kind: Kind::Possessive,
                        cap: false,
                        upper: false,
                        digit: false,
                        sent: false,
                        newline_before: false,
                    });
                }
            }
            // A long run of marks or of one punctuation character is one token (as in `quotes`).
            LexKind::Punct(c) | LexKind::Run(c) => {
                self.out.push(Token {
                    start: start + l.start,
                    end: start + l.end,
                    kind: Kind::Punct(c),
                    cap: false,
                    upper: false,
                    digit: false,
                    sent: false,
                    newline_before: l.newline_before,
                });
                if c == '[' {
                    self.bracket_sent = self.sent;
                }
                match c {
                    '.' | '!' | '?' | ':' | ';' | '…' => self.sent = true,
                    ']' => self.sent = std::mem::take(&mut self.bracket_sent),
                    _ if is_quote_open(c)
                        && (self.sent || prev_is_space(self.block.as_bytes(), l.start)) =>
                    {
                        self.sent = true
                    }
                    '"' | '”' | '’' | ')' | '\'' => {}
                    _ => self.sent = false,
                }
            }
        }
    }
}

/// Capitalised, all capitals (two letters or more) and with a digit, of a word of ASCII
/// letters and digits only: a letter is `0x41..` and a lower-case one `0x61..`, a digit
/// `..0x3a`, so the word's least and greatest bytes and its count of letters tell, without a
/// branch.
#[inline(always)]
fn plain_facts(word: &[u8]) -> (bool, bool, bool) {
    let (mut letters, mut least, mut most) = (0usize, u8::MAX, 0u8);
    for &b in word {
        letters += usize::from(b > b'9');
        least = least.min(b);
        most = most.max(b);
    }
    let cap = word.first().is_some_and(u8::is_ascii_uppercase);
    (cap, letters >= 2 && most < b'a', least <= b'9')
}

/// Two letters or more, all capitals ("MARSH"): what [`Token::upper`] says of a token, for a
/// word held apart from its token.
pub fn in_capitals(word: &str) -> bool {
    facts(word).1
}

/// Capitalised (or a name particle like "al-" before a capital), all capitals (two letters or
/// more) and with a digit, of any word.
fn facts(word: &str) -> (bool, bool, bool) {
    let first = word.chars().next().unwrap_or(' ');
    // `joined`: a hyphen or an apostrophe inside, as a prefixed name has ("al-Assad", "d'Ettorre").
    let (mut letters, mut lower, mut digit, mut joined) = (0usize, false, false, false);
    if word.is_ascii() {
        for b in word.bytes() {
            letters += usize::from(b.is_ascii_alphabetic());
            lower |= b.is_ascii_lowercase();
            digit |= b.is_ascii_digit();
            joined |= b == b'-' || b == b'\'';
        }
    } else {
        for c in word.chars() {
            letters += usize::from(c.is_alphabetic());
            lower |= c.is_lowercase();
            digit |= c.is_ascii_digit();
            joined |= matches!(c, '-' | '\'' | '’');
        }
    }
    let upper = letters >= 2 && !lower;
    let cap = first.is_uppercase() || (joined && prefixed_name(word));
    (cap, upper, digit)
}

fn prev_is_space(bytes: &[u8], i: usize) -> bool {
    i == 0 || bytes.get(i - 1).is_some_and(|b| b.is_ascii_whitespace())
}

#[inline(always)]
fn char_at(s: &str, i: usize) -> char {
    match s.as_bytes().get(i) {
        // An ASCII byte is always a whole character (and a char boundary).
        Some(&b) if b.is_ascii() => char::from(b),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()).unwrap_or(' '),
        None => ' ',
    }
}

/// "al-Assad", "bin-Laden": a short lower-case particle, a hyphen, an upper-case letter. Or
/// "d'Ettorre", "dell'Acqua": an elided particle, an apostrophe, an upper-case letter.
fn prefixed_name(word: &str) -> bool {
    if let Some((head, tail)) = word.split_once('-') {
        return NAME_PREFIXES.contains(&head)
            && tail.chars().next().is_some_and(char::is_uppercase);
    }
    let Some((head, tail)) = word.split_once(['\'', '’']) else {
        return false;
    };
    ELIDED_PREFIXES.contains(&head) && tail.chars().next().is_some_and(char::is_uppercase)
}

/// Scans one word starting at `i`, known to be in it up to `from`; returns its end and, when a
/// possessive clitic follows, the end of the clitic.
#[inline(always)]
fn scan_word(s: &str, i: usize, from: usize) -> (usize, Option<usize>) {
    let bytes = s.as_bytes();
    let mut j = from.max(i);
    loop {
        // Letters and digits: ASCII first, byte by byte, then any other.
        while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            j += 1;
        }
        while j < bytes.len() {
            let c = char_at(s, j);
            if c.is_alphanumeric() || c == '\u{301}' || c == '\u{308}' {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let c = char_at(s, j);
        // Most words end at a space or a punctuation mark that never joins anything.
        if !matches!(
            c,
            '.' | '-' | '\u{2010}' | '\u{2011}' | '\'' | '’' | ',' | '&'
        ) {
            return (j, None);
        }
        let word = s.get(i..j).unwrap_or("");
        let after = s.get(j + c.len_utf8()..).and_then(|r| r.chars().next());
        match c {
            '.' => {
                // Initials and dotted abbreviations keep their dot: "U.S.", "L.", "Mr.".
                let seg_start = word.rfind('.').map_or(0, |p| p + 1);
                let seg = word.get(seg_start..).unwrap_or("");
                let single_letter = seg.chars().count() == 1
                    && seg.chars().all(|c| c.is_alphabetic())
                    && (seg.chars().all(char::is_uppercase) || word.contains('.'));
                if single_letter || (seg_start == 0 && DOTTED.contains(&word)) {
                    j += 1;
                    // Go on into the next letter of a dotted abbreviation ("U.S.A.").
                    let more = s.get(j..).is_some_and(|r| {
                        let mut cs = r.chars();
                        matches!((cs.next(), cs.next()), (Some(a), Some('.')) if a.is_alphabetic())
                    });
                    if single_letter && more {
                        continue;
                    }
                    // A dotted abbreviation written without its last dot ("the U.S government"):
                    // its last capital letter is part of it.
                    let last = s.get(j..).is_some_and(|r| {
                        let mut cs = r.chars();
                        matches!((cs.next(), cs.next()),
                            (Some(a), b) if a.is_ascii_uppercase()
                                && !b.is_some_and(|b| b.is_alphanumeric() || b == '.'))
                    });
                    if single_letter && last {
                        j += 1;
                    }
                }
                return (j, None);
            }
            '-' | '\u{2010}' | '\u{2011}' => {
                if after.is_some_and(char::is_alphanumeric) {
                    let rest = s.get(j + c.len_utf8()..).unwrap_or("");
                    let tail_len = rest
                        .find(|c: char| !c.is_alphanumeric())
                        .unwrap_or(rest.len());
                    let tail = rest.get(..tail_len).unwrap_or("");
                    let head_cap = word.chars().next().is_some_and(char::is_uppercase);
                    if head_cap && HYPHEN_TAILS.contains(&tail) {
                        return (j, None);
                    }
                    j += c.len_utf8();
                    continue;
                }
                return (j, None);
            }
            '\'' | '’' => {
                let rest = s.get(j + c.len_utf8()..).unwrap_or("");
                let mut cs = rest.chars();
                match (cs.next(), cs.next()) {
                    (Some('s' | 'S'), next) if !next.is_some_and(char::is_alphanumeric) => {
                        return (j, Some(j + c.len_utf8() + 1));
                    }
                    (Some(a), _) if a.is_alphabetic() => {
                        j += c.len_utf8();
                        continue;
                    }
                    _ => {
                        // "Jones'" after a plural or a name in s.
                        if word.ends_with('s')
                            && word.chars().next().is_some_and(char::is_uppercase)
                        {
                            return (j, Some(j + c.len_utf8()));
                        }
                        return (j, None);
                    }
                }
            }
            ',' if word.bytes().last().is_some_and(|b| b.is_ascii_digit())
                && after.is_some_and(|c| c.is_ascii_digit()) =>
            {
                j += 1;
                continue;
            }
            '&' if word.len() <= 2
                && word.chars().all(char::is_uppercase)
                && after.is_some_and(char::is_uppercase) =>
            {
                // "AT&T", "P&G".
                j += 1;
                continue;
            }
            _ => return (j, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(s, 0, s.len(), &mut out);
        out.iter()
            .map(|t| match t.kind {
                Kind::Word => t.text(s).to_string(),
                Kind::Possessive => format!("<{}>", t.text(s)),
                Kind::Punct(c) => format!("[{c}]"),
            })
            .collect()
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        assert_eq!(
            words("U.S. President and Mr. Kerry in Washington D.C. today."),
            [
                "U.S.",
                "President",
                "and",
                "Mr.",
                "Kerry",
                "in",
                "Washington",
                "D.C.",
                "today",
                "[.]"
            ]
        );
        assert_eq!(words("L. Ron Hubbard"), ["L.", "Ron", "Hubbard"]);
    }

    #[test]
    fn possessive_is_its_own_token() {
        assert_eq!(words("Putin's forces"), ["Putin", "<'s>", "forces"]);
        assert_eq!(words("Putin’s forces"), ["Putin", "<’s>", "forces"]);
        assert_eq!(words("O'Brien said"), ["O'Brien", "said"]);
    }

    #[test]
    fn hyphens_join_names_but_not_suffixes() {
        assert_eq!(words("Bashar al-Assad"), ["Bashar", "al-Assad"]);
        assert_eq!(words("Lee Cheuk-yan"), ["Lee", "Cheuk-yan"]);
        assert_eq!(
            words("a Saudi-led strike"),
            ["a", "Saudi", "[-]", "led", "strike"]
        );
        assert_eq!(
            words("U.S.-Russian deal"),
            ["U.S.", "[-]", "Russian", "deal"]
        );
        // Without the last dot, the abbreviation is still one word.
        assert_eq!(
            words("the U.S government and the U.S.A today"),
            ["the", "U.S", "government", "and", "the", "U.S.A", "today"]
        );
    }

    #[test]
    fn flags() {
        let s = "The talks. \"Details\" (ISIS) al-Sham 300,000";
        let mut t = Vec::new();
        tokenize(s, 0, s.len(), &mut t);
        assert!(t[0].sent && t[0].cap);
        assert!(t[4].sent, "after an opening quote");
        let refs = "It ended. [22] Mathematician Weyl said [3] So";
        let mut r = Vec::new();
        tokenize(refs, 0, refs.len(), &mut r);
        let sent: Vec<&str> = r
            .iter()
            .filter(|t| t.sent && t.is_word())
            .map(|t| t.text(refs))
            .collect();
        assert_eq!(
            sent,
            ["It", "22", "Mathematician", "3"],
            "a reference mark keeps a sentence's start, and only that (\"So\" is none)"
        );
        assert!(t[7].upper);
        assert!(t[9].cap, "al- names count as capitalised");
        assert_eq!(t[10].text(s), "300,000");
        assert!(t[10].digit);
        let s = "Patrizia d'Ettorre, l’Aquila, o'clock, d'oh";
        let mut t = Vec::new();
        tokenize(s, 0, s.len(), &mut t);
        let caps: Vec<bool> = t.iter().filter(|t| t.is_word()).map(|t| t.cap).collect();
        assert_eq!(
            caps,
            [true, true, true, false, false],
            "elided particles before a capital"
        );
    }

    #[test]
    fn a_run_of_marks_is_one_token() {
        let dense = "\"'".repeat(5_000);
        assert_eq!(words(&dense).len(), 1);
        assert_eq!(
            words("\"'Hi,'\" he"),
            ["[\"]", "[']", "Hi", "[,]", "[']", "[\"]", "he"]
        );
    }

    #[test]
    fn a_plain_word_has_the_facts_of_any_word() {
        for w in [
            "a", "A", "Ab", "AB", "ab", "NATO", "G20", "2016", "x9Y", "Z", "Obama", "iPhone",
        ] {
            assert_eq!(plain_facts(w.as_bytes()), facts(w), "{w}");
        }
        let plain = |s: &str| {
            let mut out = Vec::new();
            crate::analysis::text::lex::<NameWords>(s, |l| out.push(l.plain));
            out
        };
        assert_eq!(
            plain("Obama's G20 U.S. Zürich 3.5"),
            [true, true, false, false, true, false, true]
        );
    }
}
