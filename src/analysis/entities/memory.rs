//! What one entity extraction leaves for the next extraction of the same document: each prose
//! block's tokens and candidates, kept relative to the block, so that after an edit only the
//! blocks the edit changed are tokenised and recognised again. Place cues along lists and the
//! style guide run on the whole document every time; resolution does too unless every
//! candidate reads as it did last time (`resolve::resolve_again`), as after an edit outside
//! every name, when the last entities are moved instead.
//!
//! A block is found again (in place, or among the blocks an edit touched) by its key: whether
//! it is a heading, its content, and the text after it that tokenising and recognising it read
//! (`tokens::read_after`). Its candidates are reused only if the first token after it still
//! has the same shape and flags (`recognise::NextWord`). Everything else a block's tokens and
//! candidates hold is relative: byte offsets to the block's content, token indices to its first
//! token, sentence numbers to its first sentence; the block number is given anew.

use std::ops::Range;

use rayon::prelude::*;

use super::lexicon::HashMap;
use super::recognise::{self, BeforeListPass, Candidate, NextWord};
use super::tokens::{self, KeptBlock, Token};
use super::{guide, resolve, Entities};
use crate::analysis::document::{Block, Document};
use crate::analysis::settings::StyleEntity;

/// What the last extraction of a document left: its prose blocks in order, with their keys.
#[derive(Debug, Default)]
pub struct Memory {
    blocks: Vec<(BlockKey, Kept)>,
    /// The last resolution, assembled, reused while the candidates read the same.
    resolution: Option<resolve::Remembered>,
}

/// How much of the last extraction was redone, in prose blocks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reuse {
    pub blocks: usize,
    pub tokenised: usize,
    pub recognised: usize,
    /// Whether mentions were resolved afresh (not reused from the last extraction).
    pub resolved: bool,
}

/// Everything a block's tokens and candidates depend on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct BlockKey {
    heading: bool,
    /// The content, then the text after it that is read.
    text: Box<str>,
    content_len: usize,
}

impl BlockKey {
    /// Whether `block` of `text` has this key, without building its key.
    fn matches(&self, text: &str, block: &Block) -> bool {
        let content = text.get(block.content.clone()).unwrap_or("");
        let after = tokens::read_after(text, block.content.end);
        self.heading == block.is_heading()
            && self.content_len == content.len()
            && self.text.len() == content.len() + after.len()
            && self.text.get(..content.len()) == Some(content)
            && self.text.get(content.len()..) == Some(after)
    }

    fn of(text: &str, block: &Block) -> BlockKey {
        let content = text.get(block.content.clone()).unwrap_or("");
        let after = tokens::read_after(text, block.content.end);
        let mut key = String::with_capacity(content.len() + after.len());
        key.push_str(content);
        key.push_str(after);
        BlockKey {
            heading: block.is_heading(),
            text: key.into_boxed_str(),
            content_len: content.len(),
        }
    }
}

/// One block's tokens and, once recognised, its candidates before place cues passed along
/// lists, with the next word they were recognised before.
#[derive(Debug, Default)]
struct Kept {
    tokens: KeptBlock,
    candidates: Option<KeptCandidates>,
}

/// A block's candidates as recognised before `next`, with each one's `resolve::shape_of`.
#[derive(Debug, Default)]
struct KeptCandidates {
    next: NextWord,
    candidates: Vec<Candidate>,
    shapes: Vec<u64>,
}

impl Kept {
    /// A block tokenised afresh, not yet recognised.
    fn tokenised(doc: &Document<'_>, index: usize, block: &Block) -> Kept {
        Kept {
            tokens: tokens::tokenize_kept(doc, index, block),
            candidates: None,
        }
    }
}

/// One prose block of this extraction.
struct Placed<'d> {
    index: usize,
    block: &'d Block,
    key: BlockKey,
    kept: Option<Kept>,
    /// Its tokens and candidates in the document's lists.
    tokens: Range<usize>,
    candidates: Range<usize>,
    next: NextWord,
}

