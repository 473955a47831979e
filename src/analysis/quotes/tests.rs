//! Pattern tests for the quote finder: one per detection rule and attribution pattern.
#![allow(clippy::unwrap_used)]
use super::*;
use crate::analysis::EntityKind;
use crate::article::{Block, BlockKind};

fn article(paragraphs: &[&str]) -> Article {
    let text = paragraphs.join("\n\n");
    let mut blocks = Vec::new();
    let mut at = 0;
    for p in paragraphs {
        blocks.push(Block::new(BlockKind::Paragraph, at, at + p.len()));
        at += p.len() + 2;
    }
    Article {
        text,
        blocks,
        ..Article::default()
    }
}

type Row = (QuoteKind, String, Option<String>);

/// (kind, quoted text, speaker text) for each quote.
fn run(paragraphs: &[&str]) -> Vec<Row> {
    rows(&article(paragraphs))
}

/// (kind, quoted text, speaker text) for each quote of `a`.
fn rows(a: &Article) -> Vec<Row> {
    extract(a, &[])
        .into_iter()
        .map(|q| {
            (
                q.kind,
                q.span.slice(&a.text).to_string(),
                q.speaker_text(&a.text).map(String::from),
            )
        })
        .collect()
}

fn only(paragraphs: &[&str]) -> Row {
    let rows = run(paragraphs);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    rows.into_iter().next().unwrap()
}

fn speaker_of(paragraphs: &[&str]) -> Option<String> {
    only(paragraphs).2
}

#[test]
fn apostrophes_are_not_quotes() {
    assert!(
        run(&[
            "Putin's forces played rock 'n' roll and rock ’n’ roll from the '90s, the girls' way."
        ])
        .is_empty()
    );
}

#[test]
fn direct_quote_with_said_after() {
    let (kind, text, speaker) = only(&["\"We will not back down,\" Ned Price said."]);
    assert_eq!(kind, QuoteKind::Direct);
    assert_eq!(text, "\"We will not back down,\"");
    assert_eq!(speaker.as_deref(), Some("Ned Price"));
}

#[test]
fn curly_quote_with_inverted_said_and_apposition() {
    assert_eq!(
        speaker_of(&["“Seventeen years ago, this would not have been possible,” said Ambassador Mohib, the envoy."])
            .as_deref(),
        Some("Ambassador Mohib")
    );
}

#[test]
fn speaker_before_with_colon_and_told() {
    assert_eq!(
        speaker_of(&[
            "On Wednesday, Home Secretary Suella Braverman told GB News: \"It's clear that we have a problem.\""
        ])
        .as_deref(),
        Some("Home Secretary Suella Braverman")
    );
}

#[test]
fn a_conjunction_starts_the_speakers_clause() {
    assert_eq!(
        speaker_of(&["Former President Olusegun Obasanjo attended, and Linda Park, a trader, said \"it is over.\""])
            .as_deref(),
        Some("Linda Park")
    );
}

#[test]
fn speaker_before_with_apposition_between_commas() {
    assert_eq!(
        speaker_of(&["Jeff Rathke, the State Department Spokesperson, said, \"We urge the governments to work together.\""])
            .as_deref(),
        Some("Jeff Rathke")
    );
    assert_eq!(
        speaker_of(&["After the match, Hernan Dario Gomez, Panama coach, said, \"I think we have learned a lot.\""])
            .as_deref(),
        Some("Hernan Dario Gomez")
    );
}

#[test]
fn speaker_after_with_apposition() {
    assert_eq!(
        speaker_of(&["\"Had it happened an hour later it would have been much worse,\" Khaled Al-Maeena, editor at large at the Saudi Gazette, said."])
            .as_deref(),
        Some("Khaled Al-Maeena")
    );
}

#[test]
fn dash_attribution() {
    assert_eq!(
        speaker_of(&["\"So far, it's the Internet: 1, Scientology: 0. But it's a long game.\" — Matthew Ingram"])
            .as_deref(),
        Some("Matthew Ingram")
    );
}

#[test]
fn according_to_attribution() {
    assert_eq!(
        speaker_of(&[
            "According to the coach, \"the robot scored one or two points in the first match.\""
        ])
        .as_deref(),
        Some("the coach")
    );
}

#[test]
fn other_speech_verbs() {
    for verb in [
        "added",
        "warned",
        "insisted",
        "noted",
        "wrote",
        "tweeted",
        "explained",
    ] {
        let p = format!("\"The plan is dead and buried now,\" Kerry {verb}.");
        assert_eq!(speaker_of(&[&p]).as_deref(), Some("Kerry"), "{verb}");
    }
}

#[test]
fn the_subject_who_accuses_or_praises_in_quoted_words_is_the_speaker() {
    for verb in ["accused", "praised"] {
        let p = format!(
            "Opposition leader Ewa Nowak {verb} the government of \"playing chicken with the budget\"."
        );
        assert_eq!(
            speaker_of(&[&p]).as_deref(),
            Some("Opposition leader Ewa Nowak"),
            "{verb}"
        );
    }
}

#[test]
fn speaker_from_the_sentence_before() {
    let rows = run(&["Kerry was blunt. \"We will not accept this outcome at all.\""]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].2.as_deref(), Some("Kerry"));
}

#[test]
fn speaker_from_previous_paragraph_ending_in_colon() {
    let rows = run(&[
        "US President Barack Obama tweeted using his account:",
        "\"Cool clock, Ahmed. Want to bring it to the White House?\"",
    ]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].2.as_deref(), Some("US President Barack Obama"));
}

