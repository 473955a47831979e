//! Fetching feeds and web pages over HTTP(S). Blocking: call it from a worker thread, never from
//! the UI thread.
//!
//! One client (`ureq` 3, rustls) with the limits a reader that follows links from untrusted
//! feeds needs: http and https only (a `file:`, `ftp:` or `javascript:` URL, or a redirect to
//! one, is refused), connect / response / whole-request timeouts, at most 5 redirects, a cap
//! on the body size that also applies after gzip/deflate decoding (a gzip bomb stops at the cap),
//! conditional GET (`If-None-Match` / `If-Modified-Since`; 304 is [`Outcome::NotModified`]), and a
//! User-Agent that names byline.
//!
//! Every failure is a [`FetchError`] naming the URL and the reason in plain words.

mod page;
mod pool;

pub use page::{
    ACCEPT_ANY, ACCEPT_FEED, ACCEPT_PAGE, FeedFetch, fetch_feed, fetch_page, load_url, page_article,
};
pub use pool::{FeedJob, fetch_feeds};

use std::io::Read;
use std::time::Duration;

/// `byline/VERSION (+…)`, sent with every request.
pub const USER_AGENT: &str = concat!(
    "byline/",
    env!("CARGO_PKG_VERSION"),
    " (+https://crates.io/crates/byline; terminal news reader)"
);

/// Limits of one fetch.
#[derive(Clone, Debug)]
pub struct Options {
    /// TCP connect and TLS handshake.
    pub connect_timeout: Duration,
    /// From the request sent to the response headers received.
    pub response_timeout: Duration,
    /// The whole fetch, redirects and body included.
    pub deadline: Duration,
    /// Cap on the body, after decompression.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            response_timeout: Duration::from_secs(20),
            deadline: Duration::from_secs(30),
            max_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

impl Options {
    /// The defaults, with `BYLINE_HTTP_TIMEOUT` (seconds, e.g. `2.5`) as the deadline (and an
    /// upper bound on the other timeouts) when it is set, and `max_bytes` as the cap.
    pub fn from_env(max_bytes: u64) -> Self {
        let mut o = Self {
            max_bytes,
            ..Self::default()
        };
        if let Some(secs) = std::env::var("BYLINE_HTTP_TIMEOUT")
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
        {
            let d = Duration::from_secs_f64(secs.min(3600.0));
            o.deadline = d;
            o.connect_timeout = o.connect_timeout.min(d);
            o.response_timeout = o.response_timeout.min(d);
        }
        o
    }
}

/// Validators from an earlier fetch, sent back so that an unchanged resource costs a 304.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A successful response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The URL asked for.
    pub url: String,
    /// The URL the body came from, after redirects.
    pub final_url: String,
    pub status: u16,
    /// The media type, lowercase, without parameters (`application/rss+xml`).
    pub mime: Option<String>,
    /// The `charset` parameter of `Content-Type`.
    pub charset: Option<String>,
    /// Validators to store for the next conditional fetch.
    pub validators: Validators,
    /// The body, decompressed.
    pub body: Vec<u8>,
}

/// What a fetch yields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 304: unchanged since the validators were given out (the ones to keep are inside).
    NotModified(Validators),
    Fetched(Response),
}

/// A fetch that failed: which URL, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchError {
    pub url: String,
    pub reason: String,
}

impl FetchError {
    pub fn new(url: &str, reason: impl Into<String>) -> Self {
        Self {
            url: crate::article::sanitize::clean_inline(url),
            reason: crate::article::sanitize::clean_inline(&reason.into()),
        }
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.url, self.reason)
    }
}

impl std::error::Error for FetchError {}

/// True for a command-line argument that names a URL rather than a path (`scheme://…`).
pub fn is_url(arg: &str) -> bool {
    arg.split_once("://").is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    }) || arg.to_ascii_lowercase().starts_with("file:")
}

/// Refuses every URL that is not `http://` or `https://`, with the reason.
pub fn check_url(url: &str) -> Result<(), String> {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        if url.trim().len() <= lower.find("://").unwrap_or(0) + 3 {
            return Err("URL has no host".into());
        }
        return Ok(());
    }
    let scheme = lower.split(':').next().unwrap_or("");
    Err(format!(
        "refused: only http:// and https:// URLs are fetched, not {scheme}:"
    ))
}

