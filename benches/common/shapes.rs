//! Hostile article shapes from issue 14, each at a chosen scale: text whose cost grows faster
//! than its size when a stage scans every earlier mention, person or mark. Shared by
//! `benches/linearity.rs` and the robustness tests through `#[path]`, so the library carries no
//! generator code. Deterministic.
#![allow(dead_code)]

/// The shapes, by name, with what they repeat.
pub const SHAPES: &[(&str, &str)] = &[
    (
        "repeated name",
        "'Barack Obama spoke. Obama spoke. ' repeated",
    ),
    ("repeated name, paragraphs", "the same, one paragraph each"),
    (
        "two people and a quote",
        "'Barack Obama met Vladimir Putin. \"Fine,\" Obama said. '",
    ),
    (
        "unpunctuated paragraph",
        "one paragraph without punctuation naming a few people",
    ),
    ("distinct names", "'Xx Yy said. ' with a new name each time"),
    (
        "distinct speakers",
        "'\"We are here,\" said Xx Yy. ' with a new name each time",
    ),
    (
        "named things",
        "'Carnegie Hall, the Hewlett Foundation and the Hubble Telescope. ' repeated",
    ),
];

/// A made-up capitalised name word, different for every `i` below 85³.
fn name(mut i: usize) -> String {
    const CONS: &[u8] = b"bcdfghjklmnprstvz";
    const VOW: &[u8] = b"aeiou";
    let mut s = String::new();
    for k in 0..3 {
        let c = char::from(CONS[i % CONS.len()]);
        s.push(if k == 0 { c.to_ascii_uppercase() } else { c });
        s.push(char::from(VOW[(i / CONS.len()) % VOW.len()]));
        i /= CONS.len() * VOW.len();
    }
    s
}

/// The article text of shape `shape` (an index into [`SHAPES`]) at `scale` (1, 2, 4, 8…): the
/// size grows in proportion to `scale`. About 30–90 kB at scale 1.
pub fn text(shape: usize, scale: usize) -> String {
    let mut out = String::from("Headline\n\n");
    match shape {
        0 => out.push_str(&"Barack Obama spoke. Obama spoke. ".repeat(1000 * scale)),
        1 => out.push_str(&"Barack Obama spoke. Obama spoke.\n\n".repeat(1000 * scale)),
        2 => out.push_str(
            &"Barack Obama met Vladimir Putin. \"Fine,\" Obama said. ".repeat(600 * scale),
        ),
        3 => out.push_str(
            &"Barack Obama and Vladimir Putin met Angela Merkel and then Obama and Putin and \
              Merkel talked about the weather for a long time and "
                .repeat(300 * scale),
        ),
        4 => {
            let n = 3000 * scale;
            for i in 0..n {
                out.push_str(&format!("{} {} said. ", name(i), name((i * 7919 + 13) % n)));
            }
        }
        6 => out.push_str(
            &"She sang at Carnegie Hall, the Hewlett Foundation paid and the Hubble Telescope \
              looked on. "
                .repeat(1000 * scale),
        ),
        _ => {
            let n = 1000 * scale;
            for i in 0..n {
                out.push_str(&format!(
                    "\"We are here,\" said {} {}. ",
                    name(i),
                    name((i * 7919 + 13) % n)
                ));
            }
        }
    }
    out.push('\n');
    out
}
