//! The compact binary form the library stores analyses and blocks in.
//!
//! JSON made the stored analysis several times larger than the article text it describes (field
//! names repeated for every mention span), and writing those bytes was a large part of an
//! import. This form keeps the same content in a fraction of the space, with no dependency:
//!
//! - a two-byte header: [`MAGIC`] (never the first byte of UTF-8 text, so never of the JSON
//!   older byline versions stored — those rows stay readable, see [`decode_analysis`]) and a
//!   format number;
//! - numbers as LEB128 varints; spans as the distance from the previous span's start (zigzag,
//!   as spans may overlap or go back) and a length; strings as length + UTF-8; an absent
//!   option as 0, a present one as 1 and the value.
//!
//! Decoding checks everything (lengths against what is left, UTF-8, kinds, span order) and gives
//! `None` for anything it does not understand: a damaged or foreign value is one to redo, never a
//! crash.

use crate::analysis::{Analysis, Entity, EntityKind, Quote, QuoteKind};
use crate::article::{Block, BlockKind, Span};

/// First byte of an encoded value: 0xB7 cannot start a UTF-8 character, so no JSON text (what
/// older libraries hold) begins with it.
const MAGIC: u8 = 0xB7;
/// The layout below; a new layout gets a new number (old ones stay decodable or are redone).
const FORMAT: u8 = 1;

/// The analysis in the library's binary form.
pub fn encode_analysis(a: &Analysis) -> Vec<u8> {
    let mut w = Writer::with_capacity(64 + 16 * a.entities.len() + 8 * a.quotes.len());
    w.len(a.entities.len());
    for e in &a.entities {
        w.str(&e.id);
        w.byte(entity_kind_code(e.kind));
        w.str(&e.name);
        w.opt_str(e.role.as_deref());
        w.len(e.mentions.len());
        let mut prev = 0;
        for m in &e.mentions {
            w.span(m, &mut prev);
        }
    }
    w.len(a.quotes.len());
    let mut prev = 0;
    for q in &a.quotes {
        w.byte(quote_kind_code(q.kind));
        w.span(&q.span, &mut prev);
        w.opt_str(q.speaker.as_deref());
        match &q.speaker_span {
            Some(s) => {
                w.byte(1);
                let mut from = q.span.start;
                w.span(s, &mut from);
            }
            None => w.byte(0),
        }
    }
    w.0
}

/// An analysis as stored: this binary form, or the JSON of older byline versions. `None` when
/// it is neither (to be redone).
pub fn decode_analysis(bytes: &[u8]) -> Option<Analysis> {
    let Some(mut r) = Reader::new(bytes) else {
        return serde_json::from_slice(bytes).ok();
    };
    let n = r.len()?;
    let mut entities = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.str()?.into();
        let kind = entity_kind(r.byte()?)?;
        let name = r.str()?.into();
        let role = r.opt_str()?.map(Into::into);
        let m = r.len()?;
        let mut mentions = Vec::with_capacity(m);
        let mut prev = 0;
        for _ in 0..m {
            mentions.push(r.span(&mut prev)?);
        }
        entities.push(Entity {
            id,
            kind,
            name,
            role,
            mentions: mentions.into_boxed_slice(),
        });
    }
    let n = r.len()?;
    let mut quotes = Vec::with_capacity(n);
    let mut prev = 0;
    for _ in 0..n {
        let kind = quote_kind(r.byte()?)?;
        let span = r.span(&mut prev)?;
        let speaker = r.opt_str()?.map(Into::into);
        let speaker_span = match r.byte()? {
            0 => None,
            1 => {
                let mut from = span.start;
                Some(r.span(&mut from)?)
            }
            _ => return None,
        };
        quotes.push(Quote {
            kind,
            span,
            speaker,
            speaker_span,
        });
    }
    r.end()?;
    Some(Analysis { entities, quotes })
}

/// An article's blocks in the library's binary form.
pub fn encode_blocks(blocks: &[Block]) -> Vec<u8> {
    let mut w = Writer::with_capacity(8 + 4 * blocks.len());
    w.len(blocks.len());
    let mut prev = 0;
    for b in blocks {
        w.byte(block_kind_code(b.kind));
        w.span(&b.span, &mut prev);
    }
    w.0
}

