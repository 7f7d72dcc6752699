//! Prints findings: `path:line:col: severity[code]: message` with the offending line and a caret
//! underline for people, or one JSON array for machines.

use serde_json::{json, Value};

use super::CheckedFile;
use crate::analysis::finding::floor_char_boundary;
use crate::analysis::{document, DocumentRef, Finding};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
}

pub fn print(files: &[CheckedFile], format: OutputFormat) {
    match format {
        OutputFormat::Human => print_human(files),
        OutputFormat::Json => println!("{}", to_json(files)),
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

fn print_human(files: &[CheckedFile]) {
    let mut total = 0;
    let mut files_with_findings = 0;
    for file in files {
        if !file.findings.is_empty() {
            files_with_findings += 1;
        }
        for finding in &file.findings {
            total += 1;
            print!("{}", human_finding(file, finding, files));
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    eprintln!(
        "{} in {} ({} checked)",
        plural(total, "problem"),
        plural(files_with_findings, "file"),
        plural(files.len(), "file")
    );
}

fn human_finding(file: &CheckedFile, finding: &Finding, all: &[CheckedFile]) -> String {
    let (line, column) = line_column(&file.text, finding.range.start);
    let mut out = format!(
        "{}:{line}:{column}: {}[{}]: {}\n",
        file.display,
        finding.severity.as_str(),
        finding.code,
        finding.message
    );
    let source_line = nth_line(&file.text, line - 1);
    let width = underline_width(&file.text, finding);
    out.push_str(&format!("  {line:>4} | {source_line}\n"));
    out.push_str(&format!(
        "       | {}{}\n",
        " ".repeat(column - 1),
        "^".repeat(width.max(1))
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
        assert_eq!(line_column("“Ja,” sa\nGül said", 13), (2, 4));
        assert_eq!(line_column("ab\r\ncd", 4), (2, 1));
        assert_eq!(line_column("", 0), (1, 1));
    }
}
