//! Opening a library: refusing what is not one (another program's file, a damaged or newer
//! library) before anything is written, migrating an older schema, and checking a library's
//! consistency.

use super::{BUSY_TIMEOUT, Error, Library, Result, schema};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};
use std::io::Read;
use std::path::Path;

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

    pub(super) fn err(&self, e: rusqlite::Error) -> Error {
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
    pub(super) fn write(&self) -> Result<Transaction<'_>> {
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