/// `extract_with`, reusing what `memory` kept of unchanged blocks; returns the entities, what
/// to keep for the next extraction, and how much was redone.
pub(super) fn extract(
    doc: &Document<'_>,
    guide: &[StyleEntity],
    memory: Option<Memory>,
) -> (Entities, Memory, Reuse) {
    let Memory {
        blocks: old,
        resolution,
    } = memory.unwrap_or_default();
    let mut placed = find_kept(doc.text, tokens::prose_blocks(doc), old);
    let mut reuse = Reuse {
        blocks: placed.len(),
        ..Reuse::default()
    };
    reuse.tokenised = tokenise_new_blocks(doc, &mut placed);
    let all_tokens = place_tokens(doc, &mut placed);
    let (mut candidates, shapes) = place_candidates(doc.text, &all_tokens, &mut placed, &mut reuse);
    let before: Vec<BeforeListPass> = candidates.iter().map(Candidate::before_list_pass).collect();
    recognise::pass_place_cues_along_lists(doc.text, &mut candidates);
    let (mut entities, resolution, afresh) =
        resolve::resolve_again(doc.text, &all_tokens, &candidates, &shapes, resolution);
    reuse.resolved = afresh;
    if !guide.is_empty() {
        guide::apply(doc, &mut entities, guide);
    }
    let mut memory = keep(placed, candidates, shapes, before);
    memory.resolution = Some(resolution);
    (entities, memory, reuse)
}

/// Pairs each prose block with what `old` kept under its key. An edit leaves the blocks
/// before and after it in place, so those are compared in order; the blocks between (the
/// edited ones, pasted or moved ones) are looked up by key.
fn find_kept<'d>(
    text: &str,
    prose: Vec<(usize, &'d Block)>,
    old: Vec<(BlockKey, Kept)>,
) -> Vec<Placed<'d>> {
    let same = |(key, _): &(BlockKey, Kept), (_, block): &(usize, &Block)| key.matches(text, block);
    let prefix = old
        .iter()
        .zip(&prose)
        .take_while(|(old, new)| same(old, new))
        .count();
    let room = old.len().min(prose.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(prose.iter().rev())
        .take(room)
        .take_while(|(old, new)| same(old, new))
        .count();
    let middle_end = old.len() - suffix;
    let mut old = old.into_iter();
    let mut head = old.by_ref().take(prefix).collect::<Vec<_>>().into_iter();
    let mut middle: HashMap<BlockKey, Kept> = old.by_ref().take(middle_end - prefix).collect();
    let mut tail = old;
    let tail_start = prose.len() - suffix;
    prose
        .into_iter()
        .enumerate()
        .map(|(at, (index, block))| {
            let in_place = if at < prefix {
                head.next()
            } else if at >= tail_start {
                tail.next()
            } else {
                None
            };
            let (key, kept) = match in_place {
                Some((key, kept)) => (key, Some(kept)),
                None => {
                    let key = BlockKey::of(text, block);
                    let kept = middle.remove(&key);
                    (key, kept)
                }
            };
            Placed {
                index,
                block,
                key,
                kept,
                tokens: 0..0,
                candidates: 0..0,
                next: None,
            }
        })
        .collect()
}

/// Tokenises the blocks the memory did not have (side by side when there is much to do, as
/// `tokens::tokenize` does); returns how many.
fn tokenise_new_blocks(doc: &Document<'_>, placed: &mut [Placed<'_>]) -> usize {
    let mut new: Vec<&mut Placed<'_>> = placed.iter_mut().filter(|p| p.kept.is_none()).collect();
    let bytes: usize = new.iter().map(|p| p.block.content.len()).sum();
    let tokenise = |p: &mut &mut Placed<'_>| {
        p.kept = Some(Kept::tokenised(doc, p.index, p.block));
    };
    if bytes >= tokens::PARALLEL_BYTES {
        new.par_iter_mut().for_each(tokenise);
    } else {
        new.iter_mut().for_each(tokenise);
    }
    new.len()
}

