//! The body pane: the shown article wrapped to the pane's width, the scroll position, and the
//! highlight marks (quotes, the followed entity's mentions) mapped onto wrapped lines.
//!
//! A long article is wrapped lazily (see `Wrapped`): after every action `settle` wraps the parts
//! on screen, keeping the first line shown in place as estimated line counts become real ones,
//! and `Action::WrapMore` (sent by the event loop while idle) wraps the rest a step at a time.

use super::App;
use super::list::{Step, moved};
use super::wrap::Wrapped;
use crate::analysis::{Analysis, QuoteKind};
use crate::article::{Article, Span};
use std::time::{Duration, Instant};

/// How long an article stays on screen before it counts as read.
pub const DWELL: Duration = Duration::from_millis(1500);

/// What the line under the headline says, when the article's text does not: the outlet, the
/// author (when no byline block shows it: JSON articles), and the date — parsed, in local time,
/// relative when recent ("Fri 5 Sep 2025 09:30 (3 h ago)"), else as written. Empty when there is
/// nothing to say. `Wrapped` places the line; the body pane draws this text on it.
pub fn meta_text(article: &Article, clock: &super::Clock) -> String {
    // A date written without a time ("2025-09-04", "September 18, 2025") is a day.
    let timed = article.date.as_deref().is_some_and(super::clock::has_time);
    meta_text_with(
        article,
        |ts| {
            if timed { clock.long(ts) } else { clock.day(ts) }
        },
    )
}

/// `meta_text` with the parsed date put in words by `date`.
pub fn meta_text_with(article: &Article, date: impl Fn(jiff::Timestamp) -> String) -> String {
    let shown = |s: &&str| {
        let s = s.trim();
        // Not when the article says it itself (a dateline with the date, a byline).
        !s.is_empty() && !article.text.contains(s)
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(outlet) = article.outlet.as_deref().filter(shown) {
        parts.push(outlet.trim().to_string());
    }
    let has_byline = article
        .blocks
        .iter()
        .any(|b| b.kind == crate::article::BlockKind::Byline);
    if !has_byline && let Some(author) = article.byline.as_deref().filter(shown) {
        parts.push(format!("By {}", author.trim()));
    }
    if let Some(raw) = article.date.as_deref().filter(shown) {
        parts.push(match article.published {
            Some(ts) => date(ts),
            None => raw.trim().to_string(),
        });
    }
    crate::article::sanitize::flat(&parts.join(" · "), 200)
}

/// How a stretch of body text is highlighted; later variants are drawn over earlier ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Highlight {
    Reported,
    Quote,
    CurrentQuote,
    Mention,
    CurrentMention,
    /// A match of the `/` search, and the one it is on.
    Match,
    CurrentMatch,
}

/// A highlight on one body line: source bytes `span` (clipped to the line) on line `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub line: usize,
    pub span: Span,
    pub highlight: Highlight,
}

/// What the marks show: the quote `]`/`[` is on and the followed entity's mentions.
#[derive(Clone, Debug, Default)]
pub(super) struct MarksOf {
    /// Index into the analysis' quotes.
    pub current_quote: Option<usize>,
    /// The followed entity's own mentions (`follow::own_mentions`).
    pub followed: Vec<Span>,
    /// Index into the followed entity's mentions.
    pub mention: Option<usize>,
}

/// Text wrapped per `WrapMore` step: a few milliseconds' work.
const WRAP_STEP_BYTES: usize = 256 * 1024;

#[derive(Clone, Debug, Default)]
pub struct BodyView {
    text: Wrapped,
    /// The first wrapped line shown.
    scroll: usize,
    /// Sorted by (line, start, highlight); on wrapped lines only.
    marks: Vec<Mark>,
    /// What the marks show, as text spans sorted by start, and the longest's length: each part is
    /// marked from them once, when it is wrapped.
    spans: Vec<(Span, Highlight)>,
    longest: usize,
    /// The marks of each part of the wrap, their lines counted within the part; `marks` is them
    /// all with the part's first line added.
    part_marks: Vec<Vec<Mark>>,
    /// More text was wrapped since the marks were mapped.
    stale: bool,
    /// When the shown article came on screen, while it is not read yet.
    pub(super) since: Option<Instant>,
}

