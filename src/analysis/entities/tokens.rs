//! Word tokens for entity recognition: words of the prose blocks with byte ranges and shape
//! (capitalised, all capitals, initial), possessive `'s` and lowercase hyphen tails split off,
//! and whether each sits where any word is capitalised (sentence start, heading, after an
//! opening quote, inside a title of a work), which makes its capital no evidence of a name.

use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::{self, Flags};
use rayon::prelude::*;

use crate::analysis::document::{Block, Document};
use crate::analysis::fingerprint::is_credit_line;
use crate::analysis::text::html_tag_length;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `Zelensky`, `McAllister`, `al-Assad`, `Đoković`.
    Capitalised,
    /// Two or more capitals: `ECB`, `U.S.`, and all-capital datelines such as `OFFENBACH`.
    Upper,
    /// One capital and a period: the `F.` of `John F. Kennedy`.
    Initial,
    Lower,
    /// Numbers and anything else that does not start with a letter.
    Other,
}

/// Holds no borrow of the text (its words are ranges of it), so a memo keeps a block's tokens
/// as they are and places them again after an edit by shifting their offsets.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// The word as a name: without a possessive `'s` and without a lowercase hyphen tail.
    pub range: Range<usize>,
    /// Where the written word really ends (after `'s` or `-based`), where the gap to the next
    /// word begins.
    pub end: usize,
    /// Lowercase, straight apostrophes, no trailing period: the form the word lists use.
    folded: Lower,
    pub shape: Shape,
    pub flags: Flags,
    pub possessive: bool,
    /// Written `X-based`: X is a place.
    pub based: bool,
    /// Its capital is no evidence of a name (sentence start, heading, quoted title).
    pub weak: bool,
    /// In a heading, a title-case line or a quoted title: every word there is capitalised.
    pub in_title: bool,
    /// In a quoted title (`"Zelenskyy's Second Front: Reform Under Fire"`): spelt as the work
    /// spells it, not as the story does.
    pub quoted_title: bool,
    /// `Don't`, `We're`: an apostrophe before a lowercase letter.
    contraction: bool,
    /// A function word capitalised mid-sentence (`An Giang`, `Hands Across the Keys`): here
    /// the capital is evidence that it belongs to a name.
    pub capitalised_mid_sentence: bool,
    /// Numbered across the document, so cues never reach into another sentence.
    pub sentence: usize,
    pub block: usize,
}

impl Token {
    /// The word as a name (`range` of the text).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range.clone()).unwrap_or("")
    }

    /// The word lowercase, with straight apostrophes and no trailing period: the form the word
    /// lists use.
    #[inline]
    pub fn lower<'a>(&'a self, text: &'a str) -> Cow<'a, str> {
        self.folded.get(text, &self.range)
    }

    /// A word that can be part of a name: capitalised, capitals or an initial, and not a
    /// function word, pronoun or contraction.
    pub fn is_name_word(&self) -> bool {
        match self.shape {
            Shape::Capitalised => {
                (!self.flags.has(Flags::STOP) || self.capitalised_mid_sentence) && !self.contraction
            }
            Shape::Upper => !self.flags.has(Flags::NOT_ACRONYM) || self.flags.has(Flags::TITLE),
            Shape::Initial => true,
            Shape::Lower | Shape::Other => false,
        }
    }
}

/// A token's folded form, held without a heap allocation so that copying and dropping tokens
/// is plain memory work (a memo places thousands of them on every edit): a prefix of the word
/// when folding changes nothing (or only drops a trailing period), the folded bytes inline when
/// they are few, and otherwise nothing, the word being folded again when asked (only words of
/// over [`INLINE`] bytes once folded, which are rare).
#[derive(Debug, Clone, Copy)]
enum Lower {
    /// The first this many bytes of the word.
    Prefix(usize),
    /// The folded form, whole UTF-8 (a `str`'s bytes).
    Inline { len: u8, bytes: [u8; INLINE] },
    /// Longer than [`INLINE`] bytes once folded: folded again on each use.
    Long,
}

/// Folded forms up to this many bytes are held in the token.
const INLINE: usize = 22;

impl Lower {
    /// `fold(word)`, as a prefix of `word` where it can.
    fn of(word: &str) -> Lower {
        if !word.is_ascii() {
            let folded = fold(word);
            if word.as_bytes().starts_with(folded.as_bytes()) {
                return Lower::Prefix(folded.len());
            }
            return Lower::inline(&folded);
        }
        // `fold` for ASCII: lowercase, and drop a trailing period unless another one is left.
        let stem = match word.strip_suffix('.') {
            Some(stem) if !stem.contains('.') => stem,
            _ => word,
        };
        if !stem.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower::Prefix(stem.len());
        }
        if stem.len() > INLINE {
            return Lower::Long;
        }
        let mut bytes = [0u8; INLINE];
        for (to, from) in bytes.iter_mut().zip(stem.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        Lower::Inline {
            len: stem.len() as u8,
            bytes,
        }
    }

    /// `folded` held inline, or [`Lower::Long`] when it does not fit.
    fn inline(folded: &str) -> Lower {
        if folded.len() > INLINE {
            return Lower::Long;
        }
        let mut bytes = [0u8; INLINE];
        bytes[..folded.len()].copy_from_slice(folded.as_bytes());
        Lower::Inline {
            len: folded.len() as u8,
            bytes,
        }
    }

