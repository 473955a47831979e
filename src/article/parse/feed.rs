//! Feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed 1.0/1.1) into articles, through `feed-rs`. Pure:
//! bytes in, items out.
//!
//! An item becomes an article: title → headline, authors → byline, published (else updated) →
//! date, link → URL, the feed's title → outlet, content (else summary) as HTML → the text, with
//! a `media:` description and credit as a caption. Each item keeps what a library needs to
//! recognise it again: its GUID/id, its link and a hash of its text.
//!
//! Hostile feeds: the bytes are decoded here (see `charset`) before the XML parser sees them;
//! `feed-rs` (quick-xml) never expands entities declared in a DTD, so a "billion laughs" feed
//! costs no more than its size; malformed XML is an error that says where.

use super::{Parsed, SourceError, charset, html};
use crate::article::model::Article;
use crate::article::sanitize;
use feed_rs::model::{self, FeedType};

/// An item shorter than this (in words) is a teaser: its full text is on its web page.
pub const TEASER_WORDS: usize = 80;

/// Which kind of feed it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedFormat {
    Rss0,
    Rss1,
    Rss2,
    Atom,
    JsonFeed,
}

impl FeedFormat {
    pub fn name(self) -> &'static str {
        match self {
            Self::Rss0 => "RSS 0.9x",
            Self::Rss1 => "RSS 1.0",
            Self::Rss2 => "RSS 2.0",
            Self::Atom => "Atom",
            Self::JsonFeed => "JSON Feed",
        }
    }
}

/// A parsed feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feed {
    pub format: FeedFormat,
    /// The feed's own title, cleaned to one line.
    pub title: Option<String>,
    /// The site the feed belongs to (its `link`), when it is http(s).
    pub site: Option<String>,
    pub items: Vec<FeedItem>,
}

/// One item of a feed, as an article plus what identifies it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedItem {
    /// The item's GUID (RSS) or id (Atom, JSON Feed), as the feed wrote it; `None` when absent.
    pub guid: Option<String>,
    /// The item's web page, when it is an http(s) URL (anything else is dropped, never fetched).
    pub link: Option<String>,
    /// When the item was last updated, RFC 3339, if the feed says.
    pub updated: Option<String>,
    /// A stable hash (FNV-1a 64, hex) of the article's text: the identity of last resort.
    pub content_hash: String,
    /// The body has fewer than [`TEASER_WORDS`] words: a full-text fetch would help.
    pub teaser: bool,
    pub article: Article,
}

/// How a library recognises an item it has seen before, best first.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ItemKey<'a> {
    Guid(&'a str),
    Link(&'a str),
    ContentHash(&'a str),
}

impl FeedItem {
    /// The GUID, else the link, else the content hash.
    pub fn key(&self) -> ItemKey<'_> {
        if let Some(g) = self.guid.as_deref() {
            ItemKey::Guid(g)
        } else if let Some(l) = self.link.as_deref() {
            ItemKey::Link(l)
        } else {
            ItemKey::ContentHash(&self.content_hash)
        }
    }
}

/// How far into a document the feed markers are looked for.
const SNIFF: usize = 8 * 1024;

/// True when the bytes look like a feed: XML whose root is `<rss>`, `<feed>` or `<rdf:RDF>`,
/// or JSON naming a `jsonfeed.org` version.
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = bytes.get(..SNIFF).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head);
    let t = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if t.starts_with('{') {
        return t.contains("jsonfeed.org/version");
    }
    if !t.starts_with('<') {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return false;
    }
    root_name(&lower).is_some_and(|n| matches!(n, "rss" | "feed" | "rdf:rdf" | "rdf"))
}

/// The name of the first element, skipping the XML declaration, comments, processing
/// instructions and a DOCTYPE (with its internal subset).
fn root_name(xml: &str) -> Option<&str> {
    let mut rest = xml;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = r.split_once("?>")?.1;
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.split_once("-->")?.1;
        } else if let Some(r) = rest.strip_prefix("<!doctype") {
            // An internal subset ends with "]>"; otherwise the first ">".
            let subset = r.find('[').filter(|&b| r.find('>').is_none_or(|g| b < g));
            rest = match subset {
                Some(_) => r.split_once("]>")?.1,
                None => r.split_once('>')?.1,
            };
        } else {
            let r = rest.strip_prefix('<')?;
            let end = r
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(r.len());
            return r.get(..end);
        }
    }
}

/// Parses a feed. `charset` is the one the transport declared, if any.
pub fn parse(bytes: &[u8], charset: Option<&str>) -> Result<Feed, String> {
    let (text, _) = charset::decode(bytes, charset);
    let text = charset::declare_utf8(text);
    let parser = feed_rs::parser::Builder::new()
        // Keep a missing id missing, rather than invented.
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser.parse(text.as_bytes()).map_err(|e| {
        format!(
            "not a valid feed: {}",
            sanitize::clean_inline(&e.to_string())
        )
    })?;
    Ok(convert(feed))
}

