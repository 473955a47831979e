//! What fetched bodies become: a feed's items, or one web page's main article (found by the
//! readability extractor `dom_smoothie`, then turned into text by `article::parse::html`).

use super::{Client, FetchError, Options, Outcome, Response, Validators};
use crate::article::parse::feed::{self, Feed};
use crate::article::parse::html;
use crate::article::parse::markup::{self, Markup};
use crate::article::{Article, Parsed, SourceError};

/// `Accept` for a feed fetch.
pub const ACCEPT_FEED: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
    application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
/// `Accept` for a URL given on the command line: a page or a feed.
pub const ACCEPT_ANY: &str = "text/html, application/xhtml+xml, application/rss+xml, \
    application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8";

/// `Accept` for an item's web page (full text).
pub const ACCEPT_PAGE: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

/// What a feed fetch yields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedFetch {
    /// 304: nothing to do; keep these validators.
    NotModified(Validators),
    /// The feed, where it finally came from, and the validators for next time.
    Fetched {
        feed: Feed,
        final_url: String,
        validators: Validators,
    },
}

/// Fetches and parses a feed. A body that is not a feed (an HTML error or login page served
/// with status 200, say) is an error that says what came instead, and names the feed the page
/// links to, if it links to one.
pub fn fetch_feed(
    client: &Client,
    url: &str,
    validators: &Validators,
) -> Result<FeedFetch, FetchError> {
    let response = match client.get(url, validators, ACCEPT_FEED)? {
        Outcome::NotModified(v) => return Ok(FeedFetch::NotModified(v)),
        Outcome::Fetched(r) => r,
    };
    if !feed::looks_like_feed(&response.body) {
        return Err(FetchError::new(url, not_a_feed(&response)));
    }
    let feed = feed::parse(&response.body, response.charset.as_deref())
        .map_err(|r| FetchError::new(url, r))?;
    Ok(FeedFetch::Fetched {
        feed,
        final_url: response.final_url,
        validators: response.validators,
    })
}

/// Why a body is not a feed, in words.
fn not_a_feed(r: &Response) -> String {
    let mime = r.mime.as_deref().unwrap_or("no content type");
    if markup::sniff(&r.body) == Some(Markup::Html) || mime.contains("html") {
        let (text, _) = crate::article::parse::charset::decode(&r.body, r.charset.as_deref());
        let doc = html::parse(&text);
        let title = doc
            .meta
            .title
            .map(|t| format!(" titled \"{t}\""))
            .unwrap_or_default();
        let hint = doc
            .meta
            .feeds
            .first()
            .map(|f| format!("; the page links to a feed at {f}"))
            .unwrap_or_default();
        return format!(
            "expected a feed but got an HTML page{title} (HTTP {}, {mime}){hint}",
            r.status
        );
    }
    format!(
        "expected a feed but got something else (HTTP {}, {mime})",
        r.status
    )
}

/// Fetches an item's web page and extracts its main article (the full text of a teaser). A
/// body that is not HTML is an error saying what it was.
pub fn fetch_page(client: &Client, url: &str) -> Result<Article, FetchError> {
    let response = match client.get(url, &Validators::default(), ACCEPT_PAGE)? {
        Outcome::Fetched(r) => r,
        Outcome::NotModified(_) => {
            return Err(FetchError::new(url, "HTTP 304 Not Modified to a plain GET"));
        }
    };
    let mime = response.mime.as_deref().unwrap_or("no content type");
    if !(mime.contains("html") || markup::sniff(&response.body) == Some(Markup::Html)) {
        return Err(FetchError::new(
            url,
            format!(
                "expected a web page but got {mime} (HTTP {})",
                response.status
            ),
        ));
    }
    let (text, _) =
        crate::article::parse::charset::decode(&response.body, response.charset.as_deref());
    let article = page_article(&response.final_url, &text);
    if article.blocks.is_empty() {
        return Err(FetchError::new(url, "web page with no readable text"));
    }
    Ok(article)
}