#[test]
fn interrupted_quote_keeps_its_speaker() {
    let rows = run(&[
        "\"We are so interested,\" team member Rodaba Noori told the press, \"to show that we can make robots.\"",
        "\"Had it happened an hour later it would have been worse,\" she said. \"It was close.\"",
    ]);
    assert_eq!(rows.len(), 4, "{rows:#?}");
    assert_eq!(rows[0].2.as_deref(), Some("team member Rodaba Noori"));
    assert_eq!(rows[1].2.as_deref(), Some("team member Rodaba Noori"));
    assert_eq!(rows[2].2.as_deref(), Some("she"));
    assert_eq!(rows[3].2.as_deref(), Some("she"));
}

#[test]
fn nested_term_inside_a_quote_is_scare() {
    let rows = run(&["\"They called me the 'anti-christ' of the church,\" Rathbun said."]);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].0, QuoteKind::Direct);
    assert_eq!(rows[1].0, QuoteKind::Scare);
    assert_eq!(rows[1].1, "'anti-christ'");
}

#[test]
fn multi_paragraph_quote_is_one_direct_quote() {
    let rows = run(&[
        "Boswell said: \"People fleeing desperate circumstances need quicker decisions.",
        "\"No one's right to refuge should be jeopardised by a form.\"",
    ]);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].0, QuoteKind::Direct);
    assert!(rows[0].1.ends_with("by a form.\""));
    assert_eq!(rows[0].2.as_deref(), Some("Boswell"));
}

#[test]
fn unbalanced_mark_stops_at_paragraph_end() {
    let rows = run(&[
        "The minister said \"we will never agree to this deal, whatever happens.",
        "Talks resumed on Monday in Geneva with both delegations present.",
    ]);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert!(rows[0].1.ends_with("happens."));
}

#[test]
fn partial_quote_with_speech_verb() {
    let (kind, text, speaker) =
        only(&["Nunzio Galantino has called the sentence \"dangerous\" in a statement."]);
    assert_eq!(kind, QuoteKind::Partial);
    assert_eq!(text, "\"dangerous\"");
    assert_eq!(speaker.as_deref(), Some("Nunzio Galantino"));
    let (kind, _, speaker) =
        only(&["Minister Stefania Giannini said a \"more general reflection\" is needed."]);
    assert_eq!(kind, QuoteKind::Partial);
    assert_eq!(speaker.as_deref(), Some("Minister Stefania Giannini"));
}

#[test]
fn scare_quotes_are_terms_nobody_is_saying() {
    for p in [
        "Leaders discussed the so-called \"peace plan\" on Monday.",
        "The robot was named \"Robogee.\"",
        "The film \"Cowboys and Indians\" opened in 1987.",
        "The girls were granted \"parole\" status on Friday.",
        "The army was told to prepare a \"quasi-state of war\" on Friday.",
        "A cosplayer going by the name \"The Katherinator\" waited outside.",
        "The seats are commonly known as \"Super District Council\" seats.",
    ] {
        let (kind, text, speaker) = only(&[p]);
        assert_eq!(kind, QuoteKind::Scare, "{text} in {p}");
        assert_eq!(speaker, None);
    }
}

#[test]
fn single_marks_when_primary() {
    let rows = run(&[
        "‘We will not go back,’ the minister said. She certainly wasn't 'forced' to be there.",
    ]);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert_eq!(rows[0].0, QuoteKind::Direct);
    assert_eq!(rows[0].2.as_deref(), Some("the minister"));
    assert_eq!(rows[1].0, QuoteKind::Scare);
}

#[test]
fn guillemets_are_quotes() {
    let (kind, _, speaker) = only(&["« Nous ne céderons pas », a dit Macron, said a witness."]);
    assert_eq!(kind, QuoteKind::Direct);
    assert!(speaker.is_some());
}

#[test]
fn a_place_after_a_home_town_is_not_the_speaker() {
    // "Boston, Massachusetts" is one place in the person's apposition.
    for (text, who) in [
        (
            "John Smith of Boston, Massachusetts, said \"the storm was bad.\"",
            "John Smith",
        ),
        (
            "José Martínez of Mérida, Mexico, said \"it was the worst.\"",
            "José Martínez",
        ),
        // A person after the place is still the speaker.
        (
            "The mayor of Naxos, Stavros Kallis, said \"fares would hurt.\"",
            "Stavros Kallis",
        ),
    ] {
        assert_eq!(speaker_of(&[text]).as_deref(), Some(who), "{text}");
    }
}

#[test]
fn told_an_audience_then_the_statement() {
    let rows = run(&[
        "Chief executive C.C. Wei told investors demand for chips remained strong, according to a transcript of the call.",
    ]);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].1, "demand for chips remained strong");
    assert!(
        rows[0]
            .2
            .as_deref()
            .is_some_and(|s| s.ends_with("C.C. Wei")),
        "{rows:#?}"
    );
    assert_eq!(
        speaker_of(&["Smith told the court the money had gone missing in March."]).as_deref(),
        Some("Smith")
    );
    // A discourse marker, not a report.
    assert!(run(&["And, I can tell them, some of the candidates went in."]).is_empty());
}

#[test]
fn a_name_before_called_is_the_speaker() {
    let (kind, _, speaker) = only(&[
        "It was a result that Prime Minister Donald Tusk called \"a warning we will heed.\"",
    ]);
    assert_eq!(kind, QuoteKind::Partial);
    assert!(
        speaker
            .as_deref()
            .is_some_and(|s| s.ends_with("Donald Tusk")),
        "{speaker:?}"
    );
    // A thing called so is still a name, not speech.
    let (kind, _, speaker) = only(&["They formed a band called \"The Quarrymen\" in 1956."]);
    assert_eq!((kind, speaker), (QuoteKind::Scare, None));
}

