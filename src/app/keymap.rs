//! THE key table: every binding once, as data `{keys, action, label, description, context}`. Dispatch,
//! the help overlay and the status-bar hints all read it, so they cannot disagree.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies. Keys go to the open overlay first, then the focused pane, then `Pane`
/// (movement in whichever pane has focus), then `Global`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Overlay,
    Headlines,
    Body,
    Entities,
    Corpus,
    Quotes,
    Pane,
    Global,
}

impl Context {
    /// The order in which the help overlay and the README list the contexts.
    pub const HELP_ORDER: [Self; 8] = [
        Self::Global,
        Self::Pane,
        Self::Headlines,
        Self::Body,
        Self::Entities,
        Self::Corpus,
        Self::Quotes,
        Self::Overlay,
    ];

    pub const fn title(self) -> &'static str {
        match self {
            Self::Overlay => "Help and error lists",
            Self::Headlines => "Headlines",
            Self::Body => "Article",
            Self::Entities => "Entities",
            Self::Corpus => "Corpus view",
            Self::Quotes => "Quotes view",
            Self::Pane => "Any pane",
            Self::Global => "Everywhere",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// A word or two for the status bar hints; empty when the binding is not hinted.
    pub label: &'static str,
    /// A sentence for the help overlay.
    pub description: &'static str,
    pub context: Context,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    description: &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        label,
        description,
        context,
    }
}

use Context::{Body, Corpus, Entities, Global, Headlines, Overlay, Pane, Quotes};

pub static BINDINGS: &[Binding] = &[
    bind(
        Overlay,
        &[code(KeyCode::Esc), k('?'), k('e')],
        Action::Back,
        "close",
        "close this list",
    ),
    bind(Overlay, &[k('q'), ctrl('c')], Action::Quit, "quit", "quit"),
    bind(
        Overlay,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "",
        "scroll down",
    ),
    bind(
        Overlay,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "",
        "scroll up",
    ),
    bind(
        Overlay,
        &[code(KeyCode::PageDown), k(' ')],
        Action::PageDown,
        "",
        "scroll down a page",
    ),
    bind(
        Overlay,
        &[code(KeyCode::PageUp), k('b')],
        Action::PageUp,
        "",
        "scroll up a page",
    ),
    bind(
        Overlay,
        &[k('g'), code(KeyCode::Home)],
        Action::Top,
        "",
        "go to the top",
    ),
    bind(
        Overlay,
        &[k('G'), code(KeyCode::End)],
        Action::Bottom,
        "",
        "go to the bottom",
    ),
    bind(
        Headlines,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "next",
        "next article",
    ),
    bind(
        Headlines,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "",
        "previous article",
    ),
    bind(
        Headlines,
        &[code(KeyCode::Enter)],
        Action::Open,
        "read",
        "read the selected article (focus the body)",
    ),
    bind(
        Body,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "scroll",
        "scroll down one line",
    ),
    bind(
        Body,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "",
        "scroll up one line",
    ),
    bind(
        Entities,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "pick",
        "next entity (its mentions are highlighted)",
    ),
    bind(
        Entities,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "",
        "previous entity",
    ),
    bind(
        Entities,
        &[code(KeyCode::Enter)],
        Action::Open,
        "follow",
        "follow the entity: jump to its first mention",
    ),
    bind(
        Corpus,
        &[code(KeyCode::Enter)],
        Action::Open,
        "open",
        "open the first article mentioning the entity",
    ),
    bind(
        Quotes,
        &[code(KeyCode::Enter)],
        Action::Open,
        "jump",
        "jump to the selected quote",
    ),
    bind(
        Quotes,
        &[k('p')],
        Action::TogglePersonQuotes,
        "person",
        "only the selected quote's speaker's quotes (again: all)",
    ),
    bind(
        Pane,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "",
        "move down",
    ),
    bind(
        Pane,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "",
        "move up",
    ),
    bind(
        Pane,
        &[k('g'), code(KeyCode::Home)],
        Action::Top,
        "",
        "go to the top",
    ),
    bind(
        Pane,
        &[k('G'), code(KeyCode::End)],
        Action::Bottom,
        "",
        "go to the bottom",
    ),
    bind(
        Pane,
        &[code(KeyCode::PageDown), k(' ')],
        Action::PageDown,
        "",
        "one page down",
    ),
    bind(
        Pane,
        &[code(KeyCode::PageUp), k('b')],
        Action::PageUp,
        "",
        "one page up",
    ),
    bind(
        Global,
        &[code(KeyCode::Tab)],
        Action::FocusNext,
        "pane",
        "focus the next pane",
    ),
    bind(
        Global,
        &[code(KeyCode::BackTab)],
        Action::FocusPrev,
        "",
        "focus the previous pane",
    ),
    bind(
        Global,
        &[k('n')],
        Action::NextMention,
        "mention",
        "next mention of the selected entity (on to the next article)",
    ),
    bind(
        Global,
        &[k('N')],
        Action::PrevMention,
        "",
        "previous mention of the selected entity",
    ),
    bind(
        Global,
        &[k(']')],
        Action::NextQuote,
        "quote",
        "next quote (on to the next article with one)",
    ),
    bind(Global, &[k('[')], Action::PrevQuote, "", "previous quote"),
    bind(
        Global,
        &[k('f')],
        Action::ToggleFilter,
        "filter",
        "list only articles mentioning the chosen entity (again: all)",
    ),
    bind(
        Global,
        &[k('s')],
        Action::ToggleOrder,
        "sort",
        "sort the headlines: newest first (at start) or file order",
    ),
    bind(
        Global,
        &[k('Q')],
        Action::ToggleQuotes,
        "quotes",
        "show the quotes view instead of the entities",
    ),
    bind(
        Global,
        &[k('c')],
        Action::ToggleCorpus,
        "corpus",
        "entities of all articles instead of this one",
    ),
    bind(
        Global,
        &[k('e')],
        Action::ShowErrors,
        "",
        "list the sources that could not be opened",
    ),
    bind(
        Global,
        &[code(KeyCode::Esc)],
        Action::Back,
        "",
        "close the overlay, else clear the filter",
    ),
    bind(
        Global,
        &[k('?')],
        Action::ToggleHelp,
        "help",
        "show or hide the key help",
    ),
    bind(Global, &[k('q'), ctrl('c')], Action::Quit, "quit", "quit"),
];

