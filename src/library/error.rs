//! What can go wrong with the library file, always naming it.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum Error {
    /// The file is not an SQLite database, or is one of another program. Left untouched.
    NotALibrary { path: PathBuf, why: String },
    /// An SQLite library whose pages are damaged. Left untouched.
    Damaged { path: PathBuf, detail: String },
    /// Written by a newer byline (a higher schema version). Left untouched.
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// The file or its folder cannot be created, opened or written (permissions, read-only
    /// file system, missing folder).
    Access { path: PathBuf, detail: String },
    /// The disk (or a quota) is full; the transaction under way was rolled back.
    Full { path: PathBuf },
    /// Another process kept the library locked for longer than the busy timeout.
    Busy { path: PathBuf },
    /// A full-text query in FTS5 syntax that SQLite cannot parse.
    Query { query: String, detail: String },
    /// Anything else SQLite reported.
    Sql { path: PathBuf, detail: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotALibrary { path, why } => write!(
                f,
                "{}: not a byline library ({why}); the file was left untouched \
                 (choose another file with --library PATH or BYLINE_LIBRARY)",
                path.display()
            ),
            Error::Damaged { path, detail } => write!(
                f,
                "{}: the library is damaged ({detail}); the file was left untouched \
                 (move it away to start a new library, or try `sqlite3 FILE .recover`)",
                path.display()
            ),
            Error::Newer { path, found, known } => write!(
                f,
                "{}: this library was written by a newer byline (library schema {found}; this \
                 byline knows up to {known}); the file was left untouched — upgrade byline, or \
                 choose another file with --library PATH",
                path.display()
            ),
            Error::Access { path, detail } => write!(
                f,
                "{}: cannot open or write the library ({detail}); is its folder writable?",
                path.display()
            ),
            Error::Full { path } => write!(
                f,
                "{}: the disk is full; the last batch was not stored (what was stored before \
                 is intact)",
                path.display()
            ),
            Error::Busy { path } => write!(
                f,
                "{}: the library stayed locked by another byline for too long; try again",
                path.display()
            ),
            Error::Query { query, detail } => {
                write!(f, "cannot search for `{query}`: {detail}")
            }
            Error::Sql { path, detail } => write!(f, "{}: {detail}", path.display()),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// Classifies an SQLite error on the library at `path`.
    pub(crate) fn from_sql(path: &std::path::Path, e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        let path = path.to_path_buf();
        let detail = e.to_string();
        match e.sqlite_error_code() {
            Some(C::NotADatabase) => Error::NotALibrary {
                path,
                why: "not an SQLite database".into(),
            },
            Some(C::DatabaseCorrupt) => Error::Damaged { path, detail },
            Some(C::DiskFull) => Error::Full { path },
            Some(C::CannotOpen | C::PermissionDenied | C::ReadOnly) => {
                Error::Access { path, detail }
            }
            Some(C::DatabaseBusy | C::DatabaseLocked) => Error::Busy { path },
            // Out of space shows up as an I/O error on some file systems.
            Some(C::SystemIoFailure)
                if matches!(&e, rusqlite::Error::SqliteFailure(f, _)
                    if f.extended_code == rusqlite::ffi::SQLITE_IOERR_WRITE
                        || f.extended_code == rusqlite::ffi::SQLITE_IOERR_FSYNC) =>
            {
                Error::Access { path, detail }
            }
            _ => Error::Sql { path, detail },
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