#[test]
fn reported_speech_patterns() {
    let rows = run(&[
        "Diplomats met on the sidelines of the summit but failed to reach an agreement, officials said.",
        "Kerry and Lavrov could not come to an agreement, a senior State Department official told the Associated Press.",
        "Details will be released later in the day, White House spokesman Ned Price said, according to the Associated Press.",
        "The US State Department said John Kerry contacted Thailand's foreign minister.",
        "The ship reached port on Friday, according to the coast guard.",
    ]);
    let speakers: Vec<_> = rows.iter().map(|r| (r.0, r.2.as_deref())).collect();
    assert_eq!(
        speakers,
        [
            (QuoteKind::Reported, Some("officials")),
            (
                QuoteKind::Reported,
                Some("a senior State Department official")
            ),
            (QuoteKind::Reported, Some("White House spokesman Ned Price")),
            (QuoteKind::Reported, Some("The US State Department")),
            (QuoteKind::Reported, Some("the coast guard")),
        ]
    );
    assert_eq!(
        rows[0].1,
        "Diplomats met on the sidelines of the summit but failed to reach an agreement"
    );
    assert_eq!(
        rows[3].1,
        "John Kerry contacted Thailand's foreign minister"
    );
}

#[test]
fn plain_narration_is_not_reported_speech() {
    assert!(
        run(&[
            "The conflict has continued on both sides, and the talks stalled in the United States."
        ])
        .is_empty()
    );
}

fn entity(id: &str, kind: EntityKind, name: &str, text: &str, surface: &[&str]) -> Entity {
    let mut mentions = Vec::new();
    for s in surface {
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| t.find(s)) {
            mentions.push(Span::new(from + i, from + i + s.len()));
            from += i + s.len();
        }
    }
    mentions.sort();
    Entity {
        id: id.into(),
        kind,
        name: name.into(),
        role: None,
        mentions: mentions.into(),
    }
}

#[test]
fn speaker_links_to_the_entity_mentioned_in_the_phrase() {
    let a =
        article(&["\"Details will follow later today,\" White House spokesman Ned Price said."]);
    let ents = [
        entity(
            "white-house",
            EntityKind::Organization,
            "White House",
            &a.text,
            &["White House"],
        ),
        entity(
            "ned-price",
            EntityKind::Person,
            "Ned Price",
            &a.text,
            &["Ned Price"],
        ),
    ];
    let q = extract(&a, &ents);
    assert_eq!(q[0].speaker.as_deref(), Some("ned-price"));
    assert_eq!(
        q[0].speaker_text(&a.text),
        Some("White House spokesman Ned Price")
    );
}

#[test]
fn speaker_is_the_organization_not_the_place_it_is_in() {
    let a = article(&[
        "Traffic through the canal fell by half, according to the Canal Authority in Ismailia.",
        "\"Fees are down,\" said the Port Board of Durban.",
    ]);
    let ents = [
        entity(
            "canal-authority",
            EntityKind::Organization,
            "Canal Authority",
            &a.text,
            &["Canal Authority"],
        ),
        entity(
            "ismailia",
            EntityKind::Place,
            "Ismailia",
            &a.text,
            &["Ismailia"],
        ),
        entity(
            "port-board",
            EntityKind::Organization,
            "Port Board",
            &a.text,
            &["Port Board"],
        ),
        entity("durban", EntityKind::Place, "Durban", &a.text, &["Durban"]),
    ];
    let q = extract(&a, &ents);
    let speakers: Vec<_> = q.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("canal-authority"), Some("port-board")]);
}

#[test]
fn the_place_a_speaker_is_in_or_inside_a_name_is_no_speaker() {
    let a = article(&[
        "According to a senior official in Brussels, the Commission could freeze the funds.",
        "Analysts at the University of Warsaw said the most likely outcome was a delay.",
    ]);
    let ents = [
        entity(
            "brussels",
            EntityKind::Place,
            "Brussels",
            &a.text,
            &["Brussels"],
        ),
        entity(
            "university-of-warsaw",
            EntityKind::Organization,
            "University of Warsaw",
            &a.text,
            &["University of Warsaw"],
        ),
        entity("warsaw", EntityKind::Place, "Warsaw", &a.text, &["Warsaw"]),
    ];
    let q = extract(&a, &ents);
    let speakers: Vec<_> = q.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [None, Some("university-of-warsaw")]);
}

#[test]
fn a_speaker_phrase_holds_the_whole_name_it_falls_in() {
    let a = article(&[
        "The Disaster and Dyke Management Authority said more than 31,000 homes had flooded.",
    ]);
    let ents = [entity(
        "ddma",
        EntityKind::Organization,
        "Disaster and Dyke Management Authority",
        &a.text,
        &["Disaster and Dyke Management Authority"],
    )];
    let q = extract(&a, &ents);
    assert_eq!(q[0].speaker.as_deref(), Some("ddma"));
    assert_eq!(
        q[0].speaker_text(&a.text),
        Some("Disaster and Dyke Management Authority")
    );
}

#[test]
fn reported_speech_keeps_a_name_s_full_stop() {
    let a = article(&["Analysts said the deal would help Apple Inc."]);
    let ents = [entity(
        "apple",
        EntityKind::Organization,
        "Apple Inc.",
        &a.text,
        &["Apple Inc."],
    )];
    let q = extract(&a, &ents);
    assert_eq!(q[0].kind, QuoteKind::Reported);
    assert_eq!(q[0].span.slice(&a.text), "the deal would help Apple Inc.");
}

