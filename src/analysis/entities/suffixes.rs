//! Parts of a person's name that the finder reads apart from it.
//!
//! A regnal or generational number ("Louis XV", "William Fisher III", "Pope Damasus I"): GUM's
//! names include it. A roman numeral of two letters or more right after a person's name joins
//! the name; "I", "V" and "X" alone only after a title ("Tsar Aleksei I"), where they cannot be
//! the pronoun.
//!
//! A nickname in quotation marks inside a full name ("Finley "Finn" Polmar"): the name before,
//! the quoted word and the capitalised name after are one person's name.

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
        if w.len() == 1 && !r.after_title {
            continue;
        }
        r.toks.1 += 1;
        r.span = Span::new(r.span.start, t.end);
    }
}

/// Joins "First "Nick" Last" into one person's name (see the module doc).
pub(super) fn nicknames(text: &str, toks: &[Token], raws: &mut Vec<Raw>) {
    let quote = |i: usize| {
        toks.get(i).is_some_and(|t| {
            t.kind != Kind::Word && matches!(t.text(text), "\"" | "\u{201c}" | "\u{201d}")
        })
    };
    let mut drop = vec![false; raws.len()];
    for i in 0..raws.len().saturating_sub(1) {
        let (Some(a), Some(b)) = (raws.get(i), raws.get(i + 1)) else {
            continue;
        };
        let q = a.toks.1;
        let nick_ok = toks
            .get(q + 1)
            .is_some_and(|t| t.kind == Kind::Word && t.cap && !t.newline_before);
        if a.kind != EntityKind::Person
            || drop[i]
            || !quote(q)
            || !nick_ok
            || !quote(q + 2)
            || b.toks.0 != q + 3
            || b.toks.1 > b.toks.0 + 2
            || toks
                .get(b.toks.0)
                .is_none_or(|t| !t.cap || t.newline_before)
        {
            continue;
        }
        let (end, tok_end) = (b.span.end, b.toks.1);
        if let Some(a) = raws.get_mut(i) {
            a.span = Span::new(a.span.start, end);
            a.toks.1 = tok_end;
        }
        drop[i + 1] = true;
    }
    let mut k = 0;
    raws.retain(|_| {
        k += 1;
        !drop.get(k - 1).copied().unwrap_or(false)
    });
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
                 When Maria Lopez I think was there, Henry VIII ruled.\n",
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
        ] {
            assert!(es.contains(&(Person, name.into())), "{name}: {es:?}");
        }
    }

    #[test]
    fn a_quoted_nickname_inside_a_name_is_part_of_it() {
        let es: Vec<(crate::analysis::EntityKind, String)> = crate::analysis::entities::rules_of(
            "Family\n\nTheir son, Finley \"Finn\" Polmar, was born in May. \
                 Jared Tristan \u{201c}Jay\u{201d} Padalecki is his uncle.\n",
        )
        .1
        .into_iter()
        .map(|e| (e.kind, e.name.to_string()))
        .collect();
        for name in [
            "Finley \"Finn\" Polmar",
            "Jared Tristan \u{201c}Jay\u{201d} Padalecki",
        ] {
            assert!(es.contains(&(Person, name.into())), "{name}: {es:?}");
        }
    }
}
