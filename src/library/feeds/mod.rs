//! Subscriptions and refresh: the feeds a library follows, and [`refresh`], which fetches them
//! and stores their items as articles.
//!
//! No terminal code here: the command line (`byline feed …`, `byline refresh`) and the reader
//! both call [`refresh`], the reader from a background thread, with their own progress display.
//!
//! # What a refresh does
//!
//! Every chosen feed is fetched ([`fetch::fetch_feeds`], [`PARALLEL_FEEDS`] at a time; a local
//! file is read from disk), conditionally: the ETag / Last-Modified of the last fetch are sent
//! back, and a 304 means nothing to do. Each item is recognised by its GUID, else its link, else
//! its content hash, within its feed: an item seen before with the same content is skipped; one
//! whose content changed replaces the stored text and analysis, keeping read/star state; the
//! rest are new. A teaser (fewer than [`feed::TEASER_WORDS`] words), or every item of a feed added with
//! `full_text`, gets its web page fetched ([`fetch::fetch_page`], [`PARALLEL_PAGES`] at a time)
//! and the page's main article as its text; when that fails the teaser is kept, with a note.
//! Items are analysed on worker threads and each feed's articles are written in one
//! transaction. A feed that fails (network, HTTP status, not a feed, malformed) is reported
//! with its reason and changes nothing already stored; the others go on.

#[cfg(feature = "tui")]
pub mod cli;
mod store;

use super::{ArticleId, Error, Library, Prepared, Result};
use crate::article::parse::feed::{self, Feed, FeedItem, ItemKey};
use crate::article::sanitize::clean_inline;
use crate::fetch::{self, Client, FeedFetch, FeedJob, FetchError, Validators};
use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use store::Ready;

/// Feeds fetched at once.
pub const PARALLEL_FEEDS: usize = 8;
/// Item pages (full text) fetched at once.
pub const PARALLEL_PAGES: usize = 8;

/// One subscription, with what `byline feed list` shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscription {
    pub id: i64,
    pub name: String,
    /// An http(s) URL, or the path of a local feed file.
    pub url: String,
    pub site: Option<String>,
    /// OPML folders, joined with `/`.
    pub category: Option<String>,
    pub full_text: bool,
    pub validators: Validators,
    /// Unix time of the last refresh.
    pub refreshed: Option<i64>,
    /// What the last refresh gave ("3 new, 1 updated", "not modified", or the failure).
    pub result: Option<String>,
    /// Whether the last refresh succeeded.
    pub ok: Option<bool>,
    pub articles: usize,
    pub unread: usize,
}

/// A subscription to add.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewFeed {
    pub name: String,
    pub url: String,
    pub site: Option<String>,
    pub category: Option<String>,
    pub full_text: bool,
}

/// How one feed's refresh went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 304 (or an unchanged local file): nothing to do.
    NotModified,
    Refreshed {
        new: usize,
        updated: usize,
        /// Items already stored, unchanged (or the same text as another stored article).
        unchanged: usize,
        /// Things worth saying that did not stop the feed (full-text pages that failed).
        notes: Vec<String>,
    },
    /// The reason, in plain words. Nothing stored was changed.
    Failed(String),
}

/// One feed's refresh.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub name: String,
    pub url: String,
    pub outcome: Outcome,
}

impl Report {
    /// The result in a few words, as `byline feed list` shows it.
    pub fn describe(&self) -> String {
        match &self.outcome {
            Outcome::NotModified => "not modified".into(),
            Outcome::Refreshed {
                new,
                updated,
                notes,
                ..
            } => {
                let mut s = format!("{new} new, {updated} updated");
                for n in notes {
                    s.push_str("; ");
                    s.push_str(n);
                }
                s
            }
            Outcome::Failed(reason) => format!("failed: {reason}"),
        }
    }
}

/// What [`refresh`] reports as it goes, on the thread that called it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Before anything is fetched: how many feeds there are.
    Started { total: usize },
    /// One feed is done (`done` of `total`).
    Feed {
        done: usize,
        total: usize,
        report: Report,
    },
}