#[test]
fn pronoun_speaker_resolves_by_gender() {
    let a = article(&[
        "Ms. Yvette Cooper met Mr. Rishi Sunak on Monday. She spoke first, and he listened.",
        "\"We have a plan to fast-track cases,\" she said.",
        "\"We are working intensely on it,\" he said.",
    ]);
    let ents = [
        entity(
            "yvette-cooper",
            EntityKind::Person,
            "Yvette Cooper",
            &a.text,
            &["Yvette Cooper"],
        ),
        entity(
            "rishi-sunak",
            EntityKind::Person,
            "Rishi Sunak",
            &a.text,
            &["Rishi Sunak"],
        ),
    ];
    let q = extract(&a, &ents);
    let speakers: Vec<_> = q
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.speaker.as_deref())
        .collect();
    assert_eq!(speakers, [Some("yvette-cooper"), Some("rishi-sunak")]);
}

#[test]
fn it_follows_the_previous_organization_speaker() {
    let a = article(&[
        "\"Six shells hit the area near the posts,\" said KCNA. \"Foolhardy provocation deserves harsh punishment\", it added.",
    ]);
    let ents = [entity(
        "kcna",
        EntityKind::Organization,
        "Korean Central News Agency",
        &a.text,
        &["KCNA"],
    )];
    let q = extract(&a, &ents);
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].speaker_text(&a.text), Some("it"));
    assert_eq!(q[1].speaker.as_deref(), Some("kcna"));
}

#[test]
fn spans_are_char_boundaries_on_any_input() {
    for text in [
        "“",
        "'’‘\"«»",
        "é\"ü\"",
        "\"\"\"",
        "a\n\n\"b\n\n\"",
        "« »",
        "\"'\"'",
    ] {
        let a = article(&[text]);
        for q in extract(&a, &[]) {
            assert!(a.text.get(q.span.start..q.span.end).is_some());
        }
    }
}

#[test]
fn passive_attribution_names_the_agent() {
    let (kind, _, speaker) = only(&["The motion was described by one colleague as \"a stunt.\""]);
    assert_eq!(kind, QuoteKind::Partial);
    assert_eq!(speaker.as_deref(), Some("one colleague"));
}

#[test]
fn titles_with_abbreviations_and_title_nouns_are_scare() {
    let (kind, ..) =
        only(&["The film \"Mr. Smith Goes to Washington\" was screened at the Capitol."]);
    assert_eq!(kind, QuoteKind::Scare);
    let (kind, ..) = only(&["\"Nobody has.\" That was all."]);
    assert_eq!(kind, QuoteKind::Direct);
}

#[test]
fn apposition_prefers_the_proper_name() {
    let rows = run(&[
        "Biden's chief of staff, Jeff Zients, said in a memo that agencies should prepare for a lapse.",
    ]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, QuoteKind::Reported);
    assert_eq!(rows[0].2.as_deref(), Some("Jeff Zients"));
}

#[test]
fn pronoun_gender_from_first_name_outweighs_a_stray_pronoun() {
    // "she" after "remove Johnson" is Greene's, not Johnson's; his first name says he is male.
    let a = article(&[
        "President Joe Biden said he would sign the bill.",
        "Speaker Mike Johnson defended the deal. Rep. Marjorie Greene moved to remove Johnson, though she said she would wait.",
        "\"We fought for conservative wins,\" he said.",
    ]);
    let ents = [
        entity(
            "joe-biden",
            EntityKind::Person,
            "Joe Biden",
            &a.text,
            &["Joe Biden"],
        ),
        entity(
            "mike-johnson",
            EntityKind::Person,
            "Mike Johnson",
            &a.text,
            &["Mike Johnson", "Johnson,"],
        ),
        entity(
            "marjorie-greene",
            EntityKind::Person,
            "Marjorie Greene",
            &a.text,
            &["Marjorie Greene"],
        ),
    ];
    let q: Vec<_> = extract(&a, &ents)
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(q[0].speaker.as_deref(), Some("mike-johnson"));
}

#[test]
fn single_marks_in_a_story_that_also_uses_double_marks() {
    let rows = run(&[
        "The minister said the plan \"will not be rushed\".",
        "Mick Lynch told The Guardian: 'Every day of delay costs passengers money.",
        "'The public wants this done now, not in five years' time.'",
    ]);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert_eq!(rows[1].0, QuoteKind::Direct);
    assert!(rows[1].1.starts_with("'Every day"));
    assert!(rows[1].1.ends_with("years' time.'"), "{}", rows[1].1);
    assert_eq!(rows[1].2.as_deref(), Some("Mick Lynch"));
}

#[test]
fn a_new_paragraph_inherits_a_speaker_only_from_speech_or_a_colon() {
    let rows = run(&[
        "Critics said it was wrong.",
        "\"The figures speak for themselves and always have,\" the report concluded.",
        "\"Nobody was consulted about any of this at all.\"",
    ]);
    let speech: Vec<_> = rows.iter().filter(|r| r.0 == QuoteKind::Direct).collect();
    assert_eq!(speech[0].2.as_deref(), Some("the report"));
    // The third paragraph follows a quotation: the speaker goes on.
    assert_eq!(speech[1].2.as_deref(), Some("the report"));
    // After a paragraph that reports someone's words, that someone goes on speaking.
    let rows = run(&[
        "Critics said it was wrong.",
        "\"Nobody was consulted about any of this.\"",
    ]);
    assert_eq!(rows.last().unwrap().2.as_deref(), Some("Critics"));
    // After narration, with no colon, a paragraph's quotation gets no speaker from it.
    let rows = run(&[
        "The talks resumed on Monday in Geneva.",
        "\"Nobody was consulted about any of this.\"",
    ]);
    assert_eq!(rows.last().unwrap().2, None);
}

