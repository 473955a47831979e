//! App state: the articles with their analyses (`Collection`) and one state type per pane, each in
//! its own file with its rows, its list position and its handlers. `App::update` (update.rs) is the
//! only way in: it dispatches each action to the pane handling it. Fields are private to this
//! module, so outside it (drawing, tests) the state can only be read.
//!
//! | file | owns |
//! |---|---|
//! | `action.rs` | `Action`: everything that can happen to the reader |
//! | `keymap.rs` | the key table: keys → `Action` per `Context`; help and README read it too |
//! | `update.rs` | `App::update`: dispatch of an action to the pane handlers |
//! | `layout.rs` | `Pane`, `Screen`: terminal size, focus and pane rectangles (ui draws from them) |
//! | `collection.rs` | `Collection`: articles, their analyses and read state, the corpus index, load errors; in library mode headline rows and the few articles loaded |
//! | `store.rs` | `Shelf`: what library mode reads on demand (article by id, the entity index); `MemoryShelf` |
//! | `headlines.rs` | `HeadlinesPane`: listed articles, selection, the entity filter |
//! | `body.rs` | `BodyView`: wrapped text, scroll, highlight marks, read after a dwell |
//! | `clock.rs` | `Clock`: now and the time zone dates are shown in |
//! | `follow.rs` | `Followed`: the followed entity and its current mention; `n`/`N` |
//! | `side.rs` | `SidePane`: which side view is shown; `EntityList` |
//! | `quote_list.rs` | `QuoteList`: quote stops, current quote, the quotes view; `]`/`[`, `p` |
//! | `corpus_list.rs` | `CorpusList`: the corpus view |
//! | `query.rs` | `QueryLine`: the `/` line's text editing |
//! | `search.rs` | the article search (`.`/`,`) and the headline narrowing (`Collection::search`) |
//! | `refresh.rs` | `R`: the background feed refresh's state and messages |
//! | `share.rs` | `o`, `y`, `E`: `Effect`s for the binary to run off the UI thread |
//! | `overlay.rs` | `Overlay`: help and load-error overlays |
//! | `message.rs` | `Message`: the status-bar message |
//! | `list.rs` | `ListPos` and the list movements every pane shares |
//! | `wrap.rs` | `Wrapped`: an article laid out for one width |
//!
//! Driving the reader without a terminal (tests, benchmarks):
//!
//! ```
//! use byline::app::{Action, App};
//! use byline::document::Document;
//! use ratatui::{Terminal, backend::TestBackend};
//!
//! let text = "Kerry meets Lavrov\n\nJohn Kerry met Sergei Lavrov in Geneva.";
//! let docs: Vec<Document> = byline::article::parse("a.txt", text.as_bytes())
//!     .articles
//!     .into_iter()
//!     .map(Document::analyze)
//!     .collect();
//! // Analysed documents, laid out for a 200×60 terminal (wraps the first article).
//! let mut app = App::from_documents(docs, Vec::new(), 200, 60);
//! app.update(Action::Resize(120, 40)); // re-lays out, re-wraps only if the body width changed
//! let redraw = app.update(Action::NextMention); // any action; says whether to redraw
//! assert!(redraw);
//! let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
//! terminal.draw(|frame| byline::ui::draw(frame, &app)).unwrap();
//! ```

pub mod action;
pub mod body;
pub mod clock;
pub mod collection;
pub mod corpus_list;
pub mod follow;
pub mod headlines;
pub mod keymap;
pub mod layout;
mod list;
pub mod message;
pub mod overlay;
pub mod query;
pub mod quote_list;
mod refresh;
mod search;
mod share;
pub mod side;
pub mod store;
mod update;
pub mod wrap;