/// Blocks as stored: this binary form, or the JSON of older byline versions.
pub fn decode_blocks(bytes: &[u8]) -> Option<Vec<Block>> {
    let Some(mut r) = Reader::new(bytes) else {
        return serde_json::from_slice(bytes).ok();
    };
    let n = r.len()?;
    let mut blocks = Vec::with_capacity(n);
    let mut prev = 0;
    for _ in 0..n {
        let kind = block_kind(r.byte()?)?;
        let span = r.span(&mut prev)?;
        blocks.push(Block { kind, span });
    }
    r.end()?;
    Some(blocks)
}

struct Writer(Vec<u8>);

impl Writer {
    fn with_capacity(n: usize) -> Self {
        let mut v = Vec::with_capacity(n);
        v.extend_from_slice(&[MAGIC, FORMAT]);
        Self(v)
    }

    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    fn varint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn len(&mut self, n: usize) {
        self.varint(n as u64);
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.byte(1);
                self.str(s);
            }
            None => self.byte(0),
        }
    }

    /// The span's start as a (zigzag) step from `prev`, then its length; `prev` becomes its start.
    fn span(&mut self, s: &Span, prev: &mut usize) {
        let step = s.start as i64 - *prev as i64;
        self.varint(((step << 1) ^ (step >> 63)) as u64);
        self.len(s.end.saturating_sub(s.start));
        *prev = s.start;
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader past the header, or `None` when `bytes` does not start with this format's header.
    fn new(bytes: &'a [u8]) -> Option<Self> {
        match bytes {
            [MAGIC, FORMAT, rest @ ..] => Some(Self { bytes: rest }),
            _ => None,
        }
    }

    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    /// A count of items, each at least one byte: never more than the bytes left, so a damaged
    /// count cannot make a huge allocation.
    fn len(&mut self) -> Option<usize> {
        self.usize().filter(|&n| n <= self.bytes.len())
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        let (s, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        std::str::from_utf8(s).ok()
    }

    fn opt_str(&mut self) -> Option<Option<&'a str>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.str().map(Some),
            _ => None,
        }
    }

    fn span(&mut self, prev: &mut usize) -> Option<Span> {
        let z = self.varint()?;
        let step = ((z >> 1) as i64) ^ -((z & 1) as i64);
        let start = usize::try_from(i64::try_from(*prev).ok()?.checked_add(step)?).ok()?;
        let end = start.checked_add(self.usize()?)?;
        *prev = start;
        Some(Span::new(start, end))
    }

    /// Everything was read.
    fn end(&self) -> Option<()> {
        self.bytes.is_empty().then_some(())
    }
}

fn entity_kind_code(k: EntityKind) -> u8 {
    match k {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
    }
}

fn entity_kind(b: u8) -> Option<EntityKind> {
    [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ]
    .into_iter()
    .find(|&k| entity_kind_code(k) == b)
}

fn quote_kind_code(k: QuoteKind) -> u8 {
    match k {
        QuoteKind::Direct => 0,
        QuoteKind::Partial => 1,
        QuoteKind::Scare => 2,
        QuoteKind::Reported => 3,
    }
}

fn quote_kind(b: u8) -> Option<QuoteKind> {
    [
        QuoteKind::Direct,
        QuoteKind::Partial,
        QuoteKind::Scare,
        QuoteKind::Reported,
    ]
    .into_iter()
    .find(|&k| quote_kind_code(k) == b)
}

const BLOCK_KINDS: [BlockKind; 8] = [
    BlockKind::Headline,
    BlockKind::Dek,
    BlockKind::Caption,
    BlockKind::Credit,
    BlockKind::Byline,
    BlockKind::Dateline,
    BlockKind::Paragraph,
    BlockKind::Blockquote,
];

fn block_kind_code(k: BlockKind) -> u8 {
    match k {
        BlockKind::Headline => 0,
        BlockKind::Dek => 1,
        BlockKind::Caption => 2,
        BlockKind::Credit => 3,
        BlockKind::Byline => 4,
        BlockKind::Dateline => 5,
        BlockKind::Paragraph => 6,
        BlockKind::Blockquote => 7,
    }
}

