//! The key map: THE key table (`BINDINGS`, in `keymap/bindings.rs`: every binding once, as data
//! `{keys, action, label, description, context}`) and what reads it. Dispatch, the help overlay,
//! the status-bar hints and the README's key table all read the one table, so they cannot disagree.
//!
//! `BINDINGS` holds the default keys (the README's table is made from it); a [`KeyMap`] is the table
//! in force: the same rows, with the keys the config file's `[keys]` gives an action in place of
//! the defaults. The app carries one; dispatch, help and hints read it.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies. Keys go to the open overlay first, then the focused pane, then `Pane`
/// (movement in whichever pane has focus), then `Global`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Overlay,
    /// The `/` query line while it is open (other characters are typed into it).
    Query,
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
    pub const HELP_ORDER: [Self; 9] = [
        Self::Global,
        Self::Pane,
        Self::Headlines,
        Self::Body,
        Self::Query,
        Self::Entities,
        Self::Corpus,
        Self::Quotes,
        Self::Overlay,
    ];

    pub const fn title(self) -> &'static str {
        match self {
            Self::Overlay => "Help and error lists",
            Self::Query => "Search line",
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

mod bindings;

pub use bindings::{BINDINGS, Binding, MOUSE, MOUSE_TITLE};

/// `.`/`,`: stepping through a search's matches.
fn is_match_step(action: &Action) -> bool {
    matches!(action, Action::NextMatch | Action::PrevMatch)
}

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
            KeyCode::F(n) => format!("F{n}"),
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
pub fn help_rows(keys: &KeyMap, width: usize) -> Vec<HelpRow> {
    let mut sections: Vec<(&'static str, Vec<(String, &'static str)>)> = Vec::new();
    for ctx in Context::HELP_ORDER {
        let rows: Vec<(String, &'static str)> = keys
            .rows()
            .filter(|(b, _)| b.context == ctx)
            .map(|(b, keys)| {
                let names = if keys.is_empty() {
                    "(unbound)".to_string()
                } else {
                    keys.iter().map(Key::name).collect::<Vec<_>>().join("/")
                };
                (names, b.description)
            })
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
pub fn help_line_count(keys: &KeyMap, screen_width: u16) -> usize {
    help_rows(keys, help_text_width(screen_width)).len()
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

/// The name of a bindable action in the config file's `[keys]` table; `None` for what no key does
/// (resizes, clicks, analyses).
pub fn action_name(action: &Action) -> Option<&'static str> {
    Some(match action {
        Action::FocusNext => "focus_next",
        Action::FocusPrev => "focus_prev",
        Action::Up => "up",
        Action::Down => "down",
        Action::Top => "top",
        Action::Bottom => "bottom",
        Action::PageDown => "page_down",
        Action::PageUp => "page_up",
        Action::Open => "open",
        Action::Back => "back",
        Action::ToggleHelp => "help",
        Action::ShowErrors => "errors",
        Action::NextMention => "next_mention",
        Action::PrevMention => "prev_mention",
        Action::NextQuote => "next_quote",
        Action::PrevQuote => "prev_quote",
        Action::ToggleFilter => "filter",
        Action::ToggleCorpus => "corpus",
        Action::ToggleQuotes => "quotes",
        Action::TogglePersonQuotes => "person_quotes",
        Action::Search => "search",
        Action::NextMatch => "next_match",
        Action::PrevMatch => "prev_match",
        Action::QueryKeep => "search_keep",
        Action::QueryCancel => "search_cancel",
        Action::QueryBackspace => "search_backspace",
        Action::QueryClear => "search_clear",
        Action::OpenUrl => "open_link",
        Action::CopyUrl => "copy_link",
        Action::Export => "export",
        Action::Refresh => "refresh",
        Action::Quit => "quit",
        Action::Suspend => "suspend",
        Action::ToggleOrder => "sort",
        Action::ToggleRead => "toggle_read",
        Action::ToggleStar => "toggle_star",
        Action::ToggleUnreadView => "unread_only",
        Action::ToggleStarredView => "starred_only",
        _ => return None,
    })
}

/// The action a config file names, if a key can be bound to it.
pub fn action_named(name: &str) -> Option<Action> {
    BINDINGS
        .iter()
        .map(|b| &b.action)
        .find(|a| action_name(a) == Some(name))
        .cloned()
}

/// The keys the table gives `action` (its first row outside the help and error lists): what
/// `config init` writes, and what a config's keys for it replace.
pub fn main_keys(action: &Action) -> &'static [Key] {
    let rows = || BINDINGS.iter().filter(|b| b.action == *action);
    rows()
        .find(|b| b.context != Context::Overlay)
        .or_else(|| rows().next())
        .map_or(&[], |b| b.keys)
}

/// Every bindable action's name, once each, in the help's order (for messages and `config init`).
pub fn action_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for ctx in Context::HELP_ORDER {
        for b in BINDINGS.iter().filter(|b| b.context == ctx) {
            if let Some(name) = action_name(&b.action)
                && !names.contains(&name)
            {
                names.push(name);
            }
        }
    }
    names
}

impl Key {
    /// A key as the config file writes it: a character (`j`, `G`, `?`), `Ctrl-x`, or a name:
    /// `Enter`, `Esc`, `Tab`, `Shift-Tab`, `Backspace`, `Delete`, `Space`, `Up`, `Down`, `Left`,
    /// `Right`, `Home`, `End`, `PgUp`, `PgDn`, `F1`…`F12` (names in any case; `↑` etc. too).
    pub fn parse(text: &str) -> Result<Key, String> {
        let bad = || {
            format!(
                "`{text}` is not a key: write a character (j, G, ?), Ctrl-x, or a name \
                 (Enter, Esc, Tab, Shift-Tab, Backspace, Space, Up, Down, Left, Right, Home, End, \
                 PgUp, PgDn, F1-F12)"
            )
        };
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            let code = match c {
                '↑' => KeyCode::Up,
                '↓' => KeyCode::Down,
                '←' => KeyCode::Left,
                '→' => KeyCode::Right,
                c if c.is_control() => return Err(bad()),
                c => KeyCode::Char(c),
            };
            return Ok(self::code(code));
        }
        let lower = text.to_ascii_lowercase();
        for prefix in ["ctrl-", "ctrl+", "c-"] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                let mut chars = rest.chars();
                return match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_ascii_graphic() => Ok(ctrl(c)),
                    _ => Err(bad()),
                };
            }
        }
        let code = match lower.as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            f if f.starts_with('f') => match f[1..].parse::<u8>() {
                Ok(n @ 1..=12) => KeyCode::F(n),
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        };
        Ok(self::code(code))
    }
}

