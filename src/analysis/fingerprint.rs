//! Word fingerprints of paragraphs: the candidate filter behind `duplicate-passage`, built to be
//! reused by a workspace-wide index.
//!
//! A paragraph's words are folded (case, curly apostrophes, emphasis underscores); words that
//! belong to stock phrases ("declined to comment"), a dateline ("KYIV, Ukraine (AP) —") or a
//! byline are dropped, because they repeat across stories without being copy. Every run of
//! [`SHINGLE_WORDS`] words (a shingle) is hashed, and winnowing keeps the smallest hash of every
//! [`WINNOW_WINDOW`] consecutive shingles: any run of `SHINGLE_WORDS + WINNOW_WINDOW - 1` words
//! that two paragraphs share is guaranteed to give them a fingerprint in common.
//!
//! Everything here is a pure function of one paragraph's text (hashes are fixed, not seeded per
//! process), so an edit re-fingerprints only the paragraphs it touched, and a cache may be keyed
//! by [`paragraph_text_hash`].

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use super::document::{ends_sentence, Document};
use super::finding::floor_char_boundary;
use super::text;

/// Words per shingle. Three keeps recall on short news sentences: the rewrite in NEWS-STYLE.md
/// ("Crews evacuated more than / over 4,000 residents …") shares no run longer than five words.
pub const SHINGLE_WORDS: usize = 3;

/// Shingles per winnowing window. With three-word shingles, every shared run of four words is
/// caught while about two shingles in three are kept.
pub const WINNOW_WINDOW: usize = 2;

/// The hash given to shingles that carry no meaning (only function words); winnowing never keeps
/// it, so "one of the" or "as well as" never make two passages candidates.
const MEANINGLESS: u64 = u64::MAX;

/// A sentence of a paragraph: its byte range (relative to the paragraph's text, trimmed) and the
/// indices of its kept words in [`ParagraphPrint::words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceSpan {
    pub range: Range<usize>,
    pub words: Range<usize>,
}

/// What the duplicate check needs to know about one paragraph, computed from its text alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphPrint {
    /// [`paragraph_text_hash`] of the text this was computed from; a cache key.
    pub text_hash: u64,
    /// Hashes of the kept words, folded, in order. Stock phrases, datelines and bylines are not
    /// here, so they count neither towards a passage's length nor its similarity.
    pub words: Vec<u64>,
    /// Sentences that have at least one kept word, in order; together they hold every kept word.
    pub sentences: Vec<SentenceSpan>,
}

/// A fingerprint kept by winnowing: a shingle hash and the index of the shingle's first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub hash: u64,
    pub word: usize,
}

impl ParagraphPrint {
    /// Fingerprints the text of one paragraph (its content, without surrounding blank lines).
    pub fn of(paragraph: &str) -> ParagraphPrint {
        let sentences = text::sentences(paragraph, 0..paragraph.len());
        ParagraphPrint::with_sentences(paragraph, paragraph_text_hash(paragraph), sentences)
    }

    /// [`ParagraphPrint::of`] for a caller that has hashed the text and split its sentences
    /// (byte ranges in `paragraph`, as [`text::sentences`] splits them) already.
    fn with_sentences(
        paragraph: &str,
        text_hash: u64,
        sentences: impl IntoIterator<Item = Range<usize>>,
    ) -> ParagraphPrint {
        let words = FoldedWords::of(paragraph);
        let kept = words.keep.iter().filter(|&&keep| keep).count();
        let mut kept_starts = Vec::with_capacity(kept);
        let mut hashes = Vec::with_capacity(kept);
        for (index, &keep) in words.keep.iter().enumerate() {
            if keep {
                kept_starts.push(words.starts[index]);
                hashes.push(words.hashes[index]);
            }
        }
        let sentences = sentences
            .into_iter()
            .filter_map(|range| {
                let first = kept_starts.partition_point(|&start| start < range.start);
                let end = kept_starts.partition_point(|&start| start < range.end);
                (end > first).then(|| SentenceSpan {
                    range: without_leading_lines(paragraph, range, kept_starts[first]),
                    words: first..end,
                })
            })
            .collect();
        ParagraphPrint {
            text_hash,
            words: hashes,
            sentences,
        }
    }

    /// The hash of every shingle, indexed by its first word ([`MEANINGLESS`] ones included, so
    /// indices line up with words). Queries use all of them; indexes may keep fewer.
    pub fn shingles(&self) -> Vec<u64> {
        shingle_hashes(&self.words)
    }

    /// The shingles winnowing keeps: what a long-lived index stores.
    pub fn fingerprints(&self) -> Vec<Fingerprint> {
        winnow(&self.shingles(), WINNOW_WINDOW)
    }

    /// The sentence holding kept word `word`, if any.
    pub fn sentence_of_word(&self, word: usize) -> Option<usize> {
        let index = self
            .sentences
            .partition_point(|sentence| sentence.words.end <= word);
        (index < self.sentences.len() && self.sentences[index].words.contains(&word))
            .then_some(index)
    }
}

/// The winnowed fingerprints of a paragraph's text, in order: the stable, documented entry point
/// for a workspace index. Two paragraphs that share a run of `SHINGLE_WORDS + WINNOW_WINDOW - 1`
/// folded words (outside stock phrases, and not only function words) share at least one value.
/// Values depend only on the text, never on the process, so they may be stored and compared
/// across runs. To look a passage up, query with all its [`ParagraphPrint::shingles`].
pub fn paragraph_fingerprints(paragraph: &str) -> Vec<u64> {
    ParagraphPrint::of(paragraph)
        .fingerprints()
        .into_iter()
        .map(|fingerprint| fingerprint.hash)
        .collect()
}

/// A fixed 64-bit hash of a paragraph's exact text, for caching prints. Every paragraph of an
/// open story is hashed on every edit, so it reads eight bytes at a time. Each step is a
/// bijection of the running hash, so two texts of one length that differ in one eight-byte
/// piece never collide; the length is mixed in first.
pub fn paragraph_text_hash(paragraph: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes = paragraph.as_bytes();
    let step = |hash: u64, piece: u64| (hash ^ piece).wrapping_mul(K).rotate_left(29);
    let mut pieces = bytes.chunks_exact(8);
    let mut hash = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    for piece in &mut pieces {
        hash = step(
            hash,
            u64::from_le_bytes(piece.try_into().unwrap_or_default()),
        );
    }
    let mut tail = [0u8; 8];
    tail[..pieces.remainder().len()].copy_from_slice(pieces.remainder());
    mix(step(hash, u64::from_le_bytes(tail)))
}

/// A sentence's range without whole lines before its first kept word (a byline glued to the
/// lede), so the sentence is placed on the line where its copy starts.
fn without_leading_lines(paragraph: &str, range: Range<usize>, first_word: usize) -> Range<usize> {
    match paragraph
        .get(range.start..first_word)
        .and_then(|lead| lead.rfind(['\n', '\r']))
    {
        Some(line_break) => range.start + line_break + 1..range.end,
        None => range,
    }
}

/// The hash of one folded word.
pub fn word_hash(folded: &str) -> u64 {
    mix(fnv1a(folded.as_bytes()))
}

/// Hashes every run of [`SHINGLE_WORDS`] words; a run made only of function words gets
/// [`MEANINGLESS`]. A passage shorter than a shingle has none.
pub fn shingle_hashes(words: &[u64]) -> Vec<u64> {
    if words.len() < SHINGLE_WORDS {
        return Vec::new();
    }
    let function_words = function_words();
    let mut shingles = Vec::with_capacity(words.len() + 1 - SHINGLE_WORDS);
    // Function words in a row up to the current word: a shingle ending there is meaningless
    // when they span all of it.
    let mut function_run = 0;
    for (last, &word) in words.iter().enumerate() {
        function_run = if function_words.contains(word) {
            function_run + 1
        } else {
            0
        };
        let Some(first) = (last + 1).checked_sub(SHINGLE_WORDS) else {
            continue;
        };
        shingles.push(if function_run >= SHINGLE_WORDS {
            MEANINGLESS
        } else {
            shingle_hash(&words[first..=last])
        });
    }
    shingles
}

