//! The config file, themes and NO_COLOR, `o`/`y`, `/` search and export: each checked on the
//! screen after the keys (TestBackend), and through the binary where the binary does the work.
//! Every config path is a temporary file; no test reads the user's config.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod tui;

use tui::{body_map, buffer, clock, press, samples, screen};

use byline::app::{Action, App, Effect, Pane};
use byline::config::Prefs;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::path::PathBuf;
use std::time::Duration;
use unicode_width::UnicodeWidthStr;

/// The reader on the samples in file order (the seed article first), with a fixed clock.
fn in_file_order(width: u16, height: u16) -> App {
    let mut app = App::from_documents(samples(), Vec::new(), width, height).with_clock(clock());
    app.update(Action::ToggleOrder);
    app.update(Action::Top);
    app.update(Action::Resize(width, height));
    app
}

fn reader_with(config: &str, width: u16, height: u16) -> App {
    let mut app = in_file_order(width, height);
    app.set_prefs(byline::config::file::parse(config).unwrap());
    app
}

/// The last two rows: status and message / hints (or the query line).
fn bottom(app: &App) -> String {
    let s = screen(app);
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(2)..].join("\n")
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, &c.to_string());
    }
}

fn focus(app: &mut App, pane: Pane) {
    while app.screen().focus() != pane {
        press(app, "Tab");
    }
}

/// The body's text and, under it, a map of its cells by text style alone (no colour): `@`
/// reverse+underline+bold (current mention), `m` underline (mention), `Q` bold italic (current
/// quote), `q` bold (direct quote; the headline), `r` italic (reported speech), `d` dim italic
/// (dek, caption), `c` dim (credit), `s` reverse (search match), `S` reverse bold italic (current
/// match).
fn style_map(app: &App) -> String {
    body_map(app, |cell| {
        let on = cell.modifier;
        let (bold, italic, under, rev, dim) = (
            on.contains(Modifier::BOLD),
            on.contains(Modifier::ITALIC),
            on.contains(Modifier::UNDERLINED),
            on.contains(Modifier::REVERSED),
            on.contains(Modifier::DIM),
        );
        match (bold, italic, under, rev, dim) {
            (true, _, true, true, _) => '@',
            (true, true, false, true, _) => 'S',
            (false, false, false, true, _) => 's',
            (_, _, true, false, _) => 'm',
            (true, true, false, false, _) => 'Q',
            (true, false, false, false, _) => 'q',
            (false, true, false, false, true) => 'd',
            (false, true, false, false, false) => 'r',
            (false, false, false, false, true) => 'c',
            _ => '.',
        }
    })
}

fn no_colour_anywhere(b: &Buffer) {
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            let cell = &b[(x, y)];
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "a coloured cell at {x},{y}: {:?}",
                cell.symbol()
            );
        }
    }
}

// ----- NO_COLOR ------------------------------------------------------------------------------