/// The key table in force: `BINDINGS`' rows with the keys the config gives their actions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyMap {
    /// The keys of each row of `BINDINGS`, same index.
    keys: Vec<Vec<Key>>,
    /// Whether the config changed the row's keys.
    changed: Vec<bool>,
}

impl Default for KeyMap {
    fn default() -> Self {
        Self {
            keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect(),
            changed: vec![false; BINDINGS.len()],
        }
    }
}

impl KeyMap {
    /// The default table with `overrides` applied: the keys given replace the action's main keys
    /// (those of its first row outside the help and error lists) wherever they appear; keys a row
    /// adds of its own stay (`?` and `e` also close the help and error lists). An empty list
    /// unbinds the action.
    pub fn with_overrides(overrides: &[(Action, Vec<Key>)]) -> Self {
        let mut map = Self::default();
        for (action, keys) in overrides {
            let main = main_keys(action);
            for (i, b) in BINDINGS.iter().enumerate() {
                if b.action == *action {
                    let mut row: Vec<Key> = keys.clone();
                    row.extend(
                        b.keys
                            .iter()
                            .filter(|k| !main.contains(k) && !keys.contains(k)),
                    );
                    map.keys[i] = row;
                    map.changed[i] = true;
                }
            }
        }
        map
    }