/// The HTTP client. Cheap to clone; share one across threads (it pools connections).
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    opts: Options,
}

impl Client {
    pub fn new(opts: Options) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(USER_AGENT)
            .timeout_connect(Some(opts.connect_timeout))
            .timeout_recv_response(Some(opts.response_timeout))
            .timeout_global(Some(opts.deadline))
            .build();
        Self {
            agent: config.into(),
            opts,
        }
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// GETs `url`, conditionally when `validators` hold an ETag or a Last-Modified date.
    /// `accept` is the `Accept` header (feeds and pages ask for different things).
    pub fn get(
        &self,
        url: &str,
        validators: &Validators,
        accept: &str,
    ) -> Result<Outcome, FetchError> {
        let url = url.trim();
        check_url(url).map_err(|r| FetchError::new(url, r))?;
        let err = |reason: String| FetchError::new(url, reason);
        let started = std::time::Instant::now();
        let mut current = url.to_string();
        let mut redirects = 0;
        // Redirects are followed here rather than by ureq, so that every hop is checked:
        // a `Location` that is not http(s) is refused, never resolved against the old host.
        let response = loop {
            let left = self
                .opts
                .deadline
                .checked_sub(started.elapsed())
                .filter(|d| !d.is_zero())
                .ok_or_else(|| err(self.timed_out()))?;
            let mut req = self
                .agent
                .get(&current)
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip, deflate");
            if let Some(etag) = &validators.etag {
                req = req.header("If-None-Match", etag);
            }
            if let Some(lm) = &validators.last_modified {
                req = req.header("If-Modified-Since", lm);
            }
            let response = req
                .config()
                .timeout_global(Some(left))
                .build()
                .call()
                .map_err(|e| err(self.describe(&e)))?;
            let status = response.status().as_u16();
            if !matches!(status, 301 | 302 | 303 | 307 | 308) {
                break response;
            }
            let location = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .ok_or_else(|| err(format!("HTTP {status} redirect without a Location")))?;
            redirects += 1;
            if redirects > self.opts.max_redirects {
                return Err(err(format!(
                    "too many redirects (more than {}; a redirect loop?)",
                    self.opts.max_redirects
                )));
            }
            let next = url::Url::parse(&current)
                .and_then(|base| base.join(location))
                .map_err(|e| err(format!("redirected to a bad URL ({location}): {e}")))?;
            check_url(next.as_str()).map_err(|_| {
                err(format!(
                    "refused: redirected to {next}; only http:// and https:// URLs are fetched"
                ))
            })?;
            current = next.to_string();
        };
        let status = response.status().as_u16();
        let final_url = current;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let new_validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        if status == 304 {
            let kept = Validators {
                etag: new_validators.etag.or_else(|| validators.etag.clone()),
                last_modified: new_validators
                    .last_modified
                    .or_else(|| validators.last_modified.clone()),
            };
            return Ok(Outcome::NotModified(kept));
        }
        if !(200..300).contains(&status) {
            let reason = response.status().canonical_reason().unwrap_or("");
            return Err(err(format!("HTTP {status} {reason}")
                .trim_end()
                .to_string()));
        }
        let content_type = header("content-type");
        let (mime, charset) = split_content_type(content_type.as_deref());
        let encoding = header("content-encoding").map(|e| e.to_ascii_lowercase());
        let raw = read_capped(response.into_body().into_reader(), self.opts.max_bytes, "")
            .map_err(|r| err(self.read_error(r)))?;
        let body = decode_body(&raw, encoding.as_deref(), self.opts.max_bytes)
            .map_err(|r| err(self.read_error(r)))?;
        Ok(Outcome::Fetched(Response {
            url: url.to_string(),
            final_url,
            status,
            mime,
            charset,
            validators: new_validators,
            body,
        }))
    }

    fn describe(&self, e: &ureq::Error) -> String {
        match e {
            ureq::Error::Timeout(_) => self.timed_out(),
            ureq::Error::HostNotFound => "host not found".into(),
            ureq::Error::ConnectionFailed => "connection failed".into(),
            ureq::Error::BadUri(u) => format!("refused: bad or unsupported URL ({u})"),
            ureq::Error::RedirectFailed => {
                "refused: redirected to a URL that is not http:// or https://".into()
            }
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => self.timed_out(),
            other => other.to_string(),
        }
    }

