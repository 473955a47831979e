//! Character references on their own: recognising one (`&quot;`, `&#8220;`) in a string, and
//! decoding them in text that is otherwise plain, its line structure kept.

use super::walk;

/// Decodes character references only, keeping the text's line structure (for a plain-text
/// field that merely escapes its quotes: `&quot;Yes,&quot; she said.`).
pub fn decode_references(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let walked = walk::walk(s, true);
    let parts: Vec<&str> = walked.pieces.iter().map(|p| p.text.as_str()).collect();
    parts.concat()
}

/// True when a string holds a character reference: `&name;` for a common entity, or `&#…;`.
pub(super) fn has_references(s: &str) -> bool {
    const NAMES: &[&str] = &[
        "quot", "amp", "lt", "gt", "apos", "nbsp", "rsquo", "lsquo", "rdquo", "ldquo", "mdash",
        "ndash", "hellip", "eacute", "copy",
    ];
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        rest = rest.get(at + 1..).unwrap_or("");
        let end = rest
            .bytes()
            .take(12)
            .position(|b| b == b';')
            .unwrap_or(usize::MAX);
        if let Some(name) = rest.get(..end) {
            let numeric = name.strip_prefix('#').is_some_and(|n| {
                let n = n.strip_prefix(['x', 'X']).unwrap_or(n);
                !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit())
            });
            if numeric || NAMES.contains(&name) {
                return true;
            }
        }
    }
    false
}
