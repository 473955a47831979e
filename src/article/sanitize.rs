//! Makes untrusted text safe to show in a terminal: escape sequences, control characters, bidi
//! overrides and invisible characters that could hide or disguise text are removed.
//!
//! One pass over the chars, no backtracking: the cost is linear in the input, whatever it holds.

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
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    loop {
        // Copy the run of ordinary characters in one go; only the rest goes char by char.
        let rest = chars.as_str();
        let safe = rest
            .char_indices()
            .find(|&(_, c)| needs_care(c))
            .map_or(rest.len(), |(i, _)| i);
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
    out
}

fn next_in(chars: &std::str::Chars<'_>, range: std::ops::RangeInclusive<char>) -> bool {
    chars.clone().next().is_some_and(|c| range.contains(&c))
}

/// Characters the slow path must look at: controls, escape introducers and the invisible or
/// reordering characters listed on [`clean`].
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
    let mut s = clean(text);
    if s.contains('\n') {
        s = s.replace('\n', " ");
    }
    s
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn many_half_open_sequences_leave_only_inert_text() {
        let s = "\x1b[".repeat(1 << 16) + &"\x1b]".repeat(1 << 16) + "\nend";
        let out = clean(&s);
        assert!(!out.contains('\x1b'));
        assert!(out.ends_with("end"));
    }
}
