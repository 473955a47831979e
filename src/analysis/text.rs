//! The text layer under the analysis: what a character is, and the one tokeniser ([`lex`])
//! that the entity stage (`entities::tokens::tokenize`) and the quote stage
//! (`quotes::text::tokenize`) read their blocks with, and the window cutter ([`windows`]) both
//! read long articles with.
//!
//! [`lex`] does, for both, in one loop:
//! - skip white space (ASCII space and `\t`..`\r` by table, else `char::is_whitespace`), and
//!   remember a line break (`\n`) as `newline_before` (the entity stage keeps it);
//! - make every other non-word character one punctuation token, except a long run
//!   ([`long_run`]: [`MARK_RUN`] quotation marks of any kind, or [`PUNCT_RUN`] copies of one
//!   character), which is one token;
//! - give offsets into the block, never splitting a character.
//!
//! Where a word starts and ends is each stage's [`WordRules`], because their word rules differ
//! on purpose (and their output must stay as it is):
//!
//! `entities` (`NameWords`: names need their dots and need possessives apart):
//! - a word starts at an alphanumeric character and goes on over letters, digits and the
//!   combining acute and diaeresis (U+0301, U+0308); `@` and `#` are punctuation;
//! - `.` stays in the word only for an initial or a dotted abbreviation, with its final dot
//!   ("L.", "U.S.", "U.S.A.", "Mr." from `lexicon::DOTTED`); "3.5" is three tokens;
//! - a hyphen (`-`, U+2010, U+2011) joins before a letter or digit, except between a
//!   capitalised head and a tail that ends a name ("Saudi" "-" "led");
//! - `'`/`’` + `s` at a word's end is a separate `Possessive` token (the clitic of
//!   [`LexKind::Word`]), as is a lone `'` after a capitalised word in s ("Jones'"); before another
//!   letter it joins ("O'Brien", "don't");
//! - `,` joins only between digits ("1,000"); `&` only after one or two capitals before a
//!   capital ("AT&T"); `_` and `/` never join;
//! - tokens carry `cap`, `upper`, `digit`, sentence start and `newline_before`.
//!
//! `quotes` (`SpeechWords`: speech needs whole words and the marks around them):
//! - a word starts at an alphanumeric character, `@` or `#`, and goes on over them;
//! - `' ’ - . & _ / U+2011` join when a word character follows ("don't", "al-Amr", "3.5",
//!   "AT&T", "a/b"); a final dot does not ("U.S" then "."); possessives stay in the word
//!   ("Jones's"); `,` joins only between ASCII digits;
//! - a quotation mark or apostrophe outside a word is a `Mark` (a long run is `Punct`), other
//!   punctuation a `Punct`;
//! - words carry `lexicon::flags_of` bits; sentences are split afterwards.
//!
//! So they agree on white space, punctuation outside words, long runs, plain words, digit
//! groups and hyphenated words; they differ on dotted abbreviations and decimals, possessives,
//! `@`/`#`, `_`, `/`, `&` in longer words and hyphens before a name-ending tail. Each stage
//! still runs the tokeniser over its own blocks (the quote stage skips credits and bylines and
//! splits block-less text at blank lines; the entity stage reads every block) in its own
//! windows, so the text is read twice, once per stage, with the one loop.

use crate::article::Span;

/// A quotation mark (or an apostrophe, which looks the same).
pub fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‹' | '›'
    )
}

/// Adjacent quotation marks from this many on are no quotation structure (real text nests
/// two or three: `"'`, `'"'`).
pub(crate) const MARK_RUN: usize = 4;
/// Adjacent copies of one punctuation character from this many on are one token
/// ("--------", "........").
pub(crate) const PUNCT_RUN: usize = 8;

