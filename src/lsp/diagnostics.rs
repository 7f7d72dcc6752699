//! Turns findings into LSP diagnostics.

use std::collections::HashMap;
use std::sync::Arc;

use tower_lsp::lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Url,
};

use super::position::{Encoding, LineIndex};
use crate::analysis::{DocumentRef, Finding, Severity};

/// Where related locations in other documents are looked up: their current text (an open
/// document's, else the indexed text of a closed workspace file).
pub trait TextLookup {
    fn text_of(&self, uri: &Url) -> Option<Arc<str>>;
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// Every finding of one document as a diagnostic.
pub fn to_diagnostics(
    uri: &Url,
    text: Arc<str>,
    findings: &[Finding],
    encoding: Encoding,
    others: &dyn TextLookup,
) -> Vec<Diagnostic> {
    let mut converter = Converter::new(uri, text, encoding, others);
    findings
        .iter()
        .map(|finding| converter.diagnostic(finding))
        .collect()
}

/// Converts the findings of one document, indexing the lines of each document it touches
/// once: a story has hundreds of findings, and positions found one by one in a rope cost
/// several tree walks each.
pub struct Converter<'a> {
    uri: &'a Url,
    lines: LineIndex,
    encoding: Encoding,
    others: &'a dyn TextLookup,
    /// Other documents' URIs and lines, by the name findings give them (`None`: not found).
    other_lines: HashMap<String, Option<(Url, LineIndex)>>,
}

impl<'a> Converter<'a> {
    pub fn new(
        uri: &'a Url,
        text: Arc<str>,
        encoding: Encoding,
        others: &'a dyn TextLookup,
    ) -> Converter<'a> {
        Converter {
            uri,
            lines: LineIndex::new(text),
            encoding,
            others,
            other_lines: HashMap::new(),
        }
    }

    pub fn diagnostic(&mut self, finding: &Finding) -> Diagnostic {
        let encoding = self.encoding;
        let related: Vec<DiagnosticRelatedInformation> = finding
            .related
            .iter()
            .filter_map(|related| {
                let location = match &related.document {
                    DocumentRef::This => Location::new(
                        self.uri.clone(),
                        self.lines.range(related.range.clone(), self.encoding),
                    ),
                    DocumentRef::Other(name) => {
                        let (other, lines) = self.other(name)?;
                        Location::new(other.clone(), lines.range(related.range.clone(), encoding))
                    }
                };
                Some(DiagnosticRelatedInformation {
                    location,
                    message: related.message.clone(),
                })
            })
            .collect();
        Diagnostic {
            range: self.lines.range(finding.range.clone(), self.encoding),
            severity: Some(severity(finding.severity)),
            code: Some(NumberOrString::String(finding.code.to_string())),
            source: Some("copydesk".to_string()),
            message: finding.message.clone(),
            related_information: (!related.is_empty()).then_some(related),
            ..Diagnostic::default()
        }
    }

    fn other(&mut self, name: &str) -> Option<&(Url, LineIndex)> {
        let others = self.others;
        self.other_lines
            .entry(name.to_string())
            .or_insert_with(|| {
                let uri = Url::parse(name).ok()?;
                let text = others.text_of(&uri)?;
                Some((uri, LineIndex::new(text)))
            })
            .as_ref()
    }
}