#[test]
fn trailing_attribution_keeps_the_whole_organisation_name() {
    let rows = run(&[
        "One in ten trains was cancelled in the past year, the Office of Rail and Road said.",
    ]);
    assert_eq!(rows[0].2.as_deref(), Some("the Office of Rail and Road"));
}

#[test]
fn block_quotation_without_marks_is_one_direct_quote() {
    let text = "The union published a statement from its general secretary, Paulo Rebelo:\n\nNobody takes this lightly.\n\nWe will go back when safety comes first.\n\nThe company declined to comment on the statement.";
    let p: Vec<&str> = text.split("\n\n").collect();
    let mut a = article(&p);
    a.blocks[1].kind = BlockKind::Blockquote;
    a.blocks[2].kind = BlockKind::Blockquote;
    let q = extract(&a, &[]);
    let direct: Vec<_> = q.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 1, "{q:#?}");
    assert_eq!(
        direct[0].span.slice(&a.text),
        "Nobody takes this lightly.\n\nWe will go back when safety comes first."
    );
    assert_eq!(direct[0].speaker_text(&a.text), Some("Paulo Rebelo"));
}

#[test]
fn nouns_that_look_like_speech_verbs() {
    assert!(
        run(&["Recent reports have revealed that a defector was persuaded to travel back."])
            .is_empty()
    );
}

fn headline_quotes(headline: &str) -> Vec<Row> {
    let text = format!("{headline}\n\nThe body of the story follows here.");
    let mut a = article(&[headline, "The body of the story follows here."]);
    a.blocks[0].kind = BlockKind::Headline;
    assert_eq!(a.text, text);
    rows(&a)
}

#[test]
fn headline_quotes_and_their_speakers() {
    let rows =
        headline_quotes("Ministers 'Will Not Be Rushed' on Rail Reform, Says Transport Secretary");
    assert_eq!(rows[0].0, QuoteKind::Partial, "{rows:#?}");
    assert_eq!(rows[0].2.as_deref(), Some("Transport Secretary"));
    let rows = headline_quotes("'We Will Not Back Down,' Says Prime Minister");
    assert_eq!(rows[0].0, QuoteKind::Direct, "{rows:#?}");
    assert_eq!(rows[0].2.as_deref(), Some("Prime Minister"));
    let rows = headline_quotes("North Korea Puts Military in 'Quasi-State of War'");
    assert_eq!(rows[0].0, QuoteKind::Scare, "{rows:#?}");
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    fn check(a: &Article) {
        let quotes = extract(a, &[]);
        let mut last_start = 0;
        for q in &quotes {
            assert!(a.text.get(q.span.start..q.span.end).is_some(), "{q:?}");
            assert!(q.span.start < q.span.end);
            assert!(q.span.start >= last_start, "quotes out of order");
            last_start = q.span.start;
            if let Some(s) = q.speaker_span {
                assert!(s.start < s.end, "empty or inverted speaker span: {q:?}");
                assert!(a.text.get(s.start..s.end).is_some(), "{q:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn any_text_gives_valid_ordered_spans(
            s in "[a-zA-Zé漢 \"'“”‘’«»‹›„,.:;!?()\\n—-]{0,160}"
        ) {
            // Without blocks (paragraphs found from blank lines) and with one block per line.
            check(&Article { text: s.clone(), ..Article::default() });
            let lines: Vec<&str> = s.split('\n').collect();
            check(&article(&lines));
        }

        #[test]
        fn wire_like_text_gives_valid_ordered_spans(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("\"We will win,\" "), Just("she said. "), Just("said Ned Price, "),
                    Just("'Hope' "), Just("the girls' "), Just("rock 'n' roll "), Just("“Yes” "),
                    Just("according to officials, "), Just("\n\n"), Just("Kerry told AP: "),
                    Just("« oui » "), Just("the so-called \"plan\" "), Just("'90s "),
                ],
                0..30,
            )
        ) {
            let s: String = parts.concat();
            check(&Article { text: s, ..Article::default() });
        }
    }
}

#[test]
fn pronoun_speaker_is_not_the_person_the_quote_talks_about() {
    let a = article(&[
        "For Kevin Allton, a USI instructor, Andy Warhol was also a legend. He said, \"Andy Warhol was the center of the Zeitgeist.\"",
    ]);
    let ents = [
        entity(
            "kevin-allton",
            EntityKind::Person,
            "Kevin Allton",
            &a.text,
            &["Kevin Allton"],
        ),
        entity(
            "andy-warhol",
            EntityKind::Person,
            "Andy Warhol",
            &a.text,
            &["Andy Warhol"],
        ),
    ];
    let q = extract(&a, &ents);
    assert_eq!(q[0].speaker.as_deref(), Some("kevin-allton"));
}

#[test]
fn dotted_abbreviations_stay_in_the_speaker_phrase() {
    assert_eq!(
        speaker_of(&["The U.S. Department of Agriculture notes, \"Ground-level ozone causes more damage to plants.\""])
            .as_deref(),
        Some("The U.S. Department of Agriculture")
    );
}

#[test]
fn characterising_verbs_make_partial_quotes() {
    for p in [
        "The senator vowed to \"fight to the end.\"",
        "Critics branded the decision \"a disgrace\" on Monday.",
        "The mayor dismissed the report as \"fake news\" yesterday.",
    ] {
        let (kind, ..) = only(&[p]);
        assert_eq!(kind, QuoteKind::Partial, "{p}");
    }
}

