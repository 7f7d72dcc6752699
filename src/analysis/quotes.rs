//! Direct quotations: where each quote in a paragraph is (quote marks told apart from
//! apostrophes and inches), what kind it is (speech, fragment, title, nickname) and who it is
//! attributed to, following NEWS-STYLE.md "Direct quotes and attribution". Used by the
//! `unattributed-quote` check and by entity hovers ("quotes attributed to this person").

use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
// Keys are paragraph texts and words: FxHash reads them a word at a time, several times
// faster than the default SipHash, and nothing here needs protection from chosen keys.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use super::document::Document;
use super::settings::Settings;
use super::text;
use unicode_segmentation::UnicodeSegmentation;

mod memory;

pub use memory::QuoteMemory;
use memory::{KeptParagraph, ProperLookups, SpanMemory, WindowKey};

/// Which family of marks opens and closes a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// `"…"` or `“…”`.
    Double,
    /// `'…'` or `‘…’`.
    Single,
}

/// A quoted stretch of one paragraph, before any judgement about what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// From the opening mark to the closing mark inclusive; to the paragraph's end when the
    /// quote does not close in the paragraph.
    pub range: Range<usize>,
    /// The quoted words, without the marks.
    pub inner: Range<usize>,
    pub mark: Mark,
    pub closed: bool,
}

/// What a quote is, as far as attribution goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// Quoted speech or writing: needs a speaker.
    Speech,
    /// One to three quoted words inside a sentence: a scare quote, words used as words or a
    /// short partial quote (`the so-called "reform"`).
    Fragment,
    /// The title of a work: `the report "Building for the Long Term"`.
    Title,
    /// A nickname between a first name and a surname: `Dwayne "The Rock" Johnson`.
    Nickname,
}

/// How a quote's speaker is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributionKind {
    /// A speech verb or cue phrase in the quote's own sentence: `"…," the mayor said.`
    Sentence,
    /// A colon introduction: `Ruiz said: "…"`, or a previous paragraph ending in a colon.
    Colon,
    /// A dash signature after the quote: `"…" — Ana Ruiz`.
    Signature,
    /// The speaker is named in the sentence before, in the same paragraph.
    PrecedingSentence,
    /// The next sentence of the paragraph opens with the speaker: `"…" Ruiz said it twice.`
    FollowingSentence,
    /// Next to an attributed quote sentence of the same paragraph: `"A," she said. "B." "C."`
    QuoteRun,
    /// A paragraph-long quote after a paragraph that ends with its speaker.
    PreviousParagraph,
    /// A paragraph-long quote before a paragraph that opens with its speaker.
    NextParagraph,
    /// One paragraph of a multi-paragraph quote attributed in another of its paragraphs.
    Continuation,
}

/// Who a quote is attributed to and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub kind: AttributionKind,
    /// The words naming the speaker (`the mayor`, `Ana Ruiz`, `she`) when they could be
    /// pinned down; `None` for forms like `in a statement` or a bare colon introduction.
    pub speaker: Option<Range<usize>>,
}

/// A direct quotation in a paragraph with its kind and attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The marks and the words between them (to the paragraph's end when not closed).
    pub range: Range<usize>,
    /// The quoted words.
    pub inner: Range<usize>,
    pub mark: Mark,
    pub closed: bool,
    /// Index of the paragraph in `Document::blocks`.
    pub block: usize,
    pub kind: QuoteKind,
    /// The quote is its whole sentence: nothing but the quote and punctuation.
    pub standalone: bool,
    /// For a later paragraph of a multi-paragraph quote: the index (in the list returned by
    /// `find_quotes`) of its first paragraph's quote.
    pub continues: Option<usize>,
    /// How many paragraphs the quote runs over (on its first paragraph; 1 elsewhere).
    pub paragraphs: usize,
    pub attribution: Option<Attribution>,
}

impl Quote {
    /// Whether the copy desk should ask for a speaker: quoted speech that stands alone with no
    /// attribution anywhere around it. Unclosed quotes that do not run on into the next
    /// paragraph are left alone: they are a punctuation slip, not an attribution problem.
    pub fn needs_speaker(&self) -> bool {
        self.kind == QuoteKind::Speech
            && self.standalone
            && self.attribution.is_none()
            && self.continues.is_none()
            && (self.closed || self.paragraphs > 1)
    }
}

/// The quote containing byte `offset`, if any.
pub fn quote_at(quotes: &[Quote], offset: usize) -> Option<&Quote> {
    quotes
        .iter()
        .find(|quote| quote.range.start <= offset && offset < quote.range.end)
}

/// Every direct quotation in the paragraphs of `doc` (headings, code and comments are not
/// prose), in text order, each with its kind and attribution. Speech verbs and cue phrases
/// from `settings` are accepted besides the built-in ones.
pub fn find_quotes(doc: &Document<'_>, settings: &Settings) -> Vec<Quote> {
    find_quotes_remembering(doc, settings, None)
}

/// [`find_quotes`] for a document checked again and again: `memory` keeps, from one call to
/// the next, each paragraph's capitalised words (so the story's proper nouns are not found
/// again in paragraphs an edit left alone) and each quote paragraph's quotes (so only quote
/// paragraphs whose text or neighbours changed are analysed again). The result is the same.
pub fn find_quotes_again(
    doc: &Document<'_>,
    settings: &Settings,
    memory: &mut Option<QuoteMemory>,
) -> Vec<Quote> {
    let memory = memory.get_or_insert_with(QuoteMemory::default);
    memory.use_settings(settings);
    find_quotes_remembering(doc, settings, Some(memory))
}

fn find_quotes_remembering(
    doc: &Document<'_>,
    settings: &Settings,
    mut memory: Option<&mut QuoteMemory>,
) -> Vec<Quote> {
    let spans = memory
        .as_deref_mut()
        .and_then(|memory| memory.spans_for(doc.text.len()));
    let scanned = scan_paragraphs(doc, spans);
    if scanned.iter().all(|(_, _, _, spans)| spans.is_empty()) {
        return Vec::new();
    }
    // Only paragraphs with quotes, and their neighbours, are ever read sentence by sentence.
    let has_quotes: Vec<bool> = scanned
        .iter()
        .map(|(.., spans)| !spans.is_empty())
        .collect();
    let read = |i: usize| {
        has_quotes[i]
            || (i > 0 && has_quotes[i - 1])
            || has_quotes.get(i + 1).copied().unwrap_or(false)
    };
    let paragraphs: Vec<Paragraph> = scanned
        .into_iter()
        .enumerate()
        .map(|(i, (block, stretch, content, spans))| {
            Paragraph::new(doc, block, stretch, content, spans, read(i))
        })
        .collect();
    let remembered = memory.as_mut().map(|m| std::mem::take(&mut m.proper));
    let analyzer = Analyzer {
        text: doc.text,
        lexicon: Lexicon::new(settings),
        proper: ProperNounFinder::new(doc.text, &paragraphs, remembered),
        lookups: RefCell::new(None),
        paragraphs: &paragraphs,
    };
    let mut kept = Remembering::new(doc.text, &paragraphs, memory.is_some());
    let (mut analysed, mut reused_count) = (0, 0);
    let mut quotes = Vec::new();
    let mut placements = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if paragraph.spans.is_empty() {
            continue;
        }
        let first = quotes.len();
        let window = kept.window(index);
        // Taken, not copied: a text with the same window twice finds the second one gone and
        // analyses it again.
        if let Some(reused) = window
            .as_ref()
            .and_then(|(_, key)| memory.as_deref_mut()?.take(key))
            .filter(|reused| {
                !reused.needs_proper_nouns() || reused.holds(|word| analyzer.is_proper(word))
            })
        {
            let (start, key) = window.expect("a reused paragraph has a window");
            for (quote, placement) in reused.placed(start, paragraph.block, index) {
                quotes.push(quote);
                placements.push(placement);
            }
            kept.keep(key, reused);
            reused_count += 1;
            continue;
        }
        analysed += 1;
        analyzer.record_lookups(window.is_some());
        for span in &paragraph.spans {
            let (quote, placement) = analyzer.quote(index, span);
            quotes.push(quote);
            placements.push(placement);
        }
        share_within_paragraph(&mut quotes[first..], &placements[first..]);
        analyzer.look_at_neighbour_paragraphs(index, &mut quotes[first..], &placements[first..]);
        let lookups = analyzer.take_lookups();
        if let (Some((start, key)), Some(lookups)) = (window, lookups) {
            if let Some(paragraph) =
                KeptParagraph::of(&quotes[first..], &placements[first..], start, lookups)
            {
                kept.keep(key, paragraph);
            }
        }
    }
    link_multi_paragraph_quotes(doc.text, &paragraphs, &mut quotes, &placements);
    if let Some(memory) = memory {
        if let Some(proper) = analyzer.proper.into_memory() {
            memory.proper = proper;
        }
        memory.replace_paragraphs(kept.into_kept(), (analysed, reused_count));
    }
    quotes
}

/// The quote paragraphs of this check, by window, to keep for the next.
struct Remembering<'p, 't> {
    text: &'t str,
    /// The document's paragraphs; empty when not remembering.
    paragraphs: &'p [Paragraph<'t>],
    hashes: Vec<Option<u64>>,
    kept: HashMap<WindowKey, KeptParagraph>,
}

impl<'p, 't> Remembering<'p, 't> {
    fn new(text: &'t str, paragraphs: &'p [Paragraph<'t>], active: bool) -> Remembering<'p, 't> {
        let paragraphs = if active { paragraphs } else { &[] };
        Remembering {
            text,
            paragraphs,
            hashes: vec![None; paragraphs.len()],
            kept: HashMap::default(),
        }
    }

    /// Where paragraph `index`'s window starts and its key, when remembering.
    fn window(&mut self, index: usize) -> Option<(usize, WindowKey)> {
        (index < self.paragraphs.len())
            .then(|| memory::window_key(self.text, self.paragraphs, index, &mut self.hashes))
    }

    fn keep(&mut self, key: WindowKey, paragraph: KeptParagraph) {
        self.kept.insert(key, paragraph);
    }

    fn into_kept(self) -> HashMap<WindowKey, KeptParagraph> {
        self.kept
    }
}

/// The quotes of every paragraph with words, as (block index, stretch, content, quotes). A
/// stretch is a run of paragraphs with no heading or other block between them; paragraphs
/// without words (a lone `>` line) do not break it.
fn scan_paragraphs(
    doc: &Document<'_>,
    mut memory: Option<&mut SpanMemory>,
) -> Vec<(usize, usize, Range<usize>, Vec<QuoteSpan>)> {
    let mut stretch = 0;
    let mut scanned = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        if !block.is_paragraph() {
            stretch += 1;
            continue;
        }
        if doc.slice(&block.content).chars().any(char::is_alphanumeric) {
            let spans = match memory.as_deref_mut() {
                Some(memory) => memory.spans_of(doc.text, block.content.clone()),
                None => quote_spans(doc.text, block.content.clone()),
            };
            scanned.push((index, stretch, block.content.clone(), spans));
        }
    }
    if let Some(memory) = memory {
        memory.forget_unused();
    }
    scanned
}

/// Finds the outermost quotes of `range` of `text` (one paragraph). Quotes nested inside them
/// are part of them; an opening mark left open runs to the paragraph's end.
pub fn quote_spans(text: &str, range: Range<usize>) -> Vec<QuoteSpan> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    match first_quote_mark(slice.as_bytes()) {
        Some(first) => Scanner::new(slice, range.start, first).run(),
        None => Vec::new(),
    }
}

/// Where the first mark `quote_mark` knows starts in `bytes`: a straight mark, or a curly one
/// (U+2018, U+2019, U+201C, U+201D: `E2 80 98`, `99`, `9C`, `9D`). A paragraph without one
/// has no quotes; dashes and other `E2` characters do not count.
fn first_quote_mark(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < bytes.len() {
        while i + 8 <= bytes.len() && !any_byte_of(&bytes[i..i + 8], [b'"', b'\'', 0xE2]) {
            i += 8;
        }
        match bytes.get(i) {
            None => return None,
            Some(b'"' | b'\'') => return Some(i),
            Some(0xE2)
                if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0x98 | 0x99 | 0x9C | 0x9D)) =>
            {
                return Some(i)
            }
            Some(_) => i += 1,
        }
    }
    None
}

/// Whether any of the eight bytes of `chunk` is one of `wanted` (a word-at-a-time test, so
/// long stretches of plain text are passed over quickly).
#[inline]
fn any_byte_of(chunk: &[u8], wanted: [u8; 3]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    let x = u64::from_le_bytes(word);
    wanted.iter().any(|&b| {
        let v = x ^ (ONES * u64::from(b));
        (v.wrapping_sub(ONES) & !v & HIGHS) != 0
    })
}

// ---------------------------------------------------------------------------------------------
// Quote marks

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Straight,
    Opening,
    Closing,
}

fn quote_mark(c: char) -> Option<(Mark, Shape)> {
    match c {
        '"' => Some((Mark::Double, Shape::Straight)),
        '“' => Some((Mark::Double, Shape::Opening)),
        '”' => Some((Mark::Double, Shape::Closing)),
        '\'' => Some((Mark::Single, Shape::Straight)),
        '‘' => Some((Mark::Single, Shape::Opening)),
        '’' => Some((Mark::Single, Shape::Closing)),
        _ => None,
    }
}

/// What one quote-mark character does in its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// An apostrophe, an inch mark or a stray mark.
    Ignore,
    /// An elision such as `'n'`: ignore this mark and skip this many more characters.
    Skip(usize),
}

/// Whether a mark sits where a quote could open (before a word) or close (after one).
#[derive(Debug, Clone, Copy)]
struct Flanks {
    open: bool,
    close: bool,
}

fn flanks(prev: Option<char>, next: Option<char>) -> Flanks {
    let open = match (prev, next) {
        (_, None) => false,
        (_, Some(n)) if n.is_whitespace() => false,
        (None, _) => true,
        (Some(p), Some(n)) => {
            p.is_whitespace()
                || comes_before_opening(p)
                // `said,"We`: punctuation, then the mark, then a word.
                || (!p.is_alphanumeric() && n.is_alphanumeric())
        }
    };
    let close = match (prev, next) {
        (None, _) => false,
        (Some(p), _) if p.is_whitespace() => false,
        (_, None) => true,
        (Some(p), Some(n)) => n.is_whitespace() || !n.is_alphanumeric() || ends_clause(p),
    };
    Flanks { open, close }
}

fn comes_before_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '—' | '–' | '-' | '/' | '*' | '_' | '>' | '«'
    ) || quote_mark(c).is_some()
}

fn ends_clause(c: char) -> bool {
    matches!(c, ',' | '.' | '!' | '?' | ';' | ':' | '…')
}

/// Elided words that start with an apostrophe: `'em`, `'til`, `'tis`.
const ELISIONS: &[&str] = &[
    "em", "til", "tis", "twas", "cause", "cos", "bout", "nuff", "cept", "fraid", "kay",
];

/// How far to look for a sure closing single quote before deciding `Jones' house` closes.
const LOOKAHEAD_CHARS: usize = 600;

#[derive(Debug, Clone, Copy)]
struct MarksAhead {
    sure_close: usize,
    sure_open: usize,
    double: usize,
}

struct OpenMark {
    mark: Mark,
    start: usize,
    inner_start: usize,
}

/// Walks one paragraph's characters, pairing opening and closing marks on a stack.
struct Scanner<'t> {
    slice: &'t str,
    base: usize,
    chars: Vec<(usize, char)>,
    masked: Vec<Range<usize>>,
    /// See `marks_ahead`; only built for paragraphs with an ambiguous single mark.
    ahead: OnceCell<Vec<MarksAhead>>,
    stack: Vec<OpenMark>,
    spans: Vec<QuoteSpan>,
}

