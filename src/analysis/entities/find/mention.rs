//! One piece of a run made a mention: edges trimmed, headlines and sentence starts split at
//! plain words, titles of works and prizes set aside, a name run on after a label cut off, and
//! the mention recorded with its kind.

use super::classify::title_cased;
use super::*;

impl<'a> Finder<'a> {
    /// Classifies the name `s..e` and records it.
    pub(super) fn name(
        &mut self,
        mut s: usize,
        mut e: usize,
        after_title: bool,
        honorific: Option<Gender>,
    ) {
        let g = &*GAZETTEER;
        // Trim connectors left at the edges.
        while s < e && !self.toks[s].cap {
            if self.is_lower(s, LEADING_PARTICLES) {
                break;
            }
            s += 1;
        }
        while e > s && (!self.is_word(e - 1) || !self.toks[e - 1].cap) {
            e -= 1;
        }
        if s >= e {
            return;
        }
        if self.is_work_title(s, e) {
            self.titles.push((s, e));
            return;
        }
        // In headlines every word is capitalised: split at plain words.
        let title_case = self.title_case.get(s).copied().unwrap_or(false);
        if title_case && e - s > 1 && self.classify(s, e, false, None).1 != Sure::Strong {
            let mut k = s;
            let mut start = s;
            while k < e {
                if self.weak_capital(k) {
                    if k > start {
                        self.name(start, k, after_title && start == s, honorific);
                    }
                    start = k + 1;
                }
                k += 1;
            }
            if start > s {
                if start < e {
                    self.name(start, e, false, None);
                }
                return;
            }
        }
        if self.weak_capital(s) && !after_title && honorific.is_none() {
            let (_, sure) = self.classify(s, e, false, None);
            // "Later Post said", "Earlier Guardian readers wrote": an adverb opening the
            // sentence is no part of even a sure name.
            if e - s == 1 || sure != Sure::Strong || OPENING_ADVERBS.contains(&self.word(s)) {
                self.dropped.push(s);
                if e - s > 1 {
                    self.name(s + 1, e, false, None);
                }
                return;
            }
        }
        // "G20 Leaders Summit": an acronym followed by plain words is the acronym alone.
        if e - s >= 2
            && (self.toks[s].upper || self.toks[s].digit)
            && (s + 1..e).all(|i| !self.is_word(i) || g.is_common_word(self.word(i)))
            && self.classify(s, e, false, None).1 != Sure::Strong
        {
            e = s + 1;
        }
        // A name run on after an organization or a label: "Refugee Council Enver Solomon",
        // "Scientologist Tom Cruise".
        if e - s >= 3
            && !after_title
            && let Some(t) = self.person_tail(s, e)
        {
            self.name(s, t, after_title, honorific);
            self.name(t, e, false, None);
            return;
        }
        let (kind, sure) = self.classify(s, e, after_title, honorific);
        let Some(kind) = kind else {
            return;
        };
        // ("Rose said she liked it": a given name that is also a word, speaking, is a name.)
        let speaks = || {
            matches!(self.word(e), "said" | "says" | "told" | "added" | "asked")
                && g.is_first_name(self.word(s))
        };
        if sure == Sure::Guess
            && kind != EntityKind::Place
            && e - s == 1
            && g.is_common_word(self.word(s))
            && !speaks()
        {
            // A capitalised ordinary word nothing else explains ("Results", "Match").
            self.dropped.push(s);
            return;
        }
        let span = Span::new(self.toks[s].start, self.toks[e - 1].end);
        let canonical = if kind == EntityKind::Place {
            let full = self.joined(s, e);
            g.place(&full).or_else(|| {
                // A dateline city in capitals: "LISBON" is Lisbon.
                (self.toks[s].upper && self.block.get(s) == Some(&BlockKind::Dateline))
                    .then(|| g.place(&title_cased(&full)))
                    .flatten()
            })
        } else {
            None
        };
        self.out.push(Raw {
            canonical,
            honorific,
            after_title,
            ..Raw::new(span, kind, (s, e), sure)
        });
    }

