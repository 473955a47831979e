//! What may reach the terminal. Every piece of untrusted text shown by byline passes through one
//! of these, and nothing else decides which characters are safe:
//! - [`clean`] / [`clean_inline`], when an article is parsed (and for `byline analyze`'s text
//!   output): escape sequences, control characters, bidi overrides and invisible characters that
//!   could hide or disguise text are removed, so the stored `Article::text` is already safe;
//! - [`inert`], when text is shown by byte offsets (the wrapped body, error lists): what could act
//!   on a terminal is replaced by a character of the same UTF-8 length, so offsets stay valid;
//! - [`flat`], for one row of a list or the status bar: [`inert`], white space folded, cut short.
//!
//! The reader applies `inert`/`flat` even to cleaned text, as a second line of defence.
//!
//! One pass over the chars, no backtracking: the cost is linear in the input, whatever it holds.
//! Clean text (the usual case) is recognised by a byte scan and returned as it is, unallocated.

use std::borrow::Cow;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// C1 "string terminator", the 8-bit form of `ESC \`.
const ST: char = '\u{9c}';

/// Cleans article text. Keeps `\n`, turns `\t` into a space and U+2028/U+2029/U+0085 (line and
/// paragraph separators) into `\n`; removes:
/// - ANSI escape sequences: CSI (`ESC [` … incl. SGR colours), OSC (`ESC ]` … ended by BEL or
///   ST, e.g. OSC 52 clipboard writes and OSC 8 links), DCS/SOS/PM/APC strings, other two- and
///   three-char escapes, and a lone ESC; their 8-bit C1 forms likewise;
/// - every other C0 control (incl. NUL and CR), DEL and C1 control (U+0080–U+009F);
/// - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks
///   U+200E, U+200F, U+061C;
/// - zero-width and invisible characters that can hide text: U+200B, U+2060–U+2064, U+FEFF,
///   U+180E, and Unicode tag characters (U+E0000–U+E007F) except inside an emoji flag sequence;
///   U+200C/U+200D (ZWNJ/ZWJ) are kept only between two non-ASCII characters (emoji sequences,
///   Indic and Persian text), where they join rather than hide.
///
/// An OSC or other control string that is never terminated ends at the next newline, so one
/// stray `ESC ]` cannot swallow the rest of an article.
///
/// Text with nothing to remove or replace comes back borrowed.
pub fn clean(text: &str) -> Cow<'_, str> {
    let Some(first) = first_care(text.as_bytes()) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(text.get(..first).unwrap_or(""));
    let mut chars = text.get(first..).unwrap_or("").chars();
    loop {
        // Copy the run of ordinary characters in one go; only the rest goes char by char.
        let rest = chars.as_str();
        let safe = first_care(rest.as_bytes()).unwrap_or(rest.len());
        out.push_str(rest.get(..safe).unwrap_or(""));
        chars = rest.get(safe..).unwrap_or("").chars();
        let Some(c) = chars.next() else {
            break;
        };
        let peek = chars.clone().next();
        match c {
            '\t' => out.push(' '),
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            ESC => match peek {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                // nF escapes (`ESC ( B`, `ESC # 8`): intermediates then one final byte.
                Some(n) if ('\u{20}'..='\u{2f}').contains(&n) => {
                    while next_in(&chars, '\u{20}'..='\u{2f}') {
                        chars.next();
                    }
                    if next_in(&chars, '\u{30}'..='\u{7e}') {
                        chars.next();
                    }
                }
                // Fp/Fe/Fs escapes (`ESC 7`, `ESC c`, `ESC M`): one final byte.
                Some(f) if ('\u{30}'..='\u{7e}').contains(&f) => {
                    chars.next();
                }
                // A lone ESC.
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\u{200c}' | '\u{200d}' => {
                let prev_joins = out.chars().next_back().is_some_and(|p| !p.is_ascii());
                let next_joins = peek.is_some_and(|n| !n.is_ascii() && !n.is_control());
                if prev_joins && next_joins {
                    out.push(c);
                }
            }
            // Tag characters only continue an emoji flag sequence (black flag, tags, cancel tag).
            '\u{e0000}'..='\u{e007f}'
                if out.chars().next_back().is_some_and(|p| {
                    p == '\u{1f3f4}' || ('\u{e0020}'..='\u{e007e}').contains(&p)
                }) =>
            {
                out.push(c);
            }
            // Everything else that needs care is dropped.
            _ => {}
        }
    }
    Cow::Owned(out)
}