impl<'t> Scanner<'t> {
    /// `first_mark` is where the first quote mark of `slice` starts. Characters are indexed
    /// from just after the last whitespace before it: a mark only looks back at its own word
    /// (and a missing previous character flanks a mark as whitespace does).
    fn new(slice: &'t str, base: usize, first_mark: usize) -> Self {
        let start = slice[..first_mark]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(at, c)| at + c.len_utf8());
        Scanner {
            slice,
            base,
            chars: char_offsets(slice, start),
            masked: masked_ranges(slice),
            ahead: OnceCell::new(),
            stack: Vec::new(),
            spans: Vec::new(),
        }
    }

    fn run(mut self) -> Vec<QuoteSpan> {
        let bytes = self.slice.as_bytes();
        let mut i = 0;
        let mut mask = 0;
        while i < self.chars.len() {
            // Only quote marks do anything: go straight to the next one.
            let from = self.chars[i].0;
            let Some(found) = first_quote_mark(&bytes[from..]) else {
                break;
            };
            i += self.chars[i..].partition_point(|&(offset, _)| offset < from + found);
            let Some(&(at, c)) = self.chars.get(i) else {
                break;
            };
            while mask < self.masked.len() && self.masked[mask].end <= at {
                mask += 1;
            }
            if let Some(hidden) = self.masked.get(mask).filter(|m| m.start <= at) {
                let end = hidden.end;
                i = self.chars.partition_point(|&(offset, _)| offset < end);
                continue;
            }
            if let Some((mark, shape)) = quote_mark(c) {
                match self.role(i, mark, shape) {
                    Role::Open => self.open(i, mark),
                    Role::Close => self.close(i, mark),
                    Role::Ignore => {}
                    Role::Skip(extra) => i += extra,
                }
            }
            i += 1;
        }
        self.finish()
    }

    fn neighbours(&self, i: usize) -> (Option<char>, Option<char>) {
        let prev = i
            .checked_sub(1)
            .and_then(|j| self.chars.get(j))
            .map(|c| c.1);
        (prev, self.chars.get(i + 1).map(|c| c.1))
    }

    fn has_open(&self, mark: Mark) -> bool {
        self.stack.iter().any(|open| open.mark == mark)
    }

    fn role(&self, i: usize, mark: Mark, shape: Shape) -> Role {
        let (prev, next) = self.neighbours(i);
        let flanks = flanks(prev, next);
        match mark {
            Mark::Double => self.double_role(i, shape, flanks),
            Mark::Single => self.single_role(i, shape, flanks, prev, next),
        }
    }

    fn double_role(&self, i: usize, shape: Shape, flanks: Flanks) -> Role {
        if self.is_inch_mark(i) {
            return Role::Ignore;
        }
        let open = self.has_open(Mark::Double);
        let next_is_text = self.chars.get(i + 1).is_some_and(|c| !c.1.is_whitespace());
        match shape {
            // A curly mark facing the wrong way is a smart-quote slip; trust where it sits.
            Shape::Opening if flanks.close && !flanks.open && open => Role::Close,
            Shape::Opening if next_is_text => Role::Open,
            Shape::Closing if flanks.open && !flanks.close && !open => Role::Open,
            Shape::Closing if open => Role::Close,
            Shape::Straight => match (flanks.open, flanks.close) {
                (true, true) if open => Role::Close,
                (true, _) => Role::Open,
                (false, true) if open => Role::Close,
                _ => Role::Ignore,
            },
            _ => Role::Ignore,
        }
    }

    fn single_role(
        &self,
        i: usize,
        shape: Shape,
        flanks: Flanks,
        prev: Option<char>,
        next: Option<char>,
    ) -> Role {
        // `don't`, `Russia's`, `O'Brien`, feet in `6'2"`.
        if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
            return Role::Ignore;
        }
        if !prev.is_some_and(char::is_alphanumeric) {
            if let Some(extra) = self.elision(i) {
                return Role::Skip(extra);
            }
        }
        let open = self.has_open(Mark::Single);
        if flanks.close && open && !(shape == Shape::Opening && flanks.open) {
            // `Chris' car` inside a single-quoted passage: a possessive if the passage closes
            // for sure further on.
            if is_ambiguous_close(prev, next) && self.sure_single_close_ahead(i) {
                return Role::Ignore;
            }
            return Role::Close;
        }
        let next_is_text = next.is_some_and(|c| !c.is_whitespace());
        match shape {
            Shape::Straight | Shape::Opening if flanks.open => Role::Open,
            Shape::Opening if next_is_text => Role::Open,
            Shape::Closing if flanks.open && !flanks.close => Role::Open,
            // `Chris' car`, `goin' home` with no single quote open: apostrophes.
            _ => Role::Ignore,
        }
    }

    /// `6'2"`, `5’11”`: digits, a foot mark, digits, then this inch mark.
    fn is_inch_mark(&self, i: usize) -> bool {
        let mut j = i;
        let mut digits = 0;
        while j > 0 && self.chars[j - 1].1.is_ascii_digit() {
            j -= 1;
            digits += 1;
        }
        digits > 0
            && j >= 2
            && matches!(self.chars[j - 1].1, '\'' | '’' | '′')
            && self.chars[j - 2].1.is_ascii_digit()
    }

    /// An apostrophe opening an elided word: `'n'` (returns 2, the characters to skip),
    /// `'90s`, `'em`, `'til` (return 0).
    fn elision(&self, i: usize) -> Option<usize> {
        let (at, c) = self.chars[i];
        let rest = self.slice.get(at + c.len_utf8()..).unwrap_or("");
        let mut after = rest.chars();
        if matches!(after.next(), Some('n' | 'N'))
            && matches!(after.next(), Some('\'' | '’'))
            && !after.next().is_some_and(char::is_alphanumeric)
        {
            return Some(2);
        }
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 2 {
            let following = rest[2..].chars().next();
            if following.is_none_or(|c| c == 's' || !c.is_alphanumeric()) {
                return Some(0);
            }
        }
        let word_len: usize = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        let word = rest[..word_len].to_lowercase();
        ELISIONS.contains(&word.as_str()).then_some(0)
    }

    /// Whether the single-quoted passage closes for certain soon after `i`: a sure closer
    /// within `LOOKAHEAD_CHARS`, before any new single quote opens and before the enclosing
    /// double quote (if any) ends.
    fn sure_single_close_ahead(&self, i: usize) -> bool {
        let ahead = self.ahead.get_or_init(|| self.marks_ahead());
        let Some(next) = ahead.get(i + 1) else {
            return false;
        };
        next.sure_close < i + 1 + LOOKAHEAD_CHARS
            && next.sure_close < next.sure_open
            && (!self.has_open(Mark::Double) || next.sure_close < next.double)
    }

    /// For each character index, where the next sure single closer, sure single opener and
    /// double mark are at or after it (`usize::MAX` for none): one backward pass.
    fn marks_ahead(&self) -> Vec<MarksAhead> {
        let none = MarksAhead {
            sure_close: usize::MAX,
            sure_open: usize::MAX,
            double: usize::MAX,
        };
        let mut ahead = vec![none; self.chars.len() + 1];
        for j in (0..self.chars.len()).rev() {
            let mut here = ahead[j + 1];
            match quote_mark(self.chars[j].1) {
                Some((Mark::Double, _)) => here.double = j,
                Some((Mark::Single, _)) => {
                    let (prev, next) = self.neighbours(j);
                    let flanks = flanks(prev, next);
                    let inside_word = prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric);
                    if !inside_word
                        && flanks.close
                        && !flanks.open
                        && !is_ambiguous_close(prev, next)
                    {
                        here.sure_close = j;
                    } else if flanks.open && !flanks.close && self.elision(j).is_none() {
                        here.sure_open = j;
                    }
                }
                _ => {}
            }
            ahead[j] = here;
        }
        ahead
    }

    fn open(&mut self, i: usize, mark: Mark) {
        let (at, c) = self.chars[i];
        let start = self.base + at;
        if self.stack.last().is_some_and(|top| top.mark == mark) {
            // Marks of one family do not nest: the earlier one was never closed.
            if let Some(top) = self.stack.pop() {
                if self.stack.is_empty() {
                    let end = self.base + self.slice[..at].trim_end().len();
                    self.push_span(top, end, false);
                }
            }
        }
        self.stack.push(OpenMark {
            mark,
            start,
            inner_start: start + c.len_utf8(),
        });
    }

    fn close(&mut self, i: usize, mark: Mark) {
        let Some(position) = self.stack.iter().rposition(|open| open.mark == mark) else {
            return;
        };
        // Quotes opened inside this one and never closed end with it.
        self.stack.truncate(position + 1);
        let Some(open) = self.stack.pop() else {
            return;
        };
        if self.stack.is_empty() {
            let (at, c) = self.chars[i];
            self.push_span(open, self.base + at + c.len_utf8(), true);
        }
    }

    fn push_span(&mut self, open: OpenMark, end: usize, closed: bool) {
        let mark_len = if closed {
            self.slice[..end - self.base]
                .chars()
                .next_back()
                .map_or(0, char::len_utf8)
        } else {
            0
        };
        let inner_end = (end - mark_len).max(open.inner_start);
        self.spans.push(QuoteSpan {
            range: open.start..end.max(open.inner_start),
            inner: open.inner_start..inner_end,
            mark: open.mark,
            closed,
        });
    }

    fn finish(mut self) -> Vec<QuoteSpan> {
        if !self.stack.is_empty() {
            let open = self.stack.swap_remove(0);
            let end = self.base + self.slice.trim_end().len();
            self.push_span(open, end, false);
        }
        self.spans
    }
}

/// The characters of `slice` from byte `start` on, with their byte offsets in `slice`.
fn char_offsets(slice: &str, start: usize) -> Vec<(usize, char)> {
    let bytes = slice.as_bytes();
    let mut chars = Vec::with_capacity(bytes.len() - start);
    let mut at = start;
    while at < bytes.len() {
        if bytes[at].is_ascii() {
            chars.push((at, bytes[at] as char));
            at += 1;
        } else if let Some(c) = slice[at..].chars().next() {
            chars.push((at, c));
            at += c.len_utf8();
        } else {
            break;
        }
    }
    chars
}

/// `Jones' house`: a mark after a letter and before a space may be an apostrophe.
fn is_ambiguous_close(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_whitespace)
}

/// Stretches of a paragraph that are markup, not prose: code spans, HTML tags and link
/// destinations (whose `"title"` is not a quote). Local byte ranges, sorted.
fn masked_ranges(slice: &str) -> Vec<Range<usize>> {
    const MAX_TAG: usize = 400;
    const MAX_SPAN: usize = 2000;
    let bytes = slice.as_bytes();
    let mut masked = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        while i + 8 <= bytes.len() && !any_byte_of(&bytes[i..i + 8], [b'`', b'<', b']']) {
            i += 8;
        }
        if i >= bytes.len() {
            break;
        }
        let found = match bytes[i] {
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                match code_span_end(bytes, i, run, MAX_SPAN) {
                    Some(end) => Some(end),
                    // An unmatched run of backticks is literal text.
                    None => {
                        i += run;
                        continue;
                    }
                }
            }
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!')) =>
            {
                find_byte(bytes, i + 1, b'>', b'<', MAX_TAG).map(|end| end + 1)
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                find_byte(bytes, i + 2, b')', b']', MAX_SPAN).map(|end| end + 1)
            }
            _ => None,
        };
        match found {
            Some(end) => {
                masked.push(i..end);
                i = end;
            }
            None => i += 1,
        }
    }
    masked
}

/// The first `wanted` byte from `from`, giving up at `stop` or after `limit` bytes.
fn find_byte(bytes: &[u8], from: usize, wanted: u8, stop: u8, limit: usize) -> Option<usize> {
    let end = bytes.len().min(from.saturating_add(limit));
    let at = (from..end).find(|&j| bytes[j] == wanted || bytes[j] == stop)?;
    (bytes[at] == wanted).then_some(at)
}

