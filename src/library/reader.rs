//! What the reader keeps in memory of a large library: one row per article with what the
//! headline list and the status bar need (no text, no analysis), read in one pass in id order.
//! The text and analysis of the article on screen are loaded by id when it is shown
//! ([`Library::article`]).

use super::{ANALYSER_VERSION, ArticleId, Headline, Library, Query, Result};
use crate::article::sanitize::{clean, clean_inline};
use std::borrow::Cow;

/// [`clean_inline`] without a copy of text that is clean already (most of it).
fn inline(text: String) -> String {
    if matches!(clean(&text), Cow::Borrowed(_)) && !text.contains('\n') {
        text
    } else {
        clean_inline(&text)
    }
}

/// An article's headline row, with whether an analysis of [`ANALYSER_VERSION`] is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub headline: Headline,
    /// Whether the article's entity index and search names are of this analyser version (so
    /// its stored analysis is used as it is and it is not analysed again).
    pub analysed: bool,
}

/// An article a refresh fetched again ([`Library::refetched`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refetched {
    pub row: Row,
    /// When (seconds since the epoch).
    pub fetched: i64,
    /// The article's content hash then.
    pub hash: Vec<u8>,
}

impl Row {
    /// The row of an article held whole (one a watcher hands over, or a test's).
    pub fn of(s: &super::Stored) -> Row {
        Row {
            headline: super::Headline {
                id: s.id,
                title: s.article.headline.clone(),
                date: s.article.date.clone(),
                source: s.article.source.clone(),
                outlet: s.article.outlet.clone(),
                read: s.read,
                starred: s.starred,
            },
            analysed: s.analysis.is_some(),
        }
    }
}

/// A headline from columns id, headline, date, source, outlet, read and starred, in that
/// order, its text made safe for one line of the terminal.
pub(super) fn headline_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Headline> {
    Ok(Headline {
        id: r.get(0)?,
        title: inline(r.get(1)?),
        date: r.get::<_, Option<String>>(2)?.map(inline),
        source: inline(r.get(3)?),
        outlet: r.get::<_, Option<String>>(4)?.map(inline),
        read: r.get(5)?,
        starred: r.get(6)?,
    })
}

/// A headline row from the columns of [`headline_of`] and whether the analysis is of this
/// version, in that order.
fn row_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        headline: headline_of(r)?,
        analysed: r.get(7)?,
    })
}

impl Library {
    /// Every article's row with an id larger than `after` (all of them for 0), in id order. One
    /// scan of the `articles` table; no text is read.
    pub fn rows(&self, after: ArticleId) -> Result<Vec<Row>> {
        self.rows_upto(after, None)
    }

