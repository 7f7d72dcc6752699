//! Criterion benchmarks of the pure core: a full check of one document of 1,000 / 10,000 /
//! 100,000 words, the server's work for a one-character edit of a 10,000-word document in a
//! 5,000-article index (re-index the document, then check it), and building an index, on the
//! generator's realistic corpus (plus a full check of the stress corpus).
//! Run with `cargo bench --bench check`; CI only builds it.

#[path = "support/generator.rs"]
mod generator;

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;

use copydesk::analysis::{self, Corpus, Document, Format, Memo, Settings};

fn index_of(articles: usize) -> Corpus {
    let prepared: Vec<_> = (0..articles)
        .into_par_iter()
        .map(|index| {
            Corpus::prepare(
                &format!("file:///news/article-{index:05}.md"),
                Arc::from(generator::article(index)),
                Format::Markdown,
            )
        })
        .collect();
    let mut corpus = Corpus::default();
    corpus.insert_batch(prepared);
    corpus
}

fn full_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check_document");
    group.sample_size(10);
    for words in [1_000, 10_000, 100_000] {
        bench_full_check(&mut group, words, &generator::document(words, 1));
    }
    group.finish();
    // The same on the generator's template-heavy stress corpus, duplicate-passage's worst case.
    let mut group = c.benchmark_group("check_document_stress");
    group.sample_size(10);
    let text = generator::document_in(generator::Style::Stress, 10_000, 1);
    bench_full_check(&mut group, 10_000, &text);
    group.finish();
}

/// Parse and every check of the registry, default settings, empty corpus.
fn bench_full_check(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    words: usize,
    text: &str,
) {
    let settings = Settings::default();
    let empty = Corpus::default();
    group.throughput(Throughput::Elements(words as u64));
    group.bench_with_input(BenchmarkId::from_parameter(words), text, |b, text| {
        b.iter(|| {
            let doc = Document::parse(text, Format::Markdown);
            analysis::check(&doc, None, &empty, &settings)
                .findings
                .len()
        })
    });
}

/// Each check alone on the 10,000-word document, to see where the time of a full check goes.
fn check_by_code(c: &mut Criterion) {
    let mut group = c.benchmark_group("check_by_code");
    group.sample_size(10);
    let settings = Settings::default();
    let empty = Corpus::default();
    let text = generator::document(10_000, 1);
    for check in analysis::REGISTRY {
        group.bench_function(check.code, |b| {
            b.iter(|| {
                let doc = Document::parse(&text, Format::Markdown);
                analysis::check_with(
                    std::slice::from_ref(check),
                    &doc,
                    None,
                    &empty,
                    &settings,
                    None,
                )
                .findings
                .len()
            })
        });
    }
    group.bench_function("parse_only", |b| {
        b.iter(|| {
            Document::parse(&text, Format::Markdown)
                .paragraphs()
                .count()
        })
    });
    group.finish();
}

fn edit_in_workspace(c: &mut Criterion) {
    let mut corpus = index_of(5_000);
    let settings = Settings::default();
    let name = "file:///news/draft.md";
    let original = generator::document(10_000, 2);
    corpus.insert(name, Arc::from(original.as_str()), Format::Markdown);
    let middle = original.len() / 2;
    let middle = (middle..original.len())
        .find(|&at| original.is_char_boundary(at))
        .unwrap();
    let mut group = c.benchmark_group("edit_in_workspace");
    group.sample_size(30);
    let mut flip = false;
    // The server keeps a memo per open document, so an edit re-checks only what it changed.
    let memo = Memo::default();
    group.bench_function("10k_words_in_5000_articles", |b| {
        b.iter(|| {
            // One character typed (or taken back) in the middle, as the server sees it.
            flip = !flip;
            let text = if flip {
                let mut text = original.clone();
                text.insert(middle, 'x');
                text
            } else {
                original.clone()
            };
            let text: Arc<str> = Arc::from(text);
            let doc = Document::parse(&text, Format::Markdown);
            corpus.insert_parsed(name, text.clone(), &doc);
            analysis::check_again(&doc, Some(name), &corpus, &settings, &memo)
                .findings
                .len()
        })
    });
    group.finish();
}

fn build_index(c: &mut Criterion) {
    let mut group = c.benchmark_group("build_index");
    group.sample_size(10);
    group.bench_function("500_articles", |b| b.iter(|| index_of(500).len()));
    group.finish();
}

criterion_group!(
    benches,
    full_check,
    check_by_code,
    edit_in_workspace,
    build_index
);
criterion_main!(benches);
