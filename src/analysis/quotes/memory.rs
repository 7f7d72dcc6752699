//! What one quote analysis of a document leaves for the next (see [`super::find_quotes_again`]):
//! each paragraph's quote marks and capitalised words, and each quote paragraph's quotes keyed
//! by everything they were read from, so that after an edit only the paragraph it changed is
//! scanned again and only the quote paragraphs next to it are analysed again.
//!
//! A quote paragraph is read with the paragraphs on either side of it (a speaker handed on
//! or named next door), the story's proper nouns (a sentence-initial speaker must be a known
//! name) and, where a backward look for a sentence start runs out of the paragraph before, the
//! text before that. The key holds the first three texts and the gaps between them, and what a
//! backward look past them would see; the proper nouns are checked word by word, as looked up.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::{
    quote_spans, sentence_initial_in, Attribution, Paragraph, Placement, ProperNouns, Quote,
    QuoteSpan,
};
use crate::analysis::fingerprint::paragraph_text_hash;
use crate::analysis::settings::Settings;

/// Kept between checks of one document.
#[derive(Debug, Default)]
pub struct QuoteMemory {
    pub(super) proper: ProperNouns,
    /// The settings the kept quotes were found with (extra speech verbs and cue phrases).
    lexicon: Option<(Vec<String>, Vec<String>)>,
    paragraphs: HashMap<WindowKey, KeptParagraph>,
    /// Of the quote paragraphs of the last analysis: how many were analysed, how many reused.
    last_reuse: (usize, usize),
    spans: SpanMemory,
}

/// Stories longer than this keep no [`SpanMemory`] (4 MB, as `duplicate-passage`'s memory).
const SPAN_MEMORY_MAX_BYTES: usize = 4 << 20;

/// Each paragraph's quote spans, by its text: a paragraph's spans depend on its text alone.
/// Scanning every paragraph for quote marks was about a tenth of an edit's work.
#[derive(Debug, Default)]
pub(super) struct SpanMemory {
    /// The last scan's paragraphs: spans relative to the paragraph's start.
    kept: HashMap<Box<str>, Vec<QuoteSpan>>,
    /// This scan's paragraphs, so far.
    used: HashMap<Box<str>, Vec<QuoteSpan>>,
}

impl SpanMemory {
    /// [`quote_spans`] of `range` of `text`, from the last scan when it met the same text.
    pub(super) fn spans_of(&mut self, text: &str, range: Range<usize>) -> Vec<QuoteSpan> {
        let paragraph = text.get(range.clone()).unwrap_or("");
        let start = range.start;
        let (key, relative) = match self.kept.remove_entry(paragraph) {
            Some(kept) => kept,
            None => {
                let spans = quote_spans(text, range);
                let relative = spans
                    .iter()
                    .map(|span| shifted_span(span, |at| at.saturating_sub(start)));
                (Box::from(paragraph), relative.collect())
            }
        };
        let spans = relative
            .iter()
            .map(|span| shifted_span(span, |at| at + start))
            .collect();
        // A paragraph met twice in one scan keeps one entry; both get the same spans.
        self.used.insert(key, relative);
        spans
    }

    /// Ends a scan: what it did not meet is forgotten, so the memory holds one story's worth.
    pub(super) fn forget_unused(&mut self) {
        self.kept = std::mem::take(&mut self.used);
    }
}

/// A span with both its ranges moved by `shift`.
fn shifted_span(span: &QuoteSpan, shift: impl Fn(usize) -> usize) -> QuoteSpan {
    QuoteSpan {
        range: shift(span.range.start)..shift(span.range.end),
        inner: shift(span.inner.start)..shift(span.inner.end),
        ..span.clone()
    }
}

/// Proper-noun look-ups made while analysing a paragraph: each word with its answer.
pub(super) type ProperLookups = Vec<(Box<str>, bool)>;

