//! Turns the bytes of one source into articles: decoding, format detection, then one parser per
//! format (plain text, Markdown, JSON / JSON Lines) that all share the shaping rules in `text`.
//!
//! Offsets: every span is a UTF-8 byte offset into `Article::text`. For plain text that text is
//! the file after decoding (invalid UTF-8 replaced by U+FFFD), with a BOM removed, CRLF and lone
//! CR turned into LF and unsafe characters removed (see `sanitize::clean`); for a clean UTF-8 file
//! with LF line ends it is the file itself, byte for byte. Markdown and JSON sources get a text
//! built from their content: headline, blank line, dek, blank line, paragraphs.

pub mod charset;
mod conventions;
pub mod feed;
pub mod html;
mod json;
mod markdown;
pub mod markup;
mod text;

use super::model::Article;
use super::sanitize;
use serde::Serialize;
use std::borrow::Cow;

/// A source, or one record of it, that could not be read or parsed, with the reason in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceError {
    pub source: String,
    pub reason: String,
}

impl SourceError {
    /// Both parts are cleaned for the terminal: a file name can hold escape sequences too.
    pub fn new(source: impl AsRef<str>, reason: impl AsRef<str>) -> Self {
        Self {
            source: sanitize::clean_inline(source.as_ref()),
            reason: sanitize::clean_inline(reason.as_ref()),
        }
    }
}

/// What one source yields: its articles and the problems met (a bad JSON Lines record among
/// good ones yields both).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub errors: Vec<SourceError>,
}

impl Parsed {
    fn error(source: &str, reason: impl AsRef<str>) -> Self {
        Self {
            articles: Vec::new(),
            errors: vec![SourceError::new(source, reason)],
        }
    }

    fn one(article: Article) -> Self {
        Self {
            articles: vec![article],
            errors: Vec::new(),
        }
    }
}

/// The formats byline reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    JsonLines,
}

impl Format {
    /// The format a file name's extension promises, if it is one byline knows.
    pub fn from_name(name: &str) -> Option<Self> {
        let ext = std::path::Path::new(name)
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Self::Text),
            "md" | "markdown" => Some(Self::Markdown),
            "json" => Some(Self::Json),
            "jsonl" | "ndjson" => Some(Self::JsonLines),
            _ => None,
        }
    }
}

/// How much of the start of a source is checked for binary content.
pub const SNIFF_BYTES: usize = 8 * 1024;

/// Whether a source starting with `bytes` is binary rather than text, by the rule [`parse`]
/// applies: a NUL byte or many invalid UTF-8 sequences in its first [`SNIFF_BYTES`], unless it
/// opens with a UTF-16 or UTF-32 byte-order mark. Lets a reader stop early.
pub fn is_binary(bytes: &[u8]) -> bool {
    if unicode_bom(bytes).is_some() {
        return false;
    }
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    head.contains(&0) || (std::str::from_utf8(head).is_err() && looks_binary(head))
}

/// The UTF-16 and UTF-32 encodings, named by their byte-order mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bom {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

impl Bom {
    fn len(self) -> usize {
        match self {
            Self::Utf16Le | Self::Utf16Be => 2,
            Self::Utf32Le | Self::Utf32Be => 4,
        }
    }
}

/// The UTF-16/32 byte-order mark `bytes` open with, if any (UTF-32 LE is checked first: its
/// mark begins with UTF-16 LE's).
fn unicode_bom(bytes: &[u8]) -> Option<Bom> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => Some(Bom::Utf32Le),
        [0, 0, 0xFE, 0xFF, ..] => Some(Bom::Utf32Be),
        [0xFF, 0xFE, ..] => Some(Bom::Utf16Le),
        [0xFE, 0xFF, ..] => Some(Bom::Utf16Be),
        _ => None,
    }
}

