//! Removing old articles, with everything that hangs on them.

use super::{Library, PruneSummary, Result, now};
use std::time::Duration;

impl Library {
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
