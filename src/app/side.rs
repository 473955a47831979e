//! The side pane: one of three views — this article's entities (`EntityList`), every entity of
//! the corpus (`CorpusList`) or this article's quotes (`QuoteList`) — and the entity list itself.

use super::App;
use super::corpus_list::CorpusList;
use super::layout::Pane;
use super::list::{ListPos, Step, keep_visible, moved, scroll_list};
use super::message::Message;
use super::quote_list::QuoteList;
use super::single_line;
use crate::analysis::corpus::EntityKey;
use crate::analysis::{Analysis, EntityKind};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SideView {
    #[default]
    Entities,
    Corpus,
    Quotes,
}

#[derive(Clone, Debug, Default)]
pub struct SidePane {
    view: SideView,
    entities: EntityList,
    quotes: QuoteList,
    corpus: CorpusList,
}

impl SidePane {
    pub fn view(&self) -> SideView {
        self.view
    }

    pub fn entities(&self) -> &EntityList {
        &self.entities
    }

    pub fn quotes(&self) -> &QuoteList {
        &self.quotes
    }

    pub(super) fn quotes_mut(&mut self) -> &mut QuoteList {
        &mut self.quotes
    }

    pub fn corpus(&self) -> &CorpusList {
        &self.corpus
    }

    pub(super) fn corpus_mut(&mut self) -> &mut CorpusList {
        &mut self.corpus
    }
}

/// A row of the entity list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntityRow {
    Header(EntityKind, usize),
    /// Index into the article's `Analysis::entities`, display name, mention count.
    Entity {
        index: usize,
        name: String,
        count: usize,
    },
    /// The role of the person on the row above, on its own row so it is never cut short.
    Role(String),
}

/// The shown article's people, organizations and places, each kind under a header.
#[derive(Clone, Debug, Default)]
pub struct EntityList {
    rows: Vec<EntityRow>,
    pos: ListPos,
}

impl EntityList {
    pub fn rows(&self) -> &[EntityRow] {
        &self.rows
    }

    pub fn pos(&self) -> ListPos {
        self.pos
    }

    /// The rows for `analysis`, the cursor on the `followed` entity if it is here, else on the
    /// first entity.
    fn rebuild(
        &mut self,
        analysis: Option<&Analysis>,
        followed: Option<&EntityKey>,
        height: usize,
    ) {
        self.rows.clear();
        let mut followed_row = None;
        if let Some(analysis) = analysis {
            let counts = super::follow::own_counts(analysis);
            for kind in [
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Place,
            ] {
                let of_kind: Vec<usize> = analysis
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.kind == kind)
                    .map(|(i, _)| i)
                    .collect();
                if of_kind.is_empty() {
                    continue;
                }
                self.rows.push(EntityRow::Header(kind, of_kind.len()));
                for i in of_kind {
                    let Some(e) = analysis.entities.get(i) else {
                        continue;
                    };
                    if followed == Some(&EntityKey::of(e)) {
                        followed_row = Some(self.rows.len());
                    }
                    self.rows.push(EntityRow::Entity {
                        index: i,
                        name: single_line(&e.name),
                        count: counts.get(i).copied().unwrap_or(0),
                    });
                    if let Some(role) = e.role.as_deref().map(single_line)
                        && !role.is_empty()
                    {
                        self.rows.push(EntityRow::Role(role));
                    }
                }
            }
        }
        let first_entity = self
            .rows
            .iter()
            .position(|r| matches!(r, EntityRow::Entity { .. }))
            .unwrap_or(0);
        self.pos = ListPos {
            selected: followed_row.unwrap_or(first_entity),
            offset: 0,
        };
        keep_visible(&mut self.pos, height);
    }

    /// Moves the cursor from entity to entity (headers and roles are skipped).
    fn step(&mut self, step: Step, page: usize) {
        let entities: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, EntityRow::Entity { .. }))
            .map(|(i, _)| i)
            .collect();
        if entities.is_empty() {
            return;
        }
        let at = entities
            .iter()
            .position(|&r| r == self.pos.selected)
            .unwrap_or(0);
        let to = moved(at, entities.len(), page, step);
        let Some(&row) = entities.get(to) else {
            return;
        };
        self.pos.selected = row;
        // Show the header above the first entity of the list, and a role below its person.
        if to == 0 {
            self.pos.offset = 0;
        }
        if matches!(self.rows.get(row + 1), Some(EntityRow::Role(_))) {
            let mut with_role = ListPos {
                selected: row + 1,
                offset: self.pos.offset,
            };
            keep_visible(&mut with_role, page);
            self.pos.offset = with_role.offset;
        }
        keep_visible(&mut self.pos, page);
    }

    /// A click on row `rel` of the pane; says whether it landed on an entity (or its role).
    fn click(&mut self, rel: usize) -> bool {
        let mut at = self.pos.offset + rel;
        // A click on a role selects the person above it.
        if matches!(self.rows.get(at), Some(EntityRow::Role(_))) {
            at = at.saturating_sub(1);
        }
        if matches!(self.rows.get(at), Some(EntityRow::Entity { .. })) {
            self.pos.selected = at;
            return true;
        }
        false
    }

    /// The analysis index of the entity under the cursor.
    fn cursor(&self) -> Option<usize> {
        match self.rows.get(self.pos.selected)? {
            EntityRow::Entity { index, .. } => Some(*index),
            _ => None,
        }
    }
}

