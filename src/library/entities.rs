//! The entity index: which articles mention whom (entity key → articles, mention counts),
//! written from each article's analysis and read for the corpus view, the headline filter and
//! the cross-article mention jump.

use super::{ArticleId, Library, LibraryEntity, Result, kind_name, kind_of, to_usize};
use crate::analysis::corpus::{EntityKey, normalise_name};
use crate::analysis::{Analysis, EntityKind};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashMap;

impl Library {
    /// The first article after `id` (in id order) that mentions `key`.
    pub fn next_mentioning(&self, key: &EntityKey, id: ArticleId) -> Result<Option<ArticleId>> {
        self.step_mentioning(key, id, true)
    }

    /// The last article before `id` (in id order) that mentions `key`.
    pub fn previous_mentioning(&self, key: &EntityKey, id: ArticleId) -> Result<Option<ArticleId>> {
        self.step_mentioning(key, id, false)
    }

    fn step_mentioning(
        &self,
        key: &EntityKey,
        id: ArticleId,
        forward: bool,
    ) -> Result<Option<ArticleId>> {
        let sql = if forward {
            "SELECT m.article FROM entities e JOIN mentions m ON m.entity = e.id \
             WHERE e.kind = ?1 AND e.key = ?2 AND m.article > ?3 ORDER BY m.article LIMIT 1"
        } else {
            "SELECT m.article FROM entities e JOIN mentions m ON m.entity = e.id \
             WHERE e.kind = ?1 AND e.key = ?2 AND m.article < ?3 \
             ORDER BY m.article DESC LIMIT 1"
        };
        self.conn
            .prepare_cached(sql)
            .and_then(|mut s| {
                s.query_row(params![kind_name(key.kind), key.name, id], |r| r.get(0))
                    .optional()
            })
            .map_err(|e| self.err(e))
    }

