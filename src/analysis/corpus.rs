//! The other documents a document is compared with for duplicate passages (open documents in
//! the editor, or the files given to the CLI), kept fingerprinted and indexed.
//!
//! Inserting a document fingerprints its paragraphs and adds them to one shared index
//! ([`ShardedIndex`]). Re-inserting an edited document is incremental: every paragraph whose
//! text did not change keeps its print (a cache keyed by paragraph text hash) and its postings
//! (postings name paragraphs by a number that survives edits above them), so an edit costs a
//! parse, a hash of each paragraph, and the fingerprints of the paragraphs it touched. A
//! long-lived `Corpus` (one per server, updated on each change) gets the most from this.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use super::batch_index::{self, IndexedParagraph, Inserting, ShardedIndex};
use super::document::{Document, Format};
use super::fingerprint::{
    Coverage, DocumentPrint, ParagraphPrint, PlacedParagraph, Posting, QuickMap,
};

/// How the corpus index stores paragraphs: winnowed, because it is the one that grows.
const CORPUS_COVERAGE: Coverage = Coverage::Winnowed;

/// One document of the corpus.
#[derive(Debug, Clone)]
pub struct CorpusDocument {
    /// A URI or path; shown in messages.
    pub name: String,
    pub text: Arc<str>,
    pub format: Format,
}

/// The number a document has in the corpus index ([`Posting::document`]). It is kept when the
/// document is replaced and never reused for another document while the corpus lives.
pub type DocumentId = u32;

/// The number a paragraph has in its document's postings ([`Posting::paragraph`]): unlike its
/// position, it survives edits elsewhere in the document.
pub type ParagraphId = u32;

#[derive(Clone)]
struct Entry {
    id: DocumentId,
    document: CorpusDocument,
    print: DocumentPrint,
    /// The id of each paragraph, parallel to `print.paragraphs`.
    paragraph_ids: Vec<ParagraphId>,
    /// The position in `print.paragraphs` of each paragraph id.
    positions: QuickMap<ParagraphId, usize>,
    next_paragraph_id: ParagraphId,
    /// How many times this document was added or replaced (see [`Corpus::others_generation`]).
    changes: u64,
}

impl Entry {
    fn paragraph(&self, id: ParagraphId) -> Option<&PlacedParagraph> {
        // Until a document is edited its paragraph ids are their positions: no hash lookup.
        let position = match self.paragraph_ids.get(id as usize) {
            Some(&at) if at == id => id as usize,
            _ => *self.positions.get(&id)?,
        };
        self.print.paragraphs.get(position)
    }

    fn set_paragraphs(&mut self, print: DocumentPrint, ids: Vec<ParagraphId>) {
        self.positions = ids
            .iter()
            .enumerate()
            .map(|(position, &id)| (id, position))
            .collect();
        self.print = print;
        self.paragraph_ids = ids;
    }

    fn new_paragraph_id(&mut self) -> ParagraphId {
        let id = self.next_paragraph_id;
        self.next_paragraph_id = self.next_paragraph_id.wrapping_add(1);
        id
    }
}

/// A fingerprint shared by at least this many documents may be boilerplate (a newsletter
/// sign-up line in four of a desk's ten stories is; a passage in two or three is a paste) ...
const BOILERPLATE_MIN_DOCUMENTS: usize = 4;

/// ... and is, when it occurs in more than this share of the corpus (bylines, stock phrases,
/// standard endings): it would make every story a candidate original of every other.
const BOILERPLATE_SHARE: f64 = 0.05;

/// Whether a fingerprint found in `document_frequency` of `documents` documents is ignored as
/// boilerplate: in more than 5% of the corpus and in at least 4 documents.
pub fn is_boilerplate(document_frequency: usize, documents: usize) -> bool {
    document_frequency >= BOILERPLATE_MIN_DOCUMENTS
        && document_frequency as f64 > BOILERPLATE_SHARE * documents as f64
}

/// A document fingerprinted but not yet in a corpus: [`Corpus::prepare`] needs no corpus, so
/// many documents can be prepared in parallel and then added with [`Corpus::insert_batch`].
#[derive(Debug, Clone)]
pub struct PreparedDocument {
    document: CorpusDocument,
    print: DocumentPrint,
}

