//! `copydesk.toml`, the configuration file shared by the CLI and the language server: its
//! format, validation with line-precise errors, discovery, and layering under editor settings.
//!
//! ```toml
//! debounce_ms = 150                 # editor only: quiet time before re-checking (0–10000)
//! include = ["stories/**/*.md"]     # globs, relative to the folder of copydesk.toml
//! exclude = ["archive/", "*.draft.md"]
//!
//! [checks.repeated-heading]
//! enabled = true
//! severity = "error"                # error | warning | info | hint
//!
//! [duplicates]
//! threshold = 0.85                  # 0.5–1
//! min_words = 10                    # 3–200
//!
//! [attribution]
//! verbs = ["quipped"]
//! cues = ["in a filing"]
//!
//! [index]                           # the editor's workspace index
//! max_file_kb = 2048                # larger files are not indexed (1–102400)
//!
//! [[entities]]                      # the style guide's known entities (any number)
//! name = "Volodymyr Zelenskyy"      # canonical name (required)
//! aliases = ["Zelensky", "Volodymyr Zelensky"]   # resolve to it; a person's are variants
//! kind = "person"                   # person | organisation (organization) | place
//! description = "President of Ukraine since 2019."  # shown in hovers
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Range, RangeInclusive};
use std::path::{Path, PathBuf};
use std::time::Duration;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::analysis::checks::{self, REGISTRY};
use crate::analysis::entities::EntityKind;
use crate::analysis::settings::{CheckSettings, Settings, StyleEntity};
use crate::analysis::Severity;

/// The name of the configuration file.
pub const FILE_NAME: &str = "copydesk.toml";
/// The debounce used when neither the file nor the editor sets one.
pub const DEFAULT_DEBOUNCE_MS: u64 = 100;
/// The largest debounce accepted, in milliseconds.
pub const DEBOUNCE_MAX_MS: u64 = 10_000;
/// Accepted `duplicates.threshold` values.
pub const THRESHOLD_RANGE: RangeInclusive<f64> = 0.5..=1.0;
/// Accepted `duplicates.min_words` values.
pub const MIN_WORDS_RANGE: RangeInclusive<u64> = 3..=200;
/// Files larger than this are left out of the editor's workspace index unless
/// `index.max_file_kb` says otherwise (2 MB: copy is rarely this long, and a data dump with a
/// `.txt` extension would cost memory for nothing).
pub const DEFAULT_MAX_INDEXED_FILE_KB: u64 = 2048;
/// Accepted `index.max_file_kb` values (up to 100 MB).
pub const MAX_FILE_KB_RANGE: RangeInclusive<u64> = 1..=102_400;

/// One source of settings, the file or the editor. `None` (or a check missing from `checks`)
/// leaves the value to the layer below; the bottom layer is the built-in defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConfigLayer {
    pub checks: BTreeMap<String, CheckSettings>,
    pub duplicate_threshold: Option<f64>,
    pub min_passage_words: Option<usize>,
    pub attribution_verbs: Option<Vec<String>>,
    pub attribution_cues: Option<Vec<String>>,
    pub debounce_ms: Option<u64>,
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    /// `index.max_file_kb` (the file only).
    pub max_indexed_file_kb: Option<u64>,
    /// The style guide's known entities (`[[entities]]`).
    pub entities: Option<Vec<StyleEntity>>,
}

impl ConfigLayer {
    /// This layer with every value `upper` sets put over it. Per-check switches merge field by
    /// field; lists are replaced whole.
    pub fn overridden_by(&self, upper: &ConfigLayer) -> ConfigLayer {
        let mut checks = self.checks.clone();
        for (code, over) in &upper.checks {
            let merged = checks.entry(code.clone()).or_default();
            merged.enabled = over.enabled.or(merged.enabled);
            merged.severity = over.severity.or(merged.severity);
        }
        ConfigLayer {
            checks,
            duplicate_threshold: upper.duplicate_threshold.or(self.duplicate_threshold),
            min_passage_words: upper.min_passage_words.or(self.min_passage_words),
            attribution_verbs: pick(&upper.attribution_verbs, &self.attribution_verbs),
            attribution_cues: pick(&upper.attribution_cues, &self.attribution_cues),
            debounce_ms: upper.debounce_ms.or(self.debounce_ms),
            include: pick(&upper.include, &self.include),
            exclude: pick(&upper.exclude, &self.exclude),
            max_indexed_file_kb: upper.max_indexed_file_kb.or(self.max_indexed_file_kb),
            entities: upper.entities.clone().or_else(|| self.entities.clone()),
        }
    }

