//! Settings the checks read: which checks run, at what severity, and their tuning knobs.
//! Plain data; parsing from TOML or LSP JSON happens outside the core.

use std::collections::BTreeMap;

use super::entities::EntityKind;
use super::finding::Severity;

/// A known entity from the newsroom's style guide (`copydesk.toml` `[[entities]]`): its
/// canonical name, other names that resolve to it, its kind and a description for hovers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StyleEntity {
    pub name: String,
    /// Other spellings or names (`Zelensky`, `ECB`). For a person they are spellings to avoid
    /// (`name-variant` flags them); for an organisation or place, accepted short forms.
    pub aliases: Vec<String>,
    /// `None`: as the story's copy suggests (a person when nothing does).
    pub kind: Option<EntityKind>,
    pub description: Option<String>,
}

/// Per-check switches a newsroom may set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckSettings {
    /// `None` keeps the default (on).
    pub enabled: Option<bool>,
    /// `None` keeps the check's default severity.
    pub severity: Option<Severity>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Keyed by check code.
    pub checks: BTreeMap<String, CheckSettings>,
    /// Word similarity (0–1) at which two passages count as one.
    pub duplicate_threshold: f64,
    /// Passages shorter than this many words are never reported as duplicates.
    pub min_passage_words: usize,
    /// Speech verbs to accept beyond the built-in list (`"quipped"`).
    pub extra_attribution_verbs: Vec<String>,
    /// Cue phrases to accept beyond the built-in list (`"in a filing"`).
    pub extra_cue_phrases: Vec<String>,
    /// Known entities from the style guide.
    pub entities: Vec<StyleEntity>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            checks: BTreeMap::new(),
            duplicate_threshold: 0.8,
            min_passage_words: 8,
            extra_attribution_verbs: Vec::new(),
            extra_cue_phrases: Vec::new(),
            entities: Vec::new(),
        }
    }
}

impl Settings {
    pub fn is_enabled(&self, code: &str) -> bool {
        self.checks
            .get(code)
            .and_then(|check| check.enabled)
            .unwrap_or(true)
    }

    pub fn severity_for(&self, code: &str, default: Severity) -> Severity {
        self.checks
            .get(code)
            .and_then(|check| check.severity)
            .unwrap_or(default)
    }
}
