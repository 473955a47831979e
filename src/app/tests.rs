//! State tests: actions in, fields out. Documents are built by hand so the tests do not depend
//! on the analysis helpers.

use super::*;
use crate::analysis::{Analysis, Entity, EntityKind, Quote, QuoteKind};
use crate::article::{Article, Block, BlockKind, SourceError, Span};
use crate::document::Document;

/// An article of a headline and paragraphs, and an analysis naming `people` at every occurrence
/// of their last word, with quotes over every “…”.
fn doc(headline: &str, paragraphs: &[&str], people: &[(&str, Option<&str>)]) -> Document {
    let mut text = headline.to_string();
    let mut blocks = vec![Block::new(BlockKind::Headline, 0, text.len())];
    for p in paragraphs {
        text.push_str("\n\n");
        let start = text.len();
        text.push_str(p);
        blocks.push(Block::new(BlockKind::Paragraph, start, text.len()));
    }
    let mut entities = Vec::new();
    for (name, role) in people {
        let surname = name.rsplit(' ').next().unwrap_or(name);
        let mentions: Vec<Span> = text
            .match_indices(surname)
            .map(|(i, s)| Span::new(i, i + s.len()))
            .collect();
        entities.push(Entity {
            id: name.to_lowercase().replace(' ', "-").into(),
            kind: EntityKind::Person,
            name: (*name).into(),
            role: role.map(Into::into),
            mentions: mentions.into(),
        });
    }
    let mut quotes = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('“').map(|i| i + from) {
        let Some(close) = text[open..].find('”').map(|i| i + open + '”'.len_utf8()) else {
            break;
        };
        quotes.push(Quote {
            kind: QuoteKind::Direct,
            span: Span::new(open, close),
            speaker: entities.first().map(|e| e.id.clone()),
            speaker_span: None,
        });
        from = close;
    }
    Document {
        article: Article {
            source: format!("{headline}.txt"),
            headline: headline.to_string(),
            text,
            blocks,
            ..Article::default()
        },
        analysis: Analysis { entities, quotes },
    }
}

fn filler(n: usize) -> String {
    "Words of a long paragraph that fill the screen. ".repeat(n)
}

fn corpus() -> Vec<Document> {
    let long = filler(30);
    vec![
        doc(
            "Kerry meets Lavrov",
            &[
                "John Kerry met Sergei Lavrov.",
                &long,
                "“We will try again,” Kerry said.",
                &long,
                "Kerry left on Tuesday.",
            ],
            &[
                ("John Kerry", Some("U.S. Secretary of State")),
                ("Sergei Lavrov", None),
            ],
        ),
        doc("Weather", &["Rain all week."], &[]),
        doc(
            "Kerry returns",
            &["John Kerry came back.", "“Home at last,” Kerry said."],
            &[("John Kerry", Some("U.S. Secretary of State"))],
        ),
    ]
}

fn app() -> App {
    App::from_documents(corpus(), Vec::new(), 120, 40)
}

fn kerry() -> crate::analysis::corpus::EntityKey {
    crate::analysis::corpus::EntityKey {
        kind: EntityKind::Person,
        name: "john kerry".into(),
    }
}

#[test]
fn tab_cycles_focus_and_shift_tab_goes_back() {
    let mut app = app();
    assert_eq!(app.screen().focus(), Pane::Headlines);
    app.update(Action::FocusNext);
    assert_eq!(app.screen().focus(), Pane::Body);
    app.update(Action::FocusNext);
    assert_eq!(app.screen().focus(), Pane::Side);
    app.update(Action::FocusNext);
    assert_eq!(app.screen().focus(), Pane::Headlines);
    app.update(Action::FocusPrev);
    assert_eq!(app.screen().focus(), Pane::Side);
}

#[test]
fn j_on_headlines_opens_the_next_article_and_dwelling_marks_it_read() {
    let mut app = app();
    assert!(!app.collection().entries()[0].is_read());
    assert!(!app.collection().entries()[1].is_read());
    app.update(Action::Down);
    assert_eq!(app.current_index(), Some(1));
    assert!(!app.collection().entries()[0].is_read(), "passed over");
    let at = app.wake_at().expect("a dwell deadline");
    assert!(!app.update(Action::Tick(at - body::DWELL / 2)));
    assert!(!app.collection().entries()[1].is_read());
    assert!(app.update(Action::Tick(at)));
    assert!(app.collection().entries()[1].is_read());
    assert_eq!(app.wake_at(), None);
    assert_eq!(app.body().wrapped().article, 1);
    app.update(Action::Bottom);
    assert_eq!(app.current_index(), Some(2));
    app.update(Action::Down);
    assert_eq!(app.current_index(), Some(2), "stays on the last article");
}

#[test]
fn scrolling_the_body_does_not_rewrap_it() {
    let mut app = app();
    app.update(Action::Open);
    assert_eq!(app.screen().focus(), Pane::Body);
    let lines: *const _ = app.body().wrapped().line(0).unwrap();
    app.update(Action::Down);
    app.update(Action::PageDown);
    assert!(app.body().scroll() > 1);
    assert!(
        std::ptr::eq(app.body().wrapped().line(0).unwrap(), lines),
        "a key press must not re-wrap"
    );
    app.update(Action::Bottom);
    assert_eq!(
        app.body().scroll(),
        app.body().wrapped().len() - app.screen().body_height()
    );
    app.update(Action::Top);
    assert_eq!(app.body().scroll(), 0);
}

