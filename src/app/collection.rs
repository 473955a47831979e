//! The loaded articles together with what the reader knows of each: its list title, whether it
//! was read, and its analysis once the background thread sends it; plus the corpus index built
//! from those analyses and the sources that could not be opened.

use crate::analysis::Analysis;
use crate::analysis::corpus::CorpusIndex;
use crate::article::sanitize::flat;
use crate::article::{Article, SourceError};
use crate::library::ArticleId;
use std::sync::Arc;

/// A change of an article's state for the library to store (the binary hands these to a writer
/// thread; without a library nothing is stored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    Read(ArticleId, bool),
    Starred(ArticleId, bool),
}

/// What the reader keeps for one article.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The headline made inert and put on one line.
    title: String,
    /// Where it comes from, for the list: the outlet, else the file's name.
    origin: String,
    read: bool,
    starred: bool,
    /// The article's id in the library, when it came from one.
    id: Option<ArticleId>,
    analysis: Option<Analysis>,
}

impl Entry {
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Where the article comes from: the outlet, else the file's name.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    pub fn is_read(&self) -> bool {
        self.read
    }

    pub fn is_starred(&self) -> bool {
        self.starred
    }

    /// The article's id in the library, when it came from one.
    pub fn id(&self) -> Option<ArticleId> {
        self.id
    }

    /// `None` while the article is still being analysed.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref()
    }
}

pub struct Collection {
    /// Immutable after loading; shared with the analysis thread.
    articles: Arc<[Article]>,
    /// One per article, same index.
    entries: Vec<Entry>,
    errors: Vec<SourceError>,
    corpus: CorpusIndex,
    /// How many analyses have arrived.
    analysed: usize,
    /// Whether the articles come from the library (ids, stars, unread counts).
    library: bool,
    /// Read/star changes the library has not been given yet (`App` hands them on).
    writes: Vec<Write>,
    /// The library's full-text search (ids of matching articles), when the binary set one.
    searcher: Option<Searcher>,
    /// Each library article's index here.
    index_of: std::collections::HashMap<ArticleId, usize>,
}

/// A full-text search over the library: the ids of the articles matching what was typed (as
/// an incremental prefix query), or why it failed.
pub type Searcher = Box<dyn Fn(&str) -> Result<Vec<ArticleId>, String>>;

impl Collection {
    pub(super) fn new(articles: Vec<Article>, errors: Vec<SourceError>) -> Self {
        let entries = articles
            .iter()
            .map(|a| Entry {
                title: one_line(&a.headline, &a.source),
                origin: origin(a),
                read: false,
                starred: false,
                id: None,
                analysis: None,
            })
            .collect();
        Self {
            articles: articles.into(),
            entries,
            errors,
            corpus: CorpusIndex::new(),
            analysed: 0,
            library: false,
            writes: Vec::new(),
            searcher: None,
            index_of: std::collections::HashMap::new(),
        }
    }

    /// Marks the articles as the library's: `states[i]` is article `i`'s (id, read, starred).
    pub(super) fn attach_library(&mut self, states: &[(ArticleId, bool, bool)]) {
        self.library = true;
        for (i, (entry, &(id, read, starred))) in self.entries.iter_mut().zip(states).enumerate() {
            self.index_of.insert(id, i);
            entry.id = Some(id);
            entry.read = read;
            entry.starred = starred;
        }
    }

    /// Adds articles that arrived in the library (with their analyses); returns the new indices.
    /// The article list is shared with the analysis thread, so it is copied once per arrival.
    pub(super) fn append(&mut self, stored: Vec<crate::library::Stored>) -> Vec<usize> {
        let mut articles: Vec<Article> = self.articles.to_vec();
        let mut added = Vec::with_capacity(stored.len());
        for s in stored {
            if self.index_of.contains_key(&s.id) {
                continue;
            }
            let i = articles.len();
            self.index_of.insert(s.id, i);
            self.entries.push(Entry {
                title: one_line(&s.article.headline, &s.article.source),
                origin: origin(&s.article),
                read: s.read,
                starred: s.starred,
                id: Some(s.id),
                analysis: None,
            });
            articles.push(s.article);
            if let Some(a) = s.analysis {
                self.add_analysis(i, a);
            } else {
                self.analysis_failed(i);
            }
            added.push(i);
        }
        self.articles = articles.into();
        added
    }

    /// Whether the articles come from the library.
    pub fn is_library(&self) -> bool {
        self.library
    }

    /// How many articles are unread and how many starred.
    pub fn unread_starred(&self) -> (usize, usize) {
        self.entries.iter().fold((0, 0), |(u, s), e| {
            (u + usize::from(!e.read), s + usize::from(e.starred))
        })
    }

    /// The read/star changes not yet handed to the library, oldest first.
    pub(super) fn take_writes(&mut self) -> Vec<Write> {
        std::mem::take(&mut self.writes)
    }

