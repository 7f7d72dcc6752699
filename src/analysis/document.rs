//! The document model: splits raw copy into lines and blocks (headings, paragraphs, code) so
//! checks reason about structure instead of re-parsing text.

use std::ops::Range;
use std::sync::OnceLock;

use super::text;

/// How the copy is written. Plain text gets the same heading rules as Markdown (CMS exports mark
/// headlines with `**bold**` lines; wire copy opens with an unmarked one), but no code fences or
/// front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    PlainText,
}

impl Format {
    /// Picks the format from a file name; anything not Markdown is treated as plain text.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") {
            Format::Markdown
        } else {
            Format::PlainText
        }
    }

    /// Picks the format from an LSP language id such as `markdown` or `plaintext`.
    pub fn from_language_id(language_id: &str) -> Format {
        match language_id {
            "markdown" | "mdx" | "quarto" | "rmd" => Format::Markdown,
            _ => Format::PlainText,
        }
    }
}

/// One line of the text. `range` excludes the line break; `full` includes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub range: Range<usize>,
    pub full: Range<usize>,
}

/// How a heading was marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingStyle {
    /// `# Title`
    Atx,
    /// A line underlined with `===` or `---`.
    Setext,
    /// A line that is wholly `**bold**` or `__bold__`.
    Bold,
    /// No markup: a story's first line when it reads as a headline and copy follows it
    /// (wire copy and CMS exports open so: `Zelensky proposes new round of talks`).
    Unmarked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading {
        level: u8,
        style: HeadingStyle,
    },
    Paragraph,
    /// Fenced code, front matter, HTML comments, tables, rules: not prose, never checked.
    Other,
}

/// A run of lines with one role. `range` spans the block's text without its final line break;
/// `content` is the prose inside the markup (the heading's words, or the paragraph itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Indices into `Document::lines`, end exclusive.
    pub lines: Range<usize>,
    pub range: Range<usize>,
    pub content: Range<usize>,
}

impl Block {
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading { .. })
    }

    pub fn is_paragraph(&self) -> bool {
        self.kind == BlockKind::Paragraph
    }
}

/// Parsed copy: the text, its lines and its blocks in order.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub text: &'a str,
    pub format: Format,
    pub lines: Vec<Line>,
    pub blocks: Vec<Block>,
    /// Each block's sentences, split on first use: the fingerprints, the entity tokens and the
    /// quote analysis all read them, often on different threads.
    sentences: Vec<OnceLock<Vec<Range<usize>>>>,
}

impl<'a> Document<'a> {
    pub fn parse(text: &'a str, format: Format) -> Document<'a> {
        let lines = split_lines(text);
        let blocks = BlockParser::new(text, format, &lines).parse();
        let sentences = blocks.iter().map(|_| OnceLock::new()).collect();
        Document {
            text,
            format,
            lines,
            blocks,
            sentences,
        }
    }

    /// The sentences of block `index`'s content, as [`text::sentences`] splits them (byte
    /// ranges in the text); none for a block that does not exist.
    pub fn sentences(&self, index: usize) -> &[Range<usize>] {
        match (self.blocks.get(index), self.sentences.get(index)) {
            (Some(block), Some(sentences)) => {
                sentences.get_or_init(|| text::sentences(self.text, block.content.clone()))
            }
            _ => &[],
        }
    }

    /// The 0-based line holding byte `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|line| line.full.end <= offset)
            .min(self.lines.len().saturating_sub(1))
    }

    pub fn slice(&self, range: &Range<usize>) -> &'a str {
        self.text.get(range.clone()).unwrap_or("")
    }

    pub fn headings(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|block| block.is_heading())
    }

    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|block| block.is_paragraph())
    }

    /// Whether `block` is a list item (its first line starts with `-`, `*`, `+` or `1.`).
    pub fn is_list_item(&self, block: &Block) -> bool {
        let first_line = self.lines.get(block.lines.start);
        first_line.is_some_and(|line| starts_with_list_marker(self.slice(&line.range).trim_start()))
    }

    /// Whether `block` is in a Markdown blockquote (its first line starts with `>`).
    pub fn is_blockquote(&self, block: &Block) -> bool {
        let first_line = self.lines.get(block.lines.start);
        self.format == Format::Markdown
            && first_line.is_some_and(|line| self.slice(&line.range).trim_start().starts_with('>'))
    }

    /// The byte range that deletes `block` as whole lines, with one adjacent blank line: the
    /// one after if there is one, else the one before — as an editor's "delete line" would.
    /// When the last removed line has no line break (a file without a final newline), the break
    /// before the removed lines goes instead, so no stray empty line is left behind.
    pub fn block_removal(&self, block: &Block) -> Range<usize> {
        let lines = &self.lines;
        let is_blank = |index: usize| self.slice(&lines[index].range).trim().is_empty();
        let has_break = |index: usize| lines[index].full.end > lines[index].range.end;
        let mut first = block.lines.start.min(lines.len() - 1);
        let mut last = block
            .lines
            .end
            .saturating_sub(1)
            .clamp(first, lines.len() - 1);
        if last + 1 < lines.len() && is_blank(last + 1) && has_break(last + 1) {
            last += 1;
        } else if first > 0 && is_blank(first - 1) {
            first -= 1;
        }
        if !has_break(last) && first > 0 {
            lines[first - 1].range.end..lines[last].full.end
        } else {
            lines[first].full.start..lines[last].full.end
        }
    }

    /// The block containing byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        self.blocks
            .iter()
            .find(|block| block.range.start <= offset && offset <= block.range.end)
    }
}