/// Everything a quote paragraph's analysis reads, but for the proper nouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct WindowKey {
    own: u64,
    /// The paragraph before: its text, the text between, and whether nothing but blank lines
    /// separate the two.
    previous: Option<(u64, u64, bool)>,
    /// The paragraph after, likewise.
    next: Option<(u64, u64, bool)>,
    /// The character before the window (a straight mark opening it looks at it) and what a
    /// look for a sentence start that runs out of the window finds.
    char_before: Option<char>,
    initial_before: Option<bool>,
}

/// A quote paragraph's quotes and their placements after the paragraph and its neighbours
/// were read, before multi-paragraph quotes are linked; offsets relative to the window start.
#[derive(Debug, Clone)]
pub(super) struct KeptParagraph {
    quotes: Vec<Quote>,
    placements: Vec<Placement>,
    /// The proper-noun look-ups the analysis made, with their answers.
    proper_lookups: ProperLookups,
}

impl QuoteMemory {
    /// Forgets the kept quotes if the settings that shape them changed.
    pub(super) fn use_settings(&mut self, settings: &Settings) {
        let unchanged = self.lexicon.as_ref().is_some_and(|(verbs, cues)| {
            *verbs == settings.extra_attribution_verbs && *cues == settings.extra_cue_phrases
        });
        // Compared in place: cloned only when they change, not on every keystroke.
        if !unchanged {
            self.paragraphs.clear();
            self.lexicon = Some((
                settings.extra_attribution_verbs.clone(),
                settings.extra_cue_phrases.clone(),
            ));
        }
    }

    /// The span memory for a story of `text_len` bytes: none for a giant story, whose
    /// paragraphs would otherwise stay copied here while it is open.
    pub(super) fn spans_for(&mut self, text_len: usize) -> Option<&mut SpanMemory> {
        if text_len > SPAN_MEMORY_MAX_BYTES {
            self.spans = SpanMemory::default();
            return None;
        }
        Some(&mut self.spans)
    }

    /// Takes the kept analysis of a paragraph with this key, if any.
    pub(super) fn take(&mut self, key: &WindowKey) -> Option<KeptParagraph> {
        self.paragraphs.remove(key)
    }

    /// Replaces the kept quote paragraphs with this check's.
    pub(super) fn replace_paragraphs(
        &mut self,
        kept: HashMap<WindowKey, KeptParagraph>,
        reuse: (usize, usize),
    ) {
        self.paragraphs = kept;
        self.last_reuse = reuse;
    }

    /// Of the quote paragraphs of the last analysis: how many were analysed afresh and how
    /// many taken from this memory (for tests and logs).
    pub fn last_reuse(&self) -> (usize, usize) {
        self.last_reuse
    }
}

