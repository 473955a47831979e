//! The quotes: the stops `]`/`[` visit (every quote but scare quotes, in text order), the current
//! one, and the quotes view's rows (each quote as its speaker and role over its words, wrapped in
//! full to the pane's width), optionally only one speaker's.

use super::App;
use super::layout::Pane;
use super::list::{ListPos, Step, moved};
use super::message::Message;
use super::single_line;
use crate::analysis::corpus::EntityKey;
use crate::analysis::{Analysis, QuoteKind};
use crate::article::{Article, Span};

/// A quote of the quotes view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteRow {
    /// Index into the stops (`QuoteList::stops`).
    pub stop: usize,
    pub kind: QuoteKind,
    pub text: String,
    pub speaker: String,
    /// "N speaker (role)" wrapped to the pane: the quote's first lines.
    pub head: Vec<String>,
    /// The words wrapped to the pane (less an indent): the lines under the head.
    pub words: Vec<String>,
}

impl QuoteRow {
    /// Screen lines the quote takes.
    pub fn height(&self) -> usize {
        self.head.len() + self.words.len()
    }

    /// Wraps the head and the words for a pane `width` columns wide.
    fn lay_out(&mut self, width: usize) {
        let number = format!("{} ", self.stop + 1);
        let head = format!("{number}{}", self.speaker);
        // A speaker and role too long for a line continue under the name, not the number.
        let indent = " ".repeat(number.len());
        let options =
            textwrap::Options::new(width.saturating_sub(1).max(1)).subsequent_indent(&indent);
        self.head = textwrap::wrap(&head, options)
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .collect();
        if self.head.is_empty() {
            self.head.push(number);
        }
        self.words = wrap(&self.text, width.saturating_sub(QUOTE_INDENT));
    }
}

/// Columns the words of a quote are set in from the pane's edge.
pub const QUOTE_INDENT: usize = 3;

fn wrap(text: &str, width: usize) -> Vec<String> {
    let lines: Vec<String> = textwrap::wrap(text, width.max(1))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

#[derive(Clone, Debug, Default)]
pub struct QuoteList {
    /// Indices into the analysis' quotes that `]`/`[` visit, text order.
    stops: Vec<usize>,
    /// Index into `stops`: the current quote.
    current: Option<usize>,
    rows: Vec<QuoteRow>,
    /// The first screen line of each row (and, last, the total): rows are as tall as they wrap.
    starts: Vec<usize>,
    /// The width the rows are wrapped to.
    width: usize,
    /// `selected` is a row; `offset` is a screen line (the view scrolls by lines).
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

    /// The selected row, and the first screen line shown.
    pub fn pos(&self) -> ListPos {
        self.pos
    }

    /// The first screen line of row `row` (for `rows().len()`, the total number of lines).
    pub fn start_of(&self, row: usize) -> usize {
        self.starts.get(row).copied().unwrap_or(0)
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

    pub(super) fn step(&mut self, step: Step, height: usize) {
        // A page moves by about as many quotes as a screen shows.
        let page = height / 4;
        self.pos.selected = moved(self.pos.selected, self.rows.len(), page.max(1), step);
        self.keep_visible(height);
    }

    /// Scrolls the view by `delta` lines; the selection stays.
    pub(super) fn scroll(&mut self, height: usize, delta: isize) {
        let total = self.start_of(self.rows.len());
        let max = total.saturating_sub(height);
        self.pos.offset = self.pos.offset.saturating_add_signed(delta).min(max);
    }

    pub(super) fn click(&mut self, rel: usize) {
        let line = self.pos.offset + rel;
        if line < self.start_of(self.rows.len()) {
            let row = self
                .starts
                .partition_point(|&s| s <= line)
                .saturating_sub(1);
            self.pos.selected = row.min(self.rows.len().saturating_sub(1));
        }
    }

    /// Scrolls so that the selected quote is in view (its start, if it is taller than the pane).
    pub(super) fn keep_visible(&mut self, height: usize) {
        let total = self.start_of(self.rows.len());
        if self.rows.is_empty() {
            self.pos = ListPos::default();
            return;
        }
        let start = self.start_of(self.pos.selected);
        let end = self.start_of(self.pos.selected + 1);
        if start < self.pos.offset {
            self.pos.offset = start;
        } else if end > self.pos.offset + height {
            self.pos.offset = start.max(end.saturating_sub(height));
        }
        self.pos.offset = self.pos.offset.min(total.saturating_sub(height));
        if start < self.pos.offset {
            self.pos.offset = start;
        }
    }

    /// Wraps every row for a pane `width` columns wide.
    fn lay_out(&mut self, width: usize) {
        self.width = width;
        self.starts.clear();
        let mut at = 0;
        for row in &mut self.rows {
            row.lay_out(width);
            self.starts.push(at);
            at += row.height();
        }
        self.starts.push(at);
    }

    /// The pane is now `width` wide and `height` tall: re-wrap if the width changed.
    pub(super) fn refit(&mut self, width: usize, height: usize) {
        if width != self.width {
            self.lay_out(width);
        }
        self.keep_visible(height);
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
        (width, height): (usize, usize),
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
                let text = article.map_or(String::new(), |a| in_full(a.slice(q.span)));
                rows.push(QuoteRow {
                    stop,
                    kind: q.kind,
                    text,
                    speaker: speaker_of(analysis, article, qi),
                    head: Vec::new(),
                    words: Vec::new(),
                });
            }
        }
        self.rows = rows;
        self.lay_out(width);
        self.pos.selected = self.pos.selected.min(self.rows.len().saturating_sub(1));
        self.keep_visible(height);
    }
}