/// Splits on `\n`, `\r\n` and lone `\r`, as LSP and ropey (with `cr_lines`) do. A text always has
/// at least one line, and a final line break starts an empty last line.
pub fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip eight bytes at a time while none of them can be a line break (`\n` and `\r`
        // are the only bytes below 0x0E that matter; any byte below it stops the skip).
        while i + 8 <= bytes.len() && !has_byte_below_0e(&bytes[i..i + 8]) {
            i += 8;
        }
        if i >= bytes.len() {
            break;
        }
        let break_len = match bytes[i] {
            b'\n' => 1,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if break_len > 0 {
            lines.push(Line {
                range: start..i,
                full: start..i + break_len,
            });
            i += break_len;
            start = i;
        } else {
            i += 1;
        }
    }
    lines.push(Line {
        range: start..bytes.len(),
        full: start..bytes.len(),
    });
    lines
}

/// Whether any of eight bytes is below 0x0E (so possibly `\n` or `\r`).
fn has_byte_below_0e(chunk: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    let x = u64::from_le_bytes(word);
    // The classic "has a byte less than n" test; exact for n <= 128.
    (x.wrapping_sub(ONES * 0x0E) & !x & HIGHS) != 0
}

/// What a single line looks like on its own, before lines are grouped into blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineShape {
    Blank,
    Fence,
    Atx(u8),
    Bold,
    SetextUnderline(u8),
    /// A list item, block quote or similar line that always starts a block of its own.
    Item,
    Comment,
    /// A plain-text `copydesk:` suppression directive: markup, not prose.
    Directive,
    TableOrRule,
    /// A Markdown line that is only an image: its alt text describes a picture (often in the
    /// caption's very words) and is not copy.
    Image,
    Text,
}

struct BlockParser<'t> {
    text: &'t str,
    format: Format,
    lines: &'t [Line],
    /// The shape of every line, worked out once: grouping asks about most lines twice.
    shapes: Vec<LineShape>,
    blocks: Vec<Block>,
    /// The content of the story's unmarked headline, once found.
    headline: Option<Range<usize>>,
}

impl<'t> BlockParser<'t> {
    fn new(text: &'t str, format: Format, lines: &'t [Line]) -> Self {
        let shapes = lines
            .iter()
            .map(|line| line_shape(&text[line.range.clone()], format))
            .collect();
        BlockParser {
            text,
            format,
            lines,
            shapes,
            blocks: Vec::new(),
            headline: None,
        }
    }

