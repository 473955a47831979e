//! Where the reader reads what it does not keep in memory in library mode: an article's text
//! and stored analysis (by id, when it is shown) and the library's entity index (the corpus
//! view, the entity filter, the mention jump across articles). The binary gives the reader a
//! [`Library`] connection of its own; tests can use a [`MemoryShelf`].
//!
//! Every call is one indexed read (an article by primary key, the articles of one entity), cheap
//! enough for `App::update`; nothing here scans the library.

use crate::analysis::corpus::{CorpusIndex, EntityKey};
use crate::library::{ArticleId, Library, LibraryEntity, Stored};

/// The library as the reader reads it.
pub trait Shelf {
    /// One article with its text and stored analysis; `None` when it is gone (pruned).
    fn article(&self, id: ArticleId) -> Result<Option<Stored>, String>;
    /// Every article mentioning `key`, in id order.
    fn mentioning(&self, key: &EntityKey) -> Result<Vec<ArticleId>, String>;
    /// The entity across the library, if an article mentions it.
    fn entity(&self, key: &EntityKey) -> Result<Option<LibraryEntity>, String>;
    /// The most widespread entities, at most `limit`.
    fn entities(&self, limit: usize) -> Result<Vec<LibraryEntity>, String>;
}

impl Shelf for Library {
    fn article(&self, id: ArticleId) -> Result<Option<Stored>, String> {
        Library::article(self, id).map_err(|e| e.to_string())
    }

    fn mentioning(&self, key: &EntityKey) -> Result<Vec<ArticleId>, String> {
        self.articles_mentioning(key).map_err(|e| e.to_string())
    }

    fn entity(&self, key: &EntityKey) -> Result<Option<LibraryEntity>, String> {
        Library::entity(self, key).map_err(|e| e.to_string())
    }

    fn entities(&self, limit: usize) -> Result<Vec<LibraryEntity>, String> {
        Library::entities(self, None, limit).map_err(|e| e.to_string())
    }
}

/// Stored articles held in memory (tests, benchmarks), indexed as the library indexes them.
pub struct MemoryShelf {
    /// In id order.
    stored: Vec<Stored>,
    corpus: CorpusIndex,
}

impl MemoryShelf {
    pub fn new(mut stored: Vec<Stored>) -> Self {
        stored.sort_by_key(|s| s.id);
        let mut corpus = CorpusIndex::new();
        for (i, s) in stored.iter().enumerate() {
            if let Some(a) = &s.analysis {
                corpus.add(i, a);
            }
        }
        Self { stored, corpus }
    }

    fn library_entity(&self, e: &crate::analysis::corpus::CorpusEntity) -> LibraryEntity {
        LibraryEntity {
            key: e.key.clone(),
            name: e.name.to_string(),
            role: e.role.as_deref().map(str::to_string),
            articles: e.articles.len(),
            mentions: e.mentions,
        }
    }
}

impl Shelf for MemoryShelf {
    fn article(&self, id: ArticleId) -> Result<Option<Stored>, String> {
        Ok(self
            .stored
            .binary_search_by_key(&id, |s| s.id)
            .ok()
            .and_then(|i| self.stored.get(i))
            .cloned())
    }

    fn mentioning(&self, key: &EntityKey) -> Result<Vec<ArticleId>, String> {
        Ok(self
            .corpus
            .articles_with(key)
            .iter()
            .filter_map(|&i| self.stored.get(i).map(|s| s.id))
            .collect())
    }

    fn entity(&self, key: &EntityKey) -> Result<Option<LibraryEntity>, String> {
        Ok(self.corpus.get(key).map(|e| self.library_entity(e)))
    }

    fn entities(&self, limit: usize) -> Result<Vec<LibraryEntity>, String> {
        let mut all: Vec<LibraryEntity> = self
            .corpus
            .entities()
            .iter()
            .map(|e| self.library_entity(e))
            .collect();
        all.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.name.cmp(&b.name))
        });
        all.truncate(limit);
        Ok(all)
    }
}
