//! Every colour and text style of the reader, in one place.
//!
//! A [`Theme`] is made from a [`Palette`] of named colours (`config::theme`: dark, light, or either
//! with colours replaced from the config file), or is [`MONO`], the theme for `NO_COLOR`: no colour
//! at all, every highlight kept apart by bold / italic / underline / reverse alone.
//!
//! The app carries which theme (`App::theme`, a `ThemeSpec`); `ui::draw` makes it the current one
//! for the frame, and the pane files read it through [`THEME`] (`THEME.quote`), so they need no
//! theme argument.

pub use crate::config::theme::{Palette, ThemeSpec};
use ratatui::style::{Modifier, Style};
use std::cell::{Cell, RefCell};

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
    /// A match of the `/` search in the body, and the one the search is on.
    pub search_match: Style,
    pub search_current: Style,
    /// The `/` query line.
    pub query: Style,
    pub status: Style,
    pub status_focus: Style,
    pub message: Style,
    pub warning: Style,
    pub key: Style,
    pub overlay: Style,
}

const BOLD: Modifier = Modifier::BOLD;
const DIM: Modifier = Modifier::DIM;
const ITALIC: Modifier = Modifier::ITALIC;
const UNDERLINED: Modifier = Modifier::UNDERLINED;
const REVERSED: Modifier = Modifier::REVERSED;

impl Theme {
    /// The theme for a palette: colour carries the highlights, with modifiers on top.
    pub const fn from_palette(p: Palette) -> Self {
        Self {
            border: Style::new().fg(p.border),
            border_focused: Style::new().fg(p.accent),
            title: Style::new().add_modifier(BOLD),
            selected: Style::new().add_modifier(REVERSED),
            selected_unfocused: Style::new().add_modifier(UNDERLINED),
            unread: Style::new().fg(p.accent).add_modifier(BOLD),
            read: Style::new().fg(p.read),
            header: Style::new().fg(p.accent).add_modifier(BOLD),
            dim: Style::new().add_modifier(DIM),
            headline: Style::new().add_modifier(BOLD),
            meta: Style::new().add_modifier(DIM),
            dek: Style::new().add_modifier(DIM).add_modifier(ITALIC),
            caption: Style::new().add_modifier(DIM).add_modifier(ITALIC),
            credit: Style::new().add_modifier(DIM),
            byline: Style::new().add_modifier(ITALIC),
            blockquote: Style::new().add_modifier(ITALIC),
            quote: Style::new().fg(p.quote),
            quote_current: Style::new().fg(p.quote).add_modifier(BOLD).bg(p.panel),
            reported: Style::new().fg(p.reported).add_modifier(ITALIC),
            mention: Style::new()
                .fg(p.mention)
                .add_modifier(UNDERLINED)
                .add_modifier(BOLD),
            mention_current: Style::new()
                .fg(p.on_accent)
                .bg(p.mention)
                .add_modifier(BOLD),
            search_match: Style::new().fg(p.on_accent).bg(p.search),
            search_current: Style::new()
                .fg(p.on_accent)
                .bg(p.search)
                .add_modifier(BOLD)
                .add_modifier(UNDERLINED),
            query: Style::new().fg(p.text).bg(p.panel),
            status: Style::new().bg(p.panel),
            status_focus: Style::new().fg(p.on_accent).bg(p.accent).add_modifier(BOLD),
            message: Style::new().fg(p.text).bg(p.panel),
            warning: Style::new().fg(p.warning).bg(p.panel),
            key: Style::new().fg(p.accent).add_modifier(BOLD),
            overlay: Style::new(),
        }
    }
}

/// The default theme, for dark terminal backgrounds.
pub static DARK: Theme = Theme::from_palette(Palette::DARK);

/// For light terminal backgrounds.
pub static LIGHT: Theme = Theme::from_palette(Palette::LIGHT);

