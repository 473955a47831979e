//! Title case: whether a block capitalises its words like a title (headlines, title lines), in
//! which a capitalised word is no sign of a name by itself.

use super::tokens::{Kind, Token};

/// Share of capitalised long words above which a block is written in title case.
const TITLE_CASE_SHARE: f32 = 0.7;

/// True for blocks where most long words are capitalised (headlines, title lines).
/// A block that capitalises its words like a title. A headline needs only its long words
/// capitalised ("Mayor Speaks"); another block needs at least three of them, so that a short line
/// of names is not taken for a title.
pub(super) fn is_title_case(text: &str, toks: &[Token], headline: bool) -> bool {
    // Sentences end in a full stop; headlines and title lines do not.
    let sentence = toks
        .iter()
        .rev()
        .find(|t| t.kind != Kind::Punct('"') && t.kind != Kind::Punct('”'))
        .is_some_and(|t| t.is_punct('.'));
    if sentence {
        return false;
    }
    let mut long = 0u32;
    let mut caps = 0u32;
    for t in toks.iter().filter(|t| t.kind == Kind::Word) {
        let w = t.text(text);
        if w.len() >= 4
            && (if w.is_ascii() {
                w.bytes().all(|b| b.is_ascii_alphabetic())
            } else {
                w.chars().all(char::is_alphabetic)
            })
        {
            long += 1;
            if t.cap {
                caps += 1;
            }
        }
    }
    let enough = if headline { 1 } else { 3 };
    long >= enough && caps as f32 >= TITLE_CASE_SHARE * long as f32
}