impl PreparedDocument {
    pub fn name(&self) -> &str {
        &self.document.name
    }
}

/// A set of documents, by name, with a fingerprint index over their paragraphs.
#[derive(Clone, Default)]
pub struct Corpus {
    /// In insertion order (a replaced document keeps its place).
    entries: Vec<Entry>,
    /// Position in `entries` of each document id.
    positions: QuickMap<DocumentId, usize>,
    /// The id of each document, by name.
    ids: HashMap<String, DocumentId>,
    /// Compare a document that is in the corpus only with the documents inserted before it
    /// (the CLI: a copy is flagged in the later file), not with every other one.
    earlier_only: bool,
    index: ShardedIndex,
    /// Which threads insert a batch's postings ([`Corpus::insert_batch`]).
    inserting: Inserting,
    /// Prints of the paragraphs of current documents, by paragraph text hash.
    paragraph_cache: QuickMap<u64, Arc<ParagraphPrint>>,
    next_id: DocumentId,
    /// Counts every add, replace and remove.
    generation: u64,
}

impl Corpus {
    /// Adds or replaces the document called `name`.
    pub fn insert(&mut self, name: &str, text: Arc<str>, format: Format) {
        let doc = Document::parse(&text, format);
        self.insert_parsed(name, text.clone(), &doc);
    }

    /// [`Corpus::insert`] for a document the caller has already parsed (from `text`).
    pub fn insert_parsed(&mut self, name: &str, text: Arc<str>, doc: &Document<'_>) {
        debug_assert_eq!(doc.text, &*text);
        // An edit changes a paragraph or two: the others are where they were in the document's
        // last version, and are taken from there rather than looked up in the corpus-wide
        // cache (hundreds of scattered look-ups per keystroke in a large workspace).
        let before = self
            .entry(name)
            .map_or(&[][..], |entry| &entry.print.paragraphs[..]);
        let mut kept = Vec::new();
        let print = DocumentPrint::with_cache(doc, |hash| {
            let same = before
                .get(kept.len())
                .filter(|old| old.print.text_hash == hash)
                .map(|old| old.print.clone());
            kept.push(same.is_some());
            same.or_else(|| self.paragraph_cache.get(&hash).cloned())
        });
        let document = CorpusDocument {
            name: name.to_string(),
            text,
            format: doc.format,
        };
        self.insert_print(document, print, &kept);
    }

    /// Parses and fingerprints a document without a corpus (see [`PreparedDocument`]).
    pub fn prepare(name: &str, text: Arc<str>, format: Format) -> PreparedDocument {
        let print = DocumentPrint::of(&Document::parse(&text, format));
        Corpus::prepared(name, text, format, print)
    }

    /// [`Corpus::prepare`] for a document the caller has already parsed (from `text`, in
    /// `doc.format`), so it is not parsed twice.
    pub fn prepare_parsed(name: &str, text: Arc<str>, doc: &Document<'_>) -> PreparedDocument {
        debug_assert_eq!(doc.text, &*text);
        let print = DocumentPrint::of(doc);
        Corpus::prepared(name, text, doc.format, print)
    }

    fn prepared(
        name: &str,
        text: Arc<str>,
        format: Format,
        print: DocumentPrint,
    ) -> PreparedDocument {
        let document = CorpusDocument {
            name: name.to_string(),
            text,
            format,
        };
        PreparedDocument { document, print }
    }

    /// Adds or replaces a prepared document (paragraphs the corpus already has a print for
    /// share it).
    pub fn insert_prepared(&mut self, prepared: PreparedDocument) {
        self.insert_print(prepared.document, prepared.print, &[]);
    }

    /// Adds or replaces prepared documents in order, as [`Corpus::insert_prepared`] on each
    /// would, with the same index, but indexes the new ones on all cores.
    pub fn insert_batch(&mut self, documents: impl IntoIterator<Item = PreparedDocument>) {
        // Positions in `entries` of documents added but not yet indexed.
        let mut unindexed = Vec::new();
        for prepared in documents {
            let mut print = prepared.print;
            self.share_cached_prints(&mut print, &[]);
            match self.position_of(&prepared.document.name) {
                Some(position) => {
                    // The document may be one of this batch: index those first.
                    self.index_entries(&std::mem::take(&mut unindexed));
                    self.replace(position, prepared.document, print);
                }
                None => unindexed.push(self.add_unindexed(prepared.document, print)),
            }
        }
        self.index_entries(&unindexed);
    }

