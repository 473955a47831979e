//! The library: one SQLite file that keeps every imported article, its analysis, read and star
//! state, a full-text index and an entity index across all articles.
//!
//! No terminal code here. A [`Library`] is one connection; it is `Send` but not `Sync`, so a
//! reader opens one per thread that needs it (SQLite in WAL mode lets any number of readers
//! work while one writer commits).
//!
//! # Durability
//!
//! The file is in WAL mode with `synchronous = NORMAL`. Every write is one transaction: an
//! import commits a batch of up to [`IMPORT_BATCH`] articles at a time (each article with its
//! text, analysis, entity index rows and search rows), `set_read`/`set_starred` one row. So:
//!
//! - after a crash or `kill -9` of byline, the library holds exactly the batches that were
//!   committed, each article whole (row, text, analysis, index entries) — never a part of one;
//!   running the import again adds the rest (what is there is recognised by its content hash);
//! - after a power loss or OS crash, the last committed transactions may be lost as well, but
//!   the file is still consistent (that is what `synchronous = NORMAL` trades for speed).
//!
//! Writers wait for one another up to [`BUSY_TIMEOUT`] instead of failing with "database is
//! locked"; readers never wait for writers.
//!
//! # Analysis cache
//!
//! Analyses are stored by (content hash, [`ANALYSER_VERSION`]). An article whose stored
//! analysis is of another version has `analysis: None` when loaded and is listed by
//! [`Library::needing_analysis`]: the reader analyses it (on screen first, the rest in the
//! background) and stores it with [`Library::store_analysis`], which also re-indexes it.

#[cfg(feature = "tui")]
pub mod cli;
mod error;
pub mod feeds;
pub mod query;
pub mod reader;
pub mod samples;
mod schema;

pub use error::{Error, Result};
pub use query::Query;

use crate::analysis::corpus::{EntityKey, normalise_name};
use crate::analysis::{self, Analysis, EntityKind};
use crate::article::{Article, Block, Parsed, SourceError};
use rusqlite::{
    Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params,
};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The version of the analysis the stored analyses were made with. Bump it whenever the analysis
/// gives different results, so that libraries re-analyse (lazily) what they hold. The crate
/// version is part of it, so every release re-analyses once.
pub const ANALYSER_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/1");

/// How long a writer waits for another process's write to finish before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Articles committed per import transaction.
pub const IMPORT_BATCH: usize = 500;

/// The environment variable that names the library file (after `--library`).
pub const ENV_VAR: &str = "BYLINE_LIBRARY";

/// An article's id in the library: increasing in the order articles were added, never reused.
pub type ArticleId = i64;

/// One line of the headline list: everything but the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    pub id: ArticleId,
    pub title: String,
    /// Publication date as the source gave it.
    pub date: Option<String>,
    /// Where it came from (path, `path#N` for a record, later a feed item).
    pub source: String,
    pub outlet: Option<String>,
    pub read: bool,
    pub starred: bool,
}

/// An article as stored, with its analysis when one of [`ANALYSER_VERSION`] is cached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub id: ArticleId,
    pub article: Article,
    pub analysis: Option<Analysis>,
    pub read: bool,
    pub starred: bool,
    /// When it was added, in seconds since the Unix epoch.
    pub added: i64,
}

/// Which headlines to list. The default lists every article, in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub unread_only: bool,
    pub starred_only: bool,
    /// Only articles matching; listed as `order` says.
    pub query: Option<Query>,
    pub order: Order,
    /// Only articles that mention this entity.
    pub entity: Option<EntityKey>,
    /// Only articles with a larger id (what arrived since the list was last read).
    pub after: Option<ArticleId>,
    pub limit: Option<usize>,
}

