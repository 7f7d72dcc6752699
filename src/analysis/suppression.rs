//! Suppression directives: comments in the copy that switch checks off for one line, a region
//! or the whole file, and the edit that adds one. Pure: reads the document's lines.
//!
//! Markdown uses HTML comments on a line of their own:
//!
//! ```markdown
//! <!-- copydesk-disable-next-line unattributed-quote -->
//! <!-- copydesk-disable duplicate-passage repeated-heading -->  …  <!-- copydesk-enable -->
//! <!-- copydesk-disable-file -->
//! ```
//!
//! Plain text uses a line of its own starting with `copydesk:` (the HTML form works too):
//! `copydesk: disable-next-line unattributed-quote`. No code means every check; several codes
//! may be given, separated by spaces or commas. `disable-next-line` covers the next line that
//! is not itself a directive, widened to the whole paragraph or heading that line belongs to.
//! Directives inside fenced code are ignored.

use std::collections::BTreeSet;
use std::ops::Range;

use super::document::{BlockKind, Document, Format};
use super::finding::{Finding, TextEdit};

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    DisableNextLine,
    Disable,
    Enable,
    DisableFile,
}

impl DirectiveKind {
    fn from_word(word: &str) -> Option<DirectiveKind> {
        match word {
            "disable-next-line" => Some(DirectiveKind::DisableNextLine),
            "disable" => Some(DirectiveKind::Disable),
            "enable" => Some(DirectiveKind::Enable),
            "disable-file" => Some(DirectiveKind::DisableFile),
            _ => None,
        }
    }
}

/// One directive found in the copy. Empty `codes` means every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    pub codes: Vec<String>,
    /// 0-based line of the directive.
    pub line: usize,
}

/// The checks a directive (or a run of them) switches off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum Scope {
    #[default]
    Nothing,
    Codes(BTreeSet<String>),
    AllExcept(BTreeSet<String>),
}

impl Scope {
    fn of(codes: &[String]) -> Scope {
        let mut scope = Scope::Nothing;
        scope.disable(codes);
        scope
    }

    fn covers(&self, code: &str) -> bool {
        match self {
            Scope::Nothing => false,
            Scope::Codes(codes) => codes.contains(code),
            Scope::AllExcept(kept) => !kept.contains(code),
        }
    }

    fn disable(&mut self, codes: &[String]) {
        if codes.is_empty() {
            *self = Scope::AllExcept(BTreeSet::new());
            return;
        }
        match self {
            Scope::Nothing => *self = Scope::Codes(codes.iter().cloned().collect()),
            Scope::Codes(disabled) => disabled.extend(codes.iter().cloned()),
            Scope::AllExcept(kept) => codes.iter().for_each(|code| {
                kept.remove(code);
            }),
        }
    }

    fn enable(&mut self, codes: &[String]) {
        if codes.is_empty() {
            *self = Scope::Nothing;
            return;
        }
        match self {
            Scope::Nothing => {}
            Scope::Codes(disabled) => codes.iter().for_each(|code| {
                disabled.remove(code);
            }),
            Scope::AllExcept(kept) => kept.extend(codes.iter().cloned()),
        }
    }
}

/// Every suppression in one document, ready to test findings against.
#[derive(Debug, Default)]
pub struct Suppressions {
    whole_file: Scope,
    /// Lines (0-based, end exclusive) covered by a `disable-next-line`, with its codes.
    next_lines: Vec<(Range<usize>, Scope)>,
    /// Region states in line order: from this line on, this scope is disabled.
    regions: Vec<(usize, Scope)>,
}