/// Shift is part of the character for letters and symbols ('G', '?'), and of `BackTab`.
fn normalise(code: KeyCode, mods: KeyModifiers) -> KeyModifiers {
    match code {
        KeyCode::Char(_) | KeyCode::BackTab => mods.difference(KeyModifiers::SHIFT),
        _ => mods,
    }
}

impl Key {
    pub fn matches(&self, event: &KeyEvent) -> bool {
        self.code == event.code
            && normalise(self.code, self.mods) == normalise(event.code, event.modifiers)
    }

    /// How the help and the status bar spell the key.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

impl Binding {
    /// "j/↓" — every key of the binding.
    pub fn keys_text(&self) -> String {
        self.keys
            .iter()
            .map(Key::name)
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// What the mouse does: the pointer's rows of the help and the README's key table.
pub static MOUSE: &[(&str, &str)] = &[
    ("click", "focus that pane and select the row clicked"),
    (
        "wheel",
        "scroll the pane under the pointer (or the open list)",
    ),
];

/// The help's title for the mouse rows, after the key contexts.
pub const MOUSE_TITLE: &str = "Mouse";

/// Width of the help's key column.
const KEY_COLUMN: usize = 18;

/// One row of the help overlay, before styling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpRow {
    Blank,
    Title(&'static str),
    /// The keys (empty on a continuation row) and a piece of the description.
    Binding(String, String),
}

/// The help overlay's natural width: its widest row unwrapped, plus the border.
fn help_natural_width() -> usize {
    let bindings = BINDINGS
        .iter()
        .map(|b| b.description.chars().count())
        .chain(MOUSE.iter().map(|(_, d)| d.chars().count()));
    KEY_COLUMN + bindings.max().unwrap_or(0) + 2
}

/// The width the help's text is wrapped to on a screen `screen_width` columns wide (inside the
/// overlay's border).
pub fn help_text_width(screen_width: u16) -> usize {
    help_natural_width()
        .max(30)
        .min(usize::from(screen_width))
        .saturating_sub(2)
}

/// The help overlay's rows for a text `width`: per context with bindings, its title and its
/// bindings, then the mouse; a blank row between sections. A description that does not fit
/// wraps under itself (at very narrow widths, under the keys).
pub fn help_rows(width: usize) -> Vec<HelpRow> {
    let mut sections: Vec<(&'static str, Vec<(String, &'static str)>)> = Vec::new();
    for ctx in Context::HELP_ORDER {
        let rows: Vec<(String, &'static str)> = BINDINGS
            .iter()
            .filter(|b| b.context == ctx)
            .map(|b| (b.keys_text(), b.description))
            .collect();
        if !rows.is_empty() {
            sections.push((ctx.title(), rows));
        }
    }
    sections.push((
        MOUSE_TITLE,
        MOUSE.iter().map(|(k, d)| ((*k).to_string(), *d)).collect(),
    ));
    let mut out = Vec::new();
    for (title, rows) in sections {
        if !out.is_empty() {
            out.push(HelpRow::Blank);
        }
        out.push(HelpRow::Title(title));
        for (keys, description) in rows {
            let keys = format!("  {keys}");
            let room = width.saturating_sub(KEY_COLUMN);
            if room >= 16 {
                let pieces = textwrap::wrap(description, room);
                for (i, piece) in pieces.into_iter().enumerate() {
                    let head = if i == 0 { keys.clone() } else { String::new() };
                    out.push(HelpRow::Binding(
                        format!("{head:<KEY_COLUMN$}"),
                        piece.into_owned(),
                    ));
                }
            } else {
                // Too narrow for two columns: the keys, then the description under them.
                out.push(HelpRow::Binding(keys, String::new()));
                for piece in textwrap::wrap(description, width.saturating_sub(4).max(1)) {
                    out.push(HelpRow::Binding("    ".into(), piece.into_owned()));
                }
            }
        }
    }
    out
}

/// Rows of the help overlay on a screen `screen_width` columns wide (what `ui::help` draws).
pub fn help_line_count(screen_width: u16) -> usize {
    help_rows(help_text_width(screen_width)).len()
}

/// The key table as Markdown, for the README (between `<!-- keys:start -->` and
/// `<!-- keys:end -->`; a test keeps it in step with `BINDINGS`).
pub fn markdown_table() -> String {
    let mut out = String::from("| Keys | Where | What |\n|---|---|---|\n");
    for ctx in Context::HELP_ORDER {
        for b in BINDINGS.iter().filter(|b| b.context == ctx) {
            let keys = b
                .keys
                .iter()
                .map(|k| format!("`{}`", k.name()))
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!(
                "| {keys} | {} | {} |\n",
                ctx.title(),
                b.description
            ));
        }
    }
    for (what, description) in MOUSE {
        out.push_str(&format!("| {what} | {MOUSE_TITLE} | {description} |\n"));
    }
    out
}

/// The action bound to `event` in the first of `contexts` that binds it.
pub fn lookup(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .filter(|b| b.context == *ctx)
            .find(|b| b.keys.iter().any(|key| key.matches(event)))
            .map(|b| b.action.clone())
    })
}

