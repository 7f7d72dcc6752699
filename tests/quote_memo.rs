//! Quote analysis that reuses the memory of earlier analyses of the same document (what the
//! server does on every edit) must find exactly the quotes and attributions a fresh analysis
//! finds: on every example and fixture, and through random edit sequences that move quote
//! marks, speakers, colons, headings and paragraph breaks around quote paragraphs.

#[path = "../benches/support/generator.rs"]
mod generator;

mod common;

use common::{boundary, Lcg};
use copydesk::analysis::quotes::{self, QuoteMemory};
use copydesk::analysis::settings::Settings;
use copydesk::analysis::{Document, Format};

/// Every example, seed and entity fixture, with its format.
fn stories() -> Vec<(String, Format)> {
    let found = common::stories_in(&[
        "examples",
        "tests/fixtures/seeds",
        "tests/fixtures/entities-eval",
    ]);
    assert!(found.len() >= 20, "expected the examples and fixtures");
    found
}

/// Text pasted by the random edits: what decides whether a quote is one and who said it,
/// often from the paragraph next door.
const PASTES: &[&str] = &[
    "“We will not back down.”",
    "\"We will not back down.\"",
    "\n\n“We will not back down.”\n\n",
    "\n\n\"It is over,\" ",
    " said Ana Ruiz.",
    ", she said.",
    " Ruiz said.",
    "Ruiz",
    " Ruiz ",
    "The mayor said:",
    "\n\nThe mayor said:\n\n",
    ":",
    "according to",
    " — Ana Ruiz",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "\n\n# Reaction\n\n",
    "# ",
    "> ",
    "\n\n",
    "\n",
    ". ",
    "`code \"x\"`",
    "[link](http://x.y \"title\")",
    "the report “Building for the Long Term”",
    "Dwayne “The Rock” Johnson",
];

/// One random edit: typing, deleting, pasting, joining paragraphs or splitting them.
fn edit(text: &str, rng: &mut Lcg) -> String {
    let at = boundary(text, rng.next(text.len() + 1));
    let mut edited = text.to_string();
    match rng.next(9) {
        0..=2 => {
            let typed = ["x", "A", " ", ".", ",", "”", "\"", "\n", ":", "—"][rng.next(10)];
            edited.insert_str(at, typed);
        }
        3 | 4 => {
            let end = boundary(text, at + 1 + rng.next(12));
            edited.replace_range(at..end, "");
        }
        5 | 6 => edited.insert_str(at, PASTES[rng.next(PASTES.len())]),
        7 => {
            if let Some(join) = text[at..].find("\n\n") {
                edited.replace_range(at + join..at + join + 2, " ");
            }
        }
        _ => {
            if let Some(space) = text[at..].find(". ").map(|n| at + n + 1) {
                edited.replace_range(space..space + 1, "\n\n");
            }
        }
    }
    edited
}

/// Analyses `text` with `memory` and afresh, and requires the same quotes.
fn assert_same(text: &str, format: Format, settings: &Settings, memory: &mut Option<QuoteMemory>) {
    let doc = Document::parse(text, format);
    let again = quotes::find_quotes_again(&doc, settings, memory);
    let fresh = quotes::find_quotes(&doc, settings);
    assert_eq!(again, fresh, "the memory changed the quotes of {text:?}");
}

/// Of the quote paragraphs of the last analysis: (analysed afresh, reused).
fn reuse(memory: &Option<QuoteMemory>) -> (usize, usize) {
    memory.as_ref().map_or((0, 0), QuoteMemory::last_reuse)
}

#[test]
fn a_story_analysed_again_unchanged_reuses_every_quote_paragraph() {
    for (index, (text, format)) in stories().into_iter().enumerate() {
        let mut memory = None;
        assert_same(&text, format, &Settings::default(), &mut memory);
        let (first_analysed, _) = reuse(&memory);
        assert_same(&text, format, &Settings::default(), &mut memory);
        assert_eq!(reuse(&memory), (0, first_analysed), "story {index}");
    }
}

/// Edits every story `steps` times, comparing at every step; returns the quote paragraphs
/// analysed afresh and reused over all steps.
fn edit_stories(seed: u64, steps: usize) -> (usize, usize) {
    let mut rng = Lcg(seed);
    let (mut analysed, mut reused) = (0, 0);
    let settings = Settings {
        extra_attribution_verbs: vec!["harrumph".into()],
        ..Settings::default()
    };
    for (index, (story, format)) in stories().into_iter().enumerate() {
        let settings = if index % 3 == 0 {
            settings.clone()
        } else {
            Settings::default()
        };
        let mut memory = None;
        let mut text = story;
        for _ in 0..steps {
            text = edit(&text, &mut rng);
            assert_same(&text, format, &settings, &mut memory);
            let (fresh, kept) = reuse(&memory);
            analysed += fresh;
            reused += kept;
        }
    }
    (analysed, reused)
}

