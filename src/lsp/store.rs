//! Open documents: ropes with versions, edited incrementally in the order the client sent the
//! edits. Knows positions only through `position`.

use std::collections::HashMap;
use std::sync::Arc;

use ropey::Rope;
use tower_lsp::lsp_types::{TextDocumentContentChangeEvent, Url};

use super::position::{self, Encoding};
use crate::analysis::{Format, Memo};

/// One open document.
#[derive(Debug, Clone)]
pub struct OpenDocument {
    pub rope: Rope,
    pub version: i32,
    pub format: Format,
    /// The text as one string, made on demand and dropped on every edit.
    text: Option<Arc<str>>,
    /// What the last check of this document left for the next one.
    pub memo: Arc<Memo>,
}

impl OpenDocument {
    pub fn new(text: &str, version: i32, format: Format) -> OpenDocument {
        OpenDocument {
            rope: Rope::from_str(text),
            version,
            format,
            text: None,
            memo: Arc::default(),
        }
    }

    /// The whole text; cached until the next edit.
    pub fn text(&mut self) -> Arc<str> {
        self.text
            .get_or_insert_with(|| Arc::from(self.rope.to_string()))
            .clone()
    }

    /// Applies one change: a range replacement, or the whole text when `range` is absent.
    /// Out-of-range positions are clamped, so no edit can panic.
    pub fn apply(&mut self, change: &TextDocumentContentChangeEvent, encoding: Encoding) {
        self.text = None;
        match change.range {
            None => self.rope = Rope::from_str(&change.text),
            Some(range) => {
                let bytes = position::to_byte_range(&self.rope, range, encoding);
                let start = self.rope.byte_to_char(bytes.start);
                let end = self.rope.byte_to_char(bytes.end);
                self.rope.remove(start..end);
                self.rope.insert(start, &change.text);
            }
        }
    }
}

/// Every open document, by URI.
#[derive(Debug, Default)]
pub struct DocumentStore {
    documents: HashMap<Url, OpenDocument>,
}

impl DocumentStore {
    pub fn open(&mut self, uri: Url, text: &str, version: i32, format: Format) {
        self.documents
            .insert(uri, OpenDocument::new(text, version, format));
    }

    /// Applies changes in order, each to the text the previous one left. Returns false when the
    /// document is not open (the client's mistake: nothing to apply to).
    pub fn change(
        &mut self,
        uri: &Url,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: Encoding,
    ) -> bool {
        let Some(document) = self.documents.get_mut(uri) else {
            return false;
        };
        for change in changes {
            document.apply(change, encoding);
        }
        document.version = version;
        true
    }

    pub fn close(&mut self, uri: &Url) -> bool {
        self.documents.remove(uri).is_some()
    }

    pub fn get(&self, uri: &Url) -> Option<&OpenDocument> {
        self.documents.get(uri)
    }

    pub fn get_mut(&mut self, uri: &Url) -> Option<&mut OpenDocument> {
        self.documents.get_mut(uri)
    }

    pub fn uris(&self) -> Vec<Url> {
        self.documents.keys().cloned().collect()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&Url, &mut OpenDocument)> {
        self.documents.iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp::lsp_types::{Position, Range};

    fn edit(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(start.0, start.1),
                Position::new(end.0, end.1),
            )),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn each_change_applies_to_the_text_left_by_the_previous_one() {
        let mut doc = OpenDocument::new("Peace talks\r\nin Istanbul", 1, Format::PlainText);
        doc.apply(&edit((0, 0), (0, 5), "New"), Encoding::Utf16);
        doc.apply(&edit((1, 3), (1, 11), "Ankara"), Encoding::Utf16);
        doc.apply(&edit((0, 3), (0, 3), " peace"), Encoding::Utf16);
        assert_eq!(&*doc.text(), "New peace talks\r\nin Ankara");
    }

    #[test]
    fn out_of_range_edits_are_clamped() {
        let mut doc = OpenDocument::new("ab", 1, Format::PlainText);
        doc.apply(&edit((0, 9), (7, 0), "c"), Encoding::Utf16);
        doc.apply(&edit((5, 0), (2, 0), "d"), Encoding::Utf16);
        assert_eq!(&*doc.text(), "abcd");
    }

    #[test]
    fn emoji_edit_in_utf16_units() {
        let mut doc = OpenDocument::new("a😀b", 1, Format::PlainText);
        doc.apply(&edit((0, 1), (0, 3), "é"), Encoding::Utf16);
        assert_eq!(&*doc.text(), "aéb");
    }

    #[test]
    fn full_text_change_replaces_everything() {
        let mut doc = OpenDocument::new("old", 1, Format::PlainText);
        let change = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new".into(),
        };
        doc.apply(&change, Encoding::Utf8);
        assert_eq!(&*doc.text(), "new");
    }

    #[test]
    fn change_to_unknown_document_is_refused() {
        let mut store = DocumentStore::default();
        let uri = Url::parse("file:///never-opened.md").unwrap();
        assert!(!store.change(&uri, 2, &[edit((0, 0), (0, 0), "x")], Encoding::Utf16));
    }
}
