//! Overlays over the panes: the key help and the list of sources that could not be opened. An
//! open overlay takes every key. A long load error is wrapped to the terminal's width.

use super::App;
use super::keymap;
use super::list::{Step, moved};
use super::message::Message;
use crate::article::SourceError;
use crate::article::sanitize::inert;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Errors,
}

/// Which overlay is open, and how far it is scrolled.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OverlayState {
    open: Option<Overlay>,
    scroll: usize,
}

impl OverlayState {
    pub fn open(&self) -> Option<Overlay> {
        self.open
    }

    /// Lines scrolled past at the top.
    pub fn scroll(&self) -> usize {
        self.scroll
    }
}

impl App {
    pub(super) fn toggle_help(&mut self) {
        self.overlay.open = match self.overlay.open {
            Some(Overlay::Help) => None,
            _ => Some(Overlay::Help),
        };
        self.overlay.scroll = 0;
    }

    pub(super) fn show_errors(&mut self) {
        if self.docs.errors().is_empty() {
            self.message = Some(Message::info("every source opened without a problem"));
        } else {
            self.overlay.open = Some(Overlay::Errors);
            self.overlay.scroll = 0;
        }
    }

    /// Closes the open overlay; says whether one was open.
    pub(super) fn close_overlay(&mut self) -> bool {
        self.overlay.open.take().is_some()
    }

    pub(super) fn step_overlay(&mut self, overlay: Overlay, step: Step) {
        let len = match overlay {
            Overlay::Help => keymap::help_line_count(&self.prefs.keys, self.screen.width()),
            Overlay::Errors => error_rows(self.docs.errors(), self.screen.width()).len() + 2,
        };
        let page = usize::from(self.screen.height().saturating_sub(4)).max(1);
        self.overlay.scroll = moved(self.overlay.scroll, len, page, step);
    }
}

/// One row of the load-error list: a continuation indent, then the part of the source's name on
/// this row (drawn as a key), then the rest of the row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorRow {
    pub indent: &'static str,
    pub source: String,
    pub text: String,
}

/// The load errors as rows of "source — reason" for a terminal `width` columns wide: each error
/// wrapped to fit inside the overlay's border (the box is never wider than the terminal), its
/// continuation rows indented. Both parts are made inert first.
pub fn error_rows(errors: &[SourceError], width: u16) -> Vec<ErrorRow> {
    const INDENT: &str = "  ";
    let cols = usize::from(width.saturating_sub(2)).max(INDENT.len() + 1);
    let mut rows = Vec::new();
    for e in errors {
        let source = inert(&e.source);
        let whole = format!("{source} — {}", inert(&e.reason));
        let options = textwrap::Options::new(cols)
            .subsequent_indent(INDENT)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        let mut cursor = 0;
        for (i, line) in textwrap::wrap(&whole, options).into_iter().enumerate() {
            let indent = if i == 0 { "" } else { INDENT };
            let row = line.strip_prefix(indent).unwrap_or(&line);
            // Where the row is in `whole`, to know how much of it is the source's name.
            let at = whole
                .get(cursor..)
                .and_then(|rest| rest.find(row))
                .map_or(cursor, |p| cursor + p);
            cursor = at + row.len();
            let mut split = source.len().saturating_sub(at).min(row.len());
            while !row.is_char_boundary(split) {
                split -= 1;
            }
            let (name, rest) = row.split_at(split);
            rows.push(ErrorRow {
                indent,
                source: name.to_string(),
                text: rest.to_string(),
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(source: &str, reason: &str) -> SourceError {
        SourceError {
            source: source.into(),
            reason: reason.into(),
        }
    }

    #[test]
    fn a_short_error_is_one_row_and_a_long_one_wraps_without_losing_words() {
        let reason = "the server answered 503 Service Unavailable three times in a row, \
                      so the feed was skipped; the other sources opened";
        let errors = [
            error("a.txt", "empty file"),
            error("https://example.com/feed.xml", reason),
        ];
        let rows = error_rows(&errors, 60);
        assert_eq!(
            rows[0],
            ErrorRow {
                indent: "",
                source: "a.txt".into(),
                text: " — empty file".into()
            }
        );
        assert!(rows.len() > 3, "{rows:?}");
        let width = |r: &ErrorRow| {
            unicode_width::UnicodeWidthStr::width(
                format!("{}{}{}", r.indent, r.source, r.text).as_str(),
            )
        };
        assert!(rows.iter().all(|r| width(r) <= 58), "{rows:?}");
        assert_eq!(rows[1].source, "https://example.com/feed.xml");
        assert!(
            rows[2..]
                .iter()
                .all(|r| r.indent == "  " && r.source.is_empty())
        );
        let words: Vec<&str> = rows[1..]
            .iter()
            .flat_map(|r| r.text.split_whitespace())
            .collect();
        let expected: Vec<&str> = std::iter::once("—")
            .chain(reason.split_whitespace())
            .collect();
        assert_eq!(words, expected);
    }

    #[test]
    fn a_source_name_longer_than_a_row_stays_a_source_on_every_row() {
        let name = format!("/srv/{}/story.txt", "very-long-folder-name".repeat(5));
        let rows = error_rows(&[error(&name, "binary file, not an article")], 40);
        let shown: String = rows.iter().map(|r| r.source.as_str()).collect();
        assert_eq!(shown, name);
        let text: Vec<&str> = rows
            .iter()
            .flat_map(|r| r.text.split_whitespace())
            .collect();
        assert_eq!(text.join(" "), "— binary file, not an article");
        assert!(rows.iter().all(|r| r.source.len() + r.text.len() <= 38));
    }
}