    /// Adds or replaces a document with its print; `kept[i]` says paragraph `i`'s print came
    /// from the document's entry, so it is the cached one already.
    fn insert_print(&mut self, document: CorpusDocument, mut print: DocumentPrint, kept: &[bool]) {
        self.share_cached_prints(&mut print, kept);
        match self.position_of(&document.name) {
            Some(position) => self.replace(position, document, print),
            None => {
                let position = self.add_unindexed(document, print);
                self.index_entries(&[position]);
            }
        }
    }

    /// Makes each paragraph print of `print` the cached one for its text (caching it if none
    /// is), except those `kept` says are already.
    fn share_cached_prints(&mut self, print: &mut DocumentPrint, kept: &[bool]) {
        for (number, paragraph) in print.paragraphs.iter_mut().enumerate() {
            if kept.get(number).copied().unwrap_or(false) {
                continue;
            }
            let cached = self
                .paragraph_cache
                .entry(paragraph.print.text_hash)
                .or_insert_with(|| paragraph.print.clone());
            paragraph.print = cached.clone();
        }
    }

    fn position_of(&self, name: &str) -> Option<usize> {
        self.positions.get(self.ids.get(name)?).copied()
    }

    /// Makes a document in the corpus compared only with the documents inserted before it.
    pub fn set_earlier_only(&mut self, earlier_only: bool) {
        self.earlier_only = earlier_only;
    }

    /// Inserts batches on all cores: faster, but leaves a long-lived corpus more resident
    /// memory (see [`batch_index`]); for a corpus built once, as `copydesk check`'s is.
    pub fn set_inserting(&mut self, inserting: Inserting) {
        self.inserting = inserting;
    }

    /// Whether the passages of document `other` count as originals for the document `itself`
    /// (its id in the corpus, if it is in it).
    pub fn is_compared(&self, itself: Option<DocumentId>, other: DocumentId) -> bool {
        match itself {
            None => true,
            Some(itself) if self.earlier_only => self.is_before(other, itself),
            Some(itself) => other != itself,
        }
    }

    /// Ids are given in insertion order and a replaced document keeps its place, so the
    /// order of ids is the order of the documents (until ids wrap after four billion inserts).
    fn is_before(&self, a: DocumentId, b: DocumentId) -> bool {
        a < b
    }

    /// The entry of a document id: found where it was inserted when nothing before it was
    /// removed, else through the position map.
    fn entry_by_id(&self, id: DocumentId) -> Option<&Entry> {
        match self.entries.get(id as usize) {
            Some(entry) if entry.id == id => Some(entry),
            _ => self.entries.get(*self.positions.get(&id)?),
        }
    }

    /// In how many documents a fingerprint occurs (see
    /// [`ShardedIndex::document_frequency`]); no scan, so it can be asked for every shingle.
    pub fn document_frequency(&self, fingerprint: u64) -> usize {
        self.index.document_frequency(fingerprint)
    }

    /// A number that changes whenever a document other than `itself` is added, replaced or
    /// removed (or the comparison rule changes): what a check of `itself` saw of the others is
    /// still valid while it stays the same.
    pub fn others_generation(&self, itself: Option<DocumentId>) -> u64 {
        let own = itself
            .and_then(|id| self.entry_by_id(id))
            .map_or(0, |entry| entry.changes);
        (self.generation - own) << 1 | u64::from(self.earlier_only)
    }

    /// Whether a fingerprint occurs in so many documents that it is boilerplate
    /// ([`is_boilerplate`]).
    pub fn is_boilerplate_fingerprint(&self, fingerprint: u64) -> bool {
        is_boilerplate(self.document_frequency(fingerprint), self.len())
    }

    pub fn remove(&mut self, name: &str) {
        let Some(position) = self.position_of(name) else {
            return;
        };
        let entry = self.entries.remove(position);
        self.generation += 1;
        self.ids.remove(name);
        for (paragraph, &id) in entry.print.paragraphs.iter().zip(&entry.paragraph_ids) {
            self.index
                .remove_paragraph(entry.id, id, &paragraph.print, CORPUS_COVERAGE);
        }
        let hashes: Vec<u64> = entry
            .print
            .paragraphs
            .iter()
            .map(|paragraph| paragraph.print.text_hash)
            .collect();
        drop(entry);
        self.forget_unused_prints(hashes);
        self.positions = self
            .entries
            .iter()
            .enumerate()
            .map(|(position, entry)| (entry.id, position))
            .collect();
    }

