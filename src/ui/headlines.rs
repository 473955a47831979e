//! The headline list: one row per article, an unread mark, the selected row highlighted.

use super::theme::THEME;
use crate::app::layout;
use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let focused = app.screen().focus() == Pane::Headlines;
    let pane = app.headlines();
    let listed = pane.listed();
    let mut title = match pane.filter() {
        Some(f) => format!(" Headlines — {} ({}) ", f.name(), listed.len()),
        None => format!(" Headlines ({}) ", listed.len()),
    };
    if let Some(search) = app.headline_search() {
        let query = crate::article::sanitize::flat(search.query(), 40);
        title = format!(" Headlines — /{query} ({}) ", listed.len());
    }
    frame.render_widget(super::pane_block(title, focused), area);
    let inner = layout::inner(area);
    if listed.is_empty() {
        let note = if pane.filter().is_some() {
            "no article mentions it yet"
        } else {
            "no articles"
        };
        super::draw_row(frame, inner, 0, Line::styled(note, THEME.dim));
        return;
    }
    let rows = usize::from(inner.height);
    for (row, (at, &index)) in listed
        .iter()
        .enumerate()
        .skip(pane.pos().offset)
        .take(rows)
        .enumerate()
    {
        let Some(entry) = app.collection().entry(index) else {
            continue;
        };
        let mark = if entry.is_read() {
            Span::styled("  ", THEME.read)
        } else {
            Span::styled("● ", THEME.unread)
        };
        // The date, right-aligned, when the pane is wide enough to keep most of the headline.
        let width = usize::from(inner.width);
        let meta_w = entry.meta().width();
        let mut spans = vec![mark];
        if !entry.meta().is_empty() && width >= 48 {
            let room = width.saturating_sub(2 + meta_w + 1);
            let title = super::fit(entry.title(), room);
            let pad = room.saturating_sub(title.width()) + 1;
            spans.push(Span::raw(title));
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled(entry.meta(), THEME.dim));
        } else {
            spans.push(Span::raw(entry.title()));
        }
        let mut line = Line::from(spans);
        if at == pane.pos().selected {
            line = line.style(if focused {
                THEME.selected
            } else {
                THEME.selected_unfocused
            });
        }
        super::draw_row(frame, inner, row, line);
    }
}