#[test]
fn resize_rewraps_and_keeps_the_reading_position() {
    let mut app = app();
    app.update(Action::Open);
    app.update(Action::PageDown);
    let top = app.body().wrapped().start_of(app.body().scroll()).unwrap();
    app.update(Action::Resize(200, 60));
    assert_eq!(
        app.body().wrapped().width,
        crate::app::layout::text_width(app.screen().areas().body)
    );
    let line = app.body().wrapped().line_of(top);
    assert!(app.body().scroll() <= line && line < app.body().scroll() + app.screen().body_height());
}

/// The screen as text, drawn by the real view.
fn drawn(app: &App) -> String {
    let (w, h) = (app.screen().width(), app.screen().height());
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w.max(1), h.max(1))).unwrap();
    terminal.draw(|frame| crate::ui::draw(frame, app)).unwrap();
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn hiding_the_body_and_showing_it_again_keeps_the_reading_position() {
    let mut app = app();
    app.update(Action::Open);
    app.update(Action::PageDown);
    app.update(Action::Down);
    let scroll = app.body().scroll();
    assert!(scroll > 0);
    let before = drawn(&app);
    // Width 1 and heights up to 3 leave no room for the body; then the full size again.
    for (w, h) in [(1, 40), (120, 3), (120, 2), (1, 1), (0, 0), (3, 3)] {
        app.update(Action::Resize(w, h));
        drawn(&app);
        app.update(Action::Resize(120, 40));
        assert_eq!(app.body().scroll(), scroll, "after {w}x{h}");
        assert_eq!(drawn(&app), before, "after {w}x{h}");
    }
    // Short and narrow: only the focused pane is shown, so Tab away hides the body.
    app.update(Action::Resize(60, 10));
    let scroll = app.body().scroll();
    let before = drawn(&app);
    assert!(before.contains(" Article"), "{before}");
    app.update(Action::FocusNext);
    assert!(!drawn(&app).contains(" Article"));
    app.update(Action::FocusPrev);
    assert_eq!(app.body().scroll(), scroll);
    assert_eq!(drawn(&app), before);
}

#[test]
fn choosing_an_entity_highlights_its_mentions() {
    let mut app = app();
    app.update(Action::FocusPrev); // entity pane
    app.update(Action::Down); // from John Kerry to Sergei Lavrov
    assert_eq!(app.followed_name().as_deref(), Some("Sergei Lavrov"));
    app.update(Action::Up);
    assert_eq!(app.followed().key().cloned(), Some(kerry()));
    let mentions = app
        .body()
        .marks()
        .iter()
        .filter(|m| m.highlight == Highlight::Mention)
        .count();
    assert_eq!(
        mentions, 4,
        "every Kerry mention is marked, the headline's too"
    );
}

#[test]
fn n_steps_through_mentions_and_scrolls_to_them() {
    let mut app = app();
    app.update(Action::FocusPrev);
    app.update(Action::Open); // follow John Kerry: first mention
    assert_eq!(app.followed().mention(), Some(0));
    assert_eq!(
        app.message().map(Message::text),
        Some("John Kerry — mention 1 of 4")
    );
    app.update(Action::NextMention);
    app.update(Action::NextMention);
    assert_eq!(
        app.message().map(Message::text),
        Some("John Kerry — mention 3 of 4")
    );
    // The third mention is mid-article, far below the first screen.
    let span = app.current_analysis().unwrap().entities[0].mentions[2];
    let line = app.body().wrapped().line_of(span.start);
    assert!(
        line > app.body().scroll() && line < app.body().scroll() + app.screen().body_height() - 1,
        "mention on line {line} is visible, not at the edge (scroll {})",
        app.body().scroll()
    );
    assert!(app.body().scroll() > 0);
    let current: Vec<_> = app
        .body()
        .marks()
        .iter()
        .filter(|m| m.highlight == Highlight::CurrentMention)
        .collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].span, span);
}

#[test]
fn n_from_the_last_mention_moves_to_the_next_article_with_the_entity() {
    let mut app = app();
    app.update(Action::FocusPrev);
    app.update(Action::Open);
    for _ in 0..4 {
        app.update(Action::NextMention);
    }
    assert_eq!(
        app.current_index(),
        Some(2),
        "skips the article without Kerry"
    );
    assert_eq!(app.followed().mention(), Some(0));
    let msg = app
        .message()
        .map(|m| m.text().to_string())
        .unwrap_or_default();
    assert!(msg.contains("mention 1 of 3 in the next article"), "{msg}");
    app.update(Action::PrevMention);
    assert_eq!(app.current_index(), Some(0));
    assert_eq!(
        app.followed().mention(),
        Some(3),
        "N lands on the last mention"
    );
    app.update(Action::Bottom); // entity pane still focused: no effect on articles
    app.update(Action::NextMention);
    app.update(Action::NextMention);
    app.update(Action::NextMention);
    let msg = app
        .message()
        .map(|m| m.text().to_string())
        .unwrap_or_default();
    assert!(msg.contains("no later article"), "{msg}");
}

#[test]
fn quote_jump_names_the_speaker_and_role() {
    let mut app = app();
    app.update(Action::NextQuote);
    assert_eq!(
        app.message().map(Message::text),
        Some("quote 1 of 1 — John Kerry (U.S. Secretary of State)")
    );
    assert!(
        app.body()
            .marks()
            .iter()
            .any(|m| m.highlight == Highlight::CurrentQuote)
    );
    // On past "Weather" (no quotes) to the third article's quote.
    app.update(Action::NextQuote);
    assert_eq!(app.current_index(), Some(2));
    assert_eq!(
        app.message().map(Message::text),
        Some(
            "quote 1 of 1 — John Kerry (U.S. Secretary of State) — in the next article with \
             quotes (3/3)"
        )
    );
    app.update(Action::NextQuote);
    assert_eq!(
        app.message().map(Message::text),
        Some("no later quote in this article or after it")
    );
}