/// The end of a code span opened by `run` backticks at `start`: just after the next run of
/// exactly as many backticks.
fn code_span_end(bytes: &[u8], start: usize, run: usize, limit: usize) -> Option<usize> {
    let end = bytes.len().min(start + run + limit);
    let mut j = start + run;
    while j < end {
        if bytes[j] == b'`' {
            let closing = bytes[j..].iter().take_while(|&&b| b == b'`').count();
            if closing == run {
                return Some(j + run);
            }
            j += closing;
        } else {
            j += 1;
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Word lists

/// For each first byte, the range of entries of a sorted word list starting with it, so a
/// lookup searches a handful of entries; built at compile time by `in_list!`.
type FirstByteIndex = [(u16, u16); 256];

const fn first_byte_index(list: &[&str]) -> FirstByteIndex {
    let mut index = [(0u16, 0u16); 256];
    let mut i = 0;
    while i < list.len() {
        let bytes = list[i].as_bytes();
        if !bytes.is_empty() {
            let b = bytes[0] as usize;
            if index[b].1 == 0 {
                index[b].0 = i as u16;
            }
            index[b].1 = (i + 1) as u16;
        }
        i += 1;
    }
    index
}

/// Whether `word` is in the sorted word list `$list` (a constant).
macro_rules! in_list {
    ($list:expr, $word:expr) => {{
        const INDEX: FirstByteIndex = first_byte_index($list);
        contains(&$list, &INDEX, $word)
    }};
}

fn contains(sorted: &[&str], index: &FirstByteIndex, word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    let (start, end) = index[usize::from(first)];
    sorted[usize::from(start)..usize::from(end)]
        .binary_search_by(|entry| compare_bytes(entry.as_bytes(), word.as_bytes()))
        .is_ok()
}

/// `str` order, compared inline: the words are short, and a `memcmp` call per step of a
/// binary search cost more than the comparison itself.
#[inline]
fn compare_bytes(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Speech verbs by lemma; `Lexicon::is_speech_verb` accepts their inflections.
#[rustfmt::skip]
const SPEECH_LEMMAS: &[&str] = &[
    "accuse", "acknowledge", "add", "admit", "advise", "affirm", "agree", "allege", "announce",
    "answer", "argue", "ask", "assert", "assure", "bark", "beg", "bellow", "blame", "blog",
    "blurt", "boast", "breathe", "brief", "call", "caption", "caution", "challenge", "chant",
    "characterise", "characterize", "chime", "cite", "claim", "comment", "complain", "concede",
    "conclude", "concur", "confirm", "contend", "continue", "counter", "criticise", "criticize",
    "cry", "declare", "demand", "deny", "describe", "disclose", "dismiss", "email", "emphasise",
    "emphasize", "enquire", "exclaim", "explain", "fume", "groan", "growl", "grumble", "gush",
    "hail", "highlight", "hiss", "inform", "inquire", "insist", "interject", "interrupt", "joke",
    "label", "lament", "laugh", "maintain", "marvel", "mention", "message", "murmur", "muse",
    "mutter", "note", "object", "observe", "opine", "plead", "pledge", "point", "post", "praise",
    "predict", "proclaim", "promise", "propose", "protest", "question", "quip", "quote", "rage",
    "rant", "rap", "rave", "read", "recall", "reckon", "recommend", "recount", "reflect",
    "reiterate", "remark", "remind", "repeat", "reply", "report", "respond", "retort", "reveal",
    "roar", "say", "scoff", "scream", "share", "shout", "sigh", "sing", "snap", "sneer", "speak",
    "stammer", "state", "stress", "stutter", "suggest", "summarise", "summarize", "swear", "tease",
    "tell", "testify", "text", "thank", "threaten", "tweet", "urge", "vow", "warn", "welcome",
    "whine", "whisper", "wonder", "write", "yell",
];

const IRREGULAR_SPEECH_FORMS: &[&str] = &[
    "pled", "said", "sang", "spoke", "spoken", "sung", "swore", "sworn", "told", "written", "wrote",
];

/// Forms whose lemma is not reached by stripping a suffix.
fn irregular_speech_form(word: &str) -> bool {
    in_list!(IRREGULAR_SPEECH_FORMS, word)
}

/// Whether lowercase `word` is an inflection (`-s`, `-es`, `-ed`, `-ing`, `-ied`, doubled
/// consonants) of a lemma; `is_lemma(stem, tail)` asks about the lemma `stem + tail`, so the
/// common case needs no allocation.
fn is_form_of(word: &str, is_lemma: &dyn Fn(&str, &str) -> bool) -> bool {
    let undoubled = |stem: &str| {
        let bytes = stem.as_bytes();
        bytes.len() > 2
            && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
            && is_lemma(&stem[..stem.len() - 1], "")
    };
    let regular = |stem: &str| is_lemma(stem, "") || is_lemma(stem, "e") || undoubled(stem);
    is_lemma(word, "")
        || word
            .strip_suffix("ied")
            .or_else(|| word.strip_suffix("ies"))
            .is_some_and(|stem| is_lemma(stem, "y"))
        || word.strip_suffix("ing").is_some_and(regular)
        || word.strip_suffix("ed").is_some_and(regular)
        || word
            .strip_suffix("es")
            .is_some_and(|stem| is_lemma(stem, ""))
        || word
            .strip_suffix('s')
            .is_some_and(|stem| is_lemma(stem, ""))
}

/// Whether `stem + tail` is in the sorted `list`, without building the string.
fn contains_joined(list: &[&str], index: &FirstByteIndex, stem: &str, tail: &str) -> bool {
    let Some(&first) = stem.as_bytes().first().or(tail.as_bytes().first()) else {
        return false;
    };
    let (start, end) = index[usize::from(first)];
    list[usize::from(start)..usize::from(end)]
        .binary_search_by(|entry| entry.bytes().cmp(stem.bytes().chain(tail.bytes())))
        .is_ok()
}

/// Multi-word cues that attribute a quote without (or besides) a speech verb.
const CUE_PHRASES: &[&[&str]] = &[
    &["according", "to"],
    &["in", "a", "statement"],
    &["in", "statement"],
    &["in", "a", "joint", "statement"],
    &["in", "an", "interview"],
    &["in", "interviews"],
    &["in", "a", "post"],
    &["in", "a", "tweet"],
    &["in", "a", "letter"],
    &["in", "an", "email"],
    &["in", "a", "speech"],
    &["in", "a", "video"],
    &["in", "a", "message"],
    &["in", "remarks"],
    &["in", "comments"],
    &["in", "a", "press", "release"],
    &["in", "a", "news", "release"],
    &["in", "a", "filing"],
    &["in", "a", "memo"],
    &["in", "a", "note"],
    &["in", "a", "blog", "post"],
    &["in", "a", "podcast"],
    &["in", "an", "address"],
    &["in", "a", "briefing"],
    &["at", "a", "briefing"],
    &["at", "a", "news", "conference"],
    &["at", "a", "press", "conference"],
    &["in", "the", "words", "of"],
    &["in", "his", "words"],
    &["in", "her", "words"],
    &["in", "their", "words"],
    &["quoted", "as", "saying"],
    &["as", "saying"],
    &["put", "it"],
    &["speaking", "to"],
    &["speaking", "at"],
    &["speaking", "on"],
    &["speaking", "in"],
    &["on", "social", "media"],
    &["on", "twitter"],
    &["on", "facebook"],
    &["on", "instagram"],
    &["on", "telegram"],
];

#[rustfmt::skip]
const PERSON_ROLES: &[&str] = &[
    "activist", "actor", "actress", "adviser", "advisor", "aide", "ambassador", "analyst",
    "artist", "athlete", "attorney", "aunt", "author", "baker", "bishop", "boss", "boy", "brother",
    "campaigner", "candidate", "captain", "ceo", "chair", "chairman", "chairperson", "chairwoman",
    "chancellor", "chef", "chief", "child", "children", "citizen", "clerk", "coach", "colleague",
    "commander", "commissioner", "constable", "councillor", "councilor", "counsel", "cousin",
    "customer", "dad", "daughter", "defender", "deputy", "detective", "diplomat", "director",
    "doctor", "driver", "economist", "editor", "employee", "envoy", "executive", "expert", "fan",
    "farmer", "father", "fiance", "fiancee", "firefighter", "fisherman", "founder", "friend",
    "general", "girl", "goalkeeper", "governor", "grandfather", "grandmother", "guard", "head",
    "historian", "host", "husband", "imam", "inspector", "journalist", "judge", "king", "landlady",
    "landlord", "lawmaker", "lawyer", "leader", "legislator", "local", "locals", "man", "manager",
    "mayor", "medic", "member", "men", "midfielder", "migrant", "miner", "minister", "mother",
    "mp", "mum", "negotiator", "neighbor", "neighbour", "nurse", "officer", "official",
    "officials", "organiser", "organizer", "owner", "paramedic", "parent", "partner", "passenger",
    "pastor", "patient", "pensioner", "people", "person", "pharmacist", "pilot", "player", "pope",
    "premier", "presenter", "president", "priest", "prince", "princess", "professor", "prosecutor",
    "protester", "protestor", "queen", "rabbi", "referee", "refugee", "reporter", "representative",
    "researcher", "resident", "residents", "rider", "runner", "scientist", "secretary", "senator",
    "sergeant", "sheriff", "shopper", "singer", "sister", "soldier", "son", "source", "spokesman",
    "spokesmen", "spokespeople", "spokesperson", "spokeswoman", "spokeswomen", "staff", "staffer",
    "striker", "student", "superintendent", "survivor", "teacher", "tenant", "trainer", "trooper",
    "umpire", "uncle", "veteran", "victim", "villager", "volunteer", "voter", "wife", "witness",
    "woman", "women", "worker", "writer",
];

#[rustfmt::skip]
const BODY_ROLES: &[&str] = &[
    "administration", "agency", "army", "authorities", "authority", "board", "cabinet", "campaign",
    "club", "committee", "company", "council", "court", "department", "embassy", "firm",
    "government", "group", "hospital", "military", "ministry", "office", "organisation",
    "organization", "party", "police", "regulator", "school", "team", "union", "university",
];

/// Roles that also qualify a noun after them (`the general election`, `the chief concern`,
/// `the head count`, `the staff report`) (sorted).
const MODIFYING_ROLES: &[&str] = &["chief", "executive", "general", "head", "local", "staff"];

/// `engineer`, `producer`, `strategist`, `physician`: a noun for someone who does something.
fn names_a_doer(lower: &str) -> bool {
    lower.len() > 4
        && ["er", "or", "ist", "ian"]
            .iter()
            .any(|end| lower.ends_with(end))
}

/// What a role word that doubles as a modifier qualifies (see `Analyzer::modified_by_role`).
enum Modified {
    /// Nothing: it is the role itself.
    Nothing,
    /// A second role: `the general manager`.
    Role(Range<usize>),
    /// A plain noun: `the general fund`.
    Noun,
}

/// Words that name a person or body by role: `the mayor`, `police`, `one resident`.
fn is_role_lemma(word: &str) -> bool {
    in_list!(PERSON_ROLES, word) || in_list!(BODY_ROLES, word)
}

fn is_role(lower: &str) -> bool {
    with_plural(lower, is_role_lemma)
}

/// A role that is a person, not a body: `the mayor`, `residents`, but not `the council`.
fn is_person_role(lower: &str) -> bool {
    with_plural(lower, |word| in_list!(PERSON_ROLES, word))
}

fn with_plural(lower: &str, is_lemma: impl Fn(&str) -> bool) -> bool {
    is_lemma(lower)
        || lower.strip_suffix('s').is_some_and(&is_lemma)
        || lower.strip_suffix("es").is_some_and(&is_lemma)
}

const PERSON_PRONOUNS: &[&str] = &[
    "he", "her", "hers", "him", "his", "i", "me", "my", "our", "she", "their", "them", "they", "we",
];

/// Pronouns that point at a person (not `it`): a sentence with one names someone.
fn is_person_pronoun(lower: &str) -> bool {
    in_list!(PERSON_PRONOUNS, without_contraction(lower))
}

const SUBJECT_PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "you"];

/// Pronouns that can be the subject of a speech verb, `it` included (`"…," it said`).
fn is_subject_pronoun(lower: &str) -> bool {
    in_list!(SUBJECT_PRONOUNS, without_contraction(lower))
}

/// A subject pronoun that is a person: not `it` or the reader's `you`.
fn is_person_subject(lower: &str) -> bool {
    is_subject_pronoun(lower) && !matches!(without_contraction(lower), "it" | "you")
}

/// A pronoun without a contracted verb: `he'd` → `he`, `they’re` → `they`.
fn without_contraction(lower: &str) -> &str {
    [
        "'d", "'s", "'ll", "'re", "'ve", "'m", "’d", "’s", "’ll", "’re", "’ve", "’m",
    ]
    .iter()
    .find_map(|ending| lower.strip_suffix(ending))
    .unwrap_or(lower)
}

const DETERMINERS: &[&str] = &[
    "a", "an", "another", "five", "four", "her", "his", "its", "local", "many", "my", "one",
    "other", "our", "senior", "several", "some", "that", "the", "their", "these", "this", "those",
    "three", "two",
];

fn is_determiner(lower: &str) -> bool {
    in_list!(DETERMINERS, lower)
}

#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "about", "advertisement", "after", "all", "also", "although", "among", "and", "as", "at",
    "because", "before", "between", "both", "but", "by", "despite", "during", "each", "earlier",
    "editor's", "even", "every", "everybody", "everyone", "everything", "few", "first", "for",
    "from", "he", "here", "how", "however", "i", "if", "in", "indeed", "instead", "into", "it",
    "just", "last", "later", "less", "meanwhile", "more", "most", "next", "no", "nobody", "nor",
    "not", "note", "nothing", "now", "of", "on", "once", "only", "or", "over", "photo",
    "please", "read", "related", "see", "she", "since", "so", "somebody", "someone", "still",
    "such", "thanks", "then", "there", "they", "though", "through", "to", "under", "until",
    "update", "video", "watch", "we", "well", "what", "when", "where", "which", "while", "who",
    "why", "with", "yes", "yet", "you",
];

/// Capitalised words that are not names when they open a sentence or stand alone.
fn is_function_word(lower: &str) -> bool {
    is_determiner(lower) || in_list!(FUNCTION_WORDS, lower)
}

#[rustfmt::skip]
const CALENDAR_WORDS: &[&str] = &[
    "apr", "april", "aug", "august", "dec", "december", "feb", "february", "friday", "jan",
    "january", "jul", "july", "jun", "june", "mar", "march", "may", "monday", "nov", "november",
    "oct", "october", "saturday", "sep", "sept", "september", "sunday", "thursday", "today",
    "tomorrow", "tonight", "tuesday", "wednesday", "yesterday",
];

fn is_calendar_word(lower: &str) -> bool {
    in_list!(CALENDAR_WORDS, lower)
}

#[rustfmt::skip]
const PLACE_PREPOSITIONS: &[&str] = &[
    "across", "around", "at", "from", "in", "inside", "into", "near", "of", "outside", "through",
    "throughout", "to", "toward", "towards", "via",
];

/// Words after which a capitalised word is more likely a place than a speaker.
fn is_place_preposition(lower: &str) -> bool {
    in_list!(PLACE_PREPOSITIONS, lower)
}

const PHRASE_BOUNDARIES: &[&str] = &[
    "about", "after", "also", "although", "and", "are", "as", "at", "be", "because", "been",
    "before", "but", "by", "during", "for", "from", "had", "has", "have", "how", "if", "in",
    "into", "is", "later", "never", "not", "now", "on", "once", "or", "over", "since", "so",
    "than", "that", "then", "though", "to", "until", "was", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "why", "with",
];

/// Words that end a speaker phrase when collecting it backwards from a verb.
fn is_phrase_boundary(lower: &str) -> bool {
    in_list!(PHRASE_BOUNDARIES, lower)
}

#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "again", "already", "also", "angrily", "are", "been", "bluntly", "can", "could", "did", "do",
    "does", "earlier", "firmly", "flatly", "further", "had", "has", "have", "is", "just", "later",
    "may", "might", "now", "often", "once", "only", "openly", "previously", "privately",
    "publicly", "quickly", "quietly", "recently", "repeatedly", "reportedly", "should", "simply",
    "subsequently", "then", "was", "were", "will", "would",
];

/// Words that may sit between a speaker and the speech verb: `Ruiz has also said`.
fn is_auxiliary(lower: &str) -> bool {
    in_list!(AUXILIARIES, lower)
}

const FILLERS: &[&str] = &[
    "again", "also", "and", "but", "however", "indeed", "instead", "now", "oh", "or", "plus", "so",
    "still", "then", "too", "well", "yet",
];

/// Nouns for what someone said: a sentence led by one introduces the quote after it.
#[rustfmt::skip]
const SPEECH_NOUNS: &[&str] = &[
    "advice", "answer", "argument", "assessment", "comment", "comments", "explanation",
    "message", "plea", "prediction", "reaction", "remarks", "reply", "response", "retort",
    "statement", "verdict", "warning", "words",
];

/// `responded with longer sentences`, `answered with a strike`: a verb of reply opening a
/// sentence, then `with` and no word for speech (`responded with a statement`) in the next few.
fn responds_in_deeds(words: &[Word]) -> bool {
    const REPLY_VERBS: &[&str] = &[
        "answer",
        "answered",
        "answers",
        "counter",
        "countered",
        "counters",
        "replied",
        "replies",
        "reply",
        "respond",
        "responded",
        "responds",
    ];
    let Some(verb) = words
        .iter()
        .take(OPENING_WORDS)
        .position(|word| REPLY_VERBS.contains(&&*word.lower))
    else {
        return false;
    };
    let after = &words[verb + 1..];
    after.first().is_some_and(|word| &*word.lower == "with")
        && !after
            .iter()
            .skip(1)
            .take(4)
            .any(|word| in_list!(SPEECH_NOUNS, &word.lower))
}

/// What of a person's own shows them speaking: `Ruiz's voice cracked.` (sorted).
#[rustfmt::skip]
const PERSONAL_NOUNS: &[&str] = &[
    "expression", "eyes", "face", "gaze", "hands", "head", "mood", "shoulders", "smile", "tone",
    "voice",
];

/// What of a company's trades or is counted, never speaking: `Solenne shares rose` (sorted).
#[rustfmt::skip]
const MARKET_NOUNS: &[&str] = &[
    "bonds", "earnings", "output", "price", "prices", "profit", "profits", "revenue", "sales",
    "shares", "stock", "stocks", "valuation",
];

/// The longest closing `, officials said on Sunday` clause.
const TRAILING_TAG_WORDS: usize = 6;

/// How far into a sentence its speech noun may come: `The ministry's brief statement`.
const SPEECH_NOUN_REACH: usize = 5;

/// Words a quote may share its sentence with and still stand alone: `But "…"`.
fn is_filler(lower: &str) -> bool {
    in_list!(FILLERS, lower)
}

#[rustfmt::skip]
const TITLE_CUES: &[&str] = &[
    "album", "anthem", "app", "article", "ballad", "banner", "bill", "billed", "blog", "book",
    "brand", "branded", "called", "campaign", "carol", "catchphrase", "chant", "chapter",
    "codenamed", "column",
    "documentary", "drama", "dubbed", "editorial", "entitled", "episode", "essay", "exhibit",
    "exhibition", "film", "game", "hashtag", "headline", "hymn", "labeled", "labelled", "lecture",
    "magazine", "memoir", "motto", "movie", "musical", "named", "newsletter", "newspaper",
    "nicknamed", "novel", "opera", "operation", "painting", "paper", "phrase", "placard", "play",
    "podcast", "poem", "prayer", "program", "programme", "project", "psalm", "reading", "record",
    "report", "section",
    "series", "sermon", "show", "sign", "single", "sitcom", "slogan", "song", "speech", "study",
    "tagline", "talk", "term", "titled", "tour", "track", "trademark", "website", "word", "words",
];

/// Nouns after which a quote is a title of a work, a term or a sign's text, not speech.
fn is_title_cue(lower: &str) -> bool {
    in_list!(TITLE_CUES, lower)
}

const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "de", "du", "for", "from", "in", "into", "la", "le",
    "nor", "of", "on", "or", "over", "per", "the", "to", "upon", "van", "via", "von", "vs", "with",
];

/// Small words that stay lowercase in a Title-Cased phrase.
fn is_title_small_word(lower: &str) -> bool {
    in_list!(TITLE_SMALL_WORDS, lower)
}

const NAME_PARTICLES: &[&str] = &[
    "al", "ben", "bin", "da", "das", "de", "del", "der", "di", "dos", "du", "el", "ibn", "la",
    "le", "st", "van", "von", "y",
];

/// Lowercase particles inside names: `Ursula von der Leyen`, `Bashar al-Assad`.
fn is_name_particle(lower: &str) -> bool {
    in_list!(NAME_PARTICLES, lower)
}

fn starts_uppercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised word, or a name behind an elided particle: `d'Almeida`, `dell’Orto`.
/// `The A9 between Helmsdale and Thurso`, `the M25`, `the N7`: a road, which says nothing.
fn is_road_number(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|road| matches!(road, 'A' | 'B' | 'M' | 'N' | 'E'))
        && (2..=5).contains(&word.len())
        && chars.all(|c| c.is_ascii_digit())
}

fn starts_like_a_name(word: &str) -> bool {
    if starts_uppercase(word) {
        return true;
    }
    word.split_once(['\'', '’'])
        .is_some_and(|(particle, name)| {
            (1..=4).contains(&particle.len())
                && particle.bytes().all(|b| b.is_ascii_lowercase())
                && starts_uppercase(name)
        })
}

/// A word without its possessive ending: `Kyiv's` → `Kyiv`.
fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Speech verbs and cue phrases in force: the built-in lists plus the newsroom's own.
struct Lexicon {
    extra_verbs: HashSet<String>,
    extra_cues: Vec<Vec<String>>,
}

impl Lexicon {
    fn new(settings: &Settings) -> Self {
        Lexicon {
            extra_verbs: settings
                .extra_attribution_verbs
                .iter()
                .map(|verb| verb.trim().to_lowercase())
                .filter(|verb| !verb.is_empty())
                .collect(),
            extra_cues: settings
                .extra_cue_phrases
                .iter()
                .map(|cue| {
                    text::words(cue, 0..cue.len())
                        .into_iter()
                        .map(|(_, word)| word.to_lowercase())
                        .collect::<Vec<_>>()
                })
                .filter(|cue| !cue.is_empty())
                .collect(),
        }
    }

    fn is_speech_verb(&self, lower: &str) -> bool {
        irregular_speech_form(lower)
            || is_form_of(lower, &|stem, tail| {
                const INDEX: FirstByteIndex = first_byte_index(SPEECH_LEMMAS);
                contains_joined(SPEECH_LEMMAS, &INDEX, stem, tail)
            })
            || (!self.extra_verbs.is_empty()
                && is_form_of(lower, &|stem, tail| {
                    self.extra_verbs.contains(&format!("{stem}{tail}"))
                }))
    }

    /// The cue phrase starting at word `start` of `lowers`, if any: the index just after it.
    fn cue_at(&self, lowers: &[&str], start: usize) -> Option<usize> {
        let rest = lowers.get(start..)?;
        let builtin = CUE_PHRASES
            .iter()
            .find(|cue| rest.len() >= cue.len() && cue.iter().zip(rest).all(|(a, b)| a == b))
            .map(|cue| cue.len());
        let extra = || {
            self.extra_cues
                .iter()
                .find(|cue| rest.len() >= cue.len() && cue.iter().zip(rest).all(|(a, b)| a == b))
                .map(Vec::len)
        };
        builtin.or_else(extra).map(|len| start + len)
    }
}

/// `The evening figures tell a different story`, `her record tells its own story`: the idiom
/// says what something shows, not who spoke.
fn tells_a_story(words: &[Word], index: usize) -> bool {
    let is_tell = matches!(&*words[index].lower, "tell" | "tells" | "told" | "telling");
    is_tell
        && words[index + 1..]
            .iter()
            .take(3)
            .any(|word| matches!(&*word.lower, "story" | "stories" | "tale"))
}

// ---------------------------------------------------------------------------------------------
// Attribution