pub use action::Action;
pub use body::{BodyView, Highlight, Mark};
pub use clock::Clock;
pub use collection::{Collection, Entry, Write};
pub use corpus_list::{CorpusList, CorpusRow};
pub use follow::Followed;
pub use headlines::{Filter, HeadlinesPane, Order, View};
pub use keymap::Context;
pub use layout::{Areas, Pane, Screen};
pub use list::ListPos;
pub use message::{Level, Message};
pub use overlay::{Overlay, OverlayState};
pub use query::QueryLine;
pub use quote_list::{QuoteList, QuoteRow};
pub use search::{ArticleSearch, HeadlineSearch, SearchTarget};
pub use share::Effect;
pub use side::{EntityList, EntityRow, SidePane, SideView};
pub use store::{MemoryShelf, Shelf};

use crate::analysis::Analysis;
use crate::article::{Article, SourceError};
use crate::config::Prefs;
use crate::config::theme::ThemeSpec;
use crate::document::Document;
use keymap::KeyMap;

pub struct App {
    docs: Collection,
    screen: Screen,
    overlay: OverlayState,
    headlines: HeadlinesPane,
    body: BodyView,
    side: SidePane,
    followed: Followed,
    message: Option<Message>,
    clock: Clock,
    quit: bool,
    /// The config: keys in force, theme, reading width, date format, OSC 52, export folder.
    prefs: Prefs,
    /// The `/` line while it is open, and what it searches.
    query: Option<search::OpenQuery>,
    /// The search in the shown article: its query, matches and the current one.
    article_search: ArticleSearch,
    /// The headlines narrowed by a search, with the list to restore.
    headline_search: Option<HeadlineSearch>,
    /// Work for outside the UI thread (browser, clipboard, export): handed to `effects` when the
    /// binary set a runner, else kept here until taken (tests).
    effects: Vec<Effect>,
    runner: Option<Box<dyn FnMut(Effect)>>,
    /// Where read/star changes go to be stored (the binary's library writer thread); without
    /// one they wait in the collection until taken (tests).
    store: Option<Box<dyn FnMut(Write)>>,
    /// The background feed refresh (`R`) while it runs: feeds done of the total, once known.
    refreshing: Option<(usize, usize)>,
    /// The last refresh's summary message (while shown, arriving articles do not replace it).
    refresh_summary: Option<Message>,
    /// The shown article's neighbours were read into the cache (library mode), or tried.
    prefetched: bool,
}

impl App {
    /// A reader over articles whose analyses will arrive later as `Action::Analyzed`.
    pub fn new(articles: Vec<Article>, errors: Vec<SourceError>) -> Self {
        Self::over(Collection::new(articles, errors))
    }

    fn over(docs: Collection) -> Self {
        let headlines = HeadlinesPane::new(docs.entries().iter().map(|e| e.published()).collect());
        let mut app = App {
            docs,
            screen: Screen::default(),
            overlay: OverlayState::default(),
            headlines,
            body: BodyView::default(),
            side: SidePane::default(),
            followed: Followed::default(),
            message: None,
            clock: Clock::system(),
            quit: false,
            prefs: Prefs::default(),
            query: None,
            article_search: ArticleSearch::default(),
            headline_search: None,
            effects: Vec::new(),
            runner: None,
            store: None,
            refreshing: None,
            refresh_summary: None,
            prefetched: false,
        };
        app.show_selected_article();
        app
    }

    /// A reader over the library: a headline row per article (with its read and star state),
    /// in id order; the text and stored analysis of the article shown are read from `shelf`
    /// when it is shown, the analyses not stored yet arrive as `Action::Analyzed`.
    pub fn from_shelf(rows: Vec<crate::library::reader::Row>, shelf: Box<dyn Shelf>) -> Self {
        Self::over(Collection::library(rows, shelf))
    }

    /// A reader over stored articles held in memory as a library ([`MemoryShelf`]; tests).
    pub fn from_library(stored: Vec<crate::library::Stored>) -> Self {
        let rows = stored.iter().map(crate::library::reader::Row::of).collect();
        Self::from_shelf(rows, Box::new(MemoryShelf::new(stored)))
    }

