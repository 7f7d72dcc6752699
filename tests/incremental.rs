//! A check that reuses the memo of earlier checks of the same document (what the server does on
//! every edit; duplicate-passage and entity extraction keep one) must find exactly what a check
//! from scratch finds. Random edit sequences on a generated story in a small corpus: typing,
//! deleting, pasting copies from the story and from other stories, splitting and joining
//! paragraphs, and other stories changing meanwhile. Every other check goes the server's way,
//! putting the story into the corpus while the checks that read only the story run.

#[path = "../benches/support/generator.rs"]
mod generator;

mod common;

use std::sync::{Arc, RwLock};

use common::{boundary, Lcg};
use copydesk::analysis::{self, Corpus, Document, Format, Memo, Settings};

const NAME: &str = "file:///news/draft.md";

fn corpus_of(articles: usize) -> Corpus {
    let mut corpus = Corpus::default();
    for index in 0..articles {
        corpus.insert(
            &format!("file:///news/article-{index:03}.md"),
            Arc::from(generator::article(index)),
            Format::Markdown,
        );
    }
    corpus
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").filter(|p| p.len() > 40).collect()
}

/// One random edit, as a reporter or editor might make it.
fn edit(text: &str, corpus_article: &str, rng: &mut Lcg) -> String {
    let at = boundary(text, rng.next(text.len() + 1));
    let mut edited = text.to_string();
    match rng.next(10) {
        0..=3 => {
            let typed = ["x", "e", " ", ".", "”", "ü", "\n", "The ", "said"][rng.next(9)];
            edited.insert_str(at, typed);
        }
        4 | 5 => {
            let end = boundary(text, at + 1 + rng.next(25));
            edited.replace_range(at..end, "");
        }
        6 => {
            // A paragraph pasted whole, or its first sentence pasted into another paragraph.
            let own = paragraphs(text);
            if let Some(copy) = own.get(rng.next(own.len().max(1))) {
                match (rng.next(2), copy.split_inclusive(". ").next()) {
                    (0, Some(sentence)) => {
                        let into = text[at..].find(". ").map_or(at, |n| at + n + 2);
                        edited.insert_str(into, sentence);
                    }
                    _ => edited.insert_str(at, &format!("\n\n{copy}\n\n")),
                }
            }
        }
        7 => {
            let theirs = paragraphs(corpus_article);
            if let Some(copy) = theirs.get(rng.next(theirs.len().max(1))) {
                let line = edited[at..].find('\n').map_or(edited.len(), |n| at + n);
                edited.insert_str(line, &format!("\n\n{copy}"));
            }
        }
        8 => {
            if let Some(join) = text[at..].find("\n\n") {
                edited.replace_range(at + join..at + join + 2, " ");
            }
        }
        _ => {
            let space = text[at..].find(". ").map(|n| at + n + 1);
            if let Some(space) = space {
                edited.insert(space, '\n');
            }
        }
    }
    edited
}

fn assert_same_findings_through_edits(seed: u64, steps: usize) {
    // Behind a lock, as in the server, so that every other check can put the edited story in
    // while the checks that read only the story run (`check_again_while_indexing`).
    let corpus = RwLock::new(corpus_of(40));
    let settings = Settings::default();
    let memo = Memo::default();
    let mut rng = Lcg(seed);
    let mut text = generator::document(1_500, seed);
    // Copies to find from the start: a paragraph of another story and one of its own.
    let theirs = generator::article(3);
    text.push_str(&format!("\n{}\n", paragraphs(&theirs)[2]));
    let own = paragraphs(&text)[2].to_string();
    text.push_str(&format!("\n{own}\n"));
    let (mut matched, mut reused, mut flagged) = (0, 0, 0);
    let (mut entity_blocks, mut retokenised) = (0, 0);
    for step in 0..steps {
        if step > 0 {
            let article = generator::article(rng.next(40));
            text = edit(&text, &article, &mut rng);
        }
        if rng.next(15) == 0 {
            // Another story changes (saved on disk, or edited in another tab).
            let index = rng.next(40);
            let changed = edit(&generator::article(index), &theirs, &mut rng);
            corpus.write().expect("corpus").insert(
                &format!("file:///news/article-{index:03}.md"),
                Arc::from(changed),
                Format::Markdown,
            );
        }
        let doc = Document::parse(&text, Format::Markdown);
        let put_in = || {
            let mut corpus = corpus.write().expect("corpus");
            corpus.insert(NAME, Arc::from(text.as_str()), Format::Markdown);
        };
        let again = if step % 2 == 0 {
            put_in();
            let corpus = corpus.read().expect("corpus");
            analysis::check_again(&doc, Some(NAME), &corpus, &settings, &memo)
        } else {
            analysis::check_again_while_indexing(&doc, Some(NAME), &settings, &memo, || {
                put_in();
                corpus.read().expect("corpus")
            })
        };
        let fresh = analysis::check(&doc, Some(NAME), &corpus.read().expect("corpus"), &settings);
        assert_eq!(
            again.findings, fresh.findings,
            "seed {seed}, step {step}: the memo changed the findings"
        );
        let (now_matched, now_reused) = memo.last_paragraphs();
        matched += now_matched;
        reused += now_reused;
        let entity_reuse = memo.last_entity_reuse();
        entity_blocks += entity_reuse.blocks;
        retokenised += entity_reuse.tokenised;
        flagged += fresh
            .findings
            .iter()
            .filter(|finding| finding.code == "duplicate-passage")
            .count();
    }
    eprintln!(
        "seed {seed}: duplicate-passage matched {matched} paragraphs, reused {reused}; \
         entities re-tokenised {retokenised} of {entity_blocks} blocks"
    );
    // The sequences must exercise both paths, and find copies to compare. Most edits here add
    // or remove a paragraph; the paragraphs before and after keep their outcomes (without
    // that alignment, fewer than twice as many were reused as matched).
    assert!(reused > 4 * matched, "reused {reused}, matched {matched}");
    assert!(flagged >= steps, "only {flagged} duplicate findings");
    // Entity extraction re-tokenises only the blocks an edit changed.
    assert!(
        retokenised * 4 < entity_blocks,
        "retokenised {retokenised} of {entity_blocks} blocks"
    );
}

#[test]
fn memo_never_changes_findings_while_typing_and_pasting() {
    assert_same_findings_through_edits(1, 150);
}

#[test]
fn memo_never_changes_findings_on_another_sequence() {
    assert_same_findings_through_edits(7, 150);
}
