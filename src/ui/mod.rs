//! Drawing: pure functions from `&App` to the frame, one file per pane. Nothing here changes state
//! or analyses text; it reads what `App::update` prepared (wrapped lines, highlight marks, rows).

pub mod body;
pub mod entities;
pub mod headlines;
pub mod help;
pub mod query;
pub mod quotes;
pub mod status;
pub mod theme;

use crate::app::{App, Overlay, SideView};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use theme::THEME;

/// Draws the whole screen, in the app's theme.
pub fn draw(frame: &mut Frame, app: &App) {
    theme::with(theme::resolve(app.theme()), || draw_panes(frame, app));
}

fn draw_panes(frame: &mut Frame, app: &App) {
    let areas = app.screen().areas_for(frame.area());
    headlines::draw(frame, areas.headlines, app);
    body::draw(frame, areas.body, app);
    match app.side().view() {
        SideView::Entities => entities::draw(frame, areas.side, app),
        SideView::Corpus => entities::draw_corpus(frame, areas.side, app),
        SideView::Quotes => quotes::draw(frame, areas.side, app),
    }
    status::draw(frame, areas.status, areas.keys, app);
    query::draw(frame, areas, app);
    match app.overlay().open() {
        Some(Overlay::Help) => help::draw(frame, frame.area(), app),
        Some(Overlay::Errors) => help::draw_errors(frame, frame.area(), app),
        None => {}
    }
}

/// A pane's frame with its title; the focused pane's border stands out.
pub(crate) fn pane_block(title: String, focused: bool) -> Block<'static> {
    let border = if focused {
        THEME.border_focused
    } else {
        THEME.border
    };
    Block::new()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(title, THEME.title))
}

/// One list row, drawn over the full width so a selection bar covers the row.
pub(crate) fn draw_row(frame: &mut Frame, inner: Rect, row: usize, line: Line) {
    let Ok(row) = u16::try_from(row) else { return };
    if row >= inner.height {
        return;
    }
    let rect = Rect::new(inner.x, inner.y + row, inner.width, 1);
    frame.render_widget(line, rect);
}

/// `text` cut to `width` columns, with "…" when cut.
pub(crate) fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}
