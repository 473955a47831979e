//! Feeds and web pages over HTTP, from a server the tests start on 127.0.0.1 (no other
//! network), and feed files read offline: the real binary (`byline analyze URL…`) and the
//! library's fetch API, on fixtures under `tests/fixtures/web/` and on hostile servers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[allow(dead_code)]
mod common;
mod http;

use byline::fetch::{self, Client, FeedFetch, Options, Outcome, Validators};
use http::{Reply, Server, serve};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(common::root().join("tests/fixtures/web").join(name)).unwrap()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

// ---------------------------------------------------------------------------------------------
// Running the binary, with the HTTP timeout set for it and a hard limit on its run.

fn byline_env(args: &[&str], env: &[(&str, &str)], limit: Duration) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.args(args)
        .current_dir(common::root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("BYLINE_HTTP_TIMEOUT")
        .env("BYLINE_LIBRARY", common::test_library());
    for (k, v) in env {
        cmd.env(k, v);
    }
    common::collect(cmd.spawn().unwrap(), args, limit)
}

fn analyze(args: &[&str]) -> (Value, String, Option<i32>) {
    let mut all = vec!["analyze", "--format", "json"];
    all.extend_from_slice(args);
    let out = byline_env(&all, &[], Duration::from_secs(60));
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        json,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

fn articles(json: &Value) -> Vec<Value> {
    json["articles"].as_array().cloned().unwrap_or_default()
}

fn field<'a>(a: &'a Value, k: &str) -> &'a str {
    a[k].as_str().unwrap_or("")
}

/// The text of a block or quote, by its byte offsets.
fn span_text<'a>(a: &'a Value, v: &Value) -> &'a str {
    let text = field(a, "text");
    let (s, e) = (
        v["start"].as_u64().unwrap() as usize,
        v["end"].as_u64().unwrap() as usize,
    );
    text.get(s..e).unwrap()
}