/// `NO_COLOR` (<https://no-color.org>): no colour, but no highlight lost either. Direct quotes are
/// bold, reported speech italic, the current quote bold italic; mentions are underlined and the
/// current mention reversed; dek and captions dim italic; search matches reversed.
pub static MONO: Theme = Theme {
    border: Style::new(),
    border_focused: Style::new().add_modifier(BOLD),
    title: Style::new().add_modifier(BOLD),
    selected: Style::new().add_modifier(REVERSED),
    selected_unfocused: Style::new().add_modifier(UNDERLINED),
    unread: Style::new().add_modifier(BOLD),
    read: Style::new(),
    header: Style::new().add_modifier(BOLD).add_modifier(UNDERLINED),
    dim: Style::new().add_modifier(DIM),
    headline: Style::new().add_modifier(BOLD),
    meta: Style::new().add_modifier(DIM),
    dek: Style::new().add_modifier(DIM).add_modifier(ITALIC),
    caption: Style::new().add_modifier(DIM).add_modifier(ITALIC),
    credit: Style::new().add_modifier(DIM),
    byline: Style::new().add_modifier(ITALIC),
    blockquote: Style::new().add_modifier(ITALIC),
    quote: Style::new().add_modifier(BOLD),
    quote_current: Style::new().add_modifier(BOLD).add_modifier(ITALIC),
    reported: Style::new().add_modifier(ITALIC),
    mention: Style::new().add_modifier(UNDERLINED),
    mention_current: Style::new()
        .add_modifier(REVERSED)
        .add_modifier(UNDERLINED)
        .add_modifier(BOLD),
    search_match: Style::new().add_modifier(REVERSED),
    search_current: Style::new()
        .add_modifier(REVERSED)
        .add_modifier(BOLD)
        .add_modifier(ITALIC),
    query: Style::new().add_modifier(BOLD),
    status: Style::new().add_modifier(REVERSED),
    status_focus: Style::new().add_modifier(BOLD),
    message: Style::new().add_modifier(BOLD),
    warning: Style::new().add_modifier(BOLD).add_modifier(REVERSED),
    key: Style::new().add_modifier(BOLD),
    overlay: Style::new(),
};

thread_local! {
    static CURRENT: Cell<&'static Theme> = const { Cell::new(&DARK) };
    /// Themes made from palettes other than the built-in ones, made once each.
    static MADE: RefCell<Vec<(Palette, &'static Theme)>> = const { RefCell::new(Vec::new()) };
}

/// The theme a spec asks for. A palette changed in the config file is made into a theme once and
/// kept for the life of the process (one per distinct palette: a handful at most).
pub fn resolve(spec: &ThemeSpec) -> &'static Theme {
    let palette = match spec {
        ThemeSpec::Mono => return &MONO,
        ThemeSpec::Colours(p) if *p == Palette::DARK => return &DARK,
        ThemeSpec::Colours(p) if *p == Palette::LIGHT => return &LIGHT,
        ThemeSpec::Colours(p) => *p,
    };
    MADE.with(|made| {
        let mut made = made.borrow_mut();
        if let Some((_, theme)) = made.iter().find(|(p, _)| *p == palette) {
            return *theme;
        }
        let theme: &'static Theme = Box::leak(Box::new(Theme::from_palette(palette)));
        made.push((palette, theme));
        theme
    })
}

/// The theme of the frame being drawn (see the module comment); `THEME.quote` reads it.
pub struct Current;

pub const THEME: Current = Current;

impl std::ops::Deref for Current {
    type Target = Theme;

    fn deref(&self) -> &Theme {
        CURRENT.with(Cell::get)
    }
}

/// Runs `draw` with `theme` as the current theme, then puts the previous one back.
pub fn with<R>(theme: &'static Theme, draw: impl FnOnce() -> R) -> R {
    struct Restore(&'static Theme);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(theme)));
    draw()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_palettes_resolve_to_the_built_in_themes_and_others_are_made_once() {
        assert!(std::ptr::eq(resolve(&ThemeSpec::Mono), &MONO));
        assert!(std::ptr::eq(
            resolve(&ThemeSpec::Colours(Palette::DARK)),
            &DARK
        ));
        assert!(std::ptr::eq(
            resolve(&ThemeSpec::Colours(Palette::LIGHT)),
            &LIGHT
        ));
        let mut p = Palette::DARK;
        p.quote = ratatui::style::Color::Red;
        let made = resolve(&ThemeSpec::Colours(p));
        assert_eq!(made.quote.fg, Some(ratatui::style::Color::Red));
        assert!(std::ptr::eq(made, resolve(&ThemeSpec::Colours(p))));
    }

    #[test]
    fn mono_has_no_colour_and_keeps_every_highlight_apart() {
        let styles = [
            MONO.quote,
            MONO.quote_current,
            MONO.reported,
            MONO.mention,
            MONO.mention_current,
            MONO.dek,
            MONO.search_match,
            MONO.search_current,
        ];
        for (i, a) in styles.iter().enumerate() {
            assert_eq!((a.fg, a.bg), (None, None));
            assert!(!a.add_modifier.is_empty());
            for b in &styles[i + 1..] {
                assert_ne!(a.add_modifier, b.add_modifier);
            }
        }
    }

    #[test]
    fn with_sets_the_theme_for_the_call_only() {
        assert_eq!(THEME.quote, DARK.quote);
        with(&MONO, || assert_eq!(THEME.quote, MONO.quote));
        assert_eq!(THEME.quote, DARK.quote);
    }
}
