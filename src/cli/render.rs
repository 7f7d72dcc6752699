//! Prints findings: `path:line:col: severity[code]: message` with the offending line and a caret
//! underline for people (coloured on a terminal), one JSON array for machines, or SARIF for
//! code scanning.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};

use serde_json::{json, Value};

use super::CheckedFile;
use crate::analysis::document::{self, Line};
use crate::analysis::finding::floor_char_boundary;
use crate::analysis::{DocumentRef, Finding, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
    Sarif,
}

/// Whether people's output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourChoice {
    /// On a terminal, unless `NO_COLOR` is set to something.
    Auto,
    Always,
    Never,
}

impl ColourChoice {
    /// Decides for an output that is (or is not) a terminal, given the `NO_COLOR` variable.
    pub fn enabled(self, is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColourChoice::Always => true,
            ColourChoice::Never => false,
            ColourChoice::Auto => is_terminal && no_color.is_none_or(|value| value.is_empty()),
        }
    }
}

/// Prints the report on stdout (and the human summary on stderr). A closed pipe (`| head`)
/// ends the output quietly.
pub fn print(files: &[CheckedFile], format: OutputFormat, colour: ColourChoice) {
    let stdout = std::io::stdout();
    let is_terminal = stdout.is_terminal();
    // Buffered: a line-buffered stdout costs a write call per line of a large report.
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = match format {
        OutputFormat::Human => {
            let no_color = std::env::var_os("NO_COLOR");
            let enabled = colour.enabled(is_terminal, no_color.as_deref());
            write_human(&mut out, files, Palette { enabled })
        }
        OutputFormat::Json => writeln!(out, "{}", to_json(files)),
        OutputFormat::Sarif => writeln!(out, "{:#}", super::sarif::to_sarif(files)),
    };
    if written.and_then(|()| out.flush()).is_ok() && format == OutputFormat::Human {
        let _ = writeln!(std::io::stderr(), "{}", summary(files));
    }
}

/// ANSI styles for people's output; every style is empty when colour is off.
#[derive(Debug, Clone, Copy)]
struct Palette {
    enabled: bool,
}

impl Palette {
    fn paint(self, style: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{style}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn severity_style(severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Information => "1;34",
            Severity::Hint => "1;36",
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
#[cfg(test)]
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    line_column_in(text, &document::split_lines(text), offset)
}

/// 1-based line and UTF-16 column of byte `offset` (SARIF's default column unit).
#[cfg(test)]
fn utf16_line_column(text: &str, offset: usize) -> (usize, usize) {
    utf16_line_column_in(text, &document::split_lines(text), offset)
}

/// The 0-based line holding byte `offset` and the part of it before `offset`.
fn line_prefix<'t>(text: &'t str, lines: &[Line], offset: usize) -> (usize, &'t str) {
    let index = lines
        .partition_point(|line| line.full.end <= offset)
        .min(lines.len() - 1);
    let line = &lines[index];
    let end = floor_char_boundary(text, offset.clamp(line.range.start, line.range.end));
    (index, &text[line.range.start..end])
}

/// Line and character column, with the lines of `text` already split.
fn line_column_in(text: &str, lines: &[Line], offset: usize) -> (usize, usize) {
    let (index, prefix) = line_prefix(text, lines, offset);
    (index + 1, prefix.chars().count() + 1)
}

/// Line and UTF-16 column, with the lines of `text` already split.
fn utf16_line_column_in(text: &str, lines: &[Line], offset: usize) -> (usize, usize) {
    let (index, prefix) = line_prefix(text, lines, offset);
    (index + 1, prefix.encode_utf16().count() + 1)
}

/// Places findings in the checked files: each file is split into lines once, however many
/// findings point into it, and files named by related locations are found by name in a map
/// (splitting per finding and scanning the file list per related location made large reports
/// quadratic).
pub(super) struct Locator<'f> {
    files: &'f [CheckedFile],
    /// The first file with each display name (as a linear search would find it).
    by_name: HashMap<&'f str, usize>,
    lines: Vec<OnceCell<Vec<Line>>>,
}

impl<'f> Locator<'f> {
    pub(super) fn new(files: &'f [CheckedFile]) -> Locator<'f> {
        let mut by_name = HashMap::with_capacity(files.len());
        for (index, file) in files.iter().enumerate() {
            by_name.entry(file.display.as_str()).or_insert(index);
        }
        Locator {
            files,
            by_name,
            lines: files.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    pub(super) fn file(&self, index: usize) -> &'f CheckedFile {
        &self.files[index]
    }

    /// The file a related location of a finding in file `from` points into.
    pub(super) fn related_file(&self, from: usize, document: &DocumentRef) -> Option<usize> {
        match document {
            DocumentRef::This => Some(from),
            DocumentRef::Other(name) => self.by_name.get(name.as_str()).copied(),
        }
    }

    fn lines(&self, index: usize) -> &[Line] {
        self.lines[index].get_or_init(|| document::split_lines(&self.files[index].text))
    }

    /// 1-based line and character column of byte `offset` in file `index`.
    pub(super) fn line_column(&self, index: usize, offset: usize) -> (usize, usize) {
        line_column_in(&self.files[index].text, self.lines(index), offset)
    }

    /// 1-based line and UTF-16 column of byte `offset` in file `index`.
    pub(super) fn utf16_line_column(&self, index: usize, offset: usize) -> (usize, usize) {
        utf16_line_column_in(&self.files[index].text, self.lines(index), offset)
    }

    /// The text of 0-based line `line` of file `index`, without its break.
    fn nth_line(&self, index: usize, line: usize) -> &'f str {
        let text: &'f str = &self.files[index].text;
        self.lines(index)
            .get(line)
            .map(|line| &text[line.range.clone()])
            .unwrap_or("")
    }
}

fn write_human(out: &mut impl Write, files: &[CheckedFile], palette: Palette) -> io::Result<()> {
    let locator = Locator::new(files);
    for (index, file) in files.iter().enumerate() {
        for finding in &file.findings {
            out.write_all(human_finding(&locator, index, finding, palette).as_bytes())?;
        }
    }
    Ok(())
}

/// `3 problems in 2 files (5 files checked)`.
fn summary(files: &[CheckedFile]) -> String {
    let total: usize = files.iter().map(|file| file.findings.len()).sum();
    let with_findings = files.iter().filter(|f| !f.findings.is_empty()).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{} in {} ({} checked)",
        plural(total, "problem"),
        plural(with_findings, "file"),
        plural(files.len(), "file")
    )
}

