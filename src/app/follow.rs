//! The followed entity: picked in the entity pane (or the corpus view), its mentions are
//! highlighted in the body and `n`/`N` step through them, on into the next article mentioning it.

use super::App;
use super::message::Message;
use crate::analysis::corpus::EntityKey;
use crate::article::Span;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Followed {
    /// The entity, by its corpus key, so it is the same one in every article.
    key: Option<EntityKey>,
    /// Where it is in the shown article's analysis (kept by `update`, so that neither drawing
    /// nor a jump compares names).
    here: Option<usize>,
    /// Index into its mentions in the shown article: the current mention.
    mention: Option<usize>,
    /// The reader let go of the entity (Esc): nobody is followed until they choose again.
    dropped: bool,
    /// Its display name across the articles, looked up when it was chosen.
    name: Option<String>,
}

impl Followed {
    pub fn key(&self) -> Option<&EntityKey> {
        self.key.as_ref()
    }

    /// The followed entity's index in the shown article's analysis, when it appears there.
    pub fn here(&self) -> Option<usize> {
        self.here
    }

    /// The current mention: an index into the followed entity's mentions in the shown article.
    pub fn mention(&self) -> Option<usize> {
        self.mention
    }

    /// Its display name across the articles (`None`: not known to the corpus).
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

impl App {
    /// Follows `key` (or nobody: the reader let go of the entity) and finds it in the shown
    /// article.
    pub(super) fn set_followed(&mut self, key: Option<EntityKey>) {
        self.followed.dropped = key.is_none();
        self.set_followed_key(key);
        self.locate_followed();
    }

    /// The followed key and, in the library, its name: as the shown article names it, else
    /// from the library's entity index (one indexed read; when that fails, the key's name and a
    /// problem in the status bar). Files name it from the corpus index.
    fn set_followed_key(&mut self, key: Option<EntityKey>) {
        if key != self.followed.key {
            self.followed.name = match &key {
                Some(k) if self.docs.is_library() => {
                    let here = self
                        .current_analysis()
                        .and_then(|a| a.entities.iter().find(|e| EntityKey::of(e) == *k))
                        .map(|e| e.name.to_string());
                    match here.map_or_else(|| self.docs.entity_name(k), |n| Ok(Some(n))) {
                        Ok(name) => name,
                        Err(why) => {
                            self.message = Some(super::message::entity_index_problem(&why));
                            None
                        }
                    }
                }
                _ => None,
            };
        }
        self.followed.key = key;
    }

    /// The entity pane's cursor and the followed entity are one state: when the shown article
    /// does not mention the followed entity, the entity the pane's cursor is on (its first) is
    /// followed instead — unless the reader let go of it with Esc. Called after the entity rows
    /// were rebuilt.
    pub(super) fn follow_pane_cursor(&mut self) {
        if self.followed.dropped || self.followed.here.is_some() {
            return;
        }
        if self.current_analysis().is_none() {
            // Still being analysed: keep following until there is something to show instead.
            return;
        }
        self.set_followed_key(self.cursor_entity_key());
        self.followed.mention = None;
        self.locate_followed();
    }

    pub(super) fn forget_mention(&mut self) {
        self.followed.mention = None;
    }

    /// Finds the followed entity in the shown article (by its corpus key).
    pub(super) fn locate_followed(&mut self) {
        self.followed.here = self.followed.key.as_ref().and_then(|key| {
            self.current_analysis()?
                .entities
                .iter()
                .position(|e| EntityKey::of(e) == *key)
        });
    }

    /// The followed entity's own mentions in the shown article (`own_mentions`).
    pub(super) fn followed_mentions(&self) -> Vec<Span> {
        match (self.followed.here, self.current_analysis()) {
            (Some(i), Some(analysis)) => own_mentions(analysis, i),
            _ => Vec::new(),
        }
    }

