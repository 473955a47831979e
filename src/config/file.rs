//! Reading the config file into [`Prefs`], and the commented default `config init` writes.
//! Unknown keys are errors naming the line and the key (serde's `deny_unknown_fields` with the
//! spans toml keeps), never silently ignored.

use super::keys;
use super::theme::{Palette, ThemeSpec, colour_text, parse_colour};
use crate::app::keymap::action_named;
use crate::app::keymap::{Key, KeyMap, action_names, main_keys};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// What the reader takes from the config file (the defaults when there is none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prefs {
    /// The key table in force.
    pub keys: KeyMap,
    /// Keys that do not do what the table says, one sentence each (shown at start).
    pub key_conflicts: Vec<String>,
    pub theme: ThemeSpec,
    /// The widest the article text is wrapped, in columns; `None`: the pane's width.
    pub reading_width: Option<u16>,
    /// How dates are shown (jiff's strftime), in UTC; `None`: as the source gives them.
    pub date_format: Option<String>,
    /// Whether `y` copies with OSC 52.
    pub osc52: bool,
    /// Where `E` writes Markdown.
    pub export_dir: PathBuf,
    /// The config file's path (it may not exist: then these are the defaults).
    pub source: Option<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            keys: KeyMap::default(),
            key_conflicts: Vec::new(),
            theme: ThemeSpec::default(),
            reading_width: None,
            date_format: None,
            osc52: false,
            export_dir: PathBuf::from("."),
            source: None,
        }
    }
}

/// Narrowest `reading_width` accepted.
pub const MIN_READING_WIDTH: u16 = 20;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    reading_width: Option<Spanned<u16>>,
    date_format: Option<Spanned<String>>,
    osc52: Option<bool>,
    export_dir: Option<String>,
    theme: Option<ThemeTable>,
    keys: Option<keys::Table>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeTable {
    name: Option<Spanned<String>>,
    palette: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
}

/// Why the config could not be used: the file, the line when known, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// The config file to read: `--config PATH`, else `BYLINE_CONFIG`, else the XDG config folder's
/// `byline/config.toml`. The flag says whether the path was asked for (so it must exist).
pub fn resolve_path(flag: Option<&Path>, env: Option<&std::ffi::OsStr>) -> Option<(PathBuf, bool)> {
    if let Some(p) = flag {
        return Some((p.to_path_buf(), true));
    }
    if let Some(p) = env.filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    directories::ProjectDirs::from("", "", "byline")
        .map(|d| (d.config_dir().join("config.toml"), false))
}