#[test]
fn sentences_that_are_not_reported_speech() {
    for p in [
        "It is said that the castle is haunted by a ghost.",
        "The company said in a statement.",
        "She told him to leave the building.",
        "Needless to say, the plan failed in the end.",
    ] {
        assert!(run(&[p]).is_empty(), "{p}: {:?}", run(&[p]));
    }
    let rows = run(&["Asked about it, she said she did not know the answer."]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1, "she did not know the answer");
    assert_eq!(rows[0].2.as_deref(), Some("she"));
}

#[test]
fn title_nouns_make_scare_quotes_only_of_titles() {
    let (kind, ..) = only(&["She starred in the film \"Casablanca\" in 1942."]);
    assert_eq!(kind, QuoteKind::Scare);
    let (kind, _, speaker) =
        only(&["Inés Ferrer said the company had watched the film \"twice in one night.\""]);
    assert_eq!(kind, QuoteKind::Partial);
    assert_eq!(speaker.as_deref(), Some("Inés Ferrer"));
}

#[test]
fn pronoun_prefers_the_subject_of_a_recent_sentence() {
    let a = article(&[
        "United manager Erik ten Hag was frustrated. \"We had chances,\" he said.",
        "Guardiola, asked about Haaland's form, smiled. \"He's a machine,\" he said.",
    ]);
    let ents = [
        entity(
            "erik-ten-hag",
            EntityKind::Person,
            "Erik ten Hag",
            &a.text,
            &["Erik ten Hag"],
        ),
        entity(
            "guardiola",
            EntityKind::Person,
            "Guardiola",
            &a.text,
            &["Guardiola"],
        ),
        entity(
            "erling-haaland",
            EntityKind::Person,
            "Erling Haaland",
            &a.text,
            &["Haaland"],
        ),
    ];
    let q = extract(&a, &ents);
    let speakers: Vec<_> = q.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("erik-ten-hag"), Some("guardiola")]);
}

#[test]
fn a_role_names_the_person_who_holds_it() {
    let a = article(&[
        "Infrastructure Minister Rui Falcao said the government would wait.",
        "\"This is a matter between a company and its workers,\" the minister said.",
    ]);
    let mut falcao = entity(
        "rui-falcao",
        EntityKind::Person,
        "Rui Falcao",
        &a.text,
        &["Rui Falcao"],
    );
    falcao.role = Some("Infrastructure Minister".into());
    let q = extract(&a, &[falcao]);
    let direct = q.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
    assert_eq!(direct.speaker_text(&a.text), Some("the minister"));
    assert_eq!(direct.speaker.as_deref(), Some("rui-falcao"));
}

#[test]
fn reported_speech_after_a_day() {
    for p in [
        "The minister said Monday that the talks would resume in Geneva.",
        "The minister said Monday the talks would resume in Geneva.",
        "The minister said on Monday that the talks would resume in Geneva.",
    ] {
        let rows = run(&[p]);
        assert_eq!(rows.len(), 1, "{p}");
        assert_eq!(rows[0].1, "the talks would resume in Geneva", "{p}");
        assert_eq!(rows[0].2.as_deref(), Some("The minister"));
    }
}

#[test]
fn ampersands_stay_in_speaker_names() {
    assert_eq!(
        speaker_of(&[
            "\"Shipping is a cyclical business,\" said Andreas Kouris of Kouris & Partners."
        ])
        .as_deref(),
        Some("Andreas Kouris of Kouris & Partners")
    );
}

// ----- index arithmetic at the edges: one minimal input per guarded site ----------------------

/// Quotes and speakers are sound: ordered, non-empty spans on char boundaries, and a speaker
/// phrase that is a non-empty span on char boundaries.
fn assert_sound(a: &Article, quotes: &[Quote]) {
    for q in quotes {
        assert!(q.span.start < q.span.end, "{q:?}");
        assert!(a.text.get(q.span.start..q.span.end).is_some(), "{q:?}");
        if let Some(s) = q.speaker_span {
            assert!(s.start < s.end, "empty or inverted speaker span: {q:?}");
            assert!(a.text.get(s.start..s.end).is_some(), "{q:?}");
        }
    }
}

#[test]
fn headline_opening_with_a_speech_verb_names_nobody_before_it() {
    // `headline_speaker` looked for the phrase before the verb at `v - 1` with `v == 0`.
    for headline in ["said “ A ", "Says “ Minister ”", "warns: “We will”", "Says"] {
        let mut a = article(&[headline]);
        a.blocks[0].kind = BlockKind::Headline;
        let quotes = extract(&a, &[]);
        assert_sound(&a, &quotes);
        assert!(
            quotes.iter().all(|q| q.speaker_span.is_none()),
            "{quotes:?}"
        );
    }
    // The verb after the headline's first word still finds the phrase before it.
    let rows = headline_quotes("Minister warns: 'We will not be rushed'");
    assert_eq!(rows[0].2.as_deref(), Some("Minister"), "{rows:#?}");
}

#[test]
fn according_to_with_nobody_before_the_comma_names_no_speaker() {
    // The speaker ran from the token after "to" to the one before the comma: empty or inverted.
    for p in [
        "According to, the plan will fail badly now.",
        "According to , the plan will fail badly now.",
    ] {
        let a = article(&[p]);
        let quotes = extract(&a, &[]);
        assert_sound(&a, &quotes);
    }
    let rows = run(&["According to officials, the plan will fail badly now."]);
    assert_eq!(rows[0].2.as_deref(), Some("officials"), "{rows:#?}");
}