/// What a whole refresh did, feed by feed, in the order they finished.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub feeds: Vec<Report>,
}

impl Summary {
    pub fn new_articles(&self) -> usize {
        self.sum(|new, _| new)
    }

    pub fn updated(&self) -> usize {
        self.sum(|_, updated| updated)
    }

    fn sum(&self, pick: impl Fn(usize, usize) -> usize) -> usize {
        self.feeds
            .iter()
            .map(|r| match r.outcome {
                Outcome::Refreshed { new, updated, .. } => pick(new, updated),
                _ => 0,
            })
            .sum()
    }

    pub fn failed(&self) -> impl Iterator<Item = (&Report, &str)> {
        self.feeds.iter().filter_map(|r| match &r.outcome {
            Outcome::Failed(reason) => Some((r, reason.as_str())),
            _ => None,
        })
    }

    /// True when there were feeds and every one failed.
    pub fn all_failed(&self) -> bool {
        !self.feeds.is_empty() && self.failed().count() == self.feeds.len()
    }

    /// "24 feeds: 143 new, 3 updated, 2 failed".
    pub fn line(&self) -> String {
        let n = self.feeds.len();
        format!(
            "{n} feed{}: {} new, {} updated, {} failed",
            if n == 1 { "" } else { "s" },
            self.new_articles(),
            self.updated(),
            self.failed().count()
        )
    }
}

/// Loads a feed from an http(s) URL or a local file. A local file's modification time and size
/// are its validators: unchanged, it is [`FeedFetch::NotModified`].
pub fn load(
    client: &Client,
    url: &str,
    validators: &Validators,
) -> std::result::Result<FeedFetch, FetchError> {
    if fetch::is_url(url) {
        return fetch::fetch_feed(client, url, validators);
    }
    let path = Path::new(url);
    let meta = std::fs::metadata(path).map_err(|e| FetchError::new(url, e.to_string()))?;
    if meta.is_dir() {
        return Err(FetchError::new(url, "is a folder, not a feed file"));
    }
    let stamp = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| {
            format!(
                "file {}.{:09} {}",
                d.as_secs(),
                d.subsec_nanos(),
                meta.len()
            )
        });
    if stamp.is_some() && stamp == validators.last_modified {
        return Ok(FeedFetch::NotModified(validators.clone()));
    }
    let cap = client.options().max_bytes;
    if meta.len() > cap {
        return Err(FetchError::new(
            url,
            format!("larger than the {} cap", crate::source::human_size(cap)),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| FetchError::new(url, e.to_string()))?;
    if !feed::looks_like_feed(&bytes) {
        return Err(FetchError::new(
            url,
            "not a feed (RSS, Atom or JSON Feed expected)",
        ));
    }
    let parsed = feed::parse(&bytes, None).map_err(|r| FetchError::new(url, r))?;
    Ok(FeedFetch::Fetched {
        feed: parsed,
        final_url: url.to_string(),
        validators: Validators {
            etag: None,
            last_modified: stamp,
        },
    })
}

/// An item to turn into an article.
struct Work {
    existing: Option<ArticleId>,
    item: FeedItem,
}

/// Runs `f` on every element on up to `threads` threads; results in input order.
fn par_map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let out: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    let work = || {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                break;
            };
            mine.push((i, f(item)));
        }
        if let Ok(mut all) = out.lock() {
            all.extend(mine);
        }
    };
    let threads = threads.clamp(1, items.len().max(1));
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    let mut all = out.into_inner().unwrap_or_else(|e| e.into_inner());
    all.sort_unstable_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

