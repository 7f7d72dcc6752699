//! Entity extraction that reuses the memo of earlier extractions of the same document (what the
//! server does on every edit) must find exactly what extraction from scratch finds: on every
//! example and fixture, and through random edit sequences that move text across block edges
//! (datelines, quoted titles, appositives, lists, headings, split and joined paragraphs).

#[path = "../benches/support/generator.rs"]
mod generator;

mod common;

use common::{boundary, Lcg};
use copydesk::analysis::entities::{self, EntityKind};
use copydesk::analysis::settings::StyleEntity;
use copydesk::analysis::{Document, Format, Memo};

/// The copy to start from: every example and entity fixture, with its format.
fn stories() -> Vec<(String, Format)> {
    let found = common::stories_in(&["examples", "tests/fixtures/entities-eval"]);
    assert!(found.len() >= 20, "expected the examples and fixtures");
    found
}

fn guide() -> Vec<StyleEntity> {
    vec![
        StyleEntity {
            name: "Volodymyr Zelenskyy".into(),
            aliases: vec!["Zelensky".into()],
            kind: Some(EntityKind::Person),
            description: Some("President of Ukraine".into()),
        },
        StyleEntity {
            name: "European Central Bank".into(),
            aliases: vec!["ECB".into()],
            kind: Some(EntityKind::Organisation),
            description: None,
        },
    ]
}

/// Text pasted by the random edits: pieces whose meaning depends on what stands around them,
/// often on the other side of a paragraph break.
const PASTES: &[&str] = &[
    "OFFENBACH, Germany — ",
    "\n\nOFFENBACH, Germany — Officials said",
    "MIAMI (AP) — ",
    "\n\nHO CHI MINH CITY — ",
    "“What the Fire Left",
    "”",
    "\"",
    "“",
    " said Andes Copper's",
    "\n\nchief executive Ana María Fuentes said",
    "Rustem Umerov, the chief of the Ukrainian Security Council, said",
    ", the chief of ",
    "in Leeds, Manchester and Sheffield",
    "in Marathon and Key Largo",
    " and Hull",
    "European Central Bank (ECB)",
    "\n\n# Talks Between Ukraine and Russia\n\n",
    "\n\n## Heading\n\n",
    "# ",
    "President Volodymyr Zelensky",
    "Zelensky",
    "Dr. Ana María Fuentes",
    "J.K. Rowling",
    "Mr. ",
    "Ms. ",
    "U.S.",
    "the Kremlin",
    "Ernesto “Netinho” Salgado",
    "van der Leyen",
    ". The ",
    "\n\n",
    "\n",
    "**Bold Line Here**\n\n",
    "---\n",
    "```\ncode\n```\n",
];

/// One random edit: typing, deleting, pasting, splitting or joining paragraphs, adding or
/// removing a heading mark.
fn edit(text: &str, rng: &mut Lcg) -> String {
    let at = boundary(text, rng.next(text.len() + 1));
    let mut edited = text.to_string();
    match rng.next(10) {
        0..=2 => {
            let typed = ["x", "e", " ", ".", ",", "”", "ü", "\n", "A", "—", "'s"][rng.next(11)];
            edited.insert_str(at, typed);
        }
        3 | 4 => {
            let end = boundary(text, at + 1 + rng.next(12));
            edited.replace_range(at..end, "");
        }
        5 | 6 => edited.insert_str(at, PASTES[rng.next(PASTES.len())]),
        7 => {
            // Two paragraphs joined, or a wire line joined to the next.
            if let Some(join) = text[at..].find('\n') {
                let start = at + join;
                let end = if text[start + 1..].starts_with('\n') {
                    start + 2
                } else {
                    start + 1
                };
                edited.replace_range(start..end, " ");
            }
        }
        8 => {
            // A paragraph split after a sentence.
            if let Some(space) = text[at..].find(". ").map(|n| at + n + 1) {
                edited.replace_range(space..space + 1, "\n\n");
            }
        }
        _ => {
            // A heading mark added at a line start, or removed.
            let line = text[..at].rfind('\n').map_or(0, |n| n + 1);
            if text[line..].starts_with("# ") {
                edited.replace_range(line..line + 2, "");
            } else {
                edited.insert_str(line, "# ");
            }
        }
    }
    edited
}

/// Extracts with the memo and afresh, and requires the same entities.
fn assert_same(text: &str, format: Format, guide: &[StyleEntity], memo: &Memo, what: &str) {
    let doc = Document::parse(text, format);
    let again = entities::extract_again(&doc, guide, memo);
    let fresh = entities::extract_with(&doc, guide);
    assert_eq!(again, fresh, "{what}: the memo changed the entities");
}

#[test]
fn memo_extraction_equals_fresh_on_every_story_first_and_again() {
    for (index, (text, format)) in stories().into_iter().enumerate() {
        let memo = Memo::default();
        assert_same(&text, format, &[], &memo, &format!("story {index}, first"));
        assert_same(
            &text,
            format,
            &guide(),
            &memo,
            &format!("story {index}, again"),
        );
        let reuse = memo.last_entity_reuse();
        assert_eq!(reuse.tokenised, 0, "story {index}: {reuse:?}");
        assert_eq!(reuse.recognised, 0, "story {index}: {reuse:?}");
        assert!(!reuse.resolved, "story {index}: {reuse:?}");
    }
}