    /// The analysis settings: this layer over the defaults.
    pub fn settings(&self) -> Settings {
        let defaults = Settings::default();
        Settings {
            checks: self.checks.clone(),
            duplicate_threshold: self
                .duplicate_threshold
                .unwrap_or(defaults.duplicate_threshold),
            min_passage_words: self.min_passage_words.unwrap_or(defaults.min_passage_words),
            extra_attribution_verbs: self.attribution_verbs.clone().unwrap_or_default(),
            extra_cue_phrases: self.attribution_cues.clone().unwrap_or_default(),
            entities: self.entities.clone().unwrap_or_default(),
        }
    }

    pub fn debounce(&self) -> Duration {
        Duration::from_millis(self.debounce_ms.unwrap_or(DEFAULT_DEBOUNCE_MS))
    }

    /// The size from which files are left out of the workspace index.
    pub fn max_indexed_file_bytes(&self) -> u64 {
        self.max_indexed_file_kb
            .unwrap_or(DEFAULT_MAX_INDEXED_FILE_KB)
            .saturating_mul(1024)
    }

    /// The include/exclude filter, with globs relative to `base`. Patterns were validated when
    /// the layer was read; one that still fails to compile is left out.
    pub fn file_filter(&self, base: Option<PathBuf>) -> FileFilter {
        let include = self.include.clone().unwrap_or_default();
        let exclude = self.exclude.clone().unwrap_or_default();
        FileFilter::new(base, &include, &exclude)
    }
}

fn pick(upper: &Option<Vec<String>>, lower: &Option<Vec<String>>) -> Option<Vec<String>> {
    upper.clone().or_else(|| lower.clone())
}

/// What is wrong with a configuration file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, when the text came from one.
    pub path: Option<PathBuf>,
    pub message: String,
    /// 1-based line of the offending text.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range of the offending text (empty when the file could not be read).
    pub span: Range<usize>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self
            .path
            .as_ref()
            .map_or_else(|| FILE_NAME.to_string(), |p| p.display().to_string());
        write!(f, "{path}:{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    fn at(text: &str, span: Range<usize>, message: impl Into<String>) -> ConfigError {
        let start = span.start.min(text.len());
        let before = text.get(..start).unwrap_or(text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        ConfigError {
            path: None,
            message: message.into(),
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            span,
        }
    }

    fn with_path(mut self, path: &Path) -> ConfigError {
        self.path = Some(path.to_path_buf());
        self
    }
}

/// Reads the text of a `copydesk.toml`. Any problem (bad TOML, unknown key, wrong type,
/// out-of-range value, unknown check, bad glob) is an error pointing at the offending text.
pub fn parse(text: &str) -> Result<ConfigLayer, ConfigError> {
    let file: FileToml = toml::from_str(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        ConfigError::at(text, span, error.message().trim())
    })?;
    file.into_layer(text)
}

/// Reads the configuration file at `path`: `Ok(None)` when there is none.
pub fn load(path: &Path) -> Result<Option<ConfigLayer>, ConfigError> {
    match std::fs::read(path) {
        Ok(bytes) => parse_file(path, &bytes).map(Some),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => {
            let message = format!("cannot read the file: {error}");
            Err(ConfigError::at("", 0..0, message).with_path(path))
        }
    }
}

/// Reads the bytes of the configuration file at `path` (errors name the file).
pub fn parse_file(path: &Path, bytes: &[u8]) -> Result<ConfigLayer, ConfigError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let at = error.valid_up_to();
        let valid = String::from_utf8_lossy(&bytes[..at]).into_owned();
        ConfigError::at(&valid, at..at, "the file is not UTF-8 text").with_path(path)
    })?;
    parse(text).map_err(|error| error.with_path(path))
}