/// Parses a feed into articles named `source#N` (N the item's position, from 1), for the
/// reader and `byline analyze`.
pub fn parse_articles(source: &str, bytes: &[u8], charset: Option<&str>) -> Parsed {
    let feed = match parse(bytes, charset) {
        Ok(feed) => feed,
        Err(reason) => return Parsed::error(source, reason),
    };
    into_parsed(source, feed)
}

/// A parsed feed's items as articles named `source#N`.
pub fn into_parsed(source: &str, feed: Feed) -> Parsed {
    if feed.items.is_empty() {
        return Parsed::error(source, format!("{} feed with no items", feed.format.name()));
    }
    let articles = feed
        .items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let mut a = item.article;
            a.source = format!("{source}#{}", i + 1);
            a
        })
        .collect();
    Parsed {
        articles,
        errors: Vec::<SourceError>::new(),
    }
}

fn convert(feed: model::Feed) -> Feed {
    let format = match feed.feed_type {
        FeedType::Atom => FeedFormat::Atom,
        FeedType::JSON => FeedFormat::JsonFeed,
        FeedType::RSS0 => FeedFormat::Rss0,
        FeedType::RSS1 => FeedFormat::Rss1,
        FeedType::RSS2 => FeedFormat::Rss2,
    };
    let title = feed
        .title
        .as_ref()
        .map(|t| html::inline_text(&t.content))
        .filter(|t| !t.is_empty());
    let site = link_of(&feed.links);
    let items = feed
        .entries
        .into_iter()
        .map(|e| item(e, title.as_deref()))
        .collect();
    Feed {
        format,
        title,
        site,
        items,
    }
}

/// The page a list of links points at: the first `alternate` (or unlabelled) http(s) link.
fn link_of(links: &[model::Link]) -> Option<String> {
    let web = |l: &&model::Link| is_web_url(l.href.trim());
    links
        .iter()
        .filter(web)
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| links.iter().find(web))
        .map(|l| sanitize::clean_inline(l.href.trim()))
}

/// `http://` or `https://`, nothing else (no `file:`, `javascript:`, `data:`…).
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn is_html(t: &model::Text) -> bool {
    let ty = t.content_type.to_string();
    ty.contains("html") || html::looks_like_html(&t.content)
}

/// The pieces of a body that may be HTML or plain text.
fn body_pieces(body: &str, as_html: bool) -> Vec<html::Piece> {
    if as_html {
        return html::parse(body).pieces;
    }
    let clean = sanitize::clean(body);
    clean
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| html::Piece {
            kind: html::PieceKind::Paragraph,
            text: p.to_string(),
        })
        .collect()
}

fn item(e: model::Entry, feed_title: Option<&str>) -> FeedItem {
    let headline = e
        .title
        .as_ref()
        .map(|t| html::inline_text(&t.content))
        .filter(|t| !t.is_empty());
    let content = e.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?;
        let ty = c.content_type.to_string();
        Some(body_pieces(
            body,
            ty.contains("html") || html::looks_like_html(body),
        ))
    });
    let summary = e
        .summary
        .as_ref()
        .map(|s| body_pieces(&s.content, is_html(s)));
    let (mut pieces, dek) = match (content.filter(|c| !c.is_empty()), summary) {
        (Some(content), Some(summary)) => {
            let dek = dek_from(&summary, &content);
            (content, dek)
        }
        (Some(content), None) => (content, None),
        (None, Some(summary)) => (summary, None),
        (None, None) => (Vec::new(), None),
    };
    // A lead photo's description and credit (Media RSS).
    let mut media = Vec::new();
    for m in &e.media {
        if let Some(d) = &m.description {
            let text = html::inline_text(&d.content);
            if !text.is_empty() {
                media.push(html::Piece {
                    kind: html::PieceKind::Caption,
                    text,
                });
            }
        }
        for c in &m.credits {
            let text = html::inline_text(&c.entity);
            if !text.is_empty() {
                media.push(html::Piece {
                    kind: html::PieceKind::Credit,
                    text,
                });
            }
        }
    }
    if !media.is_empty() {
        media.append(&mut pieces);
        pieces = media;
    }
    let body = html::without_headline(headline.as_deref(), &pieces);
    let mut article = html::assemble("", headline.as_deref(), dek.as_deref(), body);
    let authors: Vec<String> = e
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref())
        .map(html::inline_text)
        .filter(|n| !n.is_empty())
        .collect();
    if !authors.is_empty() {
        article.byline = Some(authors.join(", "));
    }
    let date = e.published.or(e.updated).map(|d| d.to_rfc3339());
    article.date = date.or(article.date);
    article.outlet = feed_title.map(str::to_string);
    let link = link_of(&e.links);
    article.url = link.clone();
    let words: usize = article
        .body_blocks()
        .map(|b| article.slice(b.span).split_whitespace().count())
        .sum();
    let guid = Some(sanitize::clean_inline(e.id.trim())).filter(|g| !g.is_empty());
    FeedItem {
        guid,
        link,
        updated: e.updated.map(|d| d.to_rfc3339()),
        content_hash: fnv_hex(&article.text),
        teaser: words < TEASER_WORDS,
        article,
    }
}

