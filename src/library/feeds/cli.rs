//! `byline feed add|list|remove|import|export` and `byline refresh`. Problems go to stderr as
//! `byline: …`.

use super::{NewFeed, Progress, Subscription, default_name, load};
use crate::article::sanitize::clean_inline;
use crate::cli::{FeedAction, Format};
use crate::fetch::{self, Client, FeedFetch, Options, Validators};
use crate::library::Library;
use crate::library::cli::{listing, open, print};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Runs `byline feed ACTION`.
pub fn feed(action: FeedAction, library: Option<&Path>, max_bytes: u64) -> ExitCode {
    let lib = match open(library) {
        Ok(l) => l,
        Err(code) => return code,
    };
    match action {
        FeedAction::Add {
            url,
            name,
            full_text,
        } => add(&lib, &url, name, full_text, max_bytes),
        FeedAction::List { format } => list(&lib, format),
        FeedAction::Remove { feed, purge } => remove(&lib, &feed, purge),
        FeedAction::Import { opml } => import(&lib, &opml, max_bytes),
        FeedAction::Export => export(&lib),
    }
}

fn fail(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("byline: {e}");
    ExitCode::FAILURE
}

/// A local path as stored: absolute, so that refresh works from any folder.
fn stored_location(arg: &str) -> String {
    if fetch::is_url(arg) {
        return arg.trim().to_string();
    }
    std::path::absolute(arg).map_or_else(|_| arg.to_string(), |p| p.display().to_string())
}

fn add(
    lib: &Library,
    arg: &str,
    name: Option<String>,
    full_text: bool,
    max_bytes: u64,
) -> ExitCode {
    let url = stored_location(arg);
    if let Ok(Some(existing)) = lib.feed(&url) {
        return fail(format!(
            "{} is already subscribed as \"{}\"",
            clean_inline(&url),
            clean_inline(&existing.name)
        ));
    }
    let client = Client::new(Options::from_env(max_bytes));
    let feed = match load(&client, &url, &Validators::default()) {
        Ok(FeedFetch::Fetched { feed, .. }) => feed,
        Ok(FeedFetch::NotModified(_)) => {
            return fail(format!("{}: HTTP 304 to a plain GET", clean_inline(&url)));
        }
        Err(e) => return fail(format!("{e} (not subscribed)")),
    };
    let name = name
        .map(|n| clean_inline(n.trim()))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| default_name(&url, &feed));
    let new = NewFeed {
        name: name.clone(),
        url: url.clone(),
        site: feed.site.clone(),
        category: None,
        full_text,
    };
    match lib.add_feed(&new) {
        Ok(true) => {
            println!(
                "subscribed to \"{name}\" ({}, {} item{}){}; `byline refresh` stores its articles",
                feed.format.name(),
                feed.items.len(),
                if feed.items.len() == 1 { "" } else { "s" },
                if full_text { ", full text" } else { "" }
            );
            ExitCode::SUCCESS
        }
        Ok(false) => fail(format!(
            "a subscription named \"{name}\" exists already; choose another with --name NAME"
        )),
        Err(e) => fail(e),
    }
}

fn when(t: Option<i64>) -> String {
    t.and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map_or_else(
            || "never".to_string(),
            |ts| ts.strftime("%Y-%m-%d %H:%M UTC").to_string(),
        )
}

