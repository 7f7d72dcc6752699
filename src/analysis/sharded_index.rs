//! The corpus's fingerprint index, split by fingerprint into shards so that a batch of many
//! documents (a workspace being indexed, the files given to `copydesk check`) is indexed on all
//! cores, each shard filled by one thread, while it answers like one [`FingerprintIndex`].
//!
//! Postings are kept sorted (see [`FingerprintIndex`]), so the index reached does not depend on
//! the order postings were inserted in: a batch gives the very index that adding its documents
//! one by one gives.

use rayon::prelude::*;

use super::fingerprint::{
    for_each_posting, indexed_fingerprints, Coverage, FingerprintIndex, ParagraphPrint, Posting,
};

/// Shards: enough to keep every core busy, few enough that each still holds many fingerprints.
const SHARDS: usize = 16;

/// Which bits of a fingerprint choose its shard: neither the low bits a hash map takes for the
/// bucket nor the top bits it keeps as a tag, so each shard's map sees well-mixed keys.
const SHARD_SHIFT: u32 = 40;

/// How many documents' postings are built before they are inserted: bounds the memory a batch
/// holds at once (about 8 KB of postings per article).
const DOCUMENTS_PER_ROUND: usize = 512;

/// Fewer documents than this are indexed on the calling thread: one story opened or saved is
/// not worth waking the pool for.
const PARALLEL_FROM: usize = 8;

fn shard_of(fingerprint: u64) -> usize {
    (fingerprint >> SHARD_SHIFT) as usize % SHARDS
}

/// A [`FingerprintIndex`] in [`SHARDS`] parts.
#[derive(Debug, Clone)]
pub struct ShardedIndex {
    shards: Vec<FingerprintIndex>,
}

impl Default for ShardedIndex {
    fn default() -> ShardedIndex {
        ShardedIndex {
            shards: vec![FingerprintIndex::default(); SHARDS],
        }
    }
}

/// One paragraph to index: its document's id, its paragraph id and its print.
pub type IndexedParagraph<'p> = (u32, u32, &'p ParagraphPrint);

impl ShardedIndex {
    fn shard(&self, fingerprint: u64) -> &FingerprintIndex {
        &self.shards[shard_of(fingerprint)]
    }

    /// See [`FingerprintIndex::postings`].
    pub fn postings(&self, fingerprint: u64) -> &[Posting] {
        self.shard(fingerprint).postings(fingerprint)
    }

    /// See [`FingerprintIndex::postings_and_frequency`].
    pub fn postings_and_frequency(&self, fingerprint: u64) -> (&[Posting], usize) {
        self.shard(fingerprint).postings_and_frequency(fingerprint)
    }

    /// See [`FingerprintIndex::document_frequency`].
    pub fn document_frequency(&self, fingerprint: u64) -> usize {
        self.shard(fingerprint).document_frequency(fingerprint)
    }

    /// The number of distinct fingerprints.
    pub fn len(&self) -> usize {
        self.shards.iter().map(FingerprintIndex::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.shards.iter().all(FingerprintIndex::is_empty)
    }

    /// See [`FingerprintIndex::add_paragraph`].
    pub fn add_paragraph(
        &mut self,
        document: u32,
        paragraph: u32,
        print: &ParagraphPrint,
        coverage: Coverage,
    ) {
        for_each_posting((document, paragraph, print), coverage, |hash, posting| {
            self.shards[shard_of(hash)].insert(hash, posting)
        });
    }

    /// See [`FingerprintIndex::remove_paragraph`].
    pub fn remove_paragraph(
        &mut self,
        document: u32,
        paragraph: u32,
        print: &ParagraphPrint,
        coverage: Coverage,
    ) {
        for hash in indexed_fingerprints(print, coverage) {
            self.shards[shard_of(hash)].remove_fingerprints(document, paragraph, [hash]);
        }
    }

    /// Adds many documents' paragraphs, given per document, on all cores: the postings of a
    /// round of documents are built in parallel, then each shard takes its own in parallel.
    pub fn add_documents(&mut self, documents: &[Vec<IndexedParagraph<'_>>], coverage: Coverage) {
        if documents.len() < PARALLEL_FROM {
            for &(document, paragraph, print) in documents.iter().flatten() {
                self.add_paragraph(document, paragraph, print, coverage);
            }
            return;
        }
        for round in documents.chunks(DOCUMENTS_PER_ROUND) {
            let postings: Vec<ShardedPostings> = round
                .par_iter()
                .map(|paragraphs| ShardedPostings::of(paragraphs, coverage))
                .collect();
            self.shards
                .par_iter_mut()
                .enumerate()
                .for_each(|(number, shard)| {
                    for document in &postings {
                        for &(hash, posting) in document.of_shard(number) {
                            shard.insert(hash, posting);
                        }
                    }
                });
        }
    }
}

/// The postings of one document, grouped by shard (in word order within each).
struct ShardedPostings {
    postings: Vec<(u64, Posting)>,
    /// Where each shard's postings start in `postings`, and where the last ends.
    starts: [usize; SHARDS + 1],
}

impl ShardedPostings {
    fn of(paragraphs: &[IndexedParagraph<'_>], coverage: Coverage) -> ShardedPostings {
        let mut postings = Vec::new();
        for &paragraph in paragraphs {
            for_each_posting(paragraph, coverage, |hash, posting| {
                postings.push((hash, posting))
            });
        }
        // Stable: a shard's postings keep their order.
        postings.sort_by_key(|&(hash, _)| shard_of(hash));
        let mut starts = [0; SHARDS + 1];
        for (number, start) in starts.iter_mut().enumerate() {
            *start = postings.partition_point(|&(hash, _)| shard_of(hash) < number);
        }
        ShardedPostings { postings, starts }
    }

    fn of_shard(&self, number: usize) -> &[(u64, Posting)] {
        &self.postings[self.starts[number]..self.starts[number + 1]]
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
    fn a_sharded_index_answers_like_one_index_and_forgets_what_is_removed() {
        let prints: Vec<ParagraphPrint> =
            PARAGRAPHS.iter().map(|p| ParagraphPrint::of(p)).collect();
        // Enough documents to be indexed in parallel, each with every paragraph.
        let documents: Vec<Vec<IndexedParagraph<'_>>> = (0..PARALLEL_FROM as u32 * 2)
            .map(|document| {
                (0..)
                    .zip(&prints)
                    .map(|(n, print)| (document, n, print))
                    .collect()
            })
            .collect();
        let mut sharded = ShardedIndex::default();
        sharded.add_documents(&documents, Coverage::Winnowed);
        let mut single = FingerprintIndex::default();
        for &(document, paragraph, print) in documents.iter().flatten() {
            single.add_paragraph(document, paragraph, print, Coverage::Winnowed);
        }
        assert_eq!(sharded.len(), single.len());
        let used: std::collections::HashSet<usize> = prints
            .iter()
            .flat_map(|print| print.fingerprints())
            .map(|fingerprint| shard_of(fingerprint.hash))
            .collect();
        assert!(used.len() > 1, "fingerprints spread over shards");
        for print in &prints {
            for fingerprint in print.fingerprints() {
                let hash = fingerprint.hash;
                assert_eq!(sharded.postings(hash), single.postings(hash));
                assert_eq!(sharded.postings_and_frequency(hash).1, documents.len());
            }
        }
        for &(document, paragraph, print) in documents.iter().flatten() {
            sharded.remove_paragraph(document, paragraph, print, Coverage::Winnowed);
        }
        assert!(sharded.is_empty());
    }
}
