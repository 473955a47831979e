//! The quotes: the stops `]`/`[` visit (every quote but scare quotes, in text order), the current
//! one, and the quotes view's rows (each quote as its speaker over its words), optionally only the
//! followed person's.

use super::App;
use super::layout::QUOTE_ROWS;
use super::list::{ListPos, Step, keep_visible, moved, scroll_list};
use super::message::Message;
use super::single_line;
use crate::analysis::corpus::EntityKey;
use crate::analysis::{Analysis, QuoteKind};
use crate::article::{Article, Span};

/// A row of the quotes view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteRow {
    /// Index into the stops (`QuoteList::stops`).
    pub stop: usize,
    pub kind: QuoteKind,
    pub text: String,
    pub speaker: String,
}

#[derive(Clone, Debug, Default)]
pub struct QuoteList {
    /// Indices into the analysis' quotes that `]`/`[` visit, text order.
    stops: Vec<usize>,
    /// Index into `stops`: the current quote.
    current: Option<usize>,
    rows: Vec<QuoteRow>,
    pos: ListPos,
    /// Only this speaker's quotes are listed (their corpus key and display name).
    person: Option<(EntityKey, String)>,
}

impl QuoteList {
    pub fn stops(&self) -> &[usize] {
        &self.stops
    }

    /// The current quote, as an index into `stops`.
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// The current quote, as an index into the analysis' quotes.
    pub fn current_quote_index(&self) -> Option<usize> {
        self.current.and_then(|q| self.stops.get(q)).copied()
    }

    pub fn rows(&self) -> &[QuoteRow] {
        &self.rows
    }

    pub fn pos(&self) -> ListPos {
        self.pos
    }

    pub fn by_person(&self) -> bool {
        self.person.is_some()
    }

    /// The speaker the view is narrowed to, by display name.
    pub fn person_name(&self) -> Option<&str> {
        self.person.as_ref().map(|(_, name)| name.as_str())
    }

    pub(super) fn selected_row(&self) -> Option<&QuoteRow> {
        self.rows.get(self.pos.selected)
    }

    /// A new article is shown: no current quote, the list at its top.
    pub(super) fn reset(&mut self) {
        self.current = None;
        self.pos = ListPos::default();
    }

    pub(super) fn step(&mut self, step: Step, fit: usize) {
        self.pos.selected = moved(self.pos.selected, self.rows.len(), fit, step);
        keep_visible(&mut self.pos, fit);
    }

    pub(super) fn scroll(&mut self, fit: usize, delta: isize) {
        scroll_list(&mut self.pos, self.rows.len(), fit, delta);
    }

    pub(super) fn click(&mut self, rel: usize) {
        let at = self.pos.offset + rel / QUOTE_ROWS;
        if at < self.rows.len() {
            self.pos.selected = at;
        }
    }

    pub(super) fn keep_visible(&mut self, fit: usize) {
        keep_visible(&mut self.pos, fit);
    }

    /// The stops of `analysis`: every quote but scare quotes.
    pub(super) fn rebuild_stops(&mut self, analysis: Option<&Analysis>) {
        self.stops.clear();
        if let Some(analysis) = analysis {
            self.stops = analysis
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| q.kind != QuoteKind::Scare)
                .map(|(i, _)| i)
                .collect();
        }
    }

    /// The rows of the quotes view; `person` (an entity id) keeps only that speaker's quotes.
    fn rebuild_rows(
        &mut self,
        analysis: Option<&Analysis>,
        article: Option<&Article>,
        person: Option<&str>,
        fit: usize,
    ) {
        let mut rows = Vec::new();
        if let Some(analysis) = analysis {
            for (stop, &qi) in self.stops.iter().enumerate() {
                let Some(q) = analysis.quotes.get(qi) else {
                    continue;
                };
                if let Some(id) = person
                    && q.speaker.as_deref() != Some(id)
                {
                    continue;
                }
                let text = article.map_or(String::new(), |a| single_line(a.slice(q.span)));
                rows.push(QuoteRow {
                    stop,
                    kind: q.kind,
                    text,
                    speaker: speaker_of(analysis, article, qi),
                });
            }
        }
        self.rows = rows;
        self.pos.selected = self.pos.selected.min(self.rows.len().saturating_sub(1));
        keep_visible(&mut self.pos, fit);
    }
}

/// "John Kerry (U.S. Secretary of State)", the speaker as written, or a note that none was found.
fn speaker_of(analysis: &Analysis, article: Option<&Article>, quote: usize) -> String {
    let Some(q) = analysis.quotes.get(quote) else {
        return String::new();
    };
    if let Some(e) = q.speaker.as_deref().and_then(|id| analysis.entity(id)) {
        return match &e.role {
            Some(role) => format!("{} ({})", single_line(&e.name), single_line(role)),
            None => single_line(&e.name),
        };
    }
    let text = article.map_or("", |a| a.text.as_str());
    q.speaker_text(text)
        .map_or_else(|| "speaker not found".to_string(), single_line)
}

