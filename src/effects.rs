//! Running the app's [`Effect`]s for the binary: the browser and file writes on threads of their
//! own (each reports back with `Action::Done`), the OSC 52 copy as one small write to the terminal
//! between two frames (it goes through the same stdout as the frames, so it cannot cut into one).
//! The feed refresh (`R`) runs on a thread of its own with its own library connection and
//! reports its progress as `Action::RefreshProgress`, its end as `Action::RefreshDone`.

use crate::app::{Action, Effect, Message};
use crate::article::sanitize::flat;
use crate::event::Msg;
use base64::Engine;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::thread;

/// Where the feed refresh works: the library file and the size cap for a fetched body.
#[derive(Clone, Debug)]
pub struct Feeds {
    pub library: PathBuf,
    pub max_bytes: u64,
}

/// The runner the binary gives the app (`App::set_effect_runner`); `feeds` is `None` when the
/// reader is not over the library.
pub fn runner(tx: Sender<Msg>, feeds: Option<Feeds>) -> Box<dyn FnMut(Effect)> {
    Box::new(move |effect| {
        let refresh_tx = tx.clone();
        let tx = tx.clone();
        let done = move |m: Message| {
            let _ = tx.send(Msg::Action(Action::Done(m)));
        };
        match effect {
            Effect::OpenUrl(url) => {
                thread::spawn(move || done(open(&url)));
            }
            Effect::Write {
                dir,
                stem,
                contents,
            } => {
                thread::spawn(move || {
                    done(match write_new(&dir, &stem, &contents) {
                        Ok(path) => Message::info(format!("wrote {}", path.display())),
                        Err(e) => {
                            Message::problem(format!("could not write into {}: {e}", dir.display()))
                        }
                    })
                });
            }
            Effect::RefreshFeeds => {
                let tx = refresh_tx;
                let Some(feeds) = feeds.clone() else {
                    let _ = tx.send(Msg::Action(Action::RefreshDone(Message::info(
                        "R refreshes the library's feeds: run byline without file names",
                    ))));
                    return;
                };
                let reporter = tx.clone();
                let spawned =
                    thread::Builder::new()
                        .name("byline-refresh".into())
                        .spawn(move || {
                            let message = refresh(&feeds, |done, total| {
                                let _ =
                                    tx.send(Msg::Action(Action::RefreshProgress { done, total }));
                            });
                            let _ = tx.send(Msg::Action(Action::RefreshDone(message)));
                        });
                if let Err(e) = spawned {
                    let _ = reporter.send(Msg::Action(Action::RefreshDone(Message::problem(
                        format!("could not start the refresh: {e}"),
                    ))));
                }
            }
            Effect::Copy(text) => {
                let mut out = std::io::stdout();
                if let Err(e) = out
                    .write_all(osc52(&text).as_bytes())
                    .and_then(|()| out.flush())
                {
                    done(Message::problem(format!("could not copy: {e}")));
                }
            }
        }
    })
}

/// Refreshes every feed of the library (blocking: call it on a thread of its own), calling
/// `progress(done, total)` as feeds finish; says how it went.
pub fn refresh(feeds: &Feeds, mut progress: impl FnMut(usize, usize)) -> Message {
    let lib = match crate::library::Library::open(&feeds.library) {
        Ok(l) => l,
        Err(e) => return Message::problem(format!("could not refresh the feeds: {e}")),
    };
    let client = crate::fetch::Client::new(crate::fetch::Options::from_env(feeds.max_bytes));
    let result = crate::library::feeds::refresh(&lib, &[], &client, |p| match p {
        crate::library::feeds::Progress::Started { total } => progress(0, total),
        crate::library::feeds::Progress::Feed { done, total, .. } => progress(done, total),
    });
    summary_message(result)
}

/// The status-bar message for a finished refresh.
pub fn summary_message(result: crate::library::Result<crate::library::feeds::Summary>) -> Message {
    match result {
        Ok(s) if s.feeds.is_empty() => Message::info("no feeds: add one with byline feed add URL"),
        Ok(s) if s.failed().count() > 0 => Message::problem(s.line()),
        Ok(s) => Message::info(s.line()),
        Err(e) => Message::problem(format!("the refresh stopped: {e}")),
    }
}

