//! Plain-text articles, and the shaping rules every format shares: which paragraph is a dek, a
//! caption with its photo credit, a byline or a dateline. The rules are general news-copy
//! conventions (credit forms, "By Name", "CITY (Agency) —" openers), not tied to any one article.

use super::conventions::*;
use crate::article::model::{Article, Block, BlockKind, Span};

/// A line longer than this is not a headline (nor a dek, byline or date line).
const MAX_HEADLINE: usize = 300;

/// One paragraph-level piece of the text, before it is classified.
#[derive(Clone, Copy, Debug)]
pub(super) struct Para {
    pub span: Span,
    /// A block quotation (Markdown `>`): kept as such, never reclassified.
    pub quote: bool,
}

/// The result of shaping: the blocks plus what they say about the article.
#[derive(Debug, Default)]
pub(super) struct Shaped {
    pub blocks: Vec<Block>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub date: Option<String>,
}

/// Parses a plain-text article; `text` is already decoded and cleaned.
pub(super) fn parse(source: &str, text: String) -> Article {
    let paras = paragraphs(&text);
    let shaped = shape(&text, Vec::new(), &paras, true);
    finish(source, text, shaped)
}

/// Builds the article from shaped blocks. The headline is the headline block, or failing that
/// the start of the first block, so every article has something to list.
pub(super) fn finish(source: &str, mut text: String, mut shaped: Shaped) -> Article {
    // Kept for the life of the reader, 10,000 at a time: no spare capacity (a text read from a
    // file has none already; one built from Markdown or JSON may).
    text.shrink_to_fit();
    shaped.blocks.shrink_to_fit();
    let headline = shaped
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Headline)
        .map(|b| b.span.slice(&text).to_string())
        .unwrap_or_else(|| fallback_headline(&text, &shaped.blocks, source));
    Article {
        source: source.to_string(),
        headline,
        byline: shaped.byline,
        dateline: shaped.dateline,
        date: shaped.date,
        text,
        blocks: shaped.blocks,
        ..Article::default()
    }
}

/// The first words of the first block (up to about 80 bytes, cut at a space), or the file name.
fn fallback_headline(text: &str, blocks: &[Block], source: &str) -> String {
    let first = blocks.first().map(|b| b.span.slice(text)).unwrap_or("");
    let first = first.split('\n').next().unwrap_or("").trim();
    if first.is_empty() {
        return source.to_string();
    }
    if first.len() <= 80 {
        return first.to_string();
    }
    let cut = floor_boundary(first, 80);
    let head = first.get(..cut).unwrap_or("");
    let head = head.rsplit_once(' ').map_or(head, |(h, _)| h);
    format!("{}…", head.trim_end())
}

/// Splits text into paragraphs: runs of non-blank lines, separated by blank lines. Spans are
/// trimmed of surrounding whitespace.
pub(super) fn paragraphs(text: &str) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split('\n') {
        let line_end = offset + line.len();
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                push_trimmed(text, s, end, &mut paras);
            }
        } else {
            start.get_or_insert(offset);
            end = line_end;
        }
        offset = line_end + 1;
    }
    if let Some(s) = start {
        push_trimmed(text, s, end, &mut paras);
    }
    paras
}

fn push_trimmed(text: &str, start: usize, end: usize, paras: &mut Vec<Para>) {
    let span = trim(text, start, end);
    if !span.is_empty() {
        paras.push(Para { span, quote: false });
    }
}

/// The span `start..end` without leading and trailing whitespace (empty when it does not fit).
pub(super) fn trim(text: &str, start: usize, end: usize) -> Span {
    let Some(s) = text.get(start..end) else {
        return Span::new(start, start);
    };
    let left = s.len() - s.trim_start().len();
    let right = s.trim_end().len();
    if right <= left {
        return Span::new(start + left, start + left);
    }
    Span::new(start + left, start + right)
}

