//! The library (issue 10): import throughput, and the queries a reader makes on a large library
//! (list headlines, a search keystroke, read/star, next article mentioning someone).
//!
//! The corpus is generated once into `target/bench-corpus/`, and the large library built once
//! into `target/bench-library/` and reused. `BYLINE_BENCH_ARTICLES` sets its size (default
//! 10,000; the figure is for 100,000, which takes minutes and ~1.5 GB to build).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/corpus.rs"]
mod corpus;

use byline::library::{Filter, Library, Order, Query};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

const IMPORT_ARTICLES: usize = 1_000;

fn target() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

fn fresh(path: &Path) -> Library {
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    Library::open(path).expect("open a fresh library")
}

/// The large library, built by importing the generated folder once (timed: that is the import
/// throughput figure at this size).
fn large(n: usize) -> Library {
    let dir = target().join("bench-library");
    std::fs::create_dir_all(&dir).expect("bench-library folder");
    let path = dir.join(format!("library-{n}.sqlite"));
    if let Ok(lib) = Library::open(&path)
        && lib.counts().is_ok_and(|c| c.articles == n)
    {
        return lib;
    }
    let corpus = corpus::cached_folder(n, 1).expect("generate the corpus");
    let lib = fresh(&path);
    let t = Instant::now();
    let s = lib
        .import(&[corpus], u64::MAX, |e| {
            panic!("{}: {}", e.source, e.reason)
        })
        .expect("import");
    let secs = t.elapsed().as_secs_f64();
    assert_eq!(s.added, n);
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "import of {n} files: {secs:.1} s, {:.0} articles/s (analysis included); library {:.1} MB",
        n as f64 / secs,
        size as f64 / 1e6
    );
    lib
}

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("BYLINE_BENCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);

    let corpus = corpus::cached_folder(IMPORT_ARTICLES, 1).expect("generate the corpus");
    let scratch = target().join("bench-library").join("import-scratch.sqlite");
    std::fs::create_dir_all(target().join("bench-library")).expect("bench-library folder");
    let mut group = c.benchmark_group("library_import");
    group.sample_size(10);
    group.throughput(Throughput::Elements(IMPORT_ARTICLES as u64));
    group.bench_function("1k_files_into_a_new_library", |b| {
        b.iter_with_large_drop(|| {
            let lib = fresh(&scratch);
            let s = lib
                .import(std::slice::from_ref(&corpus), u64::MAX, |_| {})
                .expect("import");
            assert_eq!(s.added, IMPORT_ARTICLES);
            lib
        })
    });
    group.finish();

    let lib = large(n);
    let all = lib.headlines(&Filter::default()).expect("headlines");
    let middle = all[all.len() / 2].id;
    let someone = lib
        .entities(Some(byline::EntityKind::Person), 1)
        .expect("entities")
        .remove(0)
        .key;
    let mut group = c.benchmark_group(format!("library_{n}"));
    group.bench_function("open", |b| {
        b.iter(|| black_box(Library::open(lib.path()).expect("open")))
    });
    group.bench_function("all_headlines", |b| {
        b.iter(|| black_box(lib.headlines(&Filter::default()).expect("headlines")))
    });
    group.bench_function("unread_headlines", |b| {
        let f = Filter {
            unread_only: true,
            ..Filter::default()
        };
        b.iter(|| black_box(lib.headlines(&f).expect("headlines")))
    });
    // What each keystroke of "/minister" costs once a few letters are typed.
    for typed in ["mi", "minis", "minister", "minister of fin"] {
        let f = Filter {
            query: Some(Query::Prefix(typed.into())),
            ..Filter::default()
        };
        println!(
            "search {typed:?}: {} matches",
            lib.headlines(&f).expect("search").len()
        );
        group.bench_function(
            format!("search_keystroke_{}", typed.replace(' ', "_")),
            |b| b.iter(|| black_box(lib.headlines(&f).expect("search"))),
        );
    }
    // The incremental search line's way: id order, the first screenful (more on scrolling).
    for typed in ["mi", "minister"] {
        let f = Filter {
            query: Some(Query::Prefix(typed.into())),
            order: Order::Id,
            limit: Some(100),
            ..Filter::default()
        };
        group.bench_function(format!("search_keystroke_{typed}_first_100_by_id"), |b| {
            b.iter(|| black_box(lib.headlines(&f).expect("search")))
        });
        let f = Filter {
            query: Some(Query::Prefix(typed.into())),
            order: Order::Id,
            ..Filter::default()
        };
        group.bench_function(format!("search_keystroke_{typed}_all_by_id"), |b| {
            b.iter(|| black_box(lib.headlines(&f).expect("search")))
        });
    }
    let mut on = false;
    group.bench_function("toggle_read", |b| {
        b.iter(|| {
            on = !on;
            lib.set_read(middle, on).expect("set_read")
        })
    });
    group.bench_function("toggle_star", |b| {
        b.iter(|| {
            on = !on;
            lib.set_starred(middle, on).expect("set_starred")
        })
    });
    group.bench_function("next_article_mentioning", |b| {
        b.iter(|| black_box(lib.next_mentioning(&someone, middle).expect("next")))
    });
    group.bench_function("load_article_with_analysis", |b| {
        b.iter(|| black_box(lib.article(middle).expect("article")))
    });
    group.bench_function("people_top_20", |b| {
        b.iter(|| black_box(lib.entities(None, 20).expect("people")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
