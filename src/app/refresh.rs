//! `R`: refresh the library's feeds. The app only decides and keeps the progress; the work is an
//! [`Effect::RefreshFeeds`](super::Effect::RefreshFeeds) that the binary runs on a thread of its
//! own (`crate::effects`), which reports back with `Action::RefreshProgress` and
//! `Action::RefreshDone`. New articles come in through the library watcher, as for `byline import`.

use super::App;
use super::message::Message;

impl App {
    /// Starts a refresh, unless one runs already or the reader is not over the library.
    pub(super) fn refresh(&mut self) {
        if !self.docs.is_library() {
            self.message = Some(Message::info(
                "R refreshes the library's feeds: run byline without file names to read the library",
            ));
            return;
        }
        if let Some((done, total)) = self.refreshing {
            self.message = Some(Message::info(if total == 0 {
                "a refresh is already running".to_string()
            } else {
                format!("a refresh is already running: feeds {done}/{total}")
            }));
            return;
        }
        self.refreshing = Some((0, 0));
        self.message = Some(Message::info("refreshing feeds"));
        self.emit(super::Effect::RefreshFeeds);
    }

    pub(super) fn refresh_progress(&mut self, done: usize, total: usize) {
        self.refreshing = Some((done, total));
        self.message = Some(Message::info(format!("refreshing feeds {done}/{total}")));
    }

    pub(super) fn refresh_done(&mut self, message: Message) {
        self.refreshing = None;
        self.refresh_summary = Some(message.clone());
        self.message = Some(message);
    }

    /// Whether the status bar shows the refresh's progress or its summary (articles the refresh
    /// stored then arrive without a message of their own: the summary counts them).
    pub(super) fn shows_refresh(&self) -> bool {
        self.refreshing.is_some()
            || (self.message.is_some() && self.message == self.refresh_summary)
    }

    /// The feed refresh while it runs: feeds done and their total (0 until known).
    pub fn refreshing(&self) -> Option<(usize, usize)> {
        self.refreshing
    }
}