/// The nearest `copydesk.toml` in `start` (a folder) or, for a file, its folder, or in any
/// folder above.
pub fn find_nearest(start: &Path) -> Option<PathBuf> {
    let start = absolute(start);
    let folder = if start.is_dir() {
        start.as_path()
    } else {
        start.parent()?
    };
    folder
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// `path` made absolute without resolving symlinks (the current folder joined in front).
pub fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_path_buf();
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut joined = cwd;
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                joined.pop();
            }
            other => joined.push(other),
        }
    }
    joined
}

/// Which files are checked: `exclude` globs always win; when `include` globs are given only
/// matching files are checked. Globs are relative to `base`: `*` stays inside one folder, `**`
/// crosses folders, a pattern without `/` matches at any depth, and one ending in `/` matches
/// everything under that folder.
#[derive(Debug, Clone, Default)]
pub struct FileFilter {
    base: Option<PathBuf>,
    include_patterns: Vec<String>,
    exclude_patterns: Vec<String>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl PartialEq for FileFilter {
    fn eq(&self, other: &FileFilter) -> bool {
        self.base == other.base
            && self.include_patterns == other.include_patterns
            && self.exclude_patterns == other.exclude_patterns
    }
}

impl FileFilter {
    pub fn new(base: Option<PathBuf>, include: &[String], exclude: &[String]) -> FileFilter {
        FileFilter {
            base,
            include: glob_set(include),
            exclude: glob_set(exclude),
            include_patterns: include.to_vec(),
            exclude_patterns: exclude.to_vec(),
        }
    }

    /// Whether `path` is checked. `candidate` says whether it would be without include globs
    /// (a walked file with a copy extension, an open document).
    pub fn allows(&self, path: &Path, candidate: bool) -> bool {
        let relative = self.relative(path);
        if self.is_excluded_relative(&relative) {
            return false;
        }
        match &self.include {
            Some(include) => include.is_match(&relative),
            None => candidate,
        }
    }

    /// Whether an exclude glob matches `path`.
    pub fn is_excluded(&self, path: &Path) -> bool {
        self.is_excluded_relative(&self.relative(path))
    }

    /// Whether include globs were given (they can select files without a copy extension).
    pub fn has_include(&self) -> bool {
        self.include.is_some()
    }

    fn is_excluded_relative(&self, relative: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|exclude| exclude.is_match(relative))
    }

    fn relative(&self, path: &Path) -> PathBuf {
        let path = absolute(path);
        match &self.base {
            Some(base) => path
                .strip_prefix(base)
                .map(Path::to_path_buf)
                .unwrap_or(path),
            None => path,
        }
    }
}

/// Compiles patterns into one set; `None` when there are none (or none compile).
fn glob_set(patterns: &[String]) -> Option<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    let mut any = false;
    for pattern in patterns {
        if let Ok(glob) = compile_glob(pattern) {
            builder.add(glob);
            any = true;
        }
    }
    any.then(|| builder.build().ok()).flatten()
}

/// Compiles one glob with the rules `FileFilter` documents.
pub fn compile_glob(pattern: &str) -> Result<globset::Glob, String> {
    let mut normal = pattern.trim().trim_start_matches("./").to_string();
    if normal.is_empty() {
        return Err("an empty glob matches nothing".to_string());
    }
    if normal.ends_with('/') {
        normal.push_str("**");
    }
    if let Some(anchored) = normal.strip_prefix('/') {
        normal = anchored.to_string();
    } else if !normal.contains('/') {
        normal = format!("**/{normal}");
    }
    GlobBuilder::new(&normal)
        .literal_separator(true)
        .build()
        .map_err(|error| format!("invalid glob `{pattern}`: {}", error.kind()))
}

