//! Everything that can happen to the reader: a key's meaning, a mouse event, a resize, or a finished
//! analysis from the background thread. `App::update` is the only consumer.

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
    /// Entity pane: this article's entities ↔ the whole corpus.
    ToggleCorpus,
    /// The quotes view in place of the entity pane.
    ToggleQuotes,
    /// In the quotes view: only the selected person's quotes.
    TogglePersonQuotes,
    Quit,
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
    /// The background analysis of article `index` failed (a bug); the message says why.
    AnalysisFailed(usize, String),
}
