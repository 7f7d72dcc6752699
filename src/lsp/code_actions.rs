//! `textDocument/codeAction`: the fixes of the findings under the requested range, an "Ignore
//! for this line" action per finding that adds a suppression directive above its line, and a
//! `source.fixAll.copydesk` action that removes every repeated heading at once.

use std::collections::HashMap;

use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Diagnostic, TextEdit, Url,
    WorkspaceEdit,
};

use super::diagnostics::{Converter, TextLookup};
use super::position::{to_byte_range, to_range, Encoding};
use super::state::Analysed;
use crate::analysis::checks::{name_variant, repeated_heading};
use crate::analysis::suppression::{ignore_line_edit, IGNORE_LINE_TITLE};
use crate::analysis::{self, Document, Finding};

pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.copydesk")
}

/// Code actions for `params`, computed from the document's current findings (not from the
/// diagnostics the client echoes back, which may lack data or be stale).
pub fn code_actions(
    params: &CodeActionParams,
    analysed: &Analysed,
    encoding: Encoding,
    others: &dyn TextLookup,
) -> Vec<CodeActionOrCommand> {
    let uri = &params.text_document.uri;
    let wanted = |kind: &CodeActionKind| match &params.context.only {
        None => true,
        Some(only) => only
            .iter()
            .any(|prefix| kind.as_str().starts_with(prefix.as_str())),
    };
    let mut actions = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX) {
        let requested = to_byte_range(&analysed.rope, params.range, encoding);
        let under: Vec<&Finding> = analysed
            .findings
            .iter()
            .filter(|f| overlaps(&f.range, &requested))
            .collect();
        let mut ignores = Vec::new();
        let mut converter = Converter::new(uri, analysed.text.clone(), encoding, others);
        for finding in &under {
            let diagnostic = converter.diagnostic(finding);
            actions.extend(quick_fixes(
                uri,
                analysed,
                finding,
                diagnostic.clone(),
                encoding,
            ));
            ignores.push((*finding, diagnostic));
        }
        actions.extend(ignore_actions(uri, analysed, ignores, encoding));
    }
    if wanted(&fix_all_kind()) {
        actions.extend(fix_all_headings(uri, analysed, encoding));
    }
    actions
}

/// Touching ranges count, so a cursor at either end of a finding still offers its fix.
fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn quick_fixes(
    uri: &Url,
    analysed: &Analysed,
    finding: &Finding,
    diagnostic: Diagnostic,
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    finding
        .fixes
        .iter()
        .map(|fix| {
            CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(workspace_edit(uri, analysed, &fix.edits, encoding)),
                is_preferred: Some(
                    finding.code == repeated_heading::CODE || finding.code == name_variant::CODE,
                ),
                ..CodeAction::default()
            })
        })
        .collect()
}

/// "Ignore for this line" for each finding, after the real fixes; one per code and line.
fn ignore_actions(
    uri: &Url,
    analysed: &Analysed,
    findings: Vec<(&Finding, Diagnostic)>,
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    if findings.is_empty() {
        return Vec::new();
    }
    let doc = Document::parse(&analysed.text, analysed.format);
    let mut seen = Vec::new();
    let mut actions = Vec::new();
    for (finding, diagnostic) in findings {
        let edit = ignore_line_edit(&doc, finding.code, finding.range.start);
        let key = (finding.code, edit.range.start);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: IGNORE_LINE_TITLE.to_string(),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic]),
            edit: Some(workspace_edit(uri, analysed, &[edit], encoding)),
            is_preferred: Some(false),
            ..CodeAction::default()
        }));
    }
    actions
}

fn fix_all_headings(
    uri: &Url,
    analysed: &Analysed,
    encoding: Encoding,
) -> Option<CodeActionOrCommand> {
    let fixes: Vec<_> = analysed
        .findings
        .iter()
        .filter(|finding| finding.code == repeated_heading::CODE)
        .flat_map(|finding| finding.fixes.iter())
        .collect();
    if fixes.is_empty() {
        return None;
    }
    let edits = analysis::merge_fix_edits(fixes);
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: "Remove all duplicate headings".to_string(),
        kind: Some(fix_all_kind()),
        edit: Some(workspace_edit(uri, analysed, &edits, encoding)),
        ..CodeAction::default()
    }))
}

fn workspace_edit(
    uri: &Url,
    analysed: &Analysed,
    edits: &[analysis::TextEdit],
    encoding: Encoding,
) -> WorkspaceEdit {
    let lsp_edits = edits
        .iter()
        .map(|edit| TextEdit {
            range: to_range(&analysed.rope, edit.range.clone(), encoding),
            new_text: edit.replacement.clone(),
        })
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), lsp_edits)])),
        ..WorkspaceEdit::default()
    }
}