    /// The folded form of the word at `range` of `text`, the word this was made of.
    #[inline]
    fn get<'a>(&'a self, text: &'a str, range: &Range<usize>) -> Cow<'a, str> {
        match self {
            Lower::Prefix(len) => {
                Cow::Borrowed(text.get(range.start..range.start + len).unwrap_or(""))
            }
            Lower::Inline { len, bytes } => {
                let bytes = &bytes[..usize::from(*len)];
                debug_assert!(std::str::from_utf8(bytes).is_ok());
                // SAFETY: only a whole `str`'s bytes are ever stored inline: a folded `String`
                // (`Lower::inline`) or an ASCII word lowercased byte by byte (`Lower::of`).
                Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(bytes) })
            }
            Lower::Long => Cow::Owned(fold(text.get(range.clone()).unwrap_or(""))),
        }
    }
}

/// Words that abbreviate with a period and keep it: titles, name and company suffixes.
const KEEPS_PERIOD: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "cpl", "pvt", "rev", "hon", "supt", "det", "insp", "st", "mt", "ft",
    "jr", "sr", "inc", "ltd", "corp", "co", "bros", "spc", "pfc", "ens", "msgr", "fr", "engr",
];

/// Tokenises every prose block (headings and paragraphs) of `doc`.
pub(crate) fn tokenize(doc: &Document<'_>) -> Vec<Token> {
    let prose = prose_blocks(doc);
    // One thread gains nothing from pieces, and joining them copies every token.
    if doc.text.len() < PARALLEL_BYTES || rayon::current_num_threads() == 1 {
        return tokenize_blocks(doc, &prose).0;
    }
    // Blocks are tokenised independently but for the running sentence number, so a long
    // document is cut into pieces tokenised side by side, then renumbered and joined.
    let pieces: Vec<(Vec<Token>, usize)> = prose
        .chunks(prose.len().div_ceil(PIECES).max(1))
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|piece| tokenize_blocks(doc, piece))
        .collect();
    let mut tokens = Vec::with_capacity(pieces.iter().map(|(piece, _)| piece.len()).sum());
    let mut sentence_base = 0;
    for (mut piece, sentences) in pieces {
        for token in &mut piece {
            token.sentence += sentence_base;
        }
        tokens.append(&mut piece);
        sentence_base += sentences;
    }
    tokens
}

/// The headings and paragraphs of `doc` with their block numbers.
pub(crate) fn prose_blocks<'d>(doc: &'d Document<'_>) -> Vec<(usize, &'d Block)> {
    doc.blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| block.is_heading() || block.is_paragraph())
        .collect()
}

/// Documents at least this long are tokenised in [`PIECES`] pieces in parallel.
pub(crate) const PARALLEL_BYTES: usize = 32 * 1024;
const PIECES: usize = 4;

/// Tokenises `blocks` (prose blocks of `doc`, in order), numbering sentences from 0; returns the
/// tokens and the number of sentences.
fn tokenize_blocks(doc: &Document<'_>, blocks: &[(usize, &Block)]) -> (Vec<Token>, usize) {
    let bytes: usize = blocks.iter().map(|(_, block)| block.content.len()).sum();
    // About one word per six bytes of prose: one allocation instead of repeated growth.
    let mut tokens = Vec::with_capacity(bytes / 6 + 16);
    let mut sentence_base = 0;
    for &(block_index, block) in blocks {
        sentence_base += tokenize_block(doc, block_index, block, sentence_base, &mut tokens);
    }
    (tokens, sentence_base)
}

/// Appends the tokens of one prose block, numbering its sentences from `sentence_base`;
/// returns how many sentence numbers it used (at least one). Reads only the block's content
/// and the few characters after it (see [`read_after`]).
fn tokenize_block(
    doc: &Document<'_>,
    block_index: usize,
    block: &Block,
    sentence_base: usize,
    tokens: &mut Vec<Token>,
) -> usize {
    let first = tokens.len();
    scan_words(doc.text, block.content.clone(), block_index, tokens);
    let sentences = doc.sentences(block_index);
    let block_tokens = &mut tokens[first..];
    number_sentences(block_tokens, sentences, sentence_base);
    let ends_with_period = doc.slice(&block.content).trim_end().ends_with('.');
    // A wire credit (`Reporting by Iris Leung in Hong Kong; Editing by Martin Hale`) is all
    // names, not a headline: its capitals are evidence.
    let whole_block_weak = block.is_heading()
        || (!ends_with_period
            && (is_title_case_line(doc.text, block_tokens)
                || is_shouted_subhead(doc.text, block_tokens))
            && !is_credit_line(doc.slice(&block.content)));
    mark_weak(
        doc.text,
        block.content.start,
        block_tokens,
        whole_block_weak,
    );
    sentences.len().max(1)
}

/// The text after a block's content that tokenising and recognising it may read: the rest of
/// its last line (a dateline's dash) and at least three characters (the closing quote after a
/// quoted title that ends the block). A block whose content and this text are unchanged is
/// tokenised and recognised the same.
pub(crate) fn read_after(text: &str, content_end: usize) -> &str {
    let rest = text.get(content_end..).unwrap_or("");
    let mut line_ended = false;
    for (count, (at, c)) in rest.char_indices().enumerate() {
        if count >= 3 && line_ended {
            return rest.get(..at).unwrap_or(rest);
        }
        line_ended |= matches!(c, '\n' | '\r');
    }
    rest
}

