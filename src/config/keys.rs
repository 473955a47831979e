//! The config file's `[keys]` table: action name → key or list of keys, checked against the key
//! table (`app::keymap`), which applies them.

use crate::app::Action;
use crate::app::keymap::{Key, action_named, action_names};

/// One `[keys]` entry as written.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    fn items(&self) -> Vec<&str> {
        match self {
            Self::One(k) => vec![k.as_str()],
            Self::Many(ks) => ks.iter().map(String::as_str).collect(),
        }
    }
}

/// The `[keys]` table as read, with the place of each name and value in the file.
pub type Table = std::collections::BTreeMap<toml::Spanned<String>, toml::Spanned<KeyList>>;

/// What the config binds: each action with its keys.
pub type Overrides = Vec<(Action, Vec<Key>)>;

/// The actions and their keys; `Err((span of the offending entry, why))`.
pub fn parse(table: &Table) -> Result<Overrides, (std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    for (name, list) in table {
        let Some(action) = action_named(name.get_ref()) else {
            return Err((
                name.span(),
                format!(
                    "unknown action `{}` in [keys]; the actions are: {}",
                    name.get_ref(),
                    action_names().join(", ")
                ),
            ));
        };
        let mut keys = Vec::new();
        for item in list.get_ref().items() {
            let key = Key::parse(item).map_err(|why| (list.span(), why))?;
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        if keys.is_empty() && action == Action::Quit {
            return Err((list.span(), "quit needs at least one key".to_string()));
        }
        out.push((action, keys));
    }
    Ok(out)
}