    /// THE way the star changes; stored in the library like the read flag. Says whether it
    /// changed.
    pub(super) fn set_starred(&mut self, index: usize, starred: bool) -> bool {
        match self.entries.get_mut(index) {
            Some(e) if e.starred != starred => {
                e.starred = starred;
                if let Some(id) = e.id {
                    self.writes.push(Write::Starred(id, starred));
                }
                true
            }
            _ => false,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every article, to share with the analysis thread.
    pub fn articles(&self) -> &Arc<[Article]> {
        &self.articles
    }

    pub fn article(&self, index: usize) -> Option<&Article> {
        self.articles.get(index)
    }

    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn analysis(&self, index: usize) -> Option<&Analysis> {
        self.entries.get(index)?.analysis.as_ref()
    }

    pub fn errors(&self) -> &[SourceError] {
        &self.errors
    }

    /// The load errors in words: "1 source could not be opened", "1 record skipped", or both
    /// ("2 sources could not be opened, 1 record skipped"); `None` when there are none.
    pub fn errors_summary(&self) -> Option<String> {
        use super::message::count;
        let records = self.errors.iter().filter(|e| is_record(e)).count();
        let sources = self.errors.len() - records;
        let mut parts = Vec::new();
        if sources > 0 {
            parts.push(format!(
                "{} could not be opened",
                count(sources, "source", "sources")
            ));
        }
        if records > 0 {
            parts.push(format!("{} skipped", count(records, "record", "records")));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    pub fn corpus(&self) -> &CorpusIndex {
        &self.corpus
    }

    /// How many analyses have arrived (failed ones included).
    pub fn analysed(&self) -> usize {
        self.analysed
    }

    /// THE way the read flag changes (a library that stores it hooks in here). An article is
    /// read once it was shown in the body pane: opened with Enter, its body scrolled, or left on
    /// screen for `DWELL` — not when the cursor passes over its headline. Says whether the flag
    /// changed.
    pub(super) fn set_read(&mut self, index: usize, read: bool) -> bool {
        match self.entries.get_mut(index) {
            Some(e) if e.read != read => {
                e.read = read;
                if let Some(id) = e.id {
                    self.writes.push(Write::Read(id, read));
                }
                true
            }
            _ => false,
        }
    }

    /// The library's full-text search answers `search` from now on.
    pub(super) fn set_searcher(&mut self, searcher: Searcher) {
        self.searcher = Some(searcher);
    }

    /// The articles matching `query`, in index order. With the library's searcher: its FTS5
    /// index over headline, text, byline and entity names, every word quoted (so no input is a
    /// syntax error) and the last one a prefix. Otherwise (files, or the search failed): those
    /// whose headline, byline or text contain `query` (ignoring case). An empty query matches
    /// every article.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let query = query.trim();
        if !query.is_empty()
            && let Some(Ok(ids)) = self.searcher.as_ref().map(|s| s(query))
        {
            let mut found: Vec<usize> = ids
                .iter()
                .filter_map(|id| self.index_of.get(id).copied())
                .collect();
            found.sort_unstable();
            return found;
        }
        self.articles
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                query.is_empty()
                    || super::search::contains(&a.headline, query)
                    || a.byline
                        .as_deref()
                        .is_some_and(|b| super::search::contains(b, query))
                    || super::search::contains(&a.text, query)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Stores an analysis and adds it to the corpus index; false for an unknown article or a
    /// second analysis of one.
    pub(super) fn add_analysis(&mut self, index: usize, analysis: Analysis) -> bool {
        let Some(entry) = self.entries.get_mut(index) else {
            return false;
        };
        if entry.analysis.is_some() {
            return false;
        }
        self.corpus.add(index, &analysis);
        entry.analysis = Some(analysis);
        self.analysed += 1;
        true
    }

    /// The analysis of an article failed: it counts as done, with nothing found. Returns the
    /// article's source, or `None` for an unknown article.
    pub(super) fn analysis_failed(&mut self, index: usize) -> Option<&str> {
        let entry = self.entries.get_mut(index)?;
        if entry.analysis.is_none() {
            entry.analysis = Some(Analysis::default());
            self.analysed += 1;
        }
        Some(self.articles.get(index).map_or("", |a| a.source.as_str()))
    }
}

/// Whether a load error is about one record of a file that opened (a bad line of a JSON Lines
/// file, a bad item of a JSON list): the parser names those `file#N`.
fn is_record(error: &SourceError) -> bool {
    error.source.rsplit_once('#').is_some_and(|(file, n)| {
        !file.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
    })
}

/// A headline for the list: inert, on one line, cut short, never empty.
fn one_line(headline: &str, source: &str) -> String {
    let title = flat(headline, 300);
    if title.is_empty() {
        format!("(untitled: {})", flat(source, 200))
    } else {
        title
    }
}

/// The outlet, else the source's file name (without its folders), inert and cut short.
fn origin(article: &Article) -> String {
    match article.outlet.as_deref().map(str::trim) {
        Some(outlet) if !outlet.is_empty() => flat(outlet, 40),
        _ => {
            let source = article.source.as_str();
            let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
            flat(name, 40)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_errors_are_counted_in_words() {
        let c = |errors: Vec<SourceError>| Collection::new(Vec::new(), errors).errors_summary();
        assert_eq!(c(Vec::new()), None);
        let src = SourceError::new("gone.txt", "not found");
        let rec = SourceError::new("feed.jsonl#3", "invalid JSON");
        assert_eq!(
            c(vec![src.clone()]).as_deref(),
            Some("1 source could not be opened")
        );
        assert_eq!(c(vec![rec.clone()]).as_deref(), Some("1 record skipped"));
        assert_eq!(
            c(vec![src.clone(), src, rec.clone(), rec]).as_deref(),
            Some("2 sources could not be opened, 2 records skipped")
        );
        assert_eq!(
            c(vec![SourceError::new("#1", "x")]).as_deref(),
            Some("1 source could not be opened")
        );
    }
}
