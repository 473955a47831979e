//! Overlays over the panes: the key help and the list of sources that could not be opened. An
//! open overlay takes every key.

use super::App;
use super::keymap;
use super::list::{Step, moved};
use super::message::Message;

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
            Overlay::Help => keymap::help_line_count(self.screen.width()),
            Overlay::Errors => self.docs.errors().len() + 2,
        };
        let page = usize::from(self.screen.height().saturating_sub(4)).max(1);
        self.overlay.scroll = moved(self.overlay.scroll, len, page, step);
    }
}
