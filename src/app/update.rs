//! `App::update`: the only place state changes. Each action is handled here in terms of small
//! helpers; expensive work (wrapping) happens only when the article or the width changes.

use super::action::Action;
use super::state::{
    App, CorpusRow, EntityRow, Filter, Highlight, ListPos, Mark, Overlay, Pane, QuoteRow, SideView,
};
use super::wrap::Wrapped;
use crate::analysis::corpus::EntityKey;
use crate::analysis::{EntityKind, QuoteKind};
use crate::article::Span;
use crate::article::sanitize::inert;
use crate::ui::layout;

/// Rows per quote in the quotes view: the speaker, then the words.
pub const QUOTE_ROWS: usize = 2;

/// A movement within the focused pane.
#[derive(Clone, Copy, Debug)]
enum Step {
    By(isize),
    Page(isize),
    Top,
    Bottom,
}

impl App {
    /// Applies one action. Returns whether the screen must be redrawn.
    pub fn update(&mut self, action: Action) -> bool {
        let from_user = !matches!(
            action,
            Action::Analyzed(..) | Action::AnalysisFailed(..) | Action::Resize(..)
        );
        if from_user {
            self.message = None;
        }
        match action {
            Action::FocusNext | Action::FocusPrev => {
                let order = [Pane::Headlines, Pane::Body, Pane::Side];
                let at = order.iter().position(|p| *p == self.focus).unwrap_or(0);
                let next = if action == Action::FocusNext {
                    (at + 1) % order.len()
                } else {
                    (at + order.len() - 1) % order.len()
                };
                self.set_focus(order[next]);
            }
            Action::Up => self.step(Step::By(-1)),
            Action::Down => self.step(Step::By(1)),
            Action::PageUp => self.step(Step::Page(-1)),
            Action::PageDown => self.step(Step::Page(1)),
            Action::Top => self.step(Step::Top),
            Action::Bottom => self.step(Step::Bottom),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help) => None,
                    _ => Some(Overlay::Help),
                };
                self.overlay_scroll = 0;
            }
            Action::ShowErrors => {
                if self.errors.is_empty() {
                    self.message = Some("every source opened without a problem".into());
                } else {
                    self.overlay = Some(Overlay::Errors);
                    self.overlay_scroll = 0;
                }
            }
            Action::NextMention => self.step_mention(true),
            Action::PrevMention => self.step_mention(false),
            Action::NextQuote => self.step_quote(true),
            Action::PrevQuote => self.step_quote(false),
            Action::ToggleFilter => self.toggle_filter(),
            Action::ToggleCorpus => {
                if self.side == SideView::Corpus {
                    self.side = SideView::Entities;
                } else {
                    self.side = SideView::Corpus;
                    self.rebuild_corpus_rows();
                }
                self.set_focus(Pane::Side);
            }
            Action::ToggleQuotes => {
                self.side = if self.side == SideView::Quotes {
                    SideView::Entities
                } else {
                    SideView::Quotes
                };
                self.set_focus(Pane::Side);
            }
            Action::TogglePersonQuotes => self.toggle_person_quotes(),
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => {
                if (w, h) == (self.width, self.height) {
                    return false;
                }
                self.width = w;
                self.height = h;
                self.after_layout();
            }
            Action::ScrollAt { column, row, down } => {
                if self.overlay.is_some() {
                    self.step(Step::By(if down { 3 } else { -3 }));
                } else if let Some(pane) = self.pane_at(column, row) {
                    self.scroll_pane(pane, if down { 3 } else { -3 });
                } else {
                    return false;
                }
            }
            Action::ClickAt { column, row } => return self.click(column, row),
            Action::Analyzed(index, analysis) => {
                let Some(entry) = self.entries.get_mut(index) else {
                    return false;
                };
                if entry.analysis.is_some() {
                    return false;
                }
                self.corpus.add(index, &analysis);
                let mentions_filter = self
                    .filter
                    .as_ref()
                    .is_some_and(|f| analysis.entities.iter().any(|e| EntityKey::of(e) == f.key));
                entry.analysis = Some(analysis);
                self.analysed += 1;
                if mentions_filter {
                    self.show_in_filter(index);
                }
                if self.current() == Some(index) {
                    self.rebuild_article_views();
                }
                if self.side == SideView::Corpus
                    && (self.analysed.is_multiple_of(64) || self.analysed == self.entries.len())
                {
                    self.rebuild_corpus_rows();
                }
            }
            Action::AnalysisFailed(index, why) => {
                if let Some(entry) = self.entries.get_mut(index) {
                    if entry.analysis.is_none() {
                        entry.analysis = Some(Default::default());
                        self.analysed += 1;
                    }
                    let source = self.articles.get(index).map_or("", |a| a.source.as_str());
                    self.message = Some(format!(
                        "analysis of {} failed: {}",
                        inert(source),
                        inert(&why)
                    ));
                }
            }
        }
        true
    }

    // ----- focus, layout -------------------------------------------------------------------

    fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Body {
            self.last_list = pane;
        }
        self.after_layout();
    }

    /// After a resize or focus change: recompute the panes, re-wrap only if the body width
    /// changed, and keep every scroll position valid.
    fn after_layout(&mut self) {
        self.relayout();
        let width = layout::text_width(self.areas.body);
        if self.current().is_some() && width != self.body.width {
            // Keep the first line shown where it was in the text.
            let top = self.body.start_of(self.scroll);
            self.rewrap();
            if let Some(top) = top {
                self.scroll = self.body.line_of(top);
            }
        }
        self.clamp_scroll();
        let h = self.list_height(Pane::Headlines);
        keep_visible(&mut self.headlines, h);
        let h = self.list_height(Pane::Side);
        keep_visible(&mut self.entities, h);
        let fit = self.quotes_fit();
        keep_visible(&mut self.quotes, fit);
        keep_visible(&mut self.corpus_pos, h);
    }

    fn list_height(&self, pane: Pane) -> usize {
        let area = match pane {
            Pane::Headlines => self.areas.headlines,
            Pane::Body => self.areas.body,
            Pane::Side => self.areas.side,
        };
        usize::from(layout::inner(area).height)
    }

    /// Quotes the quotes view shows at once (each takes `QUOTE_ROWS` rows).
    fn quotes_fit(&self) -> usize {
        self.list_height(Pane::Side) / QUOTE_ROWS
    }

    fn max_scroll(&self) -> usize {
        self.body.lines.len().saturating_sub(self.body_height())
    }

    fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    // ----- movement ------------------------------------------------------------------------

    fn step(&mut self, step: Step) {
        if let Some(overlay) = self.overlay {
            let len = match overlay {
                Overlay::Help => crate::ui::help::line_count(),
                Overlay::Errors => self.errors.len() + 2,
            };
            let page = usize::from(self.height.saturating_sub(4)).max(1);
            self.overlay_scroll = moved(self.overlay_scroll, len, page, step);
            return;
        }
        match self.focus {
            Pane::Headlines => {
                let page = self.list_height(Pane::Headlines).max(1);
                let to = moved(self.headlines.selected, self.visible.len(), page, step);
                self.select_headline(to);
            }
            Pane::Body => {
                let page = self.body_height().saturating_sub(1).max(1);
                let lines = self.max_scroll() + 1;
                self.scroll = moved(self.scroll, lines, page, step);
            }
            Pane::Side => {
                let page = self.list_height(Pane::Side).max(1);
                match self.side {
                    SideView::Entities => self.step_entity(step, page),
                    SideView::Quotes => {
                        let fit = self.quotes_fit();
                        let to = moved(self.quotes.selected, self.quote_rows.len(), fit, step);
                        self.quotes.selected = to;
                        keep_visible(&mut self.quotes, fit);
                    }
                    SideView::Corpus => {
                        let to =
                            moved(self.corpus_pos.selected, self.corpus_rows.len(), page, step);
                        self.corpus_pos.selected = to;
                        keep_visible(&mut self.corpus_pos, page);
                    }
                }
            }
        }
    }

    fn select_headline(&mut self, row: usize) {
        let h = self.list_height(Pane::Headlines);
        if row != self.headlines.selected {
            self.headlines.selected = row;
            self.open_selected();
        }
        keep_visible(&mut self.headlines, h);
    }

    fn step_entity(&mut self, step: Step, page: usize) {
        let rows: Vec<usize> = self
            .entity_rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, EntityRow::Entity { .. }))
            .map(|(i, _)| i)
            .collect();
        if rows.is_empty() {
            return;
        }
        let at = rows
            .iter()
            .position(|&r| r == self.entities.selected)
            .unwrap_or(0);
        let to = moved(at, rows.len(), page, step);
        self.entities.selected = rows[to];
        // Show the header above the first entity of the list, and a role below its person.
        if to == 0 {
            self.entities.offset = 0;
        }
        if matches!(self.entity_rows.get(rows[to] + 1), Some(EntityRow::Role(_))) {
            let mut with_role = ListPos {
                selected: rows[to] + 1,
                offset: self.entities.offset,
            };
            keep_visible(&mut with_role, page);
            self.entities.offset = with_role.offset;
        }
        keep_visible(&mut self.entities, page);
        self.choose_cursor_entity();
    }

    /// The entity under the entity-pane cursor becomes the chosen one.
    fn choose_cursor_entity(&mut self) {
        if let Some(key) = self.cursor_entity_key()
            && self.chosen.as_ref() != Some(&key)
        {
            self.set_chosen(Some(key));
            self.mention = None;
            self.person_changed();
            self.rebuild_marks();
            if let Some(e) = self
                .chosen_entity()
                .and_then(|i| self.current_analysis()?.entities.get(i))
            {
                let n = e.mentions.len();
                self.message = Some(format!(
                    "{} — {n} mention{} here; n jumps to the next",
                    single_line(&e.name),
                    if n == 1 { "" } else { "s" }
                ));
            }
        }
    }

    fn cursor_entity_key(&self) -> Option<EntityKey> {
        let EntityRow::Entity { index, .. } = self.entity_rows.get(self.entities.selected)? else {
            return None;
        };
        self.current_analysis()?
            .entities
            .get(*index)
            .map(EntityKey::of)
    }

    fn scroll_pane(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::Body => {
                self.scroll = self
                    .scroll
                    .saturating_add_signed(delta)
                    .min(self.max_scroll());
            }
            Pane::Headlines => {
                let h = self.list_height(pane);
                scroll_list(&mut self.headlines, self.visible.len(), h, delta);
            }
            Pane::Side => {
                let h = self.list_height(pane);
                match self.side {
                    SideView::Entities => {
                        scroll_list(&mut self.entities, self.entity_rows.len(), h, delta);
                    }
                    SideView::Quotes => {
                        let fit = self.quotes_fit();
                        scroll_list(&mut self.quotes, self.quote_rows.len(), fit, delta);
                    }
                    SideView::Corpus => {
                        scroll_list(&mut self.corpus_pos, self.corpus_rows.len(), h, delta);
                    }
                }
            }
        }
    }

    fn click(&mut self, column: u16, row: u16) -> bool {
        if self.overlay.is_some() {
            return false;
        }
        let Some(pane) = self.pane_at(column, row) else {
            return false;
        };
        if pane != self.focus {
            self.set_focus(pane);
        }
        let area = layout::inner(match pane {
            Pane::Headlines => self.areas.headlines,
            Pane::Body => self.areas.body,
            Pane::Side => self.areas.side,
        });
        if row < area.y || row >= area.bottom() {
            return true;
        }
        let rel = usize::from(row - area.y);
        match (pane, self.side) {
            (Pane::Headlines, _) => {
                let at = self.headlines.offset + rel;
                if at < self.visible.len() {
                    self.select_headline(at);
                }
            }
            (Pane::Body, _) => {}
            (Pane::Side, SideView::Entities) => {
                let mut at = self.entities.offset + rel;
                // A click on a role selects the person above it.
                if matches!(self.entity_rows.get(at), Some(EntityRow::Role(_))) {
                    at = at.saturating_sub(1);
                }
                if matches!(self.entity_rows.get(at), Some(EntityRow::Entity { .. })) {
                    self.entities.selected = at;
                    self.choose_cursor_entity();
                }
            }
            (Pane::Side, SideView::Quotes) => {
                let at = self.quotes.offset + rel / QUOTE_ROWS;
                if at < self.quote_rows.len() {
                    self.quotes.selected = at;
                }
            }
            (Pane::Side, SideView::Corpus) => {
                let at = self.corpus_pos.offset + rel;
                if at < self.corpus_rows.len() {
                    self.corpus_pos.selected = at;
                }
            }
        }
        true
    }

    // ----- Enter and Esc -------------------------------------------------------------------

    fn open(&mut self) {
        match (self.focus, self.side) {
            (Pane::Headlines, _) => self.set_focus(Pane::Body),
            (Pane::Body, _) => {}
            (Pane::Side, SideView::Entities) => {
                if let Some(key) = self.cursor_entity_key() {
                    self.set_chosen(Some(key));
                    self.mention = None;
                    self.scroll = 0;
                    self.person_changed();
                    self.step_mention(true);
                }
            }
            (Pane::Side, SideView::Corpus) => {
                let Some(row) = self.corpus_rows.get(self.corpus_pos.selected) else {
                    return;
                };
                let key = row.key.clone();
                let Some(&first) = self.corpus.articles_with(&key).first() else {
                    return;
                };
                if self.visible.binary_search(&first).is_err() {
                    self.clear_filter();
                }
                self.set_chosen(Some(key));
                self.mention = None;
                self.go_to_article(first);
                self.scroll = 0;
                self.step_mention(true);
            }
            (Pane::Side, SideView::Quotes) => {
                if let Some(row) = self.quote_rows.get(self.quotes.selected) {
                    let nav = row.nav;
                    self.jump_to_quote(nav);
                }
            }
        }
    }

    fn back(&mut self) {
        if self.overlay.take().is_some() {
            return;
        }
        if self.filter.is_some() {
            self.clear_filter();
            self.message = Some("showing every article".into());
        } else if self.side != SideView::Entities {
            self.side = SideView::Entities;
        } else if self.chosen.is_some() {
            self.set_chosen(None);
            self.mention = None;
            self.person_changed();
            self.rebuild_marks();
        }
    }

    // ----- the selected article ------------------------------------------------------------

    /// Shows the selected headline's article: marks it read, wraps it, resets the per-article
    /// state and rebuilds the entity and quote rows.
    pub(crate) fn open_selected(&mut self) {
        self.scroll = 0;
        self.mention = None;
        self.quote = None;
        self.quotes = ListPos::default();
        match self.current() {
            Some(i) => {
                if let Some(e) = self.entries.get_mut(i) {
                    e.read = true;
                }
                self.rewrap();
            }
            None => self.body = Wrapped::default(),
        }
        self.rebuild_article_views();
    }

    fn rewrap(&mut self) {
        let width = layout::text_width(self.areas.body);
        if let Some(i) = self.current()
            && let Some(article) = self.articles.get(i)
        {
            // A hidden body (no width yet, or a pane too small) is wrapped when it gets room.
            self.body = if width == 0 {
                Wrapped {
                    article: i,
                    ..Wrapped::default()
                }
            } else {
                Wrapped::new(i, article, width)
            };
        }
        self.rebuild_marks();
    }

    fn go_to_article(&mut self, index: usize) {
        if let Ok(row) = self.visible.binary_search(&index) {
            self.select_headline(row);
        }
    }

    fn rebuild_article_views(&mut self) {
        self.chosen_index = self.locate_chosen();
        self.entity_rows.clear();
        self.quote_order.clear();
        let mut chosen_row = None;
        if let Some(analysis) = self.current_analysis() {
            let mut rows = Vec::new();
            for kind in [
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Place,
            ] {
                let of_kind: Vec<usize> = analysis
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.kind == kind)
                    .map(|(i, _)| i)
                    .collect();
                if of_kind.is_empty() {
                    continue;
                }
                rows.push(EntityRow::Header(kind, of_kind.len()));
                for i in of_kind {
                    let e = &analysis.entities[i];
                    if self.chosen.as_ref() == Some(&EntityKey::of(e)) {
                        chosen_row = Some(rows.len());
                    }
                    rows.push(EntityRow::Entity {
                        index: i,
                        name: single_line(&e.name),
                        count: e.mentions.len(),
                    });
                    if let Some(role) = e.role.as_deref().map(single_line)
                        && !role.is_empty()
                    {
                        rows.push(EntityRow::Role(role));
                    }
                }
            }
            let order = analysis
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| q.kind != QuoteKind::Scare)
                .map(|(i, _)| i)
                .collect();
            self.entity_rows = rows;
            self.quote_order = order;
        }
        let first_entity = self
            .entity_rows
            .iter()
            .position(|r| matches!(r, EntityRow::Entity { .. }))
            .unwrap_or(0);
        self.entities = ListPos {
            selected: chosen_row.unwrap_or(first_entity),
            offset: 0,
        };
        let h = self.list_height(Pane::Side);
        keep_visible(&mut self.entities, h);
        self.rebuild_quote_rows();
        self.rebuild_marks();
    }

    fn rebuild_quote_rows(&mut self) {
        let person = if self.person_quotes {
            self.chosen_entity().and_then(|i| {
                let e = self.current_analysis()?.entities.get(i)?;
                (e.kind == EntityKind::Person).then(|| e.id.clone())
            })
        } else {
            None
        };
        let mut rows = Vec::new();
        if let Some(analysis) = self.current_analysis() {
            for (nav, &qi) in self.quote_order.iter().enumerate() {
                let Some(q) = analysis.quotes.get(qi) else {
                    continue;
                };
                if let Some(id) = &person
                    && q.speaker.as_deref() != Some(&**id)
                {
                    continue;
                }
                let text = self
                    .articles
                    .get(self.current().unwrap_or(usize::MAX))
                    .map_or(String::new(), |a| single_line(a.slice(q.span)));
                rows.push(QuoteRow {
                    nav,
                    kind: q.kind,
                    text,
                    speaker: self.speaker_of(qi),
                });
            }
        }
        self.quote_rows = rows;
        self.quotes.selected = self
            .quotes
            .selected
            .min(self.quote_rows.len().saturating_sub(1));
        let fit = self.quotes_fit();
        keep_visible(&mut self.quotes, fit);
    }

    fn set_chosen(&mut self, key: Option<EntityKey>) {
        self.chosen = key;
        self.chosen_index = self.locate_chosen();
    }

    /// The chosen entity changed: only a quotes view narrowed to one person depends on it.
    fn person_changed(&mut self) {
        if self.person_quotes {
            self.rebuild_quote_rows();
        }
    }

    /// "John Kerry (U.S. Secretary of State)", the speaker as written, or a note that none was found.
    fn speaker_of(&self, quote: usize) -> String {
        let Some(analysis) = self.current_analysis() else {
            return String::new();
        };
        let Some(q) = analysis.quotes.get(quote) else {
            return String::new();
        };
        if let Some(e) = q.speaker.as_deref().and_then(|id| analysis.entity(id)) {
            return match &e.role {
                Some(role) => format!("{} ({})", single_line(&e.name), single_line(role)),
                None => single_line(&e.name),
            };
        }
        let text = self
            .current()
            .and_then(|i| self.articles.get(i))
            .map_or("", |a| a.text.as_str());
        q.speaker_text(text)
            .map_or_else(|| "speaker not found".to_string(), single_line)
    }

    fn rebuild_corpus_rows(&mut self) {
        let selected_key = self
            .corpus_rows
            .get(self.corpus_pos.selected)
            .map(|r| r.key.clone());
        let mut rows: Vec<CorpusRow> = self
            .corpus
            .entities()
            .iter()
            .map(|e| CorpusRow {
                key: e.key.clone(),
                name: single_line(&e.name),
                articles: e.articles.len(),
            })
            .collect();
        rows.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.key.kind.cmp(&b.key.kind))
                .then_with(|| a.name.cmp(&b.name))
        });
        self.corpus_pos.selected = selected_key
            .and_then(|k| rows.iter().position(|r| r.key == k))
            .unwrap_or(0);
        self.corpus_rows = rows;
        let h = self.list_height(Pane::Side);
        keep_visible(&mut self.corpus_pos, h);
    }

    /// Maps the highlighted spans (quotes, the chosen entity's mentions) onto body lines.
    fn rebuild_marks(&mut self) {
        let mut spans: Vec<(Span, Highlight)> = Vec::new();
        if let Some(analysis) = self.current_analysis() {
            let current_quote = self.quote.and_then(|q| self.quote_order.get(q)).copied();
            for (i, q) in analysis.quotes.iter().enumerate() {
                let h = match q.kind {
                    QuoteKind::Scare => continue,
                    QuoteKind::Reported => Highlight::Reported,
                    QuoteKind::Direct | QuoteKind::Partial => Highlight::Quote,
                };
                let h = if Some(i) == current_quote {
                    Highlight::CurrentQuote
                } else {
                    h
                };
                spans.push((q.span, h));
            }
            if let Some(e) = self.chosen_entity().and_then(|i| analysis.entities.get(i)) {
                for (i, m) in e.mentions.iter().enumerate() {
                    let h = if Some(i) == self.mention {
                        Highlight::CurrentMention
                    } else {
                        Highlight::Mention
                    };
                    spans.push((*m, h));
                }
            }
        }
        let mut marks = Vec::new();
        for (span, highlight) in spans {
            if span.is_empty() {
                continue;
            }
            for line in self.body.lines_of(span) {
                let Some(src) = self.body.lines.get(line).map(|l| l.src) else {
                    break;
                };
                let start = span.start.max(src.start);
                let end = span.end.min(src.end);
                if start < end {
                    marks.push(Mark {
                        line,
                        span: Span::new(start, end),
                        highlight,
                    });
                }
            }
        }
        marks.sort_by_key(|m| (m.line, m.span.start, m.highlight));
        self.marks = marks;
    }

    /// Scrolls so that `span`'s first line is visible, away from the pane's edges.
    fn scroll_to(&mut self, span: Span) {
        let line = self.body.line_of(span.start);
        let height = self.body_height();
        let margin = (height / 4).min(3);
        if line < self.scroll + margin {
            self.scroll = line.saturating_sub(margin);
        } else if line + margin >= self.scroll + height {
            self.scroll = (line + margin + 1).saturating_sub(height);
        }
        self.clamp_scroll();
    }

    /// Byte offsets of the first and just past the last line shown.
    fn view_bytes(&self) -> (usize, usize) {
        let top = self.body.start_of(self.scroll).unwrap_or(0);
        let bottom = self
            .body
            .start_of(self.scroll + self.body_height())
            .unwrap_or(usize::MAX);
        (top, bottom)
    }

    // ----- mentions ------------------------------------------------------------------------

    fn step_mention(&mut self, forward: bool) {
        if self.chosen.is_none() {
            self.set_chosen(self.cursor_entity_key());
            self.person_changed();
        }
        let Some(key) = self.chosen.clone() else {
            self.message =
                Some("no entity chosen — pick one in the entity pane (Tab, then j/k)".into());
            return;
        };
        let name = self.chosen_name().unwrap_or_default();
        let mentions: Vec<Span> = self
            .chosen_entity()
            .and_then(|i| self.current_analysis()?.entities.get(i))
            .map(|e| e.mentions.to_vec())
            .unwrap_or_default();
        let (top, bottom) = self.view_bytes();
        let next = match (self.mention, forward) {
            (Some(m), true) => (m + 1 < mentions.len()).then_some(m + 1),
            (Some(m), false) => m.checked_sub(1),
            (None, true) => mentions.iter().position(|s| s.start >= top),
            (None, false) => mentions.iter().rposition(|s| s.start < bottom),
        };
        if let Some(m) = next {
            self.set_mention(m, &mentions);
            self.message = Some(format!("{name} — mention {} of {}", m + 1, mentions.len()));
            return;
        }
        // On to the next (previous) article that mentions the entity.
        let current = self.current();
        let articles = self.corpus.articles_with(&key);
        let target =
            if forward {
                articles.iter().copied().find(|&a| {
                    current.is_none_or(|c| a > c) && self.visible.binary_search(&a).is_ok()
                })
            } else {
                articles.iter().rev().copied().find(|&a| {
                    current.is_none_or(|c| a < c) && self.visible.binary_search(&a).is_ok()
                })
            };
        let Some(target) = target else {
            self.message = Some(format!(
                "{name} — no {} article mentions them",
                if forward { "later" } else { "earlier" }
            ));
            return;
        };
        self.go_to_article(target);
        let mentions: Vec<Span> = self
            .chosen_entity()
            .and_then(|i| self.current_analysis()?.entities.get(i))
            .map(|e| e.mentions.to_vec())
            .unwrap_or_default();
        if mentions.is_empty() {
            return;
        }
        let m = if forward { 0 } else { mentions.len() - 1 };
        self.set_mention(m, &mentions);
        self.message = Some(format!(
            "{name} — mention {} of {} in the {} article mentioning them ({}/{})",
            m + 1,
            mentions.len(),
            if forward { "next" } else { "previous" },
            self.headlines.selected + 1,
            self.visible.len()
        ));
    }

    fn set_mention(&mut self, m: usize, mentions: &[Span]) {
        self.mention = Some(m);
        self.rebuild_marks();
        if let Some(span) = mentions.get(m) {
            self.scroll_to(*span);
        }
    }

    // ----- quotes --------------------------------------------------------------------------

    fn step_quote(&mut self, forward: bool) {
        let Some(analysis) = self.current_analysis() else {
            self.message = Some("this article is still being analysed".into());
            return;
        };
        let spans: Vec<Span> = self
            .quote_order
            .iter()
            .filter_map(|&i| analysis.quotes.get(i).map(|q| q.span))
            .collect();
        if spans.is_empty() {
            self.message = Some("no quotes in this article".into());
            return;
        }
        let (top, bottom) = self.view_bytes();
        let next = match (self.quote, forward) {
            (Some(q), true) => (q + 1 < spans.len()).then_some(q + 1),
            (Some(q), false) => q.checked_sub(1),
            (None, true) => spans.iter().position(|s| s.start >= top),
            (None, false) => spans.iter().rposition(|s| s.start < bottom),
        };
        match next {
            Some(q) => self.jump_to_quote(q),
            None => {
                self.message = Some(format!(
                    "no {} quote in this article",
                    if forward { "later" } else { "earlier" }
                ));
            }
        }
    }

    fn jump_to_quote(&mut self, nav: usize) {
        let Some(&qi) = self.quote_order.get(nav) else {
            return;
        };
        let Some(span) = self
            .current_analysis()
            .and_then(|a| a.quotes.get(qi))
            .map(|q| q.span)
        else {
            return;
        };
        self.quote = Some(nav);
        self.rebuild_marks();
        self.scroll_to(span);
        if let Some(row) = self.quote_rows.iter().position(|r| r.nav == nav) {
            self.quotes.selected = row;
            let fit = self.quotes_fit();
            keep_visible(&mut self.quotes, fit);
        }
        self.message = Some(format!(
            "quote {} of {} — {}",
            nav + 1,
            self.quote_order.len(),
            self.speaker_of(qi)
        ));
    }

    fn toggle_person_quotes(&mut self) {
        if self.person_quotes {
            self.person_quotes = false;
            self.message = Some("showing every quote".into());
        } else {
            let person = self
                .chosen_entity()
                .and_then(|i| self.current_analysis()?.entities.get(i))
                .filter(|e| e.kind == EntityKind::Person)
                .map(|e| single_line(&e.name));
            match person {
                Some(name) => {
                    self.person_quotes = true;
                    self.message = Some(format!("quotes by {name} only — p shows all"));
                }
                None => {
                    self.message = Some("choose a person in the entity pane first".into());
                    return;
                }
            }
        }
        self.quotes = ListPos::default();
        self.rebuild_quote_rows();
    }

    // ----- the filter ----------------------------------------------------------------------

    fn toggle_filter(&mut self) {
        if self.filter.is_some() {
            self.clear_filter();
            self.message = Some("showing every article".into());
            return;
        }
        let key = if self.focus == Pane::Side && self.side == SideView::Corpus {
            self.corpus_rows
                .get(self.corpus_pos.selected)
                .map(|r| r.key.clone())
        } else {
            self.chosen.clone().or_else(|| self.cursor_entity_key())
        };
        let Some(key) = key else {
            self.message = Some("choose an entity to filter by first".into());
            return;
        };
        let articles = self.corpus.articles_with(&key).to_vec();
        if articles.is_empty() {
            self.message = Some("no analysed article mentions it yet".into());
            return;
        }
        let name = self
            .corpus
            .get(&key)
            .map_or_else(|| key.name.clone(), |e| single_line(&e.name));
        let current = self.current();
        self.set_chosen(Some(key.clone()));
        self.filter = Some(Filter {
            key,
            name: name.clone(),
        });
        self.message = Some(format!(
            "{} articles mention {name} — f or Esc shows all",
            articles.len()
        ));
        self.visible = articles;
        self.reselect(current);
    }

    fn clear_filter(&mut self) {
        let current = self.current();
        self.filter = None;
        self.visible = (0..self.articles.len()).collect();
        self.reselect(current);
    }

    /// After the list changed: keep showing `current` if it is still listed, else the first.
    fn reselect(&mut self, current: Option<usize>) {
        self.headlines.offset = 0;
        match current.and_then(|c| self.visible.binary_search(&c).ok()) {
            Some(row) => {
                self.headlines.selected = row;
                let h = self.list_height(Pane::Headlines);
                keep_visible(&mut self.headlines, h);
                self.rebuild_article_views();
            }
            None => {
                self.headlines.selected = 0;
                self.open_selected();
            }
        }
    }

    /// A newly analysed article mentions the filter's entity: list it.
    fn show_in_filter(&mut self, index: usize) {
        if let Err(pos) = self.visible.binary_search(&index) {
            let was_empty = self.visible.is_empty();
            self.visible.insert(pos, index);
            if was_empty {
                self.headlines.selected = 0;
                self.open_selected();
            } else if pos <= self.headlines.selected {
                self.headlines.selected += 1;
                self.headlines.offset += usize::from(pos < self.headlines.offset);
            }
        }
    }
}