/// The largest char boundary of `s` at or below `at`.
pub(super) fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Classifies paragraphs into blocks. `blocks` holds blocks already known (a JSON title and
/// description); with `first_line_headline`, the first line of the first paragraph is the
/// headline (plain text). Front matter — dek, byline, date lines, captions — is recognised until
/// the first ordinary paragraph, which may open with a dateline ("LISBON (Reuters) —").
pub(super) fn shape(
    text: &str,
    blocks: Vec<Block>,
    paras: &[Para],
    first_line_headline: bool,
) -> Shaped {
    let mut s = Shaped {
        blocks,
        ..Shaped::default()
    };
    let mut front = true;
    for (i, para) in paras.iter().enumerate() {
        if para.quote {
            s.blocks.push(Block {
                kind: BlockKind::Blockquote,
                span: para.span,
            });
            front = false;
            continue;
        }
        let end = para.span.end;
        let mut start = para.span.start;
        if i == 0 && first_line_headline {
            let line = lines(text, start, end).next();
            if let Some(line) = line.filter(|l| l.len() <= MAX_HEADLINE) {
                s.blocks.push(Block {
                    kind: BlockKind::Headline,
                    span: line,
                });
                start = line.end;
            }
        }
        if front {
            start = front_lines(text, start, end, &mut s);
        }
        let chunk = trim(text, start, end);
        if chunk.is_empty() {
            continue;
        }
        if let Some(credit) = find_credit(text, chunk) {
            let caption = trim(text, chunk.start, credit.start);
            if !caption.is_empty() {
                s.blocks.push(Block {
                    kind: BlockKind::Caption,
                    span: caption,
                });
            }
            s.blocks.push(Block {
                kind: BlockKind::Credit,
                span: credit,
            });
            continue;
        }
        let mut body = chunk;
        if front {
            if let Some(opener) = dateline_opener(chunk.slice(text)) {
                s.blocks.push(Block::new(
                    BlockKind::Dateline,
                    chunk.start,
                    chunk.start + opener.end,
                ));
                // The place opener is the dateline proper; a date line only stands in for it.
                s.dateline = Some(opener.name);
                body = trim(text, chunk.start + opener.body, chunk.end);
            }
            front = false;
        }
        if !body.is_empty() {
            s.blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: body,
            });
        }
    }
    s
}

/// Takes the byline, date and dek lines at the start of `start..end`; returns where the rest
/// begins.
fn front_lines(text: &str, mut start: usize, end: usize, s: &mut Shaped) -> usize {
    for line in lines(text, start, end) {
        let l = line.slice(text);
        if line.len() > MAX_HEADLINE {
            break;
        }
        if let Some(name) = byline_name(l) {
            s.blocks.push(Block {
                kind: BlockKind::Byline,
                span: line,
            });
            s.byline.get_or_insert(name);
        } else if is_date_line(l) {
            s.blocks.push(Block {
                kind: BlockKind::Dateline,
                span: line,
            });
            s.dateline.get_or_insert_with(|| l.to_string());
            s.date.get_or_insert_with(|| l.to_string());
        } else if s
            .blocks
            .last()
            .is_some_and(|b| b.kind == BlockKind::Headline)
            && is_dek_line(l)
        {
            // A dek stands alone, or titles the caption right below it (a single newline apart).
            let rest = trim(text, line.end, end);
            if !(rest.is_empty() || find_credit(text, rest).is_some()) {
                break;
            }
            s.blocks.push(Block {
                kind: BlockKind::Dek,
                span: line,
            });
        } else {
            break;
        }
        start = line.end;
    }
    start
}

