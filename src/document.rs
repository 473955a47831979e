//! An article together with its analysis, and the JSON report `byline analyze` prints.

use crate::analysis::{self, Analysis};
use crate::article::Article;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    #[serde(flatten)]
    pub article: Article,
    #[serde(flatten)]
    pub analysis: Analysis,
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
