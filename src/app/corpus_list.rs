//! The corpus view: every entity of the analysed articles (files) or the library's most
//! widespread ones, most widespread first; Enter opens the first article mentioning one and
//! follows it there.

use super::App;
use super::layout::Pane;
use super::list::{ListPos, Step, keep_visible, moved, scroll_list};
use super::message::Message;
use super::single_line;
use crate::analysis::corpus::EntityKey;
use crate::library::LibraryEntity;

/// At most this many rows in the corpus view of the library.
pub const LIBRARY_ROWS: usize = 2_000;

/// A row of the corpus view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusRow {
    pub key: EntityKey,
    pub name: String,
    pub articles: usize,
}

#[derive(Clone, Debug, Default)]
pub struct CorpusList {
    rows: Vec<CorpusRow>,
    pos: ListPos,
}

impl CorpusList {
    pub fn rows(&self) -> &[CorpusRow] {
        &self.rows
    }

    pub fn pos(&self) -> ListPos {
        self.pos
    }

    pub fn selected_key(&self) -> Option<&EntityKey> {
        self.rows.get(self.pos.selected).map(|r| &r.key)
    }

    pub(super) fn step(&mut self, step: Step, page: usize) {
        self.pos.selected = moved(self.pos.selected, self.rows.len(), page, step);
        keep_visible(&mut self.pos, page);
    }

    pub(super) fn scroll(&mut self, height: usize, delta: isize) {
        scroll_list(&mut self.pos, self.rows.len(), height, delta);
    }

    pub(super) fn click(&mut self, rel: usize) {
        let at = self.pos.offset + rel;
        if at < self.rows.len() {
            self.pos.selected = at;
        }
    }

    pub(super) fn keep_visible(&mut self, height: usize) {
        keep_visible(&mut self.pos, height);
    }

    /// The rows for `entities`, keeping the selected entity selected.
    fn rebuild(&mut self, entities: Vec<LibraryEntity>, height: usize) {
        let selected_key = self.selected_key().cloned();
        let mut rows: Vec<CorpusRow> = entities
            .into_iter()
            .map(|e| CorpusRow {
                key: e.key,
                name: single_line(&e.name),
                articles: e.articles,
            })
            .collect();
        rows.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.key.kind.cmp(&b.key.kind))
                .then_with(|| a.name.cmp(&b.name))
        });
        self.pos.selected = selected_key
            .and_then(|k| rows.iter().position(|r| r.key == k))
            .unwrap_or(0);
        self.rows = rows;
        keep_visible(&mut self.pos, height);
    }
}

impl App {
    /// The corpus view's rows: from the corpus index at once (files), or asked of the library's
    /// query thread (the rows come with `Action::CorpusFound`; until then the last ones stay).
    pub(super) fn rebuild_corpus_rows(&mut self) {
        if self.docs.request_corpus(LIBRARY_ROWS).is_some() {
            if self.side.corpus().rows.is_empty() {
                self.message = Some(Message::info("reading the library's entity index…"));
            }
            return;
        }
        let h = self.screen.list_height(Pane::Side);
        match self.docs.corpus_entities(LIBRARY_ROWS) {
            Ok(entities) => self.side.corpus_mut().rebuild(entities, h),
            Err(why) => self.message = Some(super::message::entity_index_problem(&why)),
        }
    }

    /// The library's query thread answered corpus request `request`; an older request's answer
    /// is dropped. Says whether to redraw.
    pub(super) fn corpus_found(
        &mut self,
        request: u64,
        entities: Result<Vec<LibraryEntity>, String>,
    ) -> bool {
        if request != self.docs.last_corpus_request() {
            return false;
        }
        match entities {
            Ok(entities) => {
                let h = self.screen.list_height(Pane::Side);
                self.side.corpus_mut().rebuild(entities, h);
                if self
                    .message
                    .as_ref()
                    .is_some_and(|m| m.text().starts_with("reading the library's entity"))
                {
                    self.message = None;
                }
            }
            Err(why) => self.message = Some(super::message::entity_index_problem(&why)),
        }
        true
    }

    /// Enter on a corpus row: the first article mentioning the entity, at its first mention.
    pub(super) fn open_corpus_row(&mut self) {
        let Some(key) = self.side.corpus().selected_key().cloned() else {
            return;
        };
        let first = match self.docs.articles_with(&key) {
            Ok(articles) => articles.first().copied(),
            Err(why) => {
                self.message = Some(super::message::entity_index_problem(&why));
                return;
            }
        };
        let Some(first) = first else {
            return;
        };
        if !self.headlines.lists(first) {
            self.clear_filter();
        }
        self.set_followed(Some(key));
        self.forget_mention();
        self.go_to_article(first);
        self.reset_body_scroll();
        self.step_mention(true);
    }
}
