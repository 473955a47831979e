//! Both stages' tokens from one pass over the article: each block the entity finder reads is
//! lexed once with [`lex_pair`], the entity finder's word rules ([`NameWords`]) and the quote
//! finder's ([`SpeechWords`]) at once, and each lexeme goes straight into the stage's own token
//! (the entity finder's flags, the quote finder's lexicon bits), so neither stage reads the
//! characters again.
//!
//! The stages read different blocks: the quote finder skips credits and bylines and reads an
//! article without blocks paragraph by paragraph (see `quotes::units`), the entity finder reads
//! every block (see `entities::read_blocks`). A block that holds no unit of the quote finder is
//! lexed for the entity finder alone. A unit's tokens are the tokens of the block around it that
//! lie in it, which are the tokens the unit lexed alone gives when it starts at its block's
//! start or after white space and ends at its block's end or before white space: no token
//! holds white space, and no rule looks past it (see `analysis::text`). Articles whose units do
//! not lie so (no parser makes them), and articles longer than [`SHARED_MAX`], are read by each
//! stage on its own, in its own windows, as before.

use super::entities::{self, tokens::NameWords};
use super::quotes::{self, Speech, SpeechWords, Tok, Unit};
use super::text::{lex, lex_pair};
use crate::article::{Article, BlockKind, Span};

/// Bytes of text (in the entity finder's blocks) up to which an article is lexed once for both
/// stages. Both stages' tokens then live at once (the quote finder's while the entity finder
/// runs), up to some 80 bytes a token: at this size text dense in one-letter quotations peaks
/// at 5.6 MB, within the bound of `tests/memory.rs`, where a window of 128 KiB would come near
/// it (10.4 MB for 120 kB, against 7.3 MB read stage by stage). It is less than either stage's
/// window, so both read such an article whole; news stories are far shorter (2 to 20 kB).
pub(crate) const SHARED_MAX: usize = 64 * 1024;

/// Both stages' tokens of `article` from one pass, when it is no longer than [`SHARED_MAX`] and
/// its units lie in the entity finder's blocks as the module says; `None` otherwise.
pub(crate) fn lex_once(article: &Article) -> Option<(entities::Tokens, Vec<Unit>, Vec<Tok>)> {
    let text = article.text.as_str();
    let blocks = entities::read_blocks(article);
    let units = quotes::units(article);
    let bytes = |spans: &mut dyn Iterator<Item = Span>| spans.map(|s| s.len()).sum::<usize>();
    if bytes(&mut blocks.iter().map(|b| b.0)) > SHARED_MAX
        || bytes(&mut units.iter().map(|u| u.span)) > SHARED_MAX
    {
        return None;
    }
    let owners = owners(text, &blocks, &units)?;
    let mut names = entities::Tokens::for_blocks(&blocks);
    let mut toks = Vec::with_capacity(quotes::token_capacity(&units));
    // The units of the block being read: from `first` on, those whose owner it is.
    let mut first = 0;
    for (bi, &(span, kind)) in blocks.iter().enumerate() {
        while owners.get(first).is_some_and(|&o| o < bi) {
            first += 1;
        }
        let mut last = first;
        while owners.get(last) == Some(&bi) {
            last += 1;
        }
        if first == last {
            names.block(text, span, kind, |block, sink| {
                lex::<NameWords>(block, |l| sink.push(l))
            });
            continue;
        }
        let mut speech = Speech {
            text,
            out: &mut toks,
        };
        if last - first == 1 && units.get(first).is_some_and(|u| u.span == span) {
            // The block is the unit (most blocks): every token is the unit's.
            let unit = first as u32;
            names.block(text, span, kind, |block, sink| {
                lex_pair::<NameWords, SpeechWords>(
                    block,
                    |l| sink.push(l),
                    |l| speech.push(span.start, unit, l),
                )
            });
            first = last;
            continue;
        }
        let mut ui = first;
        names.block(text, span, kind, |block, sink| {
            lex_pair::<NameWords, SpeechWords>(
                block,
                |l| sink.push(l),
                |l| {
                    let (start, end) = (span.start + l.start, span.start + l.end);
                    // The unit that holds the token, if any (units lie in text order).
                    while ui + 1 < last && units.get(ui).is_some_and(|u| u.span.end <= start) {
                        ui += 1;
                    }
                    if units
                        .get(ui)
                        .is_some_and(|u| u.span.start <= start && end <= u.span.end)
                    {
                        speech.push(span.start, ui as u32, l);
                    }
                },
            )
        });
        first = last;
    }
    Some((names, units, toks))
}

