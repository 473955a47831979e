//! The quotes view (in place of the entity pane): the article's quotes, each as its speaker over
//! its words, the current one marked; optionally only the chosen person's.

use super::theme::THEME;
use crate::analysis::QuoteKind;
use crate::app::layout;
use crate::app::layout::QUOTE_ROWS;
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
    let fit = usize::from(inner.height) / QUOTE_ROWS;
    for (item, (at, q)) in rows
        .iter()
        .enumerate()
        .skip(quotes.pos().offset)
        .take(fit.max(1))
        .enumerate()
    {
        let text_style = match q.kind {
            QuoteKind::Reported => THEME.reported,
            _ => THEME.quote,
        };
        let current = quotes.current() == Some(q.stop);
        let mut head = Line::from(vec![
            Span::styled(if current { "▸" } else { " " }, THEME.key),
            Span::styled(format!("{} ", q.stop + 1), THEME.dim),
            Span::styled(q.speaker.as_str(), THEME.key),
        ]);
        let mut words = Line::from(vec![
            Span::raw("   "),
            Span::styled(q.text.as_str(), text_style),
        ]);
        if at == quotes.pos().selected && focused {
            head = head.style(THEME.selected);
            words = words.style(THEME.selected);
        }
        super::draw_row(frame, inner, item * QUOTE_ROWS, head);
        super::draw_row(frame, inner, item * QUOTE_ROWS + 1, words);
    }
}
