//! Refresh end to end (issue 11): 200 feeds × 50 items served from a server on 127.0.0.1,
//! fetched 8 at a time, parsed, analysed on all cores and written into a new library.
//! `BYLINE_BENCH_FEEDS` / `BYLINE_BENCH_ITEMS` change the size.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/corpus.rs"]
mod corpus;

use byline::fetch::{Client, Options};
use byline::library::Library;
use byline::library::feeds::{self, NewFeed};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

fn size(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn target() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Feed `f` of generated articles, as RSS 2.0 with HTML descriptions.
fn feed(f: usize, items: usize) -> Vec<u8> {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Feed {f}</title><link>https://example.org/{f}/</link>"
    );
    for i in 0..items {
        let a = corpus::nth(7, f * items + i);
        s.push_str(&format!(
            "<item><title><![CDATA[{}]]></title><guid isPermaLink=\"false\">{f}-{i}</guid>\
             <description><![CDATA[",
            a.headline
        ));
        for p in &a.paragraphs {
            s.push_str("<p>");
            s.push_str(p);
            s.push_str("</p>");
        }
        s.push_str("]]></description></item>");
    }
    s.push_str("</channel></rss>");
    s.into_bytes()
}

/// Serves `/N.xml` → `bodies[N]` until the process ends; returns the base URL.
fn serve(bodies: Arc<Vec<Vec<u8>>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let bodies = bodies.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(&stream);
                let mut line = String::new();
                let _ = reader.read_line(&mut line);
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                        break;
                    }
                }
                let n: usize = line
                    .split_whitespace()
                    .nth(1)
                    .and_then(|p| {
                        p.trim_start_matches('/')
                            .trim_end_matches(".xml")
                            .parse()
                            .ok()
                    })
                    .unwrap_or(usize::MAX);
                let mut w = &stream;
                match bodies.get(n) {
                    Some(body) => {
                        let _ = write!(
                            w,
                            "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\
                             Content-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        );
                        let _ = w.write_all(body);
                    }
                    None => {
                        let _ = w.write_all(
                            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                        );
                    }
                }
            });
        }
    });
    base
}

fn fresh_library(path: &Path, base: &str, feeds: usize) -> Library {
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    let lib = Library::open(path).unwrap();
    for f in 0..feeds {
        lib.add_feed(&NewFeed {
            name: format!("Feed {f}"),
            url: format!("{base}/{f}.xml"),
            ..NewFeed::default()
        })
        .unwrap();
    }
    lib
}

fn bench(c: &mut Criterion) {
    let feeds = size("BYLINE_BENCH_FEEDS", 200);
    let items = size("BYLINE_BENCH_ITEMS", 50);
    let bodies: Vec<Vec<u8>> = (0..feeds).map(|f| feed(f, items)).collect();
    let bytes: usize = bodies.iter().map(Vec::len).sum();
    let base = serve(Arc::new(bodies));
    let dir = target().join("bench-refresh");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("refresh.sqlite");
    let client = Client::new(Options::default());

    // One timed run first, checked, for the figure in the README.
    let lib = fresh_library(&path, &base, feeds);
    let started = Instant::now();
    let summary = feeds::refresh(&lib, &[], &client, |_| {}).unwrap();
    let took = started.elapsed();
    assert_eq!(summary.failed().count(), 0, "{:?}", summary.failed().next());
    assert_eq!(summary.new_articles(), feeds * items);
    eprintln!(
        "refresh: {feeds} feeds x {items} items ({:.1} MB of feeds): {} new in {:.2} s \
         ({:.0} articles/s)",
        bytes as f64 / 1e6,
        summary.new_articles(),
        took.as_secs_f64(),
        summary.new_articles() as f64 / took.as_secs_f64()
    );
    drop(lib);

    let mut group = c.benchmark_group("refresh");
    group.sample_size(10);
    group.throughput(Throughput::Elements((feeds * items) as u64));
    group.bench_function(format!("{feeds}_feeds_x_{items}_items_new_library"), |b| {
        b.iter_batched(
            || fresh_library(&path, &base, feeds),
            |lib| {
                let s = feeds::refresh(&lib, &[], &client, |_| {}).unwrap();
                assert_eq!(s.new_articles(), feeds * items);
                lib
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
