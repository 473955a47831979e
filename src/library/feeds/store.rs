//! The feeds table and the writes of a refresh: listing, adding and removing subscriptions,
//! recording each refresh's result, and storing a feed's new and updated items in one
//! transaction.

use super::super::{
    ANALYSER_VERSION, ArticleId, EntityIds, Library, Prepared, Result, index_entities,
    index_search, insert, now,
};
use super::{NewFeed, Outcome, Report, Subscription};
use crate::article::parse::feed::ItemKey;
use crate::fetch::Validators;
use rusqlite::{OptionalExtension, params};

fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

const SUBSCRIPTION_COLUMNS: &str = "f.id, f.name, f.url, f.site, f.category, f.full_text, \
    f.etag, f.last_modified, f.refreshed, f.result, f.ok, \
    (SELECT count(*) FROM articles a WHERE a.feed = f.url), \
    (SELECT count(*) FROM articles a WHERE a.feed = f.url AND NOT a.read)";

fn subscription(r: &rusqlite::Row<'_>) -> rusqlite::Result<Subscription> {
    Ok(Subscription {
        id: r.get(0)?,
        name: r.get(1)?,
        url: r.get(2)?,
        site: r.get(3)?,
        category: r.get(4)?,
        full_text: r.get(5)?,
        validators: Validators {
            etag: r.get(6)?,
            last_modified: r.get(7)?,
        },
        refreshed: r.get(8)?,
        result: r.get(9)?,
        ok: r.get(10)?,
        articles: to_usize(r.get(11)?),
        unread: to_usize(r.get(12)?),
    })
}

impl Library {
    /// Every subscription, by name.
    pub fn feeds(&self) -> Result<Vec<Subscription>> {
        let run = || -> rusqlite::Result<Vec<Subscription>> {
            let mut s = self.conn.prepare(&format!(
                "SELECT {SUBSCRIPTION_COLUMNS} FROM feeds f ORDER BY f.name COLLATE NOCASE"
            ))?;
            let rows = s.query_map([], subscription)?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// The subscription named `name_or_url` (its name, else its URL or path).
    pub fn feed(&self, name_or_url: &str) -> Result<Option<Subscription>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {SUBSCRIPTION_COLUMNS} FROM feeds f WHERE f.name = ?1 OR f.url = ?1 \
                     ORDER BY f.name = ?1 DESC LIMIT 1"
                ),
                [name_or_url],
                subscription,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Adds a subscription; `Ok(false)` (and nothing changed) when its name or URL is taken.
    pub fn add_feed(&self, f: &NewFeed) -> Result<bool> {
        let n = self
            .conn
            .execute(
                "INSERT INTO feeds (name, url, site, category, full_text, added) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
                params![f.name, f.url, f.site, f.category, f.full_text, now()],
            )
            .map_err(|e| self.err(e))?;
        Ok(n == 1)
    }

    /// Removes a subscription. With `purge`, its unstarred articles go too (starred ones stay);
    /// returns how many articles were removed.
    pub fn remove_feed(&self, id: i64, purge: bool) -> Result<usize> {
        let tx = self.write()?;
        let run = || -> rusqlite::Result<usize> {
            let url: Option<String> = tx
                .query_row("SELECT url FROM feeds WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            let Some(url) = url else {
                return Ok(0);
            };
            tx.execute("DELETE FROM feeds WHERE id = ?1", [id])?;
            if !purge {
                return Ok(0);
            }
            super::super::remove_unstarred(&tx, "feed = ?1", &url)
        };
        let removed = run().map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(removed)
    }

    /// Records a refresh's result (and, when it succeeded, the validators to send next time).
    pub(super) fn record(
        &self,
        id: i64,
        report: &Report,
        validators: Option<&Validators>,
    ) -> Result<()> {
        let ok = !matches!(report.outcome, Outcome::Failed(_));
        let result = report.describe();
        let run = || -> rusqlite::Result<usize> {
            match validators {
                Some(v) => self.conn.execute(
                    "UPDATE feeds SET refreshed = ?2, result = ?3, ok = ?4, etag = ?5, \
                     last_modified = ?6 WHERE id = ?1",
                    params![id, now(), result, ok, v.etag, v.last_modified],
                ),
                None => self.conn.execute(
                    "UPDATE feeds SET refreshed = ?2, result = ?3, ok = ?4 WHERE id = ?1",
                    params![id, now(), result, ok],
                ),
            }
        };
        run().map(drop).map_err(|e| self.err(e))
    }

    /// True when an article with this content hash is stored.
    pub(super) fn has_text(&self, hash: &[u8; 32]) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")
            .and_then(|mut s| s.exists([&hash[..]]))
            .map_err(|e| self.err(e))
    }