/// Turns one fetched feed into stored articles.
fn store_feed(lib: &Library, sub: &Subscription, feed: Feed, client: &Client) -> Result<Outcome> {
    let mut seen = HashSet::new();
    let mut work = Vec::new();
    let mut unchanged = 0;
    for item in feed.items {
        let key = match item.key() {
            ItemKey::Guid(g) => format!("g{g}"),
            ItemKey::Link(l) => format!("l{l}"),
            ItemKey::ContentHash(h) => format!("h{h}"),
        };
        if !seen.insert(key) {
            continue;
        }
        match lib.find_item(&sub.url, &item.key())? {
            Some((_, hash)) if hash == item.content_hash => unchanged += 1,
            Some((id, _)) => work.push(Work {
                existing: Some(id),
                item,
            }),
            None => work.push(Work {
                existing: None,
                item,
            }),
        }
    }
    let pages = work
        .iter()
        .filter(|w| (sub.full_text || w.item.teaser) && w.item.link.is_some())
        .count();
    let threads = if pages > 0 {
        PARALLEL_PAGES.max(cores())
    } else {
        cores()
    };
    let page_failures = Mutex::new(Vec::new());
    // First the articles (with their pages, I/O-bound: more threads than cores)...
    let built = par_map(&work, threads, |w| {
        let item = &w.item;
        let mut article = item.article.clone();
        if let (true, Some(link)) = (sub.full_text || item.teaser, item.link.as_deref()) {
            match fetch::fetch_page(client, link) {
                Ok(page) if !page.text.trim().is_empty() => {
                    article.text = page.text;
                    article.blocks = page.blocks;
                    if article.byline.is_none() {
                        article.byline = page.byline;
                    }
                }
                Ok(_) => note(
                    &page_failures,
                    format!("{link}: the page has no article text"),
                ),
                Err(e) => note(&page_failures, e.to_string()),
            }
        }
        article.source.clone_from(&sub.name);
        article.outlet = Some(sub.name.clone());
        if article.url.is_none() {
            article.url.clone_from(&item.link);
        }
        article
    });
    // ...then, leaving out new items whose text is already stored (from another feed or a
    // file: the library keeps one copy), the analysis on every core.
    let mut todo = Vec::with_capacity(built.len());
    for (w, article) in work.iter().zip(built) {
        if w.existing.is_none() && lib.has_text(&super::content_hash(&article))? {
            unchanged += 1;
        } else {
            todo.push((w, article));
        }
    }
    let ready = par_map(&todo, cores(), |(w, article)| Ready {
        existing: w.existing,
        guid: w.item.guid.clone(),
        item_hash: w.item.content_hash.clone(),
        prepared: Prepared::new(article.clone()),
    });
    let (new, updated, same) = lib.store_items(&sub.url, &ready)?;
    let failures = page_failures
        .into_inner()
        .unwrap_or_else(|e| e.into_inner());
    let mut notes = Vec::new();
    if let Some(first) = failures.first() {
        notes.push(format!(
            "{} page{} not fetched, teaser kept ({first})",
            failures.len(),
            if failures.len() == 1 { "" } else { "s" }
        ));
    }
    Ok(Outcome::Refreshed {
        new,
        updated,
        unchanged: unchanged + same,
        notes,
    })
}

fn note(list: &Mutex<Vec<String>>, text: String) {
    if let Ok(mut l) = list.lock() {
        l.push(clean_inline(&text));
    }
}

