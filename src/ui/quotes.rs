//! The quotes view (in place of the entity pane): the article's quotes, each as its speaker and
//! role over its words, wrapped in full and scrolled by line; the current one marked; optionally
//! only one speaker's.

use super::theme::THEME;
use crate::analysis::QuoteKind;
use crate::app::layout;
use crate::app::quote_list::QUOTE_INDENT;
use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let focused = app.screen().focus() == Pane::Side;
    let quotes = app.side().quotes();
    let rows = quotes.rows();
    let title = match quotes.person_name() {
        Some(name) => format!(" Quotes by {name} ({}) ", rows.len()),
        None => format!(" Quotes ({}) ", rows.len()),
    };
    frame.render_widget(super::pane_block(title, focused), area);
    let inner = layout::inner(area);
    if app.current_index().is_some() && app.current_analysis().is_none() {
        super::draw_row(frame, inner, 0, Line::styled("analysing…", THEME.dim));
        return;
    }
    if rows.is_empty() {
        super::draw_row(frame, inner, 0, Line::styled("no quotes", THEME.dim));
        return;
    }
    let height = usize::from(inner.height);
    let offset = quotes.pos().offset;
    let first = (0..rows.len())
        .find(|&r| quotes.start_of(r + 1) > offset)
        .unwrap_or(rows.len());
    for (at, q) in rows.iter().enumerate().skip(first) {
        let start = quotes.start_of(at);
        if start >= offset + height {
            break;
        }
        let text_style = match q.kind {
            QuoteKind::Reported => THEME.reported,
            _ => THEME.quote,
        };
        let current = quotes.current() == Some(q.stop);
        let selected = at == quotes.pos().selected && focused;
        let mut lines: Vec<Line> = Vec::with_capacity(q.height());
        for (i, piece) in q.head.iter().enumerate() {
            let marker = if i == 0 && current { "▸" } else { " " };
            lines.push(Line::from(vec![
                Span::styled(marker, THEME.key),
                Span::styled(piece.as_str(), THEME.key),
            ]));
        }
        for piece in &q.words {
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(QUOTE_INDENT)),
                Span::styled(piece.as_str(), text_style),
            ]));
        }
        for (i, mut line) in lines.into_iter().enumerate() {
            let Some(row) = (start + i).checked_sub(offset) else {
                continue;
            };
            if selected {
                line = line.style(THEME.selected);
            }
            super::draw_row(frame, inner, row, line);
        }
    }
}
