//! Who said each quote: the attribution's speaker words (from `quotes`) matched to the
//! story's entities. A name resolves through its mention; a pronoun (`he`, `she`) to the
//! person named last before it; a role (`the mayor`) to the person the story gives that role.

use std::ops::Range;

use super::{escape_markdown, Entities, Entity, EntityKind};
use crate::analysis::document::Document;
use crate::analysis::quotes::{Quote, QuoteKind};

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    /// A person or organisation of the story (index into `Entities::entities`).
    Entity(usize),
    /// Speaker words that name no entity (`one resident`, `a spokesperson`).
    Unnamed(Range<usize>),
    /// Attributed without naming anyone (`in a statement`), or not attributed at all.
    Nobody,
}

/// How far back a pronoun may look for the person it stands for.
const PRONOUN_REACH: usize = 600;

/// The speaker of `quote`.
pub fn speaker_of(doc: &Document<'_>, all: &Entities, quote: &Quote) -> Speaker {
    let Some(range) = quote.attribution.as_ref().and_then(|a| a.speaker.clone()) else {
        return Speaker::Nobody;
    };
    let named = all
        .by_offset
        .iter()
        .filter(|(m, _)| m.start < range.end && range.start < m.end)
        .map(|(_, index)| *index)
        .find(|&i| all.entities[i].kind != EntityKind::Place);
    if let Some(index) = named {
        return Speaker::Entity(index);
    }
    let words = doc.slice(&range).to_lowercase();
    let last = words
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    if matches!(last, "he" | "she" | "him" | "her") {
        let floor = range.start.saturating_sub(PRONOUN_REACH);
        let before = all
            .by_offset
            .iter()
            .rev()
            .filter(|(m, _)| m.end <= range.start && m.start >= floor)
            .map(|(_, index)| *index)
            .find(|&i| all.entities[i].kind == EntityKind::Person);
        if let Some(index) = before {
            return Speaker::Entity(index);
        }
    } else if last.len() > 2 {
        let with_role: Vec<usize> = (0..all.entities.len())
            .filter(|&i| {
                let entity = &all.entities[i];
                entity.kind == EntityKind::Person
                    && entity
                        .mentions
                        .first()
                        .is_some_and(|m| m.start < range.start)
                    && entity.role.as_ref().is_some_and(|role| {
                        role.to_lowercase()
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == last)
                    })
            })
            .collect();
        if let [only] = with_role[..] {
            return Speaker::Entity(only);
        }
    }
    Speaker::Unnamed(range)
}

/// The speech quotes attributed to `entity` (by index), in text order.
pub fn quotes_by<'q>(
    doc: &Document<'_>,
    all: &Entities,
    index: usize,
    quotes: &'q [Quote],
) -> Vec<&'q Quote> {
    quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Speech && q.continues.is_none())
        .filter(|q| speaker_of(doc, all, q) == Speaker::Entity(index))
        .collect()
}

/// The first few words of a quote, with an ellipsis when there are more.
pub fn opening_words(doc: &Document<'_>, quote: &Quote) -> String {
    const WORDS: usize = 6;
    let inner = doc.slice(&quote.inner);
    let words: Vec<&str> = inner.split_whitespace().collect();
    let mut opening = words[..words.len().min(WORDS)].join(" ");
    if words.len() > WORDS {
        opening = opening.trim_end_matches([',', '.', ';', ':']).to_string();
        opening.push('…');
    }
    opening
}

/// The entity hover (`hover_markdown`) followed by the quotes attributed to the entity.
pub fn entity_hover(
    doc: &Document<'_>,
    all: &Entities,
    entity: &Entity,
    quotes: &[Quote],
) -> String {
    let mut text = super::hover_markdown(doc, all, entity);
    let Some(index) = all.index_of(entity) else {
        return text;
    };
    let said = quotes_by(doc, all, index, quotes);
    if !said.is_empty() {
        text.push_str("\n\nQuotes:");
        for quote in said {
            text.push_str(&format!(
                "\n- line {}: “{}”",
                doc.line_of(quote.range.start) + 1,
                escape_markdown(&opening_words(doc, quote))
            ));
        }
    }
    text
}

/// Hover text for a quote: who said it, or that no one is named.
pub fn quote_hover(doc: &Document<'_>, all: &Entities, quote: &Quote) -> String {
    match speaker_of(doc, all, quote) {
        Speaker::Entity(index) => {
            let entity = &all.entities[index];
            let role = entity
                .role
                .as_ref()
                .map(|r| format!(" — {}", escape_markdown(r)))
                .unwrap_or_default();
            format!("Quote from **{}**{role}", escape_markdown(&entity.name))
        }
        Speaker::Unnamed(range) => format!(
            "Quote from “{}” (no named person)",
            escape_markdown(doc.slice(&range))
        ),
        Speaker::Nobody if quote.attribution.is_some() => {
            "Quote attributed without naming a speaker".to_string()
        }
        Speaker::Nobody => "Quote with no speaker named".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::document::Format;
    use crate::analysis::entities::extract;
    use crate::analysis::quotes::find_quotes;
    use crate::analysis::settings::Settings;

    const STORY: &str = "Kremlin spokesperson Dmitry Peskov spoke on Monday.\n\n\
\"We are diametrically opposed on every main question,\" Peskov told reporters.\n\n\
\"It will take time,\" he said.\n\n\
Mayor Ana Ruiz disagreed. \"Nothing is settled,\" the mayor said.\n\n\
\"We were never asked,\" one resident said.\n\n\
The river rose overnight.\n\n\
\"The water came in faster than anyone could carry things.\"\n";

    fn hover_for(needle: &str) -> String {
        let doc = Document::parse(STORY, Format::Markdown);
        let all = extract(&doc);
        let quotes = find_quotes(&doc, &Settings::default());
        let at = STORY.find(needle).unwrap();
        let quote = quotes.iter().find(|q| q.range.contains(&at)).unwrap();
        quote_hover(&doc, &all, quote)
    }

    #[test]
    fn quotes_name_their_speaker() {
        assert_eq!(
            hover_for("We are"),
            "Quote from **Dmitry Peskov** — Kremlin spokesperson"
        );
        assert_eq!(hover_for("It will"), hover_for("We are"), "pronoun");
        assert_eq!(hover_for("Nothing"), "Quote from **Ana Ruiz** — Mayor");
        assert_eq!(
            hover_for("We were"),
            "Quote from “one resident” (no named person)"
        );
        assert_eq!(hover_for("The water"), "Quote with no speaker named");
    }

    #[test]
    fn entity_hover_lists_their_quotes() {
        let doc = Document::parse(STORY, Format::Markdown);
        let all = extract(&doc);
        let quotes = find_quotes(&doc, &Settings::default());
        let (peskov, _) = all.mention_at(STORY.find("Peskov").unwrap()).unwrap();
        let text = entity_hover(&doc, &all, peskov, &quotes);
        assert!(
            text.ends_with(
                "Quotes:\n- line 3: “We are diametrically opposed on every…”\n- line 5: “It \
                 will take time,”"
            ),
            "{text}"
        );
    }
}