/// Whether a shingle hash carries meaning (is worth looking up).
pub fn is_meaningful(shingle: u64) -> bool {
    shingle != MEANINGLESS
}

/// Robust winnowing (Schleimer, Wilkerson and Aiken, 2003): of every `window` consecutive
/// hashes keep the smallest, the rightmost on ties, unless the one kept for the previous window
/// is still inside and as small, so runs of equal hashes are not all kept.
pub fn winnow(hashes: &[u64], window: usize) -> Vec<Fingerprint> {
    let window = window.max(1);
    let mut kept = Vec::new();
    if hashes.is_empty() {
        return kept;
    }
    let mut previous: Option<usize> = None;
    for start in 0..=hashes.len().saturating_sub(window) {
        let end = (start + window).min(hashes.len());
        let mut smallest = start;
        for index in start..end {
            if hashes[index] <= hashes[smallest] {
                smallest = index;
            }
        }
        if let Some(previous) = previous {
            if previous >= start && hashes[previous] == hashes[smallest] {
                continue;
            }
        }
        previous = Some(smallest);
        if is_meaningful(hashes[smallest]) {
            kept.push(Fingerprint {
                hash: hashes[smallest],
                word: smallest,
            });
        }
    }
    kept
}

fn shingle_hash(words: &[u64]) -> u64 {
    let hash = words.iter().fold(0x9e37_79b9_7f4a_7c15_u64, |hash, &word| {
        mix(hash.rotate_left(23) ^ word)
    });
    // MEANINGLESS is reserved; a real shingle landing on it moves next door.
    if hash == MEANINGLESS {
        hash - 1
    } else {
        hash
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_bytes(bytes.iter().copied())
}

fn fnv1a_bytes(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// SplitMix64's finaliser: spreads FNV's weak low bits so winnowing's minimum is fair.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Function words: shingles made only of these say nothing about a passage.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "did", "do", "for", "from", "had", "has", "have", "he", "her", "his",
    "i", "if", "in", "into", "is", "it", "its", "more", "not", "of", "on", "one", "or", "our",
    "out", "over", "said", "says", "she", "so", "than", "that", "the", "their", "them", "there",
    "they", "this", "those", "to", "two", "up", "was", "we", "were", "what", "when", "which",
    "who", "will", "with", "would",
];

/// The [`word_hash`] of every function word, in a small open-addressing table: every word of
/// every paragraph is looked up in it.
struct FunctionWords {
    /// A power of two in length, at most a quarter full; 0 marks an empty slot.
    slots: Vec<u64>,
    /// Whether a function word hashes to 0, which the slots cannot hold.
    zero: bool,
}

impl FunctionWords {
    fn contains(&self, hash: u64) -> bool {
        if hash == 0 {
            return self.zero;
        }
        self.slots[self.slot(hash)] == hash
    }

    /// The slot holding `hash` (not 0), or the empty slot where it would go.
    fn slot(&self, hash: u64) -> usize {
        let last = self.slots.len() - 1;
        let mut slot = hash as usize & last;
        while self.slots[slot] != 0 && self.slots[slot] != hash {
            slot = (slot + 1) & last;
        }
        slot
    }
}

/// Whether `word` (a [`word_hash`]) is one of the function words (`the`, `of`, `said`).
pub fn is_function_word(word: u64) -> bool {
    function_words().contains(word)
}

fn function_words() -> &'static FunctionWords {
    static TABLE: OnceLock<FunctionWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = FunctionWords {
            slots: vec![0; (FUNCTION_WORDS.len() * 4).next_power_of_two()],
            zero: false,
        };
        for hash in FUNCTION_WORDS.iter().map(|word| word_hash(word)) {
            if hash == 0 {
                table.zero = true;
                continue;
            }
            let slot = table.slot(hash);
            table.slots[slot] = hash;
        }
        table
    })
}

/// The words of a paragraph: where each starts, the hash of its folded form, and whether it
/// counts for comparison (not in a byline, a dateline or a stock phrase).
struct FoldedWords {
    starts: Vec<usize>,
    hashes: Vec<u64>,
    keep: Vec<bool>,
}

impl FoldedWords {
    fn of(paragraph: &str) -> FoldedWords {
        let mut not_copy = FoldedWords::lead_ins(paragraph);
        not_copy.extend(markup(paragraph));
        let not_copy = disjoint(not_copy);
        let mut folded = String::new();
        let capacity = paragraph.len() / 5;
        let mut words = FoldedWords {
            starts: Vec::with_capacity(capacity),
            hashes: Vec::with_capacity(capacity),
            keep: Vec::with_capacity(capacity),
        };
        // Words come in order, so one cursor walks the ranges: a CMS paragraph of thousands of
        // tags stays linear.
        let mut next_range = 0;
        text::for_each_word(paragraph, 0..paragraph.len(), |range, word| {
            while not_copy
                .get(next_range)
                .is_some_and(|skipped| skipped.end <= range.start)
            {
                next_range += 1;
            }
            let skipped = not_copy
                .get(next_range)
                .is_some_and(|skipped| skipped.start <= range.start && range.end <= skipped.end);
            words.hashes.push(folded_word_hash(word, &mut folded));
            words.keep.push(!skipped);
            words.starts.push(range.start);
        });
        words.drop_stock_phrases();
        words
    }

    /// Byte ranges of the paragraph that are not copy: a line that is a byline, and a dateline
    /// opening a line. Every line is looked at because a paragraph block may hold several
    /// pasted paragraphs (a CMS export glues "By Jonas Weber" to the lede below it).
    fn lead_ins(paragraph: &str) -> Vec<Range<usize>> {
        // A wire story's credits may be wrapped over several lines.
        if is_credit_line(paragraph) {
            return std::iter::once(0..paragraph.len()).collect();
        }
        let mut lead_ins = Vec::new();
        for (line_start, text) in lines(paragraph) {
            if is_byline(text) || is_credit_line(text) {
                lead_ins.push(line_start..line_start + text.len());
            } else if let Some(end) = dateline_end(text) {
                lead_ins.push(line_start..line_start + end);
            }
        }
        lead_ins
    }

    /// Marks the words of stock phrases as not counting.
    fn drop_stock_phrases(&mut self) {
        let stock = stock_phrases();
        let mut index = 0;
        while index < self.hashes.len() {
            match stock.phrase_at(&self.hashes[index..]) {
                Some(length) if length > 0 => {
                    self.keep[index..index + length].fill(false);
                    index += length;
                }
                _ => index += 1,
            }
        }
    }
}

/// The ranges sorted and merged where they overlap or touch (a byline line holding a tag).
fn disjoint(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|range| range.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Byte ranges of HTML a CMS export leaves in the copy: tags (`<strong>`, `</em>`, `<br>`)
/// and character references (`&ndash;`, `&#8217;`). Their names are no words of the story,
/// and counting them made a listing's title line long enough to be judged a paraphrase.
fn markup(paragraph: &str) -> Vec<Range<usize>> {
    let bytes = paragraph.as_bytes();
    let mut found = Vec::new();
    for at in memchr::memchr2_iter(b'<', b'&', bytes) {
        if found
            .last()
            .is_some_and(|last: &Range<usize>| at < last.end)
        {
            continue;
        }
        let length = match bytes[at] {
            b'<' => text::html_tag_length(&bytes[at..]),
            _ => reference_length(&bytes[at..]),
        };
        if let Some(length) = length {
            found.push(at..at + length);
        }
    }
    found
}

/// The length of the character reference `rest` opens (`&amp;`, `&#8217;`, `&#x2014;`).
fn reference_length(rest: &[u8]) -> Option<usize> {
    let body = rest.get(1..)?;
    // Named references are two letters or more (`&lt;`): `AT&T;` is a firm.
    let (allowed, offset, shortest): (fn(&u8) -> bool, usize, usize) = match body {
        [b'#', b'x' | b'X', ..] => (u8::is_ascii_hexdigit, 3, 1),
        [b'#', ..] => (u8::is_ascii_digit, 2, 1),
        [first, ..] if first.is_ascii_alphabetic() => (u8::is_ascii_alphanumeric, 1, 2),
        _ => return None,
    };
    let name = rest[offset..]
        .iter()
        .take(32)
        .take_while(|byte| allowed(byte))
        .count();
    (name >= shortest && rest.get(offset + name) == Some(&b';')).then_some(offset + name + 1)
}

/// The lines of a paragraph with their offsets, without their breaks: cut at every `\n` and
/// every `\r` (so `\r\n` leaves an empty line between). The breaks are ASCII, so bytes are
/// scanned instead of chars decoded.
fn lines(paragraph: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = paragraph.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = bytes[start..]
            .iter()
            .position(|&byte| byte == b'\n' || byte == b'\r')
            .map_or(bytes.len(), |at| start + at);
        let line = (start, &paragraph[start..end]);
        start = end + 1;
        Some(line)
    })
}