/// How far from a quote (in bytes) its sentence is read for attribution; a quote whose
/// sentence runs on further is not standalone. Keeps pathological lines linear.
const WINDOW: usize = 300;
/// The longest speaker phrase collected next to a verb.
const MAX_SPEAKER_WORDS: usize = 6;
/// The longest appositive skipped between a speaker and the verb (`Ruiz, a nurse, said`).
const MAX_APPOSITIVE_WORDS: usize = 8;
/// How far into the next sentence a speaker may be named for `"…" Ruiz said it twice.`
const OPENING_WORDS: usize = 6;
/// A paragraph hands its subject on to a quote paragraph after it in a short sentence that
/// leads in (`His coach was more measured.`); a long one is background, whatever its subject
/// (`A WTO panel ruled in 2022 that the ban breached global trade rules, but …`).
const HANDOFF_MAX_WORDS: usize = 25;

/// A word of prose with its byte range.
#[derive(Debug, Clone)]
struct Word<'t> {
    range: Range<usize>,
    text: &'t str,
    /// Borrowed when the word has no capitals, as most do.
    lower: Cow<'t, str>,
}

impl<'t> Word<'t> {
    fn new(range: Range<usize>, text: &'t str) -> Self {
        let has_upper = if text.is_ascii() {
            text.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            text.chars().any(char::is_uppercase)
        };
        let lower = if has_upper {
            Cow::Owned(text.to_lowercase())
        } else {
            Cow::Borrowed(text)
        };
        Word { range, text, lower }
    }
}

/// `Some(speaker)` when someone is named; the speaker range may still be unknown.
type Mention = Option<Range<usize>>;

/// One paragraph with its quotes and sentences, and facts about its sentences worked out on
/// demand, once (a sentence may be asked about by many quotes). Sentences are split on first
/// use: a neighbour of a quote paragraph is often never read.
struct Paragraph<'t> {
    doc: &'t Document<'t>,
    block: usize,
    /// Paragraphs with the same stretch follow each other with nothing but blank lines between.
    stretch: usize,
    content: Range<usize>,
    spans: Vec<QuoteSpan>,
    /// Whether the paragraph may be read sentence by sentence at all.
    split_sentences: bool,
    split: OnceCell<Sentences<'t>>,
}

/// A paragraph's sentences and what is known about each.
struct Sentences<'t> {
    ranges: &'t [Range<usize>],
    /// Per sentence: its words outside quotes.
    words: Vec<OnceCell<Vec<Word<'t>>>>,
    names: Vec<OnceCell<Option<Mention>>>,
    openings: Vec<OnceCell<Option<Mention>>>,
}

impl<'t> Paragraph<'t> {
    fn new(
        doc: &'t Document<'t>,
        block: usize,
        stretch: usize,
        content: Range<usize>,
        spans: Vec<QuoteSpan>,
        split_sentences: bool,
    ) -> Self {
        Paragraph {
            doc,
            block,
            stretch,
            content,
            spans,
            split_sentences,
            split: OnceCell::new(),
        }
    }

    fn split(&self) -> &Sentences<'t> {
        self.split.get_or_init(|| {
            // The content is the block's: its sentences are the document's.
            let ranges = if self.split_sentences {
                self.doc.sentences(self.block)
            } else {
                &[]
            };
            Sentences {
                words: vec![OnceCell::new(); ranges.len()],
                names: vec![OnceCell::new(); ranges.len()],
                openings: vec![OnceCell::new(); ranges.len()],
                ranges,
            }
        })
    }

    fn sentences(&self) -> &[Range<usize>] {
        self.split().ranges
    }

    /// The first and last sentence overlapping `range`.
    fn sentences_overlapping(&self, range: &Range<usize>) -> Option<(usize, usize)> {
        let sentences = self.sentences();
        let first = sentences.partition_point(|s| s.end <= range.start);
        let after = sentences.partition_point(|s| s.start < range.end);
        (first < after).then(|| (first, after - 1))
    }
}

/// A quote's sentence around it: the sentences it spans, and the text before and after it
/// there (within `WINDOW`) with their words outside quotes.
struct Surroundings<'w> {
    first: usize,
    last: usize,
    before: Range<usize>,
    after: Range<usize>,
    before_words: &'w [Word<'w>],
    after_words: &'w [Word<'w>],
    nothing_after: bool,
}

/// Whether a word can sit inside a speaker phrase before its head: `the`, `senior`,
/// `Kremlin`, `spokesperson`, `city's`, `von` — but not a verb like `carried`.
fn fits_speaker_phrase(word: &Word) -> bool {
    let lower = word.lower.as_ref();
    !is_phrase_boundary(lower)
        && (starts_like_a_name(word.text)
            || is_determiner(lower)
            || is_role(lower)
            || is_name_particle(lower)
            || is_person_pronoun(lower)
            || without_possessive(lower) != lower
            || lower.starts_with(|c: char| c.is_ascii_digit()))
}

/// How many determiners (up to three: `all of the`) open a phrase, before its head word.
fn determiners_before_head(words: &[Word]) -> usize {
    words
        .iter()
        .take(3)
        .take_while(|word| is_determiner(&word.lower))
        .count()
}

/// Whether a kind of quote has a speaker at all (titles and nicknames do not).
fn is_spoken(kind: QuoteKind) -> bool {
    matches!(kind, QuoteKind::Speech | QuoteKind::Fragment)
}

/// Where a quote sits in its paragraph, for the passes that look beyond its sentence.
#[derive(Debug, Clone)]
struct Placement {
    paragraph: usize,
    first_sentence: usize,
    last_sentence: usize,
    /// No words of the paragraph before the quote.
    opens_paragraph: bool,
    /// No words of the paragraph after the quote.
    ends_paragraph: bool,
}

struct Analyzer<'a> {
    text: &'a str,
    lexicon: Lexicon,
    /// Capitalised words seen in mid-sentence somewhere in the document: names, so a
    /// sentence opening with one (`Ruiz was blunt.`) names someone.
    proper: ProperNounFinder<'a>,
    /// While a paragraph is analysed to be remembered: the proper-noun look-ups it makes.
    lookups: RefCell<Option<ProperLookups>>,
    paragraphs: &'a [Paragraph<'a>],
}

impl<'a> Analyzer<'a> {
    fn quote(&self, index: usize, span: &QuoteSpan) -> (Quote, Placement) {
        let paragraph = &self.paragraphs[index];
        let (first, last) = paragraph
            .sentences_overlapping(&span.range)
            .unwrap_or((0, 0));
        let sentence_start = paragraph
            .sentences()
            .get(first)
            .map_or(span.range.start, |s| s.start.min(span.range.start));
        let sentence_end = paragraph
            .sentences()
            .get(last)
            .map_or(span.range.end, |s| s.end.max(span.range.end));
        let (before, before_cut) = self.window_before(sentence_start, span.range.start);
        let (after, after_cut) = self.window_after(span.range.end, sentence_end);
        let before_words = self.words_in(paragraph, first, &before);
        let after_words = self.words_in(paragraph, last, &after);
        let nothing_before = !before_cut && before_words.iter().all(|w| is_filler(&w.lower));
        let nothing_after = !after_cut && after_words.iter().all(|w| is_filler(&w.lower));
        let standalone = nothing_before && nothing_after;
        let kind = self.kind(paragraph, span, standalone);
        let around = Surroundings {
            first,
            last,
            before,
            after,
            before_words,
            after_words,
            nothing_after,
        };
        let attribution = is_spoken(kind)
            .then(|| self.attribution_in_paragraph(paragraph, span, &around))
            .flatten();
        let quote = Quote {
            range: span.range.clone(),
            inner: span.inner.clone(),
            mark: span.mark,
            closed: span.closed,
            block: paragraph.block,
            kind,
            standalone,
            continues: None,
            paragraphs: 1,
            attribution,
        };
        let placement = Placement {
            paragraph: index,
            first_sentence: first,
            last_sentence: last,
            opens_paragraph: first == 0 && nothing_before,
            ends_paragraph: last + 1 >= paragraph.sentences().len() && nothing_after,
        };
        (quote, placement)
    }

    /// How the quote's own sentence, or a sentence next to it in the paragraph, names its
    /// speaker; the first form found wins.
    fn attribution_in_paragraph(
        &self,
        paragraph: &'a Paragraph<'a>,
        span: &QuoteSpan,
        around: &Surroundings<'a>,
    ) -> Option<Attribution> {
        let (first, last) = (around.first, around.last);
        self.in_sentence(around.before_words, around.after_words)
            .map(|speaker| (AttributionKind::Sentence, speaker))
            .or_else(|| {
                self.colon_before(span, &around.before, around.before_words)
                    .map(|speaker| (AttributionKind::Colon, speaker))
            })
            .or_else(|| {
                self.signature(around.after.clone())
                    .map(|speaker| (AttributionKind::Signature, speaker))
            })
            .or_else(|| {
                (first > 0)
                    .then(|| self.names(paragraph, first - 1))
                    .flatten()
                    .map(|speaker| (AttributionKind::PrecedingSentence, speaker))
            })
            .or_else(|| {
                (around.nothing_after && last + 1 < paragraph.sentences().len())
                    .then(|| self.opening_speaker(paragraph, last + 1))
                    .flatten()
                    .map(|speaker| (AttributionKind::FollowingSentence, speaker))
            })
            .map(|(kind, speaker)| Attribution { kind, speaker })
    }

    /// The part of `start..end` within `WINDOW` bytes of `end`, and whether it was cut.
    fn window_before(&self, start: usize, end: usize) -> (Range<usize>, bool) {
        let mut from = start.max(end.saturating_sub(WINDOW));
        while from < end && !self.text.is_char_boundary(from) {
            from += 1;
        }
        (from..end, from > start)
    }

    /// The part of `start..end` within `WINDOW` bytes of `start`, and whether it was cut.
    fn window_after(&self, start: usize, end: usize) -> (Range<usize>, bool) {
        let mut to = end.min(start.saturating_add(WINDOW));
        while to > start && !self.text.is_char_boundary(to) {
            to -= 1;
        }
        (start..to, to < end)
    }

