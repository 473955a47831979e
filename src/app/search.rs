//! `/` search: in the body it finds the query in the shown article (ignoring case; matches
//! highlighted, `.`/`,` step through them); in the headline pane it narrows the list on every
//! keystroke through `Collection::search` (files) or the library's search thread (`found`), and
//! the query's words are highlighted in each article shown, `.`/`,` stepping through them too. The
//! line itself is `query::QueryLine`; Enter keeps the search, Esc puts back what was there before
//! `/` (and Esc later drops the kept search).

use super::App;
use super::body::Highlight;
use super::layout::Pane;
use super::message::Message;
use super::query::QueryLine;
use crate::article::Span;
use crate::article::sanitize::flat;

/// What the open `/` line searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchTarget {
    /// The shown article's text.
    Article,
    /// The list of headlines.
    Headlines,
}

/// Where a search occurs in the shown article, and the match `.`/`,` are on. Found again for
/// each article shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Found {
    /// The article `matches` were found in (`None`: not looked for yet).
    article: Option<usize>,
    matches: Vec<Span>,
    current: Option<usize>,
}

impl Found {
    /// Whether the matches are those of article `index` (an article whose text is not there yet
    /// is looked at again).
    fn is_for(&self, index: Option<usize>) -> bool {
        index.is_some() && self.article == index
    }

    /// The matches in article `index`, whose text is `text` (`None` while not loaded); none
    /// current yet.
    fn set(
        &mut self,
        index: Option<usize>,
        text: Option<&str>,
        find: impl FnOnce(&str) -> Vec<Span>,
    ) {
        self.article = index.filter(|_| text.is_some());
        self.current = None;
        self.matches = text.map(find).unwrap_or_default();
    }

    /// `.` / `,`: the next or previous match, round the end of the article; `None` without any.
    fn step(&mut self, forward: bool) -> Option<usize> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let at = match (self.current, forward) {
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
            (None, true) => 0,
            (None, false) => n - 1,
        };
        self.current = Some(at);
        Some(at)
    }

    fn current_span(&self) -> Option<Span> {
        self.current.and_then(|c| self.matches.get(c)).copied()
    }

    /// The body's marks: every match, the current one set apart.
    fn marks(&self) -> Vec<(Span, Highlight)> {
        self.matches
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let h = if Some(i) == self.current {
                    Highlight::CurrentMatch
                } else {
                    Highlight::Match
                };
                (*m, h)
            })
            .collect()
    }
}

/// The search in the shown article. It follows the reader from article to article: the matches
/// are found again in each article shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleSearch {
    query: String,
    found: Found,
}

impl ArticleSearch {
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Where the query occurs in the article text (byte spans), in order.
    pub fn matches(&self) -> &[Span] {
        &self.found.matches
    }

    /// Index into `matches` of the match the search is on.
    pub fn current(&self) -> Option<usize> {
        self.found.current
    }
}

/// Headlines narrowed to those matching `query`, and the list they were narrowed from; the
/// query's words in the shown article, for `.`/`,`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadlineSearch {
    query: String,
    base: Vec<usize>,
    found: Found,
    /// The library's search thread has not answered yet: the list is not narrowed yet.
    waiting: bool,
}

