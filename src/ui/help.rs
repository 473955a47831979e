//! Overlays: the help, generated from the key map so it lists every binding; and the list of
//! sources that could not be opened.

use super::theme::THEME;
use crate::app::App;
use crate::app::keymap::{self, HelpRow, KeyMap};
use crate::app::overlay::error_rows;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The help text, with the keys in force (the config's), for a screen `screen_width` columns wide: for each context, its bindings,
/// then the mouse; wrapped to the overlay (keymap::help_rows).
pub fn lines(keys: &KeyMap, screen_width: u16) -> Vec<Line<'static>> {
    keymap::help_rows(keys, keymap::help_text_width(screen_width))
        .into_iter()
        .map(|row| match row {
            HelpRow::Blank => Line::raw(""),
            HelpRow::Title(title) => Line::styled(title, THEME.header),
            HelpRow::Binding(keys, text) => {
                Line::from(vec![Span::styled(keys, THEME.key), Span::raw(text)])
            }
        })
        .collect()
}

fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn draw_box(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'static>>, scroll: usize) {
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let widest = lines.iter().map(Line::width).max().unwrap_or(0) + 2;
    let width = u16::try_from(widest).unwrap_or(u16::MAX).max(30);
    let rect = centred(
        area,
        width,
        height.min(area.height.saturating_sub(2).max(3)),
    );
    if rect.is_empty() {
        return;
    }
    frame.render_widget(Clear, rect);
    let more = lines.len() > usize::from(rect.height.saturating_sub(2));
    let title = if more {
        format!("{title}· j/k scroll ")
    } else {
        title.to_string()
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(THEME.border_focused)
        .title(Span::styled(title, THEME.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(shown).style(THEME.overlay), inner);
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    draw_box(
        frame,
        area,
        " Keys — Esc closes ",
        lines(app.keymap(), area.width),
        app.overlay().scroll(),
    );
}

pub fn draw_errors(frame: &mut Frame, area: Rect, app: &App) {
    let summary = app.collection().errors_summary().unwrap_or_default();
    let mut lines = vec![Line::styled(format!("{summary}:"), THEME.header)];
    lines.push(Line::raw(""));
    for row in error_rows(app.collection().errors(), area.width) {
        lines.push(Line::from(vec![
            Span::raw(row.indent),
            Span::styled(row.source, THEME.key),
            Span::raw(row.text),
        ]));
    }
    draw_box(
        frame,
        area,
        " Load errors — Esc closes ",
        lines,
        app.overlay().scroll(),
    );
}

#[cfg(test)]
mod tests {
    use crate::app::{Action, App};
    use crate::article::{SourceError, parse};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    #[test]
    fn the_key_map_counts_the_help_lines_drawn() {
        let keys = crate::app::keymap::KeyMap::default();
        for width in [1, 20, 40, 80, 200] {
            assert_eq!(
                super::lines(&keys, width).len(),
                crate::app::keymap::help_line_count(&keys, width)
            );
        }
    }

    fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
        let buffer = terminal.backend().buffer();
        buffer
            .content()
            .chunks(usize::from(buffer.area.width))
            .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
            .collect()
    }

    #[test]
    fn a_long_load_error_is_wrapped_inside_the_box_at_60_columns() {
        let reason = "no data within 5 s: the source kept the connection open without \
                      sending anything, so it was skipped and the other sources were read";
        let errors = vec![SourceError {
            source: "/var/feeds/slow-feed.xml".into(),
            reason: reason.into(),
        }];
        let articles = parse("a.txt", b"Headline\n\nJohn Kerry met Sergei Lavrov.").articles;
        let mut app = App::new(articles, errors);
        app.update(Action::Resize(60, 20));
        app.update(Action::ShowErrors);
        let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
        terminal.draw(|frame| crate::ui::draw(frame, &app)).unwrap();
        let screen = rows(&terminal);
        let inside: Vec<&str> = screen
            .iter()
            .skip_while(|r| !r.contains("Load errors"))
            .skip(1)
            .take_while(|r| !r.starts_with('└'))
            .filter_map(|r| r.strip_prefix('│')?.strip_suffix('│'))
            .collect();
        let words: Vec<&str> = inside.iter().flat_map(|r| r.split_whitespace()).collect();
        let expected: Vec<&str> = ["1", "source", "could", "not", "be", "opened:"]
            .into_iter()
            .chain(["/var/feeds/slow-feed.xml", "—"])
            .chain(reason.split_whitespace())
            .collect();
        assert_eq!(words, expected, "{}", screen.join("\n"));
        assert!(inside.len() >= 4, "the reason takes several rows");
    }
}