    /// The words of sentence `index` outside quotes, segmented once per sentence.
    fn sentence_words(&self, paragraph: &'a Paragraph<'a>, index: usize) -> &'a [Word<'a>] {
        let split = paragraph.split();
        match (split.words.get(index), split.ranges.get(index)) {
            (Some(cell), Some(sentence)) => {
                cell.get_or_init(|| self.outside_words(paragraph, sentence.clone()))
            }
            _ => &[],
        }
    }

    /// The words of sentence `index` outside quotes that start within `range`.
    fn words_in(
        &self,
        paragraph: &'a Paragraph<'a>,
        index: usize,
        range: &Range<usize>,
    ) -> &'a [Word<'a>] {
        let words = self.sentence_words(paragraph, index);
        let start = words.partition_point(|word| word.range.start < range.start);
        let end = words.partition_point(|word| word.range.start < range.end);
        &words[start..end.max(start)]
    }

    /// The words of `range` that are not inside a quote of the paragraph.
    fn outside_words(&self, paragraph: &Paragraph<'a>, range: Range<usize>) -> Vec<Word<'a>> {
        let spans = &paragraph.spans;
        let first = spans.partition_point(|span| span.range.end <= range.start);
        let inside = &spans[first..];
        let inside = &inside[..inside.partition_point(|span| span.range.start < range.end)];
        // The quoted words are not segmented at all: the words before each quote come from a
        // segmenter run that stops at the quote's first word, and a new run starts after the
        // quote. A run may start afresh only where the segmenter would break anyway, whatever
        // came before: at whitespace (or at the end). Anything else takes the one-pass path.
        let bytes = self.text.as_bytes();
        let restarts_cleanly = |span: &QuoteSpan| {
            span.range.end >= range.end
                || bytes
                    .get(span.range.end)
                    .is_some_and(|b| b.is_ascii_whitespace())
        };
        if self.text.get(range.clone()).is_none() || !inside.iter().all(restarts_cleanly) {
            return self.outside_words_one_pass(spans, range);
        }
        let mut words = Vec::new();
        let mut from = range.start;
        let stops = inside
            .iter()
            .map(|span| (span.range.start, span.range.end))
            .chain(std::iter::once((range.end, range.end)));
        for (stop, resume) in stops {
            if from < stop {
                let segment = &self.text[from..range.end];
                for (offset, word) in segment.unicode_word_indices() {
                    let start = from + offset;
                    if start >= stop {
                        break;
                    }
                    words.push(Word::new(start..start + word.len(), word));
                }
            }
            from = from.max(resume);
            if from >= range.end {
                break;
            }
        }
        words
    }

    /// `outside_words` by one segmenter pass over all of `range`, quotes included.
    fn outside_words_one_pass(&self, spans: &[QuoteSpan], range: Range<usize>) -> Vec<Word<'a>> {
        let mut next_span = spans.partition_point(|span| span.range.end <= range.start);
        // One pass of the word segmenter over the whole range; a word never straddles a
        // quote mark, so dropping those that start inside a quote leaves the outside words.
        text::words(self.text, range)
            .into_iter()
            .filter(|(word, _)| {
                while spans
                    .get(next_span)
                    .is_some_and(|span| span.range.end <= word.start)
                {
                    next_span += 1;
                }
                spans
                    .get(next_span)
                    .is_none_or(|span| span.range.start > word.start)
            })
            .map(|(range, text)| Word::new(range, text))
            .collect()
    }

    fn kind(&self, paragraph: &Paragraph<'a>, span: &QuoteSpan, standalone: bool) -> QuoteKind {
        let inner = self.text.get(span.inner.clone()).unwrap_or("");
        // Only whether there are up to three words, or at least two, matters; all of them
        // are segmented only for the title-case test.
        let counted = inner.unicode_words().take(4).count();
        let ends_like_prose = inner
            .trim_end()
            .ends_with(['.', ',', ';', ':', '…', '—', '-']);
        let short = counted <= 3;
        if span.closed && short && !ends_like_prose && self.between_names(paragraph, span) {
            return QuoteKind::Nickname;
        }
        // A list item opened by a capitalised quote is a list of works (a track list), even
        // of one word: `5. “Marrow”`.
        let title_cased = !ends_like_prose && is_title_cased(inner.unicode_words());
        if self.after_title_cue(paragraph, span)
            || (title_cased && (counted >= 2 || self.opens_list_item(paragraph, span)))
            || self.before_title_appositive(paragraph, span, inner)
        {
            return QuoteKind::Title;
        }
        if short && !standalone {
            return QuoteKind::Fragment;
        }
        QuoteKind::Speech
    }

    /// Whether only a list marker (`5.`, `-`, `*`) comes before the quote in its paragraph.
    fn opens_list_item(&self, paragraph: &Paragraph<'a>, span: &QuoteSpan) -> bool {
        let before = self
            .text
            .get(paragraph.content.start..span.range.start)
            .unwrap_or("");
        crate::analysis::document::is_list_marker(before.trim())
    }

    /// `Dwayne "The Rock" Johnson`: a capitalised word right before and right after.
    fn between_names(&self, paragraph: &Paragraph<'a>, span: &QuoteSpan) -> bool {
        let before = self
            .text
            .get(paragraph.content.start..span.range.start)
            .unwrap_or("");
        let after = self
            .text
            .get(span.range.end..paragraph.content.end)
            .unwrap_or("");
        let name_before = before.strip_suffix(' ').is_some_and(|rest| {
            let word = rest.rsplit(char::is_whitespace).next().unwrap_or("");
            starts_uppercase(word) && word.chars().all(char::is_alphabetic)
        });
        let name_after = after.strip_prefix(' ').is_some_and(|rest| {
            let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            starts_uppercase(&word) && !is_function_word(&word.to_lowercase())
        });
        name_before && name_after
    }

    /// `the report "…"`, `a film called "…"`: the word before the quote names a work.
    fn after_title_cue(&self, paragraph: &Paragraph<'a>, span: &QuoteSpan) -> bool {
        let before = self
            .text
            .get(paragraph.content.start..span.range.start)
            .unwrap_or("")
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | ','));
        let tail = before.len().saturating_sub("so-called".len());
        if before
            .get(tail..)
            .is_some_and(|end| end.eq_ignore_ascii_case("so-called"))
        {
            return false;
        }
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .next()
            .unwrap_or("");
        is_title_cue(&without_possessive(word).to_lowercase())
    }

    /// `sang "Oseh Shalom," a Hebrew prayer for peace`: a Title-Cased quote that an appositive
    /// after it calls a work.
    fn before_title_appositive(
        &self,
        paragraph: &Paragraph<'a>,
        span: &QuoteSpan,
        inner: &str,
    ) -> bool {
        let words = inner.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.'));
        if !is_title_cased(words.unicode_words()) {
            return false;
        }
        let after = self
            .text
            .get(span.range.end..paragraph.content.end)
            .unwrap_or("")
            .trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        let mut following = after.split_whitespace().map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
        matches!(following.next().as_deref(), Some("a" | "an"))
            && following.take(4).any(|word| is_title_cue(&word))
    }

    /// A speech verb or cue phrase next to the quote in its own sentence, with its speaker.
    /// The verb nearest the quote that has a speaker wins; a verb or cue with no speaker found
    /// still attributes (`Some(None)`).
    fn in_sentence(&self, before: &[Word], after: &[Word]) -> Option<Mention> {
        let mut verb_seen = false;
        let mut best: Option<(usize, Range<usize>)> = None;
        for index in (0..before.len()).rev() {
            if !self.is_speech_verb(before, index) {
                continue;
            }
            verb_seen = true;
            let speaker = self.speaker_before(before, index).or_else(|| {
                (index == 0)
                    .then(|| self.speaker_after(before, index))
                    .flatten()
            });
            if let Some(speaker) = speaker {
                best = Some((before.len() - 1 - index, speaker));
                break;
            }
        }
        for index in 0..after.len() {
            if !self.is_speech_verb(after, index) {
                continue;
            }
            verb_seen = true;
            // Inversion (`"…," said Ruiz`) only straight after the quote.
            let speaker = self.speaker_before(after, index).or_else(|| {
                (index == 0)
                    .then(|| self.speaker_after(after, index))
                    .flatten()
            });
            if let Some(speaker) = speaker {
                if best.as_ref().is_none_or(|(distance, _)| index <= *distance) {
                    best = Some((index, speaker));
                }
                break;
            }
        }
        if let Some((_, speaker)) = best {
            return Some(Some(speaker));
        }
        self.cue_phrase(before)
            .or_else(|| self.cue_phrase(after))
            .or_else(|| verb_seen.then_some(None))
    }

    /// A cue phrase among `words`, with the speaker after `according to`.
    fn cue_phrase(&self, words: &[Word]) -> Option<Mention> {
        let lowers: Vec<&str> = words.iter().map(|w| w.lower.as_ref()).collect();
        (0..words.len()).find_map(|start| {
            let end = self.lexicon.cue_at(&lowers, start)?;
            let speaker = (lowers[start] == "according")
                .then(|| self.phrase_after(words, end))
                .flatten();
            Some(speaker)
        })
    }

    fn is_speech_verb(&self, words: &[Word], index: usize) -> bool {
        let word = &words[index];
        // `Said Ruiz:` opens a sentence; elsewhere a capitalised word is a name. Opening a
        // sentence, the bare lemma is no inverted attribution but a noun or an order: `State
        // Disaster Response Force crews evacuated…`, `Report suspicious packages…`.
        if starts_uppercase(word.text) {
            let bare_lemma =
                in_list!(SPEECH_LEMMAS, &word.lower) && !irregular_speech_form(&word.lower);
            if bare_lemma || !self.is_sentence_initial(word.range.start) {
                return false;
            }
        }
        // `her answer`, `the report`: a bare lemma after a determiner is a noun.
        let after_determiner = index > 0
            && self.adjacent(words, index - 1)
            && (is_determiner(&words[index - 1].lower)
                || without_possessive(&words[index - 1].lower) != words[index - 1].lower);
        // `a separate question`, `an angry reply`: after `a` and one word too, where a verb
        // would take its -s (`read` is its own past: `a reporter read the letter`).
        let after_article_and_word = index > 1
            && self.adjacent(words, index - 2)
            && self.adjacent(words, index - 1)
            && matches!(
                &*words[index - 2].lower,
                "a" | "an" | "another" | "each" | "every"
            );
        // `Power demand in Vietnam has grown`: a bare lemma after a sentence's one capitalised
        // opening word and before a preposition or a helper is a noun (a name's verb takes -s).
        let after_opening_name = index == 1
            && self.adjacent(words, 0)
            && starts_uppercase(words[0].text)
            && words.get(2).is_some_and(|next| {
                self.adjacent(words, 1)
                    && (is_auxiliary(&next.lower)
                        || matches!(&*next.lower, "in" | "of" | "for" | "from" | "on" | "at"))
            });
        let noun_position = after_determiner
            || after_opening_name
            || (after_article_and_word && &*word.lower != "read");
        if noun_position && in_list!(SPEECH_LEMMAS, &word.lower) {
            return false;
        }
        // `at the back post`, `a blog post`, `the trading post`: a bare `post` is a noun unless
        // a pronoun or helper leads it in (`they post`, `will post`, `to post`).
        if &*word.lower == "post" {
            let led_in = index > 0 && self.adjacent(words, index - 1) && {
                let before = &*words[index - 1].lower;
                is_subject_pronoun(before) || is_auxiliary(before) || before == "to"
            };
            if !led_in {
                return false;
            }
        }
        // `Rolling strikes continued at four refineries`: `continued` reports speech when
        // nothing follows it in its clause (`she continued.`, `he continued: "…"`).
        let continued = matches!(
            &*word.lower,
            "continue" | "continues" | "continued" | "continuing"
        );
        if continued && index + 1 < words.len() && self.adjacent(words, index) {
            return false;
        }
        if tells_a_story(words, index) {
            return false;
        }
        self.lexicon.is_speech_verb(&word.lower)
    }

    /// The speaker right before a verb: `the mayor said`, `Ruiz has also said`, `she told`,
    /// `the utility said`.
    fn speaker_before(&self, words: &[Word], verb: usize) -> Option<Range<usize>> {
        let mut end = verb;
        while end > 0 && is_auxiliary(&words[end - 1].lower) && self.adjacent(words, end - 1) {
            end -= 1;
        }
        if let Some(phrase) = self.determiner_phrase_ending_at(words, end) {
            return Some(phrase);
        }
        if end == 0 {
            return None;
        }
        if !self.adjacent(words, end - 1) {
            // `Delgado, 67, said`, `Ana Ruiz, a nurse who lives nearby, said`: the speaker
            // comes before an appositive set off by commas.
            return self
                .appositive_start(words, end)
                .and_then(|start| self.phrase_ending_at(words, start));
        }
        self.phrase_ending_at(words, end)
    }

    /// `the utility`, `a company spokesperson` right before a verb: a determiner and up to
    /// two more words, whatever the noun.
    fn determiner_phrase_ending_at(&self, words: &[Word], end: usize) -> Option<Range<usize>> {
        let last = words.get(end.checked_sub(1)?)?;
        if !self.adjacent(words, end - 1) && end < words.len() {
            return None;
        }
        (end.saturating_sub(3)..end - 1)
            .find(|&start| {
                is_determiner(&words[start].lower)
                    && (start..end - 1).all(|i| self.adjacent(words, i))
                    && words[start + 1..end]
                        .iter()
                        .all(|w| !is_phrase_boundary(&w.lower) && !is_determiner(&w.lower))
            })
            .map(|start| words[start].range.start..last.range.end)
    }

    /// For a verb at `words[verb]` right after `, <appositive>,`: the index just after the
    /// word before the appositive's opening comma.
    fn appositive_start(&self, words: &[Word], verb: usize) -> Option<usize> {
        let gap_before = |i: usize| {
            let end = words.get(i.checked_sub(1)?)?.range.end;
            self.text.get(end..words.get(i)?.range.start)
        };
        let is_comma = |gap: &str| gap.trim() == ",";
        if !is_comma(gap_before(verb)?) {
            return None;
        }
        (verb.saturating_sub(MAX_APPOSITIVE_WORDS)..verb)
            .rev()
            .find(|&i| gap_before(i).is_some_and(is_comma))
    }

    /// The speaker phrase whose last word is `words[end - 1]`.
    fn phrase_ending_at(&self, words: &[Word], end: usize) -> Option<Range<usize>> {
        let last = words.get(end.checked_sub(1)?)?;
        if is_subject_pronoun(&last.lower) {
            return Some(last.range.clone());
        }
        if is_phrase_boundary(&last.lower) {
            return None;
        }
        let mut start = end - 1;
        while start > 0
            && end - start < MAX_SPEAKER_WORDS
            && self.adjacent(words, start - 1)
            && fits_speaker_phrase(&words[start - 1])
        {
            start -= 1;
        }
        let phrase = &words[start..end];
        self.is_speaker_phrase(phrase)
            .then(|| phrase[0].range.start..last.range.end)
    }

    /// The speaker right after a verb, for inversions: `said Ana Ruiz, a nurse`.
    fn speaker_after(&self, words: &[Word], verb: usize) -> Option<Range<usize>> {
        if verb + 1 >= words.len() || !self.adjacent(words, verb) {
            return None;
        }
        self.phrase_after(words, verb + 1)
    }

    /// The speaker phrase starting at `words[start]`: a pronoun, a name, or a determiner and
    /// a role (`the mayor`, `a spokesperson for the ministry` stops at `for`).
    fn phrase_after(&self, words: &[Word], start: usize) -> Option<Range<usize>> {
        let first = words.get(start)?;
        if is_subject_pronoun(&first.lower) {
            return Some(first.range.clone());
        }
        let mut end = start + 1;
        let continues = |end: usize| {
            end < words.len() && end - start < MAX_SPEAKER_WORDS && self.adjacent(words, end - 1)
        };
        let describing = self.words_describing_a_role(words, start);
        if describing > 0 {
            // The role's name comes after the words describing it, as below.
            end = start + describing;
        }
        if is_determiner(&first.lower) {
            while continues(end) && !is_phrase_boundary(&words[end].lower) {
                end += 1;
            }
        } else if (starts_like_a_name(first.text) && !is_calendar_word(&first.lower))
            || is_role(&first.lower)
            || describing > 0
            || self.labels_a_name(words, start)
        {
            // `City manager Pep Guardiola`, `council member David Chen`: capitalised words,
            // name particles, and a role word when a name follows it.
            let name_word = |i: usize| {
                let word = &words[i];
                (starts_like_a_name(word.text) && !is_calendar_word(&word.lower))
                    || is_name_particle(&word.lower)
            };
            while continues(end)
                && (name_word(end)
                    || (is_role(&words[end].lower) && continues(end + 1) && name_word(end + 1)))
            {
                end += 1;
            }
        }
        let phrase = &words[start..end];
        self.is_speaker_phrase(phrase)
            .then(|| phrase[0].range.start..phrase[phrase.len() - 1].range.end)
    }

    /// `said co-author Naledi Khumalo`, `said lead researcher Ana Ruiz`, `said study co-author
    /// …`: how many lowercase words (one or two) describe the role right after them, which a
    /// name follows; 0 if they do not.
    fn words_describing_a_role(&self, words: &[Word], start: usize) -> usize {
        let describes = |i: usize| {
            words.get(i).is_some_and(|word| {
                word.text.starts_with(|c: char| c.is_lowercase())
                    && !is_function_word(&word.lower)
                    && !is_calendar_word(&word.lower)
                    && !is_auxiliary(&word.lower)
                    && !is_role(&word.lower)
                    && self.adjacent(words, i)
            })
        };
        let role_and_name = |i: usize| {
            words.get(i).is_some_and(|role| is_role(&role.lower))
                && self.adjacent(words, i)
                && words
                    .get(i + 1)
                    .is_some_and(|name| starts_like_a_name(name.text))
        };
        (1..=2)
            .find(|&count| (start..start + count).all(describes) && role_and_name(start + count))
            .unwrap_or(0)
    }

    /// `said coxswain Lily Tran`, `said sophomore Priya Raman`: a lowercase word no list knows
    /// as a role, right before a name, labels it.
    fn labels_a_name(&self, words: &[Word], start: usize) -> bool {
        let (Some(label), Some(name)) = (words.get(start), words.get(start + 1)) else {
            return false;
        };
        label.text.starts_with(|c: char| c.is_lowercase())
            && !is_function_word(&label.lower)
            && !is_calendar_word(&label.lower)
            && !is_auxiliary(&label.lower)
            && self.adjacent(words, start)
            && starts_like_a_name(name.text)
            && !is_function_word(&name.lower)
            && !is_calendar_word(&name.lower)
    }

    /// Whether words next to a speech verb can be its speaker: a pronoun, a role, or a
    /// capitalised word that is not a date or a function word.
    fn is_speaker_phrase(&self, phrase: &[Word]) -> bool {
        phrase.iter().any(|word| {
            is_subject_pronoun(&word.lower)
                || is_person_pronoun(&word.lower)
                || is_role(&word.lower)
                || (starts_like_a_name(word.text)
                    && !is_function_word(&word.lower)
                    && !is_calendar_word(&word.lower))
        })
    }

    /// Whether `words[index]` and `words[index + 1]` are one phrase: only spaces, or the
    /// dot, hyphen or apostrophe of `U.S. President`, `al-Assad`, between them.
    fn adjacent(&self, words: &[Word], index: usize) -> bool {
        let (Some(a), Some(b)) = (words.get(index), words.get(index + 1)) else {
            return false;
        };
        self.text
            .get(a.range.end..b.range.start)
            .is_some_and(|gap| {
                gap.len() <= 4
                    && gap.chars().all(|c| {
                        c.is_whitespace() || matches!(c, '.' | '-' | '‐' | '\'' | '’' | '*' | '_')
                    })
            })
    }

    /// `Ruiz said: "…"`, `**Ruiz:** "…"`, `The sign read: "…"`.
    fn colon_before(
        &self,
        span: &QuoteSpan,
        before: &Range<usize>,
        words: &[Word],
    ) -> Option<Mention> {
        let raw = self.text.get(before.start..span.range.start)?;
        let raw = raw.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
        raw.ends_with(':')
            .then(|| self.phrase_ending_at(words, words.len()))
    }

    /// `— Ana Ruiz` opening `range`: the signature of the quote before it.
    fn signature(&self, range: Range<usize>) -> Option<Mention> {
        let raw = self.text.get(range.clone())?;
        let trimmed = raw
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '>' | '('));
        let rest = trimmed
            .strip_prefix(['—', '–', '―'])
            .or_else(|| trimmed.strip_prefix("--"))
            .or_else(|| trimmed.strip_prefix("- "))?
            .trim_start();
        let name_start = range.end - rest.len();
        let words: Vec<Word> = text::words(self.text, name_start..range.end)
            .into_iter()
            .map(|(range, text)| Word::new(range, text))
            .collect();
        let first = words.first()?;
        if rest.starts_with('@') {
            // `— @cityofelm`: a social media handle.
            return Some(Some(name_start..first.range.end));
        }
        let signed =
            starts_uppercase(rest) || is_determiner(&first.lower) || is_person_role(&first.lower);
        signed.then(|| self.phrase_after(&words, 0).or(Some(first.range.clone())))
    }

    /// Whether sentence `index` of `paragraph` names a speaker for the quote after it: a
    /// speech verb with its speaker (`"A," she said.`), a person opening it (`His coach was
    /// more measured.`), or a he or she anywhere in it (`Asked why, he shrugged.`). Objects
    /// and bystanders (`checked by two people`, `army trucks`) do not count.
    fn names(&self, paragraph: &'a Paragraph<'a>, index: usize) -> Option<Mention> {
        paragraph
            .split()
            .names
            .get(index)?
            .get_or_init(|| {
                let words = self.sentence_words(paragraph, index);
                if let Some(Some(speaker)) = self.in_sentence(words, &[]) {
                    return Some(Some(speaker));
                }
                self.subject_speaker(words)
                    .or_else(|| he_or_she(words))
                    .map(Some)
            })
            .clone()
    }

    /// Whether sentence `index` of `paragraph` opens by attributing: a dash signature, a
    /// speech verb with its speaker among its first words (`Ruiz said it twice.`), or a cue
    /// such as `According to police`.
    fn opening(&self, paragraph: &'a Paragraph<'a>, index: usize) -> Option<Mention> {
        paragraph
            .split()
            .openings
            .get(index)?
            .get_or_init(|| {
                let sentence = paragraph.sentences().get(index)?.clone();
                let head = self.window_after(sentence.start, sentence.end).0;
                if let Some(speaker) = self.signature(head) {
                    return Some(speaker);
                }
                let words = self.sentence_words(paragraph, index);
                let opening = &words[..words.len().min(OPENING_WORDS)];
                let reports =
                    |i: usize| self.is_speech_verb(words, i) && !is_passive_not_asked(opening, i);
                if let Some(verb) = (0..opening.len()).find(|&i| reports(i)) {
                    let speaker = self
                        .speaker_before(opening, verb)
                        .or_else(|| (verb == 0).then(|| self.speaker_after(words, 0)).flatten());
                    if speaker.is_some() {
                        return Some(speaker);
                    }
                }
                self.cue_phrase(&opening[..opening.len().min(3)])
            })
            .clone()
    }

    /// Whether the sentence after a quote, `index`, gives its speaker: an attribution at its
    /// start, a person pronoun opening it (`"Nothing left." She shook her head.`) or a
    /// pointer (`That was Reilly again.`). A name opening it is not enough: in wire copy it
    /// is as often the next item of news.
    fn opening_speaker(&self, paragraph: &'a Paragraph<'a>, index: usize) -> Option<Mention> {
        self.opening(paragraph, index).or_else(|| {
            let words = self.sentence_words(paragraph, index);
            let pronoun = words
                .first()
                .filter(|w| is_person_subject(&w.lower))
                .map(|w| w.range.clone());
            pronoun.or_else(|| self.pointed_at(words)).map(Some)
        })
    }

    /// A speaker as the subject of a sentence that leads into a quote: opening it (`His coach
    /// was more measured.`), after an introductory clause (`Asked about it, Smith smiled.`),
    /// or a speech noun (`The ministry's statement was short.`, `Her answer:`).
    fn subject_speaker(&self, words: &[Word]) -> Option<Range<usize>> {
        if let Some(speaker) = self.opening_subject(words) {
            return Some(speaker);
        }
        let speech_noun = words
            .iter()
            .take(SPEECH_NOUN_REACH)
            .find(|w| in_list!(SPEECH_NOUNS, &w.lower));
        if let (Some(first), Some(noun)) = (words.first(), speech_noun) {
            return Some(first.range.start..noun.range.end);
        }
        (1..words.len())
            .filter(|&k| self.after_clause_comma(words, k) && !self.is_trailing_tag(&words[k..]))
            .find_map(|k| {
                let speaker = self.opening_subject(&words[k..])?;
                (!self.renames_the_subject(words, k, &speaker)).then_some(speaker)
            })
    }

    /// `Its flagship, Hanseong Heavy Industries, builds…`: a name set off by commas after a
    /// possessive's noun renames that subject, which is no person (else it had been taken).
    fn renames_the_subject(&self, words: &[Word], k: usize, name: &Range<usize>) -> bool {
        let possessive = matches!(
            &*words[0].lower,
            "its" | "his" | "her" | "their" | "our" | "my"
        );
        let closed_by_comma = self
            .text
            .get(name.end..)
            .is_some_and(|rest| rest.starts_with(','));
        possessive && k <= 3 && closed_by_comma
    }

    /// `…, officials said.`: a short closing clause attributing its own sentence, whose
    /// speaker is not the next quote's.
    fn is_trailing_tag(&self, clause: &[Word]) -> bool {
        clause.len() <= TRAILING_TAG_WORDS
            && (0..clause.len()).any(|i| self.is_speech_verb(clause, i))
    }

    /// Whether `words[k]` starts a clause after a comma; not inside a list of names
    /// (`Leeds, Manchester and Sheffield`), where the word before the comma is capitalised.
    fn after_clause_comma(&self, words: &[Word], k: usize) -> bool {
        let gap = self
            .text
            .get(words[k - 1].range.end..words[k].range.start)
            .unwrap_or("");
        gap.trim() == ","
            && !(starts_uppercase(words[k - 1].text) && starts_uppercase(words[k].text))
    }

    /// `That was Reilly again.`, `It was the coach who spoke first.`, `Those were the words of
    /// Mayor Ana Ruiz.`: a sentence pointing back at the speaker of what came before.
    fn pointed_at(&self, words: &[Word]) -> Option<Range<usize>> {
        let pointing = words.first().is_some_and(|w| {
            matches!(w.lower.as_ref(), "that" | "this" | "it" | "those" | "these")
        }) && words
            .get(1)
            .is_some_and(|w| matches!(w.lower.as_ref(), "was" | "is" | "were" | "are"));
        if !pointing {
            return None;
        }
        // `That was how Nomvula Mthembu described her mornings.`
        let manner = words
            .get(2)
            .is_some_and(|w| matches!(w.lower.as_ref(), "how" | "what"));
        if manner {
            return self.opening_subject(&words[3..]);
        }
        self.opening_subject(&words[2..])
            .or_else(|| self.speech_noun_owner(&words[2..]))
    }

    /// `the message from Mayor Ana Ruiz`, `the final words of the coach`: a speech noun and
    /// the speaker it belongs to.
    fn speech_noun_owner(&self, words: &[Word]) -> Option<Range<usize>> {
        let i = determiners_before_head(words);
        // One word may describe the noun: `the final words`, `the same message`.
        let noun =
            (i..(i + 2).min(words.len())).find(|&k| in_list!(SPEECH_NOUNS, &words[k].lower))?;
        let owner = words.get(noun + 1)?;
        let joined = self.adjacent(words, noun) && self.adjacent(words, noun + 1);
        if !matches!(owner.lower.as_ref(), "from" | "of" | "by") || !joined {
            return None;
        }
        self.phrase_after(words, noun + 2)
    }

    /// A person as the subject opening a sentence: `She`, `His coach`, `The mayor`, `Ruiz`.
    /// `Lincoln's defense held`: when the name ending at `words[last]` is a possessive, the
    /// subject (from `start`) is what the name owns, which speaks only if it is a person
    /// (`Lincoln's coach`) or the name's own voice (`Ruiz's voice cracked`). `None` when the
    /// name is no possessive.
    fn owned_speaker(
        &self,
        words: &[Word],
        start: usize,
        last: usize,
    ) -> Option<Option<Range<usize>>> {
        let owner = &words[last];
        if without_possessive(owner.text) == owner.text {
            return None;
        }
        let owned = words.get(last + 1).filter(|_| self.adjacent(words, last));
        let speaks =
            |owned: &&Word| is_person_role(&owned.lower) || in_list!(PERSONAL_NOUNS, &owned.lower);
        Some(owned.filter(speaks).map(|owned| start..owned.range.end))
    }

    fn opening_subject(&self, words: &[Word]) -> Option<Range<usize>> {
        let first = words.first()?;
        if is_person_subject(&first.lower) {
            return Some(first.range.clone());
        }
        if let Some(speaker) = self.pointed_at(words) {
            return Some(speaker);
        }
        let i = determiners_before_head(words);
        let head = words.get(i)?;
        if is_person_role(&head.lower) {
            return match self.modified_by_role(words, i) {
                Modified::Noun => None,
                Modified::Role(role) => Some(first.range.start..role.end),
                Modified::Nothing => Some(first.range.start..head.range.end),
            };
        }
        if i > 0 && self.adjacent(words, i) {
            // `The U.S. leader`, `His former coach`: one word between determiner and role.
            if let Some(role) = words.get(i + 1).filter(|w| is_person_role(&w.lower)) {
                return Some(first.range.start..role.range.end);
            }
        }
        if !self.is_name(words, i, true) {
            return None;
        }
        if let Some(owner_speaks) = self.owned_speaker(words, first.range.start, i) {
            return owner_speaks;
        }
        let name = self
            .phrase_after(words, i)
            .unwrap_or_else(|| head.range.clone());
        // The same for a name of several words: `Ellery Library's overnight staffing costs…`.
        let last = (i + 1..words.len()).find(|&k| words[k].range.end == name.end);
        if let Some(owner_speaks) =
            last.and_then(|last| self.owned_speaker(words, first.range.start, last))
        {
            return owner_speaks;
        }
        // `Solenne shares rose 19%`: the subject is the name's stock, which says nothing.
        let after = words.iter().position(|word| word.range.start >= name.end);
        let market_noun = after.is_some_and(|next| {
            next > 0 && self.adjacent(words, next - 1) && in_list!(MARKET_NOUNS, &words[next].lower)
        });
        // `The Craignure crossing is the busiest…`: after a determiner, a name before a plain
        // noun only says which crossing, and the crossing says nothing.
        let attributive = i > 0
            && after.is_some_and(|next| {
                next > 0 && self.adjacent(words, next - 1) && self.is_plain_noun(words, next)
            });
        (!market_noun && !attributive).then_some(name)
    }

    /// Whether `words[index]` reads as a common noun heading a phrase rather than a verb or an
    /// adverb (`crossing`, `plant`; not `said`, `says`, `also`, `alone`).
    fn is_plain_noun(&self, words: &[Word], index: usize) -> bool {
        #[rustfmt::skip]
        const ADVERBS: [&str; 10] = [
            "alone", "himself", "herself", "itself", "themselves", "once", "never", "always",
            "often", "already",
        ];
        let word = &words[index];
        let lower = &*word.lower;
        word.text.starts_with(|c: char| c.is_lowercase())
            && !is_function_word(lower)
            && !is_auxiliary(lower)
            && !in_list!(FILLERS, lower)
            && !ADVERBS.contains(&lower)
            && !self.is_speech_verb(words, index)
            && !lower.ends_with("ed")
            && !lower.ends_with('s')
            && !lower.ends_with("ly")
    }

    /// What the role word `words[index]` qualifies, when it is one that doubles as a
    /// modifier: another role (`The general manager`), or a plain noun (`The general fund
    /// reserve`, `the staff report`, `the local economy`), which leaves no person speaking. A
    /// verb after it (`the general said`, `the chief has`, `the head resigned`) keeps the role.
    fn modified_by_role(&self, words: &[Word], index: usize) -> Modified {
        let (Some(role), Some(next)) = (words.get(index), words.get(index + 1)) else {
            return Modified::Nothing;
        };
        if !in_list!(MODIFYING_ROLES, &role.lower)
            || !self.adjacent(words, index)
            || !next.text.starts_with(|c: char| c.is_lowercase())
        {
            return Modified::Nothing;
        }
        let verbal = is_auxiliary(&next.lower)
            || is_function_word(&next.lower)
            || self.is_speech_verb(words, index + 1)
            || next.lower.ends_with("ed")
            || next.lower.ends_with('s');
        if verbal {
            return Modified::Nothing;
        }
        // `the chief medical officer`, `the general practitioner`, `the head gardener`.
        let mut after = index + 1;
        while after <= index + 3 {
            let Some(word) = words.get(after) else { break };
            if is_person_role(&word.lower) || names_a_doer(&word.lower) {
                return Modified::Role(word.range.clone());
            }
            if !self.adjacent(words, after) {
                break;
            }
            after += 1;
        }
        Modified::Noun
    }

    /// Whether `words[index]` is a name: capitalised, not a date or function word, and not
    /// after `in`/`at`/`from` (a place). A `strict` caller also wants proof for a word that a
    /// sentence would capitalise anyway (`Work begins…`): seen capitalised mid-sentence
    /// elsewhere, or followed by another capitalised word.
    fn is_name(&self, words: &[Word], index: usize, strict: bool) -> bool {
        let Some(word) = words.get(index) else {
            return false;
        };
        // `June said`: a month that is also a given name, speaking.
        let month_speaking = matches!(word.lower.as_ref(), "april" | "may" | "june" | "august")
            && index + 1 < words.len()
            && self.is_speech_verb(words, index + 1);
        if !starts_like_a_name(word.text)
            || is_function_word(&word.lower)
            || (is_calendar_word(&word.lower) && !month_speaking)
            || is_person_pronoun(&word.lower)
            || is_road_number(word.text)
        {
            return false;
        }
        if index > 0
            && self.adjacent(words, index - 1)
            && is_place_preposition(&words[index - 1].lower)
        {
            return false;
        }
        if !strict
            || !self.is_sentence_initial(word.range.start)
            || self.looked_up_proper(without_possessive(word.text))
        {
            return true;
        }
        words.get(index + 1).is_some_and(|next| {
            self.adjacent(words, index)
                && starts_uppercase(next.text)
                && !is_function_word(&next.lower)
                && !is_calendar_word(&next.lower)
                && !self.hyphened_to_lowercase(next)
        })
    }

    /// `Purple T-shirts`, `the X-rays`, `a U-turn`: a capital that opens a hyphened common
    /// noun is no name.
    fn hyphened_to_lowercase(&self, word: &Word) -> bool {
        let rest = self.text.get(word.range.end..).unwrap_or("");
        rest.strip_prefix('-')
            .or_else(|| rest.strip_prefix('\u{2011}'))
            .is_some_and(|after| after.starts_with(|c: char| c.is_lowercase()))
    }

    /// Whether `word` is one of the story's proper nouns.
    fn is_proper(&self, word: &str) -> bool {
        self.proper.is_proper(word)
    }

    /// [`Analyzer::is_proper`], noted down while a paragraph is analysed to be remembered.
    fn looked_up_proper(&self, word: &str) -> bool {
        let answer = self.is_proper(word);
        if let Some(lookups) = self.lookups.borrow_mut().as_mut() {
            lookups.push((word.into(), answer));
        }
        answer
    }

    /// Starts noting down proper-noun look-ups (or stops, when `recording` is false).
    fn record_lookups(&self, recording: bool) {
        *self.lookups.borrow_mut() = recording.then(Vec::new);
    }

    fn take_lookups(&self) -> Option<ProperLookups> {
        self.lookups.borrow_mut().take()
    }

    /// Whether a word at `offset` would be capitalised anyway: it opens the paragraph, a
    /// sentence, a quotation or follows a colon.
    fn is_sentence_initial(&self, offset: usize) -> bool {
        is_sentence_initial(self.text, offset)
    }

    /// Quotes of a paragraph's first or last sentence attributed next door: after a
    /// paragraph ending with a colon, a speaker's quote or a sentence opening with a person;
    /// before a paragraph opening with its speaker.
    fn look_at_neighbour_paragraphs(
        &self,
        index: usize,
        quotes: &mut [Quote],
        placements: &[Placement],
    ) {
        let paragraph = &self.paragraphs[index];
        let previous = index
            .checked_sub(1)
            .map(|i| &self.paragraphs[i])
            .filter(|p| p.stretch == paragraph.stretch);
        let next = self
            .paragraphs
            .get(index + 1)
            .filter(|p| p.stretch == paragraph.stretch);
        for (quote, placement) in quotes.iter_mut().zip(placements) {
            if quote.attribution.is_some() || !is_spoken(quote.kind) {
                continue;
            }
            let from_previous = previous
                .filter(|_| placement.opens_paragraph)
                .and_then(|p| self.previous_paragraph_speaker(p));
            let from_next = next
                .filter(|p| {
                    placement.ends_paragraph
                        && !self.introduces_own_quote(p, 0)
                        && !self.opens_with_more_news(p)
                })
                .and_then(|p| {
                    self.opening(p, 0)
                        .or_else(|| self.pointed_at(self.sentence_words(p, 0)).map(Some))
                })
                .map(|speaker| (AttributionKind::NextParagraph, speaker));
            quote.attribution = from_previous
                .or(from_next)
                .map(|(kind, speaker)| Attribution { kind, speaker });
        }
    }

    /// `City officials also urged residents…`: a paragraph opening on `also` adds to the
    /// story; it does not say who spoke the quote before it. Nor does one opening on a response
    /// in deeds: `Successive governments have responded with longer sentences`.
    fn opens_with_more_news(&self, paragraph: &'a Paragraph<'a>) -> bool {
        let words = self.sentence_words(paragraph, 0);
        let opening = &words[..words.len().min(OPENING_WORDS)];
        opening.iter().any(|word| &*word.lower == "also") || responds_in_deeds(words)
    }

    /// Whether a speaker phrase (`the statement`, `a court filing`) names a document.
    fn is_document(&self, speaker: Range<usize>) -> bool {
        let head = self.text.get(speaker).and_then(|phrase| {
            phrase
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|word| !word.is_empty())
        });
        head.is_some_and(|word| in_list!(DOCUMENT_NOUNS, &word.to_lowercase()))
    }

    /// Whether sentence `index` opens with words that introduce a quote later in it
    /// (`Fans chanted "City till I die"`): its speaker is that quote's, not an earlier one's.
    fn introduces_own_quote(&self, paragraph: &'a Paragraph<'a>, index: usize) -> bool {
        let (Some(first_word), Some(sentence)) = (
            self.sentence_words(paragraph, index).first(),
            paragraph.sentences().get(index),
        ) else {
            return false;
        };
        let later = paragraph
            .spans
            .partition_point(|span| span.range.start < first_word.range.end);
        paragraph
            .spans
            .get(later)
            .is_some_and(|span| span.range.start < sentence.end)
    }

    /// Whether a sentence reports speech; not in the passive (`have been confirmed dead`,
    /// [`is_passive_not_asked`]), nor an `-ing` form that describes (`the crowd went in
    /// grumbling`) rather than reports (`…, saying the deal was dead`).
    fn reports_speech(&self, words: &[Word]) -> bool {
        (0..words.len()).any(|i| {
            let passive = is_passive_not_asked(words, i);
            let describing =
                words[i].lower.ends_with("ing") && !(i > 0 && self.after_clause_comma(words, i));
            !passive && !describing && self.is_speech_verb(words, i)
        })
    }

    /// The speaker a paragraph hands on to a quote paragraph after it.
    fn previous_paragraph_speaker(
        &self,
        paragraph: &'a Paragraph<'a>,
    ) -> Option<(AttributionKind, Mention)> {
        let index = paragraph.sentences().len().checked_sub(1)?;
        let sentence = paragraph.sentences()[index].clone();
        let raw = self.text.get(sentence.clone())?;
        let ends_with_colon = raw
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'))
            .ends_with(':');
        let colon_in_quote = paragraph
            .spans
            .last()
            .is_some_and(|span| span.range.end >= sentence.end);
        if ends_with_colon && !colon_in_quote {
            return Some((AttributionKind::Colon, None));
        }
        let has_quote = paragraph
            .spans
            .iter()
            .any(|span| span.range.start < sentence.end && span.range.end > sentence.start);
        if has_quote {
            if let Some(Some(speaker)) =
                self.in_sentence(self.sentence_words(paragraph, index), &[])
            {
                return Some((AttributionKind::PreviousParagraph, Some(speaker)));
            }
        }
        let words = self.sentence_words(paragraph, index);
        if declines_to_speak(words) {
            return None;
        }
        if words.len() > HANDOFF_MAX_WORDS {
            // Unless it reports speech (`…, Sofia Iqbal, an opposition leader, told a public
            // meeting.`), which the quote goes on with.
            if !self.reports_speech(words) {
                return None;
            }
            // Its speaker, or its subject: a `he` somewhere in forty words is anyone.
            let speaker = match self.in_sentence(words, &[]) {
                Some(Some(speaker)) => Some(speaker),
                _ => self.subject_speaker(words),
            };
            // `…, the statement said.`: a paraphrase of a document leaves a quote after it to
            // the reader's guess: the sheriff's words, or the statement's?
            return speaker
                .filter(|speaker| !self.is_document(speaker.clone()) && !self.is_place(speaker))
                .map(|speaker| (AttributionKind::PreviousParagraph, Some(speaker)));
        }
        // A short sentence that closes a long paragraph (`Ó Riordáin completed a double.` after
        // a race's result) is background too, unless the paragraph reports speech.
        let earlier: Vec<&[Word]> = (0..index)
            .map(|i| self.sentence_words(paragraph, i))
            .collect();
        let paragraph_words = words.len() + earlier.iter().map(|s| s.len()).sum::<usize>();
        if paragraph_words > HANDOFF_MAX_WORDS
            && !self.reports_speech(words)
            && !earlier.iter().any(|sentence| self.reports_speech(sentence))
        {
            return None;
        }
        // `Several members of the congregation wept.`: a crowd that says nothing hands no one
        // a quote.
        if is_indefinite_crowd(words) && !self.reports_speech(words) {
            return None;
        }
        self.subject_speaker(words)
            .filter(|speaker| !self.is_place(speaker))
            .filter(|speaker| !self.names_a_class(words, speaker) || self.reports_speech(words))
            .or_else(|| he_or_she(words))
            .map(|speaker| (AttributionKind::PreviousParagraph, Some(speaker)))
    }

    /// `Under the draft, owners who hold more than one permit would have two years…`: a bare
    /// plural defined by the clause after it is everyone it fits, not someone on stage.
    fn names_a_class(&self, words: &[Word], speaker: &Range<usize>) -> bool {
        let Some(at) = words.iter().position(|word| word.range == *speaker) else {
            return false;
        };
        let bare_plural = words[at].text.starts_with(|c: char| c.is_lowercase())
            && (words[at].lower.ends_with('s') || &*words[at].lower == "people");
        let defined = words.get(at + 1).is_some_and(|next| {
            self.adjacent(words, at) && matches!(&*next.lower, "who" | "that" | "whose")
        });
        bare_plural && defined
    }

    /// `Neighbouring Uruguay also reported flooding.`: a country reports, but a quote after it
    /// still needs someone to say it.
    fn is_place(&self, speaker: &Range<usize>) -> bool {
        self.text
            .get(speaker.clone())
            .is_some_and(super::entities::names_a_place)
    }
}

