//! JSON and JSON Lines articles, in the shapes of news-API and scraper dumps: one article per
//! object; a top-level array of objects, or an object holding one under `articles`, `items`,
//! `data`, `results`, `posts`, `stories` or `entries`. Common field names are understood, unknown
//! ones ignored. The article text is built as headline, blank line, dek, blank line, paragraphs.

use super::html::{self, Piece, PieceKind};
use super::{Parsed, SourceError};
use crate::article::model::Article;
use crate::article::sanitize;
use serde_json::{Map, Value};

const TITLE: &[&str] = &["title", "headline", "name"];
const BODY: &[&str] = &[
    "text",
    "body",
    "content",
    "articleBody",
    "article",
    "story",
    "fullText",
];
const DEK: &[&str] = &[
    "description",
    "dek",
    "summary",
    "subtitle",
    "subheadline",
    "standfirst",
    "abstract",
];
const AUTHOR: &[&str] = &["author", "byline", "authors", "creator", "by"];
const DATE: &[&str] = &[
    "date",
    "published",
    "publishedAt",
    "published_at",
    "pubDate",
    "datePublished",
    "publication_date",
    "created_at",
];
const URL: &[&str] = &["url", "link", "href"];
const SOURCE: &[&str] = &["source", "outlet", "publisher", "site", "source_name"];
const LISTS: &[&str] = &[
    "articles", "items", "data", "results", "posts", "stories", "entries",
];

/// A `.json` file: one JSON value, or (if that fails and it looks like one) JSON Lines.
pub(super) fn parse_json(source: &str, text: &str) -> Parsed {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => from_value(source, value),
        Err(e) => {
            if looks_like_lines(text) {
                parse_lines(source, text)
            } else {
                Parsed::error(source, format!("invalid JSON: {e}"))
            }
        }
    }
}

/// A source without a known extension that starts like JSON: JSON if it parses as JSON (or
/// JSON Lines), `None` to let it be read as text.
pub(super) fn try_parse(source: &str, text: &str) -> Option<Parsed> {
    match serde_json::from_str::<Value>(text) {
        Ok(value @ (Value::Object(_) | Value::Array(_))) => Some(from_value(source, value)),
        Ok(_) => None,
        Err(e) => {
            let json_like = text.trim_start().starts_with('{')
                || e.classify() == serde_json::error::Category::Eof
                || e.to_string().contains("recursion limit");
            if looks_like_lines(text) {
                Some(parse_lines(source, text))
            } else if json_like {
                Some(Parsed::error(source, format!("invalid JSON: {e}")))
            } else {
                None
            }
        }
    }
}

/// The first non-blank line is a complete JSON object.
fn looks_like_lines(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))))
}

/// JSON Lines: one article object per line; blank lines are skipped. A record is named
/// `source#N`, N being its line number.
pub(super) fn parse_lines(source: &str, text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let name = format!("{source}#{}", i + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => push(&mut parsed, &name, &map),
            Ok(_) => parsed
                .errors
                .push(SourceError::new(name, "record is not a JSON object")),
            Err(e) => parsed
                .errors
                .push(SourceError::new(name, format!("invalid JSON: {e}"))),
        }
    }
    if parsed.articles.is_empty() && parsed.errors.is_empty() {
        parsed.errors.push(SourceError::new(source, "empty file"));
    }
    parsed
}

fn from_value(source: &str, value: Value) -> Parsed {
    let mut parsed = Parsed::default();
    let records = match value {
        Value::Array(items) => items,
        Value::Object(mut map) => match list_field(&mut map) {
            Some(items) => items,
            None => {
                push(&mut parsed, source, &map);
                return parsed;
            }
        },
        _ => {
            return Parsed::error(source, "JSON is not an article object or a list of them");
        }
    };
    for (i, record) in records.into_iter().enumerate() {
        let name = format!("{source}#{}", i + 1);
        match record {
            Value::Object(map) => push(&mut parsed, &name, &map),
            _ => parsed
                .errors
                .push(SourceError::new(name, "record is not a JSON object")),
        }
    }
    if parsed.articles.is_empty() && parsed.errors.is_empty() {
        parsed
            .errors
            .push(SourceError::new(source, "no articles in the JSON list"));
    }
    parsed
}