/// The non-blank lines of `start..end`, each trimmed.
fn lines(text: &str, start: usize, end: usize) -> impl Iterator<Item = Span> + '_ {
    let s = text.get(start..end).unwrap_or("");
    let mut offset = start;
    s.split('\n').filter_map(move |line| {
        let span = trim(text, offset, offset + line.len());
        offset += line.len() + 1;
        (!span.is_empty()).then_some(span)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse::parse;

    fn kinds_and_texts(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, a.slice(b.span))).collect()
    }

    fn seed() -> &'static str {
        include_str!("../../../assets/articles/00-seed-article.txt")
    }

    #[test]
    fn seed_blocks_match_the_issue() {
        let a = &parse("seed-article.txt", seed().as_bytes()).articles[0];
        assert_eq!(a.text, seed());
        let blocks = kinds_and_texts(a);
        assert_eq!(
            blocks[0],
            (
                BlockKind::Headline,
                "U.S. and Russia Fail to Reach Syria Deal on Sidelines of G20 Summit"
            )
        );
        assert_eq!(
            blocks[1],
            (
                BlockKind::Dek,
                "U.S. President Barack Obama and Russian President Vladimir Putin"
            )
        );
        assert_eq!(blocks[2].0, BlockKind::Caption);
        assert!(blocks[2].1.starts_with("Chinese President Xi Jinping (C)"));
        assert!(blocks[2].1.ends_with("on the margins of the summit."));
        assert_eq!(
            blocks[3],
            (BlockKind::Credit, "Nicolas Asfouri - Pool/Getty Images")
        );
        let paras: Vec<_> = blocks[4..].iter().map(|b| b.0).collect();
        assert_eq!(paras, vec![BlockKind::Paragraph; 9]);
        assert!(blocks[4].1.starts_with("Diplomats from the United States"));
        assert!(blocks[12].1.ends_with("all the more distant."));
        assert_eq!(a.headline, blocks[0].1);
        assert_eq!(a.byline, None);
        assert_eq!(a.dateline, None);
    }

    /// The gold annotation (character offsets) in ../shared, converted to byte offsets. The gold
    /// gives the caption and its credit as one block; byline splits them, so the caption and
    /// credit together must cover exactly the gold caption.
    #[test]
    fn seed_blocks_match_the_gold_annotation() {
        let root = env!("CARGO_MANIFEST_DIR");
        let gold = std::path::Path::new(root).join("../shared/gold/seed-article.gold.json");
        let Ok(json) = std::fs::read_to_string(&gold) else {
            println!("skipped: {} not found", gold.display());
            return;
        };
        let gold: serde_json::Value = serde_json::from_str(&json).unwrap();
        let a = &parse("seed-article.txt", seed().as_bytes()).articles[0];
        let byte = |chars: u64| {
            a.text
                .char_indices()
                .map(|(i, _)| i)
                .chain([a.text.len()])
                .nth(chars as usize)
                .unwrap()
        };
        let mut ours = a.blocks.iter().peekable();
        for g in gold["blocks"].as_array().unwrap() {
            let span = Span::new(
                byte(g["start"].as_u64().unwrap()),
                byte(g["end"].as_u64().unwrap()),
            );
            let b = ours.next().unwrap();
            match g["kind"].as_str().unwrap() {
                "headline" => assert_eq!((b.kind, b.span), (BlockKind::Headline, span)),
                "caption-title" => assert_eq!((b.kind, b.span), (BlockKind::Dek, span)),
                "paragraph" => assert_eq!((b.kind, b.span), (BlockKind::Paragraph, span)),
                "caption" => {
                    let credit = ours.next().unwrap();
                    assert_eq!(b.kind, BlockKind::Caption);
                    assert_eq!(credit.kind, BlockKind::Credit);
                    assert_eq!(b.span.start, span.start);
                    assert_eq!(credit.span.end, span.end);
                    assert_eq!(a.slice(credit.span), g["credit"].as_str().unwrap());
                }
                other => panic!("unknown gold block kind {other}"),
            }
        }
        assert!(ours.next().is_none());
    }

    #[test]
    fn byline_and_date_lines_are_recognised() {
        let src = "Port strike ends after nine days\n\nBy Marta Quental and Tom O'Neill\nSeptember 12, 2024\n\nThe strike is over.\n\nWork resumed.";
        let a = &parse("a.txt", src.as_bytes()).articles[0];
        assert_eq!(
            kinds_and_texts(a),
            vec![
                (BlockKind::Headline, "Port strike ends after nine days"),
                (BlockKind::Byline, "By Marta Quental and Tom O'Neill"),
                (BlockKind::Dateline, "September 12, 2024"),
                (BlockKind::Paragraph, "The strike is over."),
                (BlockKind::Paragraph, "Work resumed."),
            ]
        );
        assert_eq!(a.byline.as_deref(), Some("Marta Quental and Tom O'Neill"));
        assert_eq!(a.dateline.as_deref(), Some("September 12, 2024"));
    }

    #[test]
    fn dateline_opener_is_split_from_the_first_paragraph() {
        let src = "Minister resigns\n\nBy Ana Lima\n\nLISBON (Reuters) — The minister resigned on Monday.\n\nWASHINGTON — Not a dateline here.";
        let a = &parse("a.txt", src.as_bytes()).articles[0];
        assert_eq!(
            kinds_and_texts(a)[2..],
            [
                (BlockKind::Dateline, "LISBON (Reuters) —"),
                (BlockKind::Paragraph, "The minister resigned on Monday."),
                (BlockKind::Paragraph, "WASHINGTON — Not a dateline here."),
            ]
        );
        assert_eq!(a.dateline.as_deref(), Some("LISBON (Reuters)"));
    }

    #[test]
    fn dateline_opener_forms() {
        let ok = [
            ("WASHINGTON — The", "WASHINGTON"),
            ("Porto, Portugal — The", "Porto, Portugal"),
            ("LONDON, Sept 5 (Reuters) - The", "LONDON, Sept 5 (Reuters)"),
            ("NEW YORK (AP) -- The", "NEW YORK (AP)"),
            ("ATHENS—The", "ATHENS"),
        ];
        for (p, name) in ok {
            assert_eq!(dateline_opener(p).map(|o| o.name), Some(name.into()), "{p}");
        }
        for p in [
            "Obama — who spoke first — said",
            "The minister said - and repeated - that",
            "Officials in the capital — tired of waiting — left",
            "No dash at all in this one.",
        ] {
            assert_eq!(dateline_opener(p), None, "{p}");
        }
    }

    #[test]
    fn credit_forms() {
        let credit = |p: &str| {
            let span = Span::new(0, p.len());
            find_credit(p, span).map(|s| s.slice(p).to_string())
        };
        let cases = [
            (
                "Crowds gather. Nicolas Asfouri - Pool/Getty Images",
                Some("Nicolas Asfouri - Pool/Getty Images"),
            ),
            (
                "The minister arrives in Lisbon. (AP Photo/Ana Lima)",
                Some("(AP Photo/Ana Lima)"),
            ),
            ("Smoke rises. Reuters/Tom Berg", Some("Reuters/Tom Berg")),
            (
                "Rescuers search the rubble. J. Doe/AFP via Getty Images",
                Some("J. Doe/AFP via Getty Images"),
            ),
            (
                "A crowd at the rally. Photo: Zoë Brontë",
                Some("Photo: Zoë Brontë"),
            ),
            ("Pool/Getty Images", Some("Pool/Getty Images")),
            ("The talks ended without a deal.", None),
            ("Washington backs the rebels (ISIS).", None),
            ("The vote was 5/4 in favour of the plan", None),
            ("He said it was a good deal for Reuters", None),
        ];
        for (p, want) in cases {
            assert_eq!(credit(p).as_deref(), want, "{p}");
        }
    }

    #[test]
    fn date_lines() {
        for l in [
            "September 5, 2016",
            "Sept. 5, 2016 10:42 a.m. ET",
            "Monday 5 September 2016",
            "2016-09-05",
            "Updated: 05/09/2016 9.30pm",
        ] {
            assert!(is_date_line(l), "{l}");
        }
        for l in ["May we meet again", "March on Washington 2016", "In 2016"] {
            assert!(!is_date_line(l), "{l}");
        }
    }

    #[test]
    fn bylines() {
        assert_eq!(byline_name("By Zoë Brontë").as_deref(), Some("Zoë Brontë"));
        assert_eq!(
            byline_name("BY JOSÉ ÁLVAREZ, Reuters").as_deref(),
            Some("JOSÉ ÁLVAREZ, Reuters")
        );
        assert_eq!(byline_name("By the time the vote came"), None);
        assert_eq!(byline_name("Bystanders Fled"), None);
    }

    #[test]
    fn a_soft_wrapped_first_paragraph_is_not_a_dek() {
        let src = "Storm hits coast\nWinds of 100 km/h tore roofs\noff houses on Sunday.\n\nMore.";
        let a = &parse("a.txt", src.as_bytes()).articles[0];
        assert_eq!(
            kinds_and_texts(a)[..2],
            [
                (BlockKind::Headline, "Storm hits coast"),
                (
                    BlockKind::Paragraph,
                    "Winds of 100 km/h tore roofs\noff houses on Sunday."
                ),
            ]
        );
    }

    #[test]
    fn a_very_long_first_line_is_not_a_headline() {
        let line = "word ".repeat(10_000);
        let a = &parse("a.txt", line.as_bytes()).articles[0];
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(a.blocks[0].kind, BlockKind::Paragraph);
        assert!(a.headline.ends_with('…') && a.headline.len() < 100);
    }
}