/// The main article of a web page: readability narrows the page to the story, whose HTML then
/// becomes text; a page readability cannot read is read whole. `url` resolves relative links
/// and names the article.
pub fn page_article(url: &str, page: &str) -> Article {
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: 50_000,
        // Keep the classes that mark a photo credit inside a caption.
        classes_to_preserve: html::CREDIT_CLASSES.iter().map(|c| c.to_string()).collect(),
        ..Default::default()
    };
    let extracted = dom_smoothie::Readability::new(page, Some(url), Some(cfg))
        .and_then(|mut r| r.parse())
        .ok()
        .filter(|a| !a.content.trim().is_empty());
    let Some(found) = extracted else {
        let mut a = html::article(url, page);
        a.url.get_or_insert_with(|| url.to_string());
        return a;
    };
    let meta = html::parse_head(page);
    let pieces = html::parse(&found.content).pieces;
    let title = Some(found.title.trim())
        .filter(|t| !t.is_empty())
        .map(html::inline_text);
    let body = html::without_headline(title.as_deref(), &pieces);
    let mut a = html::assemble(url, title.as_deref(), None, body);
    a.byline = a
        .byline
        .or(found.byline.map(|b| html::inline_text(&b)))
        .or(meta.author);
    a.date = found
        .published_time
        .map(|d| html::inline_text(&d))
        .or(meta.published)
        .or(a.date);
    a.outlet = found
        .site_name
        .map(|s| html::inline_text(&s))
        .or(meta.site_name);
    a.url = Some(crate::article::sanitize::clean_inline(url));
    a.understand_date();
    a
}

/// Fetches one URL given on the command line: a feed becomes its items (`URL#1`, `URL#2`…), a
/// web page its main article, plain text an article as a `.txt` file would. Every failure is
/// a `SourceError` naming the URL.
pub fn load_url(url: &str, max_bytes: u64) -> Parsed {
    let client = Client::new(Options::from_env(max_bytes));
    let fail = |e: FetchError| Parsed {
        articles: Vec::new(),
        errors: vec![SourceError::new(&e.url, &e.reason)],
    };
    let response = match client.get(url, &Validators::default(), ACCEPT_ANY) {
        Ok(Outcome::Fetched(r)) => r,
        Ok(Outcome::NotModified(_)) => {
            return fail(FetchError::new(url, "HTTP 304 Not Modified to a plain GET"));
        }
        Err(e) => return fail(e),
    };
    let source = crate::article::sanitize::clean_inline(url);
    let mime = response.mime.as_deref().unwrap_or("");
    let charset = response.charset.as_deref();
    let is_feed = feed::looks_like_feed(&response.body);
    if is_feed {
        let mut parsed = markup::parse(&source, &response.body, charset, Markup::Feed);
        for a in &mut parsed.articles {
            a.understand_date();
        }
        return parsed;
    }
    let is_html = mime.contains("html") || markup::sniff(&response.body) == Some(Markup::Html);
    if is_html {
        if response.body.iter().all(u8::is_ascii_whitespace) {
            return fail(FetchError::new(url, "empty page"));
        }
        let (text, _) = crate::article::parse::charset::decode(&response.body, charset);
        let article = page_article(&response.final_url, &text);
        let mut article = Article {
            source: source.clone(),
            ..article
        };
        if article.blocks.is_empty() {
            return fail(FetchError::new(url, "web page with no readable text"));
        }
        article.url.get_or_insert(source);
        return Parsed {
            articles: vec![article],
            errors: Vec::new(),
        };
    }
    if mime.starts_with("text/") || mime.is_empty() || mime.contains("json") {
        // Plain text, Markdown or JSON articles, read as a file of that name would be.
        let mut parsed = crate::article::parse::parse(&source, &response.body);
        for a in &mut parsed.articles {
            a.url.get_or_insert_with(|| source.clone());
        }
        return parsed;
    }
    fail(FetchError::new(
        url,
        format!("cannot read {mime} as an article or a feed"),
    ))
}
