//! What one check of a document leaves for the next check of the same document, so that after
//! an edit only the work the edit can have changed is redone. The server keeps one per open
//! document; the CLI checks each file once and passes none.
//!
//! A memo never changes findings: a check given a memo returns exactly what it returns without
//! one (tests/incremental.rs checks this on random edit sequences).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::checks::duplicate_passage;
use super::entities::memory::{self as entity_memory, Reuse};
use super::quotes::QuoteMemory;
use crate::sync::lock;

#[derive(Debug, Default)]
pub struct Memo {
    duplicate_passage: Mutex<Option<duplicate_passage::Memory>>,
    /// Of the paragraphs of the last check, how many were matched afresh and how many reused.
    matched: AtomicUsize,
    reused: AtomicUsize,
    /// Each prose block's entity tokens and candidates (see `entities::memory`).
    entities: Mutex<Option<entity_memory::Memory>>,
    /// Of the prose blocks of the last entity extraction, how many were redone.
    entity_reuse: Mutex<Reuse>,
    /// Each paragraph's capitalised words and each quote paragraph's quotes.
    quotes: Mutex<Option<QuoteMemory>>,
}

impl Memo {
    /// Takes what the last `duplicate-passage` run left (a concurrent check of the same
    /// document finds nothing and starts afresh).
    pub(crate) fn take_duplicate_passage(&self) -> Option<duplicate_passage::Memory> {
        lock(&self.duplicate_passage).take()
    }

    pub(crate) fn keep_duplicate_passage(&self, memory: duplicate_passage::Memory) {
        *lock(&self.duplicate_passage) = Some(memory);
    }

    pub(crate) fn record_paragraphs(&self, matched: usize, reused: usize) {
        self.matched.store(matched, Ordering::Relaxed);
        self.reused.store(reused, Ordering::Relaxed);
    }

    /// Takes what the last entity extraction left (a concurrent extraction of the same
    /// document finds nothing and starts afresh).
    pub(crate) fn take_entities(&self) -> Option<entity_memory::Memory> {
        lock(&self.entities).take()
    }

    pub(crate) fn keep_entities(&self, memory: entity_memory::Memory, reuse: Reuse) {
        *lock(&self.entities) = Some(memory);
        *lock(&self.entity_reuse) = reuse;
    }

    /// Takes what the last quote analysis left (a concurrent one finds nothing).
    pub(crate) fn take_quotes(&self) -> Option<QuoteMemory> {
        lock(&self.quotes).take()
    }

    pub(crate) fn keep_quotes(&self, memory: QuoteMemory) {
        *lock(&self.quotes) = Some(memory);
    }

    /// Of the prose blocks of the last entity extraction: how many there were, how many were
    /// tokenised afresh and how many recognised afresh (for logs and tests).
    pub fn last_entity_reuse(&self) -> Reuse {
        *lock(&self.entity_reuse)
    }

    /// Paragraphs the last check matched afresh and paragraphs whose outcome it reused (for
    /// logs and tests).
    pub fn last_paragraphs(&self) -> (usize, usize) {
        (
            self.matched.load(Ordering::Relaxed),
            self.reused.load(Ordering::Relaxed),
        )
    }
}