impl App {
    /// `]`/`[`: the next (previous) quote, on into the next (previous) listed article with a
    /// quote, as `n` does with mentions.
    pub(super) fn step_quote(&mut self, forward: bool) {
        let Some(analysis) = self.current_analysis() else {
            self.message = Some(Message::info("this article is still being analysed"));
            return;
        };
        let spans: Vec<Span> = self
            .side
            .quotes()
            .stops
            .iter()
            .filter_map(|&i| analysis.quotes.get(i).map(|q| q.span))
            .collect();
        let (top, bottom) = self.body_view_bytes();
        let next = match (self.side.quotes().current, forward) {
            (Some(q), true) => (q + 1 < spans.len()).then_some(q + 1),
            (Some(q), false) => q.checked_sub(1),
            (None, true) => spans.iter().position(|s| s.start >= top),
            (None, false) => spans.iter().rposition(|s| s.start < bottom),
        };
        match next {
            Some(q) => self.jump_to_quote(q),
            None => self.quote_in_next_article(forward),
        }
    }

    /// On to the next (previous) listed article that has a quote: its first (last) quote.
    fn quote_in_next_article(&mut self, forward: bool) {
        let row = self.headlines.pos().selected;
        let listed = self.headlines.listed();
        let has_quotes = |r: &usize| {
            listed
                .get(*r)
                .and_then(|&a| self.docs.analysis(a))
                .is_some_and(|a| a.quotes.iter().any(|q| q.kind != QuoteKind::Scare))
        };
        let target = if forward {
            (row + 1..listed.len()).find(has_quotes)
        } else {
            (0..row).rev().find(has_quotes)
        };
        let Some(target) = target else {
            self.message = Some(Message::info(format!(
                "no {} quote in this article or {} it",
                if forward { "later" } else { "earlier" },
                if forward { "after" } else { "before" }
            )));
            return;
        };
        self.select_headline(target);
        let Some(last) = self.side.quotes().stops.len().checked_sub(1) else {
            return;
        };
        self.jump_to_quote(if forward { 0 } else { last });
        let said = self.message.take().map(|m| m.text().to_string());
        self.message = Some(Message::info(format!(
            "{} — in the {} article with quotes ({}/{})",
            said.unwrap_or_default(),
            if forward { "next" } else { "previous" },
            target + 1,
            self.headlines.listed().len()
        )));
    }

    /// Makes stop `stop` the current quote: highlights it, scrolls to it, selects its row.
    pub(super) fn jump_to_quote(&mut self, stop: usize) {
        let Some(&qi) = self.side.quotes().stops.get(stop) else {
            return;
        };
        let Some(span) = self
            .current_analysis()
            .and_then(|a| a.quotes.get(qi))
            .map(|q| q.span)
        else {
            return;
        };
        self.side.quotes_mut().current = Some(stop);
        self.rebuild_marks();
        self.scroll_body_to(span);
        let fit = self.screen.quotes_fit();
        let quotes = self.side.quotes_mut();
        if let Some(row) = quotes.rows.iter().position(|r| r.stop == stop) {
            quotes.pos.selected = row;
            quotes.keep_visible(fit);
        }
        let speaker = self
            .current_analysis()
            .map_or_else(String::new, |a| speaker_of(a, self.current_article(), qi));
        self.message = Some(Message::info(format!(
            "quote {} of {} — {speaker}",
            stop + 1,
            self.side.quotes().stops.len(),
        )));
    }

    /// `p` in the quotes view: only the selected quote's speaker's quotes (again: all).
    pub(super) fn toggle_person_quotes(&mut self) {
        if self.side.quotes().person.is_some() {
            self.side.quotes_mut().person = None;
            self.message = Some(Message::info("showing every quote"));
        } else {
            let speaker = self.side.quotes().selected_row().and_then(|row| {
                let analysis = self.current_analysis()?;
                let qi = *self.side.quotes().stops.get(row.stop)?;
                let id = analysis.quotes.get(qi)?.speaker.as_deref()?;
                analysis.entity(id)
            });
            let Some(e) = speaker else {
                let why = if self.side.quotes().rows.is_empty() {
                    "no quotes in this article"
                } else {
                    "the selected quote's speaker is not known"
                };
                self.message = Some(Message::info(why));
                return;
            };
            let name = single_line(&e.name);
            self.side.quotes_mut().person = Some((EntityKey::of(e), name.clone()));
            self.message = Some(Message::info(format!(
                "quotes by {name} only — p shows all"
            )));
        }
        self.side.quotes_mut().pos = ListPos::default();
        self.rebuild_quote_rows();
    }

    pub(super) fn rebuild_quote_stops(&mut self) {
        let analysis = self
            .headlines
            .selected_article()
            .and_then(|i| self.docs.analysis(i));
        self.side.quotes_mut().rebuild_stops(analysis);
    }

    pub(super) fn rebuild_quote_rows(&mut self) {
        let current = self.headlines.selected_article();
        let analysis = current.and_then(|i| self.docs.analysis(i));
        let article = current.and_then(|i| self.docs.article(i));
        // The narrowed-to speaker in this article; one not in it has no quotes here.
        let person = self.side.quotes().person.as_ref().map(|(key, _)| {
            analysis
                .and_then(|a| a.entities.iter().find(|e| EntityKey::of(e) == *key))
                .map_or("", |e| &*e.id)
        });
        let fit = self.screen.quotes_fit();
        self.side
            .quotes_mut()
            .rebuild_rows(analysis, article, person, fit);
    }
}
