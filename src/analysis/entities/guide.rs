//! The style guide's known entities (`copydesk.toml` `[[entities]]`): each claims the entities
//! the story names with its canonical name or an alias (for a person, also the surname of
//! either), and mentions of those names the recogniser left alone. The claimed entity takes
//! the canonical name, the guide's kind and description; a person's mentions spelled like an
//! alias rather than the canonical name become spelling variants (`name-variant`).

use std::ops::Range;

use super::tokens::fold;
use super::{Entities, Entity, EntityKind, NameVariant};
use crate::analysis::document::Document;
use crate::analysis::settings::StyleEntity;

/// Applies every guide entry in turn to `all`.
pub(super) fn apply(doc: &Document<'_>, all: &mut Entities, guide: &[StyleEntity]) {
    let mut touched = Vec::new();
    for entry in guide {
        if let Some(index) = apply_entry(doc, all, entry) {
            touched.push(index);
        }
    }
    if !touched.is_empty() {
        reorder(all);
    }
}

/// The folded words of a name.
fn words(name: &str) -> Vec<String> {
    name.split_whitespace().map(fold).collect()
}

fn apply_entry(doc: &Document<'_>, all: &mut Entities, entry: &StyleEntity) -> Option<usize> {
    let forms: Vec<&str> = std::iter::once(entry.name.as_str())
        .chain(entry.aliases.iter().map(String::as_str))
        .collect();
    let form_words: Vec<Vec<String>> = forms.iter().map(|f| words(f)).collect();
    let person = entry.kind.unwrap_or(EntityKind::Person) == EntityKind::Person;
    let surnames: Vec<&String> = if person {
        form_words.iter().filter_map(|w| w.last()).collect()
    } else {
        Vec::new()
    };
    let matches = |entity: &Entity| {
        let name = words(&entity.name);
        if form_words.contains(&name)
            || entity
                .aliases
                .iter()
                .any(|a| form_words.contains(&words(a)))
        {
            return true;
        }
        if !(person && entity.kind == EntityKind::Person) {
            return false;
        }
        let Some((last, given)) = name.split_last() else {
            return false;
        };
        surnames.contains(&last)
            && (given.is_empty()
                || form_words
                    .iter()
                    .any(|f| f.split_last().is_some_and(|(_, g)| g == given)))
    };
    let matched: Vec<usize> = (0..all.entities.len())
        .filter(|&i| matches(&all.entities[i]))
        .collect();
    let stray = stray_mentions(doc, all, &forms, person);
    let target = match matched.first() {
        Some(&first) => first,
        None if stray.is_empty() => return None,
        None => {
            all.entities.push(Entity {
                name: entry.name.clone(),
                kind: entry.kind.unwrap_or(EntityKind::Person),
                role: None,
                mentions: Vec::new(),
                aliases: Vec::new(),
                full_reference: None,
                description: None,
                canonical: true,
            });
            all.entities.len() - 1
        }
    };
    for &other in matched.iter().skip(1).rev() {
        let merged = all.entities[other].clone();
        let entity = &mut all.entities[target];
        entity.mentions.extend(merged.mentions);
        entity.role = entity.role.take().or(merged.role);
        for alias in merged.aliases {
            if !entity.aliases.contains(&alias) {
                entity.aliases.push(alias);
            }
        }
        entity.full_reference = match (entity.full_reference.take(), merged.full_reference) {
            (Some(a), Some(b)) => Some(if a.start <= b.start { a } else { b }),
            (a, b) => a.or(b),
        };
        entity.mentions.clear();
        all.entities[other].mentions.clear();
        redirect(all, other, target);
    }
    // Mentions were cleared above to avoid double counting; gather them again.
    let mut mentions: Vec<Range<usize>> = all
        .by_offset
        .iter()
        .filter(|(_, index)| *index == target || matched.contains(index))
        .map(|(range, _)| range.clone())
        .collect();
    mentions.extend(stray);
    mentions.sort_by_key(|m| m.start);
    mentions.dedup();
    let text = doc.text;
    let entity = &mut all.entities[target];
    entity.mentions = mentions;
    entity.name = entry.name.clone();
    entity.canonical = true;
    if let Some(kind) = entry.kind {
        entity.kind = kind;
    }
    entity.description = entry.description.clone();
    let full_len = entity.name.split_whitespace().count();
    if entity.full_reference.is_none() {
        entity.full_reference = entity
            .mentions
            .iter()
            .find(|m| {
                text.get((*m).clone())
                    .unwrap_or("")
                    .split_whitespace()
                    .count()
                    >= full_len
            })
            .cloned();
    }
    if entity.kind == EntityKind::Person {
        let canonical = words(&entity.name);
        let mentions = entity.mentions.clone();
        all.variants.retain(|v| v.entity != target);
        for mention in mentions {
            let written = text.get(mention.clone()).unwrap_or("");
            let written_words = words(written);
            let fits = written_words.len() <= canonical.len()
                && canonical[canonical.len() - written_words.len()..] == written_words[..];
            if !fits {
                all.variants.push(NameVariant {
                    range: mention,
                    entity: target,
                    written: written.split_whitespace().collect::<Vec<_>>().join(" "),
                });
            }
        }
    } else {
        for alias in &entry.aliases {
            let used = all.entities[target]
                .mentions
                .iter()
                .any(|m| text.get(m.clone()) == Some(alias.as_str()));
            let entity = &mut all.entities[target];
            if used && !entity.aliases.contains(alias) {
                entity.aliases.push(alias.clone());
            }
        }
    }
    all.index_mentions();
    Some(target)
}

