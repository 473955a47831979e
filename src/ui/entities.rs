//! The entity pane: this article's people (with roles), organizations and places with mention
//! counts; or, as the corpus view, every entity of the loaded articles with its article count.

use super::theme::THEME;
use crate::analysis::EntityKind;
use crate::app::layout;
use crate::app::{App, EntityRow, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

fn kind_title(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
        EntityKind::Place => "Places",
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let focused = app.screen().focus() == Pane::Side;
    let list = app.side().entities();
    let pos = list.pos();
    frame.render_widget(super::pane_block(" Entities ".into(), focused), area);
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    if app.current_index().is_some() && app.current_analysis().is_none() {
        super::draw_row(frame, inner, 0, Line::styled("analysing…", THEME.dim));
        return;
    }
    if list.rows().is_empty() {
        super::draw_row(frame, inner, 0, Line::styled("no names found", THEME.dim));
        return;
    }
    let followed = app.followed().here();
    for (row, (at, entry)) in list
        .rows()
        .iter()
        .enumerate()
        .skip(pos.offset)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let line = match entry {
            EntityRow::Header(kind, n) => {
                Line::styled(format!("{} ({n})", kind_title(*kind)), THEME.header)
            }
            EntityRow::Role(role) => {
                let mut line = Line::styled(super::fit(&format!("   {role}"), width), THEME.dek);
                if at == pos.selected + 1 && focused {
                    line = line.style(THEME.selected);
                }
                line
            }
            EntityRow::Entity { index, name, count } => {
                let count = format!(" {count}");
                let room = width.saturating_sub(count.width() + 1);
                let label = super::fit(&format!(" {name}"), room);
                let pad = width.saturating_sub(label.width() + count.width());
                let mut line = Line::from(vec![
                    Span::raw(label),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(count, THEME.dim),
                ]);
                if at == pos.selected && focused {
                    line = line.style(THEME.selected);
                } else if Some(*index) == followed {
                    // The followed entity is the cursor's (follow.rs keeps them one state).
                    line = line.style(THEME.selected_unfocused);
                }
                line
            }
        };
        super::draw_row(frame, inner, row, line);
    }
}

/// The corpus view: entities across all loaded articles, most widespread first.
pub fn draw_corpus(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let focused = app.screen().focus() == Pane::Side;
    let list = app.side().corpus();
    let pos = list.pos();
    let title = format!(" Corpus — {} entities ", list.rows().len());
    frame.render_widget(super::pane_block(title, focused), area);
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    if list.rows().is_empty() {
        super::draw_row(
            frame,
            inner,
            0,
            Line::styled("nothing analysed yet", THEME.dim),
        );
        return;
    }
    for (row, (at, entry)) in list
        .rows()
        .iter()
        .enumerate()
        .skip(pos.offset)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let mark = match entry.key.kind {
            EntityKind::Person => "P",
            EntityKind::Organization => "O",
            EntityKind::Place => "L",
        };
        let count = format!(" {}", entry.articles);
        let room = width.saturating_sub(count.width() + 2);
        let name = super::fit(&entry.name, room);
        let pad = width.saturating_sub(name.width() + 2 + count.width());
        let mut line = Line::from(vec![
            Span::styled(format!("{mark} "), THEME.dim),
            Span::raw(name),
            Span::raw(" ".repeat(pad)),
            Span::styled(count, THEME.dim),
        ]);
        if at == pos.selected {
            line = line.style(if focused {
                THEME.selected
            } else {
                THEME.selected_unfocused
            });
        }
        super::draw_row(frame, inner, row, line);
    }
}