/// The byte length of the run of characters starting at byte `i` of `s` (whose first character
/// is `c`), when it is long enough to be one token: [`MARK_RUN`] adjacent quotation marks of any
/// kind, or [`PUNCT_RUN`] copies of `c`.
pub fn long_run(s: &str, i: usize, c: char) -> Option<usize> {
    let rest = s.get(i..)?;
    // Most punctuation stands before a space or a letter: no run.
    if rest
        .as_bytes()
        .get(c.len_utf8())
        .is_none_or(|b| b.is_ascii_alphanumeric() || b.is_ascii_whitespace())
    {
        return None;
    }
    if is_mark_char(c) {
        let mut count = 0;
        let mut len = 0;
        for m in rest.chars().take_while(|&m| is_mark_char(m)) {
            count += 1;
            len += m.len_utf8();
        }
        if count >= MARK_RUN {
            return Some(len);
        }
    }
    let count = rest.chars().take_while(|&m| m == c).count();
    (count >= PUNCT_RUN).then(|| count * c.len_utf8())
}

/// The word rules of one stage: where a word starts and how far it goes. The rest of the
/// tokeniser ([`lex`]: white space, punctuation, long runs, line breaks) is one for all.
pub trait WordRules {
    /// Whether a word starts at `c` (a character that is not white space).
    fn starts_word(c: char) -> bool;
    /// The end of the word starting at byte `i` of `s` with `c` (a character that starts a
    /// word), and the end of a clitic right after it that is a token of its own ("'s"), if any.
    fn scan_word(s: &str, i: usize, c: char) -> (usize, Option<usize>);
}

/// What a [`Lexeme`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexKind {
    /// A word, then a clitic of its own up to the given offset when the rules split one off.
    Word(Option<usize>),
    /// One punctuation character, this one.
    Punct(char),
    /// A long run ([`long_run`]) starting with this character.
    Run(char),
}

/// A word or punctuation token of a block; offsets are into the block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lexeme {
    pub start: usize,
    pub end: usize,
    pub kind: LexKind,
    /// A line break (`\n`) lies between this token and the one before.
    pub newline_before: bool,
}

/// White space to the tokeniser among the ASCII characters: the space and `\t` to `\r`
/// (`char::is_whitespace` agrees; other characters are asked that). One table read a byte.
const ASCII_SPACE: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = matches!(b as u8, b' ' | 0x09..=0x0d);
        b += 1;
    }
    table
};

/// The tokeniser both stages read a block with: one pass over `block`, skipping white space,
/// giving each word (as `R` delimits it) and each punctuation character or long run to `emit`
/// in text order. Never splits a character; a byte that is not a character boundary (which
/// `&str` rules out) would be skipped.
#[inline]
pub fn lex<R: WordRules>(block: &str, mut emit: impl FnMut(Lexeme)) {
    let bytes = block.as_bytes();
    let mut i = 0;
    let mut newline = false;
    while let Some(&b) = bytes.get(i) {
        let c = if b.is_ascii() {
            if ASCII_SPACE.get(usize::from(b)) == Some(&true) {
                newline |= b == b'\n';
                i += 1;
                continue;
            }
            char::from(b)
        } else {
            match block.get(i..).and_then(|r| r.chars().next()) {
                Some(c) if !c.is_whitespace() => c,
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => {
                    i += 1;
                    continue;
                }
            }
        };
        let (end, next, kind) = if R::starts_word(c) {
            let (end, clitic) = R::scan_word(block, i, c);
            (end, clitic.unwrap_or(end), LexKind::Word(clitic))
        } else {
            match long_run(block, i, c) {
                Some(len) => (i + len, i + len, LexKind::Run(c)),
                None => (i + c.len_utf8(), i + c.len_utf8(), LexKind::Punct(c)),
            }
        };
        emit(Lexeme {
            start: i,
            end,
            kind,
            newline_before: newline,
        });
        newline = false;
        // Always forward, whatever the rules say.
        i = next.max(i + c.len_utf8());
    }
}

/// A piece of text longer than a window is cut at a white space this far at most past the
/// window's size (else at a character boundary).
pub(crate) const CUT_SEARCH: usize = 4096;

