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
    // Sentences end in a full stop; headlines and title lines do not. A question or an
    // exclamation ends a title too, unless another sentence came before it; a block of fifteen
    // words or more with a sentence's end inside is prose whatever its last word (a section's
    // heading run into a paragraph: "… (b. August 2015). Career").
    let last = last_mark(toks);
    if last == Some('.') {
        return false;
    }
    // A block in brackets is a note, not a title: a wire story's sign-off ("(Reporting by Marco
    // Aurelio Chávez in Lima; editing by Aidan Clarke)").
    if !headline
        && toks.first().is_some_and(|t| t.is_punct('('))
        && toks.last().is_some_and(|t| t.is_punct(')'))
    {
        return false;
    }
    // Lines that end in commas, semicolons or a colon are a list, an address's salutation
    // ("Your Excellency Amina Diallo-Traoré, Chairperson of the African Union Commission;").
    if !headline
        && (toks
            .last()
            .is_some_and(|t| t.is_punct(',') || t.is_punct(':'))
            || toks.iter().any(|t| t.is_punct(';')))
    {
        return false;
    }
    let asks = matches!(last, Some('?' | '!'));
    let long_block = !headline && toks.iter().filter(|t| t.is_word()).nth(14).is_some();
    if (asks || long_block) && sentence_ends_inside(toks) {
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

/// Whether a sentence ends inside the block: a full stop, question or exclamation mark before
/// a word.
fn sentence_ends_inside(toks: &[Token]) -> bool {
    toks.windows(2)
        .any(|w| matches!(w[0].kind, Kind::Punct('.' | '?' | '!')) && w[1].is_word() && w[1].sent)
}

/// The mark the block ends in ('.', '?' or '!'), past closing quotes and reference marks ("… in
/// Texas. [19]", "… hell. [citation needed]"); `None` when it ends in anything else.
fn last_mark(toks: &[Token]) -> Option<char> {
    let mut i = toks.len();
    while let Some(t) = i.checked_sub(1).and_then(|k| toks.get(k)) {
        match t.kind {
            Kind::Punct('"' | '”') => i -= 1,
            Kind::Punct(']') => {
                // Back past the bracket, at most a few words long.
                let open = toks
                    .get(i.saturating_sub(6)..i - 1)
                    .and_then(|w| w.iter().rposition(|t| t.is_punct('[')));
                match open {
                    Some(k) => i = i.saturating_sub(6) + k,
                    None => return None,
                }
            }
            Kind::Punct(c @ ('.' | '?' | '!')) => return Some(c),
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::tokens::tokenize;

    fn title_case(s: &str) -> bool {
        let mut toks = Vec::new();
        tokenize(s, 0, s.len(), &mut toks);
        is_title_case(s, &toks, false)
    }

    #[test]
    fn a_salutation_is_no_title() {
        let head = "Your Excellency President Ahmed Ould Bellal of the Islamic Republic of \
                    Mauritania, Chairperson of the African Union";
        assert!(title_case(head));
        assert!(!title_case(&format!("{head};")));
        assert!(!title_case(&format!("{head},")));
        assert!(!title_case(&format!(
            "{head};\nYour Excellency Amina Diallo-Traoré, Chairperson of the Commission;\n\
             Distinguished Delegates, Ladies and Gentlemen:"
        )));
    }

    #[test]
    fn a_sentence_with_a_reference_mark_is_no_title() {
        let s = "Padalecki and Supernatural Stars Jensen Ackles and Misha Collins Supported Beto";
        assert!(title_case(s));
        assert!(!title_case(&format!("{s}. [19]")));
        assert!(!title_case(&format!("{s}. [citation needed]")));
        assert!(!title_case(&format!("{s}. [18] [19]")));
        assert!(!title_case(&format!("{s}.\"")));
        // Nor is a paragraph of sentences whose last asks a question; a title may ask one.
        assert!(!title_case(&format!("{s}. Will Smith Come?")));
        assert!(title_case(&format!("{s}?")));
        // Nor a paragraph with a heading run into its end.
        assert!(!title_case(&format!(
            "{s}. Then Jensen Ackles Supported Beto. Career"
        )));
        // A bracket that is not a reference mark after a full stop changes nothing.
        assert!(title_case(&format!("{s} [Video]")));
        // A block in brackets is a note (a wire story's sign-off).
        assert!(!title_case(
            "(Additional Reporting by Lucas Ferraz; editing by Aidan Clarke)"
        ));
    }
}
