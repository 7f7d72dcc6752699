//! The corpus's fingerprint index, split in shards by fingerprint, and indexing many documents
//! at once (a workspace being indexed, the files given to `copydesk check`): their postings are
//! built on all cores and inserted in document order, so the index gets the same postings, in
//! the same order, as adding the documents one by one.
//!
//! The server inserts on one thread while the next postings are built: inserting on several
//! threads (one per shard) is faster, but each thread's allocations stay with its own arena,
//! which left the long-lived index 15–30 MB more resident memory on 5,000 articles, over the
//! 250 MB line (BENCHMARKS.md, round 11). `copydesk check`, which lives for one run, inserts on
//! all cores.

use rayon::prelude::*;

use super::fingerprint::{
    for_each_posting, indexed_shingles, Coverage, FingerprintIndex, ParagraphPrint, Posting,
};

/// Shards of a [`ShardedIndex`]: enough for the cores of a newsroom's CI machine to share.
const SHARD_BITS: u32 = 4;
const SHARDS: usize = 1 << SHARD_BITS;

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

/// Which threads insert a batch's postings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Inserting {
    /// One thread, while the next postings are built (the server: less resident memory).
    #[default]
    OneThread,
    /// A thread per shard (the CLI: faster).
    AllCores,
}

/// A fingerprint index in shards by fingerprint: the same look-ups as one
/// [`FingerprintIndex`], but a batch can be inserted into the shards at once.
#[derive(Debug, Clone)]
pub struct ShardedIndex {
    shards: Vec<FingerprintIndex>,
}

impl Default for ShardedIndex {
    fn default() -> Self {
        ShardedIndex {
            shards: vec![FingerprintIndex::default(); SHARDS],
        }
    }
}

/// The shard of a fingerprint: its hash mixed again, because the maps of the shards use its
/// low and top bits themselves.
fn shard_of(hash: u64) -> usize {
    (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SHARD_BITS)) as usize
}

impl ShardedIndex {
    fn shard(&self, hash: u64) -> &FingerprintIndex {
        &self.shards[shard_of(hash)]
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
        let mut by_shard = vec![Vec::new(); SHARDS];
        for (hash, _) in indexed_shingles(print, coverage) {
            by_shard[shard_of(hash)].push(hash);
        }
        for (shard, hashes) in self.shards.iter_mut().zip(by_shard) {
            if !hashes.is_empty() {
                shard.remove_postings(document, paragraph, hashes);
            }
        }
    }
}

/// Adds the paragraphs of many documents, given per document in order, to `index`.
pub fn add_documents(
    index: &mut ShardedIndex,
    documents: &[Vec<IndexedParagraph<'_>>],
    coverage: Coverage,
    inserting: Inserting,
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
            || insert(index, &postings, inserting),
            || rounds.next().map(|round| postings_of(round, coverage)),
        );
        built = next;
    }
}

/// One document's postings, grouped by shard: each group in paragraph and word order.
struct DocumentPostings {
    postings: Vec<(u64, Posting)>,
    /// Where each shard's postings start.
    starts: [usize; SHARDS],
}

impl DocumentPostings {
    fn of(paragraphs: &[IndexedParagraph<'_>], coverage: Coverage) -> DocumentPostings {
        let mut made = Vec::new();
        for &paragraph in paragraphs {
            for_each_posting(paragraph, coverage, |hash, posting| {
                made.push((hash, posting))
            });
        }
        // A counting sort by shard: stable, so each shard's postings keep their order.
        let mut starts = [0; SHARDS];
        for &(hash, _) in &made {
            if let Some(next) = starts.get_mut(shard_of(hash) + 1) {
                *next += 1;
            }
        }
        for shard in 1..SHARDS {
            starts[shard] += starts[shard - 1];
        }
        let Some(&filler) = made.first() else {
            return DocumentPostings {
                postings: made,
                starts,
            };
        };
        let mut postings = vec![filler; made.len()];
        let mut next = starts;
        for &(hash, posting) in &made {
            let at = &mut next[shard_of(hash)];
            postings[*at] = (hash, posting);
            *at += 1;
        }
        DocumentPostings { postings, starts }
    }

    fn in_shard(&self, shard: usize) -> &[(u64, Posting)] {
        let end = self.starts.get(shard + 1).copied();
        &self.postings[self.starts[shard]..end.unwrap_or(self.postings.len())]
    }
}

/// The postings of a round of documents.
fn postings_of(round: &[Vec<IndexedParagraph<'_>>], coverage: Coverage) -> Vec<DocumentPostings> {
    round
        .par_iter()
        .map(|paragraphs| DocumentPostings::of(paragraphs, coverage))
        .collect()
}

/// Inserts a round's postings, document by document into each shard.
fn insert(index: &mut ShardedIndex, round: &[DocumentPostings], inserting: Inserting) {
    let fill = |(number, shard): (usize, &mut FingerprintIndex)| {
        for document in round {
            for &(hash, posting) in document.in_shard(number) {
                shard.insert(hash, posting);
            }
        }
    };
    match inserting {
        Inserting::OneThread => index.shards.iter_mut().enumerate().for_each(fill),
        Inserting::AllCores => index.shards.par_iter_mut().enumerate().for_each(fill),
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
        let mut one_by_one = FingerprintIndex::default();
        for &(document, paragraph, print) in documents.iter().flatten() {
            one_by_one.add_paragraph(document, paragraph, print, Coverage::Winnowed);
        }
        for inserting in [Inserting::OneThread, Inserting::AllCores] {
            let mut batched = ShardedIndex::default();
            add_documents(&mut batched, &documents, Coverage::Winnowed, inserting);
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
}