    pub fn get(&self, name: &str) -> Option<&CorpusDocument> {
        self.entry(name).map(|entry| &entry.document)
    }

    /// The print of document `name` if the corpus holds this very text for it (the same
    /// allocation, as when the caller inserted the text it checks), so a check of a document
    /// just indexed need not hash its paragraphs again.
    pub fn print_of(&self, name: &str, text: &str, format: Format) -> Option<&DocumentPrint> {
        let entry = self.entry(name)?;
        let held = &entry.document;
        let same_text =
            std::ptr::eq(held.text.as_ptr(), text.as_ptr()) && held.text.len() == text.len();
        (same_text && held.format == format).then_some(&entry.print)
    }

    pub fn documents(&self) -> impl Iterator<Item = &CorpusDocument> {
        self.entries.iter().map(|entry| &entry.document)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The id of the document called `name`.
    pub fn id_of(&self, name: &str) -> Option<DocumentId> {
        self.entry(name).map(|entry| entry.id)
    }

    /// A document and its paragraph prints, by the id its postings carry.
    pub fn by_id(&self, id: DocumentId) -> Option<(&CorpusDocument, &DocumentPrint)> {
        let entry = self.entry_by_id(id)?;
        Some((&entry.document, &entry.print))
    }

    /// The document and paragraph a posting points at.
    pub fn paragraph(
        &self,
        document: DocumentId,
        paragraph: ParagraphId,
    ) -> Option<(&CorpusDocument, &PlacedParagraph)> {
        let entry = self.entry_by_id(document)?;
        Some((&entry.document, entry.paragraph(paragraph)?))
    }

    /// [`Corpus::postings`], or none for boilerplate ([`Corpus::is_boilerplate_fingerprint`]),
    /// in one look-up of the index.
    pub fn postings_unless_boilerplate(&self, fingerprint: u64) -> &[Posting] {
        match self.index.postings_and_frequency(fingerprint) {
            (_, frequency) if is_boilerplate(frequency, self.len()) => &[],
            (postings, _) => postings,
        }
    }

    /// Where a fingerprint occurs in the corpus. Postings name paragraphs by [`ParagraphId`];
    /// resolve them with [`Corpus::paragraph`].
    pub fn postings(&self, fingerprint: u64) -> &[Posting] {
        self.index.postings(fingerprint)
    }

    /// The print of a paragraph with this text hash, if a corpus document has that paragraph,
    /// so checking a document the corpus also holds does not fingerprint it twice.
    pub fn cached_paragraph(&self, text_hash: u64) -> Option<Arc<ParagraphPrint>> {
        self.paragraph_cache.get(&text_hash).cloned()
    }

    fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.get(*self.positions.get(self.ids.get(name)?)?)
    }

    /// Indexes the paragraphs of the entries at `positions`, on all cores when there are many.
    fn index_entries(&mut self, positions: &[usize]) {
        let entries = &self.entries;
        let documents: Vec<Vec<IndexedParagraph<'_>>> = positions
            .iter()
            .map(|&position| {
                let entry = &entries[position];
                let paragraphs = entry.print.paragraphs.iter().zip(&entry.paragraph_ids);
                paragraphs
                    .map(|(paragraph, &id)| (entry.id, id, &*paragraph.print))
                    .collect()
            })
            .collect();
        batch_index::add_documents(&mut self.index, &documents, CORPUS_COVERAGE, self.inserting);
    }

    /// Adds a new document's entry, not yet indexed; returns its position in `entries`.
    fn add_unindexed(&mut self, document: CorpusDocument, print: DocumentPrint) -> usize {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        let count = print.paragraphs.len();
        let mut entry = Entry {
            id,
            document,
            print: DocumentPrint::default(),
            paragraph_ids: Vec::new(),
            positions: QuickMap::default(),
            next_paragraph_id: u32::try_from(count).unwrap_or(u32::MAX),
            changes: 1,
        };
        self.generation += 1;
        entry.set_paragraphs(print, (0..entry.next_paragraph_id).collect());
        let position = self.entries.len();
        self.positions.insert(id, position);
        self.ids.insert(entry.document.name.clone(), id);
        self.entries.push(entry);
        position
    }