/// Browsers that run inside the terminal: handed a link while the reader runs, they would draw
/// over it and read its keys.
const TERMINAL_BROWSERS: [&str; 8] = [
    "lynx", "links", "links2", "elinks", "w3m", "eww", "netrik", "retawq",
];

/// The terminal browser `$BROWSER` would run first, if it is one.
pub fn terminal_browser(browser: Option<&std::ffi::OsStr>) -> Option<String> {
    let browser = browser?.to_string_lossy().into_owned();
    let first = browser.split(':').find(|b| !b.trim().is_empty())?;
    let command = first.split_whitespace().next()?;
    let name = Path::new(command)
        .file_name()?
        .to_string_lossy()
        .into_owned();
    TERMINAL_BROWSERS.contains(&name.as_str()).then_some(name)
}

/// Opens `url` in the browser (`$BROWSER` first, then the desktop's default); says how it went.
pub fn open(url: &str) -> Message {
    if let Some(name) = terminal_browser(std::env::var_os("BROWSER").as_deref()) {
        return Message::problem(format!(
            "not opening {}: $BROWSER is {name}, which would need this terminal; set it to a \
             graphical browser",
            flat(url, 120)
        ));
    }
    match webbrowser::open(url) {
        Ok(()) => Message::info(format!("opened {}", flat(url, 200))),
        Err(e) => Message::problem(format!(
            "could not open {}: {e} (set $BROWSER to your browser)",
            flat(url, 120)
        )),
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// Writes `contents` to `dir/stem.md`, or `stem-2.md`, `stem-3.md`… if taken: never over a file.
pub fn write_new(dir: &Path, stem: &str, contents: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    for n in 1..=999 {
        let name = if n == 1 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{n}.md")
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(contents.as_bytes())?;
                f.write_all(b"\n")?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "{stem}.md to {stem}-999.md are all taken"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_between_the_markers() {
        assert_eq!(osc52("https://a.b/"), "\x1b]52;c;aHR0cHM6Ly9hLmIv\x07");
    }

    #[test]
    fn terminal_browsers_are_told_apart() {
        let t = |s: &str| terminal_browser(Some(s.as_ref()));
        assert_eq!(t("/usr/bin/w3m"), Some("w3m".into()));
        assert_eq!(
            t("lynx -accept_all_cookies %s:firefox"),
            Some("lynx".into())
        );
        assert_eq!(t("firefox:lynx"), None);
        assert_eq!(t("/tmp/record-url"), None);
        assert_eq!(t(""), None);
        assert_eq!(terminal_browser(None), None);
    }

    #[test]
    fn a_refresh_ends_with_its_summary_line_or_says_there_are_no_feeds() {
        use crate::library::feeds::{Outcome, Report, Summary};
        assert_eq!(
            summary_message(Ok(Summary::default())).text(),
            "no feeds: add one with byline feed add URL"
        );
        let report = |outcome| Report {
            name: "a".into(),
            url: String::new(),
            outcome,
        };
        let ok = Summary {
            feeds: vec![report(Outcome::NotModified)],
        };
        let m = summary_message(Ok(ok.clone()));
        assert_eq!(
            (m.text(), m.level()),
            (ok.line().as_str(), crate::app::Level::Info)
        );
        let failed = Summary {
            feeds: vec![report(Outcome::Failed("timed out".into()))],
        };
        let m = summary_message(Ok(failed.clone()));
        assert_eq!(m.text(), failed.line());
        assert_eq!(m.level(), crate::app::Level::Problem);
    }

    #[test]
    fn writes_never_replace_a_file() {
        let dir = std::env::temp_dir().join(format!("byline-export-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let a = write_new(&dir, "story", "one").unwrap();
        let b = write_new(&dir, "story", "two").unwrap();
        assert_eq!(a, dir.join("story.md"));
        assert_eq!(b, dir.join("story-2.md"));
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "one\n");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "two\n");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