/// Article text made inert and put on one line (names, roles, quotes in lists), cut short.
fn single_line(text: &str) -> String {
    crate::article::sanitize::flat(text, 300)
}

/// `at` moved by `step` within `0..len`.
fn moved(at: usize, len: usize, page: usize, step: Step) -> usize {
    let last = len.saturating_sub(1);
    match step {
        Step::By(d) => at.saturating_add_signed(d).min(last),
        Step::Page(d) => at
            .saturating_add_signed(d.saturating_mul(page as isize))
            .min(last),
        Step::Top => 0,
        Step::Bottom => last,
    }
}

/// Scrolls the list so its selection is visible in `height` rows.
/// A hidden list (no rows) keeps its offset for when it is shown again.
fn keep_visible(pos: &mut ListPos, height: usize) {
    if height == 0 {
        return;
    }
    if pos.selected < pos.offset {
        pos.offset = pos.selected;
    } else if pos.selected >= pos.offset + height {
        pos.offset = pos.selected + 1 - height;
    }
}

/// Wheel scrolling of a list moves the view, not the selection.
fn scroll_list(pos: &mut ListPos, len: usize, height: usize, delta: isize) {
    let max = len.saturating_sub(height);
    pos.offset = pos.offset.saturating_add_signed(delta).min(max);
}