/// The tokens of one prose block as a memo keeps them: byte offsets relative to the block's
/// content, sentence numbers relative to its first sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeptBlock {
    tokens: Vec<Token>,
    /// Sentence numbers the block uses (at least one).
    pub sentences: usize,
}

impl KeptBlock {
    pub fn len(&self) -> usize {
        self.tokens.len()
    }
}

/// Tokenises one prose block on its own and keeps the result.
pub(crate) fn tokenize_kept(doc: &Document<'_>, block_index: usize, block: &Block) -> KeptBlock {
    let mut tokens = Vec::new();
    let sentences = tokenize_block(doc, block_index, block, 0, &mut tokens);
    let base = block.content.start;
    for token in &mut tokens {
        token.range.start = token.range.start.saturating_sub(base);
        token.range.end = token.range.end.saturating_sub(base);
        token.end = token.end.saturating_sub(base);
    }
    KeptBlock { tokens, sentences }
}

/// Appends the tokens of `kept` for a block whose content now starts at `base`, numbered
/// `block`, with sentences from `sentence_base`. A memo keyed on the block's text (and the text
/// read after it) places them only where the block reads as it did.
pub(crate) fn place_kept(
    kept: &KeptBlock,
    base: usize,
    block: usize,
    sentence_base: usize,
    tokens: &mut Vec<Token>,
) {
    let first = tokens.len();
    tokens.extend_from_slice(&kept.tokens);
    // Kept offsets and sentence numbers are relative, so placing them only adds.
    for token in &mut tokens[first..] {
        token.range.start = token.range.start.wrapping_add(base);
        token.range.end = token.range.end.wrapping_add(base);
        token.end = token.end.wrapping_add(base);
        token.sentence = token.sentence.wrapping_add(sentence_base);
        token.block = block;
    }
}

/// The text between token `i` and the next one; a paragraph break when they sit in different
/// blocks, so nothing joins across blocks.
pub(crate) fn gap<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    match (tokens.get(i), tokens.get(i + 1)) {
        (Some(a), Some(b)) if a.block == b.block => {
            text.get(a.end..b.range.start).unwrap_or("\n\n")
        }
        _ => "\n\n",
    }
}

/// Whether a gap joins two words of one name: spaces and at most one line break.
pub(crate) fn is_plain_space(gap: &str) -> bool {
    !gap.is_empty()
        && gap
            .chars()
            .all(|c| c == ' ' || c == '\t' || c == '\u{a0}' || c == '\n' || c == '\r')
        && gap.matches('\n').count() <= 1
}

fn scan_words(text: &str, range: Range<usize>, block: usize, out: &mut Vec<Token>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let bytes = slice.as_bytes();
    let mut offset = 0;
    // Jumps from word to word: a skipped span or a word moves `offset` past its last byte.
    while let Some(&byte) = bytes.get(offset) {
        // Most bytes between words are ASCII spaces and punctuation: skip them at once.
        if byte.is_ascii() && !byte.is_ascii_alphanumeric() && !matches!(byte, b'`' | b'<') {
            offset += 1;
            continue;
        }
        let rest = &slice[offset..];
        if byte == b'<' {
            // A CMS's tag is markup: the word after it starts the line as if it were not there.
            offset += html_tag_length(rest.as_bytes()).unwrap_or(1);
            continue;
        }
        let c = if byte.is_ascii() {
            char::from(byte)
        } else {
            rest.chars().next().unwrap_or(' ')
        };
        let char_len = c.len_utf8();
        if matches!(c, 'h' | 'H' | 'w' | 'W' | '`') {
            if let Some(len) = unreadable_len(rest) {
                offset += len.max(char_len);
                continue;
            }
        }
        if !is_word_char(c) {
            offset += char_len;
            continue;
        }
        let len = word_len(rest);
        if preceded_by_handle_mark(slice, offset) || is_number_sign(rest, len) {
            // `@handle` and `#tag` are not names: skip the whole word.
            offset += len.max(char_len);
            continue;
        }
        if let Some(token) = make_token(text, range.start + offset, len, block) {
            out.push(token);
        }
        offset += len.max(char_len);
    }
}

/// Lengths of spans that are not prose: URLs and inline code.
fn unreadable_len(rest: &str) -> Option<usize> {
    let starts_with_ignoring_case = |prefix: &str| {
        rest.as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if ["http://", "https://", "www."]
        .iter()
        .any(|prefix| starts_with_ignoring_case(prefix))
    {
        let end = rest.find(|c: char| c.is_whitespace() || c == ')' || c == '>');
        return Some(end.unwrap_or(rest.len()));
    }
    if let Some(code) = rest.strip_prefix('`') {
        let close = code.find(['`', '\n']).map_or(rest.len(), |i| i + 2);
        return Some(close.min(rest.len()));
    }
    None
}

/// `No. 1`, `ranked No 38`, `Nos. 4 and 5`: the word is a number sign, no name's (`Court No.
/// 1` is no person called `No`).
fn is_number_sign(rest: &str, len: usize) -> bool {
    let (Some(word), Some(after)) = (rest.get(..len), rest.get(len..)) else {
        return false;
    };
    if !matches!(word, "No" | "No." | "Nos" | "Nos." | "NO" | "NO.") {
        return false;
    }
    let after = after.strip_prefix('.').unwrap_or(after);
    after
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(|c: char| c.is_ascii_digit())
}

fn preceded_by_handle_mark(slice: &str, offset: usize) -> bool {
    // `@` and `#` are ASCII: the byte before is one of them or the last of another character.
    offset
        .checked_sub(1)
        .and_then(|before| slice.as_bytes().get(before))
        .is_some_and(|&b| b == b'@' || b == b'#')
}

pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        // No combining mark is ASCII.
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Combining marks keep decomposed letters (`e` + U+0302) inside one word.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

fn is_connector(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '\u{2010}' | '\u{2011}')
}

