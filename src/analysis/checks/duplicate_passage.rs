//! `duplicate-passage`: a sentence or paragraph that repeats, exactly or nearly, an earlier
//! passage of the same document or a passage of another document.
//!
//! How: every paragraph is fingerprinted ([`crate::analysis::fingerprint`]). A sentence's
//! shingles are looked up in an index of this document (every shingle, earlier passages only)
//! and in the corpus index (winnowed fingerprints); passages sharing shingles are candidates,
//! and a candidate counts when the longest common subsequence of their folded words covers
//! `duplicate_threshold` of the shorter one (and half of the longer). A paragraph whose
//! sentences are all copies is reported once, as a paragraph, and neighbouring sentences copied
//! from one paragraph once, as a passage; a paragraph none of whose sentences is a copy is
//! compared as a whole (short sentences, re-split sentences).

use std::cmp::Reverse;
use std::hash::Hasher;
use std::ops::Range;
use std::sync::Arc;

use super::{Check, Context, Reads};
use crate::analysis::corpus::{Corpus, DocumentId};
use crate::analysis::document::{Block, Document};
use crate::analysis::finding::{DocumentRef, Finding, Fix, Related, Severity, TextEdit};
use crate::analysis::fingerprint::{
    is_function_word, is_meaningful, shingle_hashes, to_u32, DocumentPrint, FingerprintIndex,
    FlatIndex, ParagraphPrint, Posting, QuickMap, WordSignature, SHINGLE_WORDS, UNKNOWN_LENGTH,
    UNKNOWN_PARAGRAPH_LENGTH, UNKNOWN_SENTENCE,
};
use crate::analysis::text;

pub const CODE: &str = "duplicate-passage";

pub const CHECK: Check = Check {
    code: CODE,
    summary: "A sentence or paragraph repeats another passage",
    description: DESCRIPTION,
    severity: Severity::Warning,
    reads: Reads::Corpus,
    run,
};

const DESCRIPTION: &str = "\
### duplicate-passage

**What**: a sentence or paragraph that repeats an earlier one of the same story, or a passage \
of another open story, word for word or as a light rewrite (a few words changed or moved), \
or as a paraphrase that keeps the facts, figures and content words in order and changes the \
small words around them. Case, curly quotes and punctuation are ignored. Passages under eight words (by default), \
headings, stock phrases (\"declined to comment\", \"did not respond to a request for \
comment\", \"said in a statement\", \"this story has been updated\"), datelines, bylines and wire credits (`Reporting by …; Editing by …`) never count. Nor does one \
formula filled with other facts: two rewordings that give two or more figures each, mostly \
different ones (this quarter's forecast in last quarter's words).

**Why**: a lede pasted twice, or a paragraph lifted from an earlier version or another \
outlet's story, is a production accident at best and plagiarism at worst. Copy editors catch \
it by reading; across a workspace only a machine can.

**Example**:

```markdown
Crews evacuated more than 4,000 residents from low-lying districts on Sunday.

The river crested overnight.

Crews evacuated over 4,000 residents from low-lying parts on Sunday.
```

The third paragraph is flagged: *Repeats a passage from line 1 (82% similar)*. The later \
copy is flagged, in the same story or in the story being edited; the quick fix *Remove \
repeated passage* deletes it (a whole paragraph with its line and one adjacent blank line, a \
sentence with the space after it).";

pub const FIX_TITLE: &str = "Remove repeated passage";

/// A sentence must cover this share of a longer original too: a copy may drop a clause, but a
/// short sentence whose words are scattered through a long one is not a copy of it.
const SENTENCE_MIN_COVERAGE: f64 = 0.5;

/// Postings read per shingle. A shingle found everywhere (boilerplate) would otherwise make
/// every passage a candidate; this document's postings come in document order, so the earliest
/// (the originals) are the ones read.
const MAX_POSTINGS_PER_SHINGLE: usize = 8;

/// Postings read per passage, rarest shingles first.
const MAX_POSTINGS_PER_PASSAGE: usize = 48;

/// Candidates confirmed per passage, those sharing the most shingles first.
const MAX_CONFIRMATIONS: usize = 8;

/// Above this many table cells (about 256 × 256 words) the exact word alignment gives way to an
/// estimate chained from shared shingles, so a giant paragraph cannot stall the check.
const EXACT_ALIGNMENT_CELLS: usize = 1 << 16;

/// The shortest run of words a moved clause keeps for [`tiled_words`]: shorter runs (`in the`,
/// `said on Monday`) are shared by sentences that merely share a topic.
const TILE_WORDS: usize = 3;

/// A reordered copy must cover this share of the longer passage too.
const TILED_MIN_COVERAGE: f64 = 0.7;

/// Above this many table cells (two sentences of 90 words) a reordered copy is not looked for:
/// tiling costs a table per tile, and sentences are compared one by one anyway.
const MAX_TILING_CELLS: usize = 8_192;

/// Up to this many table cells (two sentences of 32 words) the exact alignment is computed
/// straight away, without the common-word bound first.
const SMALL_ALIGNMENT_CELLS: usize = 1 << 10;

/// The document number of the checked document in its own index.
const THIS_DOCUMENT: u32 = 0;

/// How far below the threshold a paraphrase's content words may align
/// ([`paraphrase_similarity`]): 0.65 at the default 0.8. Sentences of one unseen story that
/// share a topic align up to 0.53 of their content words; planted paraphrases 0.67 to 0.86.
const PARAPHRASE_MARGIN: f64 = 0.15;

/// A paraphrase is only judged by its content words when it has this many.
const PARAPHRASE_MIN_CONTENT_WORDS: usize = 12;

/// Passages that give at least this many figures each and mostly other ones state other facts
/// ([`Checker::states_other_figures`]).
const MIN_FIGURES: usize = 2;

/// Lowercase words of three letters or more that make a passage prose, not a results line.
const MIN_PROSE_WORDS: usize = 3;

/// Where a passage lives: the checked document, or a corpus document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    This,
    Corpus(DocumentId),
}

/// A paragraph, or a sentence of it, in some source: in this document by position, in the
/// corpus by [`crate::analysis::corpus::ParagraphId`]. Kept small: candidates are sorted by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct PassageKey {
    source: Source,
    paragraph: u32,
    sentence: Option<u32>,
}

impl PassageKey {
    /// The key as one number that sorts as the key does (this document first, then corpus
    /// documents by id, paragraph, sentence): candidates are sorted often, and comparing one
    /// integer beats comparing an enum and an option.
    fn packed(&self) -> u128 {
        let source = match self.source {
            Source::This => 0,
            Source::Corpus(id) => u128::from(id) + 1,
        };
        let sentence = self.sentence.map_or(0, |sentence| u128::from(sentence) + 1);
        source << 72 | u128::from(self.paragraph) << 36 | sentence
    }
}

/// A passage sharing shingles with the one checked, with its length in words and the signature
/// of its words when the posting that named it knew them ([`UNKNOWN_WORDS`] and
/// [`WordSignature::ANY`] otherwise).
#[derive(Debug, Clone, Copy)]
struct Candidate {
    key: PassageKey,
    words: u16,
    signature: WordSignature,
}

/// [`Candidate::words`] when no posting said: the marker a posting's paragraph length uses.
const UNKNOWN_WORDS: u16 = UNKNOWN_PARAGRAPH_LENGTH;

/// A sentence's or a paragraph's length as a posting holds it.
fn known_words(length: u8) -> u16 {
    if length == UNKNOWN_LENGTH {
        UNKNOWN_WORDS
    } else {
        u16::from(length)
    }
}

/// A confirmed original of a passage.
#[derive(Debug, Clone, Copy)]
struct Match {
    original: PassageKey,
    similarity: f64,
    exact: bool,
}

impl Match {
    /// Higher similarity wins, then an exact copy, then the earliest original (this document
    /// before the corpus), so every later copy points at the first.
    fn beats(&self, other: &Match) -> bool {
        (self.similarity, self.exact) > (other.similarity, other.exact)
            || ((self.similarity, self.exact) == (other.similarity, other.exact)
                && self.original < other.original)
    }
}

/// Thresholds from the settings, made safe to compute with.
struct Rules {
    threshold: f64,
    min_words: usize,
}

impl Rules {
    fn from(context: &Context<'_>) -> Rules {
        let threshold = context.settings.duplicate_threshold;
        Rules {
            threshold: if threshold.is_finite() {
                threshold.clamp(0.0, 1.0)
            } else {
                0.8
            },
            min_words: context.settings.min_passage_words.max(1),
        }
    }
}

fn run(context: &Context<'_>) -> Vec<Finding> {
    let mut previous = context.memo.and_then(|memo| memo.take_duplicate_passage());
    let checker = Checker::new(context, previous.as_mut());
    let mut reusable = match previous {
        Some(previous) => previous.reusable(&checker),
        None => Vec::new(),
    };
    reusable.resize_with(checker.print.paragraphs.len(), || None);
    let mut findings = Vec::new();
    let mut remembered = Vec::with_capacity(reusable.len());
    let reused = reusable.iter().filter(|reused| reused.is_some()).count();
    let mut scratch = Scratch::default();
    for (number, reused) in reusable.into_iter().enumerate() {
        let (outcome, trace) = reused.unwrap_or_else(|| checker.outcome(number, &mut scratch));
        findings.extend(checker.findings(number, &outcome));
        remembered.push(Remembered {
            print: checker.print.paragraphs[number].print.clone(),
            outcome,
            trace,
        });
    }
    // A giant document is not remembered: its own index would stay in memory while it is open.
    if let Some(memo) = context
        .memo
        .filter(|_| context.doc.text.len() <= MEMORY_MAX_BYTES)
    {
        memo.record_paragraphs(remembered.len() - reused, reused);
        let key = checker.memory_key();
        let (index, shingles) = checker.into_own_index();
        memo.keep_duplicate_passage(Memory {
            key,
            paragraphs: remembered,
            index,
            shingles,
        });
    }
    findings
}

/// The shingles an edit changed, as a 1,024-bit filter: every shingle of every paragraph is
/// asked whether the edit changed it, and the filter answers no for nearly all of them
/// without the two maps being read (it never answers no for a changed one).
#[derive(Default)]
struct ShingleFilter {
    bits: [u64; 16],
}

