//! Which elements and attributes mean what: blocks, void elements, headings, elements dropped
//! with their content, and the class/id words that mark page furniture or a photo credit.

use html5ever::{LocalName, local_name};

/// Elements whose content is never article text.
pub(super) fn dropped(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("nav")
            | local_name!("aside")
            | local_name!("form")
            | local_name!("footer")
            | local_name!("button")
            | local_name!("select")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("template")
            | local_name!("object")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("canvas")
            | local_name!("dialog")
    )
}

/// Words in a class or id that mark page furniture rather than the story.
const FURNITURE: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "newsletter",
    "subscribe",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "comments",
    "cookie",
    "cookies",
    "paywall",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navbar",
    "menu",
    "skip",
    "outbrain",
    "taboola",
];

/// Words in a class that mark a photo credit.
pub const CREDIT_CLASSES: &[&str] = &["credit", "credits", "copyright", "attribution", "source"];

pub(super) fn class_words(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

/// Elements that start and end a block of text.
pub(super) fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("header")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("li")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("blockquote")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("pre")
            | local_name!("table")
            | local_name!("tr")
            | local_name!("hr")
            | local_name!("address")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("body")
            | local_name!("html")
            | local_name!("center")
            | local_name!("caption")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
    )
}

pub(super) fn heading_level(name: &LocalName) -> u8 {
    match *name {
        local_name!("h1") => 1,
        local_name!("h2") => 2,
        local_name!("h3") => 3,
        local_name!("h4") => 4,
        local_name!("h5") => 5,
        local_name!("h6") => 6,
        _ => 0,
    }
}

/// Elements that never have an end tag.
pub(super) fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("br")
            | local_name!("img")
            | local_name!("hr")
            | local_name!("meta")
            | local_name!("link")
            | local_name!("input")
            | local_name!("source")
            | local_name!("wbr")
            | local_name!("area")
            | local_name!("base")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("param")
            | local_name!("track")
    )
}

/// Page furniture by its attributes: a class or id naming it, `hidden`, or a landmark role.
pub(super) fn is_furniture(attrs: &[html5ever::Attribute]) -> bool {
    attrs.iter().any(|a| match &*a.name.local {
        "class" | "id" => class_words(&a.value).any(|w| FURNITURE.contains(&w.as_str())),
        "hidden" => true,
        "aria-hidden" => a.value.eq_ignore_ascii_case("true"),
        "role" => matches!(
            &*a.value.to_ascii_lowercase(),
            "navigation" | "banner" | "contentinfo" | "complementary" | "search"
        ),
        _ => false,
    })
}