/// Whole-word occurrences of the entry's forms (and, for a person, their surnames) that no
/// entity claims yet, longest form first.
fn stray_mentions(
    doc: &Document<'_>,
    all: &Entities,
    forms: &[&str],
    person: bool,
) -> Vec<Range<usize>> {
    let text = doc.text;
    let mut needles: Vec<&str> = forms.to_vec();
    if person {
        needles.extend(forms.iter().filter_map(|f| f.split_whitespace().last()));
    }
    needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
    needles.dedup();
    let prose: Vec<Range<usize>> = doc
        .blocks
        .iter()
        .filter(|b| b.is_heading() || b.is_paragraph())
        .map(|b| b.content.clone())
        .collect();
    let mut found: Vec<Range<usize>> = Vec::new();
    for needle in needles {
        if needle.is_empty() {
            continue;
        }
        for (at, _) in text.match_indices(needle) {
            let range = at..at + needle.len();
            let bounded = !text[..at].chars().next_back().is_some_and(is_word_char)
                && !text[range.end..].chars().next().is_some_and(is_word_char);
            let in_prose = prose
                .iter()
                .any(|p| p.start <= range.start && range.end <= p.end);
            let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
            let claimed =
                all.by_offset.iter().any(|(r, _)| overlaps(r)) || found.iter().any(overlaps);
            if bounded && in_prose && !claimed {
                found.push(range);
            }
        }
    }
    found
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Points notes about entity `from` at `to`.
fn redirect(all: &mut Entities, from: usize, to: usize) {
    for variant in &mut all.variants {
        if variant.entity == from {
            variant.entity = to;
        }
    }
    for note in &mut all.ambiguous {
        if note.resolved_to == from {
            note.resolved_to = to;
        }
        for candidate in &mut note.candidates {
            if *candidate == from {
                *candidate = to;
            }
        }
        note.candidates.dedup();
    }
}

/// Drops entities left without mentions, orders the rest by first mention and remaps notes.
fn reorder(all: &mut Entities) {
    let mut order: Vec<usize> = (0..all.entities.len())
        .filter(|&i| !all.entities[i].mentions.is_empty())
        .collect();
    order.sort_by_key(|&i| all.entities[i].mentions[0].start);
    let mut new_index = vec![usize::MAX; all.entities.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let remap = |old: usize| new_index.get(old).copied().filter(|&i| i != usize::MAX);
    let entities = std::mem::take(&mut all.entities);
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    all.entities = order.iter().filter_map(|&old| slots[old].take()).collect();
    all.variants = std::mem::take(&mut all.variants)
        .into_iter()
        .filter_map(|mut v| {
            v.entity = remap(v.entity)?;
            Some(v)
        })
        .collect();
    all.variants.sort_by_key(|v| v.range.start);
    all.ambiguous = std::mem::take(&mut all.ambiguous)
        .into_iter()
        .filter_map(|mut note| {
            note.resolved_to = remap(note.resolved_to)?;
            let mut candidates: Vec<usize> =
                note.candidates.iter().filter_map(|&c| remap(c)).collect();
            candidates.sort_unstable();
            candidates.dedup();
            note.candidates = candidates;
            (note.candidates.len() > 1).then_some(note)
        })
        .collect();
    all.index_mentions();
}