/// `{"articles": [...]}`, `{"data": {"items": [...]}}`.
fn list_field(map: &mut Map<String, Value>) -> Option<Vec<Value>> {
    if first_str(map, TITLE).is_some() || has_body(map) {
        return None;
    }
    for key in LISTS {
        match map.remove(*key) {
            Some(Value::Array(items)) => return Some(items),
            Some(Value::Object(mut inner)) => {
                if let Some(items) = list_field(&mut inner) {
                    return Some(items);
                }
            }
            _ => {}
        }
    }
    None
}

fn push(parsed: &mut Parsed, name: &str, map: &Map<String, Value>) {
    match article(name, map) {
        Ok(a) => parsed.articles.push(a),
        Err(reason) => parsed.errors.push(SourceError::new(name, reason)),
    }
}

fn has_body(map: &Map<String, Value>) -> bool {
    BODY.iter().any(|k| map.contains_key(*k))
}

/// One record to an article.
fn article(name: &str, map: &Map<String, Value>) -> Result<Article, String> {
    let title = first_str(map, TITLE).map(|t| inline(&t));
    let dek = first_str(map, DEK).map(|d| inline(&d));
    let body = body_paragraphs(map);
    if title.as_deref().is_none_or(str::is_empty) && body.is_empty() {
        return Err("record has no title or text".into());
    }
    let mut article = html::assemble(name, title.as_deref(), dek.as_deref(), &body);
    if let Some(author) = author(map) {
        article.byline = Some(author);
    }
    if let Some(dateline) = map.get("dateline").and_then(Value::as_str) {
        article.dateline = Some(sanitize::clean_inline(dateline));
    }
    let field = |keys: &[&str]| first_str(map, keys).map(|s| sanitize::clean_inline(&s));
    article.date = field(DATE).or(article.date);
    article.url = field(URL);
    article.outlet = field(SOURCE);
    Ok(article)
}

/// A one-line field (title, dek) cleaned for the terminal; markup in it (`&quot;`, `<b>`) is
/// read as HTML.
fn inline(s: &str) -> String {
    if html::looks_like_html(s) {
        html::inline_text(s)
    } else {
        sanitize::clean_inline(s).trim().to_string()
    }
}

/// The first of `keys` holding a string (or an object with a `name`, `title` or `rendered`
/// string, as in `{"source": {"name": "…"}}` and WordPress's `{"title": {"rendered": "…"}}`).
fn first_str(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match map.get(*k)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => ["name", "title", "rendered"]
            .iter()
            .find_map(|f| o.get(*f)?.as_str().map(str::to_string)),
        _ => None,
    })
}

/// Authors as one line: a string, an object with a name, or a list of either.
fn author(map: &Map<String, Value>) -> Option<String> {
    let name = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name")?.as_str().map(str::to_string),
        _ => None,
    };
    AUTHOR.iter().find_map(|k| {
        let names: Vec<String> = match map.get(*k)? {
            Value::Array(items) => items.iter().filter_map(name).collect(),
            v => name(v).into_iter().collect(),
        };
        let names: Vec<String> = names
            .iter()
            .map(|n| sanitize::clean_inline(n).trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        (!names.is_empty()).then(|| names.join(", "))
    })
}