    /// Replaces a document's text, re-indexing only the paragraphs whose text changed: an old
    /// paragraph whose text reappears (the first unused one with that text, in order) keeps its
    /// id and postings.
    fn replace(&mut self, position: usize, document: CorpusDocument, print: DocumentPrint) {
        self.generation += 1;
        let entry = &mut self.entries[position];
        entry.changes += 1;
        // Each new paragraph keeps the id of the first unused old paragraph with its text:
        // old paragraphs sorted by (text hash, position), so one text's are side by side.
        let mut unused: Vec<(u64, usize)> = entry
            .print
            .paragraphs
            .iter()
            .enumerate()
            .map(|(old, paragraph)| (paragraph.print.text_hash, old))
            .collect();
        unused.sort_unstable();
        let mut taken = vec![false; unused.len()];
        let mut ids = Vec::with_capacity(print.paragraphs.len());
        for paragraph in &print.paragraphs {
            let hash = paragraph.print.text_hash;
            let first = unused.partition_point(|&(other, _)| other < hash);
            let kept = (first..unused.len())
                .take_while(|&at| unused[at].0 == hash)
                .find(|&at| !taken[at])
                .map(|at| {
                    taken[at] = true;
                    unused[at].1
                });
            let id = match kept {
                Some(old) => entry.paragraph_ids[old],
                None => {
                    let id = entry.new_paragraph_id();
                    self.index
                        .add_paragraph(entry.id, id, &paragraph.print, CORPUS_COVERAGE);
                    id
                }
            };
            ids.push(id);
        }
        let mut gone = Vec::new();
        let left = unused
            .iter()
            .zip(&taken)
            .filter(|(_, &taken)| !taken)
            .map(|(&(_, old), _)| old);
        for old in left {
            let paragraph = &entry.print.paragraphs[old];
            self.index.remove_paragraph(
                entry.id,
                entry.paragraph_ids[old],
                &paragraph.print,
                CORPUS_COVERAGE,
            );
            gone.push(paragraph.print.text_hash);
        }
        entry.document = document;
        entry.set_paragraphs(print, ids);
        self.forget_unused_prints(gone);
    }

    /// Drops cached prints that only the cache still holds: no document has that paragraph.
    fn forget_unused_prints(&mut self, hashes: Vec<u64>) {
        for hash in hashes {
            if self
                .paragraph_cache
                .get(&hash)
                .is_some_and(|print| Arc::strong_count(print) == 1)
            {
                self.paragraph_cache.remove(&hash);
            }
        }
    }
}

