//! The text layer under the analysis: what a character is, the one tokeniser ([`lex`], and
//! [`lex_pair`]: the same with two stages' word rules in one pass) that the entity stage
//! (`entities::tokens::NameWords`) and the quote stage (`quotes::text::SpeechWords`) read their
//! blocks with, and the window cutter ([`windows`]) both read long articles with.
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
//! `@`/`#`, `_`, `/`, `&` in longer words and hyphens before a name-ending tail.
//!
//! [`lex_pair`] reads a block with both rule sets in one pass: what they agree on (white space,
//! punctuation, long runs, a word whose run of ASCII letters and digits ends at a byte that ends
//! it for both, a word both scans end at the same place) is read once and given to both; where
//! they differ each reads on with its own rules until both stand at the same place again. Each
//! side gets exactly what [`lex`] with its rules alone gives. `analysis::lexed` reads an article
//! so, once, for both stages (the quote stage taking the tokens that lie in its blocks); an
//! article longer than a stage's window is read by each stage on its own with [`lex`], in its
//! own windows ([`windows`]).

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
///
/// ASCII letters and digits go on a word in every rule set: the tokeniser reads that run itself
/// (one byte compare each) and asks the rules only where it ends.
pub trait WordRules {
    /// Whether a word starts at `c` (a character that is not white space).
    fn starts_word(c: char) -> bool;
    /// Whether the ASCII byte `b` right after a word's characters ends the word there, whatever
    /// follows: white space and punctuation that never goes on a word in these rules.
    fn ends_word(b: u8) -> bool;
    /// The end of the word starting at byte `start` of `s`, whose bytes up to `from`
    /// (`start < from`) are known to be in it (its first character and a run of ASCII letters
    /// and digits), and the end of a clitic right after it that is a token of its own ("'s"),
    /// if any.
    fn scan_word(s: &str, start: usize, from: usize) -> (usize, Option<usize>);
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
    /// A word of ASCII letters and digits only (as most are), so a stage need not read its
    /// characters one by one to know what they are.
    pub plain: bool,
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

/// The start of the next token at or after byte `i` of `block`, and its first character:
/// white space skipped, a line break in it noted in `newline`.
#[inline(always)]
fn next_start(block: &str, mut i: usize, newline: &mut bool) -> Option<(usize, char)> {
    let bytes = block.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if ASCII_SPACE.get(usize::from(b)) == Some(&true) {
                *newline |= b == b'\n';
                i += 1;
                continue;
            }
            return Some((i, char::from(b)));
        }
        match block.get(i..).and_then(|r| r.chars().next()) {
            Some(c) if !c.is_whitespace() => return Some((i, c)),
            Some(c) => i += c.len_utf8(),
            None => i += 1,
        }
    }
    None
}

/// The end of the run of ASCII letters and digits from byte `i`.
#[inline(always)]
fn ascii_run_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

/// The punctuation token starting at byte `i` with `c` (which starts no word): one character,
/// or a long run. Its end, and what it is.
#[inline(always)]
fn punct(block: &str, i: usize, c: char) -> (usize, LexKind) {
    match long_run(block, i, c) {
        Some(len) => (i + len, LexKind::Run(c)),
        None => (i + c.len_utf8(), LexKind::Punct(c)),
    }
}

/// The word of `R` starting at byte `i` with `c` (a character that starts one): its end and
/// the end of a clitic after it. The run of ASCII letters and digits is read here, and `R` is
/// asked only when the byte after it may go on the word.
#[inline(always)]
fn word<R: WordRules>(block: &str, i: usize, c: char) -> (usize, Option<usize>, bool) {
    let bytes = block.as_bytes();
    let from = ascii_run_end(bytes, i + c.len_utf8());
    let (end, clitic) = match bytes.get(from) {
        Some(&b) if !R::ends_word(b) => R::scan_word(block, i, from),
        _ => (from, None),
    };
    (end, clitic, end == from && c.is_ascii_alphanumeric())
}