/// The [`word_hash`] of a word folded by [`fold_into`]; an ASCII word is folded while hashing,
/// any other through `buffer`.
fn folded_word_hash(word: &str, buffer: &mut String) -> u64 {
    if word.is_ascii() {
        let folded = trim_underscores(word.as_bytes())
            .iter()
            .map(|byte| byte.to_ascii_lowercase());
        return mix(fnv1a_bytes(folded));
    }
    let word = word.trim_matches('_');
    buffer.clear();
    fold_into(word, buffer);
    word_hash(buffer)
}

/// `word.trim_matches('_')` for ASCII words, byte by byte (cheaper than a char pattern).
fn trim_underscores(word: &[u8]) -> &[u8] {
    let start = word
        .iter()
        .position(|&byte| byte != b'_')
        .unwrap_or(word.len());
    let end = word
        .iter()
        .rposition(|&byte| byte != b'_')
        .map_or(start, |last| last + 1);
    &word[start..end]
}

/// Folds like [`text::fold_word`] (lowercase, curly apostrophes straight) and also drops the
/// emphasis underscores that Unicode word segmentation keeps inside a word (`_Kyiv_`).
fn fold_into(word: &str, out: &mut String) {
    let word = word.trim_matches('_');
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .map(|byte| char::from(byte.to_ascii_lowercase())),
        );
        return;
    }
    for c in word.chars() {
        match c {
            '’' | '‘' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// A byline: "By Jane Doe and John Smith, Associated Press", "By Graham Tyldesley, North West
/// football correspondent", "By Priya Raghavan, at Taunton". A short line of "By" and
/// capitalised names (with "and", "of" or "the" between them), after a comma perhaps the
/// writer's job or where they wrote from, that does not end like a sentence, unlike "By
/// Monday, the river had …".
fn is_byline(line: &str) -> bool {
    const JOINERS: [&str; 7] = ["and", "of", "the", "for", "de", "van", "von"];
    let trimmed = line.trim();
    let Some(names) = trimmed
        .strip_prefix("By ")
        .or_else(|| trimmed.strip_prefix("BY "))
    else {
        return false;
    };
    if ends_sentence(trimmed) {
        return false;
    }
    let words: Vec<&str> = names.split_whitespace().collect();
    if names_only(&words, 11, &JOINERS) {
        return true;
    }
    let Some((names, byline_end)) = names.split_once(',') else {
        return false;
    };
    // Two names at least: "By Friday, the reporter …" names a day.
    let words: Vec<&str> = names.split_whitespace().collect();
    words.len() >= 2 && names_only(&words, 8, &JOINERS) && is_writers_job_or_place(byline_end)
}

/// What a byline gives after the names: the writer's job ("chief political correspondent",
/// "Sports Editor") or where they wrote from ("in Kyiv", "at the County Ground").
fn is_writers_job_or_place(text: &str) -> bool {
    const JOBS: [&str; 12] = [
        "correspondent",
        "reporter",
        "editor",
        "writer",
        "columnist",
        "critic",
        "photographer",
        "staff",
        "chief",
        "contributor",
        "journalist",
        "analyst",
    ];
    const PLACE_JOINERS: [&str; 5] = ["and", "of", "the", "on", "upon"];
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let is_job = |word: &&str| JOBS.iter().any(|job| job.eq_ignore_ascii_case(word));
    let place = match words[0] {
        "in" | "at" | "from" => &words[1..],
        _ => &[][..],
    };
    let place = place.strip_prefix(&["the"]).unwrap_or(place);
    words.last().is_some_and(is_job) || names_only(place, 7, &PLACE_JOINERS)
}

/// Whether `words` are names alone: capitalised, with only `joiners` between them, the first
/// a name, at most `most` of them (punctuation around a word ignored).
fn names_only(words: &[&str], most: usize, joiners: &[&str]) -> bool {
    let words: Vec<&str> = words
        .iter()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .collect();
    let named = words
        .first()
        .is_some_and(|word| word.starts_with(char::is_uppercase));
    named
        && words.len() <= most
        && words
            .iter()
            .all(|word| word.starts_with(char::is_uppercase) || joiners.contains(word))
}

/// A wire story's credit line: "(Reporting by Ana Ruiz in Lima; Additional reporting by Tom
/// Ng; Editing by Sam Holt)". Every part between semicolons names a job done "by" people
/// (capitalised names, with "and", "in" or a place between them); the same editors sign
/// every story of a desk, so the line is no copy.
pub(crate) fn is_credit_line(text: &str) -> bool {
    let trimmed = text.trim();
    let credits = trimmed
        .strip_prefix('(')
        .unwrap_or(trimmed)
        .trim_end_matches(['.', ')']);
    // Cheap refusal first: nearly every paragraph is prose, which opens with no credit.
    let opens_a_credit = credits.split_whitespace().next().is_some_and(|first| {
        (CREDIT_JOBS.iter().chain(&["additional", "with"]))
            .any(|job| job.eq_ignore_ascii_case(first))
    });
    opens_a_credit && credits.len() <= 400 && credits.split(';').all(is_credit)
}

/// The jobs a wire credit names.
const CREDIT_JOBS: [&str; 20] = [
    "reporting",
    "reported",
    "editing",
    "edited",
    "writing",
    "written",
    "compiled",
    "compiling",
    "research",
    "researched",
    "graphics",
    "photos",
    "photographs",
    "photography",
    "production",
    "produced",
    "translation",
    "translated",
    "fact-checking",
    "verification",
];

/// One credit: "Additional reporting by Tom Ng in Lima", "Editing by Sam Holt and Jo Bale".
fn is_credit(credit: &str) -> bool {
    const JOINERS: [&str; 16] = [
        "and", "in", "at", "from", "of", "the", "for", "with", "de", "da", "di", "del", "van",
        "von", "newsroom", "bureau",
    ];
    let words: Vec<&str> = credit.split_whitespace().collect();
    let Some(by) = words.iter().position(|word| *word == "by") else {
        return false;
    };
    let job: Vec<String> = words[..by].iter().map(|word| word.to_lowercase()).collect();
    let is_job = |word: &String| CREDIT_JOBS.contains(&word.as_str());
    job.iter().all(|word| {
        is_job(word) || matches!(word.as_str(), "additional" | "with" | "further" | "and")
    }) && job.iter().any(is_job)
        && names_only(&words[by + 1..], 16, &JOINERS)
}

/// The end of a dateline such as `KYIV, Ukraine (AP) —`, `WASHINGTON (Reuters) -` or
/// `LONDON—`: a lead-in of a few words set off by a dash, whose place name is in capitals or
/// which ends with a news agency in parentheses.
fn dateline_end(line: &str) -> Option<usize> {
    const DASHES: [&str; 5] = [" — ", " – ", " -- ", " - ", "—"];
    // Only the opening of a line is searched, and only when it could be a dateline (most lines
    // open with "The"), so ordinary lines cost little.
    let opening = &line[..floor_char_boundary(line, 160)];
    let place_in_capitals = is_in_capitals(opening);
    if !place_in_capitals && !opening.contains(')') {
        return None;
    }
    let (position, dash) = DASHES
        .iter()
        .filter_map(|dash| opening.find(dash).map(|position| (position, *dash)))
        .min_by_key(|&(position, _)| position)?;
    let lead = opening[..position].trim();
    if lead.is_empty() || lead.split_whitespace().count() > 8 {
        return None;
    }
    (place_in_capitals || ends_with_agency(lead)).then_some(position + dash.len())
}

/// Whether the place name opening a line (up to a comma, parenthesis or dash) has two letters
/// or more and none in lowercase. Prose is ruled out at its first lowercase letter.
fn is_in_capitals(opening: &str) -> bool {
    let mut letters = 0;
    for c in opening.chars() {
        if matches!(c, ',' | '(' | '—' | '–' | '-') {
            break;
        }
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Whether a lead-in ends with a news agency in parentheses: `(AP)`, `(Reuters)`, `(dpa)`.
fn ends_with_agency(lead: &str) -> bool {
    let Some(inside) = lead
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .map(|(_, inside)| inside)
    else {
        return false;
    };
    let words: Vec<&str> = inside.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|word| {
            word.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.')
        })
        && (words[0].starts_with(char::is_uppercase) || words[0].len() <= 4)
}

/// Stock phrases of news copy, as folded words. `a|b` is a choice, a trailing `?` makes a word
/// optional. They repeat across every story and are never duplicated copy.
const STOCK_PHRASES: &[&[&str]] = &[
    &[
        "said|says|added",
        "in",
        "a|an",
        "written|emailed|joint|brief?",
        "statement|release|email",
    ],
    &["in", "a|an", "written|emailed|joint|brief?", "statement"],
    &[
        "did|does|didn't|doesn't|has|have|hasn't|haven't|had|hadn't",
        "not?",
        "immediately?",
        "respond|reply|return|answer|responded|replied|returned|answered",
        "to?",
        "a|an|multiple|repeated|several?",
        "phone|email|emailed|written?",
        "request|requests|message|messages|call|calls|email|emails|inquiry|inquiries|query|queries",
        "for|seeking",
        "comment",
    ],
    &[
        "could|can|couldn't|cannot",
        "not?",
        "immediately?",
        "be",
        "reached",
        "for",
        "comment",
    ],
    &[
        "was|were|is|are|wasn't|weren't|isn't|aren't",
        "not?",
        "immediately?",
        "available",
        "for|to",
        "comment",
    ],
    &[
        "declined|refused|declines|refuses|declining|refusing",
        "to",
        "comment|elaborate",
    ],
    &[
        "spoke|speaking|spoken|talked|talking",
        "on|under",
        "the?",
        "condition",
        "of",
        "anonymity",
    ],
    &["on|under", "the?", "condition", "of", "anonymity"],
    &[
        "not|wasn't|weren't",
        "authorized|authorised",
        "to",
        "speak|discuss|talk|comment",
        "publicly|on?",
        "the?",
        "record?",
    ],
    &["contributed", "to", "this", "report|story"],
    &["contributed", "reporting"],
    &["this", "is", "a", "developing|breaking", "news?", "story"],
    // Editors' notes: `The interview has been edited for length and clarity.`, `An earlier
    // version of this story…`. Each opens on its rarest word: every word that opens a phrase
    // is tried against it wherever it occurs.
    &[
        "edited|condensed",
        "and?",
        "condensed|edited?",
        "for",
        "length|clarity|brevity|space",
        "and?",
        "length|clarity|brevity?",
    ],
    &[
        "this|the",
        "story|article|report",
        "has|was",
        "been?",
        "updated|corrected|revised",
        "to?",
        "include|reflect|add|correct|clarify|remove?",
    ],
    &[
        "earlier|previous",
        "version",
        "of",
        "this",
        "story|article|report",
    ],
];

/// One word of a compiled stock phrase: the hashes of the words it may be, and whether it may
/// be left out. Matching compares hashes, as cheap as comparing numbers.
struct PhraseWord {
    choices: Vec<u64>,
    optional: bool,
}

/// [`STOCK_PHRASES`] compiled once, with each word a phrase can start with and that phrase,
/// sorted, so a word that starts no stock phrase costs one binary search and one that does
/// tries only its own phrases.
struct StockPhrases {
    phrases: Vec<Vec<PhraseWord>>,
    openers: Vec<(u64, usize)>,
    /// A bit per opener, at its hash's low ten bits: most words start no phrase and are ruled
    /// out by one bit test instead of a search.
    opener_bits: [u64; 16],
}

fn stock_phrases() -> &'static StockPhrases {
    static COMPILED: OnceLock<StockPhrases> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let phrases: Vec<Vec<PhraseWord>> = STOCK_PHRASES
            .iter()
            .map(|phrase| {
                phrase
                    .iter()
                    .map(|token| {
                        let (choices, optional) = match token.strip_suffix('?') {
                            Some(choices) => (choices, true),
                            None => (*token, false),
                        };
                        PhraseWord {
                            choices: choices.split('|').map(word_hash).collect(),
                            optional,
                        }
                    })
                    .collect()
            })
            .collect();
        // Every phrase starts with a required word, so these are all the ways one can start.
        let mut openers: Vec<(u64, usize)> = phrases
            .iter()
            .enumerate()
            .filter_map(|(index, phrase)| Some((phrase.first()?, index)))
            .flat_map(|(word, index)| word.choices.iter().map(move |&choice| (choice, index)))
            .collect();
        openers.sort_unstable();
        let mut opener_bits = [0; 16];
        for &(opener, _) in &openers {
            let (word, bit) = opener_bit(opener);
            opener_bits[word] |= bit;
        }
        StockPhrases {
            phrases,
            openers,
            opener_bits,
        }
    })
}

