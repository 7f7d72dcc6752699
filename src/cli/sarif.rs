//! SARIF 2.1.0 output for code scanning (GitHub and others): one run whose driver lists every
//! check as a rule, and one result per finding with its region. Columns are 1-based UTF-16
//! code units (SARIF's default `columnKind`), end columns exclusive.

use serde_json::{json, Value};

use super::render::Locator;
use super::CheckedFile;
use crate::analysis::checks::{Check, REGISTRY};
use crate::analysis::{Finding, Severity};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The whole SARIF log for `files`.
pub fn to_sarif(files: &[CheckedFile]) -> Value {
    let locator = Locator::new(files);
    let results: Vec<Value> = files
        .iter()
        .enumerate()
        .flat_map(|(index, file)| {
            let locator = &locator;
            file.findings.iter().map(move |f| result(locator, index, f))
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": REGISTRY.iter().map(rule).collect::<Vec<_>>(),
            }},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    })
}

fn rule(check: &Check) -> Value {
    let summary = if check.summary.is_empty() {
        check.code
    } else {
        check.summary
    };
    let description = if check.description.is_empty() {
        summary
    } else {
        check.description
    };
    json!({
        "id": check.code,
        "name": rule_name(check.code),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": description, "markdown": description},
        "help": {"text": description, "markdown": description},
        "defaultConfiguration": {"level": level(check.severity)},
        "properties": {"tags": ["copy-editing"]},
    })
}

/// `repeated-heading` → `RepeatedHeading`, the PascalCase name SARIF viewers show.
fn rule_name(code: &str) -> String {
    code.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect()
}

pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

fn result(locator: &Locator<'_>, index: usize, finding: &Finding) -> Value {
    let rule_index = REGISTRY.iter().position(|check| check.code == finding.code);
    let mut result = json!({
        "ruleId": finding.code,
        "level": level(finding.severity),
        "message": {"text": finding.message},
        "locations": [location(locator, index, &finding.range, None)],
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    let related = related_locations(locator, index, finding);
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

fn related_locations(locator: &Locator<'_>, index: usize, finding: &Finding) -> Vec<Value> {
    finding
        .related
        .iter()
        .filter_map(|related| Some((locator.related_file(index, &related.document)?, related)))
        .enumerate()
        .map(|(id, (other, related))| {
            let mut value = location(locator, other, &related.range, Some(&related.message));
            value["id"] = json!(id);
            value
        })
        .collect()
}

fn location(
    locator: &Locator<'_>,
    index: usize,
    range: &std::ops::Range<usize>,
    message: Option<&str>,
) -> Value {
    let display = locator.file(index).display.as_str();
    let (start_line, start_column) = locator.utf16_line_column(index, range.start);
    let (end_line, end_column) = locator.utf16_line_column(index, range.end);
    let mut artifact = json!({"uri": artifact_uri(display)});
    if !is_absolute(display) {
        artifact["uriBaseId"] = json!("%SRCROOT%");
    }
    let mut value = json!({"physicalLocation": {
        "artifactLocation": artifact,
        "region": {
            "startLine": start_line,
            "startColumn": start_column,
            "endLine": end_line,
            "endColumn": end_column,
        },
    }});
    if let Some(message) = message {
        value["message"] = json!({"text": message});
    }
    value
}

fn is_absolute(display: &str) -> bool {
    std::path::Path::new(display).is_absolute()
}

/// A path as a URI reference: relative paths stay relative (to `%SRCROOT%`), absolute ones
/// become `file://` URIs; separators are `/` and unsafe bytes are percent-encoded.
pub fn artifact_uri(display: &str) -> String {
    if display == "<stdin>" {
        return "stdin".to_string();
    }
    let slashed = display.replace('\\', "/");
    let relative = slashed.trim_start_matches("./");
    let encoded = percent_encode(relative);
    if is_absolute(display) {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"/-_.~!$&'()*+,;=:@".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_references_or_file_uris() {
        assert_eq!(artifact_uri("./news/a b.md"), "news/a%20b.md");
        assert_eq!(artifact_uri("/srv/news/ü.md"), "file:///srv/news/%C3%BC.md");
        assert_eq!(artifact_uri("<stdin>"), "stdin");
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(rule_name("unattributed-quote"), "UnattributedQuote");
    }
}