fn blocks(a: &Value) -> Vec<(String, String)> {
    a["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (field(b, "kind").to_string(), span_text(a, b).to_string()))
        .collect()
}

/// Asserts the text holds nothing a terminal would act on.
fn assert_inert(s: &str) {
    assert!(
        !s.chars().any(|c| (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
        "not inert: {s:?}"
    );
}

// ---------------------------------------------------------------------------------------------

fn news_server() -> Server {
    serve(|req| match req.path.as_str() {
        "/gazette.xml" => Reply::new(200, "application/rss+xml", fixture("gazette-rss2.xml")),
        "/atom" => Reply::new(200, "application/atom+xml", fixture("wire-atom.xml")),
        "/notes.json" => Reply::new(200, "application/feed+json", fixture("notes-jsonfeed.json")),
        "/osaka" => Reply::new(200, "text/html; charset=utf-8", fixture("news-page.html")),
        "/gz.xml" => Reply::new(
            200,
            "application/rss+xml",
            gzip(&fixture("gazette-rss2.xml")),
        )
        .header("Content-Encoding", "gzip"),
        _ => Reply::new(404, "text/plain", "no such page"),
    })
}

#[test]
fn feeds_over_http_open_as_their_items() {
    let server = news_server();
    let (rss, atom, json) = (
        server.url("/gazette.xml"),
        server.url("/atom"),
        server.url("/notes.json"),
    );
    let (out, stderr, code) = analyze(&[&rss, &atom, &json]);
    assert_eq!(code, Some(0), "{stderr}");
    let arts = articles(&out);
    let sources: Vec<&str> = arts.iter().map(|a| field(a, "source")).collect();
    assert_eq!(
        sources,
        [
            format!("{rss}#1"),
            format!("{rss}#2"),
            format!("{atom}#1"),
            format!("{json}#1"),
            format!("{json}#2"),
        ]
    );
    let dam = &arts[0];
    assert_eq!(field(dam, "headline"), "Douro dam opens as river rises");
    assert_eq!(field(dam, "byline"), "Ana Lima");
    assert_eq!(field(dam, "outlet"), "The Harbour Gazette");
    assert_eq!(
        field(dam, "url"),
        "https://gazette.example/2026/03/02/douro-dam"
    );
    assert_eq!(field(dam, "date"), "2026-03-02T10:00:00+00:00");
    let text = field(dam, "text");
    assert!(!text.contains("Advertisement") && !text.contains("trackView"));
    assert!(!text.contains("&quot;") && !text.contains("<p>"));
    // The quote written with &quot; is found, with its speaker.
    let quotes: Vec<(&str, &str, &str)> = dam["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (field(q, "kind"), span_text(dam, q), field(q, "speaker")))
        .collect();
    assert!(
        quotes.contains(&(
            "direct",
            "\"This is a great day for the valley,\"",
            "rui-costa"
        )),
        "{quotes:?}"
    );
    let kinds = blocks(dam);
    assert!(kinds.contains(&("caption".into(), "The Douro dam at dawn on Monday.".into())));
    assert!(kinds.contains(&("credit".into(), "Tom Berg/Harbour Gazette".into())));
    assert!(
        kinds
            .iter()
            .any(|(k, t)| k == "blockquote" && t.contains("next hundred years"))
    );
    // Atom with xhtml content: the figure caption and its marked credit.
    let walkout = &arts[2];
    assert_eq!(
        field(walkout, "headline"),
        "Rail drivers walk out & stations close"
    );
    assert!(blocks(walkout).contains(&("credit".into(), "Ana Lima/Northline Wire".into())));
    assert_eq!(field(walkout, "dateline"), "LISBON (Northline Wire)");
    // JSON Feed: HTML content and plain text content.
    assert_eq!(field(&arts[3], "byline"), "Zoë Brontë");
    assert!(
        field(&arts[4], "text").ends_with("A short note in plain text.\n\nIt has two paragraphs.")
    );

    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    for r in &reqs {
        let ua = r.header("user-agent").unwrap_or("");
        assert!(
            ua.starts_with(concat!("byline/", env!("CARGO_PKG_VERSION"))),
            "{ua}"
        );
        assert!(r.header("accept-encoding").unwrap_or("").contains("gzip"));
    }
}

#[test]
fn a_web_page_opens_as_its_main_article() {
    let server = news_server();
    let url = server.url("/osaka");
    let (out, stderr, code) = analyze(&[&url]);
    assert_eq!(code, Some(0), "{stderr}");
    let arts = articles(&out);
    assert_eq!(arts.len(), 1);
    let a = &arts[0];
    assert_eq!(field(a, "source"), url);
    assert_eq!(field(a, "headline"), "Osaka mayor sets out flood plan");
    assert_eq!(field(a, "byline"), "Kenji Mori");
    assert_eq!(field(a, "date"), "2026-03-03T07:15:00Z");
    assert_eq!(field(a, "outlet"), "The Harbour Gazette");
    let text = field(a, "text");
    for junk in [
        "Advertisement",
        "Skip to content",
        "Business",
        "Share on social",
        "morning briefing",
        "All rights reserved",
        "dataLayer",
        "font-family",
        "Related",
    ] {
        assert!(!text.contains(junk), "{junk:?} in {text}");
    }
    let kinds = blocks(a);
    assert!(
        kinds.contains(&(
            "caption".into(),
            "Workers repair the sea wall in Osaka's harbour district.".into()
        )),
        "{kinds:?}"
    );
    assert!(kinds.contains(&("credit".into(), "Yuki Tanaka/Harbour Gazette".into())));
    assert!(
        kinds
            .iter()
            .any(|(k, t)| k == "blockquote" && t.contains("walking distance"))
    );
    let speakers: Vec<&str> = a["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| field(q, "speaker"))
        .collect();
    assert!(speakers.contains(&"hana-sato"), "{speakers:?}");
    assert!(speakers.contains(&"ren-ito"), "{speakers:?}");
}

#[test]
fn a_gzipped_feed_is_decoded() {
    let server = news_server();
    let (out, stderr, code) = analyze(&[&server.url("/gz.xml")]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(articles(&out).len(), 2);
}

#[test]
fn conditional_get_turns_into_not_modified() {
    let server = serve(|req| {
        if req.header("if-none-match") == Some("\"v1\"")
            || req.header("if-modified-since") == Some("Sun, 01 Mar 2026 10:00:00 GMT")
        {
            return Reply::new(304, "application/rss+xml", Vec::new()).header("ETag", "\"v1\"");
        }
        Reply::new(200, "application/rss+xml", fixture("gazette-rss2.xml"))
            .header("ETag", "\"v1\"")
            .header("Last-Modified", "Sun, 01 Mar 2026 10:00:00 GMT")
    });
    let client = Client::new(Options::default());
    let url = server.url("/feed");
    let first = fetch::fetch_feed(&client, &url, &Validators::default()).unwrap();
    let FeedFetch::Fetched {
        feed, validators, ..
    } = first
    else {
        panic!("expected the feed: {first:?}");
    };
    assert_eq!(feed.items.len(), 2);
    assert_eq!(feed.items[0].guid.as_deref(), Some("gazette-2026-1001"));
    assert_eq!(validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(
        validators.last_modified.as_deref(),
        Some("Sun, 01 Mar 2026 10:00:00 GMT")
    );
    let again = fetch::fetch_feed(&client, &url, &validators).unwrap();
    assert_eq!(again, FeedFetch::NotModified(validators.clone()));
    // Last-Modified alone is enough.
    let lm_only = Validators {
        etag: None,
        last_modified: validators.last_modified.clone(),
    };
    assert!(matches!(
        client.get(&url, &lm_only, "*/*").unwrap(),
        Outcome::NotModified(_)
    ));
    let reqs = server.requests();
    assert_eq!(reqs[1].header("if-none-match"), Some("\"v1\""));
}

#[test]
fn a_slow_server_times_out_with_the_url_named() {
    let server = serve(|_| {
        let mut r = Reply::new(200, "application/rss+xml", fixture("gazette-rss2.xml"));
        r.delay = Duration::from_secs(30);
        r
    });
    let url = server.url("/slow.xml");
    let started = Instant::now();
    let out = byline_env(
        &["analyze", &url],
        &[("BYLINE_HTTP_TIMEOUT", "1")],
        Duration::from_secs(20),
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("byline: {url}: timed out")),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn hostile_servers_get_clear_messages() {
    let big = "<rss version=\"2.0\"><channel><title>Big</title>".to_string()
        + &"<item><title>x</title></item>".repeat(10_000)
        + "</channel></rss>";
    let bomb = gzip(&vec![b' '; 40 << 20]);
    let server = serve(move |req| match req.path.as_str() {
        "/big" => Reply::new(200, "application/rss+xml", big.clone()),
        "/bomb" => {
            Reply::new(200, "application/rss+xml", bomb.clone()).header("Content-Encoding", "gzip")
        }
        "/loop" => Reply::new(302, "text/plain", "").header("Location", "/loop"),
        "/to-file" => Reply::new(302, "text/plain", "").header("Location", "file:///etc/passwd"),
        "/malformed" => Reply::new(200, "application/rss+xml", fixture("malformed.xml")),
        "/missing" => Reply::new(404, "text/html", "<h1>Not found</h1>"),
        _ => Reply::new(200, "text/plain", "x"),
    });
    let cases = [
        ("/big", "response is larger than the 64 KiB cap"),
        ("/bomb", "larger than the 64 KiB cap after decompression"),
        ("/loop", "too many redirects"),
        ("/to-file", "refused: redirected to file:///etc/passwd"),
        ("/malformed", "not a valid feed: "),
        ("/missing", "HTTP 404 Not Found"),
    ];
    let urls: Vec<String> = cases.iter().map(|(p, _)| server.url(p)).collect();
    let mut args = vec!["analyze", "--max-bytes", "64K"];
    args.extend(urls.iter().map(String::as_str));
    args.push("tests/fixtures/web/gazette-rss2.xml");
    let started = Instant::now();
    let out = byline_env(&args, &[], Duration::from_secs(60));
    assert!(started.elapsed() < Duration::from_secs(30));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for ((_, reason), url) in cases.iter().zip(&urls) {
        let line = stderr
            .lines()
            .find(|l| l.starts_with(&format!("byline: {url}: ")))
            .unwrap_or_else(|| panic!("no message for {url}: {stderr}"));
        assert!(line.contains(reason), "{line:?} should say {reason:?}");
    }
    // The local feed beside them still opened.
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Douro dam opens as river rises"));
    assert!(!stdout.contains("root:"));
}

#[test]
fn non_http_schemes_are_refused() {
    let out = byline_env(
        &[
            "analyze",
            "file:///etc/passwd",
            "ftp://127.0.0.1/x",
            "gopher://127.0.0.1/",
        ],
        &[],
        Duration::from_secs(20),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (url, scheme) in [
        ("file:///etc/passwd", "file:"),
        ("ftp://127.0.0.1/x", "ftp:"),
        ("gopher://127.0.0.1/", "gopher:"),
    ] {
        assert!(
            stderr.contains(&format!(
                "byline: {url}: refused: only http:// and https:// URLs are fetched, not {scheme}"
            )),
            "{stderr}"
        );
    }
    assert!(!String::from_utf8_lossy(&out.stdout).contains("root:"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_html_error_page_where_a_feed_was_expected_is_reported() {
    let server = serve(|_| Reply::new(200, "text/html; charset=utf-8", fixture("error-page.html")));
    let client = Client::new(Options::default());
    let url = server.url("/feed.xml");
    let err = fetch::fetch_feed(&client, &url, &Validators::default()).unwrap_err();
    assert_eq!(err.url, url);
    assert_eq!(
        err.reason,
        "expected a feed but got an HTML page titled \"Page not found — The Harbour Gazette\" \
         (HTTP 200, text/html); the page links to a feed at https://gazette.example/rss/all.xml"
    );
}

#[test]
fn billion_laughs_costs_no_more_than_its_size() {
    let server = serve(|_| Reply::new(200, "application/rss+xml", fixture("billion-laughs.xml")));
    let started = Instant::now();
    let (out, stderr, _) = analyze(&[&server.url("/lol.xml")]);
    assert!(started.elapsed() < Duration::from_secs(20));
    // Either an error naming the feed, or the items with the entity left unexpanded.
    for a in articles(&out) {
        assert!(field(&a, "text").len() < 2_000, "{}", field(&a, "text"));
    }
    assert!(
        !articles(&out).is_empty() || stderr.contains("lol.xml"),
        "{stderr}"
    );
}

#[test]
fn legacy_charsets_are_decoded() {
    let latin1_no_decl: Vec<u8> = fixture("latin1.xml")
        .into_iter()
        .skip_while(|&b| b != b'\n')
        .skip(1)
        .collect();
    let server = serve(move |req| match req.path.as_str() {
        "/latin1" => Reply::new(200, "application/rss+xml", fixture("latin1.xml")),
        "/header-charset" => Reply::new(
            200,
            "application/rss+xml; charset=ISO-8859-1",
            latin1_no_decl.clone(),
        ),
        "/no-charset" => Reply::new(200, "application/rss+xml", latin1_no_decl.clone()),
        _ => Reply::new(200, "text/xml", fixture("windows-1252.xml")),
    });
    let urls = ["/latin1", "/header-charset", "/no-charset", "/1252"].map(|p| server.url(p));
    let (out, stderr, code) = analyze(&urls.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, Some(0), "{stderr}");
    let arts = articles(&out);
    for a in &arts[..3] {
        assert_eq!(field(a, "headline"), "José Álvarez opens café");
        assert_eq!(field(a, "outlet"), "Café Gazette");
        let speakers: Vec<&str> = a["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| field(q, "speaker"))
            .collect();
        assert_eq!(speakers, ["josé-álvarez"], "{a}");
    }
    assert_eq!(field(&arts[3], "headline"), "“Naïve” plan – says minister");
    assert!(field(&arts[3], "text").contains("“We are ready,” the minister said."));
}

#[test]
fn escape_sequences_and_bidi_overrides_are_inert() {
    let server = serve(|_| Reply::new(200, "application/rss+xml", fixture("escapes.rss")));
    let (out, stderr, _) = analyze(&[&server.url("/evil"), "tests/fixtures/web/escapes.rss"]);
    assert_inert(&stderr);
    let arts = articles(&out);
    for a in &arts {
        for k in ["headline", "text", "outlet", "source"] {
            assert_inert(field(a, k));
        }
    }
    // Whether the XML parser takes or refuses the raw controls, nothing unsafe comes through.
    assert!(
        !arts.is_empty() || stderr.contains("escapes.rss"),
        "{stderr}"
    );
}

#[test]
fn feed_and_page_files_open_offline() {
    let (out, stderr, code) = analyze(&[
        "tests/fixtures/web/gazette-rss2.xml",
        "tests/fixtures/web/wire-atom.xml",
        "tests/fixtures/web/notes-jsonfeed.json",
        "tests/fixtures/web/news-page.html",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let heads: Vec<String> = articles(&out)
        .iter()
        .map(|a| field(a, "headline").to_string())
        .collect();
    assert_eq!(
        heads,
        [
            "Douro dam opens as river rises",
            "Ferry operators warn of strike",
            "Rail drivers walk out & stations close",
            "Café chain Lumière opens first Lisbon shop",
            "Plain text note",
            "Osaka mayor sets out flood plan",
        ]
    );
    // A folder of them, too.
    let (out, _, _) = analyze(&["tests/fixtures/web"]);
    assert!(articles(&out).len() >= 6);
}

#[test]
fn many_feeds_are_fetched_a_few_at_a_time_and_failures_stay_apart() {
    let server = serve(|req| match req.path.as_str() {
        "/broken" => Reply::new(200, "text/html", fixture("error-page.html")),
        "/page" => Reply::new(200, "text/html", fixture("news-page.html")),
        _ => Reply::new(200, "application/atom+xml", fixture("wire-atom.xml")),
    });
    let mut jobs: Vec<fetch::FeedJob> = (0..20)
        .map(|i| fetch::FeedJob {
            url: server.url(&format!("/feed/{i}")),
            validators: Validators::default(),
        })
        .collect();
    jobs[7].url = server.url("/broken");
    jobs[13].url = "file:///etc/passwd".into();
    let client = Client::new(Options::default());
    let results = Mutex::new(vec![None; jobs.len()]);
    fetch::fetch_feeds(&client, &jobs, 8, |i, r| {
        results.lock().unwrap()[i] = Some(r);
    });
    let results = results.into_inner().unwrap();
    for (i, r) in results.iter().enumerate() {
        match (i, r.as_ref().unwrap()) {
            (7, Err(e)) => assert!(e.reason.starts_with("expected a feed but got an HTML page")),
            (13, Err(e)) => assert!(e.reason.starts_with("refused"), "{e}"),
            (_, Ok(FeedFetch::Fetched { feed, .. })) => assert_eq!(feed.items.len(), 1),
            (i, other) => panic!("job {i}: {other:?}"),
        }
    }
    // An item's page, for the full text of a teaser.
    let a = fetch::fetch_page(&client, &server.url("/page")).unwrap();
    assert_eq!(a.headline, "Osaka mayor sets out flood plan");
    let err = fetch::fetch_page(&client, &server.url("/feed/1")).unwrap_err();
    assert!(
        err.reason
            .starts_with("expected a web page but got application/atom+xml")
    );
}