/// Where a word's bit is in [`StockPhrases::opener_bits`]: which `u64`, and the bit in it.
fn opener_bit(word: u64) -> (usize, u64) {
    let low = (word % 1024) as usize;
    (low / 64, 1 << (low % 64))
}

impl StockPhrases {
    /// The number of words of a stock phrase starting at `words[0]` (word hashes), if one does.
    fn phrase_at(&self, words: &[u64]) -> Option<usize> {
        let first = *words.first()?;
        let (word, bit) = opener_bit(first);
        if self.opener_bits[word] & bit == 0 {
            return None;
        }
        let start = self.openers.partition_point(|&(opener, _)| opener < first);
        self.openers[start..]
            .iter()
            .take_while(|&&(opener, _)| opener == first)
            .filter_map(|&(_, phrase)| match_phrase(&self.phrases[phrase], words))
            .max()
    }
}

fn match_phrase(phrase: &[PhraseWord], words: &[u64]) -> Option<usize> {
    let Some((expected, rest)) = phrase.split_first() else {
        return Some(0);
    };
    if let Some((word, later)) = words.split_first() {
        if expected.choices.contains(word) {
            if let Some(length) = match_phrase(rest, later) {
                return Some(length + 1);
            }
        }
    }
    if expected.optional {
        match_phrase(rest, words)
    } else {
        None
    }
}

/// Where a shingle occurs: a document (numbered by whoever owns the index), a paragraph of it,
/// the index of the shingle's first word among the paragraph's kept words, and the sentences
/// holding its first and last word with their lengths and words' signature (so a lookup need
/// not read the paragraph's print to find a candidate sentence, nor to see that it is too
/// short, too long or too different to be a copy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Posting {
    pub document: u32,
    pub paragraph: u32,
    pub word: u32,
    pub first_sentence: u16,
    pub last_sentence: u16,
    /// Kept words of those sentences, or [`UNKNOWN_LENGTH`].
    pub first_sentence_words: u8,
    pub last_sentence_words: u8,
    /// Kept words of the paragraph, or [`UNKNOWN_PARAGRAPH_LENGTH`] (it fits in what would be
    /// padding).
    pub paragraph_words: u16,
    /// The words of both sentences ([`WordSignature::ANY`] when a sentence is unknown).
    pub sentence_signature: WordSignature,
}

/// A paragraph length that does not fit a posting: read it from the print.
pub const UNKNOWN_PARAGRAPH_LENGTH: u16 = u16::MAX;

