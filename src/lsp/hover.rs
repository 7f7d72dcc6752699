//! `textDocument/hover`: who a name is (with the quotes attributed to them), who said the
//! quote under the cursor, or what a finding's check is about.

use tower_lsp::lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::position::{to_byte, to_range, Encoding};
use super::state::Analysed;
use crate::analysis::entities::speakers;
use crate::analysis::{checks, entities, quotes, Document, Settings};

/// Hover content at `position`: the entity under the cursor (with its quotes), else who said
/// the quote under it and the description of the check whose finding covers it, else nothing.
pub fn hover(
    analysed: &Analysed,
    position: Position,
    encoding: Encoding,
    settings: &Settings,
) -> Option<Hover> {
    let offset = to_byte(&analysed.rope, position, encoding);
    let doc = Document::parse(&analysed.text, analysed.format);
    let found = entities::extract_with(&doc, &settings.entities);
    let quotes = quotes::find_quotes(&doc, settings);
    if let Some((entity, mention)) = found.mention_at(offset) {
        return Some(markdown(
            speakers::entity_hover(&doc, &found, entity, &quotes),
            Some(to_range(&analysed.rope, mention, encoding)),
        ));
    }
    let quote = quotes::quote_at(&quotes, offset)
        .filter(|q| q.kind == quotes::QuoteKind::Speech)
        .map(|q| (speakers::quote_hover(&doc, &found, q), q.range.clone()));
    let finding = analysed
        .findings
        .iter()
        .find(|finding| finding.range.start <= offset && offset < finding.range.end)
        .and_then(|finding| {
            let check = checks::by_code(finding.code)?;
            Some((
                format!("{}\n\n{}", finding.message, check.description),
                finding.range.clone(),
            ))
        });
    let (text, range) = match (quote, finding) {
        (Some((quote, range)), Some((finding, _))) => {
            (format!("{quote}\n\n---\n\n{finding}"), range)
        }
        (Some(only), None) | (None, Some(only)) => only,
        (None, None) => return None,
    };
    Some(markdown(
        text,
        Some(to_range(&analysed.rope, range, encoding)),
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
