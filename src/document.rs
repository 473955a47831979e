//! An article together with its analysis, and the JSON report `byline analyze` prints.

use crate::analysis::{self, Analysis, Entity, QuoteKind};
use crate::article::{Article, Span};
use serde::{Serialize, Serializer};

/// Serialized as the article's fields, then `entities` and `quotes`; each quote with its
/// `speaker_text` read from the article text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub article: Article,
    pub analysis: Analysis,
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    #[serde(flatten)]
    article: &'a Article,
    entities: &'a [Entity],
    quotes: QuotesJson<'a>,
}

/// The quotes written one by one as they are read, not gathered first: text made of one-word
/// quotations has one per 16 bytes, and a gathered copy cost five times the text.
struct QuotesJson<'a> {
    quotes: &'a [crate::analysis::Quote],
    text: &'a str,
}

impl Serialize for QuotesJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.text;
        serializer.collect_seq(self.quotes.iter().map(|q| QuoteJson {
            kind: q.kind,
            span: q.span,
            speaker: q.speaker.as_deref(),
            speaker_text: q.speaker_text(text),
            speaker_span: q.speaker_span,
        }))
    }
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    kind: QuoteKind,
    #[serde(flatten)]
    span: Span,
    speaker: Option<&'a str>,
    speaker_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker_span: Option<Span>,
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.article.text.as_str();
        DocumentJson {
            article: &self.article,
            entities: &self.analysis.entities,
            quotes: QuotesJson {
                quotes: &self.analysis.quotes,
                text,
            },
        }
        .serialize(serializer)
    }
}

impl Document {
    pub fn analyze(article: Article) -> Self {
        let analysis = analysis::analyze(&article);
        Self { article, analysis }
    }
}

/// The `byline analyze --format json` contract: `{"articles": [...]}`.
#[derive(Serialize)]
pub struct Report<'a> {
    pub articles: &'a [Document],
}