impl ShingleFilter {
    fn insert(&mut self, shingle: u64) {
        let bit = ShingleFilter::bit(shingle);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    fn may_hold(&self, shingle: u64) -> bool {
        let bit = ShingleFilter::bit(shingle);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Ten bits of the hash mixed again: winnowing keeps the smallest hashes, so their own top
    /// bits are mostly zero.
    fn bit(shingle: u64) -> usize {
        (shingle.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54) as usize
    }
}

/// Documents longer than this leave no [`Memory`] (4 MB, about 700,000 words).
const MEMORY_MAX_BYTES: usize = 4 << 20;

/// What one check of a document leaves for the next check of the same document (the server
/// keeps it per open document): each paragraph's outcome and what it depended on. A paragraph
/// is matched again only if its text changed, if it shares a shingle whose postings an edit
/// changed, or if it was compared with (or keyed on a sentence of) a paragraph that changed;
/// otherwise matching it again would read the same postings, the same candidates and the same
/// words, and give the same outcome. Anything else (other documents, settings, a paragraph
/// added or removed) makes every paragraph be matched again.
#[derive(Debug)]
pub struct Memory {
    key: MemoryKey,
    paragraphs: Vec<Remembered>,
    /// The document's own index and each paragraph's shingles, updated in place on the next
    /// check for the paragraphs whose text changed.
    index: FingerprintIndex,
    shingles: Vec<Vec<u64>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct MemoryKey {
    others_generation: u64,
    itself: Option<DocumentId>,
    threshold: f64,
    min_words: usize,
    /// The text of the blockquoted paragraphs, hashed: whether two paragraphs of the story
    /// may match depends on which are blockquotes, so a change to those matches all again.
    blockquotes: u64,
    /// Which paragraphs are items of one list, hashed, for the same reason.
    lists: u64,
}

#[derive(Debug)]
struct Remembered {
    print: Arc<ParagraphPrint>,
    outcome: Outcome,
    trace: Trace,
}

/// What matching found for one paragraph, independent of where the paragraph now sits (keys
/// name paragraphs by number, which stays while no paragraph is added or removed).
#[derive(Debug, Clone)]
enum Outcome {
    Nothing,
    /// Every sentence is a copy: one finding for the paragraph.
    Paragraph {
        originals: Vec<Match>,
        similarity: f64,
        exact: bool,
    },
    /// Some sentences are copies: one finding each, or one for neighbours from one paragraph.
    Sentences(Vec<(usize, Match)>),
}

/// The paragraphs of this document that matching one paragraph looked at.
#[derive(Debug, Clone, Default)]
struct Trace {
    /// Paragraphs some candidate key pointed into (through a sentence of theirs or whole).
    keyed: Vec<u32>,
    /// Paragraphs whose words were compared.
    compared: Vec<u32>,
}

impl Trace {
    fn finish(mut self) -> Trace {
        for list in [&mut self.keyed, &mut self.compared] {
            list.sort_unstable();
            list.dedup();
        }
        self
    }
}

impl Memory {
    /// The outcome and trace of every paragraph that need not be matched again, by number.
    fn reusable(self, checker: &Checker<'_>) -> Vec<Option<(Outcome, Trace)>> {
        let now = &checker.print.paragraphs;
        if self.key != checker.memory_key() {
            return Vec::new();
        }
        let old: Vec<&ParagraphPrint> = self.paragraphs.iter().map(|p| &*p.print).collect();
        let new: Vec<&ParagraphPrint> = now.iter().map(|p| &*p.print).collect();
        let alignment = Alignment::of(&old, &new);
        // Own-index postings are read only before the reading paragraph, so a change there
        // matters to the paragraphs from it on (the first one after a deletion included); own
        // corpus postings count (list length, boilerplate) for every paragraph.
        let mut first_changed_locally: QuickMap<u64, usize> = QuickMap::default();
        let mut changed_in_corpus: QuickMap<u64, ()> = QuickMap::default();
        let mut changed = ShingleFilter::default();
        let mut reshaped = Vec::new();
        for (at, before, after) in alignment.changes(&old, &new) {
            for shingle in changed_own_postings(&before, &after) {
                changed.insert(shingle);
                first_changed_locally.entry(shingle).or_insert(at);
            }
            for shingle in changed_corpus_counts(&before, &after) {
                changed.insert(shingle);
                changed_in_corpus.insert(shingle, ());
            }
            if before.len() != after.len()
                || before
                    .iter()
                    .zip(&after)
                    .any(|(a, b)| sentence_words(a).ne(sentence_words(b)))
            {
                reshaped.extend(alignment.old_numbers_at(at, before.len()));
            }
        }
        let changed_old = alignment.changed_old();
        let touches = |list: &[u32], set: &[u32]| set.iter().any(|n| list.binary_search(n).is_ok());
        let mut remembered: Vec<Option<Remembered>> =
            self.paragraphs.into_iter().map(Some).collect();
        (0..now.len())
            .map(|number| {
                let old_number = alignment.old_of(number)?;
                let old = remembered.get_mut(old_number)?.take()?;
                let reads_a_change = |shingle: &u64| {
                    changed.may_hold(*shingle)
                        && (changed_in_corpus.contains_key(shingle)
                            || first_changed_locally
                                .get(shingle)
                                .is_some_and(|&first| first <= number))
                };
                let stale = old.print.text_hash != now[number].print.text_hash
                    || touches(&old.trace.compared, &changed_old)
                    || touches(&old.trace.keyed, &reshaped)
                    || checker.shingles[number].iter().any(reads_a_change);
                if stale {
                    return None;
                }
                let renumber = |paragraph: u32| alignment.new_of(paragraph as usize).map(to_u32);
                Some((
                    old.outcome.renumbered(&renumber)?,
                    old.trace.renumbered(&renumber)?,
                ))
            })
            .collect()
    }
}

/// How the paragraphs of the last check line up with this check's. With as many paragraphs as
/// before, each keeps its number; when paragraphs were added or removed (Enter twice, a
/// paste, a deletion), the unchanged paragraphs at the start keep their numbers, those at the
/// end move by the difference, and the ones between count as changed.
struct Alignment {
    old_len: usize,
    new_len: usize,
    /// Paragraphs equal at the start, and at the end, when the counts differ.
    same_start: usize,
    same_end: usize,
    /// With equal counts: the numbers whose text changed.
    changed: Vec<usize>,
}

impl Alignment {
    fn of(old: &[&ParagraphPrint], new: &[&ParagraphPrint]) -> Alignment {
        let same = |a: &&ParagraphPrint, b: &&ParagraphPrint| a.text_hash == b.text_hash;
        if old.len() == new.len() {
            return Alignment {
                old_len: old.len(),
                new_len: new.len(),
                same_start: 0,
                same_end: 0,
                changed: (0..new.len())
                    .filter(|&n| !same(&old[n], &new[n]))
                    .collect(),
            };
        }
        let same_start = old.iter().zip(new).take_while(|(a, b)| same(a, b)).count();
        let most_at_end = old.len().min(new.len()) - same_start;
        let same_end = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(most_at_end)
            .take_while(|(a, b)| same(a, b))
            .count();
        Alignment {
            old_len: old.len(),
            new_len: new.len(),
            same_start,
            same_end,
            changed: Vec::new(),
        }
    }

    fn equal_counts(&self) -> bool {
        self.old_len == self.new_len
    }

    /// The old number of new paragraph `number`, unless it is new or between the moved ones.
    fn old_of(&self, number: usize) -> Option<usize> {
        self.carried(number, self.new_len, self.old_len)
    }

    /// The new number of old paragraph `number`, unless it is gone or changed.
    fn new_of(&self, number: usize) -> Option<usize> {
        self.carried(number, self.old_len, self.new_len)
    }

    /// Paragraph `number` of a version with `from_len` paragraphs, numbered in the version
    /// with `to_len`: the same at the start, moved by the difference at the end.
    fn carried(&self, number: usize, from_len: usize, to_len: usize) -> Option<usize> {
        if number >= from_len {
            None
        } else if self.equal_counts() || number < self.same_start {
            Some(number)
        } else if number >= from_len - self.same_end {
            Some(number + to_len - from_len)
        } else {
            None
        }
    }

    /// The changes as (new number where they sit, old prints, new prints): each changed
    /// paragraph alone with equal counts, else the whole run between the unchanged ones.
    fn changes<'p>(
        &self,
        old: &[&'p ParagraphPrint],
        new: &[&'p ParagraphPrint],
    ) -> Vec<(usize, Vec<&'p ParagraphPrint>, Vec<&'p ParagraphPrint>)> {
        if self.equal_counts() {
            return self
                .changed
                .iter()
                .map(|&n| (n, vec![old[n]], vec![new[n]]))
                .collect();
        }
        let old_run = old[self.same_start..self.old_len - self.same_end].to_vec();
        let new_run = new[self.same_start..self.new_len - self.same_end].to_vec();
        vec![(self.same_start, old_run, new_run)]
    }

    /// The old numbers of the `count` old paragraphs of the change at new number `at`.
    fn old_numbers_at(&self, at: usize, count: usize) -> impl Iterator<Item = u32> {
        (at..at + count).map(to_u32)
    }

    /// The old numbers of the paragraphs that changed or went, sorted.
    fn changed_old(&self) -> Vec<u32> {
        if self.equal_counts() {
            return self.changed.iter().map(|&n| to_u32(n)).collect();
        }
        (self.same_start..self.old_len - self.same_end)
            .map(to_u32)
            .collect()
    }
}

impl Outcome {
    /// The outcome with its originals in this document renumbered, or `None` if one has no
    /// new number.
    fn renumbered(self, renumber: &impl Fn(u32) -> Option<u32>) -> Option<Outcome> {
        let moved = |found: Match| -> Option<Match> {
            let mut found = found;
            if found.original.source == Source::This {
                found.original.paragraph = renumber(found.original.paragraph)?;
            }
            Some(found)
        };
        Some(match self {
            Outcome::Nothing => Outcome::Nothing,
            Outcome::Paragraph {
                originals,
                similarity,
                exact,
            } => Outcome::Paragraph {
                originals: originals.into_iter().map(moved).collect::<Option<_>>()?,
                similarity,
                exact,
            },
            Outcome::Sentences(matches) => Outcome::Sentences(
                matches
                    .into_iter()
                    .map(|(sentence, found)| Some((sentence, moved(found)?)))
                    .collect::<Option<_>>()?,
            ),
        })
    }
}

impl Trace {
    fn renumbered(self, renumber: &impl Fn(u32) -> Option<u32>) -> Option<Trace> {
        let moved = |list: Vec<u32>| list.into_iter().map(renumber).collect::<Option<Vec<_>>>();
        Some(Trace {
            keyed: moved(self.keyed)?,
            compared: moved(self.compared)?,
        })
    }
}

/// The document's own index: every shingle of every paragraph (it lives for one document, so
/// it can afford full recall), and each paragraph's shingles.
fn own_index(print: &DocumentPrint) -> (FingerprintIndex, Vec<Vec<u64>>) {
    let shingles = paragraph_shingles(print);
    let mut index = FingerprintIndex::with_capacity(shingles.iter().map(Vec::len).sum());
    for (number, paragraph) in shingles.iter().enumerate() {
        index.add_shingles(
            THIS_DOCUMENT,
            to_u32(number),
            &print.paragraphs[number].print,
            paragraph,
        );
    }
    (index, shingles)
}

/// [`own_index`] for a check that keeps nothing: the same postings, built once and flat.
fn flat_own_index(print: &DocumentPrint) -> (OwnIndex, Vec<Vec<u64>>) {
    let shingles = paragraph_shingles(print);
    let paragraphs = (print.paragraphs.iter())
        .zip(&shingles)
        .map(|(paragraph, shingles)| (&*paragraph.print, shingles.as_slice()));
    let index = FlatIndex::of_paragraphs(THIS_DOCUMENT, paragraphs);
    (OwnIndex::Flat(index), shingles)
}

/// Every shingle of each paragraph, parallel to `print.paragraphs`.
fn paragraph_shingles(print: &DocumentPrint) -> Vec<Vec<u64>> {
    print
        .paragraphs
        .iter()
        .map(|paragraph| paragraph.print.shingles())
        .collect()
}

/// The checked document's own index: one that a memo keeps and the next check updates, or a
/// flat one for a check that keeps nothing. Both give the same postings.
enum OwnIndex {
    Kept(FingerprintIndex),
    Flat(FlatIndex),
}

impl OwnIndex {
    fn postings(&self, shingle: u64) -> &[Posting] {
        match self {
            OwnIndex::Kept(index) => index.postings(shingle),
            OwnIndex::Flat(index) => index.postings(shingle),
        }
    }
}

/// [`own_index`] from the last check's, with the paragraphs whose text changed re-indexed. The
/// index keeps postings sorted, so the result is the same as building it afresh.
fn own_index_updated(
    previous: &mut Memory,
    print: &DocumentPrint,
) -> (FingerprintIndex, Vec<Vec<u64>>) {
    let mut index = std::mem::take(&mut previous.index);
    let mut shingles = std::mem::take(&mut previous.shingles);
    for (number, paragraph) in print.paragraphs.iter().enumerate() {
        let old = &previous.paragraphs[number].print;
        if old.text_hash == paragraph.print.text_hash {
            continue;
        }
        let number = to_u32(number);
        index.remove_shingles(THIS_DOCUMENT, number, &shingles[number as usize]);
        shingles[number as usize] = paragraph.print.shingles();
        index.add_shingles(
            THIS_DOCUMENT,
            number,
            &paragraph.print,
            &shingles[number as usize],
        );
    }
    (index, shingles)
}

/// Shingles whose postings in the document's own index (every shingle, by word position)
/// differ between two versions of a paragraph. Changed paragraphs are visited in order, so
/// the first paragraph recorded for a shingle is the earliest.
fn changed_own_postings(old: &[&ParagraphPrint], new: &[&ParagraphPrint]) -> Vec<u64> {
    // Positions count from the run's first paragraph: a shingle that only moved to another
    // paragraph of the run counts as changed, as it should.
    let postings = |prints: &[&ParagraphPrint]| {
        prints
            .iter()
            .enumerate()
            .flat_map(|(paragraph, print)| {
                print
                    .shingles()
                    .into_iter()
                    .enumerate()
                    .filter(|&(_, shingle)| is_meaningful(shingle))
                    .map(move |(word, shingle)| (shingle, paragraph << 32 | word))
            })
            .collect()
    };
    symmetric_difference(postings(old), postings(new))
}

/// Fingerprints whose number of postings in the corpus (winnowed) differs between two versions
/// of a paragraph. Where the checked document's own postings sit does not matter (they are
/// skipped before the bounded scan); only how many there are does.
fn changed_corpus_counts(old: &[&ParagraphPrint], new: &[&ParagraphPrint]) -> Vec<u64> {
    let counted = |prints: &[&ParagraphPrint]| {
        prints
            .iter()
            .flat_map(|print| print.fingerprints())
            .map(|fingerprint| (fingerprint.hash, 0))
            .collect()
    };
    symmetric_difference(counted(old), counted(new))
}

/// The shingles of the (shingle, position) pairs in one list but not the other, as multisets.
fn symmetric_difference(mut a: Vec<(u64, usize)>, mut b: Vec<(u64, usize)>) -> Vec<u64> {
    a.sort_unstable();
    b.sort_unstable();
    let (mut i, mut j) = (0, 0);
    let mut different = Vec::new();
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                different.push(x.0);
                i += 1;
            }
            (Some(x), None) => {
                different.push(x.0);
                i += 1;
            }
            (_, Some(y)) => {
                different.push(y.0);
                j += 1;
            }
            (None, None) => break,
        }
    }
    different
}

fn sentence_words(print: &ParagraphPrint) -> impl Iterator<Item = Range<usize>> + '_ {
    print
        .sentences
        .iter()
        .map(|sentence| sentence.words.clone())
}

/// The checked document, fingerprinted and indexed, and the corpus it is compared with.
struct Checker<'a> {
    doc: &'a Document<'a>,
    /// The paragraph blocks, parallel to `print.paragraphs`.
    blocks: Vec<&'a Block>,
    print: DocumentPrint,
    /// Every shingle of each paragraph, parallel to `print.paragraphs`.
    shingles: Vec<Vec<u64>>,
    index: OwnIndex,
    corpus: &'a Corpus,
    /// The checked document's own id in the corpus, if the caller left it in.
    itself: Option<DocumentId>,
    rules: Rules,
    /// Record what each paragraph depended on (only a memo needs it).
    tracing: bool,
    /// Whether each paragraph is in a Markdown blockquote, parallel to `print.paragraphs`.
    in_blockquote: Vec<bool>,
    /// The list each paragraph is an item of (numbered in order), parallel to
    /// `print.paragraphs`.
    list_of: Vec<Option<u32>>,
}

