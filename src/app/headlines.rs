//! The headline pane: which articles are listed (all, or those mentioning the filter's entity),
//! the selected one, and the filter itself.

use super::App;
use super::layout::Pane;
use super::list::{ListPos, Step, keep_visible, moved, scroll_list};
use super::message::Message;
use super::side::SideView;
use super::single_line;
use crate::analysis::corpus::EntityKey;

/// Headlines limited to the articles mentioning one entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    key: EntityKey,
    name: String,
}

impl Filter {
    pub fn key(&self) -> &EntityKey {
        &self.key
    }

    /// The entity's display name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

#[derive(Clone, Debug, Default)]
pub struct HeadlinesPane {
    /// Article indices listed, ascending (all, or the filter's).
    listed: Vec<usize>,
    pos: ListPos,
    filter: Option<Filter>,
}

impl HeadlinesPane {
    pub(super) fn new(articles: usize) -> Self {
        Self {
            listed: (0..articles).collect(),
            ..Self::default()
        }
    }

    /// Article indices listed, ascending.
    pub fn listed(&self) -> &[usize] {
        &self.listed
    }

    pub fn pos(&self) -> ListPos {
        self.pos
    }

    pub fn filter(&self) -> Option<&Filter> {
        self.filter.as_ref()
    }

    /// The article of the selected row: the one the body shows.
    pub fn selected_article(&self) -> Option<usize> {
        self.listed.get(self.pos.selected).copied()
    }

    /// Whether article `index` is listed.
    pub fn lists(&self, index: usize) -> bool {
        self.listed.binary_search(&index).is_ok()
    }

    pub(super) fn keep_visible(&mut self, height: usize) {
        keep_visible(&mut self.pos, height);
    }
}

impl App {
    pub(super) fn step_headlines(&mut self, step: Step) {
        let page = self.screen.list_height(Pane::Headlines).max(1);
        let to = moved(
            self.headlines.pos.selected,
            self.headlines.listed.len(),
            page,
            step,
        );
        self.select_headline(to);
    }

    pub(super) fn scroll_headlines(&mut self, delta: isize) {
        let h = self.screen.list_height(Pane::Headlines);
        let len = self.headlines.listed.len();
        scroll_list(&mut self.headlines.pos, len, h, delta);
    }

    /// A click on row `rel` of the list.
    pub(super) fn click_headlines(&mut self, rel: usize) {
        let at = self.headlines.pos.offset + rel;
        if at < self.headlines.listed.len() {
            self.select_headline(at);
        }
    }

    pub(super) fn select_headline(&mut self, row: usize) {
        let h = self.screen.list_height(Pane::Headlines);
        if row != self.headlines.pos.selected {
            self.headlines.pos.selected = row;
            self.show_selected_article();
        }
        self.headlines.keep_visible(h);
    }

    pub(super) fn go_to_article(&mut self, index: usize) {
        if let Ok(row) = self.headlines.listed.binary_search(&index) {
            self.select_headline(row);
        }
    }

    pub(super) fn toggle_filter(&mut self) {
        if self.headlines.filter.is_some() {
            self.clear_filter();
            self.message = Some(Message::info("showing every article"));
            return;
        }
        let key = if self.screen.focus() == Pane::Side && self.side.view() == SideView::Corpus {
            self.side.corpus().selected_key().cloned()
        } else {
            self.followed
                .key()
                .cloned()
                .or_else(|| self.cursor_entity_key())
        };
        let Some(key) = key else {
            self.message = Some(Message::info("choose an entity to filter by first"));
            return;
        };
        let articles = self.docs.corpus().articles_with(&key).to_vec();
        if articles.is_empty() {
            self.message = Some(Message::info("no analysed article mentions it yet"));
            return;
        }
        let name = self
            .docs
            .corpus()
            .get(&key)
            .map_or_else(|| key.name.clone(), |e| single_line(&e.name));
        let current = self.current_index();
        self.set_followed(Some(key.clone()));
        self.headlines.filter = Some(Filter {
            key,
            name: name.clone(),
        });
        let verb = if articles.len() == 1 {
            "mentions"
        } else {
            "mention"
        };
        self.message = Some(Message::info(format!(
            "{} {verb} {name} — f or Esc shows all",
            super::message::count(articles.len(), "article", "articles")
        )));
        self.headlines.listed = articles;
        self.reselect(current);
    }

    pub(super) fn clear_filter(&mut self) {
        let current = self.current_index();
        self.headlines.filter = None;
        self.headlines.listed = (0..self.docs.len()).collect();
        self.reselect(current);
    }

    /// After the list changed: keep showing `current` if it is still listed, else the first.
    fn reselect(&mut self, current: Option<usize>) {
        self.headlines.pos.offset = 0;
        match current.and_then(|c| self.headlines.listed.binary_search(&c).ok()) {
            Some(row) => {
                self.headlines.pos.selected = row;
                let h = self.screen.list_height(Pane::Headlines);
                self.headlines.keep_visible(h);
                self.rebuild_article_views();
            }
            None => {
                self.headlines.pos.selected = 0;
                self.show_selected_article();
            }
        }
    }

    /// Whether a new analysis mentions the filter's entity (so the article joins the list).
    pub(super) fn filter_matches(&self, analysis: &crate::analysis::Analysis) -> bool {
        self.headlines
            .filter
            .as_ref()
            .is_some_and(|f| analysis.entities.iter().any(|e| EntityKey::of(e) == f.key))
    }

    /// A newly analysed article mentions the filter's entity: list it.
    pub(super) fn show_in_filter(&mut self, index: usize) {
        let pane = &mut self.headlines;
        if let Err(at) = pane.listed.binary_search(&index) {
            let was_empty = pane.listed.is_empty();
            pane.listed.insert(at, index);
            if was_empty {
                pane.pos.selected = 0;
                self.show_selected_article();
            } else if at <= pane.pos.selected {
                pane.pos.selected += 1;
                pane.pos.offset += usize::from(at < pane.pos.offset);
            }
        }
    }
}
