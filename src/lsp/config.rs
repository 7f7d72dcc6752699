//! The settings in force in the server: the built-in defaults, then `copydesk.toml` at the
//! workspace root, then the `copydesk` section the editor sends (initializationOptions,
//! didChangeConfiguration, workspace/configuration), each overriding the one before.

use std::path::PathBuf;
use std::time::Duration;

use ropey::Rope;
use serde_json::Value;
use tower_lsp::lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString};

use super::position::{to_range, Encoding};

use crate::analysis::settings::{CheckSettings, Settings};
use crate::analysis::Severity;
use crate::config::{self, ConfigError, ConfigLayer, FileFilter};

/// Everything that shapes how the server checks.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerConfig {
    pub analysis: Settings,
    /// Quiet time after the last edit before a document is checked.
    pub debounce: Duration,
    /// Which documents are checked (`include` / `exclude`, relative to the workspace root).
    pub files: FileFilter,
    /// Files larger than this are left out of the workspace index.
    pub max_indexed_file_bytes: u64,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig::resolve(&ConfigLayer::default(), None)
    }
}

impl ServerConfig {
    /// The settings of `layer` over the defaults, with globs relative to `root`.
    pub fn resolve(layer: &ConfigLayer, root: Option<PathBuf>) -> ServerConfig {
        ServerConfig {
            analysis: layer.settings(),
            debounce: layer.debounce(),
            files: layer.file_filter(root),
            max_indexed_file_bytes: layer.max_indexed_file_bytes(),
        }
    }

    /// Editor settings alone over the defaults, with the warnings `editor_layer` gives.
    pub fn from_json(value: &Value) -> (ServerConfig, Vec<String>) {
        let (layer, warnings) = editor_layer(value);
        (ServerConfig::resolve(&layer, None), warnings)
    }
}

/// A problem with `copydesk.toml`, with the text it was found in (to place the diagnostic).
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigProblem {
    pub error: ConfigError,
    pub text: String,
}

impl ConfigProblem {
    /// The message shown to the user when the file is found invalid.
    pub fn message(&self) -> String {
        format!(
            "copydesk.toml is invalid, so the last valid settings stay in force: {}",
            self.error
        )
    }

    /// A diagnostic on the offending text of `copydesk.toml` (the rest of its line when the
    /// error has no extent).
    pub fn diagnostic(&self, encoding: Encoding) -> Diagnostic {
        let rope = Rope::from_str(&self.text);
        let mut span = self.error.span.clone();
        if span.is_empty() {
            let rest = self.text.get(span.start..).unwrap_or("");
            span.end = span.start + rest.find(['\n', '\r']).unwrap_or(rest.len());
        }
        Diagnostic {
            range: to_range(&rope, span, encoding),
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String("invalid-config".to_string())),
            source: Some("copydesk".to_string()),
            message: self.error.message.clone(),
            ..Diagnostic::default()
        }
    }
}

/// Where the settings come from, kept so any one source can change without losing the others.
#[derive(Debug, Clone, Default)]
pub struct ConfigSources {
    /// The workspace root: where `copydesk.toml` is looked for and globs start.
    pub root: Option<PathBuf>,
    /// The last valid `copydesk.toml` (empty when there is none).
    pub file: ConfigLayer,
    pub editor: ConfigLayer,
    /// What is wrong with the file on disk, while it is invalid.
    pub problem: Option<ConfigProblem>,
    /// The file's bytes when last read (`None`: there was no file), to notice changes.
    seen: Option<Vec<u8>>,
}

/// What reading `copydesk.toml` again found.
#[derive(Debug, Clone, PartialEq)]
pub enum FileReload {
    /// Valid: its settings are now in force.
    Loaded,
    /// No file (any more): the defaults and the editor's settings are in force.
    Missing,
    /// Invalid: the last valid settings stay in force.
    Invalid(ConfigProblem),
}

impl ConfigSources {
    pub fn resolve(&self) -> ServerConfig {
        ServerConfig::resolve(&self.file.overridden_by(&self.editor), self.root.clone())
    }

    /// `copydesk.toml` at the workspace root.
    pub fn file_path(&self) -> Option<PathBuf> {
        self.root.as_ref().map(|root| root.join(config::FILE_NAME))
    }