    pub(super) fn step_mention(&mut self, forward: bool) {
        if self.followed.key.is_none() {
            self.set_followed(self.cursor_entity_key());
        }
        let Some(key) = self.followed.key.clone() else {
            self.message = Some(Message::info(
                "no entity chosen — pick one in the entity pane (Tab, then j/k)",
            ));
            return;
        };
        let name = self.followed_name().unwrap_or_default();
        let mentions = self.followed_mentions();
        let (top, bottom) = self.body_view_bytes();
        let next = match (self.followed.mention, forward) {
            (Some(m), true) => (m + 1 < mentions.len()).then_some(m + 1),
            (Some(m), false) => m.checked_sub(1),
            (None, true) => mentions.iter().position(|s| s.start >= top),
            (None, false) => mentions.iter().rposition(|s| s.start < bottom),
        };
        if let Some(m) = next {
            self.set_mention(m, &mentions);
            self.message = Some(Message::info(format!(
                "{name} — mention {} of {}",
                m + 1,
                mentions.len()
            )));
            return;
        }
        // On to the next (previous) listed article that mentions the entity (the corpus index,
        // or the library's entity index: also articles never loaded).
        let articles = match self.docs.articles_with(&key) {
            Ok(articles) => articles,
            Err(why) => {
                self.message = Some(super::message::entity_index_problem(&why));
                return;
            }
        };
        let listed = self.headlines.listed();
        let row = self.headlines.pos().selected;
        let mentions = |r: &usize| {
            listed
                .get(*r)
                .is_some_and(|a| articles.binary_search(a).is_ok())
        };
        let target = if forward {
            (row + 1..listed.len()).find(mentions)
        } else {
            (0..row.min(listed.len())).rev().find(mentions)
        };
        let Some(target) = target else {
            self.message = Some(Message::info(format!(
                "{name} — no {} article mentions them",
                if forward { "later" } else { "earlier" }
            )));
            return;
        };
        self.select_headline(target);
        let mentions = self.followed_mentions();
        if mentions.is_empty() {
            return;
        }
        let m = if forward { 0 } else { mentions.len() - 1 };
        self.set_mention(m, &mentions);
        self.message = Some(Message::info(format!(
            "{name} — mention {} of {} in the {} article mentioning them ({}/{})",
            m + 1,
            mentions.len(),
            if forward { "next" } else { "previous" },
            self.headlines.pos().selected + 1,
            self.headlines.listed().len()
        )));
    }

    fn set_mention(&mut self, m: usize, mentions: &[Span]) {
        self.followed.mention = Some(m);
        self.rebuild_marks();
        if let Some(span) = mentions.get(m) {
            self.scroll_body_to(*span);
        }
    }
}

/// Entity `index`'s mentions that stand on their own: not those inside a longer name of another
/// entity ("Colorado" in "Colorado Department of Transportation"), which the analysis reports
/// too, so that they are not counted (or stepped to) twice. An entity named only inside other
/// names keeps all its mentions. Mentions never cross, so one sorted sweep finds the enclosed.
pub(super) fn own_mentions(analysis: &crate::analysis::Analysis, index: usize) -> Vec<Span> {
    let Some(entity) = analysis.entities.get(index) else {
        return Vec::new();
    };
    let mut others: Vec<Span> = analysis
        .entities
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .flat_map(|(_, e)| e.mentions.iter().copied())
        .collect();
    others.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut own = Vec::with_capacity(entity.mentions.len());
    let mut next = 0;
    // The furthest end among other mentions starting at or before the current one.
    let mut reach: Option<Span> = None;
    for m in entity.mentions.iter() {
        while let Some(o) = others.get(next).filter(|o| o.start <= m.start) {
            if reach.is_none_or(|r| o.end > r.end) {
                reach = Some(*o);
            }
            next += 1;
        }
        let enclosed = reach.is_some_and(|r| r.contains(m) && r != *m);
        if !enclosed {
            own.push(*m);
        }
    }
    if own.is_empty() {
        entity.mentions.to_vec()
    } else {
        own
    }
}

/// Every entity's number of own mentions (`own_mentions`), in one sweep over all mentions.
pub(super) fn own_counts(analysis: &crate::analysis::Analysis) -> Vec<usize> {
    let mut all: Vec<(Span, usize)> = analysis
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i)))
        .collect();
    all.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut own = vec![0usize; analysis.entities.len()];
    // Mentions never cross: those still open at a mention's start enclose it.
    let mut open: Vec<(Span, usize)> = Vec::new();
    for (m, i) in all {
        while open.last().is_some_and(|(o, _)| o.end <= m.start) {
            open.pop();
        }
        let enclosed = open
            .iter()
            .any(|(o, j)| *j != i && o.contains(&m) && *o != m);
        if !enclosed && let Some(n) = own.get_mut(i) {
            *n += 1;
        }
        open.push((m, i));
    }
    for (n, e) in own.iter_mut().zip(&analysis.entities) {
        if *n == 0 {
            *n = e.mentions.len();
        }
    }
    own
}