fn block_kind(b: u8) -> Option<BlockKind> {
    BLOCK_KINDS.into_iter().find(|&k| block_kind_code(k) == b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn sample() -> (Article, Analysis) {
        let parsed = crate::article::parse(
            "a.txt",
            "Minister resigns\n\nBy Ann Lee\n\n\"We will not stop,\" said Prime Minister Jo \
             Park of Korea on Monday. Park, 54, spoke to the Korea Herald. Ann Lee said the \
             \"crisis\" was over, and Mr. Park agreed.\n\n> A quoted block.\n"
                .as_bytes(),
        );
        let article = parsed.articles.into_iter().next().unwrap();
        let analysis = crate::analysis::analyze(&article);
        (article, analysis)
    }

    #[test]
    fn analyses_and_blocks_come_back_as_they_went_in() {
        let (article, analysis) = sample();
        assert!(!analysis.entities.is_empty() && !analysis.quotes.is_empty());
        let bytes = encode_analysis(&analysis);
        assert_eq!(decode_analysis(&bytes), Some(analysis.clone()));
        let json = serde_json::to_vec(&analysis).unwrap();
        assert!(
            bytes.len() * 3 < json.len(),
            "{} vs {}",
            bytes.len(),
            json.len()
        );
        let blocks = encode_blocks(&article.blocks);
        assert_eq!(decode_blocks(&blocks), Some(article.blocks.clone()));
        assert_eq!(
            decode_analysis(&encode_analysis(&Analysis::default())),
            Some(Analysis::default())
        );
        assert_eq!(decode_blocks(&encode_blocks(&[])), Some(Vec::new()));
    }

    #[test]
    fn spans_that_overlap_or_go_back_survive() {
        let spans = [
            Span::new(50, 60),
            Span::new(10, 90),
            Span::new(10, 10),
            Span::new(usize::MAX / 4, usize::MAX / 4 + 3),
        ];
        let analysis = Analysis {
            entities: vec![Entity {
                id: "x".into(),
                kind: EntityKind::Place,
                name: "X".into(),
                role: Some("r".into()),
                mentions: spans.into(),
            }],
            quotes: vec![Quote {
                kind: QuoteKind::Reported,
                span: Span::new(70, 80),
                speaker: None,
                speaker_span: Some(Span::new(3, 5)),
            }],
        };
        assert_eq!(decode_analysis(&encode_analysis(&analysis)), Some(analysis));
    }

    #[test]
    fn json_of_older_versions_is_still_read() {
        let (article, analysis) = sample();
        let json = serde_json::to_vec(&analysis).unwrap();
        assert_eq!(decode_analysis(&json), Some(analysis));
        let json = serde_json::to_vec(&article.blocks).unwrap();
        assert_eq!(decode_blocks(&json), Some(article.blocks));
    }

    #[test]
    fn damaged_values_are_refused_never_a_crash() {
        let (article, analysis) = sample();
        let bytes = encode_analysis(&analysis);
        let blocks = encode_blocks(&article.blocks);
        // Every truncation, and every single-byte change, decodes to None or to some value
        // without panicking; truncations are always refused.
        for cut in 0..bytes.len() {
            assert_eq!(decode_analysis(&bytes[..cut]), None, "cut at {cut}");
        }
        for cut in 0..blocks.len() {
            assert_eq!(decode_blocks(&blocks[..cut]), None, "cut at {cut}");
        }
        for i in 0..bytes.len() {
            for b in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut v = bytes.clone();
                v[i] = b;
                let _ = decode_analysis(&v);
            }
        }
        let mut long = bytes.clone();
        long.push(0);
        assert_eq!(decode_analysis(&long), None, "trailing bytes");
        assert_eq!(
            decode_analysis(&[
                MAGIC, FORMAT, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01
            ]),
            None
        );
        assert_eq!(
            decode_analysis(&[MAGIC, FORMAT + 1, 0, 0]),
            None,
            "an unknown format"
        );
        assert_eq!(decode_analysis(b"not json"), None);
    }
}