/// Edits every story `steps` times, comparing at every step; returns the blocks seen and the
/// blocks tokenised afresh over all steps, and the steps and those resolved afresh.
fn edit_stories(seed: u64, steps: usize) -> (usize, usize, usize, usize) {
    let mut rng = Lcg(seed);
    let (mut blocks, mut tokenised, mut edits, mut resolved) = (0, 0, 0, 0);
    for (index, (story, format)) in stories().into_iter().enumerate() {
        let memo = Memo::default();
        let guide = if index % 2 == 0 { guide() } else { Vec::new() };
        let mut text = story;
        for step in 0..steps {
            text = edit(&text, &mut rng);
            let what = format!("seed {seed}, story {index}, step {step}");
            assert_same(&text, format, &guide, &memo, &what);
            let reuse = memo.last_entity_reuse();
            blocks += reuse.blocks;
            tokenised += reuse.tokenised;
            edits += 1;
            resolved += usize::from(reuse.resolved);
        }
    }
    (blocks, tokenised, edits, resolved)
}

#[test]
fn memo_extraction_equals_fresh_through_random_edits() {
    let (blocks, tokenised, edits, resolved) = edit_stories(11, 60);
    // Most blocks survive an edit: the memo must be used, not only be harmless.
    assert!(tokenised * 4 < blocks, "tokenised {tokenised} of {blocks}");
    // Many edits change no name (their pastes often do): resolution must be reused then.
    assert!(
        resolved * 3 < edits * 2,
        "resolved afresh {resolved} of {edits}"
    );
}

#[test]
fn memo_extraction_equals_fresh_through_other_random_edits() {
    edit_stories(2024, 60);
}

#[test]
fn memo_extraction_equals_fresh_on_long_generated_copy() {
    // Long enough to be tokenised in parallel pieces when extracted afresh.
    let mut text = generator::document(8_000, 5);
    let memo = Memo::default();
    let mut rng = Lcg(5);
    for step in 0..40 {
        assert_same(&text, Format::Markdown, &[], &memo, &format!("step {step}"));
        text = edit(&text, &mut rng);
    }
}

/// Extracts each text in turn with one memo, comparing with extraction afresh; each text's
/// entities must differ from the last one's, so the memo has something to get wrong.
fn assert_same_through(texts: &[&str], format: Format) {
    let memo = Memo::default();
    let mut last = None;
    for (step, text) in texts.iter().enumerate() {
        assert_same(text, format, &[], &memo, &format!("{text:?}"));
        let fresh = entities::extract(&Document::parse(text, format));
        if step > 0 {
            assert_ne!(last.as_ref(), Some(&fresh), "{text:?} changes nothing");
        }
        last = Some(fresh);
    }
}

#[test]
fn a_closing_quote_after_the_block_is_read_by_its_quoted_title() {
    // The same number of bytes after the first block either way. (After a heading: a story's
    // first line without a full stop would be its headline.)
    let closed = "# T\n\nShe read “What the Fire Left\n\n\" aloud to Mara Quist.";
    let open = "# T\n\nShe read “What the Fire Left\n\nx aloud to Mara Quist.";
    assert_same_through(&[closed, open, closed], Format::Markdown);
}

#[test]
fn a_role_opening_the_next_block_is_read_by_an_owner_ending_this_one() {
    // `Andes minister Copper's` is an appositive only if a lowercase role word follows; the
    // next block starts with `c` either way, so only the next word tells the two apart.
    let role = "# T\n\nAna Fuentes, Andes minister Copper's\n\nchief executive spoke.";
    let none = "# T\n\nAna Fuentes, Andes minister Copper's\n\ncheap labour spoke.";
    assert_same_through(&[role, none, role], Format::Markdown);
}

#[test]
fn a_place_cue_passes_along_a_list_across_a_block_edge() {
    // The list member in the second block keeps its kind only while the first block lists it.
    let listed = "They met in Ossington,\n\nBradwell Tarn spoke.";
    let stopped = "They met in Ossington.\n\nBradwell Tarn spoke.";
    assert_same_through(&[listed, stopped, listed], Format::Markdown);
}

#[test]
fn resolution_is_redone_when_a_name_is_spaced_differently() {
    // The same words, key and display either way; the text under the name and its tokens'
    // places differ, and with them the mention's length.
    let single = "The talks were led by Ana Ruiz.\n\nRuiz left early.";
    let double = "The talks were led by Ana  Ruiz.\n\nRuiz left early.";
    assert_same_through(&[single, double, single], Format::Markdown);
}

#[test]
fn resolution_is_redone_when_a_courtesy_title_changes() {
    // `Mr. Tanabe` is the father, `Ms. Tanabe` the daughter: the title is outside the name.
    let mr = "Ken Ito spoke. His father, Shigeru Tanabe, fixed radios. His daughter, Yuki \
              Tanabe, spoke.\n\nMr. Tanabe was 75.";
    let ms = mr.replace("Mr. Tanabe", "Ms. Tanabe");
    assert_same_through(&[mr, &ms, mr], Format::Markdown);
}

#[test]
fn resolution_is_reused_and_moved_when_an_edit_changes_no_name() {
    let before = "The talks were led by Ana Ruiz.\n\nRuiz left early.";
    let after = "The long talks were led by Ana Ruiz.\n\nRuiz left early.";
    let memo = Memo::default();
    assert_same(before, Format::Markdown, &[], &memo, "before");
    assert_same(after, Format::Markdown, &[], &memo, "after");
    assert!(
        !memo.last_entity_reuse().resolved,
        "nothing to resolve again"
    );
}