impl HeadlineSearch {
    fn new(query: String, base: Vec<usize>) -> Self {
        Self {
            query,
            base,
            found: Found::default(),
            waiting: false,
        }
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// Where the query's words occur in the shown article (byte spans), in order, once each
    /// (found when the article's marks are built).
    pub fn matches(&self) -> &[Span] {
        &self.found.matches
    }

    /// Index into `matches` of the match `.`/`,` are on: the first in each article shown.
    pub fn current(&self) -> Option<usize> {
        self.found.current
    }
}

/// Where the words of a headline search occur in `text`: each word where it starts a word of the
/// text (as the search matched them: "os" finds "Osaka", not "costs"), ignoring case, in order;
/// overlapping words ("os" and "osaka") give one match, as the article search's do.
pub fn word_matches(text: &str, query: &str) -> Vec<Span> {
    let starts_word = |m: &Span| {
        text.get(..m.start)
            .and_then(|before| before.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric())
    };
    let mut found: Vec<Span> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(|w| find_all(text, w))
        .filter(starts_word)
        .collect();
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut end = 0;
    found.retain(|m| {
        let keep = m.start >= end;
        end = end.max(m.end);
        keep
    });
    found
}

/// The `/` line while open, with what Esc puts back.
pub(super) struct OpenQuery {
    pub line: QueryLine,
    pub target: SearchTarget,
    restore: Restore,
}

enum Restore {
    Article {
        search: ArticleSearch,
        scroll: usize,
    },
    Headlines {
        search: Option<HeadlineSearch>,
    },
}

/// Folds a character for matching: lower case, and any white space as one space (a soft line
/// break in the text matches the space typed).
fn fold(c: char) -> char {
    if c.is_whitespace() {
        ' '
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn fold_byte(b: u8) -> u8 {
    if b.is_ascii_whitespace() {
        b' '
    } else {
        b.to_ascii_lowercase()
    }
}

/// Every place `needle` occurs in `hay`, ignoring case, not overlapping, as byte spans of `hay`.
/// Linear in `hay` for a query of bounded length (the query line holds at most 200 characters).
pub fn find_all(hay: &str, needle: &str) -> Vec<Span> {
    let pat: Vec<char> = needle.chars().map(fold).collect();
    if pat.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = hay.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + pat.len() <= chars.len() {
        if chars[i..i + pat.len()]
            .iter()
            .map(|(_, c)| *c)
            .eq(pat.iter().copied())
        {
            let start = chars[i].0;
            let end = chars.get(i + pat.len()).map_or(hay.len(), |(at, _)| *at);
            out.push(Span::new(start, end));
            i += pat.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `hay` contains `needle`, ignoring case (as [`find_all`] matches).
pub fn contains(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if !needle.is_ascii() {
        // Without a copy of the text: try each start in turn.
        let pat: Vec<char> = needle.chars().map(fold).collect();
        return hay.char_indices().any(|(i, _)| {
            hay.get(i..).is_some_and(|rest| {
                rest.chars()
                    .map(fold)
                    .take(pat.len())
                    .eq(pat.iter().copied())
            })
        });
    }
    let pat: Vec<u8> = needle.bytes().map(fold_byte).collect();
    let hay = hay.as_bytes();
    if pat.len() > hay.len() {
        return false;
    }
    (0..=hay.len() - pat.len()).any(|i| {
        fold_byte(hay[i]) == pat[0]
            && hay[i..i + pat.len()]
                .iter()
                .zip(&pat)
                .all(|(a, b)| fold_byte(*a) == *b)
    })
}

/// The query as the status bar quotes it.
fn quoted(query: &str) -> String {
    format!("“{}”", flat(query, 60))
}

impl App {
    /// `/`: opens the query line over the headlines or in the article, by focus.
    pub(super) fn open_search(&mut self) {
        let (target, restore) = if self.screen.focus() == Pane::Headlines {
            let search = self.headline_search.clone();
            (SearchTarget::Headlines, Restore::Headlines { search })
        } else {
            let restore = Restore::Article {
                search: self.article_search.clone(),
                scroll: self.body.scroll(),
            };
            (SearchTarget::Article, restore)
        };
        self.query = Some(OpenQuery {
            line: QueryLine::default(),
            target,
            restore,
        });
    }

    /// The line changed: search again.
    pub(super) fn query_edited(&mut self, edit: impl FnOnce(&mut QueryLine) -> bool) {
        let Some(open) = self.query.as_mut() else {
            return;
        };
        if !edit(&mut open.line) {
            return;
        }
        let text = open.line.text().to_string();
        match open.target {
            SearchTarget::Article => self.search_article(&text),
            SearchTarget::Headlines => self.narrow_headlines(&text),
        }
    }

    /// Enter: keeps the search and closes the line.
    pub(super) fn query_keep(&mut self) {
        let Some(open) = self.query.take() else {
            return;
        };
        let text = open.line.text().to_string();
        self.message = Some(Message::info(match open.target {
            SearchTarget::Article if text.trim().is_empty() => {
                self.article_search = ArticleSearch::default();
                self.rebuild_marks();
                "search cleared".to_string()
            }
            SearchTarget::Article => match self.article_search.found.matches.len() {
                0 => format!("{} is not in this article", quoted(&text)),
                n => format!(
                    "{} — match {} of {n}; {}, Esc clears",
                    quoted(&text),
                    self.article_search.found.current.map_or(1, |c| c + 1),
                    self.match_keys_text()
                ),
            },
            SearchTarget::Headlines if text.trim().is_empty() => {
                self.restore_headlines(None);
                "showing every article".to_string()
            }
            // The library has not answered: the count comes with its answer (`found`).
            SearchTarget::Headlines if self.headline_search.as_ref().is_some_and(|s| s.waiting) => {
                format!("searching the library for {}…", quoted(&text))
            }
            SearchTarget::Headlines => self.headlines_found_text(&text),
        }));
    }

    /// What the kept headline search found: "4 articles match “Athens” — …".
    fn headlines_found_text(&self, text: &str) -> String {
        let n = self.headlines.listed().len();
        let what = if n == 1 {
            "article matches"
        } else {
            "articles match"
        };
        format!(
            "{n} {what} {} — Esc shows all; in the article {}",
            quoted(text),
            self.match_keys_text()
        )
    }

    /// Esc on the line: back to how things were before `/`.
    pub(super) fn query_cancel(&mut self) {
        let Some(open) = self.query.take() else {
            return;
        };
        match open.restore {
            Restore::Article { search, scroll } => {
                self.article_search = search;
                self.rebuild_marks();
                self.set_body_scroll(scroll);
            }
            Restore::Headlines { search } => self.restore_headlines(search),
        }
    }

    /// Esc outside the line: drops a kept headline search, else the article search. Returns
    /// whether there was one.
    pub(super) fn clear_search(&mut self) -> bool {
        if self.headline_search.is_some() {
            self.restore_headlines(None);
            self.message = Some(Message::info("showing every article"));
            return true;
        }
        if !self.article_search.query.is_empty() {
            self.article_search = ArticleSearch::default();
            self.rebuild_marks();
            self.message = Some(Message::info("search cleared"));
            return true;
        }
        false
    }

    fn search_article(&mut self, query: &str) {
        self.article_search = ArticleSearch {
            query: query.to_string(),
            ..ArticleSearch::default()
        };
        self.find_matches();
        // The first match from the top of the view down, else the first of all.
        let (top, _) = self.body_view_bytes();
        let found = &mut self.article_search.found;
        found.current = found
            .matches
            .iter()
            .position(|m| m.start >= top)
            .or_else(|| (!found.matches.is_empty()).then_some(0));
        self.show_current_match();
    }

    /// Finds the query in the shown article, if not done for it yet.
    fn find_matches(&mut self) {
        let index = self.current_index();
        let search = &mut self.article_search;
        if search.found.is_for(index) {
            return;
        }
        let text = index
            .and_then(|i| self.docs.article(i))
            .map(|a| a.text.as_str())
            .filter(|_| !search.query.trim().is_empty());
        search
            .found
            .set(index, text, |text| find_all(text, &search.query));
    }

    /// Finds the kept headline search's words in the shown article, if not done for it yet; the
    /// first is the current one.
    fn find_headline_matches(&mut self) {
        let index = self.current_index();
        let Some(search) = self.headline_search.as_mut() else {
            return;
        };
        if search.found.is_for(index) {
            return;
        }
        let text = index
            .and_then(|i| self.docs.article(i))
            .map(|a| a.text.as_str());
        search
            .found
            .set(index, text, |text| word_matches(text, &search.query));
        if !search.found.matches.is_empty() {
            search.found.current = Some(0);
        }
    }

    fn show_current_match(&mut self) {
        if let Some(span) = self.article_search.found.current_span() {
            self.scroll_body_to(span);
        }
        self.rebuild_marks();
    }

    /// "./, step through the matches": the keys in force.
    fn match_keys_text(&self) -> String {
        let key = |action| self.prefs.keys.key_for(super::Context::Global, &action);
        match (key(super::Action::NextMatch), key(super::Action::PrevMatch)) {
            (Some(next), Some(prev)) => format!("{next} next, {prev} previous"),
            (Some(next), None) => format!("{next} next"),
            (None, Some(prev)) => format!("{prev} previous"),
            (None, None) => "no key steps through them".to_string(),
        }
    }

    /// Whether `.`/`,` have matches to step through: a kept article search, else a headline
    /// search (the status bar then hints the keys).
    pub fn has_search(&self) -> bool {
        !self.article_search.query.is_empty() || self.headline_search.is_some()
    }

    /// `.` / `,`: the next or previous match, round the end of the article: of the article search,
    /// else of the headline search's words.
    pub(super) fn step_match(&mut self, forward: bool) {
        if self.article_search.query.is_empty() && self.headline_search.is_some() {
            self.step_headline_match(forward);
            return;
        }
        if self.article_search.query.is_empty() {
            let key = self
                .prefs
                .keys
                .key_for(super::Context::Body, &super::Action::Search)
                .unwrap_or_else(|| "/".into());
            self.message = Some(Message::info(format!(
                "no search: press {key} in the article to search it"
            )));
            return;
        }
        self.find_matches();
        let query = quoted(&self.article_search.query);
        let n = self.article_search.found.matches.len();
        let Some(at) = self.article_search.found.step(forward) else {
            self.message = Some(Message::info(format!("{query} is not in this article")));
            return;
        };
        self.show_current_match();
        self.message = Some(Message::info(format!("{query} — match {} of {n}", at + 1)));
    }

    /// `.` / `,` under a kept headline search: its words' next or previous place in the article.
    fn step_headline_match(&mut self, forward: bool) {
        self.find_headline_matches();
        let Some(search) = self.headline_search.as_mut() else {
            return;
        };
        let query = quoted(&search.query);
        let n = search.found.matches.len();
        let Some(at) = search.found.step(forward) else {
            self.message = Some(Message::info(format!("no word of {query} in this article")));
            return;
        };
        if let Some(span) = search.found.current_span() {
            self.scroll_body_to(span);
        }
        self.rebuild_marks();
        self.message = Some(Message::info(format!("{query} — match {} of {n}", at + 1)));
    }

    /// The search's marks for the body (called whenever the body's marks are rebuilt): the
    /// article search's, else the kept headline search's words.
    pub(super) fn search_marks(&mut self) -> Vec<(Span, Highlight)> {
        if self.article_search.query.is_empty() {
            self.find_headline_matches();
            return self
                .headline_search
                .as_ref()
                .map(|s| s.found.marks())
                .unwrap_or_default();
        }
        self.find_matches();
        self.article_search.found.marks()
    }

    fn narrow_headlines(&mut self, query: &str) {
        let base = match &self.headline_search {
            Some(s) => s.base.clone(),
            None => self.headlines.listed().to_vec(),
        };
        if query.trim().is_empty() {
            self.headline_search = None;
            self.relist_headlines(base);
            return;
        }
        if self.docs.request_search(query).is_some() {
            // The library's index is searched on its own thread: the list narrows when the
            // answer arrives (`found`).
            let mut search = HeadlineSearch::new(query.to_string(), base);
            search.waiting = true;
            self.headline_search = Some(search);
            return;
        }
        let found = self.docs.search(query);
        let listed: Vec<usize> = base
            .iter()
            .copied()
            .filter(|i| found.binary_search(i).is_ok())
            .collect();
        self.headline_search = Some(HeadlineSearch::new(query.to_string(), base));
        self.relist_headlines(listed);
    }

    /// The library's search thread answered request `request`: the list narrows to the matches
    /// (of the list the search started from). The answer to an older request, or one arriving
    /// after the search was closed, is dropped. Says whether to redraw.
    pub(super) fn found(
        &mut self,
        request: u64,
        ids: Result<Vec<crate::library::ArticleId>, String>,
    ) -> bool {
        if request != self.docs.last_search_request() {
            return false;
        }
        let Some(search) = self.headline_search.as_mut() else {
            return false;
        };
        search.waiting = false;
        // The line was closed with Enter before the answer: the count is said now.
        let kept = self.query.is_none();
        let query = search.query.clone();
        match ids {
            Ok(ids) => {
                let found = self.docs.indices_of(&ids);
                let listed: Vec<usize> = search
                    .base
                    .iter()
                    .copied()
                    .filter(|i| found.binary_search(i).is_ok())
                    .collect();
                self.relist_headlines(listed);
                if kept {
                    self.message = Some(Message::info(self.headlines_found_text(&query)));
                }
            }
            Err(why) => {
                self.message = Some(Message::problem(format!(
                    "the search failed: {}",
                    crate::article::sanitize::inert(&why)
                )));
            }
        }
        true
    }

    /// Puts `search` back as the headline search (`None`: the list before any search).
    fn restore_headlines(&mut self, search: Option<HeadlineSearch>) {
        let base = match self.headline_search.take() {
            Some(s) => s.base,
            None => self.headlines.listed().to_vec(),
        };
        match search {
            Some(s) => {
                let query = s.query.clone();
                self.headline_search = Some(HeadlineSearch::new(String::new(), s.base));
                self.narrow_headlines(&query);
            }
            None => self.relist_headlines(base),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_and_line_breaks() {
        let text = "Putin met Obama.\nBarack\nObama said PUTIN's";
        let m = find_all(text, "putin");
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].slice(text), "PUTIN");
        let m = find_all(text, "barack obama");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].slice(text), "Barack\nObama");
        assert!(find_all(text, "").is_empty());
        assert!(find_all("", "x").is_empty());
        assert_eq!(find_all("aaaa", "aa").len(), 2, "no overlaps");
        assert_eq!(find_all("CAFÉ café", "café").len(), 2);
        assert!(contains("Le CAFÉ", "café"));
        assert!(contains("Barack\nObama", "barack obama"));
        assert!(!contains("Obama", "obamas"));
        assert!(contains("anything", ""));
    }

    #[test]
    fn a_headline_searchs_words_are_found_in_order_once_each() {
        let text = "Osaka flood: the OSAKA plan. Floods cost in Os";
        let m = word_matches(text, "flood os");
        let words: Vec<&str> = m.iter().map(|s| s.slice(text)).collect();
        // "os" at the start of "Osaka" and "flood" of "Floods" each give one match, in text
        // order; "os" inside "cost" none.
        assert_eq!(words, ["Os", "flood", "OS", "Flood", "Os"]);
        assert!(word_matches(text, "  ").is_empty());
        assert!(word_matches("", "flood").is_empty());
        let mut found = Found::default();
        found.set(Some(3), Some(text), |t| word_matches(t, "osaka"));
        assert!(found.is_for(Some(3)) && !found.is_for(Some(4)));
        assert_eq!(
            (found.step(true), found.step(true), found.step(false)),
            (Some(0), Some(1), Some(0))
        );
        assert_eq!(found.step(false), Some(1), "round the end");
        found.set(Some(4), None, |t| word_matches(t, "osaka"));
        assert!(
            !found.is_for(Some(4)),
            "an article not loaded yet is looked at again"
        );
        assert_eq!(found.step(true), None);
    }
}
