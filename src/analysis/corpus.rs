//! The other documents a document is compared with for duplicate passages (open documents in
//! the editor, or the files given to the CLI).

use std::sync::Arc;

use super::document::Format;

/// One document of the corpus.
#[derive(Debug, Clone)]
pub struct CorpusDocument {
    /// A URI or path; shown in messages.
    pub name: String,
    pub text: Arc<str>,
    pub format: Format,
}

/// A set of documents, by name.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    documents: Vec<CorpusDocument>,
}

impl Corpus {
    /// Adds or replaces the document called `name`.
    pub fn insert(&mut self, name: &str, text: Arc<str>, format: Format) {
        self.remove(name);
        self.documents.push(CorpusDocument {
            name: name.to_string(),
            text,
            format,
        });
    }

    pub fn remove(&mut self, name: &str) {
        self.documents.retain(|doc| doc.name != name);
    }

    pub fn get(&self, name: &str) -> Option<&CorpusDocument> {
        self.documents.iter().find(|doc| doc.name == name)
    }

    pub fn documents(&self) -> impl Iterator<Item = &CorpusDocument> {
        self.documents.iter()
    }

    pub fn len(&self) -> usize {
        self.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }
}