    /// Every article that mentions `key`, in id order.
    pub fn articles_mentioning(&self, key: &EntityKey) -> Result<Vec<ArticleId>> {
        let run = || -> rusqlite::Result<Vec<ArticleId>> {
            let mut s = self.conn.prepare_cached(
                "SELECT m.article FROM entities e JOIN mentions m ON m.entity = e.id \
                 WHERE e.kind = ?1 AND e.key = ?2 ORDER BY m.article",
            )?;
            let rows = s.query_map(params![kind_name(key.kind), key.name], |r| r.get(0))?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// The most mentioned entities (by articles, then mentions), of one kind or all.
    pub fn entities(&self, kind: Option<EntityKind>, limit: usize) -> Result<Vec<LibraryEntity>> {
        let run = || -> rusqlite::Result<Vec<LibraryEntity>> {
            let mut s = self.conn.prepare_cached(
                "SELECT e.kind, e.key, e.name, e.role, count(*) AS n, sum(m.count) AS c \
                 FROM mentions m JOIN entities e ON e.id = m.entity \
                 WHERE ?1 IS NULL OR e.kind = ?1 \
                 GROUP BY m.entity ORDER BY n DESC, c DESC, e.name LIMIT ?2",
            )?;
            let rows = s.query_map(
                params![
                    kind.map(kind_name),
                    i64::try_from(limit).unwrap_or(i64::MAX)
                ],
                |r| {
                    let kind: String = r.get(0)?;
                    Ok((
                        kind_of(&kind),
                        LibraryEntity {
                            key: EntityKey {
                                kind: EntityKind::Person,
                                name: r.get(1)?,
                            },
                            name: r.get(2)?,
                            role: r.get(3)?,
                            articles: to_usize(r.get(4)?),
                            mentions: to_usize(r.get(5)?),
                        },
                    ))
                },
            )?;
            let mut out = Vec::new();
            for row in rows {
                // A kind this byline does not know (written by a newer one) is skipped.
                if let (Some(kind), mut e) = row? {
                    e.key.kind = kind;
                    out.push(e);
                }
            }
            Ok(out)
        };
        run().map_err(|e| self.err(e))
    }

    /// The entity `key` across the library, if any article mentions it.
    pub fn entity(&self, key: &EntityKey) -> Result<Option<LibraryEntity>> {
        self.conn
            .prepare_cached(
                "SELECT e.name, e.role, count(*), sum(m.count) \
                 FROM entities e JOIN mentions m ON m.entity = e.id \
                 WHERE e.kind = ?1 AND e.key = ?2 GROUP BY e.id",
            )
            .and_then(|mut s| {
                s.query_row(params![kind_name(key.kind), key.name], |r| {
                    Ok(LibraryEntity {
                        key: key.clone(),
                        name: r.get(0)?,
                        role: r.get(1)?,
                        articles: to_usize(r.get(2)?),
                        mentions: to_usize(r.get(3)?),
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))
    }
}

/// An article's entity index rows, worked out from its analysis where it is made (on a worker
/// thread during an import): one row per entity key, with the mentions of entities that share
/// a key summed, and the names for its search row.
#[derive(Debug, Default)]
pub struct EntityRows {
    rows: Vec<EntityRow>,
    names: String,
}

#[derive(Debug)]
struct EntityRow {
    kind: EntityKind,
    key: String,
    /// The name and role first seen (the first non-empty role).
    name: Box<str>,
    role: Option<Box<str>>,
    mentions: i64,
}

impl EntityRows {
    pub fn new(analysis: &Analysis) -> Self {
        let mut rows: Vec<EntityRow> = Vec::with_capacity(analysis.entities.len());
        let mut names = String::new();
        for e in &analysis.entities {
            let kind = e.kind;
            let key = normalise_name(&e.name);
            let mentions = i64::try_from(e.mentions.len()).unwrap_or(i64::MAX);
            // Few entities per article: a scan is cheaper than a map.
            match rows.iter_mut().find(|r| r.kind == kind && r.key == key) {
                Some(r) => {
                    r.mentions = r.mentions.saturating_add(mentions);
                    if r.role.is_none() {
                        r.role.clone_from(&e.role);
                    }
                }
                None => rows.push(EntityRow {
                    kind,
                    key,
                    name: e.name.clone(),
                    role: e.role.clone(),
                    mentions,
                }),
            }
            if !names.is_empty() {
                names.push('\n');
            }
            names.push_str(&e.name);
        }
        Self { rows, names }
    }

    /// The entity names, one a line, for the search row.
    pub fn names(&self) -> &str {
        &self.names
    }
}

/// The ids of the entities written or looked up so far in one transaction, (kind, key) → (id,
/// whether it has a role): an import meets the same few people in article after article, and
/// looks each up once per batch instead of once per mention row. Valid for one transaction
/// only (another process may prune entities between two).
#[derive(Debug, Default)]
pub(super) struct EntityIds([HashMap<String, (i64, bool)>; 3]);

impl EntityIds {
    fn of(&mut self, kind: EntityKind) -> &mut HashMap<String, (i64, bool)> {
        let [people, organizations, places] = &mut self.0;
        match kind {
            EntityKind::Person => people,
            EntityKind::Organization => organizations,
            EntityKind::Place => places,
        }
    }
}

/// Adds an article's entity index rows.
pub(super) fn index_entities(
    tx: &Transaction<'_>,
    id: ArticleId,
    rows: &EntityRows,
    ids: &mut EntityIds,
) -> rusqlite::Result<()> {
    let mut entity = tx.prepare_cached(
        "INSERT INTO entities (kind, key, name, role) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (kind, key) DO UPDATE SET role = coalesce(role, excluded.role) \
         RETURNING id, role IS NOT NULL",
    )?;
    let mut mention = tx.prepare_cached(
        "INSERT INTO mentions (entity, article, count) VALUES (?1, ?2, ?3) \
         ON CONFLICT (entity, article) DO UPDATE SET count = count + excluded.count",
    )?;
    for r in &rows.rows {
        let known = ids.of(r.kind).get(&r.key);
        let eid = match known {
            // Known, and nothing to add to it.
            Some((eid, has_role)) if *has_role || r.role.is_none() => *eid,
            _ => {
                let (eid, has_role): (i64, bool) = entity.query_row(
                    params![kind_name(r.kind), r.key, &*r.name, r.role.as_deref()],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )?;
                ids.of(r.kind).insert(r.key.clone(), (eid, has_role));
                eid
            }
        };
        mention.execute(params![eid, id, r.mentions])?;
    }
    Ok(())
}

/// Adds an article's search row.
pub(super) fn index_search(
    tx: &Transaction<'_>,
    id: ArticleId,
    headline: &str,
    byline: Option<&str>,
    text: &str,
    names: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO search (rowid, headline, text, byline, names) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, headline, text, byline, names])?;
    Ok(())
}
