//! Everything that can happen to the reader: a key's meaning, a mouse event, a resize, or a finished
//! analysis from the background thread. `App::update` is the only consumer.

use super::message::Message;
use crate::analysis::Analysis;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Move focus to the next / previous pane.
    FocusNext,
    FocusPrev,
    /// Move the selection (lists) or scroll (body) by one row.
    Up,
    Down,
    /// First / last row.
    Top,
    Bottom,
    /// One screen down / up.
    PageDown,
    PageUp,
    /// Enter: open the selected headline, follow the selected entity, jump to the selected quote.
    Open,
    /// Close the open overlay, else clear the filter.
    Back,
    ToggleHelp,
    ShowErrors,
    NextMention,
    PrevMention,
    NextQuote,
    PrevQuote,
    /// Filter the headlines to articles mentioning the selected entity (again: clear).
    ToggleFilter,
    /// Headlines: newest first ↔ file order.
    ToggleOrder,
    /// The shown article: read ↔ unread (stored in the library).
    ToggleRead,
    /// The shown article: starred ↔ not (stored in the library).
    ToggleStar,
    /// Headlines: only unread articles ↔ all.
    ToggleUnreadView,
    /// Headlines: only starred articles ↔ all.
    ToggleStarredView,
    /// Entity pane: this article's entities ↔ the whole corpus.
    ToggleCorpus,
    /// The quotes view in place of the entity pane.
    ToggleQuotes,
    /// In the quotes view: only the selected person's quotes.
    TogglePersonQuotes,
    /// `/`: open the query line (search in the article, or narrow the headlines).
    Search,
    /// Step to the next / previous match of the search in the article (the article search, else
    /// the kept headline search's words).
    NextMatch,
    PrevMatch,
    /// The query line: a typed character, Backspace, Ctrl-U, Enter (keep), Esc (restore).
    QueryInput(char),
    QueryBackspace,
    QueryClear,
    QueryKeep,
    QueryCancel,
    /// Open the article's link in the browser.
    OpenUrl,
    /// Copy the article's link to the clipboard (OSC 52).
    CopyUrl,
    /// Write the article as Markdown into the export folder.
    Export,
    /// `R`: refresh the library's feeds on a background thread.
    Refresh,
    /// The background refresh: `done` of `total` feeds are done.
    RefreshProgress {
        done: usize,
        total: usize,
    },
    /// The background refresh ended; the message says how (the summary line, or what failed).
    RefreshDone(Message),
    /// Something run off the UI thread (the browser, an export) finished; say how it went.
    Done(Message),
    Quit,
    /// Ctrl-Z or SIGTSTP: give the terminal back to the shell and stop until continued. The event
    /// loop does it (it owns the terminal); the app state does not change.
    Suspend,
    /// Read the articles next to the shown one into the cache (library mode; the event loop
    /// sends it while idle, as long as `App::needs_prefetch`), so moving to them reads nothing.
    Prefetch,
    /// Wrap a step more of a long article's body (the event loop sends it while idle, as long as
    /// `BodyView::is_partial`).
    WrapMore,
    /// The terminal is now `width` × `height` cells.
    Resize(u16, u16),
    /// Mouse wheel over the cell (`column`, `row`).
    ScrollAt {
        column: u16,
        row: u16,
        down: bool,
    },
    /// Left click on the cell (`column`, `row`).
    ClickAt {
        column: u16,
        row: u16,
    },
    /// Time passed (the event loop sends it at `App::wake_at`): an article on screen long
    /// enough counts as read.
    Tick(std::time::Instant),
    /// The background analysis of article `index` finished.
    Analyzed(usize, Analysis),
    /// Articles another process added to the library (the watcher thread loaded them, each
    /// with its analysis).
    Arrived(Vec<crate::library::reader::Row>),
    /// Library articles a feed refresh rewrote, as headline rows (the watcher's).
    Updated(Vec<crate::library::reader::Row>),
    /// The background analysis of article `index` failed (a bug); the message says why.
    AnalysisFailed(usize, String),
    /// The library's search thread answered search request `request`: the ids of the matching
    /// articles, or why the search failed.
    Found {
        request: u64,
        ids: Result<Vec<crate::library::ArticleId>, String>,
    },
    /// The library's query thread answered corpus request `request`: the most widespread
    /// entities, or why the query failed.
    CorpusFound {
        request: u64,
        entities: Result<Vec<crate::library::LibraryEntity>, String>,
    },
}