/// The window of paragraph `index` of `paragraphs` (the quote paragraph and its neighbours)
/// and its key; `hashes` holds each paragraph's text hash, computed on demand.
pub(super) fn window_key(
    text: &str,
    paragraphs: &[Paragraph<'_>],
    index: usize,
    hashes: &mut [Option<u64>],
) -> (usize, WindowKey) {
    let mut hash_of = |i: usize| {
        *hashes[i].get_or_insert_with(|| {
            paragraph_text_hash(text.get(paragraphs[i].content.clone()).unwrap_or(""))
        })
    };
    let own = &paragraphs[index];
    let side = |i: usize, gap: Range<usize>, hash: u64| {
        let between = paragraph_text_hash(text.get(gap).unwrap_or(""));
        (hash, between, paragraphs[i].stretch == own.stretch)
    };
    let previous = index.checked_sub(1).map(|i| {
        let gap = paragraphs[i].content.end..own.content.start;
        side(i, gap, hash_of(i))
    });
    let next = (index + 1 < paragraphs.len()).then(|| {
        let gap = own.content.end..paragraphs[index + 1].content.start;
        side(index + 1, gap, hash_of(index + 1))
    });
    let start = match index.checked_sub(1) {
        Some(i) => paragraphs[i].content.start,
        None => own.content.start,
    };
    let before = text.get(..start).unwrap_or("");
    let key = WindowKey {
        own: hash_of(index),
        previous,
        next,
        char_before: before.chars().next_back(),
        initial_before: sentence_initial_in(before),
    };
    (start, key)
}

impl KeptParagraph {
    /// Keeps a paragraph's quotes relative to `start`; `None` if one reaches before it.
    pub(super) fn of(
        quotes: &[Quote],
        placements: &[Placement],
        start: usize,
        proper_lookups: ProperLookups,
    ) -> Option<KeptParagraph> {
        let back = |range: &Range<usize>| {
            Some(range.start.checked_sub(start)?..range.end.checked_sub(start)?)
        };
        let quotes = quotes
            .iter()
            .map(|quote| rebased(quote, back))
            .collect::<Option<Vec<Quote>>>()?;
        Some(KeptParagraph {
            quotes,
            placements: placements.to_vec(),
            proper_lookups,
        })
    }

    /// Whether every proper-noun look-up gives the same answer now.
    pub(super) fn holds(&self, is_proper: impl Fn(&str) -> bool) -> bool {
        self.proper_lookups
            .iter()
            .all(|(word, answer)| is_proper(word) == *answer)
    }

    pub(super) fn needs_proper_nouns(&self) -> bool {
        !self.proper_lookups.is_empty()
    }

    /// The kept quotes placed at `start`, in block `block`, paragraph `paragraph`.
    pub(super) fn placed(
        &self,
        start: usize,
        block: usize,
        paragraph: usize,
    ) -> impl Iterator<Item = (Quote, Placement)> + '_ {
        let forth = move |range: &Range<usize>| Some(range.start + start..range.end + start);
        self.quotes
            .iter()
            .zip(&self.placements)
            .filter_map(move |(quote, placement)| {
                let mut quote = rebased(quote, forth)?;
                quote.block = block;
                let mut placement = placement.clone();
                placement.paragraph = paragraph;
                Some((quote, placement))
            })
    }
}

/// A quote with every range moved by `shift`; `None` if one cannot be.
fn rebased(quote: &Quote, shift: impl Fn(&Range<usize>) -> Option<Range<usize>>) -> Option<Quote> {
    let attribution = match &quote.attribution {
        Some(attribution) => Some(Attribution {
            kind: attribution.kind,
            speaker: match &attribution.speaker {
                Some(speaker) => Some(shift(speaker)?),
                None => None,
            },
        }),
        None => None,
    };
    Some(Quote {
        range: shift(&quote.range)?,
        inner: shift(&quote.inner)?,
        attribution,
        ..quote.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_spans_are_the_spans_of_the_paragraph_wherever_it_moved() {
        let paragraph = "“We will rebuild,” the mayor said. It's 'early' days.";
        let mut memory = SpanMemory::default();
        for prefix in ["", "A new lede.\n\n", "Two\n\nnew paragraphs.\n\n"] {
            let text = format!("{prefix}{paragraph}\n");
            let range = prefix.len()..prefix.len() + paragraph.len();
            assert_eq!(
                memory.spans_of(&text, range.clone()),
                quote_spans(&text, range)
            );
            memory.forget_unused();
        }
        assert_eq!(memory.kept.len(), 1, "one paragraph met, one kept");
    }

    #[test]
    fn a_scan_forgets_the_paragraphs_it_did_not_meet() {
        let (one, two) = ("“One,” she said.", "“Two,” he said.");
        let text = format!("{one}\n\n{two}\n");
        let second = one.len() + 2..one.len() + 2 + two.len();
        let mut memory = SpanMemory::default();
        memory.spans_of(&text, 0..one.len());
        memory.spans_of(&text, second);
        memory.forget_unused();
        assert_eq!(memory.kept.len(), 2);
        memory.spans_of(&text, 0..one.len());
        memory.forget_unused();
        let kept: Vec<&str> = memory.kept.keys().map(|key| &**key).collect();
        assert_eq!(kept, [one]);
    }
}