    /// Every row with its keys in force.
    pub fn rows(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> {
        BINDINGS.iter().zip(self.keys.iter().map(Vec::as_slice))
    }

    /// The action bound to `event` in the first of `contexts` that binds it.
    pub fn lookup(&self, contexts: &[Context], event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        contexts.iter().find_map(|ctx| {
            self.rows()
                .filter(|(b, _)| b.context == *ctx)
                .find(|(_, keys)| keys.iter().any(|key| key.matches(event)))
                .map(|(b, _)| b.action.clone())
        })
    }

    /// The first key of `action` in `context`, spelt for a message ("press o").
    pub fn key_for(&self, context: Context, action: &Action) -> Option<String> {
        self.rows()
            .find(|(b, _)| b.context == context && b.action == *action)
            .and_then(|(_, keys)| keys.first())
            .map(Key::name)
    }

    /// Bindings shown as hints in the status bar for these contexts (first keys only), in order.
    /// The match keys (`.`/`,`) are left out: they are hinted only while there is a search to
    /// step through ([`KeyMap::match_hint`]).
    pub fn hints(&self, contexts: &[Context]) -> Vec<(String, &'static str)> {
        self.hints_where(contexts, |a| !is_match_step(a))
    }

    /// The hint for the match keys ("./, match"), shown while a search is kept.
    pub fn match_hint(&self) -> Option<(String, &'static str)> {
        self.hints_where(&[Context::Global], is_match_step)
            .into_iter()
            .next()
    }

    fn hints_where(
        &self,
        contexts: &[Context],
        include: impl Fn(&Action) -> bool,
    ) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for ctx in contexts {
            for (b, keys) in self.rows().filter(|(b, keys)| {
                b.context == *ctx && !b.label.is_empty() && !keys.is_empty() && include(&b.action)
            }) {
                if out.iter().any(|(_, label)| *label == b.label) {
                    continue;
                }
                let first = keys.first().map(Key::name).unwrap_or_default();
                // Pairs read better together: "n/N mention".
                let partner = match b.action {
                    Action::NextMention => Some(Action::PrevMention),
                    Action::NextQuote => Some(Action::PrevQuote),
                    Action::NextMatch => Some(Action::PrevMatch),
                    Action::Down if *ctx != Context::Overlay => Some(Action::Up),
                    _ => None,
                };
                let keys = match partner.and_then(|p| self.key_for(*ctx, &p)) {
                    Some(second) => format!("{first}/{second}"),
                    None => first,
                };
                out.push((keys, b.label));
            }
        }
        out
    }