#[test]
fn quotes_view_enter_jumps_and_person_filter_narrows() {
    let mut app = app();
    app.update(Action::ToggleQuotes);
    assert_eq!(app.side().view(), SideView::Quotes);
    assert_eq!(app.screen().focus(), Pane::Side);
    assert_eq!(app.side().quotes().rows().len(), 1);
    app.update(Action::Open);
    assert_eq!(app.side().quotes().current(), Some(0));
    // p narrows to the selected quote's speaker (Kerry).
    app.update(Action::TogglePersonQuotes);
    assert!(app.side().quotes().by_person());
    assert_eq!(app.side().quotes().rows().len(), 1);
}

#[test]
fn f_filters_headlines_and_esc_clears() {
    let mut app = app();
    app.update(Action::FocusPrev);
    app.update(Action::ToggleFilter);
    assert_eq!(app.headlines().listed(), vec![0, 2]);
    assert_eq!(
        app.headlines().filter().map(Filter::name),
        Some("John Kerry")
    );
    app.update(Action::Back);
    assert_eq!(app.headlines().listed(), vec![0, 1, 2]);
    app.update(Action::ToggleFilter);
    app.update(Action::ToggleFilter);
    assert!(app.headlines().filter().is_none());
}

#[test]
fn help_overlay_opens_and_esc_closes_it_before_anything_else() {
    let mut app = app();
    app.update(Action::FocusPrev);
    app.update(Action::ToggleFilter);
    app.update(Action::ToggleHelp);
    assert_eq!(app.overlay().open(), Some(Overlay::Help));
    app.update(Action::Back);
    assert_eq!(app.overlay().open(), None);
    assert!(
        app.headlines().filter().is_some(),
        "the first Esc only closes the overlay"
    );
}

#[test]
fn analyses_arrive_later_and_fill_the_panes() {
    let docs = corpus();
    let (articles, analyses): (Vec<_>, Vec<_>) =
        docs.into_iter().map(|d| (d.article, d.analysis)).unzip();
    let errors = vec![SourceError {
        source: "bad.bin".into(),
        reason: "binary".into(),
    }];
    let mut app = App::new(articles, errors);
    app.update(Action::Resize(120, 40));
    assert!(app.side().entities().rows().is_empty());
    assert!(app.current_analysis().is_none());
    let mut analyses: Vec<_> = analyses.into_iter().enumerate().collect();
    let (i, a) = analyses.remove(0);
    app.update(Action::Analyzed(i, a));
    assert_eq!(app.collection().analysed(), 1);
    assert!(!app.side().entities().rows().is_empty());
    // Filter by Kerry while article 2 is not analysed yet: it joins the list when it is.
    app.update(Action::FocusPrev);
    app.update(Action::ToggleFilter);
    assert_eq!(app.headlines().listed(), vec![0]);
    for (i, a) in analyses {
        app.update(Action::Analyzed(i, a));
    }
    assert_eq!(app.headlines().listed(), vec![0, 2]);
    assert_eq!(app.collection().analysed(), 3);
    app.update(Action::ShowErrors);
    assert_eq!(app.overlay().open(), Some(Overlay::Errors));
}

#[test]
fn clicks_and_wheel_go_to_the_pane_under_the_pointer() {
    let mut app = app();
    let body = app.screen().areas().body;
    app.update(Action::ScrollAt {
        column: body.x + 2,
        row: body.y + 2,
        down: true,
    });
    assert_eq!(app.body().scroll(), 3);
    assert_eq!(
        app.screen().focus(),
        Pane::Headlines,
        "the wheel does not move focus"
    );
    let list = crate::app::layout::inner(app.screen().areas().headlines);
    // Two rows per headline: the fifth row is the third article's.
    assert_eq!(app.screen().headline_rows(), 2);
    app.update(Action::ClickAt {
        column: list.x + 1,
        row: list.y + 4,
    });
    assert_eq!(app.current_index(), Some(2));
    app.update(Action::ClickAt {
        column: body.x + 2,
        row: body.y + 2,
    });
    assert_eq!(app.screen().focus(), Pane::Body);
}

#[test]
fn corpus_view_counts_articles_and_enter_opens_the_first() {
    let mut app = app();
    app.update(Action::Down); // article 1
    app.update(Action::ToggleCorpus);
    assert_eq!(app.side().view(), SideView::Corpus);
    let first = &app.side().corpus().rows()[0];
    assert_eq!((first.name.as_str(), first.articles), ("John Kerry", 2));
    app.update(Action::Open);
    assert_eq!(app.current_index(), Some(0));
    assert_eq!(app.followed().mention(), Some(0));
}

#[test]
fn no_size_or_key_panics() {
    let mut app = app();
    let keys = [
        Action::FocusNext,
        Action::Down,
        Action::PageDown,
        Action::Bottom,
        Action::NextMention,
        Action::NextQuote,
        Action::ToggleQuotes,
        Action::ToggleCorpus,
        Action::ToggleHelp,
        Action::Down,
        Action::Back,
    ];
    for (w, h) in [
        (1, 1),
        (2, 2),
        (5, 3),
        (20, 7),
        (60, 20),
        (99, 12),
        (100, 8),
        (400, 120),
    ] {
        app.update(Action::Resize(w, h));
        for k in &keys {
            app.update(k.clone());
            let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
            t.draw(|f| crate::ui::draw(f, &app)).unwrap();
        }
    }
}

#[test]
fn a_list_shown_after_being_hidden_starts_at_its_top() {
    // 60x20: the entity pane is hidden until focused; then its header row must show.
    let mut app = App::from_documents(corpus(), Vec::new(), 60, 20);
    app.update(Action::FocusPrev);
    assert_eq!(app.screen().focus(), Pane::Side);
    assert_eq!(
        app.side().entities().pos().offset,
        0,
        "the People header is visible"
    );
}