impl fmt::Debug for Corpus {
    /// Names and sizes only: the index would drown a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Corpus")
            .field(
                "documents",
                &self.documents().map(|doc| &doc.name).collect::<Vec<_>>(),
            )
            .field("fingerprints", &self.index.len())
            .field("cached_paragraphs", &self.paragraph_cache.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fingerprint::paragraph_fingerprints;

    const LEDE: &str =
        "Crews evacuated more than 4,000 residents from low-lying districts on Sunday.";
    const CREST: &str = "The river crested at nine metres overnight, officials said.";
    const SHELTERS: &str = "Three school gymnasiums opened as shelters for the evacuated families.";

    fn story(paragraphs: &[&str]) -> Arc<str> {
        Arc::from(paragraphs.join("\n\n").as_str())
    }

    #[test]
    fn a_document_edited_in_the_index_is_indexed_as_if_inserted_afresh() {
        let versions = [
            story(&[LEDE, CREST, SHELTERS]),
            story(&[LEDE, "The river crested overnight.", SHELTERS]),
            story(&[SHELTERS, LEDE, "The river crested overnight.", SHELTERS]),
            story(&[SHELTERS, "The river crested overnight.", SHELTERS]),
            story(&[CREST]),
            story(&[LEDE, CREST, SHELTERS]),
        ];
        let mut edited = Corpus::default();
        edited.insert("other.md", story(&[CREST, LEDE]), Format::Markdown);
        for text in versions {
            edited.insert("a.md", text.clone(), Format::Markdown);
            let mut fresh = Corpus::default();
            fresh.insert("other.md", story(&[CREST, LEDE]), Format::Markdown);
            fresh.insert("a.md", text.clone(), Format::Markdown);
            let print = edited
                .print_of("a.md", &text, Format::Markdown)
                .expect("indexed");
            let expected = DocumentPrint::of(&Document::parse(&text, Format::Markdown));
            assert_eq!(
                print.paragraphs.len(),
                expected.paragraphs.len(),
                "{text:?}"
            );
            for (held, wanted) in print.paragraphs.iter().zip(&expected.paragraphs) {
                assert_eq!(held.range, wanted.range);
                assert_eq!(held.print.text_hash, wanted.print.text_hash);
                // Each print in the index is the cached one (what an edit relies on to skip
                // the cache for the paragraphs it kept).
                let cached = edited
                    .cached_paragraph(held.print.text_hash)
                    .expect("cached");
                assert!(Arc::ptr_eq(&cached, &held.print), "{text:?}");
                for fingerprint in held.print.fingerprints() {
                    assert_eq!(
                        edited.document_frequency(fingerprint.hash),
                        fresh.document_frequency(fingerprint.hash),
                        "{text:?}"
                    );
                    assert_eq!(
                        edited.postings(fingerprint.hash).len(),
                        fresh.postings(fingerprint.hash).len(),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_print_of_an_indexed_text_is_found_only_for_that_very_text() {
        let text = story(&[LEDE, CREST]);
        let mut corpus = Corpus::default();
        corpus.insert("a.md", text.clone(), Format::Markdown);
        let fresh = DocumentPrint::of(&Document::parse(&text, Format::Markdown));
        let held = corpus
            .print_of("a.md", &text, Format::Markdown)
            .expect("indexed text");
        let hashes = |print: &DocumentPrint| -> Vec<(std::ops::Range<usize>, u64)> {
            print
                .paragraphs
                .iter()
                .map(|p| (p.range.clone(), p.print.text_hash))
                .collect()
        };
        assert_eq!(hashes(held), hashes(&fresh));
        // Equal words in another allocation may be an edit the index has not seen: no print.
        let copy: Arc<str> = Arc::from(&*text);
        assert!(corpus.print_of("a.md", &copy, Format::Markdown).is_none());
        assert!(corpus.print_of("a.md", &text, Format::PlainText).is_none());
        assert!(corpus.print_of("b.md", &text, Format::Markdown).is_none());
    }

    fn corpus_with(name: &str, paragraphs: &[&str]) -> Corpus {
        let mut corpus = Corpus::default();
        corpus.insert(name, story(paragraphs), Format::Markdown);
        corpus
    }

    /// Whether every fingerprint of `paragraph` has a posting in document `id`.
    fn indexed(corpus: &Corpus, id: DocumentId, paragraph: &str) -> bool {
        paragraph_fingerprints(paragraph)
            .into_iter()
            .all(|fingerprint| {
                corpus
                    .postings(fingerprint)
                    .iter()
                    .any(|p| p.document == id)
            })
    }

    #[test]
    fn insert_get_remove_and_order() {
        let mut corpus = corpus_with("a.md", &[LEDE, CREST]);
        corpus.insert("b.md", Arc::from("Other text."), Format::PlainText);
        corpus.insert("a.md", story(&[LEDE]), Format::Markdown);
        let names: Vec<&str> = corpus.documents().map(|doc| doc.name.as_str()).collect();
        assert_eq!(names, vec!["a.md", "b.md"]);
        assert_eq!(corpus.len(), 2);
        assert_eq!(corpus.get("b.md").unwrap().format, Format::PlainText);
        assert_eq!(&*corpus.get("a.md").unwrap().text, LEDE);
        corpus.remove("a.md");
        corpus.remove("missing.md");
        assert_eq!(corpus.len(), 1);
        assert!(corpus.get("a.md").is_none());
        assert!(corpus.id_of("b.md").is_some());
    }

    #[test]
    fn postings_lead_to_the_document_and_paragraph() {
        let corpus = corpus_with("a.md", &[LEDE, CREST]);
        let fingerprint = paragraph_fingerprints(CREST)[0];
        let posting = corpus.postings(fingerprint)[0];
        let (doc, paragraph) = corpus
            .paragraph(posting.document, posting.paragraph)
            .unwrap();
        assert_eq!(doc.name, "a.md");
        assert_eq!(&doc.text[paragraph.range.clone()], CREST);
        assert!(corpus.paragraph(posting.document, 99).is_none());
        assert!(corpus.paragraph(99, 0).is_none());
    }

    #[test]
    fn an_edit_keeps_the_prints_and_postings_of_unchanged_paragraphs() {
        let mut corpus = corpus_with("a.md", &[LEDE, CREST]);
        let id = corpus.id_of("a.md").unwrap();
        let crest_before = corpus.by_id(id).unwrap().1.paragraphs[1].print.clone();
        let crest_posting = corpus.postings(paragraph_fingerprints(CREST)[0])[0];
        // A paragraph inserted above and the lede edited: the crest paragraph moves down.
        let edited = LEDE.replace("4,000", "5,000");
        corpus.insert("a.md", story(&[SHELTERS, &edited, CREST]), Format::Markdown);
        assert_eq!(corpus.id_of("a.md"), Some(id));
        let print = corpus.by_id(id).unwrap().1;
        assert!(Arc::ptr_eq(&crest_before, &print.paragraphs[2].print));
        assert_eq!(
            corpus.postings(paragraph_fingerprints(CREST)[0])[0],
            crest_posting
        );
        let (_, crest) = corpus.paragraph(id, crest_posting.paragraph).unwrap();
        assert_eq!(crest.range, print.paragraphs[2].range);
        assert!(indexed(&corpus, id, SHELTERS));
        assert!(indexed(&corpus, id, &edited));
        // The old lede left the index and the cache.
        let only_old: Vec<u64> = paragraph_fingerprints(LEDE)
            .into_iter()
            .filter(|f| !paragraph_fingerprints(&edited).contains(f))
            .collect();
        assert!(!only_old.is_empty());
        assert!(only_old.iter().all(|&f| corpus.postings(f).is_empty()));
        assert_eq!(corpus.paragraph_cache.len(), 3);
    }

    #[test]
    fn a_repeated_paragraph_keeps_one_id_per_copy() {
        let mut corpus = corpus_with("a.md", &[LEDE, LEDE]);
        corpus.insert("a.md", story(&[LEDE]), Format::Markdown);
        let postings = corpus.postings(paragraph_fingerprints(LEDE)[0]);
        assert_eq!(postings.len(), 1);
        corpus.insert("a.md", story(&[LEDE, CREST, LEDE]), Format::Markdown);
        assert_eq!(corpus.postings(paragraph_fingerprints(LEDE)[0]).len(), 2);
    }

    #[test]
    fn removing_every_document_empties_index_and_cache() {
        let mut corpus = corpus_with("a.md", &[LEDE, CREST]);
        corpus.insert("b.md", story(&[LEDE, CREST]), Format::Markdown);
        corpus.remove("a.md");
        assert!(!corpus.index.is_empty());
        assert_eq!(corpus.paragraph_cache.len(), 2);
        corpus.remove("b.md");
        assert!(corpus.index.is_empty());
        assert!(corpus.paragraph_cache.is_empty());
        assert!(format!("{corpus:?}").contains("fingerprints: 0"));
    }

    #[test]
    fn boilerplate_is_common_in_share_and_in_count() {
        assert!(!is_boilerplate(3, 10));
        assert!(is_boilerplate(4, 10));
        assert!(is_boilerplate(4, 79));
        assert!(!is_boilerplate(4, 80));
        assert!(is_boilerplate(5, 80));
        assert!(!is_boilerplate(10, 200));
        assert!(is_boilerplate(11, 200));
        assert!(!is_boilerplate(250, 5_000));
        assert!(is_boilerplate(251, 5_000));
        assert!(!is_boilerplate(0, 0));
    }

    #[test]
    fn a_fingerprint_in_many_documents_is_boilerplate() {
        let mut corpus = Corpus::default();
        for number in 0..40 {
            let own = format!("Story {number} tells of event number {number} in the valley.");
            corpus.insert(
                &format!("{number}.md"),
                story(&[LEDE, &own]),
                Format::Markdown,
            );
        }
        corpus.insert("last.md", story(&[CREST]), Format::Markdown);
        let lede = paragraph_fingerprints(LEDE)[0];
        assert_eq!(corpus.document_frequency(lede), 40);
        corpus.remove("3.md");
        assert_eq!(corpus.document_frequency(lede), 39);
        assert!(corpus.is_boilerplate_fingerprint(lede));
        assert!(!corpus.is_boilerplate_fingerprint(paragraph_fingerprints(CREST)[0]));
    }

    #[test]
    fn prepared_documents_are_inserted_like_any_other() {
        let mut corpus = Corpus::default();
        let prepared = Corpus::prepare("a.md", story(&[LEDE, CREST]), Format::Markdown);
        assert_eq!(prepared.name(), "a.md");
        corpus.insert_prepared(prepared);
        corpus.insert_prepared(Corpus::prepare("b.md", story(&[LEDE]), Format::Markdown));
        let (a, b) = (corpus.id_of("a.md").unwrap(), corpus.id_of("b.md").unwrap());
        assert!(indexed(&corpus, a, CREST));
        assert_eq!(corpus.paragraph_cache.len(), 2);
        // Both documents share the one print of the lede.
        let lede_a = &corpus.by_id(a).unwrap().1.paragraphs[0].print;
        let lede_b = &corpus.by_id(b).unwrap().1.paragraphs[0].print;
        assert!(Arc::ptr_eq(lede_a, lede_b));
    }

    /// Stories of three or four paragraphs from a small pool, so that many share passages.
    fn pooled_story(number: usize) -> Arc<str> {
        const POOL: [&str; 7] = [
            LEDE,
            CREST,
            SHELTERS,
            "Power was restored to most homes by Tuesday evening, the utility said.",
            "\"We lost everything in the basement,\" said Maria Okafor, who has lived there since 1994.",
            "The mayor asked residents to boil tap water until further notice.",
            "Forecasters expect more rain over the weekend in the northern valleys.",
        ];
        let paragraphs: Vec<&str> = (0..3 + number % 2)
            .map(|at| POOL[(number * (at + 2) + at * at) % POOL.len()])
            .collect();
        story(&paragraphs)
    }

    #[test]
    fn a_batch_gives_the_index_that_inserting_one_by_one_gives() {
        // More documents than one round of a batch takes, some of them twice (a
        // later copy replaces the earlier, within the batch or already in the corpus).
        let names = |number: usize| format!("{}.md", number % 650);
        let mut batch: Vec<PreparedDocument> = (0..700)
            .map(|number| Corpus::prepare(&names(number), pooled_story(number), Format::Markdown))
            .collect();
        batch.insert(
            300,
            Corpus::prepare("old.md", story(&[CREST]), Format::Markdown),
        );
        let mut one_by_one = corpus_with("old.md", &[LEDE, SHELTERS]);
        let mut batched = one_by_one.clone();
        for prepared in batch.clone() {
            one_by_one.insert_prepared(prepared);
        }
        batched.insert_batch(batch);
        assert_eq!(batched.len(), 651);
        assert_eq!(batched.index.len(), one_by_one.index.len());
        for (expected, got) in one_by_one.entries.iter().zip(&batched.entries) {
            assert_eq!(
                (expected.id, &expected.document.name),
                (got.id, &got.document.name)
            );
            assert_eq!(expected.paragraph_ids, got.paragraph_ids);
            for paragraph in &expected.print.paragraphs {
                for fingerprint in paragraph.print.fingerprints() {
                    let hash = fingerprint.hash;
                    assert_eq!(batched.postings(hash), one_by_one.postings(hash));
                    assert_eq!(
                        batched.document_frequency(hash),
                        one_by_one.document_frequency(hash)
                    );
                }
            }
        }
    }

    #[test]
    fn earlier_only_compares_a_document_with_those_before_it() {
        let mut corpus = corpus_with("a.md", &[LEDE]);
        corpus.insert("b.md", story(&[LEDE]), Format::Markdown);
        let (a, b) = (corpus.id_of("a.md"), corpus.id_of("b.md"));
        assert!(corpus.is_compared(a, b.unwrap()));
        assert!(!corpus.is_compared(a, a.unwrap()));
        corpus.set_earlier_only(true);
        assert!(!corpus.is_compared(a, b.unwrap()));
        assert!(corpus.is_compared(b, a.unwrap()));
        assert!(corpus.is_compared(None, b.unwrap()));
    }
}
