//! The library's schema and its migrations: numbered SQL scripts, applied in order, with the
//! number reached kept in SQLite's `user_version`. A library whose version is higher than
//! [`LATEST`] was written by a newer byline and is refused, never downgraded.

/// `PRAGMA application_id` of a byline library ("BYLN"), so that another program's SQLite file
/// at the library path is recognised and left alone.
pub const APPLICATION_ID: i64 = 0x4259_4C4E;

/// Migration `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3];

/// The schema version this byline writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Version 1.
///
/// - `articles`: one row per distinct article (deduplicated by `hash`, the SHA-256 of headline,
///   byline, dateline and text), with the small fields a headline list needs, read/star state
///   and the fields a feed will fill (`feed`, `guid`, `fetched`). `id` is AUTOINCREMENT so ids
///   are never reused after a prune: "articles after id N" is a reliable "what is new".
/// - `bodies`: the text and blocks, apart so that listing headlines never reads them.
/// - `analyses`: the analysis as JSON, keyed by (article hash, analyser version).
/// - `entities` / `mentions`: the entity index (kind + normalised name → articles, counts),
///   built from the analysis of version `articles.analysed`.
/// - `search`: FTS5 over headline, text, byline and entity names (contentless: the text is
///   kept once, in `bodies`).
const V1: &str = "
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hash BLOB NOT NULL UNIQUE,
    headline TEXT NOT NULL,
    source TEXT NOT NULL,
    outlet TEXT,
    feed TEXT,
    url TEXT,
    guid TEXT,
    date TEXT,
    byline TEXT,
    dateline TEXT,
    added INTEGER NOT NULL,
    fetched INTEGER,
    analysed TEXT,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_added ON articles (added);
CREATE INDEX articles_unread ON articles (id) WHERE NOT read;
CREATE INDEX articles_starred ON articles (id) WHERE starred;
CREATE INDEX articles_guid ON articles (feed, guid) WHERE guid IS NOT NULL;

CREATE TABLE bodies (
    id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    blocks TEXT NOT NULL
);

CREATE TABLE analyses (
    id INTEGER PRIMARY KEY,
    hash BLOB NOT NULL,
    version TEXT NOT NULL,
    analysis TEXT NOT NULL,
    UNIQUE (hash, version)
);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    UNIQUE (kind, key)
);

CREATE TABLE mentions (
    entity INTEGER NOT NULL REFERENCES entities (id),
    article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    count INTEGER NOT NULL,
    PRIMARY KEY (entity, article)
) WITHOUT ROWID;
CREATE INDEX mentions_article ON mentions (article);

CREATE VIRTUAL TABLE search USING fts5 (
    headline, text, byline, names,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
";

/// Version 2: subscriptions.
///
/// - `feeds`: one row per subscription (`url` is an http(s) URL or a local file's path), with
///   the validators of its last fetch (sent back for a conditional GET), the time and result of
///   its last refresh, and whether its items' pages are always fetched (`full_text`).
/// - `articles.feed` holds the subscription's `url`; `articles.item_hash` the feed item's own
///   content hash, so that an item seen before (same GUID, else link, else content hash) is
///   recognised, and an updated one (same key, another hash) replaced.
const V2: &str = "
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL UNIQUE,
    site TEXT,
    category TEXT,
    full_text INTEGER NOT NULL DEFAULT 0,
    etag TEXT,
    last_modified TEXT,
    added INTEGER NOT NULL,
    refreshed INTEGER,
    result TEXT,
    ok INTEGER
);
ALTER TABLE articles ADD COLUMN item_hash TEXT;
CREATE INDEX articles_feed_url ON articles (feed, url) WHERE feed IS NOT NULL;
CREATE INDEX articles_feed_item ON articles (feed, item_hash) WHERE feed IS NOT NULL;
";

/// Version 3: faster imports.
///
/// - `analyses.analysis` and `bodies.blocks` are written in a compact binary form (see
///   `codec.rs`) instead of JSON (a quarter of the size for analyses, a tenth for blocks).
///   Nothing is converted: rows written before stay JSON and are read as such. The version is
///   raised so that an older byline, which reads only JSON, refuses this library (as one from a
///   newer byline) instead of failing on the new rows.
/// - The search index keeps up to 16 MB of pending terms in memory before it writes a segment
///   (FTS5's `hashsize`; 1 MB by default), so an import batch becomes one segment, not several
///   small ones to merge later.
const V3: &str = "
INSERT INTO search (search, rank) VALUES ('hashsize', 16777216);
";
