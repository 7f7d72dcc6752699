//! Turns the paths given on the command line into the list of inputs to check: files as given,
//! folders walked (respecting .gitignore and skipping hidden files), `-` for standard input.

use std::path::{Path, PathBuf};

pub enum Input {
    Stdin,
    File(PathBuf),
}

/// The inputs in a stable order (arguments in order, each folder's files sorted), and whether
/// any path was missing or unreadable (already reported on stderr).
pub fn collect(paths: &[PathBuf]) -> (Vec<Input>, bool) {
    let mut inputs = Vec::new();
    let mut had_errors = false;
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            had_errors |= walk(path, &mut inputs);
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            eprintln!("copydesk: {}: no such file or folder", path.display());
            had_errors = true;
        }
    }
    (inputs, had_errors)
}

fn walk(folder: &Path, inputs: &mut Vec<Input>) -> bool {
    let mut found = Vec::new();
    let mut had_errors = false;
    for entry in ignore::WalkBuilder::new(folder).follow_links(false).build() {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && super::is_copy_file(entry.path()) {
                    found.push(entry.into_path());
                }
            }
            Err(error) => {
                eprintln!("copydesk: {error}");
                had_errors = true;
            }
        }
    }
    found.sort();
    inputs.extend(found.into_iter().map(Input::File));
    had_errors
}