/// Written sources that speak through reported speech (`the statement said`, `according to
/// the complaint`) (sorted).
const DOCUMENT_NOUNS: &[&str] = &[
    "affidavit",
    "complaint",
    "document",
    "documents",
    "email",
    "filing",
    "indictment",
    "lawsuit",
    "letter",
    "memo",
    "post",
    "records",
    "release",
    "report",
    "ruling",
    "statement",
    "study",
    "survey",
];

/// `Several members…`, `Dozens of residents…`: a sentence whose subject is an unnamed crowd.
fn is_indefinite_crowd(words: &[Word]) -> bool {
    words.first().is_some_and(|first| {
        matches!(
            &*first.lower,
            "several" | "many" | "some" | "few" | "dozens" | "hundreds" | "thousands" | "numerous"
        )
    })
}

/// `Nexora declined to comment.`, `The ministry did not respond to requests for comment.`: a
/// subject that said nothing speaks no quote after it.
fn declines_to_speak(words: &[Word]) -> bool {
    words.windows(3).any(|three| {
        matches!(
            (&*three[0].lower, &*three[1].lower, &*three[2].lower),
            (
                "declined" | "refused",
                "to",
                "comment" | "discuss" | "speak" | "say"
            ) | ("did" | "could", "not", "respond" | "return" | "comment")
                | ("not", "be", "reached")
        )
    })
}

