//! Memory is bounded by the input (issue 14): the analysis of text dense in quotation marks and
//! one-letter words, and the JSON written from it, keep at most five times the text alive (plus
//! the windows the stages read at a time). Counted by a global allocator that tracks the peak of
//! live heap bytes, so the check is deterministic: no timing, no RSS. Its own test binary (one
//! test), so that nothing else allocates at the same time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use byline::{Article, Document};
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOC: PeakAlloc = PeakAlloc;

/// Bytes of each shaped text.
const SIZE: usize = 4_000_000;
/// What the stages hold whatever the article's length: one window of tokens each (128 and
/// 256 KiB of text) and the tables they read.
const WINDOWS: usize = 12 << 20;

/// The peak of live heap bytes, above what was live before, while `shape` repeated to `SIZE`
/// bytes is made into an article, analysed and written as JSON.
fn peak_of(shape: &str) -> (usize, usize) {
    let base = ALLOC.current_usage();
    ALLOC.reset_peak_usage();
    let text = shape.repeat(SIZE / shape.len());
    let len = text.len();
    let doc = Document::analyze(Article {
        text,
        ..Article::default()
    });
    serde_json::to_writer(std::io::sink(), &doc).unwrap();
    // One-word quotations are found (and kept up to the budget): the shape costs what it should.
    assert!(shape != "\"a 'b " || doc.analysis.quotes.len() > len / 64);
    drop(doc);
    (ALLOC.peak_usage().saturating_sub(base), len)
}

#[test]
fn text_dense_in_quotation_marks_keeps_at_most_five_times_its_size() {
    // Warm up: the lexicon and the model are read once per process, whatever the input.
    let _ = Document::analyze(Article {
        text: "\"Fine,\" Barack Obama said in Paris.".to_string(),
        ..Article::default()
    });
    for shape in ["\"", "\"'", "\"a 'b "] {
        let (peak, len) = peak_of(shape);
        eprintln!(
            "{shape:?}: {len} bytes, peak {peak} bytes ({:.2}x)",
            peak as f64 / len as f64
        );
        assert!(
            peak <= 5 * len + WINDOWS,
            "{shape:?}: peak {peak} bytes for {len} bytes of text"
        );
    }
}