    /// Where read/star changes go from now on; changes waiting are handed over at once.
    pub fn set_store(&mut self, mut store: Box<dyn FnMut(Write)>) {
        for w in self.docs.take_writes() {
            store(w);
        }
        self.store = Some(store);
    }

    /// The library's full-text search answers `/` in the headlines from now on.
    pub fn set_searcher(&mut self, searcher: collection::Searcher) {
        self.docs.set_searcher(searcher);
    }

    /// Read/star changes not handed to a store yet, oldest first (tests).
    pub fn take_writes(&mut self) -> Vec<Write> {
        self.docs.take_writes()
    }

    /// Hands the read/star changes of the last action to the store, if there is one.
    fn flush_writes(&mut self) {
        if let Some(store) = &mut self.store {
            for w in self.docs.take_writes() {
                store(w);
            }
        }
    }

    /// A reader over documents analysed already (tests, benchmarks), laid out for `width`×`height`.
    pub fn from_documents(
        docs: Vec<Document>,
        errors: Vec<SourceError>,
        width: u16,
        height: u16,
    ) -> Self {
        let (articles, analyses): (Vec<Article>, Vec<Analysis>) =
            docs.into_iter().map(|d| (d.article, d.analysis)).unzip();
        let mut app = Self::new(articles, errors);
        app.update(Action::Resize(width, height));
        for (i, a) in analyses.into_iter().enumerate() {
            app.update(Action::Analyzed(i, a));
        }
        app
    }

    /// Applies the config: keys, theme, reading width, date format. Key conflicts are shown in
    /// the status bar.
    pub fn set_prefs(&mut self, prefs: Prefs) {
        if !prefs.key_conflicts.is_empty() {
            let n = prefs.key_conflicts.len();
            let text = format!(
                "config: {}{}",
                prefs.key_conflicts.join("; "),
                if n > 1 {
                    format!(" ({n} key conflicts)")
                } else {
                    String::new()
                }
            );
            self.message = Some(Message::problem(text));
        }
        if let Some(format) = &prefs.date_format {
            self.clock.set_format(format.clone());
        }
        self.prefs = prefs;
        self.after_layout();
    }

    /// Where effects go from now on (the binary runs them on other threads); effects waiting are
    /// handed over at once.
    pub fn set_effect_runner(&mut self, mut runner: Box<dyn FnMut(Effect)>) {
        for effect in self.effects.drain(..) {
            runner(effect);
        }
        self.runner = Some(runner);
    }