/// The byte length of the word at the start of `rest`: letters and digits, joined by hyphens,
/// apostrophes or periods (`France-Presse`, `O'Brien`, `U.S`), plus a final period that
/// belongs to the word (`U.S.`, `F.`, `Dr.`, `Inc.`).
fn word_len(rest: &str) -> usize {
    let end = ascii_word_end(rest).unwrap_or_else(|| word_end(rest));
    let word = &rest[..end];
    if rest[end..].starts_with('.') && keeps_period(word) {
        return end + 1;
    }
    end
}

/// [`word_end`] for a word and the byte after it that are ASCII; `None` if it meets any other
/// character first (most words of English copy never do).
fn ascii_word_end(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut at = 0;
    loop {
        // Letters and digits, the bulk of a word, in a tight loop.
        while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
            at += 1;
        }
        let Some(&byte) = bytes.get(at) else {
            return Some(at);
        };
        if !byte.is_ascii() {
            return None;
        }
        if matches!(byte, b'-' | b'\'' | b'.') {
            match bytes.get(at + 1) {
                Some(next) if next.is_ascii_alphanumeric() => {
                    at += 1;
                    continue;
                }
                Some(next) if !next.is_ascii() => return None,
                _ => {}
            }
        }
        return Some(at);
    }
}

/// Where the word at the start of `rest` ends, before any period it keeps.
fn word_end(rest: &str) -> usize {
    let mut end = 0;
    let mut iter = rest.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_word_char(c) {
            end = i + c.len_utf8();
        } else if is_connector(c) && iter.peek().is_some_and(|&(_, next)| is_word_char(next)) {
            continue;
        } else {
            break;
        }
    }
    end
}

fn keeps_period(word: &str) -> bool {
    let mut letters = word.chars();
    let single_capital =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    // `U.S`, `J.K`, `U.S.A`: letters between periods, not `S.Paulo`.
    let dotted = word.contains('.')
        && word.split('.').all(|part| part.chars().count() <= 2)
        && word.chars().any(char::is_uppercase);
    single_capital
        || dotted
        || if word.is_ascii() {
            // The longest word on the list has four letters.
            word.len() <= 4
                && KEEPS_PERIOD
                    .iter()
                    .any(|keeps| keeps.eq_ignore_ascii_case(word))
        } else {
            KEEPS_PERIOD.contains(&word.to_lowercase().as_str())
        }
}

fn make_token(text: &str, start: usize, len: usize, block: usize) -> Option<Token> {
    let written = start..start + len;
    let word = text.get(written.clone())?;
    // Hyphens and apostrophes (`-`, `'`, or typographic ones, whose first byte is 0xE2) are
    // what the splits, particles and contractions look for; most words have none.
    let joined = word.bytes().any(|b| matches!(b, b'-' | b'\'' | 0xE2));
    let (range, based, possessive) = if joined {
        // The possessive first: `Seo-jin’s` is the given name `Seo-jin`, not `Seo` and a tail.
        let (range, possessive) = split_possessive(text, written.clone());
        let (range, based) = split_hyphen_tail(text.get(range.clone())?, range);
        (range, based, possessive)
    } else {
        (written.clone(), false, false)
    };
    let core = text.get(range.clone())?;
    if core.is_empty() {
        return None;
    }
    let shape = shape_of(core, joined);
    let folded = Lower::of(core);
    let lower = folded.get(core, &(0..core.len()));
    let lower = lower.as_ref();
    let mut flags = lexicon::flags(lower);
    if shape == Shape::Upper {
        // `US` is not the pronoun `us`, nor `WHO` the relative `who`; but a shouted `NOT` or
        // `THE` is no acronym either.
        let shouted_word = flags.has(Flags::STOP)
            && lexicon::organisation(lower).is_none()
            && lexicon::place(lower).is_none();
        flags = strip_word_senses(flags);
        if shouted_word {
            flags = flags.union(Flags::NOT_ACRONYM);
        }
    }
    Some(Token {
        range,
        end: written.end,
        folded,
        shape,
        flags,
        possessive,
        based,
        contraction: joined && core.contains(['\'', '’']) && is_contraction(core),
        weak: false,
        in_title: false,
        quoted_title: false,
        capitalised_mid_sentence: false,
        sentence: 0,
        block,
    })
}

fn strip_word_senses(flags: Flags) -> Flags {
    [
        Flags::TITLE,
        Flags::NOT_ACRONYM,
        Flags::GENERATIONAL,
        Flags::ORG_SUFFIX,
        // `FC St. Pauli`, `SV Werder Bremen`.
        Flags::ORG_PREFIX,
    ]
    .into_iter()
    .filter(|flag| flags.has(*flag))
    .fold(Flags::default(), Flags::union)
}