/// The order of a headline list with a query (without one, it is always id order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Best match first (BM25, headline words weigh most). Ranks every match, so the cost
    /// grows with the number of matches even with a `limit`.
    #[default]
    Relevance,
    /// Id order (the order articles were added), as without a query. With a `limit` this stops
    /// after `limit` matches: the fast choice for an incremental search line.
    Id,
}

/// Article, unread and starred counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub articles: usize,
    pub unread: usize,
    pub starred: usize,
}

/// One entity across the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryEntity {
    pub key: EntityKey,
    /// The name as first seen.
    pub name: String,
    pub role: Option<String>,
    /// Articles that mention it.
    pub articles: usize,
    /// Mentions over all articles.
    pub mentions: usize,
}

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// New articles stored.
    pub added: usize,
    /// Articles already in the library (same content hash), skipped.
    pub duplicates: usize,
    /// Sources that could not be read or parsed (each reported to the caller).
    pub errors: usize,
}

/// What a prune did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PruneSummary {
    pub removed: usize,
    /// Whether the file was compacted (`VACUUM`) because much space was freed.
    pub vacuumed: bool,
}

/// An article ready to store: hashed, analysed and serialised (done on worker threads).
#[derive(Debug)]
pub struct Prepared {
    article: Article,
    hash: [u8; 32],
    analysis: Analysis,
    analysis_json: String,
    blocks_json: String,
}

impl Prepared {
    /// Analyses `article` (the expensive part; call it on any thread).
    pub fn new(article: Article) -> Self {
        let analysis = analysis::analyze(&article);
        Self::with_analysis(article, analysis)
    }

    pub fn with_analysis(article: Article, analysis: Analysis) -> Self {
        let hash = content_hash(&article);
        let analysis_json = serde_json::to_string(&analysis).unwrap_or_default();
        let blocks_json = serde_json::to_string(&article.blocks).unwrap_or_default();
        Self {
            article,
            hash,
            analysis,
            analysis_json,
            blocks_json,
        }
    }
}

/// SHA-256 of headline, byline, dateline and text (each followed by a 0 byte, absent fields as
/// nothing): the same story read from two files is one article.
pub fn content_hash(a: &Article) -> [u8; 32] {
    let mut h = Sha256::new();
    for part in [
        Some(a.headline.as_str()),
        a.byline.as_deref(),
        a.dateline.as_deref(),
        Some(a.text.as_str()),
    ] {
        h.update(part.unwrap_or("").as_bytes());
        h.update([0u8]);
    }
    h.finalize().into()
}