impl BodyView {
    /// The shown article at the pane's width.
    pub fn wrapped(&self) -> &Wrapped {
        &self.text
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// Wraps article `index` to `width` (a hidden body, width 0, is wrapped when it gets room);
    /// another width of the same article reuses its plan of parts.
    fn wrap(&mut self, index: usize, article: &Article, width: u16) {
        self.text = if width == 0 {
            Wrapped::empty(index)
        } else if self.text.article == index && self.text.part_count() > 0 {
            self.text.at_width(article, width)
        } else {
            Wrapped::new(index, article, width)
        };
    }

    /// Wraps part `p` if it is not yet, keeping the first line shown on the same text.
    fn wrap_part(&mut self, article: &Article, p: usize) -> bool {
        let top = self.text.part_of_line(self.scroll);
        if !self.text.wrap_part(article, p) {
            return false;
        }
        if let Some((tp, local)) = top {
            self.scroll = self.text.line_in_part(tp, local);
        }
        self.mark_part(p);
        self.stale = true;
        true
    }

    /// Wraps the part holding byte `offset`, so its line is known exactly.
    fn wrap_at_byte(&mut self, article: &Article, offset: usize) -> bool {
        let p = self.text.part_of_byte(offset);
        self.wrap_part(article, p)
    }

    /// Wraps what is on screen (and the line below it, which `view_bytes` reads), keeping the
    /// view at the end when it was there; says whether anything was wrapped.
    fn settle(&mut self, article: &Article, height: usize) -> bool {
        let at_end = self.scroll > 0 && self.scroll >= self.max_scroll(height);
        let mut any = false;
        while height > 0 && self.text.is_partial() {
            let last = (self.scroll + height).min(self.text.len().saturating_sub(1));
            let (Some((from, _)), Some((to, _))) = (
                self.text.part_of_line(self.scroll),
                self.text.part_of_line(last),
            ) else {
                break;
            };
            if !(from..=to).any(|p| self.wrap_part(article, p)) {
                break;
            }
            any = true;
            if at_end {
                self.scroll = self.max_scroll(height);
            }
            self.clamp_scroll(height);
        }
        if self.stale {
            self.remap_marks();
        }
        any
    }

    /// Wraps the next parts not wrapped yet, about `WRAP_STEP_BYTES` of text; says whether any.
    fn wrap_more(&mut self, article: &Article, height: usize) -> bool {
        let at_end = height > 0 && self.scroll > 0 && self.scroll >= self.max_scroll(height);
        let mut bytes = 0;
        let mut any = false;
        while bytes < WRAP_STEP_BYTES
            && let Some(p) = self.text.next_pending()
        {
            bytes += self.text.part_bytes(p).max(1);
            any |= self.wrap_part(article, p);
        }
        if any && at_end {
            self.scroll = self.max_scroll(height);
        }
        if self.stale {
            self.remap_marks();
        }
        any
    }

    /// Whether part of the article is still to be wrapped.
    pub fn is_partial(&self) -> bool {
        self.text.is_partial()
    }

    /// Maps the highlighted spans (quotes, the followed entity's mentions) onto body lines.
    /// `extra` are further highlights, e.g. the in-article search's matches.
    pub(super) fn rebuild_marks(
        &mut self,
        analysis: Option<&Analysis>,
        of: MarksOf,
        extra: Vec<(Span, Highlight)>,
    ) {
        let mut spans: Vec<(Span, Highlight)> = extra;
        if let Some(analysis) = analysis {
            for (i, q) in analysis.quotes.iter().enumerate() {
                let h = match q.kind {
                    QuoteKind::Scare => continue,
                    QuoteKind::Reported => Highlight::Reported,
                    QuoteKind::Direct | QuoteKind::Partial => Highlight::Quote,
                };
                let h = if Some(i) == of.current_quote {
                    Highlight::CurrentQuote
                } else {
                    h
                };
                spans.push((q.span, h));
            }
            {
                for (i, m) in of.followed.iter().enumerate() {
                    let h = if Some(i) == of.mention {
                        Highlight::CurrentMention
                    } else {
                        Highlight::Mention
                    };
                    spans.push((*m, h));
                }
            }
        }
        spans.retain(|(span, _)| !span.is_empty());
        spans.sort_by_key(|(span, _)| span.start);
        self.longest = spans.iter().map(|(span, _)| span.len()).max().unwrap_or(0);
        self.spans = spans;
        self.part_marks = vec![Vec::new(); self.text.part_count()];
        for p in 0..self.text.part_count() {
            self.mark_part(p);
        }
        self.remap_marks();
    }

    /// The marks on part `p`'s lines (none while it is not wrapped), lines counted in the part.
    fn mark_part(&mut self, p: usize) {
        self.part_marks
            .resize_with(self.text.part_count(), Vec::new);
        let Some(lines) = self.text.part_lines(p) else {
            return;
        };
        let bytes = self.text.part_span(p);
        // Spans that can reach the part start at most `longest` bytes before it.
        let from = self
            .spans
            .partition_point(|(s, _)| s.start < bytes.start.saturating_sub(self.longest));
        let to = self.spans.partition_point(|(s, _)| s.start < bytes.end);
        let mut marks = Vec::new();
        for &(span, highlight) in self.spans.get(from..to).unwrap_or(&[]) {
            if span.end <= bytes.start {
                continue;
            }
            let first = lines
                .partition_point(|l| l.src.start <= span.start)
                .saturating_sub(1);
            for (i, line) in lines.iter().enumerate().skip(first) {
                if line.src.start >= span.end {
                    break;
                }
                let start = span.start.max(line.src.start);
                let end = span.end.min(line.src.end);
                if start < end {
                    marks.push(Mark {
                        line: i,
                        span: Span::new(start, end),
                        highlight,
                    });
                }
            }
        }
        marks.sort_by_key(|m| (m.line, m.span.start, m.highlight));
        if let Some(slot) = self.part_marks.get_mut(p) {
            *slot = marks;
        }
    }

    /// All the parts' marks, on the lines of the whole wrap.
    fn remap_marks(&mut self) {
        self.stale = false;
        let mut marks = Vec::with_capacity(self.part_marks.iter().map(Vec::len).sum());
        for (p, local) in self.part_marks.iter().enumerate() {
            let first = self.text.first_line(p);
            marks.extend(local.iter().map(|m| Mark {
                line: first + m.line,
                ..*m
            }));
        }
        self.marks = marks;
    }

    /// Where the view is, as less and vim say it: `All` (everything fits), `Top`, `Bot`, or how
    /// far down the top line is (`42%`). `None` for an empty body.
    pub fn position(&self, height: usize) -> Option<String> {
        let max = self.max_scroll(height);
        Some(if self.text.is_empty() {
            return None;
        } else if max == 0 {
            "All".to_string()
        } else if self.scroll == 0 {
            "Top".to_string()
        } else if self.scroll >= max {
            "Bot".to_string()
        } else {
            format!("{}%", (self.scroll * 100 / max).clamp(1, 99))
        })
    }

    fn max_scroll(&self, height: usize) -> usize {
        self.text.len().saturating_sub(height)
    }

    fn clamp_scroll(&mut self, height: usize) {
        self.scroll = self.scroll.min(self.max_scroll(height));
    }

    /// Byte offsets of the first and just past the last line shown.
    pub(super) fn view_bytes(&self, height: usize) -> (usize, usize) {
        let top = self.text.start_of(self.scroll).unwrap_or(0);
        let bottom = self
            .text
            .start_of(self.scroll + height)
            .unwrap_or(usize::MAX);
        (top, bottom)
    }

    /// Scrolls so that `span`'s first line is visible, away from the pane's edges.
    fn scroll_to(&mut self, span: Span, height: usize) {
        let line = self.text.line_of(span.start);
        let margin = (height / 4).min(3);
        if line < self.scroll + margin {
            self.scroll = line.saturating_sub(margin);
        } else if line + margin >= self.scroll + height {
            self.scroll = (line + margin + 1).saturating_sub(height);
        }
        self.clamp_scroll(height);
    }
}

impl App {
    pub(super) fn step_body(&mut self, step: Step) {
        let height = self.screen.body_height();
        let page = height.saturating_sub(1).max(1);
        let lines = self.body.max_scroll(height) + 1;
        self.body.scroll = moved(self.body.scroll, lines, page, step);
        self.mark_shown_read();
    }

