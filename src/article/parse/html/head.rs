//! The document's facts from its `<head>`: `<meta>` tags (title, author, date, site, description,
//! URL) and `<link>` tags (canonical URL, advertised feeds), each value cleaned to one line.

use super::{Meta, one_line};

/// Reads one `<meta>` tag: the first value for each fact wins.
pub(super) fn meta_tag(meta: &mut Meta, attrs: &[html5ever::Attribute]) {
    let get = |key: &str| {
        attrs
            .iter()
            .find(|a| &*a.name.local == key)
            .map(|a| a.value.to_string())
    };
    let Some(content) = get("content")
        .map(|c| one_line(&c))
        .filter(|c| !c.is_empty())
    else {
        return;
    };
    let key = get("property")
        .or_else(|| get("name"))
        .or_else(|| get("itemprop"))
        .unwrap_or_default()
        .to_ascii_lowercase();
    let m = meta;
    let slot = match key.as_str() {
        "og:title" | "twitter:title" => &mut m.og_title,
        "author" | "article:author" | "byl" | "dc.creator" => &mut m.author,
        "article:published_time" | "date" | "pubdate" | "datepublished" | "dc.date" => {
            &mut m.published
        }
        "og:site_name" | "application-name" => &mut m.site_name,
        "description" | "og:description" | "twitter:description" => &mut m.description,
        "og:url" => &mut m.url,
        _ => return,
    };
    slot.get_or_insert(content);
}

/// Reads one `<link>` tag: `rel="canonical"` is the URL, `rel="alternate"` of a feed type is a
/// feed (at most 16).
pub(super) fn link_tag(meta: &mut Meta, attrs: &[html5ever::Attribute]) {
    let attr = |k: &str| {
        attrs
            .iter()
            .find(|a| &*a.name.local == k)
            .map(|a| a.value.to_ascii_lowercase())
    };
    let Some(href) = attrs.iter().find(|a| &*a.name.local == "href") else {
        return;
    };
    let href = one_line(&href.value);
    let rel = attr("rel").unwrap_or_default();
    let ty = attr("type").unwrap_or_default();
    if rel == "canonical" {
        meta.url.get_or_insert(href);
    } else if rel.split_whitespace().any(|r| r == "alternate")
        && (ty.contains("rss") || ty.contains("atom") || ty.contains("feed+json"))
        && meta.feeds.len() < 16
    {
        meta.feeds.push(href);
    }
}
