//! The articles together with what the reader knows of each: its list title, whether it was
//! read, and its analysis once the background thread sends it; plus the corpus index built from
//! those analyses and the sources that could not be opened.
//!
//! Two modes. Files opened by name are all in memory (`articles`, every analysis, the corpus
//! index). The library is not: only a headline row per article is kept (`Entry`), and the text
//! and stored analysis of the article on screen are read through the [`Shelf`] when it is shown
//! ([`Collection::load`]) into a small cache of the last [`CACHE`] articles shown; the corpus
//! view, the entity filter and the mention jump read the library's entity index instead.

use crate::analysis::Analysis;
use crate::analysis::corpus::CorpusIndex;
use crate::analysis::corpus::EntityKey;
use crate::article::sanitize::flat;
use crate::article::{Article, SourceError};
use crate::library::reader::Row;
use crate::library::{ArticleId, LibraryEntity};
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

pub use super::store::Shelf;

/// How many library articles (text and analysis) the reader keeps loaded: the one on screen and
/// those shown just before it.
pub const CACHE: usize = 8;

/// How many library articles a look through the listed ones' analyses reads at most.
pub const LOOKAHEAD: usize = 200;

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
    /// Publication date as the source gave it, and as understood.
    date: Option<String>,
    published: Option<jiff::Timestamp>,
    /// Files: the analysis once it arrived. Library: while the article is loaded.
    analysis: Option<Analysis>,
    /// The analysis is done (files: arrived; library: stored in the library).
    done: bool,
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

    /// `None` while the article is still being analysed (and, in the library, while it is not
    /// loaded).
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref()
    }

    /// The publication date as the source gave it.
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    /// The publication date, when it was understood.
    pub fn published(&self) -> Option<jiff::Timestamp> {
        self.published
    }

    /// Whether the article is analysed (in the library: an analysis of this version is stored).
    pub fn is_analysed(&self) -> bool {
        self.done
    }

    fn of_article(a: &Article) -> Self {
        Entry {
            title: one_line(&a.headline, &a.source),
            origin: origin(a.outlet.as_deref(), &a.source),
            read: false,
            starred: false,
            id: None,
            date: a.date.clone(),
            published: a.published,
            analysis: None,
            done: false,
        }
    }

    /// `dates` remembers the dates understood so far (a library has many articles per day).
    fn of_row(row: Row, dates: &mut HashMap<String, Option<jiff::Timestamp>>) -> Self {
        let Row {
            headline: r,
            analysed,
        } = row;
        let published = r.date.as_ref().and_then(|d| match dates.get(d) {
            Some(&p) => p,
            None => {
                let p = crate::article::date::parse(d);
                dates.insert(d.clone(), p);
                p
            }
        });
        let origin = origin(r.outlet.as_deref(), &r.source);
        let title = if plain(&r.title, 300) {
            r.title
        } else {
            one_line(&r.title, &r.source)
        };
        Entry {
            title,
            origin,
            read: r.read,
            starred: r.starred,
            id: Some(r.id),
            date: r.date,
            published,
            analysis: None,
            done: analysed,
        }
    }
}

pub struct Collection {
    /// Files: every article, immutable after loading, shared with the analysis thread. Empty
    /// for the library (its texts stay there; see `cache`).
    articles: Arc<[Article]>,
    /// One per article, same index.
    entries: Vec<Entry>,
    errors: Vec<SourceError>,
    corpus: CorpusIndex,
    /// How many analyses have arrived.
    analysed: usize,
    /// Read/star changes the library has not been given yet (`App` hands them on).
    writes: Vec<Write>,
    /// Where the library's full-text search requests go (a thread answers with
    /// `Action::Found`), when the binary set it, and the last request's number.
    searcher: Option<Searcher>,
    searches: u64,
    corpus_requests: u64,
    /// Library: each article's id, at its index (ids increase with the index).
    ids: Vec<ArticleId>,
    /// Library: where texts and analyses are read from.
    shelf: Option<Box<dyn Shelf>>,
    /// Library: the articles loaded (index, article), the last shown last.
    cache: VecDeque<(usize, Article)>,
    unread: usize,
    starred: usize,
}

/// A question for the library's query thread, numbered so that a stale answer is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// The articles matching what was typed (answered with `Action::Found`).
    Search { request: u64, typed: String },
    /// The most widespread entities, at most `limit` (answered with `Action::CorpusFound`).
    Corpus { request: u64, limit: usize },
}

/// Sends a request to the library's query thread (the binary's; tests answer it themselves).
pub type Searcher = Box<dyn FnMut(Request)>;