/// NO_COLOR keeps every highlight, by text style alone: quotes, the current quote, mentions, the
/// current mention, the caption and the credit all differ, and no cell has a colour.
#[test]
fn no_color_screen_keeps_every_highlight_by_style() {
    let mut app = in_file_order(120, 40);
    let path = std::env::temp_dir().join("byline-prefs-test-absent/config.toml");
    app.set_prefs(byline::config::load(&path, false, true).unwrap());
    focus(&mut app, Pane::Side);
    press(&mut app, "g");
    // Vladimir Putin: mentioned in the caption and in quoted paragraphs.
    press(&mut app, "j");
    assert_eq!(app.followed_name().as_deref(), Some("Vladimir Putin"));
    press(&mut app, "n");
    press(&mut app, "n");
    assert!(bottom(&app).contains("mention 2 of"), "{}", bottom(&app));
    press(&mut app, "]");
    no_colour_anywhere(&buffer(&app));
    let map = style_map(&app);
    let marks = map.split("\n----\n").nth(1).unwrap();
    for (c, what) in [
        ('@', "the current mention"),
        ('m', "the other mentions"),
        ('Q', "the current quote"),
        ('r', "reported speech"),
        ('d', "the caption"),
        ('c', "the credit"),
    ] {
        assert!(marks.contains(c), "{what} ({c}) not marked:\n{map}");
    }
    insta::assert_snapshot!(map);
    // The focused pane and the selected row still stand out.
    let b = buffer(&app);
    let side = app.screen().areas().side;
    assert!(b[(side.x, side.y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn the_light_theme_and_palette_colours_are_drawn() {
    let mut app = reader_with(
        "[theme]\nname = \"light\"\n[theme.palette]\nquote = \"#ff0000\"\n",
        120,
        40,
    );
    press(&mut app, "]");
    let b = buffer(&app);
    let mut colours = std::collections::HashSet::new();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            colours.insert(b[(x, y)].fg);
        }
    }
    assert!(
        colours.contains(&Color::Rgb(255, 0, 0)),
        "the palette's quote colour"
    );
    assert!(colours.contains(&Color::Indexed(25)), "the light accent");
    assert!(!colours.contains(&Color::Cyan), "no dark accent");
}

// ----- config: keys and reading width ---------------------------------------------------------

#[test]
fn remapped_keys_drive_the_reader_and_the_help_shows_them() {
    let mut app = reader_with("[keys]\nnext_mention = [\"m\", \"Ctrl-n\"]\n", 120, 40);
    focus(&mut app, Pane::Side);
    press(&mut app, "g");
    press(&mut app, "n");
    assert!(!bottom(&app).contains("mention 1 of"), "n does nothing now");
    press(&mut app, "m");
    assert!(bottom(&app).contains("— mention 1 of"), "{}", bottom(&app));
    press(&mut app, "C-n");
    assert!(bottom(&app).contains("— mention 2 of"), "{}", bottom(&app));
    press(&mut app, "?");
    let s = screen(&app);
    assert!(
        s.contains("m/Ctrl-n        next mention of the selected entity"),
        "{s}"
    );
    press(&mut app, "Esc");
    assert!(screen(&app).lines().last().unwrap().contains("m/N mention"));
}

#[test]
fn key_conflicts_are_reported_at_start() {
    let app = reader_with("[keys]\ncorpus = \"f\"\nquit = \"j\"\n", 120, 40);
    assert!(bottom(&app).contains(" config: key `"), "{}", bottom(&app));
    let text = app.message().unwrap().text();
    assert!(
        text.contains("key `f` is bound to both filter and corpus in Everywhere: filter wins"),
        "{text}"
    );
    assert!(
        text.contains("key `j` does down in Headlines, so it cannot do quit there"),
        "{text}"
    );
    assert!(text.contains("key conflicts)"), "{text}");
}

#[test]
fn reading_width_caps_the_body_text() {
    let wide = reader_with("", 200, 50);
    let capped = reader_with("reading_width = 60\n", 200, 50);
    let widest = |app: &App| {
        app.body()
            .wrapped()
            .lines()
            .map(|l| l.text(&app.current_article().unwrap().text).width())
            .max()
            .unwrap()
    };
    assert!(widest(&wide) > 80, "{}", widest(&wide));
    assert!(widest(&capped) <= 60, "{}", widest(&capped));
    let map = style_map(&capped);
    let text = map.split("\n----\n").next().unwrap();
    assert!(text.lines().all(|l| l.trim_end().width() <= 60), "{text}");
}

#[test]
fn date_format_shows_dates_one_way() {
    // At 90 columns the list is as wide as the screen, with room for the dates.
    let app = reader_with("date_format = \"%d.%m.%Y\"\n", 90, 40);
    let s = screen(&app);
    assert!(s.contains("02.09.2025"), "{s}");
    assert!(s.contains("05.09.2025"), "the RFC 2822 date too: {s}");
}

// ----- o and y -------------------------------------------------------------------------------

#[test]
fn o_opens_the_link_off_the_ui_thread_and_shows_it() {
    let mut app = reader_with("", 120, 40);
    press(&mut app, "o");
    assert!(
        bottom(&app).contains("this article has no link"),
        "{}",
        bottom(&app)
    );
    assert!(app.take_effects().is_empty());
    press(&mut app, "j");
    let url = "https://example.org/wire/duarte-athens";
    assert!(
        screen(&app).contains(&format!("┘└ {url} ─")),
        "the link on the body's border"
    );
    press(&mut app, "o");
    assert!(
        bottom(&app).contains(&format!("opening {url}")),
        "{}",
        bottom(&app)
    );
    assert_eq!(app.take_effects(), vec![Effect::OpenUrl(url.into())]);
    app.update(Action::Done(byline::app::Message::info("opened it")));
    assert!(bottom(&app).contains("opened it"));
}

#[test]
fn y_copies_only_when_osc52_is_on_and_says_how_to_turn_it_on() {
    let mut app = reader_with("", 120, 40);
    press(&mut app, "j");
    press(&mut app, "y");
    assert!(
        bottom(&app).contains("put `osc52 = true` in"),
        "{}",
        bottom(&app)
    );
    assert!(app.take_effects().is_empty());
    let mut app = reader_with("osc52 = true\n", 120, 40);
    press(&mut app, "j");
    press(&mut app, "y");
    assert!(bottom(&app).contains("copied https://example.org/wire/duarte-athens"));
    assert_eq!(
        app.take_effects(),
        vec![Effect::Copy(
            "https://example.org/wire/duarte-athens".into()
        )]
    );
}

// ----- / search --------------------------------------------------------------------------------

#[test]
fn slash_in_the_body_finds_highlights_and_steps_through_matches() {
    let mut app = reader_with("[theme]\nname = \"mono\"\n", 120, 40);
    focus(&mut app, Pane::Body);
    press(&mut app, "/");
    type_text(&mut app, "PUTIN");
    let s = bottom(&app);
    assert!(s.contains("search article /PUTIN"), "{s}");
    let n = app.article_search().matches().len();
    assert!(n >= 3, "{n}");
    assert!(s.contains(&format!("{n} matches")), "{s}");
    press(&mut app, "Enter");
    assert!(
        bottom(&app).contains(&format!("“PUTIN” — match 1 of {n}")),
        "{}",
        bottom(&app)
    );
    let first = style_map(&app);
    let marks = first.split("\n----\n").nth(1).unwrap();
    assert!(marks.contains("SSSSS"), "the current match:\n{first}");
    press(&mut app, ".");
    assert!(
        bottom(&app).contains(&format!("match 2 of {n}")),
        "{}",
        bottom(&app)
    );
    press(&mut app, ",");
    press(&mut app, ",");
    assert!(
        bottom(&app).contains(&format!("match {n} of {n}")),
        "round the end"
    );
    assert_ne!(style_map(&app), first);
    // n is still the mention jump, not a search key.
    press(&mut app, "Esc");
    assert!(bottom(&app).contains("search cleared"));
    assert!(app.article_search().matches().is_empty());
}

#[test]
fn the_search_line_edits_and_esc_restores() {
    let mut app = reader_with("", 120, 40);
    focus(&mut app, Pane::Body);
    press(&mut app, "G");
    let scroll = app.body().scroll();
    press(&mut app, "/");
    type_text(&mut app, "obamx");
    assert!(
        bottom(&app).contains("/obamx    0 matches"),
        "{}",
        bottom(&app)
    );
    press(&mut app, "Backspace");
    type_text(&mut app, "a");
    assert!(bottom(&app).contains("/obama"), "{}", bottom(&app));
    assert!(!app.article_search().matches().is_empty());
    assert_ne!(app.body().scroll(), scroll, "the view went to a match");
    press(&mut app, "C-u");
    assert!(
        bottom(&app).contains("search article /"),
        "{}",
        bottom(&app)
    );
    type_text(&mut app, "putin");
    press(&mut app, "Esc");
    assert!(app.query().is_none());
    assert!(app.article_search().matches().is_empty(), "nothing kept");
    assert_eq!(app.body().scroll(), scroll, "back where it was");
    // Letters typed into the line are not keys: q did not quit; Ctrl-C still does.
    press(&mut app, "/");
    type_text(&mut app, "q");
    assert!(!app.should_quit());
    assert!(
        bottom(&app).contains("search article /q"),
        "{}",
        bottom(&app)
    );
    press(&mut app, "C-c");
    assert!(app.should_quit());
}

#[test]
fn f_replaces_a_headline_search_and_esc_then_shows_all() {
    let mut app = reader_with("", 120, 40);
    let all = app.headlines().listed().len();
    press(&mut app, "/");
    type_text(&mut app, "obama");
    press(&mut app, "Enter");
    assert!(app.headline_search().is_some());
    focus(&mut app, Pane::Side);
    press(&mut app, "g");
    press(&mut app, "f");
    assert!(app.headline_search().is_none());
    let s = screen(&app);
    assert!(s.contains("Headlines — Barack Obama ("), "{s}");
    press(&mut app, "Esc");
    assert_eq!(app.headlines().listed().len(), all, "{}", screen(&app));
}

#[test]
fn slash_in_the_headlines_narrows_the_list_as_you_type() {
    let mut app = reader_with("", 120, 40);
    let all = app.headlines().listed().len();
    press(&mut app, "/");
    type_text(&mut app, "fer");
    let narrowed = app.headlines().listed().len();
    assert!(narrowed < all && narrowed >= 1, "{narrowed} of {all}");
    type_text(&mut app, "ry operators");
    let s = screen(&app);
    assert!(s.contains("Headlines — /ferry operators ("), "{s}");
    assert!(s.contains("Greek Ferry Operators Warn"), "{s}");
    assert!(!s.contains("Lisbon Opens Night Bus"), "{s}");
    assert!(
        s.contains("search headlines /ferry operators    1 listed"),
        "{s}"
    );
    insta::assert_snapshot!(s);
    press(&mut app, "Enter");
    assert!(bottom(&app).contains("1 article matches “ferry operators” — Esc shows all"));
    assert_eq!(app.headlines().listed().len(), 1);
    press(&mut app, "Esc");
    assert_eq!(app.headlines().listed().len(), all);
    // Esc on the line puts the list back as it was.
    press(&mut app, "/");
    type_text(&mut app, "zzzz");
    assert!(
        screen(&app).contains("Headlines — /zzzz (0)"),
        "{}",
        screen(&app)
    );
    press(&mut app, "Esc");
    assert_eq!(app.headlines().listed().len(), all);
}

/// A kept headline search: the article opened shows the query's words highlighted (the first one
/// current) and `.`/`,` step through them, scrolling to each, with the position in the status
/// bar; the hints say so; Esc drops the search and its highlights.
#[test]
fn dot_steps_through_a_kept_headline_searchs_words_in_the_article() {
    let mut app = reader_with("[theme]\nname = \"mono\"\n", 100, 24);
    let all = app.headlines().listed().len();
    press(&mut app, "/");
    type_text(&mut app, "subsidy");
    press(&mut app, "Enter");
    assert!(
        bottom(&app).contains(
            "1 article matches “subsidy” — Esc shows all; in the article . next, , previous"
        ),
        "{}",
        bottom(&app)
    );
    press(&mut app, "Enter");
    assert_eq!(app.screen().focus(), Pane::Body);
    assert!(
        bottom(&app)
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("./, match  "),
        "{}",
        bottom(&app)
    );
    assert_eq!(app.headline_search().unwrap().matches().len(), 2);
    assert_eq!(app.body().scroll(), 0);
    let first = style_map(&app);
    let marks = first.split("\n----\n").nth(1).unwrap();
    assert_eq!(
        marks.matches('S').count(),
        "subsidy".len(),
        "the first match is the current one:\n{first}"
    );
    press(&mut app, ".");
    assert!(
        bottom(&app).contains("“subsidy” — match 2 of 2"),
        "{}",
        bottom(&app)
    );
    assert!(app.body().scroll() > 0, "the view went to the second match");
    let second = style_map(&app);
    let (text, marks) = second.split_once("\n----\n").unwrap();
    let row = text
        .lines()
        .position(|l| l.starts_with("The subsidy, introduced"))
        .unwrap_or_else(|| panic!("the second match is in view:\n{second}"));
    assert_eq!(
        marks.lines().nth(row),
        Some("....SSSSSSS"),
        "the second match is the current one:\n{second}"
    );
    insta::assert_snapshot!(screen(&app));
    press(&mut app, ",");
    assert!(
        bottom(&app).contains("“subsidy” — match 1 of 2"),
        "{}",
        bottom(&app)
    );
    press(&mut app, ",");
    assert!(bottom(&app).contains("match 2 of 2"), "round the end");
    press(&mut app, "Esc");
    assert!(bottom(&app).contains("showing every article"));
    assert_eq!(app.headlines().listed().len(), all);
    let cleared = style_map(&app);
    let marks = cleared.split("\n----\n").nth(1).unwrap();
    assert!(
        !marks.contains('S') && !marks.contains('s'),
        "no match highlighted after Esc:\n{cleared}"
    );
    press(&mut app, ".");
    assert!(bottom(&app).contains("no search"), "{}", bottom(&app));
}

#[test]
fn collection_search_matches_headline_byline_and_text_ignoring_case() {
    let app = reader_with("", 120, 40);
    let docs = app.collection();
    assert_eq!(docs.search("").len(), docs.len());
    let ferry = docs.search("FERRY");
    assert!(!ferry.is_empty());
    let quental = docs.search("marta quental");
    assert!(
        quental.contains(&1),
        "the byline of the first brief: {quental:?}"
    );
    assert!(quental.len() < docs.len());
    assert!(docs.search("no such words anywhere").is_empty());
}

// ----- export ----------------------------------------------------------------------------------

#[test]
fn big_e_exports_the_article_as_markdown_into_the_export_dir() {
    let dir = std::env::temp_dir().join(format!("byline-export-screen-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = reader_with(
        &format!("export_dir = {:?}\n", dir.display().to_string()),
        120,
        40,
    );
    press(&mut app, "E");
    let stem = "u-s-and-russia-fail-to-reach-syria-deal-on-sidelines-of-g20";
    assert!(bottom(&app).contains("writing "), "{}", bottom(&app));
    let effects = app.take_effects();
    let [
        Effect::Write {
            dir: d,
            stem: s,
            contents,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!((d, s.as_str()), (&dir, stem));
    let path = byline::effects::write_new(d, s, contents).unwrap();
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(
        md.starts_with("# U.S. and Russia Fail to Reach Syria Deal"),
        "{md}"
    );
    assert!(
        md.contains("## People\n\n- **Barack Obama**, U.S. President"),
        "{md}"
    );
    assert!(md.contains("## Quotes\n\n"), "{md}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn analyze_format_markdown_prints_the_same_notes() {
    let out = common::byline_within(
        &[
            "analyze",
            "--format",
            "markdown",
            "assets/articles/00-seed-article.txt",
            "assets/articles/briefs.jsonl",
        ],
        None,
        Duration::from_secs(60),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with("# U.S. and Russia Fail to Reach Syria Deal"),
        "{md}"
    );
    assert!(md.contains("\n---\n\n# Duarte Heads to Athens"), "{md}");
    assert!(md.contains("- By: Marta Quental\n"), "{md}");
    assert!(
        md.contains("- Link: <https://example.org/wire/duarte-athens>\n"),
        "{md}"
    );
}

// ----- the config file through the binary ------------------------------------------------------

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn config_init_writes_the_commented_default_and_keeps_an_existing_file() {
    let dir = temp_dir("config-init");
    let path = dir.join("sub/config.toml");
    let p = path.to_str().unwrap();
    let out = common::byline_within(
        &["config", "init", "--config", p],
        None,
        Duration::from_secs(30),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("wrote {p}")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("# next_mention = [\"n\"]"), "{text}");
    assert!(text.contains("# osc52 = false"), "{text}");
    assert_eq!(
        byline::config::file::parse(&text).unwrap(),
        Prefs::default()
    );
    let again = common::byline_within(
        &["config", "init", "--config", p],
        None,
        Duration::from_secs(30),
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let forced = common::byline_within(
        &["config", "init", "--force", "--config", p],
        None,
        Duration::from_secs(30),
    );
    assert!(forced.status.success());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_config_stops_the_reader_naming_the_line_and_the_key() {
    let dir = temp_dir("config-bad");
    let path = dir.join("config.toml");
    std::fs::write(
        &path,
        "osc52 = true\n\n[theme]\nname = \"dark\"\ncolour = \"red\"\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let out = common::byline_within(
        &["--config", p, "assets/articles"],
        None,
        Duration::from_secs(30),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "byline: config file {p}, line 5: unknown key `colour`"
        )),
        "{err}"
    );
    // BYLINE_CONFIG names it too; a config file asked for that is not there is an error.
    let missing = dir.join("none.toml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("assets/articles")
        .env("BYLINE_CONFIG", &missing)
        .current_dir(common::root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("none.toml: no such file (write one with `byline config init`)"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_search_line_at_80x24() {
    let mut app = reader_with("", 80, 24);
    press(&mut app, "Tab");
    press(&mut app, "/");
    type_text(&mut app, "obama");
    let s = screen(&app);
    assert!(
        s.lines()
            .last()
            .unwrap()
            .starts_with(" search article /obama"),
        "{s}"
    );
    insta::assert_snapshot!(s);
}
