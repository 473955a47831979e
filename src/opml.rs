//! OPML 2.0 subscription lists, as feed readers (newsboat, Feedly, NetNewsWire, Thunderbird…)
//! import and export them. Pure: bytes in, subscriptions out; subscriptions in, text out.
//!
//! Reading: every `<outline>` with an `xmlUrl` is a subscription, wherever it sits; the
//! `text`/`title` of the outlines around it make its category (`News/Europe`). Entities
//! declared in a DTD are never expanded; the encoding is read as for feeds.

use crate::article::parse::charset;
use crate::article::sanitize;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// One feed in a subscription list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subscription {
    /// The outline's `title`, else its `text`, else the feed URL.
    pub title: String,
    /// The feed (`xmlUrl`).
    pub xml_url: String,
    /// The site (`htmlUrl`), if given.
    pub html_url: Option<String>,
    /// The folders it is in, joined with `/`; `None` at the top level.
    pub category: Option<String>,
}

/// Reads an OPML document's subscriptions, in document order.
pub fn parse(bytes: &[u8]) -> Result<Vec<Subscription>, String> {
    let (text, _) = charset::decode(bytes, None);
    let text = charset::declare_utf8(text);
    let mut reader = Reader::from_str(&text);
    let mut subs = Vec::new();
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut saw_opml = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "not a valid OPML file: {} (at byte {})",
                sanitize::clean_inline(&e.to_string()),
                reader.error_position()
            )
        })?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == "opml" => saw_opml = true,
            Event::Empty(e) if e.local_name().as_ref() == "opml" => saw_opml = true,
            Event::Start(e) if e.local_name().as_ref() == "outline" => {
                let o = outline(&e);
                if let Some(s) = o.subscription(&folders) {
                    subs.push(s);
                }
                folders.push(o.xml_url.is_none().then_some(o.label).flatten());
            }
            Event::Empty(e) if e.local_name().as_ref() == "outline" => {
                if let Some(s) = outline(&e).subscription(&folders) {
                    subs.push(s);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "outline" => {
                folders.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_opml {
        return Err("not an OPML file (no <opml> element)".into());
    }
    Ok(subs)
}

struct Outline {
    label: Option<String>,
    xml_url: Option<String>,
    html_url: Option<String>,
}

fn outline(e: &BytesStart<'_>) -> Outline {
    let mut text = None;
    let mut title = None;
    let mut xml_url = None;
    let mut html_url = None;
    for attr in e.attributes().flatten() {
        let Ok(value) = attr.normalized_value(XmlVersion::Implicit1_0) else {
            continue;
        };
        let value = sanitize::clean_inline(&value).trim().to_string();
        if value.is_empty() {
            continue;
        }
        match attr.key.local_name().as_ref() {
            "text" => text = Some(value),
            "title" => title = Some(value),
            "xmlUrl" | "xmlurl" => xml_url = Some(value),
            "htmlUrl" | "htmlurl" => html_url = Some(value),
            _ => {}
        }
    }
    Outline {
        label: title.or(text),
        xml_url,
        html_url,
    }
}

impl Outline {
    fn subscription(&self, folders: &[Option<String>]) -> Option<Subscription> {
        let xml_url = self.xml_url.clone()?;
        let path: Vec<&str> = folders.iter().flatten().map(String::as_str).collect();
        Some(Subscription {
            title: self.label.clone().unwrap_or_else(|| xml_url.clone()),
            xml_url,
            html_url: self.html_url.clone(),
            category: (!path.is_empty()).then(|| path.join("/")),
        })
    }
}

/// Writes subscriptions as an OPML 2.0 document titled `title`, grouping them by category
/// (a category `a/b` becomes nested outlines), each group in the order first met.
pub fn write(title: &str, subs: &[Subscription]) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    out.push_str(&format!(
        "  <head>\n    <title>{}</title>\n  </head>\n  <body>\n",
        esc(title)
    ));
    let mut open: Vec<String> = Vec::new();
    // Top-level subscriptions first, then each category's.
    let mut order: Vec<Option<&str>> = vec![None];
    for s in subs {
        if !order.contains(&s.category.as_deref()) {
            order.push(s.category.as_deref());
        }
    }
    for cat in order {
        let path: Vec<&str> = cat
            .map(|c| c.split('/').filter(|p| !p.is_empty()).collect())
            .unwrap_or_default();
        let common = open
            .iter()
            .zip(&path)
            .take_while(|(a, b)| a.as_str() == **b)
            .count();
        while open.len() > common {
            open.pop();
            out.push_str(&"  ".repeat(open.len() + 2));
            out.push_str("</outline>\n");
        }
        for folder in path.iter().skip(common) {
            out.push_str(&"  ".repeat(open.len() + 2));
            out.push_str(&format!(
                "<outline text=\"{0}\" title=\"{0}\">\n",
                esc(folder)
            ));
            open.push((*folder).to_string());
        }
        for s in subs.iter().filter(|s| s.category.as_deref() == cat) {
            out.push_str(&"  ".repeat(open.len() + 2));
            out.push_str(&format!(
                "<outline type=\"rss\" text=\"{0}\" title=\"{0}\" xmlUrl=\"{1}\"",
                esc(&s.title),
                esc(&s.xml_url)
            ));
            if let Some(h) = &s.html_url {
                out.push_str(&format!(" htmlUrl=\"{}\"", esc(h)));
            }
            out.push_str("/>\n");
        }
    }
    while !open.is_empty() {
        open.pop();
        out.push_str(&"  ".repeat(open.len() + 2));
        out.push_str("</outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// Escapes text for an XML attribute or element.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Vec<u8> {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/web/subscriptions.opml"),
        )
        .unwrap()
    }

    #[test]
    fn an_export_is_read_with_its_folders() {
        let subs = parse(&fixture()).unwrap();
        assert_eq!(
            subs,
            vec![
                Subscription {
                    title: "The Harbour Gazette".into(),
                    xml_url: "https://gazette.example/feed.xml".into(),
                    html_url: Some("https://gazette.example/".into()),
                    category: Some("News".into()),
                },
                Subscription {
                    title: "Northline Wire".into(),
                    xml_url: "https://wire.example/atom.xml".into(),
                    html_url: Some("https://wire.example/".into()),
                    category: Some("News".into()),
                },
                Subscription {
                    title: "Lumière Notes".into(),
                    xml_url: "https://notes.example/feed.json".into(),
                    html_url: None,
                    category: None,
                },
            ]
        );
    }

    #[test]
    fn write_then_parse_round_trips() {
        let subs = vec![
            Subscription {
                title: "A & B \"news\"".into(),
                xml_url: "https://a.example/feed?x=1&y=2".into(),
                html_url: None,
                category: Some("World/Europe".into()),
            },
            Subscription {
                title: "Top".into(),
                xml_url: "https://top.example/rss".into(),
                html_url: Some("https://top.example/".into()),
                category: None,
            },
            Subscription {
                title: "C".into(),
                xml_url: "https://c.example/atom".into(),
                html_url: None,
                category: Some("World".into()),
            },
        ];
        let text = write("byline subscriptions", &subs);
        let mut back = parse(text.as_bytes()).unwrap();
        let mut want = subs.clone();
        back.sort_by(|a, b| a.xml_url.cmp(&b.xml_url));
        want.sort_by(|a, b| a.xml_url.cmp(&b.xml_url));
        assert_eq!(back, want, "{text}");
        // Writing what was read gives the same document.
        let again = write("byline subscriptions", &parse(text.as_bytes()).unwrap());
        assert_eq!(parse(again.as_bytes()).unwrap().len(), 3);
    }

    #[test]
    fn bad_and_hostile_opml() {
        assert!(
            parse(b"<opml><body><outline")
                .unwrap_err()
                .starts_with("not a valid OPML")
        );
        assert!(parse(b"<rss/>").unwrap_err().contains("no <opml>"));
        let lol = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><opml><body><outline text=\"&b;\" xmlUrl=\"https://x.example/\u{1b}[2J\"/></body></opml>";
        if let Ok(subs) = parse(lol.as_bytes()) {
            assert!(
                subs.iter()
                    .all(|s| s.title.len() < 100 && !s.xml_url.contains('\x1b'))
            );
        }
        let deep = "<opml><body>".to_string()
            + &"<outline text=\"f\">".repeat(5000)
            + "<outline xmlUrl=\"https://deep.example/\"/>"
            + &"</outline>".repeat(5000)
            + "</body></opml>";
        assert_eq!(parse(deep.as_bytes()).unwrap().len(), 1);
    }
}