impl Suppressions {
    pub fn parse(doc: &Document<'_>) -> Suppressions {
        let directives = directives(doc);
        let mut suppressions = Suppressions::default();
        let mut region = Scope::Nothing;
        for directive in &directives {
            match directive.kind {
                DirectiveKind::DisableFile => suppressions.whole_file.disable(&directive.codes),
                DirectiveKind::DisableNextLine => {
                    let lines = target_lines(doc, &directives, directive.line);
                    let scope = Scope::of(&directive.codes);
                    suppressions.next_lines.push((lines, scope));
                }
                DirectiveKind::Disable | DirectiveKind::Enable => {
                    if directive.kind == DirectiveKind::Disable {
                        region.disable(&directive.codes);
                    } else {
                        region.enable(&directive.codes);
                    }
                    suppressions.regions.push((directive.line, region.clone()));
                }
            }
        }
        suppressions
    }

    /// Whether a finding of `code` starting on `line` (0-based) is switched off.
    pub fn covers(&self, code: &str, line: usize) -> bool {
        if self.whole_file.covers(code) {
            return true;
        }
        let next_line = self
            .next_lines
            .iter()
            .any(|(lines, scope)| lines.contains(&line) && scope.covers(code));
        next_line || self.region_at(line).covers(code)
    }