    /// The stored article of `feed` an item is, and the item hash it was stored with.
    pub(super) fn find_item(
        &self,
        feed: &str,
        key: &ItemKey<'_>,
    ) -> Result<Option<(ArticleId, String)>> {
        let (sql, value) = match key {
            ItemKey::Guid(g) => (
                "SELECT id, coalesce(item_hash, '') FROM articles WHERE feed = ?1 AND guid = ?2",
                *g,
            ),
            ItemKey::Link(l) => (
                "SELECT id, coalesce(item_hash, '') FROM articles WHERE feed = ?1 AND url = ?2 AND guid IS NULL",
                *l,
            ),
            ItemKey::ContentHash(h) => (
                "SELECT id, coalesce(item_hash, '') FROM articles WHERE feed = ?1 AND item_hash = ?2",
                *h,
            ),
        };
        self.conn
            .prepare_cached(sql)
            .and_then(|mut s| {
                s.query_row(params![feed, value], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .map_err(|e| self.err(e))
    }

    /// Writes one feed's new and updated items in one transaction; returns (new, updated,
    /// already there).
    pub(super) fn store_items(
        &self,
        feed_url: &str,
        items: &[Ready],
    ) -> Result<(usize, usize, usize)> {
        let tx = self.write()?;
        let now = now();
        let run = || -> rusqlite::Result<(usize, usize, usize)> {
            let (mut new, mut updated, mut same) = (0, 0, 0);
            let mut search = Vec::new();
            let mut ids = EntityIds::default();
            for item in items {
                let p = &item.prepared;
                match item.existing {
                    None => match insert(&tx, p, now, &mut ids)? {
                        Some(id) => {
                            tx.prepare_cached(
                                "UPDATE articles SET feed = ?2, guid = ?3, item_hash = ?4, \
                                 fetched = ?5 WHERE id = ?1",
                            )?
                            .execute(params![
                                id,
                                feed_url,
                                item.guid,
                                item.item_hash,
                                now
                            ])?;
                            search.push((p, id));
                            new += 1;
                        }
                        None => same += 1,
                    },
                    Some(id) => {
                        if replace(&tx, id, item, now, &mut ids)? {
                            updated += 1;
                        } else {
                            same += 1;
                        }
                    }
                }
            }
            for (p, id) in &search {
                let a = &p.article;
                let names = p.entities.names();
                index_search(&tx, *id, &a.headline, a.byline.as_deref(), &a.text, names)?;
            }
            Ok((new, updated, same))
        };
        let counts = run().map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(counts)
    }
}

/// Replaces a stored article's text, analysis and index rows with an updated item's, keeping
/// its id and read/star state. `false` (only the item hash noted) when the new text is already
/// another stored article's.
fn replace(
    tx: &rusqlite::Transaction<'_>,
    id: ArticleId,
    item: &Ready,
    now: i64,
    ids: &mut EntityIds,
) -> rusqlite::Result<bool> {
    let p = &item.prepared;
    let a = &p.article;
    let taken: Option<ArticleId> = tx
        .query_row(
            "SELECT id FROM articles WHERE hash = ?1",
            [&p.hash[..]],
            |r| r.get(0),
        )
        .optional()?;
    if taken.is_some() {
        tx.execute(
            "UPDATE articles SET item_hash = ?2, fetched = ?3 WHERE id = ?1",
            params![id, item.item_hash, now],
        )?;
        return Ok(false);
    }
    let old: Vec<u8> = tx.query_row("SELECT hash FROM articles WHERE id = ?1", [id], |r| {
        r.get(0)
    })?;
    tx.execute(
        "UPDATE articles SET hash = ?2, headline = ?3, source = ?4, outlet = ?5, url = ?6, \
         date = ?7, byline = ?8, dateline = ?9, fetched = ?10, analysed = ?11, guid = ?12, \
         item_hash = ?13 WHERE id = ?1",
        params![
            id,
            &p.hash[..],
            a.headline,
            a.source,
            a.outlet,
            a.url,
            a.date,
            a.byline,
            a.dateline,
            now,
            ANALYSER_VERSION,
            item.guid,
            item.item_hash
        ],
    )?;
    tx.execute(
        "UPDATE bodies SET text = ?2, blocks = ?3 WHERE id = ?1",
        params![id, a.text, p.blocks_bytes],
    )?;
    tx.execute(
        "DELETE FROM analyses WHERE hash = ?1 AND NOT EXISTS \
         (SELECT 1 FROM articles WHERE hash = ?1)",
        [&old],
    )?;
    tx.execute(
        "INSERT OR REPLACE INTO analyses (hash, version, analysis) VALUES (?1, ?2, ?3)",
        params![&p.hash[..], ANALYSER_VERSION, p.analysis_bytes],
    )?;
    tx.execute("DELETE FROM mentions WHERE article = ?1", [id])?;
    tx.execute("DELETE FROM search WHERE rowid = ?1", [id])?;
    index_entities(tx, id, &p.entities, ids)?;
    index_search(
        tx,
        id,
        &a.headline,
        a.byline.as_deref(),
        &a.text,
        p.entities.names(),
    )?;
    Ok(true)
}

/// An item ready to write.
pub(super) struct Ready {
    /// The stored article it replaces.
    pub(super) existing: Option<ArticleId>,
    pub(super) guid: Option<String>,
    pub(super) item_hash: String,
    pub(super) prepared: Prepared,
}
