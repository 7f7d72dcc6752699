//! The other documents a document is compared with for duplicate passages (open documents in
//! the editor, or the files given to the CLI), kept fingerprinted and indexed.
//!
//! Inserting a document fingerprints its paragraphs and adds them to one shared
//! [`FingerprintIndex`]; re-inserting an edited document reuses the print of every paragraph
//! whose text did not change (a cache keyed by paragraph text hash), so an edit costs the
//! paragraphs it touched. A long-lived `Corpus` (one per server, updated on each change) gets
//! the most from this.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use super::document::{Document, Format};
use super::fingerprint::{
    to_u32, Coverage, DocumentPrint, FingerprintIndex, ParagraphPrint, Posting,
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

/// The number a document has in the corpus index ([`Posting::document`]). Numbers are not
/// reused while the corpus lives, so a stale posting can never point at the wrong document.
pub type DocumentId = u32;

#[derive(Clone)]
struct Entry {
    id: DocumentId,
    document: CorpusDocument,
    print: DocumentPrint,
}

/// A set of documents, by name, with a fingerprint index over their paragraphs.
#[derive(Clone, Default)]
pub struct Corpus {
    /// In insertion order (a re-inserted document moves to the end).
    entries: Vec<Entry>,
    /// Position in `entries` of each document id.
    positions: HashMap<DocumentId, usize>,
    index: FingerprintIndex,
    /// Prints of the paragraphs of current documents, by paragraph text hash.
    paragraph_cache: HashMap<u64, Arc<ParagraphPrint>>,
    next_id: DocumentId,
}

impl Corpus {
    /// Adds or replaces the document called `name`.
    pub fn insert(&mut self, name: &str, text: Arc<str>, format: Format) {
        // Fingerprint before removing the old version, so its unchanged paragraphs are reused.
        let print = DocumentPrint::with_cache(&Document::parse(&text, format), |hash| {
            self.paragraph_cache.get(&hash).cloned()
        });
        self.remove(name);
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        for (number, paragraph) in print.paragraphs.iter().enumerate() {
            self.paragraph_cache
                .entry(paragraph.print.text_hash)
                .or_insert_with(|| paragraph.print.clone());
            self.index
                .add_paragraph(id, to_u32(number), &paragraph.print, CORPUS_COVERAGE);
        }
        self.positions.insert(id, self.entries.len());
        self.entries.push(Entry {
            id,
            document: CorpusDocument {
                name: name.to_string(),
                text,
                format,
            },
            print,
        });
    }

    pub fn remove(&mut self, name: &str) {
        let Some(position) = self.entries.iter().position(|e| e.document.name == name) else {
            return;
        };
        let entry = self.entries.remove(position);
        for (number, paragraph) in entry.print.paragraphs.iter().enumerate() {
            self.index.remove_paragraph(
                entry.id,
                to_u32(number),
                &paragraph.print,
                CORPUS_COVERAGE,
            );
        }
        let hashes: Vec<u64> = entry
            .print
            .paragraphs
            .iter()
            .map(|paragraph| paragraph.print.text_hash)
            .collect();
        drop(entry);
        // A cached print only the cache still holds belongs to no document any more.
        for hash in hashes {
            if self
                .paragraph_cache
                .get(&hash)
                .is_some_and(|print| Arc::strong_count(print) == 1)
            {
                self.paragraph_cache.remove(&hash);
            }
        }
        self.positions = self
            .entries
            .iter()
            .enumerate()
            .map(|(position, entry)| (entry.id, position))
            .collect();
    }

    pub fn get(&self, name: &str) -> Option<&CorpusDocument> {
        self.entries
            .iter()
            .find(|entry| entry.document.name == name)
            .map(|entry| &entry.document)
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
        self.entries
            .iter()
            .find(|entry| entry.document.name == name)
            .map(|entry| entry.id)
    }

    /// A document and its paragraph prints, by the id its postings carry.
    pub fn by_id(&self, id: DocumentId) -> Option<(&CorpusDocument, &DocumentPrint)> {
        let entry = self.entries.get(*self.positions.get(&id)?)?;
        Some((&entry.document, &entry.print))
    }

    /// Where a fingerprint occurs in the corpus, in insertion order.
    pub fn postings(&self, fingerprint: u64) -> &[Posting] {
        self.index.postings(fingerprint)
    }

    /// The print of a paragraph with this text hash, if a corpus document has that paragraph,
    /// so checking a document the corpus also holds does not fingerprint it twice.
    pub fn cached_paragraph(&self, text_hash: u64) -> Option<Arc<ParagraphPrint>> {
        self.paragraph_cache.get(&text_hash).cloned()
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

    const STORY: &str = "Crews evacuated more than 4,000 residents from low-lying districts on Sunday.\n\nThe river crested at nine metres overnight, officials said.\n";

    fn corpus_with(name: &str, text: &str) -> Corpus {
        let mut corpus = Corpus::default();
        corpus.insert(name, Arc::from(text), Format::Markdown);
        corpus
    }

    #[test]
    fn insert_get_remove_and_order() {
        let mut corpus = corpus_with("a.md", STORY);
        corpus.insert("b.md", Arc::from("Other text."), Format::PlainText);
        corpus.insert("a.md", Arc::from(STORY), Format::Markdown);
        let names: Vec<&str> = corpus.documents().map(|doc| doc.name.as_str()).collect();
        assert_eq!(names, vec!["b.md", "a.md"]);
        assert_eq!(corpus.len(), 2);
        assert_eq!(corpus.get("b.md").unwrap().format, Format::PlainText);
        corpus.remove("a.md");
        corpus.remove("missing.md");
        assert_eq!(corpus.len(), 1);
        assert!(corpus.get("a.md").is_none());
    }

    #[test]
    fn postings_lead_to_the_document_and_paragraph() {
        let corpus = corpus_with("a.md", STORY);
        let fingerprint = paragraph_fingerprints("The river crested at nine metres overnight.")[0];
        let posting = corpus.postings(fingerprint)[0];
        let (doc, print) = corpus.by_id(posting.document).unwrap();
        assert_eq!(doc.name, "a.md");
        assert_eq!(posting.paragraph, 1);
        assert_eq!(
            &doc.text[print.paragraphs[1].range.clone()],
            "The river crested at nine metres overnight, officials said."
        );
    }

    #[test]
    fn an_edit_reuses_the_prints_of_unchanged_paragraphs() {
        let mut corpus = corpus_with("a.md", STORY);
        let id = corpus.id_of("a.md").unwrap();
        let before = corpus.by_id(id).unwrap().1.paragraphs[1].print.clone();
        let edited = STORY.replace("4,000", "5,000");
        corpus.insert("a.md", Arc::from(edited.as_str()), Format::Markdown);
        let id = corpus.id_of("a.md").unwrap();
        let after = corpus.by_id(id).unwrap().1;
        assert!(Arc::ptr_eq(&before, &after.paragraphs[1].print));
        // The old version's postings left the index; the new first paragraph is in it.
        let old_paragraph =
            "Crews evacuated more than 4,000 residents from low-lying districts on Sunday.";
        for fingerprint in paragraph_fingerprints(old_paragraph) {
            assert!(corpus
                .postings(fingerprint)
                .iter()
                .all(|p| p.document == id));
        }
        let new_paragraph = old_paragraph.replace("4,000", "5,000");
        for fingerprint in paragraph_fingerprints(&new_paragraph) {
            assert!(corpus
                .postings(fingerprint)
                .iter()
                .any(|p| p.document == id));
        }
        assert_eq!(corpus.paragraph_cache.len(), 2);
    }

    #[test]
    fn removing_every_document_empties_index_and_cache() {
        let mut corpus = corpus_with("a.md", STORY);
        corpus.insert("b.md", Arc::from(STORY), Format::Markdown);
        corpus.remove("a.md");
        assert!(!corpus.index.is_empty());
        corpus.remove("b.md");
        assert!(corpus.index.is_empty());
        assert!(corpus.paragraph_cache.is_empty());
        assert!(format!("{corpus:?}").contains("fingerprints: 0"));
    }
}
