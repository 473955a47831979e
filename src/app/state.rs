//! `App`: the articles, their analyses as they arrive, and every piece of UI state (focus,
//! selections, scroll, the chosen entity and current mention/quote). Fields are public for drawing
//! and tests; only `App::update` writes them.

use super::keymap::Context;
use super::wrap::Wrapped;
use crate::analysis::corpus::{CorpusIndex, EntityKey};
use crate::analysis::{Analysis, EntityKind, QuoteKind};
use crate::article::sanitize::flat;
use crate::article::{Article, SourceError, Span};
use crate::document::Document;
use crate::ui::layout::{self, Areas};
use ratatui::layout::Rect;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Headlines,
    Body,
    /// The right-hand pane: entities, the corpus view or the quotes view (`SideView`).
    Side,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideView {
    Entities,
    Corpus,
    Quotes,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Errors,
}

/// How a stretch of body text is highlighted; later variants are drawn over earlier ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Highlight {
    Reported,
    Quote,
    CurrentQuote,
    Mention,
    CurrentMention,
}

/// A highlight on one body line: source bytes `span` (clipped to the line) on line `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub line: usize,
    pub span: Span,
    pub highlight: Highlight,
}

/// One article in the headline list.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The headline made inert and put on one line.
    pub title: String,
    /// The date (or else the outlet) for the list, when the source gives one.
    pub meta: String,
    pub read: bool,
    pub analysis: Option<Analysis>,
}

/// A row of the entity pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntityRow {
    Header(EntityKind, usize),
    /// Index into the article's `Analysis::entities`, display name, mention count.
    Entity {
        index: usize,
        name: String,
        count: usize,
    },
    /// The role of the person on the row above, on its own row so it is never cut short.
    Role(String),
}

/// A row of the quotes view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteRow {
    /// Index into `App::quote_order` (the quotes `]`/`[` step through).
    pub nav: usize,
    pub kind: QuoteKind,
    pub text: String,
    pub speaker: String,
}

/// A row of the corpus view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusRow {
    pub key: EntityKey,
    pub name: String,
    pub articles: usize,
}

/// A scrolled list: the selected row and the first row shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListPos {
    pub selected: usize,
    pub offset: usize,
}

/// Headlines limited to the articles mentioning one entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    pub key: EntityKey,
    pub name: String,
}

pub struct App {
    /// Immutable after loading; shared with the analysis thread.
    pub articles: Arc<[Article]>,
    pub entries: Vec<Entry>,
    pub errors: Vec<SourceError>,
    pub corpus: CorpusIndex,
    /// How many analyses have arrived.
    pub analysed: usize,
    /// Terminal size and the pane rectangles for it (also used to place mouse events).
    pub width: u16,
    pub height: u16,
    pub areas: Areas,
    pub focus: Pane,
    /// On a narrow terminal, the list pane shown above the body (headlines or side).
    pub last_list: Pane,
    pub side: SideView,
    pub overlay: Option<Overlay>,
    pub overlay_scroll: usize,
    /// Article indices listed in the headline pane, ascending (all, or the filter's).
    pub visible: Vec<usize>,
    pub headlines: ListPos,
    pub filter: Option<Filter>,
    /// The selected article's body at the body pane's width.
    pub body: Wrapped,
    pub scroll: usize,
    pub marks: Vec<Mark>,
    pub entity_rows: Vec<EntityRow>,
    pub entities: ListPos,
    /// The entity being followed: its mentions are highlighted and `n`/`N` step through them.
    pub chosen: Option<EntityKey>,
    /// Where the chosen entity is in the current article's analysis (kept by `update`, so that
    /// neither drawing nor a jump compares names).
    pub chosen_index: Option<usize>,
    /// Index into the chosen entity's mentions in this article.
    pub mention: Option<usize>,
    /// Indices into the analysis' quotes that `]`/`[` visit (all but scare quotes), text order.
    pub quote_order: Vec<usize>,
    /// Index into `quote_order`.
    pub quote: Option<usize>,
    pub quote_rows: Vec<QuoteRow>,
    pub quotes: ListPos,
    pub person_quotes: bool,
    pub corpus_rows: Vec<CorpusRow>,
    pub corpus_pos: ListPos,
    pub message: Option<String>,
    pub quit: bool,
}