impl Collection {
    pub(super) fn new(articles: Vec<Article>, errors: Vec<SourceError>) -> Self {
        let entries: Vec<Entry> = articles.iter().map(Entry::of_article).collect();
        let unread = entries.len();
        Self {
            articles: articles.into(),
            entries,
            errors,
            corpus: CorpusIndex::new(),
            analysed: 0,
            writes: Vec::new(),
            searcher: None,
            searches: 0,
            corpus_requests: 0,
            ids: Vec::new(),
            shelf: None,
            cache: VecDeque::new(),
            unread,
            starred: 0,
        }
    }

    /// The library's articles: a headline row each (in id order); texts and analyses are read
    /// through `shelf` when shown.
    pub(super) fn library(rows: Vec<Row>, shelf: Box<dyn Shelf>) -> Self {
        let mut c = Self::new(Vec::new(), Vec::new());
        c.shelf = Some(shelf);
        c.unread = 0;
        c.push_rows(rows);
        c
    }

    /// Adds library rows with ids past the last one; returns the new indices.
    fn push_rows(&mut self, rows: Vec<Row>) -> Vec<usize> {
        let mut added = Vec::with_capacity(rows.len());
        let mut dates = HashMap::new();
        self.entries.reserve(rows.len());
        self.ids.reserve(rows.len());
        for r in rows {
            if self.ids.last().is_some_and(|&last| r.headline.id <= last) {
                continue;
            }
            let e = Entry::of_row(r, &mut dates);
            self.unread += usize::from(!e.read);
            self.starred += usize::from(e.starred);
            self.analysed += usize::from(e.done);
            self.ids.push(e.id.unwrap_or_default());
            added.push(self.entries.len());
            self.entries.push(e);
        }
        added
    }

    /// Adds the rows of articles that arrived in the library; returns the new indices. Their
    /// texts and analyses are read when shown.
    pub(super) fn append(&mut self, rows: Vec<Row>) -> Vec<usize> {
        self.push_rows(rows)
    }

    /// Articles a feed refresh rewrote (same ids): each one's headline row is replaced (its read
    /// and star state stay as this reader has them: the refresh keeps them, and a change made
    /// here may not be written yet) and its text and analysis are read again when shown.
    /// Returns each replaced article's index with the article as it was loaded, if it was.
    pub(super) fn replace_rows(&mut self, rows: Vec<Row>) -> Vec<(usize, Option<Article>)> {
        let mut dates = HashMap::new();
        let mut replaced = Vec::with_capacity(rows.len());
        for r in rows {
            let Some(index) = self.index_of(r.headline.id) else {
                continue;
            };
            let Some(entry) = self.entries.get_mut(index) else {
                continue;
            };
            let mut e = Entry::of_row(r, &mut dates);
            e.read = entry.read;
            e.starred = entry.starred;
            if entry.done && !e.done {
                e.done = true;
            } else if e.done && !entry.done {
                self.analysed += 1;
            }
            *entry = e;
            let was = self
                .cache
                .iter()
                .position(|(i, _)| *i == index)
                .and_then(|at| self.cache.remove(at))
                .map(|(_, a)| a);
            replaced.push((index, was));
        }
        replaced
    }

    /// The index of the library article `id`, if listed here.
    pub fn index_of(&self, id: ArticleId) -> Option<usize> {
        self.ids.binary_search(&id).ok()
    }

    /// Whether article `index`'s text is at hand (always, for files).
    pub fn is_loaded(&self, index: usize) -> bool {
        self.shelf.is_none() || self.cache.iter().any(|(i, _)| *i == index)
    }

    /// Library: reads article `index` (text and stored analysis) unless it is loaded, keeping
    /// at most [`CACHE`] loaded. Files: nothing to do. A failed read is said in words.
    pub(super) fn load(&mut self, index: usize) -> Result<(), String> {
        let Some(shelf) = &self.shelf else {
            return Ok(());
        };
        if let Some(at) = self.cache.iter().position(|(i, _)| *i == index) {
            // The last shown goes last: the oldest is dropped first.
            if let Some(hit) = self.cache.remove(at) {
                self.cache.push_back(hit);
            }
            return Ok(());
        }
        let Some(&id) = self.ids.get(index) else {
            return Ok(());
        };
        let Some(stored) = shelf.article(id)? else {
            return Err("the article is no longer in the library".into());
        };
        while self.cache.len() >= CACHE {
            if let Some((old, _)) = self.cache.pop_front()
                && let Some(e) = self.entries.get_mut(old)
            {
                e.analysis = None;
            }
        }
        if let Some(e) = self.entries.get_mut(index) {
            if stored.analysis.is_some() && !e.done {
                e.done = true;
                self.analysed += 1;
            }
            e.analysis = stored.analysis;
        }
        self.cache.push_back((index, stored.article));
        Ok(())
    }