/// The token of `R` starting at byte `i` with `c`: its end, where the next one is looked
/// for (after a clitic), what it is, and whether it is a plain word.
#[inline(always)]
fn token<R: WordRules>(block: &str, i: usize, c: char) -> (usize, usize, LexKind, bool) {
    if R::starts_word(c) {
        let (end, clitic, plain) = word::<R>(block, i, c);
        (end, clitic.unwrap_or(end), LexKind::Word(clitic), plain)
    } else {
        let (end, kind) = punct(block, i, c);
        (end, end, kind, false)
    }
}

/// One token of `R` from byte `i` of `block` (white space first skipped) given to `emit`;
/// where the next is looked for, `block.len()` when there is none. Always forward, whatever the
/// rules say.
#[inline(always)]
fn step<R: WordRules>(block: &str, i: usize, emit: &mut impl FnMut(Lexeme)) -> usize {
    let mut newline = false;
    let Some((start, c)) = next_start(block, i, &mut newline) else {
        return block.len();
    };
    let (end, next, kind, plain) = token::<R>(block, start, c);
    emit(Lexeme {
        start,
        end,
        kind,
        newline_before: newline,
        plain,
    });
    next.max(start + c.len_utf8())
}

/// The tokeniser a stage reads a block with: one pass over `block`, skipping white space,
/// giving each word (as `R` delimits it) and each punctuation character or long run to `emit`
/// in text order. Never splits a character; a byte that is not a character boundary (which
/// `&str` rules out) would be skipped.
#[inline]
pub fn lex<R: WordRules>(block: &str, mut emit: impl FnMut(Lexeme)) {
    let mut i = 0;
    while i < block.len() {
        i = step::<R>(block, i, &mut emit);
    }
}