/// Where the library lives: `flag` (`--library`), else `$BYLINE_LIBRARY`, else
/// `library.sqlite` in the XDG data folder (`~/.local/share/byline/` on Linux).
pub fn resolve_path(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = flag {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(ENV_VAR).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    default_path()
}

/// `library.sqlite` in the platform's data folder, when the platform has a home folder.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "byline").map(|d| d.data_dir().join("library.sqlite"))
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

fn kind_of(name: &str) -> Option<EntityKind> {
    match name {
        "person" => Some(EntityKind::Person),
        "organization" => Some(EntityKind::Organization),
        "place" => Some(EntityKind::Place),
        _ => None,
    }
}

fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// An open library.
#[derive(Debug)]
pub struct Library {
    conn: Connection,
    path: PathBuf,
}

impl Library {
    /// Opens the library at `path`, creating it (and its folder) when there is no file, and
    /// bringing an older schema up to date.
    ///
    /// Refuses — without writing anything to it — a file that is not an SQLite database, an
    /// SQLite database of another program, a damaged one, and one from a newer byline.
    pub fn open(path: &Path) -> Result<Self> {
        check_file(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let sql = |e| Error::from_sql(path, e);
        let conn = Connection::open_with_flags(path, flags).map_err(sql)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        let lib = Self {
            conn,
            path: path.to_path_buf(),
        };
        lib.check_owner()?;
        let mode: String = lib
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(sql)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Access {
                path: path.to_path_buf(),
                detail: format!("cannot switch to WAL mode (journal mode stays {mode})"),
            });
        }
        lib.conn
            .execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            .map_err(sql)?;
        lib.migrate()?;
        Ok(lib)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> Error {
        Error::from_sql(&self.path, e)
    }

    /// Refuses a newer schema and another program's database before anything is written.
    fn check_owner(&self) -> Result<()> {
        let read = || -> rusqlite::Result<(i64, i64, i64)> {
            let app: i64 = self
                .conn
                .query_row("PRAGMA application_id", [], |r| r.get(0))?;
            let version: i64 = self
                .conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let objects: i64 =
                self.conn
                    .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            Ok((app, version, objects))
        };
        let (app, version, objects) = read().map_err(|e| self.err(e))?;
        if app != schema::APPLICATION_ID && (objects > 0 || version > 0) {
            return Err(Error::NotALibrary {
                path: self.path.clone(),
                why: "an SQLite database of another program".into(),
            });
        }
        if version > schema::LATEST {
            return Err(Error::Newer {
                path: self.path.clone(),
                found: version,
                known: schema::LATEST,
            });
        }
        Ok(())
    }

    /// Applies the migrations this library has not had, in one transaction.
    fn migrate(&self) -> Result<()> {
        let tx = self.write()?;
        let run = || -> rusqlite::Result<i64> {
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            for (i, sql) in schema::MIGRATIONS.iter().enumerate() {
                let target = i as i64 + 1;
                if version < target {
                    tx.execute_batch(sql)?;
                    tx.pragma_update(None, "user_version", target)?;
                }
            }
            tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
            Ok(version)
        };
        let version = run().map_err(|e| self.err(e))?;
        // Another process may have migrated further between the check and this transaction.
        if version > schema::LATEST {
            return Err(Error::Newer {
                path: self.path.clone(),
                found: version,
                known: schema::LATEST,
            });
        }
        tx.commit().map_err(|e| self.err(e))
    }

    /// A write transaction that takes the write lock at once (waiting up to the busy timeout),
    /// so it never fails half-way for want of it.
    fn write(&self) -> Result<Transaction<'_>> {
        Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| self.err(e))
    }

    /// The schema version of the file.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// A number that changes whenever another connection commits a change: poll it (cheaply)
    /// to notice new articles or read/star changes made by another byline.
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// SQLite's `PRAGMA integrity_check` plus byline's own: every article has its text, search
    /// row and (some version of) analysis. `Err(Damaged)` lists what is wrong.
    pub fn check(&self) -> Result<()> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut problems: Vec<String> = {
                let mut s = self.conn.prepare("PRAGMA integrity_check")?;
                let rows = s.query_map([], |r| r.get::<_, String>(0))?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
                    .into_iter()
                    .filter(|m| m != "ok")
                    .collect()
            };
            let orphans: i64 = self.conn.query_row(
                "SELECT (SELECT count(*) FROM articles a WHERE NOT EXISTS                      (SELECT 1 FROM bodies b WHERE b.id = a.id)) +                         (SELECT count(*) FROM articles a WHERE NOT EXISTS                      (SELECT 1 FROM analyses an WHERE an.hash = a.hash)) +                         (SELECT count(*) FROM bodies b WHERE NOT EXISTS                      (SELECT 1 FROM articles a WHERE a.id = b.id))",
                [],
                |r| r.get(0),
            )?;
            if orphans > 0 {
                problems.push(format!("{orphans} articles without text or analysis"));
            }
            let indexed: i64 = self
                .conn
                .query_row("SELECT count(*) FROM search", [], |r| r.get(0))?;
            let articles: i64 = self
                .conn
                .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
            if indexed != articles {
                problems.push(format!(
                    "{articles} articles but {indexed} in the search index"
                ));
            }
            Ok(problems)
        };
        let problems = run().map_err(|e| self.err(e))?;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Damaged {
                path: self.path.clone(),
                detail: problems.join("; "),
            })
        }
    }

    /// The largest article id so far (0 for an empty library); list with
    /// `Filter { after: Some(id), .. }` later to get what arrived since.
    pub fn max_id(&self) -> Result<ArticleId> {
        self.conn
            .query_row("SELECT coalesce(max(id), 0) FROM articles", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))
    }

    pub fn counts(&self) -> Result<Counts> {
        self.conn
            .query_row(
                "SELECT count(*), coalesce(sum(NOT read), 0), coalesce(sum(starred), 0) \
                 FROM articles",
                [],
                |r| {
                    Ok(Counts {
                        articles: to_usize(r.get(0)?),
                        unread: to_usize(r.get(1)?),
                        starred: to_usize(r.get(2)?),
                    })
                },
            )
            .map_err(|e| self.err(e))
    }

    /// The headlines `filter` selects, without loading any text: in id order, or with a query
    /// as `filter.order` says.
    pub fn headlines(&self, filter: &Filter) -> Result<Vec<Headline>> {
        let fts = filter.query.as_ref().and_then(Query::to_fts);
        let mut sql = String::from(
            "SELECT a.id, a.headline, a.date, a.source, a.outlet, a.read, a.starred FROM ",
        );
        sql.push_str(if fts.is_some() {
            "search JOIN articles a ON a.id = search.rowid"
        } else {
            "articles a"
        });
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut conds: Vec<&str> = Vec::new();
        if let Some(q) = &fts {
            conds.push("search MATCH ?");
            args.push(q.clone().into());
        }
        if let Some(key) = &filter.entity {
            conds.push(
                "a.id IN (SELECT m.article FROM mentions m JOIN entities e ON e.id = m.entity \
                 WHERE e.kind = ? AND e.key = ?)",
            );
            args.push(kind_name(key.kind).to_string().into());
            args.push(key.name.clone().into());
        }
        if filter.unread_only {
            conds.push("NOT a.read");
        }
        if filter.starred_only {
            conds.push("a.starred");
        }
        if let Some(after) = filter.after {
            conds.push("a.id > ?");
            args.push(after.into());
        }
        for (i, c) in conds.iter().enumerate() {
            sql.push_str(if i == 0 { " WHERE " } else { " AND " });
            sql.push_str(c);
        }
        sql.push_str(if fts.is_some() && filter.order == Order::Relevance {
            " ORDER BY bm25(search, 10.0, 1.0, 3.0, 3.0), a.id"
        } else if fts.is_some() {
            " ORDER BY search.rowid"
        } else {
            " ORDER BY a.id"
        });
        if let Some(limit) = filter.limit {
            sql.push_str(" LIMIT ?");
            args.push(i64::try_from(limit).unwrap_or(i64::MAX).into());
        }
        let run = || -> rusqlite::Result<Vec<Headline>> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
                use crate::article::sanitize::clean_inline;
                let line = |s: String| clean_inline(&s);
                Ok(Headline {
                    id: r.get(0)?,
                    title: line(r.get(1)?),
                    date: r.get::<_, Option<String>>(2)?.map(line),
                    source: line(r.get(3)?),
                    outlet: r.get::<_, Option<String>>(4)?.map(line),
                    read: r.get(5)?,
                    starred: r.get(6)?,
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| match (&filter.query, &fts) {
            // With quoted words nothing can be a syntax error; with raw FTS5 syntax any
            // generic error is the query's.
            (Some(Query::Fts(q)), Some(_))
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::Unknown) =>
            {
                Error::Query {
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

    /// One article with its text, blocks, state and (when cached for this analyser version)
    /// analysis; `None` when there is no such id (pruned, say).
    pub fn article(&self, id: ArticleId) -> Result<Option<Stored>> {
        type Row = (Stored, String, Option<String>);
        let row: Option<Row> = self
            .conn
            .prepare_cached(
                "SELECT a.source, a.headline, a.byline, a.dateline, a.date, a.outlet, a.url, \
                        b.text, b.blocks, a.read, a.starred, a.added, an.analysis \
                 FROM articles a JOIN bodies b ON b.id = a.id \
                 LEFT JOIN analyses an ON an.hash = a.hash AND an.version = ?2 \
                 WHERE a.id = ?1",
            )
            .and_then(|mut s| {
                s.query_row(params![id, ANALYSER_VERSION], |r| {
                    Ok((
                        Stored {
                            id,
                            article: Article {
                                source: r.get(0)?,
                                headline: r.get(1)?,
                                byline: r.get(2)?,
                                dateline: r.get(3)?,
                                date: r.get(4)?,
                                outlet: r.get(5)?,
                                url: r.get(6)?,
                                text: r.get(7)?,
                                blocks: Vec::new(),
                                published: None,
                            },
                            analysis: None,
                            read: r.get(9)?,
                            starred: r.get(10)?,
                            added: r.get(11)?,
                        },
                        r.get(8)?,
                        r.get(12)?,
                    ))
                })
                .optional()
            })
            .map_err(|e| self.err(e))?;
        let Some((mut stored, blocks, analysis)) = row else {
            return Ok(None);
        };
        stored.article.blocks =
            serde_json::from_str::<Vec<Block>>(&blocks).map_err(|e| Error::Damaged {
                path: self.path.clone(),
                detail: format!("article {id}: unreadable blocks ({e})"),
            })?;
        // An unreadable cached analysis is one to redo, not an error.
        stored.analysis = analysis.and_then(|a| serde_json::from_str(&a).ok());
        stored.article.understand_date();
        Ok(Some(safe(stored)))
    }

    pub fn set_read(&self, id: ArticleId, read: bool) -> Result<()> {
        self.set_flag("read", id, read)
    }

    pub fn set_starred(&self, id: ArticleId, starred: bool) -> Result<()> {
        self.set_flag("starred", id, starred)
    }

    fn set_flag(&self, column: &str, id: ArticleId, on: bool) -> Result<()> {
        let sql = format!("UPDATE articles SET {column} = ?2 WHERE id = ?1");
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.execute(params![id, on]))
            .map(drop)
            .map_err(|e| self.err(e))
    }

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

    /// Stores prepared articles in one transaction; those already in the library (same
    /// content hash) are skipped. Returns (added, duplicates).
    pub fn add(&self, batch: &[Prepared]) -> Result<(usize, usize)> {
        let tx = self.write()?;
        let now = now();
        let mut search = Vec::with_capacity(batch.len());
        for p in batch {
            if let Some(row) = insert(&tx, p, now).map_err(|e| self.err(e))? {
                search.push((p, row));
            }
        }
        // The search rows go in last, one after another: FTS5 writes its pending terms out at
        // every statement savepoint, so interleaving them with the other inserts made many tiny
        // index segments to merge (half the import's time).
        for (p, (id, names)) in &search {
            let a = &p.article;
            index_search(&tx, *id, &a.headline, a.byline.as_deref(), &a.text, names)
                .map_err(|e| self.err(e))?;
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok((search.len(), batch.len() - search.len()))
    }

    /// Reads, parses and analyses `paths` (as `byline PATH...` does: folders recursively,
    /// `-` for standard input, `max_bytes` per source) on all cores, and stores the articles a
    /// batch per transaction. `on_error` gets each source that could not be read, as it comes.
    ///
    /// Stops at the first library error (disk full, say); what was committed before stays.
    pub fn import(
        &self,
        paths: &[PathBuf],
        max_bytes: u64,
        mut on_error: impl FnMut(&SourceError),
    ) -> Result<ImportSummary> {
        let mut summary = ImportSummary::default();
        let mut pending: Vec<Prepared> = Vec::with_capacity(IMPORT_BATCH);
        let mut failed = None;
        let prepare = |parsed: Parsed| {
            let prepared: Vec<Prepared> = parsed.articles.into_iter().map(Prepared::new).collect();
            (parsed.errors, prepared)
        };
        // Reading and analysing (on all cores) runs on its own thread, a few sources ahead of
        // this one, which writes: the two overlap instead of taking turns.
        let (tx, rx) = std::sync::mpsc::sync_channel::<(Vec<SourceError>, Vec<Prepared>)>(64);
        std::thread::scope(|scope| {
            let producer = scope.spawn(move || {
                crate::source::each_map(paths, max_bytes, prepare, |item| {
                    // The writer hung up (a library error): stop reading.
                    if tx.send(item).is_err() {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                });
            });
            for (errors, prepared) in rx.iter() {
                for e in &errors {
                    on_error(e);
                }
                summary.errors += errors.len();
                pending.extend(prepared);
                if pending.len() >= IMPORT_BATCH {
                    match self.add(&pending) {
                        Ok((a, d)) => {
                            summary.added += a;
                            summary.duplicates += d;
                            pending.clear();
                        }
                        Err(e) => {
                            failed = Some(e);
                            break;
                        }
                    }
                }
            }
            drop(rx);
            if let Err(panic) = producer.join() {
                // A panic in parsing or analysis is a bug: let it surface as on this thread.
                std::panic::resume_unwind(panic);
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        let (a, d) = self.add(&pending)?;
        summary.added += a;
        summary.duplicates += d;
        Ok(summary)
    }

    /// Articles whose entity index and search names are not from [`ANALYSER_VERSION`] (made
    /// by an older byline), up to `limit`, in id order.
    pub fn needing_analysis(&self, limit: usize) -> Result<Vec<ArticleId>> {
        let run = || -> rusqlite::Result<Vec<ArticleId>> {
            let mut s = self.conn.prepare_cached(
                "SELECT id FROM articles WHERE analysed IS NOT ?1 ORDER BY id LIMIT ?2",
            )?;
            let rows = s.query_map(
                params![ANALYSER_VERSION, i64::try_from(limit).unwrap_or(i64::MAX)],
                |r| r.get(0),
            )?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// Caches `analysis` (of [`ANALYSER_VERSION`]) for article `id` and re-indexes the article
    /// from it (entity index and search names), in one transaction. Analyses of other versions
    /// of the same text are dropped.
    pub fn store_analysis(&self, id: ArticleId, analysis: &Analysis) -> Result<()> {
        let json = serde_json::to_string(analysis).map_err(|e| Error::Sql {
            path: self.path.clone(),
            detail: format!("cannot serialise an analysis: {e}"),
        })?;
        let tx = self.write()?;
        let run = || -> rusqlite::Result<()> {
            let row: Option<(Vec<u8>, String, Option<String>, String)> = tx
                .query_row(
                    "SELECT a.hash, a.headline, a.byline, b.text \
                     FROM articles a JOIN bodies b ON b.id = a.id WHERE a.id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            let Some((hash, headline, byline, text)) = row else {
                return Ok(());
            };
            tx.execute(
                "DELETE FROM analyses WHERE hash = ?1 AND version IS NOT ?2",
                params![hash, ANALYSER_VERSION],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO analyses (hash, version, analysis) VALUES (?1, ?2, ?3)",
                params![hash, ANALYSER_VERSION, json],
            )?;
            tx.execute("DELETE FROM mentions WHERE article = ?1", [id])?;
            tx.execute("DELETE FROM search WHERE rowid = ?1", [id])?;
            let names = index_entities(&tx, id, analysis)?;
            index_search(&tx, id, &headline, byline.as_deref(), &text, &names)?;
            tx.execute(
                "UPDATE articles SET analysed = ?2 WHERE id = ?1",
                params![id, ANALYSER_VERSION],
            )?;
            Ok(())
        };
        run().map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))
    }

    /// Removes unstarred articles added more than `age` ago, with their text, analyses and index
    /// rows; compacts the file (`VACUUM`) when that freed a quarter of it or more.
    pub fn prune(&self, age: Duration) -> Result<PruneSummary> {
        let cutoff = now().saturating_sub(i64::try_from(age.as_secs()).unwrap_or(i64::MAX));
        let tx = self.write()?;
        let removed = remove_unstarred(&tx, "added <= ?1", cutoff).map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))?;
        let pages = |pragma: &str| -> Result<i64> {
            self.conn
                .query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
                .map_err(|e| self.err(e))
        };
        let free = pages("freelist_count")?;
        let total = pages("page_count")?;
        let vacuumed = removed > 0 && free > 0 && free * 4 >= total;
        if vacuumed {
            self.conn.execute_batch("VACUUM").map_err(|e| self.err(e))?;
        }
        Ok(PruneSummary { removed, vacuumed })
    }

    /// A meta value (see `set_meta`).
    pub(crate) fn meta(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))
    }

    pub(crate) fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                [key, value],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }
}

/// What was stored came through the parser, so it is clean; but the file may have been edited
/// by something else. Text that is not clean, or blocks that do not fit it, are parsed again
/// from the stored text (as plain text), and an analysis whose spans do not fit is dropped (to
/// be redone): what the reader shows from the library is as safe as what it shows from files.
fn safe(mut s: Stored) -> Stored {
    use crate::article::sanitize::{clean, clean_inline};
    let text = &s.article.text;
    let fits = |span: &crate::article::Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let clean_text = matches!(clean(text), std::borrow::Cow::Borrowed(_));
    if !clean_text || !s.article.blocks.iter().all(|b| fits(&b.span)) {
        let source = s.article.source.clone();
        let parsed = crate::article::parse(&source, s.article.text.as_bytes());
        s.article = parsed.articles.into_iter().next().unwrap_or_default();
        s.article.source = source;
        s.analysis = None;
    }
    let text = &s.article.text;
    let fits = |span: &crate::article::Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    if let Some(a) = &s.analysis {
        let ok = a.entities.iter().all(|e| e.mentions.iter().all(fits))
            && a.quotes
                .iter()
                .all(|q| fits(&q.span) && q.speaker_span.as_ref().is_none_or(fits));
        if !ok {
            s.analysis = None;
        }
    }
    let a = &mut s.article;
    for field in [&mut a.source, &mut a.headline] {
        *field = clean_inline(field);
    }
    for field in [
        &mut a.byline,
        &mut a.dateline,
        &mut a.date,
        &mut a.outlet,
        &mut a.url,
    ]
    .into_iter()
    .flatten()
    {
        *field = clean_inline(field);
    }
    s
}

/// Refuses, before SQLite touches it, a path that is a folder or a file that does not start
/// with the SQLite header; creates the folder of a library that does not exist yet.
fn check_file(path: &Path) -> Result<()> {
    let access = |detail: String| Error::Access {
        path: path.to_path_buf(),
        detail,
    };
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(Error::NotALibrary {
            path: path.to_path_buf(),
            why: "it is a folder".into(),
        }),
        Ok(m) if m.len() == 0 => Ok(()),
        Ok(_) => {
            let mut head = [0u8; 16];
            let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head));
            match read {
                Ok(()) if &head == b"SQLite format 3\0" => Ok(()),
                Ok(()) => Err(Error::NotALibrary {
                    path: path.to_path_buf(),
                    why: "not an SQLite database".into(),
                }),
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                    Err(Error::NotALibrary {
                        path: path.to_path_buf(),
                        why: "not an SQLite database (too short)".into(),
                    })
                }
                Err(e) => Err(access(e.to_string())),
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir)
                .map_err(|e| access(format!("cannot create its folder: {e}"))),
            _ => Ok(()),
        },
        Err(e) => Err(access(e.to_string())),
    }
}

