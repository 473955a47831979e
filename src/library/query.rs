//! Turning what a user typed into an FTS5 query that cannot break.
//!
//! FTS5 has its own syntax (`AND`, `OR`, `NOT`, `NEAR(…)`, `"…"`, `*`, `^`, `column:`), and a
//! stray quote or parenthesis is a syntax error. [`Query::Words`] and [`Query::Prefix`] quote
//! every word, so any input is a valid query; only [`Query::Fts`] passes the syntax through,
//! and its errors come back as [`super::Error::Query`] with SQLite's message.

/// A full-text query over headline, text, byline and entity names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    /// Every word must appear (in any column, any order). Operators and punctuation are words
    /// like any other: `AND`, `(`, `"` are searched for, never interpreted.
    Words(String),
    /// Like `Words`, with the last word matched as a prefix: what an incremental search line
    /// wants while the user is still typing ("rai" finds "rail").
    Prefix(String),
    /// FTS5 query syntax as is, for users who want `OR`, `NEAR` or `headline:`.
    Fts(String),
}

impl Query {
    /// The FTS5 `MATCH` expression, or `None` when the query has nothing to search for (empty,
    /// or only punctuation): such a query filters nothing.
    pub fn to_fts(&self) -> Option<String> {
        match self {
            Query::Words(s) => quoted(s, false),
            Query::Prefix(s) => quoted(s, true),
            Query::Fts(s) => (!s.trim().is_empty()).then(|| s.clone()),
        }
    }

    /// The words a reader should highlight in a matching article (lower-cased, in order;
    /// without operators for `Fts`).
    pub fn terms(&self) -> Vec<String> {
        let s = match self {
            Query::Words(s) | Query::Prefix(s) | Query::Fts(s) => s,
        };
        let fts = matches!(self, Query::Fts(_));
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .filter(|w| !(fts && matches!(*w, "AND" | "OR" | "NOT" | "NEAR")))
            .map(str::to_lowercase)
            .collect()
    }
}

/// Each white-space-separated word that has a letter or digit, in double quotes (quotes inside
/// doubled), joined by spaces (FTS5's implicit AND); the last one with `*` when `prefix`.
fn quoted(s: &str, prefix: bool) -> Option<String> {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let (last, rest) = words.split_last()?;
    let mut out = String::with_capacity(s.len() + 3 * words.len() + 1);
    for w in rest.iter().chain(std::iter::once(last)) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push('"');
        out.push_str(&w.replace('"', "\"\""));
        out.push('"');
    }
    if prefix {
        out.push('*');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_and_operators_are_plain_words() {
        assert_eq!(
            Query::Words("rail AND strike".into()).to_fts().as_deref(),
            Some("\"rail\" \"AND\" \"strike\"")
        );
        assert_eq!(
            Query::Words("say \"hi\"".into()).to_fts().as_deref(),
            Some("\"say\" \"\"\"hi\"\"\"")
        );
        assert_eq!(
            Query::Prefix("osaka flo".into()).to_fts().as_deref(),
            Some("\"osaka\" \"flo\"*")
        );
        for empty in ["", "   ", "\"", "(", "* ) ("] {
            assert_eq!(Query::Words(empty.into()).to_fts(), None, "{empty:?}");
            assert_eq!(Query::Prefix(empty.into()).to_fts(), None, "{empty:?}");
        }
        assert_eq!(Query::Fts("  ".into()).to_fts(), None);
    }

    #[test]
    fn terms_drop_operators_only_for_fts() {
        assert_eq!(
            Query::Fts("rail OR Strike*".into()).terms(),
            ["rail", "strike"]
        );
        assert_eq!(Query::Words("rail OR".into()).terms(), ["rail", "or"]);
    }
}
