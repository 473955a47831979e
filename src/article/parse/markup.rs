//! Sources in markup (feeds and HTML pages), recognised from their bytes before any text
//! decoding, because their encoding is declared inside them (see `charset`).

use super::{Parsed, charset, feed, html};

/// What kind of markup a source holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    Feed,
    Html,
}

/// Extensions that promise markup: `.html .htm .xhtml` (HTML), `.rss .atom .xml` (feeds).
/// `.json` files are feeds when their content says so.
pub fn known_extension(name: &str) -> bool {
    matches!(
        extension(name).as_deref(),
        Some("html" | "htm" | "xhtml" | "rss" | "atom" | "xml")
    )
}

fn extension(name: &str) -> Option<String> {
    Some(
        std::path::Path::new(name)
            .extension()?
            .to_str()?
            .to_ascii_lowercase(),
    )
}

/// The markup a source holds, from its name and first bytes; `None` for every other format.
pub fn detect(name: &str, bytes: &[u8]) -> Option<Markup> {
    match extension(name).as_deref() {
        // An `.xml` file that is not a feed is reported as such, not shown as text.
        Some("rss" | "atom" | "xml") => Some(Markup::Feed),
        Some("html" | "htm" | "xhtml") => Some(Markup::Html),
        Some("json") => feed::looks_like_feed(bytes).then_some(Markup::Feed),
        Some("txt" | "text" | "md" | "markdown" | "jsonl" | "ndjson") => None,
        _ => sniff(bytes),
    }
}

/// Markup recognised by content alone (a source without a known extension, a web response).
pub fn sniff(bytes: &[u8]) -> Option<Markup> {
    if feed::looks_like_feed(bytes) {
        return Some(Markup::Feed);
    }
    let head = bytes.get(..1024).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    (t.starts_with("<!doctype html") || t.starts_with("<html")).then_some(Markup::Html)
}

/// Parses markup. `charset` is the one the transport declared, if any.
pub fn parse(source: &str, bytes: &[u8], charset: Option<&str>, markup: Markup) -> Parsed {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Parsed::error(source, "empty file");
    }
    if bytes.get(..8192).unwrap_or(bytes).contains(&0) {
        return Parsed::error(source, "binary file, not an article");
    }
    match markup {
        Markup::Feed => feed::parse_articles(source, bytes, charset),
        Markup::Html => {
            let (text, _) = charset::decode(bytes, charset);
            let article = html::article(source, &text);
            if article.blocks.is_empty() {
                return Parsed::error(source, "HTML page with no readable text");
            }
            Parsed::one(article)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart() {
        let rss = b"<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>";
        assert_eq!(detect("feed.xml", rss), Some(Markup::Feed));
        assert_eq!(detect("feed", rss), Some(Markup::Feed));
        assert_eq!(detect("page.HTM", b"<p>x</p>"), Some(Markup::Html));
        assert_eq!(
            detect("page", b"<!DOCTYPE html><p>x</p>"),
            Some(Markup::Html)
        );
        assert_eq!(detect("a.json", br#"{"title": "x"}"#), None);
        assert_eq!(detect("a.txt", rss), None);
        assert_eq!(detect("notes", b"Plain text"), None);
    }

    #[test]
    fn an_xml_file_that_is_not_a_feed_is_an_error_not_text() {
        let p = crate::article::parse::parse("image.xml", b"<?xml version='1.0'?><svg/>");
        assert!(p.articles.is_empty());
        assert!(
            p.errors[0].reason.starts_with("not a valid feed"),
            "{:?}",
            p.errors
        );
        let p = crate::article::parse::parse(
            "feed.rss",
            b"<rss version='2.0'><channel><title>T</title></channel></rss>",
        );
        assert_eq!(p.errors[0].reason, "RSS 2.0 feed with no items");
    }
}