/// Splits a hyphenated word into its name part: `Santiago-based` → `Santiago` (a place cue),
/// `BHP-run` → `BHP`, `anti-Kremlin` → `Kremlin`; `al-Assad` and `France-Presse` stay whole.
fn split_hyphen_tail(word: &str, range: Range<usize>) -> (Range<usize>, bool) {
    // `-`, or 0xE2, the first byte of U+2010 and U+2011: most words have neither.
    if !word.bytes().any(|b| b == b'-' || b == 0xE2)
        || !word.contains(['-', '\u{2010}', '\u{2011}'])
    {
        return (range, false);
    }
    let parts: Vec<(usize, &str)> = split_on_hyphens(word);
    if parts.len() < 2 {
        return (range, false);
    }
    let starts_upper = |part: &str| part.chars().next().is_some_and(char::is_uppercase);
    let first = parts[0].1;
    if !starts_upper(first) {
        let particle = lexicon::flags(&first.to_lowercase()).has(Flags::PARTICLE);
        if particle {
            return (range, false);
        }
        // `anti-Kremlin`: the name starts at the first capitalised part, if any.
        return match parts.iter().find(|(_, part)| starts_upper(part)) {
            Some(&(offset, _)) => (range.start + offset..range.end, false),
            None => (range, false),
        };
    }
    if is_romanised_given_name(&parts) {
        return (range, false);
    }
    match parts.iter().position(|(_, part)| !starts_upper(part)) {
        Some(tail) if tail > 0 => {
            let (last_offset, last_name_part) = parts[tail - 1];
            let name_end = range.start + last_offset + last_name_part.len();
            let based = parts[tail].1.eq_ignore_ascii_case("based");
            (range.start..name_end, based)
        }
        _ => (range, false),
    }
}

/// `Park Ji-hoon`, `Liu Jianguo` (folded words): a family name before a romanised given name,
/// so the family name alone refers to the person, and only a person is so named.
pub(crate) fn is_family_name_first(words: &[String]) -> bool {
    match words {
        [_, given] => {
            (is_romanised_given_name(&split_on_hyphens(given)) && !is_arabic_surname(given))
                || lexicon::is_chinese_name_in_chinese_order(words)
        }
        _ => false,
    }
}

/// `Carrie Wong Mei-ling`, `Jason Chan Ho-yin` (as written): Hong Kong's English given name,
/// family name, then romanised given name, so the middle word alone refers to the person. The
/// last word must be written `Mei-ling` (capital, then lowercase after the hyphen), which an
/// English double-barrelled surname (`Smith-Jones`) or given name (`Jean-Paul`) is not.
pub(crate) fn is_family_name_in_middle(written: &str) -> bool {
    let words: Vec<&str> = written.split_whitespace().collect();
    let [english, family, given] = words[..] else {
        return false;
    };
    let capitalised_word = |word: &str| {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && word.chars().count() >= 2
            && chars.all(char::is_lowercase)
    };
    let parts = split_on_hyphens(given);
    capitalised_word(english)
        && capitalised_word(family)
        && family.chars().count() <= 6
        && parts.len() == 2
        && capitalised_word(parts[0].1)
        && is_romanised_given_name(&parts)
}

/// `al-tayeb`, `bin-talal` (folded): an Arabic surname, its particle glued on, no given name.
fn is_arabic_surname(word: &str) -> bool {
    word.split_once('-')
        .is_some_and(|(head, _)| matches!(head, "al" | "el" | "bin" | "ibn" | "abu"))
}

/// `Ji-hoon`, `Kai-shek`, `Seo-yeon`: two short syllables, the second lowercase, are one given
/// name, where a short English tail (`Kyiv-born`, `NATO-led`, `Obama-era`) is not.
pub(crate) fn is_romanised_given_name(parts: &[(usize, &str)]) -> bool {
    const ENGLISH_TAILS: &str = "based born run led era wide like made held owned style bound type                                  class area only free rich poor ish esque age day year old                                  up in out on off by to new news";
    let [(_, first), (_, tail)] = parts else {
        return false;
    };
    let letters = |part: &str| {
        part.chars()
            .all(char::is_alphabetic)
            .then(|| part.chars().count())
    };
    let short = |part: &str, most: usize| letters(part).is_some_and(|n| (2..=most).contains(&n));
    // `Ten-man Kettleby`, `Two-time champion`: a number before a hyphen counts something.
    const NUMBERS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "hundred",
    ];
    let number = NUMBERS.iter().any(|n| n.eq_ignore_ascii_case(first));
    !number
        && short(first, 6)
        && short(tail, 5)
        && tail.chars().all(char::is_lowercase)
        && !ENGLISH_TAILS
            .split_whitespace()
            .any(|english| english == *tail)
}

/// Parts of a word split on hyphens, each with its byte offset in the word.
pub(crate) fn split_on_hyphens(word: &str) -> Vec<(usize, &str)> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in word.char_indices() {
        if matches!(c, '-' | '\u{2010}' | '\u{2011}') {
            parts.push((start, &word[start..i]));
            start = i + c.len_utf8();
        }
    }
    parts.push((start, &word[start..]));
    parts
}

/// `Zelensky's` → `Zelensky` and a possessive flag.
fn split_possessive(text: &str, range: Range<usize>) -> (Range<usize>, bool) {
    let word = text.get(range.clone()).unwrap_or("");
    for suffix in ["'s", "’s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return (range.start..range.start + stem.len(), true);
            }
        }
    }
    (range, false)
}