impl<'a> Checker<'a> {
    /// Fingerprints and indexes the checked document, starting from what the last check of it
    /// left in `previous` when the paragraphs are the same in number.
    fn new(context: &'a Context<'a>, previous: Option<&mut Memory>) -> Checker<'a> {
        let corpus = context.corpus;
        // The server and the CLI index the very text they check: its print is in the corpus.
        let indexed = context
            .name
            .and_then(|name| corpus.print_of(name, context.doc.text, context.doc.format));
        let print = match indexed {
            Some(print) => print.clone(),
            None => DocumentPrint::with_cache(context.doc, |hash| corpus.cached_paragraph(hash)),
        };
        let (index, shingles) = match previous {
            Some(previous) if previous.paragraphs.len() == print.paragraphs.len() => {
                let (index, shingles) = own_index_updated(previous, &print);
                (OwnIndex::Kept(index), shingles)
            }
            _ if context.memo.is_none() => flat_own_index(&print),
            _ => {
                let (index, shingles) = own_index(&print);
                (OwnIndex::Kept(index), shingles)
            }
        };
        let blocks: Vec<&Block> = context.doc.paragraphs().collect();
        let in_blockquote = blocks
            .iter()
            .map(|block| context.doc.is_blockquote(block))
            .collect();
        Checker {
            doc: context.doc,
            blocks,
            in_blockquote,
            list_of: lists_of_paragraphs(context.doc),
            print,
            shingles,
            index,
            corpus,
            itself: context.name.and_then(|name| corpus.id_of(name)),
            rules: Rules::from(context),
            tracing: context.memo.is_some(),
        }
    }

    fn into_own_index(self) -> (FingerprintIndex, Vec<Vec<u64>>) {
        match self.index {
            OwnIndex::Kept(index) => (index, self.shingles),
            // Not reached: a check that keeps its index builds a `Kept` one.
            OwnIndex::Flat(_) => own_index(&self.print),
        }
    }

    fn memory_key(&self) -> MemoryKey {
        MemoryKey {
            others_generation: self.corpus.others_generation(self.itself),
            itself: self.itself,
            threshold: self.rules.threshold,
            min_words: self.rules.min_words,
            blockquotes: self.blockquotes_hash(),
            lists: self.lists_hash(),
        }
    }

    fn blockquotes_hash(&self) -> u64 {
        let mut hasher = rustc_hash::FxHasher::default();
        let quoted = self.print.paragraphs.iter().zip(&self.in_blockquote);
        for (paragraph, _) in quoted.filter(|(_, &quoted)| quoted) {
            hasher.write_u64(paragraph.print.text_hash);
        }
        hasher.finish()
    }

    /// `- St. Louis Public Library branches, during regular hours` and `- St. Louis County
    /// Library branches, …`: items of one list follow one pattern on purpose, so only a word
    /// for word copy among them is a slip.
    fn items_of_one_list(&self, copy: PassageKey, original: PassageKey) -> bool {
        let list = |paragraph: u32| self.list_of.get(paragraph as usize).copied().flatten();
        copy.source == Source::This
            && original.source == Source::This
            && list(copy.paragraph).is_some()
            && list(copy.paragraph) == list(original.paragraph)
    }

    /// `“When the post office went, people said we still had the pub. When the bus went…`: a
    /// speaker repeating a pattern within one quotation does so on purpose, so only a word for
    /// word copy there is a slip.
    fn parallel_in_one_quote(&self, copy: PassageKey, original: PassageKey) -> bool {
        let (Some(copied), Some(first)) = (copy.sentence, original.sentence) else {
            return false;
        };
        if copy.source != Source::This
            || original.source != Source::This
            || copy.paragraph != original.paragraph
        {
            return false;
        }
        let Some(placed) = self.print.paragraphs.get(copy.paragraph as usize) else {
            return false;
        };
        let sentences = &placed.print.sentences;
        let (Some(first), Some(copied)) = (
            sentences.get(first as usize),
            sentences.get(copied as usize),
        ) else {
            return false;
        };
        let text = self.doc.text.get(placed.range.clone()).unwrap_or("");
        opened_before_and_still_open(text, first.range.start, copied.range.start)
            || (quoted_at(text, first.range.start) && quoted_at(text, copied.range.start))
    }

    /// The text of the list items, hashed with where each list starts: unlike the items'
    /// positions, it stays the same when a paragraph outside the lists is added or removed.
    fn lists_hash(&self) -> u64 {
        let mut hasher = rustc_hash::FxHasher::default();
        let mut previous = None;
        let items = self.print.paragraphs.iter().zip(&self.list_of);
        for (paragraph, &list) in items.filter(|(_, list)| list.is_some()) {
            hasher.write_u64(paragraph.print.text_hash);
            hasher.write_u8(u8::from(list == previous));
            previous = list;
        }
        hasher.finish()
    }

    /// Whether paragraph `other` of this story may be the original of paragraph `number`: a
    /// pull quote (a blockquote) repeats the body on purpose, before or after it.
    fn may_repeat(&self, number: u32, other: u32) -> bool {
        let quoted = |paragraph: u32| self.in_blockquote.get(paragraph as usize).copied();
        quoted(number) == quoted(other)
    }

    /// The postings of every distinct meaningful shingle of a paragraph, looked up once for
    /// all its queries (each sentence, then the whole paragraph).
    fn look_up<'s>(&'s self, shingles: &'s [u64]) -> Lookups<'s> {
        let mut by_shingle: Vec<(u64, &'s [Posting], &'s [Posting])> = shingles
            .iter()
            .copied()
            .filter(|&shingle| is_meaningful(shingle))
            .map(|shingle| (shingle, &[][..], &[][..]))
            .collect();
        by_shingle.sort_unstable_by_key(|&(shingle, _, _)| shingle);
        by_shingle.dedup_by_key(|&mut (shingle, _, _)| shingle);
        // Each list's first posting is read here, in one go: in a large corpus nearly every
        // read is a cache miss, and independent reads wait together where reading the lists
        // one by one later would wait for each (about 5% of a workspace check).
        let mut first_documents = 0;
        for (shingle, here, corpus) in &mut by_shingle {
            *here = self.index.postings(*shingle);
            // Boilerplate shared by a large part of the corpus points at no original.
            *corpus = self.corpus.postings_unless_boilerplate(*shingle);
            first_documents ^= corpus.first().map_or(0, |posting| posting.document);
        }
        std::hint::black_box(first_documents);
        let slots = shingles
            .iter()
            .map(|&shingle| {
                by_shingle
                    .binary_search_by_key(&shingle, |&(known, _, _)| known)
                    .map_or(NO_SLOT, to_u32)
            })
            .collect();
        Lookups {
            shingles,
            slots,
            by_shingle,
        }
    }

    /// Matches paragraph `number` against earlier passages and the corpus.
    fn outcome<'s>(&'s self, number: usize, scratch: &mut Scratch<'s>) -> (Outcome, Trace) {
        let mut trace = Trace::default();
        let outcome = self.match_paragraph(number, &mut trace, scratch);
        (outcome, trace.finish())
    }

    fn match_paragraph<'s>(
        &'s self,
        number: usize,
        trace: &mut Trace,
        scratch: &mut Scratch<'s>,
    ) -> Outcome {
        let print = &self.print.paragraphs[number].print;
        if print.words.len() < self.rules.min_words {
            return Outcome::Nothing;
        }
        let shingles = &self.shingles[number];
        let lookups = self.look_up(shingles);
        let sentence_matches: Vec<(usize, Match)> = (0..print.sentences.len())
            .filter_map(|sentence| {
                self.sentence_match(number, sentence, print, &lookups, trace, scratch)
                    .map(|found| (sentence, found))
            })
            .collect();
        // A paragraph whose every sentence is a copy is one finding, not one per sentence; its
        // similarity is that of its sentences, weighted by their length.
        if !sentence_matches.is_empty() && self.all_sentences_copied(print, &sentence_matches) {
            let copied: f64 = print
                .sentences
                .iter()
                .enumerate()
                .map(|(sentence, span)| {
                    let similarity = sentence_matches
                        .iter()
                        .find(|(matched, _)| *matched == sentence)
                        .map_or(1.0, |(_, found)| found.similarity);
                    similarity * span.words.len() as f64
                })
                .sum();
            let similarity = (copied / print.words.len() as f64).min(1.0);
            let exact = sentence_matches.iter().all(|(_, found)| found.exact);
            let originals: Vec<Match> = sentence_matches.iter().map(|(_, found)| *found).collect();
            return Outcome::Paragraph {
                originals,
                similarity,
                exact,
            };
        }
        // A paragraph with sentences of its own keeps them: only the copies are flagged, so the
        // fix never deletes the reporter's own words. One sentence copied is that sentence;
        // several may be a rewrite of a whole paragraph, reported once if it reads as one.
        if sentence_matches.len() == 1 {
            return Outcome::Sentences(sentence_matches);
        }
        // No sentence is a copy on its own, but the paragraph as a whole may be: short
        // sentences, or sentences split and joined differently.
        match self.whole_paragraph_match(number, print, &lookups, trace, scratch) {
            None if !sentence_matches.is_empty() => Outcome::Sentences(sentence_matches),
            Some(found) => Outcome::Paragraph {
                originals: vec![found],
                similarity: found.similarity,
                exact: found.exact,
            },
            None => Outcome::Nothing,
        }
    }

    fn findings(&self, number: usize, outcome: &Outcome) -> Vec<Finding> {
        match outcome {
            Outcome::Nothing => Vec::new(),
            Outcome::Paragraph {
                originals,
                similarity,
                exact,
            } => vec![self.paragraph_finding(number, originals, *similarity, *exact)],
            Outcome::Sentences(matches) => matches
                .chunk_by(|(before, earlier), (after, later)| {
                    *after == before + 1
                        && (later.original.source, later.original.paragraph)
                            == (earlier.original.source, earlier.original.paragraph)
                })
                .filter_map(|run| self.sentences_finding(number, run))
                .collect(),
        }
    }

    /// Whether every sentence of a paragraph is copied: matched itself or, if too short to be
    /// matched alone ("It raises taxes."), found word for word in a paragraph that the matched
    /// sentences were copied from.
    fn all_sentences_copied(&self, print: &ParagraphPrint, matches: &[(usize, Match)]) -> bool {
        let sources: Vec<&ParagraphPrint> = matches
            .iter()
            .filter_map(|(_, found)| {
                self.paragraph_print(found.original.source, found.original.paragraph as usize)
            })
            .collect();
        print.sentences.iter().enumerate().all(|(sentence, span)| {
            let words = &print.words[span.words.clone()];
            matches.iter().any(|(matched, _)| *matched == sentence)
                || (!words.is_empty()
                    && words.len() < self.rules.min_words
                    && sources
                        .iter()
                        .any(|source| source.words.windows(words.len()).any(|run| run == words)))
        })
    }

    /// The best earlier paragraph (or corpus paragraph) that this paragraph nearly equals as a
    /// whole: similar either way round, so one is not merely a sentence inside the other.
    fn whole_paragraph_match<'s>(
        &'s self,
        number: usize,
        print: &ParagraphPrint,
        lookups: &Lookups<'s>,
        trace: &mut Trace,
        scratch: &mut Scratch<'s>,
    ) -> Option<Match> {
        let before = (to_u32(number), 0);
        let all = 0..lookups.shingles.len();
        self.candidates(
            lookups,
            (all, before),
            trace,
            scratch,
            |source, posting, keys| {
                keys.push(Candidate {
                    key: PassageKey {
                        source,
                        paragraph: posting.paragraph,
                        sentence: None,
                    },
                    words: posting.paragraph_words,
                    signature: WordSignature::ANY,
                });
            },
        );
        let Scratch {
            candidates,
            mask_slots,
            ..
        } = scratch;
        let threshold = self.rules.threshold;
        let copy = PassageKey {
            source: Source::This,
            paragraph: to_u32(number),
            sentence: None,
        };
        self.best_match(copy, &print.words, candidates, threshold, trace, mask_slots)
    }

    /// The best earlier sentence (or corpus sentence) that sentence `sentence` of paragraph
    /// `number` repeats.
    fn sentence_match<'s>(
        &'s self,
        number: usize,
        sentence: usize,
        print: &ParagraphPrint,
        lookups: &Lookups<'s>,
        trace: &mut Trace,
        scratch: &mut Scratch<'s>,
    ) -> Option<Match> {
        let words = print.sentences[sentence].words.clone();
        if words.len() < self.rules.min_words {
            return None;
        }
        let own = words.start..(words.end + 1).saturating_sub(SHINGLE_WORDS);
        let current = PassageKey {
            source: Source::This,
            paragraph: to_u32(number),
            sentence: Some(to_u32(sentence)),
        };
        let before = (to_u32(number), to_u32(words.start));
        self.candidates(
            lookups,
            (own, before),
            trace,
            scratch,
            |source, posting, keys| {
                let found = keys.len();
                self.sentences_under(source, posting, keys);
                // A shingle starting before this sentence may end inside it: never its own original.
                let mut index = found;
                while index < keys.len() {
                    if keys[index].key.source == Source::This && keys[index].key >= current {
                        keys.swap_remove(index);
                    } else {
                        index += 1;
                    }
                }
            },
        );
        let coverage = SENTENCE_MIN_COVERAGE.min(self.rules.threshold);
        let Scratch {
            candidates,
            mask_slots,
            ..
        } = scratch;
        let words = &print.words[words];
        self.best_match(current, words, candidates, coverage, trace, mask_slots)
    }

    /// The sentences a shingle posting touches: the one holding its first word and, when the
    /// shingle straddles a sentence break, the one holding its last.
    fn sentences_under(&self, source: Source, posting: &Posting, keys: &mut Vec<Candidate>) {
        let (first_sentence, last_sentence) = match (posting.first_sentence, posting.last_sentence)
        {
            (UNKNOWN_SENTENCE, _) | (_, UNKNOWN_SENTENCE) => {
                let Some(print) = self.paragraph_print(source, posting.paragraph as usize) else {
                    return;
                };
                let first = posting.word as usize;
                let unknown_length = |sentence| (sentence, UNKNOWN_LENGTH, WordSignature::ANY);
                (
                    print.sentence_of_word(first).map(unknown_length),
                    print
                        .sentence_of_word(first + SHINGLE_WORDS - 1)
                        .map(unknown_length),
                )
            }
            (first, last) => (
                Some((
                    usize::from(first),
                    posting.first_sentence_words,
                    posting.sentence_signature,
                )),
                Some((
                    usize::from(last),
                    posting.last_sentence_words,
                    posting.sentence_signature,
                )),
            ),
        };
        let number =
            |sentence: Option<(usize, u8, WordSignature)>| sentence.map(|(number, ..)| number);
        let straddles = number(last_sentence) != number(first_sentence);
        for (sentence, words, signature) in
            [Some(first_sentence), straddles.then_some(last_sentence)]
                .into_iter()
                .flatten()
                .flatten()
        {
            keys.push(Candidate {
                key: PassageKey {
                    source,
                    paragraph: posting.paragraph,
                    sentence: Some(to_u32(sentence)),
                },
                words: known_words(words),
                signature,
            });
        }
    }

    /// Puts the passages sharing shingles with the query (the shingles of `shingles`) in
    /// `scratch.candidates`, most shared first. In this document only
    /// postings before `before` (paragraph, word) count: the original of a copy comes first.
    /// The rarest shingles are read first, within a budget: a copied passage shares its
    /// distinctive shingles with the original, while common ones (a name, a stock construction)
    /// only add noise and time.
    fn candidates<'s>(
        &'s self,
        lookups: &Lookups<'s>,
        (shingles, before): (Range<usize>, (u32, u32)),
        trace: &mut Trace,
        scratch: &mut Scratch<'s>,
        mut keys_of: impl FnMut(Source, &Posting, &mut Vec<Candidate>),
    ) {
        let Scratch {
            asked, lists, keys, ..
        } = scratch;
        // The query's distinct meaningful shingles, in the look-ups' order (by hash).
        asked.clear();
        asked.resize(lookups.by_shingle.len(), false);
        for &slot in lookups.slots.get(shingles).unwrap_or(&[]) {
            if let Some(asked) = asked.get_mut(slot as usize) {
                *asked = true;
            }
        }
        lists.clear();
        let looked_up = lookups.by_shingle.iter().zip(asked.iter());
        for (&(_, here, corpus), _) in looked_up.filter(|(_, &asked)| asked) {
            // Postings are in document order, so the earlier ones are a prefix.
            let earlier =
                here.partition_point(|posting| (posting.paragraph, posting.word) < before);
            lists.push((true, &here[..earlier]));
            lists.push((false, corpus));
        }
        lists.retain(|(_, postings)| !postings.is_empty());
        lists.sort_unstable_by_key(|&(local, postings)| (postings.len(), !local));
        keys.clear();
        let mut budget = MAX_POSTINGS_PER_PASSAGE;
        for &(local, postings) in lists.iter() {
            // The checked document left in the corpus is skipped, then (for the CLI) the
            // documents after it, within a bounded scan. Skipping itself first keeps what is
            // read independent of where its own postings sit.
            let postings = postings
                .iter()
                .filter(|posting| local || Some(posting.document) != self.itself)
                .take(MAX_POSTINGS_PER_SHINGLE * 4)
                .filter(|posting| local || self.corpus.is_compared(self.itself, posting.document));
            for posting in postings.take(MAX_POSTINGS_PER_SHINGLE.min(budget)) {
                budget -= 1;
                let source = if local {
                    Source::This
                } else {
                    Source::Corpus(posting.document)
                };
                keys_of(source, posting, keys);
            }
            if budget == 0 {
                break;
            }
        }
        if self.tracing {
            trace.keyed.extend(
                keys.iter()
                    .filter(|candidate| candidate.key.source == Source::This)
                    .map(|candidate| candidate.key.paragraph),
            );
        }
        keys.retain(|candidate| {
            candidate.key.source != Source::This
                || self.may_repeat(before.0, candidate.key.paragraph)
        });
        most_shared_first(scratch);
    }

    /// Confirms candidates by word alignment and keeps the best one over the threshold.
    fn best_match(
        &self,
        copy: PassageKey,
        words: &[u64],
        candidates: &[Candidate],
        min_coverage: f64,
        trace: &mut Trace,
        mask_slots: &mut Vec<(u64, u64)>,
    ) -> Option<Match> {
        if candidates.is_empty() {
            return None;
        }
        let query = Query::new(words, std::mem::take(mask_slots));
        let best = self.best_of(copy, &query, candidates, min_coverage, trace);
        *mask_slots = query.into_slots();
        best
    }

    fn best_of(
        &self,
        copy: PassageKey,
        query: &Query<'_>,
        candidates: &[Candidate],
        min_coverage: f64,
        trace: &mut Trace,
    ) -> Option<Match> {
        let words = query.words;
        let mut best: Option<Match> = None;
        for &candidate in candidates.iter().take(MAX_CONFIRMATIONS) {
            let original = candidate.key;
            if self.tracing && original.source == Source::This {
                trace.compared.push(original.paragraph);
            }
            // A length known from the posting rules a candidate out without reading its words
            // (in a large corpus most candidates, and each read is a cache miss): the same
            // tests as below and in `similarity`, on lengths alone.
            if candidate.words != UNKNOWN_WORDS {
                let length = usize::from(candidate.words);
                if length < self.rules.min_words
                    || !lengths_can_match(words.len(), length, min_coverage, self.rules.threshold)
                {
                    continue;
                }
                // Nor can it align more words than the query has in its signature's buckets:
                // this rules out nearly every candidate that shares only a phrase.
                let possible = candidate.signature.possible_words(words).min(length);
                let identical_possible = possible == words.len() && possible == length;
                if !identical_possible
                    && !alignment_reaches(
                        possible,
                        words.len(),
                        length,
                        min_coverage,
                        self.rules.threshold,
                    )
                {
                    continue;
                }
            }
            let Some(original_words) = self.passage_words(original) else {
                continue;
            };
            if original_words.len() < self.rules.min_words {
                continue;
            }
            let Some(likeness) =
                similarity(query, original_words, min_coverage, self.rules.threshold)
            else {
                continue;
            };
            let Likeness {
                similarity,
                exact,
                paraphrase,
            } = likeness;
            if !exact
                && (self.states_other_figures(copy, original, paraphrase)
                    || self.items_of_one_list(copy, original)
                    || self.parallel_in_one_quote(copy, original)
                    || self.names_and_figures_only(copy)
                    || self.names_and_figures_only(original))
            {
                continue;
            }
            let found = Match {
                original,
                similarity,
                exact,
            };
            if best.as_ref().is_none_or(|best| found.beats(best)) {
                best = Some(found);
            }
            // Candidates come earliest first among equals; nothing beats an exact copy.
            if exact {
                break;
            }
        }
        best
    }

    fn paragraph_print(&self, source: Source, paragraph: usize) -> Option<&ParagraphPrint> {
        let placed = match source {
            Source::This => self.print.paragraphs.get(paragraph)?,
            Source::Corpus(id) => self.corpus.paragraph(id, to_u32(paragraph))?.1,
        };
        Some(&placed.print)
    }

    fn passage_words(&self, key: PassageKey) -> Option<&[u64]> {
        let print = self.paragraph_print(key.source, key.paragraph as usize)?;
        match key.sentence {
            None => Some(&print.words),
            Some(sentence) => print
                .words
                .get(print.sentences.get(sentence as usize)?.words.clone()),
        }
    }

    /// The text holding a passage, the name of its document when it is another, and the
    /// passage's byte range in that text.
    fn place(&self, key: PassageKey) -> Option<(&str, Option<&str>, Range<usize>)> {
        let (text, name, placed) = match key.source {
            Source::This => (
                self.doc.text,
                None,
                self.print.paragraphs.get(key.paragraph as usize)?,
            ),
            Source::Corpus(id) => {
                let (document, placed) = self.corpus.paragraph(id, key.paragraph)?;
                (&*document.text, Some(document.name.as_str()), placed)
            }
        };
        let range = match key.sentence {
            None => placed.range.clone(),
            Some(sentence) => {
                let relative = placed.print.sentences.get(sentence as usize)?.range.clone();
                placed.range.start + relative.start..placed.range.start + relative.end
            }
        };
        Some((text, name, range))
    }

    /// Where an original is, for the message and the related location.
    fn locate(&self, key: PassageKey) -> Option<Original> {
        let (text, name, range) = self.place(key)?;
        Some(Original {
            paragraph: (key.source, key.paragraph),
            line: match key.source {
                Source::This => self.doc.line_of(range.start) + 1,
                Source::Corpus(_) => line_number(text, range.start),
            },
            document: name.map_or(DocumentRef::This, |name| {
                DocumentRef::Other(name.to_string())
            }),
            range,
        })
    }

    /// Whether two passages are one formula filled with other facts: each gives at least
    /// [`MIN_FIGURES`] figures and fewer than half of the copy's are the original's. An
    /// earnings story raises its forecast "to between $1.58 billion and $1.61 billion, up from a
    /// previous range of …" in the words of last quarter's story, and that is house style, not
    /// a paste; a rewrite of wire copy keeps the wire's figures. A `paraphrase` (alike only in
    /// its content words) states other facts with any figure of its own.
    fn states_other_figures(
        &self,
        copy: PassageKey,
        original: PassageKey,
        paraphrase: bool,
    ) -> bool {
        let figures_of = |key| {
            self.place(key)
                .map(|(text, _, range)| figures(text, range))
                .unwrap_or_default()
        };
        let copy_figures = figures_of(copy);
        if paraphrase {
            // A paraphrase keeps every figure: one changed is another fact in the same words.
            let original_figures = figures_of(original);
            return (copy_figures.iter())
                .any(|figure| original_figures.binary_search(figure).is_err());
        }
        if copy_figures.len() < MIN_FIGURES {
            return false;
        }
        let original_figures = figures_of(original);
        if original_figures.len() < MIN_FIGURES {
            return false;
        }
        let shared = copy_figures
            .iter()
            .filter(|figure| original_figures.binary_search(figure).is_ok())
            .count();
        shared * 2 < copy_figures.len()
    }

    /// Whether a passage is a results line or a list of names and figures rather than prose
    /// (`Saturday: Pohlmann/Rieck (GER) bt Dawson/O'Rourke (AUS) 7-5, 6-3`): fewer than
    /// [`MIN_PROSE_WORDS`] lowercase words. Agate restates the story's results by design, so it
    /// is no rewrite of the sentence that reports them (an exact copy is still one).
    fn names_and_figures_only(&self, key: PassageKey) -> bool {
        self.place(key).is_some_and(|(text, _, range)| {
            let passage = text.get(range).unwrap_or("");
            let prose_words = passage
                .split(|c: char| !c.is_alphabetic())
                .filter(|word| word.chars().nth(2).is_some())
                .filter(|word| word.starts_with(char::is_lowercase))
                .take(MIN_PROSE_WORDS)
                .count();
            prose_words < MIN_PROSE_WORDS
        })
    }

    fn paragraph_finding(
        &self,
        number: usize,
        originals: &[Match],
        similarity: f64,
        exact: bool,
    ) -> Finding {
        let range = self.print.paragraphs[number].range.clone();
        let removal = self.doc.block_removal(self.blocks[number]);
        self.finding(range, removal, originals, similarity, exact)
    }

    /// One finding for a run of neighbouring sentences copied from one paragraph (a passage
    /// pasted into a longer answer is one slip), its similarity weighted by their length.
    fn sentences_finding(&self, number: usize, run: &[(usize, Match)]) -> Option<Finding> {
        let placed = &self.print.paragraphs[number];
        let sentences = &placed.print.sentences;
        let (&(first, _), &(last, _)) = (run.first()?, run.last()?);
        let start = placed.range.start + sentences[first].range.start;
        let end = placed.range.start + sentences[last].range.end;
        let removal = sentence_removal(self.doc.text, placed.range.clone(), start..end);
        let words = |sentence: usize| sentences[sentence].words.len().max(1) as f64;
        let copied: f64 = run
            .iter()
            .map(|&(s, found)| found.similarity * words(s))
            .sum();
        let similarity = copied / run.iter().map(|&(s, _)| words(s)).sum::<f64>();
        let exact = run.iter().all(|(_, found)| found.exact);
        let originals: Vec<Match> = run.iter().map(|&(_, found)| found).collect();
        Some(self.finding(start..end, removal, &originals, similarity, exact))
    }

    fn finding(
        &self,
        range: Range<usize>,
        removal: Range<usize>,
        originals: &[Match],
        similarity: f64,
        exact: bool,
    ) -> Finding {
        let mut located: Vec<Original> = originals
            .iter()
            .filter_map(|found| self.locate(found.original))
            .collect();
        // Sentences copied from one paragraph point at that paragraph once, spanning them all.
        located.dedup_by(|later, earlier| {
            let same_paragraph = later.paragraph == earlier.paragraph;
            if same_paragraph {
                earlier.range.start = earlier.range.start.min(later.range.start);
                earlier.range.end = earlier.range.end.max(later.range.end);
                earlier.line = earlier.line.min(later.line);
            }
            same_paragraph
        });
        let message = match located.first() {
            Some(first) => message(first, similarity, exact),
            None => "Repeats another passage".to_string(),
        };
        Finding {
            code: CODE,
            severity: CHECK.severity,
            range,
            message,
            related: located
                .into_iter()
                .map(|original| Related {
                    document: original.document,
                    range: original.range,
                    message: "Original passage".to_string(),
                })
                .collect(),
            fixes: vec![Fix {
                title: FIX_TITLE.to_string(),
                edits: vec![TextEdit::delete(removal)],
            }],
        }
    }
}

