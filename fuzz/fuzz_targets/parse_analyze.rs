//! Bytes → every format's parser → analysis. Fails on any panic, and on any span that is out of
//! bounds or not on a char boundary of the article text.
#![no_main]

use byline::{Span, analyze, article};
use libfuzzer_sys::fuzz_target;

/// The file names select the parser (plain text, Markdown, JSON, JSON Lines, and sniffing).
const NAMES: [&str; 5] = ["f.txt", "f.md", "f.json", "f.jsonl", "f"];

fn sound(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the format, so the fuzzer can steer it.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let parsed = article::parse(name, bytes);
    for a in &parsed.articles {
        let text = &a.text;
        for b in &a.blocks {
            assert!(sound(text, b.span), "block {:?}", b);
        }
        let analysis = analyze(a);
        for e in &analysis.entities {
            for m in &e.mentions {
                assert!(sound(text, *m), "mention {m:?} of {:?}", e.name);
            }
        }
        for q in &analysis.quotes {
            assert!(sound(text, q.span), "quote {:?}", q.span);
            if let Some(s) = q.speaker_span {
                assert!(sound(text, s), "speaker span {s:?}");
            }
        }
    }
});
