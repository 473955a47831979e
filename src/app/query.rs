//! A one-line text input: the `/` query line. Typing, Backspace and Ctrl-U edit it; the owner
//! decides what Enter (keep) and Esc (restore) mean. Small on purpose, so other prompts can reuse it.

/// Longest query kept, in characters: a search stays cheap however long the paste.
pub const MAX_CHARS: usize = 200;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryLine {
    text: String,
    chars: usize,
}

impl QueryLine {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Adds a typed character; control characters are refused, and so is anything past
    /// `MAX_CHARS`. Returns whether the text changed.
    pub fn push(&mut self, c: char) -> bool {
        if c.is_control() || self.chars >= MAX_CHARS {
            return false;
        }
        self.text.push(c);
        self.chars += 1;
        true
    }

    /// Backspace: removes the last character. Returns whether the text changed.
    pub fn pop(&mut self) -> bool {
        let popped = self.text.pop().is_some();
        self.chars -= usize::from(popped);
        popped
    }

    /// Ctrl-U: empties the line. Returns whether the text changed.
    pub fn clear(&mut self) -> bool {
        let had = !self.text.is_empty();
        self.text.clear();
        self.chars = 0;
        had
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_backspace_and_clear() {
        let mut q = QueryLine::default();
        assert!(!q.pop());
        for c in "Ké x".chars() {
            assert!(q.push(c));
        }
        assert!(!q.push('\u{1b}'), "no escape characters in the line");
        assert_eq!(q.text(), "Ké x");
        assert!(q.pop());
        assert!(q.pop());
        assert_eq!(q.text(), "Ké");
        assert!(q.clear());
        assert!(q.is_empty());
        assert!(!q.clear());
        for _ in 0..MAX_CHARS + 5 {
            q.push('a');
        }
        assert_eq!(q.text().len(), MAX_CHARS);
    }
}
