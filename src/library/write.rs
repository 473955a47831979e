//! Writing the library: read/star state, adding prepared articles a batch per transaction,
//! the import pipeline (read and analyse on all cores while one writer commits), and storing
//! the analyses the reader redoes for a newer analyser.

use super::codec;
use super::entities::{EntityIds, EntityRows, index_entities, index_search};
use super::{ANALYSER_VERSION, ArticleId, IMPORT_BATCH, ImportSummary, Library, Result, now};
use crate::analysis::{self, Analysis};
use crate::article::{Article, Parsed, SourceError};
use rusqlite::{OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// How far (in bytes of prepared articles) reading and analysing may run ahead of the writer
/// during an import.
const IMPORT_AHEAD_BYTES: usize = 32 * 1024 * 1024;

/// The bytes `prepared` articles hold (about).
fn size(prepared: &[Prepared]) -> usize {
    prepared
        .iter()
        .map(|p| p.article.text.len() + p.analysis_bytes.len() + p.blocks_bytes.len())
        .sum()
}

/// An article ready to store: hashed, analysed and encoded (done on worker threads, so that the
/// one writer only writes).
#[derive(Debug)]
pub struct Prepared {
    pub(super) article: Article,
    pub(super) hash: [u8; 32],
    /// Its entity index rows and search names.
    pub(super) entities: EntityRows,
    /// The analysis and the blocks in the library's binary form (see `codec`).
    pub(super) analysis_bytes: Vec<u8>,
    pub(super) blocks_bytes: Vec<u8>,
}

impl Prepared {
    /// Analyses `article` (the expensive part; call it on any thread).
    pub fn new(article: Article) -> Self {
        let analysis = analysis::analyze(&article);
        Self::with_analysis(article, analysis)
    }

    pub fn with_analysis(article: Article, analysis: Analysis) -> Self {
        let hash = content_hash(&article);
        let analysis_bytes = codec::encode_analysis(&analysis);
        let blocks_bytes = codec::encode_blocks(&article.blocks);
        let entities = EntityRows::new(&analysis);
        Self {
            article,
            hash,
            entities,
            analysis_bytes,
            blocks_bytes,
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

impl Library {
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

    /// Stores prepared articles in one transaction; those already in the library (same
    /// content hash) are skipped. Returns (added, duplicates).
    pub fn add(&self, batch: &[Prepared]) -> Result<(usize, usize)> {
        let tx = self.write()?;
        let now = now();
        let mut search = Vec::with_capacity(batch.len());
        let mut ids = EntityIds::default();
        for p in batch {
            if let Some(id) = insert(&tx, p, now, &mut ids).map_err(|e| self.err(e))? {
                search.push((p, id));
            }
        }
        // The search rows go in last, one after another: FTS5 writes its pending terms out at
        // every statement savepoint, so interleaving them with the other inserts made many tiny
        // index segments to merge (half the import's time).
        for (p, id) in &search {
            let a = &p.article;
            let names = p.entities.names();
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
        // Reading and analysing (on all cores) runs on its own thread, ahead of this one, which
        // writes: the two overlap instead of taking turns. The readers go on while a batch is
        // being committed, up to IMPORT_AHEAD_BYTES of articles ahead of the writer (with 64
        // sources ahead, as before, they stopped for every commit).
        let (tx, rx) =
            std::sync::mpsc::sync_channel::<(Vec<SourceError>, Vec<Prepared>)>(4 * IMPORT_BATCH);
        let ahead = AtomicUsize::new(0);
        let writer_gone = AtomicBool::new(false);
        std::thread::scope(|scope| {
            let (ahead, writer_gone) = (&ahead, &writer_gone);
            let producer = scope.spawn(move || {
                crate::source::each_map(paths, max_bytes, prepare, |item| {
                    while ahead.load(Ordering::Acquire) > IMPORT_AHEAD_BYTES
                        && !writer_gone.load(Ordering::Acquire)
                    {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    ahead.fetch_add(size(&item.1), Ordering::AcqRel);
                    // The writer hung up (a library error): stop reading.
                    if tx.send(item).is_err() {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                });
            });
            for (errors, prepared) in rx.iter() {
                ahead.fetch_sub(size(&prepared), Ordering::AcqRel);
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
            writer_gone.store(true, Ordering::Release);
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
        let bytes = codec::encode_analysis(analysis);
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
                params![hash, ANALYSER_VERSION, bytes],
            )?;
            tx.execute("DELETE FROM mentions WHERE article = ?1", [id])?;
            tx.execute("DELETE FROM search WHERE rowid = ?1", [id])?;
            let rows = EntityRows::new(analysis);
            index_entities(&tx, id, &rows, &mut EntityIds::default())?;
            index_search(&tx, id, &headline, byline.as_deref(), &text, rows.names())?;
            tx.execute(
                "UPDATE articles SET analysed = ?2 WHERE id = ?1",
                params![id, ANALYSER_VERSION],
            )?;
            Ok(())
        };
        run().map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))
    }
}

/// Inserts one prepared article (row, body, analysis, entity index), all but its search row;
/// returns its id, or `None` when its hash is already there. `ids` are the entity ids of this
/// transaction.
pub(super) fn insert(
    tx: &Transaction<'_>,
    p: &Prepared,
    now: i64,
    ids: &mut EntityIds,
) -> rusqlite::Result<Option<ArticleId>> {
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
        .execute(params![id, a.text, p.blocks_bytes])?;
    tx.prepare_cached(
        "INSERT OR REPLACE INTO analyses (hash, version, analysis) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![p.hash, ANALYSER_VERSION, p.analysis_bytes])?;
    index_entities(tx, id, &p.entities, ids)?;
    Ok(Some(id))
}