    fn line_text(&self, index: usize) -> &'t str {
        &self.text[self.lines[index].range.clone()]
    }

    fn parse(mut self) -> Vec<Block> {
        let mut index = self.skip_front_matter();
        while index < self.lines.len() {
            let shape = self.shape(index);
            index = match shape {
                LineShape::Blank => index + 1,
                LineShape::Fence if self.format == Format::Markdown => self.fenced(index),
                LineShape::Atx(level) => self.atx(index, level),
                LineShape::Bold => self.bold(index),
                LineShape::Comment => self.comment(index),
                LineShape::TableOrRule
                | LineShape::Image
                | LineShape::SetextUnderline(_)
                | LineShape::Fence
                | LineShape::Directive => {
                    self.push_other(index..index + 1);
                    index + 1
                }
                LineShape::Item | LineShape::Text => self.paragraphs(index),
            };
        }
        self.blocks
    }

    fn shape(&self, index: usize) -> LineShape {
        self.shapes[index]
    }

    /// Markdown files may open with YAML front matter between `---` lines.
    fn skip_front_matter(&mut self) -> usize {
        if self.format != Format::Markdown || self.line_text(0).trim_end() != "---" {
            return 0;
        }
        let close = (1..self.lines.len()).find(|&i| {
            let line = self.line_text(i).trim_end();
            line == "---" || line == "..."
        });
        match close {
            Some(close) => {
                self.push_other(0..close + 1);
                close + 1
            }
            None => 0,
        }
    }

    fn fenced(&mut self, start: usize) -> usize {
        let opener = self.line_text(start).trim();
        let marker = &opener[..3];
        let end = (start + 1..self.lines.len())
            .find(|&i| self.line_text(i).trim().starts_with(marker))
            .map(|i| i + 1)
            .unwrap_or(self.lines.len());
        self.push_other(start..end);
        end
    }

    fn comment(&mut self, start: usize) -> usize {
        let end = (start..self.lines.len())
            .find(|&i| self.line_text(i).contains("-->"))
            .map(|i| i + 1)
            .unwrap_or(start + 1);
        self.push_other(start..end);
        end
    }

    fn atx(&mut self, index: usize, level: u8) -> usize {
        let line = &self.lines[index];
        let content = trim_range(self.text, atx_content(self.text, line.range.clone()));
        self.push(
            BlockKind::Heading {
                level,
                style: HeadingStyle::Atx,
            },
            index..index + 1,
            content,
        );
        index + 1
    }

    fn bold(&mut self, index: usize) -> usize {
        let range = trim_range(self.text, self.lines[index].range.clone());
        let content = trim_range(self.text, range.start + 2..range.end - 2);
        self.push(
            BlockKind::Heading {
                level: 1,
                style: HeadingStyle::Bold,
            },
            index..index + 1,
            content,
        );
        index + 1
    }

    /// Groups a run of prose lines into paragraphs. A run whose lines break mid-sentence is one
    /// hard-wrapped paragraph; a run whose lines all end a sentence is wire copy, one paragraph
    /// per line. A setext underline turns the line above it into a heading.
    fn paragraphs(&mut self, start: usize) -> usize {
        let mut end = start + 1;
        while end < self.lines.len() && self.shape(end) == LineShape::Text {
            end += 1;
        }
        if let Some(LineShape::SetextUnderline(level)) =
            (end < self.lines.len()).then(|| self.shape(end))
        {
            if self.accepts_setext(start, end) {
                if end - 1 > start {
                    self.split_run(start, end - 1);
                }
                let heading_line = end - 1;
                let content = trim_range(self.text, self.lines[heading_line].range.clone());
                self.push(
                    BlockKind::Heading {
                        level,
                        style: HeadingStyle::Setext,
                    },
                    heading_line..end + 1,
                    content,
                );
                return end + 1;
            }
        }
        self.split_run(start, end);
        end
    }

    /// In plain text a dashed line under a long sentence is a separator, not an underline.
    fn accepts_setext(&self, start: usize, end: usize) -> bool {
        let heading = self.line_text(end - 1).trim();
        if self.shape(start) == LineShape::Item && end - 1 == start {
            return false;
        }
        match self.format {
            Format::Markdown => true,
            Format::PlainText => heading.chars().count() <= 120 && !heading.ends_with('.'),
        }
    }

    fn split_run(&mut self, mut start: usize, end: usize) {
        // An AP slug line (`BC-FBN--Jaguars-Texans,0689`) is a label for editors, above the
        // headline: not prose.
        if self.before_any_prose()
            && start < end
            && self.line_text(start).trim_start().starts_with("BC-")
        {
            self.push_other(start..start + 1);
            start += 1;
        }
        // Wire copy opens with an unmarked headline; a copy of it later is a heading too.
        while start < end
            && (self.opens_with_headline(start, end) || self.repeats_the_headline(start))
        {
            let content = trim_range(self.text, self.lines[start].range.clone());
            self.headline.get_or_insert(content.clone());
            let style = HeadingStyle::Unmarked;
            self.push(
                BlockKind::Heading { level: 1, style },
                start..start + 1,
                content,
            );
            start += 1;
        }
        if start >= end {
            return;
        }
        // Hard-wrapped copy breaks lines mid-sentence; wire copy ends every line with one. A
        // block with any mid-sentence break is wrapped: its lines join, except lines that stand
        // alone (bylines, headlines) or end a sentence at a length no editor wraps at.
        let wrapped_block = (start..end - 1).any(|i| self.breaks_mid_sentence(i))
            && !self.mostly_unwrapped(start, end);
        let mut paragraph_start = start;
        for i in start..end {
            let continued = i > paragraph_start;
            let joins_next = i + 1 < end && wrapped_block && self.continues_wrapped(i, continued);
            if !joins_next {
                let range = trim_range(
                    self.text,
                    self.lines[paragraph_start].range.start..self.lines[i].range.end,
                );
                self.push(BlockKind::Paragraph, paragraph_start..i + 1, range);
                paragraph_start = i + 1;
            }
        }
    }

    /// Whether nothing but front matter, comments and slugs has been read so far.
    fn before_any_prose(&self) -> bool {
        self.blocks
            .iter()
            .all(|block| block.kind == BlockKind::Other)
    }

    /// Whether the run of lines `start..end` opens the story with an unmarked headline: its
    /// first line looks like one, nothing but front matter or comments comes before it, copy
    /// comes after it, and it is the run's only line to stop mid-sentence (in hard-wrapped
    /// copy, a short first line is more likely the lede's first line).
    fn opens_with_headline(&self, start: usize, end: usize) -> bool {
        // Only the first run of prose is asked about the rest of the story.
        if !self.before_any_prose() {
            return false;
        }
        let copy_follows = (self.shapes.get(start + 1..).unwrap_or(&[]).iter())
            .any(|shape| matches!(shape, LineShape::Text | LineShape::Item));
        let headline = self.line_text(start).trim();
        let copy = |i: usize| self.line_text(i).trim() == headline;
        // The line after a headline is a byline, a dek (a sentence of its own), a whole
        // paragraph longer than any wrap, or the headline pasted again; a wrapped line's
        // continuation starts lowercase or runs on.
        let next_is_not_a_wrap = start + 1 >= end || {
            let next = self.line_text(start + 1).trim();
            let starts_upper = next.chars().next().is_some_and(|c| !c.is_lowercase());
            stands_alone(next)
                || next.chars().count() > WRAP_WIDTH
                || (starts_upper && ends_sentence(next))
                || copy(start + 1)
        };
        // A line alone in its run cannot be a wrapped line, so it may end in a particle
        // (`Rovers hang on`); a line with copy under it may not.
        let alone = start + 1 >= end;
        // A CMS export's lines are paragraphs, so a short line without a stop further down is
        // a subhead (`Match details`), not a wrap.
        let wrapped_below = !self.mostly_unwrapped(start, end)
            && (start + 1..end.saturating_sub(1)).any(|i| self.breaks_mid_sentence(i) && !copy(i));
        copy_follows
            && next_is_not_a_wrap
            && looks_like_headline(headline)
            && (alone || !ends_like_a_wrapped_line(headline))
            && !wrapped_below
    }

    /// Whether line `index` is the story's unmarked headline again (pasted twice, as CMS
    /// exports do with bold ones): a heading too, so the copy reads as a repeated heading.
    fn repeats_the_headline(&self, index: usize) -> bool {
        let headline = self
            .headline
            .clone()
            .and_then(|content| self.text.get(content));
        headline.is_some_and(|headline| headline == self.line_text(index).trim())
    }

    /// Whether half the lines of a run or more are longer than any wrap: a CMS export's
    /// paragraphs, one per line, where a short line (a dek without a full stop, a one-line
    /// paragraph) is a paragraph of its own, not a wrapped line to join to the next.
    fn mostly_unwrapped(&self, start: usize, end: usize) -> bool {
        let long = (start..end)
            .filter(|&i| self.line_text(i).trim().chars().count() > WRAP_WIDTH)
            .count();
        long * 2 >= end - start
    }

    fn breaks_mid_sentence(&self, index: usize) -> bool {
        let line = self.line_text(index).trim();
        !ends_sentence(line) && !stands_alone(line) && self.shape(index + 1) == LineShape::Text
    }

    /// Whether line `index` runs on into the next. A line that a mid-sentence break ran into
    /// (`continued`) is prose, however title-case it looks (`Halvorsen, Dana Ferland and Adaeze`).
    fn continues_wrapped(&self, index: usize, continued: bool) -> bool {
        let line = self.line_text(index).trim();
        if (!continued && stands_alone(line)) || self.shape(index + 1) != LineShape::Text {
            return false;
        }
        !ends_sentence(line) || line.chars().count() <= WRAP_WIDTH
    }

    fn push_other(&mut self, lines: Range<usize>) {
        let range = self.lines[lines.start].range.start..self.lines[lines.end - 1].range.end;
        self.push(BlockKind::Other, lines, range);
    }

    fn push(&mut self, kind: BlockKind, lines: Range<usize>, content: Range<usize>) {
        let range = self.lines[lines.start].range.start..self.lines[lines.end - 1].range.end;
        self.blocks.push(Block {
            kind,
            lines,
            range,
            content,
        });
    }
}