#[test]
fn one_word_block_quotation_ends_on_its_word() {
    // `block_quote` takes the unit's last token as `toks.1 - 1`.
    let mut a = article(&["Intro.", "Yes"]);
    a.blocks[1].kind = BlockKind::Blockquote;
    let quotes = extract(&a, &[]);
    assert_sound(&a, &quotes);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].span.slice(&a.text), "Yes");
}

#[test]
fn double_opener_right_after_an_opener_ends_the_first_before_it() {
    // The unclosed quotation ends at the token before the new opener (`min(s_end, tok) - 1`).
    for p in ["““", "“a “b”", "\"“x"] {
        let a = article(&[p]);
        assert_sound(&a, &extract(&a, &[]));
    }
    assert_eq!(run(&["He said “yes “no,” she said."]).len(), 2);
}

#[test]
fn quotation_at_the_very_start_of_the_text() {
    // `starts_sentence` / `introduced` look at the token before the opening mark.
    for p in ["\"a\" said", "'a' b", "“Yes”", "‘x’ y z"] {
        let a = article(&[p]);
        assert_sound(&a, &extract(&a, &[]));
    }
    let rows = run(&["\"We will win,\" she said."]);
    assert_eq!(rows[0].0, QuoteKind::Direct);
}

#[test]
fn a_term_inside_a_term_is_one_scare_quote() {
    // Found by the properties: an unclosed guillemet holding a double-marked term gave two
    // overlapping scare quotes.
    for text in ["« “ #  “« ", "the so-called «peace “plan”» again"] {
        let a = article(&[text]);
        let quotes = extract(&a, &[]);
        assert_sound(&a, &quotes);
        let scare: Vec<Span> = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Scare)
            .map(|q| q.span)
            .collect();
        assert!(
            scare.windows(2).all(|w| !w[0].overlaps(&w[1])),
            "{text:?}: {quotes:?}"
        );
        let parsed = crate::article::parse("prop.txt", text.as_bytes());
        for a in &parsed.articles {
            let q = extract(a, &[]);
            let scare: Vec<Span> = q
                .iter()
                .filter(|q| q.kind == QuoteKind::Scare)
                .map(|q| q.span)
                .collect();
            assert!(scare.windows(2).all(|w| !w[0].overlaps(&w[1])), "{q:?}");
        }
    }
}

#[test]
fn one_word_quotations_keep_bounded_records() {
    // Issue 14: `"a 'b ` repeated is a partial quotation every six bytes and four tokens; read
    // whole it cost some 50 times the text. Now the tokens live one window at a time and the
    // quotations kept are bounded by the budget.
    let dense = "\"a 'b ".repeat(100_000);
    let a = article(&[&dense]);
    let quotes = extract(&a, &[]);
    assert!(!quotes.is_empty());
    assert!(
        quotes.len() <= quote_budget(dense.len()),
        "{}",
        quotes.len()
    );
    assert!(
        quotes
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
    );
    let windows = text::windows(&a.text, text::units(&a), WINDOW);
    assert!(windows.len() >= dense.len() / WINDOW, "{}", windows.len());
    let mut at = 0;
    for w in &windows {
        let bytes: usize = w.iter().map(|u| u.span.len()).sum();
        assert!(bytes <= WINDOW + text::CUT_SEARCH, "{bytes}");
        for u in w {
            assert_eq!(u.span.start, at, "the pieces cover the paragraph in order");
            at = u.span.end;
        }
        assert!(Doc::from_units(&a.text, w.clone()).toks.len() <= WINDOW);
    }
    assert_eq!(at, dense.len());
}

#[test]
fn a_news_story_is_one_window() {
    let a = article(&[
        "\"We will not go back,\" Smith said.",
        "She added that the talks would go on.",
    ]);
    let units = text::units(&a);
    let windows = text::windows(&a.text, units.clone(), WINDOW);
    assert_eq!(windows.len(), 1);
    assert_eq!(windows[0].len(), units.len());
    // A window of a few bytes cuts the same text into several, at white space.
    let small = text::windows(&a.text, units, 16);
    assert!(small.len() > 2);
    for u in small.iter().flatten() {
        // A piece starts at the white space it was cut at, or where its paragraph starts.
        let at = a.text.as_bytes()[u.span.start];
        let before = u.span.start.checked_sub(1).map(|b| a.text.as_bytes()[b]);
        assert!(
            at.is_ascii_whitespace() || before.is_none_or(|b| b.is_ascii_whitespace()),
            "{:?}",
            u.span
        );
    }
}

#[test]
fn first_person_speaker_is_the_narrator_the_opening_names() {
    let a = article(&[
        "Senator Jane Doe delivered remarks on the floor of the Senate.",
        "They asked me that day whether I would sign it. I said, \"Only if you think it is worthy of him.\"",
    ]);
    let ents = [entity(
        "jane-doe",
        EntityKind::Person,
        "Jane Doe",
        &a.text,
        &["Jane Doe"],
    )];
    let q = extract(&a, &ents);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker_text(&a.text), Some("I"));
    assert_eq!(q[0].speaker.as_deref(), Some("jane-doe"));
    // Nobody named as the one speaking: "I" stays unlinked.
    let b = article(&[
        "Jane Doe visited the Senate on Monday.",
        "I said, \"Only if you think it is worthy of him.\"",
    ]);
    let ents = [entity(
        "jane-doe",
        EntityKind::Person,
        "Jane Doe",
        &b.text,
        &["Jane Doe"],
    )];
    let q = extract(&b, &ents);
    assert_eq!(q[0].speaker_text(&b.text), Some("I"));
    assert_eq!(q[0].speaker, None);
}