/// Which of 32 buckets the words of a passage fall in, one bit per bucket (a word's bucket is
/// the top five bits of its hash). A word whose bucket is empty is not in the passage, so the
/// words of a query whose buckets are filled bound how many it can share with the passage:
/// enough to rule out most candidates without reading their words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WordSignature(u32);

impl WordSignature {
    /// Every bucket filled: a passage whose words are not known.
    pub const ANY: WordSignature = WordSignature(u32::MAX);

    pub fn of(words: &[u64]) -> WordSignature {
        WordSignature(words.iter().fold(0, |bits, &word| bits | bucket(word)))
    }

    pub fn union(self, other: WordSignature) -> WordSignature {
        WordSignature(self.0 | other.0)
    }

    /// How many of `words` may be in the passage: an upper bound on the words it shares with
    /// `words`, and so on their longest common subsequence.
    pub fn possible_words(self, words: &[u64]) -> usize {
        words
            .iter()
            .filter(|&&word| self.0 & bucket(word) != 0)
            .count()
    }
}

fn bucket(word: u64) -> u32 {
    1 << (word >> 59)
}

/// A sentence length that does not fit a posting (or of no sentence): read it from the print.
pub const UNKNOWN_LENGTH: u8 = u8::MAX;

/// [`Posting::first_sentence`] or [`Posting::last_sentence`] when the sentence number does not
/// fit (or the word is in no sentence): read it from the print.
pub const UNKNOWN_SENTENCE: u16 = u16::MAX;

/// The sentence of kept words of a paragraph, that sentence's length and the signature of its
/// words, as stored in postings. Shingles are added in word order, so the sentence is found by
/// walking forward rather than by a search or a table of every word.
struct SentenceCursor<'p> {
    print: &'p ParagraphPrint,
    /// The first sentence that does not end before the last word asked for.
    next: usize,
    /// The sentence last found, with what was found: most words asked for are in it.
    last: Option<(Range<usize>, SentencePlace)>,
}

/// What [`SentenceCursor`] finds for a word: its sentence, the sentence's length and signature.
type SentencePlace = (u16, u8, WordSignature);

const UNKNOWN_PLACE: SentencePlace = (UNKNOWN_SENTENCE, UNKNOWN_LENGTH, WordSignature::ANY);

impl<'p> SentenceCursor<'p> {
    fn new(print: &'p ParagraphPrint) -> SentenceCursor<'p> {
        SentenceCursor {
            print,
            next: 0,
            last: None,
        }
    }

    // Called for every posting placed: not inlined, a first check costs 0.35 M instructions
    // more (BENCHMARKS.md, round 11).
    #[inline]
    fn sentence_of(&mut self, word: usize) -> SentencePlace {
        if let Some((words, place)) = &self.last {
            if words.contains(&word) {
                return *place;
            }
        }
        let sentences = &self.print.sentences;
        // Asked out of order: start over.
        if self.next > 0 && sentences[self.next - 1].words.end > word {
            self.next = 0;
        }
        while self.next < sentences.len() && sentences[self.next].words.end <= word {
            self.next += 1;
        }
        let number = self.next;
        let Some(sentence) = sentences.get(number).filter(|s| s.words.contains(&word)) else {
            return UNKNOWN_PLACE;
        };
        let sentence_number = u16::try_from(number).unwrap_or(UNKNOWN_SENTENCE);
        let length = u8::try_from(sentence.words.len()).unwrap_or(UNKNOWN_LENGTH);
        let signature = match self.print.words.get(sentence.words.clone()) {
            Some(words) if length != UNKNOWN_LENGTH => WordSignature::of(words),
            _ => WordSignature::ANY,
        };
        let place = (sentence_number, length, signature);
        self.last = Some((sentence.words.clone(), place));
        place
    }
}

/// The postings of one fingerprint. Most fingerprints occur once, so one posting is kept inline
/// and only shared fingerprints allocate.
#[derive(Debug, Clone)]
enum Postings {
    One(Posting),
    /// With the number of documents among them (postings are sorted, so each document is one
    /// run), known without a scan.
    Many {
        postings: Vec<Posting>,
        documents: u32,
    },
}

impl Postings {
    fn as_slice(&self) -> &[Posting] {
        match self {
            Postings::One(posting) => std::slice::from_ref(posting),
            Postings::Many { postings, .. } => postings,
        }
    }

    fn documents(&self) -> usize {
        match self {
            Postings::One(_) => 1,
            Postings::Many { documents, .. } => *documents as usize,
        }
    }
}

/// The number of documents in sorted postings (each document is one run).
fn document_runs(postings: &[Posting]) -> u32 {
    let mut runs = 0;
    let mut previous = None;
    for posting in postings {
        if previous != Some(posting.document) {
            runs += 1;
            previous = Some(posting.document);
        }
    }
    runs
}

/// A fast hasher for the index's keys. A `u64` key is taken to be a hash already (fingerprints
/// and text hashes are well mixed) and passes through; small numbers (document and paragraph
/// ids) are mixed once. Hashing is not exposed to untrusted keys an attacker could choose.
#[derive(Default)]
pub struct QuickHasher(u64);

impl Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(fnv1a(bytes) ^ self.0);
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }

    fn write_u32(&mut self, value: u32) {
        self.0 = mix(u64::from(value) ^ self.0.rotate_left(32));
    }

    fn write_usize(&mut self, value: usize) {
        self.0 = mix(value as u64 ^ self.0.rotate_left(32));
    }
}

/// A `HashMap` with [`QuickHasher`].
pub type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<QuickHasher>>;

/// How many shingles of a paragraph an index stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// Every meaningful shingle: full recall, for a short-lived index of one document.
    EveryShingle,
    /// The winnowed fingerprints: for long-lived indexes of many documents.
    Winnowed,
}

/// Maps fingerprints to where they occur. Postings of one fingerprint are kept sorted (by
/// document, paragraph, word), so adding a document's paragraphs in order keeps them in document
/// order, and each document's postings are one run (its document frequency is exact).
#[derive(Debug, Clone, Default)]
pub struct FingerprintIndex {
    map: QuickMap<u64, Postings>,
}

impl FingerprintIndex {
    /// An empty index with room for about `fingerprints` distinct fingerprints.
    pub fn with_capacity(fingerprints: usize) -> FingerprintIndex {
        FingerprintIndex {
            map: HashMap::with_capacity_and_hasher(fingerprints, Default::default()),
        }
    }

    /// Where `fingerprint` occurs, sorted by document, paragraph and word.
    pub fn postings(&self, fingerprint: u64) -> &[Posting] {
        self.map.get(&fingerprint).map_or(&[], Postings::as_slice)
    }

    /// `postings` and `document_frequency` in one look-up.
    pub fn postings_and_frequency(&self, fingerprint: u64) -> (&[Posting], usize) {
        self.map.get(&fingerprint).map_or((&[], 0), |postings| {
            (postings.as_slice(), postings.documents())
        })
    }

    /// In how many documents `fingerprint` occurs.
    pub fn document_frequency(&self, fingerprint: u64) -> usize {
        self.map.get(&fingerprint).map_or(0, Postings::documents)
    }

    /// The number of distinct fingerprints.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Indexes one paragraph of `document`.
    pub fn add_paragraph(
        &mut self,
        document: u32,
        paragraph: u32,
        print: &ParagraphPrint,
        coverage: Coverage,
    ) {
        for_each_posting((document, paragraph, print), coverage, |hash, posting| {
            self.insert(hash, posting)
        });
    }

    /// Indexes every meaningful shingle of a paragraph whose [`ParagraphPrint::shingles`] the
    /// caller already has: [`Coverage::EveryShingle`] without hashing the shingles again.
    pub fn add_shingles(
        &mut self,
        document: u32,
        paragraph: u32,
        print: &ParagraphPrint,
        shingles: &[u64],
    ) {
        let meaningful = (shingles.iter().enumerate())
            .filter(|&(_, &hash)| is_meaningful(hash))
            .map(|(word, &hash)| (hash, word));
        placed_postings((document, paragraph, print), meaningful, |hash, posting| {
            self.insert(hash, posting)
        });
    }

