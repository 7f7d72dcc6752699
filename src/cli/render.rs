//! Prints findings: `path:line:col: severity[code]: message` with the offending line and a caret
//! underline for people (coloured on a terminal), one JSON array for machines, or SARIF for
//! code scanning.

use std::io::{self, IsTerminal, Write};

use serde_json::{json, Value};

use super::CheckedFile;
use crate::analysis::finding::floor_char_boundary;
use crate::analysis::{document, DocumentRef, Finding, Severity};

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
    let mut out = stdout.lock();
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
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let lines = document::split_lines(text);
    let index = lines
        .partition_point(|line| line.full.end <= offset)
        .min(lines.len() - 1);
    let line = &lines[index];
    let end = floor_char_boundary(text, offset.clamp(line.range.start, line.range.end));
    let column = text[line.range.start..end].chars().count();
    (index + 1, column + 1)
}

/// 1-based line and UTF-16 column of byte `offset` (SARIF's default column unit).
pub fn utf16_line_column(text: &str, offset: usize) -> (usize, usize) {
    let lines = document::split_lines(text);
    let index = lines
        .partition_point(|line| line.full.end <= offset)
        .min(lines.len() - 1);
    let line = &lines[index];
    let end = floor_char_boundary(text, offset.clamp(line.range.start, line.range.end));
    let column: usize = text[line.range.start..end].encode_utf16().count();
    (index + 1, column + 1)
}

fn write_human(out: &mut impl Write, files: &[CheckedFile], palette: Palette) -> io::Result<()> {
    for file in files {
        for finding in &file.findings {
            out.write_all(human_finding(file, finding, files, palette).as_bytes())?;
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
    file: &CheckedFile,
    finding: &Finding,
    all: &[CheckedFile],
    palette: Palette,
) -> String {
    let (line, column) = line_column(&file.text, finding.range.start);
    let style = Palette::severity_style(finding.severity);
    let mut out = format!(
        "{}: {}{}: {}\n",
        palette.paint("1", &format!("{}:{line}:{column}", file.display)),
        palette.paint(style, finding.severity.as_str()),
        palette.paint("2", &format!("[{}]", finding.code)),
        finding.message
    );
    let source_line = nth_line(&file.text, line - 1);
    let width = underline_width(&file.text, finding);
    out.push_str(&format!("  {line:>4} | {source_line}\n"));
    out.push_str(&format!(
        "       | {}{}\n",
        " ".repeat(column - 1),
        palette.paint(style, &"^".repeat(width.max(1)))
    ));
    for related in &finding.related {
        let (name, text) = match &related.document {
            DocumentRef::This => (file.display.as_str(), &*file.text),
            DocumentRef::Other(name) => match all.iter().find(|f| &f.display == name) {
                Some(other) => (other.display.as_str(), &*other.text),
                None => continue,
            },
        };
        let (line, column) = line_column(text, related.range.start);
        out.push_str(&format!(
            "       = note: {name}:{line}:{column}: {}\n",
            related.message
        ));
    }
    out
}

fn nth_line(text: &str, index: usize) -> &str {
    let lines = document::split_lines(text);
    lines
        .get(index)
        .map(|line| &text[line.range.clone()])
        .unwrap_or("")
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
    let findings: Vec<Value> = files
        .iter()
        .flat_map(|file| {
            file.findings
                .iter()
                .map(move |f| finding_json(file, f, files))
        })
        .collect();
    Value::Array(findings)
}

fn finding_json(file: &CheckedFile, finding: &Finding, all: &[CheckedFile]) -> Value {
    let (line, column) = line_column(&file.text, finding.range.start);
    let (end_line, end_column) = line_column(&file.text, finding.range.end);
    let related: Vec<Value> = finding
        .related
        .iter()
        .filter_map(|related| {
            let (name, text) = match &related.document {
                DocumentRef::This => (file.display.as_str(), &*file.text),
                DocumentRef::Other(name) => {
                    let other = all.iter().find(|f| &f.display == name)?;
                    (other.display.as_str(), &*other.text)
                }
            };
            let (line, column) = line_column(text, related.range.start);
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