impl App {
    /// A reader over articles whose analyses will arrive later as `Action::Analyzed`.
    pub fn new(articles: Vec<Article>, errors: Vec<SourceError>) -> Self {
        let entries = articles
            .iter()
            .map(|a| Entry {
                title: one_line(&a.headline, &a.source),
                meta: list_meta(a),
                read: false,
                analysis: None,
            })
            .collect();
        let visible = (0..articles.len()).collect();
        let mut app = App {
            articles: articles.into(),
            entries,
            errors,
            corpus: CorpusIndex::new(),
            analysed: 0,
            width: 0,
            height: 0,
            areas: Areas::default(),
            focus: Pane::Headlines,
            last_list: Pane::Headlines,
            side: SideView::Entities,
            overlay: None,
            overlay_scroll: 0,
            visible,
            headlines: ListPos::default(),
            filter: None,
            body: Wrapped::default(),
            scroll: 0,
            marks: Vec::new(),
            entity_rows: Vec::new(),
            entities: ListPos::default(),
            chosen: None,
            chosen_index: None,
            mention: None,
            quote_order: Vec::new(),
            quote: None,
            quote_rows: Vec::new(),
            quotes: ListPos::default(),
            person_quotes: false,
            corpus_rows: Vec::new(),
            corpus_pos: ListPos::default(),
            message: None,
            quit: false,
        };
        app.open_selected();
        app
    }

    /// A reader over documents analysed already (tests, benchmarks), laid out for `width`×`height`.
    pub fn from_documents(
        docs: Vec<Document>,
        errors: Vec<SourceError>,
        width: u16,
        height: u16,
    ) -> Self {
        let (articles, analyses): (Vec<Article>, Vec<Analysis>) =
            docs.into_iter().map(|d| (d.article, d.analysis)).unzip();
        let mut app = Self::new(articles, errors);
        app.update(super::Action::Resize(width, height));
        for (i, a) in analyses.into_iter().enumerate() {
            app.update(super::Action::Analyzed(i, a));
        }
        app
    }

    /// The article shown in the body, if any.
    pub fn current(&self) -> Option<usize> {
        self.visible.get(self.headlines.selected).copied()
    }

    pub fn current_analysis(&self) -> Option<&Analysis> {
        self.current()
            .and_then(|i| self.entries.get(i))
            .and_then(|e| e.analysis.as_ref())
    }

    /// The chosen entity's index in the current article's analysis, when it appears there.
    pub fn chosen_entity(&self) -> Option<usize> {
        self.chosen_index
    }

    /// Finds the chosen entity in the current article (by its corpus key).
    pub(crate) fn locate_chosen(&self) -> Option<usize> {
        let key = self.chosen.as_ref()?;
        self.current_analysis()?
            .entities
            .iter()
            .position(|e| EntityKey::of(e) == *key)
    }

    /// The chosen entity's display name (from the corpus, so it is known in any article).
    pub fn chosen_name(&self) -> Option<String> {
        let key = self.chosen.as_ref()?;
        Some(
            self.corpus
                .get(key)
                .map_or_else(|| key.name.clone(), |e| flat(&e.name, 300)),
        )
    }

    /// Key contexts in dispatch order: the overlay alone, else focused pane, any pane, global.
    pub fn contexts(&self) -> Vec<Context> {
        if self.overlay.is_some() {
            // An open overlay takes every key; nothing moves behind it.
            return vec![Context::Overlay];
        }
        let pane = match self.focus {
            Pane::Headlines => Context::Headlines,
            Pane::Body => Context::Body,
            Pane::Side => match self.side {
                SideView::Entities => Context::Entities,
                SideView::Corpus => Context::Corpus,
                SideView::Quotes => Context::Quotes,
            },
        };
        vec![pane, Context::Pane, Context::Global]
    }

    /// Rows the body pane shows at once.
    pub fn body_height(&self) -> usize {
        usize::from(layout::inner(self.areas.body).height)
    }

    pub(crate) fn relayout(&mut self) {
        let area = Rect::new(0, 0, self.width, self.height);
        self.areas = layout::areas(area, self.focus, self.last_list);
    }

    /// The pane under a cell, if any.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let pos = ratatui::layout::Position::new(column, row);
        [
            (self.areas.headlines, Pane::Headlines),
            (self.areas.body, Pane::Body),
            (self.areas.side, Pane::Side),
        ]
        .into_iter()
        .find(|(r, _)| r.contains(pos))
        .map(|(_, p)| p)
    }
}

/// A headline for the list: inert, on one line, cut short, never empty.
fn one_line(headline: &str, source: &str) -> String {
    let title = flat(headline, 300);
    if title.is_empty() {
        format!("(untitled: {})", flat(source, 200))
    } else {
        title
    }
}

/// "2025-09-02" from an ISO date, else the date or outlet as given (cut short), else nothing.
fn list_meta(article: &Article) -> String {
    let date = article.date.as_deref().map(str::trim).unwrap_or("");
    let iso = date.get(..10).filter(|d| {
        d.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
    });
    let text = match iso {
        Some(d) => d,
        None if !date.is_empty() => date,
        None => article.outlet.as_deref().unwrap_or(""),
    };
    flat(text, 16)
}