#[test]
fn a_failed_analysis_counts_as_done_and_says_so() {
    let docs = corpus();
    let articles: Vec<_> = docs.into_iter().map(|d| d.article).collect();
    let mut app = App::new(articles, Vec::new());
    app.update(Action::Resize(120, 40));
    app.update(Action::AnalysisFailed(1, "index out of bounds".into()));
    assert_eq!(app.collection().analysed(), 1);
    assert!(app.collection().entries()[1].analysis().is_some());
    let msg = app
        .message()
        .map(|m| m.text().to_string())
        .unwrap_or_default();
    assert!(
        msg.contains("Weather.txt") && msg.contains("index out of bounds"),
        "{msg}"
    );
}

/// A reader on one long article: a headline, then `words` words on one line, naming Kerry now and
/// then (a mention every 5,000 words), laid out at 120×40 with the body focused.
fn one_line_app(words: usize) -> App {
    let mut body = String::new();
    for i in 0..words {
        body.push_str(if i % 5000 == 2500 { "Kerry " } else { "lorem " });
    }
    let d = doc("Long line", &[&body], &[("John Kerry", None)]);
    let mut app = App::from_documents(vec![d], Vec::new(), 120, 40);
    app.update(Action::FocusNext);
    assert_eq!(app.screen().focus(), Pane::Body);
    app
}

fn wrap_all(app: &mut App) {
    while app.body().is_partial() {
        assert!(app.update(Action::WrapMore));
    }
}

/// The body's top line shows the text at byte `offset`.
fn top_line_holds(app: &App, offset: usize) -> bool {
    let body = app.body();
    body.wrapped()
        .line(body.scroll())
        .is_some_and(|l| l.src.contains_offset(offset))
}

/// Every line on screen is wrapped, and the marks are on wrapped lines.
fn screen_is_wrapped(app: &App) -> bool {
    let (body, h) = (app.body().wrapped(), app.screen().body_height());
    let end = (app.body().scroll() + h).min(body.len());
    (app.body().scroll()..end).all(|i| body.line(i).is_some())
        && app
            .body()
            .marks()
            .iter()
            .all(|m| body.line(m.line).is_some())
}

#[test]
fn a_long_article_is_wrapped_on_screen_first_and_the_rest_step_by_step() {
    let mut app = one_line_app(400_000);
    assert!(app.body().is_partial(), "2.4 MB is not wrapped whole");
    assert!(screen_is_wrapped(&app));
    for _ in 0..30 {
        app.update(Action::PageDown);
    }
    let top = app.body().wrapped().start_of(app.body().scroll()).unwrap();
    assert!(top > 0);
    // A new width: only the screen is wrapped at once; the same text stays on top.
    app.update(Action::Resize(111, 40));
    assert!(app.body().is_partial());
    assert!(screen_is_wrapped(&app));
    assert!(top_line_holds(&app, top));
    let shown = drawn(&app);
    wrap_all(&mut app);
    assert!(top_line_holds(&app, top));
    // Wrapping the rest moved nothing on screen but the position figures.
    let strip = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| l.chars().filter(|c| !c.is_ascii_digit()).collect())
            .collect()
    };
    assert_eq!(strip(&drawn(&app)), strip(&shown));
    // The whole wrap is the one a short article gets at once.
    let article = app.current_article().unwrap();
    let mut fresh = wrap::Wrapped::new(0, article, app.body().wrapped().width);
    while let Some(p) = fresh.next_pending() {
        fresh.wrap_part(article, p);
    }
    assert!(fresh.lines().eq(app.body().wrapped().lines()));
}

#[test]
fn g_and_n_in_a_long_article_land_right_before_it_is_wrapped_whole() {
    let mut app = one_line_app(400_000);
    app.update(Action::Resize(101, 40));
    assert!(app.body().is_partial());
    // G: the last line is at the bottom of the pane, at once and once all is wrapped.
    app.update(Action::Bottom);
    assert!(screen_is_wrapped(&app));
    let h = app.screen().body_height();
    let body = app.body().wrapped();
    assert_eq!(app.body().scroll() + h, body.len());
    let text_len = app.current_article().unwrap().text.len();
    assert_eq!(body.line(body.len() - 1).unwrap().src.end, text_len - 1);
    assert!(drawn(&app).contains("Bot"));
    wrap_all(&mut app);
    assert_eq!(app.body().scroll() + h, app.body().wrapped().len());
    // n: each mention is on screen, marked, wherever its part was.
    app.update(Action::Resize(97, 40));
    app.update(Action::Top);
    app.update(Action::FocusNext); // entities
    app.update(Action::Open); // follow John Kerry
    app.update(Action::FocusPrev);
    let mentions = app.current_analysis().unwrap().entities[0].mentions.clone();
    assert!(mentions.len() >= 80);
    for (i, span) in mentions.iter().enumerate().take(40) {
        if i > 0 {
            app.update(Action::NextMention);
        }
        assert_eq!(app.followed().mention(), Some(i));
        assert!(screen_is_wrapped(&app));
        let body = app.body().wrapped();
        let line = body.line_of(span.start);
        assert!(body.line(line).unwrap().src.contains_offset(span.start));
        let scroll = app.body().scroll();
        assert!(scroll <= line && line < scroll + h, "mention {i} on screen");
        let current: Vec<_> = app
            .body()
            .marks()
            .iter()
            .filter(|m| m.highlight == Highlight::CurrentMention)
            .collect();
        assert_eq!(current.len(), 1);
        assert_eq!(current[0].span, *span);
        assert_eq!(current[0].line, line);
    }
}

