//! Every colour and text style of the reader, in one place.

use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub unread: Style,
    pub read: Style,
    pub header: Style,
    pub dim: Style,
    pub headline: Style,
    pub meta: Style,
    pub dek: Style,
    pub caption: Style,
    pub credit: Style,
    pub byline: Style,
    pub blockquote: Style,
    pub quote: Style,
    pub quote_current: Style,
    pub reported: Style,
    pub mention: Style,
    pub mention_current: Style,
    pub status: Style,
    pub status_focus: Style,
    pub message: Style,
    pub warning: Style,
    pub key: Style,
    pub overlay: Style,
}

pub const THEME: Theme = Theme {
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan),
    title: Style::new().add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
    unread: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    read: Style::new().fg(Color::Gray),
    header: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    dim: Style::new().add_modifier(Modifier::DIM),
    headline: Style::new().add_modifier(Modifier::BOLD),
    meta: Style::new().add_modifier(Modifier::DIM),
    dek: Style::new()
        .add_modifier(Modifier::DIM)
        .add_modifier(Modifier::ITALIC),
    caption: Style::new()
        .add_modifier(Modifier::DIM)
        .add_modifier(Modifier::ITALIC),
    credit: Style::new().add_modifier(Modifier::DIM),
    byline: Style::new().add_modifier(Modifier::ITALIC),
    blockquote: Style::new().add_modifier(Modifier::ITALIC),
    quote: Style::new().fg(Color::Yellow),
    quote_current: Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
        .bg(Color::Indexed(236)),
    reported: Style::new().fg(Color::Blue).add_modifier(Modifier::ITALIC),
    mention: Style::new()
        .fg(Color::Green)
        .add_modifier(Modifier::UNDERLINED)
        .add_modifier(Modifier::BOLD),
    mention_current: Style::new()
        .fg(Color::Black)
        .bg(Color::Green)
        .add_modifier(Modifier::BOLD),
    status: Style::new().bg(Color::Indexed(236)),
    status_focus: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    message: Style::new().fg(Color::White).bg(Color::Indexed(236)),
    warning: Style::new().fg(Color::Yellow).bg(Color::Indexed(236)),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    overlay: Style::new(),
};
