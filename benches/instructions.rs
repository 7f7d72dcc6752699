//! Work to count with valgrind's callgrind, which counts instructions: unlike a timing, a count
//! does not move with whatever else the machine is doing, so a small saving shows. Each mode
//! does the same setup; the count of the work is the difference from `setup` alone. See
//! BENCHMARKS.md ("Round 6") for the commands. `COPYDESK_COUNT` picks the mode:
//!
//! - `setup`: generate the 10,000-word story and a 300-article corpus, index them, stop;
//! - `check`: setup, then one full check of the story with an empty corpus (what criterion's
//!   `check_document/10000` times);
//! - `edits:N`: setup, a first check with a memo, then N one-character edits at the start of a
//!   middle line, typed and taken back in turn, each put into the index and checked again
//!   (the server's work for the benchmark harness's edit, without the protocol).

#[path = "support/generator.rs"]
mod generator;

use std::sync::Arc;

use copydesk::analysis::{self, Corpus, Document, Format, Memo, Settings};

const NAME: &str = "file:///news/draft.md";

fn main() {
    let mode = std::env::var("COPYDESK_COUNT").unwrap_or_else(|_| "setup".to_string());
    let story = generator::document(10_000, 3);
    let mut corpus = Corpus::default();
    for index in 0..300 {
        corpus.insert(
            &format!("file:///news/article-{index:03}.md"),
            Arc::from(generator::article(index)),
            Format::Markdown,
        );
    }
    corpus.insert(NAME, Arc::from(story.as_str()), Format::Markdown);
    let settings = Settings::default();
    let findings = match mode.as_str() {
        "setup" => 0,
        "check" => {
            let doc = Document::parse(&story, Format::Markdown);
            analysis::check(&doc, None, &Corpus::default(), &settings)
                .findings
                .len()
        }
        edits => {
            let count: usize = edits
                .strip_prefix("edits:")
                .and_then(|count| count.parse().ok())
                .expect("COPYDESK_COUNT is setup, check or edits:N");
            edit_again_and_again(&story, &mut corpus, &settings, count)
        }
    };
    println!("{mode}: {findings} findings");
}

/// The findings of a first check and `count` edits, summed (so no work is optimised away).
fn edit_again_and_again(
    story: &str,
    corpus: &mut Corpus,
    settings: &Settings,
    count: usize,
) -> usize {
    let memo = Memo::default();
    let doc = Document::parse(story, Format::Markdown);
    let mut findings = analysis::check_again(&doc, Some(NAME), corpus, settings, &memo)
        .findings
        .len();
    // The start of the middle line, where the harness types.
    let middle_line = story
        .match_indices('\n')
        .nth((story.lines().count() / 2).saturating_sub(1))
        .map_or(0, |(at, _)| at + 1);
    for edit in 0..count {
        let text = if edit % 2 == 0 {
            format!("{}x{}", &story[..middle_line], &story[middle_line..])
        } else {
            story.to_string()
        };
        let text: Arc<str> = Arc::from(text);
        let doc = Document::parse(&text, Format::Markdown);
        corpus.insert_parsed(NAME, text.clone(), &doc);
        findings += analysis::check_again(&doc, Some(NAME), corpus, settings, &memo)
            .findings
            .len();
    }
    findings
}