/// A paragraph's shingles (every one, by first word) and, for each distinct meaningful one, its
/// postings in this document and in the corpus (none when boilerplate).
struct Lookups<'s> {
    shingles: &'s [u64],
    /// For each shingle, where its postings are in `by_shingle` ([`NO_SLOT`] if meaningless).
    slots: Vec<u32>,
    by_shingle: Vec<(u64, &'s [Posting], &'s [Posting])>,
}

/// [`Lookups::slots`] for a shingle that is not looked up.
const NO_SLOT: u32 = u32::MAX;

/// An original, placed: its document, byte range there and 1-based line.
struct Original {
    /// The paragraph it lies in, to merge originals from one paragraph.
    paragraph: (Source, u32),
    document: DocumentRef,
    range: Range<usize>,
    line: usize,
}

/// `Repeats a passage from line 3 (86% similar)`,
/// `Exact copy of a passage from istanbul-talks-a.txt, line 1`.
fn message(original: &Original, similarity: f64, exact: bool) -> String {
    let place = match &original.document {
        DocumentRef::This => format!("line {}", original.line),
        DocumentRef::Other(name) => format!("{}, line {}", short_name(name), original.line),
    };
    if exact {
        format!("Exact copy of a passage from {place}")
    } else {
        format!(
            "Repeats a passage from {place} ({}% similar)",
            percent(similarity)
        )
    }
}

/// A similarity as a whole percentage; a copy that is not exact never reads as 100%.
/// The distinct words of `range` that hold a digit (`1.58`, `1,204`, `2027`, `3rd`), sorted.
fn figures(text: &str, range: Range<usize>) -> Vec<&str> {
    let mut figures = Vec::new();
    text::for_each_word(text, range, |_, word| {
        if word.bytes().any(|byte| byte.is_ascii_digit()) {
            figures.push(word);
        }
    });
    figures.sort_unstable();
    figures.dedup();
    figures
}

/// Whether a double quotation mark opens at or just before `first` (its sentence may begin
/// with the mark) and is not closed before `later`. Single marks are left out: they are
/// apostrophes as often.
fn opened_before_and_still_open(text: &str, first: usize, later: usize) -> bool {
    let mut open_at = None;
    for (at, c) in text.get(..later).unwrap_or("").char_indices() {
        match (c, open_at) {
            ('“', _) | ('"', None) => open_at = Some(at),
            ('”', _) | ('"', Some(_)) => open_at = None,
            _ => {}
        }
    }
    open_at.is_some_and(|at| at <= first + 1)
}

/// Whether a double quotation mark is open at `at`, or opens just there: `"I said I would
/// leave when the windows went…," Lebid said. "Then I said I would leave when the school
/// went.` quotes one speaker twice in one paragraph, the attribution between.
fn quoted_at(text: &str, at: usize) -> bool {
    let first_char = text.get(at..).and_then(|rest| rest.chars().next());
    opened_before_and_still_open(text, at, at + first_char.map_or(0, char::len_utf8))
}

fn percent(similarity: f64) -> u32 {
    ((similarity * 100.0).round() as u32).min(99)
}

/// Groups the query's candidate keys into `scratch.candidates`: the first
/// [`MAX_CONFIRMATIONS`], most frequent (most shingles shared) first, then earliest.
fn most_shared_first(scratch: &mut Scratch<'_>) {
    let Scratch {
        keys,
        packed,
        counted,
        candidates,
        ..
    } = scratch;
    // Each key's order with its place in `keys` below it: sorting plain numbers groups equal
    // keys. Which of a group's candidates is kept does not matter: they name one passage, and
    // what each knows of it (length, signature) is true of it.
    const PLACE_BITS: u32 = 16;
    // Never shortens: the posting budget keeps a query's keys to a few hundred at most.
    keys.truncate(1 << PLACE_BITS);
    packed.clear();
    packed.extend(
        keys.iter()
            .enumerate()
            .map(|(place, candidate)| candidate.key.packed() << PLACE_BITS | place as u128),
    );
    packed.sort_unstable();
    counted.clear();
    for &placed in packed.iter() {
        let order = placed >> PLACE_BITS;
        match counted.last_mut() {
            Some((count, last, _)) if *last == order => *count += 1,
            _ => counted.push((1, order, keys[(placed & ((1 << PLACE_BITS) - 1)) as usize])),
        }
    }
    // Only the first few are ever confirmed. Orders are distinct, so this is the order a full
    // sort would give them.
    let most_shared = |&(count, order, _): &(usize, u128, Candidate)| (Reverse(count), order);
    if counted.len() > MAX_CONFIRMATIONS {
        counted.select_nth_unstable_by_key(MAX_CONFIRMATIONS, most_shared);
        counted.truncate(MAX_CONFIRMATIONS);
    }
    counted.sort_unstable_by_key(most_shared);
    candidates.clear();
    candidates.extend(counted.iter().map(|&(_, _, key)| key));
}

/// Buffers kept from one query to the next: a check queries every sentence and paragraph, and
/// allocating each query's lists afresh was about a tenth of the check's work.
#[derive(Default)]
struct Scratch<'s> {
    /// Which of a paragraph's look-ups the query asks for.
    asked: Vec<bool>,
    lists: Vec<(bool, &'s [Posting])>,
    keys: Vec<Candidate>,
    packed: Vec<u128>,
    counted: Vec<(usize, u128, Candidate)>,
    /// The last query's candidates to confirm, most shared first.
    candidates: Vec<Candidate>,
    mask_slots: Vec<(u64, u64)>,
}

/// A passage being checked, prepared once for comparison with each of its candidates.
struct Query<'w> {
    words: &'w [u64],
    /// For passages of up to 64 words, which positions hold each word, for the bit-parallel
    /// alignment.
    masks: Option<WordMasks>,
}