impl App {
    pub(super) fn toggle_corpus(&mut self) {
        if self.side.view == SideView::Corpus {
            self.side.view = SideView::Entities;
        } else {
            self.side.view = SideView::Corpus;
            self.rebuild_corpus_rows();
        }
        self.set_focus(Pane::Side);
    }

    pub(super) fn toggle_quotes(&mut self) {
        self.side.view = if self.side.view == SideView::Quotes {
            SideView::Entities
        } else {
            SideView::Quotes
        };
        self.set_focus(Pane::Side);
    }

    /// Esc in the side pane: back to the entity list; says whether it did anything.
    pub(super) fn side_back(&mut self) -> bool {
        if self.side.view == SideView::Entities {
            return false;
        }
        self.side.view = SideView::Entities;
        true
    }

    pub(super) fn step_side(&mut self, step: Step) {
        let page = self.screen.list_height(Pane::Side).max(1);
        match self.side.view {
            SideView::Entities => {
                self.side.entities.step(step, page);
                self.follow_cursor_entity();
            }
            SideView::Quotes => {
                let height = self.screen.list_height(Pane::Side);
                self.side.quotes.step(step, height);
            }
            SideView::Corpus => self.side.corpus.step(step, page),
        }
    }

    pub(super) fn scroll_side(&mut self, delta: isize) {
        let h = self.screen.list_height(Pane::Side);
        match self.side.view {
            SideView::Entities => {
                let list = &mut self.side.entities;
                scroll_list(&mut list.pos, list.rows.len(), h, delta);
            }
            SideView::Quotes => self.side.quotes.scroll(h, delta),
            SideView::Corpus => self.side.corpus.scroll(h, delta),
        }
    }

    /// A click on row `rel` of the side pane.
    pub(super) fn click_side(&mut self, rel: usize) {
        match self.side.view {
            SideView::Entities => {
                if self.side.entities.click(rel) {
                    self.follow_cursor_entity();
                }
            }
            SideView::Quotes => self.side.quotes.click(rel),
            SideView::Corpus => self.side.corpus.click(rel),
        }
    }

    /// Enter in the side pane.
    pub(super) fn open_side(&mut self) {
        match self.side.view {
            SideView::Entities => {
                if let Some(key) = self.cursor_entity_key() {
                    self.set_followed(Some(key));
                    self.forget_mention();
                    self.reset_body_scroll();
                    self.step_mention(true);
                }
            }
            SideView::Corpus => self.open_corpus_row(),
            SideView::Quotes => {
                if let Some(row) = self.side.quotes.selected_row() {
                    let stop = row.stop;
                    self.jump_to_quote(stop);
                }
            }
        }
    }

    /// Keeps every side list's selection visible after a resize or focus change.
    pub(super) fn refit_side(&mut self) {
        let h = self.screen.list_height(Pane::Side);
        keep_visible(&mut self.side.entities.pos, h);
        let width = self.screen.list_width(Pane::Side);
        self.side.quotes.refit(width, h);
        self.side.corpus.keep_visible(h);
    }

    /// The shown article (or its analysis) changed: rebuild the entity rows.
    pub(super) fn rebuild_entity_rows(&mut self) {
        let analysis = self
            .headlines
            .selected_article()
            .and_then(|i| self.docs.analysis(i));
        let h = self.screen.list_height(Pane::Side);
        self.side.entities.rebuild(analysis, self.followed.key(), h);
        self.follow_pane_cursor();
    }

    /// The entity under the entity-list cursor becomes the followed one.
    fn follow_cursor_entity(&mut self) {
        if let Some(key) = self.cursor_entity_key()
            && self.followed.key() != Some(&key)
        {
            self.set_followed(Some(key));
            self.forget_mention();
            self.rebuild_marks();
            if let Some(e) = self
                .followed
                .here()
                .and_then(|i| self.current_analysis()?.entities.get(i))
            {
                let n = self.followed_mentions().len();
                self.message = Some(Message::info(format!(
                    "{} — {n} mention{} here; n jumps to the next",
                    single_line(&e.name),
                    if n == 1 { "" } else { "s" }
                )));
            }
        }
    }

    /// The corpus key of the entity under the entity-list cursor.
    pub(super) fn cursor_entity_key(&self) -> Option<EntityKey> {
        let index = self.side.entities.cursor()?;
        self.current_analysis()?
            .entities
            .get(index)
            .map(EntityKey::of)
    }
}