/// For each unit, the index of the block that holds it; `None` when one lies otherwise: units
/// out of text order or overlapping, a unit in no block (or in one that is no span of the text)
/// or across two, or a unit's edge inside its block and not at white space. An empty unit holds
/// no token and lies anywhere in order.
fn owners(text: &str, blocks: &[(Span, BlockKind)], units: &[Unit]) -> Option<Vec<usize>> {
    let space_before = |i: usize| {
        text.get(..i)
            .and_then(|s| s.chars().next_back())
            .is_some_and(char::is_whitespace)
    };
    let space_at = |i: usize| {
        text.get(i..)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_whitespace)
    };
    let mut owners = Vec::with_capacity(units.len());
    let mut bi = 0;
    let mut last_end = 0;
    for u in units {
        let s = u.span;
        if s.start < last_end {
            return None;
        }
        last_end = s.end;
        if s.is_empty() {
            // No tokens: it goes with the block of the unit before.
            owners.push(bi);
            continue;
        }
        while blocks.get(bi).is_some_and(|b| b.0.end <= s.start) {
            bi += 1;
        }
        let b = blocks.get(bi)?.0;
        // A block that is no span of the text is not read (its units are).
        let inside = b.start <= s.start && s.end <= b.end && text.get(b.start..b.end).is_some();
        let clean =
            (s.start == b.start || space_before(s.start)) && (s.end == b.end || space_at(s.end));
        if !(inside && clean) {
            return None;
        }
        owners.push(bi);
    }
    Some(owners)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::Lexeme;
    use crate::analysis::{Analysis, analyze};
    use crate::article::Block;

    struct Rng(u64);

    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Pieces where the two stages' word rules meet, differ or end a word.
    const PIECES: &[&str] = &[
        "U.S.",
        "Mr.",
        "L.",
        "Jones'",
        "Putin's",
        "’s",
        "O'Brien",
        "al-Assad",
        "Saudi-led",
        "AT&T",
        "3.5",
        "1,000",
        "a/b",
        "x_y",
        "@jo",
        "#tag",
        "e\u{301}",
        "\u{308}",
        "Zürich",
        "said",
        "Obama",
        "\"",
        "“",
        "”",
        "'",
        "’",
        "«",
        "»",
        ".",
        ",",
        "-",
        "\u{2011}",
        "&",
        "_",
        "/",
        "........",
        "\"'\"'",
        "—",
        "(",
        ")",
        ":",
        " ",
        " ",
        "\n",
        "\n\n",
        "\u{a0}",
        "\t",
    ];

    fn random_text(rng: &mut Rng, pieces: usize) -> String {
        (0..pieces)
            .map(|_| PIECES[rng.next(PIECES.len())])
            .collect()
    }

    fn lexed<R: crate::analysis::text::WordRules>(s: &str) -> Vec<Lexeme> {
        let mut out = Vec::new();
        lex::<R>(s, |l| out.push(l));
        out
    }

    #[test]
    fn one_pass_gives_each_stage_the_tokens_of_its_own_rules() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..5_000 {
            let n = 1 + rng.next(12);
            let s = random_text(&mut rng, n);
            let (mut names, mut speech) = (Vec::new(), Vec::new());
            lex_pair::<NameWords, SpeechWords>(&s, |l| names.push(l), |l| speech.push(l));
            assert_eq!(names, lexed::<NameWords>(&s), "{s:?}");
            assert_eq!(speech, lexed::<SpeechWords>(&s), "{s:?}");
        }
    }

    /// The analysis as each stage reading the article on its own gives it.
    fn apart(article: &Article) -> Analysis {
        let entities = entities::extract(article);
        let quotes = quotes::extract(article, &entities);
        Analysis { entities, quotes }
    }

    fn article(text: String, blocks: Vec<Block>) -> Article {
        Article {
            text,
            blocks,
            ..Article::default()
        }
    }

    #[test]
    fn the_shared_pass_changes_no_analysis() {
        let mut rng = Rng(0x0123_4567_89ab_cdef);
        let mut shared = 0;
        for round in 0..300 {
            let mut text = String::new();
            let mut blocks = Vec::new();
            for b in 0..1 + rng.next(6) {
                let start = text.len();
                let n = rng.next(40);
                text.push_str(&random_text(&mut rng, n));
                text.push_str(" Barack Obama said: \"We will,\" he said. ");
                let kind = [
                    BlockKind::Headline,
                    BlockKind::Paragraph,
                    BlockKind::Credit,
                    BlockKind::Byline,
                    BlockKind::Blockquote,
                    BlockKind::Dek,
                ][(round + b) % 6];
                blocks.push(Block::new(kind, start, text.len()));
                text.push_str(["\n\n", "\n", "", " "][rng.next(4)]);
            }
            // Without blocks, with them, with an edge moved into a word, overlapping.
            let mut moved = blocks.clone();
            if let Some(b) = moved.first_mut() {
                b.span.end = b.span.end.saturating_sub(3);
                while !text.is_char_boundary(b.span.end) {
                    b.span.end -= 1;
                }
            }
            let mut overlapping = blocks.clone();
            if let Some(b) = overlapping.last_mut() {
                b.span.start = 0;
            }
            // A block past the end of the text, read first, over the others.
            let mut beyond = blocks.clone();
            beyond.insert(0, Block::new(BlockKind::Paragraph, 0, text.len() + 10));
            // An empty block among them, the blocks out of order, one of them twice.
            let mut empty = blocks.clone();
            let at = empty.len() / 2;
            let pos = empty.get(at).map_or(0, |b| b.span.start);
            empty.insert(at, Block::new(BlockKind::Paragraph, pos, pos));
            let mut reversed = blocks.clone();
            reversed.reverse();
            let mut twice = blocks.clone();
            twice.extend(blocks.first().cloned());
            for blocks in [
                Vec::new(),
                blocks,
                moved,
                overlapping,
                beyond,
                empty,
                reversed,
                twice,
            ] {
                let a = article(text.clone(), blocks);
                shared += usize::from(lex_once(&a).is_some());
                assert_eq!(analyze(&a), apart(&a), "{a:?}");
            }
        }
        assert!(shared > 1200, "{shared}");
        assert!(shared < 2400, "{shared}");
    }

    #[test]
    fn a_long_article_is_read_by_each_stage_on_its_own() {
        let text = "Barack Obama said: \"We will.\" ".repeat(SHARED_MAX / 30 + 1);
        let long = article(
            text.clone(),
            vec![Block::new(BlockKind::Paragraph, 0, text.len())],
        );
        assert!(lex_once(&long).is_none());
        let short = article(text[..1000].to_string(), Vec::new());
        assert!(lex_once(&short).is_some());
    }
}
