//! `App::update`: the only place state changes. Dispatch only: each action goes to the handler of
//! the pane it concerns (headlines.rs, body.rs, side.rs, quote_list.rs, corpus_list.rs, follow.rs,
//! overlay.rs); expensive work (wrapping) happens only when the article or the width changes.

use super::action::Action;
use super::headlines::View;
use super::layout::Pane;
use super::list::Step;
use super::message::Message;
use super::query::QueryLine;
use super::{App, SideView};
use crate::analysis::Analysis;
use crate::article::sanitize::inert;

impl App {
    /// Applies one action. Returns whether the screen must be redrawn.
    pub fn update(&mut self, action: Action) -> bool {
        let redraw = self.apply(action);
        // A long article is wrapped lazily: whatever the action, what the body shows is wrapped.
        self.settle_body();
        self.flush_writes();
        redraw
    }

    fn apply(&mut self, action: Action) -> bool {
        let from_user = !matches!(
            action,
            Action::Analyzed(..)
                | Action::Arrived(..)
                | Action::Updated(..)
                | Action::AnalysisFailed(..)
                | Action::Found { .. }
                | Action::CorpusFound { .. }
                | Action::Resize(..)
                | Action::WrapMore
                | Action::Prefetch
                | Action::Done(..)
                | Action::RefreshProgress { .. }
                | Action::RefreshDone(..)
                | Action::Tick(..)
        );
        if from_user {
            self.message = None;
        }
        match action {
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Up => self.step(Step::By(-1)),
            Action::Down => self.step(Step::By(1)),
            Action::PageUp => self.step(Step::Page(-1)),
            Action::PageDown => self.step(Step::Page(1)),
            Action::Top => self.step(Step::Top),
            Action::Bottom => self.step(Step::Bottom),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::ToggleHelp => self.toggle_help(),
            Action::ShowErrors => self.show_errors(),
            Action::NextMention => self.step_mention(true),
            Action::PrevMention => self.step_mention(false),
            Action::NextQuote => self.step_quote(true),
            Action::PrevQuote => self.step_quote(false),
            Action::ToggleFilter => {
                // The entity filter lists its own articles: a headline search no longer applies.
                self.headline_search = None;
                self.toggle_filter();
            }
            Action::ToggleOrder => self.toggle_order(),
            Action::ToggleRead => self.toggle_read(),
            Action::ToggleStar => self.toggle_star(),
            Action::ToggleUnreadView => self.toggle_view(View::Unread),
            Action::ToggleStarredView => self.toggle_view(View::Starred),
            Action::ToggleCorpus => self.toggle_corpus(),
            Action::ToggleQuotes => self.toggle_quotes(),
            Action::TogglePersonQuotes => self.toggle_person_quotes(),
            Action::Search => self.open_search(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::QueryInput(c) => self.query_edited(|q| q.push(c)),
            Action::QueryBackspace => self.query_edited(QueryLine::pop),
            Action::QueryClear => self.query_edited(QueryLine::clear),
            Action::QueryKeep => self.query_keep(),
            Action::QueryCancel => self.query_cancel(),
            Action::OpenUrl => self.open_url(),
            Action::CopyUrl => self.copy_url(),
            Action::Export => self.export(),
            Action::Refresh => self.refresh(),
            Action::RefreshProgress { done, total } => self.refresh_progress(done, total),
            Action::RefreshDone(message) => self.refresh_done(message),
            Action::Done(message) => self.message = Some(message),
            Action::Quit => self.quit = true,
            Action::Suspend => return false,
            Action::WrapMore => return self.wrap_more_body(),
            Action::Prefetch => {
                self.prefetch();
                return false;
            }
            Action::Resize(w, h) => {
                if !self.screen.resize(w, h) {
                    return false;
                }
                self.after_layout();
            }
            Action::ScrollAt { column, row, down } => return self.wheel(column, row, down),
            Action::ClickAt { column, row } => return self.click(column, row),
            Action::Tick(now) => {
                self.clock.refresh();
                return self.tick(now);
            }
            Action::Analyzed(index, analysis) => return self.analyzed(index, analysis),
            Action::AnalysisFailed(index, why) => self.analysis_failed(index, &why),
            Action::Arrived(rows) => self.arrived(rows),
            Action::Updated(rows) => self.updated(rows),
            Action::Found { request, ids } => return self.found(request, ids),
            Action::CorpusFound { request, entities } => {
                return self.corpus_found(request, entities);
            }
        }
        true
    }

    fn cycle_focus(&mut self, forward: bool) {
        let order = [Pane::Headlines, Pane::Body, Pane::Side];
        let at = order
            .iter()
            .position(|p| *p == self.screen.focus())
            .unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        self.set_focus(order[next]);
    }

    pub(super) fn set_focus(&mut self, pane: Pane) {
        self.screen.set_focus(pane);
        self.after_layout();
    }

    /// After a resize or focus change: each pane fits itself to its new rectangle.
    pub(super) fn after_layout(&mut self) {
        self.refit_body();
        let h = self.screen.headlines_fit();
        self.headlines.keep_visible(h);
        self.refit_side();
    }

    /// A movement key: the open overlay, else the focused pane.
    fn step(&mut self, step: Step) {
        if let Some(overlay) = self.overlay.open() {
            self.step_overlay(overlay, step);
            return;
        }
        match self.screen.focus() {
            Pane::Headlines => self.step_headlines(step),
            Pane::Body => self.step_body(step),
            Pane::Side => self.step_side(step),
        }
    }

    /// Enter.
    fn open(&mut self) {
        match self.screen.focus() {
            Pane::Headlines => {
                self.mark_shown_read();
                self.set_focus(Pane::Body);
            }
            Pane::Body => {}
            Pane::Side => self.open_side(),
        }
    }

    /// Esc: close the overlay, else clear the filter, else back to the entity list, else stop
    /// following the entity.
    fn back(&mut self) {
        if self.close_overlay() || self.clear_search() {
            return;
        }
        if self.headlines.filter().is_some() {
            self.clear_filter();
            self.message = Some(Message::info("showing every article"));
        } else if !self.side_back() && self.followed.key().is_some() {
            self.set_followed(None);
            self.forget_mention();
            self.rebuild_marks();
        }
    }

    /// The mouse wheel: scrolls the overlay, else the pane under the pointer (not its selection).
    fn wheel(&mut self, column: u16, row: u16, down: bool) -> bool {
        let delta = if down { 3 } else { -3 };
        if self.overlay.open().is_some() {
            self.step(Step::By(delta));
            return true;
        }
        match self.screen.pane_at(column, row) {
            Some(Pane::Body) => self.scroll_body(delta),
            Some(Pane::Headlines) => self.scroll_headlines(delta),
            Some(Pane::Side) => self.scroll_side(delta),
            None => return false,
        }
        true
    }

    /// A click: focuses the pane under the pointer and selects the row clicked.
    fn click(&mut self, column: u16, row: u16) -> bool {
        if self.overlay.open().is_some() {
            return false;
        }
        let Some(pane) = self.screen.pane_at(column, row) else {
            return false;
        };
        if pane != self.screen.focus() {
            self.set_focus(pane);
        }
        let area = super::layout::inner(self.screen.area_of(pane));
        if row < area.y || row >= area.bottom() {
            return true;
        }
        let rel = usize::from(row - area.y);
        match pane {
            Pane::Headlines => self.click_headlines(rel),
            Pane::Body => {}
            Pane::Side => self.click_side(rel),
        }
        true
    }

    /// An analysis arrived from the background thread.
    fn analyzed(&mut self, index: usize, analysis: Analysis) -> bool {
        let joins_filter = self.filter_matches(&analysis);
        if !self.docs.add_analysis(index, analysis) {
            return false;
        }
        if joins_filter {
            self.show_in_filter(index);
        }
        if self.current_index() == Some(index) {
            self.rebuild_article_views();
        }
        let analysed = self.docs.analysed();
        // The library's corpus view reads its entity index, not the analyses arriving.
        if self.side.view() == SideView::Corpus
            && !self.docs.is_library()
            && (analysed.is_multiple_of(64) || analysed == self.docs.len())
        {
            self.rebuild_corpus_rows();
        }
        true
    }

    fn analysis_failed(&mut self, index: usize, why: &str) {
        if let Some(source) = self.docs.analysis_failed(index) {
            let text = format!("analysis of {} failed: {}", inert(&source), inert(why));
            self.message = Some(Message::problem(text));
        }
    }
}