// ---------------------------------------------------------------------------------------------
// The file's shape, as serde reads it. Values that need range checks keep their spans.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileToml {
    debounce_ms: Option<Spanned<i64>>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    checks: Option<BTreeMap<Spanned<String>, CheckToml>>,
    duplicates: Option<DuplicatesToml>,
    attribution: Option<AttributionToml>,
    index: Option<IndexToml>,
    entities: Option<Vec<EntityToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexToml {
    max_file_kb: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityToml {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    kind: Option<KindName>,
    description: Option<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum KindName {
    Person,
    #[serde(alias = "organization", alias = "org")]
    Organisation,
    Place,
}

impl From<KindName> for EntityKind {
    fn from(kind: KindName) -> EntityKind {
        match kind {
            KindName::Person => EntityKind::Person,
            KindName::Organisation => EntityKind::Organisation,
            KindName::Place => EntityKind::Place,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckToml {
    enabled: Option<bool>,
    severity: Option<SeverityName>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DuplicatesToml {
    threshold: Option<Spanned<f64>>,
    min_words: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributionToml {
    verbs: Option<Vec<String>>,
    cues: Option<Vec<String>>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum SeverityName {
    Error,
    #[serde(alias = "warn")]
    Warning,
    #[serde(rename = "info", alias = "information")]
    Info,
    Hint,
}

impl From<SeverityName> for Severity {
    fn from(name: SeverityName) -> Severity {
        match name {
            SeverityName::Error => Severity::Error,
            SeverityName::Warning => Severity::Warning,
            SeverityName::Info => Severity::Information,
            SeverityName::Hint => Severity::Hint,
        }
    }
}

impl FileToml {
    fn into_layer(self, text: &str) -> Result<ConfigLayer, ConfigError> {
        let mut layer = ConfigLayer {
            debounce_ms: self
                .debounce_ms
                .map(|ms| in_range(text, &ms, 0..=DEBOUNCE_MAX_MS, "debounce_ms"))
                .transpose()?,
            include: self.include.map(|g| globs(text, g)).transpose()?,
            exclude: self.exclude.map(|g| globs(text, g)).transpose()?,
            ..ConfigLayer::default()
        };
        for (code, check) in self.checks.unwrap_or_default() {
            if checks::by_code(code.get_ref()).is_none() {
                return Err(ConfigError::at(
                    text,
                    code.span(),
                    unknown_check(code.get_ref()),
                ));
            }
            let settings = CheckSettings {
                enabled: check.enabled,
                severity: check.severity.map(Severity::from),
            };
            layer.checks.insert(code.into_inner(), settings);
        }
        if let Some(duplicates) = self.duplicates {
            if let Some(threshold) = duplicates.threshold {
                layer.duplicate_threshold = Some(threshold_in_range(text, &threshold)?);
            }
            if let Some(words) = duplicates.min_words {
                let words = in_range(text, &words, MIN_WORDS_RANGE, "duplicates.min_words")?;
                layer.min_passage_words = Some(words as usize);
            }
        }
        if let Some(attribution) = self.attribution {
            layer.attribution_verbs = attribution.verbs.map(non_empty);
            layer.attribution_cues = attribution.cues.map(non_empty);
        }
        if let Some(kb) = self.index.and_then(|index| index.max_file_kb) {
            let kb = in_range(text, &kb, MAX_FILE_KB_RANGE, "index.max_file_kb")?;
            layer.max_indexed_file_kb = Some(kb);
        }
        if let Some(entities) = self.entities {
            layer.entities = Some(style_entities(text, entities)?);
        }
        Ok(layer)
    }
}

/// The `[[entities]]` entries: names and aliases must not be empty.
fn style_entities(text: &str, entries: Vec<EntityToml>) -> Result<Vec<StyleEntity>, ConfigError> {
    let named = |value: Spanned<String>, what: &str| {
        let trimmed = value
            .get_ref()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if trimmed.is_empty() {
            Err(ConfigError::at(
                text,
                value.span(),
                format!("an entity {what} must not be empty"),
            ))
        } else {
            Ok(trimmed)
        }
    };
    entries
        .into_iter()
        .map(|entry| {
            Ok(StyleEntity {
                name: named(entry.name, "name")?,
                aliases: entry
                    .aliases
                    .into_iter()
                    .map(|alias| named(alias, "alias"))
                    .collect::<Result<_, _>>()?,
                kind: entry.kind.map(EntityKind::from),
                description: entry
                    .description
                    .map(|d| d.trim().to_string())
                    .filter(|d| !d.is_empty()),
            })
        })
        .collect()
}

fn unknown_check(code: &str) -> String {
    let known: Vec<&str> = REGISTRY.iter().map(|check| check.code).collect();
    format!(
        "unknown check `{code}`; the checks are {}",
        known.join(", ")
    )
}

fn in_range(
    text: &str,
    value: &Spanned<i64>,
    range: RangeInclusive<u64>,
    key: &str,
) -> Result<u64, ConfigError> {
    u64::try_from(*value.get_ref())
        .ok()
        .filter(|v| range.contains(v))
        .ok_or_else(|| {
            let message = format!(
                "{key} must be between {} and {}, got {}",
                range.start(),
                range.end(),
                value.get_ref()
            );
            ConfigError::at(text, value.span(), message)
        })
}

fn threshold_in_range(text: &str, value: &Spanned<f64>) -> Result<f64, ConfigError> {
    let threshold = *value.get_ref();
    if THRESHOLD_RANGE.contains(&threshold) {
        return Ok(threshold);
    }
    let message = format!(
        "duplicates.threshold must be between {} and {}, got {threshold}",
        THRESHOLD_RANGE.start(),
        THRESHOLD_RANGE.end()
    );
    Err(ConfigError::at(text, value.span(), message))
}

fn globs(text: &str, patterns: Vec<Spanned<String>>) -> Result<Vec<String>, ConfigError> {
    patterns
        .into_iter()
        .map(|pattern| match compile_glob(pattern.get_ref()) {
            Ok(_) => Ok(pattern.into_inner()),
            Err(message) => Err(ConfigError::at(text, pattern.span(), message)),
        })
        .collect()
}

fn non_empty(items: Vec<String>) -> Vec<String> {
    items
        .into_iter()
        .map(|item| item.trim().to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = r#"
debounce_ms = 250
include = ["stories/**/*.md"]
exclude = ["archive/", "*.draft.md"]

[checks.repeated-heading]
enabled = false

[checks.unattributed-quote]
severity = "info"

[duplicates]
threshold = 0.9
min_words = 12

[attribution]
verbs = ["quipped", " "]
cues = ["in a filing"]

[index]
max_file_kb = 64
"#;

    fn error(text: &str) -> ConfigError {
        parse(text).expect_err("should be rejected")
    }

    #[test]
    fn reads_every_key() {
        let layer = parse(FULL).expect("valid");
        assert_eq!(layer.debounce_ms, Some(250));
        assert_eq!(layer.duplicate_threshold, Some(0.9));
        assert_eq!(layer.min_passage_words, Some(12));
        assert_eq!(layer.attribution_verbs, Some(vec!["quipped".to_string()]));
        assert_eq!(layer.max_indexed_file_bytes(), 64 * 1024);
        let settings = layer.settings();
        assert!(!settings.is_enabled("repeated-heading"));
        assert_eq!(
            settings.severity_for("unattributed-quote", Severity::Warning),
            Severity::Information
        );
        assert_eq!(settings.extra_cue_phrases, vec!["in a filing".to_string()]);
    }

    #[test]
    fn empty_file_is_the_defaults() {
        let layer = parse("").expect("valid");
        assert_eq!(layer.settings(), Settings::default());
        assert_eq!(layer.debounce(), Duration::from_millis(DEFAULT_DEBOUNCE_MS));
        assert_eq!(layer.max_indexed_file_bytes(), 2 << 20);
    }

    #[test]
    fn unknown_key_points_at_its_line() {
        let found = error("[duplicates]\nthreshold = 0.9\ntreshold = 0.8\n");
        assert_eq!((found.line, found.column), (3, 1));
        assert!(found.message.contains("treshold"), "{}", found.message);
    }

    #[test]
    fn wrong_type_bad_toml_and_out_of_range_values_are_errors() {
        assert_eq!(
            error("[checks.repeated-heading]\nenabled = \"yes\"\n").line,
            2
        );
        assert_eq!(error("debounce_ms = \n").line, 1);
        let range = error("\n[duplicates]\nthreshold = 1.5\n");
        assert_eq!((range.line, range.column), (3, 13));
        assert!(
            range.message.contains("between 0.5 and 1"),
            "{}",
            range.message
        );
        assert!(error("debounce_ms = -1")
            .message
            .contains("between 0 and 10000"));
        assert!(error("[duplicates]\nmin_words = 1")
            .message
            .contains("min_words"));
        assert!(error("[index]\nmax_file_kb = 0")
            .message
            .contains("index.max_file_kb must be between 1 and 102400"));
    }

    #[test]
    fn unknown_check_and_bad_severity_are_errors() {
        let check = error("[checks.no-such-check]\nenabled = true\n");
        assert_eq!(check.line, 1);
        assert!(
            check.message.contains("repeated-heading"),
            "{}",
            check.message
        );
        let severity = error("[checks.repeated-heading]\nseverity = \"fatal\"\n");
        assert_eq!(severity.line, 2);
        assert!(severity.message.contains("fatal"), "{}", severity.message);
    }

    #[test]
    fn bad_glob_is_an_error() {
        let glob = error("exclude = [\"ok/\", \"a[\"]\n");
        assert_eq!((glob.line, glob.column), (1, 19));
    }

    #[test]
    fn message_names_file_line_and_column() {
        let found = error("x = 1").with_path(Path::new("/news/copydesk.toml"));
        assert!(found
            .to_string()
            .starts_with("/news/copydesk.toml:1:1: unknown field `x`"));
    }

    #[test]
    fn upper_layer_wins_field_by_field() {
        let file = parse(FULL).unwrap();
        let mut editor = ConfigLayer {
            duplicate_threshold: Some(0.7),
            ..ConfigLayer::default()
        };
        editor.checks.insert(
            "unattributed-quote".into(),
            CheckSettings {
                enabled: Some(false),
                severity: None,
            },
        );
        let merged = file.overridden_by(&editor);
        assert_eq!(merged.duplicate_threshold, Some(0.7));
        assert_eq!(merged.min_passage_words, Some(12));
        let quote = &merged.checks["unattributed-quote"];
        assert_eq!(quote.enabled, Some(false));
        assert_eq!(quote.severity, Some(Severity::Information));
    }

    #[test]
    fn reads_style_guide_entities() {
        let text = r#"
[[entities]]
name = "Volodymyr Zelenskyy"
aliases = ["Zelensky", " Volodymyr  Zelensky "]
kind = "person"
description = "President of Ukraine."

[[entities]]
name = "European Central Bank"
aliases = ["ECB"]
kind = "organization"
"#;
        let settings = parse(text).expect("valid").settings();
        assert_eq!(
            settings.entities,
            vec![
                StyleEntity {
                    name: "Volodymyr Zelenskyy".into(),
                    aliases: vec!["Zelensky".into(), "Volodymyr Zelensky".into()],
                    kind: Some(EntityKind::Person),
                    description: Some("President of Ukraine.".into()),
                },
                StyleEntity {
                    name: "European Central Bank".into(),
                    aliases: vec!["ECB".into()],
                    kind: Some(EntityKind::Organisation),
                    description: None,
                },
            ]
        );
    }

    #[test]
    fn style_guide_entities_are_strict() {
        let unknown = error("[[entities]]\nname = \"A B\"\nrole = \"x\"\n");
        assert_eq!(unknown.line, 3);
        assert!(unknown.message.contains("role"), "{}", unknown.message);
        let missing = error("[[entities]]\naliases = [\"A\"]\n");
        assert!(missing.message.contains("name"), "{}", missing.message);
        let kind = error("[[entities]]\nname = \"A\"\nkind = \"animal\"\n");
        assert_eq!(kind.line, 3);
        let empty = error("[[entities]]\nname = \"A\"\naliases = [\" \"]\n");
        assert_eq!((empty.line, empty.column), (3, 12));
        assert!(empty.message.contains("alias"), "{}", empty.message);
    }

    #[test]
    fn filter_applies_globs_relative_to_the_base() {
        let layer = parse(FULL).unwrap();
        let filter = layer.file_filter(Some(PathBuf::from("/news")));
        assert!(filter.allows(Path::new("/news/stories/a/b.md"), false));
        assert!(!filter.allows(Path::new("/news/other/b.md"), true));
        assert!(!filter.allows(Path::new("/news/stories/x.draft.md"), true));
        let exclude_only =
            FileFilter::new(Some(PathBuf::from("/news")), &[], &["archive/".to_string()]);
        assert!(exclude_only.is_excluded(Path::new("/news/archive/2019/a.md")));
        assert!(!exclude_only.allows(Path::new("/news/archive/a.md"), true));
        assert!(exclude_only.allows(Path::new("/news/a.md"), true));
        assert!(!exclude_only.allows(Path::new("/news/a.rs"), false));
    }
}