/// A `he` or `she` among `words` (`Asked why he didn't wait, he shrugged.`): a person in
/// focus. `they` is left out: it is as often crews, residents or officials in general. Nor
/// does a hypothetical one count (`a year's salary if he is dismissed`): a condition puts no
/// one on stage.
fn he_or_she(words: &[Word]) -> Option<Range<usize>> {
    let hypothetical =
        |i: usize| i > 0 && matches!(&*words[i - 1].lower, "if" | "unless" | "whether");
    (0..words.len())
        .find(|&i| matches!(without_contraction(&words[i].lower), "he" | "she") && !hypothetical(i))
        .map(|i| words[i].range.clone())
}

/// Whether a word at `offset` of `text` would be capitalised anyway: it opens the text, a
/// sentence or a quotation, or follows a colon.
fn is_sentence_initial(text: &str, offset: usize) -> bool {
    sentence_initial_in(text.get(..offset).unwrap_or("")).unwrap_or(true)
}

/// [`is_sentence_initial`] for a word right after `before`: `None` when `before` runs out
/// before it can tell (at the start of the text, where a word is sentence-initial; or at the
/// start of a paragraph, where the text before the paragraph tells).
fn sentence_initial_in(before: &str) -> Option<bool> {
    let mut chars = before.char_indices().rev().peekable();
    let mut line_breaks = 0;
    while let Some((at, c)) = chars.next() {
        if c.is_whitespace() || matches!(c, '*' | '_' | '(' | '[' | '>') {
            line_breaks += usize::from(c == '\n');
            continue;
        }
        if line_breaks >= 2 && is_heading_line(line_of(before, at)) {
            return Some(true);
        }
        match c {
            '“' | '‘' => return Some(true),
            '"' | '\'' => {
                // A straight mark after a space opens a quotation; after a word it closes one.
                match chars.peek().map(|&(_, p)| p) {
                    None => return None,
                    Some(p) if p.is_whitespace() || matches!(p, '(' | '—' | '–') => {
                        return Some(true)
                    }
                    _ => continue,
                }
            }
            '”' | '’' => continue,
            _ => {
                return Some(matches!(
                    c,
                    '.' | '!' | '?' | ':' | ';' | '…' | '—' | '–' | '-'
                ))
            }
        }
    }
    None
}

/// The line of `text` holding byte `at`.
fn line_of(text: &str, at: usize) -> &str {
    let start = text
        .get(..at)
        .and_then(|head| head.rfind('\n'))
        .map_or(0, |n| n + 1);
    let end = text
        .get(at..)
        .and_then(|tail| tail.find('\n'))
        .map_or(text.len(), |n| at + n);
    text.get(start..end).unwrap_or("")
}

/// `## Tax and running costs`, `**TAX AND RUNNING COSTS**`: a heading has no full stop, but
/// the paragraph after it opens a sentence. (A paragraph after a plain line may go on with
/// its sentence, as a CMS that splits one leaves it: `according to` / `Vieira said`.)
fn is_heading_line(line: &str) -> bool {
    let line = line.trim();
    let bold =
        |mark: &str| line.len() > 2 * mark.len() && line.starts_with(mark) && line.ends_with(mark);
    line.starts_with('#') || bold("**") || bold("__")
}

/// `Building for the Long Term`: every word capitalised but small ones, the first too.
fn is_title_cased<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    words.enumerate().all(|(i, word)| {
        let first = word.chars().next();
        first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || (i > 0 && is_title_small_word(&word.to_lowercase()))
    })
}

/// The story's proper nouns, found word by word as they are asked about: a word is one when it
/// is written capitalised in mid-sentence somewhere in the story. Only the paragraphs whose
/// text holds the word are read for their capitalised words, so a check pays a search of the
/// text for each word asked about rather than a scan of every capitalised word of the story
/// (most checks ask about a few dozen words). The answers are those of the whole set
/// ([`proper_nouns`], which the tests hold it to).
struct ProperNounFinder<'a> {
    text: &'a str,
    paragraphs: &'a [Paragraph<'a>],
    /// Each paragraph's capitalised words, read on first need.
    words: Vec<OnceCell<Vec<Capitalised>>>,
    answers: RefCell<HashMap<Box<str>, bool>>,
    /// Each paragraph's capitalised words from the last check of this document, if kept.
    remembered: Option<RefCell<ProperNouns>>,
    /// How many words have been searched for in the whole story, and how many may be before
    /// every proper noun is gathered instead.
    searches: Cell<usize>,
    search_budget: usize,
    /// Every proper noun of the story, gathered once the search budget is spent: a long story
    /// asks about more words, and searching the whole story for each would grow with the
    /// square of its length.
    every: OnceCell<HashSet<&'a str>>,
}

/// How many words the finder searches the whole story for before it gathers every proper noun
/// at once instead (gathering reads every paragraph's capitalised words, about as much work as
/// a few dozen searches).
const SEARCHES_BEFORE_GATHERING: usize = 64;

impl<'a> ProperNounFinder<'a> {
    fn new(
        text: &'a str,
        paragraphs: &'a [Paragraph<'a>],
        remembered: Option<ProperNouns>,
    ) -> ProperNounFinder<'a> {
        ProperNounFinder {
            text,
            paragraphs,
            words: paragraphs.iter().map(|_| OnceCell::new()).collect(),
            answers: RefCell::default(),
            remembered: remembered.map(RefCell::new),
            searches: Cell::new(0),
            search_budget: SEARCHES_BEFORE_GATHERING,
            every: OnceCell::new(),
        }
    }

    fn is_proper(&self, word: &str) -> bool {
        if let Some(every) = self.every.get() {
            return every.contains(word);
        }
        if let Some(&answer) = self.answers.borrow().get(word) {
            return answer;
        }
        if self.searches.get() >= self.search_budget {
            return self.every().contains(word);
        }
        self.searches.set(self.searches.get() + 1);
        let answer = self.search(word);
        self.answers.borrow_mut().insert(word.into(), answer);
        answer
    }

    /// Whether some paragraph writes `word` mid-sentence. A paragraph whose text lacks the
    /// word cannot write it (a possessive ending is dropped from the end, so the word is still
    /// in the text).
    fn search(&self, word: &str) -> bool {
        // One searcher for every paragraph: `str::contains` sets one up per call.
        let finder = memchr::memmem::Finder::new(word);
        self.paragraphs
            .iter()
            .enumerate()
            .any(|(index, paragraph)| {
                let content = self.text.get(paragraph.content.clone()).unwrap_or("");
                finder.find(content.as_bytes()).is_some()
                    && self.words_of(index).iter().any(|capitalised| {
                        written_mid_sentence(self.text, capitalised, paragraph.content.start)
                            == Some(word)
                    })
            })
    }

    fn every(&self) -> &HashSet<&'a str> {
        self.every.get_or_init(|| {
            let mut every = HashSet::default();
            for (index, paragraph) in self.paragraphs.iter().enumerate() {
                let start = paragraph.content.start;
                every.extend(
                    self.words_of(index)
                        .iter()
                        .filter_map(|word| written_mid_sentence(self.text, word, start)),
                );
            }
            every
        })
    }

    fn words_of(&self, index: usize) -> &[Capitalised] {
        self.words[index].get_or_init(|| {
            let content = self.paragraphs[index].content.clone();
            let paragraph = self.text.get(content.clone()).unwrap_or("");
            let remembered = self
                .remembered
                .as_ref()
                .and_then(|memory| memory.borrow_mut().paragraphs.remove(paragraph));
            remembered.unwrap_or_else(|| capitalised_words(self.text, content))
        })
    }

    /// What to keep for the next check: this story's paragraphs' capitalised words, those read
    /// now and those the last check kept (the texts of earlier keystrokes are dropped).
    fn into_memory(self) -> Option<ProperNouns> {
        let mut old = self.remembered?.into_inner().paragraphs;
        let mut kept: HashMap<Box<str>, Vec<Capitalised>> =
            HashMap::with_capacity_and_hasher(self.paragraphs.len(), Default::default());
        for (paragraph, words) in self.paragraphs.iter().zip(self.words) {
            let content = self.text.get(paragraph.content.clone()).unwrap_or("");
            if kept.contains_key(content) {
                continue;
            }
            let entry = match words.into_inner() {
                Some(words) => Some((content.into(), words)),
                None => old.remove_entry(content),
            };
            if let Some((content, words)) = entry {
                kept.insert(content, words);
            }
        }
        Some(ProperNouns { paragraphs: kept })
    }
}

/// A capitalised word of the paragraph starting at `content_start` as a proper noun would be
/// written (without a possessive ending), unless it opens a sentence.
fn written_mid_sentence<'t>(
    text: &'t str,
    word: &Capitalised,
    content_start: usize,
) -> Option<&'t str> {
    let start = content_start + word.start as usize;
    let initial = word
        .initial
        .unwrap_or_else(|| is_sentence_initial(text, start));
    let written = text.get(start..start + word.len as usize)?;
    (!initial).then(|| without_possessive(written))
}

/// Every proper noun of the story at once: what [`ProperNounFinder`] answers word by word.
#[cfg(test)]
fn proper_nouns<'t>(text: &'t str, paragraphs: &[Paragraph]) -> HashSet<&'t str> {
    paragraphs
        .iter()
        .flat_map(|paragraph| {
            capitalised_words(text, paragraph.content.clone())
                .into_iter()
                .filter_map(|word| written_mid_sentence(text, &word, paragraph.content.start))
        })
        .collect()
}

/// What the proper-noun scan found in each paragraph, by the paragraph's text, kept between
/// checks of one document (see [`find_quotes_again`]).
#[derive(Debug, Default)]
pub struct ProperNouns {
    paragraphs: HashMap<Box<str>, Vec<Capitalised>>,
}

/// A capitalised word of a paragraph that is not a function word, where it starts in the
/// paragraph, and whether it opens a sentence when the paragraph alone says so (`None`: only
/// the text before the paragraph can tell).
#[derive(Debug, Clone, Copy)]
struct Capitalised {
    start: u32,
    len: u32,
    initial: Option<bool>,
}

/// `is_function_word` of a word's lowercase, lowercased on the stack when it is short ASCII
/// (function words all are), so the names of a long story cost no allocation each.
fn is_capitalised_function_word(word: &str) -> bool {
    const LONGEST: usize = 24;
    if word.is_ascii() && word.len() <= LONGEST {
        let mut lower = [0u8; LONGEST];
        for (to, from) in lower.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        // Lowercasing ASCII keeps it ASCII, so the bytes are UTF-8.
        return std::str::from_utf8(&lower[..word.len()]).is_ok_and(is_function_word);
    }
    is_function_word(&word.to_lowercase())
}

fn capitalised_words(text: &str, content: Range<usize>) -> Vec<Capitalised> {
    let mut found = Vec::new();
    text::for_each_capitalised_word(text, content.clone(), |range, word| {
        if is_capitalised_function_word(word) {
            return;
        }
        let before = text.get(content.start..range.start).unwrap_or("");
        found.push(Capitalised {
            start: (range.start - content.start) as u32,
            len: word.len() as u32,
            initial: sentence_initial_in(before),
        });
    });
    found
}

/// Quote sentences next to each other share a speaker: `"A," she said. "B." "C."`.
fn share_within_paragraph(quotes: &mut [Quote], placements: &[Placement]) {
    let neighbours = |a: usize, b: usize| {
        is_spoken(quotes[a].kind)
            && is_spoken(quotes[b].kind)
            && quotes[a].standalone
            && quotes[b].standalone
            && placements[a].last_sentence + 1 == placements[b].first_sentence
    };
    let mut shared: Vec<Option<Attribution>> =
        quotes.iter().map(|q| q.attribution.clone()).collect();
    for i in 1..quotes.len() {
        if shared[i].is_none() && neighbours(i - 1, i) {
            shared[i] = shared[i - 1].as_ref().map(|a| Attribution {
                kind: AttributionKind::QuoteRun,
                speaker: a.speaker.clone(),
            });
        }
    }
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        if shared[i].is_none() && neighbours(i, i + 1) {
            shared[i] = shared[i + 1].as_ref().map(|a| Attribution {
                kind: AttributionKind::QuoteRun,
                speaker: a.speaker.clone(),
            });
        }
    }
    for (quote, attribution) in quotes.iter_mut().zip(shared) {
        quote.attribution = attribution;
    }
}

/// AP multi-paragraph quotes: a paragraph whose last quote stays open, followed by a
/// paragraph opening with the same mark, is one quote. Later paragraphs point at the first;
/// the whole quote is attributed if any of its paragraphs is.
fn link_multi_paragraph_quotes(
    text: &str,
    paragraphs: &[Paragraph],
    quotes: &mut [Quote],
    placements: &[Placement],
) {
    // The first paragraph's quote and mark of a quote still open at the last paragraph's end.
    let mut open: Option<(usize, Mark, usize)> = None;
    let mut index = 0;
    while index < quotes.len() {
        let paragraph_index = placements[index].paragraph;
        let paragraph = &paragraphs[paragraph_index];
        let first = index;
        while index < quotes.len() && placements[index].paragraph == paragraph_index {
            index += 1;
        }
        if let Some((head, mark, previous)) = open {
            let quote = &quotes[first];
            let adjacent = previous + 1 == paragraph_index
                && paragraphs[previous].stretch == paragraph.stretch;
            let opens = text
                .get(paragraph.content.start..quote.range.start)
                .is_some_and(|lead| !lead.chars().any(char::is_alphanumeric));
            if adjacent && opens && quote.mark == mark {
                quotes[first].continues = Some(head);
                quotes[head].paragraphs += 1;
            }
        }
        let last = index - 1;
        open = (!quotes[last].closed).then(|| {
            let head = quotes[last].continues.unwrap_or(last);
            (head, quotes[last].mark, paragraph_index)
        });
    }
    attribute_multi_paragraph_quotes(quotes);
}

