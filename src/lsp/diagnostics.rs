//! Turns findings into LSP diagnostics.

use ropey::Rope;
use tower_lsp::lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Url,
};

use super::position::{to_range, Encoding};
use crate::analysis::{DocumentRef, Finding, Severity};

/// Where related locations in other documents are looked up: their URI and current rope.
pub trait RopeLookup {
    fn rope_of(&self, uri: &Url) -> Option<Rope>;
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

pub fn to_diagnostic(
    uri: &Url,
    rope: &Rope,
    finding: &Finding,
    encoding: Encoding,
    others: &dyn RopeLookup,
) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .filter_map(|related| {
            let (related_uri, related_rope) = match &related.document {
                DocumentRef::This => (uri.clone(), rope.clone()),
                DocumentRef::Other(name) => {
                    let other = Url::parse(name).ok()?;
                    let other_rope = others.rope_of(&other)?;
                    (other, other_rope)
                }
            };
            Some(DiagnosticRelatedInformation {
                location: Location::new(
                    related_uri,
                    to_range(&related_rope, related.range.clone(), encoding),
                ),
                message: related.message.clone(),
            })
        })
        .collect();
    Diagnostic {
        range: to_range(rope, finding.range.clone(), encoding),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.to_string())),
        source: Some("copydesk".to_string()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}