fn next_in(chars: &std::str::Chars<'_>, range: std::ops::RangeInclusive<char>) -> bool {
    chars.clone().next().is_some_and(|c| range.contains(&c))
}

/// What a byte says about the char it starts or continues, for [`first_care`].
const PLAIN: u8 = 0;
const CARE: u8 = 1;
/// A lead byte of a multi-byte char that may need care: look at the bytes after it.
const LEAD: u8 = 2;

/// Per byte value: C0 controls but `\n`, DEL, and the lead bytes of the UTF-8 forms of the
/// chars [`needs_care`] lists (0xC2: C1 controls; 0xD8: U+061C; 0xE1: U+180E; 0xE2: U+200B–U+206F;
/// 0xEF: U+FEFF; 0xF3: tag characters).
static CLASS: [u8; 256] = {
    let mut t = [PLAIN; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = CARE;
        b += 1;
    }
    t[b'\n' as usize] = PLAIN;
    t[0x7f] = CARE;
    t[0xc2] = LEAD;
    t[0xd8] = LEAD;
    t[0xe1] = LEAD;
    t[0xe2] = LEAD;
    t[0xef] = LEAD;
    t[0xf3] = LEAD;
    t
};

/// The byte offset of the first char [`needs_care`] is true for, found by looking at bytes:
/// exactly the chars of `needs_care`, with no false alarms.
fn first_care(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Eight printable ASCII bytes at a time (no byte ≥ 0x80, < 0x20 or 0x7F); anything else,
        // a newline included, goes through the table below.
        if let Some(word) = bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            let x = u64::from_ne_bytes(word);
            let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
            let del = x ^ (ONES * 0x7f);
            let is_del = del.wrapping_sub(ONES) & !del & HIGH;
            if (x & HIGH) | below_space | is_del == 0 {
                i += 8;
                continue;
            }
        }
        match CLASS[b as usize] {
            PLAIN => i += 1,
            CARE => return Some(i),
            _ => {
                let b1 = bytes.get(i + 1).copied().unwrap_or(0);
                let b2 = bytes.get(i + 2).copied().unwrap_or(0);
                let care = match b {
                    // U+0080–U+009F.
                    0xc2 => (0x80..=0x9f).contains(&b1),
                    // U+061C.
                    0xd8 => b1 == 0x9c,
                    // U+180E.
                    0xe1 => b1 == 0xa0 && b2 == 0x8e,
                    // U+200B–U+200F, U+2028–U+202E; U+2060–U+2064, U+2066–U+2069.
                    0xe2 => match b1 {
                        0x80 => matches!(b2, 0x8b..=0x8f | 0xa8..=0xae),
                        0x81 => matches!(b2, 0xa0..=0xa4 | 0xa6..=0xa9),
                        _ => false,
                    },
                    // U+FEFF.
                    0xef => b1 == 0xbb && b2 == 0xbf,
                    // U+E0000–U+E007F.
                    _ => b1 == 0xa0 && matches!(b2, 0x80 | 0x81),
                };
                if care {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

/// The chars [`clean`] must look at: controls, escape introducers and the invisible or
/// reordering characters it lists. The definition [`first_care`] is tested against.
#[cfg(test)]
fn needs_care(c: char) -> bool {
    match c {
        '\n' => false,
        ' '..='~' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{a0}'..='\u{60b}' => false,
        _ => matches!(c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
            | '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{61c}'
            | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{180e}'
            | '\u{e0000}'..='\u{e007f}'
        ),
    }
}

/// Like [`clean`], for text shown on one line (a headline, a name, a status message): newlines
/// become spaces too.
pub fn clean_inline(text: &str) -> String {
    let s = clean(text);
    if s.contains('\n') {
        s.replace('\n', " ")
    } else {
        s.into_owned()
    }
}

/// Skips a CSI sequence after its introducer: parameter bytes 0x30–0x3F, intermediate bytes
/// 0x20–0x2F, then one final byte 0x40–0x7E. Anything else ends the sequence and is kept.
fn skip_csi(chars: &mut std::str::Chars<'_>) {
    while let Some(c) = chars.clone().next() {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// Skips an OSC/DCS/SOS/PM/APC string up to and including its terminator (BEL, `ESC \` or ST),
/// or up to (not including) a newline when it is never terminated.
fn skip_string(chars: &mut std::str::Chars<'_>) {
    while let Some(c) = chars.clone().next() {
        match c {
            '\n' => return,
            BEL | ST => {
                chars.next();
                return;
            }
            ESC => {
                chars.next();
                if chars.clone().next() == Some('\\') {
                    chars.next();
                }
                return;
            }
            _ => {
                chars.next();
            }
        }
    }
}

/// Replaces anything that could act on a terminal (C0/C1 controls, DEL, bidi overrides and
/// isolates) with an inert character of the same UTF-8 length, so byte offsets stay valid.
/// Newlines and tabs become spaces.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if needs_replacing(c) {
            out.push_str(match c.len_utf8() {
                1 if c.is_whitespace() => " ",
                1 => "?",
                2 => "·",
                _ => "\u{FFFD}",
            });
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for one row of a list (headline, name, quote): inert, white space folded to single
/// spaces, trimmed, and at most `max` characters (a giant headline costs nothing).
pub fn flat(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut space = false;
    for c in text.chars() {
        if count >= max {
            out.push('…');
            break;
        }
        let c = if needs_replacing(c) {
            if c.is_whitespace() { ' ' } else { '\u{FFFD}' }
        } else {
            c
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            count += 1;
            space = false;
        }
        out.push(c);
        count += 1;
    }
    out
}

fn needs_replacing(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
                | '\u{2028}' | '\u{2029}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inert_keeps_length_and_removes_escapes() {
        let s = "a\x1b[2Jb\u{9b}c\u{202e}d\x07\ne";
        let out = inert(s);
        assert_eq!(out.len(), s.len());
        assert!(!out.chars().any(needs_replacing));
        assert_eq!(out, "a?[2Jb·c\u{FFFD}d? e");
    }

    #[test]
    fn flat_folds_space_removes_controls_and_caps() {
        assert_eq!(flat("  a\n\n b\x1b[2J  c ", 100), "a b\u{FFFD}[2J c");
        assert_eq!(flat(&"word ".repeat(1000), 9), "word word…");
        assert_eq!(flat("\u{202e}x", 5), "\u{FFFD}x");
    }

    #[test]
    fn plain_text_is_unchanged() {
        let s = "Zoë Brontë met José Álvarez (山田太郎) in Łódź.\nSecond line.";
        assert_eq!(clean(s), s);
    }

    #[test]
    fn sgr_and_other_csi_sequences_are_removed() {
        assert_eq!(clean("a\x1b[31;1mred\x1b[0m b"), "ared b");
        assert_eq!(clean("x\x1b[2J\x1b[H\x1b[?25ly"), "xy");
        // 8-bit CSI.
        assert_eq!(clean("x\u{9b}31my"), "xy");
    }

    #[test]
    fn osc_sequences_are_removed_with_either_terminator() {
        // OSC 52: write to the clipboard, BEL-terminated.
        assert_eq!(clean("a\x1b]52;c;ZXZpbA==\x07b"), "ab");
        // OSC 8 hyperlink, ST-terminated.
        assert_eq!(
            clean("see \x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\ now"),
            "see here now"
        );
        // Window title via 8-bit OSC and 8-bit ST.
        assert_eq!(clean("a\u{9d}0;title\u{9c}b"), "ab");
    }

    #[test]
    fn unterminated_osc_stops_at_the_newline() {
        assert_eq!(clean("a\x1b]0;title\nnext line"), "a\nnext line");
    }

    #[test]
    fn dcs_sos_pm_apc_strings_are_removed() {
        assert_eq!(clean("a\x1bPq#0;2;0;0;0\x1b\\b"), "ab");
        assert_eq!(clean("a\x1bXsos\x1b\\b"), "ab");
        assert_eq!(clean("a\x1b^pm\x1b\\b"), "ab");
        assert_eq!(clean("a\x1b_apc\x1b\\b"), "ab");
        assert_eq!(clean("a\u{90}dcs\u{9c}b"), "ab");
    }

    #[test]
    fn lone_and_short_escapes_are_removed() {
        assert_eq!(clean("a\x1b"), "a");
        assert_eq!(clean("a\x1b\x1b\nb"), "a\nb");
        assert_eq!(clean("a\x1bcb"), "ab");
        assert_eq!(clean("a\x1b(Bb"), "ab");
        assert_eq!(clean("a\x1b7b\x1b8"), "ab");
    }

    #[test]
    fn c0_controls_nul_and_del_are_removed_tab_becomes_space() {
        assert_eq!(clean("a\0b\x07c\x08d\re\x7ff"), "abcdef");
        assert_eq!(clean("a\tb"), "a b");
        assert_eq!(clean("a\nb"), "a\nb");
    }

    #[test]
    fn c1_controls_are_removed() {
        assert_eq!(clean("a\u{80}b\u{8d}c\u{9a}d"), "abcd");
        // NEL is a line break.
        assert_eq!(clean("a\u{85}b"), "a\nb");
    }

    #[test]
    fn bidi_overrides_and_isolates_are_removed() {
        assert_eq!(clean("abc\u{202e}fed\u{202c}"), "abcfed");
        assert_eq!(clean("\u{2066}x\u{2069}\u{2067}y\u{2068}z"), "xyz");
        assert_eq!(clean("a\u{200f}b\u{200e}c"), "abc");
    }

    #[test]
    fn zero_width_characters_are_removed() {
        assert_eq!(clean("pass\u{200b}word"), "password");
        assert_eq!(clean("\u{feff}text\u{2060}"), "text");
        assert_eq!(clean("a\u{200d}b"), "ab");
        assert_eq!(clean("a\u{200c}b"), "ab");
    }

    #[test]
    fn zwj_inside_an_emoji_sequence_is_kept() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(clean(family), family);
    }

    #[test]
    fn tag_characters_are_removed_except_in_flag_sequences() {
        // Hidden text spelled in tag characters.
        assert_eq!(clean("hi\u{e0069}\u{e0067}\u{e006e}"), "hi");
        let scotland = "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}";
        assert_eq!(clean(scotland), scotland);
    }

    #[test]
    fn inline_turns_newlines_into_spaces() {
        assert_eq!(clean_inline("a\nb\x1b[1m"), "a b");
    }

    #[test]
    fn the_byte_scan_finds_exactly_the_chars_that_need_care() {
        // Every char up to U+FFFF and the tag block, alone and inside plain text.
        let chars = ('\0'..='\u{ffff}').chain('\u{e0000}'..='\u{e00ff}');
        for c in chars {
            let mut buf = [0u8; 4];
            let alone = c.encode_utf8(&mut buf).as_bytes();
            let want = needs_care(c);
            assert_eq!(first_care(alone), want.then_some(0), "{c:?}");
            let inside = format!("ab{c}cd");
            assert_eq!(first_care(inside.as_bytes()), want.then_some(2), "{c:?}");
        }
        // At every offset of the eight-byte steps, with plain ASCII and newlines around.
        let pad = "abc def\nghij klmnop qrstuvwxyz";
        for c in [
            '\0', '\t', '\r', '\x1b', '\x1f', '\x7f', '\u{85}', '\u{202e}', '\u{feff}',
        ] {
            for at in 0..17 {
                let s = format!("{}{c}{pad}", pad.get(..at).unwrap());
                assert_eq!(first_care(s.as_bytes()), Some(at), "{c:?} at {at}");
            }
        }
        for c in [' ', '~', '\n', 'é', '—', '“'] {
            let s = format!("{pad}{c}{pad}{c}");
            assert_eq!(first_care(s.as_bytes()), None, "{c:?}");
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        let s = "Zoë met José in Łódź — “quoted” 👨\u{200d}👩.\nNext.";
        assert!(matches!(clean(s), Cow::Owned(_)));
        let s = "Zoë met José in Łódź — “quoted”.\nNext line.";
        assert!(matches!(clean(s), Cow::Borrowed(_)));
    }

    #[test]
    fn many_half_open_sequences_leave_only_inert_text() {
        let s = "\x1b[".repeat(1 << 16) + &"\x1b]".repeat(1 << 16) + "\nend";
        let out = clean(&s);
        assert!(!out.contains('\x1b'));
        assert!(out.ends_with("end"));
    }
}