fn attribute_multi_paragraph_quotes(quotes: &mut [Quote]) {
    for head in 0..quotes.len() {
        if quotes[head].paragraphs < 2 {
            continue;
        }
        let members: Vec<usize> = (head + 1..quotes.len())
            .filter(|&i| quotes[i].continues == Some(head))
            .collect();
        let speaker = std::iter::once(head)
            .chain(members.iter().copied())
            .find_map(|i| quotes[i].attribution.as_ref().map(|a| a.speaker.clone()));
        let Some(speaker) = speaker else {
            continue;
        };
        for i in std::iter::once(head).chain(members) {
            if quotes[i].attribution.is_none() && is_spoken(quotes[i].kind) {
                quotes[i].attribution = Some(Attribution {
                    kind: AttributionKind::Continuation,
                    speaker: speaker.clone(),
                });
            }
        }
    }
}

/// Whether word `i` is a verb in the passive (`were told to leave`, `was asked not to`),
/// whose subject is no speaker, unless someone was asked a question (`was asked about the
/// plan`), and answers in the quote.
fn is_passive_not_asked(words: &[Word], i: usize) -> bool {
    let asked_a_question = &*words[i].lower == "asked"
        && !words
            .get(i + 1)
            .is_some_and(|next| matches!(&*next.lower, "to" | "not"));
    i > 0
        && matches!(
            &*words[i - 1].lower,
            "be" | "been" | "being" | "was" | "were" | "is" | "are"
        )
        && !asked_a_question
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::document::Format;

    fn fresh_quotes(text: &str) -> Vec<Quote> {
        find_quotes(
            &Document::parse(text, Format::Markdown),
            &Settings::default(),
        )
    }

    /// Each version checked with the memory of the versions before must give what a fresh
    /// analysis gives.
    fn assert_memory_changes_nothing(versions: &[&str]) {
        let mut memory = None;
        for (step, text) in versions.iter().enumerate() {
            let doc = Document::parse(text, Format::Markdown);
            let again = find_quotes_again(&doc, &Settings::default(), &mut memory);
            assert_eq!(again, fresh_quotes(text), "version {step}: {text:?}");
        }
    }

    #[test]
    fn remembered_proper_nouns_follow_edits_elsewhere_in_the_story() {
        // `Ruiz` opens a sentence, so only a mid-sentence `Ruiz` elsewhere makes it a name
        // that can speak the quote before it.
        let with_name = "The plan was debated for hours, said Ana Ruiz.\n\n\
                         “We were not consulted.” Ruiz was blunt about the vote.\n";
        let without = "The plan was debated for hours, officials said.\n\n\
                       “We were not consulted.” Ruiz was blunt about the vote.\n";
        assert_ne!(
            fresh_quotes(with_name),
            fresh_quotes(without),
            "the name must matter here"
        );
        assert_memory_changes_nothing(&[with_name, without, with_name, without]);
    }

    /// The words of `text` the finder calls proper nouns, sorted, asked with `memory` (or
    /// without one), which is left holding what the finder keeps. Every word of the text is
    /// asked about, so the answer is the whole set, and it must be [`proper_nouns`]'s.
    fn proper_nouns_of(text: &str, memory: &mut Option<ProperNouns>) -> Vec<String> {
        let doc = Document::parse(text, Format::Markdown);
        let paragraphs: Vec<Paragraph> = scan_paragraphs(&doc, None)
            .into_iter()
            .map(|(block, stretch, content, spans)| {
                Paragraph::new(&doc, block, stretch, content, spans, false)
            })
            .collect();
        let mut finder = ProperNounFinder::new(doc.text, &paragraphs, memory.take());
        // Word by word only: the gathering finder below answers from the whole set at once.
        finder.search_budget = usize::MAX;
        let mut gathering = ProperNounFinder::new(doc.text, &paragraphs, None);
        gathering.search_budget = 0;
        // Words as split at every other character, then at apostrophes, hyphens and periods too.
        let joined = |c: char| matches!(c, '\'' | '’' | '-' | '.');
        let asked: HashSet<&str> = doc
            .text
            .split(|c: char| !c.is_alphanumeric() && !joined(c))
            .flat_map(|word| {
                let parts = word.split(joined).chain(word.split(['-', '.']));
                [word, word.trim_end_matches('.'), without_possessive(word)]
                    .into_iter()
                    .chain(parts)
            })
            .collect();
        let answers = |finder: &ProperNounFinder| {
            let mut proper: Vec<String> = asked
                .iter()
                .filter(|word| finder.is_proper(word))
                .map(|word| word.to_string())
                .collect();
            proper.sort();
            proper
        };
        let found = answers(&finder);
        assert_eq!(found, answers(&gathering), "{text:?}");
        let mut every: Vec<String> = proper_nouns(doc.text, &paragraphs)
            .into_iter()
            .map(str::to_string)
            .collect();
        every.sort();
        assert_eq!(found, every, "{text:?}");
        // None exactly when no memory was given.
        *memory = finder.into_memory();
        found
    }

    #[test]
    fn the_finder_answers_as_the_whole_set_on_every_example() {
        let stories = [
            include_str!("../../examples/cms-election-recount.txt"),
            include_str!("../../examples/council-budget-vote.md"),
            include_str!("../../examples/court-fraud-sentencing.txt"),
            include_str!("../../examples/culture-museum-reopening.md"),
            include_str!("../../examples/ecb-rate-decision.md"),
            include_str!("../../examples/flood-evacuation.md"),
            include_str!("../../examples/mining-copper-results.md"),
            include_str!("../../examples/rail-strike-talks.txt"),
            include_str!("../../examples/science-vaccine-trial.txt"),
            include_str!("../../examples/tennis-djokovic-wimbledon.md"),
            include_str!("../../examples/wire-flood-aid.txt"),
            include_str!("../../examples/wire-zelenskyy-energy-talks.txt"),
        ];
        let mut memory = Some(ProperNouns::default());
        for story in stories {
            // `proper_nouns_of` holds the finder to the whole set, fresh and remembering.
            assert!(!proper_nouns_of(story, &mut None).is_empty());
            proper_nouns_of(story, &mut memory);
        }
    }

    #[test]
    fn remembered_proper_nouns_are_the_proper_nouns_of_each_version() {
        // A paragraph opening with a name is read with the end of the paragraph before it
        // (`according to` runs on into `Vieira`; after `to.` a sentence starts).
        let versions = [
            "The mayor spoke, according to\n\nVieira and Costa.\n\nLater, Duarte left.\n",
            "The mayor spoke, according to.\n\nVieira and Costa.\n\nLater, Duarte left.\n",
            "The mayor spoke, according to\n\nVieira and Costa.\n\nLater, Duarte left.\n",
            "The mayor spoke, according to\n\nVieira and Costa.\n\nLater, Ruiz left.\n",
            "“Yes,” said Ruiz.\n\n“No.” Vieira and Costa.\n\nLater, Ruiz left.\n",
        ];
        let mut memory = Some(ProperNouns::default());
        for text in versions {
            assert_eq!(
                proper_nouns_of(text, &mut memory),
                proper_nouns_of(text, &mut None),
                "{text:?}"
            );
        }
        assert!(proper_nouns_of(versions[0], &mut None).contains(&"Vieira".to_string()));
        assert!(!proper_nouns_of(versions[1], &mut None).contains(&"Vieira".to_string()));
    }

    #[test]
    fn remembered_proper_nouns_follow_the_paragraph_before() {
        // Whether `Vieira` opens a sentence is told by the end of the paragraph before it
        // (`... to` continues into it, `... to.` does not).
        let continued = "“It will not happen,” the mayor said, according to\n\n\
                         Vieira, who chaired the meeting.\n\n\
                         “The budget is gone.” Vieira said nothing more.\n";
        let ended = "“It will not happen,” the mayor said, according to.\n\n\
                     Vieira, who chaired the meeting.\n\n\
                     “The budget is gone.” Vieira said nothing more.\n";
        assert_ne!(
            fresh_quotes(continued),
            fresh_quotes(ended),
            "the paragraph before must matter here"
        );
        assert_memory_changes_nothing(&[continued, ended, continued, ended]);
    }

    /// The quoted text of each outermost quote, with `…` appended when it does not close.
    fn spans(text: &str) -> Vec<String> {
        quote_spans(text, 0..text.len())
            .into_iter()
            .map(|span| {
                let quoted = &text[span.range.clone()];
                if span.closed {
                    quoted.to_string()
                } else {
                    format!("{quoted}…")
                }
            })
            .collect()
    }

    fn quotes(text: &str) -> Vec<Quote> {
        let doc = Document::parse(text, Format::Markdown);
        find_quotes(&doc, &Settings::default())
    }

    fn speaker(text: &str) -> Option<String> {
        let found = quotes(text);
        let quote = found.first()?;
        let range = quote.attribution.as_ref()?.speaker.clone()?;
        Some(text[range].to_string())
    }

    #[test]
    fn finds_straight_curly_and_british_quotes() {
        assert_eq!(
            spans(r#""We will rebuild," the mayor said."#),
            vec![r#""We will rebuild,""#]
        );
        assert_eq!(spans("“We will,” she said."), vec!["“We will,”"]);
        assert_eq!(spans("‘We will,’ she said."), vec!["‘We will,’"]);
        assert_eq!(spans("'We will,' she said."), vec!["'We will,'"]);
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        for text in [
            "Russia's army doesn't retreat, and Chris' car isn't here.",
            "It was the '90s, the era of rock 'n' roll and the players' union.",
            "He stands 6'2\" and she 5’11” in socks; a 55\" screen.",
            "Y’all ’em ’til the ’08 crash, nothin' left.",
        ] {
            assert_eq!(spans(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn apostrophes_inside_quotes_stay_inside() {
        assert_eq!(
            spans("'We don't need the '90s back,' she said."),
            vec!["'We don't need the '90s back,'"]
        );
        assert_eq!(
            spans("‘The Joneses’ house flooded twice,’ she said."),
            vec!["‘The Joneses’ house flooded twice,’"]
        );
        assert_eq!(
            spans("\"He is 6'2\" and fast,\" the coach said."),
            vec!["\"He is 6'2\" and fast,\""]
        );
        assert_eq!(
            spans("“Rock 'n' roll isn't dead,” he said."),
            vec!["“Rock 'n' roll isn't dead,”"]
        );
    }

    #[test]
    fn nested_quotes_of_the_other_kind_belong_to_the_outer_quote() {
        assert_eq!(
            spans(r#""She told me 'never again,' and meant it," Ruiz said."#),
            vec![r#""She told me 'never again,' and meant it,""#]
        );
        assert_eq!(
            spans("‘He called it “a farce”,’ she said."),
            vec!["‘He called it “a farce”,’"]
        );
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_paragraph_end() {
        assert_eq!(
            spans(r#"Ruiz said: "We will rebuild. Whatever it costs.  "#),
            vec![r#""We will rebuild. Whatever it costs.…"#]
        );
    }

    #[test]
    fn punctuation_next_to_marks_is_read_both_ways() {
        assert_eq!(
            spans(r#"He said,"We will,"the mayor added."#),
            vec![r#""We will,""#]
        );
        assert_eq!(
            spans(r#"Peskov called them ("diametrically opposed")."#),
            vec![r#""diametrically opposed""#]
        );
        assert_eq!(spans(r#"*"We will."*"#), vec![r#""We will.""#]);
    }

    #[test]
    fn code_spans_tags_and_link_titles_are_not_prose() {
        let text = r#"Run `say "hi"` or see <a href="x">this</a> and [it](http://x.org "Title")."#;
        assert_eq!(spans(text), Vec::<String>::new());
    }

    #[test]
    fn speakers_are_found_next_to_the_verb() {
        let cases = [
            (r#""We will rebuild," the mayor said."#, "the mayor"),
            (r#""We will rebuild," said Ana Ruiz, a nurse."#, "Ana Ruiz"),
            (
                r#""It was a proper game," said City manager Pep Guardiola."#,
                "City manager Pep Guardiola",
            ),
            (
                r#""Hard choices," said council member David Chen."#,
                "council member David Chen",
            ),
            (
                r#""I heard it first," Delgado, 67, said Tuesday."#,
                "Delgado",
            ),
            // a name behind an elided particle; a Korean surname that is also an interjection
            (
                r#""She asked for three years," said d'Almeida, 26."#,
                "d'Almeida",
            ),
            (r#""She sang every word," Oh said."#, "Oh"),
            (
                r#""We have 1,500 crews out," the utility said."#,
                "the utility",
            ),
            (r#""See you in court," he tweeted."#, "he"),
            (r#"Ruiz said: "We will rebuild.""#, "Ruiz"),
            (r#"**Ruiz:** "We will rebuild.""#, "Ruiz"),
            (
                r#"Kremlin spokesperson Dmitry Peskov said the sides were "diametrically opposed"."#,
                "Kremlin spokesperson Dmitry Peskov",
            ),
            (
                r#"Badenoch called the plan "cruel" and accused ministers of lying."#,
                "Badenoch",
            ),
            (
                r#""It is over," according to a senior official."#,
                "a senior official",
            ),
            (
                r#"The talks may slip, according to a senior official. "We are ready.""#,
                "a senior official",
            ),
            (
                "His coach was more measured. \"He has a lot to learn.\"",
                "His coach",
            ),
            ("\"Nobody asked us.\" — Ana Ruiz", "Ana Ruiz"),
            ("\"The storm is not over.\" — @NWSBoston", "@NWSBoston"),
        ];
        for (text, expected) in cases {
            assert_eq!(speaker(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn kinds_of_quote() {
        let kind = |text: &str| quotes(text)[0].kind;
        assert_eq!(
            kind(r#"Dwayne "The Rock" Johnson arrived."#),
            QuoteKind::Nickname
        );
        assert_eq!(
            kind(r#"The council published the report "Building for the Long Term" on Monday."#),
            QuoteKind::Title
        );
        // An appositive after it calls the quote a work, the comma inside the quote or not.
        assert_eq!(
            kind(r#"They sang "Oseh Shalom," a Hebrew prayer for peace."#),
            QuoteKind::Title
        );
        assert_eq!(
            kind(r#"It was the so-called "reform" again."#),
            QuoteKind::Fragment
        );
        assert_eq!(kind(r#""Nobody asked us.""#), QuoteKind::Speech);
    }

    #[test]
    fn multi_paragraph_quotes_link_to_their_first_paragraph() {
        let text = "Ruiz said: \"We will rebuild.\n\n\"Whatever it costs.\n\n\"And we start today.\"\n\nThe end.";
        let found = quotes(text);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].paragraphs, 3);
        assert_eq!(found[1].continues, Some(0));
        assert_eq!(found[2].continues, Some(0));
        assert!(found[2].closed);
        assert!(found
            .iter()
            .all(|q| q.attribution.is_some() && !q.needs_speaker()));
        let speaker = found[2]
            .attribution
            .as_ref()
            .unwrap()
            .speaker
            .clone()
            .unwrap();
        assert_eq!(&text[speaker], "Ruiz");
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            SPEECH_LEMMAS,
            IRREGULAR_SPEECH_FORMS,
            PERSON_ROLES,
            BODY_ROLES,
            MODIFYING_ROLES,
            PERSON_PRONOUNS,
            SUBJECT_PRONOUNS,
            DETERMINERS,
            FUNCTION_WORDS,
            CALENDAR_WORDS,
            PLACE_PREPOSITIONS,
            PHRASE_BOUNDARIES,
            AUXILIARIES,
            FILLERS,
            SPEECH_NOUNS,
            DOCUMENT_NOUNS,
            TITLE_CUES,
            TITLE_SMALL_WORDS,
            NAME_PARTICLES,
        ] {
            assert!(list.windows(2).all(|pair| pair[0] < pair[1]), "{list:?}");
            // `in_list!` indexes entries by their first byte.
            assert!(list.iter().all(|word| !word.is_empty()), "{list:?}");
            assert!(list.len() < usize::from(u16::MAX));
        }
    }

    #[test]
    fn quote_at_finds_the_quote_under_the_cursor() {
        let text = "Intro.\n\n\"We will rebuild,\" she said.";
        let found = quotes(text);
        assert!(quote_at(&found, text.find("rebuild").unwrap()).is_some());
        assert!(quote_at(&found, 0).is_none());
    }

    #[test]
    fn speech_verbs_in_every_tense_and_from_settings() {
        let lexicon = Lexicon::new(&Settings::default());
        for verb in [
            "said",
            "says",
            "saying",
            "told",
            "added",
            "replied",
            "noted",
            "admitted",
            "quipped",
            "urging",
            "argues",
            "stresses",
            "wrote",
            "tweeted",
            "acknowledged",
        ] {
            assert!(lexicon.is_speech_verb(verb), "{verb}");
        }
        for word in ["house", "bread", "ran", "sides", "were"] {
            assert!(!lexicon.is_speech_verb(word), "{word}");
        }
        let settings = Settings {
            extra_attribution_verbs: vec!["Harrumph".into()],
            extra_cue_phrases: vec!["In a deposition".into()],
            ..Settings::default()
        };
        let cue = ["in", "a", "deposition", "lawyers"];
        assert_eq!(Lexicon::new(&Settings::default()).cue_at(&cue, 0), None);
        let lexicon = Lexicon::new(&settings);
        assert!(lexicon.is_speech_verb("harrumphed"));
        assert_eq!(lexicon.cue_at(&cue, 0), Some(3));
    }
}