/// The body as paragraphs: a string is split on blank lines (or on single newlines when it has
/// no blank line); a list gives one or more paragraphs per string (or per `{"text": …}`).
fn body_paragraphs(map: &Map<String, Value>) -> Vec<Piece> {
    let Some(value) = BODY.iter().find_map(|k| map.get(*k)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match value {
        Value::String(s) => split_body(s, &mut out),
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::String(s) => split_body(s, &mut out),
                    Value::Object(o) => {
                        if let Some(s) = o.get("text").and_then(Value::as_str) {
                            split_body(s, &mut out);
                        }
                    }
                    _ => {}
                }
            }
        }
        Value::Object(o) => {
            if let Some(s) = o.get("rendered").and_then(Value::as_str) {
                split_body(s, &mut out);
            }
        }
        _ => {}
    }
    out
}

/// One body string into pieces. HTML (a known tag such as `<p>`) is read as HTML, so its
/// paragraphs, block quotes and captions are kept; a string that only escapes characters
/// (`&quot;`) has them decoded; anything else is split on blank lines.
fn split_body(raw: &str, out: &mut Vec<Piece>) {
    if html::has_tags(raw) {
        out.extend(html::parse(raw).pieces.into_iter().map(|mut p| {
            if let PieceKind::Heading(_) = p.kind {
                p.kind = PieceKind::Paragraph;
            }
            p
        }));
        return;
    }
    let decoded;
    let raw = if html::looks_like_html(raw) {
        decoded = html::decode_references(raw);
        decoded.as_str()
    } else {
        raw
    };
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let s = sanitize::clean(&raw);
    let paras = super::text::paragraphs(&s);
    let piece = |text: &str| Piece {
        kind: PieceKind::Paragraph,
        text: text.to_string(),
    };
    if paras.len() == 1 {
        // No blank line: each line is a paragraph.
        out.extend(
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(piece),
        );
    } else {
        out.extend(paras.iter().map(|p| piece(p.span.slice(&s))));
    }
}

#[cfg(test)]
mod tests {
    use crate::article::parse::{SourceError, parse};
    use crate::article::{Article, BlockKind};