    /// Adds one posting of `hash` where it belongs in the sorted list.
    pub fn insert(&mut self, hash: u64, posting: Posting) {
        let document = posting.document;
        let existing = match self.map.entry(hash) {
            Entry::Vacant(vacant) => {
                vacant.insert(Postings::One(posting));
                return;
            }
            Entry::Occupied(occupied) => occupied.into_mut(),
        };
        match existing {
            Postings::Many {
                postings,
                documents,
            } => {
                // Postings stay sorted, so a document's postings are one run and its
                // re-added paragraphs do not move the other documents' postings.
                let at = match postings.last() {
                    Some(last) if *last > posting => postings.partition_point(|p| *p < posting),
                    _ => postings.len(),
                };
                let before = at.checked_sub(1).map(|index| postings[index].document);
                let after = postings.get(at).map(|p| p.document);
                if before != Some(document) && after != Some(document) {
                    *documents += 1;
                }
                postings.insert(at, posting);
            }
            one @ Postings::One(_) => {
                if let Postings::One(first) = *one {
                    *one = Postings::Many {
                        postings: if first <= posting {
                            vec![first, posting]
                        } else {
                            vec![posting, first]
                        },
                        documents: if first.document == document { 1 } else { 2 },
                    };
                }
            }
        }
    }

    /// Forgets one paragraph added with [`FingerprintIndex::add_shingles`] (the same shingles).
    pub fn remove_shingles(&mut self, document: u32, paragraph: u32, shingles: &[u64]) {
        let mut distinct: Vec<u64> = shingles
            .iter()
            .copied()
            .filter(|&hash| is_meaningful(hash))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        self.remove_postings(document, paragraph, distinct);
    }

    /// Forgets one paragraph added with [`FingerprintIndex::add_paragraph`]; `print` and
    /// `coverage` must be the ones it was added with.
    pub fn remove_paragraph(
        &mut self,
        document: u32,
        paragraph: u32,
        print: &ParagraphPrint,
        coverage: Coverage,
    ) {
        let hashes = indexed_shingles(print, coverage)
            .into_iter()
            .map(|(hash, _)| hash)
            .collect();
        self.remove_postings(document, paragraph, hashes);
    }

    /// Removes the postings of one paragraph from the lists of `hashes`.
    pub fn remove_postings(&mut self, document: u32, paragraph: u32, hashes: Vec<u64>) {
        let belongs =
            |posting: &Posting| posting.document == document && posting.paragraph == paragraph;
        for hash in hashes {
            let emptied = match self.map.get_mut(&hash) {
                Some(Postings::One(posting)) => belongs(posting),
                Some(Postings::Many {
                    postings,
                    documents,
                }) => {
                    postings.retain(|posting| !belongs(posting));
                    *documents = document_runs(postings);
                    postings.is_empty()
                }
                None => false,
            };
            if emptied {
                self.map.remove(&hash);
            }
        }
    }
}

/// One document's every meaningful shingle, indexed once for a check that keeps nothing (no
/// memo): the postings [`FingerprintIndex::add_shingles`] gives for its paragraphs added in
/// order, but in one flat list grouped by shingle. No list is allocated per shingle, and the
/// map's entries are a third the size, so building it stays in cache. It cannot be changed.
#[derive(Debug, Default)]
pub struct FlatIndex {
    /// Each shingle's group number.
    groups: QuickMap<u64, u32>,
    /// Group `g`'s postings are `postings[bounds[g]..bounds[g + 1]]`.
    bounds: Vec<u32>,
    postings: Vec<Posting>,
}

impl FlatIndex {
    /// Indexes paragraph `n` of `paragraphs` (its print and [`ParagraphPrint::shingles`]) as
    /// paragraph `n` of `document`.
    pub fn of_paragraphs<'p>(
        document: u32,
        paragraphs: impl IntoIterator<Item = (&'p ParagraphPrint, &'p [u64])> + Clone,
    ) -> FlatIndex {
        let total: usize = (paragraphs.clone().into_iter())
            .map(|(_, shingles)| shingles.len())
            .sum();
        let mut groups: QuickMap<u64, u32> =
            HashMap::with_capacity_and_hasher(total, Default::default());
        let mut grouped: Vec<(u32, Posting)> = Vec::with_capacity(total);
        for (number, (print, shingles)) in paragraphs.into_iter().enumerate() {
            let meaningful = (shingles.iter().enumerate())
                .filter(|&(_, &hash)| is_meaningful(hash))
                .map(|(word, &hash)| (hash, word));
            placed_postings(
                (document, to_u32(number), print),
                meaningful,
                |hash, posting| {
                    let next = to_u32(groups.len());
                    let group = *groups.entry(hash).or_insert(next);
                    grouped.push((group, posting));
                },
            );
        }
        // A stable counting sort by group: each group keeps the order postings were made in,
        // paragraph by paragraph and word by word, which is the sorted order.
        let mut bounds = vec![0u32; groups.len() + 1];
        for &(group, _) in &grouped {
            bounds[group as usize + 1] += 1;
        }
        for group in 1..bounds.len() {
            bounds[group] += bounds[group - 1];
        }
        let mut next = bounds.clone();
        let mut postings = match grouped.first() {
            Some(&(_, posting)) => vec![posting; grouped.len()],
            None => Vec::new(),
        };
        for (group, posting) in grouped {
            let at = &mut next[group as usize];
            postings[*at as usize] = posting;
            *at += 1;
        }
        FlatIndex {
            groups,
            bounds,
            postings,
        }
    }

    /// Where `shingle` occurs, sorted by paragraph and word.
    pub fn postings(&self, shingle: u64) -> &[Posting] {
        let Some(&group) = self.groups.get(&shingle) else {
            return &[];
        };
        let group = group as usize;
        let (start, end) = (self.bounds[group], self.bounds[group + 1]);
        self.postings
            .get(start as usize..end as usize)
            .unwrap_or(&[])
    }
}

/// Calls `emit` with each (fingerprint, posting) that [`FingerprintIndex::add_paragraph`] adds
/// for one paragraph of a document, in word order: what a caller building postings for many
/// documents at once (see [`super::batch_index`]) inserts later.
pub fn for_each_posting(
    (document, paragraph, print): (u32, u32, &ParagraphPrint),
    coverage: Coverage,
    emit: impl FnMut(u64, Posting),
) {
    let shingles = indexed_shingles(print, coverage);
    placed_postings((document, paragraph, print), shingles, emit);
}

/// The posting of each (shingle, first word) of a paragraph, given in word order, placed in
/// its sentences.
fn placed_postings(
    (document, paragraph, print): (u32, u32, &ParagraphPrint),
    shingles: impl IntoIterator<Item = (u64, usize)>,
    mut emit: impl FnMut(u64, Posting),
) {
    let mut first_words = SentenceCursor::new(print);
    let mut last_words = SentenceCursor::new(print);
    let paragraph_words = u16::try_from(print.words.len()).unwrap_or(UNKNOWN_PARAGRAPH_LENGTH);
    for (hash, word) in shingles {
        let (first_sentence, first_sentence_words, first_signature) = first_words.sentence_of(word);
        let (last_sentence, last_sentence_words, last_signature) =
            last_words.sentence_of(word + SHINGLE_WORDS - 1);
        let posting = Posting {
            document,
            paragraph,
            word: to_u32(word),
            first_sentence,
            last_sentence,
            first_sentence_words,
            last_sentence_words,
            paragraph_words,
            sentence_signature: first_signature.union(last_signature),
        };
        emit(hash, posting);
    }
}

/// The (hash, first word) of each shingle an index with `coverage` stores for a paragraph.
pub fn indexed_shingles(print: &ParagraphPrint, coverage: Coverage) -> Vec<(u64, usize)> {
    match coverage {
        Coverage::EveryShingle => print
            .shingles()
            .into_iter()
            .enumerate()
            .filter(|&(_, hash)| is_meaningful(hash))
            .map(|(word, hash)| (hash, word))
            .collect(),
        Coverage::Winnowed => print
            .fingerprints()
            .into_iter()
            .map(|fingerprint| (fingerprint.hash, fingerprint.word))
            .collect(),
    }
}