#[test]
fn a_quote_across_parts_of_a_long_article_is_marked_on_every_line() {
    let mut body = String::new();
    for i in 0..50_000 {
        body.push_str(match i {
            10_000 => "“lorem ",
            12_000 => "lorem” ",
            _ => "lorem ",
        });
    }
    let d = doc("Long line", &[&body], &[("John Kerry", None)]);
    let quote = d.analysis.quotes[0].span;
    assert!(
        quote.start < 64 * 1024 && quote.end > 64 * 1024,
        "crosses a chunk"
    );
    let mut app = App::from_documents(vec![d], Vec::new(), 120, 40);
    app.update(Action::FocusNext);
    app.update(Action::Resize(90, 40));
    assert!(app.body().is_partial());
    app.update(Action::NextQuote);
    wrap_all(&mut app);
    let text = &app.current_article().unwrap().text;
    let marks: Vec<Mark> = app
        .body()
        .marks()
        .iter()
        .filter(|m| m.highlight == Highlight::CurrentQuote)
        .copied()
        .collect();
    assert!(marks.len() > 100, "{} lines", marks.len());
    assert_eq!(marks[0].span.start, quote.start);
    assert_eq!(marks[marks.len() - 1].span.end, quote.end);
    let body = app.body().wrapped();
    for pair in marks.windows(2) {
        assert_eq!(pair[1].line, pair[0].line + 1);
        assert!(text[pair[0].span.end..pair[1].span.start].trim().is_empty());
        assert_eq!(body.line(pair[0].line).unwrap().src.end, pair[0].span.end);
    }
}

#[test]
fn own_mentions_leave_out_names_inside_longer_names_and_agree_with_the_counts() {
    let text = "Irving Police Department said Irving was calm. Irving Police Department left.";
    let span = |s: &str, nth: usize| {
        let at = text.match_indices(s).nth(nth).map_or(0, |(i, _)| i);
        Span::new(at, at + s.len())
    };
    let entity = |id: &str, kind, mentions: Vec<Span>| Entity {
        id: id.into(),
        kind,
        name: id.into(),
        role: None,
        mentions: mentions.into(),
    };
    let analysis = Analysis {
        entities: vec![
            entity(
                "Irving Police Department",
                EntityKind::Organization,
                vec![
                    span("Irving Police Department", 0),
                    span("Irving Police Department", 1),
                ],
            ),
            entity(
                "Irving",
                EntityKind::Place,
                vec![span("Irving", 0), span("Irving", 1), span("Irving", 2)],
            ),
            // Only ever inside the department's name: keeps its mentions.
            entity("Police", EntityKind::Organization, vec![span("Police", 0)]),
        ],
        quotes: Vec::new(),
    };
    let own: Vec<usize> = (0..3)
        .map(|i| super::follow::own_mentions(&analysis, i).len())
        .collect();
    assert_eq!(own, [2, 1, 1]);
    assert_eq!(super::follow::own_counts(&analysis), own);
    assert_eq!(
        super::follow::own_mentions(&analysis, 1),
        [span("Irving", 1)]
    );
}

#[test]
fn the_quotes_view_scrolls_by_line_and_a_click_selects_the_quote_under_it() {
    let long = "“Words of a long quote that wrap over several lines of the narrow pane.” ";
    let docs = vec![doc(
        "Many quotes",
        &[long, long, long, long],
        &[("John Kerry", None)],
    )];
    let mut app = App::from_documents(docs, Vec::new(), 120, 20);
    app.update(Action::ToggleQuotes);
    let quotes = app.side().quotes();
    assert_eq!(quotes.rows().len(), 4);
    let row1 = quotes.start_of(1);
    assert!(row1 >= 3, "a quote wraps over several lines: {row1}");
    let side = crate::app::layout::inner(app.screen().areas().side);
    // A click on the first line of the second quote selects it.
    app.update(Action::ClickAt {
        column: side.x + 1,
        row: side.y + u16::try_from(row1).unwrap_or(0),
    });
    assert_eq!(app.side().quotes().pos().selected, 1);
    // The wheel scrolls the lines, not the selection.
    app.update(Action::ScrollAt {
        column: side.x + 1,
        row: side.y,
        down: true,
    });
    assert_eq!(app.side().quotes().pos().offset, 3);
    assert_eq!(app.side().quotes().pos().selected, 1);
    // G selects the last quote and brings it into view.
    app.update(Action::Bottom);
    let q = app.side().quotes();
    assert_eq!(q.pos().selected, 3);
    let height = usize::from(side.height);
    assert!(q.start_of(3) >= q.pos().offset && q.start_of(4) <= q.pos().offset + height);
}

#[test]
fn u_and_s_toggle_marks_and_the_views_list_unread_or_starred() {
    let mut app = app();
    let first = app.current_index().unwrap();
    app.update(Action::Open);
    assert!(app.collection().entries()[first].is_read());
    app.update(Action::ToggleRead);
    assert!(!app.collection().entries()[first].is_read());
    // Marked unread, it stays so on screen: the dwell does not read it again.
    app.update(Action::Tick(
        std::time::Instant::now() + std::time::Duration::from_secs(5),
    ));
    assert!(!app.collection().entries()[first].is_read());
    app.update(Action::ToggleStar);
    assert!(app.collection().entries()[first].is_starred());
    assert!(
        app.message()
            .is_some_and(|m| m.text().contains("not in the library")),
        "files' marks are for this run only"
    );
    assert!(
        app.take_writes().is_empty(),
        "nothing to store without a library"
    );
    app.update(Action::ToggleStarredView);
    assert_eq!(app.headlines().listed(), &[first]);
    app.update(Action::ToggleUnreadView);
    assert_eq!(app.headlines().listed().len(), 3, "all unread");
    app.update(Action::Down);
    app.update(Action::Open);
    let read = app.current_index().unwrap();
    app.update(Action::ToggleUnreadView);
    app.update(Action::ToggleUnreadView);
    assert!(
        !app.headlines().lists(read),
        "read articles leave the unread view"
    );
    app.update(Action::ToggleUnreadView);
    assert_eq!(app.headlines().listed().len(), 3);
}

