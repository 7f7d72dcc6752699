//! Navigation by name: `textDocument/definition` (a mention → the first full reference),
//! `references` (every mention), `documentHighlight`, `prepareRename` / `rename` (see
//! `entities::rename_targets` for what a rename changes) and `documentSymbol` (the headings
//! as an outline, then the story's people and organisations). The analysis does the work;
//! this module converts byte ranges to LSP positions.

use std::collections::HashMap;

use tower_lsp::lsp_types::{
    DocumentHighlight, DocumentHighlightKind, DocumentSymbol, Location, Position,
    PrepareRenameResponse, SymbolKind, TextEdit, Url, WorkspaceEdit,
};

use super::position::{to_byte, to_range, Encoding};
use super::state::Analysed;
use crate::analysis::document::BlockKind;
use crate::analysis::entities::{self, Entities, EntityKind};
use crate::analysis::{Document, Settings};

/// The document parsed and its entities found, for one request.
struct Names<'a> {
    analysed: &'a Analysed,
    doc: Document<'a>,
    all: Entities,
    encoding: Encoding,
}

impl<'a> Names<'a> {
    fn new(analysed: &'a Analysed, encoding: Encoding, settings: &Settings) -> Names<'a> {
        let doc = Document::parse(&analysed.text, analysed.format);
        let all = entities::extract_with(&doc, &settings.entities);
        Names {
            analysed,
            doc,
            all,
            encoding,
        }
    }

    fn offset(&self, position: Position) -> usize {
        to_byte(&self.analysed.rope, position, self.encoding)
    }

    fn range(&self, bytes: std::ops::Range<usize>) -> tower_lsp::lsp_types::Range {
        to_range(&self.analysed.rope, bytes, self.encoding)
    }

    /// The mention under `position`: its entity's index.
    fn entity_at(&self, position: Position) -> Option<usize> {
        let (entity, _) = self.all.mention_at(self.offset(position))?;
        self.all.index_of(entity)
    }
}

/// The first full reference of the entity mentioned at `position` (its first mention when the
/// story never gives the name in full).
pub fn definition(
    analysed: &Analysed,
    uri: &Url,
    position: Position,
    encoding: Encoding,
    settings: &Settings,
) -> Option<Location> {
    let names = Names::new(analysed, encoding, settings);
    let entity = &names.all.entities[names.entity_at(position)?];
    let target = entity
        .full_reference
        .clone()
        .or_else(|| entity.mentions.first().cloned())?;
    Some(Location::new(uri.clone(), names.range(target)))
}

/// Every mention of the entity at `position`; without `include_declaration`, all but the first
/// full reference.
pub fn references(
    analysed: &Analysed,
    uri: &Url,
    position: Position,
    include_declaration: bool,
    encoding: Encoding,
    settings: &Settings,
) -> Vec<Location> {
    let names = Names::new(analysed, encoding, settings);
    let Some(index) = names.entity_at(position) else {
        return Vec::new();
    };
    let entity = &names.all.entities[index];
    entity
        .mentions
        .iter()
        .filter(|m| include_declaration || entity.full_reference.as_ref() != Some(m))
        .map(|m| Location::new(uri.clone(), names.range(m.clone())))
        .collect()
}

/// Every mention of the entity at `position`; the first full reference is a `Write`
/// highlight (where the name is given), the others `Read`.
pub fn highlights(
    analysed: &Analysed,
    position: Position,
    encoding: Encoding,
    settings: &Settings,
) -> Vec<DocumentHighlight> {
    let names = Names::new(analysed, encoding, settings);
    let Some(index) = names.entity_at(position) else {
        return Vec::new();
    };
    let entity = &names.all.entities[index];
    entity
        .mentions
        .iter()
        .map(|m| DocumentHighlight {
            range: names.range(m.clone()),
            kind: Some(if entity.full_reference.as_ref() == Some(m) {
                DocumentHighlightKind::WRITE
            } else {
                DocumentHighlightKind::READ
            }),
        })
        .collect()
}

/// The part of the name a rename at `position` would change, with its current text.
pub fn prepare_rename(
    analysed: &Analysed,
    position: Position,
    encoding: Encoding,
    settings: &Settings,
) -> Option<PrepareRenameResponse> {
    let names = Names::new(analysed, encoding, settings);
    let targets = entities::rename_targets(names.doc.text, &names.all, names.offset(position))?;
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: names.range(targets.under.clone()),
        placeholder: names.doc.slice(&targets.under).to_string(),
    })
}

