//! Drawing and jumping in a long article (issue 5): one frame of a 20,000-word article at 200×60
//! after a scroll and after a jump (floor ≤ 1 ms), and an `n` (next mention) and a `]` (next
//! quote) jump through `App::update` alone (floor ≤ 1 ms each).
//!
//! Steps go forward until they stop moving, then back, so every iteration is a real move.
//!
//! Resizing (issue 14): a 20 MB article on one line (a headline, then one giant paragraph) is
//! resized to a new body width and drawn; every iteration changes the width, so every iteration
//! re-lays out the body. The floor is one frame (16 ms) for the resize and the draw together, and
//! for one step of the wrapping done while idle (`wrap_more_step`, what a key may wait for).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/corpus.rs"]
mod corpus;

use byline::app::{Action, App, Pane};
use byline::{Document, article, ui};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

const WORDS: usize = 20_000;
const W: u16 = 200;
const H: u16 = 60;

/// A reader on one generated 20,000-word article, analysed, with its most-mentioned entity chosen
/// and the body focused.
fn long_article_app() -> App {
    let mut rng = corpus::Rng::new(20_000);
    let text = corpus::article(&mut rng, WORDS).to_text();
    let parsed = article::parse("long-article.txt", text.as_bytes());
    let doc = Document::analyze(parsed.articles.into_iter().next().expect("one article"));
    println!(
        "article: {} words, {} bytes, {} entities, {} quotes, {} mentions of the most-mentioned",
        doc.article.word_count(),
        doc.article.text.len(),
        doc.analysis.entities.len(),
        doc.analysis.quotes.len(),
        doc.analysis
            .entities
            .iter()
            .map(|e| e.mentions.len())
            .max()
            .unwrap_or(0),
    );
    let mut app = App::from_documents(vec![doc], Vec::new(), W, H);
    // Side pane, down to the most-mentioned entity, Enter: chosen, at its first mention.
    let most = app
        .current_analysis()
        .and_then(|a| (0..a.entities.len()).max_by_key(|&i| a.entities[i].mentions.len()))
        .expect("entities found");
    app.update(Action::FocusPrev);
    app.update(Action::Down);
    for _ in 0..100 {
        if app.followed().here() == Some(most) {
            break;
        }
        app.update(Action::Down);
    }
    assert_eq!(app.followed().here(), Some(most));
    app.update(Action::Open);
    app.update(Action::FocusPrev);
    assert_eq!(app.screen().focus(), Pane::Body);
    // The jumps measured below must really move.
    let before = app.followed().mention();
    app.update(Action::NextMention);
    assert_ne!(
        app.followed().mention(),
        before,
        "n did not move: {:?}",
        app.message()
    );
    println!(
        "wrapped: {} lines at width {}; chosen: {:?}; mention {:?}",
        app.body().wrapped().len(),
        app.body().wrapped().width,
        app.followed_name(),
        app.followed().mention()
    );
    app
}

/// Applies `forward` (or `back`), turning round when the position `at` stops changing.
struct PingPong<F: Fn(&App) -> Option<usize>> {
    forward: Action,
    back: Action,
    at: F,
    going: bool,
}

impl<F: Fn(&App) -> Option<usize>> PingPong<F> {
    fn new(forward: Action, back: Action, at: F) -> Self {
        Self {
            forward,
            back,
            at,
            going: true,
        }
    }

    fn step(&mut self, app: &mut App) {
        let before = (self.at)(app);
        let action = if self.going {
            self.forward.clone()
        } else {
            self.back.clone()
        };
        app.update(action);
        if (self.at)(app) == before {
            self.going = !self.going;
        }
    }
}

fn bench(c: &mut Criterion) {
    let mut app = long_article_app();
    let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("test backend");
    let draw = |terminal: &mut Terminal<TestBackend>, app: &App| {
        terminal
            .draw(|frame| ui::draw(frame, app))
            .expect("draw on a test backend");
    };

    let mut group = c.benchmark_group("render_20k_words_200x60");
    // Mid-article, after a scroll: the frame alone.
    app.update(Action::Top);
    for _ in 0..20 {
        app.update(Action::PageDown);
    }
    group.bench_function("draw_frame", |b| {
        b.iter(|| draw(&mut terminal, black_box(&app)))
    });
    let mut scroll = PingPong::new(Action::Down, Action::Up, |a: &App| Some(a.body().scroll()));
    group.bench_function("scroll_then_draw", |b| {
        b.iter(|| {
            scroll.step(&mut app);
            draw(&mut terminal, &app);
        })
    });
    let mut mention = PingPong::new(Action::NextMention, Action::PrevMention, |a: &App| {
        a.followed().mention()
    });
    group.bench_function("mention_jump_then_draw", |b| {
        b.iter(|| {
            mention.step(&mut app);
            draw(&mut terminal, &app);
        })
    });
    group.finish();

    let mut group = c.benchmark_group("jump_20k_words");
    group.bench_function("n_next_mention", |b| {
        b.iter(|| mention.step(black_box(&mut app)))
    });
    let mut quote = PingPong::new(Action::NextQuote, Action::PrevQuote, |a: &App| {
        a.side().quotes().current()
    });
    group.bench_function("bracket_next_quote", |b| {
        b.iter(|| quote.step(black_box(&mut app)))
    });
    group.finish();
    println!(
        "after the run: mention {:?}, quote {:?}, scroll {} of {} lines",
        app.followed().mention(),
        app.side().quotes().current(),
        app.body().scroll(),
        app.body().wrapped().len()
    );
}

/// A reader on a 20 MB article whose body is one line (no analysis: resizing does not need it),
/// scrolled to the middle.
fn one_line_app() -> App {
    let words = [
        "lorem ",
        "ipsum ",
        "dolor ",
        "sit ",
        "amet, ",
        "consectetur ",
        "adipiscing ",
    ];
    let mut text = String::from("A very long line\n\n");
    let mut i = 0;
    while text.len() < 20 * 1024 * 1024 {
        text.push_str(words[i % words.len()]);
        i += 1;
    }
    let parsed = article::parse("one-line.txt", text.as_bytes());
    let mut app = App::new(parsed.articles, Vec::new());
    app.update(Action::Resize(W, H));
    app.update(Action::FocusNext);
    assert_eq!(app.screen().focus(), Pane::Body);
    for _ in 0..100 {
        app.update(Action::PageDown);
    }
    app
}

fn bench_resize(c: &mut Criterion) {
    let mut app = one_line_app();
    let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("test backend");
    let mut group = c.benchmark_group("resize_20mb_one_line");
    group.sample_size(10);
    let mut narrow = false;
    group.bench_function("resize_then_draw", |b| {
        b.iter(|| {
            narrow = !narrow;
            let w = if narrow { W - 7 } else { W };
            app.update(Action::Resize(w, H));
            terminal.backend_mut().resize(w, H);
            terminal
                .draw(|frame| ui::draw(frame, black_box(&app)))
                .expect("draw on a test backend");
        })
    });
    // What a key may wait for while the rest is wrapped: one step of the idle wrapping.
    group.bench_function("wrap_more_step", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                if !app.body().is_partial() {
                    narrow = !narrow;
                    app.update(Action::Resize(if narrow { W - 7 } else { W }, H));
                }
                let start = std::time::Instant::now();
                black_box(app.update(Action::WrapMore));
                total += start.elapsed();
            }
            total
        })
    });
    group.finish();
    println!(
        "after the run: width {}, scroll {}, {} lines",
        app.body().wrapped().width,
        app.body().scroll(),
        app.body().wrapped().len()
    );
}

criterion_group!(benches, bench, bench_resize);
criterion_main!(benches);
