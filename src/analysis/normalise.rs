//! The one place names are normalised, and the rules for each use written side by side:
//! [`normalise`] groups the mentions of one article, [`normalise_name`] links entities across
//! the articles of a corpus, [`slug`] makes an entity's id, and [`normalise_space`] gives the
//! name as shown. All four fold white space the same way; they differ in case, punctuation and
//! articles as each says.

/// **Article level** (grouping the mentions of one article): lower case, white space folded,
/// without a leading "the" — "the  Labour Party" and "Labour Party" are one organization, but
/// punctuation counts ("U.S." is not "US"; the gazetteer's canonical names join those).
pub fn normalise(s: &str) -> String {
    if s.is_ascii() {
        let mut out = normalise_space(s);
        out.make_ascii_lowercase();
        if out.starts_with("the ") {
            out.drain(..4);
        }
        return out;
    }
    let s = normalise_space(s).to_lowercase();
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// The words of `s` joined by single spaces.
pub fn normalise_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The id of an entity in an article: lower-case letters and digits, every other run of
/// characters one hyphen, none at the ends; "entity" when nothing is left.
/// "Bashar al-Assad" → "bashar-al-assad"; "U.S." → "u-s".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    if name.is_ascii() {
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
    } else {
        slug_chars(name, &mut out);
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("entity");
    }
    out
}

fn slug_chars(name: &str, out: &mut String) {
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
}

/// **Corpus level** (linking one entity across articles by its canonical name): lower case,
/// with hyphens, dots and apostrophes taken as spaces and white space folded, so that
/// "Al-Assad" and "al Assad" agree; a leading "the" stays (canonical names rarely have one).
pub fn normalise_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.' || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Bashar al-Assad"), "bashar-al-assad");
        assert_eq!(slug("U.S."), "u-s");
        assert_eq!(slug("..."), "entity");
        assert_eq!(slug("Ελένη Παπαδάκη"), "ελένη-παπαδάκη");
    }

    #[test]
    fn article_and_corpus_rules_side_by_side() {
        assert_eq!(normalise("The  Labour\nParty"), "labour party");
        assert_eq!(normalise_name("The  Labour\nParty"), "the labour party");
        assert_eq!(normalise("Al-Assad"), "al-assad");
        assert_eq!(normalise_name("Al-Assad"), "al assad");
        assert_eq!(normalise("U.S."), "u.s.");
        assert_eq!(normalise_name("U.S."), "u s");
        assert_eq!(normalise_space(" Barack \t Obama "), "Barack Obama");
    }
}