#[test]
fn self_introduction_names_the_narrator_whatever_its_kind() {
    let a = article(&[
        "Hey everyone! So it's Curly Corner here today, and I'm showing you my new line.",
        "I'm like, \"What else can I say? I love it.\"",
    ]);
    // The name was taken for a place: introducing oneself still makes it the speaker.
    let ents = [entity(
        "curly-corner",
        EntityKind::Place,
        "Curly Corner",
        &a.text,
        &["Curly Corner"],
    )];
    let q = extract(&a, &ents);
    let speech: Vec<_> = q
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .collect();
    assert_eq!(speech.len(), 1, "{q:#?}");
    assert_eq!(speech[0].speaker_text(&a.text), Some("I"));
    assert_eq!(speech[0].speaker.as_deref(), Some("curly-corner"));
}

#[test]
fn quotative_like_introduces_speech() {
    let (kind, _, speaker) = only(&["And then she was like, \"no way!\""]);
    assert!(matches!(kind, QuoteKind::Direct | QuoteKind::Partial));
    assert_eq!(speaker.as_deref(), Some("she"));
    let (kind, _, speaker) = only(&["I started the video and I was just like \"hey!\"."]);
    assert!(matches!(kind, QuoteKind::Direct | QuoteKind::Partial));
    assert_eq!(speaker.as_deref(), Some("I"));
    // "like" as a preposition is no cue: a short term stays a term.
    let (kind, _, _) = only(&["It tastes like \"chicken\" to me."]);
    assert_eq!(kind, QuoteKind::Scare);
}

#[test]
fn the_source_of_a_saying_is_its_speaker() {
    assert_eq!(
        speaker_of(&[
            "There is a wonderful line attributed to Mark Twain — \"The reports of my death are greatly exaggerated.\""
        ])
        .as_deref(),
        Some("Mark Twain")
    );
    assert_eq!(
        speaker_of(&[
            "Think of the famous quote by Thomas Edison: \"Genius is one percent inspiration.\""
        ])
        .as_deref(),
        Some("Thomas Edison")
    );
}

#[test]
fn subject_stands_before_goes_on_to_say() {
    assert_eq!(
        speaker_of(&[
            "Later, the Court goes on to say, \"nor does this appeal concern any right to storage.\""
        ])
        .as_deref(),
        Some("the Court")
    );
}

#[test]
fn mentioned_reports_speech() {
    assert_eq!(
        speaker_of(&[
            "His cousin, Anna Berg, when asked about the duel, mentioned that he \"found himself in the presence of a supposed uncle.\""
        ])
        .as_deref(),
        Some("Anna Berg")
    );
}

/// The entity "I" links to in `paragraphs`, with `name` the only person.
fn narrator_link(paragraphs: &[&str], name: &str) -> Option<String> {
    let a = article(paragraphs);
    let ents = [entity("p", EntityKind::Person, name, &a.text, &[name])];
    let q = extract(&a, &ents);
    let q = q.iter().find(|q| q.speaker_text(&a.text) == Some("I"))?;
    q.speaker.as_deref().map(String::from)
}

#[test]
fn the_opening_lines_name_who_speaks_in_the_first_person() {
    let said = "Later I said, \"Only if you think it is worthy of him.\"";
    for opening in [
        "Remarks by President Ada Byron at the Opening of the Library",
        "Prime Minister Ada Byron's Inaugural Address",
        "Interview with British mathematician and writer Ada Byron",
        "Hey everyone, my name is Ada Byron and welcome back.",
        "Biologist Ada Byron tells Wikinews about ants",
    ] {
        assert_eq!(
            narrator_link(&[opening, said], "Ada Byron").as_deref(),
            Some("p"),
            "{opening}"
        );
    }
    for opening in [
        "Ada Byron opened the library on Monday.",
        "A speech was given. Ada Byron listened.",
    ] {
        assert_eq!(
            narrator_link(&[opening, said], "Ada Byron"),
            None,
            "{opening}"
        );
    }
}

#[test]
fn the_name_in_apposition_to_a_description_speaks() {
    assert_eq!(
        speaker_of(&["\"Absolutely not,\" Grant's spokesman, Mark Owen, told the Times."])
            .as_deref(),
        Some("Mark Owen")
    );
    // A name first keeps its description as an apposition.
    assert_eq!(
        speaker_of(&["\"Absolutely not,\" Mark Owen, a spokesman, told the Times."]).as_deref(),
        Some("Mark Owen")
    );
}

#[test]
fn a_pronoun_before_the_verb_is_its_subject() {
    assert_eq!(
        speaker_of(&["On our last day we said, \"We are sleeping in today.\""]).as_deref(),
        Some("we")
    );
}

#[test]
fn sayings_questions_and_initials_are_terms() {
    for text in [
        "What about the adage, \"Those who forget history are doomed to repeat it\"?",
        "Many would agree that the question \"what makes an artwork beautiful\" matters less now.",
        "He was identified only by the initials \"L. D.\" in the letter.",
    ] {
        let (kind, _, _) = only(&[text]);
        assert_eq!(kind, QuoteKind::Scare, "{text}");
    }
}

#[test]
fn in_the_words_of_names_the_speaker() {
    assert_eq!(
        speaker_of(&["In the words of Ada Byron, \"We must never stop asking why.\""]).as_deref(),
        Some("Ada Byron")
    );
    assert_eq!(
        speaker_of(&["Nearly a year ago, Tom Reed gasped his last words, \"I can't go on.\""])
            .as_deref(),
        Some("Tom Reed")
    );
}