/// Bindings shown as hints in the status bar for these contexts (first keys only), in order.
pub fn hints(contexts: &[Context]) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for ctx in contexts {
        for b in BINDINGS
            .iter()
            .filter(|b| b.context == *ctx && !b.label.is_empty())
        {
            if out.iter().any(|(_, label)| *label == b.label) {
                continue;
            }
            let keys = match b.action {
                // Pairs read better together: "n/N mention".
                Action::NextMention => "n/N".to_string(),
                Action::NextQuote => "]/[".to_string(),
                Action::Down if *ctx != Context::Overlay => "j/k".to_string(),
                _ => b.keys.first().map(Key::name).unwrap_or_default(),
            };
            out.push((keys, b.label));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn overlay_keys_win_over_global_ones() {
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(lookup(&[Overlay], &esc), Some(Action::Back));
        // q quits everywhere, as the README promises; Esc is what closes an overlay.
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(&[Overlay], &q), Some(Action::Quit));
        let n = key(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(
            lookup(&[Overlay], &n),
            None,
            "nothing moves behind an overlay"
        );
        let c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[Overlay], &c), Some(Action::Quit));
        assert_eq!(lookup(&[Headlines, Pane, Global], &q), Some(Action::Quit));
    }

    #[test]
    fn shifted_letters_and_ctrl_c() {
        let g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&[Body, Pane, Global], &g), Some(Action::Bottom));
        let c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[Body, Pane, Global], &c), Some(Action::Quit));
        let plain_c = key(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(
            lookup(&[Body, Pane, Global], &plain_c),
            Some(Action::ToggleCorpus)
        );
        let back = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(&[Global], &back), Some(Action::FocusPrev));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for key in a.keys {
                        assert!(
                            !b.keys.contains(key),
                            "{:?} bound twice in {:?}",
                            key,
                            a.context
                        );
                    }
                }
            }
        }
    }

    /// The README's key table is the key map's; `UPDATE_README=1 cargo test readme` rewrites it.
    #[test]
    fn readme_key_table_matches_the_key_map() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let (start, end) = ("<!-- keys:start -->\n", "<!-- keys:end -->");
        let a = readme.find(start).expect("README has <!-- keys:start -->") + start.len();
        let b = readme.find(end).expect("README has <!-- keys:end -->");
        let table = markdown_table();
        if readme[a..b] != table && std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{table}{}", &readme[..a], &readme[b..]);
            std::fs::write(path, updated).unwrap();
            return;
        }
        assert_eq!(
            readme[a..b],
            table,
            "README key table is stale: run UPDATE_README=1 cargo test readme"
        );
    }

    #[test]
    fn hints_come_from_the_table() {
        let h = hints(&[Headlines, Global]);
        assert!(h.iter().any(|(k, l)| k == "Enter" && *l == "read"));
        assert!(h.iter().any(|(k, l)| k == "q" && *l == "quit"));
    }
}