/// The shape of `word`; `joined` is false only if it has no hyphen or apostrophe (so no
/// particle before a name).
fn shape_of(word: &str, joined: bool) -> Shape {
    // Most words start with a lowercase ASCII letter: with no particle before a capital, such a
    // word is `Lower` whatever follows (it has a lowercase letter, so it is no `Upper` or
    // `Initial`), and reading the rest is wasted.
    if !joined && word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return Shape::Lower;
    }
    let particle_prefixed = || joined && is_particle_prefixed(word);
    let LetterCounts {
        first_letter,
        upper_count,
        lower_count,
        char_count,
    } = LetterCounts::of(word);
    let Some(first_letter) = first_letter else {
        return Shape::Other;
    };
    let first_char = word.chars().next().unwrap_or(' ');
    if !first_char.is_alphabetic() && !particle_prefixed() {
        return Shape::Other;
    }
    if word.ends_with('.') && upper_count == 1 && lower_count == 0 && char_count == 2 {
        return Shape::Initial;
    }
    if upper_count >= 2 && lower_count == 0 {
        return Shape::Upper;
    }
    if first_letter.is_uppercase() || particle_prefixed() {
        Shape::Capitalised
    } else {
        Shape::Lower
    }
}

/// What [`shape_of`] reads of a word, counted in one pass.
#[derive(Default)]
struct LetterCounts {
    first_letter: Option<char>,
    upper_count: usize,
    lower_count: usize,
    char_count: usize,
}

impl LetterCounts {
    fn of(word: &str) -> LetterCounts {
        if word.is_ascii() {
            // Bytes are characters, and only ASCII letters have case.
            let mut counts = LetterCounts::default();
            for &byte in word.as_bytes() {
                if counts.first_letter.is_none() && byte.is_ascii_alphabetic() {
                    counts.first_letter = Some(char::from(byte));
                }
                counts.upper_count += usize::from(byte.is_ascii_uppercase());
                counts.lower_count += usize::from(byte.is_ascii_lowercase());
            }
            counts.char_count = word.len();
            return counts;
        }
        let mut counts = LetterCounts::default();
        for c in word.chars() {
            counts.char_count += 1;
            if counts.first_letter.is_none() && c.is_alphabetic() {
                counts.first_letter = Some(c);
            }
            if c.is_uppercase() {
                counts.upper_count += 1;
            }
            if c.is_lowercase() {
                counts.lower_count += 1;
            }
        }
        counts
    }
}

/// `al-Assad`, `el-Sisi`, `d'Alembert`: a lowercase particle glued to a capitalised name.
fn is_particle_prefixed(word: &str) -> bool {
    // `-`, `'` and the first byte of `’` (0xE2): most words have none of them.
    if !word.bytes().any(|b| matches!(b, b'-' | b'\'' | 0xE2)) {
        return false;
    }
    let Some(split) = word.find(['-', '\'', '’']) else {
        return false;
    };
    let (head, tail) = word.split_at(split);
    let tail_starts_upper = tail.chars().nth(1).is_some_and(char::is_uppercase);
    let head_is_particle = matches!(head, "d" | "l") || lexicon::flags(head).has(Flags::PARTICLE);
    head_is_particle && tail_starts_upper
}

/// An apostrophe followed by a lowercase letter marks a contraction (`Don't`, `We're`); names
/// such as `O'Brien` have a capital there.
fn is_contraction(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if (c == '\'' || c == '’') && chars.peek().is_some_and(|n| n.is_lowercase()) {
            return true;
        }
    }
    false
}

/// Lowercase, curly apostrophes straight, a trailing period dropped.
pub(crate) fn fold(word: &str) -> String {
    let lower: String = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect()
    };
    match lower.strip_suffix('.') {
        Some(stem) if !stem.contains('.') => stem.to_string(),
        _ => lower,
    }
}

fn number_sentences(tokens: &mut [Token], sentences: &[Range<usize>], base: usize) {
    let mut current = 0;
    for token in tokens.iter_mut() {
        while current + 1 < sentences.len() && sentences[current + 1].start <= token.range.start {
            current += 1;
        }
        token.sentence = base + current;
    }
}

/// A headline written as a paragraph (CMS exports): one sentence, most longer words
/// capitalised, and capitalised function words (`Talks Between Ukraine and Russia`) or many
/// words — so a byline (`By Keisha Morgan, Associated Press`) or a name line is not one.
fn is_title_case_line(text: &str, tokens: &[Token]) -> bool {
    let long: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.text(text).chars().count() >= 4 && !t.flags.has(Flags::STOP))
        .collect();
    let capitalised = long
        .iter()
        .filter(|t| matches!(t.shape, Shape::Capitalised | Shape::Upper))
        .count();
    let capitalised_function_word = tokens
        .iter()
        .skip(1)
        .any(|t| t.shape == Shape::Capitalised && t.flags.has(Flags::STOP));
    let byline = tokens.first().is_some_and(|t| t.lower(text) == "by");
    long.len() >= 3
        && capitalised * 4 >= long.len() * 3
        && (capitalised_function_word || long.len() >= 6)
        && !byline
        && tokens.first().map(|t| t.sentence) == tokens.last().map(|t| t.sentence)
}

/// A subhead in capitals on a line of its own, as plain-text copy marks one (`THE FUEL
/// GAMBLE`, `RACE NOTES`): two to eight words, none with a lowercase letter. Its capitals
/// are the subhead's, no evidence of a name.
fn is_shouted_subhead(text: &str, tokens: &[Token]) -> bool {
    (2..=MAX_SUBHEAD_WORDS).contains(&tokens.len())
        && tokens
            .iter()
            .all(|t| !t.text(text).chars().any(char::is_lowercase))
        && tokens.iter().any(|t| t.shape == Shape::Upper)
        && tokens.first().map(|t| t.sentence) == tokens.last().map(|t| t.sentence)
}