impl<'w> Query<'w> {
    /// A query for `words`, its masks (if any) kept in `slots`, a buffer reused from the last.
    fn new(words: &'w [u64], slots: Vec<(u64, u64)>) -> Query<'w> {
        Query {
            words,
            masks: WordMasks::of(words, slots),
        }
    }

    /// The masks' buffer, for the next query.
    fn into_slots(self) -> Vec<(u64, u64)> {
        self.masks.map(|masks| masks.slots).unwrap_or_default()
    }

    /// The size of the multiset intersection with `other`.
    fn shared_words(&self, other: &[u64]) -> usize {
        match &self.masks {
            Some(masks) => masks.shared_with(other),
            None => common_word_count(self.words, other),
        }
    }

    /// Length of the longest common subsequence with `other`.
    fn aligned_words(&self, other: &[u64]) -> usize {
        match &self.masks {
            Some(masks) => bit_parallel_lcs(masks, other),
            None if self.words.len() <= other.len() => table_lcs(self.words, other),
            None => table_lcs(other, self.words),
        }
    }
}

/// The positions of each distinct word of a passage of at most 64 words, as bit masks, in a
/// small open-addressing table (word hashes are well mixed, so their low bits index it). A slot
/// with no positions is empty: every stored word has at least one.
struct WordMasks {
    slots: Vec<(u64, u64)>,
    len: usize,
}

impl WordMasks {
    fn of(words: &[u64], mut slots: Vec<(u64, u64)>) -> Option<WordMasks> {
        if words.len() > 64 {
            return None;
        }
        // At most half full, so probes stay short.
        let size = (words.len() * 2).next_power_of_two().max(8);
        slots.clear();
        slots.resize(size, (0, 0));
        let mut masks = WordMasks {
            slots,
            len: words.len(),
        };
        for (position, &word) in words.iter().enumerate() {
            let slot = masks.find(word);
            masks.slots[slot] = (word, masks.slots[slot].1 | 1u64 << position);
        }
        Some(masks)
    }

    /// The slot holding `word`, or the empty slot where it would go.
    fn find(&self, word: u64) -> usize {
        let last = self.slots.len() - 1;
        let mut slot = word as usize & last;
        while self.slots[slot].1 != 0 && self.slots[slot].0 != word {
            slot = (slot + 1) & last;
        }
        slot
    }

    fn mask(&self, word: u64) -> u64 {
        self.slots[self.find(word)].1
    }

    /// The size of the multiset intersection with `other`: each word of `other` counts while
    /// this passage has an occurrence of it left.
    fn shared_with(&self, other: &[u64]) -> usize {
        // A passage has at most 64 words, so the table at most 128 slots.
        let mut taken = [0u8; 128];
        let mut shared = 0;
        for &word in other {
            let slot = self.find(word);
            let Some(taken) = taken.get_mut(slot) else {
                continue;
            };
            if u32::from(*taken) < self.slots[slot].1.count_ones() {
                *taken += 1;
                shared += 1;
            }
        }
        shared
    }
}

/// How alike two passages are: the longest common subsequence of their folded words over the
/// shorter passage's length, so a copy that drops or adds a clause still scores high while
/// words shared in a different order do not. `None` unless it reaches `threshold` and the
/// alignment also covers `min_coverage` of the longer passage. Returns (similarity, exact).
fn similarity(
    query: &Query<'_>,
    original: &[u64],
    min_coverage: f64,
    threshold: f64,
) -> Option<Likeness> {
    let copy = query.words;
    if copy.is_empty() || original.is_empty() {
        return None;
    }
    if copy == original {
        return Some(Likeness::exact());
    }
    if !lengths_can_match(copy.len(), original.len(), min_coverage, threshold) {
        return None;
    }
    let reaches = |aligned: usize| {
        alignment_reaches(aligned, copy.len(), original.len(), min_coverage, threshold)
    };
    let cells = copy.len().saturating_mul(original.len());
    // For long passages, first a cheap bound: the alignment can be no longer than the words the
    // two have in common. (For sentences the alignment itself is as cheap.)
    // With masks the alignment is one linear pass, as cheap as the bound.
    if cells > SMALL_ALIGNMENT_CELLS
        && query.masks.is_none()
        && !reaches(common_word_count(copy, original))
    {
        return None;
    }
    let aligned = if cells <= EXACT_ALIGNMENT_CELLS || query.masks.is_some() {
        query.aligned_words(original)
    } else {
        anchored_alignment(copy, original)
    };
    let shorter = copy.len().min(original.len()) as f64;
    if reaches(aligned) {
        return Some(Likeness::close(aligned as f64 / shorter));
    }
    // A rewrite that moves a clause (`Between 10 p.m. and dawn, crews pulled 47 people` for
    // `Crews pulled 47 people between 10 p.m. and dawn`) keeps its runs of words but not their
    // order, which an alignment needs. Only words the two share can be tiled, so that count
    // rules out most candidates first. Both must be mostly the same words in other order:
    // a short sentence whose runs are scattered through a long one is no copy of it.
    let tiling_reaches = |tiled: usize| {
        let coverage = min_coverage.max(TILED_MIN_COVERAGE);
        alignment_reaches(tiled, copy.len(), original.len(), coverage, threshold)
    };
    // Moving clauses keeps the longest of them in order, so a rewrite aligns at least half
    // its words; most candidates, merely on the same topic, are ruled out here for free.
    let half_aligned = aligned * 2 >= copy.len().min(original.len());
    if cells > MAX_TILING_CELLS || !half_aligned {
        return None;
    }
    if tiling_reaches(query.shared_words(original)) {
        let tiled = tiled_words(copy, original);
        if tiling_reaches(tiled) {
            return Some(Likeness::close(tiled as f64 / shorter));
        }
    }
    paraphrase_similarity(copy, original, min_coverage, threshold)
}

/// A paraphrase that keeps the words that carry the facts, in order, and changes the small
/// ones around them (`Fourteen other workers who were underground at the time escaped
/// through a secondary shaft` for `Fourteen other miners who were in the mine at the time got
/// out through a secondary shaft`): the alignment of the two passages' content words (not
/// function words), over the shorter, reaches [`PARAPHRASE_MARGIN`] below the threshold.
/// Passages with fewer than [`PARAPHRASE_MIN_CONTENT_WORDS`] content words are left alone:
/// a short sentence keeps its few facts in any wording.
fn paraphrase_similarity(
    copy: &[u64],
    original: &[u64],
    min_coverage: f64,
    threshold: f64,
) -> Option<Likeness> {
    let content = |words: &[u64]| -> Vec<u64> {
        let mut content = Vec::with_capacity(words.len());
        content.extend(
            words
                .iter()
                .copied()
                .filter(|&word| !is_function_word(word)),
        );
        content
    };
    let (copy, original) = (content(copy), content(original));
    let (short, long) = if copy.len() <= original.len() {
        (&copy, &original)
    } else {
        (&original, &copy)
    };
    if short.len() < PARAPHRASE_MIN_CONTENT_WORDS {
        return None;
    }
    let threshold = threshold - PARAPHRASE_MARGIN;
    let aligned = table_lcs(short, long);
    alignment_reaches(
        aligned,
        short.len(),
        long.len(),
        min_coverage.min(threshold),
        threshold,
    )
    .then(|| Likeness {
        similarity: aligned as f64 / short.len() as f64,
        exact: false,
        paraphrase: true,
    })
}

/// How alike a passage is to a candidate original.
#[derive(Debug, Clone, Copy)]
struct Likeness {
    similarity: f64,
    exact: bool,
    /// Alike only in its content words ([`paraphrase_similarity`]).
    paraphrase: bool,
}

impl Likeness {
    fn exact() -> Likeness {
        Likeness {
            similarity: 1.0,
            exact: true,
            paraphrase: false,
        }
    }