    fn timed_out(&self) -> String {
        format!(
            "timed out (no complete answer within {:.1} s)",
            self.opts.deadline.as_secs_f64()
        )
    }

    fn read_error(&self, reason: ReadError) -> String {
        match reason {
            ReadError::TooBig(what) => format!(
                "response is larger than the {} cap{what}",
                crate::source::human_size(self.opts.max_bytes)
            ),
            ReadError::Io(e) if e.contains("imeout") || e.contains("timed out") => self.timed_out(),
            ReadError::Io(e) => format!("reading the response failed: {e}"),
        }
    }
}

enum ReadError {
    /// Over the cap; says whether after decompression.
    TooBig(&'static str),
    Io(String),
}

/// Reads at most `cap` bytes; more is an error rather than a truncation.
fn read_capped(reader: impl Read, cap: u64, what: &'static str) -> Result<Vec<u8>, ReadError> {
    let mut out = Vec::new();
    let mut limited = reader.take(cap.saturating_add(1));
    limited
        .read_to_end(&mut out)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if out.len() as u64 > cap {
        return Err(ReadError::TooBig(what));
    }
    Ok(out)
}

/// Undoes `Content-Encoding: gzip` / `deflate` (zlib-wrapped or raw), stopping at the cap.
fn decode_body(raw: &[u8], encoding: Option<&str>, cap: u64) -> Result<Vec<u8>, ReadError> {
    const AFTER: &str = " after decompression";
    match encoding {
        Some("gzip" | "x-gzip") => read_capped(flate2::read::MultiGzDecoder::new(raw), cap, AFTER),
        Some("deflate") => match read_capped(flate2::read::ZlibDecoder::new(raw), cap, AFTER) {
            Ok(body) => Ok(body),
            Err(ReadError::TooBig(w)) => Err(ReadError::TooBig(w)),
            Err(ReadError::Io(_)) => {
                read_capped(flate2::read::DeflateDecoder::new(raw), cap, AFTER)
            }
        },
        _ => Ok(raw.to_vec()),
    }
}

/// `text/html; charset=ISO-8859-1` → (`text/html`, `ISO-8859-1`).
fn split_content_type(ct: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(ct) = ct else {
        return (None, None);
    };
    let mut parts = ct.split(';');
    let mime = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    });
    (mime, charset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_allowed() {
        assert!(check_url("https://example.org/feed").is_ok());
        assert!(check_url("HTTP://example.org").is_ok());
        for bad in [
            "file:///etc/passwd",
            "ftp://example.org/x",
            "javascript:alert(1)",
            "data:text/html,hi",
            "gopher://x",
            "http://",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
        assert!(
            check_url("file:///etc/passwd")
                .unwrap_err()
                .contains("only http:// and https://")
        );
    }

    #[test]
    fn url_arguments_are_told_from_paths() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("file:///etc/passwd"));
        assert!(is_url("ftp://x/y"));
        assert!(!is_url("news/today.txt"));
        assert!(!is_url("-"));
        assert!(!is_url("weird name://x"));
    }

    #[test]
    fn content_type_is_split() {
        assert_eq!(
            split_content_type(Some("Text/HTML; charset=\"ISO-8859-1\"")),
            (Some("text/html".into()), Some("ISO-8859-1".into()))
        );
        assert_eq!(split_content_type(None), (None, None));
    }

    #[test]
    fn gzip_bombs_stop_at_the_cap() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![b'a'; 4 << 20]).unwrap();
        let bomb = gz.finish().unwrap();
        assert!(bomb.len() < 64 * 1024);
        assert!(matches!(
            decode_body(&bomb, Some("gzip"), 1 << 20),
            Err(ReadError::TooBig(_))
        ));
        assert_eq!(
            decode_body(&bomb, Some("gzip"), 8 << 20)
                .ok()
                .map(|b| b.len()),
            Some(4 << 20)
        );
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(b"hello").unwrap();
        let z = z.finish().unwrap();
        assert_eq!(
            decode_body(&z, Some("deflate"), 100).ok(),
            Some(b"hello".to_vec())
        );
    }

    #[test]
    fn the_user_agent_names_byline() {
        assert!(USER_AGENT.starts_with(concat!("byline/", env!("CARGO_PKG_VERSION"))));
    }
}