/// The longest subhead in capitals: a longer line in capitals is shouted copy.
const MAX_SUBHEAD_WORDS: usize = 8;

/// The text between token `i` and the one before it (or the block's start).
fn text_before<'t>(text: &'t str, block_start: usize, tokens: &[Token], i: usize) -> &'t str {
    let from = i
        .checked_sub(1)
        .map_or(block_start, |previous| tokens[previous].end);
    text.get(from..tokens[i].range.start).unwrap_or("")
}

fn mark_weak(text: &str, block_start: usize, tokens: &mut [Token], whole_block: bool) {
    if whole_block {
        tokens.iter_mut().for_each(|t| {
            t.weak = true;
            t.in_title = true;
        });
        return;
    }
    for i in 0..tokens.len() {
        let before = text_before(text, block_start, tokens, i);
        let sentence_start = i == 0 || tokens[i - 1].sentence != tokens[i].sentence;
        // Most words follow a single space, which neither starts a line nor opens a clause.
        let after_one_space = before == " ";
        // A line start is a sentence start in all but name: wire copy puts headlines, bylines
        // and datelines on lines of their own without closing punctuation.
        let line_start = !after_one_space && before.contains(['\n', '\r']);
        // `MANLAI, Mongolia — When Batbold…`: a dateline's dash starts the sentence for a word
        // such as `When`; a name after a dash keeps its capitals as evidence. Wire copy writes
        // the dash as a hyphen or two (`LONDON (Reuters) - A Tesco spokesman`).
        let stop_word_after_dash = tokens[i].flags.has(Flags::STOP)
            && (before.trim().ends_with(['—', '–'])
                || before
                    .trim_end()
                    .strip_suffix(['-'])
                    .is_some_and(|dash| dash.trim_end_matches('-').ends_with(' ')));
        if sentence_start
            || line_start
            || stop_word_after_dash
            || (!after_one_space && opens_clause(before))
        {
            tokens[i].weak = true;
        }
    }
    mark_quoted_titles(text, block_start, tokens);
    for i in 0..tokens.len() {
        let after_abbreviation = i > 0 && tokens[i - 1].text(text).ends_with('.');
        let token = &mut tokens[i];
        token.capitalised_mid_sentence = token.shape == Shape::Capitalised
            && token.flags.has(Flags::STOP)
            && !token.weak
            && !after_abbreviation
            && !token.flags.has(Flags::PRONOUN)
            && !token.flags.has(Flags::CALENDAR)
            && token.lower(text) != "the";
    }
}

/// A word right after an opening quote, a colon (also a bold label's, `**Ledger:** Why`) or a
/// separator between links (`· [Read Greyline's application]`) is capitalised for that reason
/// alone.
fn opens_clause(before: &str) -> bool {
    let trimmed = before.trim_end_matches(['*', '_', '(', '[']);
    let separated = (before.trim_end().strip_suffix('['))
        .is_some_and(|link| link.trim_end().ends_with(['·', '|', '•', ':']));
    let after_label = before
        .trim_end()
        .trim_end_matches(['*', '_'])
        .ends_with(':');
    trimmed.ends_with(['“', '‘', '«', '"', '\'']) || after_label || separated
}

/// Quoted spans written in title case are titles of works or nicknames (“What the Fire Left”,
/// “Netinho”): their capitals are no evidence either, opening the block too (“Harbour
/// Light,” which opened on Wednesday…).
fn mark_quoted_titles(text: &str, block_start: usize, tokens: &mut [Token]) {
    let mut i = 0;
    while i < tokens.len() {
        let before = text_before(text, block_start, tokens, i);
        // Most words follow a single space, which opens no quote.
        if before == " "
            || !before
                .trim_end_matches(['*', '_'])
                .ends_with(['“', '"', '‘', '\''])
        {
            i += 1;
            continue;
        }
        let close = (i..tokens.len().min(i + 14)).find(|&j| {
            let after = match tokens.get(j + 1) {
                Some(next) => text.get(tokens[j].end..next.range.start).unwrap_or(""),
                None => text.get(tokens[j].end..).unwrap_or(""),
            };
            after
                .chars()
                .take(3)
                .any(|c| matches!(c, '”' | '"' | '’' | '\''))
        });
        if let Some(close) = close {
            if is_title_case_span(&tokens[i..=close]) {
                tokens[i..=close].iter_mut().for_each(|t| {
                    t.weak = true;
                    t.in_title = true;
                    t.quoted_title = true;
                });
            }
            i = close + 1;
        } else {
            i += 1;
        }
    }
}

