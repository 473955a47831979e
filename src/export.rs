//! An article with its analysis as Markdown, for notes: headline, source, byline, date and link;
//! the text; the people (with roles), organizations and places with their mention counts; the
//! quotations with who said them. Pure: `E` in the reader and `byline analyze --format markdown`
//! write what this returns.

use crate::analysis::{Analysis, EntityKind, QuoteKind};
use crate::article::{Article, BlockKind};

/// The Markdown for one article. `date_format` (jiff's strftime) shows an understood date in UTC;
/// without it the date is given as the source writes it.
pub fn markdown(article: &Article, analysis: &Analysis, date_format: Option<&str>) -> String {
    let mut out = String::new();
    let headline = one_line(&article.headline);
    out.push_str(&format!(
        "# {}\n\n",
        if headline.is_empty() {
            "(untitled)".to_string()
        } else {
            escape(&headline)
        }
    ));
    let date = match (date_format, article.published) {
        (Some(f), Some(ts)) => {
            jiff::fmt::strtime::format(f, &ts.to_zoned_datetime(jiff::tz::TimeZone::UTC)).ok()
        }
        _ => None,
    }
    .or_else(|| article.date.as_deref().map(one_line));
    let facts = [
        ("Source", Some(one_line(&article.source))),
        ("Outlet", article.outlet.as_deref().map(one_line)),
        ("By", article.byline.as_deref().map(one_line)),
        ("Date", date),
    ];
    for (label, value) in facts {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            out.push_str(&format!("- {label}: {}\n", escape(&v)));
        }
    }
    if let Some(url) = article
        .url
        .as_deref()
        .map(one_line)
        .filter(|u| !u.is_empty())
    {
        out.push_str(&format!("- Link: <{}>\n", url.replace(['<', '>'], "")));
    }
    out.push('\n');
    for block in &article.blocks {
        let text = article.slice(block.span).trim();
        if text.is_empty() {
            continue;
        }
        let para = escape(&one_line(text));
        match block.kind {
            BlockKind::Headline | BlockKind::Byline => continue,
            BlockKind::Dek | BlockKind::Caption => out.push_str(&format!("*{para}*\n\n")),
            BlockKind::Credit => out.push_str(&format!("*— {para}*\n\n")),
            BlockKind::Blockquote => out.push_str(&format!("> {para}\n\n")),
            BlockKind::Dateline | BlockKind::Paragraph => out.push_str(&format!("{para}\n\n")),
        }
    }
    for (kind, title) in [
        (EntityKind::Person, "People"),
        (EntityKind::Organization, "Organizations"),
        (EntityKind::Place, "Places"),
    ] {
        let of_kind: Vec<_> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        out.push_str(&format!("## {title}\n\n"));
        for e in of_kind {
            let n = e.mentions.len();
            let role = e
                .role
                .as_deref()
                .map(|r| format!(", {}", escape(&one_line(r))))
                .unwrap_or_default();
            let times = if n == 1 { "mention" } else { "mentions" };
            out.push_str(&format!(
                "- **{}**{role} ({n} {times})\n",
                escape(&one_line(&e.name))
            ));
        }
        out.push('\n');
    }
    let quotes: Vec<_> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Scare)
        .collect();
    if !quotes.is_empty() {
        out.push_str("## Quotes\n\n");
        for q in quotes {
            let words = escape(&one_line(q.span.slice(&article.text)));
            let speaker = q
                .speaker
                .as_deref()
                .and_then(|id| analysis.entity(id))
                .map(|e| one_line(&e.name))
                .or_else(|| q.speaker_text(&article.text).map(one_line))
                .map_or_else(|| "unattributed".to_string(), |s| escape(&s));
            let kind = match q.kind {
                QuoteKind::Reported => " (reported)",
                QuoteKind::Partial => " (partial)",
                _ => "",
            };
            out.push_str(&format!("> {words}\n>\n> — {speaker}{kind}\n\n"));
        }
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

/// Text on one line: white space runs (line breaks included) become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown's special characters escaped, so the text reads as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let special = matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|')
            || (i == 0 && matches!(c, '#' | '-' | '+' | '='));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> (Article, Analysis) {
        let mut article = crate::article::parse("a.txt", text.as_bytes())
            .articles
            .remove(0);
        article.url = Some("https://example.com/kerry".into());
        let analysis = crate::analysis::analyze(&article);
        (article, analysis)
    }

    #[test]
    fn headline_facts_text_entities_and_quotes() {
        let (article, analysis) = doc(
            "Kerry meets Lavrov in *Geneva*\n\nU.S. Secretary of State John Kerry met Sergei \
             Lavrov in Geneva on Monday.\n\n\"We made progress,\" Kerry said.",
        );
        let md = markdown(&article, &analysis, None);
        assert!(
            md.starts_with("# Kerry meets Lavrov in \\*Geneva\\*\n\n"),
            "{md}"
        );
        assert!(md.contains("- Source: a.txt\n"), "{md}");
        assert!(md.contains("- Link: <https://example.com/kerry>\n"), "{md}");
        assert!(
            md.contains("U.S. Secretary of State John Kerry met Sergei Lavrov"),
            "{md}"
        );
        assert!(
            md.contains("## People\n\n- **John Kerry**, U.S. Secretary of State (3 mentions)"),
            "{md}"
        );
        assert!(md.contains("## Places\n\n- **Geneva**"), "{md}");
        assert!(
            md.contains("## Quotes\n\n> \"We made progress,\"\n>\n> — John Kerry"),
            "{md}"
        );
        assert!(!md.ends_with('\n'));
    }

    #[test]
    fn markup_in_the_text_is_escaped() {
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("a_b [c](d) <e>"), "a\\_b \\[c\\](d) \\<e\\>");
        assert_eq!(one_line("a\n  b\tc"), "a b c");
    }
}