/// What line `line` looks like on its own.
fn line_shape(line: &str, format: Format) -> LineShape {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return LineShape::Blank;
    }
    if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
        return LineShape::Fence;
    }
    if let Some(level) = atx_level(trimmed) {
        return LineShape::Atx(level);
    }
    if let Some(level) = setext_level(trimmed) {
        return LineShape::SetextUnderline(level);
    }
    if is_thematic_break(trimmed) || trimmed.starts_with('|') || is_column_row(trimmed) {
        return LineShape::TableOrRule;
    }
    if trimmed.starts_with("<!--") {
        return LineShape::Comment;
    }
    if format == Format::Markdown && is_image_line(trimmed) {
        return LineShape::Image;
    }
    if format == Format::PlainText && trimmed.starts_with("copydesk:") {
        return LineShape::Directive;
    }
    if bold_inner(trimmed).is_some() {
        return LineShape::Bold;
    }
    if is_item(trimmed) {
        return LineShape::Item;
    }
    LineShape::Text
}

/// `![alt](photo.jpg)`, `![alt](photo.jpg "title")`, a linked `[![alt](photo.jpg)](page)`, or
/// an HTML `<img …>`, alone on the line.
/// `Stornoway - Ullapool  0700   Loch Seaforth  Cancelled`: a row of a table laid out with
/// spaces, as plain-text copy has timetables and results. Two gaps of two spaces or more (or
/// tabs) between words make columns; prose has them only after a sentence's end (`noon.  It`).
fn is_column_row(trimmed: &str) -> bool {
    let mut gaps = 0;
    let mut spaces = 0;
    let mut previous = ' ';
    for c in trimmed.chars() {
        match c {
            ' ' => spaces += 1,
            '\t' => spaces += 2,
            _ => {
                if spaces >= 2 && !matches!(previous, '.' | '!' | '?' | ':' | ';') {
                    gaps += 1;
                }
                spaces = 0;
                previous = c;
            }
        }
    }
    gaps >= 2
}

fn is_image_line(trimmed: &str) -> bool {
    let markdown = (trimmed.starts_with("![") || trimmed.starts_with("[!["))
        && trimmed.ends_with(')')
        && trimmed
            .split_once("](")
            .is_some_and(|(_, target)| !target.contains(") "));
    let html = trimmed
        .get(..4)
        .is_some_and(|tag| tag.eq_ignore_ascii_case("<img"))
        && trimmed.ends_with('>');
    markdown || html
}