/// [`lex`] with two rule sets at once, in one pass over `block`: `a` gets exactly the tokens
/// `lex::<A>` gives, `b` those of `lex::<B>`. White space, punctuation and long runs are read
/// once for both, and so is a word's run of ASCII letters and digits; a word that both rule sets
/// end at the same place (the byte after it ends it for both, or both rules' scans agree) is one
/// token given to both. Where they differ ("U.S." against "U.S" "."), each reads on with its own
/// rules from its own position, the one behind first, until both stand at the same place again
/// (at the latest after the white space that ends the piece), from where they go on as one:
/// the tokeniser's state is its position alone.
#[inline]
pub fn lex_pair<A: WordRules, B: WordRules>(
    block: &str,
    mut a: impl FnMut(Lexeme),
    mut b: impl FnMut(Lexeme),
) {
    let bytes = block.as_bytes();
    let mut i = 0;
    let mut newline = false;
    while let Some((start, c)) = next_start(block, i, &mut newline) {
        let newline_before = std::mem::take(&mut newline);
        let lexeme = |end, kind, plain| Lexeme {
            start,
            end,
            kind,
            newline_before,
            plain,
        };
        let step_on = start + c.len_utf8();
        let (word_a, word_b) = (A::starts_word(c), B::starts_word(c));
        let (next_a, next_b) = if word_a && word_b {
            let from = ascii_run_end(bytes, step_on);
            let (wa, wb) = match bytes.get(from) {
                Some(&d) if !(A::ends_word(d) && B::ends_word(d)) => (
                    if A::ends_word(d) {
                        (from, None)
                    } else {
                        A::scan_word(block, start, from)
                    },
                    if B::ends_word(d) {
                        (from, None)
                    } else {
                        B::scan_word(block, start, from)
                    },
                ),
                _ => ((from, None), (from, None)),
            };
            let next = |(end, clitic): (usize, Option<usize>)| clitic.unwrap_or(end).max(step_on);
            let plain = |(end, _): (usize, Option<usize>)| end == from && c.is_ascii_alphanumeric();
            if wa == wb {
                let l = lexeme(wa.0, LexKind::Word(wa.1), plain(wa));
                a(l);
                b(l);
                i = next(wa);
                continue;
            }
            a(lexeme(wa.0, LexKind::Word(wa.1), plain(wa)));
            b(lexeme(wb.0, LexKind::Word(wb.1), plain(wb)));
            (next(wa), next(wb))
        } else if !word_a && !word_b {
            let (end, kind) = punct(block, start, c);
            let l = lexeme(end, kind, false);
            a(l);
            b(l);
            i = end.max(step_on);
            continue;
        } else {
            // A word to one, punctuation to the other ("#tag").
            let (end_a, next_a, kind_a, plain_a) = token::<A>(block, start, c);
            let (end_b, next_b, kind_b, plain_b) = token::<B>(block, start, c);
            a(lexeme(end_a, kind_a, plain_a));
            b(lexeme(end_b, kind_b, plain_b));
            (next_a.max(step_on), next_b.max(step_on))
        };
        // Apart: the one behind reads on until both stand at the same place.
        let (mut ia, mut ib) = (next_a, next_b);
        while ia != ib {
            if ia < ib {
                ia = step::<A>(block, ia, &mut a);
            } else {
                ib = step::<B>(block, ib, &mut b);
            }
        }
        i = ia;
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
        fn ends_word(b: u8) -> bool {
            !b.is_ascii_alphanumeric() && b != b'\''
        }
        fn scan_word(s: &str, _: usize, i: usize) -> (usize, Option<usize>) {
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
    /// Words start at a letter, a digit or `@`, and go on over a dot before a letter ("U.S").
    struct Dotted;

    impl WordRules for Dotted {
        fn starts_word(c: char) -> bool {
            c.is_alphanumeric() || c == '@'
        }
        fn ends_word(b: u8) -> bool {
            b.is_ascii() && !b.is_ascii_alphanumeric() && !matches!(b, b'.' | b'@')
        }
        fn scan_word(s: &str, _: usize, from: usize) -> (usize, Option<usize>) {
            let mut j = from;
            while let Some(c) = s.get(j..).and_then(|r| r.chars().next()) {
                let next = s.get(j + c.len_utf8()..).and_then(|r| r.chars().next());
                if c.is_alphanumeric()
                    || c == '@'
                    || (c == '.' && next.is_some_and(char::is_alphabetic))
                {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            (j, None)
        }
    }

    fn lexed<R: WordRules>(s: &str) -> Vec<Lexeme> {
        let mut out = Vec::new();
        lex::<R>(s, |l| out.push(l));
        out
    }

    /// What `lex_pair` gives each side, against what `lex` gives it alone.
    fn pair_matches_each(s: &str) {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        lex_pair::<Plain, Dotted>(s, |l| a.push(l), |l| b.push(l));
        assert_eq!(a, lexed::<Plain>(s), "{s:?}");
        assert_eq!(b, lexed::<Dotted>(s), "{s:?}");
    }

    #[test]
    fn two_rule_sets_in_one_pass_give_what_each_gives_alone() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let s = "U.S. Bob's @jo\n x.y.z";
        lex_pair::<Plain, Dotted>(
            s,
            |l| a.push(&s[l.start..l.end]),
            |l| b.push(&s[l.start..l.end]),
        );
        assert_eq!(
            a,
            [
                "U", ".", "S", ".", "Bob", "@", "jo", "x", ".", "y", ".", "z"
            ]
        );
        assert_eq!(b, ["U.S", ".", "Bob", "'", "s", "@jo", "x.y.z"]);
        pair_matches_each(s);
        // Short strings over characters where the rules differ, meet or end a word.
        let alphabet = [
            'a', 'B', '7', 'é', '.', '\'', 's', '@', ' ', '\n', '"', '-', '\u{a0}',
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 12) as usize;
            let s: String = (0..len)
                .map(|k| alphabet[((seed >> (4 * k + 4)) % alphabet.len() as u64) as usize])
                .collect();
            pair_matches_each(&s);
        }
        pair_matches_each(&"....'''\"\"\"x".repeat(3));
    }
}