    /// Effects not handed to a runner yet, oldest first (tests run or inspect them).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub(super) fn emit(&mut self, effect: Effect) {
        match &mut self.runner {
            Some(run) => run(effect),
            None => self.effects.push(effect),
        }
    }

    /// The action a key press means here: the query line takes typed characters while open.
    pub fn key_action(&self, event: &crossterm::event::KeyEvent) -> Option<Action> {
        use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
        if self.query.is_some() && self.overlay.open().is_none() {
            if let Some(action) = self.prefs.keys.lookup(&[Context::Query], event) {
                return Some(action);
            }
            let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
            if ctrl && event.code == KeyCode::Char('c') && event.kind != KeyEventKind::Release {
                // Ctrl-C quits everywhere, the search line too.
                return Some(Action::Quit);
            }
            let plain = !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            return match event.code {
                KeyCode::Char(c) if plain && event.kind != KeyEventKind::Release => {
                    Some(Action::QueryInput(c))
                }
                _ => None,
            };
        }
        self.prefs.keys.lookup(&self.contexts(), event)
    }

    /// The same reader with dates shown by `clock` (tests fix "now" and the time zone).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    // ----- reading the state (drawing, tests) ------------------------------------------------

    /// The config in force.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The key table in force (dispatch, help, hints).
    pub fn keymap(&self) -> &KeyMap {
        &self.prefs.keys
    }

    /// Which theme to draw with.
    pub fn theme(&self) -> &ThemeSpec {
        &self.prefs.theme
    }

    /// The `/` line while it is open, with what it searches.
    pub fn query(&self) -> Option<(&QueryLine, SearchTarget)> {
        self.query.as_ref().map(|q| (&q.line, q.target))
    }

    /// The search in the shown article (empty when none).
    pub fn article_search(&self) -> &ArticleSearch {
        &self.article_search
    }

    /// The headline search narrowing the list, if any.
    pub fn headline_search(&self) -> Option<&HeadlineSearch> {
        self.headline_search.as_ref()
    }

    /// "Now" and the time zone dates are shown in.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn collection(&self) -> &Collection {
        &self.docs
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn overlay(&self) -> &OverlayState {
        &self.overlay
    }

    pub fn headlines(&self) -> &HeadlinesPane {
        &self.headlines
    }

    pub fn body(&self) -> &BodyView {
        &self.body
    }

    pub fn side(&self) -> &SidePane {
        &self.side
    }

    pub fn followed(&self) -> &Followed {
        &self.followed
    }

    /// The message for the status bar, until the next key.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// Whether the reader should exit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The index of the article shown in the body, if any.
    pub fn current_index(&self) -> Option<usize> {
        self.headlines.selected_article()
    }

    pub fn current_article(&self) -> Option<&Article> {
        self.docs.article(self.current_index()?)
    }

    /// The shown article's analysis; `None` while it is being analysed.
    pub fn current_analysis(&self) -> Option<&Analysis> {
        self.docs.analysis(self.current_index()?)
    }

    /// The followed entity's display name (from the corpus or the library's entity index, so
    /// it is known in any article; looked up when it was chosen).
    pub fn followed_name(&self) -> Option<String> {
        let key = self.followed.key()?;
        let name = if self.docs.is_library() {
            self.followed.name().map(single_line)
        } else {
            self.docs.corpus().get(key).map(|e| single_line(&e.name))
        };
        Some(name.unwrap_or_else(|| key.name.clone()))
    }

    /// Key contexts in dispatch order: the overlay alone, else the query line alone, else focused
    /// pane, any pane, global.
    pub fn contexts(&self) -> Vec<Context> {
        if self.overlay.open().is_some() {
            // An open overlay takes every key; nothing moves behind it.
            return vec![Context::Overlay];
        }
        if self.query.is_some() {
            return vec![Context::Query];
        }
        let pane = match self.screen.focus() {
            Pane::Headlines => Context::Headlines,
            Pane::Body => Context::Body,
            Pane::Side => match self.side.view() {
                SideView::Entities => Context::Entities,
                SideView::Corpus => Context::Corpus,
                SideView::Quotes => Context::Quotes,
            },
        };
        vec![pane, Context::Pane, Context::Global]
    }

    // ----- the shown article -----------------------------------------------------------------

    /// Shows the selected headline's article: marks it read, wraps it, resets the per-article
    /// state and rebuilds every pane's rows for it.
    fn show_selected_article(&mut self) {
        self.prefetched = false;
        if let Some(i) = self.current_index()
            && let Err(why) = self.docs.load(i)
        {
            self.message = Some(Message::problem(format!(
                "could not read the article: {}",
                crate::article::sanitize::inert(&why)
            )));
        }
        self.forget_mention();
        self.side.quotes_mut().reset();
        self.show_body();
        self.rebuild_article_views();
    }

    /// The shown article or its analysis changed: each pane rebuilds from it.
    fn rebuild_article_views(&mut self) {
        self.locate_followed();
        self.rebuild_entity_rows();
        self.rebuild_quote_stops();
        self.rebuild_quote_rows();
        self.rebuild_marks();
    }
}

/// Article text made inert and put on one line (names, roles, quotes in lists), cut short.
fn single_line(text: &str) -> String {
    crate::article::sanitize::flat(text, 300)
}

#[cfg(test)]
mod tests;