    /// `f` of article `index`'s analysis: the one in memory, else (library) the stored one read
    /// by id without keeping it. `Ok(None)` when there is none; a failed read of the library is
    /// said in words.
    pub(super) fn with_analysis<R>(
        &self,
        index: usize,
        f: impl FnOnce(&Analysis) -> R,
    ) -> Result<Option<R>, String> {
        let Some(entry) = self.entries.get(index) else {
            return Ok(None);
        };
        if let Some(a) = entry.analysis.as_ref() {
            return Ok(Some(f(a)));
        }
        let (Some(shelf), Some(&id)) = (self.shelf.as_ref(), self.ids.get(index)) else {
            return Ok(None);
        };
        let stored = shelf
            .article(id)
            .map_err(|e| format!("could not read an article of the library: {e}"))?;
        Ok(stored.and_then(|s| s.analysis.as_ref().map(f)))
    }

    /// How far a search through the listed articles' analyses may look (`]` past the last
    /// quote): every article in memory; in the library, each is a read, so [`LOOKAHEAD`].
    pub(super) fn lookahead(&self) -> usize {
        if self.shelf.is_some() {
            LOOKAHEAD
        } else {
            usize::MAX
        }
    }

    /// Articles mentioning `key`, in index order: from the corpus index (files) or the
    /// library's entity index. A failed read of the library is said in words.
    pub fn articles_with(&self, key: &EntityKey) -> Result<Vec<usize>, String> {
        match &self.shelf {
            None => Ok(self.corpus.articles_with(key).to_vec()),
            Some(shelf) => Ok(shelf
                .mentioning(key)?
                .into_iter()
                .filter_map(|id| self.index_of(id))
                .collect()),
        }
    }

    /// The entity's display name across the articles, if any mentions it. A failed read of the
    /// library is said in words.
    pub fn entity_name(&self, key: &EntityKey) -> Result<Option<String>, String> {
        match &self.shelf {
            None => Ok(self.corpus.get(key).map(|e| e.name.to_string())),
            Some(shelf) => Ok(shelf.entity(key)?.map(|e| e.name)),
        }
    }

    /// The entities for the corpus view: every one of the corpus index (files, in the order
    /// first seen), or the library's most widespread (at most `limit`). A failed read of the
    /// library is said in words.
    pub fn corpus_entities(&self, limit: usize) -> Result<Vec<LibraryEntity>, String> {
        match &self.shelf {
            None => Ok(self
                .corpus
                .entities()
                .iter()
                .map(|e| LibraryEntity {
                    key: e.key.clone(),
                    name: e.name.to_string(),
                    role: e.role.as_deref().map(str::to_string),
                    articles: e.articles.len(),
                    mentions: e.mentions,
                })
                .collect()),
            Some(shelf) => shelf.entities(limit),
        }
    }

    /// Whether the articles come from the library (ids, stars, unread counts; texts read on
    /// demand through the shelf).
    pub fn is_library(&self) -> bool {
        self.shelf.is_some()
    }