/// Counts stored as `u32` to keep postings small; a paragraph of four billion words is clamped
/// rather than wrapped.
pub fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// One paragraph of a document, placed: its content range in the document and its print.
#[derive(Debug, Clone)]
pub struct PlacedParagraph {
    pub range: Range<usize>,
    pub print: Arc<ParagraphPrint>,
}

/// The prints of every paragraph of a document (headings and code are not prose and have none).
#[derive(Debug, Clone, Default)]
pub struct DocumentPrint {
    pub paragraphs: Vec<PlacedParagraph>,
}

impl DocumentPrint {
    pub fn of(doc: &Document<'_>) -> DocumentPrint {
        DocumentPrint::with_cache(doc, |_| None)
    }

    /// Like [`DocumentPrint::of`], but takes a paragraph's print from `cached` (called with the
    /// paragraph's [`paragraph_text_hash`]) when it has one, so unchanged paragraphs cost a hash.
    pub fn with_cache(
        doc: &Document<'_>,
        mut cached: impl FnMut(u64) -> Option<Arc<ParagraphPrint>>,
    ) -> DocumentPrint {
        let paragraphs = doc
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, block)| block.is_paragraph())
            .map(|(index, block)| {
                let text = doc.slice(&block.content);
                let text_hash = paragraph_text_hash(text);
                let print = cached(text_hash).unwrap_or_else(|| {
                    let start = block.content.start;
                    let sentences = doc.sentences(index).iter().map(|sentence| {
                        sentence.start.saturating_sub(start)..sentence.end.saturating_sub(start)
                    });
                    Arc::new(ParagraphPrint::with_sentences(text, text_hash, sentences))
                });
                PlacedParagraph {
                    range: block.content.clone(),
                    print,
                }
            })
            .collect();
        DocumentPrint { paragraphs }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept_words(paragraph: &str) -> usize {
        ParagraphPrint::of(paragraph).words.len()
    }

    /// The size of the multiset intersection of two word lists.
    fn shared_words(a: &[u64], b: &[u64]) -> usize {
        let mut rest = b.to_vec();
        a.iter()
            .filter(|word| match rest.iter().position(|other| other == *word) {
                Some(at) => {
                    rest.swap_remove(at);
                    true
                }
                None => false,
            })
            .count()
    }

    proptest::proptest! {
        // The duplicate check rules a candidate out when this bound is too small, so it must
        // never be below the words the two passages really share.
        #[test]
        fn a_signature_never_undercounts_shared_words(
            query in proptest::collection::vec(0u64..48, 0..40),
            passage in proptest::collection::vec(0u64..48, 0..40),
        ) {
            let spread = |words: &[u64]| -> Vec<u64> {
                words.iter().map(|word| mix(*word)).collect()
            };
            let (query, passage) = (spread(&query), spread(&passage));
            let possible = WordSignature::of(&passage).possible_words(&query);
            proptest::prop_assert!(possible >= shared_words(&query, &passage));
            proptest::prop_assert_eq!(WordSignature::ANY.possible_words(&query), query.len());
        }
    }

    #[test]
    fn the_function_word_table_holds_the_function_words_and_no_others() {
        let table = function_words();
        assert!(FUNCTION_WORDS
            .iter()
            .all(|word| table.contains(word_hash(word))));
        for word in ["river", "mayor", "Kyiv", "x", "", "thee", "an't"] {
            assert!(!table.contains(word_hash(word)), "{word}");
        }
        assert!(!table.contains(0));
    }

    #[test]
    fn a_signature_rules_out_words_in_empty_buckets() {
        let words: Vec<u64> = (0..32).map(|bucket| bucket << 59).collect();
        let signature = WordSignature::of(&words[..10]);
        assert_eq!(signature.possible_words(&words), 10);
        assert_eq!(
            signature.union(WordSignature::of(&words[10..])),
            WordSignature::ANY
        );
    }

    #[test]
    fn folding_ignores_case_and_curly_apostrophes() {
        let curly = ParagraphPrint::of("Zelensky’s office confirmed the TALKS on Monday.");
        let straight = ParagraphPrint::of("zelensky's office confirmed the talks on monday");
        assert_eq!(curly.words, straight.words);
        assert_eq!(
            paragraph_fingerprints("Zelensky’s office confirmed the TALKS on Monday."),
            paragraph_fingerprints("zelensky's office confirmed the talks on monday")
        );
    }

    #[test]
    fn html_left_by_a_cms_is_no_words() {
        let exported = ParagraphPrint::of(
            "<strong>The Harbour Years</strong> &ndash; Harkness Gallery, until Aug. 31.<br> \
             The artist&#8217;s family lent <a href=\"/x\">sketchbooks</a> &#x2014; free.",
        );
        let plain = ParagraphPrint::of(
            "The Harbour Years Harkness Gallery, until Aug. 31. The artist s family lent \
             sketchbooks free.",
        );
        assert_eq!(exported.words, plain.words);
        // A tag inside a byline's line is one range with it.
        assert_eq!(
            disjoint(vec![20..24, 0..30, 40..45, 45..50]),
            vec![0..30, 40..50]
        );
        // Not markup: a comparison, an ampersand in a name, a bare `&` before a word.
        let kept = ParagraphPrint::of("Profits <5% at AT&T; Smith & Sons gained &more.");
        let spelled = ParagraphPrint::of("Profits 5 at AT T Smith Sons gained more");
        assert_eq!(kept.words, spelled.words);
    }

    #[test]
    fn prints_depend_only_on_the_paragraph_text() {
        let paragraph = "Crews evacuated more than 4,000 residents from low-lying districts.";
        let alone = Document::parse(paragraph, crate::analysis::Format::Markdown);
        let amid = format!("# Flood\n\nAn unrelated opening paragraph.\n\n{paragraph}\n");
        let amid = Document::parse(&amid, crate::analysis::Format::Markdown);
        let first = &DocumentPrint::of(&alone).paragraphs[0].print;
        let second = &DocumentPrint::of(&amid).paragraphs[1].print;
        assert_eq!(first, second);
    }

    #[test]
    fn sentences_hold_every_kept_word_in_order() {
        let print = ParagraphPrint::of("The river rose. Crews worked all night! Did it help?");
        let spans: Vec<Range<usize>> = print.sentences.iter().map(|s| s.words.clone()).collect();
        assert_eq!(spans, vec![0..3, 3..7, 7..10]);
        assert_eq!(print.sentence_of_word(5), Some(1));
        assert_eq!(print.sentence_of_word(10), None);
    }

    #[test]
    fn stock_phrases_datelines_and_bylines_are_not_counted() {
        // "the ministry" is all that is left of the first.
        assert_eq!(
            kept_words("The ministry did not immediately respond to a request for comment."),
            2
        );
        assert_eq!(kept_words("Police declined to comment."), 1);
        // Editors' notes.
        assert_eq!(
            kept_words("The interview has been edited for length and clarity."),
            4
        );
        assert_eq!(
            kept_words("This conversation was lightly edited and condensed for clarity."),
            4
        );
        assert_eq!(
            kept_words("An earlier version of this story misspelled her name."),
            4
        );
        assert_eq!(
            kept_words("This story has been updated to include a statement from the FDA."),
            5
        );
        assert_eq!(kept_words("This article was corrected."), 0);
        assert_eq!(kept_words("The ministry said in a statement."), 2);
        assert_eq!(
            kept_words("Two officials spoke on condition of anonymity."),
            2
        );
        assert_eq!(
            kept_words("KYIV, Ukraine (AP) — Russian drones struck the city."),
            5
        );
        assert_eq!(kept_words("WASHINGTON (Reuters) - Talks resumed."), 2);
        assert_eq!(kept_words("LONDON—Talks resumed."), 2);
        assert_eq!(kept_words("Grimma, Germany (AP) — Talks resumed."), 2);
        assert_eq!(
            kept_words("NATO and EU leaders met on Monday — and agreed."),
            9
        );
        assert_eq!(kept_words("The deal (worth $5 billion) — was signed."), 7);
        assert_eq!(kept_words("BERLIN, June 3 (dpa) - Talks resumed."), 2);
        assert_eq!(
            kept_words("By Jane Doe and John Smith, Associated Press Writers"),
            0
        );
        // A paragraph block holding a dek, a byline line, a dateline and a pasted dateline.
        let glued = "A dek sentence here.\r\nBy Jonas Weber\r\nOFFENBACH, Germany — Ayşe Kılıç won the runoff.\r\nOFFENBACH, Germany — Ayşe Kılıç won the runoff.";
        let print = ParagraphPrint::of(glued);
        assert_eq!(print.words.len(), 4 + 5 + 5);
        assert_eq!(
            &glued[print.sentences[1].range.clone()],
            "OFFENBACH, Germany — Ayşe Kılıç won the runoff."
        );
        assert_eq!(
            print.words[print.sentences[1].words.clone()],
            print.words[print.sentences[2].words.clone()]
        );
        assert_eq!(kept_words("By JANE DOE, Associated Press"), 0);
        // A byline may give the writer's job or where it was written, after a comma.
        assert_eq!(
            kept_words("By Graham Tyldesley, North West football correspondent"),
            0
        );
        assert_eq!(
            kept_words("By Priya Raghavan, at the Cooper Associates County Ground"),
            0
        );
        assert_eq!(kept_words("By Olena Marchenko, in Kyiv"), 0);
        assert_eq!(kept_words("By Monday, crews from the county"), 6);
        assert_eq!(kept_words("By Friday, the reporter"), 4);
        // Wire credits, on one line or wrapped, and glued under a paragraph.
        assert_eq!(
            kept_words(
                "Reporting by Marcus Feld and Priya Raman in New York; Editing by Dana Whitcombe"
            ),
            0
        );
        assert_eq!(
            kept_words("(Reporting by Liz Carver and the Beijing newsroom;\nAdditional reporting by Yusuf Kamal in Cairo; Editing by\nRosalind Hale)"),
            0
        );
        assert_eq!(
            kept_words("Talks resumed on Monday.\nWriting by Ana Ruiz; Editing by Sam Holt."),
            4
        );
        // Prose that credits someone is copy.
        assert_eq!(
            kept_words("Reporting by Reuters showed the deal was delayed."),
            8
        );
        assert_eq!(
            kept_words("The report was written by Ana Ruiz and Sam Holt."),
            10
        );
        assert_eq!(kept_words("By Monday the water had reached the roofs"), 8);
        // Not bylines or datelines: ordinary prose that happens to start alike.
        assert_eq!(kept_words("By Monday, the river had fallen."), 6);
        assert_eq!(kept_words("Officials — not residents — decided."), 4);
    }

    #[test]
    fn sentence_cursor_agrees_with_a_search_in_any_order() {
        let print = ParagraphPrint::of("The river rose. Crews worked all night! Did it help?");
        let searched = |word: usize| {
            print
                .sentence_of_word(word)
                .map_or(UNKNOWN_PLACE, |number| {
                    let words = print.sentences[number].words.clone();
                    let signature = WordSignature::of(&print.words[words.clone()]);
                    (number as u16, words.len() as u8, signature)
                })
        };
        let mut cursor = SentenceCursor::new(&print);
        for word in (0..12).chain((0..12).rev()).chain([3, 9, 0, 11]) {
            assert_eq!(cursor.sentence_of(word), searched(word), "word {word}");
        }
    }

    #[test]
    fn shingles_of_function_words_alone_are_meaningless() {
        let print = ParagraphPrint::of("one of the river crossings");
        let shingles = print.shingles();
        assert_eq!(shingles.len(), 3);
        assert!(!is_meaningful(shingles[0]));
        assert!(is_meaningful(shingles[1]));
    }

    #[test]
    fn winnowing_keeps_one_of_every_window() {
        let hashes = [5, 3, 8, 8, 1, 9, 2, 2, 2, 7];
        let kept = winnow(&hashes, 2);
        for start in 0..hashes.len() - 1 {
            assert!(
                kept.iter().any(|f| f.word == start || f.word == start + 1),
                "window at {start} has no fingerprint"
            );
        }
        assert!(kept.len() < hashes.len());
        assert!(winnow(&[], 2).is_empty());
        assert_eq!(winnow(&[4], 3), vec![Fingerprint { hash: 4, word: 0 }]);
    }

    #[test]
    fn a_shared_run_of_four_words_always_shares_a_fingerprint() {
        // The winnowing guarantee, SHINGLE_WORDS + WINNOW_WINDOW - 1 = 4 words: whatever words
        // surround a shared run, a query's shingles meet the other paragraph's fingerprints.
        assert_eq!(SHINGLE_WORDS + WINNOW_WINDOW - 1, 4);
        let run = "residents from low-lying"; // four words: the hyphen splits
        for context in 0..200 {
            let word = |n: usize| format!("w{}x{}", context, n);
            let original = format!("{} {} {run} {} {}", word(1), word(2), word(3), word(4));
            let copy = format!("{} {run} {} {} {}", word(5), word(6), word(7), word(8));
            let kept = paragraph_fingerprints(&original);
            let shared = ParagraphPrint::of(&copy)
                .shingles()
                .iter()
                .filter(|shingle| kept.contains(shingle))
                .count();
            assert!(shared > 0, "{original} / {copy}");
        }
    }

    #[test]
    fn index_adds_and_removes_paragraphs() {
        let print = ParagraphPrint::of("Crews evacuated more than 4,000 residents on Sunday.");
        let mut index = FingerprintIndex::default();
        index.add_paragraph(1, 0, &print, Coverage::Winnowed);
        index.add_paragraph(2, 3, &print, Coverage::Winnowed);
        let first = print.fingerprints()[0].hash;
        let documents: Vec<u32> = index.postings(first).iter().map(|p| p.document).collect();
        assert_eq!(documents, vec![1, 2]);
        index.remove_paragraph(1, 0, &print, Coverage::Winnowed);
        assert_eq!(index.postings(first)[0].paragraph, 3);
        index.remove_paragraph(2, 3, &print, Coverage::Winnowed);
        assert!(index.is_empty());
    }

    #[test]
    fn a_flat_index_holds_the_postings_of_one_built_paragraph_by_paragraph() {
        let paragraphs = [
            "The river rose faster than forecasters had expected on Sunday night.",
            "",
            "Crews said the river rose faster than forecasters had expected, and the river rose.",
            "The river rose faster than forecasters had expected on Sunday night. Again.",
            "By Jane Doe",
        ];
        let prints: Vec<ParagraphPrint> =
            paragraphs.iter().map(|p| ParagraphPrint::of(p)).collect();
        let shingles: Vec<Vec<u64>> = prints.iter().map(ParagraphPrint::shingles).collect();
        let mut built = FingerprintIndex::default();
        for (number, (print, shingles)) in prints.iter().zip(&shingles).enumerate() {
            built.add_shingles(7, to_u32(number), print, shingles);
        }
        let flat =
            FlatIndex::of_paragraphs(7, prints.iter().zip(shingles.iter().map(Vec::as_slice)));
        let mut shared = 0;
        for shingle in shingles.iter().flatten().copied().chain([0, 1, u64::MAX]) {
            assert_eq!(
                flat.postings(shingle),
                built.postings(shingle),
                "{shingle:x}"
            );
            shared += usize::from(flat.postings(shingle).len() > 1);
        }
        // The paragraphs repeat one another: lists of several postings are compared too.
        assert!(shared > 10, "{shared}");
        assert!(FlatIndex::of_paragraphs(
            0,
            prints[..0].iter().zip(shingles.iter().map(Vec::as_slice))
        )
        .postings(shingles[0][0])
        .is_empty());
    }

    #[test]
    fn messy_text_never_panics() {
        for text in [
            "",
            "   ",
            "...!?",
            "—",
            "By",
            "KYIV —",
            "— — —",
            "did not",
            "🙂🙂 🙂",
            "_ __ ___",
            "a\u{0}b\r\n\rc",
        ] {
            let print = ParagraphPrint::of(text);
            let _ = print.fingerprints();
            let _ = paragraph_fingerprints(text);
        }
    }
}