    /// True when `s..e` is the title of a work or a prize rather than a name: the whole of a
    /// quotation (`the film "Winter Road,"`) or the object of "won the" ("won the Golden Bear").
    pub(super) fn is_work_title(&self, s: usize, e: usize) -> bool {
        let g = &*GAZETTEER;
        let punct = |i: usize, f: fn(char) -> bool| {
            self.toks
                .get(i)
                .is_some_and(|t| matches!(t.kind, Kind::Punct(c) if f(c)))
        };
        let closes = punct(e, is_quote)
            || punct(e, |c| matches!(c, ',' | '.' | '!' | '?')) && punct(e + 1, is_quote);
        let quoted = s > 0 && punct(s - 1, is_quote) && closes;
        let awarded = s >= 2
            && matches!(self.word(s - 1), "the" | "The")
            && AWARD_VERBS.contains(&self.word(s - 2));
        if !(quoted || awarded) {
            return false;
        }
        // A quoted name with a cue word is still a name: the "Free Syrian Army".
        if quoted && {
            let (kind, sure) = self.classify(s, e, false, None);
            sure == Sure::Strong && kind == Some(EntityKind::Organization)
        } {
            return false;
        }
        let full = self.joined(s, e);
        !(g.place(&full).is_some() || g.is_known_org(&full) || g.agency(&full).is_some())
    }

    /// Where a person's name starts at the end of the run `s..e`, when the run is something else
    /// followed by a name.
    pub(super) fn person_tail(&self, s: usize, e: usize) -> Option<usize> {
        let g = &*GAZETTEER;
        for t in (e.saturating_sub(3)).max(s + 1)..=e - 2 {
            let (head, tail) = (self.word(t - 1), self.word(t));
            if !self.is_word(t) || !self.is_word(t - 1) || PARTICLES.contains(&head) {
                continue;
            }
            if g.is_first_name(head) || g.is_title(head) || g.is_honorific(head) {
                continue;
            }
            // A word of organizations alone is no organization before a name: the words after it
            // name it in another language ("Union Cycliste Internationale").
            if t == s + 1 && g.is_org_suffix(head) {
                continue;
            }
            let tail_person = g
                .first_name(tail)
                .is_some_and(|f| !g.is_common_word(tail) || f.rank <= COMMON_RANK)
                && e - t >= 2;
            let head_strong = self.classify(s, t, false, None).1 == Sure::Strong
                && self.classify(s, t, false, None).0 != Some(EntityKind::Person);
            let tail_unknown = e - t == 2
                && (t..e).all(|i| {
                    let w = self.word(i);
                    !g.is_common_word(w) && g.place(w).is_none() && !g.is_org_suffix(w)
                });
            let head_label = g.is_common_word(head)
                || head
                    .split_once('-')
                    .is_some_and(|(_, t)| t.starts_with(|c: char| c.is_lowercase()));
            if tail_person && (head_strong || head_label) || head_strong && tail_unknown {
                return Some(t);
            }
        }
        None
    }
}

/// Adverbs that open sentences and never names, however sure the name after them is.
#[rustfmt::skip]
const OPENING_ADVERBS: &[&str] = &[
    "Later", "Earlier", "Soon", "Afterwards", "Afterward", "Eventually", "Finally", "Recently",
    "Previously", "Meanwhile", "Still", "Instead", "Thereafter", "Subsequently", "Initially",
    "Originally", "Ultimately", "Nonetheless", "Nevertheless", "Moreover", "Furthermore",
    "Additionally", "Separately", "Elsewhere", "Overall", "Indeed", "Perhaps", "Tonight", "Today",
    "Yesterday", "Tomorrow", "Now", "Then", "Also", "Here", "There", "Again", "Already",
];
