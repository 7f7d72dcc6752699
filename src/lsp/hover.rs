//! `textDocument/hover`: who a name is, or what a finding's check is about.

use tower_lsp::lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::position::{to_byte, to_range, Encoding};
use super::state::Analysed;
use crate::analysis::{checks, entities, Document};

/// Hover content at `position`: the entity under the cursor, else the description of the check
/// whose finding covers it, else nothing.
pub fn hover(analysed: &Analysed, position: Position, encoding: Encoding) -> Option<Hover> {
    let offset = to_byte(&analysed.rope, position, encoding);
    let doc = Document::parse(&analysed.text, analysed.format);
    let found = entities::extract(&doc);
    if let Some((entity, mention)) = found.mention_at(offset) {
        return Some(markdown(
            entities::hover_markdown(&doc, &found, entity),
            Some(to_range(&analysed.rope, mention, encoding)),
        ));
    }
    let finding = analysed
        .findings
        .iter()
        .find(|finding| finding.range.start <= offset && offset < finding.range.end)?;
    let check = checks::by_code(finding.code)?;
    Some(markdown(
        format!("{}\n\n{}", finding.message, check.description),
        Some(to_range(&analysed.rope, finding.range.clone(), encoding)),
    ))
}

fn markdown(value: String, range: Option<tower_lsp::lsp_types::Range>) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range,
    }
}
