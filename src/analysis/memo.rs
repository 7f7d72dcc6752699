//! What one check of a document leaves for the next check of the same document, so that after
//! an edit only the work the edit can have changed is redone. The server keeps one per open
//! document; the CLI checks each file once and passes none.
//!
//! A memo never changes findings: a check given a memo returns exactly what it returns without
//! one (tests/incremental.rs checks this on random edit sequences).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::checks::duplicate_passage;
use crate::sync::lock;

#[derive(Debug, Default)]
pub struct Memo {
    duplicate_passage: Mutex<Option<duplicate_passage::Memory>>,
    /// Of the paragraphs of the last check, how many were matched afresh and how many reused.
    matched: AtomicUsize,
    reused: AtomicUsize,
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

    /// Paragraphs the last check matched afresh and paragraphs whose outcome it reused (for
    /// logs and tests).
    pub fn last_paragraphs(&self) -> (usize, usize) {
        (
            self.matched.load(Ordering::Relaxed),
            self.reused.load(Ordering::Relaxed),
        )
    }
}
