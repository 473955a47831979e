//! Whole screens through ratatui's TestBackend, snapshotted with insta, on the bundled samples.
//! Each key-press test checks that the screen after the key differs in the way the key promises.
//! Colour is not in the text snapshots, so highlight tests snapshot a map of the body's styles.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui;

use tui::{body_map, buffer, clock, press, samples, screen};

use byline::app::{Action, App, Pane};
use byline::document::Document;
use byline::ui;
use byline::ui::theme::THEME;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use unicode_width::UnicodeWidthStr;

/// The reader on the samples, as it starts (newest first).
fn reader_as_started(width: u16, height: u16) -> App {
    App::from_documents(samples(), Vec::new(), width, height).with_clock(clock())
}

/// The reader on the samples in file order (`O`), so that the seed article comes first.
fn reader(width: u16, height: u16) -> App {
    let mut app = reader_as_started(width, height);
    press(&mut app, "O");
    press(&mut app, "g");
    app.update(Action::Resize(width, height));
    app
}

/// The status bar: the status row and the message / key hints row under it.
fn status(app: &App) -> String {
    let s = screen(app);
    let first = usize::from(app.screen().areas().status.y);
    s.lines().skip(first).take(2).collect::<Vec<_>>().join("\n")
}

/// The body pane's text, and under it a map of its highlights: `@` the current mention, `m` other
/// mentions, `Q` the current quote, `q` other direct/partial quotes, `r` reported speech.
fn highlight_map(app: &App) -> String {
    body_map(app, |cell| {
        let style = cell.style();
        if style.bg == THEME.mention_current.bg {
            '@'
        } else if style.fg == THEME.mention.fg {
            'm'
        } else if style.bg == THEME.quote_current.bg && style.fg == THEME.quote.fg {
            'Q'
        } else if style.fg == THEME.quote.fg {
            'q'
        } else if style.fg == THEME.reported.fg {
            'r'
        } else {
            '.'
        }
    })
}

/// Only the map half of `highlight_map`.
fn marks_of(app: &App) -> String {
    let map = highlight_map(app);
    map.split("\n----\n").nth(1).unwrap().to_string()
}

#[test]
fn three_panes_at_120x40() {
    let app = reader_as_started(120, 40);
    let s = screen(&app);
    for title in ["Headlines (", "Article", "Entities"] {
        assert!(s.lines().next().unwrap().contains(title), "{title} missing");
    }
    insta::assert_snapshot!(s);
}