/// UTF-16 (through `encoding_rs`) or UTF-32 (by hand: `encoding_rs` follows the WHATWG Encoding
/// Standard, which has no UTF-32) text after its byte-order mark; malformed units become U+FFFD.
fn decode_unicode(bom: Bom, bytes: &[u8]) -> String {
    let body = bytes.get(bom.len()..).unwrap_or_default();
    let utf32 = |big: bool| {
        let mut s = String::with_capacity(body.len() / 4);
        for unit in body.chunks(4) {
            let c = <[u8; 4]>::try_from(unit)
                .ok()
                .map(|b| {
                    if big {
                        u32::from_be_bytes(b)
                    } else {
                        u32::from_le_bytes(b)
                    }
                })
                .and_then(char::from_u32)
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            s.push(c);
        }
        s
    };
    match bom {
        Bom::Utf16Le => encoding_rs::UTF_16LE
            .decode_without_bom_handling(body)
            .0
            .into_owned(),
        Bom::Utf16Be => encoding_rs::UTF_16BE
            .decode_without_bom_handling(body)
            .0
            .into_owned(),
        Bom::Utf32Le => utf32(false),
        Bom::Utf32Be => utf32(true),
    }
}

/// Parses one source. `source` names it (the path as given, `-` for standard input) for
/// `Article::source` and errors; its extension picks the format, otherwise the content does.
///
/// `Article::source` is `source` cleaned for the terminal (identical for any ordinary path).
pub fn parse(source: &str, bytes: &[u8]) -> Parsed {
    parse_cow(source, Cow::Borrowed(bytes))
}

/// Like [`parse`], taking the bytes: a clean UTF-8 text file becomes the article text without
/// being copied.
pub fn parse_owned(source: &str, bytes: Vec<u8>) -> Parsed {
    parse_cow(source, Cow::Owned(bytes))
}

fn parse_cow(source: &str, bytes: Cow<'_, [u8]>) -> Parsed {
    let source = &sanitize::clean_inline(source);
    let mut parsed = if let Some(kind) = markup::detect(source, &bytes) {
        markup::parse(source, &bytes, None, kind)
    } else {
        match decode(bytes) {
            Ok(text) => parse_text(source, text),
            Err(reason) => return Parsed::error(source, reason),
        }
    };
    for a in &mut parsed.articles {
        a.understand_date();
    }
    parsed
}

fn parse_text(source: &str, text: String) -> Parsed {
    match Format::from_name(source) {
        Some(Format::Text) => Parsed::one(text::parse(source, text)),
        Some(Format::Markdown) => Parsed::one(markdown::parse(source, &text)),
        Some(Format::Json) => json::parse_json(source, &text),
        Some(Format::JsonLines) => json::parse_lines(source, &text),
        None => sniff(source, text),
    }
}

/// Picks the format of a source without a known extension from its first characters.
fn sniff(source: &str, text: String) -> Parsed {
    let trimmed = text.trim_start();
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && let Some(parsed) = json::try_parse(source, &text)
    {
        return parsed;
    }
    let first_line = trimmed.lines().next().unwrap_or("");
    if first_line.starts_with("# ") {
        return Parsed::one(markdown::parse(source, &text));
    }
    Parsed::one(text::parse(source, text))
}

/// Bytes to clean text, or why they are not an article. Owned bytes that need no cleaning
/// become the text as they are.
fn decode(bytes: Cow<'_, [u8]>) -> Result<String, String> {
    if let Some(bom) = unicode_bom(&bytes) {
        let text = decode_unicode(bom, &bytes);
        if text.trim().is_empty() {
            return Err("empty file".into());
        }
        return tidy(text);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file".into());
    }
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(&bytes);
    if head.contains(&0) {
        return Err("binary file, not an article".into());
    }
    let binary = || Err("binary file, not an article".into());
    let text = match bytes {
        Cow::Borrowed(b) => match std::str::from_utf8(b) {
            Ok(valid) => valid.to_string(),
            Err(_) if looks_binary(head) => return binary(),
            Err(_) => String::from_utf8_lossy(b).into_owned(),
        },
        Cow::Owned(v) => match String::from_utf8(v) {
            Ok(valid) => valid,
            Err(e) => {
                let v = e.into_bytes();
                if looks_binary(v.get(..SNIFF_BYTES).unwrap_or(&v)) {
                    return binary();
                }
                String::from_utf8_lossy(&v).into_owned()
            }
        },
    };
    tidy(text)
}

