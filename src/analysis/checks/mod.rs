//! The registry of checks. Each check lives in its own file with its code, description and tests.

use std::sync::OnceLock;

use super::corpus::Corpus;
use super::document::Document;
use super::entities::{self, Entities};
use super::finding::{Finding, Severity};
use super::quotes::{self, Quote};
use super::settings::Settings;

pub mod ambiguous_name;
pub mod duplicate_passage;
pub mod first_reference;
pub mod name_variant;
pub mod repeated_heading;
pub mod unattributed_quote;

/// What a check sees: the parsed document, the other documents it may be compared with, and
/// the settings in force.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    /// The name of the checked document in `corpus`, so it is not compared with itself.
    pub name: Option<&'a str>,
    pub corpus: &'a Corpus,
    pub settings: &'a Settings,
    /// What the last check of this document left, if the caller keeps it (the server).
    pub memo: Option<&'a super::memo::Memo>,
    /// Work several checks of this document need, done once by whichever asks first.
    pub shared: Shared,
}

/// Results several checks need, computed once per check of a document (the checks may run on
/// different threads at once; a second asker waits for the first).
#[derive(Debug, Default)]
pub struct Shared {
    entities: OnceLock<Entities>,
    quotes: OnceLock<Vec<Quote>>,
}

/// Documents longer than this leave no memory of their quote paragraphs (4 MB).
const QUOTE_MEMORY_MAX_BYTES: usize = 4 << 20;

impl<'a> Context<'a> {
    /// A context whose shared work (the entities) is not done yet.
    pub fn new(
        doc: &'a Document<'a>,
        name: Option<&'a str>,
        corpus: &'a Corpus,
        settings: &'a Settings,
        memo: Option<&'a super::memo::Memo>,
    ) -> Context<'a> {
        Context {
            doc,
            name,
            corpus,
            settings,
            memo,
            shared: Shared::default(),
        }
    }

    /// The entities of the document, with the style guide applied (reusing what the memo kept
    /// of unchanged blocks, if there is a memo).
    pub fn entities(&self) -> &Entities {
        self.shared.entities.get_or_init(|| match self.memo {
            Some(memo) => entities::extract_again(self.doc, &self.settings.entities, memo),
            None => entities::extract_with(self.doc, &self.settings.entities),
        })
    }

    /// The direct quotations of the document (reusing what the memo kept of unchanged
    /// paragraphs, if there is a memo).
    pub fn quotes(&self) -> &[Quote] {
        self.shared.quotes.get_or_init(|| match self.memo {
            Some(memo) => {
                let mut memory = memo.take_quotes();
                let found = quotes::find_quotes_again(self.doc, self.settings, &mut memory);
                // A giant document's paragraphs are not kept while it is open.
                let kept = memory.filter(|_| self.doc.text.len() <= QUOTE_MEMORY_MAX_BYTES);
                if let Some(memory) = kept {
                    memo.keep_quotes(memory);
                }
                found
            }
            None => quotes::find_quotes(self.doc, self.settings),
        })
    }
}

/// A check: stable code, one-line summary, Markdown description (What / Why / Example) shown in
/// hovers and docs, default severity, and the function that runs it.
pub struct Check {
    pub code: &'static str,
    pub summary: &'static str,
    pub description: &'static str,
    pub severity: Severity,
    /// What `run` reads besides the document, so a caller can schedule the checks.
    pub reads: Reads,
    pub run: fn(&Context<'_>) -> Vec<Finding>,
}

/// What a check reads besides the document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    /// Nothing else.
    Document,
    /// The document's entities (`Context::entities`, extracted once for all such checks).
    Entities,
    /// Other documents (`Context::corpus`): it must wait for the corpus to be up to date.
    Corpus,
}

/// Every check copydesk runs, in the order their findings are reported.
pub const REGISTRY: &[Check] = &[
    repeated_heading::CHECK,
    duplicate_passage::CHECK,
    unattributed_quote::CHECK,
    name_variant::CHECK,
    first_reference::CHECK,
    ambiguous_name::CHECK,
];

/// Looks a check up by its code.
pub fn by_code(code: &str) -> Option<&'static Check> {
    REGISTRY.iter().find(|check| check.code == code)
}

/// Shared test helper: the findings of one check on `text`, with the given settings and no
/// other documents.
#[cfg(test)]
pub(crate) fn findings_with(
    check: &Check,
    text: &str,
    format: super::document::Format,
    settings: &Settings,
) -> Vec<Finding> {
    let doc = Document::parse(text, format);
    let corpus = Corpus::default();
    (check.run)(&Context::new(&doc, None, &corpus, settings, None))
}

/// Shared test helper: the findings of one check on `text` as Markdown with default settings.
#[cfg(test)]
pub(crate) fn findings_of(check: &Check, text: &str) -> Vec<Finding> {
    findings_with(
        check,
        text,
        super::document::Format::Markdown,
        &Settings::default(),
    )
}

/// Shared test helper: checks `text` as Markdown with default settings and returns the
/// findings of one check as `(line, flagged text)` pairs, lines 1-based.
#[cfg(test)]
pub(crate) fn flagged(check: &Check, text: &str) -> Vec<(usize, String)> {
    let doc = Document::parse(text, super::document::Format::Markdown);
    findings_of(check, text)
        .into_iter()
        .map(|finding| {
            (
                doc.line_of(finding.range.start) + 1,
                text[finding.range].to_string(),
            )
        })
        .collect()
}

/// Shared test helper: for each `(text, expected)` case, the check flags exactly the expected
/// `(line, flagged text)` pairs.
#[cfg(test)]
pub(crate) fn assert_flags(check: &Check, cases: &[(&str, &[(usize, &str)])]) {
    for (text, expected) in cases {
        let expected: Vec<(usize, String)> = expected
            .iter()
            .map(|(line, flagged)| (*line, flagged.to_string()))
            .collect();
        assert_eq!(flagged(check, text), expected, "in {text:?}");
    }
}