#[test]
fn narrow_60x20_stacks_the_list_over_the_body() {
    let app = reader(60, 20);
    assert_eq!(app.screen().areas().body.width, 60);
    assert!(app.screen().areas().headlines.y < app.screen().areas().body.y);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn tab_moves_focus_to_the_body() {
    let mut app = reader(120, 40);
    let before = screen(&app);
    assert!(status(&app).contains("HEADLINES"));
    press(&mut app, "Tab");
    let after = screen(&app);
    assert_ne!(before, after);
    assert!(status(&app).contains("ARTICLE"), "{}", status(&app));
    insta::assert_snapshot!(after);
}

#[test]
fn j_shows_the_next_article() {
    let mut app = reader(120, 40);
    let second = app.collection().entries()[1].title().to_string();
    let first_words: String = second.chars().take(20).collect();
    let body_before = highlight_map(&app);
    assert!(!body_before.contains(&first_words));
    press(&mut app, "j");
    assert!(status(&app).contains("article 2/"));
    assert!(
        highlight_map(&app).contains(&first_words),
        "body shows the second article"
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn big_g_in_the_body_shows_the_end() {
    let mut app = reader(120, 40);
    // The longest sample, so that G has somewhere to go.
    let longest = (0..app.headlines().listed().len())
        .max_by_key(|&i| app.collection().articles()[i].text.len())
        .unwrap();
    for _ in 0..longest {
        press(&mut app, "j");
    }
    press(&mut app, "Tab");
    press(&mut app, "G");
    let text = &app.collection().articles()[app.current_index().unwrap()].text;
    let wrapped = app.body().wrapped();
    let last = wrapped
        .line(wrapped.len() - 1)
        .unwrap()
        .text(text)
        .to_string();
    assert!(
        app.body().scroll() > 0,
        "the first article is longer than a screen"
    );
    let s = screen(&app);
    assert!(s.contains(last.trim()), "last line {last:?} on screen");
    assert!(status(&app).contains("Bot"), "{}", status(&app));
    assert!(s.lines().next().unwrap().contains("Article — Bot"));
    insta::assert_snapshot!(s);
}

#[test]
fn question_mark_opens_the_help_from_the_key_map() {
    let mut app = reader(120, 40);
    press(&mut app, "?");
    let s = screen(&app);
    assert!(s.contains("Keys — Esc closes"));
    for line in ui::help::lines(app.keymap(), 120).iter().take(30) {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(s.contains(text.trim_end()), "help line {text:?} missing");
    }
    insta::assert_snapshot!(s);
    press(&mut app, "Esc");
    assert!(!screen(&app).contains("Keys — Esc closes"));
}

#[test]
fn every_terminal_size_draws_without_panicking() {
    let mut app = reader(120, 40);
    let mut sizes = vec![
        (1, 1),
        (1, 40),
        (120, 1),
        (2, 2),
        (3, 3),
        (99, 30),
        (100, 30),
        (400, 120),
    ];
    for w in (1..=400).step_by(37) {
        for h in (1..=120).step_by(17) {
            sizes.push((w, h));
        }
    }
    for (w, h) in sizes {
        app.update(Action::Resize(w, h));
        for key in ["Tab", "j", "G", "n", "]", "Q", "c", "?"] {
            press(&mut app, key);
            let _ = buffer(&app);
        }
        press(&mut app, "Esc");
        press(&mut app, "Esc");
    }
}

// ----- mentions and quotes -----------------------------------------------------------------

/// Focus the entity pane and move to the first entity satisfying `pick`; returns its name.
fn choose_entity(app: &mut App, pick: impl Fn(&byline::Entity) -> bool) -> String {
    while app.screen().focus() != Pane::Side {
        press(app, "Tab");
    }
    press(app, "g");
    let entities = app.current_analysis().unwrap().entities.clone();
    let target = entities
        .iter()
        .position(&pick)
        .expect("an entity to follow");
    for _ in 0..entities.len() {
        if app.followed().here() == Some(target) {
            break;
        }
        press(app, "j");
    }
    assert_eq!(app.followed().here(), Some(target));
    entities[target].name.to_string()
}

#[test]
fn n_highlights_the_next_mention() {
    let mut app = reader(120, 40);
    let name = choose_entity(&mut app, |e| e.mentions.len() >= 3);
    press(&mut app, "n");
    let first = highlight_map(&app);
    assert!(
        status(&app).contains(&format!("{name} — mention 1 of")),
        "{}",
        status(&app)
    );
    press(&mut app, "n");
    let second = highlight_map(&app);
    assert!(
        status(&app).contains(&format!("{name} — mention 2 of")),
        "{}",
        status(&app)
    );
    assert_ne!(first, second, "the current mention moved");
    assert!(
        second.split("\n----\n").nth(1).unwrap().contains('@'),
        "the current mention is on screen"
    );
    insta::assert_snapshot!("mention_1", first);
    insta::assert_snapshot!("mention_2", second);
}

#[test]
fn n_after_the_last_mention_opens_the_next_article_mentioning_the_entity() {
    let mut app = reader(120, 40);
    // Someone in the first article who is also in a later one.
    let corpus = app.collection().corpus().clone();
    let name = choose_entity(&mut app, |e| {
        corpus
            .articles_with(&byline::analysis::corpus::EntityKey::of(e))
            .len()
            >= 2
    });
    let count = app.current_analysis().unwrap().entities[app.followed().here().unwrap()]
        .mentions
        .len();
    for _ in 0..count {
        press(&mut app, "n");
    }
    let before = app.current_index();
    press(&mut app, "n");
    assert_ne!(app.current_index(), before, "moved to another article");
    let s = status(&app);
    assert!(s.contains(&format!("{name} — mention 1 of")), "{s}");
    assert!(s.contains("next article"), "{s}");
    assert!(marks_of(&app).contains('@'));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn a_quote_over_several_paragraphs_is_highlighted_on_every_line() {
    let mut app = reader(120, 40);
    // The sample with a quotation running over paragraphs.
    let (article, quote) = app
        .collection()
        .entries()
        .iter()
        .enumerate()
        .find_map(|(i, e)| {
            let a = e.analysis()?;
            let text = &app.collection().articles()[i].text;
            let q = a.quotes.iter().position(|q| {
                matches!(q.kind, byline::QuoteKind::Direct) && q.span.slice(text).contains("\n\n")
            })?;
            Some((i, q))
        })
        .expect("a sample with a multi-paragraph quote");
    while app.current_index() != Some(article) {
        press(&mut app, "j");
    }
    let nav = app
        .side()
        .quotes()
        .stops()
        .iter()
        .position(|&q| q == quote)
        .unwrap();
    for _ in 0..=nav {
        press(&mut app, "]");
    }
    let s = status(&app);
    assert!(s.contains(&format!("quote {} of", nav + 1)), "{s}");
    let map = highlight_map(&app);
    let q_lines = map
        .split("\n----\n")
        .nth(1)
        .unwrap()
        .lines()
        .filter(|l| l.contains('Q'))
        .count();
    assert!(q_lines >= 3, "the quote covers several lines:\n{map}");
    insta::assert_snapshot!("multi_paragraph_quote", format!("{s}\n{map}"));
}

#[test]
fn big_q_shows_the_quotes_view_and_enter_jumps_to_a_quote() {
    let mut app = reader(120, 40);
    let before = screen(&app);
    assert!(before.contains("Entities"));
    press(&mut app, "Q");
    let s = screen(&app);
    assert!(s.lines().next().unwrap().contains("Quotes ("), "{s}");
    assert!(!s.lines().next().unwrap().contains("Entities"));
    assert!(status(&app).contains(" QUOTES "));
    press(&mut app, "j");
    press(&mut app, "Enter");
    assert!(status(&app).contains("quote 2 of"), "{}", status(&app));
    assert!(
        marks_of(&app).contains('Q'),
        "the chosen quote is highlighted"
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn c_shows_entities_across_all_articles() {
    let mut app = reader(120, 40);
    press(&mut app, "c");
    let s = screen(&app);
    assert!(s.lines().next().unwrap().contains("Corpus — "), "{s}");
    let top = &app.side().corpus().rows()[0];
    assert!(top.articles >= 2, "the first row is in several articles");
    assert!(s.contains(&top.name));
    insta::assert_snapshot!(s);
}

// ----- hostile text ------------------------------------------------------------------------

/// An article straight from hostile bytes, bypassing the parser's cleaning, so the drawing layer's
/// own defence is what is tested.
fn hostile() -> Document {
    let evil = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b[31mred\x1b[0m \u{9b}31m \x1bP1$qm\x1b\\ \u{202e}desrever\u{202c} \x07bell\x00nul \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\";
    let text = format!("Head {evil}\n\nBody {evil} Mallory said so.\n\n“Quote {evil}” she said.");
    let p1 = text.find("Body").unwrap();
    let p2 = text.find('“').unwrap();
    let blocks = vec![
        byline::Block::new(byline::BlockKind::Headline, 0, p1 - 2),
        byline::Block::new(byline::BlockKind::Paragraph, p1, p2 - 2),
        byline::Block::new(byline::BlockKind::Paragraph, p2, text.len()),
    ];
    let m = text.find("Mallory").unwrap();
    let q_end = text.find('”').unwrap() + '”'.len_utf8();
    let analysis = byline::Analysis {
        entities: vec![byline::Entity {
            id: "mallory".into(),
            kind: byline::EntityKind::Person,
            name: format!("Mallory {evil}").into(),
            role: Some(format!("role {evil}").into()),
            mentions: vec![byline::Span::new(m, m + 7)].into(),
        }],
        quotes: vec![byline::Quote {
            kind: byline::QuoteKind::Direct,
            span: byline::Span::new(p2, q_end),
            speaker: None,
            // The speaker as written: the hostile bytes after "Body ".
            speaker_span: Some(byline::Span::new(p1 + 5, p1 + 5 + evil.len())),
        }],
    };
    Document {
        article: byline::Article {
            source: format!("evil{evil}.txt"),
            headline: format!("Head {evil}"),
            text,
            blocks,
            ..Default::default()
        },
        analysis,
    }
}

/// Every escape sequence in `bytes` must be one the backend writes itself: CSI with a final `m`
/// (colours), `H` (cursor moves) or `h`/`l` (cursor show/hide).
fn assert_only_backend_sequences(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        assert!(
            c == '\x1b' || !c.is_control(),
            "control character {c:?} reached the terminal"
        );
        assert!(
            !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
            "bidi control {c:?} reached the terminal"
        );
    }
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == 0x1b) {
        let start = i + at;
        assert_eq!(
            bytes.get(start + 1),
            Some(&b'['),
            "non-CSI escape at byte {start}"
        );
        let mut j = start + 2;
        while j < bytes.len() && matches!(bytes[j], b'0'..=b'9' | b';' | b'?' | b':') {
            j += 1;
        }
        let fin = bytes.get(j).copied().unwrap_or(0);
        assert!(
            matches!(fin, b'm' | b'H' | b'h' | b'l'),
            "unexpected sequence {:?}",
            String::from_utf8_lossy(&bytes[start..=j.min(bytes.len() - 1)])
        );
        i = j + 1;
    }
}

#[test]
fn escape_sequences_in_articles_never_reach_the_terminal() {
    let docs = vec![hostile()];
    let errors = vec![byline::article::SourceError {
        source: "bad\x1b]0;title\x07.txt".into(),
        reason: "broken \x1b[2J".into(),
    }];
    let mut app = App::from_documents(docs, errors, 120, 40);
    // Every view that shows article-derived text: body with a chosen mention and current quote,
    // entities, quotes view, corpus view, the errors list, the status message.
    let steps: &[&str] = &["", "BackTab", "j", "n", "]", "Q", "c", "e", "Esc", "f"];
    for key in steps {
        if !key.is_empty() {
            press(&mut app, key);
        }
        // A fresh terminal each time, so every cell is written, not only the changed ones.
        let out = Shared::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
        };
        let mut terminal =
            Terminal::with_options(CrosstermBackend::new(out.clone()), options).unwrap();
        terminal.draw(|f| ui::draw(f, &app)).unwrap();
        let bytes = out.0.borrow().clone();
        assert!(bytes.len() > 1000, "the screen was written");
        assert_only_backend_sequences(&bytes);
    }
    // The text is still there, inert.
    let s = screen(&app);
    assert!(s.contains("desrever"));
}

/// A writer the test can read after the backend wrote to it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// ----- issue 13 -----------------------------------------------------------------------------

/// The names of the entity rows drawn as selected (reversed when focused, underlined when not).
fn selected_entities(app: &App) -> Vec<String> {
    let b = buffer(app);
    let side = byline::app::layout::inner(app.screen().areas().side);
    let mut out = Vec::new();
    for y in side.y..side.bottom() {
        let first = &b[(side.x + 1, y)];
        let m = first.style().add_modifier;
        if m.contains(ratatui::style::Modifier::UNDERLINED)
            || m.contains(ratatui::style::Modifier::REVERSED)
        {
            let mut row = String::new();
            for x in side.x..side.right() {
                row.push_str(b[(x, y)].symbol());
            }
            let name = row.trim().trim_end_matches(|c: char| c.is_ascii_digit());
            out.push(name.trim().to_string());
        }
    }
    out
}

#[test]
fn n_follows_the_entity_the_pane_shows_selected_after_j() {
    let mut app = reader(120, 40);
    press(&mut app, "n");
    assert!(
        status(&app).contains("Barack Obama — mention 1 of 3"),
        "{}",
        status(&app)
    );
    press(&mut app, "j");
    let shown = selected_entities(&app);
    assert_eq!(shown.len(), 1, "one entity shown selected: {shown:?}");
    press(&mut app, "n");
    let s = status(&app);
    assert!(
        s.contains(&format!("{} — mention 1 of", shown[0])),
        "n follows {:?}, the pane shows {shown:?}\n{s}",
        app.followed_name()
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn the_selected_entitys_mentions_are_highlighted_at_start_up() {
    let app = reader(120, 40);
    let shown = selected_entities(&app);
    assert_eq!(shown, ["Barack Obama"]);
    assert_eq!(app.followed_name().as_deref(), Some("Barack Obama"));
    let map = highlight_map(&app);
    assert!(marks_of(&app).contains('m'), "{map}");
    insta::assert_snapshot!(map);
}

#[test]
fn p_in_the_quotes_view_narrows_to_the_selected_quotes_speaker() {
    let mut app = reader(120, 40);
    // An article with quotes by a known speaker other than the followed entity.
    let (article, stop, speaker) = (0..app.collection().len())
        .find_map(|i| {
            let a = app.collection().analysis(i)?;
            let first_person = a
                .entities
                .iter()
                .find(|e| e.kind == byline::EntityKind::Person)?;
            let stops: Vec<usize> = (0..a.quotes.len())
                .filter(|&q| a.quotes[q].kind != byline::QuoteKind::Scare)
                .collect();
            stops.iter().enumerate().find_map(|(stop, &q)| {
                let id = a.quotes[q].speaker.as_deref()?;
                (id != &*first_person.id).then(|| (i, stop, a.entity(id).unwrap().name.to_string()))
            })
        })
        .expect("a sample with a quote by someone other than its first person");
    while app.current_index() != Some(article) {
        press(&mut app, "j");
    }
    press(&mut app, "Q");
    for _ in 0..stop {
        press(&mut app, "j");
    }
    press(&mut app, "p");
    let s = screen(&app);
    assert!(
        s.contains(&format!("Quotes by {speaker}")),
        "p narrows to {speaker}:\n{s}"
    );
    let rows = app.side().quotes().rows();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r.speaker.starts_with(&speaker)),
        "{rows:?}"
    );
    insta::assert_snapshot!(s);
    press(&mut app, "p");
    assert!(status(&app).contains("showing every quote"));
}

#[test]
fn counts_read_in_the_singular_and_a_skipped_record_is_not_an_unopened_source() {
    let errors = vec![byline::article::SourceError::new(
        "assets/articles/briefs.jsonl#4",
        "invalid JSON: expected value",
    )];
    let mut app = App::from_documents(samples(), errors, 120, 40).with_clock(clock());
    press(&mut app, "O");
    press(&mut app, "g");
    let s = status(&app);
    assert!(s.contains("1 record skipped — press e"), "{s}");
    assert!(!s.contains("could not be opened"), "{s}");
    press(&mut app, "e");
    let overlay = screen(&app);
    assert!(overlay.contains("1 record skipped:"), "{overlay}");
    press(&mut app, "Esc");
    // f on an entity mentioned in one article only.
    let single = choose_entity(&mut app, |e| e.name.as_ref() == "Xi Jinping");
    press(&mut app, "f");
    let s = status(&app);
    assert!(s.contains(&format!("1 article mentions {single}")), "{s}");
    insta::assert_snapshot!(format!("{overlay}\n\n{s}"));
}

/// The headline rows' unread marks, top to bottom: true where "●" shows.
fn unread_marks(app: &App) -> Vec<bool> {
    let area = byline::app::layout::inner(app.screen().areas().headlines);
    let s = screen(app);
    s.lines()
        .skip(usize::from(area.y))
        .take(usize::from(area.height))
        .step_by(app.screen().headline_rows())
        .filter_map(|l| {
            let row: String = l.chars().skip(usize::from(area.x)).collect();
            (!row.trim().is_empty()).then(|| row.starts_with('●'))
        })
        .collect()
}

#[test]
fn passing_over_headlines_leaves_them_unread_enter_or_a_dwell_reads_them() {
    let mut app = reader(120, 40);
    press(&mut app, "j");
    press(&mut app, "j");
    press(&mut app, "j");
    let read: Vec<bool> = app
        .collection()
        .entries()
        .iter()
        .map(|e| e.is_read())
        .collect();
    assert!(read.iter().all(|r| !r), "passed over, not read: {read:?}");
    press(&mut app, "Enter");
    assert!(app.collection().entries()[3].is_read(), "Enter reads it");
    // Back to the list, down one: the fifth is read once it stayed on screen long enough.
    press(&mut app, "BackTab");
    press(&mut app, "j");
    assert!(!app.collection().entries()[4].is_read());
    let at = app.wake_at().unwrap();
    app.update(Action::Tick(at));
    assert!(app.collection().entries()[4].is_read(), "a dwell reads it");
    // Scrolling the body reads it too.
    press(&mut app, "j");
    press(&mut app, "Tab");
    press(&mut app, "j");
    assert!(app.collection().entries()[5].is_read(), "a scroll reads it");
    let marks = unread_marks(&app);
    assert_eq!(&marks[..7], [true, true, true, false, false, false, true]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn the_position_reads_top_percent_bot_or_all_as_in_less() {
    let mut app = reader(120, 40);
    let title = |app: &App| screen(app).lines().next().unwrap().to_string();
    assert!(title(&app).contains("Article — Top"), "{}", title(&app));
    assert!(status(&app).contains("line 1/66 Top"), "{}", status(&app));
    press(&mut app, "Tab");
    for _ in 0..14 {
        press(&mut app, "j");
    }
    // 66 lines, 36 shown: the top line is 14 of the 30 it can be.
    assert!(title(&app).contains("Article — 46%"), "{}", title(&app));
    press(&mut app, "G");
    assert!(title(&app).contains("Article — Bot"), "{}", title(&app));
    // An article that fits the pane.
    app.update(Action::Resize(120, 80));
    let all = title(&app);
    assert!(all.contains("Article — All"), "{all}");
    insta::assert_snapshot!(status(&app));
}

/// The text inside the open overlay's border, row by row.
fn overlay_rows(app: &App) -> Vec<String> {
    let s = screen(app);
    s.lines()
        .filter_map(|l| {
            let start = l.find('│')?;
            let inner = &l[start + '│'.len_utf8()..];
            let end = inner.rfind('│')?;
            Some(inner[..end].trim().to_string())
        })
        .collect()
}

#[test]
fn the_help_wraps_at_40_columns_and_lists_the_mouse() {
    let mut app = reader(40, 30);
    press(&mut app, "?");
    let first = screen(&app);
    let mut seen: Vec<String> = Vec::new();
    for _ in 0..20 {
        seen.extend(overlay_rows(&app));
        press(&mut app, " ");
    }
    let all = seen
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for b in byline::app::keymap::BINDINGS {
        assert!(
            all.contains(b.description),
            "{:?} cut:\n{first}",
            b.description
        );
    }
    for (what, description) in byline::app::keymap::MOUSE {
        assert!(all.contains(what) && all.contains(description), "{what}");
    }
    insta::assert_snapshot!(first);
}

#[test]
fn the_key_hints_drop_whole_hints_instead_of_cutting_one() {
    for width in [80, 100] {
        let app = reader(width, 30);
        let hints = status(&app).lines().nth(1).unwrap().to_string();
        let all: Vec<String> = app
            .keymap()
            .hints(&app.contexts())
            .into_iter()
            .map(|(k, l)| format!("{k} {l}"))
            .collect();
        let shown: Vec<&str> = hints.split("  ").filter(|h| !h.is_empty()).collect();
        assert!(!shown.is_empty());
        for h in &shown {
            assert!(
                all.iter().any(|a| a == h.trim()),
                "{h:?} is cut at {width}: {hints}"
            );
        }
        if width == 80 {
            insta::assert_snapshot!(hints);
        }
    }
}

#[test]
fn bracket_after_the_last_quote_carries_on_to_the_next_article_with_one() {
    let mut app = reader(120, 40);
    let stops = app.side().quotes().stops().len();
    assert!(stops > 0);
    for _ in 0..stops {
        press(&mut app, "]");
    }
    assert!(status(&app).contains(&format!("quote {stops} of {stops}")));
    press(&mut app, "]");
    let s = status(&app);
    assert_eq!(app.headlines().pos().selected, 1, "on to the next article");
    assert!(s.contains("quote 1 of"), "{s}");
    assert!(s.contains("in the next article with quotes (2/10)"), "{s}");
    assert!(
        marks_of(&app).contains('Q'),
        "its first quote is highlighted"
    );
    insta::assert_snapshot!(screen(&app));
    press(&mut app, "[");
    let s = status(&app);
    assert_eq!(
        app.headlines().pos().selected,
        0,
        "back to the first article"
    );
    assert!(s.contains(&format!("quote {stops} of {stops}")), "{s}");
    assert!(s.contains("previous article with quotes (1/10)"), "{s}");
}

/// The side pane's inner text, its rows joined by spaces (wrapped lines read as one).
fn side_text(app: &App) -> String {
    let b = buffer(app);
    let side = byline::app::layout::inner(app.screen().areas().side);
    let mut rows = Vec::new();
    for y in side.y..side.bottom() {
        let mut row = String::new();
        let mut x = side.x;
        while x < side.right() {
            let symbol = b[(x, y)].symbol();
            row.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap();
        }
        rows.push(row.trim().to_string());
    }
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_quotes_view_shows_each_quote_in_full_under_its_speaker() {
    let mut app = reader(120, 40);
    // The sample with the most quotes, so that they do not all fit.
    let most = (0..app.collection().len())
        .max_by_key(|&i| app.collection().analysis(i).map_or(0, |a| a.quotes.len()))
        .unwrap();
    while app.current_index() != Some(most) {
        press(&mut app, "j");
    }
    press(&mut app, "Q");
    let first = screen(&app);
    let rows = app.side().quotes().rows().to_vec();
    assert!(rows.len() >= 3);
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            press(&mut app, "j");
        }
        let shown = side_text(&app);
        let words = row.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            shown.contains(&words),
            "quote {i} in full: {words:?}\nshown: {shown}"
        );
        let speaker = row.speaker.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            shown.contains(&format!("{} {speaker}", row.stop + 1)),
            "{speaker}"
        );
    }
    // The last quote is selected and in view: the list scrolled.
    assert!(app.side().quotes().pos().offset > 0, "scrolled");
    insta::assert_snapshot!(first);
}

#[test]
fn the_author_of_a_json_article_is_shown_in_the_reader() {
    let mut app = reader(120, 40);
    let json = (0..app.collection().len())
        .find(|&i| {
            let a = app.collection().article(i).unwrap();
            a.source.contains(".jsonl#") && a.byline.is_some()
        })
        .unwrap();
    let author = app
        .collection()
        .article(json)
        .unwrap()
        .byline
        .clone()
        .unwrap();
    while app.current_index() != Some(json) {
        press(&mut app, "j");
    }
    let body = highlight_map(&app);
    let top: Vec<&str> = body.lines().take(3).collect();
    assert!(
        top.iter().any(|l| l.contains(&format!("By {author}"))),
        "{top:?}"
    );
}

#[test]
fn dates_show_one_way_in_local_time_and_the_list_is_newest_first() {
    let mut app = reader_as_started(120, 40);
    let dates: Vec<Option<jiff::Timestamp>> = app
        .headlines()
        .listed()
        .iter()
        .map(|&i| app.collection().article(i).unwrap().published)
        .collect();
    let dated = dates.iter().take_while(|d| d.is_some()).count();
    assert!(dated >= 5, "{dates:?}");
    assert!(dates[dated..].iter().all(Option::is_none), "undated last");
    assert!(
        dates[..dated].windows(2).all(|w| w[0] >= w[1]),
        "newest first: {dates:?}"
    );
    let s = screen(&app);
    // The RFC 2822 date (+0300) and the RFC 3339 ones read alike; nothing raw is left.
    assert!(s.contains("5 Sep 2025 · Meridian Wire"), "{s}");
    assert!(
        s.contains("3 h ago · Meridian Wire"),
        "a recent one is relative: {s}"
    );
    assert!(
        s.contains("18 Sep 2025 · osaka"),
        "a day, not its midnight: {s}"
    );
    assert!(!s.contains("+0300") && !s.contains("2025-09-0"), "{s}");
    // The body says the date in full, in the clock's zone (UTC here: 11:30 +0300 is 08:30).
    let ferry = (0..app.collection().len())
        .find(|&i| {
            app.collection().article(i).unwrap().date.as_deref()
                == Some("Fri, 05 Sep 2025 11:30:00 +0300")
        })
        .unwrap();
    while app.current_index() != Some(ferry) {
        press(&mut app, "j");
    }
    assert!(
        highlight_map(&app).contains("Fri 5 Sep 2025 08:30"),
        "{}",
        highlight_map(&app)
    );
    let newest = screen(&app);
    press(&mut app, "O");
    assert!(status(&app).contains("in file order"), "{}", status(&app));
    assert_eq!(app.current_index(), Some(ferry), "the shown article stays");
    let order: Vec<usize> = app.headlines().listed().to_vec();
    assert_eq!(order, (0..order.len()).collect::<Vec<_>>());
    insta::assert_snapshot!(format!("{newest}\n\n{}", screen(&app)));
}

#[test]
fn a_wide_terminal_caps_the_reading_measure() {
    let app = reader(200, 40);
    let body = app.screen().areas().body;
    let text = byline::app::layout::body_text(body);
    assert!(body.width > 100, "the body pane is wide: {body:?}");
    assert_eq!(text.width, byline::app::layout::MEASURE);
    assert_eq!(app.body().wrapped().width, byline::app::layout::MEASURE);
    let map = highlight_map(&app);
    let text_part = map.split("\n----\n").next().unwrap();
    let widest = text_part.lines().map(UnicodeWidthStr::width).max().unwrap();
    assert!(widest <= 88, "lines of {widest} columns");
    assert!(widest > 70, "the measure is used: {widest}");
    // Centred: as much room left of the text as right of it (give or take a column).
    let left = text.x - body.x;
    let right = body.right() - text.right();
    assert!(left.abs_diff(right) <= 1, "{left} vs {right}");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn at_80x24_the_people_stay_in_view() {
    let mut app = reader(80, 24);
    for key in ["", "Tab", "Tab"] {
        if !key.is_empty() {
            press(&mut app, key);
        }
        let s = screen(&app);
        assert!(
            s.contains("Entities"),
            "entity pane shown after {key:?}:\n{s}"
        );
        assert!(s.contains("Barack Obama"), "{s}");
        assert!(s.contains("Headlines ("), "{s}");
    }
    press(&mut app, "Tab");
    let s = screen(&app);
    assert!(status(&app).contains("HEADLINES"));
    insta::assert_snapshot!(s);
}

#[test]
fn the_dateline_runs_into_its_paragraph() {
    let mut app = reader(120, 40);
    press(&mut app, "j");
    let body = highlight_map(&app);
    let text = body.split("\n----\n").next().unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("LISBON (Meridian Wire) — Foreign Minister")),
        "{text}"
    );
    assert!(
        !text
            .lines()
            .any(|l| l.trim_end() == "LISBON (Meridian Wire) —")
    );
}

#[test]
fn a_place_inside_an_organizations_name_is_not_counted_twice() {
    let text = "Snow closes the pass\n\nThe Colorado Department of Transportation closed the \
                road on Monday. A spokesman for the Colorado Department of Transportation, Sam \
                Reed, said crews were working. Colorado has had a cold week.";
    let docs: Vec<Document> = byline::article::parse("colo.txt", text.as_bytes())
        .articles
        .into_iter()
        .map(Document::analyze)
        .collect();
    let colorado = docs[0]
        .analysis
        .entities
        .iter()
        .find(|e| e.name.as_ref() == "Colorado")
        .expect("the analysis finds Colorado");
    // The analysis reports the place inside the name too (as GUM annotates it).
    assert_eq!(colorado.mentions.len(), 3);
    let mut app = App::from_documents(docs, Vec::new(), 120, 24).with_clock(clock());
    let s = screen(&app);
    // The entity pane's rows as (name, count).
    let rows: Vec<(String, String)> = s
        .lines()
        .filter_map(|l| {
            let side = l.rsplit("││").next()?.trim_end_matches('│').trim();
            let (name, count) = side.rsplit_once(' ')?;
            Some((name.trim().to_string(), count.to_string()))
        })
        .collect();
    let count = |name: &str| {
        rows.iter()
            .find(|(n, _)| n == name)
            .map(|(_, c)| c.as_str())
    };
    assert_eq!(count("Colorado Department o…"), Some("2"), "{s}");
    assert_eq!(count("Colorado"), Some("1"), "{s}");
    choose_entity(&mut app, |e| e.name.as_ref() == "Colorado");
    press(&mut app, "n");
    assert!(
        status(&app).contains("Colorado — mention 1 of 1"),
        "{}",
        status(&app)
    );
    insta::assert_snapshot!(s);
}