/// Inserts one prepared article (row, body, analysis, entity index), all but its search row;
/// returns its id and entity names, or `None` when its hash is already there.
fn insert(
    tx: &Transaction<'_>,
    p: &Prepared,
    now: i64,
) -> rusqlite::Result<Option<(ArticleId, String)>> {
    let a = &p.article;
    let id: Option<ArticleId> = tx
        .prepare_cached(
            "INSERT INTO articles (hash, headline, source, outlet, url, date, byline, dateline, \
                                   added, analysed) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
             ON CONFLICT (hash) DO NOTHING RETURNING id",
        )?
        .query_row(
            params![
                p.hash,
                a.headline,
                a.source,
                a.outlet,
                a.url,
                a.date,
                a.byline,
                a.dateline,
                now,
                ANALYSER_VERSION
            ],
            |r| r.get(0),
        )
        .optional()?;
    let Some(id) = id else {
        return Ok(None);
    };
    tx.prepare_cached("INSERT INTO bodies (id, text, blocks) VALUES (?1, ?2, ?3)")?
        .execute(params![id, a.text, p.blocks_json])?;
    tx.prepare_cached(
        "INSERT OR REPLACE INTO analyses (hash, version, analysis) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![p.hash, ANALYSER_VERSION, p.analysis_json])?;
    let names = index_entities(tx, id, &p.analysis)?;
    Ok(Some((id, names)))
}

/// Adds an article's entity index rows; returns the entity names for its search row.
fn index_entities(
    tx: &Transaction<'_>,
    id: ArticleId,
    analysis: &Analysis,
) -> rusqlite::Result<String> {
    let mut entity = tx.prepare_cached(
        "INSERT INTO entities (kind, key, name, role) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (kind, key) DO UPDATE SET role = coalesce(role, excluded.role) \
         RETURNING id",
    )?;
    let mut mention = tx.prepare_cached(
        "INSERT INTO mentions (entity, article, count) VALUES (?1, ?2, ?3) \
         ON CONFLICT (entity, article) DO UPDATE SET count = count + excluded.count",
    )?;
    let mut names = String::new();
    for e in &analysis.entities {
        let key = normalise_name(&e.name);
        let eid: i64 = entity.query_row(
            params![kind_name(e.kind), key, &*e.name, e.role.as_deref()],
            |r| r.get(0),
        )?;
        mention.execute(params![
            eid,
            id,
            i64::try_from(e.mentions.len()).unwrap_or(i64::MAX)
        ])?;
        if !names.is_empty() {
            names.push('\n');
        }
        names.push_str(&e.name);
    }
    Ok(names)
}

/// Adds an article's search row.
fn index_search(
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

/// Removes the unstarred articles matching `condition` (SQL over `articles`, with `?1` bound to
/// `param`) with their search rows, then the analyses and entities no article uses any more.
/// Bodies and mentions go with their article (ON DELETE CASCADE). Returns how many were removed.
pub(crate) fn remove_unstarred(
    tx: &rusqlite::Transaction<'_>,
    condition: &str,
    param: impl rusqlite::ToSql,
) -> rusqlite::Result<usize> {
    tx.execute(
        &format!(
            "DELETE FROM search WHERE rowid IN \
             (SELECT id FROM articles WHERE {condition} AND NOT starred)"
        ),
        [&param],
    )?;
    let removed = tx.execute(
        &format!("DELETE FROM articles WHERE {condition} AND NOT starred"),
        [&param],
    )?;
    tx.execute(
        "DELETE FROM analyses WHERE hash NOT IN (SELECT hash FROM articles)",
        [],
    )?;
    tx.execute(
        "DELETE FROM entities WHERE id NOT IN (SELECT entity FROM mentions)",
        [],
    )?;
    Ok(removed)
}

#[cfg(test)]
mod tests;