/// Test document `d` as the library's unread article number `i` (ids from 1), analysis stored.
fn stored(i: usize, d: Document) -> crate::library::Stored {
    crate::library::Stored {
        id: i as crate::library::ArticleId + 1,
        article: d.article,
        analysis: Some(d.analysis),
        read: false,
        starred: false,
        added: 0,
    }
}

/// A reader over the library (two stored articles), laid out at 100×20.
fn library_app() -> App {
    let stored = ["Harbour pilots strike", "Council votes on budget"]
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let d = doc(
                h,
                &["Anna de Vries said “we walk out”."],
                &[("Anna de Vries", None)],
            );
            stored(i, d)
        })
        .collect();
    let mut app = App::from_library(stored);
    app.update(Action::Resize(100, 20));
    app
}

#[test]
fn r_starts_one_feed_refresh_and_the_status_bar_follows_its_progress() {
    let mut app = library_app();
    app.update(Action::Refresh);
    assert_eq!(app.take_effects(), vec![Effect::RefreshFeeds]);
    assert_eq!(app.refreshing(), Some((0, 0)));
    assert!(drawn(&app).contains("refreshing feeds"));
    app.update(Action::RefreshProgress { done: 0, total: 24 });
    app.update(Action::RefreshProgress { done: 3, total: 24 });
    assert_eq!(app.refreshing(), Some((3, 24)));
    assert!(
        drawn(&app).contains("refreshing feeds 3/24"),
        "{}",
        drawn(&app)
    );
    // A second R while it runs starts nothing.
    app.update(Action::Refresh);
    assert!(app.take_effects().is_empty());
    assert!(
        drawn(&app).contains("a refresh is already running: feeds 3/24"),
        "{}",
        drawn(&app)
    );
    // Keys keep working while it runs.
    app.update(Action::Down);
    assert_eq!(app.current_index(), Some(app.headlines().listed()[1]));
    app.update(Action::RefreshDone(Message::info(
        "24 feeds: 143 new, 3 updated, 2 failed",
    )));
    assert_eq!(app.refreshing(), None);
    let screen = drawn(&app);
    assert!(
        screen.contains("24 feeds: 143 new, 3 updated, 2 failed"),
        "{screen}"
    );
    assert!(!screen.contains("refreshing feeds"), "{screen}");
    // The articles it stored arrive through the watcher: listed, and the summary stays.
    let d = doc("Lighthouse keepers return", &["The lamp is lit."], &[]);
    app.update(Action::Arrived(vec![crate::library::reader::Row::of(
        &crate::library::Stored {
            id: 3,
            article: d.article,
            analysis: Some(d.analysis),
            read: false,
            starred: false,
            added: 0,
        },
    )]));
    let screen = drawn(&app);
    assert!(screen.contains("Lighthouse keepers"), "{screen}");
    assert!(
        screen.contains("24 feeds: 143 new, 3 updated, 2 failed"),
        "{screen}"
    );
    // Once done, R starts another.
    app.update(Action::Refresh);
    assert_eq!(app.take_effects(), vec![Effect::RefreshFeeds]);
}

#[test]
fn r_over_files_opened_by_name_says_what_it_refreshes() {
    let mut app = App::from_documents(
        vec![doc("Harbour pilots strike", &["Pilots walked out."], &[])],
        Vec::new(),
        100,
        20,
    );
    app.update(Action::Refresh);
    assert!(app.take_effects().is_empty());
    assert_eq!(app.refreshing(), None);
    let screen = drawn(&app);
    assert!(
        screen.contains("R refreshes the library's feeds"),
        "{screen}"
    );
}

/// A library whose entity index can be made to fail (articles still read), as a disk or a
/// locked database would.
struct FlakyShelf {
    inner: MemoryShelf,
    /// Every read of the entity index fails.
    broken: std::rc::Rc<std::cell::Cell<bool>>,
    /// Reads of one entity (its name) fail.
    names_broken: std::rc::Rc<std::cell::Cell<bool>>,
    /// Reads of articles fail.
    reads_broken: std::rc::Rc<std::cell::Cell<bool>>,
}

impl FlakyShelf {
    fn check(&self) -> Result<(), String> {
        if self.broken.get() {
            Err("disk I/O error".into())
        } else {
            Ok(())
        }
    }
}

impl Shelf for FlakyShelf {
    fn article(
        &self,
        id: crate::library::ArticleId,
    ) -> Result<Option<crate::library::Stored>, String> {
        if self.reads_broken.get() {
            return Err("disk I/O error".into());
        }
        self.inner.article(id)
    }

    fn mentioning(
        &self,
        key: &crate::analysis::corpus::EntityKey,
    ) -> Result<Vec<crate::library::ArticleId>, String> {
        self.check()?;
        self.inner.mentioning(key)
    }

    fn entity(
        &self,
        key: &crate::analysis::corpus::EntityKey,
    ) -> Result<Option<crate::library::LibraryEntity>, String> {
        self.check()?;
        if self.names_broken.get() {
            return Err("disk I/O error".into());
        }
        self.inner.entity(key)
    }

    fn entities(&self, limit: usize) -> Result<Vec<crate::library::LibraryEntity>, String> {
        self.check()?;
        self.inner.entities(limit)
    }
}

const INDEX_PROBLEM: &str = "could not read the library's entity index: disk I/O error";

