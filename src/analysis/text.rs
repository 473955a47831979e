//! The text layer under the analysis: what a character is to the tokenisers of `entities` and
//! `quotes`.

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
}
