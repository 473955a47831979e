//! Opening a 10,000-article folder to the first drawn frame (issue 5; floor ≤ 0.5 s): reading and
//! parsing every file (`source::load`), building the reader (`App::new`) and drawing one frame
//! with the headlines listed on a 120×40 `TestBackend`. Analysis runs afterwards on a background
//! thread in the real reader, so it is not part of this figure.
//!
//! The corpus is generated once into `target/bench-corpus/` and reused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/corpus.rs"]
mod corpus;

use byline::app::{Action, App};
use byline::{source, ui};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

const ARTICLES: usize = 10_000;

/// What the reader does between start and its first frame.
fn open(dir: &PathBuf) -> (App, Terminal<TestBackend>) {
    let loaded = source::load(std::slice::from_ref(dir), source::DEFAULT_MAX_BYTES);
    let mut app = App::new(loaded.articles, loaded.errors);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    app.update(Action::Resize(120, 40));
    terminal
        .draw(|frame| ui::draw(frame, &app))
        .expect("draw on a test backend");
    (app, terminal)
}

fn bench(c: &mut Criterion) {
    let dir = corpus::cached_folder(ARTICLES, 1).expect("generate the benchmark corpus");
    let bytes: u64 = std::fs::read_dir(&dir)
        .expect("read the corpus folder")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();

    // Sanity: every article opened and the first headline is on screen.
    let (app, terminal) = open(&dir);
    assert_eq!(
        app.collection().len(),
        ARTICLES,
        "errors: {:?}",
        app.collection().errors().first()
    );
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    let first = app.collection().entries()[0]
        .title()
        .chars()
        .take(20)
        .collect::<String>();
    assert!(
        screen.contains(&first),
        "first headline {first:?} not drawn"
    );
    println!(
        "corpus: {ARTICLES} articles, {:.1} MB on disk in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    drop((app, terminal));

    // Where the time goes, from one timed run (the figure to compare with the floor is
    // criterion's below).
    let t = Instant::now();
    let loaded = source::load(std::slice::from_ref(&dir), source::DEFAULT_MAX_BYTES);
    let t_load = t.elapsed();
    let t = Instant::now();
    let mut app = App::new(loaded.articles, loaded.errors);
    let t_app = t.elapsed();
    let t = Instant::now();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    app.update(Action::Resize(120, 40));
    terminal
        .draw(|frame| ui::draw(frame, &app))
        .expect("draw on a test backend");
    let t_draw = t.elapsed();
    println!(
        "one run: source::load {:.1} ms, App::new {:.1} ms, resize + first frame {:.2} ms",
        t_load.as_secs_f64() * 1e3,
        t_app.as_secs_f64() * 1e3,
        t_draw.as_secs_f64() * 1e3
    );
    drop((app, terminal));

    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.bench_function("10k_articles_to_first_frame", |b| {
        b.iter_with_large_drop(|| black_box(open(&dir)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