    pub(super) fn scroll_body(&mut self, delta: isize) {
        let max = self.body.max_scroll(self.screen.body_height());
        self.body.scroll = self.body.scroll.saturating_add_signed(delta).min(max);
        self.mark_shown_read();
    }

    /// The shown article was read (Enter, a scroll of its body, or `DWELL` on screen).
    pub(super) fn mark_shown_read(&mut self) -> bool {
        self.body.since = None;
        match self.current_index() {
            Some(i) => self.docs.set_read(i, true),
            None => false,
        }
    }

    /// When the event loop should send `Action::Tick`: the shown article's dwell deadline.
    pub fn wake_at(&self) -> Option<Instant> {
        self.body.since.map(|t| t + DWELL)
    }

    /// Time passed: the shown article counts as read once it was on screen for `DWELL`. Says
    /// whether anything changed.
    pub(super) fn tick(&mut self, now: Instant) -> bool {
        match self.body.since {
            Some(since) if now.saturating_duration_since(since) >= DWELL => self.mark_shown_read(),
            _ => false,
        }
    }

    pub(super) fn scroll_body_to(&mut self, span: Span) {
        let height = self.screen.body_height();
        if let Some(article) = self.docs.article(self.body.text.article) {
            self.body.wrap_at_byte(article, span.start);
        }
        self.body.scroll_to(span, height);
    }

