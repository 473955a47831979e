//! Photo credits: "Nicolas Asfouri - Pool/Getty Images", "(AP Photo/Evan Vucci)", "Reuters/Jane
//! Doe". The photographer becomes a person with the role "photographer", the agency an
//! organization.

use super::names::GAZETTEER;
use super::tokens::{Kind, Token};
use super::{Raw, Sure};
use crate::analysis::EntityKind;
use crate::article::Span;

/// One credit found: the photographer's tokens (if named) and the agency's tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Credit {
    pub photographer: Option<(usize, usize)>,
    pub agency: (usize, usize),
}

fn word<'a>(text: &'a str, toks: &[Token], i: usize) -> &'a str {
    toks.get(i)
        .filter(|t| t.kind == Kind::Word)
        .map_or("", |t| t.text(text))
}

fn name_word(text: &str, toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.kind == Kind::Word && (t.cap || t.upper) && {
            let w = t.text(text);
            w != "Pool" && w != "Photo" && GAZETTEER.agency(w).is_none() && !GAZETTEER.is_stop(w)
        }
    })
}

/// The agency ending at `end` (exclusive), as a token range.
fn agency_before(text: &str, toks: &[Token], end: usize) -> Option<(usize, usize)> {
    for len in [2usize, 1] {
        let s = end.checked_sub(len)?;
        if (s..end).all(|i| toks.get(i).is_some_and(|t| t.kind == Kind::Word))
            && GAZETTEER.agency(&join(text, toks, s, end)).is_some()
            && word(text, toks, s) != "Pool"
        {
            return Some((s, end));
        }
    }
    None
}

/// The agency starting at `start`, as a token range.
fn agency_after(text: &str, toks: &[Token], start: usize) -> Option<(usize, usize)> {
    for len in [2usize, 1] {
        let e = start + len;
        if (start..e).all(|i| toks.get(i).is_some_and(|t| t.kind == Kind::Word))
            && GAZETTEER.agency(&join(text, toks, start, e)).is_some()
            && word(text, toks, start) != "Pool"
        {
            return Some((start, e));
        }
    }
    None
}

fn join(text: &str, toks: &[Token], s: usize, e: usize) -> String {
    let mut out = String::new();
    for i in s..e {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word(text, toks, i));
    }
    out
}

/// Up to four name words ending at `end` (exclusive), on the same line.
fn name_before(text: &str, toks: &[Token], end: usize) -> Option<(usize, usize)> {
    let mut s = end;
    while s > 0 && end - s < 4 && name_word(text, toks, s - 1) {
        s -= 1;
        if toks.get(s).is_some_and(|t| t.newline_before || t.sent) {
            break;
        }
    }
    (s < end).then_some((s, end))
}

/// Up to four name words starting at `start`.
fn name_after(text: &str, toks: &[Token], start: usize) -> Option<(usize, usize)> {
    let mut e = start;
    while e - start < 4
        && name_word(text, toks, e)
        && !(e > start && toks.get(e).is_some_and(|t| t.newline_before))
    {
        e += 1;
    }
    (e > start).then_some((start, e))
}

/// Finds the credits among `toks`.
pub fn find(text: &str, toks: &[Token]) -> Vec<Credit> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Kind::Punct('/') {
            continue;
        }
        // "Name - Pool/Getty Images", "Name/Reuters".
        if let Some(agency) = agency_after(text, toks, i + 1) {
            let mut k = i;
            if word(text, toks, k.wrapping_sub(1)) == "Pool" {
                k -= 1;
            }
            while k > 0 && toks.get(k - 1).is_some_and(|t| is_dash(t.kind)) {
                k -= 1;
            }
            out.push(Credit {
                photographer: name_before(text, toks, k),
                agency,
            });
            continue;
        }
        // "AP Photo/Name", "Reuters/Name".
        let mut k = i;
        if word(text, toks, k.wrapping_sub(1)) == "Photo" {
            k -= 1;
        }
        if let Some(agency) = agency_before(text, toks, k) {
            out.push(Credit {
                photographer: name_after(text, toks, i + 1),
                agency,
            });
        }
    }
    // "AFP via Getty Images": agencies alone.
    for i in 1..toks.len() {
        if toks.get(i).is_some_and(|t| t.end - t.start == 3)
            && word(text, toks, i) == "via"
            && let Some(agency) = agency_after(text, toks, i + 1)
        {
            out.push(Credit {
                photographer: None,
                agency,
            });
            if let Some(first) = agency_before(text, toks, i) {
                out.push(Credit {
                    photographer: None,
                    agency: first,
                });
            }
        }
    }
    out
}

