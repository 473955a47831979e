//! Parts of a person's name that the finder reads apart from it.
//!
//! A regnal or generational number ("Louis XV", "William Fisher III", "Pope Damasus I"): GUM's
//! names include it. A roman numeral of two letters or more right after a person's name joins
//! the name; "I", "V" and "X" alone only after a title ("Tsar Aleksei I"), where they cannot be
//! the pronoun.

use super::Raw;
use super::tokens::{Kind, Token};
use crate::analysis::EntityKind;
use crate::article::Span;

/// Whether `w` is a roman numeral from I to XXX written in capitals.
fn roman(w: &str) -> bool {
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let tens = w.bytes().take_while(|&b| b == b'X').count();
    tens <= 3 && !w.is_empty() && UNITS.contains(&&w[tens..])
}

/// Joins the numbers after people's names to the names (see the module doc).
pub(super) fn regnal_numbers(text: &str, toks: &[Token], raws: &mut [Raw]) {
    for r in raws.iter_mut().filter(|r| r.kind == EntityKind::Person) {
        let Some(t) = toks.get(r.toks.1) else {
            continue;
        };
        let w = t.text(text);
        if t.kind != Kind::Word || t.newline_before || t.start != r.span.end + 1 || !roman(w) {
            continue;
        }
        // "I" after a title ("Pope Damasus I"), not after an honorific ("Mr. Collins I know").
        if w.len() == 1 && (!r.after_title || r.honorific.is_some()) {
            continue;
        }
        r.toks.1 += 1;
        r.span = Span::new(r.span.start, t.end);
    }
}

#[cfg(test)]
mod tests {
    use super::roman;
    use crate::analysis::EntityKind::Person;

    #[test]
    fn roman_numerals() {
        for w in ["I", "II", "IV", "IX", "XV", "XIV", "XXIII"] {
            assert!(roman(w), "{w}");
        }
        for w in ["", "IIII", "VV", "XXXX", "IC", "Iv", "XL"] {
            assert!(!roman(w), "{w}");
        }
    }

    #[test]
    fn numbers_join_names_and_the_pronoun_does_not() {
        let es: Vec<(crate::analysis::EntityKind, String)> = crate::analysis::entities::rules_of(
            "Kings\n\nThe lawyer William Fisher III spoke. Pope Damasus I wrote to him. \
                 When Maria Lopez I think was there, Henry VIII ruled. Mr. Zorblat I know.\n",
        )
        .1
        .into_iter()
        .map(|e| (e.kind, e.name.to_string()))
        .collect();
        for name in [
            "William Fisher III",
            "Damasus I",
            "Maria Lopez",
            "Henry VIII",
            "Zorblat",
        ] {
            assert!(es.contains(&(Person, name.into())), "{name}: {es:?}");
        }
    }
}