    /// How many articles are unread and how many starred.
    pub fn unread_starred(&self) -> (usize, usize) {
        (self.unread, self.starred)
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
                if starred {
                    self.starred += 1;
                } else {
                    self.starred = self.starred.saturating_sub(1);
                }
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

    /// Every article, to share with the analysis thread (files; empty for the library).
    pub fn articles(&self) -> &Arc<[Article]> {
        &self.articles
    }

    /// Each library article's id, at its index (empty for files).
    pub fn ids(&self) -> &[ArticleId] {
        &self.ids
    }

    /// Article `index`: files, any; the library, a loaded one (the one on screen is).
    pub fn article(&self, index: usize) -> Option<&Article> {
        if self.shelf.is_some() {
            return self
                .cache
                .iter()
                .rev()
                .find(|(i, _)| *i == index)
                .map(|(_, a)| a);
        }
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
                if read {
                    self.unread = self.unread.saturating_sub(1);
                } else {
                    self.unread += 1;
                }
                if let Some(id) = e.id {
                    self.writes.push(Write::Read(id, read));
                }
                true
            }
            _ => false,
        }
    }

    /// The library's full-text search thread answers `/` in the headlines from now on.
    pub(super) fn set_searcher(&mut self, searcher: Searcher) {
        self.searcher = Some(searcher);
    }

    /// Library: sends `query` to the search thread and returns the request's number (its answer,
    /// `Action::Found`, carries it); `None` without a search thread.
    pub(super) fn request_search(&mut self, query: &str) -> Option<u64> {
        let send = self.searcher.as_mut()?;
        self.searches += 1;
        send(Request::Search {
            request: self.searches,
            typed: query.trim().to_string(),
        });
        Some(self.searches)
    }

    /// Library: asks the query thread for the corpus view's entities (the query groups the
    /// whole entity index, too slow for the UI thread) and returns the request's number; `None`
    /// without a query thread.
    pub(super) fn request_corpus(&mut self, limit: usize) -> Option<u64> {
        self.shelf.as_ref()?;
        let send = self.searcher.as_mut()?;
        self.corpus_requests += 1;
        send(Request::Corpus {
            request: self.corpus_requests,
            limit,
        });
        Some(self.corpus_requests)
    }

    /// The number of the last corpus request: answers to older ones are stale.
    pub fn last_corpus_request(&self) -> u64 {
        self.corpus_requests
    }

    /// The number of the last search request: answers to older ones are stale.
    pub fn last_search_request(&self) -> u64 {
        self.searches
    }

    /// Library article ids found by a search, as indices in index order.
    pub(super) fn indices_of(&self, ids: &[ArticleId]) -> Vec<usize> {
        let mut found: Vec<usize> = ids.iter().filter_map(|&id| self.index_of(id)).collect();
        found.sort_unstable();
        found
    }

    /// The articles in memory (files) matching `query`, in index order: those whose headline,
    /// byline or text contain it (ignoring case). An empty query matches every article. (The
    /// library searches its FTS5 index on a thread instead: `request_search`.)
    pub fn search(&self, query: &str) -> Vec<usize> {
        let query = query.trim();
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
    /// second analysis of one. Library: the analysis thread stored it there; it is kept only
    /// while the article is loaded.
    pub(super) fn add_analysis(&mut self, index: usize, analysis: Analysis) -> bool {
        let loaded = self.cache.iter().any(|(i, _)| *i == index);
        let library = self.shelf.is_some();
        let Some(entry) = self.entries.get_mut(index) else {
            return false;
        };
        if entry.analysis.is_some() || (library && entry.done && !loaded) {
            return false;
        }
        if !entry.done {
            entry.done = true;
            self.analysed += 1;
        }
        if library {
            if loaded {
                entry.analysis = Some(analysis);
            }
        } else {
            self.corpus.add(index, &analysis);
            entry.analysis = Some(analysis);
        }
        true
    }

    /// The analysis of an article failed: it counts as done, with nothing found. Returns the
    /// article's source, or `None` for an unknown article.
    pub(super) fn analysis_failed(&mut self, index: usize) -> Option<String> {
        let loaded = self.shelf.is_none() || self.cache.iter().any(|(i, _)| *i == index);
        let entry = self.entries.get_mut(index)?;
        if entry.analysis.is_none() && loaded {
            entry.analysis = Some(Analysis::default());
        }
        if !entry.done {
            entry.done = true;
            self.analysed += 1;
        }
        Some(
            self.article(index)
                .map_or_else(|| entry_origin(self, index), |a| a.source.clone()),
        )
    }
}

fn entry_origin(c: &Collection, index: usize) -> String {
    c.entries
        .get(index)
        .map_or_else(String::new, |e| e.origin.clone())
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
fn origin(outlet: Option<&str>, source: &str) -> String {
    let text = match outlet.map(str::trim) {
        Some(outlet) if !outlet.is_empty() => outlet,
        _ => source.rsplit(['/', '\\']).next().unwrap_or(source),
    };
    if plain(text, 40) {
        text.to_string()
    } else {
        flat(text, 40)
    }
}

/// Whether `flat(text, max)` would give `text` back as it is: printable ASCII, single spaces
/// only between words, at most `max` characters, not empty (the common case, without a copy
/// character by character).
fn plain(text: &str, max: usize) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= max
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|b| (0x20..0x7f).contains(b))
        && !bytes.windows(2).any(|w| w == b"  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_what_flat_gives_back() {
        for (text, max) in [
            ("Kerry meets Lavrov", 300),
            (" lead", 300),
            ("trail ", 300),
            ("two  spaces", 300),
            ("tab\there", 300),
            ("esc\x1b[31m", 300),
            ("café", 300),
            ("", 300),
            ("exactly", 7),
            ("too long", 7),
        ] {
            if plain(text, max) {
                assert_eq!(flat(text, max), text, "{text:?}");
            }
        }
        assert!(plain("Kerry meets Lavrov", 300) && plain("exactly", 7));
        for (text, max) in [(" lead", 300), ("two  spaces", 300), ("tab\there", 300)] {
            assert!(!plain(text, max), "{text:?}");
        }
        assert!(!plain("esc\x1b[31m", 300) && !plain("", 300) && !plain("too long", 7));
    }

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