fn is_title_case_span(span: &[Token]) -> bool {
    let significant: Vec<&Token> = span
        .iter()
        .filter(|t| !t.flags.has(Flags::STOP) && t.shape != Shape::Other)
        .collect();
    let capitalised = significant
        .iter()
        .filter(|t| t.shape != Shape::Lower)
        .count();
    !significant.is_empty()
        && capitalised * 5 >= significant.len() * 3
        && (span.len() <= 3 || capitalised >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_document_tokenised_in_pieces_equals_one_pass() {
        let story = include_str!("../../../examples/wire-zelenskyy-energy-talks.txt");
        let long = format!("# Headline\n\n{}", story.repeat(40));
        assert!(long.len() > PARALLEL_BYTES);
        let doc = Document::parse(&long, crate::analysis::Format::PlainText);
        let one_pass = tokenize_blocks(&doc, &prose_blocks(&doc)).0;
        // In pieces whatever the machine: one thread tokenises in one pass.
        let two_threads = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let pieces = two_threads.install(|| tokenize(&doc));
        assert_eq!(format!("{pieces:?}"), format!("{one_pass:?}"));
        assert!(pieces.last().is_some_and(|token| token.sentence > 100));
    }
    use crate::analysis::document::Format;

    #[test]
    fn every_token_lowers_to_its_folded_word_however_it_is_held() {
        let text = "Mr. Đoković met the U.S. envoy in ŞANLIURFA, and O’Brien’s \
                    NATIONALVERSAMMLUNGSPRÄSIDENTIN and INTERCONTINENTALBALLISTIC crews \
                    from Nationalversammlungspräsidentin-Büro said İstanbul was calm.";
        let doc = Document::parse(text, Format::PlainText);
        let tokens = tokenize(&doc);
        let mut held = [0; 3];
        for token in &tokens {
            assert_eq!(
                token.lower(text),
                fold(token.text(text)),
                "{}",
                token.text(text)
            );
            held[match token.folded {
                Lower::Prefix(_) => 0,
                Lower::Inline { .. } => 1,
                Lower::Long => 2,
            }] += 1;
        }
        // Each way of holding the folded word is used, so each is compared above.
        assert!(held.iter().all(|&count| count > 0), "{held:?}");
    }

    fn words(text: &str) -> Vec<(String, Shape, bool)> {
        let doc = Document::parse(text, Format::Markdown);
        tokenize(&doc)
            .into_iter()
            .map(|t| (t.text(text).to_string(), t.shape, t.weak))
            .collect()
    }

    #[test]
    fn splits_possessives_tails_and_keeps_initials() {
        let found = words("Zelensky's aide met John F. Kennedy in Santiago-based U.S. offices.");
        let texts: Vec<&str> = found.iter().map(|(w, _, _)| w.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Zelensky", "aide", "met", "John", "F.", "Kennedy", "in", "Santiago", "U.S.",
                "offices"
            ]
        );
        assert_eq!(found[4].1, Shape::Initial);
        assert_eq!(found[8].1, Shape::Upper);
    }

    #[test]
    fn sentence_starts_and_quotes_are_weak() {
        let weak = |text: &str| -> Vec<String> {
            (words(text).into_iter())
                .filter(|(_, _, weak)| *weak)
                .map(|(word, _, _)| word)
                .collect()
        };
        assert_eq!(
            weak("However, Moscow said. “We will go,” Peskov said."),
            ["However", "We"]
        );
        assert_eq!(
            weak("Related: [Budget explained](a) · [Read Greyline's plan](b) | [See Maps]"),
            ["Related", "Budget", "Read", "See"]
        );
        assert_eq!(
            weak("**Ledger:** Why Larkport? **Ewa Kowal:** The sea."),
            ["Ledger", "Why", "Ewa", "The"]
        );
        // Desk 58b: a wire dateline's dash may be a hyphen or two; one inside a word is not.
        assert_eq!(
            weak("LONDON (Reuters) - A Tesco aide -- The Sun and Tesco-The Bank said."),
            ["LONDON", "A", "The"]
        );
    }

    #[test]
    fn particles_and_non_ascii_names_are_capitalised() {
        let found = words("Bashar al-Assad and Nguyễn Thị Lan and Đoković");
        assert!(found
            .iter()
            .all(|(w, shape, _)| { *shape == Shape::Capitalised || w == "and" }));
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_word_end_agrees_with_the_general_one(
            rest in "[a-zA-Z0-9][-a-zA-Z0-9'. ,é’‐]{0,12}"
        ) {
            if let Some(end) = ascii_word_end(&rest) {
                proptest::prop_assert_eq!(end, word_end(&rest));
            }
        }

        #[test]
        fn ascii_letter_counts_agree_with_counting_characters(word in "[-a-zA-Z0-9'.]{0,12}") {
            let counts = LetterCounts::of(&word);
            proptest::prop_assert_eq!(
                counts.first_letter,
                word.chars().find(|c| c.is_alphabetic())
            );
            proptest::prop_assert_eq!(
                counts.upper_count,
                word.chars().filter(|c| c.is_uppercase()).count()
            );
            proptest::prop_assert_eq!(
                counts.lower_count,
                word.chars().filter(|c| c.is_lowercase()).count()
            );
            proptest::prop_assert_eq!(counts.char_count, word.chars().count());
        }
    }

    #[test]
    fn the_ascii_word_end_leaves_other_characters_to_the_general_one() {
        assert_eq!(ascii_word_end("O'Brien said"), Some(7));
        assert_eq!(ascii_word_end("U.S. officials"), Some(3));
        assert_eq!(word_len("U.S. officials"), 4);
        assert_eq!(ascii_word_end("Jean-Émile"), None);
        assert_eq!(word_len("Jean-Émile spoke"), "Jean-Émile".len());
        assert_eq!(ascii_word_end("Kyiv’s"), None);
        assert_eq!(word_len("Kyiv’s power"), "Kyiv’s".len());
    }

    #[test]
    fn urls_and_code_are_skipped() {
        let found = words("See https://Example.com/Peskov and `Putin` here.");
        let texts: Vec<&str> = found.iter().map(|(w, _, _)| w.as_str()).collect();
        assert_eq!(texts, vec!["See", "and", "here"]);
    }
}
