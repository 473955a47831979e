//! Whether a string is HTML at all: a tag byline knows, or a character reference (the latter
//! recognised in `references`).

use super::references::has_references;

/// True when a string holds HTML markup: a known tag (`<p>`, `<br>`, `</div>`…) or a character
/// reference such as `&quot;`, `&amp;` or `&#8220;`.
pub fn looks_like_html(s: &str) -> bool {
    has_tags(s) || has_references(s)
}

/// True when a string holds an HTML tag byline knows (not just a `<` in prose).
pub fn has_tags(s: &str) -> bool {
    const TAGS: &[&str] = &[
        "p",
        "br",
        "div",
        "span",
        "a",
        "em",
        "strong",
        "b",
        "i",
        "ul",
        "ol",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "figure",
        "figcaption",
        "img",
        "html",
        "body",
        "section",
        "article",
        "table",
        "pre",
        "hr",
        "!--",
        "!doctype",
    ];
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(at) = s.get(from..).and_then(|r| r.find('<')) {
        let i = from + at + 1;
        let i = if bytes.get(i) == Some(&b'/') {
            i + 1
        } else {
            i
        };
        let name_end = bytes
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'!' || *b == b'-'))
            .map_or(bytes.len(), |p| i + p);
        let name = s.get(i..name_end).unwrap_or("").to_ascii_lowercase();
        let next = bytes.get(name_end).copied();
        if TAGS.contains(&name.as_str())
            && (name.starts_with('!') || matches!(next, Some(b'>' | b' ' | b'/' | b'\n' | b'\t')))
        {
            return true;
        }
        from = name_end.max(from + at + 1);
    }
    false
}
