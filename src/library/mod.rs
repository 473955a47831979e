//! The library: one SQLite file that keeps every imported article, its analysis, read and star
//! state, a full-text index and an entity index across all articles.
//!
//! No terminal code here. A [`Library`] is one connection; it is `Send` but not `Sync`, so a
//! reader opens one per thread that needs it (SQLite in WAL mode lets any number of readers
//! work while one writer commits).
//!
//! # Layout
//!
//! - this file: the public types ([`Library`], [`Headline`], [`Stored`], [`Filter`], …), the
//!   constants and where the file lives ([`resolve_path`]);
//! - `open.rs`: opening (refusing what is not a byline library), migrations, `check`;
//! - `read.rs`: counts, headline lists and search, single articles (cleaned on the way out);
//! - `entities.rs`: the entity index, written from analyses and read across the library;
//! - `write.rs`: read/star state, [`Prepared`] articles, `add`, `import`, `store_analysis`;
//! - `prune.rs`: removing old articles; `schema.rs`: the numbered migrations; `query.rs`:
//!   safe FTS5 queries; `feeds/`: subscriptions; `cli.rs`: the library's commands.
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
mod codec;
mod entities;
mod error;
pub mod feeds;
mod open;
mod prune;
pub mod query;
mod read;
pub mod reader;
pub mod samples;
mod schema;
mod write;

pub use error::{Error, Result};
pub use query::Query;
pub use write::{Prepared, content_hash};

use entities::{EntityIds, index_entities, index_search};
pub(crate) use prune::remove_unstarred;
use write::insert;

use crate::analysis::Analysis;
use crate::analysis::EntityKind;
use crate::analysis::corpus::EntityKey;
use crate::article::Article;
use rusqlite::Connection;
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

#[cfg(test)]
mod tests;