#[test]
fn memory_never_changes_quotes_through_random_edits() {
    let (analysed, reused) = edit_stories(17, 60);
    // An edit touches one paragraph and its neighbours: the memory must be used, not only be
    // harmless.
    // The stories are short (a dozen quote paragraphs), and an edit may touch three.
    assert!(
        analysed * 2 < reused,
        "analysed {analysed}, reused {reused}"
    );
}

#[test]
fn memory_never_changes_quotes_through_other_random_edits() {
    edit_stories(4242, 60);
}

#[test]
fn memory_never_changes_quotes_on_long_generated_copy() {
    let mut text = generator::document(8_000, 3);
    let mut memory = None;
    let mut rng = Lcg(3);
    let (mut analysed, mut reused) = (0, 0);
    for step in 0..40 {
        assert_same(&text, Format::Markdown, &Settings::default(), &mut memory);
        if step > 0 {
            analysed += reuse(&memory).0;
            reused += reuse(&memory).1;
        }
        text = edit(&text, &mut rng);
    }
    // An edit re-analyses the quote paragraphs next to it, not the story's hundreds.
    assert!(
        analysed * 20 < reused,
        "analysed {analysed}, reused {reused}"
    );
}

/// Analyses each text in turn with one memory, comparing with a fresh analysis; each text's
/// quotes must differ from the last one's, so the memory has something to get wrong.
fn assert_same_through(texts: &[&str]) {
    let mut memory = None;
    let mut last = None;
    for text in texts {
        let doc = Document::parse(text, Format::Markdown);
        let fresh = quotes::find_quotes(&doc, &Settings::default());
        assert_ne!(
            Some(&fresh),
            last.as_ref(),
            "{text:?} must change the quotes"
        );
        assert_same(text, Format::Markdown, &Settings::default(), &mut memory);
        last = Some(fresh);
    }
}

/// Paragraphs of filler so that a change far from the quote is outside its neighbours.
const FILLER: &str = "The council met on Tuesday.\n\nThe vote was close.\n\n";

#[test]
fn a_name_seen_far_from_the_quote_decides_its_speaker() {
    // `Ruiz` opens a sentence after the quote; only a mid-sentence `Ruiz` elsewhere makes it
    // a name, and that paragraph is not next to the quote.
    let named = format!("The plan was debated, said Ana Ruiz.\n\n{FILLER}“We were not consulted.” Ruiz was blunt.\n");
    let unnamed = format!("The plan was debated, officials said.\n\n{FILLER}“We were not consulted.” Ruiz was blunt.\n");
    assert_same_through(&[&named, &unnamed, &named]);
}

#[test]
fn the_paragraph_before_and_after_decide_a_quote_paragraph() {
    let quote = "“We were not consulted.”";
    assert_same_through(&[
        &format!("{FILLER}The mayor said:\n\n{quote}\n\nWork begins next year.\n"),
        &format!("{FILLER}Nothing was decided.\n\n{quote}\n\nWork begins next year.\n"),
        &format!("{FILLER}Nothing was decided.\n\n{quote}\n\nThe mayor said so twice.\n"),
        &format!("{FILLER}The mayor said:\n\n## Reaction\n\n{quote}\n\nWork begins next year.\n"),
    ]);
}

#[test]
fn text_before_the_paragraph_before_decides_whether_a_name_opens_a_sentence() {
    // Whether `Vieira` opens a sentence depends on how the text before its paragraph ends,
    // two paragraphs before the quote.
    let continued = "The mayor spoke, according to\n\nVieira, who chaired it.\n\n\
                     “The budget is gone.” Vieira said nothing more.\n";
    let ended = "The mayor spoke, according to.\n\nVieira, who chaired it.\n\n\
                 “The budget is gone.” Vieira said nothing more.\n";
    assert_same_through(&[continued, ended, continued]);
}

#[test]
fn text_before_the_window_decides_whether_the_paragraph_before_names_a_speaker() {
    // `Vieira` opening the paragraph before the quote is a name after `according to`, and
    // only a capitalised sentence opening after `according to.`: the text that decides it
    // lies before the quote's neighbours, and no other paragraph changes.
    let continued = "The mayor spoke, according to\n\nVieira argued for hours.\n\n\
                     “The budget is gone.”\n\nWork begins next year.\n";
    let ended = "The mayor spoke, according to.\n\nVieira argued for hours.\n\n\
                 “The budget is gone.”\n\nWork begins next year.\n";
    assert_same_through(&[continued, ended, continued]);
}

#[test]
fn settings_changes_are_not_hidden_by_the_memory() {
    let text = "The plan passed.\n\n\"Nobody asked us,\" harrumphed the Smiths.\n";
    let doc = Document::parse(text, Format::Markdown);
    let harrumphed = Settings {
        extra_attribution_verbs: vec!["harrumph".into()],
        ..Settings::default()
    };
    assert_ne!(
        quotes::find_quotes(&doc, &harrumphed),
        quotes::find_quotes(&doc, &Settings::default())
    );
    let mut memory = None;
    for settings in [&Settings::default(), &harrumphed, &Settings::default()] {
        assert_same(text, Format::Markdown, settings, &mut memory);
    }
}