    /// After every action: wrap what the body shows, if part of it is not wrapped yet.
    pub(super) fn settle_body(&mut self) {
        let height = self.screen.body_height();
        if let Some(article) = self.docs.article(self.body.text.article) {
            self.body.settle(article, height);
        }
    }

    /// `Action::WrapMore`: wrap a step more of a long article; says whether anything changed.
    pub(super) fn wrap_more_body(&mut self) -> bool {
        let height = self.screen.body_height();
        match self.docs.article(self.body.text.article) {
            Some(article) => self.body.wrap_more(article, height),
            None => false,
        }
    }

    pub(super) fn reset_body_scroll(&mut self) {
        self.body.scroll = 0;
    }

    /// Byte offsets of the first and just past the last line shown.
    pub(super) fn body_view_bytes(&self) -> (usize, usize) {
        self.body.view_bytes(self.screen.body_height())
    }

    /// The shown article changed: wrap it (or empty the body when nothing is shown).
    pub(super) fn show_body(&mut self) {
        self.body.scroll = 0;
        match self.current_index() {
            Some(i) => {
                let unread = self.docs.entry(i).is_some_and(|e| !e.is_read());
                self.body.since = unread.then(Instant::now);
                self.rewrap();
            }
            None => {
                self.body.since = None;
                self.body.text = Wrapped::default();
            }
        }
    }

    /// The shown article's text changed (a feed refresh rewrote it): what was wrapped of the
    /// old text is dropped, so that it is wrapped again from the new one.
    pub(super) fn forget_wrapped_body(&mut self) {
        self.body.text = Wrapped::default();
    }

    /// After a resize or focus change: re-wrap only if the body width changed, keeping the first
    /// line shown where it was in the text, and keep the scroll valid. A body with no room (a
    /// terminal 1 column wide or 3 rows high, or another pane shown in its place) keeps its lines
    /// and scroll as they are, for when it shows again.
    pub(super) fn refit_body(&mut self) {
        let width = self.wrap_width();
        if width == 0 || self.screen.body_height() == 0 {
            return;
        }
        if self.current_index().is_some() && width != self.body.text.width {
            let top = self.body.text.start_of(self.body.scroll);
            self.rewrap();
            if let Some(top) = top {
                if let Some(article) = self.docs.article(self.body.text.article) {
                    self.body.wrap_at_byte(article, top);
                }
                self.body.scroll = self.body.text.line_of(top);
            }
        }
        let height = self.screen.body_height();
        self.body.clamp_scroll(height);
    }

    /// The width the body is wrapped to: the pane's, at most the config's `reading_width`.
    pub(super) fn wrap_width(&self) -> u16 {
        let width = self.screen.text_width();
        self.prefs.reading_width.map_or(width, |r| width.min(r))
    }

    fn rewrap(&mut self) {
        let width = self.wrap_width();
        if let Some(i) = self.current_index()
            && let Some(article) = self.docs.article(i)
        {
            self.body.wrap(i, article, width);
        }
        self.rebuild_marks();
    }

    pub(super) fn rebuild_marks(&mut self) {
        let search = self.search_marks();
        let analysis = self
            .headlines
            .selected_article()
            .and_then(|i| self.docs.analysis(i));
        let of = MarksOf {
            current_quote: self.side.quotes().current_quote_index(),
            followed: self.followed_mentions(),
            mention: self.followed.mention(),
        };
        self.body.rebuild_marks(analysis, of, search);
    }

    /// Scrolls the body to line `line` (kept in range).
    pub(super) fn set_body_scroll(&mut self, line: usize) {
        self.body.scroll = line;
        self.body.clamp_scroll(self.screen.body_height());
    }
}
