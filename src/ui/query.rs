//! The `/` query line, drawn over the key-hint row (the status row on a short terminal) while it
//! is open: what it searches, the text typed, and the cursor after it.

use super::theme::THEME;
use crate::app::{App, Areas, SearchTarget};
use crate::article::sanitize::flat;
use ratatui::Frame;
use ratatui::layout::Position;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, areas: Areas, app: &App) {
    let Some((line, target)) = app.query() else {
        return;
    };
    let rect = if areas.keys.is_empty() {
        areas.status
    } else {
        areas.keys
    };
    if rect.is_empty() {
        return;
    }
    let what = match target {
        SearchTarget::Article => "search article",
        SearchTarget::Headlines => "search headlines",
    };
    let found = match target {
        SearchTarget::Article if !line.is_empty() => {
            let n = app.article_search().matches().len();
            format!("   {n} {}", if n == 1 { "match" } else { "matches" })
        }
        SearchTarget::Headlines if !line.is_empty() => {
            format!("   {} listed", app.headlines().listed().len())
        }
        _ => String::new(),
    };
    let prompt = format!(" {what} /");
    // The end of a long query stays in view, where the cursor is.
    let room = usize::from(rect.width).saturating_sub(prompt.width() + found.width() + 1);
    let text = flat(line.text(), 400);
    let mut shown: String = text.clone();
    while shown.width() > room && !shown.is_empty() {
        shown.remove(0);
    }
    let cursor_x = prompt.width() + shown.width();
    let query = Line::from(vec![
        Span::styled(prompt, THEME.key),
        Span::raw(shown),
        Span::raw(" "),
        Span::styled(found, THEME.dim),
    ])
    .style(THEME.query);
    frame.render_widget(ratatui::widgets::Clear, rect);
    frame.render_widget(query, rect);
    if let Ok(x) = u16::try_from(cursor_x)
        && x < rect.width
    {
        frame.set_cursor_position(Position::new(rect.x + x, rect.y));
    }
}