/// Consecutive `items` (blocks of `text`, each with its span) in windows of at most `max` bytes
/// of text each, so that a stage reading a long article holds one window's tokens at a time. An
/// item longer than `max` is cut into pieces first, at white space (`piece(item, span)` makes
/// each piece); items that fit in `max` bytes in all are one window, unchanged. Both the entity
/// and the quote stage read long articles through this.
pub fn windows<T: Copy>(
    text: &str,
    items: impl IntoIterator<Item = T>,
    max: usize,
    span: impl Fn(&T) -> Span,
    piece: impl Fn(T, Span) -> T,
) -> Vec<Vec<T>> {
    let max = max.max(1);
    let mut out = Vec::new();
    let mut window: Vec<T> = Vec::new();
    let mut bytes = 0;
    let mut add = |item: T, len: usize, window: &mut Vec<T>, bytes: &mut usize| {
        if *bytes + len > max && !window.is_empty() {
            out.push(std::mem::take(window));
            *bytes = 0;
        }
        *bytes += len;
        window.push(item);
    };
    for item in items {
        let whole = span(&item);
        let mut start = whole.start;
        while whole.end - start > max {
            let mut cut = start + max;
            let limit = (cut + CUT_SEARCH).min(whole.end);
            match text
                .as_bytes()
                .get(cut..limit)
                .and_then(|b| b.iter().position(u8::is_ascii_whitespace))
            {
                Some(p) => cut += p,
                None => {
                    while cut < whole.end && !text.is_char_boundary(cut) {
                        cut += 1;
                    }
                }
            }
            add(
                piece(item, Span::new(start, cut)),
                cut - start,
                &mut window,
                &mut bytes,
            );
            start = cut;
        }
        let rest = Span::new(start, whole.end);
        add(piece(item, rest), rest.len(), &mut window, &mut bytes);
    }
    if !window.is_empty() {
        out.push(window);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_marks_and_of_one_character() {
        assert_eq!(long_run("\"'\"", 0, '"'), None);
        assert_eq!(long_run("\"'“'x", 0, '"'), Some(6));
        assert_eq!(long_run("a\"\"\"\"", 1, '"'), Some(4));
        assert_eq!(long_run(".......", 0, '.'), None);
        assert_eq!(long_run("........!", 0, '.'), Some(8));
        assert_eq!(long_run("——————————", 0, '—'), Some(30));
    }

    /// Words are runs of letters and digits; "'s" after one is a clitic.
    struct Plain;

    impl WordRules for Plain {
        fn starts_word(c: char) -> bool {
            c.is_alphanumeric()
        }
        fn scan_word(s: &str, i: usize, _: char) -> (usize, Option<usize>) {
            let end = s
                .get(i..)
                .and_then(|r| r.find(|c: char| !c.is_alphanumeric()))
                .map_or(s.len(), |p| i + p);
            let clitic = s
                .get(end..)
                .is_some_and(|r| r.starts_with("'s"))
                .then_some(end + 2);
            (end, clitic)
        }
    }

    fn lexemes(s: &str) -> Vec<(String, LexKind, bool)> {
        let mut out = Vec::new();
        lex::<Plain>(s, |l| {
            out.push((s[l.start..l.end].to_string(), l.kind, l.newline_before));
        });
        out
    }

    #[test]
    fn one_pass_gives_words_punctuation_runs_and_line_breaks() {
        use LexKind::*;
        let s = "Obama's  talks,\n\u{a0}“Fine” ........ x\u{b}\u{2028}\"'\"'é";
        assert_eq!(
            lexemes(s),
            [
                ("Obama".to_string(), Word(Some(7)), false),
                ("talks".to_string(), Word(None), false),
                (",".to_string(), Punct(','), false),
                ("“".to_string(), Punct('“'), true),
                ("Fine".to_string(), Word(None), false),
                ("”".to_string(), Punct('”'), false),
                ("........".to_string(), Run('.'), false),
                ("x".to_string(), Word(None), false),
                ("\"'\"'".to_string(), Run('"'), false),
                ("é".to_string(), Word(None), false),
            ]
        );
        assert!(lexemes(" \t\r\n\u{3000}").is_empty());
        for b in 0u8..128 {
            assert_eq!(
                ASCII_SPACE[usize::from(b)],
                char::from(b).is_whitespace(),
                "{b:#x}"
            );
        }
    }
}