fn list(lib: &Library, format: Format) -> ExitCode {
    let feeds = match lib.feeds() {
        Ok(f) => f,
        Err(e) => return fail(e),
    };
    if feeds.is_empty() && format != Format::Json {
        eprintln!("byline: no subscriptions yet; add one with `byline feed add URL`");
    }
    let out = listing(
        &feeds,
        format,
        "feeds",
        |f| {
            serde_json::json!({
                "name": f.name,
                "url": f.url,
                "site": f.site,
                "category": f.category,
                "full_text": f.full_text,
                "articles": f.articles,
                "unread": f.unread,
                "refreshed": f.refreshed
                    .and_then(|s| jiff::Timestamp::from_second(s).ok())
                    .map(|t| t.to_string()),
                "ok": f.ok,
                "result": f.result,
            })
        },
        line,
    );
    match print(&out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

fn line(f: &Subscription) -> String {
    format!(
        "{}\n  {}\n  {} article{}, {} unread; last refresh: {}{}\n",
        clean_inline(&f.name),
        clean_inline(&f.url),
        f.articles,
        if f.articles == 1 { "" } else { "s" },
        f.unread,
        when(f.refreshed),
        f.result
            .as_deref()
            .map(|r| format!(" ({})", clean_inline(r)))
            .unwrap_or_default()
    )
}

fn remove(lib: &Library, which: &str, purge: bool) -> ExitCode {
    let found = match lib.feed(which) {
        Ok(None) => lib.feed(&stored_location(which)),
        other => other,
    };
    let sub = match found {
        Ok(Some(s)) => s,
        Ok(None) => return fail(format!("no subscription named {}", clean_inline(which))),
        Err(e) => return fail(e),
    };
    match lib.remove_feed(sub.id, purge) {
        Ok(removed) if purge => {
            let kept = sub.articles.saturating_sub(removed);
            println!(
                "unsubscribed from \"{}\" and removed its {removed} article{}{}",
                clean_inline(&sub.name),
                if removed == 1 { "" } else { "s" },
                if kept > 0 {
                    format!(" ({kept} starred kept)")
                } else {
                    String::new()
                }
            );
            ExitCode::SUCCESS
        }
        Ok(_) => {
            println!(
                "unsubscribed from \"{}\"; its {} article{} in the library \
                 (--purge removes them)",
                clean_inline(&sub.name),
                sub.articles,
                if sub.articles == 1 {
                    " stays"
                } else {
                    "s stay"
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

fn import(lib: &Library, path: &Path, max_bytes: u64) -> ExitCode {
    let read = if path.as_os_str() == "-" {
        let mut v = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin(), max_bytes),
            &mut v,
        )
        .map(|_| v)
    } else {
        std::fs::read(path)
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => return fail(format!("{}: {e}", path.display())),
    };
    let subs = match crate::opml::parse(&bytes) {
        Ok(s) => s,
        Err(e) => return fail(format!("{}: {e}", path.display())),
    };
    let (mut added, mut already, mut refused) = (0, 0, 0);
    for s in subs {
        if let Err(reason) = fetch::check_url(&s.xml_url) {
            eprintln!("byline: {}: {reason}", clean_inline(&s.xml_url));
            refused += 1;
            continue;
        }
        match lib.feed(&s.xml_url) {
            Ok(Some(_)) => {
                already += 1;
                continue;
            }
            Ok(None) => {}
            Err(e) => return fail(e),
        }
        let base = clean_inline(s.title.trim());
        let base = if base.is_empty() {
            s.xml_url.clone()
        } else {
            base
        };
        let mut stored = false;
        for n in 1..100 {
            let name = if n == 1 {
                base.clone()
            } else {
                format!("{base} ({n})")
            };
            let new = NewFeed {
                name,
                url: s.xml_url.clone(),
                site: s.html_url.clone(),
                category: s.category.clone(),
                full_text: false,
            };
            match lib.add_feed(&new) {
                Ok(true) => {
                    stored = true;
                    break;
                }
                Ok(false) => {}
                Err(e) => return fail(e),
            }
        }
        if stored {
            added += 1;
        } else {
            refused += 1;
        }
    }
    println!(
        "subscribed to {added} feed{} from {} ({already} already subscribed{}); \
         `byline refresh` stores their articles",
        if added == 1 { "" } else { "s" },
        path.display(),
        if refused > 0 {
            format!(", {refused} refused")
        } else {
            String::new()
        }
    );
    ExitCode::SUCCESS
}

fn export(lib: &Library) -> ExitCode {
    let feeds = match lib.feeds() {
        Ok(f) => f,
        Err(e) => return fail(e),
    };
    let subs: Vec<crate::opml::Subscription> = feeds
        .into_iter()
        .map(|f| crate::opml::Subscription {
            title: f.name,
            xml_url: f.url,
            html_url: f.site,
            category: f.category,
        })
        .collect();
    match print(&crate::opml::write("byline subscriptions", &subs)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

/// `byline refresh [NAME...]`: a progress bar and a summary line on a terminal, plain lines
/// otherwise; exit status 1 only when every feed failed.
pub fn refresh(library: Option<&Path>, names: &[String], max_bytes: u64) -> ExitCode {
    let lib = match open(library) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let client = Client::new(Options::from_env(max_bytes));
    let tty = std::io::stderr().is_terminal();
    let bar = indicatif::ProgressBar::hidden();
    let result = super::refresh(&lib, names, &client, |p| match p {
        Progress::Started { total } => {
            if tty {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                bar.set_length(total as u64);
                if let Ok(style) =
                    indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} feeds {wide_msg}")
                {
                    bar.set_style(style);
                }
            }
        }
        Progress::Feed { report, .. } => {
            let text = format!("{}: {}", report.name, report.describe());
            if tty {
                bar.inc(1);
                bar.set_message(report.name.clone());
                if matches!(report.outcome, super::Outcome::Failed(_)) {
                    bar.println(format!("byline: {text}"));
                }
            } else if matches!(report.outcome, super::Outcome::Failed(_)) {
                eprintln!("byline: {text}");
            } else {
                println!("{text}");
            }
        }
    });
    bar.finish_and_clear();
    let summary = match result {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    if summary.feeds.is_empty() {
        eprintln!("byline: no subscriptions to refresh; add one with `byline feed add URL`");
        return ExitCode::SUCCESS;
    }
    println!("{}", summary.line());
    if summary.all_failed() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