/// A summary worth showing above the content: short, and not the content's own opening.
fn dek_from(summary: &[html::Piece], content: &[html::Piece]) -> Option<String> {
    let joined: Vec<&str> = summary.iter().map(|p| p.text.as_str()).collect();
    let s = html::inline_text(&joined.join(" "));
    let s = s
        .trim_end_matches(['…', '.', ' '])
        .trim_end_matches("[...]");
    let first = content.first().map(|p| p.text.as_str()).unwrap_or("");
    let first = html::inline_text(first);
    (!s.is_empty() && s.len() <= 300 && !first.starts_with(s)).then(|| s.to_string())
}

/// FNV-1a, 64 bits, as 16 hex digits: stable across runs and builds.
pub fn fnv_hex(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Harbour Gazette</title><link>https://gazette.example/</link>
<item>
  <title>Dam opens &amp; river rises</title>
  <link>https://gazette.example/dam</link>
  <guid isPermaLink="false">gazette-1001</guid>
  <dc:creator>Ana Lima</dc:creator>
  <pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate>
  <description>The dam opened.</description>
  <content:encoded><![CDATA[<p>The dam opened on Monday.</p>
    <blockquote><p>&quot;A great day,&quot; said Mayor Rui Costa.</p></blockquote>]]></content:encoded>
  <media:content url="https://gazette.example/dam.jpg" medium="image">
    <media:description>The dam at dawn.</media:description>
    <media:credit>Tom Berg/Gazette</media:credit>
  </media:content>
</item>
<item><title>No id here</title><description>Short &lt;b&gt;teaser&lt;/b&gt;.</description>
  <link>file:///etc/passwd</link></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_articles() {
        let feed = parse(RSS.as_bytes(), None).unwrap();
        assert_eq!(feed.format, FeedFormat::Rss2);
        assert_eq!(feed.title.as_deref(), Some("The Harbour Gazette"));
        assert_eq!(feed.site.as_deref(), Some("https://gazette.example/"));
        let it = &feed.items[0];
        assert_eq!(it.guid.as_deref(), Some("gazette-1001"));
        assert_eq!(it.key(), ItemKey::Guid("gazette-1001"));
        let a = &it.article;
        assert_eq!(a.headline, "Dam opens & river rises");
        assert_eq!(a.byline.as_deref(), Some("Ana Lima"));
        assert_eq!(a.date.as_deref(), Some("2026-03-02T10:00:00+00:00"));
        assert_eq!(a.url.as_deref(), Some("https://gazette.example/dam"));
        assert_eq!(a.outlet.as_deref(), Some("The Harbour Gazette"));
        let blocks: Vec<_> = a.blocks.iter().map(|b| (b.kind, a.slice(b.span))).collect();
        assert_eq!(
            blocks,
            vec![
                (BlockKind::Headline, "Dam opens & river rises"),
                (BlockKind::Caption, "The dam at dawn."),
                (BlockKind::Credit, "Tom Berg/Gazette"),
                (BlockKind::Paragraph, "The dam opened on Monday."),
                (
                    BlockKind::Blockquote,
                    "\"A great day,\" said Mayor Rui Costa."
                ),
            ]
        );
        assert!(it.teaser);
        // No guid, and a link that is not http(s): keyed by content hash, link dropped.
        let two = &feed.items[1];
        assert_eq!(two.guid, None);
        assert_eq!(two.link, None);
        assert_eq!(two.key(), ItemKey::ContentHash(&two.content_hash));
        assert_eq!(two.article.text, "No id here\n\nShort teaser.");
    }

    #[test]
    fn atom_with_xhtml_content() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Northline Wire</title>
