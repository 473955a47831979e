//! The status bar: focused pane, position, analysis progress, load errors; below it the latest
//! message, or else the key hints for the focused pane (taken from the key map). With room for
//! one row only, the message replaces the position.

use super::theme::THEME;
use crate::app::{App, Pane, SideView};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, status: Rect, keys: Rect, app: &App) {
    if !status.is_empty() {
        let one_row = keys.is_empty();
        frame.render_widget(status_line(app, one_row), status);
    }
    if !keys.is_empty() {
        let line = match app.message() {
            Some(message) => Line::styled(format!(" {}", message.text()), THEME.message),
            None => hints_line(app, usize::from(keys.width)),
        };
        frame.render_widget(line, keys);
    }
}

/// The key hints that fit in `width` columns: whole hints, dropped from the end, never one cut
/// mid-word.
fn hints_line(app: &App, width: usize) -> Line<'static> {
    use unicode_width::UnicodeWidthStr;
    let mut spans = Vec::new();
    let mut used = 0;
    // While a search is kept, the keys that step through its matches come first.
    let keys = app.keymap();
    let matches = keys.match_hint().filter(|_| app.has_search());
    for (key, label) in matches.into_iter().chain(keys.hints(&app.contexts())) {
        let hint = key.width() + 1 + label.width();
        // Two spaces between hints.
        let gap = if used == 0 { 0 } else { 2 };
        if used + gap + hint > width {
            break;
        }
        if gap > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key, THEME.key));
        spans.push(Span::raw(format!(" {label}")));
        used += gap + hint;
    }
    Line::from(spans)
}

/// The status row. With `with_message`, the latest message takes the place of the position.
pub fn status_line(app: &App, with_message: bool) -> Line<'static> {
    let pane = match (app.screen().focus(), app.side().view()) {
        (Pane::Headlines, _) => "HEADLINES",
        (Pane::Body, _) => "ARTICLE",
        (Pane::Side, SideView::Entities) => "ENTITIES",
        (Pane::Side, SideView::Corpus) => "CORPUS",
        (Pane::Side, SideView::Quotes) => "QUOTES",
    };
    let mut spans = vec![Span::styled(format!(" {pane} "), THEME.status_focus)];
    if with_message && let Some(message) = app.message() {
        spans.push(Span::styled(format!(" {}", message.text()), THEME.message));
        return Line::from(spans).style(THEME.status);
    }
    let headlines = app.headlines();
    let docs = app.collection();
    if !headlines.listed().is_empty() {
        let mut pos = format!(
            " article {}/{}",
            headlines.pos().selected + 1,
            headlines.listed().len()
        );
        if headlines.filter().is_some() {
            pos.push_str(&format!(" (of {})", docs.len()));
        }
        spans.push(Span::styled(pos, THEME.status));
        let scroll = app.body().scroll();
        let total = app.body().wrapped().len();
        if let Some(at) = app.body().position(app.screen().body_height()) {
            spans.push(Span::styled(
                format!(" │ line {}/{total} {at}", scroll + 1),
                THEME.status,
            ));
        }
    }
    if docs.is_library() {
        let (unread, starred) = docs.unread_starred();
        let mut counts = format!(" │ {unread} unread");
        if starred > 0 {
            counts.push_str(&format!(" · {starred} ★"));
        }
        spans.push(Span::styled(counts, THEME.status));
    }
    if docs.analysed() < docs.len() {
        spans.push(Span::styled(
            format!(" │ analysing {}/{}", docs.analysed(), docs.len()),
            THEME.warning,
        ));
    }
    if let Some(what) = docs.errors_summary() {
        spans.push(Span::styled(format!(" │ {what} — press e"), THEME.warning));
    }
    Line::from(spans).style(THEME.status)
}