fn is_dash(k: Kind) -> bool {
    matches!(k, Kind::Punct('-' | '–' | '—'))
}

/// Turns credits into mentions and marks their tokens as used.
pub fn mentions(text: &str, toks: &[Token], taken: &mut [bool], out: &mut Vec<Raw>) {
    for c in find(text, toks) {
        let (s, e) = c.agency;
        if taken.get(s).copied().unwrap_or(true) {
            continue;
        }
        if let Some((ps, pe)) = c.photographer {
            push(toks, ps, pe, EntityKind::Person, Some("photographer"), out);
            taken.iter_mut().take(pe).skip(ps).for_each(|t| *t = true);
        }
        push(toks, s, e, EntityKind::Organization, None, out);
        taken.iter_mut().take(e).skip(s).for_each(|t| *t = true);
        // "Pool" between the name and the agency is not an entity.
        for (i, t) in toks.iter().enumerate().take(s).skip(s.saturating_sub(3)) {
            if t.kind == Kind::Word
                && t.text(text) == "Pool"
                && let Some(x) = taken.get_mut(i)
            {
                *x = true;
            }
        }
    }
}

fn push(
    toks: &[Token],
    s: usize,
    e: usize,
    kind: EntityKind,
    role: Option<&str>,
    out: &mut Vec<Raw>,
) {
    let (Some(a), Some(b)) = (toks.get(s), toks.get(e.wrapping_sub(1))) else {
        return;
    };
    out.push(Raw {
        after_title: role.is_some(),
        role: role.map(str::to_string),
        ..Raw::new(Span::new(a.start, b.end), kind, (s, e), Sure::Strong)
    });
}

/// Bylines: "By Jessica Park", "By Ana Duarte and Rui Lopes, Meridian Wire". Each name after
/// "By" (split at "and", "&" and commas) becomes a person with the role "author"; a news agency
/// there is left to the finder. `block` gives each token's block kind.
pub fn bylines(
    text: &str,
    toks: &[Token],
    block: &[crate::article::BlockKind],
    taken: &mut [bool],
    out: &mut Vec<Raw>,
) {
    use crate::article::BlockKind;
    let in_byline = |i: usize| block.get(i) == Some(&BlockKind::Byline);
    // A name word that is no English word, place or organization word: "By Tomasz Nowak" is
    // a person even where the lists lack the first name; "By Staff Reporter", "By Meridian
    // Wire" are not.
    let g = &*GAZETTEER;
    let plain = |j: usize| g.is_plain_name_word(word(text, toks, j));
    let mut i = 0;
    while i < toks.len() {
        if !in_byline(i) {
            i += 1;
            continue;
        }
        // The block's tokens: i..end.
        let mut end = i;
        while end < toks.len()
            && in_byline(end)
            && !toks.get(end).is_some_and(|t| t.is_punct('\u{b6}'))
        {
            end += 1;
        }
        let mut k = i;
        if word(text, toks, k).eq_ignore_ascii_case("by") {
            k += 1;
        }
        while k < end {
            let w = word(text, toks, k);
            if w.eq_ignore_ascii_case("and")
                || toks
                    .get(k)
                    .is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '&' | ':')))
            {
                k += 1;
                continue;
            }
            let mut e = k;
            while e < end && e - k < 4 && name_word(text, toks, e) {
                e += 1;
            }
            // A first name of the lists, or two or three plain name words.
            let named = g.is_first_name(w) || e - k <= 3 && (k..e).all(plain);
            if named && e > k + 1 && !taken.get(k..e).unwrap_or(&[true]).iter().any(|&t| t) {
                push(toks, k, e, EntityKind::Person, Some("author"), out);
                taken.iter_mut().take(e).skip(k).for_each(|t| *t = true);
                k = e;
            } else {
                k += 1;
            }
        }
        i = end.max(i + 1);
    }
}

#[cfg(test)]
mod byline_tests {
    use crate::analysis::EntityKind;
    use crate::analysis::entities::extract;
    use crate::article::parse;

    #[test]
    fn a_byline_names_its_authors() {
        let text = "Harbour Talks Resume\n\nBy Jessica Park, Tomas Reyes and Tomasz Nowak\n\nTalks \
                    resumed on Monday, officials said.\n";
        let article = parse("t.txt", text.as_bytes()).articles.remove(0);
        let es = extract(&article);
        for name in ["Jessica Park", "Tomas Reyes", "Tomasz Nowak"] {
            let e = es
                .iter()
                .find(|e| &*e.name == name)
                .unwrap_or_else(|| panic!("{name} not in {es:#?}"));
            assert_eq!(e.kind, EntityKind::Person);
            assert_eq!(e.role.as_deref(), Some("author"));
        }
    }
}