/// Refreshes the subscriptions named in `names` (names or URLs; all of them when empty): see
/// the module documentation. `progress` is called on this thread, once with
/// [`Progress::Started`] and once per feed as it is done. A name that is no subscription is
/// reported as a failed feed.
///
/// Blocking (network and disk): call it from a worker thread in an interactive program; open a
/// [`Library`] on that thread. Returns `Err` only for a library error (disk full, say), which
/// stops the refresh; feeds stored before it stay stored.
pub fn refresh(
    lib: &Library,
    names: &[String],
    client: &Client,
    mut progress: impl FnMut(Progress),
) -> Result<Summary> {
    let mut summary = Summary::default();
    let mut subs = Vec::new();
    let mut unknown = Vec::new();
    if names.is_empty() {
        subs = lib.feeds()?;
    } else {
        for n in names {
            match lib.feed(n)? {
                Some(s) if !subs.iter().any(|x: &Subscription| x.id == s.id) => subs.push(s),
                Some(_) => {}
                None => unknown.push(n.clone()),
            }
        }
    }
    let total = subs.len() + unknown.len();
    progress(Progress::Started { total });
    let mut done = 0;
    for n in unknown {
        done += 1;
        let report = Report {
            name: clean_inline(&n),
            url: String::new(),
            outcome: Outcome::Failed("no such subscription (see `byline feed list`)".into()),
        };
        summary.feeds.push(report.clone());
        progress(Progress::Feed {
            done,
            total,
            report,
        });
    }
    let jobs: Vec<FeedJob> = subs
        .iter()
        .map(|s| FeedJob {
            url: s.url.clone(),
            validators: s.validators.clone(),
        })
        .collect();
    let (tx, rx) =
        std::sync::mpsc::channel::<(usize, std::result::Result<FeedFetch, FetchError>)>();
    let mut failed: Option<Error> = None;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let (local, remote): (Vec<usize>, Vec<usize>) =
                (0..jobs.len()).partition(|&i| !fetch::is_url(&jobs[i].url));
            for i in local {
                let job = &jobs[i];
                if tx
                    .send((i, load(client, &job.url, &job.validators)))
                    .is_err()
                {
                    return;
                }
            }
            let remote_jobs: Vec<FeedJob> = remote.iter().map(|&i| jobs[i].clone()).collect();
            fetch::fetch_feeds(client, &remote_jobs, PARALLEL_FEEDS, |k, r| {
                if let Some(&i) = remote.get(k) {
                    let _ = tx.send((i, r));
                }
            });
        });
        for (i, result) in rx.iter() {
            let Some(sub) = subs.get(i) else { continue };
            let (outcome, validators) = match result {
                Err(e) => (Outcome::Failed(clean_inline(&e.reason)), None),
                Ok(FeedFetch::NotModified(v)) => (Outcome::NotModified, Some(v)),
                Ok(FeedFetch::Fetched {
                    feed, validators, ..
                }) => match store_feed(lib, sub, feed, client) {
                    Ok(outcome) => (outcome, Some(validators)),
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                },
            };
            let report = Report {
                name: clean_inline(&sub.name),
                url: clean_inline(&sub.url),
                outcome,
            };
            if let Err(e) = lib.record(sub.id, &report, validators.as_ref()) {
                failed = Some(e);
                break;
            }
            done += 1;
            summary.feeds.push(report.clone());
            progress(Progress::Feed {
                done,
                total,
                report,
            });
        }
    });
    match failed {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

/// A name for a new subscription: the feed's title, else the URL's host, else the file name.
pub fn default_name(url: &str, feed: &Feed) -> String {
    if let Some(t) = feed
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return clean_inline(t);
    }
    if let Ok(u) = url::Url::parse(url)
        && let Some(host) = u.host_str()
    {
        return host.to_string();
    }
    Path::new(url)
        .file_stem()
        .map_or_else(|| url.to_string(), |s| s.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Filter;

    fn rss(second: &str) -> String {
        let body = |w: &str| {
            format!(
                "<p>{}</p>",
                format!("{w} said the plan was sound. ").repeat(20)
            )
        };
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local News</title>\
             <item><title>One</title><guid>1</guid><description><![CDATA[{}]]></description></item>\
             <item><title>Two</title><guid>2</guid><description><![CDATA[{}]]></description></item>\
             </channel></rss>",
            body("Ada Brennan"),
            body(second)
        )
    }

    #[test]
    fn a_local_feed_refreshes_through_the_api() {
        let dir = std::env::temp_dir().join(format!("byline-feeds-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("local.xml");
        std::fs::write(&file, rss("Tom Okafor")).unwrap();
        let lib = Library::open(&dir.join("lib.sqlite")).unwrap();
        let url = file.display().to_string();
        let name = "Local".to_string();
        assert!(
            lib.add_feed(&NewFeed {
                name: name.clone(),
                url: url.clone(),
                ..NewFeed::default()
            })
            .unwrap()
        );
        assert!(
            !lib.add_feed(&NewFeed {
                name: "Other".into(),
                url: url.clone(),
                ..NewFeed::default()
            })
            .unwrap()
        );
        let client = Client::new(fetch::Options::default());
        let mut seen = Vec::new();
        let s = refresh(&lib, &[], &client, |p| seen.push(p)).unwrap();
        assert_eq!(s.line(), "1 feed: 2 new, 0 updated, 0 failed");
        assert!(matches!(seen.first(), Some(Progress::Started { total: 1 })));
        assert!(matches!(
            seen.get(1),
            Some(Progress::Feed {
                done: 1,
                total: 1,
                ..
            })
        ));
        let heads = lib.headlines(&Filter::default()).unwrap();
        assert_eq!(heads.len(), 2);
        assert!(
            heads
                .iter()
                .all(|h| h.source == "Local" && h.outlet.as_deref() == Some("Local"))
        );

        // The same items in another feed: one copy in the library.
        let twin = dir.join("twin.xml");
        std::fs::write(&twin, rss("Tom Okafor")).unwrap();
        let twin = twin.display().to_string();
        lib.add_feed(&NewFeed {
            name: "Twin".into(),
            url: twin.clone(),
            ..NewFeed::default()
        })
        .unwrap();
        let s = refresh(&lib, std::slice::from_ref(&twin), &client, |_| {}).unwrap();
        assert!(matches!(
            s.feeds[0].outcome,
            Outcome::Refreshed {
                new: 0,
                updated: 0,
                unchanged: 2,
                ..
            }
        ));
        assert_eq!(lib.headlines(&Filter::default()).unwrap().len(), 2);
        assert_eq!(
            lib.remove_feed(lib.feed("Twin").unwrap().unwrap().id, true)
                .unwrap(),
            0
        );

        // Unchanged file: not modified.
        let s = refresh(&lib, std::slice::from_ref(&name), &client, |_| {}).unwrap();
        assert_eq!(s.feeds[0].outcome, Outcome::NotModified);

        // The second item changes: updated, read kept.
        let two = heads.iter().find(|h| h.title == "Two").unwrap().id;
        lib.set_read(two, true).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, rss("Mara Lindqvist, the harbour master,")).unwrap();
        let s = refresh(&lib, std::slice::from_ref(&url), &client, |_| {}).unwrap();
        assert_eq!(s.line(), "1 feed: 0 new, 1 updated, 0 failed");
        let stored = lib.article(two).unwrap().unwrap();
        assert!(stored.read);
        assert!(stored.article.text.contains("Mara Lindqvist"));
        assert!(
            stored
                .analysis
                .unwrap()
                .entities
                .iter()
                .any(|e| e.name.contains("Lindqvist"))
        );
        lib.check().unwrap();

        // A file that went away is a failure that changes nothing.
        std::fs::remove_file(&file).unwrap();
        let s = refresh(&lib, &[], &client, |_| {}).unwrap();
        assert!(s.all_failed());
        assert_eq!(lib.headlines(&Filter::default()).unwrap().len(), 2);
        let sub = lib.feed("Local").unwrap().unwrap();
        assert_eq!(sub.ok, Some(false));
        assert_eq!(sub.articles, 2);
        assert_eq!(sub.unread, 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn summaries_count_and_name_feeds() {
        let r = |outcome| Report {
            name: "n".into(),
            url: "u".into(),
            outcome,
        };
        let s = Summary {
            feeds: vec![
                r(Outcome::Refreshed {
                    new: 3,
                    updated: 1,
                    unchanged: 0,
                    notes: vec![],
                }),
                r(Outcome::NotModified),
                r(Outcome::Failed("HTTP 404".into())),
            ],
        };
        assert_eq!(s.line(), "3 feeds: 3 new, 1 updated, 1 failed");
        assert!(!s.all_failed());
        assert!(Summary::default().line().starts_with("0 feeds"));
        assert!(!Summary::default().all_failed());
        assert_eq!(s.feeds[2].describe(), "failed: HTTP 404");
        let feed = Feed {
            format: feed::FeedFormat::Rss2,
            title: None,
            site: None,
            items: vec![],
        };
        assert_eq!(
            default_name("https://news.example/rss", &feed),
            "news.example"
        );
        assert_eq!(default_name("/tmp/saved/gazette.xml", &feed), "gazette");
    }
}