/// A library reader (three articles, the first and last mentioning Anna de Vries, none read)
/// over a [`FlakyShelf`], at 100×20, and the switches that break its entity index / names.
fn flaky_library() -> (
    App,
    std::rc::Rc<std::cell::Cell<bool>>,
    std::rc::Rc<std::cell::Cell<bool>>,
) {
    let (app, broken, names_broken, _) = flaky_library_with_reads();
    (app, broken, names_broken)
}

type Switch = std::rc::Rc<std::cell::Cell<bool>>;

/// [`flaky_library`], with the switch that breaks reading articles too.
fn flaky_library_with_reads() -> (App, Switch, Switch, Switch) {
    let stored: Vec<crate::library::Stored> = [
        ("Harbour pilots strike", "Anna de Vries said “we walk out”."),
        ("Council votes on budget", "The council met."),
        ("Pilots return", "Anna de Vries said “we are back”."),
    ]
    .iter()
    .enumerate()
    .map(|(i, (h, p))| {
        let people: &[(&str, Option<&str>)] = if p.contains("Vries") {
            &[("Anna de Vries", None)]
        } else {
            &[]
        };
        let d = doc(h, &[p], people);
        stored(i, d)
    })
    .collect();
    let rows = stored.iter().map(crate::library::reader::Row::of).collect();
    let broken = std::rc::Rc::new(std::cell::Cell::new(false));
    let names_broken = std::rc::Rc::new(std::cell::Cell::new(false));
    let reads_broken = std::rc::Rc::new(std::cell::Cell::new(false));
    let shelf = FlakyShelf {
        inner: MemoryShelf::new(stored),
        broken: broken.clone(),
        names_broken: names_broken.clone(),
        reads_broken: reads_broken.clone(),
    };
    let mut app = App::from_shelf(rows, Box::new(shelf));
    app.update(Action::Resize(100, 20));
    (app, broken, names_broken, reads_broken)
}

/// Selects (and opens) the article with this headline.
fn open_headline(app: &mut App, headline: &str) {
    for _ in 0..app.headlines().listed().len() {
        if app
            .current_article()
            .is_some_and(|a| a.headline == headline)
        {
            break;
        }
        app.update(Action::Down);
        app.update(Action::Open);
    }
    assert_eq!(
        app.current_article().map(|a| a.headline.as_str()),
        Some(headline)
    );
}

#[test]
fn a_failed_read_of_the_entity_index_is_said_and_changes_nothing() {
    const PROBLEM: &str = INDEX_PROBLEM;
    let (mut app, broken, _) = flaky_library();
    // On an article mentioning Anna de Vries.
    open_headline(&mut app, "Harbour pilots strike");
    let start = app.current_index();
    let listed = app.headlines().listed().to_vec();

    // f: the filter needs the articles mentioning the entity.
    broken.set(true);
    app.update(Action::ToggleFilter);
    let screen = drawn(&app);
    assert!(screen.contains(PROBLEM), "{screen}");
    assert!(!screen.contains("f or Esc shows all"), "{screen}");
    assert_eq!(app.message().map(Message::level), Some(Level::Problem));
    assert!(app.headlines().filter().is_none());
    assert_eq!(app.headlines().listed(), listed);
    assert_eq!(app.current_index(), start);

    // n past the last mention: the next article mentioning them is not known.
    app.update(Action::NextMention);
    assert!(drawn(&app).contains("mention 1 of 1"), "{}", drawn(&app));
    app.update(Action::NextMention);
    let screen = drawn(&app);
    assert!(screen.contains(PROBLEM), "{screen}");
    assert_eq!(app.current_index(), start, "stayed on the article");
    assert!(
        screen.contains("Anna de Vries said “we walk out”."),
        "{screen}"
    );
    // Once the library reads again, n goes on to the next article mentioning them.
    broken.set(false);
    app.update(Action::NextMention);
    let screen = drawn(&app);
    assert!(!screen.contains(PROBLEM), "{screen}");
    assert!(screen.contains("we are back"), "{screen}");

    // U under the entity filter: the filter's articles are read again.
    app.update(Action::ToggleFilter);
    let filtered = app.headlines().listed().to_vec();
    assert_eq!(filtered.len(), 2);
    let (at, view) = (app.current_index(), app.headlines().view());
    broken.set(true);
    app.update(Action::ToggleUnreadView);
    let screen = drawn(&app);
    assert!(screen.contains(PROBLEM), "{screen}");
    assert!(!screen.contains("U again shows all"), "{screen}");
    assert_eq!(app.headlines().view(), view);
    assert_eq!(app.headlines().listed(), filtered);
    assert_eq!(app.current_index(), at);

    // c: the corpus view's entities; Enter on one: the first article mentioning it.
    app.update(Action::ToggleCorpus);
    let screen = drawn(&app);
    assert!(screen.contains(PROBLEM), "{screen}");
    assert!(app.side().corpus().rows().is_empty(), "no rows made up");
    broken.set(false);
    app.update(Action::ToggleCorpus);
    app.update(Action::ToggleCorpus);
    assert!(!app.side().corpus().rows().is_empty());
    assert!(!drawn(&app).contains(PROBLEM));
    broken.set(true);
    let at = app.current_index();
    app.update(Action::Open);
    let screen = drawn(&app);
    assert!(screen.contains(PROBLEM), "{screen}");
    assert_eq!(app.current_index(), at);
}

#[test]
fn a_failed_read_of_an_entity_name_is_said_and_the_filter_uses_the_key() {
    let (mut app, _, names_broken) = flaky_library();
    // On an article that does not name Anna de Vries: her name comes from the library.
    open_headline(&mut app, "Council votes on budget");
    app.update(Action::ToggleCorpus);
    assert!(!app.side().corpus().rows().is_empty());
    names_broken.set(true);
    app.update(Action::ToggleFilter);
    let screen = drawn(&app);
    assert!(screen.contains(INDEX_PROBLEM), "{screen}");
    assert_eq!(app.message().map(Message::level), Some(Level::Problem));
    // The articles were read: the filter is on.
    assert_eq!(app.headlines().listed().len(), 2);
    assert!(app.headlines().filter().is_some());
}

