//! The headline pane: which articles are listed (all, or those mentioning the filter's entity),
//! in which order (newest first, or as the files list them), the selected one, and the filter.

use super::App;
use super::layout::Pane;
use super::list::{ListPos, Step, keep_visible, moved, scroll_list};
use super::message::Message;
use super::side::SideView;
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

/// The order of the headline list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Newest first by publication date; undated articles after the dated ones, in file order.
    #[default]
    Newest,
    /// As the sources list them.
    File,
}

/// Which of the articles the list shows, whatever the filter or search: all, unread or starred.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    All,
    Unread,
    Starred,
}

#[derive(Clone, Debug, Default)]
pub struct HeadlinesPane {
    /// Article indices listed (all, or the filter's), in `order`.
    listed: Vec<usize>,
    order: Order,
    /// Each article's place in `order` (same index as the articles).
    rank: Vec<usize>,
    /// Publication dates, to sort by (same index as the articles).
    dates: Vec<Option<jiff::Timestamp>>,
    pos: ListPos,
    filter: Option<Filter>,
    view: View,
}

impl HeadlinesPane {
    pub(super) fn new(dates: Vec<Option<jiff::Timestamp>>) -> Self {
        let mut pane = Self {
            listed: (0..dates.len()).collect(),
            dates,
            ..Self::default()
        };
        pane.rerank();
        pane.sort_listed();
        pane
    }

    /// Ranks the articles for `order`.
    fn rerank(&mut self) {
        let mut by: Vec<usize> = (0..self.dates.len()).collect();
        if self.order == Order::Newest {
            // Stable: same dates (and undated articles) keep their file order.
            by.sort_by_key(|&i| {
                let date = self.dates.get(i).copied().flatten();
                (date.is_none(), std::cmp::Reverse(date))
            });
        }
        self.rank = vec![0; by.len()];
        for (place, &i) in by.iter().enumerate() {
            if let Some(r) = self.rank.get_mut(i) {
                *r = place;
            }
        }
    }

    fn rank_of(&self, index: usize) -> usize {
        self.rank.get(index).copied().unwrap_or(usize::MAX)
    }

    /// Puts `articles` in the list's order.
    fn sort(&self, articles: &mut [usize]) {
        articles.sort_by_key(|&a| self.rank_of(a));
    }

    /// Puts the listed articles in the list's order.
    fn sort_listed(&mut self) {
        let mut listed = std::mem::take(&mut self.listed);
        self.sort(&mut listed);
        self.listed = listed;
    }

    /// Article indices listed, in the list's order.
    pub fn listed(&self) -> &[usize] {
        &self.listed
    }

    pub fn order(&self) -> Order {
        self.order
    }

    /// The row listing article `index`, if it is listed.
    pub fn row_of(&self, index: usize) -> Option<usize> {
        let rank = self.rank_of(index);
        self.listed
            .binary_search_by_key(&rank, |&a| self.rank_of(a))
            .ok()
    }

    pub fn pos(&self) -> ListPos {
        self.pos
    }

    pub fn filter(&self) -> Option<&Filter> {
        self.filter.as_ref()
    }

    /// All, unread only or starred only.
    pub fn view(&self) -> View {
        self.view
    }

    /// The article of the selected row: the one the body shows.
    pub fn selected_article(&self) -> Option<usize> {
        self.listed.get(self.pos.selected).copied()
    }

    /// Whether article `index` is listed.
    pub fn lists(&self, index: usize) -> bool {
        self.row_of(index).is_some()
    }

    pub(super) fn keep_visible(&mut self, height: usize) {
        keep_visible(&mut self.pos, height);
    }

    /// Articles were added (dates of the new ones, at the next indices): rank them.
    fn extend(&mut self, dates: Vec<Option<jiff::Timestamp>>) {
        self.dates.extend(dates);
        self.rerank();
    }

    /// Articles' dates changed (index, new date): rank them again, and the list with them.
    fn redate(&mut self, dates: impl IntoIterator<Item = (usize, Option<jiff::Timestamp>)>) {
        for (i, date) in dates {
            if let Some(d) = self.dates.get_mut(i) {
                *d = date;
            }
        }
        self.rerank();
        self.sort_listed();
    }
}

impl App {
    pub(super) fn step_headlines(&mut self, step: Step) {
        let page = self.screen.headlines_fit().max(1);
        let to = moved(
            self.headlines.pos.selected,
            self.headlines.listed.len(),
            page,
            step,
        );
        self.select_headline(to);
    }

    pub(super) fn scroll_headlines(&mut self, delta: isize) {
        let h = self.screen.headlines_fit();
        let len = self.headlines.listed.len();
        scroll_list(&mut self.headlines.pos, len, h, delta);
    }

    /// A click on row `rel` of the list.
    pub(super) fn click_headlines(&mut self, rel: usize) {
        let at = self.headlines.pos.offset + rel / self.screen.headline_rows();
        if at < self.headlines.listed.len() {
            self.select_headline(at);
        }
    }