/// The document's tokens, placed block by block from what is kept, with document-wide
/// sentence numbers.
fn place_tokens(doc: &Document<'_>, placed: &mut [Placed<'_>]) -> Vec<Token> {
    let count = placed
        .iter()
        .filter_map(|p| p.kept.as_ref())
        .map(|kept| kept.tokens.len())
        .sum();
    let mut all = Vec::with_capacity(count);
    let mut sentence_base = 0;
    for p in placed.iter_mut() {
        let start = all.len();
        let kept = p
            .kept
            .get_or_insert_with(|| Kept::tokenised(doc, p.index, p.block));
        let base = p.block.content.start;
        tokens::place_kept(&kept.tokens, base, p.index, sentence_base, &mut all);
        sentence_base += kept.tokens.sentences;
        p.tokens = start..all.len();
    }
    all
}

/// The document's candidates before place cues pass along lists, with each one's shape for
/// resolution: kept ones moved to where their block now stands, the others recognised afresh.
fn place_candidates(
    text: &str,
    all_tokens: &[Token],
    placed: &mut [Placed<'_>],
    reuse: &mut Reuse,
) -> (Vec<Candidate>, Vec<u64>) {
    // Room for the kept candidates at once: a long story has thousands, and growing the list
    // block by block copied it over and over.
    let kept_count: usize = placed
        .iter()
        .filter_map(|p| p.kept.as_ref()?.candidates.as_ref())
        .map(|kept| kept.candidates.len())
        .sum();
    let mut all = Vec::with_capacity(kept_count);
    let mut all_shapes = Vec::with_capacity(kept_count);
    for p in placed.iter_mut() {
        let next = recognise::next_word(all_tokens, p.tokens.end);
        let kept = p.kept.as_mut().and_then(|kept| kept.candidates.take());
        let (list, shapes) = match kept {
            Some(kept) if kept.next == next => {
                let content_start = p.block.content.start;
                let mut list = kept.candidates;
                list.iter_mut()
                    .for_each(|c| c.place_in_block(p.tokens.start, content_start));
                (list, kept.shapes)
            }
            _ => {
                reuse.recognised += 1;
                let list = recognise::recognise_span(text, all_tokens, p.tokens.clone());
                let shapes = list
                    .iter()
                    .map(|candidate| resolve::shape_of(text, all_tokens, candidate))
                    .collect();
                (list, shapes)
            }
        };
        p.next = next;
        p.candidates = all.len()..all.len() + list.len();
        all.extend(list);
        all_shapes.extend(shapes);
    }
    (all, all_shapes)
}

/// What to keep of this extraction: each block's tokens and its candidates as recognition
/// left them, relative to the block.
fn keep(
    placed: Vec<Placed<'_>>,
    candidates: Vec<Candidate>,
    shapes: Vec<u64>,
    before: Vec<BeforeListPass>,
) -> Memory {
    let mut blocks = Vec::with_capacity(placed.len());
    let mut candidates = candidates.into_iter().zip(before);
    let mut shapes = shapes.into_iter();
    for p in placed {
        let list: Vec<Candidate> = candidates
            .by_ref()
            .take(p.candidates.len())
            .map(|(mut candidate, before)| {
                candidate.undo_list_pass(before);
                candidate.make_relative(p.tokens.start, p.block.content.start);
                candidate
            })
            .collect();
        let mut kept = p.kept.unwrap_or_default();
        kept.candidates = Some(KeptCandidates {
            next: p.next,
            candidates: list,
            shapes: shapes.by_ref().take(p.candidates.len()).collect(),
        });
        blocks.push((p.key, kept));
    }
    Memory {
        blocks,
        resolution: None,
    }
}
