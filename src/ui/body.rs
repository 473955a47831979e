//! The article body: the cached wrapped lines from the scroll position down, with quote and mention
//! highlights cut in from the cached marks. Only visible lines are touched.

use super::theme::THEME;
use crate::app::layout;
use crate::app::wrap::{BodyLine, LineKind};
use crate::app::{App, Highlight, Mark, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let focused = app.screen().focus() == Pane::Body;
    let view = app.body();
    let body = view.wrapped();
    let title = match view.position(app.screen().body_height()) {
        Some(at) => format!(" Article — {at} "),
        None => " Article ".to_string(),
    };
    let mut block = super::pane_block(title, focused);
    if let Some(url) = app.current_url() {
        // The article's link on the bottom border (`o` opens it, `y` copies it).
        let room = usize::from(area.width.saturating_sub(4));
        let url = super::fit(&crate::article::sanitize::flat(url, 400), room);
        block = block.title_bottom(Span::styled(format!(" {url} "), THEME.dim));
    }
    frame.render_widget(block, area);
    let mut text = layout::body_text(area);
    // The text is as wide as it was wrapped (a `reading_width` may make it narrower).
    if body.width > 0 {
        text.width = text.width.min(body.width);
    }
    if app.current_index().is_none() {
        let line = Line::styled("nothing to show", THEME.dim);
        super::draw_row(frame, text, 0, line);
        return;
    }
    let article_text = app
        .collection()
        .article(body.article)
        .map_or("", |a| a.text.as_str());
    for row in 0..usize::from(text.height) {
        let index = view.scroll() + row;
        let Some(line) = body.line(index) else {
            break;
        };
        let marks = view.marks();
        let first = marks.partition_point(|m| m.line < index);
        let end = first
            + marks[first..]
                .iter()
                .take_while(|m| m.line == index)
                .count();
        let styled = if line.kind == LineKind::Meta {
            // Outlet, author and date, the date in local time by the app's clock.
            let meta = app
                .collection()
                .article(body.article)
                .map(|a| crate::app::body::meta_text(a, app.clock()))
                .unwrap_or_default();
            Line::styled(super::fit(&meta, usize::from(text.width)), THEME.meta)
        } else {
            styled_line(line, article_text, &marks[first..end])
        };
        super::draw_row(frame, text, row, styled);
    }
}

fn base_style(kind: LineKind) -> Style {
    match kind {
        LineKind::Headline => THEME.headline,
        LineKind::Meta => THEME.meta,
        LineKind::Dek => THEME.dek,
        LineKind::Caption => THEME.caption,
        LineKind::Credit => THEME.credit,
        LineKind::Byline | LineKind::Dateline => THEME.byline,
        LineKind::Blockquote => THEME.blockquote,
        LineKind::Paragraph | LineKind::Blank => Style::new(),
    }
}

fn highlight_style(h: Highlight) -> Style {
    match h {
        Highlight::Reported => THEME.reported,
        Highlight::Quote => THEME.quote,
        Highlight::CurrentQuote => THEME.quote_current,
        Highlight::Mention => THEME.mention,
        Highlight::CurrentMention => THEME.mention_current,
        Highlight::Match => THEME.search_match,
        Highlight::CurrentMatch => THEME.search_current,
    }
}

/// One body line as styled spans: its label, then its text cut where a highlight starts or ends.
/// Highlight marks are source byte ranges; the shown text has the same length as its source, so
/// they apply to it directly.
pub fn styled_line<'a>(line: &'a BodyLine, article_text: &'a str, marks: &[Mark]) -> Line<'a> {
    let base = base_style(line.kind);
    let mut spans = Vec::new();
    if !line.label.is_empty() {
        spans.push(Span::styled(line.label, base));
    }
    let shown = line.text(article_text);
    if marks.is_empty() {
        spans.push(Span::styled(shown, base));
        return aligned(line, Line::from(spans));
    }
    let src = line.src;
    let mut cuts = vec![src.start, src.start + shown.len()];
    for m in marks {
        for at in [m.span.start, m.span.end] {
            if at > src.start && at < src.start + shown.len() {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(text) = shown.get(a - src.start..b - src.start) else {
            continue;
        };
        let mut covering: Vec<Highlight> = marks
            .iter()
            .filter(|m| m.span.start <= a && b <= m.span.end)
            .map(|m| m.highlight)
            .collect();
        covering.sort_unstable();
        let style = covering
            .into_iter()
            .fold(base, |s, h| s.patch(highlight_style(h)));
        spans.push(Span::styled(text, style));
    }
    aligned(line, Line::from(spans))
}

fn aligned<'a>(line: &BodyLine, out: Line<'a>) -> Line<'a> {
    if line.kind == LineKind::Credit {
        out.right_aligned()
    } else {
        out
    }
}