    /// Reads `copydesk.toml` again; an invalid file leaves the last valid settings in force.
    pub fn reload_file(&mut self) -> FileReload {
        let Some(path) = self.file_path() else {
            return FileReload::Missing;
        };
        let bytes = read_if_present(&path);
        let outcome = match bytes.as_ref().map(|bytes| config::parse_file(&path, bytes)) {
            Some(Ok(layer)) => {
                self.file = layer;
                FileReload::Loaded
            }
            None => {
                self.file = ConfigLayer::default();
                FileReload::Missing
            }
            Some(Err(error)) => {
                let text = bytes.as_deref().map(String::from_utf8_lossy);
                let text = text.unwrap_or_default().into_owned();
                FileReload::Invalid(ConfigProblem { error, text })
            }
        };
        self.problem = match &outcome {
            FileReload::Invalid(problem) => Some(problem.clone()),
            _ => None,
        };
        self.seen = bytes;
        outcome
    }

    /// Whether `copydesk.toml` differs on disk from when it was last read.
    pub fn file_changed_on_disk(&self) -> bool {
        self.file_path()
            .is_some_and(|path| read_if_present(&path) != self.seen)
    }
}

/// The file's bytes; `None` when it is missing or unreadable.
fn read_if_present(path: &std::path::Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

/// Reads the editor's settings from `value`, which is either the `copydesk` section itself or
/// an object holding it under `copydesk`. Keys the server does not use (`server`, `trace`) are
/// the client's and are ignored; values of the wrong type or out of range and unknown check
/// codes are skipped and described in the returned warnings, so one bad setting never
/// discards the rest. `null` means "not set".
pub fn editor_layer(value: &Value) -> (ConfigLayer, Vec<String>) {
    let mut layer = ConfigLayer::default();
    let mut warnings = Vec::new();
    let section = value.get("copydesk").unwrap_or(value);
    let Some(section) = section.as_object() else {
        return (layer, warnings);
    };
    if let Some(ms) = set(section.get("debounceMs")) {
        match ms.as_u64() {
            Some(ms) if ms <= config::DEBOUNCE_MAX_MS => layer.debounce_ms = Some(ms),
            _ => warnings.push(format!(
                "copydesk.debounceMs must be 0–{} ms, got {ms}",
                config::DEBOUNCE_MAX_MS
            )),
        }
    }
    if let Some(duplicates) = set(section.get("duplicates")) {
        read_duplicates(duplicates, &mut layer, &mut warnings);
    }
    if let Some(checks) = set(section.get("checks")).and_then(Value::as_object) {
        for (code, value) in checks {
            read_check(code, value, &mut layer, &mut warnings);
        }
    }
    if let Some(attribution) = set(section.get("attribution")) {
        layer.attribution_verbs = strings(attribution, "verbs", &mut warnings);
        layer.attribution_cues = strings(attribution, "cues", &mut warnings);
    }
    layer.include = globs(section, "include", &mut warnings);
    layer.exclude = globs(section, "exclude", &mut warnings);
    (layer, warnings)
}

fn set(value: Option<&Value>) -> Option<&Value> {
    value.filter(|value| !value.is_null())
}

fn read_duplicates(value: &Value, layer: &mut ConfigLayer, warnings: &mut Vec<String>) {
    if let Some(threshold) = set(value.get("threshold")) {
        match threshold.as_f64() {
            Some(t) if config::THRESHOLD_RANGE.contains(&t) => layer.duplicate_threshold = Some(t),
            _ => warnings.push(format!(
                "copydesk.duplicates.threshold must be between 0.5 and 1, got {threshold}"
            )),
        }
    }
    if let Some(words) = set(value.get("minWords")) {
        match words.as_u64() {
            Some(n) if config::MIN_WORDS_RANGE.contains(&n) => {
                layer.min_passage_words = Some(n as usize)
            }
            _ => warnings.push(format!(
                "copydesk.duplicates.minWords must be 3–200, got {words}"
            )),
        }
    }
}

fn read_check(code: &str, value: &Value, layer: &mut ConfigLayer, warnings: &mut Vec<String>) {
    if crate::analysis::checks::by_code(code).is_none() {
        warnings.push(format!("copydesk.checks: unknown check `{code}`"));
        return;
    }
    let mut check = CheckSettings::default();
    if let Some(enabled) = set(value.get("enabled")) {
        match enabled.as_bool() {
            Some(on) => check.enabled = Some(on),
            None => warnings.push(format!(
                "copydesk.checks.{code}.enabled must be true or false"
            )),
        }
    }
    if let Some(severity) = set(value.get("severity")) {
        match severity.as_str().and_then(Severity::parse) {
            Some(level) => check.severity = Some(level),
            None => warnings.push(format!(
                "copydesk.checks.{code}.severity must be error, warning, info or hint"
            )),
        }
    }
    layer.checks.insert(code.to_string(), check);
}

/// A list of strings under `key`; non-strings are dropped with a warning.
fn strings(value: &Value, key: &str, warnings: &mut Vec<String>) -> Option<Vec<String>> {
    let items = set(value.get(key))?;
    let Some(items) = items.as_array() else {
        warnings.push(format!(
            "copydesk.attribution.{key} must be a list of strings"
        ));
        return None;
    };
    let mut kept = Vec::new();
    for item in items {
        match item.as_str().map(str::trim) {
            Some(text) if !text.is_empty() => kept.push(text.to_string()),
            Some(_) => {}
            None => warnings.push(format!(
                "copydesk.attribution.{key}: {item} is not a string"
            )),
        }
    }
    Some(kept)
}

/// A list of globs under `key`; invalid ones are dropped with a warning.
fn globs(
    section: &serde_json::Map<String, Value>,
    key: &str,
    warnings: &mut Vec<String>,
) -> Option<Vec<String>> {
    let items = set(section.get(key))?;
    let Some(items) = items.as_array() else {
        warnings.push(format!("copydesk.{key} must be a list of globs"));
        return None;
    };
    let mut kept = Vec::new();
    for item in items {
        match item.as_str().map(config::compile_glob) {
            Some(Ok(_)) => kept.push(item.as_str().unwrap_or_default().to_string()),
            Some(Err(message)) => warnings.push(format!("copydesk.{key}: {message}")),
            None => warnings.push(format!("copydesk.{key}: {item} is not a string")),
        }
    }
    Some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_nested_or_bare_sections() {
        let nested = json!({"copydesk": {"debounceMs": 20, "checks": {"repeated-heading": {"severity": "error"}}}});
        let (config, warnings) = ServerConfig::from_json(&nested);
        assert!(warnings.is_empty());
        assert_eq!(config.debounce, Duration::from_millis(20));
        assert_eq!(
            config
                .analysis
                .severity_for("repeated-heading", Severity::Warning),
            Severity::Error
        );
        let (bare, _) =
            ServerConfig::from_json(&json!({"duplicates": {"threshold": 0.9, "minWords": 10}}));
        assert_eq!(bare.analysis.duplicate_threshold, 0.9);
        assert_eq!(bare.analysis.min_passage_words, 10);
    }

    #[test]
    fn bad_values_are_reported_and_skipped() {
        let value = json!({"debounceMs": "soon", "checks": {"nope": {}, "unattributed-quote": {"enabled": "yes"}}});
        let (config, warnings) = ServerConfig::from_json(&value);
        assert_eq!(warnings.len(), 3);
        assert_eq!(config.debounce, Duration::from_millis(100));
        assert!(config.analysis.is_enabled("unattributed-quote"));
    }

    #[test]
    fn null_gives_defaults() {
        assert_eq!(
            ServerConfig::from_json(&Value::Null).0,
            ServerConfig::default()
        );
    }

    #[test]
    fn client_keys_and_nulls_are_not_warnings() {
        let value = json!({"server": {"path": ""}, "trace": {"server": "off"}, "debounceMs": null,
                           "attribution": {"verbs": ["quipped"], "cues": null},
                           "include": ["stories/"], "exclude": ["a["]});
        let (layer, warnings) = editor_layer(&value);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(layer.attribution_verbs, Some(vec!["quipped".to_string()]));
        assert_eq!(layer.include, Some(vec!["stories/".to_string()]));
        assert_eq!(layer.exclude, Some(vec![]));
    }

    #[test]
    fn editor_overrides_the_file_and_an_invalid_file_keeps_the_last_good_one() {
        let root = std::env::temp_dir().join(format!("copydesk-lsp-config-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        let path = root.join(config::FILE_NAME);
        std::fs::write(&path, "[duplicates]\nthreshold = 0.9\nmin_words = 12\n").unwrap();
        let mut sources = ConfigSources {
            root: Some(root.clone()),
            ..ConfigSources::default()
        };
        assert_eq!(sources.reload_file(), FileReload::Loaded);
        sources.editor = editor_layer(&json!({"duplicates": {"minWords": 5}})).0;
        let resolved = sources.resolve().analysis;
        assert_eq!(
            (resolved.duplicate_threshold, resolved.min_passage_words),
            (0.9, 5)
        );
        std::fs::write(&path, "[duplicates]\nthreshold = 2\n").unwrap();
        assert!(matches!(sources.reload_file(), FileReload::Invalid(_)));
        assert_eq!(sources.resolve().analysis.duplicate_threshold, 0.9);
        assert_eq!(sources.problem.as_ref().map(|p| p.error.line), Some(2));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(sources.reload_file(), FileReload::Missing);
        assert_eq!(sources.resolve().analysis.duplicate_threshold, 0.8);
        assert!(sources.problem.is_none());
        let _ = std::fs::remove_dir_all(root);
    }
}
