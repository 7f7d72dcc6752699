//! Indexing many documents at once (a workspace being indexed, the files given to `copydesk
//! check`): their postings are built on all cores while one thread inserts the ones built
//! before, so the index gets the same postings, in the same order, as adding the documents one
//! by one.
//!
//! Only one thread inserts. Inserting from several threads (an index split in shards) was
//! faster still, but left 15–30 MB more resident memory on 5,000 articles, over the 250 MB
//! line (BENCHMARKS.md, round 11).

use rayon::prelude::*;

use super::fingerprint::{for_each_posting, Coverage, FingerprintIndex, ParagraphPrint, Posting};

/// How many documents' postings are built at a time. Few: the postings are built on other
/// threads and freed on the inserting one, and each round's pages stay with the allocator of
/// the thread that built them (rounds of 256 articles, about 8 KB of postings each, left 15 MB
/// more resident memory on 5,000 articles than rounds of 32).
const DOCUMENTS_PER_ROUND: usize = 32;

/// Fewer documents than this are indexed on the calling thread, without the pool: one story
/// opened or saved is not worth waking it for.
const PARALLEL_FROM: usize = 8;

/// One paragraph to index: its document's id, its paragraph id and its print.
pub type IndexedParagraph<'p> = (u32, u32, &'p ParagraphPrint);

/// Adds the paragraphs of many documents, given per document in order, to `index`.
pub fn add_documents(
    index: &mut FingerprintIndex,
    documents: &[Vec<IndexedParagraph<'_>>],
    coverage: Coverage,
) {
    if documents.len() < PARALLEL_FROM {
        for &(document, paragraph, print) in documents.iter().flatten() {
            index.add_paragraph(document, paragraph, print, coverage);
        }
        return;
    }
    let mut rounds = documents.chunks(DOCUMENTS_PER_ROUND);
    let mut built = rounds.next().map(|round| postings_of(round, coverage));
    while let Some(postings) = built {
        // This round is inserted while the next one is built.
        let ((), next) = rayon::join(
            || insert(index, &postings),
            || rounds.next().map(|round| postings_of(round, coverage)),
        );
        built = next;
    }
}

/// The postings of a round of documents, each document's in paragraph and word order.
fn postings_of(
    round: &[Vec<IndexedParagraph<'_>>],
    coverage: Coverage,
) -> Vec<Vec<(u64, Posting)>> {
    round
        .par_iter()
        .map(|paragraphs| {
            let mut postings = Vec::new();
            for &paragraph in paragraphs {
                for_each_posting(paragraph, coverage, |hash, posting| {
                    postings.push((hash, posting))
                });
            }
            postings
        })
        .collect()
}

fn insert(index: &mut FingerprintIndex, postings: &[Vec<(u64, Posting)>]) {
    for &(hash, posting) in postings.iter().flatten() {
        index.insert(hash, posting);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPHS: [&str; 4] = [
        "Crews evacuated more than 4,000 residents from low-lying districts on Sunday.",
        "The river crested at nine metres overnight, officials said.",
        "Three school gymnasiums opened as shelters for the evacuated families.",
        "Crews evacuated residents from three school gymnasiums overnight, officials said.",
    ];

    #[test]
    fn a_batch_is_indexed_as_its_documents_one_by_one() {
        let prints: Vec<ParagraphPrint> =
            PARAGRAPHS.iter().map(|p| ParagraphPrint::of(p)).collect();
        // Enough documents for several rounds, each with every paragraph.
        let documents: Vec<Vec<IndexedParagraph<'_>>> = (0..DOCUMENTS_PER_ROUND as u32 * 3 + 1)
            .map(|document| {
                (0..)
                    .zip(&prints)
                    .map(|(number, print)| (document, number, print))
                    .collect()
            })
            .collect();
        let mut batched = FingerprintIndex::default();
        add_documents(&mut batched, &documents, Coverage::Winnowed);
        let mut one_by_one = FingerprintIndex::default();
        for &(document, paragraph, print) in documents.iter().flatten() {
            one_by_one.add_paragraph(document, paragraph, print, Coverage::Winnowed);
        }
        assert_eq!(batched.len(), one_by_one.len());
        for print in &prints {
            for fingerprint in print.fingerprints() {
                let hash = fingerprint.hash;
                assert_eq!(batched.postings(hash), one_by_one.postings(hash));
                assert_eq!(batched.document_frequency(hash), documents.len());
            }
        }
    }
}
