//! The benchmark generator's corpora against real copy: the realistic style must repeat
//! itself about as much as the bundled example articles do, so benchmark figures mean what
//! they would on a newsroom's files; the stress style must stay the worst case it is named
//! for; planted copies must be found. `cargo test --test generator -- --nocapture` prints
//! the figures BENCHMARKS.md quotes.

#[path = "../benches/support/generator.rs"]
mod generator;

use std::sync::Arc;

use copydesk::analysis::{self, Corpus, Document, Format, Settings};
use generator::Style;

fn examples() -> Vec<String> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut texts: Vec<String> = std::fs::read_dir(folder)
        .expect("examples folder")
        .map(|entry| std::fs::read_to_string(entry.expect("entry").path()).expect("example"))
        .collect();
    texts.sort();
    texts
}

fn articles(style: Style) -> Vec<String> {
    (0..12)
        .map(|index| generator::article_in(style, index))
        .collect()
}

#[test]
fn the_realistic_corpus_repeats_itself_about_as_much_as_real_copy() {
    let (real_within, real_across) = generator::repetition(&examples());
    let (within, across) = generator::repetition(&articles(Style::Realistic));
    let (stress_within, stress_across) = generator::repetition(&articles(Style::Stress));
    println!("three-word runs repeated within a text / shared between texts:");
    println!("  examples/          {real_within:.3} / {real_across:.3}");
    println!("  realistic corpus   {within:.3} / {across:.3}");
    println!("  stress corpus      {stress_within:.3} / {stress_across:.3}");
    // Generated stories are longer than the examples (800 words against 480), and a corpus
    // from one generator shares its stock phrases (`told a news conference`, `by the end of
    // the year`) more than a dozen stories on different beats do. Within those limits the
    // realistic style repeats like real copy; the stress style repeats several times more.
    assert!(within <= 2.5 * real_within, "{within} vs {real_within}");
    assert!(across <= 5.0 * real_across, "{across} vs {real_across}");
    assert!(stress_within >= 3.0 * within, "{stress_within} vs {within}");
    assert!(stress_across >= 3.0 * across, "{stress_across} vs {across}");
}

#[test]
fn the_realistic_corpus_names_and_quotes_people_about_as_often_as_real_copy() {
    let (real_names, real_quotes) = generator::density(&examples());
    let (names, quotes) = generator::density(&articles(Style::Realistic));
    let (stress_names, stress_quotes) = generator::density(&articles(Style::Stress));
    println!("capitalised words / quotes per 1,000 words:");
    println!("  examples/          {real_names:.3} / {real_quotes:.1}");
    println!("  realistic corpus   {names:.3} / {quotes:.1}");
    println!("  stress corpus      {stress_names:.3} / {stress_quotes:.1}");
    let near = |value: f64, real: f64| (0.67 * real..=1.5 * real).contains(&value);
    assert!(near(names, real_names), "{names} vs {real_names}");
    assert!(near(quotes, real_quotes), "{quotes} vs {real_quotes}");
}

#[test]
fn planted_copies_are_found_in_both_styles() {
    for style in [Style::Realistic, Style::Stress] {
        let mut corpus = Corpus::default();
        for index in 0..=75 {
            corpus.insert(
                &format!("file:///news/article-{index:03}.md"),
                Arc::from(generator::article_in(style, index)),
                Format::Markdown,
            );
        }
        let settings = Settings::default();
        for copy in [50, 75] {
            let name = format!("file:///news/article-{copy:03}.md");
            let text = generator::article_in(style, copy);
            let doc = Document::parse(&text, Format::Markdown);
            let report = analysis::check(&doc, Some(&name), &corpus, &settings);
            let across = report
                .findings
                .iter()
                .filter(|finding| finding.code == "duplicate-passage")
                .filter(|finding| !finding.related.is_empty())
                .count();
            assert!(
                across >= 1,
                "{style:?} article {copy}: {:#?}",
                report.findings
            );
        }
    }
}
