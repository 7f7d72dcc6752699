//! Reads the `copydesk` settings section an editor sends (initializationOptions,
//! didChangeConfiguration, workspace/configuration) into analysis settings and server knobs.

use std::time::Duration;

use serde_json::Value;

use crate::analysis::settings::{CheckSettings, Settings};
use crate::analysis::Severity;

/// Everything the server can be told by the editor.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerConfig {
    pub analysis: Settings,
    /// Quiet time after the last edit before a document is checked.
    pub debounce: Duration,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            analysis: Settings::default(),
            debounce: Duration::from_millis(100),
        }
    }
}

impl ServerConfig {
    /// Reads settings from `value`, which is either the `copydesk` section itself or an object
    /// holding it under `copydesk`. Unknown keys and values of the wrong type are skipped and
    /// described in the returned warnings, so one bad setting never discards the rest.
    pub fn from_json(value: &Value) -> (ServerConfig, Vec<String>) {
        let mut config = ServerConfig::default();
        let mut warnings = Vec::new();
        let section = value.get("copydesk").unwrap_or(value);
        let Some(section) = section.as_object() else {
            return (config, warnings);
        };
        if let Some(ms) = section.get("debounceMs") {
            match ms.as_u64() {
                Some(ms) if ms <= 10_000 => config.debounce = Duration::from_millis(ms),
                _ => warnings.push(format!("copydesk.debounceMs must be 0–10000 ms, got {ms}")),
            }
        }
        if let Some(duplicates) = section.get("duplicates") {
            read_duplicates(duplicates, &mut config.analysis, &mut warnings);
        }
        if let Some(checks) = section.get("checks").and_then(Value::as_object) {
            for (code, value) in checks {
                read_check(code, value, &mut config.analysis, &mut warnings);
            }
        }
        if let Some(attribution) = section.get("attribution") {
            config.analysis.extra_attribution_verbs = strings(attribution.get("verbs"));
            config.analysis.extra_cue_phrases = strings(attribution.get("cues"));
        }
        (config, warnings)
    }
}

fn read_duplicates(value: &Value, settings: &mut Settings, warnings: &mut Vec<String>) {
    if let Some(threshold) = value.get("threshold") {
        match threshold.as_f64() {
            Some(t) if (0.5..=1.0).contains(&t) => settings.duplicate_threshold = t,
            _ => warnings.push(format!(
                "copydesk.duplicates.threshold must be between 0.5 and 1, got {threshold}"
            )),
        }
    }
    if let Some(words) = value.get("minWords") {
        match words.as_u64() {
            Some(n) if (3..=200).contains(&n) => settings.min_passage_words = n as usize,
            _ => warnings.push(format!(
                "copydesk.duplicates.minWords must be 3–200, got {words}"
            )),
        }
    }
}

fn read_check(code: &str, value: &Value, settings: &mut Settings, warnings: &mut Vec<String>) {
    if crate::analysis::checks::by_code(code).is_none() {
        warnings.push(format!("copydesk.checks: unknown check `{code}`"));
        return;
    }
    let mut check = CheckSettings::default();
    if let Some(enabled) = value.get("enabled") {
        match enabled.as_bool() {
            Some(on) => check.enabled = Some(on),
            None => warnings.push(format!(
                "copydesk.checks.{code}.enabled must be true or false"
            )),
        }
    }
    if let Some(severity) = value.get("severity") {
        match severity.as_str().and_then(Severity::parse) {
            Some(level) => check.severity = Some(level),
            None => warnings.push(format!(
                "copydesk.checks.{code}.severity must be error, warning, information or hint"
            )),
        }
    }
    settings.checks.insert(code.to_string(), check);
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
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
}
