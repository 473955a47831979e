//! The library (issue 10): import throughput, the queries a reader makes on a large library
//! (list headlines, a search keystroke, read/star, next article mentioning someone), and the
//! reader itself over it (`reader_N`): open → first frame on a TestBackend, next article, `u`,
//! `s`, a search keystroke → redrawn list, the entity filter and the corpus view.
//!
//! The corpus is generated once into `target/bench-corpus/`, and the large library built once
//! into `target/bench-library/` and reused. `BYLINE_BENCH_ARTICLES` sets its size (default
//! 10,000; the figure is for 100,000, which takes minutes and ~1.5 GB to build).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/corpus.rs"]
mod corpus;

use byline::analysis::corpus::EntityKey;
use byline::app::{Action, App};
use byline::library::{Filter, Library, Order, Query};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ratatui::{Terminal, backend::TestBackend};
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
    reader(c, &lib, n, &someone);
}

/// Draws `app` on a 120×40 TestBackend, as the event loop draws a frame.
fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| byline::ui::draw(frame, app))
        .expect("draw");
}

/// The reader over the large library, as `byline` with no arguments runs it.
fn reader(c: &mut Criterion, lib: &Library, n: usize, someone: &EntityKey) {
    let path = lib.path().to_path_buf();
    let open = || {
        let mut app =
            byline::event::library_reader(Library::open(&path).expect("open")).expect("reader");
        app.update(Action::Resize(120, 40));
        app.set_store(Box::new(|_| {}));
        app
    };
    let t = Instant::now();
    let app = open();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    draw(&mut terminal, &app);
    println!(
        "reader over {n} articles: first frame after {:.0} ms (cold: first run)",
        t.elapsed().as_secs_f64() * 1e3
    );
    drop(app);
    let mut group = c.benchmark_group(format!("reader_{n}"));
    group.sample_size(10);
    group.bench_function("open_to_first_frame", |b| {
        b.iter(|| {
            let app = open();
            draw(&mut terminal, &app);
            app
        })
    });
    let mut app = open();
    draw(&mut terminal, &app);
    // Each step is the key's update plus the frame that shows it. Cold: the article was never
    // read (PageDown, past what was prefetched); prefetched: the event loop read the neighbours
    // while idle (untimed here), so `j` finds the next one loaded.
    group.bench_function("next_article_cold", |b| {
        b.iter(|| {
            if app.headlines().pos().selected + 50 > n {
                app.update(Action::Top);
            }
            app.update(Action::PageDown);
            draw(&mut terminal, &app);
        })
    });
    group.bench_function("next_article_prefetched", |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                if app.headlines().pos().selected + 50 > n {
                    app.update(Action::Top);
                }
                app.update(Action::Prefetch);
                let t = Instant::now();
                app.update(Action::Down);
                draw(&mut terminal, &app);
                spent += t.elapsed();
            }
            spent
        })
    });
    group.bench_function("toggle_read", |b| {
        b.iter(|| {
            app.update(Action::ToggleRead);
            draw(&mut terminal, &app);
        })
    });
    group.bench_function("toggle_star", |b| {
        b.iter(|| {
            app.update(Action::ToggleStar);
            draw(&mut terminal, &app);
        })
    });
    // `f` on the shown article's first entity and `f` again; `c` (the corpus view from the
    // library's entity index) and `c` again.
    group.bench_function("filter_by_entity_and_back", |b| {
        b.iter(|| {
            app.update(Action::ToggleFilter);
            draw(&mut terminal, &app);
            app.update(Action::ToggleFilter);
            draw(&mut terminal, &app);
        })
    });
    app.update(Action::ToggleFilter);
    println!(
        "reader: the filter lists {} articles",
        app.headlines().listed().len()
    );
    app.update(Action::ToggleFilter);
    group.bench_function("corpus_view_open", |b| {
        b.iter(|| {
            app.update(Action::ToggleCorpus);
            draw(&mut terminal, &app);
            app.update(Action::ToggleCorpus);
        })
    });
    // A keystroke in the `/` line: the FTS query (on the search thread in the reader), then the
    // answer's update and the frame with the narrowed list.
    app.set_searcher(Box::new(|_| {}));
    app.update(Action::Search);
    for typed in ["mi", "minis", "minister"] {
        app.update(Action::QueryClear);
        for ch in typed.chars() {
            app.update(Action::QueryInput(ch));
        }
        let found = byline::event::search_ids(lib, typed).expect("search");
        println!("reader search {typed:?}: {} matches", found.len());
        group.bench_function(format!("search_keystroke_{typed}_to_redrawn_list"), |b| {
            b.iter(|| {
                let ids = byline::event::search_ids(lib, typed);
                // The answer to the last request sent (stale ones are dropped).
                app.update(Action::QueryBackspace);
                app.update(Action::QueryInput(typed.chars().last().unwrap_or('m')));
                let request = app.collection().last_search_request();
                app.update(Action::Found { request, ids });
                draw(&mut terminal, &app);
            })
        });
    }
    app.update(Action::QueryCancel);
    println!(
        "reader: {} articles mention {}",
        lib.articles_mentioning(someone).expect("mentioning").len(),
        someone.name
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