fn atx_level(trimmed: &str) -> Option<u8> {
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    let rest = &trimmed[hashes..];
    ((1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
        .then_some(hashes as u8)
}

/// The heading text of an ATX line: without the leading hashes and an optional closing run.
fn atx_content(text: &str, line: Range<usize>) -> Range<usize> {
    let raw = &text[line.clone()];
    let leading_space = raw.len() - raw.trim_start().len();
    let after_hashes = raw.trim_start().trim_start_matches('#');
    let start = line.end - after_hashes.len();
    let mut body = after_hashes.trim_end();
    let without_closing = body.trim_end_matches('#');
    if without_closing.ends_with([' ', '\t']) || without_closing.is_empty() {
        body = without_closing;
    }
    let _ = leading_space;
    start..start + body.len()
}

fn setext_level(trimmed: &str) -> Option<u8> {
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b == b'=') {
        Some(1)
    } else if trimmed.len() >= 2 && trimmed.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

/// `***` or `_ _ _`: three or more of one of `*` and `_`, with only whitespace between them.
fn is_thematic_break(trimmed: &str) -> bool {
    let mark = match trimmed.as_bytes().first() {
        Some(&b @ (b'*' | b'_')) => b as char,
        _ => return false,
    };
    let mut marks = 0;
    for c in trimmed.chars() {
        if c == mark {
            marks += 1;
        } else if !c.is_whitespace() {
            return false;
        }
    }
    marks >= 3
}

/// The inside of a line that is wholly bold: `**…**` or `__…__` with no other bold run inside.
pub fn bold_inner(trimmed: &str) -> Option<&str> {
    for marker in ["**", "__"] {
        if trimmed.len() > 4 && trimmed.starts_with(marker) && trimmed.ends_with(marker) {
            let inner = &trimmed[2..trimmed.len() - 2];
            if !inner.contains(marker) && !inner.trim().is_empty() && inner.trim() == inner {
                return Some(inner);
            }
        }
    }
    None
}

fn is_item(trimmed: &str) -> bool {
    trimmed.starts_with('>') || starts_with_list_marker(trimmed)
}

fn starts_with_list_marker(trimmed: &str) -> bool {
    trimmed
        .split_once(' ')
        .is_some_and(|(marker, _)| is_list_marker(marker))
}

/// A list item's marker: `-`, `*`, `+`, or a number of up to three digits and `.` or `)`.
pub fn is_list_marker(word: &str) -> bool {
    let numbered = word.strip_suffix(['.', ')']).is_some_and(|number| {
        (1..=3).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
    });
    numbered || matches!(word, "-" | "*" | "+")
}

/// Lines longer than this are never hard wraps: editors and CMSs wrap at 72–100 columns.
const WRAP_WIDTH: usize = 100;

/// A line that is a unit of its own even without final punctuation: a byline or a title-case
/// headline (its long words capitalised, its last word too).
fn stands_alone(line: &str) -> bool {
    if line.starts_with("By ") && line.split_whitespace().count() <= 6 {
        return true;
    }
    let long_words: Vec<&str> = line
        .split_whitespace()
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    // `Russia was represented by Deputy Foreign Minister Oleg`: a long lowercase word is
    // prose, as a title-case headline or a byline never has one.
    let long_lowercase = line.split_whitespace().any(|word| {
        word.chars().filter(|c| c.is_alphabetic()).count() >= 8
            && word.chars().all(|c| !c.is_uppercase())
    });
    if long_lowercase || lowercase_content_words(line) >= 2 || ends_a_sentence_inside(line) {
        return false;
    }
    let capitalised = |word: &str| first_letter_is_upper(word) == Some(true);
    // A figure may end it: `Kingsbridge United 2 Halton Rovers 1`, a score line.
    let last_capitalised = line
        .split_whitespace()
        .last()
        .is_some_and(|word| first_letter_is_upper(word) != Some(false));
    long_words.len() >= 2
        && last_capitalised
        && long_words.iter().filter(|w| capitalised(w)).count() * 4 >= long_words.len() * 3
}

/// Words of four letters or more that title case may leave lowercase: prepositions and
/// conjunctions (`Rovers Hold on with Ten Men`, `Talks Resume after Ceasefire`).
const TITLE_CASE_LOWERCASE: [&str; 24] = [
    "with", "from", "into", "onto", "over", "upon", "than", "that", "this", "after", "about",
    "under", "amid", "among", "against", "before", "behind", "between", "during", "without",
    "within", "through", "until", "versus",
];

/// `The case, Batiste v. Tensaw Parish School Board, was filed by Lorraine`: lowercase words
/// of four letters or more that no title case leaves lowercase (`case`, `filed`). A line with
/// two is prose, however many names it holds.
fn lowercase_content_words(line: &str) -> usize {
    line.split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|word| {
            word.chars().count() >= 4
                && word.chars().all(char::is_lowercase)
                && !TITLE_CASE_LOWERCASE.contains(word)
        })
        .count()
}

/// `… on Gull & Anchor Records. The Harlan`: whether a sentence ends mid-line (after a word, not
/// an abbreviation such as `Gov.` or `St.`), which makes a line prose: no headline or byline
/// has one.
fn ends_a_sentence_inside(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).any(|pair| {
        pair[0].ends_with('.')
            && pair[0].chars().filter(|c| c.is_alphabetic()).count() >= 6
            && first_letter_is_upper(pair[1]) == Some(true)
    })
}

/// Whether a word's first letter is a capital; `None` for a word with no letter (`2026`, `—`).
fn first_letter_is_upper(word: &str) -> Option<bool> {
    word.chars()
        .find(|c| c.is_alphabetic())
        .map(char::is_uppercase)
}

