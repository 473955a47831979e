//! Which theme: a palette of named colours (dark or light, any of them replaced by the config
//! file's `[theme.palette]`), or mono for `NO_COLOR`. The styles themselves are `ui::theme`'s.

use ratatui::style::Color;

/// The theme the reader draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeSpec {
    Colours(Palette),
    /// No colour: highlights by bold, italic, underline and reverse only (`NO_COLOR`, or
    /// `name = "mono"`).
    Mono,
}

impl Default for ThemeSpec {
    fn default() -> Self {
        Self::Colours(Palette::DARK)
    }
}

/// The named colours a theme is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// Focused border, headers, keys, unread marks, the focused pane's name in the status bar.
    pub accent: Color,
    /// Borders of the other panes.
    pub border: Color,
    /// Direct and partial quotations.
    pub quote: Color,
    /// Reported speech.
    pub reported: Color,
    /// The chosen entity's mentions (and the background of the current one).
    pub mention: Color,
    /// Text on a coloured background (the current mention, the focused pane's name).
    pub on_accent: Color,
    /// Background of the status bar, the query line and the current quote.
    pub panel: Color,
    /// Text of status messages and of the query line.
    pub text: Color,
    /// Warnings in the status bar.
    pub warning: Color,
    /// Read headlines.
    pub read: Color,
    /// Background of `/` search matches.
    pub search: Color,
}

impl Palette {
    /// The names the config file uses, with what each colours (for `config init`).
    pub const NAMES: [(&'static str, &'static str); 11] = [
        ("accent", "focused border, headers, keys, unread marks"),
        ("border", "borders of the other panes"),
        ("quote", "direct and partial quotations"),
        ("reported", "reported speech"),
        ("mention", "the chosen entity's mentions"),
        ("on_accent", "text on a coloured background"),
        ("panel", "status bar, query line, current quote background"),
        ("text", "status messages"),
        ("warning", "warnings in the status bar"),
        ("read", "read headlines"),
        ("search", "background of search matches"),
    ];

    pub const DARK: Self = Self {
        accent: Color::Cyan,
        border: Color::DarkGray,
        quote: Color::Yellow,
        reported: Color::Blue,
        mention: Color::Green,
        on_accent: Color::Black,
        panel: Color::Indexed(236),
        text: Color::White,
        warning: Color::Yellow,
        read: Color::Gray,
        search: Color::Magenta,
    };

    /// For terminals with a light background: darker inks, a pale panel.
    pub const LIGHT: Self = Self {
        accent: Color::Indexed(25),
        border: Color::Indexed(250),
        quote: Color::Indexed(130),
        reported: Color::Indexed(26),
        mention: Color::Indexed(28),
        on_accent: Color::White,
        panel: Color::Indexed(254),
        text: Color::Black,
        warning: Color::Indexed(124),
        read: Color::Indexed(244),
        search: Color::Indexed(183),
    };

    /// The colour called `name`, to be replaced.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Color> {
        Some(match name {
            "accent" => &mut self.accent,
            "border" => &mut self.border,
            "quote" => &mut self.quote,
            "reported" => &mut self.reported,
            "mention" => &mut self.mention,
            "on_accent" => &mut self.on_accent,
            "panel" => &mut self.panel,
            "text" => &mut self.text,
            "warning" => &mut self.warning,
            "read" => &mut self.read,
            "search" => &mut self.search,
            _ => return None,
        })
    }

    pub fn get(&self, name: &str) -> Option<Color> {
        let mut copy = *self;
        copy.get_mut(name).map(|c| *c)
    }
}

/// A colour as the config file writes it: a name (`yellow`, `darkgray`, `lightblue`…), `#rrggbb`,
/// or a 256-colour index (`236`).
pub fn parse_colour(text: &str) -> Result<Color, String> {
    text.trim().parse::<Color>().map_err(|_| {
        format!(
            "`{text}` is not a colour: use a name (yellow, darkgray, lightblue…), #rrggbb or 0-255"
        )
    })
}

/// How `config init` writes a colour so that `parse_colour` reads it back.
pub fn colour_text(colour: Color) -> String {
    match colour {
        Color::Indexed(i) => i.to_string(),
        other => other.to_string().to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_a_colour_and_reads_back() {
        for palette in [Palette::DARK, Palette::LIGHT] {
            for (name, _) in Palette::NAMES {
                let c = palette.get(name).unwrap();
                assert_eq!(parse_colour(&colour_text(c)), Ok(c), "{name}");
            }
        }
        assert!(Palette::DARK.get("nope").is_none());
        assert_eq!(parse_colour("#ff0000"), Ok(Color::Rgb(255, 0, 0)));
        assert!(
            parse_colour("ultraviolet")
                .unwrap_err()
                .contains("ultraviolet")
        );
    }
}