#[test]
fn a_failed_article_read_stops_the_quote_jump_across_articles_and_says_so() {
    let (mut app, _, _, reads_broken) = flaky_library_with_reads();
    open_headline(&mut app, "Harbour pilots strike");
    app.update(Action::NextQuote);
    assert!(drawn(&app).contains("quote 1 of 1"), "{}", drawn(&app));
    let start = app.current_index();
    // Past the last quote, the next articles' analyses are read: the read fails.
    reads_broken.set(true);
    app.update(Action::NextQuote);
    let screen = drawn(&app);
    assert!(
        screen.contains("could not read an article of the library: disk I/O error"),
        "{screen}"
    );
    assert!(!screen.contains("no later quote"), "{screen}");
    assert_eq!(app.message().map(Message::level), Some(Level::Problem));
    assert_eq!(app.current_index(), start, "stayed on the article");
    assert!(
        screen.contains("Anna de Vries said “we walk out”."),
        "{screen}"
    );
    // Mended, the same key goes on to the third article's quote.
    reads_broken.set(false);
    app.update(Action::NextQuote);
    let screen = drawn(&app);
    assert!(
        screen.contains("in the next article with quotes"),
        "{screen}"
    );
    assert!(screen.contains("we are back"), "{screen}");
}

#[test]
fn the_quote_jump_across_library_articles_says_how_far_it_looked() {
    let n = crate::app::collection::LOOKAHEAD + 2;
    let stored: Vec<crate::library::Stored> = (0..n)
        .map(|i| {
            let quoted = i == 0 || i == n - 1;
            let para = if quoted {
                "Anna de Vries said “we walk out”."
            } else {
                "The council met."
            };
            stored(i, doc(&format!("Story {i}"), &[para], &[]))
        })
        .collect();
    let rows = stored.iter().map(crate::library::reader::Row::of).collect();
    let mut app = App::from_shelf(rows, Box::new(MemoryShelf::new(stored)));
    app.update(Action::Resize(100, 20));
    open_headline(&mut app, "Story 0");
    app.update(Action::NextQuote);
    app.update(Action::NextQuote);
    let screen = drawn(&app);
    assert!(
        screen.contains("no later quote in this article or the 200 after it"),
        "{screen}"
    );
    assert_eq!(
        app.current_article().map(|a| a.headline.as_str()),
        Some("Story 0")
    );
}

/// A library whose articles another process may rewrite (the test swaps them).
struct SwapShelf(std::rc::Rc<std::cell::RefCell<MemoryShelf>>);

impl Shelf for SwapShelf {
    fn article(
        &self,
        id: crate::library::ArticleId,
    ) -> Result<Option<crate::library::Stored>, String> {
        self.0.borrow().article(id)
    }

    fn mentioning(
        &self,
        key: &crate::analysis::corpus::EntityKey,
    ) -> Result<Vec<crate::library::ArticleId>, String> {
        self.0.borrow().mentioning(key)
    }

    fn entity(
        &self,
        key: &crate::analysis::corpus::EntityKey,
    ) -> Result<Option<crate::library::LibraryEntity>, String> {
        self.0.borrow().entity(key)
    }

    fn entities(&self, limit: usize) -> Result<Vec<crate::library::LibraryEntity>, String> {
        self.0.borrow().entities(limit)
    }
}

#[test]
fn an_article_a_refresh_rewrites_is_shown_again_and_the_others_when_opened() {
    let make = |texts: [(&str, &str); 2]| -> Vec<crate::library::Stored> {
        texts
            .iter()
            .enumerate()
            .map(|(i, (h, p))| stored(i, doc(h, &[p], &[("Anna de Vries", None)])))
            .collect()
    };
    let before = make([
        ("Harbour pilots strike", "Anna de Vries said “we walk out”."),
        ("Council votes on budget", "Anna de Vries was not there."),
    ]);
    let rows: Vec<_> = before.iter().map(crate::library::reader::Row::of).collect();
    let shelf = std::rc::Rc::new(std::cell::RefCell::new(MemoryShelf::new(before)));
    let mut app = App::from_shelf(rows, Box::new(SwapShelf(shelf.clone())));
    app.update(Action::Resize(100, 20));
    open_headline(&mut app, "Harbour pilots strike");
    assert!(drawn(&app).contains("we walk out"), "{}", drawn(&app));

    // A refresh rewrites both: the one on screen is shown again at once.
    let after = make([
        (
            "Harbour pilots strike ends",
            "Anna de Vries said “we are back”.",
        ),
        ("Council passes budget", "Anna de Vries voted for it."),
    ]);
    let rows: Vec<_> = after.iter().map(crate::library::reader::Row::of).collect();
    *shelf.borrow_mut() = MemoryShelf::new(after);
    app.update(Action::Updated(rows));
    let screen = drawn(&app);
    assert!(screen.contains("we are back"), "{screen}");
    assert!(!screen.contains("we walk out"), "{screen}");
    assert!(screen.contains("Harbour pilots strike ends"), "{screen}");
    assert!(screen.contains("Council passes budget"), "{screen}");
    assert!(
        screen.contains("a feed refresh updated this article"),
        "{screen}"
    );
    // The other article was loaded before: it is read again when opened.
    open_headline(&mut app, "Council passes budget");
    assert!(drawn(&app).contains("voted for it"), "{}", drawn(&app));
}
