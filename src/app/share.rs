//! Getting an article out of the reader: `o` opens its link in the browser, `y` copies the link
//! (OSC 52, when the config allows it), `E` writes it as Markdown. The app only decides; the work
//! is an [`Effect`] that the binary runs off the UI thread (`crate::effects`) and that reports
//! back with `Action::Done`.

use super::App;
use super::message::Message;
use crate::article::sanitize::flat;
use std::path::PathBuf;

/// Work for outside the app's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Open this http(s) link in the browser (`$BROWSER` if set).
    OpenUrl(String),
    /// Put this text on the terminal's clipboard with OSC 52.
    Copy(String),
    /// Refresh the library's feeds on a thread of its own, reporting with
    /// `Action::RefreshProgress` and `Action::RefreshDone`.
    RefreshFeeds,
    /// Write `contents` to a new file in `dir` named `stem.md` (or `stem-2.md`… if taken).
    Write {
        dir: PathBuf,
        stem: String,
        contents: String,
    },
}

/// Whether a link may be handed to the browser: http or https only (an article could carry a
/// `file:` or `javascript:` link).
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A file name from a headline: lower-case words joined by `-`, at most 60 characters.
pub fn file_stem(headline: &str) -> String {
    let mut out = String::new();
    for word in headline
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.chars().count() + word.chars().count() > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() {
        "article".to_string()
    } else {
        out
    }
}

impl App {
    /// The shown article's link, if it has one.
    pub fn current_url(&self) -> Option<&str> {
        self.current_article()?
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
    }

    /// `o`.
    pub(super) fn open_url(&mut self) {
        let Some(url) = self.current_url().map(str::to_string) else {
            self.message = Some(Message::info("this article has no link"));
            return;
        };
        if !is_web_link(&url) {
            self.message = Some(Message::problem(format!(
                "not opening {}: only http and https links are opened",
                flat(&url, 120)
            )));
            return;
        }
        self.message = Some(Message::info(format!("opening {}", flat(&url, 200))));
        self.emit(super::Effect::OpenUrl(url));
    }

    /// `y`.
    pub(super) fn copy_url(&mut self) {
        let Some(url) = self.current_url().map(str::to_string) else {
            self.message = Some(Message::info("this article has no link"));
            return;
        };
        if !self.prefs.osc52 {
            let file = self.prefs.source.as_ref().map_or_else(
                || "the config file".to_string(),
                |p| p.display().to_string(),
            );
            self.message = Some(Message::info(format!(
                "copying uses OSC 52, which is off: put `osc52 = true` in {file}"
            )));
            return;
        }
        self.message = Some(Message::info(format!(
            "copied {} (OSC 52)",
            flat(&url, 200)
        )));
        self.emit(super::Effect::Copy(url));
    }

    /// `E`.
    pub(super) fn export(&mut self) {
        let (Some(article), Some(analysis)) = (self.current_article(), self.current_analysis())
        else {
            self.message = Some(Message::info(
                "the article is still being analysed: try again in a moment",
            ));
            return;
        };
        let contents =
            crate::export::markdown(article, analysis, self.prefs.date_format.as_deref());
        let stem = file_stem(&article.headline);
        let dir = self.prefs.export_dir.clone();
        self.message = Some(Message::info(format!(
            "writing {}…",
            dir.join(format!("{stem}.md")).display()
        )));
        self.emit(super::Effect::Write {
            dir,
            stem,
            contents,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_open() {
        assert!(is_web_link("https://example.com/a?b=c"));
        assert!(is_web_link("HTTP://example.com"));
        assert!(!is_web_link("file:///etc/passwd"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("https://example.com/a b"));
        assert!(!is_web_link("-https://x"));
    }

    #[test]
    fn file_stems_are_tame() {
        assert_eq!(
            file_stem("U.S. and Russia Fail to Reach Syria Deal"),
            "u-s-and-russia-fail-to-reach-syria-deal"
        );
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("…"), "article");
        assert!(file_stem(&"word ".repeat(100)).chars().count() <= 60);
    }
}