    /// The first `limit` rows with an id larger than `after` (all of them for `None`).
    pub fn rows_upto(&self, after: ArticleId, limit: Option<usize>) -> Result<Vec<Row>> {
        // SQLite reads a negative LIMIT as none.
        let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let run = || -> rusqlite::Result<Vec<Row>> {
            let mut s = self.conn.prepare_cached(
                "SELECT id, headline, date, source, outlet, read, starred, analysed IS ?2 \
                 FROM articles WHERE id > ?1 ORDER BY id LIMIT ?3",
            )?;
            let rows = s.query_map(rusqlite::params![after, ANALYSER_VERSION, limit], row_of)?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// The rows of the articles up to `upto` that a feed refresh rewrote or fetched again at
    /// `since` or later (`fetched`, in seconds), each with that time and the article's content
    /// hash (which tells a rewrite from a fetch that changed nothing), in id order: what an open
    /// reader must read again. One scan of `articles`; no text is read.
    pub fn refetched(&self, since: i64, upto: ArticleId) -> Result<Vec<Refetched>> {
        let run = || -> rusqlite::Result<Vec<Refetched>> {
            let mut s = self.conn.prepare_cached(
                "SELECT id, headline, date, source, outlet, read, starred, analysed IS ?3, \
                 fetched, hash FROM articles WHERE fetched >= ?1 AND id <= ?2 ORDER BY id",
            )?;
            let rows = s.query_map(rusqlite::params![since, upto, ANALYSER_VERSION], |r| {
                Ok(Refetched {
                    row: row_of(r)?,
                    fetched: r.get(8)?,
                    hash: r.get(9)?,
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// The latest time an article was fetched (seconds; 0 when none was).
    pub fn last_fetched(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT coalesce(max(fetched), 0) FROM articles", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))
    }

    /// The ids of the articles matching `query`, in id order: only the full-text index is read
    /// (no headline rows), so a search line can ask on every keystroke. A query with nothing
    /// to search for matches every article, as in [`Library::headlines`].
    pub fn search_ids(&self, query: &Query) -> Result<Vec<ArticleId>> {
        let fts = query.to_fts();
        let run = || -> rusqlite::Result<Vec<ArticleId>> {
            match &fts {
                Some(q) => {
                    let mut s = self.conn.prepare_cached(
                        "SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid",
                    )?;
                    let ids = s.query_map([q], |r| r.get(0))?;
                    ids.collect()
                }
                None => {
                    let mut s = self
                        .conn
                        .prepare_cached("SELECT id FROM articles ORDER BY id")?;
                    let ids = s.query_map([], |r| r.get(0))?;
                    ids.collect()
                }
            }
        };
        run().map_err(|e| match (query, &fts) {
            (Query::Fts(q), Some(_))
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::Unknown) =>
            {
                super::Error::Query {
                    query: q.clone(),
                    detail: match &e {
                        rusqlite::Error::SqliteFailure(_, Some(m)) => m.clone(),
                        _ => e.to_string(),
                    },
                }
            }
            _ => self.err(e),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::library::Prepared;

    #[test]
    fn rows_list_every_article_after_an_id_with_its_state_and_no_text() {
        let dir = std::env::temp_dir().join(format!("byline-rows-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let lib = Library::open(&dir.join("l.sqlite")).unwrap();
        let parse = |name: &str, text: &str| {
            crate::article::parse(name, text.as_bytes())
                .articles
                .into_iter()
                .map(Prepared::new)
                .collect::<Vec<_>>()
        };
        let mut batch = parse("a.txt", "First\x1b[31m one\n\nJohn Kerry met Lavrov.");
        batch.extend(parse("b.txt", "Second\n\nAngela Merkel spoke."));
        lib.add(&batch).unwrap();
        let rows = lib.rows(0).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].headline.title, "First one", "made inert");
        assert_eq!(rows[1].headline.source, "b.txt");
        assert!(rows.iter().all(|r| !r.headline.read && !r.headline.starred));
        lib.set_starred(rows[1].headline.id, true).unwrap();
        let after = lib.rows(rows[0].headline.id).unwrap();
        assert_eq!(after.len(), 1);
        assert!(after[0].headline.starred);
        // An analysis of another version does not count.
        rusqlite::Connection::open(dir.join("l.sqlite"))
            .unwrap()
            .execute("UPDATE articles SET analysed = 'old'", [])
            .unwrap();
        assert!(lib.rows(0).unwrap().iter().all(|r| !r.analysed));
        let a =
            crate::analysis::analyze(&lib.article(rows[0].headline.id).unwrap().unwrap().article);
        lib.store_analysis(rows[0].headline.id, &a).unwrap();
        assert!(lib.rows(0).unwrap()[0].analysed);
        // The search's ids are those of the headline search, in id order.
        for typed in ["merk", "first", "spoke", "kerry merkel", "\" OR (", ""] {
            let q = Query::Prefix(typed.into());
            let by_rows: Vec<ArticleId> = lib
                .headlines(&crate::library::Filter {
                    query: Some(q.clone()),
                    order: crate::library::Order::Id,
                    ..Default::default()
                })
                .unwrap()
                .iter()
                .map(|h| h.id)
                .collect();
            assert_eq!(lib.search_ids(&q).unwrap(), by_rows, "{typed}");
        }
        assert_eq!(
            lib.search_ids(&Query::Prefix("merk".into())).unwrap(),
            [rows[1].headline.id]
        );
        assert!(matches!(
            lib.search_ids(&Query::Fts("\"(".into())),
            Err(crate::library::Error::Query { .. })
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