/// Decoded text to clean text: BOM dropped, line ends made LF, unsafe characters removed.
fn tidy(mut text: String) -> Result<String, String> {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    if let Cow::Owned(clean) = sanitize::clean(&text) {
        text = clean;
    }
    if text.trim().is_empty() {
        return Err("no readable text (only control characters)".into());
    }
    Ok(text)
}

/// Many invalid UTF-8 sequences at the start: not text in any encoding byline reads.
fn looks_binary(head: &[u8]) -> bool {
    let s = String::from_utf8_lossy(head);
    let mut chars = 0usize;
    let mut bad = 0usize;
    for c in s.chars() {
        chars += 1;
        if c == char::REPLACEMENT_CHARACTER {
            bad += 1;
        }
    }
    bad >= 4 && bad * 4 > chars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;

    #[test]
    fn empty_and_whitespace_sources_are_errors() {
        for bytes in [&b""[..], b"  \n\t\r\n  "] {
            let p = parse("a.txt", bytes);
            assert!(p.articles.is_empty());
            assert_eq!(p.errors, vec![SourceError::new("a.txt", "empty file")]);
        }
    }

    #[test]
    fn binary_sources_are_errors() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        let p = parse("photo.txt", png);
        assert_eq!(p.errors[0].reason, "binary file, not an article");
        let noise: Vec<u8> = (0..2000u32).map(|i| 0x80 | (i % 64) as u8).collect();
        assert_eq!(
            parse("x", &noise).errors[0].reason,
            "binary file, not an article"
        );
    }

    #[test]
    fn utf16_and_utf32_need_their_bom_to_be_text() {
        let mut le16 = vec![0xFF, 0xFE];
        le16.extend("Hi\n\nBody.".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(!is_binary(&le16));
        assert_eq!(parse("a.txt", &le16).articles[0].text, "Hi\n\nBody.");
        // Without its mark the same text is binary (NUL bytes).
        assert!(is_binary(le16.get(2..).unwrap()));
        // A lone surrogate and an out-of-range UTF-32 unit become U+FFFD; a cut unit too.
        let mut bad16 = vec![0xFE, 0xFF, 0, b'A', 0xD8, 0x00, 0, b'B'];
        bad16.push(0);
        assert_eq!(
            parse("a.txt", &bad16).articles[0].text,
            "A\u{fffd}B\u{fffd}"
        );
        let bad32 = [
            0, 0, 0xFE, 0xFF, 0, 0, 0, b'A', 0x7F, 0, 0, 0, 0, 0, 0, b'B',
        ];
        assert_eq!(parse("a.txt", &bad32).articles[0].text, "A\u{fffd}B");
        assert_eq!(
            parse("a.txt", &[0xFF, 0xFE, b' ', 0]).errors[0].reason,
            "empty file"
        );
    }

    #[test]
    fn only_control_characters_is_an_error() {
        let p = parse("a.txt", b"\x1b[31m\x07\x1b[0m");
        assert!(p.articles.is_empty());
        assert!(p.errors[0].reason.contains("no readable text"));
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily() {
        let p = parse(
            "a.txt",
            b"Caf\xe9 owner speaks\n\nThe owner of the caf\xe9 spoke.",
        );
        assert!(p.errors.is_empty());
        let a = &p.articles[0];
        assert_eq!(a.headline, "Caf\u{fffd} owner speaks");
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let p = parse(
            "a.txt",
            "\u{feff}Headline here\r\n\r\nFirst paragraph\r\nwraps here.\r\n\r\nSecond.\r\n"
                .as_bytes(),
        );
        let a = &p.articles[0];
        assert_eq!(
            a.text,
            "Headline here\n\nFirst paragraph\nwraps here.\n\nSecond.\n"
        );
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Headline,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(a.slice(a.blocks[1].span), "First paragraph\nwraps here.");
    }

    #[test]
    fn escape_sequences_never_reach_the_text() {
        let p = parse(
            "a.txt",
            b"Head\x1b]52;c;aGk=\x07line\n\nBody \x1b[31mred\x1b[0m and \xe2\x80\xaereversed.",
        );
        let a = &p.articles[0];
        assert_eq!(a.headline, "Headline");
        assert!(!a.text.contains('\x1b') && !a.text.contains('\u{202e}'));
    }

    #[test]
    fn format_follows_the_extension_then_the_content() {
        assert_eq!(Format::from_name("a/b.MD"), Some(Format::Markdown));
        assert_eq!(Format::from_name("x.ndjson"), Some(Format::JsonLines));
        assert_eq!(Format::from_name("README"), None);
        let p = parse("-", br#"{"title": "From stdin", "text": "Body."}"#);
        assert_eq!(p.articles[0].headline, "From stdin");
        let p = parse("-", b"# Markdown headline\n\nBody *text*.");
        assert_eq!(p.articles[0].text, "Markdown headline\n\nBody text.");
        // Looks like JSON but is not: read as text.
        let p = parse("-", b"[Updated] Storm hits coast\n\nThe storm hit.");
        assert_eq!(p.articles[0].headline, "[Updated] Storm hits coast");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Every block is in bounds, on char boundaries, non-empty, in order and not overlapping.
    fn check(p: &Parsed) {
        for a in &p.articles {
            let mut last = 0;
            for b in &a.blocks {
                let s = b.span;
                assert!(
                    s.start < s.end && s.end <= a.text.len(),
                    "{s:?} in {:?}",
                    a.text
                );
                assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
                assert!(s.start >= last, "blocks overlap: {:?}", a.blocks);
                last = s.end;
            }
            assert!(!a.headline.contains('\n'));
        }
    }

    /// News-ish fragments, so the generated text hits the dek, credit, byline and dateline rules.
    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("By Zoë Brontë".to_string()),
            Just("LISBON (Reuters) — ".to_string()),
            Just("Porto, Portugal – ".to_string()),
            Just(" Jane Doe - Pool/Getty Images".to_string()),
            Just(" (AP Photo/Ana Lima)".to_string()),
            Just("Photo: ".to_string()),
            Just("September 5, 2016".to_string()),
            Just("# ".to_string()),
            Just("> ".to_string()),
            Just("\"".to_string()),
            Just("“Quote.”".to_string()),
            Just("\x1b[31m".to_string()),
            Just("\u{202e}".to_string()),
            Just("\r\n".to_string()),
            "[A-Za-zÀ-ÿ .,]{0,30}",
            any::<String>(),
        ]
    }

    /// HTML-ish fragments: block and inline tags, dropped elements, captions, references.
    fn html_fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<br>".to_string()),
            Just("<blockquote>".to_string()),
            Just("</blockquote>".to_string()),
            Just("<figure><figcaption>".to_string()),
            Just("<span class=credit>".to_string()),
            Just("</span></figcaption>".to_string()),
            Just("<h1>".to_string()),
            Just("</h1>".to_string()),
            Just("<div class='ad'>".to_string()),
            Just("</div>".to_string()),
            Just("<script>".to_string()),
            Just("</script>".to_string()),
            Just("&quot;".to_string()),
            Just("&#x1b;[31m".to_string()),
            Just("&#8238;".to_string()),
            Just("By Ana Lima".to_string()),
            "[A-Za-zÀ-ÿ .,]{0,30}",
            any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            for name in ["a.txt", "a.md", "a.json", "a.jsonl", "a.html", "a.rss", "-"] {
                check(&parse(name, &bytes));
            }
        }

        #[test]
        fn news_like_text_keeps_spans_sound(parts in proptest::collection::vec(fragment(), 0..40)) {
            let text = parts.concat();
            for name in ["a.txt", "a.md", "-"] {
                check(&parse(name, text.as_bytes()));
            }
        }

        #[test]
        fn html_keeps_spans_sound(parts in proptest::collection::vec(html_fragment(), 0..60)) {
            let html = parts.concat();
            check(&parse("a.html", html.as_bytes()));
            let json = serde_json::json!({"title": "T", "content": html});
            check(&parse("a.json", json.to_string().as_bytes()));
        }

        #[test]
        fn json_fields_keep_spans_sound(title in any::<String>(), body in any::<String>()) {
            let json = serde_json::json!({"title": title, "description": body, "text": body});
            check(&parse("a.json", json.to_string().as_bytes()));
        }
    }
}
