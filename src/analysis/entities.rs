//! Entities: people, organisations and places named in a story, with their mentions resolved to
//! the first full reference. Placeholder until the module lands.

use std::ops::Range;

use super::document::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
    pub mentions: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Default)]
pub struct Entities {
    pub entities: Vec<Entity>,
}

impl Entities {
    /// The entity mentioned at byte `offset`, with that mention's range.
    pub fn mention_at(&self, offset: usize) -> Option<(&Entity, Range<usize>)> {
        self.entities.iter().find_map(|entity| {
            entity
                .mentions
                .iter()
                .find(|m| m.start <= offset && offset < m.end)
                .map(|m| (entity, m.clone()))
        })
    }
}

pub fn extract(_doc: &Document<'_>) -> Entities {
    Entities::default()
}

/// Markdown for a hover over any mention of `entity`.
pub fn hover_markdown(doc: &Document<'_>, _all: &Entities, entity: &Entity) -> String {
    let first = entity
        .mentions
        .first()
        .map(|m| doc.line_of(m.start) + 1)
        .unwrap_or(1);
    format!(
        "**{}**\n\n{:?} · {} mentions · first on line {first}",
        entity.name,
        entity.kind,
        entity.mentions.len()
    )
}