/// Whether a line ends in a function word (`on`, `the`, `with`), as a hard-wrapped line
/// often does and a headline seldom does, unless it ends in a particle (`Rovers hang on`).
fn ends_like_a_wrapped_line(line: &str) -> bool {
    const WRAPPED_ENDS: [&str; 16] = [
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
        "with", "that",
    ];
    let last = line
        .split_whitespace()
        .last()
        .map(|word| word.to_lowercase())
        .unwrap_or_default();
    WRAPPED_ENDS.contains(&last.as_str())
}

/// A line that reads as a headline when it opens a story: a capital, a figure or a quote mark
/// first, a headline's length, and an end that is no sentence's and no dateline's dash. A
/// byline is no headline, nor a short line of capitalised words only (a name and role:
/// `Nguyễn Thị Lan, Science Correspondent`).
fn looks_like_headline(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let starts_like_a_title = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'“‘«".contains(c));
    // Words with no letter (`—`, `2026`) do not make a name line prose.
    let name_line = words.len() < 6
        && words
            .iter()
            .all(|word| first_letter_is_upper(word) != Some(false));
    (2..=20).contains(&words.len())
        && starts_like_a_title
        && !name_line
        && !ends_sentence(line)
        && !line.ends_with(['—', '–', '-', ','])
        && !line.starts_with("By ")
        && !ends_a_sentence_inside(line)
}

/// Whether a line ends a sentence: terminal punctuation, optionally inside closing quotes,
/// brackets or emphasis markers.
pub fn ends_sentence(line: &str) -> bool {
    let stripped = line
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '*', '_', '»']);
    stripped.ends_with(['.', '!', '?', '…', ':'])
}