<link href="https://wire.example/"/><id>urn:wire</id><updated>2026-03-01T00:00:00Z</updated>
<entry><title>Rail drivers walk out</title><id>urn:wire:7</id>
<link rel="alternate" href="https://wire.example/7"/>
<updated>2026-03-01T12:00:00Z</updated><author><name>Tom Berg</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Drivers walked out.</p>
<p>“We will not move,” said union leader Eva Nils.</p></div></content></entry></feed>"#;
        let feed = parse(atom.as_bytes(), None).unwrap();
        assert_eq!(feed.format, FeedFormat::Atom);
        let a = &feed.items[0].article;
        assert_eq!(a.headline, "Rail drivers walk out");
        assert_eq!(feed.items[0].guid.as_deref(), Some("urn:wire:7"));
        assert_eq!(a.byline.as_deref(), Some("Tom Berg"));
        assert_eq!(a.date.as_deref(), Some("2026-03-01T12:00:00+00:00"));
        assert_eq!(
            a.text,
            "Rail drivers walk out\n\nDrivers walked out.\n\n“We will not move,” said union leader Eva Nils."
        );
    }

    #[test]
    fn json_feed() {
        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Lumière Notes",
          "home_page_url": "https://notes.example/", "items": [
          {"id": "n-1", "url": "https://notes.example/1", "title": "Café opens",
           "content_html": "<p>The café opened. &quot;Welcome,&quot; said Zoë Brontë.</p>",
           "date_published": "2026-02-01T08:00:00Z", "authors": [{"name": "Zoë Brontë"}]}]}"#;
        assert!(looks_like_feed(json.as_bytes()));
        let feed = parse(json.as_bytes(), None).unwrap();
        assert_eq!(feed.format, FeedFormat::JsonFeed);
        let a = &feed.items[0].article;
        assert_eq!(a.byline.as_deref(), Some("Zoë Brontë"));
        assert!(a.text.contains("\"Welcome,\" said"), "{}", a.text);
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_feed(RSS.as_bytes()));
        assert!(looks_like_feed(
            b"\xef\xbb\xbf<?xml version='1.0'?><!-- c --><!DOCTYPE feed [<!ENTITY a 'b'>]><feed>"
        ));
        assert!(looks_like_feed(b"<rdf:RDF xmlns:rdf='x'>"));
        assert!(!looks_like_feed(
            b"<!DOCTYPE html><html><body>rss</body></html>"
        ));
        assert!(!looks_like_feed(b"<?xml version='1.0'?><svg/>"));
        assert!(!looks_like_feed(br#"{"title": "x"}"#));
    }

    #[test]
    fn malformed_xml_is_a_clear_error() {
        let bad = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><item><title>a</channel></rss>";
        let err = parse(bad.as_bytes(), None).unwrap_err();
        assert!(err.starts_with("not a valid feed"), "{err}");
        let p = parse_articles("bad.rss", bad.as_bytes(), None);
        assert!(p.articles.is_empty());
        assert_eq!(p.errors[0].source, "bad.rss");
    }

    #[test]
    fn billion_laughs_is_not_expanded() {
        let mut xml =
            String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        for i in 1..10 {
            let prev = if i == 1 {
                "lol".to_string()
            } else {
                format!("lol{}", i - 1)
            };
            xml.push_str(&format!(
                "<!ENTITY lol{i} \"{}\">\n",
                format!("&{prev};").repeat(10)
            ));
        }
        xml.push_str("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>Laughs &lol9;</title><description>&lol9;</description></item></channel></rss>");
        let started = std::time::Instant::now();
        let result = parse(xml.as_bytes(), None);
        assert!(started.elapsed().as_secs() < 5);
        if let Ok(feed) = result {
            for it in &feed.items {
                assert!(it.article.text.len() < 1000, "{}", it.article.text.len());
            }
        }
    }

    #[test]
    fn latin1_and_windows_1252_feeds() {
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\xe9</title><item><title>Jos\xe9 \x93speaks\x94</title><description>Na\xefve.</description></item></channel></rss>";
        let feed = parse(xml, None).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Café"));
        assert_eq!(feed.items[0].article.headline, "José “speaks”");
        // No declaration at all, Latin-1 bytes.
        let xml = b"<rss version=\"2.0\"><channel><title>Caf\xe9</title><item><title>x</title></item></channel></rss>";
        assert_eq!(parse(xml, None).unwrap().title.as_deref(), Some("Café"));
    }

    #[test]
    fn escapes_and_bidi_in_titles_and_content_are_inert() {
        let xml = "<rss version=\"2.0\"><channel><title>T&#x1b;[2J\u{202e}x</title><item><title>Bad \u{1b}]52;c;eA==\u{7} title\u{202e}</title><description>&lt;p&gt;Body &amp;#x1b;[31m red\u{2066}&lt;/p&gt;</description></item></channel></rss>";
        let feed = parse(xml.as_bytes(), None).unwrap();
        let a = &feed.items[0].article;
        for s in [
            a.text.as_str(),
            a.headline.as_str(),
            feed.title.as_deref().unwrap(),
        ] {
            assert!(
                !s.contains(['\u{1b}', '\u{7}', '\u{202e}', '\u{2066}']),
                "{s:?}"
            );
        }
    }

    #[test]
    fn content_hash_is_stable() {
        assert_eq!(fnv_hex(""), "cbf29ce484222325");
        assert_eq!(fnv_hex("a"), "af63dc4c8601ec8c");
    }
}