    fn close(similarity: f64) -> Likeness {
        Likeness {
            similarity,
            exact: false,
            paraphrase: false,
        }
    }
}

/// Words of `a` covered by runs of at least [`TILE_WORDS`] words that `b` also has, each word
/// of either used once, the longest run first (greedy string tiling, as plagiarism detectors
/// compare texts whose parts were moved).
fn tiled_words(a: &[u64], b: &[u64]) -> usize {
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    // Run lengths ending at each word of `b`, for the previous and the current word of `a`.
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    let mut tiled = 0;
    loop {
        let (mut longest, mut end) = (0, (0, 0));
        previous.fill(0);
        for (i, word) in a.iter().enumerate() {
            for (j, other) in b.iter().enumerate() {
                current[j + 1] = if word == other && !used_a[i] && !used_b[j] {
                    previous[j] + 1
                } else {
                    0
                };
                if current[j + 1] > longest {
                    longest = current[j + 1];
                    end = (i + 1, j + 1);
                }
            }
            std::mem::swap(&mut previous, &mut current);
        }
        if longest < TILE_WORDS {
            return tiled;
        }
        used_a[end.0 - longest..end.0].fill(true);
        used_b[end.1 - longest..end.1].fill(true);
        tiled += longest;
    }
}

/// Whether `aligned` words of alignment between passages of these lengths reach the threshold
/// (over the shorter) and the coverage (over the longer). Larger alignments reach whatever
/// smaller ones do, so an upper bound that does not reach rules a candidate out.
fn alignment_reaches(
    aligned: usize,
    copy: usize,
    original: usize,
    min_coverage: f64,
    threshold: f64,
) -> bool {
    let shorter = copy.min(original) as f64;
    let longer = copy.max(original) as f64;
    let aligned = aligned as f64;
    aligned / shorter >= threshold && aligned / longer >= min_coverage
}

/// Whether passages of these lengths could reach the threshold if every word of the shorter
/// aligned: the longer must not be too much longer.
fn lengths_can_match(copy: usize, original: usize, min_coverage: f64, threshold: f64) -> bool {
    let shorter = copy.min(original) as f64;
    let longer = copy.max(original) as f64;
    // Every word of the shorter aligned is a similarity of 1, which meets any threshold.
    shorter > 0.0 && 1.0 >= threshold && shorter / longer >= min_coverage
}

/// The size of the multiset intersection of two word lists.
fn common_word_count(a: &[u64], b: &[u64]) -> usize {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort_unstable();
    b.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// For each paragraph of `doc`, the list it is an item of: lists are numbered in order, and
/// any other block (a paragraph, a heading, a table) ends one.
fn lists_of_paragraphs(doc: &Document<'_>) -> Vec<Option<u32>> {
    let mut lists = Vec::new();
    let mut current: Option<u32> = None;
    let mut next = 0;
    for block in &doc.blocks {
        let item = block.is_paragraph() && doc.is_list_item(block);
        if !item {
            current = None;
        } else if current.is_none() {
            current = Some(next);
            next += 1;
        }
        if block.is_paragraph() {
            lists.push(current);
        }
    }
    lists
}

/// The LCS with one machine word as the table row (Crochemore et al., 2001): bit `j` of `row`
/// is clear where the LCS grows at word `j` of the masked passage. Linear in `other`, several
/// times faster than the table.
fn bit_parallel_lcs(masks: &WordMasks, other: &[u64]) -> usize {
    let mut row = u64::MAX;
    for &word in other {
        let matches = masks.mask(word);
        let kept = row & matches;
        row = row.wrapping_add(kept) | (row & !matches);
    }
    let used = if masks.len == 64 {
        u64::MAX
    } else {
        (1u64 << masks.len) - 1
    };
    (!row & used).count_ones() as usize
}

/// The LCS by the textbook table, one row of memory, for passages longer than 64 words;
/// `short` is the shorter of the two.
fn table_lcs(short: &[u64], long: &[u64]) -> usize {
    let mut row = vec![0u32; short.len() + 1];
    for &word in long {
        let mut diagonal = 0;
        for j in 1..=short.len() {
            let above = row[j];
            row[j] = if short[j - 1] == word {
                diagonal + 1
            } else {
                row[j].max(row[j - 1])
            };
            diagonal = above;
        }
    }
    row[short.len()] as usize
}

/// A lower bound on the longest common subsequence of two long passages, in near-linear time:
/// the longest chain of shared shingles in order (longest increasing subsequence), counting
/// the words each shingle adds before the next. A copy with a word changed loses only that
/// word, as the exact alignment would.
fn anchored_alignment(a: &[u64], b: &[u64]) -> usize {
    const POSITIONS_PER_SHINGLE: usize = 8;
    let a_shingles = shingle_hashes(a);
    let b_shingles = shingle_hashes(b);
    // Shingles of function words alone all share one hash, so they prove nothing: left out.
    let mut positions: QuickMap<u64, Vec<usize>> = QuickMap::default();
    for (j, &hash) in b_shingles.iter().enumerate() {
        if !is_meaningful(hash) {
            continue;
        }
        let list = positions.entry(hash).or_default();
        if list.len() < POSITIONS_PER_SHINGLE {
            list.push(j);
        }
    }
    // Pairs (i, j) of equal shingles, by i ascending and j descending, so a chain increasing
    // in j takes at most one pair per i.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, hash) in a_shingles.iter().enumerate() {
        if let Some(list) = positions.get(hash) {
            pairs.extend(list.iter().rev().map(|&j| (i, j)));
        }
    }
    let chain = longest_increasing_chain(&pairs);
    let mut aligned = 0;
    for pair in chain.windows(2) {
        let ((i1, j1), (i2, j2)) = (pair[0], pair[1]);
        aligned += SHINGLE_WORDS.min(i2 - i1).min(j2 - j1);
    }
    if !chain.is_empty() {
        aligned += SHINGLE_WORDS;
    }
    aligned.min(a.len()).min(b.len())
}

/// The longest chain of pairs strictly increasing in both coordinates (patience sorting on the
/// second coordinate; pairs come sorted by the first, descending in the second within it).
fn longest_increasing_chain(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new(); // index into pairs of the chain end per length
    let mut parent: Vec<Option<usize>> = vec![None; pairs.len()];
    for (index, &(_, j)) in pairs.iter().enumerate() {
        let length = tails.partition_point(|&tail| pairs[tail].1 < j);
        parent[index] = length.checked_sub(1).map(|previous| tails[previous]);
        if length == tails.len() {
            tails.push(index);
        } else {
            tails[length] = index;
        }
    }
    let mut chain = Vec::new();
    let mut cursor = tails.last().copied();
    while let Some(index) = cursor {
        chain.push(pairs[index]);
        cursor = parent[index];
    }
    chain.reverse();
    chain
}

/// The 1-based line of byte `offset`, counting line breaks as LSP does (`\n`, `\r\n`, `\r`).
fn line_number(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    // Found with memchr, as `LineIndex` finds them: a cross-file finding reads its original's
    // document up to the passage. A `\r` just before `end` still looks at the byte after it.
    let breaks = memchr::memchr2_iter(b'\n', b'\r', &bytes[..end])
        .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
        .count();
    breaks + 1
}

/// The last path segment of a corpus name (a `file://` URI or a path), percent-decoded:
/// `file:///news/istanbul%20talks.txt` → `istanbul talks.txt`.
fn short_name(name: &str) -> String {
    let trimmed = name.trim_end_matches(['/', '\\']);
    let last = trimmed.rsplit(['/', '\\']).next().unwrap_or(trimmed);
    if last.is_empty() {
        return name.to_string();
    }
    percent_decode(last)
}

fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|pair| pair.iter().all(u8::is_ascii_hexdigit))
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                i += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// A repeated sentence inside a paragraph, with the whitespace after it so the next sentence
/// takes its place; the last sentence of a paragraph takes the whitespace before it instead.
fn sentence_removal(text: &str, paragraph: Range<usize>, sentence: Range<usize>) -> Range<usize> {
    let after = text.get(sentence.end..paragraph.end).unwrap_or("");
    if after.trim().is_empty() {
        let before = text.get(paragraph.start..sentence.start).unwrap_or("");
        let space = before.len() - before.trim_end().len();
        sentence.start - space..sentence.end
    } else {
        sentence.start..sentence.end + (after.len() - after.trim_start().len())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::analysis::checks::flagged;
    use crate::analysis::document::Format;
    use crate::analysis::finding::apply_edits;
    use crate::analysis::settings::Settings;

    #[test]
    fn line_numbers_count_breaks_as_lsp_does() {
        let text = "a\nb\r\nc\rd\r\n";
        let lines: Vec<usize> = (0..=text.len() + 1)
            .map(|offset| line_number(text, offset))
            .collect();
        // `\r\n` is one break, counted at its `\n`; a lone `\r` is one; past the end clamps.
        assert_eq!(lines, [1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5]);
    }

    /// Checks `text` (named `name` if given) against corpus documents `(name, text)`.
    fn check_with(
        text: &str,
        name: Option<&str>,
        others: &[(&str, &str)],
        settings: &Settings,
    ) -> Vec<Finding> {
        let doc = Document::parse(text, Format::Markdown);
        let mut corpus = Corpus::default();
        for (other, other_text) in others {
            corpus.insert(other, Arc::from(*other_text), Format::from_path(other));
        }
        run(&Context::new(&doc, name, &corpus, settings, None))
    }

    fn check(text: &str) -> Vec<Finding> {
        check_with(text, None, &[], &Settings::default())
    }

    /// Checks each version of a story in turn with one memo, as the server does on every edit,
    /// and returns the messages of each check; every check must equal a check from scratch.
    fn messages_through_versions(versions: &[&str]) -> Vec<Vec<String>> {
        let memo = crate::analysis::Memo::default();
        let settings = Settings::default();
        versions
            .iter()
            .map(|text| {
                let doc = Document::parse(text, Format::Markdown);
                let mut corpus = Corpus::default();
                corpus.insert("draft.md", Arc::from(*text), Format::Markdown);
                let context = |memo| Context::new(&doc, Some("draft.md"), &corpus, &settings, memo);
                let again = run(&context(Some(&memo)));
                assert_eq!(again, run(&context(None)), "{text}");
                again.into_iter().map(|finding| finding.message).collect()
            })
            .collect()
    }

    #[test]
    fn an_edit_to_the_original_outside_shared_words_updates_the_copy() {
        // The copy differs from the original at "4,000 people within"; the edit makes the
        // original say "people" too, which shares no three-word run with the copy, yet the
        // copy's similarity rises.
        let original = "Crews evacuated more than four thousand residents from the low-lying districts of Riverside on Sunday night after the river burst its banks near the old mill.";
        let copy = "Crews evacuated more than 4,000 people within the low-lying districts of Riverside on Sunday night after the river burst its banks near the old mill.";
        let before = format!("{original}\n\nThe water kept rising.\n\n{copy}\n");
        let after = before.replacen("thousand residents from", "thousand people from", 1);
        let messages = messages_through_versions(&[&before, &after]);
        assert_eq!(messages[0], ["Repeats a passage from line 1 (88% similar)"]);
        assert_eq!(messages[1], ["Repeats a passage from line 1 (92% similar)"]);
    }

    #[test]
    fn a_memo_follows_typing_that_makes_and_unmakes_a_copy() {
        let story = "The council approved the budget on Monday after a long debate.\n\nResidents packed the public gallery to hear the vote.\n\nThe council approved the budget on Tuesday after a long debate.\n";
        let unmade = story.replacen(
            "approved the budget on Tuesday",
            "rejected a motion on Tuesday",
            1,
        );
        let messages = messages_through_versions(&[story, &unmade, story, story]);
        assert_eq!(messages[0].len(), 1);
        assert!(messages[1].is_empty());
        assert_eq!(messages[2], messages[0]);
        assert_eq!(messages[3], messages[0]);
    }

    /// An annotated article: a line ending in `<<` must have exactly one finding starting on
    /// it, and `<< Words` also says how the flagged text begins. Returns the text without the
    /// markers and the expected (line, beginning) pairs.
    fn annotated(source: &str) -> (String, Vec<(usize, String)>) {
        let mut text = String::new();
        let mut expected = Vec::new();
        for (index, line) in source.split_inclusive('\n').enumerate() {
            let body = line.trim_end_matches(['\n', '\r']);
            let ending = &line[body.len()..];
            match body.rfind("<<") {
                Some(marker) => {
                    text.push_str(body[..marker].trim_end());
                    expected.push((index + 1, body[marker + 2..].trim().to_string()));
                }
                None => text.push_str(body),
            }
            text.push_str(ending);
        }
        (text, expected)
    }

    /// Asserts that checking the annotated article (against `others`) flags exactly the marked
    /// lines, each flagged text starting as annotated.
    fn assert_flags_against(source: &str, others: &[(&str, &str)]) {
        let (text, expected) = annotated(source);
        let doc = Document::parse(&text, Format::Markdown);
        let found: Vec<(usize, String)> =
            check_with(&text, Some("checked.md"), others, &Settings::default())
                .into_iter()
                .map(|f| (doc.line_of(f.range.start) + 1, text[f.range].to_string()))
                .collect();
        let lines = |pairs: &[(usize, String)]| pairs.iter().map(|p| p.0).collect::<Vec<_>>();
        assert_eq!(lines(&found), lines(&expected), "flagged: {found:#?}");
        for ((line, flagged), (_, beginning)) in found.iter().zip(&expected) {
            assert!(
                flagged.starts_with(beginning.as_str()),
                "line {line}: {flagged:?} does not start with {beginning:?}"
            );
        }
    }

    fn assert_flags(source: &str) {
        assert_flags_against(source, &[]);
    }

    /// The text after applying the fix of finding `index`.
    fn fixed(text: &str, index: usize) -> String {
        let findings = check(text);
        apply_edits(text, &findings[index].fixes[0].edits)
    }

    // The two seed articles (shared/seeds), copied here so the repository stands alone.
    const SEED_A: &str = concat!(
        "Ukrainian President Volodymyr Zelensky has confirmed a new round of peace talks with Russia taking place in Istanbul on Wednesday, despite ongoing hostilities and previous failures to achieve a ceasefire.\n",
        "**Fresh Peace Talks Between Ukraine and Russia Scheduled Amid Ongoing Conflict**\n",
        "\n",
        "**Fresh Peace Talks Between Ukraine and Russia Scheduled Amid Ongoing Conflict**\n",
        "Negotiations set to occur in Istanbul as tensions rise and the war continues.\n",
        "Ukraine and Russia are poised for a fresh attempt at peace negotiations in Istanbul, with President Volodymyr Zelensky announcing the discussions during his daily address on Monday. These talks come as Zelensky emphasized plans for a prisoner exchange and reflected on a recent conversation with Ukrainian Security Council chief Rustem Umerov, who confirmed the meeting is scheduled for Wednesday.\n",
        "Zelensky's call for renewed discussions follows US President Donald Trump's warning to Russia about facing “severe” sanctions if hostilities do not cease within 50 days. This comes in the wake of intensified Russian offensives against Ukraine in recent weeks, prompting Washington to provide additional military aid to Kyiv.\n",
        "While the Turkish government has committed to hosting the talks, there has been no response from Moscow, which has historically seen previous negotiations in May and June fail to yield meaningful outcomes. The upcoming talks aim to address ongoing conflict and the possibility of a meeting between Zelensky and Russian President Vladimir Putin, although Moscow appears to remain skeptical about any immediate breakthroughs. Kremlin spokesperson Dmitry Peskov highlighted that the two nations are \"diametrically opposed\" and warned that extensive diplomatic efforts will be required moving forward.\n",
        "With a full-scale invasion that began in 2022 and a series of drone and missile attacks leading to increased civilian casualties, the urgency for a resolution in the region grows, even as hopes for effective discussions dim amid the harsh realities of war.",
    );

    const SEED_B: &str = concat!(
        "Ukrainian President Volodymyr Zelensky has confirmed that a new round of peace talks with Russia will take place in Istanbul on Wednesday. In his daily address on Monday, Zelensky mentioned his discussions with Rustem Umerov, the chief of the Ukrainian Security Council, regarding preparations for a prisoner exchange and an upcoming meeting with Russian representatives. He noted that the discussions are set for Wednesday.\n",
        "\n",
        "Zelensky had proposed the peace talks over the weekend, shortly after U.S. President Donald Trump warned Russia of \"severe\" consequences should there be no ceasefire agreement between Moscow and Kyiv within the next 50 days. Alongside diplomatic pressure, Washington has pledged to provide additional military support to Ukraine as Russian forces have ramped up their assaults.\n",
        "\n",
        "Moscow has yet to comment on the upcoming peace negotiations. A spokesperson from the Turkish government has confirmed that the discussions will occur in Istanbul, the same location where previous failed negotiations were held in May and June.\n",
        "\n",
        "This series of talks represents yet another opportunity to halt the ongoing conflict that has persisted for more than three years, coinciding with Trump's expressed dissatisfaction with Russian President Vladimir Putin. The U.S. leader stated to the BBC that while he feels \"disappointed,\" he is \"not done\" engaging with Putin.\n",
        "\n",
        "The focus of the Istanbul negotiations may include potential prisoner exchanges and the possibility of a meeting between Zelensky and Putin, according to a senior Ukrainian official in comments to Agence France-Presse. However, the Kremlin has attempted to temper expectations regarding possible outcomes from the talks. Kremlin spokesman Dmitry Peskov remarked on Monday that the two parties hold \"diametrically opposed\" views and emphasized that substantial diplomatic effort is still necessary.\n",
        "\n",
        "In recent weeks, Russia has increased its drone and missile attacks on Ukraine's urban areas, leading to unprecedented civilian casualties. The full-scale invasion, which commenced in 2022, has spurred ongoing fighting and widespread turmoil in the region.",
    );

    const SEED_A_NAME: &str = "file:///newsroom/seeds/istanbul-talks-a.txt";

    #[test]
    fn flags_a_pasted_lede() {
        assert_flags(
            "\
Crews evacuated more than 4,000 residents from low-lying districts of Dresden on Sunday.

The Elbe crested at nine metres overnight, the highest level in two decades.

Crews evacuated more than 4,000 residents from low-lying districts of Dresden on Sunday. <<
",
        );
        let text = "Crews evacuated more than 4,000 residents from low-lying districts on Sunday.\n\nThe Elbe crested overnight.\n\nCrews evacuated more than 4,000 residents from low-lying districts on Sunday.\n";
        assert_eq!(
            check(text)[0].message,
            "Exact copy of a passage from line 1"
        );
    }

    #[test]
    fn a_paragraph_pasted_twice_is_one_finding() {
        assert_flags(
            "\
# Council passes budget

The council approved the 2025 budget by seven votes to four on Tuesday. It raises property taxes by 3 percent. Opponents said the increase would hurt retirees on fixed incomes.

Mayor Lena Ortiz called the vote a turning point for the city's finances.

The council approved the 2025 budget by seven votes to four on Tuesday. It raises property taxes by 3 percent. Opponents said the increase would hurt retirees on fixed incomes. << The council approved
",
        );
        let paragraph = "The council approved the 2025 budget by seven votes to four on Tuesday. It raises property taxes by 3 percent. Opponents said the increase would hurt retirees on fixed incomes.";
        let text =
            format!("{paragraph}\n\nMayor Lena Ortiz called the vote historic.\n\n{paragraph}\n");
        let findings = check(&text);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].message, "Exact copy of a passage from line 1");
        assert_eq!(findings[0].related.len(), 1);
        assert_eq!(findings[0].related[0].range, 0..paragraph.len());
    }

    #[test]
    fn flags_a_near_duplicate_rewrite() {
        assert_flags(
            "\
Crews evacuated more than 4,000 residents from low-lying districts on Sunday.

The river crested at nine metres overnight, officials said.

Crews evacuated over 4,000 residents from low-lying parts on Sunday. <<
",
        );
        let text = "Crews evacuated more than 4,000 residents from low-lying districts on Sunday.\n\nThe river crested overnight.\n\nCrews evacuated over 4,000 residents from low-lying parts on Sunday.\n";
        assert_eq!(
            check(text)[0].message,
            "Repeats a passage from line 1 (82% similar)"
        );
    }

    #[test]
    fn flags_words_moved_around_and_a_clause_dropped() {
        assert_flags(
            "\
On Sunday, crews evacuated more than 4,000 residents from low-lying districts of the city as the river rose.

Officials opened three shelters in school gymnasiums.

Crews evacuated more than 4,000 residents from low-lying districts of the city on Sunday. <<
",
        );
    }

    #[test]
    fn flags_a_sentence_repeated_inside_a_later_paragraph() {
        assert_flags(
            "\
The storm knocked out power to 20,000 homes across the county on Friday night.

Utility crews worked through the weekend. The storm knocked out power to 20,000 homes across the county on Friday night. Most customers had power back by Monday. << The storm knocked
",
        );
    }

    #[test]
    fn a_lede_that_echoes_the_headline_is_no_copy() {
        // The headline is display type, marked up or not: a lede retells it by design.
        assert_flags(
            "Zelensky proposes new round of peace talks with Russia next week\n\
             \n\
             Ukrainian President Volodymyr Zelensky said on Saturday he had proposed a new round of peace talks with Russia next week.\n",
        );
    }

    #[test]
    fn a_pull_quote_repeats_the_body_but_a_pasted_one_is_flagged() {
        // A pull quote, after or before the body's line, is display type.
        assert_flags(
            "\
At the wheel, Maria Lopez squints upstream. “The river doesn’t care what time it is or who is waiting on the landing,” she said.

> “The river doesn’t care what time it is or who is waiting on the landing.”
> — Maria Lopez, ferry pilot

> “You learn that your first week on the water, or you don’t last a second one.”

“You learn that your first week on the water, or you don’t last a second one,” Lopez said.
",
        );
        // Two blockquotes alike, or body copies of each other, are copies.
        assert_flags(
            "\
> “The river doesn’t care what time it is or who is waiting on the landing.”

The ferry carries 140 vehicles a day across a quarter-mile of water to Dell Point.

> “The river doesn’t care what time it is or who is waiting on the landing.” << > “The river

The ferry carries 140 vehicles a day across a quarter-mile of water to Dell Point. << The ferry
",
        );
    }

    /// A memo made while a paragraph was a blockquote is not reused once it is no longer one.
    #[test]
    fn a_memo_follows_a_paragraph_into_and_out_of_a_blockquote() {
        let body =
            "The ferry carries 140 vehicles a day across a quarter-mile of water to Dell Point.";
        // The later paragraph's words never change: only the earlier one's blockquote does.
        let messages = messages_through_versions(&[
            &format!("> {body}\n\n{body}\n"),
            &format!("{body}\n\n{body}\n"),
            &format!("> {body}\n\n{body}\n"),
        ]);
        assert_eq!(messages[0], Vec::<String>::new());
        assert_eq!(messages[1].len(), 1, "{messages:?}");
        assert_eq!(messages[2], Vec::<String>::new());
    }

    #[test]
    fn items_of_one_list_may_follow_one_pattern_but_not_repeat_word_for_word() {
        assert_flags(
            "\
**Where to cool off**

- All St. Louis Public Library branches, during regular hours, every day this week
- City recreation centers, 10 a.m. to 8 p.m. daily through Sunday
- St. Louis County Library branches, during regular hours, every day this week
",
        );
        assert_flags(
            "\
- All St. Louis Public Library branches, during regular hours, every day this week
- City recreation centers, 10 a.m. to 8 p.m. daily through Sunday
- All St. Louis Public Library branches, during regular hours, every day this week << - All St.

Cooling centers: St. Louis County Library branches, during regular hours, every day this week. << Cooling centers
",
        );
    }

    #[test]
    fn a_speaker_repeating_a_pattern_within_one_quote_is_not_flagged() {
        assert_flags(
            "“When the post office went, people said we still had the pub. When the bus went \
             down to two a day, people said we still had the pub. If this goes, we have \
             nothing,” she said.\n",
        );
        assert_flags(
            "\"I said I would leave when the windows went. The windows went in August,\" Lebid \
             said. \"Then I said I would leave when the school went. Last week the school went.\"\n",
        );
        assert_flags(
            "“I said I would leave when the windows went,” Lebid said. “Then I said I would \
             leave when the school went.”\n",
        );
        // Outside a quotation, or word for word within one, a sentence written twice is a slip.
        assert_flags(
            "When the post office went, people said we still had the pub. When the bus went \
             down to two a day, people said we still had the pub. << When the bus\n",
        );
        assert_flags(
            "“When the post office went, people said we still had the pub. When the post \
             office went, people said we still had the pub.” << When the post\n",
        );
        assert_flags(
            "\"I said I would leave when the windows went,\" Lebid said. Then I said I would \
             leave when the school went. << Then I said\n",
        );
    }

    /// A memo made while two paragraphs were items of one list is not reused once they are not.
    #[test]
    fn a_memo_follows_paragraphs_into_and_out_of_one_list() {
        let first = "- All St. Louis Public Library branches, during regular hours, every day";
        let second = "St. Louis County Library branches, during regular hours, every day";
        // The two items never change: only whether the line between them is one.
        let between = "Cooling centers open today";
        let messages = messages_through_versions(&[
            &format!("{first}\n\n- {between}\n\n- {second}\n"),
            &format!("{first}\n\n{between}\n\n- {second}\n"),
            &format!("{first}\n\n- {between}\n\n- {second}\n"),
        ]);
        assert_eq!(messages[0], Vec::<String>::new());
        assert_eq!(messages[1].len(), 1, "{messages:?}");
        assert_eq!(messages[2], Vec::<String>::new());
        // A heading splits one list in two, every item's words the same.
        let messages = messages_through_versions(&[
            &format!("{first}\n- {second}\n"),
            &format!("{first}\n\n## Libraries\n\n- {second}\n"),
            &format!("{first}\n- {second}\n"),
        ]);
        assert_eq!(messages[0], Vec::<String>::new());
        assert_eq!(messages[1].len(), 1, "{messages:?}");
        assert_eq!(messages[2], Vec::<String>::new());
    }

    #[test]
    fn a_caption_in_the_words_of_its_image_alt_text_is_no_copy() {
        assert_flags(
            "![Marta Okonkwo at the harbour in Port Ellery on Wednesday](okonkwo.jpg)\n\
             \n\
             *Marta Okonkwo at the harbour in Port Ellery on Wednesday. Photo: Callum Reid*\n",
        );
    }

    #[test]
    fn flags_a_sentence_repeated_inside_its_own_paragraph() {
        assert_flags(
            "\
The museum reopened its east wing after a two-year renovation costing $40 million. Visitors queued from dawn. The museum reopened its east wing after a two-year renovation costing $40 million. << The museum
",
        );
        let text = "The museum reopened its east wing after a two-year renovation costing $40 million. Visitors queued from dawn. The museum reopened its east wing after a two-year renovation costing $40 million.";
        let finding = &check(text)[0];
        assert_eq!(finding.range.start, text.rfind("The museum").unwrap());
    }

    #[test]
    fn seed_openings_are_one_passage_across_documents() {
        let findings = check_with(
            SEED_B,
            Some("file:///newsroom/seeds/istanbul-talks-b.txt"),
            &[(SEED_A_NAME, SEED_A)],
            &Settings::default(),
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let finding = &findings[0];
        assert!(SEED_B[finding.range.clone()].starts_with("Ukrainian President"));
        assert!(SEED_B[finding.range.clone()].ends_with("in Istanbul on Wednesday."));
        assert_eq!(
            finding.message,
            "Repeats a passage from istanbul-talks-a.txt, line 1 (86% similar)"
        );
        let related = &finding.related[0];
        assert_eq!(
            related.document,
            DocumentRef::Other(SEED_A_NAME.to_string())
        );
        assert_eq!(related.range, 0..SEED_A.find('\n').unwrap());
        // The fix leaves the rest of the paragraph reading cleanly.
        let after = apply_edits(SEED_B, &finding.fixes[0].edits);
        assert!(after.starts_with("In his daily address on Monday, Zelensky mentioned"));
    }

    #[test]
    fn the_longer_seed_opening_is_flagged_against_the_shorter() {
        let findings = check_with(
            SEED_A,
            Some("istanbul-talks-a.txt"),
            &[("seeds/istanbul-talks-b.txt", SEED_B)],
            &Settings::default(),
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].range, 0..SEED_A.find('\n').unwrap());
        assert_eq!(
            findings[0].message,
            "Repeats a passage from istanbul-talks-b.txt, line 1 (86% similar)"
        );
        // The whole first line goes, with its line break.
        let after = apply_edits(SEED_A, &findings[0].fixes[0].edits);
        assert!(after.starts_with("**Fresh Peace Talks"));
    }

    #[test]
    fn seeds_alone_have_no_duplicate_passages() {
        assert!(check(SEED_A).is_empty());
        assert!(check(SEED_B).is_empty());
    }

    #[test]
    fn flags_a_wire_rewrite_that_moves_clauses() {
        // The time and the attribution moved, two words swapped: no alignment keeps the order.
        assert_flags_against(
            "\
Between 10 p.m. Tuesday and dawn Wednesday, rescue crews pulled 47 people out of flooded homes and vehicles, most of them on Route 14 and Old Mill Road, according to Fire Chief Roberto Salazar of the Mill Creek Fire Protection District. << Between 10
",
            &[(
                "wire.txt",
                "Rescue crews pulled 47 people from flooded vehicles and homes between 10 p.m. Tuesday and dawn Wednesday, most of them along Route 14 and Old Mill Road, said Fire Chief Roberto Salazar of the Mill Creek Fire Protection District.\n",
            )],
        );
        // A short sentence whose runs are scattered through a longer one is no copy of it.
        assert_flags(
            "\
Analysts met on Tuesday. Westbridge Chamber of Commerce shelved delays to a vacancy.

Woodgate Credit Union published delays to a vacancy in Queensbridge, according to Westbridge Chamber of Commerce.
",
        );
    }

    /// The word hashes of space-separated words, as given.
    fn words(text: &str) -> Vec<u64> {
        text.split(' ')
            .map(crate::analysis::fingerprint::word_hash)
            .collect()
    }

    #[test]
    fn shared_words_from_masks_count_each_occurrence_once() {
        for (a, b) in [
            ("a b c d", "d c b a"),
            ("a a b", "a b b c"),
            ("a b a b a", "a a a a"),
            ("x y z", "p q r"),
        ] {
            let (a, b) = (words(a), words(b));
            let masks = WordMasks::of(&a, Vec::new()).unwrap();
            assert_eq!(masks.shared_with(&b), common_word_count(&a, &b));
        }
    }

    #[test]
    fn tiling_covers_runs_of_shared_words_each_used_once() {
        let a = words("a b c d e f g h");
        // `e f g h` and `a b c` moved; `d` alone is too short a run.
        assert_eq!(tiled_words(&a, &words("e f g h x d y a b c")), 7);
        assert_eq!(tiled_words(&a, &words("a b x c d")), 0);
        // Each word of either side is tiled once.
        assert_eq!(tiled_words(&words("a b c a b c"), &words("a b c")), 3);
    }

    #[test]
    fn one_formula_with_other_figures_is_no_copy() {
        // Last quarter's story of another company, in the same house style: only the figures
        // differ. A rewrite that keeps the figures is a copy, and so is one with a figure
        // updated.
        assert_flags_against(
            "\
The company raised its full-year revenue forecast to between $1.58 billion and $1.61 billion, up from a previous range of $1.52 billion to $1.56 billion.

Net income for the quarter rose to $38.9 million, or 61 cents a share, from $24.1 million, or 38 cents a share, a year earlier.

The firm lifted its full-year sales forecast to between $1.17 billion and $1.19 billion, from a previous range of $1.10 billion to $1.13 billion. << The firm lifted

Net income in the quarter climbed to $12.4 million, or 22 cents a share, from $9.8 million, or 17 cents a share, a year before. << Net income in
",
            &[(
                "stackwise.md",
                "\
The company raised its full-year revenue forecast to between $1.17 billion and $1.19 billion, from a previous range of $1.10 billion to $1.13 billion.

Net income for the quarter rose to $12.4 million, or 22 cents a share, from $9.8 million, or 18 cents a share, a year earlier.
",
            )],
        );
    }

    #[test]
    fn flags_a_paraphrase_that_keeps_the_content_words_and_figures() {
        assert_flags(
            "\
Fourteen other workers who were underground at the time escaped through a secondary shaft, and three were taken to hospital with minor injuries, the Minas Gerais fire department said.

The gunfire began shortly after 1 a.m. and lasted more than two hours in the capital's Plateau district, home to the presidential palace, several ministries and the central bank, residents told The Associated Press.

Rescuers said they had reached the second level of the mine by Tuesday evening.

Fourteen other miners who were in the mine at the time got out through a secondary shaft, and three of them were taken to hospital with light injuries, according to the state fire department. << Fourteen other miners

The shooting started shortly after 1 a.m. and went on for over two hours in the Plateau district of the capital, which is home to the presidential palace, several ministries and the central bank, residents told the AP. << The shooting
",
        );
        // The same paraphrase with another figure states another fact.
        assert_flags(
            "\
The gunfire began shortly after 1 a.m. and lasted more than two hours in the capital's Plateau district, home to the presidential palace, several ministries and the central bank, residents told reporters.

Rescuers said they had reached the second level of the mine by Tuesday evening.

The shooting started shortly after 3 a.m. and went on for over two hours in the Plateau district of the capital, which is home to the presidential palace, several ministries and the central bank, residents told reporters.
",
        );
    }

    #[test]
    fn figures_are_the_words_that_hold_digits_once_each() {
        let text = "Up 23% to $1,204.5 million in 2027, from 1,204.5 million in the 3rd quarter.";
        assert_eq!(
            figures(text, 0..text.len()),
            ["1,204.5", "2027", "23", "3rd"]
        );
        assert_eq!(figures(text, 0..10), ["23"]);
    }

    #[test]
    fn sentences_that_share_a_topic_are_not_flagged() {
        assert_flags_against(
            "\
Kremlin spokesman Dmitry Peskov remarked on Monday that the two parties hold \"diametrically opposed\" views and emphasized that substantial diplomatic effort is still necessary.

More than 4,000 residents remained without power in low-lying districts on Monday.

The mayor said the city would reopen the bridge on Monday after the storm passed.
",
            &[(
                "other.md",
                "\
Kremlin spokesperson Dmitry Peskov highlighted that the two nations are \"diametrically opposed\" and warned that extensive diplomatic efforts will be required moving forward.

Crews evacuated more than 4,000 residents from low-lying districts on Sunday.

The governor said the state would close the highway on Friday before the storm arrived.
",
            )],
        );
    }

    #[test]
    fn stock_phrases_datelines_and_bylines_are_not_flagged() {
        assert_flags(
            "\
By Jane Doe and John Smith, Associated Press Writers

KYIV, Ukraine (AP) — Russian drones struck a power station in the Kharkiv region overnight.

The energy ministry did not immediately respond to a request for comment on Tuesday.

A spokesperson for the governor declined to comment on Tuesday.

By Jane Doe and John Smith, Associated Press Writers

KYIV, Ukraine (AP) — Ukrainian officials met European envoys to discuss air defence.

The defence ministry did not immediately respond to a request for comment on Tuesday.

A spokesperson for the governor declined to comment on Tuesday.

Associated Press writer Maria Grytsenko in Kyiv contributed to this report.

Associated Press writer Maria Grytsenko in Kyiv contributed to this report.
",
        );
    }

    #[test]
    fn a_results_line_is_no_rewrite_of_the_sentence_reporting_the_result() {
        // Desk 55b: the agate restates the doubles rubber the story reported (a CMS export,
        // whose encoded apostrophes split `O'Rourke` in two and so add a shared word).
        assert_flags(
            "\
Saturday&#8217;s doubles was won by Tim Pohlmann and Jonas Rieck, who beat Dawson and Matt O&#8217;Rourke 7-5, 6-3.

Friday: Alexander Zverev (GER) bt Nick Dawson (AUS) 6-2, 6-4

Saturday: Pohlmann/Rieck (GER) bt Dawson/O&#8217;Rourke (AUS) 7-5, 6-3

Friday: Alexander Zverev (GER) bt Nick Dawson (AUS) 6-2, 6-4 << Friday
",
        );
    }

    #[test]
    fn short_sentences_and_headings_are_not_flagged() {
        assert_flags(
            "\
# The river is rising in the old town tonight

He said no. The river rose again.

He said no. The river rose again.

The council meets again on Friday morning.

The council meets again on Friday morning.

## The river is rising in the old town tonight

**Crews evacuated more than 4,000 residents from low-lying districts on Sunday**

**Crews evacuated more than 4,000 residents from low-lying districts on Sunday**
",
        );
    }

    #[test]
    fn a_pasted_lede_in_a_cms_export_is_an_exact_copy_of_the_lede_line() {
        // One paragraph per line, but the byline line has no full stop, so the whole run is
        // parsed as one wrapped block: the byline and datelines must still not count.
        let text = "**Recount confirms Kılıç as mayor**\r\nChallenger's narrow win survives a two-day hand count.\r\nBy Jonas Weber\r\nOFFENBACH, Germany — Ayşe Kılıç will become mayor after a hand recount on Friday confirmed her win.\r\nThe recount found two more valid ballots for each candidate.\r\nOFFENBACH, Germany — Ayşe Kılıç will become mayor after a hand recount on Friday confirmed her win.\r\nHollerbach conceded within an hour.";
        let doc = Document::parse(text, Format::PlainText);
        let corpus = Corpus::default();
        let settings = Settings::default();
        let findings = run(&Context::new(&doc, None, &corpus, &settings, None));
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(doc.line_of(findings[0].range.start) + 1, 6);
        assert_eq!(findings[0].message, "Exact copy of a passage from line 4");
        assert!(text[findings[0].related[0].range.clone()].starts_with("OFFENBACH"));
        assert_eq!(
            apply_edits(text, &findings[0].fixes[0].edits),
            text.replacen("OFFENBACH, Germany — Ayşe Kılıç will become mayor after a hand recount on Friday confirmed her win.\r\nHollerbach", "Hollerbach", 1)
        );
    }

    #[test]
    fn quotes_and_case_do_not_hide_an_exact_copy() {
        let text = "Zelensky’s office said the talks were “a real chance for peace” on Monday night.\n\nThe delegation flew to Istanbul.\n\nZELENSKY'S office said the talks were \"a real chance for peace\" on Monday night.\n";
        let findings = check(text);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].message, "Exact copy of a passage from line 1");
    }

    #[test]
    fn crlf_text_is_checked_and_fixed_cleanly() {
        let text = "Crews evacuated more than 4,000 residents from low-lying districts on Sunday.\r\n\r\nThe river crested overnight.\r\n\r\nCrews evacuated more than 4,000 residents from low-lying districts on Sunday.\r\n\r\nShelters stayed open.\r\n";
        let findings = check(text);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("line 1"));
        assert_eq!(
            fixed(text, 0),
            "Crews evacuated more than 4,000 residents from low-lying districts on Sunday.\r\n\r\nThe river crested overnight.\r\n\r\nShelters stayed open.\r\n"
        );
        // A line count that treats \r\n as one break.
        let later = "Intro line.\r\n\r\nCrews evacuated more than 4,000 residents from low-lying districts on Sunday.\r\n";
        let findings = check_with(
            "Crews evacuated more than 4,000 residents from low-lying districts on Sunday.",
            None,
            &[("later.txt", later)],
            &Settings::default(),
        );
        assert_eq!(
            findings[0].message,
            "Exact copy of a passage from later.txt, line 3"
        );
    }

    #[test]
    fn non_ascii_names_are_words_like_any_other() {
        assert_flags(
            "\
Recep Tayyip Erdoğan welcomed Jürgen Müller and Olena Zelenska to İstanbul for talks on Wednesday.

Délégués from both sides arrived late. Recep Tayyip Erdoğan welcomed Jürgen Müller and Olena Zelenska to İstanbul for talks on Wednesday. 会谈将持续两天。 << Recep Tayyip
",
        );
        let text = "Recep Tayyip Erdoğan welcomed Jürgen Müller and Olena Zelenska to İstanbul on Wednesday.\n\nDélégués arrived late. Recep Tayyip Erdoğan welcomed Jürgen Müller and Olena Zelenska to İstanbul on Wednesday.\n";
        assert_eq!(
            fixed(text, 0),
            "Recep Tayyip Erdoğan welcomed Jürgen Müller and Olena Zelenska to İstanbul on Wednesday.\n\nDélégués arrived late.\n"
        );
    }

    #[test]
    fn every_later_copy_points_at_the_first() {
        let paragraph = "The council approved the budget by seven votes to four on Tuesday night.";
        let text = format!("{paragraph}\n\n{paragraph}\n\nIn between.\n\n{paragraph}\n");
        let findings = check(&text);
        assert_eq!(findings.len(), 2);
        for finding in &findings {
            assert_eq!(finding.related[0].document, DocumentRef::This);
            assert_eq!(finding.related[0].range, 0..paragraph.len());
            assert_eq!(finding.message, "Exact copy of a passage from line 1");
        }
    }

    #[test]
    fn a_paragraph_of_copied_sentences_from_two_places_is_one_finding() {
        let text = "\
The council approved the 2025 budget by seven votes to four on Tuesday.

Mayor Lena Ortiz called the vote a turning point for the city's finances.

The council approved the 2025 budget by seven votes to four on Tuesday. Mayor Lena Ortiz called the vote a turning point for the city's finances.
";
        let findings = check(text);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].related.len(), 2);
        assert_eq!(findings[0].message, "Exact copy of a passage from line 1");
        assert_eq!(
            fixed(text, 0),
            "\
The council approved the 2025 budget by seven votes to four on Tuesday.

Mayor Lena Ortiz called the vote a turning point for the city's finances.
"
        );
    }

    #[test]
    fn a_rewritten_paragraph_is_one_finding_even_with_a_sentence_reworded_further() {
        // Two sentences match on their own, the third is reworded too much to; the paragraph
        // as a whole is a rewrite of the first one, reported once.
        assert_flags(
            "\
Revenue rose 28% to $4.62 billion in the three months ended Dec. 31, from $3.61 billion a year earlier, the company said. Analysts had on average expected $4.41 billion, according to LSEG data. Adjusted earnings were $1.87 per share, compared with estimates of $1.72.

Shares of the chipmaker rose 9% in extended trading.

Revenue increased 28% to $4.62 billion in the quarter ended Dec. 31, up from $3.61 billion a year ago, the company said. Analysts had on average forecast $4.41 billion, according to LSEG data. Adjusted earnings came in at $1.87 per share, against estimates of $1.72. << Revenue increased
",
        );
        // Two copied sentences in a paragraph mostly of the reporter's own words stay two
        // findings: deleting the paragraph would delete those words.
        let text = "\
The council approved the 2025 budget by seven votes to four on Tuesday after a debate that ran past midnight. The budget raises property taxes by 3 percent and adds twelve police officers.

Residents packed the chamber for the vote. The council approved the 2025 budget by seven votes to four on Tuesday after a debate that ran past midnight. Several speakers held handmade signs, and two were escorted out by security officers after shouting at members from the gallery. Mayor Lena Ortiz later called the meeting the most heated of her tenure. The budget raises property taxes by 3 percent and adds twelve police officers.
";
        let starts: Vec<&str> = check(text)
            .iter()
            .map(|f| &text[f.range.start..f.range.start + 20])
            .collect();
        assert_eq!(starts, ["The council approved", "The budget raises pr"]);
    }

    #[test]
    fn settings_change_threshold_and_minimum_length() {
        let text = "Crews evacuated more than 4,000 residents from low-lying districts on Sunday.\n\nCrews evacuated over 4,000 residents from low-lying parts on Sunday.\n";
        let strict = Settings {
            duplicate_threshold: 0.9,
            ..Settings::default()
        };
        assert!(check_with(text, None, &[], &strict).is_empty());
        let long_only = Settings {
            min_passage_words: 20,
            ..Settings::default()
        };
        assert!(check_with(text, None, &[], &long_only).is_empty());
        let nonsense = Settings {
            duplicate_threshold: f64::NAN,
            min_passage_words: 0,
            ..Settings::default()
        };
        assert_eq!(check_with(text, None, &[], &nonsense).len(), 1);
    }

    #[test]
    fn the_checked_document_is_not_compared_with_itself_in_the_corpus() {
        let text =
            "Crews evacuated more than 4,000 residents from low-lying districts on Sunday.\n";
        let findings = check_with(text, Some("a.md"), &[("a.md", text)], &Settings::default());
        assert!(findings.is_empty());
        let findings = check_with(text, Some("b.md"), &[("a.md", text)], &Settings::default());
        assert_eq!(findings.len(), 1);
    }

    #[test]
    fn corpus_names_are_shortened_to_the_file_name() {
        assert_eq!(
            short_name("file:///home/ed/news/istanbul-talks-a.txt"),
            "istanbul-talks-a.txt"
        );
        assert_eq!(short_name("file:///home/ed/my%20story.md"), "my story.md");
        assert_eq!(short_name("C:\\news\\story.md"), "story.md");
        assert_eq!(short_name("story.md"), "story.md");
        assert_eq!(short_name("/"), "/");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("a%+1b%zz"), "a%+1b%zz");
    }

    #[test]
    fn fix_removes_a_paragraph_and_the_blank_line_after_it() {
        let text = "Intro.\n\nThe council approved the budget by seven votes to four on Tuesday.\n\nMiddle.\n\nThe council approved the budget by seven votes to four on Tuesday.\n\nEnd.\n";
        assert_eq!(
            fixed(text, 0),
            "Intro.\n\nThe council approved the budget by seven votes to four on Tuesday.\n\nMiddle.\n\nEnd.\n"
        );
    }

    #[test]
    fn fix_removes_one_line_of_wire_copy() {
        let text = "The council approved the budget by seven votes to four on Tuesday.\nMiddle paragraph here.\nThe council approved the budget by seven votes to four on Tuesday.\nEnd paragraph.";
        assert_eq!(
            fixed(text, 0),
            "The council approved the budget by seven votes to four on Tuesday.\nMiddle paragraph here.\nEnd paragraph."
        );
    }

    #[test]
    fn fix_at_the_end_without_final_newline_leaves_no_stray_line() {
        let text = "The council approved the budget by seven votes to four on Tuesday.\n\nMiddle.\n\nThe council approved the budget by seven votes to four on Tuesday.";
        assert_eq!(
            fixed(text, 0),
            "The council approved the budget by seven votes to four on Tuesday.\n\nMiddle."
        );
    }

    #[test]
    fn fix_removes_a_sentence_and_the_space_after_it() {
        let text = "The storm knocked out power to 20,000 homes across the county on Friday.\n\nCrews worked all weekend. The storm knocked out power to 20,000 homes across the county on Friday. Most homes had power by Monday.\n";
        assert_eq!(
            fixed(text, 0),
            "The storm knocked out power to 20,000 homes across the county on Friday.\n\nCrews worked all weekend. Most homes had power by Monday.\n"
        );
    }

    #[test]
    fn neighbouring_sentences_from_one_paragraph_are_one_finding_and_one_fix() {
        let text = "The storm knocked out power to 20,000 homes across the county on Friday. \
                    Crews from three states restored most of it by Monday afternoon.\n\n\
                    Officials met at the depot on Tuesday to count what the week had cost the \
                    utility and its customers. The storm knocked out power to 20,000 homes across \
                    the county on Friday. Crews from three states restored most of it by Monday \
                    afternoon. Schools reopen Wednesday, and the library will stay open late \
                    for families still without heat or hot water.\n";
        let findings = check_with(text, None, &[], &Settings::default());
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].related.len(), 1);
        assert_eq!(
            fixed(text, 0),
            "The storm knocked out power to 20,000 homes across the county on Friday. Crews \
             from three states restored most of it by Monday afternoon.\n\nOfficials met at \
             the depot on Tuesday to count what the week had cost the utility and its \
             customers. Schools reopen Wednesday, and the library will stay open late for \
             families still without heat or hot water.\n"
        );
    }

    #[test]
    fn fix_removes_a_last_sentence_and_the_space_before_it() {
        let text = "The storm knocked out power to 20,000 homes across the county on Friday.\n\nCrews worked all weekend, officials said. The storm knocked out power to 20,000 homes across\nthe county on Friday.\n";
        assert_eq!(
            fixed(text, 0),
            "The storm knocked out power to 20,000 homes across the county on Friday.\n\nCrews worked all weekend, officials said.\n"
        );
    }

    #[test]
    fn shared_test_helper_sees_the_same_findings() {
        let text = "The council approved the budget by seven votes to four on Tuesday.\n\nThe council approved the budget by seven votes to four on Tuesday.\n";
        assert_eq!(flagged(&CHECK, text).len(), 1);
        assert_eq!(flagged(&CHECK, text)[0].0, 3);
    }

    #[test]
    fn hundreds_of_copies_each_point_at_the_first() {
        let paragraph = "The council approved the budget by seven votes to four on Tuesday.";
        let text = vec![paragraph; 300].join("\n\n");
        let findings = check(&text);
        assert_eq!(findings.len(), 299);
        assert!(findings
            .iter()
            .all(|f| f.related[0].range == (0..paragraph.len())));
    }

    #[test]
    fn giant_paragraphs_are_compared_without_a_full_table() {
        // Two 3,000-word paragraphs differing in one word in a hundred: too big for the exact
        // alignment, caught by the anchored one.
        let words: Vec<String> = (0..3000).map(|i| format!("word{}", i % 997)).collect();
        let original = words.join(" ");
        let mut changed = words.clone();
        for i in (0..changed.len()).step_by(100) {
            changed[i] = "changed".to_string();
        }
        let copy = changed.join(" ");
        let findings = check_with(&copy, None, &[("big.txt", &original)], &Settings::default());
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("(99% similar)"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn bit_parallel_alignment_agrees_with_the_table() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |range: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % range
        };
        for _ in 0..500 {
            let short: Vec<u64> = (0..1 + next(64)).map(|_| next(6)).collect();
            let long: Vec<u64> = (0..next(90)).map(|_| next(6)).collect();
            let masks = WordMasks::of(&short, Vec::new()).unwrap();
            let expected = if short.len() <= long.len() {
                table_lcs(&short, &long)
            } else {
                table_lcs(&long, &short)
            };
            assert_eq!(
                bit_parallel_lcs(&masks, &long),
                expected,
                "{short:?} {long:?}"
            );
        }
    }

    #[test]
    fn alignment_measures() {
        let words = |text: &str| -> Vec<u64> { ParagraphPrint::of(text).words };
        let a = words("one two three four five six seven eight");
        let b = words("one two three nine five six seven eight ten eleven");
        assert_eq!(Query::new(&a, Vec::new()).aligned_words(&b), 7);
        assert_eq!(table_lcs(&a, &b), 7);
        assert_eq!(common_word_count(&a, &b), 7);
        let long: Vec<u64> = (0..600).collect();
        let mut edited = long.clone();
        edited[300] = 9999;
        assert_eq!(anchored_alignment(&long, &edited), 599);
        assert_eq!(anchored_alignment(&long, &[]), 0);
    }

    /// Messy input: nothing may panic, whatever the settings, alone or against itself.
    fn survives(text: &str) {
        let loose = Settings {
            duplicate_threshold: 0.0,
            min_passage_words: 1,
            ..Settings::default()
        };
        for settings in [Settings::default(), loose] {
            for format in [Format::Markdown, Format::PlainText] {
                let doc = Document::parse(text, format);
                let mut corpus = Corpus::default();
                corpus.insert("other.txt", Arc::from(text), format);
                let context = Context::new(&doc, Some("this.txt"), &corpus, &settings, None);
                for finding in run(&context) {
                    assert!(text.get(finding.range.clone()).is_some());
                    let _ = apply_edits(text, &finding.fixes[0].edits);
                }
            }
        }
    }

    #[test]
    fn messy_input_never_panics() {
        let huge_line = "word ".repeat(20_000);
        let huge_sentence =
            "The river rose again and crews worked through the night ".repeat(2_000);
        for text in [
            "",
            "\n",
            "\r\n\r\n",
            "...",
            "!!! ??? ...",
            "— – -",
            "🙂",
            "🙂 🙂 🙂 🙂 🙂 🙂 🙂 🙂 🙂. 🙂 🙂 🙂 🙂 🙂 🙂 🙂 🙂 🙂.",
            "By",
            "KYIV —",
            "a a a a a a a a a a. a a a a a a a a a a.",
            "\u{feff}\u{200b}\u{0}",
            "Ünïcödé wörds everywhere in this sentence here now. Ünïcödé wörds everywhere in this sentence here now.",
            "```\ncode code code code code code code code\n```\n```\ncode code code code code code code code\n```",
            &huge_line,
            &huge_sentence,
        ] {
            survives(text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
            survives(&text);
        }

        #[test]
        fn wordy_text_never_panics(text in "([A-Za-zé’'“”\"]{1,8}[ ,.!?\\n\\r]{1,3}){0,80}") {
            survives(&text);
        }
    }
}
