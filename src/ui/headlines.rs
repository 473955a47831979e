//! The headline list: per article an unread mark (● unread, ★ starred) and its headline (cut with "…"), and under it a
//! dim line with where it comes from and when (one row per article when the list is short);
//! the selected article highlighted.

use super::theme::THEME;
use crate::app::layout;
use crate::app::{App, Pane, View};
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
    let view = match pane.view() {
        View::All => "",
        View::Unread => "unread ",
        View::Starred => "starred ",
    };
    let mut title = match pane.filter() {
        Some(f) => format!(" Headlines — {view}{} ({}) ", f.name(), listed.len()),
        None if view.is_empty() => format!(" Headlines ({}) ", listed.len()),
        None => format!(" Headlines — {}({}) ", view, listed.len()),
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
        } else if pane.view() == View::Unread {
            "nothing unread — U lists all"
        } else if pane.view() == View::Starred {
            "nothing starred — s stars an article, * lists all"
        } else {
            "no articles"
        };
        super::draw_row(frame, inner, 0, Line::styled(note, THEME.dim));
        return;
    }
    let rows_per = app.screen().headline_rows();
    let fit = usize::from(inner.height) / rows_per;
    let width = usize::from(inner.width);
    for (item, (at, &index)) in listed
        .iter()
        .enumerate()
        .skip(pane.pos().offset)
        .take(fit)
        .enumerate()
    {
        let Some(entry) = app.collection().entry(index) else {
            continue;
        };
        let mark = match (entry.is_read(), entry.is_starred()) {
            (true, false) => Span::styled("  ", THEME.read),
            (false, false) => Span::styled("● ", THEME.unread),
            (true, true) => Span::styled("★ ", THEME.read),
            (false, true) => Span::styled("★ ", THEME.unread),
        };
        let date = date_text(app, index);
        let mut lines = Vec::with_capacity(rows_per);
        if rows_per == 2 {
            let title = super::fit(entry.title(), width.saturating_sub(2));
            lines.push(Line::from(vec![mark, Span::raw(title)]));
            let meta = [date.as_str(), entry.origin()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            lines.push(Line::styled(
                format!("  {}", super::fit(&meta, width.saturating_sub(2))),
                THEME.dim,
            ));
        } else if !date.is_empty() && width >= 48 {
            // One row: the date right-aligned, when the pane keeps most of the headline.
            let room = width.saturating_sub(2 + date.width() + 1);
            let title = super::fit(entry.title(), room);
            let pad = room.saturating_sub(title.width()) + 1;
            lines.push(Line::from(vec![
                mark,
                Span::raw(title),
                Span::raw(" ".repeat(pad)),
                Span::styled(date, THEME.dim),
            ]));
        } else {
            let title = super::fit(entry.title(), width.saturating_sub(2));
            lines.push(Line::from(vec![mark, Span::raw(title)]));
        }
        let style = (at == pane.pos().selected).then_some(if focused {
            THEME.selected
        } else {
            THEME.selected_unfocused
        });
        for (i, mut line) in lines.into_iter().enumerate() {
            if let Some(style) = style {
                line = line.style(style);
            }
            super::draw_row(frame, inner, item * rows_per + i, line);
        }
    }
}

/// The article's date for the list: relative when recent, else "5 Sep 2025" (local time); a
/// date the parser did not understand as written; else nothing.
fn date_text(app: &App, index: usize) -> String {
    let Some(entry) = app.collection().entry(index) else {
        return String::new();
    };
    match (entry.published(), entry.date()) {
        (Some(ts), Some(raw)) if !crate::app::clock::has_time(raw) => app.clock().short_day(ts),
        (Some(ts), _) => app.clock().short(ts),
        (None, Some(raw)) => crate::article::sanitize::flat(raw, 24),
        (None, None) => String::new(),
    }
}