    fn blocks(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, a.slice(b.span))).collect()
    }

    #[test]
    fn one_object_with_common_fields() {
        let json = r#"{"title": "Dam opens", "description": "A short dek",
            "content": "First para.\n\nSecond\npara.", "author": ["Ana Lima", {"name": "Tom Berg"}],
            "publishedAt": "2024-05-01", "url": "http://x/1", "source": {"id": null, "name": "Wire"},
            "extra": {"ignored": true}}"#;
        let p = parse("a.json", json.as_bytes());
        assert!(p.errors.is_empty());
        let a = &p.articles[0];
        assert_eq!(a.source, "a.json");
        assert_eq!(
            a.text,
            "Dam opens\n\nA short dek\n\nFirst para.\n\nSecond\npara."
        );
        assert_eq!(
            blocks(a),
            vec![
                (BlockKind::Headline, "Dam opens"),
                (BlockKind::Dek, "A short dek"),
                (BlockKind::Paragraph, "First para."),
                (BlockKind::Paragraph, "Second\npara."),
            ]
        );
        assert_eq!(a.byline.as_deref(), Some("Ana Lima, Tom Berg"));
        assert_eq!(a.date.as_deref(), Some("2024-05-01"));
        assert_eq!(a.url.as_deref(), Some("http://x/1"));
        assert_eq!(a.outlet.as_deref(), Some("Wire"));
    }

    #[test]
    fn body_without_blank_lines_splits_on_newlines_and_arrays_are_paragraphs() {
        let p = parse(
            "a.json",
            br#"[{"headline": "A", "body": "One.\nTwo."},
            {"headline": "B", "text": ["Three.", "Four.\n\nFive."]}]"#,
        );
        assert_eq!(p.articles.len(), 2);
        assert_eq!(p.articles[0].source, "a.json#1");
        assert_eq!(p.articles[1].source, "a.json#2");
        assert_eq!(p.articles[0].text, "A\n\nOne.\n\nTwo.");
        assert_eq!(
            p.articles[1].text,
            "A\n\nThree.\n\nFour.\n\nFive.".replace('A', "B")
        );
    }

    #[test]
    fn wrapped_lists_are_found() {
        for key in ["articles", "items", "data", "results"] {
            let json = format!(r#"{{"status": "ok", "{key}": [{{"title": "T", "text": "X."}}]}}"#);
            let p = parse("a.json", json.as_bytes());
            assert_eq!(p.articles.len(), 1, "{key}");
            assert_eq!(p.articles[0].headline, "T");
        }
    }

    #[test]
    fn json_lines_with_a_malformed_record() {
        let jsonl = "{\"title\": \"One\", \"text\": \"A.\"}\n{\"title\": \"Two\", \"text\": \n\n[1, 2]\n{\"title\": \"Four\", \"body\": \"D.\"}\n{\"foo\": 1}\n";
        let p = parse("feed.jsonl", jsonl.as_bytes());
        let heads: Vec<_> = p.articles.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, ["One", "Four"]);
        assert_eq!(p.articles[1].source, "feed.jsonl#5");
        let errs: Vec<_> = p.errors.iter().map(|e| e.source.as_str()).collect();
        assert_eq!(errs, ["feed.jsonl#2", "feed.jsonl#4", "feed.jsonl#6"]);
        assert!(p.errors[0].reason.starts_with("invalid JSON"));
        assert_eq!(p.errors[2].reason, "record has no title or text");
    }

    #[test]
    fn deeply_nested_json_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let p = parse("deep.json", deep.as_bytes());
        assert!(p.articles.is_empty());
        assert!(
            p.errors[0].reason.contains("recursion limit"),
            "{:?}",
            p.errors
        );
        let deep_obj = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
        let p = parse("deep.jsonl", deep_obj.as_bytes());
        assert!(p.articles.is_empty() && p.errors.len() == 1);
    }

    #[test]
    fn html_in_fields_is_read_as_html() {
        let p = parse(
            "a.json",
            br#"{"title": "Mayor says &quot;ready&quot; <b>now</b>",
                "content": "<p>&quot;We are ready,&quot; said Rui Costa.</p>\n<blockquote>&ldquo;Never again.&rdquo;</blockquote><script>x()</script><p>Last &amp; least.</p>"}"#,
        );
        let a = &p.articles[0];
        assert_eq!(a.headline, "Mayor says \"ready\" now");
        assert_eq!(
            blocks(a),
            vec![
                (BlockKind::Headline, "Mayor says \"ready\" now"),
                (BlockKind::Paragraph, "\"We are ready,\" said Rui Costa."),
                (BlockKind::Blockquote, "“Never again.”"),
                (BlockKind::Paragraph, "Last & least."),
            ]
        );
        // Only escapes, no tags: decoded, and the paragraphs split as before.
        let p = parse(
            "b.json",
            br#"{"title": "T", "text": "&quot;Yes,&quot; she said.\n\nAT&amp;T agreed."}"#,
        );
        assert_eq!(
            p.articles[0].text,
            "T\n\n\"Yes,\" she said.\n\nAT&T agreed."
        );
    }

    #[test]
    fn escapes_in_json_strings_are_cleaned() {
        let p = parse(
            "a.json",
            br#"{"title": "Hi\u001b[2J\u202e", "text": "Body\u001b]52;c;eA==\u0007 text."}"#,
        );
        let a = &p.articles[0];
        assert_eq!(a.headline, "Hi");
        assert_eq!(a.text, "Hi\n\nBody text.");
    }

    #[test]
    fn invalid_json_file_is_reported() {
        let p = parse("a.json", b"{\"title\": ");
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].source, "a.json");
        assert!(p.errors[0].reason.starts_with("invalid JSON"));
        let p = parse("a.json", b"42");
        assert_eq!(
            p.errors,
            vec![SourceError::new(
                "a.json",
                "JSON is not an article object or a list of them"
            )]
        );
    }
}
