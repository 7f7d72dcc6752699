//! Turns the paths given on the command line into the list of inputs to check: files as given,
//! folders walked (respecting .gitignore, skipping hidden files, never following symlinks),
//! `-` for standard input; `include` / `exclude` globs of the applying `copydesk.toml` filter
//! them. Reads each input, telling unreadable, binary and non-UTF-8 files apart.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::configs::Configs;
use crate::config::ConfigError;

pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// As shown to the user: the path as given, or `<stdin>`.
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// The path whose folder decides which `copydesk.toml` applies.
    pub fn config_anchor(&self) -> PathBuf {
        match self {
            Input::Stdin => PathBuf::from("."),
            Input::File(path) => path.clone(),
        }
    }
}

/// The inputs found, and whether any path was missing or unreadable (already reported).
pub struct Collected {
    pub inputs: Vec<Input>,
    pub had_errors: bool,
}

/// The inputs in a stable order (arguments in order, each folder's files sorted). An invalid
/// configuration file stops the collection.
pub fn collect(paths: &[PathBuf], configs: &mut Configs) -> Result<Collected, ConfigError> {
    let mut collected = Collected {
        inputs: Vec::new(),
        had_errors: false,
    };
    for path in paths {
        if path.as_os_str() == "-" {
            collected.inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, configs, &mut collected)?;
        } else if path.exists() {
            if !configs.for_path(path)?.filter.is_excluded(path) {
                collected.inputs.push(Input::File(path.clone()));
            }
        } else {
            eprintln!("copydesk: {}: no such file or folder", path.display());
            collected.had_errors = true;
        }
    }
    Ok(collected)
}

fn walk(
    folder: &Path,
    configs: &mut Configs,
    collected: &mut Collected,
) -> Result<(), ConfigError> {
    let mut found = Vec::new();
    for entry in ignore::WalkBuilder::new(folder).follow_links(false).build() {
        match entry {
            Ok(entry) => {
                // Symlinks are not followed, so they never lead out of the folder.
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && is_wanted(entry.path(), configs)? {
                    found.push(entry.into_path());
                }
            }
            Err(error) => {
                eprintln!("copydesk: {error}");
                collected.had_errors = true;
            }
        }
    }
    found.sort();
    collected.inputs.extend(found.into_iter().map(Input::File));
    Ok(())
}

/// A walked file is checked when its `copydesk.toml` globs allow it; without `include` globs,
/// when it has a copy extension (`.md`, `.markdown`, `.txt`).
fn is_wanted(path: &Path, configs: &mut Configs) -> Result<bool, ConfigError> {
    let filter = &configs.for_path(path)?.filter;
    Ok(filter.allows(path, super::is_copy_file(path)))
}

/// Why an input was not read.
pub enum Unread {
    /// Reported as an error: the file cannot be read, or is not UTF-8 text.
    Error(String),
    /// Noted and skipped: the file holds binary data.
    Binary(String),
}

/// Bytes looked at to tell binary data from text.
const SNIFF_LEN: usize = 8192;

pub fn read(input: &Input) -> Result<Arc<str>, Unread> {
    let bytes = match input {
        Input::Stdin => {
            let mut buffer = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buffer)
                .map_err(|e| Unread::Error(format!("cannot read standard input: {e}")))?;
            buffer
        }
        Input::File(path) => std::fs::read(path)
            .map_err(|e| Unread::Error(format!("cannot read {}: {e}", path.display())))?,
    };
    if bytes[..bytes.len().min(SNIFF_LEN)].contains(&0) {
        return Err(Unread::Binary(format!(
            "{} looks like a binary file; skipped",
            input.display()
        )));
    }
    String::from_utf8(bytes).map(Arc::from).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        Unread::Error(format!(
            "{} is not UTF-8 text (invalid byte at offset {at}); skipped",
            input.display()
        ))
    })
}