fn human_finding(
    locator: &Locator<'_>,
    index: usize,
    finding: &Finding,
    palette: Palette,
) -> String {
    let file = locator.file(index);
    let (line, column) = locator.line_column(index, finding.range.start);
    let style = Palette::severity_style(finding.severity);
    let mut out = format!(
        "{}: {}{}: {}\n",
        palette.paint("1", &format!("{}:{line}:{column}", file.display)),
        palette.paint(style, finding.severity.as_str()),
        palette.paint("2", &format!("[{}]", finding.code)),
        finding.message
    );
    let source_line = locator.nth_line(index, line - 1);
    let width = underline_width(&file.text, finding);
    out.push_str(&format!("  {line:>4} | {source_line}\n"));
    out.push_str(&format!(
        "       | {}{}\n",
        " ".repeat(column - 1),
        palette.paint(style, &"^".repeat(width.max(1)))
    ));
    for related in &finding.related {
        let Some(other) = locator.related_file(index, &related.document) else {
            continue;
        };
        let name = &locator.file(other).display;
        let (line, column) = locator.line_column(other, related.range.start);
        out.push_str(&format!(
            "       = note: {name}:{line}:{column}: {}\n",
            related.message
        ));
    }
    out
}

/// Characters to underline: the finding's span on its first line.
fn underline_width(text: &str, finding: &Finding) -> usize {
    let rest = &text[floor_char_boundary(text, finding.range.start)..];
    let first_line = rest.split(['\n', '\r']).next().unwrap_or("");
    let span = finding.range.end.saturating_sub(finding.range.start);
    first_line
        .char_indices()
        .take_while(|(offset, _)| *offset < span)
        .count()
}

fn to_json(files: &[CheckedFile]) -> Value {
    let locator = Locator::new(files);
    let findings: Vec<Value> = files
        .iter()
        .enumerate()
        .flat_map(|(index, file)| {
            let locator = &locator;
            file.findings
                .iter()
                .map(move |f| finding_json(locator, index, f))
        })
        .collect();
    Value::Array(findings)
}

fn finding_json(locator: &Locator<'_>, index: usize, finding: &Finding) -> Value {
    let file = locator.file(index);
    let (line, column) = locator.line_column(index, finding.range.start);
    let (end_line, end_column) = locator.line_column(index, finding.range.end);
    let related: Vec<Value> = finding
        .related
        .iter()
        .filter_map(|related| {
            let other = locator.related_file(index, &related.document)?;
            let name = locator.file(other).display.as_str();
            let (line, column) = locator.line_column(other, related.range.start);
            Some(json!({
                "file": name,
                "line": line,
                "column": column,
                "byte_range": {"start": related.range.start, "end": related.range.end},
                "message": related.message,
            }))
        })
        .collect();
    let fixes: Vec<Value> = finding
        .fixes
        .iter()
        .map(|fix| {
            json!({
                "title": fix.title,
                "edits": fix.edits.iter().map(|edit| json!({
                    "byte_range": {"start": edit.range.start, "end": edit.range.end},
                    "replacement": edit.replacement,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "file": file.display,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "byte_range": {"start": finding.range.start, "end": finding.range.end},
        "code": finding.code,
        "severity": finding.severity.as_str(),
        "message": finding.message,
        "related": related,
        "fixes": fixes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_column("“Ja,” sa\nGül said", 17), (2, 4));
        assert_eq!(line_column("ab\r\ncd", 4), (2, 1));
        assert_eq!(line_column("", 0), (1, 1));
    }

    #[test]
    fn utf16_columns_count_code_units() {
        assert_eq!(utf16_line_column("a😀b", 5), (1, 4));
        assert_eq!(utf16_line_column("x\r\n“y”", 6), (2, 2));
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        use std::ffi::OsStr;
        assert!(ColourChoice::Auto.enabled(true, None));
        assert!(ColourChoice::Auto.enabled(true, Some(OsStr::new(""))));
        assert!(!ColourChoice::Auto.enabled(true, Some(OsStr::new("1"))));
        assert!(!ColourChoice::Auto.enabled(false, None));
        assert!(ColourChoice::Always.enabled(false, Some(OsStr::new("1"))));
        assert!(!ColourChoice::Never.enabled(true, None));
    }
}