/// Shrinks a range to exclude surrounding whitespace.
pub fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = text.get(range.clone()).unwrap_or("");
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, format: Format) -> Vec<(BlockKind, String)> {
        let doc = Document::parse(text, format);
        doc.blocks
            .iter()
            .map(|block| (block.kind, doc.slice(&block.content).to_string()))
            .collect()
    }

    const H1_ATX: BlockKind = BlockKind::Heading {
        level: 1,
        style: HeadingStyle::Atx,
    };
    const BOLD: BlockKind = BlockKind::Heading {
        level: 1,
        style: HeadingStyle::Bold,
    };

    #[test]
    fn lines_follow_lsp_line_breaks() {
        let lines = split_lines("a\r\nb\rc\n");
        let ranges: Vec<_> = lines.iter().map(|line| line.range.clone()).collect();
        assert_eq!(ranges, vec![0..1, 3..4, 5..6, 7..7]);
    }

    #[test]
    fn finds_atx_bold_and_setext_headings() {
        let text = "# Storm Hits Coast #\n\n**Crews Evacuate**\n\nFloods Spread\n=====\n\nBody text here.\n";
        let found = kinds(text, Format::Markdown);
        assert_eq!(found[0], (H1_ATX, "Storm Hits Coast".into()));
        assert_eq!(found[1], (BOLD, "Crews Evacuate".into()));
        assert_eq!(
            found[2],
            (
                BlockKind::Heading {
                    level: 1,
                    style: HeadingStyle::Setext
                },
                "Floods Spread".into()
            )
        );
        assert_eq!(found[3], (BlockKind::Paragraph, "Body text here.".into()));
    }

    #[test]
    fn wire_copy_is_one_paragraph_per_line() {
        let text = "First paragraph ends here.\nSecond one “ends” here.\nThird.";
        let found = kinds(text, Format::PlainText);
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|(kind, _)| *kind == BlockKind::Paragraph));
    }

    #[test]
    fn hard_wrapped_lines_form_one_paragraph() {
        let text = "The council voted on\nTuesday to close the bridge.\nIt reopens in May.\n";
        let found = kinds(text, Format::Markdown);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, text.trim_end());
    }

    #[test]
    fn a_table_laid_out_with_spaces_is_not_prose() {
        let text = "CalMac said these sailings were at risk:\n\n  Route                 Dep    Vessel         Status\n  Stornoway - Ullapool  0700   Loch Seaforth  Cancelled\n  Tarbert - Uig         0715   Hebrides       Cancelled\n\nA freight-only sailing may be added.  It leaves at noon.  Tickets:  free.\n";
        let found = kinds(text, Format::PlainText);
        let kinds: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Other,
                BlockKind::Other,
                BlockKind::Other,
                BlockKind::Paragraph
            ],
            "{found:?}"
        );
    }

    #[test]
    fn a_wrapped_line_full_of_names_runs_on() {
        // Six of its eight long words are capitalised, as in a headline; `case` and `filed`
        // are prose's.
        let text = "Story opens here, wrapped at the\nusual width of the desk.\n\nThe case, Batiste v. Tensaw Parish School Board, was filed by Lorraine\nBatiste, a widow who sued on behalf of her four children.\n";
        let found = kinds(text, Format::PlainText);
        assert_eq!(found.len(), 2);
        assert!(found[1]
            .1
            .ends_with("by Lorraine\nBatiste, a widow who sued on behalf of her four children."));
        // A headline in title case keeps its line.
        let text = "Story opens here, wrapped at the\nusual width of the desk.\n\nBatiste Family Wins Ruling after Long Fight\nThe board said it would not appeal.\n";
        assert_eq!(kinds(text, Format::PlainText).len(), 3);
    }

    #[test]
    fn a_cms_export_keeps_its_short_lines_as_paragraphs() {
        // One paragraph a line, a dek without a full stop among them: not hard-wrapped copy,
        // so the short one-sentence paragraph does not join the long one after it.
        let text = "**Is that allowed?**\n\
                    Becky Marsh takes on your money problems, and this week wins back savings\n\
                    Banks must refund victims of authorised push payment fraud up to £85,000, with the cost split equally between the two banks involved.\n\
                    The good news is that the rules are on your side.\n\
                    Since October 2024, firms have been required to reimburse victims, and they can refuse only if the customer acted with gross negligence.\n\
";
        let found = kinds(text, Format::PlainText);
        let paragraphs: Vec<&str> = found.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(paragraphs[1..], text.lines().skip(1).collect::<Vec<_>>());
    }

    const UNMARKED: BlockKind = BlockKind::Heading {
        level: 1,
        style: HeadingStyle::Unmarked,
    };

    #[test]
    fn wire_copy_opens_with_an_unmarked_headline() {
        // Sentence case, so not read as a title-case line: before, it made the whole story
        // read as hard-wrapped, and its short paragraphs joined the ones after them.
        let text = "Zelensky proposes new round of peace talks with Russia next week\n\
                    By Tom Balmforth, Reuters\n\
                    KYIV, July 19 (Reuters) - Ukrainian President Volodymyr Zelensky said on Saturday he had proposed a new round of talks.\n\
                    \"We are ready,\" he said.\n\
                    Moscow did not respond.\n";
        let found = kinds(text, Format::PlainText);
        assert_eq!(found.len(), 5, "{found:?}");
        assert_eq!(
            found[0],
            (
                UNMARKED,
                "Zelensky proposes new round of peace talks with Russia next week".into()
            )
        );
        assert!(found[1..]
            .iter()
            .all(|(kind, _)| *kind == BlockKind::Paragraph));
        // Over a dek (a short sentence) and a byline, as CMS exports put them.
        let found = kinds(
            "Zelensky proposes new round of talks\nKyiv wants a prisoner exchange first.\nBy Tom Balmforth\nKYIV - Ukraine's president said on Saturday he had proposed talks.\n",
            Format::PlainText,
        );
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[0].0, UNMARKED);
        // In Markdown, a line of its own.
        let found = kinds(
            "Peskov warns Kyiv over talks\n\nThe Kremlin spoke.\n",
            Format::Markdown,
        );
        assert_eq!(found[0].0, UNMARKED);
        // A CMS export with a subhead further down (`Match details`, no stop).
        let long = "Kingussie lifted the Camanachd Cup for the first time in 14 years on Saturday, beating Lochaber 3-1 at Mossfield Park.";
        let text = format!(
            "Kingussie end 14-year wait as MacLeod double settles final\nBy Calum Matheson\n{long}\n{long}\nMatch details\nKingussie 3 (MacLeod 44, 56) Lochaber 1 (MacInnes 19)\n{long}\n{long}\n{long}\n"
        );
        let found = kinds(&text, Format::PlainText);
        assert_eq!(found[0].0, UNMARKED, "{found:?}");
        assert_eq!(found.len(), 9, "{found:?}");
        // Alone on its line, a headline may end in a particle: no wrap can continue it.
        for format in [Format::Markdown, Format::PlainText] {
            let found = kinds("Rovers hang on\n\nThe visitors held out.\n", format);
            assert_eq!(found[0].0, UNMARKED, "{found:?}");
        }
    }

    #[test]
    fn only_a_headline_like_first_line_with_copy_after_it_is_an_unmarked_headline() {
        for (text, format) in [
            // The only line: nothing to head.
            ("Zelensky proposes new talks with Russia", Format::PlainText),
            // A sentence.
            ("Zelensky proposed new talks.\n\nMoscow did not respond.", Format::Markdown),
            // Not the story's first line.
            ("# Talks\n\nZelensky proposes new talks\n\nMoscow did not respond.", Format::Markdown),
            // A name and role, a byline, a dateline.
            ("Nguyễn Thị Lan, Science Correspondent\n\nThe trial ended.", Format::Markdown),
            ("By Tom Balmforth\n\nThe trial ended.", Format::Markdown),
            ("KYIV, Ukraine —\n\nThe trial ended.", Format::Markdown),
            // Hard-wrapped: the lede's first line.
            ("Ukrainian President Volodymyr Zelensky said on\nSaturday he had proposed talks.\nMoscow did not respond.", Format::PlainText),
            ("Zelensky proposed new talks with Russia\nwhen he spoke on Saturday.\nMoscow did not respond.", Format::PlainText),
        ] {
            let found = kinds(text, format);
            assert!(
                found.iter().all(|(kind, _)| *kind != UNMARKED),
                "{text:?}: {found:?}"
            );
        }
    }

    #[test]
    fn a_headline_pasted_many_times_is_a_heading_each_time() {
        let text = "Rovers snatch late winner\n".repeat(50_000) + "The lede ends here.\n";
        let doc = Document::parse(&text, Format::PlainText);
        assert_eq!(doc.blocks.len(), 50_001);
        assert!(doc.blocks[..50_000]
            .iter()
            .all(|block| block.kind == UNMARKED));
    }

    #[test]
    fn bylines_and_headlines_without_periods_do_not_swallow_wire_copy() {
        let text = "Germany Pledges Flood Aid for Saxony Towns\nBy Jonas Weber\nBERLIN (AP) — Germany pledged aid on Monday to towns along the swollen river, officials said.\nThe money will go to repairs.\n";
        let found = kinds(text, Format::PlainText);
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[1].1, "By Jonas Weber");
    }

    #[test]
    fn a_wrapped_paragraph_keeps_a_sentence_end_at_a_wrap_point() {
        let text = "The council voted on Tuesday to close the old bridge for repairs.\nIt reopens in May, when crews finish replacing the deck and\nthe railings along both sides.\n";
        let found = kinds(text, Format::Markdown);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_wrapped_line_that_looks_like_a_title_stays_in_its_paragraph() {
        let text = "AUGUSTA, Maine (AP) — The news conference was held by Maine Gov. Marit\nHalvorsen, Dana Ferland and Adaeze\nOkonkwo-Reyes, a member of the safety board, after the\nbridge fell.\n";
        let found = kinds(text, Format::PlainText);
        assert_eq!(found.len(), 1, "{found:?}");
        let opening = "Russia was represented by Deputy Foreign Minister Oleg Nikolayevich\nVerbitsky, a veteran Middle East envoy, who told reporters through an\ninterpreter that Moscow could not endorse the text.\n";
        let found = kinds(opening, Format::PlainText);
        assert_eq!(found.len(), 1, "{found:?}");
        // A sentence that ends mid-line is prose: no headline or byline has one.
        let review = "\"Low Water Hymns\" is out Friday on Gull & Anchor Records. The Harlan\nSisters play the Anchor Room, 14 Water St., on Oct. 26.\n";
        let found = kinds(review, Format::PlainText);
        assert_eq!(found.len(), 1, "{found:?}");
        let found = kinds(&format!("The sisters sing.\n\n{review}"), Format::PlainText);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_score_line_and_a_byline_under_a_headline_stand_alone() {
        let text = "Wray strikes twice as Kingsbridge reach Dewar Cup final\nKingsbridge United 2 Halton Rovers 1\nBy Gareth Pell at Cardew Park\nCallum Wray has spent most of the season insisting he does not read the papers.\nHalton had led through a header just before half-time.\n";
        let found = kinds(text, Format::PlainText);
        assert_eq!(
            found,
            vec![
                (BlockKind::Heading { level: 1, style: HeadingStyle::Unmarked }, "Wray strikes twice as Kingsbridge reach Dewar Cup final".to_string()),
                (BlockKind::Paragraph, "Kingsbridge United 2 Halton Rovers 1".to_string()),
                (BlockKind::Paragraph, "By Gareth Pell at Cardew Park".to_string()),
                (BlockKind::Paragraph, "Callum Wray has spent most of the season insisting he does not read the papers.".to_string()),
                (BlockKind::Paragraph, "Halton had led through a header just before half-time.".to_string()),
            ]
        );
    }

    #[test]
    fn an_ap_slug_line_above_the_headline_is_not_prose() {
        let text = "BC-FBN--Jaguars-Texans,0689\nTexans hold off Jaguars 27-20 in wild-card game\nBy KENDRA MOSELEY\n\nHOUSTON (AP) — The Texans won.\n";
        let found = kinds(text, Format::PlainText);
        assert_eq!(found[0].0, BlockKind::Other, "{found:?}");
        assert_eq!(found[1].0, UNMARKED);
        assert_eq!(
            found[1].1,
            "Texans hold off Jaguars 27-20 in wild-card game"
        );
    }

    #[test]
    fn code_fences_front_matter_and_comments_are_not_prose() {
        let text = "---\ntitle: x\n---\n```\n# not a heading\n```\n<!-- note -->\nText.";
        let found = kinds(text, Format::Markdown);
        assert_eq!(found.len(), 4);
        assert_eq!(found[3], (BlockKind::Paragraph, "Text.".into()));
    }

    #[test]
    fn a_line_that_is_only_an_image_is_not_prose() {
        let text = "![Marta Okonkwo at the harbour](okonkwo.jpg)\n\n\
                    [![Map of the route](map.png \"Route\")](map.html)\n\n\
                    <img src=\"a.jpg\" alt=\"The harbour at dawn\">\n\n\
                    ![x](a.jpg) and ![y](b.jpg) side by side.\n\n\
                    *Marta Okonkwo at the harbour. Photo: Callum Reid*\n";
        let found = kinds(text, Format::Markdown);
        let kinds_only: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
        assert_eq!(
            kinds_only,
            [
                BlockKind::Other,
                BlockKind::Other,
                BlockKind::Other,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ],
            "{found:?}"
        );
        // In plain text the same line is copy.
        assert_eq!(
            kinds("![x](a.jpg)", Format::PlainText)[0].0,
            BlockKind::Paragraph
        );
    }

    #[test]
    fn partly_bold_line_is_not_a_heading() {
        let found = kinds("**Update** and **more**", Format::PlainText);
        assert_eq!(found[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn crlf_and_missing_final_newline() {
        let doc = Document::parse("# A\r\n\r\nBody", Format::Markdown);
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.line_of(doc.blocks[1].range.start), 2);
    }

    #[test]
    fn empty_text_has_one_line_and_no_blocks() {
        let doc = Document::parse("", Format::Markdown);
        assert_eq!(doc.lines.len(), 1);
        assert!(doc.blocks.is_empty());
    }
}
