//! The bundled sample articles, built into the binary so that a fresh library can be filled
//! without the source tree.
//!
//! Each file of `assets/articles/` is named here with `include_bytes!`: no build script and no
//! new dependency for seven files, and a test checks that this list and the folder agree, so a
//! sample added to the folder and forgotten here fails the tests.

use super::{Library, Prepared, Result};

/// (file name, contents) of every bundled sample.
pub const SAMPLES: &[(&str, &[u8])] = &[
    (
        "00-seed-article.txt",
        include_bytes!("../../assets/articles/00-seed-article.txt"),
    ),
    (
        "briefs.jsonl",
        include_bytes!("../../assets/articles/briefs.jsonl"),
    ),
    (
        "film-festival.txt",
        include_bytes!("../../assets/articles/film-festival.txt"),
    ),
    (
        "harbour-talks.txt",
        include_bytes!("../../assets/articles/harbour-talks.txt"),
    ),
    (
        "markets.json",
        include_bytes!("../../assets/articles/markets.json"),
    ),
    (
        "osaka-flood-plan.txt",
        include_bytes!("../../assets/articles/osaka-flood-plan.txt"),
    ),
    (
        "rail-strike.md",
        include_bytes!("../../assets/articles/rail-strike.md"),
    ),
];

/// The `meta` key set once the samples have been offered to this library.
const DONE: &str = "samples_imported";

/// On the first call for a library that is empty, imports the bundled samples and returns how
/// many articles were added (the caller says so: "the library was empty: added N sample
/// articles"). Returns `None` on every later call, and for a library that already had articles
/// the first time (the samples are offered once, never mixed into a user's own articles, and
/// not brought back after the user pruned them).
pub fn ensure_samples(library: &Library) -> Result<Option<usize>> {
    if library.meta(DONE)?.is_some() {
        return Ok(None);
    }
    let added = if library.counts()?.articles == 0 {
        let prepared: Vec<Prepared> = SAMPLES
            .iter()
            .flat_map(|(name, bytes)| {
                crate::article::parse(&format!("samples/{name}"), bytes).articles
            })
            .map(Prepared::new)
            .collect();
        Some(library.add(&prepared)?.0)
    } else {
        None
    };
    library.set_meta(DONE, "1")?;
    Ok(added)
}