    /// Keys that do not do what the table says, after the config's changes: a key bound twice in
    /// one context, or a key the config bound that an earlier context takes first (a pane's own
    /// keys come before "any pane", which comes before "everywhere"). One sentence each.
    pub fn conflicts(&self) -> Vec<String> {
        let chains: [&[Context]; 6] = [
            &[Context::Headlines, Context::Pane, Context::Global],
            &[Context::Body, Context::Pane, Context::Global],
            &[Context::Entities, Context::Pane, Context::Global],
            &[Context::Corpus, Context::Pane, Context::Global],
            &[Context::Quotes, Context::Pane, Context::Global],
            &[Context::Overlay],
        ];
        let rows: Vec<(usize, &Binding, &[Key])> = self
            .rows()
            .enumerate()
            .map(|(i, (b, keys))| (i, b, keys))
            .collect();
        let mut out: Vec<String> = Vec::new();
        let mut say = |line: String| {
            if !out.contains(&line) {
                out.push(line);
            }
        };
        for (n, (i, a, keys_a)) in rows.iter().enumerate() {
            for (j, b, keys_b) in &rows[n + 1..] {
                if !(self.changed[*i] || self.changed[*j]) || a.action == b.action {
                    continue;
                }
                for key in keys_a.iter().filter(|k| keys_b.contains(k)) {
                    let name = action_name(&a.action).unwrap_or("?");
                    let other = action_name(&b.action).unwrap_or("?");
                    if a.context == b.context {
                        say(format!(
                            "key `{}` is bound to both {name} and {other} in {}: {name} wins",
                            key.name(),
                            a.context.title()
                        ));
                        continue;
                    }
                    for chain in chains {
                        let pa = chain.iter().position(|c| *c == a.context);
                        let pb = chain.iter().position(|c| *c == b.context);
                        if let (Some(pa), Some(pb)) = (pa, pb) {
                            let (win, lose, ctx) = if pa < pb {
                                (name, other, a.context)
                            } else {
                                (other, name, b.context)
                            };
                            say(format!(
                                "key `{}` does {win} in {}, so it cannot do {lose} there",
                                key.name(),
                                ctx.title()
                            ));
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Context::{Body, Global, Headlines, Overlay, Pane};

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn overlay_keys_win_over_global_ones() {
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        let map = KeyMap::default();
        let lookup = |c: &[Context], e: &KeyEvent| map.lookup(c, e);
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
        let map = KeyMap::default();
        let lookup = |c: &[Context], e: &KeyEvent| map.lookup(c, e);
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
    fn ctrl_z_suspends_everywhere_and_plain_z_does_not() {
        let map = KeyMap::default();
        let lookup = |c: &[Context], e: &KeyEvent| map.lookup(c, e);
        let ctrl_z = key(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[Overlay], &ctrl_z), Some(Action::Suspend));
        assert_eq!(
            lookup(&[Body, Pane, Global], &ctrl_z),
            Some(Action::Suspend)
        );
        let z = key(KeyCode::Char('z'), KeyModifiers::NONE);
        assert_eq!(lookup(&[Body, Pane, Global], &z), None);
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
        let h = KeyMap::default().hints(&[Headlines, Global]);
        assert!(h.iter().any(|(k, l)| k == "Enter" && *l == "read"));
        assert!(h.iter().any(|(k, l)| k == "q" && *l == "quit"));
    }

    #[test]
    fn overrides_replace_an_actions_keys_everywhere_and_help_hints_follow() {
        let map = KeyMap::with_overrides(&[
            (Action::NextMention, vec![ctrl('n'), k('m')]),
            (Action::PrevMention, vec![k('M')]),
        ]);
        let m = key(KeyCode::Char('m'), KeyModifiers::NONE);
        let n = key(KeyCode::Char('n'), KeyModifiers::NONE);
        let cn = key(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(
            map.lookup(&[Body, Pane, Global], &m),
            Some(Action::NextMention)
        );
        assert_eq!(
            map.lookup(&[Body, Pane, Global], &cn),
            Some(Action::NextMention)
        );
        assert_eq!(map.lookup(&[Body, Pane, Global], &n), None, "n is free now");
        let h = map.hints(&[Body, Global]);
        assert!(
            h.iter().any(|(k, l)| k == "Ctrl-n/M" && *l == "mention"),
            "{h:?}"
        );
        assert!(map.conflicts().is_empty(), "{:?}", map.conflicts());
        assert!(KeyMap::default().conflicts().is_empty());
    }

    #[test]
    fn conflicts_name_the_key_and_both_actions() {
        let map = KeyMap::with_overrides(&[(Action::ToggleCorpus, vec![k('f')])]);
        let c = map.conflicts();
        assert_eq!(
            c,
            ["key `f` is bound to both filter and corpus in Everywhere: filter wins"],
            "{c:?}"
        );
        let map = KeyMap::with_overrides(&[(Action::Quit, vec![k('j')])]);
        let c = map.conflicts();
        assert!(
            c.iter()
                .any(|l| l == "key `j` does down in Any pane, so it cannot do quit there"),
            "{c:?}"
        );
    }

    #[test]
    fn keys_parse_as_the_help_spells_them() {
        for b in BINDINGS {
            for key in b.keys {
                assert_eq!(Key::parse(&key.name()), Ok(*key), "{}", key.name());
            }
        }
        assert_eq!(Key::parse("ctrl-n"), Ok(ctrl('n')));
        assert_eq!(Key::parse("PageDown"), Ok(code(KeyCode::PageDown)));
        assert_eq!(Key::parse("F5"), Ok(code(KeyCode::F(5))));
        assert!(Key::parse("hyper-x").unwrap_err().contains("hyper-x"));
        assert!(Key::parse("").is_err());
        assert!(Key::parse("F13").is_err());
    }

    #[test]
    fn every_bound_action_has_a_config_name() {
        for b in BINDINGS {
            let name = action_name(&b.action).unwrap();
            assert_eq!(action_named(name), Some(b.action.clone()));
        }
    }
}