    fn region_at(&self, line: usize) -> &Scope {
        let index = self.regions.partition_point(|(from, _)| *from <= line);
        match index {
            0 => &Scope::Nothing,
            _ => &self.regions[index - 1].1,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.whole_file == Scope::Nothing && self.next_lines.is_empty() && self.regions.is_empty()
    }
}

/// `findings` without those a directive in `doc` switches off.
pub fn filter(doc: &Document<'_>, findings: Vec<Finding>) -> Vec<Finding> {
    if findings.is_empty() || !doc.text.contains("copydesk") {
        return findings;
    }
    let suppressions = Suppressions::parse(doc);
    if suppressions.is_empty() {
        return findings;
    }
    findings
        .into_iter()
        .filter(|finding| !suppressions.covers(finding.code, doc.line_of(finding.range.start)))
        .collect()
}

/// Every directive of `doc`, in line order, skipping fenced code.
pub fn directives(doc: &Document<'_>) -> Vec<Directive> {
    let code_lines = fenced_lines(doc);
    doc.lines
        .iter()
        .enumerate()
        .filter(|(index, _)| !code_lines.iter().any(|lines| lines.contains(index)))
        .filter_map(|(index, line)| {
            let (kind, codes) = parse_directive(doc.slice(&line.range), doc.format)?;
            Some(Directive {
                kind,
                codes,
                line: index,
            })
        })
        .collect()
}

/// Reads a directive from one line's text, if the line is one.
pub fn parse_directive(line: &str, format: Format) -> Option<(DirectiveKind, Vec<String>)> {
    let trimmed = line.trim();
    let body = match trimmed
        .strip_prefix("<!--")
        .and_then(|rest| rest.strip_suffix("-->"))
    {
        Some(inner) => inner.trim().strip_prefix("copydesk-")?,
        None if format == Format::PlainText => trimmed.strip_prefix("copydesk:")?.trim_start(),
        None => return None,
    };
    let mut words = body.split(|c: char| c.is_whitespace() || c == ',');
    let kind = DirectiveKind::from_word(words.next()?)?;
    let codes = words
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect();
    Some((kind, codes))
}

/// Lines inside fenced code blocks, where directives are examples, not directives.
fn fenced_lines(doc: &Document<'_>) -> Vec<Range<usize>> {
    if doc.format != Format::Markdown {
        return Vec::new();
    }
    doc.blocks
        .iter()
        .filter(|block| block.kind == BlockKind::Other)
        .filter(|block| {
            let first = doc.slice(&doc.lines[block.lines.start].range).trim_start();
            first.starts_with("```") || first.starts_with("~~~")
        })
        .map(|block| block.lines.clone())
        .collect()
}

/// The lines a `disable-next-line` on `line` covers: the next line that is not a directive,
/// widened to the paragraph or heading that starts on it.
fn target_lines(doc: &Document<'_>, directives: &[Directive], line: usize) -> Range<usize> {
    let mut next = line + 1;
    while directives.iter().any(|d| d.line == next) {
        next += 1;
    }
    doc.blocks
        .iter()
        .find(|block| block.kind != BlockKind::Other && block.lines.start == next)
        .map_or(next..next + 1, |block| block.lines.clone())
}

/// The title of the code action that adds a `disable-next-line` directive.
pub const IGNORE_LINE_TITLE: &str = "Ignore for this line";

/// The edit that silences `code` where byte `offset` is: a `disable-next-line` directive
/// inserted above that line (above the first line of a hard-wrapped paragraph, so the
/// paragraph is not split), with the line's indentation and line ending.
pub fn ignore_line_edit(doc: &Document<'_>, code: &str, offset: usize) -> TextEdit {
    let line_index = first_line_of_block(doc, doc.line_of(offset));
    let line = &doc.lines[line_index];
    let text = doc.slice(&line.range);
    let indentation = &text[..text.len() - text.trim_start_matches([' ', '\t']).len()];
    let directive = match doc.format {
        Format::Markdown => format!("<!-- copydesk-disable-next-line {code} -->"),
        Format::PlainText => format!("copydesk: disable-next-line {code}"),
    };
    let insert_at = line.range.start;
    TextEdit {
        range: insert_at..insert_at,
        replacement: format!("{indentation}{directive}{}", line_ending(doc, line_index)),
    }
}

fn first_line_of_block(doc: &Document<'_>, line: usize) -> usize {
    doc.blocks
        .iter()
        .find(|block| block.kind != BlockKind::Other && block.lines.contains(&line))
        .map_or(line, |block| block.lines.start)
}

/// The line break of `line_index`, else the document's first one, else `\n`.
fn line_ending<'t>(doc: &Document<'t>, line_index: usize) -> &'t str {
    let own = &doc.lines[line_index];
    let from_line = |line: &super::document::Line| doc.slice(&(line.range.end..line.full.end));
    Some(from_line(own))
        .filter(|ending| !ending.is_empty())
        .or_else(|| {
            doc.lines
                .iter()
                .map(from_line)
                .find(|ending| !ending.is_empty())
        })
        .unwrap_or("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::finding::{apply_edits, Severity};

    /// A finding of `code` on each 1-based line given, as a check would report it.
    fn findings_on(doc: &Document<'_>, code: &'static str, lines: &[usize]) -> Vec<Finding> {
        lines
            .iter()
            .map(|&line| Finding {
                code,
                severity: Severity::Warning,
                range: doc.lines[line - 1].range.clone(),
                message: String::new(),
                related: Vec::new(),
                fixes: Vec::new(),
            })
            .collect()
    }

    fn kept_lines(text: &str, format: Format, code: &'static str, lines: &[usize]) -> Vec<usize> {
        let doc = Document::parse(text, format);
        filter(&doc, findings_on(&doc, code, lines))
            .iter()
            .map(|finding| doc.line_of(finding.range.start) + 1)
            .collect()
    }

    #[test]
    fn reads_both_directive_forms() {
        assert_eq!(
            parse_directive(
                "  <!-- copydesk-disable-next-line a, b -->",
                Format::Markdown
            ),
            Some((
                DirectiveKind::DisableNextLine,
                vec!["a".to_string(), "b".to_string()]
            ))
        );
        assert_eq!(
            parse_directive("copydesk: disable-file", Format::PlainText),
            Some((DirectiveKind::DisableFile, vec![]))
        );
        assert_eq!(
            parse_directive("copydesk: disable x", Format::Markdown),
            None
        );
        assert_eq!(
            parse_directive("<!-- copydesk-disabled -->", Format::Markdown),
            None
        );
        assert_eq!(parse_directive("<!-- note -->", Format::Markdown), None);
    }

    #[test]
    fn disable_next_line_covers_only_its_code_and_line() {
        let text = "# A\n<!-- copydesk-disable-next-line q -->\nOne.\nTwo.\n";
        assert_eq!(
            kept_lines(text, Format::Markdown, "q", &[1, 3, 4]),
            vec![1, 4]
        );
        assert_eq!(kept_lines(text, Format::Markdown, "other", &[3]), vec![3]);
    }

    #[test]
    fn stacked_directives_cover_the_same_line() {
        let text =
            "<!-- copydesk-disable-next-line a -->\n<!-- copydesk-disable-next-line q -->\nOne.\n";
        assert!(kept_lines(text, Format::Markdown, "q", &[3]).is_empty());
        assert!(kept_lines(text, Format::Markdown, "a", &[3]).is_empty());
    }

    #[test]
    fn disable_next_line_covers_a_wrapped_paragraph() {
        let text = "<!-- copydesk-disable-next-line -->\nThe council voted on\nTuesday to close it.\n\nNext.\n";
        assert_eq!(kept_lines(text, Format::Markdown, "q", &[2, 3, 5]), vec![5]);
    }

    #[test]
    fn regions_open_and_close_per_code() {
        let text = "1.\n<!-- copydesk-disable -->\n3.\n<!-- copydesk-enable q -->\n5.\n<!-- copydesk-enable -->\n7.\n";
        assert_eq!(
            kept_lines(text, Format::Markdown, "q", &[1, 3, 5, 7]),
            vec![1, 5, 7]
        );
        assert_eq!(
            kept_lines(text, Format::Markdown, "r", &[1, 3, 5, 7]),
            vec![1, 7]
        );
    }

    #[test]
    fn disable_file_anywhere_covers_everything() {
        let text = "1.\n2.\n<!-- copydesk-disable-file q r -->\n";
        assert!(kept_lines(text, Format::Markdown, "r", &[1, 2]).is_empty());
        assert_eq!(kept_lines(text, Format::Markdown, "s", &[1]), vec![1]);
    }

    #[test]
    fn plain_text_directives_start_with_copydesk_colon() {
        let text = "copydesk: disable-next-line q\n“Quote one.”\n“Quote two.”\n";
        assert_eq!(kept_lines(text, Format::PlainText, "q", &[2, 3]), vec![3]);
        let markdown_only = "copydesk: disable-next-line q\n“Quote one.”\n";
        assert_eq!(
            kept_lines(markdown_only, Format::Markdown, "q", &[2]),
            vec![2]
        );
    }

    #[test]
    fn directives_in_code_fences_are_examples() {
        let text = "```\n<!-- copydesk-disable-file -->\n```\nText.\n";
        assert_eq!(kept_lines(text, Format::Markdown, "q", &[4]), vec![4]);
    }

    #[test]
    fn ignore_edit_matches_indentation_and_crlf() {
        let text = "Intro.\r\n  “Quote,” he said.\r\n";
        let doc = Document::parse(text, Format::Markdown);
        let edit = ignore_line_edit(&doc, "q", 12);
        let fixed = apply_edits(text, &[edit]);
        assert_eq!(
            fixed,
            "Intro.\r\n  <!-- copydesk-disable-next-line q -->\r\n  “Quote,” he said.\r\n"
        );
        let doc = Document::parse(&fixed, Format::Markdown);
        assert!(filter(&doc, findings_on(&doc, "q", &[3])).is_empty());
    }

    #[test]
    fn ignore_edit_on_a_last_line_without_break_uses_the_documents_break() {
        let text = "One.\r\nTwo.";
        let doc = Document::parse(text, Format::PlainText);
        let edit = ignore_line_edit(&doc, "q", 7);
        assert_eq!(
            apply_edits(text, &[edit]),
            "One.\r\ncopydesk: disable-next-line q\r\nTwo."
        );
    }

    #[test]
    fn ignore_edit_goes_above_a_wrapped_paragraph() {
        let text = "The council voted on\nTuesday “to close it.”\n";
        let doc = Document::parse(text, Format::Markdown);
        let edit = ignore_line_edit(&doc, "q", 25);
        assert_eq!(edit.range, 0..0);
    }
}