    pub(super) fn select_headline(&mut self, row: usize) {
        let h = self.screen.headlines_fit();
        if row != self.headlines.pos.selected {
            self.headlines.pos.selected = row;
            self.show_selected_article();
        }
        self.headlines.keep_visible(h);
    }

    pub(super) fn go_to_article(&mut self, index: usize) {
        if let Some(row) = self.headlines.row_of(index) {
            self.select_headline(row);
        }
    }

    /// The listed articles just above and below the shown one.
    fn neighbours(&self) -> impl Iterator<Item = usize> + '_ {
        let row = self.headlines.pos.selected;
        [row.checked_sub(1), row.checked_add(1)]
            .into_iter()
            .flatten()
            .filter_map(|r| self.headlines.listed.get(r).copied())
    }

    /// Whether a neighbour of the shown article is still to be read from the library (once per
    /// article shown).
    pub fn needs_prefetch(&self) -> bool {
        !self.prefetched
            && self.docs.is_library()
            && self.neighbours().any(|i| !self.docs.is_loaded(i))
    }

    /// Reads the shown article's neighbours into the cache (a failed read is left for when the
    /// article is shown, which says so).
    pub(super) fn prefetch(&mut self) {
        self.prefetched = true;
        let next: Vec<usize> = self.neighbours().collect();
        for i in next {
            if !self.docs.is_loaded(i) {
                let _ = self.docs.load(i);
            }
        }
    }

    /// `s`: newest first ↔ file order; the shown article stays shown.
    pub(super) fn toggle_order(&mut self) {
        let current = self.current_index();
        let pane = &mut self.headlines;
        pane.order = match pane.order {
            Order::Newest => Order::File,
            Order::File => Order::Newest,
        };
        pane.rerank();
        pane.sort_listed();
        self.message = Some(Message::info(match self.headlines.order {
            Order::Newest => "newest first — O lists them in file order",
            Order::File => "in file order — O lists the newest first",
        }));
        self.reselect(current);
    }

    /// `u`: the shown article read ↔ unread. Marked unread, it stays so while on screen (the
    /// dwell no longer counts).
    pub(super) fn toggle_read(&mut self) {
        let Some(i) = self.current_index() else {
            return;
        };
        let read = self.docs.entry(i).is_some_and(|e| e.is_read());
        self.body.since = None;
        self.docs.set_read(i, !read);
        let what = if read { "marked unread" } else { "marked read" };
        self.message = Some(Message::info(self.kept(what)));
    }

    /// `s`: star ↔ unstar the shown article.
    pub(super) fn toggle_star(&mut self) {
        let Some(i) = self.current_index() else {
            return;
        };
        let starred = self.docs.entry(i).is_some_and(|e| e.is_starred());
        self.docs.set_starred(i, !starred);
        let what = if starred { "unstarred" } else { "starred" };
        self.message = Some(Message::info(self.kept(what)));
    }

    /// A mark's message: files opened by name are not in the library, so their marks are not kept.
    fn kept(&self, what: &str) -> String {
        if self.docs.is_library() {
            what.to_string()
        } else {
            format!("{what} (for this run: files opened by name are not in the library)")
        }
    }

    /// Articles another process added to the library: listed at once (unless a filter or a
    /// search narrows the list; they show when it is cleared), the shown article kept.
    pub(super) fn arrived(&mut self, rows: Vec<crate::library::reader::Row>) {
        let current = self.current_index();
        let added = self.docs.append(rows);
        if added.is_empty() {
            return;
        }
        // The new articles are at the next indices, in order.
        let dates = added
            .iter()
            .map(|&i| self.docs.entry(i).and_then(|e| e.published()))
            .collect();
        self.headlines.extend(dates);
        let mut listed = std::mem::take(&mut self.headlines.listed);
        if self.headlines.filter.is_none() && self.headline_search.is_none() {
            listed.extend(added.iter().copied().filter(|&i| self.in_view(i)));
        }
        self.headlines.listed = listed;
        self.headlines.sort_listed();
        if !self.keep_selected(current) {
            self.headlines.pos.selected = 0;
            self.show_selected_article();
        }
        // Says so, unless the feed refresh's progress or summary (which counts these articles
        // already) is being shown.
        if !self.shows_refresh() {
            self.say_unless_problem(Message::info(format!(
                "{} added to the library",
                super::message::count(added.len(), "new article", "new articles")
            )));
        }
    }

    /// Articles a feed refresh rewrote (their new headline rows): their rows and dates are
    /// replaced and the selection stays on the same article. The one on screen is read again
    /// at once, and shown again when its text changed; the others when next shown.
    pub(super) fn updated(&mut self, rows: Vec<crate::library::reader::Row>) {
        let current = self.current_index();
        let replaced = self.docs.replace_rows(rows);
        if replaced.is_empty() {
            return;
        }
        let dates: Vec<_> = replaced
            .iter()
            .map(|&(i, _)| (i, self.docs.entry(i).and_then(|e| e.published())))
            .collect();
        self.headlines.redate(dates);
        self.keep_selected(current);
        let Some((index, was)) = replaced.into_iter().find(|&(i, _)| Some(i) == current) else {
            return;
        };
        if let Err(why) = self.docs.load(index) {
            self.message = Some(Message::problem(format!(
                "could not read the updated article: {}",
                crate::article::sanitize::inert(&why)
            )));
            return;
        }
        if was.as_ref() != self.docs.article(index) {
            self.forget_wrapped_body();
            self.show_selected_article();
            self.say_unless_problem(Message::info(
                "a feed refresh updated this article: shown again from the top",
            ));
        } else {
            // The same text: the analysis read again is the one shown.
            self.rebuild_article_views();
        }
    }

    /// `U` / `*`: list only unread / starred articles (the same key again: all). The entity
    /// filter stays; a headline search is dropped.
    pub(super) fn toggle_view(&mut self, view: View) {
        let mut listed = match &self.headlines.filter {
            Some(f) => match self.docs.articles_with(&f.key) {
                Ok(listed) => listed,
                Err(why) => {
                    self.message = Some(super::message::entity_index_problem(&why));
                    return;
                }
            },
            None => (0..self.docs.len()).collect(),
        };
        self.headline_search = None;
        self.headlines.view = if self.headlines.view == view {
            View::All
        } else {
            view
        };
        let current = self.current_index();
        listed.retain(|&i| self.in_view(i));
        self.headlines.sort(&mut listed);
        let n = listed.len();
        self.headlines.listed = listed;
        self.message = Some(Message::info(match self.headlines.view {
            View::All => "showing read and unread articles".to_string(),
            View::Unread => format!(
                "{} — U again shows all",
                super::message::count(n, "unread article", "unread articles")
            ),
            View::Starred => format!(
                "{} — * again shows all",
                super::message::count(n, "starred article", "starred articles")
            ),
        }));
        self.reselect(current);
    }

    /// Whether article `index` belongs in the list's view (all, unread, starred).
    pub(super) fn in_view(&self, index: usize) -> bool {
        let Some(e) = self.docs.entry(index) else {
            return false;
        };
        match self.headlines.view {
            View::All => true,
            View::Unread => !e.is_read(),
            View::Starred => e.is_starred(),
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
        // The corpus index, or the library's entity index (articles never loaded too).
        let mut articles = match self.docs.articles_with(&key) {
            Ok(articles) => articles,
            Err(why) => {
                self.message = Some(super::message::entity_index_problem(&why));
                return;
            }
        };
        articles.retain(|&i| self.in_view(i));
        self.headlines.sort(&mut articles);
        if articles.is_empty() {
            self.message = Some(Message::info("no analysed article mentions it yet"));
            return;
        }
        let current = self.current_index();
        self.set_followed(Some(key.clone()));
        let name = self.followed_name().unwrap_or_else(|| key.name.clone());
        self.headlines.filter = Some(Filter {
            key,
            name: name.clone(),
        });
        let verb = if articles.len() == 1 {
            "mentions"
        } else {
            "mention"
        };
        // A failed read of the entity's name (the filter is set, under the key's name) stays said.
        self.say_unless_problem(Message::info(format!(
            "{} {verb} {name} — f or Esc shows all",
            super::message::count(articles.len(), "article", "articles")
        )));
        self.headlines.listed = articles;
        self.reselect(current);
    }

    pub(super) fn clear_filter(&mut self) {
        let current = self.current_index();
        self.headlines.filter = None;
        self.headlines.listed = (0..self.docs.len()).filter(|&i| self.in_view(i)).collect();
        self.headlines.sort_listed();
        self.reselect(current);
    }

    /// Lists `listed` instead (a search narrowed the list), keeping the shown article if listed.
    pub(super) fn relist_headlines(&mut self, listed: Vec<usize>) {
        let current = self.current_index();
        self.headlines.listed = listed;
        self.reselect(current);
    }

    /// After the list changed: keep showing `current` if it is still listed, else the first.
    fn reselect(&mut self, current: Option<usize>) {
        self.headlines.pos.offset = 0;
        if self.keep_selected(current) {
            self.rebuild_article_views();
        } else {
            self.headlines.pos.selected = 0;
            self.show_selected_article();
        }
    }

    /// Selects article `current`'s row again and keeps it in view; false when it is not listed
    /// (the selection is left as it was).
    fn keep_selected(&mut self, current: Option<usize>) -> bool {
        let Some(row) = current.and_then(|c| self.headlines.row_of(c)) else {
            return false;
        };
        self.headlines.pos.selected = row;
        let h = self.screen.headlines_fit();
        self.headlines.keep_visible(h);
        true
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
        let rank = self.headlines.rank_of(index);
        let pane = &mut self.headlines;
        let found = pane
            .listed
            .binary_search_by_key(&rank, |&a| pane.rank.get(a).copied().unwrap_or(usize::MAX));
        if let Err(at) = found {
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
