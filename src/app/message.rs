//! The one-line message under the panes: what the last key did, or what went wrong.

/// How a message reads. Both are drawn alike today; a theme can tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// What a key did ("John Kerry — mention 1 of 4").
    Info,
    /// Something failed (an analysis).
    Problem,
}

/// A message for the status bar; it lasts until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    text: String,
    level: Level,
}

impl Message {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            level: Level::Info,
        }
    }

    pub fn problem(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            level: Level::Problem,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn level(&self) -> Level {
        self.level
    }
}

impl super::App {
    /// Shows `message`, unless a problem is being shown: a problem stays until the next key.
    pub(super) fn say_unless_problem(&mut self, message: Message) {
        if self
            .message
            .as_ref()
            .is_none_or(|m| m.level() != Level::Problem)
        {
            self.message = Some(message);
        }
    }
}

/// A failed read of the library's entity index (the corpus view, the entity filter, the
/// mention jump across articles), naming it.
pub fn entity_index_problem(why: &str) -> Message {
    Message::problem(format!(
        "could not read the library's entity index: {}",
        crate::article::sanitize::inert(why)
    ))
}

/// "1 article", "2 articles": `n` and the noun, singular for one.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
