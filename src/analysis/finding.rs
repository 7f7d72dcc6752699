//! Findings: what a check reports, as plain data with byte ranges, plus the edit machinery for fixes.

use std::ops::Range;

/// How serious a finding is; maps one-to-one onto LSP severities and CLI labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }

    /// Parses the names writers use in settings (`info` is accepted for `information`).
    pub fn parse(name: &str) -> Option<Severity> {
        match name.trim().to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

/// Which document a related location lives in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DocumentRef {
    /// The document being checked.
    This,
    /// Another document, by the name it was given to the analysis (a URI or a path).
    Other(String),
}

/// A place elsewhere that explains a finding, such as the original of a copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub document: DocumentRef,
    pub range: Range<usize>,
    pub message: String,
}

/// Replace the bytes in `range` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: Range<usize>,
    pub replacement: String,
}

impl TextEdit {
    pub fn delete(range: Range<usize>) -> TextEdit {
        TextEdit {
            range,
            replacement: String::new(),
        }
    }
}

/// A fix offered for a finding: a title for the menu and the edits to the checked document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable code, such as `repeated-heading`.
    pub code: &'static str,
    pub severity: Severity,
    /// Byte range in the checked text.
    pub range: Range<usize>,
    pub message: String,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
}

/// Applies non-overlapping edits to `text`. Edits may come in any order; ranges are clamped to
/// the text and to char boundaries, and an edit overlapping an earlier one is skipped, so this
/// never panics.
pub fn apply_edits(text: &str, edits: &[TextEdit]) -> String {
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    sorted.sort_by_key(|edit| (edit.range.start, edit.range.end));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for edit in sorted {
        let start = floor_char_boundary(text, edit.range.start.min(text.len()));
        let end = floor_char_boundary(text, edit.range.end.min(text.len())).max(start);
        if start < cursor {
            continue;
        }
        out.push_str(&text[cursor..start]);
        out.push_str(&edit.replacement);
        cursor = end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// The largest char boundary at or below `index` (stable replacement for `str::floor_char_boundary`).
pub fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_edits_in_any_order() {
        let edits = vec![
            TextEdit {
                range: 6..11,
                replacement: "desk".into(),
            },
            TextEdit::delete(0..1),
        ];
        assert_eq!(apply_edits("hello world", &edits), "ello desk");
    }

    #[test]
    fn skips_overlapping_and_clamps_out_of_range_edits() {
        let edits = vec![
            TextEdit::delete(0..4),
            TextEdit::delete(2..6),
            TextEdit {
                range: 50..90,
                replacement: "!".into(),
            },
        ];
        assert_eq!(apply_edits("abcdefg", &edits), "efg!");
    }

    #[test]
    fn never_splits_a_character() {
        // "é" is two bytes; an edit starting inside it is moved to its start.
        let edits = vec![TextEdit::delete(2..3)];
        assert_eq!(apply_edits("aé", &edits), "a");
    }
}
