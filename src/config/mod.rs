//! The config file: a TOML file in the XDG config folder (`~/.config/byline/config.toml`), or the
//! one `--config PATH` or `BYLINE_CONFIG` names. It sets the keys (on the one key table), the
//! theme, the reading width, the date format, OSC 52 copying and the export folder. `byline config
//! init` writes a commented default (`file::default_text`). Read once at start-up, by the binary;
//! the analysis core never sees it.

pub mod file;
pub mod keys;
pub mod theme;

pub use file::{ConfigError, Prefs, default_text, load, resolve_path};