/// A quote's words made inert and put on one line, in full (up to a generous cap).
fn in_full(text: &str) -> String {
    crate::article::sanitize::flat(text, 4000)
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

    /// On to the next (previous) listed article that has a quote: its first (last) quote. In the
    /// library the look is bounded ([`LOOKAHEAD`](super::collection::LOOKAHEAD) articles) and a
    /// failed read stops it with the problem said, the state as it was.
    fn quote_in_next_article(&mut self, forward: bool) {
        let row = self.headlines.pos().selected;
        let listed = self.headlines.listed();
        let ahead = self.docs.lookahead();
        let rows: Vec<usize> = if forward {
            (row + 1..listed.len()).take(ahead).collect()
        } else {
            (0..row).rev().take(ahead).collect()
        };
        let left = if forward {
            listed.len().saturating_sub(row + 1)
        } else {
            row
        };
        let mut target = None;
        for r in rows.iter().copied() {
            let Some(&a) = listed.get(r) else { break };
            let quoted = self
                .docs
                .with_analysis(a, |a| a.quotes.iter().any(|q| q.kind != QuoteKind::Scare));
            match quoted {
                Ok(Some(true)) => {
                    target = Some(r);
                    break;
                }
                Ok(_) => {}
                Err(e) => {
                    self.message = Some(Message::problem(e));
                    return;
                }
            }
        }
        let Some(target) = target else {
            let (later, after) = if forward {
                ("later", "after")
            } else {
                ("earlier", "before")
            };
            self.message = Some(Message::info(if rows.len() < left {
                format!(
                    "no {later} quote in this article or the {} {after} it",
                    rows.len()
                )
            } else {
                format!("no {later} quote in this article or {after} it")
            }));
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
        let height = self.screen.list_height(Pane::Side);
        let quotes = self.side.quotes_mut();
        if let Some(row) = quotes.rows.iter().position(|r| r.stop == stop) {
            quotes.pos.selected = row;
            quotes.keep_visible(height);
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
        let size = (
            self.screen.list_width(Pane::Side),
            self.screen.list_height(Pane::Side),
        );
        self.side
            .quotes_mut()
            .rebuild_rows(analysis, article, person, size);
    }
}
