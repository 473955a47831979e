//! `/` search: in the body it finds the query in the shown article (ignoring case; matches
//! highlighted, `.`/`,` step through them); in the headline pane it narrows the list on every
//! keystroke through `Collection::search` (files) or the library's search thread (`found`). The line itself is `query::QueryLine`; Enter keeps the
//! search, Esc puts back what was there before `/`.

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

/// The search in the shown article. It follows the reader from article to article: the matches
/// are found again in each article shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleSearch {
    query: String,
    /// The article `matches` were found in.
    article: Option<usize>,
    matches: Vec<Span>,
    current: Option<usize>,
}

impl ArticleSearch {
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Where the query occurs in the article text (byte spans), in order.
    pub fn matches(&self) -> &[Span] {
        &self.matches
    }

    /// Index into `matches` of the match the search is on.
    pub fn current(&self) -> Option<usize> {
        self.current
    }
}

/// Headlines narrowed to those matching `query`, and the list they were narrowed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadlineSearch {
    query: String,
    base: Vec<usize>,
}

impl HeadlineSearch {
    pub fn query(&self) -> &str {
        &self.query
    }
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
            SearchTarget::Article => match self.article_search.matches.len() {
                0 => format!("{} is not in this article", quoted(&text)),
                n => format!(
                    "{} — match {} of {n}; . next, , previous, Esc clears",
                    quoted(&text),
                    self.article_search.current.map_or(1, |c| c + 1)
                ),
            },
            SearchTarget::Headlines if text.trim().is_empty() => {
                self.restore_headlines(None);
                "showing every article".to_string()
            }
            SearchTarget::Headlines => {
                let n = self.headlines.listed().len();
                let what = if n == 1 {
                    "article matches"
                } else {
                    "articles match"
                };
                format!("{n} {what} {} — Esc shows all", quoted(&text))
            }
        }));
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
        let search = &mut self.article_search;
        search.current = search
            .matches
            .iter()
            .position(|m| m.start >= top)
            .or_else(|| (!search.matches.is_empty()).then_some(0));
        self.show_current_match();
    }

    /// Finds the query in the shown article, if not done for it yet.
    fn find_matches(&mut self) {
        let index = self.current_index();
        let search = &mut self.article_search;
        if search.article == index && index.is_some() {
            return;
        }
        search.article = index;
        search.current = None;
        search.matches = match index.and_then(|i| self.docs.article(i)) {
            Some(article) if !search.query.trim().is_empty() => {
                find_all(&article.text, &search.query)
            }
            _ => Vec::new(),
        };
    }

    fn show_current_match(&mut self) {
        if let Some(span) = self
            .article_search
            .current
            .and_then(|c| self.article_search.matches.get(c))
            .copied()
        {
            self.scroll_body_to(span);
        }
        self.rebuild_marks();
    }

    /// `.` / `,`: the next or previous match, round the end of the article.
    pub(super) fn step_match(&mut self, forward: bool) {
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
        let n = self.article_search.matches.len();
        let query = quoted(&self.article_search.query);
        if n == 0 {
            self.message = Some(Message::info(format!("{query} is not in this article")));
            return;
        }
        let at = match (self.article_search.current, forward) {
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
            (None, true) => 0,
            (None, false) => n - 1,
        };
        self.article_search.current = Some(at);
        self.show_current_match();
        self.message = Some(Message::info(format!("{query} — match {} of {n}", at + 1)));
    }

    /// The search's marks for the body (called whenever the body's marks are rebuilt).
    pub(super) fn search_marks(&mut self) -> Vec<(Span, Highlight)> {
        if self.article_search.query.is_empty() {
            return self.headline_search_marks();
        }
        self.find_matches();
        let current = self.article_search.current;
        self.article_search
            .matches
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let h = if Some(i) == current {
                    Highlight::CurrentMatch
                } else {
                    Highlight::Match
                };
                (*m, h)
            })
            .collect()
    }

    /// While a headline search narrows the list: its words highlighted in the shown article
    /// (each word where it appears, ignoring case; the search matched them at word starts).
    fn headline_search_marks(&self) -> Vec<(Span, Highlight)> {
        let (Some(search), Some(article)) = (&self.headline_search, self.current_article()) else {
            return Vec::new();
        };
        let mut marks: Vec<(Span, Highlight)> = search
            .query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .flat_map(|w| find_all(&article.text, w))
            .map(|m| (m, Highlight::Match))
            .collect();
        marks.sort_by_key(|(m, _)| (m.start, std::cmp::Reverse(m.end)));
        // Overlapping words ("os" and "osaka") give one mark, as the article search's do.
        let mut end = 0;
        marks.retain(|(m, _)| {
            let keep = m.start >= end;
            end = end.max(m.end);
            keep
        });
        marks
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
            self.headline_search = Some(HeadlineSearch {
                query: query.to_string(),
                base,
            });
            return;
        }
        let found = self.docs.search(query);
        let listed: Vec<usize> = base
            .iter()
            .copied()
            .filter(|i| found.binary_search(i).is_ok())
            .collect();
        self.headline_search = Some(HeadlineSearch {
            query: query.to_string(),
            base,
        });
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
        let Some(search) = &self.headline_search else {
            return false;
        };
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
                self.headline_search = Some(HeadlineSearch {
                    query: String::new(),
                    base: s.base,
                });
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
}
