//! Cross-validated accuracy of entities and quotes on `../shared/gold/gum_train` (117 GUM
//! documents, nine genres), scored as `../shared/tools/score.py` scores them (see
//! `tests/gold/mod.rs`). Five folds over the documents, stratified by genre: a model trained on
//! the other folds' documents of the reusable genres (as the shipped model is) scores each fold,
//! so no document is scored by a model that saw it. Prints the rules-alone and the
//! cross-validated tables per genre, and fails when a cross-validated figure falls under its
//! floor.
//!
//! Without `../shared/gold` (or `BYLINE_GOLD_DIR` at build time) the test is ignored, and
//! `cargo test` lists it as ignored with the reason (build.rs decides).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod gold;

/// Floors on the cross-validated F1 (person, organization, place, all), quote F1 and speaker
/// accuracy, per genre and over all: the entity figures measured with the long organization
/// names, the regions and towns of the gazetteer and the model's guards of issue 12 (the shipped
/// seed; `examples/train_model.rs --seeds 8` gives the spread over training seeds, about ±0.02 on
/// a genre), and the quote and speaker figures after issue 12's speaker rules, less 0.005 to 0.01.
/// A speaker floor on a genre of a few counted quotes (bio: 6) leaves room for one miss.
/// Issue 12's person rules (cited authors, greetings, names kept capitalised mid-sentence, first
/// names revived, the model's place for a rules' person) raised person F1 and lowered some
/// organization floors and voyage's person floor to the shipped seed's figure less 0.01: over 8
/// training seeds the mean organization F1 on ALL moves only from 0.577 to 0.573 (the shipped
/// seed's from 0.577 to 0.568), and the falls are the model flipping a few names between kinds
/// (voyage: one people's name, 8 mentions, now organization; vlog: 13 organizations in all, and
/// its all-kinds floor 0.43 -> 0.42 with them).
/// `None`: no floor (too few items to be stable). The targets on GUM's held-out
/// documents (person 0.86, organization 0.65, place 0.85, quotes 0.85, speaker 0.85) are higher;
/// see assets/model/README.md.
type Floor = (&'static str, [f64; 4], Option<f64>, Option<f64>);
#[rustfmt::skip]
const FLOORS: &[Floor] = &[
    ("ALL",       [0.76, 0.55, 0.74, 0.71], Some(0.87), Some(0.86)),
    ("academic",  [0.70, 0.27, 0.66, 0.60], None,       None),
    ("bio",       [0.83, 0.45, 0.79, 0.75], Some(0.74), Some(0.83)),
    ("court",     [0.87, 0.60, 0.39, 0.77], Some(0.86), None),
    ("interview", [0.78, 0.56, 0.82, 0.73], Some(0.86), None),
    ("news",      [0.90, 0.70, 0.84, 0.82], Some(0.93), Some(0.92)),
    ("speech",    [0.67, 0.66, 0.80, 0.72], Some(0.96), Some(0.86)),
    ("textbook",  [0.67, 0.66, 0.75, 0.70], Some(0.79), Some(0.59)),
    ("vlog",      [0.42, 0.07, 0.62, 0.42], Some(0.81), None),
    ("voyage",    [0.13, 0.24, 0.67, 0.57], None,       None),
];

#[test]
#[cfg_attr(
    not(byline_gold),
    ignore = "../shared/gold not found: accuracy not measured"
)]
fn cross_validated_accuracy_keeps_its_floors() {
    let root = gold::gold_root().expect("build.rs found the gold data, but it is gone");
    let docs = gold::load(&root);
    assert!(docs.len() >= 100, "only {} gold documents", docs.len());
    println!(
        "rules alone:\n{}",
        gold::markdown(&gold::rules_table(&docs))
    );
    let cv = gold::cv_table(&docs);
    println!(
        "rules + model, {}-fold cross-validated:\n{}",
        gold::FOLDS,
        gold::markdown(&cv)
    );
    let mut failures = Vec::new();
    for (genre, f1, quotes, speaker) in FLOORS {
        let (row, q) = cv
            .get(*genre)
            .unwrap_or_else(|| panic!("no {genre} documents"));
        let mut all = gold::Counts::default();
        let names = ["person", "organization", "place"];
        for (i, c) in row.iter().enumerate() {
            all.add(*c);
            let f = c.prf().2;
            if f < f1[i] {
                failures.push(format!("{genre} {} F1 {f:.3} < {:.2}", names[i], f1[i]));
            }
        }
        let f = all.prf().2;
        if f < f1[3] {
            failures.push(format!("{genre} all F1 {f:.3} < {:.2}", f1[3]));
        }
        if let Some(floor) = quotes {
            let f = q.quotes.prf().2;
            if f < *floor {
                failures.push(format!("{genre} quote F1 {f:.3} < {floor:.2}"));
            }
        }
        if let Some(floor) = speaker {
            let a = q.speaker().unwrap_or(0.0);
            if a < *floor {
                failures.push(format!("{genre} speaker accuracy {a:.3} < {floor:.2}"));
            }
        }
    }
    assert!(failures.is_empty(), "under the floor: {failures:#?}");
}
