//! What an article says about whom: entities (people, organizations, places) with their mentions
//! and roles, and quotations with their speakers. Pure functions over an `Article`; no terminal code.

pub mod corpus;
pub mod entities;
pub mod learn;
mod lexed;
pub(crate) mod lexicon;
pub mod normalise;
pub mod quotes;
pub(crate) mod text;

use crate::article::{Article, Span};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

/// One person, organization or place and every mention of it in one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable slug of the canonical name, unique within the article ("vladimir-putin").
    pub id: Box<str>,
    pub kind: EntityKind,
    /// Canonical (usually the fullest) name.
    pub name: Box<str>,
    /// The role the article gives a person ("Russian President"), if any.
    pub role: Option<Box<str>>,
    /// Name-only spans, in text order.
    pub mentions: Box<[Span]>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Speech inside quotation marks.
    Direct,
    /// A quoted fragment of someone's words inside the writer's sentence.
    Partial,
    /// Marks around a term, title or nickname that nobody is saying.
    Scare,
    /// Indirect speech framed by a speech verb, without marks.
    Reported,
}

/// A quotation: its span (including the marks for direct/partial/scare) and who said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    #[serde(flatten)]
    pub span: Span,
    /// The speaker's entity id, when the speaker is a named entity of the article.
    pub speaker: Option<Box<str>>,
    /// Where the speaker as written stands in the text (see [`Quote::speaker_text`]). The JSON
    /// report also gives that text as `speaker_text` (see `Document`); it is not stored, as
    /// the span gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_span: Option<Span>,
}

impl Quote {
    /// The speaker as written ("a senior State Department official"), when one was found;
    /// `text` is the article text.
    pub fn speaker_text<'a>(&self, text: &'a str) -> Option<&'a str> {
        self.speaker_span.map(|s| s.slice(text))
    }
}

/// Everything byline found in one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// People first, then organizations, then places; within a kind, by first mention.
    pub entities: Vec<Entity>,
    /// In text order.
    pub quotes: Vec<Quote>,
}

impl Analysis {
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| &*e.id == id)
    }
}

/// Runs the whole analysis on one article: both stages' tokens from one pass over its text
/// (see `lexed`) when it is no longer than `lexed::SHARED_MAX` (64 KiB), else each stage
/// reading it on its own, in its own windows.
pub fn analyze(article: &Article) -> Analysis {
    let (mut entities, mut quotes) = match lexed::lex_once(article) {
        Some((names, units, toks)) => {
            let entities = entities::extract_lexed(article, names);
            let quotes = quotes::extract_lexed(article, &entities, units, toks);
            (entities, quotes)
        }
        None => {
            let entities = entities::extract(article);
            let quotes = quotes::extract(article, &entities);
            (entities, quotes)
        }
    };
    // Analyses of a whole corpus are kept at once: no spare capacity in what is kept.
    entities.shrink_to_fit();
    quotes.shrink_to_fit();
    Analysis { entities, quotes }
}