/// The edits renaming the part of the name at `position` in every mention of its entity.
pub fn rename(
    analysed: &Analysed,
    uri: &Url,
    position: Position,
    new_name: &str,
    encoding: Encoding,
    settings: &Settings,
) -> Option<WorkspaceEdit> {
    let names = Names::new(analysed, encoding, settings);
    let new_name = new_name.split_whitespace().collect::<Vec<_>>().join(" ");
    if new_name.is_empty() {
        return None;
    }
    let targets = entities::rename_targets(names.doc.text, &names.all, names.offset(position))?;
    let edits = targets
        .spans
        .iter()
        .map(|span| TextEdit {
            range: names.range(span.clone()),
            new_text: new_name.clone(),
        })
        .collect();
    Some(WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    })
}

/// The headings as a tree (each holds the headings of deeper levels up to the next heading of
/// its level or above), then one symbol per person and organisation at its full reference,
/// with `person · 3 mentions` as detail.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be given.
pub fn document_symbols(
    analysed: &Analysed,
    encoding: Encoding,
    settings: &Settings,
) -> Vec<DocumentSymbol> {
    let names = Names::new(analysed, encoding, settings);
    let doc = &names.doc;
    let headings: Vec<(u8, &crate::analysis::document::Block)> = doc
        .blocks
        .iter()
        .filter_map(|block| match block.kind {
            BlockKind::Heading { level, .. } => Some((level, block)),
            _ => None,
        })
        .collect();
    // (level, symbol) of the open headings, outermost first.
    let mut open: Vec<(u8, DocumentSymbol)> = Vec::new();
    let mut top: Vec<DocumentSymbol> = Vec::new();
    let close = |open: &mut Vec<(u8, DocumentSymbol)>, top: &mut Vec<DocumentSymbol>| {
        if let Some((_, done)) = open.pop() {
            match open.last_mut() {
                Some((_, parent)) => parent.children.get_or_insert_with(Vec::new).push(done),
                None => top.push(done),
            }
        }
    };
    for (i, (level, block)) in headings.iter().enumerate() {
        while open.last().is_some_and(|(l, _)| l >= level) {
            close(&mut open, &mut top);
        }
        let end = headings[i + 1..]
            .iter()
            .find(|(l, _)| l <= level)
            .map_or(doc.text.len(), |(_, next)| next.range.start);
        let end = doc.text[..end].trim_end().len().max(block.range.end);
        let title = doc.slice(&block.content).trim();
        open.push((
            *level,
            DocumentSymbol {
                name: if title.is_empty() { "(heading)" } else { title }.to_string(),
                detail: Some(format!("H{level}")),
                kind: SymbolKind::STRING,
                tags: None,
                deprecated: None,
                range: names.range(block.range.start..end),
                selection_range: names.range(block.content.clone()),
                children: None,
            },
        ));
    }
    while !open.is_empty() {
        close(&mut open, &mut top);
    }
    for entity in &names.all.entities {
        let kind = match entity.kind {
            EntityKind::Person => SymbolKind::OBJECT,
            EntityKind::Organisation => SymbolKind::CLASS,
            EntityKind::Place => continue,
        };
        let Some(at) = entity
            .full_reference
            .clone()
            .or_else(|| entity.mentions.first().cloned())
        else {
            continue;
        };
        let count = match entity.mentions.len() {
            1 => "1 mention".to_string(),
            n => format!("{n} mentions"),
        };
        let role = entity
            .role
            .as_ref()
            .map(|r| format!(" · {r}"))
            .unwrap_or_default();
        top.push(DocumentSymbol {
            name: entity.name.clone(),
            detail: Some(format!("{} · {count}{role}", entity.kind.label())),
            kind,
            tags: None,
            deprecated: None,
            range: names.range(at.clone()),
            selection_range: names.range(at),
            children: None,
        });
    }
    top
}