/// Reads the config at `path`. A file that is not there gives the defaults, unless it was asked
/// for by name (`required`). `no_color` (the `NO_COLOR` convention) makes the theme mono.
pub fn load(path: &Path, required: bool, no_color: bool) -> Result<Prefs, ConfigError> {
    let err = |line, message: String| ConfigError {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut prefs = match std::fs::read(path) {
        Ok(bytes) => {
            let text =
                String::from_utf8(bytes).map_err(|_| err(None, "not UTF-8 text".to_string()))?;
            let mut prefs = parse(&text)
                .map_err(|(span, message)| err(span.map(|s| line_of(&text, s.start)), message))?;
            prefs.source = Some(path.to_path_buf());
            prefs
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Prefs::default(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(err(
                None,
                "no such file (write one with `byline config init`)".to_string(),
            ));
        }
        Err(e) => return Err(err(None, e.to_string())),
    };
    prefs.source = Some(path.to_path_buf());
    if no_color {
        prefs.theme = ThemeSpec::Mono;
    }
    Ok(prefs)
}

fn line_of(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |t| t.matches('\n').count()) + 1
}

type Failure = (Option<Range<usize>>, String);

/// The config text into prefs; `Err((span, why))`.
pub fn parse(text: &str) -> Result<Prefs, Failure> {
    let file: File = toml::from_str(text).map_err(|e| (e.span(), tidy(e.message())))?;
    let mut prefs = Prefs::default();
    if let Some(w) = file.reading_width {
        let width = *w.get_ref();
        if width != 0 && width < MIN_READING_WIDTH {
            return Err((
                Some(w.span()),
                format!(
                    "reading_width = {width} is too narrow: use {MIN_READING_WIDTH} or more \
                     (0: the pane's width)"
                ),
            ));
        }
        prefs.reading_width = (width != 0).then_some(width);
    }
    if let Some(f) = file.date_format {
        let probe = jiff::Timestamp::UNIX_EPOCH.to_zoned_datetime(jiff::tz::TimeZone::UTC);
        jiff::fmt::strtime::format(f.get_ref().as_str(), &probe).map_err(|e| {
            (
                Some(f.span()),
                format!("date_format `{}`: {e}", f.get_ref()),
            )
        })?;
        prefs.date_format = Some(f.into_inner());
    }
    prefs.osc52 = file.osc52.unwrap_or(false);
    if let Some(dir) = file.export_dir {
        prefs.export_dir = expand_home(&dir);
    }
    if let Some(theme) = file.theme {
        let mut palette = Palette::DARK;
        let mut mono = false;
        if let Some(name) = theme.name {
            match name.get_ref().as_str() {
                "dark" => {}
                "light" => palette = Palette::LIGHT,
                "mono" => mono = true,
                other => {
                    return Err((
                        Some(name.span()),
                        format!("theme name `{other}`: use dark, light or mono"),
                    ));
                }
            }
        }
        for (name, colour) in theme.palette.iter().flatten() {
            let Some(slot) = palette.get_mut(name.get_ref()) else {
                let names: Vec<&str> = Palette::NAMES.iter().map(|(n, _)| *n).collect();
                return Err((
                    Some(name.span()),
                    format!(
                        "unknown colour `{}` in [theme.palette]; the colours are: {}",
                        name.get_ref(),
                        names.join(", ")
                    ),
                ));
            };
            *slot = parse_colour(colour.get_ref()).map_err(|why| (Some(colour.span()), why))?;
        }
        prefs.theme = if mono {
            ThemeSpec::Mono
        } else {
            ThemeSpec::Colours(palette)
        };
    }
    if let Some(table) = file.keys {
        let overrides = keys::parse(&table).map_err(|(span, why)| (Some(span), why))?;
        prefs.keys = KeyMap::with_overrides(&overrides);
        prefs.key_conflicts = prefs.keys.conflicts();
    }
    Ok(prefs)
}

/// serde's "unknown field `x`, expected one of …" in the words of a config file.
fn tidy(message: &str) -> String {
    let m = message.trim();
    match m.strip_prefix("unknown field ") {
        Some(rest) => format!("unknown key {rest}"),
        None => m.to_string(),
    }
}

fn expand_home(dir: &str) -> PathBuf {
    if let Some(rest) = dir.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    PathBuf::from(dir)
}

/// The commented default config: every setting with its default value, commented out, so the
/// file changes nothing until a line is uncommented. Made from the key table and the palette, so
/// it names every action and colour there is.
pub fn default_text() -> String {
    let mut out = String::from(
        "# byline's configuration. Every line is commented out and shows the default; uncomment\n\
         # a line to change it. An unknown key is an error that names its line.\n\
         \n\
         # The widest the article text is wrapped, in columns (0: as wide as the pane).\n\
         # reading_width = 0\n\
         \n\
         # How dates are shown, in UTC, as strftime (e.g. \"%Y-%m-%d %H:%M\", \"%a %e %b\");\n\
         # unset: as the source writes them.\n\
         # date_format = \"%Y-%m-%d %H:%M\"\n\
         \n\
         # `y` copies the article's link with OSC 52 (the terminal puts it on the clipboard;\n\
         # over ssh too). Off unless set, as some terminals ask before allowing it.\n\
         # osc52 = false\n\
         \n\
         # Where `E` writes the article as Markdown (~/ is your home folder).\n\
         # export_dir = \".\"\n\
         \n\
         [theme]\n\
         # dark, light or mono (no colour: bold, italic, underline and reverse only).\n\
         # NO_COLOR set in the environment means mono whatever this says.\n\
         # name = \"dark\"\n\
         \n\
         [theme.palette]\n\
         # Any colour of the theme: a name (yellow, lightblue, darkgray…), #rrggbb or 0-255.\n",
    );
    for (name, what) in Palette::NAMES {
        let colour = Palette::DARK.get(name).map(colour_text).unwrap_or_default();
        out.push_str(&format!("# {name} = \"{colour}\"   # {what}\n"));
    }
    out.push_str(
        "\n[keys]\n\
         # An action takes a key (\"x\") or a list of keys ([\"x\", \"Ctrl-x\"]), which replace its\n\
         # keys wherever it is bound; [] unbinds it. Keys: a character (j, G, ?), Ctrl-x, Enter, Esc, Tab,\n\
         # Shift-Tab, Backspace, Space, Up, Down, Left, Right, Home, End, PgUp, PgDn, F1-F12.\n\
         # Conflicts are reported when the reader starts. `?` in the reader lists the keys in force.\n",
    );
    for name in action_names() {
        let keys: Vec<String> = action_named(name)
            .map(|a| {
                main_keys(&a)
                    .iter()
                    .map(|k| format!("{:?}", toml_key(k)))
                    .collect()
            })
            .unwrap_or_default();
        out.push_str(&format!("# {name} = [{}]\n", keys.join(", ")));
    }
    out
}

/// A key as the config writes it (`Key::parse` reads it back).
fn toml_key(key: &Key) -> String {
    use crossterm::event::KeyCode;
    match key.code {
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        _ => key.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;

    fn uncommented(text: &str) -> String {
        text.lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|r| r.contains(" = "))
                    .unwrap_or(l)
            })
            .map(|l| if l.starts_with('#') { "" } else { l })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_default_file_changes_nothing_commented_or_not() {
        let text = default_text();
        assert_eq!(parse(&text).unwrap(), Prefs::default());
        let all = uncommented(&text);
        assert!(all.contains("\nnext_mention = [\"n\"]"), "{all}");
        let prefs = parse(&all).unwrap_or_else(|e| panic!("{e:?}\n{all}"));
        assert!(prefs.key_conflicts.is_empty(), "{:?}", prefs.key_conflicts);
        assert_eq!(prefs.theme, ThemeSpec::Colours(Palette::DARK));
        assert_eq!(prefs.reading_width, None);
        assert!(!prefs.osc52);
        // Every default key still does what it did.
        let default = KeyMap::default();
        for ((b, a), (_, k)) in default.rows().zip(prefs.keys.rows()) {
            let mut a = a.to_vec();
            let mut k = k.to_vec();
            a.sort_by_key(Key::name);
            k.sort_by_key(Key::name);
            assert_eq!(a, k, "{}", b.description);
        }
    }

    #[test]
    fn settings_are_read() {
        let prefs = parse(
            "reading_width = 80\nosc52 = true\ndate_format = \"%d %b %Y\"\nexport_dir = \"/tmp/x\"\n\
             [theme]\nname = \"light\"\n[theme.palette]\nquote = \"#ff0000\"\n\
             [keys]\nnext_mention = [\"Ctrl-n\", \"m\"]\nquit = \"x\"\n",
        )
        .unwrap();
        assert_eq!(prefs.reading_width, Some(80));
        assert!(prefs.osc52);
        assert_eq!(prefs.date_format.as_deref(), Some("%d %b %Y"));
        assert_eq!(prefs.export_dir, PathBuf::from("/tmp/x"));
        let mut palette = Palette::LIGHT;
        palette.quote = ratatui::style::Color::Rgb(255, 0, 0);
        assert_eq!(prefs.theme, ThemeSpec::Colours(palette));
        let m = crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('m'),
            crossterm::event::KeyModifiers::NONE,
        );
        assert_eq!(
            prefs.keys.lookup(&[crate::app::Context::Global], &m),
            Some(Action::NextMention)
        );
    }

    #[test]
    fn unknown_keys_are_errors_naming_the_line_and_the_key() {
        let cases = [
            ("osc52 = true\ncolour = \"red\"\n", 2, "colour"),
            ("[theme]\nname = \"dark\"\nfont = 3\n", 3, "font"),
            (
                "[theme.palette]\n\nquote = \"red\"\nqoute = \"red\"\n",
                4,
                "qoute",
            ),
            ("[keys]\nnext_mention = \"m\"\njump = \"x\"\n", 3, "jump"),
            ("[keys]\nquit = \"hyper-q\"\n", 2, "hyper-q"),
            ("[theme]\nname = \"solarized\"\n", 2, "solarized"),
            ("reading_width = 5\n", 1, "reading_width"),
            ("date_format = \"%Y %\"\n", 1, "date_format"),
            (
                "[theme.palette]\nquote = \"ultraviolet\"\n",
                2,
                "ultraviolet",
            ),
            ("osc52 = \"yes\"\n", 1, "osc52"),
        ];
        for (text, line, word) in cases {
            let dir = std::env::temp_dir().join(format!("byline-config-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(format!("c{line}{word}.toml"));
            std::fs::write(&path, text).unwrap();
            let e = load(&path, true, false).unwrap_err();
            assert_eq!(e.line, Some(line), "{text:?}: {e}");
            assert!(e.to_string().contains(word), "{text:?}: {e}");
            assert!(e.to_string().contains(&path.display().to_string()));
            std::fs::remove_file(&path).unwrap();
        }
    }

    #[test]
    fn a_missing_file_is_the_defaults_unless_asked_for_and_no_color_is_mono() {
        let path = std::env::temp_dir().join("byline-config-missing-7b1f/config.toml");
        let prefs = load(&path, false, false).unwrap();
        assert_eq!(prefs.source.as_deref(), Some(path.as_path()));
        assert_eq!(
            Prefs {
                source: None,
                ..prefs
            },
            Prefs::default()
        );
        assert!(
            load(&path, true, false)
                .unwrap_err()
                .message
                .contains("config init")
        );
        assert_eq!(load(&path, false, true).unwrap().theme, ThemeSpec::Mono);
        let p = Path::new("/x/c.toml");
        assert_eq!(
            resolve_path(Some(p), Some("/y".as_ref())),
            Some((p.into(), true))
        );
        assert_eq!(
            resolve_path(None, Some("/y".as_ref())),
            Some((PathBuf::from("/y"), true))
        );
    }

    /// The README shows the default file; `UPDATE_README=1 cargo test readme` rewrites it.
    #[test]
    fn readme_shows_the_default_config() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let (start, end) = (
            "<!-- config:start -->\n```toml\n",
            "```\n<!-- config:end -->",
        );
        let a = readme
            .find(start)
            .expect("README has <!-- config:start -->")
            + start.len();
        let b = readme.find(end).expect("README has <!-- config:end -->");
        let text = default_text();
        if readme[a..b] != text && std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(path, format!("{}{text}{}", &readme[..a], &readme[b..])).unwrap();
            return;
        }
        assert_eq!(
            readme[a..b],
            text,
            "README's config file is stale: run UPDATE_README=1 cargo test readme"
        );
    }

    #[test]
    fn conflicts_come_back_with_the_prefs() {
        let prefs = parse("[keys]\ncorpus = \"f\"\n").unwrap();
        assert_eq!(prefs.key_conflicts.len(), 1, "{:?}", prefs.key_conflicts);
        assert!(prefs.key_conflicts[0].contains("`f`"));
    }
}
